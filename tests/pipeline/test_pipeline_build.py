"""The whole build on seeds/ through the real command line: the competency queries, provenance,
query and export formats, validation, listing and removing documents, and the errors a user sees."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from cq_gold import compare, load_gold
from pipeline_helpers import QUERIES, SEED_FILE, cli_main, nquads, run_cli, select
from rdflib import Dataset, Graph

CONTRACT = {
    "cq01_entities.rq": ["label", "kind"],
    "cq02_roles.rq": ["person", "role", "affiliation"],
    "cq03_flows.rq": ["kind", "from", "to", "commodity", "amount", "year"],
    "cq04_org_home.rq": ["org", "country"],
    "cq05_org_activity.rq": ["org", "market", "sector", "status"],
    "cq06_cooperation.rq": ["countryA", "countryB", "area"],
    "cq07_memberships.rq": ["member", "organization"],
    "cq08_links.rq": ["label", "wikidata"],
}
SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")


SELECT_FORMATS = ["json", "csv", "tsv", "table"]
CONSTRUCT = ("PREFIX dg: <https://w3id.org/diplograph/ontology#> "
             "CONSTRUCT { ?f a dg:TradeFlow ; dg:amount ?a } WHERE { ?f a dg:TradeFlow ; dg:amount ?a }")
CONSTRUCT_FORMATS = {"turtle": "turtle", "ntriples": "nt"}
EXPORT_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld", "rdfxml": "xml"}
DATASET_FORMATS = {"trig", "nquads", "jsonld"}  # pyoxigraph writes JSON-LD with its named graphs


@pytest.fixture(scope="module")
def outputs(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """Every read-only CLI call this module checks, run once: {(what, format): stdout}."""
    out_dir = tmp_path_factory.mktemp("export")
    store = str(seed_store)
    calls: dict[tuple[str, str], tuple[str, ...]] = {}
    for name in CONTRACT:
        calls[("cq", name)] = ("query", "--store", store, str(QUERIES / name), "--format", "json")
    for fmt in SELECT_FORMATS:
        calls[("select", fmt)] = ("query", "--store", store, str(QUERIES / "cq07_memberships.rq"), "--format", fmt)
    for fmt in CONSTRUCT_FORMATS:
        calls[("construct", fmt)] = ("query", "--store", store, "--format", fmt, "-e", CONSTRUCT)
    for fmt in EXPORT_FORMATS:
        calls[("export", fmt)] = ("export", "--store", store, "--format", fmt, "-o", str(out_dir / f"export.{fmt}"))
    calls[("validate", "")] = ("validate", "--store", store)
    calls[("documents", "")] = ("documents", "--store", store)
    calls[("documents", "json")] = ("documents", "--store", store, "--json")
    # One CQ as a real subprocess (what score.py does); the rest through the same entry point in-process.
    proc = run_cli(*calls.pop(("cq", "cq01_entities.rq")))
    found = {("cq", "cq01_entities.rq"): proc.stdout}
    for key, args in calls.items():
        code, stdout, stderr = cli_main(*args)
        assert code == 0 or key[0] == "validate", f"{key}: {stderr}"
        found[key] = stdout
        if key[0] == "validate":
            found[("validate", "rc")] = str(code)
    found[("export", "dir")] = str(out_dir)
    return found


def cq(outputs: dict[tuple[str, str], str], name: str) -> dict:
    return json.loads(outputs[("cq", name)])


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_competency_query_returns_sparql_json_with_the_contracts_variables(
        outputs: dict[tuple[str, str], str], name: str) -> None:
    """Each CQ gives W3C SPARQL 1.1 Results JSON with exactly the contract's variables and some rows."""
    result = cq(outputs, name)
    assert result["head"]["vars"] == CONTRACT[name]
    bindings = result["results"]["bindings"]
    assert bindings, f"{name} returned no rows on the seed"
    for row in bindings:
        assert set(row) <= set(CONTRACT[name])
        for term in row.values():
            assert term["type"] in ("uri", "literal", "bnode") and "value" in term


@pytest.mark.parametrize("name", CONTRACT)
def test_competency_answers_on_the_seed_are_the_gold(outputs: dict[tuple[str, str], str], name: str) -> None:
    """Each CQ's rows from `diplograph query --format json` (what score.py reads) are exactly the gold's
    rows for the seed (gold/seed.json, from ../shared/cq/gold): none missed, none extra, under the
    contract's matching rules (cq_gold.py)."""
    gold = load_gold()
    assert gold.documents == [SEED_FILE.name]
    rows = [{k: v["value"] for k, v in r.items()} for r in cq(outputs, name)["results"]["bindings"]]
    missed, extra = compare(name.removesuffix(".rq"), rows, gold)
    assert (missed, extra) == ([], []), f"{name}: missed {missed}; extra {extra}"


def test_countries_link_to_wikidata(outputs: dict[tuple[str, str], str]) -> None:
    """Canada and Kazakhstan have their Wikidata entity IRIs (cq08)."""
    rows = {r["label"]["value"]: r["wikidata"]["value"] for r in cq(outputs, "cq08_links.rq")["results"]["bindings"]}
    assert rows["Canada"] == "http://www.wikidata.org/entity/Q16"
    assert rows["Kazakhstan"] == "http://www.wikidata.org/entity/Q232"


def test_seed_flows_are_in_base_units(outputs: dict[tuple[str, str], str]) -> None:
    """The seed's stated figures come out as plain numbers in base units with their years."""
    rows = [{k: v["value"] for k, v in r.items()} for r in cq(outputs, "cq03_flows.rq")["results"]["bindings"]]
    found = {(r["kind"], float(r["amount"]), r.get("year")) for r in rows}
    assert ("trade", 5e8, "2024") in found
    assert ("investment", 1e9, "2021") in found and ("investment", 2.2e9, "2022") in found


def test_every_fact_points_to_a_sentence_of_its_document(seed_store: Path) -> None:
    """Every fact has prov:wasDerivedFrom a sentence whose text is the document's text at its offsets."""
    rows = select(seed_store, """
        SELECT ?fact ?sentence ?text ?begin ?end ?doc WHERE {
          ?fact prov:wasGeneratedBy ?run .
          OPTIONAL { ?fact prov:wasDerivedFrom ?sentence .
                     ?sentence dg:text ?text ; dg:beginIndex ?begin ; dg:endIndex ?end ; dcterms:isPartOf ?doc } }""")
    assert len(rows) >= 20
    for row in rows:
        assert "sentence" in row, f"{row['fact']} has no sentence"
        begin, end = int(row["begin"]), int(row["end"])
        assert SEED_TEXT[begin:end] == row["text"], row["sentence"]


def test_document_has_hash_path_and_title(seed_store: Path) -> None:
    """The document node carries the file's sha256, its path and its first line as title."""
    (row,) = select(seed_store, "SELECT ?sha ?path ?title WHERE { ?d a dg:Document ; dg:sha256 ?sha ; "
                                "dg:path ?path ; dcterms:title ?title }")
    assert row["sha"] == hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()
    assert Path(row["path"]).name == SEED_FILE.name
    assert row["title"] == SEED_TEXT.splitlines()[0].strip()


def test_build_summary_fact_count_matches_the_store(seed_store: Path) -> None:
    """The "facts: N" of the build summary is the number of facts the store holds for the document."""
    summary = (seed_store.parent / "build-stdout.txt").read_text(encoding="utf-8")
    said = int(re.search(r"facts: (\d+);", summary).group(1))
    (count,) = select(seed_store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f prov:wasGeneratedBy ?run }")
    assert said == int(count["n"])


def test_run_records_software_and_time(seed_store: Path) -> None:
    """Each extraction run names the software version and when it started."""
    rows = select(seed_store, "SELECT ?run ?version ?time WHERE { ?run a dg:ExtractionRun ; prov:startedAtTime ?time ;"
                              " dg:software/dg:softwareVersion ?version }")
    assert len(rows) == 1 and rows[0]["version"] and rows[0]["time"][:2] == "20"


@pytest.mark.parametrize("fmt", SELECT_FORMATS)
def test_select_formats(outputs: dict[tuple[str, str], str], fmt: str) -> None:
    """SELECT results come out in every advertised format with the same rows."""
    out = outputs[("select", fmt)]
    if fmt == "json":
        assert len(json.loads(out)["results"]["bindings"]) == 2
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["member", "organization"] and len(rows) == 3
    elif fmt == "tsv":
        lines = out.strip().splitlines()
        assert lines[0].split("\t") == ["?member", "?organization"] and len(lines) == 3
    else:
        assert out.splitlines()[0].split() == ["member", "|", "organization"]
        assert "(2 rows)" in out


@pytest.mark.parametrize("fmt", sorted(CONSTRUCT_FORMATS))
def test_construct_formats(outputs: dict[tuple[str, str], str], fmt: str) -> None:
    """CONSTRUCT gives a graph that parses in the format asked for."""
    graph = Graph().parse(data=outputs[("construct", fmt)], format=CONSTRUCT_FORMATS[fmt])
    # the seed's three trade flows (the gold's cq03: the $500 million total, uranium, iron), two triples each
    assert len(graph) == 6


@pytest.fixture(scope="module")
def stored_quads(seed_store: Path) -> list[str]:
    return nquads(seed_store)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_parses(outputs: dict[tuple[str, str], str], stored_quads: list[str], fmt: str) -> None:
    """Every export format parses with rdflib; dataset formats keep every quad, graph formats the union."""
    out = Path(outputs[("export", "dir")]) / f"export.{fmt}"
    rdflib_format = EXPORT_FORMATS[fmt]
    if fmt in DATASET_FORMATS:
        dataset = Dataset()
        dataset.parse(out, format=rdflib_format)
        assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(stored_quads)
    else:
        graph = Graph().parse(out, format=rdflib_format)
        union = {line.rsplit(" ", 2)[0] for line in stored_quads}  # rough upper bound on distinct triples
        assert 0.5 * len(union) <= len(graph) <= len(stored_quads)


def test_validate_passes_on_the_built_store(outputs: dict[tuple[str, str], str]) -> None:
    """What the build stored conforms to the shapes: `validate` exits 0."""
    assert outputs[("validate", "rc")] == "0", outputs[("validate", "")]
    assert "conforms" in outputs[("validate", "")]


def test_documents_lists_the_document_with_its_fact_count(seed_store: Path,
                                                          outputs: dict[tuple[str, str], str]) -> None:
    """`documents` shows the seed with its title, hash and a fact count matching the store."""
    (doc,) = json.loads(outputs[("documents", "json")])
    assert Path(doc["path"]).name == SEED_FILE.name
    (count,) = select(seed_store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f prov:wasGeneratedBy ?run }")
    assert int(doc["facts"]) == int(count["n"]) >= 20
    assert doc["rejected"] == "0"
    assert doc["sha"] == hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()
    text = outputs[("documents", "")]
    assert SEED_FILE.name in text and "(1 documents)" in text


def test_remove_drops_the_document_and_its_report(seed_store: Path, tmp_path: Path) -> None:
    """`remove` takes a document's graph and its report graph out; the ontology stays."""
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    base = "https://w3id.org/diplograph/"
    doc_id = SEED_FILE.stem
    proc = run_cli("remove", SEED_FILE.name, "--store", str(store))
    assert "removed" in proc.stdout
    graphs = {r["g"] for r in select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert f"{base}doc/{doc_id}" not in graphs and f"{base}graph/report/{doc_id}" not in graphs
    assert f"{base}graph/ontology" in graphs
    assert select(store, "SELECT ?f WHERE { ?f prov:wasGeneratedBy ?r }") == []
    again = run_cli("remove", SEED_FILE.name, "--store", str(store), check=False)
    assert again.returncode != 0 and SEED_FILE.name in again.stderr


def test_query_syntax_error_is_clear(seed_store: Path) -> None:
    """A malformed query exits non-zero with a message about syntax, not a traceback."""
    proc = run_cli("query", "--store", str(seed_store), "-e", "SELEKT ?x WHERE { ?x ?y }", check=False)
    assert proc.returncode != 0
    assert "syntax" in proc.stderr.lower() and "Traceback" not in proc.stderr


def test_missing_store_is_clear(tmp_path: Path) -> None:
    """Querying a store that does not exist names it and says how to build it, without creating it."""
    missing = tmp_path / "nowhere"
    proc = run_cli("query", "--store", str(missing), "-e", "SELECT * WHERE { ?s ?p ?o }", check=False)
    assert proc.returncode != 0
    assert str(missing) in proc.stderr and "build" in proc.stderr and "Traceback" not in proc.stderr
    assert not missing.exists()

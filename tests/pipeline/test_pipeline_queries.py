"""The queries in queries/ (competency queries cqNN and examples exNN) run on a store built from seeds/.

Every query is parsed and run in-process against the session's seed store, with the union of the
named graphs as the default graph (as `diplograph query` runs them).  The example queries promise
their result variables in a `# Variables:` header line; those the seed article can answer must return
at least one row, with each promised variable bound in some row.  The competency queries must return
exactly the gold rows for the seed (gold/seed.json, matched by the contract's rules in cq_gold.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from cq_gold import compare, load_gold
from pipeline_helpers import QUERIES, ROOT

from diplograph.graph.build import oxigraph_triples
from diplograph.graph.store import open_store
from diplograph.graph.store import query as run_query
from diplograph.graph.validate import Rejection, report_triples

QUERY_FILES = sorted(QUERIES.glob("*.rq"))  # not federated/: those need a remote endpoint
CQ_FILES = [p for p in QUERY_FILES if p.name.startswith("cq")]
EX_FILES = [p for p in QUERY_FILES if p.name.startswith("ex")]

# The seed article has no fact that SHACL rejects, so its store has no report graph.
SEED_CANNOT_ANSWER = {"ex09_rejected_facts"}

# The extraction contract (/work/shared/cq/README.md): each CQ's result variables, in order.
CQ_VARIABLES = {
    "cq01_entities": ["label", "kind"],
    "cq02_roles": ["person", "role", "affiliation"],
    "cq03_flows": ["kind", "from", "to", "commodity", "amount", "year"],
    "cq04_org_home": ["org", "country"],
    "cq05_org_activity": ["org", "market", "sector", "status"],
    "cq06_cooperation": ["countryA", "countryB", "area"],
    "cq07_memberships": ["member", "organization"],
    "cq08_links": ["label", "wikidata"],
}

DG = "https://w3id.org/diplograph/ontology#"
BASE = "https://w3id.org/diplograph/"


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def promised_variables(text: str) -> list[str]:
    """The variables a query's header promises: its `# Variables: ?a ?b` line."""
    match = re.search(r"^# Variables:(.*)$", text, re.MULTILINE)
    assert match, "the header has no '# Variables:' line"
    return re.findall(r"\?(\w+)", match.group(1))


def solve(store: ox.Store, text: str) -> tuple[list[str], list[dict[str, str]]]:
    """(result variables, rows as {variable: value} with unbound variables left out)."""
    result = run_query(store, text)
    names = [v.value for v in result.variables]
    rows = [{n: row[n].value for n in names if row[n] is not None} for row in result]
    return names, rows


@pytest.fixture(scope="module")
def store(seed_store: Path) -> ox.Store:
    return open_store(seed_store, read_only=True)


@pytest.fixture(scope="module")
def ontology_terms() -> set[str]:
    """Local names of every dg: term the ontology declares."""
    quads = ox.parse(path=str(ROOT / "ontology" / "diplograph.ttl"), format=ox.RdfFormat.TURTLE)
    return {q.subject.value[len(DG):] for q in quads
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(DG)}


def test_there_are_queries() -> None:
    assert len(CQ_FILES) == 8
    assert len(EX_FILES) >= 8


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_query_parses(path: Path) -> None:
    """pyoxigraph parses the query (run on an empty store, where it must still be a SELECT)."""
    result = ox.Store().query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)


@pytest.mark.parametrize("path", QUERY_FILES, ids=_ids(QUERY_FILES))
def test_query_runs_on_seed(store: ox.Store, path: Path) -> None:
    names, rows = solve(store, path.read_text(encoding="utf-8"))
    assert names
    if path.stem in CQ_VARIABLES:
        assert names == CQ_VARIABLES[path.stem]
        missed, extra = compare(path.stem, rows, load_gold())  # the gold rows for the seed, exactly
        assert (missed, extra) == ([], []), f"{path.name}: missed {missed}; extra {extra}"


@pytest.mark.parametrize("path", EX_FILES, ids=_ids(EX_FILES))
def test_example_header(path: Path, ontology_terms: set[str]) -> None:
    """A comment header (what it answers, how to adapt it), PREFIX lines, only ontology dg: terms."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    assert re.match(r"# EX\d+: \S", header[0]), "the first line says what the query answers"
    assert any("Adapt" in line for line in header), "the header says how to adapt the query"
    promised_variables(text)
    assert re.search(r"^PREFIX dg:\s+<" + re.escape(DG) + ">", text, re.MULTILINE)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = set(re.findall(r"\bdg:(\w+)", body))
    assert used <= ontology_terms, f"not in the ontology: {sorted(used - ontology_terms)}"


@pytest.mark.parametrize("path", EX_FILES, ids=_ids(EX_FILES))
def test_example_answers_seed(store: ox.Store, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    promised = promised_variables(text)
    names, rows = solve(store, text)
    assert names == promised, f"{path.name} returns {names}, its header promises {promised}"
    if path.stem in SEED_CANNOT_ANSWER:
        return
    assert rows, f"{path.name} returns no row on the seed article"
    never_bound = [v for v in promised if not any(v in row for row in rows)]
    assert not never_bound, f"{path.name}: never bound on the seed article: {never_bound}"


def test_rejections_query_reads_report_graphs() -> None:
    """ex09 on a report graph as the build writes it (the seed has none to read)."""
    doc_id = "999_test"
    doc = f"{BASE}doc/{doc_id}"
    sentence = f"{doc}/sentence/3"
    report_graph = f"{BASE}graph/report/{doc_id}"
    rejection = Rejection(
        focus=f"{BASE}id/organization/some-agency", fact=f"{doc}/fact/homecountry-0123456789ab",
        sentence=sentence, sentence_text="Some Agency of Nowhere said so.",
        constraint="http://www.w3.org/ns/shacl#ClassConstraintComponent",
        shape=f"{BASE}shapes#HomeCountryShape", message="an organization's home country must be a country",
    )
    mem = ox.Store()
    graph = ox.NamedNode(report_graph)
    for s, p, o in oxigraph_triples(report_triples(report_graph, doc, [rejection])):
        mem.add(ox.Quad(s, p, o, graph))
    mem.add(ox.Quad(ox.NamedNode(doc), ox.NamedNode("http://purl.org/dc/terms/title"),
                    ox.Literal("A test article"), ox.NamedNode(doc)))
    names, rows = solve(mem, (QUERIES / "ex09_rejected_facts.rq").read_text(encoding="utf-8"))
    assert rows == [{
        "title": "A test article",
        "message": rejection.message,
        "focus": rejection.focus,
        "constraint": rejection.constraint,
        "shape": rejection.shape,
        "sentence": rejection.sentence_text,
        "sentenceIri": sentence,
    }]


def test_gold_matching_rules_are_the_contracts() -> None:
    """The matcher forgives what the contract forgives and nothing more (a check on cq_gold itself)."""
    gold = load_gold()
    flow = {"kind": "trade", "from": "Kazakhstan", "to": "Canada", "commodity": "uranium", "amount": "300000000",
            "year": "2024"}
    total = {"kind": "trade", "from": "Canada", "to": "Kazakhstan", "amount": "500000000", "year": "2024"}
    invest = [{"kind": "investment", "from": "Canada", "to": "Kazakhstan", "amount": a, "year": y}
              for a, y in (("1000000000", "2021"), ("2200000000", "2022"))]
    iron = {**flow, "commodity": "iron", "amount": "13000000"}
    assert compare("cq03_flows", [flow, iron, total, *invest], gold) == ([], [])
    # amounts within 2 %, either order for undirected trade, case and punctuation, a leading "the"
    near = {**flow, "amount": "305000000", "from": "the Republic of Kazakhstan.", "to": "CANADA"}
    swapped = {**total, "from": "Kazakhstan", "to": "Canada"}
    assert compare("cq03_flows", [near, iron, swapped, *invest], gold) == ([], [])
    far = {**flow, "amount": "310000000"}  # 3.3 % off: wrong, so both missed and extra
    assert compare("cq03_flows", [far, iron, total, *invest], gold) == ([gold.rows["cq03_flows"][1]], [far])
    reversed_ = {**flow, "from": "Canada", "to": "Kazakhstan"}  # a directed flow keeps its direction
    assert compare("cq03_flows", [reversed_, iron, total, *invest], gold)[1] == [reversed_]
    wrong_year = {**invest[0], "year": "2020"}
    assert compare("cq03_flows", [flow, iron, total, wrong_year, invest[1]], gold)[1] == [wrong_year]
    # aliases and sector synonyms; an optional row is neither right nor wrong, an unknown row is extra
    activity = [{"org": "BI Group Holding", "market": "Canada", "sector": "real estate", "status": "planned"},
                {"org": "the BI Group", "market": "Kazakhstan", "sector": "construction", "status": "Active"},
                {"org": "Aras Minerals", "market": "Kazakhstan", "sector": "copper mining", "status": "active"}]
    assert compare("cq05_org_activity", activity, gold) == ([], [])
    assert compare("cq05_org_activity", [{**activity[0], "status": "active"}, *activity[1:]], gold)[0]
    homes = [{"org": "Aras Minerals", "country": "Canada"}, {"org": "BI Group", "country": "Kazakhstan"},
             {"org": "CIPD", "country": "Canada"}]
    optional = {"org": "M. Narikbayev University", "country": "Kazakhstan"}
    stray = {"org": "Aras Minerals", "country": "Kazakhstan"}
    assert compare("cq04_org_home", [*homes, optional], gold) == ([], [])
    assert compare("cq04_org_home", [*homes, stray], gold) == ([], [stray])
    assert compare("cq04_org_home", homes[1:], gold) == ([gold.rows["cq04_org_home"][0]], [])
    # links are judged for the countries the gold links only
    links = [{"label": "Canada", "wikidata": "http://www.wikidata.org/entity/Q16"},
             {"label": "Kazakhstan", "wikidata": "http://www.wikidata.org/entity/Q232"},
             {"label": "Somewhere", "wikidata": "http://www.wikidata.org/entity/Q1"}]
    assert compare("cq08_links", links, gold) == ([], [])
    wrong = {"label": "Canada", "wikidata": "http://www.wikidata.org/entity/Q17"}
    assert compare("cq08_links", [wrong, links[1]], gold) == ([gold.rows["cq08_links"][1]], [wrong])

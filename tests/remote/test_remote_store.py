"""`--store URL`: a build into a real SPARQL store (Oxigraph's server, Virtuoso) leaves the quads a build
into the embedded store leaves; a rebuild skips the unchanged document; `query` answers the competency
question from there; `serve --store URL` stands in front of it; a wrong password is one clear line;
`export --format nquads` then `load` gives the same quads back."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from remote_helpers import (
    ROOT,
    Remote,
    canonical,
    run_cli,
    start_oxigraph,
    start_oxigraph_behind_basic_auth,
    start_virtuoso,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))  # the endpoint tests' server helpers
from api_helpers import start_server, stop_server  # noqa: E402

from diplograph.graph.store import open_store, query  # noqa: E402

SEEDS = ROOT / "seeds"
DG = "https://w3id.org/diplograph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + t for t in ("decimal", "double", "float", "integer", "int", "long", "gYear")}
# The seed's flows as the contract's gold gives them (tests/pipeline/gold/seed.json, written by hand from
# the article): (kind, amount, year, commodity); the gold's unordered "between" pair is one trade flow.
SEED_FLOWS = {("trade", 500000000, 2024, ""), ("trade", 300000000, 2024, "uranium"),
              ("trade", 13000000, 2024, "iron"), ("investment", 1000000000, 2021, ""),
              ("investment", 2200000000, 2022, "")}


@dataclass
class Built:
    remote: Remote
    first: object
    again: object
    export: Path


@pytest.fixture(scope="module")
def local_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built into the embedded store and exported as N-Quads: what a remote build must equal."""
    folder = tmp_path_factory.mktemp("local")
    run_cli("build", str(SEEDS), "--store", str(folder / "store"))
    run_cli("export", "--store", str(folder / "store"), "--format", "nquads", "-o", str(folder / "local.nq"))
    return folder / "local.nq"


STARTERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso,  # Virtuoso with digest authentication
            "oxigraph-basic": start_oxigraph_behind_basic_auth}  # Oxigraph behind nginx with basic authentication


@pytest.fixture(scope="module", params=list(STARTERS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """A real store started for this module, the seed built into it twice, and its export."""
    folder = tmp_path_factory.mktemp(request.param)
    remote = STARTERS[request.param](folder)
    try:
        first = run_cli("build", str(SEEDS), "--store", remote.url, env=remote.env, check=False)
        again = run_cli("build", str(SEEDS), "--store", remote.url, env=remote.env, check=False)
        run_cli("export", "--store", remote.url, "--format", "nquads", "-o", str(folder / "remote.nq"),
                env=remote.env)
        yield Built(remote, first, again, folder / "remote.nq")
    finally:
        remote.stop()


def test_a_build_into_the_remote_store_leaves_the_quads_of_an_embedded_build(built: Built, local_export: Path) -> None:
    assert built.first.returncode == 0, built.first.stderr
    assert "documents: 1 built, 0 unchanged, 0 failed; the store holds 1 document" in built.first.stdout
    local, remote = canonical(local_export), canonical(built.export)
    assert len(local) > 2000  # the ontology and the seed's facts, not an empty export on both sides
    assert remote == local


def test_a_rebuild_skips_the_unchanged_document(built: Built) -> None:
    assert built.again.returncode == 0, built.again.stderr
    assert "documents: 0 built, 1 unchanged, 0 failed" in built.again.stdout
    assert "changed by this build: nothing" in built.again.stdout


def test_query_answers_the_flows_question_from_the_remote_store(built: Built) -> None:
    proc = run_cli("query", str(ROOT / "queries" / "cq03_flows.rq"), "--store", built.remote.url, "--format", "json",
                   env=built.remote.env)
    rows = json.loads(proc.stdout)["results"]["bindings"]
    flows = {(r["kind"]["value"], round(float(r["amount"]["value"])), int(r["year"]["value"]),
              r.get("commodity", {}).get("value", "")) for r in rows}
    assert flows == SEED_FLOWS
    documents = json.loads(run_cli("documents", "--store", built.remote.url, "--json", env=built.remote.env).stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in documents] == [next(SEEDS.glob("*.txt")).name]



def _rows(store: object, text: str) -> tuple[list[str], Counter]:
    """A question's variables and its rows, numbers compared as numbers (stores write them differently)."""
    result = query(store, text)  # type: ignore[arg-type]
    names = [v.value for v in result.variables]

    def value(term: object) -> object:
        if isinstance(term, ox.Literal) and term.datatype.value in NUMBERS:
            return float(term.value)
        return None if term is None else term.value  # type: ignore[attr-defined]

    return names, Counter(tuple(value(row[n]) for n in names) for row in result)


def test_every_competency_question_gives_the_remote_store_the_embedded_stores_rows(
        built: Built, local_export: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each question is written for the union of the graphs in any store's dialect: the same rows as the
    embedded store's, row for row, from every store the fixture starts (Virtuoso has its own dialect)."""
    for name, setting in built.remote.env.items():
        monkeypatch.setenv(name, setting)
    local = open_store(local_export.parent / "store", read_only=True)
    remote = open_store(built.remote.url)
    questions = sorted((ROOT / "queries").glob("cq*.rq"))
    assert len(questions) == 8
    for path in questions:
        text = path.read_text(encoding="utf-8")
        names, expected = _rows(local, text)
        assert sum(expected.values()) > 0, path.name  # the seed answers every question
        assert _rows(remote, text) == (names, expected), path.name


def test_serve_stands_in_front_of_the_remote_store(built: Built, tmp_path: Path) -> None:
    server = start_server(built.remote.url, "--workers", "1", "--max-result-bytes", "20000",
                          env=built.remote.env, log_dir=tmp_path)
    try:
        with server.client() as client:
            count = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:Country }"},
                               headers={"Accept": "application/sparql-results+json"})
            assert count.status_code == 200
            assert count.json()["results"]["bindings"][0]["n"]["value"] == "2"  # Kazakhstan and Canada
            page = client.get("/id/country/KAZ", headers={"Accept": "text/html"})
            assert page.status_code == 200 and "Kazakhstan" in page.text
            # the profile's questions in the store's own dialect (Virtuoso wants GROUP_CONCAT's separator)
            assert "<h2>Trade and investment</h2>" in page.text and '<svg class="network"' in page.text
            turtle = client.get("/id/country/KAZ", headers={"Accept": "text/turtle"})
            assert turtle.status_code == 200 and '"KAZ"' in turtle.text
            too_big = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
            assert too_big.status_code == 413  # the server's result cap holds in front of a remote store
            bad = client.get("/sparql", params={"query": "SELEC"})
            assert bad.status_code == 400 and "line 1" in bad.text
    finally:
        stop_server(server)


def test_a_wrong_password_is_one_clear_line_naming_the_url(built: Built) -> None:
    if not built.remote.env:
        pytest.skip("Oxigraph's server has no authentication; the runs with Virtuoso and nginx check it")
    env = {**built.remote.env, "DIPLOGRAPH_STORE_PASSWORD": "not-the-password"}
    proc = run_cli("build", str(SEEDS), "--store", built.remote.url, "--force", env=env, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1
    # Virtuoso checks credentials at /sparql-auth; behind nginx the first request, a query, meets them
    refused = built.remote.url + ("-auth" if built.remote.url.endswith("/sparql") else "query")
    assert line.startswith(f"error: {refused} refused the credentials (HTTP 401)")
    assert "not-the-password" not in proc.stderr + proc.stdout


def test_export_then_load_gives_the_same_quads(built: Built, local_export: Path, tmp_path: Path) -> None:
    """Into an empty embedded store from a gzip file, and into the remote store's empty twin."""
    packed = tmp_path / "graph.nq.gz"
    with local_export.open("rb") as source, gzip.open(packed, "wb") as target:
        shutil.copyfileobj(source, target)
    proc = run_cli("load", str(packed), "--store", str(tmp_path / "store"))
    lines = sum(1 for line in local_export.read_text().splitlines() if line.strip())
    assert proc.stdout.strip() == f"loaded {lines} quads from {packed} into {tmp_path / 'store'}"
    run_cli("export", "--store", str(tmp_path / "store"), "--format", "nquads", "-o", str(tmp_path / "back.nq"))
    assert canonical(tmp_path / "back.nq") == canonical(local_export)


def test_load_into_a_fresh_remote_store(local_export: Path, tmp_path: Path) -> None:
    remote = start_oxigraph(tmp_path)
    try:
        run_cli("load", str(local_export), "--store", remote.url)
        run_cli("export", "--store", remote.url, "--format", "nquads", "-o", str(tmp_path / "back.nq"))
        assert canonical(tmp_path / "back.nq") == canonical(local_export)
        with httpx.Client() as client:  # queried directly, as another client of the store sees it
            answer = client.post(remote.url + "query", data={"query": f"ASK {{ GRAPH ?g {{ ?c a <{DG}Country> }} }}"},
                                 headers={"Accept": "application/sparql-results+json"})
            assert answer.json()["boolean"] is True
    finally:
        remote.stop()

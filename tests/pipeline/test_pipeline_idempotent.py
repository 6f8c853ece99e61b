"""Rebuilding: the same input leaves exactly the same quads, a changed document replaces its own graph
only, and --force rebuilds to the same data apart from the run's time."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pipeline_helpers import SEED_FILE, SEEDS, nquads, run_cli, select
from rdflib import Graph
from rdflib.compare import isomorphic

ONTOLOGY_GRAPH = "https://w3id.org/diplograph/graph/ontology"
STARTED = "<http://www.w3.org/ns/prov#startedAtTime>"
PERU_VIETNAM = ("Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"
                "Bilateral trade between Peru and Vietnam reached {amount} in {year}.\n")


@dataclass
class Rebuilds:
    before: list[str]
    again: list[str]
    again_stdout: str
    forced: list[str]


@pytest.fixture(scope="module")
def rebuilds(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Rebuilds:
    """A copy of the seed store, built again with the same input and then with --force."""
    store = tmp_path_factory.mktemp("rebuild") / "store"
    shutil.copytree(seed_store, store)
    before = nquads(store)
    proc = run_cli("build", str(SEEDS), "--store", str(store))
    again = nquads(store)
    run_cli("build", str(SEEDS), "--store", str(store), "--force")
    return Rebuilds(before, again, proc.stdout, nquads(store))


def outside_ontology(quads: list[str]) -> list[str]:
    return [q for q in quads if not q.endswith(f"<{ONTOLOGY_GRAPH}> .")]


def ontology(quads: list[str]) -> Graph:
    return Graph().parse(data="\n".join(q.removesuffix(f" <{ONTOLOGY_GRAPH}> .") + " ."
                                        for q in quads if q.endswith(f"<{ONTOLOGY_GRAPH}> .")), format="nt")


def test_second_build_skips_the_document(rebuilds: Rebuilds) -> None:
    """Building the same input again reports the document unchanged and changes no document or report
    quad; the ontology graph holds the same triples."""
    assert "0 built, 1 unchanged, 0 failed" in rebuilds.again_stdout
    assert outside_ontology(rebuilds.again) == outside_ontology(rebuilds.before)
    assert isomorphic(ontology(rebuilds.again), ontology(rebuilds.before))


def test_second_build_leaves_exactly_the_same_quads(rebuilds: Rebuilds) -> None:
    """The issue's promise, to the letter: sorted N-Quads dumps are equal after a second build."""
    assert rebuilds.again == rebuilds.before


def test_force_rebuilds_to_the_same_quads_except_the_runs_time(rebuilds: Rebuilds) -> None:
    """--force re-extracts the document: identical document data apart from prov:startedAtTime."""
    def stable(quads: list[str]) -> list[str]:
        return [q for q in outside_ontology(quads) if STARTED not in q]

    assert stable(rebuilds.forced) == stable(rebuilds.before)
    def times(quads: list[str]) -> list[str]:
        return [q for q in outside_ontology(quads) if STARTED in q]

    assert len(times(rebuilds.forced)) == len(times(rebuilds.before)) == 1
    assert isomorphic(ontology(rebuilds.forced), ontology(rebuilds.before))


def doc_graph(store: Path, name: str) -> list[str]:
    """The quads of one document's named graph."""
    return [q for q in nquads(store) if q.rstrip(" .").endswith(f"/doc/{name}>")]


def test_changed_document_replaces_its_graph_only(tmp_path: Path) -> None:
    """A changed file's old facts are gone and its new ones are there; the other document is untouched."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED_FILE, docs / SEED_FILE.name)
    other = docs / "peru-vietnam.txt"
    other.write_text(PERU_VIETNAM.format(amount="$3 billion", year=2023), encoding="utf-8")
    store = tmp_path / "store"
    run_cli("build", str(docs), "--store", str(store))
    seed_before = doc_graph(store, SEED_FILE.stem)
    amounts = ("SELECT ?a ?y WHERE { ?f a dg:TradeFlow ; dg:amount ?a ; dg:year ?y ; "
               "prov:wasDerivedFrom/dcterms:isPartOf ?d . ?d dg:path ?p FILTER(CONTAINS(?p, 'peru-vietnam')) }")
    assert [(float(r["a"]), r["y"]) for r in select(store, amounts)] == [(3e9, "2023")]

    other.write_text(PERU_VIETNAM.format(amount="$4.5 billion", year=2024), encoding="utf-8")
    proc = run_cli("build", str(docs), "--store", str(store))
    assert "1 built, 1 unchanged, 0 failed" in proc.stdout
    assert [(float(r["a"]), r["y"]) for r in select(store, amounts)] == [(4.5e9, "2024")]
    assert doc_graph(store, SEED_FILE.stem) == seed_before
    (sha,) = select(store, "SELECT ?s WHERE { ?d a dg:Document ; dg:sha256 ?s ; dg:path ?p "
                           "FILTER(CONTAINS(?p, 'peru-vietnam')) }")

    assert sha["s"] == hashlib.sha256(other.read_bytes()).hexdigest()

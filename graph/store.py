"""The persistent quad store: pyoxigraph on disk, one named graph per document.

Queries see the union of all named graphs as their default graph, as Oxigraph's
own server does with ``--union-default-graph``.  Every change to a document is one
SPARQL Update request, which pyoxigraph applies as one transaction: a reader (or a
build killed halfway) sees the old graph or the new one, never half of each.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from diplograph.graph.config import IRIs

DG = "https://w3id.org/diplograph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PREFIXES = {
    "dg": DG, "rdf": RDF, "rdfs": RDFS, "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/", "sh": "http://www.w3.org/ns/shacl#",
}


class StoreError(RuntimeError):
    """The store directory cannot be opened or read."""


def is_store(path: str | Path) -> bool:
    """Whether the folder holds a store (RocksDB writes a CURRENT file when it creates one)."""
    return (Path(path) / "CURRENT").is_file()


def check_store(path: str | Path) -> Path:
    """The path, if it holds a store to read; otherwise StoreError says what is there instead."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"no store at {path}: run `diplograph build ... --store {path}` first")
    if not path.is_dir():
        raise StoreError(f"--store {path} is a file, not a store directory")
    if not is_store(path):
        raise StoreError(f"--store {path} is not a diplograph store (a folder that `diplograph build` "
                         "did not write)")
    return path


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store; read-only opening lets queries run beside a server.
    A folder that holds other files is never turned into a store."""
    path = Path(path)
    try:
        if read_only:
            return ox.Store.read_only(str(check_store(path)))
        if path.is_dir() and not is_store(path) and any(path.iterdir()):
            raise StoreError(f"--store {path} is a folder with other files in it, not a diplograph store; "
                             "give a new or empty folder")
        if path.exists() and not path.is_dir():
            raise StoreError(f"--store {path} is a file, not a store directory")
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc


def ntriples_block(triples: Iterable[tuple]) -> str:
    """Triples of pyoxigraph terms as the body of a SPARQL INSERT DATA graph block."""
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


def replace_graphs(store: ox.Store, graphs: dict[str, Iterable[tuple]]) -> None:
    """Replace each named graph by the given triples, all in one transaction."""
    parts = [f"DROP SILENT GRAPH <{name}>" for name in graphs]
    blocks = {name: ntriples_block(triples) for name, triples in graphs.items()}
    inserts = [f"GRAPH <{name}> {{\n{body}\n}}" for name, body in blocks.items() if body]
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    store.update(" ;\n".join(parts))


def drop_graphs(store: ox.Store, names: Iterable[str]) -> None:
    """Drop several named graphs in one transaction."""
    names = list(names)
    if names:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names))


def query(store: ox.Store, sparql: str, **kwargs):
    """Run a SPARQL query with the union of the named graphs as the default graph."""
    kwargs.setdefault("use_default_graph_as_union", True)
    return store.query(sparql, **kwargs)


def document_hashes(store: ox.Store) -> dict[str, str]:
    """The stored documents (their IRIs, which are also their graph names) and content hashes."""
    rows = store.query(
        f"SELECT ?doc ?sha WHERE {{ GRAPH ?doc {{ ?doc a <{DG}Document> ; <{DG}sha256> ?sha }} }}"
    )
    return {row["doc"].value: row["sha"].value for row in rows}


VOID = "http://rdfs.org/ns/void#"


def stored_ontology_digest(store: ox.Store, graph: str) -> str | None:
    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{DG}sha256> ?h }} }}"))
    return rows[0]["h"].value if rows else None


def stored_base_iri(store: ox.Store) -> str | None:
    """The base IRI the store was built with, kept as its VoID uriSpace."""
    rows = list(store.query(f"SELECT ?b WHERE {{ GRAPH ?g {{ ?d <{VOID}uriSpace> ?b }} }} LIMIT 1"))
    return rows[0]["b"].value if rows else None


def set_base_iri(store: ox.Store, base: str) -> None:
    dataset = ox.NamedNode(base)
    replace_graphs(store, {IRIs(base).dataset_graph: [
        (dataset, ox.NamedNode(f"{RDF}type"), ox.NamedNode(f"{VOID}Dataset")),
        (dataset, ox.NamedNode(f"{VOID}uriSpace"), ox.Literal(base)),
        (dataset, ox.NamedNode(f"{RDFS}label"), ox.Literal("diplograph knowledge graph")),
    ]})


def totals(store: ox.Store, base: str) -> dict[str, int]:
    """What the store holds, counted once each however many documents mention it: documents,
    entities (mentioned in a document), facts, rejected facts and candidate facts."""
    iris = IRIs(base)
    doc_prefix, report_prefix, candidates_prefix = iris.document(""), iris.report_prefix, iris.candidates_prefix
    counts = {
        "documents": f"GRAPH ?g {{ ?x a <{DG}Document> }} FILTER(STRSTARTS(STR(?g), \"{doc_prefix}\"))",
        "entities": f"GRAPH ?g {{ ?x <{DG}mentionedIn> ?s }} FILTER(STRSTARTS(STR(?g), \"{doc_prefix}\"))",
        "facts": f"GRAPH ?g {{ ?x <http://www.w3.org/ns/prov#wasGeneratedBy> ?run }} "
                 f"FILTER(STRSTARTS(STR(?g), \"{doc_prefix}\"))",
        "rejected": f"GRAPH ?g {{ ?x a <http://www.w3.org/ns/shacl#ValidationResult> }} "
                    f"FILTER(STRSTARTS(STR(?g), \"{report_prefix}\"))",
        "candidates": f"GRAPH ?g {{ ?x a <{DG}CandidateFact> }} FILTER(STRSTARTS(STR(?g), \"{candidates_prefix}\"))",
    }
    result = {}
    for name, pattern in counts.items():
        # a blank node (a SHACL result) is distinct per graph, so count (graph, node) pairs
        key = "?g ?x" if name == "rejected" else "?x"
        rows = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {key} WHERE {{ {pattern} }} }}"))
        result[name] = int(rows[0]["n"].value)
    return result

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


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store; read-only opening lets queries run beside a server."""
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path}: run `diplograph build ... --store {path}` first")
            return ox.Store.read_only(str(path))
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

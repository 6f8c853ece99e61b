"""The Python API: build, query, validate, export and remove, as the command line
and notebooks use them.  Each document goes extract → resolve → populate →
validate → store on its own, so one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode as RdfBNode
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV

from diplograph.graph import store as stores
from diplograph.graph.candidates import DEFAULT_MIN_CONFIDENCE, split_candidates
from diplograph.graph.config import IRIs
from diplograph.graph.documents import (
    DEFAULT_MAX_BYTES,
    Document,
    DocumentError,
    document_id,
    find_documents,
    read_document,
)
from diplograph.graph.extract import extract
from diplograph.graph.gazetteer import load_gazetteer
from diplograph.graph.populate import DocumentInfo, populate
from diplograph.graph.resolve import resolve_mentions
from diplograph.graph.validate import (
    Rejection,
    ontology_digest,
    ontology_graph,
    report_triples,
    shacl_report,
    validate_graph,
)


@dataclass
class DocumentResult:
    path: str
    status: str  # built | unchanged | failed
    message: str = ""
    facts: int = 0
    entities: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    candidates: int = 0


@dataclass
class BuildSummary:
    results: list[DocumentResult] = field(default_factory=list)
    empty_folders: list[str] = field(default_factory=list)  # folders named that hold no .txt
    before: dict[str, int] = field(default_factory=dict)  # store.totals before and after the build
    after: dict[str, int] = field(default_factory=dict)

    def change(self, name: str) -> int:
        """How much this build changed one of the store's totals (entities, facts, ...)."""
        return self.after.get(name, 0) - self.before.get(name, 0)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "failed"]


def _to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, RdfBNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"unexpected RDF term {term!r}")


def oxigraph_triples(graph: Graph) -> list[tuple]:
    """rdflib triples as pyoxigraph terms, sorted so a rebuild writes identical data."""
    return sorted(((_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in graph), key=lambda t: tuple(map(str, t)))


def _load_ontology(store: ox.Store, iris: IRIs) -> None:
    """(Re)load the ontology graph only when its files changed: its blank nodes (OWL axioms) get
    new labels at each load, and an unchanged store must stay byte-for-byte the same."""
    digest = ontology_digest()
    if stores.stored_ontology_digest(store, iris.ontology_graph) == digest:
        return
    triples = oxigraph_triples(ontology_graph())
    triples.append((ox.NamedNode(iris.ontology_graph), ox.NamedNode(stores.DG + "sha256"), ox.Literal(digest)))
    stores.replace_graphs(store, {iris.ontology_graph: triples})


def _document_graphs(doc: Document, iris: IRIs, min_confidence: float) -> tuple[dict[str, list], DocumentResult]:
    """The document's graphs (its own, its SHACL report, its candidates) as pyoxigraph triples.
    It never sees the store: pyshacl keeps frames of its callers alive after validation, and a
    store held by such a frame stays open (locked) after build() returns."""
    gaz = load_gazetteer()
    extraction = extract(doc.text)
    resolution = resolve_mentions(extraction, doc.text, gaz)
    info = DocumentInfo(doc.doc_id, doc.path, doc.title, doc.sha256, datetime.now(UTC))
    graph = populate(info, extraction.sentences, resolution, gaz, iris)
    clean, rejected = validate_graph(graph)
    kept, candidates = split_candidates(clean, min_confidence)
    doc_iri = iris.document(doc.doc_id)
    report_iri = iris.report_graph(doc.doc_id)
    graphs = {
        doc_iri: oxigraph_triples(kept),
        report_iri: oxigraph_triples(report_triples(report_iri, doc_iri, rejected)),
        iris.candidates_graph(doc.doc_id): oxigraph_triples(candidates),
    }
    facts = len(set(kept.subjects(PROV.wasGeneratedBy, None)))
    return graphs, DocumentResult(doc.path, "built", facts=facts, entities=len(resolution.entities),
                                  rejected=rejected,
                                  candidates=len(set(candidates.subjects(PROV.wasGeneratedBy, None))))


def build(paths: Iterable[str | Path], store_dir: str | Path, base_iri: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
          progress: Callable[[int, int, str], None] | None = None) -> BuildSummary:
    """Build (or update) the store from files and folders; unchanged documents are skipped.
    Nothing to read (only folders without .txt files) leaves the store untouched."""
    files, empty = find_documents(list(paths))
    summary = BuildSummary(empty_folders=[str(p) for p in empty])
    if not files:
        return summary
    store = stores.open_store(store_dir)
    iris = IRIs(base_iri or stores.stored_base_iri(store) or IRIs().base)
    try:
        summary.before = stores.totals(store, iris.base)
        _load_ontology(store, iris)
        known = stores.document_hashes(store)
        seen: dict[str, str] = {}
        for n, path in enumerate(files, 1):
            if progress:
                progress(n, len(files), str(path))
            try:
                doc = read_document(path, max_bytes)
                if doc.doc_id in seen:
                    raise DocumentError(f"{path}: has the same name as {seen[doc.doc_id]}; "
                                        "document names must be unique in a store")
                seen[doc.doc_id] = str(path)
                if not force and known.get(iris.document(doc.doc_id)) == doc.sha256:
                    summary.results.append(DocumentResult(str(path), "unchanged"))
                    continue
                graphs, result = _document_graphs(doc, iris, min_confidence)
                stores.replace_graphs(store, graphs)
                if doc.encoding != "utf-8":
                    result.message = f"decoded as {doc.encoding}, not UTF-8"
                summary.results.append(result)
            except DocumentError as exc:
                summary.results.append(DocumentResult(str(path), "failed", str(exc)))
            except Exception as exc:  # one document's failure must not stop the others
                summary.results.append(DocumentResult(str(path), "failed", f"{path}: {type(exc).__name__}: {exc}"))
        stores.set_base_iri(store, iris.base)
        store.flush()
        summary.after = stores.totals(store, iris.base)
    finally:
        del store
    return summary


def query(store_dir: str | Path, sparql: str, substitutions: dict | None = None):
    """Run a SPARQL query over the union of the store's graphs; `substitutions` binds variables
    ({pyoxigraph.Variable: term}) before the query runs."""
    kwargs = {"substitutions": substitutions} if substitutions else {}
    return stores.query(stores.open_store(store_dir, read_only=True), sparql, **kwargs)


def validate(store_dir: str | Path) -> tuple[bool, Graph]:
    """SHACL over everything the documents' graphs hold, as a whole."""
    store = stores.open_store(store_dir, read_only=True)
    iris = IRIs(stores.stored_base_iri(store) or IRIs().base)
    triples = stores.query(store, f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?g), "{iris.base}doc/")) }}""")
    data = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return shacl_report(data)


RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
}


def export(store_dir: str | Path, fmt: str, output=None) -> bytes | None:
    """Everything in the store: the named graphs for TriG, N-Quads and JSON-LD, the union as one
    graph for Turtle, N-Triples and RDF/XML."""
    store = stores.open_store(store_dir, read_only=True)
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format.supports_datasets:
        return store.dump(output, format=rdf_format)
    triples = stores.query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return ox.serialize(triples, output, format=rdf_format, prefixes=stores.PREFIXES)


def remove(store_dir: str | Path, doc: str, base_iri: str | None = None) -> bool:
    """Remove a document (by name, path or IRI) and its report; True if it was there."""
    store = stores.open_store(store_dir)
    iris = IRIs(base_iri or stores.stored_base_iri(store) or IRIs().base)
    doc_iri = doc if doc.startswith(("http://", "https://")) else iris.document(document_id(Path(doc)))
    present = doc_iri in stores.document_hashes(store)
    doc_id = doc_iri.rsplit("/", 1)[-1]
    stores.drop_graphs(store, [doc_iri, iris.report_graph(doc_id), iris.candidates_graph(doc_id)])
    store.flush()
    return present


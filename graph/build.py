"""The Python API: build, query, validate, export and remove, as the command line
and notebooks use them.  Each document goes extract → resolve → populate →
validate → store on its own, so one bad file never stops the others.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

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


class Target(Protocol):
    """Where a build writes: a store folder it holds or a SPARQL store's URL (store.LocalStore), or a
    running diplograph server (endpoint.RemoteStore).  The same reads decide what to skip, so all
    skip the same documents."""

    def document_hashes(self) -> dict[str, str]: ...
    def stored_base_iri(self) -> str | None: ...
    def stored_ontology_digest(self, graph: str) -> str | None: ...
    def totals(self, base: str) -> dict[str, int]: ...
    def replace_graphs(self, graphs: dict[str, list[tuple]]) -> None: ...
    def finish(self, base: str) -> None: ...
    def close(self) -> None: ...


def _load_ontology(target: Target, iris: IRIs) -> None:
    """(Re)load the ontology graph only when its files changed: its blank nodes (OWL axioms) get
    new labels at each load, and an unchanged store must stay byte-for-byte the same."""
    digest = ontology_digest()
    if target.stored_ontology_digest(iris.ontology_graph) == digest:
        return
    triples = oxigraph_triples(ontology_graph())
    triples.append((ox.NamedNode(iris.ontology_graph), ox.NamedNode(stores.DG + "sha256"), ox.Literal(digest)))
    target.replace_graphs({iris.ontology_graph: triples})


def _document_graphs(doc: Document, iris: IRIs, min_confidence: float) -> tuple[dict[str, list], DocumentResult]:
    """The document's graphs (its SHACL report, its candidates, its own) as pyoxigraph triples; its
    own graph, which holds its hash, comes last (see endpoint.RemoteStore.replace_graphs).
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
        report_iri: oxigraph_triples(report_triples(report_iri, doc_iri, rejected)),
        iris.candidates_graph(doc.doc_id): oxigraph_triples(candidates),
        doc_iri: oxigraph_triples(kept),
    }
    facts = len(set(kept.subjects(PROV.wasGeneratedBy, None)))
    return graphs, DocumentResult(doc.path, "built", facts=facts, entities=len(resolution.entities),
                                  rejected=rejected,
                                  candidates=len(set(candidates.subjects(PROV.wasGeneratedBy, None))))


Extracted = tuple[dict[str, list] | None, DocumentResult]  # the graphs to write (None: nothing) and the result


def extract_document(doc: Document, base: str, min_confidence: float) -> Extracted:
    """One document through extract → resolve → populate → validate, as a worker process runs it:
    an error becomes a failed result that names the file, so it never stops the others."""
    try:
        graphs, result = _document_graphs(doc, IRIs(base), min_confidence)
    except Exception as exc:  # one document's failure must not stop the others
        return None, DocumentResult(doc.path, "failed", f"{doc.path}: {type(exc).__name__}: {exc}")
    if doc.encoding != "utf-8":
        result.message = f"decoded as {doc.encoding}, not UTF-8"
    return graphs, result


def _warm_up() -> None:
    """A worker loads spaCy, the matchers and the shapes once, before its first document."""
    from diplograph.graph.nlp import load_matchers
    from diplograph.graph.validate import shapes_graph

    load_matchers()
    shapes_graph()
    ontology_graph()


AHEAD = 4  # documents read ahead per job: enough to keep every process busy, few enough to keep memory flat
QUEUED = 2  # documents handed to each worker at a time: one to run, one to start on while this process is busy


class Extractors:
    """Worker processes that extract documents beside this one.

    Spawned, not forked: this process holds an open RocksDB store and its threads, which a fork must
    not copy; each worker loads spaCy and the shapes once (_warm_up).  Started at the first document
    handed to them, so a build with nothing to extract starts none.  A pool whose process died is
    replaced, at most POOLS times a build: then this process extracts the rest on its own."""

    POOLS = 3

    def __init__(self, size: int, base: str, min_confidence: float) -> None:
        self.size, self.base, self.min_confidence = size, base, min_confidence
        self.pool: ProcessPoolExecutor | None = None
        self.started = 0

    def submit(self, doc: Document) -> Future | None:
        """Hand a document to a worker; None once the workers have died too often to be trusted."""
        if self.pool is not None:
            try:
                return self.pool.submit(extract_document, doc, self.base, self.min_confidence)
            except BrokenProcessPool:
                self.close()
        if self.started >= self.POOLS:
            return None
        self.started += 1
        self.pool = ProcessPoolExecutor(self.size, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm_up)
        return self.pool.submit(extract_document, doc, self.base, self.min_confidence)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


@dataclass
class _Slot:
    """One input in the writer's queue: its outcome once known, else the document to extract and, once a
    worker has it, the worker's future."""

    doc: Document | None
    future: Future | None = None
    outcome: Extracted | None = None

    @property
    def unassigned(self) -> bool:
        return self.outcome is None and self.future is None


def _slot(item: Document | DocumentResult) -> _Slot:
    return _Slot(None, outcome=(None, item)) if isinstance(item, DocumentResult) else _Slot(item)


def _extracted(items: Iterable[Document | DocumentResult], base: str, min_confidence: float,
               jobs: int) -> Iterator[Extracted]:
    """Each item's outcome in the items' order, so the writer commits in a deterministic order whatever
    the number of jobs; a result (failed, unchanged) passes through.

    `jobs` processes extract: this one, which also writes, and jobs - 1 workers.  The workers take the
    documents after the one the writer needs next; this process extracts that one if no worker has it,
    or a later one while it waits, so it never idles while a worker starts up.  The documents a worker
    held when it died (killed, out of memory, a crash in native code) go to a new one; a document that
    kills a second one fails, with its name."""
    def here(doc: Document) -> Extracted:
        return extract_document(doc, base, min_confidence)

    if jobs <= 1:
        for item in items:
            yield (None, item) if isinstance(item, DocumentResult) else here(item)
        return
    workers = Extractors(jobs - 1, base, min_confidence)
    pending: deque[_Slot] = deque()
    source = iter(items)
    try:
        while True:
            while len(pending) < AHEAD * jobs and (item := next(source, None)) is not None:
                pending.append(_slot(item))
            if not pending:
                return
            busy = sum(1 for slot in pending if slot.future is not None and not slot.future.done())
            for slot in list(pending)[1:]:  # the head is for whoever gets to it first: usually this process
                if busy >= QUEUED * workers.size:
                    break
                if slot.unassigned:
                    slot.future = workers.submit(slot.doc)
                    if slot.future is None:
                        break  # no workers left: this process extracts the rest
                    busy += 1
            head = pending[0]
            if head.future is not None and not head.future.done():
                spare = next((slot for slot in pending if slot.unassigned), None)
                if spare is not None:  # rather than wait for a worker, extract a later document here
                    spare.outcome = here(spare.doc)
                    continue
            pending.popleft()
            yield _outcome(head, here, workers)
    finally:
        workers.close()


def _outcome(slot: _Slot, here: Callable[[Document], Extracted], workers: Extractors) -> Extracted:
    """A slot's graphs and result; a document whose worker died is tried once more in a new one."""
    if slot.outcome is not None:
        return slot.outcome
    if slot.future is None:
        return here(slot.doc)
    try:
        return slot.future.result()
    except BrokenProcessPool:
        retry = workers.submit(slot.doc)
    if retry is not None:
        try:
            return retry.result()
        except BrokenProcessPool:
            pass
    path = slot.doc.path
    return None, DocumentResult(path, "failed", f"{path}: the extraction process died while reading it "
                                "(killed, out of memory or crashed); build again to retry")


def _passes(item: Document | DocumentResult) -> Extracted | None:
    """The outcome of an item with nothing to extract (failed to read, unchanged), else None."""
    return (None, item) if isinstance(item, DocumentResult) else None


def _failed(doc: Document, message: str) -> Extracted:
    return None, DocumentResult(doc.path, "failed", f"{doc.path}: the cluster could not extract it ({message}); "
                                "build again to retry")


def _read(path: Path, max_bytes: int, seen: dict[str, str],
          skip: Callable[[Document], bool]) -> Document | DocumentResult:
    """The document to extract, or its result if it fails to read, repeats a name, or is unchanged."""
    try:
        doc = read_document(path, max_bytes)
    except DocumentError as exc:
        return DocumentResult(str(path), "failed", str(exc))
    except Exception as exc:  # one document's failure must not stop the others
        return DocumentResult(str(path), "failed", f"{path}: {type(exc).__name__}: {exc}")
    if doc.doc_id in seen:
        return DocumentResult(str(path), "failed", f"{path}: has the same name as {seen[doc.doc_id]}; "
                              "document names must be unique in a store")
    seen[doc.doc_id] = str(path)
    return DocumentResult(str(path), "unchanged") if skip(doc) else doc


def build(paths: Iterable[str | Path], store_dir: str | Path | None = None, base_iri: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
          progress: Callable[[int, int, str], None] | None = None, jobs: int = 1, into: str | None = None,
          token: str | None = None, cluster: str | None = None) -> BuildSummary:
    """Build (or update) the store from files and folders; unchanged documents are skipped.
    Nothing to read (only folders without .txt files) leaves the store untouched.

    `jobs` processes extract (this one and jobs - 1 workers, see _extracted) while this one, the only
    writer, commits each document in its own transaction in input order, so the store ends the same
    for any `jobs`.  `into` sends the graphs to a running server (Graph Store Protocol, with `token`)
    instead of writing `store_dir`; a build into a folder a server holds stops with StoreInUse.
    `store_dir` may be the http(s) URL of a SPARQL 1.1 store (see sparql_store).
    `cluster` (a Dask scheduler's address, or local:N) extracts on that cluster's workers instead of
    `jobs` processes, and the writer commits each document as its extraction completes."""
    files, empty = find_documents(list(paths))
    summary = BuildSummary(empty_folders=[str(p) for p in empty])
    if not files:
        return summary
    if into:
        from diplograph.graph.endpoint import RemoteStore

        remote = RemoteStore(into, token)
        try:
            remote.check_writes(base_iri or remote.stored_base_iri() or IRIs().base)
            _fill(remote, files, summary, base_iri, max_bytes, force, min_confidence, progress, jobs, cluster)
        finally:
            remote.close()
        return summary
    if store_dir is None:
        raise ValueError("build() needs a store folder or a server to send to (into=URL)")
    with stores.hold(store_dir, "build"):
        local = stores.LocalStore(stores.open_store(store_dir))
        try:
            _fill(local, files, summary, base_iri, max_bytes, force, min_confidence, progress, jobs, cluster)
        finally:
            local.close()  # before the hold ends: RocksDB unlocks when its last handle goes
    return summary


def _fill(target: Target, files: list[Path], summary: BuildSummary, base_iri: str | None, max_bytes: int,
          force: bool, min_confidence: float, progress: Callable[[int, int, str], None] | None, jobs: int,
          cluster: str | None = None) -> None:
    """Read, extract and write every file into the target, one document (one transaction) at a time."""
    iris = IRIs(base_iri or target.stored_base_iri() or IRIs().base)
    summary.before = target.totals(iris.base)
    _load_ontology(target, iris)
    known = target.document_hashes()
    seen: dict[str, str] = {}

    def unchanged(doc: Document) -> bool:
        return not force and known.get(iris.document(doc.doc_id)) == doc.sha256

    items = (_read(path, max_bytes, seen, unchanged) for path in files)
    if cluster:
        from diplograph.graph.cluster import extracted_on_cluster

        outcomes = extracted_on_cluster(items, extract_document, (iris.base, min_confidence), _passes, _failed,
                                        cluster)
    else:
        outcomes = _extracted(items, iris.base, min_confidence, jobs)
    for n, (graphs, result) in enumerate(outcomes, 1):
        if progress:
            progress(n, len(files), result.path)
        if graphs is not None:
            try:
                target.replace_graphs(graphs)
            except stores.StoreError:
                raise  # the store or the server is gone: the build stops
            except Exception as exc:  # this document's graphs could not be written; the others go on
                result = DocumentResult(result.path, "failed", f"{result.path}: {type(exc).__name__}: {exc}")
        summary.results.append(result)
    target.finish(iris.base)
    summary.after = target.totals(iris.base)


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


LOAD_BATCH = 100_000  # quads per bulk-load call: ~170 MB peak, and faster than one call for a million


def load(store_dir: str | Path, path: str | Path) -> int:
    """Bulk-load an N-Quads file (gzip-compressed if it ends in .gz) into a store, streamed: pyoxigraph's
    bulk loader for a folder, INSERT DATA requests of a few MB for a SPARQL store.  Returns the quads read."""
    import gzip

    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle, stores.hold(store_dir, "load"):  # the file first: no store for a typo
        store = stores.open_store(store_dir)
        counted = _Counted(ox.parse(handle, format=ox.RdfFormat.N_QUADS))
        try:
            quads = iter(counted)
            # pyoxigraph's bulk loader holds what it is given in memory (about 1 GB per million quads):
            # batches keep the peak flat whatever the file's size
            while batch := list(itertools.islice(quads, LOAD_BATCH)):
                store.bulk_extend(batch)  # pyoxigraph's bulk loader, or SparqlStore's INSERT requests
            store.flush()
            if isinstance(store, ox.Store):
                # each batch leaves its own unmerged files in every index, so every lookup a query makes
                # would read them all: ten times slower at ten million quads (bench/README.md)
                store.optimize()
        except SyntaxError as exc:
            raise stores.StoreError(f"{path}: not N-Quads: {exc}") from None
        finally:
            stores.LocalStore(store).close()
    return counted.n


class _Counted:
    """An iterator that counts what passes through it."""

    def __init__(self, items: Iterator) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.n += 1
            yield item


def remove(store_dir: str | Path, doc: str, base_iri: str | None = None) -> bool:
    """Remove a document (by name, path or IRI) and its report; True if it was there."""
    with stores.hold(store_dir, "remove"):
        store = stores.open_store(store_dir)
        iris = IRIs(base_iri or stores.stored_base_iri(store) or IRIs().base)
        doc_iri = doc if doc.startswith(("http://", "https://")) else iris.document(document_id(Path(doc)))
        present = doc_iri in stores.document_hashes(store)
        doc_id = doc_iri.rsplit("/", 1)[-1]
        stores.drop_graphs(store, [doc_iri, iris.report_graph(doc_id), iris.candidates_graph(doc_id)])
        store.flush()
        del store
    return present


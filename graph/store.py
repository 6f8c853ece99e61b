"""The persistent quad store: pyoxigraph on disk, one named graph per document.

Queries see the union of all named graphs as their default graph, as Oxigraph's
own server does with ``--union-default-graph``.  Every change to a document is one
SPARQL Update request, which pyoxigraph applies as one transaction: a reader (or a
build killed halfway) sees the old graph or the new one, never half of each.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


try:
    import fcntl
except ImportError:  # not POSIX: no holding (see hold())
    fcntl = None  # type: ignore[assignment]

HOLDER_FILE = "diplograph.lock"  # in the store folder: flock'ed by a build (alone) or by servers (together)


class StoreError(RuntimeError):
    """The store directory cannot be opened or read."""


class StoreInUse(StoreError):
    """Another diplograph process holds the store: a build writing it, or a server serving it."""


STORE_ENV = {  # where a SPARQL store's endpoints and credentials are read from (sparql_store; cli's --store-*)
    "query": "DIPLOGRAPH_STORE_QUERY", "update": "DIPLOGRAPH_STORE_UPDATE", "user": "DIPLOGRAPH_STORE_USER",
    "password": "DIPLOGRAPH_STORE_PASSWORD", "token": "DIPLOGRAPH_STORE_TOKEN", "auth": "DIPLOGRAPH_STORE_AUTH",
    "timeout": "DIPLOGRAPH_STORE_TIMEOUT",
}


def is_url(store: object) -> bool:
    """Whether --store names a SPARQL store over HTTP (sparql_store) rather than a folder."""
    return isinstance(store, str) and store.startswith(("http://", "https://"))


def is_store(path: str | Path) -> bool:
    """Whether the folder holds a store (RocksDB writes a CURRENT file when it creates one)."""
    return (Path(path) / "CURRENT").is_file()


def is_empty_folder(path: Path) -> bool:
    """A folder with nothing in it but, perhaps, the holder file a server or build left."""
    return path.is_dir() and all(p.name == HOLDER_FILE for p in path.iterdir())


def check_store(path: str | Path) -> Path:
    """The path, if it holds a store to read; otherwise StoreError says what is there instead."""
    if is_url(str(path)):
        return path  # type: ignore[return-value]  # a URL: its server says whether it is there
    path = Path(path)
    if not path.exists():
        raise StoreError(f"no store at {path}: run `diplograph build ... --store {path}` first")
    if not path.is_dir():
        raise StoreError(f"--store {path} is a file, not a store directory")
    if not is_store(path):
        raise StoreError(f"--store {path} is not a diplograph store (a folder that `diplograph build` "
                         "did not write)")
    return path


def check_writable(path: Path) -> None:
    """A folder that holds other files is never turned into a store, nor is a file."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"--store {path} is a file, not a store directory")
    if path.is_dir() and not is_store(path) and not is_empty_folder(path):
        raise StoreError(f"--store {path} is a folder with other files in it, not a diplograph store; "
                         "give a new or empty folder")


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store; read-only opening lets queries run beside a server.
    Writers other than a server's own should hold the folder first (hold()).  An http(s) URL opens
    a SPARQL 1.1 store over HTTP (sparql_store.SparqlStore), which answers as a Store does."""
    if is_url(path):
        from diplograph.graph.sparql_store import SparqlStore  # httpx, imported only for a URL

        return SparqlStore(str(path))  # type: ignore[return-value]  # duck-typed: query, update, dump
    path = Path(path)
    try:
        if read_only:
            try:
                return ox.Store.read_only(str(check_store(path)))
            except RuntimeError as exc:
                if "read-write" not in str(exc):
                    raise
                # a build killed after RocksDB made the folder but before Oxigraph's first write: Oxigraph
                # would write its version now, which read-only cannot; nothing was stored, so it reads empty
                return ox.Store()
        check_writable(path)
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc


def _in_use_message(path: Path, role: str, holder: dict) -> str:
    """One line: who holds the folder, and what to do instead."""
    pid = f"pid {holder['pid']}" if holder.get("pid") else "pid unknown"
    other = holder.get("role") or "build"
    if other == "serve":
        url = holder.get("url") or "http://HOST:PORT/"
        served = f"{path} is served by a running `diplograph serve` ({pid}, {url}), and `diplograph {role}` beside it"
        if role != "build":
            return f"{served} would be undefined behaviour in RocksDB; stop the server first"
        restart = "" if holder.get("updates") else (" after restarting the server with --update-token TOKEN "
                                                    "(it serves read-only now)")
        return (f"{served} would be undefined behaviour in RocksDB; feed the server instead: "
                f"`diplograph build DOCS --into {url} --token TOKEN`{restart}, or stop the server first")
    then = "start the server" if role == "serve" else f"run `diplograph {role}` again"
    return f"{path} is being written by `diplograph {other}` ({pid}); {then} when it has finished"


@contextmanager
def hold(path: str | Path, role: str, url: str | None = None, updates: bool = False) -> Iterator[None]:
    """Hold the store folder while the block runs: a writer alone (role: the command, "build", "remove",
    ...), servers ("serve", with the URL they answer at and whether they take writes) together.

    RocksDB's own lock only keeps two read-write openers apart; a read-only server's engines take
    none, and a write beside them is undefined behaviour.  So a writer takes an exclusive flock on
    HOLDER_FILE and a server a shared one; whoever comes second stops at once with StoreInUse,
    whose message says who holds the folder (the holder writes its pid, and a server its URL, into
    the file).  The kernel drops the lock when its process dies, so no stale lock outlives it."""
    if fcntl is None or is_url(str(path)):  # a remote store keeps its own writers apart
        yield
        return
    path = Path(path)
    serving = role == "serve"
    if not serving:
        check_writable(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path / HOLDER_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if serving else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreInUse(_in_use_message(path, role, _read_holder(fd))) from None
        holder = {"role": role, "pid": os.getpid(), **({"url": url, "updates": updates} if serving else {})}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _read_holder(fd: int) -> dict:
    try:
        holder = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def ntriples_block(triples: Iterable[tuple]) -> str:
    """Triples of pyoxigraph terms as the body of a SPARQL INSERT DATA graph block."""
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


TEMPLATE_TRIPLES = 200  # triples per INSERT template: Virtuoso compiles each into SQL of bounded length


def _statement(graph: str | None, triples: list[tuple]) -> str:
    body = ntriples_block(triples)
    return f"GRAPH <{graph}> {{\n{body}\n}}" if graph else body


def _root(parent: dict[str, str], label: str) -> str:
    while parent.setdefault(label, label) != label:
        label = parent[label]
    return label


def insert_operations(graphs: dict[str | None, list[tuple]], embedded: bool = True) -> list[str]:
    """SPARQL Update operations that insert the triples of each graph (None: the default graph).

    One INSERT DATA, except that a remote store gets triples with blank nodes in INSERT templates
    (Virtuoso refuses blank nodes in INSERT DATA, and compiles a template into SQL of bounded
    size): each template holds whole groups of triples that share blank nodes, so the structures
    they make (OWL restrictions, lists, SHACL results) stay whole, with fresh blank nodes as in any
    INSERT.  All the operations go in one request."""
    plain: dict[str | None, list[tuple]] = {}
    groups: dict[tuple[str | None, str], list[tuple]] = {}
    for graph, triples in graphs.items():
        parent: dict[str, str] = {}  # blank node label -> another of its group (union-find)
        blank = []
        for t in triples:
            labels = [term.value for term in t if isinstance(term, ox.BlankNode)]
            if embedded or not labels:
                plain.setdefault(graph, []).append(t)
                continue
            blank.append((t, labels[0]))
            for other in labels[1:]:
                parent[_root(parent, other)] = _root(parent, labels[0])
        for t, label in blank:
            groups.setdefault((graph, _root(parent, label)), []).append(t)
    operations = []
    data = [_statement(graph, triples) for graph, triples in plain.items() if triples]
    if data:
        operations.append("INSERT DATA {\n" + "\n".join(data) + "\n}")
    batch: dict[str | None, list[tuple]] = {}
    size = 0
    for (graph, _), triples in groups.items():
        batch.setdefault(graph, []).extend(triples)
        size += len(triples)
        if size >= TEMPLATE_TRIPLES:
            operations.append("INSERT {\n" + "\n".join(_statement(g, ts) for g, ts in batch.items()) + "\n} WHERE {}")
            batch, size = {}, 0
    if batch:
        operations.append("INSERT {\n" + "\n".join(_statement(g, ts) for g, ts in batch.items()) + "\n} WHERE {}")
    return operations


def replace_graphs(store: ox.Store, graphs: dict[str, Iterable[tuple]]) -> None:
    """Replace each named graph by the given triples, all in one transaction (one Update request)."""
    parts = [f"DROP SILENT GRAPH <{name}>" for name in graphs]
    parts += insert_operations({name: list(triples) for name, triples in graphs.items()}, isinstance(store, ox.Store))
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


DOCUMENT_HASHES = f"SELECT ?doc ?sha WHERE {{ GRAPH ?doc {{ ?doc a <{DG}Document> ; <{DG}sha256> ?sha }} }}"


def document_hashes(store: ox.Store) -> dict[str, str]:
    """The stored documents (their IRIs, which are also their graph names) and content hashes."""
    return {row["doc"].value: row["sha"].value for row in store.query(DOCUMENT_HASHES)}


VOID = "http://rdfs.org/ns/void#"
BASE_IRI_QUERY = f"SELECT ?b WHERE {{ GRAPH ?g {{ ?d <{VOID}uriSpace> ?b }} }} LIMIT 1"
BASE_IRIS_QUERY = f"SELECT DISTINCT ?b WHERE {{ GRAPH ?g {{ ?d <{VOID}uriSpace> ?b }} }}"  # a store loaded from several


def ontology_digest_query(graph: str) -> str:
    return f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{DG}sha256> ?h }} }}"


def stored_ontology_digest(store: ox.Store, graph: str) -> str | None:
    rows = list(store.query(ontology_digest_query(graph)))
    return rows[0]["h"].value if rows else None


def stored_base_iri(store: ox.Store) -> str | None:
    """The base IRI the store was built with, kept as its VoID uriSpace."""
    rows = list(store.query(BASE_IRI_QUERY))
    return rows[0]["b"].value if rows else None


def dataset_triples(base: str) -> list[tuple]:
    """The store's VoID description, which records the base IRI its documents were built with."""
    dataset = ox.NamedNode(base)
    return [
        (dataset, ox.NamedNode(f"{RDF}type"), ox.NamedNode(f"{VOID}Dataset")),
        (dataset, ox.NamedNode(f"{VOID}uriSpace"), ox.Literal(base)),
        (dataset, ox.NamedNode(f"{RDFS}label"), ox.Literal("diplograph knowledge graph")),
    ]


def set_base_iri(store: ox.Store, base: str) -> None:
    replace_graphs(store, {IRIs(base).dataset_graph: dataset_triples(base)})


def totals_queries(base: str) -> dict[str, str]:
    """One COUNT query per total: what the store holds, counted once each however many documents
    mention it: documents, entities (mentioned in a document), facts, rejected and candidate facts."""
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
    # a blank node (a SHACL result) is distinct per graph, so rejections count (graph, node) pairs
    return {name: f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {'?g ?x' if name == 'rejected' else '?x'} "
                  f"WHERE {{ {pattern} }} }}" for name, pattern in counts.items()}


def totals(store: ox.Store, base: str) -> dict[str, int]:
    """What the store holds (see totals_queries)."""
    return {name: int(next(iter(store.query(sparql)))["n"].value) for name, sparql in totals_queries(base).items()}


class LocalStore:
    """The build's reads and writes (see build.Target) on a store folder it holds (hold()), or on a
    SPARQL store over HTTP (sparql_store.SparqlStore, which answers as a Store does); each
    replace_graphs call is one transaction, or one Update request."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def document_hashes(self) -> dict[str, str]:
        return document_hashes(self.store)

    def stored_base_iri(self) -> str | None:
        return stored_base_iri(self.store)

    def stored_ontology_digest(self, graph: str) -> str | None:
        return stored_ontology_digest(self.store, graph)

    def totals(self, base: str) -> dict[str, int]:
        return totals(self.store, base)

    def replace_graphs(self, graphs: dict[str, Iterable[tuple]]) -> None:
        replace_graphs(self.store, graphs)

    def finish(self, base: str) -> None:
        set_base_iri(self.store, base)
        self.store.flush()

    def close(self) -> None:
        close = getattr(self.store, "close", None)  # a SparqlStore's HTTP connections; a Store has none
        if close is not None:
            close()
        self.store = None  # type: ignore[assignment]  # the last reference: RocksDB closes and unlocks

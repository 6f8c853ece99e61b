"""A SPARQL 1.1 store over HTTP (Oxigraph's server, Virtuoso, Fuseki, GraphDB, ...) that stands in for
a pyoxigraph Store: `store.open_store(URL)` returns one, so the build (through store.LocalStore), the
read commands and the endpoint's engine processes use a remote store with the code they use for the
embedded one.  Each `update()` is one SPARQL Update request: the build replaces a document's graphs
in one request, so a store that applies a request atomically never shows half a document.

Where the endpoints are, and the credentials, come from the environment (the command line's
--store-* options set it, so the endpoint's engine processes inherit it; nothing is ever printed):
DIPLOGRAPH_STORE_QUERY / _UPDATE (endpoint URLs), DIPLOGRAPH_STORE_USER / _PASSWORD with
DIPLOGRAPH_STORE_AUTH (basic or digest), or DIPLOGRAPH_STORE_TOKEN (bearer).
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from diplograph.graph.store import BASE_IRIS_QUERY, STORE_ENV, StoreError, insert_operations  # imported lazily there

ENV = STORE_ENV

RESULTS_JSON = "application/sparql-results+json"
NAMED_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPH_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
               "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}
CHUNK_TRIPLES = 20_000  # quads per request of `load`: a few MB, large enough to be fast, small enough for any server


@dataclass(frozen=True)
class Endpoints:
    """Where a store answers queries and updates.  The URL convention: a URL ending in /sparql is the
    query endpoint itself (Virtuoso, Fuseki's /DATASET/sparql, GraphDB's repository URL with
    DIPLOGRAPH_STORE_UPDATE), and updates go to the same URL, or to /sparql-auth with credentials
    (Virtuoso); any other URL is a server's root with Oxigraph's /query and /update."""

    query: str
    update: str

    @classmethod
    def of(cls, url: str) -> Endpoints:
        if not urlsplit(url).netloc:
            raise StoreError(f"--store {url}: give a SPARQL store's URL, such as http://127.0.0.1:7878/")
        credentials = os.environ.get(ENV["user"]) or os.environ.get(ENV["token"])
        if url.rstrip("/").endswith("/sparql"):
            query = url.rstrip("/")
            update = query + "-auth" if credentials and os.environ.get(ENV["auth"]) == "digest" else query
        else:
            root = url.rstrip("/") + "/"
            query, update = root + "query", root + "update"
        return cls(os.environ.get(ENV["query"]) or query, os.environ.get(ENV["update"]) or update)


def _auth() -> httpx.Auth | None:
    user, password = os.environ.get(ENV["user"]), os.environ.get(ENV["password"], "")
    token = os.environ.get(ENV["token"])
    kind = (os.environ.get(ENV["auth"]) or ("bearer" if token and not user else "basic")).lower()
    if kind not in ("basic", "digest", "bearer"):
        raise StoreError(f"{ENV['auth']}={kind}: give basic, digest or bearer")
    if kind == "bearer":
        return _Bearer(token) if token else None
    if not user:
        return None
    return httpx.DigestAuth(user, password) if kind == "digest" else httpx.BasicAuth(user, password)


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


VIRTUOSO_BLANK = b'"nodeID://'  # Virtuoso's blank node labels, which pyoxigraph's parser refuses


class _ResponseReader(io.RawIOBase):
    """A streamed HTTP body as a file, so pyoxigraph's parsers read it a chunk at a time.  Virtuoso's
    blank node labels (`nodeID://b10007`) lose their prefix on the way (`b10007`)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self.chunks, self.rest, self.held = chunks, b"", b""

    def readable(self) -> bool:
        return True

    def _next(self) -> bytes:
        """The next chunk with the labels fixed; a few bytes are held back in case a label is cut."""
        chunk = next(self.chunks, None)
        data = (self.held + (chunk or b"")).replace(VIRTUOSO_BLANK, b'"')
        if chunk is None:
            self.held = b""
            return data
        keep = len(VIRTUOSO_BLANK) - 1
        self.held = data[-keep:]
        return data[:-keep] or self._next()

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self.rest:
            self.rest = self._next()
            if not self.rest:
                return 0
        n = min(len(buffer), len(self.rest))
        buffer[:n], self.rest = self.rest[:n], self.rest[n:]
        return n


def _term(value: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    return str(value)


class SparqlStore:
    """The part of pyoxigraph's Store interface that diplograph uses, as SPARQL 1.1 Protocol requests.
    Queries see the union of the named graphs as their default graph, as with the embedded store:
    Oxigraph's server is asked for it per query (union-default-graph); Virtuoso does it unasked;
    other servers need it configured (Fuseki: tdb2:unionDefaultGraph, GraphDB: the default)."""

    def __init__(self, url: str, timeout: float | None = None) -> None:
        self.url = url
        self.endpoints = Endpoints.of(url)
        timeout = timeout or float(os.environ.get(ENV["timeout"]) or 300)
        self.client = httpx.Client(timeout=timeout, auth=_auth(), follow_redirects=True)
        self.oxigraph = not self.endpoints.query.endswith("/sparql")

    # -- HTTP ---------------------------------------------------------------------------------

    def _check(self, response: httpx.Response, endpoint: str) -> None:
        if response.status_code in (401, 403):
            raise StoreError(f"{endpoint} refused the credentials (HTTP {response.status_code}): check "
                               "--store-user/--store-password or --store-token (env DIPLOGRAPH_STORE_USER, "
                               "DIPLOGRAPH_STORE_PASSWORD, DIPLOGRAPH_STORE_TOKEN)")
        if response.status_code == 400:
            response.read()
            raise SyntaxError(f"{endpoint}: {response.text.strip()[:500]}")
        if response.status_code >= 300:
            response.read()
            raise RuntimeError(f"{endpoint} answered {response.status_code}: {response.text.strip()[:500]}")

    def _post(self, endpoint: str, data: dict, accept: str, stream: bool = False):
        try:
            if stream:
                return self.client.stream("POST", endpoint, data=data, headers={"Accept": accept})
            response = self.client.post(endpoint, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL store at {endpoint}: {exc}") from exc
        self._check(response, endpoint)
        return response

    def _form(self, sparql: str, union: bool, default_graph=None, named_graphs=None) -> dict:
        data: dict = {"query": sparql}
        if default_graph is not None or named_graphs is not None:
            data["default-graph-uri"] = [g.value for g in default_graph or []]
            data["named-graph-uri"] = [g.value for g in named_graphs or []]
        elif union and self.oxigraph:
            data["union-default-graph"] = ""
        return data

    # -- reads ---------------------------------------------------------------------------------

    def query(self, sparql: str, *, use_default_graph_as_union: bool = True, base_iri: str | None = None,
              prefixes: dict[str, str] | None = None, substitutions: dict | None = None,
              default_graph=None, named_graphs=None):
        """Like pyoxigraph's Store.query: QuerySolutions, QueryBoolean or QueryTriples.  The union of the
        graphs is the default graph (a remote store's own default graph is never asked for alone);
        `substitutions` become a trailing VALUES clause, `prefixes` PREFIX lines."""
        # the form (SELECT, ASK, CONSTRUCT) decides what to ask the store for; pyoxigraph reads it on an
        # empty store, evaluating nothing, and a syntax error gets its own message and position
        probe = ox.Store().query(sparql, base_iri=base_iri, prefixes=prefixes)
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in (prefixes or {}).items())
        if base_iri:
            prologue = f"BASE <{base_iri}>\n" + prologue
        if substitutions:
            names = " ".join(f"?{v.value}" for v in substitutions)
            sparql += f"\nVALUES ({names}) {{ ({' '.join(_term(t) for t in substitutions.values())}) }}"
        data = self._form(prologue + sparql, True, default_graph, named_graphs)
        graph_form = isinstance(probe, ox.QueryTriples)
        accept = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5" if graph_form else RESULTS_JSON
        response = self._post(self.endpoints.query, data, accept)
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if graph_form and media in GRAPH_TYPES:
            # a CONSTRUCT's triples as pyoxigraph's own QueryTriples, through a store in memory
            scratch = ox.Store()
            scratch.load(response.content, format=GRAPH_TYPES[media])
            return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        try:
            results = ox.parse_query_results(_ResponseReader(iter([response.content])),
                                             format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise RuntimeError(f"{self.endpoints.query} answered {media or 'no media type'}, not the "
                               f"results of this query: {exc}") from None
        if isinstance(probe, ox.QueryBoolean) and isinstance(results, ox.QuerySolutions):
            # Virtuoso answers ASK as one row; its value is the answer
            row = next(iter(results), None)
            truth = row is not None and row[0] is not None and row[0].value in ("1", "true")
            return ox.Store().query("ASK {}" if truth else "ASK { FILTER(false) }")
        return results

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        """Quads matching a pattern (None: any), read as a stream."""
        terms = {"s": subject, "p": predicate, "o": object}
        pattern = " ".join(_term(t) if t is not None else f"?{n}" for n, t in terms.items())
        if isinstance(graph_name, ox.DefaultGraph):
            where = f"{{ {pattern} }}"  # the store's own default graph: only Virtuoso-like stores have one
        else:
            where = f"GRAPH {_term(graph_name) if graph_name is not None else '?g'} {{ {pattern} }}"
        variables = [f"?{n}" for n, t in terms.items() if t is None] + (["?g"] if graph_name is None else [])
        sparql = f"SELECT {' '.join(variables) or '*'} WHERE {{ {where} }}"
        with self._post(self.endpoints.query, self._form(sparql, False), RESULTS_JSON, stream=True) as response:
            self._check(response, self.endpoints.query)
            rows = ox.parse_query_results(_ResponseReader(response.iter_bytes()), format=ox.QueryResultsFormat.JSON)
            graph = graph_name if graph_name is not None else None
            for row in rows:
                yield ox.Quad(subject or row["s"], predicate or row["p"], object or row["o"],
                              graph if graph is not None else row["g"])

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {_term(graph)} {{ ?s ?p ?o }} }}"))

    def dump(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, **kwargs) -> bytes | None:
        """The named graphs diplograph wrote (under the base IRIs the store records; a shared store holds
        others, Virtuoso its own), streamed from the store into the serializer: constant memory."""
        bases = tuple(row["b"].value for row in self.query(BASE_IRIS_QUERY))  # type: ignore[union-attr]
        graphs = [row["g"].value for row in self.query(NAMED_GRAPHS)]  # type: ignore[union-attr]
        ours = [g for g in graphs if g.startswith(bases)] if bases else graphs
        if len(ours) == len(graphs):  # one streamed request (a FILTER on ?g costs the store far more)
            quads = self.quads_for_pattern()
        else:  # a store shared with other data: one streamed request per graph of ours
            quads = itertools.chain.from_iterable(self.quads_for_pattern(graph_name=ox.NamedNode(g)) for g in ours)
        return ox.serialize(quads, output, format=format, **kwargs)

    # -- writes --------------------------------------------------------------------------------

    def update(self, sparql: str, **_: object) -> None:
        """One SPARQL Update request (the store applies it as one operation sequence)."""
        try:
            response = self.client.post(self.endpoints.update, data={"update": sparql})
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL store at {self.endpoints.update}: {exc}") from exc
        try:
            self._check(response, self.endpoints.update)
        except StoreError:
            raise
        except (SyntaxError, RuntimeError) as exc:  # the store refuses what the build writes: stop the build
            raise StoreError(f"the SPARQL store refused an update: {exc}") from None

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Insert quads in requests of CHUNK_TRIPLES each (a blank node is the same node within one request
        only; in diplograph's graphs they belong to small structures: OWL axioms, SHACL results)."""
        graphs: dict[str | None, list[tuple]] = {}
        size = 0
        for quad in quads:
            graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            graphs.setdefault(graph, []).append((quad.subject, quad.predicate, quad.object))
            size += 1
            if size >= CHUNK_TRIPLES:
                self.update(" ;\n".join(insert_operations(graphs, embedded=False)))
                graphs, size = {}, 0
        if graphs:
            self.update(" ;\n".join(insert_operations(graphs, embedded=False)))

    def flush(self) -> None:
        """Nothing to do: the server made each request durable."""

    def close(self) -> None:
        self.client.close()

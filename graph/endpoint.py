"""A store behind a running `diplograph serve`, for `build --into URL`: the build reads it with
SPARQL queries on /sparql and writes each document's graphs with the SPARQL 1.1 Graph Store
Protocol (a PUT per named graph on /store, with the server's bearer token).  So one command feeds
a live server, which is the only writer of its store, and its readers see each document as soon
as its last graph is written.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx
import pyoxigraph as ox

from diplograph.graph import store as stores
from diplograph.graph.config import IRIs


class EndpointError(stores.StoreError):
    """The endpoint cannot be reached or refuses the build's writes: the build stops (exit status 2)."""


class GraphRejected(RuntimeError):
    """The endpoint refused one graph (too large, unreadable): that document fails, the others go on."""


def endpoint_base(url: str) -> str:
    """`http://host:port/` from what a user may paste: with or without the final /, /sparql or /store."""
    url = url.strip()
    for suffix in ("/sparql", "/store"):
        url = url.removesuffix(suffix)
    if not url.startswith(("http://", "https://")):
        raise EndpointError(f"--into {url}: give the server's URL, such as http://127.0.0.1:7878/")
    return url.rstrip("/") + "/"


class RemoteStore:
    """The build's reads and writes (see build.Target) as requests to a diplograph endpoint."""

    def __init__(self, url: str, token: str | None, timeout: float = 120.0) -> None:
        self.url = endpoint_base(url)
        self.token = token
        self.client = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self.client.close()

    def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        try:
            return self.client.request(method, self.url + path, **kwargs)
        except httpx.HTTPError as exc:
            raise EndpointError(f"cannot reach {self.url}: {exc}; is `diplograph serve` running there?") from exc

    def _store(self, method: str, graph: str, **kwargs) -> httpx.Response:
        """A Graph Store Protocol request on one named graph; the token goes only to /store."""
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return self._request(method, "store", params={"graph": graph}, headers=headers, **kwargs)

    def _refused(self, response: httpx.Response) -> EndpointError:
        reason = response.text.strip()[:300]
        if response.status_code == 401:
            return EndpointError(f"{self.url} needs a token for writes: give --token TOKEN (the server's "
                                 f"--update-token); nothing was written")
        if response.status_code == 403:
            return EndpointError(f"{self.url} refused the writes: {reason}; nothing was written")
        return EndpointError(f"{self.url}store answered {response.status_code}: {reason}")

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT query as {variable: value}."""
        response = self._request("POST", "sparql", data={"query": sparql},
                                 headers={"Accept": "application/sparql-results+json"})
        if response.status_code != 200:
            raise EndpointError(f"{self.url}sparql answered {response.status_code}: {response.text.strip()[:300]}")
        try:
            bindings = response.json()["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise EndpointError(f"{self.url}sparql did not answer with SPARQL JSON results; "
                                "is it a diplograph server?") from None
        return [{name: value["value"] for name, value in row.items()} for row in bindings]

    def check_writes(self, base: str) -> None:
        """Stop before any work if the endpoint will refuse writes: reading a graph through /store needs
        the same token as writing one (200 or 404 mean the token is good)."""
        response = self._store("GET", IRIs(base).dataset_graph, headers={"Accept": "application/n-triples"})
        if response.status_code not in (200, 404):
            raise self._refused(response)

    # -- build.Target --------------------------------------------------------------------------

    def document_hashes(self) -> dict[str, str]:
        return {row["doc"]: row["sha"] for row in self.select(stores.DOCUMENT_HASHES)}

    def stored_base_iri(self) -> str | None:
        rows = self.select(stores.BASE_IRI_QUERY)
        return rows[0]["b"] if rows else None

    def stored_ontology_digest(self, graph: str) -> str | None:
        rows = self.select(stores.ontology_digest_query(graph))
        return rows[0]["h"] if rows else None

    def totals(self, base: str) -> dict[str, int]:
        return {name: int(self.select(sparql)[0]["n"]) for name, sparql in stores.totals_queries(base).items()}

    def replace_graphs(self, graphs: dict[str, Iterable[tuple]]) -> None:
        """PUT each graph (DELETE an empty one), in the order given: the build puts a document's own
        graph, which holds its hash, last, so a document cut off halfway is sent again next time."""
        for name, triples in graphs.items():
            quads = [ox.Triple(*t) for t in triples]
            if quads:
                body = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)
                response = self._store("PUT", name, content=body, headers={"Content-Type": "application/n-triples"})
            else:
                response = self._store("DELETE", name)
                if response.status_code == 404:  # nothing to delete
                    continue
            if response.status_code in (401, 403):
                raise self._refused(response)
            if response.status_code not in (200, 201, 204):
                raise GraphRejected(f"{self.url}store refused <{name}>: {response.status_code} "
                                    f"{response.text.strip()[:300]}")

    def finish(self, base: str) -> None:
        """Record the base IRI (the store's VoID description) if the store does not hold it yet."""
        if self.stored_base_iri() != base:
            self.replace_graphs({IRIs(base).dataset_graph: stores.dataset_triples(base)})

"""/sparql queries through real HTTP: protocol forms, content negotiation, datasets, errors."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from api_helpers import BASE
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

COUNTRIES = "SELECT ?c WHERE { ?c a <https://w3id.org/diplograph/ontology#Country> } ORDER BY ?c"
CONSTRUCT = (
    "CONSTRUCT { ?c a ?t } WHERE { ?c a ?t FILTER(?t = <https://w3id.org/diplograph/ontology#Country>) }"
)


def values(response) -> list[str]:
    return [b["c"]["value"] for b in response.json()["results"]["bindings"]]


def test_get_post_form_and_direct_agree(read_server):
    with read_server.client() as c:
        get = c.get("/sparql", params={"query": COUNTRIES})
        form = c.post("/sparql", data={"query": COUNTRIES})
        direct = c.post("/sparql", content=COUNTRIES, headers={"Content-Type": "application/sparql-query"})
    for r in (get, form, direct):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/sparql-results+json")
    expected = [f"{BASE}id/country/{code}" for code in ("DEU", "FRA", "KAZ")]
    assert values(get) == values(form) == values(direct) == expected


def test_default_graph_is_the_union_of_named_graphs(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": COUNTRIES, "default-graph-uri": f"{BASE}doc/d2"})
        assert values(r) == [f"{BASE}id/country/FRA"]
        r = c.get(
            "/sparql", params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": f"{BASE}doc/d1"}
        )
        assert r.json()["boolean"] is True
        q = f"SELECT ?c FROM <{BASE}doc/d2> WHERE {{ ?c a <https://w3id.org/diplograph/ontology#Country> }}"
        assert values(c.get("/sparql", params={"query": q})) == [f"{BASE}id/country/FRA"]


@pytest.mark.parametrize(
    "accept,parse",
    [
        ("application/sparql-results+json", lambda b: len(json.loads(b)["results"]["bindings"])),
        ("application/sparql-results+xml", lambda b: b.count(b"<result>")),
        ("text/csv", lambda b: len(list(csv.reader(io.StringIO(b.decode())))) - 1),
        ("text/tab-separated-values", lambda b: len(b.decode().strip().splitlines()) - 1),
    ],
)
def test_select_formats(read_server, accept, parse):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": COUNTRIES}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    assert parse(r.content) == 3


@pytest.mark.parametrize(
    "accept,fmt",
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/trig", ox.RdfFormat.TRIG),
        ("application/n-quads", ox.RdfFormat.N_QUADS),
    ],
)
def test_construct_formats(read_server, accept, fmt):
    with read_server.client() as c:
        r = c.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    assert len(list(ox.parse(r.content, fmt))) == 3


def test_format_parameter_and_ask(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": COUNTRIES, "format": "csv"})
        assert r.headers["content-type"].startswith("text/csv")
        r = c.get("/sparql", params={"query": CONSTRUCT, "format": "nt"})
        assert r.headers["content-type"].startswith("application/n-triples")
        r = c.get(
            "/sparql",
            params={"query": "ASK { ?s ?p ?o }"},
            headers={"Accept": "application/sparql-results+xml"},
        )
        assert b"<boolean>true</boolean>" in r.content


def test_errors_are_clean(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "})
        assert r.status_code == 400 and "syntax" in r.text.lower() and "Traceback" not in r.text
        r = c.get("/sparql", params={"query": COUNTRIES}, headers={"Accept": "image/png"})
        assert r.status_code == 406
        r = c.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
        assert r.status_code == 415
        r = c.post("/sparql", content="ASK {}")
        assert r.status_code == 415
        r = c.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
        assert r.status_code == 400
        r = c.put("/sparql", content="ASK {}")
        assert r.status_code == 405
        r = c.post(
            "/sparql",
            content="ASK {}".encode("utf-16"),
            headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
        )
        assert r.status_code == 415


def test_service_description(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    store = ox.Store()
    store.load(r.content, ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert store.query(
        f"ASK {{ ?s a <{sd}Service> ; <{sd}endpoint> <{read_server.url}/sparql> ; "
        f"<{sd}feature> <{sd}UnionDefaultGraph> }}"
    )


def test_cors_for_reads(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
        assert r.headers["access-control-allow-origin"] == "*"
        r = c.options(
            "/sparql", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "PUT"}
        )
        assert r.status_code == 400  # writes are not allowed cross-site


def test_sparqlwrapper_client(read_server):
    sparql = SPARQLWrapper(read_server.url + "/sparql")
    sparql.setQuery(COUNTRIES)
    sparql.setReturnFormat(JSON)
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["c"]["value"] for r in rows][-1] == f"{BASE}id/country/KAZ"
    sparql.setMethod("POST")
    sparql.setQuery(CONSTRUCT)
    sparql.setReturnFormat(TURTLE)
    graph = sparql.query().convert()
    assert b"Kazakhstan" not in graph and b"country/KAZ" in graph


def test_relative_iris_resolve_against_the_base(read_server):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": "ASK { <id/country/KAZ> ?p ?o }"})
    assert r.json()["boolean"] is True

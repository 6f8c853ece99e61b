"""Linked Data pages, /ontology, VoID, /healthz and /docs."""

from __future__ import annotations

import pyoxigraph as ox
from api_helpers import BASE, fixture_triples

KAZ = f"{BASE}id/country/KAZ"


def test_entity_html_page(read_server):
    with read_server.client() as c:
        r = c.get("/id/country/KAZ", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>Kazakhstan</h1>" in page
    assert 'href="/ontology#Country"' in page  # its type, as a link
    assert 'href="/doc/d1/fact/coop-1"' in page  # the fact pointing to it
    assert "Germany and Kazakhstan agreed to cooperate on energy." in page  # its source sentence
    assert (
        'href="http://www.wikidata.org/entity/Q232"' in page and "https://sws.geonames.org/1522867/" in page
    )


def test_fact_page_links_both_ways(read_server):
    with read_server.client() as c:
        page = c.get("/doc/d1/fact/coop-1", headers={"Accept": "text/html"}).text
    assert 'href="/id/country/KAZ"' in page and 'href="/id/country/DEU"' in page
    assert "agreed to cooperate" in page


def test_entity_rdf_descriptions(read_server):
    with read_server.client() as c:
        for accept, fmt in (
            ("text/turtle", ox.RdfFormat.TURTLE),
            ("application/ld+json", ox.RdfFormat.JSON_LD),
            ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ):
            r = c.get("/id/country/KAZ", headers={"Accept": accept})
            assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
            triples = list(ox.parse(r.content, fmt))
            assert any(t.subject == ox.NamedNode(KAZ) for t in triples)
            assert any(t.object == ox.NamedNode(KAZ) for t in triples)  # incoming statements too


def test_unknown_resource_is_404(read_server):
    with read_server.client() as c:
        assert c.get("/id/country/XXX", headers={"Accept": "text/turtle"}).status_code == 404
        assert c.get("/id/country/XXX", headers={"Accept": "text/html"}).status_code == 404


def test_base_iri_is_configurable(tmp_path):
    from api_helpers import start_server, stop_server

    store = ox.Store(str(tmp_path / "s"))
    store.add(
        ox.Quad(
            ox.NamedNode("http://kg.example/x/id/country/KAZ"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("Kazakhstan"),
            ox.NamedNode("http://kg.example/x/doc/1"),
        )
    )
    store.flush()
    del store
    server = start_server(tmp_path / "s", "--base-iri", "http://kg.example/x/")
    try:
        with server.client() as c:
            assert "Kazakhstan" in c.get("/id/country/KAZ", headers={"Accept": "text/turtle"}).text
    finally:
        stop_server(server)


def test_ontology_by_content_negotiation(read_server):
    with read_server.client() as c:
        ttl = c.get("/ontology", headers={"Accept": "text/turtle"})
        xml = c.get("/ontology", headers={"Accept": "application/rdf+xml"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert xml.headers["content-type"].startswith("application/rdf+xml")
    a = {
        str(t) for t in ox.parse(ttl.content, ox.RdfFormat.TURTLE) if not isinstance(t.subject, ox.BlankNode)
    }
    b = {
        str(t) for t in ox.parse(xml.content, ox.RdfFormat.RDF_XML) if not isinstance(t.subject, ox.BlankNode)
    }
    assert a == b and any("owl#Ontology" in t for t in a)


def test_void(read_server):
    with read_server.client() as c:
        r = c.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    store = ox.Store()
    store.load(r.content, ox.RdfFormat.TURTLE)
    void = "http://rdfs.org/ns/void#"
    total = next(
        iter(store.query(f"SELECT ?n WHERE {{ ?d <{void}triples> ?n ; <{void}sparqlEndpoint> ?e }}"))
    )
    assert int(total["n"].value) == fixture_triples()  # every triple of the store, counted apart with rdflib
    assert store.query(
        f"ASK {{ ?d <{void}classPartition> [ <{void}class> "
        f"<https://w3id.org/diplograph/ontology#Country> ; <{void}entities> 3 ] }}"
    )
    assert store.query(f"ASK {{ ?d <{void}propertyPartition> [ <{void}property> ?p ; <{void}triples> ?n ] }}")
    wikidata = store.query(
        f"SELECT ?n WHERE {{ ?l a <{void}Linkset> ; <{void}objectsTarget> ?t ; "
        f'<{void}triples> ?n . ?t <{void}uriSpace> "http://www.wikidata.org/" }}'
    )
    assert int(next(iter(wikidata))["n"].value) == 2


def test_health_and_docs(read_server):
    with read_server.client() as c:
        assert c.get("/healthz").json()["status"] == "ok"
        assert c.get("/docs").status_code == 200
        spec = c.get("/openapi.json").json()
    assert "/sparql" in spec["paths"] and "/store" in spec["paths"]


def test_ontology_documentation_for_browsers(read_server):
    """A browser asking for /ontology gets the human-readable documentation of every class."""
    with read_server.client() as c:
        page = c.get("/ontology", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for label in ("Trade flow", "Investment flow", "Position", "Membership", "Market activity"):
        assert label in page.text
    assert "https://w3id.org/diplograph/ontology#TradeFlow" in page.text

"""Writes: SPARQL Update and the Graph Store Protocol, only with the bearer token."""

from __future__ import annotations

import pyoxigraph as ox
from api_helpers import BASE, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ASK_NEW = "ASK { GRAPH <urn:test:new> { <urn:s> <urn:p> 'o' } }"


def ask(c, query: str) -> bool:
    return c.get("/sparql", params={"query": query}).json()["boolean"]


def test_writes_need_the_token_and_change_nothing_otherwise(write_server, read_server):
    update = "INSERT DATA { GRAPH <urn:test:new> { <urn:s> <urn:p> 'o' } }"
    with write_server.client() as c:
        assert c.post("/sparql", data={"update": update}).status_code == 401
        r = c.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403
        assert (
            c.put(
                "/store",
                params={"graph": "urn:test:new"},
                content="<urn:s> <urn:p> 'o' .",
                headers={"Content-Type": "text/turtle"},
            ).status_code
            == 401
        )
        assert c.get("/store", params={"default": ""}).status_code == 401
        assert not ask(c, ASK_NEW)
    with read_server.client() as c:  # no token configured: writes are off for everyone
        r = c.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update", **AUTH})
        assert r.status_code == 403
        assert (
            c.put(
                "/store",
                params={"graph": "urn:test:new"},
                content="<urn:s> <urn:p> 'o' .",
                headers={"Content-Type": "text/turtle", **AUTH},
            ).status_code
            == 403
        )
        assert not ask(c, ASK_NEW)


def test_update_with_token_is_visible_to_queries(write_server):
    with write_server.client(headers=AUTH) as c:
        r = c.post(
            "/sparql",
            content="INSERT DATA { GRAPH <urn:test:new> { <urn:s> <urn:p> 'o' } }",
            headers={"Content-Type": "application/sparql-update"},
        )
        assert r.status_code == 204
        assert ask(c, ASK_NEW)  # every engine process sees it (two readers: ask twice)
        assert ask(c, ASK_NEW)
        assert c.post("/sparql", data={"update": "DROP GRAPH <urn:test:new>"}).status_code == 204
        assert not ask(c, ASK_NEW) and not ask(c, ASK_NEW)
        r = c.post("/sparql", data={"update": "INSERT DATA { <a> <b> "})
        assert r.status_code == 400
        assert c.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


def test_graph_store_protocol(write_server):
    g = "http://example.org/gsp/g1"
    with write_server.client(headers=AUTH) as c:
        r = c.put(
            "/store",
            params={"graph": g},
            content="<urn:a> <urn:b> 1 .",
            headers={"Content-Type": "text/turtle"},
        )
        assert r.status_code == 201
        r = c.put(
            "/store",
            params={"graph": g},
            content="<urn:a> <urn:b> 2 .",
            headers={"Content-Type": "text/turtle"},
        )
        assert r.status_code == 204
        r = c.post(
            "/store",
            params={"graph": g},
            content='<urn:a> <urn:b> "3" .',
            headers={"Content-Type": "application/n-triples"},
        )
        assert r.status_code == 204
        r = c.get("/store", params={"graph": g}, headers={"Accept": "text/turtle"})
        assert r.status_code == 200
        objects = sorted(t.object.value for t in ox.parse(r.content, ox.RdfFormat.TURTLE))
        assert objects == ["2", "3"]
        assert c.head("/store", params={"graph": g}).status_code == 200
        assert c.delete("/store", params={"graph": g}).status_code == 204
        assert c.get("/store", params={"graph": g}).status_code == 404
        assert c.delete("/store", params={"graph": g}).status_code == 404
        r = c.put("/store", params={"graph": g}, content="not turtle <", headers={"Content-Type": "text/turtle"})
        assert r.status_code == 400
        r = c.put("/store", params={"graph": g}, content="x", headers={"Content-Type": "image/png"})
        assert r.status_code == 415
        r = c.post("/store", content="<urn:a> <urn:b> 1 .", headers={"Content-Type": "text/turtle"})
        assert r.status_code == 201 and r.headers["location"].startswith(f"{BASE}graph/upload/")
        assert c.get("/store", params={"graph": r.headers["location"]}).status_code == 200


def test_graph_store_accepts_multipart_uploads_all_or_nothing(write_server):
    """An HTML form's file upload: every file lands in the graph, or none does."""
    g = "http://example.org/gsp/form"
    files = [
        ("one", ("people.ttl", b"<urn:a> <urn:name> 'A' . <urn:a> <urn:knows> [ <urn:name> 'B' ] .", "text/turtle")),
        ("two", ("more.nt", b'_:b <urn:name> "C" .\n', "application/octet-stream")),  # type from the extension
    ]
    with write_server.client(headers=AUTH) as c:
        r = c.put("/store", params={"graph": g}, files=files, data={"comment": "not RDF, ignored"})
        assert r.status_code == 201, r.text
        names = c.get(
            "/sparql",
            params={"query": f"SELECT ?b ?n {{ GRAPH <{g}> {{ ?b <urn:name> ?n FILTER isBlank(?b) }} }}"},
        ).json()["results"]["bindings"]
        # the two files' blank nodes stay two nodes, as two uploads would
        assert sorted(row["n"]["value"] for row in names) == ["B", "C"]
        assert len({row["b"]["value"] for row in names}) == 2
        bad = files + [("three", ("picture.png", b"\x89PNG", "image/png"))]
        r = c.post("/store", params={"graph": g}, files=bad)
        assert r.status_code == 415 and "picture.png" in r.text
        broken = [
            ("one", ("a.ttl", b"<urn:x> <urn:name> 'X' .", "text/turtle")),
            ("two", ("b.ttl", b"<", "text/turtle")),
        ]
        assert c.post("/store", params={"graph": g}, files=broken).status_code == 400
        count = c.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"})
        assert count.json()["results"]["bindings"][0]["n"]["value"] == "4"  # nothing of the failed posts
        r = c.post("/store", params={"graph": g}, content=b"--x--", headers={"Content-Type": "multipart/form-data"})
        assert r.status_code == 400


def test_update_timeout_kills_the_writer_and_nothing_is_committed(tmp_path):
    from api_helpers import make_store, start_server, stop_server

    server = start_server(make_store(tmp_path / "s"), "--update-token", TOKEN, "--query-timeout", "2")
    try:
        with server.client(headers=AUTH) as c:
            slow = (
                "INSERT { GRAPH <urn:test:slow> { ?a <urn:p> ?d } } "
                "WHERE { GRAPH ?w { ?a ?b ?c } GRAPH ?x { ?d ?e ?f } "
                "GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } }"
            )
            assert c.post("/sparql", data={"update": slow}).status_code == 503
            assert not ask(c, "ASK { GRAPH <urn:test:slow> { ?s ?p ?o } }")
            r = c.post("/sparql", data={"update": "INSERT DATA { GRAPH <urn:test:after> { <urn:s> <urn:p> 1 } }"})
            assert r.status_code == 204  # a fresh writer took over
            assert ask(c, "ASK { GRAPH <urn:test:after> { ?s ?p ?o } }")
    finally:
        stop_server(server)

"""Prefixes the query page lists work without PREFIX lines; parser errors read as one sentence;
`bind=` gives a variable a value before the query runs."""

from __future__ import annotations

import pytest

DG = "https://w3id.org/diplograph/ontology#"
BASE = "https://w3id.org/diplograph/"
JSON = {"Accept": "application/sparql-results+json"}


def select(client, query: str, **params):
    r = client.get("/sparql", params={"query": query, **params}, headers=JSON)
    assert r.status_code == 200, r.text
    return r


def values(response, var: str) -> list[str]:
    return sorted(b[var]["value"] for b in response.json()["results"]["bindings"] if var in b)


def test_listed_prefixes_are_predeclared(read_server):
    with read_server.client() as c:
        listed = c.get("/api/prefixes").json()
        for name in ("dg", "rdfs", "owl", "skos", "prov", "org", "foaf", "schema", "dcterms", "xsd", "rdf",
                     "time", "void", "sh"):
            assert name in listed, name
        assert listed["dg"] == DG
        # one query that uses every listed prefix, with no PREFIX line: it parses and each expands as listed
        binds = " ".join(f"BIND({name}:x AS ?{name.replace('-', '_')})" for name in listed)
        row = c.get("/sparql", params={"query": f"SELECT * WHERE {{ {binds} }}"}, headers=JSON)
        assert row.status_code == 200, row.text
        got = row.json()["results"]["bindings"][0]
        assert {name: got[name.replace("-", "_")]["value"] for name in listed} == {
            name: ns + "x" for name, ns in listed.items()
        }
        r = select(c, "SELECT ?label WHERE { ?c a dg:Country ; rdfs:label ?label }")
        assert values(r, "label") == ["France", "Germany", "Kazakhstan"]


def test_a_query_prefix_overrides_a_predeclared_one(read_server):
    with read_server.client() as c:
        r = select(c, "PREFIX dg: <http://example.org/other#> SELECT (dg:Country AS ?x) WHERE {}")
        assert values(r, "x") == ["http://example.org/other#Country"]
        r = select(c, "PREFIX dg: <http://example.org/other#> SELECT ?c WHERE { ?c a dg:Country }")
        assert values(r, "c") == []


def test_predeclared_prefixes_in_updates(write_server):
    from api_helpers import TOKEN

    with write_server.client() as c:
        r = c.post(
            "/sparql",
            content="INSERT DATA { GRAPH <http://example.org/prefixed> { <http://example.org/s> a dg:Country } }",
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"},
        )
        assert r.status_code == 204, r.text
        r = select(c, f"ASK {{ GRAPH <http://example.org/prefixed> {{ <http://example.org/s> a <{DG}Country> }} }}")
        assert r.json()["boolean"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "SELECT * WHERE {\n  ?s ?p ?o .\n  ?s foo:bar ?o }",
            "Syntax error at line 3, column 6: unknown prefix 'foo'",
        ),
        (
            "PREFIX foo: <http://example.org/>\nSELECT * WHERE { ?s foo:x ?o .\n ?s  bar:y ?o }",
            "Syntax error at line 3, column 6: unknown prefix 'bar'",
        ),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT x", "Syntax error at line 1, column 35: unexpected 'x'; expected"),
        ("SELECT * WHERE { ?s <a b> ?o }", "Syntax error at line 1, column 26: invalid IRI"),
        ("SELECT * WHERE { ?s ?p ?o", "Syntax error at line 1, column 26: unexpected end of text"),
    ],
)
def test_syntax_errors_read_as_one_sentence(read_server, query, expected):
    with read_server.client() as c:
        for r in (
            c.get("/sparql", params={"query": query}),
            c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
        ):
            assert r.status_code == 400
            text = r.text.strip()
            assert text.startswith(expected), text
            assert "\n" not in text and "\\u{" not in text and "..=" not in text, text
            assert len(text) < 200, text


def test_update_syntax_error_reads_as_one_sentence(write_server):
    from api_helpers import TOKEN

    with write_server.client() as c:
        r = c.post(
            "/sparql",
            content="INSERT DATA {\n <http://example.org/a> <http://example.org/b> nope:c }",
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"},
        )
        assert r.status_code == 400
        assert r.text.strip().startswith("Syntax error at line 2, column 48: unknown prefix 'nope'"), r.text

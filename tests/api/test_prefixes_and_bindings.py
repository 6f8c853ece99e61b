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


QUERY = "SELECT ?country ?label WHERE { ?country a dg:Country ; rdfs:label ?label }"


def test_bind_gives_a_variable_its_value(read_server):
    with read_server.client() as c:
        assert values(select(c, QUERY), "label") == ["France", "Germany", "Kazakhstan"]
        for bind in (f"country=<{BASE}id/country/KAZ>", "?country=<id/country/KAZ>", "$country=<id/country/KAZ>"):
            r = select(c, QUERY, bind=bind)
            assert values(r, "label") == ["Kazakhstan"], bind
            assert "x-diplograph-warning" not in r.headers
        r = select(c, QUERY, bind='label="Germany"@en')
        assert values(r, "country") == [f"{BASE}id/country/DEU"]
        # by POST form too, and several at once
        r = c.post(
            "/sparql",
            data={"query": QUERY, "bind": ["country=<id/country/DEU>", 'label="Germany"@en']},
            headers=JSON,
        )
        assert r.status_code == 200 and values(r, "country") == [f"{BASE}id/country/DEU"]


def test_bind_says_when_a_value_matches_nothing(read_server):
    with read_server.client() as c:
        r = select(c, QUERY, bind="country=<id/country/XYZ>")
        assert values(r, "country") == []
        warning = r.headers["x-diplograph-warning"]
        assert "?country" in warning and f"<{BASE}id/country/XYZ>" in warning and "nowhere" in warning
        r = select(c, QUERY, bind='label="Germany"')  # the data has "Germany"@en
        assert '"Germany"' in r.headers["x-diplograph-warning"]
        r = select(c, QUERY, bind="country=<http://example.org/\u00e9t\u00e9>")  # non-Latin-1 safe in a header
        assert "\\xe9" in r.headers["x-diplograph-warning"]
        # the query page's script may read the header cross-origin too
        r = c.get(
            "/sparql",
            params={"query": QUERY, "bind": "country=<id/country/XYZ>"},
            headers={**JSON, "Origin": "http://elsewhere.example"},
        )
        assert "x-diplograph-warning" in r.headers["access-control-expose-headers"].lower()


@pytest.mark.parametrize(
    ("bind", "words"),
    [
        ("country", ["bind", "name=<IRI>"]),
        ("country=not an iri", ["bind", "?country"]),
        ("country=<not an iri>", ["bind", "not a valid IRI"]),
        ("country=nope:x", ["bind", "unknown prefix 'nope'"]),
        ('label="x"@', ["bind", "?label"]),
        ("nothere=<http://example.org/x>", ["bind", "?nothere"]),
    ],
)
def test_bad_bindings_are_a_400(read_server, bind, words):
    with read_server.client() as c:
        r = c.get("/sparql", params={"query": QUERY, "bind": bind}, headers=JSON)
        assert r.status_code == 400, r.text
        for word in words:
            assert word in r.text, (word, r.text)
        r = c.get("/sparql", params={"query": QUERY, "bind": ["country=<http://a.example>"] * 2}, headers=JSON)
        assert r.status_code == 400 and "more than once" in r.text


def test_binding_parser_for_other_callers():
    """graph.bindings is what the command line can reuse: terms in N-Triples form, errors as BindingError."""
    from diplograph.graph.bindings import BindingError, parse_binding, parse_bindings

    assert parse_binding("c=<id/x>", BASE).term == f"<{BASE}id/x>"
    assert parse_binding('l="a \\"b\\""@en').term == '"a \\"b\\""@en'
    assert parse_binding("n=5").term == '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert parse_binding('y="2024"^^xsd:gYear', prefixes={"xsd": "http://www.w3.org/2001/XMLSchema#"}).to_term().datatype.value.endswith("gYear")
    assert [b.name for b in parse_bindings(["?a=<http://x.example>", "$b=1"])] == ["a", "b"]
    for bad in ("c=<id/x>", "c=", "=<http://x.example>", 'c="x"junk'):
        with pytest.raises(BindingError):
            parse_binding(bad)


def test_query_page_offers_bindings(read_server):
    with read_server.client() as c:
        page = c.get("/").text
        assert 'id="bind"' in page and 'id="warning"' in page
        script = c.get("/static/app.js").text
        assert 'params.append("bind"' in script and "X-Diplograph-Warning" in script

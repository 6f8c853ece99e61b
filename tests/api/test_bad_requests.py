"""Odd requests get a 4xx naming the parameter and the problem, never a 500, and the server goes on
answering.  Every parameter that becomes an IRI is covered, on every route."""

from __future__ import annotations

import socket

import pytest
from api_helpers import TOKEN

QUERY = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
UPDATE = "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# (raw query-string value, what the message must say about it)
BAD_IRIS = [
    ("not%20an%20iri", "not a valid absolute IRI"),
    ("%20", "not a valid absolute IRI"),
    ("relative/path", "not a valid absolute IRI"),
    ("http://example.org/a%3E%20%3Chttp://example.org/b", "not a valid absolute IRI"),  # would close <...>
    ("%ZZ", "invalid percent-encoding '%ZZ'"),
    ("%C3%28", "not valid UTF-8"),  # an invalid UTF-8 sequence
]


def assert_names(response, status: int, *words: str) -> None:
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("text/plain")
    for word in words:
        assert word in response.text, (word, response.text)
    assert "Traceback" not in response.text and "ValueError" not in response.text


def still_answers(client) -> None:
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.json()["boolean"] is True


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize(("raw", "problem"), BAD_IRIS)
def test_dataset_parameters_that_are_not_iris(read_server, param, raw, problem):
    with read_server.client() as c:
        r = c.get(f"/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D&{param}={raw}")
        assert_names(r, 400, param, problem)
        form = f"query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D&{param}={raw}"
        r = c.post("/sparql", content=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert_names(r, 400, param, problem)
        still_answers(c)


def test_a_valid_dataset_parameter_still_works(read_server):
    with read_server.client() as c:
        r = c.get(
            "/sparql",
            params={
                "query": "SELECT ?c WHERE { ?c a <https://w3id.org/diplograph/ontology#Country> }",
                "default-graph-uri": "https://w3id.org/diplograph/doc/d2",
            },
            headers={"Accept": "application/json"},
        )
        assert r.status_code == 200
        assert [b["c"]["value"] for b in r.json()["results"]["bindings"]] == [
            "https://w3id.org/diplograph/id/country/FRA"
        ]


@pytest.mark.parametrize("body", [b"", b"format=json", b"&"])
def test_form_post_without_query_or_update(read_server, body):
    with read_server.client() as c:
        r = c.post("/sparql", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert_names(r, 400, "'query'", "'update'")
        still_answers(c)


@pytest.mark.parametrize(
    ("query_string", "words"),
    [
        ("query=SELECT%ZZ", ["'query'", "invalid percent-encoding '%ZZ'"]),
        ("query=SELECT%2", ["'query'", "invalid percent-encoding"]),
        ("query=SELECT%20%C3%28", ["'query'", "not valid UTF-8"]),
        ("query=SELECT%20%FF", ["'query'", "not valid UTF-8"]),
        ("qu%C3%28ery=x", ["parameter name", "not valid UTF-8"]),
        (f"query={QUERY}&format=%C3%28", ["'format'", "not valid UTF-8"]),
    ],
)
def test_broken_query_strings(read_server, query_string, words):
    with read_server.client() as c:
        assert_names(c.get(f"/sparql?{query_string}"), 400, *words)
        r = c.post("/sparql", content=query_string, headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert_names(r, 400, *words, "form body")
        still_answers(c)


def test_query_body_that_is_not_utf8(read_server):
    with read_server.client() as c:
        body = b"SELECT * WHERE { ?s ?p '\xc3\x28' }"
        r = c.post("/sparql", content=body, headers={"Content-Type": "application/sparql-query"})
        assert_names(r, 400, "not valid UTF-8")


@pytest.mark.parametrize("param", ["using-graph-uri", "using-named-graph-uri"])
@pytest.mark.parametrize(("raw", "problem"), BAD_IRIS)
def test_update_dataset_parameters_that_are_not_iris(write_server, param, raw, problem):
    with write_server.client() as c:
        r = c.post(
            f"/sparql?{param}={raw}",
            content=UPDATE,
            headers={**AUTH, "Content-Type": "application/sparql-update"},
        )
        assert_names(r, 400, param, problem)
        r = c.post(
            "/sparql",
            content=f"update={UPDATE.replace(' ', '+')}&{param}={raw}".replace("{", "%7B").replace("}", "%7D"),
            headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert_names(r, 400, param, problem)
        # nothing was written
        r = c.get("/sparql", params={"query": "ASK { GRAPH <http://example.org/g> { ?s ?p ?o } }"})
        assert r.json()["boolean"] is False


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "POST", "DELETE"])
@pytest.mark.parametrize(("raw", "problem"), BAD_IRIS)
def test_graph_store_graph_parameter_that_is_not_an_iri(write_server, method, raw, problem):
    with write_server.client() as c:
        headers = {**AUTH, "Content-Type": "application/n-triples"}
        body = b"<http://example.org/s> <http://example.org/p> <http://example.org/o> ."
        content = body if method in ("PUT", "POST") else None
        r = c.request(method, f"/store?graph={raw}", content=content, headers=headers)
        if method == "HEAD":
            assert r.status_code == 400
        else:
            assert_names(r, 400, "graph", problem)
        still_answers(c)


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/id/a%20b", "not a valid absolute IRI"),
        ("/id/a%3Eb", "not a valid absolute IRI"),
        ("/id/a%22b", "not a valid absolute IRI"),
        ("/id/a%7Bb%7D", "not a valid absolute IRI"),
        ("/id/%ZZ", "invalid IRI percent encoding"),
        ("/doc/x%00", "not a valid absolute IRI"),
        ("/id/%C3%28", "not valid UTF-8"),
    ],
)
@pytest.mark.parametrize("accept", ["text/html", "text/turtle"])
def test_linked_data_paths_that_name_no_iri(read_server, path, problem, accept):
    with read_server.client() as c:
        r = c.get(path, headers={"Accept": accept})
        assert_names(r, 400, problem)
        assert "\x00" not in r.text
        assert "syntax error" not in r.text.lower()  # refused before any SPARQL is built
        still_answers(c)


def test_linked_data_path_cannot_inject_sparql(read_server):
    """The IRI of a path is spliced into SPARQL as <...>: a path closing it made the engine call a
    SERVICE (an outgoing connection to wherever the path said) before paths were checked."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    kaz = "https://w3id.org/diplograph/id/country/KAZ"
    injected = f"/id/country/KAZ> $p $o OPTIONAL {{ SERVICE <{target}> {{ $a $b $c }} }} <{kaz}"
    try:
        with read_server.client() as c:
            r = c.get(injected.replace(" ", "%20"))
            assert_names(r, 400, "not a valid absolute IRI")
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


@pytest.mark.parametrize(
    "path",
    ["/sparql", f"/sparql?query={QUERY}", "/.well-known/void", "/ontology", "/id/country/KAZ", "/store?default"],
)
def test_unknown_format_is_a_406(write_server, path):
    with write_server.client() as c:
        sep = "&" if "?" in path else "?"
        r = c.get(f"{path}{sep}format=bogus", headers=AUTH)
        assert_names(r, 406, "'bogus'")


@pytest.mark.parametrize("extra", [1, 200_000, 8_000_000])
def test_over_long_url_is_a_414_with_a_message(read_server, extra):
    """A URL one byte past the limit, a 200 kB one and an 8 MB one: 414 telling the client to POST (it
    used to be a bare 400 "Invalid HTTP request received." once the URL passed 64 KiB), and the server
    goes on answering; a URL of exactly the limit is answered."""
    from raw_http import raw_request

    from diplograph.api.server import MAX_URL_BYTES

    start = b"/sparql?query=ASK%7B%7D&pad="
    exact = raw_request(read_server.url, "GET", start + b"a" * (MAX_URL_BYTES - len(start)))
    assert exact.status == 200 and b'"boolean":true' in exact.body
    r = raw_request(read_server.url, "GET", start + b"a" * (MAX_URL_BYTES - len(start) + extra))
    assert r.status == 414, (r.status, r.text)
    assert "longer than this server's limit of 65535 bytes" in r.text and "POST" in r.text
    assert r.headers["content-type"].startswith("text/plain")
    r = raw_request(read_server.url, "GET", b"/sparql?query=ASK%7B%7D")
    assert r.status == 200

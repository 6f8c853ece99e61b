"""Fuzzing the endpoint: random and mutated SPARQL and HTTP, and schemathesis over the server's own
OpenAPI description.  Whatever arrives, the answer is never a 5xx other than 503 (a timeout, the memory
cap, all engines busy), every 4xx carries a message, and the server stays up with all its engines.

Bounded for CI: a fixed number of examples per test (derandomized under CI=true, so a CI run is
reproducible), a 2 s query timeout on the server, and a per-example deadline far above it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote_from_bytes

import httpx
import pytest
import schemathesis
from api_helpers import ROOT, TOKEN, Server, make_store, start_server, stop_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from raw_http import RawResponse, raw_request

FUZZ = settings(
    max_examples=int(os.environ.get("DIPLOGRAPH_FUZZ_EXAMPLES", "60")),
    deadline=timedelta(seconds=20),  # the server's timeout is 2 s: only a hang gets near this
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "queries").glob("*.rq")) + [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "ASK { ?s a <https://w3id.org/diplograph/ontology#Country> }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/diplograph/doc/d1> { ?s ?p ?o } }",
    "DESCRIBE <https://w3id.org/diplograph/id/country/KAZ>",
    'SELECT (CONCAT(STR(?s), "é\U0001f600") AS ?x) WHERE { ?s ?p ?o FILTER(REGEX(?o, "^K", "i")) } LIMIT 2',
    "INSERT DATA { GRAPH <urn:fuzz> { <urn:s> <urn:p> 'o' } }",
    "DELETE WHERE { GRAPH <urn:fuzz> { ?s ?p ?o } }",
]
ROUTES = [
    "/sparql", "/store", "/", "/healthz", "/.well-known/void", "/ontology", "/api/examples", "/api/prefixes",
    "/id/country/KAZ", "/doc/d1", "/doc/d1/fact/coop-1", "/docs", "/openapi.json", "/static/app.js", "/nope",
]
PARAMS = [
    "query", "update", "default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri",
    "format", "bind", "graph", "default", "unknown", "", "QUERY", "query[]",
]
CONTENT_TYPES = [
    None, "", "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update",
    "application/sparql-query; charset=utf-8", "application/sparql-query; charset=latin-1",
    "application/x-www-form-urlencoded; charset=utf-16", "text/turtle", "application/n-triples",
    "application/ld+json", "multipart/form-data", "multipart/form-data; boundary=xyz", "application/json",
    "text/plain", "garbage", ";;;", "application/sparql-query; charset",
]
AUTHS = [None, f"Bearer {TOKEN}", "Bearer wrong", "Bearer", "Basic czNjcmV0", f"bearer {TOKEN}", f"Bearer  {TOKEN} "]


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory) -> Iterator[Server]:
    """Its own server, writes enabled (the fuzzer may write with the token), a short timeout, small caps."""
    store = make_store(tmp_path_factory.mktemp("fuzz") / "store")
    server = start_server(
        store, "--update-token", TOKEN, "--query-timeout", "2", "--max-result-bytes", "1000000",
        "--max-body-bytes", "4000000",
    )
    yield server
    stop_server(server)


def assert_sound(status: int, body: bytes, method: str, what: object) -> None:
    """The contract every response keeps, whatever the request."""
    shown = f"{what!r:.300}: {status} {body[:300]!r}"
    assert status < 500 or status == 503, f"a server error: {shown}"
    if status == 503:
        assert any(word in body for word in (b"limit", b"busy", b"memory")), f"a 503 without its reason: {shown}"
    if 400 <= status < 500 and method != "HEAD":
        assert body.strip(), f"a client error without a message: {shown}"
    assert b"Traceback" not in body, shown


def assert_up(server: Server) -> None:
    """The process runs and answers, with every engine back (a killed one is replaced in a few seconds)."""
    assert server.proc.poll() is None, "the server exited"
    deadline = time.monotonic() + 30
    while True:
        health = httpx.get(server.url + "/healthz", timeout=10)
        if health.status_code == 200 and health.json()["readers"] == 2:
            break
        assert time.monotonic() < deadline, health.text
        time.sleep(0.2)
    r = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert r.status_code == 200 and r.json()["boolean"] is True


@st.composite
def mutated_sparql(draw) -> bytes:
    """A valid query or update, then one to three of: truncation, deletion, duplication, random text or
    bytes (invalid UTF-8 among them), a huge literal, deep nesting, a long chain."""
    text = draw(st.sampled_from(VALID)).encode()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["truncate", "delete", "duplicate", "text", "bytes", "literal", "nest", "chain"]))
        if op == "truncate":
            text = text[:at]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 200))] * draw(st.integers(2, 50)) + text[at:]
        elif op == "text":
            text = text[:at] + draw(st.text(max_size=30)).encode() + text[at:]
        elif op == "bytes":
            text = text[:at] + draw(st.binary(min_size=1, max_size=12)) + text[at:]
        elif op == "literal":
            size = draw(st.sampled_from([1_000, 65_536, 300_000]))
            text = text[:at] + b'"' + b"x" * size + b'"' + text[at:]
        elif op == "nest":
            depth = draw(st.sampled_from([10, 127, 129, 1_000, 20_000]))
            text = text[:at] + draw(st.sampled_from([b"{", b"(", b"[", b"!", b"-"])) * depth + text[at:]
        else:
            branches = draw(st.sampled_from([10, 1_000, 20_000]))
            text = text[:at] + b" UNION { ?s ?p ?o }" * branches + text[at:]
    return text


@FUZZ
@given(text=mutated_sparql(), how=st.sampled_from(["get", "form", "query", "update", "form-update"]),
       auth=st.sampled_from(AUTHS))
def test_mutated_sparql(fuzz_server, text, how, auth):
    headers = [("Authorization", auth)] if auth else []
    if how == "get":
        target = b"/sparql?query=" + quote_from_bytes(text).encode()
        r = raw_request(fuzz_server.url, "GET", target, headers)
    elif how in ("form", "form-update"):
        name = b"query=" if how == "form" else b"update="
        body = name + quote_from_bytes(text).encode()
        r = raw_request(fuzz_server.url, "POST", b"/sparql",
                        [*headers, ("Content-Type", "application/x-www-form-urlencoded")], body)
    else:
        media = "application/sparql-query" if how == "query" else "application/sparql-update"
        r = raw_request(fuzz_server.url, "POST", b"/sparql", [*headers, ("Content-Type", media)], text)
    assert_sound(r.status, r.body, "POST", (how, text[:200]))


@st.composite
def raw_value(draw) -> bytes:
    """A parameter value as it goes on the wire: well-formed, or with broken escapes and raw bytes."""
    return draw(st.one_of(
        st.sampled_from([b"", b"x", b"json", b"turtle", b"%ZZ", b"%C3%28", b"%", b"%2", b"%00", b"%FF%FE",
                         b"http%3A%2F%2Fexample.org%2Fg", b"urn:fuzz", b"<urn:x>", b"%3Curn:x%3E%20", b"a=b=c",
                         b"SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", b"country=%3Curn:x%3E"]),
        st.binary(max_size=16).map(lambda b: quote_from_bytes(b).encode()),
        st.binary(max_size=8),
    ))


@st.composite
def raw_query_string(draw) -> bytes:
    """Known, unknown and duplicated parameters, in any order, some without '='."""
    pairs = draw(st.lists(st.tuples(st.sampled_from(PARAMS), raw_value(), st.booleans()), max_size=6))
    if pairs and draw(st.booleans()):
        pairs.append(pairs[0])  # a duplicated parameter
    return b"&".join(name.encode() + (b"=" + value if has_value else b"") for name, value, has_value in pairs)


@FUZZ
@given(
    method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]),
    route=st.sampled_from(ROUTES),
    query_string=raw_query_string(),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=st.one_of(st.none(), st.just(b""), st.binary(max_size=64), st.sampled_from([
        b"query=ASK%7B%7D", b"update=CLEAR%20ALL", b"<urn:s> <urn:p> <urn:o> .", b"--xyz--", b"{}",
        b"--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.ttl\"\r\n\r\n<a> <b> <c> .\r\n--xyz--\r\n",
    ])),
    auth=st.sampled_from(AUTHS),
    accept=st.sampled_from([None, "*/*", "text/html", "application/json", "image/png", "text/turtle;q=0",
                            "application/sparql-results+json, text/turtle;q=0.5", ",,,;q=x"]),
)
def test_random_http(fuzz_server, method, route, query_string, content_type, body, auth, accept):
    headers = []
    if content_type is not None:
        headers.append(("Content-Type", content_type))
    if auth:
        headers.append(("Authorization", auth))
    if accept:
        headers.append(("Accept", accept))
    target = route.encode() + (b"?" + query_string if query_string else b"")
    r = raw_request(fuzz_server.url, method, target, headers, body)
    assert_sound(r.status, r.body, method, (method, target, content_type, body))


def test_huge_and_empty_requests(fuzz_server):
    """1 MB query strings and bodies, and empty bodies, each get an answer with a clear status."""
    cases: list[tuple[str, RawResponse]] = []
    for name, size in (("60 kB GET", 60_000), ("1 MB GET", 1 << 20)):
        query = quote_from_bytes(f"ASK {{ ?s ?p ?o }} #{'x' * size}".encode()).encode()
        cases.append((name, raw_request(fuzz_server.url, "GET", b"/sparql?query=" + query)))
    cases.append(("1 MB form", raw_request(fuzz_server.url, "POST", b"/sparql",
                                           [("Content-Type", "application/x-www-form-urlencoded")],
                                           b"query=ASK%7B%7D%23" + b"x" * (1 << 20))))
    literal = f'SELECT * WHERE {{ BIND("{"é" * (1 << 19)}" AS ?x) }}'.encode()  # 1 MiB of UTF-8
    cases.append(("1 MB literal", raw_request(fuzz_server.url, "POST", b"/sparql",
                                              [("Content-Type", "application/sparql-query")], literal)))
    cases.append(("1 MB of braces", raw_request(fuzz_server.url, "POST", b"/sparql",
                                                [("Content-Type", "application/sparql-query")], b"{" * (1 << 20))))
    cases.append(("5 MB over the cap", raw_request(fuzz_server.url, "POST", b"/sparql",
                                                   [("Content-Type", "application/sparql-query")], b" " * 5_000_000)))
    for media in ("application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                  "text/turtle", None):
        headers = [("Content-Type", media)] if media else []
        cases.append((f"empty {media}", raw_request(fuzz_server.url, "POST", b"/sparql", headers, b"")))
        cases.append((f"empty store {media}", raw_request(
            fuzz_server.url, "PUT", b"/store?graph=urn:fuzz:empty", [*headers, ("Authorization", f"Bearer {TOKEN}")],
            b"")))
    for what, r in cases:
        assert_sound(r.status, r.body, "POST", what)
    statuses = {what: r.status for what, r in cases}
    # What a user relies on: a long GET query is served like a short one up to the 64 KiB that uvicorn's
    # URL parser takes (its offsets are 16-bit; beyond, a 414 telling the client to POST);
    # a 1 MB query or literal is answered when POSTed; the brace bomb is refused by the nesting guard; the
    # body cap is a 413; an empty query is a syntax error (400); an empty POST without a Content-Type is
    # a 415; and an empty Turtle body replaces a graph with nothing (201, created).
    assert statuses["60 kB GET"] == 200
    assert statuses["1 MB GET"] == 414 and "send a long query with POST" in cases[1][1].text
    assert statuses["1 MB form"] == 200 and b'"boolean":true' in cases[2][1].body
    assert statuses["1 MB literal"] == 200
    assert statuses["1 MB of braces"] == 400 and b"nested deeper" in cases[4][1].body
    assert statuses["5 MB over the cap"] == 413
    assert statuses["empty application/sparql-query"] == 400
    assert statuses["empty application/x-www-form-urlencoded"] == 400
    assert statuses["empty None"] == 415
    assert statuses["empty store text/turtle"] == 201
    assert_up(fuzz_server)


def test_duplicated_and_conflicting_parameters(fuzz_server):
    """A protocol request must be unambiguous: each of these is a 400 that names the problem."""
    get = "/sparql?query=ASK%7B%7D"
    for target, media, body, words in [
        (get + "&query=ASK%7B%7D", None, None, "more than one 'query'"),
        (get + "&format=json&format=xml", None, None, "more than one 'format'"),
        ("/sparql?update=CLEAR%20ALL", None, None, "updates must be sent with POST"),
        ("/sparql?query=ASK%7B%7D", "application/sparql-query", b"ASK {}", "both in the body and as a parameter"),
        ("/sparql", "application/x-www-form-urlencoded", b"query=ASK%7B%7D&update=CLEAR%20ALL", "not both"),
        ("/store?graph=urn:a&graph=urn:b", None, None, "exactly one of"),
        ("/store?graph=urn:a&default", None, None, "exactly one of"),
    ]:
        headers = [("Authorization", f"Bearer {TOKEN}")] + ([("Content-Type", media)] if media else [])
        r = raw_request(fuzz_server.url, "POST" if body is not None else "GET", target.encode(), headers, body)
        assert r.status == 400 and words in r.text, (target, r.status, r.text)


# -- schemathesis, from the server's own OpenAPI description -------------------------------------------


@pytest.fixture(scope="module")
def api_schema(fuzz_server):
    return schemathesis.openapi.from_url(fuzz_server.url + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("DIPLOGRAPH_SCHEMA_EXAMPLES", "25")),
    deadline=timedelta(seconds=20),
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_openapi_operations(case, fuzz_server):
    response = case.call(timeout=30)
    assert_sound(response.status_code, response.content, case.method, (case.method, case.path, case.query,
                                                                        case.body))


def test_server_is_still_up_after_the_fuzzing(fuzz_server):
    assert_up(fuzz_server)
    log = next(Path(fuzz_server.store.parent).glob("server-*.log")).read_text(errors="replace")
    assert "died while running" not in log and "Segmentation" not in log


@pytest.mark.parametrize("path", ["/sparql", "/ontology"])
def test_accept_header_without_a_media_range(fuzz_server, path):
    """Found by the fuzzer: `Accept: ,,,` made these two routes fail with a 500; it says nothing, so the
    default representation (Turtle) is served."""
    r = httpx.get(fuzz_server.url + path, headers={"Accept": ",,,;q=x"}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")

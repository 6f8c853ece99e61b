"""No way in: writes without the token change nothing, SERVICE and LOAD never reach this machine or its
network, no path leaves the routes, text from documents cannot become markup or script on a page, and the
token is compared in constant time and never logged."""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from api_helpers import BASE, TOKEN, Server, make_store, start_server, stop_server
from raw_http import raw_request

ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"


class Recorder:
    """An HTTP server on loopback standing in for a remote endpoint; it counts the connections it gets
    and answers each request with `status` (a redirect to `location`, if given)."""

    def __init__(self, status: int = 200, location: str | None = None) -> None:
        recorder = self
        self.connections = 0
        self.hosts: list[str | None] = []  # the Host header of each request
        self.callers: list[int | None] = []  # the process that opened each connection

        class Handler(http.server.BaseHTTPRequestHandler):
            def setup(self) -> None:
                recorder.connections += 1
                recorder.callers.append(socket_owner(self.client_address[1]))
                super().setup()

            def do_GET(self) -> None:  # noqa: N802 - the standard library's naming
                recorder.hosts.append(self.headers.get("Host"))
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def socket_owner(port: int) -> int | None:
    """The process holding the connected TCP socket whose local port on loopback is `port` (from /proc)."""
    inodes = {
        fields[9]
        for table in ("/proc/net/tcp", "/proc/net/tcp6")
        if Path(table).exists()
        for fields in (line.split() for line in Path(table).read_text().splitlines()[1:])
        if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01"  # 01: established
    }
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd).removeprefix("socket:[").removesuffix("]") in inodes:
                return int(fd.parts[2])
        except OSError:
            continue
    return None


@pytest.fixture(scope="module")
def listener() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    recorder.close()


def hidden_names(port: int) -> list[str]:
    """Ways to write an endpoint on this machine that an allow-list may hold, literally."""
    return [
        f"http://127.0.0.1:{port}/sparql",
        f"http://localhost:{port}/sparql",  # a DNS name that resolves to loopback
        f"http://2130706433:{port}/sparql",  # 127.0.0.1 as one number
        f"http://127.1:{port}/sparql",
        f"http://[::ffff:127.0.0.1]:{port}/sparql",
        f"http://0.0.0.0:{port}/sparql",
    ]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, listener) -> Iterator[Server]:
    """Writes on with a token, and every way of naming the listener on the SERVICE allow-list: the operator
    allowed them, yet none is public, so none may be contacted."""
    store = make_store(tmp_path_factory.mktemp("guarded") / "store")
    allow = [arg for name in hidden_names(listener.port) for arg in ("--service-allow", name)]
    server = start_server(store, "--update-token", TOKEN, "--access-log", *allow)
    yield server
    stop_server(server)


def quads(server: Server) -> list[dict]:
    r = httpx.get(server.url + "/sparql", params={"query": ALL_QUADS}, timeout=30)
    assert r.status_code == 200
    return r.json()["results"]["bindings"]


# -- writes ----------------------------------------------------------------------------------------------

WRONG_AUTH = [
    None, "Bearer wrong", "Bearer", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", TOKEN, f"Basic {TOKEN}",
    f"Token {TOKEN}", f"Bearer{TOKEN}",
]
UPDATES = [
    "DROP ALL", "CLEAR ALL", "DROP GRAPH <https://w3id.org/diplograph/doc/d1>",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT DATA { GRAPH <urn:intruder> { <urn:s> <urn:p> 'o' } }", "ADD <urn:a> TO <urn:b>",
    "MOVE GRAPH <https://w3id.org/diplograph/doc/d1> TO <urn:stolen>",
]


def test_writes_without_the_token_change_nothing(guarded):
    """Every update and Graph Store write, with every wrong way of giving the token (none, another one,
    a prefix of it, it plus a character, another scheme, the token in the URL): 401 or 403, and the
    store read back afterwards holds exactly what it held before."""
    before = quads(guarded)
    assert len(before) > 100
    attempts = 0
    for auth in WRONG_AUTH:
        headers = {"Authorization": auth} if auth else {}
        with httpx.Client(base_url=guarded.url, timeout=30, headers=headers) as c:
            responses = [c.post("/sparql", data={"update": u}) for u in UPDATES]
            responses += [c.post("/sparql", content=u, headers={"Content-Type": "application/sparql-update"})
                          for u in UPDATES]
            responses.append(c.post(f"/sparql?token={TOKEN}&access_token={TOKEN}", data={"update": "DROP ALL"}))
            for method in ("PUT", "POST", "DELETE"):
                for target in (f"/store?graph={BASE}doc/d1", "/store?default", "/store"):
                    responses.append(c.request(method, target, content="<urn:s> <urn:p> <urn:o> .",
                                               headers={"Content-Type": "application/n-triples"}))
        for r in responses:
            assert r.status_code in (401, 403), (auth, r.request.method, r.request.url, r.status_code, r.text)
            assert r.text.strip()
        attempts += len(responses)
    assert attempts == len(WRONG_AUTH) * (2 * len(UPDATES) + 1 + 9)
    assert quads(guarded) == before


# -- SERVICE and LOAD ------------------------------------------------------------------------------------


def test_service_and_load_reach_nothing_private(guarded, listener):
    """Allow-listed, but on loopback under six names: refused before the engine sees it, no connection."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=guarded.url, timeout=30) as c:
        for endpoint in hidden_names(listener.port):
            r = c.get("/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"})
            assert r.status_code == 403, (endpoint, r.status_code, r.text)
            assert "address" in r.text and "--service-allow-private" in r.text
            r = c.post("/sparql", data={"update": f"LOAD <{endpoint}> INTO GRAPH <urn:loaded>"}, headers=auth)
            assert r.status_code == 403, (endpoint, r.status_code, r.text)
    assert listener.connections == 0


@pytest.mark.parametrize(
    ("address", "kind"),
    [("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"),
     ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
     ("fd00::1", "private"), ("::ffff:10.0.0.1", "private"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),
     ("100.64.0.1", "non-global"), ("8.8.8.8", None), ("2001:4860:4860::8888", None)],
)
def test_which_addresses_are_not_public(address, kind):
    """The classification the SERVICE/LOAD check applies to every address a host resolves to (no traffic:
    this machine has no private or link-local address to listen on)."""
    from diplograph.api.egress import non_public

    assert non_public(address) == kind


def test_redirects_are_not_followed(tmp_path, listener):
    """With private addresses allowed, an allow-listed endpoint that redirects elsewhere on this machine
    gets its connection, and the target of its redirect (not on the list) gets none."""
    target = Recorder()
    redirector = Recorder(status=302, location=target.url)
    server = start_server(make_store(tmp_path / "s"), "--service-allow", redirector.url, "--service-allow-private",
                          "--query-timeout", "5")
    try:
        r = httpx.get(server.url + "/sparql", timeout=30,
                      params={"query": f"SELECT * WHERE {{ SERVICE <{redirector.url}> {{ ?s ?p ?o }} }}"})
        assert r.status_code == 502 and "redirect" in r.text, (r.status_code, r.text)
        assert redirector.connections >= 1
        assert target.connections == 0
    finally:
        stop_server(server)
        target.close()
        redirector.close()


def test_service_connects_to_the_address_it_checked(tmp_path):
    """DNS rebinding: the name is resolved once, by the check; the engine never resolves it again. Its
    request goes through the server's relay (so the connection comes from the server process, not from an
    engine), to the address the check resolved, with the endpoint's own name in Host."""
    endpoint = Recorder()
    named = f"http://localhost:{endpoint.port}/sparql"
    server = start_server(make_store(tmp_path / "s"), "--service-allow", named, "--service-allow-private")
    try:
        r = httpx.get(server.url + "/sparql", timeout=30,
                      params={"query": f"SELECT * WHERE {{ SERVICE <{named}> {{ ?s ?p ?o }} }}"})
        assert r.status_code == 200, r.text
        assert endpoint.connections >= 1
        assert set(endpoint.callers) == {server.proc.pid}  # the relay in the server, never an engine
        assert set(endpoint.hosts) == {f"localhost:{endpoint.port}"}
    finally:
        stop_server(server)
        endpoint.close()


# -- paths -----------------------------------------------------------------------------------------------

TRAVERSALS = [
    "../../../../../../etc/passwd", "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "..%5c..%5c..%5c..%5cetc%5cpasswd", "..\\..\\..\\..\\etc\\passwd", "....//....//....//etc/passwd",
    ".%2e/.%2e/.%2e/.%2e/etc/passwd", "..;/..;/..;/etc/passwd", "../../pyproject.toml", "..%2f..%2fpyproject.toml",
    "%2e%2e%2fapp.py", "../app.py", "%00../../etc/passwd",
]
PREFIXES = ["/static/", "/static/swagger-ui/", "/id/", "/doc/", "/graph/", "/software/", "/sector/", "/ontology/",
            "/api/", "/", "/docs/", "/sparql/", "/store/", "/.well-known/", "/healthz/"]
SECRETS = [b"root:", b"[project]", b"def create_app", b"import "]


def test_path_traversal_is_a_404_on_every_route(guarded):
    """Every route prefix with every traversal, raw and encoded: a 404 (a path naming no IRI under the
    Linked Data routes is a 400, as in test_bad_requests), and never a file's content."""
    statuses = {}
    for prefix in PREFIXES:
        for traversal in TRAVERSALS:
            target = (prefix + traversal).encode()
            r = raw_request(guarded.url, "GET", target, [("Accept", "text/html")])
            statuses[target] = r.status
            assert not any(secret in r.body for secret in SECRETS), (target, r.body[:200])
            assert r.status in (404, 400), (target, r.status, r.body[:200])
    four_hundreds = sorted(t for t, s in statuses.items() if s == 400)
    # only a NUL or a backslash in what would be an IRI is a 400; every other traversal is a 404
    assert all(b"%00" in t or b"\\" in t or b"%5c" in t for t in four_hundreds), four_hundreds
    assert list(statuses.values()).count(404) > len(statuses) * 0.8


# -- HTML ------------------------------------------------------------------------------------------------

HTML_PAGES = ["/", "/docs", "/ontology", "/id/country/KAZ", "/doc/d1", "/doc/d1/fact/coop-1"]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_pages_carry_a_content_security_policy(guarded, path):
    r = httpx.get(guarded.url + path, headers={"Accept": "text/html"}, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ")}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"][0] == "'self'" and "'unsafe-inline'" not in directives["script-src"]
    assert all(source.startswith("'sha256-") for source in directives["script-src"][1:])
    assert directives["frame-ancestors"] == ["'none'"] and directives["base-uri"] == ["'none'"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_every_response_says_nosniff(guarded):
    for r in (httpx.get(guarded.url + "/sparql", params={"query": "ASK {}"}),
              httpx.get(guarded.url + "/sparql", params={"query": "<script>"}),
              httpx.get(guarded.url + "/nope")):
        assert r.headers["x-content-type-options"] == "nosniff"


# -- the token -------------------------------------------------------------------------------------------


def test_token_comparison_takes_constant_time():
    """A wrong 16 MiB token that differs in its first byte takes as long to refuse as one that differs
    only in its last: an early-exit comparison (`==`) is some hundred times faster on the first."""
    from diplograph.api.update import token_matches

    secret = b"s" * (16 << 20)
    first, last = b"x" + secret[1:], secret[:-1] + b"x"

    # the two are timed in turn, and each by its fastest run, so that load from other processes, which only
    # ever adds time and comes and goes, weighs on both alike (timed one after the other, a busy spell during
    # one of them alone once made an honest comparison look twice as fast)
    early_runs: list[float] = []
    late_runs: list[float] = []
    for _ in range(15):
        for candidate, runs in ((first, early_runs), (last, late_runs)):
            started = time.perf_counter()
            assert not token_matches(candidate, secret)
            runs.append(time.perf_counter() - started)

    assert token_matches(bytes(secret), secret)
    early, late = min(early_runs), min(late_runs)
    assert 0.5 < early / late < 2, (early, late)


def test_token_is_never_logged(guarded):
    """The server runs with --access-log; whatever requests carry the token (right or wrong, succeeding or
    failing, in the Authorization header or, carelessly, in the URL), it never appears in the server's log,
    and the engines never get it."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=guarded.url, timeout=30) as c:
        assert c.post("/sparql", data={"update": "INSERT DATA { GRAPH <urn:logged> { <urn:s> <urn:p> 1 } }"},
                      headers=auth).status_code == 204
        assert c.post("/sparql", data={"update": "INSERT DATA {"}, headers=auth).status_code == 400
        assert c.post("/sparql", data={"update": "DROP ALL"},
                      headers={"Authorization": f"Bearer {TOKEN}-near-miss"}).status_code == 403
        assert c.get("/store", params={"graph": "urn:logged"}, headers=auth).status_code == 200
        assert c.delete("/store", params={"graph": "urn:logged"}, headers=auth).status_code == 204
        assert c.delete("/store", params={"graph": "urn:logged"}, headers=auth).status_code == 404
        # a careless client puts the token in the URL, which the access log writes down
        assert c.post(f"/sparql?access_token={TOKEN}", data={"update": "DROP ALL"}).status_code == 401
    time.sleep(0.5)
    log = next(Path(guarded.store.parent).glob("server-*.log")).read_text(errors="replace")
    assert '"POST /sparql HTTP/1.1" 204' in log  # the access log is on, so requests are logged
    assert TOKEN not in log
    engines = [p for p in Path("/proc").glob("[0-9]*") if (p / "cmdline").exists()
               and b"diplograph.api.worker" in (p / "cmdline").read_bytes()
               and str(guarded.store).encode() in (p / "cmdline").read_bytes()]
    assert engines and not any(TOKEN.encode() in (p / "cmdline").read_bytes() for p in engines)


# -- markup in documents, seen in Chromium ---------------------------------------------------------------

HOSTILE_ARTICLE = """<script>window.__xss=1</script> Kazakhstan "><img src=x onerror="window.__xss=2"> deal

ASTANA, March 3, 2024 – Kazakh Minister of Energy Almas <script>window.__xss=3</script> Satkaliyev met German \
Ambassador Monika "><img src=x onerror=window.__xss=4> Iwersen in Astana.
The German company '><svg onload=window.__xss=5>Siemens Energy</b> will build a plant in Kazakhstan.
Trade between Kazakhstan and Germany reached $4.6 billion in 2023.
"""
PERSON = f"{BASE}id/person/hostile"
LABEL = '"><img src=x onerror="window.__xss=6"><script>window.__xss=7</script>'
EXAMPLE = """# Labels and sentences
SELECT ?x ?text WHERE { { ?x rdfs:label ?text } UNION { ?x dg:text ?text } UNION { ?x owl:sameAs ?text } }
"""


def build_hostile_store(tmp_path: Path) -> Path:
    """The article built by the real pipeline (its title and sentences carry markup), plus a person whose
    label is markup and whose sameAs is a javascript: IRI, as the build lays out a document's graph."""
    import subprocess
    import sys

    from api_helpers import ROOT

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    subprocess.run([sys.executable, "-m", "diplograph", "build", str(docs), "--store", str(store)], cwd=ROOT,
                   check=True, capture_output=True)
    handle = ox.Store(str(store))
    graph = ox.NamedNode(f"{BASE}doc/hostile")
    rdfs, dg = "http://www.w3.org/2000/01/rdf-schema#", "https://w3id.org/diplograph/ontology#"
    person = ox.NamedNode(PERSON)
    for p, o in ((f"{rdfs}label", ox.Literal(LABEL)),
                 ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(f"{dg}Person")),
                 (f"{dg}mentionedIn", ox.NamedNode(f"{BASE}doc/hostile/sentence/1")),
                 ("http://www.w3.org/2002/07/owl#sameAs", ox.NamedNode("javascript:window.__xss=8"))):
        handle.add(ox.Quad(person, ox.NamedNode(p), o, graph))
    handle.flush()
    del handle
    return store


def test_markup_from_documents_stays_text_in_chromium(tmp_path):
    from test_query_page import CHROMEDRIVER, CHROMIUM, chromium

    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
    store = build_hostile_store(tmp_path)
    examples = tmp_path / "queries"
    examples.mkdir()
    (examples / "labels.rq").write_text(EXAMPLE)
    server = start_server(store, "--examples-dir", str(examples))
    try:
        with chromium() as browser:
            probe = ("return [window.__xss === undefined ? null : window.__xss, "
                     # the pages' own pictures are SVG with these classes; any other element is injected
                     "document.querySelectorAll('img, iframe, object, embed, [onload], [onerror], "
                     "svg:not(.network):not(.chart):not(.map)').length, "
                     "Array.from(document.scripts).map(s => s.src || 'inline:' + s.type), "
                     "document.querySelectorAll('a[href^=\"javascript\" i]').length, document.body.innerText]")
            pages = {
                "/doc/hostile": ["<script>window.__xss=1</script>"],
                "/doc/hostile/sentence/1": ['"><img src=x onerror=window.__xss=4>'],
                "/doc/hostile/sentence/2": ["'><svg onload=window.__xss=5>Siemens Energy</b>"],
                "/id/person/hostile": [LABEL, "javascript:window.__xss=8"],
                "/id/country/KAZ": ["<script>window.__xss=3</script>"],
            }
            for path, shown in pages.items():
                browser.cmd("POST", "/url", {"url": server.url + path})
                run = {"script": probe, "args": []}
                xss, elements, scripts, js_links, text = browser.cmd("POST", "/execute/sync", run)
                assert (xss, elements, scripts, js_links) == (None, 0, [], 0), (path, xss, elements, scripts, js_links)
                for literal in shown:
                    assert literal in text, (path, literal, text[:500])
            browser.cmd("POST", "/url", {"url": server.url + "/"})
            deadline = time.monotonic() + 20
            while not (buttons := browser.find_all("#examples button")):
                assert time.monotonic() < deadline, "examples did not load"
                time.sleep(0.2)
            browser.cmd("POST", f"/element/{buttons[0]}/click", {})
            deadline = time.monotonic() + 20
            while not browser.find_all("#table tbody tr"):
                assert time.monotonic() < deadline, "no result rows appeared"
                time.sleep(0.2)
            xss, elements, scripts, js_links, text = browser.cmd("POST", "/execute/sync", {"script": probe, "args": []})
            assert xss is None and elements == 0 and js_links == 0 and scripts == [server.url + "/static/app.js"]
            for literal in (LABEL, "<script>window.__xss=1</script>", '"><img src=x onerror=window.__xss=4>',
                            "javascript:window.__xss=8"):
                assert literal in text, literal
    finally:
        stop_server(server)

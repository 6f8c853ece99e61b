"""The query page, end to end in headless Chromium (driven through chromedriver's WebDriver HTTP API)."""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from api_helpers import free_port, make_store, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
EXAMPLE = """# Countries by label
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?country ?label WHERE { ?country a dg:Country ; rdfs:label ?label } ORDER BY ?label
"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
    reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
)


class Browser:
    """The few WebDriver commands the test needs, over plain HTTP."""

    def __init__(self, port: int) -> None:
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        options = {
            "binary": str(CHROMIUM),
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                # Everything but this machine is unreachable: the page must not need the internet.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        }
        r = self.http.post(
            "/session", json={"capabilities": {"alwaysMatch": {
                "goog:chromeOptions": options, "goog:loggingPrefs": {"browser": "ALL"}}}}
        )
        self.session = f"/session/{r.json()['value']['sessionId']}"

    def cmd(self, method: str, path: str, body: dict | None = None):
        r = self.http.request(method, self.session + path, json=body)
        return r.json()["value"]

    def find_all(self, css: str) -> list[str]:
        found = self.cmd("POST", "/elements", {"using": "css selector", "value": css})
        return [next(iter(e.values())) for e in found]

    def text(self, element: str) -> str:
        return self.cmd("GET", f"/element/{element}/text")

    def close(self) -> None:
        self.cmd("DELETE", "")
        self.http.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium driven by Debian's chromedriver on a free loopback port, stopped by its PID."""
    port = free_port()
    driver = subprocess.Popen([str(CHROMEDRIVER), f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    browser = None
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/status", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "chromedriver did not start"
                time.sleep(0.2)
        browser = Browser(port)
        yield browser
    finally:
        if browser is not None:
            browser.close()
        os.killpg(driver.pid, signal.SIGTERM)
        driver.wait(10)


def server_with_an_example(tmp_path: Path):
    """A server over a small store with one example query, "countries"."""
    examples = tmp_path / "queries"
    examples.mkdir()
    (examples / "countries.rq").write_text(EXAMPLE)
    return start_server(make_store(tmp_path / "store"), "--examples-dir", str(examples))


def wait_for(browser, selector: str, what: str) -> list:
    """The elements a selector finds, once there are any (20 s at most)."""
    deadline = time.monotonic() + 20
    while not (found := browser.find_all(selector)):
        assert time.monotonic() < deadline, what
        time.sleep(0.2)
    return found


def test_query_page_runs_an_example(tmp_path):
    server = server_with_an_example(tmp_path)
    try:
        with chromium() as browser:
            browser.cmd("POST", "/url", {"url": server.url + "/"})
            buttons = wait_for(browser, "#examples button", "examples did not load")
            assert browser.text(buttons[0]) == "Countries by label"
            assert browser.find_all("#prefixes button"), "ontology prefixes are listed"
            browser.cmd("POST", f"/element/{buttons[0]}/click", {})
            rows = wait_for(browser, "#table tbody tr", "no result rows appeared")
            cells = [browser.text(row) for row in rows]
            assert [c.split()[-2] for c in cells] == ["France", "Germany", "Kazakhstan"]  # cells end "label @en"
            links = browser.find_all("#table a")
            href = browser.cmd("GET", f"/element/{links[0]}/attribute/href")
            # IRIs link to this server's Linked Data pages
            assert href in ("/id/country/FRA", server.url + "/id/country/FRA")
            assert browser.find_all("#highlight .kw"), "the editor highlights SPARQL keywords"
            assert len(browser.find_all("#downloads a")) == 4
    finally:
        stop_server(server)


SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_explorer_runs_an_example_offline(tmp_path):
    """YASGUI's page: an example chosen from the menu runs against this server and fills the table,
    with every script and style served by diplograph itself (other hosts do not even resolve)."""
    server = server_with_an_example(tmp_path)
    try:
        with chromium() as browser:
            browser.cmd("POST", "/url", {"url": server.url + "/yasgui"})
            wait_for(browser, "body[data-ready] #example option[value=countries]", "the examples menu did not load")
            browser.cmd("POST", "/execute/sync", {"script": (
                "const m = document.getElementById('example'); m.value = 'countries';"
                "m.dispatchEvent(new Event('change'));"), "args": []})
            deadline = time.monotonic() + 20
            while not (rows := browser.find_all(".yasr table tbody tr")):
                assert time.monotonic() < deadline, "no result rows appeared"
                time.sleep(0.2)
            text = " ".join(browser.text(row) for row in rows)
            assert [name for name in ("France", "Germany", "Kazakhstan") if name in text] == [
                "France", "Germany", "Kazakhstan"]
            hrefs = [browser.cmd("GET", f"/element/{a}/attribute/href") for a in browser.find_all(".yasr tbody a")]
            assert hrefs and hrefs[0] in ("/id/country/FRA", server.url + "/id/country/FRA"), "IRIs open entity pages"
            url = browser.cmd("GET", "/url")
            assert "query=" in url and "dg%3ACountry" in url, "the query is kept in the URL"
            hosts = browser.cmd("POST", "/execute/sync", {"script": (
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"), "args": []})
            assert hosts and set(hosts) == {server.url.split("//")[1]}, "nothing fetched from another host"
            errors = [e for e in browser.cmd("POST", "/se/log", {"type": "browser"}) if e["level"] == "SEVERE"
                      and "favicon.ico" not in e["message"]]  # the browser asks for it on its own
            assert errors == [], "the console shows no errors"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            (SCREENSHOTS / "explorer-query.png").write_bytes(base64.b64decode(browser.cmd("GET", "/screenshot")))
            browser.cmd("POST", "/execute/sync", {"script": (  # the ontology's classes complete offline
                "const y = document.querySelector('.CodeMirror').CodeMirror;"
                "y.setValue('PREFIX dg: <https://w3id.org/diplograph/ontology#>\\nSELECT * WHERE { ?x a dg:Coun');"
                "y.focus(); y.setCursor(y.lineCount(), 0); y.autocomplete();"), "args": []})
            deadline = time.monotonic() + 10
            while not (hints := browser.find_all(".CodeMirror-hints li")):
                assert time.monotonic() < deadline, "no completion offered"
                time.sleep(0.2)
            assert "dg:Country" in [browser.text(h) for h in hints]
            browser.cmd("POST", "/window/rect", {"width": 375, "height": 800})  # a phone's width
            widths = browser.cmd("POST", "/execute/sync", {"script": (
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"), "args": []})
            wide = browser.cmd("POST", "/execute/sync", {"script": (
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                " > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className)"),
                "args": []})
            assert widths[0] <= widths[1], f"the page is wider than a phone's screen: {widths} {wide}"
            (SCREENSHOTS / "explorer-phone.png").write_bytes(base64.b64decode(browser.cmd("GET", "/screenshot")))
    finally:
        stop_server(server)


def test_vendored_assets_are_cached_for_long(tmp_path):
    server = start_server(make_store(tmp_path / "store"))
    try:
        r = httpx.get(server.url + "/static/vendor/yasgui-4.6.2/yasgui.min.js")
        assert r.status_code == 200 and "immutable" in r.headers["cache-control"]
        page = httpx.get(server.url + "/yasgui")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "<noscript>" in page.text and 'action="/sparql"' in page.text
    finally:
        stop_server(server)

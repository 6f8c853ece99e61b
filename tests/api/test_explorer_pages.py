"""The explorer's pages over a store built from two small articles: a country's profile, words and a
neighbourhood on other entities' pages, the start page; then the same pages in headless Chromium."""

from __future__ import annotations

import base64
import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pyoxigraph as ox
import pytest
from api_helpers import DG, start_server, stop_server

ARTICLES = {
    "001_chile-vietnam.txt": """Chile and Vietnam agree to deepen ties

Santiago, 12 March 2024 - Chilean Foreign Minister Ana Rojas met Vietnamese Ambassador to Chile Tran Van Minh on Monday.

Trade between Chile and Vietnam reached USD 1.8 billion in 2022 and USD 2.4 billion in 2023.

Both countries are members of APEC.

The two sides agreed to cooperate in renewable energy and agriculture.

Andes Cobre, a Chilean mining company, plans to open an office in Hanoi.
""",
    "002_vietnam-chile.txt": """Vietnam and Chile sign health accord

Hanoi, 3 April 2024 - Vietnam and Chile agreed to cooperate in health care. Vietnamese Prime Minister Le Van Hung \
welcomed the accord.
""",
}
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Iterator[tuple[Path, dict[str, int]]]:
    """The store `diplograph build` makes of the two articles, and each country's number of facts counted
    straight from the store (distinct facts naming it), for the start page to match."""
    root = tmp_path_factory.mktemp("explorer")
    docs = root / "docs"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    store = root / "store"
    subprocess.run([sys.executable, "-m", "diplograph", "build", "--store", str(store), str(docs)], check=True,
                   capture_output=True)
    facts = " ".join(f"<{DG}{c}>" for c in ("Position", "Membership", "TradeFlow", "InvestmentFlow",
                                             "MarketActivity", "Cooperation", "Meeting", "HomeCountryStatement",
                                             "Agreement"))
    opened = ox.Store.read_only(str(store))
    counts = {str(row["c"].value).rsplit("/", 1)[-1]: int(row["n"].value) for row in opened.query(
        f"SELECT ?c (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?c a <{DG}Country> . ?f ?r ?c . ?f a ?k "
        f"VALUES ?k {{ {facts} }} }} GROUP BY ?c", use_default_graph_as_union=True)}
    del opened
    yield store, counts


@pytest.fixture(scope="module")
def server(built):
    running = start_server(built[0])
    yield running
    stop_server(running)


def section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{heading}</h2>")
    return page[start:page.index("</section>", start)]


def test_a_country_page_is_its_profile(server):
    page = httpx.get(server.url + "/id/country/CHL", headers=HTML).text
    trade = section(page, "Trade and investment")
    assert "<title>trade with Vietnam, 2022: USD 1.8 billion</title>" in trade
    assert "<title>trade with Vietnam, 2023: USD 2.4 billion</title>" in trade
    assert "Trade between Chile and Vietnam reached" in trade, "the table cites the sentence"
    posts = section(page, "People in its service")
    assert re.search(r">Ana Rojas</a></td><td>foreign minister</td>", posts)
    assert ">Tran Van Minh</a></td>" not in posts, "Vietnam's ambassador serves Vietnam"
    abroad = section(page, "Its organisations abroad")
    assert re.search(r">Andes Cobre</a></td><td><a href=\"/id/country/VNM\">Vietnam</a>", abroad)
    assert "Asia-Pacific Economic Cooperation" in section(page, "Memberships")
    areas = section(page, "Cooperation")
    for area in ("agriculture", "renewable energy", "health"):  # the second article's area too
        assert area in areas, area
    network = section(page, "Neighbourhood")
    assert '<svg class="network"' in network and ">Vietnam</text>" in network and "member of" in network
    assert page.index("Trade and investment") < page.index("Statements about it"), "words before triples"


def test_the_other_country_sees_the_company_in_its_market(server):
    page = httpx.get(server.url + "/id/country/VNM", headers=HTML).text
    assert ">Andes Cobre</a>" in section(page, "Organisations active in its market")
    assert re.search(r">Le Van Hung</a></td><td>prime minister</td>", section(page, "People in its service"))


def test_a_person_and_a_company_in_words_and_rdf_still_negotiated(server):
    country = httpx.get(server.url + "/id/country/CHL", headers=HTML).text
    person = re.search(r'href="(/id/person/[^"]+)">Ana Rojas', country).group(1)
    company = re.search(r'href="(/id/organization/[^"]+)">Andes Cobre', country).group(1)
    words = section(httpx.get(server.url + person, headers=HTML).text, "What the articles say")
    assert re.search(r"<strong>Ana Rojas</strong>: foreign minister, <a href=\"/id/country/CHL\">Chile</a>", words)
    words = section(httpx.get(server.url + company, headers=HTML).text, "What the articles say")
    assert "<strong>Andes Cobre</strong> is from <a href=\"/id/country/CHL\">Chile</a>" in words
    assert "plans to work in <a href=\"/id/country/VNM\">Vietnam</a>" in words
    turtle = httpx.get(server.url + "/id/country/CHL", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "<svg" not in turtle.text


def test_the_start_page_counts_what_the_store_holds(server, built):
    page = httpx.get(server.url + "/explore").text
    assert "Read from <strong>2</strong> documents." in page
    assert "<strong>2</strong> countries" in page and "<strong>3</strong> people" in page
    _, counts = built
    rows = re.findall(r'<tr><td><a href="/id/country/(\w+)">[^<]+</a></td><td>(\d+)</td></tr>', page)
    assert {code: int(n) for code, n in rows} == counts, "facts per country, each fact once"
    assert re.search(r'<a href="/id/country/CHL"><path d="[^"]+" fill="#\w+"><title>Chile: \d+ facts', page)


# What a screen reader needs from these pages, checked in the browser: one h1 and no skipped heading level,
# each picture named by a title and described, each table captioned with its column headers marked, and
# no link without words.
A11Y = """
const problems = [];
const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map(h => +h.tagName[1]);
if (levels.filter(l => l === 1).length !== 1) problems.push('not exactly one h1');
levels.forEach((l, i) => { if (i && l > levels[i - 1] + 1) problems.push('heading level skipped before h' + l); });
for (const svg of document.querySelectorAll('svg')) {
  if (svg.getAttribute('role') !== 'img') problems.push('svg without role=img');
  const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
  if (ids.length < 2 || !ids.every(id => (document.getElementById(id) || {}).textContent))
    problems.push('svg without a title and a description');
}
for (const table of document.querySelectorAll('table')) {
  if (!table.querySelector('caption') && !table.previousElementSibling?.tagName.match(/^H[1-6]$/))
    problems.push('table without a caption or a heading');
  if (!table.querySelector('th')) problems.push('table without headers');
}
for (const a of document.querySelectorAll('a[href]'))
  if (!(a.textContent.trim() || a.getAttribute('title') || a.getAttribute('aria-label')))
    problems.push('link without words: ' + a.getAttribute('href'));
return problems;
"""
CHROME = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@CHROME
def test_explorer_pages_in_chromium_offline(server):
    """From the start page's map to a country's profile, as a reader clicks: the pictures are drawn, every
    request stays on this server, the console is clean and a phone's width needs no sideways scrolling."""
    from test_query_page import chromium, wait_for

    with chromium() as browser:
        browser.cmd("POST", "/window/rect", {"width": 1100, "height": 1300})
        browser.cmd("POST", "/url", {"url": server.url + "/explore"})
        wait_for(browser, "svg.map path", "no map")
        focusable = browser.cmd("POST", "/execute/sync", {"script": (
            "return [...document.querySelectorAll('svg.map a')].map(a => a.tabIndex)"), "args": []})
        assert focusable and all(i >= 0 for i in focusable), "map links are reached with the Tab key"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "explorer-start.png").write_bytes(base64.b64decode(browser.cmd("GET", "/screenshot")))
        assert browser.cmd("POST", "/execute/sync", {"script": A11Y, "args": []}) == []
        focused = browser.cmd("POST", "/execute/sync", {"script": (  # by keyboard: focus Chile, press Enter
            "document.querySelector('svg.map a[href=\"/id/country/CHL\"]').focus();"
            "return document.activeElement.getAttribute('href')"), "args": []})
        assert focused == "/id/country/CHL"
        browser.cmd("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": "\ue007"}, {"type": "keyUp", "value": "\ue007"}]}]})
        wait_for(browser, "svg.chart rect.bar", "the country page shows no chart")
        assert browser.cmd("GET", "/url").endswith("/id/country/CHL")
        assert browser.find_all("svg.network circle.ring1"), "the neighbourhood is drawn"
        assert browser.cmd("POST", "/execute/sync", {"script": (
            "return document.querySelector('svg.chart').getBoundingClientRect().height"), "args": []}) > 100
        hosts = browser.cmd("POST", "/execute/sync", {"script": (
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"), "args": []})
        assert set(hosts) <= {server.url.split("//")[1]}, "nothing fetched from another host"
        errors = [e for e in browser.cmd("POST", "/se/log", {"type": "browser"}) if e["level"] == "SEVERE"
                  and "favicon.ico" not in e["message"]]
        assert errors == [], "the console shows no errors"
        (SCREENSHOTS / "explorer-country.png").write_bytes(base64.b64decode(browser.cmd("GET", "/screenshot")))
        problems = browser.cmd("POST", "/execute/sync", {"script": A11Y, "args": []})
        assert problems == [], "what a screen reader needs: " + "; ".join(problems)
        browser.cmd("POST", "/window/rect", {"width": 375, "height": 800})
        widths = browser.cmd("POST", "/execute/sync", {"script": (
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"), "args": []})
        assert widths[0] <= widths[1], f"the country page is wider than a phone's screen: {widths}"
        (SCREENSHOTS / "explorer-country-phone.png").write_bytes(
            base64.b64decode(browser.cmd("GET", "/screenshot")))


def test_all_its_facts_opens_a_query_that_lists_every_fact(server, built):
    page = httpx.get(server.url + "/id/country/CHL", headers=HTML).text
    link = re.search(r'<a href="(/yasgui\?query=[^"]+)">Every fact about Chile', page).group(1)
    query = parse_qs(urlparse(html.unescape(link)).query)["query"][0]
    rows = httpx.post(server.url + "/sparql", data={"query": query},
                      headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    assert len({row["fact"]["value"] for row in rows}) == built[1]["CHL"]
    assert all(row["sentence"]["value"] and row["document"]["value"] for row in rows)


def test_results_become_pictures_over_http(server):
    cq03 = (Path(__file__).resolve().parents[2] / "queries" / "cq03_flows.rq").read_text()
    results = httpx.post(server.url + "/sparql", data={"query": cq03},
                         headers={"Accept": "application/sparql-results+json"}).json()
    r = httpx.post(server.url + "/api/picture?kind=chart", json=results)
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert "2022: 1.8 billion</title>" in r.text and "2023: 2.4 billion</title>" in r.text
    r = httpx.post(server.url + "/api/picture?kind=map", json=results)
    assert re.search(r"<title>Chile: 4.2 billion total \?amount</title>", r.text), "?from names countries"
    r = httpx.post(server.url + "/api/picture?kind=network", json=results)
    assert r.text.count("<circle") == 2 and r.text.count("<line") == 1, "Chile and Vietnam, one line"
    roles = {"head": {"vars": ["person", "role"]},
             "results": {"bindings": [{"person": {"type": "literal", "value": "Ana Rojas"},
                                       "role": {"type": "literal", "value": "minister"}}]}}
    r = httpx.post(server.url + "/api/picture?kind=chart", json=roles)
    assert r.status_code == 422 and "column of numbers" in r.text
    r = httpx.post(server.url + "/api/picture?kind=pie", json=roles)
    assert r.status_code == 400 and "'kind'" in r.text
    r = httpx.post(server.url + "/api/picture?kind=chart", content=b'{"head": ')
    assert r.status_code == 400 and "SPARQL 1.1 query results in JSON" in r.text


@CHROME
def test_a_flows_query_shows_as_a_chart_in_the_explorer(server):
    from test_query_page import chromium, wait_for

    cq03 = (Path(__file__).resolve().parents[2] / "queries" / "cq03_flows.rq").read_text()
    with chromium() as browser:
        browser.cmd("POST", "/window/rect", {"width": 1100, "height": 1100})
        browser.cmd("POST", "/url", {"url": server.url + "/yasgui?" + urlencode({"query": cq03})})
        wait_for(browser, "body[data-ready]", "the explorer did not start")
        browser.cmd("POST", "/execute/sync", {"script": (
            "document.querySelector('.CodeMirror').CodeMirror.focus();"), "args": []})
        browser.cmd("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [  # Ctrl+Enter
            {"type": "keyDown", "value": "\ue009"}, {"type": "keyDown", "value": "\ue007"},
            {"type": "keyUp", "value": "\ue007"}, {"type": "keyUp", "value": "\ue009"}]}]})
        wait_for(browser, ".yasr table tbody tr", "the query gave no table")
        button = wait_for(browser, ".yasr .select_chart", "no Chart tab")[0]
        browser.cmd("POST", f"/element/{button}/click", {})
        bars = wait_for(browser, ".yasr figure.picture svg.chart rect.bar", "the chart was not drawn")
        assert len(bars) == 2
        titles = browser.cmd("POST", "/execute/sync", {"script": (
            "return [...document.querySelectorAll('.yasr svg.chart rect.bar title')].map(t => t.textContent)"),
            "args": []})
        assert [t.rsplit(": ", 1)[1].strip() for t in titles] == ["1.8 billion", "2.4 billion"]
        hosts = browser.cmd("POST", "/execute/sync", {"script": (
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"), "args": []})
        assert set(hosts) <= {server.url.split("//")[1]}
        errors = [e for e in browser.cmd("POST", "/se/log", {"type": "browser"}) if e["level"] == "SEVERE"
                  and "favicon.ico" not in e["message"]]
        assert errors == []
        (SCREENSHOTS / "explorer-chart.png").write_bytes(base64.b64decode(browser.cmd("GET", "/screenshot")))


def test_malformed_results_never_make_a_server_error(server):
    odd = [{"head": {"vars": ["a", "b"]}, "results": {"bindings": [{"a": {"type": "literal", "value": ["x"]},
                                                                    "b": {"type": "uri", "value": 3}}]}},
           {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "1",
                                                                    "datatype": ["not", "a", "string"]}}]}},
           {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "NaN",
                                                                    "datatype": "http://www.w3.org/2001/XMLSchema#double"}}]}},
           {"head": {"vars": "n"}, "results": {"bindings": []}}, [], "x", {"head": {}, "results": {}}]
    for body in odd:
        for kind in ("chart", "network", "map"):
            r = httpx.post(server.url + f"/api/picture?kind={kind}", json=body)
            assert r.status_code in (200, 400, 422) and r.text, (kind, body, r.status_code)

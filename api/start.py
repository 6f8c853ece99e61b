"""The start page, /explore: what the store holds, the most connected countries and a map of them."""

from __future__ import annotations

import html
import time

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from diplograph.api.linked_data import href
from diplograph.api.pictures import world_map
from diplograph.api.profiles import FACT_CLASSES, ROLES, SPARQL_PREFIXES
from diplograph.api.settings import Settings
from diplograph.api.web import html_page
from diplograph.api.workers import Engines

router = APIRouter()
ENTITY_CLASSES = ("Country", "Person", "Company", "GovernmentBody", "InternationalOrganization", "University",
                  "ThinkTank", "Organization", "Region")
READABLE = {"GovernmentBody": "government bodies", "InternationalOrganization": "international organisations",
            "ThinkTank": "think tanks", "Organization": "other organisations", "HomeCountryStatement":
            "home countries", "TradeFlow": "trade flows", "InvestmentFlow": "investment flows",
            "MarketActivity": "market activities", "Company": "companies", "Country": "countries",
            "Person": "people", "University": "universities", "Region": "regions", "Position": "positions",
            "Membership": "memberships", "Cooperation": "cooperations", "Meeting": "meetings",
            "Agreement": "agreements", "Document": "documents"}
TOP = 15


def start_queries(base: str) -> list[str]:
    classes = " ".join(f"dg:{c}" for c in ("Document",) + ENTITY_CLASSES + FACT_CLASSES)
    roles = " ".join(f"dg:{r}" for r in ROLES)
    return [
        SPARQL_PREFIXES + "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { "
        f"VALUES ?class {{ {classes} }} ?s a ?class }} GROUP BY ?class",
        # only facts are subjects of the role properties, so no class is joined: at 10,000 documents
        # joining one (and a country's label, repeated in every document's graph) took 17 s, this 0.6 s
        SPARQL_PREFIXES + "SELECT ?country (COUNT(DISTINCT ?fact) AS ?n) WHERE { "
        f"VALUES ?role {{ {roles} }} ?fact ?role ?country . "
        f'FILTER(STRSTARTS(STR(?country), "{base}id/country/")) }} GROUP BY ?country ORDER BY DESC(?n) ?country',
    ]


def _count(rows: list[dict]) -> dict[str, int]:
    return {row["class"]["value"].rsplit("#", 1)[-1]: int(row["n"]["value"]) for row in rows}


def render_start(settings: Settings, classes: dict[str, int], countries: list[dict]) -> str:
    """The page from the two questions' rows; pure, for tests."""

    def stat(name: str) -> str:
        return f"<li><strong>{classes.get(name, 0):,}</strong> {READABLE.get(name, name)}</li>"

    entities = "".join(stat(c) for c in ENTITY_CLASSES if classes.get(c))
    facts = "".join(stat(c) for c in FACT_CLASSES if classes.get(c))
    counts, links, rows = {}, {}, []
    for i, row in enumerate(countries):
        iri, n = row["country"]["value"], int(row["n"]["value"])
        code = iri.rsplit("/", 1)[-1]
        counts[code], links[code] = n, href(settings, iri)
        label = row["label"]["value"] if "label" in row else code
        if i < TOP:
            rows.append(f'<tr><td><a href="{html.escape(href(settings, iri))}">{html.escape(label)}</a></td>'
                        f"<td>{n:,}</td></tr>")
    picture = world_map(counts, links, "Countries by the number of facts the graph holds about them")
    table = ("<table><caption>Most connected countries</caption><thead><tr><th scope=col>country</th>"
             f"<th scope=col>facts</th></tr></thead><tbody>{''.join(rows)}</tbody></table>") if rows else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>diplograph · explore</title><link rel="stylesheet" href="/static/app.css"></head>
<body class="resource"><header><a href="/explore">diplograph</a> · <a href="/yasgui">query explorer</a> ·
<a href="/">plain query page</a> · <a href="/ontology">ontology</a> · <a href="/.well-known/void">VoID</a></header>
<main><h1>What the graph holds</h1>
<p>Read from <strong>{classes.get("Document", 0):,}</strong> documents.</p>
<h2>Entities</h2><ul class="stats">{entities}</ul>
<h2>Facts</h2><ul class="stats">{facts}</ul>
<h2>Countries</h2>
<figure class="map">{picture}<figcaption>Darker countries have more facts; each country opens its profile.
</figcaption></figure>
{table}</main></body></html>"""


@router.get("/explore", include_in_schema=False)
async def start(request: Request) -> HTMLResponse:
    """Answered from the store at most once a minute and again after every write."""
    settings: Settings = request.app.state.settings
    engines: Engines = request.app.state.engines
    cache = request.app.state.start_cache
    if cache.get("generation") != engines.generation or time.monotonic() - cache.get("at", 0) > 60:
        classes, countries = await engines.call({"op": "rows", "queries": start_queries(settings.base_iri)})
        countries = countries["results"]["bindings"]
        top = " ".join(f"<{row['country']['value']}>" for row in countries[:TOP])
        (labels,) = await engines.call({"op": "rows", "queries": [
            SPARQL_PREFIXES + f"SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?s {{ {top} }} ?s rdfs:label ?l }} "
            "GROUP BY ?s"]}) if top else ({"results": {"bindings": []}},)
        named = {row["s"]["value"]: row["label"] for row in labels["results"]["bindings"] if "label" in row}
        for row in countries[:TOP]:
            if row["country"]["value"] in named:
                row["label"] = named[row["country"]["value"]]
        cache.update(generation=engines.generation, at=time.monotonic(),
                     page=render_start(settings, _count(classes["results"]["bindings"]), countries))
    return html_page(cache["page"])

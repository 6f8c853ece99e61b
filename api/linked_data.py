"""Linked Data: every IRI the build mints under the base IRI dereferences here.

A request for /id/country/KAZ describes ``{base}id/country/KAZ``: browsers get an HTML page (label,
types, statements in both directions as links, the source sentences, links out to Wikidata and
GeoNames); RDF clients get the same description as Turtle, JSON-LD, RDF/XML or N-Triples.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import unquote_to_bytes, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from diplograph.api import formats, profiles
from diplograph.api.settings import Settings
from diplograph.api.web import ApiError, iri_parameter, respond
from diplograph.api.workers import Engines
from diplograph.graph.config import ONTOLOGY_NS

router = APIRouter()
log = logging.getLogger("diplograph.api")
MINTED = ("id", "doc", "graph", "software", "sector")
LABELS = "<http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>"
PROV = "http://www.w3.org/ns/prov#"
PREFIXES = {
    "dg": ONTOLOGY_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": PROV,
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
}
EXTERNAL = {"http://www.wikidata.org/entity/": "Wikidata", "https://sws.geonames.org/": "GeoNames"}
RDF_OFFERS = [
    "text/turtle",
    "text/html",
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
    "application/json",
    "application/xml",
    "text/plain",
]


def resource_queries(iri: str) -> list[str]:
    r = f"<{iri}>"
    return [
        f"SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE {{ {r} ?p ?o OPTIONAL {{ ?o {LABELS} ?l }} }} "
        "GROUP BY ?p ?o ORDER BY ?p ?o LIMIT 2000",
        f"SELECT ?s ?p (SAMPLE(?l) AS ?label) WHERE {{ ?s ?p {r} OPTIONAL {{ ?s {LABELS} ?l }} }} "
        "GROUP BY ?s ?p ORDER BY ?p ?s LIMIT 2000",
        f"SELECT DISTINCT ?sentence ?text WHERE {{ {{ {r} <{PROV}wasDerivedFrom> ?sentence }} "
        f"UNION {{ ?fact ?role {r} . ?fact <{PROV}wasDerivedFrom> ?sentence }} "
        f"?sentence <{ONTOLOGY_NS}text> ?text }} ORDER BY ?sentence LIMIT 200",
    ]


def describe_query(iri: str) -> str:
    r = f"<{iri}>"
    return f"CONSTRUCT {{ {r} ?p ?o . ?s ?q {r} }} WHERE {{ {{ {r} ?p ?o }} UNION {{ ?s ?q {r} }} }}"


@router.get("/{kind}/{rest:path}", include_in_schema=False)
async def resource(kind: str, rest: str, request: Request) -> Response:
    if kind not in MINTED:
        raise ApiError(404, "not found")
    settings: Settings = request.app.state.settings
    engines: Engines = request.app.state.engines
    iri = resource_iri(settings, request)
    try:
        media = formats.negotiate(
            request.headers.get("accept"), RDF_OFFERS, request.query_params.get("format"), graph_result=True
        )
    except formats.NotAcceptable as exc:
        raise ApiError(406, str(exc)) from None
    outgoing, incoming, sentences = await engines.call({"op": "rows", "queries": resource_queries(iri)})
    if not outgoing["results"]["bindings"] and not incoming["results"]["bindings"]:
        raise ApiError(404, f"nothing is known about <{iri}>")
    if media != "text/html":
        stream = await engines.stream(
            {
                "op": "query",
                "query": describe_query(iri),
                "format": media,
                "max_bytes": settings.max_result_bytes,
            }
        )
        return respond(stream.media_type, stream.complete, stream.body, stream.deadline)
    page = render(
        settings,
        iri,
        outgoing["results"]["bindings"],
        incoming["results"]["bindings"],
        sentences["results"]["bindings"],
        await profile_or_nothing(settings, engines, iri) if kind == "id" else "",
    )
    return HTMLResponse(page, headers={"Vary": "Accept"})


async def profile_or_nothing(settings: Settings, engines: Engines, iri: str) -> str:
    """The profile, or nothing when the store cannot answer its questions (a remote store's dialect, a
    timeout): the page's statements still stand, and the log says why."""
    try:
        return await profile(settings, engines, iri)
    except ApiError as exc:
        log.warning("no profile for <%s>: %s", iri, exc.message)
    except Exception:  # noqa: BLE001 - the triples below are the page; the profile is a convenience
        log.exception("no profile for <%s>", iri)
    return ""


async def profile(settings: Settings, engines: Engines, iri: str) -> str:
    """The words and pictures an entity's page shows before its triples (see profiles)."""
    (rows,) = await engines.call({"op": "rows", "queries": [profiles.facts_query([iri])]})
    facts = profiles.read_facts(rows["results"]["bindings"])
    if not facts:
        return ""
    places = (settings.base_iri + "id/country/", settings.base_iri + "id/region/")
    own = [f.one("organization") for f in facts if f.kind == "HomeCountryStatement"]
    hop = [n for n in dict.fromkeys(profiles.neighbours(iri, facts) + [o for o in own if o])
           if not n.startswith(places)][:60]  # a neighbouring country's facts would be half the graph
    further: list[profiles.Fact] = []
    if hop:
        (rows,) = await engines.call({"op": "rows", "queries": [profiles.facts_query(hop, limit=200)]})
        further = [f for f in profiles.read_facts(rows["results"]["bindings"]) if iri not in f.players()]
    named = profiles.named_iris(facts + further)[:1500]
    (rows,) = await engines.call({"op": "rows", "queries": [profiles.names_query(iri, named)]})
    names = profiles.Names.from_rows(rows["results"]["bindings"])

    def link(target: str) -> str:
        return href(settings, target)

    picture = profiles.neighbourhood_picture(iri, facts, further, names, link)
    if "Country" in names.classes.get(iri, set()):
        words = profiles.country_profile(iri, facts, further, names, link)
    else:
        words = profiles.facts_in_words(iri, facts, names, link)
    query = "/yasgui?" + urlencode({"query": profiles.all_facts_query(iri)})
    more = (f'<p class="meta">The page reads its first {profiles.MAX_FACTS} facts.</p>'
            if len(facts) >= profiles.MAX_FACTS else "")
    words += (f'<section><h2>All its facts</h2>{more}<p><a href="{html.escape(query)}">Every fact about '
              f"{html.escape(names.label(iri))} in the SPARQL explorer</a>, with its sentence and document.</p>"
              "</section>")
    return words + (f'<section><h2>Neighbourhood</h2><figure class="network">{picture}<figcaption>'
                    "Entities one and two relations away; the lines name the relations. Each circle opens "
                    "its page.</figcaption></figure></section>" if picture else "")


def resource_iri(settings: Settings, request: Request) -> str:
    """The IRI a Linked Data path names; 400 unless it is one (its text goes into SPARQL as <...>)."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the path is not valid UTF-8 once percent-decoded, so it names no IRI") from None
    return iri_parameter("the IRI this path names", settings.base_iri + request.url.path.lstrip("/"))


@router.get("/ontology/{rest:path}", include_in_schema=False)
async def ontology_version(rest: str) -> Response:
    return RedirectResponse("/ontology", status_code=303)


# -- HTML ---------------------------------------------------------------------------------------


def href(settings: Settings, iri: str) -> str:
    """Links to IRIs minted here stay on this server; everything else links out."""
    if iri.startswith(settings.base_iri):
        return "/" + iri[len(settings.base_iri) :]
    if iri.startswith(ONTOLOGY_NS):
        return "/ontology#" + iri[len(ONTOLOGY_NS) :]
    return iri


def short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def linkable(iri: str) -> bool:
    """Only web IRIs become links: a `javascript:` or `data:` IRI in the data must not be one click
    away from running in this server's origin."""
    return iri.lower().startswith(("http://", "https://"))


def term_html(settings: Settings, term: dict, label: dict | None = None) -> str:
    if term["type"] == "uri":
        text = label["value"] if label else short(term["value"])
        if not linkable(term["value"]):
            return f"<code>{html.escape(text)}</code>"
        return f'<a href="{html.escape(href(settings, term["value"]))}">{html.escape(text)}</a>'
    if term["type"] == "bnode":
        return f"<code>_:{html.escape(term['value'])}</code>"
    suffix = f' <span class="meta">@{html.escape(term["xml:lang"])}</span>' if "xml:lang" in term else ""
    if "datatype" in term and not term["datatype"].endswith("#string"):
        suffix = f' <span class="meta">{html.escape(short(term["datatype"]))}</span>'
    return html.escape(term["value"]) + suffix


def render(
    settings: Settings, iri: str, outgoing: list[dict], incoming: list[dict], sentences: list[dict],
    profile_html: str = "",
) -> str:
    label = next(
        (
            row["o"]["value"]
            for row in outgoing
            if short(row["p"]["value"]) in ("rdfs:label", "skos:prefLabel")
        ),
        iri.rsplit("/", 1)[-1],
    )
    types = [row["o"] for row in outgoing if row["p"]["value"].endswith("#type")]
    external = [
        row["o"]["value"]
        for row in outgoing
        if row["o"]["type"] == "uri" and any(row["o"]["value"].startswith(p) for p in EXTERNAL)
    ]
    out_rows = "".join(
        f"<tr><td>{term_html(settings, row['p'])}</td>"
        f"<td>{term_html(settings, row['o'], row.get('label'))}</td></tr>"
        for row in outgoing
    )
    in_rows = "".join(
        f"<tr><td>{term_html(settings, row['s'], row.get('label'))}</td>"
        f"<td>{term_html(settings, row['p'])}</td></tr>"
        for row in incoming
    )
    sentence_items = "".join(
        f"<li><blockquote>{html.escape(row['text']['value'])}</blockquote>"
        f'<a class=meta href="{html.escape(href(settings, row["sentence"]["value"]))}">'
        "source sentence</a></li>"
        for row in sentences
    )
    links = "".join(
        f'<li><a href="{html.escape(link)}">{next(n for p, n in EXTERNAL.items() if link.startswith(p))}: '
        f"{html.escape(link)}</a></li>"
        for link in external
    )
    path = href(settings, iri)
    downloads = " · ".join(
        f'<a href="{html.escape(path)}?format={f}">{n}</a>'
        for f, n in (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("rdfxml", "RDF/XML"), ("nt", "N-Triples"))
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(label)} · diplograph</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="alternate" type="text/turtle" href="{html.escape(path)}?format=turtle"></head>
<body class="resource"><header><a href="/explore">diplograph</a> · <a href="/yasgui">query explorer</a> ·
<a href="/">plain query page</a></header>
<main><h1>{html.escape(label)}</h1>
<p class="iri"><code>{html.escape(iri)}</code></p>
<p>{" ".join(term_html(settings, t) for t in types) or ""}</p>
{profile_html}
{"<h2>Elsewhere</h2><ul>" + links + "</ul>" if links else ""}
{"<h2>Source sentences</h2><ul class=sentences>" + sentence_items + "</ul>" if sentence_items else ""}
<h2>Statements about it</h2>
<table><thead><tr><th>property</th><th>value</th></tr></thead><tbody>{out_rows}</tbody></table>
<h2>Statements pointing to it</h2>
<table><thead><tr><th>subject</th><th>property</th></tr></thead><tbody>{in_rows}</tbody></table>
<p class="meta">Download: {downloads}</p></main></body></html>"""

"""Descriptions of the service itself: SPARQL Service Description, VoID and the ontology document."""

from __future__ import annotations

import asyncio
import html
import logging
import time

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from diplograph.api import formats
from diplograph.api.settings import Settings
from diplograph.api.web import ApiError, html_page
from diplograph.api.workers import Engines
from diplograph.graph.config import ONTOLOGY_FILE, ONTOLOGY_IRI, SECTORS_FILE
from diplograph.graph.docs import render_html as render_ontology_html

log = logging.getLogger(__name__)

router = APIRouter()

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
DCTERMS = "http://purl.org/dc/terms/"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
LINK_TARGETS = {"wikidata": "http://www.wikidata.org/", "geonames": "https://sws.geonames.org/"}
PREFIXES = {
    "sd": SD,
    "void": VOID,
    "dcterms": DCTERMS,
    "formats": FORMATS,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def rdf_response(triples: list[ox.Triple], accept: str | None, fmt: str | None = None) -> Response:
    """Serialize a small in-memory description in the negotiated RDF syntax."""
    try:
        media = formats.negotiate(accept, formats.rdf_offers(datasets=False), fmt, graph_result=True)
    except formats.NotAcceptable as exc:
        raise ApiError(406, str(exc)) from None
    rdf_format = formats.RDF[media]
    kwargs = {"prefixes": PREFIXES} if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
    body = ox.serialize(triples, format=rdf_format, **kwargs)
    return Response(body, headers={"Content-Type": formats.content_type(media), "Vary": "Accept"})


def service_description(settings: Settings, endpoint: str) -> list[ox.Triple]:
    service = ox.BlankNode()
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _n(SD + "Service")),
        ox.Triple(service, _n(SD + "endpoint"), _n(endpoint)),
        ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        ox.Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        ox.Triple(service, _n(SD + "defaultEntailmentRegime"), _n("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, _n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _n(SD + "Dataset")),
        ox.Triple(dataset, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(dataset, _n(VOID + "sparqlEndpoint"), _n(endpoint)),
        ox.Triple(dataset, _n(SD + "defaultGraph"), graph),
        ox.Triple(graph, RDF_TYPE, _n(SD + "Graph")),
    ]
    if settings.updates_enabled:
        triples.append(ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Update")))
    if settings.service_allow:
        triples.append(ox.Triple(service, _n(SD + "feature"), _n(SD + "BasicFederatedQuery")))
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "TriG",
        "N-Quads",
    ):
        triples.append(ox.Triple(service, _n(SD + "resultFormat"), _n(FORMATS + name)))
    return triples


# -- VoID ---------------------------------------------------------------------------------------


def void_queries(base: str) -> list[str]:
    return [
        "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o }",
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{base}id/")) }}',
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class",
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
        f"SELECT ?o WHERE {{ ?s <{OWL_SAME_AS}> ?o }}",
    ]


def _int(binding: dict, name: str) -> int:
    return int(binding[name]["value"]) if name in binding else 0


def void_description(settings: Settings, endpoint: str, results: list[dict]) -> list[ox.Triple]:
    base = settings.base_iri
    ds = _n(f"{base}void#dataset")
    xsd_int = _n("http://www.w3.org/2001/XMLSchema#integer")

    def count(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=xsd_int)

    totals = results[0]["results"]["bindings"][0]
    triples = [
        ox.Triple(ds, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(ds, _n(DCTERMS + "title"), ox.Literal("diplograph knowledge graph", language="en")),
        ox.Triple(ds, _n(VOID + "sparqlEndpoint"), _n(endpoint)),
        ox.Triple(ds, _n(VOID + "uriSpace"), ox.Literal(base)),
        ox.Triple(ds, _n(VOID + "vocabulary"), _n(ONTOLOGY_IRI)),
        ox.Triple(ds, _n(VOID + "triples"), count(_int(totals, "triples"))),
        ox.Triple(ds, _n(VOID + "distinctSubjects"), count(_int(totals, "subjects"))),
        ox.Triple(ds, _n(VOID + "entities"), count(_int(results[1]["results"]["bindings"][0], "n"))),
    ]
    classes = results[2]["results"]["bindings"]
    triples.append(ox.Triple(ds, _n(VOID + "classes"), count(len(classes))))
    for i, row in enumerate(classes):
        part = _n(f"{base}void#class-{i}")
        triples += [
            ox.Triple(ds, _n(VOID + "classPartition"), part),
            ox.Triple(part, _n(VOID + "class"), _n(row["class"]["value"])),
            ox.Triple(part, _n(VOID + "entities"), count(_int(row, "n"))),
        ]
    properties = results[3]["results"]["bindings"]
    triples.append(ox.Triple(ds, _n(VOID + "properties"), count(len(properties))))
    for i, row in enumerate(properties):
        part = _n(f"{base}void#property-{i}")
        triples += [
            ox.Triple(ds, _n(VOID + "propertyPartition"), part),
            ox.Triple(part, _n(VOID + "property"), _n(row["p"]["value"])),
            ox.Triple(part, _n(VOID + "triples"), count(_int(row, "n"))),
        ]
    links = {name: 0 for name in LINK_TARGETS}
    for row in results[4]["results"]["bindings"]:
        for name, prefix in LINK_TARGETS.items():
            if row["o"]["value"].startswith(prefix):
                links[name] += 1
    for name, prefix in LINK_TARGETS.items():
        linkset, target = _n(f"{base}void#links-{name}"), _n(f"{base}void#{name}")
        triples += [
            ox.Triple(ds, _n(VOID + "subset"), linkset),
            ox.Triple(linkset, RDF_TYPE, _n(VOID + "Linkset")),
            ox.Triple(linkset, _n(VOID + "linkPredicate"), _n(OWL_SAME_AS)),
            ox.Triple(linkset, _n(VOID + "subjectsTarget"), ds),
            ox.Triple(linkset, _n(VOID + "objectsTarget"), target),
            ox.Triple(linkset, _n(VOID + "triples"), count(links[name])),
            ox.Triple(target, RDF_TYPE, _n(VOID + "Dataset")),
            ox.Triple(target, _n(VOID + "uriSpace"), ox.Literal(prefix)),
        ]
    return triples


@router.get("/.well-known/void", summary="VoID description of the dataset")
async def void(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    engines: Engines = request.app.state.engines
    cache = request.app.state.void_cache
    if cache.get("generation") != engines.generation or time.monotonic() - cache.get("at", 0) > 300:
        results = await engines.call({"op": "rows", "queries": void_queries(settings.base_iri)})
        assert isinstance(results, list)
        cache.update(generation=engines.generation, at=time.monotonic(), results=results)
    endpoint = str(request.url_for("sparql"))
    return rdf_response(
        void_description(settings, endpoint, cache["results"]),
        request.headers.get("accept"),
        request.query_params.get("format"),
    )


# -- the ontology -------------------------------------------------------------------------------


def ontology_triples() -> list[ox.Triple]:
    triples: list[ox.Triple] = []
    for path in (ONTOLOGY_FILE, SECTORS_FILE):
        if path.exists():
            triples += [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    return triples


@router.get("/ontology", summary="The diplograph ontology (Turtle, RDF/XML, ... by content negotiation)")
async def ontology(request: Request) -> Response:
    triples = request.app.state.ontology
    accept = request.headers.get("accept")
    fmt = request.query_params.get("format")
    if not fmt and formats.parse_accept(accept)[0][0] == "text/html":
        try:  # the documentation graph.docs generates (pyLODE), cached until the Turtle changes
            return html_page(await asyncio.to_thread(render_ontology_html))
        except Exception:  # noqa: BLE001 - documentation is a convenience; the Turtle below always works
            log.exception("ontology documentation failed; serving the plain page")
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE).decode()
        return HTMLResponse(
            "<!doctype html><meta charset=utf-8><title>diplograph ontology</title>"
            "<h1>diplograph ontology</h1><p>Download: <a href='/ontology?format=turtle'>Turtle</a> · "
            "<a href='/ontology?format=rdfxml'>RDF/XML</a> · "
            "<a href='/ontology?format=jsonld'>JSON-LD</a></p>"
            f"<pre>{html.escape(turtle)}</pre>"
        )
    return rdf_response(triples, accept, fmt)

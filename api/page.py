"""The query page at `/`: a dependency-free editor that works offline, plus the JSON it needs."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from diplograph.api import result_pictures
from diplograph.api.linked_data import href
from diplograph.api.sparql_text import predeclared_prefixes
from diplograph.api.web import ApiError, html_page, read_body
from diplograph.graph.config import ONTOLOGY_FILE, QUERIES_DIR
from diplograph.graph.gazetteer import load_gazetteer

router = APIRouter()
STATIC = Path(__file__).resolve().parent / "static"
EXAMPLES_DIR = QUERIES_DIR
# Third-party browser code (YASGUI), copied from npm by web/vendor.sh into folders named with their
# version, so a file's URL never changes content and browsers may keep it for a year.
VENDOR = STATIC / "vendor"
VENDOR_URL = "/static/vendor"


class VendorFiles(StaticFiles):
    """Static files that never change under their URL: cached by browsers for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
FALLBACK_EXAMPLES = [
    {
        "name": "countries",
        "title": "Countries and their Wikidata items",
        "query": "PREFIX dg: <https://w3id.org/diplograph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/"
        "rdf-schema#>\nPREFIX owl: <http://www.w3.org/2002/07/owl#>\n\nSELECT ?country ?label ?same WHERE {\n"
        "  ?country a dg:Country ; rdfs:label ?label .\n  OPTIONAL { ?country owl:sameAs ?same }\n}\n"
        "ORDER BY ?label\nLIMIT 100\n",
    },
    {
        "name": "facts",
        "title": "Facts with their source sentences",
        "query": "PREFIX dg: <https://w3id.org/diplograph/ontology#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n\n"
        "SELECT ?fact ?type ?text WHERE {\n  ?fact a ?type ; prov:wasDerivedFrom ?sentence .\n"
        "  ?sentence dg:text ?text .\n}\nLIMIT 50\n",
    },
]


def load_examples(directory: Path) -> list[dict]:
    """Each `*.rq` file is one example; a leading `# title` comment line names it."""
    examples = []
    for path in sorted(directory.glob("*.rq")) if directory.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        title = first.lstrip("#").strip() if first.startswith("#") else path.stem.replace("-", " ")
        examples.append({"name": path.stem, "title": title, "query": text})
    return examples or FALLBACK_EXAMPLES


def ontology_prefixes() -> dict[str, str]:
    """The prefixes every query may use without a PREFIX line (the ontology's and a few common
    ones); the page lists them and inserts the declaration with one click."""
    return predeclared_prefixes()


@router.get("/", include_in_schema=False)
async def index(request: Request) -> HTMLResponse:
    """The page, told the base IRI so result links to minted IRIs stay on this server."""
    return html_page(with_base(request, (STATIC / "index.html").read_text(encoding="utf-8")))


def with_base(request: Request, page: str) -> str:
    """Tell a page's script the base IRI (`<body data-base>`), so result links to minted IRIs open
    this server's Linked Data pages."""
    base = html.escape(request.app.state.settings.base_iri, quote=True)
    return page.replace("<body>", f'<body data-base="{base}">', 1)


@router.get("/yasgui", include_in_schema=False)
async def yasgui(request: Request) -> HTMLResponse:
    """The query page with YASGUI's editor and result views; without JavaScript it is a plain form.

    YASGUI sizes its widgets through `style` attributes and its table's column resizer adds a `<style>`
    element, so this page allows inline styles (they cannot run code, and connect-src/img-src 'self'
    keep them from sending anything away); scripts, style sheets and fonts still come from this server
    only, and no inline script runs."""
    response = html_page(with_base(request, (STATIC / "yasgui.html").read_text(encoding="utf-8")))
    inline_styles = "; style-src-attr 'unsafe-inline'; style-src-elem 'self' 'unsafe-inline'"
    response.headers["Content-Security-Policy"] += inline_styles
    return response


@router.get("/api/examples", summary="Example queries shown on the query page")
async def examples(request: Request) -> JSONResponse:
    return JSONResponse(load_examples(request.app.state.examples_dir))


@router.get("/api/prefixes", summary="Prefixes predeclared for every query (a query's own PREFIX wins)")
async def prefixes() -> JSONResponse:
    return JSONResponse(ontology_prefixes())


@cache
def ontology_terms() -> dict[str, list[str]]:
    """The ontology's classes and properties as IRIs, for the explorer's autocompletion (offline,
    instead of YASGUI's default look-up on the internet)."""
    from rdflib import OWL, RDF, RDFS, Graph

    graph = Graph().parse(ONTOLOGY_FILE)
    classes = {str(c) for kind in (OWL.Class, RDFS.Class) for c in graph.subjects(RDF.type, kind)}
    properties = {str(p) for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
                  for p in graph.subjects(RDF.type, kind)}
    return {"classes": sorted(c for c in classes if c.startswith("http")),
            "properties": sorted(p for p in properties if p.startswith("http"))}


@router.get("/api/terms", summary="The ontology's classes and properties (the explorer completes them)")
async def terms() -> JSONResponse:
    return JSONResponse(ontology_terms())


MAX_PICTURE_BODY = 8 * 1024 * 1024
MAX_PICTURE_ROWS = 5000


@router.post("/api/picture", summary="Draw SPARQL JSON results as SVG: kind=chart, network or map",
             response_class=Response)
async def picture(request: Request) -> Response:
    """The explorer's Chart, Network and Map tabs send the results they hold; 422 says why they do not
    fit the picture asked for."""
    kind = request.query_params.get("kind", "")
    if kind not in ("chart", "network", "map"):
        raise ApiError(400, f"the parameter 'kind' must be chart, network or map, not {kind[:40]!r}")
    body = await read_body(request, MAX_PICTURE_BODY)
    try:
        results = json.loads(body)
        variables, bindings = results["head"]["vars"], results["results"]["bindings"]
        if not isinstance(variables, list) or not isinstance(bindings, list) or not all(
                isinstance(v, str) for v in variables) or not all(isinstance(b, dict) for b in bindings):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise ApiError(400, "the body must be SPARQL 1.1 query results in JSON (head.vars, results.bindings)"
                       ) from None
    settings = request.app.state.settings

    def link(iri: str) -> str:
        return href(settings, iri)

    try:
        rows = [{k: v for k, v in row.items() if _term(v)} for row in bindings[:MAX_PICTURE_ROWS]]
        if kind == "chart":
            svg = result_pictures.chart(variables, rows)
        elif kind == "network":
            svg = result_pictures.pairs(variables, rows, link)
        else:
            svg = result_pictures.countries_map(variables, rows, country_code(settings.base_iri), link)
    except result_pictures.NoPicture as exc:
        raise ApiError(422, f"these results make no {kind}: {exc}") from None
    return Response(svg, media_type="image/svg+xml")


def _term(value: object) -> bool:
    """A well-formed RDF term of SPARQL JSON results; anything else in a row is left out, not a 500."""
    return isinstance(value, dict) and value.get("type") in ("uri", "literal", "typed-literal", "bnode") and \
        isinstance(value.get("value"), str) and all(isinstance(value.get(k, ""), str) for k in ("datatype", "xml:lang"))


@cache
def _country_names() -> dict[str, str]:
    return {name.casefold(): key.split(":", 1)[1] for name, key in load_gazetteer().names.items()
            if key.startswith("country:")}


def country_code(base: str) -> Callable[[dict], str | None]:
    """An alpha-3 code for a country's IRI (minted under the base) or its name as the gazetteer knows it."""
    names = _country_names()
    prefix = base + "id/country/"

    def code(term: dict) -> str | None:
        value = str(term.get("value", ""))
        if term.get("type") == "uri":
            return value[len(prefix):] if value.startswith(prefix) else None
        return names.get(value.casefold())

    return code

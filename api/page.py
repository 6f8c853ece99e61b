"""The query page at `/`: a dependency-free editor that works offline, plus the JSON it needs."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from diplograph.api.sparql_text import predeclared_prefixes
from diplograph.api.web import html_page
from diplograph.graph.config import ONTOLOGY_FILE, QUERIES_DIR

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

"""The FastAPI application: routers, CORS, error handling and the engine pool's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from diplograph.api import describe, linked_data, page, protocol, start, update
from diplograph.api.egress import Relay
from diplograph.api.settings import Settings
from diplograph.api.web import (
    ApiError,
    SecurityHeaders,
    api_error_handler,
    html_page,
    redact_from_logs,
    unexpected_error_handler,
)
from diplograph.api.workers import Engines

FAST_METHODS = frozenset({"GET", "HEAD", "POST"})
# Swagger UI's dist files (Apache-2.0) as the fastapi-offline package (MIT) ships them, so /docs works
# offline: FastAPI's own page loads them from a CDN.
SWAGGER_UI = Path(str(files("fastapi_offline"))) / "static"
SWAGGER_UI_URL = "/static/swagger-ui"


async def sparql_asgi(scope: Scope, receive: Receive, send: Send) -> None:
    """/sparql as a bare ASGI app: the same handler and the same error responses as behind the full
    stack (ApiError: its status and message; anything else: a logged 500)."""
    request = Request(scope, receive)
    try:
        response = await protocol.sparql(request)
    except ApiError as exc:
        response = await api_error_handler(request, exc)
    except Exception as exc:  # what ServerErrorMiddleware does: log it, answer 500
        response = await unexpected_error_handler(request, exc)
    await response(scope, receive, send)  # an error mid-stream propagates: uvicorn cuts the response


class Endpoint(FastAPI):
    """The FastAPI app, with queries to /sparql served past its middleware stack.

    A query passes through some ten ASGI layers in FastAPI (errors, telemetry, body limit, CORS,
    exception handlers, exit stack, router, route); on the busiest path only CORS and the error
    handling do anything, so those are applied directly.  Other methods (OPTIONS preflights, 405s) and
    every other path take the normal route."""

    sparql_app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.sparql_app is not None
            and scope["type"] == "http"
            and scope["path"] == "/sparql"
            and scope["method"] in FAST_METHODS
            and not scope.get("root_path")
        ):
            scope["app"] = self
            await self.sparql_app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings) -> Endpoint:
    """Build the app; the engine processes start with the app's lifespan and stop with it."""
    engines = Engines(
        settings.store,
        settings.workers,
        settings.updates_enabled,
        settings.query_timeout,
        settings.engine_memory_mb or 0,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await engines.start()
        try:
            yield
        finally:
            await engines.close()
            await app.state.relay.close()

    app = Endpoint(
        title="diplograph SPARQL endpoint",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served below, from local assets
        redoc_url=None,
        description="SPARQL 1.1 Protocol, Graph Store Protocol and Linked Data over the diplograph "
        "knowledge graph.",
    )
    redact_from_logs(settings.update_token)
    app.router.redirect_slashes = False  # /nope must be a 404, not a redirect into the Linked Data route
    app.state.settings = settings
    app.state.engines = engines
    app.state.relay = Relay()  # SERVICE and LOAD connect through it, to the addresses checked (api/egress)
    app.state.void_cache = {}
    app.state.start_cache = {}
    app.state.ontology = describe.ontology_triples()
    app.state.examples_dir = settings.examples_dir or page.EXAMPLES_DIR
    cors = {
        "allow_origins": list(settings.cors_origins),
        "allow_methods": ["GET", "HEAD", "POST"],
        "allow_headers": ["Accept", "Content-Type"],
        "expose_headers": [protocol.WARNING_HEADER],
        "max_age": 3600,
    }
    app.add_middleware(CORSMiddleware, **cors)
    app.add_middleware(SecurityHeaders)
    app.sparql_app = SecurityHeaders(CORSMiddleware(sparql_asgi, **cors))
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(Exception, unexpected_error_handler)

    @app.get("/healthz", summary="Liveness: the engine processes are up")
    async def healthz(request: Request) -> JSONResponse:
        readers = len(engines.readers.all)
        ok = readers > 0
        return JSONResponse(
            {
                "status": "ok" if ok else "degraded",
                "readers": readers,
                "updates": settings.updates_enabled,
                "generation": engines.generation,
            },
            status_code=200 if ok else 503,
        )

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{SWAGGER_UI_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{SWAGGER_UI_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{SWAGGER_UI_URL}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        )
        return html_page(bytes(page.body).decode())

    app.mount(SWAGGER_UI_URL, StaticFiles(directory=SWAGGER_UI), name="swagger-ui")  # before /static
    app.mount(page.VENDOR_URL, page.VendorFiles(directory=page.VENDOR), name="vendor")  # before /static
    app.mount("/static", StaticFiles(directory=page.STATIC), name="static")
    for module in (protocol, update, describe, page, start, linked_data):  # linked_data last: it has a catch-all
        app.include_router(module.router)
    # /sparql parses its own parameters, so FastAPI's per-request machinery (dependency solving,
    # validation) only costs time on the busiest path: Endpoint.__call__ serves GET/HEAD/POST there
    # (sparql_app above), a plain Starlette route in front serves any other request reaching the router,
    # and the FastAPI route behind it stays for the OpenAPI description.
    app.router.routes.insert(0, Route("/sparql", protocol.sparql, methods=["GET", "POST"]))
    return app

"""`/sparql`: the SPARQL 1.1 Protocol (queries by GET and POST, updates by POST, service description)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from diplograph.api import describe, formats, openapi
from diplograph.api.egress import Relay, check_public
from diplograph.api.settings import Settings
from diplograph.api.sparql_text import (
    Analysis,
    QueryRejected,
    add_using_clauses,
    analyse,
    check_remote,
    predeclared_prefixes,
    replace_spans,
)
from diplograph.api.update import authorize
from diplograph.api.web import ApiError, iri_parameter, parse_params, query_params, read_body, respond
from diplograph.api.workers import Engines
from diplograph.graph.bindings import Binding, BindingError, parse_bindings

router = APIRouter()
FORM = "application/x-www-form-urlencoded"
WARNING_HEADER = "X-Diplograph-Warning"


def media_of(content_type: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header."""
    if not content_type:
        return "", None
    fields = [f.strip() for f in content_type.split(";")]
    charset = next(
        (f.split("=", 1)[1].strip('"').lower() for f in fields[1:] if f.lower().startswith("charset=")), None
    )
    return fields[0].lower(), charset


def decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ApiError(415, f"only UTF-8 is accepted, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not valid UTF-8") from None


def single(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise ApiError(400, f"more than one {name!r} parameter")
    return values[0] if values else None


def every(params: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in params if k == name]


async def sparql(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    params = query_params(request)
    query = update = None
    if request.method == "POST":
        media, charset = media_of(request.headers.get("content-type"))
        body = await read_body(request, settings.max_body_bytes)
        if media == FORM:
            decode(body, charset)  # the charset and the raw bytes; then each field, percent-decoded
            params += parse_params(body, "the form body")
            query, update = single(params, "query"), single(params, "update")
            if query is None and update is None:
                raise ApiError(
                    400,
                    "a form POSTed to /sparql needs a 'query' or an 'update' parameter"
                    + (" (the body is empty)" if not body.strip() else ""),
                )
        elif media == "application/sparql-query":
            query = decode(body, charset)
            if single(params, "query") is not None:
                raise ApiError(400, "the query is given both in the body and as a parameter")
        elif media == "application/sparql-update":
            update = decode(body, charset)
        else:
            raise ApiError(
                415,
                "POST to /sparql needs Content-Type application/x-www-form-urlencoded, "
                "application/sparql-query or application/sparql-update",
            )
        if query is not None and update is not None:
            raise ApiError(400, "a request carries either a query or an update, not both")
    else:
        if single(params, "update") is not None:
            raise ApiError(400, "updates must be sent with POST")
        query = single(params, "query")
        if query is None:
            return service_description(request, settings, single(params, "format"))
    if update is not None:
        return await run_update(request, settings, update, params)
    assert query is not None
    return await run_query(request, settings, query, params)


SPARQL_DOC = dict(
    summary="SPARQL 1.1 Protocol endpoint",
    description="Query by GET ?query= or POST (form or application/sparql-query); update by POST "
    "(form update= or application/sparql-update, Bearer token required). Without a "
    "query, GET returns the SPARQL 1.1 Service Description. Not in the standard: `bind=name=<IRI>` "
    "(or `name=\"literal\"`, `name=\"text\"@en`, `name=5`, `name=dg:Country`; repeatable) gives the "
    "query's variable ?name that value before it runs (so an example written for one country runs for "
    "another); a bound value that occurs nowhere in the data is reported in the X-Diplograph-Warning "
    "header. The prefixes listed by /api/prefixes (dg:, rdfs:, owl:, ...) need no PREFIX line.",
)
router.add_api_route("/sparql", sparql, methods=["GET"], operation_id="sparql_get", openapi_extra=openapi.SPARQL_GET,
                     **SPARQL_DOC)
router.add_api_route("/sparql", sparql, methods=["POST"], operation_id="sparql_post",
                     openapi_extra=openapi.SPARQL_POST, **SPARQL_DOC)


def service_description(request: Request, settings: Settings, fmt: str | None) -> Response:
    accept = request.headers.get("accept")
    best = formats.parse_accept(accept)[0][0] if accept else ""
    if best == "text/html":  # a browser: the query page is more useful than Turtle
        return RedirectResponse("/", status_code=303)
    endpoint = str(request.url.replace(query=""))
    return describe.rdf_response(
        describe.service_description(settings, endpoint), accept, fmt
    )


async def run_query(
    request: Request, settings: Settings, query: str, params: list[tuple[str, str]]
) -> Response:
    engines: Engines = request.app.state.engines
    try:
        analysis = analyse(query, settings.max_nesting, settings.base_iri, keep_tokens=False)
        check_remote(analysis.services, settings.service_allow, "SERVICE")
        if analysis.services:
            query = await pin_remote(request, settings, query, analysis)
    except QueryRejected as exc:
        raise ApiError(exc.status, str(exc)) from None
    try:
        bindings = parse_bindings(every(params, "bind"), settings.base_iri, predeclared_prefixes())
    except BindingError as exc:
        raise ApiError(400, f"bind: {exc}") from None
    defaults = [iri_parameter("default-graph-uri", g) for g in every(params, "default-graph-uri")]
    named = [iri_parameter("named-graph-uri", g) for g in every(params, "named-graph-uri")]
    task = {
        "op": "query",
        "query": query,
        "base_iri": settings.base_iri,
        "union": not analysis.has_dataset_clause,
        "default_graphs": defaults if defaults or named else None,
        "named_graphs": named if defaults or named else None,
        "accept": request.headers.get("accept"),
        "format": single(params, "format"),
        "max_bytes": settings.max_result_bytes,
        "remote": bool(analysis.services),
    }
    warnings = []
    if bindings:
        task["bindings"] = [(b.name, b.term) for b in bindings]
        warnings = await unmatched_bindings(engines, bindings)
    stream = await engines.stream(task)
    response = respond(stream.media_type, stream.complete, stream.body, stream.deadline)
    if warnings:
        text = "; ".join(warnings).encode("ascii", "backslashreplace").decode()
        response.headers[WARNING_HEADER] = "".join(c if c.isprintable() else " " for c in text)
    return response


async def pin_remote(request: Request, settings: Settings, text: str, analysis: Analysis) -> str:
    """`text` with each SERVICE and LOAD target (all allow-listed) checked and replaced by the relay's URL
    for the address it resolved to, so the engine never resolves the name again (see api/egress)."""
    addresses = await check_public(analysis.services, settings.service_allow_private, "SERVICE")
    addresses += await check_public(analysis.loads, settings.service_allow_private, "LOAD")
    if str(settings.store).startswith(("http://", "https://")):  # a remote store (main's `serve --store URL`)
        return text  # runs SERVICE and LOAD itself, on another machine: a relay on this loopback is not for it
    relay: Relay = request.app.state.relay
    deadline = asyncio.get_running_loop().time() + settings.query_timeout
    targets = [t for t in analysis.services + analysis.loads if t is not None]
    urls = [f"<{await relay.url(t, a, deadline)}>" for t, a in zip(targets, addresses, strict=True)]
    return replace_spans(text, [span for span in analysis.spans if span is not None], urls)


async def unmatched_bindings(engines: Engines, bindings: list[Binding]) -> list[str]:
    """A warning for each bound value that occurs nowhere in the data (in any graph), most likely
    an IRI from another store or a literal without the language tag the data has."""
    queries = []
    for b in bindings:  # b.term is an N-Triples term the server built itself: safe to splice
        patterns = [f"{{ ?s ?p {b.term} }}"]
        if b.is_iri:
            patterns += [f"{{ {b.term} ?p ?o }}", f"{{ ?s {b.term} ?o }}"]
        queries.append(f"SELECT (1 AS ?found) WHERE {{ {' UNION '.join(patterns)} }} LIMIT 1")
    results = await engines.call({"op": "rows", "queries": queries})
    assert isinstance(results, list)
    return [
        f"?{b.name} is bound to {b.term}, which occurs nowhere in the data, so it matches nothing"
        for b, result in zip(bindings, results, strict=True)
        if not result["results"]["bindings"]
    ]


async def run_update(
    request: Request, settings: Settings, update: str, params: list[tuple[str, str]]
) -> Response:
    authorize(request, settings)
    engines: Engines = request.app.state.engines
    try:
        analysis = analyse(update, settings.max_nesting, settings.base_iri)
        check_remote(analysis.services, settings.service_allow, "SERVICE")
        check_remote(analysis.loads, settings.service_allow, "LOAD")
        if analysis.services or analysis.loads:
            update = await pin_remote(request, settings, update, analysis)
            analysis = analyse(update, settings.max_nesting, settings.base_iri)  # the tokens of the new text
        text = add_using_clauses(
            update,
            analysis.tokens,
            [iri_parameter("using-graph-uri", g) for g in every(params, "using-graph-uri")],
            [iri_parameter("using-named-graph-uri", g) for g in every(params, "using-named-graph-uri")],
        )
    except QueryRejected as exc:
        raise ApiError(exc.status, str(exc)) from None
    await engines.call({"op": "update", "update": text, "base_iri": settings.base_iri})
    return Response(status_code=204)

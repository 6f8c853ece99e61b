"""Writes: the bearer-token check and the SPARQL 1.1 Graph Store HTTP Protocol on `/store`.

Writes are off unless a token is configured; then every /store request and every SPARQL Update
needs ``Authorization: Bearer <token>``.  The check happens before the body is read.
"""

from __future__ import annotations

import hmac
import uuid

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from diplograph.api import formats, openapi
from diplograph.api.settings import Settings
from diplograph.api.web import ApiError, iri_parameter, query_params, read_body, respond
from diplograph.api.workers import Engines

router = APIRouter()


def authorize(request: Request, settings: Settings) -> None:
    """401 without credentials, 403 with wrong ones or when writes are disabled."""
    if not settings.update_token:
        raise ApiError(403, "writes are disabled on this server (start it with --update-token to enable them)")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "this operation needs Authorization: Bearer <token>",
            {"WWW-Authenticate": 'Bearer realm="diplograph"'},
        )
    if not token_matches(token.strip().encode(), settings.update_token.encode()):
        raise ApiError(403, "the bearer token is not valid for writes")


def token_matches(given: bytes, expected: bytes) -> bool:
    """Compared in constant time: how long a wrong token takes to refuse must not tell how much of it
    was right (tests/api/test_no_way_in.py times it)."""
    return hmac.compare_digest(given, expected)


def target_graph(request: Request) -> str | None:
    """`?graph=IRI` (a named graph) or `?default` (None); exactly one of them."""
    params = query_params(request)
    graphs = [v for k, v in params if k == "graph"]
    default = any(k == "default" for k, _ in params)
    if default and not graphs:
        return None
    if len(graphs) == 1 and not default:
        return iri_parameter("graph", graphs[0])
    raise ApiError(400, "give exactly one of ?graph=IRI or ?default")


async def graph_store(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    engines: Engines = request.app.state.engines
    authorize(request, settings)
    method = request.method
    if method == "POST" and not request.query_params:
        return await create_graph(request, settings, engines)
    graph = target_graph(request)
    if method in ("GET", "HEAD"):
        stream = await engines.stream(
            {
                "op": "graph_get",
                "graph": graph,
                "accept": request.headers.get("accept"),
                "format": request.query_params.get("format"),
                "max_bytes": settings.max_result_bytes,
            }
        )
        response = respond(stream.media_type, stream.complete, stream.body, stream.deadline)
        if method == "HEAD":
            return Response(status_code=200, headers={"Content-Type": response.headers["content-type"]})
        return response
    if method == "DELETE":
        await engines.call({"op": "graph_delete", "graph": graph})
        return Response(status_code=204)
    result = await write_graph(request, settings, engines, graph, "graph_put" if method == "PUT" else "graph_post")
    return Response(status_code=201 if result["created"] else 204)


for _method in ("GET", "HEAD", "PUT", "POST", "DELETE"):
    router.add_api_route(
        "/store",
        graph_store,
        methods=[_method],
        operation_id=f"graph_store_{_method.lower()}",
        summary="SPARQL 1.1 Graph Store HTTP Protocol (needs the bearer token)",
        openapi_extra=openapi.store_operation(_method),
    )


async def write_graph(request: Request, settings: Settings, engines: Engines, graph: str | None, op: str) -> dict:
    """One RDF body, or a multipart/form-data upload whose files all go into the one graph at once."""
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media != "multipart/form-data":
        rdf_media_type(media, "the request body")
    data = await read_body(request, settings.max_body_bytes)
    parts = await form_parts(request.headers, data) if media == "multipart/form-data" else [(data, media)]
    result = await engines.call({"op": op, "graph": graph, "parts": parts, "base_iri": graph or settings.base_iri})
    assert isinstance(result, dict)
    return result


def rdf_media_type(media: str, what: str) -> None:
    """415 unless `media` names an RDF syntax; bare JSON and XML are too vague to guess from."""
    if media not in formats.RDF or media in ("application/json", "application/xml"):
        raise ApiError(
            415,
            f"cannot read RDF sent as {media or 'no Content-Type'} in {what}; use one of: "
            + ", ".join(formats.RDF_MEDIA_TYPES[:4]),
        )


async def form_parts(headers, data: bytes) -> list[tuple[bytes, str]]:
    """The files of a multipart/form-data body with their RDF media types (the part's Content-Type,
    else its file name's extension), as Fuseki and RDF4J accept uploads from HTML forms."""

    async def body():
        yield data

    try:
        form = await MultiPartParser(headers, body(), max_files=1000, max_fields=1000).parse()
    except MultiPartException as exc:
        raise ApiError(400, f"cannot read the multipart/form-data body: {exc.message}") from None
    parts = []
    for name, value in form.multi_items():
        if not isinstance(value, UploadFile):
            continue  # plain form fields carry no RDF
        media = (value.content_type or "").split(";")[0].strip().lower()
        if media in ("", "application/octet-stream"):
            extension = (value.filename or "").rpartition(".")[2].lower()
            media = formats.SHORT.get(extension, media)
        rdf_media_type(media, f"the form part {name!r} ({value.filename})")
        parts.append((await value.read(), media))
    if not parts:
        raise ApiError(400, "the multipart/form-data body has no file parts")
    return parts


async def create_graph(request: Request, settings: Settings, engines: Engines) -> Response:
    """POST to the store itself: a new graph with a fresh IRI, returned in Location."""
    iri = f"{settings.base_iri}graph/upload/{uuid.uuid4()}"
    await write_graph(request, settings, engines, iri, "graph_put")
    return Response(status_code=201, headers={"Location": iri})

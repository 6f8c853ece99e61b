"""HTTP plumbing shared by the routers: client-facing errors (never a traceback), the body cap,
and turning an engine stream into a response."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse

from diplograph.api import formats

log = logging.getLogger("diplograph.api")


class ApiError(Exception):
    """An HTTP error with a message meant for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


async def api_error_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return PlainTextResponse(exc.message + "\n", status_code=exc.status, headers=exc.headers)


async def unexpected_error_handler(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return PlainTextResponse("internal server error\n", status_code=500)


async def read_body(request: Request, cap: int) -> bytes:
    """The request body, refusing (413) anything above the configured cap without buffering it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise ApiError(413, f"request body larger than this server's cap of {cap} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise ApiError(413, f"request body larger than this server's cap of {cap} bytes")
    return bytes(body)


def respond(media_type: str, complete: bytes | None, body) -> Response:
    """A whole body gets a Content-Length; a large one streams (chunked) as the engine produces it."""
    headers = {"Vary": "Accept", "Content-Type": formats.content_type(media_type)}
    if body is None:
        return Response(complete, headers=headers)
    return StreamingResponse(body, headers=headers)

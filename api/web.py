"""HTTP plumbing shared by the routers: client-facing errors (never a traceback), the body cap,
and turning an engine stream into a response."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
from urllib.parse import quote, quote_plus, unquote_to_bytes

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplograph.api import formats

log = logging.getLogger("diplograph.api")


class Redact(logging.Filter):
    """Replaces a secret, as written and percent-encoded, in every record it sees: the update token in a
    URL (a client that put it there) would otherwise be written to the access log."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.forms = sorted({secret, quote(secret, safe=""), quote_plus(secret)}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(form in message for form in self.forms):
            for form in self.forms:
                message = message.replace(form, "[token]")
            record.msg, record.args = message, ()
        return True


def redact_from_logs(secret: str | None) -> None:
    """Keep the secret out of uvicorn's access and error logs and this package's own."""
    if secret:
        for name in ("uvicorn.access", "uvicorn.error", "diplograph.api"):
            logging.getLogger(name).addFilter(Redact(secret))


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


# -- security headers ---------------------------------------------------------------------------

# Pages run only this server's own scripts and styles: text from documents (labels, sentences, titles)
# that slipped past escaping still could not run.  A page with inline <script>/<style> elements of its
# own (Swagger UI, pyLODE's documentation) allows exactly those, by hash.
CSP = (
    "default-src 'none'; script-src 'self'{scripts}; style-src 'self'{styles}; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_INLINE = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_EXECUTABLE = re.compile(r"""\btype\s*=\s*["']?(?:text/javascript|module|application/javascript)\b""", re.IGNORECASE)


def content_security_policy(page: str = "") -> str:
    """The CSP for a page, with a hash for each inline script and style element the page carries."""
    hashes: dict[str, list[str]] = {"script": [], "style": []}
    for tag, attributes, body in _INLINE.findall(page):
        attributes = attributes or ""
        if tag.lower() == "script" and (" src" in attributes.lower() or
                                        ("type" in attributes.lower() and not _EXECUTABLE.search(attributes))):
            continue  # an external script is covered by 'self'; a data block (JSON-LD) never runs
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        hashes[tag.lower()].append(f" 'sha256-{digest}'")
    return CSP.format(scripts="".join(hashes["script"]), styles="".join(hashes["style"]))


def html_page(page: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    """An HTML response whose CSP allows this page's own inline elements and nothing else inline."""
    return HTMLResponse(page, headers={**(headers or {}), "Content-Security-Policy": content_security_policy(page)})


STRICT_CSP = content_security_policy()


class SecurityHeaders:
    """ASGI middleware: `X-Content-Type-Options: nosniff` on every response (error messages echo the
    request as text/plain, which must never be sniffed into HTML), and the strict CSP on any HTML
    response that did not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if headers.get("content-type", "").startswith("text/html") and "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = STRICT_CSP
            await send(message)

        await self.app(scope, receive, send_with_headers)


_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def parse_params(raw: bytes, where: str = "the query string") -> list[tuple[str, str]]:
    """Parse application/x-www-form-urlencoded text (a query string or a form body) strictly.

    Lenient parsers keep a stray `%ZZ` as it is and turn invalid UTF-8 into U+FFFD, so the engine
    later reports a puzzling syntax or IRI error; here either is a 400 naming the parameter."""
    pairs = []
    for part in raw.split(b"&"):
        if not part:
            continue
        key, _, value = part.partition(b"=")
        name = _unquote(key, where, None)
        pairs.append((name, _unquote(value, where, name)))
    return pairs


def _unquote(raw: bytes, where: str, name: str | None) -> str:
    what = f"the parameter {name!r}" if name is not None else f"the parameter name {raw[:40].decode('latin-1')!r}"
    bad = _BAD_ESCAPE.search(raw)
    if bad:
        sequence = raw[bad.start() : bad.start() + 3].decode("latin-1")
        raise ApiError(
            400,
            f"{what} in {where} has an invalid percent-encoding {sequence!r}: "
            "'%' must be followed by two hexadecimal digits (write a literal '%' as %25)",
        )
    try:
        return unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, f"{what} in {where} is not valid UTF-8 once percent-decoded") from None


def query_params(request: Request) -> list[tuple[str, str]]:
    """The request's query-string parameters, strictly decoded (see parse_params)."""
    raw = request.scope.get("query_string", b"")
    return parse_params(raw) if raw else []


def iri_parameter(name: str, value: str) -> str:
    """`value` if it is an absolute IRI, else a 400 naming the parameter and the problem.

    Checked here, in the server, so an engine never sees it: pyoxigraph raises ValueError (which used
    to surface as a 500) and a value spliced into SPARQL text must not be able to close its <...>."""
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        reason = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(exc))
        raise ApiError(
            400, f"{name} {value!r} is not a valid absolute IRI: {reason[:1].lower()}{reason[1:]}"
        ) from None
    return value


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


class DeadlineStreamingResponse(StreamingResponse):
    """A stream that must reach the client by a deadline (event-loop time).

    The engine's frames are read under the query's deadline, but a client that stops reading leaves
    the response waiting in `send` (flow control), where no deadline applied: two such clients held
    both engines for as long as they kept their connections open, and every other query got 503."""

    def __init__(self, content, deadline: float, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.deadline = deadline

    async def stream_response(self, send: Send) -> None:
        try:
            async with asyncio.timeout_at(self.deadline):
                await super().stream_response(send)
        finally:
            await self.body_iterator.aclose()  # releases (or replaces) the engine at once


def respond(media_type: str, complete: bytes | None, body, deadline: float | None = None) -> Response:
    """A whole body gets a Content-Length; a large one streams (chunked) as the engine produces it,
    cut off at `deadline` however slowly the client reads."""
    headers = {"Vary": "Accept", "Content-Type": formats.content_type(media_type)}
    if body is None:
        return Response(complete, headers=headers)
    if deadline is None:
        return StreamingResponse(body, headers=headers)
    return DeadlineStreamingResponse(body, deadline, headers=headers)

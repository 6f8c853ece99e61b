"""`diplograph serve`: command-line options (each with a DIPLOGRAPH_* environment default) and uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from diplograph.api.settings import Settings
from diplograph.graph.config import DEFAULT_BASE_IRI
from diplograph.graph.store import StoreError, check_store, hold


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"DIPLOGRAPH_{name}", default)


def _env_flag(name: str) -> bool:
    return (_env(name, "") or "").lower() in ("1", "true", "yes", "on")


def _env_list(name: str) -> list[str]:
    value = _env(name)
    return [v.strip() for v in value.replace(",", " ").split()] if value else []


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `serve`; each defaults from the environment variable named in its help."""
    parser.add_argument(
        "--store",
        default=_env("STORE"),
        required=_env("STORE") is None,
        help="store directory written by `diplograph build`, held while the server runs: a build into it "
        "stops and says to use `build --into` (DIPLOGRAPH_STORE); or the http(s) URL of a SPARQL 1.1 store "
        "to stand in front of",
    )
    parser.add_argument("--host", default=_env("HOST", "127.0.0.1"), help="bind address (DIPLOGRAPH_HOST)")
    parser.add_argument(
        "--port", type=int, default=int(_env("PORT", "7878") or 7878), help="port (DIPLOGRAPH_PORT)"
    )
    parser.add_argument(
        "--base-iri",
        default=_env("BASE_IRI", DEFAULT_BASE_IRI),
        help="base of minted IRIs; request paths dereference under it (DIPLOGRAPH_BASE_IRI)",
    )
    parser.add_argument(
        "--query-timeout",
        type=float,
        default=float(_env("QUERY_TIMEOUT", "30") or 30),
        help="seconds before a query is stopped (DIPLOGRAPH_QUERY_TIMEOUT)",
    )
    parser.add_argument(
        "--update-token",
        default=_env("UPDATE_TOKEN"),
        help="enables SPARQL Update and /store for requests bearing this token "
        "(DIPLOGRAPH_UPDATE_TOKEN); writes are off without it. `diplograph build DOCS --into "
        "http://HOST:PORT/ --token TOKEN` feeds the running server",
    )
    parser.add_argument(
        "--service-allow",
        action="append",
        default=_env_list("SERVICE_ALLOW"),
        metavar="URL",
        help="endpoint SERVICE and LOAD may contact; repeatable (DIPLOGRAPH_SERVICE_ALLOW, "
        "space-separated); nothing is contacted by default",
    )
    parser.add_argument(
        "--service-allow-private",
        action=argparse.BooleanOptionalAction,
        default=_env_flag("SERVICE_ALLOW_PRIVATE"),
        help="let allow-listed SERVICE/LOAD endpoints be on loopback, private or link-local addresses "
        "(DIPLOGRAPH_SERVICE_ALLOW_PRIVATE=1); off by default, so no request reaches this machine or its network",
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=None,
        metavar="ORIGIN",
        help="origin allowed to read cross-site; repeatable (DIPLOGRAPH_CORS_ORIGIN; default *)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(_env("WORKERS", "0") or 0),
        help="query engine processes; one of them is kept for quick queries while the others run heavy ones "
        "(DIPLOGRAPH_WORKERS; default: CPU count + 1)",
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=int(_env("MAX_BODY_BYTES", str(16 << 20)) or 0),
        help="largest accepted request body (DIPLOGRAPH_MAX_BODY_BYTES; default 16 MiB)",
    )
    parser.add_argument(
        "--max-result-bytes",
        type=int,
        default=int(_env("MAX_RESULT_BYTES", str(256 << 20)) or 0),
        help="largest result; beyond it the response is cut off (DIPLOGRAPH_MAX_RESULT_BYTES)",
    )
    parser.add_argument(
        "--max-nesting",
        type=int,
        default=int(_env("MAX_NESTING", "128") or 128),
        help="deepest bracket nesting accepted in a query (DIPLOGRAPH_MAX_NESTING)",
    )
    parser.add_argument(
        "--engine-memory",
        type=int,
        default=int(_env("ENGINE_MEMORY", "-1") or -1),
        metavar="MIB",
        help="address space each query engine process may use, in MiB; a query needing more gets 503 "
        "(DIPLOGRAPH_ENGINE_MEMORY; default: the RAM shared by the engines and the server, at least 2048; 0: no cap)",
    )
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=_env_flag("ACCESS_LOG"),
        help="log one line per request (DIPLOGRAPH_ACCESS_LOG=1); off by default: formatting and writing "
        "it costs the event loop about a fifth of its time per query",
    )
    parser.add_argument(
        "--examples-dir",
        default=_env("EXAMPLES_DIR"),
        help="directory of *.rq example queries for the query page "
        "(DIPLOGRAPH_EXAMPLES_DIR; default: queries/)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    cors = args.cors_origin or _env_list("CORS_ORIGIN") or ["*"]
    kwargs = {"workers": args.workers} if args.workers > 0 else {}
    return Settings(
        store=args.store,
        host=args.host,
        port=args.port,
        base_iri=args.base_iri,
        query_timeout=args.query_timeout,
        update_token=args.update_token or None,
        service_allow=tuple(args.service_allow),
        service_allow_private=args.service_allow_private,
        engine_memory_mb=args.engine_memory if args.engine_memory >= 0 else None,
        cors_origins=tuple(cors),
        max_body_bytes=args.max_body_bytes,
        max_result_bytes=args.max_result_bytes,
        max_nesting=args.max_nesting,
        examples_dir=Path(args.examples_dir) if args.examples_dir else None,
        **kwargs,
    )


def public_url(settings: Settings) -> str:
    """The URL a local client reaches the server at (a wildcard bind address is reached on loopback)."""
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(settings.host, settings.host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{settings.port}/"


MAX_URL_BYTES = 65_535  # httptools cannot split a longer URL (16-bit offsets): it was a bare 400 before


def url_limited_protocol() -> type:
    """uvicorn's httptools protocol answering an over-long request URL with a 414 and a message.

    uvicorn buffers a request URL without limit and, past 64 KiB, answers "Invalid HTTP request
    received." (400): a client sending a long query by GET learns nothing from that, and a 100 MB URL
    sat in memory first.  Here the URL stops being read at the limit and the client is told to POST."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class UrlLimitedProtocol(HttpToolsProtocol):
        def on_url(self, url: bytes) -> None:
            super().on_url(url)
            if len(self.url) > MAX_URL_BYTES:
                raise ValueError("request URL too long")  # stops the parser: send_400_response follows

        def send_400_response(self, msg: str) -> None:
            if len(self.url) <= MAX_URL_BYTES:
                super().send_400_response(msg)
                return
            text = (
                f"the request URL is longer than this server's limit of {MAX_URL_BYTES} bytes; send a long "
                "query with POST (Content-Type application/sparql-query, or a form)\n"
            ).encode()
            head = (
                "HTTP/1.1 414 URI Too Long\r\ncontent-type: text/plain; charset=utf-8\r\n"
                f"content-length: {len(text)}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n"
            )
            self.transport.write(head.encode() + text)
            self.transport.close()

    return UrlLimitedProtocol


def run_from_args(args: argparse.Namespace) -> int:
    """Start uvicorn with the app and block until it stops, holding the store folder all along (a
    shared hold: other servers may read it too, but `diplograph build` stops and names this URL)."""
    import uvicorn

    from diplograph.api.app import create_app

    settings = settings_from_args(args)
    if not settings.updates_enabled:  # with writes on, a new store may start empty; else nothing to serve
        check_store(settings.store)
    with hold(settings.store, "serve", url=public_url(settings), updates=settings.updates_enabled):
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            http=url_limited_protocol(),
            log_level="info",
            access_log=args.access_log,
            proxy_headers=True,
            server_header=False,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m diplograph.api.server --store DIR`: the same as `diplograph serve`, for tests and the benchmark."""
    parser = argparse.ArgumentParser(prog="diplograph serve", description="Serve the graph over SPARQL.")
    add_serve_arguments(parser)
    try:
        return run_from_args(parser.parse_args(argv))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

"""A measuring prototype, not the server: pre-forked processes that run queries in-process.

    .venv/bin/python bench/endpoint/prefork.py --store DIR --port 8123 --processes 2 --timeout 5

What issue 12 asks to measure before building: how close to `oxigraph serve` a server gets once the
per-query process hop is gone but runaway queries can still be stopped.  The parent binds one listening
socket and forks `--processes` children; each opens the store read-only and serves POST /sparql with
uvicorn (httptools, uvloop when installed) on the shared socket, running each query on a thread of its
own process (pyoxigraph releases the GIL while it evaluates), with the endpoint's own strict form
decoding and query guard.  The watchdog: a query past `--timeout` gets 503, and its process stops
accepting, finishes its other requests and exits; the parent forks a replacement.  `bench.py --prefork N`
serves this beside the real endpoint and Oxigraph, so the three are measured in the same rounds.
Left out on purpose (see bench/README.md, "Pre-forked processes"): updates, Graph Store, pages, memory caps.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sys
import threading
import time

BASE = "https://w3id.org/diplograph/"


def child(sock: socket.socket, store_path: str, timeout: float, inline: bool) -> None:
    import pyoxigraph as ox
    import uvicorn

    from diplograph.api.sparql_text import QueryRejected, analyse, predeclared_prefixes
    from diplograph.api.web import ApiError, parse_params

    store = ox.Store.read_only(store_path)
    prefixes = predeclared_prefixes()
    server: uvicorn.Server | None = None
    stack = asyncio.Semaphore(64)  # threads running queries at once in this process

    def run(text: str, accept: str) -> tuple[str, bytes]:
        result = store.query(text, use_default_graph_as_union=True, prefixes=prefixes)
        if isinstance(result, ox.QueryTriples):
            return "text/turtle", result.serialize(format=ox.RdfFormat.TURTLE)
        return "application/sparql-results+json", result.serialize(format=ox.QueryResultsFormat.JSON)

    async def reply(send, status: int, media_type: str, body: bytes) -> None:
        headers = [(b"content-type", media_type.encode()), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        try:
            params = dict(parse_params(body, "the form body"))
            text = params.get("query")
            if text is None:
                raise ApiError(400, "missing parameter 'query'")
            analyse(text, 128, BASE, keep_tokens=False)
        except (ApiError, QueryRejected) as exc:
            await reply(send, 400, "text/plain", str(getattr(exc, "message", exc)).encode())
            return
        accept = dict(scope["headers"]).get(b"accept", b"").decode()
        loop = asyncio.get_running_loop()
        if inline:  # on the event loop itself: the watchdog thread kills the process past the deadline
            running[0] = time.monotonic()
            try:
                media_type, answer = run(text, accept)
            except Exception as exc:  # noqa: BLE001
                await reply(send, 400, "text/plain", str(exc).encode())
                return
            finally:
                running[0] = None
            await reply(send, 200, media_type, answer)
            return
        async with stack:
            future = loop.run_in_executor(None, run, text, accept)
            try:
                media_type, answer = await asyncio.wait_for(asyncio.shield(future), timeout)
            except TimeoutError:
                # The watchdog: the query cannot be cancelled, so this process stops taking connections
                # and exits once its other requests are answered; the parent forks a replacement.
                await reply(send, 503, "text/plain", b"the query ran past the time limit and was stopped")
                if server is not None:
                    server.should_exit = True
                    loop.call_later(timeout, os._exit, 0)  # other requests had a full timeout to finish
                return
            except Exception as exc:  # noqa: BLE001 - a syntax error and the like
                await reply(send, 400, "text/plain", str(exc).encode())
                return
        await reply(send, 200, media_type, answer)

    running: list[float | None] = [None]

    def watchdog() -> None:
        while True:
            time.sleep(0.1)
            started = running[0]
            if started is not None and time.monotonic() - started > timeout:
                os._exit(3)  # every connection of this process is cut, the runaway one without a 503

    if inline:
        threading.Thread(target=watchdog, daemon=True).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    os._exit(0)  # the runaway query's thread may still be running: do not wait for it


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--inline", action="store_true", help="run queries on the event loop (no thread hop)")
    args = parser.parse_args()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(1024)
    sock.set_inheritable(True)
    children: set[int] = set()
    stopping = False

    def fork() -> None:
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            child(sock, args.store, args.timeout, args.inline)
        children.add(pid)

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            os.kill(pid, signal.SIGKILL)

    signal.signal(signal.SIGTERM, stop)
    for _ in range(args.processes):
        fork()
    while children:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if not stopping:
            time.sleep(0.05)
            fork()
    return 0


if __name__ == "__main__":
    sys.exit(main())

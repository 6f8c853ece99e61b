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

`--front granian-rsgi|granian-asgi|granian-wsgi` serves the same handler with granian (a Rust HTTP server:
HTTP parsing and the sockets in Rust) instead of uvicorn: granian's own process manager forks `--processes`
workers, each with its own read-only store and its queries on daemon threads (with `--inline`: RSGI on the
event loop, WSGI on granian's blocking thread); past the deadline the worker answers 503 (with `--inline`, a
watchdog thread answers through granian's protocol object), sets granian's stop signal (graceful stop: no
new connections, answers in flight finish, idle keep-alive connections are closed) and granian's parent
respawns it (`respawn_failed_workers`).  See bench/README.md, "A Rust HTTP front".
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import queue
import signal
import socket
import sys
import threading
import time

BASE = "https://w3id.org/diplograph/"


def query_runner(store_path: str):
    """run(text, accept) -> (media type, bytes) on a read-only store of this process's own."""
    import pyoxigraph as ox

    from diplograph.api.sparql_text import predeclared_prefixes

    store = ox.Store.read_only(store_path)
    prefixes = predeclared_prefixes()

    def run(text: str, accept: str) -> tuple[str, bytes]:
        result = store.query(text, use_default_graph_as_union=True, prefixes=prefixes)
        if isinstance(result, ox.QueryTriples):
            return "text/turtle", result.serialize(format=ox.RdfFormat.TURTLE)
        return "application/sparql-results+json", result.serialize(format=ox.QueryResultsFormat.JSON)

    return run


def checked_query(body: bytes) -> str:
    """The query of a form body, decoded and guarded as the endpoint does; ApiError or QueryRejected."""
    from diplograph.api.sparql_text import analyse
    from diplograph.api.web import ApiError, parse_params

    params = dict(parse_params(body, "the form body"))
    text = params.get("query")
    if text is None:
        raise ApiError(400, "missing parameter 'query'")
    analyse(text, 128, BASE, keep_tokens=False)
    return text


class DaemonThreads:
    """A fixed set of daemon threads running queries: a worker that exits does not wait for a runaway one
    (a ThreadPoolExecutor's threads are joined at exit)."""

    def __init__(self, count: int) -> None:
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        for _ in range(count):
            threading.Thread(target=self.work, daemon=True).start()

    def work(self) -> None:
        while True:
            loop, future, fn, args = self.jobs.get()
            try:
                outcome, error = fn(*args), None
            except Exception as exc:  # noqa: BLE001
                outcome, error = None, exc
            if loop is None:
                self.settle(future, outcome, error)
            else:
                loop.call_soon_threadsafe(self.settle, future, outcome, error)

    @staticmethod
    def settle(
        future: asyncio.Future | concurrent.futures.Future, outcome: object, error: BaseException | None
    ) -> None:
        if future.cancelled():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(outcome)

    def submit_sync(self, fn, *args) -> concurrent.futures.Future:
        """For a thread that waits: the result through a concurrent.futures.Future (a futex, no event loop)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self.jobs.put((None, future, fn, args))
        return future

    def submit(self, fn, *args) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.jobs.put((loop, future, fn, args))
        return future



async def read_body(receive) -> bytes:
    """An ASGI request's whole body."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body

def child(sock: socket.socket, store_path: str, timeout: float, inline: bool) -> None:
    import uvicorn

    from diplograph.api.sparql_text import QueryRejected, analyse
    from diplograph.api.web import ApiError, parse_params

    run = query_runner(store_path)
    server: uvicorn.Server | None = None
    stack = asyncio.Semaphore(64)  # threads running queries at once in this process

    async def reply(send, status: int, media_type: str, body: bytes) -> None:
        headers = [(b"content-type", media_type.encode()), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = await read_body(receive)
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


# The worker's stop signal (granian's WorkerSignal), caught when granian's worker makes it: setting it is
# granian's graceful stop of the worker even while its event loop is blocked (see serve_granian).
WORKER_SIGNAL: list = []


def granian_app(store_path: str, timeout: float, interface: str, threads: int, inline: bool = False):
    """Built in each granian worker, after the fork: the RSGI or ASGI app over this worker's own store."""
    from diplograph.api.sparql_text import QueryRejected
    from diplograph.api.web import ApiError

    run = query_runner(store_path)
    draining = [False]

    def drain() -> None:
        """The kill switch: granian's graceful stop of this worker (it stops accepting, finishes the answers
        in flight, closes idle keep-alive connections and exits), then granian's parent respawns it; a
        worker still up after one more timeout exits anyway."""
        if draining[0]:
            return
        draining[0] = True
        if WORKER_SIGNAL:
            WORKER_SIGNAL[0].set()
        else:
            os.kill(os.getpid(), signal.SIGTERM)
        timer = threading.Timer(timeout, os._exit, (0,))
        timer.daemon = True
        timer.start()

    if interface == "wsgi":
        return wsgi_app(run, drain, timeout, threads, inline)

    if inline:  # RSGI, the query on the event loop; a watchdog thread answers 503 through the protocol object
        assert interface == "rsgi"
        lock = threading.Lock()
        running: list = [None]  # [proto, started] of the query on the loop, or None

        def watchdog() -> None:
            while True:
                time.sleep(0.05)
                with lock:
                    current = running[0]
                    if current is None or time.monotonic() - current[1] <= timeout:
                        continue
                    running[0] = None  # the loop's own answer, if it ever comes, is dropped
                current[0].response_bytes(
                    503, [("content-type", "text/plain")], b"the query ran past the time limit and was stopped"
                )
                drain()

        threading.Thread(target=watchdog, daemon=True).start()

        async def rsgi_inline(scope, proto) -> None:
            if scope.proto != "http":
                return
            body = await proto()
            try:
                text = checked_query(body)
            except (ApiError, QueryRejected) as exc:
                proto.response_bytes(400, [("content-type", "text/plain")], str(getattr(exc, "message", exc)).encode())
                return
            slot = [proto, time.monotonic()]
            running[0] = slot
            try:
                status, (media_type, data) = 200, run(text, scope.headers.get("accept") or "")
            except Exception as exc:  # noqa: BLE001
                status, media_type, data = 400, "text/plain", str(exc).encode()
            with lock:
                if running[0] is not slot:
                    return  # the watchdog answered 503
                running[0] = None
            proto.response_bytes(status, [("content-type", media_type)], data)

        return rsgi_inline

    pool = DaemonThreads(threads)

    async def answer(body: bytes, accept: str) -> tuple[int, str, bytes]:
        try:
            text = checked_query(body)
        except (ApiError, QueryRejected) as exc:
            return 400, "text/plain", str(getattr(exc, "message", exc)).encode()
        try:
            media_type, data = await asyncio.wait_for(pool.submit(run, text, accept), timeout)
        except TimeoutError:
            drain()
            return 503, "text/plain", b"the query ran past the time limit and was stopped"
        except Exception as exc:  # noqa: BLE001 - a syntax error and the like
            return 400, "text/plain", str(exc).encode()
        return 200, media_type, data

    if interface == "rsgi":

        async def rsgi(scope, proto) -> None:
            if scope.proto != "http":
                return
            body = await proto()
            status, media_type, data = await answer(body, scope.headers.get("accept") or "")
            proto.response_bytes(status, [("content-type", media_type)], data)

        return rsgi

    async def asgi(scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = await read_body(receive)
        accept = dict(scope["headers"]).get(b"accept", b"").decode()
        status, media_type, data = await answer(body, accept)
        headers = [(b"content-type", media_type.encode()), (b"content-length", str(len(data)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    return asgi


def wsgi_app(run, drain, timeout: float, threads: int, inline: bool):
    """WSGI on granian's blocking threads (no event loop, no asyncio task).  With `inline` the query runs on
    the blocking thread itself; a watchdog thread answers 503 past the deadline through granian's protocol
    object of that request (put in the environ by serve_granian) and stops the worker.  Without, the
    blocking thread hands the query to a daemon thread and waits on a future with a timeout."""
    from diplograph.api.sparql_text import QueryRejected
    from diplograph.api.web import ApiError

    pool = None if inline else DaemonThreads(threads)
    lock = threading.Lock()
    started: dict[int, tuple[float, object]] = {}  # with inline: thread id -> (start, protocol object)

    def watchdog() -> None:
        while True:
            time.sleep(0.05)
            now = time.monotonic()
            with lock:
                late = [me for me, (t, _) in started.items() if now - t > timeout]
                protos = [started.pop(me)[1] for me in late]
            for proto in protos:
                proto.response_bytes(
                    503, [("content-type", "text/plain")], b"the query ran past the time limit and was stopped"
                )
            if protos:
                drain()

    if inline:
        threading.Thread(target=watchdog, daemon=True).start()

    def app(environ, start_response):
        body = environ["wsgi.input"].read()
        try:
            text = checked_query(body)
        except (ApiError, QueryRejected) as exc:
            start_response("400 Bad Request", [("content-type", "text/plain")])
            return [str(getattr(exc, "message", exc)).encode()]
        accept = environ.get("HTTP_ACCEPT", "")
        try:
            if pool is None:
                me = threading.get_ident()
                started[me] = (time.monotonic(), environ["granian.proto"])
                try:
                    media_type, data = run(text, accept)
                finally:
                    with lock:
                        answered = started.pop(me, None) is None
                if answered:  # the watchdog answered 503 (granian then fails to answer twice: a log line)
                    start_response("503 Service Unavailable", [])
                    return []
            else:
                media_type, data = pool.submit_sync(run, text, accept).result(timeout)
        except concurrent.futures.TimeoutError:
            drain()
            start_response("503 Service Unavailable", [("content-type", "text/plain")])
            return [b"the query ran past the time limit and was stopped"]
        except Exception as exc:  # noqa: BLE001
            start_response("400 Bad Request", [("content-type", "text/plain")])
            return [str(exc).encode()]
        start_response("200 OK", [("content-type", media_type)])
        return [data]

    return app


class NoCrashLoopGuard(dict):
    """granian's parent gives up (exits) when a worker it respawned less than 5.5 s ago exits again: here
    a worker's exit is the kill switch, which may well come twice in 5.5 s, so it never remembers."""

    def get(self, key, default=None):
        return float("-inf")


def serve_granian(args: argparse.Namespace) -> int:
    import granian._signals
    import granian.server.mp
    from granian.constants import HTTPModes, Interfaces, Loops, TaskImpl
    from granian.log import LogLevels
    from granian.server import Server

    make_signal = granian._signals.set_loop_signals

    def caught_signal(loop):
        WORKER_SIGNAL[:] = [make_signal(loop)]
        return WORKER_SIGNAL[0]

    make_sync_signal = granian._signals.set_sync_signals

    def caught_sync_signal():
        WORKER_SIGNAL[:] = [make_sync_signal()]
        return WORKER_SIGNAL[0]

    wrap_wsgi = granian.server.mp._wsgi_call_wrap

    def wsgi_with_proto(callback, scope_opts, access_log_fmt=None):
        runner = wrap_wsgi(callback, scope_opts, access_log_fmt)

        def with_proto(proto, scope):
            scope["granian.proto"] = proto  # so that a watchdog thread can answer 503 (wsgi --inline)
            return runner(proto, scope)

        return with_proto

    granian.server.mp._wsgi_call_wrap = wsgi_with_proto
    granian._signals.set_loop_signals = caught_signal  # imported by each worker when it starts
    granian._signals.set_sync_signals = caught_sync_signal

    interface = args.front.removeprefix("granian-")
    if args.inline and interface == "asgi":
        raise SystemExit("--inline with granian: RSGI or WSGI only")
    server = Server(
        "prefork",
        address=args.host,
        port=args.port,
        interface={"rsgi": Interfaces.RSGI, "asgi": Interfaces.ASGINL, "wsgi": Interfaces.WSGI}[interface],
        workers=args.processes,
        blocking_threads=args.threads if interface == "wsgi" else None,
        http=HTTPModes.http1,
        loop=Loops.uvloop,
        websockets=False,
        log_level=LogLevels.warning,
        respawn_failed_workers=True,
        respawn_interval=0.05,
        task_impl=TaskImpl.rust if args.task_impl == "rust" else TaskImpl.asyncio,
    )
    server.respawned_wrks = NoCrashLoopGuard()
    # The workers are forked (multiprocessing's default on Linux), so the loader need not be importable.
    server.serve(
        target_loader=lambda _target: granian_app(args.store, args.timeout, interface, args.threads, args.inline)
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--inline", action="store_true", help="run queries on the event loop (no thread hop)")
    parser.add_argument(
        "--front", choices=["uvicorn", "granian-rsgi", "granian-asgi", "granian-wsgi"], default="uvicorn"
    )
    parser.add_argument(
        "--threads", type=int, default=16, help="query threads (WSGI: blocking threads) per granian worker"
    )
    parser.add_argument("--task-impl", choices=["asyncio", "rust"], default="asyncio", help="granian's")
    args = parser.parse_args()
    if args.front != "uvicorn":
        return serve_granian(args)
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

"""An engine process: owns one pyoxigraph Store handle and runs tasks sent by api.workers.

The server never touches pyoxigraph in its own process, because a query cannot be cancelled and
some inputs crash the engine: a worker that overruns its time is killed and replaced, and a worker
that crashes only loses the request it was running.  Readers open the store read-only; the single
writer (only started when updates are enabled) holds the read-write handle.

Wire format on stdin/stdout: frames of one type byte, a 4-byte big-endian length and a payload.
Tasks are pickled dicts (both ends are this package).  Replies: ``R`` ready, ``X`` error
(pickled {status, message}), ``J`` a pickled value, ``C`` a whole result (what the query cost in
microseconds as 4 bytes: the engine thread's CPU time, or the time waited for a store behind a URL, so
the server can tell quick queries from heavy ones however busy the machine is; one byte giving the
length of the media type, the media type, the body), or a streamed body: ``H`` head (pickled
{media_type, complete}), ``D`` data chunks, ``E`` end, or ``A`` abort (error after the head).
"""

from __future__ import annotations

import argparse
import io
import json
import pickle
import resource
import secrets
import struct
import sys
import threading
import time
from typing import BinaryIO

import pyoxigraph as ox

from diplograph.api import formats
from diplograph.api.sparql_text import predeclared_prefixes, syntax_error_message
from diplograph.graph.bindings import Binding
from diplograph.graph.store import StoreError, ntriples_block, open_store

HEADER = struct.Struct(">cI")
CPU_TIME = struct.Struct(">I")  # microseconds, at the start of a C frame
FIRST_FLUSH = 256 * 1024  # results below this size are answered in one piece (errors stay clean)
CHUNK = 64 * 1024
REOPEN_ATTEMPTS = 8
# The engine recurses once per UNION branch, OPTIONAL, BIND, operator in a chain, ...: on the main
# thread's 8 MiB stack a 10,000-branch UNION overflowed it and killed the process.  Tasks run on a
# thread with this much stack (address space, touched only as deep as a query goes).
ENGINE_STACK = 256 * 1024 * 1024
NEGOTIATED_CACHE = 256  # (Accept, format) pairs remembered per engine; a bound against hostile headers


class TaskError(Exception):
    """An error the client should see, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class ResultTooLarge(Exception):
    pass


def read_frame(stream: BinaryIO) -> tuple[bytes, bytes] | None:
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    kind, length = HEADER.unpack(head)
    return kind, stream.read(length)


def frame(kind: bytes, payload: bytes = b"") -> bytes:
    return HEADER.pack(kind, len(payload)) + payload


def write_frame(stream: BinaryIO, kind: bytes, payload: bytes = b"") -> None:
    stream.write(frame(kind, payload))
    stream.flush()


class FrameWriter(io.RawIOBase):
    """A file-like sink for pyoxigraph's serializers that streams frames and enforces the result cap."""

    def __init__(
        self, out: BinaryIO, media_type: str, max_bytes: int, started: float = 0.0, clock=time.thread_time
    ) -> None:
        super().__init__()
        self.out, self.media_type, self.max_bytes = out, media_type, max_bytes
        self.clock = clock
        self.started = started or clock()
        self.buffer = bytearray()
        self.total = 0
        self.committed = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.total += len(data)
        if self.total > self.max_bytes:
            raise ResultTooLarge()
        self.buffer += data
        if (self.committed and len(self.buffer) >= CHUNK) or len(self.buffer) >= FIRST_FLUSH:
            self._send(complete=False)
        return len(data)

    def flush(self) -> None:  # pyoxigraph flushes at the end; the frames are sent by finish()
        pass

    def _send(self, complete: bool, end: bool = False) -> None:
        """Send what is buffered.  A whole result goes as one C frame (media type and body, nothing to
        unpickle: one read and one wake-up of the server); a large one as head, data chunks and end."""
        if end and not self.committed:
            media = self.media_type.encode()
            self.committed = True
            cpu = CPU_TIME.pack(min(int((self.clock() - self.started) * 1e6), 2**32 - 1))
            self.out.write(
                b"".join(
                    (
                        HEADER.pack(b"C", CPU_TIME.size + 1 + len(media) + len(self.buffer)),
                        cpu,
                        bytes((len(media),)),
                        media,
                        self.buffer,
                    )
                )
            )
            self.out.flush()
            return
        frames = []
        if not self.committed:
            frames.append(frame(b"H", pickle.dumps({"media_type": self.media_type, "complete": complete})))
            self.committed = True
        if self.buffer:
            frames.append(frame(b"D", bytes(self.buffer)))
            self.buffer.clear()
        if end:
            frames.append(frame(b"E"))
        self.out.write(b"".join(frames))
        self.out.flush()

    def finish(self) -> None:
        self._send(complete=not self.committed, end=True)


class Engine:
    """The store handle of this process and the tasks it can run."""

    def __init__(self, path: str, writable: bool) -> None:
        self.path, self.writable = path, writable
        # What a query costs: this thread's CPU time, or the time waited for a store behind a URL (whose
        # work happens elsewhere); the server sorts queries into lanes by it (api/workers.py).
        self.clock = time.monotonic if str(path).startswith(("http://", "https://")) else time.thread_time
        self.store = open_store(path, read_only=not writable)
        self.negotiated: dict[tuple[str | None, str | None, bool], str] = {}  # (accept, format, graph?)
        self.prefixes = predeclared_prefixes()  # dg:, rdfs:, ... usable without PREFIX

    def reopen(self) -> None:
        """Take a fresh read-only snapshot (after a write, or after a read error).

        The writer's background compaction may delete a file between our reading the manifest and
        opening the file; RocksDB then reports corruption.  Such races are short: retry."""
        self.store = None  # type: ignore[assignment]  # drop the old handle before opening again
        for attempt in range(REOPEN_ATTEMPTS):
            try:
                self.store = open_store(self.path, read_only=not self.writable)
                return
            except (OSError, RuntimeError, StoreError):
                if attempt == REOPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    # -- reads ---------------------------------------------------------------------------------

    def _query(self, task: dict):
        kwargs: dict = {"base_iri": task.get("base_iri"), "prefixes": self.prefixes}
        defaults, named = task.get("default_graphs"), task.get("named_graphs")
        if defaults is not None or named is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in defaults or []]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named or []]
        elif task.get("union", True):
            kwargs["use_default_graph_as_union"] = True
        if task.get("bindings"):
            kwargs["substitutions"] = {ox.Variable(n): Binding(n, t).to_term() for n, t in task["bindings"]}
        try:
            return self.store.query(task["query"], **kwargs)
        except RuntimeError as exc:
            if "substitutions" in kwargs and "variable" in str(exc):  # bound, but not a variable of the result
                raise TaskError(400, f"bind: {exc}; only variables the SELECT clause lists can be bound") from None
            raise
        except SyntaxError as exc:
            raise TaskError(400, syntax_error_message(task["query"], str(exc), self.prefixes)) from None
        except ValueError as exc:
            raise TaskError(400, str(exc)) from None

    def query(self, task: dict, out: BinaryIO) -> None:
        started = self.clock()
        try:
            result = self._query(task)
        except (OSError, RuntimeError) as exc:
            if task.get("remote"):  # an allow-listed SERVICE failed: not this server's fault, and not retried
                raise TaskError(502, f"a SERVICE endpoint of the query failed: {exc}") from None
            if self.writable:
                raise
            self.reopen()  # a read-only snapshot can lose files to the writer's compaction: retry once
            result = self._query(task)
        is_graph = isinstance(result, ox.QueryTriples)
        key = (task.get("accept"), task.get("format"), is_graph)
        media = self.negotiated.get(key)
        if media is None:
            offers = formats.rdf_offers() if is_graph else formats.result_offers()
            try:
                media = formats.negotiate(key[0], offers, key[1], graph_result=is_graph)
            except formats.NotAcceptable as exc:
                raise TaskError(406, str(exc)) from None
            if len(self.negotiated) < NEGOTIATED_CACHE:  # clients send few distinct Accept headers
                self.negotiated[key] = media
        fmt = formats.RDF[media] if is_graph else formats.RESULTS[media]
        writer = FrameWriter(out, media, task["max_bytes"], started, self.clock)
        self._serialize(writer, lambda: result.serialize(writer, fmt), 502 if task.get("remote") else 500)

    def graph_get(self, task: dict, out: BinaryIO) -> None:
        graph = self._graph(task.get("graph"))
        if isinstance(graph, ox.NamedNode) and not self.store.contains_named_graph(graph):
            raise TaskError(404, f"no graph <{graph.value}> in the store")
        try:
            media = formats.negotiate(
                task.get("accept"), formats.rdf_offers(datasets=False), task.get("format"), graph_result=True
            )
        except formats.NotAcceptable as exc:
            raise TaskError(406, str(exc)) from None
        writer = FrameWriter(out, media, task["max_bytes"])
        triples = (q.triple for q in self.store.quads_for_pattern(None, None, None, graph))
        self._serialize(writer, lambda: ox.serialize(triples, writer, formats.RDF[media]))

    @staticmethod
    def _serialize(writer: FrameWriter, run, failure: int = 500) -> None:
        try:
            run()
        except ResultTooLarge:
            message = (
                f"the result is larger than this server's cap of {writer.max_bytes} bytes; "
                "narrow the query or add a LIMIT"
            )
            if writer.committed:
                write_frame(writer.out, b"A", pickle.dumps({"status": 413, "message": message}))
                return
            raise TaskError(413, message) from None
        except (OSError, RuntimeError, ValueError) as exc:
            if writer.committed:
                write_frame(writer.out, b"A", pickle.dumps({"status": failure, "message": str(exc)}))
                return
            raise TaskError(failure, f"query evaluation failed: {exc}") from None
        writer.finish()

    def rows(self, task: dict) -> list[dict]:
        """Run several SELECT queries (union default graph) and return their SPARQL JSON results."""
        results = []
        for sparql in task["queries"]:
            buffer = io.BytesIO()
            self._query({"query": sparql}).serialize(buffer, ox.QueryResultsFormat.JSON)
            results.append(json.loads(buffer.getvalue()))
        return results

    # -- writes (the writer process only) ------------------------------------------------------

    def update(self, task: dict) -> dict:
        try:
            self.store.update(task["update"], base_iri=task.get("base_iri"), prefixes=self.prefixes)
        except SyntaxError as exc:
            raise TaskError(400, syntax_error_message(task["update"], str(exc), self.prefixes)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise TaskError(400, f"update failed: {exc}") from None
        return {}

    def graph_write(self, task: dict) -> dict:
        """PUT (replace) or POST (merge) a graph in one transaction; reports whether it was created."""
        graph = self._graph(task.get("graph"))
        triples, several = [], len(task["parts"]) > 1
        for number, (data, media_type) in enumerate(task["parts"]):
            scope = f"f{number}x{secrets.token_hex(6)}" if several else ""
            triples += self._parse_part(data, media_type, task.get("base_iri"), scope)
        named = isinstance(graph, ox.NamedNode)
        existed = not named or self.store.contains_named_graph(graph)
        target = f"GRAPH <{graph.value}>" if named else "DEFAULT"
        parts = [f"DROP SILENT {target}"] if task["op"] == "graph_put" else []
        if named:
            parts.append(f"CREATE SILENT GRAPH <{graph.value}>")
        if triples:
            body = ntriples_block((t.subject, t.predicate, t.object) for t in triples)
            parts.append(
                f"INSERT DATA {{ GRAPH <{graph.value}> {{\n{body}\n}} }}" if named else f"INSERT DATA {{\n{body}\n}}"
            )
        if parts:
            self.store.update(" ;\n".join(parts))
        return {"created": not existed}

    @staticmethod
    def _parse_part(data: bytes, media_type: str, base_iri: str | None, scope: str) -> list[ox.Triple]:
        """The triples of one uploaded document; `scope` keeps blank nodes of different files apart."""
        try:
            quads = ox.parse(data, formats.RDF[media_type], base_iri=base_iri)
            triples = [q.triple if isinstance(q, ox.Quad) else q for q in quads]
        except KeyError:
            raise TaskError(415, f"cannot read RDF as {media_type}") from None
        except SyntaxError as exc:
            raise TaskError(400, f"RDF syntax error: {exc}") from None
        if not scope:
            return triples

        def scoped(term):
            return ox.BlankNode(scope + term.value) if isinstance(term, ox.BlankNode) else term

        return [ox.Triple(scoped(t.subject), t.predicate, scoped(t.object)) for t in triples]

    def graph_delete(self, task: dict) -> dict:
        graph = self._graph(task.get("graph"))
        if isinstance(graph, ox.NamedNode):
            if not self.store.contains_named_graph(graph):
                raise TaskError(404, f"no graph <{graph.value}> in the store")
            self.store.update(f"DROP GRAPH <{graph.value}>")
        else:
            self.store.update("DROP SILENT DEFAULT")
        return {}

    @staticmethod
    def _graph(name: str | None) -> ox.NamedNode | ox.DefaultGraph:
        try:
            return ox.DefaultGraph() if name is None else ox.NamedNode(name)
        except ValueError as exc:
            raise TaskError(400, f"invalid graph IRI: {exc}") from None


def handle(engine: Engine, task: dict, out: BinaryIO) -> None:
    op = task["op"]
    try:
        if op == "query":
            engine.query(task, out)
            return
        if op == "graph_get":
            engine.graph_get(task, out)
            return
        if op == "reopen":
            engine.reopen()
            value: object = {}
        elif op == "rows":
            value = engine.rows(task)
        elif op == "update" and engine.writable:
            value = engine.update(task)
        elif op in ("graph_put", "graph_post") and engine.writable:
            value = engine.graph_write(task)
        elif op == "graph_delete" and engine.writable:
            value = engine.graph_delete(task)
        else:
            raise TaskError(500, f"unknown task {op!r}")
    except TaskError as exc:
        write_frame(out, b"X", pickle.dumps({"status": exc.status, "message": str(exc)}))
        return
    except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
        write_frame(out, b"X", pickle.dumps({"status": 500, "message": f"{type(exc).__name__}: {exc}"}))
        return
    except MemoryError:  # Python's own allocations under the cap (the engine's abort the process)
        message = "the query needed more memory than this server allows a query engine, and was stopped"
        write_frame(out, b"X", pickle.dumps({"status": 503, "message": message}))
        return
    write_frame(out, b"J", pickle.dumps(value))


def cap_memory(megabytes: int) -> None:
    """Cap this process's address space, so a query that builds a huge intermediate result fails in
    its own engine (which the server replaces) instead of pushing the machine into swap or the OOM
    killer's hands."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--mode", choices=["read", "write"], default="read")
    parser.add_argument("--memory-mb", type=int, default=0, help="address-space cap of this process (0: none)")
    args = parser.parse_args(argv)
    stdin, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must never corrupt the frame stream
    threading.stack_size(ENGINE_STACK)
    statuses: list[int] = []
    thread = threading.Thread(target=lambda: statuses.append(serve(args, stdin, out)), name="engine")
    thread.start()
    thread.join()
    return statuses[0] if statuses else 1


def serve(args: argparse.Namespace, stdin: BinaryIO, out: BinaryIO) -> int:
    """Open the store and run tasks until stdin closes (on the engine thread, with its large stack)."""
    try:
        engine = Engine(args.store, writable=args.mode == "write")
    except (StoreError, OSError) as exc:
        write_frame(out, b"X", pickle.dumps({"status": 503, "message": str(exc)}))
        return 1
    cap_memory(args.memory_mb)  # after opening: RocksDB's start-up (its threads' stacks) is not a query's
    write_frame(out, b"R")
    while (frame := read_frame(stdin)) is not None:
        handle(engine, pickle.loads(frame[1]), out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Where the time of one cheap query goes: in-process costs, then the CPU of each process under load.

    .venv/bin/python bench/endpoint/profile.py --triples 100000

Uses bench.py's graph and query mix.  Prints (1) the CPU time per query of each step run in this
process, one step at a time: pyoxigraph's query alone, query plus serialization, the server's query guard
(api/sparql_text.analyse) and the strict form decoding (api/web.parse_params); (2) the CPU time per
request of the uvicorn process, each engine process and the benchmark client while 8 clients load a
real server for a few seconds (from /proc).  Compare (2)'s total with `oxigraph serve`'s CPU ms/req in
bench.py's output.

`--server` profiles another server under the same load instead of the endpoint: the prototype
prefork.py behind uvicorn or granian (`prefork`, `prefork-inline`, `granian-rsgi`, `granian-rsgi-inline`,
`granian-asgi`, `granian-wsgi`, `granian-wsgi-inline`, 2 processes) or `oxigraph`; (2) then also splits
each process's CPU by thread name and id (/proc/PID/task), e.g. granian's Rust runtime threads against the
Python event loop and query threads.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

from bench import (
    BASE,
    ROOT,
    Server,
    diplograph_server,
    free_port,
    prefork_command,
    query_stream,
    run_load,
    start,
    stop,
    synthetic_graph,
    tool,
)
from diplograph.api.sparql_text import analyse, predeclared_prefixes
from diplograph.api.web import parse_params


def per_query(label: str, items: list, step) -> None:
    started = time.process_time()
    for item in items:
        step(item)
    print(f"  {label:44s} {(time.process_time() - started) * 1e6 / len(items):7.1f} us")


def cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of each thread of a process, by name and thread id."""
    found: dict[str, float] = {}
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        name, fields = f"{head.split('(', 1)[1]} {stat.parent.name}", rest.split()  # name and thread id
        found[name] = found.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def prototype(kind: str, store: Path) -> Server:
    """The prototype (prefork.py) or `oxigraph serve` as bench.py serves them."""
    port = free_port()
    if kind == "oxigraph":
        cmd = [
            str(tool("oxigraph")),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ]
        return Server(kind, cmd, f"http://127.0.0.1:{port}/query")
    cmd = prefork_command(store, port, 2)
    front, _, inline = kind.partition("-inline")
    cmd += ["--front", "uvicorn" if front == "prefork" else front] + (["--inline"] if kind.endswith("-inline") else [])
    return Server(kind, cmd, f"http://127.0.0.1:{port}/sparql", cwd=ROOT)


def session_cpu(session: int) -> dict[int, float]:
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[3]) == session:
                found[int(stat.parent.name)] = cpu_of(int(stat.parent.name))
        except (OSError, IndexError):
            continue
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument(
        "--server",
        default="diplograph",
        choices=[
            "diplograph",
            "prefork",
            "prefork-inline",
            "granian-rsgi",
            "granian-rsgi-inline",
            "granian-asgi",
            "granian-wsgi",
            "granian-wsgi-inline",
            "oxigraph",
        ],
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dg-profile-"))
    graph = synthetic_graph(args.triples, work / "data.nq")
    store = ox.Store(str(work / "store"))
    store.bulk_load(path=str(work / "data.nq"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    reader = ox.Store.read_only(str(work / "store"))
    stream = query_stream(graph, 0, 7)
    items = [next(stream) for _ in range(4000)]
    prefixes = predeclared_prefixes()

    def query(item):
        _, text, accept = item
        result = reader.query(text, use_default_graph_as_union=True, prefixes=prefixes)
        return result, ox.QueryResultsFormat.JSON if accept.endswith("json") else ox.RdfFormat.TURTLE

    def serialize(result, fmt) -> bytes:
        return result.serialize(format=fmt)

    print(f"(1) one step at a time, in this process, CPU per query ({len(items)} queries of bench.py's mix):")
    per_query("pyoxigraph query (lazy: little evaluation)", items, query)
    per_query("pyoxigraph query + serialization to bytes", items, lambda item: serialize(*query(item)))
    per_query("query guard (sparql_text.analyse)", items, lambda item: analyse(item[1], 128, BASE, keep_tokens=False))
    bodies = [urlencode({"query": item[1]}).encode() for item in items]
    per_query("form decoding (web.parse_params)", bodies, parse_params)

    if args.server == "diplograph":
        server = diplograph_server("diplograph", work / "store", ROOT)
    else:
        server = prototype(args.server, work / "store")
    start(server, work / "server.log", 60)
    assert server.proc is not None
    try:
        asyncio.run(run_load(server.url, graph, 2, 2, 1))  # warm-up
        before = session_cpu(server.proc.pid)
        threads_before = {pid: thread_cpu(pid) for pid in before}
        client_before = time.process_time()
        result = asyncio.run(run_load(server.url, graph, args.clients, args.seconds, 3))
        client = time.process_time() - client_before
        after = session_cpu(server.proc.pid)
        threads_after = {pid: thread_cpu(pid) for pid in after}
    finally:
        stop(server)
    n = result["n"]
    print(
        f"(2) under load ({args.clients} clients, {args.seconds:g} s, {result['rps']:.0f} req/s, "
        f"p50 {result['p50'] * 1000:.1f} ms), CPU per request:"
    )
    total = 0.0
    for pid in sorted(after):
        share = (after[pid] - before.get(pid, 0.0)) * 1000 / n
        total += share
        if args.server == "diplograph":
            label = "uvicorn (front)" if pid == server.proc.pid else f"engine {pid}"
        else:
            label = "parent" if pid == server.proc.pid else f"process {pid}"
        print(f"  {label:44s} {share:7.3f} ms")
        if args.server != "diplograph":
            for name, seconds in sorted(threads_after.get(pid, {}).items()):
                used = (seconds - threads_before.get(pid, {}).get(name, 0.0)) * 1000 / n
                if used >= 0.001:
                    print(f"    thread {name:37s} {used:7.3f} ms")
    print(f"  {'server in all':44s} {total:7.3f} ms")
    print(f"  {'benchmark client (this process)':44s} {client * 1000 / n:7.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

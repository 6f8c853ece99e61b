"""Load and soak: many concurrent clients on a mixed load, then the same with a runaway query a second.

    .venv/bin/python bench/load/load.py                      # 50 clients, 2 phases of 60 s
    .venv/bin/python bench/load/load.py --store var/store    # serve an existing store instead

Builds a store from the first articles of tests/corpus/dev (or takes --store), serves it with
`python -m diplograph.api.server` on 127.0.0.1 (loopback only), and runs two phases of a bounded
length with keep-alive clients, each cycling through the competency queries (queries/cq*.rq,
POST /sparql), Linked Data pages of the graph's entities (GET /id/..., as a browser asks), the query
page (/) and the ontology page (/ontology as HTML):

1. the clients alone;
2. the same, while one more client sends a runaway query (a COUNT over a three-way cross join of the
   store) every second, each on its own connection, which the server must stop at its timeout.

Prints, per phase: requests served, errors (any status >= 400 or a broken connection; must be 0),
p50/p99 latency overall and per kind, and the server's peak memory (the summed RSS of the server and
its engine processes, sampled every 0.2 s); for phase 2 also what became of the runaway queries.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "endpoint"))
from bench import Connection, Server, free_port, start, stop  # noqa: E402  (the endpoint benchmark's client)

BASE = "https://w3id.org/diplograph/"
JSON = "application/sparql-results+json"
HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"  # what a browser sends
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# One client's cycle: competency queries and Linked Data pages most, the two pages now and then.
CYCLE = ["cq", "entity", "cq", "entity", "query page", "cq", "entity", "cq", "entity", "ontology page"]


def competency_queries() -> list[str]:
    folder = files("diplograph.queries")
    return [f.read_text() for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.startswith("cq")]


def build_store(docs: int, store: Path) -> None:
    articles = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))[:docs]
    done = subprocess.run(
        [sys.executable, "-m", "diplograph", "build", *map(str, articles), "--store", str(store), "--jobs", "2"],
        capture_output=True,
        text=True,
    )
    if done.returncode:  # the facts SHACL rejects are reported on stderr too: shown only if the build fails
        raise SystemExit(f"building the store failed:\n{done.stderr[-2000:]}")


def group_rss(session: int) -> tuple[int, int]:
    """(summed RSS in bytes, number of processes) of every process in the server's session."""
    total = count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[3]) != session:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError):
            continue  # ended meanwhile
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total, count = total + int(line.split()[1]) * 1024, count + 1
    return total, count


class Phase:
    """What one phase measured."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {kind: [] for kind in set(CYCLE)}
        self.errors: Counter[str] = Counter()
        self.runaway: Counter[str] = Counter()
        self.peak_rss = self.peak_processes = 0
        self.seconds = 0.0


async def entity_paths(host: str, port: int) -> list[str]:
    """Paths of up to 200 entities of the graph (their Linked Data pages)."""
    query = f'SELECT DISTINCT ?s WHERE {{ ?s a ?t FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }} LIMIT 200'
    connection = Connection(host, port)
    try:
        status, body = await connection.post("/sparql", urlencode({"query": query}).encode(), JSON)
    finally:
        await connection.close()
    assert status == 200, body[:200]
    bindings = json.loads(body)["results"]["bindings"]  # percent-encoded as a browser does (nguyễn-phú-trọng)
    return [quote("/" + b["s"]["value"].removeprefix(BASE), safe="/:") for b in bindings]


async def client(n: int, host: str, port: int, stop_at: float, cqs: list[str], paths: list[str], phase: Phase):
    connection = Connection(host, port)
    i = n
    try:
        while time.perf_counter() < stop_at:
            kind = CYCLE[i % len(CYCLE)]
            if kind == "cq":
                method, target, accept = "POST", "/sparql", JSON
                body: bytes | None = urlencode({"query": cqs[(i // len(CYCLE)) % len(cqs)]}).encode()
            else:
                method, accept, body = "GET", HTML, None
                target = {"query page": "/", "ontology page": "/ontology"}.get(kind) or paths[i % len(paths)]
            started = time.perf_counter()
            try:
                status, _ = await connection.request(method, target, accept, body)
            except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                status = 0
                phase.errors[f"{kind}: {type(exc).__name__}"] += 1
                await connection.close()
            phase.latencies[kind].append(time.perf_counter() - started)
            if status >= 400:
                phase.errors[f"{kind}: {status}"] += 1
            i += 1
    finally:
        await connection.close()


async def runaway_client(host: str, port: int, stop_at: float, phase: Phase) -> None:
    """A runaway query every second, each on a connection of its own (they overlap until stopped)."""

    async def one() -> None:
        connection = Connection(host, port)
        try:
            status, body = await connection.post("/sparql", urlencode({"query": RUNAWAY}).encode(), JSON)
            phase.runaway[f"{status} {body.decode(errors='replace').strip()[:90]}"] += 1
        except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
            phase.runaway[f"connection error {type(exc).__name__}"] += 1
        finally:
            await connection.close()

    sent = []
    while time.perf_counter() < stop_at:
        sent.append(asyncio.create_task(one()))
        await asyncio.sleep(1.0)
    await asyncio.gather(*sent)


async def run_phase(server: Server, clients: int, seconds: float, runaway: bool, cqs, paths) -> Phase:
    assert server.proc is not None
    host, port = "127.0.0.1", int(server.url.rsplit(":", 1)[1].split("/")[0])
    phase = Phase()
    stop_at = time.perf_counter() + seconds
    sampling = True

    async def sample() -> None:
        while sampling:
            rss, count = await asyncio.to_thread(group_rss, server.proc.pid)
            phase.peak_rss, phase.peak_processes = max(phase.peak_rss, rss), max(phase.peak_processes, count)
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample())
    started = time.perf_counter()
    runaways = asyncio.create_task(runaway_client(host, port, stop_at, phase)) if runaway else None
    await asyncio.gather(*(client(n, host, port, stop_at, cqs, paths, phase) for n in range(clients)))
    phase.seconds = time.perf_counter() - started
    if runaways is not None:
        await runaways  # the last ones sent, until the server stops them
    sampling = False
    await sampler
    return phase


def ms(values: list[float], q: int) -> str:
    if len(values) < 2:
        return "-"
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1000:.1f}"


def report(name: str, phase: Phase) -> None:
    every = [x for values in phase.latencies.values() for x in values]
    errors = sum(phase.errors.values())
    print(
        f"\n{name}: {len(every)} requests in {phase.seconds:.1f} s ({len(every) / phase.seconds:.1f} req/s), "
        f"errors {errors}, p50 {ms(every, 50)} ms, p99 {ms(every, 99)} ms, "
        f"server peak memory {phase.peak_rss / 2**20:.0f} MiB ({phase.peak_processes} processes)"
    )
    for kind, values in sorted(phase.latencies.items()):
        print(f"  {kind:14s} {len(values):7d} requests  p50 {ms(values, 50):>7s} ms  p99 {ms(values, 99):>7s} ms")
    for what, count in phase.errors.most_common():
        print(f"  error: {what} x{count}")
    for what, count in phase.runaway.most_common():
        print(f"  runaway queries: {count} x {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="serve this store (default: build one from --articles)")
    parser.add_argument("--articles", type=int, default=96, help="articles of tests/corpus/dev to build (all 96)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase")
    parser.add_argument("--query-timeout", type=float, default=30, help="the server's --query-timeout (its default)")
    parser.add_argument("--workers", type=int, default=0, help="the server's --workers (0: its default)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a stopped run still stops its server
    work = Path(tempfile.mkdtemp(prefix="dg-load-"))
    server = None
    try:
        store = args.store
        if store is None:
            t0 = time.monotonic()
            store = work / "store"
            build_store(args.articles, store)
            took = time.monotonic() - t0
            print(f"store: the first {args.articles} articles of tests/corpus/dev, built in {took:.0f} s")
        port = free_port()
        cmd = [sys.executable, "-m", "diplograph.api.server", "--store", str(store), "--port", str(port),
               "--query-timeout", str(args.query_timeout)]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        server = Server("diplograph", cmd, f"http://127.0.0.1:{port}/sparql")
        start(server, work / "server.log", 120)
        cqs = competency_queries()
        paths = asyncio.run(entity_paths("127.0.0.1", port))
        print(
            f"server up in {server.load_seconds:.1f} s; {len(cqs)} competency queries, {len(paths)} entity pages; "
            f"{args.clients} clients, {args.seconds:g} s a phase, query timeout {args.query_timeout:g} s, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
        )
        asyncio.run(run_phase(server, 4, 3, False, cqs, paths))  # warm-up (the ontology page's first render)
        for name, runaway in (("phase 1, mixed load", False), ("phase 2, mixed load + a runaway query a second", True)):
            report(name, asyncio.run(run_phase(server, args.clients, args.seconds, runaway, cqs, paths)))
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

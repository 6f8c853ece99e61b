"""Throughput and latency of the endpoint vs rdflib-endpoint and `oxigraph serve`: same data, same queries.

    .venv/bin/python bench/endpoint/bench.py --triples 100000 --clients 8 --seconds 20

Builds a synthetic diplograph-shaped graph (countries, documents, sentences, facts with provenance),
serves it with each server that is installed, fires the same query mix from several concurrent
clients over HTTP and prints requests/s, latency percentiles and ratios.  Not run by the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/diplograph/"
DG = "https://w3id.org/diplograph/ontology#"
PREFIXES = (
    f"PREFIX dg: <{DG}> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
C1, C2, C3, C7 = (f"<{BASE}id/country/C{n}>" for n in (1, 2, 3, 7))
QUERIES = [
    PREFIXES + "SELECT ?c ?l WHERE { ?c a dg:Country ; rdfs:label ?l } ORDER BY ?l LIMIT 50",
    PREFIXES + f"SELECT ?f ?t WHERE {{ ?f dg:party {C7} ; prov:wasDerivedFrom ?s . ?s dg:text ?t }} LIMIT 20",
    PREFIXES + f"SELECT ?type (COUNT(?f) AS ?n) WHERE {{ ?f a ?type ; dg:party {C3} }} GROUP BY ?type",
    PREFIXES + f"ASK {{ ?f dg:party {C1}, {C2} }}",
]


def synthetic_graph(triples: int, path: Path) -> Path:
    """N-Quads, one named graph per document, about `triples` triples."""
    rng = random.Random(42)
    lines = []
    countries = [f"<{BASE}id/country/C{i}>" for i in range(200)]
    for i, c in enumerate(countries):
        lines.append(
            f'{c} <http://www.w3.org/2000/01/rdf-schema#label> "Country {i}"@en <{BASE}graph/gazetteer> .'
        )
        lines.append(
            f"{c} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DG}Country> <{BASE}graph/gazetteer> ."
        )
    doc = 0
    while len(lines) < triples:
        g = f"<{BASE}doc/d{doc}>"
        for n in range(10):
            s = f"<{BASE}doc/d{doc}/sentence/{n}>"
            f = f"<{BASE}doc/d{doc}/fact/f{n}>"
            a, b = rng.sample(countries, 2)
            kind = rng.choice(["Cooperation", "Meeting", "TradeFlow"])
            lines += [
                f'{s} <{DG}text> "Sentence {n} of document {doc} about cooperation." {g} .',
                f"{f} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DG}{kind}> {g} .",
                f"{f} <{DG}party> {a} {g} .",
                f"{f} <{DG}party> {b} {g} .",
                f"{f} <http://www.w3.org/ns/prov#wasDerivedFrom> {s} {g} .",
            ]
        doc += 1
    path.write_text("\n".join(lines) + "\n")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def load(clients: int, seconds: float, url: str) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        with httpx.Client(timeout=60, headers={"Accept": "application/sparql-results+json"}) as http:
            i = n
            while time.monotonic() < stop:
                started = time.perf_counter()
                r = http.post(url, data={"query": QUERIES[i % len(QUERIES)]})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors[0] += r.status_code != 200
                i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies) / (time.monotonic() - started), latencies, errors[0]


def start(cmd: list[str], url: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wait_up(url, proc)
    return proc


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dg-bench-"))
    try:
        data = synthetic_graph(args.triples, work / "data.nq")
        store = ox.Store(str(work / "store"))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        print(
            f"graph: {args.triples} triples; {args.clients} clients; {args.seconds:g} s each; "
            f"{len(QUERIES)} queries in the mix"
        )
        servers: dict[str, tuple[list[str], str]] = {}
        port = free_port()
        servers["diplograph"] = (
            [sys.executable, "-m", "api.server", "--store", str(work / "store"), "--port", str(port)],
            f"http://127.0.0.1:{port}/sparql",
        )
        oxigraph = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
        if oxigraph:
            port = free_port()
            shutil.copytree(work / "store", work / "store-ox")
            servers["oxigraph serve"] = (
                [
                    oxigraph,
                    "serve-read-only",
                    "--location",
                    str(work / "store-ox"),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--union-default-graph",
                ],
                f"http://127.0.0.1:{port}/query",
            )
        else:
            print("oxigraph serve: not installed (pip install oxigraph), skipped")
        rdflib_endpoint = shutil.which("rdflib-endpoint", path=str(Path(sys.executable).parent))
        if rdflib_endpoint:
            port = free_port()
            servers["rdflib-endpoint"] = (
                [rdflib_endpoint, "serve", str(data), "--port", str(port)],
                f"http://127.0.0.1:{port}/",
            )
        else:
            print("rdflib-endpoint: not installed (pip install rdflib-endpoint), skipped")
        results = {}
        for name, (cmd, url) in servers.items():
            proc = start(cmd, url)
            try:
                load(2, 2, url)  # warm-up
                rps, lat, errors = load(args.clients, args.seconds, url)
            finally:
                stop(proc)
            q = statistics.quantiles(lat, n=100)
            results[name] = rps
            print(
                f"{name:16s} {rps:8.1f} req/s  p50 {q[49] * 1000:7.1f} ms  p95 {q[94] * 1000:7.1f} ms  "
                f"p99 {q[98] * 1000:7.1f} ms  errors {errors}"
            )
        for other in ("rdflib-endpoint", "oxigraph serve"):
            if other in results:
                print(f"diplograph / {other}: {results['diplograph'] / results[other]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`diplograph serve` on a built store: start-up time, then each competency question's latency over HTTP.

    python bench/serve_cq_latency.py STORE [--repeat 5]

Starts the server on a free loopback port, times it to its first answer, posts each queries/cq*.rq
--repeat times as a client would (JSON results) and prints the median latency and the size of the
results; then stops the server by its PID.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from importlib.resources import files
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, sparql: str) -> bytes:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": sparql}).encode(), headers={
        "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--store", str(args.store),
                               "--port", str(port), "--no-access-log", "--query-timeout", "120"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                post(url, "ASK {}")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    sys.exit(f"the server stopped with exit code {server.returncode}")
                time.sleep(0.02)
        print(f"serve start-up to first answer: {time.perf_counter() - started:.2f} s")
        for path in sorted(files("diplograph.queries").iterdir(), key=lambda p: p.name):
            if not (path.name.startswith("cq") and path.name.endswith(".rq")):
                continue
            sparql, times, size = path.read_text(encoding="utf-8"), [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                try:
                    size = len(post(url, sparql))
                except urllib.error.HTTPError as error:
                    print(f"{path.name}: HTTP {error.code} {error.read()[:200]!r}")
                    break
                times.append(time.perf_counter() - start)
            if times:
                print(f"{path.name:24} median {statistics.median(times) * 1000:8.1f} ms  ({size / 1e6:.1f} MB)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

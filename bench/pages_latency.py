"""The explorer's pages on a built store: the start page (first and cached) and the pages of the countries
with the most facts, of a person and of an organisation, as a browser asks for them.

    python bench/pages_latency.py STORE [--countries 5] [--repeat 3]

Starts `diplograph serve` on a free loopback port, reads the start page, then prints each page's median
time and size; stops the server by its PID.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from serve_cq_latency import free_port


def get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.read()


def timed(url: str, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(get(url))
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--countries", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--store", str(args.store),
                               "--port", str(port), "--no-access-log"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                get(root + "/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    sys.exit(f"the server stopped with exit code {server.returncode}")
                time.sleep(0.05)
        start = time.perf_counter()
        page = get(root + "/explore").decode()
        print(f"{'/explore (first)':40} {time.perf_counter() - start:7.3f} s  {len(page) / 1e3:7.0f} kB")
        seconds, size = timed(root + "/explore", args.repeat)
        print(f"{'/explore (cached)':40} {seconds:7.3f} s  {size / 1e3:7.0f} kB")
        countries = re.findall(r'<tr><td><a href="(/id/country/\w+)">', page)[: args.countries]
        for path in countries:
            seconds, size = timed(root + path, args.repeat)
            print(f"{path:40} {seconds:7.3f} s  {size / 1e3:7.0f} kB")
        if countries:
            country = get(root + countries[0]).decode()
            for kind in ("person", "organization"):
                found = re.search(rf'href="(/id/{kind}/[^"]+)"', country)
                if found:
                    seconds, size = timed(root + found.group(1), args.repeat)
                    print(f"{found.group(1)[:40]:40} {seconds:7.3f} s  {size / 1e3:7.0f} kB")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

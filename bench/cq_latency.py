"""The competency questions' latency and memory on a built store, as `diplograph query` runs them.

    python bench/cq_latency.py STORE [--repeat 3] [--queries DIR] [--only cq03 ...]

Opens STORE read-only and runs each queries/cq*.rq with the union of the named graphs as the default
graph (--queries: another folder's cq*.rq instead of the package's, e.g. an older checkout's, to
compare versions on the same store).  Prints, per question: result rows, median seconds over --repeat
runs, and this process's peak resident memory after it.  Build a large store first, e.g.:

    python bench/generate.py --count 10000 --seed 7 --out /tmp/gen10k --no-gold
    diplograph build /tmp/gen10k --store /tmp/st10k
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from importlib.resources import files
from pathlib import Path

from diplograph.graph.store import open_store, query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--queries", type=Path, help="folder of cq*.rq (default: the package's)")
    parser.add_argument("--only", nargs="+", metavar="CQ", help="the questions to time, e.g. cq03 cq06")
    args = parser.parse_args()
    store = open_store(args.store, read_only=True)
    quads = len(store)
    print(f"store {args.store}: {quads:,} quads")
    print(f"{'question':24} {'rows':>8} {'median s':>9} {'peak RSS GB':>12}")
    folder = args.queries or files("diplograph.queries")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not (path.name.startswith("cq") and path.name.endswith(".rq")):
            continue
        if args.only and not any(path.name.startswith(name) for name in args.only):
            continue
        sparql = path.read_text(encoding="utf-8")
        times, rows = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            rows = sum(1 for _ in query(store, sparql))
            times.append(time.perf_counter() - start)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # kilobytes on Linux
        print(f"{path.name:24} {rows:>8,} {statistics.median(times):>9.2f} {peak:>12.2f}")


if __name__ == "__main__":
    main()

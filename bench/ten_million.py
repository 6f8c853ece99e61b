"""The store and the endpoint at ten million quads: bulk-load time, size on disk, start-up, and each
competency question's latency over HTTP.

    .venv/bin/python bench/ten_million.py STORE [--copies 4] [--work DIR]

STORE is a built store (the 10,000 generated documents of bench/generate.py give 2.4 million quads).
It is exported with `diplograph export --format nquads`, and written --copies times with each
document's IRIs moved (`doc/X` becomes `doc/cK-X`, blank nodes relabelled), so every copy adds
documents, sentences and facts of its own while the countries, people and organisations they name
are shared, as in a growing archive.  The copies are loaded with `diplograph load` into a fresh store,
whose size is printed; then bench/serve_cq_latency.py serves it and times the questions.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "diplograph"]
DOC = "https://w3id.org/diplograph/doc/"


def size_on_disk(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--work", type=Path, default=None, help="keep the data and the store here")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="dg-10m-"))
    work.mkdir(parents=True, exist_ok=True)
    exported = work / "source.nq"
    start = time.perf_counter()
    subprocess.run([*CLI, "export", "--store", str(args.store), "--format", "nquads", "-o", str(exported)],
                   check=True)
    print(f"export: {time.perf_counter() - start:.0f} s")
    data = work / "copies.nq.gz"
    blank = re.compile(r"_:(\w+)")
    quads = 0
    start = time.perf_counter()
    with gzip.open(data, "wt", encoding="utf-8", compresslevel=1) as out:
        for k in range(1, args.copies + 1):
            moved = f"{DOC}c{k}-"
            with exported.open(encoding="utf-8") as source:
                for line in source:
                    line = line.replace(DOC, moved)
                    out.write(blank.sub(rf"_:c{k}\1", line) if "_:" in line else line)
                    quads += 1
    print(f"{args.copies} copies: {quads:,} quads written in {time.perf_counter() - start:.0f} s")
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "load peak RSS: %M kB", *CLI, "load", "--store", str(store), str(data)],
                   check=True)
    print(f"load: {time.perf_counter() - start:.0f} s; size on disk {size_on_disk(store) / 1e9:.2f} GB")
    subprocess.run([sys.executable, str(ROOT / "bench" / "serve_cq_latency.py"), str(store),
                    "--repeat", str(args.repeat)], check=True)


if __name__ == "__main__":
    main()

"""`diplograph load` and `diplograph export --format nquads` at two sizes: time and peak memory (RSS of
the command's process), embedded store and (with --remote) Oxigraph's server, to show that export and
load stream: the peak stays flat while the data grows tenfold.

The data: the seed built once and exported, then copied N times under N bases (every IRI under
https://w3id.org/diplograph/ moved to .../copyK/, blank nodes relabelled per copy), gzip-compressed.

    .venv/bin/python bench/nquads_roundtrip.py [--copies 40 400] [--remote]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "diplograph"]
BASE = "https://w3id.org/diplograph/"


def run(*args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"diplograph {' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def generate(seed_nq: Path, copies: int, target: Path) -> int:
    lines = [line for line in seed_nq.read_text().splitlines() if line.strip()]
    with gzip.open(target, "wt", compresslevel=1) as out:
        for k in range(copies):
            for line in lines:
                out.write(line.replace(BASE, f"{BASE}copy{k}/").replace("_:", f"_:c{k}x") + "\n")
    return copies * len(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[40, 400])
    parser.add_argument("--remote", action="store_true", help="also load into and export from `oxigraph serve`")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nq-bench-"))
    try:
        subprocess.run([*CLI, "build", str(ROOT / "seeds"), "--store", str(work / "seed")], check=True,
                       capture_output=True)
        subprocess.run([*CLI, "export", "--store", str(work / "seed"), "--format", "nquads", "-o",
                        str(work / "seed.nq")], check=True)
        for copies in args.copies:
            data = work / f"data-{copies}.nq.gz"
            quads = generate(work / "seed.nq", copies, data)
            store = work / f"store-{copies}"
            load_s, load_mb = run("load", str(data), "--store", str(store))
            export_s, export_mb = run("export", "--store", str(store), "--format", "nquads",
                                      "-o", str(work / "out.nq"))
            size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6
            print(f"{quads:>9,} quads ({data.stat().st_size / 1e6:.1f} MB gzip): embedded load {load_s:.1f} s "
                  f"({quads / load_s:,.0f} quads/s, peak {load_mb:.0f} MB, store {size:.0f} MB on disk); "
                  f"export {export_s:.1f} s ({quads / export_s:,.0f} quads/s, peak {export_mb:.0f} MB)", flush=True)
            if args.remote:
                binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
                port = free_port()
                server = subprocess.Popen([binary, "serve", "--location", str(work / f"ox-{copies}"),
                                           "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)
                try:
                    time.sleep(1.5)
                    url = f"http://127.0.0.1:{port}/"
                    load_s, load_mb = run("load", str(data), "--store", url)
                    export_s, export_mb = run("export", "--store", url, "--format", "nquads",
                                              "-o", str(work / "out.nq"))
                    print(f"{quads:>9,} quads, oxigraph serve: load {load_s:.1f} s ({quads / load_s:,.0f} quads/s, "
                          f"peak {load_mb:.0f} MB); export {export_s:.1f} s ({quads / export_s:,.0f} quads/s, "
                          f"peak {export_mb:.0f} MB)", flush=True)
                finally:
                    server.terminate()
                    server.wait()
            shutil.rmtree(store)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

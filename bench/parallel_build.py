"""Build throughput with --jobs: `diplograph build` of the same folder into fresh stores, serially and
in parallel, timed from the command's start to its end (interpreter, imports, model loads included).

    python bench/parallel_build.py [--jobs 1 2] [--copies 1] [--repeat 1] [PATHS...]

Copies every article of PATHS (default: tests/corpus/dev and tests/corpus/heldout, 136 articles) into a
temporary folder, `--copies` times under new names, each copy with a first line of its own so no two
files have the same content; then builds that folder once per --jobs value (the values taking turns,
--repeat times), each into a new store, and prints documents per second, the ratio to the first --jobs
value, and whether every build left the same quads (blank nodes canonicalised, the runs' start times
set aside).  "CPU s" is the CPU time of the command and its worker processes: what parallelism costs.

The machine's cores may be shared with other work, which no ratio can hide: so the benchmark also
measures how many cores a CPU-bound Python loop gets when two run at once ("cores available", 2.0 on an
idle two-core machine), before and after the builds.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "tests" / "corpus" / "dev", ROOT / "tests" / "corpus" / "heldout"]
STARTED = re.compile(r'(<http://www\.w3\.org/ns/prov#startedAtTime> )"[^"]*"')


def make_folder(paths: list[Path], copies: int, folder: Path) -> int:
    """The articles, `copies` times each, as distinct files; returns how many."""
    articles = sorted(p for path in paths for p in (path.glob("*.txt") if path.is_dir() else [path]))
    count = 0
    for copy in range(copies):
        for article in articles:
            text = article.read_text(encoding="utf-8")
            if copies > 1:
                text = f"Copy {copy + 1} of {article.stem}\n{text}"
            (folder / f"{article.stem}-{copy + 1}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def canonical_quads(store: Path) -> list[str]:
    """Sorted N-Quads with canonical blank node labels (RDFC-1.0) and the runs' start times blanked."""
    dataset = ox.Dataset(ox.Store.read_only(str(store)))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(STARTED.sub(r'\1"T"', str(quad)) for quad in dataset)


def _spin(_: object = None) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def cores_available() -> float:
    """How many cores two CPU-bound processes get together: 2 × (one alone) / (each beside the other)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, range(2)))  # start both processes first
        alone = min(pool.submit(_spin).result() for _ in range(2))
        together = statistics.mean(pool.map(_spin, range(2)))
    return 2 * alone / together


def timed_build(folder: Path, store: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and its worker processes) of one build."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "diplograph", "build", str(folder), "--store", str(store),
                    "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--copies", type=int, default=1, help="copies of each article")
    parser.add_argument("--repeat", type=int, default=1, help="builds per --jobs value (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        count = make_folder(args.paths, args.copies, folder)
        before = cores_available()
        runs: dict[int, list[tuple[float, float]]] = {jobs: [] for jobs in args.jobs}
        for run in range(args.repeat):  # the values take turns, so a change in the machine's load hits each alike
            for jobs in args.jobs:
                runs[jobs].append(timed_build(folder, Path(tmp) / f"store-{jobs}-{run}", jobs))
        after = cores_available()
        seconds = {jobs: statistics.median(wall for wall, _ in times) for jobs, times in runs.items()}
        cpu = {jobs: statistics.median(used for _, used in times) for jobs, times in runs.items()}
        quads = {jobs: canonical_quads(Path(tmp) / f"store-{jobs}-0") for jobs in args.jobs}
        first = args.jobs[0]
        print(f"documents: {count}, builds per --jobs: {args.repeat} (median), wall time of the whole command")
        print(f"cores available (two CPU-bound processes at once): {before:.2f} before, {after:.2f} after")
        print(f"{'--jobs':>6}{'seconds':>10}{'docs/s':>10}{'ratio':>8}{'CPU s':>10}")
        for jobs in args.jobs:
            ratio = seconds[first] / seconds[jobs]
            print(f"{jobs:>6}{seconds[jobs]:>10.1f}{count / seconds[jobs]:>10.2f}{ratio:>8.2f}{cpu[jobs]:>10.1f}")
        same = all(q == quads[first] for q in quads.values())
        print(f"same quads in every store: {'yes' if same else 'NO'} ({len(quads[first])} quads)")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

"""`build --jobs 2` through the real command line: worker processes extract, one writer commits, and the
store ends exactly as a serial build leaves it (the same folder of corpus articles, with bad files
among them that both report by name)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from pipeline_helpers import CLI, ROOT, canonical, run_cli, select

ARTICLES = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))[:10]


@dataclass
class Build:
    store: Path
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Build]:
    """The same folder built with --jobs 1 and --jobs 2, each into a new store."""
    root = tmp_path_factory.mktemp("parallel")
    folder = root / "docs"
    folder.mkdir()
    for article in ARTICLES:
        shutil.copy(article, folder / article.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    result = {}
    for jobs in (1, 2):
        store = root / f"store-{jobs}"
        proc = run_cli("build", str(folder), "--store", str(store), "--jobs", str(jobs), check=False)
        result[jobs] = Build(store, proc.returncode, proc.stdout, proc.stderr)
    return result


def raw(store: Path) -> list[str]:
    return sorted(str(quad) for quad in ox.Store.read_only(str(store)))


def test_parallel_build_leaves_the_same_quads_as_a_serial_one(builds: dict[int, Build]) -> None:
    serial, parallel = canonical(builds[1].store), canonical(builds[2].store)
    assert len(serial) > 3000  # ten articles and the ontology, not an empty store
    assert parallel == serial


def test_the_comparison_is_not_blind_to_blank_nodes_or_times(builds: dict[int, Build]) -> None:
    """The stores do hold blank nodes (the ontology's OWL axioms) whose labels differ between them, and
    one start time per document: what canonical() sets aside is that and nothing more."""
    blank = [q for q in raw(builds[1].store) if q.startswith("_:") or " _:" in q]
    assert len(blank) > 50
    assert {q.split()[0] for q in blank if q.startswith("_:")}.isdisjoint(
        q.split()[0] for q in raw(builds[2].store) if q.startswith("_:"))
    started = ox.NamedNode("http://www.w3.org/ns/prov#startedAtTime")
    for jobs in (1, 2):
        assert len(list(ox.Store.read_only(str(builds[jobs].store)).quads_for_pattern(None, started, None))) == len(
            ARTICLES)
    assert len(raw(builds[1].store)) == len(raw(builds[2].store))


def test_parallel_build_holds_what_the_articles_say(builds: dict[int, Build]) -> None:
    """People the articles name (from the corpus' gold files, written by hand) are in the parallel store."""
    rows = select(builds[2].store, "SELECT ?name WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> ; "
                                   "rdfs:label ?name }")
    names = {row["name"] for row in rows}
    assert {"Olaf Scholz", "Kassym-Jomart Tokayev", "Fumio Kishida", "Narendra Modi"} <= names
    documents = select(builds[2].store, "SELECT ?d WHERE { GRAPH ?d { ?d a dg:Document } }")
    assert len(documents) == len(ARTICLES)


def test_bad_files_are_reported_by_name_and_the_others_still_build(builds: dict[int, Build]) -> None:
    for build in builds.values():
        assert build.returncode == 1
        assert re.search(r"error: .*empty\.txt: the file is empty", build.stderr)
        assert re.search(r"error: .*scan\.txt: is a PDF file", build.stderr)
        assert f"documents: {len(ARTICLES)} built, 0 unchanged, 2 failed" in build.stdout


def test_a_second_parallel_build_skips_every_document(builds: dict[int, Build], tmp_path: Path) -> None:
    """Skip-if-unchanged is decided before any worker starts: nothing is extracted, nothing changes."""
    store = tmp_path / "store"
    shutil.copytree(builds[2].store, store)
    before = raw(store)
    proc = run_cli("build", *map(str, ARTICLES), "--store", str(store), "--jobs", "2")
    assert f"0 built, {len(ARTICLES)} unchanged, 0 failed" in proc.stdout
    assert raw(store) == before


def test_a_worker_killed_midway_loses_no_document(builds: dict[int, Build], tmp_path: Path) -> None:
    """SIGKILL to the worker process (as the out-of-memory killer would): the documents it held go to a new
    worker and the store ends as the serial build left it."""
    store = tmp_path / "store"
    articles = [str(builds[1].store.parent / "docs" / article.name) for article in ARTICLES]  # paths are stored
    proc = subprocess.Popen([*CLI, "build", *articles, "--store", str(store), "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    worker = None
    deadline = time.monotonic() + 30
    while worker is None and proc.poll() is None and time.monotonic() < deadline:
        worker = next((pid for pid in children(proc.pid) if b"spawn_main" in cmdline(pid)), None)
        time.sleep(0.05)
    if worker is None:
        proc.kill()
        pytest.skip("the build ended before its worker could be found")
    time.sleep(1.0)  # let it take documents
    os.kill(worker, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    assert f"documents: {len(ARTICLES)} built, 0 unchanged, 0 failed" in stdout
    assert canonical(store) == canonical(builds[1].store)  # the bad files there added no quad


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""

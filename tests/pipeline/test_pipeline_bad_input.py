"""Bad input through the real command line: each bad file gets a clear message naming it, the build
exits non-zero when any document failed, the good documents still build, and a build killed halfway
leaves a store that opens and a rebuild that completes."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from pipeline_helpers import CLI, PREFIXES, ROOT, SEED_FILE, documents, run_cli, select

GOOD = ("Peru and Vietnam Deepen Ties\n\n"
        "Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"
        "Bilateral trade between Peru and Vietnam reached $3 billion in 2023.\n")
LATIN1_TITLE = "Café diplomacy between Chile and Norway"
CP1252_TITLE = "“Señor” Trade – Chile and Norway"
BODY = "Chile and Norway held talks in Santiago. Trade between Chile and Norway reached $2 billion in 2023.\n"
MAX_BYTES = 10_000


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    folder: Path
    store: Path


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    """One build over a folder of good and bad files plus bad paths given explicitly."""
    root = tmp_path_factory.mktemp("bad")
    folder = root / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n \t\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(f"{LATIN1_TITLE}\n\n{BODY}".encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(f"{CP1252_TITLE}\n\n{BODY}".encode("cp1252"))
    (folder / "big.txt").write_text(BODY * (2 * MAX_BYTES // len(BODY)), encoding="utf-8")
    broken = root / "broken-link.txt"
    broken.symlink_to(root / "gone" / "target.txt")
    missing = root / "does-not-exist.txt"
    store = root / "store"
    proc = run_cli("build", str(folder), str(broken), str(missing), "--store", str(store),
                   "--max-bytes", str(MAX_BYTES), check=False)
    return Outcome(proc.returncode, proc.stdout, proc.stderr, folder, store)


def stderr_line(outcome: Outcome, name: str) -> str:
    lines = [line for line in outcome.stderr.splitlines() if name in line]
    assert lines, f"no message naming {name} in:\n{outcome.stderr}"
    return lines[0]


def test_build_fails_when_any_document_failed(bad_build: Outcome) -> None:
    """The exit status is non-zero and the summary counts what built and what failed."""
    assert bad_build.returncode != 0
    assert "3 built" in bad_build.stdout and "6 failed" in bad_build.stdout
    assert "Traceback" not in bad_build.stderr


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.txt", "binary"),
        ("big.txt", "limit"),
        ("broken-link.txt", "cannot be read"),
        ("does-not-exist.txt", "cannot be read"),
    ],
)
def test_bad_file_gets_a_clear_error_naming_it(bad_build: Outcome, name: str, words: str) -> None:
    """Each bad file gets one error line on stderr with its path and what is wrong."""
    line = stderr_line(bad_build, name)
    assert line.startswith("error:") and words in line


def test_size_limit_message_says_how_to_raise_it(bad_build: Outcome) -> None:
    """The size error gives the file's size, the limit and the option that raises it."""
    line = stderr_line(bad_build, "big.txt")
    assert f"{MAX_BYTES:,}" in line and "--max-bytes" in line


@pytest.mark.parametrize(("name", "title"), [("latin1.txt", LATIN1_TITLE), ("cp1252.txt", CP1252_TITLE)])
def test_non_utf8_file_builds_with_a_warning(bad_build: Outcome, name: str, title: str) -> None:
    """Latin-1 and Windows-1252 files build, decoded correctly, with a warning naming the file."""
    line = stderr_line(bad_build, name)
    assert line.startswith("warning:") and "not UTF-8" in line
    docs = documents(bad_build.store)
    assert docs[name]["title"] == title
    assert int(docs[name]["facts"]) >= 1


def test_good_documents_still_build(bad_build: Outcome) -> None:
    """The good file beside the bad ones is stored with its facts, and only the three readable files are."""
    assert set(documents(bad_build.store)) == {"good.txt", "latin1.txt", "cp1252.txt"}
    rows = select(bad_build.store, "SELECT ?a WHERE { ?f a dg:TradeFlow ; dg:amount ?a ; dg:party ?p . "
                                   "?p rdfs:label 'Peru' }")
    assert [float(r["a"]) for r in rows] == [3e9]


def test_ten_megabyte_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A real 10 MB file is refused by the default limit at once (extracting it would take minutes),
    and the small document beside it builds."""
    folder = tmp_path / "docs"
    folder.mkdir()
    big = folder / "huge.txt"
    with big.open("w", encoding="utf-8") as handle:
        while handle.tell() < 10 * 1024 * 1024:
            handle.write(BODY * 1000)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    started = time.monotonic()
    proc = run_cli("build", str(folder), "--store", str(store), check=False)
    assert time.monotonic() - started < 90
    assert proc.returncode != 0
    line = next(line for line in proc.stderr.splitlines() if "huge.txt" in line)
    assert "limit" in line
    assert "1 built" in proc.stdout and "1 failed" in proc.stdout


def stored_documents(store: Path) -> int:
    """How many documents a store being built already holds, read through a read-only handle (0 while the
    store is not fully created yet, or when the handle meets a file the writer is replacing)."""
    try:
        handle = ox.Store.read_only(str(store))
        (row,) = handle.query(PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a dg:Document } }")
        return int(row["n"].value)
    except (OSError, RuntimeError):  # RocksDB: no files yet, or a column family the writer is still creating
        return 0


def test_killed_build_leaves_a_store_that_opens_and_rebuilds(tmp_path: Path) -> None:
    """kill -9 in the middle of a 30-document build: the store opens, what it holds is whole documents,
    and a rebuild completes with every document."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(30):
        shutil.copy(SEED_FILE, folder / f"copy-{n:02d}.txt")
    store = tmp_path / "store"
    proc = subprocess.Popen([*CLI, "build", str(folder), "--store", str(store)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Kill it as soon as the first document is committed (an event in the store, not a guess at how
        # long a build takes): 29 documents are still to come, so the build is surely mid-way.
        deadline = time.monotonic() + 300
        while stored_documents(store) < 1:
            assert proc.poll() is None, f"the build ended ({proc.returncode}) before storing any document"
            assert time.monotonic() < deadline, "no document stored within 300 s"
            time.sleep(0.05)
        assert proc.poll() is None, "the build finished before it could be killed"
    finally:
        os.kill(proc.pid, 9)
        proc.wait()
    stored = documents(store)
    assert 1 <= len(stored) < 30
    counts = {row["facts"] for row in stored.values()}
    assert len(counts) <= 1  # every stored document is whole: the same fact count as every other
    rebuilt = run_cli("build", str(folder), "--store", str(store))
    assert f"{30 - len(stored)} built, {len(stored)} unchanged, 0 failed" in rebuilt.stdout
    final = documents(store)
    assert set(final) == {f"copy-{n:02d}.txt" for n in range(30)}
    rebuilt_counts = {row["facts"] for name, row in final.items() if name not in stored}
    assert len(rebuilt_counts) == 1 and "0" not in rebuilt_counts

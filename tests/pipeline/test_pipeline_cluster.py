"""`build --cluster local:2` through the real command line: a Dask LocalCluster of two worker processes on
loopback extracts, this process writes each document as it completes, and the store ends with the same
quads as a serial `--jobs 1` build of the same folder (bad files reported by name in both)."""

from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path

import pytest
from pipeline_helpers import ROOT, canonical, run_cli

pytest.importorskip("distributed", reason="Dask's distributed is not installed (pip install 'diplograph[cluster]')")

ARTICLES = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))[10:16]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("cluster") / "docs"
    docs.mkdir()
    for article in ARTICLES:
        shutil.copy(article, docs / article.name)
    (docs / "empty.txt").write_bytes(b"")
    return docs


def test_a_local_cluster_leaves_the_same_quads_as_a_serial_build(folder: Path, tmp_path: Path) -> None:
    serial = run_cli("build", str(folder), "--store", str(tmp_path / "serial"), "--jobs", "1", check=False)
    clustered = run_cli("build", str(folder), "--store", str(tmp_path / "cluster"), "--cluster", "local:2",
                        check=False)
    assert serial.returncode == clustered.returncode == 1  # the empty file fails in both, nothing else
    for proc in (serial, clustered):
        assert "empty.txt" in proc.stderr
        assert "Traceback" not in proc.stderr
    quads = canonical(tmp_path / "serial")
    assert len(quads) > 2000  # six articles and the ontology, not an empty store
    assert canonical(tmp_path / "cluster") == quads


def test_a_scheduler_that_does_not_answer_is_named_without_a_traceback(folder: Path, tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on once this closes
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    started = time.monotonic()
    proc = run_cli("build", str(folder), "--store", str(tmp_path / "store"), "--cluster", address, check=False)
    assert proc.returncode != 0
    assert address in proc.stderr and "scheduler" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert time.monotonic() - started < 40


def test_a_malformed_local_cluster_is_a_usage_error(folder: Path, tmp_path: Path) -> None:
    proc = run_cli("build", str(folder), "--store", str(tmp_path / "store"), "--cluster", "local:0", check=False)
    assert proc.returncode == 2
    assert "local:0" in proc.stderr and "Traceback" not in proc.stderr

"""Fixtures for the OWL tests: a small store in the shape the build pipeline writes.

The ABox is hand-written (fixtures/abox.trig) so these tests do not wait for, or break with,
the extraction pipeline; tests on a real build live in test_real_build.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

PROJECT = Path(__file__).resolve().parents[2]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from owlhelpers import FIXTURES, ONTOLOGY_GRAPH  # noqa: E402

from diplograph.graph.config import ONTOLOGY_FILE  # noqa: E402
from diplograph.graph.store import open_store  # noqa: E402


def load_fixture_store(path: Path) -> ox.Store:
    """A store directory with the ontology, a small sector scheme and two documents."""
    store = open_store(path)
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=graph)
    store.load(path=str(FIXTURES / "sectors.ttl"), format=ox.RdfFormat.TURTLE, to_graph=graph)
    store.load(path=str(FIXTURES / "abox.trig"), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def store(tmp_path: Path) -> ox.Store:
    return load_fixture_store(tmp_path / "store")


@pytest.fixture(scope="module")
def module_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """One store for tests that only read it (exports are the slow part, not the store)."""
    return load_fixture_store(tmp_path_factory.mktemp("store") / "store")


@pytest.fixture
def replay_server(tmp_path: Path):
    """Recorded Wikidata answers (action API and SPARQL) on 127.0.0.1; stopped by PID after the test.

    Yields the action API's URL and the log of the requests it received.
    """
    log = tmp_path / "requests.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "wikidata_replay.py"),
         "--data", str(FIXTURES / "wikidata"), "--log", str(log)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("PORT "), f"replay server did not start: {line!r}"
        yield f"http://127.0.0.1:{int(line.split()[1])}/w/api.php", log
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)

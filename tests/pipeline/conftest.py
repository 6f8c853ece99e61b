"""Fixtures for the pipeline tests: a store built once from seeds/ with the real CLI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pipeline_helpers import SEEDS, run_cli


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article built once per session; tests only read it."""
    store = tmp_path_factory.mktemp("seed") / "store"
    proc = run_cli("build", str(SEEDS), "--store", str(store))
    (store.parent / "build-stdout.txt").write_text(proc.stdout, encoding="utf-8")
    return store


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    return docs


@pytest.fixture(scope="session")
def nlp_loaded() -> Iterator[None]:
    """Load spaCy and the gazetteer once, so the first rule test is not billed for it."""
    from diplograph.graph.nlp import load_matchers

    load_matchers()
    yield

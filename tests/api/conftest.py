"""Fixtures for the endpoint tests: the store and the servers (helpers live in api_helpers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_helpers import TOKEN, Server, make_store, start_server, stop_server


@pytest.fixture(scope="session")
def read_server(tmp_path_factory) -> Iterator[Server]:
    """A read-only server (no token) over the seed store, with a short timeout for the bomb tests."""
    store = make_store(tmp_path_factory.mktemp("ro") / "store")
    server = start_server(store, "--query-timeout", "3", "--max-result-bytes", "2000000")
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def write_server(tmp_path_factory) -> Iterator[Server]:
    """A server with updates enabled by a token."""
    store = make_store(tmp_path_factory.mktemp("rw") / "store")
    server = start_server(store, "--update-token", TOKEN, "--query-timeout", "10")
    yield server
    stop_server(server)

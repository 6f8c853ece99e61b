"""Live updates: `diplograph build --into URL --token T` feeds a running server through the Graph Store
Protocol, and its queries see the new document at once; the same build again sends nothing; a wrong
token writes nothing; a local build into the folder a server holds stops at once and says what to do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from api_helpers import ROOT, TOKEN, Server, free_port, start_server, stop_server

from diplograph.graph import store as stores

CLI = [sys.executable, "-m", "diplograph"]
ARTICLE = ROOT / "tests" / "corpus" / "dev" / "002_kazakhstan-germany-scholz-forum.txt"
OTHER = ROOT / "tests" / "corpus" / "dev" / "006_japan-india-kishida-modi-g20.txt"
PERSON = "PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
         'ASK {{ ?p a dg:Person ; rdfs:label "{name}" }}'


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def ask(server: Server, query: str) -> bool:
    return httpx.get(server.url + "/sparql", params={"query": query}, timeout=30).json()["boolean"]


def generation(server: Server) -> int:
    """How many writes the server has run (its engines' generation goes up with each one)."""
    return httpx.get(server.url + "/healthz", timeout=30).json()["generation"]


def documents(server: Server) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?d { ?d a <https://w3id.org/diplograph/ontology#Document> } }"
    rows = httpx.get(server.url + "/sparql", params={"query": query}, timeout=30).json()["results"]["bindings"]
    return int(rows[0]["n"]["value"])


@dataclass
class Live:
    server: Server
    first: subprocess.CompletedProcess
    seen_after: float | None  # seconds from the build's exit until a query saw the new person
    generation_before: int
    generation_after: int


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server with writes on over a store built from seeds/, started before the article is built into it."""
    store = tmp_path_factory.mktemp("live") / "store"
    assert cli("build", str(ROOT / "seeds"), "--store", str(store)).returncode == 0
    server = start_server(store, "--update-token", TOKEN)
    try:
        assert not ask(server, PERSON.format(name="Olaf Scholz"))  # the seed does not name him
        before = generation(server)
        first = cli("build", str(ARTICLE), "--into", server.url + "/", "--token", TOKEN)
        done, seen_after = time.monotonic(), None
        while time.monotonic() - done < 2.0:
            if ask(server, PERSON.format(name="Olaf Scholz")):
                seen_after = time.monotonic() - done
                break
            time.sleep(0.1)
        yield Live(server, first, seen_after, before, generation(server))
    finally:
        stop_server(server)


def test_a_document_built_into_a_running_server_is_answered_within_two_seconds(live: Live) -> None:
    assert live.first.returncode == 0, live.first.stderr
    assert "documents: 1 built, 0 unchanged, 0 failed; the store holds 2 documents" in live.first.stdout
    assert live.seen_after is not None and live.seen_after < 2.0
    assert ask(live.server, PERSON.format(name="Kassym-Jomart Tokayev"))  # the article's other leader
    assert documents(live.server) == 2
    assert live.generation_after > live.generation_before  # written by the server itself, no restart


def test_the_same_document_again_is_unchanged_and_nothing_is_sent(live: Live) -> None:
    before = generation(live.server)
    again = cli("build", str(ARTICLE), "--into", live.server.url, "--token", TOKEN)
    assert again.returncode == 0, again.stderr
    assert "documents: 0 built, 1 unchanged, 0 failed" in again.stdout
    assert "changed by this build: nothing" in again.stdout
    assert generation(live.server) == before  # not one write reached the server


def test_a_wrong_or_missing_token_is_a_clear_error_and_writes_nothing(live: Live) -> None:
    before, count = generation(live.server), documents(live.server)
    wrong = cli("build", str(OTHER), "--into", live.server.url, "--token", "not-the-token")
    missing = cli("build", str(OTHER), "--into", live.server.url)
    assert wrong.returncode == 2 and missing.returncode == 2
    assert wrong.stderr.strip() == (f"error: {live.server.url}/ refused the writes: the bearer token is not valid "
                                    "for writes; nothing was written")
    assert "needs a token for writes: give --token TOKEN" in missing.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1
    assert generation(live.server) == before and documents(live.server) == count
    assert not ask(live.server, PERSON.format(name="Fumio Kishida"))


def test_a_local_build_into_the_served_folder_stops_at_once_naming_the_way_to_feed_the_server(live: Live) -> None:
    before = generation(live.server)
    started = time.monotonic()
    proc = cli("build", str(OTHER), "--store", str(live.server.store))
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1
    assert message.startswith(f"error: {live.server.store} is served by a running `diplograph serve` (pid ")
    assert f"`diplograph build DOCS --into {live.server.url}/ --token TOKEN`" in message
    assert "read-only" not in message  # this server takes writes
    assert time.monotonic() - started < 15  # before any extraction: the interpreter and imports only
    assert proc.stdout == ""
    assert generation(live.server) == before and not ask(live.server, PERSON.format(name="Fumio Kishida"))


def test_a_read_only_server_is_named_too_with_how_to_enable_writes(read_server: Server) -> None:
    proc = cli("build", str(OTHER), "--store", str(read_server.store))
    assert proc.returncode == 2
    assert f"--into {read_server.url}/ --token TOKEN` after restarting the server with --update-token" in proc.stderr
    assert not ask(read_server, PERSON.format(name="Fumio Kishida"))


def test_a_server_does_not_start_on_a_folder_a_build_is_writing(tmp_path: Path) -> None:
    """The other way round: the build holds the folder (here this test process does, as a build does)."""
    store = tmp_path / "store"
    assert cli("build", str(ROOT / "seeds"), "--store", str(store)).returncode == 0
    port = free_port()
    with stores.hold(store, "build"):
        proc = subprocess.run([sys.executable, "-m", "diplograph", "serve", "--store", str(store), "--port", str(port)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing listens
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"error: {store} is being written by `diplograph build` (pid {os.getpid()}); "
                                   "start the server when it has finished")


def test_into_a_server_that_is_not_there(tmp_path: Path) -> None:
    proc = cli("build", str(OTHER), "--into", f"http://127.0.0.1:{free_port()}/", "--token", TOKEN)
    assert proc.returncode == 2
    assert "cannot reach http://127.0.0.1:" in proc.stderr and "is `diplograph serve` running there?" in proc.stderr


def test_a_store_url_with_a_bearer_token_writes_through_sparql_update(tmp_path: Path) -> None:
    """`--store URL` with DIPLOGRAPH_STORE_TOKEN (bearer), against this project's own server as the store: the
    build writes through SPARQL Update, a wrong token is one line naming the URL and writes nothing."""
    store = tmp_path / "store"
    assert cli("build", str(ROOT / "seeds"), "--store", str(store)).returncode == 0
    server = start_server(store, "--update-token", TOKEN)
    try:
        url = server.url + "/sparql"

        def build(token: str) -> subprocess.CompletedProcess:
            return subprocess.run([*CLI, "build", str(OTHER), "--store", url], capture_output=True, text=True,
                                  cwd=ROOT, timeout=300, env={**os.environ, "DIPLOGRAPH_STORE_TOKEN": token})

        wrong = build("not-the-token")
        assert wrong.returncode == 2 and wrong.stderr.strip().startswith(f"error: {url} refused the credentials")
        assert "not-the-token" not in wrong.stderr and documents(server) == 1
        right = build(TOKEN)
        assert right.returncode == 0, right.stderr
        assert documents(server) == 2 and ask(server, PERSON.format(name="Fumio Kishida"))
    finally:
        stop_server(server)

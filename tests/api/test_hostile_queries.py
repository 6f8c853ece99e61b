"""Hostile queries over a store big enough to make each of them expensive: every one is stopped at the
timeout (or, for memory, at the engine's memory cap), its engine process cannot take more memory than
the cap, and meanwhile other clients get their answers with normal latency."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from api_helpers import Server, start_server, stop_server

TIMEOUT = 3.0
MEMORY_MIB = 1024  # an engine reserves some 0.7 GiB before it runs anything (its 256 MiB stack included)
NODES, TRIPLES = 4_000, 20_000
P = "urn:hostile:p0"
HOSTILE = {
    "cartesian product": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "(<p>|!<p>)* over everything": f"SELECT * WHERE {{ ?s (<{P}>|!<{P}>)* ?o }}",
    "COUNT(*) over a four-way cross join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
    "}",
    "10,000-branch UNION": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o . ?o ?q ?r }"] * 10_000) + " }",
    "CONSTRUCT that multiplies the store": "CONSTRUCT { ?a ?b ?d . ?d ?e ?a } WHERE { ?a ?b ?c . ?d ?e ?f }",
    "DESCRIBE of everything": "DESCRIBE ?s ?o WHERE { ?s ?p ?o . ?x ?y ?z }",
}
# Each row gets its own 20 MB string, and ORDER BY keeps them all: past the cap after a few dozen of the
# 20,000 rows, well before the timeout.
MEMORY_BOMB = (
    'SELECT ?big WHERE { VALUES ?x { "' + "x" * 1_000_000 + '" } ?a ?b ?c '
    "BIND(CONCAT(STR(?a), STR(?c), " + ", ".join(["?x"] * 20) + ") AS ?big) } ORDER BY ?big"
)


def make_big_store(path: Path) -> Path:
    """TRIPLES random edges between NODES nodes over 20 predicates, in one named graph."""
    rng = random.Random(12)
    graph = ox.NamedNode("urn:hostile:g")
    store = ox.Store(str(path))
    store.bulk_extend(
        ox.Quad(ox.NamedNode(f"urn:hostile:n{rng.randrange(NODES)}"), ox.NamedNode(f"urn:hostile:p{rng.randrange(20)}"),
                ox.NamedNode(f"urn:hostile:n{rng.randrange(NODES)}"), graph)
        for _ in range(TRIPLES)
    )
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory) -> Iterator[Server]:
    store = make_big_store(tmp_path_factory.mktemp("hostile") / "store")
    server = start_server(store, "--query-timeout", str(TIMEOUT), "--engine-memory", str(MEMORY_MIB))
    yield server
    stop_server(server)


def engine_pids(server: Server) -> list[int]:
    """The server's child processes (its query engines)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server.proc.pid:
            pids.append(int(stat.parent.name))
    return pids


def address_space_limit(pid: int) -> int | None:
    """The soft address-space limit of a process (None: unlimited)."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            value = line.split()[3]
            return None if value == "unlimited" else int(value)
    raise AssertionError("no address-space line")


def wait_for_engines(server: Server) -> None:
    deadline = time.monotonic() + 30
    while httpx.get(server.url + "/healthz", timeout=10).json()["readers"] < 2:
        assert time.monotonic() < deadline, "a killed engine was not replaced"
        time.sleep(0.1)


class Bystander(threading.Thread):
    """Another client asking a small question over and over, timing each answer."""

    def __init__(self, server: Server) -> None:
        super().__init__()
        self.server, self.latencies, self.failures = server, [], []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.server.url, timeout=30) as c:
            while not self.stop.is_set():
                started = time.monotonic()
                r = c.get("/sparql", params={"query": f"ASK {{ ?s <{P}> ?o }}"})
                self.latencies.append(time.monotonic() - started)
                if r.status_code != 200 or r.json()["boolean"] is not True:
                    self.failures.append((r.status_code, r.text[:200]))
                time.sleep(0.1)


def run_hostile(server: Server, query: str) -> tuple[str, float]:
    """Send the query as a client that stalls after the first bytes (it must not hold the engine any
    longer for that): 'refused 503: <message>' or 'cut off' (a streamed answer stopped mid-way; by the
    end of the stall, the engine that ran it has been killed), and the seconds until the server
    stopped it."""
    before = set(engine_pids(server))
    started = time.monotonic()
    with httpx.Client(base_url=server.url, timeout=60) as c:
        with c.stream("POST", "/sparql", data={"query": query}) as r:
            if r.status_code == 503:
                r.read()
                return "refused 503: " + r.text.strip(), time.monotonic() - started
            assert r.status_code == 200, (r.status_code, r.read()[:300])
            chunks = r.iter_raw()
            next(chunks)
            while before <= set(engine_pids(server)):  # stalled: not reading, until an engine is gone
                assert time.monotonic() - started < 30, "the engine was never stopped"
                time.sleep(0.05)
            stopped = time.monotonic() - started
            with pytest.raises(httpx.RemoteProtocolError):
                for _ in chunks:  # what the server had sent before it cut the response off
                    pass
            return "cut off", stopped


def test_engines_have_the_memory_cap(hostile_server):
    pids = engine_pids(hostile_server)
    assert len(pids) == 2
    assert {address_space_limit(pid) for pid in pids} == {MEMORY_MIB * 1024 * 1024}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_query_is_stopped_at_the_timeout(hostile_server, name):
    wait_for_engines(hostile_server)
    bystander = Bystander(hostile_server)
    bystander.start()
    try:
        time.sleep(0.3)
        outcome, seconds = run_hostile(hostile_server, HOSTILE[name])
    finally:
        bystander.stop.set()
        bystander.join(30)
    memory = f"refused 503: the query needed more than this server's {MEMORY_MIB} MiB of memory per query engine " \
             "and was stopped"
    assert outcome in ("cut off", f"refused 503: the query ran longer than this server's limit of {TIMEOUT:g} s "
                                  "and was stopped", memory), outcome
    if outcome == memory:  # on a loaded machine the cap can stop a query that grows fast before the clock does
        assert seconds < TIMEOUT + 3, seconds
    else:
        assert TIMEOUT - 0.5 < seconds < TIMEOUT + 3, seconds  # stopped at the timeout, not before nor long after
    assert not bystander.failures, bystander.failures
    assert len(bystander.latencies) >= 5
    assert max(bystander.latencies) < 1.5, sorted(bystander.latencies)[-3:]
    wait_for_engines(hostile_server)


def test_memory_bomb_is_stopped_at_the_cap(hostile_server):
    """Far quicker than the timeout: the engine hits its address-space cap, dies and is replaced; the
    client hears why, and other clients never notice."""
    wait_for_engines(hostile_server)
    bystander = Bystander(hostile_server)
    bystander.start()
    try:
        time.sleep(0.3)
        outcome, seconds = run_hostile(hostile_server, MEMORY_BOMB)
    finally:
        bystander.stop.set()
        bystander.join(30)
    # the reason, not the clock, shows the cap stopped it: on a loaded machine the bomb can take a little
    # longer to fill the cap than the timeout, and the server still reports the memory, not the deadline
    assert outcome == (f"refused 503: the query needed more than this server's {MEMORY_MIB} MiB of memory per "
                       "query engine and was stopped"), (outcome, seconds)
    assert not bystander.failures and max(bystander.latencies) < 1.5
    wait_for_engines(hostile_server)
    deadline = time.monotonic() + 30  # the new engine caps itself as it starts
    while {address_space_limit(pid) for pid in engine_pids(hostile_server)} != {MEMORY_MIB * 1024 * 1024}:
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_clients_hanging_up_mid_stream_cost_no_engine(hostile_server):
    """Three clients read the start of a large answer and hang up: each time the engine streaming it is
    replaced, so the server keeps both engines and answers the next query."""
    for _ in range(3):
        wait_for_engines(hostile_server)
        with httpx.Client(base_url=hostile_server.url, timeout=30) as c:
            with c.stream("GET", "/sparql", params={"query": HOSTILE["cartesian product"]}) as r:
                assert r.status_code == 200
                chunks = r.iter_raw()
                next(chunks), next(chunks)
        time.sleep(0.3)
    wait_for_engines(hostile_server)
    for _ in range(4):  # both engines answer
        r = httpx.get(hostile_server.url + "/sparql", params={"query": f"ASK {{ ?s <{P}> ?o }}"}, timeout=30)
        assert r.status_code == 200 and r.json()["boolean"] is True


def test_quick_query_never_waits_behind_heavy_ones(hostile_server):
    """Three clients send a query that runs to the timeout, while both engines would otherwise be busy:
    heavy queries take at most one of the two engines (the lanes), so a lookup the server has seen
    answer quickly is answered at once, not after the 3 s the heavy ones hold their engines."""
    wait_for_engines(hostile_server)
    quick = {"query": f"ASK {{ ?s <{P}> ?o }}"}
    for _ in range(3):  # the server learns that this shape of query is quick
        assert httpx.get(hostile_server.url + "/sparql", params=quick, timeout=30).status_code == 200
    heavy = HOSTILE["COUNT(*) over a four-way cross join"]
    statuses: list[int] = []

    def send_heavy() -> None:
        statuses.append(httpx.post(hostile_server.url + "/sparql", data={"query": heavy}, timeout=30).status_code)

    clients = [threading.Thread(target=send_heavy) for _ in range(3)]
    for client in clients:
        client.start()
    time.sleep(0.5)  # all three heavy queries have arrived: one runs, two wait for the heavy lane
    started = time.monotonic()
    r = httpx.get(hostile_server.url + "/sparql", params=quick, timeout=30)
    waited = time.monotonic() - started
    for client in clients:
        client.join(30)
    assert r.status_code == 200 and r.json()["boolean"] is True
    assert waited < 1.0, waited
    assert statuses == [503, 503, 503]  # each stopped at the timeout, or refused when its wait ran past it
    wait_for_engines(hostile_server)


def test_repeated_runaway_query_runs_once_at_a_time(hostile_server):
    """Three clients send the same runaway query at once: one engine runs it until the timeout (and is
    replaced); the other two never get an engine and hear why at their own deadline."""
    wait_for_engines(hostile_server)
    before = set(engine_pids(hostile_server))
    query = HOSTILE["COUNT(*) over a four-way cross join"].replace("?l", "?m")  # a shape of its own
    answers: list[str] = []

    def send() -> None:
        r = httpx.post(hostile_server.url + "/sparql", data={"query": query}, timeout=30)
        answers.append(f"{r.status_code} {r.text.strip()}")

    clients = [threading.Thread(target=send) for _ in range(3)]
    for client in clients:
        client.start()
    for client in clients:
        client.join(30)
    stopped = f"503 the query ran longer than this server's limit of {TIMEOUT:g} s and was stopped"
    assert sorted(answers)[0] == stopped, answers
    assert all("was slow and is still running for another request" in a for a in sorted(answers)[1:]), answers
    wait_for_engines(hostile_server)
    assert len(before - set(engine_pids(hostile_server))) == 1  # one engine killed, not three

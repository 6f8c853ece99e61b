"""Helpers for the endpoint tests: a small store following the build's conventions, and a real uvicorn
server on a free port.  A module of its own, not conftest, since tests/pipeline has a conftest too."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/diplograph/"
TOKEN = "s3cret-test-token"
DG = "https://w3id.org/diplograph/ontology#"

SEED = f"""
@prefix dg: <{DG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<{BASE}doc/d1> a dg:Document .
<{BASE}id/country/KAZ> a dg:Country ; rdfs:label "Kazakhstan"@en ;
    owl:sameAs <http://www.wikidata.org/entity/Q232> , <https://sws.geonames.org/1522867/> .
<{BASE}id/country/DEU> a dg:Country ; rdfs:label "Germany"@en ;
    owl:sameAs <http://www.wikidata.org/entity/Q183> .
<{BASE}doc/d1/sentence/1> a dg:Sentence ; dg:text "Germany and Kazakhstan agreed to cooperate on energy." .
<{BASE}doc/d1/fact/coop-1> a dg:Cooperation ; dg:party <{BASE}id/country/KAZ> , <{BASE}id/country/DEU> ;
    prov:wasDerivedFrom <{BASE}doc/d1/sentence/1> .
"""
SEED2 = f"""
@prefix dg: <{DG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{BASE}doc/d2> a dg:Document .
<{BASE}id/country/FRA> a dg:Country ; rdfs:label "France"@en .
"""


def make_store(path: Path) -> Path:
    """Two document graphs and the ontology graph, as the build pipeline lays them out."""
    store = ox.Store(str(path))
    store.load(SEED, ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"{BASE}doc/d1"))
    store.load(SEED2, ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"{BASE}doc/d2"))
    store.load(
        path=str(ROOT / "ontology" / "diplograph.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(f"{BASE}graph/ontology"),
    )
    store.flush()
    del store
    return path


def fixture_triples() -> int:
    """How many triples make_store's store holds, counted with rdflib from the same sources (not by the
    server): the two documents' Turtle and the ontology file (no triple is in two of them)."""
    from rdflib import Graph

    ontology = Graph().parse(ROOT / "ontology" / "diplograph.ttl", format="turtle")
    return len(Graph().parse(data=SEED, format="turtle")) + len(Graph().parse(data=SEED2, format="turtle")) + len(
        ontology
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    store: Path

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)


def start_server(store: Path | str, *extra: str, env: dict | None = None, log_dir: Path | None = None) -> Server:
    """Run `python -m diplograph.api.server` (what `diplograph serve` runs) and wait for /healthz; `store`
    is a folder (the log goes beside it) or a SPARQL store's URL (the log goes in `log_dir`)."""
    log_dir = log_dir or Path(store).parent
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "diplograph.api.server",
        "--store",
        str(store),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        *extra,
    ]
    full_env = {**os.environ, **(env or {})}
    log = open(log_dir / f"server-{port}.log", "wb")  # a file, not a pipe nobody drains
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {(log_dir / f'server-{port}.log').read_text()[-2000:]}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return Server(url, proc, store)
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop_server(Server(url, proc, store))
    raise RuntimeError("server did not start")


def stop_server(server: Server) -> None:
    """Stop by PID (the whole process group: uvicorn and its engine processes)."""
    if server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGTERM)
        try:
            server.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait()

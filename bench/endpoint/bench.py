"""Throughput and latency of the endpoint vs rdflib-endpoint and `oxigraph serve`: same data, same queries.

    .venv/bin/python bench/endpoint/bench.py --triples 100000
    .venv/bin/python bench/endpoint/bench.py --triples 1000000 --rdflib-triples 100000

Generates a diplograph-shaped graph (gazetteer of countries and international organizations, people,
organizations, one named graph per document with its sentences, mentions and facts: trade and
investment flows with amounts and years, cooperation, positions, memberships), serves it on 127.0.0.1
with each server that is installed (comparison servers are looked up in .venv-bench/, see
bench/README.md), fires the same query mix from several concurrent clients over HTTP for a bounded
time, and prints requests/s, p50/p95 latency and the ratios.  Rounds alternate between the servers
(so background load hits all of them alike) and medians over the rounds are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[2]
BENCH_VENV = ROOT / ".venv-bench" / "bin"
BASE = "https://w3id.org/diplograph/"
DG = "https://w3id.org/diplograph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
GAZETTEER = f"<{BASE}graph/gazetteer>"
SCHEMES = f"<{BASE}graph/ontology>"
ORG_KINDS = ["Company", "University", "ThinkTank", "GovernmentBody"]
ROLES = ["Minister of Foreign Affairs", "Ambassador", "Chief Executive", "President", "Director", "Rector"]
FIRST = ["Anna", "Boris", "Chen", "Dana", "Erik", "Fatima", "Gul", "Hiro", "Ivan", "Jana", "Karim", "Lena"]
LAST = ["Abenov", "Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Huang", "Ito", "Kim", "Lopez"]


# -- data --------------------------------------------------------------------------------------


@dataclass
class Graph:
    """What the generator made, so queries can name entities that exist."""

    countries: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    triples: int = 0


def iri(path: str) -> str:
    return f"<{BASE}{path}>"


def synthetic_graph(triples: int, path: Path, seed: int = 42) -> Graph:
    """N-Quads shaped like `diplograph build` output, about `triples` quads, one graph per document."""
    rng = random.Random(seed)
    out: list[str] = []
    made = Graph()

    def add(s: str, p: str, o: str, g: str) -> None:
        out.append(f"{s} {p} {o} {g} .\n")

    def lit(text: str, datatype: str | None = None) -> str:
        text = text.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'

    sectors = [iri(f"sector/s{i}") for i in range(30)]
    commodities = [iri(f"sector/commodity/c{i}") for i in range(40)]
    for i, concept in enumerate(sectors + commodities):
        add(concept, RDF_TYPE, "<http://www.w3.org/2004/02/skos/core#Concept>", SCHEMES)
        add(concept, PREF_LABEL, lit(f"{'sector' if i < 30 else 'commodity'} {i}"), SCHEMES)
    for i in range(250):
        c = iri(f"id/country/C{i:03d}")
        made.countries.append(c)
        add(c, RDF_TYPE, f"<{DG}Country>", GAZETTEER)
        add(c, LABEL, lit(f"Country {i:03d}"), GAZETTEER)
        add(c, f"<{DG}iso3166Alpha3>", lit(f"C{i:02d}"), GAZETTEER)
        add(c, SAME_AS, f"<http://www.wikidata.org/entity/Q{1000 + i}>", GAZETTEER)
        add(c, SAME_AS, f"<https://sws.geonames.org/{200000 + i}/>", GAZETTEER)
    ios = [iri(f"id/organization/io{i}") for i in range(40)]
    for i, o in enumerate(ios):
        add(o, RDF_TYPE, f"<{DG}InternationalOrganization>", GAZETTEER)
        add(o, LABEL, lit(f"International Organization {i}"), GAZETTEER)
        add(o, SAME_AS, f"<http://www.wikidata.org/entity/Q{5000 + i}>", GAZETTEER)
    # Entity pools grow with the graph, as a corpus of more documents names more people and bodies.
    people = [(iri(f"id/person/p{i}"), f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}") for i in range(triples // 250)]
    orgs = [
        (iri(f"id/organization/o{i}"), rng.choice(ORG_KINDS), f"Organization {i}", rng.choice(made.countries))
        for i in range(triples // 400)
    ]
    made.organizations = [o for o, *_ in orgs]
    software = iri("software/diplograph/0.1.0")
    doc_number = 0
    while len(out) < triples:
        d = f"d{doc_number:06d}"
        doc, run, g = iri(f"doc/{d}"), iri(f"doc/{d}/run"), iri(f"doc/{d}")
        made.documents.append(doc)
        add(doc, RDF_TYPE, f"<{DG}Document>", g)
        add(doc, LABEL, lit(f"Joint statement {doc_number}"), g)
        add(doc, "<http://purl.org/dc/terms/title>", lit(f"Joint statement {doc_number}"), g)
        add(doc, f"<{DG}sha256>", lit(f"{rng.getrandbits(128):032x}"), g)
        add(run, RDF_TYPE, f"<{DG}ExtractionRun>", g)
        add(run, f"<{PROV}used>", doc, g)
        add(run, f"<{DG}software>", software, g)
        add(run, f"<{PROV}startedAtTime>", lit("2025-11-30T12:00:00", "dateTime"), g)
        a, b = rng.sample(made.countries, 2)
        sentences = [iri(f"doc/{d}/sentence/{n}") for n in range(12)]
        for n, s in enumerate(sentences):
            add(s, RDF_TYPE, f"<{DG}Sentence>", g)
            add(
                s,
                f"<{DG}text>",
                lit(f"Sentence {n} of statement {doc_number}: the two sides discussed trade."),
                g,
            )
            add(s, "<http://purl.org/dc/terms/isPartOf>", doc, g)
        person, org, io = rng.choice(people), rng.choice(orgs), rng.choice(ios)
        mentioned = [
            (a, "Country", None),
            (b, "Country", None),
            (io, "InternationalOrganization", None),
            (person[0], "Person", person[1]),
            (org[0], org[1], org[2]),
        ]
        for entity, kind, label in mentioned:
            add(entity, RDF_TYPE, f"<{DG}{kind}>", g)
            if label:
                add(entity, LABEL, lit(label), g)
            for s in rng.sample(sentences, 2):
                add(entity, f"<{DG}mentionedIn>", s, g)
        add(org[0], f"<{DG}homeCountry>", org[3], g)

        facts: list[tuple[str, list[tuple[str, str]]]] = []
        for n in range(4):
            exporter, importer = (a, b) if n % 2 else (b, a)
            amount = lit(str(rng.randint(1, 5000) * 1_000_000), "decimal")
            year = lit(str(rng.randint(2000, 2024)), "integer")
            kind = rng.choice(["TradeFlow", "InvestmentFlow"])
            facts.append(
                (
                    kind,
                    [
                        ("exporter", exporter),
                        ("importer", importer),
                        ("amount", amount),
                        ("commodity", rng.choice(commodities)),
                        ("currency", lit("USD")),
                        ("year", year),
                    ],
                )
            )
        facts.append(("Cooperation", [("party", a), ("party", b), ("sector", rng.choice(sectors))]))
        role = lit(rng.choice(ROLES))
        facts.append(("Position", [("heldBy", person[0]), ("positionIn", org[0]), ("roleTitle", role)]))
        facts.append(("Membership", [("member", a), ("group", io)]))
        for number, (kind, fields) in enumerate(facts):
            f = iri(f"doc/{d}/fact/{kind.lower()}-{number}")
            made.facts.append(f)
            add(f, RDF_TYPE, f"<{DG}{kind}>", g)
            add(f, f"<{PROV}wasDerivedFrom>", rng.choice(sentences), g)
            add(f, f"<{PROV}wasGeneratedBy>", run, g)
            add(f, f"<{DG}confidence>", lit(f"0.{rng.randint(50, 99)}", "decimal"), g)
            add(f, LABEL, lit(f"{kind} {number} of statement {doc_number}"), g)
            for p, o in fields:
                add(f, f"<{DG}{p}>", o, g)
        doc_number += 1
    path.write_text("".join(out))
    made.triples = len(out)
    return made


# -- queries -----------------------------------------------------------------------------------

PREFIXES = (
    f"PREFIX dg: <{DG}>\nPREFIX prov: <{PROV}>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
# (name, template, accept): what a query page, a Linked Data browser and an application send.
TEMPLATES = [
    ("entity", "SELECT ?p ?o WHERE {{ {country} ?p ?o }} LIMIT 100", JSON),
    (
        "facts of a country",
        "SELECT ?fact ?type ?text WHERE {{ ?fact dg:party|dg:exporter {country} ; a ?type ;\n"
        "  prov:wasDerivedFrom/dg:text ?text }} LIMIT 50",
        JSON,
    ),
    (
        "trade by year",
        "SELECT ?year (SUM(?amount) AS ?total) (COUNT(?f) AS ?n) WHERE {{ ?f a dg:TradeFlow ;\n"
        "  dg:exporter {country} ; dg:amount ?amount ; dg:year ?year }} GROUP BY ?year ORDER BY ?year",
        JSON,
    ),
    (
        "people of an org",
        "SELECT DISTINCT ?person ?role WHERE {{ ?pos dg:positionIn {org} ;\n"
        "  dg:heldBy/rdfs:label ?person ; dg:roleTitle ?role }} ORDER BY ?person",
        JSON,
    ),
    (
        "cooperation areas",
        "SELECT ?area (COUNT(?c) AS ?n) WHERE {{ ?c a dg:Cooperation ; dg:party {country} ;\n"
        "  dg:sector/skos:prefLabel ?area }} GROUP BY ?area ORDER BY DESC(?n) LIMIT 10",
        JSON,
    ),
    (
        "document facts",
        "SELECT ?type (COUNT(?f) AS ?n) WHERE {{ GRAPH {doc} {{ ?f prov:wasGeneratedBy ?run ; a ?type }} }}\n"
        "GROUP BY ?type",
        JSON,
    ),
    ("ask", "ASK {{ ?f a dg:Cooperation ; dg:party {country}, {country2} }}", JSON),
    ("describe fact", "CONSTRUCT {{ {fact} ?p ?o }} WHERE {{ {fact} ?p ?o }}", TURTLE),
]


# --mix: quick lookups and heavy reports from the same clients (issue 12's fairness load).  Each client
# cycles through five kinds: a competency query (the templates above, in turn), a label lookup, a
# two-hop join, a group-by over all flows and a top-10 ranking; the first three are "cheap".
CHEAP = "cheap"
MIX_TEMPLATES = [
    ("label", CHEAP, "SELECT ?label WHERE {{ {country} rdfs:label ?label }}", JSON),
    (
        "two-hop join",
        CHEAP,
        "SELECT ?fact ?text WHERE {{ ?fact dg:exporter {country} ; prov:wasDerivedFrom ?s .\n"
        "  ?s dg:text ?text }} LIMIT 20",
        JSON,
    ),
    (
        "group-by over all flows",
        "heavy",
        "SELECT ?year (SUM(?amount) AS ?total) (COUNT(?f) AS ?n) WHERE {{ ?f dg:exporter ?exporter ;\n"
        "  dg:amount ?amount ; dg:year ?year FILTER(?year >= {year}) }} GROUP BY ?year ORDER BY ?year",
        JSON,
    ),
    (
        "top-10 ranking",
        "heavy",
        "SELECT ?country (SUM(?amount) AS ?total) WHERE {{ ?f dg:importer ?country ; dg:amount ?amount ;\n"
        "  dg:year ?year FILTER(?year >= {year}) }} GROUP BY ?country ORDER BY DESC(?total) LIMIT 10",
        JSON,
    ),
]


def query_stream(graph: Graph, client: int, seed: int, mix: bool = False):
    """An endless, reproducible sequence of (kind, query text, accept) for one client: the kind is the
    template's index, or with `mix` "cheap" or "heavy"."""
    rng = random.Random(seed * 1000 + client)
    i = client
    while True:
        if mix and i % 5:
            _, kind, template, accept = MIX_TEMPLATES[i % 5 - 1]
        else:
            index = (i // 5 if mix else i) % len(TEMPLATES)
            _, template, accept = TEMPLATES[index]
            kind = CHEAP if mix else index
        c1, c2 = rng.sample(graph.countries, 2)
        text = PREFIXES + template.format(
            country=c1,
            country2=c2,
            org=rng.choice(graph.organizations),
            doc=rng.choice(graph.documents),
            fact=rng.choice(graph.facts),
            year=rng.randint(2000, 2020),
        )
        yield kind, text, accept
        i += 1


# -- a lean HTTP/1.1 client (keep-alive, Content-Length or chunked) ----------------------------


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes, accept: str) -> tuple[int, bytes]:
        return await self.request("POST", path, accept, body)

    async def request(self, method: str, target: str, accept: str, body: bytes | None = None) -> tuple[int, bytes]:
        """(status, body) of one request; a form body when `body` is given."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: {accept}\r\n"
        if body is not None:
            head += f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + (body or b""))
        status_line = await self.reader.readline()
        if not status_line:  # the server closed the (keep-alive) connection without answering
            await self.close()
            raise ConnectionResetError("connection closed before an answer")
        status = int(status_line.split()[1])
        headers = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            payload = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int((await self.reader.readline()).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size))
                await self.reader.readline()
            await self.reader.readline()
            payload = b"".join(parts)
        else:
            payload = await self.reader.read()
        if headers.get("connection", "").lower() == "close" or not payload and status >= 400:
            await self.close()
        return status, payload

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def split_url(url: str) -> tuple[str, int, str]:
    rest = url.removeprefix("http://")
    hostport, _, path = rest.partition("/")
    host, _, port = hostport.partition(":")
    return host, int(port), "/" + path


async def run_load(url: str, graph: Graph, clients: int, seconds: float, seed: int, mix: bool = False) -> dict:
    host, port, path = split_url(url)
    latencies: list[float] = []
    cheap: list[float] = []  # with mix: the cheap queries' latencies
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(n: int) -> None:
        nonlocal errors
        connection = Connection(host, port)
        queries = query_stream(graph, n, seed, mix)
        try:
            while time.perf_counter() < stop:
                kind, text, accept = next(queries)
                body = urlencode({"query": text}).encode()
                started = time.perf_counter()
                try:
                    status, _ = await connection.post(path, body, accept)
                except (OSError, ValueError, asyncio.IncompleteReadError):
                    status = 0
                    await connection.close()
                latencies.append(time.perf_counter() - started)
                if kind == CHEAP:
                    cheap.append(latencies[-1])
                errors += status != 200
        finally:
            await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {
        "rps": len(latencies) / elapsed,
        "p50": q[49],
        "p95": q[94],
        "errors": errors,
        "n": len(latencies),
        "cheap_p50": statistics.median(cheap) if cheap else float("nan"),
    }


async def answer_sizes(url: str, graph: Graph, seed: int) -> list[int]:
    """Rows (bindings, or lines of Turtle) each template returns for one fixed set of parameters."""
    host, port, path = split_url(url)
    connection = Connection(host, port)
    sizes = []
    queries = query_stream(graph, 0, seed + 1)
    try:
        for _ in TEMPLATES:
            index, text, accept = next(queries)
            status, payload = await connection.post(path, urlencode({"query": text}).encode(), accept)
            if status != 200:
                sizes.append(-status)
            elif accept == JSON:
                result = json.loads(payload)
                sizes.append(len(result["results"]["bindings"]) if "results" in result else int(result["boolean"]))
            else:
                sizes.append(sum(1 for line in payload.decode().splitlines() if line.strip().endswith((".", ";"))))
    finally:
        await connection.close()
    return sizes


# -- servers -----------------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    cmd: list[str]
    url: str
    env: dict = field(default_factory=dict)
    cwd: Path | None = None
    proc: subprocess.Popen | None = None
    load_seconds: float = 0.0


def cpu_seconds(session: int) -> float | None:
    """CPU time (user + system) used so far by every process of a server's session (Linux /proc)."""
    total, found = 0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[3]) == session:  # fields[3] is the session id (field 6 of proc(5))
            total, found = total + int(fields[11]) + int(fields[12]), True
    return total / os.sysconf("SC_CLK_TCK") if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(server: Server, log: Path, timeout: float) -> None:
    """Start the server in its own process group and wait until it answers a query."""
    started = time.monotonic()
    server.proc = subprocess.Popen(
        server.cmd,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=server.cwd,
        env={**os.environ, **server.env},
    )
    host, port, path = split_url(server.url)
    while time.monotonic() - started < timeout:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited: {log.read_text()[-500:]}")
        try:
            status, _ = asyncio.run(Connection(host, port).post(path, b"query=ASK%7B%7D", JSON))
            if status == 200:
                server.load_seconds = time.monotonic() - started
                return
        except (OSError, ValueError, asyncio.IncompleteReadError):
            pass
        time.sleep(0.5)
    stop(server)
    raise TimeoutError(f"{server.name} did not answer within {timeout:g} s")


def stop(server: Server) -> None:
    """Stop by PID: the server's process group (uvicorn and its engine processes)."""
    if server.proc is None or server.proc.poll() is not None:
        return
    os.killpg(server.proc.pid, signal.SIGTERM)
    try:
        server.proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(server.proc.pid, signal.SIGKILL)
        server.proc.wait()


def tool(name: str) -> str | None:
    """A comparison server's command: in .venv-bench/, beside this Python, or on PATH."""
    for directory in (BENCH_VENV, Path(sys.executable).parent):
        if (directory / name).exists():
            return str(directory / name)
    return shutil.which(name)


def diplograph_server(name: str, store: Path, root: Path, extra_path: Path | None = None) -> Server:
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
    ]
    # `python -m` puts the working directory first on sys.path: run from the checkout being measured.
    path = os.pathsep.join(str(p) for p in (root, extra_path) if p is not None)
    return Server(name, cmd, f"http://127.0.0.1:{port}/sparql", env={"PYTHONPATH": path}, cwd=root)


def prefork_command(store: Path, port: int, processes: int, *options: str) -> list[str]:
    """The command line of the measuring prototype (prefork.py) on `store` at `port`."""
    return [sys.executable, str(Path(__file__).with_name("prefork.py")), "--store", str(store), "--port", str(port),
            "--processes", str(processes), *options]


def servers(
    work: Path,
    store: Path,
    rdflib_data: Path | None,
    baseline: Path | None,
    skip: set[str],
    extra_path: Path | None = None,
    prefork: int = 0,
    granian: int = 0,
    granian_fronts: tuple[str, ...] = (),
) -> list[Server]:
    found = [diplograph_server("diplograph", store, ROOT, extra_path)]
    for front in granian_fronts if granian else ():  # prefork.py behind granian
        port = free_port()
        interface, *option = front.split("-")
        cmd = prefork_command(store, port, granian, "--front", f"granian-{interface}")
        cmd += {"inline": ["--inline"], "rust": ["--task-impl", "rust"]}.get(option[0], []) if option else []
        found.append(Server(f"granian-{front} x{granian}", cmd, f"http://127.0.0.1:{port}/sparql", cwd=ROOT))
    if prefork:  # the measuring prototype of pre-forked processes without a hop (prefork.py)
        port = free_port()
        cmd = prefork_command(store, port, prefork)
        found.append(Server(f"prefork x{prefork}", cmd, f"http://127.0.0.1:{port}/sparql", cwd=ROOT))
        port = free_port()
        cmd = prefork_command(store, port, prefork, "--inline")
        found.append(Server(f"prefork x{prefork} inline", cmd, f"http://127.0.0.1:{port}/sparql", cwd=ROOT))
    if baseline is not None:
        found.append(diplograph_server("diplograph@baseline", store, baseline))
    oxigraph = tool("oxigraph")
    if "oxigraph" in skip:
        print("oxigraph serve: skipped (--skip)")
    elif oxigraph:
        port = free_port()
        shutil.copytree(store, work / "store-ox")
        found.append(
            Server(
                "oxigraph serve",
                [
                    oxigraph,
                    "serve-read-only",
                    "--location",
                    str(work / "store-ox"),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--union-default-graph",
                ],
                f"http://127.0.0.1:{port}/query",
            )
        )
    else:
        print("oxigraph serve: not installed, skipped (see bench/README.md: install it into .venv-bench)")
    rdflib_endpoint = tool("rdflib-endpoint")
    if "rdflib" in skip or rdflib_data is None:
        print("rdflib-endpoint: skipped")
    elif rdflib_endpoint:
        port = free_port()
        found.append(
            Server(
                "rdflib-endpoint",
                [rdflib_endpoint, "serve", str(rdflib_data), "--host", "127.0.0.1", "--port", str(port)],
                f"http://127.0.0.1:{port}/",
            )
        )
    else:
        print("rdflib-endpoint: not installed, skipped (see bench/README.md: pip install rdflib-endpoint[cli])")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument(
        "--rdflib-triples",
        type=int,
        default=None,
        help="serve rdflib-endpoint a smaller graph of this size (default: the same graph)",
    )
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=6, help="length of one measured round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per server (medians are reported)")
    parser.add_argument("--load-timeout", type=float, default=150, help="give up on a server not up by then")
    parser.add_argument("--skip", action="append", default=[], choices=["oxigraph", "rdflib"])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--mix",
        action="store_true",
        help="cheap lookups and heavy reports (group-bys, top-10 rankings over all flows) from the same "
        "clients; reports the cheap queries' median latency (fairness)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="DIR",
        help="also serve the api/ of another checkout as 'diplograph@baseline' (before/after a change)",
    )
    parser.add_argument(
        "--extra-path",
        type=Path,
        default=None,
        metavar="DIR",
        help="also on sys.path of 'diplograph' (not of the baseline): e.g. a `pip install --target DIR` of "
        "packages such as httptools and uvloop, to measure a dependency before adding it",
    )
    parser.add_argument(
        "--prefork",
        type=int,
        default=0,
        metavar="N",
        help="also serve the measuring prototype bench/endpoint/prefork.py with N pre-forked processes",
    )
    parser.add_argument(
        "--granian",
        type=int,
        default=0,
        metavar="N",
        help="also serve prefork.py behind granian with N worker processes (see --granian-front)",
    )
    parser.add_argument(
        "--granian-front",
        action="append",
        choices=["rsgi", "asgi", "wsgi", "rsgi-inline", "wsgi-inline", "rsgi-rust"],
        help="which granian variants --granian serves (repeat; default rsgi and asgi): rsgi-inline runs the "
        "query on the event loop, wsgi-inline on the blocking thread, rsgi-rust uses granian's Rust tasks",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a stopped benchmark still stops its servers
    work = Path(tempfile.mkdtemp(prefix="dg-bench-"))
    running: list[Server] = []
    try:
        t0 = time.monotonic()
        graph = synthetic_graph(args.triples, work / "data.nq")
        store = ox.Store(str(work / "store"))
        store.bulk_load(path=str(work / "data.nq"), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        rdflib_data, rdflib_graph = work / "data.nq", graph
        if args.rdflib_triples and args.rdflib_triples != args.triples:
            rdflib_data = work / "data-rdflib.nq"
            rdflib_graph = synthetic_graph(args.rdflib_triples, rdflib_data)
        print(
            f"graph: {graph.triples} quads, {len(graph.documents)} document graphs "
            f"(generated and loaded in {time.monotonic() - t0:.0f} s); {args.clients} clients; "
            f"{args.rounds} rounds of {args.seconds:g} s; {len(TEMPLATES)} query templates"
        )
        candidates = servers(
            work,
            work / "store",
            rdflib_data,
            args.baseline.resolve() if args.baseline else None,
            set(args.skip),
            args.extra_path.resolve() if args.extra_path else None,
            args.prefork,
            args.granian,
            tuple(args.granian_front or ("rsgi", "asgi")),
        )
        for server in candidates:
            try:
                start(server, work / f"{server.name.replace(' ', '-')}.log", args.load_timeout)
            except (RuntimeError, TimeoutError) as exc:
                print(f"{server.name}: {exc}; skipped")
                continue
            running.append(server)
            print(f"{server.name}: up in {server.load_seconds:.1f} s")
        graphs = {s.name: rdflib_graph if s.name == "rdflib-endpoint" else graph for s in running}
        reference = None
        for server in running:
            sizes = asyncio.run(answer_sizes(server.url, graphs[server.name], args.seed))
            if graphs[server.name] is graph:
                reference = reference or sizes
                if sizes != reference:
                    print(f"warning: {server.name} answers differ from diplograph's: {sizes} vs {reference}")
            asyncio.run(run_load(server.url, graphs[server.name], 2, 2, args.seed + 99))  # warm-up
        print(f"answer sizes (rows per template): {reference}")
        rounds: dict[str, list[dict]] = {s.name: [] for s in running}
        for r in range(args.rounds):
            for server in running:
                assert server.proc is not None
                cpu_before = cpu_seconds(server.proc.pid)
                result = asyncio.run(
                    run_load(server.url, graphs[server.name], args.clients, args.seconds, args.seed + r, args.mix)
                )
                cpu_after = cpu_seconds(server.proc.pid)
                if cpu_before is not None and cpu_after is not None:
                    result["cpu_ms"] = (cpu_after - cpu_before) * 1000 / result["n"]
                rounds[server.name].append(result)
                print(
                    f"  round {r + 1} {server.name:20s} {result['rps']:8.1f} req/s "
                    f"{result.get('cpu_ms', float('nan')):6.2f} CPU ms/req  errors {result['errors']}"
                    + (f"  cheap p50 {result['cheap_p50'] * 1000:.1f} ms" if args.mix else ""),
                    flush=True,
                )
        report(rounds, args, graph, rdflib_graph)
        print(f"total {time.monotonic() - t0:.0f} s")
    finally:
        for server in running:
            stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report(rounds: dict[str, list[dict]], args, graph: Graph, rdflib_graph: Graph) -> None:
    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in rounds[name])

    columns = f"{'triples':>9s} {'req/s':>8s} {'p50 ms':>7s} {'p95 ms':>7s} {'CPU ms/req':>10s} errors"
    print(f"\n{'server':20s} {columns}")
    for name in rounds:
        size = rdflib_graph.triples if name == "rdflib-endpoint" else graph.triples
        cpu = med(name, "cpu_ms") if all("cpu_ms" in r for r in rounds[name]) else float("nan")
        print(
            f"{name:20s} {size:9d} {med(name, 'rps'):8.1f} {med(name, 'p50') * 1000:7.1f} "
            f"{med(name, 'p95') * 1000:7.1f} {cpu:10.2f} {sum(r['errors'] for r in rounds[name]):6d}"
        )
    others = ("oxigraph serve", "rdflib-endpoint")
    if args.mix:
        for ours in (name for name in rounds if name not in others):
            if ours in rounds and "oxigraph serve" in rounds:
                latency = med(ours, "cheap_p50") / med("oxigraph serve", "cheap_p50")
                ratio = med(ours, "rps") / med("oxigraph serve", "rps")
                print(
                    f"{ours} / oxigraph serve, mixed load: cheap queries' p50 {med(ours, 'cheap_p50') * 1000:.1f} vs "
                    f"{med('oxigraph serve', 'cheap_p50') * 1000:.1f} ms = {latency:.2f}x (aim <= 3x: "
                    f"{'met' if latency <= 3 else 'not met'}); throughput {ratio:.2f}x (aim >= 1x: "
                    f"{'met' if ratio >= 1 else 'not met'})"
                )
        return
    for ours in (name for name in rounds if name not in others):
        for other, aim in (("rdflib-endpoint", 10.0), ("oxigraph serve", 0.8)):  # issue 12: 0.8x (was 0.5x)
            if ours not in rounds or other not in rounds:
                continue
            ratio = med(ours, "rps") / med(other, "rps")
            note = (
                ""
                if rdflib_graph is graph or other != "rdflib-endpoint"
                else f" (rdflib-endpoint on {rdflib_graph.triples} triples, {ours} on {graph.triples})"
            )
            print(
                f"{ours} / {other}: {ratio:.2f}x throughput (aim >= {aim:g}x: "
                f"{'met' if ratio >= aim else 'not met'}){note}"
            )


if __name__ == "__main__":
    raise SystemExit(main())

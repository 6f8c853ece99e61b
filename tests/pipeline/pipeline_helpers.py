"""Helpers for the pipeline tests: run the real CLI, read stores and extraction results the way a
user would look at them.  A module of its own (not conftest) so tests import it unambiguously."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))
QUERIES = ROOT / "queries"
CLI = [sys.executable, "-m", "diplograph"]
DG = "https://w3id.org/diplograph/ontology#"
PREFIXES = f"""PREFIX dg: <{DG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sh: <http://www.w3.org/ns/shacl#>
"""


def run_cli(*args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"diplograph {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def cli_json(*args: str) -> dict | list:
    """Run the CLI and parse its JSON standard output."""
    return json.loads(run_cli(*args).stdout)


def select(store: Path, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT over the union graph, read in-process from a read-only store."""
    result = ox.Store.read_only(str(store)).query(PREFIXES + sparql, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def nquads(store: Path) -> list[str]:
    """Every quad of the store as sorted N-Quads lines: two stores with equal lists hold the same data."""
    data = ox.Store.read_only(str(store)).dump(format=ox.RdfFormat.N_QUADS).decode()
    return sorted(line for line in data.splitlines() if line.strip())


STARTED = re.compile(r'(<http://www\.w3\.org/ns/prov#startedAtTime> )"[^"]*"')


def canonical(store: Path) -> list[str]:
    """Sorted N-Quads, blank nodes labelled by RDFC-1.0 (their labels are minted afresh in each store),
    each run's start time replaced by a placeholder (the only value that depends on the clock)."""
    dataset = ox.Dataset(ox.Store.read_only(str(store)))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(STARTED.sub(r'\1"T"', str(quad)) for quad in dataset)


def documents(store: Path) -> dict[str, dict[str, str]]:
    """`diplograph documents --json`, keyed by the document's path file name."""
    rows = cli_json("documents", "--store", str(store), "--json")
    return {Path(r["path"]).name: r for r in rows}



# ---------------------------------------------------------------------------
# Extraction, one sentence (or a few) at a time


def facts_of(text: str) -> list:
    """The facts the rules read from a text, with mentions relative to their sentence.  The learned readers
    are left out: their weights change with every training, so they are judged on the corpus
    (`diplograph evaluate`) and in test_learned.py, not sentence by sentence."""
    from diplograph.graph.extract import extract_views, read_views
    from diplograph.graph.gazetteer import load_gazetteer

    _, views = read_views(text)
    return extract_views(views, load_gazetteer(), learned=False)


def keys(fact, role: str) -> set[str]:
    """The gazetteer keys (countries, groups) or, for unknown names, the texts playing a role."""
    return {m.key or m.text for m in fact.roles_named(role)}


def of_kind(facts: list, kind: str) -> list:
    return [f for f in facts if f.kind == kind]


def run_many(calls: list[tuple[str, ...]], workers: int = 4) -> list[subprocess.CompletedProcess]:
    """Several independent read-only CLI calls at once (each pays for Python and spaCy imports)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda args: run_cli(*args, check=False), calls))


def cli_main(*args: str) -> tuple[int, str, str]:
    """The command line's own entry point run in this process (no interpreter start-up):
    (exit status, standard output, standard error).  Used for read-only calls whose output is checked;
    behaviour that depends on the process (exit codes, kills, locks) is tested with real subprocesses."""
    import contextlib
    import io

    from diplograph.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def signature(fact) -> tuple:
    """A fact as a comparable value: its kind, its (role, key or text) pairs and the values that make it
    this fact (a position's role, a flow's amount and year, an activity's status, a cooperation's area)."""
    from decimal import Decimal

    values = []
    for name in ("role", "status", "sector", "amount", "year", "commodity"):
        value = fact.value(name)
        if value is not None:
            values.append((name, Decimal(str(value)) if name == "amount" else value))
    return fact.kind, frozenset((role, m.key or m.text) for role, m in fact.roles), tuple(values)


def fact_set(text: str) -> set[tuple]:
    return {signature(f) for f in facts_of(text)}


def sig(kind: str, *roles: tuple[str, str], **values: object) -> tuple:
    """The `signature` of the fact one expects: `sig("TradeFlow", ("party", "country:PER"), ..., amount=5e9)`."""
    from decimal import Decimal

    ordered = tuple((name, Decimal(str(values[name])) if name == "amount" else values[name])
                    for name in ("role", "status", "sector", "amount", "year", "commodity") if name in values)
    return kind, frozenset(roles), ordered

"""diplograph installed like any Python package: build the sdist and, from it, the wheel; install the
wheel into a fresh virtual environment; then, from an empty folder that holds nothing of the
project, build the seed, ask a competency question, serve the pages and export for Protégé.

The run-time data (ontology, shapes, sectors, gazetteers, queries, page assets) must come from the
installed package, so the test never runs from the checkout, and the environment it runs the
commands in carries no PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4a6d2ac17db10a4b.txt"


def run(cmd: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    output = f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert proc.returncode == 0, f"{' '.join(cmd)}: exit {proc.returncode}\n{output}"
    return proc


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`python -m build`: the sdist first, then the wheel built from the sdist (so both carry the data)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out)
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies, nothing else."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", str(env_dir)], cwd=env_dir.parent)
    (wheel,) = dist.glob("diplograph-*.whl")
    run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=env_dir.parent)
    return env_dir


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def store(venv: Path, empty: Path) -> Path:
    (empty / "articles").mkdir()
    (empty / "articles" / SEED.name).write_bytes(SEED.read_bytes())
    run([str(venv / "bin" / "diplograph"), "build", "articles", "--store", "store"], cwd=empty)
    return empty / "store"


def test_wheel_holds_the_package_and_its_data_under_one_import_name(dist: Path) -> None:
    (wheel,) = dist.glob("diplograph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.startswith("diplograph-")}
    assert top == {"diplograph"}  # no top-level `graph` or `api` to collide with other distributions
    for data in ("diplograph/ontology/diplograph.ttl", "diplograph/ontology/shapes.ttl",
                 "diplograph/ontology/sectors.ttl", "diplograph/data/country-codes.csv",
                 "diplograph/data/gazetteer/countries.csv", "diplograph/queries/cq01_entities.rq",
                 "diplograph/data/patterns/activity.jsonl", "diplograph/data/models/activity.json",
                 "diplograph/data/models/home.json", "diplograph/data/models/status.json",
                 "diplograph/api/static/index.html", "diplograph/cli.py", "diplograph/__main__.py"):
        assert data in names, data
    (sdist,) = dist.glob("diplograph-*.tar.gz")
    assert sdist.stat().st_size > 0


def test_installed_command_builds_and_answers_a_competency_question(venv: Path, store: Path, empty: Path) -> None:
    """The seed's five flows (the contract's gold) come back from the shipped cq03 query."""
    python = str(venv / "bin" / "python")
    cq03 = run([python, "-c", "import importlib.resources as r; print(r.files('diplograph.queries') / "
                "'cq03_flows.rq')"], cwd=empty).stdout.strip()
    assert str(ROOT) not in cq03  # the query comes from the installed package, not the checkout
    out = run([str(venv / "bin" / "diplograph"), "query", "--store", "store", cq03, "--format", "json"], cwd=empty)
    rows = json.loads(out.stdout)["results"]["bindings"]
    amounts = sorted(int(float(r["amount"]["value"])) for r in rows)
    # The seed states: trade $500 million (2024), uranium ~$300 million, iron ~$13 million,
    # Canadian FDI $1 billion (2021) and $2.2 billion (2022).
    assert amounts == [13_000_000, 300_000_000, 500_000_000, 1_000_000_000, 2_200_000_000]


def test_python_dash_m_works_like_the_console_script(venv: Path, empty: Path) -> None:
    via_module = run([str(venv / "bin" / "python"), "-m", "diplograph", "--version"], cwd=empty).stdout
    via_script = run([str(venv / "bin" / "diplograph"), "--version"], cwd=empty).stdout
    assert via_module == via_script and "0.1.0" in via_module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(venv: Path, store: Path, empty: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    log = open(empty / "serve.log", "wb")
    proc = subprocess.Popen([str(venv / "bin" / "diplograph"), "serve", "--store", "store", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=empty, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (empty / "serve.log").read_text()[-2000:]
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the installed server did not start"
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_installed_server_serves_the_query_page_ontology_and_sparql(served: str) -> None:
    page = httpx.get(served + "/", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<textarea" in page.text
    assert httpx.get(served + "/static/app.js").status_code == 200
    examples = {e["name"] for e in httpx.get(served + "/api/examples").json()}
    assert {"cq03_flows", "ex01_top_trade_partners"} <= examples  # the shipped queries, not a fallback
    ontology = httpx.get(served + "/ontology", headers={"Accept": "text/turtle"})
    assert ontology.status_code == 200 and "owl:Ontology" in ontology.text
    answer = httpx.get(served + "/sparql", params={"query": "ASK { ?c <http://www.w3.org/2000/01/rdf-schema#label> "
                                                            "\"Kazakhstan\" }"},
                       headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200 and answer.json()["boolean"] is True


def test_installed_export_for_protege_lands_where_asked(venv: Path, store: Path, empty: Path) -> None:
    """A relative -o is relative to the user's folder: the TBox, the ABox and the catalog all land there."""
    run([str(venv / "bin" / "diplograph"), "export", "--store", "store", "--format", "rdfxml", "--owl",
         "-o", "protege"], cwd=empty)
    assert sorted(p.name for p in (empty / "protege").iterdir()) == [
        "catalog-v001.xml", "diplograph-kg.owl", "diplograph.owl"]
    assert b"owl:Ontology" in (empty / "protege" / "diplograph.owl").read_bytes()


@pytest.mark.skipif(not Path("/usr/bin/java").exists() and not os.environ.get("JAVA_HOME"),
                    reason="OWL/XML goes through the OWL API, which needs a Java runtime")
def test_installed_owx_export_with_a_relative_folder(venv: Path, store: Path, empty: Path) -> None:
    """OWL/XML runs the OWL API in a child process; its files must still land in the user's folder."""
    run([str(venv / "bin" / "diplograph"), "export", "--store", "store", "--format", "owx", "-o", "owx"], cwd=empty)
    assert sorted(p.name for p in (empty / "owx").iterdir()) == [
        "catalog-v001.xml", "diplograph-kg.owx", "diplograph.owx"]
    assert b"<Ontology" in (empty / "owx" / "diplograph.owx").read_bytes()

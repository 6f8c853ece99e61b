"""Real SPARQL stores on 127.0.0.1 for the remote-store tests: Oxigraph's server (the `oxigraph` package's
binary) and Debian's Virtuoso (`virtuoso-t`, installed by .ci/run), each on free ports in a temporary
folder, stopped by PID.  Where one cannot be started, its tests skip and say why."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "diplograph"]
BASE = "https://w3id.org/diplograph/"
STARTED = "<http://www.w3.org/ns/prov#startedAtTime>"
VIRTUOSO_PASSWORD = "dba"  # a new Virtuoso database's administrator is dba/dba


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Remote:
    """A running store: the URL `--store` takes and the environment its credentials go in."""

    name: str
    url: str
    proc: subprocess.Popen
    env: dict[str, str] = field(default_factory=dict)
    behind: Remote | None = None  # the store a proxy stands in front of

    def stop(self) -> None:
        if self.behind is not None:
            self.behind.stop()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def _wait(proc: subprocess.Popen, probe: str, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.skip(f"the store exited at start-up: {log.read_text(errors='replace')[-800:]}")
        try:
            if httpx.get(probe, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.skip(f"the store did not answer {probe} within {seconds:g} s")


def start_oxigraph(folder: Path) -> Remote:
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("no `oxigraph` binary (pip install oxigraph, in the test extra)")
    port = free_port()
    log = folder / "oxigraph.log"
    proc = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    _wait(proc, url + "query", log)
    return Remote("oxigraph", url, proc)


NGINX_CONF = """worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/nginx-error.log;
{user}
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  client_max_body_size 0;
  server {{
    listen 127.0.0.1:{port};
    location / {{
      auth_basic "diplograph tests";
      auth_basic_user_file {d}/htpasswd;
      proxy_pass http://127.0.0.1:{upstream}/;
      proxy_set_header Authorization "";
    }}
  }}
}}
"""
BASIC_USER, BASIC_PASSWORD = "reader", "s3cret-basic"


def start_oxigraph_behind_basic_auth(folder: Path) -> Remote:
    """Oxigraph's server behind Debian's nginx with HTTP basic authentication, as it is deployed where its
    own server has none; nginx is installed by .ci/run."""
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if binary is None:
        pytest.skip("no `nginx` (Debian's nginx-light, which .ci/run installs)")
    store = start_oxigraph(folder)
    port = free_port()
    site = folder / "nginx"
    site.mkdir()
    (site / "htpasswd").write_text(f"{BASIC_USER}:{{PLAIN}}{BASIC_PASSWORD}\n")
    user = "user root;" if os.geteuid() == 0 else ""  # the worker reads the test's private folder
    (site / "nginx.conf").write_text(NGINX_CONF.format(d=site, user=user, port=port,
                                                       upstream=store.url.rstrip("/").rsplit(":", 1)[1]))
    log = site / "nginx.out"
    proc = subprocess.Popen([binary, "-p", str(site), "-c", str(site / "nginx.conf"),
                             "-e", str(site / "nginx-error.log")],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            store.stop()
            pytest.skip(f"nginx exited at start-up: {log.read_text(errors='replace')[-800:]}")
        try:
            if httpx.get(url + "query", params={"query": "ASK {}"}, auth=(BASIC_USER, BASIC_PASSWORD),
                         timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    else:
        proc.kill()
        store.stop()
        pytest.skip(f"nginx did not answer {url} within 30 s")
    env = {"DIPLOGRAPH_STORE_USER": BASIC_USER, "DIPLOGRAPH_STORE_PASSWORD": BASIC_PASSWORD,
           "DIPLOGRAPH_STORE_AUTH": "basic"}
    return Remote("oxigraph-basic", url, proc, env, behind=store)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000000
MaxQueryExecutionTime = 300
"""


def start_virtuoso(folder: Path) -> Remote:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("no `virtuoso-t` (Debian's virtuoso-opensource, which .ci/run installs)")
    http = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=free_port(), http=http))
    log = folder / "virtuoso.out"
    proc = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=folder, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{http}/sparql"
    _wait(proc, url, log)
    env = {"DIPLOGRAPH_STORE_USER": "dba", "DIPLOGRAPH_STORE_PASSWORD": VIRTUOSO_PASSWORD,
           "DIPLOGRAPH_STORE_AUTH": "digest"}
    return Remote("virtuoso", url, proc, env)


def run_cli(*args: str, env: dict[str, str] | None = None, check: bool = True,
            timeout: float = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, **(env or {})})
    if check and proc.returncode != 0:
        raise AssertionError(f"diplograph {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def canonical(nquads: Path) -> list[str]:
    """The diplograph graphs of an N-Quads file as sorted lines: blank nodes labelled by RDFC-1.0 (each
    store mints its own labels), each run's start time (read from the clock) replaced by T."""
    dataset = ox.Dataset(q for q in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
                         if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(BASE))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = []
    for quad in dataset:
        if str(quad.predicate) == STARTED:
            quad = ox.Quad(quad.subject, quad.predicate, ox.Literal("T"), quad.graph_name)
        lines.append(str(quad))
    return sorted(lines)

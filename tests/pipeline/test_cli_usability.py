"""What a new user stumbled on (issue 9, section 4): one-line errors instead of tracebacks, a folder
without articles, a PDF saved as .txt, the store option, --help defaults, the build summary's totals
and `query --bind`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pipeline_helpers import CLI, ROOT, SEED_FILE, SEEDS, cli_main, run_cli, select

KAZ = "https://w3id.org/diplograph/id/country/KAZ"


def one_line_error(stderr: str) -> str:
    """The error a user sees: exactly one line, no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    return lines[0]


def run_in(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The CLI run from another folder, with DIPLOGRAPH_STORE set as given (or unset)."""
    environment = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_STORE"}
    environment.update(env or {})
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=environment, timeout=300)


# ---------------------------------------------------------------------------
# serve and query: one line, not a traceback


@pytest.mark.parametrize("what", ["missing", "folder of articles", "a file"])
def test_serve_on_a_path_that_is_no_store_says_so_in_one_line(what: str, tmp_path: Path) -> None:
    path = {"missing": tmp_path / "nowhere", "folder of articles": SEEDS, "a file": SEED_FILE}[what]
    proc = run_cli("serve", "--store", str(path), "--port", "0", check=False, timeout=120)
    assert proc.returncode == 2
    line = one_line_error(proc.stderr)
    assert str(path) in line
    assert not (tmp_path / "nowhere").exists()  # serving never creates a store


def test_query_file_that_is_not_utf8_is_one_line_naming_the_file(seed_store: Path, tmp_path: Path) -> None:
    query = tmp_path / "latin1.rq"
    query.write_bytes("SELECT * WHERE { ?s ?p \"S\u00e3o Paulo\" }".encode("latin-1"))
    code, out, err = cli_main("query", "--store", str(seed_store), str(query))
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert str(query) in line and "UTF-8" in line


def test_missing_query_file_and_no_query_are_usage_errors(seed_store: Path, tmp_path: Path) -> None:
    code, _, err = cli_main("query", "--store", str(seed_store), str(tmp_path / "none.rq"))
    assert code == 2 and "none.rq" in one_line_error(err)
    code, _, err = cli_main("query", "--store", str(seed_store))
    assert code == 2 and "-e QUERY" in one_line_error(err)


# ---------------------------------------------------------------------------
# build: a folder with no articles, binary files saved as .txt


def test_folder_without_txt_warns_fails_and_creates_no_store(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "notes.md").write_text("Kazakhstan and Canada signed an agreement.\n", encoding="utf-8")
    store = tmp_path / "store"
    proc = run_cli("build", str(folder), "--store", str(store), check=False)
    assert proc.returncode != 0
    assert f"warning: {folder}: no .txt files" in proc.stderr
    assert "0 built, 0 unchanged, 0 failed" in proc.stdout
    assert not store.exists()


def test_empty_folder_beside_articles_is_named_and_the_articles_still_build(tmp_path: Path) -> None:
    empty, docs = tmp_path / "empty", tmp_path / "docs"
    empty.mkdir()
    shutil.copytree(SEEDS, docs)
    store = tmp_path / "store"
    proc = run_cli("build", str(docs), str(empty), "--store", str(store), check=False)
    assert proc.returncode == 1
    assert f"{empty}: no .txt files" in proc.stderr and str(docs) + ":" not in proc.stderr
    assert "1 built, 0 unchanged, 0 failed" in proc.stdout
    assert len(select(store, "SELECT ?d WHERE { ?d a dg:Document }")) == 1


BINARIES = {
    "report.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "letter.txt": (b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml word/document.xml" + b"\x00" * 20, "DOCX"),
    "archive.txt": (b"PK\x03\x04\x14\x00\x00\x00" + b"notes/readme" + b"\x00" * 20, "ZIP"),
    "chart.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    "photo.txt": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
    "logo.txt": (b"GIF89a\x01\x00\x01\x00", "GIF"),
    "dump.txt": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_format_is_detected_by_magic_bytes(name: str, tmp_path: Path) -> None:
    from diplograph.graph.documents import DocumentError, read_document

    data, fmt = BINARIES[name]
    path = tmp_path / name
    path.write_bytes(data + b" Kazakhstan and Canada signed an agreement on trade. " * 40)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and f"{fmt} file" in message


def test_binary_files_fail_by_name_and_format_and_the_articles_still_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    for name, (data, _) in BINARIES.items():
        # the format's first bytes, then article text (a PDF's header has no control bytes at all)
        (docs / name).write_bytes(data + b"\nKazakhstan and Canada met in Astana to talk about trade.\n" * 5)
    store = tmp_path / "store"
    proc = run_cli("build", str(docs), "--store", str(store), check=False)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    for name, (_, fmt) in BINARIES.items():
        assert any(str(docs / name) in line and f"{fmt} file" in line for line in errors), (name, proc.stderr)
    assert f"1 built, 0 unchanged, {len(BINARIES)} failed" in proc.stdout
    titles = [r["t"] for r in select(store, "SELECT ?t WHERE { ?d a dg:Document ; dcterms:title ?t }")]
    assert titles == [SEED_FILE.read_text(encoding="utf-8").splitlines()[0].strip()]


def test_a_folder_of_other_files_is_never_made_a_store(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "thesis.tex").write_text("keep me\n", encoding="utf-8")
    proc = run_cli("build", str(SEEDS), "--store", str(target), check=False)
    assert proc.returncode == 2 and str(target) in one_line_error(proc.stderr)
    assert sorted(p.name for p in target.iterdir()) == ["thesis.tex"]


# ---------------------------------------------------------------------------
# The store: DIPLOGRAPH_STORE in every command, var/store by default


def test_diplograph_store_is_honoured_by_every_reading_command(seed_store: Path, monkeypatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_STORE", str(seed_store))
    code, out, _ = cli_main("documents", "--json")
    assert code == 0 and SEED_FILE.name in out
    code, out, _ = cli_main("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?d a "
                            "<https://w3id.org/diplograph/ontology#Document> }", "--format", "csv")
    assert code == 0 and out.splitlines()[1].strip() == "1"
    code, out, _ = cli_main("candidates")
    assert code == 0 and "candidate facts" in out
    code, out, _ = cli_main("export", "--format", "ntriples")
    assert code == 0 and KAZ in out


def test_default_store_is_var_store_under_the_working_folder(tmp_path: Path) -> None:
    proc = run_in(tmp_path, "build", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "var" / "store" / "CURRENT").is_file()
    proc = run_in(tmp_path, "documents", "--json")
    assert proc.returncode == 0 and SEED_FILE.name in proc.stdout
    other = tmp_path / "elsewhere"
    other.mkdir()
    proc = run_in(other, "documents")
    assert proc.returncode == 2 and "var/store" in one_line_error(proc.stderr)
    proc = run_in(other, "documents", env={"DIPLOGRAPH_STORE": str(tmp_path / "var" / "store")})
    assert proc.returncode == 0 and SEED_FILE.name in proc.stdout


def test_help_shows_every_default() -> None:
    import argparse

    from diplograph.cli import HelpFormatter, parser

    root = parser()
    commands = next(a for a in root._actions if isinstance(a, argparse._SubParsersAction)).choices
    formatter = HelpFormatter("diplograph")
    for name, sub in commands.items():
        for action in sub._actions:
            if not action.option_strings or action.default in (None, False, argparse.SUPPRESS, []):
                continue
            assert "default" in formatter._get_help_string(action), (name, action.dest)
    helps = {name: " ".join(sub.format_help().split()) for name, sub in commands.items()}
    assert "(default: var/store)" in helps["build"] or "DIPLOGRAPH_STORE" in os.environ
    assert "(default: 2000000)" in helps["build"] and "(default: 0.5)" in helps["build"]
    assert "(default: table)" in helps["query"] and "(default: turtle)" in helps["export"]
    assert "default: 7878" in helps["serve"] and "8000" in helps["serve"]
    assert "(default: .diplograph-cache)" in helps["link"] and "(default: docs/ontology.html)" in helps["docs"]


# ---------------------------------------------------------------------------
# The build summary: the store's distinct totals and what this build changed


def totals_said(stdout: str) -> dict[str, int]:
    """The store's totals from the summary's first line."""
    found = re.search(r"entities: (\d+); facts: (\d+); rejected facts: (\d+)", stdout.splitlines()[0])
    return dict(zip(("entities", "facts", "rejected facts"), map(int, found.groups()), strict=True))


def test_summary_counts_each_entity_once_and_an_unchanged_rebuild_keeps_the_totals(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = SEED_FILE.read_bytes()
    (docs / "a.txt").write_bytes(text)  # the same article twice: the same entities, twice the facts
    (docs / "b.txt").write_bytes(text)
    store = tmp_path / "store"
    first = run_cli("build", str(docs), "--store", str(store))
    entities = int(select(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dg:mentionedIn ?s }")[0]["n"])
    facts = int(select(store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f prov:wasGeneratedBy ?r }")[0]["n"])
    said = totals_said(first.stdout)
    assert (said["entities"], said["facts"]) == (entities, facts)
    assert "the store holds 2 documents" in first.stdout
    assert f"entities +{entities}; facts +{facts}" in first.stdout.splitlines()[1]

    again = run_cli("build", str(docs), "--store", str(store))
    assert "0 built, 2 unchanged, 0 failed" in again.stdout
    assert totals_said(again.stdout) == said  # not "entities: 0; facts: 0"
    assert again.stdout.splitlines()[1] == "changed by this build: nothing"

    (docs / "b.txt").unlink()
    run_cli("remove", "b", "--store", str(store))
    forced = run_cli("build", str(docs), "--store", str(store), "--force")
    assert totals_said(forced.stdout)["entities"] == entities
    assert totals_said(forced.stdout)["facts"] == facts // 2
    assert "documents +0; entities +0; facts +0" in forced.stdout.splitlines()[1]


# ---------------------------------------------------------------------------
# query --bind


BY_COUNTRY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?country ?label WHERE { ?country a dg:Country ; rdfs:label ?label } ORDER BY ?label"""


def test_bind_an_iri_and_a_literal(seed_store: Path) -> None:
    code, out, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--format", "csv")
    assert code == 0 and len(out.splitlines()) > 2  # several countries unbound
    code, out, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--format", "csv",
                              "--bind", f"country=<{KAZ}>")
    assert code == 0 and err == ""
    assert out.splitlines()[1:] == [f"{KAZ},Kazakhstan"]
    code, out, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--format", "csv",
                              "--bind", 'label="Kazakhstan"')
    assert code == 0 and err == "" and out.splitlines()[1:] == [f"{KAZ},Kazakhstan"]
    code, out, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--format", "csv",
                              "--bind", "?country=<id/country/KAZ>", "--bind", 'label="Kazakhstan"')
    assert code == 0 and out.splitlines()[1:] == [f"{KAZ},Kazakhstan"]  # relative to the store's base


def test_bind_warns_of_a_value_the_store_does_not_hold(seed_store: Path) -> None:
    code, out, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--format", "csv",
                              "--bind", 'label="Kazakstan"')
    assert code == 0 and out.splitlines()[1:] == []
    assert "warning: --bind label=" in err and '"Kazakstan"' in err and "Traceback" not in err
    code, _, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY,
                            "--bind", "country=<https://w3id.org/diplograph/id/country/XXX>")
    assert code == 0 and "id/country/XXX" in err and "warning" in err


def test_bad_bindings_are_usage_errors(seed_store: Path) -> None:
    for bad in ("country", "country=Kazakhstan", "1x=<urn:a>"):
        code, _, err = cli_main("query", "--store", str(seed_store), "-e", BY_COUNTRY, "--bind", bad)
        assert code == 2, bad
        assert "--bind" in one_line_error(err)
    unprojected = BY_COUNTRY.replace("?country ?label WHERE", "?country WHERE")
    code, _, err = cli_main("query", "--store", str(seed_store), "-e", unprojected, "--bind", 'label="Kazakhstan"')
    assert code == 2 and "SELECT" in one_line_error(err)

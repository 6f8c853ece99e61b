"""The OWL tools on a real build of seeds/, once the build pipeline is installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from owlhelpers import requires_java

from diplograph.graph.owl_export import check_profile, export_owl
from diplograph.graph.reason import reason
from diplograph.graph.store import open_store, query, stored_base_iri

PROJECT = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).parent / "diplograph"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CLI.exists() or not any((PROJECT / "seeds").iterdir()):
        pytest.skip("the build pipeline (`diplograph build`) or seeds/ is not there yet")
    path = tmp_path_factory.mktemp("built") / "store"
    proc = subprocess.run([str(CLI), "build", str(PROJECT / "seeds"), "--store", str(path)],
                          capture_output=True, text=True, timeout=600, cwd=PROJECT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return path


@requires_java
def test_real_build_exports_to_owl_2_dl_reasons_consistently_and_links_countries(built, tmp_path):
    store = open_store(built)
    base = stored_base_iri(store) or ""
    files = export_owl(store, tmp_path / "protege", "rdfxml", base)
    report = check_profile(files[1], catalog=files[2])
    assert report["violations"] == []
    assert report["individuals"] > 0 and report["classes"] >= 40
    result = reason(store, base)
    assert result.consistent and result.inferred > 0
    countries = {r["label"].value for r in query(store, """
        SELECT ?label WHERE { ?c a <https://w3id.org/diplograph/ontology#Country> ;
                                 <http://www.w3.org/2000/01/rdf-schema#label> ?label }""")}
    cq08 = (PROJECT / "queries" / "cq08_links.rq").read_text(encoding="utf-8")
    linked = {r["label"].value for r in query(store, cq08)
              if r["wikidata"].value.startswith("http://www.wikidata.org/entity/Q")}
    assert countries and countries <= linked

"""Ontology documentation: a page that names every class and property of the ontology."""

from __future__ import annotations

import rdflib
from rdflib import OWL, RDF

from diplograph.graph.config import ONTOLOGY_FILE, ONTOLOGY_NS
from diplograph.graph.docs import render_fallback, render_html, write_docs


def own_terms() -> list[str]:
    graph = rdflib.Graph().parse(ONTOLOGY_FILE)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {str(s) for k in kinds for s in graph.subjects(RDF.type, k)}
    return sorted(t for t in terms if t.startswith(ONTOLOGY_NS))


def test_page_documents_every_term_of_the_ontology():
    page = render_html()
    assert page.lstrip().lower().startswith("<!doctype html") or "<html" in page[:200].lower()
    missing = [iri for iri in own_terms() if iri not in page]
    assert not missing
    assert "An organization or forum whose members are states" in page  # a skos:definition


def test_page_is_cached_until_the_ontology_changes():
    assert render_html() is render_html()


def test_write_docs_to_a_directory_or_a_file(tmp_path):
    assert write_docs(tmp_path / "site") == tmp_path / "site" / "index.html"
    assert write_docs(tmp_path / "ontology.html").read_text(encoding="utf-8") == render_html()


def test_fallback_page_needs_no_pylode():
    page = render_fallback(rdflib.Graph().parse(ONTOLOGY_FILE))
    names = [iri.removeprefix(ONTOLOGY_NS) for iri in own_terms()]
    assert all(f'id="{name}"' in page for name in names)
    assert 'href="#Organization"' in page  # superclasses link within the page


def test_rendering_leaves_the_servers_logging_alone():
    """pyLODE calls logging.basicConfig(DEBUG) on import; a server's log must not turn chatty."""
    import logging

    import diplograph.graph.docs

    root = logging.getLogger()
    before = (root.handlers[:], root.level)
    diplograph.graph.docs._cache.clear()
    render_html()
    assert (root.handlers[:], root.level) == before

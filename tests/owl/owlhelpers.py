"""Shared constants and checks for tests/owl (a module of its own: conftest is not importable)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, URIRef

from diplograph.graph.config import DEFAULT_BASE_IRI

FIXTURES = Path(__file__).parent / "fixtures"
BASE = DEFAULT_BASE_IRI
ONTOLOGY_GRAPH = f"{BASE}graph/ontology"
DG = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
ID = rdflib.Namespace(f"{BASE}id/")

requires_java = pytest.mark.skipif(
    shutil.which("java") is None, reason="Java is not installed, so neither the OWL API nor HermiT can run"
)


def declared(graph: rdflib.Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def expected_counts(graph: rdflib.Graph) -> dict[str, int]:
    """What Protégé should count, from the RDF alone: every entity declared, nothing punned."""
    classes = declared(graph, OWL.Class)
    typed = {s for s, o in graph.subject_objects(RDF.type) if o in classes and isinstance(s, URIRef)}
    linked = {o for o in graph.objects(None, OWL.sameAs)}
    return {
        "classes": len(classes),
        "object_properties": len(declared(graph, OWL.ObjectProperty)),
        "data_properties": len(declared(graph, OWL.DatatypeProperty)),
        "individuals": len(declared(graph, OWL.NamedIndividual) | typed | linked),
    }

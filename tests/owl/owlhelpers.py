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


def fixture_individuals() -> dict[str, int]:
    """The individuals the fixture store holds, counted from the fixture files with rdflib (not through
    the exporter): what an OWL export of it must declare, by where they come from."""
    from diplograph.graph.config import ONTOLOGY_FILE

    abox = rdflib.Dataset()
    abox.parse(FIXTURES / "abox.trig", format="trig")
    report = URIRef(f"{BASE}graph/report/d1")  # SHACL reports are left out of every export
    graphs = [g for g in abox.graphs() if g.identifier != report and len(g)]
    typed = {s for g in graphs for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}
    sectors = rdflib.Graph().parse(FIXTURES / "sectors.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    return {
        "abox": len(typed),  # documents, runs, sentences, entities, facts
        "sectors": len(set(sectors.subjects(RDF.type, None))),  # the scheme and its concepts
        "ontology": len(set(ontology.subjects(RDF.type, OWL.NamedIndividual))),  # dg:active, dg:planned
        "same_as": len({o for g in graphs for o in g.objects(None, OWL.sameAs)}),  # Wikidata, GeoNames
        "software": len({o for g in graphs for o in g.objects(None, DG.software)}),
    }

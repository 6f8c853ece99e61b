"""Low-confidence facts: kept out of the queried graph, but not lost.

A fact below the confidence threshold is written to the document's candidates graph
as RDF reification (rdf:Statement), which states nothing: queries over dg:amount or
dg:heldBy never see it, and `diplograph candidates` lists it with its sentence.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import PROV, RDFS

from diplograph.graph.config import ONTOLOGY_NS

DG = Namespace(ONTOLOGY_NS)
DEFAULT_MIN_CONFIDENCE = 0.5


def split_candidates(data: Graph, min_confidence: float) -> tuple[Graph, Graph]:
    """(facts at or above the threshold with everything else, the candidates as reified statements)."""
    threshold = Decimal(str(min_confidence))
    low = {s for s, _, c in data.triples((None, DG.confidence, None)) if Decimal(str(c)) < threshold}
    kept, candidates = Graph(), Graph()
    for triple in data:
        if triple[0] not in low and triple[2] not in low:
            kept.add(triple)
    for fact in sorted(low):
        candidates.add((fact, RDF.type, DG.CandidateFact))
        for prop in (RDFS.label, DG.confidence, PROV.wasDerivedFrom, PROV.wasGeneratedBy):
            for value in data.objects(fact, prop):
                candidates.add((fact, prop, value))
        for n, (p, o) in enumerate(sorted(data.predicate_objects(fact))):
            statement = URIRef(f"{fact}/statement/{n}")
            candidates.add((statement, RDF.type, RDF.Statement))
            candidates.add((statement, RDF.subject, fact))
            candidates.add((statement, RDF.predicate, p))
            candidates.add((statement, RDF.object, o))
    return kept, candidates


LIST_QUERY = """
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?fact ?label ?confidence ?sentence WHERE {
  ?fact a dg:CandidateFact ; rdfs:label ?label ; dg:confidence ?confidence .
  OPTIONAL { ?fact prov:wasDerivedFrom/dg:text ?sentence }
} ORDER BY DESC(?confidence) ?label
"""

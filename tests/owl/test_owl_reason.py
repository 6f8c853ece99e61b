"""HermiT through owlready2: consistency, the inferred graph, and contradictions that are named."""

from __future__ import annotations

import pytest
import rdflib
from owlhelpers import BASE, requires_java

from diplograph.graph.reason import InconsistentGraphError, diagnose, reason

DG = "https://w3id.org/diplograph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
INFERRED = f"{BASE}graph/inferred"
ANNA = f"{BASE}id/person/anna-beispiel"
COMPANY = f"{BASE}id/company/steppe-copper-holding"


def triples_in(store, graph: str) -> set[tuple[str, str, str]]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {(r["s"].value, r["p"].value, r["o"].value) for r in rows}


@requires_java
def test_fixture_is_consistent_and_entailments_land_in_their_own_graph(store):
    result = reason(store, BASE)
    assert result.consistent and result.graph == INFERRED
    inferred = triples_in(store, INFERRED)
    assert len(inferred) == result.inferred > 0
    assert (ANNA, RDF_TYPE, DG + "Actor") in inferred  # from the class hierarchy
    assert (ANNA, RDF_TYPE, "http://xmlns.com/foaf/0.1/Person") in inferred
    position = f"{BASE}doc/d1/fact/position-anna-beispiel"
    assert (position, "http://www.w3.org/ns/org#heldBy", ANNA) in inferred  # super-property
    assert (ANNA, "http://www.w3.org/ns/org#holds", position) in inferred  # inverse
    assert (COMPANY, RDF_TYPE, DG + "Company") not in inferred  # asserted, so not repeated
    assert all(s.startswith("https://w3id.org/diplograph/") for s, _, _ in inferred)  # no Wikidata IRIs


@requires_java
def test_reasoning_again_replaces_the_graph_and_it_can_be_dropped(store):
    first = reason(store, BASE)
    second = reason(store, BASE)
    assert len(triples_in(store, INFERRED)) == first.inferred == second.inferred
    store.update(f"DROP GRAPH <{INFERRED}>")
    assert not triples_in(store, INFERRED)


@requires_java
def test_an_individual_in_two_disjoint_classes_is_reported_by_name(store):
    reason(store, BASE)
    before = triples_in(store, INFERRED)
    store.update(f"INSERT DATA {{ GRAPH <{BASE}doc/d2> {{ <{COMPANY}> a <{DG}University> }} }}")
    with pytest.raises(InconsistentGraphError) as caught:
        reason(store, BASE)
    message = str(caught.value)
    assert "Steppe Copper Holding" in message and COMPANY in message
    assert "dg:Company" in message and "dg:University" in message and "disjoint" in message
    assert triples_in(store, INFERRED) == before  # an inconsistent run writes nothing


@requires_java
def test_a_fact_used_as_an_actor_is_reported_with_the_reason(store):
    """Disjointness reached through a property range, not an asserted type."""
    fact = f"{BASE}doc/d1/fact/membership-germany-g7"
    sentence = f"{BASE}doc/d1/sentence/0"
    store.update(f"INSERT DATA {{ GRAPH <{BASE}doc/d1> {{ <{fact}> <{DG}mentionedIn> <{sentence}> }} }}")
    with pytest.raises(InconsistentGraphError, match=r"dg:Actor and dg:Fact.*subject of dg:mentionedIn"):
        reason(store, BASE)


def test_diagnosis_of_functional_properties_and_datatypes():
    """The quick check needs no Java: it runs on rdflib alone."""
    kg = rdflib.Graph().parse(data=f"""
        @prefix dg: <{DG}> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        dg:status a owl:ObjectProperty , owl:FunctionalProperty .
        dg:year a owl:DatatypeProperty , owl:FunctionalProperty ; rdfs:range xsd:integer .
        [] a owl:AllDifferent ; owl:distinctMembers ( dg:active dg:planned ) .
        <{BASE}f> dg:status dg:active , dg:planned ; dg:year 2020 , 2021 , "soon" .
    """, format="turtle")
    clashes = "\n".join(diagnose(kg, BASE))
    assert "2 values of functional dg:status" in clashes
    assert "3 values of functional dg:year" in clashes
    assert "'soon'" in clashes and "outside its range xsd:integer" in clashes

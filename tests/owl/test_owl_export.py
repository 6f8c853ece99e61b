"""The OWL export: what Protégé gets, checked with rdflib and with the OWL API itself."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import rdflib
from owlhelpers import BASE, DG, ID, expected_counts, fixture_individuals, requires_java
from rdflib import OWL, RDF, URIRef

from diplograph.graph.config import ONTOLOGY_IRI
from diplograph.graph.owl_export import ExportError, check_profile, export_owl, read_catalog

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
KG = URIRef(f"{BASE}kg")


def parse(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="xml")


# The fixture's individuals, counted by hand from fixtures/abox.trig and sectors.ttl (and checked with rdflib
# below): 2 documents + 2 extraction runs + 4 sentences + 11 entities (Mongolia, Germany, Central Asia, G7,
# Anna Beispiel, Bruno Muster, Steppe Copper Holding, Khangai Institute, Steppe Policy Forum, the ministry,
# the traders' association) + 9 facts (7 in d1, 2 in d2) = 28 typed in the ABox; + 5 in sectors.ttl (the
# scheme, mining, education, energy, copper); + 2 status values the ontology declares (dg:active,
# dg:planned); + 4 owl:sameAs targets (Q711, Q183 and two GeoNames IRIs); + 1 software version = 40.
FIXTURE_INDIVIDUALS = {"abox": 28, "sectors": 5, "ontology": 2, "same_as": 4, "software": 1}
INDIVIDUALS = sum(FIXTURE_INDIVIDUALS.values())  # 40


def test_fixture_individuals_are_counted_right():
    assert fixture_individuals() == FIXTURE_INDIVIDUALS
    assert INDIVIDUALS == 40


def test_single_file_holds_ontology_and_individuals(module_store, tmp_path):
    [path] = export_owl(module_store, tmp_path / "kg.owl", "rdfxml", BASE)
    graph = parse(path)
    assert list(graph.subjects(RDF.type, OWL.Ontology)) == [KG]
    assert (DG.Company, RDF.type, OWL.Class) in graph
    assert (ID["company/steppe-copper-holding"], RDF.type, DG.Company) in graph
    assert (ID["company/steppe-copper-holding"], RDF.type, OWL.NamedIndividual) in graph
    assert (ID["country/germany"], OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q183")) in graph


def test_shacl_reports_are_left_out(module_store, tmp_path):
    [path] = export_owl(module_store, tmp_path / "kg.owl", "rdfxml", BASE)
    graph = parse(path)
    assert not list(graph.subjects(RDF.type, SH.ValidationReport))
    assert not any(str(p).startswith(str(SH)) for p in graph.predicates())


def test_directory_has_tbox_abox_and_catalog(module_store, tmp_path):
    files = export_owl(module_store, tmp_path / "protege", "rdfxml", BASE)
    assert [f.name for f in files] == ["diplograph.owl", "diplograph-kg.owl", "catalog-v001.xml"]
    tbox, abox = parse(files[0]), parse(files[1])
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in tbox
    assert not list(tbox.subjects(RDF.type, DG.Company))
    assert (KG, OWL.imports, URIRef(ONTOLOGY_IRI)) in abox
    assert not list(abox.subjects(RDF.type, OWL.Class))
    catalog = files[2].read_text()
    assert 'uri="diplograph.owl"' in catalog and str(tmp_path) not in catalog  # relative, movable
    assert read_catalog(files[2])[ONTOLOGY_IRI] == files[0].resolve()


def test_triples_outside_owl_2_dl_are_dropped_with_a_warning(store, tmp_path, caplog):
    store.update(f"""INSERT DATA {{ GRAPH <{BASE}doc/d1> {{
        <{BASE}id/person/anna-beispiel> <http://example.org/undeclared> "x" ;
            <{DG}mentionedIn> "not an IRI" .
        <{BASE}doc/d1> <{DG}path> "p"^^<http://www.w3.org/2001/XMLSchema#gYear> .
    }} }}""")
    with caplog.at_level(logging.WARNING, logger="diplograph.graph.owl_export"):
        [path] = export_owl(store, tmp_path / "kg.owl", "rdfxml", BASE)
    text = caplog.text
    assert "not declared in the ontology" in text and "needs an IRI value" in text and "gYear" in text
    graph = parse(path)
    assert not list(graph.triples((None, URIRef("http://example.org/undeclared"), None)))


def test_unknown_format_is_refused(module_store, tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        export_owl(module_store, tmp_path / "kg.ttl", "turtle", BASE)


@requires_java
def test_owl_api_single_file_is_owl2_dl_with_expected_counts(module_store, tmp_path):
    [path] = export_owl(module_store, tmp_path / "kg.owl", "rdfxml", BASE)
    report = check_profile(path)
    assert report["violations"] == []
    expected = expected_counts(parse(path))
    assert {k: report[k] for k in expected} == expected
    assert report["individuals"] == INDIVIDUALS  # 40: see FIXTURE_INDIVIDUALS


@requires_java
def test_owl_api_resolves_the_import_through_the_catalog(module_store, tmp_path):
    files = export_owl(module_store, tmp_path / "protege", "rdfxml", BASE)
    report = check_profile(files[1], catalog=files[2])
    assert report["imports"] == [ONTOLOGY_IRI]
    assert report["violations"] == []
    merged = parse(files[0]) + parse(files[1])
    expected = expected_counts(merged)
    assert {k: report[k] for k in expected} == expected


@requires_java
def test_owl_xml_directory_and_functional_syntax_file(module_store, tmp_path):
    """The cheap extra formats: converted by the OWL API, so checked once each, not both ways."""
    files = export_owl(module_store, tmp_path / "owx", "owx", BASE)
    assert [f.suffix for f in files] == [".owx", ".owx", ".xml"]
    assert 'uri="diplograph.owx"' in files[2].read_text()
    assert files[1].read_text().lstrip().startswith("<?xml") and "<Import>" in files[1].read_text()
    split = check_profile(files[1], catalog=files[2])
    [ofn] = export_owl(module_store, tmp_path / "kg.ofn", "ofn", BASE)
    assert "Ontology(<https://w3id.org/diplograph/kg>" in ofn.read_text()
    single = check_profile(ofn)
    assert single["violations"] == split["violations"] == []
    assert single["individuals"] == split["individuals"] == INDIVIDUALS


@requires_java
def test_links_stay_inside_owl_2_dl(store, tmp_path):
    """skos:closeMatch and owl:sameAs from `link` go into the export and keep it in the profile."""
    from diplograph.graph.link import link

    csv_path = tmp_path / "links.csv"
    csv_path.write_text("Bruno Muster,http://www.wikidata.org/entity/Q99900030,closeMatch\n")
    link(store, BASE, online=False, csv_path=csv_path, cache_dir=tmp_path / "cache")
    [path] = export_owl(store, tmp_path / "kg.owl", "rdfxml", BASE)
    graph = parse(path)
    assert (ID["person/bruno-muster"], URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"),
            URIRef("http://www.wikidata.org/entity/Q99900030")) in graph
    assert not list(graph.subjects(RDF.type, URIRef("http://rdfs.org/ns/void#Linkset")))
    report = check_profile(path)
    assert report["violations"] == []
    # + 3 link targets: Q99900030 from the CSV (Bruno Muster), and the gazetteer's Wikidata entities for the
    # two gazetteer entities that have none yet (G7: Q1764511, Central Asia: Q27275); Mongolia and Germany
    # already link to theirs (Q711, Q183), the other entities are in no gazetteer
    assert report["individuals"] == INDIVIDUALS + 3 == 43

"""Linking: offline sources always; Wikidata search against recorded answers on 127.0.0.1."""

from __future__ import annotations

import pytest
import rdflib
from owlhelpers import BASE

from diplograph.graph.link import (
    OWL_SAME_AS,
    SKOS_CLOSE_MATCH,
    Entity,
    country_links,
    link,
    load_entities,
    normalise,
    score,
    write_linkset,
)
from diplograph.graph.store import query

WD = "http://www.wikidata.org/entity/"
LINKS = f"{BASE}graph/links"
LINKSET = f"{BASE}graph/linkset"


def iri(path: str) -> str:
    """An entity IRI as the store returns it (a str: rdflib's URIRef hashes differently)."""
    return f"{BASE}id/{path}"


def links_in(store, graph: str = LINKS) -> set[tuple[str, str, str]]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {(r["s"].value, r["p"].value, r["o"].value) for r in rows}


def test_offline_links_curated_regions_and_organisations_and_says_so(store, tmp_path):
    result = link(store, BASE, online=False, csv_path=None, cache_dir=tmp_path / "cache")
    assert links_in(store) == {
        (iri("region/central-asia"), OWL_SAME_AS, WD + "Q27275"),
        (iri("international-organization/group-of-seven"), OWL_SAME_AS, WD + "Q1764511"),
    }
    assert any("offline" in m and "--online" in m for m in result.messages)
    assert not (tmp_path / "cache").exists()  # nothing was fetched, so nothing cached


def test_every_country_has_its_wikidata_iri_in_the_union(store, tmp_path):
    """What cq08 asks: the label and the Wikidata IRI of every country."""
    link(store, BASE, online=False, csv_path=None, cache_dir=tmp_path)
    rows = query(store, """
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT DISTINCT ?label ?wikidata WHERE {
          ?c a dg:Country ; rdfs:label ?label ; owl:sameAs ?wikidata .
          FILTER(STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/"))
        }""")
    found = {(r["label"].value, r["wikidata"].value) for r in rows}
    assert found == {("Germany", WD + "Q183"), ("Mongolia", WD + "Q711")}


def test_countries_without_links_get_them_from_country_codes():
    bare = [Entity("urn:x:kz", "Country", ["Republic of Kazakhstan", "Kazakhstan"]),
            Entity("urn:x:ca", "Country", ["Canada"], iso2="CA")]
    found = {(lk.subject, lk.target) for lk in country_links(bare)}
    assert found == {("urn:x:kz", WD + "Q232"), ("urn:x:kz", "https://sws.geonames.org/1522867/"),
                     ("urn:x:ca", WD + "Q16"), ("urn:x:ca", "https://sws.geonames.org/6251999/")}


def test_csv_links_by_label_or_iri_and_reports_what_it_skips(store, tmp_path):
    path = tmp_path / "links.csv"
    path.write_text(
        "local,external,relation\n"
        "anna beispiel,http://www.wikidata.org/entity/Q99900020\n"
        f"{iri('person/bruno-muster')},http://www.wikidata.org/entity/Q99900030,closeMatch\n"
        "Nobody Known,http://www.wikidata.org/entity/Q1\n"
        "Germany,not-an-iri\n",
        encoding="utf-8",
    )
    result = link(store, BASE, online=False, csv_path=path, cache_dir=tmp_path / "cache")
    found = links_in(store)
    assert (iri("person/anna-beispiel"), OWL_SAME_AS, WD + "Q99900020") in found
    assert (iri("person/bruno-muster"), SKOS_CLOSE_MATCH, WD + "Q99900030") in found
    assert any("links.csv:4" in m and "no entity" in m for m in result.messages)
    assert any("links.csv:5" in m and "not an IRI" in m for m in result.messages)


def test_void_linkset_graph_and_file(store, tmp_path):
    link(store, BASE, online=False, csv_path=None, cache_dir=tmp_path)
    out = write_linkset(store, tmp_path / "linkset.ttl", BASE)
    graph = rdflib.Graph().parse(out, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    linksets = set(graph.subjects(rdflib.RDF.type, void.Linkset))
    curated = rdflib.URIRef(f"{BASE}linkset/curated-wikidata-sameas")
    assert curated in linksets
    assert graph.value(curated, void.triples).toPython() == 2
    assert graph.value(curated, void.objectsTarget) == rdflib.URIRef("http://www.wikidata.org/")
    assert rdflib.URIRef(f"{BASE}linkset/build-countries-wikidata-sameas") in linksets
    statements = list(graph.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    assert len(statements) == 2 and all(graph.value(s, void.inDataset) == curated for s in statements)


def test_links_graph_is_replaced_not_added_to(store, tmp_path):
    path = tmp_path / "links.csv"
    path.write_text("Anna Beispiel,http://www.wikidata.org/entity/Q99900020\n", encoding="utf-8")
    link(store, BASE, online=False, csv_path=path, cache_dir=tmp_path)
    link(store, BASE, online=False, csv_path=None, cache_dir=tmp_path)
    assert not any(s == iri("person/anna-beispiel") for s, _, _ in links_in(store))


def test_online_search_with_type_checks_and_confidence(store, tmp_path, replay_server):
    endpoint, log = replay_server
    result = link(store, BASE, online=True, csv_path=None, cache_dir=tmp_path / "cache", endpoint=endpoint)
    searched = {lk.subject: lk for lk in result.links if lk.method == "wikidata-search"}
    company, person = searched[iri("company/steppe-copper-holding")], searched[iri("person/anna-beispiel")]
    assert (company.target, company.relation, company.confidence) == (WD + "Q99900001", OWL_SAME_AS, 1.0)
    assert (person.target, person.relation) == (WD + "Q99900020", OWL_SAME_AS)  # the German one
    university = searched[iri("university/khangai-institute")]  # its class is a subclass of a university
    assert (university.target, university.relation) == (WD + "Q99900010", SKOS_CLOSE_MATCH)
    bruno = searched[iri("person/bruno-muster")]  # no country to compare: uncertain
    assert (bruno.target, bruno.relation) == (WD + "Q99900030", SKOS_CLOSE_MATCH)
    assert iri("think-tank/steppe-policy-forum") not in searched  # the only hit is a business
    assert "diplograph" in log.read_text()  # a User-Agent naming the tool, as Wikimedia asks
    confidences = query(store, f"""SELECT ?c WHERE {{ GRAPH <{LINKSET}> {{
        ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{iri('company/steppe-copper-holding')}> .
        ?m <http://www.w3.org/ns/dqv#computedOn> ?st ; <http://www.w3.org/ns/dqv#value> ?c }} }}""")
    assert [float(r["c"].value) for r in confidences] == [1.0]


def test_cached_answers_give_the_same_links_offline(store, tmp_path, replay_server):
    endpoint, log = replay_server
    cache = tmp_path / "cache"
    online = link(store, BASE, online=True, csv_path=None, cache_dir=cache, endpoint=endpoint)
    asked = len(log.read_text().splitlines())
    offline = link(store, BASE, online=False, csv_path=None, cache_dir=cache, endpoint=endpoint)
    assert len(log.read_text().splitlines()) == asked  # nothing more was asked
    assert offline.links == online.links and len(list(cache.rglob("*.json"))) > 0


def test_score_never_trusts_a_name_whose_country_disagrees():
    entity = Entity("urn:x", "Company", ["Acme Mining"])
    candidate = {"labels": {"en": {"value": "Acme Mining"}},
                 "claims": {"P17": [{"mainsnak": {"datavalue": {"value": {"id": "Q40"}}}}]}}
    assert score(entity, candidate, {"Q183"})[0] < 0.7
    assert score(entity, candidate, {"Q40"})[0] == 1.0
    assert score(entity, candidate, set())[0] == pytest.approx(0.8)


def test_names_are_compared_loosely():
    assert normalise("The Group  of Seven!") == normalise("group of seven")


def test_entities_are_read_with_their_country_context(store):
    entities = {e.iri: e for e in load_entities(store, BASE)}
    assert entities[iri("company/steppe-copper-holding")].countries == {iri("country/mongolia")}
    assert entities[iri("international-organization/group-of-seven")].labels == ["Group of Seven", "G7"]

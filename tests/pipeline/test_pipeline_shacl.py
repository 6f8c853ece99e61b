"""SHACL catching broken facts: graphs built by hand in the shape graph.populate writes, with a few
facts broken on purpose.  validate_graph must take out exactly those, each with a report naming the
constraint and the sentence, and keep the good ones."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SH

from diplograph.graph.validate import Rejection, report_triples, validate_graph

DG = Namespace("https://w3id.org/diplograph/ontology#")
BASE = "https://example.org/test/"
DOC = URIRef(BASE + "doc/hand")
RUN = URIRef(BASE + "doc/hand/run")
SECTOR = Namespace("https://w3id.org/diplograph/sector/")
SENTENCES = [
    "Bilateral trade between Chile and Norway reached $2 billion in 2023.",
    "Chilean Ambassador Ana Rojas opened the forum.",
    "Chile's exports to Norway amounted to -$5 million in 2023.",
    "Chile's exports to Chile reached $7 million in 2023.",
    "Trade between Chile and Norway reached $9 million in 3000.",
    "The ambassador to Norway spoke.",
    "Chile agreed to cooperate in energy.",
    "Chile is a member of the WTO.",
]
TEXT = " ".join(SENTENCES)


def sentence(n: int) -> URIRef:
    return URIRef(f"{BASE}doc/hand/sentence/{n}")


def fact(name: str) -> URIRef:
    return URIRef(f"{BASE}doc/hand/fact/{name}")


CHL, NOR = URIRef(BASE + "id/country/CHL"), URIRef(BASE + "id/country/NOR")
PERSON, WTO = URIRef(BASE + "id/person/ana-rojas"), URIRef(BASE + "id/organization/wto")


def base_graph() -> Graph:
    """A document, its run, its sentences (text and offsets) and its entities, as populate writes them."""
    g = Graph()
    g.add((DOC, RDF.type, DG.Document))
    g.add((DOC, DCTERMS.title, Literal("hand-built")))
    g.add((DOC, DG.path, Literal("hand.txt")))
    g.add((DOC, DG.sha256, Literal("0" * 64)))
    g.add((RUN, RDF.type, DG.ExtractionRun))
    g.add((RUN, PROV.used, DOC))
    offset = 0
    for n, text in enumerate(SENTENCES):
        node = sentence(n)
        g.add((node, RDF.type, DG.Sentence))
        g.add((node, DG.text, Literal(text)))
        g.add((node, DG.beginIndex, Literal(offset)))
        g.add((node, DG.endIndex, Literal(offset + len(text))))
        g.add((node, DCTERMS.isPartOf, DOC))
        offset += len(text) + 1
    for node, kind, label, alpha3 in ((CHL, DG.Country, "Chile", "CHL"), (NOR, DG.Country, "Norway", "NOR")):
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, DG.iso3166Alpha3, Literal(alpha3)))
        g.add((node, DG.mentionedIn, sentence(0)))
    g.add((PERSON, RDF.type, DG.Person))
    g.add((PERSON, RDFS.label, Literal("Ana Rojas")))
    g.add((PERSON, DG.mentionedIn, sentence(1)))
    g.add((WTO, RDF.type, DG.InternationalOrganization))
    g.add((WTO, RDFS.label, Literal("World Trade Organization")))
    g.add((WTO, DG.mentionedIn, sentence(7)))
    return g


def add_fact(g: Graph, node: URIRef, kind: URIRef, n: int | None, *pairs: tuple[URIRef, object]) -> None:
    g.add((node, RDF.type, kind))
    if n is not None:
        g.add((node, PROV.wasDerivedFrom, sentence(n)))
    g.add((node, PROV.wasGeneratedBy, RUN))
    g.add((node, DG.confidence, Literal(Decimal("0.8"))))
    for p, o in pairs:
        g.add((node, p, o if isinstance(o, URIRef | Literal) else Literal(o)))


def flow(g: Graph, node: URIRef, n: int, amount: str, year: int, *ends: tuple[URIRef, URIRef],
         currency: str = "$") -> None:
    add_fact(g, node, DG.TradeFlow, n, (DG.amount, Literal(Decimal(amount), datatype=XSD.decimal)),
             (DG.currency, Literal(currency)), (DG.year, Literal(year)), *ends)


@dataclass(frozen=True)
class Broken:
    node: URIRef
    sentence: int | None
    constraint: str  # local name of the SHACL constraint component


GOOD = [fact("trade-good"), fact("position-good"), fact("trade-in-rupees")]
BROKEN = [
    Broken(fact("negative-amount"), 2, "MinExclusiveConstraintComponent"),
    Broken(fact("self-flow"), 3, "SPARQLConstraintComponent"),
    Broken(fact("year-3000"), 4, "MaxInclusiveConstraintComponent"),
    Broken(fact("position-without-person"), 5, "MinCountConstraintComponent"),
    Broken(fact("cooperation-one-party"), 6, "MinCountConstraintComponent"),
    Broken(fact("membership-without-sentence"), None, "MinCountConstraintComponent"),
    Broken(fact("currency-as-a-word"), 3, "PatternConstraintComponent"),
]


@pytest.fixture(scope="module")
def checked() -> tuple[Graph, Graph, list[Rejection]]:
    g = base_graph()
    flow(g, fact("trade-good"), 0, "2000000000", 2023, (DG.party, CHL), (DG.party, NOR))
    # "Rs 5,000 crore": a sign several countries write, kept as written; "dollars" is a word, no sign
    flow(g, fact("trade-in-rupees"), 0, "50000000000", 2023, (DG.party, CHL), (DG.party, NOR), currency="Rs")
    flow(g, fact("currency-as-a-word"), 3, "8000000", 2023, (DG.party, CHL), (DG.party, NOR), currency="dollars")
    add_fact(g, fact("position-good"), DG.Position, 1, (DG.heldBy, PERSON), (DG.positionIn, CHL),
             (DG.roleTitle, "ambassador"))
    g.add((PERSON, URIRef("http://www.w3.org/ns/org#holds"), fact("position-good")))
    flow(g, fact("negative-amount"), 2, "-5000000", 2023, (DG.exporter, CHL), (DG.importer, NOR))
    flow(g, fact("self-flow"), 3, "7000000", 2023, (DG.exporter, CHL), (DG.importer, CHL))
    flow(g, fact("year-3000"), 4, "9000000", 3000, (DG.party, CHL), (DG.party, NOR))
    add_fact(g, fact("position-without-person"), DG.Position, 5, (DG.positionIn, NOR), (DG.roleTitle, "ambassador"))
    add_fact(g, fact("cooperation-one-party"), DG.Cooperation, 6, (DG.party, CHL), (DG.sector, SECTOR.energy))
    add_fact(g, fact("membership-without-sentence"), DG.Membership, None, (DG.member, CHL), (DG.group, WTO))
    clean, rejected = validate_graph(g)
    return g, clean, rejected


def test_exactly_the_broken_facts_are_rejected(checked: tuple[Graph, Graph, list[Rejection]]) -> None:
    """The rejected facts are the broken ones, no more, no fewer."""
    _, _, rejected = checked
    assert {r.fact for r in rejected} == {str(b.node) for b in BROKEN}


@pytest.mark.parametrize("broken", BROKEN, ids=lambda b: str(b.node).rsplit("/", 1)[-1])
def test_report_names_constraint_and_sentence(checked: tuple[Graph, Graph, list[Rejection]], broken: Broken) -> None:
    """Each rejection says which constraint failed and quotes the sentence the fact came from."""
    _, clean, rejected = checked
    mine = [r for r in rejected if r.fact == str(broken.node)]
    assert mine
    assert any(r.constraint == str(SH) + broken.constraint for r in mine), [r.constraint for r in mine]
    for r in mine:
        assert r.shape
        if broken.sentence is None:
            assert r.sentence is None and r.sentence_text is None
        else:
            assert r.sentence == str(sentence(broken.sentence))
            assert r.sentence_text == SENTENCES[broken.sentence]
    assert (broken.node, None, None) not in clean and (None, None, broken.node) not in clean


def test_good_facts_and_entities_stay(checked: tuple[Graph, Graph, list[Rejection]]) -> None:
    """Everything about the good facts, the entities and the sentences is kept as it was."""
    g, clean, _ = checked
    broken = {b.node for b in BROKEN}
    kept = {t for t in g if t[0] not in broken and t[2] not in broken}
    assert set(clean) == kept
    for node in GOOD:
        assert (node, PROV.wasDerivedFrom, None) in clean


def test_conforming_graph_is_untouched() -> None:
    """A graph without broken facts comes back whole, with no rejection."""
    g = base_graph()
    flow(g, fact("trade-good"), 0, "2000000000", 2023, (DG.party, CHL), (DG.party, NOR))
    flow(g, fact("trade-in-rupees"), 0, "50000000000", 2023, (DG.party, CHL), (DG.party, NOR), currency="Rs")
    clean, rejected = validate_graph(g)
    assert rejected == [] and set(clean) == set(g)


def test_report_triples_is_a_shacl_validation_report(checked: tuple[Graph, Graph, list[Rejection]]) -> None:
    """The rejections become an sh:ValidationReport tied to the document, one result per rejection,
    with focus, constraint, message and the sentence."""
    _, _, rejected = checked
    report_iri = BASE + "graph/report/hand"
    report = report_triples(report_iri, str(DOC), rejected)
    root = URIRef(report_iri)
    assert (root, RDF.type, SH.ValidationReport) in report
    assert (root, SH.conforms, Literal(False)) in report
    assert (root, PROV.wasDerivedFrom, DOC) in report
    results = list(report.objects(root, SH.result))
    assert len(results) == len(rejected)
    for result in results:
        assert (result, RDF.type, SH.ValidationResult) in report
        assert report.value(result, SH.focusNode) is not None
        assert str(report.value(result, SH.sourceConstraintComponent)).startswith(str(SH))
    quoted = {str(o) for o in report.objects(None, RDFS.comment)}
    assert {SENTENCES[b.sentence] for b in BROKEN if b.sentence is not None} <= quoted
    assert len(report_triples(report_iri, str(DOC), [])) == 0

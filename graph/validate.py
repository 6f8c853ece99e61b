"""Validation: SHACL over one document's graph; facts that break a shape are taken
out and reported (document, sentence, constraint), never silently dropped."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SH

from diplograph.graph.config import ONTOLOGY_FILE, ONTOLOGY_NS, SECTORS_FILE, SHAPES_FILE

DG = Namespace(ONTOLOGY_NS)
FACT_CLASSES = {DG.Position, DG.Membership, DG.TradeFlow, DG.InvestmentFlow, DG.MarketActivity,
                DG.Cooperation, DG.HomeCountryStatement, DG.Meeting, DG.Agreement}


@dataclass(frozen=True)
class Rejection:
    """One fact kept out of the graph, with what a reader needs to see why."""

    focus: str
    fact: str | None
    sentence: str | None
    sentence_text: str | None
    constraint: str
    shape: str
    message: str


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE)


def ontology_digest() -> str:
    """A fingerprint of the ontology files, to reload them only when they change."""
    digest = hashlib.sha256(ONTOLOGY_FILE.read_bytes())
    if SECTORS_FILE.exists():
        digest.update(SECTORS_FILE.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology and the sector scheme: class hierarchy for sh:class checks."""
    g = Graph().parse(ONTOLOGY_FILE)
    if SECTORS_FILE.exists():
        g.parse(SECTORS_FILE)
    return g


def shacl_report(data: Graph) -> tuple[bool, Graph]:
    """Validate data together with the ontology, so sh:class sees the class hierarchy and the
    sector concepts."""
    conforms, report, _ = shacl_validate(
        data + ontology_graph(), shacl_graph=shapes_graph(), inference="none",
        allow_warnings=True, advanced=True,
    )
    return bool(conforms), report


def _facts_of(data: Graph, focus: URIRef) -> list[URIRef]:
    """The facts to withdraw for a violation: the focus itself if it is a fact, else every
    fact that refers to the broken entity."""
    if any((focus, RDF.type, cls) in data for cls in FACT_CLASSES):
        return [focus]
    return sorted({s for s, _, _ in data.triples((None, None, focus))
                   if any((s, RDF.type, cls) in data for cls in FACT_CLASSES)})


def validate_graph(data: Graph) -> tuple[Graph, list[Rejection]]:
    """Split a document graph into what conforms and what is rejected."""
    conforms, report = shacl_report(data)
    if conforms:
        return data, []
    rejections: list[Rejection] = []
    withdraw: set[URIRef] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        facts = _facts_of(data, focus) if isinstance(focus, URIRef) else []
        entity_broken = not facts or facts != [focus]
        if entity_broken and isinstance(focus, URIRef):
            withdraw.add(focus)
        for fact in facts or [None]:
            sentence = data.value(fact, PROV.wasDerivedFrom) if fact else None
            if sentence is None and isinstance(focus, URIRef):
                sentence = data.value(focus, DG.mentionedIn)
            rejections.append(Rejection(
                focus=str(focus), fact=str(fact) if fact else None,
                sentence=str(sentence) if sentence else None,
                sentence_text=str(data.value(sentence, DG.text)) if sentence else None,
                constraint=str(report.value(result, SH.sourceConstraintComponent)),
                shape=str(report.value(result, SH.sourceShape)),
                message=str(report.value(result, SH.resultMessage) or ""),
            ))
            if fact:
                withdraw.add(fact)
    clean = Graph()
    for triple in data:
        s, _, o = triple
        if s in withdraw or o in withdraw:
            continue
        clean.add(triple)
    return clean, rejections


def report_triples(report_graph: str, doc_iri: str, rejections: list[Rejection]) -> Graph:
    """The rejections as a SHACL validation report in the document's report graph."""
    g = Graph()
    if not rejections:
        return g
    root = URIRef(report_graph)
    g.add((root, RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, Literal(False)))
    g.add((root, PROV.wasDerivedFrom, URIRef(doc_iri)))
    for n, r in enumerate(rejections):
        node = URIRef(f"{report_graph}/result/{n}")
        g.add((root, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.resultSeverity, SH.Violation))
        g.add((node, SH.focusNode, URIRef(r.focus)))
        g.add((node, SH.sourceConstraintComponent, URIRef(r.constraint)))
        if r.shape.startswith("http"):
            g.add((node, SH.sourceShape, URIRef(r.shape)))
        g.add((node, SH.resultMessage, Literal(r.message)))
        if r.sentence:
            g.add((node, PROV.wasDerivedFrom, URIRef(r.sentence)))
        if r.sentence_text:
            g.add((node, RDFS.comment, Literal(r.sentence_text)))
    return g

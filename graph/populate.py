"""Population: one document's entities and facts as an rdflib graph.

Every node is an IRI (no blank nodes), so rebuilding the same text gives the same
triples.  Every fact carries its confidence and points to its sentence and run
(PROV-O); entities point to the sentences that name them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from diplograph import __version__
from diplograph.graph.config import ONTOLOGY_NS, IRIs
from diplograph.graph.gazetteer import Gazetteer
from diplograph.graph.model import Entity, Fact, Sentence
from diplograph.graph.resolve import Resolution

DG = Namespace(ONTOLOGY_NS)
ORG = Namespace("http://www.w3.org/ns/org#")
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"

KEY_PATHS = {"country": "country", "region": "region", "io": "organization", "organization": "organization",
             "person": "person"}


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    path: str
    title: str
    sha256: str
    built_at: datetime


def entity_iri(iris: IRIs, key: str) -> URIRef:
    prefix, rest = key.split(":", 1)
    return URIRef(iris.entity(KEY_PATHS[prefix], rest))


def populate(info: DocumentInfo, sentences: list[Sentence], resolution: Resolution, gaz: Gazetteer,
             iris: IRIs) -> Graph:
    g = Graph()
    g.bind("dg", DG)
    doc = URIRef(iris.document(info.doc_id))
    run = URIRef(iris.run(info.doc_id))
    software = URIRef(iris.software(__version__))
    g.add((doc, RDF.type, DG.Document))
    g.add((doc, DCTERMS.title, Literal(info.title)))
    g.add((doc, RDFS.label, Literal(info.title)))
    g.add((doc, DG.path, Literal(info.path)))
    g.add((doc, DG.sha256, Literal(info.sha256)))
    g.add((run, RDF.type, DG.ExtractionRun))
    g.add((run, RDFS.label, Literal(f"extraction of {info.path}")))
    g.add((run, PROV.used, doc))
    g.add((run, DG.software, software))
    g.add((run, PROV.startedAtTime, Literal(info.built_at.isoformat(timespec="seconds"), datatype=XSD.dateTime)))
    g.add((software, RDF.type, DG.Software))
    g.add((software, RDFS.label, Literal(f"diplograph {__version__}")))
    g.add((software, DG.softwareVersion, Literal(__version__)))

    used_sentences = {f.sentence for f, _ in resolution.facts}
    used_sentences |= {s for e in resolution.entities.values() for s in e.sentences}
    for sentence in sentences:
        if sentence.index in used_sentences:
            _add_sentence(g, iris, info.doc_id, doc, sentence)
    for entity in resolution.entities.values():
        _add_entity(g, iris, info.doc_id, entity, gaz)
    confidence: dict[URIRef, float] = {}
    for fact, roles in resolution.facts:
        node = _add_fact(g, iris, info.doc_id, run, fact, roles, gaz)
        confidence[node] = max(confidence.get(node, 0.0), fact.confidence)
    for node, value in confidence.items():  # one fact read from several sentences keeps its best
        g.add((node, DG.confidence, Literal(Decimal(str(value)))))
    return g


def _add_sentence(g: Graph, iris: IRIs, doc_id: str, doc: URIRef, sentence: Sentence) -> None:
    node = URIRef(iris.sentence(doc_id, sentence.index))
    g.add((node, RDF.type, DG.Sentence))
    g.add((node, DG.text, Literal(sentence.text)))
    g.add((node, DG.beginIndex, Literal(sentence.start)))
    g.add((node, DG.endIndex, Literal(sentence.end)))
    g.add((node, DCTERMS.isPartOf, doc))


def _add_entity(g: Graph, iris: IRIs, doc_id: str, entity: Entity, gaz: Gazetteer) -> None:
    node = entity_iri(iris, entity.key)
    g.add((node, RDF.type, DG[entity.kind]))
    g.add((node, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases - {entity.label}):
        g.add((node, SKOS.altLabel, Literal(alias)))
    for index in sorted(entity.sentences):
        g.add((node, DG.mentionedIn, URIRef(iris.sentence(doc_id, index))))
    country = gaz.countries.get(entity.key)
    if country:
        g.add((node, DG.iso3166Alpha3, Literal(country.alpha3)))
        if country.alpha2:
            g.add((node, DG.iso3166Alpha2, Literal(country.alpha2)))
        if country.wikidata:
            g.add((node, OWL.sameAs, URIRef(WIKIDATA + country.wikidata)))
        if country.geonames:
            g.add((node, OWL.sameAs, URIRef(f"{GEONAMES}{country.geonames}/")))
    known = gaz.known.get(entity.key)
    if known:
        if known.wikidata:
            g.add((node, OWL.sameAs, URIRef(WIKIDATA + known.wikidata)))
        for acronym in known.acronyms:
            g.add((node, DG.acronym, Literal(acronym)))


def _fact_iri(iris: IRIs, doc_id: str, fact: Fact, roles: dict[str, list[str]]) -> URIRef:
    content = repr((fact.kind, sorted((r, sorted(k)) for r, k in roles.items()),
                    sorted((k, str(v)) for k, v in fact.values)))
    digest = hashlib.sha256(content.encode()).hexdigest()[:12]
    return URIRef(iris.fact(doc_id, f"{fact.kind.lower()}-{digest}"))


# Which property links a fact to each of its roles, and which class it gets.
FACT_CLASSES = {"HomeCountry": DG.HomeCountryStatement}
ROLE_PROPERTIES = {
    "holder": DG.heldBy, "affiliation": DG.positionIn, "member": DG.member, "group": DG.group,
    "from": DG.exporter, "to": DG.importer, "party": DG.party, "organization": DG.organization,
    "market": DG.market, "country": DG.country, "participant": DG.participant, "organizer": DG.organizer,
    "location": DG.location,
}


def _add_fact(g: Graph, iris: IRIs, doc_id: str, run: URIRef, fact: Fact, roles: dict[str, list[str]],
              gaz: Gazetteer) -> URIRef:
    node = _fact_iri(iris, doc_id, fact, roles)

    def label(role: str) -> str:
        return " and ".join(gaz.label_of(k) if k.split(":")[0] in ("country", "region", "io")
                            else _entity_label(g, entity_iri(iris, k)) for k in roles.get(role, []))

    g.add((node, RDF.type, FACT_CLASSES.get(fact.kind, DG[fact.kind])))
    g.add((node, PROV.wasDerivedFrom, URIRef(iris.sentence(doc_id, fact.sentence))))
    g.add((node, PROV.wasGeneratedBy, run))
    for role, keys in roles.items():
        for key in keys:
            g.add((node, ROLE_PROPERTIES[role], entity_iri(iris, key)))
    for sector in [fact.value("sector"), *(fact.value("sectors") or ())]:
        if sector:
            g.add((node, DG.sector, URIRef(str(sector))))
    if fact.value("date"):
        g.add((node, DG.date, Literal(str(fact.value("date")))))
    g.add((node, RDFS.label, Literal(_VALUES_AND_LABEL[fact.kind](g, node, fact, roles, label, gaz, iris))))
    return node


def _position(g, node, fact, roles, label, gaz, iris) -> str:
    role = str(fact.value("role"))
    g.add((node, DG.roleTitle, Literal(role)))
    for key in roles.get("holder", []):  # the W3C ORG pattern, both ways: person org:holds post
        g.add((entity_iri(iris, key), ORG.holds, node))
    return f"{label('holder')}: {role}, {label('affiliation')}"


def _flow(g, node, fact, roles, label, gaz, iris) -> str:
    commodity = fact.value("commodity")
    if commodity:
        g.add((node, DG.commodity, URIRef(str(commodity))))
    amount = Decimal(str(fact.value("amount")))
    g.add((node, DG.amount, Literal(amount.normalize() if amount == amount.to_integral() else amount,
                                    datatype=XSD.decimal)))
    g.add((node, DG.currency, Literal(str(fact.value("currency")))))
    if fact.value("year") is not None:
        g.add((node, DG.year, Literal(int(fact.value("year")))))
    if fact.value("period"):
        g.add((node, DG.period, Literal(str(fact.value("period")))))
    if fact.value("change") is not None:
        g.add((node, DG.relativeChange, Literal(Decimal(str(fact.value("change"))))))
    direction = f"{label('from')} → {label('to')}" if roles.get("from") else label("party")
    what = gaz.concepts[str(commodity)].label + " " if commodity else ""
    kind = "trade" if fact.kind == "TradeFlow" else "investment"
    year = fact.value("year") or "year not stated"
    return f"{kind} {direction}: {what}{fact.value('currency')} {amount:,.0f} ({year})"


def _market_activity(g, node, fact, roles, label, gaz, iris) -> str:
    g.add((node, DG.status, DG[str(fact.value("status"))]))
    return f"{label('organization')} in {label('market')} ({fact.value('status')})"


def _cooperation(g, node, fact, roles, label, gaz, iris) -> str:
    return f"cooperation {label('party')}: {gaz.concepts[str(fact.value('sector'))].label}"


def _meeting(g, node, fact, roles, label, gaz, iris) -> str:
    who = f" of {label('participant')}" if roles.get("participant") else ""
    by = f" organised by {label('organizer')}" if roles.get("organizer") else ""
    where = f" in {label('location')}" if roles.get("location") else ""
    return f"meeting{who}{by}{where}"


def _agreement(g, node, fact, roles, label, gaz, iris) -> str:
    g.add((node, DG.agreementKind, Literal(str(fact.value("what")))))
    return f"{fact.value('what')} between {label('party')}"


def _home_country(g, node, fact, roles, label, gaz, iris) -> str:
    for org in roles.get("organization", []):  # the shortcut triple the fact stands behind
        for country in roles.get("country", []):
            g.add((entity_iri(iris, org), DG.homeCountry, entity_iri(iris, country)))
    return f"{label('organization')} belongs to {label('country')}"


_VALUES_AND_LABEL = {
    "Position": _position, "Membership": lambda g, n, f, r, label, gz, i: f"{label('member')} in {label('group')}",
    "TradeFlow": _flow, "InvestmentFlow": _flow, "MarketActivity": _market_activity, "Cooperation": _cooperation,
    "Meeting": _meeting, "Agreement": _agreement, "HomeCountry": _home_country,
}


def _entity_label(g: Graph, node: URIRef) -> str:
    value = g.value(node, RDFS.label)
    return str(value) if value is not None else str(node).rsplit("/", 1)[-1]

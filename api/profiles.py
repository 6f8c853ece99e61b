"""What an entity page says before its triples: the facts an entity takes part in, read back as a country's
profile (partners, trade and investment by year, posts, companies, memberships, cooperation), as sentences for
a person or an organisation, and as a picture of its neighbourhood in the graph.

The store is asked three small questions (the entity's facts; its neighbours' facts; the labels and
sentences all of them name); everything after that is pure Python over `Fact` records, so each section
can be tested without a server."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from diplograph.api.pictures import Edge, Node, bar_chart, human_amount, neighbourhood
from diplograph.graph.config import ONTOLOGY_NS

DG = ONTOLOGY_NS
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FACT_CLASSES = ("Position", "Membership", "TradeFlow", "InvestmentFlow", "MarketActivity", "Cooperation",
                "Meeting", "HomeCountryStatement", "Agreement")
ROLES = ("heldBy", "positionIn", "member", "group", "exporter", "importer", "party", "organization", "market",
         "country", "participant", "organizer", "location")
VALUES = ("roleTitle", "amount", "currency", "year", "status", "sector", "commodity", "date", "agreementKind")
MAX_FACTS = 500  # an entity's facts read for its page; a profile of thousands would not be read either
MAX_ROWS = 100  # rows a table shows
MAX_NEIGHBOURS = 16
MAX_FURTHER = 3  # entities two relations away, per neighbour


@dataclass
class Fact:
    iri: str
    kind: str = ""
    roles: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    sentence: str | None = None

    def one(self, role: str) -> str | None:
        return (self.roles.get(role) or [None])[0]

    def players(self) -> list[str]:
        return [iri for role in ROLES for iri in self.roles.get(role, [])]


# -- the questions -----------------------------------------------------------------------------------------

_KEEP = " ".join(f"dg:{p}" for p in ROLES + VALUES) + " prov:wasDerivedFrom rdf:type"
SPARQL_PREFIXES = (f"PREFIX dg: <{DG}> PREFIX prov: <{PROV}> "
                   "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                   "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                   "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/> ")


def facts_query(iris: list[str], limit: int = MAX_FACTS) -> str:
    """The facts in which any of `iris` plays a role, each with its roles, values and sentence.  Only facts
    are subjects of the role properties, so no class is joined; and the properties kept are a FILTER, not
    VALUES, which Oxigraph would scan first (at 10,000 documents either cost a second or more)."""
    values = " ".join(f"<{iri}>" for iri in iris)
    roles = " ".join(f"dg:{r}" for r in ROLES)
    return (SPARQL_PREFIXES + "SELECT DISTINCT ?fact ?p ?v WHERE { "
            f"{{ SELECT DISTINCT ?fact WHERE {{ VALUES ?e {{ {values} }} VALUES ?role {{ {roles} }} ?fact ?role ?e }} "
            f"LIMIT {limit} }} ?fact ?p ?v FILTER(?p IN ({', '.join(_KEEP.split())})) }}")


def names_query(entity: str, iris: list[str]) -> str:
    """The entity's class; labels of entities and sectors; text and document of sentences."""
    values = " ".join(f"<{iri}>" for iri in iris)
    return (SPARQL_PREFIXES + "SELECT ?s (SAMPLE(?l) AS ?label) "
            "(GROUP_CONCAT(DISTINCT COALESCE(STR(?c), ''); separator=' ') AS ?class) (SAMPLE(?d) AS ?doc) "
            "(SAMPLE(?t) AS ?title) WHERE { "
            f"{{ VALUES ?s {{ <{entity}> {values} }} ?s rdfs:label|skos:prefLabel ?l }} UNION "
            f"{{ BIND(<{entity}> AS ?s) ?s a ?c FILTER(STRSTARTS(STR(?c), STR(dg:))) }} UNION "
            f"{{ VALUES ?s {{ {values} }} ?s dg:text ?l ; dcterms:isPartOf ?d OPTIONAL {{ ?d dcterms:title ?t }} }} "
            "} GROUP BY ?s")


def read_facts(bindings: list[dict]) -> list[Fact]:
    """Fact records from `facts_query` rows."""
    facts: dict[str, Fact] = {}
    for row in bindings:
        fact = facts.setdefault(row["fact"]["value"], Fact(row["fact"]["value"]))
        p, v = row["p"]["value"], row["v"]["value"]
        name = p.rsplit("#", 1)[-1]
        if p == RDF_TYPE:
            if v.startswith(DG) and v[len(DG):] in FACT_CLASSES:
                fact.kind = v[len(DG):]
        elif p == PROV + "wasDerivedFrom":
            fact.sentence = v
        elif name in ROLES:
            if v not in fact.roles.setdefault(name, []):
                fact.roles[name].append(v)
        else:
            fact.values[name] = v
    return [f for f in facts.values() if f.kind]


@dataclass
class Names:
    """What the page prints for an IRI: its label, its class, and for a sentence its text and document."""
    labels: dict[str, str] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)  # local names of the ontology's classes
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # sentence -> (document, title)

    @classmethod
    def from_rows(cls, bindings: list[dict]) -> Names:
        names = cls()
        for row in bindings:
            s = row["s"]["value"]
            if "label" in row:
                names.labels[s] = row["label"]["value"]
            if "class" in row:
                names.classes[s] = {c.rsplit("#", 1)[-1] for c in row["class"]["value"].split()}
            if "doc" in row:
                doc = row["doc"]["value"]
                names.documents[s] = (doc, row["title"]["value"] if "title" in row else doc.rsplit("/", 1)[-1])
        return names

    def label(self, iri: str | None) -> str:
        return "" if iri is None else self.labels.get(iri, iri.rsplit("/", 1)[-1])


def named_iris(facts: list[Fact]) -> list[str]:
    """Every IRI the page will print a name for."""
    seen = dict.fromkeys(p for f in facts for p in f.players())
    seen.update(dict.fromkeys(f.values[k] for f in facts for k in ("sector", "commodity") if k in f.values))
    seen.update(dict.fromkeys(f.sentence for f in facts if f.sentence))
    return list(seen)


# -- the neighbourhood ---------------------------------------------------------------------------------------

def relation(fact: Fact, source: str, target: str) -> str:
    """A short name for what a fact says between two of its players, read from `source` to `target`."""
    kind, roles = fact.kind, fact.roles
    if kind == "Position":
        return fact.values.get("roleTitle", "post")
    if kind in ("TradeFlow", "InvestmentFlow"):
        word = "trade" if kind == "TradeFlow" else "investment"
        if source in roles.get("exporter", []) and target in roles.get("importer", []):
            return "exports to" if kind == "TradeFlow" else "invests in"
        if source in roles.get("importer", []) and target in roles.get("exporter", []):
            return "imports from" if kind == "TradeFlow" else "investment from"
        return word
    return {"Membership": "member of", "MarketActivity": "planned in" if fact.values.get("status", "").endswith(
                "planned") else "active in",
            "Cooperation": "cooperation", "Meeting": "met", "HomeCountryStatement": "home country",
            "Agreement": "agreement"}.get(kind, kind)


def _edges_from(fact: Fact, entity: str) -> list[tuple[str, str, str]]:
    """(source, target, relation) for each other player of a fact `entity` plays in, in reading order: the
    holder before the post, the member before the group, the organisation before its market or country."""
    first = ("heldBy", "member", "organization", "exporter")
    out = []
    for other in fact.players():
        if other == entity:
            continue
        entity_first = any(entity in fact.roles.get(r, []) for r in first) or not any(
            other in fact.roles.get(r, []) for r in first)
        source, target = (entity, other) if entity_first else (other, entity)
        out.append((source, target, relation(fact, source, target)))
    return out


def neighbours(entity: str, facts: list[Fact], limit: int = MAX_NEIGHBOURS) -> list[str]:
    """The entities most often in a fact with `entity`."""
    counts = Counter(p for f in facts if entity in f.players() for p in set(f.players()) if p != entity)
    return [iri for iri, _ in counts.most_common(limit)]


def neighbourhood_picture(entity: str, facts: list[Fact], further: list[Fact], names: Names,
                          href: Callable[[str], str]) -> str:
    """The SVG of an entity, its neighbours and, for each of these, up to MAX_FURTHER entities beyond."""
    ring1 = neighbours(entity, facts)
    if not ring1:
        return ""
    nodes = [Node(entity, names.label(entity), None, 0)] + [Node(n, names.label(n), href(n), 1) for n in ring1]
    edges: dict[tuple[str, str], str] = {}
    for fact in facts:
        for source, target, name in _edges_from(fact, entity):
            if {source, target} <= set(ring1) | {entity}:
                edges.setdefault((source, target), name)
    taken = {entity, *ring1}
    for parent in ring1:
        beyond = [(other, f) for f in further if parent in f.players()
                  for other in f.players() if other not in taken][:MAX_FURTHER]
        for other, fact in beyond:
            if other in taken:
                continue
            taken.add(other)
            nodes.append(Node(other, names.label(other), href(other), 2, parent))
            for source, target, name in _edges_from(fact, parent):
                if other in (source, target):
                    edges.setdefault((source, target), name)
    return neighbourhood(nodes, [Edge(s, t, n) for (s, t), n in edges.items()],
                         f"{names.label(entity)} and what it is related to, one and two relations away")


# -- words -------------------------------------------------------------------------------------------------

def in_words(fact: Fact, names: Names, link: Callable[[str | None], str]) -> str:
    """One fact as an English clause with its players linked (`link` returns escaped markup)."""
    r, v = fact.roles, fact.values

    def many(role: str) -> str:
        return " and ".join(link(i) for i in r.get(role, [])) or "?"

    sector = f" ({html.escape(names.label(v['sector']))})" if "sector" in v else ""
    year = f" in {html.escape(v['year'])}" if "year" in v else ""
    if fact.kind == "Position":
        return f"{many('heldBy')}: {html.escape(v.get('roleTitle', 'post'))}, {many('positionIn')}"
    if fact.kind == "Membership":
        return f"{many('member')} is a member of {many('group')}"
    if fact.kind in ("TradeFlow", "InvestmentFlow"):
        what = "trade" if fact.kind == "TradeFlow" else "investment"
        way = f"from {many('exporter')} to {many('importer')}" if "exporter" in r else f"between {many('party')}"
        amount = f"{html.escape(v.get('currency', ''))} {_amount(v.get('amount', ''))}"
        return f"{what} {way}: {amount}{year}"
    if fact.kind == "MarketActivity":
        verb = "plans to work in" if v.get("status", "").endswith("planned") else "is active in"
        return f"{many('organization')} {verb} {many('market')}{sector}"
    if fact.kind == "Cooperation":
        return f"cooperation between {many('party')}{sector}"
    if fact.kind == "HomeCountryStatement":
        return f"{many('organization')} is from {many('country')}"
    if fact.kind == "Meeting":
        return f"meeting of {many('participant')}" + (f" in {many('location')}" if "location" in r else "")
    return f"{html.escape(fact.kind)}: {many('party')}"


def _amount(text: str) -> str:
    try:
        return human_amount(float(text))
    except ValueError:
        return html.escape(text)


def source(fact: Fact, names: Names, href: Callable[[str], str]) -> str:
    """The sentence a fact was read from, quoted short and linked, and its document."""
    if not fact.sentence:
        return ""
    text = names.label(fact.sentence)
    short = text if len(text) <= 90 else text[:89] + "…"
    quote = (f'<a href="{html.escape(href(fact.sentence))}" title="{html.escape(text)}">'
             f"“{html.escape(short)}”</a>")
    if fact.sentence in names.documents:
        doc, title = names.documents[fact.sentence]
        quote += f' <span class="meta">in <a href="{html.escape(href(doc))}">{html.escape(title)}</a></span>'
    return quote


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]], caption: str) -> str:
    """A table of at most MAX_ROWS rows: a page is for reading, the SPARQL explorer for everything."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows[:MAX_ROWS])
    more = (f'<p class="meta">The first {MAX_ROWS} of {len(rows)} rows; the query under “All its facts” lists '
            "them all.</p>") if len(rows) > MAX_ROWS else ""
    return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def all_facts_query(entity: str) -> str:
    """The SPARQL a reader runs for every fact an entity takes part in, with its sentence and document."""
    roles = " ".join(f"dg:{r}" for r in ROLES)
    return (f"PREFIX dg: <{DG}>\nPREFIX prov: <{PROV}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n\n"
            "SELECT DISTINCT ?fact ?kind ?label ?sentence ?document WHERE {\n"
            f"  VALUES ?role {{ {roles} }}\n"
            f"  ?fact ?role <{entity}> ;\n        a ?kind ;\n        rdfs:label ?label ;\n"
            "        prov:wasDerivedFrom ?s .\n  ?s dg:text ?sentence ;\n     dcterms:isPartOf ?document .\n"
            "}\nORDER BY ?kind ?label\n")


# -- a country's profile -----------------------------------------------------------------------------------

def flow_series(country: str, facts: list[Fact], names: Names) -> dict[str, dict[str, dict[int, float]]]:
    """Amounts by year for each partner and kind of flow, per currency: {currency: {"trade with X":
    {year: amount}}}.  Where one year has several figures for the same series, the largest (articles quote
    the same total again and again; summing them would count it twice)."""
    out: dict[str, dict[str, dict[int, float]]] = {}
    for fact in facts:
        if fact.kind not in ("TradeFlow", "InvestmentFlow") or "year" not in fact.values or "amount" not in fact.values:
            continue
        partners = [p for p in fact.players() if p != country]
        if len(partners) != 1 or country not in fact.players():
            continue
        partner = names.label(partners[0])
        if fact.kind == "TradeFlow":
            name = f"trade with {partner}"
        else:
            name = f"investment in {partner}" if country in fact.roles.get("exporter", []) else \
                f"investment from {partner}" if country in fact.roles.get("importer", []) else \
                f"investment with {partner}"
        try:  # a remote store may hold anything; a figure that is not one is left out of the chart
            year, amount = int(fact.values["year"]), float(fact.values["amount"])
        except ValueError:
            continue
        series = out.setdefault(fact.values.get("currency", ""), {}).setdefault(name, {})
        series[year] = max(series.get(year, 0.0), amount)
    return out


def country_profile(country: str, facts: list[Fact], further: list[Fact], names: Names,
                    href: Callable[[str], str]) -> str:
    """The sections of a country's page, each row linked to the sentence it comes from."""

    def link(iri: str | None) -> str:
        return "?" if iri is None else f'<a href="{html.escape(href(iri))}">{html.escape(names.label(iri))}</a>'

    sections = []
    charts = []
    for currency, series in sorted(flow_series(country, facts, names).items(), key=lambda c: -len(c[1])):
        top = dict(sorted(series.items(), key=lambda s: -max(s[1].values()))[:8])
        charts.append(bar_chart(top, f"{names.label(country)}: trade and investment by year ({currency})",
                                currency))
    flows = sorted((f for f in facts if f.kind in ("TradeFlow", "InvestmentFlow")),
                   key=lambda f: (f.values.get("year", "9999"), f.kind))
    if flows:
        rows = [(("trade" if f.kind == "TradeFlow" else "investment"), in_words(f, names, link),
                 html.escape(f.values.get("year", "")), source(f, names, href)) for f in flows]
        sections.append("<section><h2>Trade and investment</h2>" + "".join(charts)
                        + _table(("kind", "flow", "year", "source"), rows, "Every figure, as read") + "</section>")
    posts = [f for f in facts if f.kind == "Position" and country in f.roles.get("positionIn", [])]
    if posts:
        rows = [(link(f.one("heldBy")), html.escape(f.values.get("roleTitle", "")), source(f, names, href))
                for f in posts]
        sections.append("<section><h2>People in its service</h2>"
                        + _table(("person", "post", "source"), rows, "Posts held for this country") + "</section>")
    own = {f.one("organization") for f in facts if f.kind == "HomeCountryStatement"
           and country in f.roles.get("country", [])}
    abroad = [f for f in further if f.kind == "MarketActivity" and f.one("organization") in own
              and country not in f.roles.get("market", [])]
    if own:
        rows = [(link(f.one("organization")), link(f.one("market")),
                 html.escape(names.label(f.values["sector"])) if "sector" in f.values else "",
                 html.escape(f.values.get("status", "").rsplit("#", 1)[-1]), source(f, names, href)) for f in abroad]
        at_home = sorted(own - {f.one("organization") for f in abroad}, key=names.label)
        rest = (f"<p>Also from {html.escape(names.label(country))}: " + ", ".join(link(o) for o in at_home) + ".</p>"
                if at_home else "")
        sections.append("<section><h2>Its organisations abroad</h2>"
                        + (_table(("organisation", "market", "sector", "status", "source"), rows,
                                  "Its organisations' activity in other markets") if rows else "") + rest
                        + "</section>")
    active = [f for f in facts if f.kind == "MarketActivity" and country in f.roles.get("market", [])]
    if active:
        rows = [(link(f.one("organization")), html.escape(names.label(f.values["sector"])) if "sector" in f.values
                 else "", html.escape(f.values.get("status", "").rsplit("#", 1)[-1]), source(f, names, href))
                for f in active]
        sections.append("<section><h2>Organisations active in its market</h2>"
                        + _table(("organisation", "sector", "status", "source"), rows,
                                 "Activity in this country's market") + "</section>")
    groups = [f for f in facts if f.kind == "Membership" and country in f.roles.get("member", [])]
    if groups:
        rows = [(link(f.one("group")), source(f, names, href)) for f in groups]
        sections.append("<section><h2>Memberships</h2>" + _table(("group", "source"), rows, "Groups it belongs to")
                        + "</section>")
    areas = [f for f in facts if f.kind == "Cooperation" and country in f.roles.get("party", [])]
    if areas:
        rows = [(", ".join(link(p) for p in f.roles["party"] if p != country),
                 html.escape(names.label(f.values.get("sector"))), source(f, names, href)) for f in areas]
        sections.append("<section><h2>Cooperation</h2>" + _table(("with", "area", "source"), rows,
                                                                   "Areas of cooperation") + "</section>")
    return "".join(sections)


def facts_in_words(entity: str, facts: list[Fact], names: Names, href: Callable[[str], str]) -> str:
    """A person's, company's or organisation's facts as sentences: posts, home country, markets and
    memberships first, as a reader asks about them."""
    order = ("Position", "HomeCountryStatement", "MarketActivity", "Membership", "Cooperation", "TradeFlow",
             "InvestmentFlow", "Meeting", "Agreement")
    mine = sorted((f for f in facts if entity in f.players()), key=lambda f: order.index(f.kind)
                  if f.kind in order else len(order))
    if not mine:
        return ""

    def link(iri: str | None) -> str:
        if iri == entity:
            return f"<strong>{html.escape(names.label(iri))}</strong>"
        return "?" if iri is None else f'<a href="{html.escape(href(iri))}">{html.escape(names.label(iri))}</a>'

    seen: dict[str, str] = {}
    for fact in mine:
        words = in_words(fact, names, link)
        seen.setdefault(words, source(fact, names, href))
    items = "".join(f"<li>{words}<br>{quote}</li>" for words, quote in seen.items())
    return f'<section><h2>What the articles say</h2><ul class="facts">{items}</ul></section>'

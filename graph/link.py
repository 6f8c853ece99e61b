"""Links from diplograph's entities to open datasets (Wikidata, GeoNames), with their provenance.

Sources, most certain first:

1. countries: ``data/country-codes.csv`` (ISO code or name -> Wikidata and GeoNames), for any
   country the build left without a Wikidata link;
2. regions and international organisations: the curated table ``CURATED`` below;
3. a user's CSV file of ``local label or IRI, external IRI[, sameAs|closeMatch]``;
4. people, companies, universities and think tanks: Wikidata's search API, only with ``online``.
   Every answer is kept in an on-disk cache (so a rerun, even offline, gives the same links);
   a candidate must pass a type check (a company must be an instance of a business, a person a
   human); ``owl:sameAs`` is written only for an exact name whose country agrees, ``skos:closeMatch``
   for a likely match, nothing below ``CLOSE_MATCH_AT``.

The link triples go to ``{base}graph/links``; their VoID description (one ``void:Linkset`` per
source and predicate) and per-link provenance (confidence, source) to ``{base}graph/linkset``;
both are replaced in one SPARQL Update, so ``DROP GRAPH`` undoes a run.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pyoxigraph as ox

from diplograph import __version__
from diplograph.graph.config import COUNTRY_CODES_FILE, ONTOLOGY_NS
from diplograph.graph.owl_export import GraphNames, graph_of, normalise_base
from diplograph.graph.store import query, replace_graphs

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
SKOS_CLOSE_MATCH = "http://www.w3.org/2004/02/skos/core#closeMatch"
RELATIONS = {"sameas": OWL_SAME_AS, "owl:sameas": OWL_SAME_AS, OWL_SAME_AS.lower(): OWL_SAME_AS,
             "closematch": SKOS_CLOSE_MATCH, "skos:closematch": SKOS_CLOSE_MATCH,
             SKOS_CLOSE_MATCH.lower(): SKOS_CLOSE_MATCH}

NAME_COLUMNS = ("CLDR display name", "official_name_en", "UNTERM English Short")
SAME_AS_AT = 0.9
CLOSE_MATCH_AT = 0.7
MIN_SIMILARITY = 0.85
USER_AGENT = f"diplograph/{__version__} (entity linking; https://w3id.org/diplograph/)"

# Kinds searched online, with the Wikidata classes an answer must be an instance of (directly or
# through up to three subclass-of steps).
SEARCHED_KINDS: dict[str, frozenset[str]] = {
    "Person": frozenset({"Q5"}),  # human
    "Company": frozenset({"Q4830453", "Q783794", "Q6881511", "Q167037", "Q891723", "Q1589009",
                          "Q219577", "Q22687"}),  # business, company, enterprise, corporation, ... bank
    "University": frozenset({"Q3918", "Q38723", "Q875538", "Q902104"}),  # university, higher education
    "ThinkTank": frozenset({"Q1454597", "Q31855"}),  # think tank, research institute
}
KIND_ORDER = ["Country", "Region", "Person", "Company", "University", "ThinkTank", "GovernmentBody",
              "InternationalOrganization", "Organization"]

# Regions and international organisations: Wikidata item, English name and common other names.
# General knowledge, not tied to any article; extend freely (keep one line per entity).
CURATED: dict[str, tuple[str, ...]] = {
    "Q15": ("Africa",), "Q48": ("Asia",), "Q46": ("Europe",), "Q49": ("North America",),
    "Q18": ("South America",), "Q51": ("Antarctica",), "Q5401": ("Eurasia",), "Q25322": ("Arctic",),
    "Q27275": ("Central Asia",), "Q27231": ("East Asia",), "Q11708": ("Southeast Asia", "South-East Asia"),
    "Q771405": ("South Asia",), "Q27293": ("Western Asia", "West Asia"), "Q7204": ("Middle East",),
    "Q27496": ("Western Europe",), "Q27468": ("Eastern Europe",), "Q27509": ("Central Europe",),
    "Q12585": ("Latin America",), "Q27611": ("Central America",), "Q664609": ("Caribbean",),
    "Q132959": ("Sub-Saharan Africa",), "Q27381": ("North Africa",), "Q4412": ("West Africa",),
    "Q27407": ("East Africa",), "Q27394": ("Southern Africa",),
    "Q1065": ("United Nations", "UN"), "Q458": ("European Union", "EU"),
    "Q8880": ("European Commission",), "Q8908": ("Council of Europe",),
    "Q7184": ("NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance"),
    "Q1764511": ("Group of Seven", "G7"), "Q19771": ("Group of Twenty", "G20"),
    "Q485207": ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"),
    "Q7768": ("Association of Southeast Asian Nations", "ASEAN"), "Q7159": ("African Union", "AU"),
    "Q7825": ("World Trade Organization", "WTO"), "Q7804": ("International Monetary Fund", "IMF"),
    "Q7164": ("World Bank",), "Q7795": ("OPEC", "Organization of the Petroleum Exporting Countries"),
    "Q7779": ("Commonwealth of Independent States", "CIS"),
    "Q81299": ("Organization for Security and Co-operation in Europe", "OSCE"),
    "Q41550": ("Organisation for Economic Co-operation and Development", "OECD"),
    "Q7172": ("Arab League", "League of Arab States"), "Q7809": ("UNESCO",),
    "Q7817": ("World Health Organization", "WHO"), "Q25507": ("International Atomic Energy Agency", "IAEA"),
    "Q7785": ("Commonwealth of Nations",), "Q123759": ("Organization of American States", "OAS"),
}


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """One link with the provenance that goes into the linkset graph."""

    subject: str
    target: str
    relation: str
    method: str  # country-codes | curated | csv | wikidata-search
    confidence: float
    source: str  # a file name or an API request URL
    note: str = ""


@dataclass
class LinkResult:
    """The links written, and what the run has to tell the user."""

    links: list[Link]
    messages: list[str]
    graph: str
    linkset_graph: str

    @property
    def same_as(self) -> int:
        return sum(1 for link in self.links if link.relation == OWL_SAME_AS)

    @property
    def close_match(self) -> int:
        return sum(1 for link in self.links if link.relation == SKOS_CLOSE_MATCH)

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        by_method = Counter(link.method for link in self.links)
        parts = ", ".join(f"{n} {method}" for method, n in sorted(by_method.items())) or "none"
        lines = [f"{self.same_as} owl:sameAs and {self.close_match} skos:closeMatch links ({parts}) "
                 f"written to <{self.graph}>, VoID in <{self.linkset_graph}>"]
        return "\n".join(lines + self.messages)


@dataclass
class Entity:
    iri: str
    kind: str
    labels: list[str]
    same_as: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # Wikidata ids of countries it belongs to
    iso2: str = ""

    @property
    def wikidata(self) -> str | None:
        return next((t for t in sorted(self.same_as) if t.startswith(WIKIDATA_ENTITY)), None)


# --- reading the store ---------------------------------------------------------------------------


def load_entities(store: ox.Store, base: str) -> list[Entity]:
    """Named entities of the document graphs, with labels, links and country context."""
    dg, doc_prefix = ONTOLOGY_NS, f"{base}doc/"
    rows = query(store, f"""
        PREFIX dg: <{dg}>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e ?type ?label WHERE {{
          GRAPH ?g {{ ?e a ?type .
                     OPTIONAL {{ {{ ?e rdfs:label ?label BIND(0 AS ?rank) }}
                                UNION {{ ?e dg:acronym ?label BIND(1 AS ?rank) }} }} }}
          FILTER(STRSTARTS(STR(?g), "{doc_prefix}") && STRSTARTS(STR(?type), "{dg}"))
        }} ORDER BY ?e ?rank ?label""")  # the name first, then acronyms: the name is what is searched
    entities: dict[str, Entity] = {}
    for row in rows:
        kind = row["type"].value.removeprefix(dg)
        if kind not in KIND_ORDER:
            continue
        iri = row["e"].value
        entity = entities.setdefault(iri, Entity(iri, kind, []))
        if KIND_ORDER.index(kind) < KIND_ORDER.index(entity.kind):
            entity.kind = kind
        if row["label"] is not None and row["label"].value not in entity.labels:
            entity.labels.append(row["label"].value)
    _add_properties(store, entities, doc_prefix)
    return sorted(entities.values(), key=lambda e: e.iri)


def _pairs(store: ox.Store, doc_prefix: str, pattern: str) -> list[tuple[str, str]]:
    rows = query(store, f"""
        PREFIX dg: <{ONTOLOGY_NS}>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT DISTINCT ?s ?o WHERE {{
          GRAPH ?g {{ {pattern} }} FILTER(STRSTARTS(STR(?g), "{doc_prefix}"))
        }}""")
    return [(row["s"].value, row["o"].value) for row in rows]


def _add_properties(store: ox.Store, entities: dict[str, Entity], doc_prefix: str) -> None:
    """Existing links, ISO codes, and the countries an organisation or person belongs to."""
    for s, o in _pairs(store, doc_prefix, "?s owl:sameAs ?o"):
        if s in entities:
            entities[s].same_as.add(o)
    for s, o in _pairs(store, doc_prefix, "?s dg:iso3166Alpha2 ?o"):
        if s in entities:
            entities[s].iso2 = o.upper()
    belongs = _pairs(store, doc_prefix, "?s dg:homeCountry ?o") + _pairs(
        store, doc_prefix, "?p dg:heldBy ?s ; dg:positionIn ?o")
    for s, country in belongs:
        target = entities.get(country)
        if s in entities and target is not None and target.kind == "Country":
            entities[s].countries.add(country)


# --- matching names ------------------------------------------------------------------------------


def normalise(name: str) -> str:
    """Case, accents, punctuation and a leading "the" do not tell two names apart."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def similarity(ours: Iterable[str], theirs: Iterable[str]) -> float:
    """1.0 for an exact (normalised) name match, else the best difflib ratio between any two names."""
    a, b = {normalise(x) for x in ours if x}, {normalise(x) for x in theirs if x}
    if a & b:
        return 1.0
    return max((difflib.SequenceMatcher(None, x, y).ratio() for x in a for y in b), default=0.0)


# --- offline sources -----------------------------------------------------------------------------


def country_links(entities: list[Entity], codes_file: Path = COUNTRY_CODES_FILE) -> list[Link]:
    """Wikidata and GeoNames links for countries the build left without a Wikidata link."""
    by_key: dict[str, dict[str, str]] = {}
    with codes_file.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = [row.get(k, "") for k in NAME_COLUMNS]
            for key in [row.get("ISO3166-1-Alpha-2", "")] + [normalise(n) for n in names if n]:
                if key:
                    by_key.setdefault(key, row)
    links = []
    for entity in entities:
        if entity.kind != "Country" or entity.wikidata:
            continue
        row = by_key.get(entity.iso2) or next((by_key[normalise(x)] for x in entity.labels
                                               if normalise(x) in by_key), None)
        if row is None:
            continue
        qid = row.get("wikidata_id", "").rstrip("/").rsplit("/", 1)[-1]
        if qid:
            links.append(Link(entity.iri, WIKIDATA_ENTITY + qid, OWL_SAME_AS, "country-codes", 1.0,
                              codes_file.name))
        if row.get("Geoname ID", "").strip():
            links.append(Link(entity.iri, f"{GEONAMES}{row['Geoname ID'].strip()}/", OWL_SAME_AS,
                              "country-codes", 1.0, codes_file.name))
    return links


def curated_links(entities: list[Entity]) -> list[Link]:
    """Regions and international organisations whose name or acronym is in ``CURATED``."""
    by_name = {normalise(name): qid for qid, names in CURATED.items() for name in names}
    links = []
    for entity in entities:
        if entity.kind not in ("Region", "InternationalOrganization", "Organization") or entity.wikidata:
            continue
        qids = {by_name[normalise(label)] for label in entity.labels if normalise(label) in by_name}
        if len(qids) == 1:
            links.append(Link(entity.iri, WIKIDATA_ENTITY + qids.pop(), OWL_SAME_AS, "curated", 1.0,
                              "graph/link.py CURATED"))
    return links


def csv_links(entities: list[Entity], csv_path: Path) -> tuple[list[Link], list[str]]:
    """A user's links: ``local label or IRI, external IRI[, sameAs|closeMatch]`` per line."""
    by_iri = {e.iri: e for e in entities}
    by_label: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for label in entity.labels:
            by_label[normalise(label)].add(entity.iri)
    links, messages = [], []
    with csv_path.open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.reader(f), start=1):
            cells = [c.strip() for c in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            if len(cells) < 2 or not cells[1].startswith(("http://", "https://")):
                if number > 1:  # the first line may be a header
                    messages.append(f"{csv_path.name}:{number}: skipped, second column is not an IRI")
                continue
            relation = RELATIONS.get(cells[2].lower(), None) if len(cells) > 2 and cells[2] else OWL_SAME_AS
            if relation is None:
                messages.append(f"{csv_path.name}:{number}: skipped, unknown relation {cells[2]!r}")
                continue
            matches = {cells[0]} if cells[0] in by_iri else by_label.get(normalise(cells[0]), set())
            if len(matches) != 1:
                why = "no entity" if not matches else f"{len(matches)} entities"
                messages.append(f"{csv_path.name}:{number}: skipped, {why} named {cells[0]!r}")
                continue
            links.append(Link(matches.pop(), cells[1], relation, "csv", 1.0, csv_path.name))
    return links, messages


# --- Wikidata, online or from the cache -----------------------------------------------------------


class WikidataClient:
    """Wikidata's action API with an on-disk cache of every answer; offline, the cache alone."""

    def __init__(self, endpoint: str, cache_dir: Path, online: bool, max_requests: int = 500) -> None:
        self.endpoint, self.online, self.max_requests = endpoint, online, max_requests
        self.cache_dir = Path(cache_dir) / "wikidata"
        self.requests = 0
        self.misses = 0
        self._http: httpx.Client | None = None

    def url(self, params: dict[str, str]) -> str:
        return str(httpx.URL(self.endpoint, params={**params, "format": "json"}))

    def get(self, params: dict[str, str]) -> dict | None:
        """The API's answer (from the cache when there), or None when offline and not cached."""
        key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:32]
        path = self.cache_dir / f"{key}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))["response"]
        if not self.online:
            self.misses += 1
            return None
        if self.requests >= self.max_requests:
            raise LinkingError(f"stopped after {self.max_requests} Wikidata requests; rerun to continue")
        self.requests += 1
        if self._http is None:
            self._http = httpx.Client(timeout=30, headers={"User-Agent": USER_AGENT})
        response = self._http.get(self.endpoint, params={**params, "format": "json"})
        response.raise_for_status()
        answer = response.json()
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"params": params, "response": answer}, indent=1), encoding="utf-8")
        return answer

    def search(self, name: str) -> list[dict]:
        params = {"action": "wbsearchentities", "search": name, "language": "en", "uselang": "en",
                  "type": "item", "limit": "7"}
        answer = self.get(params)
        return (answer or {}).get("search", [])

    def entities(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = sorted(set(ids))
        found: dict[str, dict] = {}
        for start in range(0, len(ids), 50):
            params = {"action": "wbgetentities", "ids": "|".join(ids[start:start + 50]),
                      "props": "labels|aliases|claims", "languages": "en"}
            found.update((self.get(params) or {}).get("entities", {}))
        return found

    def close(self) -> None:
        if self._http is not None:
            self._http.close()


class LinkingError(RuntimeError):
    """Linking stopped (request budget spent, API error)."""


def claim_ids(entity: dict, prop: str) -> set[str]:
    """The item ids an entity's claims give for a property (P31 instance of, P17 country...)."""
    ids = set()
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            ids.add(value["id"])
    return ids


def is_instance_of(client: WikidataClient, entity: dict, roots: frozenset[str], depth: int = 3) -> bool:
    """Whether an instance-of class of the entity is, or is a subclass of, one of ``roots``."""
    seen = frontier = claim_ids(entity, "P31")
    for _ in range(depth + 1):
        if frontier & roots:
            return True
        if not frontier:
            return False
        supers = set()
        for cls in client.entities(frontier).values():
            supers |= claim_ids(cls, "P279")
        frontier = supers - seen
        seen = seen | supers
    return False


def names_of(entity: dict) -> list[str]:
    label = entity.get("labels", {}).get("en", {}).get("value")
    aliases = [a.get("value") for a in entity.get("aliases", {}).get("en", [])]
    return [n for n in [label, *aliases] if n]


def score(entity: Entity, candidate: dict, country_qids: set[str]) -> tuple[float, str]:
    """Confidence that a type-checked candidate is the entity, with the reason in words.

    An exact name is worth 0.9; the candidate's country (P17, P27, P495) agreeing with ours adds
    0.1, disagreeing takes 0.4 off, and no evidence either way takes 0.1 off (0.15 for a person,
    whose name is shared most often).  A fuzzy name is never certain (at most 0.85).
    """
    sim = similarity(entity.labels, names_of(candidate))
    confidence = 0.9 * sim
    theirs = claim_ids(candidate, "P17") | claim_ids(candidate, "P27") | claim_ids(candidate, "P495")
    if country_qids and theirs & country_qids:
        confidence, why = confidence + 0.1, "name and country agree"
    elif country_qids and theirs:
        confidence, why = confidence - 0.4, "country differs"
    else:
        confidence -= 0.15 if entity.kind == "Person" else 0.1
        why = "name matches, no country to compare"
    if sim < 1.0:
        confidence, why = min(confidence, 0.85), f"similar name ({sim:.2f}); {why}"
    return round(max(0.0, min(1.0, confidence)), 3), why


def search_links(entities: list[Entity], client: WikidataClient, known: dict[str, str]) -> list[Link]:
    """Wikidata links for people, companies, universities and think tanks that have none yet."""
    links = []
    for entity in entities:
        roots = SEARCHED_KINDS.get(entity.kind)
        if roots is None or entity.wikidata or entity.iri in known or not entity.labels:
            continue
        link = best_candidate(entity, roots, client, {known[c].removeprefix(WIKIDATA_ENTITY)
                                                      for c in entity.countries if c in known})
        if link:
            links.append(link)
    return links


def best_candidate(entity: Entity, roots: frozenset[str], client: WikidataClient,
                   country_qids: set[str]) -> Link | None:
    hits = client.search(entity.labels[0])
    close = [h["id"] for h in hits if similarity(entity.labels, [h.get("label", ""), *h.get("aliases", [])])
             >= MIN_SIMILARITY or h.get("match", {}).get("type") == "alias"]
    details = client.entities(close) if close else {}
    scored = sorted(
        ((*score(entity, details[qid], country_qids), qid) for qid in close
         if qid in details and is_instance_of(client, details[qid], roots)),
        reverse=True,
    )
    if not scored or scored[0][0] < CLOSE_MATCH_AT:
        return None
    confidence, why, qid = scored[0]
    if len(scored) > 1 and confidence - scored[1][0] < 0.2:
        confidence, why = round(confidence - 0.2, 3), f"{why}; also {scored[1][2]} ({scored[1][0]})"
        if confidence < CLOSE_MATCH_AT:
            return None
    relation = OWL_SAME_AS if confidence >= SAME_AS_AT else SKOS_CLOSE_MATCH
    source = client.url({"action": "wbsearchentities", "search": entity.labels[0]})
    return Link(entity.iri, WIKIDATA_ENTITY + qid, relation, "wikidata-search", confidence, source, why)


# --- writing -------------------------------------------------------------------------------------


def link(store: ox.Store, base_iri: str, online: bool, csv_path: Path | None, cache_dir: Path,
         endpoint: str = "https://www.wikidata.org/w/api.php") -> LinkResult:
    """Link the store's entities and replace the links and linkset graphs in one transaction."""
    base = normalise_base(base_iri)
    names = GraphNames(base)
    entities = load_entities(store, base)
    links = country_links(entities) + curated_links(entities)
    messages: list[str] = []
    if csv_path is not None:
        found, notes = csv_links(entities, Path(csv_path))
        links += found
        messages += notes
    known = {e.iri: e.wikidata for e in entities if e.wikidata}
    known.update({lk.subject: lk.target for lk in links if lk.target.startswith(WIKIDATA_ENTITY)})
    client = WikidataClient(endpoint, cache_dir, online)
    try:
        links += search_links(entities, client, known)
    except (httpx.HTTPError, LinkingError) as exc:
        messages.append(f"Wikidata search stopped: {exc}")
    finally:
        client.close()
    if not online:
        messages.append(f"offline: Wikidata was not asked; {client.misses} search(es) not in the cache "
                        f"were skipped (people, companies, universities, think tanks); use --online")
    links = _unique(links)
    replace_graphs(store, {
        names.links: link_triples(links),
        names.linkset: linkset_triples(links, entities, base),
    })
    return LinkResult(links, messages, names.links, names.linkset)


def _unique(links: list[Link]) -> list[Link]:
    """One link per (subject, target): the first source wins, and sameAs beats closeMatch."""
    chosen: dict[tuple[str, str], Link] = {}
    for lk in links:
        key = (lk.subject, lk.target)
        if key not in chosen or (lk.relation == OWL_SAME_AS and chosen[key].relation != OWL_SAME_AS):
            chosen[key] = lk
    return sorted(chosen.values(), key=lambda lk: (lk.subject, lk.relation, lk.target))


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.3f}", datatype=_n(XSD_NS + "decimal"))


def link_triples(links: list[Link]) -> list[tuple]:
    return [(_n(lk.subject), _n(lk.relation), _n(lk.target)) for lk in links]


VOID = "http://rdfs.org/ns/void#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
DQV = "http://www.w3.org/ns/dqv#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
TARGETS = {WIKIDATA_ENTITY: "http://www.wikidata.org/", GEONAMES: GEONAMES}


def linkset_iri(base: str, lk: Link) -> str:
    predicate = "sameas" if lk.relation == OWL_SAME_AS else "closematch"
    spaces = (("wikidata", WIKIDATA_ENTITY), ("geonames", GEONAMES))
    target = next((name for name, space in spaces if lk.target.startswith(space)), "other")
    return f"{base}linkset/{lk.method}-{target}-{predicate}"


def linkset_triples(links: list[Link], entities: list[Entity], base: str) -> list[tuple]:
    """VoID: our dataset, the target datasets, one Linkset per source and predicate, and each link."""
    typ = _n(RDF_NS + "type")
    dataset, run = _n(base), _n(f"{base}linkset/run")  # the dataset IRI is the base, as in graph.store
    now = ox.Literal(datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=_n(XSD_NS + "dateTime"))
    out = [
        (dataset, typ, _n(VOID + "Dataset")), (dataset, _n(VOID + "uriSpace"), ox.Literal(base)),
        (dataset, _n("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("diplograph knowledge graph")),
        (run, typ, _n(PROV + "Activity")), (run, _n(PROV + "startedAtTime"), now),
        (run, _n(PROV + "wasAssociatedWith"), _n(f"{base}software/diplograph/{__version__}")),
    ]
    metric = _n(f"{base}linkset/confidence")
    out += [(metric, typ, _n(DQV + "Metric")),
            (metric, _n("http://www.w3.org/2004/02/skos/core#definition"), ox.Literal(
                f"How sure diplograph is of a link, 0 to 1: owl:sameAs from {SAME_AS_AT}, "
                f"skos:closeMatch from {CLOSE_MATCH_AT}; curated, country-code and CSV links are 1."))]
    for space, target in TARGETS.items():
        out += [(_n(target), typ, _n(VOID + "Dataset")),
                (_n(target), _n(VOID + "uriSpace"), ox.Literal(space))]
    by_set: dict[str, list[Link]] = defaultdict(list)
    for lk in links:
        by_set[linkset_iri(base, lk)].append(lk)
    for iri, members in sorted(by_set.items()):
        out += _linkset(_n(iri), members, dataset, run)
        for lk in members:
            out += _link_record(base, _n(iri), lk)
    out += _document_country_linksets(entities, base, dataset)
    return out


def _linkset(
    node: ox.NamedNode, members: list[Link], dataset: ox.NamedNode, run: ox.NamedNode
) -> list[tuple]:
    first = members[0]
    out = [
        (node, _n(RDF_NS + "type"), _n(VOID + "Linkset")),
        (node, _n(VOID + "subjectsTarget"), dataset),
        (node, _n(VOID + "linkPredicate"), _n(first.relation)),
        (node, _n(VOID + "triples"), ox.Literal(str(len(members)), datatype=_n(XSD_NS + "integer"))),
        (node, _n(DCT + "source"), ox.Literal(first.source if first.method != "wikidata-search"
                                              else first.source.split("?", 1)[0])),
        (node, _n(PROV + "wasGeneratedBy"), run),
    ]
    target = next((t for space, t in TARGETS.items() if first.target.startswith(space)), None)
    if target:
        out.append((node, _n(VOID + "objectsTarget"), _n(target)))
    return out


def _link_record(base: str, linkset: ox.NamedNode, lk: Link) -> list[tuple]:
    """The link as an rdf:Statement with its source and reason, and its confidence as a W3C DQV
    quality measurement (not dg:confidence, whose domain is dg:Fact: a link is not a fact read
    from a sentence, and queries over facts must not meet it)."""
    key = hashlib.sha1(f"{lk.subject} {lk.relation} {lk.target}".encode()).hexdigest()[:16]
    node = _n(f"{base}link/{key}")
    out = [
        (node, _n(RDF_NS + "type"), _n(RDF_NS + "Statement")),
        (node, _n(RDF_NS + "subject"), _n(lk.subject)), (node, _n(RDF_NS + "predicate"), _n(lk.relation)),
        (node, _n(RDF_NS + "object"), _n(lk.target)), (node, _n(VOID + "inDataset"), linkset),
        (node, _n(DCT + "source"), ox.Literal(lk.source)),
    ]
    measurement = _n(f"{base}link/{key}/confidence")
    out += [
        (measurement, _n(RDF_NS + "type"), _n(DQV + "QualityMeasurement")),
        (measurement, _n(DQV + "computedOn"), node),
        (measurement, _n(DQV + "isMeasurementOf"), _n(f"{base}linkset/confidence")),
        (measurement, _n(DQV + "value"), _decimal(lk.confidence)),
    ]
    if lk.note:
        out.append((node, _n("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(lk.note)))
    return out


def _document_country_linksets(entities: list[Entity], base: str, dataset: ox.NamedNode) -> list[tuple]:
    """Describe the country links the build wrote into the document graphs (not copied here)."""
    out = []
    for name, space in (("wikidata", WIKIDATA_ENTITY), ("geonames", GEONAMES)):
        count = sum(1 for e in entities if e.kind == "Country" for t in e.same_as if t.startswith(space))
        if count:
            node = _n(f"{base}linkset/build-countries-{name}-sameas")
            out += [
                (node, _n(RDF_NS + "type"), _n(VOID + "Linkset")),
                (node, _n(VOID + "subjectsTarget"), dataset),
                (node, _n(VOID + "objectsTarget"), _n(TARGETS[space])),
                (node, _n(VOID + "linkPredicate"), _n(OWL_SAME_AS)),
                (node, _n(VOID + "triples"), ox.Literal(str(count), datatype=_n(XSD_NS + "integer"))),
                (node, _n(DCT + "source"), ox.Literal(COUNTRY_CODES_FILE.name)),
            ]
    return out


def write_linkset(store: ox.Store, out: Path, base_iri: str) -> Path:
    """The links and their VoID description as one Turtle file (rdflib: owlready2 writes none)."""
    names = GraphNames(normalise_base(base_iri))
    graph = graph_of(store, [names.links, names.linkset])
    for prefix, ns in (("void", VOID), ("owl", "http://www.w3.org/2002/07/owl#"), ("wd", WIKIDATA_ENTITY),
                       ("skos", "http://www.w3.org/2004/02/skos/core#"), ("dcterms", DCT), ("prov", PROV),
                       ("dg", ONTOLOGY_NS), ("id", f"{names.base}id/")):
        graph.bind(prefix, ns)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=out, format="turtle", encoding="utf-8")
    return out

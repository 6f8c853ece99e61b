"""General knowledge the extractor reads: countries, regions, international
organisations, titles of office (CSV under data/) and sectors and commodities
(the SKOS scheme in ontology/sectors.ttl).  Nothing here is about one article.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from diplograph.graph.config import COUNTRY_CODES_FILE, GAZETTEER_DIR, ONTOLOGY_NS, SECTORS_FILE

DG_COMMODITY = URIRef(ONTOLOGY_NS + "Commodity")


def slug(text: str) -> str:
    """A stable IRI path segment for a name."""
    text = text.casefold().replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^\w]+", "-", text).strip("-") or "x"


@dataclass(frozen=True)
class Country:
    alpha3: str
    alpha2: str
    label: str
    wikidata: str | None
    geonames: str | None
    currency: str | None = None  # ISO 4217
    regions: frozenset[str] = frozenset()  # UN M49 region, sub-region and intermediate region: "South-eastern Asia"

    @property
    def key(self) -> str:
        return f"country:{self.alpha3}"


@dataclass(frozen=True)
class Known:
    """A region or an international organisation from the curated tables."""

    key: str
    kind: str
    label: str
    wikidata: str | None
    acronyms: tuple[str, ...] = ()
    members: frozenset[str] = frozenset()  # ISO alpha-3 codes, where membership is stable


@dataclass(frozen=True)
class Concept:
    iri: str
    label: str
    is_commodity: bool


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # by key
    known: dict[str, Known] = field(default_factory=dict)  # regions and organisations, by key
    names: dict[str, str] = field(default_factory=dict)  # surface form (case kept) -> key
    acronyms: dict[str, str] = field(default_factory=dict)  # surface -> key
    news_agencies: set[str] = field(default_factory=set)  # "Xinhua", "PAP": organisations with no key
    adjectives: dict[str, str] = field(default_factory=dict)  # "Canadian" -> country key
    capitals: dict[str, str] = field(default_factory=dict)  # "Ottawa" -> country key
    cities: dict[str, str] = field(default_factory=dict)  # other large cities and US states: "Karachi" -> country key
    titles: dict[str, str] = field(default_factory=dict)  # lower-case surface -> canonical title
    title_kinds: dict[str, str] = field(default_factory=dict)  # canonical title -> government, diplomatic, ...
    absent_posts: dict[str, frozenset[str]] = field(default_factory=dict)  # "president" -> {"country:GBR", ...}
    concepts: dict[str, Concept] = field(default_factory=dict)  # by IRI
    concept_labels: dict[str, str] = field(default_factory=dict)  # lower-case surface -> IRI
    broader: dict[str, str] = field(default_factory=dict)  # concept IRI -> broader concept IRI
    portfolio_words: set[str] = field(default_factory=set)  # lower-case words a ministry's portfolio is made of
    not_names: set[str] = field(default_factory=set)  # "MOU", "MW": what the NER takes for a name and never is
    name_heads: dict[str, str] = field(default_factory=dict)  # "Statistics" -> kind: "Statistics Poland"
    name_tails: dict[str, str] = field(default_factory=dict)  # "Airlines" -> kind: "Turkish Airlines"
    shared_names: dict[str, str] = field(default_factory=dict)  # "Congo" -> the other country it may name
    currency_signs: dict[str, frozenset[str]] = field(default_factory=dict)  # "Rs" -> the codes it may stand for
    region_adjectives: dict[str, str] = field(default_factory=dict)  # "Southeast Asian" -> "South-eastern Asia"

    def kind_of(self, key: str) -> str:
        if key.startswith("country:"):
            return "Country"
        return self.known[key].kind

    def canonical_title(self, surface: str) -> str:
        """"Foreign Affairs Minister" and "minister of foreign affairs" are one title."""
        return self.titles.get(surface.lower(), surface.lower())

    def label_of(self, key: str) -> str:
        if key in self.countries:
            return self.countries[key].label
        return self.known[key].label


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _qid(cell: str | None) -> str | None:
    match = re.search(r"Q\d+", cell or "")
    return match.group(0) if match else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _both_apostrophes(names: list[str]) -> list[str]:
    """Each name as the data writes it and with the other apostrophe: news prints "Cote d’Ivoire" too."""
    return [variant for name in names
            for variant in dict.fromkeys([name, name.replace("'", "’"), name.replace("’", "'")])]


def _load_countries(gaz: Gazetteer, directory: Path, codes_file: Path) -> None:
    codes = {row["ISO3166-1-Alpha-3"]: row for row in _read_csv(codes_file) if row.get("ISO3166-1-Alpha-3")}
    for row in _read_csv(directory / "countries.csv"):
        alpha3 = row["alpha3"].strip()
        code = codes.get(alpha3, {})
        country = Country(
            alpha3=alpha3,
            alpha2=code.get("ISO3166-1-Alpha-2", "").strip(),
            label=row["name"].strip(),
            wikidata=_qid(code.get("wikidata_id")),
            geonames=(code.get("Geoname ID") or "").strip() or None,
            currency=(code.get("ISO4217-currency_alphabetic_code") or "").split(",")[0].strip() or None,
            regions=frozenset(name for column in ("Region Name", "Sub-region Name", "Intermediate Region Name")
                              if (name := (code.get(column) or "").strip())),
        )
        gaz.countries[country.key] = country
        for name in _both_apostrophes([country.label, *_split(row.get("aliases"))]):
            gaz.names.setdefault(name, country.key)
        for adjective in _split(row.get("adjectives")):
            gaz.adjectives.setdefault(adjective, country.key)
        for capital in _split(row.get("capital")):
            gaz.capitals.setdefault(capital, country.key)


def _load_known(gaz: Gazetteer, directory: Path) -> None:
    for row in _read_csv(directory / "regions.csv"):
        known = Known(f"region:{slug(row['label'])}", "Region", row["label"].strip(), _qid(row.get("wikidata")))
        gaz.known[known.key] = known
        for name in _both_apostrophes([known.label, *_split(row.get("aliases"))]):
            gaz.names.setdefault(name, known.key)
    for row in _read_csv(directory / "organizations.csv"):
        acronyms = tuple(_split(row.get("acronyms")))
        known = Known(
            f"io:{slug(row['label'])}", row.get("kind", "").strip() or "InternationalOrganization",
            row["label"].strip(), _qid(row.get("wikidata")), acronyms, frozenset(_split(row.get("members"))),
        )
        gaz.known[known.key] = known
        for name in _both_apostrophes([known.label, *_split(row.get("aliases"))]):
            gaz.names.setdefault(name, known.key)
        for acronym in acronyms:
            gaz.acronyms.setdefault(acronym, known.key)


def _load_news_agencies(gaz: Gazetteer, directory: Path) -> None:
    """Agencies are named in datelines and credits ("(Xinhua) --", "told PAP"), where the NER rarely sees a
    name; each is an organisation under the name the article writes, as the NER's would be."""
    for row in _read_csv(directory / "news-agencies.csv"):
        for name in [row["label"], *_split(row.get("aliases")), *_split(row.get("acronyms"))]:
            gaz.news_agencies.add(name.strip())


def _load_titles(gaz: Gazetteer, directory: Path) -> None:
    for row in _read_csv(directory / "titles.csv"):
        title = row["title"].strip().lower()
        gaz.title_kinds[title] = (row.get("kind") or "").strip()
        for surface in [title, *_split(row.get("aliases"))]:
            gaz.titles.setdefault(surface.lower(), title)
            if surface.count(" ") == 1:  # "General-Manager", as some papers print it
                gaz.titles.setdefault(surface.lower().replace(" ", "-"), title)


def _load_absent_posts(gaz: Gazetteer, directory: Path) -> None:
    """Posts a country's constitution does not have: a monarchy's president, a presidential republic's
    prime minister."""
    for row in _read_csv(directory / "absent-posts.csv"):
        gaz.absent_posts[row["post"].strip().lower()] = frozenset(
            f"country:{code}" for code in _split(row.get("countries")))
    for row in _read_csv(directory / "monarchs.csv"):  # a monarch's post is absent wherever there is none
        present = {f"country:{code}" for code in _split(row.get("countries"))}
        gaz.absent_posts[row["post"].strip().lower()] = frozenset(set(gaz.countries) - present)


def _load_cities(gaz: Gazetteer, directory: Path) -> None:
    """Large cities and US states: where an office, a plant or a project is; never an actor themselves.
    Each also under its name without diacritics, as English news mostly prints it ("Gyor" for "Győr")."""
    for row in _read_csv(directory / "cities.csv"):
        key = f"country:{row['alpha3'].strip()}"
        name = row["name"].strip()
        plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        for form in dict.fromkeys([name, plain]):
            if key in gaz.countries and form not in gaz.names and form not in gaz.adjectives \
                    and form not in gaz.capitals:
                gaz.cities.setdefault(form, key)


def _load_portfolios(gaz: Gazetteer, directory: Path) -> None:
    """The words of portfolios ("Industry and Trade"), and every word of a sector's labels."""
    gaz.portfolio_words |= {row["word"].strip().lower() for row in _read_csv(directory / "portfolios.csv")}
    gaz.portfolio_words |= {w for label in gaz.concept_labels for w in re.findall(r"[a-z]+", label) if len(w) > 3}


def _load_concepts(gaz: Gazetteer, sectors_file: Path) -> None:
    if not sectors_file.exists():
        return
    graph = Graph().parse(sectors_file)
    # In IRI order, so a label two concepts share ("electric vehicles": automotive and vehicles) goes to the same
    # concept in every process: a set's order changes with each process's hash seed.
    for iri in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        label = graph.value(iri, SKOS.prefLabel)
        if label is None:
            continue
        concept = Concept(str(iri), str(label), (iri, RDF.type, DG_COMMODITY) in graph)
        gaz.concepts[concept.iri] = concept
        parent = graph.value(iri, SKOS.broader)
        if parent is not None:
            gaz.broader[concept.iri] = str(parent)
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for surface in graph.objects(iri, prop):
                gaz.concept_labels.setdefault(str(surface).lower(), concept.iri)


@lru_cache(maxsize=4)
def company_name_words(directory: Path = GAZETTEER_DIR) -> tuple[str, ...]:
    """Words that make a name a company's ("Bhd", "Holdings", "Airways"), longest first so a regex prefers them."""
    words = {row["word"].strip() for row in _read_csv(directory / "company-name-words.csv")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4)
def business_deeds(directory: Path = GAZETTEER_DIR) -> dict[str, frozenset[str]]:
    """What only a business does: each form of a verb ("builds", "held"), with the objects it needs to say so
    ("a stake", "a contract"; none when the verb says so alone).  One table for the readers of the parse and of
    the surface alike."""
    return {form.lower(): frozenset(o.lower() for o in _split(row["objects"]))
            for row in _read_csv(directory / "business-deeds.csv") for form in _split(row["forms"])}


@lru_cache(maxsize=4)
def load_gazetteer(
    directory: Path = GAZETTEER_DIR, codes_file: Path = COUNTRY_CODES_FILE, sectors_file: Path = SECTORS_FILE
) -> Gazetteer:
    """Read every table once per process; the extractor shares the result."""
    gaz = Gazetteer()
    _load_countries(gaz, directory, codes_file)
    _load_known(gaz, directory)
    _load_news_agencies(gaz, directory)
    _load_titles(gaz, directory)
    _load_absent_posts(gaz, directory)
    _load_cities(gaz, directory)
    _load_concepts(gaz, sectors_file)
    _load_portfolios(gaz, directory)
    gaz.not_names |= {row["word"].strip() for row in _read_csv(directory / "not-names.csv")}
    heads = _read_csv(directory / "country-name-heads.csv")
    gaz.name_heads = {row["word"].strip(): row["kind"].strip() for row in heads}
    tails = _read_csv(directory / "country-name-tails.csv")
    gaz.name_tails = {row["word"].strip(): row["kind"].strip() for row in tails}
    shared = _read_csv(directory / "shared-names.csv")
    gaz.shared_names = {row["name"].strip(): "country:" + row["country"].strip() for row in shared}
    gaz.currency_signs = {row["sign"].strip(): frozenset(_split(row["codes"]))
                          for row in _read_csv(directory / "currency-signs.csv")}
    gaz.region_adjectives = {row["adjective"].strip(): row["region"].strip()
                             for row in _read_csv(directory / "region-adjectives.csv")}
    _acronyms_written_as_words(gaz)
    return gaz


def _acronyms_written_as_words(gaz: Gazetteer) -> None:
    """"Nato", "Ecowas", "Caricom", "Sadc": British and Commonwealth papers write an acronym said as a word in
    title case. Four letters at least, and never where the word is a place's or a country's ("Guam")."""
    taken = set(gaz.names) | set(gaz.cities) | set(gaz.capitals) | set(gaz.adjectives)
    for acronym, key in list(gaz.acronyms.items()):
        word = acronym.capitalize()
        if len(acronym) >= 4 and acronym.isalpha() and acronym.isupper() and word not in taken:
            gaz.acronyms.setdefault(word, key)

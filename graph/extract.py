"""Extraction: sentences in, mentions and facts out.

spaCy finds sentences, people and organisations; the gazetteer finds countries,
regions, international organisations, sectors, commodities and titles; small rules,
each a pure function of one sentence (plus the document's main pair of countries),
read the relations.  Rules work on character offsets of mentions in the sentence,
which keeps them short and testable one sentence at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Span

from graph.gazetteer import Gazetteer, load_gazetteer
from graph.model import ORGANIZATION_KINDS, Extraction, Fact, Mention, Sentence
from graph.money import Money, find_money, find_years
from graph.nlp import Matchers, load_matchers, load_nlp

# ---------------------------------------------------------------------------
# Organisation kinds from their names

UNIVERSITY_CUES = re.compile(r"\b(University|College|Polytechnic|Institute of Technology|School of|Universit\w+)\b")
THINK_TANK_CUES = re.compile(
    r"\b(Institute|Center|Centre|Council on|Council for|Foundation|Think Tank|Studies|Policy|Research)\b"
)
GOVERNMENT_CUES = re.compile(
    r"\b(Ministry|Department|Embassy|Consulate|Parliament|Senate|Agency|Committee|Government|Administration|"
    r"Office|Presidency|Mazhilis|Majlis|Assembly|Cabinet|Customs|Central Bank|National Bank|Duma|Congress|"
    r"Inspectorate|Secretariat|Prosecutor)\b"
)
COMPANY_CUES = re.compile(
    r"\b(Group|Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|LLP|JSC|PLC|plc|AG|SA|GmbH|Holding|Holdings|Company|Co\.|"
    r"Bank|Minerals|Mining|Resources|Energy|Oil|Gas|Petroleum|Motors|Airlines|Airways|Capital|Partners|"
    r"Technologies|Tech|Systems|Industries|Metals|Steel|Pharma|Pharmaceuticals|Logistics|Railways|Telecom|"
    r"Invest|Gold|Uranium|Power|Electric|Chemicals|Foods|Solutions|Ventures|Enterprises)\b"
)
COMPANY_NOUNS = {
    "company", "companies", "firm", "firms", "corporation", "bank", "operator", "producer", "developer",
    "miner", "group", "giant", "conglomerate", "holding", "startup", "manufacturer", "carrier", "businesses",
    "business", "investor", "exporter", "supplier", "automaker", "retailer", "lender", "insurer", "major",
    "carmaker", "maker", "airline", "utility", "contractor", "refiner", "drugmaker", "processor",
}
PERSON_PREFIXES = re.compile(
    r"^(?:(?:H\.?E\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Sir|Ambassador|President|Minister|"
    r"Premier|Chairman|Senator|Governor|Mayor|Deputy|Envoy|Secretary)\s+)*"
)


def organization_kind(name: str) -> str:
    """The most specific organisation class a name's own words support."""
    if UNIVERSITY_CUES.search(name) and "Academy of Sciences" not in name:
        return "University"
    if GOVERNMENT_CUES.search(name):
        return "GovernmentBody"
    if THINK_TANK_CUES.search(name):
        return "ThinkTank"
    if COMPANY_CUES.search(name):
        return "Company"
    return "Organization"


# ---------------------------------------------------------------------------
# The sentence as the rules see it


@dataclass
class Concept:
    iri: str
    start: int
    end: int
    is_commodity: bool


@dataclass
class SentenceView:
    """One sentence with everything found in it; offsets are relative to the sentence text."""

    index: int
    text: str
    is_title: bool = False  # a headline repeats the body's facts, without their context
    mentions: list[Mention] = field(default_factory=list)  # offsets relative to the sentence
    concepts: list[Concept] = field(default_factory=list)
    titles: list[tuple[str, int, int]] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)
    cities: list[Mention] = field(default_factory=list)  # capitals: places of offices and markets only

    def places(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "Country"]

    def countries(self) -> list[str]:
        seen: list[str] = []
        for m in self.places():
            if m.key and m.key not in seen:
                seen.append(m.key)
        return seen

    def before(self, offset: int, within: int = 40) -> list[Mention]:
        return [m for m in self.mentions if offset - within <= m.end <= offset]


# ---------------------------------------------------------------------------
# Mentions


NOT_NATIONALITY_AFTER = {"fries", "toast", "delight", "pastry", "press", "cuisine", "dressing", "horn", "kiss"}


def _gazetteer_mentions(sent: Span, index: int, gaz: Gazetteer, matchers: Matchers) -> list[Mention]:
    found = []
    doc = sent.doc
    for match_id, start, end in matchers.names(doc[sent.start:sent.end]):
        label = doc.vocab.strings[match_id]
        span = doc[start:end]  # PhraseMatcher gives document offsets, even for a span
        text = span.text
        table = {"NAME": gaz.names, "ACRONYM": gaz.acronyms, "ADJECTIVE": gaz.adjectives,
                 "CAPITAL": gaz.capitals}[label]
        if label == "CAPITAL" and text in gaz.names:
            continue  # "Singapore", "Kuwait": the country's name first
        if label == "ADJECTIVE" and end < sent.end and doc[end].lower_ in NOT_NATIONALITY_AFTER:
            continue  # "French fries" are no statement about France
        key = table[text]
        via = {"NAME": "name", "ACRONYM": "acronym", "ADJECTIVE": "adjective", "CAPITAL": "capital"}[label]
        if label == "CAPITAL" and not _acts_as_subject(span):
            via = "city"  # a capital is the country only where it acts ("Berlin supports ...")
        found.append(Mention(text, gaz.kind_of(key), index, span.start_char, span.end_char, key, via))
    return _longest(found)


def _acts_as_subject(span: Span) -> bool:
    return any(tok.dep_ in ("nsubj", "nsubjpass") for tok in span)


def _longest(items: list, start=lambda m: m.start, end=lambda m: m.end) -> list:
    """Of overlapping matches keep the longest ("South Korea", not "Korea"; "the Commonwealth of
    Independent States", not "the Commonwealth"), in text order."""
    result: list = []
    for item in sorted(items, key=lambda m: (start(m) - end(m), start(m))):
        if not any(start(item) < end(r) and start(r) < end(item) for r in result):
            result.append(item)
    return sorted(result, key=start)


NAME_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:Board|Chairman|Chair|President|Rector|Head|Members?|Management|"
                         r"Director|Directors|Council)\s+of\s+(?:the\s+)?)?", re.IGNORECASE)
NOT_AN_ORGANIZATION = re.compile(
    r"\b(Initiative|Partnership|Scheme|Agreement|Programme|Program|Strategy|Bridge|Corridor|Route|Meeting|Summit|"
    r"Forum|Conference|Week|Plan|Project|Pipeline|Declaration|Treaty|Accord|Act|Roadmap|Framework|Vision|Zone|"
    r"Exhibition|Expo|Festival|Games|Cup|Day|Year|Award|Prize|Visa|Road|Highway|Railway Line|Port|Airport)$")
GENERIC_WORDS = {"Government", "Party", "Parliament", "Ministry", "Cabinet", "Embassy", "Senate", "Congress",
                 "Commission", "Council", "Agency", "Bank", "Group", "Company", "Administration", "State",
                 "Kingdom", "Republic", "Federation", "Union", "Presidency", "Office", "Department"}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a name without what NER glues to it: "the", "Board of", a possessive,
    "Uzbek company", a dangling "of"/"and" or an unclosed parenthesis."""
    span = text[start:end]
    lead = re.match(r"(?:(?:the|The)\s+)?", span).end()
    lead += NAME_PREFIX.match(span[lead:]).end()
    company = re.match(r"[A-Z][a-z]+\s+(?:company|firm|group|bank|developer|businesses|companies)\s+", span[lead:])
    if company:
        lead += company.end()
    tail = re.search(r"(?:['’]s|\s+\(\w*|\s+(?:of|and|for|&)|\s+and\s+(?:Head|Chairman|Minister|Director|"
                     r"Member|President|Deputy))$", span)
    cut = tail.start() if tail else len(span)
    while cut > lead and span[cut - 1] in " ,.;:\"“”'(":
        cut -= 1
    return start + lead, start + max(cut, lead)


def _extended_end(text: str, start: int, end: int) -> int:
    """NER often stops an organisation's name early: "Institute for Peace | and Diplomacy",
    "Ministry of Foreign Affairs | of Japan"."""
    name, following = text[start:end], text[end:]
    more = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*", following)
    if more and re.search(r"\b(Ministry|Embassy|Department|Bank|Agency|Academy|University|Council|Chamber)\b", name):
        return end + more.end()
    if re.search(r"\b(for|of|on)\b", name):
        more = re.match(r"\s+(?:and|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", following)
        if more and not re.match(r"\s+of\b", following[more.end():]):
            return end + more.end()
    return end


@lru_cache(maxsize=1)
def _title_after_name() -> re.Pattern:
    """", chief economist at", ", the rector of": a name followed by a title is a person's."""
    titles = sorted(load_gazetteer().titles, key=len, reverse=True)
    return re.compile(r"^\s*,\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:" +
                      "|".join(re.escape(t) for t in titles) + r")\b", re.IGNORECASE)


def _is_title_line(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if not words or sent.text.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return capitalised / len(words) > 0.6


PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Commissioner|Secretary of State)\s+(?:of|for)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _ner_mentions(sent: Span, index: int, gaz: Gazetteer, headline: bool) -> list[Mention]:
    """People and organisations from spaCy's NER, cleaned and typed; a title-case headline
    confuses the NER ("Canada Discuss Potential"), so it gives none."""
    found: list[Mention] = []
    if headline and _is_title_line(sent):
        return found
    text = sent.doc.text
    for ent in sent.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if ent.label_ == "ORG":
            end = _extended_end(text, start, end)
        else:
            start += PERSON_PREFIXES.match(text[start:end]).end()
        previous = sent.doc[ent.start - 1].text.lower() if ent.start > sent.start else ""
        if ent.label_ == "ORG" and PORTFOLIO.search(text[:start]):
            continue  # "Minister of Mining and Energy": a portfolio, not an organisation
        mention = _typed_mention(text, start, end, ent.label_, previous, index, gaz)
        if mention:
            found.append(mention)
    return found


def _typed_mention(text: str, start: int, end: int, label: str, previous: str, index: int,
                   gaz: Gazetteer) -> Mention | None:
    """Decide what an NER name is, or that it is no entity of ours (a city, an initiative, a dateline)."""
    name = text[start:end]
    if not name or not name[0].isupper() or name in GENERIC_WORDS:
        return None
    if name in gaz.adjectives or name in gaz.names or name in gaz.acronyms or name in gaz.capitals:
        return None
    if name.lower() in gaz.concept_labels or name.lower() in gaz.titles:
        return None
    if name.isupper() and (len(name) > 6 or " " in name):
        return None  # a dateline: "ISLAMABAD", "ABU DHABI"
    if NOT_AN_ORGANIZATION.search(name):
        return None
    if any(name.lower().startswith(t + " ") for t in gaz.titles):
        return None  # "Minister of Economic Development and Trade" is a title
    words = name.split()
    for n in (3, 2, 1):  # "Azerbaijan Cahit Bağcı": a country glued to a person's name
        head = " ".join(words[:n])
        if len(words) > n + 1 and (head in gaz.names or head in gaz.adjectives) and \
                organization_kind(name) == "Organization":
            rest = name[len(head):].lstrip()
            return Mention(rest, "Person", index, end - len(rest), end)
    kind = "Person" if label == "PERSON" else organization_kind(name)
    if kind == "Organization" and previous in gaz.titles and 2 <= len(words) <= 4:
        kind = "Person"  # "President Kassym-Jomart Tokayev's meetings": a title announces a person
    if kind == "Person" and (COMPANY_CUES.search(name) or previous in COMPANY_NOUNS):
        kind = "Company"
    elif kind == "Organization" and previous in COMPANY_NOUNS:
        kind = "Company"
    elif kind == "Organization" and len(words) >= 2 and _title_after_name().match(text[end:]):
        kind = "Person"
    if kind == "Person" and (len(words) > 5 or any(w.lower() in gaz.titles for w in words)):
        return None
    return Mention(name, kind, index, start, end)


PROPER_RUN = re.compile(r"(?:[A-Z][\w&.+-]*(?:\s+(?:of|for|and|de)\s+|\s+)){0,5}[A-Z][\w&.+-]*")


ORGANIZATION_NOUN = (r"(?:company|firm|consortium|developer|bank|group|miner|operator|producer|major|giant|"
                     r"carmaker|automaker|"
                     r"maker|manufacturer|conglomerate|holding|corporation|retailer|chain|airline|carrier|utility|"
                     r"insurer|lender|startup|trading house|contractor|refiner|fund|drugmaker|processor)")


def _pattern_mentions(sent: Span, index: int) -> list[Mention]:
    """Companies the NER misses: "company X", "the Italian energy major X", "X, a French nuclear fuel
    company,", "X, Kazakhstan's largest bank"."""
    found = []
    text = sent.text
    for m in re.finditer(r"\b" + ORGANIZATION_NOUN + r"\s+(" + PROPER_RUN.pattern + r")", text):
        start, end = _trim(sent.doc.text, sent.start_char + m.start(1), sent.start_char + m.end(1))
        if end > start:
            found.append(Mention(sent.doc.text[start:end], "Company", index, start, end))
    plural = r"\b(?:companies|firms|groups|banks|corporations|majors|carmakers|manufacturers)\s+" \
             r"(?:such as\s+|like\s+|including\s+|as\s+)?"
    single_word = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
    for m in re.finditer(plural + r"(" + single_word + r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)" + single_word + r")+)",
                         text):  # "the multinational groups Total, Orano and Alstom"
        for name in re.finditer(single_word, m.group(1)):
            start, end = _trim(sent.doc.text, sent.start_char + m.start(1) + name.start(),
                               sent.start_char + m.start(1) + name.end())
            if end > start:
                found.append(Mention(sent.doc.text[start:end], "Company", index, start, end))
    appositions = [
        r"(" + PROPER_RUN.pattern + r"),\s+(?:[\w ]+?(?:'s|’s)\s+)?(?:largest|leading|biggest|major|main|top)\b",
        # not "X, the Moroccan phosphate group OCP and ...": that is a list of names
        r"(" + PROPER_RUN.pattern + r"),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?" + ORGANIZATION_NOUN + r"\b(?!\s+[A-Z])",
    ]
    for pattern in appositions:
        for m in re.finditer(pattern, text):
            start, end = _trim(sent.doc.text, sent.start_char + m.start(1), sent.start_char + m.end(1))
            name = sent.doc.text[start:end]
            if name and not NOT_AN_ORGANIZATION.search(name) and not any(f.start == start for f in found):
                kind = organization_kind(name)
                found.append(Mention(name, "Company" if kind == "Organization" else kind, index, start, end))
    return found


ORGANIZATION_HEAD = re.compile(r"\b(?:Chamber|Association|Federation|Union|Board|Fund|Foundation|Agency|"
                               r"Centre|Center|Forum|Committee|Commission|Society|Bank|Alliance)\b")


def _named_after_countries(m: Mention, inner: list[Mention]) -> bool:
    """"France-Kazakhstan Chamber of Commerce", "Chamber of Commerce and Industry of Uzbekistan": a body
    named after the countries it serves keeps its whole name; a fragment such as "National Defence of
    Poland" (no word saying what kind of body it is) gives way to the country."""
    rest = m.text[max(g.end for g in inner) - m.start:]
    prefixed = min(g.start for g in inner) == m.start and len(re.findall(r"\b[A-Z]\w+", rest)) >= 2
    return prefixed or bool(ORGANIZATION_HEAD.search(m.text))


def _merge(gazetteer: list[Mention], others: list[Mention]) -> list[Mention]:
    """Gazetteer matches win, except inside a longer organisation name ("Kazakh Invest")."""
    result = list(gazetteer)
    for m in others:
        inner = [g for g in result if g.start >= m.start and g.end <= m.end]
        overlapping = [g for g in result if g.start < m.end and m.start < g.end and g not in inner]
        if overlapping:
            continue
        if inner and (m.kind == "Person" or organization_kind(m.text) == "Organization" and m.kind != "Company"
                      and not _named_after_countries(m, inner)):
            continue  # "National Defence of Poland": the country is what the text names ("Air Astana" is not)
        if any(o.start == m.start and o.end == m.end for o in result):
            continue
        result = [g for g in result if g not in inner] + [m]
    return _longest(result)


def _relative(m: Mention, offset: int) -> Mention:
    return Mention(m.text, m.kind, m.sentence, m.start - offset, m.end - offset, m.key, m.via)


def sentence_view(sent: Span, index: int, gaz: Gazetteer, matchers: Matchers, headline: bool = False
                  ) -> SentenceView:
    """Find everything the rules need in one spaCy sentence."""
    gazetteer = _gazetteer_mentions(sent, index, gaz, matchers)
    others = _ner_mentions(sent, index, gaz, headline)
    for found in _pattern_mentions(sent, index):  # a company noun types what the NER left vague
        same = [o for o in others if (o.start, o.end) == (found.start, found.end) and o.kind in ("Organization",
                                                                                                  "Person")]
        if same:
            others = [found if o is same[0] else o for o in others]
        elif not any(o.start < found.end and found.start < o.end for o in others):
            others.append(found)
    mentions = _merge(gazetteer, others)
    offset = sent.start_char
    view = SentenceView(index, sent.text, is_title=headline,
                        mentions=[_relative(m, offset) for m in mentions if m.via != "city"],
                        cities=[_relative(m, offset) for m in mentions if m.via == "city"])
    doc = sent.doc
    for match_id, start, end in matchers.lower(doc[sent.start:sent.end]):
        span = doc[start:end]  # PhraseMatcher gives document offsets, even for a span
        label = doc.vocab.strings[match_id]
        if label == "CONCEPT":
            iri = gaz.concept_labels[span.text.lower()]
            view.concepts.append(Concept(iri, span.start_char - offset, span.end_char - offset,
                                         gaz.concepts[iri].is_commodity))
        else:
            view.titles.append((span.text, span.start_char - offset, span.end_char - offset))
    view.concepts = [c for c in _longest(view.concepts)
                     if not any(m.start <= c.start and c.end <= m.end for m in view.mentions)]
    view.titles = _longest(view.titles, start=lambda t: t[1], end=lambda t: t[2])
    announced = _names_after_titles(view, gaz) + _name_opening_a_title_line(view, gaz)
    view.mentions = sorted(view.mentions + announced, key=lambda m: m.start)
    view.money = find_money(sent.text)
    view.mentions = [m for m in view.mentions if not any(x.start <= m.start < x.end for x in view.money)]
    view.years = find_years(sent.text)
    return view


PERSON_NAME = re.compile(r"(?:(?:Sheikh|Sheikha|Prince|Princess|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?"
                         r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:bin|bint|ibn|al|el|de|da|van|von|der|[A-Z][\w'’.-]+)){1,6})")


def _name_opening_a_title_line(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """A participants' list line the NER reads badly: "- Elyor Ganiev, Deputy Prime Minister of Uzbekistan;"."""
    if not view.titles:
        return []
    _, t_start, _ = view.titles[0]
    line = re.match(r"\s*(?:[-–•*·]\s*)?" + HONORIFIC + PERSON_NAME.pattern + r"\s*,\s*(?:the\s+)?$",
                    view.text[:t_start])
    if not line:
        return []
    begin, end = line.start("name"), line.end("name")
    words = view.text[begin:end].split()
    if any(m.start < end and begin < m.end for m in view.mentions) or any(
            w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS for w in words):
        return []
    return [Mention(view.text[begin:end], "Person", view.index, begin, end)]


def _names_after_titles(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """People the NER missed where a title announces them: "Korean Ambassador to Poland Yoon Seok-ho",
    "the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani"."""
    found: list[Mention] = []
    for _, _, t_end in view.titles:
        start = t_end
        of = re.match(r"\s+(?:of|to)\s+(?:the\s+)?", view.text[start:])
        if of:  # the title's country or organisation: "Ambassador to Poland"
            named = next((m for m in view.mentions if m.start == start + of.end()), None)
            if named is None:
                continue
            start = named.end
        gap = re.match(r"\s*,?\s*", view.text[start:])
        name = PERSON_NAME.match(view.text[start + gap.end():])
        if not name:
            continue
        text = re.sub(r"['’]s$", "", name.group("name")).rstrip(".'’")
        begin = start + gap.end() + name.start("name")
        end = begin + len(text)
        words = text.split()
        overlapping = [m for m in view.mentions + found if m.start < end and begin < m.end]
        if len(words) < 2 or any(m.kind != "Person" or m.start < begin or m.end > end for m in overlapping):
            continue
        view.mentions = [m for m in view.mentions if m not in overlapping]  # "Ceban" inside "Ion Ceban"
        if any(w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS
               or w.lower() in gaz.concept_labels for w in words):
            continue
        found.append(Mention(text, "Person", view.index, begin, end))
    return found


# ---------------------------------------------------------------------------
# Shared small helpers for the rules

NEGATION = re.compile(
    r"\b(not|no longer|never|n't|yet to|could|would|might|may|if|unless|aims?|aiming|target\w*|goal|"
    r"plans? to|expects?|expected|forecast\w*|hopes?|seeks?|intends?|potential(?:ly)?|to reach|to increase|"
    r"to bring|to double|to raise|to boost)\b",
    re.IGNORECASE,
)


def _mention_between(view: SentenceView, start: int, end: int, kinds: set[str] | None = None) -> list[Mention]:
    return [m for m in view.mentions if start <= m.start and m.end <= end and (kinds is None or m.kind in kinds)]


def _affiliation_kinds() -> set[str]:
    return {"Country"} | set(ORGANIZATION_KINDS)


def _fact(kind: str, view: SentenceView, roles: dict[str, Mention | list[Mention]], confidence: float,
          **values: object) -> Fact:
    pairs: list[tuple[str, Mention]] = []
    for name, value in roles.items():
        for m in value if isinstance(value, list) else [value]:
            pairs.append((name, m))
    return Fact(kind, view.index, tuple(pairs), tuple((k, v) for k, v in values.items() if v is not None),
                confidence)


# ---------------------------------------------------------------------------
# Positions: "Canadian Ambassador X", "X, advisor to the chairman of Y"

LEAD_WORDS = {"the", "a", "an", "its", "their", "his", "her", "former", "then", "current", "now", "s", "'s"}
APPOSITIVE_END = re.compile(r",|;|\.(?:\s|$)|\)|\s(?:said|says|noted|stated|told|added|stressed|emphasi[sz]ed)\b")
ROLE_QUALIFIER = re.compile(r"(?:\b(?:first|deputy|vice|acting|senior|chief|former|honorary)[\s-]+)+$",
                            re.IGNORECASE)


PORTFOLIO_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+\s+){1,2}$")
MINISTER = re.compile(r"(?:deputy\s+|vice[\s-]+)?(?:minister|secretary)\b", re.IGNORECASE)


def _role_text(view: SentenceView, title_start: int, stop: int) -> str:
    qualifier = ROLE_QUALIFIER.search(view.text[:title_start])
    start = qualifier.start() if qualifier else title_start
    start = _portfolio_start(view, start)
    role = view.text[start:stop].strip(" ,").lower()
    role = re.sub(r"^(former|acting)\s+", "", role)
    role = re.sub(r"\s+to\s+(the\s+)?[A-Z]?[\w\s-]*$", "", role) if role.startswith(("ambassador", "envoy")) \
        else role
    return re.sub(r"\s+", " ", role)


def _portfolio_start(view: SentenceView, title_start: int) -> int:
    """"Petroleum Minister", "Finance Minister": the portfolio written before the title is part of it,
    unless it is a name ("Kazakh", "Saudi" are the affiliation, not the portfolio)."""
    if not MINISTER.match(view.text, title_start):
        return title_start
    words = PORTFOLIO_BEFORE.search(view.text[:title_start])
    if not words:
        return title_start
    start = words.start()
    for word in re.finditer(r"[A-Z][a-z]+", view.text[start:title_start]):
        begin = start + word.start()
        if word.group() in DETERMINERS or any(m.start < begin + len(word.group()) and begin < m.end
                                              for m in view.mentions):
            start = begin + len(word.group())
    return title_start if start >= title_start else start + len(re.match(r"\s*", view.text[start:]).group())


DETERMINERS = {"The", "A", "An", "Its", "His", "Her", "Their", "Former", "Then", "On", "In", "At", "By", "And"}


def positions(view: SentenceView) -> list[Fact]:
    facts: list[Fact] = []
    people = [m for m in view.mentions if m.kind == "Person"]
    for person in people:
        fact = _title_before(view, person) or _title_after(view, person) or _title_before_comma(view, person)
        if fact:
            facts.append(fact)
    for person in people:  # "his Armenian counterpart Nikol Pashinyan" takes the other's title
        if not any(f.role("holder") == person for f in facts):
            fact = _counterpart(view, person, facts)
            if fact:
                facts.append(fact)
    return facts


HONORIFIC = r"(?:(?:Sheikh|Sheikha|Prince|Princess|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?|H\.\s?E\.)\s+)?"
TITLE_TAIL = re.compile(r"(?:\s+(?:of|to|for|and|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*\s*")


def _title_before_comma(view: SentenceView, person: Mention) -> Fact | None:
    """"Tajikistan's Minister of Economic Development and Trade, Zavqi Zavqizoda",
    "the Emir of Qatar, Sheikh Tamim ...", "the Qatari Ambassador to Ankara, Sheikh ..."."""
    comma = re.search(r",\s*" + HONORIFIC + "$", view.text[:person.start])
    if not comma:
        return None
    phrase_end = comma.start()
    titles = [t for t in view.titles if t[2] <= phrase_end and TITLE_TAIL.fullmatch(view.text[t[2]:phrase_end])]
    if not titles:
        return None
    _, t_start, t_end = titles[-1]
    of = [m for m in _mention_between(view, t_end, phrase_end, _affiliation_kinds())
          if re.search(r"\bof\s+(?:the\s+)?$", view.text[:m.start])]
    if of:
        affiliation, stop = of[0], re.search(r"\s+of\s+(?:the\s+)?$", view.text[:of[0].start]).start()
    else:
        owner = _owner_of_title(view, t_start)
        if owner is None:
            return None
        affiliation, stop = owner, phrase_end
    return _fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.75,
                 role=_role_text(view, t_start, stop))


def _owner_of_title(view: SentenceView, t_start: int) -> Mention | None:
    """The country or organisation written just before a title: "Kazakhstan's", "Qatari", "BI Group"."""
    for m in reversed(view.before(t_start, within=40)):
        if m.kind in _affiliation_kinds() and re.fullmatch(r"(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,2}",
                                                           view.text[m.end:t_start]):
            return m
    return None


def _counterpart(view: SentenceView, person: Mention, facts: list[Fact]) -> Fact | None:
    lead = re.search(r"\b(?:his|her|their|its)\s+(\S+)\s+counterparts?\s*,?\s+(?:([A-Za-z -]+?)\s+)?$",
                     view.text[:person.start])
    if not lead:
        return None
    country = next((m for m in view.mentions if m.kind == "Country" and m.start == lead.start(1)), None)
    if country is None:
        return None
    titles = [t for t in view.titles if lead.start() <= t[1] and t[2] <= person.start]
    if titles:
        role = _role_text(view, titles[-1][1], titles[-1][2])
    else:
        others = [f for f in facts if f.sentence == view.index and f.role("holder") != person]
        if not others:
            return None
        role = str(others[0].value("role"))
    return _fact("Position", view, {"holder": person, "affiliation": country}, 0.7, role=role)


def _title_before(view: SentenceView, person: Mention) -> Fact | None:
    """"Kazakhstan's Ambassador to Canada Dauletbek Kussainov", "BI Group CEO X"."""
    titles = [t for t in view.titles if t[2] <= person.start and person.start - t[2] <= 40]
    if not titles:
        return None
    title, t_start, t_end = titles[-1]
    between = view.text[t_end:person.start]
    if re.search(r"[,;:()]|\b(and|said|met|with|by)\b", between):
        return None
    if re.search(r"\b[a-z]{3,}\b", re.sub(r"\b(of|to|for|the|and|on|in)\b", "", between)):
        return None
    affiliation = next((m for m in _mention_between(view, t_end, person.start, _affiliation_kinds())
                        if view.text[t_end:m.start].strip().startswith("of")), None)
    role_stop = t_end
    if affiliation is None and re.search(r"\bits\s+$", view.text[:t_start]):
        owners = [m for m in view.mentions if m.kind in _affiliation_kinds() and m.end <= t_start]
        if owners:  # "a delegation of the Chamber headed by its President X"
            return _fact("Position", view, {"holder": person, "affiliation": owners[-1]}, 0.75,
                         role=_role_text(view, t_start, role_stop))
    if affiliation is None:
        lead = view.text[:t_start]
        candidates = [m for m in view.before(t_start, within=45) if m.kind in _affiliation_kinds()]
        candidates = [m for m in candidates
                      if not re.search(r"[,;:]|\b(said|and|with|met)\b", lead[m.end:])
                      and not _mention_between(view, m.end, t_start, {"Person"})]
        if not candidates:
            return None
        affiliation = candidates[-1]
    role = _role_text(view, t_start, role_stop)
    return _fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.85, role=role)


def _title_after(view: SentenceView, person: Mention) -> Fact | None:
    """"Miras Zhiyenbayev, advisor to the chairman of Maqsut Narikbayev University,"."""
    rest = view.text[person.end:]
    if not re.match(r"\s*,\s*", rest):
        return None
    window_start = person.end + re.match(r"\s*,\s*", rest).end()
    end_match = APPOSITIVE_END.search(view.text, window_start)
    window_end = end_match.start() if end_match else len(view.text)
    titles = [t for t in view.titles if window_start <= t[1] < window_end]
    if not titles:
        return None
    title, t_start, t_end = titles[0]
    lead = view.text[window_start:t_start]
    for m in _mention_between(view, window_start, t_start):
        lead = lead.replace(m.text, "")
    if len(lead.split()) > 4 or any(w.islower() and w not in LEAD_WORDS for w in re.findall(r"[\w']+", lead)):
        return None
    after = _mention_between(view, t_end, window_end, _affiliation_kinds())
    of_after = [m for m in after if re.search(r"\bof\s+(the\s+)?$", view.text[t_end:m.start])
                or re.search(r"\bof\s+(the\s+)?$", view.text[:m.start])]
    if of_after:
        affiliation = of_after[0]
        stop = re.search(r"\s+of\s+(the\s+)?$", view.text[:affiliation.start]).start()
    else:
        before = _mention_between(view, window_start, t_start, _affiliation_kinds())
        listed = re.match(r",\s*(?:[A-Z][\w&-]*\s+){0,4}?(?:[A-Z][\w&-]*,\s*)?", view.text[window_end:])
        following = [m for m in view.mentions if m.kind in _affiliation_kinds() and listed
                     and window_end < m.start <= window_end + listed.end() + 1]
        if before:
            affiliation, stop = before[-1], t_end
        elif following and re.fullmatch(r"[\w\s'-]*", view.text[t_end:window_end]):
            # a speakers' list: "Prof. Dilnoza Karimova, Rector, Bukhara State Academy of Economics"
            affiliation, stop = following[0], window_end
        else:
            return None
    return _fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.8,
                 role=_role_text(view, t_start, stop))


DATELINE = re.compile(r"(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'’. -]+?)\s*(?:,\s*(?P<country>[A-Z][\w ]+?)\s*)?(?:,|\.|—|–|-|\()")
SIDE = re.compile(r"\s+(?:side|delegation|government|team)\s+(?:was\s+|were\s+)?(?:represented by|led by|headed by|"
                  r"included|comprised|consisted of)\b")
ONE_PER_COUNTRY = {"president", "prime minister", "premier", "king", "queen", "emir", "chancellor", "sultan"}


def dateline_country(views: list[SentenceView], gaz: Gazetteer) -> str | None:
    """The country of a dateline ("ISLAMABAD, 10 October 2024."): where the report was filed."""
    for view in views[:3]:
        match = DATELINE.match(view.text)
        if match and match.group("city").isupper() and len(match.group("city").strip()) >= 3:
            key = gaz.capitals.get(match.group("city").strip().title()) or gaz.names.get(match.group("country") or "")
            if key:
                return key
    return None


def _bare_title(view: SentenceView, person: Mention, gaz: Gazetteer) -> tuple[str, str] | None:
    """(canonical title, role) of a title written straight before a name with no country or
    organisation at all: "President Kassym-Jomart Tokayev", "Petroleum Minister Musadik Malik"."""
    for title, t_start, t_end in view.titles:
        if t_end > person.start or not re.fullmatch(r"\s+" + HONORIFIC, view.text[t_end:person.start]):
            continue
        if _owner_of_title(view, t_start) is not None:
            return None  # "Kazakhstan's President ...": the sentence rules decide
        canonical = gaz.titles.get(title.lower(), title.lower())
        return canonical, _role_text(view, t_start, t_end)
    return None


def _same_person(name: str, names: set[str]) -> bool:
    """"Saberi" is "Mohammad Taghi Saberi" once the full name has been given."""
    return any(name == other or other.endswith(" " + name) or name.endswith(" " + other) for other in names)


def implied_positions(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                      host: str | None, pair_mentions: dict[str, Mention], gaz: Gazetteer) -> list[Fact]:
    """Titles whose country the text leaves to the reader, in an article about two countries, in
    order of the evidence's strength:

    1. "The Kazakh side was represented by Minister of Energy X": the side's country.
    2. "Japanese Prime Minister Fumio Kishida asked Prime Minister Narendra Modi": the other prime
       minister is the other country's.
    3. "President X's meetings ... the Kazakh president's visit": whose president the article speaks of.
    4. The dateline's country for a government post (a report from Islamabad names Pakistan's
       ministers without saying so), the other country for an envoy.
    Never where two people compete for a post a country has only one of."""
    if pair is None:
        return []
    taken: dict[str, set[str]] = {}
    holders: set[str] = set()
    for fact in facts:
        if fact.kind == "Position":
            holders.add(fact.role("holder").text)
            taken.setdefault(str(fact.value("role")), set()).add(fact.role("affiliation").key or "")
    bare: list[tuple[SentenceView, Mention, str, str]] = []
    for view in views:
        if view.is_title:
            continue
        for person in (m for m in view.mentions if m.kind == "Person" and not _same_person(m.text, holders)):
            found = _bare_title(view, person, gaz)
            if found and gaz.title_kinds.get(found[0]) in ("government", "diplomatic"):
                holders.add(person.text)
                bare.append((view, person, *found))
    owners: dict[str, set[str]] = {}  # "the Kazakh president's visit": whose president the article speaks of
    for view in views:
        for title, t_start, _ in view.titles:
            owner = _owner_of_title(view, t_start)
            if owner is not None and owner.key in pair:
                owners.setdefault(gaz.titles.get(title.lower(), title.lower()), set()).add(owner.key)
    implied: list[Fact] = []
    for view, person, canonical, role in bare:  # "The Kazakh side was represented by Minister of Energy X"
        side = [m for m in view.places() if m.key in pair and m.end < person.start and SIDE.match(view.text[m.end:])
                and not any(o.key in pair and o.key != m.key for o in _mention_between(view, m.end, person.start))]
        if len({m.key for m in side}) == 1 and gaz.title_kinds.get(canonical) == "government":
            taken.setdefault(role, set()).add(side[0].key)
            implied.append(_fact("Position", view, {"holder": person, "affiliation": side[0]}, 0.7, role=role))
    placed = {f.role("holder").text for f in implied}
    bare = [b for b in bare if b[1].text not in placed]
    for view, person, canonical, role in bare:  # a post is its role as written: "commerce minister"
        remaining = [c for c in pair if c not in taken.get(role, set())]
        competing = sum(1 for b in bare if b[3] == role) > 1 and canonical in ONE_PER_COUNTRY
        spoken_of = [c for c in owners.get(canonical, set()) if c in remaining]
        if len(remaining) == 1:
            country, confidence = remaining[0], 0.7
        elif len(spoken_of) == 1 and canonical in ONE_PER_COUNTRY and not competing:
            country, confidence = spoken_of[0], 0.65
        elif len(remaining) == 2 and host in pair and not competing:
            diplomatic = gaz.title_kinds.get(canonical) == "diplomatic"  # an envoy is posted away from home
            country = (pair[1] if host == pair[0] else pair[0]) if diplomatic else host
            confidence = 0.55
        else:
            continue
        if country not in pair_mentions:
            continue
        taken.setdefault(role, set()).add(country)
        implied.append(_fact("Position", view, {"holder": person, "affiliation": pair_mentions[country]},
                             confidence, role=role))
    return implied


# ---------------------------------------------------------------------------
# Trade and investment flows

TRADE_CUE = re.compile(r"\b(trade|turnover|trading|exports?|exported|exporting|imports?|imported|importing|"
                       r"shipments?|supplies|sales)\b", re.IGNORECASE)
INVESTMENT_CUE = re.compile(r"\b(invest\w*|FDI|capital inflows?)\b", re.IGNORECASE)
EXPORT = re.compile(r"\b(exports?|exported|exporting|shipments?|supplies|sales)\b", re.IGNORECASE)
IMPORT = re.compile(r"\b(imports?|imported|importing)\b", re.IGNORECASE)


@dataclass
class FlowContext:
    """What a sentence needs from its document: the main pair of countries and the
    year of the nearest earlier sentence of the same paragraph."""

    main_pair: tuple[str, str] | None = None
    previous_year: int | None = None
    pair_mentions: dict[str, Mention] = field(default_factory=dict)  # a mention of each of the pair
    last_group: Mention | None = None  # the group an earlier sentence named: "joined the bloc in 1995"


def _nearest_cue(view: SentenceView, money: Money) -> tuple[str, re.Match] | None:
    cues = [("investment", m) for m in INVESTMENT_CUE.finditer(view.text)]
    cues += [("trade", m) for m in TRADE_CUE.finditer(view.text)]
    cues = [c for c in cues if not any(n.start <= c[1].start() < n.end for n in view.mentions)
            and not any(t_start <= c[1].start() < t_end for _, t_start, t_end in view.titles)  # "Minister of Trade"
            and not (c[1].group()[0].isupper() and PORTFOLIO_NAME.search(view.text[:c[1].start()]))]
    before = [c for c in cues if c[1].end() <= money.start]
    if before:
        return max(before, key=lambda c: c[1].start())
    after = [c for c in cues if c[1].start() >= money.end]
    return min(after, key=lambda c: c[1].start()) if after else None


def _year_for(view: SentenceView, money: Money, context: FlowContext) -> tuple[int | None, str | None]:
    """The year an amount refers to: the nearest year after it ("$1 billion in 2021"), else the
    nearest before it, else the year of the sentence before (same topic, "in the same year")."""
    others = [m for m in view.money if m is not money]
    after = [(y, o) for y, o in view.years if o >= money.end and o - money.end <= 40
             and not any(money.end <= m.start < o for m in others)
             and not re.search(r"\b(than|compared (?:with|to)|since|from|against)\s+(?:in\s+|the same \w+ of\s+)?$",
                               view.text[:o])]
    before = [(y, o) for y, o in view.years if o < money.start
              and not any(o < m.start < money.start for m in others)]
    if after:
        year, offset = after[0]
    elif before:
        year, offset = before[-1]
        span = re.match(r"\s*(?:and|to|-|–)\s*(\d{4})\b", view.text[offset + 4:])
        if span:  # "between 1992 and 2023": the figure stands at the end of the range
            year = int(span.group(1))
    elif view.years:
        year, offset = view.years[0]
    else:
        return context.previous_year, None
    period = re.search(r"\b(?:first|second|third|fourth|last)\s+(?:half|quarter|\w+\s+months)\s+of\s+$|"
                       r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)(?:\s*[-–]\s*\w+)?\s+$", view.text[:offset])
    return year, period.group(0).strip() if period else None


PAIR_WORDS = re.compile(r"\b(bilateral|between the two|two countries|both countries|the two sides|mutual|"
                        r"our|two nations|both nations)\b", re.IGNORECASE)
RAISE_TO = re.compile(r"\b(rais(?:e|ing)|increas(?:e|ing)|bring(?:ing)?|boost(?:ing)?|doubl(?:e|ing)|lift(?:ing)?|"
                      r"expand(?:ing)?)\b[^.;]{0,60}\bto\s+"
                      r"(?:about\s+|around\s+|over\s+|more than\s+)?$", re.IGNORECASE)
TARGET_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(target|goal|objective|mark by|by 20\d\d|expected|projected|"
                          r"forecast|envisaged)", re.IGNORECASE)
PORTFOLIO_NAME = re.compile(r"\b(?:Minister|Ministry|Department|Secretary|Committee|Commission|Chamber)\s+(?:of|for)\s+"
                            r"(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,4}$")  # "Minister of Foreign Affairs and Trade"
CHANGE_BEFORE = re.compile(  # "an increase of $6.4 billion", "grew by $300 million": a change, not a level
    r"\b(?:(?:an?\s+)?(?:increase|rise|growth|jump|decrease|decline|drop|fall)\s+of|(?:grew|rose|increased|jumped|"
    r"fell|decreased|declined|dropped|up|down)\s+by)\s+(?:about\s+|around\s+|over\s+|more than\s+|nearly\s+|"
    r"almost\s+)?$", re.IGNORECASE)


def _direction(view: SentenceView, kind: str, cue: re.Match) -> tuple[Mention | None, Mention | None]:
    """(from, to) where the text gives a direction; either may be None."""
    if kind == "investment":
        source = (_owner_before(view, cue.start()) or _after_word(view, r"\bfrom\s+(?:the\s+)?$", after=cue.end())
                  or _subject_of(view, r"\b(invested|has invested|have invested|invests|investing)\b"))
        target = _after_word(view, r"\b(?:in|into|to)\s+(?:the\s+)?(?:economy\s+of\s+(?:the\s+)?)?$",
                             after=cue.end())
        if target is None:  # "Uzbekistan attracted $2 billion of Korean investment"
            target = _subject_of(view, r"\b(attracted|received|has attracted|drew)\b")
        return source, target
    word = cue.group(0).lower()
    if EXPORT.fullmatch(word):
        source = _owner_before(view, cue.start()) or _after_word(view, r"\bfrom\s+(?:the\s+)?$", after=cue.end()) \
            or _subject_of(view, r"\bexported\b")
        target = _after_word(view, r"\bto\s+(?:the\s+)?$", after=cue.end())
        return source, target
    if IMPORT.fullmatch(word):
        target = _owner_before(view, cue.start()) or _subject_of(view, r"\bimported\b")
        source = _after_word(view, r"\bfrom\s+(?:the\s+)?$", after=cue.end())
        return source, target
    return None, None


def _owner_before(view: SentenceView, offset: int) -> Mention | None:
    """A country written as owner just before a word: "Kazakhstan's exports", "Korean investments"."""
    for m in reversed(view.before(offset, within=30)):
        gap = view.text[m.end:offset]
        if m.kind == "Country" and re.fullmatch(r"(?:['’]s)?\s*(?:[a-z]+\s+){0,2}", gap):
            return m
    return None


def _after_word(view: SentenceView, pattern: str, after: int = 0) -> Mention | None:
    for m in view.mentions:
        if m.kind == "Country" and m.start >= after and re.search(pattern, view.text[:m.start]):
            return m
    return None


def _subject_of(view: SentenceView, verb: str) -> Mention | None:
    match = re.search(verb, view.text)
    if not match:
        return None
    before = [m for m in view.mentions if m.kind == "Country" and m.end <= match.start()]
    return before[-1] if before and match.start() - before[-1].end <= 25 else None


def _commodity_for(view: SentenceView, money: Money) -> Concept | None:
    """The commodity an amount is for: "uranium at $300 million", "uranium, worth $300 million",
    or after it only as "$300 million of uranium"."""
    commodities = [c for c in view.concepts if c.is_commodity]
    before = [c for c in commodities if c.end <= money.start and money.start - c.end <= 60
              and not any(c.end <= m.start < money.start for m in view.money)]
    if before:
        mix = re.search(r"\b(mostly|mainly|chiefly|primarily|largely|such as|including)\s+$",
                        view.text[:before[-1].start])
        return None if mix and "," in view.text[before[-1].end:money.start] else before[-1]
    after = [c for c in commodities if c.start >= money.end
             and re.fullmatch(r"\s*(?:worth\s+)?(?:of|in)\s+(?:[a-z]+\s+){0,2}", view.text[money.end:c.start])]
    return after[0] if after else None


def _is_hypothetical(view: SentenceView, money: Money, cue: re.Match) -> bool:
    """Targets, forecasts, negations and conditionals state no flow."""
    lead = view.text[:money.start]
    return bool(NEGATION.search(lead[max(0, min(cue.start(), money.start) - 40):])
                or TARGET_AFTER.search(view.text[money.end:money.end + 40]) or RAISE_TO.search(lead)
                or CHANGE_BEFORE.search(lead))


def _complete_pair(source: Mention | None, target: Mention | None, pair: tuple[str, str] | None,
                   views_mentions: dict[str, Mention]) -> tuple[Mention | None, Mention | None]:
    """One known end plus the document's pair gives the other end."""
    if pair is None or (source is None) == (target is None):
        return source, target
    known = source or target
    if known.key not in pair:
        return source, target
    other = views_mentions.get(pair[1] if known.key == pair[0] else pair[0])
    return (source, other) if source else (other, target)


PERCENT = r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent)"
UP = r"grew|grown|rose|risen|increased|jumped|surged|climbed|expanded|up"
DOWN = r"fell|fallen|decreased|declined|dropped|shrank|contracted|down"
CHANGES = [  # (pattern, sign): "grew by 41%", "a 35% decrease", "an increase of 30%", "69.2 percent higher"
    (re.compile(rf"\b(?:{UP})\s+(?:by\s+)?{PERCENT}", re.IGNORECASE), 1),
    (re.compile(rf"\b(?:{DOWN})\s+(?:by\s+)?{PERCENT}", re.IGNORECASE), -1),
    (re.compile(rf"\b{PERCENT}\s+(?:increase|rise|growth|higher|more)\b", re.IGNORECASE), 1),
    (re.compile(rf"\b{PERCENT}\s+(?:decrease|decline|drop|fall|lower|less)\b", re.IGNORECASE), -1),
    (re.compile(rf"\b(?:increase|rise|growth)\s+of\s+{PERCENT}", re.IGNORECASE), 1),
    (re.compile(rf"\b(?:decrease|decline|drop|fall)\s+of\s+{PERCENT}", re.IGNORECASE), -1),
]


def relative_change(view: SentenceView, money: Money) -> Decimal | None:
    """The change a sentence states beside an amount, in percent: "grew by 41% ... to $3.9 billion",
    "$1.2bn, up 15% year on year", "a 35% decrease"; none where another amount stands between."""
    others = [m for m in view.money if m is not money]
    found: list[tuple[int, Decimal]] = []
    for pattern, sign in CHANGES:
        for match in pattern.finditer(view.text):
            gap = (match.end(), money.start) if match.end() <= money.start else (money.end, match.start())
            if gap[1] - gap[0] <= 60 and not any(gap[0] <= m.start < gap[1] for m in others):
                found.append((gap[1] - gap[0], sign * Decimal(match.group("pct"))))
    return min(found)[1] if found else None


def flows(view: SentenceView, context: FlowContext) -> list[Fact]:
    facts = []
    for money in view.money:
        cue_found = _nearest_cue(view, money)
        if not cue_found:
            continue
        kind, cue = cue_found
        if _is_hypothetical(view, money, cue):
            continue
        source, target = _direction(view, kind, cue)
        source, target = _complete_pair(source, target, context.main_pair, context.pair_mentions)
        earlier = [f for f in facts if f.kind == ("TradeFlow" if kind == "trade" else "InvestmentFlow")]
        if not (source and target) and earlier and earlier[-1].role("from"):
            source, target = earlier[-1].role("from"), earlier[-1].role("to")  # "..., while sales of X reached"
            if IMPORT.fullmatch(cue.group(0)) and earlier[-1].value("cue") == "export":
                source, target = target, source  # "A's exports to B exceeded its imports"
        commodity = _commodity_for(view, money) if kind == "trade" else None
        year, period = _year_for(view, money, context)
        fact_kind = "TradeFlow" if kind == "trade" else "InvestmentFlow"
        values = dict(amount=money.amount, currency=money.currency, year=year, period=period,
                      commodity=commodity.iri if commodity else None, change=relative_change(view, money),
                      cue="export" if EXPORT.fullmatch(cue.group(0)) else None)
        keys = view.countries()
        if source and target and source.key != target.key:
            facts.append(_fact(fact_kind, view, {"from": source, "to": target}, 0.8, **values))
        elif kind == "trade" and len(keys) == 2 and not source and not target:
            parties = [next(m for m in view.places() if m.key == k) for k in keys]
            facts.append(_fact(fact_kind, view, {"party": parties}, 0.75, **values))
        elif kind == "trade" and context.main_pair and set(keys) <= set(context.main_pair) and (
                not keys or PAIR_WORDS.search(view.text)):
            parties = [context.pair_mentions[k] for k in context.main_pair]
            facts.append(_fact(fact_kind, view, {"party": parties}, 0.6, **values))
    return facts


# ---------------------------------------------------------------------------
# Organisations: home country and activity in markets

ACTIVE_CUE = re.compile(
    r"\b(?:is|are|has been|have been|has|have)?\s*(?:for years\s+|actively\s+|already\s+|currently\s+)?"
    r"(involved|active|operating|operates|operated|operate|works|working|present|engaged|invested|has projects|runs|"
    r"running|developing|develops|produces|mines|opened|has opened|building|builds|built|manages|sells|"
    r"supplies|exports|sends|ships|entered|launched|set up|established|acquired|won a contract|"
    r"takes part|took part|participates|participating|"
    r"mining|producing|"
    r"(?:has|have|runs|owns|operates) (?:a |an |its )?(?:[\w-]+ ){0,2}?(?:joint venture|office|plant|factory|"
    r"subsidiary|branch|presence|stores?|mine|refinery))\b",
    re.IGNORECASE)
PLANNED_CUE = re.compile(r"\b(?:(?:prepar\w+|plans?|planning|intends?|intending|aims?|is set|are set|seeks?|"
                         r"looking|considering|will|would|is about|are about|expects?|hopes?|is due|are due)\s+"
                         r"(?:to\s+)?(?:expand|enter|launch|open|invest|build|set up|establish|start|begin|move|"
                         r"supply|construct|develop|produce)|"
                         r"(?:prepared|drawn up|has|have|announced)\s+plans\s+for)\b", re.IGNORECASE)
SUPERLATIVE_APPOSITION = re.compile(r"^\s*,\s*(?:(?:one of\s+)?(?:the\s+)?)?(?P<rest>[^,.;]{0,80})")


def _organizations(view: SentenceView) -> list[Mention]:
    return [m for m in view.mentions if m.kind in ORGANIZATION_KINDS and m.kind != "InternationalOrganization"]


def _market_after(view: SentenceView, offset: int, limit: int = 80) -> Mention | None:
    """The market named after a verb: "into the Canadian market", "in Kazakhstan's mining"."""
    for m in sorted(view.mentions + view.cities, key=lambda m: m.start):
        if m.kind == "Country" and offset <= m.start <= offset + limit and not (
                m.via == "adjective" and OWNER_OF_COMPANIES.match(view.text[m.end:])):
            return m
    return None


# "Turkish construction companies": the nationality of the companies, not a market
OWNER_OF_COMPANIES = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:companies|firms|businesses|investors|enterprises|"
                                r"company|firm|business|investor|enterprise|contractors|manufacturers)\b")


def _sector_between(view: SentenceView, start: int, end: int, gaz: Gazetteer) -> str | None:
    concepts = [c for c in view.concepts if start <= c.start and c.end <= end + 30]
    for c in concepts:
        if not c.is_commodity:
            return c.iri
    for c in concepts:
        broader = _broader_sector(c.iri, gaz)
        if broader:
            return broader
    return None


def _broader_sector(iri: str, gaz: Gazetteer) -> str | None:
    return gaz.broader.get(iri)


def home_countries(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    facts = []
    for org in _organizations(view):
        country = _home_from_name(org, gaz, view) or _home_from_context(view, org)
        if country:
            facts.append(_fact("HomeCountry", view, {"organization": org, "country": country}, 0.8))
    return facts


def _home_from_name(org: Mention, gaz: Gazetteer, view: SentenceView) -> Mention | None:
    words = org.text.split()
    for n in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:n])
        key = gaz.adjectives.get(head) or gaz.capitals.get(head) or (
            gaz.names.get(head) if gaz.names.get(head, "").startswith("country:") else None)
        if key and n < len(words):
            return Mention(head, "Country", org.sentence, org.start, org.start + len(head), key, "adjective")
    match = re.search(r".*\b(?:of|in)\s+(?:the\s+)?([A-Z][\w\s-]+)$", org.text)
    if match:
        key = gaz.names.get(match.group(1).strip())
        if key and key.startswith("country:"):
            return Mention(match.group(1), "Country", org.sentence, org.start, org.end, key)
    return None


def _home_from_context(view: SentenceView, org: Mention) -> Mention | None:
    """"Canadian company X", "Kazakhstan's X", "the Abu Dhabi holding company X", "Tokyo-based
    think tank X", "X, Kazakhstan's largest bank", "X, based in Seoul"."""
    lead = view.text[:org.start]
    run_start = _first_of_run(view, org)  # "Chinese firms such as X and Y": Y's home too
    owners = [m for m in sorted(view.mentions + view.cities, key=lambda m: m.start)
              if m.kind == "Country" and run_start - 60 <= m.end <= org.start]
    for m in reversed(owners):
        gap = lead[m.end:]
        possessive = gap.startswith(("'s", "’s"))
        if re.fullmatch(r"(?:['’]s)?(?:-based)?\s+(?:[a-z-]+\s+){0,3}", gap) and not FUNCTION_WORDS.search(gap) and (
                m.via in ("adjective", "city") or possessive or gap.startswith("-based")):
            return m
        if m.via in ("name", "acronym") and re.search(r"\b(?:the|a|an)\s+$", lead[:m.start]) and \
                re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}" + ORGANIZATION_NOUN + r"\s+", gap):
            return m  # "the US company Chevron": a country's name used as an adjective
        if m.via == "adjective" and re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}(?:,\s*)?(?:like|such as|including)\s+",
                                                 view.text[m.end:run_start]):
            return m
    rest = view.text[org.end:]
    appo = SUPERLATIVE_APPOSITION.match(rest)
    if appo:
        tail_start = org.end + appo.start("rest")
        for m in view.mentions:
            if m.kind == "Country" and tail_start <= m.start <= tail_start + 10 and (
                    view.text[m.end:m.end + 2] in ("'s", "’s") or  # "X, Kazakhstan's largest bank"
                    m.via == "adjective" and re.match(r"(?:\s+[\w-]+){0,3}?\s+" + ORGANIZATION_NOUN +
                                                      r"\b(?!\s+[A-Z])", view.text[m.end:])):  # "X, a Korean maker"
                return m
    based = re.match(r"\s*(?:,\s*)?(?:which is\s+|that is\s+)?(?:based|headquartered)\s+in\s+", rest)
    if based:
        return _market_after(view, org.end + based.end(), limit=5)
    located = re.match(r"\s+in\s+(?:the\s+)?", rest)
    if located and org.kind in ("University", "ThinkTank", "GovernmentBody"):
        return _market_after(view, org.end + located.end(), limit=0)  # "Wageningen University in the Netherlands"
    return None


FUNCTION_WORDS = re.compile(r"\b(?:will|would|with|and|or|to|in|of|for|by|from|at|on|is|are|was|were|has|have|"
                            r"had|that|which|who|said|says)\b")


def _activity_window(view: SentenceView, org: Mention) -> tuple[int, int]:
    """What the sentence says after an organisation, up to the next subject: "X and Y plan to ..."
    gives both the same predicate."""
    window_end = len(view.text)
    following = [m for m in _organizations(view) if m.start > org.end  # the next subject, not an object
                 and not re.search(r"\b(?:at|in|with|of|for|by|to|from|into|on|and)\s+(?:the\s+)?"
                                   r"(?:[\w'’-]+\s+){0,3}$", view.text[:m.start])]
    if following:
        window_end = following[0].start
    return org.end, window_end


PERSON_NOUN_AFTER = re.compile(r"\s+(?:chief|head|president|chairman|chairwoman|spokesman|spokeswoman|"
                               r"spokesperson|official|officials|representative|representatives|delegation|"
                               r"executive|executives|director|leadership|CEO)\b")
OBJECT_OF_PREPOSITION = re.compile(r"\b(?:of|in|with|for|to|from|at|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
NEGATED_ACTIVITY = re.compile(r"\b(not|never|no longer|n't|yet to|denied|ruled out|no plans?|no intention)\b")


def activities(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    facts = []
    for org in _organizations(view):
        appositive = _appositive_market(view, org, gaz)
        if appositive:
            facts.append(appositive)
        if OBJECT_OF_PREPOSITION.search(view.text[:org.start]) or PERSON_NOUN_AFTER.match(view.text[org.end:]):
            continue  # "the chain of South Korea's X, is due to open", "the X chief said": X is not the subject
        rest_start, window_end = _activity_window(view, org)
        window = view.text[rest_start:window_end]
        negated = NEGATED_ACTIVITY.search(window)
        planned = PLANNED_CUE.search(window)
        if planned and not negated:
            market = _market_after(view, rest_start + planned.end(), limit=120) or _market_in_names(
                view, rest_start + planned.end(), window_end, gaz)
            if market:
                sector = _sector_between(view, org.end, market.end - 30, gaz) or _appositive_sector(view, org, gaz)
                facts.append(_fact("MarketActivity", view, {"organization": org, "market": market}, 0.75,
                                   status="planned", sector=sector))
        active = ACTIVE_CUE.search(window)
        if active and any(m.via != "adjective" for m in _mention_between(
                view, rest_start, rest_start + active.start(), {"Country", "Person"})):
            active = None  # "X show that Germany invested ...": the verb has another subject
        if active and not negated and (not planned or active.start() < planned.start()):
            market = _market_after(view, rest_start + active.end(), limit=60)
            if market:
                sector = _appositive_sector(view, org, gaz) or _sector_between(
                    view, rest_start + active.end(), market.end + 60, gaz)
                facts.append(_fact("MarketActivity", view, {"organization": org, "market": market}, 0.75,
                                   status="active", sector=sector))
    return facts + _listed_after_activity(view, facts, gaz)


LISTED_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:among them|including|such as|like|notably)\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,3}?$")


def _listed_after_activity(view: SentenceView, facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"230 French enterprises operate in Kazakhstan, among them the groups Total, Orano and Alstom":
    the activity of the many is the activity of each one named."""
    found = []
    for text_cue in ACTIVE_CUE.finditer(view.text):
        if any(f.role("organization").end <= text_cue.start() for f in facts):
            continue  # a named subject already took this verb
        market = _market_after(view, text_cue.end(), limit=40)
        if market is None or NEGATED_ACTIVITY.search(view.text[:text_cue.start()]):
            continue
        for org in _organizations(view):
            if org.start > market.end and LISTED_AFTER.match(view.text[market.end:_first_of_run(view, org)]):
                found.append(_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                   status="active", sector=_sector_between(view, market.end, org.start, gaz)))
    return found


def _first_of_run(view: SentenceView, org: Mention) -> int:
    """Where the list an organisation belongs to starts: "Total, Orano and Alstom"."""
    start = org.start
    for m in reversed([m for m in _organizations(view) if m.end <= org.start]):
        if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", view.text[m.end:start]):
            start = m.start
        else:
            break
    return start


def activities_in_the_pair(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                           pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"the Italian engineering group X will supply equipment for four substations": an activity
    whose place the sentence leaves unnamed, by a company from one of the article's two countries,
    is in the other one.  Only where one such company is the sentence's subject."""
    if pair is None:
        return []
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {(f.sentence, f.role("organization").text) for f in facts if f.kind == "MarketActivity"}
    found = []
    for view in views:
        if view.is_title or view.places() and any(m.via != "adjective" for m in view.places()):
            continue  # a country named as such in the sentence: the sentence rules had their chance
        orgs = [o for o in _organizations(view) if homes.get(o.text) in pair]
        if len(orgs) != 1 or (view.index, orgs[0].text) in placed:
            continue
        org = orgs[0]
        rest_start, window_end = _activity_window(view, org)
        window = view.text[rest_start:window_end]
        if NEGATED_ACTIVITY.search(window):
            continue
        planned, active = PLANNED_CUE.search(window), ACTIVE_CUE.search(window)
        if not planned and not active:
            continue
        status = "planned" if planned and (not active or planned.start() < active.start()) else "active"
        other = pair[1] if homes[org.text] == pair[0] else pair[0]
        if other in pair_mentions:
            found.append(_fact("MarketActivity", view, {"organization": org, "market": pair_mentions[other]}, 0.6,
                               status=status))
    return found


def _market_in_names(view: SentenceView, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """"open an office at the Astana International Financial Centre": the place in a name."""
    for m in view.mentions:
        if start <= m.start < end and m.kind in ORGANIZATION_KINDS:
            home = _home_from_name(m, gaz, view)
            if home:
                return home
    return None


def _appositive_sector(view: SentenceView, org: Mention, gaz: Gazetteer) -> str | None:
    appo = SUPERLATIVE_APPOSITION.match(view.text[org.end:])
    if not appo:
        return None
    start = org.end + appo.start("rest")
    return _sector_between(view, start, org.end + appo.end("rest") - 30, gaz)


def _appositive_market(view: SentenceView, org: Mention, gaz: Gazetteer) -> Fact | None:
    """"BI Group, Kazakhstan's largest property developer," is active at home in its sector."""
    appo = SUPERLATIVE_APPOSITION.match(view.text[org.end:])
    if not appo:
        return None
    start = org.end + appo.start("rest")
    rest = appo.group("rest")
    if not re.search(r"\b(largest|leading|biggest|major|main|top|second-largest|prominent)\b", rest):
        return None
    market = next((m for m in view.mentions if m.kind == "Country" and start <= m.start <= start + 10), None)
    if market is None:
        return None
    sector = _sector_between(view, market.end, org.end + appo.end("rest") - 30, gaz)
    if sector is None:
        return None
    return _fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                 status="active", sector=sector)


# ---------------------------------------------------------------------------
# Cooperation between two countries in areas

COOPERATION_CUE = re.compile(
    r"\b(cooperat\w*|co-operat\w*|collaborat\w*|partnership|partners?|ties|relations|interest|interested|"
    r"opportunit\w*|sectors?|areas?|fields?|spheres?|focus|pillars?|joint|engagement|prospects|dialogue|"
    r"potential|agenda|priorit\w*|discussed|agreed|agreements?|deals?|memorand\w*|invest\w*|attract\w*|"
    r"projects?|talks|cover\w*|access|exchange|topics?|meetings?|discussions?)\b", re.IGNORECASE)
PAIR_REFERENCE = re.compile(r"\b(both countries|two countries|the two sides|both sides|bilateral|the two nations|"
                            r"both nations|mutual)\b", re.IGNORECASE)


def cooperation(view: SentenceView, context: FlowContext) -> list[Fact]:
    """Sectors named with a word of cooperation: between the two countries the sentence names, or the
    document's pair when the sentence names both of them, or one or none of them."""
    if view.money or re.search(r"\b(not|never|no longer|n't)\b", view.text) or not COOPERATION_CUE.search(view.text):
        return []
    sectors = list(dict.fromkeys(c.iri for c in view.concepts if not c.is_commodity))
    if not sectors:
        return []
    keys = view.countries()
    pair = context.main_pair
    if pair and set(pair) <= set(keys):
        parties, confidence = [context.pair_mentions[k] for k in pair], 0.7
    elif len(keys) == 2:
        parties, confidence = [next(m for m in view.places() if m.key == k) for k in keys], 0.7
    elif pair and set(keys) <= set(pair):
        parties = [context.pair_mentions[k] for k in pair]
        confidence = 0.65 if PAIR_REFERENCE.search(view.text) else 0.55
    else:
        return []
    return [_fact("Cooperation", view, {"party": parties}, confidence, sector=s) for s in sectors]


def cooperation_from_flows(facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """Trade or investment flowing between two countries makes trade or investment an area
    of their relations."""
    derived = []
    for fact in facts:
        if fact.kind not in ("TradeFlow", "InvestmentFlow"):
            continue
        ends = fact.roles_named("party") or [m for m in (fact.role("from"), fact.role("to")) if m]
        area = gaz.concept_labels.get("trade" if fact.kind == "TradeFlow" else "investment")
        if len(ends) == 2 and area:
            derived.append(Fact("Cooperation", fact.sentence, tuple(("party", m) for m in ends),
                                (("sector", area),), 0.5))
    return derived


# ---------------------------------------------------------------------------
# Memberships: "Canada's leadership in groups like the G7 and G20"

MEMBERSHIP_CUE = re.compile(
    r"\b(?:members?(?:\s+states?)?|membership|chairmanship|presidency|chair|leadership|seat|joined|"
    r"accession|acceded|chairs|chaired|chairing|which groups|which includes|which brings together|comprising|"
    r"(?:largest|biggest|smallest|second-largest)\s+economy\s+(?:in|of))\b", re.IGNORECASE)
NOT_A_MEMBER = re.compile(r"\b(not|n't|never|no longer|left|withdrew|withdrawn|suspended|observer|applied|"
                          r"candidate|seeks?|seeking|bid|talks|aspir\w+|hopes?|wants?|would|could|invit\w+)\b",
                          re.IGNORECASE)
LISTING_CUE = re.compile(  # what may stand between a group and the list of its members
    r"^(?:['’]s\s+(?:\w+\s+)?members?\s*[,:—–]\s*|\s+member\s+(?:states|countries)\s+(?:are|include)\s+|"
    r"\s+(?:comprises|groups|includes|unites|brings together|consists of|is made up of)\s+|"
    r",?\s*(?:which|that)\s+(?:groups|includes|comprises|brings together|unites|consists of|is made up of)\s+|"
    r",?\s*(?:made up of|consisting of|composed of|comprising|whose members are|whose member states are|"
    r"grouping)\s+|\s*\(|(?:\s+\w+){0,2}\s+(?:countries|states|members|nations|economies)\s*[:—–]\s*)",
    re.IGNORECASE)
FOUNDED_BY = re.compile(r"\s+(?:form|formed|make up|made up|founded|established|set up|created|co-founded)\s+"
                        r"(?:the\s+)?$", re.IGNORECASE)


def memberships(view: SentenceView, gaz: Gazetteer, context: FlowContext | None = None) -> list[Fact]:
    """A country's membership of a group, stated as a possessive ("Canada's leadership in the G7",
    "India's G20 presidency"), an apposition ("Tajikistan, a founding member of the SCO", "Chile and
    Peru, both APEC economies"), a subject ("Brazil and China are both members of BRICS", "both
    countries are members of the SCO") or a listing ("the GCC, which groups Qatar, Oman ...", "the
    EFTA states Norway, Iceland ...", "As members of the OTS, Turkey and Azerbaijan ...")."""
    facts = []
    context = context or FlowContext()
    for group in (m for m in view.mentions if m.kind == "InternationalOrganization"):
        for member in _members_of(view, group, context):
            facts.append(_fact("Membership", view, {"member": member, "group": group}, 0.75))
    facts += _members_of_the_group_named_before(view, context.last_group)
    return [f for f in facts if _plausible_membership(f, gaz)]


GROUP_ANAPHOR = re.compile(r"\b(?P<verb>joined|became a (?:full |founding )?member of|"
                           r"is a (?:full |founding )?member of|"
                           r"acceded to)\s+the\s+(?:association|organi[sz]ation|bloc|group|alliance|forum|union|"
                           r"grouping)\b", re.IGNORECASE)


def _members_of_the_group_named_before(view: SentenceView, last_group: Mention | None) -> list[Fact]:
    """"Vietnam joined the association in 1995": the group named last, in this sentence or before."""
    facts = []
    for match in GROUP_ANAPHOR.finditer(view.text):
        named = [m for m in view.mentions if m.kind == "InternationalOrganization" and m.end <= match.start()]
        group = named[-1] if named else last_group
        subject = [m for m in view.places() if m.end <= match.start()]
        between = view.text[subject[-1].end:match.start()] if subject else ""
        if group is None or not subject or not re.fullmatch(
                r"\s+(?:has\s+|have\s+|also\s+|formally\s+|officially\s+)*", between):
            continue
        facts.append(_fact("Membership", view, {"member": subject[-1], "group": group}, 0.65))
    return facts


GROUP_NOUN_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w-]*)*\s+(?P<noun>member states?|member countries|member economies|"
    r"members|member|presidency|chairmanship|chair|summit host|ally|allies|states|countries|nations|economies|"
    r"partners)\b", re.IGNORECASE)
MEMBER_NOUN = re.compile(r"member|all(?:y|ies)|states|countries|nations|economies|partners", re.IGNORECASE)
PAIR_SUBJECT = re.compile(r"\b(?:both countries|the two countries|both nations|the two nations|both states|"
                          r"the two states)\s+(?:are|were|have been|became|remain)\s+(?:also\s+)?(?:both\s+)?"
                          r"(?:founding\s+)?members?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _members_of(view: SentenceView, group: Mention, context: FlowContext) -> list[Mention]:
    text = view.text
    clause_start = max(text.rfind(";", 0, group.start), text.rfind(":", 0, group.start), 0)
    countries = [m for m in view.places() if m.kind == "Country"]
    listing = LISTING_CUE.match(text[group.end:])
    if listing:
        end = _clause_end(text, group.end + listing.end())
        if listing.group().strip().startswith("("):
            end = text.find(")", group.end) if ")" in text[group.end:] else end
        return [m for m in countries if group.end + listing.end() <= m.start <= end]
    if re.search(r"\bmembers?(?:\s+states)?\s+of\s+(?:the\s+)?$", text[:group.start], re.IGNORECASE) and \
            re.match(r"\s+(?:include|includes|are)\s+", text[group.end:]):  # "Members of ASEAN include A, B"
        return _country_run(view, countries, group.end + re.match(r"\s+\w+\s+", text[group.end:]).end())
    founders = FOUNDED_BY.search(text[:group.start])
    if founders:  # "Norway, Iceland, Liechtenstein and Switzerland form EFTA"
        run = _run_before(view, countries, founders.start())
        one_of = [m for m in countries if m.end <= founders.start() and re.fullmatch(
            r"\s+(?:is|was)\s+(?:one|among)\s+(?:of\s+)?the\s+(?:[\w-]+\s+){0,2}(?:that|which|who)",
            text[m.end:founders.start()])]  # "Malaysia is one of the five states that founded ASEAN"
        return run or one_of[-1:]
    groups = [m.text for m in view.mentions if m.kind == "InternationalOrganization"]
    cue = _membership_cue(text, group, clause_start, groups)
    if cue is None:
        return []
    cue_start, cue_end = cue
    if NOT_A_MEMBER.search(text[max(clause_start, cue_start - 40):group.start]):
        return []
    if re.search(r"\bof which\s+(?:both|the two)\s+(?:countries|sides|nations)\s+are\s+(?:also\s+)?members",
                 text[group.end:]):
        if len(view.countries()) == 2:
            return list({m.key: m for m in countries}.values())
        if context.main_pair:  # the two countries the article is about
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        return []
    if PAIR_SUBJECT.search(text[:group.start]) and context.main_pair:
        return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    if cue_start == group.end and MEMBER_NOUN.search(text[cue_start:cue_end]):
        # "NATO ally Poland", "the fellow BRICS members, Brazil and India", "the EFTA states Norway, ..."
        named = _country_run(view, countries, cue_end)
        if named:
            return named
        # "Chile and Peru, both APEC economies", "Canada, a G7 member, and ..."
        apposed = re.search(r",\s*(?:a|an|both|fellow|as|two|all)\s+(?:fellow\s+)?(?:(?:the|its)\s+)?"
                            r"(?:[A-Z][\w-]*\s+(?:and|or)\s+)*$", text[:group.start])
        if apposed:
            return _run_before(view, countries, apposed.start())
    if re.match(r"\s*,\s*(?:including|such as|namely|like)\s", text[group.end:]) and \
            re.search(r"member", text[cue_start:cue_end], re.IGNORECASE):
        # "the member states of the GCC, including Qatar and Oman"
        return _country_run(view, countries, group.end + re.match(r"\s*,\s*\w+(?:\s+as)?", text[group.end:]).end())
    if re.match(r"\s*(?:as\s+(?:fellow\s+)?members|among\s+(?:the\s+)?member\s+(?:states|countries))\b",
                text[clause_start:cue_end], re.IGNORECASE) and \
            re.match(r"\s*,", text[group.end:]):
        # "As members of the OTS, Turkey and Azerbaijan coordinate ..."
        return _country_run(view, countries, group.end + re.match(r"\s*,", text[group.end:]).end())
    before = min(cue_start, group.start)
    owner = next((m for m in reversed(countries) if m.end <= before and before - m.end <= 30
                  and re.match(r"['’]s\b", text[m.end:])), None)
    if owner:
        return [owner]
    subject = [m for m in countries if clause_start <= m.start and m.end <= before]
    if not subject:
        return []
    gap = re.sub(r"^\s*,[^,]{1,25},", "", text[subject[-1].end:before])  # ", by contrast, became"
    if re.search(r"\b(said|says|with|for|to|from|by|than)\b", gap) and not re.match(r"\s*,", gap):
        return []
    plural = re.search(r"members|joined", text[cue_start:cue_end], re.IGNORECASE)
    if re.search(r"\b(?:both|fellow|all)\b", gap) or re.match(r"\s*,?\s*(?:and|are)\b", text[subject[-1].end:]) \
            or (plural and re.fullmatch(r"\s*,\s*|\s+(?:have\s+|had\s+|formally\s+|officially\s+)*", gap)):
        return _run_before(view, subject, subject[-1].end)  # "Egypt and Ethiopia joined BRICS"
    if re.match(r"\s*(?:,\s*(?:a|an|the|which|one of|itself|also)\b|\s+(?:is|was|became|has been|joined|"
                r"remains|holds|acceded))", gap):
        return [subject[-1]]
    if re.fullmatch(r"\s+(?:has\s+|have\s+|formally\s+|officially\s+|finally\s+)*", gap) and \
            re.match(r"joined|acceded|chair", text[cue_start:cue_end], re.IGNORECASE):
        return [subject[-1]]  # "Uzbekistan joined the WTO"
    return []


def _run_before(view: SentenceView, countries: list[Mention], end: int) -> list[Mention]:
    """The countries named in a row ending at `end`: "Brazil, India and China" before ", both ..."."""
    run: list[Mention] = []
    position = end
    for m in reversed([m for m in countries if m.end <= end]):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*(?:the\s+)?", view.text[m.end:position]):
            break
        run.insert(0, m)
        position = m.start
    return run


def _country_run(view: SentenceView, countries: list[Mention], start: int) -> list[Mention]:
    """The countries named in a row right after a position: ", Brazil and India"."""
    run: list[Mention] = []
    position = start
    for m in countries:
        if m.start < position:
            continue
        gap = view.text[position:m.start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|such as|like|including|:|—|–)?\s*(?:the\s+)?", gap) or \
                (not run and re.search(r"\band\b", gap)):  # "a G7 member, and Kazakhstan": not a list
            break
        run.append(m)
        position = m.end
    return run


def _membership_cue(text: str, group: Mention, clause_start: int, groups: list[str]) -> tuple[int, int] | None:
    """A word of membership right before the group ("member of the SCO") or right after it
    ("G20 presidency", "NATO member")."""
    after = GROUP_NOUN_AFTER.match(text[group.end:])
    if after:
        return group.end, group.end + after.end()
    window = text[clause_start:group.start]
    cues = list(MEMBERSHIP_CUE.finditer(window))
    if not cues:
        return None
    cue = cues[-1]
    between = window[cue.end():]
    for name in groups:  # "a member of the EAEU, the CSTO and the CIS": a list of groups
        between = between.replace(name, "")
    listing = re.fullmatch(r"(?:[\s,]|\b(?:and|or|of|in|both|within|to|at|the)\b)*", between)
    if not listing and (len(between) > 45 or re.search(r"[,;]\s+(?!and\b|or\b)", between.replace("both ", ""))):
        return None
    return clause_start + cue.start(), clause_start + cue.end()


def _clause_end(text: str, start: int) -> int:
    match = re.search(r"[;.]|\b(?:and its|while|but|whereas)\b", text[start:])
    return start + match.start() if match else len(text)


def _plausible_membership(fact: Fact, gaz: Gazetteer) -> bool:
    """Where a group's membership is well known, a country outside it is a misreading."""
    member, group = fact.role("member"), fact.role("group")
    known = gaz.known.get(group.key or "")
    if member.kind == "Country" and known and known.members and member.key:
        return member.key.split(":", 1)[1] in known.members
    return True


# ---------------------------------------------------------------------------
# Meetings and agreements: "X met Y in Astana on 7 September", "A and B signed a memorandum on energy"

MEETING_CUE = re.compile(r"\b(met|meets|meetings?|talks|held (?:talks|consultations|a meeting)|consultations|"
                         r"received|hosted|visit(?:ed)?|forum|summit|round ?table|conference)\b", re.IGNORECASE)
ORGANISED_BY = re.compile(r"\b(?:organi[sz]ed|hosted|convened|co-chaired|chaired) by\s+(?:the\s+)?$", re.IGNORECASE)
SIGNED = re.compile(r"\b(?:signed|concluded|inked|exchanged)\b[^.;]{0,60}?\b(?P<kind>memorand(?:um|a) of understanding|"
                    r"memorand(?:um|a)|mou|agreements?|deals?|contracts?|protocols?|treaty|roadmap|declaration)\b",
                    re.IGNORECASE)
DATE = re.compile(r"\bon\s+(\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
                  r"November|December)(?:\s+\d{4})?|(?:January|February|March|April|May|June|July|August|September|"
                  r"October|November|December)\s+\d{1,2}(?:,\s+\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                  r"Saturday|Sunday))\b")


def meetings(view: SentenceView) -> list[Fact]:
    """A meeting needs a word of meeting and its organiser ("organised by X") or at least two people
    (or, failing people, two countries or organisations); negated or planned ones are left out."""
    cue = MEETING_CUE.search(view.text)
    if not cue or re.search(r"\b(not|never|n't|will|would|could|plans? to|is to|are to)\b", view.text):
        return []
    people = [m for m in view.mentions if m.kind == "Person"]
    others = [m for m in view.mentions if m.kind in {"Country"} | ORGANIZATION_KINDS
              and m.kind != "InternationalOrganization"]  # a group is the forum, not a participant
    organizer = next((m for m in view.mentions if ORGANISED_BY.search(view.text[:m.start])), None)
    participants = [m for m in (people if len(people) >= 2 else others) if m is not organizer]
    if len({m.key or m.text for m in participants}) < 2 and organizer is None:
        return []
    place = next((m for m in view.cities + view.places()
                  if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", view.text[:m.start])), None)
    date = DATE.search(view.text)
    roles: dict[str, Mention | list[Mention]] = {"participant": _distinct(participants) if len(participants) > 1
                                                 else []}
    if organizer:
        roles["organizer"] = organizer
    if place:
        roles["location"] = place
    return [_fact("Meeting", view, roles, 0.6, date=date.group(1) if date else None)]


def agreements(view: SentenceView) -> list[Fact]:
    signed = SIGNED.search(view.text)
    if not signed or re.search(r"\b(not|never|n't|yet to|expected to|will|would|could|plan)\b",
                               view.text[:signed.end()]):
        return []
    parties = _distinct([m for m in view.mentions if m.kind in {"Country"} | ORGANIZATION_KINDS])
    if len(parties) < 2:
        return []
    what = signed.group("kind").lower().replace("memoranda", "memorandum").replace("mou", "memorandum of understanding")
    what = re.sub(r"(agreement|deal|contract|protocol)s$", r"\1", what)
    sectors = list(dict.fromkeys(c.iri for c in view.concepts if not c.is_commodity and c.start > signed.start()))
    date = DATE.search(view.text)
    return [_fact("Agreement", view, {"party": parties}, 0.6, what=what, sectors=tuple(sectors),
                  date=date.group(1) if date else None)]


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(m.key or m.text, m)
    return list(seen.values())


# ---------------------------------------------------------------------------
# The document


def main_pair(views: list[SentenceView]) -> tuple[str, str] | None:
    """The two countries a document is about: the two named most often."""
    counts = Counter(m.key for v in views for m in v.places() if m.key)
    top = counts.most_common(2)
    if len(top) < 2 or top[1][1] < 2:
        return None
    return (top[0][0], top[1][0])


KIND_RANK = {"Company": 3, "University": 2, "ThinkTank": 2, "GovernmentBody": 2, "Organization": 1}


def propagate_names(views: list[SentenceView]) -> list[SentenceView]:
    """One name, one entity per document: an organisation the text has named once ("the Italian energy
    group Eni") is the same organisation where the NER misses it or calls it a person ("Eni takes part
    in ...")."""
    kinds: dict[str, str] = {}
    votes: Counter[str] = Counter()  # for an organisation (more for a specific kind), against: as a person
    people: set[str] = set()
    for view in views:
        for m in view.mentions:
            if m.kind == "Person":
                votes[m.text] -= 1
                people.add(m.text)
            elif m.kind in KIND_RANK and m.key is None:
                votes[m.text] += KIND_RANK[m.kind]  # "the engineering group X" says more than the NER
                if KIND_RANK[m.kind] > KIND_RANK.get(kinds.get(m.text, ""), 0):
                    kinds[m.text] = m.kind
    kinds = {name: kind for name, kind in kinds.items()  # not "Park" of "Park Geun-hye"
             if votes[name] > 0 and not _same_person(name, people - {name})}
    if not kinds:
        return views
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(kinds, key=len, reverse=True)) +
                         r")(?![\w-])")
    result = []
    for view in views:
        mentions = [replace(m, kind=kinds[m.text]) if m.kind in ("Person", *KIND_RANK) and m.text in kinds
                    and m.key is None else m for m in view.mentions]
        for match in pattern.finditer(view.text):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions) and \
                    not any(x.start <= match.start() < x.end for x in view.money):
                mentions.append(Mention(match.group(), kinds[match.group()], view.index, match.start(), match.end()))
        result.append(replace(view, mentions=sorted(mentions, key=lambda m: m.start)))
    return result


MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PUBLICATION_DATE = re.compile(r"\b(?:\d{1,2}\s+" + MONTH + r"|" + MONTH + r"\s+\d{1,2},?)\s+(?P<year>(?:19|20)\d\d)\b")
RELATIVE_YEAR = re.compile(r"\b(?:(?P<last>last year|the previous year|the past year|a year earlier)|"
                           r"(?P<this>this year|the current year|so far this year)|(?P<next>next year))\b",
                           re.IGNORECASE)


def publication_year(views: list[SentenceView]) -> int | None:
    """The year of the dateline or of the first full date near the top: what "last year" counts from."""
    for view in views[:3]:
        match = PUBLICATION_DATE.search(view.text)
        if match:
            return int(match.group("year"))
    return None


def with_relative_years(view: SentenceView, year: int | None) -> SentenceView:
    """"$292 million last year" in a report dated 2016 is a 2015 figure: relative years as calendar years."""
    if year is None:
        return view
    found = [(year - 1 if m.group("last") else year if m.group("this") else year + 1, m.start())
             for m in RELATIVE_YEAR.finditer(view.text)]
    return replace(view, years=sorted(view.years + found, key=lambda y: y[1])) if found else view


def extract_views(views: list[SentenceView], gaz: Gazetteer) -> list[Fact]:
    """All rules over all sentences; pure given the views, so tests can feed their own."""
    year = publication_year(views)
    views = [with_relative_years(v, year) for v in views]
    pair = main_pair(views)
    pair_mentions = {m.key: m for v in reversed(views) for m in v.places() if m.key and pair and m.key in pair}
    facts: list[Fact] = []
    previous_year: int | None = None
    last_group: Mention | None = None
    for view in views:
        if view.is_title:
            continue
        context = FlowContext(pair, previous_year, pair_mentions, last_group)
        facts += positions(view)
        facts += flows(view, context)
        facts += home_countries(view, gaz)
        activity = activities(view, gaz)
        facts += activity
        if not activity:  # a company's sector is its business, not an area of cooperation between countries
            facts += cooperation(view, context)
        facts += memberships(view, gaz, context)
        facts += meetings(view)
        facts += agreements(view)
        if view.years:
            previous_year = max(year for year, _ in view.years)
        groups = [m for m in view.mentions if m.kind == "InternationalOrganization"]
        if groups:
            last_group = groups[-1]
    facts += implied_positions(views, facts, pair, dateline_country(views, gaz), pair_mentions, gaz)
    facts += activities_in_the_pair(views, facts, pair, pair_mentions)
    return facts + cooperation_from_flows(facts, gaz)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Lines of text with their offsets: a line break always ends a sentence in news text
    (titles and datelines carry no full stop)."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def read_views(text: str) -> tuple[list[Sentence], list[SentenceView]]:
    nlp, gaz, matchers = load_nlp(), load_gazetteer(), load_matchers()
    parts = paragraphs(text)
    sentences: list[Sentence] = []
    views: list[SentenceView] = []
    for n, ((offset, _), doc) in enumerate(zip(parts, nlp.pipe(p for _, p in parts), strict=True)):
        sents = list(doc.sents)
        headline = n == 0 and len(sents) == 1 and not sents[0].text.rstrip().endswith((".", "!", "?", '"', "”"))
        for sent in sents:
            stripped = sent.text.rstrip()
            if not stripped.strip():
                continue
            index = len(sentences)
            start = offset + sent.start_char
            sentences.append(Sentence(index, stripped, start, start + len(stripped)))
            views.append(sentence_view(sent, index, gaz, matchers, headline))
    return sentences, propagate_names(views)


def extract(text: str) -> Extraction:
    """Read one document's text."""
    sentences, views = read_views(text)
    gaz = load_gazetteer()
    facts = extract_views(views, gaz)
    mentions = [Mention(m.text, m.kind, v.index, m.start + sentences[v.index].start,
                        m.end + sentences[v.index].start, m.key, m.via)
                for v in views for m in v.mentions]
    facts = [_absolute(f, sentences) for f in facts]
    return Extraction(sentences, mentions, facts)


def _absolute(fact: Fact, sentences: list[Sentence]) -> Fact:
    def shift(m: Mention) -> Mention:
        offset = sentences[m.sentence].start
        return Mention(m.text, m.kind, m.sentence, m.start + offset, m.end + offset, m.key, m.via)

    return Fact(fact.kind, fact.sentence, tuple((r, shift(m)) for r, m in fact.roles), fact.values,
                fact.confidence)

"""What the rules see: each sentence as a `SentenceView` (mentions of countries, regions,
organisations, people; concepts; titles; money; years), and the document's context.

spaCy finds sentences, people and organisations; the gazetteer finds countries, regions,
international organisations, sectors, commodities and titles; a few patterns find the names both
miss.  Offsets are relative to the sentence, which keeps the rules short and testable one sentence
at a time.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from diplograph.graph.extract.vocabulary import (
    COMPANY_NOUN,
    COMPANY_NOUN_PLURAL,
    COMPANY_PLURALS,
    COMPANY_WORDS,
    HONORIFIC_WORD,
    MONTH,
    NEGATION_WORDS,
    POST_NOMINALS,
    WEEKDAY,
)
from diplograph.graph.gazetteer import Gazetteer, business_deeds, company_name_words, load_gazetteer
from diplograph.graph.model import ORGANIZATION_KINDS, Fact, Mention, Sentence
from diplograph.graph.money import Money, find_money, find_years
from diplograph.graph.nlp import Matchers, doc_text, load_matchers, load_nlp, sentence_text

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
COMPANY_CUES = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in company_name_words()) + r")(?![\w])")
COMPANY_NOUNS = frozenset(COMPANY_WORDS + COMPANY_PLURALS)
PERSON_PREFIXES = re.compile(  # what the NER takes into a name: honorifics and titles
    r"^(?:(?:" + HONORIFIC_WORD + r"|The(?=\s+Hon\b)|Ambassador|President|Minister|Premier|Chairman|Senator|"
    r"Governor|Mayor|Deputy|Envoy|Secretary|General|Colonel|Captain|Admiral|Marshal|Brigadier|Lieutenant)"
    r"\s+(?=\S+\s+\S))*"  # a name keeps two words: "Sheikh Hasina" is a name; a rank is none of it
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


@dataclass(frozen=True)
class Node:
    """A token a dependency pattern matched: its own span and its subtree's, relative to the sentence."""

    start: int
    end: int
    tree_start: int
    tree_end: int


@dataclass(frozen=True)
class Relation:
    """One match of a pattern in data/patterns/*.jsonl: its label and its named nodes."""

    label: str
    nodes: dict[str, Node]


@dataclass(frozen=True)
class Word:
    """A token of the parse, for the learned relation readers: offsets relative to the sentence, `head` the
    index of its head among the sentence's words."""

    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    start: int
    end: int


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
    relations: list[Relation] = field(default_factory=list)  # what the dependency patterns found
    parse: Span | None = field(default=None, repr=False, compare=False)  # read into `words` on first use
    _words: list[Word] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> list[Word]:
        """The parse's tokens, for the learned readers: built on first use, since most sentences never
        have a candidate and building them for every sentence was a tenth of the rules' own time."""
        if self._words is None:
            self._words = _words_of(self.parse) if self.parse is not None else []
        return self._words

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
CONTINENT_BEFORE = {"Latin", "South", "Central", "North", "Pan", "Ibero", "Afro", "African", "Native", "Anglo"}


def _continent_before(doc: Doc, start: int, sentence_start: int) -> bool:
    """"Latin American", "Ibero-American" (three tokens, the hyphen one of them): a continent's adjective."""
    before = start - 2 if start - 2 >= sentence_start and doc[start - 1].text == "-" else start - 1
    return before >= sentence_start and doc[before].text.rstrip("-") in CONTINENT_BEFORE


def _gazetteer_mentions(sent: Span, index: int, gaz: Gazetteer, matchers: Matchers) -> list[Mention]:
    found = []
    doc = sent.doc
    for match_id, start, end in matchers.names(doc[sent.start:sent.end]):
        label = doc.vocab.strings[match_id]
        span = doc[start:end]  # PhraseMatcher gives document offsets, even for a span
        text = span.text
        if label == "AGENCY":
            found.append(Mention(text, "Organization", index, span.start_char, span.end_char))
            continue
        table = {"NAME": gaz.names, "ACRONYM": gaz.acronyms, "ADJECTIVE": gaz.adjectives,
                 "CAPITAL": gaz.capitals, "CITY": gaz.cities}[label]
        if label == "CAPITAL" and text in gaz.names:
            continue  # "Singapore", "Kuwait": the country's name first
        if label == "ADJECTIVE" and end < sent.end and doc[end].lower_ in NOT_NATIONALITY_AFTER:
            continue  # "French fries" are no statement about France
        if label in ("NAME", "ACRONYM", "ADJECTIVE") and end < sent.end and _a_currency_after(doc, end):
            continue  # "US$30 million", "US $1 billion", "a billion US dollars": the currency, not the country
        if label == "ADJECTIVE" and _continent_before(doc, start, sent.start):
            continue  # "the Latin American country", "South American markets": a continent's, not a country's
        key = table[text]
        if label in ("NAME", "ACRONYM") and gaz.kind_of(key) == "InternationalOrganization" and end < sent.end \
                and doc[end].ent_iob_ == "I" and (
                ORGANIZATION_HEAD.fullmatch(doc[end].text) or COMPANY_CUES.fullmatch(doc[end].text)):
            continue  # "the Commonwealth Bank of Australia", "the EU Chamber of Commerce": the name the NER reads on
        via = {"NAME": "name", "ACRONYM": "acronym", "ADJECTIVE": "adjective", "CAPITAL": "capital",
               "CITY": "city"}[label]
        if label == "CAPITAL" and not _acts_as_subject(span):
            via = "city"  # a capital is the country only where it acts ("Berlin supports ..."); other cities never
        found.append(Mention(text, gaz.kind_of(key), index, span.start_char, span.end_char, key, via))
    return _longest(found)


def _a_currency_after(doc: Doc, end: int) -> bool:
    """"US dollars", "US$", "US 2 million" (a year is no amount: "the US 2024 election")."""
    following = doc[end]
    return following.lower_ in ("dollar", "dollars", "$") or following.text[:1].isdigit() and not re.fullmatch(
        r"(?:19|20)\d\d", following.text)  # not "with India six years ago", "Philippines two-way trade"


def _acts_as_subject(span: Span) -> bool:
    return any(tok.dep_ in ("nsubj", "nsubjpass") for tok in span)


def _longest(items: list, start=lambda m: m.start, end=lambda m: m.end) -> list:
    """Of overlapping matches keep the longest ("South Korea", not "Korea"; "the Commonwealth of
    Independent States", not "the Commonwealth"), in text order."""
    result: list = []
    taken: list[tuple[int, int]] = []  # the kept spans, in order: only a kept span's neighbours can overlap
    for item in sorted(items, key=lambda m: (start(m) - end(m), start(m))):
        s, e = start(item), end(item)
        i = bisect.bisect_left(taken, (s, s))
        if not (i and taken[i - 1][1] > s or i < len(taken) and taken[i][0] < e):
            taken.insert(i, (s, e))
            result.append(item)
    return sorted(result, key=start)


NAME_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:Board|Chairman|Chair|President|Rector|Head|Members?|Management|"
                         r"Director|Directors|Council)\s+of\s+(?:the\s+)?)?", re.IGNORECASE)
NOT_AN_ORGANIZATION = re.compile(
    r"\b(Initiative|Partnership|Scheme|Agreement|Programme|Program|Strategy|Bridge|Corridor|Route|Meeting|Summit|"
    r"Forum|Conference|Week|Plan|Project|Pipeline|Declaration|Treaty|Accord|Act|Roadmap|Framework|Vision|Zone|"
    r"Exhibition|Expo|Festival|Games|Cup|Day|Year|Award|Prize|Visa|Road|Highway|Railway Line|Port|Airport|"
    r"Regulations?|Rules|Law|Jubilee|Anniversary|Plant|Power Station|Satellite|Dam|Refinery|Membership|Presidency|"
    r"Visit|Tour|Trip|Deal|Gateway|Tariff|Tunnel|Province|Prefecture|Governorate|Oblast|"
    r"Staff)s?\.?(?:\s+\d{4})?$")  # plurals too: "Related Summits", "Economic Zones"; "Vision 2030"
# "the Bor copper mine", "Rwanda's new Bugesera airport", "the Dukovany nuclear plant": a name that only
# qualifies a site is the site's place, not an organisation or a person.
NAMES_A_SITE = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]*)?\s+(?:(?:(?:copper|gold|coal|iron|iron ore|lithium|nickel|uranium|oil|gas|"
    r"industrial|economic|free|international|container|deep-?sea|deep-?water|offshore|onshore|new)\s+){0,3}"
    r"(?:mines?|fields?|oilfields?|gasfields?|deposits?|airport|port|dam|industrial park|zone|corridor|basin|"
    r"reservoir|block|valley|district|province|county|harbou?r)|(?:[\w-]+\s+)?(?:nuclear|thermal|hydropower|"
    r"hydroelectric|geothermal|wind|solar|coal-fired|gas-fired)\s+(?:power\s+)?(?:plant|station|farm|park))\b")
SITE_OF_ITS_OWN = re.compile(r"\b(?:its|their)\s+(?:new\s+)?$")  # "BYD's ... its Bahia plant": where it is
SITE_AFTER_ITS = re.compile(r"\s+(?:plant|factory|facility|facilities|site|complex|operations|unit|works|mill)\b")
GENERIC_WORDS = {"Government", "Party", "Parliament", "Ministry", "Cabinet", "Embassy", "Senate", "Congress",
                 "Commission", "Council", "Agency", "Bank", "Group", "Company", "Administration", "State",
                 "Kingdom", "Republic", "Federation", "Union", "Presidency", "Office", "Department", "Board",
                 "Directors", "Management", "Trustees", "Committee", "Chamber", "Centre", "Center", "Association",
                 "Foundation", "Institute", "Authority", "Fund"}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a name without what NER glues to it: "the", "Board of", a possessive,
    "Uzbek company", a dangling "of"/"and" or an unclosed parenthesis."""
    span = text[start:end]
    lead = re.match(r"(?:(?:the|The)\s+)?", span).end()
    # "Kuwait Petroleum Corporation's (KPC) Kuwait Petroleum International": a second name, unless only a legal
    # form follows ("Xuzhou Construction Machinery Group (XCMG) Company Limited" is one)
    lead += re.match(r"(?:[A-Z][A-Z0-9&.-]{1,11}\)\s+(?=[A-Z])(?!(?:Company|Co|Limited|Ltd|Inc|Corporation|Corp|"
                     r"Group|LLC|PLC|Plc|JSC|GmbH|AG|SA)\b))?", span[lead:]).end()
    # "CAPW (Construction Authority for ...": the acronym before the name, in an unclosed bracket
    lead += re.match(r"(?:[A-Z][A-Z0-9&]{1,9}\s+\((?=[A-Z][a-z]+\s[^()]*$))?", span[lead:]).end()
    lead += NAME_PREFIX.match(span[lead:]).end()
    # "(MENAFN- Jordan News Agency)": a feed's; "DUBLIN — Charles Flanagan": a dateline's shouted city
    lead += re.match(r"(?:[A-Z]{3,}(?:,?\s+[A-Z]{2,}){0,2}\s*[-–—]+\s+(?=[A-Z]))?", span[lead:]).end()
    lead += re.match(r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}-based\s+(?=[A-Z]))?", span[lead:]).end()  # "Delhi-based X"
    company = re.match(r"[A-Z][a-z]+\s+(?:company|firm|group|bank|developer|businesses|companies)\s+", span[lead:])
    if company:
        lead += company.end()
    tail = re.search(r"(?:['’]s|\s+\([^()]*|\s+(?:of|and|for|&|Dr|Mr|Mrs|Ms)\.?|\s+[-–—]\s+[a-z].*|"  # "X - signed"
                     r"\s+and\s+(?:Head|Chairman|Minister|Director|Member|President|Deputy)|"
                     r"(?<=[A-Za-z])(?:\s+(?!(?:group|company|bank)$)[a-z]+)+)$", span[lead:])  # "X holds": a verb
    cut = lead + tail.start() if tail else len(span)
    owner = re.search(r"\s?['’]s\s+(?=[A-Z]{3}\s|\d|[a-z])", span)  # "Eroglu Holding ’s USD 40": the name ends
    if owner and owner.start() > lead:
        cut = min(cut, owner.start())
    honoured = re.search(r"\s+and\s+(?:(?:His|Her)\s+(?:Excellency|Highness|Majesty)|H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|"
                         r"Dr\.?)(?=\s|$)", span)
    if honoured:  # "the Government of Maldives and His Excellency X": the name ends before the person
        cut = min(cut, honoured.start())
    while cut > lead and span[cut - 1] in " ,.;:\"“”'(":
        cut -= 1
    return start + lead, start + max(cut, lead)


DIPLOMATIC_POST = re.compile(r"\b(?:Embassy|Consulate(?:[- ]General)?|High Commission|Permanent Mission|Mission|"
                             r"Trade Office|Trade Commission)(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*"
                             r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*)*)?$")  # "Embassy of the Republic of Korea"
POST_AFTER_COUNTRY = re.compile(r"\s+(?:Embassy|Consulate(?:[- ]General)?|High Commission)\b")
# where a post abroad is: "in Accra", "to Ecuador", "in the U.S."
POSTED_AT = re.compile(r"\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\.[A-Z]\.?)*(?:\s+[A-Z][\w-]*){0,2}")


def _extended_end(text: str, start: int, end: int) -> int:
    """NER often stops an organisation's name early: "Institute for Peace | and Diplomacy",
    "Ministry of Foreign Affairs | of Japan"."""
    name, following = text[start:end], text[end:]
    posted = POSTED_AT.match(following)
    if posted and DIPLOMATIC_POST.search(name):  # "the United States Embassy in Accra", "Uganda Consulate in Mombasa"
        return end + posted.end()
    more = re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*", following)
    if more and ORGANIZATION_HEAD.search(name):
        return end + more.end()
    if re.search(r"\b(for|of|on)\b", name):
        more = re.match(r"\s+(?:and|&)\s+(?!(?:His|Her|Mr|Mrs|Ms|Dr)\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", following)
        if more and not re.match(r"\s+of\b", following[more.end():]):
            return end + more.end()
    return end


@lru_cache(maxsize=1)
def _title_after_name() -> re.Pattern:
    """", chief economist at", ", the rector of": a name followed by a title is a person's."""
    titles = sorted(load_gazetteer().titles, key=len, reverse=True)
    return re.compile(r"^\s*,\s+(?:who\s+(?:is|was|has been|serves as|served as|works as)\s+(?:also\s+|now\s+)?)?"
                      r"(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?(?:" +
                      "|".join(re.escape(t) for t in titles) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=64)  # asked once a sentence of the same paragraph
def _shouted(line: str) -> bool:
    """"VICE MINISTER CHOI JONGMOON VISITS OMAN": in a line in capitals the NER and the title rules find names in
    every word ("CHOI JONGMOON VISITS OMAN", "GERMAN", "OPENS")."""
    letters = sum(map(str.isalpha, line))
    return letters >= 12 and sum(map(str.isupper, line)) >= 0.9 * letters


@lru_cache(maxsize=1)
def _title_before_a_body() -> re.Pattern:
    """"Director General at the Kuwaiti ": a title, then the body it is held at, called by its noun next."""
    titles = sorted(load_gazetteer().titles, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\s+(?:at|of|with)\s+the\s+"
                      r"(?:[A-Z][\w-]*\s+)?$", re.IGNORECASE)


def _is_title_line(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if not words or sentence_text(sent).rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return capitalised / len(words) > 0.6


PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Commissioner|Secretary of State)\s+(?:of|for)\s+(?:the\s+)?$",
                       re.IGNORECASE)


# "the Ministries of Foreign Affairs of A and B": several bodies, none named
PLURAL_BODIES = re.compile(r"(?:Ministries|Embassies|Governments|Parliaments|Agencies|Universities|Chambers)\b")
NOUN_OPENING_A_NAME = re.compile(r"(Conglomerate|Firm|Company|Carmaker|Automaker|Drugmaker|Miner|Lender|Insurer|"
                                 r"Retailer|Steelmaker|Shipbuilder|Broadcaster|Giant)\s+(?=[A-Z])")
ADDRESS = re.compile(r"(?:(?:Mr|Ms|Mrs|Mme|Madam|Madame|Dr|Prof)\.?\s+(?=[A-Z]))?")
LONE_ADDRESS = re.compile(r"(?:Mr|Ms|Mrs|Mme|Madam|Madame|Dr|Prof|Sir)\.?")
PERSONAL_HONORIFIC = re.compile(r"(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Madam|(?:His|Her)\s+Excellency|Hon\.?|Adv\.|"
                                r"(?:(?:[Tt]he|Most|Right|Rt\.?)\s+)?Honou?rable)\s+(?=[A-Z])")
LONG_LIST_BEFORE = re.compile(r"(?:[A-ZÀ-Þ][\w&.'’-]*(?:\s+[A-ZÀ-Þ][\w&.'’-]*)*,\s*){3}$")  # "A, B, C, " before
LIST_CUE_BEFORE = re.compile(r"\b(?:such as|including|represented by|among them|namely)\s+(?:the\s+)?"
                             r"(?:[A-Z][^.;:]*,\s*)?$")


def _ner_mentions(sent: Span, index: int, gaz: Gazetteer, headline: bool) -> list[Mention]:
    """People and organisations from spaCy's NER, cleaned and typed; a title-case headline
    confuses the NER ("Canada Discuss Potential"), so it gives none."""
    found: list[Mention] = []
    if headline and _is_title_line(sent):
        return found
    text = doc_text(sent.doc)
    for ent in _one_person_across_a_space(sent):
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start, end = _trim(text, _given_names_before(ent, sent, gaz), ent.end_char)
        if LONE_ADDRESS.fullmatch(text, start, end):
            continue  # "GNA - Madam", the NER's organisation, is a dateline's agency and the next name's "Madam"
        label = ent.label_
        addressed = PERSONAL_HONORIFIC.match(text[start:end])
        if label == "ORG" and addressed and len(text[start + addressed.end():end].split()) >= 2:
            label = "PERSON"  # "H.E. Yoon Suk Yeol": only a person is addressed so, whatever the NER says
        if label == "ORG":
            end = _extended_end(text, start, end)
        else:
            start += PERSON_PREFIXES.match(text[start:end]).end()
            start += ADDRESS.match(text[start:end]).end()  # "Ms McNamara": no one's name starts with "Ms"
        previous = sent.doc[ent.start - 1].text.lower() if ent.start > sent.start else ""
        noun = NOUN_OPENING_A_NAME.match(text, start, end)
        if label == "ORG" and noun:  # "Conglomerate Hitachi wants to ...": the noun opening a sentence is no name's
            start, previous = noun.end(), noun.group(1).lower()
        if label == "ORG" and PORTFOLIO.search(text[:start]):
            continue  # "Minister of Mining and Energy": a portfolio, not an organisation
        if text[start:end].isupper() and (text[start:end].title() in gaz.capitals
                                          or text[start:end].title() in gaz.cities):
            continue  # "MINSK, (BelTA) -": a dateline's city, not an organisation
        parts = [(start, end)]
        if label == "ORG" and re.fullmatch(r"[A-Z][^,]*(?:,\s+[A-Z][^,]*)+", text[start:end]):
            # "Safarilink, Equity Bank": a list the NER read as one name
            parts = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,]+", text[start:end])]
            parts = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in parts]
            if re.search(r"\b(?:of|for)\b", text[parts[0][0]:parts[0][1]]) or any(
                    text[a:b].split()[0].lower() in gaz.portfolio_words for a, b in parts[1:]):
                parts = [(start, end)]  # "Ministry of Development, Industry, Trade and Services" is one name
            last = re.fullmatch(r"(?:and\s+)?(?P<a>.+?)\s+and\s+(?P<b>[A-Z].*)", text[slice(*parts[-1])])
            if len(parts) > 1 and last:  # "Emaar, Limitless and Tameer": the list's last two, joined by "and"
                a, b = parts.pop()
                parts += [(a + last.start("a"), a + last.end("a")), (a + last.start("b"), b)]
        last_two = re.fullmatch(r"(?P<a>[A-Z][^,]*?)\s+and\s+(?P<b>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)",
                                text[start:end])
        if label == "ORG" and last_two and re.search(r",\s*$", text[:start]) and not re.search(
                r"\b(?:of|for)\b", last_two.group("a")) and (COMPANY_CUES.search(last_two.group("b").split()[-1])
                                                            or LONG_LIST_BEFORE.search(text[:start])):
            # "..., Orient Group, Murad Buildings and Asklepiy Group": the end of a list, read as one name
            parts = [(start, start + last_two.end("a")), (start + last_two.start("b"), end)]
        both = re.fullmatch(r"(?P<a>[A-Z][^,]*?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][^,]*)", text[start:end])
        listed = LIST_CUE_BEFORE.search(text[:start])
        if label == "ORG" and len(parts) == 1 and both and all(
                (len(both.group(g).split()) >= 2 or listed) and (
                    listed or organization_kind(both.group(g)) != "Organization"
                    or ORGANIZATION_HEAD.search(both.group(g))) for g in "ab") \
                and both.group("b").split()[0].lower() not in gaz.portfolio_words \
                and both.group("a") != both.group("b"):
            # "the University of Nairobi and Kyoto University", "represented by Navoi Copper and Samarkand
            # Motors", "among them Zentiva and Kiprosa": two named organisations, read as one
            parts = [(start, start + both.end("a")), (start + both.start("b"), end)]
        for part_start, part_end in parts:
            mention = _typed_mention(text, part_start, part_end, label, previous, index, gaz)
            if mention:
                found.append(mention)
    return found


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of a title or an honorific ("General" of "Major General", "Excellency", "Staff" of "Chief of
    Staff"): never a given name."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", HONORIFIC_WORD)}
    words |= {w for title in load_gazetteer().titles for w in title.split()}
    return frozenset(words | {"samdech", "techo", "seri", "sri", "tan"})


def _one_person_across_a_space(sent: Span) -> list[Span]:
    """"Moutaz Mohamad | Raslan Al-Khayyat": two people the NER found with only a space between them are one
    long name; nobody writes two people's names without a comma or an "and"."""
    merged: list[Span] = []
    for ent in sent.ents:
        previous = merged[-1] if merged else None
        if previous is not None and previous.label_ == ent.label_ == "PERSON" and ent.start == previous.end \
                and previous.doc[previous.end - 1].whitespace_ == " ":
            merged[-1] = Span(sent.doc, previous.start, ent.end, label="PERSON")
        else:
            merged.append(ent)
    return merged


def _given_names_before(ent: Span, sent: Span, gaz: Gazetteer) -> int:
    """"Shri Amardeep Singh Bhatia" where the NER found "Singh Bhatia": proper nouns the parse attaches to
    the name, written straight before it, are its given names (not honorifics, titles or places)."""
    if ent.label_ != "PERSON":
        return ent.start_char
    doc, i = ent.doc, ent.start
    while i - 1 >= sent.start:
        token = doc[i - 1]
        if token.pos_ != "PROPN" or token.dep_ != "compound" or not ent.start <= token.head.i < ent.end \
                or not token.text[:1].isupper() or not token.text.isalpha() \
                or token.text.lower() in _title_words() or token.text.lower() in gaz.titles \
                or token.text in gaz.names or token.text in gaz.adjectives or token.text in GENERIC_WORDS \
                or token.text.lower() in gaz.portfolio_words:
            break
        i -= 1
    return doc[i].idx


def _names_a_body(words: str, gaz: Gazetteer) -> bool:
    """"Electricity Authority", "Chamber of Commerce", "Esports Federation": the rest of a name after a
    country is an organisation's, not a person's."""
    return bool(ORGANIZATION_HEAD.search(words) or COMPANY_CUES.search(words)) or any(
        w.lower() in gaz.portfolio_words for w in words.split())


def _without_glued_country(name: str, gaz: Gazetteer) -> int:
    """The length of a name without a country the NER or a pattern glued to its end: "Ministry of Energy of
    Chile | and Norway's Ministry", "the tour operator Alpitour | and Germany's TUI Group"."""
    if name in gaz.names:
        return len(name)
    for glued in reversed(list(re.finditer(r"\s+and\s+", name))):  # the last "and": "Energy and Petroleum and Japan"
        rest = re.sub(r"['’]s$", "", name[glued.end():])
        if rest in gaz.names or rest in gaz.adjectives:  # "Kakuzi and Japanese | retailer Aeon" too
            return glued.start()
    return len(name)


# a caption's credit, not a name: "VNA/VNS Photo", "VNS Photo Khanh Van", "Julia Herzog / Wikimedia"
PHOTO_CREDIT = re.compile(r"\bPhotos?\b|/\s*(?:Wikimedia|Getty|AFP|Reuters|AP|Shutterstock|Xinhua|VNA)\b")
COMPANY_TAIL = re.compile(r"(?:\s+" + COMPANY_CUES.pattern.removeprefix(r"\b") + r")+(?![\w&-])")
PATRONYMIC = re.compile(r"bin|ibn|bint|ben")  # a title word before it is a given name: "Sultan bin Saad"
HYPHENED_TAIL = re.compile(r"-[A-Z][\w]*(?:-[A-Z][\w]*)*(?![\w-])")  # "Mota | -Engil": the NER stopped at a hyphen


def _typed_mention(text: str, start: int, end: int, label: str, previous: str, index: int,
                   gaz: Gazetteer) -> Mention | None:
    """Decide what an NER name is, or that it is no entity of ours (a city, an initiative, a dateline)."""
    end = start + _without_glued_country(text[start:end], gaz)
    glued = HYPHENED_TAIL.match(text, end)
    if glued and text[end + 1:glued.end()] not in gaz.names and text[end + 1:glued.end()] not in gaz.adjectives:
        end = glued.end()
    name = text[start:end]
    if not name or not name[0].isupper() or name in GENERIC_WORDS or name in gaz.not_names:
        return None
    if name in gaz.adjectives or name in gaz.names or name in gaz.acronyms or (
            name.rstrip(".") in gaz.capitals or name.rstrip(".") in gaz.cities) and previous not in COMPANY_NOUNS:
        return None  # but "the company Toyota"; and "Kuala Lumpur." with the sentence's full stop is the city
    if name.lower() in gaz.concept_labels or name.lower() in gaz.titles:
        return None
    if name.isupper() and (len(name) > 6 or " " in name):
        return None  # a dateline: "ISLAMABAD", "ABU DHABI"
    if NOT_AN_ORGANIZATION.search(name) or PLURAL_BODIES.match(name) or PHOTO_CREDIT.search(name):
        return None
    expanded = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*\($", text[:start])
    if name.isupper() and expanded and NOT_AN_ORGANIZATION.search(expanded.group(1)) and text[end:end + 1] == ")":
        return None  # "the EU-Vietnam Free Trade Agreement (EVFTA)": the acronym of no organisation
    if not COMPANY_CUES.search(name) and (NAMES_A_SITE.match(text, end) or SITE_OF_ITS_OWN.search(text[:start])
                                          and SITE_AFTER_ITS.match(text, end)):
        return None
    government = re.match(r"(?:Government|Governments)\s+of\s+(?:the\s+)?(?P<country>.+)$", name)
    if government and government.group("country") in gaz.names:
        return None  # "the Government of India" is the country acting, as the gold and readers take it
    adjective = re.match(r"(?P<country>.+?)\s+(?:Government|Administration|Cabinet)$", name)
    if adjective and (adjective.group("country") in gaz.adjectives or adjective.group("country") in gaz.names):
        return None  # "the Vietnamese Government" too
    if re.match(r"Joint\s", name) or name.startswith("Government House"):
        return None  # "Joint Working Group", "Joint Ministerial Commission": a meeting of the two, no body
    words = name.split()
    given = {i for i, w in enumerate(words[:-1]) if PATRONYMIC.fullmatch(words[i + 1])}  # "Sultan bin Saad"
    lower = name.lower().split()
    if any(" ".join(lower[:n]) in gaz.titles for n in range(1, len(lower))) and 0 not in given:
        return None  # "Minister of Economic Development and Trade" is a title
    for n in (3, 2, 1):  # "Azerbaijan Cahit Bağcı": a country glued to a person's name
        head = " ".join(words[:n])
        rest = name[len(head):].lstrip()
        if len(words) > n + 1 and (head in gaz.names or head in gaz.adjectives) and \
                organization_kind(name) == "Organization" and not _names_a_body(rest, gaz):
            return Mention(rest, "Person", index, end - len(rest), end)
    kind = "Person" if label == "PERSON" else organization_kind(name)
    tail = COMPANY_TAIL.match(text, end) if kind == "Person" else None
    if tail:  # "Uchumi Supermarkets plans ...": the NER cut a company's name before its last word, read a person
        name, end, kind = text[start:tail.end()], tail.end(), "Company"
        words = name.split()
    if kind == "Person" and ORGANIZATION_HEAD.search(name):
        kind = organization_kind(name)  # "Agence Marocaine De Presse" is no person
    if kind == "Organization" and previous in gaz.titles and 2 <= len(words) <= 4:
        kind = "Person"  # "President Kassym-Jomart Tokayev's meetings": a title announces a person
    if kind == "Person" and (COMPANY_CUES.search(name) or previous in COMPANY_NOUNS
                             and not _title_before_a_body().search(text[:start - len(previous) - 1])
                             and not _title_after_name().match(text[end:])  # "a Polish investor, X, Chairman of"
                             and not WHO_AFTER.match(text, end)):  # "the investor X, who owns": a person
        kind = "Company"
    elif kind == "Organization" and previous in COMPANY_NOUNS:
        kind = "Company"
    elif kind == "Organization" and len(words) >= 2 and _title_after_name().match(text[end:]):
        kind = "Person"
    if kind == "Person" and len(words) > 2 and words[-1] in POST_NOMINALS:  # "Laurence Robertson MP"
        name, words = name[:name.rindex(" ")], words[:-1]
        end = start + len(name)
    if kind == "Person" and (len(words) > 5 or any(w.lower() in gaz.titles and i not in given
                                                   and not (w in NAME_LIKE_TITLES and 0 < i < len(words) - 1)
                                                   for i, w in enumerate(words))):
        return None  # but "Omar Sultan Al Olama": a ruler's title inside a name is a word of it
    if kind == "Person" and ORGANIZATION_HEAD.search(name):
        kind = organization_kind(name)  # "Agence Marocaine De Presse, the ambassador said" is still no person
    return Mention(name, kind, index, start, end)


PROPER_RUN = re.compile(  # "Concha y Toro", "Banco do Brasil": the particles that join a name's parts
    r"(?:[A-Z][\w&.+-]*(?:\s+(?:of|for|and|de|y|do|da|del|di)\s+|\s+)){0,5}[A-Z][\w&.+-]*")


ORGANIZATION_NOUN = COMPANY_NOUN
# a name in quotation marks, as news translated from French or Russian writes it: "CNTIC/LPEC", «Rosatom», 'Limak'
QUOTED_NAME = r"(?:[\x22“«]|(?<!\w)['‘])(?P<quoted>[A-Z][^\x22“”«»‘’'\n]{0,50}?)(?:[\x22”»’]|'(?!\w))"
# a word with capitals inside it is a brand's, not a person's or a place's ("McKinsey" and "DeSantis" aside)
CAMEL_CASE_NAME = re.compile(r"\b(?!(?:Mc|Mac|De|Le|La|Di|Du|Da|Van|Von|St|Kwa|Al|El)[A-Z])"
                             r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+(?:\s+(?:LLP|LLC|JSC|PJSC|Ltd|Inc|AG|SA|Group))?\b(?![-’'])")


# the officers only a company (or a body) has, before the name of what they head
OFFICER_OF = (r"(?:CEO|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?|[Mm]anaging\s+[Dd]irector|[Gg]eneral\s+[Mm]anager|"
              r"[Cc]hairman|[Cc]hairwoman|[Cc]hairperson|[Cc]o-?[Ff]ounder|[Ff]ounder)\s+of")


@dataclass(frozen=True)
class _Apposition:
    regex: re.Pattern[str]
    needs: re.Pattern[str]  # a word every match has


@lru_cache(maxsize=1)
def _appositions() -> list[tuple[_Apposition, str]]:
    """Names known by what is said of them beside a comma, each with the kind it gives."""
    owner = (r"(?:a|an|the|its|their|the\s+(?:country|kingdom|republic|state)['’]s|"
             r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s)")
    acronym = r"(?:\s*\([A-Z][\w&.-]{1,12}\))?"
    appositions = [
        # not "X, Japan's top diplomat"
        (r"(" + PROPER_RUN.pattern + r"),\s+(?:[\w ]+?(?:'s|’s)\s+)?(?:largest|leading|biggest|major|main|top)\b"
         r"(?!\s+(?:diplomat|official|envoy|negotiator|leader|executive|trade official|economist|adviser|advisor|"
         r"lawmaker|general|commander|judge|expert|scientist|player|athlete))", "Company"),
        # not "X, the Moroccan phosphate group OCP and ...": that is a list of names
        (r"(" + PROPER_RUN.pattern + r")" + acronym + r",\s+" + owner + r"\s+(?:(?!of\b)[\w-]+\s+){0,4}?"
         + ORGANIZATION_NOUN + r"\b(?!\s+[A-Z])", "Company"),  # "Petrobras, Brazil's state oil company,"
        # "Export Development Canada (EDC), the country's export credit agency,"
        (r"(" + PROPER_RUN.pattern + r")" + acronym + r",\s+" + owner + r"\s+(?:(?!of\b)[\w-]+\s+){0,4}?"
         r"(?:agency|authority|regulator|body|institution|council)\b(?!\s+[A-Z])", "GovernmentBody"),
        # "and Koton, which runs four stores in Accra": what only a business does, in a relative clause
        (r"(" + PROPER_RUN.pattern + r"),\s+which\s+(?:also\s+|now\s+|already\s+)?(?:has\s+)?(?:runs?|operates?|"
         r"operated|owns?|owned|opened|builds|built|produces|produced|makes|manufactures|manufactured|supplies|"
         r"supplied|sells|sold|exports|exported)\b", "Company"),
        # "Another major Vietnamese group, Hoang Anh Gia Lai, has ...": the name apposed to a nationality's noun
        # "Israel's national water company, Mekorot, is ...": a country's, with words of its trade between
        (r"\b[A-Z][a-z]+(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}?" + ORGANIZATION_NOUN + r",\s+(" + PROPER_RUN.pattern
         + r"),", "Company"),
        # "Greenko, based in India,": only an organisation is based somewhere in an apposition
        (r"(" + PROPER_RUN.pattern + r"),\s+(?:which is\s+)?(?:based|headquartered)\s+in\s+[A-Z]", "Company"),
        # "X, managing director of Sarytogan Graphite, said": what a company's officer heads is no person
        (r"\b" + OFFICER_OF + r"\s+(?:the\s+)?(" + PROPER_RUN.pattern + r")(?=\s*(?:[,.;]|$))", "Organization"),
    ]
    needs = [r"\b(?:largest|leading|biggest|major|main|top)\b", r"\b" + ORGANIZATION_NOUN + r"\b",
             r"\b(?:agency|authority|regulator|body|institution|council)\b", r",\s+which\b",
             r"\b" + ORGANIZATION_NOUN + r",", r"\b(?:based|headquartered)\s+in\b", r"\b" + OFFICER_OF]
    return [(_Apposition(re.compile(pattern), re.compile(need)), kind)
            for (pattern, kind), need in zip(appositions, needs, strict=True)]


WHO_AFTER = re.compile(r"\s*,\s*who\b")  # a relative clause of a person's: "X, who owns", never "X, which owns"


def _pattern_mentions(sent: Span, index: int) -> list[Mention]:
    """Companies the NER misses: "company X", "the Italian energy major X", "X, a French nuclear fuel
    company,", "X, Kazakhstan's largest bank"."""
    found = []
    text = sentence_text(sent)
    gaz = load_gazetteer()
    for m in re.finditer(r"(?:\b" + ORGANIZATION_NOUN + r"|\b(?P<place>[A-Z][\w ]*?)-(?:based|headquartered))"
                         r"\s+(?:" + QUOTED_NAME + r"|[\x22“]?(?P<name>" + PROPER_RUN.pattern + r"))",
                         text):  # "Johannesburg-headquartered X", 'the Chinese consortium "CNTIC/LPEC"', "company «X»"
        if m.group("place") and not any(m.group("place") in table for table in (gaz.capitals, gaz.cities, gaz.names)):
            continue  # not "Shore-based Anti-Ship Missile"
        group = "quoted" if m.group("quoted") else "name"
        # "Deputy Director General at the Kuwaiti fund X", "the investor X, Chairman of Y", "the investor X, who
        # owns 45% of Y": a person
        if _title_before_a_body().search(text[:m.start()]) or _title_after_name().match(text[m.end(group):]) \
                or WHO_AFTER.match(text, m.end(group)):
            continue
        start, end = _trim(doc_text(sent.doc), sent.start_char + m.start(group), sent.start_char + m.end(group))
        end = start + _without_glued_country(doc_text(sent.doc)[start:end], gaz)
        if end > start:
            found.append(Mention(doc_text(sent.doc)[start:end], "Company", index, start, end))
    plural = r"\b" + COMPANY_NOUN_PLURAL + r"(?:\s*,\s*(?:among them|among others|notably|namely|including)\s+|" \
             r"\s*:\s*|\s+(?:[a-z][\w-]*\s+){0,6}?(?:include|includes|included)\s+|" \
             r"\s+(?:such as\s+|like\s+|including\s+|as\s+)?)"  # "Other companies on show at the pavilion include"
    # "about 55 Mexican firms operate in Colombia, among them: A (AC), B and C": the list may come later
    plural += r"|\b" + COMPANY_NOUN_PLURAL + r"\b[^.;:()]{0,100}?,\s*(?:among them|among others|notably|namely)\s*:\s*"
    single_word = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
    item = single_word + r"(?:\s*\([A-Z][\w&.-]{1,12}\))?"
    for m in re.finditer("(?:" + plural + r")(" + item + r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)" + item + r")+)",
                         text):  # "the multinational groups Total, Orano and Alstom"
        for name in re.finditer(r"(?<!\()\b" + single_word, m.group(1)):
            start, end = _trim(doc_text(sent.doc), sent.start_char + m.start(1) + name.start(),
                               sent.start_char + m.start(1) + name.end())
            if end > start:
                found.append(Mention(doc_text(sent.doc)[start:end], "Company", index, start, end))
    quoted = r"[\x22“‘']?(" + single_word + r")[\x22”’']?"  # "A", ‘A’ or 'A'
    for m in re.finditer(r"\b(?:consortium|joint venture)\s+(?:of|between|formed by)\s+(?:the\s+)?(?:companies\s+)?"
                         + quoted + r"((?:\s*,\s*|\s+and\s+|,\s+and\s+)" + quoted + r")+", text):
        for name in re.finditer(single_word, m.group(0)[m.start(1) - m.start():]):  # "consortium of "A" and "B""
            begin = m.start(1) + name.start()
            start, end = _trim(doc_text(sent.doc), sent.start_char + begin, sent.start_char + begin + len(name.group()))
            if end > start and not any(f.start == start for f in found):
                found.append(Mention(doc_text(sent.doc)[start:end], "Company", index, start, end))
    for m in CAMEL_CASE_NAME.finditer(text):  # "QatarEnergy", "TotalEnergies", "SaryarkaAvtoProm LLP"
        start = sent.start_char + m.start()
        if not any(m.group() in table for table in (gaz.names, gaz.adjectives, gaz.cities, gaz.capitals)):
            found.append(Mention(m.group(), "Company", index, start, start + len(m.group())))
    found += _owned_by_a_country(sent, index, gaz)
    found += _headed_by_a_word(sent, index, gaz)
    found += _tailed_by_a_word(sent, index, gaz)
    for apposition, default in _appositions():
        if not apposition.needs.search(text):
            continue  # each pattern opens at any capital: without a word it needs, the scan is spared
        for m in apposition.regex.finditer(text):
            if _title_after_name().match(text[m.end(1):]):
                continue  # "a leading Polish investor, X, Chairman of Y": a person
            start, end = _trim(doc_text(sent.doc), sent.start_char + m.start(1), sent.start_char + m.end(1))
            name = doc_text(sent.doc)[start:end]
            if name and not NOT_AN_ORGANIZATION.search(name) and not any(f.start == start for f in found):
                kind = organization_kind(name)
                found.append(Mention(name, default if kind == "Organization" else kind, index, start, end))
    return [m for m in found if m.text not in gaz.not_names]  # "Also, Mexico has been Korea's largest partner"


@lru_cache(maxsize=1)
def _head_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?P<head>" + "|".join(map(re.escape, heads)) +
                      r")\s+(?P<country>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?![\w-])")


def _headed_by_a_word(sent: Span, index: int, gaz: Gazetteer) -> list[Mention]:
    """"Statistics Poland", "Business Sweden", "Air Canada": a word that names a kind of national body
    (data/gazetteer/country-name-heads.csv) before a country's name makes one organisation of both."""
    if not gaz.name_heads:
        return []
    found = []
    for m in _head_pattern(tuple(sorted(gaz.name_heads, key=len, reverse=True))).finditer(sentence_text(sent)):
        country = m.group("country")
        if not gaz.names.get(country, "").startswith("country:"):
            country = country.split()[0]  # "Business Sweden Director": the country is the first word
            if not gaz.names.get(country, "").startswith("country:"):
                continue
        start = sent.start_char + m.start()
        end = sent.start_char + m.start("country") + len(country)
        found.append(Mention(doc_text(sent.doc)[start:end], gaz.name_heads[m.group("head")], index, start, end))
    return found


@lru_cache(maxsize=1)
def _tail_pattern(tails: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?P<country>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?P<tail>"
                      + "|".join(map(re.escape, tails)) + r")(?![\w-])")


def _tailed_by_a_word(sent: Span, index: int, gaz: Gazetteer) -> list[Mention]:
    """"Turkish Airlines", "Kenya Power", "Vietnam News Agency": a country's name or its adjective before a word
    that names a kind of national body (data/gazetteer/country-name-tails.csv) makes one organisation of both."""
    if not gaz.name_tails:
        return []
    found = []
    for m in _tail_pattern(tuple(sorted(gaz.name_tails, key=len, reverse=True))).finditer(sentence_text(sent)):
        country = m.group("country")
        if not (gaz.names.get(country, "").startswith("country:") or country in gaz.adjectives):
            country = country.split()[-1]  # "the state-run Kenya Power": the country is the last word
            if not (gaz.names.get(country, "").startswith("country:") or country in gaz.adjectives):
                continue
        start = sent.start_char + m.end("country") - len(country)
        end = sent.start_char + m.end()
        found.append(Mention(doc_text(sent.doc)[start:end], gaz.name_tails[m.group("tail")], index, start, end))
    return found


OWNED_NAME = re.compile(r"\b(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+"
                        r"(?P<name>[A-Z][\w&.+-]*(?:\s+[A-Z][\w&.+-]*){0,2})")


def _owned_by_a_country(sent: Span, index: int, gaz: Gazetteer) -> list[Mention]:
    """"Russia's Gazprom", "Korea's Kogas": a name a country owns, where nothing else claims the words and no
    noun follows ("Kazakhstan's Kashagan field" is a place), is an organisation's."""
    found = []
    text, doc = sentence_text(sent), sent.doc
    for m in OWNED_NAME.finditer(text):
        if not gaz.names.get(m.group("owner"), "").startswith("country:"):
            continue
        words = m.group("name").split()
        # "South Korea's SK Innovation", "LG Chem": after a letter code of its own, a sector word is the name's
        coded = len(words) > 1 and re.fullmatch(r"[A-Z]{2,4}", words[0]) and words[0] not in gaz.names
        claimed = any(w in GENERIC_WORDS or w in gaz.names or w in gaz.adjectives or w in gaz.capitals
                      or w in gaz.cities or w.lower() in gaz.titles
                      or (w.lower() in gaz.portfolio_words or w.lower() in gaz.concept_labels) and not coded
                      or re.fullmatch(MONTH + "|" + WEEKDAY, w)
                      for w in words)
        claimed = claimed or any(" ".join(words[:n]).lower() in gaz.titles for n in range(2, len(words) + 1))
        if claimed or NOT_AN_ORGANIZATION.search(m.group("name")) \
                or re.match(r"\s+(?:and|&|of|for)\s+[A-Z]", text[m.end("name"):]):  # "China's Belt and Road ..."
            continue
        start, end = sent.start_char + m.start("name"), sent.start_char + m.end("name")
        span = doc.char_span(start, end)
        if span is None or span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN") \
                or all(t.ent_type_ == "PERSON" for t in span):  # "Russia's Putin": the NER's person stays one
            continue
        kind = organization_kind(m.group("name"))
        found.append(Mention(m.group("name"), "Company" if kind == "Organization" else kind, index, start, end))
    return found


ORGANIZATION_HEAD = re.compile(r"\b(?:Chamber|Association|Federation|Union|Board|Fund|Foundation|Agency|"
                               r"Centre|Center|Forum|Committee|Commission|Society|Bank|Alliance|Council|"
                               r"Authority|Organi[sz]ation|Institute|Office|Service|Corporation|Academy|"
                               r"Federation|Confederation|Council|Ministry|Embassy|High Commission|Agence|Agencia|"
                               r"Presse|Press|News|Department|University|Survey|Bureau|Directorate|Secretariat)\b")


def _named_after_countries(m: Mention, inner: list[Mention]) -> bool:
    """"France-Kazakhstan Chamber of Commerce", "Chamber of Commerce and Industry of Uzbekistan": a body
    named after the countries it serves keeps its whole name; a fragment such as "National Defence of
    Poland" (no word saying what kind of body it is) gives way to the country."""
    rest = m.text[max(g.end for g in inner) - m.start:]
    prefixed = min(g.start for g in inner) == m.start and len(re.findall(r"\b[A-Z]\w+", rest)) >= 2
    gaz = load_gazetteer()
    brand = min(g.start for g in inner) == m.start and re.fullmatch(r"\s+[A-Z][\w&-]+", rest) and not (
        rest.strip() in GENERIC_WORDS or rest.strip().lower() in gaz.portfolio_words
        or rest.strip().lower() in gaz.titles or rest.strip().lower() in _title_words()
        or rest.strip().lower() in gaz.concept_labels)  # "Saudi Aramco": a country and a brand
    head = m.text[:min(g.start for g in inner) - m.start].strip()
    suffixed = len(inner) == 1 and inner[0].end == m.end and re.fullmatch(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*", head) \
        and m.text[len(head):len(head) + 1] == " " \
        and not any(w in GENERIC_WORDS or w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles
                    or w.lower() in gaz.portfolio_words or w.lower() in _title_words() for w in head.split())
    # "Toyota Tsusho Africa", "Fanmilk Nigeria": a brand's subsidiary named after where it works
    return prefixed or bool(brand) or bool(suffixed) or bool(ORGANIZATION_HEAD.search(m.text))


def _merge(gazetteer: list[Mention], others: list[Mention], titled: frozenset[int] = frozenset()) -> list[Mention]:
    """Gazetteer matches win, except inside a longer organisation name ("Kazakh Invest") and at the end of
    a name a title announces ("Prime Minister Luis Montenegro": `titled` holds where such names start)."""
    result = list(gazetteer)
    for m in others:
        inner = [g for g in result if g.start >= m.start and g.end <= m.end]
        overlapping = [g for g in result if g.start < m.end and m.start < g.end and g not in inner]
        if overlapping:
            continue
        named = [g for g in inner if g.via != "city"]  # "Ningbo Lygend": a city in a name is part of it
        if m.kind == "Person" and m.start in titled and len(m.text.split()) >= 2 and all(
                g.end == m.end and g.start > m.start for g in named):
            named = []  # the surname a country shares
        if named and (m.kind == "Person" or organization_kind(m.text) == "Organization"
                      and m.kind not in ("Company", "GovernmentBody")  # typed by an apposition: "X, the agency"
                      and not _named_after_countries(m, named)):
            continue  # "National Defence of Poland": the country is what the text names ("Air Astana" is not)
        if any(o.start == m.start and o.end == m.end and not (o.via == "city" and m.kind == "Company")
               for o in result):
            continue  # but "Conglomerate Hitachi": a company named after a city is the company
        result = [g for g in result if g not in inner] + [m]
    return _longest(result)


def _relative(m: Mention, offset: int) -> Mention:
    return Mention(m.text, m.kind, m.sentence, m.start - offset, m.end - offset, m.key, m.via)


NAME_LIKE_TITLES = frozenset({"Sultan", "Emir", "Amir", "Sheikh", "Prince", "Malik", "Shah", "Khan"})


def _inside_a_name(text: str, title: tuple[str, int, int], gaz: Gazetteer) -> bool:
    """"Omar Sultan Al Olama": a ruler's title between two words of a name is a word of the name."""
    before = re.search(r"\b([A-Z][a-z]+)\s+$", text[:title[1]])
    return title[0] in NAME_LIKE_TITLES and before is not None and re.match(r"\s+[A-Z]", text[title[2]:]) is not None \
        and not any(before.group(1) in table for table in (gaz.names, gaz.adjectives, gaz.capitals, gaz.cities)) \
        and before.group(1).lower() not in gaz.titles and before.group(1) not in (
            "The", "His", "Her", "Crown", "Majesty", "Highness", "Excellency")  # "His Majesty Sultan X": a post


def _titles_serving_titles(text: str, titles: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"Secretary to the Prime Minister X", "Adviser to the President": one post, named by its first title,
    not a second prime minister or president."""
    result: list[tuple[str, int, int]] = []
    for title in titles:
        if result and re.fullmatch(r"\s+to\s+the\s+", text[result[-1][2]:title[1]]):
            result[-1] = (result[-1][0], result[-1][1], title[2])
        else:
            result.append(title)
    return result


def sentence_view(sent: Span, index: int, gaz: Gazetteer, matchers: Matchers, headline: bool = False
                  ) -> SentenceView:
    """Find everything the rules need in one spaCy sentence."""
    gazetteer = _gazetteer_mentions(sent, index, gaz, matchers)
    others = _ner_mentions(sent, index, gaz, headline)
    for found in _pattern_mentions(sent, index):  # a company noun types what the NER left vague
        same = [o for o in others if (o.start, o.end) == (found.start, found.end) and o.kind in ("Organization",
                                                                                                  "Person")]
        inside = [o for o in others if found.start <= o.start and o.end <= found.end]
        if same:
            others = [found if o is same[0] else o for o in others]
        elif not any(o.start < found.end and found.start < o.end for o in others):
            others.append(found)
        elif len(inside) >= 2 and all(o.kind in ("Organization", "Company", "Person") for o in inside) and not any(
                o.start < found.end and found.start < o.end and o not in inside for o in others) and not any(
                re.search(r",|\band\b|&", doc_text(sent.doc)[a.end:b.start])
                for a, b in zip(inside, inside[1:], strict=False)):
            others = [o for o in others if o not in inside] + [found]  # "the wine maker Concha y Toro": one name
    offset = sent.start_char
    doc = sent.doc
    text = sentence_text(sent)
    concepts: list[Concept] = []
    titles: list[tuple[str, int, int]] = []
    for match_id, start, end in matchers.lower(doc[sent.start:sent.end]):
        span = doc[start:end]  # PhraseMatcher gives document offsets, even for a span
        if doc.vocab.strings[match_id] == "CONCEPT":
            iri = gaz.concept_labels[span.text.lower()]
            concepts.append(Concept(iri, span.start_char - offset, span.end_char - offset,
                                    gaz.concepts[iri].is_commodity))
        else:
            titles.append((span.text, span.start_char - offset, span.end_char - offset))
    titles = _titles_serving_titles(text, [t for t in _longest(titles, start=lambda t: t[1], end=lambda t: t[2])
                                           if not re.match(r"\s+(?:" + PATRONYMIC.pattern + r")\s", text[t[2]:])
                                           and not _inside_a_name(text, t, gaz)])  # not "Sultan bin Saad"
    names = sorted(_relative(m, offset).start for m in gazetteer + [o for o in others if o.kind == "Person"])
    titles = [(t, start, _portfolio_end(text, t, end, names, gaz)) for t, start, end in titles]
    others = [_without_leading_title(o, offset, text, titles) for o in others
              if not _portfolio_not_a_name(_relative(o, offset), text, titles, gaz)]
    titled = frozenset(offset + t_end + after.end() for _, _, t_end in titles  # "Prime Minister, Luis Montenegro"
                       if (after := re.match(r"\s*,?\s*", text[t_end:])))
    mentions = _merge(gazetteer, others, titled)
    view = SentenceView(index, text, is_title=headline,
                        mentions=[_relative(m, offset) for m in mentions if m.via != "city"],
                        cities=[_relative(m, offset) for m in mentions if m.via == "city"])
    view.concepts = [c for c in _longest(concepts)
                     if not any(m.start <= c.start and c.end <= m.end for m in view.mentions)]
    view.titles = titles
    if view.places() or view.cities or THERE.search(text) or COUNTRY_ANAPHOR.search(text):  # read as places later
        view.relations = _relations(sent, matchers)
    view.mentions = _bodies_of_countries(view)
    view.mentions = _portfolio_lists_the_ner_cut(view, gaz)
    view.mentions = _ministries_the_ner_missed(view, gaz)
    view.mentions = _names_swallowed_by_bodies(view, gaz)
    view.mentions = _names_closing_bodies(view, gaz)
    view.mentions = _names_ending_in_a_country(view)
    view.mentions = _places_opening_names(view, gaz)
    view.mentions = _names_going_on_after_a_particle(view)
    view.mentions = _bodies_opening_list_lines(view)
    view.mentions = _list_ends_the_ner_joined(view, gaz)
    view.mentions = _one_name_across_and(view, gaz)
    view.mentions = _industries_joined_by_and(view)
    view.mentions = _legal_suffixes_after_a_comma(view)
    view.mentions = [_with_its_numeral(view, m) for m in view.mentions]
    view.mentions = [m for m in _names_cut_after_an_honorific(view)
                     if m.kind not in ORGANIZATION_KINDS or m.text not in GENERIC_WORDS]  # "of the Kingdom"
    view.mentions = _employers_the_ner_took_for_people(view, gaz)
    announced = _names_after_titles(view, gaz) + _name_opening_a_title_line(view, gaz)
    announced += _initialled_names_among_titled(view, gaz, announced)
    announced += _names_before_dashed_titles(view, gaz, announced)
    announced += _listed_names_before_apposed_titles(view, gaz, announced)
    announced += _names_after_honorifics(view, gaz, announced)
    announced += _organizations_after_titles(view, gaz, announced)
    announced += _acronyms_before_titles(view, gaz, announced)
    announced += _employers_before_titles(view, gaz, announced)
    view.mentions = sorted({(m.start, m.end, m.kind): m for m in view.mentions + announced}.values(),
                           key=lambda m: m.start)  # a name two rules announced is one mention
    view.mentions = sorted(view.mentions + _conjuncts_the_ner_missed(view, sent, gaz), key=lambda m: m.start)
    view.money = find_money(text)
    view.mentions = [m for m in view.mentions if not any(x.start <= m.start < x.end for x in view.money)
                     and not _only_a_portfolio(m, gaz) and not NO_NAME_AT_ALL.fullmatch(m.text)]
    view.years = find_years(text)
    view.parse = sent
    if _shouted(doc_text(sent.doc)):  # only the gazetteer's names are read in capitals
        view.mentions = [m for m in view.mentions if m.key is not None]
    return view


def _words_of(sent: Span) -> list[Word]:
    offset = sent.start_char
    return [Word(t.text, t.lemma_, t.pos_, t.dep_, t.head.i - sent.start, t.idx - offset,
                 t.idx - offset + len(t.text)) for t in sent]


LEGAL_SUFFIX_AFTER_COMMA = re.compile(r"\.?,\s*(?:Ltd|Limited|Inc|LLC|LLP|JSC|PJSC|Plc|PLC|GmbH|AG|S\.A|SA|Pvt)\b\.?")


def _legal_suffixes_after_a_comma(view: SentenceView) -> list[Mention]:
    """"CRRC Changchun Railway Vehicles Co., Ltd.": the NER ends the name at the comma and reads "Ltd" as a
    name of its own; the suffix is the name's."""
    result: list[Mention] = []
    swallowed: set[tuple[int, int]] = set()
    for m in view.mentions:
        suffix = LEGAL_SUFFIX_AFTER_COMMA.match(view.text, m.end) if m.kind in ORGANIZATION_KINDS else None
        if suffix and m.kind != "InternationalOrganization":
            end = m.start + len(view.text[m.start:suffix.end()])
            swallowed |= {(o.start, o.end) for o in view.mentions if o is not m and m.end <= o.start and o.end <= end}
            m = Mention(view.text[m.start:end], "Company", m.sentence, m.start, end, m.key, m.via)
        result.append(m)
    return [m for m in result if (m.start, m.end) not in swallowed]


# what a rule or the NER may take for a name but names no one: "In October", "H.H. Sheikh" (the honorifics alone)
NO_NAME_AT_ALL = re.compile(r"(?:In|On|By|Since|Until|From|Last|Next|Early|Late)\s+(?:" + MONTH + "|" + WEEKDAY
                            + r")\b.*|(?:" + HONORIFIC_WORD + r")(?:\s+(?:" + HONORIFIC_WORD + r"))*")


HONORIFIC_AND_A_WORD = re.compile(r"(?P<honorific>(?:" + HONORIFIC_WORD + r")\s+)+(?:[A-Z][\w'’-]*)?")


def _names_cut_after_an_honorific(view: SentenceView) -> list[Mention]:
    """"Datuk Seri | Zambry Abd Kadir", "Datuk Wan | Zaidi Wan Abdullah": the NER cut one name after its
    honorific; the person is the name without the honorific."""
    people = [m for m in view.mentions if m.kind == "Person"]
    drop: set[int] = set()
    joined: list[Mention] = []
    for a, b in zip(people, people[1:], strict=False):
        opening = HONORIFIC_AND_A_WORD.fullmatch(a.text + " ") or HONORIFIC_AND_A_WORD.fullmatch(a.text)
        if opening is None or view.text[a.end:b.start] != " ":
            continue
        start = b.start if opening.end("honorific") >= len(a.text) else a.start + opening.end("honorific")
        drop |= {id(a), id(b)}
        joined.append(replace(b, text=view.text[start:b.end], start=start))
    if not drop:
        return view.mentions
    return sorted([m for m in view.mentions if id(m) not in drop] + joined, key=lambda m: m.start)


CONJUNCT_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\b(?:while|with|and|as)\s+)"
                             r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+(?:and|&)\s+$")
CONJUNCT_AFTER = re.compile(r"\s+(?:and|&)\s+(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})(?=\s+[a-z]|[,.;:]|$)")


def _conjuncts_the_ner_missed(view: SentenceView, sent: Span, gaz: Gazetteer) -> list[Mention]:
    """"Equinor and Shell are developing", "Shell and Equinor": proper nouns the parse tags as such, joined by
    "and" to a company or an organisation the NER found, name one of the same kind."""
    found: list[Mention] = []
    for m in [m for m in view.mentions if m.kind in ("Company", "Organization") and m.key is None]:
        for match in (CONJUNCT_BEFORE.search(view.text[:m.start]), CONJUNCT_AFTER.match(view.text, m.end)):
            if match is None:
                continue
            start, end = match.span("name")
            name = match.group("name")
            span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
            if span is None or any(t.pos_ != "PROPN" for t in span) or any(
                    o.start < end and start < o.end for o in view.mentions + view.cities + found):
                continue
            if any(w in GENERIC_WORDS or w in gaz.names or w in gaz.adjectives or w in gaz.capitals
                   or w in gaz.cities or w.lower() in gaz.titles or w.lower() in gaz.concept_labels
                   or w.lower() in gaz.portfolio_words for w in [name, *name.split()]):
                continue
            found.append(Mention(name, m.kind, view.index, start, end))
    return found


def _only_a_portfolio(m: Mention, gaz: Gazetteer) -> bool:
    """"Investment Promotion", "Consular Affairs", "Trade, Fisheries": a portfolio the NER cut out of a title
    names no person and no organisation."""
    if m.kind in ("Country", "Region", "InternationalOrganization") or m.key:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", m.text) if w.lower() not in ("and", "of", "for", "the")]
    return bool(words) and all(w.lower() in gaz.portfolio_words for w in words)


# "Alsea, City express, Telmex": a brand's lower-case words, between the commas of a list of names
LOWER_CASE_TAIL = re.compile(r"(?:\s+(?!(?:in|of|to|for|with|from|at|by|on|as|is|are|was|were|has|have|had|will|"
                             r"which|that|who|the|a|an|its|their|and|or|etc)\b)[a-z][\w-]*){1,2}"
                             r"(?=\s*,\s*(?:and\s+)?[A-Z]|\s+and\s+[A-Z])")


def _names_with_a_lower_case_tail(view: SentenceView) -> list[Mention]:
    """"Alsea, City express, Telmex": an organisation's name the NER cut before a lower-case word, inside a list."""
    result = []
    for m in view.mentions:
        tail = LOWER_CASE_TAIL.match(view.text, m.end) if m.kind in ORGANIZATION_KINDS and m.key is None else None
        if tail and re.search(r",\s*$", view.text[:m.start]):
            m = replace(m, text=view.text[m.start:tail.end()], end=tail.end())
        result.append(m)
    return result


def _names_with_their_ends(view: SentenceView) -> SentenceView:
    """Names the NER cut short, "POSCO | Argentina", "City | express", or cut before a title and left with a
    dangling word: "Saudi Fund for Development and | King Salman ..."."""
    view = replace(view, mentions=_names_ending_in_a_country(view))
    view = replace(view, mentions=_names_with_a_lower_case_tail(view))
    return replace(view, mentions=[_without_a_dangling_word(m) for m in view.mentions])


def _without_a_dangling_word(m: Mention) -> Mention:
    dangling = re.search(r"\s+(?:and|of|for|the|&)$", m.text) if m.kind in ORGANIZATION_KINDS else None
    return replace(m, text=m.text[:dangling.start()], end=m.end - len(dangling.group())) if dangling else m


def _names_ending_in_a_country(view: SentenceView) -> list[Mention]:
    """"Daily News Egypt", "Ministry of Trade Indonesia", "Global Affairs Canada": a country written straight
    after an organisation's name, with nothing between and no possessive after, ends that name."""
    result: list[Mention] = []
    for m in view.mentions:
        last = result[-1] if result else None
        if last is not None and m.kind == "Country" and m.via == "name" and last.kind in ORGANIZATION_KINDS \
                and last.kind != "InternationalOrganization" and view.text[last.end:m.start] == " " \
                and not re.match(r"['’]s\b", view.text[m.end:]):
            result[-1] = replace(last, text=view.text[last.start:m.end], end=m.end)
            continue
        result.append(m)
    return result


# "Ismail Ould Bedda | Ould Cheikh Sidiya": a particle of descent and the names after it, where the NER stopped
NAME_GOES_ON = re.compile(r"(?:\s+(?:Ould|ould|bin|ibn|bint|ben)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})+(?![\w'’-])")


def _names_going_on_after_a_particle(view: SentenceView) -> list[Mention]:
    """A person's name with the rest of it, where nothing else the sentence names follows (`NAME_GOES_ON`)."""
    result = []
    for m in view.mentions:
        more = NAME_GOES_ON.match(view.text, m.end) if m.kind == "Person" else None
        if more and not any(o is not m and o.start < more.end() and m.end <= o.start for o in view.mentions):
            m = replace(m, text=view.text[m.start:more.end()], end=more.end())
        result.append(m)
    return result


LIST_LINE_BODY = re.compile(r"\s*[-–—•*·]\s*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5})\s*"
                            r"(?:\([A-Z][\w&.-]{1,12}\)\s*)?:\s")


def _bodies_opening_list_lines(view: SentenceView) -> list[Mention]:
    """"– Astomos Energy Corporation: president, X, ...": a participants' list line opens with its body's name,
    whether the NER read it or not, when the name says what kind of body it is."""
    line = LIST_LINE_BODY.match(view.text)
    if not line or any(m.start < line.end("name") and line.start("name") < m.end for m in view.mentions):
        return view.mentions
    kind = organization_kind(line.group("name"))
    if kind == "Organization" and not COMPANY_CUES.search(line.group("name")):
        return view.mentions
    body = Mention(line.group("name"), "Company" if kind == "Organization" else kind, view.index,
                   line.start("name"), line.end("name"))
    return sorted([*view.mentions, body], key=lambda m: m.start)


def _places_opening_names(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"Ambassador to Sarajevo Haldun Koç": a place the NER read into the start of the name after it."""
    result = []
    for m in view.mentions:
        words = m.text.split()
        place = next((" ".join(words[:n]) for n in (2, 1) if len(words) - n >= 2 and any(
            " ".join(words[:n]) in table for table in (gaz.capitals, gaz.cities, gaz.names))), None)
        if m.kind == "Person" and place and re.search(r"\b(?:to|in|from)\s+$", view.text[:m.start]):
            begin = m.start + len(place) + len(re.match(r"\s*", view.text[m.start + len(place):]).group())
            m = replace(m, text=view.text[begin:m.end], start=begin)
        result.append(m)
    return result


CAPITALISED_WORDS = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*"
JOINED_PAIR = re.compile(r"(?P<left>" + CAPITALISED_WORDS + r")\s+(?:and|&)\s+"
                         r"(?P<right>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)+)")
CUT_BEFORE = re.compile(r",\s+(?P<cut>" + CAPITALISED_WORDS + r")\s+$")


def _list_ends_the_ner_joined(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"A, B, Pesca Azul and Grupo Inca": where the NER cut the last but one name of a list and joined its end to
    the last ("Azul and Grupo Inca"), the words it dropped after the comma show the cut; the two names are
    mended and kept apart."""
    result: list[Mention] = []
    for m in view.mentions:
        pair = JOINED_PAIR.fullmatch(m.text)
        cut = CUT_BEFORE.search(view.text[:m.start]) if pair and m.kind in ("Company", "Organization") \
            and m.key is None else None
        if cut is None or any(o.start < m.start and cut.start("cut") < o.end for o in view.mentions) or any(
                w.lower() in gaz.titles or w in gaz.names or w in gaz.adjectives for w in cut.group("cut").split()):
            result.append(m)
            continue
        left_end = m.start + pair.end("left")
        left = view.text[cut.start("cut"):left_end]
        right = pair.group("right")
        result.append(replace(m, text=left, start=cut.start("cut"), end=left_end, kind=organization_kind(left)))
        result.append(replace(m, text=right, start=m.start + pair.start("right"), end=m.end,
                              kind=organization_kind(right)))
    return result


NUMERAL_BEFORE = re.compile(r"(?:^|[,;(]\s*|\band\s+|\bthe\s+)(?P<word>One|Two|Three|Four|Five|Six|Seven|Eight|Nine|"
                            r"Ten|Eleven|Twelve|Hundred|Thousand|First|Second|Third)\s+$")


def _with_its_numeral(view: SentenceView, m: Mention) -> Mention:
    """"Seven Global Investments Group": a name that opens with a number word, which the NER leaves out."""
    if m.kind not in ("Company", "Organization") or m.key is not None:
        return m
    numeral = NUMERAL_BEFORE.search(view.text[:m.start])
    if numeral is None:
        return m
    start = numeral.start("word")
    return replace(m, text=view.text[start:m.end], start=start)


NAME_BEFORE_AND = re.compile(r"\b[Tt]he\s+(?P<run>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s+(?:and|&)\s+$")


def _one_name_across_and(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"the Kenya Export Promotion and Branding Agency": where the NER cut a body's name at its "and", the
    capitalised words after "the" and before it begin the same name (a country among them is part of it)."""
    result = list(view.mentions)
    for m in view.mentions:
        run = NAME_BEFORE_AND.search(view.text[:m.start]) if m.kind in ("GovernmentBody", "Company", "University",
                                                                      "ThinkTank") and m.key is None else None
        if run is None or any(w.lower() in gaz.titles for w in run.group("run").split()):
            continue
        start = run.start("run")
        if any(o.start < start < o.end or (o.kind not in ("Country",) and start <= o.start < m.start)
               for o in view.mentions):
            continue  # another name is there, and not just a country's inside this one
        text = view.text[start:m.end]
        result = [o for o in result if not start <= o.start < m.start and o is not m]
        result.append(replace(m, text=text, start=start))
    return sorted(result, key=lambda m: m.start)


COMPANY_WORD = r"(?:" + "|".join(re.escape(w) for w in company_name_words()) + r")"
INDUSTRY_AFTER_AND = re.compile(r"\s+(?:and|&)\s+" + COMPANY_WORD + r"(?:\s+" + COMPANY_WORD + r")*(?![\w&-])"
                                r"(?!\s+[A-Z])")


def _industries_joined_by_and(view: SentenceView) -> list[Mention]:
    """"GS Engineering and Construction", "Hanil Oil and Gas Co.": where the NER ends a company's name at its
    "and", a word that makes names companies' after it ends the same name, if one ends the part before it."""
    result = list(view.mentions)
    for m in view.mentions:
        more = INDUSTRY_AFTER_AND.match(view.text, m.end)
        if more is None or m.kind not in ORGANIZATION_KINDS or not re.search(COMPANY_WORD + r"$", m.text):
            continue
        result = [o for o in result if o is not m and not m.end <= o.start < more.end()]
        result.append(replace(m, text=view.text[m.start:more.end()], end=more.end(),
                              kind="Company" if m.kind == "Organization" else m.kind))
    return sorted(result, key=lambda m: m.start)


def _relations(sent: Span, matchers: Matchers) -> list[Relation]:
    """Each match with its nodes; a pattern that names a "verb" but no "subject" gets the verb's doer as its
    "subject" and the word whose subject that is as its "governor" (see `doer`)."""
    offset = sent.start_char

    def node(token: Token) -> Node:
        left, right = token.left_edge, token.right_edge
        return Node(token.idx - offset, token.idx + len(token) - offset,
                    left.idx - offset, right.idx + len(right) - offset)

    found = []
    for key, tokens in matchers.dependencies(sent):
        label, names = matchers.patterns[key]
        matched = {name: sent[i] for name, i in zip(names, tokens, strict=True)}  # counted from the span's start
        if "verb" in matched and "subject" not in matched:
            found_doer = doer(matched["verb"])
            if found_doer is None:
                continue
            matched["subject"], matched["governor"] = found_doer
        found.append(Relation(label, {name: node(token) for name, token in matched.items()}))
    return found


RELATIVE_PRONOUNS = {"which", "that", "who"}
CLIMB_FROM_VERB = {"xcomp", "advcl", "conj", "acl", "pcomp", "relcl"}  # clauses that share their head's doer
CLIMB_FROM_NOUN = {"dobj", "pobj", "nsubjpass", "attr"}  # "signed a contract to build", "is the largest investor in"


def doer(verb: Token, steps: int = 5) -> tuple[Token, Token] | None:
    """Who does what `verb` says, and the word whose subject (or agent) names it: "X will build" (X, build);
    "X, which operates in Y" (X, operates); "X plans to build" (X, plans); "X and Y are set to finalize a
    contract to build" (X, set); "a plan by X to build" (X, plan); "X's plan to build" (X, plan).  None where
    the climb leaves the clauses that share one doer or runs out of steps."""
    token = verb
    for _ in range(steps):
        subjects = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subjects += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.pos_ in ("NOUN", "PROPN"):
            subjects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                         for g in c.children if g.dep_ == "pobj"]
            subjects += [c for c in token.children if c.dep_ == "poss"]
        if subjects:
            if subjects[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return token.head, token
            speaker = [c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
            if subjects[0].lower_ in ("it", "they") and token.dep_ == "ccomp" and speaker:
                return speaker[0], token  # "X said it plans to build": the pronoun is the speaker
            return subjects[0], token
        if token.dep_ in ("relcl", "appos") or token.dep_ == "acl" and token.tag_ in ("VBG", "VBN"):
            return token.head, token  # "a company operating in Y", "X, the largest investor in Y": the noun does it
        climb = {"prep"} if token.dep_ == "prep" else {"acomp"} if token.pos_ == "ADJ" else (
            CLIMB_FROM_VERB if token.pos_ in ("VERB", "AUX") else CLIMB_FROM_NOUN)
        if token.dep_ not in climb or token.head is token:
            return None
        token = token.head
    return None


BODY_OF_COUNTRY = re.compile(  # "the Embassy of India", "Ministry of Energy of the Republic of Chile"
    r"\b(?P<name>(?:Royal\s+)?(?:Embassy|High Commission|Consulate(?:[- ]General)?|Permanent Mission|Ministry|"
    r"Department|Presidency|Office of the President|Government Office|National Bank|Central Bank)"
    r"(?:\s+(?:of|for)\s+(?:[A-Z][\w'&-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+))*?[A-Z][\w'&-]*)?)"
    r"\s+of\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?$")


def _bodies_of_countries(view: SentenceView) -> list[Mention]:
    """A government body named after its country is one organisation with its whole name, whatever the NER
    cut: "the Embassy of India", "the Ministry of Investment and Foreign Trade of the Republic of Uzbekistan"."""
    mentions = list(view.mentions)
    for country in [m for m in view.mentions if m.kind == "Country" and m.via == "name"]:
        body = BODY_OF_COUNTRY.search(view.text[:country.start])
        if not body:
            continue
        start, end = body.start("name"), country.end
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        across = [m for m in mentions if m not in inside and m.start < end and start < m.end]
        if any(m.kind != "Country" and m.start <= start and end <= m.end for m in across):
            continue  # a longer name already holds it
        if any(m.kind in ("Person",) for m in inside + across):
            continue
        # the new name replaces what lies inside it and the NER names it cuts through; a country it cuts keeps
        mentions = [m for m in mentions if m not in inside and (m not in across or m.kind == "Country")]
        posted = POSTED_AT.match(view.text[end:])
        if posted and DIPLOMATIC_POST.search(view.text[start:end]):  # "the Embassy of Canada to Ecuador"
            person = next((m.start for m in view.mentions if m.kind == "Person" and end < m.start < end + posted.end()),
                          None)  # "the Embassy of Poland in Nairobi Tomasz Lis": the name is no part of it
            end = end + posted.end() if person is None else end + len(view.text[end:person].rstrip())
            mentions = [m for m in mentions if not (m.kind == "Country" and country.end < m.start < end)]
        mentions.append(Mention(view.text[start:end], "GovernmentBody", view.index, start, end))
    for country in [m for m in mentions if m.kind == "Country" and m.via in ("name", "adjective")]:
        post = POST_AFTER_COUNTRY.match(view.text, country.end)  # "the Czech Republic Embassy in Seoul"
        if not post or any(m.kind != "Country" and m.start < post.end() and country.start < m.end for m in mentions):
            continue
        end = post.end()
        posted = POSTED_AT.match(view.text, end)
        if posted and not any(m.kind == "Person" and end < m.start < posted.end() for m in mentions):
            end = posted.end()
            mentions = [m for m in mentions if not (m.kind == "Country" and post.end() < m.start < end)]
        mentions.append(Mention(view.text[country.start:end], "GovernmentBody", view.index, country.start, end))
    return sorted(mentions, key=lambda m: m.start)


# a ministry's (or a committee's, an office's) portfolios after "of", "for" or "on"
BODY_WITH_PORTFOLIO = re.compile(r"^(?:[A-Z][\w-]*\s+){0,2}(?:Ministry|Department|Committee|Commission|Office|Agency|"
                                 r"Secretariat|Directorate)\s+(?:of|for|on)\s+")
PORTFOLIO_MORE = re.compile(r"(?P<sep>\s*,\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+)(?P<word>[A-Z][\w-]*)")
BODY_AFTER_NATIONALITY = re.compile(r"(?:Ministry|Embassy|Foreign Ministry|Department|Agency)\b")


def _in_reading_order(mentions: list[Mention]) -> list[Mention]:
    """Mentions by their start; where a ministry's name opens with a nationality, the ministry first, so that
    "X, secretary of the Latvian Ministry of Economics" is the ministry's.  A diplomat at "the Vietnamese Embassy
    in Peru" stays the country's, as the corpus annotates envoys."""
    return sorted(mentions, key=lambda m: (m.start, 0 if m.kind == "Country" or DIPLOMATIC_POST.search(m.text)
                                           or POSTED_AT.search(m.text) else -1))


MINISTRY_OF = re.compile(r"\bMinistry\s+(?:of|for)\s+(?:the\s+)?")


def _ministries_the_ner_missed(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"Parliamentary Secretary of the Latvian Ministry of Economics": a ministry named by its portfolios, which
    the NER read as no name at all, with the nationality written before it."""
    mentions = list(view.mentions)
    for ministry in MINISTRY_OF.finditer(view.text):
        position, end = ministry.end(), None
        while (word := TAIL_WORD.match(view.text, position)) and word.group("word")[0].isupper() and \
                word.group("word").lower() in gaz.portfolio_words:
            end = word.end("word")
            if not word.group("sep"):
                break
            position = word.end()
        if end is None or any(m.start < end and ministry.start() < m.end for m in mentions):
            continue
        start = ministry.start()
        nationality = next((c for c in view.places() if c.via in ("adjective", "name") and c.end + 1 == start), None)
        if nationality is not None and re.search(r"(?:^|\bthe\s+)$", view.text[:nationality.start]):
            start = nationality.start  # "the Lesotho Ministry of Trade"
        mentions.append(Mention(view.text[start:end], "GovernmentBody", view.index, start, end))
    return _in_reading_order(mentions)


def _portfolio_lists_the_ner_cut(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"the Tunisian Ministry of Industry, Mines and Energy", "the Polish Ministry of Foreign Affairs": the NER
    ends a body's name at a comma or an "and" of its portfolios, or leaves out the nationality that says whose
    body it is; the name runs over both.  A list of portfolios counts only once an "and" closes it."""
    mentions = list(view.mentions)
    for m in view.mentions:
        if m.kind not in ("GovernmentBody", "Organization"):
            continue
        start, end = m.start, m.end
        if BODY_WITH_PORTFOLIO.match(m.text) and m.text.split()[-1].lower() in gaz.portfolio_words:
            position = end
            while (more := PORTFOLIO_MORE.match(view.text, position)) and more.group("word").lower() in \
                    gaz.portfolio_words:
                position = more.end()
                if re.search(r"\band\b|&", more.group("sep")):
                    end = position
                    break
        nationality = next((c for c in view.places() if c.via == "adjective" and c.end + 1 == m.start
                            and view.text[c.end] == " "), None)
        if nationality is not None and BODY_AFTER_NATIONALITY.match(m.text) and re.search(
                r"(?:^|\bthe\s+)$", view.text[:nationality.start]):
            start = nationality.start
        if (start, end) == (m.start, m.end):
            continue
        if any(o is not m and o.kind not in ("Country",) and o.start < end and start < o.end and not (
                m.end <= o.start) for o in mentions):
            continue  # another name already holds the words
        mentions = [o for o in mentions if o is not m and not (m.end <= o.start and o.end <= end)]
        mentions.append(Mention(view.text[start:end], m.kind, view.index, start, end, m.key, m.via))
    return _in_reading_order(mentions)


TAIL_LEAD = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")
TAIL_MORE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+")
TAIL_WORD = re.compile(r"(?P<word>[A-Za-z][a-z-]*)(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\s+)?")


REGION_ADJECTIVE = re.compile(r"African|Arab|Asian|European|American|Latin|Pacific|Gulf|Mediterranean|Caribbean|"
                             r"Nordic|Baltic|Eurasian|Middle")


def _describes_a_company(text: str, start: int) -> bool:
    """Lower-case words that end in a company noun: "home appliance manufacturer", "state oil company"."""
    words = re.match(r"(?:" + PLAIN_WORD + r"\s+){0,3}(" + PLAIN_WORD + r")\b", text[start:])
    return bool(words) and words.group(1) in COMPANY_NOUNS


# a lower-case word of a noun phrase, not one that starts a clause or a phrase of its own
PLAIN_WORD = r"(?!(?:the|a|an|and|or|of|to|in|for|with|at|by|said|says|is|are|was|were|will|has|have|had)\b)[a-z][\w-]*"


def _portfolio_end(text: str, title: str, end: int, names: list[int], gaz: Gazetteer) -> int:
    """"Minister of Industry and Trade", "Cabinet Secretary for Mining", "minister counsellor for economic
    and commercial affairs": the portfolio is part of the title.  It ends at the first word that is no
    portfolio's, or where a name begins ("Minister of Foreign Affairs of Kazakhstan", "... Trade X")."""
    lead = TAIL_LEAD.match(text, end) or (re.search(r"\b(?:of|for)\b", title) and TAIL_MORE.match(text, end))
    if not lead:
        return end
    position, last = lead.end(), end
    while True:
        word = TAIL_WORD.match(text, position)
        if not word:
            return last
        first = position == lead.end()  # "Minister for Law Azam X": a name the NER began on the portfolio
        if first and _describes_a_company(text, word.start("word")):
            return end  # "CEO of home appliance manufacturer Electrolux": no portfolio, a company's description
        following = TAIL_WORD.match(text, word.end())
        # "Foreign Affairs, African Cooperation and Moroccan Expatriates": an adjective inside a list of portfolios
        after_of = first and lead.re is TAIL_LEAD  # "Chairman of Arab Contractors": an adjective opens a name
        apposite = not after_of and bool(word.group("sep")) and bool(
            word.group("word") in gaz.adjectives or REGION_ADJECTIVE.fullmatch(word.group("word"))) and bool(
            following and following.group("word").lower() in gaz.portfolio_words)
        in_portfolio = word.group("word").lower() in gaz.portfolio_words or apposite
        # "... Moroccan Expatriates Nasser Bourita": the NER's name began on the portfolio's last word
        glued = in_portfolio and word.group("word")[0].isupper() and re.match(r"\s+[A-Z][a-z]",
                                                                              text[word.end("word"):])
        name_starts = not first and not glued and not apposite and any(
            position <= n < word.end("word") for n in names)
        if not in_portfolio or name_starts:
            if word.group("word").lower() in COMPANY_NOUNS:
                return end  # "managing director for steel giant POSCO": the words describe the company
            if (ORGANIZATION_HEAD.match(text, position) or COMPANY_CUES.match(text, position)
                    or UNIVERSITY_CUES.match(text, position)) and text[last:position].isspace():
                return end  # "the chairman of the Foreign Investors Council": the words begin a name
            return last
        last = word.end("word")
        if not word.group("sep"):
            return last
        position = word.end()


# "Representatives of Orlen": people of an organisation, written before its name, are no part of it
PEOPLE_OF = re.compile(r"(?:Representatives|Officials|Members|Executives|Delegates|Staff|Employees|Heads|Leaders|"
                       r"Managers|Experts|Specialists)\s+(?:of|from)\s+(?:the\s+)?")


def _without_leading_title(m: Mention, offset: int, text: str, titles: list[tuple[str, int, int]]) -> Mention:
    """"PM Alikhan Smailov", "Minister for Law Azam X": the NER took the title, or its end, into the name."""
    people = PEOPLE_OF.match(m.text) if m.kind != "Person" and m.key is None else None
    if people and people.end() < len(m.text):
        return replace(m, text=m.text[people.end():], start=m.start + people.end(),
                       kind=organization_kind(m.text[people.end():]) if m.kind == "Organization" else m.kind)
    for _, t_start, t_end in titles:
        if m.kind == "Person" and t_start <= m.start - offset < t_end < m.end - offset:
            gap = len(text[t_end:m.end - offset]) - len(text[t_end:m.end - offset].lstrip())
            begin = offset + t_end + gap
            return Mention(text[begin - offset:m.end - offset], m.kind, m.sentence, begin, m.end, m.key, m.via)
    return m


def _portfolio_not_a_name(m: Mention, text: str, titles: list[tuple[str, int, int]], gaz: Gazetteer) -> bool:
    """"Kenyan Mining Minister X", "Kenyan Cabinet Secretary X": the NER's organisation is a country and
    a portfolio (or the title's first word), not a name."""
    if m.kind in ("Person", "Country", "Region", "InternationalOrganization") or any(
            m.text.endswith(" " + tail) for tail in gaz.name_tails):  # "CEO of Turkish Airlines": a carrier's name
        return False
    if any(m.start < t_start < m.end <= t_end or t_start < m.start < t_end < m.end
           or t_start < m.start and m.end <= t_end for _, t_start, t_end in titles):
        return True  # the NER's edges cut through a title: "Industry and Trade, Ryad Mezzour"
    words = [w for w in re.sub(r"['’]s\b", "", m.text).split() if w not in gaz.adjectives and w not in gaz.names]
    portfolio = bool(words) and all(w.lower().strip("(),") in gaz.portfolio_words or w in ("and", "&") for w in words)
    if portfolio and any(re.fullmatch(r"\s+(?:of|for|on)\s+(?:the\s+)?|\s*,\s*|\s*\(\s*", text[t_end:m.start])
                         for _, _, t_end in titles):
        return True  # "Head of Investment Promotion", "Secretary, Bilateral", "Adviser on National Security"
    if not any(re.fullmatch(r"\s+", text[m.end:t_start]) for _, t_start, _ in titles):
        return False
    return portfolio


# "Minister for Road and Transport Development D.Ganbat": a Mongolian name, the father's initial glued to it
INITIAL_GLUED_NAME = re.compile(r"(?<![\w.])(?!(?:St|Mt|Ft|Co|No|Mr|Ms|Dr)\.)"
                                r"(?P<name>[A-Z][a-z]?\.[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?!\w|\.\w)")
PERSON_NAME = re.compile(r"(?:(?:Sheikh|Sheikha|Prince|Princess|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?"
                         r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:(?:al|el)-[A-Z][\w'’.-]+|bin|bint|ibn|al|el|de|da|van|von|der|"
                         r"[A-Z][\w'’.-]+)(?!\w)){1,6})")  # "Sheikh Ali bin Hamad al-Thani"


NOT_A_NAME_WORD = re.compile(r"\b(?:On|In|At|By|For|From|During|Last|This|Next|Earlier|Later|Meanwhile|However|"
                             r"Speaking|According|" + WEEKDAY[3:-1] + "|" + MONTH[3:-1] + r")\b")


def _name_opening_a_title_line(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """A participants' list line the NER reads badly: "- Elyor Ganiev, Deputy Prime Minister of Uzbekistan;"."""
    if not view.titles:
        return []
    _, t_start, _ = view.titles[0]
    line = re.match(r"\s*(?:[-–•*·]\s*)?" + HONORIFIC + PERSON_NAME.pattern + r"\s*(?:,|[–—]|-\s|\()\s*(?:the\s+)?"
                    r"(?:[A-Z][\w-]*(?:['’]s)?\s+){0,3}$", view.text[:t_start])  # "X, Indonesia's Minister"
    if not line:
        return []
    begin, end = line.start("name"), line.end("name")
    words = view.text[begin:end].split()
    if NOT_A_NAME_WORD.search(view.text[begin:end]):
        return []  # "On Sunday, UAE President X"
    inside = [m for m in view.mentions if m.start < end and begin < m.end]
    if any(m.kind != "Person" or m.start < begin or m.end > end for m in inside) or any(
            w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS for w in words):
        return []
    view.mentions = [m for m in view.mentions if m not in inside]  # the NER's "Asanbek Uulu" inside the line's name
    return [Mention(view.text[begin:end], "Person", view.index, begin, end)]


DASHED_NAME = re.compile(r"(?:^|[,;:]\s*|\band\s+|\bsuch as\s+)(?:" + HONORIFIC_WORD + r"\s+)*"
                         r"(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,3})\s+[–—-]\s+(?:the\s+|a\s+)?$")


def _names_before_dashed_titles(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """"..., Orozco – Minister of Transport of Colombia, Enrique Penalosa – Mayor of Bogota": in a list of
    names each followed by a dash and a post, the words before the dash are a person's name, read or not."""
    found = []
    for _, t_start, _ in view.titles:
        line = DASHED_NAME.search(view.text, 0, t_start)
        if not line or line.end() != t_start:
            continue
        begin, end = line.start("name"), line.end("name")
        words = view.text[begin:end].split()
        if any(m.start < end and begin < m.end for m in view.mentions + announced + found) or any(
                w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS
                or w in gaz.cities or w in gaz.capitals for w in words) or NOT_A_NAME_WORD.search(view.text[begin:end]):
            continue
        found.append(Mention(view.text[begin:end], "Person", view.index, begin, end))
    return found


# "..., and Mamadou Ndiaye, ambassador of Senegal to Saudi Arabia": an item of a list, a name and its post
APPOSED_NAME = re.compile(r"(?:[,;:]\s*|\band\s+)(?:" + HONORIFIC_WORD + r"\s+)*"
                          r"(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}),\s+(?:the\s+)?$")


def _listed_names_before_apposed_titles(view: SentenceView, gaz: Gazetteer,
                                        announced: list[Mention]) -> list[Mention]:
    """"Also present were A, Senegalese Minister of Foreign Affairs, and Mamadou Ndiaye, ambassador of Senegal
    to Saudi Arabia": in a list, two to four capitalised words before a comma and a post are a person's name,
    read by the NER or not, where the post goes on to say whose it is ("of", "to", "at")."""
    found = []
    for _, t_start, t_end in view.titles:
        line = APPOSED_NAME.search(view.text, 0, t_start)
        if not line or line.end() != t_start or not re.match(r"\s+(?:of|to|at)\s", view.text[t_end:]):
            continue
        begin, end = line.start("name"), line.end("name")
        words = view.text[begin:end].split()
        if any(m.start < end and begin < m.end for m in view.mentions + announced + found) or any(
                w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS
                or w in gaz.cities or w in gaz.capitals or w.lower() in gaz.portfolio_words for w in words) \
                or NOT_A_NAME_WORD.search(view.text[begin:end]) or COMPANY_CUES.search(view.text[begin:end]) \
                or ORGANIZATION_HEAD.search(view.text[begin:end]):
            continue
        found.append(Mention(view.text[begin:end], "Person", view.index, begin, end))
    return found


ORGANIZATION_AFTER_TITLE = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w&.+'’-]*(?:\s+[A-Z][\w&.+'’-]*){0,4})"
                                      r"(?=\s*(?:[,;.)]|$|\s+(?:said|says|and|who|which)\b))")


BODY_THEN_NAME = re.compile(r"(?P<body>.*(?:" + GOVERNMENT_CUES.pattern + "|" + COMPANY_CUES.pattern
                            + r"|\b(?:Deputies|Representatives|Ministers|Commerce|Affairs|Industries|Council|Chamber)\b"
                            r"))\s+(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,2})")
OF_AFTER_TITLE = re.compile(r"(?:\s+and\s+[a-z][a-z ]{0,40})?\s+(?:of|for|at)\s+(?:the\s+)?")  # "CEO and member of"
NAME_WORD = r"[A-ZÀ-Þ][\w'’-]+"


def _names_swallowed_by_bodies(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"Chairman of the Chamber of Deputies Radek Vondracek": the NER reads the body and the name after
    it as one organisation; after a title, a body's name ends at its last word that names a body."""
    mentions = list(view.mentions)
    for _, _, t_end in view.titles:
        of = OF_AFTER_TITLE.match(view.text[t_end:])
        body = next((m for m in mentions if of and m.start == t_end + of.end() and m.key is None
                     and m.kind != "Person"), None)
        if body is None and of:  # "President of Kasikornbank Chongrak Rattanapian": the NER's one person
            body = next((m for m in mentions if m.start == t_end + of.end() and m.kind == "Person"
                         and 3 <= len(m.text.split()) <= 4 and _ends_before_the_next_item(view.text, m.end)), None)
        split = BODY_THEN_NAME.fullmatch(body.text) if body else None
        if body and not split and GOVERNMENT_CUES.search(body.text):  # "... of Industry, Trade and Supply X Y"
            split = next((m for k in (3, 2) if (m := re.fullmatch(
                r"(?P<body>.*\b(?P<last>[A-Za-z]+))\s+(?P<name>" + r"\s+".join([NAME_WORD] * k) + ")",
                body.text)) and m.group("last").lower() in gaz.portfolio_words), None)
        if body and not split:  # "... of the Republic of Uzbekistan Adkham Ikramov": the body ends at its country
            split = next((m for k in (3, 2) if (m := re.fullmatch(
                r"(?P<body>.+)\s+(?P<name>" + r"\s+".join([NAME_WORD] * k) + ")", body.text))
                and any(m.group("body").endswith(" " + c) for c in _last_words_naming_countries(m.group("body"), gaz))),
                None)
        if body and not split and body.kind == "Person":  # a one-word company, then a name of two words
            split = re.fullmatch(r"(?P<body>\S+(?:\s+\S+)?)\s+(?P<name>" + NAME_WORD + r"\s+" + NAME_WORD + ")",
                                 body.text)
        if not split or any(w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS
                            or w.lower() in gaz.concept_labels for w in split.group("name").split()):
            continue
        name_start = body.start + split.start("name")
        organisation = replace(body, text=split.group("body"), end=body.start + split.end("body"),
                               kind=organization_kind(split.group("body")))
        mentions[mentions.index(body)] = organisation
        mentions.append(Mention(split.group("name"), "Person", view.index, name_start, body.end))
    return sorted(mentions, key=lambda m: m.start)


INITIALS_THEN_SURNAME = re.compile(r"(?P<body>.+?\S)\s+(?P<name>(?:[A-Z]\.\s*){1,3}[A-Z][\w'’-]+)")
HONORIFIC_THEN_NAME = re.compile(r"(?P<body>.+?\S)\s+(?:" + HONORIFIC_WORD + r")\s+(?P<name>" + NAME_WORD
                                 + r"(?:\s+" + NAME_WORD + r"){0,3})")


def _names_closing_bodies(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"the Association of Exporters of Uzbekistan M. Umarov", "the Ministry of Foreign Affairs of the Sultanate
    of Oman Sheikh Hamad", "the Federal Ministry for X Parliamentary State Secretary Y": a participants' list
    the NER read as one body; a name in initials, or after an honorific or a title, closes it."""
    mentions = list(view.mentions)
    for body in [m for m in mentions if m.kind in ORGANIZATION_KINDS and m.key is None]:
        split = INITIALS_THEN_SURNAME.fullmatch(body.text) or HONORIFIC_THEN_NAME.fullmatch(body.text)
        name_start = body.start + split.start("name") if split else None
        body_end = body.start + split.end("body") if split else None
        given = split and split.re is INITIALS_THEN_SURNAME and re.search(r"\s([A-Z][a-z]+)$", split.group("body"))
        if given and _a_given_name(given.group(1), gaz):  # "the Association Dragan B. Tomić"
            name_start, body_end = body.start + given.start(1), body.start + given.start()
        if split is None:  # a title inside the body, then two or three words of a name to its end
            title = next((t for t in sorted(view.titles, key=lambda t: t[1]) if body.start < t[1] and t[2] < body.end
                          and view.text[t[1]].isupper() and re.fullmatch(
                              r"\s+" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2}", view.text[t[2]:body.end])), None)
            if title is None:
                continue
            lead = re.sub(r"(?:\s+(?:Parliamentary|Deputy|Vice|First|Acting|Senior|Chief|Executive|Assistant|"
                          r"Permanent|Principal))+\s*$", "", view.text[body.start:title[1]])  # "Parliamentary State"
            body_end = body.start + len(lead.rstrip())
            name_start = title[2] + len(view.text[title[2]:body.end]) - len(view.text[title[2]:body.end].lstrip())
        name = view.text[name_start:body.end]
        org = view.text[body.start:body_end]
        if not GOVERNMENT_CUES.search(org) and not COMPANY_CUES.search(org) and not ORGANIZATION_HEAD.search(org) \
                or any(w in gaz.names or w in gaz.adjectives or w in GENERIC_WORDS for w in name.split()) \
                or view.text[body_end:body.end].strip() in gaz.names:  # "Central Bank of Sri Lanka": no honorific
            continue
        mentions[mentions.index(body)] = replace(body, text=org, end=body_end, kind=organization_kind(org))
        mentions.append(Mention(name, "Person", view.index, name_start, body.end))
    return sorted(mentions, key=lambda m: m.start)


def _a_given_name(word: str, gaz: Gazetteer) -> bool:
    """A capitalised word before initials that is no place, portfolio, title or body's word: a given name."""
    return not any(word in table for table in (gaz.names, gaz.adjectives, gaz.cities)) and word not in GENERIC_WORDS \
        and word.lower() not in gaz.portfolio_words and word.lower() not in gaz.titles \
        and word.lower() not in _title_words() and not ORGANIZATION_HEAD.search(word) and not COMPANY_CUES.search(word)


def _ends_before_the_next_item(text: str, end: int) -> bool:
    """A name closing an item of a participants' list: a comma, "and", or the sentence's end follows."""
    return bool(re.match(r"\s*(?:[,;.]|\band\b|$)", text[end:]))


def _last_words_naming_countries(body: str, gaz: Gazetteer) -> list[str]:
    """The country names a body's name ends with ("Republic of Uzbekistan", "Uzbekistan")."""
    words = body.split()
    return [tail for n in (1, 2, 3) if len(words) > n and (tail := " ".join(words[-n:])) in gaz.names]


ACRONYM_BEFORE_TITLE = re.compile(r"(?<![\w.-])(?P<name>[A-Z][A-Z&]{1,6})"
                                  r"(?:\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?"
                                  r"(?:\s+(?:chief|deputy|senior|regional|country|general|executive))*\s+$")


def _acronyms_before_titles(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """"JETRO Nairobi chief representative X", "KOTRA director Y": an agency's acronym the NER missed, before a
    post it gives, is an organisation (a dateline's capitals are followed by a dash or a comma, not a title)."""
    found: list[Mention] = []
    for _, t_start, _ in view.titles:
        match = ACRONYM_BEFORE_TITLE.search(view.text[:t_start])
        if not match:
            continue
        name, begin = match.group("name"), match.start("name")
        place = match.group("place")
        if name in gaz.names or name in gaz.acronyms or name in gaz.not_names or name in GENERIC_WORDS or (
                place and not any(p.start == match.start("place") and p.end == match.end("place")
                                  for p in view.places() + view.cities)) or any(
                m.start < begin + len(name) and begin < m.end for m in view.mentions + announced + found):
            continue
        found.append(Mention(name, "Organization", view.index, begin, begin + len(name)))
    return found


EMPLOYER_BEFORE_TITLE = re.compile(r"(?:^|,\s*|\band\s+|\bas\s+|\bincluding\s+|:\s*)(?P<name>[A-Z][\w&-]+)\s+$")
EMPLOYERS_TITLES = {"president", "vice president", "chairman"}  # a company's as well as a state's


def _employers_before_titles(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """"such as Sony CEO X, Denso President Y, Toyota Chairman Z": one word before a company's title that a name
    follows, opening an item of a list, is the employer, whatever the NER made of it (a person, a place)."""
    found: list[Mention] = []
    for title, t_start, t_end in view.titles:
        canonical = gaz.canonical_title(title)
        match = EMPLOYER_BEFORE_TITLE.search(view.text[:t_start])
        named = any(p.kind == "Person" and p.start > t_end and not view.text[t_end:p.start].strip()
                    for p in view.mentions + announced)
        if not match or not named or (gaz.title_kinds.get(canonical) != "corporate" and canonical not in
                                      EMPLOYERS_TITLES):
            continue
        name, begin = match.group("name"), match.start("name")
        if name in gaz.names or name in gaz.adjectives or name.lower() in gaz.titles or name in gaz.not_names \
                or name in GENERIC_WORDS or name.lower() in _title_words() or any(
                    m.start < begin + len(name) and begin < m.end and m.kind != "Person" for m in view.mentions):
            continue
        found.append(Mention(name, organization_kind(name), view.index, begin, begin + len(name)))
    view.mentions = [m for m in view.mentions if not any(f.start == m.start and f.end == m.end for f in found)]
    return found


def _employers_the_ner_took_for_people(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """"X, Managing Director of Baladna, signed": one word after a company's or an academic title and "of",
    ending the phrase, names the employer, whatever the NER made of it."""
    result = []
    for m in view.mentions:
        title = next((t for t in view.titles if gaz.title_kinds.get(gaz.canonical_title(t[0])) not in (
            "government", "diplomatic") and re.fullmatch(r"\s+of\s+(?:the\s+)?", view.text[t[2]:m.start])), None)
        if m.kind == "Person" and " " not in m.text and title and ORGANIZATION_AFTER_TITLE.match(view.text, title[2]):
            m = replace(m, kind=organization_kind(m.text))
        result.append(m)
    return result


def _organizations_after_titles(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """An organisation the NER missed where a company or academic title names it: "X, the chairman of
    Samruk-Kazyna, said"."""
    found: list[Mention] = []
    for title, _, t_end in view.titles:
        kind = gaz.title_kinds.get(gaz.canonical_title(title), "")
        match = ORGANIZATION_AFTER_TITLE.match(view.text[t_end:])
        if kind in ("government", "diplomatic") or not match:
            continue
        begin, end = t_end + match.start("name"), t_end + match.end("name")
        name = view.text[begin:end]
        words = name.split()
        if any(m.start < end and begin < m.end for m in view.mentions + announced) or any(
                w in gaz.names or w in gaz.adjectives or w in gaz.capitals or w.lower() in gaz.titles
                or w in GENERIC_WORDS for w in words):
            continue
        kind_of_name = organization_kind(name)
        found.append(Mention(name, kind_of_name, view.index, begin, end))
    return found


COUNTERPART_WORD = re.compile(r"\bcounterparts?\b")
COUNTRY_LIST_MORE = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
STATE_OF = re.compile(r"\s+(?:of|to|from)\s+(?:the\s+)?(?:(?:Federal\s+|Islamic\s+|People['’]s\s+)?(?:Republic|Kingdom|"
                      r"State|Sultanate|Emirate)\s+of\s+(?:the\s+)?)?")


HONORIFIC_BEFORE_NAME = re.compile(r"\b(?:H\.\s?E\.|H\s?E|H\.\s?H\.|Hon\.|Adv\.|Shri|Smt\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.|"
                                   r"Sheikh|Sheikha|"
                                   r"(?:His|Her)\s+(?:Excellency|Highness|Majesty))\s+(?:Dr\.?\s+)?(?=[A-Z])")


def _names_after_honorifics(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """"H E Ajay Sharma (pictured)", "Hon. Michael Okyere-Baafi": an honorific announces a person's name."""
    found = []
    for honorific in HONORIFIC_BEFORE_NAME.finditer(view.text):
        name = PERSON_NAME.match(view.text, honorific.end())
        if not name:
            continue
        text = re.sub(r"['’]s$", "", name.group("name")).rstrip(".'’")
        begin, end = name.start("name"), name.start("name") + len(text)
        words = text.split()
        if any(m.start < end and begin < m.end for m in view.mentions + announced + found) or any(
                w in gaz.names or w in gaz.adjectives or w.lower() in gaz.titles or w in GENERIC_WORDS for w in words):
            continue
        found.append(Mention(text, "Person", view.index, begin, end))
    return found


def _a_name_the_ner_mistyped(m: Mention, begin: int, end: int) -> bool:
    """"the Secretary General of the GCC, Jasem Al-Budaiwi": the NER's "organisation" is exactly the name
    the title announces, and nothing in it says organisation."""
    return (m.start, m.end) == (begin, end) and m.kind == "Organization" and organization_kind(m.text) == "Organization"


def _initialled_names_among_titled(view: SentenceView, gaz: Gazetteer, announced: list[Mention]) -> list[Mention]:
    """"Vice Minister for Foreign Affairs B.Battsetseg, Presidential Envoy in charge of Mongolia-Japan cooperation
    D.Dagvadorj and ...": where a title announced one such name, the others of the sentence are names too, though
    the title before them ran on into words no title has."""
    if not any(INITIAL_GLUED_NAME.fullmatch(m.text) for m in announced):
        return []
    found = []
    for match in INITIAL_GLUED_NAME.finditer(view.text):
        start, end = match.span("name")
        if any(m.start < end and start < m.end for m in view.mentions + announced + view.cities) \
                or match.group("name") in gaz.names or not any(t[2] <= start for t in view.titles):
            continue
        found.append(Mention(match.group("name"), "Person", view.index, start, end))
    return found


def _names_after_titles(view: SentenceView, gaz: Gazetteer) -> list[Mention]:
    """People the NER missed where a title announces them: "Korean Ambassador to Poland Yoon Seok-ho",
    "the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani"."""
    found: list[Mention] = []
    counterparts = [m.end() for m in COUNTERPART_WORD.finditer(view.text)]  # "his counterpart from Chile, X"
    for t_end in sorted({t[2] for t in view.titles} | set(counterparts)):
        start = t_end
        of = STATE_OF.match(view.text[start:])
        while of:  # the title's country or organisation: "Ambassador to Poland", "High Commissioner of A to B",
            # "Ambassador of Kazakhstan to Singapore, Australia and New Zealand"
            plain = re.match(r"\s+(?:of|to|from)\s+(?:the\s+)?", view.text[start:]) or of
            named = next((m for m in view.mentions if m.start in (start + plain.end(), start + of.end())
                          and (of.re is STATE_OF or m.kind == "Country")), None)
            if named is None:
                break
            start = named.end
            of = STATE_OF.match(view.text[start:]) or (
                COUNTRY_LIST_MORE.match(view.text[start:]) if named.kind == "Country" else None)
        if of and of.re is STATE_OF:
            continue
        acronym = re.match(r"\s*\([A-Z][\w&.-]*\)(?=\s+[A-Z])", view.text[start:])
        if acronym and start != t_end:  # "CEO of Siam Cement Group (SCG) Thammasak Sethaudom"
            start += acronym.end()
        posted = re.match(r"\s+in\s+(?:the\s+)?", view.text[start:])  # "Japan's ambassador in Argentina, X"
        there = posted and next((m for m in view.places() if m.via == "name" and m.start == start + posted.end()),
                                None)
        if there:
            start = there.end
        glued = next((m for m in view.mentions if m.kind == "Country" and m.via == "name"
                      and re.fullmatch(r"\s+", view.text[start:m.start])), None)
        if glued:  # "Deputy Minister of Economy Azerbaijan Sahib Mammadov": the title's country, then the name
            start = glued.end
        city = re.match(r"\s+in\s+[A-Z][\w-]+(?=\s+[A-Z])", view.text[start:])
        known = next((c for c in view.cities if city and c.start == start + city.start() + len(
            re.match(r"\s+in\s+", view.text[start:]).group())), None)
        if known:  # "consul in Ho Chi Minh City": the whole city
            start = known.end
        elif city:  # "Chinese Consul General in Karachi Yang Yundong": the post's city, then the name
            start += city.end()
        gap = re.match(r"\s*,?\s*(?:The\s+(?=Hon\b))?" + HONORIFIC, view.text[start:])  # "Senator The Hon. X"
        initialled = INITIAL_GLUED_NAME.match(view.text[start + gap.end():])
        name = initialled or PERSON_NAME.match(view.text[start + gap.end():])
        if not name:
            continue
        text = re.sub(r"['’]s$", "", name.group("name")).rstrip(".'’")
        begin = start + gap.end() + name.start("name")
        rank = PERSON_PREFIXES.match(text).end()  # "his counterpart Captain Ibrahim Traoré"
        text, begin = text[rank:], begin + rank
        heads = [i for i, w in enumerate(text.split()) if ORGANIZATION_HEAD.fullmatch(w)]
        if heads:  # "of the US Foreign Commercial Service Arun X": the name follows the body the title is of
            body = re.match(r"(?:\S+(?:\s+|$)){" + str(heads[-1] + 1) + "}", text)
            text, begin = text[body.end():], begin + body.end()
        end = begin + len(text)
        words = text.split()
        overlapping = [m for m in view.mentions + found if m.start < end and begin < m.end]
        if any(c.start < end and begin < c.end and c.start <= begin for c in view.cities):
            continue  # "Chi Minh City" is part of "Ho Chi Minh City"; a surname that names a city is still one
        if len(words) < 2 and not initialled or any((m.kind != "Person" and not _a_name_the_ner_mistyped(m, begin, end))
                                 or (m.start < begin and not city) or m.end > end for m in overlapping):
            continue
        if any(w in gaz.names or w in gaz.adjectives or w in GENERIC_WORDS or w.lower() in gaz.concept_labels
               or w.lower() in gaz.titles and not (i + 1 < len(words) and PATRONYMIC.fullmatch(words[i + 1]))
               for i, w in enumerate(words)):
            continue  # not a name: the NER's own reading, if any, stands
        view.mentions = [m for m in view.mentions if m not in overlapping]  # "Ceban" inside "Ion Ceban"
        found.append(Mention(text, "Person", view.index, begin, end))
    return found


# ---------------------------------------------------------------------------
# Shared small helpers for the rules

NEGATION = re.compile(
    r"\b(" + NEGATION_WORDS + r"|yet to|could|would|might|may|if|unless|aims?|aiming|target\w*|goal|"
    r"plans? to|expects?|expected|forecast\w*|hopes?|seeks?|intends?|potential(?:ly)?|"
    r"to\s+(?:\w+ly\s+)?(?:reach|increase|bring|double|raise|boost))\b",
    re.IGNORECASE,
)


def mentions_between(view: SentenceView, start: int, end: int, kinds: set[str] | None = None) -> list[Mention]:
    return [m for m in view.mentions if start <= m.start and m.end <= end and (kinds is None or m.kind in kinds)]


def affiliation_kinds() -> set[str]:
    return {"Country"} | set(ORGANIZATION_KINDS)


def make_fact(kind: str, view: SentenceView, roles: dict[str, Mention | list[Mention]], confidence: float,
          **values: object) -> Fact:
    pairs: list[tuple[str, Mention]] = []
    for name, value in roles.items():
        for m in value if isinstance(value, list) else [value]:
            pairs.append((name, m))
    return Fact(kind, view.index, tuple(pairs), tuple((k, v) for k, v in values.items() if v is not None),
                confidence)


HONORIFIC = r"(?:" + HONORIFIC_WORD + r"\s+)*"


def same_person(name: str, names: set[str]) -> bool:
    """"Saberi" is "Mohammad Taghi Saberi" once the full name has been given, and a paper may call
    "Muhammad Shehbaz Sharif" "Shehbaz"; "Abdel Fattah Al-Sisi" is "Abdel Fattah al-Sisi" (but "POSCO" is not
    "Posco": a name in capitals keeps them)."""
    name = _fold_case(name)
    return any(name == other or other.endswith(" " + name) or name.endswith(" " + other)
               or " " not in name and len(name) > 3 and name in other.split()  # "PM Shehbaz", "Anwar"
               for other in map(_fold_case, names))


def _fold_case(name: str) -> str:
    return name if name.isupper() else name.casefold()


@dataclass
class DocumentContext:
    """What a sentence needs from its document: the main pair of countries, the year of the
    nearest earlier sentence, and the group and company named last."""

    main_pair: tuple[str, str] | None = None
    previous_year: int | None = None
    pair_mentions: dict[str, Mention] = field(default_factory=dict)  # a mention of each of the pair
    last_group: Mention | None = None  # the group an earlier sentence named: "joined the bloc in 1995"
    last_company: Mention | None = None  # the company the sentence before named: "The company plans to ..."
    trade_before: bool = False  # the sentence before spoke of the pair's trade: "It went up to"


KIND_RANK = {"InternationalOrganization": 4, "Company": 3, "University": 2, "ThinkTank": 2, "GovernmentBody": 2,
             "Organization": 1}


def _deeds_written(deeds: dict[str, frozenset[str]]) -> str:
    """The business deeds of `business-deeds.csv` as one alternation: "builds", "holds a 49% stake"."""
    def forms(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    alone = [form for form, objects in deeds.items() if not objects]
    with_objects: dict[frozenset[str], list[str]] = {}
    for form, objects in deeds.items():
        if objects:
            with_objects.setdefault(objects, []).append(form)
    return "|".join([forms(alone)] + [f"(?:{forms(verbs)})\\s+(?:its\\s+|a\\s+|an\\s+|the\\s+)?"
                                      f"(?:[\\w$%.,-]+\\s+){{0,3}}?(?:{forms(objects)})s?"
                                      for objects, verbs in with_objects.items()])


# What only an organisation does: "X will build a plant", "X's factory": a name the NER
# took for a person's, with no title anywhere in the text, is a company's when it does these.
BUSINESS_PREDICATE = re.compile(
    r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:plants?|factor(?:y|ies)|subsidiar(?:y|ies)|shares|stake|units?|"
    r"shareholders|revenues?|profits?|output|products|chief executive|CEO|board|headquarters)\b|"
    r"\s+(?:vice-president|vice president|executive vice president|chief executive|CEO|chairman|managing director)"
    r"\s+(?=[A-Z])|"  # "X vice-president Y said": X is the company Y works for
    r",?\s+(?:(?:will|would|has|have|had|is|are|was|also|already|recently|plans to|aims to|is set to|"
    r"intends to|wants to|agreed to)\s+)*"
    r"(?:" + _deeds_written(business_deeds()) + r"|"
    # not "delivered the keynote address", "delivered President X's message"
    r"(?:deliver|delivers|delivered)(?!\s+(?:[\w.'’-]+\s+){0,5}?(?:remarks|speech|address|statement|lecture|"
    r"message|greetings|letter|invitation|congratulations)\b)|"
    r"opened an?|opens an?|open an?|launched an?|set up an?|"
    # "X is set to begin production", "X started building a plant", "X began to develop an offer for Y"
    r"(?:begin|begins|began|begun|start|starts|started)\s+(?:(?:commercial|local|its|full)\s+)?"
    r"(?:production|operations|producing|manufacturing|building|constructing|exporting|operating|selling|mining|"
    r"drilling|to\s+(?:build|construct|produce|manufacture|export|sell|operate|supply|invest|develop|mine))|"
    r"makes(?=\s+(?!(?:a|an|the|his|her|their|its|it|sure|clear|sense|no|up|history|remarks)\b)[a-z]+s\b))"
    r"\b(?!\s+of\b)|"  # not "X, exports of tea rose"; "X makes buses", not "X makes remarks"
    # "X is one of the largest Portuguese companies", "X is a Turkish firm"; not "X is the head of the company"
    r"\s+(?:is|was|remains|became)\s+(?:not\s+)?(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+|another\s+|several\s+)"
    r"(?:(?!of\b)[\w-]+\s+){0,3}?(?:" + COMPANY_NOUN_PLURAL + "|" + COMPANY_NOUN + r")\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|of|from|that|which|with|based|and|for|to)\b))")  # not "the third major project"
# between a name and its title after it: "X, the then", "X, Kenya's"
TITLE_GAP_AFTER = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+|its\s+|[A-Z][\w'’-]*['’]s\s+)?(?:[\w-]+\s+){0,3}")
TITLED = re.compile(r"(?:" + HONORIFIC_WORD + r")\s+$|\b(?:Minister|President|Ambassador|Secretary|Governor|"
                    r"Chairman|Director|Mayor|Senator|Premier|CEO|Chief|Envoy|Consul|Commissioner)\b[^.,;:]{0,40}$",
                    re.IGNORECASE)


def _a_business_name(view: SentenceView, m: Mention) -> bool:
    """A "person" the NER found, untitled here, doing what only a company does."""
    return bool(BUSINESS_PREDICATE.match(view.text, m.end)) and not TITLED.search(view.text, max(0, m.start - 150),
                                                                                     m.start) \
        and not ORGANIZATION_HEAD.search(m.text)  # "Thai Chamber of Commerce chairman X" is no company


TWO_NAMES = re.compile(r"(?P<a>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+and\s+"
                       r"(?P<b>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})")


def names_the_ner_joined_by_and(views: list[SentenceView]) -> list[SentenceView]:
    """"the partnership between Sonatrach and Equinor": the NER's one organisation is two where the article
    names one of its halves on its own elsewhere."""
    alone = {m.text: m.kind for v in views for m in v.mentions if m.kind in ORGANIZATION_KINDS and m.key is None
             and " and " not in m.text}
    result = []
    for view in views:
        mentions = []
        for m in view.mentions:
            two = TWO_NAMES.fullmatch(m.text) if m.kind in ORGANIZATION_KINDS and m.key is None else None
            if two is None or not (two.group("a") in alone or two.group("b") in alone):
                mentions.append(m)
                continue
            for part in ("a", "b"):
                name = two.group(part)
                kind = alone.get(name) or (organization_kind(name) if organization_kind(name) != "Organization"
                                           else m.kind)
                mentions.append(replace(m, text=name, kind=kind, start=m.start + two.start(part),
                                        end=m.start + two.end(part)))
        result.append(replace(view, mentions=mentions) if len(mentions) != len(view.mentions) else view)
    return result


# what stands between two names of one list: "A, B", "A and B", "A, and the B"
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
SPECIFIC_KINDS = frozenset({"Company", "GovernmentBody", "University", "ThinkTank"})


def runs_of_names(view: SentenceView) -> list[list[Mention]]:
    """The lists a sentence names, each of at least two names with nothing but commas and "and" between them;
    a country ends a list."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in sorted((m for m in view.mentions if m.key is None), key=lambda m: m.start):
        if run and LIST_SEPARATOR.fullmatch(view.text, run[-1].end, m.start) and not any(
                k.key and run[-1].end <= k.start < m.start for k in view.mentions):
            run.append(m)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [m]
    return runs + ([run] if len(run) > 1 else [])


def _clearly_an_organisation(m: Mention) -> bool:
    return m.kind in SPECIFIC_KINDS or (m.kind == "Organization" and bool(
        ORGANIZATION_HEAD.search(m.text) or COMPANY_CUES.search(m.text)))


# a name of works, not of whoever builds or runs them
WORKS_NAME = re.compile(r"\b(?:Expressway|Highway|Motorway|Road|Railway|Line|Port|Airport|Bridge|Dam|Canal|Corridor|"
                        r"Project|Park|Zone|Plant|Mine|Field|Terminal)$")


def unnamed_businesses(view: SentenceView, gaz: Gazetteer) -> SentenceView:
    """A capitalised subject the NER named nothing, doing what only a business does, is a company: "Zentarol holds a
    gas exploitation contract in the Gulf".  Not a country, town, title or sector, a town in capitals (a
    dateline) or works named for their place (a road, a port)."""
    if view.parse is None or view.is_title:
        return view
    deeds = business_deeds()
    added: list[Mention] = []
    for token in view.parse:
        if token.dep_ not in ("nsubj", "conj") or token.pos_ != "PROPN":
            continue
        if token.dep_ == "conj" and token.head.dep_ != "nsubj":
            continue
        verb = token.head.head if token.dep_ == "conj" else token.head  # "Andivia and Kesmar generate"
        needs = deeds.get(verb.lower_)
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
        if verb.pos_ != "VERB" or needs is None or needs and not objects & needs:
            continue  # "Zentarol supplies gas", "Zentarol holds a contract"; not "Zentarol holds talks"
        words = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"]
        if not words or words[-1].i != token.i or any(t.dep_ not in ("compound", "nsubj", "conj") for t in words):
            continue
        start = words[0].idx - view.parse.start_char
        end = token.idx + len(token.text) - view.parse.start_char
        name = view.text[start:end]
        taken = any(m.start < end and start < m.end for m in view.mentions + view.cities + added) or any(
            t_start < end and start < t_end for _, t_start, t_end in view.titles) or any(
            c.start < end and start < c.end for c in view.concepts)
        place = any(n in gaz.cities or n in gaz.capitals for n in (name, name.title()))  # not "LIMA", the dateline
        if taken or place or not name[:1].isupper() or name in gaz.names or name in gaz.adjectives or \
                name.lower() in _title_words() or WORKS_NAME.search(name):  # nor "East Bay Expressway", a road
            continue
        added.append(Mention(name, "Company", view.index, start, end))
    if not added:
        return view
    return replace(view, mentions=sorted(view.mentions + added, key=lambda m: m.start))


def names_listed_together(view: SentenceView, gaz: Gazetteer) -> SentenceView:
    """A list names things of one kind, where the NER reads each name on its own: "BBVA, Telefónica, Indra and
    MAPFRE", "Kronospan, Egger and Schweighofer" are companies, though it calls some of them persons;
    "the Presidents X and Y" are people, though it calls one an organisation.  A name with a title before it
    keeps the NER's reading.  Likewise "the Gloria group": a group of companies, not a person."""
    kinds: dict[int, str] = {}
    for run in runs_of_names(view):
        clear = [m for m in run if _clearly_an_organisation(m)]
        people = [m for m in run if m.kind == "Person"]
        if any(m.text in gaz.cities or m.text in gaz.capitals for m in run):
            continue  # "Delhi, Bangalore and Hyderabad": towns the NER reads as names of anything
        organisations = [m for m in run if m.kind in ORGANIZATION_KINDS]
        # one word is no person's full name; a full one beside a company is a person in apposition ("the
        # Agency, Wilfred Marube") or one of a list of company heads ("A, chairman of B, C, president of D")
        retyped = [m for m in people if " " not in m.text] if len(organisations) >= max(len(people), 2) or (
            clear and len(organisations) >= len(people)) else []
        if retyped:
            kinds.update({m.start: "Company" for m in retyped
                          if not TITLED.search(view.text, max(0, m.start - 60), m.start)})
        elif any(" " in m.text for m in people) and not clear and (  # "X and Y", not "the firm X, Y"
                len(run) >= 3 or " and " in view.text[run[0].end:run[1].start]):
            kinds.update({m.start: "Person" for m in run if m.kind == "Organization" and 2 <= len(m.text.split()) <= 4
                          and all(w[:1].isupper() for w in m.text.split())
                          and not re.match(r"['’]s\b|\s+[A-Z]", view.text[m.end:])})  # not "X CEO Y", "X’s CEO"
    for m in view.mentions:
        if m.kind == "Person" and " " not in m.text and re.match(r"\s+group\b", view.text[m.end:]):
            kinds[m.start] = "Company"
    if not kinds:
        return view
    return replace(view, mentions=[replace(m, kind=kinds[m.start]) if m.start in kinds else m for m in view.mentions])


def propagate_names(views: list[SentenceView]) -> list[SentenceView]:
    """One name, one entity per document: an organisation the text has named once ("the Italian energy
    group Eni") is the same organisation where the NER misses it or calls it a person ("Eni takes part
    in ...")."""
    kinds: dict[str, str] = {}
    votes: Counter[str] = Counter()  # for an organisation (more for a specific kind), against: as a person
    people: set[str] = set()
    in_business: set[str] = set()  # "X intends to sell its concession"
    titled: set[str] = set()  # "Minister X", "X, the minister of ...": a person's, somewhere in the text
    for view in views:
        for m in view.mentions:
            if m.kind in ("Person", "Organization") and m.key is None and _a_business_name(view, m):
                votes[m.text] += KIND_RANK["Company"] - 1  # outweighs a person's vote elsewhere, not a title
                in_business.add(m.text)
                if KIND_RANK["Company"] > KIND_RANK.get(kinds.get(m.text, ""), 0):
                    kinds[m.text] = "Company"
            elif m.kind == "Person":
                votes[m.text] -= 1
                people.add(m.text)
                if TITLED.search(view.text, max(0, m.start - 150), m.start) or any(
                        TITLE_GAP_AFTER.fullmatch(view.text, m.end, t_start) for _, t_start, _ in view.titles
                        if m.end <= t_start):
                    titled.add(m.text)
            elif m.kind in KIND_RANK and m.key is None:
                votes[m.text] += KIND_RANK[m.kind]  # "the engineering group X" says more than the NER
                if KIND_RANK[m.kind] > KIND_RANK.get(kinds.get(m.text, ""), 0):
                    kinds[m.text] = m.kind
    # "Sofia Varga said": the NER's bare "organisation" loses to the same name read as a person elsewhere
    persons = {name for name, kind in kinds.items() if kind == "Organization" and name in people and votes[name] <= 0}
    # "In a tweet, Nduhungirehe said": the NER's organisation is a person's surname the text has given in full
    persons |= {name for name, kind in kinds.items() if kind == "Organization" and " " not in name
                and votes[name] <= KIND_RANK["Organization"] * 2 and same_person(name, people - {name})}
    # "François-Philippe Champagne will meet ...", then "Minister Champagne": a full name ending in a person's surname
    persons |= {name for name, kind in kinds.items() if kind == "Organization" and 2 <= len(name.split()) <= 3
                and organization_kind(name) == "Organization" and votes[name] <= KIND_RANK["Organization"] * 2
                and name.split()[-1] in people}
    # "Malaysia's X intends to sell its concession", then "X signed", "X said": a "person" the text never gives a
    # title or an honorific, who does what only a business does, is a business, however often the NER says not
    untitled_business = in_business - titled
    kinds = {name: kind for name, kind in kinds.items()  # not "Park" of "Park Geun-hye"
             if (votes[name] > 0 or name in untitled_business) and not same_person(name, people - {name})}
    kinds.update(dict.fromkeys(persons, "Person"))
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


TITLE_TO_SURNAME = re.compile(r"\s+(?:(?:of|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+)?")


def surnames_after_titles(views: list[SentenceView], gaz: Gazetteer) -> list[SentenceView]:
    """"Mr. Edwin Glusman of Israel ...", then "Ambassador of Israel Glusman announced": the surname of a person
    the article names in full, written after a title or an honorific, is that person where the NER read nothing."""
    surnames = {m.text.split()[-1] for v in views for m in v.mentions if m.kind == "Person" and len(m.text.split()) > 1}
    surnames = {n for n in surnames if len(n) > 3 and n[0].isupper() and n.isalpha() and n not in gaz.names
                and n not in gaz.adjectives and n not in gaz.capitals and n not in gaz.cities
                and n.lower() not in _title_words()}
    if not surnames:
        return views
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(surnames)) + r")(?![\w'’-])")
    result = []
    for view in views:
        found = []
        for match in pattern.finditer(view.text):
            titled = any(end <= match.start() and TITLE_TO_SURNAME.fullmatch(view.text[end:match.start()])
                         for _, _, end in view.titles) or re.search(
                r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|" + HONORIFIC_WORD + r")\s+$", view.text[:match.start()])
            if not titled:
                continue
            glued = next((m for m in view.mentions if m.kind == "Organization" and m.key is None
                          and m.end == match.end() and view.text[m.start:match.start()].strip() in gaz.names), None)
            if glued is not None:  # "Ambassador of Israel Glusman": the NER's one organisation is two names
                place = view.text[glued.start:match.start()].strip()
                view = replace(view, mentions=[m for m in view.mentions if m is not glued] + [Mention(
                    place, gaz.kind_of(gaz.names[place]), view.index, glued.start, glued.start + len(place),
                    gaz.names[place], "name")])
            if not any(m.start < match.end() and match.start() < m.end for m in view.mentions + found):
                found.append(Mention(match.group(), "Person", view.index, match.start(), match.end()))
        result.append(replace(view, mentions=sorted(view.mentions + found, key=lambda m: m.start)))
    return result


GROUPING = (r"(?:platform|grouping|group|bloc|alliance|forum|organi[sz]ation|partnership|union|community|association|"
            r"mechanism|format)\s+(?:grouping|of|comprising|made up of|that brings together|bringing together|"
            r"which groups|linking|uniting|that includes|including)\s+")
GROUPING_WORDS = re.compile(GROUPING)  # the pattern's end alone: where it is missing, the name's scan is spared
GROUP_DEFINED = re.compile(  # "MIKTA is an informal consultation platform grouping Mexico, Indonesia, ..."
    r"(?<![\w-])(?P<name>[A-Z][A-Za-z&-]{1,11}|[A-Z][\w-]*(?:\s+(?:of|for|and|the|[A-Z][\w-]*)){1,8})"
    r"(?:\s*\([A-Z][\w&-]{1,11}\))?(?:\s+(?:is|was)\s+|\s*,\s*)(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,6}?" + GROUPING)


def groups_defined_by_members(view: SentenceView) -> SentenceView:
    """A name the text defines by the countries it groups is an international organisation, known or not:
    "MIKTA is an informal platform grouping Mexico, Indonesia, ... and Australia"."""
    found = []
    for match in GROUP_DEFINED.finditer(view.text) if GROUPING_WORDS.search(view.text) else ():
        start, end = match.span("name")
        members = [m for m in view.places() if m.kind == "Country" and match.end() <= m.start <= match.end() + 120]
        if len({m.key for m in members}) < 2 or view.text[start:end].split()[0] in ("The", "A", "An", "It", "This"):
            continue
        known = [m for m in view.mentions if m.start < end and start < m.end]
        if any(m.kind == "InternationalOrganization" or m.kind == "Country" for m in known):
            continue
        view.mentions = [m for m in view.mentions if m not in known]
        found.append(Mention(view.text[start:end], "InternationalOrganization", view.index, start, end))
    if not found:
        return view
    return replace(view, mentions=sorted(view.mentions + found, key=lambda m: m.start))


NAME_THEN_ACRONYM = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w-]*)){1,9})"
                               r"\s*\((?P<acronym>[A-Z][A-Za-z&]{2,11})\)")
GROUP_HEAD = re.compile(r"\b(?:Forum|Cooperation|Community|Union|Council|Organi[sz]ation|Association|Partnership|"
                        r"Conference|Dialogue|Initiative)\b")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def names_their_acronyms_confirm(view: SentenceView) -> SentenceView:
    """"the Forum for East Asia-Latin America Cooperation (FEALAC)": a name whose acronym follows it, letter
    for letter, is one name, though it holds regions or countries; with them and a group's head word it is
    an international organisation."""
    found = []
    for match in NAME_THEN_ACRONYM.finditer(view.text):
        name, acronym = match.group("name"), match.group("acronym")
        name_start = match.start("name")
        words = name.split()
        while words and words[0] in ("The", "A", "An", "In", "At", "On", "By", "For", "With") and len(words) > 2:
            name_start += len(words[0]) + 1
            words = words[1:]
        name = view.text[name_start:match.end("name")]
        if _initials(name).upper() != acronym.upper() or NOT_AN_ORGANIZATION.search(name):
            continue  # not "the China Pakistan Economic Corridor (CPEC)"
        inner = [m for m in view.mentions if m.start < match.end("name") and name_start < m.end]
        if not inner or any(m.start == name_start and m.end == match.end("name") for m in inner) \
                or any(m.kind not in ("Region", "Country") for m in inner):
            continue  # no region or country inside: the NER and the gazetteer had their chance
        kind = "InternationalOrganization" if GROUP_HEAD.search(name) else organization_kind(name)
        view.mentions = [m for m in view.mentions if m not in inner]
        found.append(Mention(name, kind, view.index, name_start, match.end("name")))
        if not any(m.start == match.start("acronym") for m in view.mentions):  # named so again later
            found.append(Mention(acronym, kind, view.index, match.start("acronym"), match.end("acronym")))
    if not found:
        return view
    return replace(view, mentions=sorted(view.mentions + found, key=lambda m: m.start))


# "the country", "the Asian country", "the southern African nation"; not "the other country"
COUNTRY_ANAPHOR = re.compile(r"\b(?:the|The)\s+(?:(?!other\b|same\b|third\b|host\b|partner\b|neighbo)"
                             r"[A-Za-z-]+\s+){0,2}?(?:country|nation)\b(?!\s+(?:of|to)\b|['’]s\s+(?:[a-z]+\s+)?"
                             r"(?:counterpart|side))")


# "Renault already has production bases there": a place the sentence before named; not "there is", "there
# are", nor "there" before a clause of its own
THERE = re.compile(r"(?<=[a-z] )there\b(?=\s*(?:[.,;:]|$|too\b|as well\b|already\b|since\b|now\b|today\b|"
                   r"for\s+(?:years|decades|\w+\s+years)\b))")
# "U.S. auto parts supplier Lear Corp. ... run plants in the country": a country naming a company's nationality
# is not the country meant
NATION_OF_A_COMPANY = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:" + COMPANY_NOUN + "|" + COMPANY_NOUN_PLURAL + r")\b")


def _in_region(m: Mention, region: str, gaz: Gazetteer) -> bool:
    country = gaz.countries.get(m.key or "")
    return country is not None and region in country.regions


SENDS_AFTER = re.compile(r"\s+(?:(?:has|have|had|will|would|is|are|was|were|also|already)\s+)*(?:\w+ly\s+)?"
                         r"(?:invested|invests|poured|pumped|put|injected|channell?ed|exported|exports|shipped|sent|"
                         r"supplied|supplies|sold)\b")


def country_anaphors(views: list[SentenceView], gaz: Gazetteer) -> list[SentenceView]:
    """"Turkish companies will join projects in the country", "Renault has plants there": the country named
    last, as a noun, before it; not one that owns the phrase ("Hungary's presence in the country" is about
    another), and not one named only as an adjective ("Chinese rival X launched its first EV in the country")
    or as a company's nationality ("U.S. supplier X runs plants in the country"). Where the sentence names no
    other, the last country of the sentences before that its own do not name ("after talks between A and B,
    B's investments in the country": A). "The Southeast Asian nation" is the last of those in that region
    (data/gazetteer/region-adjectives.csv)."""
    named_before: list[Mention] = []  # the countries of the sentences before, as nouns
    by_length = sorted(gaz.region_adjectives.items(), key=lambda item: -len(item[0]))  # "North African" first
    result = []
    for view in views:
        found = []
        for match in [*COUNTRY_ANAPHOR.finditer(view.text), *THERE.finditer(view.text)]:
            places = [m for m in view.places() if m.end <= match.start()]
            before = [m for m in places if m.via != "adjective"
                      and not re.match(r"['’]s?\b|-[a-z]", view.text[m.end:])  # nor "Colombia-based X"
                      and not NATION_OF_A_COMPANY.match(view.text, m.end)]
            # "Turkey's investments in the country": not Turkey, but the country named before it
            destination = re.search(r"\b(?:in|into|to)\s+$", view.text[:match.start()])
            owners = {m.key for m in places if re.match(r"['’]s?\b", view.text[m.end:])} if destination else set()
            # "Singapore had poured $33 billion into the country": not the one that sends it
            senders = {m.key for m in places if SENDS_AFTER.match(view.text, m.end)} if destination else set()
            owners |= senders
            before = [m for m in before if m.key not in senders]
            # "55 Mexican firms operate in the coffee-growing country": not the firms' own
            owners |= {m.key for m in places if m.via == "adjective" and NATION_OF_A_COMPANY.match(view.text, m.end)}
            region = next((r for a, r in by_length if re.search(rf"\b{re.escape(a)}\s", match.group())), None)
            if region is not None:  # "Belarus' exports to the Southeast Asian nation": Vietnam, wherever named
                before = [m for m in before if _in_region(m, region, gaz)]
                owners |= {m.key for m in named_before if not _in_region(m, region, gaz)}
            referent = before[-1] if before else next(
                (m for m in reversed(named_before) if m.key not in owners), None)
            if referent is not None and not any(m.start < match.end() and match.start() < m.end for m in view.mentions):
                found.append(Mention(match.group(), "Country", view.index, match.start(), match.end(), referent.key,
                                     "anaphor"))
        named_before += [m for m in view.places() if m.via != "adjective" and m.key]
        concepts = [c for c in view.concepts  # "the coffee-growing country" says nothing of a company's sector
                    if not any(m.start <= c.start and c.end <= m.end for m in found)]
        result.append(replace(view, mentions=sorted(view.mentions + found, key=lambda m: m.start), concepts=concepts)
                      if found else view)
    return result


MONARCHY_ANAPHOR = re.compile(r"\b(?:the|The)\s+(?P<kind>Kingdom|kingdom|Sultanate|sultanate)\b(?!\s+of\b)")
MONARCH_OF = {"kingdom": "king", "sultanate": "sultan"}


def monarchy_anaphors(views: list[SentenceView], pair: tuple[str, str] | None, gaz: Gazetteer
                      ) -> list[SentenceView]:
    """"The Kingdom's Minister of Agriculture X": of the article's two countries, the one that is a kingdom
    (data/gazetteer/monarchs.csv); nothing where both or neither are."""
    if pair is None:
        return views
    result = []
    for view in views:
        found = []
        for match in MONARCHY_ANAPHOR.finditer(view.text):
            absent = gaz.absent_posts.get(MONARCH_OF[match.group("kind").lower()], frozenset())
            monarchies = [c for c in pair if c not in absent]
            if len(monarchies) == 1 and not any(m.start < match.end() and match.start() < m.end
                                                for m in view.mentions):
                found.append(Mention(match.group(), "Country", view.index, match.start(), match.end(),
                                     monarchies[0], "anaphor"))
        result.append(replace(view, mentions=sorted(view.mentions + found, key=lambda m: m.start)) if found else view)
    return result


# a line broken inside a sentence, as wire copy wrapped at a fixed width is: a word or a comma, then lower case
WRAPPED = re.compile(r"(?<=[a-z,;])[ \t]*\r?\n[ \t]*(?=[a-z(])")


# in text wrapped at a fixed width, a single line break between two lines of a paragraph
LINE_IN_PARAGRAPH = re.compile(r"(?<=\S)[ \t]*\r?\n[ \t]*(?=\S)")


def _wrap_width(text: str) -> int | None:
    """The width wire copy and e-mailed releases were wrapped at (60 to 100 characters: most lines near one
    width, none longer), or None for text whose lines are its paragraphs."""
    lengths = [len(line.rstrip()) for line in text.splitlines() if line.strip()]
    wrapped = len(lengths) >= 5 and max(lengths) <= 100 and sum(50 <= n for n in lengths) >= 0.6 * len(lengths) \
        and len(WRAPPED.findall(text)) >= 2  # and some breaks fall between the words of a sentence
    return max(lengths) if wrapped else None


def _unwrapped(text: str) -> str:
    """The text with the breaks that wrapping made turned into spaces, one for one. In wrapped text a break is
    the wrapper's where the next word would not have fitted on the line (give or take five characters, for copy
    wrapped by hand); where it would have ("Speakers:", a participants' list, a paragraph's last line), the
    writer broke the line and it stays."""
    width = _wrap_width(text)
    if width is None:
        return WRAPPED.sub(lambda m: " " * len(m.group()), text)

    def joined_or_kept(m: re.Match[str]) -> str:
        word = re.match(r"\S*", text[m.end():]).group()
        if word in ("-", "–", "—", "•", "*", "·"):
            return m.group()  # a list's item opens a line of its own
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        inside_a_sentence = WRAPPED.match(text, m.start())  # matched in the whole text: its lookahead sees on
        joined = len(line) + 1 + len(word) > width - 5 or inside_a_sentence and inside_a_sentence.end() == m.end()
        return " " * len(m.group()) if joined else m.group()

    return LINE_IN_PARAGRAPH.sub(joined_or_kept, text)


# "South Koreaʼs", "Korea´s", "Korea`s": a letter or an accent printed for the apostrophe, one character for one,
# so the rules' "’s" reads them and offsets stay the document's
APOSTROPHE_LOOKALIKE = re.compile(r"ʼ|(?<=\w)[´`′](?=\w)")
# "Morocco’s Attijariwafa Bank": the NER, trained on straight apostrophes, reads a curly possessive into the name
CURLY_POSSESSIVE = re.compile(r"(?<=\w)’(?=s\b)")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Lines of text with their offsets: a line break ends a sentence in news text (titles and datelines
    carry no full stop), except where the text was wrapped mid-sentence (blank lines then part paragraphs);
    those breaks become spaces, so every offset stays the document's."""
    unwrapped = APOSTROPHE_LOOKALIKE.sub("’", _unwrapped(text))
    unwrapped = CURLY_POSSESSIVE.sub("'", unwrapped)
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", unwrapped) if m.group().strip()]


def read_views(text: str) -> tuple[list[Sentence], list[SentenceView]]:
    nlp, gaz, matchers = load_nlp(), load_gazetteer(), load_matchers()
    parts = paragraphs(text)
    sentences: list[Sentence] = []
    views: list[SentenceView] = []
    for n, ((offset, _), doc) in enumerate(zip(parts, nlp.pipe(p for _, p in parts), strict=True)):
        sents = list(doc.sents)
        headline = n == 0 and len(sents) == 1 and not sents[0].text.rstrip().endswith((".", "!", "?", '"', "”"))
        for sent in sents:
            stripped = sentence_text(sent).rstrip()
            if not stripped.strip():
                continue
            index = len(sentences)
            start = offset + sent.start_char  # the document's own text, line breaks and all
            sentences.append(Sentence(index, text[start:start + len(stripped)], start, start + len(stripped)))
            views.append(sentence_view(sent, index, gaz, matchers, headline))
    views = [names_their_acronyms_confirm(groups_defined_by_members(v)) for v in views]
    views = [_names_with_their_ends(v) for v in surnames_after_titles(headline_people_the_body_names(
                 propagate_names([names_listed_together(unnamed_businesses(v, gaz), gaz)
                                  for v in names_the_ner_joined_by_and(views)])), gaz)]
    return sentences, country_anaphors(names_two_countries_share(views, gaz), gaz)


def headline_people_the_body_names(views: list[SentenceView]) -> list[SentenceView]:
    """"Kuwaiti Envoy Hails Solid, Historic Ties": in a headline where every word has its capital, the NER
    takes verbs and adjectives for names; a person such a headline names is one the article names again, in
    full or by the same words ("Tokayev" for "Kassym-Jomart Tokayev").  A headline in sentence case stands:
    "In conversation with H.E. X, Ambassador of Y" may name its only person."""
    body = "\n".join(v.text for v in views if not v.is_title)
    result = []
    for view in views:
        title_case = all(w[0].isupper() for w in re.findall(r"[A-Za-z][\w'’-]{3,}", view.text))
        if view.is_title and title_case and any(m.kind == "Person" for m in view.mentions):
            kept = [m for m in view.mentions if m.kind != "Person" or m.text in body]
            view = replace(view, mentions=kept) if len(kept) < len(view.mentions) else view
        result.append(view)
    return result


def names_two_countries_share(views: list[SentenceView], gaz: Gazetteer) -> list[SentenceView]:
    """"Congo" and "Congolese" name the Democratic Republic, "Korea" South Korea, except in an article that
    names the other country (by a name of its own or its capital) and never the usual one
    (data/gazetteer/shared-names.csv)."""
    named = {m.key for v in views for m in v.places() + v.cities if m.text not in gaz.shared_names}

    def meant(m: Mention) -> Mention:
        usual = gaz.names.get(m.text, gaz.adjectives.get(m.text))
        other = gaz.shared_names.get(m.text)
        return replace(m, key=other) if other and m.key == usual and other in named and usual not in named else m

    result = []
    for view in views:
        moved = [meant(m) for m in view.mentions]
        result.append(replace(view, mentions=moved) if moved != view.mentions else view)
    return result


def run_after(view: SentenceView, mentions: list[Mention], start: int) -> list[Mention]:
    """The mentions named in a row right after a position: ", Brazil and India"."""
    run: list[Mention] = []
    position = start
    for m in mentions:
        if m.start < position:
            continue
        gap = view.text[position:m.start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|,?\s*(?:such as|like|including|namely)|:|—|–)?\s*(?:the\s+)?",
                            gap) or \
                (not run and re.search(r"\band\b", gap)):  # "a G7 member, and Kazakhstan": not a list
            break
        run.append(m)
        position = m.end
    return run


def run_before(view: SentenceView, mentions: list[Mention], end: int) -> list[Mention]:
    """The mentions named in a row ending at `end`: "Brazil, India and China" before ", both ...",
    "Total, Orano and Alstom"."""
    run: list[Mention] = []
    position = end
    for m in reversed([m for m in mentions if m.end <= end]):
        if view.text[m.start - 1:m.start] == "(" and view.text[m.end:m.end + 1] == ")":
            continue  # "Cementos Mexicanos (Cemex), Grupo Bimbo": an item may carry its acronym in brackets
        if not re.fullmatch(r"[\x22”’']?(?:\s*\([^()]{1,15}\))?\s*(?:,|and|,\s*and)?\s*(?:the\s+)?[\x22“‘']?\(?",
                            view.text[m.end:position]):
            break
        run.insert(0, m)
        position = m.start
    return run

"""Areas of cooperation between two countries, from prose and from the flows between them."""

from __future__ import annotations

import re

from diplograph.graph.config import SECTOR_NS
from diplograph.graph.extract.reading import Concept, DocumentContext, SentenceView, make_fact
from diplograph.graph.extract.vocabulary import NEGATION_WORDS, TWO_COUNTRIES
from diplograph.graph.gazetteer import Gazetteer
from diplograph.graph.model import Fact, Mention

COOPERATION_CUE = re.compile(
    r"\b(cooperat\w*|co-operat\w*|collaborat\w*|partnership|partners?|ties|relations|interest|interested|"
    r"opportunit\w*|sectors?|areas?|fields?|spheres?|focus|pillars?|joint|engagement|prospects|dialogue|"
    r"potential|agenda|priorit\w*|consultations|discussed|agreed|agreements?|deals?|memorand\w*|invest\w*|attract\w*|"
    r"projects?|talks|cover\w*|access|exchange|topics?|meetings?|discussions?|views|expertise|experience|support|"
    r"assistance|commitment|work(?:ing)?\s+together|join(?:ing)?\s+forces|signed|documents|accords?)\b",
    re.IGNORECASE)
PAIR_REFERENCE = re.compile(r"\b(" + TWO_COUNTRIES + r"|bilateral|mutual)\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:" + NEGATION_WORDS + r")\b")

# "In the world of business and finance, ...": a figure of speech that sets a scene, naming no area.
SCENE_SETTING = re.compile(r"\b[Ww]orld\s+of\s+(?:[a-z]+(?:\s*,\s*|\s+and\s+))*$")

# "the Dutch engineering firm X signed a memorandum": a sector before a company's noun says what that one company
# does, not what the two countries cooperate in
NAMES_A_COMPANYS_BUSINESS = re.compile(r"\s+(?:firm|company|group|giant|conglomerate|corporation|contractor|"
                                       r"multinational)\b")

# "the Minister of Trade and Industry", "the Chamber of Commerce and Industry", "industry ministers": a portfolio or a
# body's name, not an area
PORTFOLIO_AFTER = re.compile(r"(?:\s+and\s+[a-z]+)?\s+(?:[Mm]inist(?:er|ers|ry|ries)|[Dd]epartments?|[Cc]hambers?)\b")
BODY_BEFORE = re.compile(r"\b(?:[Cc]hambers?|[Mm]inist(?:er|ers|ry|ries)|[Dd]epartments?|[Cc]aptains)\s+of\s+"
                         r"(?:[A-Za-z]+(?:,\s*|\s+and\s+|\s*&\s*))*$")

# "a secure environment for investment", "the investment climate", "a climate of confidence": conditions, not nature
CONDITIONS_BEFORE = re.compile(r"\b(?:business|investment|investor|economic|political|secure|stable|safe|conducive|"
                               r"favou?rable|friendly|friendlier|enabling|attractive|difficult|current|competitive|"
                               r"regulatory|legal|operating|security|trade|commercial|social)\s+$", re.IGNORECASE)
CONDITIONS_AFTER = re.compile(r"\s+(?:for|of|that|which|in\s+which)\b")

# "signed 40 documents worth 3 billion euros, in energy, mining and transport": the deals' areas, figure or not
SIGNED_IN = re.compile(r"\b(?:signed|inked|concluded)\b[^.;]{0,100}?,?\s+in\s+(?:the\s+)?"
                       r"(?:areas?\s+of\s+|fields?\s+of\s+)?[a-z]")
FIELDS = re.compile(r"\b(?:fields?|sectors?|areas?|spheres?|domains?)\b")


def cooperation(view: SentenceView, context: DocumentContext) -> list[Fact]:
    """Sectors named with a word of cooperation: between the two countries the sentence names, or the
    document's pair when the sentence names both of them, or one or none of them."""
    if NEGATED.search(view.text) or not COOPERATION_CUE.search(view.text):
        return []
    # a clause of figures names areas only where it says so ("for the fields of health, ..."); in a list of
    # accords split by semicolons, only the accord with the figure is such a clause
    figures = [(view.text.rfind(";", 0, m.start) + 1, _accord_end(view.text, m.end)) for m in view.money
               if not FIELDS.search(view.text) and not SIGNED_IN.search(view.text)]
    sectors = list(dict.fromkeys(c.iri for c in view.concepts if not c.is_commodity
                                 and not SCENE_SETTING.search(view.text[:c.start])
                                 and not NAMES_A_COMPANYS_BUSINESS.match(view.text, c.end)
                                 and not _names_a_portfolio(view, c) and not _names_conditions(view, c)
                                 and not any(start <= c.start < end for start, end in figures)))
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
    return [make_fact("Cooperation", view, {"party": parties}, confidence, sector=s) for s in sectors]


def _names_a_portfolio(view: SentenceView, concept: Concept) -> bool:
    """"Minister of Industry and Trade X", "the Chamber of Commerce and Industry", "industry ministers": a sector
    inside a title or a body's name says who someone is, not what the two countries cooperate in."""
    return any(start <= concept.start and concept.end <= end for _, start, end in view.titles) or bool(
        PORTFOLIO_AFTER.match(view.text, concept.end) or BODY_BEFORE.search(view.text[:concept.start]))


def _names_conditions(view: SentenceView, concept: Concept) -> bool:
    """"the secure environment for investment", "a better investment climate": the words of the environment
    sector used for the conditions of business, not for nature."""
    word = view.text[concept.start:concept.end].lower()
    return word in ("environment", "climate") and bool(
        CONDITIONS_BEFORE.search(view.text[:concept.start]) or CONDITIONS_AFTER.match(view.text, concept.end))


def _accord_end(text: str, start: int) -> int:
    """Where the item of a list split by semicolons ends (not memberships' clause, which ends at "while" too)."""
    end = text.find(";", start)
    return len(text) if end < 0 else end


TITLE_AFTER = re.compile(r"\s+(?:minister|ministry|secretary|commissioner|attach[eé]|representative|office|"
                         r"agency|council|board|mission)\b", re.IGNORECASE)
BETWEEN_THE_PAIR = re.compile(r"\b(?:bilateral|two-way|mutual|reciprocal)\b", re.IGNORECASE)
BETWEEN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?between\s+(?:the\s+two|both)\s+(?:countries|nations|sides)\b")


def trade_and_investment(view: SentenceView, context: DocumentContext) -> list[Fact]:
    """"Bilateral trade rose by 150 percent", "two-way trade doubled", "Korean investment into the economy of
    Uzbekistan", "Emirati investment projects in Ethiopia": trade or investment named as what passes between
    the article's two countries is an area of their relations, with or without a figure."""
    pair = context.main_pair
    if pair is None or NEGATED.search(view.text):
        return []
    facts = []
    for concept in view.concepts:
        if concept.iri.rsplit("/", 1)[-1] not in ("trade", "investment") or any(
                t_start <= concept.start and concept.end <= t_end for _, t_start, t_end in view.titles) \
                or TITLE_AFTER.match(view.text, concept.end):
            continue  # "Peru's trade minister", "Minister of Trade": a portfolio, not an area
        named = view.text[max(0, concept.start - 12):concept.end]
        owner = next((m for m in view.places() if m.key in pair and re.fullmatch(
            r"(?:['’]s)?\s+", view.text[m.end:concept.start])), None)  # "Korean investment", "the UAE's investment"
        if BETWEEN_THE_PAIR.search(named) or BETWEEN_AFTER.match(view.text, concept.end) or owner is not None \
                or _between_the_two(view, concept.end, pair):
            parties = [context.pair_mentions[k] for k in pair if k in context.pair_mentions]
            if len(parties) == 2:
                facts.append(make_fact("Cooperation", view, {"party": parties}, 0.6, sector=concept.iri))
    return facts


# how often an article about two countries must speak of trade or investment before it is an area of theirs
TALKED_OF = {"investment": 1, "trade": 2}
EXPORTS = re.compile(r"\b(?:exports?|exported|exporting|exporters?|imports?|imported|importing|importers?)\b",
                     re.IGNORECASE)


def trade_and_investment_talked_of(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                                   pair_mentions: dict[str, Mention]) -> list[Fact]:
    """An article about two countries that speaks of investment, or more than once of trade (exports,
    imports), reports it as part of their relations, whoever's figures or plans the sentences give: the
    area of the pair, read from the first sentence that names it (the corpus's annotators read it so in
    nearly every such article)."""
    if pair is None or not all(k in pair_mentions for k in pair):
        return []
    stated = {str(f.value("sector")).rsplit("/", 1)[-1] for f in facts if f.kind == "Cooperation"
              and {m.key for m in f.roles_named("party")} == set(pair)}
    found = []
    for area, needed in TALKED_OF.items():
        if area in stated:
            continue
        said = [(view, concept) for view in views if not NEGATED.search(view.text) for concept in view.concepts
                if concept.iri.rsplit("/", 1)[-1] == area and not TITLE_AFTER.match(view.text, concept.end)
                and not any(t_start <= concept.start and concept.end <= t_end for _, t_start, t_end in view.titles)]
        exports = sum(len(EXPORTS.findall(view.text)) for view in views if not NEGATED.search(view.text)) \
            if area == "trade" else 0  # "exports rose", "imports of rice": trade spoken of in other words
        if said and len(said) + exports >= needed:
            view, concept = said[0]
            found.append(make_fact("Cooperation", view, {"party": [pair_mentions[k] for k in pair]}, 0.5,
                                   sector=concept.iri))
        elif exports >= needed:  # no word "trade", but "French exports" and "Bhutan importing goods"
            view = next(v for v in views if not NEGATED.search(v.text) and EXPORTS.search(v.text))
            found.append(make_fact("Cooperation", view, {"party": [pair_mentions[k] for k in pair]}, 0.5,
                                   sector=SECTOR_NS + area))
    return found


BETWEEN_NAMED = re.compile(r"\s+(?:[\w-]+\s+){0,3}?between\s+(?:the\s+)?")


def _between_the_two(view: SentenceView, end: int, pair: tuple[str, str]) -> bool:
    """"trade between China and Peru": the two countries named after "between"."""
    between = BETWEEN_NAMED.match(view.text, end)
    if not between:
        return False
    named = [m for m in view.places() if between.end() <= m.start <= between.end() + 40]
    return {m.key for m in named[:2]} == set(pair) and bool(
        re.fullmatch(r"\s+and\s+(?:the\s+)?", view.text[named[0].end:named[1].start]))


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


def cooperation_from_activities(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """A company of one country at work in another's market, in a sector, makes that sector an area of the two
    countries' relations: "Spanish Aqualia will build the wastewater plant in Egypt" is Spain and Egypt
    cooperating in water management, as readers of the article take it.  Only a sector the sentence names for
    the work, after the company and its apposition: in "BI Group, Kazakhstan's largest property developer, is
    preparing to expand into the Canadian market" the sector is what the company is, not what it will do."""
    homes = {f.role("organization").text: f.role("country") for f in facts if f.kind == "HomeCountry"}
    by_index = {v.index: v for v in views}
    derived = []
    for fact in facts:
        home = homes.get(fact.role("organization").text) if fact.kind == "MarketActivity" else None
        sector = fact.value("sector") if home is not None else None
        if sector and home.key and fact.role("market").key and home.key != fact.role("market").key \
                and _named_for_the_work(by_index.get(fact.sentence), fact.role("organization"), str(sector)):
            derived.append(Fact("Cooperation", fact.sentence, (("party", home), ("party", fact.role("market"))),
                                (("sector", sector),), 0.5))
    return derived


def _named_for_the_work(view: SentenceView | None, org: Mention, sector: str) -> bool:
    """Whether the sentence names the sector (or a commodity) after the company and after any apposition of it."""
    if view is None or org.sentence != view.index:
        return False
    apposed = re.match(r"(?:\s*\([^()]*\))?\s*,[^,;]*,", view.text[org.end:])
    after = org.end + (apposed.end() if apposed else 0)
    return any(c.start >= after and (c.iri == sector or c.is_commodity) for c in view.concepts)


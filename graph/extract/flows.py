"""Trade and investment flows: amounts as written, their year, direction and commodity, never
targets, forecasts, changes or negations."""

from __future__ import annotations

import re
from decimal import Decimal

from diplograph.graph.extract.reading import NEGATION, Concept, DocumentContext, SentenceView, make_fact
from diplograph.graph.extract.vocabulary import MONTH, TWO_COUNTRIES
from diplograph.graph.gazetteer import Country
from diplograph.graph.model import Fact, Mention
from diplograph.graph.money import Money

TRADE_CUE = re.compile(r"\b(trade|turnover|trading|exports?|exported|exporting|imports?|imported|importing|"
                       r"shipments?|shipped|supplies|sales|exchanged\s+goods|exchange\s+of\s+goods|commerce|"
                       r"commercial\s+(?:ties|relations|exchanges?)|"  # "commercial ties reached"
                       r"bilateral\s+exchanges?)\b", re.IGNORECASE)  # "bilateral exchange reached USD 3.3 billion"
INVESTMENT_CUE = re.compile(r"\b(invest\w*|FDI|capital inflows?|poured|pumped|ploughed|plowed|"
                            r"put(?!\s+(?:forward|off|on|up|out|aside|together|in\s+place)\b)"
                            r"(?=\s[^.;]{0,40}?\binto\b))\b", re.IGNORECASE)  # "has put $15 billion into"
EXPORT = re.compile(r"\b(exports?|exported|exporting|shipments?|shipped|supplies|sales)\b", re.IGNORECASE)
IMPORT = re.compile(r"\b(imports?|imported|importing)\b", re.IGNORECASE)


# "Viettel Global achieved turnover of VND13 trillion", "the group's annual sales": a company's takings, no flow
COMPANYS_FIGURE = re.compile(r"\b(?:its|their|achieved|achieves|posted|posts|reported|recorded|annual|net|"
                             r"(?:company|group|firm|corporation)['’]s)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
OWNED_FLOW_AFTER = re.compile(r"\s*(?:worth\s+)?(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){1,2}"
                              r"(?:[a-z]+\s+)?")


def _put_by_a_country(view: SentenceView, at: int) -> bool:
    """"Italy has put $15 billion into": a country the subject; not "Teraplast has put EUR 11 million into", a
    company's spending on its own plant."""
    return any(m.end <= at and re.fullmatch(r"(?:\s+\w+){0,2}\s+", view.text[m.end:at]) for m in view.places())


def _nearest_cue(view: SentenceView, money: Money) -> tuple[str, re.Match] | None:
    cues = [("investment", m) for m in INVESTMENT_CUE.finditer(view.text)]
    cues += [("trade", m) for m in TRADE_CUE.finditer(view.text)]
    cues = [c for c in cues if not any(n.start <= c[1].start() < n.end for n in view.mentions)
            and not any(t_start <= c[1].start() < t_end for _, t_start, t_end in view.titles)  # "Minister of Trade"
            and not (c[1].group()[0].isupper() and PORTFOLIO_NAME.search(view.text[:c[1].start()]))
            and not (c[1].group().lower() in ("turnover", "sales")
                     and COMPANYS_FIGURE.search(view.text[:c[1].start()]))
            and not (c[1].group().lower() == "put" and not _put_by_a_country(view, c[1].start()))]
    owned = [c for c in cues if c[1].start() >= money.end and OWNED_FLOW_AFTER.fullmatch(
        view.text[money.end:c[1].start()])]
    if owned:  # "$300 million in Canadian imports": the amount's own noun, whatever cue came before
        return owned[0]
    before = [c for c in cues if c[1].end() <= money.start]
    if before:
        return max(before, key=lambda c: c[1].start())
    after = [c for c in cues if c[1].start() >= money.end]
    return min(after, key=lambda c: c[1].start()) if after else None


# the year a figure is compared with: "than in 2022", "compared with the same period in 2022", "since 2015",
# "compared to the whole of 2020"
COMPARED_WITH = re.compile(r"\b(?:than|compared (?:with|to)|since|from|against)\s+"
                           r"(?:in\s+|the same (?:\w+\s+){1,2}?(?:of|in)\s+|"
                           r"(?:the\s+)?(?:whole|entire|all|full)\s+(?:year\s+)?(?:of\s+)?)?$")
# a year that dates another figure of the sentence: "143 per cent more than the $94.2 million of all 2020"
ANOTHER_FIGURES_YEAR = re.compile(r"\s+(?:in|of|for|during|over)\s+(?:the\s+)?(?:(?:whole|entire|all|full)\s+"
                                  r"(?:year\s+)?(?:of\s+)?)?$")
# "(2020: €19 billion)": a year that labels the figure after it
YEAR_LABEL = re.compile(r"\d{4}\s*:")


def _dates_another(view: SentenceView, offset: int, money: Money) -> bool:
    return any(m is not money and m.end <= offset and ANOTHER_FIGURES_YEAR.fullmatch(view.text[m.end:offset])
               for m in view.money)


def _year_for(view: SentenceView, money: Money, context: DocumentContext) -> tuple[int | None, str | None]:
    """The year an amount refers to: the nearest year after it ("$1 billion in 2021"), else the
    nearest before it, else the year of the sentence before (same topic, "in the same year"); never a year
    the amount is only compared with."""
    others = [m for m in view.money if m is not money]
    after = [(y, o) for y, o in view.years if o >= money.end and o - money.end <= 40
             and not any(money.end <= m.start < o for m in others) and not COMPARED_WITH.search(view.text[:o])
             and not YEAR_LABEL.match(view.text, o)]  # "€20 billion (2020: €19 billion)": the next one's
    before = [(y, o) for y, o in view.years if o < money.start
              and not any(o < m.start < money.start for m in others)]
    leading = [(y, o) for y, o in view.years if o < min(m.start for m in view.money)]
    if not after and len(leading) == len(view.money) == len(view.years) >= 2:
        year, offset = leading[view.money.index(money)]  # "between 2012 and 2013 ... from $5.8bn to $6.5bn"
    elif after:
        year, offset = after[0]
    elif before:
        year, offset = before[-1]
        if re.search(r"\b(?:since|from)\s+(?:the\s+(?:start|beginning)\s+of\s+)?$", view.text[:offset],
                     re.IGNORECASE):
            return None, None  # "Since 2015, firms have invested $2 billion": a total over the years since
        span = re.match(r"\s*(?:and|to|-|–)\s*(\d{4})\b", view.text[offset + 4:])
        if span:  # "between 1992 and 2023": the figure stands at the end of the range
            year = int(span.group(1))
    elif any(not COMPARED_WITH.search(view.text[:o]) and not _dates_another(view, o, money) for _, o in view.years):
        year, offset = next((y, o) for y, o in view.years if not COMPARED_WITH.search(view.text[:o])
                            and not _dates_another(view, o, money))
    elif any(_dates_another(view, o, money) for _, o in view.years):
        return context.previous_year, None  # "$229 million in January-June, more than the $94.2 million of all 2020"
    elif any(re.search(r"\bthe same\b", COMPARED_WITH.search(view.text[:o]).group()) for _, o in view.years):
        # "$5.9 million, up 5.6 times compared with the same period in 2022": the period the sentence before named
        return context.previous_year, None
    elif view.years:
        return None, None  # "38 per cent more than in 2021", "since 2020": only what the figure is compared with
    else:
        return context.previous_year, None
    period = re.search(r"\b(?:first|second|third|fourth|last)\s+(?:half|quarter|\w+\s+months)\s+of\s+$|"
                       r"\b" + MONTH + r"(?:\s*[-–]\s*\w+)?\s+$", view.text[:offset])
    return year, period.group(0).strip() if period else None


BILATERAL_TRADE = re.compile(r"\b(?:bilateral|two-way)\s+(?:trade|commerce)\b", re.IGNORECASE)
PAIR_WORDS = re.compile(r"\b(" + TWO_COUNTRIES + r"|bilateral|between the two|mutual|our)\b", re.IGNORECASE)
RAISE_TO = re.compile(r"\b(rais(?:e|ing)|increas(?:e|ing)|bring(?:ing)?|boost(?:ing)?|doubl(?:e|ing)|lift(?:ing)?|"
                      r"expand(?:ing)?)\b[^.;]{0,60}\bto\s+"
                      r"(?:about\s+|around\s+|over\s+|more than\s+)?$", re.IGNORECASE)
TARGET_AFTER = re.compile(r"^\W{0,3}(?:(?!and\b|but\b|while\b)\w+\s+){0,3}(target|goal|objective|mark by|by 20\d\d|"
                          r"expected|projected|forecast|envisaged)", re.IGNORECASE)
PORTFOLIO_NAME = re.compile(r"\b(?:Minister|Ministry|Department|Secretary|Committee|Commission|Chamber)\s+(?:of|for)\s+"
                            r"(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,4}$")  # "Minister of Foreign Affairs and Trade"
# "trade more than doubled to reach $1.4 billion in 2008": a change that happened reached its level
GREW_TO = re.compile(r"\b(?:rose|grew|increased|doubled|tripled|trebled|jumped|climbed|surged|soared|expanded|"
                     r"went up|fell|dropped|declined|decreased)\s+(?:[\w%.,$-]+\s+){0,4}?$", re.IGNORECASE)
CHANGE_BEFORE = re.compile(  # "an increase of $6.4 billion", "grew by $300 million": a change, not a level
    r"\b(?:(?:an?\s+)?(?:increase|rise|growth|jump|decrease|decline|drop|fall)\s+of|(?:grew|rose|increased|jumped|"
    r"fell|decreased|declined|dropped|up|down)\s+by)\s+(?:about\s+|around\s+|over\s+|more than\s+|nearly\s+|"
    r"almost\s+)?$", re.IGNORECASE)


def _direction(view: SentenceView, kind: str, cue: re.Match) -> tuple[Mention | None, Mention | None]:
    """(from, to) where the text gives a direction; either may be None."""
    if kind == "investment":
        source = (_owner_before(view, cue.start()) or _after_word(view, r"\bfrom\s+(?:the\s+)?$", after=cue.end())
                  or _subject_of(view, r"\b(invested|has invested|have invested|invests|investing)\b"))
        target = _after_word(view, r"(?<!according )(?<!due )(?<!thanks )\b(?:in|into|to)\s+(?:the\s+)?"
                             r"(?:economy\s+of\s+(?:the\s+)?)?$", after=cue.end())  # not "according to the X"
        if target is None:  # "Uzbekistan attracted $2 billion of Korean investment"
            target = _subject_of(view, r"\b(attracted|received|has attracted|drew)\b")
        return source, target
    word = cue.group(0).lower()
    if EXPORT.fullmatch(word):
        source = _owner_before(view, cue.start()) or _after_word(view, r"\bfrom\s+(?:the\s+)?$", after=cue.end()) \
            or _subject_of(view, r"\b(?:exported|shipped)\b")
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
        if m.kind == "Country" and re.fullmatch(r"(?:['’]s?)?\s*(?:[a-z]+\s+){0,2}", gap):
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
    scope = lead[max(0, min(cue.start(), money.start) - 40):]
    stated = list(STATED_CLAUSE.finditer(scope))
    if stated:  # "agreed to boost trade, which reached $215 million": the clause states a level
        scope = scope[stated[-1].start():]
    negated = [m for m in NEGATION.finditer(scope) if not GREW_TO.search(scope[:m.start()])]
    return bool(negated
                or TARGET_AFTER.search(view.text[money.end:money.end + 40]) or RAISE_TO.search(lead)
                or CHANGE_BEFORE.search(lead) or BALANCE_BEFORE.search(lead[max(0, money.start - 60):]))


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


CONVERSION = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|or|equivalent to)?\s*")
TRADE_WITH = re.compile(r"\s*(?:worth\s+)?(?:of\s+)?(?:(?:two-way|bilateral|total|annual)\s+)?(?:trade|commerce)\s+"
                        r"with\s+(?:the\s+)?")


def _trade_with(view: SentenceView, money: Money, context: DocumentContext) -> list[Mention] | None:
    """"the $2 billion of two-way trade with India looks small next to the $40b worth of trade with China", in an
    article about New Zealand and India: trade with one of the two is with the other; with a third country, it is
    with the one the sentence's trade with the pair's country leaves."""
    pair = context.main_pair
    if pair is None:
        return None
    withs = [(o, m) for o in view.money for m in view.places()
             if m.start >= o.end and TRADE_WITH.fullmatch(view.text[o.end:m.start])]
    partner = next((m for o, m in withs if o is money), None)
    if partner is None:
        return None
    trader = None
    if partner.key in pair:
        trader = pair[1] if partner.key == pair[0] else pair[0]
    else:
        inside = {m.key for _, m in withs if m.key in pair}
        if len(inside) == 1:
            trader = pair[1] if inside == {pair[0]} else pair[0]
    if trader is None or trader not in context.pair_mentions:
        return None
    return [context.pair_mentions[trader], partner]


STATED_CLAUSE = re.compile(r",\s*(?:which|that)\s+(?:has\s+|had\s+|already\s+)?(?:reached|stood|totall?ed|amounted|"
                           r"was|were|hit|exceeded|topped|rose|grew|increased)\b|"
                           r"\b(?:present|current|existing)\s+(?:volume|level|value|figure)\b", re.IGNORECASE)
# "the trade deficit with Japan widened to $1 billion": a difference between two flows, neither of them
BALANCE_BEFORE = re.compile(r"\b(?:deficit|surplus|balance|imbalance)\b[^.;$€£¥]*$", re.IGNORECASE)
# "up from $980 million a year earlier": the year before the sentence's year
YEAR_EARLIER_AFTER = re.compile(r"\s*(?:a year (?:earlier|before|ago)|the (?:previous|preceding) year|"
                                r"in the (?:previous|preceding) year|the year before)\b", re.IGNORECASE)
# "from $380 million in 2022 to $444 million the following year": the year after the one named before
YEAR_LATER_AFTER = re.compile(r"\s*(?:in\s+)?(?:the (?:following|next|subsequent) year|a year later)\b", re.IGNORECASE)


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


def _the_pairs_own(view: SentenceView, pair: tuple[str, str]) -> bool:
    """"Vietnam is Cuba's No. 2 partner, behind only China, with bilateral trade of $220 million": the pair's
    trade, whatever other country is compared; not "Chinese bilateral trade has grown", another country's."""
    said = BILATERAL_TRADE.search(view.text)
    return bool(said) and not any(m.key not in pair and m.end <= said.start() and said.start() - m.end <= 3
                                  for m in view.places())


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


# "It went up from R44 million in 2009": a sentence whose subject is the figure the sentence before spoke of
REFERS_BACK = re.compile(r"\s*(?:It|This|The\s+(?:figure|volume|value|total))\s+(?:has\s+|had\s+|then\s+)?"
                         r"(?:went|rose|grew|increased|fell|dropped|declined|decreased|reached|stood|amounted|climbed)\b")


def speaks_of_the_pairs_trade(view: SentenceView, pair: tuple[str, str] | None) -> bool:
    """"Total trade between A and B has fluctuated": the pair's trade, whose figures the next sentence may give
    ("It went up from R44 million in 2009 to R137 million in 2010")."""
    return bool(pair) and set(pair) <= set(view.countries()) and bool(TRADE_CUE.search(view.text))


def _the_pairs_trade_referred_to(view: SentenceView, money: Money, context: DocumentContext) -> bool:
    """"It went up from R44 million in 2009", after a sentence about the pair's trade: a level of that trade,
    not a target or a change."""
    return context.trade_before and bool(context.main_pair) and bool(REFERS_BACK.match(view.text)) \
        and not view.countries() and not (TARGET_AFTER.search(view.text[money.end:money.end + 40])
                                          or RAISE_TO.search(view.text[:money.start])
                                          or CHANGE_BEFORE.search(view.text[:money.start]))


FIGURE_AFTER_COUNTRY = re.compile(r"\s*(?:[:–—-]\s*)?(?:(?:about|some|nearly|almost|over)\s+)?")


def _listed_with_its_figure(view: SentenceView, money: Money) -> Mention | None:
    """The country written straight before a figure, where the sentence lists two or more countries so, each
    with its own: "Serbia €790 million, BiH €344 million and Montenegro €71 million"."""
    def country_before(m: Money) -> Mention | None:
        return next((c for c in view.places() if c.kind == "Country" and c.via != "adjective"
                     and FIGURE_AFTER_COUNTRY.fullmatch(view.text, c.end, m.start)), None)

    named = [country_before(m) for m in view.money]
    if len({c.key for c in named if c is not None}) < 2:
        return None
    return country_before(money)


def flows(view: SentenceView, context: DocumentContext) -> list[Fact]:
    facts = []
    for money in view.money:
        if any(CONVERSION.fullmatch(view.text[o.end:money.start]) for o in view.money if o.end <= money.start):
            continue  # "US$32.7 billion (S$44.2 billion)": the same figure in a second currency
        cue_found = _nearest_cue(view, money)
        if not cue_found and _the_pairs_trade_referred_to(view, money, context):
            year, period = _year_for(view, money, context)
            facts.append(make_fact("TradeFlow", view, {"party": [context.pair_mentions[k] for k in context.main_pair]},
                                   0.6, amount=money.amount, currency=money.currency, year=year, period=period))
            continue
        if not cue_found:
            continue
        kind, cue = cue_found
        if _is_hypothetical(view, money, cue):
            continue
        source, target = _direction(view, kind, cue)
        source, target = _complete_pair(source, target, context.main_pair, context.pair_mentions)
        listed = _listed_with_its_figure(view, money)
        if source is not None and listed is not None and listed.key != source.key:
            target = listed  # "Croatia €927 million, followed by Serbia €790 million": each figure its country's
        earlier = [f for f in facts if f.kind == ("TradeFlow" if kind == "trade" else "InvestmentFlow")]
        if not (source and target) and earlier and earlier[-1].role("from"):
            source, target = earlier[-1].role("from"), earlier[-1].role("to")  # "..., while sales of X reached"
            if IMPORT.fullmatch(cue.group(0)) and earlier[-1].value("cue") == "export":
                source, target = target, source  # "A's exports to B exceeded its imports"
        commodity = _commodity_for(view, money) if kind == "trade" else None
        year, period = _year_for(view, money, context)
        explicit = [int(m.group()) for m in re.finditer(r"\b(?:19|20)\d\d\b", view.text)]
        if YEAR_EARLIER_AFTER.match(view.text, money.end) and explicit:
            year = max(explicit) - 1
        named_before = [y for y, offset in view.years if offset < money.start]
        if YEAR_LATER_AFTER.match(view.text, money.end) and named_before:
            year = named_before[-1] + 1
        fact_kind = "TradeFlow" if kind == "trade" else "InvestmentFlow"
        values = dict(amount=money.amount, currency=money.currency, year=year, period=period,
                      commodity=commodity.iri if commodity else None, change=relative_change(view, money),
                      cue="export" if EXPORT.fullmatch(cue.group(0)) else None)
        keys = view.countries()
        partners = _trade_with(view, money, context) if kind == "trade" and not source and not target else None
        if partners:
            facts.append(make_fact(fact_kind, view, {"party": partners}, 0.7, **values))
        elif source and target and source.key != target.key:
            facts.append(make_fact(fact_kind, view, {"from": source, "to": target}, 0.8, **values))
        elif kind == "trade" and len(keys) == 2 and not source and not target:
            parties = [next(m for m in view.places() if m.key == k) for k in keys]
            facts.append(make_fact(fact_kind, view, {"party": parties}, 0.75, **values))
        elif kind == "trade" and context.main_pair and (set(keys) <= set(context.main_pair) and (
                not keys or PAIR_WORDS.search(view.text)) or set(context.main_pair) <= set(keys)
                and _the_pairs_own(view, context.main_pair)):
            parties = [context.pair_mentions[k] for k in context.main_pair]
            facts.append(make_fact(fact_kind, view, {"party": parties}, 0.6, **values))
    return facts




def in_the_parties_currency(facts: list[Fact], countries: dict[str, Country], signs: dict[str, frozenset[str]]
                            ) -> list[Fact]:
    """"Rs 9.68 billion" between India and Kenya is in Indian rupees: a sign several currencies share takes the
    ISO code of the one country of the flow that uses one of them (data/gazetteer/currency-signs.csv); between
    India and Nepal it stays as written."""
    result = []
    for fact in facts:
        codes = signs.get(str(fact.value("currency"))) if fact.kind in ("TradeFlow", "InvestmentFlow") else None
        if codes:
            used = {countries[m.key].currency for r, m in fact.roles if r in ("party", "from", "to")
                    and m.key in countries} & codes
            if len(used) == 1:
                fact = fact.with_value("currency", used.pop())
        result.append(fact)
    return result

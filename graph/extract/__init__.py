"""Extraction: an article's text in, mentions and facts out.

`read_views` turns the text into sentence views (`reading`); `extract_views` runs the rules over
them, each a pure function of one sentence and, where it needs it, the document's context:
`positions`, `flows`, `organizations`, `cooperation`, `memberships`, `events`; then the learned readers
(`learned`) add what trained models find and the rules did not state.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from diplograph.graph.extract.cooperation import (
    cooperation,
    cooperation_from_activities,
    cooperation_from_flows,
    trade_and_investment,
    trade_and_investment_talked_of,
)
from diplograph.graph.extract.events import agreements, meetings
from diplograph.graph.extract.flows import flows, in_the_parties_currency, speaks_of_the_pairs_trade
from diplograph.graph.extract.learned import Candidate, candidates, learned_facts
from diplograph.graph.extract.memberships import memberships
from diplograph.graph.extract.organizations import (
    activities,
    activities_from_the_parse,
    activities_in_the_pair,
    activity_sectors,
    companies_met_of_one_side,
    companies_of_one_side,
    companies_of_third_countries,
    deals_with_the_other_side,
    facilities_abroad,
    home_countries,
    homes_by_description,
    homes_shared_along_lists,
    host_country,
    listed_active_in_a_country,
    listed_from_a_country,
    listed_in_the_local_market,
    listed_in_the_next_sentence,
    listed_under_a_side,
    local_companies,
    not_at_home,
    said_home_first,
    shares_of_the_sentence_before,
    with_the_parse,
)
from diplograph.graph.extract.positions import (
    accompanying_officials,
    accredited_country,
    coordinated_posts,
    counterparts_across_sentences,
    dateline_country,
    envoys_of_countries,
    envoys_of_their_leaders,
    implied_positions,
    ministers_of_named_ministries,
    name_line_then_title_line,
    names_after_a_plural_title,
    officers_of_a_body_named_by_its_noun,
    officers_of_the_sentences_company,
    officials_listed_after_one,
    positions,
    posts_listed_under_a_body,
    posts_shared_over_portfolios,
    represented_by,
    respective_posts,
    titles_of_their_own_country,
    visited_country,
)
from diplograph.graph.extract.reading import DocumentContext, SentenceView, monarchy_anaphors, read_views
from diplograph.graph.extract.vocabulary import MONTH_OR_ABBREVIATION
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph.model import ORGANIZATION_KINDS, Extraction, Fact, Mention, Sentence

# With a company's activity in the sentence, an area counts only where the sentence says it is one.
FIELDS_OF_COOPERATION = re.compile(r"\b(?:cooperat\w*|co-operat\w*|collaborat\w*|partnership|fields?|areas?|"
                                   r"spheres?|modernis\w*|moderniz\w*|development of)\b", re.IGNORECASE)

__all__ = ["assemble", "extract", "extract_views", "main_pair", "read_views", "training_candidates"]


def main_pair(views: list[SentenceView]) -> tuple[str, str] | None:
    """The two countries a document is about: the two named most often, a headline's counting twice ("UAE
    companies to speed up new projects in Uzbekistan" over a body that names only the visitor's president)."""
    counts = Counter(m.key for v in views for m in v.places() * (2 if v.is_title else 1) if m.key)
    top = counts.most_common(2)
    if len(top) < 2 or top[1][1] < 2:
        return None
    return (top[0][0], top[1][0])


PUBLICATION_DATE = re.compile(r"\b(?:\d{1,2}\s+" + MONTH_OR_ABBREVIATION + r"\.?\s+|" + MONTH_OR_ABBREVIATION
                              + r"\.?\s+\d{1,2}(?:,\s*|\s+))(?P<year>(?:19|20)\d\d)\b")  # "Aug. 2, 2015", "Dec 05,2015"
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


def extract_views(views: list[SentenceView], gaz: Gazetteer, learned: bool = True) -> list[Fact]:
    """All rules over all sentences, then the learned readers (`learned`); pure given the views, so tests
    can feed their own."""
    views, facts, pair = _by_the_rules(views, gaz)
    if learned:
        facts += learned_facts(views, facts, pair)
    facts += homes_shared_along_lists(views, facts)
    facts = activity_sectors(views, facts, gaz)
    facts += homes_by_description(views, facts)
    facts = not_at_home(said_home_first(facts))
    return facts + cooperation_from_flows(facts, gaz) + cooperation_from_activities(views, facts)


def training_candidates(views: list[SentenceView], gaz: Gazetteer) -> list[Candidate]:
    """The pairs the learned readers judge in a document, as they see them: what `diplograph train` labels."""
    views, facts, pair = _by_the_rules(views, gaz)
    return candidates(views, pair)


def _by_the_rules(views: list[SentenceView], gaz: Gazetteer
                  ) -> tuple[list[SentenceView], list[Fact], tuple[str, str] | None]:
    """The hand-written rules' facts, with the views as the rules left them and the document's pair."""
    year = publication_year(views)
    views = [with_relative_years(v, year) for v in views]
    pair = main_pair(views)
    views = monarchy_anaphors(views, pair, gaz)
    pair_mentions = {m.key: m for v in reversed(views) for m in v.places() if m.key and pair and m.key in pair}
    facts: list[Fact] = []
    previous_year: int | None = None
    last_group: Mention | None = None
    last_company: Mention | None = None
    trade_before = False
    for view in views:
        if view.is_title:  # a headline repeats the body without its context; only a post it names stands alone,
            facts += positions(view)  # "In conversation with H.E. X, Ambassador of Kazakhstan to Pakistan"
            if pair and any(m.key in pair for m in view.places()):  # and the areas it names with a partner:
                context = DocumentContext(pair, None, pair_mentions, None, None, False)
                facts += cooperation(view, context)  # "Uganda seeks ties with India in trade, investment and tourism"
            continue
        context = DocumentContext(pair, previous_year, pair_mentions, last_group, last_company, trade_before)
        facts += positions(view) + respective_posts(view, gaz) + names_after_a_plural_title(view, gaz)
        facts += represented_by(view, gaz, facts)
        facts += flows(view, context)
        facts += home_countries(view, gaz)
        facts += listed_under_a_side(view, gaz) + listed_from_a_country(view, gaz) + listed_active_in_a_country(view)
        activity = activities(view, gaz, context)
        activity = with_the_parse(activity, activities_from_the_parse(view, gaz, activity))
        facts += activity
        # a company's sector is its business, not the sentence's area: cooperation_from_activities reads it once,
        # as an area of the company's home and its market
        business = {f.value("sector") for f in activity}
        facts += [f for f in cooperation(view, context) if not activity or (
            f.value("sector") not in business and FIELDS_OF_COOPERATION.search(view.text))]
        facts += trade_and_investment(view, context)
        facts += memberships(view, gaz, context)
        facts += meetings(view)
        facts += agreements(view)
        if view.years:
            previous_year = max(year for year, _ in view.years)
        groups = [m for m in view.mentions if m.kind == "InternationalOrganization"]
        if groups:
            last_group = groups[-1]
        companies = [m for m in view.mentions if m.kind in ("Company", "Organization")]
        last_company = companies[0] if companies else last_company  # the subject, usually named first
        trade_before = speaks_of_the_pairs_trade(view, pair)
    facts += officials_listed_after_one(views, facts, gaz)
    facts = posts_listed_under_a_body(views, facts)
    facts += envoys_of_their_leaders(views, facts, gaz)
    officials_home = dateline_country(views, gaz) or visited_country(views, pair) or accredited_country(views, pair)
    facts += implied_positions(views, facts, pair, officials_home, pair_mentions, gaz)
    facts += counterparts_across_sentences(views, facts, pair, pair_mentions) + name_line_then_title_line(views)
    facts += titles_of_their_own_country(views, facts, pair, gaz)
    facts = accompanying_officials(views, facts, pair, gaz)
    facts += officers_of_the_sentences_company(views, facts, gaz)
    facts = officers_of_a_body_named_by_its_noun(views, facts, gaz)
    facts += posts_shared_over_portfolios(views, facts)
    facts += ministers_of_named_ministries(views, facts, gaz)
    facts = envoys_of_countries(coordinated_posts(views, facts, gaz))
    facts += activities_in_the_pair(views, facts, pair, pair_mentions)
    facts += shares_of_the_sentence_before(views, facts, gaz)
    facts += facilities_abroad(views, facts)
    facts += listed_in_the_next_sentence(views, pair, pair_mentions)
    facts += companies_met_of_one_side(views, facts, pair, pair_mentions)
    host = host_country(facts, pair, dateline_country(views, gaz))  # where the article's business goes
    facts += deals_with_the_other_side(views, facts, pair, pair_mentions, host)
    facts += companies_of_one_side(views, facts, pair, pair_mentions, host)
    facts += companies_of_third_countries(views, facts, pair, pair_mentions, host)
    facts += local_companies(views, facts, host, pair_mentions)
    facts += listed_in_the_local_market(views, facts, host, pair_mentions)
    facts += trade_and_investment_talked_of(views, facts + cooperation_from_flows(facts, gaz), pair, pair_mentions)
    facts = in_the_parties_currency(facts, gaz.countries, gaz.currency_signs)
    return views, facts, pair


def extract(text: str, learned: bool = True) -> Extraction:
    """Read one document's text."""
    sentences, views = read_views(text)
    return assemble(sentences, views, extract_views(views, load_gazetteer(), learned))


def assemble(sentences: list[Sentence], views: list[SentenceView], facts: list[Fact]) -> Extraction:
    """The document's mentions and facts, with offsets in the document's text."""
    retyped = {(m.sentence, m.start, m.end): m.kind for f in facts for role, m in f.roles
               if role == "organization" and m.kind != "Person"}  # "companies such as Petronas": the NER's person
    named = [(v.index, replace(m, kind=retyped.get((v.index, m.start, m.end), m.kind)) if m.kind == "Person" else m)
             for v in views for m in v.mentions]
    seen = {(i, m.start, m.end) for i, m in named}
    for fact in facts:  # a name a rule read where the NER saw none ("The Presidents of A and B, X and Y")
        for _, m in fact.roles:
            if m.sentence == fact.sentence and (m.sentence, m.start, m.end) not in seen:
                seen.add((m.sentence, m.start, m.end))
                named.append((m.sentence, m))
    # "Rosa Quispe | Llanos", "Helicopters Italia | Srl Unipersonale": the pieces of a name read whole
    whole = [(i, m) for i, m in named if m.kind == "Person" or m.kind in ORGANIZATION_KINDS]
    named = [(i, m) for i, m in named if m.kind != "Person" or not any(
        j == i and w.start <= m.start and m.end <= w.end and (w.start, w.end) != (m.start, m.end) for j, w in whole)]
    mentions = [Mention(m.text, m.kind, i, m.start + sentences[i].start, m.end + sentences[i].start, m.key, m.via)
                for i, m in named]
    facts = [_absolute(f, sentences) for f in facts]
    return Extraction(sentences, mentions, facts)


def _absolute(fact: Fact, sentences: list[Sentence]) -> Fact:
    def shift(m: Mention) -> Mention:
        offset = sentences[m.sentence].start
        return Mention(m.text, m.kind, m.sentence, m.start + offset, m.end + offset, m.key, m.via)

    return Fact(fact.kind, fact.sentence, tuple((r, shift(m)) for r, m in fact.roles), fact.values,
                fact.confidence)

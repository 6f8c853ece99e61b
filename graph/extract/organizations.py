"""Organisations: the country they belong to, and the markets they are active in or plan to enter."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from diplograph.graph.extract.reading import (
    COMPANY_CUES,
    LOWER_CASE_TAIL,
    ORGANIZATION_NOUN,
    TWO_NAMES,
    DocumentContext,
    Node,
    SentenceView,
    make_fact,
    mentions_between,
    organization_kind,
    run_after,
    run_before,
    runs_of_names,
)
from diplograph.graph.extract.vocabulary import (
    ACTIVITY_KIND_SECTORS,
    COMPANY_NOUN,
    COMPANY_NOUN_PLURAL,
    NEGATION_WORDS,
)
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph.model import ORGANIZATION_KINDS, Fact, Mention

ACTIVE_CUE = re.compile(
    r"\b(?:is|are|has been|have been|has|have)?\s*(?:for years\s+|actively\s+|already\s+|currently\s+)?"
    r"(involved|active|with operations|operating|operates|operated|operate|works|working|present|engaged|invested|"
    r"has projects|runs|"
    r"(?:doing|do|does|did|done)\s+business|"
    r"running|developing|develops|produces|mines|opened|has opened|building|builds|built|manages|sells|"
    r"constructing|constructs|constructed|installing|installed|"
    r"investing|spending|spends|spent|(?:making|make|makes|made) (?:a |an )?(?:\w+ )?contribution|"
    r"supplies|exports|sends|ships|entered|launched|set up|established|acquired|won a contract|"
    r"(?:has |have )?(?:delivered|supplied|shipped|exported)|"
    r"takes part|took part|participates|participating|"
    r"mining|producing|"
    r"(?:picked up|secured|bought|won|holds|hold|obtained|was awarded|were awarded)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:concessions?|blocks?|stakes?|licen[cs]es?|contracts?|tenders?|assets?)|"
    r"(?:has|have|holds|hold|owns|own)\s+(?:a|an)\s+(?:[\w%.-]+\s+){0,3}?(?:stake|share|holding|interest)\s+(?:in|of)|"
    # "has taken a 49 percent stake in Libya's X", "bought the majority share of X"
    r"(?:taken|took|takes|bought|buys|acquired|acquires|purchased)\s+(?:a|an|the)\s+(?:[\w%.-]+\s+){0,3}?"
    r"(?:stake|share|holding|interest)\s+(?:in|of)|"
    r"employs|employ|employed|delivers|sells|"
    # "X is the main contractor for the Nairobi bypass"
    r"(?:is|are|was|were|has been|have been)\s+(?:the|a|an|one of the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:contractors?|suppliers?|operators?|builders?)\s+(?:for|of|on|to|in)|"
    r"(?:found|finds|has found|have found|won)\s+(?:new\s+|more\s+)?(?:buyers|customers|clients)|"
    # "is expanding its production capacity in Canada", "to speed up its lending operations in Uzbekistan"
    r"(?:expand\w*|increas\w*|boost\w*|grow\w*|doubl\w*|tripl\w*|multipl\w*|(?:speed|step|scale)\w*\s+up)\s+"
    r"(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:operations|presence|production|capacity|business|activities|footprint|lending|space|stores|network|sales)|"
    r"(?:all |both )?(?:has|have|runs|run|owns|own|operates|operate) (?:a |an |its |their )?(?:[\w-]+ ){0,2}?"
    r"(?:joint ventures?|offices?|plants?|factory|factories|subsidiar(?:y|ies)|branch(?:es)?|presence|stores?|mines?|"
    r"refiner(?:y|ies)|facilit(?:y|ies)|bases|sites))\b"
    # a participle naming a kind of business is no verb: "X, a Chilean mining company, plans to ..."
    r"(?!\s+(?:company|companies|firm|firms|group|groups|giant|major|corporation|conglomerate|sector|industry))",
    re.IGNORECASE)
# "X's investment in Peru reached ...": the company's own work, named as a noun
OWN_ACTIVITY = re.compile(r"['’]s\s+(?:total\s+|cumulative\s+|direct\s+|existing\s+)?"
                          r"(?:investments?|operations|presence|entry|expansion|arrival|debut)(?=\s+(?:in|into|to)\b)")
PLANNED_CUE = re.compile(r"\b(?:(?:prepar\w+|plans?|planning|intends?|intending|aims?|is set|are set|seeks?|"
                         r"looking|considering|will|would|is about|are about|expects?|hopes?|is due|are due|"
                         r"wants?|wanted|keen|eager|agreed|agrees|pledged|pledges|promised|promises|vowed|decided|decides)\s+"
                         r"(?:to\s+)?(?:expand|enter|launch|open|invest|build|set up|establish|start|begin|move|"
                         r"supply|construct|develop|produce|upgrade|moderni[sz]e|rehabilitate|install|deliver|"
                         r"implement|finance)|"
                         r"(?:prepared|drawn up|has|have|announced)\s+plans\s+for|"
                         # "is looking for opportunities in Vietnam", "is considering a route to Lima"
                         # "is in talks to build a plant", "is eyeing copper assets in Kenya"
                         r"(?:in\s+talks|in\s+negotiations|negotiating|bidding)\s+to\s+(?:build|buy|acquire|supply|"
                         r"develop|open|set up|invest|construct)|"
                         r"(?:close|near|closer)\s+to\s+(?:signing|clinching|concluding|sealing|finali[sz]ing|"
                         r"winning|securing)\s+|"  # "is close to signing its first deal to supply Bahrain"
                         r"(?:eyeing|eyes|targeting|targets|scouting)\s+(?:[\w-]+\s+){0,2}?(?:assets|projects|deposits|"
                         r"acquisitions|investments?|contracts|deals)\s+(?=in\b)|"
                         r"(?:looking|searching|seeking|exploring|scouting|eyeing)\s+(?:for\s+)?"
                         r"(?:(?:new|business|investment|further|more)\s+)*(?:opportunities|openings|partners)\s+|"
                         r"(?:considering|studying|planning|preparing)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:route|flights?|service|investment|plant|factory|office|branch|expansion|project)\s+|"
                         # "signed a deal to supply 500 taxis to a Lima operator"
                         r"(?:signed|inked|agreed|won|secured|clinched|concluded|bagged|landed|obtained)\s+(?:a|an|the)\s+"
                         r"(?:[\w-]+\s+){0,3}?"
                         r"(?:deal|contract|agreement|memorandum|MoU|order)\s+to\s+(?:supply|build|construct|develop|"
                         r"deliver|install|open|operate|invest)\b|"
                         # "is studying the Czech market", "eyeing the Kenyan market"
                         r"(?:studying|eyeing|exploring|considering|assessing|looking\s+(?:at|into))\s+(?:the\s+)?"
                         r"(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+market\b)|"
                         r"(?:will|would|plans? to|is to|are to|aims? to|is set to|intends? to|seeks? to|wants? to)"
                         r"\s+(?:take|acquire|buy)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:stake|share|holding)|"
                         # "is considering investing in a new mine", "plans on opening", "mulling building"
                         r"(?:considering|contemplating|mulling|weighing|exploring|studying|eyeing|looking\s+(?:at|into)|"
                         r"thinking\s+(?:of|about)|plans?\s+on|planning\s+on)\s+(?:expanding|entering|launching|opening|"
                         r"investing|building|setting\s+up|establishing|starting|supplying|constructing|developing|"
                         r"producing|installing|delivering|financing|acquiring|buying)|"
                         r"(?:(?:very\s+|keen(?:ly)?\s+|highly\s+)?interested[\x22\u201d\u2019']?|"
                         r"(?:expressed|shown|showed|has|have)\s+(?:(?:a|an|its|their|strong|keen)\s+)*interest)"
                         r"\s+in\s+(?:investing|expanding|entering|"
                         r"building|opening|setting up))\b", re.IGNORECASE)
# "X, Kazakhstan's largest bank", "X (CATL), the Chinese battery giant"
# after a nationality in an apposition: the kind of organisation it owns ("a Korean maker", "a Kenyan-owned
# real estate company"), not a name going on ("a Korean Air flight"); an owner's nationality gives way to where
# the company is headquartered ("a Kenyan-owned company headquartered in Japan")
NATIONALITYS_KIND = re.compile(r"(?:-owned(?![^,.;]*\b(?:based|headquartered)\s+in\b))?(?:\s+[\w-]+){0,3}?\s+(?:"
                               + ORGANIZATION_NOUN + "|" + COMPANY_NOUN_PLURAL + r")\b(?!\s+[A-Z])")
SUPERLATIVE_APPOSITION = re.compile(r"^\.?\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:(?:one of\s+|among\s+)?(?:the\s+)?)?"
                                    r"(?P<rest>[^,.;]{0,80})")


SPEAKER_LABEL = re.compile(r"\s*:")
TITLE_BEFORE = re.compile(r"\b(?:Ambassador|Minister|President|Premier|Secretary|Governor|Chairman|Chairwoman|"
                          r"Mr|Ms|Mrs|Dr)\.?\s+$")
DATELINE_AGENCY_AFTER = re.compile(r"\)\s*(?:-{1,2}|–|—|:)\s")


def _organizations(view: SentenceView) -> list[Mention]:
    """The organisations a sentence names, not an interview's speaker label ("GNA: Which firms are active?") nor
    the agency of a dateline ("HARARE, Nov 29 (Reuters) - ...")."""
    return [m for m in view.mentions if m.kind in ORGANIZATION_KINDS and m.kind != "InternationalOrganization"
            and not (not view.text[:m.start].strip() and SPEAKER_LABEL.match(view.text, m.end))
            and not (view.text[:m.start].endswith("(") and DATELINE_AGENCY_AFTER.match(view.text, m.end))
            and not TITLE_BEFORE.search(view.text, max(0, m.start - 60), m.start)]  # "Ambassador Tuyen": a person


def _market_after(view: SentenceView, offset: int, limit: int = 80) -> Mention | None:
    """The market named after a verb: "into the Canadian market", "in Kazakhstan's mining"."""
    for m in sorted(view.mentions + view.cities, key=lambda m: m.start):
        if m.kind == "Country" and offset <= m.start <= offset + limit and not (
                m.via == "adjective" and OWNER_OF_COMPANIES.match(view.text[m.end:])
                and not STAKE_IN.search(view.text[:m.start])) \
                and not OUTSIDE.search(view.text[:m.start]) and not _owns_a_title(view, m):
            return m
    return None


def _owns_a_title(view: SentenceView, country: Mention) -> bool:
    """"after meeting Poland's Deputy Foreign Minister", "the Polish ambassador": whose official, not a market."""
    return any(0 <= start - country.end <= 3 and re.fullmatch(r"(?:['’]s)?\s?", view.text[country.end:start])
               for _, start, _ in view.titles)


# "stakes in Portuguese energy company X", "acquired a Kenyan bank": the company's country is the market
STAKE_IN = re.compile(r"\b(?:(?:stakes?|shares?|holdings?|interests?|equity)\s+in|acquired|bought|buys|acquires|"
                      r"took over|takes over|(?:contracts?|orders?|tenders?)\s+(?:from|with|by)|"
                      r"(?:suppl(?:y|ies|ied)|deliver(?:s|ed)?|sells?|sold)\b[^.;]{0,60}\bto|"
                      r"invest(?:s|ed|ing)?\b[^.;]{0,60}\bin)"  # "has invested $300 million in Tanzanian firms"
                      r"\s+(?:the\s+|a\s+|an\s+)?$")  # "would supply two turbines to the Ghanaian utility"
# "its first plant outside China": no market
OUTSIDE = re.compile(r"\b(?:outside|beyond|except|other than|apart from)\s+(?:the\s+)?$")
# "Turkish construction companies": the nationality of the companies, not a market
OWNER_OF_COMPANIES = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:" + COMPANY_NOUN_PLURAL + "|" + COMPANY_NOUN + r")\b")


def _sector_between(view: SentenceView, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The sector named between two offsets; none where a list names several ("in infrastructure, energy and
    manufacturing"): the activity is then in all of them, and no one of them is its sector."""
    concepts = [c for c in view.concepts if start <= c.start and c.end <= end + 30]
    named = [c for c in concepts if not c.is_commodity]
    if len({c.iri for c in named}) > 1 and all(re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", view.text[a.end:b.start])
                                               for a, b in zip(named, named[1:], strict=False)):
        return None
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
        # the name's country, then the one the text says ("Jushi Egypt Fibreglass, among the biggest Chinese
        # companies"): said last, so it is the one later rules read; said_home_first then drops the name's
        found = {c.key: c for c in (_home_from_name(org, gaz, view), _home_from_context(view, org)) if c is not None}
        for country in found.values():
            facts.append(make_fact("HomeCountry", view, {"organization": org, "country": country}, 0.8))
    return facts


POSTED_ABROAD = re.compile(r"\b(?:Embassy|Consulate(?:[- ]General)?|High Commission|Permanent Mission|Mission)\s+of\s+"
                           r"(?:the\s+)?(?:(?:Republic|Kingdom|State|Sultanate|Federation)\s+of\s+(?:the\s+)?)?"
                           r"(?P<country>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*?)\s+(?:to|in)\s")


def _home_from_name(org: Mention, gaz: Gazetteer, view: SentenceView) -> Mention | None:
    words = org.text.split()
    for n in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:n])
        key = gaz.adjectives.get(head) or gaz.capitals.get(head) or (
            gaz.names.get(head) if gaz.names.get(head, "").startswith("country:") else None) or (
            gaz.cities.get(head) if org.kind in ("Company", "University") else None)  # "Kyoto University"
        if key and n < len(words):
            return Mention(head, "Country", org.sentence, org.start, org.start + len(head), key, "adjective")
    posted = POSTED_ABROAD.search(org.text)  # "Embassy of Canada to Ecuador": the sending country's
    if posted and (gaz.names.get(posted.group("country")) or "").startswith("country:"):
        begin = org.start + posted.start("country")
        return Mention(posted.group("country"), "Country", org.sentence, begin, begin + len(posted.group("country")),
                       gaz.names[posted.group("country")])
    match = re.search(r".*\b(?:of|in)\s+(?:the\s+)?([A-Z][\w\s-]+)$", org.text)
    if match:
        key = gaz.names.get(match.group(1).strip())
        if key and key.startswith("country:"):
            return Mention(match.group(1), "Country", org.sentence, org.start, org.end, key)
        place = match.group(1).strip()
        city = gaz.capitals.get(place) or gaz.cities.get(place)
        if city and re.search(r"\bof\s+(?:the\s+)?" + re.escape(place) + "$", org.text) \
                and not POSTED_ABROAD.search(org.text + " in "):  # "University of Nairobi", not "Embassy in X"
            return Mention(match.group(1), "Country", org.sentence, org.start, org.end, city, "city")
    return _one_country_in_name(org, gaz)


def _one_country_in_name(org: Mention, gaz: Gazetteer) -> Mention | None:
    """"Confederation of Indian Industry", "Daily News Egypt": a name that names one country, and only one
    ("France-Kazakhstan Chamber" names two), belongs to it; never a city's ("Bank of Africa" is no country)."""
    found: dict[str, Mention] = {}
    for word in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", org.text):
        glued = re.findall(r"[A-Z][a-z]+", word.group()) if re.fullmatch(r"(?:[A-Z][a-z]+){2,3}", word.group()) else []
        for text in (word.group(), *word.group().split(), *glued):  # "Invest India", "InvestChile", "PetroVietnam"
            key = gaz.adjectives.get(text) or (gaz.names.get(text) if gaz.names.get(text, "").startswith("country:")
                                               else None)
            if key:
                begin = org.start + word.start()
                found.setdefault(key, Mention(text, "Country", org.sentence, begin, begin + len(text), key))
                break
    if len(found) != 1 or re.search(r"[-–]", org.text) and len(re.findall(r"[A-Z]\w+[-–][A-Z]", org.text)):
        return None
    return next(iter(found.values()))


def _home_from_context(view: SentenceView, org: Mention) -> Mention | None:
    """"Canadian company X", "Kazakhstan's X", "the Abu Dhabi holding company X", "Tokyo-based
    think tank X", "X, Kazakhstan's largest bank", "X, based in Seoul"."""
    lead = view.text[:org.start]
    run_start = _first_of_run(view, org)  # "Chinese firms such as X and Y": Y's home too
    owners = [m for m in sorted(view.mentions + view.cities, key=lambda m: m.start)
              if m.kind == "Country" and run_start - 60 <= m.end <= org.start]
    for m in reversed(owners):
        gap = lead[m.end:]
        possessive = gap.startswith(("'s", "’s")) or m.text.endswith("s") and gap.startswith(("' ", "’ "))
        if (m.via == "adjective" or possessive) and APPOSED_AFTER_NOUN.fullmatch(re.sub(r"^['’]s?", "", gap)):
            return m  # "Another major Vietnamese group, Hoàng Anh Gia Lai, has ...", "Israel's water company, X,"
        one_noun = INDUSTRY_AND.sub(" ", gap)  # "state-owned oil and gas giant"
        if OWNER_BEFORE_NAME.fullmatch(one_noun) and not FUNCTION_WORDS.search(one_noun) \
                and not HEAD_THEN_VERB.search(gap) and (
                m.via in ("adjective", "city") or possessive or gap.startswith(("-based", "-headquartered"))):
            return m
        if m.via in ("name", "acronym") and re.search(r"(?:\b(?:the|a|an|of|by|with|for|and)\s+|^|,\s+)$",
                                                      lead[:m.start]) and \
                re.fullmatch(r"\s+(?:[a-z-]+\s+){0,2}" + ORGANIZATION_NOUN + r"\s+", gap):
            return m  # "the US company Chevron", "a subsidiary of PNG company X": a country's name as an adjective
        if (m.via == "adjective" or possessive) and re.fullmatch(
                r"(?:['’]s)?\s+(?:[a-z-]+(?:\s+|\s*,\s*)){0,2}(?:like|such as|including|among them|for instance|"
                r"for example)(?:\s*[:,])?\s+",
                view.text[m.end:run_start]):
            return m  # "Chinese firms such as X", "the Kingdom's biggest companies, among them X"
        if m.via == "adjective" and NATIONALITYS_FIRMS_AMONG_THEM.fullmatch(view.text[m.end:run_start]):
            return m  # "55 Mexican firms operate in Colombia, among them: X, Y"
        if m.via == "adjective" and NATIONALITYS_LIST.fullmatch(view.text[m.end:run_start]):
            return m  # "three other Japanese companies - A, B and C - signed"
        if m.via == "adjective" and MADE_OF.fullmatch(view.text[m.end:run_start]):
            return m  # "the Egyptian consortium of "A" and "B"": its members share its nationality
    counterpart = COUNTERPART_BODY.search(lead)
    if counterpart:  # "the Kenyan ministry and its Polish counterpart, the Ministry of Development"
        owner = next((m for m in owners if m.via == "adjective" and m.start == counterpart.start("owner")), None)
        if owner:
            return owner
    rest = view.text[org.end:]
    listed = _list_end(view, org)
    apposed = LIST_APPOSED_NATIONALITY.match(view.text, listed.end)
    if apposed:  # "A Ltd and B Company, the two India-based firms building ...": each of the list's
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == apposed.end()), None)
        if country and re.match(r"(?:-based|-headquartered)?\s+(?:[a-z-]+\s+){0,2}" + COMPANY_NOUN_PLURAL + r"\b",
                                view.text[country.end:]):
            return country
    others = AND_OTHER.match(rest)
    if others:  # "Yazaki and other Japanese auto suppliers": one of them
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == org.end + others.end()
                        and m.via == "adjective"), None)
        if country and OWNER_OF_COMPANIES.match(view.text[country.end:]):
            return country
    said = NATIONALITY_AFTER_COPULA.match(rest)
    if said:  # "MTN is not the only South African company", "X is one of the Korean firms"
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == org.end + said.end()
                        and m.via == "adjective"), None)
        if country and OWNER_OF_COMPANIES.match(view.text[country.end:]):
            return country
    origin = COMPANY_FROM.match(rest)
    if origin:
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == org.end + origin.end()
                        and m.via != "adjective" and re.match(r"\s*(?:[,.;)]|$)", view.text[m.end:])), None)
        if country:  # and not "a unit of PNG company Y", Y's
            return country
    top = LARGEST_IN.match(rest)
    if top:  # "Safaricom, the largest telecoms operator in Kenya"
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == org.end + top.end()
                        and m.via == "name"), None)
        if country:
            return country
    appo = SUPERLATIVE_APPOSITION.match(rest)
    part = appo and PART_OF.match(appo.group("rest"))
    if part:  # "E-mart, the discount store chain of South Korea's Shinsegae Group": the owner's country
        owner_start = org.end + appo.start("rest") + part.end()
        owner = next((m for m in view.mentions if m.kind == "Country" and m.start == owner_start and (
            m.via == "adjective" or view.text[m.end:m.end + 2] in ("'s", "’s"))), None)
        if owner:
            return owner
        country = next((m for m in view.mentions if m.kind == "Country" and m.start <= owner_start < m.end
                        and m.via != "adjective" and re.match(r"\s*[,.;)]", view.text[m.end:])), None)
        if country:
            return country  # "RSGT, a leading port developer of the Kingdom, is keen to ..."
    if appo:
        tail_start = org.end + appo.start("rest")
        # "X, a Korean maker", "Apart from X, major Thai businesses ...", not "X (IPPAN), Indian investors
        # stressed ...": investors without an article are people, the subject of a clause of their own
        article = re.search(r"\b(?:one of|among|the|a|an)\s+", view.text[org.end:tail_start + 4]) or not re.search(
            r"^(?:[\w-]+\s+){1,3}?investors\b", appo.group("rest"))
        for m in view.mentions:
            lead_words = re.fullmatch(r"(?:[a-z][\w-]*\s+){1,3}", view.text[tail_start:m.start])  # "a fast-growing"
            if m.kind == "Country" and tail_start <= m.start and (m.start <= tail_start + 10 or lead_words) and (
                    view.text[m.end:m.end + 2] in ("'s", "’s") or  # "X, Kazakhstan's largest bank"
                    m.via == "adjective" and article and NATIONALITYS_KIND.match(view.text, m.end)):
                return m  # "X, a Korean maker", "X, among the biggest Chinese companies in ...", "a Kenyan-owned"
    city_based = re.match(r"\.?\s*,\s*(?:a|an|the)\s+", rest)  # "Equity Bank, a Nairobi-based lender"
    if city_based:
        at = org.end + city_based.end()
        place = next((m for m in view.mentions + view.cities if m.kind == "Country" and m.start == at
                      and re.match(r"-(?:based|headquartered)\b", view.text[m.end:])), None)
        if place:
            return place
    based = re.match(r"\s*(?:,\s*)?(?:which is\s+|that is\s+|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + ORGANIZATION_NOUN
                     + r"\s+)?(?:based|headquartered)\s+in\s+", rest)  # "X, an Indian-owned firm headquartered in"
    if based:
        return _market_after(view, org.end + based.end(), limit=5)
    named_after = re.match(r"\s*\(\s*|\s+of\s+(?:the\s+)?", rest)  # "Andes Cobre (Peru)", "X of Vietnam and Y"
    if named_after:
        at = org.end + named_after.end()
        country = next((m for m in view.mentions if m.kind == "Country" and m.start == at and m.via != "adjective"),
                       None)
        closes = country and (re.match(r"\s*\)", view.text[country.end:]) if "(" in named_after.group()
                              else not re.match(r"\s+[A-Z]|['’]s\b", view.text[country.end:]))
        if closes:
            return country
    located = re.match(r"\s+in\s+(?:the\s+)?", rest)
    if located and org.kind in ("University", "ThinkTank", "GovernmentBody") and not POSTED_ABROAD.search(
            org.text + " in "):  # an embassy is where it is posted, not at home
        return _market_after(view, org.end + located.end(), limit=0)  # "Wageningen University in the Netherlands"
    return None


COUNTERPART_BODY = re.compile(r"\b(?:its|their)\s+(?P<owner>[A-Z][\w-]+)\s+counterparts?\s*,\s*(?:the\s+)?$")
# "X, the largest telecoms operator in Kenya"; not "the largest foreign investor in Kenya", a market
NATIONALITY_AFTER_COPULA = re.compile(r"(?:\s*,\s*which\b[^,;.]{1,80},)?"  # "X, which expects turnover of ...,"
                                      r"\s+(?:is|was|remains|became|has become)\s+(?:not\s+)?(?:one of\s+)?"
                                      r"(?:the\s+(?:only|first|largest|biggest|main|leading)\s+|a\s+|an\s+|another\s+|"
                                      r"several\s+|many\s+)"
                                      r"(?:[a-z][\w-]*\s+){0,2}?")
LARGEST_IN = re.compile(r"\s*,\s*(?:one\s+of\s+)?the\s+(?:largest|biggest|leading|main|oldest|top|second-largest|"
                        r"third-largest)\s+(?!foreign\b|overseas\b|international\b)(?:[\w-]+\s+){0,3}?"
                        + COMPANY_NOUN + r"s?\s+in\s+(?:the\s+)?")
# "Cevital, a company from Algeria, has signed": the country the apposition says it comes from
COMPANY_FROM = re.compile(r"\s*,\s*(?:(?:an?|one)\s+(?:[a-z][\w-]*\s+){0,3}?" + COMPANY_NOUN
                          + r"s?\s+|(?:also\s+)?)"  # "X, a company from Kenya,", "X, also from Kenya,"
                          r"(?:from|based\s+in|headquartered\s+in)\s+(?:the\s+)?")
# 'Saudi food company "X"', "Nairobi-headquartered lender X"
MADE_OF = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:consortium|joint venture|alliance|partnership|grouping)\s+"
                     r"(?:of|between|formed by|made up of)\s+(?:the\s+)?(?:companies\s+)?[\x22“‘']?")
APPOSED_AFTER_NOUN = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?" + COMPANY_NOUN + r"\s*,\s*(?:the\s+)?")
NATIONALITYS_LIST = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?" + COMPANY_NOUN_PLURAL + r"\s*[-–—:]\s+(?:the\s+)?")
# "the Maldives' FDC": a possessive of a name that ends in s
AND_OTHER = re.compile(r"\s+(?:and|&|as well as)\s+(?:several\s+|many\s+|some\s+|a few\s+)?other\s+")
OWNER_BEFORE_NAME = re.compile(r"(?:['’]s?)?(?:-based|-headquartered|-owned)?\s+(?:[a-z-]+\s+){0,4}[\x22“«'‘]?")
# "Vietnam's state-owned oil and gas giant X": "oil and gas" is one noun, no second clause
INDUSTRY_AND = re.compile(r"(?<=[a-z])\s+and\s+(?!(?:the|a|an|its|their|other|some)\b)"
                          r"(?=[a-z-]+\s+(?:[a-z-]+\s+)?" + COMPANY_NOUN + r"\b)")
# "the Angolan oil company controls X"; not "the Abu Dhabi holding company X", a noun before the noun
HEAD_THEN_VERB = re.compile(r"\b" + COMPANY_NOUN + r"\s+(?!" + COMPANY_NOUN + r"\b)[a-z]")
PART_OF = re.compile(r"(?:[\w-]+\s+){0,4}?" + COMPANY_NOUN + r"\s+of\s+(?:the\s+)?")
FUNCTION_WORDS = re.compile(r"\b(?:will|would|with|and|or|to|in|of|for|by|from|at|on|through|via|than|inside|within|"
                            r"into|across|outside|under|near|"
                            r"is|are|was|were|has|have|"
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
    clause = CLAUSE_BREAK.search(view.text, org.end)  # "X took part, while the Uzbek side ...": X's clause ends
    if clause:
        window_end = min(window_end, clause.start())
    return org.end, window_end


PERSON_NOUN_AFTER = re.compile(r"\s+(?:chief|head|president|chairman|chairwoman|spokesman|spokeswoman|"
                               r"spokesperson|official|officials|representative|representatives|delegation|"
                               r"executive|executives|director|leadership|CEO)\b")
# "X, a construction firm that has been working in Angola", "X (XI), which runs the terminal in Gdynia"
APPOSED_RELATIVE = re.compile(r"\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?" + COMPANY_NOUN + r"\s+(?:that|which)\s+|"
                              r"(?:\s*\([A-Z][\w&.-]{1,12}\))?\s*,\s*which\s+(?=(?:also\s+|now\s+|already\s+)?"
                              r"(?:runs|operates|owns|manages|has\s+(?:a|an|its|two|three|\d+)\b))")
OBJECT_OF_PREPOSITION = re.compile(r"\b(?:of|in|with|for|to|from|at|by|through|via)\s+(?:the\s+)?"
                                   r"(?:[\w'’-]+\s+){0,3}$")
NEGATED_ACTIVITY = re.compile(r"\b(" + NEGATION_WORDS + r"|yet to|denied|ruled out|no plans?|no intention)\b")


# "The company", "The Japanese trading house", "The state-owned lender"; not "The major Vietnamese companies ...":
# a noun phrase going on is no anaphor
COMPANY_ANAPHOR = re.compile(r"^\s*(?:(?:The|the)\s+(?:[A-Z][a-z]+\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?" + COMPANY_NOUN
                             + r"\b(?!\s+(?:[A-Z]|[\w-]+\s+(?:" + COMPANY_NOUN + r"|" + COMPANY_NOUN_PLURAL + r")\b))|"
                             # "It also plans to open a plant in Kenya"; not "It is expected that ..."
                             r"It\b(?!\s+(?:is|was|has been|will be|would be)\s+(?:[a-z]+ly\s+)?(?:expected|likely|"
                             r"unlikely|important|necessary|possible|clear|hoped|planned|estimated|believed|said|"
                             r"reported|noted|worth|time|not|also\s+expected)\b|['’]s\b))")


def activities(view: SentenceView, gaz: Gazetteer, context: DocumentContext | None = None) -> list[Fact]:
    facts = []
    for org in _organizations(view):
        appositive = _appositive_market(view, org, gaz)
        if appositive:
            facts.append(appositive)
        passive = PASSIVE_BY.search(view.text[:org.start])
        if passive:  # "the Nairobi bypass will be upgraded by Polish contractor Budimex": the doer, after "by"
            market = _market_after(view, 0, limit=passive.start()) or next(
                (m for m in view.places() + view.cities if m.start > org.end and m.via != "adjective"
                 and re.search(r"\b(?:in|to|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", view.text[org.end:m.start])),
                None)
            if market is not None and market.key:
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                       status=_passive_status(passive),
                                       sector=_sector_between(view, 0, org.start, gaz)))
            continue
        by = NOMINAL_BY.search(view.text[:org.start])
        place = by and IN_PLACE_AFTER.match(view.text, org.end)
        market = place and next((m for m in view.places() + view.cities if m.start == place.end()
                                 and m.via != "adjective" and m.key), None)
        if market is not None and not NEGATED_ACTIVITY.search(view.text[:by.start()]):
            # "the convention authorising FM broadcasting by Radio X (MEDI 1) in Cote d'Ivoire"
            status = "planned" if PLANNED_CUE.search(view.text) or MODAL_BEFORE.search(view.text[:by.start()]) \
                or re.search(r"\b(?:authori[sz]\w*|convention|agreement|memorand\w*|MoU|plans?|proposed)\b",
                             view.text[:by.start()]) else "active"
            facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                   status=status, sector=_sector_between(view, by.start(), org.start, gaz)))
            continue
        if OBJECT_OF_PREPOSITION.search(view.text[:org.start]) or PERSON_NOUN_AFTER.match(view.text[org.end:]):
            relative = APPOSED_RELATIVE.match(view.text, org.end)
            if relative:  # "CEO of Casais, a construction firm that has been working in Angola", "through X, which
                # runs a terminal in Gdynia": its own clause
                facts += _activity_of(view, org, relative.end(), _activity_window(view, org)[1], gaz,
                                      sector_from=org.end)
            continue  # "the chain of South Korea's X, is due to open", "the X chief said": X is not the subject
        rest_start, window_end = _activity_window(view, org)
        facts += _activity_of(view, org, rest_start, window_end, gaz, sector_from=org.end)
    anaphor = COMPANY_ANAPHOR.match(view.text)
    if anaphor and context is not None and context.last_company is not None:
        # "X signed the deal. The company plans to open a plant in Kazakhstan."
        later = [o.start for o in _organizations(view) if o.start >= anaphor.end()]
        facts += _activity_of(view, context.last_company, anaphor.end(), min(later, default=len(view.text)), gaz,
                              sector_from=anaphor.end())
    done = {(f.role("organization").text, f.role("market").key) for f in facts}
    facts += [f for f in _their_clause_after_a_dash(view, gaz)
              if (f.role("organization").text, f.role("market").key) not in done]
    facts += _shared_by_the_run(view, facts)
    facts += [f for f in _branch_of(view) if (f.role("organization").text, f.role("market").key) not in done]
    return facts + _listed_after_activity(view, facts, gaz) + _awarded_to(view) + _their_plans(view, facts) + \
        _present_by_list(view, facts) + _described_at_work_abroad(view, facts) + _at_work_where_fronted(
            view, facts, gaz, context.last_company if context else None)


# "Bitel, the Peru branch of Vietnam's telecom group Viettel": a company's unit named for the country it works in
BRANCH_OF = re.compile(r",\s+(?:the|its)\s+(?P<place>[A-Z][\w'’ -]{1,40}?)\s+(?:branch|subsidiary|unit|arm|affiliate|"
                       r"division|operation|operations|business)\s+of\b")


def _branch_of(view: SentenceView) -> list[Fact]:
    """The unit, and the group it belongs to (named within the next 80 characters, before the clause ends),
    both work in the country the unit is named for."""
    facts = []
    for org in _organizations(view):
        branch = BRANCH_OF.match(view.text, org.end)
        market = branch and next((m for m in view.places() if m.start == branch.start("place")
                                  and m.end == branch.end("place") and m.key), None)
        if market is None:
            continue
        stop = min([i for i in (view.text.find(c, branch.end()) for c in ",;") if i >= 0] + [branch.end() + 80])
        parent = next((o for o in _organizations(view) if branch.end() <= o.start < stop), None)
        for unit in [org] + ([parent] if parent else []):
            facts.append(make_fact("MarketActivity", view, {"organization": unit, "market": market}, 0.7,
                                   status="active"))
    return facts


THEY_AFTER_A_DASH = re.compile(r"\s[—–-]\s+(?:they|it)\s+(?:now\s+|also\s+|already\s+)*(?=[a-z])")


def _their_clause_after_a_dash(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    """"Vodacom and MTN are all but sewing up the continent — they now operate in A, B and C": "they" after a
    dash is the sentence's subject, the companies it names first, together."""
    orgs = _organizations(view)
    dash = THEY_AFTER_A_DASH.search(view.text)
    if not orgs or dash is None:
        return []
    subjects = run_after(view, orgs, orgs[0].start)
    if any(o.start < dash.start() for o in orgs if o not in subjects) or subjects[-1].end > dash.start():
        return []
    return [f for org in subjects for f in _activity_of(view, org, dash.end(), len(view.text), gaz,
                                                        sector_from=dash.end())]


def _shared_by_the_run(view: SentenceView, found: list[Fact]) -> list[Fact]:
    """"Several companies such as A, B, C, D and E are active in Morocco": where the verb reached only the
    items next to it, the others of the same list that ends in the doer do it too."""
    facts = []
    done = {(f.role("organization").text, f.role("market").key) for f in found}
    orgs = _organizations(view)
    for fact in found:
        doer = fact.role("organization")
        if doer.sentence != view.index or _list_end(view, doer) != doer:
            continue  # the last item of its list: an item before it shares the subject, one after it does not
        for org in run_before(view, [o for o in orgs if o.end <= doer.start], doer.start):
            if (org.text, fact.role("market").key) not in done:
                done.add((org.text, fact.role("market").key))
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": fact.role("market")},
                                       0.65, status=fact.value("status"), sector=fact.value("sector")))
    return facts


FRONTED_PLACE = re.compile(r"\s*(?:In|Across|Throughout)\s+(?:the\s+)?")
FRONTED_DOER = re.compile(r"\s*,\s*(?:(?P<anaphor>it|the\s+" + COMPANY_NOUN + r")\b|(?=[A-Z]))")
# what the subject of a sentence about a country may do there without doing business: speak, think, see
NOT_AT_WORK = re.compile(r"\b(?:said|says|say|told|tells|noted|notes|believes?|thinks?|sees?|saw|expects?|hopes?|"
                         r"warned|warns|argued|argues|welcomed|welcomes|visited|visits|met|meets|faced|faces|lost|"
                         r"closed|sold\s+off|exited|left|withdrew|is|are|was|were|remains?)\b")


def _at_work_where_fronted(view: SentenceView, found: list[Fact], gaz: Gazetteer,
                           last_company: Mention | None) -> list[Fact]:
    """"In the Philippines, Mitsubishi handles the export of ...", "In Kenya, it runs two plants" (the company
    the sentence before named): a country written first sets where the subject does what the clause says."""
    lead = FRONTED_PLACE.match(view.text)
    market = lead and next((m for m in view.places() if m.start == lead.end() and m.kind == "Country" and m.key), None)
    doer = market and FRONTED_DOER.match(view.text, market.end)
    if not doer or any(f.kind == "MarketActivity" for f in found):
        return []
    if doer.group("anaphor"):
        if last_company is None or not _a_business(last_company):
            return []
        org, rest = last_company, doer.end()
    else:
        org = next((m for m in _organizations(view) if m.start == doer.end() and _a_business(m)), None)
        if org is None:
            return []
        rest = org.end
    clause = view.text[rest:CLAUSE_BREAK.search(view.text, rest).start() if CLAUSE_BREAK.search(view.text, rest)
                       else len(view.text)]
    verb = re.match(r"\s+(?:(?:also|now|already|currently|still|has|have|had|will|plans\s+to|is|are)\s+)*"
                    r"(?P<verb>[a-z]+)", clause)
    if not verb or NOT_AT_WORK.fullmatch(verb.group("verb")) or NEGATED_ACTIVITY.search(clause):
        return []
    planned = PLANNED_CUE.search(clause) or MODAL_BEFORE.search(clause[:verb.end()])
    return [make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.65,
                      status="planned" if planned else "active",
                      sector=_sector_between(view, rest, len(view.text), gaz))]


# "... the only South African company riding rough waves in Nigeria", "... a Korean firm operating in Hungary"
AT_WORK_IN = re.compile(r"(?:[\w-]+\s+){0,2}?" + COMPANY_NOUN + r"\s+(?:that\s+is\s+|which\s+is\s+)?[a-z]+ing\b"
                        r"[^.;,]{0,40}?\b(?:in|into|across)\s+(?:the\s+)?$")


def _described_at_work_abroad(view: SentenceView, found: list[Fact]) -> list[Fact]:
    """"MTN is not the only South African company riding rough waves in Nigeria": what a company is said to be
    one of, at work in a country, it is itself."""
    placed = {f.role("organization").text for f in found}
    facts = []
    for org in _organizations(view):
        said = NATIONALITY_AFTER_COPULA.match(view.text, org.end)
        home = said and next((m for m in view.mentions if m.kind == "Country" and m.start == said.end()
                              and m.via == "adjective"), None)
        if not home or org.text in placed:
            continue
        market = next((m for m in view.places() if m.start > home.end and m.via != "adjective" and m.key != home.key
                       and AT_WORK_IN.fullmatch(view.text[home.end:m.start].lstrip())), None)
        if market is not None:
            facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                   status="active"))
    return facts


PRESENCE_OF = re.compile(r"\b(?:presence|operations|activities|investments?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                         + COMPANY_NOUN_PLURAL + r"\s*,?\s+(?:such as|like|including|among them|notably)\s+(?:the\s+)?")


def _present_by_list(view: SentenceView, found: list[Fact]) -> list[Fact]:
    """"Malaysia's standing was strengthened by the presence of Chinese companies such as A, B and C": the
    companies listed are active in the one country the sentence names besides their own."""
    facts = []
    placed = {f.role("organization").text for f in found}
    orgs = _organizations(view)
    for cue in PRESENCE_OF.finditer(view.text):
        first = next((o for o in orgs if o.start == cue.end()), None)
        if first is None or NEGATED_ACTIVITY.search(view.text[:cue.start()]):
            continue
        homes = {m.key for m in view.places() if cue.start() <= m.start < cue.end()}
        markets = {m.key: m for m in view.places() + view.cities
                   if m.via != "adjective" and m.key not in homes and not cue.start() <= m.start < cue.end()}
        if len(markets) != 1:
            continue
        market = next(iter(markets.values()))
        for org in orgs:
            if org.start >= first.start and _first_of_run(view, org) == first.start and org.text not in placed:
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.65,
                                       status="active"))
    return facts


THEIR_PLANS = re.compile(r"\btheir\s+(?:plans?|intentions?|projects?|interest)\s+(?:to\s+|in\s+)(?:invest|expand|open|"
                         r"build|enter|set up|investing|expanding|opening|building|entering|setting up)\b")


def _their_plans(view: SentenceView, found: list[Fact]) -> list[Fact]:
    """"met Travelshop, Rep Kaucuk and Turkish Airlines to learn about their plans to invest in Vietnam": the
    organisations listed before "their plans" plan it."""
    cue = THEIR_PLANS.search(view.text)
    if cue is None or NEGATED_ACTIVITY.search(view.text[:cue.start()]):
        return []
    market = _market_after(view, cue.end(), limit=60)
    organizations = _organizations(view)
    named = [m for m in view.mentions if m.end <= cue.start() and (m in organizations or m.kind == "Person")]
    if market is None or not named or re.search(r"[.;]", view.text[named[-1].end:cue.start()]):
        return []
    run = _coordinated(view, named)
    if not any(m.kind != "Person" for m in run):
        return []  # people's plans are no business
    placed = {(f.role("organization").text, f.role("market").key) for f in found}
    # a "person" listed with companies is one too: "met Travelshop, Rep Kaucuk and Turkish Airlines"
    return [make_fact("MarketActivity", view, {"organization": replace(o, kind="Company") if o.kind == "Person"
                                               else o, "market": market}, 0.65, status="planned")
            for o in run if (o.text, market.key) not in placed]


# "broadcasting by X in Y", "the construction of a plant by X in Y", "investments by X in Y": a deed named by a noun
NOMINAL_BY = re.compile(r"\b(?:[a-z]+ing|construction|operations?|investments?|supply|supplies|development|"
                        r"exploration|production|acquisition|purchase|expansion)\s+(?:[\w-]+\s+){0,3}?by\s+"
                        r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
IN_PLACE_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:in|into|across)\s+(?:the\s+)?")
PASSIVE_BY = re.compile(r"\b(?P<aux>will be|would be|is to be|are to be|is being|are being|is|are|was|were|has been|"
                        r"have been|had been)\s+(?:[a-z]+ly\s+)?(?:implemented|built|constructed|carried out|"
                        r"executed|developed|financed|funded|operated|supplied|delivered|undertaken|installed|"
                        r"upgraded|moderni[sz]ed|rehabilitated)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")


def _passive_status(passive: re.Match) -> str:
    return "planned" if passive.group("aux") in ("will be", "would be", "is to be", "are to be") else "active"


AWARDED_TO = re.compile(r"\b(?:awarded|awards|gave|granted|grants|handed)\s+(?:a|an|the|two|three|several)\s+"
                        r"(?:[\w-]+\s+){0,3}?(?:contracts?|tenders?|concessions?|licen[cs]es?|deals?)\s+to\s+"
                        r"(?:the\s+)?(?:[a-z-]+\s+){0,3}$")


# "Azerbaijan has signed agreements with Saudi Arabia's ACWA Power to build a wind farm"
CONTRACTED_WITH = re.compile(r"(?:^|,\s*)(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:has\s+|have\s+|had\s+)?"
                             r"(?:signed|inked|concluded|entered into)\s+(?:an?\s+|the\s+|two\s+|three\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:deals?|agreements?|contracts?|memorand(?:um|a)(?:\s+of\s+understanding)?"
                             r"|MoUs?)\s+with\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+)?(?:[a-z-]+\s+){0,3}$")


def _awarded_to(view: SentenceView) -> list[Fact]:
    """"The Nigerian government had awarded a contract to Mota-Engil ... to build a railway", "Azerbaijan has
    signed agreements with ACWA Power to build a wind farm": the company the contract goes to works in the
    market of the country that awards or signs it."""
    facts = []
    for org in _organizations(view):
        lead = AWARDED_TO.search(view.text[:org.start])
        signed = None if lead else CONTRACTED_WITH.search(view.text[:org.start])
        if signed and not TO_DO.search(re.split(r"[,;.]", view.text[org.end:org.end + 60])[0]):
            signed = None  # only with what it is to do there: "... with X to build a plant"
        if signed:  # the country is the sentence's subject: "Azerbaijan has signed ..."
            giver = [m for m in view.places() if m.start == signed.start() + len(re.match(
                r",?\s*(?:the\s+)?", signed.group()).group()) and m.via == "name"]
            if giver:
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": giver[0]}, 0.7,
                                       status="planned"))
            continue
        if not lead:
            continue
        giver = [m for m in view.places() if m.end <= lead.start() and ";" not in view.text[m.end:lead.start()]]
        if not giver:
            continue
        planned = TO_DO.search(view.text[org.end:org.end + 120]) or MODAL_BEFORE.search(view.text[:lead.start()])
        facts.append(make_fact("MarketActivity", view, {"organization": org, "market": giver[-1]}, 0.7,
                               status="planned" if planned else "active"))
    return facts


def _activity_of(view: SentenceView, org: Mention, rest_start: int, window_end: int, gaz: Gazetteer,
                 sector_from: int) -> list[Fact]:
    """What the sentence says `org` does or plans to do, read between `rest_start` and `window_end`."""
    facts = []
    here = org.sentence == view.index  # an organisation named in this sentence may have an apposition
    window = view.text[rest_start:window_end]
    negated = NEGATED_ACTIVITY.search(window)
    planned = PLANNED_CUE.search(window) or (
        PLAN_BEFORE.search(view.text[:_first_of_run(view, org)]) and TO_DO.search(window))  # "a plan by X to build"
    if planned and not negated:
        clause = CLAUSE_BREAK.search(view.text, rest_start + planned.end())  # ", while Osaka-based Y ...": not X's
        reach = min(120, clause.start() - rest_start - planned.end()) if clause else 120
        market = _market_after(view, rest_start + planned.end(), limit=reach) or _market_in_names(
            view, rest_start + planned.end(), window_end, gaz)
        if market:
            sector = _sector_between(view, sector_from, market.end - 30, gaz) or (
                _appositive_sector(view, org, gaz) if here else None)
            facts += [make_fact("MarketActivity", view, {"organization": org, "market": m}, 0.75,
                                status="planned", sector=sector) for m in _markets_from(view, market)]
    active = ACTIVE_CUE.search(window) or OWN_ACTIVITY.match(window)
    if active and FUTURE_TIME.search(window[active.end():]) and not planned and not negated:
        planned, active = active, None  # "is working with Y to produce the model locally from next year"
        market = _market_after(view, rest_start + planned.end(), limit=120)
        if market:
            sector = _sector_between(view, sector_from, _beyond(view, market), gaz)
            facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                   status="planned", sector=sector))
    if active and any(m.via != "adjective" and not BASED_IN.search(view.text[:m.start])
                      and not re.match(r"['’]s\b", view.text[m.end:])  # "X, Norway's fund, has invested"
                      for m in mentions_between(view, rest_start, rest_start + active.start(), {"Country", "Person"})):
        active = None  # "X show that Germany invested ...": the verb has another subject
    if active and OTHERS_CLAUSE.search(window[:active.start()]):
        active = None  # "to keep up the momentum of Polish companies that wish to set up in the Kingdom"
    if active and not negated and (not planned or active.start() < planned.start()):
        clause = CLAUSE_BREAK.search(view.text, rest_start + active.end())
        market = _market_after(view, rest_start + active.end(),
                               limit=min(60, clause.start() - rest_start - active.end()) if clause else 60)
        if market:
            sector = (_appositive_sector(view, org, gaz) if here else None) or _sector_between(
                view, rest_start + active.end(), _beyond(view, market), gaz)
            facts += [make_fact("MarketActivity", view, {"organization": org, "market": m}, 0.75,
                                status="active", sector=sector) for m in _markets_from(view, market)]
    return facts


def _beyond(view: SentenceView, market: Mention) -> int:
    """How far past its market an activity's sector may be named: "in Egypt's energy sector", not into the
    next clause ("investing in Viet Nam; X, a jewellery brand, ...")."""
    clause = view.text.find(";", market.end, market.end + 60)
    return clause if clause >= 0 else market.end + 60


# "runs 38 branches in Uganda, 7 in Rwanda and 2 in Tanzania": a count before each further market
MARKET_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:\d[\d,]*\s+in\s+)?(?:the\s+)?")


def _markets_from(view: SentenceView, market: Mention) -> list[Mention]:
    """"is present in 10 countries, comprising Laos, Cambodia and Peru": each country of the list the first
    market opens, not one that owns what follows ("in Peru, and Chile's X")."""
    markets = [market]
    for m in view.places():
        if m.start >= markets[-1].end and m.via != "adjective" and m.key \
                and MARKET_LIST_GAP.fullmatch(view.text[markets[-1].end:m.start]) \
                and not re.match(r"['’]s?\b|-[a-z]", view.text[m.end:]):
            markets.append(m)
    return markets


# the clause of another noun between an organisation and a verb: "... of Polish companies that wish to set up"
OTHERS_CLAUSE = re.compile(r"\b(?:" + COMPANY_NOUN_PLURAL + r"|investors|entrepreneurs|others)\s+(?:that|which|who)\b")
BASED_IN = re.compile(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$")  # "X, based in India, has ...": X's home
PLAN_BEFORE = re.compile(r"\b(?:plans?|proposals?|projects?|bid)\s+(?:by|of|from)\s+[^.;:]{0,80}$")
TO_DO = re.compile(r"\bto\s+(?:expand|enter|launch|open|invest|build|set up|establish|start|develop|produce|supply|"
                   r"construct|upgrade|moderni[sz]e|rehabilitate|install|deliver|implement|finance)\b")
FUTURE_TIME = re.compile(r"\b(?:from next year|next year|later this year|in the coming (?:months|years)|"
                         r"from (?:early |late )?20[2-9]\d|by (?:the end of )?20[2-9]\d)\b", re.IGNORECASE)
MODAL_BEFORE = re.compile(r"\b(?:will|shall|would|'ll|is to|are to|is set to|are set to|is due to|are due to|"
                          r"is expected to|are expected to|is going to|are going to)\s+(?:\w+\s+)?$", re.IGNORECASE)


INFINITIVE_BEFORE = re.compile(r"\bto\s+$")
BARE_NAME = re.compile(r"(?:[Tt]he\s+)?(?!(?:He|She|We|They|It|I|You|This|That|These|Those|Both|All|Each|Some|"
                       r"Many|Most|Several|Others|Also|Such)\b)"  # no pronoun, no quantifier, no adverb
                       r"(?P<name>[A-Z][\w&.+-]*(?:\s+[A-Z][\w&.+-]*){0,3})")


def _unnamed_subject(view: SentenceView, subject: Node) -> list[Mention]:
    """"Alstom will supply trains to Egypt": a capitalised subject the NER did not name, nothing else it
    could be (no person, country, title or sector), is the company doing it."""
    name = BARE_NAME.fullmatch(view.text[subject.tree_start:subject.tree_end])
    if not name or any(m.start < subject.tree_end and subject.tree_start < m.end for m in view.mentions) or any(
            t[1] < subject.tree_end and subject.tree_start < t[2] for t in view.titles) or any(
            c.start < subject.tree_end and subject.tree_start < c.end for c in view.concepts):
        return []
    begin = subject.tree_start + name.start("name")
    return [Mention(name.group("name"), organization_kind(name.group("name")), view.index, begin,
                    begin + len(name.group("name")))]


def _coordinated(view: SentenceView, orgs: list[Mention]) -> list[Mention]:
    """The organisations of a subject that are one list: "Audi, BMW and Mercedes"."""
    run = orgs[-1:]
    for m in reversed(orgs[:-1]):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", view.text[m.end:run[0].start]):
            break
        run.insert(0, m)
    return run


def with_the_parse(surface: list[Fact], parsed: list[Fact]) -> list[Fact]:
    """Both readings of a sentence's activity, the parse's "planned" winning over the surface's "active" for
    the same organisation and market ("Y invited X to set up stations": the regex sees "set up")."""
    planned = {(f.role("organization").text, f.role("market").key) for f in parsed if f.value("status") == "planned"}
    return [f for f in surface if f.value("status") != "active"
            or (f.role("organization").text, f.role("market").key) not in planned] + parsed


def activities_from_the_parse(view: SentenceView, gaz: Gazetteer, found: list[Fact]) -> list[Fact]:
    """Activity read from the dependency parse (patterns in data/patterns/activity.jsonl): "X will build a
    plant in Egypt", "X is exploring gold deposits in Egypt", "X plans to open an office in Y", "Y invited X
    to set up filling stations in Y".  The subject must hold an organisation and the place a country.  Where
    the parse says planned and the surface rules said active ("invited X to set up"), the caller keeps the
    parse's reading."""
    facts: dict[tuple[str, str], Fact] = {}
    known = {(f.role("organization").text, f.role("market").key, f.value("status")) for f in found
             if f.kind == "MarketActivity"}
    for relation in view.relations:
        if relation.label not in ("ACTIVITY", "PLANNED"):
            continue
        subject, verb, place = (relation.nodes[n] for n in ("subject", "verb", "place"))
        orgs = [m for m in _organizations(view) if subject.tree_start <= m.start and m.end <= subject.tree_end]
        holding = [m for m in orgs if m.start <= subject.start < m.end]
        if not orgs:
            orgs = _unnamed_subject(view, subject)
        markets = [m for m in view.places() + view.cities if place.tree_start <= m.start and m.end <= place.tree_end
                   and not (m.via == "adjective" and OWNER_OF_COMPANIES.match(view.text[m.end:]))
                   and not OUTSIDE.search(view.text[:m.start])]
        span = view.text[min(subject.start, place.start):max(place.end, verb.end, subject.end)]
        if not orgs or not markets or NEGATED_ACTIVITY.search(span):  # "In Kenya, X has not opened ..." too
            continue
        org = (holding or orgs)[-1]
        places = [markets[0]]  # "opened routes to Brazil, Argentina and Panama": each of the list
        for m in markets[1:]:
            if m.key and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", view.text[places[-1].end:m.start]):
                places.append(m)
            else:
                break
        listed = _coordinated(view, orgs)  # "Audi, BMW and Mercedes all have factories in Hungary"
        governor = relation.nodes.get("governor", verb)
        planned = relation.label == "PLANNED" or any(MODAL_BEFORE.search(view.text[:n.start]) for n in (verb, governor))
        if governor != verb and (PLANNED_CUE.search(view.text[governor.start:verb.end])
                                 or INFINITIVE_BEFORE.search(view.text[:verb.start])):
            planned = True  # "X is set to sign a contract to build"
        if INFINITIVE_BEFORE.search(view.text[:verb.start]) \
                and PLAN_BEFORE.search(view.text[:_first_of_run(view, org)]):
            planned = True  # "a plan by X to build"
        status = "planned" if planned else "active"
        sector = _sector_between(view, verb.start, place.tree_end, gaz)
        for one in listed if org in listed else [org]:
            for market in places:
                if (one.text, market.key, status) in known or status == "active" and (
                        one.text, market.key, "planned") in known:
                    continue
                key = (one.text, market.key or market.text)
                if key not in facts or status == "planned":
                    facts[key] = make_fact("MarketActivity", view, {"organization": one, "market": market}, 0.7,
                                           status=status, sector=sector)
    return list(facts.values())


LIST_APPOSED_NATIONALITY = re.compile(r"\s*,\s+(?:the|both|all)\s+(?:(?:two|three|four|five|six|\d+)\s+)?")


def _list_end(view: SentenceView, org: Mention) -> Mention:
    """The last organisation of the list `org` is an item of: "A, B and C"."""
    last = org
    for m in sorted(_organizations(view), key=lambda m: m.start):
        if m.start >= last.end and re.fullmatch(r"(?:\s*\([^()]{1,15}\))?\s*(?:,|and|,\s*and)\s*(?:the\s+)?",
                                                view.text[last.end:m.start]):
            last = m
    return last


NATIONALITYS_FIRMS_AMONG_THEM = re.compile(r"\s+(?:[a-z-]+\s+){0,2}" + COMPANY_NOUN_PLURAL
                                          + r"\b[^.;:()]{0,100}?,\s*(?:among them|among others|namely)(?:\s*:)?\s+")
LISTED_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:(?:among them|including|such as|like|notably|include|includes|"
                          r"included)(?:\s*:)?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?|"
                          # "..., the main example being the investments of the Norwegian concern X"
                          r"(?:for example|for instance|examples? being|example is)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?)$")


def _listed_after_activity(view: SentenceView, facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"230 French enterprises operate in Kazakhstan, among them the groups Total, Orano and Alstom":
    the activity of the many is the activity of each one named."""
    found: list[Fact] = []
    if not _organizations(view) or not (view.places() or view.cities):
        return found  # nothing to list, or nowhere: the cue's search is the costly part
    for text_cue in ACTIVE_CUE.finditer(view.text):
        if any(f.role("organization").sentence == view.index and f.role("organization").end <= text_cue.start()
               for f in facts):
            continue  # a named subject already took this verb
        market = _market_after(view, text_cue.end(), limit=40)
        if market is None or NEGATED_ACTIVITY.search(view.text[:text_cue.start()]):
            continue
        listed = [org for org in _organizations(view)
                  if org.start > market.end and LISTED_AFTER.match(view.text[market.end:_first_of_run(view, org)])]
        for org in listed:  # the sector the clause names, not one an earlier item's description names
            found.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                                   status="active", sector=_sector_between(view, text_cue.start(), listed[0].start,
                                                                           gaz)))
    return found


def _first_of_run(view: SentenceView, org: Mention) -> int:
    """Where the list an organisation belongs to starts: "Total, Orano and Alstom"."""
    run = run_before(view, [m for m in _organizations(view) if m.end <= org.start], org.start)
    return run[0].start if run else org.start


# Between an industry and the name it describes: "battery maker CATL", "Chinese EV giant BYD", "the three car
# manufacturers, Audi, BMW and Mercedes", "telecom operators such as X".
INDUSTRY_GAP = re.compile(r"(?:\s+(?:[\w-]+\s+){0,1}?(?:" + COMPANY_NOUN + "|" + COMPANY_NOUN_PLURAL + r"))?"
                          r"\s*(?:,\s*|\s+(?:such as|like|including|among them)\s+)?")


def industry(view: SentenceView, org: Mention, gaz: Gazetteer) -> str | None:
    """The industry a sentence gives an organisation by what it calls it ("battery maker CATL", "X, a
    French nuclear fuel company"), never a kind of activity ("investor", "manufacturer")."""
    run_start = _first_of_run(view, org)
    for c in reversed(view.concepts):
        sector = _broader_sector(c.iri, gaz) if c.is_commodity else c.iri  # "EV giant X": vehicles, so automotive
        if sector and c.end <= run_start and sector.rsplit("/", 1)[-1] not in ACTIVITY_KIND_SECTORS \
                and INDUSTRY_GAP.fullmatch(view.text[c.end:run_start]):
            return sector
    sector = _appositive_sector(view, org, gaz)
    return None if sector is None or sector.rsplit("/", 1)[-1] in ACTIVITY_KIND_SECTORS else sector


def activity_sectors(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """An activity's sector is the industry it serves: a company's own, as the document calls it, where
    the sentence names only the kind of activity ("CATL is building a factory in Hungary": batteries,
    not manufacturing), or names none but calls the company by its industry ("carmaker X opened ...")."""
    industries: dict[str, str] = {}  # as the document first calls the company
    in_sentence: dict[tuple[int, str], str] = {}
    for view in views:
        for org in _organizations(view):
            found = industry(view, org, gaz)
            if found:
                industries.setdefault(org.text, found)
                in_sentence[(view.index, org.text)] = found
    result = []
    for fact in facts:
        if fact.kind == "MarketActivity":
            sector, name = fact.value("sector"), fact.role("organization").text
            if sector is None:
                fact = fact.with_value("sector", in_sentence.get((fact.sentence, name)))
            elif sector.rsplit("/", 1)[-1] in ACTIVITY_KIND_SECTORS:
                fact = fact.with_value("sector", industries.get(name))
        result.append(fact)
    return result


TAKING_PART = re.compile(r"takes part|took part|participates|participating", re.IGNORECASE)
HOME_AFTER = re.compile(r"-(?:based|headquartered)\b")


def _a_home(view: SentenceView, place: Mention) -> bool:
    """"Tokyo-based X", "X, based in Tokyo": a place that says where a company is from, not where it works."""
    return bool(HOME_AFTER.match(view.text, place.end) or BASED_IN.search(view.text[:place.start]))


def activities_in_the_pair(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                           pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"the Italian engineering group X will supply equipment for four substations": an activity
    whose place the sentence leaves unnamed, by a company from one of the article's two countries,
    is in the other one.  Only for such companies as are subjects, each read up to the next one ("A will
    build X, while B has set up Y"), never the object of a preposition ("a deal with A")."""
    if pair is None:
        return []
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {(f.sentence, f.role("organization").text) for f in facts if f.kind == "MarketActivity"}
    found = []
    for view in views:
        if view.is_title or any(m.via != "adjective" and not _a_home(view, m) for m in view.places()):
            continue  # a country named as such in the sentence: the sentence rules had their chance
        orgs = [o for o in _organizations(view) if homes.get(o.text) in pair
                and not OBJECT_OF_PREPOSITION.search(view.text[:o.start])]
        if len({homes[o.text] for o in orgs}) > 1:
            continue  # "the Kazakh company A and the Dutch group B plan to ...": in which of the two?
        for org in orgs:
            if (view.index, org.text) in placed:
                continue
            status = _unplaced_status(view, org)
            other = pair[1] if homes[org.text] == pair[0] else pair[0]
            if status and other in pair_mentions:
                found.append(make_fact("MarketActivity", view, {"organization": org, "market": pair_mentions[other]},
                                       0.6, status=status))
    return found


def _unplaced_status(view: SentenceView, org: Mention) -> str | None:
    """"planned" or "active" where the sentence says `org` does business but names no place for it."""
    rest_start, window_end = _activity_window(view, org)
    window = view.text[rest_start:window_end]
    if NEGATED_ACTIVITY.search(window):
        return None
    planned, active = PLANNED_CUE.search(window), ACTIVE_CUE.search(window)
    if active and TAKING_PART.fullmatch(active.group(1)):
        active = None  # with no place named, "took part" is in the forum, not in a market
    reported = REPORTED.search(window[:(planned or active).start()]) if planned or active else None
    if not planned and not active or reported and not OWN_CLAUSE.match(window, reported.end()):
        return None  # "Statistics Vietnam reported that Peruvian exports rose": another clause's verb
    return "planned" if planned and (not active or planned.start() < active.start()) else "active"


def shares_of_the_sentence_before(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"Four carmakers agreed to invest 150 billion baht in Thailand's EV industry. Toyota and Honda will invest
    about 50 billion baht each": companies that do, with no place, what an unnamed many did in a place in the
    sentence before, do it there."""
    placed = {(f.sentence, f.role("organization").text) for f in facts if f.kind == "MarketActivity"}
    found = []
    for before, view in zip(views, views[1:], strict=False):
        if before.is_title or view.is_title or any(m.via != "adjective" for m in view.places() + view.cities) \
                or not _organizations(view) or _organizations(before):
            continue  # the cheap tests first: the cues' search is the costly part
        cue = PLANNED_CUE.search(before.text) or ACTIVE_CUE.search(before.text)
        if cue is None or NEGATED_ACTIVITY.search(before.text) or any(
                f.sentence == before.index for f in facts if f.kind == "MarketActivity"):
            continue  # the many are unnamed: "four carmakers", "Japanese investors"
        market = _market_after(before, cue.end(), limit=60)
        if market is None or market.key is None:
            continue
        sector = _sector_between(before, cue.end(), market.end + 40, gaz)
        verb = re.compile(r"\b" + re.escape(cue.group().split()[-1][:5]))  # the same deed: "invest", "invested"
        for org in _organizations(view):
            if (view.index, org.text) in placed or OBJECT_OF_PREPOSITION.search(view.text[:org.start]) \
                    or NOT_A_BUSINESS.search(org.text) or org.kind not in ("Company", "Organization"):
                continue
            rest_start, window_end = _activity_window(view, org)
            status = _unplaced_status(view, org) if verb.search(view.text, rest_start, window_end) else None
            if status:
                found.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.55,
                                       status=status, sector=sector))
    return found


REPORTED = re.compile(r"\b(?:said|says|reported|reports|noted|notes|stated|states|showed|shows|announced|added|"
                      r"estimated|estimates|revealed|reveals)\b(?:\s+that\b)?")
OWN_CLAUSE = re.compile(r"\s+(?:that\s+)?(?:it|they)\b")  # "X said it would invest": X's own clause
DEAL = re.compile(r"\b(?:sign\w*|inked|agreements?|deals?|memorand\w*|MoUs?|contracts?|joint ventures?|"
                  r"(?:talks|discussions|negotiations)\s+with|(?:discussed|negotiated)\s+with|partner(?:ship)?s?\s+with|partnered\s+with|"
                  r"cooperation\s+between|teamed up)\b", re.IGNORECASE)
WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
# "signed agreements with A, B and C": each of the names listed after "with"
WITH_LIST_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*)*"
                              r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)+$")
AND_BETWEEN = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s*,\s*[^,.;]{0,60},)?\s+and\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$")
# the NER's "Organization" is often a company it did not know, but never a chamber, an authority or a plan
NOT_A_BUSINESS = re.compile(r"\b(?:Chamber|Association|Federation|Union|Board|Agency|Committee|Commission|Society|"
                            r"Alliance|Council|Authority|Ministry|Embassy|Department|Bureau|Directorate|Deal|Vision|"
                            r"Initiative|Programme|Program|Plan|Strategy|Forum)\b|\d")


def _a_business(org: Mention) -> bool:
    return org.kind == "Company" or org.kind == "Organization" and not NOT_A_BUSINESS.search(org.text)


STATE_AFTER = re.compile(r"\s+(?:government|authorities|state|ministry)\b", re.IGNORECASE)


def host_country(facts: list[Fact], pair: tuple[str, str] | None, dateline: str | None) -> str | None:
    """Which of the two countries the article's business goes to: where the activities already read are,
    where investment flows to, then where the report was filed.  None when the evidence is even."""
    if pair is None:
        return None
    votes = dict.fromkeys(pair, 0.0)
    for fact in facts:
        target = fact.role("market") if fact.kind == "MarketActivity" else \
            fact.role("to") if fact.kind == "InvestmentFlow" else None
        if target is not None and target.key in votes:
            votes[target.key] += 1
    if dateline in votes:
        votes[dateline] += 0.5  # only to break a tie: a forum abroad is still about business at home
    first, second = sorted(votes.values(), reverse=True)
    return max(votes, key=votes.__getitem__) if first > second else None


LOCAL_NOUN = re.compile(r"\blocal\s+(?:[a-z-]+\s+){0,2}?(?:partners?|compan(?:y|ies)|firms?|contractors?|"
                        r"subsidiar(?:y|ies)|distributors?|banks?|developers?)\s*,?\s+(?:the\s+)?$")


def local_companies(views: list[SentenceView], facts: list[Fact], host: str | None,
                    pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"built by Turkish company X and a local partner, Y": a local firm is at home where the article's
    business goes."""
    if host not in pair_mentions:
        return []
    homes = {f.role("organization").text for f in facts if f.kind == "HomeCountry"}
    return [make_fact("HomeCountry", view, {"organization": org, "country": pair_mentions[host]}, 0.6)
            for view in views if "local" in view.text for org in _organizations(view)
            if org.text not in homes and LOCAL_NOUN.search(view.text, max(0, org.start - 60), org.start)]


LOCAL_MARKET_LISTING = re.compile(r"\b(?:present|active|operating|available|sold|doing business)\s+(?:in|on)\s+the\s+"
                                  r"(?:local|domestic)\s+market\s*,?\s*(?:including|such as|like|among them|notably|"
                                  r"namely)\s+(?:the\s+)?")


def listed_in_the_local_market(views: list[SentenceView], facts: list[Fact], host: str | None,
                               pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"More and more Polish brands are also present in the local market including A, B and C": the local market
    is where the article's business goes."""
    if host not in pair_mentions:
        return []
    at_home = {f.role("organization").text for f in facts if f.kind == "HomeCountry" and f.role("country").key == host}
    return [make_fact("MarketActivity", view, {"organization": org, "market": pair_mentions[host]}, 0.6,
                      status="active")
            for view in views if "market" in view.text for listing in LOCAL_MARKET_LISTING.finditer(view.text)
            for org in _list_after(view, listing.end(), people_are_companies=True) if org.text not in at_home]


def _parties_linked(view: SentenceView, first: tuple[int, int], second_start: int) -> bool:
    """"A ... with B", "between A and B", "A and the Dutch firm B signed": the two make the deal together."""
    lead = view.text[:second_start]
    if WITH_BEFORE.search(lead) or WITH_LIST_BEFORE.search(lead):
        return True
    return bool(AND_BETWEEN.fullmatch(view.text[first[1]:second_start]))


def deals_with_the_other_side(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                              pair_mentions: dict[str, Mention], host: str | None = None) -> list[Fact]:
    """"Sparkle will sign a preliminary agreement with Algerie Telecom", "an MoU between X and the Nepal
    Electricity Authority", "the Kazakh firm A and the Dutch consortium B agreed to build": a company that makes
    a deal with the other country's state, bodies or companies plans to work in that country's market.  Between
    two companies, the one from outside the country the article's business goes to (`host`) is the one
    entering; a company whose home the document never says takes its partner's country."""
    if pair is None:
        return []
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {(f.role("organization").text, f.role("market").key) for f in facts if f.kind == "MarketActivity"}
    found = []
    for view in views:
        if view.is_title or not DEAL.search(view.text) or NEGATED_ACTIVITY.search(view.text):
            continue
        orgs = [o for o in _organizations(view) if homes.get(o.text) in pair
                or _a_business(o) and o.text not in homes]
        parties = [(o.start, o.end, homes.get(o.text), o) for o in orgs] + [
            (m.start, m.end, m.key, None) for m in view.places()
            if m.key in pair and STATE_AFTER.match(view.text, m.end)]
        parties.sort(key=lambda p: p[0])
        for i, (a_start, a_end, a_home, a_org) in enumerate(parties):
            for b_start, _b_end, b_home, b_org in parties[i + 1:]:
                if a_home == b_home or not _parties_linked(view, (a_start, a_end), b_start):
                    continue
                for org, home, partner, partner_home in ((a_org, a_home, b_org, b_home),
                                                         (b_org, b_home, a_org, a_home)):
                    if org is None or not _a_business(org) or partner_home not in pair:
                        continue
                    if home is not None and partner is not None and partner.kind == "Company" and (
                            partner_home != host if host else org is not a_org):
                        continue  # two companies: the one entering the host's market, or the subject
                    if home is None and partner is not None and partner.kind == "Company" and host \
                            and partner_home != host:
                        continue
                    if (org.text, partner_home) in placed or partner_home not in pair_mentions:
                        continue
                    placed.add((org.text, partner_home))
                    # no sector from the rest of the sentence ("slots for the LNG carrier fleet"): the
                    # company's industry, where the document names it, is filled in by activity_sectors
                    found.append(make_fact("MarketActivity", view,
                                           {"organization": org, "market": pair_mentions[partner_home]},
                                           0.6, status="planned"))
    return found


FACILITY = (r"(?:plants?|factor(?:y|ies)|mines?|refiner(?:y|ies)|offices?|branch(?:es)?|facilit(?:y|ies)|"
            r"subsidiar(?:y|ies)|operations|headquarters|stores?|warehouses?|hubs?|units?|arm)")
# "the X plant in Mombasa", "X's factory near Pecs", "X's regional office in Nairobi"
FACILITY_IN = re.compile(r"(?:['’]s)?\s+(?:(?:new|first|second|local|regional|existing|planned|own|largest)\s+)?"
                         r"(?:[a-z][\w-]*\s+){0,2}?" + FACILITY + r"\s+(?:(?:sited|located|situated|based)\s+)?"
                         r"(?:in|near|at|outside|on the outskirts of)\s+")
# "It comes after the company's other plants sited in A, B and C": the company of the sentence before
THE_COMPANYS = re.compile(r"\b[Tt]he\s+" + COMPANY_NOUN + r"(?=['’]s\s)")
# "X's Kenyan subsidiary", "X's Polish unit"
OWNED_ABROAD = re.compile(r"['’]s\s+(?=[A-Z])")
# "X's Kenyan regional headquarters" is abroad; "X's Thai headquarters" is at home
FACILITY_AFTER_PLACE = re.compile(r"\s+(?:(?:[a-z][\w-]*\s+){1,2}?|(?!headquarters\b))" + FACILITY + r"\b")
# "X is Kenya's largest foreign investor"
TOP_INVESTOR = re.compile(r"\s*(?:,\s*)?(?:is|was|has become|became|remains|,)\s+(?:now\s+|also\s+)?(?:one of\s+)?")
INVESTOR_AFTER_PLACE = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:foreign\s+|overseas\s+)?"
                                  r"(?:investors?|employers?|exporters?|suppliers?)\b")


def facilities_abroad(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """An organisation with a plant, an office or a subsidiary in a country is active in its market, as is one
    the text calls that country's largest investor.  Not at home: "Kenya Power's plant in Mombasa" says nothing
    about a market."""
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {(f.role("organization").text, f.role("market").key) for f in facts if f.kind == "MarketActivity"}
    found = []
    last: Mention | None = None  # the company the sentences before named last
    for view in views:
        if view.is_title:
            continue
        places = sorted(view.mentions + view.cities, key=lambda m: m.start)
        anaphor = THE_COMPANYS.search(view.text)
        if anaphor and last is not None and not any(o.start < anaphor.start() for o in _organizations(view)):
            facility = FACILITY_IN.match(view.text, anaphor.end())
            first = _market_after(view, facility.end(), limit=0) if facility else None
            for market in run_after(view, [m for m in view.places() if m.kind == "Country"], first.start) \
                    if first is not None and not NEGATED_ACTIVITY.search(view.text) else []:
                if market.key and homes.get(last.text) != market.key and (last.text, market.key) not in placed:
                    placed.add((last.text, market.key))
                    found.append(make_fact("MarketActivity", view, {"organization": last, "market": market}, 0.6,
                                           status="active"))
        companies = [o for o in _organizations(view) if o.kind == "Company"]
        last = companies[0] if companies else last  # the subject, usually named first
        for org in _organizations(view):
            market = None
            tail = view.text[org.end:]
            facility = FACILITY_IN.match(tail)
            if facility:
                market = _market_after(view, org.end + facility.end(), limit=0)
            owned = OWNED_ABROAD.match(tail)
            if market is None and owned:
                market = next((m for m in places if m.kind == "Country" and m.start == org.end + owned.end()
                               and m.via == "adjective" and FACILITY_AFTER_PLACE.match(view.text, m.end)), None)
            if market is None and org is _organizations(view)[0]:  # "X will raise output at its Morocco plants"
                market = next((m for m in places if m.kind == "Country" and m.start > org.end
                               and re.search(r"\b(?:its|their)\s+$", view.text[:m.start])
                               and FACILITY_AFTER_PLACE.match(view.text, m.end)), None)
            top = TOP_INVESTOR.match(tail)
            if market is None and top:
                market = next((m for m in places if m.kind == "Country" and m.start == org.end + top.end()
                               and INVESTOR_AFTER_PLACE.match(view.text, m.end)), None)
            if market is None or market.key is None or homes.get(org.text) == market.key \
                    or (org.text, market.key) in placed or NEGATED_ACTIVITY.search(view.text):
                continue
            placed.add((org.text, market.key))
            found.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.6,
                                   status="active"))
    return found


def companies_of_one_side(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                          pair_mentions: dict[str, Mention], host: str | None) -> list[Fact]:
    """A company from one of the article's two countries, named in a sentence that names the other or says
    what it does, is there for its work in the other's market: an article about two countries names their
    companies for that.  The weakest reading, used only where no sentence rule placed the company; planned
    where its sentences speak of the future."""
    if pair is None:
        return []
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {f.role("organization").text for f in facts if f.kind == "MarketActivity"}
    seen: dict[str, list[SentenceView]] = {}
    first: dict[str, Mention] = {}
    for view in views:
        if view.is_title:
            continue
        for org in _organizations(view):
            if org.kind == "Company" and homes.get(org.text) in pair and homes[org.text] != host \
                    and org.text not in placed and not OBJECT_OF_PREPOSITION.search(view.text[:org.start]):
                # not "the arm of China's X": an owner named in passing
                seen.setdefault(org.text, []).append(view)
                first.setdefault(org.text, org)
    found = []
    for name, where in seen.items():
        other = pair[1] if homes[name] == pair[0] else pair[0]
        if other not in pair_mentions:
            continue
        # with no host, where the business goes is only where a sentence says both: the other country and the deed,
        # and taking part in a forum is no deed there, nor a joint deal of the two sides
        telling = [v for v in where if _names_the_country(v, other) or _says_a_deed(v)] if host in pair else \
            [v for v in where if _names_the_country(v, other) and _says_a_deed(v) and not _only_taking_part(v.text)
             and not any(homes.get(o.text) == other for o in _organizations(v))]
        if not telling or any(NEGATED_ACTIVITY.search(v.text) for v in telling):
            continue
        planned = any(PLANNED_CUE.search(v.text) or MODAL_BEFORE.search(v.text) or DEAL.search(v.text)
                      or FUTURE_TIME.search(v.text) or re.search(r"\bplan(?:s|ned)?\b", v.text) for v in telling)
        found.append(make_fact("MarketActivity", telling[0], {"organization": first[name],
                                                              "market": pair_mentions[other]},
                               0.55, status="planned" if planned else "active"))
    return found


def companies_of_third_countries(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                                 pair_mentions: dict[str, Mention], host: str | None) -> list[Fact]:
    """"Separately, Canada's X, which operates the Y mine, said it would invest ...": in an article whose
    business goes to one country, a company of a third country that does something where its sentence names
    no country at all does it there."""
    if pair is None or host not in pair or host not in pair_mentions:
        return []
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    placed = {f.role("organization").text for f in facts if f.kind == "MarketActivity"}
    found: dict[str, Fact] = {}
    for view in views:
        if view.is_title:
            continue
        abroad = [m for m in view.places() + view.cities if m.key not in (host, None) and not _name_tag(view, m)]
        for org in _organizations(view):
            home = homes.get(org.text)
            if org.kind != "Company" or home is None or home in pair or org.text in placed or org.text in found:
                continue
            if any(m.key != home for m in abroad) or not _says_a_deed(view) or _only_taking_part(view.text) \
                    or NEGATED_ACTIVITY.search(view.text):
                continue
            status = _unplaced_status(view, org)
            if status:
                found[org.text] = make_fact("MarketActivity", view, {"organization": org,
                                                                     "market": pair_mentions[host]}, 0.5,
                                            status=status)
    return list(found.values())


def _names_the_country(view: SentenceView, key: str) -> bool:
    return any(m.key == key and not _name_tag(view, m) for m in view.places() + view.cities)


def _says_a_deed(view: SentenceView) -> bool:
    return bool(PLANNED_CUE.search(view.text) or ACTIVE_CUE.search(view.text) or DEAL.search(view.text))


def _only_taking_part(text: str) -> bool:
    """A sentence whose only deed is taking part ("took part in the forum"): no business in a market."""
    active = ACTIVE_CUE.search(text)
    return not PLANNED_CUE.search(text) and not DEAL.search(text) and bool(active) and bool(
        TAKING_PART.fullmatch(active.group(1)))


def _name_tag(view: SentenceView, place: Mention) -> bool:
    """"Honda Automobile (Thailand)": a country in brackets after a name tags the name; the sentence says
    nothing of business there."""
    return view.text[place.start - 1:place.start] == "(" and view.text[place.end:place.end + 1] == ")"


def said_home_first(facts: list[Fact]) -> list[Fact]:
    """A home the text says ("From the Vietnamese side, companies such as Masan Group") outranks one read off
    a place in the name (Masan, a city in Korea): the name's place is dropped where they disagree."""
    said: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "HomeCountry" and not _in_the_name(fact):
            said.setdefault(fact.role("organization").text, set()).add(fact.role("country").key or "")
    return [f for f in facts if f.kind != "HomeCountry" or not _in_the_name(f)
            or not said.get(f.role("organization").text) or f.role("country").key in said[f.role("organization").text]]


def _in_the_name(fact: Fact) -> bool:
    org, country = fact.role("organization"), fact.role("country")
    return org.sentence == country.sentence and org.start <= country.start and country.end <= org.end


def not_at_home(facts: list[Fact]) -> list[Fact]:
    """A market is abroad: a company's work in its own country ("Kenya Power's plant in Mombasa") is business,
    not a market it is active in, unless its apposition says it leads there ("X, Kazakhstan's largest
    developer", the market named right after the name)."""
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}

    def leads_at_home(f: Fact) -> bool:
        org, market = f.role("organization"), f.role("market")
        return org.sentence == market.sentence and 0 <= market.start - org.end <= 3  # "X, Kazakhstan's"

    return [f for f in facts if f.kind != "MarketActivity" or leads_at_home(f)
            or homes.get(f.role("organization").text) != f.role("market").key]


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
    if not appo or DESCRIBED_ITEM.match(view.text, org.end + appo.start("rest")):
        return None  # "A, the medical company B, and C": B's, not A's
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
    return make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.7,
                 status="active", sector=sector)




SIDE_NOUNS = (r"(?:['’]s?)?(?:\s+[a-z][\w-]*|\s+(?:Public|Private|State|Sector|State-owned|Leading|Major)){0,2}?\s+"
              r"(?P<noun>side|delegation|participants|ones|investments|(?i:" + COMPANY_NOUN_PLURAL
              + r"))\b(?P<gap>[^.;:]{0,70}?)\s*(?:,\s*)?")  # "two Indian Public Sector Companies, A and B"
CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas|but)\b|;")
LISTING_WORDS = (r"(?:(?:such as|including|includes?|included|like|(?:was|were)\s+represented\s+by|were|are|was|"
                 r"(?:also\s+)?take\s+in|(?:also\s+)?takes\s+in|"
                 r"representatives of|among them|namely|"
                 r"notably)\b|:)")
LIST_LEAD = (r"\s*(?:(?:representatives|executives|officials|heads)\s+(?:of|from)\s+)?"
             r"(?:the\s+)?(?:(?:[a-z-]+\s+){0,2}?(?:companies|firms|groups|company|firm|group)\s+)?")
# "From the Chinese side, companies such as A, B and C", "Indian companies in Mexico include", "Kenyan firms A and
# B"; and "Uzbek companies with revenue above RM1 billion such as", where a capital in the gap is no list yet
SIDE_LIST_WORDED = re.compile(SIDE_NOUNS + LISTING_WORDS + LIST_LEAD)
SIDE_LIST_WORDED_LAST = re.compile(SIDE_NOUNS.replace("{0,70}?", "{0,70}") + LISTING_WORDS + LIST_LEAD)
SIDE_LIST_NAMED = re.compile(SIDE_NOUNS + r"(?:among them|including|such as|notably|namely)\b" + LIST_LEAD)
SIDE_LIST = re.compile(SIDE_NOUNS + r"(?:" + LISTING_WORDS + r"|(?=[A-Z]))" + LIST_LEAD)
LIST_ITEM_NAME = re.compile(r"[A-Z][\w&.'’+-]*(?:\s+(?:&\s+|['‘’]n\s+)?[A-Z][\w&.'’+-]*){0,4}")  # "Pick ‘n Pay"
# "engaged in the battery business in", "Indian investors in South Africa", "investments into India"
PRESENT_IN = re.compile(r"\b(?:present|operations|operating|operate|active|working|work|invested|investing|"
                        r"doing business|engaged|involved|investors?|investments?|companies|firms|businesses|"
                        r"enterprises)\b[^,;]{0,40}?"
                        r",?\s+(?:in|into)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _list_stop_words() -> frozenset[str]:
    """Words that end a list of company names: countries, nationalities, titles, generic nouns (built once)."""
    gaz = load_gazetteer()
    return frozenset(gaz.names) | frozenset(gaz.adjectives) | {
        "The", "Minister", "Ministry", "President", "Embassy", "Government"}


# not the object of a preposition: "won a contract from the Greek grid operator" names a client, not X again
DESCRIPTION = re.compile(r"(?<!\bfrom )(?<!\bwith )(?<!\bto )(?<!\bfor )(?<!\bby )(?<!\bof )(?<!\band )"
                         r"\b[Tt]he\s+(?P<adjective>[A-Z][\w-]+)\s+(?:[a-z-]+\s+){0,3}?" + COMPANY_NOUN
                         + r"\b(?!\s+[\x22“]?[A-Z])(?!\s+(?:of|in|which|that)\b)")


def homes_by_description(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """"Sonangol holds a stake in Galp. That is because the Angolan oil company controls ...": a company
    the text goes on to call "the <nationality> ... company" without naming it again is from there: the
    organisation named last in the sentence, or the subject of the one before, unless the text gave it a home."""
    homes = {f.role("organization").text: f.role("country").key for f in facts if f.kind == "HomeCountry"}
    found = []
    previous: list[Mention] = []
    for view in views:
        nationalities = any(m.via == "adjective" for m in view.places())  # a description needs one
        for match in DESCRIPTION.finditer(view.text) if nationalities else ():
            country = next((m for m in view.places() if m.via == "adjective" and m.start == match.start("adjective")),
                           None)
            before = [m for m in _organizations(view) if m.end <= match.start()] or previous
            if country is None or not before or before[-1].text in homes:
                continue
            homes[before[-1].text] = country.key
            found.append(make_fact("HomeCountry", view, {"organization": before[-1], "country": country}, 0.6))
        previous = _organizations(view)[:1]  # the subject, usually named first
    return found


def homes_shared_along_lists(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """"Kenyan IT firms such as Safaricode, Mtandao, Kilele and Jengo have invested in Peru": where two items or
    more of one list of organisations have the same home in its sentence and no item has another, the items left
    out have it too.  The readers judge each name alone and miss the ones far from the nationality; one item's
    home is not enough ("the Vietnamese company A, B and C")."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        if f.kind == "HomeCountry":
            by_sentence.setdefault(f.sentence, []).append(f)
    housed = {f.role("organization").text for f in facts if f.kind == "HomeCountry"}
    found = []
    for view in views:
        here = by_sentence.get(view.index, [])
        for run in runs_of_names(view) if here else ():
            if any(m.kind not in ORGANIZATION_KINDS for m in run):
                continue  # people, or a list the NER read partly as people
            homes = {(f.role("organization").text, f.role("country").key): f.role("country") for f in here
                     if f.role("organization").text in {m.text for m in run}}
            if len({key for _, key in homes}) == 1 and len(homes) >= 2:
                country = next(iter(homes.values()))
                found += [make_fact("HomeCountry", view, {"organization": m, "country": country}, 0.6)
                          for m in run if m.text not in housed]
                housed |= {m.text for m in run}
    return found


def listed_under_a_side(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    """"From the Chinese side, companies such as Sinohydro, Huawei and Zijin Mining": every organisation
    listed under a side or a nationality's companies belongs to that country; "Indian companies present in
    Mexico include A, B and C" are also active in Mexico.  Names the NER missed in such a list are read
    as companies."""
    facts = []
    for country in (m for m in view.mentions + view.cities if m.kind == "Country"):
        # "Azerbaijani companies are active in Egypt, among them X": the listing words, not the first verb
        cue = SIDE_LIST_NAMED.match(view.text, country.end)
        if cue is None or any(m.kind == "Country" and cue.start("gap") <= m.start < cue.end("gap")
                              and not PRESENT_IN.search(view.text[cue.start("noun"):m.start]) for m in view.mentions):
            cue = SIDE_LIST.match(view.text, country.end)
        if cue and not view.text[cue.end("gap"):cue.end()].strip() and cue.group("gap").strip():
            cue = SIDE_LIST_WORDED.match(view.text, country.end) or cue  # a capital inside the gap: "above RM1"
        if not cue or country.via not in ("adjective", "name") or any(
                m.kind == "Country" and m.key != country.key and cue.start("gap") <= m.start < cue.end("gap")
                and not PRESENT_IN.search(view.text[cue.start("noun"):m.start]) for m in view.mentions):
            continue  # "Kenyan firms A and B signed deals with Chinese companies including C": C is not Kenyan
        if view.text[cue.end("gap"):cue.end()].strip() == "" and cue.group("gap").strip():
            continue  # with no word of listing, the names must follow the noun: "Kenyan firms A and B"
        if OTHER_NOUN_LISTED.search(cue.group("gap")):
            # "Filipino companies are looking at Indian states such as West Bengal": states, not firms; but
            # "Korean companies active in sectors such as automotive and railways, among them A and B": A and B
            then = NAMED_AFTER_OTHERS.match(view.text, cue.end())
            if then is None:
                continue
            names, later = _list_after(view, then.end(), people_are_companies=True), None
        else:
            names = _list_after(view, cue.end(), people_are_companies=cue.group("noun") not in PEOPLE_NOUNS)
            later = SIDE_LIST_WORDED_LAST.match(view.text, country.end) if not names else None
        if later and not OTHER_NOUN_LISTED.search(later.group("gap")):
            # "Spanish firms that are also gaining muscle are A, B and C": the last listing word, not the first
            companies = later.group("noun") not in PEOPLE_NOUNS  # "the side was represented by X, its chair"
            cue, names = later, _list_after(view, later.end(), people_are_companies=companies)
        market = next((m for m in view.places() if cue.start("gap") <= m.start < cue.end("gap")
                       and PRESENT_IN.search(view.text[cue.start("noun"):m.start])), None)
        status = "active"
        # "companies engaged in the fisheries business in Peru include A and B": the gap names the sector
        in_gap = _sector_between(view, cue.start("gap"), market.start, gaz) if market is not None else None
        if market is None and names:  # "Korean companies such as A and B are operating in energy in Peru"
            rest_start = names[-1].end
            window = view.text[rest_start:]
            planned, active = PLANNED_CUE.search(window), ACTIVE_CUE.search(window)
            cue_found = min((c for c in (planned, active) if c), key=lambda c: c.start(), default=None)
            if cue_found is not None and not NEGATED_ACTIVITY.search(window[:cue_found.start()]):
                after = rest_start + cue_found.end()
                clause = CLAUSE_BREAK.search(view.text, after)  # not "took part, while the Uzbek side ..."
                market = _market_after(view, after, limit=min(120, clause.start() - after) if clause else 120)
                status = "planned" if cue_found is planned else "active"
        for org in names:
            facts.append(make_fact("HomeCountry", view, {"organization": org, "country": country}, 0.7))
            if market is not None and market.key != country.key:
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.65,
                                       status=status,
                                       sector=in_gap or _sector_between(view, org.end, market.end, gaz)))
    return facts


NAMED_AFTER_OTHERS = re.compile(r"[^.;:]{0,120}?,\s*(?:among them|including|namely|notably)\s+(?:the\s+)?")
OTHER_NOUN_LISTED = re.compile(r"\b(?:states|provinces|regions|cities|areas|sectors|markets|countries|fields|"
                               r"industries|products|goods|projects)\s*,?\s*$")
FROM_A_COUNTRY = re.compile(r"\b(?:businesses|companies|firms|investors|enterprises|corporations|groups)\s+from\s+"
                            r"(?:the\s+)?$")
NAMED_AFTER_GAP = re.compile(r"(?P<gap>[^.;:]{0,140}?),?\s*(?:(?:among them|including|such as|notably|namely|"
                             r"include|includes|included)\s+"  # "..., among them companies such as A, B"
                             r"(?:" + COMPANY_NOUN_PLURAL + r"\s+(?:such as|like|including)\s+)?(?:the\s+)?|"
                             # "was represented by such major corporations as A, B"
                             r"such\s+(?:[a-z][\w-]*\s+){0,2}?" + COMPANY_NOUN_PLURAL + r"\s+as\s+(?:the\s+)?|"
                             r"(?:are|were)\s+(?:the\s+)?(?=[A-Z]))")  # "The top Kenyan investors in Peru are A, B"


def listed_from_a_country(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    """"leading businesses from the Czech Republic that are investing in Vietnam, among them A, B and C": the
    names listed are of that country, and do or plan what the clause says where it says."""
    facts = []
    for country in view.places():
        if country.via == "name" and FROM_A_COUNTRY.search(view.text[:country.start]):
            listing = NAMED_AFTER_GAP.match(view.text, country.end)
        elif (nouns := NATIONALITYS_COMPANIES.match(view.text, country.end) if country.via == "adjective" else
              BASED_COMPANIES.match(view.text, country.end) if country.via == "name" else None):
            # "Mexican brands with operations in Brazil include the automotive A, the food company B and C";
            # "Among the Colombia-based companies operating in Peru are A, B and C"
            listing = NAMED_AFTER_GAP.match(view.text, nouns.end()) or (
                AMONG_LISTING.match(view.text, nouns.end()) if AMONG_BEFORE.search(view.text[:country.start]) else None)
        else:
            continue
        if listing is None or any(m.via == "adjective" for m in view.places()
                                  if listing.start("gap") <= m.start < listing.end("gap")):
            continue  # not "Mexican firms signed deals with Brazilian ones including A": whose A is, is unsaid
        gap_start, gap_end = listing.span("gap")
        names = _list_after(view, listing.end(), people_are_companies=True)
        market = next((m for m in view.places() if gap_start <= m.start < gap_end and m.key != country.key
                       and PRESENT_IN.search(view.text[gap_start:m.start])), None)
        planned = PLANNED_CUE.search(view.text, gap_start, gap_end)
        active = ACTIVE_CUE.search(view.text, gap_start, gap_end)
        for org in names:
            facts.append(make_fact("HomeCountry", view, {"organization": org, "country": country}, 0.7))
            if market is not None and (planned or active) and not NEGATED_ACTIVITY.search(
                    view.text, gap_start, gap_end):
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": market}, 0.65,
                                       status="active" if active else "planned",
                                       sector=_sector_between(view, gap_start, gap_end - 30, gaz)))
    return facts


BASED_COMPANIES = re.compile(r"-(?:based|headquartered)(?:\s+[a-z][\w-]*){0,2}?\s+(?:" + COMPANY_NOUN_PLURAL
                             + r"|investors)\b")
AMONG_BEFORE = re.compile(r"\b[Aa]mong\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
AMONG_LISTING = re.compile(r"(?P<gap>[^.;:]{0,140}?),?\s+(?:are|were)\s+(?:the\s+)?")
ACTIVE_THERE_BEFORE = re.compile(r"\b" + COMPANY_NOUN_PLURAL + r"\b[^.;:]{0,50}?\b(?:present|active|operating|working|"
                                 r"established|doing business|invested|investing)\s+in\s+(?:the\s+)?$")
LISTED_AFTER_A_PLACE = re.compile(r"\s*,?\s*(?:such as|including|like|among them|notably|namely)\s+(?:the\s+)?")


COMPANIES_LISTED = re.compile(r"\b(?i:" + COMPANY_NOUN_PLURAL + r")\s+(?:such as|including|like|notably|namely)\s+"
                              r"(?:the\s+)?")
AT_WORK_AFTER_LIST = re.compile(r"\s*,?\s+(?:(?:are|were|have been|had been|remain)\s+(?:(?:currently|already|now|also|"
                                r"successfully)\s+)*(?:working|active|operating|present|doing business|investing|"
                                r"established)|(?:(?:currently|already|now|also)\s+)*(?:operate|work|invest|"
                                r"do business|have (?:operations|factories|plants|offices|branches))"
                                r")\s+(?:in|on)\s+(?:the\s+)?")


def listed_active_in_a_country(view: SentenceView) -> list[Fact]:
    """"other major firms already active in the country such as A, B and C", "Companies such as A, B and C are
    currently working in Turkmenistan": whoever they belong to, the companies listed are active where the
    sentence puts them."""
    facts = []
    for listing in COMPANIES_LISTED.finditer(view.text):
        names = _list_after(view, listing.end(), people_are_companies=True)
        at_work = names and AT_WORK_AFTER_LIST.match(view.text, names[-1].end)
        place = at_work and next((m for m in view.places() if m.start == at_work.end()), None)
        facts += [make_fact("MarketActivity", view, {"organization": org, "market": place}, 0.65, status="active")
                  for org in names if place]
    for place in view.places():
        listing = LISTED_AFTER_A_PLACE.match(view.text, place.end)
        if listing is None or not ACTIVE_THERE_BEFORE.search(view.text, max(0, place.start - 90), place.start):
            continue
        for org in _list_after(view, listing.end(), people_are_companies=True):
            facts.append(make_fact("MarketActivity", view, {"organization": org, "market": place}, 0.65,
                                   status="active"))
            home = _of_a_country(view, org.end)
            if home is not None and not any(m.start == org.start for m in view.mentions):  # a name the NER missed
                facts.append(make_fact("HomeCountry", view, {"organization": org, "country": home}, 0.65))
    return facts


LIST_OPENER = re.compile(r"\s*(?:"
                         # "These companies are active in mining, with notable firms including A, B and C"
                         r"(?:These|Those)\s+" + COMPANY_NOUN_PLURAL
                         + r"\b[^.;:]{0,120}?\b(?:including|such as|notably|namely|among them)\s+(?=[A-Z])|"
                         r"Among\s+(?:them|those|these)(?:\s+(?:are|were|is|was))?|(?:They|These|Those)\s+"
                         r"(?:include|included|are|were)|These\s+companies\s+(?:include|are))\s*:?\s*")
NATIONALITYS_COMPANIES = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:" + COMPANY_NOUN_PLURAL
                                    + r"|investors|businessmen|business community|"
                                    # "The Japanese business mission counts 18 companies ..., such as A, B"
                                    r"(?:mission|delegation)\s+(?:counts|counted|includes|included|comprises|comprised|"
                                    r"consists\s+of|consisted\s+of|brings\s+together|brought\s+together)\s+"
                                    r"(?:[\w-]+\s+){0,3}?" + COMPANY_NOUN_PLURAL + r")\b")


def listed_in_the_next_sentence(views: list[SentenceView], pair: tuple[str, str] | None,
                                pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"Some twenty of the most important Japanese companies exchanged views on their interest in those sectors.
    Among them are A; B; and C.": the companies listed are of the nationality of the sentence before, and plan or
    do there what it says, in the other of the article's two countries."""
    facts = []
    for before, view in zip(views, views[1:], strict=False):
        opener = LIST_OPENER.match(view.text)
        if opener is None or before.is_title:
            continue
        owners = {m.key: m for m in before.places()
                  if m.via == "adjective" and NATIONALITYS_COMPANIES.match(before.text, m.end)
                  and not any(o.end <= m.start and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                                 before.text[o.end:m.start])
                              for o in before.places())}  # not "Malaysian and Saudi companies"
        if len(owners) != 1:
            continue
        (home, country), = owners.items()
        names = [n for n in _list_after(view, opener.end(), people_are_companies=True)
                 if not _followed_by_a_title(view, n)]  # "Among them was X, president of Y, and ..."
        for more in REPRESENTATIVES_OF.finditer(view.text, opener.end()):  # "... and representatives from A, B"
            names += [n for n in _list_after(view, more.end()) if n not in names]
        planned = PLANNED_CUE.search(before.text) or re.search(r"\binterest(?:ed)?\b", before.text)
        active = ACTIVE_CUE.search(before.text)
        other = next((c for c in pair or () if c != home), None) if pair and home in pair else None
        negated = NEGATED_ACTIVITY.search(before.text)
        for org in names:
            facts.append(make_fact("HomeCountry", view, {"organization": org, "country": country}, 0.65))
            if other in pair_mentions and (planned or active) and not negated:
                facts.append(make_fact("MarketActivity", view, {"organization": org, "market": pair_mentions[other]},
                                       0.55, status="planned" if planned else "active"))
    return facts


REPRESENTATIVES_OF = re.compile(r"\b(?:representatives|executives|heads|leaders|delegates)\s+(?:from|of)\s+(?:the\s+)?")
# the people of companies a visitor meets: "the heads of A, B and C", "the management of A", "Leaders of A, B"
PEOPLE_OF_COMPANIES = re.compile(r"\b(?:[Rr]epresentatives|[Ee]xecutives|[Hh]eads|[Ll]eaders|[Mm]anagement|[Cc]hief "
                                 r"executives|CEOs|[Cc]hairmen|[Bb]osses|[Tt]op managers)\s+(?:from|of)\s+(?:the\s+)?")
MET = re.compile(r"\b(?:met|meets|meeting|meetings|talks|received|receives|took part|called on|calls on)\b")


def companies_met_of_one_side(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                              pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"X held meetings with senior officials and heads of major UAE companies in Abu Dhabi. ... Leaders of A, B
    and C took part in the meeting. ... a meeting took place with the heads of D and E": where an article about
    two countries says once whose companies the meetings were with, the companies whose people are met are
    that country's, and are there for business in the other."""
    if pair is None:
        return []
    declared = set()
    for view in views:
        for cue in PEOPLE_OF_COMPANIES.finditer(view.text):
            side = next((m for m in view.places() if m.start >= cue.end() and m.key in pair
                         and re.fullmatch(r"(?:[a-z][\w-]*\s+){0,2}", view.text[cue.end():m.start])
                         and NATIONALITYS_COMPANIES.match(view.text, m.end)), None)
            if side is not None and MET.search(view.text):
                declared.add(side.key)
    if len(declared) != 1:
        return []
    home, = declared
    other = pair[1] if home == pair[0] else pair[0]
    homes = {f.role("organization").text for f in facts if f.kind == "HomeCountry"}
    placed = {f.role("organization").text for f in facts if f.kind == "MarketActivity"}
    found = []
    for view in views:
        if view.is_title or not MET.search(view.text):
            continue
        for cue in PEOPLE_OF_COMPANIES.finditer(view.text):
            for org in _list_after(view, cue.end(), people_are_companies=True):
                if org.text not in homes and home in pair_mentions:
                    homes.add(org.text)
                    found.append(make_fact("HomeCountry", view, {"organization": org,
                                                                 "country": pair_mentions[home]}, 0.55))
                if org.text not in placed and other in pair_mentions:
                    placed.add(org.text)
                    found.append(make_fact("MarketActivity", view, {"organization": org,
                                                                    "market": pair_mentions[other]},
                                           0.5, status="planned"))
    return found


def _followed_by_a_title(view: SentenceView, m: Mention) -> bool:
    """"X, president of Y": a person listed by name and post, whatever the NER called the name."""
    after = re.match(r"\s*,\s*(?:the\s+|a\s+|its\s+)?", view.text[m.end:])
    return after is not None and any(start == m.end + after.end() for _, start, _ in view.titles)


PEOPLE_NOUNS = {"side", "delegation", "participants"}  # lists that may name people as well as organisations


# a list item its industry introduces: "the medical company M42", "the automotive Numak"
DESCRIBED_ITEM = re.compile(r"(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}?" + COMPANY_NOUN + r"\s+(?=[A-Z])|"
                            r"(?:(?:the|an?)\s+)?(?:(?!(?:the|an?|for|of|to|in|on|at|by|with|from|and|or|as|is|are|was|"
                            r"were|will|has|have|had|which|that|who|while|but|after|before|under|through)\b)"
                            r"[a-z][\w-]*\s+){1,2}?(?=[A-Z])")


LEGAL_SUFFIX_REST = re.compile(r"(?:(?:\.[A-Za-z]{1,3})+|(?:\s+(?:Srl|S\.r\.l|SpA|S\.p\.A|Ltd|LLC|GmbH|AG|SA|Inc|"
                               r"Plc|PLC|Unipersonale)\b)+)(?=\.?(?:\s*[,;&]|\s+and\b|\s+(?:are|were)\b))")


def _of_a_country(view: SentenceView, at: int) -> Mention | None:
    """"Big C of France": the country named after "of", which ends a company's name in a list."""
    of = re.match(r"\s+of\s+(?:the\s+)?", view.text[at:])
    return next((m for m in view.places() if of and m.start == at + of.end() and m.via != "adjective"), None)


# an item's trade, between the commas of a list: "A in textiles & textile products, B in the plastics industry"
BUSINESS_IN = re.compile(r"\s+in\s+(?:the\s+)?[a-z][\w-]*(?:\s+(?:&\s+|and\s+)?[a-z][\w-]*){0,5}"
                         r"(?=\s*[,;.]|\s*$|\s+and\s+[A-Z])")


def _list_after(view: SentenceView, start: int, people_are_companies: bool = False) -> list[Mention]:
    """The organisations named in a row from `start`: known mentions, or capitalised names between the
    commas that nothing else claims.  In a list of companies ("Malaysian ones such as Petronas, Sime Darby"),
    a name the NER took for a person's is a company's."""
    found: list[Mention] = []
    position = start
    while True:
        described = DESCRIBED_ITEM.match(view.text, position)
        position = described.end() if described else position
        known = next((m for m in view.mentions if m.start == position), None)
        if known is not None and known.kind == "Person" and people_are_companies:
            known = Mention(known.text, "Company", known.sentence, known.start, known.end)
        joined = TWO_NAMES.fullmatch(known.text) if known is not None and people_are_companies else None
        # "A and B in pharmaceuticals": the NER's one name; not "A Engineering and Construction"
        if joined and joined.group("a") != joined.group("b") and not COMPANY_CUES.fullmatch(joined.group("b")):
            found.append(Mention(joined.group("a"), "Company", known.sentence, known.start,
                                 known.start + joined.end("a")))
            known = Mention(joined.group("b"), "Company", known.sentence, known.start + joined.start("b"), known.end)
        if known is not None:
            if known.kind not in ORGANIZATION_KINDS or known.kind == "InternationalOrganization":
                break
            item = known
        else:
            name = LIST_ITEM_NAME.match(view.text, position)
            if not name or any(m.start < name.end() and position < m.end and not (  # "Italia Srl Unipersonale":
                    people_are_companies and m.kind in ("Person", "Organization", "Company")  # the NER's piece
                    and position < m.start and m.end <= name.end()) for m in view.mentions) or any(
                    w in _list_stop_words() for w in name.group().split()) or not re.match(
                    r"\s*(?:,|and\b|&|[.;()]|$|(?:are|were|is|was|have|has|had|will)\s)", view.text[name.end():]
            ) and _of_a_country(view, name.end()) is None and not (
                    people_are_companies and LOWER_CASE_TAIL.match(view.text, name.end())):
                break  # not "such as the Kaduna-Kano railway": a name that a common noun follows is no company
            text = re.sub(r"['’]s$", "", name.group())
            if text.endswith(".") and not re.search(r"\b(?:Co|Inc|Ltd|Corp|Bhd|Pvt|S\.A)\.$", text):
                text = text[:-1]  # the sentence's full stop
            item = Mention(text, organization_kind(text) if organization_kind(text) != "Organization" else "Company",
                           view.index, position, position + len(text))
        tail = LOWER_CASE_TAIL.match(view.text, item.end) if people_are_companies else None
        if tail:  # "Alsea, City express, Telmex": a brand's lower-case word, between the commas of a list
            item = Mention(view.text[item.start:tail.end()], "Company", view.index, item.start, tail.end())
        suffix = LEGAL_SUFFIX_REST.match(view.text, item.end)  # "Pietro Fiorentini S.p | .A": the NER's cut
        if suffix:
            item = Mention(view.text[item.start:suffix.end()], item.kind, item.sentence, item.start, suffix.end())
        found.append(item)
        # "Porcelanosa, which has doubled its showroom space in Manila, Llaollao, ...": an item's own clause
        clause = re.match(r"\s*,\s*(?:which|that|whose|winner of|a|an)\b[^,;.]{0,100}(?=,\s*(?:and\s+)?[A-Z])",
                          view.text[item.end:])
        if clause:
            item = replace(item, end=item.end + clause.end())  # only to read on from: the name stays as it is
        note = re.match(r"\s*\([^()]{1,40}\)", view.text[item.end:])  # "Eurobank (via Universal Bank), ..."
        if note:
            item = replace(item, end=item.end + note.end())
        business = BUSINESS_IN.match(view.text, item.end)  # "A in textiles & textile products, B in chemicals"
        if business:
            item = replace(item, end=business.end())
        country = _of_a_country(view, item.end)  # "Big C of France and Lotte Mart of Korea"
        if country is not None:
            item = replace(item, end=country.end)
        gap = re.match(r"(?:\.(?=\s*[,;&]|\s+and\b))?\s*(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)"
                       r"(?:the\s+)?",
                       view.text[item.end:])  # "Mitsui & Co.; Nippon Koei Co.; ..."
        if not gap:
            break
        position = item.end + gap.end()
    return found

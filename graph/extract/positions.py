"""Positions held: "Canadian Ambassador X", "X, advisor to the chairman of Y", and titles whose
country the reader infers from the rest of the article."""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.graph.extract.reading import (
    HONORIFIC,
    SentenceView,
    affiliation_kinds,
    make_fact,
    mentions_between,
    same_person,
)
from diplograph.graph.extract.vocabulary import COMPANY_NOUN, COMPANY_WORDS, MONTH_OR_ABBREVIATION, POST_NOMINALS
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph.model import ORGANIZATION_KINDS, Fact, Mention

LEAD_WORDS = {"the", "a", "an", "its", "their", "his", "her", "former", "then", "current", "now", "s", "'s",
              "new", "newly", "recently", "appointed", "elected", "incoming", "outgoing"}  # "the newly appointed"
APPOSITIVE_END = re.compile(r",|;|\.(?:\s|$)|\)|\s(?:said|says|noted|stated|told|added|stressed|emphasi[sz]ed)\b"
                            r"|\swhich\b")  # "X, the chief executive of Y which is said to be interested in"
QUALIFIERS = (r"(?:first(?:[\s-]+ever)?|deputy|vice|acting|interim|senior|chief|former|honorary|coordinating|"
              r"presidential|principal|executive|group|global|regional|international)")
ROLE_QUALIFIER = re.compile(r"(?:\b" + QUALIFIERS + r"[\s-]+)+$", re.IGNORECASE)  # before a title
ROLE_QUALIFIER_AHEAD = re.compile(r"(?:" + QUALIFIERS + r"[\s-]+)*", re.IGNORECASE)  # read forwards


LOWER_PORTFOLIO_BEFORE = re.compile(r"(?<=['’]s\s)(?:[a-z]+\s+(?:(?:and|&)\s+)?){1,3}$")
# "Textiles and Jute Minister", "Trade, Industry and Energy Minister"
PORTFOLIO_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+(?:,\s+|\s+(?:(?:and|&)\s+)?)){1,4}$")
LOWER_PORTFOLIO_AFTER_NATIONALITY = re.compile(r"\b(?:[a-z]+\s+(?:(?:and|&)\s+)?){1,3}$")  # "German labour minister"
MINISTER = re.compile(r"(?:deputy\s+|vice[\s-]+)?(?:minister|secretary|counsell?or|commissioner|attach[eé])\b",
                      re.IGNORECASE)


ENVOY = re.compile(r"(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|high commissioner|consul|permanent representative)\b")


STATE_NAME_TAIL = re.compile(r"\s+of\s+the\s+(?:[\w'’-]+\s+){0,3}(?:republic|kingdom|state|sultanate|emirates?|"
                             r"federation|confederation|commonwealth|principality)$")


def _role_text(view: SentenceView, title_start: int, stop: int) -> str:
    qualifier = ROLE_QUALIFIER.search(view.text[:title_start])
    start = qualifier.start() if qualifier else title_start
    start = _portfolio_start(view, start)
    role = view.text[start:stop].strip(" ,").lower()
    role = re.sub(r"^former\s+", "", role)  # "acting high commissioner" stays as written
    if ENVOY.match(role):  # "high commissioner to uganda": the post, not where it is held
        role = re.sub(r"\s+to\s+(the\s+)?[A-Z]?[\w\s-]*$", "", role)
    role = re.sub(r"\s+", " ", role)
    role = STATE_NAME_TAIL.sub("", role)  # "president of the democratic socialist republic (of sri lanka)"
    words = role.split()
    if words and len(words[-1]) <= 3:  # "Kazakh PM": abbreviations as the title they stand for
        words[-1] = load_gazetteer().canonical_title(words[-1])
    return " ".join(words)


def _portfolio_start(view: SentenceView, title_start: int) -> int:
    """"Petroleum Minister", "Finance Minister": the portfolio written before the title is part of it,
    unless it is a name ("Kazakh", "Saudi" are the affiliation, not the portfolio)."""
    if not MINISTER.match(view.text, title_start) and not re.match(r"[A-Za-z][a-z]+\s+" + MINISTER.pattern,
                                                                    view.text[title_start:], re.IGNORECASE):
        return title_start  # "Petroleum Minister", and "Industry and | Trade Minister" when the title has a portfolio
    lower = LOWER_PORTFOLIO_BEFORE.search(view.text[:title_start])  # "Kenya's trade cabinet secretary"
    if lower is None:  # "German labour minister"
        lower = LOWER_PORTFOLIO_AFTER_NATIONALITY.search(view.text[:title_start])
        if lower and not any(m.via == "adjective" and m.end <= lower.start()
                             and not view.text[m.end:lower.start()].strip() for m in view.places()):
            lower = None
    if lower and all(w in load_gazetteer().portfolio_words for w in re.findall(r"[a-z]+", lower.group())
                     if w not in ("and", "of")):
        return lower.start()
    words = PORTFOLIO_BEFORE.search(view.text[:title_start])
    if not words:
        return title_start
    start = base = words.start()
    for word in re.finditer(r"[A-Z][a-z]+", view.text[base:title_start]):
        begin = base + word.start()
        if word.group() in DETERMINERS or any(m.start < begin + len(word.group()) and begin < m.end
                                              for m in view.mentions):
            start = begin + len(word.group())
    start += len(re.match(r"\s*(?:(?:and|&)\s+)?", view.text[start:]).group())  # "X and Economic ... Counselor"
    listed = view.text[start:title_start]
    if "," in listed and not all(w.lower() in load_gazetteer().portfolio_words or w == "and"
                                 for w in re.findall(r"[A-Za-z]+", listed)):
        start = view.text.rindex(",", start, title_start) + 1  # "in September, Party General Secretary X"
        start += len(view.text[start:title_start]) - len(view.text[start:title_start].lstrip())
    return title_start if start >= title_start else start


DETERMINERS = {"The", "A", "An", "Its", "His", "Her", "Their", "Former", "Then", "On", "In", "At", "By", "And",
               "When", "While", "After", "Before", "As", "If", "Since", "Once", "Until", "Although", "With"}


def positions(view: SentenceView) -> list[Fact]:
    facts: list[Fact] = []
    people = [m for m in view.mentions if m.kind == "Person"]
    titles_first = False  # "Deputy Prime Minister of A, X, Deputy Head of B, Y": the list puts titles first
    for person in people:
        follows = _next_title_is_the_next_names(view, person, people)
        title_first = _title_before_comma(view, person, titles_first) if titles_first or follows else None
        # "the President of the Government of A, X, the Minister of B, Y": a list whose first name has its title
        # before it writes titles first, whatever country the titles name
        titles_first = titles_first or title_first is not None or follows and _titled_before(view, person)
        after = None if titles_first and follows else _title_after(view, person)  # the next name's title
        fact = _title_before(view, person) or title_first or after or _title_before_comma(view, person) \
            or _heads(view, person)
        if fact:
            facts.append(_country_of_an_unowned_body(view, fact))
    for person in people:  # "his Armenian counterpart Nikol Pashinyan" takes the other's title
        if not any(f.role("holder") == person for f in facts):
            fact = _counterpart(view, person, facts) or _envoy_of_a_list(view, person)
            if fact:
                facts.append(fact)
    return facts


ENVOYS = re.compile(r"\b(?P<plural>[Aa]mbassadors|[Ee]nvoys|[Hh]igh [Cc]ommissioners|[Cc]onsuls[- ][Gg]eneral)\b")
OF_THEIR_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
SINGULAR_ENVOY = {"ambassadors": "ambassador", "envoys": "envoy", "high commissioners": "high commissioner",
                  "consuls general": "consul general", "consuls-general": "consul general"}


def _envoy_of_a_list(view: SentenceView, person: Mention) -> Fact | None:
    """"received the newly appointed Ambassadors ..., Mr. X of Israel with residence in Astana, Mr. Y of
    Ecuador": each name the list gives with its country is that country's envoy."""
    envoys = [m for m in ENVOYS.finditer(view.text) if m.end() <= person.start]
    of = OF_THEIR_COUNTRY.match(view.text, person.end)
    country = of and next((m for m in view.places() if m.start == of.end() and m.via == "name"), None)
    if not envoys or country is None or ";" in view.text[envoys[-1].end():person.start]:
        return None
    return make_fact("Position", view, {"holder": person, "affiliation": country}, 0.75,
                     role=SINGULAR_ENVOY[envoys[-1].group("plural").lower()])


def _next_title_is_the_next_names(view: SentenceView, person: Mention, people: list[Mention]) -> bool:
    """Whether the title after a name is written, between commas, straight before the next name."""
    following = [m for m in people if m.start > person.end]
    if not following:
        return False
    between = view.text[person.end:following[0].start]
    return bool(re.fullmatch(r"\s*,\s*(?:the\s+)?[^,;()]{3,120}?,\s*" + HONORIFIC, between)) and any(
        person.end < t[1] and t[2] <= following[0].start for t in view.titles)


def _titled_before(view: SentenceView, person: Mention) -> bool:
    """"the Minister of Business and Labour, X": a title, its portfolio or body, a comma, the name."""
    return any(t[2] <= person.start and re.fullmatch(TITLE_TAIL.pattern + r",\s*" + HONORIFIC,
                                                      view.text[t[2]:person.start]) for t in view.titles)


# "the Minister of Trade and Industry", "the Deputy Minister in charge of international trade"
TITLE_TAIL = re.compile(r"(?:\s+(?:of|to|for|and|on|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|"
                        r"\s+in\s+charge\s+of\s+(?:the\s+)?[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,4})*\s*")
POST_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)\s*")  # "External Affairs Minister (EAM), Dr. X"


DASH_BEFORE = re.compile(r"\s+[–—-]\s+(?:the\s+)?")  # "Orozco – Minister of Transport"
APPOSED_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?(?:[a-z][\w-]*\s+)?")


def _title_before_comma(view: SentenceView, person: Mention, titles_first: bool = False) -> Fact | None:
    """"Tajikistan's Minister of Economic Development and Trade, Zavqi Zavqizoda",
    "the Emir of Qatar, Sheikh Tamim ...", "the Qatari Ambassador to Ankara, Sheikh ...".  In a list known to
    write titles first (`titles_first`), a title after the previous name is this one's."""
    comma = re.search(r",\s*" + HONORIFIC + "$", view.text[:person.start])
    if not comma:
        return None
    phrase_end = comma.start()
    titles = [t for t in view.titles if t[2] <= phrase_end and (TITLE_TAIL.fullmatch(view.text[t[2]:phrase_end])
                                                                or POST_ACRONYM.fullmatch(view.text[t[2]:phrase_end]))]
    if not titles:
        return _title_comma_organisation(view, person, phrase_end)
    _, t_start, t_end = titles[-1]
    t_start = _joined_start(view, t_start)
    if POST_ACRONYM.fullmatch(view.text, t_end, phrase_end):
        phrase_end = t_end  # the post's own acronym is no part of its role
    if not titles_first and any(m.kind == "Person" and m.end <= t_start and (
            APPOSED_TITLE.fullmatch(view.text[m.end:t_start]) or DASH_BEFORE.fullmatch(view.text[m.end:t_start]))
            for m in view.mentions):
        return None  # "Ambassador A, Egypt's Ambassador to Tanzania, General B", "A – Minister of X, B": A's
    of = [m for m in mentions_between(view, t_end, phrase_end, affiliation_kinds())
          if re.search(r"\bof\s+(?:the\s+)?$", view.text[:m.start])]
    if of:
        affiliation, stop = of[0], re.search(r"\s+of\s+(?:the\s+)?$", view.text[:of[0].start]).start()
    else:
        owner = _owner_of_title(view, t_start)
        if owner is None:
            return None
        affiliation, stop = owner, phrase_end
        posted_in = re.match(r"\s+in\s+", view.text[t_end:phrase_end])
        if posted_in:
            stop = t_end  # "trade attache in Muscat": the city is where the post is, not part of it
        portfolio = re.search(r"(?:\b[a-z]+\s+){1,2}$", view.text[owner.end:t_start])
        if portfolio and all(w in load_gazetteer().portfolio_words for w in portfolio.group().split()):
            t_start = owner.end + portfolio.start()  # "Kenyan trade attache": the portfolio is the role's
    return make_fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.75,
                 role=_role_text(view, t_start, stop))


def _title_comma_organisation(view: SentenceView, person: Mention, phrase_end: int) -> Fact | None:
    """"the Chief Executive Officer, Office of the Management of Phosphate in Morocco, Mr. X": a press
    release's title, then its organisation, then the name."""
    org = next((m for m in view.mentions if m.end == phrase_end and m.kind in affiliation_kinds()), None)
    lead = org and re.search(r",\s*(?:the\s+)?$", view.text[:org.start])
    if not lead:
        return None
    titles = [t for t in view.titles if t[2] <= lead.start() and TITLE_TAIL.fullmatch(view.text[t[2]:lead.start()])]
    if not titles:
        return None
    return make_fact("Position", view, {"holder": person, "affiliation": org}, 0.75,
                     role=_role_text(view, titles[-1][1], lead.start()))


MISSIONS = r"(?:embassy|mission|consulate|high commission|delegation)['’]s(?=\s)"  # whose post is the country's
# "X's new envoy", "Libya's interim prime minister"
ENVOY_RANK = r"non-resident|resident|special|permanent|honorary|outgoing|incoming|new|former|interim|acting"


def _owner_of_title(view: SentenceView, t_start: int) -> Mention | None:
    """The country or organisation written just before a title: "Kazakhstan's", "Qatari", "BI Group"."""
    for m in reversed(view.before(t_start, within=40)):
        gap = re.sub(r"^\s+" + MISSIONS, " ", view.text[m.end:t_start])  # "the Ukraine embassy's charge d'affaires"
        if m.text.endswith("s") and re.match(r"['’]\s", gap):
            gap = "'s" + gap[1:]  # "Barbados’ Ambassador to CARICOM": a name ending in s takes the apostrophe alone
        if m.kind in affiliation_kinds() and re.fullmatch(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}", gap) and all(
                w[0].isupper() or re.fullmatch(ENVOY_RANK, w) or w in load_gazetteer().portfolio_words
                for w in re.sub(r"^['’]s", "", gap).split()):  # "Kenyan trade attache", "Oman's new envoy"
            return m
    return None


COUNTERPART = re.compile(  # "his Armenian counterpart X", "his counterpart from Peru, X", "her Peruvian counterpart, X"
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?P<before>\S+)\s+)?counterparts?\s*(?:(?:from|of)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,3})\s*)?,?\s+(?:([A-Za-z -]+?)\s+)?"
    + HONORIFIC + "$")


def _counterpart(view: SentenceView, person: Mention, facts: list[Fact]) -> Fact | None:
    lead = COUNTERPART.search(view.text[:person.start])
    if not lead:
        return None
    at = lead.start("before") if lead.group("before") else lead.start("after")
    country = next((m for m in view.mentions if m.kind == "Country" and m.start == at), None)
    if country is None:
        return None
    titles = [t for t in view.titles if lead.start() <= t[1] and t[2] <= person.start]
    if titles:
        role = _role_text(view, titles[-1][1], titles[-1][2])
    else:
        others = [f for f in facts if f.sentence == view.index and f.role("holder") != person]
        # "Foreign Minister X met his counterpart from Chile, Y": X's title, even where X's country is not said
        bare = [found for m in view.mentions if m.kind == "Person" and m.end <= lead.start()
                for found in [_bare_title(view, m, load_gazetteer())] if found]
        if not others and not bare:
            return None
        role = str(others[0].value("role")) if others else bare[-1][1]
    return make_fact("Position", view, {"holder": person, "affiliation": country}, 0.7, role=role)


OF_AFTER_NAME = re.compile(r"\s+of\s+(?:the\s+)?")


TITLE_IN_BODY = re.compile(r"\s+(?:of|in|at)\s+(?:the\s+)?X(?:\s*\([^()]{1,20}\))?"  # "of Saudi Aramco (Aramco), Y"
                           r"(?:\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
                           r"(?P<comma>\s*,\s*" + HONORIFIC + r")")  # "the Ambassador of X in Athens, Mr. Y"


# a diplomat's post before the name: "at the Embassy of Poland in Nairobi", "at the Kenyan High Commission, Ms."
AT_A_MISSION = re.compile(r"\s+at\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}(?P<mission>(?:[Ee]mbassy|[Cc]onsulate(?:[\s-]+"
                          r"[Gg]eneral)?|[Hh]igh\s+[Cc]ommission|(?:[Pp]ermanent\s+)?[Mm]ission)(?:\s+of\s+(?:the\s+)?"
                          r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})?)(?:\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"
                          r"\s*,?\s*(?:" + HONORIFIC + r")?")


def _joined_start(view: SentenceView, t_start: int) -> int:
    """"the chairman and chief executive officer of X, Y": two titles joined by "and" name one post, as written."""
    joined = [t for t in view.titles if t[2] <= t_start and re.fullmatch(r"\s+and\s+", view.text[t[2]:t_start])]
    return joined[-1][1] if joined else t_start


def _title_before(view: SentenceView, person: Mention) -> Fact | None:
    """"Kazakhstan's Ambassador to Canada Dauletbek Kussainov", "BI Group CEO X"."""
    titles = [t for t in view.titles if t[2] <= person.start and person.start - t[2] <= 80]
    if not titles:
        return None
    title, t_start, t_end = titles[-1]
    role_start = _joined_start(view, t_start)
    between = view.text[t_end:person.start]
    for m in mentions_between(view, t_end, person.start, affiliation_kinds()):  # "of the Ministry of Industry,
        between = between.replace(m.text, "X")                                 # Trade and Supply Yousef Shamali"
    between = re.sub(r"(?<=X)\s*\([A-Z][\w&.-]*\)", "", between)  # "CEO of Siam Cement Group (SCG) Thammasak S."
    between = re.sub(r"\bto\s+X(?:\s*,\s*X)*\s*,?\s+and\s+X", "to X", between)  # "to Singapore, Australia and NZ"
    # "the Secretary of State in the Ministry of X, Mr. Y"; not a list's "A, Chairman of X, Engineer Y"
    # "the Ambassador of X in Athens, Mr. Y", "Poland's Secretary of State at the Ministry of X, Y"
    in_body = TITLE_IN_BODY.fullmatch(between) if re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:and\s+)?$|['’]s\s+$",
                                                            view.text[:t_start]) else None  # "the president and CEO"
    if in_body and any(m.kind == "Person" and m.end <= role_start
                       and APPOSED_TITLE.fullmatch(view.text, m.end, role_start) for m in view.mentions):
        return None  # "A, the Chairman of X, Mr B, the Chief Executive of Y": the chairman is A
    if in_body:
        between = re.sub(r"\s*\([^()]{1,20}\)", "", between[:in_body.start("comma")])  # "(Aramco)"
    posted = AT_A_MISSION.fullmatch(view.text, t_end, person.start)
    if posted:  # "Minister counsellor ... at the Polish embassy in Nairobi, Anna Kowalska"
        owner = next((m for m in mentions_between(view, t_end, person.start, affiliation_kinds())
                      if m.start < posted.end("mission")), None)  # the country, or the embassy named after it
        if owner is not None:
            return make_fact("Position", view, {"holder": person, "affiliation": owner}, 0.8,
                             role=_role_text(view, role_start, t_end))
    if re.search(r"[,;:()]|\b(and|said|met|with|by)\b", between):
        return None
    if re.search(r"\b[a-z]{3,}\b", re.sub(r"\b(of|to|for|the|and|on|in)\b", "", between)):
        return None
    affiliation = next((m for m in mentions_between(view, t_end, person.start, affiliation_kinds())
                        if view.text[t_end:m.start].strip().startswith("of")
                        or in_body and m.kind != "Country"
                        or m.kind == "Country" and not view.text[t_end:m.start].strip()
                        and not view.text[m.end:person.start].strip()), None)  # "Minister of Economy Azerbaijan X"
    role_stop = t_end
    if affiliation is None and re.search(r"\bits\s+$", view.text[:t_start]):
        owners = [m for m in view.mentions if m.kind in affiliation_kinds() and m.end <= t_start]
        if owners:  # "a delegation of the Chamber headed by its President X"
            return make_fact("Position", view, {"holder": person, "affiliation": owners[-1]}, 0.75,
                         role=_role_text(view, role_start, role_stop))
    if affiliation is None:
        candidates = [m for m in view.before(t_start, within=45) if m.kind in affiliation_kinds()]
        candidates = [m for m in candidates  # "Federation of X (FNCCI) President Y": the name, then its acronym
                      if _owner_gap(re.sub(r"^\s*\([A-Z][\w&.-]{1,12}\)", "", _without_titles(view, m.end, t_start)))
                      and not mentions_between(view, m.end, t_start, {"Person"})]
        of_after = OF_AFTER_NAME.match(view.text[person.end:])  # "Ambassador Tito Pinilla of Colombia"
        after = [m for m in view.mentions if of_after and m.kind in affiliation_kinds()
                 and m.start == person.end + of_after.end()]
        if not candidates and not after:
            return None
        affiliation = candidates[-1] if candidates else after[0]
    role = _role_text(view, role_start, role_stop)
    return make_fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.85, role=role)


# capitalised words between a country and a title are a name's or an office's, never a headline's small words:
# "Lithium In Andivia As PM Kesmar Heads North" names no prime minister of Andivia
HEADLINE_SMALL_WORDS = r"(?!(?:As|In|To|For|With|At|On|By|From|Of|After|Amid|Ahead|While|When|Where|Says)\b)"
# What may stand between an owner and its title: "Kazakhstan's Ambassador", "the Saudi Deputy Minister",
# "BI Group CEO", "the Kazakh side's first deputy minister"; never a verb ("the EAM called on President X").
OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:(?:" + HEADLINE_SMALL_WORDS + r"[A-Z][\w.&-]*"
                       r"(?:,(?=\s+[A-Z])|\s+(?:and|&)(?=\s+[A-Z]|\s*$))?|deputy|first|vice|senior|"
                       r"acting|former|then|new|current|non-resident|resident|special|permanent|honorary|"
                       r"outgoing|incoming|interim|chief|executive|general|state|side['’]s|government(?:['’]s)?)\s+){0,4}")


def _owner_gap(gap: str) -> bool:
    """OWNER_GAP, or a portfolio in lower case: "Rwanda's infrastructure minister X"."""
    if OWNER_GAP.fullmatch(gap):
        return True
    words = re.sub(r"^['’]s", "", gap).split()
    portfolio = load_gazetteer().portfolio_words
    return bool(re.match(r"(?:['’]s)?\s", gap)) and len(words) <= 3 and all(
        w in portfolio or w == "and" for w in words) and words[:1] != ["and"]


def _without_titles(view: SentenceView, start: int, end: int) -> str:
    """The text between two offsets with the titles in it and the "and" joining them taken out:
    "Saudi Crown Prince and Prime Minister X" is Saudi's prime minister too."""
    text = view.text[start:end]
    for _, t_start, t_end in sorted(view.titles, key=lambda t: -t[1]):
        if start <= t_start and t_end <= end:
            text = text[:t_start - start] + re.sub(r"^\s+and\b", "", text[t_end - start:])
    return text


CLAUSE_VERB = re.compile(r"\b(?:is|was|are|were|has|have|had|will|would|can|could|said|says|told|added|noted|"
                         r"stressed|cited|called|urged|announced|signed|met|visited|received|welcomed|opened|"
                         r"described|explained|recalled|highlighted|praised)\b")
COPULA = (r"(?:is|was|has been|had been|became|has become|serves as|served as|works as|will serve as|"
          r"(?:was|has been|had been)\s+(?:appointed|named|elected)(?:\s+as)?)\s+(?:also\s+|now\s+|currently\s+)?")
RELATIVE_LEAD = re.compile(r"^who\s+" + COPULA)
# "X is Kenya's trade minister", "X was appointed ambassador to Poland": the post stated of the name
STATED_POST = re.compile(r"\s+" + COPULA + r"(?=(?:the\s+|a\s+|an\s+)?(?:[A-Z]|[a-z-]+\s+(?:of|to|for)\b|"
                         r"[a-z-]+\s+[a-z-]+\b))")
HEADS = re.compile(r"^\s*,\s*who\s+(?:also\s+|now\s+|currently\s+)?(?P<verb>heads|chairs|leads|runs|directs)\s+"
                   r"(?:the\s+)?$")
VERB_ROLES = {"heads": "head", "chairs": "chairman", "leads": "head", "runs": "head", "directs": "director"}


def _heads(view: SentenceView, person: Mention) -> Fact | None:
    """"X, who heads the Y agency": the head of Y."""
    for org in (m for m in view.mentions if m.start > person.end and m.kind in affiliation_kinds()):
        match = HEADS.match(view.text[person.end:org.start])
        if match:
            return make_fact("Position", view, {"holder": person, "affiliation": org}, 0.75,
                             role=VERB_ROLES[match.group("verb")])
        break
    return None


# "CEO of Qatari real estate firm X", "the president of construction firm X": a company noun before the name
NATIONALITYS_FIRM = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?" + COMPANY_NOUN + r"\s+")
OF_A_FIRM = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?" + COMPANY_NOUN + r"\s+$")


OF_A_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+(?:the\s+)?)?")
UNOWNED_BODY = re.compile(r"(?:MFA|MOFA|Ministry\s+(?:of|for)\s+[A-Z][\w\s,&]*|Foreign\s+Ministry)")


def _country_of_an_unowned_body(view: SentenceView, fact: Fact) -> Fact:
    """"Deputy Undersecretary of the MFA of Turkey": a ministry whose name does not say whose it is, followed
    by the country it is, serves that country; the post is the country's."""
    body = fact.role("affiliation")
    if body.kind not in ("GovernmentBody", "Organization") or not UNOWNED_BODY.fullmatch(body.text):
        return fact
    of = OF_A_COUNTRY.match(view.text, body.end)
    country = of and next((m for m in view.places() if m.start == of.end() and m.kind == "Country"
                           and m.via == "name"), None)
    if country is None:
        return fact
    return replace(fact, roles=tuple((r, country if r == "affiliation" else m) for r, m in fact.roles))


def _title_after(view: SentenceView, person: Mention) -> Fact | None:
    """"Miras Zhiyenbayev, advisor to the chairman of Maqsut Narikbayev University,"."""
    rest = view.text[person.end:]
    # "X (pictured), the Ambassador of ...", a participants' line "H.E. X – Ambassador ...", "X is Kenya's ..."
    rest = re.sub(r"^\s+(?:" + "|".join(POST_NOMINALS) + r")\b", lambda m: " " * len(m.group()), rest)  # "X MP,"
    comma = re.match(r"\s*(?:\([^)]{0,30}\)\s*)?,\s*|\s+[–—-]\s+(?=[A-Z])", rest) or STATED_POST.match(rest)
    bracket = re.match(r"\s*\((?=[^()]{3,160}\))", rest)  # "X (Director General of Y at Z)", not "(pictured)"
    if bracket and not any(person.end + bracket.end() <= t[1] < view.text.index(")", person.end) for t in view.titles):
        bracket = None
    if bracket:
        window_start = person.end + bracket.end()
        window_end = view.text.index(")", window_start)
    elif comma:
        window_start = person.end + comma.end()
        end_match = APPOSITIVE_END.search(view.text, window_start)
        while end_match and any(m.start < end_match.start() < m.end and (
                m.kind == "Company" and ", " in m.text or end_match.group().startswith(".")) for m in view.mentions):
            end_match = APPOSITIVE_END.search(view.text, end_match.end())  # not inside "X Co., Ltd." or "U.S."
        window_end = end_match.start() if end_match else len(view.text)
        item_end = view.text.find(";", window_start)
        if end_match and end_match.group() == "," and item_end > 0 and re.search(r"\b(?:at|of)\b",
                                                                                view.text[window_end:item_end]):
            window_end = item_end  # a list whose items end at semicolons: "X, Director of A, B, and C at Y; Z, ..."
    else:
        return None
    titles = [t for t in view.titles if window_start <= t[1] < window_end]
    if not titles:
        return None
    title, t_start, t_end = titles[0]
    if t_end > window_end and not bracket:  # "X, Minister of Investment, Industry, and Trade of Y": the commas
        end_match = APPOSITIVE_END.search(view.text, t_end)  # are the portfolio's, the apposition goes on
        window_end = end_match.start() if end_match else len(view.text)
    joined = next((m for m in view.mentions if m.kind == "Person" and t_end <= m.start < window_end
                   and re.search(r"\s+(?:and|as well as)\s+(?:" + HONORIFIC + ")$", view.text[t_end:m.start])), None)
    if joined:  # "X, the Georgian Agriculture Minister and Y, ...", "X, Director of A as well as Y, COO of B":
        # the apposition ends at "and"
        window_end = t_end + re.search(r"\s+(?:and|as well as)\s+(?:" + HONORIFIC + ")$",
                                       view.text[t_end:joined.start]).start()
    tail = view.text[t_end:window_end]
    for m in mentions_between(view, t_end, window_end):
        tail = tail.replace(m.text, "")
    for _, other_start, other_end in titles[1:]:  # "advisor to the chairman of Y"
        tail = tail.replace(view.text[other_start:other_end], "")
    if CLAUSE_VERB.search(tail):
        return None  # "X, the ambassador cited the ...": a clause, not an apposition
    if mentions_between(view, t_end, window_end, {"Person"}):
        return None  # "A, Chairman of the Chamber B, and ...": the title announces the next name
    lead = RELATIVE_LEAD.sub("", view.text[window_start:t_start])  # "X, who is also the chairman of Y"
    lead = ROLE_QUALIFIER.sub("", lead)  # "X, deputy CEO of Y": a qualifier is the title's
    for m in mentions_between(view, window_start, t_start):
        lead = lead.replace(m.text, "")
    portfolio = load_gazetteer().portfolio_words  # "X, Kenya's trade (and industry) cabinet secretary"
    if len(lead.split()) > 4 or re.match(r"\s*(?:and|or)\b", lead) or any(
            w.islower() and w not in LEAD_WORDS and w not in portfolio and w != "and"
            for w in re.findall(r"[\w']+", lead)):
        return None
    after = mentions_between(view, t_end, window_end, affiliation_kinds())
    of_after = [m for m in after if re.search(r"\bof\s+(the\s+)?(?:[A-Z][A-Z0-9&]{1,9}\s+\()?$",
                                              view.text[t_end:m.start])  # "Chairman of the CAPW (Construction ..."
                or re.search(r"\bof\s+(the\s+)?$", view.text[:m.start])
                or m.kind != "Country" and OF_A_FIRM.search(view.text, t_end, m.start)]
    at_after = [m for m in after if re.search(r"\s+at\s+(?:the\s+)?$", view.text[t_end:m.start])
                or m.kind != "Country" and re.search(r"\s+for\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}$",
                                                     view.text[t_end:m.start])]  # "director for steel giant X"
    if of_after and at_after and at_after[0].start > of_after[0].end:  # "Director of Trade at BNDES"
        of_after = []
    if of_after:
        affiliation = of_after[0]
        stop = re.search(r"\s+of\s+(the\s+)?(?:[A-Z][A-Z0-9&]{1,9}\s+\()?$", view.text[:affiliation.start])
        stop = (stop or OF_A_FIRM.search(view.text, t_end, affiliation.start)).start()
        if affiliation.via == "adjective":  # "X, CEO of Qatari real estate firm Y": the firm, Y
            affiliation = next((m for m in after if m.kind != "Country" and NATIONALITYS_FIRM.fullmatch(
                view.text, affiliation.end, m.start)), affiliation)
        elif affiliation.kind == "Country":  # "X, president of Egypt's General Authority for Investment": the body
            affiliation = next((m for m in after if m.kind != "Country" and re.fullmatch(
                r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}", view.text[affiliation.end:m.start])), affiliation)
    elif at_after:  # "X, minister counsellor at the Vietnamese Embassy in Peru", "X, economist at Y Bank"
        affiliation = at_after[0]
        stop = t_end + re.search(r"\s+(?:at|for)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$",
                                 view.text[t_end:affiliation.start]).start()
    else:
        before = mentions_between(view, window_start, t_start, affiliation_kinds())
        listed = re.match(r",\s*(?:[A-Z][\w&-]*\s+){0,4}?(?:[A-Z][\w&-]*,\s*)?", view.text[window_end:])
        following = [m for m in view.mentions if m.kind in affiliation_kinds() and listed
                     and window_end < m.start <= window_end + listed.end() + 1]
        if before:
            affiliation, stop = before[-1], t_end
        elif following and re.fullmatch(r"[\w\s'-]*", view.text[t_end:window_end]):
            # a speakers' list: "Prof. Dilnoza Karimova, Rector, Bukhara State Academy of Economics"
            affiliation, stop = following[0], window_end
        else:
            return None
    return make_fact("Position", view, {"holder": person, "affiliation": affiliation}, 0.8,
                 role=_role_text(view, t_start, stop))


# "NUR-SULTAN. KAZINFORM –": a hyphen inside a city's name does not close the dateline
DATELINE = re.compile(r"(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'’. -]+?)\s*(?:,\s*(?P<country>[A-Z][\w ]+?)\s*)?"
                      r"(?:,|\.|:|—|–|-(?!\w)|\()")
# "the Kazakh side was represented by", "a Swedish business delegation of 30 companies, led by"
SIDE = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*)?\s+(?:side|delegation|government|team)"
                  r"(?:\s+(?:of|to)\s+[^.;:,]{1,50})?,?"  # "The Mauritanian delegation also included"
                  r"\s+(?:also\s+)?(?:was\s+|were\s+|is\s+|are\s+)?"
                  r"(?:represented by|led by|headed by|included|comprised|"
                  # "the Greek delegation was headed by A, and the Egyptian delegation by B"; "Kenya was represented by"
                  r"consisted of|by(?=\s+[A-Z]))\b|\s+(?:was|were|is|are)\s+represented\s+by\b")
HEAD_OF = re.compile(r"\b(?:head|leader|chief)\s+of\s+the\s+$", re.IGNORECASE)
HEAD_OF_SIDE = re.compile(r"\s+(?:side|delegation|team)\s*,\s*(?:[A-Z][\w-]*\s+(?:(?:of|for|and)\s+)?){1,6}")
LIST_ITEM_AFTER = re.compile(r"\s*;\s*(?:and\s+)?(?:the\s+)?")
# ", investment minister ": the next item of a comma list, a title of lower-case words and nothing else
COMMA_ITEM_TITLE = re.compile(r"\s*,\s+(?:and\s+)?(?:the\s+)?(?:[a-z-]+\s+){1,5}")
ACCOMPANYING = re.compile(r"^\s*(?:Accompanying\s+(?:him|her|them|the\s+\w+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
                          r"(?:were|was|are|is|will\s+be)\b|"
                          r"(?:He|She|They)\s+(?:was|were|is|are|will\s+be)\s+accompanied\s+by\b)|"
                          r"^[^;:]*,\s+who\s+(?:is|was|are|were|will\s+be)\s+accompanied\s+by\b")
# "For Haiti, the participants were: X, secretary general; ...": the country's people
FOR_A_COUNTRY = re.compile(r"(?:^|[.;:]\s*|\b)[Ff]or\s+(?:the\s+)?$")
PARTICIPANTS_WERE = re.compile(r"\s*,\s+(?:the\s+)?(?:participants|delegates|attendees|members of the delegation)\s+"
                               r"(?:were|included|was)\b")
ON_THE_SIDE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or)\s+the\s+$")  # "On the Ghanaian side, ... was co-chaired by X"
# "X and Y were in the Bulgarian delegation"; "X, Minister of Foreign Affairs, headed the Egyptian delegation"
IN_THE_SIDE_BEFORE = re.compile(r"\b(?:(?:was|were)\s+(?:also\s+)?(?:in|part of|members? of|among|included in)|"
                                r"(?:headed|led|chaired|co-chaired))\s+the\s+$")
GOVERNMENT_PARTY = re.compile(r"\s+(?:government|side|ministry|state)\b")
SIGNED_BY = re.compile(r"\b(?:signed|initialled|inked)\s+(?:on\s+(?:its|their)\s+behalf\s+)?by\b")
THE_TEAM_WAS = re.compile(r"\s*(?:The|This|Its)\s+(?:[\w-]+\s+)?(?:team|delegation|side|mission)\s+(?:consisted\s+of|"
                          r"comprised|included|includes|was\s+made\s+up\s+of|is\s+made\s+up\s+of|was\s+composed\s+of|"
                          r"was\s+led\s+by|is\s+led\s+by|was\s+headed\s+by)\b")
TEAM_OF = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:team|delegation|ministers|officials|side|mission)\b")
MISSION_TO = re.compile(r"\b(?:mission|delegation|visit|trip|tour)\s+to\s+(?:the\s+)?$")
LED_BY = re.compile(r"\b(?:led|headed|chaired)\s+(?:jointly\s+)?by\b")
ONE_PER_COUNTRY = {"president", "prime minister", "premier", "king", "queen", "emir", "chancellor", "sultan"}


DATED_PLACE = re.compile(  # "Colombo, June 21:": a place in title case is a dateline when a date follows it
    r"(?P<city>[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+)?),\s+(?:\d{1,2}\s+" + MONTH_OR_ABBREVIATION + r"|"
    + MONTH_OR_ABBREVIATION + r"\.?\s+\d{1,2})\b")
# "Hanoi (VNA) –": a place in title case is a dateline when an agency's name in brackets and a dash follow it
PLACE_THEN_AGENCY = re.compile(r"(?P<city>[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+)?)\s*\([A-Z][\w.&-]*\)\s*(?:-{1,2}|–|—|:)\s")
# "Tashkent, Uzbekistan (UzDaily.com) --", "Windhoek, Namibia | 12 May 2023 –": a city, its country, then what
# closes a dateline
PLACE_IN_COUNTRY = re.compile(r"(?P<city>[A-Z][\w'’]+(?:[ -](?:(?:es|el|de|da|al|la)[ -])?[A-Z][\w'’]+){0,3}),\s+"
                              r"(?P<country>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)\s*(?:,\s*\d|\(|--|[—–|/]|-\s)")


def dateline_country(views: list[SentenceView], gaz: Gazetteer) -> str | None:
    """The country of a dateline ("ISLAMABAD, 10 October 2024."): where the report was filed."""
    for view in views[:6]:  # after a headline, a date line and a byline
        placed = PLACE_IN_COUNTRY.match(view.text)
        if placed and gaz.names.get(placed.group("country"), "").startswith("country:") and (
                gaz.capitals.get(placed.group("city")) or gaz.cities.get(placed.group("city"))):
            return gaz.names[placed.group("country")]
        match = DATELINE.match(view.text) or DATED_PLACE.match(view.text) or PLACE_THEN_AGENCY.match(view.text)
        upper_or_dated = match and (match.group("city").isupper() or match.re is not DATELINE)
        if upper_or_dated and len(match.group("city").strip()) >= 3:
            city = match.group("city").strip().title()
            key = gaz.capitals.get(city) or gaz.cities.get(city) or gaz.names.get(
                match.groupdict().get("country") or "") or (  # "KUWAIT:", "SINGAPORE, May 3": a city-state's name
                gaz.names.get(city) if gaz.names.get(city, "").startswith("country:") else None)
            if key:
                return key
    return None


def _bare_title(view: SentenceView, person: Mention, gaz: Gazetteer) -> tuple[str, str] | None:
    """(canonical title, role) of a title written straight before a name with no country or
    organisation at all: "President Kassym-Jomart Tokayev", "Petroleum Minister Musadik Malik"."""
    for title, t_start, t_end in view.titles:
        if t_end > person.start or not re.fullmatch(ACRONYM_IN_BRACKETS + r"\s*,?\s+" + HONORIFIC,
                                                    view.text[t_end:person.start]):
            continue  # "President X", "the Minister of Trade and Industry, X", "the Minister of Industry (MIC), X"
        if "," in view.text[t_end:person.start] and any(
                m.kind == "Person" and re.fullmatch(r"\s*,\s*(?:the\s+)?", view.text[m.end:t_start])
                and not any(e <= m.start and re.fullmatch(r"\s*,?\s+" + HONORIFIC, view.text[e:m.start])
                            for _, _, e in view.titles) for m in view.mentions):
            # "A, Minister of Y, B, Minister of Z": a list with each title after its name; not "the Minister of
            # X, A, the Minister of Y, B", where the name before has its title before it too
            break
        if _owner_of_title(view, t_start) is not None:
            return None  # "Kazakhstan's President ...": the sentence rules decide
        canonical = gaz.canonical_title(title)
        return canonical, _role_text(view, t_start, t_end)
    after = AFTER_NAME.match(view.text, person.end)
    for title, t_start, t_end in view.titles:  # "- X – Minister of Economy;", "X, senior presidential secretary"
        starts = {after.end(), after.end() + len(ROLE_QUALIFIER_AHEAD.match(view.text, after.end()).group())} \
            if after else set()
        clause = re.match(r"[^,;.()]*", view.text[t_end:]).group()
        of = re.match(r"(?:\s*\([^()]{1,20}\))?\s+(?:of|to|at)\s+(?:the\s+)?(?P<words>[^.;]*?)(?=,\s+[a-z]|[.;]|$)",
                      view.text[t_end:])  # "X, Secretary (East) at India's Ministry of External Affairs"
        owned = of and not all(  # "X, Minister of Y": Y owns it, unless Y is only a portfolio
            w.lower() in gaz.portfolio_words for w in re.findall(r"[A-Za-z][\w-]*", of.group("words"))
            if w not in ("and", "of", "the", "for"))
        if t_start in starts and not owned and not CLAUSE_VERB.search(clause):  # not "X, the ambassador cited ..."
            return gaz.canonical_title(title), _role_text(view, t_start, t_end)
    return None


ACRONYM_IN_BRACKETS = r"(?:\s*\([A-Z][A-Za-z&.-]{1,11}\))?"
AFTER_NAME = re.compile(r"\s*(?:,|[–—]|-\s|\()\s*(?:the\s+)?")
LIST_INTRO = re.compile(r"\s+(?:side|delegation|government|team)\b[^:]*:\s*$")
LIST_ITEM = re.compile(r"\s*[-–•*·]")


def _list_sides(views: list[SentenceView], pair: tuple[str, str]) -> dict[int, Mention]:
    """"The Kyrgyz delegation included:" and the list lines under it: each line's side."""
    sides: dict[int, Mention] = {}
    side: Mention | None = None
    for view in views:
        if side is not None and LIST_ITEM.match(view.text):
            sides[view.index] = side
            continue
        intro = [m for m in view.places() if m.key in pair and LIST_INTRO.match(view.text[m.end:])]
        side = intro[-1] if len({m.key for m in intro}) == 1 else None
    return sides


def _other_country_between(view: SentenceView, side: Mention, person: Mention, pair: tuple[str, str]) -> bool:
    """The other of the two countries, named between a side's phrase and the person: that side is not theirs."""
    phrase = SIDE.match(view.text[side.end:]) or PARTICIPANTS_WERE.match(view.text, side.end)
    start = side.end + phrase.end() if phrase.re is SIDE else phrase.end()
    return any(o.key in pair and o.key != side.key for o in mentions_between(view, start, person.start))


SIDE_CLOSING_ITEMS = re.compile(r",\s+(?:on|from|for)\s+the\s+$")  # "X, Minister of Y, on the UAE side, and by Z"


def _sides_closing_lists(view: SentenceView, pair: tuple[str, str]) -> dict[int, Mention]:
    """"signed by X, Minister of Industry, on the UAE side, and by Y, Deputy Prime Minister, and Z, Minister of
    Interior, on the Albanian side": a side written after people's names and titles is theirs, back to the side
    before it. Keyed by where each person's name starts."""
    sides: dict[int, Mention] = {}
    since = 0
    for m in view.places():
        if m.key in pair and SIDE_CLOSING_ITEMS.search(view.text[:m.start]) \
                and re.match(r"\s+side\b", view.text[m.end:]):
            sides.update({p.start: m for p in view.mentions if p.kind == "Person" and since <= p.start < m.start})
            since = m.end
    return sides


TITLE_THEN_NAME = re.compile(r"(?:\s+(?:and|of|for|the)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*\s*,?\s*" + HONORIFIC + "$")


def _names_its_holder(view: SentenceView, t_end: int, named: set[str]) -> bool:
    """"the nation's Prime Minister and Minister of Foreign Affairs, Sheikh X": a title written before the name
    of someone the article gave a post is that person's, no evidence of whose the article's bare title is."""
    return any(m.kind == "Person" and m.start >= t_end and same_person(m.text, named)
               and TITLE_THEN_NAME.fullmatch(view.text[t_end:m.start]) for m in view.mentions)


HEAD_OF_STATE_AFTER = re.compile(r"(?:['’]s)?\s+(?:leader|head of state)\b")


def implied_positions(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                      host: str | None, pair_mentions: dict[str, Mention], gaz: Gazetteer) -> list[Fact]:
    """Titles whose country the text leaves to the reader, in an article about two countries, in
    order of the evidence's strength:

    1. "The Kazakh side was represented by Minister of Energy X": the side's country; likewise the country of
       the list a title is an item of ("Paraguay's Foreign Minister, X; the Minister of Y, Z"), and the
       visitor's for those accompanying a visitor in a report from the host's capital.
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
    ruled = set(holders)  # the people the rules gave a post
    bare: list[tuple[SentenceView, Mention, str, str]] = []
    for view in views:
        if view.is_title:
            continue
        for person in (m for m in view.mentions if m.kind == "Person" and not same_person(m.text, holders)):
            found = _bare_title(view, person, gaz)
            if found:  # of any kind where a side is named ("the Haitian side: X, secretary general"); else
                holders.add(person.text)  # of a government's or a diplomat's, below
                bare.append((view, person, *found))
    owners: dict[str, set[str]] = {}  # "the Kazakh president's visit": whose president the article speaks of
    for view in views:
        for title, t_start, t_end in view.titles:
            owner = _owner_of_title(view, t_start)
            if owner is not None and owner.key in pair and not _names_its_holder(view, t_end, ruled):
                owners.setdefault(gaz.canonical_title(title), set()).add(owner.key)
        for m in view.places():  # "the Nigerian leader said": the president the article speaks of
            if m.key in pair and HEAD_OF_STATE_AFTER.match(view.text, m.end):
                owners.setdefault("president", set()).add(m.key)
    implied: list[Fact] = []
    listed = _list_sides(views, pair)
    closing = {view.index: _sides_closing_lists(view, pair) for view in views}
    for view, person, canonical, role in bare:  # "The Kazakh side was represented by Minister of Energy X"
        side = [closing[view.index][person.start]] if person.start in closing[view.index] else []
        side = side or [m for m in view.places() if m.key in pair and m.end < person.start
                        and SIDE.match(view.text[m.end:]) and not _other_country_between(view, m, person, pair)]
        side = side or ([listed[view.index]] if view.index in listed else [])
        side = side or [m for m in view.places() if m.key in pair and m.end < person.start  # "The head of the
                        and HEAD_OF.search(view.text[:m.start])  # Vietnamese delegation, Deputy Minister X"
                        and HEAD_OF_SIDE.fullmatch(view.text[m.end:person.start])]
        side = side or [m for m in view.places() if m.key in pair and m.end < person.start
                        and ON_THE_SIDE.search(view.text[:m.start]) and re.match(r"\s+side\b", view.text[m.end:])]
        side = side or [m for m in view.places() if m.key in pair and m.end < person.start
                        and FOR_A_COUNTRY.search(view.text[:m.start]) and PARTICIPANTS_WERE.match(view.text, m.end)
                        and not _other_country_between(view, m, person, pair)]
        side = side or [m for m in view.places() if m.key in pair and m.start > person.end  # "Minister of Tourism
                        and IN_THE_SIDE_BEFORE.search(view.text, person.end, m.start)  # X and Minister of Health Y
                        and ";" not in view.text[person.end:m.start]  # were in the Bulgarian delegation"
                        and re.match(r"\s+(?:delegation|side|team)\b", view.text[m.end:])][:1]
        if not side:  # "Paraguay's Foreign Minister, X; the Minister of Industry, Y; ...": the list's country
            before = [f for f in facts + implied if f.kind == "Position" and f.sentence == view.index
                      and f.role("holder").end < person.start and f.role("affiliation").key in pair
                      and LIST_ITEM_AFTER.match(view.text, f.role("holder").end)
                      and ";" in view.text[f.role("holder").end:person.start]]
            if before and ";" not in view.text[LIST_ITEM_AFTER.match(view.text, before[-1].role("holder").end).end():
                                               person.start]:
                side = [before[-1].role("affiliation")]
        if not side and _kind_of_role(canonical, gaz) == "government":
            # "Egyptian industry minister A, investment minister B and Italy's economy minister C": a minister
            # listed straight after another, with only a title between, is of the same government
            before = [f for f in facts + implied if f.kind == "Position" and f.sentence == view.index
                      and f.role("affiliation").key in pair and f.role("holder").end < person.start
                      and _kind_of_role(str(f.value("role")), gaz) == "government"
                      and COMMA_ITEM_TITLE.fullmatch(view.text[f.role("holder").end:person.start])]
            side = [before[-1].role("affiliation")] if before else []
        side = side or [m for m in view.places() if m.key in pair and m.end < person.start  # "the agreement
                        and GOVERNMENT_PARTY.match(view.text, m.end)  # between the Serbian government and
                        and SIGNED_BY.search(view.text, m.end, person.start)  # company X was signed by Minister Y"
                        and not any(o.key in pair and o.key != m.key for o in mentions_between(view, m.end,
                                                                                             person.start))][-1:]
        if not side:  # "The economic mission to Japan, ... led jointly by the Deputy Prime Minister, X": the visitors
            to = next((m for m in view.places() if m.key in pair and m.end < person.start
                       and MISSION_TO.search(view.text[:m.start]) and LED_BY.search(view.text, m.end, person.start)
                       and not any(o.key == m.key for o in mentions_between(view, m.end, person.start))), None)
            side = [pair_mentions[c] for c in pair if to is not None and c != to.key and c in pair_mentions]
        if not side and THE_TEAM_WAS.match(view.text) and view.index > 0:  # "A team made up of Fijian ministers
            side = [m for before in views[max(0, view.index - 2):view.index]  # ... . The team consisted of the
                    for m in before.places() if m.key in pair  # Minister for Industry X, ..."
                    and TEAM_OF.match(before.text, m.end)][-1:]
        if not side:  # "In San José, in Costa Rica, she met Vice-Minister X": the host's, met where it says
            side = [pair_mentions[c] for c in [_met_where_fronted(view, person, pair)] if c in pair_mentions]
        named_side = bool(side)  # the text names the side: a post of any kind is that country's
        if not side and host in pair and ACCOMPANYING.search(view.text[:person.start]):
            # "Accompanying him were Foreign Minister X, ...": the visitor's delegation, from the other country
            side = [pair_mentions[c] for c in pair if c != host and c in pair_mentions]
        facing = COUNTERPART_AFTER.match(view.text, person.end)  # "X and his Moroccan counterpart": X is not
        if not side and facing:
            at = facing.start("country") if facing.group("country") else facing.start("from")
            other = next((m for m in view.places() if m.start == at and m.key in pair), None)
            side = [pair_mentions[c] for c in pair if other and c != other.key and c in pair_mentions]
        if not side:  # "Deputy Minister of Trade X and Vietnamese Deputy Minister of Industry Y co-chaired"
            across = _across_from(view, person, canonical, facts, pair, gaz)
            side = [pair_mentions[across]] if across in pair_mentions else []
        if len({m.key for m in side}) == 1 and (named_side or gaz.title_kinds.get(canonical) in ("government",
                                                                                                  "diplomatic")):
            taken.setdefault(role, set()).add(side[0].key)
            implied.append(make_fact("Position", view, {"holder": person, "affiliation": side[0]}, 0.7, role=role))
    placed = {f.role("holder").text for f in implied}
    bare = [b for b in bare if b[1].text not in placed and gaz.title_kinds.get(b[2]) in ("government", "diplomatic")]
    unmarked = _unmarked_side(facts, pair)
    owners_named = {(f.sentence, f.role("affiliation").start) for f in facts + implied if f.kind == "Position"}
    visits = [(m.text, _visitor_from(view, m, pair, host)) for view in views for m in view.mentions
              if m.kind == "Person"]  # "Anwar, on a three-day official visit to Uzbekistan"
    undecided = []
    for view, person, canonical, role in bare:  # a post is its role as written: "commerce minister"
        remaining = [c for c in pair if c not in taken.get(role, set())  # no president for a monarchy
                     and c not in gaz.absent_posts.get(canonical, frozenset())]
        competing = sum(1 for b in bare if b[3] == role) > 1 and canonical in ONE_PER_COUNTRY
        spoken_of = [c for c in owners.get(canonical, set()) if c in remaining]
        visitor = next((c for name, c in visits if c and same_person(name, {person.text})), None)
        government = gaz.title_kinds.get(canonical) == "government"
        third_country = any(m.key and m.key not in pair for m in view.places())  # "X will represent India"
        # "the Andivian government ... directives from President X": the one side the sentence calls by its
        # adjective, where that adjective is no other post's ("Andivian Minister of A, X, and Minister of B, Y")
        adjectives = {m.key for m in view.places() if m.via == "adjective" and m.end <= person.start
                      and (view.index, m.start) not in owners_named}
        sentence_side = next(iter(adjectives)) if len(adjectives) == 1 and {
            m.key for m in view.places() if m.key in pair} == adjectives else None
        if len(remaining) == 1:
            country, confidence = remaining[0], 0.7
        elif visitor in remaining:
            country, confidence = visitor, 0.65
        elif len(spoken_of) == 1 and canonical in ONE_PER_COUNTRY and not competing:
            country, confidence = spoken_of[0], 0.65
        elif sentence_side in remaining and government and not competing and not third_country:
            country, confidence = sentence_side, 0.6
        elif len(remaining) == 2 and unmarked and government and not competing and not third_country:
            country, confidence = unmarked, 0.6
        elif len(remaining) == 2 and host in pair and not competing and not third_country:
            diplomatic = gaz.title_kinds.get(canonical) == "diplomatic"  # an envoy is posted away from home
            country = (pair[1] if host == pair[0] else pair[0]) if diplomatic else host
            confidence = 0.55
        else:
            undecided.append((view, person, canonical, role))
            continue
        if country not in pair_mentions:
            continue
        taken.setdefault(role, set()).add(country)
        implied.append(make_fact("Position", view, {"holder": person, "affiliation": pair_mentions[country]},
                             confidence, role=role))
    for view, person, canonical, role in undecided:  # "Prime Minister X" of two: the other's post went first
        remaining = [c for c in pair if c not in taken.get(role, set())
                     and c not in gaz.absent_posts.get(canonical, frozenset())]
        if len(remaining) == 1 and canonical in ONE_PER_COUNTRY and remaining[0] in pair_mentions:
            taken.setdefault(role, set()).add(remaining[0])
            implied.append(make_fact("Position", view, {"holder": person,
                                                        "affiliation": pair_mentions[remaining[0]]}, 0.6, role=role))
    return implied




ACCOMPANIED_BY = re.compile(r"\s*,?\s+(?:(?:who\s+)?(?:will\s+be|was|were|is|are|has\s+been|had\s+been)\s+)?"
                            r"(?:also\s+)?accompanied\s+by\b|"  # "X was accompanied the Minister of Y, Z": "by" dropped
                            r"\s+(?:will\s+be|was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+)?accompanied\s+"
                            r"(?=(?:the\s+)?[A-Z])")
ACCOMPANYING_WHO = re.compile(r",?\s+who\s+(?:(?:has|had|will|also)\s+)*(?:accompanied|accompanies|accompany|"
                              r"is accompanying|was accompanying)\s+(?:the\s+)?")


def accompanying_officials(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                           gaz: Gazetteer) -> list[Fact]:
    """Officials with a bare government or diplomatic title who accompany one whose country the article
    gives: "President X will be accompanied by ... a delegation comprising Y, Minister of Public Works"; "Y, the
    Minister for Infrastructure, who accompanied President X".  This outranks the weakest guess of
    `implied_positions` (the host's, below 0.6), which it replaces."""
    if pair is None:
        return facts
    placed = {f.role("holder").text for f in facts if f.kind == "Position" and f.confidence >= 0.6}
    found = []
    for view in views:
        people = [m for m in view.mentions if m.kind == "Person"]
        leads = [(m, by.end(), len(view.text)) for m in people for by in [ACCOMPANIED_BY.match(view.text, m.end)]
                 if by][:1]
        for who in ACCOMPANYING_WHO.finditer(view.text):  # "Y, the Minister of X, who accompanied President Z"
            lead = next((m for m in people if who.end() <= m.start <= who.end() + 40), None)
            if lead is not None:
                leads.append((lead, view.text.rfind(". ", 0, who.start()) + 1, who.start()))
        for lead, after, before in leads:
            countries = {f.role("affiliation").key: f.role("affiliation") for f in facts if f.kind == "Position"
                         and f.role("affiliation").key in pair and same_person(f.role("holder").text, {lead.text})}
            if len(countries) != 1:
                continue
            for person in people:
                bare = after <= person.start < before and not same_person(person.text, placed) \
                    and _bare_title(view, person, gaz)
                if bare and gaz.title_kinds.get(bare[0]) in ("government", "diplomatic"):
                    found.append(make_fact("Position", view, {"holder": person,
                                                              "affiliation": next(iter(countries.values()))},
                                           0.65, role=bare[1]))
    accompanying = {f.role("holder").text for f in found}
    return [f for f in facts if f.kind != "Position" or f.role("holder").text not in accompanying] + found


MET_WITH = re.compile(r"\b(?:met|meets|meeting|received|receives|welcomed|welcomes|hosted|hosts|co-chaired|"
                      r"co-chair|co-chairs|held talks with|holds talks with|talks with|spoke with|with)\b")


def _across_from(view: SentenceView, person: Mention, canonical: str, facts: list[Fact], pair: tuple[str, str],
                 gaz: Gazetteer) -> str | None:
    """The other country of the pair, when the sentence sets a bare-titled official beside one whose country it
    says, of the same kind of post: "X and Vietnamese Deputy Minister Y co-chaired", "Minister X met the
    Vietnamese Minister of Trade, Y".  Not "Vietnamese Minister A and Minister B", where the nationality may
    stand for both."""
    kind = gaz.title_kinds.get(canonical)
    if any(m.key and m.key not in pair for m in view.places()):
        return None  # a third country: whose is anyone's guess
    if len({f.role("affiliation").key for f in facts if f.kind == "Position" and f.sentence == view.index
            and f.role("affiliation").key in pair and _kind_of_role(str(f.value("role")), gaz) == kind}) > 1:
        return None  # both countries' officials of its kind are named: the bare one may be either's
    for fact in facts:
        other, owner = fact.role("holder"), fact.role("affiliation")
        if fact.kind != "Position" or fact.sentence != view.index or owner.key not in pair or other.sentence != \
                view.index or other.text == person.text or _kind_of_role(str(fact.value("role")), gaz) != kind:
            continue
        first, second = (person, other) if person.start < other.start else (other, person)
        between = view.text[first.end:second.start]
        if ";" in between or len(between) > 160 or any(
                m.kind == "Person" and first.end <= m.start and m.end <= second.start for m in view.mentions):
            continue  # only the two side by side
        if MET_WITH.search(between) or (first is person and re.search(r"\band\b", between)):
            return pair[1] if owner.key == pair[0] else pair[0]
    return None


def _kind_of_role(role: str, gaz: Gazetteer) -> str | None:
    """Government, diplomatic, ...: the kind of the longest known title a role as written begins with
    ("deputy minister of industry and trade" is a deputy minister's), else of its last word ("industry and
    trade minister" is a minister's)."""
    words = role.split()
    for n in range(len(words), 0, -1):
        kind = gaz.title_kinds.get(gaz.canonical_title(" ".join(words[:n])))
        if kind:
            return kind
    return gaz.title_kinds.get(gaz.canonical_title(words[-1])) if words else None


COUNTERPART_AFTER = re.compile(  # "X and his Moroccan counterpart", "X met his counterpart from Egypt, Y"
    r"[^.;:]{0,60}?\b(?:his|her|their)\s+(?:(?P<country>[A-Z][\w'’-]*)\s+counterparts?\b|"
    r"counterparts?\s+(?:from|of)\s+(?:the\s+)?(?P<from>[A-Z]))")


def _unmarked_side(facts: list[Fact], pair: tuple[str, str]) -> str | None:
    """The country whose officials the article never marks as its own while it marks the other's ("Azerbaijan
    Deputy Minister X", "the Azerbaijani President"): a paper writes its own government's titles bare."""
    marked = {f.role("affiliation").key for f in facts if f.kind == "Position"} & set(pair)
    if len(marked) != 1 or sum(1 for f in facts if f.kind == "Position" and f.role("affiliation").key in marked) < 2:
        return None
    return pair[1] if marked == {pair[0]} else pair[0]


# "the visit of President X", "visiting Prime Minister X"
VISIT_BEFORE = re.compile(r"\b(?:visits?\s+(?:of|by)\s+(?:the\s+)?|visiting\s+)(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
VISIT_AFTER = re.compile(r"(?:,?\s+on\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b|"
                         r"['’]s\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b|"
                         r",?\s+(?:who\s+)?(?:paid|pays|is paying|made|makes|was on|is on|wrapped up|wraps up|"
                         r"concluded|concludes|began|begins|started|starts|completed|completes|ended|ends|"
                         r"kicked off|kicks off|opened|opens)\s+(?:a|an|his|her)\s+"
                         r"(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b|"
                         r"(?:,[^,;.]{1,60},)?\s+(?:visited|visits|arrived in|arrives in|"
                         r"travelled to|traveled to|flew to|flies to|is flying to|will fly to|travels to|"
                         r"will travel to|is travelling to|is traveling to|heads to|is heading to|will visit|"
                         r"is visiting|is due to visit|is set to visit|landed in|lands in|"
                         r"(?:is|was)\s+(?:currently|now|still|also)\s+visiting)\b|"
                         r"[^.;]{0,120}?\s(?:will lead|leads|led|is leading|heads|headed|will head)\s+(?:a|an|the)\s+"
                         r"(?:[\w\x22“”-]+\s+){0,5}?(?:[Mm]ission|[Dd]elegation)\s+(?:to\b|"
                         # "headed a delegation that paid a three-day official visit to Albania"
                         r"(?:that|which)\s+(?:paid|pays|is paying|made|makes|was on|is on)\s+(?:a|an)\s+"
                         r"(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b))")


# between a visit and where it goes: "visit to Oman", "three-day state visit to the UAE", "visited Oman"
VISITED_GAP = re.compile(r"\s*(?:(?:[\w-]+\s+){0,3}?(?:to|in)\s+)?(?:the\s+)?")
TALKS_WITH = re.compile(r"[^.;]{0,80}?\s(?:talks|negotiations|consultations)\s+with\s+(?:the\s+)?(?=[A-Z])")
HIS_COUNTRYS = re.compile(r"\b(?:his|her|their)\s+country['’]s\s+$", re.IGNORECASE)
NATIONALITY_BEFORE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}$")  # "Japanese (career) diplomat X"


def titles_of_their_own_country(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                                gaz: Gazetteer) -> list[Fact]:
    """"Japanese diplomat X took over as his country's ambassador to Chile": the country is the person's own,
    as the sentence calls them, or for an envoy posted to one of the article's countries, the other one."""
    holders = {f.role("holder").text for f in facts if f.kind == "Position"}
    found = []
    for view in views:
        for _, t_start, t_end in view.titles:
            if not HIS_COUNTRYS.search(view.text[:t_start]):
                continue
            people = [m for m in view.mentions if m.kind == "Person" and m.end <= t_start
                      and m.text not in holders]
            if not people:
                continue
            person = people[-1]
            own = next((m for m in view.places() if m.via == "adjective" and m.end < person.start
                        and NATIONALITY_BEFORE.fullmatch(view.text[m.end:person.start])), None)
            role = _role_text(view, t_start, t_end)
            posted = re.match(r"\s+to\s+(?:the\s+)?", view.text[t_end:])
            if own is None and posted and pair and ENVOY.match(role):
                to = next((m for m in view.places() if m.start == t_end + posted.end() and m.key in pair), None)
                other = next((m for v in views for m in v.places() if to and m.key in pair and m.key != to.key), None)
                own = other
            if own is not None and own.key:
                found.append(make_fact("Position", view, {"holder": person, "affiliation": own}, 0.7, role=role))
    return found


VISIT_TO = re.compile(r"\b(?:visits?|trip|tour|mission|delegation)\s+to\s+(?:the\s+)?$|"
                      r"\b(?:visited|visiting|arrived in|arrives in|travelled to|traveled to|flew to|landed in|"
                      r"(?:will|to)\s+(?:travel|fly)\s+to|travels to|is travelling to|is traveling to)\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)


MINISTER_OF = re.compile(r"(?:deputy\s+|vice\s+|first\s+deputy\s+)?minister\s+(?:of|for)\s+(?:the\s+)?"
                         r"(?P<portfolio>.+)")


def ministers_of_named_ministries(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"the UAE's Ministry of Investment said ... said Mohamed Alsuwaidi, Minister of Investment": a minister
    written bare belongs to the country whose ministry of that portfolio the document names."""
    holders = {f.role("holder").text for f in facts if f.kind == "Position"}
    ministries: dict[str, set[str]] = {}
    owner: dict[str, Mention] = {}
    for fact in facts:
        org = fact.role("organization") if fact.kind == "HomeCountry" else None
        named = org and re.fullmatch(r"(?:the\s+)?Ministry\s+(?:of|for)\s+(?:the\s+)?(?P<portfolio>.+)", org.text,
                                     re.IGNORECASE)
        if named and fact.role("country").key:
            ministries.setdefault(named.group("portfolio").lower(), set()).add(fact.role("country").key)
            owner[fact.role("country").key] = fact.role("country")
    found = []
    for view in views:
        for person in (m for m in view.mentions if m.kind == "Person" and m.text not in holders):
            title = _bare_title(view, person, gaz)
            portfolio = title and MINISTER_OF.fullmatch(title[1].lower())
            countries = ministries.get(portfolio.group("portfolio"), set()) if portfolio else set()
            if len(countries) == 1:
                holders.add(person.text)
                found.append(make_fact("Position", view, {"holder": person, "affiliation": owner[next(iter(
                    countries))]}, 0.6, role=title[1]))
    return found


OF_THE_COMPANY = re.compile(r"\s+(?:of|at)\s+the\s+(?:" + "|".join(COMPANY_WORDS) + r")\b(?!\s+[A-Z])")


def officers_of_the_sentences_company(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"Air New Zealand is sending three of its big guns: Chair X, Chief Executive Y and Chief Digital Officer Z",
    "X Plastic is set to start production, said Y, General Manager": a company's title written bare belongs to
    the one company the sentence names before the person, or else to the one it opens with.  "Y, Chief Operating
    Officer of the group": to the company the sentence, or the one before, named last."""
    holders = {f.role("holder").text for f in facts if f.kind == "Position"}
    found = []
    for view in views:
        for person in (m for m in view.mentions if m.kind == "Person" and m.text not in holders):
            title = _bare_title(view, person, gaz)
            named = [m for m in view.mentions if m.kind in ("Company", "Organization") and m.end <= person.start]
            companies = {m.text: m for m in named if m.kind == "Company"}
            said = re.search(r"\b(?:said|says|told|added|noted)\s+$", view.text[:person.start])  # "..., said Y, CEO"
            opening = named[0] if named and said and not view.text[:named[0].start].strip() else None
            company = next(iter(companies.values())) if len(companies) == 1 else opening
            anaphor = title is None and _title_of_the_company(view, person)
            if anaphor:
                before = [m for v in views[max(0, view.index - 1):view.index + 1] for m in v.mentions
                          if m.kind == "Company" and (v.index < view.index or m.end <= person.start)]
                if before:
                    found.append(make_fact("Position", view, {"holder": person, "affiliation": before[-1]}, 0.6,
                                           role=anaphor))
            elif title and gaz.title_kinds.get(title[0]) == "corporate" and company is not None \
                    and not _owned_by_a_word_before(view, person):
                found.append(make_fact("Position", view, {"holder": person, "affiliation": company}, 0.6,
                                       role=title[1]))
    return found


# the noun a body is called by once it is named: "the chamber president X", "the bank's chief executive, X",
# "X, director general of the agency"
BODY_NOUN = (r"(?P<noun>chamber|bank|fund|agency|university|institute|council|ministry|association|federation|"
             r"authority|board|commission|foundation|organi[sz]ation|centre|center|committee|department|"
             + "|".join(COMPANY_WORDS) + r")")
THE_BODYS = re.compile(r"\b[Tt]he\s+" + BODY_NOUN + r"(?:['’]s)?\s+$")
OF_THE_BODY = re.compile(r"\s+(?:of|at)\s+the\s+" + BODY_NOUN + r"\b(?!\s+(?:of\s+)?[A-Z])")
# "Deputy Director General at the Kuwaiti fund Marwan X"
# "The president of the Association X": a noun written with its capital, as the body's own name has it
AT_THE_BODY_BEFORE_NAME = re.compile(r"\s+(?:at|of|with)\s+the\s+(?:[A-Z][\w-]*\s+)?(?i:" + BODY_NOUN + r")\s+")
COMPANY_NOUNS = frozenset(COMPANY_WORDS)


def officers_of_a_body_named_by_its_noun(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer
                                         ) -> list[Fact]:
    """"The bank's chief executive, X", "the chamber president X", "X, director of the agency": the body named
    last before, in the sentence or the two before it, whose name has that noun ("Zenith Bank", "Dhaka Chamber of
    Commerce"), or for a company's noun ("the group") the company named last.  The facts, with this reading in
    place of a country's that a rule gave the same title in the same sentence, as if the title were bare."""
    found = []
    for view in views:
        for person in (m for m in view.mentions if m.kind == "Person"):
            owned = _title_of_a_body(view, person)
            if owned is None:
                continue
            role, noun, at = owned
            before = [m for v in views[max(0, view.index - 2):view.index + 1] for m in v.mentions
                      if (v.index < view.index or m.end <= at) and m.kind in ORGANIZATION_KINDS and (
                          re.search(r"\b" + noun + r"\b", m.text, re.IGNORECASE)
                          or noun in COMPANY_NOUNS and m.kind == "Company")]
            if before:
                found.append(make_fact("Position", view, {"holder": person, "affiliation": before[-1]}, 0.6,
                                       role=role))
    read = {(f.sentence, f.role("holder").text) for f in found}
    return [f for f in facts if f.kind != "Position" or (f.sentence, f.role("holder").text) not in read
            or f.role("affiliation").kind != "Country"] + found


def _title_of_a_body(view: SentenceView, person: Mention) -> tuple[str, str, int] | None:
    """(role, the body's noun, where the noun is) of "the <noun>'s <title>, X", "X, <title> of the <noun>" or
    "<title> at the <noun> X"."""
    after = AFTER_NAME.match(view.text, person.end)
    for _, t_start, t_end in view.titles:
        if t_end <= person.start and re.fullmatch(r"\s*,?\s*", view.text[t_end:person.start]) and (
                owner := THE_BODYS.search(view.text[:t_start])):
            return _role_text(view, t_start, t_end), owner.group("noun").lower(), owner.start()
        if after and t_start == after.end() and (owner := OF_THE_BODY.match(view.text, t_end)):
            return _role_text(view, t_start, t_end), owner.group("noun").lower(), t_end
        if t_end <= person.start and (owner := AT_THE_BODY_BEFORE_NAME.fullmatch(view.text, t_end, person.start)):
            return _role_text(view, t_start, t_end), owner.group("noun").lower(), t_end
    return None


# "the ministers of Foreign Affairs, X; of Finance, Y and of Public Works, Z": one title shared out over portfolios
PLURAL_POSTS = re.compile(r"\b(?P<plural>[Mm]inisters|[Ss]ecretaries|[Vv]ice[- ][Mm]inisters|[Dd]eputy [Mm]inisters)"
                          r"\s+(?=(?:of|for)\s+[A-Z])")
PORTFOLIO_ITEM = re.compile(r"(?:\s*[;,]\s*(?:and\s+)?|\s+and\s+)?(?:of|for)\s+(?:the\s+)?(?P<portfolio>[A-Z][\w'’-]*"
                            r"(?:\s+(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w'’-]*)*),\s+")


def posts_shared_over_portfolios(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """"accompanied by the ministers of Foreign Affairs, X; of Finance, Y and of Public Works, Z": each person
    holds the title for the portfolio written before their name, of the one country the sentence names."""
    holders = {(f.sentence, f.role("holder").text) for f in facts if f.kind == "Position"}
    found = []
    for view in views:
        countries = {m.key: m for m in view.places() if m.key}
        if len(countries) != 1:
            continue
        (country,) = countries.values()
        for plural in PLURAL_POSTS.finditer(view.text):
            title = plural.group("plural").lower()[:-3] + "y" if plural.group("plural").lower().endswith("ies") \
                else plural.group("plural").lower()[:-1]
            position = plural.end()
            while item := PORTFOLIO_ITEM.match(view.text, position):
                person = next((m for m in view.mentions if m.kind == "Person" and m.start == item.end()), None)
                if person is None:
                    break
                if (view.index, person.text) not in holders:
                    found.append(make_fact("Position", view, {"holder": person, "affiliation": country}, 0.6,
                                           role=f"{title} of {item.group('portfolio').lower()}"))
                position = person.end
    return found


def _owned_by_a_word_before(view: SentenceView, person: Mention) -> bool:
    """"Toyota Chairman Akio Toyoda": a capitalised word before the title, no part of it, names whose it is."""
    start = max((t[1] for t in view.titles if t[2] <= person.start), default=0)
    word = re.search(r"\b[A-Z][\w&-]+\s+$", view.text[:start])
    return bool(word) and not any(t[1] <= word.start() < t[2] for t in view.titles) \
        and not re.fullmatch(r"(?:And|The|Its|His|Her|Their)\s+", word.group())


def _title_of_the_company(view: SentenceView, person: Mention) -> str | None:
    """"X, Chief Operating Officer of the group,": the title, when the company is named only by its noun."""
    after = AFTER_NAME.match(view.text, person.end)
    for _, t_start, t_end in view.titles:
        if after and t_start in (after.end(), after.end() + len(ROLE_QUALIFIER_AHEAD.match(view.text, after.end())
                                                                 .group())) and OF_THE_COMPANY.match(view.text, t_end):
            return _role_text(view, t_start, t_end)
    return None


def visited_country(views: list[SentenceView], pair: tuple[str, str] | None) -> str | None:
    """The country an article's visit goes to ("on an official visit to the Czech Republic", "arrived in
    Prague"): where the officials written bare are at home, when no dateline says where the report is from."""
    if pair is None:
        return None
    for view in views:
        for m in sorted(view.places() + view.cities, key=lambda m: m.start):
            if m.key in pair and VISIT_TO.search(view.text[max(0, m.start - 40):m.start]):
                return m.key
    return None


ACCREDITED_TO = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Hh]igh [Cc]ommissioner|[Ee]mbassy|[Hh]igh [Cc]ommission)"
                           r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?\s+(?:to|in)\s+(?:the\s+)?$")


ENVOY_WORD = r"\b(?:[Aa]mbassador|[Ee]nvoy|[Hh]igh [Cc]ommissioner)\b"
RECEPTION = r"\b(?:[Rr]eceived|[Rr]eceives|[Aa]udience|[Cc]ourtesy call|[Cc]alled on|[Cc]alls on)\b"
ENVOY_RECEIVED = re.compile(ENVOY_WORD + ".*" + RECEPTION + "|" + RECEPTION + ".*" + ENVOY_WORD)


def accredited_country(views: list[SentenceView], pair: tuple[str, str] | None) -> str | None:
    """The country an article's envoy is posted to ("the outgoing Belgian Ambassador to Cameroon", "the
    Belgian Embassy in Yaounde"), in a report of the envoy received by its officials ("received in audience",
    "a courtesy call"), whom it then names bare; every envoy it names must be posted to that same country (an
    interview with an envoy speaks of the leaders of both)."""
    if pair is None or not any(ENVOY_RECEIVED.search(view.text) for view in views):
        return None
    posted = {m.key for view in views for m in view.places() + view.cities
              if m.key in pair and ACCREDITED_TO.search(view.text[max(0, m.start - 60):m.start])}
    return next(iter(posted)) if len(posted) == 1 else None


FRONTED_IN = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?")
MET_BEFORE = re.compile(r"\b(?:met|meets|meeting\s+with|received|receives|held\s+talks\s+with|holds\s+talks\s+with|"
                        r"called\s+on|calls\s+on)\s+(?:with\s+)?(?:the\s+)?(?:" + HONORIFIC + r")?$")


def _met_where_fronted(view: SentenceView, person: Mention, pair: tuple[str, str]) -> str | None:
    """"In San José, in Costa Rica, she met Vice-Minister X": one met in a place the sentence opens with, naming
    no other country or person on the way (not "In Nairobi, President A met Prime Minister B"), is of that place's
    country."""
    lead = FRONTED_IN.match(view.text)
    places = lead and [m for m in view.places() + view.cities if m.end <= person.start and m.key]
    if not places or min(m.start for m in places) != lead.end() or len({m.key for m in places}) != 1 \
            or places[0].key not in pair:
        return None
    if any(m.kind == "Person" and m.end <= person.start for m in view.mentions):
        return None  # "In Nairobi, President A met Prime Minister B": a meeting of two says nothing of B's side
    before_title = re.sub(r"(?:[A-Z][\w-]*\s+){0,3}$", "", view.text[:person.start])  # "she met | Vice-Minister X"
    return places[0].key if MET_BEFORE.search(before_title) else None


def _visitor_from(view: SentenceView, person: Mention, pair: tuple[str, str], host: str | None) -> str | None:
    """"Vice Minister X paid a visit to Oman", "President X's visit to Morocco", "the visit of President X":
    a visitor comes from the other country than the one visited (named after the cue, else the dateline's)."""
    after = VISIT_AFTER.match(view.text, person.end)
    if after:
        cue_end = after.end()
    elif VISIT_BEFORE.search(view.text[:person.start]):
        cue_end = person.end
    else:  # "Minister of Commerce X has hailed trade talks with Bhutan": of the country across the table
        talks = TALKS_WITH.match(view.text, person.end)
        other = talks and next((m.key for m in view.places() if m.start == talks.end() and m.key in pair
                                and m.via == "name"), None)
        return (pair[1] if other == pair[0] else pair[0]) if other else None
    visited = next((m.key for m in sorted(view.places() + view.cities, key=lambda m: m.start)
                    if m.start >= cue_end and m.key in pair  # not "Obama's visit still generates American interest"
                    and VISITED_GAP.fullmatch(view.text, cue_end, m.start)  # nor a city three clauses on
                    and (m.via != "adjective" or re.match(r"\s+capital\b", view.text[m.end:]))), host)
    if visited not in pair:
        return None
    return pair[1] if visited == pair[0] else pair[0]


PLURAL_OF_BEFORE = re.compile(r"s\s+of\s+(?:the\s+)?$")  # how PLURAL_TITLE ends, searched in a short slice
PLURAL_TITLE = re.compile(r"\b(?P<title>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+?)s\s+of\s+(?:the\s+)?$")


NAME = r"[A-Z][\w'’.-]+(?:\s+(?:bin|bint|ibn|al|el|de|da|van|von|der|[A-Z][\w'’.-]+)(?!\w)){1,5}"
NAMES_WITH_COUNTRIES = re.compile(r"\b(?P<title>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+?)s\s+(?:" + HONORIFIC + r")(?P<a>"
                                  + NAME + r")\s*\((?P<ca>[A-Z][^()]{1,30})\)\s*,?\s+and\s+(?:" + HONORIFIC + r")(?P<b>"
                                  + NAME + r")\s*\((?P<cb>[A-Z][^()]{1,30})\)")
COUNTRY_WORDS = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
NAMES_OF_COUNTRIES = re.compile(r"\b(?P<title>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+?)s\s+(?:" + HONORIFIC + r")(?P<a>" + NAME
                                + r")\s+of\s+(?:the\s+)?(?P<ca>" + COUNTRY_WORDS + r")\s*,?\s+and\s+(?:" + HONORIFIC
                                + r")(?P<b>" + NAME + r")\s+of\s+(?:the\s+)?(?P<cb>" + COUNTRY_WORDS + ")")
NAME_PAIR = re.compile(r"\s*,?\s*(?:" + HONORIFIC + r")(?P<a>" + NAME + r")\s+and\s+(?:" + HONORIFIC + r")(?P<b>"
                       + NAME + r")\b")


NAME_PAIR_BEFORE = re.compile(r"(?:^|[\s,;:(])(?:" + HONORIFIC + r")(?P<a>" + NAME + r")\s+and\s+(?:" + HONORIFIC
                              + r")(?P<b>" + NAME + r")\s*,\s*(?:the\s+)?$")


REPRESENTED_BY = re.compile(r"\s+(?:was|were|is|are|will\s+be|has\s+been|had\s+been)\s+represented\s+by\s+"
                            + HONORIFIC)
AND_THEN_BY = re.compile(r"\s+by\s+" + HONORIFIC)  # "...; Grenada by X, Minister for ..."


def represented_by(view: SentenceView, gaz: Gazetteer, facts: list[Fact]) -> list[Fact]:
    """"The Commonwealth of Dominica was represented by Dr X, Minister of Foreign Affairs; Grenada by Y, Minister
    for Trade": the title written beside each name is the country's that the name represents."""
    placed = {f.role("holder").text for f in facts if f.kind == "Position"}
    people = [m for m in view.mentions if m.kind == "Person" and m.text not in placed]
    found = []
    listing = False  # after one "was represented by", "; B by Y" goes on with the same verb
    for country in (m for m in view.places() if m.kind == "Country" and m.via == "name"):
        cue = REPRESENTED_BY.match(view.text, country.end)
        if cue:
            listing = True
        elif listing and re.search(r"[;,]\s*(?:and\s+)?(?:the\s+)?$", view.text[:country.start]):
            cue = AND_THEN_BY.match(view.text, country.end)
        person = cue and next((m for m in people if m.start == cue.end()), None)
        title = person and _bare_title(view, person, gaz)
        if title:
            found.append(make_fact("Position", view, {"holder": person, "affiliation": country}, 0.75,
                                   role=title[1]))
    return found


def _title_ending(words: list[str], gaz: Gazetteer) -> str | None:
    """The longest run of the last words that is a title: "the two Presidents" gives "president"."""
    return next((" ".join(words[i:]).lower() for i in range(len(words))
                 if " ".join(words[i:]).lower() in gaz.titles), None)


def respective_posts(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    """"The Presidents of Peru and Vietnam, X and Y": the titles pair up with the names in order."""
    places = [m for m in view.mentions if m.kind in affiliation_kinds()]
    facts = []
    for first, second in zip(places, places[1:], strict=False):
        if not re.fullmatch(r"\s+and\s+(?:the\s+)?", view.text[first.end:second.start]):
            continue  # the cheap test first: most pairs of places are no "A and B"
        names = NAME_PAIR.match(view.text, second.end)
        if names is None and not PLURAL_OF_BEFORE.search(view.text, max(0, first.start - 12), first.start):
            continue  # the second cheap test: no plural title ends right before the places
        title = PLURAL_TITLE.search(view.text[:first.start])
        if title and names is None:  # "X and Y, the Presidents of A and B, took part"
            names = NAME_PAIR_BEFORE.search(view.text[:title.start()])
        if not title or not names:
            continue
        role = _title_ending(title.group("title").split(), gaz)
        if role is None:
            continue
        for group, place in (("a", first), ("b", second)):
            known = [m for m in view.mentions if (m.start, m.end) == names.span(group)]
            person = known[0] if known else Mention(names.group(group), "Person", view.index, *names.span(group))
            if person.kind == "Person":
                facts.append(make_fact("Position", view, {"holder": person, "affiliation": place}, 0.75, role=role))
    if "and" not in view.text:
        return facts  # both patterns below join two names with "and"; their scan is the costly part
    for match in [*(NAMES_WITH_COUNTRIES.finditer(view.text) if "(" in view.text else ()),  # "X (Kenya) and Y (Poland)"
                  *NAMES_OF_COUNTRIES.finditer(view.text)]:  # "presidents X of Bulgaria and Y of Turkiye"
        role = _title_ending(match.group("title").split(), gaz)
        for name, country in (("a", "ca"), ("b", "cb")):
            place = next((m for m in places if (m.start, m.end) == match.span(country) and m.kind == "Country"), None)
            known = [m for m in view.mentions if (m.start, m.end) == match.span(name)]
            person = known[0] if known else Mention(match.group(name), "Person", view.index, *match.span(name))
            if role and place is not None and person.kind == "Person":
                facts.append(make_fact("Position", view, {"holder": person, "affiliation": place}, 0.75, role=role))
    return facts


# after a country: "Kenyan ministers", "Japan's state counsellors", "the two Peruvian vice-ministers,"
OWNERS_PLURAL_TITLE = re.compile(r"(?:['’]s)?\s+(?P<title>(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+?)(?P<plural>ies|s)\s*,?\s+"
                                 + HONORIFIC + r"(?=[A-Z])")
NEXT_NAME = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def names_after_a_plural_title(view: SentenceView, gaz: Gazetteer) -> list[Fact]:
    """"Kenyan ministers A and B", "China's state counsellors A, B and C": a country's plural title before a
    list of names gives each name the title, of that country."""
    facts = []
    for place in view.places():
        if place.via not in ("adjective", "name"):
            continue
        plural = OWNERS_PLURAL_TITLE.match(view.text, place.end)
        if plural is None or (place.via == "name" and not re.match(r"['’]s", view.text[place.end:])):
            continue  # a country's name owns a title only with its "'s"
        words = plural.group("title").split()
        words[-1] += "y" if plural.group("plural") == "ies" else ""
        role = _title_ending(words, gaz)
        if role is None:
            continue
        people, position = [], plural.end()
        while (person := next((m for m in view.mentions if m.start == position and m.kind == "Person"), None)):
            people.append(person)
            gap = NEXT_NAME.match(view.text, person.end)
            if gap is None:
                break
            position = gap.end() + len(re.match(HONORIFIC, view.text[gap.end():]).group())
        if len(people) > 1:  # a plural title names two people or more; one is some other reading's
            facts += [make_fact("Position", view, {"holder": person, "affiliation": place}, 0.75, role=role)
                      for person in people]
    return facts


def coordinated_posts(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"Crown Prince and Prime Minister X": one person, two posts, one affiliation.  Returns all the
    facts, with a post written as two ("crown prince and prime minister") replaced by both."""
    found = []
    for fact in facts:
        found.append(fact)
        if fact.kind != "Position":
            continue
        view, holder = views[fact.sentence], fact.role("holder")
        if holder.sentence != view.index:
            continue
        both = re.fullmatch(r"(.+?)\s+and\s+(.+)", str(fact.value("role")))
        if both and any(both.group(1) == t or both.group(1).endswith(" " + t) for t in gaz.titles) and any(
                both.group(2).startswith(t) for t in gaz.titles):  # "prime cabinet secretary and cabinet ..."
            found.pop()
            for role in both.groups():  # "X, Crown Prince and Prime Minister of Saudi Arabia"
                found.append(make_fact("Position", view, {"holder": holder, "affiliation": fact.role("affiliation")},
                                       fact.confidence, role=role))
            continue
        after = [t for t in view.titles if t[1] >= holder.end and _role_text(view, t[1], t[2]) == fact.value("role")]
        if after:  # "X, Vietnam's Deputy Prime Minister and Foreign Minister, said": the second post is X's too
            for _, t_start, t_end in view.titles:
                if re.fullmatch(r"\s+and\s+(?:the\s+)?", view.text[after[0][2]:t_start]) and not any(
                        m.kind == "Person" and 0 <= m.start - t_end <= 12 for m in view.mentions):  # "and Minister Y"
                    found.append(make_fact("Position", view, {"holder": holder,
                                                              "affiliation": fact.role("affiliation")},
                                           fact.confidence, role=view.text[t_start:t_end].lower()))
        before = [t for t in view.titles if t[2] <= holder.start
                  and re.fullmatch(r"\s+" + HONORIFIC, view.text[t[2]:holder.start])]
        if not before:
            continue
        joined = [t for t in view.titles if re.fullmatch(r"\s+and\s+", view.text[t[2]:before[-1][1]])]
        for _, t_start, t_end in joined:
            role = _role_text(view, t_start, t_end)
            if role != fact.value("role"):
                found.append(make_fact("Position", view, {"holder": holder, "affiliation": fact.role("affiliation")},
                                       fact.confidence, role=role))
    return found


LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
LINE_BODY_COLON = re.compile(r"\s*(?:\([A-Z][\w&.-]{1,12}\)\s*)?\.?:\s")  # "Mitsui & Co.:", "METI (X):"
LISTED_NAME_GAP = re.compile(r"\s*,?\s*")  # "president, X", "X Director of ..."


def posts_listed_under_a_body(views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """"– Astomos Energy Corporation: president, X, CEO and COO, Y and general manager, Z": in a participants'
    list, the people of a line that opens with a body's name and a colon hold their titles there, and the
    units a title names ("general manager of LNG Group") are that body's.  The facts, with this reading in
    place of a unit's."""
    found, replaced = [], set()
    for view in views:
        item = LIST_ITEM.match(view.text)
        body = item and next((m for m in view.mentions if m.kind in ORGANIZATION_KINDS
                              and not view.text[item.end():m.start].strip()), None)
        colon = body and LINE_BODY_COLON.match(view.text, body.end)
        if not colon:
            continue
        units = {m.text for m in view.mentions if m.start >= colon.end() and m.kind in ORGANIZATION_KINDS}
        held = {f.role("holder").text for f in facts if f.kind == "Position" and f.sentence == view.index
                and f.role("affiliation").text not in units}
        for person in (m for m in view.mentions if m.kind == "Person" and m.start >= colon.end()):
            if person.text in held:
                continue
            before = [t for t in view.titles if t[2] <= person.start and t[1] >= colon.end()
                      and LISTED_NAME_GAP.fullmatch(_without_units(view, t[2], person.start, units))]
            after = [t for t in view.titles if t[1] >= person.end and LISTED_NAME_GAP.fullmatch(view.text, person.end,
                                                                                               t[1])]
            title = _joined_start(view, before[-1][1]) if before else after[0][1] if after else None
            if title is None:
                continue
            end = before[-1][2] if before else after[0][2]
            found.append(make_fact("Position", view, {"holder": person, "affiliation": body}, 0.7,
                                   role=_role_text(view, title, end)))
            replaced.add((view.index, person.text))
    return [f for f in facts if f.kind != "Position" or (f.sentence, f.role("holder").text) not in replaced] + found


def _without_units(view: SentenceView, start: int, end: int, units: set[str]) -> str:
    """The text between a title and a name without the unit the title names: "general manager of LNG Group, "."""
    gap = view.text[start:end]
    for unit in sorted(units, key=len, reverse=True):
        gap = gap.replace(unit, "")
    return re.sub(r"^\s+of\s+(?:the\s+)?", "", gap)


LIST_END_AFTER = re.compile(r"\s*,?\s+(?:and|as\s+well\s+as)\s+(?:" + HONORIFIC + r")?")
LIST_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")  # "A and Minister B" may be the other side's: a list needs commas


def officials_listed_after_one(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"led by Netherlands Minister for Foreign Trade A, Minister of Infrastructure B, and Minister of State C":
    the officials listed straight after one whose country the sentence says, each with a government title and
    no country of their own, serve the same country.  A list, with commas: in "Vietnamese Minister A and
    Minister B" the second may be the other side's."""
    found: list[Fact] = []
    placed = {f.role("holder").text for f in facts if f.kind == "Position"}
    for fact in facts:
        if fact.kind != "Position" or fact.role("affiliation").kind != "Country":
            continue
        view, holder = views[fact.sentence], fact.role("holder")
        if holder.sentence != view.index or _kind_of_role(str(fact.value("role")), gaz) not in ("government",
                                                                                               "diplomatic"):
            continue
        people = sorted((m for m in view.mentions if m.kind == "Person" and m.start > holder.end),
                        key=lambda m: m.start)
        end = holder.end
        for person in people:
            titled = _bare_title(view, person, gaz)
            # the item's first title: "Chief of Staff of the Office of the President Z" is one post
            title_start = min((t[1] for t in view.titles if end <= t[1] and t[2] <= person.start
                               and not re.search(r"[,;]|\b(?:and|said|says|met|with)\b",
                                                 view.text[t[2]:person.start])), default=-1)
            qualifier = ROLE_QUALIFIER.search(view.text[:title_start])  # "Vice Minister for Foreign Affairs B"
            item_start = qualifier.start() if qualifier and title_start >= 0 else title_start
            separator = LIST_COMMA if end == holder.end else LIST_SEPARATOR
            if title_start < end and titled and LIST_END_AFTER.fullmatch(view.text[end:person.start]) \
                    and person.text not in placed and gaz.title_kinds.get(titled[0]) == "government":
                # "..., as well as X, the minister for transport": the list's last item, titled after the name
                found.append(make_fact("Position", view, {"holder": person, "affiliation": fact.role("affiliation")},
                                       0.7, role=titled[1]))
                break
            if title_start < end or not separator.fullmatch(view.text[end:item_start]):
                break
            if titled is None:
                end = person.end  # "Presidential Envoy in charge of X cooperation Y": an item, whoever's post
                continue
            if person.text in placed or gaz.title_kinds.get(titled[0]) != "government":
                break
            last = max(t[1] for t in view.titles if t[2] <= person.start)
            role = titled[1] if last == title_start else _role_text(view, title_start, person.start)
            found.append(make_fact("Position", view, {"holder": person, "affiliation": fact.role("affiliation")},
                                   0.7, role=role))
            placed.add(person.text)
            end = person.end
    return found


MESSAGE_OF = re.compile(r"\b(?:delivered|conveyed|passed on|handed over|handed|read out|brought|extended|"
                        r"transmitted)\s+(?:a\s+|the\s+)?(?:(?:message|letter|greetings)\s+from\s+)?$")
MESSAGE_AFTER = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}(?:message|greetings|letter|invitation|regards|congratulations|"
                           r"wishes)\b")


def envoys_of_their_leaders(views: list[SentenceView], facts: list[Fact], gaz: Gazetteer) -> list[Fact]:
    """"Deputy Prime Minister X delivered President Y's message": an official carries the message of
    their own country's leader, so Y is the head of the country X serves."""
    served = {f.role("holder").text: f.role("affiliation") for f in facts
              if f.kind == "Position" and f.role("affiliation").kind == "Country"}
    placed = {f.role("holder").text for f in facts if f.kind == "Position"}
    found = []
    for view in views:
        people = [m for m in view.mentions if m.kind == "Person"]
        for leader in people:
            titled = _bare_title(view, leader, gaz)
            title = next((t for t in view.titles if 0 <= leader.start - t[2] <= 3), None)
            if titled is None or title is None or same_person(leader.text, placed) \
                    or not MESSAGE_OF.search(view.text[:title[1]]) or not MESSAGE_AFTER.match(view.text, leader.end):
                continue
            carriers = [m for m in people if m.end <= title[1]]
            country = _country_served(carriers[-1], served) if carriers else None
            if country is not None:
                found.append(make_fact("Position", view, {"holder": leader, "affiliation": country}, 0.7,
                                       role=titled[1]))
                placed.add(leader.text)
    return found


def _country_served(person: Mention, served: dict[str, Mention]) -> Mention | None:
    return next((country for name, country in served.items() if same_person(name, {person.text})), None)


def counterparts_across_sentences(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                                  pair_mentions: dict[str, Mention]) -> list[Fact]:
    """"Erdogan said ... with his Senegalese counterpart Macky Sall": the counterpart holds the post that the
    person named before him in the sentence holds anywhere in the article; "his counterpart X", with no
    country, in an article about two countries: the post in the other one."""
    posts: dict[str, str] = {}
    serves: dict[str, str | None] = {}
    for fact in facts:
        if fact.kind == "Position":
            posts.setdefault(fact.role("holder").text, str(fact.value("role")))
            serves.setdefault(fact.role("holder").text, fact.role("affiliation").key)
    found = []
    for view in views:
        for person in (m for m in view.mentions if m.kind == "Person" and not same_person(m.text, set(posts))):
            lead = COUNTERPART.search(view.text[:person.start])
            if not lead:
                continue
            at = lead.start("before") if lead.group("before") else lead.start("after")
            country = next((m for m in view.mentions if m.kind == "Country" and m.start == at), None)
            before = [m for m in view.mentions if m.kind == "Person" and m.end <= lead.start()]
            if not before and view.index > 0:  # "His UAE counterpart, X, agreed.": the one named just before
                before = [m for m in views[view.index - 1].mentions if m.kind == "Person" and m.text in posts]
            held = [posts[h] for m in before[-1:] for h in posts if same_person(m.text, {h})]
            home = next((serves[h] for m in before[-1:] for h in posts if same_person(m.text, {h})), None)
            if country is None and not lead.group("before") and not lead.group("after") and pair and home in pair \
                    and before and before[-1].sentence == view.index and _is_a_subject(view, before[-1]):
                country = pair_mentions.get(pair[1] if home == pair[0] else pair[0])
            if country is not None and held:
                found.append(make_fact("Position", view, {"holder": person, "affiliation": country}, 0.65,
                                       role=held[0]))
    return found


def _is_a_subject(view: SentenceView, person: Mention) -> bool:
    """Whether the name is a clause's subject ("President X arrived ... and met his counterpart Y"), not one
    named on the way ("received by the President of Senegal, X, and met his counterpart Y")."""
    words = view.words
    inside = {i for i, w in enumerate(words) if person.start <= w.start and w.end <= person.end}
    return any(words[i].dep in ("nsubj", "nsubjpass") for i in inside if words[i].head not in inside)


def envoys_of_countries(facts: list[Fact]) -> list[Fact]:
    """"X, Ambassador, Embassy of Canada to Ecuador": an envoy serves the country whose embassy it is."""
    homes = {f.role("organization").text: f.role("country") for f in facts if f.kind == "HomeCountry"}
    result = []
    for fact in facts:
        affiliation = fact.role("affiliation") if fact.kind == "Position" else None
        if affiliation is not None and affiliation.kind == "GovernmentBody" and affiliation.text in homes \
                and ENVOY.match(str(fact.value("role"))) and re.match(r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?"
                                                                     r"(?:Embassy|High Commission|Consulate)",
                                                                     affiliation.text):
            fact = replace(fact, roles=tuple((r, homes[affiliation.text] if r == "affiliation" else m)
                                             for r, m in fact.roles))
        result.append(fact)
    return result


LONE_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}")


def name_line_then_title_line(views: list[SentenceView]) -> list[Fact]:
    """An interview's or a speakers' page's header: a line with a name alone, then "Ambassador, Embassy of
    Canada to Ecuador" on the next."""
    found = []
    for name_line, title_line in zip(views, views[1:], strict=False):
        name = name_line.text.strip(" .")
        people = [m for m in name_line.mentions if m.kind == "Person" and m.text == name]
        if not people and LONE_NAME.fullmatch(name) and not name_line.titles and all(
                m.kind == "Person" for m in name_line.mentions):
            people = [Mention(name, "Person", name_line.index, name_line.text.index(name),
                              name_line.text.index(name) + len(name))]  # on a line alone the NER misses or cuts a name
        if len(people) != 1 or not title_line.titles:
            continue
        _, t_start, t_end = title_line.titles[0]
        if title_line.text[:t_start].strip():
            continue
        comma = re.match(r"\s*,\s*(?:the\s+)?", title_line.text[t_end:])
        owner = next((m for m in title_line.mentions if comma and m.start == t_end + comma.end()
                      and m.kind in affiliation_kinds()), None)
        if owner is not None:
            found.append(make_fact("Position", name_line, {"holder": people[0], "affiliation": owner}, 0.75,
                                   role=_role_text(title_line, t_start, t_end)))
    return found

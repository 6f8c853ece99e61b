"""Memberships of countries in groups: "Canada's leadership in the G7", "EFTA, made up of ...",
checked against the known membership of stable groups."""

from __future__ import annotations

import re

from diplograph.graph.extract.reading import DocumentContext, SentenceView, make_fact, run_after, run_before
from diplograph.graph.extract.vocabulary import NEGATION_WORDS, TWO_COUNTRIES
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph.model import Fact, Mention

MEMBERSHIP_CUE = re.compile(
    r"\b(?:members?(?:\s+states?)?|partner\s+states|membership|signator(?:y|ies)|chairmanship|presidency|chair|leadership|seat|joined|"
    r"accession|acceded|chairs|chaired|chairing|belongs?\s+to|belonged\s+to|belonging\s+to|which groups|"
    r"which includes|which brings together|comprising|(?:is|are|was|were|has been|have been)\s+(?:also\s+)?part\s+of|"
    r"(?:largest|biggest|smallest|second-largest)\s+economy\s+(?:in|of))\b", re.IGNORECASE)
NOT_A_MEMBER = re.compile(r"\b(" + NEGATION_WORDS + r"|left|withdrew|withdrawn|suspended|observer|applied|"
                          r"candidate|seeks?|seeking|bid|talks|aspir\w+|hopes?|wants?|would|could|invit\w+)\b",
                          re.IGNORECASE)
LISTING_CUE = re.compile(  # what may stand between a group and the list of its members
    r"^(?:\s*\([A-Z][\w&+-]{1,11}\))?"  # "the Gulf Cooperation Council (GCC), made up of ..."
    # "BRICS, set up in 2006, is made up of ...": when it was founded, said on the way
    r"(?:\s*,\s*(?:which\s+was\s+)?(?:set\s+up|founded|established|created|formed|launched)\s+in\s+\d{4}\s*,)?"
    r"(?:\s+(?:bloc|group|grouping|alliance|union|organi[sz]ation|forum|partnership|community))?"  # "the ASEAN bloc"
    r"(?:['’]s\s+(?:\w+\s+)?members?\s*[,:—–]\s*|\s+member\s+(?:states|countries)\s+(?:are|include)\s+|"
    r"\s+(?:comprises|groups|includes|unites|brings together|consists of|is made up of)\s+|"
    r"\s*[,—–―-]?\s*(?:which|that)\s+(?:also\s+)?(?:groups|includes|comprises|brings together|unites|consists of|"
    r"is made up of|encompasses|takes in|counts)\s+|"
    r",?\s*(?:made up of|consisting of|composed of|comprising|whose members are|whose member states are|"
    r"grouping|(?:an?\s+)?(?:grouping|group|bloc|alliance|union)\s+of)\s+|"
    r"\s+(?:is|was)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,6}?(?:platform|grouping|group|bloc|alliance|forum|"
    r"organi[sz]ation|partnership|union|community|association|mechanism|format)\s+(?:grouping|of|comprising|"
    r"made up of|that brings together|bringing together|which groups|linking|uniting|that includes)\s+|"
    r",\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:bloc|group|grouping|alliance|union|organi[sz]ation|forum|"
    r"partnership|community)\s+(?:that|which)\s+(?:also\s+)?(?:includes|groups|comprises|brings together|unites)\s+|"
    r"\s*\(|(?:\s+\w+){0,2}\s+(?:countries|states|members|nations|economies)\s*(?:[:—–]|--)\s*)",
    re.IGNORECASE)
MEMBERS_LISTED_LATER = re.compile(r"\b(?:its\s+|their\s+)?(?:founding\s+)?member\s+(?:countries|states|nations|"
                                  r"economies)\s*(?:--|[:—–])\s*", re.IGNORECASE)
FOUNDED_IN_BY = re.compile(r"\s+(?:was|were)\s+(?:founded|established|set up|created|formed|launched)"
                           r"(?:\s+(?:in|on)\s+[\w\s,]{1,30}?)?\s+by\s+(?:the\s+)?", re.IGNORECASE)
FOUNDERS_OF = re.compile(r"\bfounding\s+(?:fathers|members|states|nations|countries)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
FOUNDED_BY = re.compile(r"\s+(?:form|formed|make up|made up|founded|established|set up|created|co-founded)\s+"
                        r"(?:the\s+)?$", re.IGNORECASE)


def memberships(view: SentenceView, gaz: Gazetteer, context: DocumentContext | None = None) -> list[Fact]:
    """A country's membership of a group, stated as a possessive ("Canada's leadership in the G7",
    "India's G20 presidency"), an apposition ("Tajikistan, a founding member of the SCO", "Chile and
    Peru, both APEC economies"), a subject ("Brazil and China are both members of BRICS", "both
    countries are members of the SCO") or a listing ("the GCC, which groups Qatar, Oman ...", "the
    EFTA states Norway, Iceland ...", "As members of the OTS, Turkey and Azerbaijan ...")."""
    facts = []
    context = context or DocumentContext()
    for group in (m for m in view.mentions if m.kind == "InternationalOrganization"):
        members = _members_of(view, group, context)
        members += [m for m in _the_groups_own_members(view, group) if m.key not in {n.key for n in members}]
        if len(members) == 1 and FELLOW_MEMBER.search(view.text[:group.start]) and context.main_pair \
                and members[0].key in context.main_pair:
            # "the visit of Oman's Sultan to the UAE, a fellow member of the GCC": both are members
            members += [m for m in view.places() if m.key in context.main_pair and m.key != members[0].key][:1]
        for member in members:
            facts.append(make_fact("Membership", view, {"member": member, "group": group}, 0.75))
    facts += _members_of_the_group_named_before(view, context.last_group)
    return [f for f in facts if _plausible_membership(f, gaz)]


FELLOW_MEMBER = re.compile(r"\bfellow\s+members?\s+(?:states?\s+)?of\s+(?:the\s+)?$")
GROUP_ANAPHOR = re.compile(r"\b(?P<verb>joined|became a (?:full |founding )?member of|"
                           r",\s+(?:a|an)\s+(?:fellow\s+)?(?:full\s+|founding\s+)?member\s+of|"  # "Vietnam, a fellow"
                           r"is a (?:full |founding )?member of|"
                           r"acceded to)\s+the\s+(?:association|organi[sz]ation|bloc|group|alliance|forum|union|"
                           r"grouping)\b|"
                           # "South Africa joined the following year", "A, B and C became full members"
                           r"\b(?P<plain>joined(?=\s+(?:in\s+\d{4}|the following year|a year later|later|"
                           r"the same year)\b)|(?:became|have become|has become)\s+(?:full\s+|new\s+)?members\b"
                           r"(?!\s+of))", re.IGNORECASE)
FOLLOWED_BY = re.compile(r"(?:\s+in\s+\d{4})?\s*,\s*followed\s+by\s+")


def _members_of_the_group_named_before(view: SentenceView, last_group: Mention | None) -> list[Fact]:
    """"Vietnam joined the association in 1995": the group named last, in this sentence or before."""
    facts = []
    for match in GROUP_ANAPHOR.finditer(view.text):
        named = [m for m in view.mentions if m.kind == "InternationalOrganization" and m.end <= match.start()]
        group = named[-1] if named else last_group
        subject = [m for m in view.places() if m.end <= match.start()]
        between = view.text[subject[-1].end:match.start()] if subject else ""
        if group is None or not subject or not re.fullmatch(
                r"\s+(?:has\s+|have\s+|also\s+|formally\s+|officially\s+)*", between) and not (
                between == "" and match.group().startswith(",")):  # "Vietnam, a fellow member of the bloc"
            continue
        members = run_before(view, subject, subject[-1].end) if match.group("plain") else subject[-1:]
        facts += [make_fact("Membership", view, {"member": m, "group": group}, 0.65) for m in members]
    return facts + _followed_by(view) + _joins_the_members(view, last_group) + \
        _new_members_listed(view, last_group) + _chair_handed_over(view, last_group)


CHAIR_FROM = re.compile(r"\b(?:take|takes|took|taken|taking)\s+over\s+(?:the\s+)?(?P<whose>[^.;]{0,60}?)"
                        r"\b(?:chairmanship|presidency|chair)\b(?P<of>[^.;]{0,60}?)\s+from\s+(?:the\s+)?")
THE_GROUPS = re.compile(r"\b(?:organi[sz]ation|group|grouping|bloc|alliance|union|community|association)['’]s\s")


def _chair_handed_over(view: SentenceView, last_group: Mention | None) -> list[Fact]:
    """"Kazakhstan will take over the bloc's rotating chairmanship from Uzbekistan": the chair passes between
    two members, of the group named in the phrase or, for "the bloc's", the one named before."""
    facts = []
    for cue in CHAIR_FROM.finditer(view.text):
        named = [m for m in view.mentions if m.kind == "InternationalOrganization"
                 and cue.start("whose") <= m.start < cue.end("of")]
        group = named[0] if named else last_group if THE_GROUPS.search(cue.group("whose")) else None
        giver = next((m for m in view.places() if m.kind == "Country" and m.start == cue.end()), None)
        taker = [m for m in view.places() if m.kind == "Country" and m.end <= cue.start()][-1:]
        if group is None or giver is None or NOT_A_MEMBER.search(view.text[:cue.start()]):
            continue
        facts += [make_fact("Membership", view, {"member": m, "group": group}, 0.65) for m in [*taker, giver]]
    return facts


NEW_MEMBERS = re.compile(r"\b(?:the\s+)?(?:new|newest|founding|full)\s+members?\s*[,:—–]?\s*")
HAVE_JOINED = re.compile(r"\s*,?\s+(?:have|has|had)\s+(?:also\s+|since\s+|now\s+)?(?:joined|become\s+members)\b|"
                         r"\s*,?\s+(?:joined|became\s+members)\b")


def _new_members_listed(view: SentenceView, last_group: Mention | None) -> list[Fact]:
    """"BRICS is made up of A, B and C. Since 2024, the new members D, E and F have joined.": the countries a
    sentence lists after "new members", with a verb of joining, are members of the group it names, or else of the
    one named before."""
    groups = [m for m in view.mentions if m.kind == "InternationalOrganization"]
    group = groups[-1] if groups else last_group
    if group is None:
        return []
    countries = [m for m in view.places() if m.kind == "Country"]
    for cue in NEW_MEMBERS.finditer(view.text):
        run = run_after(view, countries, cue.end())
        if run and HAVE_JOINED.match(view.text, run[-1].end) and not NOT_A_MEMBER.search(view.text[:cue.start()]):
            return [make_fact("Membership", view, {"member": m, "group": group}, 0.65) for m in run]
    return []


JOINS_MEMBERS = re.compile(r"\s+(?:formally\s+|officially\s+)?(?:joins|joined|will join)\s+(?:the\s+)?")


def _joins_the_members(view: SentenceView, last_group: Mention | None) -> list[Fact]:
    """"Somalia joins Burundi, Kenya, Rwanda and Uganda.": after a sentence about a group, a country joining a
    list of countries joins them in it, and they are its members."""
    if last_group is None or any(m.kind == "InternationalOrganization" for m in view.mentions):
        return []
    countries = [m for m in view.places() if m.kind == "Country"]
    for subject in countries:
        joins = JOINS_MEMBERS.match(view.text, subject.end)
        if not joins:
            continue
        run = run_after(view, countries, joins.end())
        if len(run) >= 2 and re.match(r"\s*(?:[.;]|$|(?:as|in)\s+(?:the\s+)?(?:bloc|group|grouping|community|"
                                      r"union|organi[sz]ation|members?)\b)", view.text[run[-1].end:]):
            return [make_fact("Membership", view, {"member": m, "group": last_group}, 0.65)
                    for m in [subject, *run]]
    return []


def _followed_by(view: SentenceView) -> list[Fact]:
    """"Brunei joined ASEAN in 1984, followed by Vietnam in 1995, Laos and Myanmar in 1997": the ones that
    followed joined the same group."""
    facts = []
    for group in (m for m in view.mentions if m.kind == "InternationalOrganization"):
        joined = re.search(r"\bjoined\s+(?:the\s+)?$", view.text[:group.start])
        after = FOLLOWED_BY.match(view.text, group.end)
        if not joined or not after:
            continue
        end = _clause_end(view.text, after.end())
        facts += [make_fact("Membership", view, {"member": m, "group": group}, 0.65)
                  for m in view.places() if after.end() <= m.start < end]
    return facts


GROUP_NOUN_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w-]*)*\s+(?P<noun>member states?|member countries|member economies|"
    r"members|member|partner states|presidency|chairmanship|chair|summit host|ally|allies|states|countries|country|"
    r"nations|economies|partners)\b", re.IGNORECASE)
MEMBER_NOUN = re.compile(r"member|all(?:y|ies)|states|countries|nations|economies|partners", re.IGNORECASE)
MEMBERS_OF = r"(?:members?\s+of|signatories\s+(?:to|of)|parties\s+to)"  # "signatories to the CPTPP"
PAIR_SUBJECT = re.compile(r"(?:^\s*[Bb]oth|\b(?:(?:" + TWO_COUNTRIES + r")|"
                          r"(?:that|,|;|and)\s+both(?:\s+[a-z-]+){0,6}?))\s*"
                          r"(?:\s(?:are|were|have been|became|remain)\s+|,\s*(?=both\b|fellow\b))(?:also\s+)?"
                          # "signatories to A and members of B": the second group too
                          r"(?:both\s+)?(?:fellow\s+)?(?:founding\s+)?" + MEMBERS_OF + r"\s+(?:the\s+)?"
                          r"(?:[^.;]{1,150}?\s+and\s+(?:also\s+)?" + MEMBERS_OF + r"\s+(?:the\s+)?)?"
                          r"(?:[A-Z][\w-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w-]*)*\s*(?:,|and)\s+(?:of\s+)?(?:the\s+)?)*$",
                          re.IGNORECASE)

# "As the two smallest members of Asean, we ...": the article's two countries
THE_TWO_MEMBERS_OF = re.compile(r"\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:[a-z-]+\s+){0,2}?(?:founding\s+)?members\s+of\s+"
                                r"(?:the\s+)?$")
# "collaborations between the two countries in several multilateral fora, including the UN and the Commonwealth"
FORA_OF_THE_PAIR = re.compile(r"\b(?:collaborations?|cooperation|coordination|work(?:ing)?\s+together)\s+in\s+"
                              r"(?:several\s+|various\s+|many\s+)?(?:multilateral|international|regional)\s+"
                              r"(?:fora|forums|organi[sz]ations|bodies|platforms)\s*,?\s*(?:including|such\s+as|"
                              r"like|notably)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*\s*(?:,|and|,\s*and)\s+(?:the\s+)?)*$")
ALONG_WITH_SUBJECT = re.compile(r",\s*(?:along|together)\s+with\s+(?P<others>[^,;]{2,80}),\s+(?:is|was|has been|became|"
                                r"remains)\s+(?:also\s+)?(?:an?\s+)?(?:founding\s+|full\s+)?$")
PAIR_BELONGS = re.compile(r"(?:^\s*[Bb]oth|\b(?:" + TWO_COUNTRIES + r"))\s+(?:also\s+|both\s+)?(?:belong|belonged)\s+"
                          r"to\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w-]*)*\s*(?:,|and)\s+"
                          r"(?:the\s+)?)*$", re.IGNORECASE)  # "Both countries belong to the UfM"
PARTNERS_IN = re.compile(r"(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*,\s*(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+"
                         r"(?:fellow\s+)?partners?\s+(?:in|within)\s+(?:the\s+)?$")
# "the leaders of the Asean member states", "those of the six GCC countries": all of them, named by their group
STATES_OF_THE_GROUP = re.compile(r"\b(?:of|with|among|between)\s+(?:all\s+)?the\s+(?:other\s+)?(?:\w+\s+)?$")
STATES_AFTER = re.compile(r"\s+(?:member\s+)?(?:states|countries|nations|economies)\b(?!\s*(?:[:—–]|--|,?\s*"
                          r"(?:including|such as|namely)))")
WITHIN_GROUP = re.compile(r"\b(?:within|in)\s+(?:the\s+)?(?:framework|frameworks|format)\s+of\s+(?:the\s+)?"
                          r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|and)\s+(?:the\s+)?)*$")
# "Poland and Norway are strong partners in NATO and in the EEA"
ARE_PARTNERS_IN = re.compile(r"\s+(?:are|were|remain)\s+(?:also\s+)?(?:[a-z]+\s+){0,2}?(?:partners|allies)\s+"
                             r"(?:in|within)\s+(?:the\s+)?(?:[A-Z][\w&+-]*(?:\s+[A-Z][\w&+-]*)*(?:\s*\([A-Z]+\))?\s*(?:,\s*|\s+and\s+)"
                             r"(?:in\s+)?(?:the\s+)?)*$")
# "South Africa alone sits in the G20 and in the BRICS group ... alongside Brazil, Russia, India and China"
ALONGSIDE = re.compile(r"[^.;,]{0,60}?\balongside\s+(?:the\s+)?")
SIT_IN = re.compile(r"\b(?:sit|sits|sat)\s+(?:together\s+)?(?:in|on|at)\s+(?:the\s+)?"
                    r"(?:[A-Z][^.;]{0,80}?(?:,|\band)\s+(?:in\s+|on\s+)?(?:the\s+)?)*$")
WHOSE_LARGEST = re.compile(r"\s*,\s*whose\s+(?:largest|biggest)\s+(?:economy|member)\s+is\s+(?:the\s+)?")
# ", as members of APEC, G20, OECD and": the groups after the clause of a subject of two countries
AS_MEMBERS_AFTER = re.compile(r",\s*(?:both\s+)?as\s+(?:fellow\s+)?(?:founding\s+)?members\s+of\s+(?:the\s+)?"
                              r"(?:[A-Z][\w&+-]*(?:\s+[A-Z][\w&+-]*)*\s*(?:,\s*|\s+and\s+)(?:the\s+)?)*$")
THEIR_PARTNERS_IN = re.compile(r",\s+(?:its|their)\s+(?:fellow\s+)?partners?\s+in\s+(?:the\s+)?$")
OF_WHICH = re.compile(r"(?:\s*\([A-Z][\w&+-]{1,11}\))?\s*,\s*(?:of\s+which|where|in\s+which|to\s+which)\s+")
OF_WHICH_VERB = r"\s+(?:is|are|was|were|has been|have been|became|has become|have become)\s+(?:also\s+|both\s+)?" \
    r"(?:an?\s+)?(?:full\s+|founding\s+)?members?\b|\s+(?:also\s+)?belongs?\b"
PAIR_REFERENCE = re.compile(r"\b(?:" + TWO_COUNTRIES + r")\b", re.IGNORECASE)


def _members_of(view: SentenceView, group: Mention, context: DocumentContext) -> list[Mention]:
    text = view.text
    clause_start = max(text.rfind(";", 0, group.start), text.rfind(":", 0, group.start), 0)
    countries = [m for m in view.places() if m.kind == "Country"]
    listing = LISTING_CUE.match(text[group.end:])
    if listing:
        end = _clause_end(text, group.end + listing.end())
        if listing.group().rstrip().endswith("("):
            end = text.find(")", group.end) if ")" in text[group.end:] else end
        listed = [m for m in countries if group.end + listing.end() <= m.start <= end]
        holder = [m for m in countries if clause_start <= m.start and m.end <= group.start and m.via != "adjective"
                  and MEMBERSHIP_CUE.search(text, m.end, group.start)]  # not "French exports"
        if listed and re.search(r"\balso\b", listing.group()) and holder:
            return holder[-1:] + listed  # "Mali will hold the presidency of X, which also includes A and B"
        if listed or not listing.group().rstrip().endswith("("):
            return listed  # "(SCO)" holds no members: read on
    listed_later = MEMBERS_LISTED_LATER.search(text, group.end)
    if listed_later and not any(group.end <= m.start < listed_later.start() for m in view.mentions
                                if m.kind == "InternationalOrganization"):
        # "the BRICS summit, attended by the leaders of all five member countries -- Brazil, Russia, ..."
        run = run_after(view, countries, listed_later.end())
        if len(run) >= 2:
            return run
    if re.search(r"\bmembers?(?:\s+states)?\s+of\s+(?:the\s+)?$", text[:group.start], re.IGNORECASE) and \
            re.match(r"\s+(?:include|includes|are)\s+", text[group.end:]):  # "Members of ASEAN include A, B"
        return run_after(view, countries, group.end + re.match(r"\s+\w+\s+", text[group.end:]).end())
    founded_by = FOUNDED_IN_BY.match(text, group.end)  # "BRICS was founded in 2009 by Brazil, Russia, ..."
    if founded_by:
        return run_after(view, countries, founded_by.end())
    if FOUNDERS_OF.search(text[:group.start]) and re.match(r"\s*[:—–]", text[group.end:]):
        # "signed by the Founding Fathers of ASEAN: Indonesia, Malaysia, ..."
        return run_after(view, countries, group.end + re.match(r"\s*[:—–]", text[group.end:]).end())
    founders = FOUNDED_BY.search(text[:group.start])
    if founders:  # "Norway, Iceland, Liechtenstein and Switzerland form EFTA"
        run = run_before(view, countries, founders.start())
        along = re.search(r",?\s*(?:along|together)\s+with\s+$", text[:run[0].start]) if run else None
        if along:  # "Chile and Peru, along with Colombia and Mexico, form the Pacific Alliance"
            run = run_before(view, countries, along.start()) + run
        one_of = [m for m in countries if m.end <= founders.start() and re.fullmatch(
            r"\s+(?:is|was)\s+(?:one|among)\s+(?:of\s+)?the\s+(?:[\w-]+\s+){0,2}(?:that|which|who)",
            text[m.end:founders.start()])]  # "Malaysia is one of the five states that founded ASEAN"
        return run or one_of[-1:]
    if WITHIN_GROUP.search(text[:group.start]) and PAIR_REFERENCE.search(text[clause_start:group.start]) \
            and context.main_pair:  # "the two countries cooperate within the framework of the UN and the SCO"
        return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    # read before any cue: "cooperation within A and B, of which both countries are members"
    if re.search(r"\b(?:of which|where|in which)\s+(?:both|the two)\s+(?:countries|sides|nations)\s+are\s+"
                 r"(?:also\s+)?members",
                 text[group.end:]):
        if len(view.countries()) == 2:
            return list({m.key: m for m in countries}.values())
        if context.main_pair:  # the two countries the article is about
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        return []
    whose = WHOSE_LARGEST.match(text, group.end)  # "the European Union, whose largest economy is Germany"
    if whose:
        return run_after(view, countries, whose.end())[:1]
    trailing = AS_MEMBERS_AFTER.search(text[clause_start:group.start])
    if trailing:  # "Korea and Mexico keep a close relationship, as members of APEC, G20, OECD and MIKTA"
        subject = [m for m in countries if clause_start <= m.start < clause_start + trailing.start()]
        run = run_after(view, countries, subject[0].start) if subject else []
        if len(run) >= 2 and not re.search(r"[,;]", text[run[-1].end:clause_start + trailing.start()].rstrip(",")):
            return run
        if PAIR_REFERENCE.search(text[clause_start:clause_start + trailing.start()]) and context.main_pair:
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    partners_of = THEIR_PARTNERS_IN.search(text[:group.start])
    if partners_of:  # "Tanzania's railways will join those of Uganda and Rwanda, its partners in the EAC"
        run = run_before(view, [m for m in countries if m.end <= partners_of.start()], partners_of.start())
        owner = [m for m in countries if run and m.end <= run[0].start and re.match(r"['’]s\b", text[m.end:])]
        return (owner[:1] + run) if run else []
    of_which = OF_WHICH.match(text, group.end)  # "the European Union, of which Sweden is a member state"
    if of_which:
        named = run_after(view, countries, of_which.end())
        if named and re.match(OF_WHICH_VERB, text[named[-1].end:]):
            return named
    partners_in = ARE_PARTNERS_IN.search(text, 0, group.start)
    if partners_in and partners_in.end() == group.start:
        named = run_before(view, [m for m in countries if m.end <= partners_in.start()], partners_in.start())
        if len(named) >= 2:
            return named
    sits = SIT_IN.search(text[:group.start])
    if sits:  # "Indonesia and Mexico ... also sit together in APEC and FEALAC"
        subject = [m for m in countries if clause_start <= m.start and m.end <= sits.start()]
        named = run_before(view, subject, subject[-1].end) if subject else []
        if len(named) >= 2:
            return named
        if subject and re.fullmatch(r"\s+(?:alone\s+|also\s+|now\s+|still\s+)*", text[subject[-1].end:sits.start()]):
            alongside = ALONGSIDE.match(text, group.end)  # "South Africa alone sits in the G20"
            if alongside and any(m.kind == "InternationalOrganization" and group.end < m.start < alongside.end()
                                 for m in view.mentions):
                alongside = None  # "... in the G20 and in the BRICS group alongside A, B": the last group's
            return subject[-1:] + (run_after(view, countries, alongside.end()) if alongside else [])
        if PAIR_REFERENCE.search(text[clause_start:sits.start()]) and context.main_pair:
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    if FORA_OF_THE_PAIR.search(text[:group.start]) and PAIR_REFERENCE.search(text) and context.main_pair:
        return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    partners = PARTNERS_IN.search(text[:group.start])
    if partners:  # "Paraguay, Brazil's partner in the Mercosur bloc": both
        return [m for m in countries if m.start in (partners.start("a"), partners.start("b"))]
    groups = [m.text for m in view.mentions if m.kind == "InternationalOrganization"]
    cue = _membership_cue(text, group, clause_start, groups)
    if cue is None:
        return []
    cue_start, cue_end = cue
    if NOT_A_MEMBER.search(text[max(clause_start, cue_start - 40):group.start]):
        return []
    if (PAIR_SUBJECT.search(text[:group.start]) or PAIR_BELONGS.search(text[:group.start])
            or THE_TWO_MEMBERS_OF.search(text[:group.start])) and context.main_pair:
        return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
    if cue_start == group.end and MEMBER_NOUN.search(text[cue_start:cue_end]):
        # "NATO ally Poland", "the fellow BRICS members, Brazil and India", "the EFTA states Norway, ..."
        named = run_after(view, countries, cue_end)
        if named:
            return named
        if re.search(r"\b(?:[Tt]he two|[Bb]oth)\s+$", text[:group.start]) and context.main_pair and re.match(
                r"\s+(?:members|member states|member countries|partner states|economies|nations)\b",
                text[group.end:]):
            # "the two ASEAN members": the article's two countries
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        known = load_gazetteer().known.get(group.key or "")
        if STATES_OF_THE_GROUP.search(text[:group.start]) and STATES_AFTER.match(text, group.end) \
                and context.main_pair and known is not None and known.members:
            # "the leaders of the Asean member states", "the six GCC countries": the group's members, among them
            # whichever of the article's two countries the group is known to hold (see _plausible_membership)
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        if re.search(r"\b[Aa]s\s+(?:fellow\s+)?$", text[:group.start]) and context.main_pair and re.match(
                r"\s*,\s*(?:" + TWO_COUNTRIES + r")\b", text[cue_end:], re.IGNORECASE):
            # "As fellow APEC economies, the two countries ..."
            return [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        # "Chile and Peru, both APEC economies", "Canada, a G7 member, and ..."
        apposed = re.search(r",\s*(?:a|an|both|fellow|as|two|all)\s+(?:fellow\s+)?(?:(?:the|its)\s+)?"
                            r"(?:[A-Z][\w-]*\s+(?:and|or)\s+)*$", text[:group.start])
        if apposed:
            return run_before(view, countries, apposed.start())
    if re.match(r"\s*,\s*(?:including|such as|namely|like)\s", text[group.end:]) and \
            re.search(r"member", text[cue_start:cue_end], re.IGNORECASE):
        # "the member states of the GCC, including Qatar and Oman"
        return run_after(view, countries, group.end + re.match(r"\s*,\s*\w+(?:\s+as)?", text[group.end:]).end())
    groups_then_comma = re.match(r"(?:\s*,?\s+and\s+(?:the\s+)?[A-Z][\w-]*)*\s*,", text[group.end:])
    if re.match(r"\s*(?:as\s+(?:an?\s+)?(?:fellow\s+)?(?:founding\s+)?members?|"
                r"among\s+(?:the\s+)?member\s+(?:states|countries))\b",
                text[clause_start:cue_end], re.IGNORECASE) and groups_then_comma:
        # "As members of the OTS, Turkey and Azerbaijan coordinate ...", "As fellow members of APEC and the
        # CPTPP, the two countries ..."
        named = run_after(view, countries, group.end + groups_then_comma.end())
        if not named and context.main_pair and re.match(r"\s*(?:" + TWO_COUNTRIES + r")\b",
                                                        text[group.end + groups_then_comma.end():], re.IGNORECASE):
            named = [context.pair_mentions[k] for k in context.main_pair if k in context.pair_mentions]
        return named
    before = min(cue_start, group.start)
    owner = next((m for m in reversed(countries) if m.end <= before and before - m.end <= 30
                  and re.match(r"['’]s\b", text[m.end:])), None)
    if owner:
        return [owner]
    subject = [m for m in countries if clause_start <= m.start and m.end <= before]
    if not subject:
        return []
    along = ALONG_WITH_SUBJECT.search(text, clause_start, before)
    if along:  # "Kazakhstan, along with Russia and Belarus, is a founding member of the EAEU"
        head = run_before(view, [m for m in subject if m.end <= along.start()], along.start())
        return head + [m for m in subject if along.start("others") <= m.start and m.end <= along.end("others")]
    gap = re.sub(r"^\s*,[^,]{1,25},", "", text[subject[-1].end:before])  # ", by contrast, became"
    if re.search(r"\b(said|says|with|for|to|from|by|than)\b", gap) and not re.match(r"\s*,", gap):
        return []
    plural = re.search(r"members|joined", text[cue_start:cue_end], re.IGNORECASE)
    if re.search(r"\b(?:both|fellow|all)\b", gap) or re.match(r"\s*,?\s*(?:and|are)\b", text[subject[-1].end:]) \
            or (plural and re.fullmatch(r"\s*,\s*|\s+(?:(?:have|had|formally|officially|also|became|become|"
                                        r"have become|are|were|full|new|founding)\s+)*", gap)):
        return run_before(view, subject, subject[-1].end)  # "Egypt and Ethiopia joined BRICS"
    if TAKES_THE_CHAIR.fullmatch(gap) and re.match(r"presidency|chairmanship|chair\b", text[cue_start:cue_end],
                                                    re.IGNORECASE):
        return [subject[-1]]  # "Mali takes over the presidency of the Confederation of Sahel States"
    if re.match(r"\s*(?:,\s*(?:a|an|the|which|one of|itself|also)\b|" + WHEN + r"\s+(?:is|was|became|has been|"
                r"has become|have become|becomes|joined|remains|holds|acceded))", gap) or re.fullmatch(
                    r"\s+as\s+(?:a|an|its)\s+(?:new\s+|full\s+)?", gap):
        return [subject[-1]]  # "..., a member of", "welcomed Peru as a new member of the CPTPP"
    if re.fullmatch(r"\s+(?:has\s+|have\s+|formally\s+|officially\s+|finally\s+|currently\s+|now\s+|also\s+)*",
                    gap) and \
            re.match(r"joined|acceded|chair|belong|(?:is|are|was|were|has been|have been)\s+(?:also\s+)?part",
                     text[cue_start:cue_end], re.IGNORECASE):
        return [subject[-1]]  # "Uzbekistan joined the WTO"
    return []


TAKES_THE_CHAIR = re.compile(r"\s+(?:will\s+|has\s+|have\s+|is\s+to\s+|is\s+set\s+to\s+)?(?:takes?\s+over|took\s+over|"
                             r"taken\s+over|taking\s+over|holds?|held|assumes?|assumed|assuming)\s+(?:the\s+)?"
                             r"(?:rotating\s+|annual\s+|current\s+|pro\s+tempore\s+)?")
# "X became a member of the Turkic Council, joining the organisation's four founders, A, B, C and D"
# "..., which seeks to mobilise the potential of its members, including A, B and C"
GROUPS_OWN_MEMBERS = re.compile(r"\b(?:(?:the\s+)?(?:organi[sz]ation|group|grouping|bloc|alliance|union|council|"
                                r"association|community)['’]s|its)\s+(?:(?:two|three|four|five|six|seven|eight|nine|"
                                r"ten|\d+|other|fellow|original)\s+)*(?:founders|founding\s+(?:members|states)|members|"
                                r"member\s+(?:states|countries))\s*[,:—–-]?\s*")


def _the_groups_own_members(view: SentenceView, group: Mention) -> list[Mention]:
    """The countries a sentence lists as the group's own after naming it ("joining the organisation's four
    founders, A, B, C and D"), besides whichever country it says joined."""
    own = GROUPS_OWN_MEMBERS.search(view.text, group.end)
    if own is None or any(m.kind == "InternationalOrganization" and group.end < m.start < own.start()
                          for m in view.mentions):
        return []  # another group named between: the possessive is that one's
    return run_after(view, [m for m in view.places() if m.kind == "Country"], own.end())


WHEN = r"(?:\s+(?:on|in|last|this|earlier|finally|officially|formally)\s+\w+|\s+yesterday|\s+today)?"


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



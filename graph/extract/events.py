"""Meetings and agreements: "X met Y in Astana on 7 September", "A and B signed a memorandum on energy"."""

from __future__ import annotations

import re

from diplograph.graph.extract.reading import SentenceView, make_fact
from diplograph.graph.extract.vocabulary import MONTH, NEGATION_WORDS, WEEKDAY
from diplograph.graph.model import ORGANIZATION_KINDS, Fact, Mention

MEETING_CUE = re.compile(r"\b(met|meets|meetings?|talks|held (?:talks|consultations|a meeting)|consultations|"
                         r"received|hosted|visit(?:ed)?|forum|summit|round ?table|conference)\b", re.IGNORECASE)
ORGANISED_BY = re.compile(r"\b(?:organi[sz]ed|hosted|convened|co-chaired|chaired) by\s+(?:the\s+)?$", re.IGNORECASE)
SIGNED = re.compile(r"\b(?:signed|concluded|inked|exchanged)\b[^.;]{0,60}?\b(?P<kind>memorand(?:um|a) of understanding|"
                    r"memorand(?:um|a)|mou|agreements?|deals?|contracts?|protocols?|treaty|roadmap|declaration)\b",
                    re.IGNORECASE)
DATE = re.compile(r"\bon\s+(\d{1,2}\s+" + MONTH + r"(?:\s+\d{4})?|" + MONTH + r"\s+\d{1,2}(?:,\s+\d{4})?|"
                  + WEEKDAY + r")\b")


def meetings(view: SentenceView) -> list[Fact]:
    """A meeting needs a word of meeting and its organiser ("organised by X") or at least two people
    (or, failing people, two countries or organisations); negated or planned ones are left out."""
    cue = MEETING_CUE.search(view.text)
    if not cue or re.search(r"\b(" + NEGATION_WORDS + r"|will|would|could|plans? to|is to|are to)\b", view.text):
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
    return [make_fact("Meeting", view, roles, 0.6, date=date.group(1) if date else None)]


def agreements(view: SentenceView) -> list[Fact]:
    signed = SIGNED.search(view.text)
    if not signed or re.search(r"\b(" + NEGATION_WORDS + r"|yet to|expected to|will|would|could|plan)\b",
                               view.text[:signed.end()]):
        return []
    parties = _distinct([m for m in view.mentions if m.kind in {"Country"} | ORGANIZATION_KINDS])
    if len(parties) < 2:
        return []
    what = signed.group("kind").lower().replace("memoranda", "memorandum").replace("mou", "memorandum of understanding")
    what = re.sub(r"(agreement|deal|contract|protocol)s$", r"\1", what)
    sectors = list(dict.fromkeys(c.iri for c in view.concepts if not c.is_commodity and c.start > signed.start()))
    date = DATE.search(view.text)
    return [make_fact("Agreement", view, {"party": parties}, 0.6, what=what, sectors=tuple(sectors),
                  date=date.group(1) if date else None)]


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(m.key or m.text, m)
    return list(seen.values())



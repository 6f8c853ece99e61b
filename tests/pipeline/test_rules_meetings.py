"""Meetings and agreements, one sentence at a time (invented names)."""

from __future__ import annotations

from diplograph.graph.extract import read_views
from diplograph.graph.extract.events import agreements, meetings


def _facts(rule, text: str):
    _, views = read_views(text)
    return [f for v in views for f in rule(v)]


def _names(fact, role: str) -> set[str]:
    return {m.text for m in fact.roles_named(role)}


def test_two_people_meet_with_date() -> None:
    (fact,) = _facts(meetings, "Deputy Prime Minister of Moldova Ion Ceban received Lars Holmgren, "
                               "Deputy Prime Minister of Sweden, on 7 September.")
    assert _names(fact, "participant") == {"Ion Ceban", "Lars Holmgren"}
    assert fact.value("date") == "7 September"


def test_meeting_place_from_capital() -> None:
    (fact,) = _facts(meetings, "Chilean Foreign Minister Rosa Vidal hosted her Peruvian counterpart "
                               "Mateo Quispe in Santiago on Monday.")
    assert fact.role("location").key == "country:CHL"


def test_meeting_with_organiser_only() -> None:
    (fact,) = _facts(meetings, "High-level meetings were organised by the Baltic Institute for Trade Studies "
                               "to explore cooperation.")
    assert fact.role("organizer").text == "Baltic Institute for Trade Studies"


def test_planned_meeting_is_no_meeting() -> None:
    assert _facts(meetings, "The foreign ministers of Chile and Peru will meet in Lima next month.") == []
    # the same meeting in the past tense is one, in Peru (Lima is its capital)
    (fact,) = _facts(meetings, "The foreign ministers of Chile and Peru met in Lima last month.")
    assert {m.key for m in fact.roles_named("participant")} == {"country:CHL", "country:PER"}
    assert fact.role("location").key == "country:PER"


def test_agreement_parties_kind_and_subject() -> None:
    (fact,) = _facts(agreements, "Chile and Norway signed a memorandum of understanding on renewable energy "
                                 "and fisheries on Tuesday.")
    assert {m.key for m in fact.roles_named("party")} == {"country:CHL", "country:NOR"}
    assert fact.value("what") == "memorandum of understanding"
    assert len(fact.value("sectors")) == 2
    assert fact.value("date") == "Tuesday"


def test_agreement_not_yet_signed() -> None:
    assert _facts(agreements, "Chile and Norway have not yet signed the agreement on fisheries.") == []
    assert _facts(agreements, "Chile and Norway are expected to sign an agreement on fisheries.") == []
    # signed, the same agreement is one, between the two
    for text in ("Chile and Norway have signed the agreement on fisheries.",
                 "Chile and Norway signed an agreement on fisheries."):
        (fact,) = _facts(agreements, text)
        assert {m.key for m in fact.roles_named("party")} == {"country:CHL", "country:NOR"}

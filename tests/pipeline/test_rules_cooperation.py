"""Areas of cooperation listed in prose, between the two countries a sentence (or its document) is about."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind

pytestmark = pytest.mark.usefixtures("nlp_loaded")

SECTOR = "https://w3id.org/diplograph/sector/"


def areas(text: str) -> dict[frozenset[str], set[str]]:
    """{the two parties: the areas' local names}."""
    found: dict[frozenset[str], set[str]] = {}
    for fact in of_kind(facts_of(text), "Cooperation"):
        found.setdefault(frozenset(keys(fact, "party")), set()).add(str(fact.value("sector")).removeprefix(SECTOR))
    return found


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        ("Norway and Chile are looking for stronger bilateral ties, with collaborative opportunities across "
         "trade, investment, energy, education, and diplomatic cooperation.",
         {"country:NOR", "country:CHL"}, {"trade", "investment", "energy", "education", "diplomacy"}),
        ("Peru and Vietnam agreed to expand cooperation in agriculture, tourism and renewable energy.",
         {"country:PER", "country:VNM"}, {"agriculture", "tourism", "renewable-energy"}),
        # the document's pair, when the sentence names no country
        ("Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"
         "Both countries see potential for joint projects in healthcare and education.",
         {"country:PER", "country:VNM"}, {"healthcare", "education"}),
    ],
)
def test_listed_areas(text: str, pair: set[str], expected: set[str]) -> None:
    """Every area listed becomes one cooperation between the same two countries."""
    found = areas(text)
    assert set(found) == {frozenset(pair)}
    assert found[frozenset(pair)] >= expected


def test_no_cooperation_when_negated() -> None:
    """"have not yet signed ... cooperation in energy has not started" states no cooperation."""
    assert areas("Norway and Chile have not yet signed a trade agreement, and cooperation in energy "
                 "has not started.") == {}


def test_company_activity_is_not_country_cooperation() -> None:
    """"Norwegian company X operates in Chile's renewable energy sector" states an activity, not cooperation."""
    assert areas("Norwegian company Fjordline Energy operates in Chile's renewable energy sector.") == {}

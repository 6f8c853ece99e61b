"""Memberships of countries in groups, in the ways articles state them, and the ways they deny them."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind

pytestmark = pytest.mark.usefixtures("nlp_loaded")

G7, G20 = "io:group-of-seven", "io:group-of-twenty"
SCO, WTO, GCC = "io:shanghai-cooperation-organisation", "io:world-trade-organization", "io:gulf-cooperation-council"
NATO, EU = "io:north-atlantic-treaty-organization", "io:european-union"


def memberships(text: str) -> set[tuple[str, str]]:
    return {(next(iter(keys(f, "member"))), next(iter(keys(f, "group"))))
            for f in of_kind(facts_of(text), "Membership")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Canada's leadership in groups like the G7 and G20 matters to its partners.",
         {("country:CAN", G7), ("country:CAN", G20)}),
        ("Italy's seat in the G7 gives it influence.", {("country:ITA", G7)}),
        ("Kyrgyzstan and Kazakhstan are both members of the SCO.",
         {("country:KGZ", SCO), ("country:KAZ", SCO)}),
        ("Chile and Peru are both members of the WTO.", {("country:CHL", WTO), ("country:PER", WTO)}),
        ("Tajikistan, a founding member of the SCO, hosted the summit.", {("country:TJK", SCO)}),
        ("India's G20 presidency produced a joint declaration.", {("country:IND", G20)}),
        ("The GCC, which groups Qatar, Oman, Kuwait and Bahrain, met in Doha.",
         {("country:QAT", GCC), ("country:OMN", GCC), ("country:KWT", GCC), ("country:BHR", GCC)}),
        ("Poland, a member of both NATO and the EU, voted for the measure.",
         {("country:POL", NATO), ("country:POL", EU)}),
        ("Chile joined the WTO in 1995.", {("country:CHL", WTO)}),
        ("NATO ally Poland hosts the exercise.", {("country:POL", NATO)}),
        ("The EU member states Italy and Malta back the plan.", {("country:ITA", EU), ("country:MLT", EU)}),
        ("India's G20 presidency and Japan's G7 presidency overlapped.", {("country:IND", G20), ("country:JPN", G7)}),
        ("Poland is a member of NATO and the EU.", {("country:POL", NATO), ("country:POL", EU)}),
        ("Chile and Peru, fellow members of the WTO, agreed.", {("country:CHL", WTO), ("country:PER", WTO)}),
        ("Kazakhstan, which chaired the SCO in 2024, hosted the summit.", {("country:KAZ", SCO)}),
    ],
)
def test_membership(sentence: str, expected: set[tuple[str, str]]) -> None:
    """Each phrasing gives exactly the memberships it states."""
    assert memberships(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korea is not a NATO member.",
        "Chile is not a member of the EAEU.",
        "Serbia has applied for membership of the EU.",
        "Mongolia, an observer at the SCO, sent a delegation.",
        "Ukraine hopes to become a member of NATO.",
    ],
)
def test_no_membership(sentence: str) -> None:
    """Negations, applications, observers and hopes state no membership."""
    assert memberships(sentence) == set()


def test_well_known_membership_is_not_misread() -> None:
    """A country outside a group of stable membership is not made a member of it (Brazil is not in the G7)."""
    assert ("country:BRA", G7) not in memberships("Brazil's presidency of the G20 followed the G7 summit.")

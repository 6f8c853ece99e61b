"""Memberships of countries in groups, in the ways articles state them, and the ways they deny them."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind

pytestmark = pytest.mark.usefixtures("nlp_loaded")

G7, G20 = "io:group-of-seven", "io:group-of-twenty"
SCO, WTO, GCC = "io:shanghai-cooperation-organisation", "io:world-trade-organization", "io:gulf-cooperation-council"
NATO, EU = "io:north-atlantic-treaty-organization", "io:european-union"
EFTA, APEC = "io:european-free-trade-association", "io:asia-pacific-economic-cooperation"
BRICS, CIS = "io:brics", "io:commonwealth-of-independent-states"
ASEAN = "io:association-of-southeast-asian-nations"


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
        # the group first, then its members
        ("As members of the SCO, Kyrgyzstan and Tajikistan coordinate their positions.",
         {("country:KGZ", SCO), ("country:TJK", SCO)}),
        ("The EFTA states Norway, Iceland, Switzerland and Liechtenstein signed the agreement.",
         {("country:NOR", EFTA), ("country:ISL", EFTA), ("country:CHE", EFTA), ("country:LIE", EFTA)}),
        ("The member states of the GCC, including Qatar and Oman, backed the plan.",
         {("country:QAT", GCC), ("country:OMN", GCC)}),
        # an apposition after a list of countries, with one group or several
        ("Chile and Peru, both APEC economies, agreed to cooperate.", {("country:CHL", APEC), ("country:PER", APEC)}),
        ("Japan and Australia, as G7 and G20 members, pledged support.",
         {("country:JPN", G7), ("country:JPN", G20), ("country:AUS", G20)}),  # Australia is not in the G7
        ("Canada, a G7 member, and Chile discussed energy.", {("country:CAN", G7)}),
        # every subject of "joined", not only the last
        ("Egypt and Ethiopia joined BRICS in 2024.", {("country:EGY", BRICS), ("country:ETH", BRICS)}),
        ("Kazakhstan and Uzbekistan, members of the CIS, signed a treaty.",
         {("country:KAZ", CIS), ("country:UZB", CIS)}),
        ("Turkey is a NATO member and an EU candidate.", {("country:TUR", NATO)}),
        # the ways a group's members are listed
        *[(f"EFTA{joint} Iceland, Liechtenstein, Norway and Switzerland{end}",
           {("country:ISL", EFTA), ("country:LIE", EFTA), ("country:NOR", EFTA), ("country:CHE", EFTA)})
          for joint, end in [(", made up of", ", signed it."), (", whose members are", ", signed it."),
                             (" (", ") signed it."), (", consisting of", ", signed it."), (" comprises", ".")]],
        ("The member states of APEC include Chile, Peru and Vietnam.",
         {("country:CHL", APEC), ("country:PER", APEC), ("country:VNM", APEC)}),
        ("The leaders of the GCC countries: Qatar, Oman and Kuwait, met in Doha.",
         {("country:QAT", GCC), ("country:OMN", GCC), ("country:KWT", GCC)}),
        ("Norway, Iceland, Liechtenstein and Switzerland form EFTA.",
         {("country:NOR", EFTA), ("country:ISL", EFTA), ("country:LIE", EFTA), ("country:CHE", EFTA)}),
        ("Malaysia is one of the five states that founded ASEAN in 1967.", {("country:MYS", ASEAN)}),
        ("Among the member states of the EU, France trades most with Kazakhstan.", {("country:FRA", EU)}),
        ("Uzbekistan, by contrast, became a full member of the SCO in 2001.", {("country:UZB", SCO)}),
        # a country taking the chair of a group, and the group's own founders listed after it
        ("Kyrgyzstan takes over the presidency of the SCO for one year.", {("country:KGZ", SCO)}),
        ("Chile assumed the rotating chairmanship of APEC.", {("country:CHL", APEC)}),
        ("Iceland became a full member of EFTA in 1970, joining the organisation's three founders, Norway, "
         "Switzerland and Liechtenstein.",
         {("country:ISL", EFTA), ("country:NOR", EFTA), ("country:CHE", EFTA), ("country:LIE", EFTA)}),
        # "the association": the group named just before
        ("Malaysia founded ASEAN in 1967, while Vietnam joined the association in 1995.",
         {("country:MYS", ASEAN), ("country:VNM", ASEAN)}),
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


def test_both_countries_are_the_documents_pair() -> None:
    """"Both countries are members of the SCO" names the two countries the article is about."""
    found = memberships(
        "Kazakhstan and Kyrgyzstan signed a treaty on water.\n"
        "Trade between Kyrgyzstan and Kazakhstan grew last year.\n"
        "Both countries are members of the SCO."
    )
    assert found == {("country:KAZ", SCO), ("country:KGZ", SCO)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He said: “As the two smallest members of ASEAN, we work closely together.”",
         {("country:SGP", ASEAN), ("country:BRN", ASEAN)}),
        ("They reviewed the relations between the two countries and their collaboration in several multilateral "
         "fora, including APEC and the WTO.",
         {("country:SGP", APEC), ("country:BRN", APEC), ("country:SGP", WTO), ("country:BRN", WTO)}),
        # the fora of one country's collaboration, with no word of the two
        ("Singapore values its collaboration in multilateral fora, including the WTO.", set()),
    ],
)
def test_the_two_countries_as_members_and_the_fora_they_work_in(sentence: str, expected: set) -> None:
    found = memberships("Singapore and Brunei signed a treaty. Singapore and Brunei are partners. " + sentence)
    assert found == expected


def test_the_bloc_of_an_earlier_sentence() -> None:
    """"joined the bloc" names no group: it is the one the article named last."""
    found = memberships("Leaders met at the ASEAN summit in Hanoi.\nVietnam joined the bloc in 1995.")
    assert found == {("country:VNM", ASEAN)}
    assert memberships("Leaders met at the ASEAN summit in Hanoi.\nTimor-Leste has never joined the bloc.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym said as a word, as British and Commonwealth papers print it
        ("Nigeria and Ghana held talks. Nigeria and Ghana are partners. Both countries are members of Ecowas.",
         {("country:NGA", "io:economic-community-of-west-african-states"),
          ("country:GHA", "io:economic-community-of-west-african-states")}),
        ("Kenya and Zambia held talks. Kenya and Zambia are partners. Zambia is a member of Comesa and Sadc.",
         {("country:ZMB", "io:common-market-for-eastern-and-southern-africa"),
          ("country:ZMB", "io:southern-african-development-community")}),
    ],
)
def test_acronyms_written_as_words(text: str, expected: set) -> None:
    assert memberships(text) == expected


def test_an_acronym_written_as_a_word_never_takes_a_places_name() -> None:
    from diplograph.graph.gazetteer import load_gazetteer
    gaz = load_gazetteer()
    assert gaz.acronyms["Nato"] == gaz.acronyms["NATO"]
    assert "Guam" not in gaz.acronyms and gaz.names["Guam"] == "country:GUM"  # the island, not the GUAM group
    assert "Cis" not in gaz.acronyms  # three letters are spelt out, not said as a word

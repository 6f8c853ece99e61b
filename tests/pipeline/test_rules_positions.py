"""Positions held, one sentence at a time: who holds which role for which country or organisation.
Names are invented; the rules must read the construction, not remember a person."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind

pytestmark = pytest.mark.usefixtures("nlp_loaded")


@pytest.mark.parametrize(
    ("sentence", "person", "role", "affiliation"),
    [
        # "Canadian Ambassador X": the adjective gives the country served
        ("Brazilian Ambassador Rodrigo Vasconcelos opened the exhibition.", "Rodrigo Vasconcelos",
         "ambassador", "country:BRA"),
        ("Polish Ambassador Tomasz Wierzbicki said relations were strong.", "Tomasz Wierzbicki",
         "ambassador", "country:POL"),
        # "X, Ambassador of Canada to Kazakhstan,": the country served, not the host
        ("Helga Marstrand, Ambassador of Norway to Kazakhstan, visited the plant.", "Helga Marstrand",
         "ambassador", "country:NOR"),
        # "Kazakhstan's Ambassador to Canada X" and its appositive twin
        ("Kazakhstan's Ambassador to Canada Yerlan Tokmagambetov spoke at the forum.", "Yerlan Tokmagambetov",
         "ambassador", "country:KAZ"),
        ("Ingrid Solberg, Norway's Ambassador to Chile, said relations were strong.", "Ingrid Solberg",
         "ambassador", "country:NOR"),
        # "X, advisor to the chairman of Y University": the role as written, the organisation named
        ("Arman Dzhaksybekov, advisor to the chairman of Turan Polytechnic University, welcomed the delegation.",
         "Arman Dzhaksybekov", "advisor to the chairman", "Turan Polytechnic University"),
        # titles of more than one word keep all their words
        ("Tajik Foreign Minister Farrukh Nazarzoda met the delegation in Dushanbe.", "Farrukh Nazarzoda",
         "foreign minister", "country:TJK"),
        ("Indonesian Trade Minister Budi Santoso signed the agreement.", "Budi Santoso",
         "trade minister", "country:IDN"),
        # a reverse apposition: the title phrase first, then the name
        ("The talks were held with Chile's Minister of Mining and Energy, Rosa Vidal Quiroga.",
         "Rosa Vidal Quiroga", "minister of mining and energy", "country:CHL"),
        # a speakers' list line: name, title, organisation
        ("Speakers\nProf. Ingrid Lunde, Rector, Bergen Maritime University", "Ingrid Lunde", "rector",
         "Bergen Maritime University"),
        # a name the NER misses, announced by its title
        ("Korean Ambassador to Chile Park Ji-hoon said the deal was near.", "Park Ji-hoon", "ambassador",
         "country:KOR"),
    ],
)
def test_position(sentence: str, person: str, role: str, affiliation: str) -> None:
    """Each phrasing gives exactly one position with the person, the role as written and the affiliation."""
    (position,) = of_kind(facts_of(sentence), "Position")
    assert keys(position, "holder") == {person}
    assert position.value("role") == role
    assert keys(position, "affiliation") == {affiliation}


def test_position_host_country_is_not_the_affiliation() -> None:
    """An ambassador *to* a country does not serve it: no position for the host."""
    facts = facts_of("Helga Marstrand, Ambassador of Norway to Kazakhstan, visited the plant.")
    assert all("country:KAZ" not in keys(f, "affiliation") for f in of_kind(facts, "Position"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Rodrigo Vasconcelos opened the exhibition in Brasilia.",
        "The ambassador said that relations with Norway were strong.",
    ],
)
def test_no_position_without_title_and_person(sentence: str) -> None:
    """A person without a title, or a title without a named person, states no position."""
    assert of_kind(facts_of(sentence), "Position") == []

"""Positions held, one sentence at a time: who holds which role for which country or organisation.
Names are invented; the rules must read the construction, not remember a person."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind, sig, signature

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
        # an honorific between the title phrase and the name
        ("The talks were chaired by the Emir of Qatar, Sheikh Hamad bin Khalid Al Mansouri.",
         "Hamad bin Khalid Al Mansouri", "emir", "country:QAT"),
        # the portfolio written before "Minister" belongs to the title; the adjective is the country
        ("Pakistani Petroleum Minister Rashid Qureshi opened the forum.", "Rashid Qureshi",
         "petroleum minister", "country:PAK"),
        # "its President": the organisation just named
        ("He received a delegation of the Norway-Chile Chamber of Commerce headed by its President Ola Brekke.",
         "Ola Brekke", "president", "Norway-Chile Chamber of Commerce"),
        # an organisation the NER misses, named by a company title
        ("Participants:\nArman Seitov, the chairman of Samruk-Kazyna, spoke first.", "Arman Seitov", "chairman",
         "Samruk-Kazyna"),
        # a relative clause: "who heads", "who is also the chairman of"
        ("Participants:\nArman Seitov, who heads the Kazakh Invest agency, spoke first.", "Arman Seitov", "head",
         "Kazakh Invest"),
        ("Participants:\nArman Seitov, who is also the chairman of the Foreign Investors Council, spoke.",
         "Arman Seitov", "chairman", "Foreign Investors Council"),
        # a participants' list line, whose name the NER does not see (a first line alone is a headline)
        ("Participants:\n- Botir Nazarov, Deputy Prime Minister of Uzbekistan;", "Botir Nazarov",
         "deputy prime minister", "country:UZB"),
        ("Participants:\n- Dilshod Karimov, Chairman of the Chamber of Commerce and Industry of Uzbekistan;",
         "Dilshod Karimov", "chairman", "Chamber of Commerce and Industry of Uzbekistan"),
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
    positions = {signature(f) for f in of_kind(facts, "Position")}
    assert positions == {sig("Position", ("holder", "Helga Marstrand"), ("affiliation", "country:NOR"),
                             role="ambassador")}


@pytest.mark.parametrize(
    ("sentence", "twin", "position"),
    [
        ("Rodrigo Vasconcelos opened the exhibition in Brasilia.",
         "Brazilian Ambassador Rodrigo Vasconcelos opened the exhibition in Brasilia.",
         sig("Position", ("holder", "Rodrigo Vasconcelos"), ("affiliation", "country:BRA"), role="ambassador")),
        ("The ambassador said that relations with Norway were strong.",
         "Norwegian Ambassador Helga Marstrand said that relations with Norway were strong.",
         sig("Position", ("holder", "Helga Marstrand"), ("affiliation", "country:NOR"), role="ambassador")),
        ("Participants:\nThe chairman of the Board said that relations with Norway were strong.",
         "Participants:\nOla Brekke, the chairman of Fjordline Energy, said that relations with Norway were strong.",
         sig("Position", ("holder", "Ola Brekke"), ("affiliation", "Fjordline Energy"), role="chairman")),
    ],
)
def test_no_position_without_title_and_person(sentence: str, twin: str, position: tuple) -> None:
    """A person without a title, or a title without a named person, states no position; the same
    sentence with both (its twin) states exactly one."""
    assert of_kind(facts_of(sentence), "Position") == []
    assert {signature(f) for f in of_kind(facts_of(twin), "Position")} == {position}


# -- titles whose country the text leaves to the reader (a document, not one sentence) -----------------


def positions_in(text: str) -> dict[str, tuple[str, set[str]]]:
    return {next(iter(keys(f, "holder"))): (f.value("role"), keys(f, "affiliation"))
            for f in of_kind(facts_of(text), "Position")}


def test_the_other_countrys_counterpart_takes_the_other_country() -> None:
    """With one prime minister's country written, the other prime minister of a two-country article
    serves the other country, and a title written with its adjective stays with it."""
    found = positions_in(
        "Peru and Vietnam agreed to expand trade.\n"
        "Peruvian Prime Minister Lucia Andrade Torres welcomed Prime Minister Tran Minh Khoa in Lima.\n"
        "Trade between Peru and Vietnam grew last year."
    )
    assert found["Lucia Andrade Torres"] == ("prime minister", {"country:PER"})
    assert found["Tran Minh Khoa"] == ("prime minister", {"country:VNM"})


def test_a_dateline_gives_the_host_governments_posts() -> None:
    """A report filed from a capital names its own government's ministers without a country."""
    found = positions_in(
        "NAIROBI, 3 March 2024. Kenya and Ghana signed three agreements.\n"
        "The forum opened with speeches by Trade Minister Wanjiru Kamau and President Daniel Otieno Mwangi.\n"
        "Ghana and Kenya also discussed agriculture."
    )
    assert found["Wanjiru Kamau"] == ("trade minister", {"country:KEN"})
    assert found["Daniel Otieno Mwangi"] == ("president", {"country:KEN"})


def test_no_guess_when_two_presidents_compete_or_there_is_no_dateline() -> None:
    """Two bare presidents in a two-country text cannot be told apart; without a dateline or a
    counterpart nothing says whose a bare title is."""
    competing = positions_in(
        "NAIROBI, 3 March 2024. Kenya and Ghana signed three agreements.\n"
        "The target was set by President Daniel Otieno Mwangi and President Kofi Asante Boateng.\n"
        "Ghana and Kenya also discussed agriculture."
    )
    assert competing == {}
    undated = positions_in(
        "Kenya and Ghana signed three agreements.\n"
        "The forum opened with a speech by President Daniel Otieno Mwangi.\n"
        "Ghana and Kenya also discussed agriculture."
    )
    assert undated == {}


def test_a_surname_alone_is_the_person_already_placed() -> None:
    """"Ambassador Saberi" after "Iran's Ambassador to Tajikistan, Mohammad Saberi" is the same post,
    not a second ambassador for the other country."""
    found = positions_in(
        "DUSHANBE, 11 February 2022. Tajikistan and Iran discussed trade.\n"
        "The minister met Iran's Ambassador to Tajikistan, Reza Hosseini Saberi.\n"
        "Ambassador Saberi invited the minister to visit Iran."
    )
    assert set(found) == {"Reza Hosseini Saberi"}
    assert found["Reza Hosseini Saberi"][1] == {"country:IRN"}


def test_a_countrys_side_represented_by_its_ministers() -> None:
    """"The Kazakh side was represented by Minister of Energy X and Minister of Agriculture Y"."""
    found = positions_in(
        "France and Kazakhstan discussed trade.\n"
        "The Kazakh side was represented by Minister of Energy Nurlan Sadykov and Minister of Agriculture "
        "Berik Omarov.\n"
        "Trade between Kazakhstan and France grew."
    )
    assert found == {"Nurlan Sadykov": ("minister of energy", {"country:KAZ"}),
                     "Berik Omarov": ("minister of agriculture", {"country:KAZ"})}


def test_the_article_says_whose_president_elsewhere() -> None:
    """A report from Rome on "President X's meetings" that speaks of "the Kazakh president's visit"
    makes X Kazakhstan's president, not the dateline's country's."""
    found = positions_in(
        "ROME, 18 January 2024. Energy was the main topic of President Daniyar Seitkali's meetings in Rome.\n"
        "The meetings took place during the Kazakh president's official visit to Italy.\n"
        "Trade between Italy and Kazakhstan grew."
    )
    assert found["Daniyar Seitkali"] == ("president", {"country:KAZ"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body called by its noun once named: before the title, with or without a possessive, or after it
        ("Envoys visited the Lagos Chamber of Commerce and Industry. The chamber's president, Ada Okafor, said "
         "trade could grow.", {("Ada Okafor", "president", "Lagos Chamber of Commerce and Industry")}),
        ("At a meeting with the Lagos Chamber of Commerce and Industry (LCCI), the chamber president Ada Okafor said "
         "trade could grow.",
         {("Ada Okafor", "president", "Lagos Chamber of Commerce and Industry")}),
        ("Orinoco Bank opened a branch in Accra. The bank's chief executive, Ebenezer Mensah, said more would "
         "follow.", {("Ebenezer Mensah", "chief executive", "Orinoco Bank")}),
        ("Orinoco Bank opened a branch in Accra, said Ebenezer Mensah, chief executive of the bank.",
         {("Ebenezer Mensah", "chief executive", "Orinoco Bank")}),
        # the title before the noun is no one else's, and the chamber's reading replaces the host country's
        ("LAGOS, May 3 (NAN) - Nigeria and the Netherlands want more trade. Nigeria and the Netherlands are partners. "
         "Ambassador of the Netherlands to Nigeria Jan de Wit paid a courtesy call on the Lagos Chamber of Commerce "
         "and Industry (LCCI) and held talks with the chamber president Ada Okafor at her office.",
         {("Jan de Wit", "ambassador", "Netherlands"), ("Ada Okafor", "president",
                                                        "Lagos Chamber of Commerce and Industry")}),
        # the title held at the body called by its noun, straight before the name (no company "fund X")
        ("The Gulf Fund for Arab Development signed a loan with Bosnia. Deputy Director General at the Kuwaiti "
         "fund Marwan Al-Rashidi called the signing an important step.",
         {("Marwan Al-Rashidi", "deputy director general", "Gulf Fund for Arab Development")}),
        # a noun that no body named before has in its name: no post
        ("Orinoco Bank opened a branch in Accra. The chamber's president, Ada Okafor, welcomed it.", set()),
    ],
)
def test_a_body_called_by_its_noun_owns_the_title(text: str, expected: set) -> None:
    found = {(f.role("holder").text, str(f.value("role")), f.role("affiliation").text)
             for f in of_kind(facts_of(text), "Position")}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Salvadoran head of state is accompanied by the ministers of Foreign Affairs, Roberto Pineda; of Finance, "
         "Luis Mora and of Public Works, Tomas Vega, according to the source.",
         {("Roberto Pineda", "minister of foreign affairs", "country:SLV"),
          ("Luis Mora", "minister of finance", "country:SLV"),
          ("Tomas Vega", "minister of public works", "country:SLV")}),
        ("He was accompanied by the Kenyan secretaries of Trade, Mary Wanjiru, and of Energy, Peter Otieno.",
         {("Mary Wanjiru", "secretary of trade", "country:KEN"),
          ("Peter Otieno", "secretary of energy", "country:KEN")}),
        # two countries in the sentence: whose the ministers are is not said
        ("The Kenyan president met Ugandan officials and the ministers of Trade, Mary Wanjiru, and of Energy, "
         "Peter Otieno.", set()),
    ],
)
def test_a_plural_title_shared_out_over_portfolios(text: str, expected: set) -> None:
    found = {(f.role("holder").text, str(f.value("role")), f.role("affiliation").key)
             for f in of_kind(facts_of(text), "Position")}
    assert found == expected

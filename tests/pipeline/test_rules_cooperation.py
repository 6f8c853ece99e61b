"""Areas of cooperation listed in prose, between the two countries a sentence (or its document) is about."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys, of_kind

pytestmark = pytest.mark.usefixtures("nlp_loaded")

SECTOR = "https://w3id.org/diplograph/sector/"


def areas(text: str, sentence: int | None = None) -> dict[frozenset[str], set[str]]:
    """{the two parties: the areas' local names}, of the whole text or of one sentence (0-based)."""
    found: dict[frozenset[str], set[str]] = {}
    for fact in of_kind(facts_of(text), "Cooperation"):
        if sentence is not None and fact.sentence != sentence:
            continue
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
    """Every area listed becomes one cooperation between the same two countries, and nothing else does
    (the expected sets are the areas the sentences list, word for word)."""
    found = areas(text)
    assert set(found) == {frozenset(pair)}
    assert found[frozenset(pair)] == expected


def test_no_cooperation_when_negated() -> None:
    """"have not yet signed ... cooperation in energy has not started" states no cooperation."""
    assert areas("Norway and Chile have not yet signed a trade agreement, and cooperation in energy "
                 "has not started.") == {}
    # the same sentence without the negations states the cooperation in energy
    assert "energy" in areas("Norway and Chile have signed a trade agreement, and cooperation in energy "
                             "has started.")[frozenset({"country:NOR", "country:CHL"})]


def test_company_activity_makes_its_sector_an_area_of_the_two_countries_only_through_the_activity() -> None:
    """"Norwegian company X operates in Chile's renewable energy sector" states an activity; its sector becomes an
    area of Norway's and Chile's relations only as derived from it (confidence 0.5), and only where the company's
    home is known: the annotators of the corpus list such an area for 409 of 437 such activities."""
    sentence = "Norwegian company Fjordline Energy operates in Chile's renewable energy sector."
    (activity,) = of_kind(facts_of(sentence), "MarketActivity")  # what it does state
    assert keys(activity, "organization") == {"Fjordline Energy"} and keys(activity, "market") == {"country:CHL"}
    assert activity.value("sector") == SECTOR + "renewable-energy"
    assert areas(sentence) == {frozenset({"country:NOR", "country:CHL"}): {"renewable-energy"}}
    assert {f.confidence for f in of_kind(facts_of(sentence), "Cooperation")} == {0.5}
    assert areas("The company Fjordline Energy operates in Chile's renewable energy sector.") == {}
    # the sector of what the company is, in its apposition, is no area of what it will do abroad
    apposed = ("Kazakh businesses, like Tengri Build, Kazakhstan's largest property developer, are preparing to "
               "expand into the Canadian market.")
    assert {str(f.value("sector")) for f in of_kind(facts_of(apposed), "MarketActivity")} == {
        SECTOR + "property-development"}
    assert areas(apposed) == {}


def test_an_organisations_official_calling_for_joint_projects_is_country_cooperation() -> None:
    """"The DEIK chief called for joint projects in tourism and mining, and said Turkish construction
    companies should work in Uzbekistan": the chief is no company entering a market, and "Turkish"
    there is the companies' nationality; the areas are the two countries'."""
    found = areas(
        "Turkey and Uzbekistan held a business forum.\n"
        "Trade between Turkey and Uzbekistan grew last year.\n"
        "The DEIK chief called for joint projects in tourism and mining, and said Turkish construction "
        "companies should be given priority for work carried out in Uzbekistan.", sentence=2)
    # joint projects in tourism and mining, and Turkish construction work in Uzbekistan: a declared interest
    # in construction between the two (the contract's cq06 counts "cooperation or declared interest")
    assert found == {frozenset({"country:TUR", "country:UZB"}): {"tourism", "mining", "construction"}}
    facts = facts_of("The DEIK chief said Turkish construction companies should work in Uzbekistan.")
    assert of_kind(facts, "MarketActivity") == []
    # a named Turkish company working there is an activity: the rule is there, the chief is no company
    twin = facts_of("The Turkish construction company Anatolia Yapi works in Uzbekistan.")
    assert [(keys(f, "organization"), keys(f, "market")) for f in of_kind(twin, "MarketActivity")] == [
        ({"Anatolia Yapi"}, {"country:UZB"})]


def test_topics_of_meetings_are_areas() -> None:
    """"Oil and gas and agriculture were the main topics of the meetings" with the other side."""
    found = areas(
        "Italy and Kazakhstan signed agreements.\n"
        "Trade between Kazakhstan and Italy grew last year.\n"
        "Oil and gas and agriculture were the main topics of the president's meetings with Italian business leaders.",
        sentence=2)
    assert found == {frozenset({"country:ITA", "country:KAZ"}): {"oil-and-gas", "agriculture"}}


def test_a_figure_of_speech_names_no_area() -> None:
    """"In the world of business and finance" sets a scene; the areas the sentence lists still count."""
    text = ("Peru and Vietnam discussed their ties. In the world of business and finance, Peru and Vietnam "
            "see potential for cooperation in mining and agriculture.")
    assert areas(text) == {frozenset({"country:PER", "country:VNM"}): {"mining", "agriculture"}}


def test_fields_named_beside_a_figure() -> None:
    """A sentence with an amount names areas where it says "the fields of": grants "for the development of
    the fields of infrastructure, agriculture and education" (before, any amount silenced the sentence)."""
    text = ("Peru and Vietnam held talks. Peru and Vietnam are partners. Peru has received $4.2 billion in loans "
            "from Vietnam for the development of the fields of infrastructure, agriculture and education.")
    assert areas(text) == {frozenset({"country:PER", "country:VNM"}): {"infrastructure", "agriculture", "education"}}


def test_not_only_but_also_denies_nothing() -> None:
    text = ("Peru and Vietnam held talks. Peru and Vietnam are partners. We support stepping up cooperation "
            "between both countries, not only in transport but also in such sectors as agriculture and tourism.")
    assert areas(text, 2) == {frozenset({"country:PER", "country:VNM"}): {"transport-and-logistics", "agriculture",
                                                                          "tourism"}}


def test_a_figure_silences_only_its_own_accord_of_a_list() -> None:
    """A list of accords split by semicolons: the one with a figure names no area, the others still do."""
    text = ("Peru and Vietnam held talks. Peru and Vietnam are partners. They are: a cooperation accord in "
            "fisheries and aquaculture; a convention under which the group will take up 30 billion dong of "
            "securities to help finance the budget for 2015; a partnership convention for developing solar energy.")
    assert areas(text, 2) == {frozenset({"country:PER", "country:VNM"}): {"fisheries", "renewable-energy"}}


def test_trade_and_investment_an_article_about_two_countries_speaks_of() -> None:
    """Investment spoken of once, trade twice, in an article about Peru and Vietnam: both are areas of theirs,
    though no sentence says whose or between whom.  Trade spoken of once, or only as a portfolio ("Minister of
    Trade"), is not; nor is investment denied."""
    pair = frozenset({"country:PER", "country:VNM"})
    lead = "Peru and Vietnam held talks in Lima. Peru and Vietnam are long-standing partners. "
    found = areas(lead + "The delegation visited a port built with foreign investment. Officials said trade in "
                  "coffee grew, and trade in rice is expected to follow.")
    assert {"trade", "investment"} <= found.get(pair, set())
    found = areas(lead + "The Minister of Trade and the Minister of Trade of Peru met. Officials said trade in "
                  "coffee grew. Investment was not on the agenda.")
    assert not {"trade", "investment"} & found.get(pair, set())


def test_areas_news_names_beyond_industries() -> None:
    """Halal products, waste management, jewellery, taxation and consular matters are areas of their own
    (ontology/sectors.ttl), each read under its preferred name's identifier."""
    found = areas("Malaysia and Bahrain held talks. Malaysia and Bahrain agreed to expand cooperation in halal "
                  "products, waste management, jewelry, taxation and consular matters.")
    assert found == {frozenset({"country:MYS", "country:BHR"}): {"halal", "waste-management", "jewellery",
                                                                 "taxation", "consular-affairs"}}

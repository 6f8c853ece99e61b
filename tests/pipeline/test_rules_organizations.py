"""Organisations, one sentence at a time: the country they belong to and the markets they are
active in or plan to enter, with the sector where the sentence gives it."""

from __future__ import annotations

import pytest
from pipeline_helpers import fact_set, facts_of, keys, of_kind, sig, signature

pytestmark = pytest.mark.usefixtures("nlp_loaded")

SECTOR = "https://w3id.org/diplograph/sector/"


@pytest.mark.parametrize(
    ("sentence", "org", "country"),
    [
        # "Canadian company X"
        ("Canadian company Borealis Minerals is actively involved in Kazakhstan's copper mining.",
         "Borealis Minerals", "country:CAN"),
        ("Norwegian company Fjordline Energy operates in Chile's renewable energy sector.",
         "Fjordline Energy", "country:NOR"),
        ("The Chilean firm Cordillera Logistics is currently operating in Peru.",
         "Cordillera Logistics", "country:CHL"),
        # "X, Kazakhstan's largest property developer"
        ("Altyn Stroy, Kazakhstan's largest property developer, is preparing to expand into the Canadian market.",
         "Altyn Stroy", "country:KAZ"),
        ("Andes Mercantil, Chile's leading retailer, plans to enter the Norwegian market.",
         "Andes Mercantil", "country:CHL"),
        # "Canadian Institute for ...": the adjective opens the name
        ("Recent meetings were organised by the Canadian Institute for Global Affairs (CIGA).",
         "Canadian Institute for Global Affairs", "country:CAN"),
        ("The Norwegian Institute for Polar Economics hosted the round table.",
         "Norwegian Institute for Polar Economics", "country:NOR"),
        # a region inside the name does not break it up
        ("The Canadian Institute for Arctic Trade Studies hosted the round table.",
         "Canadian Institute for Arctic Trade Studies", "country:CAN"),
        # a one-word name the company noun announces, before or after it
        ("The Italian energy major Vessa plans to build a wind farm in Kazakhstan.", "Vessa", "country:ITA"),
        ("Norvana, a French nuclear fuel company, signed the contract.", "Norvana", "country:FRA"),
        ("Hanbit Motors, the South Korean carmaker, signed the contract.", "Hanbit Motors", "country:KOR"),
        # a capital inside a company's name is part of the name: "Air Astana"
        ("Sky Tashkent, the Uzbek flag carrier, signed the contract.", "Sky Tashkent", "country:UZB"),
        # a country's name used as an adjective, and a nationality inside the name
        ("The partners are the US company Redwell with 18%.", "Redwell", "country:USA"),
        ("The Dutch greenhouse consortium Dutch Polder Growers agreed to build a park.", "Dutch Polder Growers",
         "country:NLD"),
        # a university or institute "in" a country belongs there
        ("The academy will cooperate with Haarveld University in the Netherlands.", "Haarveld University",
         "country:NLD"),
        # a name in quotation marks after the company noun, as translated news writes it
        ("The Russian company «Vostokatom» will build a plant in Uzbekistan.", "Vostokatom", "country:RUS"),
        ('The Chinese consortium "KTEC/LPX" signed the contract.', "KTEC/LPX", "country:CHN"),
        ("The Turkish firm 'Kalyoncu' is building a terminal in Kuwait.", "Kalyoncu", "country:TUR"),
    ],
)
def test_home_country(sentence: str, org: str, country: str) -> None:
    """Each phrasing gives one home-country statement for the organisation."""
    (home,) = of_kind(facts_of(sentence), "HomeCountry")
    assert keys(home, "organization") == {org}
    assert keys(home, "country") == {country}


def activity(sentence: str, status: str) -> list:
    return [f for f in of_kind(facts_of(sentence), "MarketActivity") if f.value("status") == status]


@pytest.mark.parametrize(
    ("sentence", "org", "market", "sector"),
    [
        ("Canadian company Borealis Minerals is actively involved in Kazakhstan's copper mining.",
         "Borealis Minerals", "country:KAZ", SECTOR + "mining"),
        ("Norwegian company Fjordline Energy operates in Chile's renewable energy sector.",
         "Fjordline Energy", "country:CHL", SECTOR + "renewable-energy"),
        ("The Chilean firm Cordillera Logistics is currently operating in Peru.",
         "Cordillera Logistics", "country:PER", None),
        # the sentence names no sector for the activity, but calls the company by its industry
        ("Chilean miner Andes Copper entered the Indian market in 2019.", "Andes Copper", "country:IND",
         SECTOR + "mining"),
        ("Norwegian firm Fjord Salmon has a joint venture in Vietnam.", "Fjord Salmon", "country:VNM", None),
        ("The Korean carmaker Hanbit Motors opened an office in Tashkent in 2021.", "Hanbit Motors",
         "country:UZB", SECTOR + "automotive"),
        ("The Japanese trading house Mikura has a representative office in Tashkent.", "Mikura", "country:UZB",
         None),
        # an apposition with a nationality between the company and its verb
        ("Norvana, a French nuclear fuel company, has been mining uranium in Kazakhstan since 1996.", "Norvana",
         "country:KAZ", SECTOR + "nuclear-energy"),
        ("Today the Hungarian drugmaker Tarnok Pharma is already present on the Kyrgyz market.", "Tarnok Pharma",
         "country:KGZ", None),
    ],
)
def test_active_in_market(sentence: str, org: str, market: str, sector: str | None) -> None:
    """"is actively involved in Kazakhstan's copper mining": active in that market, in that sector."""
    (fact,) = activity(sentence, "active")
    assert keys(fact, "organization") == {org}
    assert keys(fact, "market") == {market}
    assert fact.value("sector") == sector


@pytest.mark.parametrize(
    ("sentence", "org", "market"),
    [
        ("Altyn Stroy, Kazakhstan's largest property developer, is preparing to expand into the Canadian market.",
         "Altyn Stroy", "country:CAN"),
        ("Andes Mercantil, Chile's leading retailer, plans to enter the Norwegian market.",
         "Andes Mercantil", "country:NOR"),
        ("Chilean miner Andes Copper said it would enter the Vietnamese market next year.",
         "Andes Copper", "country:VNM"),
        ("Hanmart, the discount store chain, is due to open its first Mongolian outlet later this month.",
         "Hanmart", "country:MNG"),
        # a gerund after a verb of weighing: "is considering investing", "plans on opening"
        ("Polish copper producer Miedzbud is considering investing in a new mine in Zambia.", "Miedzbud",
         "country:ZMB"),
        ("The Korean carmaker Hanbit Motors plans on opening a plant in Uzbekistan.", "Hanbit Motors",
         "country:UZB"),
    ],
)
def test_planned_market_entry(sentence: str, org: str, market: str) -> None:
    """"preparing to expand into the Canadian market": planned, not active, in that market."""
    (fact,) = activity(sentence, "planned")
    assert keys(fact, "organization") == {org}
    assert keys(fact, "market") == {market}
    assert all(market not in keys(f, "market") for f in activity(sentence, "active"))


@pytest.mark.parametrize(
    ("sentence", "org", "home", "twin", "market", "status"),
    [
        ("Canadian company Borealis Minerals has not yet entered the Kazakh market.", "Borealis Minerals", "CAN",
         "Canadian company Borealis Minerals has entered the Kazakh market.", "KAZ", "active"),
        ("Chilean firm Cordillera Logistics is not active in Peru.", "Cordillera Logistics", "CHL",
         "Chilean firm Cordillera Logistics is active in Peru.", "PER", "active"),
        ("Norwegian company Fjordline Energy has no plans to expand into the Chilean market.", "Fjordline Energy",
         "NOR", "Norwegian company Fjordline Energy plans to expand into the Chilean market.", "CHL", "planned"),
    ],
)
def test_no_activity_when_negated(sentence: str, org: str, home: str, twin: str, market: str, status: str) -> None:
    """"has not yet entered the market" states no activity, active or planned: the sentence states only the
    company's home country; without the negation (its twin) it states the activity too."""
    home_fact = sig("HomeCountry", ("organization", org), ("country", f"country:{home}"))
    assert fact_set(sentence) == {home_fact}
    assert fact_set(twin) == {home_fact, sig("MarketActivity", ("organization", org), ("market", f"country:{market}"),
                                             status=status)}


def test_a_list_of_names_is_not_an_apposition() -> None:
    """"Arcelon, the Moroccan phosphate group Dunes and ...": the nationality is the next name's."""
    facts = facts_of("Arcelon, the Moroccan phosphate group Dunes Phosphates and a university formed a partnership.")
    homes = {(next(iter(keys(f, "organization"))), next(iter(keys(f, "country"))))
             for f in of_kind(facts, "HomeCountry")}
    assert homes == {("Dunes Phosphates", "country:MAR")}


def test_home_country_of_every_company_in_a_list() -> None:
    """"other Chinese firms such as X and Y": both are Chinese."""
    facts = facts_of("Together with other Chinese firms such as Huali Nickel Group and Lanyun Holdings, they invested.")
    assert {next(iter(keys(f, "organization"))): next(iter(keys(f, "country")))
            for f in of_kind(facts, "HomeCountry")} == {"Huali Nickel Group": "country:CHN",
                                                        "Lanyun Holdings": "country:CHN"}


def test_no_home_country_across_a_verb() -> None:
    """"the university in Astana will cooperate with X": the city is the first university's, not X's."""
    facts = facts_of("The Steppe Agrarian University in Astana will cooperate with Haarveld University.")
    # Astana is Kazakhstan's capital: the first university is Kazakh, the second has no country here
    assert {signature(f) for f in of_kind(facts, "HomeCountry")} == {
        sig("HomeCountry", ("organization", "Steppe Agrarian University"), ("country", "country:KAZ"))}


def test_each_company_named_after_an_activity_shares_it() -> None:
    """"230 enterprises operate in Kazakhstan, among them the groups A, B and C": each is active there."""
    facts = facts_of("About 230 enterprises with French capital operate in Kazakhstan, among them the "
                     "multinational groups Veltor, Ardenne and Lumis.")
    assert {next(iter(keys(f, "organization"))) for f in activity_facts(facts, "active")
            if keys(f, "market") == {"country:KAZ"}} == {"Veltor", "Ardenne", "Lumis"}


def activity_facts(facts: list, status: str) -> list:
    return [f for f in of_kind(facts, "MarketActivity") if f.value("status") == status]


def test_an_object_of_a_preposition_is_not_the_subject() -> None:
    """"X, the chain of Korea's Y group, is due to open ...": X plans it, Y does not."""
    facts = facts_of("Hanmart, the discount store chain of South Korea's Sinsang Group, is due to open its first "
                     "Mongolian outlet this month.")
    assert {next(iter(keys(f, "organization"))) for f in of_kind(facts, "MarketActivity")} == {"Hanmart"}


def test_an_unnamed_place_is_the_other_country_of_the_pair() -> None:
    """In an Italy-Azerbaijan article, "the Italian group X will supply equipment for four substations"
    is planned activity in Azerbaijan, though the sentence names no country."""
    facts = facts_of(
        "Italy and Azerbaijan signed an energy agreement.\n"
        "Trade between Azerbaijan and Italy grew last year.\n"
        "The Italian engineering group Ferrazza Energia will supply equipment for four substations."
    )
    (fact,) = of_kind(facts, "MarketActivity")
    assert keys(fact, "organization") == {"Ferrazza Energia"}
    assert keys(fact, "market") == {"country:AZE"}
    assert fact.value("status") == "planned"


def test_french_fries_are_not_france() -> None:
    """A nationality in a dish's name is not the country."""
    facts = facts_of("The Dutch processor Polder Frites will make French fries in Kazakhstan.")
    assert all("country:FRA" not in keys(f, "market") | keys(f, "country") for f in facts)
    # the nationality the sentence does give is read
    assert sig("HomeCountry", ("organization", "Polder Frites"), ("country", "country:NLD")) in {
        signature(f) for f in facts}


def test_a_name_given_once_is_the_same_organisation_later() -> None:
    """"the Italian energy group Vessa" first; "Vessa takes part in ... Kazakhstan's fields" after, where
    the NER alone would not see an organisation."""
    facts = facts_of("Kazakhstan and Italy discussed energy. The president met the head of the Italian energy "
                     "group Vessa.\nVessa takes part in exploration at two of Kazakhstan's largest oil fields.")
    assert {next(iter(keys(f, "organization"))): next(iter(keys(f, "market")))
            for f in activity_facts(facts, "active")} == {"Vessa": "country:KAZ"}


def test_a_surname_is_not_made_an_organisation() -> None:
    """A person's surname the NER once calls an organisation does not turn the person, or the other
    mentions of the surname, into an organisation."""
    from diplograph.graph.extract import read_views

    _, views = read_views("Peru and Korea met. President Park Min-jun visited Lima.\n"
                          "Park said trade with Peru grew. Park's trip lasted three days. Park Min-jun left.")
    kinds = [m.kind for v in views for m in v.mentions if m.text.startswith("Park")]
    assert kinds and "Person" in kinds
    # "President Park Min-jun visited" and "Park Min-jun left": two mentions, both a person
    assert [m.kind for v in views for m in v.mentions if m.text == "Park Min-jun"] == ["Person", "Person"]
    organisations = [m.text for v in views for m in v.mentions if m.text == "Park" and m.kind != "Person"]
    assert len(organisations) <= 1  # at most the NER's own slip, never spread to every "Park"


def test_the_company_of_the_sentence_before() -> None:
    """"X signed the deal. The company plans to build a plant in Kazakhstan": X plans it."""
    facts = facts_of("Kazakhstan and Italy discussed energy. Trade between Italy and Kazakhstan grew.\n"
                     "Vessa Energia, an Italian company, signed the deal on Monday. The company plans to build a "
                     "solar plant in Kazakhstan.")
    assert {(next(iter(keys(f, "organization"))), next(iter(keys(f, "market"))))
            for f in activity_facts(facts, "planned")} == {("Vessa Energia", "country:KAZ")}


ZAMBIA_POLAND = ("LUSAKA, March 3 (Reuters) - Zambia and Poland signed a memorandum of understanding on mining. "
                 "Trade between Zambia and Poland reached $120 million in 2023. ")


def test_a_country_whose_official_is_met_is_not_the_market() -> None:
    """"is considering investing in a new mine ..., after meeting Poland's Deputy Foreign Minister": Poland owns
    the title, so the company's work goes to the article's host, not to Poland (the company's own country)."""
    text = ZAMBIA_POLAND + ("Polish copper producer Miedzbud is considering investing in a new mine in the Copperbelt "
                            "province, the minister said after meeting Poland's Deputy Foreign Minister Pawel Lis.")
    found = {(f.role("organization").text, f.role("market").key, f.value("status"))
             for f in of_kind(facts_of(text), "MarketActivity")}
    assert found == {("Miedzbud", "country:ZMB", "planned")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a third country's company that says it does something, in a sentence that names no market
        ("Separately, Canada's Northway Minerals said it would invest $1.25 billion to expand its copper mine.",
         {("Northway Minerals", "country:ZMB", "planned")}),
        ("Canada's Northway Minerals, which operates the Tembo mine, said it would invest $1.25 billion.",
         {("Northway Minerals", "country:ZMB", "active")}),
        # ... not where the sentence names another country, nor where it reports someone else's clause
        ("Canada's Northway Minerals said it would invest $1.25 billion to expand its mine in Chile.",
         {("Northway Minerals", "country:CHL", "planned")}),
        ("Canada's Northway Minerals reported that copper prices rose.", set()),
    ],
)
def test_a_third_countrys_company_works_where_the_article_is_filed(sentence: str, expected: set) -> None:
    found = {(f.role("organization").text, f.role("market").key, f.value("status"))
             for f in of_kind(facts_of(ZAMBIA_POLAND + sentence), "MarketActivity")}
    assert found == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # "there" after a deed: the country the sentence before named
        ("Hanbit Motors and Tarnok Pharma already have production bases there.",
         {("Hanbit Motors", "country:MAR"), ("Tarnok Pharma", "country:MAR")}),
        ("Hanbit Motors will build a second factory there.", {("Hanbit Motors", "country:MAR")}),
        # "the country" is that country, not the nationality of a company named before it
        ("U.S. parts supplier Lorca Systems and Swiss-based Alpwerk Industries run plants in the country too.",
         {("Lorca Systems", "country:MAR"), ("Alpwerk Industries", "country:MAR")}),
        # "there is", "there are": no place at all
        ("There are many suppliers, and there is demand for Hanbit Motors cars.", set()),
    ],
)
def test_there_and_the_country_are_the_country_named_before(second: str, expected: set) -> None:
    text = "Foreign carmakers have set up factories in Morocco in recent years. " + second
    found = {(f.role("organization").text, f.role("market").key)
             for f in of_kind(facts_of(text), "MarketActivity") if f.sentence == 1}
    assert found == expected


def test_a_name_ending_in_two_industries_joined_by_and_is_one_company() -> None:
    """"Hanil Engineering and Construction": the NER cuts the name at "and" and reads "Construction" as a name of
    its own; the words after "and" end the same name, and the list apposed to "Korean contractors" is Korean."""
    text = ("Two other Korean contractors, Hanil Engineering and Construction and Daesan Engineering and "
            "Construction, said they had won a contract.")
    homes = {(f.role("organization").text, f.role("country").key) for f in of_kind(facts_of(text), "HomeCountry")}
    assert homes == {("Hanil Engineering and Construction", "country:KOR"),
                     ("Daesan Engineering and Construction", "country:KOR")}


@pytest.mark.parametrize(
    ("sentence", "homes", "markets"),
    [
        # one of "other <nationality> suppliers", setting up bases where the sentence says
        ("Amid the war, Kurokawa and other Japanese auto suppliers are setting up production bases in Morocco.",
         {("Kurokawa", "country:JPN")}, {("Kurokawa", "country:MAR", "active")}),
        # a plant called by its country's name after "its"
        ("Wire harness maker Kurokawa Denki will raise output at its Morocco plants by around 25%.",
         set(), {("Kurokawa Denki", "country:MAR", "active")}),
        # ... not a country that is no facility's ("its Morocco strategy")
        ("Wire harness maker Kurokawa Denki will revise its Morocco strategy.", set(), set()),
    ],
)
def test_facilities_and_fellow_companies(sentence: str, homes: set, markets: set) -> None:
    facts = facts_of(sentence)
    assert {(f.role("organization").text, f.role("country").key) for f in of_kind(facts, "HomeCountry")} == homes
    assert {(f.role("organization").text, f.role("market").key, f.value("status"))
            for f in of_kind(facts, "MarketActivity")} == markets

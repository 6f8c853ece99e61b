"""Rules for the way news agencies and ministries write, one phenomenon at a time, with invented names.

Each expected value is read off the sentence by hand: who holds which post for whom, which
organisation belongs where, who is a member of what.  Every test also checks the facts the
same text must not yield, so a rule that extracts nothing cannot pass.
"""

from __future__ import annotations

import re

import pytest
from pipeline_helpers import facts_of, of_kind

from diplograph.graph.extract import extract
from diplograph.graph.extract.reading import (
    SentenceView,
    _trim,
    headline_people_the_body_names,
    names_listed_together,
    same_person,
)
from diplograph.graph.gazetteer import load_gazetteer
from diplograph.graph.model import Mention

pytestmark = pytest.mark.usefixtures("nlp_loaded")

# Both countries named twice first, as an article about them would, so the document has its pair.
PERU_VIETNAM = "Peru and Vietnam held talks in Lima. Peru and Vietnam are long-standing partners. "
KENYA_JAPAN = "Kenya and Japan held talks. Kenya and Japan are partners. "


def posts(text: str) -> set[tuple[str, str, str]]:
    """{(holder, role, affiliation key)}."""
    return {(f.role("holder").text, str(f.value("role")), f.role("affiliation").key or f.role("affiliation").text)
            for f in of_kind(facts_of(text), "Position")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head of a side's delegation, apposed before the title and the name
        (PERU_VIETNAM + "The head of the Vietnamese delegation, Deputy Minister Phan Thi Thang, thanked Peru.",
         {("Phan Thi Thang", "deputy minister", "country:VNM")}),
        # two posts after the name, joined by "and"; not the title of the next name
        (PERU_VIETNAM + "Bui Thanh Son, Vietnam's Deputy Prime Minister and Foreign Minister, spoke.",
         {("Bui Thanh Son", "deputy prime minister", "country:VNM"),
          ("Bui Thanh Son", "foreign minister", "country:VNM")}),
        (PERU_VIETNAM + "Bui Thanh Son, Vietnam's Deputy Prime Minister, and Foreign Minister Ana Gervasi Diaz "
         "of Peru spoke.", {("Bui Thanh Son", "deputy prime minister", "country:VNM"),
                            ("Ana Gervasi Diaz", "foreign minister", "country:PER")}),
        # a bare title beside one whose country the sentence says, of the same kind of post: the other country
        (PERU_VIETNAM + "Deputy Minister of Foreign Trade Ana Gervasi Diaz and Vietnamese Deputy Minister of "
         "Industry and Trade Nguyen Sinh Tan co-chaired the meeting.",
         {("Ana Gervasi Diaz", "deputy minister of foreign trade", "country:PER"),
          ("Nguyen Sinh Tan", "deputy minister of industry and trade", "country:VNM")}),
        (PERU_VIETNAM + "Minister of Production Raul Perez Reyes met Vietnamese Minister of Agriculture Le Minh "
         "Hoan.", {("Raul Perez Reyes", "minister of production", "country:PER"),
                   ("Le Minh Hoan", "minister of agriculture", "country:VNM")}),
        # ... not where the nationality may stand for both, nor across kinds of post
        (PERU_VIETNAM + "Vietnamese Minister of Agriculture Le Minh Hoan and Minister of Finance Ho Duc Phoc "
         "attended.", {("Le Minh Hoan", "minister of agriculture", "country:VNM")}),
        (PERU_VIETNAM + "Ambassador Ana Gervasi Diaz met Vietnamese Minister of Agriculture Le Minh Hoan.",
         {("Le Minh Hoan", "minister of agriculture", "country:VNM")}),
        # a portfolio with "and" in it is part of the title, before a name and before a comma
        (PERU_VIETNAM + "Vietnamese Minister of Industry and Trade Tran Duc Lam met Peru's Minister of Industry "
         "and Trade, Rosa Quispe Llanos, in Lima.",
         {("Tran Duc Lam", "minister of industry and trade", "country:VNM"),
          ("Rosa Quispe Llanos", "minister of industry and trade", "country:PER")}),
        # "Cabinet Secretary" is a title, and "Peruvian Mining" before "Minister" is a portfolio, not a company
        (PERU_VIETNAM + "Peruvian Cabinet Secretary for Mining Hugo Salas Vera said Peruvian Mining Minister "
         "Ana Torres Ruiz would visit Hanoi.",
         {("Hugo Salas Vera", "cabinet secretary for mining", "country:PER"),
          ("Ana Torres Ruiz", "mining minister", "country:PER")}),
        # the counterpart from a country holds the same post
        (PERU_VIETNAM + "Vietnamese Foreign Minister Tran Duc Lam held talks with his counterpart from Peru, "
         "Rosa Quispe Llanos.",
         {("Tran Duc Lam", "foreign minister", "country:VNM"),
          ("Rosa Quispe Llanos", "foreign minister", "country:PER")}),
        # plural titles pair up with the names in order
        (PERU_VIETNAM + "The Presidents of Peru and Vietnam, Hugo Salas Vera and Tran Duc Lam, signed a joint "
         "statement.",
         {("Hugo Salas Vera", "president", "country:PER"), ("Tran Duc Lam", "president", "country:VNM")}),
        # one person, two posts, before the name and after it
        ("Saudi Arabia and Peru held talks. Saudi Arabia and Peru are partners. Saudi Crown Prince and Prime "
         "Minister Faisal bin Omar received the delegation.",
         {("Faisal bin Omar", "crown prince", "country:SAU"), ("Faisal bin Omar", "prime minister", "country:SAU")}),
        ("Saudi Arabia and Peru held talks. Saudi Arabia and Peru are partners. Faisal bin Omar, Crown Prince and "
         "Prime Minister of Saudi Arabia, received the delegation.",
         {("Faisal bin Omar", "crown prince", "country:SAU"), ("Faisal bin Omar", "prime minister", "country:SAU")}),
        # a diplomat's full rank, at an embassy
        (PERU_VIETNAM + "Tran Thi Mai, minister counsellor for economic and commercial affairs at the Vietnamese "
         "Embassy in Peru, said trade grew.",
         {("Tran Thi Mai", "minister counsellor for economic and commercial affairs", "country:VNM")}),
        # a list of officials after one whose country is said: each of the list serves that country
        (PERU_VIETNAM + "The mission was led by Vietnamese Minister of Agriculture Le Minh Hoan, Minister of "
         "Finance Ho Duc Phoc, and Minister of State Tran Van Tuan.",
         {("Le Minh Hoan", "minister of agriculture", "country:VNM"),
          ("Ho Duc Phoc", "minister of finance", "country:VNM"),
          ("Tran Van Tuan", "minister of state", "country:VNM")}),
        # whose prime minister the article speaks of: not a title written before another holder's name
        (PERU_VIETNAM + "The Vietnamese Prime Minister's official visit began on Monday. \"Peru is an important "
         "partner,\" Prime Minister Pham Van Duc said in a statement. He later met Peru's Prime Minister and "
         "Minister of Finance, Ana Ruiz Soto.",
         {("Pham Van Duc", "prime minister", "country:VNM"), ("Ana Ruiz Soto", "prime minister", "country:PER"),
          ("Ana Ruiz Soto", "minister of finance", "country:PER")}),
        # a qualified corporate title after the name, its organisation after "at" or after "for" and a description
        (PERU_VIETNAM + "Tran Van Long, deputy CEO of export sales at Hoa Sen Steel, said demand grew. Ana Ruiz "
         "Soto, managing director for steel giant Aceros Andinos in Vietnam, said the same.",
         {("Tran Van Long", "deputy ceo of export sales", "Hoa Sen Steel"),
          ("Ana Ruiz Soto", "managing director", "Aceros Andinos")}),
        # a participants' list that writes each title before its name: the title after a name is the next one's
        (PERU_VIETNAM + "Deputy Prime Minister of Vietnam, Tran Van Long, Minister of Trade of Peru, Ana Ruiz "
         "Soto, took part.",
         {("Tran Van Long", "deputy prime minister", "country:VNM"),
          ("Ana Ruiz Soto", "minister of trade", "country:PER")}),
        # a side's delegation "to" the other country, headed by a bare title, in a report from the other's capital
        ("TOKYO, June 20 -- The Philippines and Japan are partners. The Philippines and Japan held talks. The "
         "Philippine delegation to Japan, headed by Finance Secretary Ramon Cruz Reyes, met Japanese companies.",
         {("Ramon Cruz Reyes", "finance secretary", "country:PHL")}),
        # "Hon" without its full stop before a name the NER calls an organisation
        ("Belize and Guyana held talks. Belize and Guyana are partners. Belize was represented by Hon Eamon "
         "Courtenay, Minister of Foreign Affairs and Foreign Trade.",
         {("Eamon Courtenay", "minister of foreign affairs and foreign trade", "country:BLZ")}),
        # an interim or transitional post, after the country's possessive and before a comma
        (PERU_VIETNAM + "Peru's interim prime minister, Ana Ruiz Soto, and Vietnam's transitional leader, Tran "
         "Van Long, spoke.",
         {("Ana Ruiz Soto", "interim prime minister", "country:PER"),
          ("Tran Van Long", "transitional leader", "country:VNM")}),
        # an official carries the message of their own country's leader
        (PERU_VIETNAM + "Deputy Prime Minister of Vietnam, Tran Van Long, opened the forum. Tran Van Long "
         "delivered President Pham Van Duc's message. Peru's Minister of Trade, Ana Ruiz Soto, conveyed "
         "President Luis Flores Vega's greetings.",
         {("Tran Van Long", "deputy prime minister", "country:VNM"), ("Pham Van Duc", "president", "country:VNM"),
          ("Ana Ruiz Soto", "minister of trade", "country:PER"), ("Luis Flores Vega", "president", "country:PER")}),
        # a visitor on a trip to one of the two countries is the other's
        (PERU_VIETNAM + "Businesses travelled with outgoing president Luis Flores Vega on his farewell trip to "
         "Vietnam last week.",
         {("Luis Flores Vega", "president", "country:PER")}),
        # "Honourable" and its forms are honorifics, no part of the name
        (PERU_VIETNAM + "Those present were: Prime Minister of Peru, Most Honourable Ana Ruiz Soto; and Prime "
         "Minister of Vietnam, Dr the Honourable Pham Van Duc.",
         {("Ana Ruiz Soto", "prime minister", "country:PER"), ("Pham Van Duc", "prime minister", "country:VNM")}),
        # a name the NER misses, before a country's qualified title; a date before it is no name
        (PERU_VIETNAM + "Jorge Ancasi Mamani, Peru's Coordinating Minister for Maritime and Investment Affairs, "
         "met Vietnamese firms. On Sunday, Vietnamese President Tran Duc Lam arrived.",
         {("Jorge Ancasi Mamani", "coordinating minister for maritime and investment affairs", "country:PER"),
          ("Tran Duc Lam", "president", "country:VNM")}),
    ],
)
def test_posts_as_the_news_writes_them(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


def test_an_organisation_named_after_a_title_keeps_its_name() -> None:
    """"the chairman of the Foreign Investors Council": the council's words are not a portfolio."""
    found = posts("Peru and Vietnam held talks. Arman Soto, who is also the chairman of the Foreign Investors "
                  "Council, spoke.")
    assert found == {("Arman Soto", "chairman", "Foreign Investors Council")}


def test_a_portfolio_before_a_title_is_no_company() -> None:
    """The NER reads "Peruvian Mining" as an organisation; it is the minister's portfolio."""
    facts = facts_of(PERU_VIETNAM + "Peruvian Mining Minister Ana Torres Ruiz visited Hanoi.")
    assert of_kind(facts, "HomeCountry") == []
    assert posts(PERU_VIETNAM + "Peruvian Mining Minister Ana Torres Ruiz visited Hanoi.") == {
        ("Ana Torres Ruiz", "mining minister", "country:PER")}


def members(text: str) -> set[tuple[str, str]]:
    """{(member key, group key)}."""
    return {(f.role("member").key, f.role("group").key) for f in of_kind(facts_of(text), "Membership")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group defined by its members, with its acronym in parentheses before the list
        ("Oman and Malaysia held talks. Oman and Malaysia are partners. The Gulf Cooperation Council (GCC), made "
         "up of Saudi Arabia, Oman, Qatar, Bahrain, Kuwait, and the UAE, met.",
         {(f"country:{c}", "io:gulf-cooperation-council") for c in ("SAU", "OMN", "QAT", "BHR", "KWT", "ARE")}),
        # "the X bloc, which consists of"
        ("Oman and Laos held talks. Oman and Laos are partners. Oman will engage with the ASEAN bloc, which "
         "consists of Laos, Myanmar and Cambodia.",
         {(f"country:{c}", "io:association-of-southeast-asian-nations") for c in ("LAO", "MMR", "KHM")}),
        # "a grouping of", and "welcomed X as a new member of Y"
        ("Peru and Vietnam held talks. Peru and Vietnam are partners. Vietnam welcomed Peru as a new member of "
         "the CPTPP. The Pacific Alliance, a grouping of Chile, Colombia, Mexico and Peru, met too.",
         {("country:PER", "io:comprehensive-and-progressive-agreement-for-trans-pacific-partnership")}
         | {(f"country:{c}", "io:pacific-alliance") for c in ("CHL", "COL", "MEX", "PER")}),
        # the two countries cooperate within the framework of groups: both are members of each
        ("Pakistan and China held talks. Pakistan and China are partners. The two countries cooperate closely "
         "within the framework of the United Nations and the Shanghai Cooperation Organization (SCO).",
         {(f"country:{c}", g) for c in ("PAK", "CHN")
          for g in ("io:united-nations", "io:shanghai-cooperation-organisation")}),
        # both coordinated subjects became members, not only the one next to the verb
        ("Egypt and Ethiopia held talks. Egypt and Ethiopia are partners. Egypt and Ethiopia became full members "
         "of BRICS this year.",
         {("country:EGY", "io:brics"), ("country:ETH", "io:brics")}),
        # "a bloc that also includes": the countries it lists are members
        ("Chile and Peru held talks. Chile and Peru are partners. Trade grew within the Pacific Alliance, a bloc "
         "that also includes Mexico and Colombia.",
         {("country:MEX", "io:pacific-alliance"), ("country:COL", "io:pacific-alliance")}),
        # a country joining a list of countries, after a sentence about a group: all are members of it
        ("Kenya and Somalia held talks. Kenya and Somalia are partners. Somalia became a member of the East "
         "African Community. Somalia joins Burundi, Kenya and Uganda.",
         {(f"country:{c}", "io:east-african-community") for c in ("SOM", "BDI", "KEN", "UGA")}),
        # "holds the presidency of X, which also includes A and B": the holder too; not a mere speaker
        ("Mali and Niger held talks. Mali and Niger are partners. Mali will hold the presidency of the Alliance "
         "of Sahel States, which also includes Burkina Faso and Niger. Niger said Mercosur, which also "
         "encompasses Brazil and Paraguay, grew.",
         {(f"country:{c}", "io:alliance-of-sahel-states") for c in ("MLI", "BFA", "NER")}
         | {("country:BRA", "io:southern-common-market"), ("country:PRY", "io:southern-common-market")}),
        # "As fellow members of A and B, the two countries": the pair in both groups
        ("Vietnam and Chile held talks. Vietnam and Chile are partners. As fellow members of APEC and the CPTPP, "
         "the two countries share goals.",
         {(f"country:{c}", g) for c in ("VNM", "CHL") for g in (
             "io:asia-pacific-economic-cooperation",
             "io:comprehensive-and-progressive-agreement-for-trans-pacific-partnership")}),
        # "both ... are members of", after a clause boundary; a free trade area of the gazetteer is a group
        ("Jordan and Tunisia held talks. Jordan and Tunisia are partners. He noted that both apply open trade "
         "policies and are members of the Greater Arab Free Trade Area.",
         {("country:JOR", "io:greater-arab-free-trade-area"), ("country:TUN", "io:greater-arab-free-trade-area")}),
    ],
)
def test_memberships_as_the_news_writes_them(text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


def activity(text: str) -> set[tuple[str, str, str]]:
    """{(organisation, market key, status)}."""
    return {(f.role("organization").text, f.role("market").key, str(f.value("status")))
            for f in of_kind(facts_of(text), "MarketActivity")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # read from the parse: the company is the verb's subject, the country the object of "in"/"to"
        ("Egypt and Germany held talks. The German company Rheinwerk Energie will build a hydrogen plant in "
         "Egypt.", {("Rheinwerk Energie", "country:EGY", "planned")}),
        ("Egypt and Canada held talks. The Canadian miner Northgate Gold is exploring gold deposits in Egypt.",
         {("Northgate Gold", "country:EGY", "active")}),
        ("Thailand and Saudi Arabia held talks. The Siam Tile Group is expected to open its office in Saudi Arabia "
         "by September.", {("Siam Tile Group", "country:SAU", "planned")}),
        # an object-control verb: the organisation invited is the one to act
        ("Thailand and Saudi Arabia held talks. A Saudi business group has invited Bangkok Fuel Retail to set up "
         "filling stations in Saudi Arabia.", {("Bangkok Fuel Retail", "country:SAU", "planned")}),
        # negated: nothing
        ("Egypt and Germany held talks. The German company Rheinwerk Energie will not build a plant in Egypt.",
         set()),
        # the doer of a clause without a subject of its own: a control chain through a noun ...
        ("Czechia and South Korea held talks. The Korean firm Hanvo Power and the Czech utility CEZ are set to "
         "finalize a contract to build two nuclear reactors in southern Czechia.",
         {("Hanvo Power", "country:CZE", "planned")}),
        # ... the agent of a plan, a relative clause, "be present", a possessive and a superlative apposition
        ("Indonesia and China held talks. One of the projects discussed was a plan by Lumio Battery Co to build a "
         "battery plant in Indonesia.", {("Lumio Battery Co", "country:IDN", "planned")}),
        ("Egypt and Germany held talks. Nordwind Energy Group, which has operated in Egypt since 2005, will "
         "expand its line.", {("Nordwind Energy Group", "country:EGY", "active")}),
        ("Egypt and Germany held talks. Nordwind Energy Group has been present in Egypt for 40 years.",
         {("Nordwind Energy Group", "country:EGY", "active")}),
        ("Hungary and Germany held talks. Volkswerk AG's plant in Hungary employs 5,000 people.",
         {("Volkswerk AG", "country:HUN", "active")}),
        # a clause with a subject of its own is not the company's
        ("Egypt and Germany held talks. Rheinwerk Energie said the ministry will build a plant in Egypt.", set()),
        # the country of the site where the work is done: "build reactors at the X plant in Czechia"
        ("Czechia and South Korea held talks. The Korean firm Hanvo Power will build two reactors at the "
         "Dalesice power plant in southern Czechia.", {("Hanvo Power", "country:CZE", "planned")}),
        # interest in quotation marks is still a plan; "the ... arm of Y" makes X a company
        ('Thailand and China held talks. China\'s Qilin Auto is "very interested" in investing in Thailand.',
         {("Qilin Auto", "country:THA", "planned")}),
        ("Thailand and China held talks. Zhao Lan, the electric car arm of China's Jinhe Motor Group, plans to "
         "invest in an EV plant in Thailand.", {("Zhao Lan", "country:THA", "planned")}),
        # a noun for the work, owned by the company: "X's expansion of its mine in Peru"; support for projects
        ("Peru and China held talks. The ceremony marked Chinese miner Huaxin Metals' $1.3 billion expansion of "
         "its copper mine in southern Peru.", {("Huaxin Metals", "country:PER", "active")}),
        ("Uzbekistan and Japan held talks. The Nippon Aid Agency (NAA) has supported irrigation projects in "
         "Uzbekistan for three decades.", {("Nippon Aid Agency", "country:UZB", "active")}),
        # a pronoun is nobody's name
        ("Uzbekistan and Japan held talks. He supported irrigation projects in Uzbekistan.", set()),
        # opportunities looked for, a route considered, a deal signed to supply: plans in the market named
        (PERU_VIETNAM + "Peruvian mining company Andes Plata is looking for opportunities in Vietnam.",
         {("Andes Plata", "country:VNM", "planned")}),
        (PERU_VIETNAM + "The Vietnamese airline Song Hong Air is considering a route to Lima.",
         {("Song Hong Air", "country:PER", "planned")}),
        (PERU_VIETNAM + "The Vietnamese carmaker Song Hong Motors signed a deal to supply 500 electric taxis to a "
         "Lima operator.", {("Song Hong Motors", "country:PER", "planned")}),
        # the company's own investment, named as a noun
        (PERU_VIETNAM + "Song Hong Bank's investment in Peru reached $200 million.",
         {("Song Hong Bank", "country:PER", "active")}),
        # a participle in the apposition names the business, it is not what the company does
        (PERU_VIETNAM + "Andes Cobre, a Peruvian mining company, plans to open an office in Hanoi.",
         {("Andes Cobre", "country:VNM", "planned")}),
    ],
)
def test_activity_read_from_the_parse(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


def test_a_country_written_first_places_what_the_company_does_there() -> None:
    """"In Kenya, Acme Holdings handles ...": the fronted country is where the subject works; "it" is the company
    the sentence before named; a subject that only speaks there does no business there."""
    assert activity(KENYA_JAPAN + "In Kenya, Hoshino Trading Corporation handles the import of tractors.") == {
        ("Hoshino Trading Corporation", "country:KEN", "active")}
    assert activity(KENYA_JAPAN + "Hoshino Trading Corporation is a large group. In Kenya, it will open two "
                    "offices.") == {("Hoshino Trading Corporation", "country:KEN", "planned")}
    assert activity(KENYA_JAPAN + "In Kenya, Hoshino Trading Corporation said the market was difficult.") == set()
    assert activity(KENYA_JAPAN + "In Kenya, Hoshino Trading Corporation has not opened an office.") == set()


def test_a_large_city_places_an_activity_in_its_country() -> None:
    """"building a hotel complex in Samarkand": Samarkand is in Uzbekistan (data/gazetteer/cities.csv); a
    city is a place, never an entity or an actor."""
    text = ("Azerbaijan and Uzbekistan held talks. Azerbaijan and Uzbekistan are partners. The construction company "
            "Qurulush Inşaat is building a hotel complex in Samarkand.")
    assert activity(text) == {("Qurulush Inşaat", "country:UZB", "active")}
    assert {m.kind for m in extract(text).mentions if m.text == "Samarkand"} <= {"Country"}


PERU_CHILE = "Peru and Chile held talks. Peru and Chile are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stake in a company of a country is a stake in its market
        (PERU_CHILE + "The Peruvian state oil firm Petrandes holds stakes in Chilean energy company Valpo Gas.",
         {("Petrandes", "country:CHL", "active")}),
        # taking a stake is a plan; having a share of a project is activity
        (PERU_CHILE + "Andes Air will take a 60 percent stake in Chile's new Norte airport.",
         {("Andes Air", "country:CHL", "planned")}),
        (PERU_CHILE + "The Peruvian firm Solandes has a 40 percent share of a solar park in Chile.",
         {("Solandes", "country:CHL", "active")}),
        # a contract from a country's operator: its market, and the operator says nothing of the winner's home
        (PERU_CHILE + "Andes Cable Group won a contract from the Chilean grid operator to lay a subsea cable.",
         {("Andes Cable Group", "country:CHL", "active")}),
        # supplying a country's utility is working in its market
        (PERU_CHILE + "The Peruvian equipment maker Andes Turbinas said it would supply two steam turbines to the "
         "Chilean utility Energia Sur.", {("Andes Turbinas", "country:CHL", "planned")}),
        # a contract a country's government awarded: work planned in its market
        (PERU_CHILE + "He said the Chilean government had awarded a contract to Lima Rail Group, a Peruvian "
         "company, to build a railway.", {("Lima Rail Group", "country:CHL", "planned")}),
        # people employed at plants in a city of the country
        (PERU_CHILE + "The Peruvian firm Textil Inca employs 3,000 people at its plants in Antofagasta.",
         {("Textil Inca", "country:CHL", "active")}),
    ],
)
def test_stakes_contracts_and_jobs_abroad(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected
    assert "Andes Cable Group" not in {f.role("organization").text for f in of_kind(facts_of(text), "HomeCountry")}


def test_companies_listed_after_among_them_are_companies() -> None:
    """"Italian companies, among them A, B and C": each listed name is a company, whatever the NER made of it."""
    text = (PERU_CHILE + "Representatives of international companies, among them Besto, Gil Santo, Maira Tecnica and "
            "Pedroni, presented projects.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert {n: kinds.get(n) for n in ("Besto", "Gil Santo", "Maira Tecnica", "Pedroni")} == {
        "Besto": "Company", "Gil Santo": "Company", "Maira Tecnica": "Company", "Pedroni": "Company"}


def test_a_nationalitys_firms_listed_later_after_among_them_with_a_colon() -> None:
    """"about 40 Peruvian firms operate in Chile, among them: A (AC), B, C and D": each listed name is a Peruvian
    company at work in Chile (an acronym in brackets does not break the list); a legal form makes a company."""
    text = (PERU_CHILE + "About 40 Peruvian firms operate in Chile, among them: Andina Cementos (ANCE), Molvera, "
            "Tarrasco and Quilpa. The deal was signed with RUE Belvostok.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert {n: kinds.get(n) for n in ("Andina Cementos", "Molvera", "Tarrasco", "Quilpa", "RUE Belvostok")} == {
        n: "Company" for n in ("Andina Cementos", "Molvera", "Tarrasco", "Quilpa", "RUE Belvostok")}
    assert activity(text) >= {(n, "country:CHL", "active") for n in ("Andina Cementos", "Molvera", "Tarrasco",
                                                                     "Quilpa")}
    assert homes(text) >= {(n, "country:PER") for n in ("Andina Cementos", "Molvera", "Tarrasco", "Quilpa")}


def test_a_name_that_builds_a_plant_is_a_company_but_a_titled_one_stays_a_person() -> None:
    """The NER takes "Toyota Tsusho" for a person; only a business builds a plant. An ambassador who delivered
    remarks, or a minister who will build ties, is still a person."""
    text = ("Kenya and Japan held talks. Kenya and Japan are partners. Toyota Tsusho will build a geothermal plant "
            "in Kenya, the company said. Japanese Ambassador to Kenya Ken Okaniwa delivered opening remarks.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Toyota Tsusho") == "Company" and kinds.get("Ken Okaniwa") == "Person"
    assert ("Toyota Tsusho", "country:KEN", "planned") in activity(text)


def test_a_name_that_intends_to_sell_its_concession_is_a_company() -> None:
    """"Malaysia's X intends to sell its palm oil concession in Liberia": only a business sells a concession, so
    the name the NER took for a person's is a company's, with its home and its market."""
    text = ("Malaysia and Liberia held talks. Malaysia and Liberia are partners. Malaysia’s Zentarol Darby intends to "
            "sell its palm oil concession in Liberia to a local manufacturer, a Liberian minister said.")
    assert {m.text: m.kind for m in extract(text).mentions}.get("Zentarol Darby") == "Company"
    assert ("Zentarol Darby", "country:MYS") in homes(text)


def test_an_untitled_name_that_sells_a_concession_is_a_company_however_often_named() -> None:
    """The NER reads "Zentarol Darby" as a person four times; the text never gives it a title, and it sells a
    concession: it is a company throughout. A titled person doing business stays a person."""
    text = ("Malaysia and Liberia held talks. Malaysia and Liberia are partners. Zentarol Darby to sell Liberian "
            "plantation. Malaysia’s Zentarol Darby intends to sell its palm oil concession in Liberia. Zentarol "
            "Darby signed the concession in 2009. Zentarol Darby has 300 staff in Liberia. Minister Rosa Quispe "
            "Mamani sold her stake in a Liberian bank. Rosa Quispe Mamani spoke.")
    kinds = {(m.text, m.kind) for m in extract(text).mentions}
    assert ("Zentarol Darby", "Company") in kinds and ("Zentarol Darby", "Person") not in kinds
    assert ("Rosa Quispe Mamani", "Person") in kinds and ("Rosa Quispe Mamani", "Company") not in kinds


@pytest.mark.parametrize("sentence", [
    "Zentarol is one of the largest Portuguese companies in Angola.",
    "Construction company Zentarol, which expects a turnover of 298 million dollars this year, is one of several "
    "Portuguese construction groups in Angola.",
    "Zentarol is a Portuguese firm.",
])
def test_a_name_said_to_be_one_of_a_nationalitys_companies(sentence: str) -> None:
    """The NER reads a bare "Zentarol" as a person; being one of a nationality's companies makes it a company
    of that country. "X is the head of the company" keeps X a person."""
    text = "Portugal and Angola held talks. Portugal and Angola are partners. " + sentence + \
        " Rosa Quispe Mamani is the head of the company."
    kinds = {(m.text, m.kind) for m in extract(text).mentions}
    assert ("Zentarol", "Company") in kinds and ("Rosa Quispe Mamani", "Person") in kinds
    assert ("Zentarol", "country:PRT") in homes(text)


def test_a_nationalitys_investors_for_instance_a_company() -> None:
    text = (KENYA_JAPAN + "Some Japanese investors, for instance Zentarol Corporation, rank among the largest "
            "Kenyan exporters.")
    assert ("Zentarol Corporation", "country:JPN") in homes(text)


def test_a_datelines_agency_and_dash_are_no_part_of_a_name() -> None:
    """"Accra, Jan. 11, GNA - Madam X": the NER's one organisation "GNA - Madam X" is the agency, a dash, an
    honorific and the minister's name; the name is a person's, and "Madam" no name at all."""
    text = ("Ghana's minister in Kenya\n\nAccra, Jan. 11, GNA - Madam Rosa Ayorkor Mamani, the Minister of Foreign "
            "Affairs and Regional Integration, is in Kenya on a two-day working visit at the invitation of her "
            "counterpart, Mr Daniel Kiptoo. Ghana and Kenya are partners. Madam Mamani met him.")
    mentions = {(m.text, m.kind) for m in extract(text).mentions}
    assert ("Rosa Ayorkor Mamani", "Person") in mentions and not any("Madam" in name for name, _ in mentions)


def test_companies_a_nationalitys_mission_counts_such_as_a_list_ending_in_or() -> None:
    """"The Japanese business mission counts 18 companies ..., such as A, B or C": the mission's nationality is
    the companies' home, and "or" ends the list as "and" does."""
    text = (KENYA_JAPAN + "The Japanese business mission counts 18 companies from the trade and banking sectors, some "
            "of which are known worldwide, such as Andivia Corporation, Kesmar Corporation or Safaricode Corporation.")
    assert {("Andivia Corporation", "country:JPN"), ("Kesmar Corporation", "country:JPN"),
            ("Safaricode Corporation", "country:JPN")} <= homes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation's full stop before the apposition
        (KENYA_JAPAN + "Tamura & Co., one of Japan's largest trading houses, opened an office.",
         {("Tamura & Co", "country:JPN")}),
        # a city-based lender in an apposition
        (KENYA_JAPAN + "The deal was signed by Mavuno Bank, a Nairobi-based lender, and Kiyomi Holdings.",
         {("Mavuno Bank", "country:KEN")}),
        # a country or nationality glued after the last "and" of a ministry's name
        (KENYA_JAPAN + "The Kenyan Ministry of Energy and Petroleum and Japan's Ministry of Economy signed the plan.",
         {("Kenyan Ministry of Energy and Petroleum", "country:KEN"), ("Ministry of Economy", "country:JPN")}),
        (KENYA_JAPAN + "Kenyan tea exporter Chai Bora and Japanese retailer Sakura Mart will expand ties.",
         {("Chai Bora", "country:KEN"), ("Sakura Mart", "country:JPN")}),
        # a list, then an apposition that gives the whole list its country
        (KENYA_JAPAN + "Tamura Construction Company and Hoshino Engineering Limited, the two Japan-based firms "
         "building the road, will open offices.",
         {("Tamura Construction Company", "country:JPN"), ("Hoshino Engineering Limited", "country:JPN")}),
        # two universities the NER read as one name; a university named after a city
        (KENYA_JAPAN + "The University of Nairobi and Kyoto University launched a joint programme.",
         {("University of Nairobi", "country:KEN"), ("Kyoto University", "country:JPN")}),
    ],
)
def test_home_countries_as_the_news_writes_them(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


def test_a_country_and_a_brand_is_a_name() -> None:
    """"Chile Daily", "Saudi Aramco": a country's name or adjective and one word that is no title, portfolio or
    sector is an organisation's name, not the country alone."""
    for text, name in ((PERU_CHILE + "Chile Daily reported the deal.", "Chile Daily"),
                       (PERU_CHILE + "Saudi Aramco and Andes Mining operate the smelter.", "Saudi Aramco")):
        assert name in {m.text for m in extract(text).mentions}


def test_a_member_of_a_banks_board_is_a_person() -> None:
    """"X, a member of the bank's board": the noun after "of" is not what X is."""
    text = PERU_CHILE + "The bank will lend 60 million euros, said Jorge Salas, a member of the bank's board."
    assert {m.text: m.kind for m in extract(text).mentions}.get("Jorge Salas") == "Person"


def test_a_company_noun_before_a_name_joined_by_y() -> None:
    """"the wine maker Concha y Toro": the NER reads two people; the company noun and the Spanish "y" make one
    company's name. Two organisations joined by "and" stay two."""
    kinds = {m.text: m.kind for m in extract(PERU_CHILE + "The wine maker Vina Sol y Mar sells through local "
                                                          "distributors.").mentions}
    assert kinds.get("Vina Sol y Mar") == "Company"
    names = {m.text for m in extract(PERU_CHILE + "The Peruvian firm Andes Group and Chile Posts signed a "
                                                  "memorandum.").mentions}
    assert "Andes Group and Chile Posts" not in names


def test_a_person_the_ner_once_calls_an_organisation_stays_a_person() -> None:
    """"Sofia Varga said": the NER's bare organisation loses to the same name read as a person, so no home
    country comes from the capital in her given name."""
    text = ("LIMA, May 4 -- Peru and Bulgaria agreed to cooperate, Peruvian Foreign Minister Hugo Salas said after "
            "talks with his Bulgarian counterpart, Sofia Varga. Peru and Bulgaria are partners.\n\n"
            '"We see great potential in digital technologies and healthcare," Sofia Varga said.')
    ex = extract(text)
    assert {m.kind for m in ex.mentions if m.text == "Sofia Varga"} == {"Person"}
    assert not of_kind(ex.facts, "HomeCountry")


def test_a_verb_the_ner_took_into_a_name_is_no_part_of_it() -> None:
    names = {m.text for m in extract(PERU_CHILE + "The Peruvian state oil firm Petrandes holds stakes in Chilean "
                                                  "energy company Valpo Gas.").mentions}
    assert "Petrandes" in names and "Petrandes holds" not in names


def trade_and_investment(text: str) -> set[tuple[str, int, int | None]]:
    return {(f.kind, int(f.value("amount")), f.value("year")) for f in facts_of(text)
            if f.kind in ("TradeFlow", "InvestmentFlow")}


def test_flows_as_the_news_writes_them() -> None:
    """A figure "a year earlier" is the year before the sentence's; a total "since 2015" has no year; a trade
    deficit is the difference of two flows, neither of them."""
    assert trade_and_investment(KENYA_JAPAN + "Bilateral trade reached $1.2 billion in 2023, up from $980 million "
                                              "a year earlier.") == {("TradeFlow", 1_200_000_000, 2023),
                                                                     ("TradeFlow", 980_000_000, 2022)}
    assert trade_and_investment(KENYA_JAPAN + "Since 2015, Japanese companies have invested more than $2 billion "
                                              "in Kenya.") == {("InvestmentFlow", 2_000_000_000, None)}
    assert trade_and_investment(KENYA_JAPAN + "Kenya's trade deficit with Japan widened to $1 billion in "
                                              "2023.") == set()


def test_a_city_written_without_its_diacritics_is_still_in_its_country() -> None:
    """Győr (about 130,000 people) is printed "Gyor" in English news: a plant there is in Hungary, even in an
    article about two other countries."""
    text = ("Chile and Peru held talks. Chile and Peru are partners. The Peruvian company Andes Textil "
            "opened a plant in Gyor last year.")
    assert activity(text) == {("Andes Textil", "country:HUN", "active")}


def test_a_dateline_city_gives_the_host_country() -> None:
    """"KARACHI: ... Industries Minister X": a report filed in Pakistan names Pakistan's minister."""
    text = ("KARACHI: Industries Minister Rashid Baloch Qureshi met Chinese investors. Pakistan and China are "
            "partners. Pakistan and China held talks.")
    assert posts(text) == {("Rashid Baloch Qureshi", "industries minister", "country:PAK")}


def test_a_verb_between_an_organisation_and_a_title_makes_it_no_owner() -> None:
    """"the EAM called on President X": the EAM is not X's affiliation; "Colombo, June 21:" is a dateline,
    so the president is Sri Lanka's."""
    text = ("Colombo, June 21: The EAM called on President Anura Perera Dias during the visit. Sri Lanka and India "
            "are partners. Sri Lanka and India held talks.")
    assert posts(text) == {("Anura Perera Dias", "president", "country:LKA")}


def homes(text: str) -> set[tuple[str, str]]:
    """{(organisation, country key)}."""
    return {(f.role("organization").text, f.role("country").key) for f in of_kind(facts_of(text), "HomeCountry")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country in brackets after a name, as press releases write sponsors; "X of Vietnam"
        (PERU_VIETNAM + "The forum was sponsored by Andes Cobre (Peru), Song Hong Steel (Vietnam) and Pacific "
         "Bank (Singapore).", {("Andes Cobre", "country:PER"), ("Song Hong Steel", "country:VNM"),
                               ("Pacific Bank", "country:SGP")}),
        (PERU_VIETNAM + "Representatives of Song Hong Steel of Vietnam and Andes Cobre of Peru signed the deal.",
         {("Song Hong Steel", "country:VNM"), ("Andes Cobre", "country:PER")}),
        # the side the text names outranks a city of another country in the company's name
        (PERU_VIETNAM + "From the Vietnamese side, companies such as Vinafood, Changwon Steel and Thaco attended.",
         {("Vinafood", "country:VNM"), ("Changwon Steel", "country:VNM"), ("Thaco", "country:VNM")}),
        # government bodies named after their country, whatever the NER glued to them
        ("Chile and Norway held talks. The Ministry of Energy of Chile and Norway's Ministry of Trade signed a "
         "memorandum with the Embassy of India in Nepal.",
         {("Ministry of Energy of Chile", "country:CHL"), ("Ministry of Trade", "country:NOR"),
          ("Embassy of India in Nepal", "country:IND")}),
        # "the tour operator X and Germany's Y": the country after "and" belongs to the next name
        ("Italy and Kazakhstan held talks. Neos was founded as a joint venture between the Italian tour operator "
         "Alpiviaggi and Germany's Reisewerk Group.",
         {("Alpiviaggi", "country:ITA"), ("Reisewerk Group", "country:DEU")}),
        # a name that names one country belongs to it, wherever the country stands in it; two countries: no
        ("India and Ghana held talks. The Confederation of Indian Industry and the Ghana-India Trade Council met.",
         {("Confederation of Indian Industry", "country:IND")}),
        # a body whose name starts with its country is not a country followed by a person
        ("Nepal and India held talks. The Nepal Electricity Authority signed a memorandum with the Thai Chamber "
         "of Commerce.",
         {("Nepal Electricity Authority", "country:NPL"), ("Thai Chamber of Commerce", "country:THA")}),
        # a nationality before a ministry, and a list of portfolios the NER cut at a comma, are the name's
        ("Tunisia and Italy held talks. Figures from the Italian Ministry of Foreign Affairs show it. According to "
         "the Tunisian Ministry of Industry, Mines and Energy, the hub will be built.",
         {("Italian Ministry of Foreign Affairs", "country:ITA"),
          ("Tunisian Ministry of Industry, Mines and Energy", "country:TUN")}),
    ],
)
def test_home_countries_of_bodies_named_after_them(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


def test_a_counterpart_holds_the_post_the_article_gave_the_other_person() -> None:
    """The president is named as such in one sentence; "with his Senegalese counterpart Y" in another."""
    text = ("Turkey and Senegal held talks. Turkish President Kemal Arslan Demir hosted the visit. Senegal and "
            "Turkey are partners. \"We have a common will,\" Demir said in Ankara with his Senegalese counterpart "
            "Ousmane Ba Ndiaye.")
    assert posts(text) == {("Kemal Arslan Demir", "president", "country:TUR"),
                           ("Ousmane Ba Ndiaye", "president", "country:SEN")}


def test_a_participants_list_under_a_side() -> None:
    """List lines under "The Kyrgyz delegation included:" are the Kyrgyz side's, whatever separates name
    and title (a dash, a parenthesis, a comma); a title with its own country keeps it."""
    text = ("Kyrgyzstan and the UAE held talks. Kyrgyzstan and the UAE are partners. The Kyrgyz delegation "
            "included:\n- Talant Beishen Uulu – Minister of Economy and Commerce;\n- Nurlan Asanbek Uulu (Deputy "
            "Minister of Foreign Affairs);\n- Bakyt Sydykov Osmon, Ambassador of Kyrgyzstan to the UAE.")
    assert posts(text) == {
        ("Talant Beishen Uulu", "minister of economy and commerce", "country:KGZ"),
        ("Nurlan Asanbek Uulu", "deputy minister of foreign affairs", "country:KGZ"),
        ("Bakyt Sydykov Osmon", "ambassador", "country:KGZ")}


def test_his_counterpart_at_the_start_of_the_next_sentence() -> None:
    text = ("Kyrgyzstan and the UAE held talks. Kyrgyzstan and the UAE are partners. Kyrgyz Foreign Minister "
            "Talant Beishen Uulu noted the growth of trade. His UAE counterpart, Hamad Saif Al Nuaimi, agreed. "
            "Bakyt Sydykov Osmon, who serves as Kyrgyzstan's ambassador to the UAE, spoke.")
    assert posts(text) == {("Talant Beishen Uulu", "foreign minister", "country:KGZ"),
                           ("Hamad Saif Al Nuaimi", "foreign minister", "country:ARE"),
                           ("Bakyt Sydykov Osmon", "ambassador", "country:KGZ")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and China held talks. Kenya and China are partners. From the Chinese side, companies such as "
         "Sinoriver, Huaxin Tech and Zijin Metals attended the forum.",
         {("Sinoriver", "country:CHN"), ("Huaxin Tech", "country:CHN"), ("Zijin Metals", "country:CHN")}),
        ("Kenya and China held talks. Kenya and China are partners. Among the Kenyan participants were "
         "Safarilink, Equity Bank and KenPower.",
         {("Safarilink", "country:KEN"), ("Equity Bank", "country:KEN"), ("KenPower", "country:KEN")}),
        # a nationality's firms are not the companies of another nationality listed later in the sentence
        ("Kenya and China held talks. Kenya and China are partners. Kenyan firms Safarilink and KenPower signed "
         "deals with Chinese companies including Huaxin Tech and PowerSino.",
         {("Safarilink", "country:KEN"), ("KenPower", "country:KEN"), ("Huaxin Tech", "country:CHN"),
          ("PowerSino", "country:CHN")}),
        # projects listed after companies are not companies
        ("Nigeria and China held talks. Nigeria and China are partners. Projects contracted by Chinese companies, "
         "such as the Kaduna-Kano railway, are progressing.", set()),
    ],
)
def test_organisations_listed_under_a_side(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


def test_honorifics_announce_names_and_do_not_end_sentences() -> None:
    """"Hon." is no sentence end; "H E X (pictured), the Ambassador of the UK to Qatar"; "HE Ambassador of the
    Federal Republic of Germany to the State of Qatar X"; "On the Ghanaian side, ... by Hon. X, Deputy Minister"."""
    text = ("Ghana and India held talks. Ghana and India are partners. On the Ghanaian side, the committee was "
            "co-chaired by Hon. Kwame Asante Boateng, Deputy Minister for Trade and Industry. Trade grew, "
            "H E Rohan Mehta Iyer (pictured), the Ambassador of India to Ghana, has said.")
    assert posts(text) == {("Kwame Asante Boateng", "deputy minister for trade and industry", "country:GHA"),
                           ("Rohan Mehta Iyer", "ambassador", "country:IND")}
    text = ("Germany and Qatar held talks. Germany and Qatar are partners. HE Ambassador of the Federal Republic of "
            "Germany to the State of Qatar Lothar Brenner Vogt said the visit mattered.")
    assert posts(text) == {("Lothar Brenner Vogt", "ambassador", "country:DEU")}


def test_a_side_written_after_names_and_titles_is_theirs() -> None:
    """"by X, Minister of Y, on the UAE side, and by Z, Deputy Prime Minister, and W, Minister of Interior, on the
    Albanian side": each side closes its own people; the first side is not the second list's."""
    text = ("Albania and the UAE held talks. Albania and the UAE are partners. The documents were exchanged by Dr "
            "Rashid bin Saeed Al Marri, Minister of Industry and Advanced Technology, on the UAE side, and by Arta "
            "Kelmendi, Deputy Prime Minister, and Dritan Shehu, Minister of Interior, on the Albanian side.")
    assert posts(text) == {
        ("Rashid bin Saeed Al Marri", "minister of industry and advanced technology", "country:ARE"),
        ("Arta Kelmendi", "deputy prime minister", "country:ALB"),
        ("Dritan Shehu", "minister of interior", "country:ALB")}


KENYA_QATAR = "Kenya and Qatar held talks. Kenya and Qatar are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Sheikh" and "Mr" announce names the NER leaves out; each apposed title is its own name's, not the next's
        (KENYA_QATAR + "With him was Sheikh Hamad Bin Saud Bin Nasser Al Mutairi, the Chairman of the Doha Traders "
         "Council, Mr Karim al-Rashed, the Chief Executive of the Pearl Gulf Airways which is said to be interested "
         "in a stake in a Kenyan carrier.",
         {("Hamad Bin Saud Bin Nasser Al Mutairi", "chairman", "Doha Traders Council"),
          ("Karim al-Rashed", "chief executive", "Pearl Gulf Airways")}),
        # "CEO of Qatari real estate firm X as well as Y, the president of construction firm Z": the firms
        (KENYA_QATAR + "There was also Faisal Darwish, CEO of Qatari real estate firm Lusail Diyar Holdings as well "
         "as Sheikh Nasser bin Hamad bin Jaber al-Kuwari, the president of construction firm Al Wakra Builders.",
         {("Faisal Darwish", "ceo", "Lusail Diyar Holdings"),
          ("Nasser bin Hamad bin Jaber al-Kuwari", "president", "Al Wakra Builders")}),
    ],
)
def test_a_delegations_members_each_with_an_apposed_title(text: str, expected: set) -> None:
    assert posts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's name, then its acronym in brackets, then the title: the body's
        ("Russia and Nepal held talks. Russia and Nepal are partners. Present were Federation of Nepalese Chambers of "
         "Commerce and Industry (FNCCI) President Hari Bahadur Thapa and others.",
         {("Hari Bahadur Thapa", "president", "Federation of Nepalese Chambers of Commerce and Industry")}),
        # a title of a body named after its country: the name follows the body, not its last words
        ("Bangladesh and the US held talks. Bangladesh and the US are partners. Director General of the US Foreign "
         "Commercial Service Ravi Subramaniam was present.",
         {("Ravi Subramaniam", "director general", "country:USA")}),
        # "PM X Secretariat" is an office, no second prime minister competing with the one the dateline places
        ("Russian delegation calls on Nepal's leaders\n\nKATHMANDU: A delegation from Russia paid a courtesy call on "
         "Prime Minister Hari Bahadur Thapa. Russia and Nepal discussed investment, according to PM Thapa Secretariat.",
         {("Hari Bahadur Thapa", "prime minister", "country:NPL")}),
    ],
)
def test_titles_of_bodies_named_in_full(text: str, expected: set) -> None:
    assert posts(text) == expected


def test_listed_companies_active_where_the_sentence_puts_them() -> None:
    text = ("Germany and Turkmenistan held talks. Germany and Turkmenistan are partners. German companies such as "
            "Rhenwerk, Daimling and Voss Anlagen are making a significant contribution to projects in Turkmenistan.")
    assert activity(text) == {(name, "country:TKM", "active") for name in ("Rhenwerk", "Daimling", "Voss Anlagen")}
    assert homes(text) == {(name, "country:DEU") for name in ("Rhenwerk", "Daimling", "Voss Anlagen")}
    # an item's note in brackets ("via" its local subsidiary) leaves the list running
    text = ("Greece and Ukraine held talks. Greece and Ukraine are partners. Among the Greek companies with "
            "commercial activities in Ukraine are Thessal Foods, Aigaionsteel (via Dnipro Steel Works) and Kalos "
            "Bank (via JSC Kyiv Kalos Bank).")
    greek = {"Thessal Foods", "Aigaionsteel", "Kalos Bank"}
    assert {(org, market) for org, market, _ in activity(text)} >= {(name, "country:UKR") for name in greek}
    assert {(name, "country:GRC") for name in greek} <= homes(text)


def test_what_the_ner_takes_for_names_and_never_is() -> None:
    """Units, documents and currencies (data/gazetteer/not-names.csv) are no organisations; an agency's name
    is no person even where a title follows it; a consultancy is a company."""
    text = ("Peru and Vietnam held talks. The MOU covers a 50 MW plant. According to Agence Andina De Prensa, the "
            "ambassador said so. Ruiz Marco Consulting took part.")
    kinds = {m.text: m.kind for m in extract(text).mentions if m.kind not in ("Country",)}
    assert "MOU" not in kinds and "MW" not in kinds
    assert kinds.get("Agence Andina De Prensa") not in (None, "Person")
    assert kinds.get("Ruiz Marco Consulting") == "Company"


def test_an_activity_in_several_listed_sectors_has_none_of_them_as_its_sector() -> None:
    text = ("Peru and South Korea held talks. Peru and South Korea are partners. Korean companies such as Hanbit "
            "Steel and Daesan Power are operating in infrastructure, energy and manufacturing in Peru.")
    assert {(f.role("organization").text, f.value("sector")) for f in of_kind(facts_of(text), "MarketActivity")} \
        == {("Hanbit Steel", None), ("Daesan Power", None)}


def test_a_title_case_dateline_of_no_known_city_is_no_error() -> None:
    """"Valle Hondo, Feb 5:" names no capital or large city: no host country, and no exception either."""
    text = ("Valle Hondo, Feb 5: President Luis Ramos Vaca met the delegation. Bolivia and China are partners. Bolivia "
            "and China held talks.")
    assert posts(text) == set()


def test_an_owner_before_a_portfolio_with_and_and_a_name_the_ner_typed_as_an_organisation() -> None:
    text = ("Czechia and South Korea held talks. Czechia and South Korea are partners. Czech Industry and Trade "
            "Minister Pavel Novak Dvorak opened the event. She will meet the newly appointed Secretary General of "
            "the GCC, Jasem Al-Rumaihi.")
    assert posts(text) == {("Pavel Novak Dvorak", "industry and trade minister", "country:CZE"),
                           ("Jasem Al-Rumaihi", "secretary general", "io:gulf-cooperation-council")}


def test_last_year_counts_from_an_abbreviated_publication_date() -> None:
    """"Published : Aug. 2, 2015" dates the article; "Last year" is 2014, not a year named earlier."""
    text = ("Peru and South Korea ties\n\nPublished : Aug. 2, 2015\n\nPeru and South Korea are partners. "
            "Their leaders first met in 2004.\nLast year, Korea exported $1.4 billion worth of goods to Peru.")
    flows = [f for f in facts_of(text) if f.kind == "TradeFlow"]
    assert [(f.role("from").key, f.role("to").key, f.value("year")) for f in flows] == [
        ("country:KOR", "country:PER", 2014)]


def test_the_current_year_counts_from_a_byline_date_without_a_space() -> None:
    """"By X - Dec 05,2015 - Last updated": the article is from 2015, so "the current year" is 2015."""
    text = ("Peru and Korea agree\n\nBy Ana Ruiz - Dec 05,2015 - Last updated at Dec 05,2015\n\nPeru and South "
            "Korea are partners. Their leaders first met in 2004.\nIn the third quarter of the current year, "
            "Korea exported $1.4 billion worth of goods to Peru.")
    flows = [f for f in facts_of(text) if f.kind == "TradeFlow"]
    assert [(f.role("from").key, f.role("to").key, f.value("year")) for f in flows] == [
        ("country:KOR", "country:PER", 2015)]


def test_memberships_after_a_dash_and_of_which_both_countries_are_members() -> None:
    text = ("Peru and Vietnam held talks. Peru and Vietnam are partners. Peru belongs to the Latin American trade "
            "bloc ― Pacific Alliance ― which is made up of Peru, Colombia, Chile and Mexico. The sides exchanged "
            "views on cooperation within APEC and the United Nations, of which both countries are members.")
    assert members(text) == (
        {(f"country:{c}", "io:pacific-alliance") for c in ("PER", "COL", "CHL", "MEX")}
        | {(f"country:{c}", g) for c in ("PER", "VNM") for g in ("io:asia-pacific-economic-cooperation",
                                                                   "io:united-nations")})


def test_a_paper_writes_its_own_governments_titles_bare() -> None:
    """The other side's officials are marked with their country; the unmarked titles are the paper's own."""
    text = ("Peru and Chile signed ten agreements. Peru and Chile are neighbours. Prime Minister Hugo Salas Vera "
            "and Chilean President Ana Torres Ruiz attended. The trade accord was signed by Commerce Minister "
            "Rosa Quispe Llanos and Chilean Deputy Minister of Economy Juan Pablo Rojas, and the energy accord by "
            "Minister for Privatization Abdul Rahim Qureshi and Deputy Minister of Energy Chile Pedro Soto Vidal.")
    found = posts(text)
    assert {("Hugo Salas Vera", "prime minister", "country:PER"),
            ("Rosa Quispe Llanos", "commerce minister", "country:PER"),
            ("Abdul Rahim Qureshi", "minister for privatization", "country:PER"),
            ("Pedro Soto Vidal", "deputy minister of energy", "country:CHL")} <= found
    assert not any(holder == "Hugo Salas Vera" and country == "country:CHL" for holder, _, country in found)


def test_a_visitor_comes_from_the_other_country() -> None:
    text = ("LIMA, May 19 - Peru and Vietnam signed three accords. Peru and Vietnam are partners. Prime Minister "
            "Datuk Seri Tran Duc Lam said trade would grow. Tran, on a three-day official visit to Peru, met "
            "business leaders.")
    assert posts(text) == {("Tran Duc Lam", "prime minister", "country:VNM")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case portfolio between the possessive and the title, after the name
        (KENYA_JAPAN + "Rebecca Miano, Kenya's trade cabinet secretary, said so.",
         {("Rebecca Miano", "trade cabinet secretary", "country:KEN")}),
        (KENYA_JAPAN + '"We want more," said Rebecca Miano, Kenya\'s trade and industry cabinet secretary.',
         {("Rebecca Miano", "trade and industry cabinet secretary", "country:KEN")}),
        # "CS" is how Kenyan papers abbreviate a cabinet secretary
        (KENYA_JAPAN + "Kenyan Trade CS Rebecca Miano toured the plant.",
         {("Rebecca Miano", "cabinet secretary", "country:KEN")}),
        # "top diplomat" describes a person, not a company; one who arrived in the other country is a visitor
        # from home, whose bare title is home's (the resolver joins the surname to the full name)
        (KENYA_JAPAN + "Yoko Kamikawa, Japan's top diplomat, arrived in Nairobi. Foreign Minister Kamikawa met "
         "Kenyan officials.", {("Kamikawa", "foreign minister", "country:JPN")}),
    ],
)
def test_titles_after_names_as_kenyan_and_japanese_papers_write_them(text: str,
                                                                     expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


def test_a_title_of_a_ministry_whose_portfolio_has_commas_before_a_name() -> None:
    """"Secretary General of the Ministry of Industry, Trade and Supply Yousef Shamali": the NER reads the
    ministry and the name as one; the ministry ends at its last portfolio word, and the title is the person's."""
    text = ("Jordan and Tunisia held talks. Jordan and Tunisia are partners. Secretary General of the Ministry of "
            "Industry, Trade and Supply Yousef Shamali opened the meeting.")
    names = {m.text: m.kind for m in extract(text).mentions}
    assert names.get("Ministry of Industry, Trade and Supply") == "GovernmentBody"
    assert names.get("Yousef Shamali") == "Person"
    assert {(f.role("holder").text, f.role("affiliation").text) for f in of_kind(facts_of(text), "Position")} == {
        ("Yousef Shamali", "Ministry of Industry, Trade and Supply")}


def test_the_leader_the_article_speaks_of_holds_the_bare_presidency() -> None:
    """Both countries have a president; "the Nigerian leader" tells whose the bare "President X" is."""
    text = ("Nigeria and Portugal held talks. Nigeria and Portugal are partners. President Tunde Bello on Thursday "
            "called for more trade. The Nigerian leader said both countries needed investment.")
    assert posts(text) == {("Tunde Bello", "president", "country:NGA")}


def test_a_bare_title_met_his_counterpart_from_the_other_country() -> None:
    """"Foreign Minister X met his counterpart from Peru, Y": X is not from Peru, so from Vietnam, and Y holds
    the same post for Peru."""
    text = (PERU_VIETNAM + "Foreign Minister Tran Duc Lam met his counterpart from Peru, Rosa Quispe Llanos, on "
            "Monday.")
    assert posts(text) == {("Tran Duc Lam", "foreign minister", "country:VNM"),
                           ("Rosa Quispe Llanos", "foreign minister", "country:PER")}


def test_x_and_his_counterpart_are_from_the_two_countries() -> None:
    text = (PERU_VIETNAM + "The Minister of Agriculture and Rural Development, Chief Hugo Salas Vera and his "
            "Vietnamese counterpart, Mr. Tran Duc Lam, signed an accord.")
    assert posts(text) == {("Hugo Salas Vera", "minister of agriculture and rural development", "country:PER"),
                           ("Tran Duc Lam", "minister of agriculture and rural development", "country:VNM")}


def test_an_envoys_post_is_not_where_it_is_held() -> None:
    text = PERU_VIETNAM + "The Vietnamese High Commissioner to Peru, H.E. Tran Duc Lam, welcomed the mission."
    assert posts(text) == {("Tran Duc Lam", "high commissioner", "country:VNM")}


def test_a_list_of_companies_past_a_figure_and_names_the_ner_took_for_people() -> None:
    text = ("Peru and Chile held a forum. Peru and Chile are partners. The participants included Peruvian "
            "companies with revenue above US$1 billion such as Andes Cobre Group and Lima Textil, as well as "
            "Chilean ones such as Petronor, Sime Darby and Valpo Foods.")
    found = homes(text)
    assert {("Andes Cobre Group", "country:PER"), ("Lima Textil", "country:PER"), ("Petronor", "country:CHL"),
            ("Sime Darby", "country:CHL"), ("Valpo Foods", "country:CHL")} <= found
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds["Sime Darby"] == "Company"  # a person's name to the NER, a company in the list


def test_an_embassy_named_with_its_post_and_its_envoy() -> None:
    text = ("Peru and Ecuador held talks. Peru and Ecuador are partners. The Peru Embassy in Quito and the "
            "Embassy of Chile to Ecuador said trade grew.\n\nRosa Quispe Llanos\n\nAmbassador, Embassy of Peru "
            "to Ecuador\n\nHow is trade?")
    assert {("Peru Embassy in Quito", "country:PER"), ("Embassy of Chile to Ecuador", "country:CHL"),
            ("Embassy of Peru to Ecuador", "country:PER")} <= homes(text)
    assert posts(text) == {("Rosa Quispe Llanos", "ambassador", "country:PER")}
    people = {m.text for m in extract(text).mentions if m.kind == "Person"}
    assert people == {"Rosa Quispe Llanos"}  # not the pieces the NER cut the lone line into
    # a post named after a country's long name, or after a country the NER read alone, is where it is posted,
    # and never at home there
    text = ("Peru and Ecuador held talks. Peru and Ecuador are partners. The Embassy of the Republic of Peru in the "
            "United Kingdom and the Czech Republic Embassy in Quito met, as did Ana Ruiz, Deputy Head of the "
            "Ecuadorian Embassy in the U.S.")
    assert {("Embassy of the Republic of Peru in the United Kingdom", "country:PER"),
            ("Czech Republic Embassy in Quito", "country:CZE"), ("Ecuadorian Embassy in the U.S.", "country:ECU")
            } == homes(text)


def test_a_blocs_history_of_founders_and_joiners() -> None:
    text = ("Peru and Chile held talks. Peru and Chile are partners. Peru has become a full member of the "
            "Pacific Alliance. The Andean Community was founded in 1969 by Bolivia, Colombia and Ecuador, and "
            "Venezuela joined a year later. ASEAN was set up in 1967 by the Founding Fathers of ASEAN: Indonesia, "
            "Malaysia and Thailand. Brunei joined ASEAN in 1984, followed by Vietnam in 1995 and Laos in 1997. "
            "Chile has been invited to join but has not done so yet; Colombia applied for membership.")
    found = members(text)
    andean, asean = "io:andean-community", "io:association-of-southeast-asian-nations"
    assert found == {("country:PER", "io:pacific-alliance"), ("country:BOL", andean), ("country:COL", andean),
                     ("country:ECU", andean), ("country:VEN", andean), ("country:IDN", asean), ("country:MYS", asean),
                     ("country:THA", asean), ("country:BRN", asean), ("country:VNM", asean), ("country:LAO", asean)}
    # and not Chile, invited only, nor Colombia for having applied (to another group than its own)


def test_honorifics_and_the_long_names_of_states_stay_out_of_names_and_roles() -> None:
    text = (PERU_VIETNAM + "Peru's Minister of Foreign Affairs, Ambassador Rosa Quispe Llanos, met His Excellency "
            "Tran Duc Lam, President of the Socialist Republic of Vietnam, with Engineer Jorge Ramirez, Chairman "
            "of Andes Cobre Group.")
    assert posts(text) == {("Rosa Quispe Llanos", "minister of foreign affairs", "country:PER"),
                           ("Tran Duc Lam", "president", "country:VNM"),
                           ("Jorge Ramirez", "chairman", "Andes Cobre Group")}


def test_a_speakers_list_whose_items_end_at_semicolons() -> None:
    text = (PERU_VIETNAM + "Among the speakers were Maria Fernandez, Director of Trade, Tourism and Investment at "
            "the Peru Export Agency; and Carlos Mendoza, Executive Chief of Staff at the Andean Chamber of Commerce.")
    assert posts(text) == {("Maria Fernandez", "director of trade, tourism and investment", "Peru Export Agency"),
                           ("Carlos Mendoza", "executive chief of staff", "Andean Chamber of Commerce")}


def test_a_press_releases_title_organisation_and_name() -> None:
    text = (PERU_VIETNAM + "The deal was signed by the Group General Manager, Andes Cobre Group, Mr. Jorge Ramirez, "
            "in the presence of His Excellency Dinh Van Khoa, Prime Minister of the Socialist Republic of Vietnam.")
    assert posts(text) == {("Jorge Ramirez", "group general manager", "Andes Cobre Group"),
                           ("Dinh Van Khoa", "prime minister", "country:VNM")}


def areas(text: str) -> set[str]:
    """The sectors of cooperation between the article's two countries, by their last IRI segment."""
    return {str(f.value("sector")).rsplit("/", 1)[-1] for f in of_kind(facts_of(text), "Cooperation")}


def test_trade_and_investment_named_between_the_two_countries_without_a_figure() -> None:
    assert areas(PERU_VIETNAM + "Bilateral trade rose by 150 percent in the first quarter.") == {"trade"}
    assert areas(PERU_VIETNAM + "Vietnamese investment in the economy of Peru keeps growing.") == {"investment"}
    assert areas(PERU_VIETNAM + "Peru's trade minister resigned on Monday.") == set()  # a portfolio, not an area


@pytest.mark.parametrize("words", ["economic cooperation", "economic co-operation", "economic ties",
                                   "economic relations", "business ties"])
def test_economic_ties_between_the_two_are_their_trade(words: str) -> None:
    """The corpus's annotators read "economic cooperation between A and B" as the area of trade."""
    assert areas(KENYA_JAPAN + f"The minister will explore {words} between Kenya and Japan.") == {"trade"}


def test_areas_the_two_want_to_work_together_on() -> None:
    assert areas(KENYA_JAPAN + "A: We want to work together on renewable energy, mining and education.") == {
        "renewable-energy", "mining", "education"}


def test_areas_after_views_expertise_and_agreements() -> None:
    """"exchanged views on", "seeks expertise in" name areas between the two; "the blue economy" is one."""
    assert areas(KENYA_JAPAN + "They also exchanged views on regional security and climate change.") == {
        "peace-and-security", "environment-and-climate"}
    assert areas(KENYA_JAPAN + "Kenya seeks Japanese expertise in disaster risk reduction.") == {
        "emergency-management"}
    assert "blue-economy" in areas(KENYA_JAPAN + "Several agreements were signed covering energy and the blue "
                                                 "economy.")


@pytest.mark.parametrize("text", [
    "Peru and Chile held talks. Peru and Chile are partners. The firm runs the Huallaga copper mine.",
    "Peru and Chile held talks. Peru and Chile are partners. It will expand Chile's new Tarapo airport.",
    "Peru and Chile held talks. Peru and Chile are partners. It bid to build the Moquegua nuclear plant.",
    "Peru and Chile held talks. Peru and Chile are partners. Andes Textil began work at its Tumbalo plant.",
])
def test_a_name_that_only_qualifies_a_site_is_no_entity(text: str) -> None:
    """A mine, an airport or a power plant named after its place: the place is no organisation or person."""
    names = {m.text for m in extract(text).mentions if m.kind != "Country"}
    assert not names & {"Huallaga", "Tarapo", "Moquegua", "Tumbalo"}


def test_sectors_as_agencies_write_them() -> None:
    """"aeronautics" is aviation, "digital connectivity" is digital technology (not transport), the
    "creative industries" a sector of their own (ontology/sectors.ttl)."""
    assert areas(PERU_VIETNAM + "Both countries want to expand cooperation in sectors such as aeronautics, "
                 "digital connectivity and the creative industries.") == {
                     "aviation", "digital-technology", "creative-industries"}
    assert areas(PERU_VIETNAM + "Both countries want to expand ties in sectors such as engineering and "
                 "transport.") == {"engineering", "transport-and-logistics"}


def test_the_end_of_a_list_the_ner_read_as_one_name_and_a_name_that_ends_before_a_person() -> None:
    text = ("Peru and Chile held a forum. Peru and Chile are partners. The participants included Peruvian companies "
            "such as Andes Cobre Group, Inca Rail, Lima Textil and Pacifico Energy Group. The Government of Chile "
            "and His Excellency Jorge Ramirez agreed.")
    names = {m.text: m.kind for m in extract(text).mentions}
    assert {"Lima Textil", "Pacifico Energy Group"} <= set(names)
    assert "Lima Textil and Pacifico Energy Group" not in names
    assert names.get("Jorge Ramirez") == "Person"
    assert not any("His Excellency" in name for name in names)


def test_companies_listed_after_a_described_noun() -> None:
    text = ("Peru and Chile held talks. Peru and Chile are partners. Chilean battery makers such as Atacama Litio "
            "Group, Andes Power Holdings, and Pacifico Energy Group announced plans.")
    assert homes(text) == {("Atacama Litio Group", "country:CHL"), ("Andes Power Holdings", "country:CHL"),
                           ("Pacifico Energy Group", "country:CHL")}


def test_a_portfolio_after_a_title_and_a_datelines_city_are_no_organisations() -> None:
    text = ("LIMA, (Andina) - Peru and Chile held talks. Peru and Chile are partners. Maria Fernandez, Head "
            "of Investment Promotion at the Andean Chamber of Commerce, and Carlos Mendoza, Senior Adviser on "
            "National Security, attended.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert "LIMA" not in kinds and "Investment Promotion" not in kinds and "National Security" not in kinds
    assert {"Maria Fernandez", "Carlos Mendoza"} <= set(kinds)


def test_a_deal_with_the_other_sides_company_or_state_is_planned_work_there() -> None:
    text = ("Italy and Algeria held talks. Italy and Algeria are partners. The Italian cable company Cavi Marini "
            "will sign a preliminary agreement with the Algerian operator Algeri Telecom for a subsea cable.")
    assert activity(text) == {("Cavi Marini", "country:DZA", "planned")}
    text = ("Italy and Algeria held talks. Italy and Algeria are partners. The Italian cable company Cavi Marini "
            "met the Algerian operator Algeri Telecom.")
    assert activity(text) == set()  # no deal


def test_a_name_a_country_owns_is_an_organisations() -> None:
    text = ("Italy and Algeria held talks. Italy and Algeria are partners. Rome cut its ties with Russia's Gazprom "
            "after the war, while Kazakhstan's Kashagan field, India's Prime Minister and China's Belt and Road "
            "Initiative were discussed.")
    assert homes(text) == {("Gazprom", "country:RUS")}


def sectored_activity(text: str) -> set[tuple[str, str, str, str | None]]:
    """{(organisation, market key, status, sector's local name or None)}."""
    return {(f.role("organization").text, f.role("market").key, str(f.value("status")),
             str(f.value("sector")).rsplit("/", 1)[-1] if f.value("sector") else None)
            for f in of_kind(facts_of(text), "MarketActivity")}


def test_an_activitys_sector_is_the_industry_the_document_gives_the_company() -> None:
    # "a factory" says what kind of work, not which industry; "battery maker" says the industry
    text = ("Peru and Chile held talks. Peru and Chile are partners. Chilean battery maker Atacama Litio is "
            "building a factory in Peru. Andes Cobre Group is building a factory in Peru.")
    assert sectored_activity(text) == {("Atacama Litio", "country:PER", "active", "batteries"),
                                       ("Andes Cobre Group", "country:PER", "active", None)}
    # a list after its industry: "the three car manufacturers, A, B and C"; "developer" is no industry
    text = ("Peru and Chile held talks. Peru and Chile are partners. The three car manufacturers, Andino Motors, "
            "Pampa Motors and Lince Motors, all have factories in Peru. The Chilean developer Andes Power "
            "will invest in Peru.")
    assert sectored_activity(text) == {("Andino Motors", "country:PER", "active", "automotive"),
                                       ("Pampa Motors", "country:PER", "active", "automotive"),
                                       ("Lince Motors", "country:PER", "active", "automotive"),
                                       ("Andes Power", "country:PER", "planned", None)}


def test_the_country_is_the_country_named_last_as_a_noun() -> None:
    # "the country" is Peru, named in the sentence before; not Chile, the company's nationality
    text = ("Peru and Chile held talks. Peru and Chile are partners. Peru has courted investors for years. "
            "Chilean carmaker Rapido Motors launched its first model in the country in 2019.")
    assert sectored_activity(text) == {("Rapido Motors", "country:PER", "active", "automotive")}
    # a country that owns the phrase is not the one it names: "Chile's presence in the country"
    text = ("Peru and Chile held talks. Peru and Chile are partners. Peru has courted investors for years. "
            "Chile's mining company Andes Cobre opened an office in the country.")
    assert sectored_activity(text) == {("Andes Cobre", "country:PER", "active", "mining")}
    # ... nor where the sentence names no other: the last country before that it does not name
    text = ("Peru and Chile held talks on Monday. Chile's investments in the country have reached $2 billion "
            "over the last decade, the companies said.")
    assert flows_of(text) == {("InvestmentFlow", "country:CHL", "country:PER", "2000000000")}
    # coffee is no firm's sector where "the coffee-growing country" names the country
    text = ("Peru and Chile held talks. Chile and Peru are partners. About 40 Chilean firms operate in the "
            "coffee-growing country, among them: Andes Cobre, Pampa Retail and Lince Motors.")
    assert sectored_activity(text) == {("Andes Cobre", "country:PER", "active", None),
                                       ("Pampa Retail", "country:PER", "active", None),
                                       ("Lince Motors", "country:PER", "active", None)}


def test_a_title_the_name_and_then_whose() -> None:
    # "Ambassador X of Colombia": the country after the name owns the title
    text = PERU_VIETNAM + "Ambassador Tran Duc Lam of Vietnam said trade grew."
    assert posts(text) == {("Tran Duc Lam", "ambassador", "country:VNM")}


def test_a_name_the_ner_read_into_the_body_before_it() -> None:
    # the NER reads "Chamber of Deputies Hugo Salas Vera" as one organisation; the body ends at "Deputies";
    # in the list, each title announces the name after it, not the one before its comma
    text = (PERU_VIETNAM + "The minister was received by President of the Senate Rosa Quispe Llanos, "
            "Chairman of the Chamber of Deputies Hugo Salas Vera, and others.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Hugo Salas Vera") == "Person" and "Chamber of Deputies" in kinds
    assert ("Hugo Salas Vera", "chairman", "Chamber of Deputies") in posts(text)
    assert not any(holder == "Rosa Quispe Llanos" and role == "chairman" for holder, role, _ in posts(text))


def test_homes_from_what_the_text_calls_a_company() -> None:
    # the owner's country in "the ... chain of South Korea's Y"; a quoted name after "company"; an apposition
    # after a parenthetical acronym
    text = ("Peru and Chile held talks. Peru and Chile are partners. Tienda Uno, the discount store chain of "
            "Chile's Andes Retail Group, will open in Lima. Sol Foods is in talks with Chilean food company "
            "\"Pacifico Mar\". Atacama Litio Holdings (ALH), the Chilean battery giant, will build a plant in Peru.")
    found = homes(text)
    assert {("Tienda Uno", "country:CHL"), ("Pacifico Mar", "country:CHL"),
            ("Atacama Litio Holdings", "country:CHL")} <= found
    assert not any(org == "Sol Foods" for org, _ in found)


def test_a_company_the_next_sentence_calls_by_its_nationality() -> None:
    text = ("Portugal and Angola held talks. Portugal and Angola are partners. Kwanza Petroleum Group holds a stake in "
            "Lisboa Energy Group. That is because the Angolan oil company controls Tejo Holdings.")
    found = homes(text)
    assert ("Kwanza Petroleum Group", "country:AGO") in found
    assert not any(org == "Tejo Holdings" for org, _ in found)  # a verb after "company": not its description


KENYA_NORWAY = "Kenya and Norway held talks in Nairobi. Kenya and Norway are partners. "


def test_a_deal_between_the_two_sides_goes_to_the_company_entering_the_host() -> None:
    # the state's body and a foreign company: the company works in the body's country
    text = KENYA_NORWAY + ("The memorandum was signed between the Kenya Investment Authority and Norwegian firm "
                           "Fjellstad Energi.")
    assert activity(text) == {("Fjellstad Energi", "country:KEN", "planned")}
    # two companies: the investment flows into Kenya, so the Norwegian one enters Kenya, not the Kenyan one Norway
    text = KENYA_NORWAY + ("Norwegian direct investment in Kenya reached $2 billion in 2023. The Kenyan company "
                           "Kilifi Agro and the Norwegian fish processor Nordfisk plan to set up a joint venture.")
    assert activity(text) == {("Nordfisk", "country:KEN", "planned")}
    # a third country's company is no side of the pair
    text = KENYA_NORWAY + "Kenya Power cut its ties with Russia's Gazprom after signing a contract."
    assert activity(text) == set()


def test_a_plan_by_companies_to_build_is_planned() -> None:
    text = ("Indonesia and China held talks. Indonesia and China are partners. One of the projects discussed was "
            "a plan by Nanhai Cell Co Ltd (NCC), the Chinese battery giant, and Ningbo Fabrikam Co to build a "
            "battery plant in Indonesia. The Turkish group Tekstil Yildiz wants to launch cotton production in "
            "Indonesia.")
    found = activity(text)
    assert {("Ningbo Fabrikam Co", "country:IDN", "planned"), ("Tekstil Yildiz", "country:IDN", "planned")} <= found
    assert not any(status == "active" for _, _, status in found)


def test_homes_from_a_possessive_description_a_headquarters_and_a_city_in_the_name() -> None:
    text = KENYA_NORWAY + ("Petrobrasa, Brazil's state oil company, signed the deal. The Nairobi-headquartered "
                           "lender Equity Crest Bank will open a branch in Oslo. The University of Nairobi and the "
                           "Embassy in Oslo took part.")
    found = homes(text)
    assert {("Petrobrasa", "country:BRA"), ("Equity Crest Bank", "country:KEN"),
            ("University of Nairobi", "country:KEN")} <= found
    assert not any(org.startswith("Embassy") for org, _ in found)  # an embassy in a city is not that city's


def test_a_plant_a_subsidiary_or_the_title_of_largest_investor_abroad_is_activity_there() -> None:
    text = KENYA_NORWAY + ("Nordvik Solar is Kenya's largest foreign investor. Fjellstad Energi's Kenyan subsidiary "
                           "employs 300 people. Kenya Power's plant in Mombasa was repaired.")
    assert activity(text) == {("Nordvik Solar", "country:KEN", "active"),
                              ("Fjellstad Energi", "country:KEN", "active")}  # Kenya Power is at home


def test_interest_in_investing_is_a_plan_and_constructing_is_work_in_the_other_country() -> None:
    text = KENYA_NORWAY + ("Nordvik Solar has also expressed interest in investing in Kenya's geothermal sector. "
                           "The Norwegian firm Fjellstad Energi is constructing a solar park in Garissa. "
                           "Bergen Hydro Group signed a contract with Kenya Power to build a transmission line.")
    assert activity(text) == {("Nordvik Solar", "country:KEN", "planned"),
                              ("Fjellstad Energi", "country:KEN", "active"),
                              ("Bergen Hydro Group", "country:KEN", "planned")}


INDIA_AUSTRALIA = "India and Australia held talks. India and Australia are partners. "


def test_visitors_who_wrap_up_a_visit_or_lead_a_mission_come_from_the_other_country() -> None:
    text = INDIA_AUSTRALIA + ("Union Minister for Commerce and Industry, Shri Rohan Mehta Kapoor wrapped up a "
                              "three-day visit to Australia today.")
    assert posts(text) == {("Rohan Mehta Kapoor", "union minister for commerce and industry", "country:IND")}
    # a title after the name whose "of" names only a portfolio; the mission goes to a city of the other country
    text = INDIA_AUSTRALIA + ("Sarah Whitfield Jones, Minister of Export Promotion, International Trade and Economic "
                              "Development, will lead a \"powerhouse\" Team Australia Trade Mission to Mumbai.")
    assert posts(text) == {("Sarah Whitfield Jones", "minister of export promotion, international trade and "
                            "economic development", "country:AUS")}


def test_the_hon_and_a_conjunction_stay_out_of_names_and_roles() -> None:
    text = INDIA_AUSTRALIA + ("The minister met Senator The Hon. Sarah Whitfield Jones, Minister for Trade and "
                              "Tourism of Australia. When Prime Minister Rohan Mehta Kapoor visits Australia, "
                              "India will turn to lithium.")
    assert posts(text) == {("Sarah Whitfield Jones", "minister for trade and tourism", "country:AUS"),
                           ("Rohan Mehta Kapoor", "prime minister", "country:IND")}


def test_names_an_apposition_calls_an_agency_or_places_somewhere_and_concessions_picked_up() -> None:
    text = ("Canada and the Philippines held talks. Canada and the Philippines are partners. Earlier this year, "
            "Trade Credit Canada (TCC), the country's export credit agency, opened a representative office in Manila.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Trade Credit Canada") == "GovernmentBody"
    assert activity(text) == {("Trade Credit Canada", "country:PHL", "active")}
    text = INDIA_AUSTRALIA + ("Private players are moving too: Nilgiri Power, based in India, has picked up four "
                              "concessions in Australia.")
    assert homes(text) == {("Nilgiri Power", "country:IND")}
    assert activity(text) == {("Nilgiri Power", "country:AUS", "active")}


def test_a_joint_commission_a_governments_name_and_a_regulation_are_no_organisations() -> None:
    text = INDIA_AUSTRALIA + ("The Joint Working Group met at Government House in Canberra, and the Indian "
                              "Government welcomed the Domestic Services Regulation during the Diamond Jubilee. "
                              "The Hamilton Bay Power Station and the Related Summits were discussed.")
    names = {m.text for m in extract(text).mentions if m.kind != "Country"}
    assert not names & {"Joint Working Group", "Government House in Canberra", "Indian Government",
                        "Domestic Services Regulation", "Diamond Jubilee", "Hamilton Bay Power Station",
                        "Related Summits"}
    assert "Australian Trade and Investment Commission" in {
        m.text for m in extract(INDIA_AUSTRALIA + "The Australian Trade and Investment Commission opened an office "
                                "in Mumbai.").mentions}  # a commission that is a body stays one


PERU_GHANA = "Peru and Ghana held talks. Peru and Ghana are partners. "


def groups_joined(text: str) -> set[tuple[str, str]]:
    """{(member key, group as written)}: for groups no gazetteer knows."""
    return {(f.role("member").key, f.role("group").text) for f in of_kind(facts_of(text), "Membership")}


def test_a_group_the_text_defines_by_its_members_and_names_again() -> None:
    text = PERU_GHANA + ("PAGOLA is an informal consultation platform grouping Peru, Ghana, Chile and Nigeria. "
                         "The two countries are both members of the G20 and PAGOLA.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("PAGOLA") == "InternationalOrganization"
    assert {(member, group) for member, group in groups_joined(text) if group == "PAGOLA"} == {
        ("country:PER", "PAGOLA"), ("country:GHA", "PAGOLA"), ("country:CHL", "PAGOLA"), ("country:NGA", "PAGOLA")}


def test_a_name_its_acronym_confirms_and_two_countries_that_sit_together_in_groups() -> None:
    text = ("Peru and Chile held talks. Peru and Chile are partners. Peru and Chile set up relations in 1962 and "
            "also sit together in the Asia-Pacific Economic Cooperation (APEC) forum and the Forum for West "
            "Africa-South America Dialogue (FWASAD). FWASAD meets every year. The China Chile Rail Corridor (CCRC) "
            "was discussed.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Forum for West Africa-South America Dialogue") == "InternationalOrganization"
    assert "China Chile Rail Corridor" not in kinds  # a corridor is a project, its acronym notwithstanding
    found = groups_joined(text)
    assert {("country:PER", "Forum for West Africa-South America Dialogue"),
            ("country:CHL", "Forum for West Africa-South America Dialogue")} <= found
    assert {m for m, g in found if "Asia-Pacific" in g or g == "APEC"} == {"country:PER", "country:CHL"}


def test_a_name_that_ends_in_a_country_and_a_country_anywhere_in_a_name() -> None:
    text = KENYA_NORWAY + ("The minister told Morning Post Kenya that the consulting firm Invest Norway took "
                           "part.")
    found = homes(text)
    assert {("Morning Post Kenya", "country:KEN"), ("Invest Norway", "country:NOR")} <= found
    assert not any(org == "Morning Post" for org, _ in found)


def test_a_company_of_the_visiting_side_is_there_for_the_host_market() -> None:
    # Norwegian investment goes to Kenya, so Kenya is the host: the Norwegian company named in a sentence about
    # a deal is planned work there; the Kenyan company at home is not placed anywhere
    text = KENYA_NORWAY + ("Norwegian direct investment in Kenya reached $2 billion in 2023. The Norwegian company "
                           "Fjellstad Energi will sign agreements during the visit. The Kenyan firm Kilifi Agro "
                           "hosted the delegation.")
    assert activity(text) == {("Fjellstad Energi", "country:KEN", "planned")}
    # with no sign of which country the business goes to, nothing is guessed
    text = KENYA_NORWAY + ("The Norwegian company Fjellstad Energi will sign agreements during the visit.")
    assert activity(text) == set()


def test_trade_between_the_two_countries_named_is_an_area_of_their_relations() -> None:
    text = ("Peru and Ghana held talks. Peru and Ghana are partners. The port has given a boost to trade between "
            "Ghana and Peru.")
    assert areas(text) == {"trade"}
    assert areas("Peru and Ghana held talks. Peru and Ghana are partners. The port has given a boost to trade "
                 "along the coast.") == set()


def test_the_country_a_visit_goes_to_is_home_to_the_officials_written_bare() -> None:
    # no dateline: the visit says where the report stands, so the bare prime minister is the host's
    text = ("Mongolia and Czechia held talks. Mongolia and Czechia are partners. Mongolian Foreign Minister Bat "
            "Erdene Tsog paid an official visit to Czechia. The minister was received by Prime Minister Jan Novak "
            "Dvorak.")
    assert ("Jan Novak Dvorak", "prime minister", "country:CZE") in posts(text)


def test_a_bare_head_belongs_to_the_country_whose_constitution_has_the_post() -> None:
    # Norway is a monarchy and Indonesia has no prime minister: each bare title has one possible country
    assert posts(KENYA_NORWAY + "President Samuel Kiprono Rotich opened the forum.") == {
        ("Samuel Kiprono Rotich", "president", "country:KEN")}
    assert posts("Indonesia and Australia held talks. Indonesia and Australia are partners. The deal stalled when "
                 "Prime Minister Henry James Walker proposed a change.") == {
        ("Henry James Walker", "prime minister", "country:AUS")}


def test_his_countrys_title_is_his_own_countrys_or_the_other_side_for_an_envoy() -> None:
    text = ("Chile and Japan held talks. Chile and Japan are partners. In 2014, Japanese diplomat Kenji Sato Mori "
            "took over as his country's ambassador to Chile. Rosa Quispe Llanos, her country's ambassador to "
            "Japan, agreed.")
    assert posts(text) == {("Kenji Sato Mori", "ambassador", "country:JPN"),
                           ("Rosa Quispe Llanos", "ambassador", "country:CHL")}


def test_a_portfolio_alone_names_nobody() -> None:
    text = KENYA_NORWAY + ("Officials for Investment Promotion, Consular Affairs and Search and Rescue met "
                           "Norfinans Capital.")
    names = {m.text for m in extract(text).mentions if m.kind not in ("Country", "Region")}
    assert not names & {"Investment Promotion", "Consular Affairs", "Search and Rescue"}


def test_given_names_the_ner_left_out_but_not_honorifics() -> None:
    text = ("India and Ghana held talks. India and Ghana are partners. The delegation was led by Additional "
            "Secretary of the Department of Commerce, Shri Amardeep Singh Bhatia, and by His Excellency Kofi "
            "Mensah Boateng.")
    people = {m.text for m in extract(text).mentions if m.kind == "Person"}
    assert "Amardeep Singh Bhatia" in people
    assert not any(p.startswith(("Shri", "Excellency", "His")) for p in people)


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("‘", "’"), ("'", "'")])
def test_the_members_of_a_consortium_share_its_nationality(opening: str, closing: str) -> None:
    text = ("Egypt and Tanzania held talks. Egypt and Tanzania are partners. The minister visited the dam, which "
            f"the Egyptian consortium of {opening}Nile Builders{closing} and {opening}Delta Cables{closing} is "
            "developing in Tanzania.")
    assert homes(text) == {("Nile Builders", "country:EGY"), ("Delta Cables", "country:EGY")}
    assert activity(text) == {("Nile Builders", "country:TZA", "active"), ("Delta Cables", "country:TZA", "active")}


POLAND_VIETNAM = "Poland and Vietnam held talks. Poland and Vietnam are partners. "


def test_a_delegation_led_by_a_bare_title_is_its_countrys() -> None:
    # the dateline puts the report in Vietnam, whose officials a bare title would otherwise belong to
    text = ("HANOI, May 3 (VNA) - Poland and Vietnam held talks. Poland and Vietnam are partners. A Polish business "
            "delegation of more than 30 companies, led by Deputy Minister of Development Marek Zielinski, arrived "
            "in Hanoi on Tuesday.")
    assert posts(text) == {("Marek Zielinski", "deputy minister of development", "country:POL")}


def test_a_title_in_a_ministry_before_a_comma_and_the_name() -> None:
    text = POLAND_VIETNAM + ("The Polish delegation was headed by the Secretary of State in the Ministry of "
                             "Funds and Regional Policy, Mr. Marek Zielinski.")
    assert posts(text) == {("Marek Zielinski", "secretary of state", "Ministry of Funds and Regional Policy")}
    # a list of people with their posts is no such phrase: each post is the name's before it
    listed = POLAND_VIETNAM + ("Present were Engineer Anna Nowak, Chairman of Vistula Builders, Engineer Piotr "
                               "Wrona, Vice Chairman of Vistula Builders, and other officials.")
    assert ("Piotr Wrona", "chairman", "Vistula Builders") not in posts(listed)


def test_of_which_a_country_is_a_member() -> None:
    text = POLAND_VIETNAM + ("Vietnam is negotiating with the European Union, of which Poland is a member state.")
    assert members(text) == {("country:POL", "io:european-union")}


def test_a_company_that_said_it_plans_to_open_near_a_city() -> None:
    text = POLAND_VIETNAM + "Vistula Motors said it planned to open an assembly line near Hanoi next year."
    assert activity(text) == {("Vistula Motors", "country:VNM", "planned")}


def test_a_name_the_ner_calls_an_organisation_once_and_a_person_once_that_supplies_is_a_company() -> None:
    text = POLAND_VIETNAM + ("Representatives of Mazovia Foods and Bolmar took part in the forum. Mazovia Foods "
                             "opened an office in Hanoi, while Bolmar has supplied more than 900 tractors to "
                             "Vietnamese farmers since 2019.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Bolmar") == "Company"
    assert ("Bolmar", "country:VNM", "active") in activity(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POLAND_VIETNAM + "Trade reached $2 billion in 2023, according to Statistics Poland.",
         {("Statistics Poland", "country:POL")}),
        (POLAND_VIETNAM + "Trade reached $2 billion in 2023, according to Business Poland, the Polish trade and "
         "investment council.", {("Business Poland", "country:POL")}),
    ],
)
def test_a_body_named_by_a_word_and_its_country(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


def test_the_acronym_of_an_agreement_is_no_organisation() -> None:
    text = POLAND_VIETNAM + "They discussed the EU-Vietnam Free Trade Agreement (EVFTA) and its effects."
    assert not {m.text for m in extract(text).mentions} & {"EVFTA", "EU-Vietnam Free Trade Agreement"}
    assert "EU" in {m.text for m in extract(text).mentions}  # the bloc it names is still one


def test_an_interviews_speaker_label_does_nothing_in_the_market() -> None:
    text = ("Ghana and Turkey held talks. Ghana and Turkey are partners. Accra News Agency (ANA) asked the envoy.\n"
            "ANA: Which Turkish firms are active in Ghana?")
    assert not {org for org, _, _ in activity(text)} & {"ANA", "Accra News Agency"}


def test_a_name_with_a_relative_clause_only_a_business_fits_is_a_company() -> None:
    text = ("Ghana and Turkey held talks. Ghana and Turkey are partners. We also have Arcana, the appliance maker, "
            "and Kotora, which runs four stores in Accra.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Kotora") == "Company"
    assert ("Kotora", "country:GHA", "active") in activity(text)


def test_a_side_represented_by_companies_and_a_list_that_ends_its_clause() -> None:
    text = ("Uzbekistan and Azerbaijan held talks. Uzbekistan and Azerbaijan are partners. From the Azerbaijani "
            "side, companies such as Kurtex and Sarvan Steel took part, while the Uzbek side was represented by "
            "Navoi Copper and Samarkand Motors.")
    assert homes(text) == {("Kurtex", "country:AZE"), ("Sarvan Steel", "country:AZE"),
                           ("Navoi Copper", "country:UZB"), ("Samarkand Motors", "country:UZB")}
    assert not {(org, market) for org, market, _ in activity(text)} & {
        ("Kurtex", "country:UZB"), ("Sarvan Steel", "country:UZB")}  # "took part" in what the next clause names


GREECE_EGYPT = "ATHENS, 22 March 2024 - Greece and Egypt held talks. Greece and Egypt are partners. "


def test_two_delegations_headed_by_the_second_written_without_its_verb() -> None:
    # in Athens a bare title would be Greek, and an envoy posted there Egyptian: the delegations say otherwise
    text = GREECE_EGYPT + ("The Greek delegation was headed by Ambassador Nikos Varvitsiotis, and the Egyptian "
                           "delegation by Assistant Minister of Foreign Affairs Karim Fathy.")
    assert posts(text) == {("Nikos Varvitsiotis", "ambassador", "country:GRC"),
                           ("Karim Fathy", "assistant minister of foreign affairs", "country:EGY")}


def test_an_envoy_of_a_country_in_a_city_before_a_comma_and_the_name() -> None:
    text = GREECE_EGYPT + "Also present was the Ambassador of Egypt in Athens, Mr. Karim Fathy."
    assert posts(text) == {("Karim Fathy", "ambassador", "country:EGY")}


def test_a_group_where_both_countries_are_members() -> None:
    text = GREECE_EGYPT + ("Greece supports Egypt's efforts within the Union for the Mediterranean, where both "
                           "countries are members.")
    assert members(text) == {("country:GRC", "io:union-for-the-mediterranean"),
                             ("country:EGY", "io:union-for-the-mediterranean")}


def test_ministries_in_the_plural_name_no_organisation() -> None:
    text = GREECE_EGYPT + ("Consultations between the Ministries of Foreign Affairs of the two countries took "
                           "place today.")
    assert not [m.text for m in extract(text).mentions if m.kind not in ("Country", "Region")]


def test_two_companies_of_one_side_each_with_its_own_unplaced_activity() -> None:
    # the places are unknown to the gazetteer, so the article's other country is where the work is
    text = ("Japan and Ethiopia held talks. Japan and Ethiopia are partners. The Japanese trading house Kanto Shoji "
            "inked a deal to build a vehicle assembly plant at the Lemi park, while Osaka-based Naniwa Chemical "
            "has set up a net factory in Adola.")
    assert activity(text) == {("Kanto Shoji", "country:ETH", "planned"), ("Naniwa Chemical", "country:ETH", "active")}
    # two companies, one from each side, as one subject: which country the plant is in, the sentence does not say
    joint = ("Japan and Ethiopia held talks. Japan and Ethiopia are partners. The Ethiopian company Abay Agro and "
             "the Japanese group Kanto Shoji plan to build a flour mill in the Adola area.")
    assert not {(org, market) for org, market, _ in activity(joint)} & {
        ("Abay Agro", "country:JPN"), ("Kanto Shoji", "country:ETH")}


QATAR_RWANDA = "Qatar and Rwanda held talks. Qatar and Rwanda are partners. "


def test_a_title_word_before_bin_is_a_given_name() -> None:
    text = QATAR_RWANDA + ("President Jean Mugenzi received Qatar's Minister of State for Foreign Affairs Sultan bin "
                           "Rashid Al-Kuwari, who delivered a message.")
    assert ("Sultan bin Rashid Al-Kuwari", "minister of state for foreign affairs", "country:QAT") in posts(text)


def test_a_possessive_envoy_to_a_country_before_a_comma_and_the_name() -> None:
    text = QATAR_RWANDA + ("The minister was accompanied by Qatar's non-resident ambassador to Rwanda, Ali bin Nasser "
                           "Al-Kaabi, and officials.")
    assert posts(text) == {("Ali bin Nasser Al-Kaabi", "ambassador", "country:QAT")}
    # the same words after a person are that person's apposition, and the next name is another's
    listed = QATAR_RWANDA + ("With him were Ambassador Omar Haddad, Qatar's Ambassador to Rwanda, Major General "
                             "Nasser Al-Kaabi, and officials.")
    assert ("Nasser Al-Kaabi", "ambassador", "country:QAT") not in posts(listed)


def test_a_surname_the_ner_calls_an_organisation_is_the_person_named_before() -> None:
    text = QATAR_RWANDA + ("Foreign Minister Olivier Kayitare signed the agreement. In a tweet, Kayitare said the two "
                           "countries share a vision.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Kayitare") == "Person"


def test_the_two_countries_both_members_of_a_group_in_apposition() -> None:
    text = QATAR_RWANDA + ("The minister said the two countries, both members of the Non-Aligned Movement, share a "
                           "common vision.")
    assert members(text) == {("country:QAT", "io:non-aligned-movement"), ("country:RWA", "io:non-aligned-movement")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city before a company noun that is itself preceded by a noun ("holding company")
        (KENYA_JAPAN + "The Nairobi holding company Tana Capital opened an office in Tokyo.",
         {("Tana Capital", "country:KEN")}),
        # the listing words, not the first verb after the nationality's companies, open the list
        (KENYA_JAPAN + "Japanese companies are active in Kenya, among them the engineering firm Kanto Koki, which "
         "is building a bridge in Mombasa.", {("Kanto Koki", "country:JPN")}),
        # an apposition's company noun before "headquartered in"
        (KENYA_JAPAN + "Savanna Metals, a Kenyan-owned company headquartered in Japan, invested in mines.",
         {("Savanna Metals", "country:JPN")}),
    ],
)
def test_homes_behind_a_noun_a_verb_or_an_apposition(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


def test_a_name_addressed_as_his_excellency_is_a_person_without_the_honorific() -> None:
    text = ("Ghana and Korea held talks. Ghana and Korea are partners. At the invitation of H.E. Choi Dong Wook, "
            "President of the Republic of Korea, H.E. Kwame Osei Mensah, President of the Republic of Ghana, paid "
            "a visit.")
    assert posts(text) == {("Choi Dong Wook", "president", "country:KOR"),
                           ("Kwame Osei Mensah", "president", "country:GHA")}


def test_a_group_where_a_country_is_a_member() -> None:
    text = ("Ghana and Korea held talks. Ghana and Korea are partners. They will cooperate in fora including the "
            "G20, where Korea is a member.")
    assert members(text) == {("country:KOR", "io:group-of-twenty")}


def test_a_surname_that_is_a_country_after_a_title() -> None:
    text = ("Portugal and Angola held talks. Portugal and Angola are partners. Portuguese Prime Minister Luis "
            "Montenegro, who arrived in Luanda on Tuesday, was received by his Angolan counterpart.")
    assert ("Luis Montenegro", "prime minister", "country:PRT") in posts(text)
    assert "country:MNE" not in {m.key for m in extract(text).mentions}


NORWAY_TANZANIA = "Norway and Tanzania held talks. Norway and Tanzania are partners. "


def test_a_proper_noun_joined_to_a_company_the_ner_found_is_one_too() -> None:
    text = NORWAY_TANZANIA + "Nordhav and Shell are developing a liquefied natural gas project in Tanzania."
    assert {org for org, _, _ in activity(text)} == {"Nordhav", "Shell"}
    # a country or a title joined the same way is no company
    other = NORWAY_TANZANIA + "Tanzania and Shell signed a deal, and Minister and Shell officials met."
    assert {m.text for m in extract(other).mentions if m.kind in ("Company", "Organization")} <= {"Shell"}


def test_an_apposed_owner_is_no_subject_and_investing_in_a_countrys_companies_is_its_market() -> None:
    text = NORWAY_TANZANIA + ("Norfond, Norway's development finance institution, has invested more than $300 "
                              "million in Tanzanian companies.")
    assert homes(text) == {("Norfond", "country:NOR")}
    assert activity(text) == {("Norfond", "country:TZA", "active")}


MEXICO_VIETNAM = "Mexico and Vietnam held talks. Mexico and Vietnam are partners. "


def test_a_consul_in_a_city_of_several_words() -> None:
    text = MEXICO_VIETNAM + "Among those present was Carlos Ruiz Vega, Mexico's consul in Ho Chi Minh City."
    assert posts(text) == {("Carlos Ruiz Vega", "consul", "country:MEX")}
    assert "Chi Minh City" not in {m.text for m in extract(text).mentions}


def test_signatories_to_one_group_and_members_of_another() -> None:
    text = MEXICO_VIETNAM + ("Both countries are signatories to the Comprehensive and Progressive Agreement for "
                             "Trans-Pacific Partnership (CPTPP) and members of APEC.")
    groups = {group for _, group in members(text)}
    assert groups == {"io:comprehensive-and-progressive-agreement-for-trans-pacific-partnership",
                      "io:asia-pacific-economic-cooperation"}
    assert {member for member, _ in members(text)} == {"country:MEX", "country:VNM"}


def test_sharing_experience_and_the_circular_economy_are_areas() -> None:
    text = ("Jordan and Finland held talks. Jordan and Finland are partners. Finland offered to share its "
            "experience in forestry with Jordan. The ministers explored collaboration on the circular economy.")
    assert areas(text) == {"forestry", "environment-and-climate"}


OMAN_KENYA = "Oman and Kenya held talks. Oman and Kenya are partners. "


def test_a_post_in_brackets_after_the_name() -> None:
    text = OMAN_KENYA + ("Also attending was Salim Al-Rawahi (Director General of Economic Affairs at the Omani "
                         "Foreign Ministry).")
    assert posts(text) == {("Salim Al-Rawahi", "director general of economic affairs", "Omani Foreign Ministry")}


def test_a_portfolio_attache_posted_in_a_city() -> None:
    text = OMAN_KENYA + "According to Kenyan trade attache in Muscat, Ahmed Yusuf Kariuki, exports of tea rose."
    assert posts(text) == {("Ahmed Yusuf Kariuki", "trade attache", "country:KEN")}
    assert {m.text: m.kind for m in extract(text).mentions}.get("Ahmed Yusuf Kariuki") == "Person"


def test_a_government_spokesperson_of_a_nationality() -> None:
    text = OMAN_KENYA + "The talks went well, Omani government spokesperson Salim Al-Rawahi said later."
    assert posts(text) == {("Salim Al-Rawahi", "spokesperson", "country:OMN")}


SENEGAL_MOROCCO = "Senegal and Morocco held talks. Senegal and Morocco are partners. "


def test_a_portfolio_with_nationalities_and_regions_in_it() -> None:
    text = SENEGAL_MOROCCO + ("They met Moroccan Minister of Foreign Affairs, African Cooperation and Moroccan "
                              "Expatriates Karim Benali in Dakar.")
    assert posts(text) == {("Karim Benali", "minister of foreign affairs, african cooperation and moroccan "
                                            "expatriates", "country:MAR")}


def test_a_bare_king_belongs_to_the_monarchy_of_the_two() -> None:
    # Senegal is a republic: the king the envoy speaks for is Morocco's, wherever the report is filed
    text = ("DAKAR, Nov. 14 - " + SENEGAL_MOROCCO + "The envoy conveyed a message from King Hassan Idrissi to "
            "the president.")
    assert posts(text) == {("Hassan Idrissi", "king", "country:MAR")}


CZECHIA_VIETNAM = "Czechia and Vietnam held talks. Czechia and Vietnam are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CZECHIA_VIETNAM + "Tatrex has delivered hundreds of trucks to Vietnamese mines.",
         {("Tatrex", "country:VNM", "active")}),
        (CZECHIA_VIETNAM + "Vietnam's Vinatech is studying the Czech market for electric buses.",
         {("Vinatech", "country:CZE", "planned")}),
        # studying something that is no market places nothing
        (CZECHIA_VIETNAM + "Vietnam's Vinatech is studying the Czech proposal for electric buses.", set()),
    ],
)
def test_deliveries_and_markets_under_study(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


GHANA_TURKEY = "Ghana and Turkey held talks. Ghana and Turkey are partners. "


def test_goods_exchanged_and_shipped_are_trade() -> None:
    both = trade_and_investment(GHANA_TURKEY + "The two countries exchanged goods worth $900 million in 2023.")
    assert both == {("TradeFlow", 900_000_000, 2023)}
    shipped = facts_of(GHANA_TURKEY + "Ghana shipped cocoa worth $150 million to Turkey in 2023.")
    assert {(f.role("from").key, f.role("to").key) for f in of_kind(shipped, "TradeFlow")} == {
        ("country:GHA", "country:TUR")}


def test_a_long_title_before_a_name_stays_in_its_sentence() -> None:
    """The parser once ended a sentence inside "High Representative for Foreign Affairs and Security Policy
    Josep Borrell", leaving "Borrell" without his title; a sentence now ends only at a full stop, a quotation
    mark, a bracket or a line break."""
    text = ("Egypt and Greece held talks in Cairo. Egypt and Greece are partners. EU High Representative for Foreign "
            "Affairs and Security Policy Josep Borrell met Egyptian Foreign Minister Sameh Shoukry.")
    assert posts(text) == {("Josep Borrell", "high representative for foreign affairs and security policy",
                            "io:european-union"), ("Sameh Shoukry", "foreign minister", "country:EGY")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # growing what it already runs there: active, and a long noun phrase before the name gives its home
        (PERU_VIETNAM + "The minister urged the Peruvian state-owned export credit bank Banco Andino to speed up "
         "its lending operations in Vietnam.", {("Banco Andino", "country:VNM", "active")}),
        (PERU_VIETNAM + "Viet Phat Group, which bought a local cannery, is expanding its production capacity in "
         "Peru.", {("Viet Phat Group", "country:PER", "active")}),
        # a statistics office reporting another's exports does no business in the other country
        (PERU_VIETNAM + "Statistics Vietnam reported that Peruvian exports of copper rose sharply.", set()),
    ],
)
def test_growing_operations_abroad_and_reports_of_others_activity(text: str,
                                                                   expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


def test_the_ner_cut_in_a_list_is_mended() -> None:
    # "Pesca Azul and Grupo Inca" read as "Azul and Grupo Inca": two companies of the side, not one
    text = (PERU_VIETNAM + "From the Peruvian side, companies such as Andes Cobre, Minera Sur, Pesca Azul and "
            "Grupo Inca took part.")
    assert homes(text) == {("Andes Cobre", "country:PER"), ("Minera Sur", "country:PER"),
                           ("Pesca Azul", "country:PER"), ("Grupo Inca", "country:PER")}


def test_the_major_companies_of_a_side_are_no_anaphor() -> None:
    # "The major Vietnamese companies" starts a new subject; the company of the sentence before is not it
    text = (PERU_VIETNAM + "Vinacomin signed a deal in Lima. The major Vietnamese companies engaged in the "
            "fisheries business in Peru include Hai Long Seafood and Mekong Agro.")
    assert ("Vinacomin", "country:PER", "active") not in activity(text)
    assert {("Hai Long Seafood", "country:PER", "active"), ("Mekong Agro", "country:PER", "active")} <= activity(text)


def test_a_development_through_projects_is_no_owner() -> None:
    text = PERU_VIETNAM + "Vietnam supports Peru's development through projects like Quinoa Plus technology."
    assert ("Quinoa Plus", "country:PER") not in homes(text)


def test_the_kingdom_is_the_monarchy_of_the_two() -> None:
    # Morocco is a kingdom and Vietnam is not: "The Kingdom's minister" is Morocco's
    text = ("Morocco and Vietnam signed a trade accord. Morocco and Vietnam are partners. The Kingdom's Minister "
            "of Agriculture Youssef Alami joined the talks.")
    assert posts(text) == {("Youssef Alami", "minister of agriculture", "country:MAR")}
    # two kingdoms: which one is not written, so no post is guessed
    both = ("Morocco and Thailand signed a trade accord. Morocco and Thailand are partners. The Kingdom's Minister "
            "of Agriculture Youssef Alami joined the talks.")
    assert posts(both) == set()


def test_a_portfolio_in_lower_case_before_minister() -> None:
    text = PERU_VIETNAM + "Peru's infrastructure minister Jorge Salas Vera said work would start soon."
    assert posts(text) == {("Jorge Salas Vera", "infrastructure minister", "country:PER")}


def test_companies_that_wish_to_set_up_are_not_the_agency_that_helps_them() -> None:
    text = (PERU_VIETNAM + "The Peruvian export agency Promo Andes would give support to Peruvian companies that "
            "wish to set up in Vietnam.")
    assert ("Promo Andes", "country:VNM", "active") not in activity(text)


def test_the_sector_of_a_business_the_listed_companies_are_engaged_in() -> None:
    text = (PERU_VIETNAM + "The major Vietnamese companies currently engaged in the fisheries business in Peru "
            "include Hai Long Seafood and Mekong Agro.")
    sectors = {(f.role("organization").text, str(f.value("sector")).rsplit("/", 1)[-1])
               for f in of_kind(facts_of(text), "MarketActivity")}
    assert sectors == {("Hai Long Seafood", "fisheries"), ("Mekong Agro", "fisheries")}


POLAND_KENYA = "Poland and Kenya held talks. Poland and Kenya are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PERU_VIETNAM + "As fellow APEC economies, the two countries pledged to work together.",
         {("country:PER", "io:asia-pacific-economic-cooperation"),
          ("country:VNM", "io:asia-pacific-economic-cooperation")}),
        (PERU_VIETNAM + "Both are members of the World Trade Organization.",
         {("country:PER", "io:world-trade-organization"), ("country:VNM", "io:world-trade-organization")}),
        (POLAND_KENYA + "As a member of the African Union, Kenya plays a key role in the region.",
         {("country:KEN", "io:african-union")}),
        (POLAND_KENYA + "Kenya belongs to COMESA and the EAC.",
         {("country:KEN", "io:common-market-for-eastern-and-southern-africa"),
          ("country:KEN", "io:east-african-community")}),
        (POLAND_KENYA + "The EU, to which Poland belongs, is Kenya's largest trading partner.",
         {("country:POL", "io:european-union")}),
        # an observer is no member
        (POLAND_KENYA + "Kenya holds observer status in the Organisation of Islamic Cooperation.", set()),
    ],
)
def test_memberships_said_as_news_says_them(text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


def test_sector_words_news_uses() -> None:
    # horticulture and agro-processing are agriculture (one area, not also manufacturing); geothermal power is
    # renewable energy; people-to-people exchanges are culture
    assert areas(POLAND_KENYA + "The two sides discussed cooperation in agro-processing and horticulture.") == {
        "agriculture"}
    assert areas(POLAND_KENYA + "Talks touched on geothermal power and people-to-people exchanges.") == {
        "renewable-energy", "culture"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a diplomat's rank before the name, the mission between them
        (POLAND_KENYA + "Minister counsellor for economic and commercial affairs at the Polish embassy in Nairobi, "
         "Anna Kowalska, opened the forum.",
         {("Anna Kowalska", "minister counsellor for economic and commercial affairs", "country:POL")}),
        # the NER's embassy stops before the name after it
        (POLAND_KENYA + "Deputy Head of Mission at the Embassy of Poland in Nairobi Tomasz Lis also spoke.",
         {("Tomasz Lis", "deputy head of mission", "Embassy of Poland in Nairobi")}),
        # the side a country's delegation or representative belongs to
        (POLAND_KENYA + "Kenya's delegation was headed by Principal Secretary Kello Harsama.",
         {("Kello Harsama", "principal secretary", "country:KEN")}),
        (POLAND_KENYA + "Kenya was represented by Principal Secretary Kello Harsama.",
         {("Kello Harsama", "principal secretary", "country:KEN")}),
    ],
)
def test_diplomats_and_delegations_before_the_name(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POLAND_KENYA + "Polish bus maker Autosan bagged a contract to supply 200 buses to Nairobi's transport "
         "authority.", {("Autosan", "country:KEN", "planned")}),
        (POLAND_KENYA + "Kenyan tea exporter Ketepa has found buyers in Poland.",
         {("Ketepa", "country:POL", "active")}),
        (POLAND_KENYA + "Polish energy group PGE is in talks to build a geothermal plant in the Rift Valley.",
         {("PGE", "country:KEN", "planned")}),
        (POLAND_KENYA + "KGHM is eyeing copper assets in Kenya.", {("KGHM", "country:KEN", "planned")}),
        # eyeing what is no business abroad places nothing
        (POLAND_KENYA + "KGHM is eyeing a listing in Warsaw.", set()),
    ],
)
def test_contracts_buyers_talks_and_targets_abroad(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


def test_a_body_name_with_and_in_it_is_one_name() -> None:
    # the NER reads "Kenya" and "Branding Agency"; the title is the agency's, not the country's
    text = (POLAND_KENYA + "Also present was the Chief Executive Officer of the Kenya Export Promotion and Branding "
            "Agency, Wilfred Marube.")
    assert posts(text) == {("Wilfred Marube", "chief executive officer",
                            "Kenya Export Promotion and Branding Agency")}


def test_a_countrys_title_in_a_ministry_before_the_name() -> None:
    text = (POLAND_KENYA + "Poland's Secretary of State at the Ministry of Foreign Affairs, Wladyslaw Bartoszewski, "
            "led the Polish side.")
    assert posts(text) == {("Wladyslaw Bartoszewski", "secretary of state", "Ministry of Foreign Affairs")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people of an organisation are no part of its name
        (POLAND_KENYA + "Representatives of Orlen, Poland's largest oil refiner, attended.",
         {("Orlen", "country:POL")}),
        # a body that is another country's ministry's counterpart is of that country
        (POLAND_KENYA + "The Kenyan Ministry of Investments, Trade and Industry and its Polish counterpart, the "
         "Ministry of Development and Technology, signed the plan.",
         {("Kenyan Ministry of Investments, Trade and Industry", "country:KEN"),
          ("Ministry of Development and Technology", "country:POL")}),
        # the largest company of its kind in a country is that country's; its largest foreign investor is not
        (POLAND_KENYA + "Safaricom, the largest telecoms operator in Kenya, is exploring a partnership.",
         {("Safaricom", "country:KEN")}),
        (POLAND_KENYA + "Orlen, the largest foreign investor in Kenya, is exploring a partnership.", set()),
    ],
)
def test_homes_from_appositions_and_counterparts(text: str, expected: set[tuple[str, str]]) -> None:
    assert homes(text) == expected


WIRE = ("Poland and Kenya sign trade deal\n\n"
        "NAIROBI, May 3 (Reuters) - Poland and Kenya signed a deal on Tuesday to boost trade, which reached\n"
        "$215 million in 2022, Kenyan Trade Cabinet Secretary Rebecca Miano said at a news\n"
        "conference in the capital.\n\n"
        "Polish bus maker Autosan will supply 200 buses to Kenya under the deal, the company\n"
        "said in a statement. Miano said the two countries would also cooperate in\n"
        "agriculture and tourism, and that Polish investors were welcome in the country.\n")


def test_wire_copy_wrapped_at_a_fixed_width_reads_as_its_sentences() -> None:
    wrapped = extract(WIRE)
    # each sentence is one, whatever line it runs over, and quotes the document's own text
    assert [s.text.replace("\n", " ") for s in wrapped.sentences][1:] == [
        "NAIROBI, May 3 (Reuters) - Poland and Kenya signed a deal on Tuesday to boost trade, which reached "
        "$215 million in 2022, Kenyan Trade Cabinet Secretary Rebecca Miano said at a news conference in the "
        "capital.",
        "Polish bus maker Autosan will supply 200 buses to Kenya under the deal, the company said in a "
        "statement.",
        "Miano said the two countries would also cooperate in agriculture and tourism, and that Polish "
        "investors were welcome in the country."]
    assert all(WIRE[s.start:s.end] == s.text for s in wrapped.sentences)
    assert posts(WIRE) == {("Rebecca Miano", "trade cabinet secretary", "country:KEN")}
    assert {"agriculture", "tourism"} <= areas(WIRE)
    assert ("Autosan", "country:KEN", "planned") in activity(WIRE)


def test_a_level_stated_in_a_clause_after_a_plan_is_a_flow() -> None:
    flows = of_kind(facts_of(POLAND_KENYA + "They agreed to boost trade, which reached $215 million in 2022."),
                    "TradeFlow")
    assert [(f.value("amount"), f.value("year")) for f in flows] == [(215000000, 2022)]
    # the plan's own figure is no flow
    assert of_kind(facts_of(POLAND_KENYA + "They agreed to boost trade to $500 million by 2025."), "TradeFlow") == []


def test_short_lines_that_end_their_sentences_stay_apart() -> None:
    from diplograph.graph.extract.reading import paragraphs
    listing = ("The Kenyan delegation included the following officials:\n"
               "Rebecca Miano, Cabinet Secretary for Trade, Investments and Industry\n"
               "Korir Sing'oei, Principal Secretary for Foreign Affairs of Kenya\n"
               "Grace Wanjiru, Ambassador of the Republic of Kenya to Poland\n"
               "Wilfred Marube, Chief Executive Officer of the Export Agency\n")
    assert len(paragraphs(listing)) == 5


def test_in_wrapped_copy_a_line_the_next_word_would_have_fitted_on_was_broken_by_its_writer() -> None:
    from diplograph.graph.extract.reading import paragraphs
    wrapped = ("Poland and Kenya sign trade deal\n\n"
               "NAIROBI, May 3 (Reuters) - Poland and Kenya signed a deal on Tuesday to\n"
               "boost trade, which reached $215 million in 2022, officials said after\n"
               "a business forum in the capital.\n"
               "Speakers:\n"
               "Rebecca Miano, Cabinet Secretary for Trade of Kenya\n"
               "Among the participants of the forum in the capital of Kenya were:\n"
               "- Marek Zielinski, Deputy Minister of Development of Poland;\n"
               "- Grace Wanjiru, Ambassador of the Republic of Kenya to Poland.\n")
    assert [text for _, text in paragraphs(wrapped)] == [
        "Poland and Kenya sign trade deal",
        "NAIROBI, May 3 (Reuters) - Poland and Kenya signed a deal on Tuesday to boost trade, which reached $215 "
        "million in 2022, officials said after a business forum in the capital.",
        "Speakers:",  # "Speakers:" and "Rebecca" would have fitted on the line before
        "Rebecca Miano, Cabinet Secretary for Trade of Kenya",
        "Among the participants of the forum in the capital of Kenya were:",  # a list's item opens a line
        "- Marek Zielinski, Deputy Minister of Development of Poland;",
        "- Grace Wanjiru, Ambassador of the Republic of Kenya to Poland."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It" after a sentence whose subject is a company is that company
        (POLAND_KENYA + "Polish bus maker Autosan signed the deal. It also plans to open a plant in Kenya.",
         {("Autosan", "country:KEN", "planned")}),
        # ... but "It is expected that" names nobody
        (POLAND_KENYA + "Polish bus maker Autosan signed the deal. It is expected that Kenya will open a plant.",
         set()),
    ],
)
def test_it_after_a_company(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer after "by": planned or done by its auxiliary, where the sentence names the place
        (POLAND_KENYA + "The Nairobi bypass will be built by Polish contractor Budimex.",
         {("Budimex", "country:KEN", "planned")}),
        (POLAND_KENYA + "The Mombasa terminal was built by Polish contractor Budimex.",
         {("Budimex", "country:KEN", "active")}),
        # ... not a place in the doer's own apposition
        (POLAND_KENYA + "The railway upgrade is financed by Bank Krajowy, Poland's development bank.", set()),
        # an entry and a market share are business there
        (POLAND_KENYA + "Inglot's entry into the Kenyan market was a success.", {("Inglot", "country:KEN", "active")}),
        (POLAND_KENYA + "Polish retailer LPP has a 10% market share in Kenya.", {("LPP", "country:KEN", "active")}),
        (POLAND_KENYA + "Polish contractor Budimex is the main contractor for the Nairobi bypass.",
         {("Budimex", "country:KEN", "active")}),
        (POLAND_KENYA + "Under the agreement, Polish contractor Budimex will upgrade roads in western Kenya.",
         {("Budimex", "country:KEN", "planned")}),
        (POLAND_KENYA + "The Polish company Asseco delivers banking software to Kenyan lenders.",
         {("Asseco", "country:KEN", "active")}),
    ],
)
def test_contractors_entries_and_deliveries(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participants' line: name, dash, title
        (POLAND_KENYA + "\nH.E. Grace Wanjiru \u2013 Ambassador of Kenya to Poland\n",
         {("Grace Wanjiru", "ambassador", "country:KEN")}),
        # two posts after the name, the first a kind of a known title
        (POLAND_KENYA + "Musalia Mudavadi, Prime Cabinet Secretary and Cabinet Secretary for Foreign and Diaspora "
         "Affairs of Kenya, welcomed the delegation.",
         {("Musalia Mudavadi", "prime cabinet secretary", "country:KEN"),
          ("Musalia Mudavadi", "cabinet secretary for foreign and diaspora affairs", "country:KEN")}),
        # a plural title, each name with its country in brackets
        (POLAND_KENYA + "Foreign ministers Musalia Mudavadi (Kenya) and Radoslaw Sikorski (Poland) signed the accord.",
         {("Musalia Mudavadi", "foreign minister", "country:KEN"),
          ("Radoslaw Sikorski", "foreign minister", "country:POL")}),
    ],
)
def test_participants_lines_two_posts_and_bracketed_countries(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POLAND_KENYA + "Rebecca Miano is Kenya's trade minister.",
         {("Rebecca Miano", "trade minister", "country:KEN")}),
        (POLAND_KENYA + "Rebecca Miano, who became Kenya's trade minister in 2023, said the deal was good.",
         {("Rebecca Miano", "trade minister", "country:KEN")}),
        (POLAND_KENYA + "Jan Kowal has been named Poland's ambassador to Kenya.",
         {("Jan Kowal", "ambassador", "country:POL")}),
        # a verb after the copula states no post
        (POLAND_KENYA + "Rebecca Miano is expected to visit Warsaw.", set()),
    ],
)
def test_a_post_stated_of_the_name(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


def test_a_name_that_makes_buses_is_a_company() -> None:
    text = POLAND_KENYA + "Autosan makes buses in Sanok. The firm also plans to open a plant in Kenya."
    assert activity(text) == {("Autosan", "country:KEN", "planned")}


ZAMBIA_ZIMBABWE = "Zambia and Zimbabwe held talks. Zambia and Zimbabwe are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ZAMBIA_ZIMBABWE + "Botswana currently chairs SADC.",
         {("country:BWA", "io:southern-african-development-community")}),
        (ZAMBIA_ZIMBABWE + "Zambia is part of the Common Market for Eastern and Southern Africa.",
         {("country:ZMB", "io:common-market-for-eastern-and-southern-africa")}),
        (ZAMBIA_ZIMBABWE + "The SADC member states, including Zambia and Zimbabwe, met in Windhoek.",
         {("country:ZMB", "io:southern-african-development-community"),
          ("country:ZWE", "io:southern-african-development-community")}),
        # part of a region is no membership
        (ZAMBIA_ZIMBABWE + "Zambia is part of the Southern Africa region.", set()),
    ],
)
def test_chairs_parts_and_member_states_including(text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


BRAZIL_PARAGUAY = "Brazil and Paraguay held talks. Brazil and Paraguay are partners. "
MALAYSIA_SAUDI = "Malaysia and Saudi Arabia held talks. Malaysia and Saudi Arabia are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BRAZIL_PARAGUAY + "Paraguay, Brazil's partner in the Mercosur bloc, wants investment.",
         {("country:PRY", "io:southern-common-market"), ("country:BRA", "io:southern-common-market")}),
        # the member states of a group the text names, not one by one: the article's countries the group holds
        (MALAYSIA_SAUDI + "The summit brought the leaders of the Asean member states together with those of the "
         "six GCC countries.",
         {("country:MYS", "io:association-of-southeast-asian-nations"),
          ("country:SAU", "io:gulf-cooperation-council")}),
        # ... only where the group's members are known: nothing is guessed for the Group of 77
        (MALAYSIA_SAUDI + "The summit brought together the leaders of the G77 member states.", set()),
        # "the Asian country", "the southern African country": the country named before
        (MALAYSIA_SAUDI + "Firms invested in Malaysia, the Asian country, a member of the ASEAN.",
         {("country:MYS", "io:association-of-southeast-asian-nations")}),
        # a list after a double hyphen, as wire copy prints a dash
        (MALAYSIA_SAUDI + "The BRICS member countries -- Brazil, Russia, India, China and South Africa -- met.",
         {("country:BRA", "io:brics"), ("country:RUS", "io:brics"), ("country:IND", "io:brics"),
          ("country:CHN", "io:brics"), ("country:ZAF", "io:brics")}),
    ],
)
def test_memberships_by_partners_member_states_and_anaphors(text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


def test_the_agency_of_a_dateline_does_no_business() -> None:
    text = ("HARARE, Nov 29 (Reuters) - Zimbabwe has signed an agreement with China's Tsingshan Holdings Group, which "
            "plans to set up lithium mining operations in the southern African country, President Emmerson "
            "Mnangagwa said. Zimbabwe and China are partners.")
    assert activity(text) == {("Tsingshan Holdings Group", "country:ZWE", "planned")}


SOUTH_AFRICA_INDIA = "South Africa and India held talks. South Africa and India are partners. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality's investors, investments or companies in a country, and the list of them
        (SOUTH_AFRICA_INDIA + "Indian investors in South Africa include UB Group, Mahindra and Cipla.",
         {("UB Group", "country:ZAF", "active"), ("Mahindra", "country:ZAF", "active"),
          ("Cipla", "country:ZAF", "active")}),
        (SOUTH_AFRICA_INDIA + "Indian companies in South Africa include UB Group and Cipla.",
         {("UB Group", "country:ZAF", "active"), ("Cipla", "country:ZAF", "active")}),
        (SOUTH_AFRICA_INDIA + "South African investments into India also take in SAB Miller in the beverage space.",
         {("SAB Miller", "country:IND", "active")}),
        # states listed after such as are no companies
        (SOUTH_AFRICA_INDIA + "South African companies are looking at opportunities in Indian states such as West "
         "Bengal.", set()),
    ],
)
def test_a_nationalitys_investors_in_a_country_listed(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert activity(text) == expected


def test_a_national_carrier_and_utility_named_with_their_country() -> None:
    text = ("Turkey and Vietnam held talks. Turkey and Vietnam are partners. Bilal Eksi, Deputy Chairman and CEO of "
            "Turkish Airlines, said the carrier plans more flights. The state-run Kenya Power signed a deal.")
    assert posts(text) == {("Bilal Eksi", "deputy chairman", "Turkish Airlines"),
                           ("Bilal Eksi", "ceo", "Turkish Airlines")}
    assert {("Turkish Airlines", "country:TUR"), ("Kenya Power", "country:KEN")} <= homes(text)


def test_the_visitors_delegation_and_a_list_of_one_sides_ministers() -> None:
    # filed from Riyadh: those accompanying the visitor are the other country's
    visit = ("RIYADH, Oct 21 (Bernama) - Prime Minister Anwar Ibrahim met Saudi Arabia's Trade Minister Majid "
             "Alkassabi on Monday. Malaysia and Saudi Arabia are close partners, Malaysia's ministry said.\n"
             "Accompanying him were Foreign "
             "Minister Zambry Abd Kadir and the Minister of Investment, Trade and Industry Tengku Zafrul Abdul Aziz.")
    assert {("Zambry Abd Kadir", "foreign minister", "country:MYS"),
            ("Tengku Zafrul Abdul Aziz", "minister of investment, trade and industry", "country:MYS")} <= posts(visit)
    # items after "Paraguay's Foreign Minister, X;" in one list are Paraguay's
    listing = (BRAZIL_PARAGUAY + "The seminar will be opened by Paraguay's Foreign Minister, Eladio Loizaga; the "
               "Minister of Public Works and Communications, Ramon Gaona; and the Minister of Industry and Commerce, "
               "Gustavo Leite.")
    assert posts(listing) == {("Eladio Loizaga", "foreign minister", "country:PRY"),
                              ("Ramon Gaona", "minister of public works and communications", "country:PRY"),
                              ("Gustavo Leite", "minister of industry and commerce", "country:PRY")}


def test_a_title_in_a_company_with_its_acronym_in_brackets_before_the_name() -> None:
    text = (MALAYSIA_SAUDI + "Anwar met the chief executive officer of Saudi Aramco (Aramco), Amin H Nasser, for "
            "talks.")
    assert posts(text) == {("Amin H Nasser", "chief executive officer", "Saudi Aramco")}


def test_their_plans_after_a_list_of_companies() -> None:
    text = ("Turkey and Vietnam held talks. Turkey and Vietnam are partners. While in Istanbul, Ambassador Tuyen "
            "also met Travelshop, Rep Kaucuk and Turkish Airlines to learn about their plans to invest in Vietnam.")
    # the names the NER took for people's are companies in a list with one; the ambassador is no company
    assert activity(text) == {("Travelshop", "country:VNM", "planned"), ("Rep Kaucuk", "country:VNM", "planned"),
                              ("Turkish Airlines", "country:VNM", "planned")}


def test_businesses_from_a_country_investing_in_another_among_them() -> None:
    text = ("Czechia and Vietnam held talks. Czechia and Vietnam are partners. The prime minister met leading "
            "businesses from the Czech Republic that are investing, or wish to expand their investment, in Vietnam, "
            "among them Skoda Auto Group, Seven Global Investments Group and PPF Group.")
    names = {"Skoda Auto Group", "Seven Global Investments Group", "PPF Group"}  # "Seven", a number word, too
    assert homes(text) == {(name, "country:CZE") for name in names}
    assert activity(text) == {(name, "country:VNM", "active") for name in names}


def test_a_nationalitys_firms_listed_with_a_clause_each() -> None:
    text = ("Spain and the Philippines held talks. Spain and the Philippines are partners. Other Spanish firms "
            "that are also gaining ground are Porcelanosa, which has doubled its showroom space in Manila, Llaollao, "
            "which already has 36 stores across the country, and IDOM, winner of a large engineering contract.")
    assert homes(text) == {("Porcelanosa", "country:ESP"), ("Llaollao", "country:ESP"), ("IDOM", "country:ESP")}


def test_the_areas_of_documents_the_two_countries_signed_with_their_worth() -> None:
    text = ("Kazakhstan and Japan held talks. Kazakhstan and Japan are partners. All in all, the two countries signed "
            "more than 40 documents worth over 3 billion euros, in energy, digitalisation, mining and transport.")
    assert areas(text) == {"energy", "digital-technology", "mining", "transport-and-logistics"}


def kinds(text: str) -> dict[str, str]:
    """{mention text: kind} of the people and organisations named."""
    return {m.text: m.kind for m in extract(text).mentions if m.kind != "Country"}


def test_words_that_make_a_name_a_companys() -> None:
    # "Sdn Bhd", "Bhd", "Renewables", "Kogyo": the NER's person or vague organisation is a company
    text = (MALAYSIA_SAUDI + "Deals were signed by Tamarind Sdn Bhd, Kelapa Bhd, Lumora Renewables and Hoshida "
            "Kogyo.")
    assert {name: kind for name, kind in kinds(text).items() if kind != "Person"} == {
        "Tamarind Sdn Bhd": "Company", "Kelapa Bhd": "Company", "Lumora Renewables": "Company",
        "Hoshida Kogyo": "Company"}


def test_a_name_the_ner_cut_after_its_honorific() -> None:
    text = (MALAYSIA_SAUDI + "Accompanying him were Malaysia's Foreign Minister Datuk Seri Hamid Abu Kassim and "
            "Malaysia's Ambassador to Saudi Arabia Datuk Wan Hafiz Wan Ismail.")
    assert posts(text) == {("Hamid Abu Kassim", "foreign minister", "country:MYS"),
                           ("Wan Hafiz Wan Ismail", "ambassador", "country:MYS")}
    assert not {"Datuk Seri", "Datuk Wan"} & set(kinds(text))


def test_a_groups_members_listed_after_its_member_countries() -> None:
    text = (SOUTH_AFRICA_INDIA + "He spoke ahead of the BRICS summit in Durban, which will be attended by the heads "
            "of government of all five member countries -- Brazil, Russia, India, China and South Africa.")
    assert members(text) == {(key, "io:brics") for key in
                             ("country:BRA", "country:RUS", "country:IND", "country:CHN", "country:ZAF")}
    # another group between the first and the list: whose members they are is not said
    text = (SOUTH_AFRICA_INDIA + "Before the BRICS summit, the G20 member countries -- Brazil, India and South "
            "Africa -- met.")
    assert ("country:BRA", "io:brics") not in members(text)


def test_two_single_word_names_listed_after_among_them() -> None:
    # the NER joins some such pairs into one organisation (it did so with two real drugmakers' names); the
    # entities are set by hand here as it gave them, so the test does not hang on what this model knows
    from spacy.tokens import Span

    from diplograph.graph.extract.reading import sentence_view
    from diplograph.graph.gazetteer import load_gazetteer
    from diplograph.graph.nlp import load_matchers, load_nlp

    doc = load_nlp()("Indian investors include a number of drugmakers, among them Zentiva and Kiprosa.")
    doc.ents = [Span(doc, len(doc) - 4, len(doc) - 1, label="ORG")]  # "Zentiva and Kiprosa"
    view = sentence_view(next(iter(doc.sents)), 0, load_gazetteer(), load_matchers())
    assert {(m.text, m.kind) for m in view.mentions if m.kind != "Country"} == {("Zentiva", "Company"),
                                                                               ("Kiprosa", "Company")}


def test_an_office_opened_and_a_presence_doubled_in_a_capital() -> None:
    text = ("Spain and the Philippines held talks. Spain and the Philippines are partners. Corvalia Sistemas opened "
            "an office in Manila last year. Ternesa Group has doubled its showroom space in Manila. Spain has "
            "doubled its aid.")
    assert activity(text) == {("Corvalia Sistemas", "country:PHL", "active"),
                              ("Ternesa Group", "country:PHL", "active")}


TANZANIA_TURKEY = "Tanzania and Turkey held talks. Tanzania and Turkey are partners. "
BANGLADESH_SAUDI = "Bangladesh and Saudi Arabia held talks. Bangladesh and Saudi Arabia are partners. "
MALAYSIA_CHINA = "Malaysia and China held talks. Malaysia and China are partners. "


def test_a_name_that_seals_deals_is_a_companys_throughout() -> None:
    # the NER calls it a person each time; sealing and closing deals and a vice-president of it say otherwise
    text = (TANZANIA_TURKEY + "Korvanta Merkez seals $1.9bn deal to build a railway. On Monday, Korvanta Merkez "
            "closed its second big deal with the Tanzanian authorities. Korvanta Merkez vice-president Omer Yalcin "
            "spoke to reporters.")
    assert {name: kind for name, kind in kinds(text).items() if "Korvanta" in name} == {"Korvanta Merkez": "Company"}
    # ... but a chamber's chairman does not make the chamber a company
    chamber = ("Peru and Japan have strengthened cooperation in many business and trade areas, Peruvian Chamber of "
               "Commerce chairman Luis Salas said on Monday.")
    assert kinds(chamber).get("Peruvian Chamber of Commerce") == "Organization"


def test_doing_business_in_a_country_and_keen_to_develop() -> None:
    text = ("Uzbekistan and Germany held talks. Uzbekistan and Germany are partners. Many German companies, such as "
            "Holtmann Werke, Brauer Kabel and Lindqvist Maschinen, are already doing business in Uzbekistan.")
    assert activity(text) == {(name, "country:UZB", "active")
                              for name in ("Holtmann Werke", "Brauer Kabel", "Lindqvist Maschinen")}
    keen = (BANGLADESH_SAUDI + "Coral Gate Terminal, a leading port developer of the Kingdom, is keen to develop "
            "Bangladesh's main port.")
    assert activity(keen) == {("Coral Gate Terminal", "country:BGD", "planned")}
    assert homes(keen) == {("Coral Gate Terminal", "country:SAU")}


def test_the_kingdoms_companies_among_them() -> None:
    text = (BANGLADESH_SAUDI + "Seven of the Kingdom's biggest companies, among them Dunes Petroleum and Nakheel "
            "Power, joined the delegation.")
    assert homes(text) == {("Dunes Petroleum", "country:SAU"), ("Nakheel Power", "country:SAU")}


def test_the_presence_of_a_nationalitys_companies_such_as() -> None:
    text = (MALAYSIA_CHINA + "Malaysia's standing as an investment destination has been strengthened by the presence "
            "of renowned Chinese companies such as Hanlu Energy, Qiantai Solar and Dongfang Steel.")
    assert activity(text) == {(name, "country:MYS", "active")
                              for name in ("Hanlu Energy", "Qiantai Solar", "Dongfang Steel")}
    # two other countries named: in which is not said
    text = (MALAYSIA_CHINA + "Malaysia and Thailand welcomed the presence of Chinese companies such as Hanlu Energy.")
    assert activity(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups listed after the clause of a subject of two countries
        ("Korea and Mexico keep a close relationship on the global stage, as members of APEC, G20 and MIKTA.",
         {(c, g) for c in ("country:KOR", "country:MEX")
          for g in ("io:asia-pacific-economic-cooperation", "io:group-of-twenty", "io:mikta")}),
        # "its partners in": the owner and the partners listed before
        (TANZANIA_TURKEY + "Tanzania's railways will join those of Uganda and Rwanda, its partners in the East "
         "African Community.", {(c, "io:east-african-community") for c in ("country:TZA", "country:UGA",
                                                                            "country:RWA")}),
        # a fellow member: the one apposed and the other of the article's two countries named beside it
        ("Oman and the UAE held talks. Oman and the UAE are partners. The deals followed the visit of Oman's Sultan "
         "to the UAE, a fellow member of the Gulf Cooperation Council.",
         {("country:ARE", "io:gulf-cooperation-council"), ("country:OMN", "io:gulf-cooperation-council")}),
        # the largest economy of a group is one of its members
        ("Uzbekistan and Germany held talks. Uzbekistan and Germany are partners. Uzbekistan has the GSP+ status "
         "granted by the European Union, whose largest economy is Germany.", {("country:DEU", "io:european-union")}),
    ],
)
def test_memberships_as_members_after_a_clause_partners_fellows_and_largest_economies(
        text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


def test_a_visitor_who_flies_to_the_other_country_and_a_companys_officers_written_bare() -> None:
    text = ("New Zealand and India held talks. New Zealand and India are partners. Prime Minister Tom Harland flies "
            "to India this weekend with business leaders.")
    assert posts(text) == {("Tom Harland", "prime minister", "country:NZL")}
    text = ("New Zealand and India held talks. New Zealand and India are partners. Tasman Airways is sending three "
            "of its big guns: Chair Dame Ana Moore, outgoing Chief Executive Paul Reid and Chief Digital Officer Ravi "
            "Menon.")
    assert posts(text) == {("Ana Moore", "chair", "Tasman Airways"),
                           ("Paul Reid", "chief executive", "Tasman Airways"),
                           ("Ravi Menon", "chief digital officer", "Tasman Airways")}


def flows_of(text: str) -> set[tuple[str, ...]]:
    """{(kind, party or from, party or to, amount)} with the parties sorted for trade between two."""
    found = set()
    for f in facts_of(text):
        if f.kind not in ("TradeFlow", "InvestmentFlow"):
            continue
        ends = [m.key for r, m in f.roles if r in ("party", "from", "to")]
        ends = sorted(ends) if f.role("party") else ends
        found.add((f.kind, *ends, str(int(f.value("amount")))))
    return found


def test_trade_with_one_country_of_the_pair_or_a_third() -> None:
    text = ("New Zealand and India held talks. New Zealand and India are partners. The prime minister says the $2 "
            "billion of two-way trade with India looks small next to the $40b worth of trade with China.")
    assert flows_of(text) == {("TradeFlow", "country:IND", "country:NZL", "2000000000"),
                              ("TradeFlow", "country:CHN", "country:NZL", "40000000000")}


def test_a_figure_in_a_second_currency_is_no_second_flow() -> None:
    text = ("Indonesia and the UAE held talks. Indonesia and the UAE are partners. UAE companies have invested "
            "US$3.2 billion (S$4.4 billion) in Indonesia.")
    assert flows_of(text) == {("InvestmentFlow", "country:ARE", "country:IDN", "3200000000")}


def test_a_project_discussed_with_the_other_sides_company() -> None:
    # the article's business goes to Bangladesh (Saudi investment flows there): the Saudi company enters
    text = (BANGLADESH_SAUDI + "Saudi investment in Bangladesh reached $2 billion in 2023. "
            "A proposal for a telecoms project led by Dhaka Mobile Limited, a state-run operator, "
            "was also discussed with Saudi Arabia's Nakheel Group.")
    assert ("Nakheel Group", "country:BGD", "planned") in activity(text)


def test_a_bare_minister_of_the_country_whose_ministry_the_article_names() -> None:
    text = ("Oman and the UAE held talks. Oman and the UAE are partners. The deals were announced by the UAE's "
            "Ministry of Investment on Tuesday. \"Our relations are strong,\" said Khalid Rashed, Minister of "
            "Investment.")
    assert posts(text) == {("Khalid Rashed", "minister of investment", "country:ARE")}
    # two countries' ministries of that portfolio: whose minister is not said
    both = text.replace("the UAE's Ministry of Investment", "the UAE's Ministry of Investment and Oman's Ministry "
                                                              "of Investment")
    assert posts(both) == set()


def test_companies_listed_in_the_sentence_after_their_nationality() -> None:
    text = ("Argentina and Japan held talks. Argentina and Japan are partners. At the seminar, some twenty of the "
            "most important Japanese companies exchanged views on their interest in mining. Among them are Kurosawa "
            "Corporation; Tanaka & Co.; Hoshida Koei Co.; and Minato Engineering Corporation.")
    names = ("Kurosawa Corporation", "Tanaka & Co", "Hoshida Koei Co", "Minato Engineering Corporation")
    assert {(o.rstrip("."), c) for o, c in homes(text)} == {(name, "country:JPN") for name in names}
    assert {(o.rstrip("."), m, s) for o, m, s in activity(text)} == {(name, "country:ARG", "planned")
                                                                      for name in names}
    # two nationalities before the companies: whose each one is, is not said
    both = ("Malaysia and Saudi Arabia held talks. Malaysia and Saudi Arabia are partners. He met the heads of "
            "Malaysian and Saudi Arabian companies that work together. These include Kelapa Bhd and Dunes "
            "Holding Co Ltd.")
    assert homes(both) == set()


def test_companies_listed_as_the_subject_of_working_in_a_country() -> None:
    """"Companies such as A, B S.p.A., C and D Srl are currently working in X": each is active there, the last
    one too, however the NER cut or typed the names."""
    text = ("Italy and Turkmenistan held talks. Italy and Turkmenistan are partners. Companies such as Lanterna, "
            "Pietro Balestra S.p.A, Comar S.p.A., Maschio Vardo, Marzotti, Elicotteri Italia Srl Unipersonale are "
            "currently working in Turkmenistan.")
    names = ("Lanterna", "Pietro Balestra S.p.A", "Comar S.p.A", "Maschio Vardo", "Marzotti",
             "Elicotteri Italia Srl Unipersonale")
    assert activity(text) == {(name, "country:TKM", "active") for name in names}
    people = {m.text for m in extract(text).mentions if m.kind == "Person"}
    assert people == set()  # the pieces of the companies' names are no people
    # a list of companies that only met someone is not at work there
    met = text.replace("are currently working in", "met the ambassador of")
    assert activity(met) == set()


def test_a_ministry_the_ner_missed_is_the_post_s_body() -> None:
    """"X, Parliamentary Secretary of the Latvian Ministry of Economics": the ministry is a name with its
    nationality, the post is at the ministry, and the ministry is at home in Latvia."""
    text = ("India and Latvia held talks. India and Latvia are partners. Jurgis Ozolins, Parliamentary Secretary "
            "of the Latvian Ministry of Economics, greeted the news.")
    assert posts(text) == {("Jurgis Ozolins", "parliamentary secretary", "Latvian Ministry of Economics")}
    assert homes(text) == {("Latvian Ministry of Economics", "country:LVA")}
    # a ministry in lower case is no name
    assert homes(text.replace("Ministry of Economics", "ministry of economics")) == set()


def test_brands_present_in_the_local_market() -> None:
    """"Polish brands are also present in the local market including A and B": the local market is the one the
    article's business goes to (here, where the report was filed)."""
    text = ("Poland and the Philippines held talks\n\nMANILA, Nov. 11 – Poland and the Philippines are partners. "
            "More and more Polish brands are also present in the local market including Vistula Vodka, Mazurek and "
            "Tatra Cosmetics.")
    assert {(o, m) for o, m, _ in activity(text)} == {
        ("Vistula Vodka", "country:PHL"), ("Mazurek", "country:PHL"), ("Tatra Cosmetics", "country:PHL")}
    # a market the text does not place: nothing
    unplaced = text.replace("MANILA, Nov. 11 – ", "")
    assert not any(o == "Mazurek" for o, _, _ in activity(unplaced))


def test_a_side_s_people_with_posts_of_any_kind() -> None:
    """"The Haitian side was represented by X, secretary general", "For Haiti, the participants were: X,
    secretary general; ...": the side names the country of any post, and its people are no companies."""
    text = ("Haiti and the Dominican Republic held talks. Haiti and the Dominican Republic are partners. The "
            "Haitian side was represented by Gaston Pierre, secretary general, and Paul Henry, director.")
    assert posts(text) == {("Gaston Pierre", "secretary general", "country:HTI"),
                           ("Paul Henry", "director", "country:HTI")}
    assert homes(text) == set()
    text = ("Haiti and the Dominican Republic held talks. Haiti and the Dominican Republic are partners. For "
            "Haiti, the participants were: Gaston Pierre, secretary general; Paul Henry, director.")
    assert posts(text) == {("Gaston Pierre", "secretary general", "country:HTI"),
                           ("Paul Henry", "director", "country:HTI")}
    # without a side, a secretary general's country is not guessed
    bare = text.replace("For Haiti, the participants were", "The participants were")
    assert posts(bare) == set()


def test_an_envoy_to_a_list_of_countries_before_the_name() -> None:
    text = ("Kazakhstan and Australia held talks. Kazakhstan and Australia are partners. Ambassador of Kazakhstan "
            "to Singapore, Commonwealth of Australia and New Zealand Askar Temirbek went over plans.")
    assert posts(text) == {("Askar Temirbek", "ambassador", "country:KAZ")}


def test_companies_named_after_these_companies_and_their_sectors() -> None:
    """"... Egyptian companies operating in Uzbekistan. These companies are active in sectors such as mining, with
    notable firms including A, B and C": the firms are of the nationality before, active where it says; the
    sectors listed first are no companies."""
    text = ("Egypt and Uzbekistan held talks. Egypt and Uzbekistan are partners. He noted that the number of "
            "Egyptian companies operating in Uzbekistan had risen to 15. These companies are active in sectors "
            "such as mining and pharmaceuticals, with notable firms including Nilecrest Investment, Karnak "
            "Holding, and Sinai Pharma.")
    names = ("Nilecrest Investment", "Karnak Holding", "Sinai Pharma")
    assert homes(text) == {(name, "country:EGY") for name in names}
    assert activity(text) == {(name, "country:UZB", "active") for name in names}


def test_each_company_listed_after_with_and_a_home_said_against_the_name() -> None:
    text = ("Qatar and South Korea held talks. Qatar and South Korea are partners. According to Qatar's Doha "
            "Energy, it has signed agreements with Hanbit Heavy Industries, Daesan Shipbuilding & Marine Engineering "
            "and Namhae Heavy Industries that reserve building slots.")
    assert {(o, m) for o, m, _ in activity(text)} == {
        (name, "country:QAT") for name in ("Hanbit Heavy Industries", "Daesan Shipbuilding & Marine Engineering",
                                           "Namhae Heavy Industries")}
    # a name that carries the host country, said to be among another nationality's companies working in a zone
    text = ("Egypt and China held talks. Egypt and China are partners. Nile Egypt Fibreglass Company, among the "
            "biggest Chinese companies working inside SCZONE, signed a financing agreement.")
    assert homes(text) == {("Nile Egypt Fibreglass Company", "country:CHN")}


def test_a_deals_sector_is_not_read_off_the_rest_of_the_sentence() -> None:
    text = ("Qatar and South Korea held talks. Qatar and South Korea are partners. According to Qatar's Doha "
            "Energy, it has signed agreements with Hanbit Heavy Industries that reserve building slots for the LNG "
            "carrier fleet it will need in the future.")
    deals = [f for f in facts_of(text) if f.kind == "MarketActivity"]
    assert [(f.role("organization").text, f.value("sector")) for f in deals] == [("Hanbit Heavy Industries", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case portfolio after a nationality; a portfolio listed with commas
        ("Vietnam and Germany held talks. Vietnam and Germany are partners. During the visit, German labour "
         "minister Jonas Weber signed a memorandum.", {("Jonas Weber", "labour minister", "country:DEU")}),
        ("Qatar and South Korea held talks. Qatar and South Korea are partners. The deal was signed before South "
         "Korea's Trade, Industry and Energy Minister Park Min-ho.",
         {("Park Min-ho", "trade, industry and energy minister", "country:KOR")}),
        # the country named later in the sentence is no nationality before the portfolio
        ("Czechia and Korea held talks. Czechia and Korea are partners. Czech Industry and Trade Minister Petr "
         "Novak spoke at the event, hosted by the Czech Republic Embassy in Seoul.",
         {("Petr Novak", "industry and trade minister", "country:CZE")}),
    ],
)
def test_portfolios_in_lower_case_after_a_nationality_and_listed_with_commas(
        text: str, expected: set[tuple[str, str, str]]) -> None:
    assert posts(text) == expected


def test_an_envoy_in_a_country_whose_surname_names_a_city_and_a_post_in_a_headline() -> None:
    text = ("Argentina and Japan held talks. Argentina and Japan are partners. Photo: Japan's ambassador in "
            "Argentina, Kenji Osaka.")
    assert posts(text) == {("Kenji Osaka", "ambassador", "country:JPN")}
    interview = ("In conversation with H.E. Yerlan Baimukhan, Ambassador of Kazakhstan to Pakistan\n\n"
                 "Kazakhstan and Pakistan held talks. Kazakhstan and Pakistan are partners.")
    assert posts(interview) == {("Yerlan Baimukhan", "ambassador", "country:KAZ")}


def test_money_poured_into_a_country_and_not_the_source_of_a_report() -> None:
    text = ("Vietnam and Germany held talks. Vietnam and Germany are partners. German firms have poured more than $3 "
            "billion into the manufacturing hub, with Rheinberg Technik the biggest investor, according to the German "
            "chamber of commerce in Vietnam.")
    assert flows_of(text) == {("InvestmentFlow", "country:DEU", "country:VNM", "3000000000")}


def test_sentence_openers_and_plans_are_no_organisations() -> None:
    text = ("Mexico and Korea held talks. Mexico and Korea are partners. Also, Mexico has been Korea's largest trade "
            "partner in Latin America since 2014. The two firms signed a deal. Both already operate in Mexico. The "
            "CPEC and the BRI were discussed, as was a PPP model.")
    assert not {"Also", "Both", "CPEC", "BRI", "PPP"} & set(kinds(text))


def test_a_person_among_them_and_representatives_from_companies() -> None:
    text = ("Thailand and Japan held talks. Thailand and Japan are partners. The prime minister was joined by "
            "representatives of seven Japanese car manufacturers. Among them was Kanok Srisuk, president of Hoshida "
            "Automobile (Thailand), and representatives from Kurosawa Motors, Minato Motors and Tanabe Motors.")
    # the person named with a post is no company; the companies are after "representatives from"
    assert homes(text) == {(name, "country:JPN") for name in ("Kurosawa Motors", "Minato Motors", "Tanabe Motors")} \
        | {("Hoshida Automobile", "country:THA")}  # the Thai unit, as the brackets say
    # a country in brackets after a name tags the name: no sentence here says they do business in Thailand
    assert activity(text) == set()


def test_companies_sharing_out_what_the_sentence_before_says_unnamed_many_do() -> None:
    text = ("Thailand and Japan held talks. Thailand and Japan are partners. Four carmakers agreed to invest 150 "
            "billion baht in Thailand's EV industry. Kurosawa Motor and Minato Motor will invest about 50 billion "
            "baht each, while Tanabe Motors will invest 30 billion baht.")
    assert activity(text) == {(name, "country:THA", "planned")
                              for name in ("Kurosawa Motor", "Minato Motor", "Tanabe Motors")}
    # another deed than the one before is not its share
    other = ("Thailand and Japan held talks. Thailand and Japan are partners. Four carmakers agreed to invest 150 "
             "billion baht in Thailand's EV industry. Kurosawa Motor will open a museum next year.")
    assert activity(other) == set()


def test_an_apostrophe_printed_as_a_modifier_letter_and_a_coded_name_with_a_sector_word() -> None:
    text = ("Hungary and South Korea held talks. Hungary and South Korea are partners. South Korea\u02bcs Hanbit "
            "Controls is investing in a battery plant in Hungary, and earlier South Korea\u02bcs KX Innovation "
            "also chose Hungary.")
    assert {("Hanbit Controls", "country:KOR"), ("KX Innovation", "country:KOR")} <= homes(text)
    assert ("Hanbit Controls", "country:HUN", "active") in activity(text)


def test_companies_listed_between_dashes_after_their_nationality() -> None:
    text = ("Australia and Japan held talks. Australia and Japan are partners. Sakura and three other Japanese "
            "companies - Hikari Heavy Industries Ltd, Kaede Electric Power Co Inc and Tsubasa Corp - signed a "
            "memorandum of understanding.")
    # a name the NER runs on past the dash ("Tsubasa Corp - signed") ends at the dash
    assert homes(text) == {(name, "country:JPN") for name in ("Hikari Heavy Industries Ltd",
                                                              "Kaede Electric Power Co Inc", "Tsubasa Corp")}
    assert not any(o.endswith("signed") for o, _ in homes(text))


def test_one_of_a_nationalitys_companies_at_work_in_a_country_and_an_example_of_many() -> None:
    text = ("Nigeria and South Africa held talks. Nigeria and South Africa are partners. But KTN is not the "
            "only South African company riding rough waves in Nigeria.")
    assert homes(text) == {("KTN", "country:ZAF")}
    assert activity(text) == {("KTN", "country:NGA", "active")}
    text = ("Norway and Poland held talks. Norway and Poland are partners. Norwegian energy companies are more and "
            "more active in Poland, the main example being the investments of the Norwegian concern Fjordkraft in "
            "wind farms.")
    assert homes(text) == {("Fjordkraft", "country:NOR")}
    assert activity(text) == {("Fjordkraft", "country:POL", "active")}


def test_a_name_after_a_city_based_and_not_after_any_word_based() -> None:
    text = ("Nigeria and South Africa held talks. Nigeria and South Africa are partners. Johannesburg-headquartered "
            "Kopano Vision cut its tariffs. Kenya became the first customer of India's vaunted Shore-based Anti-Ship "
            "Missile.")
    assert kinds(text).get("Kopano Vision") == "Company"
    assert "Anti-Ship Missile" not in kinds(text)
    assert homes(text) == {("Kopano Vision", "country:ZAF")}


def test_companies_whose_heads_a_visitor_meets_after_the_article_says_whose_they_are() -> None:
    # the headline names the visited side's partner once; the body only the visitor's president
    text = ("Emirati companies to speed up projects in Uzbekistan\n\n"
            "Shavkat Tursunov held meetings with heads of major UAE companies in Abu Dhabi, his press service said. "
            "Leaders of Falcon Ports, Sahra Cables, and Tadwar took part in the meeting. Later a meeting took place "
            "with the heads of Oasis Power, the medical company Nakhla Health, and the Jabal Group holding.")
    names = ("Falcon Ports", "Sahra Cables", "Tadwar", "Oasis Power", "Nakhla Health", "Jabal Group")
    assert {(name, "country:ARE") for name in names} <= homes(text)
    assert {(name, "country:UZB", "planned") for name in names} <= activity(text)
    # where the article never says whose companies were met, nothing is assumed
    unsaid = text.replace("heads of major UAE companies", "business leaders")
    assert not {o for o, _ in homes(unsaid)} & set(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # partners in two groups, the second after "and in"
        ("Poland and Norway held talks. Poland and Norway are strong partners in NATO and in the European Economic "
         "Area (EEA).", {(c, g) for c in ("country:POL", "country:NOR")
                         for g in ("io:north-atlantic-treaty-organization", "io:european-economic-area")}),
        # one country alone sits in two groups, and those named alongside it sit in the last one
        ("Nigeria and South Africa held talks. Nigeria and South Africa are partners. South Africa alone sits in the "
         "G20 and in the BRICS group of emerging powers alongside Brazil, Russia, India and China.",
         {("country:ZAF", "io:group-of-twenty")} | {(c, "io:brics") for c in (
             "country:ZAF", "country:BRA", "country:RUS", "country:IND", "country:CHN")}),
        # "the two neighbours" are the article's two countries; a group's name with "of" in it, then "and of"
        ("Kazakhstan and Uzbekistan held talks. Kazakhstan and Uzbekistan are partners. The two neighbours are "
         "fellow members of the Commonwealth of Independent States and of the Shanghai Cooperation Organisation.",
         {(c, g) for c in ("country:KAZ", "country:UZB")
          for g in ("io:commonwealth-of-independent-states", "io:shanghai-cooperation-organisation")}),
        # "a fellow member of the bloc": the group named before
        ("Laos and Vietnam held talks. Laos and Vietnam are partners. Laos, which chaired the Association of "
         "Southeast Asian Nations (ASEAN) last year, and Vietnam, a fellow member of the bloc, are neighbours.",
         {("country:VNM", "io:association-of-southeast-asian-nations")}),
    ],
)
def test_memberships_as_partners_in_groups_alone_in_one_and_fellows_of_the_bloc(
        text: str, expected: set[tuple[str, str]]) -> None:
    found = members(text)
    assert expected <= found
    assert {g for _, g in found} == {g for _, g in expected}  # no group the sentence does not name


def test_a_rulers_title_inside_a_name_and_ministers_listed_with_semicolons() -> None:
    text = ("DUBAI, 25th September, 2025 (WAM) -- The UAE and Vietnam held talks. The UAE and Vietnam are partners. "
            "The meeting was attended by Rashid Abdullah Al Mansoori, Minister of Cabinet Affairs; and Hamad Sultan "
            "Al Nuaimi, Minister of State for Artificial Intelligence.")
    assert posts(text) == {("Rashid Abdullah Al Mansoori", "minister of cabinet affairs", "country:ARE"),
                           ("Hamad Sultan Al Nuaimi", "minister of state for artificial intelligence", "country:ARE")}


def test_a_rulers_title_after_his_majesty_is_a_post_not_a_word_of_the_name() -> None:
    """"His Majesty Sultan X": the word before the title is an honorific's, not a name's ("Hamad Sultan Al
    Nuaimi" above), so the sultan of the article's monarchy is named."""
    text = ("Oman and Belarus signed deals. Belarus and Oman are partners. President Ivan Zhuk of Belarus met His "
            "Majesty Sultan Qais bin Hamad in Muscat.")
    assert ("Qais bin Hamad", "sultan", "country:OMN") in posts(text)


def test_a_possessive_of_a_name_in_s_and_a_name_apposed_to_a_nationalitys_group() -> None:
    text = ("India and the Maldives held talks. India and the Maldives are partners. India's Hanbit Build concluded "
            "contracts with the Maldives' Villa Group. Another major Indian group, Lakshmi Rao Gupta, has done well "
            "there.")
    assert homes(text) == {("Villa Group", "country:MDV"), ("Hanbit Build", "country:IND"),
                           ("Lakshmi Rao Gupta", "country:IND")}
    assert kinds(text).get("Lakshmi Rao Gupta") == "Company"  # not the person the NER may take it for


def test_names_before_a_dash_and_a_post_in_a_list_read_or_not() -> None:
    text = ("Colombia and China held talks. Colombia and China are partners. The ceremony saw the presence of "
            "important personalities such as Marta Lucia Ramirez – Vice President of Colombia, Quintero – Minister "
            "of Transport of Colombia, Enrique Penalosa – Mayor of Bogota, and Tang Qiaoliang - President of CHEC.")
    found = posts(text)
    assert ("Quintero", "minister of transport", "country:COL") in found  # a surname alone, which the NER missed
    assert ("Tang Qiaoliang", "president", "CHEC") in found  # a hyphen for the dash
    assert not any(holder == "Enrique Penalosa" and role == "minister of transport" for holder, role, _ in found)


def test_a_legal_suffix_after_a_comma_and_words_that_name_no_one() -> None:
    text = ("Colombia and China held talks. Colombia and China are partners. Attending were Wang Run – Chairman of "
            "Hanbit Railway Vehicles Co., Ltd., and Kong Qi – Vice President of CHEC. In October, the consortium won "
            "the bid. Timor-Leste and Australia held talks; Australia's Special Representative for the Greater "
            "Sunrise Project, Steve Bracks, spoke.")
    found = kinds(text)
    assert found.get("Hanbit Railway Vehicles Co., Ltd.") == "Company"
    assert not {"Ltd", "Ltd.", "In October", "Special Representative"} & set(found)
    assert ("Wang Run", "chairman", "Hanbit Railway Vehicles Co., Ltd.") in posts(text)


def test_two_titles_joined_by_and_before_a_comma_and_a_name() -> None:
    text = (MALAYSIA_SAUDI + "It was signed by the chairman and chief executive officer of the Hanbit Bank Group, "
            "Omar Al Harbi, and others.")
    assert posts(text) == {("Omar Al Harbi", "chairman", "Hanbit Bank Group"),
                           ("Omar Al Harbi", "chief executive officer", "Hanbit Bank Group")}


def test_a_deed_named_by_a_noun_by_a_company_in_a_country() -> None:
    text = ("Morocco and Ivory Coast held talks. Morocco and Ivory Coast are partners. They signed the convention "
            "authorising FM broadcasting by Radio Atlas Internationale (Radio ATL) in Ivory Coast.")
    assert activity(text) == {("Radio Atlas Internationale", "country:CIV", "planned")}
    done = ("Morocco and Ivory Coast held talks. Morocco and Ivory Coast are partners. The construction of the port "
            "by Atlas Travaux Group in Ivory Coast ended last year.")
    assert activity(done) == {("Atlas Travaux Group", "country:CIV", "active")}


def test_a_nationalitys_brands_with_operations_in_a_country_include_described_items() -> None:
    text = ("Brazil and Mexico held talks. Brazil and Mexico are partners. Mexican brands with operations in Brazil "
            "include the automotive Numex, the food company Panaderia Sol and the telecommunications firm Red Movil.")
    names = ("Numex", "Panaderia Sol", "Red Movil")
    assert {(name, "country:MEX") for name in names} <= homes(text)
    assert {(name, "country:BRA", "active") for name in names} <= activity(text)
    # a list after another nationality's noun is not the first nationality's
    other = ("Brazil and Mexico held talks. Brazil and Mexico are partners. Mexican firms signed deals with "
             "Brazilian ones including Panaderia Sol and Red Movil.")
    assert not any(c == "country:MEX" for _, c in homes(other))


def test_a_companys_turnover_is_no_trade_but_the_two_countries_turnover_is() -> None:
    text = ("Vietnam and Laos held talks. Vietnam and Laos are partners. Viettel Global recently announced that it "
            "had achieved turnover of US$578 million in the first nine months of this year.")
    assert flows_of(text) == set()
    trade = ("Vietnam and Laos held talks. Vietnam and Laos are partners. Trade turnover between Vietnam and Laos "
             "reached US$578 million last year.")
    assert {kind for kind, *_ in flows_of(trade)} == {"TradeFlow"}


def test_a_word_with_capitals_inside_is_a_brand() -> None:
    text = ("India and Qatar held talks. India and Qatar are partners. GulfEnergy and India's Petronet LNG signed a "
            "deal. In Kostanay, SaryarkaAvtoProm assembles cars. Ms McKenzie and Mr DeSouza spoke.")
    found = kinds(text)
    assert found.get("GulfEnergy") == "Company"
    assert found.get("SaryarkaAvtoProm") == "Company"
    assert found.get("McKenzie") != "Company" and found.get("DeSouza") != "Company"


def test_an_acting_post_as_written_and_the_two_members_of_a_group() -> None:
    text = ("Fiji and Australia held talks. Fiji and Australia are partners. Australia's Acting High Commissioner to "
            "Fiji, Clara Nolan, spoke.")
    assert posts(text) == {("Clara Nolan", "acting high commissioner", "country:AUS")}
    vietnam = ("Vietnam and Singapore held talks. Vietnam and Singapore are partners. The minister expected the two "
               "ASEAN members to lift their ties.")
    assert members(vietnam) == {(c, "io:association-of-southeast-asian-nations")
                                for c in ("country:VNM", "country:SGP")}


def test_a_participants_list_of_title_of_body_then_name_without_commas() -> None:
    text = ("Thailand and Vietnam held talks. Thailand and Vietnam are partners. The delegation was made up of "
            "President and CEO of Chao Phraya Cement Group (CPC) Somchai Rattanakorn, President of Siriwatbank Anong "
            "Chaiyaporn, Chief Digital Officer and member of the founding family of Mekong Retail Group Preecha "
            "Thongdee, and Chairman of the Chamber of Commerce and Industry of the Republic of Uzbekistan Bakhtiyor "
            "Rakhimov.")
    found = kinds(text)
    for person in ("Somchai Rattanakorn", "Anong Chaiyaporn", "Preecha Thongdee", "Bakhtiyor Rakhimov"):
        assert found.get(person) == "Person"
    assert found.get("Mekong Retail Group") == "Company"
    assert "Chamber of Commerce and Industry of the Republic of Uzbekistan" in found
    assert {("Somchai Rattanakorn", "president", "Chao Phraya Cement Group"),
            ("Anong Chaiyaporn", "president", "Siriwatbank"),
            ("Bakhtiyor Rakhimov", "chairman", "Chamber of Commerce and Industry of the Republic of Uzbekistan")
            } <= posts(text)


def test_an_economists_and_a_representatives_posts_are_titles() -> None:
    text = ("Brazil and China held talks. Brazil and China are partners. \"Protein is next,\" said Marta Okubo, "
            "chief economist of Atlas Research Group. The trip matters, said Jonas Weidenfeld, the representative "
            "of the Hessler Foundation.")
    assert posts(text) == {("Marta Okubo", "chief economist", "Atlas Research Group"),
                           ("Jonas Weidenfeld", "representative", "Hessler Foundation")}


def test_news_agencies_in_datelines_and_credits_are_organisations() -> None:
    text = ("BAKU, Azerbaijan, Aug. 16 (Trend) - Uzbekistan and Tajikistan held talks. Uzbekistan and Tajikistan are "
            "partners, the minister told PAP, as Xinhua and Yonhap News Agency reported. Michael Bloomberg "
            "spoke.")
    found = kinds(text)
    assert {name: found.get(name) for name in ("Trend", "PAP", "Xinhua", "Yonhap News Agency")} == dict.fromkeys(
        ("Trend", "PAP", "Xinhua", "Yonhap News Agency"), "Organization")
    assert found.get("Michael Bloomberg") == "Person"  # a person who shares a name with an agency's


def test_a_full_name_the_ner_called_an_organisation_ends_in_a_surname_the_text_titles() -> None:
    text = ("Canada and Chile held talks. Canada and Chile are partners. During his stay in Chile, Jean-Baptiste "
            "Lacroix will meet business leaders. Minister Lacroix will represent Canada. He regarded the visit of "
            "the Portuguese Prime Minister, Pedro Montenegro, as proof.")
    found = kinds(text)
    assert found.get("Jean-Baptiste Lacroix") == "Person"
    assert found.get("Pedro Montenegro") == "Person"  # a surname a country shares, after a title and a comma


def test_more_words_that_make_a_name_a_companys() -> None:
    text = ("Angola and Portugal held talks. Angola and Portugal are partners. Sonaval holds a stake in Tejo Energia. "
            "Kimura Advanced Materials and Oriental Assurance expanded in Angola.")
    found = kinds(text)
    assert {found.get(n) for n in ("Tejo Energia", "Kimura Advanced Materials", "Oriental Assurance")} == {"Company"}


def test_mr_ms_and_dr_are_no_part_of_a_name() -> None:
    text = ("Thailand and Japan held talks. Thailand and Japan are partners. Pornwut Sarasin, president of Honda, "
            "spoke. Ms McNamara agreed, said Dr Yilmaz.")
    found = kinds(text)
    assert found.get("McNamara") == "Person" and found.get("Yilmaz") == "Person"
    assert not {"Ms McNamara", "Dr Yilmaz"} & set(found)


def test_plans_named_with_their_year_and_deals_are_no_organisations_and_pt_makes_a_company() -> None:
    text = ("Indonesia and Oman held talks. Indonesia and Oman are partners. The ministers spoke of Oman's Vision 2040 "
            "and the Green New Deal. Edward Samantha, Director, PT Kawasan Industri Nusantara, spoke.")
    found = kinds(text)
    assert not {"Vision 2040", "Green New Deal"} & set(found)
    assert found.get("PT Kawasan Industri Nusantara") == "Company"


def test_among_a_countrys_based_companies_operating_in_the_other_are_a_list() -> None:
    text = ("Colombia and Peru held talks. Colombia and Peru are partners. Among the Colombia-based companies "
            "operating in Peru are Gasandes, Tintico, Cafe Montana, Petrandina and Red Electrica Andina.")
    names = ("Gasandes", "Tintico", "Cafe Montana", "Petrandina", "Red Electrica Andina")
    assert {(n, "country:COL") for n in names} <= homes(text)
    assert {(n, "country:PER", "active") for n in names} <= activity(text)


def test_latin_american_is_no_statement_about_the_united_states() -> None:
    text = ("Spain and Peru held talks. Spain and Peru are partners. Executives of Spanish companies established in "
            "the Latin American country, such as Banco Iberico, Telemadrid Redes and Segurias, spoke.")
    assert not any(m.key == "country:USA" for m in extract(text).mentions)
    assert {(n, "country:ESP") for n in ("Banco Iberico", "Telemadrid Redes", "Segurias")} <= homes(text)


def test_plural_titles_before_names_each_of_a_country_and_bare_titles_in_a_sides_delegation() -> None:
    text = ("Bulgaria and Turkey held talks. Bulgaria and Turkey are partners. The deal followed a meeting between "
            "presidents Boyan Petrov of Bulgaria and Kemal Aydin of Turkey. Minister of Tourism Ivo Stoyanov and "
            "Minister of Health Mila Ruseva were in the Bulgarian delegation.")
    assert posts(text) == {("Boyan Petrov", "president", "country:BGR"), ("Kemal Aydin", "president", "country:TUR"),
                           ("Ivo Stoyanov", "minister of tourism", "country:BGR"),
                           ("Mila Ruseva", "minister of health", "country:BGR")}


def test_co_chairmen_operations_managers_and_presidents_elect_are_titles() -> None:
    text = ("Latvia and Uzbekistan held talks. Latvia and Uzbekistan are partners. Rustam Aliev, co-chairman of the "
            "Baltic Silk Business Council, spoke with Arturs Liepa, operations manager of Rigas Kabelis Company.")
    assert posts(text) == {("Rustam Aliev", "co-chairman", "Baltic Silk Business Council"),
                           ("Arturs Liepa", "operations manager", "Rigas Kabelis Company")}


def test_more_groups_and_a_bank_named_after_the_commonwealth_is_no_membership() -> None:
    text = ("Indonesia and Nigeria held talks. Indonesia and Nigeria are partners. Both are members of the D-8, and "
            "the Commonwealth Bank of Australia lent them money.")
    assert {key for _, key in members(text)} == {"io:developing-8-organization-for-economic-cooperation"}


def test_companies_a_sentence_says_include_and_a_company_noun_opening_a_sentence() -> None:
    text = ("Korea and Kenya held talks. Korea and Kenya are partners. Other companies on show at the pavilion include "
            "Hanbit Homedeco, Jinro Lab, Kumsan Kind and Geoflex. Conglomerate Hitachi wants to build railways in "
            "Kenya.")
    found = kinds(text)
    assert {found.get(n) for n in ("Hanbit Homedeco", "Jinro Lab", "Kumsan Kind", "Geoflex", "Hitachi")} == {"Company"}
    assert "Conglomerate Hitachi" not in found


def test_a_nationalitys_capitalised_companies_then_a_comma_and_their_names() -> None:
    text = ("India and Mozambique held talks. India and Mozambique are partners. In 2014, two Indian Public Sector "
            "Companies, Videsh Petro Ltd. and Bharat Gasfields Ltd. bought a stake in a gas block of Mozambique.")
    assert {(n, "country:IND") for n in ("Videsh Petro Ltd", "Bharat Gasfields Ltd")} <= homes(text)


def test_firms_active_in_a_country_such_as_a_list_whoever_they_belong_to() -> None:
    text = ("Colombia and Peru held talks. Colombia and Peru are partners. Hotel chains are eyeing the market, adding "
            "to other major firms already active in Peru such as Estrella Hoteles, Camaron and Solesta.")
    assert {(n, "country:PER", "active") for n in ("Estrella Hoteles", "Camaron", "Solesta")} <= activity(text)


def test_alhaji_and_samdech_are_honorifics() -> None:
    text = ("Nigeria and Cambodia held talks. Nigeria and Cambodia are partners. The president praised Alhaji Musa "
            "Danjuma Bello, chairman of Sahel Agro Group, and Samdech Akka Moha Sena Padei Techo Hun Dara.")
    found = kinds(text)
    assert found.get("Musa Danjuma Bello") == "Person" and "Alhaji Musa Danjuma Bello" not in found
    assert not any(name.startswith("Samdech") for name in found)


def test_a_province_and_a_city_with_the_full_stop_are_no_organisations() -> None:
    text = ("Malaysia and Japan held talks. Malaysia and Japan are partners. The office opened in Kuala Lumpur. The "
            "complex is in Ba Ria-Vung Tau Province.")
    assert not {"Kuala Lumpur.", "Ba Ria-Vung Tau Province"} & set(kinds(text))


def test_a_dotted_acronym_before_a_hyphen_is_still_the_country() -> None:
    text = ("Israel and the UAE held talks. Israel and the UAE are partners. In September, the UAE and Bahrain both "
            "signed U.S.-brokered deals with Israel.")
    assert any(m.key == "country:USA" for m in extract(text).mentions)


def test_ms_without_a_full_stop_addresses_a_person_whatever_the_ner_says() -> None:
    text = ("Fiji and Australia held talks. Fiji and Australia are partners. The ties are deep, said FABC President, "
            "Ms Vera Chute.")
    assert ("Vera Chute", "president", "FABC") in posts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and Uganda held talks. Kenya and Uganda are partners. The two EAC partner states agreed.",
         {("country:KEN", "io:east-african-community"), ("country:UGA", "io:east-african-community")}),
        ("Spain and Senegal held talks. Spain and Senegal are partners. Both countries belong to the Union for the "
         "Mediterranean.", {("country:ESP", "io:union-for-the-mediterranean"),
                            ("country:SEN", "io:union-for-the-mediterranean")}),
        ("Chile and Peru held talks. Chile and Peru are partners. Chile and Peru, along with Colombia and Mexico, "
         "form the Pacific Alliance.", {(c, "io:pacific-alliance") for c in
                                        ("country:CHL", "country:PER", "country:COL", "country:MEX")}),
    ],
)
def test_partner_states_belonging_and_founders_along_with_others(text: str, expected: set[tuple[str, str]]) -> None:
    assert members(text) == expected


def test_a_founding_member_along_with_others_and_also_part_of_a_union() -> None:
    text = ("Kazakhstan and China held talks. Kazakhstan and China are partners. Kazakhstan, along with Russia and "
            "Belarus, is a founding member of the EAEU. Armenia is also part of the Eurasian Economic Union.")
    assert members(text) == {(c, "io:eurasian-economic-union")
                             for c in ("country:KAZ", "country:RUS", "country:BLR", "country:ARM")}


def test_a_subsidiary_named_after_where_it_works_keeps_its_name() -> None:
    text = ("Kenya and Japan held talks. Kenya and Japan are partners. Li Wen, general manager of Haixin South Africa, "
            "said Fanmilk Nigeria will expand. The Pak-Iran committee met.")
    found = kinds(text)
    assert "Haixin South Africa" in found and "Fanmilk Nigeria" in found
    assert "Pak-Iran" not in found
    assert ("Li Wen", "general manager", "Haixin South Africa") in posts(text)


def test_an_agencys_acronym_before_a_post_is_an_organisation_but_not_a_datelines() -> None:
    text = ("Kenya and Japan held talks. Kenya and Japan are partners. JETRO Nairobi chief representative Takashi Sato "
            "said firms will invest. NAIROBI, Kenya - The CEO of Safaricom spoke.")
    assert ("Takashi Sato", "chief representative", "JETRO") in posts(text)
    assert "NAIROBI" not in kinds(text)


def test_an_acronym_the_ner_left_open_after_a_name_is_no_part_of_it() -> None:
    """"the Guyana Office for Investment (Go-Invest)": the NER may end the name inside the brackets."""
    names = {m.text for m in extract("India and Guyana held talks. The Guyana Office for Investment (Go-Invest) "
                                     "said that Indian firms were interested.").mentions}
    assert "Guyana Office for Investment" in names
    assert not any("(" in n for n in names)


def test_two_people_the_ner_found_with_only_a_space_between_are_one_long_name() -> None:
    """"Mr. Moutaz Mohamad Raslan Al-Khayyat, Chairman of X": the NER split a four-word name in two."""
    text = ("Qatar and Algeria signed deals. The ceremony was attended by Mr. Moutaz Mohamad Raslan Al-Khayyat, "
            "Chairman of Baladna Q.P.S.C., and Algerian officials.")
    assert posts(text) == {("Moutaz Mohamad Raslan Al-Khayyat", "chairman", "Baladna Q.P.S.C")}


def test_one_word_after_a_company_title_and_of_is_the_employer() -> None:
    """"Managing Director of Baladna, signed": the NER calls the one-word company a person."""
    text = "Qatar and Algeria signed deals. Mr. Ramez Al Khayyat, Managing Director of Baladna, signed the agreement."
    assert posts(text) == {("Ramez Al Khayyat", "managing director", "Baladna")}


def test_a_name_in_initials_or_after_a_title_closes_a_body_the_ner_read_on() -> None:
    """"the Association of Exporters of Uzbekistan M. Umarov", "Federal Ministry for X Parliamentary State
    Secretary Y": the NER reads body and name as one organisation; the name (and the post) are split off."""
    text = ("Uzbekistan and Germany held talks. Uzbekistan and Germany are partners. The forum was opened by the "
            "Association of Exporters of Uzbekistan M. Umarov and others. Present were Federal Ministry for "
            "Economic Affairs and Climate Action Parliamentary State Secretary Stefan Wenzel and others.")
    kinds = {m.text: m.kind for m in extract(text).mentions}
    assert kinds.get("Association of Exporters of Uzbekistan") == "Organization"
    assert kinds.get("M. Umarov") == "Person" and kinds.get("Stefan Wenzel") == "Person"
    assert posts(text) == {("Stefan Wenzel", "parliamentary state secretary",
                            "Federal Ministry for Economic Affairs and Climate Action")}


def test_a_dash_glued_to_a_datelines_bracket_does_not_hide_the_nationality() -> None:
    """"Havana, May 21 (RHC)—Vietnamese ...": the dash between a bracket and a word separates them."""
    text = "Havana, May 21 (RHC)—Vietnamese Deputy Prime Minister Tran Van Long has wrapped up his visit to Cuba."
    assert posts(text) == {("Tran Van Long", "deputy prime minister", "country:VNM")}


def test_an_apposed_title_ends_where_the_next_name_joins_with_and() -> None:
    text = ("Georgia and China held talks. The talks were between Levan Beridze, the Georgian Agriculture Minister "
            "and Wang Lei, the President of the Shanghai Chamber of Commerce, on Wednesday.")
    assert ("Levan Beridze", "agriculture minister", "country:GEO") in posts(text)


def test_a_counterpart_of_a_country_is_named_after_it_and_takes_the_first_ones_title() -> None:
    """The NER may call the counterpart's name a place; the title is the other minister's, whose country the
    sentence does not say."""
    text = ("Paraguay and Chile held talks. Foreign Minister Julio Ramos met his counterpart of the Republic of "
            "Chile, Antonia Vergara, in Los Angeles.")
    assert ("Antonia Vergara", "foreign minister", "country:CHL") in posts(text)
    assert {m.text: m.kind for m in extract(text).mentions}.get("Antonia Vergara") == "Person"


def test_officials_accompanying_a_named_visitor_serve_the_visitors_country() -> None:
    text = ("Namibia and Botswana are neighbours. Namibia and Botswana will hold a commission. The President, "
            "Dr. Tobias Haingura, will travel to Gaborone, Botswana, for the session. Accompanying Haingura will "
            "be Hon. Selma Amutenya, Minister of Health and Social Services; Adv. Petrus Nangolo, Attorney-General; "
            "Hon. Anna Shikongo, Minister of Agriculture, Water & Land Reform, and senior officials.")
    assert posts(text) >= {("Selma Amutenya", "minister of health and social services", "country:NAM"),
                           ("Petrus Nangolo", "attorney-general", "country:NAM"),
                           ("Anna Shikongo", "minister of agriculture, water & land reform", "country:NAM")}


def test_names_written_with_the_fathers_initial_glued_on() -> None:
    """Mongolian style, "D.Ganbat": a name of one word with a glued initial, in a list of titled officials."""
    text = ("Mongolia and Japan held talks. Present at the meeting were Mongolian Minister for Road and Transport "
            "Development D.Bold, Chief of Staff of the Office of the President Z.Tsend, Vice Minister for "
            "Foreign Affairs B.Saran, Presidential Envoy in charge of Mongolia-Japan cooperation D.Oyun and "
            "Minister for Foreign Affairs of Japan T.Mori.")
    assert posts(text) == {("D.Bold", "minister for road and transport development", "country:MNG"),
                           ("Z.Tsend", "chief of staff of the office of the president", "country:MNG"),
                           ("B.Saran", "vice minister for foreign affairs", "country:MNG"),
                           ("T.Mori", "minister for foreign affairs", "country:JPN")}


def test_an_officer_of_the_group_or_of_the_sentences_company() -> None:
    """"X, Chief Operating Officer of the group,": the company named before; "said Y, General Manager":
    the organisation the sentence opens with."""
    text = ("India and Bahrain are partners. Kavya Group runs the Pearl Hospital in Bahrain. Ravi Menon, Chief "
            "Operating Officer of the group, says Bahrain is its hub. Delta Plastics Bahrain, part of the Delta "
            "group, is set to start production this month, said Anil Rao, General Manager.")
    assert posts(text) >= {("Ravi Menon", "chief operating officer", "Kavya Group"),
                           ("Anil Rao", "general manager", "Delta Plastics Bahrain")}


def test_a_country_signing_with_a_company_to_build_is_its_market() -> None:
    text = ("Azerbaijan has signed agreements with Saudi Arabia's Najm Power to build a 240-megawatt wind farm. "
            "Egypt signed an agreement with Kestrel Systems on cooperation.")
    assert activity(text) == {("Najm Power", "country:AZE", "planned")}


def test_an_industry_written_with_and_before_a_name_gives_its_home() -> None:
    text = ("Kuwait and Vietnam held talks. Vietnam's state-owned oil and gas giant PetroLotus signed a deal. "
            "Chinese investors and the company Hanjin came.")
    assert homes(text) == {("PetroLotus", "country:VNM")}


def test_an_acronym_closing_a_bracket_before_a_name_is_no_part_of_it() -> None:
    """"Kuwait Petroleum Corporation's (KPC) Kuwait Petroleum International": the NER may start the second
    name inside the first one's brackets."""
    text = "KPC) Kuwait Oil Trading Ltd"
    assert text[slice(*_trim(text, 0, len(text)))] == "Kuwait Oil Trading Ltd"
    assert _trim("India) Limited", 0, 14) == (0, 14)  # a country in brackets is the name's


def test_a_nationality_after_an_acronym_in_brackets_needs_an_article_to_be_an_apposition() -> None:
    """"X (IPPAN), Indian investors stressed": a new clause's subject, not X's description."""
    text = ("Nepal and India held a summit. At the summit, with participation from the Hydro Producers' Association "
            "of Nepal (HPAN), Indian investors stressed the need for protection. Tata Power, an Indian company, "
            "spoke.")
    assert homes(text) == {("Hydro Producers' Association of Nepal", "country:NPL"), ("Tata Power", "country:IND")}


def test_officials_listed_with_their_lower_case_titles_before_the_names() -> None:
    """A participants' list as Spanish releases translate it: "the Global CEO of X, Name; the president of X
    Argentina, Name"; "Global" qualifies the title, and the subsidiary keeps its country in its name."""
    text = ("Argentina and South Korea held talks. Argentina and South Korea are partners. Taking part were the "
            "ambassador of South Korea in Argentina, Park Min Soo; the Global CEO of HANSOL, Lee Jae Won; the "
            "president of HANSOL Argentina, Kim Dong Hyun, and others. HANSOL said the plant is on schedule.")
    assert posts(text) == {("Park Min Soo", "ambassador", "country:KOR"), ("Lee Jae Won", "global ceo", "HANSOL"),
                           ("Kim Dong Hyun", "president", "HANSOL Argentina")}


def test_two_executives_apposed_in_turn_each_with_their_company() -> None:
    text = ("Spain and Egypt signed a contract. Hassan Farouk, Chairman of the CAWW (Construction Authority for "
            "Water Works), Luis Moreno, International Director of Aqualis and Maged Sami, Chief Operations Officer "
            "of Orascon (the company that forms the consortium with Aqualis) signed the contract.")
    assert posts(text) == {("Hassan Farouk", "chairman", "Construction Authority for Water Works"),
                           ("Luis Moreno", "international director", "Aqualis"),
                           ("Maged Sami", "chief operations officer", "Orascon")}


def test_companies_named_before_their_officers_titles() -> None:
    """"such as X CEO A, Y President B, Z Chairman C": one word opening an item, before a company's title and a
    name, is the employer, whatever the NER made of it (here a place, and nothing at all)."""
    text = ("Japan and Taiwan held talks. Representatives such as Sonix CEO Kenji Yamada, Kubota President Shinji "
            "Hayashi, Hondara Chairman Akio Mori, and Kajima President Hiro Amano attended.")
    assert posts(text) == {("Kenji Yamada", "ceo", "Sonix"), ("Shinji Hayashi", "president", "Kubota"),
                           ("Akio Mori", "chairman", "Hondara"), ("Hiro Amano", "president", "Kajima")}
    # a state's president after a nationality stays the state's
    assert posts("Kenya and Japan held talks. Kenyan President Samuel Otieno met them.") == {
        ("Samuel Otieno", "president", "country:KEN")}


def test_a_country_glued_into_a_camel_case_name_is_its_home() -> None:
    text = "Kenya and Chile held talks. InvestKenya met Chilean firms. PetroChile signed a deal. TotalSolar spoke."
    assert homes(text) == {("InvestKenya", "country:KEN"), ("PetroChile", "country:CHL")}


def test_a_list_whose_first_name_has_its_title_before_writes_titles_first() -> None:
    """"in the presence of the President of the Government of A, X, the Minister of B, Y, the President of the
    Spanish Government, Z": each title is the name's after it, never the name's before it, even where the first
    titles name no country."""
    text = ("Spain and China signed a deal. Spain and China are partners. The deal was signed in the presence of "
            "the President of the Government of Catalonia, Pau Ferrer, the Minister of Business and Labour, Roger "
            "Vidal, the President of the Spanish Government, Pedro Navarro, and the Minister of Industry, Jordi "
            "Puig.")
    found = posts(text)
    assert ("Pedro Navarro", "president", "country:ESP") in found
    assert not any(person in ("Pau Ferrer", "Roger Vidal") and role in ("president", "minister of business and labour")
                   and employer in ("country:ESP", "country:CHN") for person, role, employer in found)


def test_a_posts_acronym_in_brackets_before_the_comma_and_the_name() -> None:
    """"The Vietnamese Minister of Trade (MOT), Dr. X visited": the acronym is the post's, neither part of the
    role nor a stop between the title and its holder."""
    text = PERU_VIETNAM + "The Vietnamese Minister of Trade (MOT), Dr. Tran Duc Lam visited Lima on Monday."
    assert posts(text) == {("Tran Duc Lam", "minister of trade", "country:VNM")}


def test_an_embassys_title_is_its_countrys() -> None:
    """"the Peruvian embassy's charge d'affaires, X": the embassy speaks for its country."""
    text = PERU_VIETNAM + "Trade is growing fast, the Peruvian embassy's charge d'affaires, Rosa Quispe Llanos, says."
    assert posts(text) == {("Rosa Quispe Llanos", "charge d'affaires", "country:PER")}


def test_a_two_word_title_printed_with_a_hyphen() -> None:
    """"Zentrix General-Manager X": the paper's hyphen does not hide the title."""
    text = KENYA_JAPAN + "Zentrix General-Manager Wanjiru Kamau said the company would open an office in Kenya."
    assert {(h, r.replace("-", " "), a) for h, r, a in posts(text)} == {("Wanjiru Kamau", "general manager", "Zentrix")}


def test_a_country_named_before_a_company_noun_without_an_article() -> None:
    """"a subsidiary of PNG company X": a country's name (here its acronym) used as an adjective is X's home, and
    it outweighs the "Britain" of "New Britain" (an island) inside X's name."""
    text = ("Kenya and Japan are partners. Kenya and Japan held talks. The plant belongs to Zentrix Ltd, a subsidiary "
            "of PNG company New Britain Palm Oil Ltd, whose mill opened on Friday.")
    assert homes(text) == {("New Britain Palm Oil Ltd", "country:PNG")}


def test_a_wires_last_line_is_no_organisation() -> None:
    x = extract("Kenya and Japan signed a trade deal on Friday.\nEND")
    assert not [m for m in x.mentions if m.text == "END"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China{}s Qilin Automobile plans to build a plant in Thailand.", ("Qilin Automobile", "country:CHN")),
        ("Kazakhstan{}s Ministry of Trade and Integration announced the figures.",
         ("Ministry of Trade and Integration", "country:KAZ")),
    ],
)
def test_a_curly_possessive_is_not_read_into_the_name(sentence: str, expected: tuple[str, str]) -> None:
    """News prints "China’s", not "China's": the NER, trained on the straight one, would read "China’s Qilin
    Automobile" as one name; either way the organisation is "Qilin Automobile", of China."""
    for apostrophe in ("'", "’"):
        homes = {(f.role("organization").text, f.role("country").key)
                 for f in of_kind(facts_of(sentence.format(apostrophe)), "HomeCountry")}
        assert homes == {expected}, apostrophe


def test_a_headline_in_capitals_gives_no_names() -> None:
    """"VICE MINISTER OF FOREIGN AFFAIRS KIM DONGSOO VISITS OMAN": the title rules take "KIM DONGSOO VISITS OMAN"
    for a name; the body below still gives its names."""
    text = ("VICE MINISTER OF FOREIGN AFFAIRS KIM DONGSOO VISITS OMAN\n\nPress Releases\n\n"
            "Vice Minister of Foreign Affairs Kim Dongsoo visited Oman and met Foreign Minister Badr Salim.")
    names = {m.text for m in extract(text).mentions if m.kind != "Country"}
    assert names == {"Kim Dongsoo", "Badr Salim"}


@pytest.mark.parametrize(
    ("text", "congo"),
    [
        # the article names the Republic's capital and never the Democratic Republic: "Congo" is the Republic
        ("Congo and Brazil held talks in Brasilia. Brazil's exports to Congo reached $21.5 million in 2004, the "
         "ministry said. The Congolese delegation returns to Brazzaville on Friday.", "country:COG"),
        # ... the usual reading where the article names the Democratic Republic, or neither
        ("Congo and Brazil held talks in Kinshasa. Brazil's exports to Congo reached $21.5 million in 2004, the "
         "ministry said. The delegation returns to Brazzaville on Friday.", "country:COD"),
        ("Congo and Brazil held talks. Brazil's exports to Congo reached $21.5 million in 2004, the ministry said.",
         "country:COD"),
    ],
)
def test_a_name_two_countries_share_is_the_one_the_article_names(text: str, congo: str) -> None:
    assert flows_of(text) == {("TradeFlow", "country:BRA", congo, "21500000")}


@pytest.mark.parametrize(
    ("country", "guinean"),
    [("Guinea-Bissau", "country:GNB"), ("Guinea", "country:GIN")],
)
def test_guinean_is_the_guinea_the_article_names(country: str, guinean: str) -> None:
    text = (f"Cabo Verde and {country} held talks. Cabo Verde and {country} are partners. Prime Minister José "
            "Neves met his Guinean counterpart, Domingos Pires.")
    assert ("Domingos Pires", "prime minister", guinean) in posts(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister met the investor Tomasz Wrona, Chairman of Polrol, a maker of tractors.",
        "The minister also met a leading Polish investor, Tomasz Wrona, Chairman of Polrol, a maker of tractors.",
        "The minister met the Polish investor Tomasz Wrona, chairman of Polrol, in Warsaw.",
    ],
)
def test_an_investor_with_a_title_after_the_name_is_a_person(sentence: str) -> None:
    text = "Sri Lanka and Poland held talks. Sri Lanka and Poland are partners. " + sentence
    assert posts(text) == {("Tomasz Wrona", "chairman", "Polrol")}


def test_officials_named_bare_are_those_of_the_country_the_envoy_serves_in() -> None:
    """No dateline and no visit: the envoys the article speaks of are posted to Cameroon, so the officials who
    receive them, named by bare titles, are Cameroon's."""
    text = ("Cameroon-Belgium: a mutually beneficial partnership\n\n"
            "The outgoing Belgian Ambassador to Cameroon, Luc Vermeulen, took stock of bilateral cooperation. "
            "Received earlier by Prime Minister Samuel Eto Mbida, the envoy praised the economic ties with Belgium.")
    assert ("Samuel Eto Mbida", "prime minister", "country:CMR") in posts(text)
    # an envoy posted to each of the two countries says nothing of whose officials the bare titles are
    both = text.replace("took stock", "and the Cameroonian Ambassador to Belgium, Paul Ndongo, took stock")
    assert not any(holder == "Samuel Eto Mbida" for holder, _, _ in posts(both))
    # nor does an interview, where the envoy speaks of the leaders of both countries
    interview = text.replace("Received earlier by", "In the interview he praised")
    assert not any(holder == "Samuel Eto Mbida" for holder, _, _ in posts(interview))


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("Tashkent, Uzbekistan (UzDaily.com) -- Officials met on trade.", "country:UZB"),
        ("Windhoek, Namibia | 12 May 2023 – Officials met on trade.", "country:NAM"),
        ("Dar es Salaam, Tanzania – Officials met on trade.", "country:TZA"),
        ("Ho Chi Minh City, Vietnam (VNA) - Officials met on trade.", "country:VNM"),
        ("Yaoundé, 15 July 2020 - Officials met on trade.", "country:CMR"),  # a date after a city with an accent
        ("HANOI (VNA) — Officials met on trade.", "country:VNM"),
        ("NUR-SULTAN. KAZINFORM – Officials met on trade.", "country:KAZ"),  # a hyphen inside the city's name
        ("Hanoi (VNA) – Officials met on trade.", "country:VNM"),  # a city in title case, then the agency
        # no city before the country, or a city without a country and a date: no dateline
        ("Kenya, Poland – a new partnership was signed.", None),
        ("Nairobi, the capital, hosted the talks.", None),
    ],
)
def test_a_dateline_in_title_case_with_its_country(line: str, country: str | None) -> None:
    from diplograph.graph.extract.positions import dateline_country
    from diplograph.graph.extract.reading import read_views
    from diplograph.graph.gazetteer import load_gazetteer
    _, views = read_views("Kenya and Poland hold talks\n\n" + line)
    assert dateline_country(views, load_gazetteer()) == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the commas of a ministry's portfolio do not end the apposition: the country after it owns the post
        ("Egypt and Uzbekistan held talks. Egypt and Uzbekistan are partners. Bakhtiyor Rahimov, Minister of "
         "Investment, Industry, and Trade of the Republic of Uzbekistan, attended the event.",
         {("Bakhtiyor Rahimov", "minister of investment, industry, and trade", "country:UZB")}),
        # "the Algerian side is represented by X, minister of health, population and hospital reform"
        ("Cuba and Algeria held talks. Cuba and Algeria are partners. The Algerian side is represented by Karim "
         "Belkacem, minister of health, population and hospital reform.",
         {("Karim Belkacem", "minister of health, population and hospital reform", "country:DZA")}),
    ],
)
def test_long_portfolios_of_ministers(text: str, expected: set) -> None:
    assert posts(text) == expected


def test_two_companies_the_ner_read_as_one_name() -> None:
    """"between Sonatrach and Equinor": one organisation to the NER, two where the article names one half alone."""
    text = ("Algeria and Norway held talks. Algeria and Norway are partners. The minister received a delegation of "
            "the Norwegian oil group Nordlys Energi. He praised the partnership between Saharpetrol and Nordlys "
            "Energi at two gas fields.")
    names = {m.text for m in extract(text).mentions if m.kind not in ("Country", "Person")}
    assert {"Saharpetrol", "Nordlys Energi"} <= names and "Saharpetrol and Nordlys Energi" not in names
    # where the article never names a half alone, the NER's reading stands
    text = ("Algeria and Norway held talks. Algeria and Norway are partners. He praised the partnership between "
            "Saharpetrol and Nordlys Energi at two gas fields.")
    assert "Saharpetrol and Nordlys Energi" in {m.text for m in extract(text).mentions}


def test_a_secretary_to_the_prime_minister_is_no_second_prime_minister() -> None:
    """"Secretary to the Prime Minister X" is one post; the bare "Prime Minister Y" then has no rival for the
    host's premiership, and the host is where the delegation's visit went."""
    text = ("Oman and Sri Lanka held talks. The visit of an Omani business delegation to Sri Lanka ended. The "
            "delegation called on Prime Minister Mahen Perera. Secretary to the Prime Minister Anura Silva was "
            "present.")
    assert posts(text) == {("Mahen Perera", "prime minister", "country:LKA"),
                           ("Anura Silva", "secretary to the prime minister", "country:LKA")}


def test_a_portfolio_word_before_a_name_is_no_part_of_it_and_an_honorific_of_a_country_no_name() -> None:
    """"... and Market Diversification Priyankara Jayaratne": the last portfolio word is the title's; "Sri" in
    "Central Bank of Sri Lanka" is the country's, not an honorific opening a person's name."""
    text = (PERU_VIETNAM + "Vietnam's State Minister of Export Promotion and Market Diversification Duc Anh Pham "
            "spoke.")
    assert posts(text) == {("Duc Anh Pham", "state minister of export promotion and market diversification",
                            "country:VNM")}
    text = "Oman and Sri Lanka held talks. Central Bank of Sri Lanka Governor Ajith Nivard Weera was present."
    names = {m.text: m.kind for m in extract(text).mentions}
    assert names.get("Central Bank of Sri Lanka") == "GovernmentBody" and "Lanka" not in names
    assert posts(text) == {("Ajith Nivard Weera", "governor", "Central Bank of Sri Lanka")}


def test_a_city_the_ner_read_into_the_name_after_it() -> None:
    text = "Turkey's Ambassador to Sarajevo Haldun Kocaman said trade grew."
    assert posts(text) == {("Haldun Kocaman", "ambassador", "country:TUR")}


def test_a_visitor_who_opened_a_visit_and_the_host_of_a_delegation() -> None:
    """"X opened his visit to Kazakhstan": X is the other country's, and the other bare prime minister the
    host's; "the delegation to Solomon Islands": its minister, written bare, is the host's."""
    text = ("Czechia and Kazakhstan held talks. Czechia and Kazakhstan are partners. Prime Minister Pavel Novak "
            "met with Prime Minister Arman Seitov. "
            "Prime Minister Pavel Novak opened his visit to Kazakhstan.")
    assert posts(text) == {("Pavel Novak", "prime minister", "country:CZE"),
                           ("Arman Seitov", "prime minister", "country:KAZ")}
    text = ("Solomon Islands and New Zealand are partners. The ministry hosted the New Zealand business delegation "
            "to Solomon Islands. Minister of Foreign "
            "Affairs and External Trade, Hon. Peter Tovua Kema welcomed the business delegation.")
    assert posts(text) == {("Peter Tovua Kema", "minister of foreign affairs and external trade", "country:SLB")}
    # "visiting Prime Minister X in Stockholm", in a report filed from Stockholm: X is the other country's
    text = ("Swedish firms look to widen operations in Vietnam\n\nStockholm (VNA) – Swedish businesses said they "
            "intend to expand their investment in Vietnam at a meeting with visiting Prime Minister Nguyen Van Tam "
            "in Stockholm on May 27.")
    assert posts(text) == {("Nguyen Van Tam", "prime minister", "country:VNM")}


def test_his_counterpart_without_a_country_serves_the_other_of_the_two() -> None:
    text = ("Bolivia and Turkey held talks. Bolivia and Turkey are partners. Bolivian President Eduardo Quispe "
            "arrived in Ankara and met with his counterpart Mehmet Arslan.")
    assert posts(text) == {("Eduardo Quispe", "president", "country:BOL"),
                           ("Mehmet Arslan", "president", "country:TUR")}
    # the counterpart of the clause's subject, not of the president named on the way
    text = ("Spain and Senegal held talks. Spain and Senegal are partners. The minister was received by the "
            "President of Senegal, Amadou Diallo, and held a meeting with his counterpart, Ismaila Ndiaye.")
    assert posts(text) == {("Amadou Diallo", "president", "country:SEN")}


def test_a_countrys_person_the_ner_found_stays_a_person() -> None:
    """"Russia's Volkov said": the NER's person, not a company Russia owns."""
    text = "Russia's Volkov said trade would grow."
    assert {m.text: m.kind for m in extract(text).mentions}.get("Volkov") == "Person"


def test_a_title_with_a_bracketed_note_before_its_ministry_is_not_bare() -> None:
    """"X, Secretary (East) at India's Ministry of External Affairs": the ministry owns the title, so the host of
    the visit does not."""
    text = ("India and Argentina held talks. India and Argentina are partners. An Indian delegation visited "
            "Argentina. According to P. Raman, Secretary (East) at India's Ministry of External Affairs, firms have "
            "picked up four concessions in Argentina.")
    assert not any(country == "country:ARG" for _, _, country in posts(text))


def test_a_nationality_after_a_describing_word_in_an_apposition() -> None:
    text = ("Slovakia and South Africa are partners. One of the main contributors is the Tatra Metals Group, a "
            "fast-growing Slovak company with an annual turnover of 530 million euros.")
    assert ("Tatra Metals Group", "country:SVK") in homes(text)


def test_multinational_as_a_noun_before_an_apposed_name() -> None:
    """"a Belgian multinational, X": the noun of a company, as "a Belgian company, X" would be."""
    text = ("Cameroon and Belgium held talks. Cameroon and Belgium are partners. In 2019 the minister and a Belgian "
            "multinational, Scheldt Machines Group, signed an agreement for the Group to deliver 600 vehicles.")
    assert ("Scheldt Machines Group", "country:BEL") in homes(text)
    # an adjective where a word of the name follows: the noun is "giant"
    text = ("Sweden and Vietnam held talks. Sweden and Vietnam are partners. Swedish multinational networking and "
            "telecommunications giant Nordlink has had a foothold in Vietnam since 1993.")
    assert ("Nordlink", "country:SWE") in homes(text)


def test_routes_opened_to_a_list_of_countries_and_an_airline_that_flies_there() -> None:
    text = ("Bolivia and Turkey held talks. Bolivia and Turkey are partners. Anatolia Airways, which in recent "
            "years has opened routes to Brazil, Argentina and Panama, plans more.")
    assert activity(text) == {("Anatolia Airways", "country:BRA", "active"), ("Anatolia Airways", "country:ARG",
                                                                                "active"),
                              ("Anatolia Airways", "country:PAN", "active")}
    text = ("Solomon Islands and New Zealand held talks. Solomon Islands and New Zealand are partners. The "
            "minister noted that Melanesia Air now flies to New Zealand twice a week. Minister Peter Kema flew to "
            "Japan on Monday.")
    assert activity(text) == {("Melanesia Air", "country:NZL", "active")}


def test_letters_after_a_name_and_a_newly_appointed_envoy() -> None:
    text = ("Zambia and the United Kingdom held talks. Zambia and the United Kingdom are partners. Laurence "
            "Robertshaw MP, the newly appointed UK Trade Envoy to Zambia, spoke.")
    assert posts(text) == {("Laurence Robertshaw", "trade envoy", "country:GBR")}


def test_an_envoys_apposed_title_after_a_country_written_with_full_stops() -> None:
    """"X, U.S. Ambassador to Oman;": the full stops of "U.S." do not end the apposition."""
    text = ("Oman and the United States held talks. Oman and the United States are partners. The meetings were "
            "attended by Ambassador Anas Rahimi, U.S. Ambassador to Oman; and others.")
    assert posts(text) == {("Anas Rahimi", "ambassador", "country:USA")}


def test_a_given_name_before_initials_closes_a_body_named_by_its_noun() -> None:
    """"The president of the Association Dragan B. Tomić": the name is "Dragan B. Tomić", and "the
    Association" the body named before."""
    text = ("Serbia and Qatar held talks. Serbia and Qatar are partners. The fair was put on by the Association of "
            "Serbian-Qatar Friendship. The president of the Association Dragan B. Tomasevic said Qatar would invest.")
    assert posts(text) == {("Dragan B. Tomasevic", "president", "Association of Serbian-Qatar Friendship")}


def test_a_headline_person_the_body_never_names_is_no_person() -> None:
    """"Kuwaiti Envoy Hails Solid, Historic Ties With Jordan": "Hails Solid" is no one the article names."""
    text = ("Kuwaiti Envoy Hails Solid, Historic Ties With Jordan\n\nAmman, Feb. 24 (Petra) - Kuwaiti Ambassador to "
            "Jordan, Hamad Rashid Al-Mansour, praised Jordanian-Kuwaiti relations as strong and historic.")
    people = {m.text for m in extract(text).mentions if m.kind == "Person"}
    assert people == {"Hamad Rashid Al-Mansour"}
    # a headline person the body names again, in full or by the surname, stays
    headline = SentenceView(0, "Al-Mansour Hails Ties", is_title=True, mentions=[
        Mention("Al-Mansour", "Person", 0, 0, 10), Mention("Hails Ties", "Person", 0, 11, 21)])
    body = SentenceView(1, "Hamad Rashid Al-Mansour spoke.", mentions=[
        Mention("Hamad Rashid Al-Mansour", "Person", 1, 0, 23)])
    kept = headline_people_the_body_names([headline, body])
    assert [m.text for m in kept[0].mentions] == ["Al-Mansour"] and kept[1] is body


def test_a_feeds_name_glued_before_an_agencys() -> None:
    """"(MENAFN- Jordan News Agency)": the repost feed's name, then the agency's."""
    text = "Amman, Feb. 24 (MENAFN- Jordan News Agency) Jordan and Kuwait signed two accords on trade."
    assert "Jordan News Agency" in {m.text for m in extract(text).mentions}


def test_a_local_partner_is_at_home_where_the_business_goes_and_a_city_states_dateline() -> None:
    """"KUWAIT:" is a dateline; "a local partner, Y" of a project there is Kuwait's."""
    text = ("KUWAIT: Kuwait and Turkey signed a deal. Kuwait and Turkey are partners. The new terminal is being built "
            "by Turkish construction company Anadolu Yapi and a local partner, Gulf Bina Contracting.")
    assert ("Gulf Bina Contracting", "country:KWT") in homes(text)
    assert ("Anadolu Yapi", "country:TUR") in homes(text)


def test_the_last_item_of_a_countrys_officials_titled_after_the_name() -> None:
    text = ("KUWAIT: Turkey and Kuwait held talks. Turkey and Kuwait are partners. The ceremony was attended by "
            "Turkey's Energy Minister Berk Aydin, Economy Minister Nihat Kaya, as well as Ahmet Demir, the minister "
            "for transport, maritime and communications.")
    assert ("Ahmet Demir", "minister for transport, maritime and communications", "country:TUR") in posts(text)


def test_a_bare_prime_minister_takes_the_post_the_other_visitor_left() -> None:
    """Two bare prime ministers: the visitor's is placed first, the other is then the host's; and a name goes
    on after "Ould", a particle of descent, where the NER stopped."""
    text = ("Japan and Mauritania held talks. Japan and Mauritania are partners. Prime Minister Kenji Abeno held a "
            "meeting with H.E. Mr. Ismail Ould Bedda Ould Cheikh Sidia, Prime Minister of the Islamic Republic of "
            "Mauritania. Prime Minister Sidia is visiting Japan.")
    found = posts(text)
    assert ("Kenji Abeno", "prime minister", "country:JPN") in found
    assert "Ismail Ould Bedda Ould Cheikh Sidia" in {m.text for m in extract(text).mentions}


def test_a_visitor_currently_visiting_is_of_the_other_country() -> None:
    """Business leaders met "Prime Minister X" in the host's capital, and X "is currently visiting" the host:
    X is the visitor's prime minister, not the host's."""
    text = (PERU_VIETNAM + "Heads of Peruvian firms met Prime Minister Tran Van Ba in Lima. "
            "Prime Minister Tran Van Ba is currently visiting Peru.")
    assert ("Tran Van Ba", "prime minister", "country:VNM") in posts(text)


def test_a_countrys_plural_title_before_a_list_of_names() -> None:
    """Each name listed after "Kenyan ministers" or "Japan's state secretaries" holds the title, of that country;
    "Chinese companies A and B" names no post."""
    text = (KENYA_JAPAN + "Kenyan ministers Daniel Mwangi Kiptoo and Rosa Quispe Mamani met Japan's state "
            "secretaries Taro Sato, Ken Ito and Jiro Abe. Chinese companies Huawei and ZTE attended.")
    assert posts(text) == {("Daniel Mwangi Kiptoo", "minister", "country:KEN"),
                           ("Rosa Quispe Mamani", "minister", "country:KEN"),
                           ("Taro Sato", "state secretary", "country:JPN"),
                           ("Ken Ito", "state secretary", "country:JPN"),
                           ("Jiro Abe", "state secretary", "country:JPN")}


def test_a_minister_heading_a_delegation_that_paid_a_visit_is_the_visitors() -> None:
    text = ("Albania and the United Arab Emirates held talks. Albania and the United Arab Emirates are partners. "
            "His Excellency Zayed bin Kesmar Al Andivi, Minister of Energy, headed a high-level economic delegation "
            "that paid a three-day official visit to Albania.")
    assert ("Zayed bin Kesmar Al Andivi", "minister of energy", "country:ARE") in posts(text)


def test_the_people_of_a_participants_line_hold_their_titles_at_its_body() -> None:
    text = ("Panama and Japan held talks. Panama and Japan are partners. The Administrator met players of the "
            "Japanese maritime sector, including:\n"
            "– Kaiyo Energy Corporation: president, Taro Yamanobe, CEO and COO, Jiro Takanashi and general "
            "manager, Kei Sakamura.\n"
            "– Nanko Shipping Company: general manager, Ryu Okazaki; general manager of LNG Group, Masaki Okubora.")
    found = posts(text)
    assert {("Taro Yamanobe", "president", "Kaiyo Energy Corporation"),
            ("Kei Sakamura", "general manager", "Kaiyo Energy Corporation"),
            ("Ryu Okazaki", "general manager", "Nanko Shipping Company"),
            ("Masaki Okubora", "general manager", "Nanko Shipping Company")} <= found
    assert not any(affiliation in ("country:PAN", "LNG Group") for _, _, affiliation in found)


def markets(text: str) -> set[tuple[str, str, str]]:
    """{(organisation, market key, status)}."""
    return {(f.role("organization").text, f.role("market").key, str(f.value("status")))
            for f in of_kind(facts_of(text), "MarketActivity")}


def test_a_countrys_company_apposed_after_words_of_its_trade_and_close_to_a_deal() -> None:
    """"Norway's national water company, X, is close to signing a deal to supply Chile": X is Norwegian, and
    a deal it is close to signing is a plan, not a business it already runs."""
    text = ("Norway and Chile held talks. Norway and Chile are partners. Norway's national water company, Fjordvann, "
            "is close to signing its first deal to supply Chile with desalination technology.")
    assert ("Fjordvann", "country:NOR") in homes(text)
    assert markets(text) == {("Fjordvann", "country:CHL", "planned")}
    text = ("Norway and Chile held talks. The Norwegian company Fjordvann is close to winning a water treatment "
            "tender in Chile.")
    assert markets(text) == {("Fjordvann", "country:CHL", "planned")}


def test_each_market_of_a_list_after_the_first() -> None:
    text = ("Vietnam and Peru held talks. Vietnam and Peru are partners. The Hanoi Telecom Group is present in "
            "10 countries across three continents, comprising Laos, Cambodia, Myanmar and Peru.")
    assert {m for _, m, _ in markets(text)} == {"country:LAO", "country:KHM", "country:MMR", "country:PER"}


def test_the_country_where_a_nationalitys_firms_operate_is_not_their_own() -> None:
    """The country named last before is the firms' own; "the coffee-growing country" is the other one."""
    text = ("Mexico and Colombia held talks. Mexico is the third largest investor in Colombia. The main sectors "
            "where Mexico takes part are infrastructure and logistics. About 55 Mexican firms operate in the "
            "coffee-growing country, among them Cementos Azteca, Grupo Palmar and Deltaco.")
    assert {(o, m) for o, m, _ in markets(text)} == {
        ("Cementos Azteca", "country:COL"), ("Grupo Palmar", "country:COL"), ("Deltaco", "country:COL")}


def test_officials_accompanying_a_leader_hold_the_posts_of_the_leaders_country() -> None:
    """Each title follows its name in the list; the list's country is the one of the leader they accompany."""
    text = ("Surinamese President visits Guyana. Suriname and Guyana are partners. His Excellency President "
            "Ravi Santok will be accompanied by a delegation comprising H.E. Karel Doelwijt, Minister of Natural "
            "Resources, H.E. Parmanand Sewnath, Minister of Agriculture, Animal Husbandry and Fisheries, and "
            "H.E. Riad Nurbaks, Minister of Public Works.")
    found = posts(text)
    assert {("Karel Doelwijt", "minister of natural resources", "country:SUR"),
            ("Parmanand Sewnath", "minister of agriculture, animal husbandry and fisheries", "country:SUR"),
            ("Riad Nurbaks", "minister of public works", "country:SUR")} <= found
    assert not any(person == "Parmanand Sewnath" and role == "minister of natural resources"
                   for person, role, _ in found)


def test_the_leaders_of_a_mission_to_a_country_are_the_other_countrys() -> None:
    text = ("Luxembourg and Japan held talks. Luxembourg and Japan are partners. The official economic mission to "
            "Japan, led jointly by the Minister for Foreign Affairs and Foreign Trade, Marc Feltgen, carried on "
            "on Tuesday.")
    assert ("Marc Feltgen", "minister for foreign affairs and foreign trade", "country:LUX") in posts(text)


def test_a_country_written_with_the_other_apostrophe_and_trade_in_cfa_francs() -> None:
    text = ("Switzerland and Cote d’Ivoire held talks. Trade between Cote d’Ivoire and Switzerland came to about "
            "500 billion CFA francs in 2020, up from 378 billion CFA francs the year before.")
    found = {(f.value("amount"), f.value("currency"), f.value("year"),
              frozenset(m.key for r, m in f.roles if r == "party"))
             for f in of_kind(facts_of(text), "TradeFlow")}
    both = frozenset({"country:CIV", "country:CHE"})
    # "CFA francs" are West Africa's (XOF) or Central Africa's (XAF): a flow with Côte d'Ivoire is in XOF
    assert found == {(500 * 10**9, "XOF", 2020, both), (378 * 10**9, "XOF", 2019, both)}


@pytest.mark.parametrize(
    ("other", "currency"),
    [("Kenya", "INR"),  # of the two, only India uses a rupee
     ("Nepal", "Rs")],  # both do: the sign stays as written
)
def test_a_currency_sign_countries_share_takes_the_code_of_the_flows_country(other: str, currency: str) -> None:
    text = f"India and {other} held talks. Trade between India and {other} reached Rs 500 billion in 2022."
    assert {str(f.value("currency")) for f in of_kind(facts_of(text), "TradeFlow")} == {currency}


def test_a_minister_signing_for_a_government_named_as_a_party() -> None:
    """"The agreement between the Serbian government and company X was signed by Minister of Finance Y": Y
    signs for Serbia, though the report is filed from the other country's capital."""
    text = ("BEIJING: Serbia and China signed several documents. Serbia and China are partners. The memorandum "
            "between the Serbian government and company Hebei Steelworks was signed by Minister of Finance Marko "
            "Lazic.")
    assert ("Marko Lazic", "minister of finance", "country:SRB") in posts(text)


def test_a_nationality_after_a_visit_is_no_visited_country() -> None:
    """"Obama's visit still generates American interest": the visitor is not from the other country."""
    text = ("Tanaka's visit still generates huge American interest\n\nAccra, July 14, GNA - One year on from the "
            "visit of President Kenji Tanaka, Ghana is still drawing huge interest from American business, the "
            "United States Embassy in Accra said.")
    assert ("Kenji Tanaka", "president", "country:USA") in posts(text)


def test_new_envoys_listed_with_their_countries_and_one_later_by_surname() -> None:
    """"received the newly appointed Ambassadors ..., Mr. X of Israel ..., Mr. Y of Sweden"; later "Ambassador
    of Israel Glusberg", a surname the NER reads into one organisation with the country."""
    text = ("Kyrgyzstan and Israel held talks. Kyrgyzstan and Israel are partners. The minister received the newly "
            "appointed Ambassadors to the Kyrgyz Republic, Mr. Edwin Glusberg of Israel with residence in Astana "
            "and Mr. Thomas Dalsgaard of Sweden with residence in Moscow. During the conversation Ambassador of "
            "Israel Glusberg announced Israel's intention to carry out projects in Kyrgyzstan.")
    found = posts(text)
    assert {("Edwin Glusberg", "ambassador", "country:ISR"), ("Thomas Dalsgaard", "ambassador", "country:SWE"),
            ("Glusberg", "ambassador", "country:ISR")} <= found


def test_a_surname_the_ner_glued_to_a_country_in_one_organisation() -> None:
    """The NER reads "Israel Glusberg" after "Ambassador of" as one organisation: the country and the surname
    of a person the article names in full are two names."""
    from dataclasses import replace

    from diplograph.graph.extract.reading import read_views, surnames_after_titles
    from diplograph.graph.gazetteer import load_gazetteer

    _, views = read_views("Mr. Edwin Glusberg arrived. Then the Ambassador of Israel Glusberg spoke.")
    last = views[-1]
    start = last.text.index("Israel Glusberg")
    glued = Mention("Israel Glusberg", "Organization", last.index, start, start + len("Israel Glusberg"))
    views[-1] = replace(last, mentions=[glued])
    found = {(m.text, m.kind, m.key) for m in surnames_after_titles(views, load_gazetteer())[-1].mentions}
    assert found == {("Israel", "Country", "country:ISR"), ("Glusberg", "Person", None)}


def test_the_team_of_the_sentence_before_and_a_portfolio_cut_at_its_commas() -> None:
    """"A team made up of Fijian ministers ... . The team consisted of the Minister for Industry, Trade,
    Tourism, Lands and Mineral Resources X, Minister for Agriculture, Y": the team's country, each title as long
    as its portfolio goes on before the name."""
    text = ("Fiji and Australia held talks. Fiji and Australia are partners. A high-level team made up of Fijian "
            "ministers and senior officials attended the symposium in Brisbane. The team consisted of the Minister "
            "for Industry, Trade, Tourism, Lands and Mineral Resources Tevita Rabuka, Minister for Agriculture, "
            "Rural and Maritime Development, Jone Vakarua, and Permanent Secretary for Industry and Trade "
            "Sanjay Prasad.")
    found = posts(text)
    assert {("Tevita Rabuka", "minister for industry, trade, tourism, lands and mineral resources", "country:FJI"),
            ("Jone Vakarua", "minister for agriculture, rural and maritime development", "country:FJI"),
            ("Sanjay Prasad", "permanent secretary for industry and trade", "country:FJI")} <= found


def test_a_ministers_acronym_between_the_title_and_the_name() -> None:
    """"The Minister of Industry and Commerce (MIC), X": the ministry's acronym in brackets does not part the
    title from its holder; a report from Nairobi names Kenya's minister without saying so."""
    text = ("NAIROBI, 3 March 2024. Kenya and Ghana signed three agreements.\n"
            "The Minister of Industry and Commerce (MIC), Wanjiru Kamau, held a working meeting with the "
            "delegation.\nGhana and Kenya also discussed agriculture.")
    assert ("Wanjiru Kamau", "minister of industry and commerce", "country:KEN") in posts(text)


def test_the_members_a_group_names_as_its_own_and_not_its_observers() -> None:
    """"the Organization of Turkic States, which seeks to mobilise the potential of its members, including A, B and
    C, as well as D and E as observers": the three listed after "its members" are members, the observers not."""
    text = ("Hungary and Kazakhstan held talks. Hungary and Kazakhstan are partners. The fund is the joint "
            "institution of the Organization of Turkic States, which seeks to mobilise the economic potential of "
            "its members, including Azerbaijan, Kazakhstan and Uzbekistan, as well as Hungary and Turkmenistan "
            "as observers.")
    ots = "io:organization-of-turkic-states"
    assert members(text) == {("country:AZE", ots), ("country:KAZ", ots), ("country:UZB", ots)}


def test_a_company_apposed_with_its_own_clause_after_a_title() -> None:
    """"X, CEO of Casolar, a construction firm that has been working in Angola for 25 years": the firm's own
    clause says where it works, though the firm is the object of "of"."""
    text = ("Portugal and Angola held talks. Portugal and Angola are partners. Joao Ribeiro, CEO of Casolar, a "
            "construction firm that has been working in Angola for 25 years, said the visit was important.")
    assert markets(text) == {("Casolar", "country:AGO", "active")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany and Vietnam held talks. Germany and Vietnam are partners. Siemens and Bosch are among the "
         "companies doing business in Vietnam.",
         {("Siemens", "country:VNM", "active"), ("Bosch", "country:VNM", "active")}),
        # among those that only took part, nothing is at work
        ("Germany and Vietnam held talks. Germany and Vietnam are partners. Siemens and Bosch are among the "
         "companies that attended the forum in Vietnam.", set()),
    ],
)
def test_among_the_companies_doing_business_in_a_country(text: str, expected: set) -> None:
    assert markets(text) == expected


def test_a_countrys_companies_by_a_possessive_ending_in_s() -> None:
    """"a number of the Netherlands' companies are doing well in Vietnam, such as X": the possessive of a
    name ending in s makes them Dutch, as "Dutch companies" would."""
    text = ("Netherlands and Vietnam held talks. Netherlands and Vietnam are partners. A number of the "
            "Netherlands’ companies are doing well in Vietnam, such as Heineken, with six breweries, and Philips.")
    assert ("Heineken", "country:NLD") in homes(text)


def test_a_continents_adjective_with_a_hyphen_is_no_country() -> None:
    """"Spanish companies established in the Ibero-American country, such as X": "American" after "Ibero-" is
    no word about the United States; the country is the one the article is about."""
    text = ("Spain and Peru held talks. Spain and Peru are partners. The event heard from executives of Spanish "
            "companies established in the Ibero-American country, such as BBVA and Telefonica.")
    assert homes(text) == {("BBVA", "country:ESP"), ("Telefonica", "country:ESP")}
    assert {m for _, m, _ in markets(text)} == {"country:PER"}


def test_every_item_of_a_list_shares_the_verb_its_last_items_reach() -> None:
    """"Several companies such as A, B, C, D, and E, to name just a few, are active in Morocco": the words
    between the names and the verb leave the parse's subject at the last items; the list is one subject."""
    text = ("Belgium and Morocco held talks. Belgium and Morocco are partners. Several companies such as Velcora, "
            "Brantis, Kelmar, Van Hoorde, and Puratex, to name just a few, are active in Morocco. In your view, what "
            "could be done to bring more Belgian investments into the country?")
    assert markets(text) == {(name, "country:MAR", "active")
                             for name in ("Velcora", "Brantis", "Kelmar", "Van Hoorde", "Puratex")}


def test_an_activitys_sector_is_not_read_across_a_semicolon() -> None:
    """"... are also investing in Vietnam; Julie Sandlau, a famous Danish jewelry brand, has a factory in
    Hanoi": the jewellery is the next clause's company's, not the listed companies' sector."""
    text = ("Denmark and Vietnam held talks. Denmark and Vietnam are partners. Many other Danish companies such "
            "as Scanvik, Vestrup and Carlsholm are also investing in Vietnam; Julie Sandlau, a famous Danish "
            "jewelry brand, has a factory in Hanoi.")
    facts = [f for f in of_kind(facts_of(text), "MarketActivity") if f.role("organization").text != "Julie Sandlau"]
    assert {f.role("organization").text for f in facts} == {"Scanvik", "Vestrup", "Carlsholm"}
    assert {f.value("sector") for f in facts} == {None}


def test_a_minister_holding_talks_with_the_other_country() -> None:
    """"Minister of Commerce X has hailed trade talks with Bhutan": a bare title of one who talks with one
    country of the two is the other's, with no dateline to say so."""
    text = ("Thailand and Bhutan held talks. Thailand and Bhutan are partners. Minister of Commerce Somchai "
            "Wongsakul has hailed trade talks with Bhutan held in the south.")
    assert posts(text) == {("Somchai Wongsakul", "minister of commerce", "country:THA")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the NER reads an unknown company's two words as a person's name; what a managing director heads is not
        ("Sean Gorrell, managing director of Karatogan Graphite, went through the progress of the project.",
         {("Sean Gorrell", "managing director", "Karatogan Graphite")}),
        # "home" is a portfolio ("Minister of Home Affairs"), but not before the words that describe a company
        ("Jonas Samuelsson, CEO of home appliance manufacturer Elvatrix, said the market was important.",
         {("Jonas Samuelsson", "ceo", "Elvatrix")}),
    ],
)
def test_a_company_officer_and_the_company_the_ner_misread(sentence: str, expected: set) -> None:
    assert posts("Sweden and Vietnam held talks. Sweden and Vietnam are partners. " + sentence) == expected


def test_a_holding_named_inside_the_subjects_apposition_does_not_take_its_verb() -> None:
    """"X, one of Morocco's largest banks, controlled by the royal family through its Y holding company, already
    has subsidiaries in A and B": the bank has them, not the holding the apposition names on the way."""
    text = ("Morocco and Kenya held talks. Morocco and Kenya are partners. Atlasbank, one of Morocco’s largest "
            "banks, controlled by the royal family through its Al Amal holding company, already has subsidiaries "
            "in Cameroon, Gabon and Togo.")
    assert markets(text) == {("Atlasbank", key, "active") for key in ("country:CMR", "country:GAB", "country:TGO")}


def test_countries_represented_by_their_ministers_in_a_communique() -> None:
    """"Dominica was represented by Dr X, Minister of Foreign Affairs, International Trade and Energy; Grenada by
    Y, Minister for ...": each title beside a name is the country's the name represents, third countries too."""
    text = ("Jamaica and Barbados held talks. Jamaica and Barbados are partners. The Commonwealth of Dominica was "
            "represented by Dr Victor Hendry, Minister of Foreign Affairs, International Trade and Energy; Grenada "
            "by Honourable Joseph Anwell, Minister for Foreign Affairs, Trade and Export Development.")
    assert posts(text) == {
        ("Victor Hendry", "minister of foreign affairs, international trade and energy", "country:DMA"),
        ("Joseph Anwell", "minister for foreign affairs, trade and export development", "country:GRD")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a founding date said on the way between the group and its list
        ("BRICS, set up in 2006, is made up of Brazil, Russia and India.", {"country:BRA", "country:RUS",
                                                                          "country:IND"}),
        # "the new members A, B have joined", the group named the sentence before
        ("Leaders met at the BRICS summit. Since 2024, the new members Egypt, Ethiopia and Iran have joined.",
         {"country:EGY", "country:ETH", "country:IRN"}),
        # ... but not members that "may join"
        ("Leaders met at the BRICS summit. The new members Egypt and Ethiopia may join later.", set()),
    ],
)
def test_members_listed_as_new_or_after_a_founding_date(text: str, expected: set) -> None:
    found = members("Russia and India held talks. Russia and India are partners. " + text)
    assert {m for m, g in found if g == "io:brics"} == expected


def test_the_chair_passes_from_one_member_to_another() -> None:
    """"Kazakhstan will take over the bloc's rotating chairmanship from Uzbekistan": both are members of the bloc
    named before."""
    text = ("Turkey and Kazakhstan held talks. Turkey and Kazakhstan are partners. Leaders met at the summit of "
            "the Organization of Turkic States. At its close Kazakhstan will take over the bloc’s rotating "
            "chairmanship from Uzbekistan.")
    ots = "io:organization-of-turkic-states"
    assert {("country:KAZ", ots), ("country:UZB", ots)} <= members(text)


def test_a_company_name_the_ner_cut_before_its_last_word() -> None:
    """"Uchumi Supermarkets plans to open branches in Kigali": the NER reads "Uchumi" as a person and leaves out
    "Supermarkets", a word that ends companies' names (data/gazetteer/company-name-words.csv)."""
    text = ("Kenya and Rwanda held talks. Kenya and Rwanda are partners. Meanwhile, Uchumi Supermarkets plans to open "
            "at least three branches in Kigali early next year.")
    assert markets(text) == {("Uchumi Supermarkets", "country:RWA", "planned")}


def test_a_visit_goes_where_it_says_not_to_a_city_clauses_later() -> None:
    """"Concluded during Prime Minister X's visit, the agreement ... between DP World and the Port of Dakar": the
    visit's destination is not the capital named clauses later but the dateline's country, so the visitor is
    Senegal's."""
    text = ("On UAE trip, Senegal's Sonko seals port deal\n\nABU DHABI, 12 May 2024. Senegal and the United Arab "
            "Emirates agreed to deepen "
            "their cooperation, the UAE statement said.\n\nConcluded during Prime Minister Ousmane Diallo's "
            "visit, the agreement is meant to strengthen the partnership already in place between Gulf Ports and "
            "the Port of Dakar.\n\nSenegal and the UAE are partners.")
    assert posts(text) == {("Ousmane Diallo", "prime minister", "country:SEN")}


def test_a_company_after_through_with_a_clause_of_its_own() -> None:
    """"one big investment in Poland through port operator X, Inc. (XI), which runs the container terminal in Gdynia":
    the object of "through" is no subject of the sentence's verb, but its relative clause is its own."""
    text = ("Poland and the Philippines held talks. Poland and the Philippines are partners. The Philippines has one "
            "big investment in Poland through international port operator Pacific Container Terminal Services, "
            "Inc. (PCTSI), which runs the Baltic Container Terminal in the port city of Gdynia.")
    assert ("Pacific Container Terminal Services, Inc.", "country:POL", "active") in markets(text)


def test_the_last_name_of_a_list_the_ner_did_not_read() -> None:
    """"Also present were A, Senegalese Minister of Foreign Affairs, and Mamadou Diallo, ambassador of Senegal to
    Saudi Arabia": the NER leaves the last name unread; the post after it says it is a person's."""
    text = ("Senegal and Saudi Arabia held talks. Senegal and Saudi Arabia are partners. Also present were Aissata "
            "Tall Sall, Senegalese Minister of Foreign Affairs, and Mamadou Ndiaye, ambassador of Senegal to Saudi "
            "Arabia.")
    assert ("Mamadou Ndiaye", "ambassador", "country:SEN") in posts(text)


def test_one_met_where_the_sentence_opens_is_of_that_country() -> None:
    """"In San José, in Costa Rica, she met Vice-Minister X": the visitor is "she"; the one she met is Costa
    Rica's."""
    met = ("Italy and Costa Rica held talks. Italy and Costa Rica are partners. In San José, in Costa Rica, she met "
           "Vice-Minister Christian Guillermo Fernandez, and took part in the political dialogue.")
    assert posts(met) == {("Christian Guillermo Fernandez", "vice-minister", "country:CRI")}


def test_a_ministry_that_does_not_say_whose_followed_by_its_country() -> None:
    """"X, Deputy Undersecretary of the MFA of Turkey": the MFA names no country, the words after it do; the post
    is Turkey's.  "Vice-President of TIKA" stays the agency's."""
    text = ("Mongolia and Turkey held talks. Mongolia and Turkey are partners. The State secretary met with Mr. "
            "Umit Yardimci, Deputy Undersecretary of the MFA of Turkey, and Mr. Sureyya Erdem, Vice-President of "
            "TIKA.")
    assert posts(text) == {("Umit Yardimci", "deputy undersecretary", "country:TUR"),
                           ("Sureyya Erdem", "vice-president", "TIKA")}


def test_a_regions_nation_and_a_possessive_ending_in_s_in_flows() -> None:
    """"Belarus' exports to the Southeast Asian nation amounted to $147.2 million": the exporter by a bare
    apostrophe, the importer by its region (data/gazetteer/region-adjectives.csv) among the countries named."""
    text = ("Vietnam and Belarus held talks. Vietnam and Belarus are partners. In 2021, Vietnam's exports to "
            "Belarus came to $21.6 million, while Belarus’ exports to the Southeast Asian nation amounted to "
            "$147.2 million.")
    flows = {(f.role("from").key, f.role("to").key, f.value("amount"))
             for f in of_kind(facts_of(text), "TradeFlow")}
    assert flows == {("country:VNM", "country:BLR", 21_600_000), ("country:BLR", "country:VNM", 147_200_000)}


def test_cooperation_in_the_port_sector_is_transport() -> None:
    """"agreed to deepen their cooperation in the port sector": a hidden label of transport in
    ontology/sectors.ttl."""
    text = ("Senegal and the United Arab Emirates have agreed to deepen their cooperation in the port sector. "
            "Senegal and the UAE are partners.")
    areas = {f.value("sector").rsplit("/", 1)[-1] for f in of_kind(facts_of(text), "Cooperation")}
    assert areas == {"transport-and-logistics"}


def test_a_captions_photo_credit_names_no_entity() -> None:
    """"[Julia Herzog / Wikimedia]", "VNA/VNS Photo": credits printed inside the text are no organisation."""
    from diplograph.graph.extract.reading import read_views

    _, views = read_views("Israel and Greece held talks. A drone on show at the air show in 2013 [Julia Herzog / "
                          "Wikimedia]\n\nOfficials met in Hanoi. VNA/VNS Photo Linh Chi")
    assert {m.text for v in views for m in v.mentions} == {"Israel", "Greece", "VNA"}  # the agency stays one


def test_the_most_honourable_before_a_name() -> None:
    """"Dr the Most Honourable Andrew Holness, Prime Minister of Jamaica": a Caribbean style, two words before
    "Honourable", all of it honorific, so the rules that skip honorifics between a title and a name skip it."""
    from diplograph.graph.extract.reading import HONORIFIC

    for written in ("Dr the Most Honourable ", "the Right Honourable ", "The Honourable ", "Most Honourable "):
        assert re.fullmatch(HONORIFIC, written), written
    assert not re.fullmatch(HONORIFIC, "the Most ")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The cooperation between the Danish-owned Viking Rubber A/S and its partner started in 2002.",
         {("Viking Rubber A/S", "country:DNK")}),
        ("The bank lent it to DN Holdings, a Kenyan-owned real estate company in Rwanda that is now in liquidation.",
         {("DN Holdings", "country:KEN")}),
    ],
)
def test_a_nationality_owning_a_company(sentence: str, expected: set) -> None:
    """"the Danish-owned X", "X, a Kenyan-owned real estate company": the owners' nationality is the home."""
    assert homes("Kenya and Denmark held talks. Kenya and Denmark are partners. " + sentence) == expected


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("Portuguese contractor Tarsa-Velmon has begun building the road.", "Tarsa", "Tarsa-Velmon"),
        ("The builder Tarsa-Velmon-Ostra won it.", "Tarsa", "Tarsa-Velmon-Ostra"),
        # a country after the hyphen is the pair's, not the name's: "Acme-Kenya talks"
        ("The Tarsa-Kenya deal was signed.", "Tarsa", "Tarsa"),
        ("Tarsa-based firms grew.", "Tarsa", "Tarsa"),  # lower case: no name goes on
    ],
)
def test_a_name_the_ner_stopped_at_a_hyphen_is_read_whole(text: str, cut: str, expected: str) -> None:
    """"Portuguese contractor Mota | -Engil": the NER stopped at the hyphen inside a company's name."""
    from diplograph.graph.extract.reading import _typed_mention
    from diplograph.graph.gazetteer import load_gazetteer

    start = text.index(cut)
    mention = _typed_mention(text, start, start + len(cut), "ORG", text[:start].split()[-1] if start else "", 0,
                             load_gazetteer())
    assert mention is not None and mention.text == expected
    assert text[mention.start:mention.end] == expected

def test_areas_a_headline_names_with_a_partner() -> None:
    """"Uganda seeks ties with India in trade, investment and tourism": a headline's areas are the pair's, as
    readers and annotators take them, though the body names only some."""
    text = ("Uganda seeks ties with India in trade, investment and tourism\n\n"
            "Uganda and India held talks in Mumbai. Uganda and India are old friends.")
    assert areas(text) == {"trade", "investment", "tourism"}
    assert areas("Lake Victoria draws record tourism numbers\n\nUganda and India held talks in Mumbai. "
                 "Uganda and India are old friends.") == set()  # no partner named: no area of the pair


def test_a_title_in_charge_of_a_portfolio_before_its_country_and_name() -> None:
    """"the Deputy Minister in charge of international trade of the People's Republic of China, X": the
    portfolio after "in charge of" is lower case, and the title's country and the name still follow it."""
    text = ("Luxembourg and China held talks. Luxembourg and China are partners. The Luxembourg minister met the "
            "Deputy Minister in charge of international trade of the People’s Republic of China, Fu Zhiren.")
    assert posts(text) == {("Fu Zhiren", "deputy minister in charge of international trade", "country:CHN")}


def test_a_group_that_also_takes_in_its_other_members() -> None:
    """"Chad ... among the member states of CEMAC, which also takes in A and B": the subject and the listed
    are members; "Turkish steel" names a country that is none."""
    text = ("Turkey and Chad held talks. Turkey and Chad are partners. In 2023 Chad became the largest buyer of "
            "Turkish steel among the six member states of the Economic and Monetary Community of Central Africa "
            "(CEMAC), which also takes in Cameroon and Gabon.")
    group = "io:economic-and-monetary-community-of-central-africa"
    assert members(text) == {("country:TCD", group), ("country:CMR", group), ("country:GAB", group)}


def test_the_companys_plants_in_a_list_of_countries() -> None:
    """"It comes after the company's other plants sited in A, B and C": the company of the sentence before is
    active in each, as it is where its own name stands before its plants."""
    lead = ("Nigeria and Ethiopia held talks. Nigeria and Ethiopia are partners. Nigeria’s Okafor Cement has "
            "opened a cement plant in Ethiopia. ")
    active = {("Okafor Cement", f"country:{c}", "active") for c in ("ETH", "SEN", "GHA", "ZMB")}
    assert markets(lead + "It comes after the company’s other plants sited in Senegal, Ghana, and Zambia.") == active
    assert markets(lead + "Okafor Cement's plants in Senegal, Ghana and Zambia employ 3,000 people.") == active
    assert markets(lead + "The company's chairman visited Ghana.") == {("Okafor Cement", "country:ETH", "active")}


def test_two_years_then_two_amounts_pair_in_order() -> None:
    """"between 2012 and 2013 exchanges climbed from $5.8 billion to $6.5 billion": the first figure is the first
    year's; a single figure after a range stands at its end."""
    lead = "Congo and China held talks. Congo and China are partners. "
    assert trade_and_investment(lead + "Between 2012 and 2013 bilateral trade climbed from 5.8 billion US dollars "
                                       "to 6.5 billion US dollars.") == {("TradeFlow", 5_800_000_000, 2012),
                                                                        ("TradeFlow", 6_500_000_000, 2013)}
    assert trade_and_investment(lead + "Between 1992 and 2023 bilateral trade totalled 5.8 billion US "
                                       "dollars.") == {("TradeFlow", 5_800_000_000, 2023)}


def test_it_is_the_company_named_two_sentences_before() -> None:
    """"Okoro Bank intends to open in four more countries. ... he said. It currently operates in A and B": a
    sentence that names no company between leaves "It" the last one named."""
    text = ("Nigeria and Kenya held talks. Nigeria and Kenya are partners. Okoro Bank Plc intends to start operations "
            "in Kenya over the next year. South Africa and Angola are among the countries under consideration, "
            "he said. It currently operates in Ghana and Rwanda.")
    assert {m for m in markets(text) if m[2] == "active"} == {("Okoro Bank Plc", "country:GHA", "active"),
                                                              ("Okoro Bank Plc", "country:RWA", "active")}


def test_a_list_of_countries_each_with_its_figure() -> None:
    """"Its investments hit a record in Croatia €927 million, followed by Serbia €790 million and Montenegro €71
    million": each figure goes to the country written just before it, not all to the first."""
    text = ("Slovenia and Serbia held talks. Slovenia and Serbia are partners. In 2006 Slovenia's investments hit a "
            "record high in Croatia €927 million, followed by Serbia €790 million and Montenegro €71 million.")
    found = {(f.role("to").key, int(f.value("amount"))) for f in of_kind(facts_of(text), "InvestmentFlow")}
    assert found == {("country:HRV", 927_000_000), ("country:SRB", 790_000_000), ("country:MNE", 71_000_000)}


def test_they_after_a_dash_are_the_companies_named_first() -> None:
    """"Telkana and Mobicell are all but sewing up the continent — they now operate in A, B and C": both."""
    text = ("South Africa and Nigeria held talks. South Africa and Nigeria are partners. The telecom groups Telkana "
            "Holdings and Mobicell Group are all but sewing up the continent — they now operate in Tanzania, "
            "Cameroon and Egypt.")
    assert markets(text) == {(org, f"country:{c}", "active") for org in ("Telkana Holdings", "Mobicell Group")
                             for c in ("TZA", "CMR", "EGY")}


def test_trade_spoken_of_only_as_exports_and_imports() -> None:
    """An article on two countries that never writes "trade" but twice speaks of exports or imports reports
    trade between them; once is not enough."""
    lead = "Bhutan and Austria held talks. Bhutan and Austria are partners. "
    assert areas(lead + "Austria was the 14th largest import country for Bhutan last year. Austria ranked 15th "
                        "among Bhutan’s export countries.") == {"trade"}
    assert "trade" not in areas(lead + "Austria ranked 15th among Bhutan’s export countries.")


def test_a_bare_title_whose_holder_headed_a_sides_delegation_or_that_it_also_included() -> None:
    """"X, Minister of Foreign Affairs, headed the Egyptian delegation. The Mauritanian delegation also
    included Y, Minister of Equipment": each side's minister, though neither title names a country."""
    text = ("Egypt and Mauritania held talks in Nouakchott. Egypt and Mauritania are partners. Samir Fathy, Minister "
            "of Foreign Affairs, headed the Egyptian delegation. The Mauritanian delegation also included Sidi Ould "
            "Bah, Minister of Equipment and Transport.")
    assert posts(text) == {("Samir Fathy", "minister of foreign affairs", "country:EGY"),
                           ("Sidi Ould Bah", "minister of equipment and transport", "country:MRT")}


def test_a_count_before_each_further_market_of_a_list() -> None:
    """"runs 30 branches in Uganda, 6 in Rwanda and 2 in Tanzania": the bank is in all three."""
    text = ("Kenya and Uganda held talks. Kenya and Uganda are partners. Zawadi Bank has opened 120 branches across "
            "East Africa. The lender runs 30 branches in Uganda, 6 in Rwanda and 2 in Tanzania.")
    assert {(m, s) for o, m, s in markets(text) if o == "Zawadi Bank"} == {
        ("country:UGA", "active"), ("country:RWA", "active"), ("country:TZA", "active")}


def test_a_unit_named_for_a_country_and_its_group_both_work_there() -> None:
    """"X, the Chilean unit of Spain's Y": X and its group Y both work in Chile."""
    text = ("Chile and Spain held talks. Chile and Spain are partners. Aguas Maipo, the Chilean unit of Spain's "
            "Hidrobeta Group, raised its tariffs.")
    assert markets(text) == {("Aguas Maipo", "country:CHL", "active"), ("Hidrobeta Group", "country:CHL", "active")}


def test_a_country_whose_name_ends_in_s_owns_a_title_with_the_apostrophe_alone() -> None:
    """"Barbados’ Ambassador to CARICOM, X": Barbados's ambassador, whichever apostrophe."""
    for apostrophe in ("’", "'"):
        text = ("Barbados and Suriname held talks. Barbados and Suriname are partners. The meeting was chaired by "
                f"Barbados{apostrophe} Ambassador to CARICOM, David Lorde.")
        assert posts(text) == {("David Lorde", "ambassador", "country:BRB")}


def test_a_company_from_a_country_in_apposition() -> None:
    """"X, a company from Algeria, has signed ...": an Algerian company."""
    text = ("Algeria and Ethiopia held talks. Algeria and Ethiopia are partners. Sahelia Foods, a privately owned "
            "company from Algeria, plans to build three factories in Ethiopia.")
    assert homes(text) == {("Sahelia Foods", "country:DZA")}
    assert markets(text) == {("Sahelia Foods", "country:ETH", "planned")}


def test_a_stake_taken_in_a_countrys_company() -> None:
    """"has taken a 49 percent stake in Libya's X": the buyer now works in Libya."""
    text = ("Qatar and Libya held talks. Qatar and Libya are partners. Doha Mercantile Bank has taken a 49 percent "
            "stake in Libya's Cyrenaica Development Bank.")
    assert ("Doha Mercantile Bank", "country:LBY", "active") in markets(text)


def test_companies_listed_with_their_countries_after_a_market() -> None:
    """"retailers doing business in Vietnam, among them X of France and Y of the Republic of Korea": both work
    in Vietnam, and each comes from the country named after it."""
    text = ("Vietnam and South Korea held talks. Vietnam and South Korea are partners. Global retailers doing "
            "business in Vietnam, among them Big Q of France and Lotte Mart of the Republic of Korea, ship more "
            "Vietnamese goods abroad.")
    assert {("Big Q", "country:VNM", "active"), ("Lotte Mart", "country:VNM", "active")} <= markets(text)
    assert ("Big Q", "country:FRA") in homes(text)


def test_a_title_of_a_countrys_body_is_the_bodys_and_a_chairman_of_the_board_of_directors() -> None:
    """"X, president of Egypt's General Authority for Investment": the authority's president, not Egypt's;
    "Y, chairman of the Board of Directors of Z": Z's chairman, the board being part of the title."""
    text = ("Egypt and Vietnam held talks. Egypt and Vietnam are partners. Hossam Badr, president of Egypt’s "
            "Suez Industrial Zone Authority, praised the plant. Hoang Minh, chairman of the Board of Directors of "
            "EuP, spoke next.")
    assert posts(text) == {("Hossam Badr", "president", "Suez Industrial Zone Authority"),
                           ("Hoang Minh", "chairman of the board of directors", "EuP")}


def test_companies_named_after_a_list_of_their_sectors() -> None:
    """"Korean companies active in sectors such as automotive and railways, among them A and B": the sectors
    are listed first, the companies after "among them"; both companies are Korean."""
    text = ("Morocco and South Korea held talks. Morocco and South Korea are partners. Meetings were arranged with "
            "Korean companies active in key sectors such as automotive, electronics and shipbuilding, among them "
            "Daesan Motors, Hanbit Rail and LX Marine.")
    assert homes(text) == {(n, "country:KOR") for n in ("Daesan Motors", "Hanbit Rail", "LX Marine")}


def _kinds_in_a_list(text: str, named: list[tuple[str, str]]) -> dict[str, str]:
    """The kinds `names_listed_together` gives the names of one sentence, typed first as `named` says."""
    mentions = [Mention(name, kind, 0, text.index(name), text.index(name) + len(name)) for name, kind in named]
    return {m.text: m.kind for m in names_listed_together(SentenceView(0, text, mentions=mentions),
                                                          load_gazetteer()).mentions}


def test_one_word_persons_listed_among_companies_are_companies() -> None:
    """"Banco Andino, Telvia, Indara and MAPSA": the NER's persons in a list of companies are companies."""
    text = "Spain's largest firms operate in the country, such as Banco Andino, Telvia, Indara and MAPSA."
    found = _kinds_in_a_list(text, [("Banco Andino", "Company"), ("Telvia", "Person"), ("Indara", "Person"),
                                    ("MAPSA", "Organization")])
    assert found == {"Banco Andino": "Company", "Telvia": "Company", "Indara": "Company", "MAPSA": "Organization"}


def test_people_listed_with_companies_stay_people() -> None:
    """Titled names, full names heading their companies, and towns the NER took for anything keep its reading."""
    text = "Attending were Minister Hugo Salas, Secretary Rosa Varga and Telvia."
    found = _kinds_in_a_list(text, [("Hugo Salas", "Person"), ("Rosa Varga", "Person"), ("Telvia", "Company")])
    assert found == {"Hugo Salas": "Person", "Rosa Varga": "Person", "Telvia": "Company"}
    text = "Present were the chairman of Andes Rail Group, Song Wei, Lima Metro Company, Carlos Ruiz and Telvia."
    found = _kinds_in_a_list(text, [("Andes Rail Group", "Company"), ("Song Wei", "Person"),
                                    ("Lima Metro Company", "Company"), ("Carlos Ruiz", "Person"),
                                    ("Telvia", "Company")])
    assert found["Song Wei"] == found["Carlos Ruiz"] == "Person"
    text = "The trip takes in three cities, Delhi, Tumkal and Hyderabad."
    found = _kinds_in_a_list(text, [("Delhi", "Organization"), ("Tumkal", "Person"), ("Hyderabad", "Organization")])
    assert found["Tumkal"] == "Person"


def test_a_leader_the_ner_calls_an_organisation_beside_a_person_is_a_person() -> None:
    text = "Relations between the Presidents of the two countries Aydar Kasenov and Timur Ergashev are close."
    found = _kinds_in_a_list(text, [("Aydar Kasenov", "Organization"), ("Timur Ergashev", "Person")])
    assert found == {"Aydar Kasenov": "Person", "Timur Ergashev": "Person"}
    # a named body beside a person keeps its kind, and so does one a title follows
    text = "The memorandum was signed by CEO Aydar Kasenov and Steppe Citi Tekno CEO Timur Ergashev."
    found = _kinds_in_a_list(text, [("Aydar Kasenov", "Person"), ("Steppe Citi Tekno", "Organization")])
    assert found["Steppe Citi Tekno"] == "Organization"
    text = "The deal between Kasenov Holdings and Timur Ergashev was signed."
    found = _kinds_in_a_list(text, [("Kasenov Holdings", "Company"), ("Timur Ergashev", "Person")])
    assert found == {"Kasenov Holdings": "Company", "Timur Ergashev": "Person"}


def test_a_one_word_person_before_group_is_a_group_of_companies() -> None:
    text = "In the 1990s the Gloriosa group invested in Bolivia, Torres said."
    found = _kinds_in_a_list(text, [("Gloriosa", "Person"), ("Torres", "Person")])
    assert found == {"Gloriosa": "Company", "Torres": "Person"}


def test_a_sector_before_a_companys_noun_is_its_business_not_an_area() -> None:
    """"the Dutch engineering firm X signed a memorandum on cooperation": engineering is the firm's business;
    the same sentence with the two countries agreeing on engineering names the area."""
    assert "engineering" not in areas(PERU_VIETNAM + "Peru's housing agency and the Vietnamese engineering firm "
                                                     "Hanoi Consult signed a memorandum on cooperation.")
    assert "engineering" in areas(PERU_VIETNAM + "Peru and Vietnam agreed to cooperate in engineering services.")


def test_machine_building_is_manufacturing_and_shared_values_are_no_area() -> None:
    """"mechanical engineering" and "machine building" are branches of manufacturing; "values such as
    democracy", "meetings with civil society" and the press ("told journalists") name no area."""
    assert areas(PERU_VIETNAM + "Peru and Vietnam agreed to cooperate in mechanical engineering and machine "
                                "building.") == {"manufacturing"}
    assert areas(PERU_VIETNAM + "Peru and Vietnam share values such as democracy, and the minister met civil "
                                "society; he told journalists that both sides want closer cooperation.") == set()


def test_a_sector_in_a_portfolio_or_a_chambers_name_is_no_area() -> None:
    """"Minister of Industry and Trade", "industry ministers", "Chamber of Commerce and Industry": who someone is;
    the area is what they discussed."""
    text = (PERU_VIETNAM + "Vietnamese Minister of Industry and Trade Nguyen Hong Dien and Peru's industry minister "
            "discussed cooperation in energy with the Lima Chamber of Commerce and Industry.")
    assert areas(text) == {"energy"}
    assert areas(PERU_VIETNAM + "Peru and Vietnam agreed to expand cooperation in industry and agriculture.") == {
        "manufacturing", "agriculture"}


def test_political_consultations_are_an_area_of_diplomacy() -> None:
    assert areas(PERU_VIETNAM + "Political consultations were held between the foreign ministries of Peru and "
                                "Vietnam.") == {"diplomacy"}
    assert areas(PERU_VIETNAM + "Both sides agreed to deepen political trust and high-level exchanges.") == {
        "diplomacy"}


def test_a_legal_form_after_a_name_makes_it_a_company() -> None:
    """"Sunplus SARL", "Tatra Kft": a company's legal form, wherever the NER puts the name."""
    kinds = {m.text: m.kind for m in extract(PERU_VIETNAM + "Vietnam's Hanoi Solar would team up with Sunplus SARL "
                                                            "and Tatra Kft to build a solar farm.").mentions}
    assert kinds.get("Sunplus SARL") == "Company" and kinds.get("Tatra Kft") == "Company"


def test_an_environment_for_investment_is_no_area_of_the_environment() -> None:
    assert areas(PERU_VIETNAM + "Peru offers a secure environment for investment and a better investment climate "
                                "for Vietnamese firms in tourism.") == {"tourism", "investment"}
    assert "environment-and-climate" in areas(PERU_VIETNAM + "Peru and Vietnam agreed to cooperate on the "
                                                             "environment and tourism.")


def test_a_one_word_name_beginning_production_or_holding_a_stake_is_a_company() -> None:
    """"Zorvaki is set to begin production in Peru": the NER's one-word person does what only a company does; a
    one-word name that starts talks stays whatever the NER read."""
    assert activity(PERU_VIETNAM + "Zorvaki is set to begin production in Peru after shifting operations out of "
                                   "Chile.") == {("Zorvaki", "country:PER", "planned")}
    assert activity(PERU_VIETNAM + "Mezzacorti started building a cement plant in Vietnam in 2015.") == {
        ("Mezzacorti", "country:VNM", "active")}
    kinds = {m.text: m.kind for m in extract(PERU_VIETNAM + "Bertolini holds a 45% stake in the Lima port "
                                                            "operator.").mentions}
    assert kinds.get("Bertolini") == "Company"


def test_a_company_called_by_its_nationality_and_noun_is_the_one_named_before() -> None:
    """"Zeta Group signed a deal. The Portuguese firm is building a road in Peru": the firm is Zeta Group; "The
    Chinese company Hualong" names a company of its own."""
    assert activity(PERU_VIETNAM + "Andessa Group signed a deal in Lima. The Vietnamese firm is building a road "
                                   "in Peru.") == {("Andessa Group", "country:PER", "active")}
    assert activity(PERU_VIETNAM + "Andessa Group signed a deal in Lima. The state-owned lender opened a branch "
                                   "in Vietnam.") == {("Andessa Group", "country:VNM", "active")}
    assert activity(PERU_VIETNAM + "Andessa Group signed a deal in Lima. The Chinese company Hualong will build a "
                                   "plant in Peru.") == {("Hualong", "country:PER", "planned")}


def test_a_minister_listed_straight_after_another_is_of_the_same_government() -> None:
    """"Kenyan industry and trade minister A, investment minister B and Japan's ... C", in a report from Tokyo: B is
    Kenya's, as A is, not the host's."""
    text = ("Japan's confidence in Kenya restored at business council\n\nTOKYO - A meeting of the Japanese-Kenyan "
            "business council held on Tuesday during President Ali Mwangi's visit to Japan ended with the signing of "
            "several agreements. Energy and agriculture were discussed at the meeting. Kenyan industry and trade "
            "minister Ali Wekesa, investment minister John Otieno and Japan's deputy economy minister Kenji Sato "
            "were joined by representatives of the Japanese Institute for Foreign Trade.")
    assert {(p[0], p[2]) for p in posts(text)} == {("Ali Mwangi", "country:KEN"), ("Ali Wekesa", "country:KEN"),
                                                   ("John Otieno", "country:KEN"), ("Kenji Sato", "country:JPN")}


def test_a_name_written_again_with_another_case_is_the_same_person() -> None:
    """"President Abdel Fattah al-Sisi" and later "President Abdel Fattah Al-Sisi's visit": one person."""
    assert same_person("Abdel Fattah Al-Sisi", {"Abdel Fattah al-Sisi"})
    assert same_person("al-Sisi", {"Abdel Fattah Al-Sisi"})
    assert not same_person("Al-Sisi", {"Abdel Fattah al-Fadil"})
    assert not same_person("ZENKO", {"Zenko"})  # a company in capitals, a person the NER read in a headline


def test_a_list_of_companies_goes_on_past_a_brand_with_a_lower_case_word() -> None:
    """"..., Alsea, City express, Telmex and Interjet": one item has a lower-case word; the list goes on."""
    text = (PERU_VIETNAM + "Some 40 Peruvian companies are present in Vietnam, among them: Grupo Andino, Alsea, "
            "City express, Telmex and Interjet.")
    assert {o for o, c in homes(text) if c == "country:PER"} == {"Grupo Andino", "Alsea", "City express", "Telmex",
                                                                 "Interjet"}


def test_companies_listed_then_said_to_operate_somewhere_work_there() -> None:
    """"Peruvian companies such as A and B operate in Vietnam"; "..., among them companies such as A, B"."""
    text = PERU_VIETNAM + "Peruvian companies such as Grupo Andino and Alsea operate in Vietnam."
    assert {(o, m) for o, m, _ in activity(text)} == {("Grupo Andino", "country:VNM"), ("Alsea", "country:VNM")}
    text = (PERU_VIETNAM + "More than 200 Peruvian companies have so far chosen Vietnam as a place to do business, "
            "among them companies such as Alcomet, Teklas and Sarkon.")
    assert {o for o, c in homes(text) if c == "country:PER"} == {"Alcomet", "Teklas", "Sarkon"}


def test_a_subject_the_ner_missed_doing_what_only_a_business_does_is_a_company() -> None:
    """"Zentarol holds a gas exploitation contract in Peru", "Andivia and Kesmar generate 30% of Peru's
    electricity": names the NER read as nothing; a minister or a country doing the same stays what it is."""
    kinds = {m.text: m.kind for m in extract(PERU_VIETNAM + "Zentarol holds a gas exploitation contract in Peru. "
                                                            "Andivia and Kesmar generate 30% of Peru's electricity. "
                                                            "Vietnam exports rice.").mentions}
    assert {n for n, k in kinds.items() if k == "Company"} == {"Zentarol", "Andivia", "Kesmar"}
    assert ("Zentarol", "country:PER", "active") in activity(PERU_VIETNAM + "Zentarol holds a gas exploitation "
                                                                            "contract in Peru.")


def test_officials_accompanying_a_visitor_are_of_the_visitors_country_not_the_hosts() -> None:
    """A report of a visit to Japan: "President X is accompanied by a delegation that includes A, ...; B, Minister for
    Foreign Affairs" and "C, the Minister for Infrastructure, who accompanied President X": Kenya's, not Japan's."""
    text = ("President Mwangi arrives in Japan for five-day working visit\n\nPresident Daniel Mwangi has arrived in "
            "Japan for a five-day working visit aimed at reinforcing relations between Kenya and Japan. President "
            "Mwangi is accompanied by a delegation that includes Dr. Ali Wekesa, Secretary to the President; John "
            "Otieno, Minister for Foreign Affairs; and Paul Kibet, among others. According to Mary Achieng, the "
            "Minister for Infrastructure, who accompanied President Mwangi, the talks centred on investment in Kenya.")
    found = {(p[0], p[2]) for p in posts(text)}
    assert {("John Otieno", "country:KEN"), ("Mary Achieng", "country:KEN")} <= found
    assert not {("John Otieno", "country:JPN"), ("Mary Achieng", "country:JPN")} & found


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Andessa Holding ’s USD 40", "Andessa Holding"),  # a possessive with its figure after the name
        ("New Delhi-based Kalinda Construction Ltd", "Kalinda Construction Ltd"),  # where it is based
        ("Kalinda (Eastern Cape", "Kalinda"),  # an unclosed bracket of a place
        ("State Department for Foreign Affairs Dr", "State Department for Foreign Affairs"),  # the next one's title
        ("CAWW (Construction Authority for Water Works", "Construction Authority for Water Works"),
    ],
)
def test_a_name_without_what_the_ner_glued_to_its_edges(span: str, name: str) -> None:
    assert span[slice(*_trim(span, 0, len(span)))] == name


def test_an_organisation_cut_before_a_title_loses_its_dangling_and() -> None:
    kinds = {m.text: m.kind for m in extract(PERU_VIETNAM + "The Vietnam Fund for Development and King Tran "
                                                            "Humanitarian Aid will support Peru.").mentions}
    assert "Vietnam Fund for Development" in kinds and "Vietnam Fund for Development and" not in kinds


def test_a_minister_delegate_keeps_a_list_of_titles_and_names_in_step() -> None:
    """"the Minister of Foreign Affairs, A, the Minister-Delegate for European Affairs, B, the Minister of Economy,
    C": each name takes the title before it; an unknown title would shift the rest by one."""
    text = (PERU_VIETNAM + "The Peruvian delegation headed by Prime Minister Ana Gervasi Diaz was made up of the "
            "Minister of Foreign Affairs, Raul Perez Reyes, the Minister-Delegate for European Affairs, Luis Quispe, "
            "the Minister of Economy, Rosa Llanos, the Secretary of State in the Ministry of Foreign Affairs, head "
            "of the honour mission, Jorge Salas.")
    found = {(p[0], p[1]) for p in posts(text)}
    assert ("Luis Quispe", "minister-delegate for european affairs") in found
    assert ("Rosa Llanos", "minister of economy") in found


def test_a_visitor_accompanied_with_by_dropped_is_still_accompanied() -> None:
    """"President X was accompanied the Minister of Y, Z": the press release dropped "by"; Z is the visitor's."""
    text = ("President Mwangi visits Japan\n\nTOKYO - President Daniel Mwangi of Kenya arrived in Japan on Monday. "
            "Kenya and Japan signed two agreements. President Mwangi was accompanied the Minister of International "
            "Relations, Mary Achieng and other senior officials.")
    assert ("Mary Achieng", "country:KEN") in {(p[0], p[2]) for p in posts(text)}


def test_the_companies_a_sentence_says_are_a_countrys_investors_somewhere() -> None:
    """"The top Peruvian investors in Vietnam are the Andes Group, Remsa, Pick ‘n Buy Holdings, Black Condor and
    Naspa": their home and where they work, past a name written with "‘n"."""
    text = (PERU_VIETNAM + "The top Peruvian investors in Vietnam are the Andes Group, Remsa, Tiendas Peruanas, "
            "Pick ‘n Buy Holdings, Black Condor, Pepa, Inkari Group, Clover Andina and Naspa.")
    listed = {"Andes Group", "Remsa", "Tiendas Peruanas", "Pick ‘n Buy Holdings", "Black Condor", "Pepa",
              "Inkari Group", "Clover Andina", "Naspa"}
    assert {o for o, c in homes(text) if c == "country:PER"} == listed
    assert {o for o, m, _ in activity(text) if m == "country:VNM"} == listed


def test_transport_written_in_the_plural_is_transport() -> None:
    """"transports": the vocabulary had "transport"; "industries" and "hotel" stay unread (on the development
    articles they named an area the gold gives two times in eleven and one in six)."""
    assert areas(PERU_VIETNAM + "Vietnamese investments in Peru are spread over various sectors such as tourism and "
                                "transports.") == {"tourism", "transport-and-logistics", "investment"}


def test_a_business_deed_with_its_object_makes_an_unnamed_subject_a_company() -> None:
    """"Zentarol sealed a $2 billion contract": the verbs of data/gazetteer/business-deeds.csv that say business
    only with an object say it with one of theirs, and not without ("holds talks")."""
    def kind(sentence: str) -> str | None:
        return {m.text: m.kind for m in extract(PERU_VIETNAM + sentence).mentions}.get("Zentarol")

    assert kind("Zentarol sealed a $2 billion contract in Peru.") == "Company"
    assert kind("Zentarol holds talks with Peru.") != "Company"


def test_a_list_shares_the_home_two_of_its_items_have() -> None:
    """"Kenyan IT bellwether firms such as A, B, C, D and E have invested in Peru": the readers judge each name
    alone (the learned ones find the items next to the nationality only); two items with one home and none with
    another give it to the whole list.  One item's is not the list's ("the Kenyan company A, B and C")."""
    from diplograph.graph.extract import read_views
    from diplograph.graph.extract.organizations import homes_shared_along_lists
    from diplograph.graph.extract.reading import make_fact

    _, views = read_views("Peru and Kenya strengthen ties\n\nLIMA, March 3 (Andina) -- Peru and Kenya agreed to "
                          "deepen trade. Kenyan IT bellwether firms such as Safaricode, Mtandao, Kilele, Jengo and "
                          "Zentarol have invested in Peru by setting up offices.")
    view = views[-1]
    named = {m.text: m for m in view.mentions}

    def home(name: str, country: str = "Kenyan"):
        return make_fact("HomeCountry", view, {"organization": named[name], "country": named[country]}, 0.9)

    def shared(facts: list) -> set[tuple[str, str]]:
        return {(f.role("organization").text, f.role("country").key) for f in homes_shared_along_lists(views, facts)}

    assert shared([home("Safaricode"), home("Mtandao")]) == {(n, "country:KEN")
                                                              for n in ("Kilele", "Jengo", "Zentarol")}
    assert shared([home("Safaricode")]) == set()
    assert shared([home("Safaricode"), home("Mtandao"), home("Zentarol", "Peru")]) == set()


def test_a_headlines_small_words_do_not_give_a_title_its_owner() -> None:
    """"Copper In Chile As PM X Heads South": in title case, "As" is no part of an owner's name between a country
    and its title ("Chile's Foreign Minister", "the Chile Mining Council CEO"), so Chile has no prime minister."""
    from diplograph.graph.extract.positions import _owner_gap

    assert not _owner_gap(" As ")
    assert not _owner_gap(" In ")
    assert _owner_gap(" Mining Council ")
    assert _owner_gap("'s Deputy ")


def test_a_bare_title_takes_the_one_side_its_sentence_calls_by_its_adjective() -> None:
    """"the Kenyan government places great emphasis on the port, following directives from President X": of an
    article about two countries, the sentence calls one side by its adjective and names no other, so the bare
    title is that side's.  A sentence naming both sides says nothing of it."""
    one_side = ("The minister said that the Kenyan government places great emphasis on the port, following clear "
                "directives from President Daniel Mwangi Kiptoo that it be completed on time. The port is built by a "
                "Tanzanian consortium in Mombasa, Kenya, and Tanzania's minister visited it.")
    assert ("Daniel Mwangi Kiptoo", "president", "country:KEN") in posts(one_side)
    both = one_side.replace("the Kenyan government places", "the Kenyan and Tanzanian governments place")
    assert ("Daniel Mwangi Kiptoo", "president", "country:KEN") not in posts(both)


def test_an_investor_with_a_relative_clause_of_a_person_is_a_person() -> None:
    """"the local investor X, who owns 45% of Y": "investor" before a name marks a company, but "who" marks a
    person; "which" keeps it a company."""
    def kinds(sentence: str) -> dict[str, str]:
        return {m.text: m.kind for m in extract(sentence).mentions}

    assert kinds("The unit will grow, according to the local investor Marin Vascu, who owns 45% of Zentarol.").get(
        "Marin Vascu") == "Person"
    assert kinds("The plant was bought by the investor Kesmar Holdings, which owns 45% of Zentarol.").get(
        "Kesmar Holdings") == "Company"


def test_a_country_written_as_its_currency_is_no_mention() -> None:
    """"US$30 million", "US $1 billion", "a billion US dollars" name a currency: the article need not speak of
    the United States at all.  "with India six years ago" and "the US 2024 election" still name the country."""
    def countries(sentence: str) -> set[str]:
        return {m.key for m in extract(sentence).mentions if m.kind == "Country"}

    assert countries("The plant in Egypt was built with an investment of US$30 million.") == {"country:EGY"}
    assert countries("A firm with a charter capital of US $1 billion opened in Uzbekistan.") == {"country:UZB"}
    assert countries("The deal is worth close to a billion US dollars, the Serbian government said.") == {
        "country:SRB"}
    assert countries("The deals top the RM158bil signed with India six years ago.") == {"country:IND"}
    assert "country:USA" in countries("The US 2024 election matters to Mexico.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each item of the list says its trade: "A in textiles, B in chemicals"
        ("Peru and Kenya held a business forum in Lima. The president said the notable Kenyan companies in Peru "
         "include Safaricode Group in textiles & textile products, Mtandao Chemical in chemical & chemical products, "
         "Kilele Pharma in pharmaceutical products and Zentarol Containers in non-metallic products.",
         {"Safaricode Group", "Mtandao Chemical", "Kilele Pharma", "Zentarol Containers"}),
        # "such major corporations as", after a nationality's business community
        ("Peru and Kenya held a business forum in Lima. The Kenyan business community was represented by such "
         "major corporations as Safaricode, Mtandao Holdings, Kilele Group and Zentarol Bank.",
         {"Safaricode", "Mtandao Holdings", "Kilele Group", "Zentarol Bank"}),
    ],
)
def test_companies_listed_after_a_nationality_as_the_news_lists_them(text: str, expected: set[str]) -> None:
    assert {org for org, country in homes(text) if country == "country:KEN"} >= expected


def test_a_name_the_ner_joined_by_and_is_two_items_of_a_list_of_companies() -> None:
    """"... include A and B in pharmaceutical products, C in banking": where the NER reads "A and B" as one name,
    the list has two companies there."""
    from dataclasses import replace

    from diplograph.graph.extract import read_views
    from diplograph.graph.extract.organizations import _list_after

    _, views = read_views("The Kenyan firms in Peru include Kilele and Jengo in pharmaceuticals, Zentarol in banking.")
    view = views[0]
    start, end = view.text.index("Kilele"), view.text.index(" in pharmaceuticals")
    joined = Mention("Kilele and Jengo", "Organization", view.index, start, end)
    view = replace(view, mentions=[m for m in view.mentions if not start <= m.start < end] + [joined])
    assert [m.text for m in _list_after(view, start, people_are_companies=True)] == ["Kilele", "Jengo", "Zentarol"]


def test_a_company_apposed_with_from_a_country_is_at_home_there() -> None:
    """"One of them, X, also from Kenya, has invested ...": the apposition says the home, with or without a noun
    before "from" ("X, a company from Kenya,")."""
    assert ("Safaricode Group", "country:KEN") in homes(
        "One of them, Safaricode Group, also from Kenya, has invested $150 million in a plant in Peru.")
    assert ("Safaricode Group", "country:KEN") in homes(
        "Safaricode Group, from Kenya, has invested $150 million in a plant in Peru.")


def test_names_before_plural_titles_of_two_countries_pair_up_in_order() -> None:
    """"X and Y, the Presidents of A and B, took part": as with the titles first, each name takes its country in
    the order written."""
    assert posts("Daniel Mwangi Kiptoo and Rosa Quispe Mamani, the Presidents of Kenya and Peru, took part in the "
                 "Kenyan-Peruvian business forum in Lima.") == {
        ("Daniel Mwangi Kiptoo", "president", "country:KEN"), ("Rosa Quispe Mamani", "president", "country:PER")}


def test_the_first_ever_ambassador_is_an_ambassador() -> None:
    text = ("Presenting their credentials were Rosa Quispe Mamani of Peru, who is based in Nairobi, and Daniel Mwangi "
            "Kiptoo, the first ever Ambassador of Kenya to Peru, who is to be based in Lima.")
    assert {(holder, country) for holder, role, country in posts(text) if role.endswith("ambassador")} >= {
        ("Daniel Mwangi Kiptoo", "country:KEN")}


def test_irish_titles_and_a_misspelt_minister_are_titles() -> None:
    """"Taoiseach X, Tánaiste Y" are Ireland's head of government and deputy; "Deputy Prime Minster of" is a
    typing error the news prints, for "Deputy Prime Minister"."""
    text = ("Ireland and Singapore deepen trade ties\n\nDUBLIN, May 4 - Irish firms see Singapore as a hub for Asia, a "
            "delegation from Ireland has heard. Senior Government figures, among them Taoiseach Sean Murphy, Tánaiste "
            "Aoife Byrne and Minister for Agriculture Liam Walsh, have visited Singapore to promote Irish trade.")
    assert {("Sean Murphy", "taoiseach", "country:IRL"), ("Aoife Byrne", "tánaiste", "country:IRL")} <= posts(text)
    assert ("Rosa Quispe Mamani", "deputy prime minster", "country:PER") in posts(
        "The talks were held between Kenya's Deputy Prime Minister Daniel Mwangi Kiptoo and Rosa Quispe Mamani, "
        "Deputy Prime Minster of the Republic of Peru.")

"""Trade and investment flows, one sentence (or a short text) at a time: amount in base units,
currency as written, year, direction, commodity."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pipeline_helpers import facts_of, keys

pytestmark = pytest.mark.usefixtures("nlp_loaded")

COPPER = "https://w3id.org/diplograph/sector/copper"
COTTON = "https://w3id.org/diplograph/sector/cotton"
FLOWS = ("TradeFlow", "InvestmentFlow")


def flows_of(text: str) -> list:
    return [f for f in facts_of(text) if f.kind in FLOWS]


@pytest.mark.parametrize(
    ("sentence", "parties", "amount", "currency", "year"),
    [
        ("Trade between Chile and Norway reached $2.4 billion in 2023.",
         {"country:CHL", "country:NOR"}, Decimal("2.4e9"), "$", 2023),
        ("Bilateral trade between Peru and Vietnam totaled USD 450m in 2022.",
         {"country:PER", "country:VNM"}, Decimal("4.5e8"), "USD", 2022),
        ("In 2021, trade between Ghana and Morocco amounted to €200m.",
         {"country:GHA", "country:MAR"}, Decimal("2e8"), "EUR", 2021),
        ("Trade between Chile and Norway reached US$3bn in 2020.",
         {"country:CHL", "country:NOR"}, Decimal("3e9"), "USD", 2020),
        ("Commercial ties between Chile and Norway reached €23.3 million (NOK 270m) in 2012.",
         {"country:CHL", "country:NOR"}, Decimal("2.33e7"), "EUR", 2012),
    ],
)
def test_bilateral_trade(sentence: str, parties: set[str], amount: Decimal, currency: str, year: int) -> None:
    """"Trade between A and B reached $X in YEAR": one undirected trade flow between the two."""
    (flow,) = flows_of(sentence)
    assert flow.kind == "TradeFlow"
    assert keys(flow, "party") == parties
    assert not flow.roles_named("from") and not flow.roles_named("to")
    assert (Decimal(str(flow.value("amount"))), flow.value("currency"), flow.value("year")) == (
        amount, currency, year)
    assert flow.value("commodity") is None


def test_iron_ore_and_soybeans_are_commodities_of_their_own() -> None:
    """Iron ore is the ore, iron the metal; soybeans are one oilseed, named as traded."""
    sector = "https://w3id.org/diplograph/sector/"
    flows = flows_of("Peru's exports to Japan in 2023 were led by iron ore at $300 million, soybeans at $40 million "
                     "and iron at $20 million.")
    assert {Decimal(str(f.value("amount"))): f.value("commodity") for f in flows} == {
        Decimal(3e8): sector + "iron-ore", Decimal(4e7): sector + "soybeans", Decimal(2e7): sector + "iron"}


def test_bilateral_trade_in_us_dollars_written_out() -> None:
    """"2.5 billion US dollars" is a currency, not a mention of the United States."""
    (flow,) = flows_of("Trade turnover between Mongolia and Poland amounted to 2.5 billion US dollars in 2023.")
    assert keys(flow, "party") == {"country:MNG", "country:POL"}
    assert flow.value("currency") == "USD"


def test_directed_exports_with_commodities() -> None:
    """"A's exports to B ... led by copper at $300 million and cotton at $40 million": two directed flows,
    each with its commodity and the sentence's year."""
    flows = flows_of("Chile's exports to Norway in 2023 were led by copper at $300 million "
                     "and cotton at $40 million.")
    assert len(flows) == 2
    by_amount = {Decimal(str(f.value("amount"))): f for f in flows}
    assert set(by_amount) == {Decimal(3e8), Decimal(4e7)}
    for flow in flows:
        assert flow.kind == "TradeFlow"
        assert keys(flow, "from") == {"country:CHL"} and keys(flow, "to") == {"country:NOR"}
        assert flow.value("year") == 2023
    assert by_amount[Decimal(3e8)].value("commodity") == COPPER
    assert by_amount[Decimal(4e7)].value("commodity") == COTTON


@pytest.mark.parametrize(
    ("sentence", "exporter", "importer", "amount", "year"),
    [
        ("Peru's exports to Vietnam amounted to $703 million in 2022.", "country:PER", "country:VNM",
         Decimal("7.03e8"), 2022),
        ("Vietnam imported $120 million of goods from Peru in 2021.", "country:PER", "country:VNM",
         Decimal("1.2e8"), 2021),
        ("Exports from Peru to Vietnam reached $2.1 billion in 2022.", "country:PER", "country:VNM",
         Decimal("2.1e9"), 2022),
        ("Vietnam's imports from Peru totalled $800 million in 2021.", "country:PER", "country:VNM",
         Decimal("8e8"), 2021),
    ],
)
def test_directed_trade(sentence: str, exporter: str, importer: str, amount: Decimal, year: int) -> None:
    """Exports and imports give the direction, whichever way the sentence is turned."""
    (flow,) = flows_of(sentence)
    assert keys(flow, "from") == {exporter} and keys(flow, "to") == {importer}
    assert Decimal(str(flow.value("amount"))) == amount and flow.value("year") == year


def test_exports_then_its_imports() -> None:
    """"A's exports to B (x) exceeded its imports (y)": the second figure flows the other way."""
    flows = flows_of("Peru's exports to Vietnam (€4.2bn) exceeded its imports (€2.9bn) in 2017.")
    directions = {(next(iter(keys(f, "from"))), next(iter(keys(f, "to"))), f.value("currency")) for f in flows}
    assert directions == {("country:PER", "country:VNM", "EUR"), ("country:VNM", "country:PER", "EUR")}


def test_growth_to_a_figure_is_a_fact_but_a_target_is_not() -> None:
    """"increased by 20% to $900 million" states a figure; "aim to double trade to $5 billion" does not."""
    assert len(flows_of("Trade between Peru and Vietnam increased by 20% to $900 million in 2018.")) == 1
    assert flows_of("Peru and Vietnam aim to double trade to $5 billion by 2030.") == []


def test_growth_from_a_to_b_gives_two_flows_with_their_years() -> None:
    """"rose from $1 billion in 2021 to $2.2 billion in 2022": two investment flows, each with its own year."""
    flows = flows_of("Norwegian investment in Chile rose from $1 billion in 2021 to $2.2 billion in 2022.")
    assert sorted((Decimal(str(f.value("amount"))), f.value("year")) for f in flows) == [
        (Decimal(10**9), 2021), (Decimal("2.2e9"), 2022)]
    for flow in flows:
        assert flow.kind == "InvestmentFlow"
        assert keys(flow, "from") == {"country:NOR"} and keys(flow, "to") == {"country:CHL"}


@pytest.mark.parametrize(
    ("sentence", "source", "target", "amount"),
    [
        ("Korean investments in Uzbekistan reached $7.5 billion in 2023.", "country:KOR", "country:UZB",
         Decimal("7.5e9")),
        ("Japanese investment in Vietnam reached $70 billion in 2023.", "country:JPN", "country:VNM",
         Decimal("7e10")),
    ],
)
def test_investment_by_adjective(sentence: str, source: str, target: str, amount: Decimal) -> None:
    """"Korean investments in Uzbekistan": the adjective is the investor, "in" the destination."""
    (flow,) = flows_of(sentence)
    assert flow.kind == "InvestmentFlow"
    assert keys(flow, "from") == {source} and keys(flow, "to") == {target}
    assert Decimal(str(flow.value("amount"))) == amount and flow.value("year") == 2023


def test_investment_completes_the_other_end_from_the_documents_pair() -> None:
    """"Direct investment from Germany ..." in a Germany–Kazakhstan text goes to Kazakhstan."""
    text = ("Germany and Kazakhstan are expanding ties. German firms are active in Kazakhstan. "
            "Germany remains a key partner of Kazakhstan.\n"
            "Direct investment from Germany amounted to €4.6 billion in 2022.")
    (flow,) = flows_of(text)
    assert flow.kind == "InvestmentFlow"
    assert keys(flow, "from") == {"country:DEU"} and keys(flow, "to") == {"country:KAZ"}
    assert (Decimal(str(flow.value("amount"))), flow.value("currency"), flow.value("year")) == (
        Decimal("4.6e9"), "EUR", 2022)


def test_trade_without_countries_belongs_to_the_documents_pair() -> None:
    """"Trade turnover reached $3 billion" in a Peru–Vietnam text is their bilateral trade."""
    text = ("Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"
            "Trade turnover reached $3 billion in 2023.")
    (flow,) = flows_of(text)
    assert keys(flow, "party") == {"country:PER", "country:VNM"}
    assert flow.value("year") == 2023


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("Trade between Peru and Vietnam grew by 41% in 2023 and reached $3.9 billion.", Decimal(41)),
        ("Bilateral trade between Peru and Vietnam was $1.2bn in 2022, up 15% year on year.", Decimal(15)),
        ("Trade between Peru and Vietnam fell to $900 million in 2020, a 35% decrease.", Decimal(-35)),
        ("Trade between Peru and Vietnam reached $838.6 million in 2022, which is 69.2 percent higher.",
         Decimal("69.2")),
        ("Trade between Peru and Vietnam reached $2 billion in 2023.", None),
    ],
)
def test_relative_change_beside_an_amount(sentence: str, change: Decimal | None) -> None:
    """A stated change in percent is kept on the flow, signed; none is invented."""
    (flow,) = flows_of(sentence)
    assert flow.value("change") == change


def test_last_year_counts_from_the_dateline() -> None:
    """"$292 million last year" in a report dated 12 July 2016 is the 2015 figure."""
    (flow,) = flows_of("ULAANBAATAR, 12 July 2016. Peru and Mongolia met.\n"
                       "Bilateral trade between Peru and Mongolia came to $292 million last year.")
    assert flow.value("year") == 2015
    assert flow.value("amount") == Decimal("292000000")


def test_amount_in_a_nationality_s_imports_flows_into_that_country() -> None:
    """"$X in Peruvian imports": the amount's own noun gives the direction, whatever trade cue came before."""
    text = ("Peru and Vietnam held talks on trade. Bilateral trade between Vietnam and Peru fell in 2023, "
            "with copper accounting for nearly $90 million in Peruvian imports.")
    (flow,) = [f for f in flows_of(text) if f.value("commodity")]
    assert (flow.role("from").key, flow.role("to").key) == ("country:VNM", "country:PER")
    assert (Decimal(str(flow.value("amount"))), flow.value("year")) == (Decimal("9e7"), 2023)
    assert flow.value("commodity").endswith("/copper")


def test_the_following_year_is_the_year_after_the_one_named_before() -> None:
    """"from $380 million in 2022 to $444 million the following year": 2022, then 2023."""
    flows = flows_of("Trade between Chile and Norway rose from $380 million in 2022 to $444 million the "
                     "following year.")
    assert sorted((f.value("amount"), f.value("year")) for f in flows) == [
        (Decimal("3.8e8"), 2022), (Decimal("4.44e8"), 2023)]


def test_a_year_a_figure_is_compared_with_is_not_its_year() -> None:
    """"$5.9 million, up 5.6 times compared with the same period in 2022": the figure is of the year the sentence
    before speaks of, not of the year it is compared with."""
    text = ("Kyrgyzstan and Finland held talks. Kyrgyzstan and Finland are partners. Trade between the two countries "
            "reached $6.2 million from January through July 2023. Most of it was Kyrgyzstan's imports from Finland, "
            "totalling $5.8 million, up five times compared with the same period in 2022.")
    years = {int(f.value("amount")): f.value("year") for f in flows_of(text)}
    assert years == {6_200_000: 2023, 5_800_000: 2023}
    # "38 per cent more than in 2021", "since 2020": with no year of its own, the figure has none
    text = ("Kyrgyzstan and Finland held talks. Kyrgyzstan and Finland are partners. Trade between the two countries "
            "reached $6.2 million in 2023. French investment in Finland stands at $9 million, 38 per cent more "
            "than in 2021.")
    assert {int(f.value("amount")): f.value("year") for f in flows_of(text)}[9_000_000] is None


def test_a_figure_the_next_sentence_gives_for_the_pairs_trade() -> None:
    """"Total trade between A and B has fluctuated. It went up from R44 million in 2009 to R137 million in
    2010": "it" is the pair's trade; a sentence with no such sentence before it states no flow."""
    text = ("South Africa and Kazakhstan held talks. South Africa and Kazakhstan are partners.\n"
            "Total trade between South Africa and Kazakhstan has fluctuated since 2009.\n"
            "It went up from R44 million in 2009 to R137 million in 2010.")
    found = {(frozenset(keys(f, "party")), f.value("amount"), f.value("year")) for f in flows_of(text)}
    pair = frozenset({"country:ZAF", "country:KAZ"})
    assert found == {(pair, Decimal(44_000_000), 2009), (pair, Decimal(137_000_000), 2010)}
    text = ("South Africa and Kazakhstan held talks. South Africa and Kazakhstan are partners.\n"
            "Trade between South Africa and Kazakhstan reached R90 million in 2012.\n"
            "It rose to R120 million in 2013.")
    found = {(frozenset(keys(f, "party")), f.value("amount"), f.value("year")) for f in flows_of(text)}
    assert found == {(pair, Decimal(90_000_000), 2012), (pair, Decimal(120_000_000), 2013)}
    text = ("South Africa and Kazakhstan held talks. South Africa and Kazakhstan are partners.\n"
            "South Africa and Kazakhstan have had good relations since 2009.\n"
            "It went up from R44 million in 2009 to R137 million in 2010.")
    assert flows_of(text) == []


def test_the_present_volume_is_a_level_beside_a_wish_to_raise_it() -> None:
    text = ("Bolivia and Turkey held talks. Bolivia and Turkey are partners. They agreed to increase bilateral "
            "trade, since the present volume of US$113 million dollars per year is too small.")
    (flow,) = flows_of(text)
    assert keys(flow, "party") == {"country:BOL", "country:TUR"} and flow.value("amount") == Decimal(113_000_000)


def test_a_year_before_a_colon_in_brackets_labels_the_figure_after_it() -> None:
    """"In 2021, trade came to €20 billion (2020: €19 billion)": the bracket gives last year's figure; the first
    one is 2021's."""
    found = {(Decimal(str(f.value("amount"))), f.value("year")) for f in flows_of(
        "Chile and Norway are partners. In 2021, bilateral trade between Chile and Norway came to more than "
        "€20 billion (2020: €19 billion).")}
    assert found == {(Decimal("2e10"), 2021), (Decimal("1.9e10"), 2020)}


def test_bilateral_exchange_of_a_sum_is_trade_and_a_sum_put_into_an_economy_is_investment() -> None:
    (trade,) = flows_of("Chile and Norway are partners. In 2015, the bilateral exchange between Chile and Norway "
                        "reached USD 3.3 billion.")
    assert trade.kind == "TradeFlow" and trade.value("year") == 2015
    (invested,) = flows_of("Over the past 30 years Norway has put more than $15 billion into Chile's economy.")
    assert invested.kind == "InvestmentFlow"
    assert keys(invested, "from") == {"country:NOR"} and keys(invested, "to") == {"country:CHL"}
    assert not flows_of("Norway put forward a plan worth $15 billion into the next decade for Chile.")
    assert not flows_of("Chile and Norway are partners. Norway's largest PVC processor Andessa has put some EUR 11 "
                        "million into its factory in Chile.")  # a company's spending on its own plant


def test_a_year_compared_with_or_dating_another_figure_is_not_the_figures_year() -> None:
    """"Imports tripled in the first half to $342.2 million compared to the whole of 2020": 2020 is what the figure
    is compared with; "$229 million in January-June, more than the $94.2 million of all 2020": 2020 dates the
    second figure only."""
    (imports,) = flows_of("Chile's imports from Norway almost tripled in the first half to $342.2 million compared "
                          "to the whole of 2020.")
    assert imports.value("year") is None
    found = {(Decimal(str(f.value("amount"))), f.value("year")) for f in flows_of(
        "Trade between Chile and Norway came to $229 million in January-June, 143 per cent more than the $94.2 "
        "million of all 2020.")}
    assert found == {(Decimal("2.29e8"), None), (Decimal("9.42e7"), 2020)}


def test_the_country_a_sum_is_poured_into_is_not_the_one_pouring_it() -> None:
    """"Chile is growing. Norway has invested $2 billion in the country": the country is Chile, the one named before
    the investor, not the investor itself."""
    (flow,) = flows_of("Norway and Chile are partners. Chile is growing fast. Norway has invested $2 billion in the "
                       "country.")
    assert keys(flow, "from") == {"country:NOR"} and keys(flow, "to") == {"country:CHL"}


def test_rubber_is_a_commodity_of_its_own() -> None:
    (flow,) = flows_of("Vietnam's exports of natural rubber to China reached $2 billion in 2023.")
    assert flow.value("commodity") == "https://w3id.org/diplograph/sector/rubber"

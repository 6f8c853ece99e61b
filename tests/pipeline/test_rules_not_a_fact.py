"""Sentences that must NOT produce a fact: negations, hypotheticals and targets, "not yet", a figure
for a third country, and a headline that repeats the body."""

from __future__ import annotations

import pytest
from pipeline_helpers import fact_set, facts_of, sig, signature

pytestmark = pytest.mark.usefixtures("nlp_loaded")

PAIR_INTRO = "Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"


SECTOR = "https://w3id.org/diplograph/sector/"
PER, VNM, CHL, NOR = (("party", f"country:{c}") for c in ("PER", "VNM", "CHL", "NOR"))


def trade(a: tuple, b: tuple, amount: float, year: int | None = None) -> tuple:
    return sig("TradeFlow", a, b, amount=amount, **({"year": year} if year else {}))


# (a sentence that states no relational fact, what it does state, the same sentence made to state its fact,
#  the fact that twin states): the twin shows the rule the negative sentence escapes is alive, so an empty
#  answer for the negative one means the negation was read, not that nothing was read at all.
CASES = [
    ("South Korea is not a NATO member.", set(),
     "Poland is a NATO member.",  # (South Korea is in no NATO list: the twin names a member)
     sig("Membership", ("member", "country:POL"), ("group", "io:north-atlantic-treaty-organization"))),
    ("Canadian company Borealis Minerals has not yet entered the Kazakh market.",
     {sig("HomeCountry", ("organization", "Borealis Minerals"), ("country", "country:CAN"))},
     "Canadian company Borealis Minerals has entered the Kazakh market.",
     sig("MarketActivity", ("organization", "Borealis Minerals"), ("market", "country:KAZ"), status="active")),
    ("Norway and Chile aim to bring trade to $10 billion by 2030.", set(),
     "Norway and Chile brought trade to $10 billion in 2023.", trade(NOR, CHL, 1e10, 2023)),
    ("Peru and Vietnam set a $15 billion trade target.", set(),
     "Trade between Peru and Vietnam reached $15 billion in 2023.", trade(PER, VNM, 1.5e10, 2023)),
    ("Trade between Peru and Vietnam could reach $5 billion in 2026.", set(),
     "Trade between Peru and Vietnam reached $5 billion in 2022.", trade(PER, VNM, 5e9, 2022)),
    ("Trade between Peru and Vietnam is expected to reach $5 billion next year.", set(),
     "Trade between Peru and Vietnam reached $5 billion last year.", trade(PER, VNM, 5e9)),
    ("Peru and Vietnam want trade to double to reach $3 billion by 2030.", set(),
     "Trade between Peru and Vietnam more than doubled to reach $3 billion in 2022.", trade(PER, VNM, 3e9, 2022)),
    ("Peru and Vietnam hope to double bilateral trade to $8 billion.", set(),
     "Peru and Vietnam doubled bilateral trade to $8 billion.", trade(PER, VNM, 8e9)),
    ("If the agreement is ratified, trade between Chile and Norway would grow to $4 billion.", set(),
     "After the agreement was ratified, trade between Chile and Norway grew to $4 billion.", trade(CHL, NOR, 4e9)),
    ("Trade between Chile and Norway has not yet reached $1 billion.", set(),
     "Trade between Chile and Norway has reached $1 billion.", trade(CHL, NOR, 1e9)),
    ("Norway and Chile have not yet signed a trade agreement, and cooperation in energy has not started.", set(),
     "Norway and Chile have signed a trade agreement, and cooperation in energy has started.",
     sig("Cooperation", NOR, CHL, sector=SECTOR + "energy")),
    # a change is not a level, and a figure "expected" is a forecast wherever the word stands
    ("Trade between Peru and Vietnam saw an increase of $640 million.", set(),
     "Trade between Peru and Vietnam reached $640 million.", trade(PER, VNM, 6.4e8)),
    ("In his view the $2 billion of trade expected this year between Peru and Vietnam is still too little.", set(),
     "In his view the $2 billion of trade between Peru and Vietnam last year was still too little.",
     trade(PER, VNM, 2e9)),
    # "Trade" in a minister's portfolio is no trade figure
    ("Peru and Vietnam created a fund of 14 million euros, Peru's Minister of Foreign Affairs and Trade said.", set(),
     "Trade between Peru and Vietnam reached 14 million euros, Peru's Minister of Foreign Affairs and Trade said.",
     trade(PER, VNM, 1.4e7)),
]


@pytest.mark.parametrize(("sentence", "stated", "twin", "twin_fact"), CASES, ids=[c[0][:40] for c in CASES])
def test_no_fact(sentence: str, stated: set, twin: str, twin_fact: tuple) -> None:
    """Only memberships, flows, activities or cooperation actually stated count; these state none.  The
    sentence yields exactly what it does state (a company's home country), and its twin the fact."""
    assert fact_set(sentence) == stated
    assert twin_fact in fact_set(twin)


@pytest.mark.parametrize(
    ("sentence", "flows"),
    [
        ("Brazil's trade turnover reached $40 billion in 2023.", set()),  # Brazil's trade with whom?
        ("Trade with Brazil reached $40 billion in 2023.", set()),  # whose trade with Brazil?
        ("Japanese investment in Vietnam reached $70 billion in 2023.",
         {sig("InvestmentFlow", ("from", "country:JPN"), ("to", "country:VNM"), amount=7e10, year=2023)}),
    ],
)
def test_third_country_figure_is_not_the_pairs(sentence: str, flows: set) -> None:
    """In a Peru–Vietnam article, a figure for a third country is never a Peru–Vietnam flow: the
    sentence's flows are exactly those it names both ends of; the pair's own figure in the same place is."""
    facts = facts_of(PAIR_INTRO + sentence)
    assert {signature(f) for f in facts if f.kind.endswith("Flow")} == flows
    assert trade(PER, VNM, 4e10, 2023) in fact_set(PAIR_INTRO + "Trade between Peru and Vietnam reached $40 billion "
                                                                "in 2023.")


def test_headline_repeating_a_fact_adds_none() -> None:
    """A first line without a full stop is a headline: the trade figure it repeats is not a fact."""
    text = ("Peru and Vietnam Trade Hits $3 Billion in 2023\n"
            "Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia. "
            "The ministers met again in Hanoi.")
    facts = fact_set(text)
    assert [f for f in facts if f[0].endswith("Flow")] == []
    # what the body does state is read: the talks in Lima are a meeting of the two in Peru
    assert sig("Meeting", ("participant", "country:PER"), ("participant", "country:VNM"),
               ("location", "country:PER")) in facts


def test_headline_fact_comes_from_the_body() -> None:
    """When the body states the headline's fact, it is read once, from the body sentence."""
    text = ("Peru and Vietnam Trade Hits $3 Billion in 2023\n"
            "Bilateral trade between Peru and Vietnam reached $3 billion in 2023.")
    flows = [f for f in facts_of(text) if f.kind == "TradeFlow"]
    assert len(flows) == 1 and flows[0].sentence == 1

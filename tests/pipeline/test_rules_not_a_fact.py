"""Sentences that must NOT produce a fact: negations, hypotheticals and targets, "not yet", a figure
for a third country, and a headline that repeats the body."""

from __future__ import annotations

import pytest
from pipeline_helpers import facts_of, keys

pytestmark = pytest.mark.usefixtures("nlp_loaded")

PAIR_INTRO = "Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korea is not a NATO member.",
        "Canadian company Borealis Minerals has not yet entered the Kazakh market.",
        "Norway and Chile aim to bring trade to $10 billion by 2030.",
        "Peru and Vietnam set a $15 billion trade target.",
        "Trade between Peru and Vietnam could reach $5 billion in 2026.",
        "Trade between Peru and Vietnam is expected to reach $5 billion next year.",
        "Peru and Vietnam hope to double bilateral trade to $8 billion.",
        "If the agreement is ratified, trade between Chile and Norway would grow to $4 billion.",
        "Trade between Chile and Norway has not yet reached $1 billion.",
        "Norway and Chile have not yet signed a trade agreement, and cooperation in energy has not started.",
        # a change is not a level, and a figure "expected" is a forecast wherever the word stands
        "Trade between Peru and Vietnam saw an increase of $640 million.",
        "In his view the $2 billion of trade expected this year between Peru and Vietnam is still too little.",
        # "Trade" in a minister's portfolio is no trade figure
        "Peru and Vietnam created a fund of 14 million euros, Peru's Minister of Foreign Affairs and Trade said.",
    ],
)
def test_no_fact(sentence: str) -> None:
    """Only memberships, flows, activities or cooperation actually stated count; these state none
    (a home country in the same sentence is still fine, so only relational facts are checked)."""
    relational = [f for f in facts_of(sentence) if f.kind != "HomeCountry"]
    assert relational == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Brazil's trade turnover reached $40 billion in 2023.",
        "Trade with Brazil reached $40 billion in 2023.",
        "Japanese investment in Vietnam reached $70 billion in 2023.",
    ],
)
def test_third_country_figure_is_not_the_pairs(sentence: str) -> None:
    """In a Peru–Vietnam article, a figure for a third country is never a Peru–Vietnam flow."""
    for flow in (f for f in facts_of(PAIR_INTRO + sentence) if f.kind in ("TradeFlow", "InvestmentFlow")):
        ends = keys(flow, "party") | keys(flow, "from") | keys(flow, "to")
        assert ends != {"country:PER", "country:VNM"}


def test_headline_repeating_a_fact_adds_none() -> None:
    """A first line without a full stop is a headline: the trade figure it repeats is not a fact."""
    text = ("Peru and Vietnam Trade Hits $3 Billion in 2023\n"
            "Peru and Vietnam held talks in Lima. Vietnam is Peru's key partner in Asia. "
            "The ministers met again in Hanoi.")
    assert [f for f in facts_of(text) if f.kind.endswith("Flow")] == []


def test_headline_fact_comes_from_the_body() -> None:
    """When the body states the headline's fact, it is read once, from the body sentence."""
    text = ("Peru and Vietnam Trade Hits $3 Billion in 2023\n"
            "Bilateral trade between Peru and Vietnam reached $3 billion in 2023.")
    flows = [f for f in facts_of(text) if f.kind == "TradeFlow"]
    assert len(flows) == 1 and flows[0].sentence == 1

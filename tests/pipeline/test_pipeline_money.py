"""Money as news writes it, one phrase at a time; nothing is converted."""

from decimal import Decimal

import pytest

from diplograph.graph.money import find_money, find_years


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$500 million", 500_000_000, "$"),
        ("53.7 billion South African rands", 53_700_000_000, "ZAR"),  # the plural, and the country's adjective
        ("2 billion rands", 2_000_000_000, "ZAR"),
        ("900 million pesos", 900_000_000, "$"),  # a peso's sign, whichever country's
        ("$2.2 billion", 2_200_000_000, "$"),
        ("USD 450m", 450_000_000, "USD"),
        ("€4.6 billion", 4_600_000_000, "EUR"),
        ("US$3bn", 3_000_000_000, "USD"),
        ("2.5 billion US dollars", 2_500_000_000, "USD"),
        ("more than 85% (€4.6 billion)", 4_600_000_000, "EUR"),
        ("1,250 million euros", 1_250_000_000, "EUR"),
        ("KZT 12 billion", 12_000_000_000, "KZT"),
        ("exports amounted to $703 million", 703_000_000, "$"),
        ("£40mn", 40_000_000, "GBP"),
        ("300 billion tenge", 300_000_000_000, "KZT"),
        ("KSh 5.4 billion", 5_400_000_000, "KES"),
        ("50 billion naira", 50_000_000_000, "NGN"),
        ("R$ 3 billion", 3_000_000_000, "BRL"),
        ("Rp 5 trillion", 5_000_000_000_000, "IDR"),
        ("6.4 billion baht", 6_400_000_000, "THB"),
        ("1.2 billion zlotys", 1_200_000_000, "PLN"),
        # Malaysian papers' "bil", ringgit and dirhams by their symbols, and a scale written as a word
        ("total trade of US$110.6bil", 110_600_000_000, "USD"),
        ("RM170bil worth of projects", 170_000_000_000, "MYR"),
        ("partnerships worth Dh129 billion", 129_000_000_000, "AED"),
        ("exceeded one billion euros", 1_000_000_000, "EUR"),
        ("S$1.8 billion", 1_800_000_000, "SGD"),
        # South Asia's crore (ten million) and lakh (a hundred thousand); "Rs" kept, as it is several countries'
        ("an investment of Rs 5,000 crore", 50_000_000_000, "Rs"),
        ("Rs. 12 lakh", 1_200_000, "Rs"),
        ("Tk 500 crore", 5_000_000_000, "BDT"),
        # East Africa's shilling, as its papers write it; which country's is kept open, as for "Rs"
        ("investment of Sh2.1 trillion", 2_100_000_000_000, "Sh"),
        ("Shs 40 billion in exports", 40_000_000_000, "Sh"),
        ("sales of 300 million shillings", 300_000_000, "Sh"),
        # South Africa's rand as its papers write it: a capital R glued to an amount with its scale
        ("it went up from R44 million in 2009", 44_000_000, "ZAR"),
        ("a R1,500,000 grant", 1_500_000, "ZAR"),
        # Papua New Guinea's kina or Zambia's kwacha, written the same way; which one is kept open, as for "Rs"
        ("total trade stands at over K22 billion in 2021", 22_000_000_000, "K"),
        # a decimal comma before a scale word, as most of Europe writes it; three digits still group thousands
        ("trade of $1,2 billion", 1_200_000_000, "$"),
        ("trade of 3,75 billion euros", 3_750_000_000, "EUR"),
        ("trade of $1,250 million", 1_250_000_000, "$"),
        ("exports of 1.2 billion US$ last year", 1_200_000_000, "USD"),  # the sign after the number
        # any ISO 4217 code in capitals, before or after the number; Bhutan's ngultrum as Kuensel writes it
        ("a loan of MWK 5 billion", 5_000_000_000, "MWK"),
        ("worth 3.2 billion XOF", 3_200_000_000, "XOF"),
        ("goods worth Nu 179 million (M) last year", 179_000_000, "BTN"),
        ("an export value of Nu 46M.", 46_000_000, "BTN"),
    ],
)
def test_amounts_in_base_units(text: str, amount: int, currency: str) -> None:
    (money,) = find_money(text)
    assert money.amount == Decimal(amount)
    assert money.currency == currency


@pytest.mark.parametrize("text", ["a 35% decrease", "in 2024", "they try 5 times", "3 million people",
                                  "one euro coins", "someone billion euros", "the arm 5m away",
                                  "the R2 road", "an r5 million typo", "a K9 unit", "the K-pop star",
                                  "FDI 5 billion", "ALL 5 million", "TOP 10 firms", "the nu 5 thing"])
def test_no_money(text: str) -> None:
    assert find_money(text) == []


def test_two_amounts_in_order() -> None:
    found = find_money("rose from $1 billion in 2021 to $2.2 billion in 2022")
    assert [m.amount for m in found] == [Decimal(10**9), Decimal("2.2e9")]


def test_years() -> None:
    assert [y for y, _ in find_years("from 2021 to 2022, not 3000 or 1812")] == [2021, 2022]


@pytest.mark.parametrize(("text", "amount"), [("USD 709.596.318 in 2021", Decimal("709596318")),
                                              ("EUR 12.345.678,50 paid", Decimal("12345678.50")),
                                              ("USD 1.234.567, and", Decimal("1234567")),
                                              ("USD 1.5 billion", Decimal("1500000000"))])
def test_thousands_grouped_with_full_stops(text: str, amount: Decimal) -> None:
    """Spanish and Portuguese group thousands with full stops; two groups at least, so "1.5" stays a decimal."""
    (money,) = find_money(text)
    assert money.amount == amount


def test_a_half_year_glued_to_its_year() -> None:
    """"$150 million in 1H2018": the year is 2018; a number that only ends in a year's digits is none."""
    assert [year for year, _ in find_years("trade came to $150 million in 1H2018")] == [2018]
    assert find_years("order no. 12019 and code A2019") == []

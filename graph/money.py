"""Money and years as news writes them: `$500 million`, `USD 450m`, `€4.6 billion`,
`2.5 billion US dollars`, `US$3bn`.  Pure functions, tested one phrase at a time.

Amounts are returned in base units of the currency as written; nothing is converted.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from diplograph.graph.config import COUNTRY_CODES_FILE

SCALES = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6, "millions": 10**6, "mil": 10**6,
    "billion": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9, "billions": 10**9, "bil": 10**9,
    "trillion": 10**12, "tn": 10**12, "trln": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,  # South Asia's: "Rs 5,000 crore"
}

# Symbols and codes before the number; "$" alone is ambiguous and kept as written.
PREFIX_CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "$", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "¥", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "₸": "KZT", "kzt": "KZT", "₽": "RUB",
    "rub": "RUB", "₹": "INR", "inr": "INR", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
    "chf": "CHF", "₩": "KRW", "krw": "KRW", "aed": "AED", "sar": "SAR", "try": "TRY", "₺": "TRY",
    "ksh": "KES", "kes": "KES", "tsh": "TZS", "tzs": "TZS", "ush": "UGX", "ugx": "UGX",
    "₦": "NGN", "ngn": "NGN", "r$": "BRL", "brl": "BRL", "rp": "IDR", "idr": "IDR", "egp": "EGP",
    "pln": "PLN", "huf": "HUF", "czk": "CZK", "zar": "ZAR", "mxn": "MXN", "vnd": "VND", "thb": "THB",
    "myr": "MYR", "php": "PHP", "₱": "PHP", "pkr": "PKR", "bdt": "BDT", "ghs": "GHS", "etb": "ETB",
    "rm": "MYR", "dh": "AED", "s$": "SGD", "nz$": "NZD", "hk$": "HKD",  # "RM170bil", "Dh129 billion"
    "rs.": "Rs", "rs": "Rs", "tk": "BDT",  # the rupee of India, Pakistan, Sri Lanka or Nepal: kept as written
    "sh": "Sh", "shs": "Sh",  # the shilling of Kenya, Tanzania or Uganda, as East African papers write it
    "r": "ZAR",  # "R44 million", as South African papers write the rand: a capital glued to an amount with its scale
    "k": "K",  # "K22 billion": Papua New Guinea's kina, or Zambia's kwacha; kept as written, glued as the rand's R
    "cfa": "CFA", "fcfa": "CFA",  # "CFA 3.27 billion"
    "nu": "BTN", "nu.": "BTN",  # "Nu 179 million": Bhutan's ngultrum
}
# Words after the number.
SUFFIX_CURRENCIES = {
    "us dollars": "USD", "u.s. dollars": "USD", "us$": "USD", "american dollars": "USD", "dollars": "$",
    "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "tenge": "KZT", "kzt": "KZT", "rubles": "RUB",
    "roubles": "RUB", "rupees": "INR", "won": "KRW", "dirhams": "AED", "riyals": "SAR", "lira": "TRY",
    "canadian dollars": "CAD", "australian dollars": "AUD", "swiss francs": "CHF", "soms": "KGS",
    "som": "UZS", "manat": "AZN", "lari": "GEL", "dram": "AMD", "somoni": "TJS",
    "kenyan shillings": "KES", "tanzanian shillings": "TZS", "ugandan shillings": "UGX", "naira": "NGN",
    "rand": "ZAR", "reais": "BRL", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "dong": "VND",
    "zlotys": "PLN", "zloty": "PLN", "forints": "HUF", "forint": "HUF", "koruna": "CZK", "cedis": "GHS",
    "birr": "ETB", "egyptian pounds": "EGP", "taka": "BDT", "pakistani rupees": "PKR",
    "rands": "ZAR", "south african rands": "ZAR", "south african rand": "ZAR", "dirham": "AED", "riyal": "SAR",
    "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "pesos": "$", "shillings": "Sh",
    # the franc of West or of Central Africa (XOF, XAF): kept as written, like "Rs"
    "cfa francs": "CFA", "cfa franc": "CFA", "francs cfa": "CFA", "fcfa": "CFA", "cfa": "CFA",
    "tugriks": "MNT", "tugrik": "MNT", "kwacha": "K", "kina": "K", "ngultrum": "BTN",
}

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
# "USD 709.596.318": thousands grouped with full stops, as Spanish and Portuguese write them (two groups at least,
# so that "1.5" stays a decimal)
# "$1,2 billion": a decimal comma, as most of Europe writes it, told from "1,200 million" by its one or two digits
_SCALE_WORD = r"(?:thousand|millions?|billions?|trillion|mln|bln|trln|mil|bil|mn|bn|tn|lakhs?|crores?|m|b|k)\b"
_NUM = (r"(?P<num>\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2}(?!\d))?(?!\d|,\d)|\d{1,3},\d{1,2}(?=\s*-?\s*" + _SCALE_WORD + ")|"
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + ")")
_SCALE = r"(?:\s*-?\s*(?P<scale>" + _SCALE_WORD + "))?"
_PREFIX = "|".join(sorted((re.escape(k) for k in PREFIX_CURRENCIES), key=len, reverse=True))
_SUFFIX = "|".join(sorted((re.escape(k) for k in SUFFIX_CURRENCIES), key=len, reverse=True))

MONEY_PREFIXED = re.compile(rf"(?<![\w$€£¥₸₽₹₩₺])(?P<cur>{_PREFIX})\s?{_NUM}{_SCALE}", re.IGNORECASE)
MONEY_SUFFIXED = re.compile(rf"\b{_NUM}{_SCALE}\s+(?P<cur>{_SUFFIX})(?!\w)", re.IGNORECASE)
# any ISO 4217 code, in capitals, before or after the number: "MWK 5 billion", "3.2 billion XOF"
MONEY_ISO_PREFIXED = re.compile(rf"(?<![\w$€£¥₸₽₹₩₺])(?P<cur>[A-Z]{{3}})\s?{_NUM}{_SCALE}")
MONEY_ISO_SUFFIXED = re.compile(rf"\b{_NUM}{_SCALE}\s+(?P<cur>[A-Z]{{3}})(?!\w)")
NOT_CURRENCIES = {"ALL", "TOP", "CUP", "PEN", "MOP", "BAM", "SOS"}  # codes that are English words in capitals
ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
YEAR = re.compile(r"(?:\b|(?<=\dH))(19[5-9]\d|20[0-4]\d)\b")  # "in 1H2018": a half-year glued to it


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    start: int
    end: int
    text: str


def _amount(num: str, scale: str | None) -> Decimal:
    if num.count(".") >= 2:
        num = num.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3},\d{1,2}", num):
        num = num.replace(",", ".")
    value = Decimal(NUMBER_WORDS[num.lower()]) if num.lower() in NUMBER_WORDS else Decimal(num.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return value


def find_money(text: str) -> list[Money]:
    """Every amount of money in the text, in order, without overlaps."""
    if not ANY_NUMBER.search(text):
        return []  # every amount has a figure or a number word; most sentences have neither
    found: list[Money] = []
    codes = iso_currencies()
    for pattern, table in ((MONEY_PREFIXED, PREFIX_CURRENCIES), (MONEY_SUFFIXED, SUFFIX_CURRENCIES),
                           (MONEY_ISO_PREFIXED, codes), (MONEY_ISO_SUFFIXED, codes)):
        for m in pattern.finditer(text):
            scale = m.group("scale")
            cur = table.get(m.group("cur").lower() if table is not codes else m.group("cur"))
            if cur is None:
                continue  # three capitals that name no currency: "FDI 5 billion"
            if m.group("cur").lower() == "try" and not m.group("cur").isupper():
                continue  # the verb "try" is not the lira
            if m.group("num").lower() in NUMBER_WORDS and not scale:
                continue  # "one euro coins": a number word counts only with its scale ("one billion euros")
            if m.group("cur").lower() in ("rm", "dh", "nu", "nu.") and not m.group("cur")[0].isupper():
                continue
            if m.group("cur").lower() in ("r", "k") and (not m.group("cur").isupper() or not scale and "," not in
                                                         m.group("num") or m.end("cur") != m.start("num")):
                continue  # not "R2 road", "r 5" or "K9"
            found.append(Money(_amount(m.group("num"), scale), cur, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda money: money.start)
    result: list[Money] = []
    for money in found:
        if result and money.start < result[-1].end:
            continue
        result.append(money)
    return result


@cache
def iso_currencies() -> dict[str, str]:
    """Every ISO 4217 code of the country codes (code -> itself), but those that are English words."""
    with COUNTRY_CODES_FILE.open(encoding="utf-8", newline="") as handle:
        codes = {code.strip() for row in csv.DictReader(handle)
                 for code in (row.get("ISO4217-currency_alphabetic_code") or "").split(",")}
    return {code: code for code in codes if re.fullmatch(r"[A-Z]{3}", code) and code not in NOT_CURRENCIES}


def find_years(text: str) -> list[tuple[int, int]]:
    """(year, offset) for every plausible calendar year in the text."""
    return [(int(m.group(1)), m.start()) for m in YEAR.finditer(text)]

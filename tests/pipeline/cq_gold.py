"""The competency questions' gold rows and the contract's matching rules (/work/shared/cq/README.md),
written out here so that a clone of the repository alone checks the answers on the seed.

gold/seed.json is a copy of ../shared/cq/gold/seed.json, the gold for the article in seeds/.
A predicted row matches a gold row when the two are equal after the contract's forgiveness:

* names: case, accents and punctuation do not matter, nor a leading "the"; the gold's aliases
  ("CIPD" for "Canadian Institute for Peace and Diplomacy") are the same name;
* cq03 amounts within 2 %; a null year in the gold means the text gives none, so any year counts;
  a gold row with "between" is undirected trade (either order); a null commodity is a total;
* sectors and areas (cq03 commodity, cq05 sector, cq06 area) up to the gold's sector synonyms;
* rows the gold marks optional (cqNN_optional) are neither right nor wrong;
* cq08 is judged for the entities the gold links (the countries) only.

`compare` pairs gold and predicted rows one to one and returns what is missed and what is extra, so
an exact answer is `([], [])`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

GOLD_FILE = Path(__file__).resolve().parent / "gold" / "seed.json"
CQS = ["cq01_entities", "cq02_roles", "cq03_flows", "cq04_org_home", "cq05_org_activity", "cq06_cooperation",
       "cq07_memberships", "cq08_links"]


def norm(text: object) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _classes(table: dict[str, list[str]]) -> dict[str, str]:
    """{normalised name: normalised canonical name} for every name the table lists."""
    return {norm(name): norm(canon) for canon, names in table.items() for name in [canon, *names]}


@dataclass
class Gold:
    documents: list[str]
    rows: dict[str, list[dict]]
    optional: dict[str, list[dict]]
    aliases: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)

    def name(self, text: object) -> str:
        n = norm(text)
        return self.aliases.get(n, n)

    def area(self, text: object) -> str:
        n = norm(text)
        return self.sectors.get(n, n)


def load_gold(path: Path = GOLD_FILE) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = {cq: data.get(cq, []) for cq in CQS}
    optional = {cq: data.get(cq[:4] + "_optional", []) for cq in CQS}  # "cq01_optional" is cq01_entities'
    return Gold(data["documents"], rows, optional, _classes(data["aliases"]), _classes(data["sectors"]))


def _number(value: object) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def _year(value: object) -> int | None:
    match = re.match(r"\s*(\d{4})", str(value or ""))
    return int(match.group(1)) if match else None


def matches(cq: str, gold: dict, pred: dict, g: Gold) -> bool:
    if cq == "cq01_entities":
        return g.name(gold["label"]) == g.name(pred.get("label")) and norm(gold["kind"]) == norm(pred.get("kind"))
    if cq == "cq02_roles":
        return (g.name(gold["person"]), norm(gold["role"]), g.name(gold["affiliation"])) == (
            g.name(pred.get("person")), norm(pred.get("role")), g.name(pred.get("affiliation")))
    if cq == "cq03_flows":
        if norm(gold["kind"]) != norm(pred.get("kind")):
            return False
        if "between" in gold:
            if {g.name(c) for c in gold["between"]} != {g.name(pred.get("from")), g.name(pred.get("to"))}:
                return False
        elif (g.name(gold["from"]), g.name(gold["to"])) != (g.name(pred.get("from")), g.name(pred.get("to"))):
            return False
        if g.area(gold.get("commodity")) != g.area(pred.get("commodity")):
            return False
        if gold.get("year") is not None and _year(gold["year"]) != _year(pred.get("year")):
            return False
        amount = _number(pred.get("amount"))
        return amount is not None and abs(amount - gold["amount"]) <= 0.02 * abs(gold["amount"])
    if cq == "cq04_org_home":
        return (g.name(gold["org"]), g.name(gold["country"])) == (g.name(pred.get("org")), g.name(pred.get("country")))
    if cq == "cq05_org_activity":
        return (g.name(gold["org"]), g.name(gold["market"]), g.area(gold["sector"]), norm(gold["status"])) == (
            g.name(pred.get("org")), g.name(pred.get("market")), g.area(pred.get("sector")), norm(pred.get("status")))
    if cq == "cq06_cooperation":
        return {g.name(c) for c in gold["countries"]} == {g.name(pred.get("countryA")), g.name(pred.get("countryB"))} \
            and g.area(gold["area"]) == g.area(pred.get("area"))
    if cq == "cq07_memberships":
        return (g.name(gold["member"]), g.name(gold["organization"])) == (
            g.name(pred.get("member")), g.name(pred.get("organization")))
    if cq == "cq08_links":
        return g.name(gold["label"]) == g.name(pred.get("label")) and gold["wikidata"] == pred.get("wikidata")
    raise KeyError(cq)


def compare(cq: str, predicted: list[dict[str, str]], g: Gold) -> tuple[list[dict], list[dict]]:
    """(gold rows no predicted row answers, predicted rows that answer no gold row), pairing one to one."""
    golds = g.rows[cq]
    preds = list({tuple(sorted(r.items())): r for r in predicted}.values())  # a repeated row counts once
    if cq == "cq08_links":  # judged for the entities the gold links
        linked = {g.name(r["label"]) for r in golds}
        preds = [r for r in preds if g.name(r.get("label")) in linked]
    unmatched, missed = list(preds), []
    for gold in golds:
        hit = next((p for p in unmatched if matches(cq, gold, p, g)), None)
        if hit is None:
            missed.append(gold)
        else:
            unmatched.remove(hit)
    extra = [p for p in unmatched if not any(matches(cq, opt, p, g) for opt in g.optional[cq])]
    return missed, extra

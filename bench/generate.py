"""Seeded articles about relations between two countries, in any number, with the facts they plant as gold.

    .venv/bin/python bench/generate.py --count 1000 --seed 7 --out /tmp/gen-1k

Each article is written from varied sentence templates in the phrasings the extraction reads (datelines,
officials with titles, counterparts, trade and investment with amounts and years, companies with their home
countries and the markets they work in, cooperation areas, memberships), about 200 to 300 words.  Names of
people and companies are invented from the small lists below; countries, capitals, groups and sectors come
from the package's own gazetteer.  The same seed gives byte-identical files.  `NNN.json` beside each text is
the gold in the competency questions' format, so `diplograph evaluate --gold DIR DIR` gives a sanity score
(the templates are the extraction's own phrasings: a score on them says nothing about real news).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from diplograph.graph.gazetteer import load_gazetteer

GIVEN = ["Amara", "Bilal", "Carmen", "Dmitri", "Elif", "Farid", "Grace", "Hiroshi", "Ines", "Jonas", "Kemal",
         "Leila", "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tariq", "Ulla", "Viktor", "Wen", "Yusuf"]
FAMILY = ["Abara", "Bergstrom", "Castellano", "Dragunov", "Eriksen", "Fontaine", "Galvao", "Haddad", "Ishikawa",
          "Jovanovic", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Petrescu", "Quintero",
          "Rahimov", "Sandoval", "Tanaka", "Uribe", "Varga", "Wojcik", "Yilmazer", "Zanetti"]
COMPANY_STEM = ["Arvo", "Borea", "Calder", "Dunmore", "Estra", "Falk", "Granit", "Helix", "Istra", "Juniper",
                "Kestrel", "Lumen", "Meridia", "Norvane", "Orion", "Pelican", "Quarry", "Rivent", "Solace", "Tamar"]
COMPANY_TAIL = ["Energy", "Holdings", "Motors", "Logistics", "Agro", "Minerals", "Pharma", "Systems", "Cement",
                "Power"]
SECTOR_OF_TAIL = {"Energy": "energy", "Motors": "automotive", "Logistics": "transport",
                  "Agro": "agriculture", "Minerals": "mining", "Pharma": "pharmaceuticals", "Power": "energy"}
NOUN_OF_TAIL = {"Energy": "energy company", "Motors": "carmaker", "Logistics": "logistics firm",
                "Agro": "agribusiness group", "Minerals": "mining company", "Pharma": "drugmaker",
                "Systems": "technology firm", "Cement": "cement maker", "Power": "utility", "Holdings": "conglomerate"}
AREAS = ["trade", "investment", "energy", "agriculture", "education", "tourism", "health care", "transport",
         "digital technologies", "mining", "culture", "science and technology"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _countries() -> list[tuple[str, str, str, str, str]]:
    """(key, name, adjective, capital, Wikidata IRI) of every country the gazetteer knows all four of."""
    gaz = load_gazetteer()
    adjective = {key: adj for adj, key in sorted(gaz.adjectives.items(), reverse=True)}
    capital = {key: city for city, key in sorted(gaz.capitals.items(), reverse=True)}
    found = []
    for key, country in sorted(gaz.countries.items()):
        if key in adjective and key in capital and country.wikidata and " " not in adjective[key]:
            found.append((key, country.label, adjective[key], capital[key],
                          f"http://www.wikidata.org/entity/{country.wikidata}"))
    return found


def _commodities() -> list[str]:
    gaz = load_gazetteer()
    return sorted(c.label for c in gaz.concepts.values() if c.is_commodity)


def _groups() -> list[tuple[str, frozenset[str]]]:
    gaz = load_gazetteer()
    return sorted((k.label, frozenset(f"country:{m}" for m in k.members)) for k in gaz.known.values() if k.members)


def _person(rng: random.Random, used: set[str]) -> str:
    """A name whose family name no one else in the article has: "Kowalczyk said" must name one person."""
    while True:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        if family not in used:
            used.add(family)
            return f"{given} {family}"


def _company(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        tail = rng.choice(COMPANY_TAIL)
        name = f"{rng.choice(COMPANY_STEM)} {tail}"
        if name not in used:
            used.add(name)
            return name, tail


def article(rng: random.Random, number: int, countries: list, groups: list, commodities: list[str]
            ) -> tuple[str, dict]:
    """One article and its gold."""
    (ka, a, adj_a, cap_a, qa), (kb, b, adj_b, _, qb) = rng.sample(countries, 2)
    used: set[str] = set()
    minister_a, minister_b, envoy = _person(rng, used), _person(rng, used), _person(rng, used)
    (firm_b, tail_b), (firm_a, tail_a) = _company(rng, used), _company(rng, used)
    areas = rng.sample(AREAS, 3)
    year = rng.randrange(2015, 2025)
    trade, invest = round(rng.uniform(0.3, 40), 1), rng.randrange(50, 900)
    gold: dict = {"documents": [f"{number:05d}.txt"], "aliases": {}, "sectors": {},
                  "cq01_entities": [{"label": a, "kind": "Country"}, {"label": b, "kind": "Country"}],
                  "cq02_roles": [], "cq03_flows": [], "cq04_org_home": [], "cq05_org_activity": [],
                  "cq06_cooperation": [{"countries": [a, b], "area": x}  # flows make trade and investment areas
                                       for x in dict.fromkeys([*areas, "trade", "investment"])],
                  "cq07_memberships": [], "cq08_links": [{"label": a, "wikidata": qa}, {"label": b, "wikidata": qb}]}
    for name in (minister_a, minister_b, envoy):
        gold["cq01_entities"].append({"label": name, "kind": "Person"})
    gold["cq02_roles"] += [{"person": minister_a, "role": "foreign minister", "affiliation": a},
                           {"person": minister_b, "role": "foreign minister", "affiliation": b},
                           {"person": envoy, "role": "ambassador", "affiliation": b}]
    paragraphs = [f"{a} and {b} pledge closer ties as ministers meet in {cap_a}", rng.choice([
        f"{cap_a.upper()}, {rng.choice(MONTHS)} {rng.randrange(1, 29)} -- {a} and {b} agreed to expand cooperation "
        f"in {areas[0]}, {areas[1]} and {areas[2]}, {adj_a} Foreign Minister {minister_a} said after talks with "
        f"his {adj_b} counterpart, {minister_b}.",
        f"{cap_a.upper()}, {rng.choice(MONTHS)} {rng.randrange(1, 29)} -- {adj_a} Foreign Minister {minister_a} "
        f"received {adj_b} Foreign Minister {minister_b} on Monday, and the two sides discussed cooperation in "
        f"the fields of {areas[0]}, {areas[1]} and {areas[2]}."])]
    paragraphs.append(rng.choice([
        f"Bilateral trade between {a} and {b} reached ${trade} billion in {year}, according to official data.",
        f"Trade between the two countries amounted to ${trade} billion in {year}, the ministry said."]))
    gold["cq03_flows"].append({"kind": "trade", "between": [a, b], "commodity": None,
                               "amount": round(trade * 1_000_000_000), "year": year})
    commodity = rng.choice(commodities)
    exports = rng.randrange(20, 900)
    paragraphs.append(f"{adj_a} exports of {commodity} to {b} rose to ${exports} million in {year}, while imports of "
                      f"machinery and equipment from {b} also grew, officials said, describing the figures as proof "
                      f"that the partnership had room to expand in the coming years.")
    gold["cq03_flows"].append({"kind": "trade", "from": a, "to": b, "commodity": commodity,
                               "amount": exports * 1_000_000, "year": year})
    paragraphs.append(f"{adj_b} direct investment in {a} totalled ${invest} million in {year}, "
                      f"{adj_b} Ambassador to {a} {envoy} told reporters, adding that more companies were expected.")
    gold["cq03_flows"].append({"kind": "investment", "from": b, "to": a, "commodity": None,
                               "amount": invest * 1_000_000, "year": year})
    sector_b = SECTOR_OF_TAIL.get(tail_b)
    paragraphs.append(rng.choice([
        f"The {adj_b} {NOUN_OF_TAIL[tail_b]} {firm_b} already operates a plant in {a} and plans to open a second "
        f"one there next year.",
        f"{firm_b}, a {adj_b} {NOUN_OF_TAIL[tail_b]}, has been operating in {a} since {year - rng.randrange(2, 9)}."]))
    gold["cq01_entities"].append({"label": firm_b, "kind": "Company"})
    gold["cq04_org_home"].append({"org": firm_b, "country": b})
    gold["cq05_org_activity"].append({"org": firm_b, "market": a, "sector": sector_b, "status": "active"})
    paragraphs.append(f"The {adj_a} {NOUN_OF_TAIL[tail_a]} {firm_a} will build a factory in {b}, "
                      f"its chief executive said at a business forum that gathered some {rng.randrange(40, 300)} "
                      f"companies from both countries.")
    gold["cq01_entities"].append({"label": firm_a, "kind": "Company"})
    gold["cq04_org_home"].append({"org": firm_a, "country": a})
    gold["cq05_org_activity"].append({"org": firm_a, "market": b, "sector": SECTOR_OF_TAIL.get(tail_a),
                                      "status": "planned"})
    shared = [label for label, members in groups if ka in members and kb in members]
    if shared:
        group = rng.choice(shared)
        paragraphs.append(f"Both countries are members of the {group}, and the ministers agreed to coordinate "
                          f"their positions there.")
        gold["cq01_entities"].append({"label": group, "kind": "InternationalOrganization"})
        gold["cq07_memberships"] += [{"member": a, "organization": group}, {"member": b, "organization": group}]
    paragraphs.append(rng.choice([
        f"\"We see great potential in {areas[1]} and {areas[2]},\" {minister_b} said, adding that a joint commission "
        f"would meet in {cap_a} later this year.",
        f"The ministers also signed a memorandum of understanding on {areas[0]} and agreed that the next round "
        f"of consultations would take place in {b}."]))
    return "\n\n".join(paragraphs) + "\n", gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-gold", action="store_true", help="only the texts")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    countries, groups, commodities = _countries(), _groups(), _commodities()
    args.out.mkdir(parents=True, exist_ok=True)
    for number in range(1, args.count + 1):
        text, gold = article(rng, number, countries, groups, commodities)
        (args.out / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        if not args.no_gold:
            (args.out / f"{number:05d}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                         encoding="utf-8")
    print(f"{args.count} articles in {args.out} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

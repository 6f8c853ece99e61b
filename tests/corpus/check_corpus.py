#!/usr/bin/env python3
"""Check the development corpus: every article has its gold and source files,
every gold file parses and follows the format of shared/cq/gold/seed.json.

    python tests/corpus/check_corpus.py                # dev/ and heldout/; exits 1 on any problem
    python tests/corpus/check_corpus.py dev-news       # ... and any other folder named (or a path)

Countries' Wikidata IRIs are checked against the project's own data/country-codes.csv.
tests/corpus/test_check_corpus.py runs the default check under pytest.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDERS = ("dev", "heldout")
COUNTRY_CODES = HERE.parents[1] / "data" / "country-codes.csv"  # the project's copy, so a clone alone runs this
CQ_FIELDS = {
    "cq01_entities": {"label", "kind"},
    "cq02_roles": {"person", "role", "affiliation"},
    "cq03_flows": {"kind", "commodity", "amount", "year"},
    "cq04_org_home": {"org", "country"},
    "cq05_org_activity": {"org", "market", "sector", "status"},
    "cq06_cooperation": {"countries", "area"},
    "cq07_memberships": {"member", "organization"},
    "cq08_links": {"label", "wikidata"},
}
KINDS = {"Person", "Country", "Region", "Organization", "Company", "University", "ThinkTank",
         "GovernmentBody", "InternationalOrganization"}
NAME = re.compile(r"^\d{3,4}_[a-z0-9-]+$")  # numbered from 001; past 999, four digits
# "the Kingdom", "the Embassy": what an article calls an entity it named before, shared by many entities
ANAPHOR = re.compile(r"(?:his |her |its |our |their )?(?:kingdom|sultanate|republic|emirate|state|country|"
                     r"government|embassy|ministry|agency|bank|company|group|union|committee|council|commission|"
                     r"federation|panel|joint panel|university|chamber|authority|fund|centre|center|institute|forum)")


def norm(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace("'s ", " ")
    words = re.sub(r"[^\w\s]", " ", text).split()
    return " ".join(words[1:] if words and words[0] == "the" else words)


def country_qids(path: Path = COUNTRY_CODES) -> dict[str, str]:
    """{normalised country name: Wikidata Q-id}; a missing file is an error, not a silently skipped check."""
    out = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        q = row.get("wikidata_id", "").rsplit("/", 1)[-1]
        for col in ("CLDR display name", "official_name_en", "UNTERM English Short"):
            if row.get(col) and q:
                out[norm(row[col])] = q
    return out


def check_gold(path: Path, txt: Path, qids: dict[str, str], errors: list[str]) -> None:
    def err(msg):
        errors.append(f"{path.name}: {msg}")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        err(f"does not parse: {exc}")
        return
    if gold.get("documents") != [txt.name]:
        err(f"documents {gold.get('documents')} != [{txt.name!r}]")
    for key in ("aliases", "sectors", *CQ_FIELDS):
        if key not in gold:
            err(f"missing key {key}")
    allowed = {"documents", "aliases", "sectors", *CQ_FIELDS, *(k.split("_")[0] + "_optional" for k in CQ_FIELDS)}
    for key in gold:
        if key not in allowed:
            err(f"unknown key {key}")
    names = {}
    for canon, alist in gold.get("aliases", {}).items():
        names[norm(canon)] = canon
        for a in alist:
            names[norm(a)] = canon
            if ANAPHOR.fullmatch(norm(a)):  # pooled scoring would join every kingdom of every article
                err(f"alias {a!r} of {canon!r} is a common noun, not a name")
    for e in gold.get("cq01_entities", []) + gold.get("cq01_optional", []):
        names.setdefault(norm(e.get("label")), e.get("label"))
        if e.get("kind") not in KINDS:
            err(f"bad kind {e}")
    sectors = {norm(s) for s in gold.get("sectors", {})}
    for syns in gold.get("sectors", {}).values():
        sectors.update(norm(s) for s in syns)
    for cq, fields in CQ_FIELDS.items():
        for opt in (False, True):
            key = cq.split("_")[0] + "_optional" if opt else cq
            for row in gold.get(key, []):
                have = set(row)
                need = set(fields)
                if cq == "cq03_flows":
                    need |= {"between"} if "between" in row else {"from", "to"}
                if not need <= have:
                    err(f"{key} row lacks {sorted(need - have)}: {row}")
                    continue
                labels = []
                if cq == "cq02_roles":
                    labels = [row["person"], row["affiliation"]]
                    if row["role"] != row["role"].lower():
                        err(f"role not lower-case: {row}")
                elif cq == "cq03_flows":
                    labels = row.get("between") or [row["from"], row["to"]]
                    if row["kind"] not in ("trade", "investment"):
                        err(f"bad flow kind: {row}")
                    if not isinstance(row["amount"], (int, float)) or row["amount"] <= 0:
                        err(f"bad amount: {row}")
                    if row["year"] is not None and not isinstance(row["year"], int):
                        err(f"bad year: {row}")
                    if row["commodity"] is not None and norm(row["commodity"]) not in sectors:
                        err(f"commodity not in sectors: {row}")
                elif cq == "cq04_org_home":
                    labels = [row["org"], row["country"]]
                elif cq == "cq05_org_activity":
                    labels = [row["org"], row["market"]]
                    if row["status"] not in ("active", "planned"):
                        err(f"bad status: {row}")
                    if row["sector"] is not None and norm(row["sector"]) not in sectors:
                        err(f"sector not in sectors: {row}")
                elif cq == "cq06_cooperation":
                    labels = list(row["countries"])
                    if len(labels) != 2:
                        err(f"cooperation needs two parties: {row}")
                    if norm(row["area"]) not in sectors:
                        err(f"area not in sectors: {row}")
                elif cq == "cq07_memberships":
                    labels = [row["member"], row["organization"]]
                elif cq == "cq08_links":
                    labels = [row["label"]]
                    if not re.match(r"^http://www\.wikidata\.org/entity/Q\d+$", str(row["wikidata"])):
                        err(f"bad wikidata IRI: {row}")
                for label in labels:
                    if norm(label) not in names:
                        err(f"{key}: {label!r} is not an entity of cq01")
    linked = {norm(r["label"]): r["wikidata"] for r in gold.get("cq08_links", [])}
    for e in gold.get("cq01_entities", []):
        if e.get("kind") != "Country":
            continue
        iri = linked.get(norm(e["label"]))
        if iri is None:
            err(f"country {e['label']} has no cq08 link")
            continue
        forms = [e["label"], *gold.get("aliases", {}).get(e["label"], [])]
        want = next((qids[norm(f)] for f in forms if norm(f) in qids), None)
        if want and not iri.endswith("/" + want):
            err(f"country {e['label']} linked to {iri}, country-codes.csv says {want}")


def check_sector_synonyms(tables: dict[str, dict], errors: list[str]) -> None:
    """Every name belongs to one sector across all the gold files checked together.

    Scorers pool gold files and join synonyms transitively, so one synonym listed under two sectors (in one
    file or two) makes those sectors one, for every article of the pool, and pooled scores drift as files are
    added. A sector's own name is never another sector's synonym.
    """
    sectors = {norm(c) for table in tables.values() for c in table}
    first: dict[str, tuple[str, str]] = {}  # synonym -> (its sector, the file that listed it first)
    for name, table in tables.items():
        for canon, synonyms in table.items():
            for s in synonyms:
                n, c = norm(s), norm(canon)
                if n == c:
                    continue
                if n in sectors:
                    errors.append(f"{name}: {s!r} is listed under {canon!r} but is a sector of its own")
                elif first.setdefault(n, (c, name))[0] != c:
                    errors.append(f"{name}: {s!r} is listed under {canon!r}, "
                                  f"but under {first[n][0]!r} in {first[n][1]}")


def folder_path(folder: str | Path) -> Path:
    """A folder of tests/corpus by name, or any folder by path."""
    path = Path(folder)
    return path if path.is_dir() and (path.is_absolute() or not (HERE / folder).is_dir()) else HERE / folder


def check(folders=FOLDERS) -> tuple[list[str], dict[str, int]]:
    """(problems found, articles per folder) for the given folders."""
    errors: list[str] = []
    qids = country_qids()
    counts = {}
    seen_ids = {}
    tables: dict[str, dict] = {}
    for folder in folders:
        base = folder_path(folder)
        folder = str(folder)
        if not base.is_dir():
            errors.append(f"{folder}: no such folder")
            continue
        txts = sorted(base.glob("*.txt"))
        counts[folder] = len(txts)
        stems = {p.stem for p in base.iterdir() if p.is_file()}
        for stem in stems:
            for ext in (".txt", ".json", ".source"):
                if not (base / (stem + ext)).exists():
                    errors.append(f"{folder}/{stem}: missing {ext}")
        for txt in txts:
            if not NAME.match(txt.stem):
                errors.append(f"{txt.name}: name is not NNN_<slug>")
            num = txt.stem.split("_")[0]
            if num in seen_ids:
                errors.append(f"{txt.name}: number {num} also used by {seen_ids[num]}")
            seen_ids[num] = txt.name
            text = txt.read_text(encoding="utf-8")
            lines = text.splitlines()
            if not lines or not lines[0].strip():
                errors.append(f"{txt.name}: first line must be the title")
            words = len(text.split())
            if not 150 <= words <= 600:
                errors.append(f"{txt.name}: {words} words (want 150-600)")
            src = (base / (txt.stem + ".source"))
            if src.exists():
                src_lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
                if len(src_lines) != 1:
                    errors.append(f"{src.name}: want exactly one line")
            gold = base / (txt.stem + ".json")
            if gold.exists():
                check_gold(gold, txt, qids, errors)
                try:
                    tables[gold.name] = json.loads(gold.read_text(encoding="utf-8")).get("sectors", {})
                except ValueError:
                    pass  # reported by check_gold
    check_sector_synonyms(tables, errors)
    return errors, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check the corpus folders (dev/ and heldout/, and any named).")
    ap.add_argument("folders", nargs="*", help="more folders to check: names under tests/corpus, or paths")
    args = ap.parse_args(argv)
    errors, counts = check(list(dict.fromkeys([*FOLDERS, *args.folders])))
    for e in errors:
        print("ERROR", e)
    verdict = "OK" if not errors else f"{len(errors)} problem(s)"
    print(", ".join(f"{k}: {v} articles" for k, v in counts.items()), "-", verdict)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""`diplograph evaluate` (issue 10): the competency-question contract's matching rules on hand-written
rows, the command on the seed, and the same figures as the contract's own scorer on a quarter of tests/corpus/dev."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pipeline_helpers import ROOT, SEEDS, run_cli

from diplograph.evaluate import Gold, as_year, matches, normalise, score_question, wikidata_id

SHARED_CQ = ROOT.parent / "shared" / "cq"
SEED_GOLD = next((p for p in (ROOT / "tests" / "pipeline" / "gold" / "seed.json", SHARED_CQ / "gold" / "seed.json")
                  if p.is_file()), None)
DEV = ROOT / "tests" / "corpus" / "dev"


def gold_of(**data) -> Gold:
    gold = Gold()
    gold.add(data)
    return gold


ALIASES = {"South Korea": ["Republic of Korea", "ROK"], "Korea International Cooperation Agency": ["KOICA"]}
SECTORS = {"energy": ["power", "electricity"], "digital technologies": ["ict", "information technology"]}


# ---------------------------------------------------------------------------
# Names


def test_names_ignore_case_accents_punctuation_and_a_leading_the() -> None:
    assert normalise("The  Türkiye-Azerbaijan Business Council!") == normalise("türkiye azerbaijan business council")
    assert normalise("the United Nations") == "united nations"
    assert normalise("Other Countries") == "other countries"  # "the" only where it leads
    assert normalise("Korea's ambassador") == normalise("Korea ambassador")
    assert normalise("senior adviser") == "senior advisor"


def test_aliases_match_either_way_and_across_gold_files() -> None:
    gold = gold_of(aliases=ALIASES, cq04_org_home=[{"org": "KOICA", "country": "South Korea"}])
    gold.add({"aliases": {"ROK": ["Korea"]}})  # a second file joins "Korea" to the same class
    row = gold.rows["cq04_org_home"][0]
    assert matches("cq04_org_home", row, {"org": "Korea International Cooperation Agency",
                                          "country": "Republic of Korea"}, gold)
    assert matches("cq04_org_home", row, {"org": "the KOICA", "country": "Korea"}, gold)
    assert not matches("cq04_org_home", row, {"org": "KOICA", "country": "North Korea"}, gold)


def test_entity_kinds_of_organisation_count_as_one() -> None:
    gold = gold_of(cq01_entities=[{"label": "Samruk-Kazyna", "kind": "Company"}])
    row = gold.rows["cq01_entities"][0]
    assert matches("cq01_entities", row, {"label": "Samruk Kazyna", "kind": "GovernmentBody"}, gold)
    assert not matches("cq01_entities", row, {"label": "Samruk-Kazyna", "kind": "Person"}, gold)


def test_role_matches_on_the_gold_titles_first_word() -> None:
    gold = gold_of(cq02_roles=[{"person": "Jane Roe", "role": "ambassador", "affiliation": "Canada"}])
    row = gold.rows["cq02_roles"][0]
    assert matches("cq02_roles", row, {"person": "Jane Roe", "role": "Ambassador of Canada to Kazakhstan",
                                       "affiliation": "Canada"}, gold)
    assert not matches("cq02_roles", row, {"person": "Jane Roe", "role": "consul", "affiliation": "Canada"}, gold)


# ---------------------------------------------------------------------------
# Flows: amounts, years, undirected trade


FLOW = {"kind": "trade", "from": "Kazakhstan", "to": "Canada", "commodity": "uranium", "amount": 300000000,
        "year": 2024}


def flow(**changes) -> dict:
    row = {k: (str(v) if v is not None else None) for k, v in {**FLOW, **changes}.items()}
    return {k: v for k, v in row.items() if v is not None}  # unbound variables are absent


def test_amounts_match_within_two_percent() -> None:
    gold = gold_of(cq03_flows=[FLOW])
    assert matches("cq03_flows", FLOW, flow(amount=305_900_000), gold)  # 1.97 % off
    assert matches("cq03_flows", FLOW, flow(amount=294_100_000), gold)
    assert not matches("cq03_flows", FLOW, flow(amount=306_100_000), gold)  # 2.03 % off
    assert not matches("cq03_flows", FLOW, flow(amount=None), gold)


def test_a_null_gold_year_accepts_any_year_and_a_given_year_must_agree() -> None:
    undated = {**FLOW, "year": None}
    gold = gold_of(cq03_flows=[FLOW, undated])
    assert matches("cq03_flows", undated, flow(year=2019), gold)
    assert matches("cq03_flows", undated, flow(year=None), gold)
    assert not matches("cq03_flows", FLOW, flow(year=2023), gold)
    assert not matches("cq03_flows", FLOW, flow(year=None), gold)
    assert as_year("2024-06-30") == 2024 and as_year(None) is None


def test_undirected_trade_matches_either_order_and_directed_trade_only_its_own() -> None:
    between = {"kind": "trade", "between": ["Kazakhstan", "Canada"], "commodity": None, "amount": 5e8, "year": 2024}
    gold = gold_of(cq03_flows=[between, FLOW])
    total = {"kind": "trade", "amount": "500000000", "year": "2024"}
    assert matches("cq03_flows", between, {**total, "from": "Canada", "to": "Kazakhstan"}, gold)
    assert matches("cq03_flows", between, {**total, "from": "Kazakhstan", "to": "Canada"}, gold)
    assert not matches("cq03_flows", between, {**total, "from": "Kazakhstan", "to": "China"}, gold)
    assert not matches("cq03_flows", between, {**total, "commodity": "uranium", "from": "Canada",
                                               "to": "Kazakhstan"}, gold)  # a total is no commodity's flow
    assert not matches("cq03_flows", FLOW, flow(**{"from": "Canada", "to": "Kazakhstan"}), gold)
    assert not matches("cq03_flows", FLOW, flow(kind="investment"), gold)


# ---------------------------------------------------------------------------
# Sectors


def test_sector_synonyms_in_cooperation_and_either_order_of_countries() -> None:
    gold = gold_of(sectors=SECTORS, cq06_cooperation=[{"countryA": "Uzbekistan", "countryB": "South Korea",
                                                       "area": "energy"}])
    row = gold.rows["cq06_cooperation"][0]
    assert matches("cq06_cooperation", row, {"countryA": "South Korea", "countryB": "Uzbekistan",
                                             "area": "electricity"}, gold)
    assert not matches("cq06_cooperation", row, {"countryA": "South Korea", "countryB": "Uzbekistan",
                                                 "area": "ICT"}, gold)


def test_activity_sector_matches_by_synonym_and_may_be_unbound() -> None:
    gold = gold_of(sectors=SECTORS, cq05_org_activity=[{"org": "Eni", "market": "Kazakhstan", "sector": "energy",
                                                        "status": "active"}])
    row = gold.rows["cq05_org_activity"][0]
    base = {"org": "Eni", "market": "Kazakhstan", "status": "active"}
    assert matches("cq05_org_activity", row, {**base, "sector": "power"}, gold)
    assert matches("cq05_org_activity", row, base, gold)
    assert not matches("cq05_org_activity", row, {**base, "sector": "information technology"}, gold)
    assert not matches("cq05_org_activity", row, {**base, "status": "planned"}, gold)


# ---------------------------------------------------------------------------
# Counting: optional rows, duplicates, one-to-one pairing, links


def test_optional_rows_are_neither_right_nor_wrong() -> None:
    gold = gold_of(cq07_memberships=[{"member": "Kazakhstan", "organization": "SCO"}],
                   cq07_optional=[{"member": "Kazakhstan", "organization": "CIS"}])
    predicted = [{"member": "Kazakhstan", "organization": "SCO"}, {"member": "Kazakhstan", "organization": "CIS"},
                 {"member": "Kazakhstan", "organization": "EU"}]
    score = score_question("cq07_memberships", predicted, gold)
    assert (score.gold, score.pred, score.tp) == (1, 2, 1)
    assert score.extra == [{"member": "Kazakhstan", "organization": "EU"}]


def test_optional_entities_are_matched_by_name_alone() -> None:
    gold = gold_of(cq01_entities=[{"label": "Canada", "kind": "Country"}],
                   cq01_optional=[{"label": "Astana", "kind": "Region"}])
    score = score_question("cq01_entities", [{"label": "Canada", "kind": "Country"},
                                             {"label": "Astana", "kind": "Organization"}], gold)
    assert (score.pred, score.tp) == (1, 1)


def test_duplicates_count_once_and_each_gold_row_pairs_with_one_prediction() -> None:
    gold = gold_of(cq03_flows=[FLOW])
    score = score_question("cq03_flows", [flow(), flow(), flow(amount=301_000_000)], gold)
    assert (score.gold, score.pred, score.tp) == (1, 2, 1)  # the near-duplicate is an extra
    assert score.missed == [] and len(score.extra) == 1
    assert (round(score.precision, 2), score.recall, round(score.f1, 3)) == (0.5, 1.0, 0.667)


def test_links_are_scored_for_the_entities_the_gold_links() -> None:
    gold = gold_of(cq08_links=[{"label": "Canada", "wikidata": "http://www.wikidata.org/entity/Q16"}])
    predicted = [{"label": "Canada", "wikidata": "http://www.wikidata.org/entity/Q16"},
                 {"label": "Eni", "wikidata": "http://www.wikidata.org/entity/Q565594"}]
    score = score_question("cq08_links", predicted, gold)
    assert (score.gold, score.pred, score.tp) == (1, 1, 1)
    assert wikidata_id("wd:Q16") == "Q16" and wikidata_id("http://example.org/Q16").startswith("invalid:")


def test_no_gold_rows_means_full_recall_and_no_prediction_zero_precision() -> None:
    score = score_question("cq07_memberships", [], gold_of())
    assert (score.gold, score.pred, score.tp, score.precision, score.recall) == (0, 0, 0, 0.0, 1.0)


# ---------------------------------------------------------------------------
# The command


def evaluate_json(*args: str) -> tuple[int, dict]:
    proc = run_cli("evaluate", *args, "--json", check=False, timeout=1500)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.mark.skipif(SEED_GOLD is None, reason="no seed gold (tests/pipeline/gold or ../shared/cq/gold)")
def test_evaluate_on_the_seed_is_perfect() -> None:
    proc = run_cli("evaluate", "--gold", str(SEED_GOLD), str(SEEDS), "--min-f1", "1")
    assert "overall F1 1.000 (P 1.000 R 1.000) on 1 document(s)" in proc.stdout
    rows = {line.split()[0]: line.split()[1:4] for line in proc.stdout.splitlines() if line.startswith("cq")}
    assert list(rows) == ["cq01_entities", "cq02_roles", "cq03_flows", "cq04_org_home", "cq05_org_activity",
                          "cq06_cooperation", "cq07_memberships", "cq08_links"]
    assert all(gold == pred == tp and int(gold) > 0 for gold, pred, tp in rows.values())


@pytest.mark.skipif(SEED_GOLD is None, reason="no seed gold (tests/pipeline/gold or ../shared/cq/gold)")
def test_a_miss_is_listed_lowers_f1_and_fails_min_f1(tmp_path: Path) -> None:
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    data["cq07_memberships"].append({"member": "Canada", "organization": "Mercosur"})
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("evaluate", "--gold", str(gold), str(SEEDS), "-v", "--min-f1", "0.999", check=False)
    assert proc.returncode == 1
    assert "    missed: member=Canada, organization=Mercosur" in proc.stdout
    assert re.search(r"^cq07_memberships\s+3\s+2\s+2\s", proc.stdout, re.M)
    assert "below --min-f1 0.999" in proc.stderr
    code, result = evaluate_json("--gold", str(gold), str(SEEDS))
    assert code == 0 and result["questions"]["cq07_memberships"]["missed"] == [data["cq07_memberships"][-1]]
    assert result["overall"]["tp"] == result["overall"]["pred"] == result["overall"]["gold"] - 1


def test_evaluate_without_documents_or_gold_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    gold = tmp_path / "gold.json"
    gold.write_text("{}", encoding="utf-8")
    proc = run_cli("evaluate", "--gold", str(gold), str(tmp_path / "empty"), check=False)
    assert proc.returncode == 2 and "no .txt" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("evaluate", "--gold", str(tmp_path / "none.json"), str(SEEDS), check=False)
    assert proc.returncode == 2 and "none.json" in proc.stderr and "Traceback" not in proc.stderr


SCORE_ROW = re.compile(r"^(cq\d\d_\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s", re.M)


def every_fourth_dev_article(folder: Path) -> Path:
    """A quarter of tests/corpus/dev, spread over all of it: the two scorers each build the folder, and the
    whole folder, which grows every session, outgrew CI's time on a slow machine."""
    folder.mkdir()
    for text in sorted(DEV.glob("*.txt"))[::4]:
        for part in (text, text.with_suffix(".json")):
            (folder / part.name).write_bytes(part.read_bytes())
    return folder


@pytest.mark.skipif(not (SHARED_CQ / "score.py").is_file(), reason="no ../shared/cq/score.py to compare with")
def test_same_figures_as_the_contracts_scorer_on_dev(tmp_path: Path) -> None:
    docs = str(every_fourth_dev_article(tmp_path / "dev"))
    score_cmd = [sys.executable, str(SHARED_CQ / "score.py"), "--gold", docs, docs,
                 "--cli", f"{sys.executable} -m diplograph"]
    with ThreadPoolExecutor(2) as pool:
        theirs = pool.submit(subprocess.run, score_cmd, capture_output=True, text=True, cwd=ROOT, timeout=1500)
        ours = pool.submit(evaluate_json, "--gold", docs, docs)
        reference, (_, result) = theirs.result(), ours.result()
    expected = {m[1]: tuple(map(int, m.groups()[1:])) for m in SCORE_ROW.finditer(reference.stdout)}
    assert len(expected) == 8, reference.stdout + reference.stderr
    got = {cq: (q["gold"], q["pred"], q["tp"]) for cq, q in result["questions"].items()}
    assert got == expected
    overall = re.search(r"overall F1 ([\d.]+)", reference.stdout).group(1)
    totals = result["overall"]  # from the counts: the JSON's f1 is already rounded to four places
    precision, recall = totals["tp"] / totals["pred"], totals["tp"] / totals["gold"]
    assert f"{2 * precision * recall / (precision + recall):.3f}" == overall

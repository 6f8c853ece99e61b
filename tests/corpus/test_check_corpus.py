"""check_corpus.py under pytest: the dev/ and heldout/ folders are complete and their gold files well formed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_corpus", HERE / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_corpus)


def test_dev_and_heldout_pass_the_corpus_check() -> None:
    errors, counts = check_corpus.check()
    assert errors == []
    # every article was looked at: one per gold file in each folder (and there are some)
    assert counts == {f: len(list((HERE / f).glob("*.json"))) for f in ("dev", "heldout")}
    assert all(counts.values())


def test_country_codes_come_with_the_repository() -> None:
    """The Wikidata check of countries reads the project's own copy, not ../shared: a clone alone runs it."""
    assert check_corpus.COUNTRY_CODES == HERE.parents[1] / "data" / "country-codes.csv"
    qids = check_corpus.country_qids()
    assert qids["canada"] == "Q16" and qids["kazakhstan"] == "Q232"  # as the seed's gold links them


def _copy_of_a_dev_article(folder: Path) -> tuple[Path, str]:
    """A dev article copied into `folder`: the path of the copy's gold file and its text, for a test to alter."""
    article = next((HERE / "dev").glob("*.txt"))
    folder.mkdir()
    for ext in (".txt", ".source"):
        (folder / (article.stem + ext)).write_bytes(article.with_suffix(ext).read_bytes())
    original = article.with_suffix(".json").read_text(encoding="utf-8")
    (folder / (article.stem + ".json")).write_text(original, encoding="utf-8")
    return folder / (article.stem + ".json"), original


def test_a_broken_gold_file_is_reported(tmp_path: Path) -> None:
    """The check can fail: a copy of a dev article whose gold file misspells its "documents" key."""
    gold_file, gold = _copy_of_a_dev_article(tmp_path / "broken")
    gold_file.write_text(gold.replace('"documents"', '"documentz"', 1), encoding="utf-8")
    errors, counts = check_corpus.check([gold_file.parent])
    assert counts == {str(gold_file.parent): 1}
    assert any("missing key documents" in e or "unknown key documentz" in e for e in errors), errors


def test_an_alias_that_is_a_common_noun_is_reported(tmp_path: Path) -> None:
    """"the Kingdom" as an alias of one country would join every kingdom of the pooled corpus into one."""
    gold_file, text = _copy_of_a_dev_article(tmp_path / "anaphor")
    gold = json.loads(text)
    country = next(e["label"] for e in gold["cq01_entities"] if e["kind"] == "Country")
    gold["aliases"].setdefault(country, []).append("the Kingdom")
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    errors, _ = check_corpus.check([gold_file.parent])
    assert any("'the Kingdom'" in e and "common noun" in e for e in errors), errors


def test_a_four_digit_number_is_its_own(tmp_path: Path) -> None:
    """Past 999 an article's number has four digits: beside "483_x", "4831_y" is a number of its own, and a
    second "483_y" is 483 again."""
    gold_file, text = _copy_of_a_dev_article(tmp_path / "numbers")
    number, slug = gold_file.stem.split("_", 1)
    for other in (number + "1", number):
        folder = tmp_path / other
        folder.mkdir()
        for path in gold_file.parent.iterdir():  # the article, and a copy of it under the other number
            (folder / path.name).write_bytes(path.read_bytes())
            copy = path.name.replace(f"{number}_{slug}", f"{other}_{slug}-copy")
            (folder / copy).write_text(path.read_text(encoding="utf-8").replace(
                f"{number}_{slug}.txt", f"{other}_{slug}-copy.txt"), encoding="utf-8")
        errors, counts = check_corpus.check([folder])
        assert counts == {str(folder): 2}
        collisions = [e for e in errors if "also used by" in e]
        assert collisions == [] if len(other) > len(number) else collisions, errors


def test_a_synonym_of_two_sectors_is_reported(tmp_path: Path) -> None:
    """"airport" under aviation and under transport would make the two one sector for every pooled article."""
    gold_file, text = _copy_of_a_dev_article(tmp_path / "synonyms")
    gold = json.loads(text)
    gold["sectors"] = {**gold["sectors"], "aviation": ["airport"], "transport": ["railways", "airport"]}
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    errors, _ = check_corpus.check([gold_file.parent])
    reported = [e for e in errors if "'airport'" in e]
    assert len(reported) == 1 and "'aviation'" in reported[0] and "'transport'" in reported[0], errors


def test_a_sector_listed_as_another_sectors_synonym_is_reported(tmp_path: Path) -> None:
    gold_file, text = _copy_of_a_dev_article(tmp_path / "sector-as-synonym")
    gold = json.loads(text)
    gold["sectors"] = {**gold["sectors"], "logistics": [], "transport": ["logistics"]}
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    errors, _ = check_corpus.check([gold_file.parent])
    assert f"{gold_file.name}: 'logistics' is listed under 'transport' but is a sector of its own" in errors

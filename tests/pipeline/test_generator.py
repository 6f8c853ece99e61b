"""The bench's article generator: seeded, reproducible, and its gold names what its text says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_articles(tmp_path: Path) -> None:
    generate = _generator()
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        assert generate.main(["--count", "4", "--seed", str(seed), "--out", str(tmp_path / name)]) == 0
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == ["00001.json", "00001.txt", "00002.json", "00002.txt", "00003.json", "00003.txt",
                     "00004.json", "00004.txt"]
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    assert (tmp_path / "a" / "00001.txt").read_bytes() != (tmp_path / "c" / "00001.txt").read_bytes()


def test_every_planted_name_and_figure_is_in_its_article(tmp_path: Path) -> None:
    _generator().main(["--count", "6", "--seed", "11", "--out", str(tmp_path)])
    for gold_file in sorted(tmp_path.glob("*.json")):
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for row in gold["cq01_entities"]:
            assert row["label"] in text, (gold_file.name, row)
        for row in gold["cq02_roles"]:
            assert row["person"] in text and row["affiliation"] in text
        for row in gold["cq03_flows"]:
            amount = row["amount"]
            assert f"${amount / 1e9:g} billion" in text or f"${amount // 1_000_000} million" in text, row
        assert len(text.split()) >= 150

"""Facts below the confidence threshold stay out of the queried graph but can be listed."""

from __future__ import annotations

from pathlib import Path

from diplograph.graph import build as api
from diplograph.graph import store as stores

ROOT = Path(__file__).resolve().parents[2]
DG = "https://w3id.org/diplograph/ontology#"


def _count(store_dir: Path, where: str) -> int:
    rows = stores.query(stores.open_store(store_dir, read_only=True),
                        f"PREFIX dg: <{DG}> SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {where} }}")
    return int(next(iter(rows))["n"].value)


def test_threshold_moves_facts_to_candidates(tmp_path: Path) -> None:
    everything, strict = tmp_path / "all", tmp_path / "strict"
    api.build([ROOT / "seeds"], everything, min_confidence=0.0)
    summary = api.build([ROOT / "seeds"], strict, min_confidence=0.75)
    low = _count(everything, "?f dg:confidence ?c FILTER(?c < 0.75)")
    assert low > 0, "the seed should have some facts below 0.75 for this test to mean anything"
    assert summary.results[0].candidates == low
    # kept out: no low fact is asserted in the strict store ...
    assert _count(strict, "?f a ?kind ; dg:confidence ?c FILTER(?c < 0.75 && ?kind != dg:CandidateFact)") == 0
    # ... but every one of them can be listed, with its sentence
    assert _count(strict, "?f a dg:CandidateFact ; <http://www.w3.org/ns/prov#wasDerivedFrom>/dg:text ?t") == low
    assert _count(strict, "?f dg:confidence ?c FILTER(?c >= 0.75)") == _count(
        everything, "?f dg:confidence ?c FILTER(?c >= 0.75)")


def test_candidates_assert_nothing(tmp_path: Path) -> None:
    """A candidate trade flow is described by rdf:Statement nodes, never as a dg:TradeFlow with an amount."""
    store_dir = tmp_path / "s"
    api.build([ROOT / "seeds"], store_dir, min_confidence=1.0)
    assert _count(store_dir, "?f dg:amount ?a") == 0
    assert _count(store_dir, "?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ; "
                             "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> dg:amount ; "
                             "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?f") > 0

"""`diplograph train`: fit the learned relation readers on annotated articles.

Every organisation (or international group) and country a sentence names together is one example
(`training_candidates`), and so is every sector a sentence names; an example is a home, a market, a
membership or an area where the article's gold says so (`cq04`, `cq05`, `cq07`, `cq06`), and no example at
all where the gold calls that fact optional.  A logistic model with an L2 penalty is fitted on the examples'
features; its threshold comes from cross-validation by article (`choose_threshold`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from diplograph.evaluate import Gold, gold_files, load_gold
from diplograph.graph.extract import assemble, extract_views, read_views, training_candidates
from diplograph.graph.extract.learned import FACT_KINDS, FAMILY, RELATIONS, STATUS, Candidate, Model, stated
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph.resolve import resolve_mentions

# each relation's question, and its keys for the organisation (or group) and for the country
GOLD_KEYS = {"home": ("cq04", "org", "country"), "activity": ("cq05", "org", "market"),
             "membership": ("cq07", "organization", "member")}


class TrainingError(ValueError):
    """Annotated articles that cannot be trained on; the message names the file."""


@dataclass
class Example:
    document: str
    candidate: Candidate
    org: str  # the organisation's and the country's names as the gold compares them
    country: str
    labels: dict[str, int | None]  # relation -> 1, 0, or None where the gold calls the fact optional
    planned: int | None  # for a market: 1 planned, 0 active, None not a market or both
    ruled: dict[str, bool]  # relation -> whether the rules already state the fact


def _pairs(data: dict, relation: str, gold: Gold, optional: bool) -> set[tuple[str, str]]:
    """The gold's facts of a relation as the candidates' keys compare them."""
    if relation == "cooperation":
        rows = data.get("cq06_optional" if optional else "cq06_cooperation", [])
        return {(gold.area(r["area"]), "") for r in rows}
    cq, org, country = GOLD_KEYS[relation]
    key = f"{cq}_optional" if optional else next((k for k in data if k.startswith(cq + "_")
                                                   and not k.endswith("_optional")), "")
    return {(gold.name(r[org]), gold.name(r[country])) for r in data.get(key, [])}


def examples(gold_paths: Sequence[str | Path], progress: Callable[[int, int, str], None] | None = None
             ) -> list[Example]:
    """Every candidate pair of every annotated article, labelled by its gold."""
    files = gold_files(gold_paths)
    if not files:
        raise TrainingError(f"no gold files (*.json) in {', '.join(map(str, gold_paths))}")
    gold, gaz = load_gold(files), load_gazetteer()
    found: list[Example] = []
    for n, path in enumerate(files, 1):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            texts = [path.parent / d for d in data["documents"]]
        except (OSError, ValueError, KeyError) as error:
            raise TrainingError(f"{path}: not a gold file ({error})") from error
        for text_path in texts:
            if not text_path.exists():
                raise TrainingError(f"{path}: its document {text_path} does not exist")
            if progress:
                progress(n, len(files), str(text_path))
            found += _document_examples(text_path, data, gold, gaz)
    return found


def _document_examples(text_path: Path, data: dict, gold: Gold, gaz: Gazetteer) -> list[Example]:
    text = text_path.read_text(encoding="utf-8")
    sentences, views = read_views(text)
    facts = extract_views(views, gaz, learned=False)
    resolution = resolve_mentions(assemble(sentences, views, facts), text, gaz)
    said = stated(facts)
    wanted = {r: _pairs(data, r, gold, False) for r in RELATIONS}
    statuses: dict[tuple[str, str], set[str]] = {}
    for row in data.get("cq05_org_activity", []):
        statuses.setdefault((gold.name(row["org"]), gold.name(row["market"])), set()).add(row.get("status"))
    optional = {r: _pairs(data, r, gold, True) for r in RELATIONS}
    found = []
    for cand in training_candidates(views, gaz):
        if cand.family == "area":
            org, country = gold.area(gaz.concepts[cand.sector].label), ""
        else:
            offset = sentences[cand.sentence].start
            key = resolution.entity_of.get((cand.org.start + offset, cand.org.end + offset))
            label = resolution.entities[key].label if key in resolution.entities else cand.org.text
            org, country = gold.name(label), gold.name(gaz.label_of(cand.place.key))
        labels: dict[str, int | None] = {}
        for r in RELATIONS:
            pair = (org, country)
            labels[r] = None if FAMILY[r] != cand.family else 1 if pair in wanted[r] else (
                None if pair in optional[r] else 0)
        ruled = {r: (r, *cand.key()) in said for r in RELATIONS}
        status = statuses.get((org, country), set())
        planned = None if len(status) != 1 else int("planned" in status)
        found.append(Example(text_path.name, cand, org, country, labels, planned, ruled))
    return found


# ---------------------------------------------------------------------------
# Fitting


def fit(features: list[tuple[str, ...]], labels: list[int], l2: float = 1.0, epochs: int = 400,
        min_count: int = 2) -> tuple[float, dict[str, float]]:
    """Logistic regression by full-batch Adam on sparse binary features; features seen fewer than
    `min_count` times are left out."""
    counts: dict[str, int] = {}
    for fs in features:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows, cols = [], []
    for r, fs in enumerate(features):
        for f in set(fs):
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    y = np.array(labels, dtype=np.float64)
    n = len(labels)
    w, b = np.zeros(len(vocab)), 0.0
    m, v, mb, vb = np.zeros(len(vocab)), np.zeros(len(vocab)), 0.0, 0.0
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = b + np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        error = (p - y) / n
        gw = np.bincount(cols_a, weights=error[rows_a], minlength=len(vocab)) + l2 * w / n
        gb = float(error.sum())
        m, v = beta1 * m + (1 - beta1) * gw, beta2 * v + (1 - beta2) * gw * gw
        mb, vb = beta1 * mb + (1 - beta1) * gb, beta2 * vb + (1 - beta2) * gb * gb
        w -= rate * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
        b -= rate * (mb / (1 - beta1 ** t)) / (np.sqrt(vb / (1 - beta2 ** t)) + eps)
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-3}
    return round(b, 4), weights


def cross_validated(data: list[Example], relation: str, folds: int = 10, seed: int = 7, **options: float
                    ) -> list[tuple[Example, float]]:
    """Each example's probability from a model fitted without its article."""
    data = [e for e in data if e.labels[relation] is not None]
    documents = sorted({e.document for e in data})
    random.Random(seed).shuffle(documents)
    fold_of = {d: i % folds for i, d in enumerate(documents)}
    scored = []
    for k in range(folds):
        train = [e for e in data if fold_of[e.document] != k]
        bias, weights = fit([e.candidate.features for e in train], [e.labels[relation] for e in train], **options)
        model = Model(relation, bias, weights, 0.5)
        scored += [(e, model.probability(e.candidate.features)) for e in data if fold_of[e.document] == k]
    return scored


def added_facts(scored: list[tuple[Example, float]], relation: str, threshold: float) -> tuple[int, int]:
    """Right and wrong facts the model adds to the rules' at a threshold, one per article, organisation and
    country (optional ones count neither way)."""
    best: dict[tuple[str, str, str], tuple[float, Example]] = {}
    ruled = {(e.document, e.org, e.country) for e, _ in scored if e.ruled[relation]}
    for e, p in scored:
        key = (e.document, e.org, e.country)
        if key not in ruled and p >= threshold and p > best.get(key, (0.0, e))[0]:
            best[key] = (p, e)
    right = sum(1 for _, e in best.values() if e.labels[relation] == 1)
    wrong = sum(1 for _, e in best.values() if e.labels[relation] == 0)
    return right, wrong


def standalone_facts(scored: list[tuple[Example, float]], relation: str, threshold: float) -> tuple[int, int]:
    """Right and wrong facts the model alone states at a threshold, one per article, organisation and country
    (optional ones count neither way)."""
    judged = {(e.document, e.org, e.country): e.labels[relation] for e, p in scored if p >= threshold}
    return sum(1 for label in judged.values() if label == 1), sum(1 for label in judged.values() if label == 0)


def choose_threshold(scored: list[tuple[Example, float]], relation: str, min_precision: float,
                     min_added: float = 0.6) -> float:
    """The lowest threshold at which the model on its own is right at least `min_precision` of the time and
    what it adds to the rules at least `min_added` of the time; 1.0, which no probability reaches, where
    there is none.  Added facts raise a question's F1 only where they are right more often than half its
    F1, and on fresh articles they were right less often than on the development corpus they were
    cross-validated on: hence 0.6, a margin over that break-even of about 0.4."""
    for threshold in [t / 100 for t in range(30, 100, 2)]:
        right, wrong = standalone_facts(scored, relation, threshold)
        added_right, added_wrong = added_facts(scored, relation, threshold)
        if right + wrong and right / (right + wrong) >= min_precision and (
                added_right + added_wrong == 0 or added_right / (added_right + added_wrong) >= min_added):
            return threshold
    return 1.0


def train(data: list[Example], relation: str, min_precision: float = 0.8, **options: float) -> dict:
    """A model of one relation, as the JSON `load_model` reads."""
    scored = cross_validated(data, relation, **options)
    threshold = choose_threshold(scored, relation, min_precision)
    right, wrong = standalone_facts(scored, relation, threshold)
    added_right, added_wrong = added_facts(scored, relation, threshold)
    usable = [e for e in data if e.labels[relation] is not None]
    bias, weights = fit([e.candidate.features for e in usable], [e.labels[relation] for e in usable], **options)
    return {"relation": relation, "fact": FACT_KINDS[relation], "threshold": threshold, "bias": bias,
            "examples": len(usable), "positives": sum(e.labels[relation] for e in usable),
            "articles": len({e.document for e in data}),
            "cross_validated": {"min_precision": min_precision, "right": right, "wrong": wrong,
                                "added_to_the_rules_right": added_right, "added_to_the_rules_wrong": added_wrong},
            "weights": dict(sorted(weights.items()))}


def train_status(data: list[Example], folds: int = 10, seed: int = 7) -> dict:
    """Whether an organisation's activity in a market is planned or already runs, learned from the gold's
    statuses of the pairs it names as markets; cross-validated accuracy against always saying "active"."""
    usable = [e for e in data if e.planned is not None and e.candidate.family == "organisation"]
    documents = sorted({e.document for e in usable})
    random.Random(seed).shuffle(documents)
    fold_of = {d: i % folds for i, d in enumerate(documents)}
    right = 0
    for k in range(folds):
        bias, weights = fit([e.candidate.features for e in usable if fold_of[e.document] != k],
                            [e.planned for e in usable if fold_of[e.document] != k])
        model = Model(STATUS, bias, weights, 0.5)
        right += sum((model.probability(e.candidate.features) >= 0.5) == e.planned
                     for e in usable if fold_of[e.document] == k)
    bias, weights = fit([e.candidate.features for e in usable], [e.planned for e in usable])
    planned = sum(e.planned for e in usable)
    return {"relation": STATUS, "fact": "MarketActivity status (1 planned, 0 active)", "threshold": 0.5,
            "bias": bias, "examples": len(usable), "positives": planned,
            "articles": len(documents),
            "cross_validated": {"accuracy": round(right / max(1, len(usable)), 3),
                                "always_active": round(1 - planned / max(1, len(usable)), 3)},
            "weights": dict(sorted(weights.items()))}


# Areas of cooperation are left out unless asked for: on fresh articles their additions were right 4 times
# in 17, against 6 in 10 cross-validated on the development corpus (bench/README.md).
DEFAULT_RELATIONS = ("home", "activity", "membership")


def write_models(gold_paths: Sequence[str | Path], out: Path, min_precision: float = 0.8,
                 progress: Callable[[int, int, str], None] | None = None,
                 relations: Sequence[str] = DEFAULT_RELATIONS) -> dict[str, dict]:
    """Train the relations' models (and the status of market activity) on the annotated articles and write
    them to `out`; a relation left out has no model there, so extraction leaves it to the rules."""
    unknown = [r for r in relations if r not in RELATIONS]
    if unknown:
        raise TrainingError(f"--relations: unknown {', '.join(unknown)} (known: {', '.join(RELATIONS)})")
    data = examples(gold_paths, progress)
    out.mkdir(parents=True, exist_ok=True)
    models = {}
    for relation in relations:
        model = train(data, relation, min_precision)
        (out / f"{relation}.json").write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
        models[relation] = model
    models[STATUS] = train_status(data)
    (out / f"{STATUS}.json").write_text(json.dumps(models[STATUS], indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    return models

"""`diplograph evaluate`: measure extraction against competency-question gold files.

This is the project's own implementation of the competency-question contract's matching
(the contract's reference scorer lives outside the project, in ../shared/cq/score.py, and
gives the same figures).  A gold file is JSON: ``documents``, ``aliases`` (name -> other
names), ``sectors`` (area -> synonyms), one list of rows per question (``cq01_entities`` …
``cq08_links``) and optional ``cqNN_optional`` lists of debatable rows.

Matching, as a reader would judge it:

* names compare after normalisation (case, accents, punctuation, a possessive ``'s``, a
  leading "the", adviser/advisor) and through the gold's aliases; sectors through its synonyms;
* organisation kinds (Company, University, …) all count as Organization;
* an amount matches within 2 % of the gold's; a gold year of null means any year counts;
* undirected trade (``"between": [A, B]``) matches a flow in either direction;
* a role matches when the gold title's first word is among the predicted title's words;
* an activity without a sector matches whatever sector the gold gives;
* a predicted row that only matches an optional gold row is neither right nor wrong;
* links (cq08) are scored only for the entities the gold links.

The small functions here are pure; `evaluate` builds a store and runs the queries.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

QUESTIONS: dict[str, tuple[str, ...]] = {
    "cq01_entities": ("label", "kind"),
    "cq02_roles": ("person", "role", "affiliation"),
    "cq03_flows": ("kind", "from", "to", "commodity", "amount", "year"),
    "cq04_org_home": ("org", "country"),
    "cq05_org_activity": ("org", "market", "sector", "status"),
    "cq06_cooperation": ("countryA", "countryB", "area"),
    "cq07_memberships": ("member", "organization"),
    "cq08_links": ("label", "wikidata"),
}
ORGANIZATION_KINDS = frozenset({"organization", "company", "university", "thinktank", "governmentbody",
                                "internationalorganization"})
SPELLING_VARIANTS = {"adviser": "advisor", "advisers": "advisors"}
AMOUNT_TOLERANCE = 0.02
WIKIDATA_IRI = re.compile(r"^(?:https?://www\.wikidata\.org/entity/|wd:)?(Q\d+)$")

Row = dict[str, str]


# ---------------------------------------------------------------------------
# Normalisation


def normalise(text: object) -> str:
    """Lower case, no accents or punctuation, no possessive 's, no leading "the"; None is ""."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace("\u2019", "'").replace("'s ", " ")
    words = [SPELLING_VARIANTS.get(w, w) for w in re.sub(r"[^\w\s]", " ", plain).split()]
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def as_number(value: object) -> float | None:
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        return None


def as_year(value: object) -> int | None:
    """The year a value starts with ("2023", "2023-06-30"); None when there is none."""
    found = re.match(r"\s*(\d{4})", "" if value is None else str(value))
    return int(found.group(1)) if found else None


def wikidata_id(value: object) -> str:
    """"Q42" for a Wikidata entity IRI, wd:Q42 or Q42; anything else stays distinct and never matches."""
    text = "" if value is None else str(value).strip()
    found = WIKIDATA_IRI.match(text)
    return found.group(1) if found else "invalid:" + str(value)


def kind_group(kind: object) -> str:
    compact = normalise(kind).replace(" ", "")
    return "organization" if compact in ORGANIZATION_KINDS else compact


def amounts_agree(gold: object, predicted: object) -> bool:
    g, p = as_number(gold), as_number(predicted)
    return g is not None and p is not None and abs(g - p) <= AMOUNT_TOLERANCE * abs(g)


# ---------------------------------------------------------------------------
# The gold


class Equivalence:
    """Classes of equivalent names (union-find), so several gold files pool their aliases.
    Each class is represented by its smallest member, whatever order the files are read in."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        while self._parent.get(name, name) != name:
            name = self._parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Gold:
    documents: list[str] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=lambda: {cq: [] for cq in QUESTIONS})
    optional: dict[str, list[Row]] = field(default_factory=lambda: {cq: [] for cq in QUESTIONS})
    aliases: Equivalence = field(default_factory=Equivalence)
    sectors: Equivalence = field(default_factory=Equivalence)
    # each name's class, looked up once: scoring a corpus compares the same names many thousand times
    _classes: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def add(self, data: dict) -> None:
        """Pool one gold file's content into this gold."""
        self._classes.clear()
        self.documents += data.get("documents", [])
        for canonical, names in data.get("aliases", {}).items():
            for name in names:
                self.aliases.join(normalise(canonical), normalise(name))
        for canonical, names in data.get("sectors", {}).items():
            for name in names:
                self.sectors.join(normalise(canonical), normalise(name))
        for cq in QUESTIONS:
            self.rows[cq] += data.get(cq, [])
            self.optional[cq] += data.get(cq.split("_")[0] + "_optional", [])

    def name(self, text: object) -> str:
        return self._class_of("name", text, self.aliases)

    def area(self, text: object) -> str:
        return self._class_of("area", text, self.sectors)

    def _class_of(self, family: str, text: object, classes: Equivalence) -> str:
        if not isinstance(text, str):
            return classes.find(normalise(text))
        found = self._classes.get((family, text))
        if found is None:
            found = self._classes[(family, text)] = classes.find(normalise(text))
        return found

    def unique_rows(self, cq: str) -> list[Row]:
        """The question's gold rows, each distinct row once, in file order."""
        return list({json.dumps(row, sort_keys=True): row for row in self.rows[cq]}.values())


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the *.json inside folders named."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return found


def load_gold(paths: Iterable[str | Path]) -> Gold:
    gold = Gold()
    for path in gold_files(paths):
        gold.add(json.loads(Path(path).read_text(encoding="utf-8")))
    return gold


# ---------------------------------------------------------------------------
# Keys and matching


def row_key(cq: str, row: Row, gold: Gold) -> tuple:
    """What a row is about, comparable between gold and predicted rows (amounts, roles and
    activity sectors are compared by `matches` on top of the key)."""
    if cq == "cq01_entities":
        return (gold.name(row.get("label")), kind_group(row.get("kind")))
    if cq == "cq02_roles":
        return (gold.name(row.get("person")), gold.name(row.get("affiliation")))
    if cq == "cq03_flows":
        if "between" in row:
            direction: tuple = ("between", frozenset(gold.name(c) for c in row["between"]))
        else:
            direction = (gold.name(row.get("from")), gold.name(row.get("to")))
        return (normalise(row.get("kind")), direction, gold.area(row.get("commodity")) or None,
                as_year(row.get("year")))
    if cq == "cq04_org_home":
        return (gold.name(row.get("org")), gold.name(row.get("country")))
    if cq == "cq05_org_activity":
        return (gold.name(row.get("org")), gold.name(row.get("market")), normalise(row.get("status")))
    if cq == "cq06_cooperation":
        parties = row.get("countries") or [row.get("countryA"), row.get("countryB")]
        return (frozenset(gold.name(c) for c in parties), gold.area(row.get("area")))
    if cq == "cq07_memberships":
        return (gold.name(row.get("member")), gold.name(row.get("organization")))
    if cq == "cq08_links":
        return (gold.name(row.get("label")), wikidata_id(row.get("wikidata")))
    raise KeyError(cq)


def _flow_matches(gold_row: Row, predicted: Row, gold: Gold) -> bool:
    kind, direction, commodity, year = row_key("cq03_flows", gold_row, gold)
    p_kind, p_direction, p_commodity, p_year = row_key("cq03_flows", predicted, gold)
    if (kind, commodity) != (p_kind, p_commodity):
        return False
    if year is not None and year != p_year:
        return False
    if direction[0] == "between":
        parties = p_direction[1] if p_direction[0] == "between" else frozenset(p_direction)
        if parties != direction[1]:
            return False
    elif p_direction != direction:
        return False
    return amounts_agree(gold_row.get("amount"), predicted.get("amount"))


def matches(cq: str, gold_row: Row, predicted: Row, gold: Gold) -> bool:
    """Whether a predicted row states the gold row's fact."""
    if cq == "cq03_flows":
        return _flow_matches(gold_row, predicted, gold)
    if row_key(cq, gold_row, gold) != row_key(cq, predicted, gold):
        return False
    if cq == "cq02_roles":
        gold_title = normalise(gold_row.get("role")).split()
        return bool(gold_title) and gold_title[0] in normalise(predicted.get("role")).split()
    if cq == "cq05_org_activity":
        sector = predicted.get("sector")
        return not sector or gold.area(sector) == gold.area(gold_row.get("sector"))
    return True


def is_optional(cq: str, predicted: Row, gold: Gold, optional: dict[tuple, list[Row]] | None = None) -> bool:
    """Whether the row states one of the gold's optional (debatable) facts; for entities and
    links the name alone decides.  `optional` is the gold's optional rows indexed by `block`."""
    if cq in ("cq01_entities", "cq08_links"):
        return any(gold.name(row.get("label")) == gold.name(predicted.get("label")) for row in (
            gold.optional[cq] if optional is None else optional.get((gold.name(predicted.get("label")),), [])))
    rows = gold.optional[cq] if optional is None else optional.get(block(cq, predicted, gold), [])
    return any(matches(cq, row, predicted, gold) for row in rows)


def block(cq: str, row: Row, gold: Gold) -> tuple:
    """What two rows must share to match at all: the key, or for flows their kind and commodity (amounts,
    years and directions are compared pairwise).  Scoring compares a row only with rows of its block."""
    key = row_key(cq, row, gold)
    return (key[0], key[2]) if cq == "cq03_flows" else key


def _by_block(cq: str, rows: Iterable[Row], gold: Gold, by_name: bool = False) -> dict[tuple, list[Row]]:
    index: dict[tuple, list[Row]] = {}
    for row in rows:
        index.setdefault((gold.name(row.get("label")),) if by_name else block(cq, row, gold), []).append(row)
    return index


def scored_predictions(cq: str, rows: Iterable[Row], gold_rows: Sequence[Row], gold: Gold) -> list[Row]:
    """The predicted rows that count: duplicates (the same key, amount, role and sector) once,
    links only for entities the gold links, and no row that only states an optional fact."""
    linked = {gold.name(r.get("label")) for r in gold_rows} if cq == "cq08_links" else None
    optional = _by_block(cq, gold.optional[cq], gold, by_name=cq in ("cq01_entities", "cq08_links"))
    golds = _by_block(cq, gold_rows, gold)
    seen: set = set()
    kept: list[Row] = []
    for row in rows:
        identity = (row_key(cq, row, gold), row.get("amount"), row.get("role"), row.get("sector"))
        if identity in seen:
            continue
        seen.add(identity)
        if linked is not None and gold.name(row.get("label")) not in linked:
            continue
        if is_optional(cq, row, gold, optional) and not any(
                matches(cq, g, row, gold) for g in golds.get(block(cq, row, gold), [])):
            continue
        kept.append(row)
    return kept


@dataclass
class QuestionScore:
    question: str
    gold: int
    pred: int
    tp: int
    missed: list[Row] = field(default_factory=list)
    extra: list[Row] = field(default_factory=list)
    note: str = ""

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_question(cq: str, rows: Iterable[Row], gold: Gold, note: str = "") -> QuestionScore:
    """Pair each gold row, in order, with the first still unpaired predicted row that matches it."""
    gold_rows = gold.unique_rows(cq)
    predicted = scored_predictions(cq, rows, gold_rows, gold)
    candidates: dict[tuple, list[int]] = {}  # the predicted rows of each block, in order
    for i, row in enumerate(predicted):
        candidates.setdefault(block(cq, row, gold), []).append(i)
    paired: set[int] = set()
    missed: list[Row] = []
    for gold_row in gold_rows:
        hit = next((i for i in candidates.get(block(cq, gold_row, gold), []) if i not in paired
                    and matches(cq, gold_row, predicted[i], gold)), None)
        if hit is None:
            missed.append(gold_row)
        else:
            paired.add(hit)
    unpaired = [row for i, row in enumerate(predicted) if i not in paired]
    return QuestionScore(cq, len(gold_rows), len(predicted), len(gold_rows) - len(missed), missed, unpaired, note)


@dataclass
class Evaluation:
    questions: list[QuestionScore]
    documents: int
    build_seconds: float | None = None

    @property
    def tp(self) -> int:
        return sum(q.tp for q in self.questions)

    @property
    def gold(self) -> int:
        return sum(q.gold for q in self.questions)

    @property
    def pred(self) -> int:
        return sum(q.pred for q in self.questions)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def describe(row: Row) -> str:
    return ", ".join(f"{k}={v}" for k, v in row.items() if v not in (None, ""))


def table(result: Evaluation, verbose: bool = False) -> str:
    """The per-question table, misses and extras with `verbose`, and the overall line."""
    lines = [f"{'question':<20}{'gold':>6}{'pred':>6}{'tp':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for q in result.questions:
        note = f"  ({q.note})" if q.note else ""
        lines.append(f"{q.question:<20}{q.gold:>6}{q.pred:>6}{q.tp:>5}{q.precision:>7.2f}{q.recall:>7.2f}"
                     f"{q.f1:>7.2f}{note}")
        if verbose:
            lines += [f"    missed: {describe(row)}" for row in q.missed]
            lines += [f"    extra:  {describe(row)}" for row in q.extra]
    lines.append(f"overall F1 {result.f1:.3f} (P {result.precision:.3f} R {result.recall:.3f}) "
                 f"on {result.documents} document(s)")
    return "\n".join(lines)


def as_json(result: Evaluation) -> dict:
    def figures(item) -> dict:
        return {"gold": item.gold, "pred": item.pred, "tp": item.tp, "precision": round(item.precision, 4),
                "recall": round(item.recall, 4), "f1": round(item.f1, 4)}

    return {
        "documents": result.documents,
        "build_seconds": None if result.build_seconds is None else round(result.build_seconds, 2),
        "questions": {q.question: {**figures(q), "note": q.note or None, "missed": q.missed, "extra": q.extra}
                      for q in result.questions},
        "overall": figures(result),
    }


# ---------------------------------------------------------------------------
# Running the questions


class EvaluationError(RuntimeError):
    """The documents could not be built, or the gold could not be read."""


def query_rows(store, path: Path) -> list[Row]:
    """A SELECT query's rows as {variable: lexical value}, unbound variables left out."""
    from diplograph.graph import store as stores

    solutions = stores.query(store, path.read_text(encoding="utf-8"))
    names = [v.value for v in solutions.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in solutions]


def score_store(store, gold: Gold, queries_dir: Path) -> list[QuestionScore]:
    """Each question's score on an open store; a missing or failing query scores zero, with the reason."""
    scores = []
    for cq in QUESTIONS:
        path = queries_dir / f"{cq}.rq"
        if not path.exists():
            scores.append(score_question(cq, [], gold, "missing query"))
            continue
        try:
            rows = query_rows(store, path)
        except Exception as exc:  # a broken query scores zero, with the reason
            scores.append(score_question(cq, [], gold, f"query failed: {exc}"))
            continue
        scores.append(score_question(cq, rows, gold))
    return scores


def evaluate(gold_paths: Sequence[str | Path], docs: Sequence[str | Path], queries_dir: Path | None = None,
             base_iri: str | None = None, warn=None, progress=None) -> Evaluation:
    """Build a temporary store from the documents, run the competency questions and score them."""
    from diplograph.graph import build as api
    from diplograph.graph import store as stores
    from diplograph.graph.config import QUERIES_DIR
    from diplograph.graph.documents import collect

    files = gold_files(gold_paths)
    missing = [str(p) for p in files if not Path(p).is_file()]
    if not files or missing:
        raise EvaluationError(f"no gold file at {', '.join(missing or map(str, gold_paths))}")
    try:
        gold = load_gold(files)
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read the gold: {exc}") from exc
    if not collect(list(docs)):
        raise EvaluationError(f"no .txt documents in {', '.join(map(str, docs))}")
    with tempfile.TemporaryDirectory(prefix="diplograph-evaluate-") as tmp:
        started = time.perf_counter()
        summary = api.build(docs, Path(tmp) / "store", base_iri, progress=progress)
        seconds = time.perf_counter() - started
        if summary.failed:
            raise EvaluationError("the build failed: " + "; ".join(r.message for r in summary.failed))
        if warn:
            for r in summary.results:
                if r.message:
                    warn(f"{r.path}: {r.message}")
        store = stores.open_store(Path(tmp) / "store", read_only=True)
        try:
            scores = score_store(store, gold, Path(queries_dir or QUERIES_DIR))
        finally:
            del store
    return Evaluation(scores, len(gold.documents), seconds)

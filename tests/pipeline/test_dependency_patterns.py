"""The dependency patterns (data/patterns/*.jsonl, spaCy's DependencyMatcher syntax) are matched by
graph/nlp.py's own tree matcher: it must find exactly what spaCy's DependencyMatcher finds in the same
sentences, in the same order, and refuse what it cannot read, naming the pattern's file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from diplograph.graph.extract.reading import paragraphs
from diplograph.graph.nlp import TreePattern, load_matchers, load_nlp, read_patterns

pytestmark = pytest.mark.usefixtures("nlp_loaded")

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev"


def _spacy_matches(sentences: list) -> list[list[tuple[str, list[int]]]]:
    """spaCy's own DependencyMatcher over the same patterns, one key a pattern as the tree matcher names them."""
    nlp = load_nlp()
    matcher = DependencyMatcher(nlp.vocab)
    for number, (_, entry) in enumerate(read_patterns()):
        matcher.add(f"{entry['label']}#{number}", [entry["pattern"]])
    found = []
    for sent in sentences:
        doc = sent.as_doc()
        found.append([(nlp.vocab.strings[key], tokens) for key, tokens in matcher(doc)])
    return found


def test_the_tree_matcher_finds_what_spacys_dependency_matcher_finds() -> None:
    nlp, matchers = load_nlp(), load_matchers()
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:40]]
    # ">>": "there" below the object, not the verb
    texts.append("Ferrovia has a factory and an office there. Ferrovia runs a refinery near the coast there.")
    sentences = [sent for text in texts for doc in nlp.pipe(p for _, p in paragraphs(text)) for sent in doc.sents]
    ours = [matchers.dependencies(sent) for sent in sentences]
    theirs = _spacy_matches(sentences)
    assert sum(len(m) for m in theirs) > 50  # the comparison covers many matches, not a few
    assert ours == theirs


def test_a_pattern_the_matcher_cannot_read_is_refused_with_its_place(tmp_path: Path) -> None:
    line = {"label": "ACTIVITY", "pattern": [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "build"}},
        {"LEFT_ID": "verb", "REL_OP": ".", "RIGHT_ID": "place", "RIGHT_ATTRS": {"DEP": "pobj"}}]}
    (tmp_path / "bad.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    patterns = read_patterns(tmp_path)
    assert patterns[0][0].endswith("bad.jsonl:1")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1: node 'place' needs a REL_OP"):
        TreePattern("ACTIVITY#0", line["pattern"], patterns[0][0])
    line["pattern"][1]["REL_OP"] = ">"
    line["pattern"][1]["RIGHT_ATTRS"] = {"ENT_TYPE": "GPE"}
    with pytest.raises(ValueError, match="ENT_TYPE"):
        TreePattern("ACTIVITY#0", line["pattern"], "bad.jsonl:1")

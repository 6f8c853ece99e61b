"""Lexical checks on SPARQL text before any engine sees it.

pyoxigraph parses with a recursive-descent parser (deep nesting overflows its stack and kills the
process) and it would happily open HTTP connections for SERVICE and LOAD.  So every request is
tokenised here first, cheaply and without building a parse tree, to:

* bound bracket nesting, runs of unary operators and the length of chains (UNION branches, OPTIONALs,
  BINDs, operators, triple patterns: the engine recurses once per element), the stack-overflow bombs;
* find every SERVICE / LOAD target and refuse those not on the allow-list;
* notice FROM clauses (pyoxigraph's union-default-graph flag would otherwise override them);
* splice protocol ``using-graph-uri`` parameters into updates as USING clauses.

The tokenizer errs on the side of refusal: oxigraph matches keywords without word boundaries
(``SERVICE:x`` and ``SERVICESILENT<x>`` both call out), so any bare word *starting* with
``service``/``load`` counts as that keyword, and an endpoint we cannot resolve to a fixed IRI is refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<word>[^\W\d][\w\-.\u00B7-\uFFFF]*(?::(?:[^\s{}()\[\];,<>"'\#^|/!=*+?@]|\\.)*)?
            |:(?:[^\s{}()\[\];,<>"'\#^|/!=*+?@]|\\.)*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_UNARY = set("!-+^")
# Tokens that each add a level to some left-deep chain in the engine's algebra or expressions.  VALUES
# rows and INSERT/DELETE DATA triples are flat lists and are not counted.
_CHAIN_WORDS = frozenset({"union", "optional", "minus", "filter", "bind", "service", "graph", "exists", "in"})
_CHAIN_SIGNS = frozenset("|&=!<>+-*/^.;,")
_FLAT_BLOCKS = frozenset({"data", "values"})
# The engine runs on a 256 MiB stack (api/worker.py); the costliest element measured there needs under
# 3 KiB, so this many stay far from an overflow, and still allow a 10,000-branch UNION.
MAX_CHAIN = 40_000


class QueryRejected(ValueError):
    """The text is refused before parsing; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int


@dataclass
class Analysis:
    """What the checks found out about one request text."""

    tokens: list[Token]
    has_dataset_clause: bool = False
    services: list[str | None] = field(default_factory=list)
    loads: list[str | None] = field(default_factory=list)
    # where each target of `services` + `loads` is written in the text: (start, end), for api/egress's pins
    spans: list[tuple[int, int] | None] = field(default_factory=list)


def tokenize(text: str, max_nesting: int, keep: bool = True) -> list[Token]:
    """Split into tokens, tracking bracket depth; refuse nesting deeper than `max_nesting`.

    With `keep=False` only the guard runs (same matches, same refusals) and no token is kept: most
    queries need nothing else, and building the list costs as much as the matching."""
    tokens: list[Token] = []
    depth = 0
    unary_run = 0
    chain = 0
    flat_pending, flat_depth = False, 0  # inside VALUES or DATA { ... } from flat_depth on
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "ws" or kind == "comment":
            continue
        if kind == "open":
            depth += 1
            if depth > max_nesting:
                raise QueryRejected(f"brackets nested deeper than {max_nesting} levels")
            unary_run = 0
            if flat_pending and match.group() == "{":
                flat_pending, flat_depth = False, depth
            elif not flat_depth:
                chain += 1
        elif kind == "close":
            depth = depth - 1 if depth else 0
            unary_run = 0
            if depth < flat_depth:
                flat_depth = 0
        elif kind == "other":
            sign = match.group()
            if sign in _UNARY:
                unary_run += 1
                if unary_run > max_nesting:
                    raise QueryRejected(f"more than {max_nesting} consecutive unary operators")
            else:
                unary_run = 0
            if sign in _CHAIN_SIGNS and not flat_depth:
                chain += 1
        else:
            unary_run = 0
            if kind == "word" and not flat_depth:
                word = match.group().lower()
                if word in _CHAIN_WORDS:
                    chain += 1
                elif word in _FLAT_BLOCKS:
                    flat_pending = True
        if chain > MAX_CHAIN:
            raise QueryRejected(
                f"more than {MAX_CHAIN} groups, operators, triple patterns and UNION/OPTIONAL/FILTER/BIND "
                "clauses: too long a chain for the query engine"
            )
        if keep:
            tokens.append(Token(kind, match.group(), match.start(), depth - 1 if kind == "open" else depth))
    return tokens


def _prefix_of(word: str) -> str:
    return word.split(":", 1)[0].lower()


def _targets(tokens: list[Token], keyword: str, base: str | None) -> list[tuple[str | None, tuple[int, int] | None]]:
    """The IRIs following each use of `keyword` and where they are written; None where it cannot be
    fixed statically."""
    prefixes: dict[str, str] = {}
    current_base = base
    found: list[tuple[str | None, tuple[int, int] | None]] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        low = tok.text.lower()
        prev = tokens[i - 1].text.lower() if i else ""
        if low == "prefix" and i + 2 < len(tokens) and tokens[i + 2].kind == "iri":
            name = tokens[i + 1].text
            prefixes[name[:-1] if name.endswith(":") else name] = _resolve(
                tokens[i + 2].text[1:-1], current_base
            )
            continue
        if low == "base" and i + 1 < len(tokens) and tokens[i + 1].kind == "iri":
            current_base = _resolve(tokens[i + 1].text[1:-1], current_base)
            continue
        if prev == "prefix" or not _prefix_of(tok.text).startswith(keyword):
            continue
        # A use of the keyword: only the plain form `KEYWORD [SILENT] <iri>|p:x` can be checked.
        j = i + 1
        if low != keyword:
            found.append((None, None))
            continue
        if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text.lower() == "silent":
            j += 1
        target = tokens[j] if j < len(tokens) else None
        if target is not None and target.kind == "iri":
            span = (target.start, target.start + len(target.text))
            found.append((_resolve(target.text[1:-1], current_base), span))
        elif target is not None and target.kind == "word" and ":" in target.text:
            name = target.text.rstrip(".")  # a dot ending the pattern is no part of the name
            prefix, local = name.split(":", 1)
            iri = prefixes.get(prefix)
            span = (target.start, target.start + len(name))
            found.append((None if iri is None else iri + re.sub(r"\\(.)", r"\1", local), span))
        else:
            found.append((None, None))
    return found


def _resolve(iri: str, base: str | None) -> str:
    return urljoin(base, iri) if base else iri


def analyse(text: str, max_nesting: int, base: str | None = None, keep_tokens: bool = True) -> Analysis:
    """Tokenise and collect what the endpoint needs to know; raises QueryRejected on bombs.

    `keep_tokens=False` (queries): `tokens` is only filled when a pass below needs it."""
    # A keyword can only be (or start) a token if it occurs in the text: most queries skip these passes.
    lowered = text.lower()
    has_from, has_service, has_load = "from" in lowered, "service" in lowered, "load" in lowered
    tokens = tokenize(text, max_nesting, keep=keep_tokens or has_from or has_service or has_load)
    analysis = Analysis(tokens)
    analysis.has_dataset_clause = has_from and any(
        t.kind == "word" and t.depth == 0 and t.text.lower() == "from" for t in tokens
    )
    services = _targets(tokens, "service", base) if has_service else []
    loads = _targets(tokens, "load", base) if has_load else []
    analysis.services = [target for target, _ in services]
    analysis.loads = [target for target, _ in loads]
    analysis.spans = [span for _, span in services + loads]
    return analysis


def replace_spans(text: str, spans: list[tuple[int, int]], replacements: list[str]) -> str:
    """`text` with each (start, end) span replaced, the spans in any order."""
    for (start, end), new in sorted(zip(spans, replacements, strict=True), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def check_remote(targets: list[str | None], allowed: tuple[str, ...], what: str) -> None:
    """Refuse (403) any remote target not literally on the allow-list."""
    for target in targets:
        if target is None:
            raise QueryRejected(f"{what} with a variable or unresolvable endpoint is not allowed here", 403)
        if target not in allowed:
            raise QueryRejected(
                f"{what} <{target}> is not allowed: this server makes no outgoing "
                f"connections except to endpoints on its allow-list",
                403,
            )


def add_using_clauses(text: str, tokens: list[Token], using: list[str], using_named: list[str]) -> str:
    """Apply protocol using-graph-uri / using-named-graph-uri by splicing USING clauses into each
    DELETE/INSERT ... WHERE operation (pyoxigraph's update API takes no dataset argument)."""
    if not using and not using_named:
        return text
    for tok in tokens:
        if tok.kind == "word" and tok.depth == 0 and tok.text.lower() in ("using", "with"):
            raise QueryRejected("using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH")
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    inserts = [
        tok.start
        for i, tok in enumerate(tokens)
        if i
        and tok.kind == "word"
        and tok.depth == 0
        and tok.text.lower() == "where"
        and tokens[i - 1].kind == "close"
    ]
    for position in reversed(inserts):
        text = text[:position] + clause + text[position:]
    return text


# -- prefixes every query may use without declaring them, and readable parser messages -------------

COMMON_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "void": "http://rdfs.org/ns/void#",
    "sh": "http://www.w3.org/ns/shacl#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}
_TURTLE_PREFIX = re.compile(r"@prefix\s+([A-Za-z][\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


@functools.cache
def predeclared_prefixes() -> dict[str, str]:
    """The prefixes the endpoint declares for every query and update (a query's own PREFIX wins):
    those of the ontology (dg:, ...) and a few common vocabularies; the query page lists them."""
    from diplograph.graph.config import ONTOLOGY_FILE, ONTOLOGY_NS

    prefixes = dict(COMMON_PREFIXES)
    if ONTOLOGY_FILE.exists():
        prefixes.update(_TURTLE_PREFIX.findall(ONTOLOGY_FILE.read_text(encoding="utf-8")))
    prefixes["dg"] = ONTOLOGY_NS
    return dict(sorted(prefixes.items()))


_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_EXPECTED_ITEM = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\](?:\s*\|[^\],]*)*|[^,]+)\s*(?:,|$)""", re.DOTALL)
_MESSAGES = {"Prefix not found": "unknown prefix", "IRI parsing failed": "invalid IRI"}


def undeclared_prefix(text: str, predeclared: dict[str, str]) -> tuple[int, str] | None:
    """(offset, name) of the first prefixed name whose prefix is neither declared nor predeclared."""
    declared = set(predeclared)
    tokens = tokenize(text, max_nesting=1 << 30)
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or ":" not in tok.text:
            continue
        name = tok.text.split(":", 1)[0]
        if i and tokens[i - 1].kind == "word" and tokens[i - 1].text.lower() == "prefix":
            declared.add(name)
        elif name not in declared and name != "_":
            return tok.start, name
    return None


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if not start:
            return len(text)
    return min(start + column - 1, len(text))


def syntax_error_message(text: str, error: str, predeclared: dict[str, str]) -> str:
    """The engine's parser message as one sentence with line and column, e.g.
    "Syntax error at line 3, column 12: unknown prefix 'foo'" (instead of five lines of the
    character classes the parser could have accepted there)."""
    unknown = undeclared_prefix(text, predeclared)
    if unknown is not None:
        line, column = _line_column(text, unknown[0])
        return (
            f"Syntax error at line {line}, column {column}: unknown prefix '{unknown[1]}' "
            f"(declare it with PREFIX {unknown[1]}: <...>)"
        )
    match = _ERROR_AT.match(error)
    if match is None:
        return "Syntax error: " + " ".join(error.split())
    line, column, detail = int(match[1]), int(match[2]), match[3]
    where = f"Syntax error at line {line}, column {column}"
    listed = detail.removeprefix("expected one of ").removeprefix("expected ")
    items = [m.group(1).strip() for m in _EXPECTED_ITEM.finditer(listed)]
    # Besides tokens and character classes the list carries the grammar's own messages (with spaces).
    notes = [_MESSAGES.get(i, i[:1].lower() + i[1:]) for i in items if " " in i and i[0] not in "\"'["]
    if notes:
        return f"{where}: {'; '.join(dict.fromkeys(notes))}"
    offset = _offset(text, line, column)
    rest = text[offset:].strip()
    found = f"'{rest.split()[0][:30]}'" if rest else "end of text"
    wanted = [item for item in items if item and not item.startswith("[")]
    if not wanted:
        return f"{where}: unexpected {found}"
    shown = ", ".join(wanted[:8]) + (", ..." if len(wanted) > 8 else "")
    return f"{where}: unexpected {found}; expected {'one of ' if len(wanted) > 1 else ''}{shown}"

"""Values for query variables, written `name=<IRI>` or `name="literal"`: what `/sparql?bind=...` takes
(and what a command line can take), so an example query written for one country or document runs
for another without editing it.

Accepted forms (the name may start with ? or $):

* ``country=<https://w3id.org/diplograph/id/country/KAZ>``: an IRI; a relative one resolves against
  `base_iri` when one is given;
* ``country=dg:Country``: a prefixed name, when `prefixes` declares the prefix;
* ``label="Kazakhstan"``, ``label="Kazakhstan"@en``, ``year="2024"^^xsd:gYear`` (or ``^^<IRI>``):
  a literal, with ``\\"`` and ``\\\\`` escaped inside the quotes;
* ``n=5``, ``x=2.5``: a number (xsd:integer, xsd:decimal); ``flag=true``/``false``: xsd:boolean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"[A-Za-z_][\w]*")
_LITERAL = re.compile(r"""^(?P<q>"|')(?P<body>(?:[^"'\\]|\\.|(?!(?P=q))["'])*)(?P=q)(?P<rest>.*)$""", re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


class BindingError(ValueError):
    """A binding that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Binding:
    """One variable's value: `term` is the N-Triples form of an IRI or a literal."""

    name: str
    term: str

    def to_term(self) -> ox.NamedNode | ox.Literal:
        """The pyoxigraph term (for `Store.query(..., substitutions=...)`)."""
        return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {self.term} .", ox.RdfFormat.N_TRIPLES))).object

    @property
    def is_iri(self) -> bool:
        return self.term.startswith("<")


def _iri(text: str, base_iri: str | None, prefixes: Mapping[str, str]) -> ox.NamedNode:
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
        if base_iri and ":" not in iri.split("/", 1)[0]:
            iri = urljoin(base_iri, iri)
    elif ":" in text:
        prefix, local = text.split(":", 1)
        if prefix not in prefixes:
            raise BindingError(f"unknown prefix '{prefix}' in {text!r}")
        iri = prefixes[prefix] + local
    else:
        raise BindingError(f"{text!r} is neither <IRI>, prefix:name nor a quoted literal")
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise BindingError(f"{text!r} is not a valid IRI: {exc}") from None


def parse_value(
    text: str, base_iri: str | None = None, prefixes: Mapping[str, str] | None = None
) -> ox.NamedNode | ox.Literal:
    """The term written as `text` (the part after `name=`)."""
    prefixes = prefixes or {}
    text = text.strip()
    if not text:
        raise BindingError("the value is empty")
    literal = _LITERAL.match(text)
    if literal:
        value = _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), literal["body"])
        rest = literal["rest"]
        try:
            if not rest:
                return ox.Literal(value)
            if rest.startswith("@") and len(rest) > 1:
                return ox.Literal(value, language=rest[1:])
            if rest.startswith("^^"):
                return ox.Literal(value, datatype=_iri(rest[2:], base_iri, prefixes))
        except ValueError as exc:
            raise BindingError(f"{text!r} is not a valid literal: {exc}") from None
        raise BindingError(f"unexpected {rest!r} after the quoted literal (write @lang or ^^datatype)")
    if re.fullmatch(r"[+-]?\d+", text):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "integer"))
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))
    if text in ("true", "false"):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "boolean"))
    return _iri(text, base_iri, prefixes)


def parse_binding(
    text: str, base_iri: str | None = None, prefixes: Mapping[str, str] | None = None
) -> Binding:
    """`name=<IRI>` / `name="literal"` / ... as a Binding; BindingError says what is wrong."""
    name, sep, value = text.partition("=")
    name = name.strip()
    name = name[1:] if name[:1] in ("?", "$") else name
    if not sep or not _NAME.fullmatch(name):
        raise BindingError(f"{text!r} is not of the form name=<IRI> or name=\"literal\"")
    try:
        term = parse_value(value, base_iri, prefixes)
    except BindingError as exc:
        raise BindingError(f"?{name}: {exc}") from None
    return Binding(name, str(term))


def parse_bindings(
    texts: Iterable[str], base_iri: str | None = None, prefixes: Mapping[str, str] | None = None
) -> list[Binding]:
    """Several bindings; a variable bound twice is an error."""
    bindings: dict[str, Binding] = {}
    for text in texts:
        binding = parse_binding(text, base_iri, prefixes)
        if binding.name in bindings:
            raise BindingError(f"?{binding.name} is bound more than once")
        bindings[binding.name] = binding
    return list(bindings.values())

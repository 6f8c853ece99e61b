"""Query results as pictures, for the explorer's Chart, Network and Map tabs (`POST /api/picture`).

Results are the SPARQL 1.1 JSON a client already holds; which picture fits is read from the variables:
a chart wants a column of numbers (and a year or a label to spread them over), a network two columns that
pair entities, a map a column naming countries.  When the results do not fit, `NoPicture` says why in
words the explorer shows."""

from __future__ import annotations

import math
from collections.abc import Callable

from diplograph.api.pictures import PALETTE, Edge, bar_chart, network, world_map

NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
PAIRS = (("from", "to"), ("source", "target"), ("subject", "object"), ("countryA", "countryB"),
         ("member", "organization"), ("person", "affiliation"), ("org", "market"), ("org", "country"))
MAX_SERIES = len(PALETTE)
MAX_CATEGORIES = 40


class NoPicture(ValueError):
    """The results hold nothing this picture can show."""


def _number(term: dict | None) -> float | None:
    if not term or term.get("type") not in ("literal", "typed-literal") or term.get("datatype") not in NUMERIC:
        return None
    try:
        number = float(term["value"])
    except ValueError:
        return None
    return number if math.isfinite(number) else None  # NaN and INF are numbers no bar can show


def _text(term: dict | None, labels: dict[str, str]) -> str:
    if not term:
        return ""
    if term["type"] == "uri":
        return labels.get(term["value"]) or term["value"].rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return term["value"]


def _columns(variables: list[str], bindings: list[dict]) -> tuple[list[str], list[str], list[str]]:
    """(numeric, IRI, text) columns: a column's kind is that of every value it has."""
    numeric, iris, texts = [], [], []
    for var in variables:
        values = [row[var] for row in bindings if var in row]
        if not values:
            continue
        if all(_number(v) is not None for v in values):
            numeric.append(var)
        elif all(v["type"] == "uri" for v in values):
            iris.append(var)
        elif all(v["type"] in ("literal", "typed-literal") for v in values):
            texts.append(var)
    return numeric, iris, texts


def _labels(variables: list[str], bindings: list[dict]) -> dict[str, str]:
    """An IRI column followed by a text column names its IRIs (`?country ?label`)."""
    labels: dict[str, str] = {}
    for var, after in zip(variables, variables[1:], strict=False):
        for row in bindings:
            if row.get(var, {}).get("type") == "uri" and row.get(after, {}).get("type") == "literal":
                labels.setdefault(row[var]["value"], row[after]["value"])
    return labels


def _is_year(var: str, bindings: list[dict]) -> bool:
    values = [_number(row.get(var)) for row in bindings if var in row]
    return bool(values) and (var.lower() in ("year", "yr") or all(
        v is not None and v == int(v) and 1800 <= v <= 2100 for v in values))


def chart(variables: list[str], bindings: list[dict]) -> str:
    """Bars: the numbers of the first numeric column that is not a year, by year when there is one (a
    series per label), else by label.  Where a series has several numbers for one category, the largest:
    news repeats a figure more often than it splits one."""
    numeric, iris, texts = _columns(variables, bindings)
    years = [v for v in numeric if _is_year(v, bindings)]
    amounts = [v for v in numeric if v not in years]
    if not amounts:
        raise NoPicture("a chart needs a column of numbers (other than years)")
    amount, year = amounts[0], years[0] if years else None
    if any((_number(row.get(amount)) or 0) < 0 for row in bindings):
        raise NoPicture(f"bars here rise from zero, and ?{amount} has negative numbers")
    labels = _labels(variables, bindings)
    naming = [v for v in variables if v in texts or (v in iris and not any(
        a == v and b in texts for a, b in zip(variables, variables[1:], strict=False)))]
    series: dict[str, dict[int | str, float]] = {}
    for row in bindings:
        value = _number(row.get(amount))
        if value is None:
            continue
        name = " · ".join(t for t in (_text(row.get(v), labels) for v in naming) if t) or amount
        if year is not None:
            if year not in row:
                continue
            key: int | str = int(float(row[year]["value"]))
            series_name = name
        else:
            key, series_name = name, amount
        current = series.setdefault(series_name, {})
        current[key] = max(current.get(key, value), value)
    if not series:
        raise NoPicture(f"no row has a number in ?{amount}" + (f" and a year in ?{year}" if year else ""))
    top = dict(sorted(series.items(), key=lambda s: -max(s[1].values()))[:MAX_SERIES])
    if year is None:
        only = next(iter(top.values()))
        top = {amount: dict(sorted(only.items(), key=lambda kv: -kv[1])[:MAX_CATEGORIES])}
    by = f"by ?{year}" if year else f"by {' · '.join('?' + v for v in naming) or 'row'}"
    return bar_chart(top, f"?{amount} {by}", "")


def pairs(variables: list[str], bindings: list[dict], href: Callable[[str], str]) -> str:
    """A network of the first two IRI columns, or of two columns whose names pair (?from ?to, ?org
    ?market, ...); a third text column names each line."""
    numeric, iris, texts = _columns(variables, bindings)
    labels = _labels(variables, bindings)
    ends = iris[:2] if len(iris) >= 2 else next(([a, b] for a, b in PAIRS if a in variables and b in variables), [])
    if len(ends) < 2:
        raise NoPicture("a network needs two columns of entities (IRIs), or columns named like ?from and ?to")
    named = {var for var in variables for a, b in zip(variables, variables[1:], strict=False)
             if var == b and a in iris and b in texts}
    relation = next((v for v in texts if v not in ends and v not in named), None)
    nodes: dict[str, tuple[str, str | None]] = {}
    edges: list[Edge] = []
    for row in bindings:
        a, b = row.get(ends[0]), row.get(ends[1])
        if not a or not b:
            continue
        for term in (a, b):
            key = term["value"]
            nodes.setdefault(key, (_text(term, labels), href(key) if term["type"] == "uri" else None))
        edges.append(Edge(a["value"], b["value"], _text(row.get(relation), labels) if relation else ""))
    if not edges:
        raise NoPicture(f"no row pairs ?{ends[0]} with ?{ends[1]}")
    return network(nodes, edges, f"?{ends[0]} and ?{ends[1]}")


def countries_map(variables: list[str], bindings: list[dict], country_of: Callable[[dict], str | None],
                  href: Callable[[str], str]) -> str:
    """Countries coloured by the rows naming them, or by the total of the first numeric column (not a
    year).  The column is the first whose values are mostly countries (`country_of` gives an alpha-3
    code for an IRI or a name)."""
    numeric, _, _ = _columns(variables, bindings)
    amounts = [v for v in numeric if not _is_year(v, bindings)]
    best = next((var for var in variables if any(var in row for row in bindings) and 2 * sum(
        1 for row in bindings if var in row and country_of(row[var])) >= sum(1 for row in bindings if var in row)),
        None)
    if best is None:
        raise NoPicture("a map needs a column of countries (their IRIs or their names)")
    counts: dict[str, float] = {}
    links: dict[str, str] = {}
    for row in bindings:
        code = country_of(row[best]) if best in row else None
        if not code:
            continue
        weight = _number(row.get(amounts[0])) if amounts else 1.0
        counts[code] = counts.get(code, 0) + (weight or 0)
        if row[best]["type"] == "uri":
            links[code] = href(row[best]["value"])
    what = f"total ?{amounts[0]}" if amounts else "rows"
    return world_map({k: round(v) for k, v in counts.items()}, links, f"?{best}: {what} by country", what)

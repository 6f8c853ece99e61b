"""Pictures drawn on the server as SVG: a chart of amounts by year, a graph neighbourhood and a world map.

Drawn here rather than in the browser so that they need no script (the pages keep their strict CSP), show
at once, print, and carry their own text for screen readers (`role="img"`, a title and a description, and a
`<title>` on every bar, node and country).  Each function is pure: data in, markup out."""

from __future__ import annotations

import csv
import html
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from diplograph.graph.config import COUNTRY_CODES_FILE

# Okabe and Ito's palette: told apart by people with any common colour-vision deficiency
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
WORLD_ATLAS = Path(__file__).resolve().parent / "static" / "vendor" / "world-atlas-2.0.2" / "countries-110m.json"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def human_amount(amount: float) -> str:
    """4100000000 -> "4.1 billion": how the news writes it, and short enough for an axis."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(amount) >= size:
            return f"{amount / size:.3g} {word}"
    return f"{amount:.3g}"


def _nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value`: an axis that ends on a round
    number."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def bar_chart(series: dict[str, dict[int, float]] | dict[str, dict[int | str, float]], title: str, unit: str,
              width: int = 640, height: int = 300) -> str:
    """Amounts by year, one bar per series in each year's group (`series` maps a name such as
    "trade with Turkey" to {year: amount}); or by label, in the order given.  Bars start at zero, so
    their heights compare."""
    keys = list(dict.fromkeys(key for values in series.values() for key in values))
    years = sorted(keys) if all(isinstance(k, int) for k in keys) else keys
    if not years:
        return ""
    names = list(series)[: len(PALETTE)]
    top = _nice_top(max(v for name in names for v in series[name].values()))
    left, right, upper = 86, 12, 16
    lower = 40 if all(isinstance(k, int) for k in years) else 110  # room for slanted labels
    legend_height = 20 * len(names)
    plot_w, plot_h = width - left - right, height - upper - lower
    group = plot_w / len(years)
    bar = min(28.0, group * 0.8 / len(names))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + legend_height}" role="img" '
             f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">{_e(title)}</title>',
             f'<desc id="chart-desc">{_e(_chart_description(series, names, unit))}</desc>']
    for i in range(5):  # the axis: five gridlines from zero to the round top
        value = top * i / 4
        y = upper + plot_h - plot_h * i / 4
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{_e(human_amount(value) if value else "0")}</text>')
    for g, year in enumerate(years):
        x0 = left + g * group + (group - bar * len(names)) / 2
        for s, name in enumerate(names):
            if year not in series[name]:
                continue
            value = series[name][year]
            h = plot_h * value / top
            parts.append(f'<rect class="bar" x="{x0 + s * bar:.1f}" y="{upper + plot_h - h:.1f}" '
                         f'width="{bar - 2:.1f}" height="{h:.1f}" fill="{PALETTE[s]}"><title>'
                         f'{_e(name)}, {year}: {_e(f"{unit} " if unit else "")}{_e(human_amount(value))}'
                         "</title></rect>")
        x = left + g * group + group / 2
        if isinstance(year, int):
            parts.append(f'<text class="tick" x="{x:.1f}" y="{upper + plot_h + 18}" text-anchor="middle">{year}</text>')
        else:  # a label, slanted so that many fit
            parts.append(f'<text class="tick" x="{x:.1f}" y="{upper + plot_h + 12}" text-anchor="end" '
                         f'transform="rotate(-35 {x:.1f} {upper + plot_h + 12})">{_e(_short(str(year), 18))}</text>')
    parts.append(f'<text class="tick" x="{left - 6}" y="{upper + plot_h + 34}" text-anchor="end">{_e(unit)}</text>')
    for s, name in enumerate(names):
        y = height + 20 * s
        parts.append(f'<rect x="{left}" y="{y}" width="14" height="14" fill="{PALETTE[s]}"/>'
                     f'<text class="legend" x="{left + 20}" y="{y + 12}">{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _chart_description(series: dict[str, dict[int, float]], names: list[str], unit: str) -> str:
    return "; ".join(f"{name}: " + ", ".join(f"{year} {unit} {human_amount(v)}" for year, v in sorted(
        series[name].items())) for name in names) + "."


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    href: str | None
    ring: int  # 0 the entity itself, 1 one relation away, 2 two
    parent: str | None = None  # for ring 2: the ring-1 node it hangs from


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


def neighbourhood(nodes: list[Node], edges: list[Edge], title: str, size: int = 640) -> str:
    """The entity in the middle, what one relation reaches on a circle round it, and what two reach on an
    outer circle beside the node they hang from; every line names its relation.  Nodes link to their pages."""
    centre = size / 2
    ring1 = [n for n in nodes if n.ring == 1]
    ring2 = [n for n in nodes if n.ring == 2]
    place: dict[str, tuple[float, float]] = {n.key: (centre, centre) for n in nodes if n.ring == 0}
    angle: dict[str, float] = {}
    for i, node in enumerate(ring1):
        a = 2 * math.pi * i / max(len(ring1), 1) - math.pi / 2
        angle[node.key] = a
        place[node.key] = (centre + size * 0.3 * math.cos(a), centre + size * 0.3 * math.sin(a))
    spread = 2 * math.pi / max(len(ring1), 1)
    children: dict[str, list[Node]] = {}
    for node in ring2:
        children.setdefault(node.parent or "", []).append(node)
    for parent, kids in children.items():
        base = angle.get(parent, 0.0)
        for j, node in enumerate(kids):
            a = base + spread * 0.8 * ((j + 0.5) / len(kids) - 0.5)
            place[node.key] = (centre + size * 0.44 * math.cos(a), centre + size * 0.44 * math.sin(a))
    description = "; ".join(f"{_label(nodes, e.source)} {e.label} {_label(nodes, e.target)}" for e in edges)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-labelledby="net-title net-desc" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="net-title">{_e(title)}</title><desc id="net-desc">{_e(description)}.</desc>']
    pairs: dict[frozenset[str], list[str]] = {}  # one line a pair, naming all its relations
    for edge in edges:
        if edge.source in place and edge.target in place and edge.label not in pairs.setdefault(
                frozenset((edge.source, edge.target)), []):
            pairs[frozenset((edge.source, edge.target))].append(edge.label)
    ring = {n.key: n.ring for n in nodes}
    for pair, labels in pairs.items():
        inner, outer = sorted(pair, key=lambda k: ring[k]) if len(pair) == 2 else (next(iter(pair)),) * 2
        (x1, y1), (x2, y2) = place[inner], place[outer]
        at = 0.6  # nearer the outer end, where lines are further apart
        parts.append(f'<g class="edge"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'
                     f'<text x="{x1 + (x2 - x1) * at:.1f}" y="{y1 + (y2 - y1) * at - 3:.1f}" text-anchor="middle">'
                     f'{_e(_relations(labels))}</text></g>')
    for node in nodes:
        if node.key in place:
            x, y = place[node.key]
            parts.append(_node(x, y, (14, 9, 6)[node.ring], f"ring{node.ring}", node.label, node.href,
                               above=y < centre))
    parts.append("</svg>")
    return "".join(parts)


def _relations(labels: list[str]) -> str:
    """What a line says: its first two relations, and an ellipsis for more."""
    return ", ".join(labels[:2]) + (" …" if len(labels) > 2 else "")


def _node(x: float, y: float, radius: int, css: str, label: str, href: str | None, above: bool = False) -> str:
    """A circle with its short label (under it, or above in a picture's upper half), its full label as a
    tooltip, and a link to its page when it has one."""
    circle = (f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/>'
              f'<text x="{x:.1f}" y="{y - radius - 4 if above else y + radius + 12:.1f}" '
              f'text-anchor="middle">{_e(_short(label))}</text><title>{_e(label)}</title>')
    return f'<a href="{_e(href)}">{circle}</a>' if href else f"<g>{circle}</g>"


def _label(nodes: list[Node], key: str) -> str:
    return next((n.label for n in nodes if n.key == key), key)


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def network(nodes: dict[str, tuple[str, str | None]], edges: list[Edge], title: str, size: int = 640,
            limit: int = 120) -> str:
    """Any graph of pairs (`nodes` maps a key to its label and link), laid out by a few hundred steps of
    Fruchterman and Reingold's forces from fixed starting points, so the same results draw the same
    picture.  The `limit` most connected nodes are kept; one line per pair names all its relations."""
    degree: dict[str, int] = {}
    for edge in edges:
        for key in (edge.source, edge.target):
            degree[key] = degree.get(key, 0) + 1
    kept = sorted(nodes, key=lambda k: (-degree.get(k, 0), k))[:limit]
    index = {key: i for i, key in enumerate(kept)}
    pairs: dict[tuple[int, int], list[str]] = {}
    for edge in edges:
        if edge.source in index and edge.target in index and edge.source != edge.target:
            pair = tuple(sorted((index[edge.source], index[edge.target])))
            labels = pairs.setdefault(pair, [])  # type: ignore[arg-type]
            if edge.label and edge.label not in labels:
                labels.append(edge.label)
    n = len(kept)
    pos = [[math.cos(2 * math.pi * i / n) * 0.4, math.sin(2 * math.pi * i / n) * 0.4] for i in range(n)]
    k = 1.6 * math.sqrt(1.0 / max(n, 1))
    for step in range(300):
        heat = 0.1 * (1 - step / 300) + 0.002
        move = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                d = math.hypot(dx, dy) or 1e-6
                push = k * k / d
                move[i][0] += dx / d * push
                move[i][1] += dy / d * push
                move[j][0] -= dx / d * push
                move[j][1] -= dy / d * push
        for i, j in pairs:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.hypot(dx, dy) or 1e-6
            pull = d * d / k
            move[i][0] -= dx / d * pull
            move[i][1] -= dy / d * pull
            move[j][0] += dx / d * pull
            move[j][1] += dy / d * pull
        for i in range(n):  # gravity: parts not joined to the rest stay near it, not at the edges
            move[i][0] -= pos[i][0] * k
            move[i][1] -= pos[i][1] * k
            d = math.hypot(*move[i]) or 1e-6
            pos[i][0] += move[i][0] / d * min(d, heat)
            pos[i][1] += move[i][1] / d * min(d, heat)
    xs, ys = [p[0] for p in pos] or [0.0], [p[1] for p in pos] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    margin = 60

    def at(i: int) -> tuple[float, float]:
        return (margin + (pos[i][0] - min(xs)) / span * (size - 2 * margin),
                margin + (pos[i][1] - min(ys)) / span * (size - 2 * margin))

    description = "; ".join(f"{nodes[kept[i]][0]} – {nodes[kept[j]][0]}" + (f" ({', '.join(ls)})" if ls else "")
                            for (i, j), ls in list(pairs.items())[:60])
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-labelledby="graph-title graph-desc" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="graph-title">{_e(title)}</title><desc id="graph-desc">{_e(description)}.</desc>']
    for (i, j), labels in pairs.items():
        (x1, y1), (x2, y2) = at(i), at(j)
        text = _relations(labels)
        shown = (f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 3:.1f}" text-anchor="middle">{_e(text)}</text>'
                 if len(pairs) <= 30 else "")  # beyond that the words hide the lines; the title keeps them
        parts.append(f'<g class="edge"><title>{_e(nodes[kept[i]][0])} – {_e(nodes[kept[j]][0])}: {_e(text)}</title>'
                     f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>{shown}</g>')
    for i, key in enumerate(kept):
        parts.append(_node(*at(i), 7, "ring1", *nodes[key]))
    parts.append("</svg>")
    return "".join(parts)


# -- the world map -------------------------------------------------------------------------------------------


@cache
def _numeric_to_alpha3() -> dict[int, str]:
    with COUNTRY_CODES_FILE.open(encoding="utf-8", newline="") as f:
        return {int(row["ISO3166-1-numeric"]): row["ISO3166-1-Alpha-3"] for row in csv.DictReader(f)
                if row.get("ISO3166-1-numeric", "").strip().isdigit() and row.get("ISO3166-1-Alpha-3")}


@cache
def country_paths(width: int = 960) -> tuple[tuple[str | None, str, str], ...]:
    """(alpha-3 code or None, name, SVG path) for each country shape of the bundled world atlas, in an
    equirectangular projection from 60° south to 84° north (Antarctica, which the news rarely trades with,
    left out)."""
    atlas = json.loads(WORLD_ATLAS.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = atlas["transform"]["scale"], atlas["transform"]["translate"]
    arcs = []
    for arc in atlas["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    k = width / 360

    def ring(indexes: list[int]) -> str:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points += arc[1:] if points else arc
        shift, last, unwrapped = 0.0, points[0][0], []
        for lon, lat in points:  # a shape across the antimeridian (Russia, Fiji) stays whole, past the edge
            if lon + shift - last > 180:
                shift -= 360
            elif lon + shift - last < -180:
                shift += 360
            last = lon + shift
            unwrapped.append((last, lat))
        return "M" + "L".join(f"{(lon + 180) * k:.1f},{(84 - lat) * k:.1f}" for lon, lat in unwrapped) + "Z"

    codes = _numeric_to_alpha3()
    shapes = []
    for geometry in atlas["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = "".join(ring(r) for polygon in polygons for r in polygon)
        code = codes.get(int(geometry["id"])) if str(geometry.get("id", "")).isdigit() else None
        if code != "ATA":
            shapes.append((code, geometry["properties"]["name"], path))
    return tuple(shapes)


def _count(n: float) -> str:
    return f"{n:,.0f}" if n < 10_000 else human_amount(n)


def world_map(counts: dict[str, int], hrefs: dict[str, str], title: str, what: str = "facts") -> str:
    """Countries coloured by how much the graph says about them (`counts` by alpha-3 code), in five
    classes on a logarithmic scale; a country with a page links to it."""
    width, height = 960, int(144 * 960 / 360)
    top = max(counts.values(), default=0)
    shades = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")

    def shade(n: int) -> str:
        if n <= 0 or top <= 0:
            return "#eeeeee"
        return shades[min(4, int(4 * math.log(n) / math.log(top))) if top > 1 else 4]

    ranked = sorted(counts.items(), key=lambda item: -item[1])[:10]
    names = {code: name for code, name, _ in country_paths()}
    desc = ", ".join(f"{names.get(code, code)} {_count(n)}" for code, n in ranked)
    parts = [f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-labelledby="map-title map-desc" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="map-title">{_e(title)}</title><desc id="map-desc">Most {what}: {_e(desc)}.</desc>']
    for code, name, path in country_paths():
        n = counts.get(code or "", 0)
        shape = f'<path d="{path}" fill="{shade(n)}"><title>{_e(name)}: {_count(n)} {what}</title></path>'
        link = hrefs.get(code or "")
        parts.append(f'<a href="{_e(link)}">{shape}</a>' if link else shape)
    for i, colour in enumerate(shades):
        low = 1 if i == 0 else max(1, math.ceil(top ** (i / 4)))
        parts.append(f'<rect x="{20 + 70 * i}" y="{height - 30}" width="70" height="12" fill="{colour}"/>'
                     f'<text class="tick" x="{20 + 70 * i}" y="{height - 6}">≥ {_count(low)}</text>')
    parts.append("</svg>")
    return "".join(parts)

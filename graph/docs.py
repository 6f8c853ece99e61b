"""Human-readable documentation of the ontology, as one HTML page generated from the Turtle.

pyLODE writes the page when it is installed (pin ``pylode>=3.3.4,<3.4``: 3.4.1 fails on import,
reading a pyproject.toml its wheel does not ship); otherwise a small generator here lists the
classes and properties with their labels, definitions, hierarchy, domains and ranges, so
``/ontology`` works on a bare install too.  The page is cached until the Turtle changes, since
pyLODE takes a few seconds.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import rdflib
from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, URIRef

from diplograph.graph.config import ONTOLOGY_FILE, ONTOLOGY_IRI, ONTOLOGY_NS

SECTIONS = (
    ("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty), ("Annotation properties", OWL.AnnotationProperty),
    ("Named individuals", OWL.NamedIndividual),
)
_cache: dict[tuple[str, float, int], str] = {}


def render_html(ontology: Path = ONTOLOGY_FILE) -> str:
    """The documentation page for the ontology file, from the cache while the file is unchanged."""
    stat = ontology.stat()
    key = (str(ontology), stat.st_mtime, stat.st_size)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _render_with_pylode(ontology) or render_fallback(rdflib.Graph().parse(ontology))
    return _cache[key]


def write_docs(out: Path) -> Path:
    """Write the page to ``out`` (a .html file, or a directory that gets index.html)."""
    out = Path(out)
    path = out if out.suffix in (".html", ".htm") else out / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(), encoding="utf-8")
    return path


def _render_with_pylode(ontology: Path) -> str | None:
    """pyLODE's page, or None if pyLODE is missing or fails (the fallback then writes one)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    if not handlers:  # pyLODE calls logging.basicConfig(DEBUG), which a handler makes a no-op
        root.addHandler(logging.NullHandler())
    try:
        from pylode import OntPub

        return OntPub(ontology=_for_pylode(ontology)).make_html()
    except ImportError:
        return None
    except Exception as exc:  # noqa: BLE001 (any pyLODE bug must not take /ontology down)
        logging.getLogger(__name__).warning("pyLODE failed (%s); writing the plain page", exc)
        return None
    finally:
        root.handlers[:], root.level = handlers, level


def _for_pylode(ontology: Path) -> rdflib.Graph:
    """The ontology without its rdfs:label, which pyLODE would glue onto the dcterms:title."""
    graph = rdflib.Graph().parse(ontology)
    if (URIRef(ONTOLOGY_IRI), DCTERMS.title, None) in graph:
        graph.remove((URIRef(ONTOLOGY_IRI), RDFS.label, None))
    return graph


# --- the fallback generator ----------------------------------------------------------------------


def _text(graph: rdflib.Graph, node: URIRef, prop: URIRef) -> str:
    values = sorted(graph.objects(node, prop), key=lambda v: (getattr(v, "language", None) != "en", str(v)))
    return str(values[0]) if values else ""


def _ref(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    if not isinstance(node, URIRef):
        return "<em>(anonymous)</em>"
    label = _text(graph, node, RDFS.label) or graph.namespace_manager.normalizeUri(node)
    target = f"#{node.removeprefix(ONTOLOGY_NS)}" if node.startswith(ONTOLOGY_NS) else str(node)
    return f'<a href="{html.escape(target)}">{html.escape(label)}</a>'


def _entity(graph: rdflib.Graph, node: URIRef) -> str:
    rows = [("IRI", f"<code>{html.escape(node)}</code>"),
            ("Definition", html.escape(_text(graph, node, SKOS.definition)))]
    for title, prop in (("Subclass of", RDFS.subClassOf), ("Subproperty of", RDFS.subPropertyOf),
                        ("Domain", RDFS.domain), ("Range", RDFS.range), ("Inverse of", OWL.inverseOf)):
        values = sorted(graph.objects(node, prop), key=str)
        if values:
            rows.append((title, ", ".join(_ref(graph, v) for v in values)))
    body = "".join(f"<tr><th>{t}</th><td>{v}</td></tr>" for t, v in rows if v)
    anchor = html.escape(node.removeprefix(ONTOLOGY_NS))
    heading = html.escape(_text(graph, node, RDFS.label) or anchor)
    return f'<section id="{anchor}"><h3>{heading}</h3><table>{body}</table></section>'


def render_fallback(graph: rdflib.Graph) -> str:
    """A plain, dependency-free page: the ontology's own terms by kind, then its metadata."""
    graph.bind("dg", ONTOLOGY_NS)
    ontology = URIRef(ONTOLOGY_IRI)
    title = _text(graph, ontology, DCTERMS.title) or "diplograph ontology"
    version = _text(graph, ontology, OWL.versionInfo)
    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p>{html.escape(_text(graph, ontology, DCTERMS.description))}</p>",
             f"<p>IRI <code>{ONTOLOGY_IRI}</code>, version {html.escape(version)}</p>"]
    for heading, kind in SECTIONS:
        terms = sorted(s for s in graph.subjects(RDF.type, kind) if str(s).startswith(ONTOLOGY_NS))
        if terms:
            parts.append(f"<h2>{heading}</h2>" + "".join(_entity(graph, t) for t in terms))
    style = ("body{font-family:sans-serif;max-width:60em;margin:auto}th{text-align:left;padding-right:1em;"
             "vertical-align:top}section{border-top:1px solid #ccc}")
    head = f'<meta charset="utf-8"><title>{html.escape(title)}</title><style>{style}</style>'
    return f'<!DOCTYPE html><html lang="en"><head>{head}</head><body>{"".join(parts)}</body></html>'

"""Media types: content negotiation for query results and RDF, shared by the app and the workers."""

from __future__ import annotations

import pyoxigraph as ox

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RDF = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
# Short names accepted by the `format` parameter (what the query page's download links use).
SHORT = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
}
# What a bare `format=json` / `format=xml` means for a graph result.
SHORT_FOR_GRAPHS = {"json": "application/ld+json", "xml": "application/rdf+xml"}
RESULT_MEDIA_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
RDF_MEDIA_TYPES = [
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/trig",
    "application/n-quads",
]


class NotAcceptable(ValueError):
    """No representation the client accepts (HTTP 406)."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges by decreasing preference (stable for equal q)."""
    if not header:
        return [("*/*", 1.0)]
    ranges = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    # A header with no media range in it (",,,", ";q=1") says nothing: as if absent, not an IndexError.
    return [(m, q) for m, q, _ in ranges] or [("*/*", 1.0)]


def negotiate(
    accept: str | None, offered: list[str], fmt: str | None = None, graph_result: bool = False
) -> str:
    """Pick one of `offered` (first is the default) from the `format` parameter or the Accept header."""
    if fmt:
        wanted = fmt.strip().lower()
        if graph_result and wanted in SHORT_FOR_GRAPHS:
            wanted = SHORT_FOR_GRAPHS[wanted]
        wanted = SHORT.get(wanted, wanted).split(";")[0].strip()
        if wanted in offered:
            return wanted
        raise NotAcceptable(f"format {fmt!r} is not available here; try one of: {', '.join(offered)}")
    for media, q in parse_accept(accept):
        if q <= 0:
            continue
        if media in ("*/*", "*"):
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
        if media in offered:
            return media
    raise NotAcceptable(f"none of the accepted media types can be produced; available: {', '.join(offered)}")


def result_offers() -> list[str]:
    """Media types a SELECT/ASK result can be served as (aliases such as application/json included)."""
    return RESULT_MEDIA_TYPES + ["application/json", "application/xml", "text/xml"]


def rdf_offers(datasets: bool = True) -> list[str]:
    offers = RDF_MEDIA_TYPES + ["application/x-turtle", "text/plain", "application/json", "application/xml"]
    return offers if datasets else [m for m in offers if m not in ("application/trig", "application/n-quads")]


def content_type(media: str) -> str:
    """The Content-Type header for a chosen media type (text types declare UTF-8)."""
    if media.startswith("text/") or media in (
        "application/n-triples",
        "application/n-quads",
        "application/trig",
    ):
        return f"{media}; charset=utf-8"
    return media

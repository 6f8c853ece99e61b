"""The OpenAPI description of /sparql and /store, which parse their own parameters and bodies (so
FastAPI cannot infer them): /docs shows them, and the schemathesis fuzz test generates requests from them."""

from __future__ import annotations

from diplograph.api import formats

TEXT = {"text/plain": {"schema": {"type": "string"}}}


def _param(name: str, description: str, repeatable: bool = False) -> dict:
    schema: dict = {"type": "array", "items": {"type": "string"}} if repeatable else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema,
            "style": "form", "explode": True}


def _errors(*statuses: int) -> dict:
    reasons = {
        400: "Bad request: a syntax error, a parameter that is not an IRI, a broken encoding (the message names it)",
        401: "No bearer token",
        403: "Wrong token, writes disabled, or a SERVICE/LOAD that is not allowed",
        404: "No such graph",
        406: "No acceptable result format",
        413: "Request body or result larger than the server's caps",
        415: "Unsupported request media type or charset",
        503: "The query ran past the timeout or its memory cap, or every engine is busy",
    }
    return {str(s): {"description": reasons[s], "content": TEXT} for s in statuses}


DATASET = [
    _param("default-graph-uri", "IRI of a graph making up the default graph (repeatable)", True),
    _param("named-graph-uri", "IRI of a named graph of the dataset (repeatable)", True),
]
FORMAT = _param("format", "result format: json, xml, csv, tsv, turtle, nt, rdfxml, jsonld, trig, nquads or a "
                "media type (instead of Accept)")
BIND = _param("bind", "name=value: gives the query's ?name that value before it runs (repeatable)", True)
RESULTS = {
    "200": {
        "description": "Query results (SELECT/ASK) or RDF (CONSTRUCT/DESCRIBE, or the Service Description)",
        "content": {media: {"schema": {"type": "string"}} for media in formats.RESULT_MEDIA_TYPES
                    + formats.RDF_MEDIA_TYPES},
    },
    "204": {"description": "Update done"},
    **_errors(400, 401, 403, 406, 413, 415, 503),
}
SPARQL_GET = {
    "parameters": [
        _param("query", "the SPARQL query; without it, the Service Description"),
        *DATASET,
        FORMAT,
        BIND,
    ],
    "responses": RESULTS,
}
FORM_FIELDS = {
    "query": {"type": "string"},
    "update": {"type": "string"},
    "default-graph-uri": {"type": "array", "items": {"type": "string"}},
    "named-graph-uri": {"type": "array", "items": {"type": "string"}},
    "using-graph-uri": {"type": "array", "items": {"type": "string"}},
    "using-named-graph-uri": {"type": "array", "items": {"type": "string"}},
    "format": {"type": "string"},
    "bind": {"type": "array", "items": {"type": "string"}},
}
SPARQL_POST = {
    "parameters": [
        *DATASET,
        _param("using-graph-uri", "IRI of a graph making up an update's default graph (repeatable)", True),
        _param("using-named-graph-uri", "IRI of a named graph of an update's dataset (repeatable)", True),
        FORMAT,
        BIND,
    ],
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": FORM_FIELDS}},
            "application/sparql-query": {"schema": {"type": "string"}},
            "application/sparql-update": {"schema": {"type": "string"}},
        },
    },
    "responses": RESULTS,
}
GRAPH = [
    _param("graph", "IRI of the graph (or give `default`)"),
    {"name": "default", "in": "query", "required": False, "description": "the default graph",
     "schema": {"type": "string"}, "allowEmptyValue": True},
]
RDF_BODY = {
    "required": True,
    "content": {media: {"schema": {"type": "string"}} for media in formats.RDF_MEDIA_TYPES[:4]}
    | {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}}},
}
AUTH = {"name": "Authorization", "in": "header", "required": False, "description": "Bearer TOKEN",
        "schema": {"type": "string"}}


def store_operation(method: str) -> dict:
    """The Graph Store Protocol operation for one method."""
    operation: dict = {"parameters": [*GRAPH, AUTH]}
    if method in ("GET", "HEAD"):
        operation["parameters"].append(_param("format", "RDF format (instead of Accept)"))
        operation["responses"] = {"200": {"description": "The graph", "content": {
            media: {"schema": {"type": "string"}} for media in formats.RDF_MEDIA_TYPES[:4]}},
            **_errors(400, 401, 403, 404, 406, 413, 503)}
    else:
        if method in ("PUT", "POST"):
            operation["requestBody"] = RDF_BODY
        operation["responses"] = {"201": {"description": "Created (POST to /store itself: Location)"},
                                  "204": {"description": "Done"}, **_errors(400, 401, 403, 404, 413, 415, 503)}
    return operation

"""diplograph: news about relations between countries, read into a validated OWL/RDF knowledge graph.

The import packages follow the pipeline: ``diplograph.graph`` (extract → resolve → populate →
validate → store), ``diplograph.api`` (the SPARQL endpoint), and ``diplograph.cli`` on top of both.
Run-time data (``ontology``, ``data``, ``queries``) ships as package data beside them.
"""

__version__ = "0.1.0"

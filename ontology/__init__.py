"""The ontology (OWL), the sector scheme (SKOS) and the shapes (SHACL), shipped as package data."""

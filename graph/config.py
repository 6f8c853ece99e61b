"""Where things are and what IRIs look like: one place, so every module agrees."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path


def _package_dir(package: str) -> Path:
    """Run-time data ships inside the distribution; wheels install it as plain files."""
    return Path(str(files(package)))


ONTOLOGY_DIR = _package_dir("diplograph.ontology")
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplograph.ttl"
# The sector scheme and the gazetteers can be swapped for a deployment's own.
SECTORS_FILE = Path(os.environ.get("DIPLOGRAPH_SECTORS_FILE", ONTOLOGY_DIR / "sectors.ttl"))
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DATA_DIR = _package_dir("diplograph.data")
GAZETTEER_DIR = Path(os.environ.get("DIPLOGRAPH_GAZETTEER_DIR", DATA_DIR / "gazetteer"))
COUNTRY_CODES_FILE = DATA_DIR / "country-codes.csv"
QUERIES_DIR = _package_dir("diplograph.queries")
PATTERNS_DIR = DATA_DIR / "patterns"  # dependency patterns for the relations the parse reads (JSONL)
MODELS_DIR = Path(os.environ.get("DIPLOGRAPH_MODELS_DIR", DATA_DIR / "models"))  # weights `diplograph train` writes

ONTOLOGY_NS = "https://w3id.org/diplograph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/diplograph/ontology"
SECTOR_NS = "https://w3id.org/diplograph/sector/"
DEFAULT_BASE_IRI = "https://w3id.org/diplograph/"


@dataclass(frozen=True)
class IRIs:
    """Mints every instance IRI under one base, so a deployment can make them resolvable."""

    base: str = DEFAULT_BASE_IRI

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def entity(self, kind: str, slug: str) -> str:
        return f"{self.base}id/{kind}/{slug}"

    def document(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def sentence(self, doc_id: str, index: int) -> str:
        return f"{self.base}doc/{doc_id}/sentence/{index}"

    def fact(self, doc_id: str, slug: str) -> str:
        return f"{self.base}doc/{doc_id}/fact/{slug}"

    def run(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}/run"

    def software(self, version: str) -> str:
        return f"{self.base}software/diplograph/{version}"

    def report_graph(self, doc_id: str) -> str:
        return f"{self.base}graph/report/{doc_id}"

    def candidates_graph(self, doc_id: str) -> str:
        return f"{self.base}graph/candidates/{doc_id}"

    @property
    def ontology_graph(self) -> str:
        return f"{self.base}graph/ontology"

    @property
    def dataset_graph(self) -> str:
        """The store's own VoID description, which also records the base IRI."""
        return f"{self.base}graph/dataset"

    @property
    def inferred_graph(self) -> str:
        return f"{self.base}graph/inferred"

    @property
    def links_graph(self) -> str:
        return f"{self.base}graph/links"

    @property
    def linkset_graph(self) -> str:
        return f"{self.base}graph/linkset"

    @property
    def report_prefix(self) -> str:
        return self.report_graph("")

    @property
    def candidates_prefix(self) -> str:
        return self.candidates_graph("")


def base_iri_from_env(explicit: str | None = None) -> str:
    return explicit or os.environ.get("DIPLOGRAPH_BASE_IRI") or DEFAULT_BASE_IRI

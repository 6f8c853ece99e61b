"""The endpoint's configuration: one frozen object shared by the app, the worker pool and the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.graph.config import DEFAULT_BASE_IRI


@dataclass(frozen=True)
class Settings:
    """Everything `diplograph serve` can configure; defaults are safe for a public deployment."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout: float = 30.0
    update_token: str | None = None
    service_allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ("*",)
    workers: int = field(default_factory=lambda: max(2, os.cpu_count() or 2))
    max_body_bytes: int = 16 * 1024 * 1024
    max_result_bytes: int = 256 * 1024 * 1024
    max_nesting: int = 128
    examples_dir: Path | None = None  # default: the repository's queries/

    def __post_init__(self) -> None:
        object.__setattr__(self, "store", Path(self.store))
        if not self.base_iri.endswith(("/", "#")):
            object.__setattr__(self, "base_iri", self.base_iri + "/")

    @property
    def updates_enabled(self) -> bool:
        return bool(self.update_token)

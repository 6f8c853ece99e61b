"""The endpoint's configuration: one frozen object shared by the app, the worker pool and the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.graph.config import DEFAULT_BASE_IRI


@dataclass(frozen=True)
class Settings:
    """Everything `diplograph serve` can configure; defaults are safe for a public deployment."""

    store: Path | str  # a folder, or the http(s) URL of a SPARQL store (kept as a string)
    host: str = "127.0.0.1"
    port: int = 7878
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout: float = 30.0
    update_token: str | None = None
    service_allow: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ("*",)
    workers: int = field(default_factory=lambda: (os.cpu_count() or 2) + 1)  # + 1 kept for quick queries
    max_body_bytes: int = 16 * 1024 * 1024
    max_result_bytes: int = 256 * 1024 * 1024
    max_nesting: int = 128
    examples_dir: Path | None = None  # default: the repository's queries/
    engine_memory_mb: int | None = None  # per engine process; None: a share of the RAM; 0: no cap
    service_allow_private: bool = False  # SERVICE/LOAD may reach loopback, private, link-local hosts

    def __post_init__(self) -> None:
        if not str(self.store).startswith(("http://", "https://")):
            object.__setattr__(self, "store", Path(self.store))
        if self.engine_memory_mb is None:
            object.__setattr__(self, "engine_memory_mb", default_engine_memory(self.workers))
        if not self.base_iri.endswith(("/", "#")):
            object.__setattr__(self, "base_iri", self.base_iri + "/")

    @property
    def updates_enabled(self) -> bool:
        return bool(self.update_token)


def default_engine_memory(workers: int) -> int:
    """MiB of address space per engine process: the readers, the writer and the server itself share the
    machine's RAM, so together they cannot exhaust it; never below 2 GiB (a Python process with
    pyoxigraph and its engine thread's stack reserves about 0.7 GiB before it runs anything)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError, AttributeError):
        return 0
    return max(2048, total // (workers + 2))

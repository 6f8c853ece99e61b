"""diplograph's pipeline: extract → resolve → populate → validate → store."""

__version__ = "0.1.0"

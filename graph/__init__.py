"""diplograph's pipeline: extract → resolve → populate → validate → store."""

from diplograph import __version__

__all__ = ["__version__"]

"""Calendar words the rules of several families share, written once: dates in datelines, meetings, periods."""

from __future__ import annotations

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")
MONTH_OR_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

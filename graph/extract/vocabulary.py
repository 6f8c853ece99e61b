"""Words the rules of several families share, written once: calendar words (datelines, meetings, periods) and
the honorifics written before a name."""

from __future__ import annotations

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")
MONTH_OR_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Before a name, never part of it: "H.E. X", "Hon. X", "Datuk Seri X", "Sayyid X", "Chief X" (a Nigerian honorific).
HONORIFIC_WORD = (r"(?:(?:His|Her)\s+(?:Excellency|Highness|Royal\s+Highness|Majesty)|Engineer|Eng\.|"
                  r"(?:Major|Lieutenant|Brigadier)\s+General|Ambassador(?!\s+(?:[a-z]|of\b|to\b|for\b|at\b|in\b|Extraordinary))|"
                  r"Sheikh|Sheikha|Sayyid|Prince|Princess|Datuk\s+Seri|Dato['’]?\s+Sri|Datuk|Dato['’]?|Tan\s+Sri|"
                  r"Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?|Professor|Sir|H\.?\s?E\.?|H\.?\s?H\.?|Hon\.?|Shri|Smt\.?|Sri|"
                  r"Eng\.?|Engr\.?|Gen\.?|Amb\.?|Chief(?!\s+(?:[Ee]xecutive|[Oo]perating|[Ff]inancial|[Oo]f|[Mm]inister|[Ss]ecretary|[Jj]ustice|[Ee]conomist|"
                  r"[Oo]fficer|[Aa]dvis[eo]r|[Nn]egotiator|[Ss]cientist|[Cc]ommercial|[Ii]nvestment|[Ee]ngineer)\b))")

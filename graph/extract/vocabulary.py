"""Words the rules of several families share, written once: calendar words (datelines, meetings, periods),
the honorifics written before a name, the words that deny a clause and the phrases that mean "the article's
two countries".  Each module adds its own words to these in its own patterns."""

from __future__ import annotations

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")
MONTH_OR_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Before a name, never part of it: "H.E. X", "Hon. X", "Datuk Seri X", "Sayyid X", "Chief X" (a Nigerian honorific).
HONORIFIC_WORD = (r"(?:(?:His|Her)\s+(?:Excellency|Highness|Royal\s+Highness|Majesty)|Engineer|Eng\.|"
                  # "Most Honourable X", "Dr the Most Honourable X"
                  r"(?:(?:[Tt]he\s+)?(?:Most|Right|Rt\.?)\s+|[Tt]he\s+)?Honou?rable|Rt\.?\s+Hon\.?|H\.?R\.?H\.?|"
                  r"(?:Major|Lieutenant|Brigadier)\s+General|Ambassador(?!\s+(?:[a-z]|of\b|to\b|for\b|at\b|in\b|Extraordinary))|"
                  r"Sheikh|Sheikha|Sayyid|Prince|Princess|Datuk\s+Seri|Dato['’]?\s+Sri|Datuk|Dato['’]?|Tan\s+Sri|"
                  r"Samdech(?:\s+Akka\s+Moha\s+Sena\s+Padei)?(?:\s+Techo)?|Alhaji|Alhaja|Hajji|"
                  r"Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?|Professor|Sir|Dame|H\.?\s?E\.?|H\.?\s?H\.?|Hon\.?|Shri|Smt\.?|Sri|"
                  r"Eng\.?|Engr\.?|Gen\.?|Amb\.?|Adv\.|Advocate|Chief(?!\s+(?:[Ee]xecutive|[Oo]perating|[Ff]inancial|[Oo]f|[Mm]inister|[Ss]ecretary|[Jj]ustice|[Ee]conomist|"
                  r"[Oo]fficer|[Aa]dvis[eo]r|[Nn]egotiator|[Ss]cientist|[Cc]ommercial|[Ii]nvestment|[Ee]ngineer)\b))")

# Words that deny what a clause says: "will not build", "is no longer a member", "hasn't joined".
NEGATION_WORDS = r"not(?!\s+only\b)|never|no longer|n't"  # "not only ... but also" denies nothing
# The article's two countries, named without naming them: "both countries are members of", "the two sides".
TWO_COUNTRIES = (r"both countries|the two countries|two countries|both nations|the two nations|two nations|"
                 r"both states|the two states|both sides|the two sides|the two neighbou?rs|both neighbou?rs")

# What a company is called before or after its name: "the Korean carmaker X", "Chinese companies such as X".
COMPANY_WORDS = ("company", "firm", "corporation", "consortium", "conglomerate", "holding", "group", "giant", "major",
                 "bank", "lender", "insurer", "fund", "investor", "developer", "operator", "producer", "manufacturer",
                 "maker", "carmaker", "automaker", "drugmaker", "miner", "refiner", "processor", "contractor",
                 "supplier", "exporter", "retailer", "chain", "carrier", "airline", "utility", "startup",
                 "trading house", "business", "enterprise", "subsidiary", "unit", "arm", "affiliate", "division",
                 "concern", "brand", "broadcaster", "steelmaker", "shipbuilder", "multinational")
IRREGULAR_PLURALS = {"company": "companies", "business": "businesses", "utility": "utilities",
                     "subsidiary": "subsidiaries", "trading house": "trading houses"}
COMPANY_PLURALS = tuple(IRREGULAR_PLURALS.get(word, word + "s") for word in COMPANY_WORDS)
# a noun only where no word of the name follows: "a Belgian multinational, X" and not "Swedish multinational
# networking giant X", whose noun comes later
ADJECTIVES_TOO = frozenset({"multinational"})
COMPANY_NOUN = r"(?:" + "|".join(word + r"(?!\s+[a-z])" if word in ADJECTIVES_TOO else word
                                 for word in sorted(COMPANY_WORDS, key=len, reverse=True)) + r")"
COMPANY_NOUN_PLURAL = r"(?:" + "|".join(sorted(COMPANY_PLURALS, key=len, reverse=True)) + r")"

# Sectors (ontology/sectors.ttl) that name a kind of activity rather than an industry: investing in, trading with
# or building a factory in a country says what a company does there, not in which industry.
ACTIVITY_KIND_SECTORS = frozenset({"investment", "manufacturing", "trade"})

# Letters written after a person's name, no part of it: "Laurence Robertson MP, the UK's trade envoy".
POST_NOMINALS = frozenset({"MP", "MEP", "MLA", "MPP", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "PhD"})

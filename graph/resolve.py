"""Resolution: mentions become entities with stable keys.

Inside a document, a surname joins the full name it abbreviates and an acronym
joins the name it was introduced with ("Canadian Institute for Peace and Diplomacy
(CIPD)").  Across documents, the same key gives the same IRI: countries by ISO
code, known regions and organisations by their gazetteer label, everything else
by the slug of its resolved name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.graph.gazetteer import Gazetteer, slug
from diplograph.graph.model import ORGANIZATION_KINDS, Entity, Extraction, Fact, Mention

KIND_RANK = {"Organization": 0, "ThinkTank": 1, "GovernmentBody": 1, "University": 2, "Company": 2,
             "InternationalOrganization": 3}


@dataclass
class Resolution:
    entities: dict[str, Entity]
    entity_of: dict[tuple[int, int], str]  # (start, end) of a mention in the document -> entity key
    facts: list[tuple[Fact, dict[str, list[str]]]]  # each fact with its roles resolved to keys


def _span(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def _acronyms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms a document introduces in parentheses right after a name."""
    found = {}
    for m in mentions:
        if m.kind in ORGANIZATION_KINDS and not m.key:
            match = re.match(r"\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)", text[m.end:])
            if match:
                found[match.group(1)] = m
    return found


def _name_parts(name: str) -> list[str]:
    """A person's name in its parts: "D.Ganbat", a Mongolian name with the father's initial, has two."""
    return [part for part in re.split(r"\s+|(?<=^[A-Z])\.|(?<=^[A-Z][a-z])\.", name.strip()) if part]


# What follows a company's short name in its full one: "Daeyang (Heavy Industries)", "Hyundai (Motor Company)",
# "Attijariwafa (Bank)"
CORPORATE_TAIL = re.compile(r"(?:\s+(?:Group|Groupe|Grupo|Holdings?|Corporation|Corp\.?|Company|Co\.?|Limited|Ltd\.?|"
                            r"Inc\.?|Plc|PLC|LLC|JSC|PJSC|GmbH|AG|SA|S\.A\.|International|Heavy|Industries|"
                            r"Motors?|Bank|Banque|Banco|Airlines|Airways)\b,?)+\.?", re.IGNORECASE)


def _names_person(m: Mention, full_names: list[str]) -> bool:
    """NER often calls a surname an organisation ("Khodjaev said"): it is the person named in full."""
    return m.text in full_names or (len(_name_parts(m.text)) == 1 and any(m.text == _name_parts(n)[-1]
                                                                            for n in full_names))


def _person_key(name: str) -> str:
    return f"person:{slug(name)}"


def _org_key(name: str) -> str:
    return f"organization:{slug(name)}"


def resolve_mentions(extraction: Extraction, text: str, gaz: Gazetteer) -> Resolution:
    entities: dict[str, Entity] = {}
    entity_of: dict[tuple[int, int], str] = {}

    def add(key: str, kind: str, label: str, mention: Mention) -> None:
        entity = entities.setdefault(key, Entity(key, kind, label))
        if KIND_RANK.get(kind, -1) > KIND_RANK.get(entity.kind, -1) and entity.kind in ORGANIZATION_KINDS:
            entity.kind = kind
        entity.aliases.add(mention.text)
        entity.sentences.add(mention.sentence)
        entity_of[_span(mention)] = key

    mentions = extraction.mentions
    full_names = [m.text for m in mentions if m.kind == "Person" and len(_name_parts(m.text)) >= 2]
    acronyms = _acronyms(text, mentions)
    org_names = {m.text for m in mentions if m.kind in ORGANIZATION_KINDS and not m.key}
    # "President Museveni" in an article that never gives his full name: one name, but a post makes it a person
    posted = {m.text for f in extraction.facts if f.kind == "Position" for role, m in f.roles if role == "holder"}
    for m in mentions:
        if m.key:  # gazetteer: country, region, international organisation
            add(m.key, gaz.kind_of(m.key), gaz.label_of(m.key), m)
        elif m.kind == "Person" or _names_person(m, full_names):
            full = m.text if m.text in full_names or (m.kind == "Person" and len(_name_parts(m.text)) >= 2) else next(
                (n for n in full_names if m.text in (_name_parts(n)[-1], _name_parts(n)[0])),
                m.text if m.kind == "Person" and m.text in posted and not m.text.isupper() else None)
            if full:
                add(_person_key(full), "Person", full, m)
        elif m.text in acronyms:
            source = acronyms[m.text]
            add(_org_key(source.text), source.kind, source.text, m)
        elif m.kind in ORGANIZATION_KINDS:
            longer = sorted(n for n in org_names if n.startswith(m.text + " ") and CORPORATE_TAIL.fullmatch(
                n[len(m.text):]))  # "Daeyang" is "Daeyang Heavy Industries"; "Sony" is not "Sony Semiconductor .."
            name = longer[0] if len(longer) == 1 and len(m.text.split()) == 1 else m.text
            add(_org_key(name), m.kind, name, m)
    for acronym, source in acronyms.items():
        key = _org_key(source.text)
        if key in entities:
            entities[key].aliases.add(acronym)
    resolved = []
    for fact in extraction.facts:
        roles: dict[str, list[str]] = {}
        complete = True
        for role, mention in fact.roles:
            key = mention.key or entity_of.get(_span(mention))  # a gazetteer key names the thing itself
            if mention.key and mention.key not in entities:
                add(mention.key, gaz.kind_of(mention.key), gaz.label_of(mention.key), mention)
            if key is None:
                complete = False
                break
            roles.setdefault(role, []).append(key)
        if complete:
            resolved.append((fact, roles))
    return _bodies_named_with_their_country(Resolution(entities, entity_of, resolved), gaz)


# A body every country has, named by its kind and at most one portfolio: "Ministry of Foreign Affairs", "Foreign
# Ministry", "Chamber of Commerce and Industry", "High Commission".  A ministry of several portfolios ("Ministry of
# Planning and Investment") or any other words ("Bank for International Cooperation") has a name of its own.
GENERIC_BODY = re.compile(
    r"(?:Ministry|Department)\s+of\s+(?:the\s+)?(?:(?:Foreign|Home|Internal|Interior|External)\s+)?(?P<of>[A-Z][a-z]+)|"
    r"(?P<before>[A-Z][a-z]+)\s+Ministry|"
    r"Chamber\s+of\s+(?:Commerce|Industry)(?:\s+(?:and|&)\s+(?:Industry|Commerce))?|"
    r"High\s+Commission|Embassy|Consulate(?:\s+General)?|Cabinet\s+of\s+Ministers|National\s+Assembly|Parliament|"
    r"Government|Presidency|Central\s+Bank")


def _a_generic_body(label: str, gaz: Gazetteer) -> bool:
    match = GENERIC_BODY.fullmatch(label)
    portfolio = match and (match.group("of") or match.group("before"))
    return bool(match) and (not portfolio or portfolio.lower() in gaz.portfolio_words)


def _bodies_named_with_their_country(resolution: Resolution, gaz: Gazetteer) -> Resolution:
    """"Turkmenistan's Ministry of Foreign Affairs" is the Ministry of Foreign Affairs of Turkmenistan: a body named
    by its kind alone takes the one home country the article gives it into its name, so that every country's
    ministry is an entity (and an IRI) of its own, not one "Ministry of Foreign Affairs" for all of them."""
    homes: dict[str, set[str]] = {}
    for fact, roles in resolution.facts:
        if fact.kind == "HomeCountry":
            for org in roles.get("organization", []):
                homes.setdefault(org, set()).update(roles.get("country", []))
    renamed: dict[str, str] = {}
    for key, entity in list(resolution.entities.items()):
        countries = homes.get(key, set())
        if entity.kind not in ORGANIZATION_KINDS or key.split(":", 1)[0] != "organization" or len(countries) != 1 \
                or not _a_generic_body(entity.label, gaz):
            continue
        label = f"{entity.label} of {gaz.label_of(next(iter(countries)))}"
        new_key = _org_key(label)
        target = resolution.entities.setdefault(new_key, Entity(new_key, entity.kind, label))
        target.aliases |= entity.aliases
        target.sentences |= entity.sentences
        del resolution.entities[key]
        renamed[key] = new_key
    if not renamed:
        return resolution
    entity_of = {span: renamed.get(key, key) for span, key in resolution.entity_of.items()}
    facts = [(fact, {role: [renamed.get(k, k) for k in keys] for role, keys in roles.items()})
             for fact, roles in resolution.facts]
    return Resolution(resolution.entities, entity_of, facts)

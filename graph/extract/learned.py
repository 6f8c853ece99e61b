"""Learned relation readers: which organisation a sentence places in which country, as its home or its market,
which group a country belongs to, and (on request) which sector is an area of two countries' relations.

Four sessions of hand-written rules lifted the articles they were read from and barely moved unseen ones:
news states a company's home or business abroad in more shapes than rules can list.  Here each pair of an
organisation (or group) and a country named in one sentence is described by features of the parse and the
words around it (`pair_features`, `area_features` for a sector), and a logistic model weighs them.  The
weights are data (`data/models/*.json`), trained by `diplograph train` from annotated articles, so a
deployment can retrain them on its own corpus.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from diplograph.graph.config import MODELS_DIR
from diplograph.graph.extract.memberships import NOT_A_MEMBER
from diplograph.graph.extract.reading import Concept, SentenceView, Word, make_fact
from diplograph.graph.gazetteer import load_gazetteer
from diplograph.graph.model import ORGANIZATION_KINDS, Fact, Mention

RELATIONS = ("home", "activity", "membership", "cooperation")
FACT_KINDS = {"home": "HomeCountry", "activity": "MarketActivity", "membership": "Membership",
              "cooperation": "Cooperation"}
# the fact's roles for the named organisation or group and for the country
ROLES = {"home": ("organization", "country"), "activity": ("organization", "market"),
         "membership": ("group", "member")}
FAMILY = {"home": "organisation", "activity": "organisation", "membership": "group", "cooperation": "area"}
STATUS = "status"  # the model of whether a market activity is planned (above 0.5) or already runs


@dataclass(frozen=True)
class Candidate:
    """What the models judge: an organisation (or, of the family "group", an international group) and a
    country named in one sentence; or, of the family "area", a sector a sentence names (`sector`) as a
    possible area of the article's two countries' relations."""

    sentence: int
    family: str
    org: Mention | None
    place: Mention | None
    features: tuple[str, ...]
    sector: str | None = None

    def key(self) -> tuple[str, str]:
        """What the candidate is about, whichever sentence says it: the names of both, or the sector."""
        return (self.sector, "") if self.sector else (self.org.text, self.place.key)


@dataclass(frozen=True)
class Model:
    """A logistic model: weights of features, a bias and the probability above which a pair is a fact."""

    relation: str
    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_file(relation: str) -> Path:
    return MODELS_DIR / f"{relation}.json"


@cache
def load_model(relation: str) -> Model | None:
    """The trained model of a relation, or None where none has been trained (rules alone then)."""
    path = model_file(relation)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(relation, float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                 float(data["threshold"]))


# ---------------------------------------------------------------------------
# Features


def _word_at(words: list[Word], offset: int) -> int | None:
    return next((i for i, w in enumerate(words) if w.start <= offset < w.end), None)


def _head(words: list[Word], start: int, end: int) -> int | None:
    """The word of a span whose head lies outside it: the span's syntactic head."""
    inside = [i for i, w in enumerate(words) if start <= w.start < end]
    for i in inside:
        if words[i].head not in inside or words[i].head == i:
            return i
    return inside[-1] if inside else None


def _ancestors(words: list[Word], i: int) -> list[int]:
    chain = [i]
    while words[chain[-1]].head != chain[-1] and len(chain) < 40:
        chain.append(words[chain[-1]].head)
    return chain


def _path_features(words: list[Word], a: int, b: int) -> list[str]:
    """The dependency path between two heads: the word where their chains meet, the relations up to it,
    and the verbs on the way ("Acme will build a plant in Kenya": build, nsubj / dobj-prep-pobj)."""
    up_a, up_b = _ancestors(words, a), _ancestors(words, b)
    meet = next((i for i in up_a if i in up_b), None)
    if meet is None:
        return ["path=none"]
    left = [words[i].dep for i in up_a[:up_a.index(meet)]]
    right = [words[i].dep for i in up_b[:up_b.index(meet)]]
    on_path = up_a[:up_a.index(meet) + 1] + up_b[:up_b.index(meet)]
    found = [f"meet={words[meet].lemma.lower()}", f"meetpos={words[meet].pos}",
             f"left={'-'.join(left[:4])}", f"right={'-'.join(right[:4])}",
             f"path={'-'.join(left[:3])}|{'-'.join(right[:3])}", f"pathlen={min(len(on_path), 7)}"]
    found += [f"pverb={words[i].lemma.lower()}" for i in on_path if words[i].pos in ("VERB", "NOUN")]
    return found


def _nearby(words: list[Word], i: int | None, name: str) -> list[str]:
    if i is None:
        return []
    before = words[i - 1].text.lower() if i > 0 else "<s>"
    return [f"{name}-1={before}", f"{name}-2={' '.join(w.text.lower() for w in words[max(0, i - 2):i])}"]


def sentence_features(view: SentenceView) -> tuple[str, ...]:
    """What the whole sentence says about time and deed: its verbs and auxiliaries ("will", "has")."""
    found = [f"sverb={w.lemma.lower()}" for w in view.words if w.pos == "VERB"]
    found += [f"root={w.lemma.lower()}" for w in view.words if w.dep == "ROOT"]
    found += [f"tense={w.text.lower()}" for w in view.words if w.dep in ("aux", "auxpass")]
    return tuple(found)


def pair_features(view: SentenceView, org: Mention, place: Mention, pair: tuple[str, str] | None,
                  sentence: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Features of one organisation and one country of a sentence.  Nothing the rules concluded is among
    them: the rules fit the articles they were written from, and a model leaning on them would learn that."""
    words = view.words
    o_head, p_head = _head(words, org.start, org.end), _head(words, place.start, place.end)
    first, second = (place, org) if place.start < org.start else (org, place)
    between = view.text[first.end:second.start]
    found = [f"okind={org.kind}", f"via={place.via}", f"order={'place' if place is first else 'org'}_first",
             f"via_order={place.via}_{'place' if place is first else 'org'}_first"]
    if org.start <= place.start and place.end <= org.end:
        found.append("place_in_name")
    gap = [w for w in words if first.end <= w.start and w.end <= second.start]
    found.append(f"gap={min(len(gap), 12) // 3}")
    if len(gap) <= 8:
        found += [f"btw={w.lemma.lower()}" for w in gap if w.pos not in ("DET", "PUNCT")]
        found.append(f"btwtext={between.strip().lower()[:30]}")
    else:
        found.append("btw=far")
    found += _nearby(words, _word_at(words, place.start), "bplace") + _nearby(words, _word_at(words, org.start), "borg")
    after = _word_at(words, place.end) if place.end < len(view.text) else None
    if after is not None:
        found.append(f"aplace={words[after].text.lower()}")
    if o_head is not None and p_head is not None:
        found += _path_features(words, o_head, p_head)
        found.append(f"odep={words[o_head].dep}")
        found.append(f"pdep={words[p_head].dep}")
    found.append("pair=" + ("none" if pair is None else "in" if place.key in pair else "out"))
    found.append(f"places={min(len(view.countries()), 3)}")
    return tuple(found) + (sentence if sentence is not None else sentence_features(view))


# ---------------------------------------------------------------------------
# Candidates and facts


def _organisations(view: SentenceView) -> list[Mention]:
    return [m for m in view.mentions if m.kind in ORGANIZATION_KINDS and m.kind != "InternationalOrganization"]


def _tags_a_name(view: SentenceView, place: Mention) -> bool:
    """"Hoshida Automobile (Thailand)": a country in brackets after a name is part of the name."""
    return view.text[place.end:place.end + 1] == ")" and view.text[:place.start].endswith("(") and any(
        m.end <= place.start and not view.text[m.end:place.start - 1].strip() for m in _organisations(view))


def _groups(view: SentenceView) -> list[Mention]:
    return [m for m in view.mentions if m.kind == "InternationalOrganization" and m.key]


def known_membership(group: Mention, place: Mention) -> str:
    """What the gazetteer knows of a country's membership of a group: "member", "outsider" (the group's
    members are listed and the country is not among them) or "unknown".  A sentence naming the G7 and Kazakhstan
    says nothing of Kazakhstan's joining it, however the parse reads."""
    known = load_gazetteer().known.get(group.key or "")
    if known is None or not known.members or not place.key or place.kind != "Country":
        return "unknown"
    return "member" if place.key.split(":", 1)[1] in known.members else "outsider"


def candidates(views: list[SentenceView], pair: tuple[str, str] | None,
               families: frozenset[str] = frozenset(FAMILY.values())) -> list[Candidate]:
    """Every organisation, and every international group, with every country named in the same sentence,
    and every sector, described for the models; only of the `families` asked for."""
    found = []
    for view in views:
        if view.is_title:
            continue
        places = [m for m in view.places() if m.key and not _tags_a_name(view, m)]
        organisations, groups = _organisations(view), _groups(view)
        # a company's sector is its business, and a sector named beside a group ("its role in the G20 and in
        # global infrastructure") is the group's: neither is an area of the two countries' relations
        areas = view.concepts if "area" in families and pair and not organisations and not groups else []
        if not (places and (organisations or groups)) and not areas or not view.words:
            continue  # the parse is read into words only for the sentences that have a candidate
        sentence = sentence_features(view)
        for family, names in (("organisation", organisations), ("group", groups)):
            for name in names if family in families else ():
                for place in places:
                    if place.start < name.end and name.start < place.end and not (
                            family == "organisation" and name.start <= place.start and place.end <= name.end):
                        continue
                    features = pair_features(view, name, place, pair, sentence)
                    if family == "group":
                        known = known_membership(name, place)
                        if known == "outsider":
                            continue  # the rules' plausibility check, for the model's readings too
                        features += (f"known={known}",)
                    found.append(Candidate(view.index, family, name, place, features))
        found += [Candidate(view.index, "area", None, None, area_features(view, c, pair, sentence), c.iri)
                  for c in areas]
    return found


def area_features(view: SentenceView, concept: Concept, pair: tuple[str, str],
                  sentence: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Features of a sector named in a sentence, as an area of the article's two countries' relations: the
    sector itself, the words around it and the sentence's verbs, and which of the two the sentence names."""
    words = view.words
    at = _word_at(words, concept.start)
    end = _word_at(words, max(concept.start, concept.end - 1))
    named = set(view.countries()) & set(pair)
    found = ["area", f"sector={concept.iri.rsplit('/', 1)[-1]}", f"commodity={concept.is_commodity}",
             f"pair_named={len(named)}", f"places={min(len(view.countries()), 3)}", f"money={bool(view.money)}",
             f"sentence={min(view.index, 4)}", f"sectors={min(len(view.concepts), 4)}"]
    if at is not None and end is not None:
        found += [f"w-{k}={words[at - k].lemma.lower()}" for k in (1, 2, 3) if at - k >= 0]
        found += [f"w+{k}={words[end + k].lemma.lower()}" for k in (1, 2) if end + k < len(words)]
        found += [f"near={w.lemma.lower()}" for w in words[max(0, at - 6):end + 4] if w.pos in ("NOUN", "VERB", "ADP")]
        found += [f"up={words[i].lemma.lower()}" for i in _ancestors(words, end)[1:4]]
    return tuple(found) + (sentence if sentence is not None else sentence_features(view))


def _not_a_member_between(view: SentenceView, cand: Candidate) -> bool:
    """A word close between a country and a group that says it is no member: candidate, observer, applied."""
    first, last = sorted((cand.org, cand.place), key=lambda m: m.start)
    between = view.text[first.end:last.start]
    return len(between) <= 60 and NOT_A_MEMBER.search(between) is not None


def learned_facts(views: list[SentenceView], facts: list[Fact], pair: tuple[str, str] | None,
                  models: dict[str, Model | None] | None = None) -> list[Fact]:
    """The homes, markets, memberships and areas the models find that the rules did not state, each read once
    per name and country (its best sentence).  `models` (by relation, and `STATUS`) defaults to the trained
    ones; a relation without a model is left to the rules."""
    models = models if models is not None else {r: load_model(r) for r in (*RELATIONS, STATUS)}
    status_model = models.get(STATUS)
    models = {r: models.get(r) for r in RELATIONS}
    if not any(models.values()):
        return []
    by_index = {v.index: v for v in views}
    said = stated(facts)
    read = {(r, f.sentence) for f in facts for r in RELATIONS if f.kind == FACT_KINDS[r]}
    housed = {f.role("organization").text for f in facts if f.kind == "HomeCountry"}  # one home is enough
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for cand in candidates(views, pair, frozenset(FAMILY[r] for r, model in models.items() if model)):
        if any(w.dep == "neg" for w in by_index[cand.sentence].words):
            continue  # "will not build": too few negations in the corpus for a model to learn them
        if cand.family == "group" and _not_a_member_between(by_index[cand.sentence], cand):
            continue  # "Croatia, a candidate for EU membership": the rules' words for no membership hold here too
        for relation, model in models.items():
            if model is None or FAMILY[relation] != cand.family or (relation, cand.sentence) in read:
                continue  # where the rules read a sentence for a relation, their reading stands
            key = (relation, *cand.key())
            if key in said or (relation == "home" and (cand.org.text in housed or (
                    "activity", *cand.key()) in said)):
                continue
            p = model.probability(cand.features)
            if p >= model.threshold and p > best.get(key, (0.0, cand))[0]:
                best[key] = (p, cand)
    likeliest_home: dict[str, float] = {}  # an organisation has one home
    for (relation, org, _), (p, _) in best.items():
        if relation == "home":
            likeliest_home[org] = max(p, likeliest_home.get(org, 0.0))
    best = {k: v for k, v in best.items() if k[0] != "home" or v[0] >= likeliest_home[k[1]]}
    homes = {(o, c) for relation, o, c in best if relation == "home"}
    parties = [m for key in pair or () for m in [_last_named(views, key)] if m]
    found = []
    for (relation, org, country), (p, cand) in best.items():
        if relation == "activity" and (org, country) in homes:
            continue  # a company's own country is no market of its
        if relation == "cooperation":
            if len(parties) == 2:
                found.append(make_fact("Cooperation", by_index[cand.sentence], {"party": parties}, round(p, 2),
                                       sector=cand.sector))
            continue
        values = {}
        if relation == "activity":
            planned = status_model.probability(cand.features) >= status_model.threshold if status_model else (
                "tense=will" in cand.features)
            values["status"] = "planned" if planned else "active"
        name_role, place_role = ROLES[relation]
        found.append(make_fact(FACT_KINDS[relation], by_index[cand.sentence],
                               {name_role: cand.org, place_role: cand.place}, round(p, 2), **values))
    return found


def stated(facts: list[Fact]) -> set[tuple[str, str, str]]:
    """What the facts already say, as the candidates' keys: (relation, name, country key) or (relation,
    sector, "")."""
    found = {(r, f.role(ROLES[r][0]).text, f.role(ROLES[r][1]).key) for f in facts for r in ROLES
             if f.kind == FACT_KINDS[r] and f.role(ROLES[r][0]) and f.role(ROLES[r][1])}
    return found | {("cooperation", str(f.value("sector")), "") for f in facts
                    if f.kind == "Cooperation" and f.value("sector")}


def _last_named(views: list[SentenceView], key: str) -> Mention | None:
    return next((m for v in reversed(views) for m in v.places() if m.key == key), None)

"""The learned readers of homes and markets, and `diplograph train` that fits them.

The models' weights are data, so these tests fix their own small models and check what a user relies
on: a model's probability is the logistic of its weights, a pair above the threshold becomes a fact the
rules did not state (once per organisation and country, never a second home, never a market in the
organisation's own country), and training on annotated articles writes models extraction can read.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.graph.extract import read_views
from diplograph.graph.extract.learned import STATUS, Model, candidates, learned_facts, load_model
from diplograph.train import choose_threshold, fit

pytestmark = pytest.mark.usefixtures("nlp_loaded")
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev"


def test_probability_is_the_logistic_of_the_weights_of_the_features_present() -> None:
    model = Model("activity", bias=-math.log(3), weights={"a": math.log(3), "b": math.log(9)}, threshold=0.5)
    assert model.probability(("a",)) == pytest.approx(0.5)  # -ln 3 + ln 3 = 0
    assert model.probability(("b",)) == pytest.approx(0.75)  # e^(ln 3) / (1 + e^(ln 3))
    assert model.probability(("a", "a", "unknown")) == pytest.approx(0.5)  # a feature counts once


def _always(relation: str, feature: str) -> Model:
    """A model sure of every pair with `feature`, and against every other."""
    return Model(relation, bias=-10.0, weights={feature: 20.0}, threshold=0.5)


TEXT = "Acme Holdings will open a plant in Kenya, and the Kenyan firm Zuri Group already runs shops in Ghana."


def _views():
    return read_views(TEXT)[1]


def test_every_organisation_pairs_with_every_country_of_its_sentence() -> None:
    pairs = {(c.org.text, c.place.key) for c in candidates(_views(), None)}
    assert pairs == {("Acme Holdings", "country:KEN"), ("Acme Holdings", "country:GHA"),
                     ("Zuri Group", "country:KEN"), ("Zuri Group", "country:GHA")}


def test_a_group_pairs_only_with_countries_its_known_membership_does_not_exclude() -> None:
    """The gazetteer lists the G7's members: Kenya is not one, so no candidate; Japan is ("known=member"); a
    group whose members the gazetteer does not list pairs with all ("known=unknown")."""
    views = read_views("Japan and Kenya met at the G7 summit, and Kenya and Japan spoke at the United Nations.")[1]
    found = {(c.org.key, c.place.key, next(f for f in c.features if f.startswith("known=")))
             for c in candidates(views, None) if c.family == "group"}
    assert found == {("io:group-of-seven", "country:JPN", "known=member"),
                     ("io:united-nations", "country:JPN", "known=unknown"),
                     ("io:united-nations", "country:KEN", "known=unknown")}


def test_no_membership_where_the_words_between_say_there_is_none() -> None:
    """A model sure of every known member still reads no membership where the words between the country and
    the group deny one, the words the rules use: "Croatia, a candidate for EU membership"."""
    models = {"membership": _always("membership", "known=member"), "home": None, "activity": None,
              "cooperation": None}
    views = read_views("Croatia, a candidate for EU membership, wants closer ties. Austria, a member of the EU, "
                       "agrees.")[1]
    found = {(f.role("member").key, f.role("group").key) for f in learned_facts(views, [], None, models)}
    assert found == {("country:AUT", "io:european-union")}


def test_a_pair_above_the_threshold_becomes_a_market_with_the_status_models_verdict() -> None:
    models = {"activity": _always("activity", "via=name"), "home": None,
              STATUS: _always(STATUS, "tense=will")}
    found = {(f.role("organization").text, f.role("market").key, f.value("status"))
             for f in learned_facts(_views(), [], None, models)}
    # "Kenya" and "Ghana" are named (via=name), so each organisation pairs with both
    assert found == {("Acme Holdings", "country:KEN", "planned"), ("Acme Holdings", "country:GHA", "planned"),
                     ("Zuri Group", "country:KEN", "planned"), ("Zuri Group", "country:GHA", "planned")}


def test_no_second_home_and_no_market_at_home() -> None:
    views = _views()
    models = {"activity": _always("activity", "okind=Company"),
              "home": _always("home", "via_order=adjective_place_first"), STATUS: None}
    found = learned_facts(views, [], None, models)
    homes = {(f.role("organization").text, f.role("country").key) for f in found if f.kind == "HomeCountry"}
    markets = {(f.role("organization").text, f.role("market").key) for f in found if f.kind == "MarketActivity"}
    assert homes == {("Zuri Group", "country:KEN")}  # "the Kenyan firm Zuri Group"
    assert ("Zuri Group", "country:KEN") not in markets and ("Zuri Group", "country:GHA") in markets
    # with a home the rules gave, the model adds none
    zuri = next(m for m in views[0].mentions if m.text == "Zuri Group")
    ghana = next(m for m in views[0].mentions if m.key == "country:GHA")
    from diplograph.graph.extract.reading import make_fact
    ruled = make_fact("HomeCountry", views[0], {"organization": zuri, "country": ghana}, 0.8)
    again = learned_facts(views, [ruled], None, models)
    assert not [f for f in again if f.kind == "HomeCountry"]


def test_fit_learns_which_feature_marks_the_positives() -> None:
    bias, weights = fit([("a", "x")] * 10 + [("b", "x")] * 10, [1] * 10 + [0] * 10, min_count=1)
    assert weights["a"] > 0 > weights["b"]
    p = 1 / (1 + math.exp(-(bias + weights["a"] + weights.get("x", 0.0))))
    assert p > 0.8


def test_the_threshold_is_the_lowest_at_which_the_model_alone_is_precise_enough() -> None:
    class E:  # one article, four pairs: two right at 0.9 and 0.6, two wrong at 0.7 and 0.4
        def __init__(self, org: str, label: int, ruled: bool = False) -> None:
            self.document, self.org, self.country, self.labels = "d", org, "c", {"activity": label}
            self.ruled = {"activity": ruled}

    scored = [(E("a", 1), 0.9), (E("b", 1), 0.6), (E("c", 0), 0.7), (E("d", 0), 0.4)]
    # up to 0.40 all four: 2 of 4; above 0.40 up to 0.60: 2 of 3; above 0.60 up to 0.70: 1 of 2; then 1 of 1
    assert choose_threshold(scored, "activity", 0.6) == 0.42
    assert choose_threshold(scored, "activity", 0.9) == 0.72
    # where the rules already state "a", the model adds only b and c above 0.40 (1 of 2) and nothing above 0.70
    scored[0] = (E("a", 1, ruled=True), 0.9)
    assert choose_threshold(scored, "activity", 0.6, min_added=0.6) == 0.72
    assert choose_threshold(scored, "activity", 0.6, min_added=0.5) == 0.42


def test_the_shipped_models_load() -> None:
    for relation in ("home", "activity", STATUS):
        model = load_model(relation)
        assert model is not None and model.weights and 0.3 <= model.threshold <= 1.0


def test_train_writes_models_extraction_reads(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for gold in sorted(CORPUS.glob("*.json"))[:12]:
        shutil.copy(gold, corpus)
        shutil.copy(gold.with_suffix(".txt"), corpus)
    out = tmp_path / "models"
    run = subprocess.run([sys.executable, "-m", "diplograph", "train", str(corpus), "-o", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    for relation in ("home", "activity", "membership", STATUS):
        data = json.loads((out / f"{relation}.json").read_text(encoding="utf-8"))
        assert data["relation"] == relation and data["weights"] and data["examples"] > 0
    assert not (out / "cooperation.json").exists()  # areas only when asked for
    assert "home:" in run.stdout and "activity:" in run.stdout


def test_train_names_what_it_cannot_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = subprocess.run([sys.executable, "-m", "diplograph", "train", str(empty), "-o", str(tmp_path / "m")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and str(empty) in run.stderr and "Traceback" not in run.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.json").write_text(json.dumps({"documents": ["missing.txt"]}), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "diplograph", "train", str(broken), "-o", str(tmp_path / "m")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "a.json" in run.stderr and "missing.txt" in run.stderr
    assert not (tmp_path / "m").exists()
    run = subprocess.run([sys.executable, "-m", "diplograph", "train", str(CORPUS), "--relations", "home,roles",
                          "-o", str(tmp_path / "m")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--relations" in run.stderr and "roles" in run.stderr
    assert not (tmp_path / "m").exists()


def test_no_learned_fact_from_a_negated_sentence_a_tag_in_brackets_or_a_sentence_the_rules_read() -> None:
    models = {"activity": _always("activity", "okind=Company"), "home": None, STATUS: None}
    negated = read_views("Acme Holdings will not open a plant in Kenya.")[1]
    assert learned_facts(negated, [], None, models) == []
    tagged = read_views("Representatives of Zuri Group (Kenya) and of Acme Holdings attended.")[1]
    assert learned_facts(tagged, [], None, models) == []
    views = _views()
    acme = next(m for m in views[0].mentions if m.text == "Acme Holdings")
    kenya = next(m for m in views[0].mentions if m.text == "Kenya")
    from diplograph.graph.extract.reading import make_fact
    ruled = make_fact("MarketActivity", views[0], {"organization": acme, "market": kenya}, 0.8, status="planned")
    assert learned_facts(views, [ruled], None, models) == []  # the sentence is the rules'
    assert learned_facts(views, [], None, models)  # ... and without them the model reads it


def test_a_sector_judged_an_area_is_cooperation_of_the_articles_two_countries() -> None:
    text = ("Kenya and Japan held talks in Nairobi. Kenya and Japan are partners. "
            "The ministers also spoke about tourism.")
    views = read_views(text)[1]
    pair = ("country:KEN", "country:JPN")
    models = {"cooperation": _always("cooperation", "area"), STATUS: None}
    found = [f for f in learned_facts(views, [], pair, models) if f.kind == "Cooperation"]
    assert {(str(f.value("sector")).rsplit("/", 1)[-1], frozenset(m.key for m in f.roles_named("party")))
            for f in found} == {("tourism", frozenset(pair))}
    assert learned_facts(views, [], None, models) == []  # no pair, no area between two countries
    from diplograph.graph.extract.reading import make_fact
    ruled = make_fact("Cooperation", views[0], {"party": found[0].roles_named("party")}, 0.7,
                      sector=found[0].value("sector"))
    assert learned_facts(views, [ruled], pair, models) == []  # stated by the rules already

"""The federated example queries, run by Oxigraph against recorded Wikidata answers on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib.plugins.sparql

from diplograph.graph.store import query

QUERIES = Path(__file__).resolve().parents[2] / "queries" / "federated"
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"


def run_against(store, name: str, endpoint: str) -> list[dict[str, str]]:
    text = (QUERIES / name).read_text(encoding="utf-8").replace(WIKIDATA_SPARQL, endpoint)
    return [{v: s[v].value for v in ("label", "wikidata", "population", "capitalLabel") if s[v] is not None}
            for s in query(store, text)]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_each_example_is_commented_sparql_with_a_wikidata_service(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "allow-list" in text
    assert f"SERVICE <{WIKIDATA_SPARQL}>" in text
    rdflib.plugins.sparql.prepareQuery(text)  # parses as SPARQL 1.1


def test_population_and_capital_join_the_graph_with_wikidata(store, replay_server):
    api, log = replay_server
    endpoint = api.replace("/w/api.php", "/sparql")
    population = run_against(store, "wikidata_country_population.rq", endpoint)
    assert population == [  # one row per country (no union-graph duplicates), biggest first
        {"label": "Germany", "wikidata": WD + "Q183", "population": "84432670"},
        {"label": "Mongolia", "wikidata": WD + "Q711", "population": "3481145"},
    ]
    capitals = run_against(store, "wikidata_country_capital.rq", endpoint)
    assert {(r["label"], r["capitalLabel"]) for r in capitals} == {("Germany", "Berlin"), ("Mongolia", "Ulaanbaatar")}
    sent = [json.loads(line)["sparql"] for line in log.read_text().splitlines()]
    assert len(sent) == 2 and all("P297" in q for q in sent)  # the small, bounded inner pattern

"""Resolution of the names one article gives a person or a company, on whole texts with invented names."""

from __future__ import annotations

import pytest

from diplograph.graph.extract import extract
from diplograph.graph.gazetteer import load_gazetteer
from diplograph.graph.resolve import resolve_mentions

pytestmark = pytest.mark.usefixtures("nlp_loaded")


def labels(text: str) -> dict[str, set[str]]:
    """{entity label: the names it was given} of the people and organisations."""
    resolution = resolve_mentions(extract(text), text, load_gazetteer())
    return {e.label: e.aliases for e in resolution.entities.values() if not e.key.startswith(("country:", "io:"))}


def test_a_short_name_is_the_full_name_only_when_the_rest_is_a_corporate_tail() -> None:
    """"Daesan" is "Daesan Heavy Industries"; "Sonix" is not its subsidiary "Sonix Semiconductor Solutions"."""
    text = ("Poland and Korea signed a deal. Poland's agency signed a contract with South Korea's Daesan Heavy "
            "Industries. Daesan opened a Warsaw office in 2023. Japan and Taiwan held talks. Sonix CEO Kenji "
            "Yamada attended. Sonix Semiconductor Solutions holds a stake in the plant.")
    found = labels(text)
    assert "Daesan" in found.get("Daesan Heavy Industries", set())
    assert "Daesan" not in found
    assert "Sonix" in found and "Sonix Semiconductor Solutions" in found


def test_a_bank_called_by_its_short_name_is_the_bank() -> None:
    """"Cedrabank" after "Cedrabank Bank" is one bank (a subsidiary's longer name stays apart: see above)."""
    text = ("Morocco and Kenya held talks. Morocco's Cedrabank Bank plans acquisitions in Kenya. Cedrabank already has "
            "subsidiaries in Gabon and Mali.")
    found = labels(text)
    assert "Cedrabank" in found.get("Cedrabank Bank", set()) and "Cedrabank" not in found


def test_a_person_named_by_one_name_is_kept_when_the_article_gives_a_post() -> None:
    """"President Mabunda" with no full name anywhere: a person with a post, not dropped for want of a given
    name; a lone name without a post still is."""
    text = ("KAMPALA, May 3 - President Mabunda yesterday received Egyptian investors and invited them to invest in "
            "Uganda. Mabunda said Uganda wants more trade with Egypt. Tekwani wrote about it.")
    found = labels(text)
    assert "Mabunda" in found
    assert "Tekwani" not in found


def test_a_name_with_the_fathers_initial_glued_on_is_a_full_name() -> None:
    text = ("Mongolia and Japan held talks. Present were Mongolian Minister for Road and Transport Development "
            "D.Bold and others.")
    assert "D.Bold" in labels(text)


def test_a_body_named_by_its_kind_alone_takes_its_country_into_its_name() -> None:
    """"Turkmenistan's Ministry of Foreign Affairs": every country has one, so the entity is the Ministry of
    Foreign Affairs of Turkmenistan, the short name an alias; a body with a name of its own keeps it."""
    text = ("Turkmenistan and Germany held talks in Ashgabat. Turkmenistan's Ministry of Foreign Affairs said trade "
            "would grow. A spokesman for the Ministry of Foreign Affairs added that Germany's Rhein Logistik Group "
            "will open an office.")
    found = labels(text)
    assert "Ministry of Foreign Affairs" in found.get("Ministry of Foreign Affairs of Turkmenistan", set())
    assert "Ministry of Foreign Affairs" not in found
    assert "Rhein Logistik Group" in found

"""Web copy as it is saved: characters a reader never sees must not change what is read."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pipeline_helpers import of_kind

from diplograph.graph.documents import as_printed, read_document
from diplograph.graph.extract import extract

pytestmark = pytest.mark.usefixtures("nlp_loaded")


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("Deputy\u00a0Foreign Minister", "Deputy Foreign Minister"),  # no-break space
        ("1\u202f250 tonnes", "1 250 tonnes"),  # narrow no-break space
        ("Jab\u00adlonski\u200b met", "Jablonski met"),  # soft hyphen, zero-width space
        ("Johnson &amp; Johnson&#8217;s plant", "Johnson & Johnson’s plant"),  # HTML character references
        ("R&D; AT&T &unknownname;", "R&D; AT&T &unknownname;"),  # an ampersand that references nothing stays
        ("said.  The\t\tminister", "said. The minister"),  # a run of spaces inside a line
        ("one\r\ntwo\rthree\u2028four", "one\ntwo\nthree\nfour"),  # every line break is a newline
        ("\tindented  \n\n  paragraph", "indented\n\nparagraph"),  # a line's margins go, blank lines stay
        ("S\u0327ims\u0327ek", "\u015eim\u015fek"),  # a letter and its combining mark are one letter (NFC)
        ("Kassym\u2011Jomart co\u2010operation", "Kassym-Jomart co-operation"),  # Unicode hyphens
    ],
)
def test_as_printed(raw: str, printed: str) -> None:
    assert as_printed(raw) == printed


def test_a_saved_web_page_reads_as_its_clean_twin(tmp_path: Path) -> None:
    """The same article with no-break spaces, a soft hyphen and an entity gives the same post and home."""
    clean = ("Poland's Deputy Foreign Minister Pawel Lis met officials of Miedz & Co. in Lusaka. "
             "Polish copper producer Miedzbud plans to build a smelter in Zambia.")
    web = clean.replace("Foreign Minister ", "Foreign\u00a0Minister\u00a0").replace("Miedzbud", "Miedz\u00adbud")
    web = web.replace("&", "&amp;")
    path = tmp_path / "web.txt"
    path.write_text(web, encoding="utf-8")
    document = read_document(path)
    assert document.text == clean

    def read(text: str) -> set[tuple]:
        facts = extract(text).facts
        return {(f.kind, tuple((r, m.text) for r, m in f.roles)) for f in
                of_kind(facts, "Position") + of_kind(facts, "HomeCountry")}

    assert read(document.text) == read(clean)
    assert ("Position", (("holder", "Pawel Lis"), ("affiliation", "Poland"))) in read(clean)


def test_indented_and_decomposed_copy_reads_as_its_clean_twin(tmp_path: Path) -> None:
    """Paragraphs indented by a tab, and accents saved as combining marks (as some systems save them), give the
    same officials as the clean text: the tab hid the dateline, and a combining mark ended a name at "Mehmet"."""
    clean = ("Turkey and Qatar agree to raise trade\n\n"
             "DOHA, 14 November 2023. Turkey and Qatar signed twelve agreements on Tuesday.\n\n"
             "Addressing business leaders, President Kerem Aydinoglu thanked the emir for the visit.\n\n"
             "In July, Aydinoglu made a tour of the Gulf, visiting Saudi Arabia, Qatar and the UAE. Finance Minister "
             "Mehmet \u015eeny\u00fcrek set off on a second tour of Gulf countries in October.")
    typed = "\n".join("\t" + line if line else line for line in clean.split("\n"))
    path = tmp_path / "typed.txt"
    path.write_text(unicodedata.normalize("NFD", typed), encoding="utf-8")
    document = read_document(path)
    assert document.text == clean

    def holders(text: str) -> set[str]:
        return {f.role("holder").text for f in of_kind(extract(text).facts, "Position")}

    assert holders(document.text) == holders(clean) == {"Kerem Aydinoglu", "Mehmet \u015eeny\u00fcrek"}

"""The SVG pictures and the profile sections, one pure function at a time (no server)."""

from __future__ import annotations

import re

import pytest

from diplograph.api import pictures, profiles, result_pictures
from diplograph.api.pictures import Edge, Node

BASE = "https://w3id.org/diplograph/"
CHL, VNM, PER = BASE + "id/country/CHL", BASE + "id/country/VNM", BASE + "id/country/PER"


def bars(svg: str) -> list[tuple[float, float]]:
    """(top, height) of each bar."""
    return [(float(y), float(h)) for y, h in re.findall(r'<rect class="bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" '
                                                        r'height="([\d.]+)"', svg)]


def test_bars_start_at_zero_and_compare():
    svg = pictures.bar_chart({"trade with Vietnam": {2022: 1.8e9, 2023: 2.4e9}}, "Trade", "USD")
    (top1, h1), (top2, h2) = bars(svg)
    assert round(top1 + h1, 1) == round(top2 + h2, 1), "one baseline"
    assert abs(h1 / h2 - 0.75) < 0.01, "1.8 is three quarters of 2.4"
    # the axis ends on the round number above the largest bar: 2.5 billion, so 2.4 fills 96% of it
    assert "2.5 billion</text>" in svg
    plot = 300 - 16 - 40
    assert abs(h2 - plot * 0.96) < 0.5
    assert "<title>trade with Vietnam, 2022: USD 1.8 billion</title>" in svg
    assert 'role="img"' in svg and "<desc" in svg


def test_no_years_no_chart():
    assert pictures.bar_chart({"trade with Peru": {}}, "Trade", "USD") == ""


def test_round_axis_tops_and_amounts_in_words():
    assert [pictures._nice_top(v) for v in (7, 1, 2.4e9, 101)] == [10, 1, 2.5e9, 200]
    assert pictures.human_amount(4.1e9) == "4.1 billion"
    assert pictures.human_amount(535e6) == "535 million"


def test_map_colours_linked_countries_and_skips_antarctica():
    svg = pictures.world_map({"CHL": 10, "VNM": 1}, {"CHL": "/id/country/CHL"}, "Facts")
    chile = re.search(r'<a href="/id/country/CHL"><path d="[^"]+" fill="(#\w+)"><title>Chile: 10 facts', svg)
    vietnam = re.search(r'<path d="[^"]+" fill="(#\w+)"><title>Vietnam: 1 facts', svg)
    brazil = re.search(r'<path d="[^"]+" fill="(#\w+)"><title>Brazil: 0 facts', svg)
    assert chile and vietnam and brazil
    assert chile.group(1) == "#08519c" and vietnam.group(1) == "#deebf7" and brazil.group(1) == "#eeeeee"
    assert svg.count("<a href=") == 1, "only a country with a page is a link"
    assert "Antarctica" not in svg


def test_russia_is_drawn_whole_across_the_antimeridian():
    russia = next(path for code, _, path in pictures.country_paths() if code == "RUS")
    for ring in russia.split("M")[1:]:
        xs = [float(p.split(",")[0]) for p in ring.rstrip("Z").split("L")]
        assert max(abs(a - b) for a, b in zip(xs, xs[1:], strict=False)) < 480, "no line across the whole map"


def test_neighbourhood_one_line_per_pair_naming_every_relation():
    nodes = [Node("c", "Chile", None, 0), Node("v", "Vietnam", "/v", 1), Node("a", "Andes Cobre", "/a", 1),
             Node("p", "Peru", "/p", 2, "a")]
    svg = pictures.neighbourhood(nodes, [Edge("c", "v", "trade"), Edge("v", "c", "cooperation"),
                                         Edge("a", "c", "home country"), Edge("a", "p", "active in")], "N")
    assert svg.count("<line") == 3
    assert ">trade, cooperation</text>" in svg
    circles = {m[2]: (float(m[0]), float(m[1])) for m in re.findall(
        r'<circle class="ring\d" cx="([\d.]+)" cy="([\d.]+)" r="\d+"/><text[^>]*>([^<]+)</text>', svg)}
    centre = circles["Chile"]

    def dist(name: str) -> float:
        return ((circles[name][0] - centre[0]) ** 2 + (circles[name][1] - centre[1]) ** 2) ** 0.5

    assert abs(dist("Vietnam") - dist("Andes Cobre")) < 0.5 and dist("Peru") > dist("Vietnam")
    assert '<a href="/p">' in svg


def fact(kind: str, roles: dict, values: dict | None = None, sentence: str | None = None) -> profiles.Fact:
    return profiles.Fact(BASE + "doc/d/fact/" + kind + str(len(roles)), kind, roles, values or {}, sentence)


def test_flow_series_keeps_the_largest_figure_of_a_year_and_names_directions():
    names = profiles.Names(labels={VNM: "Vietnam", PER: "Peru"})
    facts = [fact("TradeFlow", {"party": [CHL, VNM]}, {"amount": "1.8e9", "year": "2022", "currency": "USD"}),
             fact("TradeFlow", {"party": [CHL, VNM]}, {"amount": "1.5e9", "year": "2022", "currency": "USD"}),
             fact("InvestmentFlow", {"exporter": [CHL], "importer": [PER]},
                  {"amount": "3e8", "year": "2021", "currency": "USD"}),
             fact("InvestmentFlow", {"exporter": [PER], "importer": [CHL]},
                  {"amount": "2e8", "year": "2020", "currency": "EUR"}),
             fact("TradeFlow", {"party": [CHL, VNM]}, {"amount": "1e9", "currency": "USD"})]  # no year: table only
    assert profiles.flow_series(CHL, facts, names) == {
        "USD": {"trade with Vietnam": {2022: 1.8e9}, "investment in Peru": {2021: 3e8}},
        "EUR": {"investment from Peru": {2020: 2e8}},
    }


def test_a_country_profile_lists_posts_companies_and_memberships_with_their_sentences():
    org, person, group = BASE + "id/organization/andes", BASE + "id/person/ana", BASE + "id/organization/apec"
    sentence = BASE + "doc/d/sentence/3"
    names = profiles.Names(labels={CHL: "Chile", VNM: "Vietnam", org: "Andes Cobre", person: "Ana Rojas",
                                   group: "APEC", sentence: "Andes Cobre plans to open an office in Hanoi."},
                           documents={sentence: (BASE + "doc/d", "Chile and Vietnam")})
    facts = [fact("Position", {"heldBy": [person], "positionIn": [CHL]}, {"roleTitle": "foreign minister"}),
             fact("HomeCountryStatement", {"organization": [org], "country": [CHL]}),
             fact("Membership", {"member": [CHL], "group": [group]})]
    further = [fact("MarketActivity", {"organization": [org], "market": [VNM]},
                    {"status": profiles.DG + "planned"}, sentence)]
    page = profiles.country_profile(CHL, facts, further, names, lambda iri: "/" + iri[len(BASE):])
    assert "<h2>People in its service</h2>" in page and "<td>foreign minister</td>" in page
    abroad = page[page.index("Its organisations abroad"):]
    assert re.search(r'<td><a href="/id/organization/andes">Andes Cobre</a></td><td><a href="/id/country/VNM">'
                     r"Vietnam</a></td><td></td><td>planned</td>", abroad)
    assert 'href="/doc/d/sentence/3"' in abroad and ">Chile and Vietnam</a>" in abroad, "each row cites its source"
    assert "<h2>Memberships</h2>" in page and ">APEC</a>" in page
    assert "Organisations active in its market" not in page, "no section without facts"


def lit(value: str, datatype: str | None = None) -> dict:
    term = {"type": "literal", "value": value}
    return {**term, "datatype": datatype} if datatype else term


DEC, INT = "http://www.w3.org/2001/XMLSchema#decimal", "http://www.w3.org/2001/XMLSchema#integer"
FLOWS = (["kind", "from", "to", "amount", "year"], [
    {"kind": lit("trade"), "from": lit("Chile"), "to": lit("Vietnam"), "amount": lit("1800000000", DEC),
     "year": lit("2022", INT)},
    {"kind": lit("trade"), "from": lit("Chile"), "to": lit("Vietnam"), "amount": lit("2400000000", DEC),
     "year": lit("2023", INT)},
    {"kind": lit("trade"), "from": lit("Peru"), "to": lit("Chile"), "amount": lit("600000000", DEC)},  # no year
])


def test_results_with_amounts_and_years_chart_by_year():
    svg = result_pictures.chart(*FLOWS)
    assert "<title>trade · Chile · Vietnam, 2022: 1.8 billion</title>" in svg
    assert "<title>trade · Chile · Vietnam, 2023: 2.4 billion</title>" in svg
    assert "Peru" not in svg, "a row without a year is not on a chart by year"


def test_results_with_a_label_and_a_number_chart_by_label():
    rows = [{"country": lit(name), "facts": lit(n, INT)} for name, n in (("Peru", "3"), ("Chile", "12"))]
    svg = result_pictures.chart(["country", "facts"], rows)
    assert svg.index(">Chile</text>") < svg.index(">Peru</text>"), "the largest first"
    (_, h1), (_, h2) = bars(svg)
    assert abs(h2 / h1 - 3 / 12) < 0.01


def test_results_without_numbers_make_no_chart_and_say_why():
    with pytest.raises(result_pictures.NoPicture, match="column of numbers"):
        result_pictures.chart(["person", "role"], [{"person": lit("Ana Rojas"), "role": lit("minister")}])


def test_two_columns_of_entities_make_a_network_with_links():
    rows = [{"a": {"type": "uri", "value": CHL}, "b": {"type": "uri", "value": VNM}, "how": lit("trade")},
            {"a": {"type": "uri", "value": CHL}, "b": {"type": "uri", "value": PER}, "how": lit("cooperation")}]
    svg = result_pictures.pairs(["a", "b", "how"], rows, lambda iri: "/" + iri[len(BASE):])
    assert svg.count("<line") == 2 and svg.count("<circle") == 3
    assert '<a href="/id/country/VNM">' in svg and ">trade</text>" in svg and ">cooperation</text>" in svg
    with pytest.raises(result_pictures.NoPicture, match="two columns"):
        result_pictures.pairs(["x"], [{"x": lit("1")}], str)


def test_names_of_countries_make_a_map_weighted_by_the_numbers():
    codes = {"Chile": "CHL", "Vietnam": "VNM"}
    svg = result_pictures.countries_map(*FLOWS, lambda term: codes.get(term["value"]), str)
    # ?from is the first column of countries: Chile 1.8 + 2.4 billion, Peru unknown to this lookup
    assert "<title>Chile: 4.2 billion total ?amount</title>" in svg
    with pytest.raises(result_pictures.NoPicture, match="column of countries"):
        result_pictures.countries_map(["role"], [{"role": lit("minister")}], lambda term: None, str)


def test_negative_numbers_are_refused_not_drawn_upside_down():
    rows = [{"country": lit("Peru"), "change": lit("-12", INT)}, {"country": lit("Chile"), "change": lit("5", INT)}]
    with pytest.raises(result_pictures.NoPicture, match="negative"):
        result_pictures.chart(["country", "change"], rows)

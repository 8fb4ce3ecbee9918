"""The charts, maps, glossary links and explore data, on small fixtures: accessible SVG
(a title, a description, every mark a named link), the right counts, safe HTML."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import pairwise

import pytest

from desclasificado.records.dates import HistDate, parse_date
from desclasificado.render.charts import (
    REGIONS,
    nice_step,
    overview_chart,
    region_of,
    year_region_counts,
)
from desclasificado.render.explore import entry_data, year_span
from desclasificado.render.glossary import Term, link_actors
from desclasificado.render.maps import (
    HEIGHT,
    OUTLINES,
    PALETTE,
    WIDTH,
    classes,
    colour,
    events_map,
    locator_map,
    on_map,
    project,
    shapes,
)
from tests.sitekit import Element, parse


@dataclass
class FakeEvent:
    """What the charts and the explore data read of an event."""

    date: HistDate
    countries: list[str]
    themes: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)


def events(*rows: tuple[str, str]) -> list[FakeEvent]:
    return [FakeEvent(parse_date(date), countries.split()) for date, countries in rows]


FIXTURE = events(("1962-06/1962-12", "PE CU MX"), ("1963-04-11", "US PE"), ("1963-04", "CU"),
                 ("1963", "US"), ("1963~", "DO US"), ("1965-04-28", "DO"), ("196X", "CU"),
                 ("1970-09-04", "CL"))


def inside_link(element: Element) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


# ---- the overview chart ----

def test_regions_take_the_first_latin_american_country() -> None:
    assert region_of(["US", "PE", "CU"]) == "South America"
    assert region_of(["CU", "PE"]) == "Cuba"
    assert region_of(["DO"]) == "Caribbean"
    assert region_of(["MX"]) == "Mexico and Central America"
    assert region_of(["US", "FR"]) == "Elsewhere"
    assert region_of([]) == "Elsewhere"


def test_counts_by_year_and_region() -> None:
    counts = year_region_counts(FIXTURE)
    assert counts.without_year == 1  # "196X": a decade only
    assert sorted(counts.years) == [1962, 1963, 1965, 1970]
    assert counts.total(1963) == 4
    assert counts.years[1963] == {"South America": 1, "Cuba": 1, "Elsewhere": 1, "Caribbean": 1}
    assert counts.total(1964) == 0


@pytest.mark.parametrize(("top", "step"), [(1, 1), (5, 1), (6, 2), (10, 2), (11, 5), (39, 10),
                                           (120, 50), (999, 200)])
def test_nice_steps(top: int, step: int) -> None:
    assert nice_step(top) == step


def chart() -> Element:
    html = overview_chart(year_region_counts(FIXTURE), lambda y: f"timeline/#y{y}", uid="c")
    return parse(html)


def test_chart_svg_has_a_title_a_description_and_names_its_parts() -> None:
    doc = chart()
    svg = doc.find("svg")
    assert svg.get("aria-labelledby") == "c-title" and svg.get("aria-describedby") == "c-desc"
    assert svg.find("title", id="c-title").text == "Events by year and region"
    desc = svg.find("desc", id="c-desc").words()
    assert "7 events by year, 1962 to 1970" in desc
    assert "The busiest year is 1963, with 4 events" in desc
    assert "1 event dated only to a decade, or undated, is not shown" in desc  # a real plural
    assert svg.get("role") != "img"  # an image role would hide the links


def test_every_bar_is_a_named_link_to_its_year() -> None:
    svg = chart().find("svg")
    marks = svg.find("g", class_="marks")
    links = marks.find_all("a")
    assert [a.get("href") for a in links] == [f"timeline/#y{y}" for y in (1962, 1963, 1965, 1970)]
    names = [a.get("aria-label") for a in links]
    assert names[1] == "1963: 4 events (Cuba 1, Caribbean 1, South America 1, Elsewhere 1)"
    assert names[0] == "1962: 1 event (South America 1)"
    assert all(a.find("title").text == a.get("aria-label") for a in links)
    for rect in marks.find_all("rect"):
        assert inside_link(rect)
    # one coloured rectangle per region of a year, plus the hit area
    assert len(links[1].find_all("rect")) == 5
    assert all(g.get("aria-hidden") == "true" for g in svg.find_all("g")
               if g.get("class") in ("grid", "labels"))


def test_the_chart_has_a_legend_and_a_table_with_the_same_numbers() -> None:
    doc = chart()
    legend = [li.words() for li in doc.find("ul", class_="legend").find_all("li")]
    assert legend == ["Cuba 1", "Caribbean 2", "South America 3", "Elsewhere 1"]
    rows = doc.find("details", class_="chart-data").find("tbody").find_all("tr")
    assert [r.find("th").words() for r in rows] == ["1962", "1963", "1965", "1970"]
    assert rows[1].find_all("td")[-1].text == "4"


def test_no_chart_without_dated_events() -> None:
    assert overview_chart(year_region_counts(events(("196X", "CU"))), str) == ""


def test_region_colours_have_enough_contrast_with_the_paper() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    paper = luminance("#fbfaf6")
    for name, fill, _ in REGIONS:
        assert (paper + 0.05) / (luminance(fill) + 0.05) >= 3, name


# ---- the map ----

def test_the_outlines_are_shipped_and_cover_latin_america() -> None:
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    codes = {f["properties"]["iso"] for f in data["features"]}
    assert {"MX", "CU", "PE", "BR", "AR", "CL", "DO", "HT", "JM", "VE", "GT", "PA"} <= codes
    assert [f["properties"]["iso"] for f in data["features"] if f["properties"]["context"]] == ["US"]
    assert OUTLINES.stat().st_size < 150_000
    assert (OUTLINES.parent / "README.md").read_text(encoding="utf-8").count("Natural Earth") >= 2


def test_projection_and_shapes() -> None:
    assert project(-118, 33) == (0, 0)
    x, y = project(-33, -56)
    assert x == pytest.approx(WIDTH) and y == pytest.approx(HEIGHT, abs=0.1)
    peru = next(s for s in shapes() if s.code == "PE")
    assert peru.path.startswith("M") and peru.path.endswith("z")
    assert 0 < peru.center[0] < WIDTH and 0 < peru.center[1] < HEIGHT
    assert on_map("PE") and on_map("GD") and not on_map("US") and not on_map("FR")
    assert sum(len(s.path) for s in shapes()) < 40_000  # the whole map stays small


def test_colour_classes() -> None:
    assert classes([]) == []
    assert classes([1]) == [(1, 1)]
    ranges = classes([1, 3, 12, 39])
    assert ranges[0][0] == 1 and ranges[-1][1] == 39 and len(ranges) <= len(PALETTE)
    assert all(a[1] + 1 == b[0] for a, b in pairwise(ranges))
    assert colour(39, ranges) == PALETTE[-1]
    assert colour(0, ranges) not in PALETTE


COUNTS = {"PE": 12, "CU": 39, "GD": 1, "MX": 3, "US": 45, "FR": 2}


def test_map_links_every_country_with_events_and_only_those() -> None:
    doc = parse(events_map(COUNTS, lambda c: f"countries/{c.lower()}/", {"PE": "Peru", "CU": "Cuba",
                           "GD": "Grenada", "MX": "Mexico", "US": "United States",
                           "FR": "France"}.get, uid="m"))
    svg = doc.find("svg")
    assert svg.find("title", id="m-title").words() == "Events by country on a map of Latin America"
    assert "Most events: Cuba (39)" in svg.find("desc", id="m-desc").words()
    links = svg.find("g", class_="marks").find_all("a")
    assert sorted(a.get("aria-label") for a in links) == [
        "Cuba: 39 events", "Grenada: 1 event", "Mexico: 3 events", "Peru: 12 events"]
    for element in svg.find("g", class_="marks").find_all():
        assert element.tag == "a" or inside_link(element)
    assert svg.find("g", class_="base").get("aria-hidden") == "true"
    # a small island gets a marker circle, so that it can be seen and clicked
    grenada = next(a for a in links if a.get("aria-label").startswith("Grenada"))
    assert grenada.find_all("circle")
    # countries off the map are listed with their links, and the table has every mapped one
    assert doc.find("p", class_="map-elsewhere").words() == (
        "Also involved, outside the map: United States (45), France (2).")
    rows = doc.find("details", class_="chart-data").find("tbody").find_all("tr")
    assert [(r.find("th").words(), r.find("td").words()) for r in rows] == [
        ("Cuba", "39"), ("Peru", "12"), ("Mexico", "3"), ("Grenada", "1")]
    assert doc.find("ul", class_="map-legend").find_all("li")[-1].words() == "no event"


def test_locator_map() -> None:
    html = locator_map("PE", "Peru")
    svg = parse(html).find("svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == "Peru on a map of Latin America"
    assert svg.find("title").text == "Peru on a map of Latin America"
    assert len(svg.find_all("path", class_="here")) == 1
    assert not svg.find_all("a")
    assert len(html) < 12_000
    assert locator_map("US", "United States") == ""
    assert parse(locator_map("GD", "Grenada")).find_all("circle")  # too small: ringed


def test_map_text_is_escaped() -> None:
    html = events_map({"PE": 1}, lambda c: "x", lambda c: "<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


# ---- glossary links ----

CIA = Term("cia", ("Central Intelligence Agency", "CIA", "the Agency"), "Central Intelligence Agency")
MIR = Term("mir-peru", ("Movimiento de Izquierda Revolucionaria (Peru)", "MIR"), "MIR (Peru)")
CASTRO = Term("fidel-castro", ("Fidel Castro", "Castro"), "Fidel Castro")


def href(actor_id: str) -> str:
    return f"../../actors/{actor_id}/"


def test_first_mention_of_each_actor_is_linked() -> None:
    html = link_actors("The CIA said the MIR met Fidel Castro; the CIA and Castro agreed.",
                       [CIA, MIR, CASTRO], href)
    doc = parse(html)
    assert [(a.get("href"), a.text) for a in doc.find_all("a")] == [
        ("../../actors/cia/", "CIA"), ("../../actors/mir-peru/", "MIR"),
        ("../../actors/fidel-castro/", "Fidel Castro")]
    assert doc.words() == "The CIA said the MIR met Fidel Castro; the CIA and Castro agreed."


def test_glossary_never_links_inside_links_code_or_marks_and_respects_words() -> None:
    text = ('<a href="https://example.org/" rel="noopener noreferrer nofollow">CIA files</a> '
            '<code>MIR</code> MIRROR and CIAs<sup class="cite">1</sup> and then The Agency')
    html = link_actors(text, [CIA, MIR], href)
    links = parse(html).find_all("a")
    assert [a.text for a in links] == ["CIA files", "The Agency"]
    assert '<sup class="cite">1</sup>' in html  # citation placeholders survive untouched
    assert html.startswith('<a href="https://example.org/" rel="noopener noreferrer nofollow">')


def test_glossary_shares_what_is_done_across_summary_and_body() -> None:
    done: set[str] = set()
    link_actors("<p>The CIA reported.</p>", [CIA], href, done)
    assert done == {"cia"}
    assert link_actors("<p>The CIA again.</p>", [CIA], href, done) == "<p>The CIA again.</p>"


def test_glossary_prefers_the_longest_name_and_is_deterministic() -> None:
    text = "the Movimiento de Izquierda Revolucionaria (Peru) and the MIR"
    first = link_actors(text, [MIR], href)
    assert parse(first).find("a").text == "Movimiento de Izquierda Revolucionaria (Peru)"
    assert all(link_actors(text, [MIR], href) == first for _ in range(3))


def test_glossary_escapes_text_and_titles() -> None:
    evil = Term("x", ("Evil",), '"><script>alert(1)</script>')
    html = link_actors("An Evil &amp; &lt;b&gt; plan", [evil], href)
    assert "<script>" not in html and "<b>" not in html
    assert "&amp;" in html and "&lt;b&gt;" in html


# ---- explore data ----

def test_entry_data_attributes() -> None:
    event = FakeEvent(parse_date("1962-06/1964-12"), ["PE", "CU", "PE"], ["guerrilla-training"],
                      ["cia", "mir-peru"])
    assert entry_data(event) == (' data-countries="pe cu" data-themes="guerrilla-training" '
                                 'data-actors="cia mir-peru" data-year="1962" data-year-end="1964"')
    assert year_span(FakeEvent(parse_date("196X"), ["CU"])) == (1960, 1969)
    assert year_span(FakeEvent(parse_date("1963-04-11"), ["CU"])) == (1963, 1963)


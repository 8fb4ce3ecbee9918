"""Embeddable pages that need no script (issue 18): each says where it comes from, the
year ranges of a timeline have pages of their own (render/ranges.py), and the Embed control
knows them. A small project with events in three decades, built with its address set."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitekit import Doc, SiteProject, event_yaml, parse

SITE = "https://desclasificado.example/"
EVENTS = {  # with the seed event of 1963-04-11 (Peru)
    "fifties": event_yaml("1958-05", "In the fifties"),
    "sixties": event_yaml("1965", "In the sixties", countries='["CU"]'),
    "decade": event_yaml("196X", "Sometime in the sixties"),
    "seventies": event_yaml("1973-09-11", "In the seventies", countries='["CL"]'),
}
TIMELINE_RANGES = ["1950-1959", "1960-1969", "1970-1979"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("ranges") / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE}\n" + config.read_text(encoding="utf-8"))
    for event_id, text in EVENTS.items():
        project.write(f"events/{event_id}.yaml", text)
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def embed(built: SiteProject, url: str) -> Doc:
    return parse((built.root / "site" / "embed" / url / "index.html").read_text(encoding="utf-8"))


def titles(page: Doc) -> list[str]:
    return [entry.find("h3").words() for entry in page.find_all("li", class_="entry")]


def test_a_timeline_has_a_page_per_decade(built: SiteProject) -> None:
    folder = built.root / "site" / "embed" / "timeline"
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == TIMELINE_RANGES
    peru = built.root / "site" / "embed" / "countries" / "pe"
    assert sorted(p.name for p in peru.iterdir() if p.is_dir()) == ["1950-1959", "1960-1969"]
    # Chile: one decade, whose page would repeat the list's
    assert not (built.root / "site" / "embed" / "countries" / "cl" / "1970-1979").exists()


def test_a_decade_page_shows_only_its_decade_and_says_so(built: SiteProject) -> None:
    page = embed(built, "timeline/1960-1969/")
    assert titles(page) == ["Sometime in the sixties",  # the decade's undated years first
                            "CIA source names Paris as the hub of the network", "In the sixties"]
    assert page.find("h1").words() == "Timeline, 1960–1969"
    assert page.find("p", class_="range").words() == "Only the years 1960 to 1969."
    assert "hidden" not in page.find("p", class_="range").attrs  # said without a script
    assert page.find("link", rel="canonical").get("href") == f"{SITE}timeline/"
    assert page.find("meta", name="description").get("content") == (
        "Timeline, 1960–1969: 3 events, 1960–1965")


def test_an_embedded_timeline_links_to_its_decades_inside_the_frame(built: SiteProject) -> None:
    for url, current in (("timeline/", "All years"), ("timeline/1950-1959/", "1950–1959")):
        nav = embed(built, url).find("nav", class_="ranges")
        assert nav.find("span").words() == current and nav.find("span").get("aria-current")
        links = {a.words(): (a.get("href"), a.get("target")) for a in nav.find_all("a")}
        assert set(links) | {current} == {"All years", "1950–1959", "1960–1969", "1970–1979"}
        for href, target in links.values():
            assert target == "_self" and "/embed/timeline/" in href


def test_every_embed_says_where_it_comes_from(built: SiteProject) -> None:
    for url, full in (("events/sixties/", "events/sixties/"), ("timeline/1970-1979/", "timeline/"),
                      ("countries/pe/", "countries/pe/"), ("es/timeline/", "es/timeline/")):
        page = embed(built, url) if not url.startswith("es/") else parse(
            (built.root / "site" / "es" / "embed" / "timeline" / "index.html").read_text("utf-8"))
        origin = page.find("div", class_="origin")
        said = "From Desclasificado:" if not url.startswith("es/") else "Publicado en Desclasificado:"
        assert origin.find("p").words() == f"{said} {SITE}{full}", url
        assert page.find("link", rel="canonical").get("href") == f"{SITE}{full}"
        assert page.find("meta", name="description").get("content")
        notice = origin.find("noscript").find("a")  # for frames that run no script
        assert notice.get("target") == "_self" and notice.get("href").endswith(full)


def test_the_embed_control_knows_the_pages_of_some_years(built: SiteProject) -> None:
    tool = built.page("timeline/").find("details", class_="embed-tool")
    assert tool.find("fieldset").get("data-ranges") == " ".join(TIMELINE_RANGES)
    assert "…/1950-1959/" in tool.find("p", class_="range-help").words()
    lone = built.page("countries/cl/").find("details", class_="embed-tool")
    assert lone.find("fieldset").get("data-ranges") == ""


def test_the_pages_of_some_years_grow_with_the_events_not_the_ranges(tmp_path: Path) -> None:
    """A page per decade of each list, whatever the number of years and ranges."""
    project = SiteProject(tmp_path / "project")
    for year in range(1950, 1990):
        project.write(f"events/y{year}.yaml", event_yaml(f"{year}", f"Event of {year}"))
    code, lines = project.build()
    assert code == 0, lines
    folder = project.root / "site" / "embed" / "timeline"
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == [
        f"{d}-{d + 9}" for d in range(1950, 1990, 10)]


def test_without_site_url_the_origin_is_the_path(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    code, lines = project.build()
    assert code == 0, lines
    page = embed(project, "timeline/")
    assert page.find("div", class_="origin").find("span", class_="address").words() == "/timeline/"


def test_a_range_in_the_address_is_applied_without_a_script(built: SiteProject) -> None:
    """`#years-FIRST-LAST`: an element per range the page applies, named by the first and
    last of its years with events, and the page's rules hiding the others (render/ranges.py)."""
    decade = embed(built, "timeline/1960-1969/")
    spans = [s for s in decade.find("p", class_="asked-lines").find_all("span") if s.get("id")]
    assert len(spans) == 54  # every range within the decade, but the decade itself
    within = decade.find(id="years-1961-1963")
    assert within.words() == "1961–1963" and within.get("class") == "f1963 t1963"
    assert decade.find(id="years-1966-1969").get("class") == "none"  # no event
    style = decade.find("head").find("style").text
    assert ":root:has(.f1963:target) .year:has(~ .y1963)" in style
    assert ":root:has(.t1963:target) .y1963 ~ .year" in style
    # the whole timeline: the ranges across decades, of up to six years
    timeline = embed(built, "timeline/")
    across = timeline.find(id="years-1958-1963")
    assert across.words() == "1958–1963" and across.get("class") == "f1958 t1963"
    assert not timeline.find_all(id="years-1961-1963")  # the decade's page applies it
    assert not timeline.find_all(id="years-1957-1963")  # longer than six years
    sections = timeline.find_all("section", class_="year")
    assert [s.get("class") for s in sections][:2] == ["year y1958", "year"]  # 1960s
    assert "The years asked for in this page's address" in timeline.find(
        "span", class_="asked-label").words()
    # Chile, one event: no range to apply
    assert not embed(built, "countries/cl/").find_all("p", class_="asked-lines")


def test_the_embed_control_knows_the_ranges_the_list_applies(built: SiteProject) -> None:
    tool = built.page("timeline/").find("details", class_="embed-tool")
    assert tool.find("fieldset").get("data-longest") == "6"
    assert "#years-1951-1953" in tool.find("p", class_="range-help").words()

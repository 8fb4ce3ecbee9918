"""The built site's explore features, read as HTML: the timeline's filter data and panel,
the overview chart and the maps on their pages, actor names linked as a glossary, quotes
linked to their passages, `lang` on quotes, and what the search index holds."""

from __future__ import annotations

import json

import pytest

from tests.searchkit import fragment_files, fragments
from tests.sitekit import SiteProject, event_yaml

SEED = "176-10036-10058"
PARIS = "Paris has emerged as the center of the network."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("explore") / "project")
    project.write("actors/mir-peru.yaml", 'name: "Movimiento de Izquierda Revolucionaria (Peru)"\n'
                  'kind: "organization"\ncountry: "PE"\ndescription: "A Peruvian movement."\n'
                  'other_names: ["MIR"]\n')
    project.write("events/span.yaml", event_yaml(
        "1962-06/1964-12", "A span", countries='["PE", "CU"]',
        summary="The MIR met the CIA, and the MIR met again.[^1]",
        extra='actors: ["mir-peru", "cia"]\nthemes: ["exile-networks"]\n'))
    project.write("events/decade.yaml", event_yaml("196X", "A decade", countries='["US"]'))
    project.write("events/spanish.yaml", event_yaml("1970-09-04", "In Spanish", countries='["CL"]')
                  .replace(f'    quote: "{PARIS}"\n', f'    quote: "{PARIS}"\n    lang: "es"\n'))
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def test_timeline_entries_carry_the_filter_data(built: SiteProject) -> None:
    page = built.page("timeline/")
    entries = {e.find("a").words(): e for e in page.find("div", class_="timeline")
               .find_all("li", class_="entry")}
    span = entries["A span"]
    assert span.get("data-countries") == "pe cu"
    assert span.get("data-themes") == "exile-networks"
    assert span.get("data-actors") == "mir-peru cia"
    assert (span.get("data-year"), span.get("data-year-end")) == ("1962", "1964")
    assert (entries["A decade"].get("data-year"), entries["A decade"].get("data-year-end")) == (
        "1960", "1969")
    paris = entries["CIA source names Paris as the hub of the network"]
    assert paris.get("data-year") == "1963" and paris.get("data-year-end") is None


def test_the_explore_panel_links_the_facet_pages_and_loads_its_script(built: SiteProject) -> None:
    page = built.page("timeline/")
    panel = page.find("section", class_="explore")
    assert (panel.get("data-first-year"), panel.get("data-last-year")) == ("1960", "1970")
    assert panel.get("data-total") == "4"
    country = next(d for d in panel.find_all("details") if d.get("data-facet") == "country")
    links = {a.get("data-value"): a.get("href") for a in country.find_all("a")}
    assert links == {"cl": "../countries/cl/", "cu": "../countries/cu/", "fr": "../countries/fr/",
                     "pe": "../countries/pe/", "us": "../countries/us/"}
    status = panel.find("p", class_="explore-status")
    assert status.get("role") == "status" and status.get("aria-live") == "polite"
    assert "../js/explore.js" in [s.get("src") for s in page.find_all("script")]
    assert (built.root / "site" / "js" / "explore.js").is_file()
    assert "../../js/explore.js" not in [s.get("src") for s in
                                         built.page("countries/pe/").find_all("script")]


def test_chart_and_map_on_the_home_timeline_and_countries_pages(built: SiteProject) -> None:
    home = built.page("")
    bars = home.find("svg", class_="chart-svg").find_all("a")
    assert [a.get("href") for a in bars] == ["timeline/#y1962", "timeline/#y1963",
                                             "timeline/#y1970"]
    countries = {a.get("aria-label") for a in home.find("svg", class_="map-svg").find_all("a")}
    assert countries == {"Chile: 1 event", "Cuba: 1 event", "Peru: 2 events"}
    assert "United States (1)" in home.find("p", class_="map-elsewhere").words()
    timeline = built.page("timeline/")
    assert [a.get("href") for a in timeline.find("svg", class_="chart-svg").find_all("a")] == [
        "#y1962", "#y1963", "#y1970"]
    assert built.page("countries/").find("svg", class_="map-svg")
    locator = built.page("countries/pe/").find("figure", class_="locator")
    assert locator.find("svg").get("aria-label") == "Peru on a map of Latin America"
    assert not built.page("countries/us/").find_all("figure")


def test_actors_are_linked_once_as_a_glossary(built: SiteProject) -> None:
    page = built.page("events/span/")
    links = page.find("p", class_="summary").find_all("a", class_="glossary")
    assert [(a.words(), a.get("href")) for a in links] == [
        ("MIR", "../../actors/mir-peru/"), ("CIA", "../../actors/cia/")]
    assert links[0].get("title") == "Movimiento de Izquierda Revolucionaria (Peru)"


def test_quotes_link_to_their_passage_and_say_their_language(built: SiteProject) -> None:
    page = built.page("events/1963-04-11-paris/")
    quote = page.find("blockquote", class_="quote")
    link = quote.find("a", class_="quote-link")
    target, mark = link.get("href").split("#")
    assert target == f"../../documents/{SEED}/" and mark.startswith("q-")
    # the mark of the passage, shared by every event quoting exactly these words
    assert built.page(f"documents/{SEED}/").by_id(mark).words() == PARIS
    assert link.words() == PARIS and quote.get("lang") is None
    assert built.page("events/spanish/").find("blockquote", class_="quote").get("lang") == "es"


def test_the_search_index_is_small_and_labelled(built: SiteProject) -> None:
    site = built.root / "site"
    docs = fragments(site)
    event = docs["/events/1963-04-11-paris/"]
    assert (event["meta"]["kind"], event["meta"]["date"]) == ("event", "11 April 1963")
    assert event["content"].startswith("CIA source names Paris as the hub of the network. The CIA's source")
    assert PARIS in event["content"] and SEED in event["content"]
    document = docs[f"/documents/{SEED}/"]
    assert (document["meta"]["kind"], document["meta"]["date"]) == ("document", "11 April 1963")
    assert "Lima" not in document["content"]  # the transcript itself is not indexed
    assert docs["/actors/cia/"]["meta"] == {"kind": "actor", "date": "", "title": "Central Intelligence Agency"}
    assert docs["/timeline/"]["meta"]["kind"] == "timeline"
    # gzipped: what a result costs to show. A generated page's stays small; a hand-written
    # page's is its whole text (the guide for teachers, about 4.5 KB in Spanish)
    hand_written = {url for url, fragment in docs.items() if fragment["meta"]["kind"] == "page"}
    assert {"/teachers/", "/es/teachers/"} <= hand_written
    assert len(docs) == len(fragment_files(site))
    assert max(f["size"] for url, f in docs.items() if url not in hand_written) < 4000
    assert max(docs[url]["size"] for url in hand_written) < 6000


"""Exploring the timeline in Chromium: filters kept in the address, counts, the back button,
keyboard use of the filters and of the charts, the pages without JavaScript, and the way
from a quote on an event page to its highlighted passage in the document."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

import pytest

from desclasificado.check.collection import Collection
from desclasificado.check.project import check_project
from desclasificado.render.explore import year_span
from tests.conftest import REPO


@lru_cache(maxsize=1)
def collection() -> Collection:
    result = check_project(REPO, verify_quotes=False)
    assert result.ok
    return result.collection


def expected(country: str = "", theme: str = "", actor: str = "", start: int | None = None,
             end: int | None = None) -> int:
    """How many events the filters should leave, computed from the records."""
    count = 0
    for event in collection().events.values():
        if country and country.upper() not in event.countries:
            continue
        if theme and theme not in event.themes or actor and actor not in event.actors:
            continue
        if start is not None or end is not None:
            first, last = year_span(event)
            if first is None or (start is not None and last < start) or (
                    end is not None and first > end):
                continue
        count += 1
    return count


def visible_entries(page) -> int:
    return page.locator(".timeline .entry:visible").count()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_the_address_sets_the_filters(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/?country=pe&from=1959&to=1965")
    n = expected("pe", start=1959, end=1965)
    assert 0 < n < len(collection().events)
    assert visible_entries(page) == n
    total = len(collection().events)
    assert page.locator(".explore-status").inner_text() == f"{n} of {total} events shown."
    assert page.locator("#filter-country").input_value() == "pe"
    assert page.locator("#filter-from").input_value() == "1959"
    assert page.locator("#filter-to").input_value() == "1965"
    # the counts of the other lists follow the filters
    assert page.locator("#filter-theme option[value='']").inner_text() == f"All themes ({n})"
    peru = page.locator("#filter-country option[value='pe']").inner_text()
    assert peru == f"Peru ({n})"
    cuba = page.locator("#filter-country option[value='cu']").inner_text()
    assert cuba == f"Cuba ({expected('cu', start=1959, end=1965)})"
    # year sections without a shown event are hidden, in the timeline and the jump list
    assert page.locator("section.year:visible").count() == len({
        year_span(e)[0] for e in collection().events.values()
        if "PE" in e.countries and year_span(e)[0] and 1959 <= year_span(e)[0] <= 1965})
    assert not page.locator(".jump a[href='#y1947']").is_visible()


def test_the_spanish_timeline_filters_in_spanish(page, site_url: str) -> None:
    """The filters' words come from the page's messages (js/messages.js), in Spanish."""
    page.goto(f"{site_url}/es/timeline/?country=pe&from=1959&to=1965")
    n, total = expected("pe", start=1959, end=1965), len(collection().events)
    assert visible_entries(page) == n
    status = page.locator(".explore-status").inner_text()
    assert status == f"Se muestran {n} de {total} eventos.", status
    assert page.locator("button.explore-clear").inner_text() == "Mostrar todos los eventos"


def test_unknown_values_are_ignored(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/?country=zz&theme=<script>&from=abc")
    assert visible_entries(page) == len(collection().events)
    assert page.locator(".explore-status").inner_text().startswith("All ")


def test_changing_filters_updates_the_address_and_back_restores(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    total = len(collection().events)
    assert visible_entries(page) == total
    page.select_option("#filter-country", "pe")
    assert query(page) == {"country": ["pe"]}
    assert visible_entries(page) == expected("pe")
    page.select_option("#filter-theme", "guerrilla-training")
    assert query(page) == {"country": ["pe"], "theme": ["guerrilla-training"]}
    assert visible_entries(page) == expected("pe", "guerrilla-training")
    page.select_option("#filter-from", "1963")
    assert query(page)["from"] == ["1963"]
    assert visible_entries(page) == expected("pe", "guerrilla-training", start=1963)
    status = page.locator(".explore-status")
    assert status.get_attribute("role") == "status"
    assert re.fullmatch(r"\d+ of \d+ events shown\.|No event matches these filters\.",
                        status.inner_text())

    page.go_back()
    page.wait_for_function("!location.search.includes('from=')")
    assert query(page) == {"country": ["pe"], "theme": ["guerrilla-training"]}
    assert page.locator("#filter-from").input_value() == ""
    assert visible_entries(page) == expected("pe", "guerrilla-training")
    page.go_back()
    page.wait_for_function("!location.search.includes('theme=')")
    assert page.locator("#filter-theme").input_value() == ""
    assert visible_entries(page) == expected("pe")
    page.go_forward()
    page.wait_for_function("location.search.includes('theme=')")
    assert visible_entries(page) == expected("pe", "guerrilla-training")

    page.click(".explore-clear")
    assert query(page) == {}
    assert visible_entries(page) == total


def test_a_year_range_the_wrong_way_round_is_put_right(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/?from=1965&to=1963")
    assert page.locator("#filter-from").input_value() == "1963"
    assert visible_entries(page) == expected(start=1963, end=1965)
    page.select_option("#filter-from", "1970")
    assert page.locator("#filter-to").input_value() == "1970"


def test_filters_work_from_the_keyboard(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-country":
            break
    else:
        pytest.fail("Tab never reached the country filter")
    assert page.evaluate("document.activeElement.labels[0].textContent") == "Country"
    page.keyboard.press("ArrowDown")  # the first country
    first = page.locator("#filter-country option").nth(1).get_attribute("value")
    page.wait_for_function(f"location.search === '?country={first}'")
    assert visible_entries(page) == expected(first)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-theme"


def test_without_javascript_the_filters_are_links_to_the_facet_pages(browser,
                                                                      site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/timeline/?country=pe")
    assert page.locator(".explore-form").count() == 0
    assert visible_entries(page) == len(collection().events)  # nothing is hidden
    page.locator("details[data-facet='country'] summary").click()
    page.locator("details[data-facet='country'] a[data-value='pe']").click()
    assert page.url == f"{site_url}/countries/pe/"
    context.close()


def tab_to(page, selector: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_chart_bars_are_reached_with_tab_and_followed_with_enter(page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    tab_to(page, "svg.chart-svg a.mark")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    year = re.match(r"(\d{4}): \d+ events?", name).group(1)
    box = page.evaluate("document.activeElement.querySelector('.hit').getBoundingClientRect().height")
    assert box > 0
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/timeline/#y{year}$"))
    assert page.locator(f"#y{year}").is_visible()


def test_map_countries_are_reached_with_tab_and_followed_with_enter(page, site_url: str) -> None:
    page.goto(f"{site_url}/countries/")
    tab_to(page, "svg.map-svg a.mark")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r".+: \d+ events?", name)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/countries/[a-z]{2}/$"))
    assert page.locator("h1").inner_text() == name.split(":")[0]


def test_a_chart_bar_shows_its_year_even_when_filters_hide_it(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/?country=pe")
    hidden = page.locator("section.year:has(h3#y1947)")
    assert not hidden.is_visible()
    page.locator("svg.chart-svg a.mark[href='#y1947']").click()
    assert page.locator("#y1947").is_visible()
    assert query(page) == {}


def test_a_quote_opens_its_passage_highlighted(page, site_url: str) -> None:
    page.goto(f"{site_url}/events/1963-04-11-mir-four-fronts/")
    link = page.locator("blockquote.quote a.quote-link").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(rf"/documents/[^/]+/#{target}$"))
    mark = page.locator(f"mark#{target}")
    assert page.evaluate("document.querySelector(':target').tagName") == "MARK"
    assert page.evaluate("document.querySelector(':target').id") == target
    assert mark.is_visible()
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); "
                         "return r.top >= 0 && r.top < window.innerHeight; }")
    styles = mark.evaluate("m => [getComputedStyle(m).backgroundColor, "
                           "getComputedStyle(m).outlineStyle]")
    assert styles == ["rgb(246, 196, 83)", "solid"]  # --mark-target, and an outline
    other = page.locator("mark:not(:target)").first
    if other.count():
        assert other.evaluate("m => getComputedStyle(m).backgroundColor") != styles[0]


def test_event_pages_link_actors_related_and_neighbours(page, site_url: str) -> None:
    page.goto(f"{site_url}/events/1963-04-11-mir-four-fronts/")
    glossary = page.locator(".summary a.glossary, .body a.glossary")
    assert glossary.count() >= 1
    hrefs = glossary.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs))  # each actor once
    assert page.locator("nav.prevnext a[rel='prev']").count() == 1
    assert page.locator("nav.prevnext a[rel='next']").count() == 1
    page.locator("nav.prevnext a[rel='next']").click()
    assert "/events/" in page.url

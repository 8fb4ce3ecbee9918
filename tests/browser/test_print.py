"""Printing an event page: links within the record print their full address (print.js),
citation marks and the page's controls print none."""

from __future__ import annotations

import json

import pytest

from tests.browser.test_embed import an_event

pytestmark = pytest.mark.browser


def _after(link) -> str:
    return link.evaluate("a => getComputedStyle(a, '::after').content")


def test_internal_links_print_their_address(page, site_url: str) -> None:
    event = an_event()
    page.goto(f"{site_url}/events/{event}/")
    document = page.locator(".source-title cite a").first
    page.emulate_media(media="print")
    assert _after(document) in ("none", "normal")  # nothing before printing starts
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    href = document.get_attribute("href")
    assert json.loads(_after(document)) == f" <{site_url}/documents/{href.split('/documents/')[1]}>"
    mark = page.locator(".summary a[href^='#source-']").first
    assert _after(mark) in ("none", "normal")
    assert page.locator(".prevnext a[data-print-address]").count() == 0


def test_a_filtered_timeline_prints_what_it_shows_and_says_which_filter(page, site_url) -> None:
    page.goto(f"{site_url}/timeline/?country=pe&from=1962&to=1965")
    page.emulate_media(media="print")
    printed = page.locator(".explore-printed")
    assert printed.is_visible()
    words = printed.inner_text()
    assert words.startswith("Filtered: Peru · 1962–1965. ") and " events shown." in words
    shown = page.locator("li.entry:visible").count()
    assert f"{shown} of " in words
    assert page.locator(".chart").first.is_hidden()
    assert page.locator(".page-head .lede").is_hidden()
    page.goto(f"{site_url}/es/timeline/?country=pe&to=1965")
    page.emulate_media(media="print")
    assert page.locator(".explore-printed").inner_text().startswith("Filtros: Perú · hasta 1965. ")
    page.goto(f"{site_url}/timeline/")
    page.emulate_media(media="print")
    assert page.locator(".explore-printed").is_hidden()  # unfiltered: the chart and count print
    assert page.locator(".chart").first.is_visible()

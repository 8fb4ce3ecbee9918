"""A document's transcript on a phone and on paper: the badge of a passage reached from a
quote is on screen and leads back; "print only the cited pages" leaves the others out."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DOCUMENT = "176-10036-10058"


def test_the_passage_reached_from_a_quote_shows_its_page_and_event(phone, site_url) -> None:
    phone.goto(f"{site_url}/documents/{DOCUMENT}/")
    mark = phone.locator("pre.ocr mark[id]").first
    mark_id = mark.get_attribute("id")
    phone.goto(f"{site_url}/documents/{DOCUMENT}/#{mark_id}")
    badge = phone.locator(f"a.cite-badge:has(+ mark[id='{mark_id}'])")
    box = badge.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 740
    assert box["height"] >= 24 and box["x"] + box["width"] <= 360
    assert badge.locator(".badge-page").inner_text().startswith("Page ")
    href = badge.get_attribute("href")
    assert "/events/" in href and "#source-" in href
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_print_only_the_cited_pages(page, site_url) -> None:
    page.goto(f"{site_url}/documents/{DOCUMENT}/")
    uncited = page.locator("section.tpage.uncited")
    cited = page.locator("section.tpage:not(.uncited)")
    assert uncited.count() > 0 and cited.count() > 0
    page.emulate_media(media="print")
    assert uncited.first.is_visible()  # by default the whole transcript prints
    assert not page.locator(".print-choice").is_visible()  # the choice itself does not print
    page.emulate_media(media="screen")
    page.check("#print-cited-only")
    page.emulate_media(media="print")
    assert not any(uncited.nth(n).is_visible() for n in range(uncited.count()))
    assert all(cited.nth(n).is_visible() for n in range(cited.count()))

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

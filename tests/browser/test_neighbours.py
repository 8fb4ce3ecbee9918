"""Previous and next on an event page follow the filter of the list it was opened from
(theme/js/neighbours.js, from what explore.js keeps in the tab's sessionStorage)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

FILTERED = "/timeline/?country=pe&from=1962&to=1965"


def _shown(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.entry:not([hidden]) .entry-title a", "links => links.map(a => a.pathname)")


def _steps(page) -> dict[str, str | None]:
    return {rel: page.evaluate(
        f"[...document.querySelectorAll('nav.steps a.{rel}, nav.prevnext a.{rel}')]"
        ".map(a => a.pathname)") for rel in ("prev", "next")}


def test_previous_and_next_follow_the_filter(page, site_url) -> None:
    page.goto(f"{site_url}{FILTERED}")
    shown = _shown(page)
    assert len(shown) >= 3
    page.goto(f"{site_url}{shown[1]}")
    assert _steps(page) == {"prev": [shown[0]] * 2, "next": [shown[2]] * 2}
    note = page.locator(".steps-filter a")
    assert note.inner_text().startswith("Filtered: Peru · 1962–1965.")
    assert note.get_attribute("href") == FILTERED
    page.goto(f"{site_url}{shown[0]}")  # the first of the list: no previous one
    assert _steps(page) == {"prev": [], "next": [shown[1]] * 2}


def test_without_a_filter_they_follow_the_timeline(page, site_url) -> None:
    page.goto(f"{site_url}{FILTERED}")
    shown = _shown(page)
    page.goto(f"{site_url}/timeline/")  # the whole timeline: the filter is forgotten
    page.goto(f"{site_url}{shown[1]}")
    shown_now = page.evaluate("[...document.querySelectorAll('nav.steps a')]"
                              ".map(a => a.getAttribute('href'))")
    html = page.request.get(f"{site_url}{shown[1]}").text()
    steps = html.split('<nav class="steps"', 1)[1].split("</nav>", 1)[0]
    assert shown_now == re.findall(r'href="([^"]+)"', steps)  # as built: the timeline's order
    assert page.locator(".steps-filter").count() == 0

"""Every kind of page in Chromium: no axe-core violation (WCAG 2.2 A and AA), no sideways
scrolling on a 360 px phone (nor at 320 CSS px, the 400 % zoom of WCAG's reflow), and no
request to any host but the local server. axe-core comes with the PyPI package
axe-playwright-python: nothing is fetched at test time."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def first(site: Path, folder: str) -> str | None:
    """The address of the first generated page under `folder` ("events/x/"), if any."""
    base = site / folder
    if not base.is_dir():
        return None
    pages = sorted(p.parent for p in base.glob("*/index.html"))
    return f"{pages[0].relative_to(site).as_posix()}/" if pages else None


def page_kinds(site: Path) -> dict[str, str]:
    """One address of every kind of page the site has."""
    kinds = {
        "home": "",
        "timeline": "timeline/",
        "timeline, filtered": "timeline/?country=pe&theme=guerrilla-training&from=1959&to=1965",
        "event": "events/1963-04-11-mir-four-fronts/",
        "document": "documents/176-10036-10058/",
        "FRUS document": "documents/frus1952-54guat-d281/",
        "documents": "documents/",
        "countries": "countries/",
        "country": "countries/pe/",
        "country off the map": "countries/us/",
        "themes": "themes/",
        "theme": first(site, "themes"),
        "actors": "actors/",
        "actor": "actors/mir-peru/",
        "search": "search.html?q=peru",
        "not found": "404.html",
        "search, Spanish": "es/search.html?q=guerrilla",
        "not found, Spanish": "es/404.html",
        "reference, Spanish": "es/reference/",
        "data, Spanish": "es/data/",
        "teachers, Spanish": "es/teachers/",
    }
    for name in ("contribute", "contribute/guide", "reference", "teachers", "data"):
        if (site / name / "index.html").is_file():
            kinds[name.replace("/", " ")] = f"{name}/"
    for folder in ("embed/events", "embed/countries", "embed/themes", "embed/actors", "embed"):
        found = first(site, folder)
        if found and (site / found / "index.html").is_file():
            kinds[folder.replace("/", " ")] = found
    for name in ("home", "timeline", "event", "document", "FRUS document", "country",
                 "embed events"):  # the Spanish edition's pages of the main kinds
        if kinds.get(name) is not None and (site / "es" / kinds[name] / "index.html").is_file():
            kinds[f"{name}, Spanish"] = f"es/{kinds[name]}"
    return {name: url for name, url in kinds.items() if url is not None}


@pytest.fixture(scope="module")
def kinds(built_site: Path) -> dict[str, str]:
    found = page_kinds(built_site)
    assert "embed events" in found or not (built_site / "embed").exists()
    return found


AXE_PAGES = ["home", "timeline", "timeline, filtered", "event", "document", "FRUS document",
             "country", "countries",
             "search", "search, Spanish", "not found, Spanish", "actor", "embed events", "teachers",
             "data", "contribute guide", "home, Spanish", "timeline, Spanish", "event, Spanish",
             "document, Spanish", "embed events, Spanish", "reference, Spanish", "data, Spanish",
             "teachers, Spanish"]


@pytest.mark.parametrize("name", AXE_PAGES)
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_no_violation(browser, site_url: str, kinds: dict[str, str], name: str,
                                width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    assert name in kinds, f"the site has no {name} page"
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/{kinds[name]}")
    if name == "search":
        page.wait_for_selector("#search-results article")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    context.close()
    violations = [f"{v['id']} ({v['impact']}): {v['help']} at "
                  f"{[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert violations == []


@pytest.mark.parametrize("width", [360, 320])
def test_no_page_scrolls_sideways_on_a_phone(browser, site_url: str, kinds: dict[str, str],
                                             width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    wide = {}
    for name, url in kinds.items():
        page.goto(f"{site_url}/{url}")
        sizes = page.evaluate("[document.documentElement.scrollWidth, "
                              "document.documentElement.clientWidth]")
        if sizes[0] > sizes[1]:
            wide[name] = sizes
    context.close()
    assert wide == {}


def test_no_page_requests_another_host(browser, site_url: str, kinds: dict[str, str]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for url in kinds.values():
        page.goto(f"{site_url}/{url}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{site_url}/search.html?q=cuba")
    page.wait_for_selector("#search-results article")
    context.close()
    assert len(requested) > len(kinds)
    elsewhere = [u for u in requested
                 if urlsplit(u).scheme not in ("data", "blob")
                 and urlsplit(u).hostname != "127.0.0.1"]
    assert elsewhere == []


def test_reduced_motion_and_focus_are_respected(browser, site_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}/timeline/")
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("main#content").count() == 1
    context.close()

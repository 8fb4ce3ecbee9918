"""Search in Chromium, over the Pagefind index the build writes: a query typed into the
search page shows results with their kind and date in the page's language, in English and
in Spanish (whose stemming finds "guerrilleros" from "guerrilla"), excerpts only as text,
and without JavaScript the page says where to browse instead.

The Spanish pages are a fixture until the site has its Spanish edition: the English pages
of a small build copied under /es/ with `<html lang="es">` and the search page's messages
in Spanish, then indexed again (Pagefind keeps one index per language)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desclasificado.publish.searchindex import index_search
from desclasificado.render.i18n import language, script_messages
from tests.browser.conftest import serve
from tests.sitekit import SiteProject, event_yaml

EVENT = "1963-05-02-trainees-back"
SUMMARY = "Los guerrilleros entrenados en Cuba volvieron a Lima.[^1]"
SPANISH_DATE = "2 de mayo de 1963"


def _spanish_copy(site: Path, path: str, root: str = "../") -> None:
    """`path` of the English site copied under es/, in Spanish as far as search is concerned."""
    html = (site / path).read_text(encoding="utf-8").replace('<html lang="en">', '<html lang="es">')
    html = html.replace('data-date="2 May 1963"', f'data-date="{SPANISH_DATE}"')
    if path == "search.html":
        messages = re.search(r'<script type="application/json" id="messages">(.*?)</script>', html, re.S)
        html = html.replace(messages.group(1), script_messages(language("es"), ("theme/search/",)))
        html = html.replace('data-site-root="./"', f'data-site-root="{root}es/"')
        for attribute in ("src", "href", "data-bundle"):  # one folder down
            html = html.replace(f'{attribute}="./', f'{attribute}="{root}')
    target = site / "es" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = SiteProject(tmp_path_factory.mktemp("search") / "project")
    project.write(f"events/{EVENT}.yaml", event_yaml("1963-05-02", "Trainees back in Lima",
                                                      summary=SUMMARY))
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    site = project.root / "site"
    for path in ("search.html", f"events/{EVENT}/index.html"):
        _spanish_copy(site, path)
    shutil.rmtree(site / "pagefind")
    index_search(site)
    with serve(site) as url:
        yield url


def _results(page, url: str, query: str):
    page.goto(url)
    page.locator("#search-query").press_sequentially(query)
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    return page.locator("#search-results article")


def test_a_typed_query_shows_results_with_kind_and_date(page, search_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    results = _results(page, f"{search_site}/search.html", "Paris network")
    first = results.filter(has=page.locator("a[href$='/events/1963-04-11-paris/']"))
    assert first.locator(".kind").text_content() == "Event"
    assert first.locator(".when").text_content() == "11 April 1963"
    assert first.locator("h3 a").text_content() == "CIA source names Paris as the hub of the network"
    assert first.locator(".excerpt mark").count() >= 1
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert re.fullmatch(r"\d+ results?", status.inner_text())
    assert any("/pagefind/" in u and u.endswith(".pf_fragment") for u in fetched)
    assert not [u for u in fetched if "search_index" in u or "lunr" in u or "/search/worker" in u]
    first.locator("h3 a").click()
    page.wait_for_url(re.compile(r"/events/1963-04-11-paris/$"))


def test_the_query_in_the_address_is_searched_and_kinds_are_labelled(page, search_site: str) -> None:
    page.goto(f"{search_site}/search.html?q=176-10036-10058")
    page.wait_for_selector("#search-results article")
    document = page.locator("#search-results article",
                            has=page.locator("a[href$='/documents/176-10036-10058/']"))
    assert document.locator(".kind").text_content() == "Document"
    assert document.locator(".when").text_content() == "11 April 1963"
    page.goto(f"{search_site}/search.html?q=Central%20Intelligence")
    page.wait_for_selector("#search-results article")
    assert "Actor" in page.locator("#search-results .kind").all_text_contents()


def test_excerpts_are_text_and_marks_only(page, search_site: str) -> None:
    results = _results(page, f"{search_site}/search.html", "Lima")
    assert results.count() >= 1
    tags = page.eval_on_selector_all("#search-results .excerpt *", "els => els.map(e => e.tagName)")
    assert set(tags) <= {"MARK"}


def test_spanish_stemming_finds_guerrilleros_from_guerrilla(page, search_site: str) -> None:
    results = _results(page, f"{search_site}/es/search.html", "guerrilla")
    found = results.filter(has=page.locator(f"a[href$='/es/events/{EVENT}/']"))
    assert found.count() == 1
    assert found.locator(".kind").text_content() == "Evento"
    assert found.locator(".when").text_content() == SPANISH_DATE
    assert "guerrilleros" in found.locator(".excerpt mark").all_text_contents()
    assert re.fullmatch(r"\d+ resultados?", page.locator("#search-status").inner_text())
    assert results.filter(has=page.locator("a[href*='/es/']")).count() == results.count()
    # the English search page searches the English index, without the Spanish pages
    results = _results(page, f"{search_site}/search.html", "guerrilla")
    assert results.filter(has=page.locator(f"a[href$='/events/{EVENT}/']")).count() == 1
    assert results.filter(has=page.locator("a[href*='/es/']")).count() == 0
    assert page.locator("#search-results .kind").first.text_content() in ("Event", "Document", "Theme")


def test_without_javascript_the_search_page_says_where_to_browse(browser, search_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{search_site}/search.html")
    notice = page.locator("noscript p.notice")
    links = notice.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == ["./timeline/", "./countries/", "./themes/", "./actors/", "./documents/"]
    assert "Search needs JavaScript" in notice.inner_text()
    context.close()

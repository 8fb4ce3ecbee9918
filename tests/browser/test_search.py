"""Search in Chromium, over the Pagefind index the build writes: a query typed into the
search page shows results with their kind and date in the page's language, in English and
in Spanish (/es/search.html, whose `<html lang="es">` loads the Spanish index, with its
stemming: "guerrilla" finds "guerrilleros"), excerpts only as text, and without JavaScript
the page says where to browse instead.

A small build (one event whose Spanish text alone says "guerrilleros", its English never
"guerrilla") serves most tests; the repository's own site shows the stemming on the
content as it is."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desclasificado.publish.searchindex import index_search, indexed_pages
from desclasificado.publish.searchshards import split
from tests.browser.conftest import serve
from tests.sitekit import SiteProject, event_yaml

EVENT = "1963-05-02-trainees-back"
PARIS = "/events/1963-04-11-paris/"
PARIS_PAGE = "events/1963-04-11-paris/index.html"
SUMMARY = "The fighters trained in Cuba went back to Lima.[^1]"
SUMMARY_ES = "Los guerrilleros entrenados en Cuba volvieron a Lima.[^1]"
TITLE_ES = "Los entrenados vuelven a Lima"
SPANISH_DATE = "2 de mayo de 1963"
#: The words Pagefind matched in each result of a query, from the page's own Pagefind (the
#: module the search page loads, with the bundles `shards.json` lists for its `<html lang>`
#: merged, as the search page merges them: one a language).
MATCHED_WORDS = """async (query) => {
  const bundle = new URL("../pagefind/", location.href);
  const listing = await (await fetch(new URL("shards.json", bundle).href)).json();
  const folders = listing[document.documentElement.lang.toLowerCase()];
  const pagefind = await import(new URL(folders[0] + "pagefind.js", bundle).href);
  await pagefind.options({baseUrl: "/"});
  for (const folder of folders.slice(1)) {
    await pagefind.mergeIndex(new URL(folder, bundle).href, {baseUrl: "/"});
  }
  const search = await pagefind.search(query);
  const found = {};
  for (const result of search.results) {
    const data = await result.data();
    const words = data.content.split(/\\s+/);
    found[data.url] = data.locations.map(at => (words[at] || "").toLowerCase()
                                                  .replace(/[^a-záéíóúüñ]/g, ""));
  }
  return found;
}"""


@pytest.fixture(scope="module")
def search_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = SiteProject(tmp_path_factory.mktemp("search") / "project")
    project.write(f"events/{EVENT}.yaml", event_yaml(
        "1963-05-02", "Trainees back in Lima", summary=SUMMARY,
        extra=f'translations:\n  es:\n    title: "{TITLE_ES}"\n    summary: "{SUMMARY_ES}"\n'))
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project.root / "site"


@pytest.fixture(scope="module")
def search_site(search_built: Path) -> Iterator[str]:
    with serve(search_built) as url:
        yield url


@pytest.fixture(scope="module")
def sharded_site(search_built: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The same site with each language indexed in shards of a few pages, merged into one
    bundle (a build makes one shard of each language for so few pages), the Paris event
    not in the first shard of its language; and how many shards the English index had."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(search_built, site, ignore=shutil.ignore_patterns("pagefind"))
    english = indexed_pages(site)["en"]
    for size in range(3, 12):
        found = split("en", english, b"", size)
        if len(found) > 2 and PARIS_PAGE not in found[0].pages:
            break
    else:
        raise AssertionError("no shard size puts the Paris event past the first shard")
    index_search(site, size=size)
    with serve(site) as url:
        yield url, len(found)


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


def test_the_spanish_search_page_finds_guerrilleros_from_guerrilla(page, search_site: str) -> None:
    results = _results(page, f"{search_site}/es/search.html", "guerrilla")
    found = results.filter(has=page.locator(f"a[href$='/es/events/{EVENT}/']"))
    assert found.count() == 1  # its only "guerrill..." word is the Spanish "guerrilleros"
    assert found.locator(".kind").text_content() == "Evento"
    assert found.locator(".when").text_content() == SPANISH_DATE
    assert found.locator("h3 a").text_content() == TITLE_ES
    assert "guerrilleros" in found.locator(".excerpt mark").all_text_contents()
    assert re.fullmatch(r"\d+ resultados?", page.locator("#search-status").inner_text())
    assert results.filter(has=page.locator("a[href*='/es/']")).count() == results.count()
    found.locator("h3 a").click()
    page.wait_for_url(re.compile(f"/es/events/{EVENT}/$"))
    assert page.locator("html").get_attribute("lang") == "es"


def test_the_english_search_page_searches_the_english_index(page, search_site: str) -> None:
    results = _results(page, f"{search_site}/search.html", "fighters")
    found = results.filter(has=page.locator(f"a[href$='/events/{EVENT}/']"))
    assert found.count() == 1
    assert found.locator("h3 a").text_content() == "Trainees back in Lima"
    assert found.locator(".when").text_content() == "2 May 1963"
    assert results.filter(has=page.locator("a[href*='/es/']")).count() == 0
    # the Spanish text is not in the English index, nor the English words in the Spanish one
    assert _results(page, f"{search_site}/search.html", "entrenados").count() == 0
    spanish = _results(page, f"{search_site}/es/search.html", "fighters")
    assert spanish.filter(has=page.locator(f"a[href$='/es/events/{EVENT}/']")).count() == 0


def test_the_spanish_query_in_the_address_labels_kinds_in_spanish(page, search_site: str) -> None:
    page.goto(f"{search_site}/es/search.html?q=176-10036-10058")
    page.wait_for_selector("#search-results article")
    document = page.locator("#search-results article",
                            has=page.locator("a[href$='/es/documents/176-10036-10058/']"))
    assert document.locator(".kind").text_content() == "Documento"
    assert document.locator(".when").text_content() == "11 de abril de 1963"
    assert page.locator("#search-query").input_value() == "176-10036-10058"


def test_spanish_stemming_on_the_repository_content(page, site_url: str) -> None:
    """The shipped events say "guerrilla" in English and "guerrilleros", "guerrillero",
    "guerrilleras" in Spanish: the Spanish index finds pages by those forms alone."""
    page.goto(f"{site_url}/es/search.html")
    spanish = page.evaluate(MATCHED_WORDS, "guerrilla")
    by_stem_only = [url for url, words in spanish.items()
                    if words and all(w.startswith("guerriller") for w in words)]
    assert by_stem_only, spanish
    assert all(url.startswith("/es/") for url in spanish)
    page.goto(f"{site_url}/search.html")
    english = page.evaluate(MATCHED_WORDS.replace("../pagefind/", "pagefind/"), "guerrilla")
    assert english and not any(url.startswith("/es/") for url in english)
    assert not [w for words in english.values() for w in words if w.startswith("guerriller")]
    results = _results(page, f"{site_url}/es/search.html", "guerrilla")
    assert results.count() >= 1
    assert set(page.locator("#search-results .kind").all_text_contents()) <= {
        "Evento", "Documento", "Actor", "País", "Tema", "Cronología", "Página"}


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


def test_without_javascript_the_spanish_search_page_says_where_to_browse(browser,
                                                                        search_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{search_site}/es/search.html")
    notice = page.locator("noscript p.notice")
    links = notice.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == ["../es/timeline/", "../es/countries/", "../es/themes/", "../es/actors/",
                     "../es/documents/"]
    assert notice.inner_text().startswith("La búsqueda necesita JavaScript. Sin él, recorra")
    assert notice.get_attribute("lang") is None  # the page's own language
    context.close()


def test_a_query_finds_pages_in_every_shard_and_the_same_as_one_index(
        page, search_site: str, sharded_site: tuple[str, int]) -> None:
    """The build merges the shards of a language into one bundle: a page indexed in a shard
    after the first is found and shown, the search page loads one index however many
    shards there were, and each query finds the same pages as in a site whose language is
    one shard."""
    sharded, english = sharded_site
    assert english > 2
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    results = _results(page, f"{sharded}/search.html", "Paris network")
    found = results.filter(has=page.locator(f"a[href$='{PARIS}']"))
    assert found.locator(".kind").text_content() == "Event"
    assert found.locator(".when").text_content() == "11 April 1963"
    entries = {u.split("?")[0] for u in fetched if u.split("?")[0].endswith("pagefind-entry.json")}
    assert len(entries) == 1 and all("/pagefind/en/" in u for u in entries)
    for query, path in (("Paris network", "search.html"), ("Lima", "search.html"),
                        ("guerrilla", "es/search.html"), ("Central Intelligence", "search.html"),
                        ("red de París", "es/search.html")):
        one, several = (_shown(page, f"{url}/{path}", query) for url in (search_site, sharded))
        assert one == several and one[1], (query, one, several)
    page.goto(f"{sharded}/es/search.html")
    spanish = page.evaluate(MATCHED_WORDS, "guerrilla")
    assert f"/es/events/{EVENT}/" in spanish and all(u.startswith("/es/") for u in spanish)


def _shown(page, url: str, query: str) -> tuple[str, set[str]]:
    """What the search page at `url` says and shows for `query`, every result."""
    results = _results(page, url, query)
    more = page.locator("#search-more")
    while more.is_visible():
        count = results.count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('#search-results article').length > {count}")
    hrefs = {urlsplit(results.nth(i).locator("h3 a").get_attribute("href")).path
             for i in range(results.count())}
    return page.locator("#search-status").inner_text(), hrefs

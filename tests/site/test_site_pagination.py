"""Long lists split by year: with `listing.LIST_PAGE_LIMIT` lowered to 3, the timeline and
Peru's page (6 events each) show their decades and years with counts, each year a page of
its own listing that year's events, and so do their embeddable versions; short lists
(France, 1 event) are unchanged."""

from __future__ import annotations

import re

from urllib.parse import urljoin

import pytest

from desclasificado.render import listing
from tests.sitekit import SiteProject, all_pages, event_yaml

PARIS = "CIA source names Paris as the hub of the network"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("pagination") / "project")
    project.write("events/a.yaml", event_yaml("1963-01-05", "Event A"))
    project.write("events/b.yaml", event_yaml("1963-06", "Event B"))
    project.write("events/c.yaml", event_yaml("1964-02-01", "Event C", countries='["PE", "CU"]'))
    project.write("events/d.yaml", event_yaml("196X", "Event D"))
    project.write("events/e.yaml", event_yaml("1971-03-03", "Event E"))
    for record, date in DOCUMENTS.items():
        project.write(f"documents/{record}.yaml", document_yaml(record, date))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listing, "LIST_PAGE_LIMIT", 3)
        code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def document_yaml(record: str, date: str | None) -> str:
    """A made-up document record (test data, never content)."""
    dated = f'date: "{date}"\n' if date else ""
    return (f'record_number: "{record}"\ntitle: "Document {record}"\n{dated}'
            'archive: "National Archives and Records Administration"\npages: 2\n'
            f'releases:\n  - release: "2023"\n    pdf: "https://example.org/{record}.pdf"\n'
            'cited_release: "2023"\n')


# With the seed (1963-04-09), five documents: over the lowered limit of 3.
DOCUMENTS = {"100-10000-10001": "1963-08-01", "100-10000-10002": "196X",
             "100-10000-10003": "1971", "100-10000-10004": None}
DOCUMENT_YEARS = {"1960s/": ["100-10000-10002"], "1963/": ["176-10036-10058", "100-10000-10001"],
                  "1971/": ["100-10000-10003"], "undated/": ["100-10000-10004"]}

YEARS = {"1960s/": ["Event D"], "1963/": ["Event A", PARIS, "Event B"], "1964/": ["Event C"],
         "1971/": ["Event E"]}


def titles(page) -> list[str]:
    return [e.find("h4").words() for e in page.find_all("li", class_="entry")]


def year_index(page) -> dict[str, str]:
    """The year links of a paginated list: href -> the text of its item (label and count)."""
    return {li.find("a").get("href"): li.words()
            for li in page.find("div", class_="years").find_all("li")}


@pytest.mark.parametrize("url", ["timeline/", "countries/pe/"])
def test_a_long_list_shows_its_years_with_counts_and_no_entry(built: SiteProject,
                                                              url: str) -> None:
    page = built.page(url)
    assert page.find_all("li", class_="entry") == []
    assert page.find_all("div", class_="timeline") == []
    prefix = "../" * url.count("/") + url
    assert year_index(page) == {
        f"{prefix}1960s/": "1960s, year not known 1 event", f"{prefix}1963/": "1963 3 events",
        f"{prefix}1964/": "1964 1 event", f"{prefix}1971/": "1971 1 event"}
    assert {"d1960", "d1970"} <= set(page.ids())  # the home page's decade links still land


@pytest.mark.parametrize("url", ["timeline/", "countries/pe/"])
def test_each_year_page_lists_exactly_its_events_in_order(built: SiteProject, url: str) -> None:
    for year, expected in YEARS.items():
        page = built.page(url + year)
        assert titles(page.find("div", class_="timeline")) == expected, year
        back = "../" * (url + year).count("/") + url
        assert page.find("p", class_="kicker").find("a").get("href") == back


def test_the_timeline_year_pages_keep_the_filters(built: SiteProject) -> None:
    page = built.page("timeline/1963/")
    panel = page.find("section", class_="explore")
    assert panel.get("data-total") == "3"
    assert (panel.get("data-first-year"), panel.get("data-last-year")) == ("1963", "1963")
    assert any((s.get("src") or "").endswith("js/explore.js") for s in page.find_all("script"))
    listing_scripts = [s.get("src") or "" for s in built.page("timeline/").find_all("script")]
    assert not any(src.endswith("js/explore.js") for src in listing_scripts)  # links only
    entry = page.find("li", class_="entry")
    assert entry.get("data-countries") == "pe" and entry.get("data-year") == "1963"


def test_a_short_list_is_unchanged(built: SiteProject) -> None:
    page = built.page("countries/fr/")
    assert titles(page.find("div", class_="timeline")) == [PARIS]
    assert page.find_all("div", class_="years") == []
    assert not (built.root / "site" / "countries" / "fr" / "1963").exists()


def test_year_links_go_to_the_year_pages(built: SiteProject) -> None:
    event = built.page("events/1963-04-11-paris/")
    assert event.find("p", class_="kicker").find("a").get("href") == "../../timeline/1963/"
    decade = built.page("events/d/")
    assert decade.find("p", class_="kicker").find("a").get("href") == "../../timeline/1960s/"
    bars = {a.get("href") for a in built.page("timeline/").find_all("a", class_="mark")}
    assert bars == {"../timeline/1963/", "../timeline/1964/", "../timeline/1971/"}
    home_bars = {a.get("href") for a in built.page("").find("figure", class_="chart")
                 .find_all("a", class_="mark")}
    assert home_bars == {"timeline/1963/", "timeline/1964/", "timeline/1971/"}


def test_the_embeds_are_paginated_too(built: SiteProject) -> None:
    page = built.page("embed/timeline/")
    assert page.find_all("li", class_="entry") == []
    links = {a.get("href"): a.get("target") for a in page.find("div", class_="years")
             .find_all("a")}
    assert links == {f"../../embed/timeline/{year}": "_self" for year in YEARS}
    for year, expected in YEARS.items():
        year_page = built.page(f"embed/countries/pe/{year}")
        assert [e.find("h3").words() for e in year_page.find_all("li", class_="entry")] == expected


def test_every_link_of_the_built_site_leads_to_a_page(built: SiteProject) -> None:
    site = built.root / "site"
    for path, page in all_pages(site).items():
        base = "https://x.test/" + path
        for href in page.links():
            if not href or href.startswith(("#", "http", "mailto:", "data:")):
                continue
            target = urljoin(base, href.split("#")[0]).removeprefix("https://x.test/")
            resolved = site / target
            assert (resolved / "index.html").is_file() if target.endswith("/") or not target \
                else resolved.is_file(), f"{path} links to {href}"


def test_the_limit_itself_is_not_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing, "LIST_PAGE_LIMIT", 3)
    assert not listing.paginated(["a", "b", "c"])
    assert listing.paginated(["a", "b", "c", "d"])
    assert listing.year_url("countries/pe/", 1960, None) == "countries/pe/1960s/"
    assert listing.year_url("timeline/", None, None) == "timeline/undated/"


def test_a_long_list_of_documents_shows_its_years_with_counts(built: SiteProject) -> None:
    page = built.page("documents/")
    assert page.find_all("table") == []
    assert year_index(page) == {
        "../documents/years/1960s/": "1960s, year not known 1 document",
        "../documents/years/1963/": "1963 2 documents",
        "../documents/years/1971/": "1971 1 document",
        "../documents/years/undated/": "Undated 1 document"}


def test_each_document_year_page_lists_exactly_its_documents(built: SiteProject) -> None:
    for year, expected in DOCUMENT_YEARS.items():
        page = built.page(f"documents/years/{year}")
        records = [td.words() for td in page.find_all("td", class_="record-number")]
        assert records == expected, year
        assert page.find("p", class_="kicker").find("a").get("href") == "../../../documents/"
    steps = built.page("documents/years/1963/").find("nav", class_="jump").links()
    assert steps == ["../../../documents/years/1960s/", "../../../documents/#d1960",
                     "../../../documents/years/1971/"]


def test_year_pages_are_left_out_of_the_search_index(built: SiteProject) -> None:
    from tests.searchkit import fragments

    site = built.root / "site"
    urls = set(fragments(site))
    assert (site / "timeline" / "1963" / "index.html").is_file()
    assert "/timeline/" in urls and "/countries/pe/" in urls
    years = [url for url in urls if not url.startswith("/events/") and any(
        re.fullmatch(r"\d{4}|\d{3}0s|undated", part) for part in url.strip("/").split("/"))]
    assert years == []
    assert "/documents/" in urls

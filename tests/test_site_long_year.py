"""A year, or a single day, with more events than a page holds (issue 19: the 501st event of
one year made the embed's year page split itself again, linking to /embed/timeline/1963/1963/).

With `listing.LIST_PAGE_LIMIT` lowered to 3, eight events on one day of 1963 (plus the seed
event of that year: nine) make the year's pages 1963/, 1963/2/ and 1963/3/, in the timeline,
Peru's page and their embeds; every link of the site is checked by the build itself."""

from __future__ import annotations

import pytest

from desclasificado.render import listing
from tests.sitekit import SiteProject, all_pages, event_yaml, switch_problems

PARIS = "CIA source names Paris as the hub of the network"
SAME_DAY = [f"Same day {n}" for n in range(1, 9)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("long-year") / "project")
    for n, title in enumerate(SAME_DAY, 1):
        project.write(f"events/same-{n}.yaml", event_yaml("1963-07-01", title))
    project.write("events/later.yaml", event_yaml("1964-01-01", "A later year"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listing, "LIST_PAGE_LIMIT", 3)
        code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def _entries(page, heading: str = "h4") -> list[str]:
    return [e.find(heading).words() for e in page.find_all("li", class_="entry")]


@pytest.mark.parametrize("base", ["timeline/", "countries/pe/", "embed/timeline/",
                                  "embed/countries/pe/"])
def test_a_long_year_is_cut_into_numbered_pages(built: SiteProject, base: str) -> None:
    heading = "h3" if base.startswith("embed/") else "h4"
    pages = [built.page(f"{base}1963/{part}") for part in ("", "2/", "3/")]
    shown = [_entries(page, heading) for page in pages]
    assert [len(entries) for entries in shown] == [3, 3, 3]
    assert sorted(sum(shown, [])) == sorted([PARIS, *SAME_DAY])  # each exactly once
    assert not (built.root / "site" / base / "1963" / "4").exists()
    assert not (built.root / "site" / base / "1963" / "1963").exists()
    nav = pages[1].find("nav", class_="pages")
    assert nav.words() == "Page 2 of 3: 1 2 3"
    up = "../" * (base.count("/") + 2) + base
    assert nav.links() == [f"{up}1963/", f"{up}1963/3/"]


def test_a_year_that_fits_is_one_page(built: SiteProject) -> None:
    page = built.page("timeline/1964/")
    assert _entries(page) == ["A later year"]
    assert page.find_all("nav", class_="pages") == []
    assert not (built.root / "site" / "timeline" / "1964" / "2").exists()


def test_the_numbered_pages_say_which_page_they_are(built: SiteProject) -> None:
    page = built.page("timeline/1963/2/")
    assert page.find("h1").words() == "Timeline, 1963, page 2 of 3"
    assert page.find("p", class_="lede").words() == "9 events of 1963, in date order."


def test_no_page_of_the_site_links_into_a_year_twice(built: SiteProject) -> None:
    for path, page in all_pages(built.root / "site").items():
        assert not any("1963/1963" in href for href in page.links()), path


def test_the_language_switch_keeps_the_reader_on_the_numbered_page(built: SiteProject) -> None:
    """/timeline/1963/2/ switches to /es/timeline/1963/2/ and back, embeds aside (they have
    no switch: the page that embeds one chose its language)."""
    paths = [f"{base}1963/{part}" for base in ("timeline/", "countries/pe/")
             for part in ("", "2/", "3/")]
    assert switch_problems(built.root / "site", paths) == []

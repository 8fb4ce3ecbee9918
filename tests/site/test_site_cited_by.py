"""A document cited by 2,000 events: its page lists the first `CITED_BY_LIMIT` of them, the
others are on numbered pages of as many, and its transcript marks the quoted passage once,
so that no page grows with the number of events citing it."""

from __future__ import annotations

import pytest

from desclasificado.render.document import CITED_BY_LIMIT
from tests.conftest import SEED
from tests.sitekit import SiteProject, event_yaml, switch_problems

EVENTS = 2000
#: The document page of a document cited by 2,000 events weighed 380 KB before the cap (and
#: grows by about 0.9 KB an event); capped it weighs about 100 KB whatever the number.
MAX_PAGE_BYTES = 160_000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("cited-by") / "project")
    for n in range(EVENTS):
        project.write(f"events/e{n:04d}.yaml",
                      event_yaml(f"{1960 + n % 20}-0{1 + n % 9}-1{n % 10}", f"Event {n:04d}"))
    code, lines = project.build()
    assert code == 0, "\n".join(lines[-20:])
    return project


def _pages(built: SiteProject) -> list[str]:
    parts = -(-(EVENTS + 1) // CITED_BY_LIMIT)  # and the seed event, which cites it too
    return [f"documents/{SEED}/"] + [f"documents/{SEED}/cited-by/{n}/" for n in range(2, parts + 1)]


def test_no_page_of_a_much_cited_document_grows_with_the_events(built: SiteProject) -> None:
    for url in _pages(built):
        size = (built.root / "site" / url / "index.html").stat().st_size
        assert size < MAX_PAGE_BYTES, f"/{url} weighs {size:,} bytes"
    assert not (built.root / "site" / _pages(built)[-1] / ".." / str(len(_pages(built)) + 1)
                ).exists()


def test_every_citing_event_is_listed_once_across_the_pages(built: SiteProject) -> None:
    listed = []
    for url in _pages(built):
        backlinks = built.page(url).find("ul", class_="backlinks")
        items = backlinks.find_all("li")
        assert len(items) <= CITED_BY_LIMIT
        listed += [li.find_all("a")[0].get("href").rstrip("/").rsplit("/", 1)[-1] for li in items]
    assert len(listed) == len(set(listed)) == EVENTS + 1
    assert {f"e{n:04d}" for n in range(EVENTS)} <= set(listed)


def test_the_pages_link_to_each_other_and_the_passage_is_marked_once(built: SiteProject) -> None:
    pages = _pages(built)
    first = built.page(pages[0])
    nav = first.find("nav", class_="pages")
    assert len(nav.find_all("a")) == len(pages) - 1  # every page but the current one
    marks = [m for m in first.find_all("mark") if m.get("id")]
    assert len(marks) == 1 and marks[0].get("title").endswith(f"and {EVENTS:,} other events")
    last = built.page(pages[-1])
    passage = next(a.get("href") for a in last.find("ul", class_="backlinks").find_all("a")
                   if "#q-" in (a.get("href") or ""))
    assert passage == f"../../../../documents/{SEED}/#{marks[0].get('id')}"


def test_the_language_switch_keeps_the_reader_on_the_numbered_page(built: SiteProject) -> None:
    """/documents/<id>/cited-by/2/ switches to /es/documents/<id>/cited-by/2/ and back."""
    assert switch_problems(built.root / "site", _pages(built)) == []

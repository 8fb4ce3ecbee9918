"""A document's transcript on its page: badges that lead back, cited pages first.

A long transcript shows only its cited pages on the document's page, each run of uncited
pages a link into the whole transcript's own page; a short one is inlined whole, its
uncited pages marked so that a printout can leave them out."""

from __future__ import annotations

from pathlib import Path

import pytest

from desclasificado.render import transcript
from tests.conftest import SEED
from tests.sitekit import Doc, SiteProject, event_yaml

PARIS = "1963-04-11-paris"  # the seed event: cites page 3 of the seed's five


def _build(root: Path, limit: int | None = None) -> SiteProject:
    project = SiteProject(root)
    project.write("events/1963-05-01-second.yaml",
                  event_yaml("1963-05-01", "A second event on the same words"))
    with pytest.MonkeyPatch.context() as patch:
        if limit is not None:
            patch.setattr(transcript, "INLINE_LIMIT", limit)
        code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def _pages(page: Doc) -> list[str | None]:
    return [s.get("data-page") for s in page.find_all("section", class_="tpage")]


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    return _build(tmp_path_factory.mktemp("split") / "project", limit=10)


def test_a_long_transcript_shows_its_cited_pages_and_links_the_rest(split: SiteProject) -> None:
    page = split.page(f"documents/{SEED}/")
    assert _pages(page) == ["3"]
    assert "The transcript has 5 pages. Below: the pages cited by events (1)." in page.words()
    gaps = page.find_all("p", class_="tgap")
    assert [g.words() for g in gaps] == [
        "Pages 1–2 are not cited: read them in the full transcript",
        "Pages 4–5 are not cited: read them in the full transcript"]
    assert [g.find("a").get("href") for g in gaps] == [
        f"../../documents/{SEED}/transcript/#page-1", f"../../documents/{SEED}/transcript/#page-4"]
    whole = split.page(f"documents/{SEED}/transcript/")
    assert _pages(whole) == ["1", "2", "3", "4", "5"]
    assert whole.by_id("page-4") and whole.find("mark").get("id")
    assert SEED in whole.find("p", class_="print-colophon").words()  # it cites the document
    assert whole.find("h1").words() == f"Transcript: {split.page(f'documents/{SEED}/').find('h1').words()}"


def test_each_cited_passage_has_a_badge_leading_back(split: SiteProject) -> None:
    page = split.page(f"documents/{SEED}/")
    badges = page.find_all("a", class_="cite-badge")
    assert len(badges) == 1  # two events quote the same words: one mark, one badge
    badge = badges[0]
    assert badge.get("href") == f"../../events/{PARIS}/#source-1"
    assert badge.find("span", class_="badge-page").words() == "Page 3"
    assert badge.find("span", class_="badge-more").words() == "and 1 other event"
    spanish = split.page(f"es/documents/{SEED}/").find("a", class_="cite-badge")
    assert spanish.find("span", class_="badge-page").words() == "Página 3"
    assert spanish.find("span", class_="badge-more").words() == "y 1 evento más"


def test_a_short_transcript_is_whole_with_a_print_choice(tmp_path: Path) -> None:
    project = _build(tmp_path / "project")
    page = project.page(f"documents/{SEED}/")
    assert _pages(page) == ["1", "2", "3", "4", "5"]
    uncited = [s.get("data-page") for s in page.find_all("section", class_="uncited")]
    assert uncited == ["1", "2", "4", "5"]
    assert page.by_id("print-cited-only").get("type") == "checkbox"
    assert not (project.root / "site" / "documents" / SEED / "transcript").exists()


def test_without_site_url_printouts_name_the_page_in_its_language(split: SiteProject) -> None:
    for url in ("es/timeline/", "es/teachers/", f"es/documents/{SEED}/transcript/"):
        colophon = split.page(url).find("p", class_="print-colophon").words()
        assert colophon.startswith(f"Impreso desde /{url}, "), colophon

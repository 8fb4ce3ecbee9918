"""A list entry (`listing.event_entry`) is rendered once and reused by the pages of every
depth, each given the links it would have had rendered for it alone."""

from __future__ import annotations

from pathlib import Path

from desclasificado.check.project import check_project
from desclasificado.index import build_index
from desclasificado.render import plan_site
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import event_entry
from tests.conftest import Project
from tests.sitekit import event_yaml

PAGES = ("", "countries/", "events/e1961/", "countries/cl/years/1961/")  # depths 0, 1, 2, 4


def _context(root: Path):
    result = check_project(root)
    return plan_site(result.collection, build_index(result.collection)).context


def test_an_entry_is_kept_once_for_pages_of_every_depth(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    for year in (1960, 1961):
        project.write(f"events/e{year}.yaml", event_yaml(f"{year}-03-01", f"Event of {year}"))
    shared = _context(project.root)
    for url in PAGES:
        reused, alone = PageBuilder(url, "es/"), PageBuilder(url, "es/")
        html = event_entry(shared, reused, "e1960")
        assert html == event_entry(_context(project.root), alone, "e1960")
        assert f'href="{"../" * (url.count("/") + 1)}es/events/e1960/"' in html
        assert reused.links == alone.links
    assert len(shared.entries) == 1  # kept per depth: one for each of the 4 pages

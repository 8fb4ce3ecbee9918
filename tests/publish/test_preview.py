"""`serve`'s rebuilds (`publish/preview.py`): in place, the edit shown, what was removed gone,
and the search index, refreshed after the rebuild, eventually that of a full build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desclasificado.publish import preview
from desclasificado.publish.build import index_site, run_engine
from desclasificado.publish.pagecache import CACHE_DIR, MANIFEST
from desclasificado.publish.plugin import SiteBuild
from desclasificado.publish.searchindex import SEARCH_BUNDLE
from desclasificado.publish.serve import rebuild
from tests.sitekit import SiteProject, differing_files, event_yaml

BUNDLE = SEARCH_BUNDLE.strip("/")
URL = "http://127.0.0.1:8000/"


def _clean_build(project: SiteProject, site: Path) -> None:
    """A full build of the project, with the preview's address, and its search index."""
    site.mkdir()
    run_engine(project.root, site, SiteBuild(cache_dir=None), URL)
    index_site(site)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")  # the same day for every build
    made = SiteProject(tmp_path / "project")
    made.write("events/1962-other.yaml", event_yaml("1962", "An event to remove"))
    return made


def test_a_rebuild_shows_the_edit_and_the_index_catches_up(project: SiteProject,
                                                           tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    with preview.active() as live:
        rebuild(project.root, served, URL)
        first = os.readlink(served / BUNDLE)  # indexed at once: there was none
        manifest = project.root / CACHE_DIR / MANIFEST
        saved = manifest.read_bytes()
        assert "An event to remove" in (served / "events/1962-other/index.html").read_text()
        project.write("events/1962-new.yaml", event_yaml("1962", "A freshly added event"))
        (project.root / "events/1962-other.yaml").unlink()
        rebuild(project.root, served, URL)
        assert "A freshly added event" in (served / "events/1962-new/index.html").read_text()
        live.wait()
        assert not (served / "events/1962-other").exists()  # removed, folder and all
        assert os.readlink(served / BUNDLE) != first  # a new index, swapped in
        assert manifest.read_bytes() != saved  # the cache saved, after the rebuild
        clean = tmp_path / "clean"
        _clean_build(project, clean)
        assert differing_files(served, clean) == []  # the pages and the index, byte for byte
    assert not Path(first).exists() and not Path(os.readlink(served / BUNDLE)).exists()


def test_a_rebuild_stops_the_indexing_under_way(project: SiteProject, tmp_path: Path) -> None:
    """An edit while the index of the last one is being written: the indexing stops before
    the rebuild writes, and the index in place at the end is the last build's."""
    served = tmp_path / "served"
    served.mkdir()
    with preview.active() as live:
        rebuild(project.root, served, URL)
        for title in ("First edit", "Second edit"):
            project.write("events/1962-new.yaml", event_yaml("1962", title))
            rebuild(project.root, served, URL)  # the first's indexing is stopped here
            live.wait(search=False)  # its pages all written, its index under way
        live.wait()
        assert live.installed == live.built == 3
        assert len(live.folders) == 2  # this index, and the one a search may have begun on
        clean = tmp_path / "clean"
        _clean_build(project, clean)
        assert differing_files(served / BUNDLE, clean / BUNDLE) == []

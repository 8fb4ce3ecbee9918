"""`serve`'s rebuilds (`publish/preview.py`): in place, the edited pages first, the rest
after, what was removed gone, a bad edit refused, and the search index, refreshed after the
rebuild: eventually that of a full build."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desclasificado.publish import engine, preview
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


@contextlib.contextmanager
def _second_pass_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The second pass of each rebuild waits, before it starts, until the event is set
    (at the end of the block at the latest)."""
    go, second = threading.Event(), preview.Preview._second_pass

    def held(self: preview.Preview, build: object) -> None:
        go.wait()
        second(self, build)

    monkeypatch.setattr(preview.Preview, "_second_pass", held)
    try:
        yield go
    finally:
        go.set()


def test_the_edited_pages_are_served_before_the_rest_is_rebuilt(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served = tmp_path / "served"
    served.mkdir()
    with preview.active() as live:
        rebuild(project.root, served, URL)

        def shown(path: str) -> bool:
            return "A title just edited" in (served / path).read_text(encoding="utf-8")

        with _second_pass_held(monkeypatch) as go:
            project.write("events/1962-other.yaml", event_yaml("1962", "A title just edited"))
            rebuild(project.root, served, URL)  # returns when the first pass is written
            assert shown("events/1962-other/index.html")
            assert shown("es/events/1962-other/index.html")
            assert shown("events/1963-04-11-paris/index.html")  # its neighbour names it
            assert not shown("timeline/index.html")  # the lists and the rest: after
            assert not shown("embed/events/1962-other/index.html")
            go.set()
            live.wait()
        assert shown("timeline/index.html") and shown("embed/events/1962-other/index.html")
        clean = tmp_path / "clean"
        _clean_build(project, clean)
        assert differing_files(served, clean) == []


def test_a_bad_edit_is_refused_and_the_preview_left_as_it_was(project: SiteProject,
                                                              tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    with preview.active() as live:
        rebuild(project.root, served, URL)
        live.wait()
        before = tmp_path / "before"
        shutil.copytree(served, before, symlinks=True)
        project.write("events/1962-other.yaml", 'date: "1962"\ntitle: [unclosed\n')
        with pytest.raises(engine.Abort, match=r"events/1962-other\.yaml:2:\d+: .*\n.*1 error"):
            rebuild(project.root, served, URL)
        live.wait()
        assert differing_files(served, before) == []


def test_an_edit_during_the_second_pass_stops_it_and_starts_it_again(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second pass of an edit adding an event is stopped half way by the next edit,
    which removes it: what it wrote is gone once the next second pass is done."""
    served = tmp_path / "served"
    served.mkdir()
    with preview.active() as live:
        rebuild(project.root, served, URL)
        stalled, checkpoint, calls = threading.Event(), preview.Preview.checkpoint, []

        def stalling(self: preview.Preview) -> None:
            if threading.current_thread() is self._second and not stalled.is_set():
                calls.append(1)
                if len(calls) == 40:  # some of its files written
                    stalled.set()
                    assert self._cancel.wait(timeout=300)  # until the next rebuild stops it
            checkpoint(self)

        monkeypatch.setattr(preview.Preview, "checkpoint", stalling)
        project.write("events/1962-new.yaml", event_yaml("1962", "An event added"))
        rebuild(project.root, served, URL)
        assert stalled.wait(timeout=300)
        assert (served / "embed/events/1962-new/index.html").exists()
        (project.root / "events/1962-new.yaml").unlink()
        rebuild(project.root, served, URL)
        live.wait()
        assert live.built == 2  # the first build and the last edit's: the one between stopped
        clean = tmp_path / "clean"
        _clean_build(project, clean)
        assert differing_files(served, clean) == []

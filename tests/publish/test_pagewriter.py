"""The generated pages are written outside the engine's loop, on several processes
(`publish/pagewriter.py`): the site is byte-identical whatever the number of processes, the
work is really shared, and what goes wrong in a worker reaches the build."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from desclasificado.pipeline import build
from desclasificado.publish import pagewriter
from desclasificado.render.links import Link, LinkCheck
from tests.conftest import REPO
from tests.sitekit import SiteProject, event_yaml

spec = importlib.util.spec_from_file_location("compare_builds", REPO / "tools" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_builds)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")  # the same day for every build
    made = SiteProject(tmp_path / "project")
    for year in range(1960, 1972):
        made.write(f"events/e{year}.yaml", event_yaml(f"{year}-03-01", f"Event of {year}"))
    return made


def _writers(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Each process that writes pages notes its pid and how many in `log`."""
    write_share = pagewriter.PageWriter._write_share

    def noted(self, addresses):
        write_share(self, addresses)
        with log.open("a") as out:
            out.write(f"{os.getpid()} {len(addresses)}\n")

    monkeypatch.setattr(pagewriter.PageWriter, "_write_share", noted)


def test_two_processes_write_the_same_site_as_one(project: SiteProject, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "writers.log"
    _writers(monkeypatch, log)
    build(project.root, tmp_path / "one", workers=1)
    one = log.read_text().split()
    log.unlink()
    build(project.root, tmp_path / "two", workers=2)
    two = [line.split() for line in log.read_text().splitlines()]
    assert len({pid for pid, _count in two}) == 2  # two processes wrote pages
    assert sum(int(count) for _pid, count in two) == int(one[1]) > 20
    assert compare_builds.differences(tmp_path / "one", tmp_path / "two") == []
    assert (tmp_path / "two" / "events" / "e1961" / "index.html").is_file()
    assert (tmp_path / "two" / "es" / "events" / "e1961" / "index.html").is_file()


def test_a_failure_in_a_worker_stops_the_build_and_names_the_page(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desclasificado.render

    event_page, parent = desclasificado.render.event_page, os.getpid()

    def failing(ctx, event_id):
        if os.getpid() != parent:
            raise ValueError("a bug in a worker")
        return event_page(ctx, event_id)

    monkeypatch.setattr(desclasificado.render, "event_page", failing)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the last good site")
    with pytest.raises(ValueError, match="a bug in a worker") as failed:
        build(project.root, tmp_path / "site", workers=2)
    assert any(note.startswith("while rendering the page /") and "events/e19" in note
               for note in failed.value.__notes__)
    assert (tmp_path / "site" / "index.html").read_text() == "the last good site"


def test_links_checked_in_another_process_join_the_check() -> None:
    """A page's links to an anchor of a page another process rendered: settled once that
    process's findings are merged, broken if the anchor is not there."""
    def check() -> LinkCheck:
        return LinkCheck(["a/", "b/"], [])

    parent, worker = check(), check()
    since = worker.mark()
    parent.add("a/", "events/a.yaml", [Link("b/", "here"), Link("b/", "gone")], {"top"})
    worker.add("b/", "events/b.yaml", [Link("a/", "top"), Link("a/", "missing")], {"here"})
    parent.merge(worker.findings(since))
    broken = [(b.page, b.link.anchor) for b in parent.broken()]
    assert broken == [("a/", "gone"), ("b/", "missing")]


def test_the_number_of_processes_can_be_given(project: SiteProject, capsys) -> None:
    code, lines = project.build("--workers", "1")
    assert code == 0, lines
    assert (project.root / "site" / "events" / "e1961" / "index.html").is_file()
    with pytest.raises(SystemExit) as refused:
        project.build("--workers", "0")
    assert refused.value.code == 2
    assert "'0' is not a number of processes: give 1 or more" in capsys.readouterr().err

"""`python build.py` (build) and `serve`: strict, atomic, reproducible, safe site directories."""

from __future__ import annotations

import filecmp
import os
import socket
import subprocess
import sys
import time
import tracemalloc
import urllib.request
import weakref
from pathlib import Path
from typing import Any

import pytest

from desclasificado.publish import build as sitebuild
from desclasificado.render.links import Link, LinkCheck, check_links
from tests.conftest import REPO
from tests.sitekit import SiteProject, event_yaml


@pytest.fixture
def site_project(tmp_path: Path) -> SiteProject:
    return SiteProject(tmp_path / "project")


def _leftovers(project: SiteProject) -> list[str]:
    return [p.name for p in project.root.iterdir() if p.name.startswith(".build-tmp-")]


def test_build_writes_the_site_and_says_so(site_project: SiteProject) -> None:
    code, lines = site_project.build()
    assert code == 0
    assert lines[0] == "checked 1 events, 1 documents, 1 actors, 1 themes: 0 errors"
    assert lines[1].startswith("built ") and " pages into site/ in " in lines[1]
    for page in ("index.html", "timeline/index.html", "events/1963-04-11-paris/index.html",
                 "documents/176-10036-10058/index.html", "countries/pe/index.html",
                 "themes/exile-networks/index.html", "actors/cia/index.html",
                 "search.html", "404.html", "data/events.json", "pagefind/shards.json",
                 "pagefind/en/pagefind.js"):
        assert (site_project.root / "site" / page).is_file(), page
    assert _leftovers(site_project) == []
    assert site_project.run()[0] == 0  # no subcommand is `build`, and it replaces the site


def test_the_pages_built_are_counted_without_walking_the_site(
        site_project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build says how many HTML pages it wrote from what it wrote (a walk of a fresh
    site of 75,000 files took seconds), and says what a walk finds."""
    def walked(site_dir: Path) -> int:
        raise AssertionError("the site was walked")

    monkeypatch.setattr(sitebuild, "html_files", walked)
    code, lines = site_project.build()
    monkeypatch.undo()
    assert code == 0, lines
    count = int(lines[1].split()[1].replace(",", ""))
    assert count == sitebuild.html_files(site_project.root / "site") > 20


def test_bad_content_leaves_the_previous_site_untouched(site_project: SiteProject) -> None:
    assert site_project.build()[0] == 0
    sentinel = site_project.write("site/sentinel.txt", "from the previous build")
    site_project.write("events/bad.yaml", 'date: "1963"\ntitle: [unclosed\n')
    _, checked = site_project.check()
    code, lines = site_project.build()
    assert code == 1
    assert lines == checked + ["error: the site was not built: fix the errors above (site/ is "
                               "unchanged)"]
    assert lines[0].startswith("events/bad.yaml:")
    assert sentinel.read_text() == "from the previous build"
    assert _leftovers(site_project) == []


def test_a_broken_link_in_a_hand_written_page_fails_the_build(site_project: SiteProject) -> None:
    assert site_project.build()[0] == 0
    sentinel = site_project.write("site/sentinel.txt", "kept")
    site_project.write("pages/about.md", "# About\n\nSee [the list](missing.md).\n")
    code, lines = site_project.build()
    assert code == 1
    assert any("about.md" in line and "missing.md" in line for line in lines), lines
    # the page and its untranslated copy under es/ (published until it is translated)
    assert any("'es/about.md'" in line and "'es/missing.md'" in line for line in lines), lines
    assert lines[-2:] == ["Aborted with 2 warnings in strict mode!",
                          "error: the site was not built: fix the errors above (site/ is unchanged)"]
    assert sentinel.read_text() == "kept" and _leftovers(site_project) == []


def test_a_broken_generated_link_fails_the_build(site_project: SiteProject,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desclasificado.render import event

    monkeypatch.setattr(event, "page_anchor", lambda ctx, citation: "page-99")
    code, lines = site_project.build()
    assert code == 1
    assert lines == [
        "events/1963-04-11-paris.yaml: error: the page /es/events/1963-04-11-paris/ links to "
        "/es/documents/176-10036-10058/#page-99, but no such anchor is generated",
        "events/1963-04-11-paris.yaml: error: the page /events/1963-04-11-paris/ links to "
        "/documents/176-10036-10058/#page-99, but no such anchor is generated",
        "error: the site was not built: fix the errors above (site/ is unchanged)"]
    assert not (site_project.root / "site").exists()


def test_pages_are_rendered_one_at_a_time_as_they_are_written(site_project: SiteProject,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The build never holds every page's HTML: each is rendered when MkDocs writes it and
    let go once written (the memory target of 10,000 events depends on it)."""
    from desclasificado.render import Site

    render, alive, most_alive = Site.render, [], []

    def watched(site: Site, url: str) -> Any:
        page = render(site, url)
        alive.append(weakref.ref(page))
        most_alive.append(sum(ref() is not None for ref in alive))
        return page

    monkeypatch.setattr(Site, "render", watched)
    code, _ = site_project.build()
    assert code == 0 and len(alive) > 10
    assert max(most_alive) <= 2  # the page being written, and at most the one before it


def test_the_link_check_names_missing_pages_and_anchors() -> None:
    pages = [("events/a/", "events/a.yaml", [Link("events/b/", None), Link("events/a/", "x"),
                                             Link("events/a/", "source-1"), Link("", None),
                                             Link("", "top"), Link("nowhere/", None)])]
    anchors = {"events/a/": {"source-1"}, "events/b/": set()}
    broken = check_links(pages, anchors, other_pages={""})
    assert [(b.link.url, b.link.anchor) for b in broken] == [
        ("", "top"), ("events/a/", "x"), ("nowhere/", None)]
    assert broken[2].message() == ("events/a.yaml: error: the page /events/a/ links to /nowhere/, "
                                   "but no such page is generated")


def test_the_link_check_settles_links_to_pages_rendered_later() -> None:
    check = LinkCheck(expected={"events/a/", "documents/d/"}, other_pages={""})
    check.add("events/a/", "events/a.yaml", [Link("documents/d/", "page-2"),
                                             Link("documents/d/", "page-9"),
                                             Link("embed/events/a/", None)], {"s1"})
    assert check.waiting and not check.found  # documents/d/ and the embed are not rendered yet
    check.add("embed/events/a/", None, [Link("events/a/", "s1")], set())
    check.add("documents/d/", "documents/d.yaml", [Link("events/a/", "s2")], {"page-1", "page-2"})
    assert [(b.page, b.link.url, b.link.anchor) for b in check.broken()] == [
        ("documents/d/", "events/a/", "s2"), ("events/a/", "documents/d/", "page-9")]


def test_a_shared_link_found_good_is_judged_once_and_the_others_as_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The page cache's links are one object for every page that has them: a link found
    good is not judged again; one that waits or is broken is judged for each page."""
    check = LinkCheck(expected={"events/a/", "events/b/", "events/c/"}, other_pages=set())
    good, waiting, broken = Link("events/a/", "s1"), Link("events/c/", "s3"), Link("x/", None)
    check.add("events/a/", None, [], {"s1"})
    judged: list[Link] = []
    real = check._verdict
    monkeypatch.setattr(check, "_verdict", lambda link, final=False: (
        judged.append(link), real(link, final))[1])
    for page in ("events/b/", "events/b/", "events/c/"):
        check.add(page, None, (good, waiting, broken), None, shared=True)
    assert judged.count(good) == 1 and judged.count(waiting) == 3 and judged.count(broken) == 3
    check.add("events/b/", None, [Link("events/a/", "s1")], None)  # not shared: judged
    assert judged.count(good) == 2
    assert [(b.page, b.link.url) for b in check.broken()] == [  # as if judged for each
        ("events/b/", "events/c/"), ("events/b/", "events/c/"), ("events/b/", "x/"),
        ("events/b/", "x/"), ("events/c/", "events/c/"), ("events/c/", "x/")]


def test_a_page_never_rendered_has_no_anchors() -> None:
    check = LinkCheck(expected={"events/a/", "events/b/"}, other_pages=set())
    check.add("events/a/", None, [Link("events/b/", None), Link("events/b/", "x")], set())
    assert [(b.link.url, b.link.anchor) for b in check.broken()] == [("events/b/", "x")]


def test_the_link_check_keeps_a_page_s_anchors_and_waiting_links_compactly() -> None:
    """What the check keeps for 1,000 pages of 29 anchors, each linking to 29 anchors of
    pages not rendered yet (the links shared, as list entries are): under 1.5 MB; a
    frozenset of anchors a page and a tuple a waiting link took about 6 MB."""
    pages = [f"events/e{n}/" for n in range(1000)]
    later = [Link(f"later/{n}/", f"source-{n}") for n in range(29)]
    check = LinkCheck(expected={*pages, "later/"}, other_pages=set())
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for page in pages:
            check.add(page, None, list(later), {f"source-{n}" for n in range(29)})
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1.5 * 2**20, kept
    check.add("later/0/", None, [], {"source-0"})
    assert len(check.broken()) == 1000 * 28  # judged as before: each page's missing ones


def test_site_dir_builds_elsewhere(site_project: SiteProject, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "www"
    code, lines = site_project.build("--site-dir", str(out))
    assert code == 0 and f"pages into {out}" in lines[-1]
    assert (out / "events" / "1963-04-11-paris" / "index.html").is_file()
    assert not (site_project.root / "site").exists()
    assert site_project.run("--site-dir", str(out))[0] == 0
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".build-tmp-")]


@pytest.mark.parametrize("target", ["", "..", "events", "pages/site", "theme"])
def test_a_site_dir_holding_the_sources_is_refused(site_project: SiteProject, target: str) -> None:
    before = sorted(p.relative_to(site_project.root.parent) for p in site_project.root.rglob("*"))
    code, lines = site_project.build("--site-dir", str(site_project.root / target))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("error: ") and "sources" in lines[0] and "--site-dir" in lines[0]
    after = sorted(p.relative_to(site_project.root.parent) for p in site_project.root.rglob("*"))
    assert before == after


def test_a_foreign_directory_is_not_replaced(site_project: SiteProject, tmp_path: Path) -> None:
    foreign = tmp_path / "my-files"
    (foreign / "keep.txt").parent.mkdir()
    (foreign / "keep.txt").write_text("precious")
    code, lines = site_project.build("--site-dir", str(foreign))
    assert code == 1 and "not a site built here" in lines[0]
    assert (foreign / "keep.txt").read_text() == "precious"


def test_builds_are_byte_identical_with_source_date_epoch(site_project: SiteProject,
                                                          tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site_project.write("events/1962-earlier.yaml", event_yaml("1962", "An earlier event"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "first", tmp_path / "second"
    assert site_project.build("--site-dir", str(first))[0] == 0
    time.sleep(1.1)
    assert site_project.build("--site-dir", str(second))[0] == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert Path("sitemap.xml.gz") in files and Path("pagefind/en/pagefind-entry.json") in files
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_repository_site_builds(tmp_path: Path) -> None:
    from desclasificado.cli import build_and_report as build_site

    assert build_site(REPO, tmp_path / "site") == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _wait_for(url: str, text: str, present: bool = True, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while (text in _get(url)) != present:
        assert time.monotonic() < deadline, f"{url}: {text!r} {'never' if present else 'still'} there"
        time.sleep(0.3)


def test_serve_rebuilds_on_content_changes_and_survives_errors(site_project: SiteProject) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--root", str(site_project.root), "serve",
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "timeline/", "CIA source names Paris")
        site_project.write("events/1962-new.yaml", event_yaml("1962", "A freshly added event"))
        _wait_for(base + "timeline/", "A freshly added event")
        site_project.write("events/1962-new.yaml", 'date: "1962"\ntitle: [unclosed\n')
        time.sleep(2.5)
        assert server.poll() is None  # the error is printed; the server waits for a fix
        site_project.write("events/1962-new.yaml", event_yaml("1962", "Fixed again"))
        _wait_for(base + "timeline/", "Fixed again")
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "events/1962-new.yaml:" in output and "error" in output


def test_serve_on_a_taken_address_says_what_to_do(site_project: SiteProject,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert site_project.run("serve", "--dev-addr", f"127.0.0.1:{port}")[0] == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"error: cannot serve on 127.0.0.1:{port}: Address already in use; stop the other "
        f"preview, or choose another address: python build.py serve --dev-addr 127.0.0.1:"
        f"{port + 1}")

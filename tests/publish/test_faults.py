"""A build or an import that fails, at any stage, leaves everything as it was.

Each fault is injected into a build over a site built before: bad content, a broken theme
template, an exception while rendering, a full disk, an interrupt, an interrupt while the new
site is being moved in. Every time the build exits non-zero with one clear message and no
traceback, the previous site/ is byte for byte what it was, and no `.build-tmp-*` directory
is left. A killed `import-rif` leaves no half-written record.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desclasificado.publish import build as sitebuild
from desclasificado.publish import engine, trash
from desclasificado.publish.pagecache import CACHE_DIR
from desclasificado.publish.trash import TRASH
from tests.conftest import REPO
from tests.sitekit import SiteProject

FAILED = "error: the site was not built: fix the errors above (site/ is unchanged)"
HINT = "hint: this is a bug in Desclasificado, not a problem in the content: please report it"
_engine_utils = importlib.import_module(f"{engine.ENGINE}.utils")  # where MkDocs writes files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a site built from it, copied by each test."""
    project = SiteProject(tmp_path_factory.mktemp("faults") / "project")
    shutil.copytree(REPO / "theme", project.root / "theme")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"custom_dir: {REPO / 'theme'}", "custom_dir: theme"))
    code, lines = project.build()
    assert code == 0, lines
    return project.root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> SiteProject:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    site = SiteProject.__new__(SiteProject)
    site.root = root
    return site


def _snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _run(project: SiteProject, *argv: str) -> tuple[int, list[str]]:
    """`build.py ARGV` in-process: the exit code and every line printed, stdout then stderr."""
    from desclasificado.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv or ["build"]), root=project.root)
    return code, out.getvalue().splitlines() + err.getvalue().splitlines()


def _fails_cleanly(project: SiteProject, *argv: str, code: int = 1) -> list[str]:
    """Build with a fault injected; check the site is untouched and nothing is left over."""
    before = _snapshot(project.root / "site")
    exit_code, lines = _run(project, *argv)
    assert exit_code == code, lines
    assert not any("Traceback" in line for line in lines), lines
    assert _snapshot(project.root / "site") == before
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".build-tmp-")] == []
    return lines


def _after(count: int, fault: BaseException, real: Callable) -> Callable:
    """`real`, which raises `fault` from its `count`-th call on (some files get written)."""
    calls = []

    def write(*args: object) -> None:
        calls.append(args)
        if len(calls) >= count:
            raise fault
        real(*args)

    return write


def test_bad_content(project: SiteProject) -> None:
    project.write("events/bad.yaml", 'date: "1963"\ntitle: [unclosed\n')
    lines = _fails_cleanly(project)
    assert lines[0].startswith("events/bad.yaml:2:8: error: a list opened here with '['")
    assert lines[1].startswith("checked 1 events") and lines[2:] == [FAILED]


@pytest.mark.parametrize(("broken", "message"), [
    ("{% endif %}", "error: in the theme's template main.html, line 3: Encountered unknown tag "
                    "'endif': fix the template"),
    ("{{ none_such.deeper }}", "error: in the theme's templates: 'none_such' is undefined: fix "
                               "the template"),
], ids=["syntax", "runtime"])
def test_a_broken_template(project: SiteProject, broken: str, message: str) -> None:
    main = project.root / "theme" / "main.html"
    main.write_text(main.read_text().replace("<!doctype html>", f"<!doctype html>\n{broken}", 1))
    assert _fails_cleanly(project) == [message, FAILED]


def test_an_exception_while_rendering(project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    import desclasificado.render

    def broken(*args: object) -> None:
        raise RuntimeError("boom while rendering an event\nsecond line")

    monkeypatch.setattr(desclasificado.render, "event_page", broken)
    monkeypatch.delenv("DESCLASIFICADO_DEBUG", raising=False)
    lines = _fails_cleanly(project)
    assert lines == [
        "error: internal error (RuntimeError: boom while rendering an event, while rendering "
        "the page /events/1963-04-11-paris/); the site was not built (site/ is unchanged)",
        f"{HINT}, with the command you ran and this message (run it again with "
        "DESCLASIFICADO_DEBUG=1 to see the traceback)"]


def test_the_traceback_of_an_internal_error_on_request(project: SiteProject,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import desclasificado.render

    monkeypatch.setattr(desclasificado.render, "event_page", lambda *a: 1 / 0)
    monkeypatch.setenv("DESCLASIFICADO_DEBUG", "1")
    exit_code, lines = _run(project)
    assert exit_code == 1 and lines[0].startswith("error: internal error (ZeroDivisionError: ")
    assert "Traceback (most recent call last):" in lines and "ZeroDivisionError: division by zero" in lines


def test_an_internal_error_outside_the_build(project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    from desclasificado import cli

    monkeypatch.setattr(cli, "check_project", lambda *a, **k: {}["missing"])
    monkeypatch.delenv("DESCLASIFICADO_DEBUG", raising=False)
    exit_code, lines = _run(project, "check")
    assert exit_code == 1
    assert lines == ["error: internal error (KeyError: 'missing')",
                     f"{HINT}, with the command you ran and this message (run it again with "
                     "DESCLASIFICADO_DEBUG=1 to see the traceback)"]


@pytest.mark.parametrize("writer", ["write_file", "copy_file"])
def test_a_full_disk(project: SiteProject, monkeypatch: pytest.MonkeyPatch, writer: str) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "site/events/x/index.html")
    monkeypatch.setattr(_engine_utils, writer, _after(2, full, getattr(_engine_utils, writer)))
    assert _fails_cleanly(project) == [
        "error: the build could not write or read a file: No space left on device "
        "(site/events/x/index.html): free some disk space and build again", FAILED]


def test_an_interrupt_in_the_middle_of_writing(project: SiteProject,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_engine_utils, "write_file",
                        _after(5, KeyboardInterrupt(), _engine_utils.write_file))
    assert _fails_cleanly(project, code=130) == ["interrupted: nothing was changed"]


def _of_the_cache(source: object) -> bool:
    """A rename of the page cache's files (`pagecache.py`), which share `os.replace` with the
    site's swap: the tests below count only the swap's renames, whichever process rendered."""
    return CACHE_DIR in Path(str(source)).parts


@pytest.mark.parametrize("fault", [KeyboardInterrupt(), OSError(errno.EIO, "Input/output error")],
                         ids=["interrupt", "error"])
def test_a_fault_while_the_new_site_is_moved_in(project: SiteProject, monkeypatch: pytest.MonkeyPatch,
                                                fault: BaseException) -> None:
    """The old site is renamed aside, then the new one renamed into place: a fault between the
    two puts the old one back."""
    real = os.replace
    calls = []

    def replace(source: object, destination: object) -> None:
        if _of_the_cache(source):
            return real(source, destination)
        calls.append(source)
        if len(calls) == 2:
            raise fault
        real(source, destination)

    monkeypatch.setattr(sitebuild.os, "replace", replace)
    lines = _fails_cleanly(project, code=130 if isinstance(fault, KeyboardInterrupt) else 1)
    assert len(calls) == 3  # aside, in (fails), back
    assert lines[-1] in ("interrupted: nothing was changed", FAILED)


def test_symbolic_links_in_pages_are_refused(project: SiteProject, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web")
    (project.root / "pages" / "secret.txt").symlink_to(secret)
    (project.root / "pages" / "elsewhere").symlink_to(tmp_path)
    lines = _fails_cleanly(project)
    assert lines[:2] == [
        "pages/elsewhere:1:1: error: symbolic links are not allowed in pages/: replace the link "
        "with the file itself",
        "pages/secret.txt:1:1: error: symbolic links are not allowed in pages/: replace the link "
        "with the file itself"]


# --- import-rif --------------------------------------------------------------------------------

_SLOW_IMPORT = textwrap.dedent("""\
    import os, sys, time
    sys.path.insert(0, {repo!r})
    from desclasificado.archives.jfk import importer

    real_fdopen = os.fdopen

    class Slow:
        '''Writes half of the record, says so, then hangs: killed mid-write.'''
        def __init__(self, stream): self.stream = stream
        def __enter__(self): return self
        def __exit__(self, *exc): return self.stream.__exit__(*exc)
        def write(self, data):
            if not data.startswith(b"# yaml-language-server"):
                return self.stream.write(data)
            self.stream.write(data[: len(data) // 2]); self.stream.flush()
            print("writing", flush=True)
            time.sleep(60)
        def __getattr__(self, name): return getattr(self.stream, name)

    importer.os.fdopen = lambda fd, mode: Slow(real_fdopen(fd, mode))
    from desclasificado.cli import main
    sys.exit(main(["import-rif", *sys.argv[1:]], root=__import__("pathlib").Path({root!r})))
""")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "overwrite"])
def test_a_killed_import_leaves_no_half_written_record(tmp_path: Path, sig: signal.Signals,
                                                       existing: bool) -> None:
    from tests.archives.test_rif import synthetic

    root = tmp_path / "project"
    (root / "documents").mkdir(parents=True)
    source = tmp_path / "transcript.md"
    source.write_text(synthetic(), encoding="utf-8")
    record = root / "documents" / "176-99999-00001.yaml"
    if existing:
        record.write_text("the previous record\n")
    script = tmp_path / "slow_import.py"
    script.write_text(_SLOW_IMPORT.format(repo=str(REPO), root=str(root)))
    args = [sys.executable, str(script), str(source), *(["--force"] if existing else [])]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None and process.stdout.readline() == "writing\n", \
                process.stderr.read() if process.stderr else ""
            os.kill(process.pid, sig)
            process.wait(timeout=30)
        finally:
            process.kill()
    if existing:
        assert record.read_text() == "the previous record\n"
    else:
        assert not record.exists()
    left = sorted(p.name for p in (root / "documents").iterdir())
    temporary = [name for name in left if name.endswith(".tmp")]
    if sig == signal.SIGTERM:  # unwinds like Ctrl-C: the temporary file is removed
        assert temporary == [] and process.returncode == 130
    else:  # nothing can run after SIGKILL: hidden temporary files (the transcript's, the record's), which the
        # check ignores; the files are renamed only once both are complete
        assert sorted(name.split(".")[2] for name in temporary) == ["md", "yaml"]
        assert all(name.startswith(".176-99999-00001.") for name in temporary)


# --- symbolic links, refused as a published file is read ---------------------------------------

def _link_refused(project: SiteProject, shown: str) -> None:
    lines = _fails_cleanly(project)
    assert lines == [f"error: {shown}: a symbolic link cannot be published: replace the link "
                     "with the file itself", FAILED]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.es.md"])
def test_a_contributor_guide_that_is_a_link_is_refused(project: SiteProject, tmp_path: Path,
                                                       guide: str) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("not for the web")
    (project.root / guide).unlink(missing_ok=True)
    (project.root / guide).symlink_to(secret)
    _link_refused(project, guide)


def _during_the_build(monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]) -> None:
    """`change` the project once the check has looked (and found no link), as the build reads."""
    from desclasificado.publish import plugin

    real = plugin._read_hand_written

    def changed(files: object, config: object) -> None:
        change()
        real(files, config)

    monkeypatch.setattr(plugin, "_read_hand_written", changed)


def test_a_pages_folder_that_becomes_a_link_is_refused(project: SiteProject, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pages, elsewhere = project.root / "pages", tmp_path / "elsewhere"

    def change() -> None:
        shutil.move(pages, elsewhere)
        pages.symlink_to(elsewhere)

    _during_the_build(monkeypatch, change)
    _link_refused(project, "pages")


def test_a_link_dropped_into_pages_during_the_build_is_refused(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("not for the web")
    page = sorted((project.root / "pages").rglob("*.md"))[0]

    def change() -> None:
        page.unlink()
        page.symlink_to(secret)

    _during_the_build(monkeypatch, change)
    _link_refused(project, page.relative_to(project.root).as_posix())


# --- interrupts once the new site is in place, and builds that were killed ---------------------

LIVE = "interrupted: the new site is in place in site/ (what is left of the old one is removed " \
       "by the next build)"


def _leftovers(project: SiteProject) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".build-tmp-"))


def _new_page(project: SiteProject) -> Path:
    """A page only the next build publishes: its site is told from the one before."""
    project.write("pages/only-new.md", "# Only in the new site\n")
    return project.root / "site" / "only-new" / "index.html"


def _after_swap_rename(monkeypatch: pytest.MonkeyPatch, rename: int,
                       then: Callable[[], None]) -> list[object]:
    """Call `then` right after the swap's `rename`-th rename (the page cache's are not
    counted); the renames made, as they are made."""
    real, calls = os.replace, []

    def replace(source: object, destination: object) -> None:
        real(source, destination)
        if _of_the_cache(source):
            return
        calls.append(source)
        if len(calls) == rename:
            then()

    monkeypatch.setattr(sitebuild.os, "replace", replace)
    return calls


@pytest.mark.parametrize("rename", [1, 2], ids=["first-rename", "final-rename"])
def test_sigterm_during_the_renames_lets_them_finish(project: SiteProject, rename: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A real SIGTERM right after a rename: delivered once the new site is in, and said so."""
    _after_swap_rename(monkeypatch, rename, lambda: os.kill(os.getpid(), signal.SIGTERM))
    page = _new_page(project)
    shutil.rmtree(project.root / CACHE_DIR, ignore_errors=True)  # pages rendered here, kept
    code, lines = _run(project)
    assert (code, lines) == (130, [LIVE]) and page.is_file()


def test_a_sigterm_another_thread_is_given_waits_for_the_renames(
        project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The system gives a process's SIGTERM to any of its threads that does not block it (the
    build has threads: the pool's, the deletion's), and Python then runs the handler in the main
    thread at once: the two renames must finish first all the same (a signal mask is a
    thread's own and would not hold it: a CI run failed so on 8 December 2026)."""
    other_ready, other_done = threading.Event(), threading.Event()
    other = threading.Thread(target=lambda: (other_ready.set(), other_done.wait(30)))
    other.start()
    other_ready.wait(5)

    def to_the_other_thread() -> None:
        signal.pthread_kill(other.ident, signal.SIGTERM)
        time.sleep(0.05)  # the handler, if it is to run now, has run

    calls = _after_swap_rename(monkeypatch, 1, to_the_other_thread)
    page = _new_page(project)
    try:
        code, lines = _run(project)
    finally:
        other_done.set()
        other.join()
    assert (code, lines) == (130, [LIVE]) and page.is_file() and len(calls) == 2


def test_an_interrupt_while_the_old_site_is_deleted(project: SiteProject,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.rmtree

    def rmtree(path: object, *args: object, **kwargs: object) -> None:
        if Path(str(path)).name.startswith(sitebuild.ASIDE_PREFIX):
            real(Path(str(path)) / "site" / "events")  # half of the old site is gone
            raise KeyboardInterrupt
        real(path, *args, **kwargs)

    monkeypatch.setattr(sitebuild.shutil, "rmtree", rmtree)
    page = _new_page(project)  # without the cache, the build deletes the old site itself
    assert _run(project, "build", "--no-cache") == (130, [LIVE]) and page.is_file()
    assert [name[:len(sitebuild.ASIDE_PREFIX)] for name in _leftovers(project)] == [
        sitebuild.ASIDE_PREFIX]
    monkeypatch.undo()
    code, lines = _run(project, "build", "--no-cache")
    assert code == 0 and lines[0] == ("note: removed 1 temporary directory left by stopped "
                                      "builds") and _leftovers(project) == []


def _killed_between_the_renames(project: SiteProject) -> dict[str, str]:
    """What SIGKILL between the two renames leaves: no site/, the old one aside, the new one
    in its temporary directory. The old site's files."""
    site = project.root / "site"
    before = _snapshot(site)
    aside = Path(tempfile.mkdtemp(prefix=sitebuild.ASIDE_PREFIX, dir=project.root))
    os.replace(site, aside / "site")
    fresh = Path(tempfile.mkdtemp(prefix=sitebuild.TEMP_PREFIX, dir=project.root))
    (fresh / "index.html").write_text("half a new site")
    return before


def test_recovering_from_a_build_killed_between_the_renames(project: SiteProject) -> None:
    before = _killed_between_the_renames(project)
    assert sitebuild.recover_leftovers(project.root / "site") == [
        "note: a build was stopped while it moved its site in: the previous site is back in site/",
        "note: removed 2 temporary directories left by stopped builds"]
    assert _snapshot(project.root / "site") == before and _leftovers(project) == []


def test_the_next_build_recovers_even_when_the_content_has_errors(project: SiteProject) -> None:
    before = _killed_between_the_renames(project)
    project.write("events/bad.yaml", 'date: "1963"\ntitle: [unclosed\n')
    code, lines = _run(project)
    assert code == 1 and lines[0].startswith("note: a build was stopped while it moved its site")
    assert _snapshot(project.root / "site") == before and _leftovers(project) == []


def test_a_running_build_s_directories_are_not_leftovers(project: SiteProject) -> None:
    """Another build holds the lock (as `staging()` does): nothing of its is touched."""
    _killed_between_the_renames(project)
    with sitebuild.staging(project.root / "site"):
        assert sitebuild.recover_leftovers(project.root / "site") == []
        assert len(_leftovers(project)) == 3
    assert not (project.root / "site").exists()


def _trashed(project: SiteProject) -> list[Path]:
    trash = project.root / CACHE_DIR / TRASH
    return sorted(trash.iterdir()) if trash.is_dir() else []


def test_with_the_cache_the_old_site_is_deleted_by_a_process_of_its_own(
        project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """The old site is moved into the cache's trash, whole, and the build returns: a
    detached process deletes it (the next build's takes up what one left)."""
    old = (project.root / "site" / "index.html").read_bytes()
    monkeypatch.setattr(sitebuild, "throw_away", _moved_only)
    page = _new_page(project)
    code, lines = _run(project)
    assert code == 0 and page.is_file() and _leftovers(project) == [], lines
    [aside] = _trashed(project)
    assert (aside / sitebuild.ASIDE_NAME / "index.html").read_bytes() == old
    assert not (aside / sitebuild.ASIDE_NAME / "only-new").exists()
    monkeypatch.undo()
    project.write("pages/only-new.md", "# Only in the newer site\n")
    code, lines = _run(project)
    assert code == 0 and _leftovers(project) == [], lines
    for _ in range(600):  # both old sites, this build's and the one left
        if not _trashed(project):
            break
        time.sleep(0.1)
    assert _trashed(project) == []


def _moved_only(folder: Path, bin_: Path) -> trash.Left:
    """`throw_away` with no process to delete: what a deletion that never ran leaves."""
    bin_.mkdir(parents=True, exist_ok=True)
    os.replace(folder, bin_ / folder.name)
    return trash.Left()


def test_no_process_to_delete_the_old_site_leaves_it_to_the_next_build(
        project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(folder: Path) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")  # as Popen would

    monkeypatch.setattr(trash, "start_deleting", no_process)
    page = _new_page(project)
    code, lines = _run(project)
    assert code == 0 and page.is_file() and len(_trashed(project)) == 1, lines


def test_an_old_site_that_cannot_go_to_the_trash_is_deleted_by_the_build(
        project: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    """On another file system than the cache, the old site is deleted as without it."""
    real = os.replace

    def replace(source: object, destination: object) -> None:
        if TRASH in Path(str(destination)).parts:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(source, destination)

    monkeypatch.setattr(trash.os, "replace", replace)
    page = _new_page(project)
    code, lines = _run(project)
    assert code == 0 and page.is_file(), lines
    assert _leftovers(project) == [] and _trashed(project) == []

"""Stage 5, publish: build through the engine into a fresh directory, then swap it in.

`site_target()` says where a build goes and refuses a target that holds or overlaps the
sources; `staging()` gives a fresh temporary directory next to the target and removes it
whatever happens; `run_engine()` runs the engine (strict) into it with the build's
`SiteBuild`; `swap()` moves it into place (the old site renamed aside, then deleted), putting
the old site back if anything stops it half way. `pipeline.build()` calls them in that order.
Errors are raised, never printed: BuildRefused, BuildFailed (the engine or the theme, in
one line), OSError (see `os_message()` for the line the command line prints).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading

try:
    import fcntl
except ImportError:  # Windows: no lock, so leftovers are not cleaned
    fcntl = None  # type: ignore[assignment]
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desclasificado.problems import Problem
from desclasificado.publish import engine
from desclasificado.publish.plugin import CONFIG_KEY, GUIDE_FILES, SiteBuild
from desclasificado.publish.searchindex import IndexFailed, index_search
from desclasificado.publish.trash import throw_away

CONTENT_DIRS = ("events", "documents", "actors", "themes")
SOURCE_PATHS = (*CONTENT_DIRS, "pages", "theme", "desclasificado", "mkdocs.yml",
                *GUIDE_FILES.values())
CONFIG_FILE = "mkdocs.yml"
TEMP_PREFIX = ".build-tmp-"
ASIDE_PREFIX = TEMP_PREFIX + "old-"  # the old site, renamed aside while the new one moves in
ASIDE_NAME = "site"
LINK_FREE = ("theme",)  # MkDocs would follow a link there and publish its target (the check
# refuses links in pages/ and the content folders itself)
# MkDocs logs "Error building page 'x': ..." before re-raising; the build reports the error once.
_ENGINE_ECHO = re.compile(r"Error (?:building|reading) page ")

class BuildFailed(Exception):
    """The site could not be built; the message says why, in one line."""


class BuildRefused(Exception):
    """The target directory must not be replaced by a build; the message says why."""


def refusal(root: Path, target: Path) -> str | None:
    """Why `target` must not be (re)placed by a build of `root`, or None if it may."""
    root, target = root.resolve(), target.resolve()
    if target == root or root.is_relative_to(target):
        return f"{target} contains the project's sources: choose another --site-dir"
    for name in SOURCE_PATHS:
        source = root / name
        if target == source or source.is_relative_to(target) or target.is_relative_to(source):
            return (f"{target} overlaps the project's sources ({name}): choose another "
                    "--site-dir")
    if target.exists() and not target.is_dir():
        return f"{target} is a file, not a directory"
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        return (f"{target} is not empty and is not a site built here (no index.html): "
                "refusing to replace it")
    return None


def copy_site_config(repo: Path, root: Path) -> None:
    """Give the project at `root` the mkdocs.yml, pages and contributors' guides of the
    checkout `repo`, with the theme and hooks of `repo` (by absolute path): how the tests
    and the benchmarks build projects made elsewhere."""
    text = (repo / CONFIG_FILE).read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {repo / 'theme'}")
    text = text.replace("- desclasificado/publish/hooks.py",
                        f"- {repo / 'desclasificado' / 'publish' / 'hooks.py'}")
    (root / CONFIG_FILE).write_text(text, encoding="utf-8")
    shutil.copytree(repo / "pages", root / "pages", dirs_exist_ok=True)
    for name in GUIDE_FILES.values():
        if (repo / name).is_file():
            shutil.copyfile(repo / name, root / name)


def site_target(root: Path, site_dir: Path | None) -> Path:
    """Where a build of `root` goes (default root/site); BuildRefused if it must not."""
    target = (site_dir or root / "site").resolve()
    reason = refusal(root, target)
    if reason:
        raise BuildRefused(reason)
    return target


def linked_files(root: Path) -> list[Problem]:
    """Symbolic links in theme/: MkDocs follows them and would publish whatever they point
    at (the loader refuses links in the content folders and pages/ itself)."""
    found = []
    for folder in LINK_FREE:
        for parent, dirs, files in os.walk(root / folder):
            for name in sorted(dirs + files):
                path = Path(parent, name)
                if path.is_symlink():
                    found.append(Problem(path.relative_to(root).as_posix(), 1, 1, "symbolic links "
                                         f"are not allowed in {folder}/: replace the link with the "
                                         "file itself"))
    return found


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A fresh temporary directory next to `target`, removed whatever happens (an interrupt
    included) once the block ends: moved into place by then, or thrown away. While it lasts
    the build holds a shared lock on the target's folder (see `recover_leftovers()`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _builds_lock(target.parent, fcntl.LOCK_SH if fcntl else 0):
        fresh = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=target.parent))
        try:
            yield fresh
        finally:
            shutil.rmtree(fresh, ignore_errors=True)


def recover_leftovers(target: Path) -> list[str]:
    """`recover(target)` if no other build is running beside it (none holds the lock that
    `staging()` holds): what killed builds left is then theirs. The lines to print."""
    if fcntl is None or not target.parent.is_dir():
        return []
    try:
        with _builds_lock(target.parent, fcntl.LOCK_EX | fcntl.LOCK_NB):
            return recover(target)
    except BlockingIOError:
        return []  # another build is running: its directories are not leftovers


@contextlib.contextmanager
def _builds_lock(folder: Path, how: int) -> Iterator[None]:
    """A lock (flock `how`) on `folder` while the block runs; released when it ends, and by
    the system when the process is killed."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, how)
        yield
    finally:
        os.close(fd)


def recover(target: Path) -> list[str]:
    """Clean up after builds that were killed (SIGKILL, a power cut) beside `target`: put the
    previous site back if one was stopped between its two renames (no `target`, the old site
    left aside), and remove every `.build-tmp-*` directory. Call it only when no other build
    is running. The lines to print."""
    leftovers = sorted(p for p in target.parent.glob(TEMP_PREFIX + "*") if p.is_dir()
                       and not p.is_symlink())
    notes = []
    asides = [p / ASIDE_NAME for p in leftovers if p.name.startswith(ASIDE_PREFIX)
              and (p / ASIDE_NAME / "index.html").is_file()]
    if not os.path.lexists(target) and asides:
        newest = max(asides, key=lambda p: p.stat().st_mtime)
        os.replace(newest, target)
        notes.append(f"note: a build was stopped while it moved its site in: the previous "
                     f"site is back in {target.name}/")
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)
    if leftovers:
        notes.append(f"note: removed {len(leftovers)} temporary "
                     f"director{'y' if len(leftovers) == 1 else 'ies'} left by stopped builds")
    return notes


def run_engine(root: Path, site_dir: Path, site_build: SiteBuild,
               site_url: str | None = None) -> int:
    """Build the site of `root` with the engine, strictly, into `site_dir`, the hooks using
    `site_build`; the number of HTML pages written. BuildFailed for what the engine or the
    theme report; OSError when a file cannot be written."""
    try:
        overrides = {"site_url": site_url} if site_url else {}
        config = engine.load_config(config_file=str(root / CONFIG_FILE), site_dir=str(site_dir),
                                    strict=True, **overrides)
        config[CONFIG_KEY] = site_build
        engine.build(config)
    except engine.Abort as exc:
        raise BuildFailed(str(exc)) from None
    except engine.TemplateError as exc:
        raise BuildFailed(_template_message(exc)) from None
    except OSError:
        raise
    except Exception as exc:
        if exc.__class__.__module__.startswith(engine.ENGINE):
            raise BuildFailed(str(exc)) from None
        raise
    return written_pages(site_build, config, site_dir)


def written_pages(site_build: SiteBuild, config: Any, site_dir: Path) -> int:
    """How many HTML pages the engine's build wrote into `site_dir`: those of the files it
    knows it wrote (`SiteBuild.produced`) and the theme's pages without a source
    (`static_templates`: 404.html...) in each language, counted rather than walked (a walk
    of the fresh site, 75,000 files in 40,000 folders at 10,000 events, took 1 to 3 s)."""
    if site_build.produced is None:
        return html_files(site_dir)
    static = sum(name.endswith(".html") for name in config.theme.static_templates)
    languages = len(site_build.languages.codes) if site_build.languages else 1
    return sum(path.endswith(".html") for path in site_build.produced) + static * languages


def html_files(site_dir: Path) -> int:
    """How many HTML pages the site holds (`os.walk`: `Path.rglob` took seconds at 25,000
    files)."""
    return sum(name.endswith(".html") for _parent, _dirs, names in os.walk(site_dir)
               for name in names)


def index_site(site_dir: Path, cache: Path | None = None) -> None:
    """Write the search index into the site the engine has just built in `site_dir` (before
    the swap), the shards that did not change linked from `cache` (the project's cache
    folder); BuildFailed if Pagefind cannot."""
    try:
        index_search(site_dir, cache=cache)
    except IndexFailed as exc:
        raise BuildFailed(str(exc)) from None


class InterruptedWhenLive(KeyboardInterrupt):
    """An interrupt once the new site was in place: the message says so (not "nothing was
    changed"); what is left of the old site is removed by the next build."""

    def __init__(self, target: Path):
        super().__init__(f"interrupted: the new site is in place in {target.name}/ (what is "
                         "left of the old one is removed by the next build)")


def swap(fresh: Path, target: Path, meanwhile: Callable[[], None] | None = None,
         trash: Path | None = None) -> None:
    """Replace `target` by `fresh`: rename the old one aside, move in, delete the old.

    Interrupts wait while the two renames run: if anything else stops them half way (an
    error), the old site is put back; an interrupt once the new site is in place (while the
    old one is deleted) is InterruptedWhenLive. `meanwhile` (saving the page cache's
    manifest) runs once the new site is in place. With `trash` (the cache's, `trash.py`),
    the old site is moved there and a detached process deletes it, the build returning
    meanwhile; else (or if it cannot be moved there) a thread deletes it while `meanwhile`
    runs: the deletion waits on the disk (a directory takes about 0.14 ms to remove here,
    see the README), the saving on the processor, and both are done when `swap` returns.
    """
    live = False
    try:
        with _interrupts_held():
            aside = _move_in(fresh, target)
            live = True
        deleting = _deletion(aside, trash) if aside is not None else None
        try:
            if meanwhile is not None:
                meanwhile()
        finally:
            if deleting is not None:
                deleting.wait()
    except KeyboardInterrupt:
        if live or (not fresh.exists() and target.exists()):
            raise InterruptedWhenLive(target) from None
        raise


def _deletion(aside: Path, trash: Path | None) -> Any:
    """The old site's deletion, started: by a detached process from `trash`, else here."""
    detached = throw_away(aside, trash) if trash is not None else None
    return detached if detached is not None else _Deletion(aside)


class _Deletion:
    """The old site deleted in a thread; `wait()` for it to end (what stopped it is raised
    there, an interrupt included: the next build removes what is left)."""

    def __init__(self, folder: Path):
        self.stopped: BaseException | None = None
        self.thread = threading.Thread(target=self._delete, args=(folder,), daemon=True,
                                       name="delete the old site")
        self.thread.start()

    def _delete(self, folder: Path) -> None:
        try:
            shutil.rmtree(folder, ignore_errors=True)
        except BaseException as exc:  # raised in the thread that waits
            self.stopped = exc

    def wait(self) -> None:
        while self.thread.is_alive():  # a timeout, so that Ctrl-C is seen meanwhile
            self.thread.join(0.1)
        if self.stopped is not None:
            raise self.stopped


def _move_in(fresh: Path, target: Path) -> Path | None:
    """The two renames; the directory the old site was put in (None if there was none)."""
    if not target.exists():
        os.replace(fresh, target)
        return None
    aside = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=target.parent))
    old = aside / ASIDE_NAME
    try:
        os.replace(target, old)
        os.replace(fresh, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)
        shutil.rmtree(aside, ignore_errors=True)
        raise
    return aside


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait (and are delivered) until the block ends.

    The system gives a process's signal to any of its threads that does not block it, and
    Python runs the handler in the main thread at once: a signal mask, a thread's own, would
    not hold a signal given to the build's other threads (the pool's, the deletion's). So in
    the main thread the handlers are swapped for one that notes the signal, raised again
    once the block ends; elsewhere (no handler can be set there) the thread's mask."""
    held_signals = (signal.SIGINT, signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread():
        with _masked(held_signals):
            yield
        return
    noted: list[int] = []
    previous = {number: signal.signal(number, lambda number, _frame: noted.append(number))
                for number in held_signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if noted:
            signal.raise_signal(noted[0])


@contextlib.contextmanager
def _masked(numbers: tuple[int, ...]) -> Iterator[None]:
    """`numbers` blocked for this thread while the block runs, delivered after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, numbers)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _template_message(exc: Exception) -> str:
    """A theme template's error in one line, with the template and line when known."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    where = "the theme's templates"
    if name:
        where = f"the theme's template {Path(name).name}" + (f", line {line}" if line else "")
    message = str(getattr(exc, "message", None) or exc).rstrip(".")
    return f"error: in {where}: {message}: fix the template"


def os_message(exc: OSError) -> str:
    """A file that could not be read or written, in one line, with what to do about it."""
    where = f" ({exc.filename})" if exc.filename else ""
    advice = {errno.ENOSPC: "free some disk space and build again",
              errno.EDQUOT: "free some disk space and build again",
              errno.EACCES: "check the permissions of the site's directory",
              errno.EROFS: "build into a directory that can be written (--site-dir)"}
    hint = advice.get(exc.errno or 0)
    return (f"error: the build could not write or read a file: {exc.strerror or exc}{where}"
            + (f": {hint}" if hint else ""))


@contextlib.contextmanager
def engine_messages() -> Iterator[None]:
    """Print the engine's warnings and errors (one line each) while it runs."""
    logger = logging.getLogger(engine.LOGGER_NAME)
    handler = logging.StreamHandler(sys.stdout)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(lambda record: not _ENGINE_ECHO.match(record.getMessage()))
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def shown(target: Path, root: Path) -> str:
    """The target as printed: relative to the project when inside it."""
    try:
        return target.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(target)

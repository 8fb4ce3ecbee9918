"""`serve`'s rebuilds: the site stays where it is served; after an edit, the edited pages
are written first, the rest of the site and its search index after they are served.

A build (`python build.py`) writes a fresh directory and swaps it in; the preview instead
rebuilds in place (the engine's "dirty" build: nothing is deleted first), which spares
deleting and making again every file and folder of the site (tens of thousands: seconds
on a slow disk). What the last build wrote and this one did not (an event removed) is then
deleted (`Preview.finish`), so the preview holds the files a clean build writes. The engine's
server holds every request while a build runs, so no page is served half written.

The search index (Pagefind, the largest single cost of a rebuild) is refreshed after the
rebuild, in a thread: the edited page is served at once, searching the previous index,
and Pagefind writes the new one into a folder beside the site; `pagefind` in the site is a
symbolic link, pointed at the new folder in one rename once it is complete, so a search
never reads half an index. The folder before stays until the next one is in place (a
search started on it finds its files). A rebuild that starts meanwhile stops the indexing
(`searchindex.Stop`: no page is read after that, Pagefind is killed) and, once done, starts
it again: the index is always that of the last build, eventually. The page cache's
manifest is saved in that thread too, before the index (the next rebuild takes it from
memory, `open_cache`, and waits for the saving if it starts first).

A rebuild after a change to the content alone (`Preview.rebuild`) is done in two passes.
The first checks the content again, what changed only (`check.project.Rechecks`: the
same problems as a check from scratch), and refuses bad input as the build does, the
preview left as it was; else it writes the changed records' own pages (`firstpass.py`)
and returns, and the engine's server reloads the browsers. The second pass, in a thread,
is the whole build, from that check: every other page, the embeddable pages, the data
files, the link check, the page cache's manifest, then the search index; when done, the
preview is what a clean build writes, and the browsers are reloaded again. A rebuild
that starts meanwhile stops it (`Cancelled`, raised at the next page or file it writes,
`checkpoint`) and starts it again. A change to anything else (pages, theme, mkdocs.yml)
is rebuilt whole before the reload, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from desclasificado.check.project import CheckResult, Rechecks, check_project
from desclasificado.index import SiteIndex
from desclasificado.publish import engine
from desclasificado.publish.firstpass import Shown, changed_records, first_pass, index_for
from desclasificado.publish.pagecache import PageCache
from desclasificado.publish.searchindex import SEARCH_BUNDLE, IndexFailed, Stop, index_search
from desclasificado.publish.sitefiles import write_whole

_LOG = logging.getLogger(__name__)
_BUNDLE = SEARCH_BUNDLE.strip("/")  # "pagefind"
ACTIVE: Preview | None = None  # the preview of this process's `serve`, while it runs
CONTENT = ("events", "documents", "actors", "themes")  # what the first pass may follow
CLOSING = 5.0  # seconds `serve` waits, when it stops, for a second pass to stop


class Cancelled(Exception):
    """The second pass of a rebuild stops: another rebuild starts."""


class Preview:
    """The state `serve` keeps from one rebuild to the next."""

    def __init__(self) -> None:
        self.produced: set[str] = set()  # what the last build wrote, relative to the site
        self.built = 0  # builds finished
        self.installed = 0  # the build whose search index is in place
        self.folders: list[Path] = []  # the search indexes kept, oldest first
        self._thread: threading.Thread | None = None
        self._stop: Stop | None = None
        self._swap = threading.Lock()
        self.digests: dict[str, bytes] = {}  # the files `write` wrote: their digest
        # the last build's cache: its fingerprint, pages and rendered Markdown
        self.kept: tuple[bytes, dict, dict] | None = None
        self.rechecks = Rechecks()  # what the last check can give the next
        self.sources: dict[str, Any] = {}  # the content as the last check found it
        self.others: dict[str, Any] = {}  # the other sources, as the last build found them
        self.shown: Shown | None = None  # what the last complete build leaves the next
        self.checked: tuple[CheckResult, SiteIndex] | None = None  # for the second pass
        self.reload: Callable[[], None] = lambda: None  # asks the server to reload browsers
        self._second: threading.Thread | None = None
        self._cancel = threading.Event()

    def rebuild(self, root: Path, site_dir: Path, build: Callable[[], None],
                watched: Iterable[Path] = ()) -> None:
        """A rebuild of the preview of `root` in `site_dir` on a change: in two passes if
        only the content changed, else by `build()` (the engine's whole build) at once.
        `watched`: the other sources the server watches (`plugin.watched_sources`)."""
        started = time.monotonic()
        content, others = sources(root / name for name in CONTENT), sources(watched)
        if (content, others) == (self.sources, self.others):  # the reload after a second pass
            return
        self.cancel()
        if self.shown is None or others != self.others:
            self.others = others
            build()
            return
        self.sources = content
        result = check_project(root, kept=self.rechecks)
        if not result.ok:
            raise engine.Abort("\n".join([*(p.format() for p in result.problems),
                                          result.summary()]))
        changed = changed_records(self.shown.collection, result.collection)
        index = index_for(self.shown, result.collection, changed)
        written = first_pass(self.shown, result.collection, index, changed, site_dir)
        self.wrote(set(written))
        _LOG.info("%s pages of what changed written in %.2f s; the rest follows",
                  len(written), time.monotonic() - started)
        self.checked = (result, index)
        self._cancel = threading.Event()
        self._second = threading.Thread(target=self._second_pass, args=(build,),
                                        daemon=True, name="second-pass")
        self._second.start()

    def watch(self, watched: Iterable[Path]) -> None:
        """The sources besides the content as they are now (`rebuild` follows them)."""
        self.others = sources(watched)

    def check(self, root: Path) -> tuple[CheckResult, SiteIndex | None]:
        """The checked content for a build (and its index, if known): the first pass's,
        for the second; else a check of what changed since the last check."""
        if self.checked is not None:
            checked, self.checked = self.checked, None
            return checked
        self.sources = sources(root / name for name in CONTENT)
        return check_project(root, kept=self.rechecks), None

    def checkpoint(self) -> None:
        """Stop the second pass here (`Cancelled`) if another rebuild started."""
        if self.cancelling():
            raise Cancelled

    def cancelling(self) -> bool:
        """Whether this thread is a second pass asked to stop."""
        return self._cancel.is_set() and threading.current_thread() is self._second

    def cancel(self) -> None:
        """Stop the second pass under way, if any, and the search indexing."""
        if self._second is not None:
            self._cancel.set()
            self._second.join()
            self._second = None
        self.checked = None
        self.begin()

    def _second_pass(self, build: Callable[[], None]) -> None:
        """The whole build after a first pass, then the browsers reloaded."""
        try:
            build()
        except Cancelled:
            _LOG.info("The rest of the site: stopped, another rebuild starts")
            return
        except Exception as exc:  # printed as the engine's server prints a failed rebuild
            _LOG.error("The rest of the site was not rebuilt: %s", exc)
            return
        _LOG.info("The rest of the site rebuilt: reloading browsers")
        self.reload()

    def open_cache(self, folder: Path, fingerprint: bytes) -> PageCache:
        """The page cache for a rebuild: the pages and Markdown the last one kept, from
        memory (the manifest on disk is the same)."""
        if self.kept is not None and self.kept[0] == fingerprint:
            cache = PageCache(folder, fingerprint, kept=self.kept[1])
            cache.markdown.known = self.kept[2]
        else:
            cache = PageCache.open(folder, fingerprint)
        return cache

    def write(self, site_dir: Path, path: str, data: bytes) -> None:
        """Write a file of the site, unless the last build wrote the same bytes there."""
        self.checkpoint()
        seen = hashlib.blake2b(data, digest_size=16).digest()
        target = site_dir / path
        if self.digests.get(str(target)) == seen:
            return
        self.digests.pop(str(target), None)
        write_whole(target, data)  # a new file: one being served keeps its bytes
        self.digests[str(target)] = seen

    def begin(self) -> None:
        """A build starts: the indexing of the last one stops reading the site."""
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._thread = self._stop = None

    def wrote(self, produced: set[str]) -> None:
        """A build wrote `produced` (it may still fail): never left behind by the next."""
        self.produced |= produced

    def finish(self, site_dir: Path, produced: set[str], cache: PageCache | None = None,
               shown: Callable[[dict, dict], Shown] | None = None) -> None:
        """A build succeeded: delete what the last one wrote and this one did not, keep
        what the next first pass needs (`shown(manifest, markdown)`), then save the page
        cache's manifest (`cache`) and refresh the search index, in a thread (at once the
        first time: there is no index to keep)."""
        left = self.produced - produced
        _remove(site_dir, left)
        for path in left:
            self.digests.pop(str(site_dir / path), None)
        self.produced = produced
        if cache is not None:
            self.kept = (cache.fingerprint, cache.fresh, cache.markdown.used)
        self.shown = shown(cache.fresh, cache.markdown.used) if shown and cache else None
        self.built += 1
        if not self.installed:
            if cache is not None:
                cache.save()
            self._index(site_dir, self.built, None, cache)
            return
        self._stop = stop = Stop()
        self._thread = threading.Thread(target=self._refresh,
                                        args=(site_dir, self.built, stop, cache),
                                        daemon=True, name="search-index")
        self._thread.start()

    def wait(self, search: bool = True) -> None:
        """Until the preview is that of the last rebuild, and its search index too unless
        `search` is False (or until its second pass or indexing failed)."""
        if self._second is not None:
            self._second.join()
        if search and self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        """Stop the second pass and the indexing; delete the indexes kept beside the site.
        A second pass that does not reach a point where it stops within `CLOSING` seconds
        (the link check, the engine's own pages) is left to end with the process: it
        writes only into the preview, which the engine deletes, and into the page cache,
        whose files and manifest are each put in place whole."""
        if self._second is not None:
            self._cancel.set()
            self._second.join(timeout=CLOSING)
            self._second = None
        self.cancel()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = []

    def _refresh(self, site_dir: Path, build: int, stop: Stop, cache: PageCache | None) -> None:
        """After a rebuild: its cache saved (a rebuild that starts waits for it), then its
        search index, unless a rebuild starts."""
        try:
            if cache is not None:
                cache.save()
        except OSError as exc:
            _LOG.error("the page cache was not saved: %s", exc)
        try:
            self._index(site_dir, build, stop, cache)
        except IndexFailed as exc:
            if not stop:
                _LOG.error("the search index was not refreshed: %s", exc)
        else:
            if not stop:
                _LOG.info("Search index refreshed")

    def _index(self, site_dir: Path, build: int, stop: Stop | None,
               cache: PageCache | None = None) -> None:
        """Index the site into a new folder beside it, and point `pagefind` at it (the shards
        whose pages did not change linked from the cache's folder, as a build does)."""
        folder = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.search-", dir=site_dir.parent))
        try:
            index_search(site_dir, folder, stop, cache.folder if cache is not None else None)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        with self._swap:
            if build <= self.installed:
                shutil.rmtree(folder, ignore_errors=True)
                return
            link = site_dir / f".{_BUNDLE}.next"
            link.unlink(missing_ok=True)
            os.symlink(folder, link, target_is_directory=True)
            os.replace(link, site_dir / _BUNDLE)
            self.installed = build
            self.folders.append(folder)
            for old in self.folders[:-2]:  # the one before stays for searches begun on it
                shutil.rmtree(old, ignore_errors=True)
            self.folders = self.folders[-2:]


@contextlib.contextmanager
def active() -> Iterator[Preview]:
    """The preview of a `serve`, as `ACTIVE` while the block runs."""
    global ACTIVE
    preview = ACTIVE = Preview()
    try:
        yield preview
    finally:
        ACTIVE = None
        preview.close()


def produced_files(pages: Iterable[str], written: Iterable[str],
                   engine_files: Iterable[str]) -> set[str]:
    """The files a build wrote, relative to the site: the generated pages (by address),
    the files written as they are (data files, embeddable pages) and the engine's files
    (hand-written pages, assets). The theme's pages without a source (404.html) are
    written by every build and so never left over."""
    return ({f"{address}index.html" for address in pages} | set(written) | set(engine_files))


def sources(paths: Iterable[Path]) -> dict[str, Any]:
    """Every file under `paths` (folders or files), by path, with its inode, size and
    modification and change times: what a rebuild compares to see what changed."""
    found: dict[str, Any] = {}
    for top in paths:
        walked = os.walk(top) if top.is_dir() else [(str(top.parent), [], [top.name])]
        for parent, _dirs, files in walked:
            for name in files:
                path = os.path.join(parent, name)
                with contextlib.suppress(OSError):
                    stat = os.lstat(path)
                    found[path] = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return found


def _remove(site_dir: Path, paths: set[str]) -> None:
    """Delete the files `paths` of the site, and the folders they leave empty."""
    folders = set()
    for path in sorted(paths):
        target = site_dir / path
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        folders.update(target.parents)
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if folder.is_relative_to(site_dir) and folder != site_dir:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty

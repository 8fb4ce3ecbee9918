"""`serve`'s rebuilds: the site stays where it is served, and its search index is refreshed
after the page is.

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
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from desclasificado.publish.pagecache import PageCache
from desclasificado.publish.searchindex import SEARCH_BUNDLE, IndexFailed, Stop, index_search

_LOG = logging.getLogger(__name__)
_BUNDLE = SEARCH_BUNDLE.strip("/")  # "pagefind"
ACTIVE: Preview | None = None  # the preview of this process's `serve`, while it runs


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
        seen = hashlib.blake2b(data, digest_size=16).digest()
        target = site_dir / path
        if self.digests.get(str(target)) == seen:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # a new file: one being served keeps its bytes
        target.write_bytes(data)
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

    def finish(self, site_dir: Path, produced: set[str], cache: PageCache | None = None) -> None:
        """A build succeeded: delete what the last one wrote and this one did not, then
        save the page cache's manifest (`cache`) and refresh the search index, in a thread
        (at once the first time: there is no index to keep)."""
        left = self.produced - produced
        _remove(site_dir, left)
        for path in left:
            self.digests.pop(str(site_dir / path), None)
        self.produced = produced
        if cache is not None:
            self.kept = (cache.fingerprint, cache.fresh, cache.markdown.used)
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

    def wait(self) -> None:
        """Until the search index is that of the last build (or its indexing failed)."""
        if self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        """Stop indexing and delete the indexes kept beside the site."""
        self.begin()
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

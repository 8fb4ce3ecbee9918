"""The search index: Pagefind, run on the built site before it is swapped in.

MkDocs writes the site into the staging directory; `index_search()` then runs Pagefind's
binary (from the PyPI wheel `pagefind_bin`, so nothing is downloaded at build time) on it,
which hands back the bundle written into the site's `pagefind/`: an index split into
small files, so that a query downloads the chunks of its own words and the fragments of
the results it shows, not an index of the whole collection. A failure raises `IndexFailed`
(`BuildFailed` from `publish.build.index_site`), and the previous site stays.

What is indexed: every page whose `<main>` carries `data-pagefind-body` (the theme's
`main.html` puts it there, with the result's kind and date as `data-pagefind-meta`; the
search page, 404, the contributors' pages and the lists of a year have none). Inside it,
`EXCLUDED` leaves out what only repeats other pages or would make fragments large (a
document's transcript is about ten times the text of the events citing it): a fragment is
the indexed text of one page, and the search page downloads one for each result it shows.
Each language of `<html lang>` gets an index of its own, with its stemming ("guerrilla"
finds "guerrilleros" in Spanish).

How: Pagefind holds every page it indexes in memory until it writes the bundle (about 130 KB
a page at its peak: 1.3 GB for a language at 10,000 events), so each language's pages are
split into shards of at most about 1,500 pages (`publish.searchshards`: by a stable hash of
the page's path), each indexed by a Pagefind run of its own, one after the other (about 190
MB each), and their bundles merged into one a language (`publish.searchmerge`:
`pagefind/en/`, `pagefind/es/`, listed in `pagefind/shards.json` for the search page): what
one run over the language writes, so a query downloads one index. A shard sent exactly what
it was sent by the last build is read from the cache instead of indexed, and the merge of the
same shards is linked from there. The pages are sent to Pagefind's service
(`publish.pagefind_service`) rather than found by it on disk: only those with a
`data-pagefind-body` element (the others, lists of a year among them, were parsed and kept in
memory for nothing), and of each only `<html lang>` and that element (the head, header and
footer are a third of a page). The bundles hold what a single run over the whole site
writes: the same pages, words and locations and the same fragments (a test compares them).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from desclasificado.publish.pagefind_service import PagefindService, ServiceFailed
from desclasificado.publish.searchmerge import MergeFailed
from desclasificado.publish.searchshards import LISTING, ShardCache, split
from desclasificado.render.urls import EMBED, SEARCH_BUNDLE

#: Parts of indexed pages left out of the index (CSS selectors, as Pagefind reads them).
EXCLUDED = (
    ".reuse",                                  # the Cite and Embed controls
    ".page-head .kicker", ".page-head .date",  # shown by the result's kind and date
    "figure",                                  # charts and maps: their tables repeat counts
    ".explore", ".jump", ".timeline",          # a list's filters, jump list and entries
    ".year-index", ".facet-list", ".start",    # lists of years, countries, starting points
    ".related", ".prevnext", ".steps",         # an event's related and neighbouring events
    "section[aria-labelledby=cited-by]",       # a document's citing events
    ".identification .gloss", ".identification thead",  # what each field means
    ".identification caption",
    "section[aria-labelledby=transcript]",     # a document's transcript
    ".field-text",                             # the Data page's descriptions of fields
)
#: Files of Pagefind's bundle the site does not use (its ready-made interfaces: the theme's
#: search page has its own, with the catalogue's words).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")
_SKIPPED_DIRS = (EMBED.strip("/"), SEARCH_BUNDLE.strip("/"))
_BODY = b"data-pagefind-body"
_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z][A-Za-z0-9-]*)", re.IGNORECASE)


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in one line."""


class Stop:
    """Asks an `index_search` running in another thread to stop: it reads no more pages
    of the site, and its Pagefind process is killed (`serve`, when a rebuild starts)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asked = False
        self._process: subprocess.Popen | None = None

    def __bool__(self) -> bool:
        return self._asked

    def set(self) -> None:
        with self._lock:
            self._asked = True
            if self._process is not None:
                self._process.kill()

    def watch(self, process: subprocess.Popen) -> None:
        """Kill `process` when asked to stop (at once if asked already)."""
        with self._lock:
            self._process = process
            if self._asked:
                process.kill()


def _binary() -> str:
    """The Pagefind executable inside the `pagefind_bin` wheel."""
    try:
        import pagefind_bin
        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise IndexFailed(f"error: the search index cannot be built: Pagefind is not installed "
                          f"({exc}): install the requirements (pip install -r "
                          "requirements.txt)") from None


def html_files(site_dir: Path) -> Iterator[str]:
    """The HTML files of the site that may be indexed, relative to it and sorted: every folder
    but the embeddable pages (whole documents of their own, never results) and the bundle; a
    folder with an `embed/` of its own (a language's mirror, `es/`) is walked the same way."""
    for root, dirs, names in os.walk(site_dir):
        here = Path(root)
        if here == site_dir or (here.parent == site_dir and (here / EMBED).is_dir()):
            dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS]
        dirs.sort()
        prefix = here.relative_to(site_dir).as_posix()
        yield from sorted(name if prefix == "." else f"{prefix}/{name}"
                          for name in names if name.endswith(".html"))


def indexed_pages(site_dir: Path, stop: Stop | None = None) -> dict[str, list[tuple[str, bytes]]]:
    """The pages Pagefind indexes (those with a `data-pagefind-body` element), by the
    language of their `<html lang>`, as paths relative to the site with the digest of what
    Pagefind is sent of each (`essence`): the other pages are never sent, so Pagefind neither
    parses them nor keeps their text while it builds the index."""
    found: dict[str, list[tuple[str, bytes]]] = {}
    for path in html_files(site_dir):
        data = _read(site_dir, path, stop)
        at = data.find(_BODY)
        if at >= 0:
            digest = hashlib.blake2b(essence(data).encode("utf-8"), digest_size=16).digest()
            found.setdefault(_language(data[:at]), []).append((path, digest))
    return dict(sorted(found.items()))


def _language(head: bytes) -> str:
    """The language of `<html lang>` in the start of a page, as Pagefind reads it ("unknown"
    when there is none, which Pagefind merges with the main language)."""
    match = _LANG.search(head)
    return match.group(1).decode("ascii").lower() if match else "unknown"


def essence(data: bytes) -> str:
    """What Pagefind needs of a page: its `<html lang>` and its `data-pagefind-body` element
    (everything from the first such element to the end of the last, when there are several).
    Pagefind indexes only that element's text, title and metadata; the head, header and
    footer around it are left unparsed."""
    at = data.find(_BODY)
    start = data.rfind(b"<", 0, at)
    tag = data[start + 1:at].split(maxsplit=1)[0]
    closing = b"</" + tag + b">"
    end = data.rfind(closing)
    end = end + len(closing) if end > at else len(data)
    match = _LANG.search(data[:start])
    lang = f' lang="{match.group(1).decode("ascii")}"' if match else ""
    return (f"<!doctype html><html{lang}><body>{data[start:end].decode('utf-8', 'replace')}"
            "</body></html>")


def index_search(site_dir: Path, bundle: Path | None = None, stop: Stop | None = None,
                 cache: Path | None = None, size: int | None = None) -> ShardCache:
    """Write the search index of the site built in `site_dir` into its `pagefind/` (or into
    `bundle`): each language's pages in shards (`searchshards`), each indexed by a Pagefind
    run of its own, one after the other (each holds only its own pages in memory), merged
    into one bundle a language (`searchmerge`), with `shards.json` listing each language's
    folder. With `cache` (the project's cache folder), a shard sent exactly what the last
    build sent is read from there instead, and the merge of the same shards linked from
    there. IndexFailed if Pagefind cannot, or if `stop` was set (no page is read after
    that). What was kept and indexed (`reused`, `indexed`: shards)."""
    bundle = site_dir / SEARCH_BUNDLE if bundle is None else bundle
    shutil.rmtree(bundle, ignore_errors=True)
    kept = ShardCache(cache)
    listing: dict[str, list[str]] = {}
    for language, pages in indexed_pages(site_dir, stop).items():
        shards = split(language, pages, _settings(), size)
        bundles = []
        for shard in shards:
            files = kept.files(shard)
            if files is None:
                files = kept.keep(shard, _index_shard(site_dir, shard.pages, stop))
            bundles.append(files)
        try:
            kept.merged(language, shards, bundles, bundle / language)
        except MergeFailed as exc:
            raise IndexFailed(f"error: the search index could not be built: {exc}") from None
        listing[language] = [f"{language}/"]
    if not listing:
        raise IndexFailed("error: the search index could not be built: Pagefind wrote no "
                          "index (no page has a data-pagefind-body element)")
    (bundle / LISTING).write_text(json.dumps(listing, separators=(",", ":")), encoding="utf-8")
    kept.save()
    return kept


def _settings() -> bytes:
    """What a shard's bundle depends on besides its pages: Pagefind's version, what it
    leaves out and the files dropped."""
    try:
        version = importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    return json.dumps([version, EXCLUDED, _UNUSED]).encode("utf-8")


def _bundle_files(files: list[dict]) -> dict[str, bytes]:
    """The files of Pagefind's bundle that its service handed back (GetFiles), by their path
    in the bundle, those the site does not use left out."""
    found = {}
    for file in files:
        relative = PurePosixPath(file["path"])
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise IndexFailed(f"error: the search index could not be built: Pagefind named a "
                              f"file outside its bundle ({file['path']!r})")
        if relative.parts[0] == "playground" or relative.as_posix() in _UNUSED:
            continue
        found[relative.as_posix()] = base64.b64decode(file["content"])
    return found


def _read(site_dir: Path, path: str, stop: Stop | None) -> bytes:
    """A page of the site, unless the indexing was asked to stop."""
    if stop:
        raise IndexFailed("error: the search index was not built: stopped")
    return (site_dir / path).read_bytes()


def _index_shard(site_dir: Path, pages: tuple[str, ...], stop: Stop | None = None
                 ) -> dict[str, bytes]:
    """Index `pages` (of one language) with one Pagefind service; the files of its bundle."""
    try:
        with PagefindService(site_dir, _binary()) as service:
            if stop is not None:
                stop.watch(service.process)
            index = service.ask({"type": "NewIndex",
                                 "config": {"exclude_selectors": list(EXCLUDED)}})["index_id"]
            service.stream({"type": "AddFile", "index_id": index, "file_path": page,
                            "file_contents": essence(_read(site_dir, page, stop))}
                           for page in pages)
            files = service.ask({"type": "GetFiles", "index_id": index})["files"]
    except ServiceFailed as exc:
        raise IndexFailed(f"error: the search index could not be built: Pagefind {exc}") from None
    found = _bundle_files(files)
    if "pagefind-entry.json" not in found:
        raise IndexFailed("error: the search index could not be built: Pagefind wrote no "
                          "pagefind-entry.json")
    return found

"""Reuse the generated pages that did not change since the last build.

Each page written by the `PageWriter`, and each embeddable page, is kept in the cache folder (`.build-cache/` of the
project, git-ignored) with what it read while it was rendered (`render/reads.py`: each
read with the digest of the value it saw), the digest of what the theme's template got
besides the page (its languages, its embeddable version) and what the link check needs of
it. The next build takes the kept page, by hard link, when

- the build's *fingerprint* is the same: the code of `desclasificado/`, the theme, the
  catalogues, mkdocs.yml, the versions of the engine and the libraries that render, the
  site's address (the nav, the build day and the language are in the page's `around`);
- and every read of the page has the same digest now.

Otherwise the page is rendered and kept anew. Nothing is trusted that was not read: a page
whose event, document, neighbours or list changed reads something that changed. The
manifest is written only when the build succeeded; pages no manifest names are deleted
then. `tests/publish/test_pagecache.py` edits a built project in each way a contributor
can and compares the incremental build with a clean one, byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desclasificado.publish.cachesigning import signed, store, tracked, write_signed
from desclasificado.publish.sitefiles import beside
from desclasificado.render.embed import Embedded, embed_files
from desclasificado.render.markup import Rendered
from desclasificado.render.reads import Read, Reads, content_digest, digest, fingerprint
from desclasificado.render.titlecase import Learned

CACHE_DIR = ".build-cache"
MANIFEST = "pages.pickle"
MARKDOWN = "markdown.json"  # the summaries' and bodies' HTML, by their text's digest
CASINGS = "casing.json"  # what each text taught the title casing, by the text's digest
FORMAT = 3  # the manifest's layout; a build with another one starts afresh
PACKAGE = Path(__file__).resolve().parents[1]
#: The tables every language reads alike (the others, the rendered summaries, are each
#: language's own).
SHARED = ("collection.", "index.", "casing.")
#: The libraries whose version changes what a page is.
LIBRARIES = ("mkdocs", "jinja2", "markdown", "nh3", "babel", "pydantic", "pyyaml")


@dataclass(frozen=True)
class Kept:
    """A page as the cache keeps it."""

    reads: tuple[tuple[Read, bytes], ...]  # each read, with the digest of what it saw
    around: bytes  # the digest of what the template got besides the page
    html: str  # the blake2b of the page's HTML: its file in the cache
    links: tuple[Any, ...]  # (source, links, anchors), for the link check
    # an embeddable page's files (its path among the language's, the blake2b of its
    # content: its file in the cache) and its address
    files: tuple[tuple[str, str], ...] = ()
    url: str = ""
    # whether its pairs, links and anchors are those every page of the manifest shares
    # (`PageCache.save`): a page rendered since the last compaction has its own
    shared: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class KeptRows:
    """The rows of one data file in one language (`render.data`: an event's line of
    `events.json`, a document's BibTeX entry), as the cache keeps them."""

    around: bytes  # the digest of the site's name, address, day and language
    text: str  # the blake2b of the rows one after the other: their file in the cache
    # each row's key -> what it read (each read with its digest), where it starts and ends
    rows: dict[Any, tuple[tuple[tuple[Read, bytes], ...], int, int]]


@dataclass
class PageCache:
    """The cache of one build: what the last build kept, what this one keeps."""

    folder: Path
    fingerprint: bytes
    kept: dict[str, Kept] = field(default_factory=dict)  # by address, from the last build
    fresh: dict[str, Kept] = field(default_factory=dict)  # kept by this build
    reused: int = 0
    rendered: int = 0
    markdown: Rendered = field(default_factory=Rendered)  # the Markdown of the summaries
    casings: Learned = field(default_factory=Learned)  # what the texts taught the casing
    # the data files' rows, by (language's prefix, file): the last build's, this one's
    kept_rows: dict[tuple[str, str], KeptRows] = field(default_factory=dict)
    fresh_rows: dict[tuple[str, str], KeptRows] = field(default_factory=dict)
    rows_reused: int = 0
    # each read with the digest of what it sees in this build, once, and one object shared
    # by every page that made it: thousands of pages read the same records, and a pickle
    # writes a shared object once
    _pairs: dict[Any, tuple[Read, bytes]] = field(default_factory=dict)
    # whether a kept pair still holds, by language and the pair's identity (the kept pages
    # keep it alive)
    _valid: dict[str, dict[int, bool]] = field(default_factory=dict)
    # one object for each link and set of anchors that pages share (`_compact`)
    _shared: dict[Any, Any] = field(default_factory=dict)
    _infos: dict[Any, bytes] = field(default_factory=dict)  # `info_digest`, by site
    _folders: set[str] = field(default_factory=set)  # the folders `_put` made or found
    _pages: str = ""  # the folder of the kept files, with a separator at the end

    @classmethod
    def open(cls, folder: Path, fingerprint: bytes) -> PageCache:
        """The cache in `folder`: its pages if the last build had this fingerprint, and the
        manifest is signed by this computer's key (a cache that came from elsewhere, in a
        download or a commit, is never unpickled: see `cachesigning.signed`)."""
        cache = cls(folder, fingerprint)
        if tracked(folder):  # git would overwrite its files (ignored files are expendable)
            return cache
        cache.markdown.known = _rendered(folder / MARKDOWN, fingerprint)
        cache.casings.known = _rendered(folder / CASINGS, fingerprint, "texts")
        try:
            stored = pickle.loads(signed((folder / MANIFEST).read_bytes()))
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError,
                ImportError):
            return cache
        if stored.get("format") == FORMAT and stored.get("fingerprint") == fingerprint:
            cache.kept, cache.kept_rows = stored["pages"], stored.get("rows", {})
        return cache

    def lookup(self, address: str, ctx: Any, around: bytes) -> Kept | None:
        """The kept page at `address` if it would render the same now (whether its file is
        still there, `place` finds out)."""
        kept = self.kept.get(address)
        if kept is None or kept.around != around or not self._still(ctx, kept.reads):
            return None
        return kept

    def rows(self, ctx: Any, kind: str, keys: Any, make: Callable[[Any], str]) -> list[str]:
        """The row of each key of the data file `kind` (`Context.rows`): the last build's
        where every read it made sees what it saw then, else `make(key)`, its reads
        recorded. One edited event renders its own rows; the others are taken as they were
        from the file that holds them one after the other."""
        name, around = (ctx.info.prefix, kind), self.info_digest(ctx.info)
        kept = self.kept_rows.get(name)
        text = self._row_text(kept) if kept is not None and kept.around == around else None
        made: list[str] = []
        entries: dict[Any, tuple[tuple[tuple[Read, bytes], ...], int, int]] = {}
        at = 0
        for key in keys:
            entry = kept.rows.get(key) if text is not None else None
            if entry is not None and self._still(ctx, entry[0]):
                row, pairs = text[entry[1]:entry[2]], entry[0]
                self.rows_reused += 1
            else:
                row, reads = Reads.of(make, key)
                pairs = tuple(self._seen(ctx, read) for read in reads)
            made.append(row)
            entries[key] = (pairs, at, at + len(row))
            at += len(row)
        self.fresh_rows[name] = KeptRows(
            around, self._store("".join(made).encode("utf-8", "surrogatepass")), entries)
        return made

    def _row_text(self, kept: KeptRows) -> str | None:
        """The rows a data file had in the last build, one after the other (None if their
        file is gone from the cache)."""
        try:
            return Path(self._file(kept.text)).read_bytes().decode("utf-8", "surrogatepass")
        except (OSError, UnicodeDecodeError):
            return None

    def _still(self, ctx: Any, pairs: tuple[tuple[Read, bytes], ...]) -> bool:
        """Whether every read of a kept page or row sees what it saw then."""
        valid = self._valid.setdefault(ctx.info.prefix, {})
        for pair in pairs:  # each pair is one object for many pages: checked once
            ok = valid.get(id(pair))
            if ok is None:
                ok = valid[id(pair)] = self._holds(ctx, pair)
            if not ok:
                return False
        return True

    def _holds(self, ctx: Any, pair: tuple[Read, bytes]) -> bool:
        """Whether a kept pair's read sees what it saw; if so, the kept pair is the one this
        build's pages take (`_seen`), so that pages kept anew share it with those reused."""
        scope = self._scope(ctx, pair[0])
        now = self._pairs.get(scope)
        if now is None:
            now = (pair[0], digest(ctx, pair[0]))
        same = now[1] == pair[1]
        self._pairs.setdefault(scope, pair if same else now)
        return same

    def place(self, address: str, kept: Kept, target: str | Path) -> bool:
        """Put the kept page of `address` at `target` (a hard link, else a copy); False if
        its file is gone from the cache (the page is then rendered)."""
        if not _put(self._file(kept.html), target, self._folders):
            return False
        self.fresh[address] = kept
        self.reused += 1
        return True

    def keep(self, address: str, ctx: Any, reads: frozenset[Read], around: bytes,
             html: bytes, links: tuple[Any, ...]) -> None:
        """Keep a page just rendered, with what it read."""
        self.fresh[address] = Kept(tuple(self._seen(ctx, read) for read in reads), around,
                                   self._store(html), self._compact(links))
        self.rendered += 1

    def embed(self, ctx: Any, site_dir: Path, job: Callable[[], Any]) -> Embedded:
        """The embeddable page `job` renders (`render.embed.embed_jobs`), its files put in
        `site_dir` (hard links to the cache's, like the pages), kept under the address of
        what the job was given."""
        address = f"{ctx.info.prefix}embed:{content_digest(given(job, ctx)).hex()}"
        around, folder = self.info_digest(ctx.info), site_dir / ctx.info.prefix
        kept = self.lookup(address, ctx, around)
        if kept is not None and kept.files and self._place_files(kept.files, folder):
            self.fresh[address] = kept
            self.reused += 1
            return Embedded(kept.url, *kept.links, tuple(path for path, _ in kept.files))
        page, reads = Reads.of(job)
        files = tuple((path, self._store(text.encode("utf-8")))
                      for path, text in embed_files(ctx, {page.url: page}).items())
        self._place_files(files, folder)
        links = self._compact((page.source, tuple(page.links), frozenset(page.anchors)))
        self.fresh[address] = Kept(tuple(self._seen(ctx, read) for read in reads), around,
                                   files[0][1], links, files, page.url)
        self.rendered += 1
        return Embedded(page.url, *links, tuple(path for path, _ in files))

    def info_digest(self, info: Any) -> bytes:
        """The digest of a site's name, address, day and language (once per language)."""
        found = self._infos.get(info)
        if found is None:
            found = self._infos[info] = content_digest(info)
        return found

    def _store(self, data: bytes) -> str:
        """Keep a file's content in the cache; its name (the blake2b of the content)."""
        return store(self.folder / "pages", data)

    def _place_files(self, files: tuple[tuple[str, str], ...], folder: Path) -> bool:
        """Put kept files at their paths under `folder`; False if one is gone from the
        cache."""
        under = os.fspath(folder)
        for path, name in files:
            if not _put(self._file(name), os.path.join(under, path), self._folders):
                return False
        return True

    def report(self) -> tuple[Any, ...]:
        """What a worker kept, for the build's cache (`merge`): the pages it rendered, and
        only the addresses of those it reused (the parent holds the same kept pages: sent
        back whole, they would come as copies, neither cheap nor shared); its data files'
        rows."""
        rendered = {address: kept for address, kept in self.fresh.items()
                    if self.kept.get(address) is not kept}
        reused = [address for address in self.fresh if address not in rendered]
        return (rendered, reused, self.reused, self.rendered, self.fresh_rows,
                self.rows_reused)

    def merge(self, report: tuple[Any, ...]) -> None:
        fresh, reused_pages, reused, rendered, rows, rows_reused = report
        self.fresh.update((address, self.kept[address]) for address in reused_pages)
        self.fresh.update(fresh)
        self.fresh_rows.update(rows)
        self.reused, self.rendered = self.reused + reused, self.rendered + rendered
        self.rows_reused += rows_reused

    def start_worker(self) -> None:
        """In a forked worker: count only what it does itself."""
        self.fresh, self.reused, self.rendered = {}, 0, 0
        self.fresh_rows, self.rows_reused = {}, 0

    def save(self) -> None:
        """Write the manifest of this build's pages and delete the files none names. The
        pages reused hold the pairs, links and anchors of the manifest they came from,
        shared; those rendered since, their own (one object each per process), until they
        are more than a tenth of the pages: then every page is made to share them again
        (`_shared_out`, which costs what pickling the manifest does)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        loose = sum(not kept.shared for kept in self.fresh.values())
        pages, rows = (self._shared_out() if loose * 10 > len(self.fresh)
                       else (self.fresh, self.fresh_rows))
        write_signed(self.folder / MANIFEST, pickle.dumps(
            {"format": FORMAT, "fingerprint": self.fingerprint, "pages": pages, "rows": rows},
            protocol=pickle.HIGHEST_PROTOCOL))
        for name, key, used in ((MARKDOWN, "html", self.markdown.used),
                                (CASINGS, "texts", self.casings.used)):  # read by `_rendered`
            write_signed(self.folder / name, json.dumps(
                {"format": FORMAT, "fingerprint": self.fingerprint.hex(), key: used},
                ensure_ascii=False).encode("utf-8", "surrogatepass"))
        named = {kept.html for kept in self.fresh.values()}
        named.update(name for kept in self.fresh.values() for _, name in kept.files)
        named.update(kept.text for kept in self.fresh_rows.values())
        for stored in _stored_files(self.folder / "pages"):
            if stored.name not in named:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(stored.path)

    def _seen(self, ctx: Any, read: Read) -> tuple[Read, bytes]:
        """The read with the digest of what it sees now, one object for every page."""
        scope = self._scope(ctx, read)
        found = self._pairs.get(scope)
        if found is None:
            found = self._pairs[scope] = (read, digest(ctx, read))
        return found

    def _shared_out(self) -> tuple[dict[str, Kept], dict[tuple[str, str], KeptRows]]:
        """This build's pages and rows with each pair, link and set of anchors that several
        share one object, whichever process kept them and whichever build first did: a
        pickle writes a shared object once, and the next build holds it once."""
        self._shared = {}
        one = self._shared.setdefault
        pages = {address: replace(kept, reads=tuple(one(pair, pair) for pair in kept.reads),
                                  links=self._compact(kept.links), shared=True)
                 for address, kept in self.fresh.items()}
        rows = {name: replace(kept, rows={key: (tuple(one(pair, pair) for pair in pairs), *at)
                                          for key, (pairs, *at) in kept.rows.items()})
                for name, kept in self.fresh_rows.items()}
        return pages, rows

    def _compact(self, links: tuple[Any, ...]) -> tuple[Any, ...]:
        """What the link check needs of a page, (source, links, anchors), each link once,
        and each link and set of anchors one object for every page that has it (a page of
        events links to the same years, actors and documents as thousands of others)."""
        if not links:
            return links
        source, found, anchors = links
        shared = self._shared.setdefault
        return (source, tuple(shared(link, link) for link in dict.fromkeys(found)),
                shared(anchors, anchors))

    def _scope(self, ctx: Any, read: Read) -> Any:
        """A read of a table every language reads alike, or of this language's own."""
        return read if read[0].startswith(SHARED) else (ctx.info.prefix, read)

    def _file(self, name: str) -> str:
        """Where the cache keeps the file `name`: `stored_file`'s place, as a string (made
        for each of the 50,000 pages and embeddable files at 10,000 events, where making a
        `Path` cost about what the link did)."""
        if not self._pages:
            self._pages = os.path.join(self.folder, "pages", "")
        return f"{self._pages}{name[:2]}{os.sep}{name}"


def _put(stored: str | Path, target: str | Path, folders: set[str]) -> bool:
    """A kept file at `target` (a hard link, else a copy), replacing what is there (never
    written through: a file there may be a link to another kept page); False if it is gone
    from the cache. `folders`: those made (or found) already. In a fresh site (a build) a
    file costs two system calls, its folder's `mkdir` and the link; only what stops the
    link is looked at."""
    stored, target = os.fspath(stored), os.fspath(target)
    parent = os.path.dirname(target)
    if parent not in folders:
        _folder(parent)
        folders.add(parent)
    for _attempt in range(2):
        try:
            os.link(stored, target)
            return True
        except FileExistsError:
            with contextlib.suppress(OSError):
                if os.path.samefile(stored, target):  # `serve` rebuilds in place: it is there
                    return True
            os.unlink(target)
        except FileNotFoundError:  # gone from the cache (or its folder, meanwhile)
            if not os.path.lexists(stored):
                return False
            os.makedirs(parent, exist_ok=True)
        except OSError:  # no hard links here (another device, a file system without them)
            return _copy(Path(stored), Path(target))
    return _copy(Path(stored), Path(target))


def _folder(path: str) -> None:
    """A folder at `path`, made if it is not there (its parents too): one `mkdir` where
    `os.makedirs` first looks at the parent."""
    try:
        os.mkdir(path)
    except FileExistsError:
        if not os.path.isdir(path):
            raise
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)


def _copy(stored: Path, target: Path) -> bool:
    """A copy of a kept file at `target` (never written through a link there)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        shutil.copyfile(stored, target)
    except FileNotFoundError:
        return False
    return True


def _link(stored: Path, target: Path) -> None:
    """A hard link at `target` to `stored`, replacing what is there in one rename (never
    written through: a file there may be a link to another kept page; and `serve` serves
    the old file or the new one meanwhile, never none)."""
    try:
        os.link(stored, target)
    except FileExistsError:
        partial = beside(target)
        os.link(stored, partial)
        os.replace(partial, target)


def _stored_files(folder: Path) -> list[os.DirEntry[str]]:
    """The files kept in the cache's `pages/` folder (`os.scandir`: no `stat` for each)."""
    found = []
    with contextlib.suppress(FileNotFoundError), os.scandir(folder) as groups:
        for group in groups:
            if group.is_dir(follow_symlinks=False):
                with os.scandir(group.path) as files:
                    found.extend(files)
    return found


def _rendered(path: Path, fingerprint: bytes, key: str = "html") -> dict[str, Any]:
    """The Markdown the last build rendered (text digest -> sanitized HTML), or what each
    text taught the casing (`key` "texts"), if it had this fingerprint and this computer
    signed the file: its HTML goes into pages as it is, so a file put there by anyone else
    (a download, a commit) is not read."""
    try:
        stored = json.loads(signed(path.read_bytes()).decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("format") != FORMAT \
            or stored.get("fingerprint") != fingerprint.hex():
        return {}
    found = stored.get(key)
    return found if isinstance(found, dict) else {}


def given(maker: Any, ctx: Any) -> tuple[Any, ...]:
    """What a page's maker (a `functools.partial` over a renderer) was given when the site
    was planned, besides the context: the renderer, a list page's events."""
    return (getattr(maker, "func", maker).__qualname__,
            [arg for arg in getattr(maker, "args", ()) if arg is not ctx],
            getattr(maker, "keywords", {}))


def nav_digest(nav: Any) -> bytes:
    """A digest of the nav's titles and addresses, which the theme shows on every page."""
    return fingerprint(_nav(nav))


def build_fingerprint(config: Any) -> bytes:
    """What every generated page depends on besides its reads (see the module's doc)."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in (PACKAGE, *config.theme.dirs):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts):
            hasher.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    hasher.update(Path(config.config_file_path).read_bytes())
    versions = [sys.version] + [_version(name) for name in LIBRARIES]
    hasher.update(fingerprint((versions, config.site_url or "")))
    return hasher.digest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _nav(nav: Any) -> list[Any]:
    """The nav's titles and addresses, as the theme shows them on every page."""
    def item(entry: Any) -> tuple[Any, ...]:
        children = getattr(entry, "children", None) or []
        return (str(entry.title), getattr(entry, "url", None), [item(c) for c in children])
    return [item(entry) for entry in (nav.items if nav is not None else [])]


def put(stored: Path, target: Path) -> bool:
    """A kept file at `target`, as `_put` places pages (for the search shards' files)."""
    return _put(stored, target, set())


__all__ = ["CACHE_DIR", "Kept", "KeptRows", "PageCache", "build_fingerprint", "given",
           "nav_digest", "put"]

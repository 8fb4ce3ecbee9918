"""The search index in shards: each language's indexed pages split into groups of about
`SHARD_PAGES`, each indexed by a Pagefind run of its own into a bundle of its own, and each
bundle kept between builds.

Why. Pagefind holds every page of a run in memory until it writes the bundle (100-150 KB a
page), and there is no incremental Pagefind: one run per language was the build's peak
memory and, after a one-event edit, its largest cost. Shards are indexed one after the
other, so the peak is one shard's run; and a shard whose pages would be sent to Pagefind
exactly as last time is not indexed again: its bundle is linked from the cache.

Which shard. A page's shard is a stable hash of its path in the site, modulo the number of
shards of its language, `shard_count(pages)` (one per `SHARD_PAGES`, at most `MOST_SHARDS`).
So an edit re-indexes only the shards of the pages whose indexed text changed, and adding or
removing a page only its own shard (until the count changes: a language crossing
`SHARD_PAGES` is re-indexed once).
And each shard is a random sample of the language's pages: the word statistics Pagefind
scores with (how rare a word is) are about those of the whole language in every shard, so
results from different shards, sorted by score in the browser, come in about the order one
index gives. (Shards by kind or by period would score an actor's page against actors only,
and grow unevenly.)

The browser merges them: the search page reads `shards.json` (each language's folders), loads
Pagefind from the first and merges the others (Pagefind's `mergeIndex`). A merged shard costs
a query its entry and metadata files and, for each word of the query, one chunk of its word
index (README, "The search benchmark").

The cache (`.build-cache/search/`). A shard's files are kept under the digest of what its run
was sent (each page's path and the essence of its HTML, in order), Pagefind's version and
settings; the files are stored by the blake2b of their content and hard-linked into the site,
never written through. The manifest naming them is signed like the page cache's: a cache that
came from elsewhere (a download) is not used, since its `pagefind.js` would be served to
readers; and none is read while git tracks a file of the cache folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from desclasificado.publish.cachesigning import signed, store, stored_file, tracked, write_signed
from desclasificado.publish.pagecache import put

#: The pages a shard holds, about: Pagefind's memory for one run is about 150 KB a page
#: (so 300 MB), and each shard adds a chunk per query word to what a search downloads.
SHARD_PAGES = 2000
#: At most this many shards a language, however many pages: each merged shard adds its entry
#: file and a chunk per query word (about 10 KB) to what a search downloads, and a query at
#: 10,000 events (about 10,400 indexed pages a language) must stay under 300 KB. With 6
#: shards of 2,000 it would not (about 330 KB, estimated from 3,000 events); with 2 it is
#: estimated to, and each run holds half a language instead of all of it.
MOST_SHARDS = 2
FOLDER = "search"  # under the cache folder
MANIFEST = "shards.json"
LISTING = "shards.json"  # in the bundle: each language's shard folders, for the search page
FORMAT = 1


@dataclass(frozen=True)
class Shard:
    """The pages of one Pagefind run, sorted by path, and the digest of what it is sent."""

    language: str
    number: int
    pages: tuple[str, ...]
    key: str

    @property
    def folder(self) -> str:
        """Its bundle's folder in the site's bundle."""
        return f"{self.language}/{self.number}/"


def shard_count(pages: int, size: int | None = None) -> int:
    """How many shards a language of `pages` indexed pages is split into: one per
    `SHARD_PAGES`, at most `MOST_SHARDS` (a test's own `size` has no such bound)."""
    if size:
        return max(1, -(-pages // size))
    return max(1, min(MOST_SHARDS, -(-pages // SHARD_PAGES)))


def shard_of(path: str, count: int) -> int:
    """The shard of the page at `path` among `count`: a hash of the path, the same in every
    build and process."""
    digest = hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def split(language: str, pages: list[tuple[str, bytes]], settings: bytes,
          size: int | None = None) -> list[Shard]:
    """The shards of a language's indexed pages, given as (path, digest of what Pagefind is
    sent of it), sorted by path; empty shards left out. `settings`: what else the bundle
    depends on (Pagefind's version, what it leaves out)."""
    count = shard_count(len(pages), size)
    members: list[list[tuple[str, bytes]]] = [[] for _ in range(count)]
    for path, digest in pages:
        members[shard_of(path, count)].append((path, digest))
    shards = []
    for number, found in enumerate(members):
        if not found:
            continue
        hasher = hashlib.blake2b(digest_size=20)
        hasher.update(settings + b"\0" + language.encode("utf-8") + b"\0")
        for path, digest in found:
            hasher.update(path.encode("utf-8") + b"\0" + digest)
        shards.append(Shard(language, number, tuple(p for p, _ in found), hasher.hexdigest()))
    return shards


class ShardCache:
    """The shards' bundles the last build kept, and those this one keeps (`root`: the
    project's cache folder; None: nothing kept, the files written into the site)."""

    def __init__(self, root: Path | None):
        self.folder = root / FOLDER if root is not None else None
        self.kept: dict[str, dict[str, str]] = {}  # shard digest -> {path: stored name}
        self.used: dict[str, dict[str, str]] = {}
        self.reused = self.indexed = 0
        if root is not None and not tracked(root):
            self.kept = _manifest(root / FOLDER / MANIFEST)

    def place(self, shard: Shard, bundle: Path) -> bool:
        """Link the kept bundle of `shard` into its folder of `bundle`; False if there is
        none (or a file of it is gone: the shard is then indexed)."""
        files = self.kept.get(shard.key)
        if files is None or self.folder is None:
            return False
        target = bundle / shard.folder
        if not all(put(self._file(name), target / path) for path, name in files.items()):
            shutil.rmtree(target, ignore_errors=True)
            return False
        self.used[shard.key] = files
        self.reused += 1
        return True

    def keep(self, shard: Shard, files: dict[str, bytes], bundle: Path) -> None:
        """Put a shard's fresh bundle into its folder of `bundle`: stored in the cache and
        linked, or written there when there is no cache."""
        target = bundle / shard.folder
        self.indexed += 1
        if self.folder is None:
            write_bundle(target, files)
            return
        names = {path: self._store(data) for path, data in files.items()}
        for path, name in names.items():
            put(self._file(name), target / path)
        self.used[shard.key] = names

    def save(self) -> None:
        """Write the manifest of this build's shards and delete the files it does not name."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        write_signed(self.folder / MANIFEST, json.dumps(
            {"format": FORMAT, "shards": self.used}, sort_keys=True).encode("utf-8"))
        named = {name for files in self.used.values() for name in files.values()}
        for stored in (self.folder / "files").glob("*/*"):
            if stored.name not in named:
                stored.unlink(missing_ok=True)

    def _store(self, data: bytes) -> str:
        assert self.folder is not None
        return store(self.folder / "files", data)

    def _file(self, name: str) -> Path:
        assert self.folder is not None
        return stored_file(self.folder / "files", name)


def write_bundle(target: Path, files: dict[str, bytes]) -> None:
    """Write a shard's bundle (its files by their path in it) into `target`, each whole:
    the files Pagefind's service hands back (GetFiles), not those it writes itself (in
    background threads that a closed input could end halfway)."""
    for path, data in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(data)


def _manifest(path: Path) -> dict[str, dict[str, str]]:
    """The shards the last build kept, if this computer signed their manifest."""
    with contextlib.suppress(OSError, ValueError):
        stored = json.loads(signed(path.read_bytes()))
        if isinstance(stored, dict) and stored.get("format") == FORMAT:
            return stored.get("shards") or {}
    return {}


__all__ = ["LISTING", "MOST_SHARDS", "SHARD_PAGES", "Shard", "ShardCache", "shard_count", "shard_of",
           "split", "write_bundle"]

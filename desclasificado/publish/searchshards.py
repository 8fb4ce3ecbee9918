"""The search index in shards: each language's indexed pages split into groups of at most
about `SHARD_PAGES`, each indexed by a Pagefind run of its own into a bundle of its own, the
bundles merged into one a language (`searchmerge`), and each kept between builds.

Why. Pagefind holds every page of a run in memory until it writes the bundle (about 130 KB a
page at its peak), and there is no incremental Pagefind: one run per language was the build's
peak memory (1.3 GB at 10,000 events) and, after a one-event edit, its largest cost. Shards
are indexed one after the other, so the peak is one shard's run (about 190 MB); and a shard
whose pages would be sent to Pagefind exactly as last time is not indexed again: its bundle
is read from the cache.

Which shard. A page's shard is a stable hash of its path in the site, modulo the number of
shards of its language, `shard_count(pages)` (one per `SHARD_PAGES`). So an edit re-indexes
only the shards of the pages whose indexed text changed, and adding or removing a page only
its own shard (until the count changes: a language crossing a multiple of `SHARD_PAGES` is
re-indexed once).

Merged. The merge writes what one run over the language's pages, shard after shard, writes
(`searchmerge`): readers download one index, and its word statistics are the language's.
Before, the search page merged the shards in the browser (Pagefind's `mergeIndex`), each
costing a query its entry and metadata files and a chunk per word of the query, and the
scores of each shard's own statistics.

The cache (`.build-cache/search/`). A shard's files are kept under the digest of what its run
was sent (each page's path and the essence of its HTML, in order), Pagefind's version and
settings, and a merged bundle under the digest of its shards'; the files are stored by the
blake2b of their content and hard-linked into the site, never written through. The manifest
naming them is signed like the page cache's: a cache that came from elsewhere (a download) is
not used, since its `pagefind.js` would be served to readers; and none is read while git
tracks a file of the cache folder.
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
from desclasificado.publish.searchmerge import Source, merge, read

#: The pages a shard holds, at most about: Pagefind's peak for a run of 1,500 realistic
#: pages is about 190 MB (1.3 GB for the 10,400 of a language at 10,000 events). The shards
#: are merged into one bundle (`searchmerge`), so their number costs a query nothing.
SHARD_PAGES = 1500
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


def shard_count(pages: int, size: int | None = None) -> int:
    """How many shards a language of `pages` indexed pages is split into: one per
    `SHARD_PAGES` (or a test's `size`)."""
    return max(1, -(-pages // (size or SHARD_PAGES)))


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

    def files(self, shard: Shard) -> dict[str, Source] | None:
        """The kept bundle of `shard` (its files by path, in the cache); None if there is
        none, or a file of it is gone (the shard is then indexed)."""
        names = self.kept.get(shard.key)
        if names is None or self.folder is None:
            return None
        found = {path: self._file(name) for path, name in names.items()}
        if not all(file.is_file() for file in found.values()):
            return None
        self.used[shard.key] = names
        self.reused += 1
        return dict(found)

    def keep(self, shard: Shard, files: dict[str, bytes]) -> dict[str, Source]:
        """Keep a shard's fresh bundle (stored in the cache, when there is one)."""
        self.indexed += 1
        if self.folder is not None:
            self.used[shard.key] = {path: self._store(data) for path, data in files.items()}
        return dict(files)

    def merged(self, language: str, shards: list[Shard], bundles: list[dict[str, Source]],
               target: Path) -> None:
        """The bundle of a language's shards merged (`searchmerge`) into `target`: linked
        from the cache if it kept the merge of these very shards, else merged and kept."""
        hasher = hashlib.blake2b(f"merged {FORMAT} {language}".encode(), digest_size=20)
        for shard in shards:
            hasher.update(shard.key.encode("ascii"))
        key = hasher.hexdigest()
        names = self.kept.get(key)
        if names is not None and self.folder is not None and all(
                put(self._file(name), target / path) for path, name in names.items()):
            self.used[key] = names
            return
        shutil.rmtree(target, ignore_errors=True)
        files: dict[str, Source] = {}
        merge(language, bundles, files.__setitem__)
        if self.folder is None:
            write_bundle(target, {path: read(source) for path, source in files.items()})
            return
        names = {path: source.name if isinstance(source, Path) else self._store(source)
                 for path, source in files.items()}
        for path, name in names.items():
            put(self._file(name), target / path)
        self.used[key] = names

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


__all__ = ["LISTING", "SHARD_PAGES", "Shard", "ShardCache", "shard_count", "shard_of",
           "split", "write_bundle"]

"""The shards of a language merged into one bundle: what one Pagefind run over all its pages
would write, from the bundles of runs over a part of them each.

Why. Pagefind holds every page of a run in memory, several times over while it builds the
index (1.3 GB for the 10,400 pages a language has at 10,000 events), so a language is indexed
in shards of at most `searchshards.SHARD_PAGES` pages, one run after the other. Merged in the
browser, each shard would cost a query its own index chunk per word; merged here, a query
downloads what one index costs (README, "The search benchmark").

How. A bundle's files are Pagefind's own (version 1.5.2, checked): `pagefind.<hash>.pf_meta`,
its pages and the ranges of words of its index chunks; `index/*.pf_index`, the chunks, each
word with the pages it is on and its locations there; `fragment/*.pf_fragment`, one page's
text. All are gzipped after a `pagefind_dcd` signature; the first two are CBOR, the
fragments JSON. The pages of shard k follow those of shards 0 to k-1 (their numbers shifted);
the words of every shard, each sorted, are merged in order, a word's pages put together, and
cut into chunks the way Pagefind cuts them (at `CHUNK_SIZE` locations); each file is named by
Pagefind's rule (a prefix of the SHA-1 of its content, longer if another file has it). The
fragments are the shards' files as they are, and a word's pages in a shard are copied as
Pagefind wrote them but for the number of the first (each is the difference from the one
before): only the page numbers are read, with regular expressions over the CBOR. So the
merged bundle holds, byte for byte once decompressed, what Pagefind writes when sent the same
pages in the same order (a test compares them, and the languages of 10,000 events matched).
The shards are read one chunk at a time: the merge holds little (5 to 7 s of CPU a language
at 10,000 events).
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
#: The version of Pagefind whose files this module reads and writes.
VERSION = "1.5.2"
#: Pagefind's chunk size: a chunk is cut once its words' locations (plus one a page) reach it.
CHUNK_SIZE = 20000

#: A file of a bundle: its bytes, or the path of a file holding them (a cached shard's).
Source = bytes | Path


class MergeFailed(Exception):
    """The shards cannot be merged (not Pagefind's format this module reads)."""


def read(source: Source) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


# CBOR: the subset Pagefind writes (integers, text, arrays), encoded as minicbor does.

def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise MergeFailed(f"integer too large for CBOR: {value}")


def encode(value: object) -> bytes:
    """CBOR of integers, strings and lists of them, each in its shortest form."""
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _encode(value: object, out: bytearray) -> None:
    if isinstance(value, int):
        out += _head(0, value) if value >= 0 else _head(1, -1 - value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        out += _head(3, len(data)) + data
    elif isinstance(value, list):
        out += _head(4, len(value))
        for item in value:
            _encode(item, out)
    else:
        raise MergeFailed(f"cannot encode {type(value).__name__} as CBOR")


def decode(data: bytes) -> object:
    """The one CBOR item of `data` (MergeFailed if there is more, or another type)."""
    value, at = _decode(data, 0)
    if at != len(data):
        raise MergeFailed("CBOR: bytes after the item")
    return value


def _decode(data: bytes, at: int) -> tuple[object, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info >= 24:
        if info > 27:
            raise MergeFailed(f"CBOR: unsupported item {head:#x}")
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return info, at
    if major == 1:
        return -1 - info, at
    if major == 3:
        return data[at:at + info].decode("utf-8"), at + info
    if major == 4:
        items = []
        for _ in range(info):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise MergeFailed(f"CBOR: unsupported major type {major}")


def unpack(data: bytes) -> bytes:
    """A bundle file's content: gunzipped, without its signature."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise MergeFailed("a file of the bundle lacks Pagefind's signature")
    return raw[len(SIGNATURE):]


def pack(content: bytes) -> bytes:
    """A bundle file for `content`, as Pagefind writes it (gzip of the signature and it)."""
    return gzip.compress(SIGNATURE + content, 9, mtime=0)


def _sha1(data: bytes) -> str:
    """The SHA-1 of `data` in Pagefind's digits: each byte in hexadecimal without its
    leading zero (0x0f is "f")."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


class _Names:
    """Pagefind's names of one kind of file: `<language>_` and the first `length` digits of
    the SHA-1 of its content, one digit more for as long as another file has it."""

    def __init__(self, language: str, length: int = 7):
        self.prefix, self.length = f"{language}_", length
        self.taken: set[str] = set()

    def name(self, digest: str) -> str:
        full = self.prefix + digest
        name = full[:len(self.prefix) + self.length]
        while name in self.taken and len(name) < len(full):
            name = full[:len(name) + 1]
        self.taken.add(name)
        return name


#: CBOR items of Pagefind's word index, as regular expressions over its bytes: an integer, an
#: array's head, and a page a word is on ([number, locations, meta locations]). The first
#: bytes of the two never overlap, so a run of pages is read without reading each number.
_INT = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\s\S]|[\x19\x39][\s\S]{2}|[\x1a\x3a][\s\S]{4})"
_ARRAY = rb"(?:[\x80-\x97]|\x98[\s\S]|\x99[\s\S]{2}|\x9a[\s\S]{4})"
_PAGE = rb"\x83(" + _INT + rb")" + _ARRAY + _INT + rb"*" + _ARRAY + _INT + rb"*"
_PAGES = re.compile(rb"(?:" + _PAGE.replace(b"(", b"(?:", 1) + rb")*")
_NUMBERS = re.compile(_PAGE)
_ITEMS = re.compile(_ARRAY + b"|" + _INT)


class _Run:
    """A word's pages in one shard, as Pagefind wrote them but for the first page's number:
    the first and last page's numbers (absolute, shifted), how many, what they add to a
    chunk, the first page's locations and the other pages' bytes."""

    __slots__ = ("first", "last", "count", "size", "head", "rest")

    def __init__(self, data: bytes, offset: int):
        numbers = [n[0] if len(n) == 1 else int.from_bytes(n[1:], "big")  # page numbers: >= 0
                   for n in _NUMBERS.findall(data)]
        self.count = len(numbers)
        self.first, self.last = numbers[0] + offset, sum(numbers) + offset
        self.size = _ITEMS.subn(b"", data)[1] - 3 * self.count  # locations, plus 1 a page
        second = _NUMBERS.match(data).end()
        self.head = data[1 + len(_head(0, numbers[0])):second]
        self.rest = data[second:]


def _runs_bytes(runs: list[_Run]) -> bytes:
    """A word's pages over its runs: the first page of each run numbered from the last of
    the run before (Pagefind stores each number as the difference from the one before)."""
    out = bytearray(_head(4, sum(run.count for run in runs)))
    last = 0
    for run in runs:
        out += b"\x83" + _head(0, run.first - last) + run.head + run.rest
        last = run.last
    return bytes(out)


class Shard:
    """One shard's bundle, read: its entry, its meta and where its files are."""

    def __init__(self, language: str, files: Mapping[str, Source]):
        self.files = files
        self.entry = json.loads(read(files[ENTRY]))
        if self.entry.get("version") != VERSION:
            raise MergeFailed(f"Pagefind {self.entry.get('version')} wrote a shard; "
                              f"the merge reads {VERSION}'s files")
        name = self.entry["languages"][language]["hash"]
        meta = decode(unpack(read(files[f"pagefind.{name}.pf_meta"])))
        if not isinstance(meta, list) or len(meta) != 6 or meta[3] or meta[4]:
            raise MergeFailed("a shard's metadata is not Pagefind 1.5.2's, or has filters or sorts")
        self.version, self.pages, self.chunks, self.fields = meta[0], meta[1], meta[2], meta[5]

    def words(self, offset: int, fields: list[str]) -> Iterator[list]:
        """Its words in order, each [word, runs of pages, [form, runs] of its accented
        forms], page numbers shifted by `offset`, meta fields numbered as in `fields`."""
        remap = None if self.fields == fields else [fields.index(f) for f in self.fields]
        for chunk in self.chunks:
            data = unpack(read(self.files[f"index/{chunk[2]}.pf_index"]))
            at = _count(data, 0, 4, 1)  # the chunk: [words]
            count, at = _count(data, at, 4)
            for _ in range(count):
                word, at = _decode(data, _count(data, at, 4, 3))  # [word, pages, forms]
                pages, at = self._run(data, at, offset, remap)
                forms, at = _count(data, at, 4)
                variants = []
                for _ in range(forms):
                    form, at = _decode(data, _count(data, at, 4, 2))  # [form, pages]
                    run, at = self._run(data, at, offset, remap)
                    variants.append([form, run])
                yield [word, pages, variants]

    @staticmethod
    def _run(data: bytes, at: int, offset: int, remap: list[int] | None) -> tuple[list[_Run], int]:
        count, start = _count(data, at, 4)
        end = _PAGES.match(data, start).end()
        if not count:  # a word found in accented forms only
            return [], end
        if remap is not None:  # meta fields renumbered: each page read and written again
            pages = decode(_head(4, count) + data[start:end])
            for page in pages:
                page[2] = [-remap[-v - 1] - 1 if v < 0 else v for v in page[2]]
            return [_Run(encode(pages)[len(_head(4, count)):], offset)], end
        return [_Run(data[start:end], offset)], end


def _count(data: bytes, at: int, major: int, length: int | None = None):
    """The length in the head of the array (`major` 4) at `at`, and where its items begin;
    with `length`, where they begin, if the array has that many (MergeFailed if not)."""
    head = data[at]
    info = head & 31
    if head >> 5 != major or info > 26:
        raise MergeFailed("the word index is not Pagefind 1.5.2's")
    if info < 24:
        found, at = info, at + 1
    else:
        size = 1 << (info - 24)
        found, at = int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size
    if length is None:
        return found, at
    if found != length:
        raise MergeFailed("the word index is not Pagefind 1.5.2's")
    return at


def _together(streams: list[Iterator[list]]) -> Iterator[list]:
    """The words of every shard in order, a word's pages (and forms') of each put together."""
    current: list | None = None
    for word in heapq.merge(*streams, key=lambda w: w[0]):  # ties keep the shards' order
        if current is not None and current[0] == word[0]:
            current[1].extend(word[1])
            forms = {form[0]: form for form in current[2]}
            for form, runs in word[2]:
                if form in forms:
                    forms[form][1].extend(runs)
                else:
                    current[2].append([form, runs])
            continue
        if current is not None:
            yield current
        current = word
    if current is not None:
        yield current


def _size(word: list) -> int:
    """What a word adds to its chunk, as Pagefind 1.5.2 counts it: its locations and one for
    each page it is on (its accented forms' not counted)."""
    return sum(run.size for run in word[1])


def _chunks(words: Iterator[list]) -> Iterator[list[list]]:
    chunk: list[list] = []
    size = 0
    for word in words:
        size += _size(word)
        chunk.append(word)
        if size >= CHUNK_SIZE:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _chunk_bytes(chunk: list[list]) -> bytes:
    out = bytearray(_head(4, 1) + _head(4, len(chunk)))
    for word, runs, variants in chunk:
        out += b"\x83" + encode(word) + _runs_bytes(runs) + _head(4, len(variants))
        for form, form_runs in variants:
            out += b"\x82" + encode(form) + _runs_bytes(form_runs)
    return bytes(out)


def _prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    for x, y in zip(b, a, strict=False):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]


def _ranges(ranges: list[list[str]]) -> None:
    """Each chunk's first and last word cut to the prefixes that tell it from its
    neighbours, as Pagefind's `chunk_meta` does."""
    for before, after in zip(ranges, ranges[1:], strict=False):
        to, start = _prefixes(before[1], after[0])
        if to >= before[0]:
            before[1] = to
        after[0] = start


def merge(language: str, shards: list[Mapping[str, Source]],
          write: Callable[[str, Source], None]) -> int:
    """Merge the bundles of `shards` (each its files by path, in the order their pages are
    numbered) into one, each of its files handed to `write` (path, bytes or a shard's
    file). The number of pages."""
    read_shards = [Shard(language, files) for files in shards]
    fields = sorted({field for shard in read_shards for field in shard.fields})
    pages, fragments = [], _Names(language)
    for shard in read_shards:
        for page in shard.pages:
            source = shard.files[f"fragment/{page[0]}.pf_fragment"]
            name = fragments.name(_sha1(unpack(read(source))))
            pages.append([name, *page[1:]])
            write(f"fragment/{name}.pf_fragment", source)
    offsets, total = [], 0
    for shard in read_shards:
        offsets.append(total)
        total += len(shard.pages)
    streams = [s.words(o, fields) for s, o in zip(read_shards, offsets, strict=True)]
    ranges, chunk_names = [], _Names(language)
    for chunk in _chunks(_together(streams)):
        content = _chunk_bytes(chunk)
        name = chunk_names.name(_sha1(content))
        ranges.append([chunk[0][0], chunk[-1][0], name])
        write(f"index/{name}.pf_index", pack(content))
    _ranges(ranges)
    meta = encode([read_shards[0].version, pages, ranges, [], [], fields])
    meta_name = f"{language}_{_sha1(meta)[:len(language) + 8]}"
    write(f"pagefind.{meta_name}.pf_meta", pack(meta))
    entry = read_shards[0].entry
    entry["languages"][language].update(hash=meta_name, page_count=len(pages))
    write(ENTRY, json.dumps(entry, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    for path, source in read_shards[0].files.items():  # its scripts and WebAssembly
        if "/" not in path and path != ENTRY and not path.endswith(".pf_meta"):
            write(path, source)
    return len(pages)


__all__ = ["CHUNK_SIZE", "ENTRY", "MergeFailed", "Shard", "Source", "VERSION", "decode", "encode",
           "merge", "pack", "read", "unpack"]

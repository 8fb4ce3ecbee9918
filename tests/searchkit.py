"""Reading a built site's Pagefind index in tests: its languages, its fragments, its word
index and its pages.

A fragment (`pagefind/fragment/*.pf_fragment`) is the indexed text of one page with its
address and meta, gzipped JSON after a `pagefind_dcd` signature: what a reader's browser
downloads for each result it shows. The word index and the metadata (`index/*.pf_index`,
`pagefind.*.pf_meta`) are gzipped CBOR after the same signature.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page of `site`, by address ("/events/x/"), as Pagefind stored it."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        fragment = json.loads(raw[len(SIGNATURE):])
        fragment["language"] = path.name.split("_")[0]
        fragment["size"] = path.stat().st_size  # gzipped: what showing it as a result costs
        found[fragment["url"]] = fragment
    return found


def languages(site: Path) -> set[str]:
    """The languages the index has one index for (from `pagefind-entry.json`)."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return set(entry["languages"])


def _cbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """One CBOR item of `data` from `at` (the subset Pagefind writes: integers, strings,
    arrays, maps), and where the next begins."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    else:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        chunk = data[at:at + value]
        return (chunk.decode("utf-8") if major == 3 else chunk), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _cbor(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(value):
            key, at = _cbor(data, at)
            pairs[key], at = _cbor(data, at)
        return pairs, at
    raise ValueError(f"CBOR major type {major} at {at - 1}")


def _decoded(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(SIGNATURE), path
    return _cbor(raw, len(SIGNATURE))[0]


def word_index(site: Path) -> dict[str, dict[str, list]]:
    """The word index of each language, by language and word: for each page a word was found
    in (named by its fragment, not by its page number, which depends on the order Pagefind
    read the pages in), the word's locations there, sorted; the same for each accented form
    Pagefind keeps apart (`word~form`)."""
    bundle = site / "pagefind"
    found: dict[str, dict[str, list]] = {}
    for meta_path in sorted(bundle.glob("pagefind.*.pf_meta")):
        meta = _decoded(meta_path)
        pages = [page[0] for page in meta[1]]
        words: dict[str, list] = {}
        for chunk in meta[2]:
            for word, on_pages, variants in _decoded(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
                words[word] = _by_fragment(pages, on_pages)
                for form, form_pages in ((v[0], v[1]) for v in variants):
                    words[f"{word}~{form}"] = _by_fragment(pages, form_pages)
        found[meta_path.name.split(".")[1].split("_")[0]] = words
    return found


def _by_fragment(pages: list[str], entries: list[list]) -> list:
    """A word's entries with their page named by its fragment; Pagefind stores each page
    number as the difference from the entry before."""
    named, number = [], 0
    for entry in entries:
        number += entry[0]
        named.append([pages[number], entry[1:]])
    return sorted(named)


def meta_pages(site: Path) -> dict[str, list]:
    """The pages of each language's index, by language: their fragment and word count,
    sorted (the order is that in which Pagefind read them)."""
    bundle = site / "pagefind"
    return {path.name.split(".")[1].split("_")[0]: sorted(_decoded(path)[1])
            for path in sorted(bundle.glob("pagefind.*.pf_meta"))}

"""Reading a built site's Pagefind index in tests: its languages, its fragments, its word
index and its pages, over every shard (`publish/searchshards.py`: `pagefind/shards.json` lists
each language's shard folders, each a bundle of Pagefind's).

A fragment (`pagefind/<language>/<n>/fragment/*.pf_fragment`) is the indexed text of one page with its
address and meta, gzipped JSON after a `pagefind_dcd` signature: what a reader's browser
downloads for each result it shows. The word index and the metadata (`index/*.pf_index`,
`pagefind.*.pf_meta`) are gzipped CBOR after the same signature.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def shards(site: Path) -> dict[str, list[Path]]:
    """The folder of each shard of the index, by language (from `pagefind/shards.json`; a
    bundle without one, as Pagefind writes it alone, is one shard of each of its languages)."""
    bundle = site / "pagefind"
    if not (bundle / "shards.json").exists():
        return {language: [bundle] for language in _entry(bundle)["languages"]}
    listing = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    return {language: [bundle / folder for folder in folders]
            for language, folders in listing.items()}


def _entry(bundle: Path) -> dict:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def _meta(bundle: Path, language: str) -> object:
    """The metadata of a language's index in `bundle`: its pages and its chunks."""
    name = _entry(bundle)["languages"][language]["hash"]
    return _decoded(bundle / f"pagefind.{name}.pf_meta")


def bundles(site: Path) -> list[Path]:
    """Every shard's folder, of every language, once."""
    return list(dict.fromkeys(folder for folders in shards(site).values() for folder in folders))


def fragment_files(site: Path) -> list[Path]:
    """Every fragment file of every shard."""
    return sorted(path for folder in bundles(site)
                  for path in (folder / "fragment").glob("*.pf_fragment"))


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page of `site`, by address ("/events/x/"), as Pagefind stored it (an
    address in two shards is an error)."""
    return _fragments(fragment_files(site))


def fragments_in(folders: list[Path]) -> dict[str, dict]:
    """The pages indexed in these shards' folders, as `fragments`."""
    return _fragments(sorted(p for f in folders for p in (f / "fragment").glob("*.pf_fragment")))


def _fragments(paths: list[Path]) -> dict[str, dict]:
    found = {}
    for path in paths:
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        fragment = json.loads(raw[len(SIGNATURE):])
        fragment["language"] = path.name.split("_")[0]
        fragment["size"] = path.stat().st_size  # gzipped: what showing it as a result costs
        assert fragment["url"] not in found, fragment["url"]
        found[fragment["url"]] = fragment
    return found


def languages(site: Path) -> set[str]:
    """The languages the index has shards for, each of which Pagefind's entry file names as
    its language (`pagefind-entry.json`)."""
    found = shards(site)
    for language, folders in found.items():
        assert all(language in _entry(folder)["languages"] for folder in folders)
    return set(found)


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
    """The word index of each language, by language and word, over its shards: for each page
    a word was found in (named by its fragment's content, not by its page number, which
    depends on the order Pagefind read the pages in, nor by its file name, which depends on
    the other pages of its run), the word's locations there, sorted; the same for each
    accented form Pagefind keeps apart (`word~form`)."""
    found: dict[str, dict[str, list]] = {}
    for language, folders in shards(site).items():
        words: dict[str, list] = found.setdefault(language, {})
        for bundle in folders:
            meta = _meta(bundle, language)
            pages = [_fragment_url(bundle, page[0]) for page in meta[1]]
            for chunk in meta[2]:
                for word, on_pages, variants in _decoded(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
                    words.setdefault(word, []).extend(_by_fragment(pages, on_pages))
                    for form, form_pages in ((v[0], v[1]) for v in variants):
                        words.setdefault(f"{word}~{form}", []).extend(_by_fragment(pages, form_pages))
        for word in words:
            words[word].sort()
    return found


def _fragment_url(bundle: Path, name: str) -> str:
    """The address of the page a fragment file of `bundle` holds."""
    raw = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
    return json.loads(raw[len(SIGNATURE):])["url"]


def _by_fragment(pages: list[str], entries: list[list]) -> list:
    """A word's entries with their page named by its fragment; Pagefind stores each page
    number as the difference from the entry before."""
    named, number = [], 0
    for entry in entries:
        number += entry[0]
        named.append([pages[number], entry[1:]])
    return sorted(named)


def meta_pages(site: Path) -> dict[str, list]:
    """The pages of each language's index over its shards, by language: their address and
    word count, sorted (the order is that in which Pagefind read them)."""
    return {language: sorted([_fragment_url(bundle, page[0]), *page[1:]] for bundle in folders
                             for page in _meta(bundle, language)[1])
            for language, folders in shards(site).items()}

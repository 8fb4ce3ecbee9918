"""The shards of a language merged into one bundle (`publish/searchmerge.py`): what one
Pagefind run over the same pages writes, file for file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desclasificado.publish import searchindex, searchmerge
from desclasificado.publish.searchshards import split
from tests.searchkit import shards

#: Words in several shards, accented forms Pagefind keeps apart ("Bogotá" beside "Bogota"),
#: and a date only on some pages (so some shards have a meta field the others lack).
PAGES = {f"events/e{n:02}/index.html": (
    f"Bogot{'á' if n % 3 else 'a'} cable {n}",
    f"Guerrilla network word{n} " + "embassy " * (n % 4) + ("Perú" if n % 2 else "Peru")
    + (" Belén Colón" if n % 5 else ""),
    "11 April 1963" if n == 4 else "") for n in range(14)}
SIZE = 3  # 14 pages: 5 shards


def _site(root: Path, pages: dict[str, tuple[str, str, str]] = PAGES) -> Path:
    site = root / "site"
    for path, (title, text, date) in pages.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = f' data-pagefind-meta="date:{date}"' if date else ""
        target.write_text(f'<html lang="en"><body><main data-pagefind-body{meta}><h1>{title}</h1>'
                          f'<p>{text}.</p></main></body></html>', encoding="utf-8")
    return site


def _files(folder: Path) -> dict[str, bytes]:
    """A bundle's files, those Pagefind gzips given decompressed."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found[path.relative_to(folder).as_posix()] = (
                searchmerge.unpack(data) if path.suffix.startswith(".pf_") else data)
    return found


def test_the_merged_shards_are_what_one_pagefind_run_writes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    kept = searchindex.index_search(site, size=SIZE)
    assert kept.indexed == 5 and shards(site) == {"en": [site / "pagefind" / "en"]}
    # one run over the same pages, in the order of the shards (shard 0's pages first)
    ordered = [path for shard in split("en", searchindex.indexed_pages(site)["en"], b"", SIZE)
               for path in shard.pages]
    one = tmp_path / "one"
    merged = _files(site / "pagefind" / "en")
    for path, data in searchindex._index_shard(site, tuple(ordered)).items():
        (one / path).parent.mkdir(parents=True, exist_ok=True)
        (one / path).write_bytes(data)
    assert merged == _files(one)
    meta = [data for path, data in merged.items() if path.endswith(".pf_meta")]
    assert searchmerge.decode(meta[0])[5] == ["date", "title"]  # some shards lacked "date"
    words = {w[0]: w for chunk in merged if chunk.startswith("index/")
             for w in searchmerge.decode(merged[chunk])[0]}
    assert words["bogota"][2] and len(words["guerrilla"][1]) == 14  # forms kept, pages merged


@pytest.mark.parametrize("size", [4, 9, 12, 17])
def test_a_chunk_is_cut_where_pagefind_cuts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               size: int) -> None:
    """With chunks of a few locations, as Pagefind's own are cut at 20,000 (its setting
    `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`): the same chunks, the same word ranges."""
    monkeypatch.setenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", str(size))
    monkeypatch.setattr(searchmerge, "CHUNK_SIZE", size)
    site = _site(tmp_path)
    searchindex.index_search(site, size=SIZE)
    ordered = [path for shard in split("en", searchindex.indexed_pages(site)["en"], b"", SIZE)
               for path in shard.pages]
    whole = searchindex._index_shard(site, tuple(ordered))
    merged = _files(site / "pagefind" / "en")
    assert len([p for p in merged if p.startswith("index/")]) > 5
    assert merged == {path: searchmerge.unpack(data) if ".pf_" in path else data
                      for path, data in whole.items()}


def test_names_taken_are_made_longer_as_pagefind_does() -> None:
    names = searchmerge._Names("en")
    assert names.name("abcdef0123") == "en_abcdef0"
    assert names.name("abcdef0456") == "en_abcdef04"  # the same first 7 digits
    assert names.name("abcdef0457") == "en_abcdef045"
    # Pagefind writes each byte of the SHA-1 without its leading zero: da39a3ee5e6b4b0d...
    assert searchmerge._sha1(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_integers_and_text_are_written_in_their_shortest_form() -> None:
    for value in (0, 23, 24, 255, 256, 65535, 65536, 2**32 - 1, -1, -24, -25, -257, "",
                  "Bogotá", "x" * 300, [], [1, [-25, 102], []], list(range(30))):
        data = searchmerge.encode(value)
        assert searchmerge.decode(data) == value
    assert searchmerge.encode(24) == b"\x18\x18" and searchmerge.encode(-25) == b"\x38\x18"
    assert searchmerge.encode([0] * 24)[:2] == b"\x98\x18"


def test_a_shard_of_another_pagefind_version_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path)
    files = searchindex._index_shard(site, tuple(sorted(PAGES)))
    entry = json.loads(files[searchmerge.ENTRY])
    entry["version"] = "9.0.0"
    files[searchmerge.ENTRY] = json.dumps(entry).encode("utf-8")
    with pytest.raises(searchmerge.MergeFailed, match="Pagefind 9.0.0 wrote a shard"):
        searchmerge.merge("en", [files], lambda path, source: None)

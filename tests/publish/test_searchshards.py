"""The search index in shards (`publish/searchshards.py`): which pages go together, which
shards a build indexes again after an edit, an added page, a removed one, and that their
merged bundle is kept too."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desclasificado.publish import searchindex
from desclasificado.publish.searchshards import MANIFEST, shard_count, shard_of, split
from tests.searchkit import fragments, shards

PAGES = [f"events/e{n:02}/index.html" for n in range(10)]
SIZE = 4  # 10 pages: 3 shards, and still 3 with one page more or less


def _pages(digest: bytes = b"d") -> list[tuple[str, bytes]]:
    return [(path, digest) for path in PAGES]


def test_every_page_is_in_exactly_one_shard_chosen_by_its_path_alone() -> None:
    found = split("en", _pages(), b"settings", SIZE)
    assert len(found) == shard_count(len(PAGES), SIZE) == 3
    members = [path for shard in found for path in shard.pages]
    assert sorted(members) == sorted(PAGES)  # each once
    for shard in found:
        assert all(shard_of(path, 3) == shard.number for path in shard.pages)
        assert list(shard.pages) == sorted(shard.pages)
    again = split("en", list(reversed(_pages())), b"settings", SIZE)
    assert {frozenset(s.pages) for s in again} == {frozenset(s.pages) for s in found}


def test_a_shard_key_changes_with_its_pages_and_settings_only() -> None:
    before = {s.number: s for s in split("en", _pages(), b"settings", SIZE)}
    edited = _pages()
    edited[3] = (edited[3][0], b"other")
    after = {s.number: s for s in split("en", edited, b"settings", SIZE)}
    changed = {n for n in before if before[n].key != after[n].key}
    assert changed == {shard_of(PAGES[3], 3)}
    other = split("en", _pages(), b"pagefind 9", SIZE)
    assert not {s.key for s in other} & {s.key for s in before.values()}
    spanish = split("es", _pages(), b"settings", SIZE)
    assert not {s.key for s in spanish} & {s.key for s in before.values()}


def _site(root: Path, pages: list[str], edited: str = "") -> Path:
    """A site of `pages`, each an indexed page with a word of its own."""
    site = root / "site"
    for path in pages:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        word = path.split("/")[1]
        extra = " edited" if path == edited else ""
        target.write_text(f'<html lang="en"><head><title>{word}</title></head><body>'
                          f'<main data-pagefind-body><h1>Page {word}</h1><p>Word{word}'
                          f'{extra}.</p></main></body></html>', encoding="utf-8")
    return site


def _index(site: Path, cache: Path) -> tuple[int, int, dict[str, dict]]:
    kept = searchindex.index_search(site, cache=cache, size=SIZE)
    return kept.indexed, kept.reused, fragments(site)


def test_an_edit_indexes_its_shard_again_and_links_the_others(tmp_path: Path) -> None:
    cache = tmp_path / ".build-cache"
    site = _site(tmp_path, PAGES)
    assert _index(site, cache)[:2] == (3, 0)
    first = fragments(site)
    assert _index(site, cache)[:2] == (0, 3)  # nothing changed: nothing indexed
    assert fragments(site) == first
    kept = next((site / "pagefind").rglob("*.pf_fragment"))
    assert os.stat(kept).st_nlink == 2  # a hard link to the cache's copy
    # one page's text: its shard only
    _site(tmp_path, PAGES, edited=PAGES[3])
    indexed, reused, found = _index(site, cache)
    assert (indexed, reused) == (1, 2)
    assert "edited" in found["/events/e03/"]["content"]
    assert {url: f for url, f in found.items() if url != "/events/e03/"} == {
        url: f for url, f in first.items() if url != "/events/e03/"}
    # a page removed, then one added: its shard only, each time (3 shards all along)
    os.unlink(site / PAGES[5])
    assert _index(site, cache)[:2] == (1, 2)
    added = "events/new/index.html"
    _site(tmp_path, [added])
    indexed, reused, found = _index(site, cache)
    assert (indexed, reused) == (1, 2) and "/events/new/" in found
    assert "/events/e05/" not in found


def test_the_kept_index_is_the_one_indexed_afresh(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    searchindex.index_search(site, cache=tmp_path / ".build-cache", size=SIZE)
    searchindex.index_search(site, cache=tmp_path / ".build-cache", size=SIZE)  # all linked
    fresh = _site(tmp_path / "fresh", PAGES)
    searchindex.index_search(fresh, size=SIZE)  # no cache
    ours = sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(fresh) for p in (fresh / "pagefind").rglob("*") if p.is_file())
    assert ours == theirs and shards(site) == {"en": [site / "pagefind" / "en"]}  # 3 merged
    assert all((site / p).read_bytes() == (fresh / p).read_bytes() for p in ours)


def test_a_manifest_not_signed_here_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / ".build-cache"
    site = _site(tmp_path, PAGES)
    assert _index(site, cache)[:2] == (3, 0)
    manifest = cache / "search" / MANIFEST
    body = manifest.read_bytes()[32:]  # as a download would bring it: the same, unsigned
    assert json.loads(body)["shards"]
    manifest.write_bytes(b"\0" * 32 + body)
    assert _index(site, cache)[:2] == (3, 0)


def test_a_shard_holds_at_most_about_1500_pages_however_many_a_language_has() -> None:
    # Pagefind's peak memory grows with the pages of a run (about 190 MB for 1,500
    # realistic pages, 1.3 GB for the 10,400 of a language at 10,000 events: README); the
    # shards are merged into one bundle, so there is no bound on how many.
    assert [shard_count(n) for n in (1, 1050, 1500, 1501, 3150, 10_400, 50_000)] == \
        [1, 1, 1, 2, 3, 7, 34]

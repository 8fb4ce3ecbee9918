"""The search index a build writes with Pagefind (`publish/searchindex.py`): what it indexes,
with which kind and date, what it leaves out, and that a failed index changes nothing."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from desclasificado.publish import searchindex
from tests.searchkit import fragments, languages, meta_pages, shards, word_index
from tests.sitekit import SiteProject, event_yaml

SEED = "176-10036-10058"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("search") / "project")
    project.write("events/lima.yaml", event_yaml(
        "1964-02", "Trainees reported back in Lima", summary="The trainees reached Lima.[^1]"))
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def test_the_built_site_has_a_pagefind_index_of_its_language(built: SiteProject) -> None:
    site = built.root / "site"
    assert languages(site) == {"en", "es"}  # the Spanish mirror under /es/
    assert shards(site) == {"en": [site / "pagefind" / "en"],
                            "es": [site / "pagefind" / "es"]}  # one bundle a language
    for bundle in shards(site)["en"] + shards(site)["es"]:
        assert (bundle / "pagefind.js").is_file() and (bundle / "fragment").is_dir()
        assert list((bundle / "index").glob("*.pf_index"))
        assert not (bundle / "pagefind-ui.js").exists()  # the theme's search page has its own


def test_records_are_indexed_with_their_kind_and_date(built: SiteProject) -> None:
    found = fragments(built.root / "site")
    paris = found["/events/1963-04-11-paris/"]
    assert paris["meta"]["kind"] == "event" and paris["meta"]["date"] == "11 April 1963"
    assert paris["meta"]["title"] == "CIA source names Paris as the hub of the network"
    assert "Paris has emerged as the center of the network." in paris["content"]
    assert found["/events/lima/"]["meta"]["date"] == "February 1964"
    document = found[f"/documents/{SEED}/"]
    assert document["meta"]["kind"] == "document" and document["meta"]["date"] == "11 April 1963"
    assert found["/actors/cia/"]["meta"]["kind"] == "actor"
    assert found["/themes/exile-networks/"]["meta"]["kind"] == "theme"
    assert found["/countries/pe/"]["meta"]["kind"] == "country"
    assert found["/timeline/"]["meta"]["kind"] == "timeline"
    assert found["/teachers/"]["meta"]["kind"] == "page"


def test_citation_marks_are_not_in_what_search_shows(built: SiteProject) -> None:
    """A result's excerpt is the page's text: the marks "[1]" of its sources are not read
    there, nor indexed as words."""
    found = fragments(built.root / "site")
    lima = found["/events/lima/"]["content"]
    assert "The trainees reached Lima." in lima and "[1]" not in lima
    assert not any(re.search(r"\[\d+\]", page["content"]) for page in found.values())


def test_pages_for_contributors_and_pages_without_results_are_left_out(built: SiteProject) -> None:
    urls = set(fragments(built.root / "site"))
    for left_out in ("/contribute/guide/", "/reference/", "/search.html", "/404.html",
                     "/es/search.html", "/es/404.html"):
        assert left_out not in urls
    assert "/contribute/" in urls  # how to contribute is for readers too
    assert not [url for url in urls if url.startswith("/embed/")]


def test_indexed_pages_leave_out_transcripts_lists_and_controls(built: SiteProject) -> None:
    found = fragments(built.root / "site")
    document = found[f"/documents/{SEED}/"]["content"]
    assert "Sanitized" not in document  # transcript only (page 2)
    assert "Activities of Cuban Trained Peruvian Guerrillas" in document
    assert "What it means" not in document and "Cited by" not in document
    country = found["/countries/pe/"]["content"]
    assert "Peru" in country and "Trainees reported back in Lima" not in country
    event = found["/events/1963-04-11-paris/"]["content"]
    assert "Chicago" not in event and "Embed" not in event  # the Cite and Embed controls


def test_the_index_is_written_before_the_swap_and_a_failure_keeps_the_site(
        built: SiteProject, monkeypatch: pytest.MonkeyPatch) -> None:
    site = built.root / "site"
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    built.write("events/new.yaml", event_yaml("1965", "A new event"))
    monkeypatch.setattr(searchindex, "_binary", lambda: "/bin/false")
    code, lines = built.build()
    assert code == 1
    assert "error: the search index could not be built: Pagefind exited with 1" in lines
    assert lines[-1].endswith("(site/ is unchanged)")
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not list(built.root.glob(".build-tmp-*"))
    (built.root / "events" / "new.yaml").unlink()


def test_files_skip_embeds_and_walk_a_language_mirror(tmp_path) -> None:
    for path in ("index.html", "404.html", "events/x/index.html", "embed/events/x/index.html",
                 "pagefind/x.html", "es/index.html", "es/events/x/index.html",
                 "es/embed/events/x/index.html", "events/x/data.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("<html></html>")
    assert list(searchindex.html_files(tmp_path)) == [
        "404.html", "index.html", "es/index.html", "es/events/x/index.html",
        "events/x/index.html"]


def test_only_pages_with_a_body_are_sent_by_language(tmp_path) -> None:
    pages = {"index.html": '<html lang="en"><main data-pagefind-body>Home</main>',
             "events/x/index.html": '<html class="a" lang="en"><main data-pagefind-body>X</main>',
             "events/x/2/index.html": '<html lang="en"><main>A list of events</main>',
             "es/events/x/index.html": "<html lang='es'><main data-pagefind-body>X</main>",
             "plain.html": "<html><div data-pagefind-body>No lang</div>"}
    for path, text in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    found = searchindex.indexed_pages(tmp_path)
    assert {language: [path for path, _ in pages] for language, pages in found.items()} == {
        "en": ["index.html", "events/x/index.html"], "es": ["es/events/x/index.html"],
        "unknown": ["plain.html"]}
    # each with the digest of what Pagefind is sent of it: the same body, the same digest
    digests = {path: digest for pages in found.values() for path, digest in pages}
    assert digests["events/x/index.html"] != digests["es/events/x/index.html"]  # its lang
    (tmp_path / "index.html").write_text('<html lang="en"><p>Other</p><main data-pagefind-body>Home</main>')
    assert dict(searchindex.indexed_pages(tmp_path)["en"])["index.html"] == digests["index.html"]


def test_pagefind_is_sent_the_lang_and_the_body_element_only() -> None:
    page = ('<!doctype html><html lang="es-419" class="x"><head><title>T</title></head><body>'
            '<header><h1>Site</h1></header><main id="content" data-pagefind-body data-kind="e">'
            '<h1>Título</h1><section data-pagefind-ignore>x</section></main>'
            '<footer>Pie</footer></body></html>').encode()
    assert searchindex.essence(page) == (
        '<!doctype html><html lang="es-419"><body><main id="content" data-pagefind-body '
        'data-kind="e"><h1>Título</h1><section data-pagefind-ignore>x</section></main>'
        '</body></html>')
    two = b'<html><body><div data-pagefind-body>a</div><p>b</p><div data-pagefind-body>c</div></body>'
    assert searchindex.essence(two) == (
        '<!doctype html><html><body><div data-pagefind-body>a</div><p>b</p>'
        '<div data-pagefind-body>c</div></body></html>')


def test_the_shards_hold_what_one_pagefind_run_over_the_whole_site_does(
        built: SiteProject, tmp_path) -> None:
    """One Pagefind run over every page of the site (the way it indexed the site before the
    pages were sent one language at a time, in shards, and only their body element) finds
    the same pages, words and locations, and writes the same fragments, as the build (one
    shard a language here), and as the merge of many shards of a few pages each: every
    indexed page is in it once (`fragments` refuses an address twice)."""
    site = built.root / "site"
    whole, sharded = tmp_path / "site", tmp_path / "sharded"
    for copy in (whole, sharded):
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    command = [searchindex._binary(), "--site", str(whole), "--silent", "--glob",
               "{" + ",".join(_globs(whole)) + "}"]
    for selector in searchindex.EXCLUDED:
        command += ["--exclude-selectors", selector]
    subprocess.run(command, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    assert searchindex.index_search(sharded, size=7).indexed >= 6  # 3 shards a language
    expected = fragments(whole)
    assert fragments(site) == expected and fragments(sharded) == expected
    assert word_index(site) == word_index(whole) == word_index(sharded)
    assert len(word_index(site)["es"]) > 100
    assert meta_pages(site) == meta_pages(whole) == meta_pages(sharded)


def _globs(site) -> list[str]:
    """Every HTML file outside the embeddable pages and the bundle, as Pagefind's globs."""
    found = []
    for entry in sorted(site.iterdir()):
        if entry.name in ("embed", "pagefind"):
            continue
        if entry.is_dir() and (entry / "embed").is_dir():
            found += [f"{entry.name}/{g}" for g in _globs(entry)]
        elif entry.is_dir():
            found.append(f"{entry.name}/**/*.html")
        elif entry.name.endswith(".html"):
            found.append(entry.name)
    return found

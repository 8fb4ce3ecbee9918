"""The incremental build (`publish/pagecache.py`): after each kind of edit a contributor can
make, a build that reuses the pages of the last one writes the same site, byte for byte, as a
clean build, and reuses the pages the edit did not touch."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from desclasificado.pipeline import Built, ContentErrors, build
from desclasificado.publish import cachesigning, pagecache
from desclasificado.publish.pagecache import CACHE_DIR, MANIFEST, MARKDOWN
from desclasificado.render import data as datafiles
from desclasificado.render import timelinejs
from desclasificado.render.markup import MarkdownRenderer, text_digest
from desclasificado.render.titlecase import learned
from tests.conftest import REPO
from tests.sitekit import SiteProject, differing_files

#: Real events: Guatemala 1954 (FRUS documents cited by many) and two JFK records' events.
EVENTS = [*sorted(p.name for p in (REPO / "events").glob("1954-*.yaml")),
          "1947-04-cia-opens-mexico-city-station.yaml",
          "1958-cia-mexico-joint-telephone-tap-lienvoy.yaml"]
GUATEMALA = "1954-06-17-cadick-given-field-command"
MEXICO = "1947-04-cia-opens-mexico-city-station"


def _copy_events(root: Path) -> None:
    """The events, their documents with their transcripts, actors and themes; `related`
    kept within the events copied."""
    ids = {name.removesuffix(".yaml") for name in EVENTS}
    for kind in ("events", "documents", "actors", "themes"):
        shutil.rmtree(root / kind, ignore_errors=True)
        (root / kind).mkdir()
    for name in EVENTS:
        text = (REPO / "events" / name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        kept = [r for r in data.get("related", []) if r in ids]
        text = re.sub(r"^related: .*$", f"related: {kept!r}".replace("'", '"'), text,
                      flags=re.M)
        (root / "events" / name).write_text(text, encoding="utf-8")
        for source in data["sources"]:
            for path in (REPO / "documents").glob(f"{source['document']}.*"):
                shutil.copy(path, root / "documents")
        for kind, key in (("actors", "actors"), ("themes", "themes")):
            for record in data.get(key, []):
                shutil.copy(REPO / kind / f"{record}.yaml", root / kind)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764806400")  # the same day for every build
    made = SiteProject(tmp_path / "project")
    _copy_events(made.root)
    shutil.copytree(REPO / "theme", made.root / "theme")  # a theme of its own, to edit
    config = made.root / "mkdocs.yml"
    config.write_text(re.sub(r"custom_dir: .*", "custom_dir: theme",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    return made


def _incremental(project: SiteProject, clean: Path) -> Built:
    """Build with the cache into site/ and without it into `clean`; both sites the same."""
    built = build(project.root, cache=project.root / CACHE_DIR)
    shutil.rmtree(clean, ignore_errors=True)
    build(project.root, clean)
    assert differing_files(project.root / "site", clean) == []
    return built


def _edit(project: SiteProject, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_kind_of_edit_builds_what_a_clean_build_does(project: SiteProject,
                                                         tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    first = _incremental(project, clean)
    assert first.reused == 0 and first.rendered > 50
    unchanged = _incremental(project, clean)
    assert unchanged.reused == first.rendered and unchanged.rendered == 0
    embedded = project.root / "site" / "embed" / "events" / GUATEMALA / "index.html"
    assert embedded.stat().st_nlink >= 2  # the cache's file, linked: not written again

    _edit(project, f"events/{GUATEMALA}.yaml", '\ntitle: "', '\ntitle: "Rewritten. ')
    edited = _incremental(project, clean)
    assert 0 < edited.rendered < first.rendered // 2  # its page, its lists, its neighbours
    assert "Rewritten." in (project.root / "site" / "events" / GUATEMALA / "index.html"
                            ).read_text(encoding="utf-8")

    steps = [
        ("a Spanish title", f"events/{MEXICO}.yaml", "La CIA abre su estación",
         "La CIA inaugura su estación"),
        ("a date (the event moves in the timeline)", f"events/{MEXICO}.yaml",
         'date: "1947-04"', 'date: "1955-04"'),
        ("a document's title", None, None, None),
        ("an actor's description", None, None, None),
        ("a theme's title", None, None, None),
        ("a template", "theme/main.html", "<", "<!-- edited -->\n<"),
        ("a summary (its Markdown)", f"events/{MEXICO}.yaml", 'summary: "According',
         'summary: "**Edited**, according'),
    ]
    for what, rel, old, new in steps:
        if rel is None:
            rel, old, new = _record_edit(project, what)
        _edit(project, rel, old, new)
        built = _incremental(project, clean)
        assert built.rendered > 0, what


def _record_edit(project: SiteProject, what: str) -> tuple[str, str, str]:
    """An edit of the first document, actor or theme that a page shows."""
    kind, key = {"a document's title": ("documents", "title"),
                 "an actor's description": ("actors", "description"),
                 "a theme's title": ("themes", "title")}[what]
    rel = f"{kind}/{sorted(p.name for p in (project.root / kind).glob('*.yaml'))[0]}"
    return rel, f'{key}: "', f'{key}: "Edited '


def _yaml_value(project: SiteProject, rel: str, key: str) -> str:
    return yaml.safe_load((project.root / rel).read_text(encoding="utf-8"))[key]


def test_a_transcript_an_added_and_a_removed_event(project: SiteProject, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    _incremental(project, clean)
    transcript = sorted((project.root / "documents").glob("104-*.md"))[0]
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\nA line added.\n",
                          encoding="utf-8")
    assert _incremental(project, clean).rendered > 0
    added = (project.root / "events" / f"{GUATEMALA}.yaml").read_text(encoding="utf-8")
    (project.root / "events" / "1954-06-18-a-copy.yaml").write_text(
        re.sub(r"^related: .*$", "related: []", added, flags=re.M), encoding="utf-8")
    assert _incremental(project, clean).reused > 0
    (project.root / "events" / f"{MEXICO}.yaml").unlink()
    (project.root / "events" / "1958-cia-mexico-joint-telephone-tap-lienvoy.yaml").unlink()
    assert _incremental(project, clean).reused > 0
    kept = sorted((project.root / CACHE_DIR / "pages").glob("*/*"))
    for stored in kept[::2]:  # files gone from the cache: their pages are rendered again
        stored.unlink()
    assert 0 < _incremental(project, clean).rendered < len(kept)


def test_a_failed_build_keeps_the_site_and_the_cache(project: SiteProject, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    _incremental(project, clean)
    manifest = (project.root / CACHE_DIR / MANIFEST).read_bytes()
    site = {p: p.read_bytes() for p in (project.root / "site").rglob("*.html")}
    _edit(project, f"events/{GUATEMALA}.yaml", 'date: "', 'date: "not a date ')
    with pytest.raises(ContentErrors):
        build(project.root, cache=project.root / CACHE_DIR)
    assert (project.root / CACHE_DIR / MANIFEST).read_bytes() == manifest
    assert {p: p.read_bytes() for p in (project.root / "site").rglob("*.html")} == site
    _edit(project, f"events/{GUATEMALA}.yaml", 'date: "not a date ', 'date: "')
    assert _incremental(project, clean).rendered == 0


def test_the_code_the_theme_and_the_libraries_are_in_the_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "module.py").write_text("x = 1\n")
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text("<html>")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    monkeypatch.setattr(pagecache, "PACKAGE", package)

    class Config:
        class theme:  # the engine's config has these names
            dirs = [str(theme)]
        config_file_path = str(tmp_path / "mkdocs.yml")
        site_url = "https://example.org/"

    def printed() -> bytes:
        return pagecache.build_fingerprint(Config)

    seen = {printed()}
    (package / "module.py").write_text("x = 2\n")
    seen.add(printed())
    (theme / "main.html").write_text("<html lang>")
    seen.add(printed())
    (tmp_path / "mkdocs.yml").write_text("site_name: y\n")
    seen.add(printed())
    monkeypatch.setattr(pagecache, "_version", lambda name: "99" if name == "mkdocs" else "1")
    seen.add(printed())
    Config.site_url = "https://example.com/"
    seen.add(printed())
    assert len(seen) == 6
    assert printed() == printed()


def test_the_nav_is_in_every_page_s_digest() -> None:
    class Item:
        def __init__(self, title: str, url: str | None = None, children: list | None = None):
            self.title, self.url, self.children = title, url, children

    class Nav:
        def __init__(self, *items: Item):
            self.items = list(items)

    one = pagecache.nav_digest(Nav(Item("Timeline", "timeline/")))
    assert one != pagecache.nav_digest(Nav(Item("Timeline", "timeline/"), Item("Data", "data/")))
    assert one != pagecache.nav_digest(Nav(Item("Línea de tiempo", "timeline/")))
    assert one == pagecache.nav_digest(Nav(Item("Timeline", "timeline/")))


class _Ctx:
    """What the cache reads of a rendering context when the page read nothing."""

    class info:  # the context's attribute
        prefix = ""


def test_placing_a_page_over_another_never_writes_through_the_link(tmp_path: Path) -> None:
    cache = pagecache.PageCache(tmp_path / "cache", b"print")
    cache.keep("a/", _Ctx, frozenset(), b"", b"page a", (None, (), frozenset()))
    cache.keep("b/", _Ctx, frozenset(), b"", b"page b", (None, (), frozenset()))
    kept_a, kept_b = cache.fresh["a/"], cache.fresh["b/"]
    target = tmp_path / "site" / "a" / "index.html"
    cache.place("a/", kept_a, target)
    cache.place("a/", kept_b, target)
    assert target.read_bytes() == b"page b"
    cache.place("a/", kept_a, target)
    assert target.read_bytes() == b"page a"
    target.unlink()
    cache.save()
    reopened = pagecache.PageCache.open(tmp_path / "cache", b"print")
    assert reopened.kept == {"a/": kept_a, "b/": kept_b}
    assert pagecache.PageCache.open(tmp_path / "cache", b"other").kept == {}


def test_a_kept_file_in_a_fresh_site_costs_its_folder_s_mkdir_once_and_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a fresh site asks of the disk for each kept file (75,000 at 10,000 events):
    the link, and the `mkdir` of its folder once; nothing is looked at first."""
    cache = pagecache.PageCache(tmp_path / "cache", b"print")
    cache.keep("a/", _Ctx, frozenset(), b"", b"page a", (None, (), frozenset()))
    kept = cache.fresh["a/"]
    (tmp_path / "site" / "events").mkdir(parents=True)
    calls: list[str] = []
    for name in ("stat", "lstat", "mkdir", "link"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *args, real=real, name=name, **kwargs: (
            calls.append(name), real(*args, **kwargs))[1])
    for page in ("index.html", "oembed.json"):
        assert cache.place("a/", kept, tmp_path / "site" / "events" / "a" / page)
    cache.place("a/", kept, tmp_path / "site" / "events" / "b" / "index.html")
    monkeypatch.undo()
    assert calls == ["mkdir", "link", "link", "mkdir", "link"]
    assert (tmp_path / "site" / "events" / "a" / "oembed.json").read_bytes() == b"page a"
    assert cache.place("a/", kept, tmp_path / "site" / "new" / "deep" / "index.html")


class _Planted:
    """What a planted pickle would run."""

    def __reduce__(self):
        return (Path.touch, (Path(os.environ["PLANTED"]),))


def test_a_manifest_not_written_on_this_computer_is_never_unpickled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("PLANTED", str(tmp_path / "ran"))
    folder = tmp_path / "project" / CACHE_DIR
    folder.mkdir(parents=True)
    planted = pickle.dumps({"format": pagecache.FORMAT, "fingerprint": b"x", "pages": _Planted()})
    for data in (planted, bytes(32) + planted):  # unsigned, or signed with another key
        (folder / MANIFEST).write_bytes(data)
        assert pagecache.PageCache.open(folder, b"x").kept == {}
    assert not (tmp_path / "ran").exists()
    mine = pagecache.PageCache(folder, b"x")
    mine.keep("a/", _Ctx, frozenset(), b"", b"page a", (None, (), frozenset()))
    mine.save()
    assert (tmp_path / "home-cache" / "desclasificado" / "cache-key").stat().st_mode & 0o077 == 0
    assert set(pagecache.PageCache.open(folder, b"x").kept) == {"a/"}  # signed here: read
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-computer"))
    assert pagecache.PageCache.open(folder, b"x").kept == {}  # another computer's key


def test_a_file_planted_where_a_page_will_be_kept_is_replaced(tmp_path: Path) -> None:
    cache = pagecache.PageCache(tmp_path / "cache", b"print")
    name = hashlib.blake2b(b"page a", digest_size=20).hexdigest()
    planted = tmp_path / "cache" / "pages" / name[:2] / name
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"<script>planted</script>")
    cache.keep("a/", _Ctx, frozenset(), b"", b"page a", (None, (), frozenset()))
    assert planted.read_bytes() == b"page a"


def test_a_cache_that_git_tracks_is_not_used(project: SiteProject, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    _incremental(project, clean)
    subprocess.run(["git", "init", "-q", str(project.root)], check=True)
    subprocess.run(["git", "-C", str(project.root), "add", "-f", CACHE_DIR], check=True)
    assert _incremental(project, clean).reused == 0


def test_two_builds_making_the_key_at_once_share_one(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The other build links its key in between our finding none and linking ours: ours is
    dropped, the other's is read, and no partial file is left beside it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key, real = cachesigning.key_file(), os.link

    def link(source: object, destination: object) -> None:
        key.write_bytes(b"k" * 32)  # the other build's, just in
        real(source, destination)

    monkeypatch.setattr(cachesigning.os, "link", link)
    assert cachesigning.key() == b"k" * 32
    assert sorted(p.name for p in key.parent.iterdir()) == ["cache-key"]


def test_the_markdown_of_the_last_build_is_used_with_its_fingerprint_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    folder = tmp_path / CACHE_DIR
    cache = pagecache.PageCache(folder, b"print")
    MarkdownRenderer(cache.markdown).block("A *summary*.")
    key = text_digest("A *summary*.")
    assert cache.markdown.used == {key: "<p>A <em>summary</em>.</p>"}
    cache.markdown.used[key] = "<p>as the last build rendered it</p>"
    cache.save()
    reopened = pagecache.PageCache.open(folder, b"print").markdown
    assert MarkdownRenderer(reopened).block("A *summary*.") == "<p>as the last build rendered it</p>"
    stale = pagecache.PageCache.open(folder, b"another fingerprint").markdown
    assert stale.known == {}  # another renderer's: rendered again
    assert MarkdownRenderer(stale).block("A *summary*.") == "<p>A <em>summary</em>.</p>"


def test_what_texts_taught_the_casing_is_kept_signed_with_its_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    folder = tmp_path / CACHE_DIR
    cache = pagecache.PageCache(folder, b"print")
    casing = learned(["The station in Miami said so."], cache.casings)
    cache.save()
    reopened = pagecache.PageCache.open(folder, b"print").casings
    assert len(reopened.known) == 1 and learned(["The station in Miami said so."],
                                                 reopened) == casing
    assert reopened.used and not pagecache.PageCache.open(folder, b"other").casings.known
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-computer"))
    assert pagecache.PageCache.open(folder, b"print").casings.known == {}


def test_markdown_not_written_on_this_computer_is_not_read(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept Markdown goes into pages as it is: a file signed elsewhere (or not at all)
    could put any HTML there, so it is not read."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    clean = tmp_path / "clean"
    _incremental(project, clean)
    path = project.root / CACHE_DIR / MARKDOWN
    signed = path.read_bytes()
    stored = json.loads(signed[32:])
    assert stored["html"]  # the summaries and bodies of the build
    stored["html"] = {key: "<script>planted</script>" for key in stored["html"]}
    forged = json.dumps(stored).encode()
    for data in (forged, bytes(32) + forged, signed[:32] + forged):
        path.write_bytes(data)
        _incremental(project, clean)  # the same site as a clean build: nothing planted
    assert b"planted" not in path.read_bytes()  # this build's, signed anew
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-computer"))
    assert pagecache.PageCache.open(path.parent, b"x").markdown.known == {}


def test_an_embeddable_page_s_oembed_file_is_kept_with_it(project: SiteProject,
                                                           tmp_path: Path) -> None:
    address, cache, clean = "https://example.org/timeline/", project.root / CACHE_DIR, tmp_path / "clean"
    build(project.root, cache=cache, site_url=address)
    _edit(project, f"events/{GUATEMALA}.yaml", '\ntitle: "', '\ntitle: "Rewritten. ')
    built = build(project.root, cache=cache, site_url=address)
    build(project.root, clean, site_url=address)
    assert built.reused > 0 and differing_files(project.root / "site", clean) == []
    kept = project.root / "site" / "embed" / "events" / MEXICO / "oembed.json"
    assert kept.stat().st_nlink >= 2 and address in kept.read_text(encoding="utf-8")
    edited = project.root / "site" / "embed" / "events" / GUATEMALA / "oembed.json"
    assert "Rewritten." in edited.read_text(encoding="utf-8")


def test_a_data_file_renders_the_rows_an_edit_changes_only(
        project: SiteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each data file lists every event or document; after an edit, a build with the cache
    renders only the rows whose reads changed (`PageCache.rows`), and the files are those of
    a clean build. One process, so that the rows rendered are counted here."""
    clean, cache = tmp_path / "clean", project.root / CACHE_DIR
    build(project.root, cache=cache, workers=1)
    made: list[tuple[str, str]] = []
    for module, name in ((datafiles, "event_row"), (datafiles, "_document_row"),
                         (datafiles, "bibtex_entry"), (datafiles, "ris_entry"),
                         (datafiles, "csl_item"), (timelinejs, "slide")):
        monkeypatch.setattr(module, name, _counted(made, name, getattr(module, name)))

    def rows_after(rel: str, old: str, new: str) -> set[tuple[str, str]]:
        _edit(project, rel, old, new)
        made.clear()
        build(project.root, cache=cache, workers=1)
        rendered = set(made)
        shutil.rmtree(clean, ignore_errors=True)
        build(project.root, clean, workers=1)
        assert differing_files(project.root / "site", clean) == []
        return rendered

    assert rows_after(f"events/{GUATEMALA}.yaml", '\ntitle: "', '\ntitle: "Rewritten. ') == {
        (name, GUATEMALA) for name in ("event_row", "slide")}  # in each language: a set
    document = _yaml_value(project, f"events/{GUATEMALA}.yaml", "sources")[0]["document"]
    citing = {path.stem for path in (project.root / "events").glob("*.yaml")
              if document in (project.root / "events" / path.name).read_text(encoding="utf-8")}
    changed = rows_after(f"documents/{document}.yaml", 'title: "', 'title: "Edited ')
    assert {key for name, key in changed if name == "event_row"} == citing
    assert {(name, document) for name in ("_document_row", "bibtex_entry", "ris_entry",
                                          "csl_item")} <= changed
    assert not {key for _name, key in changed} - citing - {document}
    actor = sorted(p.name for p in (project.root / "actors").glob("*.yaml"))[0]
    assert rows_after(f"actors/{actor}", 'description: "', 'description: "Edited ') == set()


def _counted(made: list[tuple[str, str]], name: str, real: Any) -> Any:
    """`real`, noting (its name, the record it was asked for) at each call."""
    def call(*args: Any) -> Any:
        made.append((name, next(arg for arg in args if isinstance(arg, str))))
        return real(*args)
    return call

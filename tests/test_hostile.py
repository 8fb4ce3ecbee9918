"""Hostile input: every payload is refused with a file:line:col error, or rendered harmless.

The corpus is in tests/hostile/ (bytes exact, see its .gitattributes), laid out like a
project: `rejected/` holds records that try code execution through YAML tags, alias bombs,
deep nesting, NUL and control characters, invalid UTF-8, direction overrides, ids that climb
out of their folder or collide; `accepted/` holds what must just work (byte-order marks,
Windows line ends); `markup/` holds valid records whose Markdown and text try scripts, event
handlers, script addresses however spelled, attribute lists, SVG, frames, objects, forms,
style sheets, meta refresh and template syntax. What cannot be a file in a repository is
made here at run time: symbolic links out of the project, 5 GiB (sparse) files, names
reserved on Windows, a file name with a line break.

The check runs as `python build.py check` in a child process, in the project's folder and
with its memory capped, so that a payload that ran a command or expanded would show. The
built site is read with html.parser by `tests/htmlsafety.py`. (tests/test_check.py covers the
basic cases, tests/test_site_security.py puts simpler payloads in every field.)
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOOD_EVENT, REPO, Project
from tests.htmlsafety import live_markup, unsafe_search_locations
from tests.sitekit import SiteProject, all_pages

HOSTILE = Path(__file__).with_name("hostile")
HUGE = 5 * 1024**3
TAGS = "are not allowed: remove the tag; to keep a value as text, put it in double quotes"
CONTROL = ("is not allowed: delete it (it often comes from copying text out of a PDF or a word "
           "processor)")
NOT_UTF8 = "is not UTF-8: save the file as UTF-8 (in most editors: 'Save with encoding' > 'UTF-8')"
LINK = "error: symbolic links are not allowed in content folders: replace the link with the file"
NOT_ID = "is not an id: ids are lower-case letters, digits and hyphens, as in the file name without '.yaml'"

# Each hostile file and the lines the check must print for it (each line is matched whole).
EXPECTED = {
    "tag-python-apply": ["events/tag-python-apply.yaml:3:8: error: YAML tags such as "
                         f"'tag:yaml.org,2002:python/object/apply:os.system' {TAGS}"],
    "tag-python-name": ["events/tag-python-name.yaml:4:10: error: YAML tags such as "
                        f"'tag:yaml.org,2002:python/name:os.system' {TAGS}"],
    "tag-python-new": ["events/tag-python-new.yaml:10:9: error: YAML tags such as "
                       f"'tag:yaml.org,2002:python/object/new:subprocess.Popen' {TAGS}"],
    "tag-directive": ["events/tag-directive.yaml:4:8: error: YAML tags such as "
                      f"'tag:yaml.org,2002:python/object/apply:os.system' {TAGS}"],
    "tag-local": [f"events/tag-local.yaml:3:8: error: YAML tags such as '!include' {TAGS}"],
    "billion-laughs": ["events/billion-laughs.yaml:10:7: error: anchors and aliases ('&name', "
                       "'*name') are not allowed: write the value out in full (91 more in this file)"],
    "merge-key": ["events/merge-key.yaml:10:1: error: field name '<<' is not text to YAML: field "
                  "names are words such as 'title' or 'date'"],
    "deep-flow": ["events/deep-flow.yaml:10:1008: error: nested far more than 12 levels deep: no "
                  "record needs that; check the brackets and the indentation"],
    "deep-block": ["events/deep-block.yaml:23:27: error: nested more than 12 levels deep: no record "
                   "needs that; check the indentation"],
    "nul-byte": [f"events/nul-byte.yaml:3:28: error: invisible control character U+0000 {CONTROL}"],
    "c1-control": [f"events/c1-control.yaml:3:24: error: invisible control character U+0085 {CONTROL}"],
    "bidi-override": ["events/bidi-override.yaml:3:25: error: invisible control character U+202E "
                      f"{CONTROL}"],
    "bidi-isolate": [f"events/bidi-isolate.yaml:3:18: error: invisible control character U+2066 {CONTROL}"],
    "invalid-utf8-overlong": [f"events/invalid-utf8-overlong.yaml:3:17: error: byte 0xc0 {NOT_UTF8}"],
    "invalid-utf8-surrogate": [f"events/invalid-utf8-surrogate.yaml:3:21: error: byte 0xed {NOT_UTF8}"],
    "utf16": [f"events/utf16.yaml:1:1: error: byte 0xff {NOT_UTF8}"],
    "binary": [f"events/binary.yaml:1:1: error: byte 0x89 {NOT_UTF8}"],
    "transcript-latin1": ["documents/666-00000-00002.md:4:20: error: byte 0xe9 is not UTF-8: save "
                          "the transcript as UTF-8"],
    "reference-traversal": [
        f"events/reference-traversal.yaml:7:15: error: document: '../../etc/passwd' {NOT_ID}",
        f"events/reference-traversal.yaml:10:11: error: related: '../index' {NOT_ID}",
        f"events/reference-traversal.yaml:10:23: error: related: '/etc/passwd' {NOT_ID}",
        f"events/reference-traversal.yaml:10:38: error: related: 'events\\\\con' {NOT_ID}"],
    "space-in-name": ["events/my event.yaml:1:1: error: file name 'my event' is not an id: use "
                      "lower-case letters, digits and hyphens, e.g. 'my-event.yaml'"],
    "capitals-in-name": ["events/Upper-Case.yaml:1:1: error: file name 'Upper-Case' is not an id: "
                         "use lower-case letters, digits and hyphens, e.g. 'upper-case.yaml'"],
    "fullwidth-collision": [
        "events/\uff45\uff56-\uff46\uff55\uff4c\uff4c.yaml:1:1: error: id "
        "'\uff45\uff56-\uff46\uff55\uff4c\uff4c' collides with events/ev-full.yaml (they differ only "
        "in case or accents): rename one of them"],
    **{f"reserved-{name}": [f"events/{name}.yaml:1:1: error: file name '{name}' is reserved on "
                            "Windows, where the file could not be checked out: use a longer id, e.g. "
                            f"'{name}-1963.yaml'"] for name in ("con", "nul", "aux", "com1", "lpt9")},
    "symlinks": [f"events/link-{name}.yaml:1:1: {LINK}"
                 for name in ("dangling", "directory", "outside", "passwd")]
                + [f"documents/link-transcript.md:1:1: {LINK}",
                   "themes:1:1: error: the content folder is a symbolic link: replace it with the "
                   "folder itself"],
    "huge": [f"events/huge.yaml:1:1: error: file is {HUGE:,} bytes, over the limit of 262,144: split it",
             f"documents/666-00000-00005.md:1:1: error: file is {HUGE:,} bytes, over the limit of "
             "4,194,304: split it"],
    "many-errors": ["events/many-errors.yaml:61:1: error: ... and 4,950 more problems in this file "
                    "from here on: fix the ones above first, then check again"],
    "line-break-in-name": ["events/evil\\n::error file=forged.yaml,line=1::forged.yaml:1:1: error: "
                           "the file name holds the invisible character U+000A: rename it to "
                           "evil-error-file-forged-yaml-line-1-forged.yaml"],
    "crlf-positions": ["events/crlf-error.yaml:5:1: error: unknown field 'countrys' (did you mean "
                       "'countries'?)"],
}


def _make_runtime_payloads(project: Project, outside: Path) -> None:
    """What a repository cannot hold, or should not: links out, huge files, odd names."""
    events = project.root / "events"
    for name in ("con", "nul", "aux", "com1", "lpt9"):  # a repository holding these breaks Windows
        (events / f"{name}.yaml").write_text(GOOD_EVENT)
    outside.mkdir()
    (outside / "event.yaml").write_text(GOOD_EVENT.replace("Paris as the hub", "an outside file"))
    (outside / "transcript.md").write_text("## Page 1\n\nSecret text from outside.\n")
    (events / "link-passwd.yaml").symlink_to("/etc/passwd")
    (events / "link-outside.yaml").symlink_to(outside / "event.yaml")
    (events / "link-dangling.yaml").symlink_to(outside / "nowhere.yaml")
    (events / "link-directory.yaml").symlink_to(outside)
    (project.root / "documents" / "link-transcript.md").symlink_to(outside / "transcript.md")
    shutil.move(project.root / "themes", outside / "themes")
    (project.root / "themes").symlink_to(outside / "themes")
    for path in (events / "huge.yaml", project.root / "documents" / "666-00000-00005.md"):
        with path.open("wb") as handle:  # sparse: takes no disk space, and must never be read
            handle.truncate(HUGE)
    project.write("events/many-errors.yaml", GOOD_EVENT + "".join(f"k{i}: x\n" for i in range(5000)))
    project.write("events/evil\n::error file=forged.yaml,line=1::forged.yaml", GOOD_EVENT)


def _limit_memory() -> None:
    """In the child: 4 GiB of address space, so reading a huge file or expanding a bomb fails."""
    resource.setrlimit(resource.RLIMIT_AS, (4 * 1024**3, 4 * 1024**3))


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root), "check", *args],
                            cwd=root, capture_output=True, text=True, timeout=300,
                            preexec_fn=_limit_memory, env={**os.environ, "GITHUB_ACTIONS": ""})
    return result.returncode, (result.stdout + result.stderr).splitlines()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    base = tmp_path_factory.mktemp("hostile")
    project = Project(base / "project")
    for part in ("rejected", "accepted"):
        shutil.copytree(HOSTILE / part, project.root, dirs_exist_ok=True)
    _make_runtime_payloads(project, base / "outside")
    return project


@pytest.fixture(scope="module")
def checked(hostile: Project) -> tuple[int, list[str]]:
    return _check(hostile.root)


@pytest.mark.parametrize("case", list(EXPECTED))
def test_each_payload_is_refused_with_its_position(checked: tuple[int, list[str]], case: str) -> None:
    code, lines = checked
    assert code == 1
    missing = [line for line in EXPECTED[case] if line not in lines]
    assert not missing, "\n".join(["missing:", *missing, "printed:", *lines])


def test_nothing_ran_and_every_line_is_a_problem(hostile: Project, checked: tuple[int, list[str]]) -> None:
    _, lines = checked
    assert not (hostile.root / "hostile-pwned").exists()
    assert not any("Traceback" in line for line in lines)
    *problems, summary = lines
    assert all(": error: " in line for line in problems), [p for p in problems if ": error: " not in p]
    assert summary.startswith("checked ") and summary.endswith(" errors")
    assert not any(".hidden" in line for line in lines)  # hidden files are not records
    assert not any("outside file" in line or "Secret text" in line for line in lines)


def test_a_file_name_cannot_forge_an_annotation(hostile: Project) -> None:
    _, lines = _check(hostile.root, "--format", "github")
    assert not any(line.startswith("::error file=forged.yaml") for line in lines)
    name = "events/evil\\n%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged.yaml"
    assert all(line.startswith(f"::error file={name},") for line in lines if "forged.yaml," in line)
    assert (f"::error file={name},line=1,col=1::the file name holds the invisible character "
            "U+000A: rename it to evil-error-file-forged-yaml-line-1-forged.yaml") in lines


def test_byte_order_marks_and_windows_line_ends_just_work(tmp_path: Path) -> None:
    from desclasificado.check.project import check_project

    project = Project(tmp_path / "project")
    shutil.copytree(HOSTILE / "accepted", project.root, dirs_exist_ok=True)
    (project.root / "events" / "crlf-error.yaml").unlink()
    result = check_project(project.root)
    assert [p.format() for p in result.problems] == []
    assert result.collection.events["bom-crlf"].title == "BOM and CRLF"
    transcript = result.collection.transcripts["666-00000-00003"]
    assert transcript.pages == {1: "The first page.",
                                2: "The station chief wrote that the\nnetwork was dis-\nbanded in May."}


# --- markup ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def markup(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("markup") / "project")
    shutil.copytree(HOSTILE / "markup", project.root, dirs_exist_ok=True)
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def test_no_payload_is_live_anywhere_in_the_site(markup: SiteProject) -> None:
    site = markup.root / "site"
    assert len(list(site.rglob("*.html"))) > 30
    assert live_markup(site) == []
    assert unsafe_search_locations(site) == []


def test_payloads_are_shown_as_text(markup: SiteProject) -> None:
    links = markup.page("events/links/")
    assert links.find("h1").words() == 'Links: "><script>alert(34)</script>'
    attributes = markup.page("events/attribute-lists/")
    assert attributes.find("h1").words() == "</title><script>alert(37)</script> {{ 7*7 }}"
    assert "Template syntax: {{ 7 + 7 }} {% raw %} ${7 + 7} #{7 + 7}" in attributes.find(class_="body").words()
    assert "{: onclick=alert(38) }" in attributes.find(class_="summary").words()
    facts = attributes.find("dl", class_="facts").words()
    assert "javascript:alert(39)" in facts and "<a href=javascript:alert(40)>x</a>" in facts
    document = markup.page("documents/666-00000-00004/")
    assert document.find("h1").words() == "</pre><script>alert(41)</script>"
    mark = document.by_id("q-transcript-markup-1")
    assert mark.words().startswith("The cable read </pre><script>alert(43)</script> and <!-- then")


def test_contributor_links_keep_only_web_addresses(markup: SiteProject) -> None:
    pages = all_pages(markup.root / "site")
    for url in ("events/links/index.html", "events/raw-html/index.html",
                "events/attribute-lists/index.html"):
        for element in pages[url].find("article").find_all("a"):
            href = element.get("href")
            if href is not None and (element.parent is None or element.parent.get("class") != "cite"):
                assert href.startswith(("https://", "http://", "mailto:", "#", "../", "./")), (url, href)


def test_the_id_index_is_an_ordinary_id(markup: SiteProject) -> None:
    site = markup.root / "site"
    for page in ("events/index/", "actors/index/", "themes/index/"):
        assert (site / page / "index.html").is_file(), page
    assert "An event whose id is index" in markup.page("timeline/").words()
    assert "../actors/index/" in markup.page("actors/").links()


PAYLOADS = {  # raw markup, as if a renderer had forgotten to escape: each must be found
    "script": "<script>alert(1)</script>",
    "handler": '<p onclick="alert(1)">x</p>',
    "address": '<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>',
    "data address": '<iframe src="data:text/html,x"></iframe>',
    "frame elsewhere": '<iframe src="https://evil.example/"></iframe>',
    "style element": "<style>*{display:none}</style>",
    "style attribute": '<div style="position:fixed">x</div>',
    "object": '<object data="x.swf"></object>',
    "meta refresh": '<meta http-equiv="refresh" content="0">',
    "base": '<base href="https://evil.example/">',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "script elsewhere": '<script src="https://evil.example/x.js"></script>',
    "script made up": '<script src="../js/made-up.js"></script>',
    "image elsewhere": '<img src="https://evil.example/pixel.png">',
    "json breakout": '<script>var base_url = "..";alert(1);"";</script>',
}


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_the_html_check_finds_each_kind_of_live_markup(markup: SiteProject, tmp_path: Path,
                                                      payload: str) -> None:
    """The check above could pass by finding nothing: here each payload, unescaped, is found."""
    site = tmp_path / "site"
    shutil.copytree(markup.root / "site", site)
    page = site / "events" / "links" / "index.html"
    page.write_text(page.read_text().replace("</main>", PAYLOADS[payload] + "</main>"))
    found = live_markup(site)
    assert found and all(line.startswith("events/links/index.html: <") for line in found), found

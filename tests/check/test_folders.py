"""Every file in a content folder is read or reported, in `check` and in `check PATH`
(issue 19, "Records that silently vanish"): hidden files and READMEs are the only exceptions."""

from __future__ import annotations

import pytest

from tests.conftest import GOOD_EVENT, SEED, Project

EVENTS_ONLY = "events/ holds only .yaml records (in lower case), so this file is not read"
DOCS_ONLY = ("documents/ holds only .yaml records and .md or .txt transcripts (in lower case), "
             "so this file is not read")

STRAY = {  # each file, as written, and the one line the check prints for it
    "events/x.YAML": f"{EVENTS_ONLY}: rename it to x.yaml, or move it out of events/",
    "events/x.yaml.txt": f"{EVENTS_ONLY}: rename it to x.yaml, or move it out of events/",
    "events/x.md": f"{EVENTS_ONLY}: rename it to x.yaml, or move it out of events/",
    "events/x.yaml~": (f"{EVENTS_ONLY} (it looks like an editor's backup: delete it if it is "
                       "one): rename it to x.yaml, or move it out of events/"),
    "events/notes": f"{EVENTS_ONLY}: rename it to notes.yaml, or move it out of events/",
    "events/x.yml": "records are .yaml files: rename it to x.yaml",
    "actors/Spy.Yaml": "actors/ holds only .yaml records (in lower case), so this file is not "
                       "read: rename it to spy.yaml, or move it out of actors/",
    "events/1963/x.yaml": "records are not read from subfolders of events/: move it to "
                          "events/x.yaml",
    "themes/old/deep/t.yml": "records are not read from subfolders of themes/: move it to "
                             "themes/t.yaml",
    f"documents/{SEED}.MD": f"{DOCS_ONLY}: rename it to {SEED}.md, or move it out of documents/",
    "documents/x.yaml.txt": f"{DOCS_ONLY}: rename it to x.yaml, or move it out of documents/",
    "documents/scan.pdf": (f"{DOCS_ONLY}: rename it to scan.yaml (a record) or scan.md (its "
                           "transcript), or move it out of documents/"),
    "events/x\n.yaml": "the file name holds the invisible character U+000A: rename it to x.yaml",
    "events/x\u202e.yaml": "the file name holds the invisible character U+202E: rename it to "
                           "x.yaml",
    "pages/about.MD": ("page suffixes are in lower case (as .MD, the file would be published as "
                       "it is, not as a page): rename it to about.md"),
    "pages/guide/old.md~": ("pages/ publishes every file, and this one looks like an editor's "
                            "backup: delete it, or move it out of pages/"),
    "pages/bad\tname.md": "the file name holds the invisible character U+0009: rename it to "
                          "bad-name.md",
}


def _shown(rel: str) -> str:
    return rel.encode("unicode_escape").decode("ascii")


@pytest.fixture
def strays(project: Project) -> Project:
    for rel in STRAY:
        project.write(rel, GOOD_EVENT)
    if (project.root / "documents" / f"{SEED}.md").exists():
        (project.root / "documents" / f"{SEED}.md").rename(project.root / "documents" / f"{SEED}.MD")
    project.write("events/.hidden.yaml~", "ignored")
    project.write("events/README.md", "About this folder")
    project.write("pages/.notes.md~", "ignored: MkDocs skips hidden files")
    project.write("pages/picture.png", b"\x89PNG")  # published as it is, as meant
    return project


def test_every_unread_file_is_an_error_with_its_fix(strays: Project) -> None:
    code, lines = strays.check()
    assert code == 1
    expected = [f"{_shown(rel)}:1:1: error: {message}" for rel, message in STRAY.items()]
    missing = [line for line in expected if line not in lines]
    assert not missing, "\n".join(["missing:", *missing, "printed:", *lines])
    assert lines[-1].endswith(f": {len(STRAY)} errors")
    assert not any("hidden" in line or "README" in line or "picture" in line for line in lines)


@pytest.mark.parametrize("rel", list(STRAY))
def test_check_path_reports_the_named_file(strays: Project, rel: str) -> None:
    code, lines = strays.check(str(strays.root / rel))
    assert (code, lines) == (1, [f"{_shown(rel)}:1:1: error: {STRAY[rel]}",
                                 "checked 1 file(s) against the collection: 1 error"])


def test_a_folder_reports_its_subfolders(strays: Project) -> None:
    code, lines = strays.check(str(strays.root / "themes"))
    assert lines == [f"themes/old/deep/t.yml:1:1: error: {STRAY['themes/old/deep/t.yml']}",
                     "checked 1 file(s) against the collection: 1 error"]


def test_a_link_is_checked_where_it_is_named(project: Project, tmp_path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(GOOD_EVENT)
    (project.root / "events" / "link.yaml").symlink_to(outside)
    (project.root / "pages").mkdir()
    (project.root / "pages" / "secret.md").symlink_to(outside)
    code, lines = project.check(str(project.root / "events" / "link.yaml"),
                                str(project.root / "pages" / "secret.md"))
    assert code == 1
    assert lines[:2] == [
        "events/link.yaml:1:1: error: symbolic links are not allowed in content folders: "
        "replace the link with the file",
        "pages/secret.md:1:1: error: symbolic links are not allowed in pages/: replace the link "
        "with the file itself"]

"""`build.py check PATH...`: only the named files are reported, checked against the whole collection."""

from __future__ import annotations

import pytest

from desclasificado.cli import main
from tests.conftest import GOOD_EVENT, Project

BAD = GOOD_EVENT.replace("title:", "titel:")
BAD_LINE = "events/bad.yaml:2:1: error: unknown field 'titel' (did you mean 'title'?)"


def run(project: Project, capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[str], str]:
    code = main(["check", *paths], root=project.root)
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.fixture
def two_files(project: Project) -> Project:
    project.write("events/bad.yaml", BAD)
    return project


def test_a_path_relative_to_a_subfolder(two_files: Project, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_files.root / "events")
    assert run(two_files, capsys, "bad.yaml") == (
        1, [BAD_LINE, "checked 1 file(s) against the collection: 1 error"], "")
    assert run(two_files, capsys, "1963-04-11-paris.yaml") == (
        0, ["checked 1 file(s) against the collection: 0 errors"], "")


def test_a_path_relative_to_the_project(two_files: Project, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_files.root)
    assert run(two_files, capsys, "events/bad.yaml")[:2] == (
        1, [BAD_LINE, "checked 1 file(s) against the collection: 1 error"])


def test_a_folder_stands_for_its_files(two_files: Project, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_files.root)
    two_files.write("actors/bad.yaml", 'name: "x"\n')
    code, lines, _ = run(two_files, capsys, "events")
    assert (code, lines[0]) == (1, BAD_LINE) and len(lines) == 2


def test_a_file_is_checked_against_the_others(project: Project,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    project.write("events/b.yaml", GOOD_EVENT + 'related: ["1963-04-11-pari"]\n')
    code, lines, _ = run(project, capsys, str(project.root / "events/b.yaml"))
    line = len(GOOD_EVENT.splitlines()) + 1
    assert lines[0] == (f"events/b.yaml:{line}:11: error: unknown event '1963-04-11-pari' (did "
                        "you mean '1963-04-11-paris'?): no file events/1963-04-11-pari.yaml")


def test_a_path_that_does_not_exist_is_an_error(two_files: Project,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_files.root)
    code, lines, err = run(two_files, capsys, "events/bda.yaml", "events/bad.yaml")
    assert (code, lines) == (2, [])
    assert err == f"events/bda.yaml: error: no such file or folder (from {two_files.root})\n"


def test_a_file_outside_the_content_folders_is_an_error(
        two_files: Project, capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    two_files.write("templates/event.yaml", BAD)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(BAD)
    code, lines, err = run(two_files, capsys, str(two_files.root / "templates/event.yaml"),
                           str(outside))
    assert code == 2
    assert err.splitlines() == [
        f"{two_files.root / 'templates/event.yaml'}: error: not a record: only files in "
        "events/, documents/, actors/, themes/, pages/ are checked",
        f"{outside}: error: outside the project folder {two_files.root}",
    ]


def test_a_transcript_can_be_named(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.write("documents/104-10054-10060.md", "## Page 1\n\ntext\n")
    code, lines, _ = run(project, capsys, str(project.root / "documents/104-10054-10060.md"))
    assert lines == ["documents/104-10054-10060.md:1:1: error: transcript without a document: "
                     "add documents/104-10054-10060.yaml",
                     "checked 1 file(s) against the collection: 1 error"]

"""CONTRIBUTING.md stays true: its examples pass the check, its commands exist and print what it
shows; its Spanish edition, CONTRIBUTING.es.md, shows the same commands, examples and names."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from desclasificado.cli import _parser, main
from tests.check.test_friendly_errors import CASES
from tests.conftest import GOOD_EVENT, REPO, Project

TEXT = (REPO / "CONTRIBUTING.md").read_text()
TEXT_ES = (REPO / "CONTRIBUTING.es.md").read_text()
GUIDES = {"CONTRIBUTING.md": TEXT, "CONTRIBUTING.es.md": TEXT_ES}
EXAMPLE_EVENTS = ("1963-04-11-mir-four-fronts", "1962-06-peruvians-trained-in-cuba")
#: Commands another engineer is adding; remove a name here once `python build.py NAME` exists.
PENDING_COMMANDS: set[str] = set()


def _blocks(language: str, text: str = TEXT) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def _inline_code(text: str) -> set[str]:
    """The `code` of the guide's prose (the blocks left out), its spaces and breaks as one."""
    prose = re.sub(r"^```.*?^```$", "", text, flags=re.MULTILINE | re.DOTALL)
    return {" ".join(code.split()) for code in re.findall(r"`([^`]+)`", prose)}


def _indented(text: str) -> list[str]:
    """The guide's indented blocks (the output of `quote`) and quoted passages."""
    return re.findall(r"(?:^(?:    |> ).*\n)+", re.sub(r"^```.*?^```$", "", text,
                                                     flags=re.MULTILINE | re.DOTALL),
                      re.MULTILINE)


def _console() -> list[tuple[str, list[str]]]:
    """(command, output lines) of every `$ python build.py ...` in the console blocks."""
    runs = []
    for block in _blocks("console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                runs.append((line[2:], []))
            elif runs:
                runs[-1][1].append(line)
    return [(command, out) for command, out in runs if command.startswith("python build.py")]


@pytest.fixture
def example(project: Project) -> Project:
    """The tmp project with the worked example's records written from CONTRIBUTING.md."""
    for name in ("mir-peru", "government-of-cuba"):
        shutil.copy(REPO / "actors" / f"{name}.yaml", project.root / "actors")
    for name in ("guerrilla-training", "coups", "cuban-support-for-revolution"):
        shutil.copy(REPO / "themes" / f"{name}.yaml", project.root / "themes")
    document, *events, _translation = _blocks("yaml")
    project.write("documents/176-10036-10058.yaml", document)
    assert len(events) == len(EXAMPLE_EVENTS)
    for event_id, text in zip(EXAMPLE_EVENTS, events, strict=True):
        project.write(f"events/{event_id}.yaml", text)
        for related in re.findall(r'"([^"]+)"', text.split("\nrelated:")[1]):
            if not (project.root / f"events/{related}.yaml").exists():
                project.write(f"events/{related}.yaml", GOOD_EVENT)
    return project


def test_the_worked_example_passes_the_check(example: Project) -> None:
    code, lines = example.check()
    assert (code, lines[:-1]) == (0, [])


def test_the_translated_example_passes_the_check(example: Project) -> None:
    translation = _blocks("yaml")[-1]
    assert translation.startswith("translations:\n  es:\n")
    path = example.root / "events" / f"{EXAMPLE_EVENTS[0]}.yaml"
    path.write_text(path.read_text() + translation)
    code, lines = example.check("--missing-translation", "es", str(path))
    assert (code, lines) == (0, ["checked 1 file(s) against the collection: 0 errors",
                                 "0 missing Spanish translation(s) in the named file(s)"])


def test_the_example_events_quote_the_document_as_on_the_site_now() -> None:
    _, *events = _blocks("yaml")
    for text in events:
        for quote in re.findall(r'^    quote: "(.*)"$', text, re.MULTILINE):
            assert quote in (REPO / "documents/176-10036-10058.md").read_text().replace("\n", " ")


@pytest.mark.parametrize(("command", "output"), _console(), ids=lambda v: str(v)[:40])
def test_console_examples_print_what_the_guide_shows(
        example: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: str, output: list[str]) -> None:
    argv = shlex.split(command)[2:]
    name = argv[0] if argv else "build"
    assert name in _parser()._subparsers._group_actions[0].choices or name in PENDING_COMMANDS
    if name not in ("new", "check"):
        return  # needs files the guide does not show (import-rif) or starts a server (serve)
    monkeypatch.chdir(example.root)
    main(argv, root=example.root)
    assert capsys.readouterr().out.splitlines() == output


@pytest.mark.parametrize("text", GUIDES.values(), ids=GUIDES.keys())
def test_every_command_in_the_guide_exists(text: str) -> None:
    commands = set(re.findall(r"python build\.py ([a-z-]+)", text))
    known = set(_parser()._subparsers._group_actions[0].choices)
    assert commands - known <= PENDING_COMMANDS, commands - known


def test_the_error_examples_are_what_the_check_prints() -> None:
    pinned = {line for _, _, expected in CASES for line in expected or []}
    shown = [line for block in _blocks("text") for line in block.splitlines()]
    assert len(shown) > 5 and set(shown) <= pinned, set(shown) - pinned


@pytest.mark.parametrize("text", GUIDES.values(), ids=GUIDES.keys())
def test_the_templates_the_guide_names_exist(text: str) -> None:
    for path in re.findall(r"`(templates/[\w.]+)`", text):
        assert (REPO / path).is_file(), path


def test_import_rif_shows_its_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guide asks to compare the fields with the PDF: the importer says which to check."""
    (tmp_path / "documents").mkdir()
    transcript = shutil.copy(REPO / "documents" / "124-10280-10057.md", tmp_path / "rif.md")
    assert main(["import-rif", str(transcript)], root=tmp_path) == 0
    first, *details = capsys.readouterr().out.splitlines()
    count = re.search(r"(\d+) warnings?\)$", first)
    assert count and len(details) == int(count.group(1)) > 0
    assert all(line.startswith("    ") for line in details)


def test_the_spanish_guide_shows_what_the_english_one_shows() -> None:
    """The Spanish edition translates the prose only: every block (commands, records, output,
    messages), every quoted passage and every name in `code` is the English one's, so that
    the tests above, which run the English ones, vouch for both and the two cannot drift."""
    assert _blocks("[a-z]*", TEXT_ES) == _blocks("[a-z]*") and len(_blocks("[a-z]*")) > 10
    assert _indented(TEXT_ES) == _indented(TEXT) and len(_indented(TEXT)) == 2
    assert _inline_code(TEXT_ES) == _inline_code(TEXT)
    headings = [re.findall(r"^(#+) (\d*)", text, re.MULTILINE) for text in (TEXT, TEXT_ES)]
    assert headings[0] == headings[1]  # the same sections, numbered alike ("section 6")


@pytest.mark.parametrize(("name", "other"), [("CONTRIBUTING.md", "CONTRIBUTING.es.md"),
                                             ("CONTRIBUTING.es.md", "CONTRIBUTING.md")])
def test_each_guide_links_to_the_other_under_its_title(name: str, other: str) -> None:
    title, blank, link, *_ = GUIDES[name].splitlines()
    assert title.startswith("# ") and blank == ""
    assert f"]({other})" in link and (REPO / other).is_file()

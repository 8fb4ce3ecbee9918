"""Invisible characters outside file names (issue 19): a transcript is held to the rules of a
YAML file (no NUL, ESC, BEL, direction override or isolate), a title refuses even the plain
direction marks, and no field of a message can write a line of its own in `check`'s output."""

from __future__ import annotations

import pytest

from desclasificado.problems import Problem
from tests.conftest import GOOD_EVENT, SEED, Project

CONTROL = ("invisible control character U+{:04X} is not allowed: delete it (it often comes "
           "from copying text out of a PDF or a word processor)")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\u202e", "\u2067", "\ufeff"])
def test_a_transcript_with_a_control_or_override_character_is_refused(
        project: Project, char: str) -> None:
    path = project.root / "documents" / f"{SEED}.md"
    text = path.read_text(encoding="utf-8")
    at = text.index("Paris")
    path.write_text(text[:at] + char + text[at:], encoding="utf-8")
    line = text[:at].count("\n") + 1
    column = at - text.rfind("\n", 0, at)
    code, lines = project.check()
    assert code == 1
    assert f"documents/{SEED}.md:{line}:{column}: error: {CONTROL.format(ord(char))}" in lines


@pytest.mark.parametrize("char", ["\u200e", "\u200f", "\u061c"])
def test_a_title_with_a_direction_mark_is_refused(project: Project, char: str) -> None:
    title = 'title: "CIA source names Paris'
    project.write("events/bad.yaml", GOOD_EVENT.replace(title, title + char))
    code, lines = project.check()
    assert code == 1
    assert any(line.startswith("events/bad.yaml:2:8: error: ") and f"U+{ord(char):04X}" in line
               and "direction mark" in line for line in lines), "\n".join(lines)


def test_a_summary_may_hold_a_direction_mark(project: Project) -> None:
    project.write("events/ok.yaml", GOOD_EVENT.replace("had become", "had\u200f become"))
    code, lines = project.check()
    assert (code, lines[-1:]) == (0, ["checked 2 events, 1 documents, 1 actors, 1 themes: 0 errors"])


@pytest.mark.parametrize("style", ["text", "github"])
def test_no_field_of_a_message_can_forge_a_line(style: str) -> None:
    forged = "x\nchecked 0 events: 0 errors\r\x1b[2K\u2028\u0085"
    shown = Problem(f"documents/{forged}.md", 1, 1, f"no transcript {forged}").format(style)
    assert len(shown.splitlines()) == 1
    assert "\x1b" not in shown

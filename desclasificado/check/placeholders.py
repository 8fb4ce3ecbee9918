"""Placeholders: the `TODO: ...` values that templates and `build.py new` leave to fill in.

A text value that starts with `TODO` is a placeholder, and the words after it say what to
write, e.g. ``quote: "TODO: copy the document's words that support the event"``. The check
reports each placeholder as an error saying what to fill in, and that message replaces any
other problem found at the same place: a placeholder quote is of course not in the
transcript, and a placeholder date is not a date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desclasificado.load.records import RawProject, RawRecord
from desclasificado.problems import Problem

MARKER = "TODO"

Loc = tuple[Any, ...]


def placeholder(instruction: str) -> str:
    """The placeholder text for a value still to be written: 'TODO: <instruction>'."""
    return f"{MARKER}: {instruction}"


def is_placeholder(value: Any) -> bool:
    """True for a text value that starts with the TODO marker."""
    return isinstance(value, str) and value.lstrip().startswith(MARKER)


def placeholder_locations(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every placeholder in a record's data: its path (e.g. ("sources", 0, "quote")) and text."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_locations(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_locations(value, (*loc, index))
    elif is_placeholder(data):
        yield loc, data


def record_placeholders(record: RawRecord) -> list[Problem]:
    """One problem per placeholder of a record, saying which field to fill in and how."""
    problems: list[Problem] = []
    if not record.may_have_placeholders:
        return problems
    for loc, text in placeholder_locations(record.data):
        field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
        instruction = text.strip()[len(MARKER):].lstrip(" :.-").strip()
        message = f"fill in {field!r}: " + (instruction or "replace TODO with the real value")
        problems.append(record.positions.problem(loc, message))
    return problems


def placeholder_problems(raw: RawProject) -> list[Problem]:
    """The placeholders left in every record of a project."""
    return [problem for record in raw.records for problem in record_placeholders(record)]


def supersede(causes: list[Problem], consequences: list[Problem]) -> list[Problem]:
    """`causes`, then the `consequences` reported at a place where no cause was.

    A problem at the very file, line and column of a more fundamental one is its echo:
    `pages: 0777` is reported as a number YAML misreads, not also as a page 777, and a
    placeholder quote as a placeholder, not also as a quote missing from the transcript.
    """
    places = {(p.path, p.line, p.column) for p in causes}
    return causes + [p for p in consequences if (p.path, p.line, p.column) not in places]

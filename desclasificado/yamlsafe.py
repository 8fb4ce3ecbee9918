"""Strict YAML reading that remembers where every value came from.

`read_yaml()` returns plain Python data (dicts, lists, str, int, bool, None) and a
`Positions` table mapping each value's path, e.g. ``("sources", 0, "quote")``, to its
line and column. It refuses what YAML gets silently wrong: duplicate keys, anchors and
aliases, tags, non-text keys, values YAML 1.1 would quietly turn into something else
(``NO`` -> false, ``0777`` -> 511, ``1963-04-11`` -> a date), oversized files, bytes that
are not UTF-8, control and text-direction characters, and tabs used for indentation.

Parsing uses PyYAML's event stream (its C parser when present), so no YAML is ever
turned into objects by PyYAML itself: nothing in a file can construct Python objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .problems import ContentError, Problem, show

try:  # PyYAML's C parser is about 9x faster; fall back to pure Python when absent.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12
_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
# C0/C1 controls except tab, newline and carriage return; direction overrides and isolates.
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)

Path_ = tuple[Any, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) of one file starts, 1-based."""

    path: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def of(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of `loc`, or of its nearest known ancestor."""
        table = self.keys if key else self.values
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Path_, message: str, key: bool = False) -> Problem:
        line, column = self.of(loc, key)
        return Problem(self.path, line, column, message)


def read_yaml(data: bytes, path: str) -> tuple[Any, Positions, list[Problem]]:
    """Decode and parse one YAML file.

    Raises ContentError when the file cannot be read at all (encoding, syntax). Values
    that were refused but could be kept as text (``NO``, a tagged value) come back with
    the data as problems, so that the models can still report everything else.
    """
    text = _decode(data, path)
    positions = Positions(path)
    builder = _Builder(positions)
    try:
        value = builder.document(iter(yaml.parse(text, Loader=_Loader)))
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, path, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark are rare
        raise ContentError([Problem(path, 1, 1, f"not valid YAML: {exc}")]) from None
    return value, positions, builder.problems


def _decode(data: bytes, path: str) -> str:
    if len(data) > MAX_BYTES:
        raise ContentError([Problem(
            path, 1, 1,
            f"file is {len(data):,} bytes, over the limit of {MAX_BYTES:,}: "
            "split it, or move long text into the document's transcript",
        )])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark is harmless: drop it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data[: exc.start].decode("utf-8", "replace"))
        raise ContentError([Problem(
            path, line, column,
            f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8 "
            "(in most editors: 'Save with encoding' > 'UTF-8')",
        )]) from None
    problems = _character_problems(text, path)
    if problems:
        raise ContentError(problems)
    return text.replace("\r\n", "\n")


def _character_problems(text: str, path: str) -> list[Problem]:
    problems = []
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        line, column = _line_col(text[: bad.start()])
        problems.append(Problem(
            path, line, column,
            f"invisible control character U+{ord(bad.group()):04X} is not allowed: "
            "delete it (it often comes from copying text out of a PDF or a word processor)",
        ))
    tab = _TAB_INDENT.search(text)
    if tab:
        line, column = _line_col(text[: tab.end() - 1])
        problems.append(Problem(
            path, line, column,
            "a tab is used for indentation: YAML needs spaces; replace the tab with spaces",
        ))
    return problems


def _line_col(before: str) -> tuple[int, int]:
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if "end of stream" in what and "quoted scalar" in context:
        start = exc.context_mark
        line, column = (start.line + 1, start.column + 1) if start else (line, column)
        message = "a quote mark is opened here and never closed: add the closing quote mark"
    elif "mapping values are not allowed" in what:
        message = ("a ':' followed by a space inside a value: put the whole value in "
                   'double quotes, e.g. title: "Operation Mongoose: the plan"')
    elif "expected a single document" in context or "but found another document" in what:
        message = "a second YAML document ('---') in one file: keep one record per file"
    elif "could not find expected ':'" in what:
        message = ("a line is not of the form 'field: value': check for a missing ':' or an "
                   "unclosed quote mark on the lines above")
    else:
        message = f"YAML syntax: {what or context}; check the indentation and quote marks here"
    return Problem(path, line, column, message)


class _Builder:
    """Turns the YAML event stream into plain data, recording positions and problems."""

    def __init__(self, positions: Positions):
        self.positions = positions
        self.problems: list[Problem] = []

    def _problem(self, mark: yaml.Mark, message: str) -> None:
        self.problems.append(Problem(self.positions.path, mark.line + 1, mark.column + 1, message))

    def document(self, stream: Iterator[ev.Event]) -> Any:
        value = None
        documents = 0
        for event in stream:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._problem(event.start_mark, "a second YAML document ('---') in one "
                                  "file: keep one record per file")
                    return value
                value = self.node(next(stream), stream, (), 0)
        return value

    def node(self, event: ev.Event, stream: Iterator[ev.Event], loc: Path_, depth: int) -> Any:
        mark = event.start_mark
        self.positions.values[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(event, ev.AliasEvent) or getattr(event, "anchor", None):
            self._problem(mark, "anchors and aliases ('&name', '*name') are not allowed: "
                          "write the value out in full")
        if getattr(event, "tag", None) not in (None, "!"):
            self._problem(mark, f"YAML tags such as {event.tag!r} are not allowed: remove "
                          "the tag; to keep a value as text, put it in double quotes")
        if depth > MAX_DEPTH:
            self._problem(mark, f"nested more than {MAX_DEPTH} levels deep: no record "
                          "needs that; check the indentation")
            self._skip(event, stream)
            return None
        if isinstance(event, ev.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, ev.SequenceStartEvent):
            return self.sequence(stream, loc, depth)
        if isinstance(event, ev.MappingStartEvent):
            return self.mapping(stream, loc, depth)
        return None

    def sequence(self, stream: Iterator[ev.Event], loc: Path_, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in stream:
            if isinstance(event, ev.SequenceEndEvent):
                break
            items.append(self.node(event, stream, (*loc, len(items)), depth + 1))
        return items

    def mapping(self, stream: Iterator[ev.Event], loc: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in stream:
            if isinstance(event, ev.MappingEndEvent):
                break
            key = self.key(event, stream, loc, depth)
            value_event = next(stream)
            if key is None:
                self.node(value_event, stream, (*loc, "?"), depth + 1)
                continue
            if key in result:
                self._problem(event.start_mark, f"field {key!r} is given twice: keep one "
                              "(YAML would silently use the last)")
            self.positions.keys[(*loc, key)] = (event.start_mark.line + 1,
                                                event.start_mark.column + 1)
            result[key] = self.node(value_event, stream, (*loc, key), depth + 1)
        return result

    def key(self, event: ev.Event, stream: Iterator[ev.Event], loc: Path_,
            depth: int) -> str | None:
        if not isinstance(event, ev.ScalarEvent):
            self._problem(event.start_mark, "a field name must be plain text, not a list "
                          "or a mapping")
            self.node(event, stream, (*loc, "?"), depth + 1)
            return None
        if event.anchor or event.tag not in (None, "!"):
            self.node(event, stream, (*loc, "?"), depth + 1)
            return None
        if _is_plain(event) and _implicit_tag(event.value) != _STR or event.value == "<<":
            self._problem(event.start_mark, f"field name {show(event.value)} is not text "
                          "to YAML: field names are words such as 'title' or 'date'")
            return None
        return event.value

    def scalar(self, event: ev.ScalarEvent) -> Any:
        value = event.value
        if not _is_plain(event):
            return value  # quoted or block scalar: always text
        tag = _implicit_tag(value)
        if tag == _STR:
            return value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool") and value in ("true", "false"):
            return value == "true"
        if tag.endswith(":int") and _PLAIN_INT.match(value):
            return int(value)
        self._problem(event.start_mark, _coercion_message(value, tag))
        return value

    def _skip(self, event: ev.Event, stream: Iterator[ev.Event]) -> None:
        if not isinstance(event, (ev.SequenceStartEvent, ev.MappingStartEvent)):
            return
        level = 1
        for inner in stream:
            if isinstance(inner, (ev.SequenceStartEvent, ev.MappingStartEvent)):
                level += 1
            elif isinstance(inner, (ev.SequenceEndEvent, ev.MappingEndEvent)):
                level -= 1
                if level == 0:
                    return


def _is_plain(event: ev.ScalarEvent) -> bool:
    """A plain (unquoted, untagged) scalar: the only kind YAML reinterprets."""
    return event.tag is None and event.implicit[0]


def _implicit_tag(value: str) -> str:
    return _RESOLVER.resolve(ScalarNode, value, (True, False))


def _coercion_message(value: str, tag: str) -> str:
    kind = tag.rsplit(":", 1)[-1]
    quoted = f'"{value}"'
    if kind == "timestamp":
        return (f"YAML reads {value} as a date object, not as text: write it in double "
                f"quotes, {quoted}")
    if kind == "bool":
        meaning = "true" if value.lower() in ("yes", "y", "on", "true") else "false"
        return (f"YAML reads {value} as {meaning}, not as the text {value!r}: write it in "
                f"double quotes, {quoted}")
    if kind == "int":
        try:
            number: Any = yaml.safe_load(value)
        except yaml.YAMLError:  # pragma: no cover
            number = "a number"
        return (f"YAML reads {value} as the number {number}: write it in double quotes, "
                f"{quoted}, or as a plain decimal number")
    return f"YAML reads {value} as a {kind}, not as text: write it in double quotes, {quoted}"

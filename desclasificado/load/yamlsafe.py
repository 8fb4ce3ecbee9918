"""Strict YAML reading that remembers where every value came from.

`read_yaml()` returns plain Python data (dicts, lists, str, int, bool, None) and a
`Positions` table mapping each value's path, e.g. ``("sources", 0, "quote")``, to its
line and column. It refuses what YAML gets silently wrong: duplicate keys, anchors and
aliases, tags, non-text keys, values YAML 1.1 would quietly turn into something else
(``NO`` -> false, ``0777`` -> 511, ``1963-04-11`` -> a date), oversized files, bytes that
are not UTF-8, control and text-direction characters, and tabs used for indentation.

Parsing uses PyYAML's C parser and composer when present (about 9x faster than pure
Python) with a base resolver, and construction is replaced by our own walk over the
nodes: no tag in a file can make PyYAML construct a Python object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from desclasificado.load.yamlhints import syntax_hint
from desclasificado.problems import ContentError, Problem, show

try:  # PyYAML's C parser is about 9x faster; fall back to pure Python when absent.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12
_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = frozenset({_STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
# C0/C1 controls except tab, newline and carriage return; direction overrides and isolates.
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
# The bytes of ASCII text that are not _FORBIDDEN_CHARS: deleting them leaves nothing.
_ALLOWED_ASCII = bytes([9, 10, 13, *range(32, 127)])

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
    loader = _NodeLoader(text)
    loader.builder = _Builder(positions, aliases="*" in text)
    try:
        value = loader.get_single_data()
        problems = _anchor_problems(text, path) if ("&" in text or "*" in text) else []
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, path, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark are rare
        raise ContentError([Problem(path, 1, 1, f"not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    return value, positions, problems + loader.builder.problems


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


def forbidden_character(text: str, path: str) -> Problem | None:
    """The first control, direction-override or isolate character of `text` (a YAML file
    or a transcript), where it is and how to fix it; None when there is none."""
    clean_ascii = text.isascii() and not text.encode("ascii").translate(None, _ALLOWED_ASCII)
    bad = None if clean_ascii else _FORBIDDEN_CHARS.search(text)
    if bad is None:
        return None
    line, column = _line_col(text[: bad.start()])
    return Problem(path, line, column,
                   f"invisible control character U+{ord(bad.group()):04X} is not allowed: "
                   "delete it (it often comes from copying text out of a PDF or a word "
                   "processor)")


def _character_problems(text: str, path: str) -> list[Problem]:
    bad = forbidden_character(text, path)
    problems = [bad] if bad else []
    tab = _TAB_INDENT.search(text) if "\t" in text else None
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
    elif "maximum nesting depth" in what:
        message = (f"nested far more than {MAX_DEPTH} levels deep: no record needs that; check "
                   "the brackets and the indentation")
    elif "expected a single document" in context or "but found another document" in what:
        message = "a second YAML document ('---') in one file: keep one record per file"
    elif (hint := syntax_hint(text, line, column)) is not None:
        line, column, message = hint
    elif "could not find expected ':'" in what:
        message = ("a line is not of the form 'field: value': check for a missing ':' or an "
                   "unclosed quote mark on the lines above")
    else:
        message = f"YAML syntax: {what or context}; check the indentation and quote marks here"
    return Problem(path, line, column, message)


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and problems."""

    def __init__(self, positions: Positions, aliases: bool = True):
        self.positions = positions
        self._values, self._keys = positions.values, positions.keys
        self.problems: list[Problem] = []
        # Only a file with a '*' can hold an alias, a node met twice: then no node is walked twice.
        self._seen: set[int] | None = set() if aliases else None

    def _problem(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.positions.path, mark.line + 1, mark.column + 1, message))

    def node(self, node: Node, loc: Path_, depth: int) -> Any:
        mark = node.start_mark
        self._values[loc] = (mark.line + 1, mark.column + 1)
        if self._seen is not None:
            if id(node) in self._seen:  # an alias: reported by _anchor_problems, walked once
                return None
            self._seen.add(id(node))
        if node.tag not in _DEFAULT_TAGS:
            self._problem(node, f"YAML tags such as {node.tag!r} are not allowed: remove the "
                          "tag; to keep a value as text, put it in double quotes")
        if depth > MAX_DEPTH:
            self._problem(node, f"nested more than {MAX_DEPTH} levels deep: no record needs "
                          "that; check the indentation")
            return None
        if isinstance(node, ScalarNode):
            return node.value if node.style else self.scalar(node)  # quoted: always text
        if isinstance(node, SequenceNode):
            return [self.node(item, (*loc, index), depth + 1)
                    for index, item in enumerate(node.value)]
        return self.mapping(node, loc, depth)

    def mapping(self, node: MappingNode, loc: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            if key in result:
                self._problem(key_node, f"field {key!r} is given twice: keep one (YAML would "
                              "silently use the last)")
            mark = key_node.start_mark
            self._keys[(*loc, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.node(value_node, (*loc, key), depth + 1)
        return result

    def key(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self._problem(node, "a field name must be plain text, not a list or a mapping")
            return None
        if _is_plain(node) and _implicit_tag(node.value) != _STR or node.value == "<<":
            self._problem(node, f"field name {show(node.value)} is not text to YAML: field "
                          "names are words such as 'title' or 'date'")
            return None
        return node.value

    def scalar(self, node: ScalarNode) -> Any:
        value = node.value
        if not _is_plain(node):
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
        self._problem(node, _coercion_message(value, tag))
        return value


_KIND_TAGS = {ScalarNode: _STR, SequenceNode: "tag:yaml.org,2002:seq",
              MappingNode: "tag:yaml.org,2002:map"}


class _NodeLoader(_Loader):  # type: ignore[misc, valid-type]
    """PyYAML's loader with construction replaced by `_Builder`: no Python object is ever
    constructed from a tag, and every value keeps its position.

    The composer asks the resolver for the tag of every node without one. The base resolver
    has no implicit resolvers and no path resolvers, so its answer is always the default tag
    of the kind of node: answered here directly, without its bookkeeping (a quarter of the
    time of composing). Plain scalars are typed later, by `_Builder.scalar`.
    """

    builder: _Builder

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        return _KIND_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def construct_document(self, node: Node) -> Any:
        return self.builder.node(node, (), 0)


def _anchor_problems(text: str, path: str) -> list[Problem]:
    """Anchors and aliases, found in the event stream (only run when '&' or '*' occurs)."""
    marks = [event.start_mark for event in yaml.parse(text, Loader=_Loader)
             if isinstance(event, ev.AliasEvent) or getattr(event, "anchor", None)]
    if not marks:
        return []
    more = f" ({len(marks) - 1} more in this file)" if len(marks) > 1 else ""
    return [Problem(path, marks[0].line + 1, marks[0].column + 1, "anchors and aliases "
                    f"('&name', '*name') are not allowed: write the value out in full{more}")]


def _is_plain(node: ScalarNode) -> bool:
    """A plain (unquoted) scalar: the only kind YAML reinterprets."""
    return not node.style


@lru_cache(maxsize=16384)
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
            number = f"the number {yaml.safe_load(value)}"
        except (yaml.YAMLError, ValueError):  # YAML 1.1 accepts "0b_" as an int, Python not
            number = "a number"
        return (f"YAML reads {value} as {number}: write it in double quotes, "
                f"{quoted}, or as a plain decimal number")
    return f"YAML reads {value} as a {kind}, not as text: write it in double quotes, {quoted}"

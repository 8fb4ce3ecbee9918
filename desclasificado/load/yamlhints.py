"""Say in words which mistake a YAML syntax error comes from, and where it is.

PyYAML reports where it got lost, which is often the line after the mistake ("did not find
expected key" under a title whose quote mark was never closed). `syntax_hint()` looks at
the lines up to that point for the usual causes: a quote mark not closed, an apostrophe
inside single quote marks, text after a closing quote mark, a '[' not closed, a field name
without ':' or without a space after it, a '-' without a space, a line indented unlike its
neighbours. It returns the place of the cause and a message saying how to fix it, or None.
"""

from __future__ import annotations

import re

Hint = tuple[int, int, str]  # 1-based line, 1-based column, message

UNCLOSED = "a quote mark is opened here and never closed: add the closing quote mark"
_BLOCK_START = re.compile(r"^(\s*)(?:- +)?[^#\s][^#]*:\s*[|>][-+0-9]*\s*(?:#.*)?$")
_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:- +)?)([A-Za-z_][\w-]*):(?=[^\s:/])")
_NO_COLON = re.compile(r"^(\s*(?:- +)?)([A-Za-z_][\w-]*) +(?=[\"'\[])")
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[A-Za-z_\"'])")


def syntax_hint(text: str, line: int, column: int) -> Hint | None:
    """The likely cause of a YAML syntax error reported at `line`, `column` (1-based)."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    content = _content_lines(lines)
    for index in range(line - 1, -1, -1):
        if index in content:
            found = _quote_problem(lines[index])
            if found:
                return index + 1, found[0] + 1, found[1]
    nearby = [i for i in range(line - 1, -1, -1) if i in content][:2]
    for index in nearby:
        hint = _line_shape_problem(lines[index])
        if hint:
            return index + 1, hint[0] + 1, hint[1]
    current = lines[line - 1]
    if current.strip() and column == len(current) - len(current.lstrip(" ")) + 1:
        return line, column, ("this line is not indented like the lines around it: the "
                              "fields of a record, or of one list entry, must start in the "
                              "same column (indent with spaces)")
    return None


def _content_lines(lines: list[str]) -> set[int]:
    """Indexes of lines with YAML structure: not blank, not comments, not inside `|` or `>`."""
    content: set[int] = set()
    block_indent: int | None = None
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        content.add(index)
        start = _BLOCK_START.match(line)
        if start:
            block_indent = len(start.group(1))
    return content


def _quote_problem(line: str) -> tuple[int, str] | None:
    """A quote mark or '[' on this line that is not closed where it should be (0-based)."""
    expecting_value = True
    brackets: list[int] = []
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if char == " ":
            i += 1
        elif char == "#" and (i == 0 or line[i - 1] == " "):
            break
        elif expecting_value and char in "\"'":
            end = _closing(line, i)
            if end is None:
                return i, UNCLOSED
            after = end + 1
            while after < n and line[after] == " ":
                after += 1
            if after < n and line[after] not in ",]}:#":
                return i, _text_after_closing(line, i, end)
            i, expecting_value = after, False
        elif char == "-" and expecting_value and (i + 1 == n or line[i + 1] == " "):
            i += 1
        elif char in "[{":
            brackets.append(i)
            i, expecting_value = i + 1, True
        elif char in "]}":
            if brackets:
                brackets.pop()
            i, expecting_value = i + 1, False
        elif char == "," and brackets:
            i, expecting_value = i + 1, True
        elif char == ":" and (i + 1 == n or line[i + 1] == " "):
            i, expecting_value = i + 1, True
        else:
            i, expecting_value = i + 1, False
    if brackets:
        return brackets[0], "a list opened here with '[' is never closed: add ']' at its end"
    return None


def _closing(line: str, start: int) -> int | None:
    """Index of the quote mark closing the one at `start`, or None."""
    mark, j = line[start], start + 1
    while j < len(line):
        if mark == '"' and line[j] == "\\":
            j += 2
            continue
        if line[j] == mark:
            if mark == "'" and line[j + 1:j + 2] == "'":
                j += 2  # '' is an apostrophe inside single quote marks
                continue
            return j
        j += 1
    return None


def _text_after_closing(line: str, start: int, end: int) -> str:
    if line[start] == "'":
        value = line[start:].split(" #")[0].rstrip()
        inner = value[1:-1] if value.endswith("'") else value[1:]
        fixed = '"' + inner.replace("''", "'").replace('"', '\\"') + '"'
        return ("an apostrophe ends the text opened by the single quote mark here: put the "
                f"whole value in double quotes instead, {fixed}")
    return (f"the text in quote marks that starts here ends at column {end + 1}, but more "
            "text follows: close each quote mark where its text ends, and inside the text "
            "write a quote mark as \\\" or use ' instead")


def _line_shape_problem(line: str) -> tuple[int, str] | None:
    """A field name without ':' or without a space after it, or a '-' without a space."""
    dash = _DASH_NO_SPACE.match(line)
    if dash:
        rest = line[dash.end():].strip()
        return dash.end() - 1, f"a list entry needs a space after the '-': write '- {rest}'"
    colon = _NO_SPACE_AFTER_COLON.match(line)
    if colon:
        key = colon.group(2)
        return (colon.end() - 1, f"put a space after the ':' of '{key}:', as in "
                f"{key}: {line[colon.end():].strip()}")
    missing = _NO_COLON.match(line)
    if missing:
        key = missing.group(2)
        return (len(missing.group(1)) + len(key), f"a ':' is missing after the field name "
                f"{key!r}: write {key}: {line[missing.end():].strip()}")
    return None

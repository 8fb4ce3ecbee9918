"""How much work a summary or body costs Python-Markdown, bounded before the build.

Python-Markdown reads a link by scanning from each `[` to the `]` that closes it, and from
the `(` after `]` to its `)`; a bracket never closed is scanned to the end of its paragraph,
and again for every bracket before it. Thousands of them (`[x][` repeated, well under the
file size limit) made one build take an hour. `bracket_work` counts those characters (an
upper bound: every `[` and `(` is counted as if it began a link; a backslash-escaped bracket
opens nothing; no scan crosses a blank line), and the check refuses a field over `MAX_SCAN`:
a few hundred thousand characters are well under a second, and ordinary text, whose
brackets close within a line or two, comes nowhere near.
"""

from __future__ import annotations

import re

MAX_SCAN = 500_000
_TOKEN = re.compile(r"\\.|[\[\]()]|\n[ \t]*\n", re.DOTALL)
_CLOSES = {"]": "[", ")": "("}


def bracket_work(text: str) -> tuple[int, int | None]:
    """The characters Markdown would scan for the brackets of `text` (at most), and where
    the bracket to fix is (its offset: the first one left open in its paragraph, else the
    one whose scan is longest; None when the quick bound already shows the text is cheap)."""
    openers = text.count("[") + text.count("(")
    if openers * len(text) <= MAX_SCAN:
        return openers * len(text), None
    work, first_open, longest = 0, None, (0, None)
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    for token in _TOKEN.finditer(f"{text}\n\n"):
        char, at = token.group(), token.start()
        if char in stacks:
            stacks[char].append(at)
        elif char in _CLOSES:
            if stacks[_CLOSES[char]]:
                start = stacks[_CLOSES[char]].pop()
                work += at - start
                longest = max(longest, (at - start, start), key=lambda pair: pair[0])
        elif char[0] == "\n":  # a blank line: every bracket still open is scanned to here
            for stack in stacks.values():
                work += sum(at - start for start in stack)
                if stack and (first_open is None or stack[0] < first_open):
                    first_open = stack[0]
                stack.clear()
    return work, first_open if first_open is not None else longest[1]


def bracket_message(field: str, text: str) -> tuple[int, str] | None:
    """(offset in `text`, message) when the brackets of `field` cost Markdown too much."""
    work, at = bracket_work(text)
    if work <= MAX_SCAN or at is None:
        return None
    left_open = _left_open(text)
    what = (f"{left_open:,} '[' or '(' are never closed in their paragraph, the first at "
            f"character {at + 1:,}" if left_open else
            f"the brackets are nested too deeply, from character {at + 1:,}")
    return at, (f"the brackets of {field} would make Markdown scan {work:,} characters (at "
                f"most {MAX_SCAN:,}, or one page takes minutes to build): {what}; close each [ "
                "with ] and each ( with ), or write \\[ for a bracket that is only text")


def _left_open(text: str) -> int:
    count = 0
    opened = {"[": 0, "(": 0}
    for token in _TOKEN.finditer(f"{text}\n\n"):
        char = token.group()
        if char in opened:
            opened[char] += 1
        elif char in _CLOSES:
            opened[_CLOSES[char]] = max(0, opened[_CLOSES[char]] - 1)
        elif char[0] == "\n":
            count += sum(opened.values())
            opened = {"[": 0, "(": 0}
    return count

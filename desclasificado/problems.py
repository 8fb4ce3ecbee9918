"""Problems found in content, and how they are printed.

A `Problem` names a file, a line and a column, and says what is wrong and how to fix
it. Every stage collects problems instead of stopping at the first one; the CLI prints
them sorted, one line each, in the compiler style editors and CI understand.
This module knows nothing about YAML, models or MkDocs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place in a file (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def format(self, style: str = "text") -> str:
        """Render as `path:line:col: error: message`, or a GitHub Actions annotation.

        A file name can hold any character but "/", and a message quotes names and values:
        control, direction and line-breaking characters in either are escaped, so that
        neither can forge a line of output or an annotation.
        """
        path, message = _printable(self.path), _printable(self.message)
        if style == "github":
            message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            path = path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
            return (
                f"::{self.severity} file={path},line={self.line},"
                f"col={self.column}::{message}"
            )
        return f"{path}:{self.line}:{self.column}: {self.severity}: {message}"


def _printable(text: str) -> str:
    """`text` with every character that is not printable written as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sort by file, line and column, and drop exact repeats."""
    return sorted(set(problems))


def cap_per_file(problems: list[Problem], limit: int = 50) -> list[Problem]:
    """At most `limit` problems of each file (in the order given), then one saying how many
    more there are: a broken or hostile file could otherwise print tens of thousands of lines."""
    total = Counter(problem.path for problem in problems)
    seen: Counter[str] = Counter()
    kept = []
    for problem in problems:
        seen[problem.path] += 1
        if seen[problem.path] <= limit:
            kept.append(problem)
        elif seen[problem.path] == limit + 1:
            rest = total[problem.path] - limit
            kept.append(Problem(problem.path, problem.line, problem.column,
                                f"... and {rest:,} more problem{'s' if rest != 1 else ''} in this "
                                "file from here on: fix the ones above first, then check again"))
    return kept


def show(text: str, limit: int = 60) -> str:
    """Quote a user's value for a message: one line, control characters escaped, shortened."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)

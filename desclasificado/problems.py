"""Problems found in content, and how they are printed.

A `Problem` names a file, a line and a column, and says what is wrong and how to fix
it. Every stage collects problems instead of stopping at the first one; the CLI prints
them sorted, one line each, in the compiler style editors and CI understand.
This module knows nothing about YAML, models or MkDocs.
"""

from __future__ import annotations

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
        """Render as `path:line:col: error: message`, or a GitHub Actions annotation."""
        if style == "github":
            message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return (
                f"::{self.severity} file={self.path},line={self.line},"
                f"col={self.column}::{message}"
            )
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sort by file, line and column, and drop exact repeats."""
    return sorted(set(problems))


def show(text: str, limit: int = 60) -> str:
    """Quote a user's value for a message: one line, control characters escaped, shortened."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)

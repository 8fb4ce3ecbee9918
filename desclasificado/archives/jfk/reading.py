"""What reading a form's groups gives (`align.read_groups`): each field's lines, and what could not be placed."""

from __future__ import annotations

from dataclasses import dataclass, field

from desclasificado.archives.jfk.lexicon import Value


@dataclass
class Reading:
    """The raw reading of a form: each field's lines, and what could not be placed."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    labelled: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    unread_labels: list[tuple[str, int]] = field(default_factory=list)  # bare labels that got nothing, by group
    unreadable: set[str] = field(default_factory=set)  # ... in a group with text left over: perhaps garbled
    variants: set[str] = field(default_factory=set)
    inline: set[str] = field(default_factory=set)  # fields whose first value stood on their label's line
    unplaced: list[Value] = field(default_factory=list)
    lone: Value | None = None  # one line under FROM and TO that either could hold (`lone`)
    warnings: list[str] = field(default_factory=list)



"""Names cut at a comma in a column of values: "WELLS," / "WILLIAM W.," / "DDO" under FROM / TO / TITLE.

A name or an office ending with a comma is never a whole value (the vetting blanks it: the rest was
not read), nor a line of a name's initials alone ("STEVENS, M." / "D."), so in a column of bare
labels the line after such a line, when it can go on from it, is its rest: the two are one line
before the values are matched to the labels (`align.read_groups`). Only short lines are joined,
none with a title's shape, and never past the length of a name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desclasificado.archives.jfk.lexicon import TYPED, Group, Value, is_sentence, kinds

_NAME_FIELDS = frozenset({"originator", "from", "to"})
_LONGEST = 45  # the longest FROM or TO the form holds
# A name's initials split over two lines: "STEVENS, M." / "D.".
_INITIAL_END = re.compile(r",\s*(?:[A-Z]\.\s*)+$")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*){1,2}$")


def join_cut_names(group: Group) -> None:
    """Join, in a column of bare labels with FROM or TO among them, each short line ending with a
    comma to the short line after it (see the module). A last label with its one value on its line,
    put after the column's (`align._own_value_last`), does not stop it."""
    labels = group.labels
    bare = labels[:-1] if labels and labels[-1].inline and group.values and group.values[-1].owner == len(labels) - 1 \
        else labels
    if not {label.field for label in labels} & _NAME_FIELDS or any(label.inline for label in bare):
        return
    values = list(group.values)
    at = 0
    while at < len(values) - 1:
        first, second = values[at], values[at + 1]
        text = f"{first.text} {second.text}"
        cut = first.text.endswith(",") or (_INITIAL_END.search(first.text) and _INITIALS.match(second.text))
        if _joinable(first) and _joinable(second) and cut and not second.led and len(text) <= _LONGEST:
            values[at:at + 2] = [replace(first, text=text, kinds=kinds(text))]
            continue
        at += 1
    group.values[:] = values


def _joinable(value: Value) -> bool:
    return value.owner is None and not value.kinds & TYPED and len(value.text) <= 30 and not is_sentence(value.text)

"""Lines left over below the form's TITLE: the rest of it, which the reader did not join to it.

TITLE wraps on the form, and the OCR may read its wrapped line far from it, after the labels below
it ("TITLE : ... REQUEST FOR FILES ON ORESTES" / "PEREZ RUIZ" / "DATE" / "08/16/1978" / "PAGES :" /
"1" / "GUILLERMO"). `titles.continue_title` joins such lines when they can only be the title's; a
line it left, which can be more of the title, makes the title uncertain: it is left blank (its
reason says which line), never given without its end. (FROM and TO wrap too, but a line left
below them is as often another field's scrap: measured on the development set, doubting them for
it blanked twenty names read right for one read wrong.)
"""

from __future__ import annotations

import re

from desclasificado.archives.jfk.lexicon import Group, Value, group_of
from desclasificado.archives.jfk.reading import Reading
from desclasificado.archives.jfk.titles import continues

_BELOW = frozenset({"originator", "from", "to", "title", "date", "pages", "subjects"})
_LOST_LABEL = re.compile(r"^\W*[A-Za-z]+\s*[:;]\W*$")  # a label the OCR garbled: "SUbutlls :"


def doubt_rest(pending: list[tuple[Value, int]], groups: list[Group],
               reading: Reading) -> list[tuple[Value, int]]:
    """Leave the title in doubt when a line left over below it can be more of it: in its group (after
    its first line: the name above a title in a column, "ROBERT BROWN" / "POLICE HOLDING ...", is not
    its rest) and those of DATE, PAGES and SUBJECTS that follow (before the subjects' own lines, and
    before a line that reads as a label, "SUbutlls :"), one line or two (a run of lines is another
    field's list: the subjects, their label garbled)."""
    at = group_of(groups, "title")
    if at is None:
        return pending
    lines = reading.lines.get("title")
    opening = min((value.order for value in groups[at].values if lines and value.text == lines[0]), default=-1)
    below = _rest_below(pending, groups, at, set(reading.lines.get("subjects") or []))
    rest = [(value, number) for value, number in below if value.order > opening]
    if not 1 <= len(rest) <= 2 or not lines \
            or not any(continues(" ".join(lines), value) for value, _ in rest):
        return pending
    del reading.lines["title"]
    reading.ambiguous.add("title")
    reading.warnings.append(f"title: {rest[0][0].text!r}, read below it, may be more of it")
    return pending + [(value, at) for value in groups[at].values
                      if value.text in lines and (value, at) not in pending]


def _rest_below(pending: list[tuple[Value, int]], groups: list[Group], start: int,
                subjects: set[str]) -> list[tuple[Value, int]]:
    """The free lines left over from group `start` on, which can be more of a field above them."""
    rest = []
    for number in range(start, len(groups)):
        fields = {label.field for label in groups[number].labels}
        if not fields or fields - _BELOW:
            break
        first = min((value.order for value in groups[number].values if value.text in subjects),
                    default=None if "subjects" not in fields else -1)
        for value in sorted((value for value, of in pending if of == number), key=lambda value: value.order):
            if _LOST_LABEL.match(value.text) or (first is not None and value.order > first):
                return rest
            if value.section != "agency" and value.owner is None and continues("", value):
                rest.append((value, number))
    return rest

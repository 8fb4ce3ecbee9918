"""From a form's groups to its fields: each label's certain values (`matching` finds them), then
the values left over moved to the field that is unmistakably theirs (the title's rules: `titles`)."""

from __future__ import annotations

import re

from desclasificado.archives.jfk.form import CANON, FIELDS
from desclasificado.archives.jfk.joins import join_cut_names
from desclasificado.archives.jfk.lexicon import RULES, STRONG, TYPED, Group, Label, Value
from desclasificado.archives.jfk.matching import CONNECTOR, Span, alignment
from desclasificado.archives.jfk.ocrfix import KNOWN
from desclasificado.archives.jfk.reading import Reading
from desclasificado.archives.jfk.rests import doubt_rest
from desclasificado.archives.jfk.titles import (
    continue_title,
    continues,
    doubt_title,
    doubt_title_opening,
    late_title,
    lone_title,
)
from desclasificado.archives.jfk.vetting import PLACEHOLDER, vet_text

__all__ = ["Reading", "read_groups"]


def read_groups(groups: list[Group]) -> Reading:
    reading = Reading()
    pending: list[tuple[Value, int]] = []  # unplaced values and the index of their group
    for number, group in enumerate(groups):
        _in_form_order(group)
        _own_value_last(group)
        _count_first(group)
        join_cut_names(group)
        placed = _read_group(group, number, reading)
        pending += [(value, number) for i, value in enumerate(group.values) if i not in placed]
    left = _move_typed(pending, groups, reading)
    left = _move_swapped(left, groups, reading)
    left = continue_title(left, groups, reading)
    left = late_title(left, groups, reading)
    left = _continue_names(left, groups, reading)
    left = _cut_name_in_column(left, groups, reading)
    left = _lost_label(left, groups, reading)
    left = lone_title(left, groups, reading)
    left = doubt_rest(left, groups, reading)
    reading.unplaced = sorted((value for value, _ in left), key=lambda value: value.order)
    doubt_title(reading, groups)
    doubt_title_opening(reading)
    leftover_groups = {number for _, number in left}
    reading.unreadable = {name for name, number in reading.unread_labels
                          if number in leftover_groups and not reading.lines.get(name)}
    return reading


def _in_form_order(group: Group) -> None:
    """A column of bare labels that the OCR read out of the form's order ("COMMENTS :" above
    "ORIGINATOR :", tesseract's reading of the FBI layout) is put back in it: its column of values
    follows the form's order."""
    if len(group.labels) < 3 or any(label.inline for label in group.labels) or group.values[:1] and \
            group.values[0].owner is not None:
        return
    ordered = sorted(group.labels, key=lambda label: CANON[label.field])
    if ordered != group.labels:
        group.labels[:] = ordered


def _own_value_last(group: Group) -> None:
    """"ORIGINATOR" / ... / "DATE" / "PAGES : 2" / "CIA" / "TURNER, STANSFIELD, DCI" / ...: a column of
    bare labels whose last label, of one line, has its value on its own line, read before the
    column's values: its value is put after them (the labels take values in order, and a value on a
    label's line cannot be skipped), so the column is read as if the OCR had read it after."""
    labels, values = group.labels, group.values
    last = len(labels) - 1
    if last < 2 or not labels[last].inline or any(label.inline for label in labels[:last]) \
            or RULES[labels[last].field].max_lines != 1:
        return
    if len(values) > 1 and values[0].owner == last and all(value.owner is None for value in values[1:]):
        values.append(values.pop(0))


def _count_first(group: Group) -> None:
    """"FROM" / "TO" / "TITLE" / "DATE" / "PAGES" / "1" / "DIRECTOR" / "APPROVAL ..." / "04/12/1963": a
    column of bare labels, PAGES the last, whose one count was read first: no other label takes a count
    (a name or a title opens with no bare number), so it is PAGES', put after the column's values."""
    labels, values = group.labels, group.values
    if len(labels) < 3 or labels[-1].field != "pages" or any(label.inline for label in labels) \
            or len(values) < 2 or values[0].owner is not None or "int" not in values[0].kinds:
        return
    if any(RULES[label.field].kinds and "int" in RULES[label.field].kinds for label in labels[:-1]) \
            or any(value.kinds & TYPED - {"date"} or value.owner is not None for value in values[1:]):
        return
    values.append(values.pop(0))


def _read_group(group: Group, number: int, reading: Reading) -> set[int]:
    """Give the group's labels their certain values; return the indexes of the values placed."""
    placed: set[int] = set()
    columns: dict[str, Span] = {}  # names read from a column of values, not from their label's line
    possible = alignment(group)
    reading.lone = _lone_line(group, possible) or reading.lone
    for label, spans in zip(group.labels, possible, strict=True):
        reading.labelled.add(label.field)
        reading.variants.add(label.variant)
        if len(spans) != 1:
            reading.ambiguous.add(label.field)
            continue
        (span,) = spans
        reading.lines[label.field] = [group.values[i].text for i in span]
        if label.inline:
            reading.inline.add(label.field)
        elif span and RULES[label.field].kinds is None:
            columns[label.field] = span
        placed.update(span)
        if not span and not label.colon:
            reading.unread_labels.append((label.field, number))
    for name in _after_skipped_typed(group, columns, placed) + _amid_free_text(group, columns, placed):
        if name not in reading.lines:
            continue
        del reading.lines[name]
        reading.ambiguous.add(name)
        placed -= set(columns[name])
    return placed


_NAMES = ("originator", "from", "to")


def _lone_line(group: Group, possible: list[set[Span]]) -> Value | None:
    """The one line that FROM and TO of a column could each take, the other left empty ("FROM" /
    "TO" / ": CHIEF, SR"): which it is, `lone.place_lone` decides from other evidence."""
    fields = [label.field for label in group.labels]
    if "from" not in fields or "to" not in fields:
        return None
    spans = possible[fields.index("from")]
    if spans != possible[fields.index("to")] or len(spans) != 2 or () not in spans:
        return None
    (at, *more) = next(span for span in spans if span)
    return None if more else group.values[at]


def _after_skipped_typed(group: Group, columns: dict[str, Span], placed: set[int]) -> list[str]:
    """Free text taken from a column after a date no label took that stands after other free text:
    the column is out of the labels' order ("Views..." / "6/15/1962" / "2" / "National Security
    Files" under ORIGINATOR / FROM / TO / TITLE: which line is the title is not known)."""
    free = [i for i, value in enumerate(group.values) if not value.kinds & TYPED]
    skipped = [i for i, value in enumerate(group.values) if i not in placed and "date" in value.kinds
               and value.owner is None and free and i > free[0]]
    return [name for name, span in columns.items() if skipped and min(span) > skipped[0]]


def _amid_free_text(group: Group, columns: dict[str, Span], placed: set[int]) -> list[str]:
    """The names taken from a column of values that are not certain: those after a line no label
    took ("FROM" / "TO" / five lines of a title whose label was lost, two of them taken), and the
    name just before that line (the line may be its value). A line after all of them is the next
    field's."""
    columns = {name: span for name, span in columns.items() if name in _NAMES}
    if not columns:
        return []
    last = max(max(span) for span in columns.values())
    section = group.values[last].section  # a line of another part of the form ("vol" above AGENCY) is not theirs
    free = [i for i, value in enumerate(group.values[:last])
            if i not in placed and not value.kinds & TYPED and value.owner is None and value.section == section]
    if not free:
        return []
    after = [name for name, span in columns.items() if min(span) > free[0]]
    before = [name for name, span in columns.items() if max(span) < free[0]]
    if before and after:
        after.append(max(before, key=lambda name: max(columns[name])))
    return after


_DATE_FIELDS = frozenset({"date", "date_of_last_review"})


def _move_typed(pending: list[tuple[Value, int]], groups: list[Group],
                reading: Reading) -> list[tuple[Value, int]]:
    """Move unmistakable values (a date, "SECRET"...) to the nearest empty field of their kind, in
    their group or the one above it; a date that ends its group may be its own label's below it
    ("07/13/1973" / "DATE", read just before it), when no other date is loose and the review's date
    has its own."""
    pending = _two_dates(pending, reading)
    left = []
    loose_dates = sum("date" in value.kinds for value, _ in pending)
    for value, number in pending:
        target = _typed_target(value, number, groups, reading)
        dated = {name for name, lines in reading.lines.items() if lines}
        if target in _DATE_FIELDS and (loose_dates > 1 or _DATE_FIELDS - {target} - dated):
            target = None  # several dates, or another date field also without its own: which is which is not known
        if target:
            reading.lines[target] = [value.text]
            reading.ambiguous.discard(target)
            reading.warnings.append(f"{target}: {value.text!r} read away from its label")
        else:
            left.append((value, number))
    return left


def _two_dates(pending: list[tuple[Value, int]], reading: Reading) -> list[tuple[Value, int]]:
    """Two dates left over, DATE and DATE OF LAST REVIEW both without theirs: the reviews under the
    Act were made from 1993 on, so of a date before 1992 and one after it, the first is the
    document's and the second the review's; one date before 1992 alone is the document's. Dates
    of one era are left unplaced."""
    dates = [item for item in pending if "date" in item[0].kinds]
    if not 1 <= len(dates) <= 2 or any(reading.lines.get(name) for name in _DATE_FIELDS):
        return pending
    years = [_year(value.text) for value, _ in dates]
    old = [item for item, year in zip(dates, years, strict=True) if year < 1992]
    new = [item for item, year in zip(dates, years, strict=True) if year >= 1993]
    if len(old) != 1 or len(new) != len(dates) - 1:
        return pending
    for name, (value, _) in zip(("date", "date_of_last_review"), old + new, strict=False):
        reading.lines[name] = [value.text]
        reading.ambiguous.discard(name)
        reading.warnings.append(f"{name}: {value.text!r} read away from its label (the review's date is the later)")
    return [item for item in pending if item not in dates]


def _year(text: str) -> int:
    """A form date's year: two digits are 19xx, or 20xx below 50 (a review's)."""
    year = int(re.split(r"/", text.strip(" .,;:-"))[-1] or 0)
    return year if year >= 100 else year + (2000 if year < 50 else 1900)


def _typed_target(value: Value, number: int, groups: list[Group], reading: Reading) -> str | None:
    kinds = value.kinds & frozenset(STRONG)
    if not kinds:
        return None
    near = {label.field for g in groups[max(0, number - 1):number + 1] for label in g.labels}
    if "date" in kinds and groups[number].values[-1:] == [value] and number + 1 < len(groups):
        near |= {label.field for label in groups[number + 1].labels} & _DATE_FIELDS  # "07/13/1973" / "DATE"
    here = [CANON[label.field] for label in groups[number].labels] or [CANON["agency"]]
    candidates = [
        name for name in FIELDS
        if not reading.lines.get(name) and (name not in reading.labelled or name in near)
        and RULES[name].kinds is not None and kinds & RULES[name].kinds
    ]
    if not candidates:
        return None
    distance = {name: min(abs(CANON[name] - at) for at in here) for name in candidates}
    nearest = min(distance.values())
    closest = [name for name in candidates if distance[name] == nearest]
    return closest[0] if len(closest) == 1 else None


def _move_swapped(pending: list[tuple[Value, int]], groups: list[Group],
                  reading: Reading) -> list[tuple[Value, int]]:
    """Two-column layouts read "COMMENTS: / RESTRICTIONS: / JFK Act 6 (1)(B) / REFERRED TO DIA": free
    text left over after a group's typed values goes to the group's one free-text field when that
    field came before the typed one and got nothing."""
    left = []
    by_group: dict[int, list[Value]] = {}
    for value, number in pending:
        by_group.setdefault(number, []).append(value)
    for number, values in by_group.items():
        target = _swap_target(groups[number], values, reading)
        if target:
            reading.lines[target] = [value.text for value in values]
            reading.warnings.append(f"{target}: read from after the value of the next label")
        else:
            left += [(value, number) for value in values]
    return left


def _swap_target(group: Group, values: list[Value], reading: Reading) -> str | None:
    free = [i for i, label in enumerate(group.labels) if RULES[label.field].kinds is None]
    if len(free) != 1 or any(value.kinds & TYPED for value in values):
        return None
    name = group.labels[free[0]].field
    typed_after = [label.field for label in group.labels[free[0] + 1:] if reading.lines.get(label.field)]
    if reading.lines.get(name) or name in reading.ambiguous or not typed_after:
        return None
    first_unplaced = min(group.values.index(value) for value in values)
    typed_positions = [i for i, value in enumerate(group.values) if value.kinds & TYPED and value not in values]
    return name if typed_positions and max(typed_positions) < first_unplaced else None


def _continue_names(pending: list[tuple[Value, int]], groups: list[Group],
                    reading: Reading) -> list[tuple[Value, int]]:
    """FROM and TO wrap too: "FROM : CHIEF, ALIEN AFFAIRS" / "STAFF" / "TO : FILE". One line left
    over after a FROM or TO read on its own line, before a label that has its value on its line,
    is the rest of the name (it can be no other field's); so is it before a bare label when the
    name is cut short without it ("TO : ASST," / "DEPUTY DIRECTOR OF SECURITY" / "TITLE" / "REQUEST
    ...") and the labels below have sound values of their own (`_sound`)."""
    left = list(pending)
    for number, group in enumerate(groups[:-1]):
        if len(group.labels) != 1 or group.labels[0].field not in ("from", "to") or not group.labels[0].inline:
            continue
        name = group.labels[0].field
        extra = [item for item in left if item[1] == number]
        following = groups[number + 1]
        if len(extra) != 1 or len(reading.lines.get(name, [])) != 1 or not following.labels:
            continue
        value = extra[0][0]
        last = value.text.split()[-1].strip(".,")
        whole = len(last) >= 3 or last in KNOWN  # "PCS/LOC, CI" is cut short: CIA
        ahead = following.labels[0].inline or (_cut(name, reading.lines[name][0]) and _sound(following, reading))
        if ahead and continues(reading.lines[name][0], value) and len(value.text) <= 30 and whole:
            reading.lines[name] = reading.lines[name] + [value.text]
            reading.warnings.append(f"{name}: continued from {value.text!r} (the line below it)")
            left.remove(extra[0])
    return left


def _cut(name: str, text: str) -> bool:
    """Whether a name's line ends cut short ("ASST,", "MEMO FOR THE", "MILLER, LYLE:")."""
    reason = vet_text(name, text)[1]
    return bool(reason) and reason.startswith("cut short")


def _sound(group: Group, reading: Reading) -> bool:
    """Whether each free-text label of a group has lines, which the vetting keeps."""
    names = [label.field for label in group.labels if RULES[label.field].kinds is None]
    return bool(names) and all(reading.lines.get(name) and not vet_text(name, " ".join(reading.lines[name]))[1]
                               for name in names)


def _cut_name_in_column(pending: list[tuple[Value, int]], groups: list[Group],
                        reading: Reading) -> list[tuple[Value, int]]:
    """"TO" / "CHIEF," / "EUROPEAN DIVISION": a bare FROM or TO alone in its group, with lines under
    it of which each after the first goes on from the one above, takes them all: the one above is
    cut short (it ends with a comma, or with a word no name ends with: "MEMO FOR THE" / "RECORD"),
    or the line opens with a word that goes on from it ("CHIEF" / "OF STATION, MEXICO CITY": 1 of
    NARA's 1,838 FROM and TO of the development set opens so, "TO : FOR THE RECORD", on its label's
    line). The first alone cannot be the value, and a name takes one line in a column, so the
    matching left the label undecided between them."""
    left = list(pending)
    for number, group in enumerate(groups):
        if len(group.labels) != 1 or group.labels[0].field not in ("from", "to") or group.labels[0].inline:
            continue
        name = group.labels[0].field
        extra = sorted((value for value, at in left if at == number), key=lambda value: value.order)
        if name not in reading.ambiguous or reading.lines.get(name) or not 2 <= len(extra) <= 4 \
                or len(group.values) != len(extra) or any(value.kinds & TYPED or value.owner is not None
                                                          for value in extra):
            continue
        joined = extra[0].text
        for value in extra[1:]:
            if value.led or not continues(joined, value) or not (
                    joined.endswith(",") or _cut(name, joined) or CONNECTOR.match(value.text)):
                break
            joined = f"{joined} {value.text}"
        else:
            if len(joined) > RULES[name].max_chars or vet_text(name, joined)[1]:
                continue
            reading.lines[name] = [value.text for value in extra]
            reading.ambiguous.discard(name)
            reading.warnings.append(f"{name}: {joined!r}, each line going on from the one above it")
            left = [item for item in left if item[0] not in extra]
    return left


def _lost_label(pending: list[tuple[Value, int]], groups: list[Group],
                reading: Reading) -> list[tuple[Value, int]]:
    """"FROM : CURTIS, W.C." / ": DIRECTOR" / "TITLE : CABLE ...": lines left between two labels that
    have their values (on their lines, or the one below given its value below it; a bare one above
    may take the first line, `_bare_first`), where the form has fields between them whose labels are
    nowhere on it, are their values when each field's value begins with the colon of its lost label
    (the first may not) and there are as many beginnings as fields: one line each, the title's with
    the lines after it."""
    left = list(pending)
    for number, group in enumerate(groups[:-1]):
        extra = [item for item in left if item[1] == number]
        following = groups[number + 1]
        if not extra or not group.labels or not following.labels:
            continue
        above, below = group.labels[-1], following.labels[0]
        between = [name for name in FIELDS if CANON[above.field] < CANON[name] < CANON[below.field]]
        runs: list[list[Value]] = []
        for value, _ in extra:
            runs = [*runs, [value]] if value.led or not runs else [*runs[:-1], [*runs[-1], value]]
        if _bare_first(group, above, runs, between, reading):
            reading.lines[above.field] = [runs[0][0].text]
            reading.ambiguous.discard(above.field)
            runs = runs[1:]
        if not ((above.inline or reading.lines.get(above.field)) and (below.inline or reading.lines.get(below.field))
                and len(reading.lines.get(above.field, [])) == 1) \
                or not _runs_fit(between, runs, reading):
            continue
        for name, run in zip(between, runs, strict=True):
            reading.lines[name] = [value.text for value in run]
            reading.warnings.append(f"{name}: {run[0].text!r} read where its label was lost")
        left = [item for item in left if item not in extra]
    return left


def _bare_first(group: Group, above: Label, runs: list[list[Value]], between: list[str], reading: Reading) -> bool:
    """"FROM" / ": WITHHELD" / ": CHIEF, KUDOVE" / "TITLE :", "FROM" / "SWIFT, GERALD J., ..." / ":
    MULTIPLE ADDRESSEES" / "TITLE": a bare label alone in its group, then one line more than the
    fields after it whose labels were lost, each of those begun with a colon: the first line is the
    bare label's (below it, or split from its colon by the OCR), the others the lost labels'."""
    return (len(group.labels) == 1 and not above.inline and above.field in reading.ambiguous
            and bool(between) and len(runs) == len(between) + 1 and len(group.values) == len(runs)
            and all(len(run) == 1 for run in runs) and all(run[0].led for run in runs[1:])
            and RULES[above.field].kinds is None and _runs_fit(between, runs[1:], reading))


def _runs_fit(names: list[str], runs: list[list[Value]], reading: Reading) -> bool:
    """Whether each run of lines can be the value of its field, whose label is nowhere on the form."""
    if not names or len(runs) != len(names) or (len(runs) == 1 and not runs[0][0].led):
        return False
    for name, run in zip(names, runs, strict=True):
        if RULES[name].kinds is not None or name in reading.labelled or reading.lines.get(name):
            return False
        if len(run) > 1 and (name != "title" or not all(continues(run[0].text, value) for value in run[1:])):
            return False
        text = " ".join(value.text for value in run)
        if vet_text(name, text)[1] and not (len(run) == 1 and PLACEHOLDER.match(text)):
            return False  # the form's placeholder ("WITHHELD") is a box's whole value, given as none
    return True

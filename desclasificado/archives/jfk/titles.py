"""The form's TITLE, read apart from the other fields: it is wide and wraps, its lines land after
the labels below it, and it may begin with the value of a field whose label the OCR lost. These
rules continue a title, take the one title of a CIA form, or leave a title in doubt (`align`
calls them after each label has its certain values)."""

from __future__ import annotations

import re

from desclasificado.archives.jfk.lexicon import TYPED, Group, Value, group_of, is_sentence
from desclasificado.archives.jfk.matching import CONNECTOR, NAME_SHAPE, OFFICE
from desclasificado.archives.jfk.ocrfix import closest_agency
from desclasificado.archives.jfk.reading import Reading
from desclasificado.archives.jfk.vetting import vet_text

_LABEL_WORD = re.compile(r"\b(?:CLASSIFICATI|CURRENT\s+STATU|RESTRICTION|SUBJECTS?\b|COMMENTS?\b|OPENING\s+CRIT|"
                         r"DOCUMENT\s+TYPE|ORIGINATOR|LAST\s+REVIEW|PAGES\b)", re.IGNORECASE)  # a label read as a line
# A title's last words in brackets, on a line of their own: "(1963)", "(FINAL VER)".
_ASIDE = re.compile(r"^\((?=[^()]*[A-Z0-9])[^()]{1,30}\)$")
_TITLE_LINES = 6  # a title of the form holds at most this many lines


def continues(title: str, value: Value) -> bool:
    """Whether a leftover line can be more of `title`: words, not a number, a label or a scrap,
    and in the title's case (an upper-case title does not go on in lower case)."""
    if _ASIDE.match(value.text) and not value.led:
        return True
    letters = [ch for ch in value.text if ch.isalpha()]
    if value.led or value.kinds & TYPED or len(letters) < 3 or re.match(r"^\W*\w+\s*[:;]", value.text):
        return False
    if _LABEL_WORD.search(value.text):
        return False
    upper = [ch for ch in title if ch.isalpha()]
    if upper and sum(ch.isupper() for ch in upper) >= 0.9 * len(upper):
        return sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
    return True


def _wants_more(title: str, line: str) -> bool:
    """Whether a one-word line can end `title`: it ends a sentence, or the title ends cut short."""
    if len(line.split()) > 1 or line.endswith(".") or _ASIDE.match(line):
        return True
    return title.endswith(",") or bool(CONNECTOR.match(title.split()[-1] + " "))


def continue_title(pending: list[tuple[Value, int]], groups: list[Group],
                    reading: Reading) -> list[tuple[Value, int]]:
    """The form's TITLE is wide and wraps; the OCR often reads its first line, then DATE and its
    value, then the rest of the title ("TITLE : HSCA REQUEST" / "DATE" / "07/11/1978" / "RE SR-6
    (CIA PERSONNEL)."). Free text left over after the title's lines in its own group, or in the
    groups of DATE and PAGES that follow it (labels that take no free text), continues the title."""
    at = group_of(groups, "title")
    if at is None or not reading.lines.get("title") or groups[at].labels[-1].field != "title":
        return pending
    numbers = {at}
    for number in range(at + 1, len(groups)):
        if not groups[number].labels or {label.field for label in groups[number].labels} - {"date", "pages"}:
            break
        numbers.add(number)
    placed = [value.order for value in groups[at].values if (value, at) not in pending]
    title = reading.lines["title"]
    taken = [(value, number) for value, number in pending if number in numbers and value.section != "agency"
             and value.order > max(placed, default=0) and not value.kinds & TYPED]
    if len(taken) == 1 and not _wants_more(" ".join(title), taken[0][0].text):
        return pending  # one word, "STAFF", "OGC": as likely another field's rest or an office's code
    # every leftover line must read as more of the title, or none is taken: a run of other text is not the title's
    if not taken or len(title) + len(taken) > _TITLE_LINES or not all(continues(" ".join(title), v) for v, _ in taken):
        return pending
    reading.lines["title"] = title + [value.text for value, _ in sorted(taken, key=lambda item: item[0].order)]
    reading.warnings.append("title: continued from " + "; ".join(repr(value.text) for value, _ in taken)
                            + " (read after the labels below it)")
    return [item for item in pending if item not in taken]


def late_title(pending: list[tuple[Value, int]], groups: list[Group],
               reading: Reading) -> list[tuple[Value, int]]:
    """"TITLE :" / "DATE: 12/11/1959" / "PAGES :" / "4" / "FIELD INFORMATION REPORT: CUBAN ACTIVITIES IN
    MEXICO" / "SUBJECTS : ...": a TITLE with nothing after its label, last of the free-text labels of
    its group, whose one run of free text is left in the groups of DATE and PAGES below it (labels that
    take no free text): that run is the title read after them when its first line has a title's
    shape (`is_sentence`: never a name's) and the others go on from it. Nothing else is left in the
    title's group that could be the title's."""
    at = group_of(groups, "title")
    if at is None or reading.lines.get("title") or "title" in reading.ambiguous:
        return pending
    labels = groups[at].labels
    free = [label for label in labels if label.field in ("originator", "from", "to", "title", "subjects")]
    if not free or free[-1].field != "title" or free[-1].inline or any(number == at for _, number in pending):
        return pending
    numbers = set()
    for number in range(at + 1, len(groups)):
        if not groups[number].labels or {label.field for label in groups[number].labels} - {"date", "pages"}:
            break
        numbers.add(number)
    taken = sorted(((value, number) for value, number in pending if number in numbers), key=lambda item: item[0].order)
    lines = [value for value, _ in taken]
    if not 1 <= len(lines) <= _TITLE_LINES or any(value.kinds & TYPED or value.section == "agency" or value.led
                                                  for value in lines) \
            or not is_sentence(lines[0].text) or not all(continues(lines[0].text, value) for value in lines[1:]):
        return pending
    reading.lines["title"] = [value.text for value in lines]
    reading.warnings.append("title: " + repr(" ".join(reading.lines["title"])) + ", read after the labels below it")
    return [item for item in pending if item not in taken]


def doubt_title(reading: Reading, groups: list[Group]) -> None:
    """A title read from a column of values (its first line not on the TITLE line) while FROM or
    TO has no label on the form may begin with their values: when its first line has the shape of
    theirs, a name with initials ("STEVENS, M. D.") or office codes ("FBI" / "SF" / "HQ"), the
    title is not certain."""
    lines = reading.lines.get("title")
    if not lines or len(lines) < 2 or "title" in reading.inline:
        return
    lost = [name for name in ("from", "to") if not reading.lines.get(name) and name not in reading.labelled]
    if lost and (_NAME_WITH_INITIALS.match(lines[0]) or all(len(line) <= 5 for line in lines)):
        del reading.lines["title"]
        reading.ambiguous.add("title")
        group = next(group for group in groups if any(label.field == "title" for label in group.labels))
        values = [value for value in group.values if value.text in lines]
        reading.unplaced = sorted(reading.unplaced + values, key=lambda value: value.order)
        reading.warnings.append(f"title: its lines may begin with the value of {' or '.join(lost).upper()}, "
                                f"whose label was not read")


# A title's opening: the kind of document and a colon ("MEMO:", "LETTER:", "CABLE:").
_OPENING = re.compile(r"^\W*(?:MEMO|MEMORANDUM|LETTER|CABLE|DISPATCH|TELEGRAM|REPORT|NOTE|NOTES)\s*:", re.IGNORECASE)


def doubt_title_opening(reading: Reading) -> None:
    """A title with a line that opens as titles do ("MEMO: NO EVIDENCE ...") after other lines: those
    may be another field's, run into the title ("TITLE : LAURA DENK", TO's value; "ELDER," / "WALTER."
    / "CIA REVIEW STAFF." / "LETTER: ..."): the title is not certain."""
    lines = reading.lines.get("title") or []
    if any(_OPENING.match(line) for line in lines[1:]):
        del reading.lines["title"]
        reading.ambiguous.add("title")
        reading.warnings.append("title: a line opens as a title does after other lines, which may be another "
                                "field's value run into it")


_NAME_WITH_INITIALS = re.compile(r"^[A-Z][A-Z'-]+,\s*(?:[A-Z]\.\s*){1,3}$")


_NAMED = ("originator", "from", "to", "title")


def lone_title(pending: list[tuple[Value, int]], groups: list[Group],
                reading: Reading) -> list[tuple[Value, int]]:
    """On a CIA form every document has a title (NARA's rows of the CIA's records all give one, and
    none gives FROM or TO alone): one line of free text left in a column under FROM / TO / TITLE,
    none of them read, is the title, FROM and TO empty (or under TO / TITLE, FROM read above them,
    or FROM / TITLE, TO's label lost); so are two lines when the second goes on
    from the first, or the first ends with a colon, which no name does ("MHCHAOS:" / "BIOGRAPHIC
    DATA ON HENRY WINSTON.")."""
    if [closest_agency(line) for line in reading.lines.get("agency", [])] != ["CIA"]:
        return pending
    for number, group in enumerate(groups):
        fields = [label.field for label in group.labels]
        undecided = [name for name in fields if name in _NAMED and not reading.lines.get(name)]
        if "title" not in undecided or not {"from", "to"} & set(undecided) \
                or any(name not in _NAMED and name in reading.ambiguous for name in fields):
            continue
        free = [item for item in pending if item[1] == number and not item[0].kinds & TYPED
                and item[0].section != "agency" and item[0].owner is None]
        if not 1 <= len(free) <= 2 or len([item for item in pending if item[1] == number]) != len(free) \
                or _left_below(pending, groups, number):
            continue
        lines = [value.text for value, _ in sorted(free, key=lambda item: item[0].order)]
        if closest_agency(lines[0]) or NAME_SHAPE.match(lines[0]) or OFFICE.match(lines[0]) \
                or _NAME_WITH_INITIALS.match(lines[0]) \
                or vet_text("title", " ".join(lines))[1]:
            continue
        if len(lines) == 2 and not (CONNECTOR.match(lines[1]) or vet_text("title", lines[0])[1]
                                    or lines[0].endswith(":")):
            continue  # two lines: one title only when the second goes on from the first ("MHCHAOS:" / ...)
        reading.lines["title"] = lines
        reading.ambiguous.discard("title")
        reading.warnings.append(f"title: {' '.join(lines)!r}, the one title under FROM, TO and TITLE "
                                f"(a CIA form always has a title)")
        return [item for item in pending if item not in free]
    return pending


def _left_below(pending: list[tuple[Value, int]], groups: list[Group], number: int) -> bool:
    """Whether free text is left in the groups of DATE and PAGES below group `number`: the column of
    values goes on past them ("TITLE" / "T. HUTCHISON, ..." / "DATE" / "PAGES" / ": OGC" / "MEMO ...")."""
    below = set()
    for at in range(number + 1, len(groups)):
        if not groups[at].labels or {label.field for label in groups[at].labels} - {"date", "pages"}:
            break
        below.add(at)
    return any(at in below and not value.kinds & TYPED for value, at in pending)




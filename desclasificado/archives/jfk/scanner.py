"""Scanning the form's lines into groups: runs of labels with the values that follow them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desclasificado.archives.jfk.form import CANON, UNKNOWN
from desclasificado.archives.jfk.lexicon import (
    HEADER,
    LEGEND,
    SHORT_LABELS,
    Group,
    Label,
    LabelMatch,
    Value,
    is_heading,
    is_noise,
    is_stamp,
    kinds,
    match_label,
    section_of,
    takes,
    value_text,
)

# A title's opening with a label's word: a memorandum's subject line, or the word and a preposition.
_SUBJECT_LINE = re.compile(r"^\W*SUBJECT\s*:\s*\S")
_PREPOSITION = re.compile(r"^(?:OF|ON|RE|FOR|ABOUT|CONCERNING|REGARDING|IN|TO|WITH|BY|FROM)\b")


@dataclass
class Scanner:
    """Turns the form's lines into groups of labels and values."""

    groups: list[Group] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    orphans: list[Value] = field(default_factory=list)
    unplaced: list[Value] = field(default_factory=list)
    last_canon: int = -1
    in_document_section: bool = False
    header_values: int = 0  # values still owed to a "Date" / "Page" header with its value below it
    section: str = ""
    unconfirmed: list[Value] = field(default_factory=list)  # under AGENCY INFORMATION, before DOCUMENT ...
    counter: int = 0
    spanned: Group | None = None  # bare labels, no value yet, then a heading: the column may go on past it

    def scan(self, lines: Sequence[str]) -> list[Group]:
        for index, line in enumerate(lines):
            if LEGEND.search(line):
                break
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if self._title_as_label(line, lines[index + 1:index + 4]):
                self._value(line)
                continue
            self._line(line, following)
        if self.orphans or self.unplaced:
            self.groups.append(Group(values=self.orphans + self.unplaced))
        for value in self.unconfirmed:  # no DOCUMENT INFORMATION heading closed the agency part
            value.section = ""
        return self.groups

    def _line(self, line: str, following: str) -> None:
        if is_heading(line):
            self._interrupt(heading=True)
            self.section = section_of(line) or self.section
            if self.section == "document":
                self.unconfirmed.clear()
        elif self._is_header(line, following):
            self.header_values += 0 if re.search(r"\d", line) else 1
        elif is_stamp(line):
            self._interrupt(heading=False)
        elif not is_noise(line):
            match = match_label(line) or self._garbled_from(line)
            if match and match.field == UNKNOWN and self._garbled_to(line, match):
                self._label(LabelMatch("to", match.rest, True, ""))
            elif match and match.field == UNKNOWN:
                self._garbled_label(match.rest)
            elif match and self._accept_label(match):
                self._label(match)
            elif match and match.field in self.seen and (match.colon or not match.rest) \
                    and not self._word_of_a_value(match, following):
                if match.rest:  # "DATE: MAR" in a stamp: the label is spent, the text is a value
                    self._value(match.rest)
            else:
                self._value(line)

    def _title_as_label(self, line: str, ahead: Sequence[str]) -> bool:
        """"TITLE" / "COMMENTS ON THE NOSENKO DRAFT." / "DATE", "TITLE" / "SUBJECT: LUISA NELIA RODRIGUEZ
        ..." / "DATE": a line that opens with the word of a label below PAGES used as a title uses it
        (the word then a preposition, "COMMENTS ON ...", or a memorandum's "SUBJECT:"), right after a
        bare TITLE that has no value yet and before the DATE or PAGES label, is the title's value: the
        form's labels come in its order. Not a label with its value ("DOCUMENT TYPE PAPER")."""
        match = match_label(line)
        group = self.groups[-1] if self.groups else None
        if not match or not (_SUBJECT_LINE.match(line) or not match.colon and _PREPOSITION.match(match.rest)):
            return False
        if match.field == UNKNOWN or CANON[match.field] <= CANON["pages"] \
                or group is None or not group.labels or group.labels[-1].field != "title" \
                or group.labels[-1].inline or group.fed:
            return False
        after = next((found for found in map(match_label, ahead) if found), None)
        return after is not None and after.field in ("date", "pages")

    def _word_of_a_value(self, match: LabelMatch, following: str) -> bool:
        """"AGENCY" alone on a line among the document's values ("... BY THE CENTRAL INTELLIGENCE" /
        "AGENCY"): the agency's label, spent above, is a word of a value there (not "AGENCY" /
        "ORIGINATOR", the label split in two)."""
        after = match_label(following)
        return match.field == "agency" and not match.colon and self.section == "document" \
            and not (after and after.field == "originator")

    def _is_header(self, line: str, following: str) -> bool:
        """The print date and page number at the top of the form ("Date: 11/30/04", "PAGE: 1"): a date
        label before the document's part of the form (its labels, or its heading: tesseract may garble
        every label above DATE), or one with PAGE below it."""
        if HEADER.match(line):
            return True
        match = match_label(line)
        if not match or match.field != "date":
            return False
        return not (self.in_document_section or self.section == "document") \
            or bool(re.match(r"^\W*PAGE\b(?!S)", following))

    def _interrupt(self, heading: bool) -> None:
        if not self.groups and heading:
            self.orphans.clear()  # text above the form's headings is not part of it
        elif self.groups and self._satisfied(self.groups[-1]):
            self.groups[-1].closed = True
        elif self.groups and heading:
            self.groups[-1].sealed = True
            if not self.groups[-1].values and any(label.field == "record_number" for label in self.groups[-1].labels):
                self.spanned = self.groups[-1]

    @staticmethod
    def _satisfied(group: Group) -> bool:
        """Whether every label of the group may already have its value."""
        return bool(group.labels) and (group.labels[-1].inline or len(group.values) >= len(group.labels))

    def _accept_label(self, match: LabelMatch) -> bool:
        if match.field in self.seen:
            return False
        if match.colon or not match.rest or match.field not in SHORT_LABELS:
            return True
        return CANON[match.field] > self.last_canon

    def _label(self, match: LabelMatch) -> None:
        self.seen.add(match.field)
        self.last_canon = max(self.last_canon, CANON[match.field])
        self.in_document_section = self.in_document_section or CANON[match.field] >= CANON["originator"]
        self.header_values = 0
        group = self.groups[-1] if self.groups else None
        if group is not None and group is self.spanned and not group.values and not match.rest:
            self._heading_in_column(group)
        if group is None or group.fed or group.sealed or group.closed:
            group = Group(values=self.orphans)
            self.orphans = []
            self.groups.append(group)
        label = Label(match.field, match.colon, match.variant)
        group.labels.append(label)
        text = value_text(match.rest)
        if text and not is_noise(text):
            value = Value(text, kinds(text))
            label.inline = takes(match.field, value, first=True)
            value.owner = len(group.labels) - 1 if label.inline else None
            label.colon = label.inline  # "PAGES: 12/04/63" does not say that PAGES is empty
            self._add(group, value)

    def _heading_in_column(self, group: Group) -> None:
        """"AGENCY FILE NUMBER" / "DOCUMENT INFORMATION" / "ORIGINATOR" / ... / "CIA" / "104-10101-10102":
        tesseract read the headings among the column of bare labels, and every value after it. The
        heading then divides the labels, not the values: the column is one group, and which part of
        the form each value is of is not known (the values are matched to the labels in order).
        Only when RECORD NUMBER, which every form fills, is among the labels above the heading: one
        empty box there ("AGENCY FILE NUMBER" / heading / "ORIGINATOR" / "HSCA") is not a reason to
        doubt that the values after the heading are the document's."""
        group.sealed = False
        self.spanned = None
        self.section = ""

    def _garbled_to(self, line: str, match: LabelMatch) -> bool:
        """"FROM:" / "10: HQ" / "TITLE:": TO read as IO or 10, right after FROM, is TO (not a time, "10:37")."""
        return bool(re.match(r"^\W*(?:IO|10|1O|I0)\s*:", line)) and "to" not in self.seen \
            and self.last_canon == CANON["from"] and not re.match(r"\d", match.rest)

    def _garbled_from(self, line: str) -> LabelMatch | None:
        """"ORIGINATOR: — FBI" / "FRO HQ" / "TO: CIA", "FROH : LAO": FROM with its last letter lost or
        misread (tesseract), right after ORIGINATOR, is FROM."""
        found = re.match(r"^\W*FR[O0][A-Z]?(?![A-Za-z])\W*?(?P<colon>\s*[:;])?\s*(?P<rest>.*)$", line)
        if not found or "from" in self.seen or self.last_canon != CANON["originator"]:
            return None
        return LabelMatch("from", found.group("rest").strip(), bool(found.group("colon")), "")

    def _garbled_label(self, rest: str) -> None:
        """A label too garbled to name ("IO:", "AGES:"): it ends the group before it, and the
        text on its line belongs to no field."""
        if not self.groups:
            return  # above the form
        self.groups[-1].closed = True
        text = value_text(rest)
        if text and not is_noise(text):
            self.unplaced.append(Value(text, kinds(text), order=self._next()))

    def _value(self, line: str) -> None:
        text = value_text(line)
        if not text or is_noise(text):
            return
        value = Value(text, kinds(text), led=bool(re.match(r"^\s*[:;]", line)))
        if not self.groups and self.header_values and value.kinds & {"date", "int"}:
            self.header_values -= 1
            return
        if not self.groups or self.groups[-1].closed:
            value.order = self._next()
            self._place(value)
            self.orphans.append(value)
        else:
            self._add(self.groups[-1], value)

    def _add(self, group: Group, value: Value) -> None:
        value.order = self._next()
        self._place(value)
        if value.section == "agency" and group.labels \
                and all(CANON.get(label.field, -1) >= CANON["originator"] for label in group.labels):
            value.section = ""  # under labels of the document's part only: "FROM:" / "HALL, WENDELL W. JR."
        group.values.append(value)
        group.fed = True

    def _place(self, value: Value) -> None:
        value.section = self.section
        if self.section == "agency":
            self.unconfirmed.append(value)

    def _next(self) -> int:
        self.counter += 1
        return self.counter

"""One name under FROM and TO: which of the two it is, when something other than its place says so.

A column "FROM" / "TO" / ": CHIEF, SR" (one of the two boxes empty on the form) gives the reader
one line for two labels, and the OCR's order of labels and values does not tell which box held it
(measured on the development set: a name led by the colon was TO eight times and FROM twice). The
line stays undecided (`align` keeps it in `Reading.lone`) unless:

- the document after the form gives it in its own header, after "MEMORANDUM FOR:" or "TO:" (a
  cable's "TO: PRIORITY DIRECTOR INFO ..."), or after "FROM:", on that line or alone on the next:
  the document's header is where the form's FROM and TO were copied from; a name the header gives
  under both is left undecided;
- the form is the House Select Committee's (AGENCY : HSCA) and the line is a person's name,
  "SURNAME, GIVEN", or an agency's ("CIA"): the Committee's forms catalogue a testimony, an
  interview or a paper by who gave it and leave TO empty (NARA's rows of the development set with
  FROM or TO alone: 39 HSCA rows, every one FROM; of the 62 rows of the 180- records, the
  Committee's, every one FROM, 41 of them an agency). Another line (an office, "SECURITY STAFF",
  or text the OCR left, a stamp's "Lase#: Nw 66000 Date") stays undecided.

Not so on the FBI's forms, though NARA's FBI rows with FROM or TO alone are all FROM (26 of the
development set): tesseract loses an FBI form's FROM, a field office's two letters ("BU", "PH"),
and leaves its TO alone under both (four forms of the 2022 dev part: "HQ"), which would be taken
for FROM when it is "DIRECTOR, FBI" or "CIA".
"""

from __future__ import annotations

import re

from desclasificado.archives.jfk.form import RifResult
from desclasificado.archives.jfk.lexicon import is_sentence
from desclasificado.archives.jfk.matching import NAME_SHAPE
from desclasificado.archives.jfk.ocrfix import names_agency
from desclasificado.archives.jfk.reading import Reading
from desclasificado.archives.jfk.vetting import vet_text

_MARKERS = (("to", r"TO|MEMORANDUM\s+FOR|MEMO\s+FOR"), ("from", r"FROM"))
# A cable's precedence before its addressee: "TO: PRIORITY DIRECTOR INFO LA/MIAMI."
_BARE_LABEL = re.compile(r"^\W*(?:FROM|TO)\W*$", re.IGNORECASE)
_PRECEDENCE = re.compile(r"^(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE|OPERATIONAL\s+IMMEDIATE)\s+")


def place_lone(reading: Reading, result: RifResult, body: str, form_lines: list[str]) -> None:
    """Give the one line undecided between FROM and TO to the field the evidence names (see the
    module)."""
    value = reading.lone
    if value is None or value not in reading.unplaced or any(result.fields.get(name) for name in ("from", "to")):
        return
    text = value.text.strip(" :;")
    if is_sentence(text) or any(vet_text(name, text)[1] for name in ("from", "to")):
        return
    form = {line.strip() for line in form_lines}
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    found = {name for name, marker in _MARKERS if _in_header(text, marker, lines, form)}
    if len(found) == 1:
        (name,) = found
        why = "the document's own header gives it so"
    elif not found and str(result.fields.get("agency")) == "HSCA" and (NAME_SHAPE.match(text) or names_agency(text)):
        name, why = "from", "a person's or an agency's name alone on an HSCA form is who gave the testimony or paper"
    else:
        return
    result.fields[name] = text
    result.missing = [missing for missing in result.missing if missing != name]
    result.reasons.pop(name, None)
    reading.unplaced.remove(value)
    result.warnings.append(f"{name}: {text!r}, the one line under FROM and TO, is {name.upper()}: {why}")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Z0-9]+", text.upper())


def _in_header(text: str, marker: str, lines: list[str], form: set[str]) -> bool:
    """Whether the document's lines give `text` after the marker and a colon, or alone on the line after
    it; not the form's own lines, which the body may still hold."""
    wanted = _words(text)
    for at, line in enumerate(lines):
        found = re.match(rf"^\W*(?:{marker})\s*(?:[:;]\s*(?P<rest>.*))?$", line, re.IGNORECASE)
        if not found:
            continue
        if not found.group("rest") and at and _BARE_LABEL.match(lines[at - 1]):
            continue  # "FROM" / "TO" / "SCHWARZ, ...": a column of bare labels (a copy of the form), not a header
        used = [line] if found.group("rest") else lines[at:at + 2]
        after = found.group("rest") or used[-1]
        words = _words(_PRECEDENCE.sub("", after.strip().upper()))
        if words[:len(wanted)] == wanted and not all(each in form for each in used):
            return True
    return False


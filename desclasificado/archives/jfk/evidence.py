"""The document's own text as evidence against a name the OCR of the form slipped on.

The form is typed in capitals, and the OCR reads some letters for others (`ocrfix.SLIPS`: K read
as R, T as I, L as I...). A name is no word of English, so `ocrfix` cannot tell "SHEPANER" from a
name; but the document after the form usually names the same people. Where the form's token is no
word and never appears in the document's text, and exactly one of its readings with one slip does
(for an initial, with the words beside it: "RICHARD L. BLAST" for the form's "RICHARD I. BLAST"; for an
abbreviation, "U.S." for "J.S.", a slip either way),
the form's value is not certain: it is left blank, and its reason says what the text gives. It is
not corrected: the document's text is OCR too, and may spell the name otherwise than the form
("ENSE, STANTON E." on the form and in NARA's row, "Stanton F. Ense" in the memorandum). A name
the text does not give at all stays as the form has it.
"""

from __future__ import annotations

import re
from collections import Counter

from desclasificado.archives.jfk.form import RifResult
from desclasificado.archives.jfk.ocrfix import SLIPS, is_known
from desclasificado.archives.jfk.vetting import blank

FIELDS = ("from", "to", "title")
_TOKEN = re.compile(r"(?<![A-Za-z0-9'])[A-Z]{3,}(?![A-Za-z0-9])")


def body_of(text: str, form_lines: list[str]) -> str:
    """The transcript without the form's page: the document's own text."""
    page = "\n".join(form_lines).strip()
    at = text.find(page) if page else -1
    return text if at < 0 else text[:at] + text[at + len(page):]


def confirm_names(result: RifResult, body: str) -> None:
    """Leave blank each field with a token that the document's text gives with one slip (see the module)."""
    upper = body.upper()
    words = Counter(re.findall(r"[A-Z0-9]+", upper))
    for name in FIELDS:
        text = result.fields.get(name)
        if not isinstance(text, str) or not text:
            continue
        fixed = _TOKEN.sub(lambda found: _reading(found.group(), words), text)
        fixed = _initials(fixed, upper)
        fixed = _DOTTED.sub(lambda found: _dotted(found.group(), upper), fixed)
        if fixed != text:
            blank(result, name, f"the form reads {text!r}, the document's text {fixed!r}: an OCR slip on the form?")


def _reading(token: str, words: Counter[str]) -> str:
    if words[token] or is_known(token):
        return token
    readings = {token[:i] + meant + token[i + 1:] for i, read in enumerate(token) for meant in SLIPS.get(read, "")}
    found = [reading for reading in readings if words[reading]]
    return found[0] if len(found) == 1 else token


# Letters each with its period, an abbreviation: "U.S.", "J.S." (U read as J).
_DOTTED = re.compile(r"(?<![A-Za-z.])(?:[A-Z]\.){2,3}(?![A-Za-z])")


def _dotted(token: str, body: str) -> str:
    """An abbreviation the text never gives, while it gives one reading of it with one OCR slip, a
    slip either way ("J.S." on the form, "U.S." in the text: U and J are read for each other)."""
    if re.search(rf"(?<![A-Z.]){re.escape(token)}", body):
        return token
    slips = {read: set(meant) for read, meant in SLIPS.items()}
    for read, meant in SLIPS.items():
        for letter in meant:
            slips.setdefault(letter, set()).add(read)
    readings = {token[:i] + meant + token[i + 1:] for i, read in enumerate(token) for meant in slips.get(read, ())}
    found = [reading for reading in readings if re.search(rf"(?<![A-Z.]){re.escape(reading)}", body)]
    return found[0] if len(found) == 1 else token


# A name's initial between two words: "RICHARD I. BLAST", "DWYER, ROBERT I."
_NAMED_INITIAL = re.compile(r"\b([A-Z]{2,}),?\s+(?:([A-Z]{2,})\s+)?([A-Z])\.(?:\s*([A-Z]{2,}))?")


def _initials(text: str, body: str) -> str:
    """An initial the text gives with the same names beside it and one slip: "RICHARD L. BLAST"."""
    def fix(found: re.Match[str]) -> str:
        first, second, initial, after = found.groups()
        name = [part for part in (first, second, after) if part]
        if _with_initial(name, initial, body):
            return found.group()
        readings = [meant for meant in SLIPS.get(initial, "") if meant.isalpha() and _with_initial(name, meant, body)]
        if len(readings) != 1:
            return found.group()
        start, end = found.span(3)
        return found.group()[: start - found.start()] + readings[0] + found.group()[end - found.start():]
    return _NAMED_INITIAL.sub(fix, text)


def _with_initial(name: list[str], initial: str, body: str) -> bool:
    """Whether the body names someone by these words with this initial ("ROBERT J. DWYER", "DWYER, ROBERT J.")."""
    given = [word for word in name if word]
    if not given:
        return False
    words = "|".join(map(re.escape, given))
    pattern = rf"\b{initial}\.\s*(?:{words})\b|\b(?:{words}),?\s+{initial}\."
    return re.search(pattern, body) is not None

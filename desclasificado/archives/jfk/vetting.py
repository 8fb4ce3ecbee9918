"""Vetting the values read on the form: a value the reader is not sure of is left blank, never guessed.

The reader (`align`) gives a field the text that its label's place on the form points to; that
text can still be wrong: the form's own placeholder ("WITHHELD", "[Restricted]"), a piece of the
release stamp, a value cut short by the line ("TO : CHIEF," with the rest lost), another field's
label run into it ("... HSCA SDATE : 12/31/63"), or a token the OCR garbled ("/2980CAN"). Each
vetter below looks at one field's text and returns why it cannot be kept, or None. A value that
fails is emptied, and its reason becomes the review comment beside the field in the record.

OCR slips that have one reading only are corrected instead (`ocrfix`), and said in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desclasificado.archives.jfk.form import RifResult
from desclasificado.archives.jfk.lexicon import is_stamp, match_label
from desclasificado.archives.jfk.ocrfix import closest_agency, correct_text

TEXT_FIELDS = ("originator", "from", "to", "title")

# The form's words for a value that is not given: "WITHHELD", "[Restricted]", "[DELETED]".
# A stray letter of the OCR may stand before it ("I [DELETION]]").
PLACEHOLDER = re.compile(r"^\W*(?:[A-Za-z]\W+)?(?:WITHHEL[DIL1]|RESTRICTED|DELETED|DELETION|REDACTED|BLANK|"
                          r"ILLEGIBLE)\W*$", re.IGNORECASE)
_NO_TITLE = re.compile(r"^\W*NO\s+TITL[E]?[\]lI1|)]*\W*$", re.IGNORECASE)  # "[No Title]", "[No Titlel"
# Words a complete title or name does not end with: the rest of it is on a line that was not read.
_DANGLING = frozenset({"A", "AN", "AND", "AT", "BY", "FOR", "FROM", "IN", "INTO", "OF", "ON", "OR", "RE", "THE",
                       "TO", "WITH", "W/", "CONCERNING", "REGARDING"})
# A rank that qualifies the office after it, which no name ends with ("TO :" / "ASST." / "DEPUTY DIRECTOR OF
# SECURITY"): none of NARA's FROM and TO of the development set ends with one.
_QUALIFYING_RANKS = frozenset({"ASST", "ASSISTANT", "DEPUTY", "ACTING", "ASSOCIATE"})
# A label of the form inside a value: "... HSCA SDATE : 12/31/63", "TITLE : ... PAGES: 27".
_EMBEDDED_LABEL = re.compile(r"\b\w?(?:DATE|PA[CG]ES|ORIGINATOR|FROM|TO|TITLE|SUBJECTS?)\s*[:;]\s", re.IGNORECASE)
# A memorandum's subject line as a title, which NARA's titles give so ("SUBJECT: HIDALGO, BALMES NIEVES,
# JR."): "SUBJECT" and a colon opening a title, not the form's SUBJECTS, its label run into the title.
_SUBJECT_LINE = re.compile(r"^SUBJECT\s*:\s*\S")
# The form's DATE run into the end of a title: "... FORMER ASST. COUNSEL HSCA 05/16/1977"
_TRAILING_DATE = re.compile(r"\s\d{1,2}/\d{1,2}/\d{2,4}\W*$")
# A scrap of one or two lower-case letters after an upper-case value: "HQ i", "FORSYTH, THOMAS G. If"
_TRAILING_SCRAP = re.compile(r"[A-Z.,)]\s+[a-z][A-Za-z]?\W*$")
# Mixed tokens the OCR makes of letters and digits: "CO0E", "/2980CAN", "PACE5" (not "SR-6", "66TH", "T3767").
_GARBLED_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z]+\d+[A-Za-z]+|\d+[A-Za-z]{2,}(?<!ST|ND|RD|TH|TS)"
                            r"|[A-Za-z]{2,}\d(?![\d-]))(?![A-Za-z0-9])")


def _placeholder(name: str, text: str) -> str | None:
    if PLACEHOLDER.match(text):
        return f"the form gives no value ({text!r})"
    return None


def _stamp(name: str, text: str) -> str | None:
    if is_stamp(text) or re.fullmatch(r"[\W\d]*", text):
        return f"{text!r} is not a value (a stamp or page mark)"
    if sum(ch.isalpha() for ch in text) < 2:  # "H", "1 A": a scrap, not a name or a title
        return f"{text!r} is not a value (a stamp or page mark)"
    return None


def _embedded_label(name: str, text: str) -> str | None:
    found = _EMBEDDED_LABEL.search(text)
    if found and found.start() > 0:
        return f"another label runs into it ({text!r})"
    match = match_label(text)
    if match and match.colon and match.field != name and not (name == "title" and _SUBJECT_LINE.match(text)):
        return f"another label runs into it ({text!r})"
    if _TRAILING_DATE.search(text):
        return f"the form's date runs into it ({text!r})"
    return None


def _cut_short(name: str, text: str) -> str | None:
    last = text.split()[-1].upper() if text.split() else ""
    if text.endswith((",", "&", "/")) or (name != "title" and text.endswith(":")) or last in _DANGLING \
            or (name != "title" and last.rstrip(".") in _QUALIFYING_RANKS):
        return f"cut short on the form ({text!r}): the rest was not read"
    if text.count("(") > text.count(")") or text.count("[") > text.count("]"):  # "[DURING ... JFK, ...1."
        return f"cut short on the form ({text!r}): the rest was not read"
    return None


def _garbled(name: str, text: str) -> str | None:
    tokens = _GARBLED_TOKEN.findall(text)
    if tokens:
        return f"garbled by the OCR ({', '.join(map(repr, tokens))})"
    if _mixed_case_noise(text) or _TRAILING_SCRAP.search(text) or _JUNK.search(text):
        return f"garbled by the OCR ({text!r})"
    if name != "title" and _UPPER_VALUE.match(text) and re.search(r"\b[A-Z]?[a-z]+\b", text):
        return f"garbled by the OCR ({text!r}: a lower-case scrap in an upper-case name)"
    if name != "title" and _AFTER_INITIAL.search(text):
        return f"garbled by the OCR ({text!r}: a scrap after the initial)"
    if name != "title" and re.search(r"[a-z]", text) and not re.search(r"[A-Z]", text):
        return f"garbled by the OCR ({text!r}: a name without a capital letter; c, o, s, w, x look alike in both cases)"
    return None


# A scrap after a name's initial that is no suffix: "FORSYTH, THOMAS G. HI" (III).
_AFTER_INITIAL = re.compile(r"\b[A-Z]\.\s+(?!(?:JR|SR|II|III|IV)\b)[A-Z]{1,2}$")
# Marks a typed form does not have: "USN, «", "NSA..-** 7", "HQ ~"; an asterisk against a word, a character
# the OCR could not read ("... MOVEMENTS*" for the quote that closes the title: none of NARA's rows has one).
_JUNK = re.compile(r"[«»~^§¬|\\]|\*\*|\.\.-|(?<=\w)\*|\*(?=\w)")
# A name or office in capitals, with at least one word of three letters.
_UPPER_VALUE = re.compile(r"^(?=.*[A-Z]{3})[^a-z]*[A-Z][^a-z]*[A-Z][^a-z]*\b[A-Z]?[a-z]{1,2}\W*$")


def _label_word(name: str, text: str) -> str | None:
    """A label of the form, or a scrap of one, read as the value: "TOs", "FROM :"."""
    if re.fullmatch(r"\W*(?:TO|FROM|TITLE|DATE|PAGES|SUBJECTS?)\w?\W*", text, re.IGNORECASE):
        return f"{text!r} is a label of the form, not a value"
    return None


def _mixed_case_noise(text: str) -> bool:
    """Lower-case scraps in an upper-case value: "2x/0/ _|1254-63: [___] pecrees" (tesseract noise)."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    if len(letters) < 8 or upper < 0.7 * len(letters):
        return False
    return any(token.islower() and len(token) <= 7 for token in re.findall(r"[A-Za-z]+", text))


# "HO" alone for FROM or TO: the FBI's headquarters, HQ, whose Q the OCR reads as O; or the form's own HO,
# which NARA's rows give for a few records. Which the form has is not known. ("MEMO FOR HOS" is HQS.)
_HQ_OR_HO = re.compile(r"^\W*HOS?\W*$")


# An originator is an agency, not a person's name ("HOWARD J. OSBORN": FROM's value, its label lost).
_PERSON = re.compile(r"^[A-Z][A-Za-z'-]+\s+[A-Z]\.\s*(?:[A-Z]\.\s*)?[A-Z][A-Za-z'-]+$")


def _not_agency(name: str, text: str) -> str | None:
    if name != "originator":
        return None
    if _PERSON.match(text):
        return f"{text!r} is a person's name, not an agency: FROM's value, its label lost?"
    return None


Vetter = Callable[[str, str], "str | None"]
VETTERS: tuple[Vetter, ...] = (_placeholder, _stamp, _label_word, _embedded_label, _cut_short, _garbled, _not_agency)


def vet_text(name: str, text: str) -> tuple[str, str | None]:
    """The value to keep for a free-text field, and why it was emptied (None when kept)."""
    if name == "title" and _NO_TITLE.match(text):
        return "", None
    if name in ("from", "to") and _HQ_OR_HO.search(text):
        return "", (f"{text!r}: HQ with its Q read as O, or the form's own HO (NARA's rows spell the FBI's "
                    f"headquarters both ways)")
    # a title's colon or dash at the end is the OCR's period or a rule; a name's colon says more followed
    fixed = re.sub(r"[\s:;-]+$" if name == "title" else r"(?<!:)[\s;-]+$", "", correct_text(text))
    if name == "originator":
        fixed = fixed.rstrip(" .,")  # "FBI .", "CIA.": the OCR's marks after the code
    if name == "originator" and re.fullmatch(r"[A-Z]{1,6}", fixed):
        agency = closest_agency(fixed)
        if agency is None and len(fixed) < 3:
            return "", f"{text!r} is not an agency"
        fixed = agency or fixed
    for vetter in VETTERS:
        reason = vetter(name, fixed)
        if reason:
            return "", reason
    return fixed, None


def vet_fields(result: RifResult) -> None:
    """Vet the free-text fields of a reading: empty what cannot be kept, with its reason."""
    for name in TEXT_FIELDS:
        text = result.fields.get(name)
        if not isinstance(text, str) or not text:
            continue
        kept, reason = vet_text(name, text)
        result.fields[name] = kept
        if reason:
            blank(result, name, reason)
        elif kept != text:
            result.warnings.append(f"{name}: OCR slips corrected: {text!r} read as {kept!r}")
    _vet_dates(result)


def blank(result: RifResult, name: str, reason: str) -> None:
    result.fields[name] = ""
    result.warnings.append(f"{name}: left blank: {reason}")
    result.reasons[name] = reason
    if name not in result.missing:
        result.missing.append(name)


_DATES = ("date", "date_of_last_review")


def _vet_dates(result: RifResult) -> None:
    """A document is reviewed after it was written: a DATE later than the DATE OF LAST REVIEW, one of
    them read away from its label, means the two dates may be each other's (a column of values
    read out of the labels' order): both are left blank."""
    date, review = (str(result.fields.get(name) or "") for name in _DATES)
    moved = any(warning.startswith(f"{name}: ") and warning.endswith("read away from its label")
                for warning in result.warnings for name in _DATES)
    if date and review and date > review and moved:
        for name in _DATES:
            blank(result, name, f"the document's date ({date}) would come after its last review ({review}): "
                                 f"the two dates may be each other's")

"""From the reading to the result: each field normalized, and what could not be read, with why."""

from __future__ import annotations

import calendar
import re

from desclasificado.archives.jfk.form import FIELDS, RECORD_NUMBER, UPDATE_DATE, FieldValue, RifResult
from desclasificado.archives.jfk.lexicon import RULES
from desclasificado.archives.jfk.reading import Reading


def normalize_date(raw: str, recent: bool = False) -> tuple[str, str | None]:
    """A form date "4/11/1963" as "1963-04-11", to the precision known ("00/00/1963" -> "1963").

    Two-digit years are 19xx, except for review dates (`recent`) below 50, which are 20xx.
    Returns the date ('' when unreadable) and a warning when something was wrong.
    """
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", raw.strip())
    if not found:
        return "", f"unreadable date {raw!r}"
    month, day, year = (int(part) for part in found.groups())
    if year == 0 and month == 0 and day == 0:  # "00/00/00", "00/00/0000": no date on the form
        return "", f"{raw!r} is the archive's placeholder for an unknown date"
    if len(found.group(3)) == 2:
        year += 2000 if recent and year < 50 else 1900
    if (year, month, day) == (1900, 1, 1):
        return "", f"{raw!r} is the archive's placeholder for an unknown date"
    if not 1900 <= year <= 2030 or month > 12 or (month == 0 and day != 0):
        return "", f"unreadable date {raw!r}"
    if month == 0:
        return f"{year:04d}", None
    if day == 0:
        return f"{year:04d}-{month:02d}", None
    if day > calendar.monthrange(year, month)[1]:
        return "", f"unreadable date {raw!r}"
    return f"{year:04d}-{month:02d}-{day:02d}", None


def joined(lines: list[str]) -> str:
    text = " ".join(lines)
    text = re.sub(r"\s+(?:\[R\]?|IRI|ERI|IR\]|\[?RI)$", "", text)  # the NSA forms' restricted-item marks
    return " ".join(text.split())


_NO_LABEL = "no label for it found on the form"
_AMBIGUOUS = "not attributable with certainty"
_GARBLED = "no readable value after its label"
_UNREAD = "nothing read after its label (empty, or lost by the OCR)"


def _miss(result: RifResult, name: str, reason: str) -> None:
    """Report field `name` as unreadable, with the first reason found."""
    result.reasons.setdefault(name, reason)
    if name not in result.missing:
        result.missing.append(name)


def fill_fields(reading: Reading, result: RifResult) -> None:
    """Normalize each field's lines into `result.fields`, noting what could not be read."""
    unread = {name for name, _ in reading.unread_labels}
    for name in FIELDS:
        lines = reading.lines.get(name)
        result.fields[name] = _normalize(name, lines or [], reading, result)
        if lines:
            continue
        if name in reading.ambiguous:
            _miss(result, name, _AMBIGUOUS)
        elif name in reading.unreadable:
            _miss(result, name, _GARBLED)
        elif name not in reading.labelled:
            _miss(result, name, _NO_LABEL)
        elif name in unread:
            _miss(result, name, _UNREAD)


def _normalize(name: str, lines: list[str], reading: Reading, result: RifResult) -> FieldValue:
    if name == "subjects":
        if "SUBJECT" in reading.variants and lines:
            return [joined(lines)]
        return [text for text in (joined([line]) for line in lines) if text]
    if not lines:
        return ""
    text = joined(lines)
    if RULES[name].kinds is not None:
        text = text.rstrip(" .,;:-")
    if name in ("date", "date_of_last_review"):
        value, problem = normalize_date(text, recent=name == "date_of_last_review")
        if problem:
            result.warnings.append(f"{name}: {problem}")
            _miss(result, name, problem)
        return value
    if name == "pages":
        return int(text)
    if name == "restrictions":
        return "; ".join(joined([line]).rstrip(" .,;:-") for line in lines)
    return text


def check_record_number(text: str, form_lines: list[str], result: RifResult) -> None:
    """Check RECORD NUMBER; complete a cut or run-together one from the page's own record stamps."""
    read = str(result.fields.get("record_number", ""))
    if RECORD_NUMBER.fullmatch(read):
        return
    heading = re.match(r"\s*# (\d{3}-\d{5}-\d{5})\s*$", text.split("\n", 1)[0])
    stamps = {m.group() for line in form_lines for m in RECORD_NUMBER.finditer(line)}
    stamps |= {heading.group(1)} if heading else set()
    digits = re.sub(r"\D", "", read)
    fits = sorted(s for s in stamps if digits and s.replace("-", "").startswith(digits)) if digits else []
    if len(fits) == 1:
        result.fields["record_number"] = fits[0]
        result.warnings.append(f"record_number: form reads {read!r}; completed from the record stamp {fits[0]}")
    elif read:
        result.fields["record_number"] = ""
        result.warnings.append(f"record_number: unreadable {read!r}")
        _miss(result, "record_number", f"unreadable {read!r}")


def without_record_stamps(reading: Reading, record_number: str) -> list[str]:
    """The unplaced text, less the record number stamped again at the foot of the page."""
    digits = record_number.replace("-", "")
    kept = [value for value in reading.unplaced if not digits or re.sub(r"\D", "", value.text) != digits]
    reading.unplaced = kept
    return [value.text for value in kept]


def add_notes(reading: Reading, result: RifResult) -> None:
    fbi = UPDATE_DATE in reading.labelled
    if (fbi or "AGENCY ORIGINATOR" in reading.variants) and result.reasons.get("opening_criteria") == _NO_LABEL:
        result.missing.remove("opening_criteria")
        del result.reasons["opening_criteria"]
        result.absent.append("opening_criteria")
    if fbi:
        result.warnings.append("FBI layout: CLASSIFICATION is its ORIGINAL CLASSIFICATION, CURRENT STATUS its "
                               "STATUS, DATE OF LAST REVIEW its REVIEW DATE")
    summarize(result)


_UNPLACED_NOTE = "text on the form not placed in any field: "
_SUMMARIES = {_AMBIGUOUS: "not attributable with certainty: ", _GARBLED: "no readable value after the labels ",
              _UNREAD: "nothing read after the labels ", _NO_LABEL: "no label found for "}


def summarize(result: RifResult) -> None:
    """(Re)write the warnings that group the unreadable fields by reason, and list the unplaced text."""
    result.warnings = [w for w in result.warnings if not w.startswith((_UNPLACED_NOTE, *_SUMMARIES.values()))]
    for reason, note in _SUMMARIES.items():
        names = [name for name in result.missing if result.reasons.get(name) == reason]
        if names:
            result.warnings.append(note + ", ".join(names))
    if result.unplaced:
        shown = "; ".join(repr(_short(text)) for text in result.unplaced[:8])
        more = f" and {len(result.unplaced) - 8} more" if len(result.unplaced) > 8 else ""
        result.warnings.append(f"{_UNPLACED_NOTE}{shown}{more}")


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Friendly messages for the usual wrong forms of a date (`11/4/1963`, `April 1963`,
`c. 1963`, `1962-1964`, `1960s`...): each gives the exact EDTF to write instead.

`diagnose(text)` tries each hint in turn; a hint's suggestion is itself checked with the
strict parser, so no message ever proposes a date we would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desclasificado.records.edtf import MAX_YEAR, MIN_YEAR, MONTH_NAMES, OPEN, DateError, parse_edtf, quote

#: Diagnostics are skipped for text longer than this: no date is that long.
_MAX_DIAGNOSED = 80


def _parses(text: str) -> bool:
    """Whether text is valid strict EDTF."""
    try:
        parse_edtf(text)
    except DateError:
        return False
    return True


def _suggest(text: str, problem: str, fix: str, how: str = "write", gloss: str = "") -> str:
    """'<text> <problem>: <how> "<fix>"<gloss>', or fix's own error if fix is invalid too."""
    try:
        parse_edtf(fix)
    except DateError as err:
        return str(err)
    return f'{quote(text)} {problem}: {how} "{fix}"{gloss}'


def diagnose(text: str) -> str | None:
    """A friendly message for a common wrong form of date, or None."""
    if len(text) > _MAX_DIAGNOSED:
        return None
    for hint in _HINTS:
        message = hint(text)
        if message is not None:
            return message
    return None


def _hint_spaces(text: str) -> str | None:
    """'1963 / 1964', '1963 ~'."""
    squeezed = re.sub(r"\s+", "", text)
    if squeezed != text and _parses(squeezed):
        return _suggest(text, "has spaces inside", squeezed)
    return None


_NUMERIC_DMY_RE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")


def _hint_numeric_dmy(text: str) -> str | None:
    """'11/4/1963', '4/11/1963', '25.4.1963': suggest every valid year-first reading."""
    match = _NUMERIC_DMY_RE.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    readings = []
    for day, month in ((first, second), (second, first)):
        fix = f"{year:04d}-{month:02d}-{day:02d}"
        if _parses(fix) and fix not in (r[0] for r in readings):
            readings.append((fix, f"{day} {MONTH_NAMES[month - 1]}"))
    if not readings:
        return None
    options = " or ".join(f'"{fix}" ({words})' for fix, words in readings)
    problem = "is ambiguous" if len(readings) > 1 else "is not a date we can read"
    return f"{quote(text)} {problem}: write it year first, as {options}"


_NUMERIC_MY_RE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{4})")


def _hint_numeric_my(text: str) -> str | None:
    """'4/1963', '04.1963'."""
    match = _NUMERIC_MY_RE.fullmatch(text)
    if not match or not 1 <= int(match[1]) <= 12:
        return None
    month, year = int(match[1]), match[2]
    fix = f"{year}-{month:02d}"
    if not _parses(fix):
        return None
    return (
        f"{quote(text)} is not a date we can read: "
        f'write it year first, as "{fix}" ({MONTH_NAMES[month - 1]} {year})'
    )


_YEAR_FIRST_SLASHES_RE = re.compile(r"([0-9]{4})([/.])([0-9]{1,2})(?:\2([0-9]{1,2}))?")


def _hint_year_first_slashes(text: str) -> str | None:
    """'1963/04/11', '1963.4.11', '1963/04'."""
    match = _YEAR_FIRST_SLASHES_RE.fullmatch(text)
    if not match:
        return None
    parts = [match[1], f"{int(match[3]):02d}"] + ([f"{int(match[4]):02d}"] if match[4] else [])
    separators = "slashes" if match[2] == "/" else "dots"
    return _suggest(text, f"uses {separators}", "-".join(parts), "write it with hyphens, as")


_UNPADDED_RE = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?([?~%]?)")


def _unpadded_to_edtf(text: str) -> str | None:
    """'1963-4-11' -> '1963-04-11' (only when some part has a single digit)."""
    match = _UNPADDED_RE.fullmatch(text)
    if not match or (len(match[2]) == 2 and (match[3] is None or len(match[3]) == 2)):
        return None
    parts = [match[1], f"{int(match[2]):02d}"] + ([f"{int(match[3]):02d}"] if match[3] else [])
    return "-".join(parts) + match[4]


def _hint_unpadded(text: str) -> str | None:
    """'1963-4-11'."""
    fix = _unpadded_to_edtf(text)
    return None if fix is None else _suggest(text, "needs two-digit months and days", fix)


def _month_names() -> dict[str, int]:
    """Month names and abbreviations, English and Spanish, lower case."""
    english = [name.lower() for name in MONTH_NAMES]
    spanish = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
               "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
    names: dict[str, int] = {}
    for number, (en, es) in enumerate(zip(english, spanish, strict=True), start=1):
        for name in (en, en[:3], es, es[:3]):
            names[name] = number
    names.update({"sept": 9, "setiembre": 9, "set": 9})
    return names


_MONTHS = _month_names()
#: Words ignored around month names: "11 de abril de 1963", "11th of April".
_FILLER = {"de", "del", "of", "the", "st", "nd", "rd", "th", "º", "ª", "o", "er", "ro"}


def _is_number(token: str, min_digits: int, max_digits: int) -> bool:
    """Whether token is made of min_digits to max_digits ASCII digits."""
    return token.isascii() and token.isdigit() and min_digits <= len(token) <= max_digits


def _words_to_edtf(text: str) -> str | None:
    """'April 1963', '11 April 1963', 'April 11, 1963', '11 de abril de 1963' -> EDTF."""
    if ".." in text or not re.fullmatch(r"(?:[^\W_]|[\s,.'])+[?~%]?", text):
        return None
    qualifier = text[-1] if text[-1] in "?~%" else ""
    tokens = [t for t in re.findall(r"[0-9]+|[^\W\d_]+", text.lower()) if t not in _FILLER]
    months = [i for i, token in enumerate(tokens) if token in _MONTHS]
    if len(months) != 1 or not _is_number(tokens[-1], 4, 4):
        return None
    month, year = _MONTHS[tokens[months[0]]], tokens[-1]
    others = [t for i, t in enumerate(tokens[:-1]) if i != months[0]]
    if not others:
        return f"{year}-{month:02d}{qualifier}"
    if len(others) == 1 and _is_number(others[0], 1, 2):
        return f"{year}-{month:02d}-{int(others[0]):02d}{qualifier}"
    return None


def _hint_month_words(text: str) -> str | None:
    """'April 1963', '11 April 1963', 'April 11, 1963', 'abril de 1963'."""
    fix = _words_to_edtf(text)
    if fix is None:
        return None
    return _suggest(text, "spells out the month", fix, "write it in numbers, as")


_DECADE_WORDS_RE = re.compile(r"(?:the\s+)?([0-9]{3})0\s*['’]?s", re.IGNORECASE)


def _decade_words_to_edtf(text: str) -> str | None:
    """'1960s', "the 1960's" -> '196X'."""
    match = _DECADE_WORDS_RE.fullmatch(text)
    return None if match is None else f"{match[1]}X"


def _hint_decade_words(text: str) -> str | None:
    """'1960s'."""
    fix = _decade_words_to_edtf(text)
    return None if fix is None else _suggest(text, "is not EDTF", fix, "write a decade as")


def _rewrite_single(text: str) -> str | None:
    """The EDTF for one date written either correctly or in a common wrong form."""
    try:
        if not parse_edtf(text).is_interval:
            return text
    except DateError:
        pass
    for rewrite in (_words_to_edtf, _decade_words_to_edtf, _unpadded_to_edtf, _circa_to_edtf):
        fix = rewrite(text)
        if fix is not None and _parses(fix):
            return fix
    return None


_CIRCA_RE = re.compile(
    r"(?:circa|ca|c|approximately|approx|about|around|aproximadamente|aprox|hacia"
    r"|alrededor\s+de|cerca\s+de)(?:\.\s*|\s+)(?P<rest>.+)",
    re.IGNORECASE,
)


def _circa_to_edtf(text: str) -> str | None:
    """'c. 1963', 'ca. April 1963' -> '1963~', '1963-04~'."""
    match = _CIRCA_RE.fullmatch(text)
    if not match:
        return None
    fix = _rewrite_single(match["rest"])
    if fix is None or fix[-1] in "?~%":
        return None
    return f"{fix}~"


def _hint_circa(text: str) -> str | None:
    """'c. 1963', 'ca. April 1963', 'circa 1963'."""
    fix = _circa_to_edtf(text)
    if fix is None:
        return None
    return _suggest(text, "is not EDTF", fix, 'mark an approximate date with "~" after it, as')


_YEAR_RANGE_RE = re.compile(r"([0-9]{4})-([0-9]{4})")
_RANGE_RE = re.compile(
    r"(?P<a>.+?)\s*(?:–|—|\s-\s|\s+(?:to|until|al|a|hasta)\s+)\s*(?P<b>.+)", re.IGNORECASE
)


def _hint_range(text: str) -> str | None:
    """'1962-1964', '1962 – 1964', 'June 1962 to March 1963'."""
    match = _YEAR_RANGE_RE.fullmatch(text) or _RANGE_RE.fullmatch(text)
    if not match:
        return None
    left, right = _rewrite_single(match[1]), _rewrite_single(match[2])
    if left is None or right is None:
        return None
    fix = f"{left}/{right}" if _parses(f"{left}/{right}") else f"{right}/{left}"
    return _suggest(text, "looks like a range", fix, "write an interval with a slash, as")


def _hint_interval_sides(text: str) -> str | None:
    """'1963-4/1963-6', 'April 1962/1963': an interval whose sides need rewriting."""
    sides = text.split("/")
    if len(sides) != 2:
        return None
    fixed = [side if side == OPEN else _rewrite_single(side) for side in sides]
    if None in fixed:
        return None
    return _suggest(text, "is not quite EDTF", "/".join(fixed))


def _hint_lowercase_x(text: str) -> str | None:
    """'196x'."""
    if re.fullmatch(r"[0-9]{3}x[?~%]?", text):
        return _suggest(text, "needs a capital X", text.upper())
    return None


def _hint_century(text: str) -> str | None:
    """'19XX' (EDTF for an unspecified year in a century)."""
    match = re.fullmatch(r"([0-9]{2})[Xx]{2}", text)
    if not match:
        return None
    fix = f"{match[1]}00/{match[1]}99"
    return _suggest(text, "is a whole century, which we do not support", fix, "write the interval")


def _hint_unspecified(text: str) -> str | None:
    """'1963-XX', '1963-04-XX', '1963-XX-XX'."""
    match = re.fullmatch(r"([0-9]{4})(?:-[Xx]{2}(?:-[Xx]{2})?|(-[0-9]{2})-[Xx]{2})", text)
    if not match:
        return None
    fix = match[1] + (match[2] or "")
    return _suggest(text, "marks an unknown month or day with X", fix, "leave it out, as")


def _hint_time(text: str) -> str | None:
    """'1963-04-11T10:30', '1963-04-11 10:30:00Z'."""
    match = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T\s][0-9:.+\-]+Z?", text)
    if not match:
        return None
    return _suggest(text, "includes a time of day", match[1], "write only the day, as")


def _hint_qualifiers(text: str) -> str | None:
    """'1963?~' (two qualifiers) and '~1963' (qualifier in front)."""
    match = re.fullmatch(r"(?P<date>[^?~%]+)(?P<quals>[?~%]{2,})", text)
    if match and _parses(match["date"]) and not parse_edtf(match["date"]).is_interval:
        quals = match["quals"]
        approximate = "~" in quals or "%" in quals
        uncertain = "?" in quals or "%" in quals
        qualifier = "%" if approximate and uncertain else "~" if approximate else "?"
        gloss = ' ("%" means approximate and uncertain)' if qualifier == "%" else ""
        return _suggest(text, "has more than one qualifier", match["date"] + qualifier, gloss=gloss)
    match = re.fullmatch(r"(?P<qual>[?~%])(?P<date>[^?~%]+)", text)
    if match and _parses(match["date"]) and not parse_edtf(match["date"]).is_interval:
        fix = match["date"] + match["qual"]
        return _suggest(text, "has the qualifier in front", fix, "put it after the date, as")
    return None


def _hint_year_digits(text: str) -> str | None:
    """'63', '963-04-11', '19633': years must have four digits."""
    if re.fullmatch(r"(?:[0-9]{1,3}|[0-9]{5,})(?:-[0-9]{1,2}){0,2}[?~%]?", text):
        return (f"{quote(text)} does not have a four-digit year: "
                f"write the year in full, between {MIN_YEAR} and {MAX_YEAR}")
    return None


_HINTS: tuple[Callable[[str], str | None], ...] = (
    _hint_spaces,
    _hint_numeric_dmy,
    _hint_numeric_my,
    _hint_year_first_slashes,
    _hint_unpadded,
    _hint_month_words,
    _hint_circa,
    _hint_range,
    _hint_interval_sides,
    _hint_decade_words,
    _hint_lowercase_x,
    _hint_century,
    _hint_unspecified,
    _hint_time,
    _hint_qualifiers,
    _hint_year_digits,
)


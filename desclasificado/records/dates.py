"""Historical dates written in EDTF (Extended Date/Time Format, levels 0 and 1).

Records carry dates such as ``"1963-04-11"``, ``"1963-06?"``, ``"196X"`` or
``"1962-06/1962-12"`` (see FORMAT.md, section "Dates").  :func:`parse_date`
turns such a string into a :class:`HistDate`, which knows the range of days it
can mean, sorts chronologically across precisions and displays itself in words.

Anything that is not a date we accept raises :class:`DateError`, whose message
is one line saying what is wrong and how to write it instead.  The usual wrong
forms (``11/4/1963``, ``April 1963``, ``c. 1963``, ``1962-1964``, ``1960s``...)
get a message with the exact EDTF to write.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

MIN_YEAR = 1000
MAX_YEAR = 2999

OPEN = ".."

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

_PRECISION_RANK = {"decade": 0, "year": 1, "month": 2, "day": 3}

_DAY_RE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<qual>[?~%])?"
)
_DECADE_RE = re.compile(r"(?P<decade>[0-9]{3})X(?P<qual>[?~%])?")

#: Diagnostics are skipped for text longer than this: no date is that long.
_MAX_DIAGNOSED = 80
#: The user's text is shown in messages cut to this many characters.
_MAX_SHOWN = 40

_GENERIC = (
    "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (EDTF); see FORMAT.md, section Dates"
)
_EMPTY = 'the date is empty: write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. "1963-04-11"'


class DateError(ValueError):
    """A date that cannot be read.

    The message is a one-line, human sentence saying what is wrong AND how to
    fix it, e.g. ``'11/4/1963' is ambiguous: write it year first, as
    "1963-04-11" (11 April) or "1963-11-04" (4 November)``.
    """


@dataclass(frozen=True, order=False)
class HistDate:
    """One EDTF date or interval.

    ``start`` and ``end`` are the earliest and latest days the text can mean
    (``None`` for an open side ``..``).  ``precision`` is that of the start
    part, or of the end part when the start is open.  For an interval,
    ``approximate`` and ``uncertain`` are true when either side says so.
    """

    text: str
    start: datetime.date | None
    end: datetime.date | None
    precision: str
    approximate: bool
    uncertain: bool
    is_interval: bool

    def sort_key(self) -> tuple:
        """Key for chronological sorting across precisions.

        By earliest day (open start first), then coarser precision first,
        then by latest day (open end last), then by text.
        """
        start = datetime.date.min if self.start is None else self.start
        end = datetime.date.max if self.end is None else self.end
        return (start, _PRECISION_RANK[self.precision], end, self.text)

    def display(self) -> str:
        """The date in words: "11 April 1963", "c. 1963", "June–December 1962"..."""
        if not self.is_interval:
            return _qualified(self, _words(self))
        left, right = _sides(self.text)
        return _display_interval(left, right)

    def iso_start(self) -> str | None:
        """The earliest day as "YYYY-MM-DD", or None for an open start."""
        return None if self.start is None else self.start.isoformat()

    def year(self) -> int | None:
        """Year of the start (of the end when the start is open)."""
        day = self.start if self.start is not None else self.end
        return None if day is None else day.year

    def decade(self) -> int | None:
        """Decade of :meth:`year`, e.g. 1960."""
        year = self.year()
        return None if year is None else year // 10 * 10


# --------------------------------------------------------------------------
# Parsing


def parse_date(text: str) -> HistDate:
    """Parse an EDTF date or interval; raise DateError for anything else.

    Surrounding whitespace is ignored.  Whatever the input, the only
    exception raised is DateError.
    """
    if not isinstance(text, str):
        raise _not_text(text)
    stripped = text.strip()
    if not stripped:
        raise DateError(_EMPTY)
    try:
        return _parse_edtf(stripped)
    except DateError:
        hint = _diagnose(stripped)
        if hint is None:
            raise
        raise DateError(hint) from None


def _parse_edtf(text: str) -> HistDate:
    """Parse stripped text as strict EDTF (a single date or an interval)."""
    if "/" not in text:
        return _parse_part(text)
    sides = text.split("/")
    if len(sides) != 2:
        raise _generic(text)
    return _parse_interval(text, sides[0], sides[1])


def _parse_interval(text: str, left: str, right: str) -> HistDate:
    """Parse an interval "A/B", where either side may be open ("..")."""
    if left == OPEN and right == OPEN:
        raise DateError(
            f"{_quote(text)} is open at both ends: "
            'give at least one date, as "../1963" or "1961/.."'
        )
    if not left or not right:
        _check_empty_side(text, left, right)
    start = None if left == OPEN else _parse_part(left)
    end = None if right == OPEN else _parse_part(right)
    if start is not None and end is not None and end.end < start.start:
        raise DateError(
            f"{_quote(text)} ends before it starts: write the earlier date first, "
            f'as "{right}/{left}"'
        )
    first = start if start is not None else end
    known = [side for side in (start, end) if side is not None]
    return HistDate(
        text=text,
        start=None if start is None else start.start,
        end=None if end is None else end.end,
        precision=first.precision,
        approximate=any(side.approximate for side in known),
        uncertain=any(side.uncertain for side in known),
        is_interval=True,
    )


def _check_empty_side(text: str, left: str, right: str) -> None:
    """Reject "1963/" or "/1963", suggesting ".." when the other side is fine."""
    other = left or right
    if not other or other == OPEN:
        raise _generic(text)
    _parse_part(other)  # a bad other side gets its own message
    fixed = f"{left}/{OPEN}" if left else f"{OPEN}/{right}"
    kind = "an open end" if left else "an open start"
    raise DateError(f'{_quote(text)} has an empty side: write "{fixed}" for {kind}')


def _parse_part(text: str) -> HistDate:
    """Parse one side: "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYX", maybe qualified."""
    match = _DAY_RE.fullmatch(text)
    if match:
        return _from_match(text, match)
    match = _DECADE_RE.fullmatch(text)
    if match:
        return _from_decade(text, match)
    raise _generic(text)


def _from_match(text: str, match: re.Match[str]) -> HistDate:
    """Build a day, month or year from a match of _DAY_RE, checking it exists."""
    year_text, month_text, day_text = match["year"], match["month"], match["day"]
    year = int(year_text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(
            f"year {year_text} is outside the years we accept (in {_quote(text)}): "
            f"write a year between {MIN_YEAR} and {MAX_YEAR}"
        )
    if month_text is None:
        start, end, precision = datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"
    else:
        month = _check_month(text, month_text)
        last = calendar.monthrange(year, month)[1]
        if day_text is None:
            start, end = datetime.date(year, month, 1), datetime.date(year, month, last)
            precision = "month"
        else:
            day = _check_day(match.group(0).rstrip("?~%"), year, month, day_text)
            start = end = datetime.date(year, month, day)
            precision = "day"
    return _single(text, start, end, precision, match["qual"])


def _check_month(text: str, month_text: str) -> int:
    """Return the month number, or explain why it is not one."""
    month = int(month_text)
    if 21 <= month <= 24:
        raise DateError(
            f"{_quote(text)} uses an EDTF season (21–24), which we do not support: "
            'write a month or an interval of months instead, e.g. "1963-03/1963-05"'
        )
    if not 1 <= month <= 12:
        raise DateError(
            f"month {month_text} does not exist (in {_quote(text)}): "
            "write months as 01 (January) to 12 (December)"
        )
    return month


def _check_day(core: str, year: int, month: int, day_text: str) -> int:
    """Return the day number, or say why ``core`` (YYYY-MM-DD) is not a real date."""
    day = int(day_text)
    last = calendar.monthrange(year, month)[1]
    if day == 0:
        raise DateError(f"{core} is not a real date: days are numbered from 01")
    if day > last:
        month_name = MONTH_NAMES[month - 1]
        raise DateError(f"{core} is not a real date: {month_name} {year} has {last} days")
    return day


def _from_decade(text: str, match: re.Match[str]) -> HistDate:
    """Build an unspecified-year decade such as "196X"."""
    decade = int(match["decade"]) * 10
    if not (MIN_YEAR <= decade and decade + 9 <= MAX_YEAR):
        raise DateError(
            f"decade {match['decade']}X is outside the years we accept (in {_quote(text)}): "
            f"write a decade between {MIN_YEAR // 10}X and {MAX_YEAR // 10}X"
        )
    start, end = datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31)
    return _single(text, start, end, "decade", match["qual"])


def _single(
    text: str, start: datetime.date, end: datetime.date, precision: str, qualifier: str | None
) -> HistDate:
    """A non-interval HistDate with the flags of its trailing qualifier."""
    return HistDate(
        text=text,
        start=start,
        end=end,
        precision=precision,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
        is_interval=False,
    )


def _sides(text: str) -> tuple[HistDate | None, HistDate | None]:
    """The two sides of a valid interval text (None for an open side)."""
    left, right = text.split("/")
    return (
        None if left == OPEN else _parse_part(left),
        None if right == OPEN else _parse_part(right),
    )


# --------------------------------------------------------------------------
# Errors and diagnostics for the usual wrong forms


def _quote(text: str) -> str:
    """The user's text, quoted and escaped for a one-line message, cut if long."""
    if len(text) > _MAX_SHOWN:
        text = text[:_MAX_SHOWN] + "…"
    return repr(text)


def _generic(text: str) -> DateError:
    """The catch-all error for text that is no date at all."""
    return DateError(f"{_quote(text)} {_GENERIC}")


def _not_text(value: object) -> DateError:
    """The error for a non-string, e.g. a date YAML parsed because of missing quotes."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date) or (
        isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6
    ):
        shown = value.isoformat() if isinstance(value, datetime.date) else str(value)
        return DateError(
            f'the date {shown} must be in quotes, as "{shown}", so YAML keeps it as text'
        )
    return DateError(
        f'the date must be text in quotes, such as "1963-04-11", not {type(value).__name__}'
    )


def _parses(text: str) -> bool:
    """Whether text is valid strict EDTF."""
    try:
        _parse_edtf(text)
    except DateError:
        return False
    return True


def _suggest(text: str, problem: str, fix: str, how: str = "write", gloss: str = "") -> str:
    """'<text> <problem>: <how> "<fix>"<gloss>', or fix's own error if fix is invalid too."""
    try:
        _parse_edtf(fix)
    except DateError as err:
        return str(err)
    return f'{_quote(text)} {problem}: {how} "{fix}"{gloss}'


def _diagnose(text: str) -> str | None:
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
    return f"{_quote(text)} {problem}: write it year first, as {options}"


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
        f"{_quote(text)} is not a date we can read: "
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
        if not _parse_edtf(text).is_interval:
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
    if match and _parses(match["date"]) and not _parse_edtf(match["date"]).is_interval:
        quals = match["quals"]
        approximate = "~" in quals or "%" in quals
        uncertain = "?" in quals or "%" in quals
        qualifier = "%" if approximate and uncertain else "~" if approximate else "?"
        gloss = ' ("%" means approximate and uncertain)' if qualifier == "%" else ""
        return _suggest(text, "has more than one qualifier", match["date"] + qualifier, gloss=gloss)
    match = re.fullmatch(r"(?P<qual>[?~%])(?P<date>[^?~%]+)", text)
    if match and _parses(match["date"]) and not _parse_edtf(match["date"]).is_interval:
        fix = match["date"] + match["qual"]
        return _suggest(text, "has the qualifier in front", fix, "put it after the date, as")
    return None


def _hint_year_digits(text: str) -> str | None:
    """'63', '963-04-11', '19633': years must have four digits."""
    if re.fullmatch(r"(?:[0-9]{1,3}|[0-9]{5,})(?:-[0-9]{1,2}){0,2}[?~%]?", text):
        return (f"{_quote(text)} does not have a four-digit year: "
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


# --------------------------------------------------------------------------
# Display


def _words(date: HistDate) -> str:
    """A single date in words, without qualifiers: "11 April 1963", "1960s"."""
    start = date.start
    if date.precision == "decade":
        return f"{start.year}s"
    if date.precision == "year":
        return str(start.year)
    month = MONTH_NAMES[start.month - 1]
    if date.precision == "month":
        return f"{month} {start.year}"
    return f"{start.day} {month} {start.year}"


def _qualified(date: HistDate, words: str) -> str:
    """Add "c. " for approximate and " (uncertain)" for uncertain."""
    if date.approximate:
        words = f"c. {words}"
    if date.uncertain:
        words = f"{words} (uncertain)"
    return words


def _display_interval(left: HistDate | None, right: HistDate | None) -> str:
    """An interval in words, compact when both sides share their year or month."""
    if left is None:
        return f"until {right.display()}"
    if right is None:
        return f"from {left.display()}"
    if left.text == right.text:
        return left.display()
    plain = not (left.approximate or left.uncertain or right.approximate or right.uncertain)
    if plain and left.precision == right.precision:
        compact = _compact(left.start, right.start, left.precision)
        if compact is not None:
            return compact
    first, last = left.display(), right.display()
    dash = " – " if " " in first + last else "–"
    return f"{first}{dash}{last}"


def _compact(first: datetime.date, last: datetime.date, precision: str) -> str | None:
    """"June–December 1962", "11–14 April 1963", "11 April – 3 May 1963", or None."""
    if first.year != last.year or precision not in ("month", "day"):
        return None
    year = first.year
    first_month, last_month = MONTH_NAMES[first.month - 1], MONTH_NAMES[last.month - 1]
    if precision == "month":
        return f"{first_month}–{last_month} {year}"
    if first.month == last.month:
        return f"{first.day}–{last.day} {first_month} {year}"
    return f"{first.day} {first_month} – {last.day} {last_month} {year}"

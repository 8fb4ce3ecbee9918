"""EDTF dates (levels 0 and 1) read strictly: the `HistDate` a record's date means, and how
it reads in words.

`parse_edtf` accepts exactly the EDTF forms we support and raises `DateError` for anything
else; `dates.parse_date` adds the friendly messages for the usual wrong forms
(`datehints.py`). A `HistDate` knows the range of days it can mean, sorts chronologically
across precisions and displays itself in words.
"""

from __future__ import annotations

import calendar
import datetime
import re
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

#: The user's text is shown in messages cut to this many characters.
_MAX_SHOWN = 40

_GENERIC = (
    "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (EDTF); see FORMAT.md, section Dates"
)



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


def parse_edtf(text: str) -> HistDate:
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
            f"{quote(text)} is open at both ends: "
            'give at least one date, as "../1963" or "1961/.."'
        )
    if not left or not right:
        _check_empty_side(text, left, right)
    start = None if left == OPEN else _parse_part(left)
    end = None if right == OPEN else _parse_part(right)
    if start is not None and end is not None and end.end < start.start:
        raise DateError(
            f"{quote(text)} ends before it starts: write the earlier date first, "
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
    raise DateError(f'{quote(text)} has an empty side: write "{fixed}" for {kind}')


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
            f"year {year_text} is outside the years we accept (in {quote(text)}): "
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
            f"{quote(text)} uses an EDTF season (21–24), which we do not support: "
            'write a month or an interval of months instead, e.g. "1963-03/1963-05"'
        )
    if not 1 <= month <= 12:
        raise DateError(
            f"month {month_text} does not exist (in {quote(text)}): "
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
            f"decade {match['decade']}X is outside the years we accept (in {quote(text)}): "
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


def quote(text: str) -> str:
    """The user's text, quoted and escaped for a one-line message, cut if long."""
    if len(text) > _MAX_SHOWN:
        text = text[:_MAX_SHOWN] + "…"
    return repr(text)


def _generic(text: str) -> DateError:
    """The catch-all error for text that is no date at all."""
    return DateError(f"{quote(text)} {_GENERIC}")


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

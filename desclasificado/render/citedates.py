"""Dates as the citation styles write them: Chicago's 'April 11, 1963', MLA's '11 Apr.
1963', APA's '(1963, April 11)', and the access day of each.

On pages in another language the citation writes dates as that language does (Spanish:
'11 de abril de 1963', APA '(1963, 11 de abril)', 's. f.' for no date), with the words of
the catalogue and Babel's month names (`cited_date`, `cited_day`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from babel.dates import format_skeleton

from desclasificado.records.dates import HistDate, parse_date
from desclasificado.render.i18n import _, current
from desclasificado.render.i18n_dates import date_text, day_text

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")

def interval_sides(date: HistDate) -> tuple[HistDate | None, HistDate | None]:
    """The two sides of an interval (None: open), or the date twice."""
    if not date.is_interval:
        return date, date
    left, right = date.text.split("/", 1)
    return (None if left in ("", "..") else parse_date(left),
            None if right in ("", "..") else parse_date(right))


def _qualify(date: HistDate, words: str) -> str:
    """Add 'ca.' for an approximate date and '?' for an uncertain one."""
    if date.approximate:
        words = f"ca. {words}"
    return f"{words}?" if date.uncertain else words


def _styled_date(date: HistDate, single: Callable[[HistDate], str],
                 pair: Callable[[HistDate, HistDate], str]) -> str:
    """A date in one style, given the style's single date and closed range; an open
    interval is shown as written."""
    if date.is_interval:
        left, right = interval_sides(date)
        if left is None or right is None:
            return date.display()
        return _qualify(date, pair(left, right))
    return _qualify(date, single(date))


def _day_and_year(date: HistDate) -> tuple[datetime.date, str | None]:
    """The first known day of a date, and its text when the date is only a decade
    ('1960s') or a year ('1963') - written alike in every style; else None."""
    day = date.start or date.end
    assert day is not None
    if date.precision == "decade":
        return day, f"{day.year // 10 * 10}s"
    if date.precision == "year":
        return day, str(day.year)
    return day, None


def _coarse(left: HistDate, right: HistDate) -> bool:
    """Whether either end of a range is known only to its year or decade."""
    return bool({left.precision, right.precision} & {"decade", "year"})


def us_date(date: HistDate) -> str:
    """Chicago's form: 'April 11, 1963', 'April 1963', '1963', '1960s',
    'June–December 1962', 'ca. 1963'."""
    return _styled_date(date, _us_single, _us_range)


def _us_single(date: HistDate) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    if date.precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _us_range(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if a.year != b.year or _coarse(left, right):
        return f"{_us_single(left)}\u2013{_us_single(right)}"
    if left.precision == right.precision == "day":
        if a.month == b.month:
            return f"{MONTHS[a.month - 1]} {a.day}\u2013{b.day}, {a.year}"
        return f"{MONTHS[a.month - 1]} {a.day}\u2013{MONTHS[b.month - 1]} {b.day}, {a.year}"
    return f"{MONTHS[a.month - 1]}\u2013{MONTHS[b.month - 1]} {a.year}"


def mla_date(date: HistDate) -> str:
    """MLA's form: '11 Apr. 1963', 'Apr. 1963', '1963', 'June–Dec. 1962'."""
    return _styled_date(date, _mla_single, _mla_range)


def _mla_single(date: HistDate, year: bool = True) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    tail = f" {day.year}" if year else ""
    if date.precision == "month":
        return f"{MLA_MONTHS[day.month - 1]}{tail}"
    return f"{day.day} {MLA_MONTHS[day.month - 1]}{tail}"


def _mla_range(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if a.year != b.year or _coarse(left, right):
        return f"{_mla_single(left)}\u2013{_mla_single(right)}"
    if left.precision == right.precision == "day" and a.month == b.month:
        return f"{a.day}\u2013{b.day} {MLA_MONTHS[a.month - 1]} {a.year}"
    return f"{_mla_single(left, year=False)}\u2013{_mla_single(right)}"


def apa_date(date: HistDate | None) -> str:
    """APA's parenthesized date: '(1963, April 11)', '(1963, April)', '(1963)',
    '(1962, June–December)', '(1962–1964)', '(n.d.)'."""
    if date is None:
        return "(n.d.)"
    left, right = interval_sides(date)
    if left is None or right is None:
        return f"({date.display()})"
    if date.is_interval and (left.start and right.end) and left.start.year != right.end.year:
        text = f"{_apa_single(left)}\u2013{_apa_single(right)}"
    elif date.is_interval:
        text = _apa_same_year(left, right)
    else:
        text = _apa_single(date)
    return f"({_qualify(date, text)})"


def _apa_single(date: HistDate) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    if date.precision == "month":
        return f"{day.year}, {MONTHS[day.month - 1]}"
    return f"{day.year}, {MONTHS[day.month - 1]} {day.day}"


def _apa_same_year(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if _coarse(left, right):
        return str(a.year)
    if left.precision == right.precision == "day":
        if a.month == b.month:
            return f"{a.year}, {MONTHS[a.month - 1]} {a.day}\u2013{b.day}"
        return f"{a.year}, {MONTHS[a.month - 1]} {a.day}\u2013{MONTHS[b.month - 1]} {b.day}"
    return f"{a.year}, {MONTHS[a.month - 1]}\u2013{MONTHS[b.month - 1]}"


def us_day(day: datetime.date) -> str:
    """'May 3, 2025' (Chicago and APA access dates)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def mla_day(day: datetime.date) -> str:
    """'3 May 2025' (MLA access dates)."""
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"




def english() -> bool:
    """Whether the page is in English: the styles' own (American) forms of dates."""
    return current().code == "en"


def cited_date(date: HistDate | None, style: str) -> str:
    """A document's date in a style ("chicago", "mla", "apa"), in the page's language;
    no date is 'n.d.' (Spanish 's. f.'), APA's in parentheses."""
    if date is None:
        # TRANSLATORS: "no date" in a citation (Spanish: "s. f.")
        nodate = _("n.d.")
        return f"({nodate})" if style == "apa" else nodate
    if english():
        return {"chicago": us_date, "mla": mla_date, "apa": apa_date}[style](date)
    if style != "apa":
        return date_text(date)
    day = date.start or date.end
    if date.is_interval or day is None or date.precision not in ("day", "month"):
        return f"({date_text(date)})"
    # TRANSLATORS: APA's day and month after the year, a Babel skeleton ("11 de abril")
    skeleton = _("MMMMd") if date.precision == "day" else "MMMM"
    return f"({day.year}, {format_skeleton(skeleton, day, locale=current().locale)})"


def cited_day(day: datetime.date, style: str) -> str:
    """An access day in a style, in the page's language."""
    if english():
        return mla_day(day) if style == "mla" else us_day(day)
    return day_text(day)

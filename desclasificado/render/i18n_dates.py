"""Dates in words for the language being rendered, with Babel's CLDR month names.

The shapes ("11 April 1963", "c. 1963", "June–December 1962") are messages of the
catalogue: a day is a Babel date pattern (`d MMMM y` in English, `d 'de' MMMM 'de' y` in
Spanish), the rest are templates with named parts. `HistDate.display()` (records/dates.py)
stays the English wording of check messages; pages use `date_text`.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel.dates import format_date, get_month_names

from desclasificado.records.dates import HistDate
from desclasificado.records.edtf import _sides
from desclasificado.render.i18n import Language, _, current


def _month(day: datetime.date) -> str:
    return get_month_names("wide", context="format", locale=current().locale)[day.month]


def _words(date: HistDate) -> str:
    """A single date in words, without qualifiers: "11 April 1963", "1960s"."""
    start = date.start
    if date.precision == "decade":
        return _("{decade}s").format(decade=start.year)
    if date.precision == "year":
        return str(start.year)
    if date.precision == "month":
        # TRANSLATORS: a month and its year, as a Babel (CLDR) date pattern
        return format_date(start, _("MMMM y"), locale=current().locale)
    # TRANSLATORS: a day, as a Babel (CLDR) date pattern: d = day, MMMM = month, y = year
    return format_date(start, _("d MMMM y"), locale=current().locale)


def day_text(day: datetime.date) -> str:
    """A day in words in the current language: "3 de diciembre de 2026"."""
    return format_date(day, _("d MMMM y"), locale=current().locale)


def _qualified(date: HistDate, words: str) -> str:
    """Mark approximate ("c. 1963") and uncertain ("1963 (uncertain)") dates."""
    if date.approximate:
        words = _("c. {date}").format(date=words)
    if date.uncertain:
        words = _("{date} (uncertain)").format(date=words)
    return words


def date_text(date: HistDate) -> str:
    """The date in words in the current language (each date worded once per language: a
    list shows the same dates again and again, and Babel's formatting is slow)."""
    return _date_text(current(), date)


@lru_cache(maxsize=65536)
def _date_text(lang: Language, date: HistDate) -> str:
    """`date_text` in `lang`, the current language (the key of the cache)."""
    return _worded(date)


def _worded(date: HistDate) -> str:
    """`date_text`, worded."""
    if not date.is_interval:
        return _qualified(date, _words(date))
    left, right = _sides(date.text)
    if left is None:
        return _("until {date}").format(date=date_text(right))
    if right is None:
        return _("from {date}").format(date=date_text(left))
    if left.text == right.text:
        return date_text(left)
    plain = not (left.approximate or left.uncertain or right.approximate or right.uncertain)
    if plain and left.precision == right.precision:
        compact = _compact(left.start, right.start, left.precision)
        if compact is not None:
            return compact
    first, last = date_text(left), date_text(right)
    dash = " – " if " " in first + last else "–"
    return f"{first}{dash}{last}"


def _compact(first: datetime.date, last: datetime.date, precision: str) -> str | None:
    """"June–December 1962", "11–14 April 1963", "11 April – 3 May 1963", or None."""
    if first.year != last.year or precision not in ("month", "day"):
        return None
    parts = {"year": first.year, "first_month": _month(first), "last_month": _month(last),
             "first_day": first.day, "last_day": last.day}
    if precision == "month":
        return _("{first_month}–{last_month} {year}").format(**parts)
    if first.month == last.month:
        return _("{first_day}–{last_day} {first_month} {year}").format(**parts)
    return _("{first_day} {first_month} – {last_day} {last_month} {year}").format(**parts)

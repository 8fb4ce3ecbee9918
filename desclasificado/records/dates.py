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

import datetime

from desclasificado.records.datehints import diagnose
from desclasificado.records.edtf import MONTH_NAMES, DateError, HistDate, parse_edtf

__all__ = ["MONTH_NAMES", "DateError", "HistDate", "parse_date"]

_EMPTY = 'the date is empty: write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. "1963-04-11"'


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
        return parse_edtf(stripped)
    except DateError:
        hint = diagnose(stripped)
        if hint is None:
            raise
        raise DateError(hint) from None



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


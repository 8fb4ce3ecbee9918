"""Tests for desclasificado.records.dates: EDTF parsing, error messages, sorting and display."""

from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desclasificado.records.dates import MONTH_NAMES, DateError, HistDate, parse_date

D = datetime.date

# text, start, end, precision, flags (a = approximate, u = uncertain, i = interval), display
VALID = [
    # FORMAT.md, section Dates
    ("1963-04-11", "1963-04-11", "1963-04-11", "day", "", "11 April 1963"),
    ("1963-04", "1963-04-01", "1963-04-30", "month", "", "April 1963"),
    ("1963", "1963-01-01", "1963-12-31", "year", "", "1963"),
    ("196X", "1960-01-01", "1969-12-31", "decade", "", "1960s"),
    ("1962-06/1962-12", "1962-06-01", "1962-12-31", "month", "i", "June–December 1962"),
    ("1963~", "1963-01-01", "1963-12-31", "year", "a", "c. 1963"),
    ("1963-06?", "1963-06-01", "1963-06-30", "month", "u", "June 1963 (uncertain)"),
    ("1963-06%", "1963-06-01", "1963-06-30", "month", "au", "c. June 1963 (uncertain)"),
    ("../1963-04", None, "1963-04-30", "month", "i", "until April 1963"),
    ("1961/..", "1961-01-01", None, "year", "i", "from 1961"),
    # more single dates
    ("1963-04~", "1963-04-01", "1963-04-30", "month", "a", "c. April 1963"),
    ("1963-04-01?", "1963-04-01", "1963-04-01", "day", "u", "1 April 1963 (uncertain)"),
    ("196X~", "1960-01-01", "1969-12-31", "decade", "a", "c. 1960s"),
    ("1964-02", "1964-02-01", "1964-02-29", "month", "", "February 1964"),
    ("1964-02-29", "1964-02-29", "1964-02-29", "day", "", "29 February 1964"),
    ("2000-02-29", "2000-02-29", "2000-02-29", "day", "", "29 February 2000"),
    ("1000", "1000-01-01", "1000-12-31", "year", "", "1000"),
    ("2999-12-31", "2999-12-31", "2999-12-31", "day", "", "31 December 2999"),
    ("  1963-04 \n", "1963-04-01", "1963-04-30", "month", "", "April 1963"),
    # compact intervals
    ("1963-04-11/1963-04-14", "1963-04-11", "1963-04-14", "day", "i", "11–14 April 1963"),
    ("1963-04-11/1963-05-03", "1963-04-11", "1963-05-03", "day", "i", "11 April – 3 May 1963"),
    ("1962-06/1963-03", "1962-06-01", "1963-03-31", "month", "i", "June 1962 – March 1963"),
    ("1962/1964", "1962-01-01", "1964-12-31", "year", "i", "1962–1964"),
    ("1962-12-30/1963-01-02", "1962-12-30", "1963-01-02", "day", "i",
     "30 December 1962 – 2 January 1963"),
    ("196X/197X", "1960-01-01", "1979-12-31", "decade", "i", "1960s–1970s"),
    # mixed precisions, qualifiers on one side, degenerate and open intervals
    ("1962/1963-04", "1962-01-01", "1963-04-30", "year", "i", "1962 – April 1963"),
    ("1963/1963-04", "1963-01-01", "1963-04-30", "year", "i", "1963 – April 1963"),
    ("1963-04-11/1963-04", "1963-04-11", "1963-04-30", "day", "i", "11 April 1963 – April 1963"),
    ("1962-06~/1962-12", "1962-06-01", "1962-12-31", "month", "ai",
     "c. June 1962 – December 1962"),
    ("1962/1964?", "1962-01-01", "1964-12-31", "year", "ui", "1962 – 1964 (uncertain)"),
    ("1963-04-11/1963-04-11", "1963-04-11", "1963-04-11", "day", "i", "11 April 1963"),
    ("../1963~", None, "1963-12-31", "year", "ai", "until c. 1963"),
    ("1961-05-02%/..", "1961-05-02", None, "day", "aui", "from c. 2 May 1961 (uncertain)"),
]


def iso(text: str | None) -> datetime.date | None:
    return None if text is None else D.fromisoformat(text)


@pytest.mark.parametrize(("text", "start", "end", "precision", "flags", "shown"), VALID)
def test_valid(text, start, end, precision, flags, shown):
    date = parse_date(text)
    expected = HistDate(
        text=text.strip(),
        start=iso(start),
        end=iso(end),
        precision=precision,
        approximate="a" in flags,
        uncertain="u" in flags,
        is_interval="i" in flags,
    )
    assert date == expected
    assert date.display() == shown


@pytest.mark.parametrize(
    ("text", "iso_start", "year", "decade"),
    [
        ("1963-04-11", "1963-04-11", 1963, 1960),
        ("1963", "1963-01-01", 1963, 1960),
        ("196X", "1960-01-01", 1960, 1960),
        ("1969-12/1971", "1969-12-01", 1969, 1960),
        ("../1971-05", None, 1971, 1970),
        ("1958/..", "1958-01-01", 1958, 1950),
    ],
)
def test_accessors(text, iso_start, year, decade):
    date = parse_date(text)
    assert (date.iso_start(), date.year(), date.decade()) == (iso_start, year, decade)


FORMAT_HINT = (
    "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (EDTF); see FORMAT.md, section Dates"
)
EMPTY = 'the date is empty: write it as YYYY, YYYY-MM or YYYY-MM-DD, e.g. "1963-04-11"'
CIRCA = 'is not EDTF: mark an approximate date with "~" after it, as'
RANGE = "looks like a range: write an interval with a slash, as"
NUMBERS = "spells out the month: write it in numbers, as"

ERRORS = [
    # empty
    ("", EMPTY),
    (" \t\n", EMPTY),
    # day and month in numbers, in any order
    ("11/4/1963", (
        "'11/4/1963' is ambiguous: write it year first, "
        'as "1963-04-11" (11 April) or "1963-11-04" (4 November)'
    )),
    ("4/11/1963", (
        "'4/11/1963' is ambiguous: write it year first, "
        'as "1963-11-04" (4 November) or "1963-04-11" (11 April)'
    )),
    ("11.4.1963", (
        "'11.4.1963' is ambiguous: write it year first, "
        'as "1963-04-11" (11 April) or "1963-11-04" (4 November)'
    )),
    ("25/4/1963", (
        "'25/4/1963' is not a date we can read: write it year first, as \"1963-04-25\" (25 April)"
    )),
    ("4/25/1963", (
        "'4/25/1963' is not a date we can read: write it year first, as \"1963-04-25\" (25 April)"
    )),
    ("4/4/1963", (
        "'4/4/1963' is not a date we can read: write it year first, as \"1963-04-04\" (4 April)"
    )),
    ("31/2/1963", f"'31/2/1963' {FORMAT_HINT}"),
    ("4/1963", (
        "'4/1963' is not a date we can read: write it year first, as \"1963-04\" (April 1963)"
    )),
    ("1963/4/11", "'1963/4/11' uses slashes: write it with hyphens, as \"1963-04-11\""),
    ("1963.04.11", "'1963.04.11' uses dots: write it with hyphens, as \"1963-04-11\""),
    ("1963/04", "'1963/04' uses slashes: write it with hyphens, as \"1963-04\""),
    # month names, English and Spanish
    ("April 1963", f"'April 1963' {NUMBERS} \"1963-04\""),
    ("11 April 1963", f"'11 April 1963' {NUMBERS} \"1963-04-11\""),
    ("April 11, 1963", f"'April 11, 1963' {NUMBERS} \"1963-04-11\""),
    ("Apr. 11th, 1963", f"'Apr. 11th, 1963' {NUMBERS} \"1963-04-11\""),
    ("Sept 1962", f"'Sept 1962' {NUMBERS} \"1962-09\""),
    ("abril de 1963", f"'abril de 1963' {NUMBERS} \"1963-04\""),
    ("11 de abril de 1963", f"'11 de abril de 1963' {NUMBERS} \"1963-04-11\""),
    ("April 1963?", f"'April 1963?' {NUMBERS} \"1963-04?\""),
    ("30 February 1963", "1963-02-30 is not a real date: February 1963 has 28 days"),
    # zero padding
    ("1963-4-11", "'1963-4-11' needs two-digit months and days: write \"1963-04-11\""),
    ("1963-04-1", "'1963-04-1' needs two-digit months and days: write \"1963-04-01\""),
    ("1963-4", "'1963-4' needs two-digit months and days: write \"1963-04\""),
    ("1963-2-30", "1963-02-30 is not a real date: February 1963 has 28 days"),
    # circa
    ("c. 1963", f"'c. 1963' {CIRCA} \"1963~\""),
    ("ca. 1963", f"'ca. 1963' {CIRCA} \"1963~\""),
    ("circa 1963", f"'circa 1963' {CIRCA} \"1963~\""),
    ("c. April 1963", f"'c. April 1963' {CIRCA} \"1963-04~\""),
    ("hacia 1960s", f"'hacia 1960s' {CIRCA} \"196X~\""),
    # ranges and sloppy intervals
    ("1962-1964", f"'1962-1964' {RANGE} \"1962/1964\""),
    ("1964-1962", f"'1964-1962' {RANGE} \"1962/1964\""),
    ("1962 – 1964", f"'1962 – 1964' {RANGE} \"1962/1964\""),
    ("June 1962 to March 1963", f"'June 1962 to March 1963' {RANGE} \"1962-06/1963-03\""),
    ("1963-4/1963-6", "'1963-4/1963-6' is not quite EDTF: write \"1963-04/1963-06\""),
    ("../April 1963", "'../April 1963' is not quite EDTF: write \"../1963-04\""),
    ("1963 / 1964", "'1963 / 1964' has spaces inside: write \"1963/1964\""),
    ("19 63", "'19 63' has spaces inside: write \"1963\""),
    # decades, centuries and X
    ("1960s", "'1960s' is not EDTF: write a decade as \"196X\""),
    ("the 1960's", "\"the 1960's\" is not EDTF: write a decade as \"196X\""),
    ("196x", "'196x' needs a capital X: write \"196X\""),
    ("19XX", (
        "'19XX' is a whole century, which we do not support: write the interval \"1900/1999\""
    )),
    ("1963-XX", "'1963-XX' marks an unknown month or day with X: leave it out, as \"1963\""),
    ("1963-04-XX", (
        "'1963-04-XX' marks an unknown month or day with X: leave it out, as \"1963-04\""
    )),
    # qualifiers and times
    ("1963?~", (
        "'1963?~' has more than one qualifier: "
        'write "1963%" ("%" means approximate and uncertain)'
    )),
    ("1963??", "'1963??' has more than one qualifier: write \"1963?\""),
    ("~1963", "'~1963' has the qualifier in front: put it after the date, as \"1963~\""),
    ("1963-04-11T10:30", (
        "'1963-04-11T10:30' includes a time of day: write only the day, as \"1963-04-11\""
    )),
    # impossible dates and years out of range
    ("1963-02-30", "1963-02-30 is not a real date: February 1963 has 28 days"),
    ("1964-02-30", "1964-02-30 is not a real date: February 1964 has 29 days"),
    ("1963-04-31?", "1963-04-31 is not a real date: April 1963 has 30 days"),
    ("1963-04-00", "1963-04-00 is not a real date: days are numbered from 01"),
    ("1963-13", (
        "month 13 does not exist (in '1963-13'): write months as 01 (January) to 12 (December)"
    )),
    ("1963-00-10", (
        "month 00 does not exist (in '1963-00-10'): write months as 01 (January) to 12 (December)"
    )),
    ("1963-21", (
        "'1963-21' uses an EDTF season (21–24), which we do not support: "
        'write a month or an interval of months instead, e.g. "1963-03/1963-05"'
    )),
    ("0999", (
        "year 0999 is outside the years we accept (in '0999'): write a year between 1000 and 2999"
    )),
    ("3000-01", (
        "year 3000 is outside the years we accept (in '3000-01'): "
        "write a year between 1000 and 2999"
    )),
    ("099X", (
        "decade 099X is outside the years we accept (in '099X'): "
        "write a decade between 100X and 299X"
    )),
    ("63", "'63' does not have a four-digit year: write the year in full, between 1000 and 2999"),
    ("19633", (
        "'19633' does not have a four-digit year: write the year in full, between 1000 and 2999"
    )),
    # intervals
    ("1964/1962", (
        "'1964/1962' ends before it starts: write the earlier date first, as \"1962/1964\""
    )),
    ("1963-04-11/1963-04-10", (
        "'1963-04-11/1963-04-10' ends before it starts: "
        'write the earlier date first, as "1963-04-10/1963-04-11"'
    )),
    ("../..", (
        "'../..' is open at both ends: give at least one date, as \"../1963\" or \"1961/..\""
    )),
    ("1963/", "'1963/' has an empty side: write \"1963/..\" for an open end"),
    ("/1963", "'/1963' has an empty side: write \"../1963\" for an open start"),
    ("1963/1964/1965", f"'1963/1964/1965' {FORMAT_HINT}"),
    ("1963/someday", f"'someday' {FORMAT_HINT}"),
    # anything else, quoted safely on one line
    ("someday", f"'someday' {FORMAT_HINT}"),
    ("1963\n04", f"'1963\\n04' {FORMAT_HINT}"),
    ("it's\x00", f"\"it's\\x00\" {FORMAT_HINT}"),
    ("x" * 100, f"'{'x' * 40}…' {FORMAT_HINT}"),
    ("١٩٦٣", f"'١٩٦٣' {FORMAT_HINT}"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_error_messages(text, message):
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == message


QUOTED_DAY = 'the date 1963-04-11 must be in quotes, as "1963-04-11", so YAML keeps it as text'


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (D(1963, 4, 11), QUOTED_DAY),
        (datetime.datetime(1963, 4, 11, 10, 30), QUOTED_DAY),
        (1963, 'the date 1963 must be in quotes, as "1963", so YAML keeps it as text'),
        (None, 'the date must be text in quotes, such as "1963-04-11", not NoneType'),
        (True, 'the date must be text in quotes, such as "1963-04-11", not bool'),
    ],
)
def test_not_text(value, message):
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert str(caught.value) == message


def test_date_error_is_value_error():
    with pytest.raises(ValueError):
        parse_date("1963-02-30")


def test_sorting_mixed_precisions():
    in_order = [
        "../1962",
        "196X",
        "1960",
        "1962",
        "1962/1964",
        "1962-06",
        "1962-06/1962-12",
        "1962-06-01",
        "1962-06-15?",
        "1962-07~",
        "1963",
        "1963~",
        "1963/..",
        "1963-01",
        "1963-01-01",
        "1963-01-01/1963-01-02",
        "1963-04-11",
        "1964-02-29",
        "197X",
    ]
    shuffled = in_order[:]
    random.Random(1963).shuffle(shuffled)
    assert shuffled != in_order
    dates = sorted((parse_date(text) for text in shuffled), key=HistDate.sort_key)
    assert [date.text for date in dates] == in_order


# --------------------------------------------------------------------------
# Properties

DATES = st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31))
PRECISIONS = st.sampled_from(["day", "month", "year", "decade"])
QUALIFIERS = st.sampled_from(["", "?", "~", "%"])


def edtf(day: datetime.date, precision: str, qualifier: str = "") -> str:
    """The EDTF text for the day, month, year or decade containing day."""
    iso = day.isoformat()
    cut = {"day": iso, "month": iso[:7], "year": iso[:4], "decade": iso[:3] + "X"}[precision]
    return cut + qualifier


def one_line_message(text: str) -> str:
    """Parse text expecting failure; return the message, checked to be one printable line."""
    with pytest.raises(DateError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert message and message.isprintable()
    return message


def check_any_text(text: str) -> None:
    """Arbitrary text either parses into a displayable date or raises a one-line DateError."""
    try:
        date = parse_date(text)
    except DateError as err:
        assert str(err) and str(err).isprintable()
    else:
        assert isinstance(date, HistDate)
        assert date.display()
        date.sort_key()


@settings(max_examples=300)
@given(st.text())
def test_any_text_raises_only_date_error(text):
    check_any_text(text)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-/X.?~% ,acdeilnoprsx", max_size=25))
def test_date_like_text_raises_only_date_error(text):
    check_any_text(text)


@settings(max_examples=200)
@given(DATES, PRECISIONS, QUALIFIERS)
def test_generated_single_dates(day, precision, qualifier):
    text = edtf(day, precision, qualifier)
    date = parse_date(text)
    assert date.text == text
    assert date.precision == precision
    assert not date.is_interval
    assert date.start <= day <= date.end
    assert date.approximate == (qualifier in "~%" and qualifier != "")
    assert date.uncertain == (qualifier in "?%" and qualifier != "")
    assert date.iso_start() == date.start.isoformat()
    assert date.year() == date.start.year
    shown = date.display()
    assert shown and "None" not in shown


@settings(max_examples=200)
@given(DATES, DATES, PRECISIONS, PRECISIONS, QUALIFIERS, QUALIFIERS)
def test_generated_intervals(first, second, precision_a, precision_b, qual_a, qual_b):
    first, second = sorted((first, second))
    text = f"{edtf(first, precision_a, qual_a)}/{edtf(second, precision_b, qual_b)}"
    date = parse_date(text)
    assert date.is_interval
    assert date.start <= first <= second <= date.end
    assert date.precision == precision_a
    shown = date.display()
    assert shown and "None" not in shown


@settings(max_examples=100)
@given(DATES, PRECISIONS, st.booleans())
def test_generated_open_intervals(day, precision, open_start):
    text = f"../{edtf(day, precision)}" if open_start else f"{edtf(day, precision)}/.."
    date = parse_date(text)
    assert (date.start is None) == open_start
    assert (date.end is None) == (not open_start)
    assert date.display().startswith("until " if open_start else "from ")


@st.composite
def any_valid_text(draw) -> str:
    """A valid single date, closed interval or open interval."""
    kind = draw(st.sampled_from(["single", "interval", "open start", "open end"]))
    first = edtf(draw(DATES), draw(PRECISIONS), draw(QUALIFIERS))
    if kind == "single":
        return first
    if kind == "open start":
        return f"../{first}"
    if kind == "open end":
        return f"{first}/.."
    low, high = sorted((draw(DATES), draw(DATES)))
    return f"{edtf(low, draw(PRECISIONS), draw(QUALIFIERS))}/{edtf(high, draw(PRECISIONS))}"


@settings(max_examples=100)
@given(st.lists(any_valid_text(), max_size=12))
def test_sort_agrees_with_start(texts):
    dates = sorted((parse_date(text) for text in texts), key=HistDate.sort_key)
    starts = [D.min if date.start is None else date.start for date in dates]
    assert starts == sorted(starts)


@settings(max_examples=100)
@given(st.lists(DATES, max_size=12))
def test_sort_days_is_chronological(days):
    dates = sorted((parse_date(day.isoformat()) for day in days), key=HistDate.sort_key)
    assert [date.start for date in dates] == sorted(days)


@settings(max_examples=100)
@given(DATES)
def test_wrong_forms_suggest_the_right_date(day):
    iso = day.isoformat()
    month = MONTH_NAMES[day.month - 1]
    assert f'"{iso}"' in one_line_message(f"{day.day}/{day.month}/{day.year}")
    assert f'"{iso}"' in one_line_message(f"{month} {day.day}, {day.year}")
    assert one_line_message(f"{day.day} {month} {day.year}").endswith(f'as "{iso}"')
    assert one_line_message(f"{month} {day.year}").endswith(f'as "{iso[:7]}"')
    assert one_line_message(f"c. {day.year}").endswith(f'as "{day.year}~"')

"""Which page an embed asking for some years is given, and which ranges a page applies with
no script (render/ranges.py; theme/js/teach.js chooses the same way)."""

from __future__ import annotations

import pytest

from desclasificado.index import DecadeGroup, YearGroup
from desclasificado.render.ranges import (
    LONGEST,
    YearRange,
    asked,
    bounds,
    chosen,
    fragment,
    range_style,
    year_ranges,
)

GROUPS = [DecadeGroup(decade, (YearGroup(decade + 3, (f"e{decade}",)),))
          for decade in (1950, 1960, 1970)]
RANGES = year_ranges(GROUPS)
SPAN = (1953, 1973)


def test_a_list_of_several_decades_has_a_page_per_decade() -> None:
    assert [r.slug() for r in RANGES] == ["1950-1959", "1960-1969", "1970-1979"]
    assert RANGES[1].event_ids == ("e1960",)
    assert year_ranges(GROUPS[:1]) == []  # one decade: its page would repeat the list's
    undated = [DecadeGroup(None, (YearGroup(None, ("u",)),))]
    assert year_ranges(GROUPS[:1] + undated) == []


@pytest.mark.parametrize(("low", "high", "page"), [
    (1961, 1963, "1960-1969"),
    (1963, 1961, "1960-1969"),  # either way round
    (1960, 1969, "1960-1969"),
    (1968, 1973, None),  # across two decades: the whole list
    (1959, 1960, None),
    (1940, 1945, None),  # no decade of the list
])
def test_the_page_chosen(low: int, high: int, page: str | None) -> None:
    found = chosen(RANGES, low, high)
    assert (found.slug() if found else None) == page


def test_a_decade_page_applies_every_range_within_it() -> None:
    ranges = asked(RANGES, SPAN, RANGES[1])
    assert len(ranges) == 54  # 55 ranges of ten years, but the whole decade (the page itself)
    assert (1961, 1963) in ranges and (1965, 1965) in ranges and (1960, 1969) not in ranges
    assert all(1960 <= low <= high <= 1969 for low, high in ranges)


def test_the_list_page_applies_the_ranges_across_decades() -> None:
    ranges = asked(RANGES, SPAN, None)
    assert (1968, 1973) in ranges and (1959, 1960) in ranges and (1955, 1960) in ranges
    assert (1961, 1963) not in ranges  # the decade's page applies it
    assert (1955, 1964) not in ranges and (1967, 1973) not in ranges  # over LONGEST years
    assert (1950, 1951) not in ranges  # outside the list's years
    assert all(high - low < LONGEST and chosen(RANGES, low, high) is None
               for low, high in ranges)
    # each change of decade, within the list's years: the ranges of up to six years across it
    assert len(ranges) == (1 + 2 + 3 + 4 + 5) + (1 + 2 + 3 + 4 + 4)
    assert len(asked(RANGES, (1950, 1979), None)) == 2 * sum(range(1, LONGEST))


def test_a_list_of_one_decade_applies_its_ranges_itself() -> None:
    """No page of a decade: the list's page applies each range of up to six years."""
    ranges = asked([], (1962, 1965), None)
    assert ranges == [(1962, 1962), (1962, 1963), (1962, 1964), (1963, 1963), (1963, 1964),
                      (1963, 1965), (1964, 1964), (1964, 1965), (1965, 1965)]
    assert (1960, 1965) in asked([], (1960, 1969), None)
    assert (1960, 1966) not in asked([], (1960, 1969), None)  # seven years


def test_the_years_a_range_keeps_and_their_rules() -> None:
    years = [1958, 1961, 1963, 1968, 1971]
    assert bounds(years, 1959, 1970) == (1961, 1968)
    assert bounds(years, 1964, 1967) is None
    assert fragment(1968, 1973) == "years-1968-1973"
    style = range_style({1961}, {1968})
    assert ":root:has(.f1961:target) .year:has(~ .y1961)" in style
    assert ":root:has(.t1968:target) .y1968 ~ .year" in style
    assert ":root:has(.none:target) .year" in style
    assert style.startswith("<style>") and style.endswith("{display:none}</style>")


def test_a_range_is_held_by_its_decade_only() -> None:
    decade = YearRange(1960, 1969, ())
    assert decade.holds(1960, 1969) and decade.holds(1962, 1962)
    assert not decade.holds(1959, 1962) and not decade.holds(1968, 1970)

"""The year ranges of a list of events that an embed shows with no script.

A year range asked for in an embed's address (`?from=1962&to=1963`) is applied by
`theme/js/embed.js`, so a frame that runs no script (`sandbox=""`, what many learning
platforms impose) would show every year. Two things make a range work without one:

- Each list that spans more than one decade has a page per decade
  (`embed/timeline/1960-1969/`), which holds each of its events once.
- The address of a list's page can end in the range asked for, `#years-1968-1973`. The
  page has an element of that id for each range it is given (`asked`): its `:target`
  shows it ("The years asked for in this page's address, and the only ones shown:
  1968–1973"), and the page's style (`range_style`),
  with `:has()`, hides the years before and after it. The element's classes name the first
  and last year of the range that have events (`f1968 t1973`).

The Embed control (`theme/js/teach.js`) gives a range within a decade the decade's page
(`chosen`); a range across decades of up to `LONGEST` years the whole list's page, when
that page shows its events (a list of more than 500 is split into a page per year); and
a longer range the whole list, whose notice says that without scripts it shows every year.

What it costs: no page; the elements of the ranges (54 on a decade's page, 15 on a list's
page per change of decade, about 60 bytes each) and a rule per year. The site's HTML on the
repository's content (328 events, two languages) grows from 70.98 MB to 73.19 MB (+3.1%);
on the realistic collection at 1,000 events (`benchmarks/realistic.py --sizes 1000
--runs 1`) from 189.92 MB to 199.69 MB (+5.1%). A page of ten years across each pair of
decades (1965-1974, holding each event once more), built and measured first, added
10.7 MB on the repository's content (81.65 MB, +15%), for ranges of up to six years
across decades, showing ten years for them and saying so; pages for each pair of decades
in a row, tried before that, held each event twice more. Without a script, an event
dated only to a decade shows when its heading lies within the range.
"""

from __future__ import annotations

from dataclasses import dataclass

from desclasificado.check.collection import Collection
from desclasificado.index import DecadeGroup

WIDTH = 10  # years of a decade
LONGEST = 6  # the longest range across decades that a list's page applies with no script


@dataclass(frozen=True)
class YearRange:
    """Some years of a list, from `first` to `last`, and their events in timeline order."""

    first: int
    last: int
    event_ids: tuple[str, ...]

    def slug(self) -> str:
        """The last part of its address (`urls.range_url`): "1960-1969"."""
        return f"{self.first}-{self.last}"

    def holds(self, low: int, high: int) -> bool:
        return self.first <= low and high <= self.last


def year_ranges(groups: list[DecadeGroup]) -> list[YearRange]:
    """The ranges with a page of their own, from a list's decades (`group_by_period`):
    each decade, when there are two or more (one would make a page that repeats the
    list's)."""
    decades = [YearRange(group.decade, group.decade + WIDTH - 1,
                         tuple(e for year in group.years for e in year.event_ids))
               for group in groups if group.decade is not None]
    return decades if len(decades) > 1 else []


def span_years(collection: Collection, event_ids: list[str]) -> tuple[int, int] | None:
    """The years of a list, from its first event's to its last's (the Embed control's
    fields), None when neither has a year."""
    years = [y for y in (collection.events[e].date.year() for e in event_ids[:1] + event_ids[-1:])
             if y is not None]
    return (min(years), max(years)) if years else None


def chosen(ranges: list[YearRange], low: int, high: int) -> YearRange | None:
    """The page of `ranges` an embed asking for the years `low` to `high` is given: the
    decade holding them; None for the whole list. theme/js/teach.js chooses the same way."""
    low, high = min(low, high), max(low, high)
    return next((shown for shown in ranges if shown.holds(low, high)), None)


def asked(ranges: list[YearRange], span: tuple[int, int],
          shown: YearRange | None = None) -> list[tuple[int, int]]:
    """The ranges, first and last year, that a page applies with no script: on the page of
    `shown`, each range within it but the whole; on the list's page (years `span`), each
    range of up to `LONGEST` years that no page of `ranges` holds."""
    if shown is not None:
        first, last, longest = shown.first, shown.last, WIDTH
    else:
        (first, last), longest = span, LONGEST
    return [(low, high) for low in range(first, last + 1)
            for high in range(low, min(last, low + longest - 1) + 1)
            if (low, high) != (first, last) and chosen(ranges, low, high) is shown]


def fragment(low: int, high: int) -> str:
    """The id of the element of a range asked for, which the embed's address ends in."""
    return f"years-{low}-{high}"


def bounds(years: list[int], low: int, high: int) -> tuple[int, int] | None:
    """The first and last of `years` (those with events, in order) from `low` to `high`;
    None when none is."""
    within = [year for year in years if low <= year <= high]
    return (within[0], within[-1]) if within else None


def range_style(starts: set[int], ends: set[int]) -> str:
    """The rules that hide, when a range's element is the target, the years before its
    first year with events (`f1968`) and after its last (`t1973`): one a year used."""
    hide = [f":root:has(.f{year}:target) .year:has(~ .y{year})" for year in sorted(starts)]
    hide += [f":root:has(.t{year}:target) .y{year} ~ .year" for year in sorted(ends)]
    hide.append(":root:has(.none:target) .year")  # a range with no event
    return f"<style>{','.join(hide)}{{display:none}}</style>"

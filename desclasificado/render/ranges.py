"""The year ranges of a list of events that have an embeddable page of their own.

A year range asked for in an embed's address (`?from=1962&to=1963`) is applied by
`theme/js/embed.js`, so a frame that runs no script (`sandbox=""`, what many learning
platforms impose) would show every year. Each list that spans more than one decade
therefore has a page per decade (`embed/timeline/1960-1969/`) and, when it spans more than
two, a page per two adjacent decades (`embed/timeline/1950-1969/`), so that any range the
Embed control is given maps to the smallest of them that holds it (or the whole list):
at most two pages per decade of a list, so their number grows with the number of events,
never with the number of possible ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from desclasificado.index import DecadeGroup


@dataclass(frozen=True)
class YearRange:
    """Some years of a list, from `first` to `last`, and their events in timeline order."""

    first: int
    last: int
    event_ids: tuple[str, ...]

    def slug(self) -> str:
        """The last part of its address (`urls.range_url`): "1960-1969"."""
        return f"{self.first}-{self.last}"


def year_ranges(groups: list[DecadeGroup]) -> list[YearRange]:
    """The ranges with a page of their own, from a list's decades (`group_by_period`):
    each decade when there are two or more, each two adjacent decades when there are three
    or more (fewer would make a page that repeats the list's)."""
    decades = {group.decade: tuple(e for year in group.years for e in year.event_ids)
               for group in groups if group.decade is not None}
    if len(decades) < 2:
        return []
    ranges = [YearRange(decade, decade + 9, ids) for decade, ids in decades.items()]
    if len(decades) > 2:
        ranges += [YearRange(decade, decade + 19, ids + decades[decade + 10])
                   for decade, ids in decades.items() if decade + 10 in decades]
    return sorted(ranges, key=lambda r: (r.first, r.last))

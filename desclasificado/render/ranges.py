"""The year ranges of a list of events that have an embeddable page of their own.

A year range asked for in an embed's address (`?from=1962&to=1963`) is applied by
`theme/js/embed.js`, so a frame that runs no script (`sandbox=""`, what many learning
platforms impose) would show every year. Each list that spans more than one decade
therefore has a page per decade (`embed/timeline/1960-1969/`), and a range the Embed
control is given maps to the decade that holds it, or to the whole list. The decades
split a list, so their pages hold each of its events once: what they add grows with the
number of events, never with the number of possible ranges. (Pages of two decades in a
row, for ranges such as 1959-1962, were tried: they doubled that again, 11 MB of the
site's 72 MB of HTML, to save little beside the whole list.)
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
    each decade, when there are two or more (one would make a page that repeats the
    list's)."""
    decades = [YearRange(group.decade, group.decade + 9,
                         tuple(e for year in group.years for e in year.event_ids))
               for group in groups if group.decade is not None]
    return decades if len(decades) > 1 else []

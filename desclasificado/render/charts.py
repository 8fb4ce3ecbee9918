"""Charts drawn at build time: the overview of events by year, coloured by region.

`year_region_counts()` counts the events of each year by the region of the first Latin
American country each involves; `overview_chart()` draws those counts as stacked bars in
an accessible SVG: a `<title>` and `<desc>`, and every bar a keyboard-focusable link to its
year on the timeline, named with its numbers ("1963: 15 events: Cuba 6, ..."). A legend
and a table give the same numbers in text. The chart's size depends on the years covered,
never on the number of events.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desclasificado.records.models import Event
from desclasificado.render.i18n import N_, _, n_, number
from desclasificado.render.markup import esc

# (name, colour, ISO codes): an event goes to the region of its first Latin American country.
REGIONS: tuple[tuple[str, str, frozenset[str]], ...] = (
    (N_("Cuba"), "#8c1d18", frozenset({"CU"})),
    (N_("Caribbean"), "#a85a00", frozenset(
        "AG AI AW BB BL BQ BS CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI"
        .split())),
    (N_("Mexico and Central America"), "#2f6b4f", frozenset("BZ CR GT HN MX NI PA SV".split())),
    (N_("South America"), "#1e4a7a", frozenset(
        "AR BO BR CL CO EC FK GF GY PE PY SR UY VE".split())),
    (N_("Elsewhere"), "#6a655c", frozenset()),
)
ELSEWHERE = REGIONS[-1][0]

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 36


def swatch(fill: str) -> str:
    """A small square of colour for a legend (SVG, so no style attribute is needed)."""
    return (f'<svg class="swatch" viewBox="0 0 1 1" aria-hidden="true" focusable="false">'
            f'<rect width="1" height="1" fill="{fill}"/></svg>')


def region_of(countries: Iterable[str]) -> str:
    """The region of the first Latin American country in the list, else "Elsewhere"."""
    for code in countries:
        for name, _fill, codes in REGIONS:
            if code in codes:
                return name
    return ELSEWHERE


@dataclass
class YearCounts:
    """Events per year and region, and how many events have no single year."""

    years: dict[int, Counter[str]]
    without_year: int = 0

    def total(self, year: int) -> int:
        """How many events the year has."""
        return sum(self.years.get(year, Counter()).values())


def year_region_counts(events: Iterable[Event]) -> YearCounts:
    """Count events by year (of their start) and region; decade-only and undated apart."""
    years: dict[int, Counter[str]] = defaultdict(Counter)
    without = 0
    for event in events:
        year = event.date.year()
        if year is None or event.date.precision == "decade":
            without += 1
            continue
        years[year][region_of(event.countries)] += 1
    return YearCounts(dict(years), without)


def nice_step(top: int) -> int:
    """A step of 1, 2 or 5 times a power of ten giving at most five gridlines up to `top`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 5 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


def _bar(year: int, counts: Counter[str], x: float, band: float, unit: float,
         href: str) -> str:
    """One year's bar: a link holding a hit area and one rectangle per region."""
    total = sum(counts.values())
    parts = ", ".join(f"{_(name)} {number(counts[name])}" for name, *_rest in REGIONS
                      if counts[name])
    label = esc(_("{year}: {count} ({regions})").format(
        year=year, count=n_("{n} event", "{n} events", total), regions=parts))
    width = max(band * 0.78, 1.0)
    left = x + (band - width) / 2
    y = HEIGHT - BOTTOM
    rects = []
    for name, fill, _codes in REGIONS:
        if counts[name]:
            h = counts[name] * unit
            y -= h
            rects.append(f'<rect x="{left:.1f}" y="{y:.1f}" width="{width:.1f}" '
                         f'height="{h:.1f}" fill="{fill}"/>')
    return (f'<a class="mark" href="{href}" aria-label="{label}"><title>{label}</title>'
            f'<rect class="hit" x="{x:.1f}" y="{TOP}" width="{band:.1f}" '
            f'height="{HEIGHT - BOTTOM - TOP}"/>{"".join(rects)}</a>')


def overview_chart(data: YearCounts, href: Callable[[int], str], uid: str = "chart") -> str:
    """Stacked bars of events per year: a `<figure>` with the SVG, a legend and a table.

    `href(year)` gives the escaped link of a year (its place on the timeline); `uid`
    prefixes the ids, so that two charts can share a page.
    """
    if not data.years:
        return ""
    first, last = min(data.years), max(data.years)
    span = last - first + 1
    band = (WIDTH - LEFT - RIGHT) / span
    top = max(data.total(y) for y in data.years)
    step = nice_step(top)
    ceiling = -(-top // step) * step
    unit = (HEIGHT - TOP - BOTTOM) / ceiling
    grid, labels = [], []
    for value in range(0, ceiling + 1, step):
        y = HEIGHT - BOTTOM - value * unit
        grid.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        odd = " odd" if (value // step) % 2 else ""  # hidden on phones, where text is larger
        labels.append(f'<text class="y-label{odd}" x="{LEFT - 6}" y="{y:.1f}" dy="0.35em">'
                      f"{value}</text>")
    every = 1 if span <= 12 else 5 if span <= 30 else 10
    for year in range(first, last + 1):
        if year % every == 0 or (span <= 12):
            x = LEFT + (year - first + 0.5) * band
            labels.append(f'<text class="x-label" x="{x:.1f}" y="{HEIGHT - BOTTOM + 8}" '
                          f'dy="0.9em">{year}</text>')
    bars = [_bar(y, data.years[y], LEFT + (y - first) * band, band, unit, href(y))
            for y in sorted(data.years)]
    total = sum(data.total(y) for y in data.years)
    busiest = max(sorted(data.years), key=data.total)
    region_totals = Counter()
    for counts in data.years.values():
        region_totals.update(counts)
    desc = _description(data, total, busiest, first, last)
    svg = (f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
           f'aria-labelledby="{uid}-title" aria-describedby="{uid}-desc">'
           f'<title id="{uid}-title">{esc(_("Events by year and region"))}</title>'
           f'<desc id="{uid}-desc">{esc(desc)}</desc>'
           f'<g class="grid" aria-hidden="true">{"".join(grid)}</g>'
           f'<g class="labels" aria-hidden="true">{"".join(labels)}</g>'
           f'<g class="marks">{"".join(bars)}</g></svg>')
    legend = "".join(f"<li>{swatch(fill)}{esc(_(name))} "
                     f'<span class="count">{number(region_totals[name])}</span></li>'
                     for name, fill, _codes in REGIONS if region_totals[name])
    caption = _("Events by year, {first}–{last}").format(first=first, last=last)
    note = _("Each event is counted once, under the region of the first Latin American "
             "country it names.")
    return (f'<figure class="chart" aria-labelledby="{uid}-caption">{svg}'
            f'<figcaption><span class="figure-title" id="{uid}-caption">{esc(caption)}</span>'
            f'<ul class="legend" aria-label="{esc(_("Regions"))}">{legend}</ul>'
            f'<span class="figure-note">{esc(note)}</span>'
            f"</figcaption>{_table(data, first, last, href, uid)}</figure>")


def _description(data: YearCounts, total: int, busiest: int, first: int, last: int) -> str:
    """What the chart shows, in words (its SVG `<desc>`)."""
    desc = n_("Bar chart of {n} event by year, {first} to {last}; each bar is split by region "
              "({regions}) and links to that year on the timeline.",
              "Bar chart of {n} events by year, {first} to {last}; each bar is split by region "
              "({regions}) and links to that year on the timeline.", total).format(
        first=first, last=last, regions=", ".join(_(name) for name, *_rest in REGIONS))
    desc += " " + n_("The busiest year is {year}, with {n} event.",
                     "The busiest year is {year}, with {n} events.",
                     data.total(busiest)).format(year=busiest)
    if data.without_year:
        desc += " " + n_("{n} event dated only to a decade, or undated, is not shown.",
                         "{n} events dated only to a decade, or undated, are not shown.",
                         data.without_year)
    return desc


def _table(data: YearCounts, first: int, last: int, href: Callable[[int], str],
           uid: str) -> str:
    """The chart's numbers as a table (in a `<details>`), in a box of its own that scrolls
    sideways when the table is wider than a phone (focusable and named, for the keyboard)."""
    names = [name for name, *_rest in REGIONS]
    head = "".join(f'<th scope="col" class="num">{esc(_(n))}</th>' for n in names)
    rows = []
    for year in range(first, last + 1):
        counts = data.years.get(year)
        if not counts:
            continue
        cells = "".join(f'<td class="num">{counts[n] or ""}</td>' for n in names)
        rows.append(f'<tr><th scope="row"><a href="{href(year)}">{year}</a></th>{cells}'
                    f'<td class="num">{data.total(year)}</td></tr>')
    caption = f"{uid}-table"
    return (f'<details class="chart-data"><summary>{esc(_("The chart as a table"))}</summary>'
            f'<div class="table-box" role="region" tabindex="0" aria-labelledby="{caption}">'
            f'<table><caption id="{caption}">{esc(_("Events by year and region"))}</caption>'
            f'<thead><tr><th scope="col">{esc(_("Year"))}</th>{head}<th scope="col" class="num">'
            f'{esc(_("All"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            "</details>")

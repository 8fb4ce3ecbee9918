"""Maps drawn at build time: Latin America shaded by number of events, and locator maps.

The outlines are Natural Earth's (`desclasificado/render/geo/americas.geojson`, see its README),
read once per build. They are projected here (equirectangular, true to scale along 10°N),
simplified for the size they are drawn at, and written as SVG paths in relative
coordinates. Everything is computed from the outlines and the counts it is given, so a
map costs the same whatever the number of events.

The SVG is accessible: a `<title>` and `<desc>`, every country with events a keyboard-
focusable link with a name ("Peru: 12 events"); a legend and a table say the same in text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from desclasificado.render.charts import swatch
from desclasificado.render.geo.geometry import douglas_peucker, signed_area
from desclasificado.render.i18n import _, n_, number
from desclasificado.render.markup import esc

OUTLINES = Path(__file__).resolve().parent / "geo" / "americas.geojson"
WEST, SOUTH, EAST, NORTH = -118.0, -56.0, -33.0, 33.0
PARALLEL = math.cos(math.radians(10))
WIDTH = 560.0  # the SVG's user units across; the height follows the projection
SCALE = WIDTH / ((EAST - WEST) * PARALLEL)
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)

PALETTE = ("#f3d2bd", "#e39d7f", "#c9664a", "#9c3223", "#5e110d")  # fewest to most events
NO_EVENTS = "#e2ded4"
CONTEXT = "#f4f2ec"
SEA = "#e6eef3"
SMALL = 40.0  # projected area (square units) below which a marker circle is drawn too

Point = tuple[float, float]


@dataclass(frozen=True)
class Shape:
    """One country's outline, projected: its SVG path, area and visual centre."""

    code: str
    context: bool
    path: str
    area: float
    center: Point


def project(lon: float, lat: float) -> Point:
    """Longitude and latitude to SVG user units (y grows southwards)."""
    return (lon - WEST) * PARALLEL * SCALE, (NORTH - lat) * SCALE


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker (iterative), keeping the first and last points."""
    if len(points) < 4:
        return points
    return douglas_peucker(points, tolerance)


def _path(rings: list[list[Point]], digits: int) -> str:
    """Rings as an SVG path: absolute move, then relative lines, closed."""
    parts = []
    for ring in rings:
        pts = [(round(x, digits), round(y, digits)) for x, y in ring]
        fmt = lambda v: f"{round(v, digits):g}"  # noqa: E731 - a one-line formatter
        cmds = [f"M{fmt(pts[0][0])} {fmt(pts[0][1])}l"]
        steps = []
        for (x0, y0), (x1, y1) in pairwise(pts):
            dx, dy = x1 - x0, y1 - y0
            if dx or dy:
                steps.append(f"{fmt(dx)} {fmt(dy)}")
        if steps:  # a ring that rounds to a single point is left out
            parts.append(cmds[0] + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


@lru_cache(maxsize=4)
def shapes(tolerance: float = 0.6, digits: int = 1) -> tuple[Shape, ...]:
    """Every outline, projected and simplified to `tolerance` user units."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        props = feature["properties"]
        polygons = [[[project(lon, lat) for lon, lat in ring] for ring in polygon]
                    for polygon in feature["geometry"]["coordinates"]]
        rings = [simple for polygon in polygons for ring in polygon
                 if len(simple := _simplify(ring, tolerance)) >= 4]
        if not rings:  # an island too small to simplify: keep its outlines as they are
            rings = [polygon[0] for polygon in polygons]
        total, cx, cy = 0.0, 0.0, 0.0
        for polygon in polygons:  # the centre, weighted by the outer rings' areas
            outer = polygon[0]
            a = abs(signed_area(outer)) or 1e-9
            total += a
            cx += a * sum(x for x, _ in outer) / len(outer)
            cy += a * sum(y for _, y in outer) / len(outer)
        if rings:
            out.append(Shape(props["iso"], bool(props.get("context")), _path(rings, digits),
                             total, (cx / total, cy / total)))
    return tuple(out)


def on_map(code: str) -> bool:
    """Whether a country (ISO alpha-2, upper case) is drawn as data on the map."""
    return any(s.code == code and not s.context for s in shapes())


def classes(counts: list[int]) -> list[tuple[int, int]]:
    """Up to five (low, high) ranges of event counts, roughly geometric from 1 to the most."""
    top = max(counts, default=0)
    if top <= 0:
        return []
    bounds = sorted({1} | {math.ceil(top ** (k / 5)) for k in range(1, 5)} - {top + 1})
    bounds = [b for b in bounds if b <= top]
    ranges = [(low, high - 1) for low, high in pairwise(bounds)] + [(bounds[-1], top)]
    return ranges[: len(PALETTE)]


def colour(count: int, ranges: list[tuple[int, int]]) -> str:
    """The fill of a country with `count` events."""
    for i, (low, high) in enumerate(ranges):
        if low <= count <= high:
            return PALETTE[i + len(PALETTE) - len(ranges)]
    return NO_EVENTS


def _range_text(low: int, high: int) -> str:
    """'1 event', '3–6 events'."""
    if low == high:
        return n_("{n} event", "{n} events", low)
    # TRANSLATORS: a range of numbers of events, "3–6 events"
    return _("{low}–{high} events").format(low=number(low), high=number(high))


def events_map(counts: dict[str, int], href: Callable[[str], str], name: Callable[[str], str],
               uid: str = "map") -> str:
    """A choropleth of Latin America: a `<figure>` with the SVG, a legend and a table.

    `counts` maps ISO codes (upper case) to numbers of events; `href(code)` gives the
    escaped link to a country's page, `name(code)` its English name; `uid` prefixes ids.
    """
    drawn = {s.code: s for s in shapes() if not s.context}
    mapped = {c: n for c, n in counts.items() if c in drawn and n > 0}
    ranges = classes(list(mapped.values()))
    elsewhere = sorted((c for c, n in counts.items() if c not in drawn and n > 0),
                       key=lambda c: (-counts[c], name(c)))
    base, marks = [], []
    for shape in shapes():
        if shape.context:
            base.append(f'<path class="context" fill="{CONTEXT}" d="{shape.path}"/>')
        elif shape.code not in mapped:
            base.append(f'<path fill="{NO_EVENTS}" d="{shape.path}"/>')
    for code in sorted(mapped, key=name):
        shape, n = drawn[code], mapped[code]
        label = esc(_("{country}: {count}").format(country=name(code),
                                                   count=n_("{n} event", "{n} events", n)))
        fill = colour(n, ranges)
        dot = (f'<circle cx="{shape.center[0]:.1f}" cy="{shape.center[1]:.1f}" r="4.5" '
               f'fill="{fill}"/>' if shape.area < SMALL else "")
        marks.append(f'<a class="mark" href="{href(code)}" aria-label="{label}">'
                     f'<title>{label}</title><path fill="{fill}" d="{shape.path}"/>{dot}</a>')
    total = sum(mapped.values())
    desc = _("Map of Latin America and the Caribbean.") + " " + n_(
        "{n} country is shaded by the number of events that involve it, from lightest (fewest) "
        "to darkest (most); countries without events are grey.",
        "{n} countries are shaded by the number of events that involve them, from lightest "
        "(fewest) to darkest (most); countries without events are grey.", len(mapped))
    desc += " " + _("Each shaded country links to its page. The United States, at the top, is "
                    "drawn for orientation only.")
    if mapped:
        top = max(mapped, key=lambda c: (mapped[c], name(c)))
        desc += " " + _("Most events: {country} ({count}).").format(country=name(top),
                                                                    count=number(mapped[top]))
    svg = (f'<svg class="map-svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="group" '
           f'aria-labelledby="{uid}-title" aria-describedby="{uid}-desc" '
           f'preserveAspectRatio="xMidYMid meet">'
           f'<title id="{uid}-title">{esc(_("Events by country on a map of Latin America"))}'
           '</title>'
           f'<desc id="{uid}-desc">{esc(desc)}</desc>'
           f'<rect class="sea" width="{WIDTH:g}" height="{HEIGHT:g}" fill="{SEA}"/>'
           f'<g class="base" aria-hidden="true">{"".join(base)}</g>'
           f'<g class="marks">{"".join(marks)}</g></svg>')
    legend = "".join(f"<li>{swatch(colour(low, ranges))}{esc(_range_text(low, high))}</li>"
                     for low, high in ranges)
    legend += f"<li>{swatch(NO_EVENTS)}{esc(_('no event'))}</li>"
    rows = "".join(f'<tr><th scope="row"><a href="{href(c)}">{esc(name(c))}</a></th>'
                   f'<td class="num">{number(mapped[c])}</td></tr>'
                   for c in sorted(mapped, key=lambda c: (-mapped[c], name(c))))
    caption = n_("Events by country on the map ({n} country mention)",
                 "Events by country on the map ({n} country mentions)", total)
    table = (f'<details class="chart-data"><summary>{esc(_("The map as a table"))}</summary>'
             f'<table><caption>{esc(caption)}</caption><thead><tr><th scope="col">'
             f'{esc(_("Country"))}</th><th scope="col" class="num">{esc(_("Events"))}</th>'
             f'</tr></thead><tbody>{rows}</tbody></table></details>')
    others = ""
    if elsewhere:
        links = ", ".join(f'<a href="{href(c)}">{esc(name(c))}</a> ({number(counts[c])})'
                          for c in elsewhere)
        text = esc(_("Also involved, outside the map: {countries}.")).format(countries=links)
        others = f'<p class="map-elsewhere">{text}</p>'
    return (f'<figure class="map" aria-labelledby="{uid}-caption">{svg}'
            f'<figcaption><span class="figure-title" id="{uid}-caption">'
            f'{esc(_("Events by country"))}</span><ul class="legend map-legend" '
            f'aria-label="{esc(_("Colour scale"))}">{legend}</ul>'
            f'</figcaption>{others}{table}</figure>')


def locator_map(code: str, name: str) -> str:
    """A small map with one country highlighted (an image: no links); "" when the
    country is not on the map."""
    if not on_map(code):
        return ""
    paths = []
    target = None
    for shape in shapes(1.5, 0):
        if shape.code == code:
            target = shape
            continue
        fill = CONTEXT if shape.context else NO_EVENTS
        paths.append(f'<path fill="{fill}" d="{shape.path}"/>')
    assert target is not None
    dot = (f'<circle cx="{target.center[0]:.0f}" cy="{target.center[1]:.0f}" r="9" fill="none" '
           f'stroke="{PALETTE[-1]}" stroke-width="3"/>' if target.area < SMALL * 4 else "")
    label = esc(_("{country} on a map of Latin America").format(country=name))
    return (f'<figure class="locator"><svg viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img" '
            f'aria-label="{label}"><title>{label}</title>'
            f'<rect width="{WIDTH:g}" height="{HEIGHT:g}" fill="{SEA}"/>{"".join(paths)}'
            f'<path class="here" fill="{PALETTE[-1]}" d="{target.path}"/>{dot}</svg></figure>')

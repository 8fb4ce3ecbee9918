"""The maps as parts of pages: the map of events, locator maps (the overview chart of the
timeline is in `listing.py`, which owns the links to the timeline's years).

Each takes the context and the page's `PageBuilder`, so that every link is relative to the
page and recorded for the link check. The map's counts come from the index; the overview
counts the events by year and region in one pass, on the few pages that show it (the
timeline, which lists every event anyway, and the home page).
"""

from __future__ import annotations

from desclasificado.render.context import Context
from desclasificado.render.i18n import country_name
from desclasificado.render.links import PageBuilder
from desclasificado.render.maps import events_map, locator_map
from desclasificado.render.urls import country_url


def country_map(ctx: Context, pb: PageBuilder) -> str:
    """The map of Latin America shaded by events, each country linking to its page."""
    counts = {code: len(ids) for code, ids in ctx.index.by_country.items()}
    return events_map(counts, lambda code: pb.href(country_url(code)), country_name, uid="map")


def locator(code: str) -> str:
    """A small map locating one country ("" when it is not on the map)."""
    return locator_map(code, country_name(code))

"""The charts and maps as parts of pages: the overview chart, the map, locator maps.

Each takes the context and the page's `PageBuilder`, so that every link is relative to the
page and recorded for the link check. The map's counts come from the index; the overview
counts the events by year and region in one pass, on the few pages that show it (the
timeline, which lists every event anyway, and the home page).
"""

from __future__ import annotations

from desclasificado.render.charts import overview_chart, year_region_counts
from desclasificado.render.context import Context
from desclasificado.render.i18n import country_name
from desclasificado.render.links import TIMELINE, PageBuilder, country_url
from desclasificado.render.maps import events_map, locator_map


def overview(ctx: Context, pb: PageBuilder) -> str:
    """The chart of events by year, each bar linking to its year on the timeline."""
    counts = year_region_counts(ctx.collection.events.values())
    from desclasificado.render.listing import year_href  # listing shows this chart: imported here, not above

    ids = ctx.index.timeline
    return overview_chart(counts, lambda year: year_href(pb, TIMELINE, ids, year // 10 * 10, year),
                          uid="overview")


def country_map(ctx: Context, pb: PageBuilder) -> str:
    """The map of Latin America shaded by events, each country linking to its page."""
    counts = {code: len(ids) for code, ids in ctx.index.by_country.items()}
    return events_map(counts, lambda code: pb.href(country_url(code)), country_name, uid="map")


def locator(code: str) -> str:
    """A small map locating one country ("" when it is not on the map)."""
    return locator_map(code, country_name(code))

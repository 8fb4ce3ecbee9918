"""The timeline's explore panel: filters by country, theme, actor and years.

Without JavaScript the panel is a set of link lists to the country, theme and actor pages,
with their numbers of events. `theme/js/explore.js` turns it into a form that filters the
timeline in place, from the data attributes of each entry (`entry_data()`), and keeps the
filters in the address (`?country=pe&theme=guerrilla-training&from=1959&to=1965`).
"""

from __future__ import annotations

from desclasificado.records.models import Event
from desclasificado.render.context import Context
from desclasificado.render.i18n import _, country_name, number
from desclasificado.render.links import PageBuilder
from desclasificado.render.markup import esc, fold
from desclasificado.render.texts import actor_name, theme_title
from desclasificado.render.urls import actor_url, country_url, theme_url

SCRIPT = "js/explore.js"


def year_span(event: Event) -> tuple[int | None, int | None]:
    """The first and last year an event covers (None, None when undated)."""
    date = event.date
    first = date.year()
    last = date.end.year if date.end is not None and date.start is not None else first
    return first, last


def entry_data(event: Event) -> str:
    """The data attributes of a list entry that the filters read (escaped, leading space)."""
    first, last = year_span(event)
    attrs = {
        "data-countries": " ".join(dict.fromkeys(c.lower() for c in event.countries)),
        "data-themes": " ".join(dict.fromkeys(event.themes)),
        "data-actors": " ".join(dict.fromkeys(event.actors)),
        "data-year": "" if first is None else str(first),
    }
    if last is not None and last != first:
        attrs["data-year-end"] = str(last)
    return "".join(f' {name}="{esc(value)}"' for name, value in attrs.items())


def _facet(pb: PageBuilder, facet: str, title: str, every: str,
           rows: list[tuple[str, str, str, int]]) -> str:
    """One facet as a disclosure of links: (value, page, label, count) per row."""
    items = "".join(f'<li><a href="{pb.href(page)}" data-value="{esc(value)}">{esc(label)}</a> '
                    f'<span class="count">{number(count)}</span></li>' for value, page, label, count in rows)
    return (f'<details class="facet" data-facet="{facet}" data-label="{esc(title)}" '
            f'data-all="{esc(every)}"><summary>{esc(title)} <span class="count">({len(rows)})'
            f'</span></summary><ul class="facet-links">{items}</ul></details>')


def explore_panel(ctx: Context, pb: PageBuilder, event_ids: list[str] | None = None) -> str:
    """The panel above the timeline (see the module's docstring); `event_ids`: the events
    the page lists, when it lists only some (one year of a timeline split by year)."""
    index, collection = ctx.index, ctx.collection
    if event_ids is None:
        years = [y for y in index.by_year if y is not None]
        total = len(index.timeline)
    else:
        spans = [year_span(collection.events[eid]) for eid in event_ids]
        years = [y for span in spans for y in span if y is not None]
        total = len(event_ids)
    countries = sorted(index.by_country, key=country_name)
    themes = sorted(index.by_theme, key=lambda t: theme_title(collection.themes[t]).value.casefold())
    actors = sorted(index.by_actor, key=lambda a: actor_name(collection.actors[a]).value.casefold())
    facets = [
        _facet(pb, "country", _("Country"), _("All countries"),
               [(c.lower(), country_url(c), country_name(c), len(index.by_country[c]))
                for c in countries]),
        _facet(pb, "theme", _("Theme"), _("All themes"),
               [(t, theme_url(t), theme_title(collection.themes[t]).value, len(index.by_theme[t]))
                for t in themes]),
        _facet(pb, "actor", _("Actor"), _("All actors"),
               [(a, actor_url(a), actor_name(collection.actors[a]).value, len(index.by_actor[a]))
                for a in actors]),
    ]
    span = f' data-first-year="{min(years)}" data-last-year="{max(years)}"' if years else ""
    label = _("Explore the timeline")
    body = (f'<h2 class="explore-title">{esc(_("Explore"))}</h2><p class="explore-intro">'
            + esc(_("Open a list to go to the events of one country, theme or actor, or jump to "
                    "a year below.")) + f'</p><div class="facets">{"".join(facets)}</div>')
    # the status stays outside the fold: read, and seen, with the filters closed
    return (f'<section class="explore" aria-label="{esc(label)}"{span} data-total="{total}">'
            f'{fold(label, body, "explore-fold")}'
            '<p class="explore-status" role="status" aria-live="polite" aria-atomic="true"></p>'
            "</section>")

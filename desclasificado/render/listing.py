"""Lists of events: the timeline, the country, theme and actor pages, and their indexes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from desclasificado.index import DecadeGroup, YearGroup, group_by_period
from desclasificado.records.dates import HistDate
from desclasificado.render.charts import overview_chart, year_region_counts
from desclasificado.render.context import Context, Page
from desclasificado.render.explore import SCRIPT as EXPLORE_SCRIPT
from desclasificado.render.explore import entry_data, explore_panel
from desclasificado.render.i18n import N_, _, country_name, n_
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import PageBuilder
from desclasificado.render.markup import esc, fold, link_list, link_marks
from desclasificado.render.pictures import country_map, locator
from desclasificado.render.teaching import listing_tools
from desclasificado.render.texts import (
    Text,
    actor_description,
    actor_name,
    event_summary,
    event_title,
    theme_description,
    theme_title,
    untranslated_note,
)
from desclasificado.render.urls import (
    ACTORS,
    COUNTRIES,
    THEMES,
    TIMELINE,
    actor_url,
    country_url,
    decade_anchor,
    event_url,
    theme_url,
    year_anchor,
    year_part_url,
    year_url,
)

#: The way up to the root in a list entry kept for pages of any depth (`event_entry`)
_ROOT = "\0"

#: A list of more events than this (the timeline, a country, theme or actor, and their
#: embeddable versions) shows its decades and years with their counts instead of its entries,
#: and each year gets a page of its own (`year_url`). An entry is about 0.9 KB, so a list
#: stays under half a megabyte. A year of more events than this is split again into numbered
#: pages of at most this many (`year_part_url`: "timeline/1963/", "timeline/1963/2/"...), so
#: that a year, or a single day, with thousands of events still makes pages of that size.
#: Tests lower it.
LIST_PAGE_LIMIT = 500

ACTOR_KINDS = {"person": N_("Person"), "organization": N_("Organization"),
               "government": N_("Government"), "agency": N_("Agency")}


def time_element(date: HistDate) -> str:
    """`<time>` with a machine-readable value when the date is a plain day, month or year."""
    text = esc(date_text(date))
    if date.is_interval or date.start is None or date.precision == "decade":
        return f'<time>{text}</time>'
    value = {"day": date.start.isoformat(), "month": date.start.isoformat()[:7],
             "year": date.start.isoformat()[:4]}[date.precision]
    return f'<time datetime="{value}">{text}</time>'


def plural(count: int, word: str) -> str:
    """A count with its English noun ("1 event", "2,000 events"): for the renderers not yet
    through the catalogue (events_count and documents_count are)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def events_count(count: int) -> str:
    """"1 event", "2,000 events" (in the current language)."""
    return n_("{n} event", "{n} events", count)


def documents_count(count: int) -> str:
    """"1 document", "2,000 documents" (in the current language)."""
    return n_("{n} document", "{n} documents", count)


def country_links(ctx: Context, pb: PageBuilder, codes: list[str]) -> str:
    """Links to the country pages, by name."""
    return link_list(f'<a href="{pb.href(country_url(code))}">{esc(country_name(code))}</a>'
                     for code in dict.fromkeys(codes))


def event_entry(ctx: Context, pb: PageBuilder, event_id: str, level: int = 4) -> str:
    """One event in a list: date, linked title, summary, countries.

    An event appears in many lists (timeline, its countries, themes, actors, related
    events); its entry is rendered once per heading level, its links' way up to the site's
    root left as `_ROOT` (one entry for every depth: kept per depth, the entries took
    26 MB at 1,000 realistic events), then reused.
    """
    key = (event_id, level)
    cached = ctx.entries.get(key)
    if cached is None:
        fresh = PageBuilder(pb.url, pb.prefix)
        fresh.root = _ROOT
        cached = ctx.entries[key] = (_entry(ctx, fresh, event_id, level), tuple(fresh.links))
    pb.links.extend(cached[1])
    return cached[0].replace(_ROOT, pb.root)


def _entry(ctx: Context, pb: PageBuilder, event_id: str, level: int) -> str:
    """Render one entry (see `event_entry`)."""
    event = ctx.collection.events[event_id]
    page = event_url(event_id)
    summary = link_marks(ctx.summaries[event_id], lambda n: pb.href(page, f"source-{n}"))
    lang = event_summary(event).lang_attr
    return (f'<li class="entry"{entry_data(event)}><p class="entry-date">{time_element(event.date)}</p>'
            f'<h{level} class="entry-title"><a href="{pb.href(page)}">{event_title(event).html}</a>'
            f'</h{level}><p class="entry-summary"{lang}>{summary}</p>'
            f'<p class="entry-meta">{country_links(ctx, pb, event.countries)}</p></li>')


def decade_label(decade: int | None) -> str:
    """The heading of a decade: "1960s", or "Undated"."""
    return _("Undated") if decade is None else _("{decade}s").format(decade=decade)


def year_label(decade: int | None, year: int | None) -> str:
    """The heading of a year: "1963", or "1960s, year not known" (decade precision)."""
    if year is None:
        return _("{decade}, year not known").format(decade=decade_label(decade))
    return str(year)


def paginated(event_ids: list[str] | tuple[str, ...]) -> bool:
    """Whether a list is long enough to be split into a page per year."""
    return len(event_ids) > LIST_PAGE_LIMIT


def year_parts(event_ids: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    """A year's events cut into pages of at most `LIST_PAGE_LIMIT` (one page when it fits)."""
    ids, size = tuple(event_ids), LIST_PAGE_LIMIT
    return [ids[at:at + size] for at in range(0, len(ids), size)] or [()]


def part_nav(pb: PageBuilder, list_url: str, decade: int | None, year: int | None,
             count: int, current: int) -> str:
    """Links to the numbered pages of a year split into `count` pages ("" when it is not)."""
    if count < 2:
        return ""
    links = " ".join(
        f'<span aria-current="page">{n}</span>' if n == current
        else f'<a href="{pb.href(year_part_url(list_url, decade, year, n))}">{n}</a>'
        for n in range(1, count + 1))
    label_text = esc(_("Pages of {year}").format(year=year_label(decade, year)))
    said = esc(_("Page {page} of {pages}:").format(page=current, pages=count))
    return (f'<nav class="jump pages" aria-label="{label_text}"><ul><li>{said} {links}</li></ul>'
            '</nav>')


def timeline_paginated(ctx: Context) -> bool:
    """Whether the timeline is split into a page per year (of its length, only that is read)."""
    return ctx.index.longer_than(LIST_PAGE_LIMIT)


def year_href(pb: PageBuilder, list_url: str, paged: bool, decade: int | None,
              year: int | None) -> str:
    """The link to a year of a list: its anchor, or its own page when the list is paginated
    (`paged`: see `paginated`)."""
    if paged:
        return pb.href(year_url(list_url, decade, year))
    return pb.href(list_url, year_anchor(decade, year))


def year_index_html(pb: PageBuilder, list_url: str, groups: list[DecadeGroup],
                    heading: str = "h2") -> str:
    """A paginated list: its decades (with their anchors) and years, with their counts,
    each year linking to its page."""
    parts = []
    for group in groups:
        years = "".join(
            f'<li><a href="{pb.href(year_url(list_url, group.decade, y.year))}">'
            f'{esc(year_label(group.decade, y.year))}</a> '
            f'<span class="count">{events_count(len(y.event_ids))}</span></li>'
            for y in group.years)
        anchor = pb.anchor(decade_anchor(group.decade))
        parts.append(f'<section class="decade-index" aria-labelledby="{anchor}">'
                     f'<{heading} id="{anchor}">{esc(decade_label(group.decade))}</{heading}>'
                     f'<p class="count">{events_count(group.count())}</p>'
                     f'<ul class="year-index">{years}</ul></section>')
    return f'<div class="years">{"".join(parts)}</div>'


def overview(ctx: Context, pb: PageBuilder) -> str:
    """The chart of events by year and region, each bar linking to its year on the timeline
    (counted in one pass, on the few pages that show it: the timeline and the home page)."""
    counts = year_region_counts(ctx.collection.events.values())
    ids = ctx.index.timeline
    return overview_chart(counts, lambda year: year_href(pb, TIMELINE, paginated(ids), year // 10 * 10, year),
                          uid="overview")


def timeline_html(ctx: Context, pb: PageBuilder, groups: list[DecadeGroup]) -> str:
    """Events grouped under decade (h2) and year (h3) headings with anchors."""
    parts = []
    for group in groups:
        parts.append(f'<section class="decade" aria-labelledby="{decade_anchor(group.decade)}">'
                     f'<h2 id="{pb.anchor(decade_anchor(group.decade))}">'
                     f'{esc(decade_label(group.decade))}</h2>')
        for year in group.years:
            anchor = pb.anchor(year_anchor(group.decade, year.year))
            parts.append(f'<section class="year"><h3 id="{anchor}">'
                         f'{esc(year_label(group.decade, year.year))}</h3><ol class="entries">')
            parts.extend(event_entry(ctx, pb, eid) for eid in year.event_ids)
            parts.append("</ol></section>")
        parts.append("</section>")
    return "".join(parts)


def period_nav(pb: PageBuilder, groups: list[DecadeGroup]) -> str:
    """Jump links to every decade and year of a timeline."""
    if not groups:
        return ""
    items = []
    for group in groups:
        years = " ".join(
            f'<a href="{pb.href(pb.url, year_anchor(group.decade, y.year))}">'
            f'{esc(_("year not known") if y.year is None else y.year)}</a>' for y in group.years)
        items.append(f'<li><a class="jump-decade" href="{pb.href(pb.url, decade_anchor(group.decade))}">'
                     f'{esc(decade_label(group.decade))}</a> {years}</li>')
    label = _("Jump to a decade or year")
    return (f'<nav class="jump" aria-label="{esc(label)}">'
            f'{fold(label, "<ul>" + "".join(items) + "</ul>")}</nav>')


def span_text(ctx: Context, event_ids: list[str]) -> str:
    """'1962–1975' from the first and last of events in timeline order."""
    years = [ctx.collection.events[eid].date.year() for eid in (event_ids[0], event_ids[-1])]
    first, last = years
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def _events_page(ctx: Context, url: str, title: str | Text, kicker: tuple[str, str] | None,
                 intro: str, event_ids: list[str], extra: Callable[[PageBuilder], str] | None = None,
                 **page_args: Any) -> Page:
    """A page listing events as a timeline under a header (and `extra(pb)`, if given)."""
    heading = title if isinstance(title, Text) else Text(title)
    title = heading.value
    pb = PageBuilder(url, ctx.info.prefix)
    groups = group_by_period(event_ids, ctx.collection)
    head = ""
    if kicker:
        head = f'<p class="kicker"><a href="{pb.href(kicker[0])}">{esc(kicker[1])}</a></p>'
    header = (f'<header class="page-head">{head}<h1{heading.lang_attr}>{esc(title)}</h1>{intro}'
              '</header>')
    more = extra(pb) if extra else ""
    tools = listing_tools(ctx, pb, title, event_ids, whole=not paginated(event_ids))
    if paginated(event_ids):
        html = f'{header}{tools}{more}{year_index_html(pb, url, groups)}'
    else:
        body = (timeline_html(ctx, pb, groups) if event_ids
                else f'<p class="empty">{esc(_("No event in the collection yet."))}</p>')
        html = f'{header}{tools}{more}{period_nav(pb, groups)}<div class="timeline">{body}</div>'
    kind = {COUNTRIES: "country", THEMES: "theme", ACTORS: "actor"}.get(kicker[0]) if kicker else None
    return Page(url, title, html, pb.links, pb.anchors, kind="listing",
                search_kind=kind or "timeline",
                **page_args)


def timeline_page(ctx: Context) -> Page:
    """/timeline/: every event."""
    ids = ctx.index.timeline
    span = span_text(ctx, ids) if ids else ""
    count = events_count(len(ids))
    lede = (_("{count}, {span}, in date order.") if span else _("{count}, in date order."))
    intro = (f'<p class="lede">{esc(lede.format(count=count, span=span))} '
             + esc(_("Each entry links to its page, where every statement is tied to the "
                     "passage of the declassified document it comes from.")) + "</p>")
    return _events_page(ctx, TIMELINE, _("Timeline"), None, intro, ids,
                        lambda pb: fold(_("Chart of the events by year"), overview(ctx, pb),
                                        "chart-fold") + explore_panel(ctx, pb),
                        description=_("Every event of the collection in date order."),
                        # split by year, the page has no entries to filter: links only
                        scripts=() if paginated(ids) else (EXPLORE_SCRIPT,))


def country_page(ctx: Context, code: str) -> Page:
    """/countries/<code>/: the events involving one country."""
    name = country_name(code)
    ids = ctx.index.by_country.get(code, [])
    span = span_text(ctx, ids) if ids else ""
    lede = (_("{count} involving {country} between {span}, in date order.") if span
            else _("{count} involving {country}, in date order."))
    intro = (f'<p class="lede">'
             f'{esc(lede.format(count=events_count(len(ids)), country=name, span=span))}</p>')
    return _events_page(ctx, country_url(code), name, (COUNTRIES, _("Countries")), intro, ids,
                        lambda pb: locator(code),
                        description=_("Events involving {country}.").format(country=name))


def theme_page(ctx: Context, theme_id: str) -> Page:
    """/themes/<id>/: the events of one theme, under its description."""
    theme = ctx.collection.themes[theme_id]
    ids = ctx.index.by_theme.get(theme_id, [])
    title, description = theme_title(theme), theme_description(theme)
    intro = (f'{untranslated_note(title, description)}'
             f'<p class="lede"{description.lang_attr}>{description.marked}</p>'
             f'<p class="count">{events_count(len(ids))}</p>')
    return _events_page(ctx, theme_url(theme_id), title, (THEMES, _("Themes")), intro, ids,
                        description=description.value,
                        source=ctx.source_path("themes", theme_id))


def actor_page(ctx: Context, actor_id: str) -> Page:
    """/actors/<id>/: the events naming one actor, under who they are."""
    actor = ctx.collection.actors[actor_id]
    ids = ctx.index.by_actor.get(actor_id, [])
    facts = [esc(_(ACTOR_KINDS[actor.kind]))]
    if actor.country:
        facts.append(esc(country_name(actor.country)))
    if actor.other_names:
        facts.append(esc(_("also called {names}").format(names=", ".join(actor.other_names))))
    name, description = actor_name(actor), actor_description(actor)
    intro = (f'{untranslated_note(description)}<p class="facts-line">{" · ".join(facts)}</p>'
             f'<p class="lede"{description.lang_attr}>{description.marked}</p>'
             f'<p class="count">{events_count(len(ids))}</p>')
    return _events_page(ctx, actor_url(actor_id), name, (ACTORS, _("Actors")), intro, ids,
                        description=description.value,
                        source=ctx.source_path("actors", actor_id))


def _facet_index(url: str, title: str, intro: str, pb: PageBuilder,
                 rows: list[tuple[str, str, str, int]], description: str, extra: str = "") -> Page:
    """An index page: one row per facet with its link, a note (both HTML) and its number of
    events."""
    items = "".join(
        f'<li><a href="{pb.href(target)}">{label}</a>'
        f'<span class="count">{events_count(count)}</span>'
        + (f'<p class="note">{note}</p>' if note else "") + "</li>"
        for target, label, note, count in rows)
    html = (f'<header class="page-head"><h1>{esc(title)}</h1><p class="lede">{intro}</p></header>'
            f'{extra}<ul class="facet-list">{items}</ul>')
    return Page(url, title, html, pb.links, pb.anchors, description=description, kind="index")


def countries_index(ctx: Context) -> Page:
    """/countries/: every country with events, by name."""
    pb = PageBuilder(COUNTRIES, ctx.info.prefix)
    codes = sorted(ctx.index.by_country, key=country_name)
    rows = [(country_url(c), esc(country_name(c)), "", len(ctx.index.by_country[c]))
            for c in codes]
    return _facet_index(COUNTRIES, _("Countries"), esc(_(
        "The countries the events involve, with the events of each in date order.")), pb, rows,
        _("Events by country."), country_map(ctx, pb))


def themes_index(ctx: Context) -> Page:
    """/themes/: every theme, by title."""
    pb = PageBuilder(THEMES, ctx.info.prefix)
    themes = ctx.collection.themes
    ids = sorted(themes, key=lambda t: theme_title(themes[t]).value.casefold())
    rows = [(theme_url(t), theme_title(themes[t]).html, theme_description(themes[t]).html,
             len(ctx.index.by_theme.get(t, []))) for t in ids]
    return _facet_index(THEMES, _("Themes"), esc(_("Subjects that run through the collection.")),
                        pb, rows, _("Events by theme."))


def actors_index(ctx: Context) -> Page:
    """/actors/: every actor, by name."""
    pb = PageBuilder(ACTORS, ctx.info.prefix)
    actors = ctx.collection.actors
    ids = sorted(actors, key=lambda a: actor_name(actors[a]).value.casefold())
    rows = [(actor_url(a), actor_name(actors[a]).html,
             f"{esc(_(ACTOR_KINDS[actors[a].kind]))}. {actor_description(actors[a]).html}",
             len(ctx.index.by_actor.get(a, []))) for a in ids]
    return _facet_index(ACTORS, _("Actors"), esc(_(
        "People, organizations, governments and agencies named in the events.")), pb, rows,
        _("Events by actor."))


def event_lists(ctx: Context) -> list[tuple[str, str, list[str]]]:
    """Every list of events, as (address, title, event ids): the timeline, then each
    country, theme and actor."""
    index, collection = ctx.index, ctx.collection
    lists = [(TIMELINE, _("Timeline"), index.timeline)]
    lists += [(country_url(code), country_name(code), ids)
              for code, ids in sorted(index.by_country.items())]
    lists += [(theme_url(t), theme_title(collection.themes[t]).value, index.by_theme.get(t, []))
              for t in sorted(collection.themes)]
    lists += [(actor_url(a), actor_name(collection.actors[a]).value, index.by_actor.get(a, []))
              for a in sorted(collection.actors)]
    return lists


def year_groups(ctx: Context, event_ids: list[str]) -> list[tuple[int | None, YearGroup]]:
    """The years of a list in order, each with its decade."""
    return [(group.decade, year) for group in group_by_period(event_ids, ctx.collection)
            for year in group.years]


def _year_page(ctx: Context, list_url: str, title: str, decade: int | None, year: YearGroup,
               before: tuple[int | None, int | None] | None,
               after: tuple[int | None, int | None] | None, part: int = 1) -> Page:
    """One year of a paginated list (or one numbered page of a long year), with the same
    entries as an unpaginated list."""
    parts = year_parts(year.event_ids)
    url = year_part_url(list_url, decade, year.year, part)
    pb = PageBuilder(url, ctx.info.prefix)
    when = year_label(decade, year.year)
    page_title = _("{title}, {year}").format(title=title, year=when)
    if len(parts) > 1:
        page_title = _("{title}, page {page} of {pages}").format(title=page_title, page=part,
                                                                 pages=len(parts))
    ids = list(parts[part - 1])
    head = f'<p class="kicker"><a href="{pb.href(list_url)}">{esc(title)}</a></p>'
    lede = _("{count} of {year}, in date order.").format(
        count=events_count(len(year.event_ids)), year=when)
    intro = f'<p class="lede">{esc(lede)}</p>'
    header = f'<header class="page-head">{head}<h1>{esc(page_title)}</h1>{intro}</header>'
    nav = _year_steps(pb, list_url, decade, before, after)
    nav += part_nav(pb, list_url, decade, year.year, len(parts), part)
    timeline = list_url == TIMELINE
    more = explore_panel(ctx, pb, ids) if timeline else ""
    tools = listing_tools(ctx, pb, page_title, ids)
    body = timeline_html(ctx, pb, [DecadeGroup(decade, (YearGroup(year.year, tuple(ids)),))])
    html = f'{header}{tools}{more}{nav}<div class="timeline">{body}</div>'
    return Page(url, page_title, html, pb.links, pb.anchors, kind="listing",
                search_kind=None,  # a year only lists events: searched by its list's page
                description=_("{title}: the events of {year}.").format(title=title, year=when),
                scripts=(EXPLORE_SCRIPT,) if timeline else ())


def _year_steps(pb: PageBuilder, list_url: str, decade: int | None,
                before: tuple[int | None, int | None] | None,
                after: tuple[int | None, int | None] | None) -> str:
    """Previous year, every year, next year."""
    steps = []
    if before:
        steps.append(f'<a rel="prev" href="{pb.href(year_url(list_url, *before))}">'
                     f'{esc(_("Previous: {year}").format(year=year_label(*before)))}</a>')
    steps.append(f'<a href="{pb.href(list_url, decade_anchor(decade))}">'
                 f'{esc(_("Every year"))}</a>')
    if after:
        steps.append(f'<a rel="next" href="{pb.href(year_url(list_url, *after))}">'
                     f'{esc(_("Next: {year}").format(year=year_label(*after)))}</a>')
    return (f'<nav class="jump" aria-label="{esc(_("Other years"))}"><ul><li>{" · ".join(steps)}'
            '</li></ul></nav>')


def year_pages(ctx: Context) -> dict[str, Callable[[], Page]]:
    """The year pages of every paginated list (none when every list is short), by URL,
    each as the call that renders it."""
    pages: dict[str, Callable[[], Page]] = {}
    for list_url, title, ids in event_lists(ctx):
        if not paginated(ids):
            continue
        years = year_groups(ctx, ids)
        keys = [(decade, year.year) for decade, year in years]
        for at, (decade, year) in enumerate(years):
            for part in range(1, len(year_parts(year.event_ids)) + 1):
                pages[year_part_url(list_url, decade, year.year, part)] = partial(
                    _year_page, ctx, list_url, title, decade, year, keys[at - 1] if at else None,
                    keys[at + 1] if at + 1 < len(keys) else None, part)
    return pages

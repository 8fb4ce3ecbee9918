"""Chrome-less pages for embedding, under `embed/`, with their oEmbed files.

Every event page and every timeline (the full one, each country's, theme's and actor's)
has an embeddable version at the same address under `embed/`: `embed/events/<id>/`,
`embed/timeline/`, `embed/countries/pe/`... They are whole HTML documents written as
they are (no MkDocs template, no nav, no search) and made to work in any frame:

- every link says `target="_blank"` and opens outside the frame, except the links
  within the page (to its sources), which say `target="_self"`;
- nothing depends on the parent page; without scripts (sandbox="", or a platform that
  strips them) the page is complete;
- where scripts run, `theme/js/embed.js` reports the page's height to the parent by
  `postMessage({type: "desclasificado:height", height: N, href: location.href}, "*")`
  and, on a timeline, shows only the years of `?from=YYYY&to=YYYY` (all years without
  a script).

With `site_url` set, each has an oEmbed file beside it (`oembed.json`, type "rich") that
the full page advertises, so platforms that discover oEmbed embed it from its address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from desclasificado.index import DecadeGroup, group_by_period
from desclasificado.render.context import Context, Page
from desclasificado.render.event import archive_page_link, pages_text, quote_lang
from desclasificado.render.i18n import _, current, script_messages
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import Link, PageBuilder
from desclasificado.render.listing import (
    event_entry,
    event_lists,
    events_count,
    paginated,
    part_nav,
    span_text,
    time_element,
    year_groups,
    year_index_html,
    year_label,
    year_parts,
)
from desclasificado.render.markup import esc, esc_text, link_marks, plain_text
from desclasificado.render.ranges import (
    YearRange,
    asked,
    bounds,
    fragment,
    range_style,
    span_years,
    year_ranges,
)
from desclasificado.render.teaching import EVENT_HEIGHT, LIST_HEIGHT, OEMBED_WIDTH, iframe
from desclasificado.render.texts import (
    event_body,
    event_summary,
    event_title,
    original_lang,
    untranslated_note,
)
from desclasificado.render.urls import (
    TIMELINE,
    document_url,
    embed_url,
    event_url,
    range_url,
    year_part_url,
)

_LINK = re.compile(r"<a\b([^>]*)>")
_OWN_ANCHOR = ' href="#'
_OWN_YEAR = re.compile(r' href="(?:\.\./)+(?:[a-z]{2,3}/)?embed/')  # a year of a paginated embed


def _origin(ctx: Context, pb: PageBuilder, canonical: str, listing: bool) -> str:
    """Where the page comes from, at its top: the site's name and the full page's address
    (absolute with `site_url`; without it the path, which embed.js makes absolute). Below
    it, for frames that run no script (sandbox="", where links to new windows are dead), a
    notice: copy the address, or open the page in the frame itself."""
    address = ctx.info.absolute(canonical) or f"/{ctx.info.prefix}{canonical}"
    line = esc_text(_("From {site}: {address}")).format(
        site=esc(ctx.info.name), address=f'<span class="address" data-address>{esc(address)}</span>')
    here = (f'<a href="{pb.href(canonical)}" target="_self">'
            f'{esc(_("open the page here, in this frame"))}</a>')
    blocked = esc_text(_("Links may not open from this frame: the page around it can block "
                         "new windows, and leaving the frame. Then copy the address above into "
                         "a new tab, or {link}.")).format(link=here)
    years = (" " + esc(_("Without scripts, every year of this page is shown, even if its "
                         "address asks for fewer (?from=…&to=…), unless the address ends in "
                         "the years asked (#years-…, from the Embed control)."))) if listing else ""
    return (f'<div class="origin"><p>{line}</p><noscript><p class="notice">{blocked}{years}'
            '</p></noscript>'
            "</div>")


def _popup_notice() -> str:
    """What embed.js shows when a link could not open a new window (a sandbox without
    allow-popups): the link's address to copy, and the link again, to open in the frame."""
    text = _("This link cannot open a new window from here: the page around this frame "
             "blocks it (and leaving the frame too, unless it allows that). Copy its address "
             "into a new tab:")
    return (f'<div class="notice popup-notice" role="alert" hidden><p>{esc(text)}</p>'
            '<p><span class="address" data-link></span></p><p><a href="" target="_self" '
            f'data-here>{esc(_("Open it here, in this frame"))}</a> · <button type="button" '
            f'data-close>{esc(_("Close"))}</button></p></div>')


def _document(ctx: Context, pb: PageBuilder, title: str, canonical: str, body: str,
              description: str, listing: bool = False, style: str = "") -> str:
    """A whole embeddable HTML document around `body`, saying where it comes from (with
    `style`, rules of its own, in its head)."""
    root = pb.root
    canonical_href = ctx.info.absolute(canonical) or pb.href(canonical)
    return (
        f'<!doctype html>\n<html lang="{esc(current().code)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · {esc(ctx.info.name)}</title>\n"
        f'<meta name="description" content="{esc(description)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{esc(canonical_href)}">\n'
        '<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{root}css/embed.css">\n'
        f'<script src="{root}js/messages.js" defer></script>\n'
        f'<script src="{root}js/embed.js" defer></script>\n{style}'
        f'</head>\n<body>\n{_popup_notice()}{_origin(ctx, pb, canonical, listing)}\n{body}\n'
        '<script type="application/json" id="messages">'
        f'{script_messages(current(), ("theme/js/embed.js",))}</script>\n</body>\n</html>\n')


def _footer(ctx: Context, pb: PageBuilder, url: str, what: str) -> str:
    """The credit line, linking to the full page."""
    link = _("{what} on {site}").format(what=what, site=ctx.info.name)
    rest = _(": every statement is tied to the declassified document it comes from.")
    return (f'<footer class="embed-foot"><a href="{pb.href(url)}">{esc(link)}</a>{esc(rest)}'
            "</footer>")


def _targets(html: str) -> str:
    """Every link opens outside the frame, except links to the page's own anchors.
    Contributors' text is sanitized HTML here (attribute values escaped, no raw `<a`), and
    its links are absolute: every `<a` is a link the generator or the sanitizer wrote."""
    def target(match: re.Match[str]) -> str:
        attributes = match.group(1)
        own = _OWN_ANCHOR in attributes or _OWN_YEAR.match(attributes) is not None
        return f'<a target="{"_self" if own else "_blank"}"{attributes}>'

    return _LINK.sub(target, html)


def embed_event(ctx: Context, event_id: str) -> Page:
    """The embeddable version of an event: date, title, summary, body, sources."""
    event = ctx.collection.events[event_id]
    page = event_url(event_id)
    url = embed_url(page)
    pb = PageBuilder(url, ctx.info.prefix)
    own = lambda n: pb.href(url, f"source-{n}")  # noqa: E731 - a one-line callback
    body = ctx.bodies.get(event_id)
    title, summary, body_text = event_title(event), event_summary(event), event_body(event)
    sources = []
    for source, citation in zip(event.sources, ctx.index.citations[event_id], strict=True):
        doc = ctx.collection.documents[source.document]
        sources.append(
            f'<li id="{pb.anchor(f"source-{citation.number}")}"><p class="source-title">'
            f'<cite{original_lang()}>'
            f'<a href="{pb.href(document_url(source.document))}">{esc(doc.title)}</a></cite>, '
            f'{pages_text(source.pages)}</p><blockquote{quote_lang(source)}><p>{esc(source.quote)}</p>'
            '</blockquote>'
            f'<p class="source-links">{archive_page_link(doc, citation.page)}</p></li>')
    html = (
        f'<main class="embed embed-event"><article><p class="kicker">'
        f'<a href="{pb.href(TIMELINE)}">{esc(ctx.info.name)}</a> · {time_element(event.date)}'
        f'</p><h1{title.lang_attr}><a href="{pb.href(page)}">{title.marked}</a></h1>'
        + untranslated_note(title, summary, body_text)
        + f'<p class="summary"{summary.lang_attr}>{link_marks(ctx.summaries[event_id], own)}</p>'
        + (f'<div class="body"{body_text.lang_attr}>{link_marks(body, own)}</div>'
           if body and body_text else "")
        + f'<h2>{esc(_("Sources"))}</h2><ol class="sources">{"".join(sources)}</ol></article>'
        + "</main>" + _footer(ctx, pb, page, _("Read the event and its sources")))
    description = f"{date_text(event.date)}: {plain_text(summary.value)}"
    document = _document(ctx, pb, title.value, page, _targets(html), description)
    return Page(url, title.value, document, pb.links, pb.anchors, kind="embed",
                source=ctx.source_path("events", event_id))


@dataclass(frozen=True)
class _List:
    """A list of events as its embeddable pages show it: its full page's address, its title,
    and its year ranges that have a page of their own (`render/ranges.py`)."""

    url: str
    title: str
    ranges: tuple[YearRange, ...] = ()

    def range_page(self, shown: YearRange) -> str:
        return embed_url(range_url(self.url, shown.first, shown.last))


def _sections(ctx: Context, pb: PageBuilder, groups: list[DecadeGroup]) -> list[str]:
    """Each year a section with the years it covers (`data-from`, `data-to`), for the year
    range embed.js applies."""
    sections = []
    for group in groups:
        for year in group.years:
            if group.decade is None:
                span = ""
            elif year.year is None:
                span = f' data-from="{group.decade}" data-to="{group.decade + 9}"'
            else:
                span = f' data-from="{year.year}" data-to="{year.year}"'
            entries = "".join(event_entry(ctx, pb, eid, level=3) for eid in year.event_ids)
            place = f" y{year.year}" if year.year is not None else ""
            sections.append(f'<section class="year{place}"{span}><h2>'
                            f"{esc(year_label(group.decade, year.year))}</h2>"
                            f'<ol class="entries">{entries}</ol></section>')
    return sections


def _range_nav(pb: PageBuilder, listed: _List, shown: YearRange | None) -> str:
    """Links to the list's decades, which open in the frame and need no script ("" for a
    list of one decade)."""
    if not listed.ranges:
        return ""

    def item(label: str, url: str, current: bool) -> str:
        if current:
            return f'<li><span aria-current="page">{esc(label)}</span></li>'
        return f'<li><a href="{pb.href(url)}">{esc(label)}</a></li>'

    items = [item(_("All years"), embed_url(listed.url), shown is None)]
    items += [item(f"{r.first}–{r.last}", listed.range_page(r), r == shown) for r in listed.ranges]
    return f'<nav class="ranges" aria-label="{esc(_("Years"))}"><ul>{"".join(items)}</ul></nav>'


def _embed_list(ctx: Context, listed: _List, title: str, event_ids: list[str],
                pages_of: tuple[str, int | None, int | None, int, int] | None = None,
                shown: YearRange | None = None) -> Page:
    """The embeddable version of a timeline (`listed`), or of its years `shown`: its events
    by year. A paginated list shows its years instead, each linking to its embeddable year
    page; a year page (`pages_of`: the year page's own address, decade, year, number of
    pages and this page's number) is never split again, and links to the other numbered
    pages of its year."""
    page = pages_of[0] if pages_of else listed.url
    url = listed.range_page(shown) if shown else embed_url(page)
    pb = PageBuilder(url, ctx.info.prefix)
    sections = []
    groups = group_by_period(event_ids, ctx.collection)
    if pages_of is not None:
        decade, year, count, part = pages_of[1:]
        sections.append(part_nav(pb, embed_url(listed.url), decade, year, count, part))
    elif paginated(event_ids):
        sections.append(year_index_html(pb, embed_url(listed.url), groups))
        groups = []
    sections += _sections(ctx, pb, groups)
    span = span_text(ctx, event_ids) if event_ids else ""
    count = events_count(len(event_ids)) + (f", {span}" if span else "")
    if shown:
        title = _("{title}, {year}").format(title=title, year=f"{shown.first}–{shown.last}")
        only = _("Only the years {first} to {last}.").format(first=shown.first, last=shown.last)
        range_line = f'<p class="range" data-window>{esc(only)}</p>'
    else:
        range_line = '<p class="range" hidden></p>'
    lines, style = ("", "") if pages_of or not groups else _asked_lines(ctx, pb, listed, groups,
                                                                         shown)
    html = (f'<main class="embed embed-list"><header><p class="kicker"><a href="'
            f'{pb.href(TIMELINE)}">{esc(ctx.info.name)}</a></p><h1><a href="{pb.href(page)}">'
            f'{esc(title)}</a></h1><p class="count">{esc(count)}</p>{range_line}{lines}</header>'
            + ("" if pages_of else _range_nav(pb, listed, shown))
            + ("".join(sections) or f'<p class="empty">{esc(_("No event yet."))}</p>')
            + "</main>" + _footer(ctx, pb, page, _("See the whole timeline")))
    description = _("{title}: {count}").format(title=title, count=count)
    document = _document(ctx, pb, title, page, _targets(html), description, True, style)
    return Page(url, title, document, pb.links, pb.anchors, kind="embed")


def _asked_lines(ctx: Context, pb: PageBuilder, listed: _List, groups: list[DecadeGroup],
                 shown: YearRange | None) -> tuple[str, str]:
    """The ranges the page applies with no script (`ranges.asked`), each an element shown
    as the target of the address's fragment (`#years-1961-1963`), with the rules that hide
    the other years; ("", "") when it has none."""
    years = [y.year for group in groups for y in group.years if y.year is not None]
    span = span_years(ctx.collection, [e for g in groups for y in g.years for e in y.event_ids])
    spans, starts, ends = [], set(), set()
    for low, high in asked(list(listed.ranges), span or (0, -1), shown):
        found = bounds(years, low, high)
        if found:
            starts.add(found[0])
            ends.add(found[1])
        names = f"f{found[0]} t{found[1]}" if found else "none"
        said = f"{low}–{high}" if low != high else str(low)
        spans.append(f'<span class="{names}" id="{pb.anchor(fragment(low, high))}">{said}</span>')
    if not spans:
        return "", ""
    label = _("The years asked for in this page's address, and the only ones shown:")
    return (f'<p class="asked-lines"><span class="asked-label">{esc(label)} </span>'
            f'{"".join(spans)}</p>', range_style(starts, ends))


def iter_embed_pages(ctx: Context, share: tuple[int, int] = (0, 1),
                     make: Callable[[Callable[[], Page]], Page | Embedded] | None = None,
                     ) -> Iterator[Page | Embedded]:
    """Every embeddable page (each event, the timeline, and each country, theme and actor,
    with their year ranges), one at a time, so that each can be written and let go; with
    `share` (number, count), only every count-th from the number-th (a worker's share);
    `make(job)` renders each (the build's page cache, which writes its files: `Embedded`),
    else `job()`."""
    number, count = share
    for position, job in enumerate(embed_jobs(ctx)):
        if position % count == number:
            yield make(job) if make is not None else job()


def embed_jobs(ctx: Context) -> Iterator[Callable[[], Page]]:
    """The embeddable pages, in order, each as the call that renders it."""
    for eid in ctx.index.timeline:
        yield partial(embed_event, ctx, eid)
    lists = event_lists(ctx)
    for page, title, ids in lists:
        listed = _List(page, title, tuple(year_ranges(group_by_period(ids, ctx.collection))))
        yield partial(_embed_list, ctx, listed, title, ids)
        for shown in listed.ranges:
            yield partial(_embed_list, ctx, listed, title, list(shown.event_ids), shown=shown)
    for page, title, ids in lists:  # the year pages of paginated lists
        if paginated(ids):
            for decade, year in year_groups(ctx, ids):
                yield from _embed_year(ctx, _List(page, title), decade, year.year, year.event_ids)


def _embed_year(ctx: Context, listed: _List, decade: int | None, year: int | None,
                event_ids: tuple[str, ...]) -> Iterator[Callable[[], Page]]:
    """The embeddable pages of one year of a paginated list: one, or its numbered pages."""
    parts = year_parts(event_ids)
    for number, ids in enumerate(parts, 1):
        heading = _("{title}, {year}").format(title=listed.title, year=year_label(decade, year))
        if len(parts) > 1:
            heading = _("{title}, page {page} of {pages}").format(title=heading, page=number,
                                                                  pages=len(parts))
        page = year_part_url(listed.url, decade, year, number)
        yield partial(_embed_list, ctx, listed, heading, list(ids),
                      (page, decade, year, len(parts), number))


def oembed(ctx: Context, page: Page) -> str | None:
    """The oEmbed file (type "rich") of an embeddable page; None without `site_url`,
    since oEmbed needs absolute addresses."""
    src = ctx.info.absolute(page.url)
    if src is None:
        return None
    height = EVENT_HEIGHT if page.url.startswith(embed_url("events/")) else LIST_HEIGHT
    data = {
        "version": "1.0", "type": "rich", "title": page.title,
        "provider_name": ctx.info.name, "provider_url": ctx.info.absolute(""),
        "html": iframe(src, f"{page.title} · {ctx.info.name}", height, str(OEMBED_WIDTH)),
        "width": OEMBED_WIDTH, "height": height,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


@dataclass(frozen=True)
class Embedded:
    """An embeddable page whose files the build's page cache has written (`embed_files`,
    in the site's folder): what the site needs of it besides."""

    url: str
    source: str | None
    links: tuple[Link, ...]
    anchors: frozenset[str]
    paths: tuple[str, ...]  # its files, among the language's


def embed_files(ctx: Context, embeds: dict[str, Page]) -> dict[str, str]:
    """The files of the embeddable pages: `<url>index.html`, and `<url>oembed.json` with
    `site_url`."""
    files = {}
    for url, page in embeds.items():
        files[f"{url}index.html"] = page.html
        data = oembed(ctx, page)
        if data is not None:
            files[f"{url}oembed.json"] = data
    return files

"""`data/timelinejs.json`: the events in the JSON format of Knight Lab's TimelineJS 3.

A title slide and one slide per event (`unique_id` = the event's id), with
`start_date` as precise as the event's date ({year}, {year, month} or {year, month,
day}), `end_date` for periods and decades, `display_date` as the site writes the date,
`text.headline` (the title, escaped) and `text.text` (the summary as the site's
sanitized HTML, its citation marks linked to the sources, and a link back to the
event), `group`: the region of the event's first Latin American country (the five regions
of the site's chart, so TimelineJS draws five rows, not one per country), and `media`: the
first source's quote as a blockquote (TimelineJS shows an HTML `url` holding "blockquote"
as a quote), its document and pages as the caption, and the link to the cited page at the
archive as the credit. Events with no year at all are left out. Links are absolute with
`site_url`, else relative to the site's address.
"""

from __future__ import annotations

import datetime
import json

from desclasificado.archives import archive_of
from desclasificado.records.dates import HistDate
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.records.models import Event
from desclasificado.render.charts import region_of
from desclasificado.render.citations import interval_sides
from desclasificado.render.context import Context
from desclasificado.render.event import pages_text
from desclasificado.render.i18n import _
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.listing import events_count, span_text
from desclasificado.render.markup import esc, link_marks
from desclasificado.render.texts import event_title
from desclasificado.render.urls import TIMELINEJS_JSON, event_url


def _tl_date(day: datetime.date, precision: str) -> dict:
    """A TimelineJS date object, as precise as `precision`."""
    value = {"year": day.year}
    if precision in ("month", "day"):
        value["month"] = day.month
    if precision == "day":
        value["day"] = day.day
    return value


def slide_dates(date: HistDate) -> tuple[dict, dict | None] | None:
    """(start_date, end_date or None) for an event's date; None when it has no year."""
    if date.precision == "decade" and not date.is_interval and date.start and date.end:
        return {"year": date.start.year}, {"year": date.end.year}
    if not date.is_interval:
        day = date.start or date.end
        return (_tl_date(day, date.precision), None) if day else None
    left, right = interval_sides(date)
    if left is None and right is None:
        return None
    if left is None or right is None:  # an open interval: shown at its known side
        known = left or right
        assert known is not None and known.start is not None
        return _tl_date(known.start, known.precision), None
    assert left.start is not None and right.end is not None
    return _tl_date(left.start, left.precision), _tl_date(right.end, right.precision)


def _link(ctx: Context, path: str) -> str:
    """An absolute address with `site_url`, else the path relative to the site."""
    return ctx.info.absolute(path) or f"{ctx.info.prefix}{path}"


def slide_media(ctx: Context, event: Event) -> dict | None:
    """The first source as the slide's media: its quote, document, pages and archive page."""
    if not event.sources:
        return None
    source = event.sources[0]
    doc = ctx.collection.documents[source.document]
    archive = archive_of(doc)
    page = source.pages[0]
    lang = source.lang or ORIGINAL_LANGUAGE
    return {"url": f'<blockquote lang="{esc(lang)}">{esc(source.quote)}</blockquote>',
            "caption": f"<cite>{esc(doc.title)}</cite>, {esc(pages_text(source.pages))}",
            "credit": (f'<a href="{esc(archive.page_url(doc, page))}">'
                       f"{esc(archive.page_link_text(page, _))}</a>, "
                       f"{esc(archive.holder(doc))}")}


def slide(ctx: Context, event_id: str) -> dict | None:
    """One event as a TimelineJS slide, or None if its date has no year."""
    event = ctx.collection.events[event_id]
    dates = slide_dates(event.date)
    if dates is None:
        return None
    page = _link(ctx, event_url(event_id))
    summary = link_marks(ctx.summaries[event_id], lambda n: esc(f"{page}#source-{n}"))
    more = _("{what} on {site}").format(what=_("Read the event and its sources"),
                                        site=ctx.info.name)
    text = f"<p>{summary}</p><p><a href=\"{esc(page)}\">{esc(more)}</a></p>"
    value: dict = {"unique_id": event_id, "start_date": dates[0],
                   "display_date": date_text(event.date),
                   "text": {"headline": esc(event_title(event).value), "text": text},
                   "group": _(region_of(event.countries))}
    media = slide_media(ctx, event)
    if media is not None:
        value["media"] = media
    if dates[1] is not None:
        value["end_date"] = dates[1]
    return value


def timelinejs_json(ctx: Context) -> str:
    """The whole timeline: a title slide and the events in date order, one a line."""
    ids = ctx.index.timeline
    span = span_text(ctx, ids) if ids else ""
    home = _link(ctx, "")
    title = {"text": {
        "headline": esc(ctx.info.name),
        "text": ("<p>" + esc((_("{count} of Cold War Latin America ({span}), each drawn from "
                                "declassified documents.") if span else
                              _("{count} of Cold War Latin America, each drawn from "
                                "declassified documents.")).format(
                                    count=events_count(len(ids)), span=span)) + "</p>"
                 f'<p><a href="{esc(home or "./")}">{esc(ctx.info.name)}</a></p>')}}
    slides = [line for line in ctx.rows(TIMELINEJS_JSON, ids, lambda eid: _slide_line(ctx, eid))
              if line]
    lines = ",\n".join(slides)
    head = json.dumps({"title": title}, ensure_ascii=False, sort_keys=True)[:-1]
    return f'{head}, "events": [\n{lines}\n]}}\n' if slides else f'{head}, "events": []}}\n'


def _slide_line(ctx: Context, event_id: str) -> str:
    """One slide as a line of the file ("" for an event without one)."""
    value = slide(ctx, event_id)
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

"""Generated parts of the guides for teachers (pages/teachers.md) and the Data page
(pages/data.md): a live example of an embedded event, and the lists of data files,
fields and columns, generated from the code that writes them so they cannot drift.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from desclasificado.archives import ARCHIVES
from desclasificado.render import dataschema
from desclasificado.render.context import Context
from desclasificado.render.data import CSV_COLUMNS, column_text
from desclasificado.render.dataschema import EVENT_FIELDS, SOURCE_FIELDS, describe
from desclasificado.render.i18n import _, n_
from desclasificado.render.links import PageBuilder
from desclasificado.render.markup import esc
from desclasificado.render.teaching import EVENT_HEIGHT, iframe
from desclasificado.render.texts import event_title
from desclasificado.render.urls import (
    DOCUMENTS_BIB,
    DOCUMENTS_CSL,
    DOCUMENTS_JSON,
    DOCUMENTS_RIS,
    DOCUMENTS_SCHEMA,
    EVENTS_CSV,
    EVENTS_JSON,
    EVENTS_SCHEMA,
    TIMELINEJS_JSON,
    embed_url,
)

Fragment = Callable[[Context, PageBuilder], str]


def example_event(ctx: Context) -> str | None:
    """The event shown as an example: the one with the most sources (the first of them
    in the timeline), None without events."""
    events = ctx.collection.events
    if not ctx.index.timeline:
        return None
    return max(ctx.index.timeline, key=lambda eid: (len(events[eid].sources),
                                                   -ctx.index.position[eid]))


def embed_example(ctx: Context, pb: PageBuilder) -> str:
    """A real event's embeddable page in an iframe, as a teacher's page would show it."""
    event_id = example_event(ctx)
    if event_id is None:
        return f'<p class="empty">{esc(_("No event yet to show."))}</p>'
    title = event_title(ctx.collection.events[event_id])  # untranslated: marked lang="en"
    target = embed_url(f"events/{event_id}/")
    src = html.unescape(pb.href(target))  # recorded for the link check; iframe() escapes
    frame = iframe(src, f"{title.value} · {ctx.info.name}", EVENT_HEIGHT, style=False)
    caption = esc(_("The embedded version of “{title}”, as it appears in a page that uses the "
                    "code below (here with the optional script, so the frame takes the height "
                    "of its content, up to four fifths of the window's).")).format(
        title=title.html)
    return f'<figure class="embed-example">{frame}<figcaption>{caption}</figcaption></figure>'


def _rows(fields: list[tuple[str, dict, str]]) -> str:
    return "".join(f'<tr><td><code>{esc(name)}</code></td><td class="field-text">'
                   f"{esc(describe(text))}</td></tr>" for name, _schema, text in fields)


def _table(caption: str, head: str, rows: str) -> str:
    return (f'<table class="data-fields"><caption>{esc(caption)}</caption><thead><tr>'
            f'<th scope="col">{esc(head)}</th><th scope="col">{esc(_("What it holds"))}</th>'
            "</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def data_files(ctx: Context, pb: PageBuilder) -> str:
    """The data files with their addresses and sizes in records."""
    c = ctx.collection

    def link(path: str) -> str:
        return f'<a href="{esc(pb.path(path))}"><code>/{esc(path)}</code></a>'

    rows = [
        (EVENTS_JSON, n_("All {n} event with every field, in timeline order (fields "
                         "below).", "All {n} events with every field, in timeline order "
                         "(fields below).", len(c.events))),
        (EVENTS_SCHEMA, _("The JSON Schema of events.json.")),
        (EVENTS_CSV, _("One row per event, for spreadsheets (columns below).")),
        (DOCUMENTS_JSON, n_("All {n} document with every field of its record and the "
                            "events citing it.", "All {n} documents with every field of "
                            "their records and the events citing them.", len(c.documents))),
        (DOCUMENTS_SCHEMA, _("The JSON Schema of documents.json.")),
        (TIMELINEJS_JSON, _("The events for Knight Lab's TimelineJS 3.")),
        (DOCUMENTS_CSL, _("Every document as CSL-JSON, for Zotero and other "
                          "reference managers.")),
        (DOCUMENTS_BIB, _("Every document as BibTeX, for LaTeX and reference managers.")),
        (DOCUMENTS_RIS, _("Every document as RIS, for EndNote, Zotero, Mendeley and "
                          "RefWorks.")),
    ]
    body = "".join(f"<tr><td>{link(path)}</td><td>{esc(text)}</td></tr>" for path, text in rows)
    return _table(_("The files"), _("Address"), body)


def event_fields(ctx: Context, pb: PageBuilder) -> str:
    """The fields of an event and of a source in events.json."""
    return (_table(_("An event in events.json"), _("Field"), _rows(EVENT_FIELDS))
            + _table(_("A source (in an event's sources)"), _("Field"), _rows(SOURCE_FIELDS)))


def document_fields(ctx: Context, pb: PageBuilder) -> str:
    """The fields of a document in documents.json."""
    return "".join(_table(_("A {kind} in documents.json").format(kind=_(archive.short_name)),
                          _("Field"), _rows(dataschema.document_fields(kind)))
                   for kind, archive in ARCHIVES.items())


def csv_columns(ctx: Context, pb: PageBuilder) -> str:
    """The columns of events.csv."""
    rows = "".join(f"<tr><td><code>{esc(name)}</code></td>"
                   f'<td class="field-text">{esc(column_text(name, text))}</td></tr>'
                   for name, text, _fill in CSV_COLUMNS)
    return _table(_("The columns of events.csv"), _("Column"), rows)


GUIDE_FRAGMENTS: dict[str, Fragment] = {
    "embed-example": embed_example,
    "data-files": data_files,
    "event-fields": event_fields,
    "document-fields": document_fields,
    "csv-columns": csv_columns,
}

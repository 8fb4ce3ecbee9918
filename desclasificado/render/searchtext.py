"""What the search index gets for each page: small, and labelled with a kind and a date.

MkDocs' search plugin indexes the HTML the adapter hands it (`Page.search_html`). To keep
the index small (a few hundred bytes to a couple of kilobytes an event) it gets:

- events: the summary as plain text, each quote with its document's record number;
- documents: the identifying fields and the passages that events cite, not the transcript
  (`document._searchable`);
- actors, themes, countries and the timeline: their header (name, description, count).

Each text opens with `kind | date |`, the kind a code (`event`, `document`...; the date,
in the page's language, may be empty), which the theme's `search/main.js` shows as a label
above each result, in the page's language, and removes from the excerpt.
"""

from __future__ import annotations

from desclasificado.archives import archive_of
from desclasificado.records.models import Document
from desclasificado.render.context import Context
from desclasificado.render.i18n import N_
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.markup import esc, plain_text
from desclasificado.render.texts import event_summary

#: The kinds of result, by code, with their labels (translated by the search page).
KINDS = {"event": N_("Event"), "document": N_("Document"), "actor": N_("Actor"),
         "country": N_("Country"), "theme": N_("Theme"), "timeline": N_("Timeline"),
         "page": N_("Page")}


def label(kind: str, date: str = "") -> str:
    """The opening `kind | date |` paragraph (`kind`: a code of `KINDS`)."""
    return f"<p>{esc(kind)} | {esc(date)} |</p>"


def _identifier(doc: Document) -> str:
    return archive_of(doc).identifier(doc)


def event_text(ctx: Context, event_id: str) -> str:
    """An event: kind and date, summary, quotes and record numbers."""
    event = ctx.collection.events[event_id]
    documents = ctx.collection.documents
    quotes = "".join(f"<p>{esc(s.quote)} ({esc(_identifier(documents[s.document]))})</p>"
                     for s in event.sources)
    return (label("event", date_text(event.date)) + f"<p>{esc(plain_text(event_summary(event).value, 1200))}</p>"
            + quotes)


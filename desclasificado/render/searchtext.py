"""What the search index gets for each page: small, and labelled with a kind and a date.

MkDocs' search plugin indexes the HTML the adapter hands it (`Page.search_html`). To keep
the index small (a few hundred bytes to a couple of kilobytes an event) it gets:

- events: the summary as plain text, each quote with its document's record number;
- documents: the identifying fields and the passages that events cite, not the transcript
  (`document._searchable`);
- actors, themes, countries and the timeline: their header (name, description, count).

Each text opens with `Kind | date |` (the date may be empty), which the theme's
`search/main.js` shows as a label above each result and removes from the excerpt.
"""

from __future__ import annotations

from desclasificado.archives import archive_of
from desclasificado.records.models import Document
from desclasificado.render.context import Context
from desclasificado.render.markup import esc, plain_text

KINDS = ("Event", "Document", "Actor", "Country", "Theme", "Timeline")


def label(kind: str, date: str = "") -> str:
    """The opening `Kind | date |` paragraph."""
    return f"<p>{esc(kind)} | {esc(date)} |</p>"


def _identifier(doc: Document) -> str:
    return archive_of(doc).identifier(doc)


def event_text(ctx: Context, event_id: str) -> str:
    """An event: kind and date, summary, quotes and record numbers."""
    event = ctx.collection.events[event_id]
    documents = ctx.collection.documents
    quotes = "".join(f"<p>{esc(s.quote)} ({esc(_identifier(documents[s.document]))})</p>"
                     for s in event.sources)
    return (label("Event", event.date.display()) + f"<p>{esc(plain_text(event.summary, 1200))}</p>"
            + quotes)


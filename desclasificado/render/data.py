"""Data files published with the site: the events as JSON, for reuse elsewhere."""

from __future__ import annotations

import json

from .context import Context
from .links import event_url


def events_json(ctx: Context) -> str:
    """Every event in timeline order with its date, text fields and sources, one a line."""
    c = ctx.collection
    rows = []
    for eid in ctx.index.timeline:
        event = c.events[eid]
        rows.append({
            "id": eid,
            "url": event_url(eid),
            "date": event.date.text,
            "date_display": event.date.display(),
            "start": event.date.iso_start(),
            "title": event.title,
            "summary": event.summary,
            "body": event.body,
            "countries": event.countries,
            "places": event.places,
            "actors": event.actors,
            "themes": event.themes,
            "related": event.related,
            "sources": [{"document": s.document, "record_number": c.documents[s.document].record_number,
                         "pages": list(s.pages), "quote": s.quote, "note": s.note,
                         "pdf": c.documents[s.document].cited_pdf()} for s in event.sources],
        })
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    return f"[\n{lines}\n]\n" if rows else "[]\n"


DATA_FILES = {"data/events.json": events_json}

"""Data files published with the site, at stable addresses under `data/` (see the Data page).

- `events.json`, `documents.json`: every record with the fields of `dataschema.py`,
  under a `schema_version`, one record a line; their JSON Schemas beside them.
- `events.csv`: one row per event for spreadsheets (`CSV_COLUMNS`).
- `timelinejs.json`: the events for Knight Lab's TimelineJS 3 (`timelinejs.py`).
- `documents.csl.json`, `documents.bib`: the documents for reference managers, and the
  same for each document beside its page (`documents/<id>/cite.json`, `cite.bib`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from desclasificado.records.models import Event
from desclasificado.render.bibliographic import bibtex, bibtex_entry, csl_item, csl_json
from desclasificado.render.context import Context, country_name
from desclasificado.render.dataschema import SCHEMA_VERSION, documents_schema, dump, events_schema
from desclasificado.render.event import pages_text
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import document_url, event_url
from desclasificado.render.markup import plain_text
from desclasificado.render.timelinejs import timelinejs_json

_UNLIMITED = 1_000_000


def pdf_at(pdf: str, page: int) -> str:
    """The address of one page of an archive PDF (`#page=N`), not escaped."""
    return pdf if "#" in pdf else f"{pdf}#page={page}"


def _file(ctx: Context, key: str, rows: list[dict]) -> str:
    """A data file: version, build day, site address, then one record a line."""
    head = json.dumps({"schema_version": SCHEMA_VERSION, "built": ctx.info.built.isoformat(),
                       "site_url": ctx.info.url or None})[:-1]
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    return f'{head}, "{key}": [\n{lines}\n]}}\n' if rows else f'{head}, "{key}": []}}\n'


def event_row(ctx: Context, event_id: str) -> dict:
    """One event with every field of the model, its address and its date's parts."""
    c = ctx.collection
    event = c.events[event_id]
    date = event.date
    sources = []
    for number, source in enumerate(event.sources, start=1):
        doc = c.documents[source.document]
        sources.append({
            "number": number, "document": source.document,
            "record_number": doc.record_number, "document_title": doc.title,
            "pages": list(source.pages), "quote": source.quote, "note": source.note,
            "pdf": doc.cited_pdf(), "pdf_page": pdf_at(doc.cited_pdf(), source.pages[0]),
        })
    return {
        "id": event_id, "url": event_url(event_id),
        "date": date.text, "date_display": date_text(date),
        "start": date.iso_start(), "end": date.end.isoformat() if date.end else None,
        "precision": date.precision, "approximate": date.approximate,
        "uncertain": date.uncertain, "interval": date.is_interval,
        "title": event.title, "summary": event.summary, "body": event.body,
        "countries": event.countries, "places": event.places, "actors": event.actors,
        "themes": event.themes, "related": event.related, "sources": sources,
    }


def events_json(ctx: Context) -> str:
    """Every event in timeline order (see `dataschema.EVENT_FIELDS`)."""
    return _file(ctx, "events", [event_row(ctx, eid) for eid in ctx.index.timeline])


def _document_row(ctx: Context, doc_id: str) -> dict:
    """One document with every field of its record and the events citing it."""
    doc = ctx.collection.documents[doc_id]
    fields = doc.model_dump(by_alias=True, exclude={"id", "date", "date_of_last_review"})
    cited_by = dict.fromkeys(c.event_id for c in ctx.index.by_document.get(doc_id, []))
    for name, value in fields.items():
        if value == "":
            fields[name] = None
    return {
        **fields, "id": doc_id, "url": document_url(doc_id),
        "date": doc.date.text if doc.date else None,
        "date_display": date_text(doc.date) if doc.date else None,
        "date_of_last_review": doc.date_of_last_review.text if doc.date_of_last_review else None,
        "cited_pdf": doc.cited_pdf(), "transcript": doc_id in ctx.collection.transcripts,
        "cited_by": list(cited_by),
    }


def documents_json(ctx: Context) -> str:
    """Every document, by id (see `dataschema.DOCUMENT_FIELDS`)."""
    return _file(ctx, "documents", [_document_row(ctx, d) for d in sorted(ctx.collection.documents)])


# --- CSV --------------------------------------------------------------------------------------

def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _sources_cell(ctx: Context, event: Event) -> str:
    docs = ctx.collection.documents
    return _joined([f"{docs[s.document].record_number}, {pages_text(s.pages)}"
                    for s in event.sources])


# (column, what it holds, value of an event): the Data page lists them.
CSV_COLUMNS: list[tuple[str, str, Callable[[Context, str, Event], str]]] = [
    ("id", "The event's id.", lambda ctx, eid, e: eid),
    ("url", "Its page, relative to the site's address.", lambda ctx, eid, e: event_url(eid)),
    ("date", "The date as written (EDTF).", lambda ctx, eid, e: e.date.text),
    ("date_display", "The date in words.", lambda ctx, eid, e: date_text(e.date)),
    ("start", "The earliest day the date can mean (YYYY-MM-DD), empty if open.",
     lambda ctx, eid, e: e.date.iso_start() or ""),
    ("end", "The latest day, empty if open.",
     lambda ctx, eid, e: e.date.end.isoformat() if e.date.end else ""),
    ("title", "The headline.", lambda ctx, eid, e: e.title),
    ("summary", "The summary as plain text (citation marks and Markdown removed).",
     lambda ctx, eid, e: plain_text(e.summary, _UNLIMITED)),
    ("body", "The longer explanation as plain text, if any.",
     lambda ctx, eid, e: plain_text(e.body or "", _UNLIMITED)),
    ("countries", "Country codes, joined with \"; \".", lambda ctx, eid, e: _joined(e.countries)),
    ("country_names", "Country names, in the same order.",
     lambda ctx, eid, e: _joined([country_name(c) for c in e.countries])),
    ("places", "Places.", lambda ctx, eid, e: _joined(e.places)),
    ("actors", "Actor ids.", lambda ctx, eid, e: _joined(e.actors)),
    ("themes", "Theme ids.", lambda ctx, eid, e: _joined(e.themes)),
    ("related", "Related event ids.", lambda ctx, eid, e: _joined(e.related)),
    ("source_count", "How many sources.", lambda ctx, eid, e: str(len(e.sources))),
    ("sources", "Each source as \"record number, page(s)\", in order, joined with \"; \" "
                "(the quotes are in events.json).", lambda ctx, eid, e: _sources_cell(ctx, e)),
    ("source_pdfs", "The archive PDF of each source at its first cited page, in the same "
                    "order.",
     lambda ctx, eid, e: _joined([pdf_at(ctx.collection.documents[s.document].cited_pdf(),
                                         s.pages[0]) for s in e.sources])),
]

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell that a spreadsheet would read as a formula (=, +, -, @) gets a leading
    apostrophe, so opening the file never runs anything."""
    return f"'{value}" if value.startswith(_FORMULA) else value


def events_csv(ctx: Context) -> str:
    """One row per event, in timeline order, with a byte-order mark so that spreadsheet
    programs read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in CSV_COLUMNS])
    for eid in ctx.index.timeline:
        event = ctx.collection.events[eid]
        writer.writerow([csv_cell(value(ctx, eid, event)) for _, _, value in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


# --- citations of the documents ------------------------------------------------------------

def documents_csl(ctx: Context) -> str:
    """Every document as CSL-JSON."""
    built = ctx.info.built
    return csl_json([csl_item(d, ctx.collection.documents[d], built)
                     for d in sorted(ctx.collection.documents)])


def documents_bib(ctx: Context) -> str:
    """Every document as BibTeX."""
    built = ctx.info.built
    return bibtex([bibtex_entry(d, ctx.collection.documents[d], built)
                   for d in sorted(ctx.collection.documents)])


def document_cite_files(ctx: Context) -> dict[str, str]:
    """`documents/<id>/cite.json` (CSL-JSON) and `cite.bib` for each document."""
    files = {}
    built = ctx.info.built
    for doc_id, doc in ctx.collection.documents.items():
        files[f"{document_url(doc_id)}cite.json"] = csl_json([csl_item(doc_id, doc, built)])
        files[f"{document_url(doc_id)}cite.bib"] = bibtex([bibtex_entry(doc_id, doc, built)])
    return files


DATA_FILES: dict[str, Callable[[Context], str]] = {
    "data/events.json": events_json,
    "data/events.schema.json": lambda ctx: dump(events_schema()),
    "data/events.csv": events_csv,
    "data/documents.json": documents_json,
    "data/documents.schema.json": lambda ctx: dump(documents_schema()),
    "data/timelinejs.json": timelinejs_json,
    "data/documents.csl.json": documents_csl,
    "data/documents.bib": documents_bib,
}

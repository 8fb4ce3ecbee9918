"""Data files published with the site, at stable addresses under `data/` (see the Data page).

- `events.json`, `documents.json`: every record with the fields of `dataschema.py`,
  under a `schema_version`, one record a line; their JSON Schemas beside them.
- `events.csv`: one row per event for spreadsheets (`CSV_COLUMNS`).
- `timelinejs.json`: the events for Knight Lab's TimelineJS 3 (`timelinejs.py`).
- `documents.csl.json`, `documents.bib`: the documents for reference managers, and the
  same for each document beside its page (`documents/<id>/cite.json`, `cite.bib`).

Each file that lists every event or document is made of one row (a line, an entry) per
record, asked of `ctx.rows`: a build with the page cache renders only the rows whose reads
changed since the last build, and takes the others as they were (`PageCache.rows`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from desclasificado.archives import archive_of
from desclasificado.records.dates import HistDate
from desclasificado.records.languages import TRANSLATION_LANGUAGES, language_name
from desclasificado.records.models import Document, Event
from desclasificado.render.bibliographic import (
    bibtex,
    bibtex_entry,
    csl_item,
    csl_json,
    csl_line,
    csl_lines,
)
from desclasificado.render.context import Context
from desclasificado.render.dataschema import SCHEMA_VERSION, documents_schema, dump, events_schema
from desclasificado.render.event import pages_text
from desclasificado.render.i18n import N_, _, country_name, current
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.markup import plain_text
from desclasificado.render.ris import ris, ris_entry
from desclasificado.render.timelinejs import timelinejs_json
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
    document_cite_file,
    document_url,
    event_url,
)

_UNLIMITED = 1_000_000


def page_at(doc: Document, page: int) -> str:
    """The archive's address of one cited page of a document, not escaped."""
    return archive_of(doc).page_url(doc, page)


def _file(ctx: Context, key: str, rows: list[str]) -> str:
    """A data file: version, build day, site address, then one record a line (`_line`)."""
    head = json.dumps({"schema_version": SCHEMA_VERSION, "built": ctx.info.built.isoformat(),
                       "site_url": ctx.info.url or None})[:-1]
    lines = ",\n".join(rows)
    return f'{head}, "{key}": [\n{lines}\n]}}\n' if rows else f'{head}, "{key}": []}}\n'


def _line(row: dict) -> str:
    """One record, as a line of a data file."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def event_row(ctx: Context, event_id: str) -> dict:
    """One event with every field of the model, its address and its date's parts."""
    c = ctx.collection
    event = c.events[event_id]
    date = event.date
    sources = []
    for number, source in enumerate(event.sources, start=1):
        doc = c.documents[source.document]
        sources.append({
            "number": number, "document": source.document, "document_title": doc.title,
            "pages": list(source.pages), "quote": source.quote, "note": source.note,
            **archive_of(doc).source_data(doc, source.pages[0]),
            "page_url": archive_of(doc).page_url(doc, source.pages[0]),
        })
    return {
        "id": event_id, "url": ctx.info.prefix + event_url(event_id),
        "date": date.text, "date_display": date_text(date),
        "start": date.iso_start(), "end": date.end.isoformat() if date.end else None,
        "precision": date.precision, "approximate": date.approximate,
        "uncertain": date.uncertain, "interval": date.is_interval,
        "title": event.title, "summary": event.summary, "body": event.body,
        "translations": {lang: {"title": text.title, "summary": text.summary, "body": text.body}
                         for lang, text in sorted(event.translations.items())},
        "countries": event.countries, "places": event.places, "actors": event.actors,
        "themes": event.themes, "related": event.related, "sources": sources,
    }


def events_json(ctx: Context) -> str:
    """Every event in timeline order (see `dataschema.EVENT_FIELDS`)."""
    return _file(ctx, "events", ctx.rows(EVENTS_JSON, ctx.index.timeline,
                                         lambda eid: _line(event_row(ctx, eid))))


def _document_row(ctx: Context, doc_id: str) -> dict:
    """One document with every field of its record and the events citing it."""
    doc = ctx.collection.documents[doc_id]
    dates = {name for name in type(doc).model_fields if isinstance(getattr(doc, name), HistDate)}
    fields = doc.model_dump(by_alias=True, exclude={"id", *dates})
    cited_by = dict.fromkeys(c.event_id for c in ctx.index.by_document.get(doc_id, []))
    for name, value in fields.items():
        if value == "":
            fields[name] = None
    fields |= {name: getattr(doc, name).text for name in dates}  # dates as written (EDTF)
    return {
        **fields, "id": doc_id, "url": ctx.info.prefix + document_url(doc_id),
        "date_display": date_text(doc.date) if doc.date else None,
        **archive_of(doc).data_fields(doc), "transcript": doc_id in ctx.collection.transcripts,
        "cited_by": list(cited_by),
    }


def documents_json(ctx: Context) -> str:
    """Every document, by id (see `dataschema.DOCUMENT_FIELDS`)."""
    return _file(ctx, "documents", ctx.rows(DOCUMENTS_JSON, sorted(ctx.collection.documents),
                                            lambda d: _line(_document_row(ctx, d))))


# --- CSV --------------------------------------------------------------------------------------

def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _sources_cell(ctx: Context, event: Event) -> str:
    docs = ctx.collection.documents
    return _joined([f"{archive_of(docs[s.document]).identifier(docs[s.document])}, "
                    f"{pages_text(s.pages)}"
                    for s in event.sources])


Column = tuple[str, str, Callable[[Context, str, Event], str]]


def _translated(lang: str, field: str, plain: bool) -> Callable[[Context, str, Event], str]:
    def value(ctx: Context, eid: str, e: Event) -> str:
        text = e.translations.get(lang)
        found = getattr(text, field) if text else None
        return plain_text(found, _UNLIMITED) if plain and found else found or ""
    return value


def _translation_columns() -> list[Column]:
    """title_es, summary_es, body_es... for each configured language, empty when missing;
    `{language}` in their description is the language's name (`column_text`)."""
    columns: list[Column] = []
    for lang in TRANSLATION_LANGUAGES:
        columns += [
            (f"title_{lang}", N_("The headline in {language}, empty if not translated."),
             _translated(lang, "title", plain=False)),
            (f"summary_{lang}", N_("The summary in {language} as plain text, empty if not "
                                   "translated."), _translated(lang, "summary", plain=True)),
            (f"body_{lang}", N_("The longer explanation in {language} as plain text, if any."),
             _translated(lang, "body", plain=True)),
        ]
    return columns


def column_text(name: str, text: str) -> str:
    """What a column of `CSV_COLUMNS` holds, in the current language (a translation
    column's `{language}` named in it: "The headline in Spanish", "El titular en español")."""
    lang = name.rpartition("_")[2]
    shown = current().locale.languages.get(lang, language_name(lang))
    return _(text).replace("{language}", shown)


# (column, what it holds, value of an event): the Data page lists them.
CSV_COLUMNS: list[Column] = [
    ("id", N_("The event's id."), lambda ctx, eid, e: eid),
    ("url", N_("Its page, relative to the site's address (under es/ in the Spanish files)."),
     lambda ctx, eid, e: ctx.info.prefix + event_url(eid)),
    ("date", N_("The date as written (EDTF)."), lambda ctx, eid, e: e.date.text),
    ("date_display", N_("The date in words."), lambda ctx, eid, e: date_text(e.date)),
    ("start", N_("The earliest day the date can mean (YYYY-MM-DD), empty if open."),
     lambda ctx, eid, e: e.date.iso_start() or ""),
    ("end", N_("The latest day, empty if open."),
     lambda ctx, eid, e: e.date.end.isoformat() if e.date.end else ""),
    ("title", N_("The headline."), lambda ctx, eid, e: e.title),
    ("summary", N_("The summary as plain text (citation marks and Markdown removed)."),
     lambda ctx, eid, e: plain_text(e.summary, _UNLIMITED)),
    ("body", N_("The longer explanation as plain text, if any."),
     lambda ctx, eid, e: plain_text(e.body or "", _UNLIMITED)),
    ("countries", N_("Country codes, joined with \"; \"."), lambda ctx, eid, e: _joined(e.countries)),
    ("country_names", N_("Country names, in the same order."),
     lambda ctx, eid, e: _joined([country_name(c) for c in e.countries])),
    ("places", N_("Places."), lambda ctx, eid, e: _joined(e.places)),
    ("actors", N_("Actor ids."), lambda ctx, eid, e: _joined(e.actors)),
    ("themes", N_("Theme ids."), lambda ctx, eid, e: _joined(e.themes)),
    ("related", N_("Related event ids."), lambda ctx, eid, e: _joined(e.related)),
    ("source_count", N_("How many sources."), lambda ctx, eid, e: str(len(e.sources))),
    ("sources", N_("Each source as \"record number, page(s)\", in order, joined with \"; \" "
                   "(the quotes are in events.json)."), lambda ctx, eid, e: _sources_cell(ctx, e)),
    ("source_pdfs", N_("The archive's address of each source at its first cited page, in the "
                       "same order: the PDF at #page=N for a JFK record, the document's page at "
                       "history.state.gov for FRUS."),
     lambda ctx, eid, e: _joined([page_at(ctx.collection.documents[s.document], s.pages[0])
                                  for s in e.sources])),
    *_translation_columns(),
]

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell that a spreadsheet would read as a formula (=, +, -, @) gets a leading
    apostrophe, so opening the file never runs anything."""
    return f"'{value}" if value.startswith(_FORMULA) else value


def events_csv(ctx: Context) -> str:
    """One row per event, in timeline order, with a byte-order mark so that spreadsheet
    programs read it as UTF-8."""
    def row(eid: str) -> str:
        event = ctx.collection.events[eid]
        return _csv_line([csv_cell(value(ctx, eid, event)) for _, _, value in CSV_COLUMNS])

    return "\ufeff" + "".join([_csv_line([name for name, _, _ in CSV_COLUMNS]),
                               *ctx.rows(EVENTS_CSV, ctx.index.timeline, row)])


def _csv_line(cells: list[str]) -> str:
    """One row of `events.csv`, ending with its CRLF."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


# --- citations of the documents ------------------------------------------------------------

def documents_csl(ctx: Context) -> str:
    """Every document as CSL-JSON."""
    built, docs = ctx.info.built, ctx.collection.documents
    return csl_lines(ctx.rows(DOCUMENTS_CSL, sorted(docs),
                              lambda d: csl_line(csl_item(d, docs[d], built))))


def documents_bib(ctx: Context) -> str:
    """Every document as BibTeX."""
    built, docs = ctx.info.built, ctx.collection.documents
    return bibtex(ctx.rows(DOCUMENTS_BIB, sorted(docs), lambda d: bibtex_entry(d, docs[d], built)))


def documents_ris(ctx: Context) -> str:
    """Every document as RIS."""
    built, docs = ctx.info.built, ctx.collection.documents
    return ris(ctx.rows(DOCUMENTS_RIS, sorted(docs), lambda d: ris_entry(d, docs[d], built)))


def document_cite_files(ctx: Context) -> dict[str, str]:
    """`documents/<id>/cite.json` (CSL-JSON), `cite.bib` and `cite.ris` for each document."""
    built, docs = ctx.info.built, ctx.collection.documents
    ids = list(docs)
    files = {}
    for kind, text in (("json", lambda d: csl_json([csl_item(d, docs[d], built)])),
                       ("bib", lambda d: bibtex([bibtex_entry(d, docs[d], built)])),
                       ("ris", lambda d: ris([ris_entry(d, docs[d], built)]))):
        for doc_id, content in zip(ids, ctx.rows(document_cite_file("*", kind), ids, text),
                                   strict=True):
            files[document_cite_file(doc_id, kind)] = content
    return files


DATA_FILES: dict[str, Callable[[Context], str]] = {
    EVENTS_JSON: events_json,
    EVENTS_SCHEMA: lambda ctx: dump(events_schema()),
    EVENTS_CSV: events_csv,
    DOCUMENTS_JSON: documents_json,
    DOCUMENTS_SCHEMA: lambda ctx: dump(documents_schema()),
    TIMELINEJS_JSON: timelinejs_json,
    DOCUMENTS_CSL: documents_csl,
    DOCUMENTS_BIB: documents_bib,
    DOCUMENTS_RIS: documents_ris,
}

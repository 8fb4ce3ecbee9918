"""The commented YAML of new records: what `build.py new` writes and templates/ holds.

Values not given become `TODO: ...` placeholders (see `placeholders`) that say what to
write; `templates()` is every record with all its values placeholders.
"""

from __future__ import annotations

import json
import re
from typing import Any

from desclasificado.check.placeholders import placeholder
from desclasificado.records.models import slugify

NARA = "National Archives and Records Administration"
JFK_COLLECTION = "President John F. Kennedy Assassination Records Collection"
_MAX_SLUG = 60


def _q(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


TODO_DATE = placeholder("when it happened: 1963-04-11 (a day), 1963-04 (a month) or 1963 "
                        "(a year); see FORMAT.md for periods and approximate dates")
TODO_TITLE = placeholder("a short title, at most 120 characters, that says who reported what")
TODO_SUMMARY = placeholder("one to three sentences that say only what the quoted pages "
                           "support, attributed: According to a CIA source, ...[^1]")
TODO_COUNTRIES = placeholder("two-letter country codes, e.g. PE for Peru, CU for Cuba")
TODO_DOCUMENT = placeholder("the id of a file in documents/, e.g. 176-10036-10058")
TODO_PAGES = placeholder("the PDF page or pages where the quote is, e.g. 3 or 3-4")
TODO_QUOTE = placeholder("copy the sentence of the document that supports the event, "
                         "word for word")
TODO_RECORD_NUMBER = placeholder("the record number, e.g. 176-10036-10058")
TODO_DOCUMENT_TITLE = placeholder("the title, as the archive gives it")
TODO_DOCUMENT_DATE = placeholder("the date of the document, e.g. 1963-04-11; delete the line "
                                 "if it has none")
TODO_ARCHIVE = placeholder("the archive, e.g. " + NARA)
TODO_PAGE_COUNT = placeholder("the number of pages of the PDF, e.g. 5")
TODO_RELEASE = placeholder("the year the archive published the PDF, e.g. 2025")
TODO_PDF = placeholder("the https:// address of the PDF")
TODO_TRANSCRIPT = placeholder("where the text comes from, e.g. typed from the PDF, or OCR "
                              "of the 2025 release")


def event_text(values: dict[str, Any], path: str = "events/THIS-FILE.yaml") -> str:
    """The commented YAML of a new event; values not given are placeholders."""
    countries = values.get("countries")
    return f"""\
# yaml-language-server: $schema=../schemas/event.schema.json
# An event. Fill in every "TODO: ..." value, then run: python build.py check {path}
# CONTRIBUTING.md has a worked example; FORMAT.md describes every field.

# When it happened: "1963-04-11", "1963-04", "1963", a period "1962-06/1962-12",
# or "1963~" for about 1963.
date: {_q(values.get("date") or TODO_DATE)}
# At most 120 characters. Say who reported it: "CIA source reports ...".
title: {_q(values.get("title") or TODO_TITLE)}
# One to three sentences, saying only what the quoted pages support. Keep reported claims
# reported: "According to a CIA informant, ...". [^1] points at the first source below,
# [^2] at the second.
summary: {_q(TODO_SUMMARY)}
# Optional: a longer explanation. To use it, delete the "# " before the two lines below.
# body: >-
#   More detail, with citation marks.[^1]
# Countries involved, as two-letter codes: PE Peru, CU Cuba, MX Mexico, US United States...
countries: {_list(countries) if countries else _list([TODO_COUNTRIES])}
# Optional: places named, and ids of files in actors/ and themes/, e.g. ["cia"].
places: []
actors: []
themes: []
# Every event cites at least one document: its id (a file in documents/), the page(s) of
# the PDF, and a quote, the document's own words copied exactly. Add more sources as more
# "- document:" entries, lined up under this one.
sources:
  - document: {_q(values.get("document") or TODO_DOCUMENT)}
    pages: {_q(values.get("pages") or TODO_PAGES)}
    quote: {_q(TODO_QUOTE)}
# Optional: ids of related events (their file names without .yaml).
related: []
# Only when you rename an event's file: its old ids, so that old links still lead here.
# former_ids: ["the-old-file-name"]
# Optional: the text in Spanish (es). The same [^N] marks as the English summary, on the
# same claims; quotes are never translated. To use it, delete the "# " before the lines.
# translations:
#   es:
#     title: "..."
#     summary: "...[^1]"
"""


def document_text(values: dict[str, Any], path: str = "documents/THIS-FILE.yaml") -> str:
    """The commented YAML of a new document; values not given are placeholders.

    A `date` of "" means the document has none: the line is left as a comment.
    """
    number = values.get("record_number")
    release = values.get("release") or TODO_RELEASE
    pages = values.get("pages")
    transcript = f"documents/{slugify(number)}.md" if number else "documents/THIS-FILE.md"
    return f"""\
# yaml-language-server: $schema=../schemas/document.schema.json
# A document, as its archive identifies it. Copy every value from the archive's own
# record (in the JFK collection: the identification form on page 1 of the PDF); leave a
# field "" when the archive gives nothing, and never guess one.
# Fill in every "TODO: ..." value, then run: python build.py check {path}

# The archive's identifier; the file name is this in lower case, with hyphens.
record_number: {_q(number or TODO_RECORD_NUMBER)}
title: {_q(values.get("title") or TODO_DOCUMENT_TITLE)}
{_date_line(values.get("date"))}
archive: {_q(values.get("archive") or TODO_ARCHIVE)}
collection: {_q(values.get("collection") or "")}
# Fields of the JFK identification form, copied as printed ("" when empty):
agency: ""
originator: ""
from: ""
to: ""
record_series: ""
agency_file_number: ""
# The number of pages of the PDF: a number, without quote marks.
pages: {pages if pages else _q(TODO_PAGE_COUNT)}
subjects: []
document_type: ""
classification: ""
restrictions: ""
current_status: ""
# date_of_last_review: "2000-09-10"   (delete the "# " when the form gives one)
opening_criteria: ""
comments: ""
# Where the archive publishes the PDF: one "- release:" entry per release.
releases:
  - release: {_q(release)}
    pdf: {_q(values.get("pdf") or TODO_PDF)}
# The release whose PDF page numbers the events cite.
cited_release: {_q(release)}
# Where the text in {transcript} comes from. That file holds the text of the PDF, with
# a line "## Page N" before the text of page N, so that every quote can be checked.
transcript_source: {_q(TODO_TRANSCRIPT)}
"""


def _date_line(date: str | None) -> str:
    if date:
        return f"date: {_q(date)}"
    if date == "":
        return '# date: "1963-04-11"   (the document\'s date: delete the "# " when it has one)'
    return f"date: {_q(TODO_DOCUMENT_DATE)}"


def event_id(date: str, title: str) -> str:
    """`<date>-<slug of the title>`: the start of a period, without qualifiers, then the title."""
    left, _, right = date.partition("/")
    start = left if left and left != ".." else right
    full = slugify(re.sub(r"['\u2019]", "", title))  # "MIR's" -> "mirs", not "mir-s"
    slug = full[:_MAX_SLUG]
    if len(full) > _MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return "-".join(part for part in (slugify(start), slug or "event") if part)


def templates() -> dict[str, str]:
    """File name -> text of each template in templates/: every value a placeholder."""
    return {"event.yaml": event_text({}), "document.yaml": document_text({})}

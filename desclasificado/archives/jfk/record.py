"""The document record built from a reading of the form: FORMAT.md's keys in order, a comment
beside each field that needs a hand, written as YAML by `dump_document` and `write_atomic`."""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desclasificado.archives.jfk.catalog import COMPARED, CatalogRow, same
from desclasificado.archives.jfk.rif import (
    FIELDS,
    RifResult,
    StampedPages,
    docid_of,
    page_count,
    parse_release_list,
    release_of,
    release_urls,
)

ARCHIVE = "National Archives and Records Administration"
COLLECTION = "President John F. Kennedy Assassination Records Collection"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/document.schema.json"
KEY_ORDER: tuple[str, ...] = (
    "record_number", "title", "date", "archive", "collection", "agency", "originator", "from", "to",
    "record_series", "agency_file_number", "pages", "subjects", "document_type", "classification", "restrictions",
    "current_status", "date_of_last_review", "opening_criteria", "comments", "releases", "cited_release",
    "transcript_source",
)
_DATES = ("date", "date_of_last_review")

IndexRow = dict[str, str]


# --- the record --------------------------------------------------------------------------------------


@dataclass
class BuiltDocument:
    """A document record, with a note (a YAML comment) for each field that needs a hand."""

    document: dict[str, object]
    notes: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # record fields the import could not fill
    form_pages: int | None = None  # PAGES on the form


def build_document(result: RifResult, text: str, source: Path, row: IndexRow | None,
                   related: list[IndexRow], stamped: StampedPages | None = None) -> BuiltDocument:
    """The document record of a parsed form; `row` is the transcript's index row, `related` all
    the index rows of its record (both empty without an index), `stamped` the transcript split
    into pages at its page stamps when it had no page markers."""
    built = BuiltDocument({name: result.fields[name] for name in FIELDS})
    form_pages = result.fields["pages"]
    built.form_pages = form_pages if isinstance(form_pages, int) and form_pages > 0 else None
    document = built.document
    cited = (row or {}).get("ocr_source_release") or release_of(text) or ""
    document.update(archive=ARCHIVE, collection=COLLECTION, cited_release=cited)
    if stamped:
        built.warnings += stamped.warnings
    document["pages"] = _pages(result.fields["pages"], stamped.text if stamped else text, built)
    _doubt_released_count(result, built)
    document["releases"] = _releases(str(document["record_number"]), cited, text, related, built.warnings)
    document["transcript_source"] = _provenance(source, cited, row) + _stamp_note(stamped)
    built.unknown = [name for name in ("pages", "releases", "cited_release") if not document[name]]
    _annotate(built, result, related[0] if related else {})
    return built


def _annotate(built: BuiltDocument, result: RifResult, listed: IndexRow) -> None:
    """A comment for each field left empty that should not be, saying why."""
    notes, document = built.notes, built.document
    for name in result.missing:
        if not document.get(name):
            notes[name] = _problem(result, name)
    for name in result.absent:
        notes[name] = "not on this layout of the form"
    if "title" in notes and listed.get("nara_table_title"):
        notes["title"] += f"; NARA's release table: {listed['nara_table_title']!r}"
    if "date" in notes and listed.get("nara_table_doc_date"):
        notes["date"] += f"; NARA's release table: {listed['nara_table_doc_date']}"
    if not document["title"] and "title" not in notes:
        notes["title"] = "empty on the form, but a document needs a title: write one from the PDF"
        built.warnings.append("title: empty on the form, but a document needs a title")
    for name in built.unknown:
        notes[name] = "unknown: fill in by hand"


def apply_catalog(built: BuiltDocument, row: CatalogRow, text: str) -> list[str]:
    """Fill the fields the form left empty from NARA's catalogue row; where both give a value and
    they differ, keep the form's and say so beside it. Returns the disagreements, one line each."""
    disagreements = []
    document, notes = built.document, built.notes
    for name in COMPARED:
        listed, read = row.fields.get(name, ""), document.get(name)
        if name == "pages":
            read = built.form_pages
        if listed in ("", None):
            continue
        if read in ("", None, []):
            if name != "pages":
                document[name] = listed
                notes[name] = f"from NARA's catalogue ({row.source}): not read on the form"
            continue
        if not same(name, read, listed, row.pages_released, page_count(text)):
            line = f"{name}: the form reads {read!r}, NARA's catalogue {listed!r}"
            if name == "date":
                line += _date_evidence(str(read), str(listed), text)
            disagreements.append(line)
            notes[name] = f"NARA's catalogue gives {listed!r}; kept the form's" + (
                notes.get(name, "") and "; " + notes[name])
    return disagreements


def _date_evidence(read: str, listed: str, text: str) -> str:
    """What the document's text says when the form and the catalogue give different years."""
    years = read[:4], listed[:4]
    if years[0] == years[1]:
        return ""
    counts = [len(re.findall(rf"(?<!\d){year}(?!\d)", text)) for year in years]
    if counts[0] and not counts[1]:
        return f" (the document text has {years[0]}, never {years[1]}: the form's year is kept)"
    return (f" (the form's year is kept; check the PDF: the text has {years[0]} {counts[0]} times, "
            f"{years[1]} {counts[1]})")


def _problem(result: RifResult, name: str) -> str:
    """What the parser said about an unreadable field, for a comment beside it."""
    return result.reasons.get(name, "not readable on the form") + ": check the PDF"


def _pages(form_pages: object, text: str, built: BuiltDocument) -> int | None:
    """The number of PDF pages: citations cite PDF pages, so the transcript's pages count; the
    form's PAGES (the pages of the document, without the form) is kept in a comment beside it."""
    markers = page_count(text)
    on_form = form_pages if isinstance(form_pages, int) and form_pages > 0 else None
    if markers is None:
        built.warnings.append("no '## Page N' markers: page anchors are unavailable; pages taken from the form, "
                              "not checked against the PDF")
        return on_form
    if on_form is not None:
        built.notes["pages"] = f"the transcript's pages; PAGES on the form: {on_form}"
        _compare_pages(on_form, markers, built.warnings)
    return markers


def _compare_pages(on_form: int, markers: int, warnings: list[str]) -> None:
    """Warn where the form's PAGES and the transcript's pages do not agree (the PDF usually has
    one page more than the form says: the form itself)."""
    if markers < on_form:
        warnings.append(f"pages: the form gives {on_form} pages, the transcript holds {markers}: a partial "
                        f"transcript? citations past page {markers} cannot be verified")
    elif markers > on_form + 1:
        warnings.append(f"pages: the transcript has {markers} pages, {markers - on_form} more than PAGES on the "
                        f"form ({on_form}): check the PDF for attachments or notices")


# Agencies whose forms count the pages released, which the transcript holds after the form (the
# first part of a record number is its agency's code: 104 the CIA's). The FBI's forms, and others',
# count the document's pages, of which a part may be released: a transcript shorter than PAGES is
# usual there, and says nothing of the count.
_COUNTS_RELEASED = {"CIA": "104"}


def _doubt_released_count(result: RifResult, built: BuiltDocument) -> None:
    """A PAGES that counts the pages released but is not the transcript's pages less the form is not
    certain (an OCR slip, another number run into the box, or a count NARA gives otherwise): it is
    left out of the reading, with a comment beside the record's pages."""
    on_form, markers = built.form_pages, built.document["pages"]
    agency = str(result.fields.get("agency") or "").upper()
    code = str(result.fields.get("record_number") or "").split("-")[0]
    if on_form is None or not isinstance(markers, int) or markers == on_form + 1 or not (
            agency in _COUNTS_RELEASED or code in _COUNTS_RELEASED.values()):
        return
    built.form_pages = None
    built.notes["pages"] = (f"the transcript's pages; PAGES on the form reads {on_form}, not the {markers - 1} "
                            f"pages after the form: not certain, check the PDF")


def _stamp_note(stamped: StampedPages | None) -> str:
    """What `transcript_source` says about page markers added at the page stamps."""
    if not stamped:
        return ""
    note = (f"; the '## Page N' lines were added by Desclasificado at the page stamps at the foot of each "
            f"PDF page (\"{stamped.stamp}\" and so on); the text is unchanged")
    if stamped.unstamped:
        note += f"; no stamp was read for {stamped.unstamped_note()}"
    return note


def _releases(record: str, cited: str, text: str, related: list[IndexRow],
              warnings: list[str]) -> list[dict[str, str]]:
    """Every release of the record with its PDF, the cited one first, then the newest first."""
    pairs: dict[str, str] = {}
    for row in related:
        for release, url in parse_release_list(row.get("all_release_pdf_urls", "")):
            pairs.setdefault(release, url)
    if not related and cited:
        pairs = dict(release_urls(record, [cited], docid_of(text)))
        if pairs:
            warnings.append("release address built from NARA's pattern, not checked against a listing")
    if cited and cited not in pairs:
        warnings.append(f"no PDF address known for the cited release {cited}")
    order = sorted(pairs, key=lambda release: (release != cited, _descending(release)))
    return [{"release": release, "pdf": pairs[release]} for release in order]


def _descending(release: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in re.findall(r"\d+", release))


def _provenance(source: Path, cited: str, row: IndexRow | None) -> str:
    release = f" of the {cited} release PDF" if cited else ""
    if row and all(row.get(name) for name in ("ocr_repo", "ocr_path", "ocr_commit")):
        return (f"OCR{release}; {row['ocr_repo']}, {row['ocr_path']}, "
                f"commit {row['ocr_commit']}")
    return f"Transcript{release} ({source.name})"


# --- writing -----------------------------------------------------------------------------------------


def dump_document(document: dict[str, object], notes: dict[str, str] | None = None) -> str:
    """The record as YAML: FORMAT.md's key order, every string double-quoted, a note as a comment.

    An empty date is left out (an empty string is not a date) and a comment stands in its place.
    """
    notes = notes or {}
    lines = [SCHEMA_LINE]
    for key in KEY_ORDER:
        value = document.get(key)
        note = f"  # {notes[key]}" if key in notes else ""
        if key in _DATES and not value:
            lines.append(f"# {key}: {notes.get(key, 'empty on the form')}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:{note}")
            for item in value:
                lines += [f"  - {name}: {_quote(str(text))}" if i == 0 else f"    {name}: {_quote(str(text))}"
                          for i, (name, text) in enumerate(item.items())]
        elif isinstance(value, list):
            lines.append(f"{key}: []{note}" if not value else f"{key}:{note}")
            lines += [f"  - {_quote(str(item))}" for item in value]
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(f"{key}: {value}{note}")
        else:
            lines.append(f"{key}: {_quote('' if value is None else str(value))}{note}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and escapes for anything not printable."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in quoted)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    write_all([(path, data)])


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write each (path, data) through a temporary file in its folder, make them all durable with
    one sync, then rename them in order: a killed or failed write leaves every path as it was or
    complete, never half written, and many small files cost one sync, not one each."""
    temporaries: list[str] = []
    each = len(files) <= 8  # a few files: fsync each; many: one sync for all
    try:
        for path, data in files:
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporaries.append(temporary)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                if each:
                    stream.flush()
                    os.fsync(stream.fileno())
            os.chmod(temporary, 0o644)
        if not each:
            os.sync()
        for (path, _), temporary in zip(files, temporaries, strict=True):
            os.replace(temporary, path)
    except BaseException:
        for temporary in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


def skeleton_document(record: str, row: CatalogRow | None, text: str) -> tuple[dict[str, object], dict[str, str]]:
    """The record of a transcript without a form, to fill in by hand: the record number, the
    catalogue's fields when a row is known (its front matter), the transcript's pages."""
    document: dict[str, object] = {name: [] if name == "subjects" else "" for name in FIELDS}
    document.update(record_number=record, archive=ARCHIVE, collection=COLLECTION, releases=[],
                    cited_release=release_of(text) or "", transcript_source="")
    notes = {}
    for name, value in (row.fields.items() if row else ()):
        if name in document and value not in ("", None):
            document[name] = value
            notes[name] = f"from NARA's catalogue ({row.source if row else ''}); no form to check it against"
    markers = page_count(text)
    document["pages"] = markers or ""
    for name in ("title", "date", "releases", "cited_release", "transcript_source", "pages"):
        if not document.get(name):
            notes[name] = "no identification form: fill in by hand from the PDF"
    return document, notes

"""Import transcripts that open with a JFK identification form (RIF) as document records.

`import_rif(paths, documents_dir)` reads each transcript's form (`rif.parse_rif`), builds the
document record in the order of FORMAT.md and writes ``documents/<record>.yaml`` beside an exact
copy of the transcript, ``documents/<record>.md``. A transcript without ``## Page N`` lines whose
pages end with NARA's page stamps ("NW 64954 Docld:34517486 Page 1") is copied with ``## Page N``
lines inserted at the stamps, and nothing else changed (`rif.mark_stamped_pages`); its record says
so in ``transcript_source``. Given the corpus ``index.csv`` it takes the
release addresses and the OCR provenance from there, and lets NARA's release table confirm form
text the parser could not attribute. An existing document is never overwritten without
``force``; every file is written to a temporary file in the same folder and then renamed, so an
interrupted import leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desclasificado.archives.jfk.frontmatter import FrontMatterError
from desclasificado.archives.jfk.rif import (
    FIELDS,
    RECORD_NUMBER,
    RifResult,
    StampedPages,
    apply_release_listing,
    docid_of,
    mark_stamped_pages,
    page_count,
    parse_release_list,
    parse_rif,
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
PathLike = str | os.PathLike[str]


@dataclass
class FileReport:
    """What happened to one transcript."""

    source: Path
    status: str  # "created", "overwritten", "skipped" or "failed"
    record_number: str = ""
    document: Path | None = None
    pages: int | None = None
    missing: list[str] = field(default_factory=list)  # fields that could not be read
    empty: list[str] = field(default_factory=list)  # fields empty on the form
    warnings: list[str] = field(default_factory=list)
    reason: str = ""  # why a file was skipped or failed


@dataclass
class ImportReport:
    """One `FileReport` per transcript, in the order given."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(item.status != "failed" for item in self.files)


def import_rif(path: PathLike | Iterable[PathLike], documents_dir: PathLike, force: bool = False,
               index_csv: PathLike | None = None) -> ImportReport:
    """Import one transcript or several into `documents_dir` (see the module's docstring)."""
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    index = load_index(Path(index_csv)) if index_csv else None
    return ImportReport([_import_one(Path(p), Path(documents_dir), force, index) for p in paths])


def load_index(path: Path) -> list[IndexRow]:
    """The rows of the corpus ``index.csv``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- one file ----------------------------------------------------------------------------------------


def _import_one(source: Path, documents_dir: Path, force: bool, index: list[IndexRow] | None) -> FileReport:
    try:
        raw = source.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return FileReport(source, "failed", reason=f"cannot read: {exc}")
    try:
        result = parse_rif(text)
    except FrontMatterError as exc:
        return FileReport(source, "failed", reason=str(exc))
    if not result.form:
        return FileReport(source, "failed", reason="no identification form on its first page "
                          "(a transcript of a document without its RIF): register it by hand with "
                          "python build.py new document")
    record = _record_number(result, source)
    if not record:
        return FileReport(source, "failed", missing=result.missing, warnings=result.warnings,
                          reason="no record number on the form")
    report = FileReport(source, "created", record, documents_dir / f"{record}.yaml")
    existing = [p for p in (documents_dir / f"{record}{suffix}" for suffix in (".yaml", ".md", ".txt")) if p.exists()]
    if existing and not force:
        report.status, report.reason = "skipped", "exists, use --force"
        return report
    row, related = _index_rows(index, source, record, result)
    if related:
        apply_release_listing(result, related[0].get("nara_table_title", ""), related[0].get("nara_table_doc_date", ""))
    stamped = mark_stamped_pages(text)
    built = build_document(result, text, source, row, related, stamped)
    pages = built.document["pages"]
    report.pages = pages if isinstance(pages, int) else None
    report.missing = [name for name in result.missing if not built.document.get(name)] + built.unknown
    report.empty = [name for name in result.empty if not built.document.get(name)]
    report.warnings = result.warnings + built.warnings
    documents_dir.mkdir(parents=True, exist_ok=True)
    # The transcript first, the record last: a record never appears without its transcript.
    write_atomic(documents_dir / f"{record}.md", stamped.text.encode("utf-8") if stamped else raw)
    write_atomic(documents_dir / f"{record}.yaml", dump_document(built.document, built.notes).encode("utf-8"))
    report.status = "overwritten" if existing else "created"
    return report


def _record_number(result: RifResult, source: Path) -> str:
    """The form's record number, or the one the file is named after when the form's is unreadable."""
    record = str(result.fields.get("record_number", ""))
    if record:
        return record
    named = source.name.split(".")[0]
    if RECORD_NUMBER.fullmatch(named):
        result.fields["record_number"] = named
        result.warnings.append(f"record_number: not readable on the form; taken from the file name {source.name}")
        return named
    return ""


def _index_rows(index: list[IndexRow] | None, source: Path, record: str,
                result: RifResult) -> tuple[IndexRow | None, list[IndexRow]]:
    """The index row of this very transcript (for its provenance), and every row of its record."""
    if index is None:
        return None, []
    related = [row for row in index if row.get("record_number") == record]
    mine = [row for row in related if Path(row.get("transcript", "")).name == source.name]
    if not related:
        result.warnings.append(f"{record} is not in the index: release addresses from NARA's patterns")
    return (mine[0] if mine else None), related


# --- the record --------------------------------------------------------------------------------------


@dataclass
class BuiltDocument:
    """A document record, with a note (a YAML comment) for each field that needs a hand."""

    document: dict[str, object]
    notes: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # record fields the import could not fill


def build_document(result: RifResult, text: str, source: Path, row: IndexRow | None,
                   related: list[IndexRow], stamped: StampedPages | None = None) -> BuiltDocument:
    """The document record of a parsed form; `row` is the transcript's index row, `related` all
    the index rows of its record (both empty without an index), `stamped` the transcript split
    into pages at its page stamps when it had no page markers."""
    built = BuiltDocument({name: result.fields[name] for name in FIELDS})
    document = built.document
    cited = row["ocr_source_release"] if row else (release_of(text) or "")
    document.update(archive=ARCHIVE, collection=COLLECTION, cited_release=cited)
    if stamped:
        built.warnings += stamped.warnings
    document["pages"] = _pages(result.fields["pages"], stamped.text if stamped else text, built.warnings)
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


def _problem(result: RifResult, name: str) -> str:
    """What the parser said about an unreadable field, for a comment beside it."""
    return result.reasons.get(name, "not readable on the form") + ": check the PDF"


def _pages(form_pages: object, text: str, warnings: list[str]) -> int | None:
    """The number of PDF pages: citations cite PDF pages, so the page markers count, not the form."""
    markers = page_count(text)
    if markers is None:
        warnings.append("no '## Page N' markers: page anchors are unavailable; pages taken from the form, "
                        "not checked against the PDF")
        return form_pages if isinstance(form_pages, int) and form_pages > 0 else None
    if isinstance(form_pages, int) and form_pages != markers:
        warnings.append(f"PAGES on the form is {form_pages}, the PDF has {markers} pages: pages is {markers}")
    return markers


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
    if row:
        return (f"OCR of the {row['ocr_source_release']} release PDF; {row['ocr_repo']}, {row['ocr_path']}, "
                f"commit {row['ocr_commit']}")
    release = f" of the {cited} release PDF" if cited else ""
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
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# --- reporting ---------------------------------------------------------------------------------------


def format_report(report: ImportReport, details: bool = False) -> str:
    """One line per file; with `details`, each file's warnings below it, indented."""
    lines = []
    for item in report.files:
        lines.append(_report_line(item))
        if details:
            lines += [f"    {warning}" for warning in item.warnings]
    return "\n".join(lines)


def _report_line(item: FileReport) -> str:
    shown = _shown_path(item.document) if item.document else str(item.source)
    if item.status in ("skipped", "failed"):
        return f"{item.status} {shown}: {item.reason}"
    parts = [f"{item.pages} pages" if item.pages else "pages unknown"]
    if item.missing:
        parts.append("unreadable: " + ", ".join(item.missing))
    if item.empty:
        parts.append("empty on the form: " + ", ".join(item.empty))
    if item.warnings:
        parts.append(f"{len(item.warnings)} warning{'s' if len(item.warnings) != 1 else ''}")
    return f"{item.status} {shown} ({'; '.join(parts)})"


def _shown_path(path: Path) -> str:
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name

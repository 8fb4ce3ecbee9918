"""Import transcripts that open with a JFK identification form (RIF) as document records.

`import_rif(paths, documents_dir)` reads each transcript's form (`rif.parse_rif`), builds the
document record in the order of FORMAT.md (`record.build_document`) and writes
``documents/<record>.yaml`` beside an exact copy of the transcript, ``documents/<record>.md``.
A path may be a folder: its ``.md`` and ``.txt`` files are imported, in name order.

A transcript without ``## Page N`` lines whose pages end with NARA's page stamps ("NW 64954
Docld:34517486 Page 1") is copied with ``## Page N`` lines inserted at the stamps, and nothing
else changed (`rif.mark_stamped_pages`); its record says so in ``transcript_source``. Given the
corpus ``index.csv`` it takes the release addresses and the OCR provenance from there. Given
NARA's catalogue (``catalog``, or the front matter at the head of a transcript) it fills what the
form leaves empty and reports where the two disagree, keeping the form's value.

A file is refused, with a one-line reason, when it is not a transcript (binary, empty, too
large), holds no form (unless `no_form` asks for a skeleton to fill by hand), holds two forms,
or its form names another record than its file name. An existing document is never overwritten
without ``force``; every file is written to a temporary file in the same folder and renamed.
With `jobs` > 1 the forms are read in that many processes; the files are written by this one.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from desclasificado.archives.indexcsv import JFK_INDEX, IndexFileError, header_problem
from desclasificado.archives.jfk.catalog import CatalogRow, load_catalog, row_from_front_matter
from desclasificado.archives.jfk.frontmatter import FrontMatterError, split_front_matter
from desclasificado.archives.jfk.record import (
    KEY_ORDER,
    SCHEMA_LINE,
    apply_catalog,
    build_document,
    dump_document,
    skeleton_document,
    write_all,
)
from desclasificado.archives.jfk.report import FileReport, ImportReport, format_report
from desclasificado.archives.jfk.rif import (
    RECORD_NUMBER,
    RifResult,
    apply_release_listing,
    mark_stamped_pages,
    parse_rif,
)

__all__ = ["KEY_ORDER", "SCHEMA_LINE", "FileReport", "ImportReport", "dump_document", "format_report", "import_rif",
           "load_index"]

MAX_BYTES = 20 * 1024 * 1024  # the longest transcript of the collection is a few MB
SUFFIXES = (".md", ".txt")
IndexRow = dict[str, str]
PathLike = str | os.PathLike[str]
Progress = Callable[[int, int, FileReport], None]


@dataclass
class _Prepared:
    """A file read and its record built, ready to write (or refused: `report.status` failed)."""

    report: FileReport
    transcript: bytes = b""
    record: bytes = b""


@dataclass(frozen=True)
class _Options:
    documents_dir: Path
    index: list[IndexRow] | None = None
    catalog: dict[str, CatalogRow] | None = None
    no_form: bool = False


def import_rif(path: PathLike | Iterable[PathLike], documents_dir: PathLike, force: bool = False,
               index_csv: PathLike | None = None, catalog_csv: PathLike | None = None, no_form: bool = False,
               jobs: int = 1, progress: Progress | None = None) -> ImportReport:
    """Import one transcript, several, or the transcripts of folders (see the module's docstring).

    Raises `catalog.CatalogError` when the catalogue cannot be read.
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    sources = list(expand_paths(Path(p) for p in paths))
    options = _Options(Path(documents_dir), load_index(Path(index_csv)) if index_csv else None,
                       load_catalog(Path(catalog_csv)) if catalog_csv else None, no_form)
    report = ImportReport()
    writer = _Writer(options.documents_dir, force)
    for done, prepared in enumerate(_prepare_all(sources, options, jobs), start=1):
        report.files.append(writer.add(prepared))
        if progress:
            progress(done, len(sources), report.files[-1])
    writer.flush()
    return report


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Each path, or for a folder the transcripts in it (not hidden ones), in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir()
                              if p.suffix in SUFFIXES and not p.name.startswith(".") and p.is_file())
        else:
            yield path


def load_index(path: Path) -> list[IndexRow]:
    """The rows of the corpus ``index.csv`` (its columns: `indexcsv.JFK_INDEX`); an
    `IndexFileError` when it cannot be read or lacks a required column."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            problem = header_problem(reader.fieldnames, JFK_INDEX, "import-rif")
            if problem:
                raise IndexFileError(f"{path}:1:1: error: {problem}")
            return [{key: value or "" for key, value in row.items() if key is not None}
                    for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IndexFileError(f"{path}: error: cannot read the index: {exc}") from None


def _prepare_all(sources: list[Path], options: _Options, jobs: int) -> Iterator[_Prepared]:
    if jobs <= 1 or len(sources) < 8:
        yield from (_prepare(source, options) for source in sources)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_prepare, sources, [options] * len(sources), chunksize=16)


# --- one file ----------------------------------------------------------------------------------------


def _prepare(source: Path, options: _Options) -> _Prepared:
    """Read one transcript and build its record, or say why it is refused."""
    text, problem = _read_text(source)
    if problem:
        return _refused(source, problem)
    try:
        result = parse_rif(text)
    except FrontMatterError as exc:
        return _refused(source, str(exc))
    if not result.form:
        return _without_form(source, text, result, options)
    problem = _form_problem(text, result, source)
    if problem:
        return _refused(source, problem, result)
    record = _record_number(result, source)
    if not record:
        return _refused(source, "no record number on the form, nor in the file name", result)
    row, related = _index_rows(options.index, source, record, result)
    if related:
        apply_release_listing(result, related[0].get("nara_table_title", ""), related[0].get("nara_table_doc_date", ""))
    stamped = mark_stamped_pages(split_front_matter(text).body)
    built = build_document(result, text, source, row, related, stamped)
    report = FileReport(source, "created", record, options.documents_dir / f"{record}.yaml")
    catalogued = _catalog_row(options, record, result)
    if catalogued:
        report.disagreements = apply_catalog(built, catalogued, text)
    pages = built.document["pages"]
    report.pages = pages if isinstance(pages, int) else None
    report.missing = [name for name in result.missing if not built.document.get(name)] + built.unknown
    report.empty = [name for name in result.empty if not built.document.get(name)]
    report.warnings = result.warnings + built.warnings + report.disagreements
    report.fields, report.form_pages = dict(built.document), built.form_pages
    report.review = [name for name in built.notes if name != "pages" or not built.document.get("pages")]
    front = split_front_matter(text)
    transcript = (text[: len(text) - len(front.body)] + stamped.text) if stamped else text
    return _Prepared(report, transcript.encode("utf-8"), dump_document(built.document, built.notes).encode("utf-8"))


def _read_text(source: Path) -> tuple[str, str]:
    """The transcript's text, or why it cannot be one."""
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            return "", (f"too large for a transcript ({size / 1024 / 1024:.0f} MB; at most "
                        f"{MAX_BYTES // 1024 // 1024} MB): is it the right file?")
        raw = source.read_bytes()
    except OSError as exc:
        return "", f"cannot read: {exc.strerror or exc}"
    if not raw.strip():
        return "", "empty file: a transcript holds the OCR text of the PDF"
    if b"\x00" in raw[:65536]:
        return "", "binary data, not a text transcript (a PDF or an image? import its OCR text)"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return "", f"not UTF-8 text (byte {exc.start}): save the transcript as UTF-8"


# The form's title lines ("JFK ASSASSINATION SYSTEM", "IDENTIFICATION FORM"), not the words in a sentence.
_FORM_TITLE = re.compile(r"^\W*(?:J[FE]K\s+ASSASSINATION\s+SYSTEM\b|IDENTIFICATION\s+FORM\W*$)",
                         re.IGNORECASE | re.MULTILINE)
_LABELLED_NUMBER = re.compile(r"RECORD\s*NUMBER\W{0,12}(\d{3}-\d{5}-\d{5})", re.IGNORECASE)
# A form read in columns has its labels first, then its values: its first record number is its own.
_FIRST_NUMBER = re.compile(r"(?<![\d-])(\d{3}-\d{5}-\d{5})(?![\d-])")


def _form_problem(text: str, result: RifResult, source: Path) -> str:
    """Why a transcript with a form cannot be imported as it is: two forms, or another record."""
    read = str(result.fields.get("record_number", ""))
    titles = [m.start() for m in _FORM_TITLE.finditer(text[:200_000])]
    ends = [min([start + 2000, *(later for later in titles if later > start + 200)]) for start in titles]
    numbers = {found.group(1) for start, end in zip(titles, ends, strict=True)
               for found in [_LABELLED_NUMBER.search(text, start, end) or _FIRST_NUMBER.search(text, start, end)]
               if found}
    if len(numbers) > 1:
        return (f"two identification forms in one file ({', '.join(sorted(numbers))}): split it into one "
                f"transcript per record")
    named = source.name.split(".")[0]
    if read and RECORD_NUMBER.fullmatch(named) and named != read:
        return (f"the form's record number is {read}, the file is named {named}: rename the file "
                f"or check that it is the right transcript")
    return ""


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


def _catalog_row(options: _Options, record: str, result: RifResult) -> CatalogRow | None:
    """The record's row of the catalogue given, or else of the transcript's front matter."""
    if options.catalog is not None and record in options.catalog:
        return options.catalog[record]
    return row_from_front_matter(result.front_matter)


def _without_form(source: Path, text: str, result: RifResult, options: _Options) -> _Prepared:
    """A transcript without a form: refused, or with `no_form` a skeleton record to fill by hand."""
    if not options.no_form:
        return _refused(source, "no identification form on its first page (a document without its RIF): "
                        "use --no-form for a skeleton record to fill in by hand", result)
    front = row_from_front_matter(result.front_matter)
    named = source.name.split(".")[0]
    record = front.record_number if front else (named if RECORD_NUMBER.fullmatch(named) else "")
    if not record:
        return _refused(source, "no identification form, and no record number in the file name or a "
                        "front matter: name the file after its record number (104-10069-10376.md)")
    catalogued = options.catalog.get(record) if options.catalog else None
    document, notes = skeleton_document(record, catalogued or front, text)
    report = FileReport(source, "created", record, options.documents_dir / f"{record}.yaml", fields=document,
                        review=list(notes), warnings=["no identification form: a skeleton record, fill it in by hand"])
    pages = document.get("pages")
    report.pages = pages if isinstance(pages, int) else None
    return _Prepared(report, text.encode("utf-8"), dump_document(document, notes).encode("utf-8"))


def _refused(source: Path, reason: str, result: RifResult | None = None) -> _Prepared:
    report = FileReport(source, "failed", reason=reason)
    if result is not None:
        report.missing, report.warnings = result.missing, result.warnings
    return _Prepared(report)


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


@dataclass
class _Writer:
    """Writes prepared records in batches (one sync per batch), unless a record exists (without
    `force`) or this run already wrote the same record from another file."""

    documents_dir: Path
    force: bool
    batch: int = 64
    written: set[str] = field(default_factory=set)
    pending: list[tuple[Path, bytes]] = field(default_factory=list)
    reports: list[tuple[FileReport, bool]] = field(default_factory=list)

    def add(self, prepared: _Prepared) -> FileReport:
        report = prepared.report
        if report.status == "failed":
            return report
        record = report.record_number
        if record in self.written:
            report.status, report.reason = "failed", f"another file of this import is also {record}: not overwritten"
            return report
        paths = (self.documents_dir / f"{record}{suffix}" for suffix in (".yaml", *SUFFIXES))
        existing = any(path.exists() for path in paths)
        if existing and not self.force:
            report.status, report.reason = "skipped", "exists, use --force"
            return report
        self.written.add(record)
        # The transcript first, the record last: a record never appears without its transcript.
        self.pending += [(self.documents_dir / f"{record}.md", prepared.transcript),
                         (self.documents_dir / f"{record}.yaml", prepared.record)]
        self.reports.append((report, existing))
        if len(self.reports) >= self.batch:
            self.flush()
        return report

    def flush(self) -> None:
        if not self.pending:
            return
        self.documents_dir.mkdir(parents=True, exist_ok=True)
        write_all(self.pending)
        for report, existing in self.reports:
            report.status = "overwritten" if existing else "created"
        self.pending, self.reports = [], []

"""What an import says: one line per file, and the summary of a bulk import."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


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
    fields: dict[str, object] = field(default_factory=dict)  # the record as written
    form_pages: int | None = None  # PAGES on the form
    review: list[str] = field(default_factory=list)  # fields with a comment asking for a hand
    disagreements: list[str] = field(default_factory=list)  # form and catalogue differ


@dataclass
class ImportReport:
    """One `FileReport` per transcript, in the order given."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(item.status != "failed" for item in self.files)



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


def format_summary(report: ImportReport) -> str:
    """The summary of an import: records written, fields left for review, disagreements with the
    catalogue, and the files refused with why (grouped by reason)."""
    statuses = Counter(item.status for item in report.files)
    written = statuses["created"] + statuses["overwritten"]
    done = [item for item in report.files if item.status in ("created", "overwritten")]
    review = sum(len(item.review) for item in done)
    disagreements = sum(len(item.disagreements) for item in done)
    lines = [f"{len(report.files)} file{'s' if len(report.files) != 1 else ''}: {written} record"
             f"{'s' if written != 1 else ''} written ({statuses['created']} new, {statuses['overwritten']} "
             f"overwritten), {statuses['skipped']} skipped (already there), {statuses['failed']} refused",
             f"{review} field{'s' if review != 1 else ''} left for review in "
             f"{sum(bool(item.review) for item in done)} records (a comment beside each says why)",
             f"{disagreements} disagreement{'s' if disagreements != 1 else ''} with NARA's catalogue "
             f"(the form's value kept)"]
    refused = [item for item in report.files if item.status == "failed"]
    if refused:
        lines.append("refused:")
        lines += [f"  {item.source}: {item.reason}" for item in refused]
    return "\n".join(lines)

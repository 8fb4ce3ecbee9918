"""The `--index` CSV files of the importers: their columns, in one place.

`import-rif --index` reads a table of the JFK collection's transcripts and releases,
`import-frus --index` a table of FRUS documents and their printed pages. Each table is a CSV
file with a header row; the columns are named here (`JFK_INDEX`, `FRUS_INDEX`), with whether
they are required and what they hold. The importers check the header against these
(`missing_columns`), the commands' `--help` shows them (`describe`), and CONTRIBUTING.md lists
them, which a test keeps in step. Other columns are ignored.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["FRUS_INDEX", "JFK_INDEX", "Column", "IndexFileError", "describe", "header_problem",
           "missing_columns"]


class IndexFileError(ValueError):
    """An --index file that cannot be used: the message is one line naming the file."""


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str


JFK_INDEX: tuple[Column, ...] = (
    Column("record_number", True, "the NARA record number, as 176-10036-10058"),
    Column("all_release_pdf_urls", True, "every release of the record with the address of its "
           "PDF, written \"2022: https://... ; 2025: https://...\""),
    Column("transcript", False, "the transcript's file, as transcripts/176-10036-10058.md: the "
           "row whose file name is the imported file's gives the four ocr_ columns"),
    Column("ocr_source_release", False, "the release whose PDF the transcript's text and page "
           "numbers come from, as 2025 (the cited release); empty: read from the transcript"),
    Column("ocr_repo", False, "the repository the OCR text was taken from, as "
           "noops888/jfk-files-text"),
    Column("ocr_path", False, "the OCR file's path in that repository"),
    Column("ocr_commit", False, "the commit of that repository (40 hex digits); with ocr_repo "
           "and ocr_path, it is written into transcript_source"),
    Column("nara_table_title", False, "the title in NARA's release table: it confirms (or "
           "completes) the title read on the form, never replaces it"),
    Column("nara_table_doc_date", False, "the date in NARA's release table, MM/DD/YYYY: a "
           "date on the form that differs from it is reported"),
)

FRUS_INDEX: tuple[Column, ...] = (
    Column("volume", True, "the volume's id, as frus1969-76ve16"),
    Column("document", True, "the document's number in the volume, as 19"),
    Column("page_first", False, "the printed page the document starts on, used when the TEI "
           "has no page break before it"),
    Column("page_last", False, "the printed page it ends on, compared with the TEI's"),
    Column("repo_commit", False, "the commit of HistoryAtState/frus the TEI was copied from "
           "(40 hex digits), written into transcript_source"),
)


def missing_columns(header: Sequence[str] | None, columns: Sequence[Column]) -> list[str]:
    """The required columns that `header` (a CSV's first row) lacks."""
    present = set(header or ())
    return [c.name for c in columns if c.required and c.name not in present]


def header_problem(header: Sequence[str] | None, columns: Sequence[Column],
                   command: str) -> str | None:
    """Which required columns the header lacks, and where they are described."""
    missing = missing_columns(header, columns)
    if not missing:
        return None
    names = ", ".join(missing)
    required = ", ".join(c.name for c in columns if c.required)
    return (f"the index has no column {names}: its first line names the columns; "
            f"{required} are required (python build.py {command} --help, or CONTRIBUTING.md, "
            "\"The index files\", lists them all)")


def describe(columns: Sequence[Column]) -> str:
    """The columns for a command's --help, one per line."""
    lines = ["columns of the --index CSV (a header row names them; other columns are ignored):"]
    for column in columns:
        need = "required" if column.required else "optional"
        lines += textwrap.wrap(f"{column.name} ({need}): {column.meaning}", 88,
                               initial_indent="  ", subsequent_indent="      ",
                               break_on_hyphens=False)
    return "\n".join(lines)

"""NARA's catalogue of the collection: one row per record, as NARA published it per release.

Two forms of the same row are read: the release spreadsheet saved as CSV (the columns of
``jfk-forms/nara-2021.csv``: record_number, doc_date, title, originator, from, to, doc_type,
record_series, file_number, num_pages, pages_released, review_date, comments) and the YAML front
matter that newer OCR puts at the head of a transcript (document_date, from_name, to_name,
number_of_pages, ...). Both become a `CatalogRow` whose `fields` use the record's field names.

`same(field, read, listed)` says whether a value read on the form agrees with the catalogue's:
the one comparison used by ``import-rif --catalog`` to report disagreements and by the accuracy
benchmark to score the reader.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from desclasificado.archives.jfk.fields import normalize_date

# record field -> (CSV column, front matter key)
COLUMNS: dict[str, tuple[str, str]] = {
    "date": ("doc_date", "document_date"), "title": ("title", "title"),
    "originator": ("originator", "originator"), "from": ("from", "from_name"), "to": ("to", "to_name"),
    "pages": ("num_pages", "number_of_pages"), "document_type": ("doc_type", "document_type"),
    "record_series": ("record_series", "record_series"), "agency_file_number": ("file_number", "file_number"),
    "date_of_last_review": ("review_date", "review_date"), "comments": ("comments", "comments"),
}
# The fields the form and the catalogue both give, which the import compares and may fill.
COMPARED = ("date", "title", "originator", "from", "to", "pages")
REQUIRED_COLUMNS = ("record_number", *(COLUMNS[name][0] for name in COMPARED))


class CatalogError(ValueError):
    """A catalogue file that cannot be used (the message names the file and says how to fix it)."""


@dataclass(frozen=True)
class CatalogRow:
    """One record's row: `fields` by record field name, normalized (an ISO date, pages as int);
    `pages_released` the pages NARA released (the form's PAGES is often this count)."""

    record_number: str
    fields: dict[str, str | int] = field(default_factory=dict)
    pages_released: int | None = None
    source: str = ""  # where the row came from, for messages: "nara.csv:12", "front matter"


def load_catalog(path: Path) -> dict[str, CatalogRow]:
    """The rows of a NARA catalogue CSV by record number (the last row wins for a repeated one)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in REQUIRED_COLUMNS if name not in (reader.fieldnames or [])]
            if missing:
                raise CatalogError(f"{path}:1: error: no column {', '.join(missing)} in the header; a NARA catalogue "
                                   f"CSV needs the columns {', '.join(REQUIRED_COLUMNS)}")
            rows = {}
            for row in reader:
                parsed = _row({name: row.get(column) or "" for name, (column, _) in COLUMNS.items()},
                              row.get("record_number", ""), row.get("pages_released", ""),
                              f"{path.name}:{reader.line_num}")
                rows[parsed.record_number] = parsed
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"{path}: error: cannot read the catalogue: {exc}") from None


def row_from_front_matter(front: dict[str, str]) -> CatalogRow | None:
    """The catalogue row a transcript's front matter holds (None without a record number)."""
    if not front.get("record_number"):
        return None
    values = {name: front.get(key, "") for name, (_, key) in COLUMNS.items()}
    return _row(values, front["record_number"], front.get("pages_released", ""), "front matter")


def _row(values: dict[str, str], record_number: str, released: str, source: str) -> CatalogRow:
    fields: dict[str, str | int] = {}
    for name, raw in values.items():
        text = " ".join(raw.split())
        if name in ("date", "date_of_last_review"):
            fields[name] = catalog_date(text)
        elif name == "pages":
            fields[name] = int(text) if text.isdigit() and int(text) > 0 else ""
        else:
            fields[name] = text
    pages = int(released) if released.strip().isdigit() else None
    return CatalogRow(record_number.strip(), fields, pages, source)


# NARA's spreadsheets write "no date" as a date of no month or year, or as 01/01/2000: the rows whose
# form gives the placeholder 01/01/1900 (or "00/00/") read 01/01/2000 there, the database's day zero
# with its year "00" taken for 2000.
_NO_DATE = re.compile(r"\d\d/\d\d/0000|01/01/(?:1900|2000)")


def catalog_date(raw: str) -> str:
    """A catalogue date "06/22/1976" as "1976-06-22" ("00/00/0000", "01/01/0000", "01/01/2000": no date)."""
    if not raw or _NO_DATE.fullmatch(raw):
        return ""
    value, _ = normalize_date(raw)
    return value


def squash(text: object) -> str:
    """Text compared without case, spacing or punctuation."""
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", str(text).upper()).split())


# The form's marks for a part withheld: NARA's row may give the words in their place.
_DELETION = re.compile(r"\[+\s*(?:DELETED|DELETION|REDACTED|RESTRICTED)\s*\]+", re.IGNORECASE)
_NONE = ("", "NONE")  # "TO : NONE" on the form: no one, as an empty value in NARA's row
# The names NARA's rows give one agency by, its code or its name in full ("ROCK", "ROCKEFELLER COMMISSION").
AGENCY_NAMES = (
    ("CIA", "CENTRAL INTELLIGENCE AGENCY"), ("FBI", "FEDERAL BUREAU OF INVESTIGATION"),
    ("NSA", "NATIONAL SECURITY AGENCY"), ("ROCK", "ROCKEFELLER COMMISSION"), ("WH", "WHITE HOUSE"),
    ("USA", "ARMY", "US ARMY"), ("USN", "NAVY", "US NAVY"), ("DOS", "STATE", "DEPARTMENT OF STATE"),
    ("HSCA", "HOUSE SELECT COMMITTEE ON ASSASSINATIONS"), ("WC", "WARREN COMMISSION"),
)
_AGENCY = {name: names[0] for names in AGENCY_NAMES for name in names}


def same(name: str, read: object, listed: object, released: int | None = None, pdf_pages: int | None = None) -> bool:
    """Whether a value read on the form agrees with the catalogue's: the same value, written as
    NARA writes it.

    - text: equal without case, spacing and punctuation (the letters alike, "U.K." and "UK"); an
      agency's code and its name in full (`AGENCY_NAMES`: NARA's rows use both) are one value, and
      so is a value NARA's row repeats ("NSA NSA NSA"); "NONE" (FROM, TO) is no value; a deletion
      mark on the form ("[DELETED]") stands for the words NARA's row gives in its place (one or
      more); a title NARA cut short with "…" or "..." agrees with a title that begins with it;
    - dates: equal, except that NARA writes an unknown month or day as 01 in some rows: "1967" on
      the form ("00/00/1967") agrees with NARA's "01/01/1967", "1967-05" with "05/01/1967";
    - PAGES: the pages of the document or the pages released; also the pages released less one
      when the transcript (`pdf_pages`) holds just the pages released: they count the form itself.
    """
    if name == "pages":
        return read == listed or (released is not None and read in (released, released - 1 if pdf_pages == released
                                                                     else None))
    if name in ("date", "date_of_last_review"):
        text, given = str(read), str(listed)
        return text == given or (len(text) in (4, 7) and given == text + ("-01-01" if len(text) == 4 else "-01"))
    return _same_text(name, str(read), str(listed))


# The number of an NSA report at the head of its title on the form: "3/0 T3767-63:", "2X/O/CUD/T2456-63".
_NSA_SERIAL = re.compile(r"^\s*\w{1,3}/\S*?\s?\S*?\d{2,5}-\d{2}\s*:?\s+")


def _same_text(name: str, read: str, listed: str) -> bool:
    words, given = squash(read).split(), squash(listed).split()
    if words and len(given) > len(words) and given == words * (len(given) // len(words)):
        return True  # "NSA NSA NSA NSA NSA": NARA's row repeats the value
    if name in ("from", "to") and squash(read) in _NONE and squash(listed) in _NONE:
        return True
    if squash(read) == squash(listed) or _AGENCY.get(squash(read), "?") == _AGENCY.get(squash(listed)):
        return True
    if squash(read).replace(" ", "") == squash(listed).replace(" ", ""):
        return True  # "U.K." and "UK", "C A JR" and "CA JR": the same letters, spaced otherwise
    serial = _NSA_SERIAL.match(read)
    if name == "title" and serial and not _NSA_SERIAL.match(listed):
        return _same_text(name, read[serial.end():], listed)  # NARA's title leaves the report's number out
    cut = re.match(r"(.*?)\s*(?:…|\.\.\.|\. \. \.)\s*$", listed)
    if cut and len(squash(cut.group(1))) >= 12 and squash(read).startswith(squash(cut.group(1))):
        return True
    if _DELETION.search(read):
        pieces = [re.escape(squash(piece)) for piece in _DELETION.split(read)]
        return bool(re.fullmatch(r"\s?\S.*?\s?".join(pieces), squash(listed)))
    return False

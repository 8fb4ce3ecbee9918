"""The documents for reference managers: CSL-JSON items and BibTeX entries.

CSL-JSON (the format of citeproc-js, Zotero and Pandoc) maps each field of a document
record to a CSL variable: the originator (else the sender, else the agency) is the
author, as a literal name; `number` is the record number; `archive`,
`archive_collection` and `archive_location` (the record series) say where the record
is; `URL` is the cited release's PDF; `accessed` is the build date.

BibTeX entries are `@misc`, readable by BibTeX and biblatex: every value is escaped so
that no character of a record can end a field or run a command (braces, backslashes
and the other TeX specials become text commands), and names and titles are braced so
that styles keep their capitals.
"""

from __future__ import annotations

import datetime
import json
import re

from desclasificado.records.dates import HistDate
from desclasificado.records.models import Document


def _date_parts(date: HistDate) -> dict:
    """A CSL date: `date-parts` as precise as the date (a range for an interval or a
    decade), `circa` when approximate."""
    def parts(day: datetime.date | None, precision: str) -> list[int] | None:
        if day is None:
            return None
        return {"day": [day.year, day.month, day.day], "month": [day.year, day.month]}.get(
            precision, [day.year])

    if date.precision == "decade" and not date.is_interval and date.start and date.end:
        value: dict = {"date-parts": [[date.start.year], [date.end.year]]}
    elif date.is_interval:
        start = parts(date.start, date.precision)
        end = parts(date.end, date.precision)
        if start is None or end is None:
            value = {"literal": date.display()}
        else:
            value = {"date-parts": [start, end]}
    else:
        day = date.start or date.end
        value = {"date-parts": [parts(day, date.precision)]}
    if date.approximate:
        value["circa"] = True
    return value


def author_of(doc: Document) -> str | None:
    """Who is cited as the author: originator, else sender, else agency."""
    return doc.originator or doc.from_ or doc.agency or None


def csl_item(doc_id: str, doc: Document, accessed: datetime.date) -> dict:
    """One document as a CSL-JSON item of type "document"."""
    item: dict = {"id": doc_id, "type": "document", "title": doc.title}
    author = author_of(doc)
    if author:
        item["author"] = [{"literal": author}]
    if doc.to:
        item["recipient"] = [{"literal": doc.to}]
    if doc.date:
        item["issued"] = _date_parts(doc.date)
    item["number"] = doc.record_number
    item["number-of-pages"] = str(doc.pages)
    item["archive"] = doc.archive
    if doc.collection:
        item["archive_collection"] = doc.collection
    if doc.record_series:
        item["archive_location"] = doc.record_series
    item["URL"] = doc.cited_pdf()
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


def csl_json(items: list[dict]) -> str:
    """CSL-JSON: an array of items, one per line."""
    lines = ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items)
    return f"[\n{lines}\n]\n" if items else "[]\n"


# --- BibTeX -------------------------------------------------------------------------------

_TEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
        "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#", "_": r"\_",
        "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_TEX_RE = re.compile("|".join(re.escape(c) for c in _TEX))
_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
               "dec")


def tex(text: str) -> str:
    """Text as TeX: specials become commands, so every brace in the result is balanced,
    and whitespace (line breaks included) becomes single spaces."""
    return _TEX_RE.sub(lambda m: _TEX[m.group(0)], " ".join(text.split()))


def bib_url(url: str) -> str:
    """An address for a verbatim `url` field: braces and backslashes percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_entry(doc_id: str, doc: Document, accessed: datetime.date) -> str:
    """One document as a BibTeX `@misc` entry, keyed by its id."""
    fields: list[tuple[str, str]] = []
    author = author_of(doc)
    if author:
        fields.append(("author", f"{{{{{tex(author)}}}}}"))  # braced: a corporate name
    fields.append(("title", f"{{{{{tex(doc.title)}}}}}"))
    day = doc.date.start if doc.date and doc.date.start else None
    if day is not None and doc.date is not None:
        fields.append(("year", f"{{{day.year}}}"))
        if doc.date.precision in ("day", "month") and not doc.date.is_interval:
            fields.append(("month", _BIB_MONTHS[day.month - 1]))
    where = [doc.archive, doc.collection or ""]
    fields.append(("howpublished", f"{{{tex(', '.join(w for w in where if w))}}}"))
    series = f", record series {doc.record_series}" if doc.record_series else ""
    fields.append(("number", f"{{{tex(doc.record_number)}}}"))
    fields.append(("addendum", f"{{Record number {tex(doc.record_number)}{tex(series)}}}"))
    fields.append(("url", f"{{{bib_url(doc.cited_pdf())}}}"))
    fields.append(("urldate", f"{{{accessed.isoformat()}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{doc_id},\n{body}\n}}\n"


def bibtex(entries: list[str]) -> str:
    """Entries separated by blank lines, with a comment saying where they come from."""
    head = "% Declassified documents cited by Desclasificado, for BibTeX and biblatex.\n\n"
    return head + "\n".join(entries)

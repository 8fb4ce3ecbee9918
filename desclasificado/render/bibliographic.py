"""The documents for reference managers: CSL-JSON items and BibTeX entries.

CSL-JSON (the format of citeproc-js, Zotero and Pandoc) maps each field of a document
record to a CSL variable: the originator (else the sender, else the agency), spelled out
(`archives/agencies.yaml`), is the author, as a literal name; `recipient` the recipient;
`genre` the kind of document (memorandum, cable); `number` is the record number;
`archive`, `archive-place`, `archive_collection` and `archive_location` (the record
series) say where the record is; `note` names the sender and the cited release; `URL` is
the cited release's PDF; `accessed` is the build date. Titles are the archive's, as it
writes them (a reference manager changes their case on demand).

BibTeX entries are `@misc`, readable by BibTeX and biblatex: every value is escaped so
that no character of a record can end a field or run a command (braces, backslashes
and the other TeX specials become text commands), and names and titles are braced so
that styles keep their capitals.

The words the exports add to a record's facts (the notes: "From JMWAVE. 2021 release.",
"Document 145, dated 16 September 1973") and the kind of document are messages of the
catalogue, so a site's downloads speak its language; the facts themselves (titles, names,
the archive, its collection and series) stay as the archive writes them.
"""

from __future__ import annotations

import datetime
import json
import re

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.records.dates import HistDate
from desclasificado.records.models import Document
from desclasificado.render.archival import cited_name
from desclasificado.render.citations import sentence
from desclasificado.render.i18n import _
from desclasificado.render.i18n_dates import date_text


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


def csl_item(doc_id: str, doc: Document, accessed: datetime.date) -> dict:
    """One document as a CSL-JSON item, from the facts its archive gives."""
    facts = archive_of(doc).citation(doc)
    if isinstance(facts, ArchivalCitation):
        item = _csl_archival(doc_id, facts)
    elif isinstance(facts, EditedVolumeCitation):
        item = _csl_edited(doc_id, facts)
    else:
        raise TypeError(f"no CSL form for {type(facts).__name__}")
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


def _csl_edited(doc_id: str, facts: EditedVolumeCitation) -> dict:
    """A document in an edited volume as a "chapter": the volume is the container, its
    editors the editors, its year the issued date; the document's own date is its
    original-date, its number the chapter-number."""
    number = f"Volume {facts.volume_number}, " if facts.volume_number else ""
    subseries = f", {facts.subseries}" if facts.subseries else ""
    item: dict = {"id": doc_id, "type": "chapter", "title": facts.title,
                  "container-title": f"{facts.series}{subseries}, {number}{facts.volume_title}",
                  "collection-title": facts.series, "chapter-number": facts.number}
    if facts.volume_number:
        item["volume"] = facts.volume_number
    if facts.editors:
        item["editor"] = [{"literal": name} for name in facts.editors]
    if facts.author:
        item["author"] = [{"literal": facts.author}]
    if facts.recipient:
        item["recipient"] = [{"literal": facts.recipient}]
    if facts.year:
        item["issued"] = {"date-parts": [[facts.year]]}
    if facts.date:
        item["original-date"] = _date_parts(facts.date)
    if facts.publisher:
        item["publisher"] = facts.publisher
    if facts.place:
        item["publisher-place"] = facts.place
    if facts.first_page is not None:
        last = facts.last_page if facts.last_page is not None else facts.first_page
        item["page"] = str(facts.first_page) if last == facts.first_page else \
            f"{facts.first_page}-{last}"
    item["URL"] = facts.url
    return item


def archival_note(facts: ArchivalCitation) -> str:
    """What the exports say in a note: the sender (when not the author) and the release,
    'From JMWAVE. 2021 release.', in the language rendered; a name that ends with a period
    ('Treverton, Gregory F.') is not given a second one."""
    sender = cited_name(facts.sender)
    # TRANSLATORS: a note in the BibTeX and CSL-JSON downloads, the sender: "From JMWAVE."
    parts = [sentence(_("From {sender}."), sender=sender) if sender else "",
             # TRANSLATORS: a note in the BibTeX and CSL-JSON downloads: "2021 release."
             sentence(_("{release} release."), release=facts.release) if facts.release else ""]
    return " ".join(p for p in parts if p)


def kind_text(facts: ArchivalCitation) -> str:
    """The kind of document ("memorandum", "cable") in the language rendered, or ""."""
    return _(facts.kind) if facts.kind else ""


def _csl_archival(doc_id: str, facts: ArchivalCitation) -> dict:
    """An archival record as an item of type "document": the agency spelled out as
    author, the kind as `genre`, the archive's place as `archive-place`, the sender and
    the release in `note`."""
    item: dict = {"id": doc_id, "type": "document", "title": facts.title}
    if facts.author:
        item["author"] = [{"literal": facts.author}]
    if facts.recipient:
        item["recipient"] = [{"literal": cited_name(facts.recipient)}]
    if facts.kind:
        item["genre"] = kind_text(facts)
    if facts.place:
        item["archive-place"] = facts.place.short()
    if archival_note(facts):
        item["note"] = archival_note(facts)
    if facts.date:
        item["issued"] = _date_parts(facts.date)
    item["number"] = facts.record_number
    if facts.page_count is not None:
        item["number-of-pages"] = str(facts.page_count)
    item["archive"] = facts.archive
    if facts.collection:
        item["archive_collection"] = facts.collection
    if facts.series:
        item["archive_location"] = facts.series
    item["URL"] = facts.url
    return item


def csl_json(items: list[dict]) -> str:
    """CSL-JSON: an array of items, one per line."""
    return csl_lines([csl_line(item) for item in items])


def csl_line(item: dict) -> str:
    """One CSL-JSON item, as a line of `csl_lines`."""
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def csl_lines(lines: list[str]) -> str:
    """CSL-JSON: an array of the items already written (`csl_line`), one per line."""
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


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
    """One document as a BibTeX entry keyed by its id, from the facts its archive gives."""
    facts = archive_of(doc).citation(doc)
    if isinstance(facts, ArchivalCitation):
        entry, fields = "misc", _bib_archival(facts)
    elif isinstance(facts, EditedVolumeCitation):
        entry, fields = "incollection", _bib_edited(facts)
    else:
        raise TypeError(f"no BibTeX form for {type(facts).__name__}")
    fields.append(("urldate", f"{{{accessed.isoformat()}}}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{entry}{{{doc_id},\n{body}\n}}\n"


def _bib_date(date: HistDate | None) -> list[tuple[str, str]]:
    """`year` (and `month` for a single day or month) of a date."""
    day = date.start if date and date.start else None
    if day is None or date is None:
        return []
    fields = [("year", f"{{{day.year}}}")]
    if date.precision in ("day", "month") and not date.is_interval:
        fields.append(("month", _BIB_MONTHS[day.month - 1]))
    return fields


def _bib_edited(facts: EditedVolumeCitation) -> list[tuple[str, str]]:
    """A document in an edited volume as the fields of an `@incollection` entry."""
    number = f", Volume {facts.volume_number}" if facts.volume_number else ""
    subseries = f", {facts.subseries}" if facts.subseries else ""
    book = f"{facts.series}{subseries}{number}, {facts.volume_title}"
    fields: list[tuple[str, str]] = [("title", f"{{{{{tex(facts.title)}}}}}"),
                                     ("booktitle", f"{{{{{tex(book)}}}}}")]
    if facts.editors:
        fields.append(("editor", "{" + " and ".join(tex(n) for n in facts.editors) + "}"))
    if facts.publisher:
        fields.append(("publisher", f"{{{tex(facts.publisher)}}}"))
    if facts.place:
        fields.append(("address", f"{{{tex(facts.place)}}}"))
    if facts.year:
        fields.append(("year", f"{{{facts.year}}}"))
    if facts.first_page is not None:
        last = facts.last_page if facts.last_page is not None else facts.first_page
        pages = str(facts.first_page) if last == facts.first_page else f"{facts.first_page}--{last}"
        fields.append(("pages", f"{{{pages}}}"))
    fields.append(("note", f"{{{tex(_edited_note(facts))}}}"))
    fields.append(("url", f"{{{bib_url(facts.url)}}}"))
    return fields


def _edited_note(facts: EditedVolumeCitation) -> str:
    """BibTeX's note of a document in a volume: "Document 145, dated 16 September 1973"."""
    if not facts.date:
        # TRANSLATORS: a document's number in its volume, in the citation downloads
        return _("Document {number}").format(number=facts.number)
    # TRANSLATORS: the note of a FRUS document (BibTeX): "Document 145, dated 16 September 1973"
    return _("Document {number}, dated {date}").format(number=facts.number,
                                                       date=date_text(facts.date))


def _bib_addendum(facts: ArchivalCitation) -> str:
    """BibTeX's addendum of a record: "Record number 104-10054-10060, record series ..."."""
    if facts.series:
        # TRANSLATORS: the addendum of a record in the BibTeX download
        return _("Record number {number}, record series {series}").format(
            number=facts.record_number, series=facts.series)
    # TRANSLATORS: the addendum of a record in the BibTeX download
    return _("Record number {number}").format(number=facts.record_number)


def _bib_archival(facts: ArchivalCitation) -> list[tuple[str, str]]:
    """An archival record as the fields of a `@misc` entry."""
    fields: list[tuple[str, str]] = []
    if facts.author:
        fields.append(("author", f"{{{{{tex(facts.author)}}}}}"))  # braced: a corporate name
    fields.append(("title", f"{{{{{tex(facts.title)}}}}}"))
    fields += _bib_date(facts.date)
    where = [facts.archive, facts.collection or ""]
    fields.append(("howpublished", f"{{{tex(', '.join(w for w in where if w))}}}"))
    fields.append(("number", f"{{{tex(facts.record_number)}}}"))
    fields.append(("addendum", f"{{{tex(_bib_addendum(facts))}}}"))
    if facts.kind:
        fields.append(("type", f"{{{tex(kind_text(facts))}}}"))
    if facts.place:
        fields.append(("address", f"{{{tex(facts.place.short())}}}"))
    # TRANSLATORS: a note in the BibTeX download, the recipient: "To Director, FBI."
    to = sentence(_("To {recipient}."), recipient=cited_name(facts.recipient)) \
        if facts.recipient else ""
    note = " ".join(p for p in (to, archival_note(facts)) if p)
    if note:
        fields.append(("note", f"{{{tex(note)}}}"))
    fields.append(("url", f"{{{bib_url(facts.url)}}}"))
    return fields


def bibtex(entries: list[str]) -> str:
    """Entries separated by blank lines, with a comment saying where they come from."""
    head = "% Declassified documents cited by Desclasificado, for BibTeX and biblatex.\n\n"
    return head + "\n".join(entries)

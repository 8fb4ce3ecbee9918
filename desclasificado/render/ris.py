"""The documents as RIS, the tagged format EndNote, Zotero, Mendeley and RefWorks import.

One record per document, from the facts its archive gives (`Archive.citation`), never
filled in: an archival record (a JFK record) is `TY  - GOVDOC` with its originator as
author (spelled out), its sender and recipient as notes (`N1`), its kind as `M3` (type of
work), the cited release as `ET`, the archive's place as `CY`, its record number as `AN`
(accession number), the archive as `AV` (where it is held) and its record series and
collection as `T2`/`T3`; a document printed in a FRUS
volume is `TY  - CHAP`: the document's title, the volume as `T2` (book title), the series
as `T3`, the volume's editors as `A2`, its place, publisher and year, the document number
as `SE` (section) and its printed pages as `SP`/`EP`. `UR` is the address of the cited
page (the PDF, or the document's page at history.state.gov) and `Y2` the access date.

Every value is one line: line breaks and other control characters become spaces, so no
text of a record can start a tag of its own. Tested by parsing the output with rispy.
The words the record adds to the facts (the notes' "From:" and "To:", "2021 release",
"Document 145") and the kind are messages of the catalogue, in the site's language.
"""

from __future__ import annotations

import datetime
import re

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.records.dates import HistDate
from desclasificado.records.models import Document
from desclasificado.render.archival import cited_name
from desclasificado.render.bibliographic import kind_text
from desclasificado.render.i18n import _

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def _value(text: str) -> str:
    """A value on one line, with no control character."""
    return _CONTROL.sub(" ", text).strip()


def ris_date(date: HistDate) -> str:
    """RIS's `DA` form, as precise as the date: "1963/04/11/", "1963/04//", "1963///"."""
    day = date.start or date.end
    if day is None:
        return ""
    if date.precision == "day" and not date.is_interval:
        return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"
    if date.precision == "month" and not date.is_interval:
        return f"{day.year:04d}/{day.month:02d}//"
    return f"{day.year:04d}///"


def _to(recipient: str) -> str:
    """The note naming the recipient, "To: Director, Central Intelligence Agency"."""
    # TRANSLATORS: a note in the RIS download, the recipient: "To: Director, FBI"
    return _("To: {recipient}").format(recipient=recipient)


def _archival(facts: ArchivalCitation) -> list[tuple[str, str]]:
    lines = [("TY", "GOVDOC"), ("TI", facts.title)]
    if facts.author:
        lines.append(("AU", facts.author))
    if facts.sender:
        # TRANSLATORS: a note of a record in the RIS download: who sent it, "From: JMWAVE"
        lines.append(("N1", _("From: {sender}").format(sender=cited_name(facts.sender))))
    if facts.recipient:
        lines.append(("N1", _to(cited_name(facts.recipient))))
    if facts.kind:
        lines.append(("M3", kind_text(facts)))
    if facts.release:
        lines.append(("ET", _("{release} release").format(release=facts.release)))
    if facts.place:
        lines.append(("CY", facts.place.short()))
    if facts.date:
        lines += [("PY", str(facts.date.year() or "")), ("DA", ris_date(facts.date))]
    lines.append(("AN", facts.record_number))
    if facts.series:
        lines.append(("T2", facts.series))
    if facts.collection:
        lines.append(("T3", facts.collection))
    lines.append(("AV", facts.archive))
    if facts.page_count is not None:
        lines.append(("SP", f"{facts.page_count} pages"))
    return lines


def _edited(facts: EditedVolumeCitation) -> list[tuple[str, str]]:
    number = f", Volume {facts.volume_number}" if facts.volume_number else ""
    subseries = f", {facts.subseries}" if facts.subseries else ""
    lines = [("TY", "CHAP"), ("TI", facts.title)]
    if facts.author:
        lines.append(("AU", facts.author))
    lines += [("A2", editor) for editor in facts.editors]
    if facts.recipient:
        lines.append(("N1", _to(facts.recipient)))
    lines += [("T2", f"{facts.series}{subseries}{number}, {facts.volume_title}"),
              ("T3", facts.series)]
    if facts.volume_number:
        lines.append(("VL", facts.volume_number))
    lines.append(("SE", _("Document {number}").format(number=facts.number)))
    if facts.first_page is not None:
        lines.append(("SP", str(facts.first_page)))
        if facts.last_page is not None and facts.last_page != facts.first_page:
            lines.append(("EP", str(facts.last_page)))
    if facts.year:
        lines.append(("PY", str(facts.year)))
    if facts.date:
        lines.append(("DA", ris_date(facts.date)))
    if facts.place:
        lines.append(("CY", facts.place))
    if facts.publisher:
        lines.append(("PB", facts.publisher))
    return lines


def ris_entry(doc_id: str, doc: Document, accessed: datetime.date) -> str:
    """One document as a RIS record, ending with its `ER` line."""
    facts = archive_of(doc).citation(doc)
    if isinstance(facts, ArchivalCitation):
        lines = _archival(facts)
    elif isinstance(facts, EditedVolumeCitation):
        lines = _edited(facts)
    else:
        raise TypeError(f"no RIS form for {type(facts).__name__}")
    lines += [("UR", facts.url), ("Y2", f"{accessed:%Y/%m/%d}"), ("ID", doc_id)]
    values = [(tag, _value(value)) for tag, value in lines]
    body = "".join(f"{tag}  - {value}\r\n" for tag, value in values if value)
    return f"{body}ER  - \r\n"


def ris(entries: list[str]) -> str:
    """A RIS file: the records one after another, a blank line between them."""
    return "\r\n".join(entries)

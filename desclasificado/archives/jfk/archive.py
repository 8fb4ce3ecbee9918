"""The JFK Assassination Records at NARA as an archive kind.

Documents are identified by their record number (`176-10036-10058`, the id in lower case);
a cited page is a page of the cited release's PDF, linked as the PDF at `#page=N`; pages
run from 1 to the PDF's page count; citations cite the record number, the record series,
the collection and NARA, with the address of the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desclasificado.archives.agencies import place, spelled_out
from desclasificado.archives.base import N_, ArchivalCitation, Archive, ArchiveLink
from desclasificado.archives.jfk.kinds import document_kind
from desclasificado.archives.jfk.model import JfkDocument, Release
from desclasificado.problems import show
from desclasificado.records.models import Document, slugify


def pdf_page(pdf: str, page: int) -> str:
    """The address of one page of a PDF (browsers open PDFs at `#page=N`), not escaped."""
    return pdf if "#" in pdf else f"{pdf}#page={page}"


class JfkArchive(Archive):
    """Records of the President John F. Kennedy Assassination Records Collection."""

    kind = "jfk"
    model = JfkDocument
    name = "JFK Assassination Records Collection (NARA)"
    nested = (("releases", Release),)
    data_field_schemas = (("cited_pdf", {"type": "string", "format": "uri"},
                           N_("The PDF of the cited release.")),)
    short_name = N_("JFK record")
    identifier_label = N_("record number")
    page_link_label = N_("Archive PDF")
    transcript_page_label = N_("PDF page")
    transcript_note = N_("The text below was read from the scanned pages by machine (OCR) and "
                       "may contain errors; the archive PDF is the authority. Passages cited "
                       "by events are highlighted.")
    no_transcript = N_("No transcript of this document yet: read it in the archive PDF above.")
    cite_note = N_("The document, cited from its record at the archive, with the address of the "
                 "archive's PDF.")

    def identifier(self, doc: Document) -> str:
        return _jfk(doc).record_number

    def expected_id(self, doc: Document) -> str:
        return slugify(_jfk(doc).record_number)

    def page_range(self, doc: Document) -> tuple[int, int]:
        return 1, _jfk(doc).pages

    def page_url(self, doc: Document, page: int) -> str:
        return pdf_page(_jfk(doc).cited_pdf(), page)

    def document_url(self, doc: Document) -> str:
        return _jfk(doc).cited_pdf()

    def author(self, doc: Document) -> str | None:
        """The originator; failing that the sender, then the agency."""
        jfk = _jfk(doc)
        return jfk.originator or jfk.from_ or jfk.agency or None

    def sender(self, doc: Document) -> str | None:
        jfk = _jfk(doc)
        return jfk.originator or jfk.from_

    def byline(self, doc: Document) -> str | None:
        return _jfk(doc).originator

    def describe(self, doc: Document, translate: Callable[[str], str] = N_) -> str:
        return translate(N_("a declassified document, record {number}")).format(
            number=_jfk(doc).record_number)

    def holder(self, doc: Document) -> str:
        return _jfk(doc).archive

    def links(self, doc: Document, translate: Callable[[str], str] = N_) -> list[ArchiveLink]:
        """Every release's PDF, the cited one marked."""
        jfk = _jfk(doc)
        # TRANSLATORS: a link to one release's PDF on a document page: "2021 release, PDF"
        text = translate(N_("{release} release, PDF"))
        cited = translate(N_("cited: page numbers on this site are pages of this PDF"))
        return [ArchiveLink(r.pdf, text.format(release=r.release),
                            cited if r.release == jfk.cited_release else "")
                for r in jfk.releases]

    def citation(self, doc: Document) -> ArchivalCitation:
        """The author is the originator (else the sender, else the agency) spelled out
        (`archives/agencies.yaml`); the sender is named when it is not the author."""
        jfk = _jfk(doc)
        author = spelled_out(self.author(jfk))
        sender = jfk.from_ or None
        if sender and (spelled_out(sender) == author or not jfk.originator):
            sender = None
        kind, in_title = document_kind(jfk.title, jfk.document_type)
        return ArchivalCitation(
            author=author, recipient=jfk.to or None, title=jfk.title, date=jfk.date,
            record_number=jfk.record_number, series=jfk.record_series or None,
            collection=jfk.collection or None, archive=jfk.archive, url=jfk.cited_pdf(),
            page_count=jfk.pages, sender=sender, kind=kind, kind_in_title=in_title,
            release=jfk.cited_release, place=place(jfk.archive))

    def problems(self, doc: Document, doc_id: str) -> list[tuple[tuple[Any, ...], str]]:
        jfk = _jfk(doc)
        problems: list[tuple[tuple[Any, ...], str]] = []
        if slugify(jfk.record_number) != doc_id:
            problems.append((("record_number",), f"record number {show(jfk.record_number)} "
                             "does not match the file name: name the file "
                             f"documents/{slugify(jfk.record_number)}.yaml"))
        if jfk.catalogue_date is not None and not jfk.date_note:
            problems.append((("catalogue_date",), "a catalogue_date needs a date_note saying "
                             "why the document's own date differs: add date_note: \"...\""))
        if jfk.catalogue_date is not None and jfk.date is not None \
                and jfk.catalogue_date.text == jfk.date.text:
            problems.append((("catalogue_date",), "catalogue_date is the same as date: "
                             "delete the catalogue_date line"))
        releases = [r.release for r in jfk.releases]
        if jfk.cited_release not in releases:
            problems.append((("cited_release",), f"cited_release {show(jfk.cited_release)} "
                             f"is not one of the releases listed ({', '.join(releases)})"))
        return problems

    def page_problem(self, doc: Document, doc_id: str, page: int) -> str | None:
        pages = _jfk(doc).pages
        if page <= pages:
            return None
        return (f"page {page} is beyond the {pages} pages of document {doc_id}: cite a PDF page "
                f"from 1 to {pages}, or, if the PDF has more, correct pages: in "
                f"documents/{doc_id}.yaml")

    def transcript_problem(self, doc: Document, pages: list[int]) -> str | None:
        count = _jfk(doc).pages
        if pages and max(pages) > count:
            return (f"the transcript has a page {max(pages)} but the document has {count} "
                    "pages: fix 'pages' or the '## Page N' lines")
        return None

    def data_fields(self, doc: Document) -> dict[str, Any]:
        return {"cited_pdf": _jfk(doc).cited_pdf()}

    def source_data(self, doc: Document, page: int) -> dict[str, Any]:
        jfk = _jfk(doc)
        return {"record_number": jfk.record_number, "pdf": jfk.cited_pdf(),
                "pdf_page": pdf_page(jfk.cited_pdf(), page)}


def _jfk(doc: Document) -> JfkDocument:
    assert isinstance(doc, JfkDocument), doc
    return doc

"""*Foreign Relations of the United States* (FRUS) as an archive kind.

A FRUS document is identified by its volume and number (`frus1969-76ve16-d19`); a cited
page is a printed page of the volume (so pages do not start at 1), linked to the document's
page at history.state.gov, which has no address per page: the citation says the page. Its
citation is that of a document in an edited volume (`EditedVolumeCitation`), with the
volume's title, editors and imprint from `volumes.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desclasificado.archives.base import N_, Archive, ArchiveLink, EditedVolumeCitation
from desclasificado.archives.frus.convert import FOOTNOTE_PREFIX, document_id
from desclasificado.archives.frus.model import FrusDocument
from desclasificado.archives.frus.volumes import SERIES, VOLUMES, document_address
from desclasificado.records.models import Document


class FrusArchive(Archive):
    """Documents of FRUS, as the Office of the Historian publishes them."""

    kind = "frus"
    model = FrusDocument
    name = "Office of the Historian, U.S. Department of State (history.state.gov)"
    reference_heading = N_("FRUS documents")
    data_field_schemas = (("document_url", {"type": "string", "format": "uri"},
                           N_("The document's page at history.state.gov.")),)
    short_name = N_("FRUS document")
    identifier_label = "FRUS"
    page_link_label = "history.state.gov"
    transcript_page_label = N_("Printed page")
    transcript_note = N_("The text below is the Office of the Historian's edited transcription "
                       "of the document as the volume prints it; page numbers are the volume's "
                       "printed pages, and bracketed remarks such as [name not declassified] "
                       "are the editors'. The editors' footnotes follow the text of the page "
                       "they are on. Passages cited by events are highlighted.")
    no_transcript = N_("No transcript of this document yet: read it at history.state.gov above.")
    cite_note = N_("The document, cited as printed in its volume of Foreign Relations of the "
                 "United States, with the address of its page at history.state.gov.")

    # TRANSLATORS: history.state.gov has one page per document: the link says the printed page
    page_link_pattern = N_("history.state.gov, printed page {page}")

    def identifier(self, doc: Document) -> str:
        """'frus1969-76ve16, doc. 19'."""
        frus = _frus(doc)
        return f"{frus.volume}, doc. {frus.number}"

    def expected_id(self, doc: Document) -> str:
        frus = _frus(doc)
        return document_id(frus.volume, frus.number)

    def page_range(self, doc: Document) -> tuple[int, int]:
        frus = _frus(doc)
        return frus.first_page, frus.last_page

    def page_url(self, doc: Document, page: int) -> str:
        return self.document_url(doc)

    def document_url(self, doc: Document) -> str:
        frus = _frus(doc)
        return document_address(frus.volume, frus.number)

    def holder(self, doc: Document) -> str:
        volume = VOLUMES.get(_frus(doc).volume)
        return volume.full_title if volume else f"{SERIES}, {_frus(doc).volume}"

    def describe(self, doc: Document, translate: Callable[[str], str] = N_) -> str:
        frus = _frus(doc)
        return translate(N_("document {number} of {holder}")).format(number=frus.number,
                                                                      holder=self.holder(doc))

    def links(self, doc: Document, translate: Callable[[str], str] = N_) -> list[ArchiveLink]:
        frus = _frus(doc)
        if frus.first_page == frus.last_page:
            pages = translate(N_("printed page {page} of the volume")).format(page=frus.first_page)
        else:
            pages = translate(N_("printed pages {first}–{last} of the volume")).format(
                first=frus.first_page, last=frus.last_page)
        # TRANSLATORS: the link to a FRUS document's page at the Office of the Historian
        text = translate(N_("Document {number} at history.state.gov")).format(number=frus.number)
        return [ArchiveLink(self.document_url(doc), text, pages)]

    def citation(self, doc: Document) -> EditedVolumeCitation:
        frus = _frus(doc)
        volume = VOLUMES[frus.volume]
        return EditedVolumeCitation(
            title=frus.title, date=frus.date, series=SERIES, subseries=volume.subseries,
            volume_number=volume.volume_number, volume_title=volume.title,
            editors=volume.editors, place=volume.place, publisher=volume.publisher,
            year=volume.year, number=str(frus.number), first_page=frus.first_page,
            last_page=frus.last_page, url=self.document_url(doc), author=frus.from_,
            recipient=frus.to)

    def problems(self, doc: Document, doc_id: str) -> list[tuple[tuple[Any, ...], str]]:
        frus = _frus(doc)
        problems = []
        if frus.volume not in VOLUMES:
            problems.append((("volume",), f"unknown FRUS volume {frus.volume!r}: the known "
                             f"volumes are {', '.join(VOLUMES)}; add the volume's title, "
                             "editors and year to desclasificado/archives/frus/volumes.py"))
        if frus.last_page < frus.first_page:
            problems.append((("last_page",), f"last_page {frus.last_page} comes before "
                             f"first_page {frus.first_page}"))
        expected = self.expected_id(doc)
        if expected != doc_id:
            problems.append((("number",), f"volume {frus.volume} document {frus.number} does "
                             f"not match the file name: name the file documents/{expected}.yaml"))
        return problems

    def split_notes(self, page_text: str) -> int:
        """Where the footnotes of a transcript page begin (lines `[^n]: ...` at its end)."""
        at = page_text.find("\n" + FOOTNOTE_PREFIX)
        if page_text.startswith(FOOTNOTE_PREFIX):
            return 0
        return len(page_text) if at < 0 else at + 1

    def data_fields(self, doc: Document) -> dict[str, Any]:
        return {"document_url": self.document_url(doc)}

    def source_data(self, doc: Document, page: int) -> dict[str, Any]:
        return {"record_number": self.identifier(doc), "pdf": None, "pdf_page": None}


def _frus(doc: Document) -> FrusDocument:
    assert isinstance(doc, FrusDocument), doc
    return doc

"""What an archive kind tells the rest of the program: the one interface render and check use.

An archive kind (the JFK Assassination Records at NARA, the State Department's FRUS, a test
kind in the tests) is an `Archive` registered in `desclasificado.archives`. It owns its
document model and answers every question whose answer depends on the archive: how its
documents are identified, which pages a document has and how a cited page becomes a link,
what its citation is made of, what its document page shows. Render and check code ask the
document's archive (`archive_of(doc)`) and never name an archive themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel

from desclasificado.archives.agencies import Place
from desclasificado.records.dates import HistDate
from desclasificado.records.models import Document


@dataclass(frozen=True)
class ArchiveLink:
    """A link on a document page to where the archive publishes it: address, link text, and
    a remark shown after the link (e.g. which release the page numbers refer to)."""

    url: str
    text: str
    note: str = ""


@dataclass(frozen=True)
class ArchivalCitation:
    """The facts of an archival record that the citation styles need (render/citations.py,
    render/bibliographic.py): a record held by an archive, cited by its number."""

    author: str | None
    recipient: str | None
    title: str
    date: HistDate | None
    record_number: str
    series: str | None
    collection: str | None
    archive: str
    url: str
    page_count: int | None = None
    sender: str | None = None   # who sent it, when not its author (the form's FROM)
    kind: str | None = None     # what it is: "memorandum", "cable" (a message of the catalogue)
    kind_in_title: bool = False  # the title says so already ("CABLE: ...")
    release: str | None = None  # the archive's release whose PDF is cited: "2021"
    place: Place | None = None  # where the archive is: College Park, MD


@dataclass(frozen=True)
class EditedVolumeCitation:
    """The facts of a document printed in a documentary edition (a FRUS volume): the
    document's own title and date, then the volume as a book, then the document's number.
    Facts the volume does not state (no publisher, say) are None and left out."""

    title: str
    date: HistDate | None
    series: str            # "Foreign Relations of the United States"
    subseries: str | None  # "1969–1976"
    volume_number: str | None  # "E–16", "XII"; None for an unnumbered volume
    volume_title: str      # "Documents on Chile, 1969–1973"
    editors: tuple[str, ...]
    place: str | None
    publisher: str | None
    year: int | None
    number: str            # the document number in the volume
    first_page: int | None
    last_page: int | None
    url: str
    author: str | None = None
    recipient: str | None = None


Citation = ArchivalCitation | EditedVolumeCitation


def N_(message: str) -> str:
    """Mark a message of the catalogue (`desclasificado/locales/`) without translating it:
    the labels below are English here, in the check's messages, and pages translate them
    (`Archive.page_link_text(page, translate)`, `_(archive.no_transcript)`)."""
    return message


class Archive:
    """One archive kind. Subclasses set the class attributes and override what differs."""

    kind: ClassVar[str]                # the value of a document's `kind` field
    # the pydantic model of its document records; the fields marked `shown(...)` make the
    # identification table of the document page and the data downloads (records/fields.py)
    model: ClassVar[type[Document]]
    name: ClassVar[str]                # the archive, in words, for the documentation
    short_name: ClassVar[str] = N_("document")  # one of its documents: "JFK record"
    # the field reference (/reference/): its heading, and nested models as (field, model)
    reference_heading: ClassVar[str] = N_("Documents")
    nested: ClassVar[tuple[tuple[str, type[BaseModel]], ...]] = ()
    identifier_label: ClassVar[str] = N_("record number")
    page_link_label: ClassVar[str] = N_("Archive page")  # "Archive PDF" -> "Archive PDF, page 3"
    # TRANSLATORS: a link to a cited page at the archive: "Archive PDF, page 3"
    page_link_pattern: ClassVar[str] = N_("{label}, page {page}")
    transcript_page_label: ClassVar[str] = N_("Page")    # "PDF page" -> "PDF page 3"
    transcript_note: ClassVar[str] = N_("Passages cited by events are highlighted.")
    no_transcript: ClassVar[str] = N_("No transcript of this document yet.")
    cite_note: ClassVar[str] = N_("The document, cited from its record at the archive.")

    def identifier(self, doc: Document) -> str:
        """How the archive identifies the document, e.g. '176-10036-10058'."""
        raise NotImplementedError

    def expected_id(self, doc: Document) -> str:
        """The file name (without .yaml) the document must have."""
        raise NotImplementedError

    def page_range(self, doc: Document) -> tuple[int, int]:
        """The first and last page number a citation of the document may name."""
        raise NotImplementedError

    def page_url(self, doc: Document, page: int) -> str:
        """The archive's address of one cited page (not escaped)."""
        raise NotImplementedError

    def document_url(self, doc: Document) -> str:
        """The archive's address of the document itself (not escaped)."""
        raise NotImplementedError

    def author(self, doc: Document) -> str | None:
        """Who is named as the document's author in a citation or a list."""
        return getattr(doc, "from_", None)

    def sender(self, doc: Document) -> str | None:
        """Who sent the document, in the list of documents."""
        return self.author(doc)

    def page_link_text(self, page: int, translate: Callable[[str], str] = N_) -> str:
        """The words of a link to a cited page at the archive: 'Archive PDF, page 3'
        (`translate`: the catalogue's `_` of the page's language)."""
        return translate(self.page_link_pattern).format(label=translate(self.page_link_label),
                                                        page=page)

    def byline(self, doc: Document) -> str | None:
        """Who is named under the title of the document's page."""
        return self.author(doc)

    def describe(self, doc: Document, translate: Callable[[str], str] = N_) -> str:
        """The document in a few words, for the page's description."""
        return translate(N_("a declassified document, {label} {identifier}")).format(
            label=translate(self.identifier_label), identifier=self.identifier(doc))

    def recipient(self, doc: Document) -> str | None:
        return getattr(doc, "to", None)

    def holder(self, doc: Document) -> str:
        """The archive that holds or publishes the document, in words."""
        return self.name

    def links(self, doc: Document, translate: Callable[[str], str] = N_) -> list[ArchiveLink]:
        """Where the archive publishes the document (the "At the archive" section), its
        words through `translate` (the page's `_`)."""
        return [ArchiveLink(self.document_url(doc), self.name)]

    def citation(self, doc: Document) -> Citation:
        """The inputs of the document's citation in every style."""
        raise NotImplementedError

    def problems(self, doc: Document, doc_id: str) -> list[tuple[tuple[Any, ...], str]]:
        """Checks of one record beyond its model: (location in the file, message)."""
        expected = self.expected_id(doc)
        if expected != doc_id:
            return [((), f"the document's {self.identifier_label} "
                         f"{self.identifier(doc)!r} does not match the file name: name the file "
                         f"documents/{expected}.yaml")]
        return []

    def page_problem(self, doc: Document, doc_id: str, page: int) -> str | None:
        """Why a citation cannot name `page` of the document (None when it can)."""
        first, last = self.page_range(doc)
        if first <= page <= last:
            return None
        return (f"page {page} is not one of the pages {first}–{last} of document {doc_id}: "
                f"cite a page from {first} to {last}, as the document numbers them")

    def transcript_problem(self, doc: Document, pages: list[int]) -> str | None:
        """Why the `## Page N` lines of the transcript do not fit the document."""
        first, last = self.page_range(doc)
        outside = [p for p in pages if not first <= p <= last]
        if outside:
            return (f"the transcript has a page {outside[0]} but the document's pages are "
                    f"{first}–{last}: fix the record or the '## Page N' lines")
        return None

    def split_notes(self, page_text: str) -> int:
        """Where the footnotes of a transcript page begin (the page's length: none)."""
        return len(page_text)

    # what `data_fields` adds to documents.json: (name, JSON Schema, description)
    data_field_schemas: ClassVar[tuple[tuple[str, dict, str], ...]] = ()

    def data_fields(self, doc: Document) -> dict[str, Any]:
        """Fields the data download adds to the document's row beyond its record."""
        return {}

    def source_data(self, doc: Document, page: int) -> dict[str, Any]:
        """Fields of a citation of the document in events.json."""
        return {"record_number": self.identifier(doc)}

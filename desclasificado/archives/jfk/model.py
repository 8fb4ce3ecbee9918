"""The document model of the JFK Assassination Records: the RIF fields and the releases."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from desclasificado.records.models import (
    Document,
    EdtfDate,
    Record,
    RecordId,
    Text,
    TitleText,
    Url,
    shown,
)


class Release(Record):
    """One publication of a document by its archive, with its PDF."""

    release: Text = Field(description="Which release of the archive published this PDF: "
                                      'a year such as "2025", "2023/08", or a date.',
                          examples=["2025"])
    pdf: Url = Field(description="The full https:// address of that release's PDF.",
                     examples=["https://www.archives.gov/files/research/jfk/releases/2025/0318/"
                               "176-10036-10058.pdf"])


class JfkDocument(Document):
    """A declassified document as its archive identifies it."""

    id: RecordId | None = Field(
        None, description="Rarely needed: the file name without .yaml, which is the id.",
        examples=["176-10036-10058"])
    record_number: Text = Field(
        description="The archive's identifier (a NARA record number, or another stable id). "
                    "The file name is this, in lower case with hyphens.",
        examples=["176-10036-10058"],
        json_schema_extra=shown(
            "The archive's identifier.",
            "Record number",
            "The archive's identifier for the document: quote it to find the document in the archive's catalogue."))
    title: TitleText = Field(description="The title, as the archive gives it.",
                        examples=["Activities of Cuban Trained Peruvian Guerrillas"],
        json_schema_extra=shown(
            "The title, as the archive gives it.",
            "Title",
            "The title on the archive's identification form, often the document's subject line."))
    date: EdtfDate | None = Field(None, description="The document's own date (see Dates).",
                                  examples=["1963-04-11"],
        json_schema_extra=shown(
            "The document's date in EDTF, or null.",
            "Date",
            "When the document was written."))
    catalogue_date: EdtfDate | None = Field(
        None, description="Only when the archive's catalogue (the identification form) dates "
                          "the document otherwise than the document itself: the catalogue's "
                          "date, while date is the document's own. Say why in date_note.",
        examples=["1951-02-15"],
        json_schema_extra=shown(
            "The date the archive's catalogue gives, when it differs from the document's own "
            "(EDTF), or null.",
            "Catalogue date",
            "The date the archive's catalogue gives, where it differs from the date the "
            "document itself bears."))
    date_note: str | None = Field(
        None, description="Why the date differs from the catalogue's, with where each is read.",
        examples=["The identification form reads 2/15/1951; the memorandum (page 2) is dated "
                  "February 15, 1961."],
        json_schema_extra=shown(
            "Why the date differs from the catalogue's, or null.",
            "About the date",
            "Why the date given here is not the catalogue's."))
    archive: Text = Field(description="The archive that holds the document.",
                          examples=["National Archives and Records Administration"],
        json_schema_extra=shown(
            "The archive that holds it.",
            "Archive",
            "Where the document is kept today."))
    collection: str | None = Field(
        None, description="The archive's collection.",
        examples=["President John F. Kennedy Assassination Records Collection"],
        json_schema_extra=shown(
            "The archive's collection.",
            "Collection",
            "The body of records it was released in."))
    agency: str | None = Field(None, description="RIF AGENCY: the agency holding the record.",
                               examples=["NARA"],
        json_schema_extra=shown(
            "The agency that holds the record and released it.",
            "Agency",
            "The agency that holds the record and released it."))
    originator: str | None = Field(None, description="RIF ORIGINATOR: who produced it.",
                                   examples=["CIA"],
        json_schema_extra=shown(
            "The agency or office that wrote it.",
            "Originator",
            "The agency or office that wrote the document."))
    from_: str | None = Field(None, alias="from", description="RIF FROM: the sender.",
                              examples=["JMWAVE"],
        json_schema_extra=shown(
            "The sender named on the archive's form.",
            "From",
            "The person or office that sent it, when the form names one."))
    to: str | None = Field(None, description="RIF TO: the recipient.",
                           examples=["Director, CIA"],
        json_schema_extra=shown(
            "The person or office it was written for.",
            "To",
            "Who it was written for: the person or office it was addressed to."))
    record_series: str | None = Field(None, description="RIF RECORD SERIES.",
                                      examples=["National Security Files"],
        json_schema_extra=shown(
            "The group of files it belongs to.",
            "Record series",
            "The group of files it belongs to."))
    agency_file_number: str | None = Field(None, description="RIF AGENCY FILE NUMBER.",
                                           examples=["62-116391-41X"],
        json_schema_extra=shown(
            "The holding agency's own file reference.",
            "Agency file number",
            "The holding agency's own file reference."))
    pages: int = Field(ge=1, description="The number of pages of the cited release's PDF: a "
                                         "number, without quote marks.", examples=[5],
        json_schema_extra=shown(
            "Pages of the cited release's PDF.",
            "Pages",
            "Pages of the released PDF; page numbers on this site are pages of the cited release's PDF, not the "
            "numbers typed on the paper."))
    subjects: list[Text] = Field([], description="RIF SUBJECTS, one entry each.",
                                 examples=[["MONGOOSE"]],
        json_schema_extra=shown(
            "Subject headings given by the archive's reviewers.",
            "Subjects",
            "Subject headings given by the archive's reviewers."))
    document_type: str | None = Field(None, description="RIF DOCUMENT TYPE.",
                                      examples=["PAPER, TEXTUAL DOCUMENT"],
        json_schema_extra=shown(
            "The kind of document, as the form gives it.",
            "Document type",
            "What kind of document it is: memorandum, cable, report, letter..."))
    classification: str | None = Field(None, description="RIF CLASSIFICATION.",
                                       examples=["SECRET"],
        json_schema_extra=shown(
            "How secret it was when written.",
            "Classification",
            "How secret it was when written (CONFIDENTIAL, SECRET, TOP SECRET...)."))
    restrictions: str | None = Field(None, description="RIF RESTRICTIONS.", examples=["1B"],
        json_schema_extra=shown(
            "Grounds on which parts were withheld.",
            "Restrictions",
            "The legal grounds on which parts were withheld at review, if any."))
    current_status: str | None = Field(None, description="RIF CURRENT STATUS.",
                                       examples=["RELEASED WITH DELETIONS"],
        json_schema_extra=shown(
            "Open in full, released with deletions...",
            "Current status",
            "Whether it is open in full, released with redactions, or still withheld in part."))
    date_of_last_review: EdtfDate | None = Field(
        None, description="RIF DATE OF LAST REVIEW (see Dates).", examples=["2000-09-10"],
        json_schema_extra=shown(
            "When it was last reviewed for release (EDTF).",
            "Date of last review",
            "When it was last reviewed for release."))
    opening_criteria: str | None = Field(None, description="RIF OPENING CRITERIA.",
                                         examples=[""],
        json_schema_extra=shown(
            "When withheld parts are to be opened.",
            "Opening criteria",
            "When withheld parts are to be opened."))
    comments: str | None = Field(
        None, description="RIF COMMENTS.",
        examples=["National Security Files, Box 51: Cuba, Subjects intelligence material"],
        json_schema_extra=shown(
            "Reviewers' remarks.",
            "Comments",
            "Reviewers' remarks, often where the paper original is filed."))
    releases: list[Release] = Field(
        min_length=1, description="Where the archive publishes the PDF, at least one release "
                                  "(see Release).",
        json_schema_extra=shown(
            "Each release of the document by the archive, with its PDF."))
    cited_release: Text = Field(
        description="The release whose PDF page numbers citations use: one of the releases "
                    "listed.", examples=["2025"],
        json_schema_extra=shown(
            "The release whose PDF page numbers the citations use.",
            "Cited release",
            "The release whose PDF the page numbers on this site refer to."))
    transcript_source: str | None = Field(
        None, description="Where the transcript (documents/<id>.md or .txt: the text of the "
                          'cited PDF, with a line "## Page N" before page N) comes from.',
        examples=["OCR of the 2025 release PDF"],
        json_schema_extra=shown(
            "Where the transcript comes from."))
    transcript_note: str | None = Field(
        None, description="What was done to the text of the transcript: what was cleaned or "
                          "corrected, and how the page breaks were placed.",
        examples=["Page breaks placed where the OCR of the PDF begins each page."],
        json_schema_extra=shown("What was done to the transcript's text, or null."))

    kind: Literal["jfk"] = Field(
        "jfk", description='The archive kind: "jfk" (the default, so it is rarely written), '
                           'for a record of the JFK Assassination Records Collection.',
        examples=["jfk"])

    def cited_pdf(self) -> str:
        """The PDF whose page numbers citations use."""
        for release in self.releases:
            if release.release == self.cited_release:
                return release.pdf
        return self.releases[0].pdf

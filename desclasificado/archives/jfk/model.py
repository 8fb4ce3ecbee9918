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
    Url,
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
    """A record of the President John F. Kennedy Assassination Records Collection at NARA, as
    its identification form (RIF) describes it, with the PDFs of its releases."""

    id: RecordId | None = Field(
        None, description="Rarely needed: the file name without .yaml, which is the id.",
        examples=["176-10036-10058"])
    record_number: Text = Field(
        description="The archive's identifier (a NARA record number, or another stable id). "
                    "The file name is this, in lower case with hyphens.",
        examples=["176-10036-10058"])
    title: Text = Field(description="The title, as the archive gives it.",
                        examples=["Activities of Cuban Trained Peruvian Guerrillas"])
    date: EdtfDate | None = Field(None, description="The document's own date (see Dates).",
                                  examples=["1963-04-11"])
    archive: Text = Field(description="The archive that holds the document.",
                          examples=["National Archives and Records Administration"])
    collection: str | None = Field(
        None, description="The archive's collection.",
        examples=["President John F. Kennedy Assassination Records Collection"])
    agency: str | None = Field(None, description="RIF AGENCY: the agency holding the record.",
                               examples=["NARA"])
    originator: str | None = Field(None, description="RIF ORIGINATOR: who produced it.",
                                   examples=["CIA"])
    from_: str | None = Field(None, alias="from", description="RIF FROM: the sender.",
                              examples=["JMWAVE"])
    to: str | None = Field(None, description="RIF TO: the recipient.",
                           examples=["Director, CIA"])
    record_series: str | None = Field(None, description="RIF RECORD SERIES.",
                                      examples=["National Security Files"])
    agency_file_number: str | None = Field(None, description="RIF AGENCY FILE NUMBER.",
                                           examples=["62-116391-41X"])
    pages: int = Field(ge=1, description="The number of pages of the cited release's PDF: a "
                                         "number, without quote marks.", examples=[5])
    subjects: list[Text] = Field([], description="RIF SUBJECTS, one entry each.",
                                 examples=[["MONGOOSE"]])
    document_type: str | None = Field(None, description="RIF DOCUMENT TYPE.",
                                      examples=["PAPER, TEXTUAL DOCUMENT"])
    classification: str | None = Field(None, description="RIF CLASSIFICATION.",
                                       examples=["SECRET"])
    restrictions: str | None = Field(None, description="RIF RESTRICTIONS.", examples=["1B"])
    current_status: str | None = Field(None, description="RIF CURRENT STATUS.",
                                       examples=["RELEASED WITH DELETIONS"])
    date_of_last_review: EdtfDate | None = Field(
        None, description="RIF DATE OF LAST REVIEW (see Dates).", examples=["2000-09-10"])
    opening_criteria: str | None = Field(None, description="RIF OPENING CRITERIA.",
                                         examples=[""])
    comments: str | None = Field(
        None, description="RIF COMMENTS.",
        examples=["National Security Files, Box 51: Cuba, Subjects intelligence material"])
    releases: list[Release] = Field(
        min_length=1, description="Where the archive publishes the PDF, at least one release "
                                  "(see Release).")
    cited_release: Text = Field(
        description="The release whose PDF page numbers citations use: one of the releases "
                    "listed.", examples=["2025"])
    transcript_source: str | None = Field(
        None, description="Where the transcript (documents/<id>.md or .txt: the text of the "
                          'cited PDF, with a line "## Page N" before page N) comes from.',
        examples=["OCR of the 2025 release PDF"])

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

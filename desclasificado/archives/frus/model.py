"""The document model of FRUS: a document of a volume, cited by its printed pages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from desclasificado.records.models import Document, EdtfDate, TitleText, shown

VOLUME_PATTERN = r"^frus\d{4}-\d{2,4}[A-Za-z0-9]*$"


class FrusDocument(Document):
    """A document of *Foreign Relations of the United States*, the State Department's edited
    documentary record, as its volume prints it (history.state.gov)."""

    kind: Literal["frus"] = Field(
        description='The archive kind: "frus", for a document of Foreign Relations of the '
                    "United States.", examples=["frus"])
    volume: str = Field(
        pattern=VOLUME_PATTERN,
        description="The volume's id as the Office of the Historian spells it (the address "
                    "history.state.gov/historicaldocuments/<volume>/d<N>). The file name is "
                    "the volume in lower case, -d and the number.",
        examples=["frus1969-76ve16"],
        json_schema_extra=shown(
            "The volume's id, as history.state.gov spells it.",
            'Volume',
            'The volume of Foreign Relations of the United States that prints the '
            'document, by its id at history.state.gov.'
        ))
    number: int = Field(ge=1, description="The document's number in the volume.",
                        examples=[19],
        json_schema_extra=shown(
            "The document's number in the volume.",
            'Document number',
            'Its number in the volume: cite it as doc. N.'
        ))
    title: TitleText = Field(description="The document's heading, without its number.",
                        examples=["Memorandum Prepared in the Central Intelligence Agency"],
        json_schema_extra=shown(
            "The document's heading in the volume.",
            'Title',
            "The heading the volume's editors gave the document."
        ))
    date: EdtfDate | None = Field(
        None, description="The date the volume gives the document (its dateline, or the "
                          "editors' dating); left out when the volume gives none.",
        examples=["1970-09-15/1970-09-19"],
        json_schema_extra=shown(
            'The date the volume gives it, in EDTF, or null.',
            'Date',
            'When the document was written, as the volume dates it.'
        ))
    date_note: str | None = Field(
        None, description="How the date was arrived at, when the document is not dated "
                          "itself.",
        examples=["undated; inferred from document content and sibling dates"],
        json_schema_extra=shown(
            'How the date was arrived at, or null.',
            'Dating',
            'How the editors dated a document that carries no date itself.'
        ))
    dateline: str | None = Field(None, description="The dateline as printed.",
                                 examples=["Washington, undated."],
        json_schema_extra=shown(
            'The dateline as printed, or null.',
            'Dateline',
            'Place and date as printed at the head of the document.'
        ))
    from_: str | None = Field(None, alias="from",
                              description="The sender, where the heading names one.",
                              examples=["Embassy in Chile"],
        json_schema_extra=shown(
            'The sender the heading names, or null.',
            'From',
            'Who sent it, as the heading says.'
        ))
    to: str | None = Field(None, description="The recipient, where the heading names one.",
                           examples=["Department of State"],
        json_schema_extra=shown(
            'The recipient the heading names, or null.',
            'To',
            'Who it was written for, as the heading says.'
        ))
    source_note: str | None = Field(
        None, description="The editors' source note: where the original is filed, its "
                          "classification and handling.",
        examples=["Central Intelligence Agency, Job 79–01025A, Box 151, Folder 2. No "
                  "classification marking."],
        json_schema_extra=shown(
            "The editors' source note, or null.",
            'Source note',
            "The editors' note on where the original is filed and how it was classified: "
            'shown here, apart from the text.'
        ))
    summary: str | None = Field(None, description="The editors' summary, where the volume "
                                                  "gives one.",
                                examples=["This memorandum recounted the operational details "
                                          "of U.S. covert actions in Chile."],
        json_schema_extra=shown(
            "The editors' summary, or null.",
            "Editors' summary",
            "The volume editors' summary of the document."
        ))
    first_page: int = Field(ge=1, description="The printed page the document starts on.",
                            examples=[115],
        json_schema_extra=shown(
            'The printed page it starts on.',
            'First page',
            'The printed page of the volume it starts on: citations cite printed pages.'
        ))
    last_page: int = Field(ge=1, description="The printed page it ends on.", examples=[117],
        json_schema_extra=shown(
            'The printed page it ends on.',
            'Last page',
            'The printed page it ends on.'
        ))
    transcript_source: str | None = Field(
        None, description="Where the transcript (documents/<id>.md: the text with a line "
                          '"## Page N" before each printed page N) comes from.',
        examples=["HistoryAtState/frus, volumes/frus1969-76ve16.xml, commit 000b082d..., "
                  "document 19"],
        json_schema_extra=shown('Where the transcript comes from.'))

"""What a reading of the identification form is: its fields, in the form's order, and the result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELDS: tuple[str, ...] = (
    "agency", "record_number", "record_series", "agency_file_number", "originator", "from", "to",
    "title", "date", "pages", "subjects", "document_type", "classification", "restrictions",
    "current_status", "date_of_last_review", "opening_criteria", "comments",
)
FieldValue = str | int | list[str]

RELEASES_BASE = "https://www.archives.gov/files/research/jfk/releases"
RECORD_NUMBER = re.compile(r"\d{3}-\d{5}-\d{5}")

# Fields of the FBI layout that have no place in the document record, and labels too garbled to name.
NEW_CLASSIFICATION = "_new_classification"
UPDATE_DATE = "_update_date"
UNKNOWN = "_unknown"
CANON = {name: index for index, name in enumerate(FIELDS)}
CANON.update({NEW_CLASSIFICATION: CANON["classification"], UPDATE_DATE: CANON["date_of_last_review"]})


@dataclass
class RifResult:
    """What the form says: `fields` in FIELDS order, normalized; empty when empty or unreadable.

    `missing` names the fields that could not be read (left empty, never guessed) and `reasons`
    says why for each; `absent` the fields this layout of the form does not have (OPENING CRITERIA
    on the CIA and FBI layouts); a field empty and in neither is empty on the form. `unplaced`
    keeps the text read on the form that no field could be given with certainty.
    """

    fields: dict[str, FieldValue]
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    form: bool = True  # False: the transcript does not open with an identification form
    front_matter: dict[str, str] = field(default_factory=dict)  # NARA's catalogue row at its head

    @property
    def empty(self) -> list[str]:
        """The fields that are empty on the form (as opposed to unreadable or not on it)."""
        return [name for name in FIELDS
                if self.fields.get(name) in ("", []) and name not in self.missing and name not in self.absent]

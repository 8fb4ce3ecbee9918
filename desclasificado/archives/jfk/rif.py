"""Read the identification form (RIF) that opens a JFK Assassination Records transcript.

Every record of the collection starts with a one-page form: AGENCY, RECORD NUMBER, ... COMMENTS.
The transcripts are OCR, so the form arrives scrambled: labels lose their colons or are split over
two lines, values land on the next line or in a block after a column of labels, headings, header
dates and release stamps get in between, and the two-column FBI layout mixes its reading order.

How the form is read:

1. ``formpages``: the lines of the first page (or, without ``## Page N`` markers, up to the end
   of the form block).
2. ``lexicon`` and ``scanner``: each line becomes a label, a value, a heading, a stamp or header, or noise. Labels
   and values are gathered into *groups*: a run of labels with the values that follow them (and,
   after a heading, the values that precede them). The headings AGENCY INFORMATION and DOCUMENT
   INFORMATION tell which part of the form a value belongs to; a label too garbled to name ends a
   group and its text is left unplaced; the "[R] - ITEM IS RESTRICTED" legend ends the form.
3. ``matching`` and ``align``: in each group the values are matched to the labels in reading
   order, each label taking only values of its kind (a date, a page count, a classification, free
   text...). Every cheapest matching is considered (``matching``); a label gets a value only when
   all of them agree (``align``).
4. Values no label could take, but whose kind is unmistakable (a date, "SECRET", "PAPER, TEXTUAL
   DOCUMENT", "RELEASED WITH DELETIONS"), go to the nearby field of that kind that is still empty.

Nothing is guessed: a field whose value cannot be attributed is left empty and listed in
``missing`` (with its reason in ``reasons``), and the text that could not be placed is kept in
``unplaced``. ``apply_release_listing`` may then let NARA's release table confirm which unplaced
line is the title; it never supplies a value the form does not have (``listing``). ``fields``
normalizes the values and says why each unread field is empty; ``addresses`` knows NARA's PDF
addresses. This module is the entry point: `parse_rif`, and the names callers use.
"""

from __future__ import annotations

import re

from desclasificado.archives.jfk.addresses import (
    RELEASES_BASE,
    docid_of,
    parse_release_list,
    pdf_url,
    release_of,
    release_urls,
)
from desclasificado.archives.jfk.align import read_groups
from desclasificado.archives.jfk.evidence import body_of, confirm_names
from desclasificado.archives.jfk.fields import (
    add_notes,
    check_record_number,
    fill_fields,
    normalize_date,
    without_record_stamps,
)
from desclasificado.archives.jfk.form import FIELDS, RECORD_NUMBER, FieldValue, RifResult
from desclasificado.archives.jfk.formpages import (
    StampedPages,
    lines_of_form,
    mark_stamped_pages,
    merge_split_labels,
    page_count,
)
from desclasificado.archives.jfk.frontmatter import split_front_matter
from desclasificado.archives.jfk.listing import apply_release_listing
from desclasificado.archives.jfk.lone import place_lone
from desclasificado.archives.jfk.scanner import Scanner
from desclasificado.archives.jfk.vetting import vet_fields

__all__ = [
    "FIELDS", "RECORD_NUMBER", "RELEASES_BASE", "FieldValue", "RifResult", "StampedPages", "apply_release_listing",
    "docid_of", "mark_stamped_pages", "normalize_date", "page_count", "parse_release_list", "parse_rif", "pdf_url",
    "release_of", "release_urls",
]

_FORM_TITLE = re.compile(r"IDENTIFICATION\s+FORM|ASSASSINATION\s+SYSTEM", re.IGNORECASE)
_FORM_LABELS = 4  # without the form's title, this many of its labels make a form


def parse_rif(text: str) -> RifResult:
    """Read the identification form at the start of a transcript (its first page when marked).

    A front matter (NARA's catalogue row between ``---`` lines) is not part of the form: it is
    returned in `front_matter`. `form` is False when the first page holds no form.
    """
    front = split_front_matter(text)
    text = front.body
    form_lines = lines_of_form(text)
    groups = Scanner().scan(merge_split_labels(form_lines))
    reading = read_groups(groups)
    result = RifResult(fields={}, warnings=list(reading.warnings), front_matter=front.fields)
    result.form = len(reading.labelled) >= _FORM_LABELS or any(_FORM_TITLE.search(line) for line in form_lines)
    fill_fields(reading, result)
    check_record_number(text, form_lines, result)
    vet_fields(result)
    body = body_of(text, form_lines)
    place_lone(reading, result, body, form_lines)
    confirm_names(result, body)
    result.unplaced = without_record_stamps(reading, str(result.fields["record_number"]))
    add_notes(reading, result)
    result.missing = [name for name in FIELDS if name in result.missing]
    return result

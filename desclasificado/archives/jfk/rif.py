"""Read the identification form (RIF) that opens a JFK Assassination Records transcript.

Every record of the collection starts with a one-page form: AGENCY, RECORD NUMBER, ... COMMENTS.
The transcripts are OCR, so the form arrives scrambled: labels lose their colons or are split over
two lines, values land on the next line or in a block after a column of labels, headings, header
dates and release stamps get in between, and the two-column FBI layout mixes its reading order.

How the form is read:

1. ``_form_lines``: the lines of the first page (or, without ``## Page N`` markers, up to the end
   of the form block).
2. ``_Scanner``: each line becomes a label, a value, a heading, a stamp or header, or noise. Labels
   and values are gathered into *groups*: a run of labels with the values that follow them (and,
   after a heading, the values that precede them). The headings AGENCY INFORMATION and DOCUMENT
   INFORMATION tell which part of the form a value belongs to; a label too garbled to name ends a
   group and its text is left unplaced; the "[R] - ITEM IS RESTRICTED" legend ends the form.
3. ``_align``: in each group the values are matched to the labels in reading order, each label
   taking only values of its kind (a date, a page count, a classification, free text...). Every
   cheapest matching is considered; a label gets a value only when all of them agree.
4. Values no label could take, but whose kind is unmistakable (a date, "SECRET", "PAPER, TEXTUAL
   DOCUMENT", "RELEASED WITH DELETIONS"), go to the nearby field of that kind that is still empty.

Nothing is guessed: a field whose value cannot be attributed is left empty and listed in
``missing`` (with its reason in ``reasons``), and the text that could not be placed is kept in
``unplaced``. ``apply_release_listing`` may then let NARA's release table confirm which unplaced
line is the title; it never supplies a value the form does not have.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from desclasificado.archives.jfk.frontmatter import split_front_matter

FIELDS: tuple[str, ...] = (
    "agency", "record_number", "record_series", "agency_file_number", "originator", "from", "to",
    "title", "date", "pages", "subjects", "document_type", "classification", "restrictions",
    "current_status", "date_of_last_review", "opening_criteria", "comments",
)
FieldValue = str | int | list[str]

RELEASES_BASE = "https://www.archives.gov/files/research/jfk/releases"
RECORD_NUMBER = re.compile(r"\d{3}-\d{5}-\d{5}")

# Fields of the FBI layout that have no place in the document record, and labels too garbled to name.
_NEW_CLASSIFICATION = "_new_classification"
_UPDATE_DATE = "_update_date"
_UNKNOWN = "_unknown"
_CANON = {name: index for index, name in enumerate(FIELDS)}
_CANON.update({_NEW_CLASSIFICATION: _CANON["classification"], _UPDATE_DATE: _CANON["date_of_last_review"]})


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


# --- the form's lines -----------------------------------------------------------------------------

_PAGE_MARK = re.compile(r"^## Page (\d+)\s*$", re.MULTILINE)
_SPLIT_LABEL_HEADS = {"RECORD": ("NUMBER", "SERIES"), "DOCUMENT": ("INFORMATION", "TYPE"),
                      "ORIGINAL": ("CLASSIFICATION",), "NEW": ("CLASSIFICATION",), "AGENCY FILE": ("NUMBER",)}


def page_count(transcript: str) -> int | None:
    """The number of PDF pages of a transcript, from its ``## Page N`` markers (None without any)."""
    numbers = [int(n) for n in _PAGE_MARK.findall(transcript)]
    return max(numbers) if numbers else None


# NARA's stamp at the foot of every page of a PDF: "NW 64954 Docld:34517486 Page 1". The OCR
# reads "DocId" as Docld, Docid, Doctd, DooId...; the record's page number follows the document id.
_PAGE_STAMP = re.compile(r"\bD[o0][cdo]\s?[IlLt1|i][dD]\s*[:;.]?\s*(?P<docid>\d{6,9})[ \t]*\n?[ \t]*"
                         r"Page[ \t]*(?P<page>\d{1,4})(?!\d)[^\n]*(?:\n|$)", re.IGNORECASE)


@dataclass
class StampedPages:
    """A transcript without ``## Page N`` markers, split into PDF pages at NARA's page stamps.

    `text` is the transcript with a line ``## Page N`` inserted before the text of each page and
    nothing else changed; `pages` the number of PDF pages (the last stamp's); `unstamped` the
    pages whose stamp was not read (they get an empty marker, their text is under the next one).
    """

    text: str
    pages: int
    stamp: str  # the first stamp as read, to say what the markers stand on
    unstamped: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def unstamped_note(self) -> str:
        """Which pages have no stamp and where their text is: "page 6 (under page 7)"."""
        runs: dict[int, list[int]] = {}
        for page in self.unstamped:
            following = next(n for n in range(page + 1, self.pages + 1) if n not in self.unstamped)
            runs.setdefault(following, []).append(page)
        return "; ".join(f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))} (under page {under})"
                         for under, pages in runs.items())


def mark_stamped_pages(transcript: str) -> StampedPages | None:
    """Insert ``## Page N`` lines into a transcript that has none, at NARA's page stamps.

    The text above the stamp ``Page N`` (after the previous stamp) is PDF page N, with one
    exception: when the OCR read the identification form's label column, then the page's stamp,
    then the column of values, page 1 runs to the end of the form. Stamps out of sequence (a
    misread number) are left out; a page whose stamp was not read gets an empty marker before the
    next page's, and text after the last stamp stays on the last page; each case is warned about.
    Returns None when the transcript already has page markers or has no stamp.
    """
    if _PAGE_MARK.search(transcript):
        return None
    found = list(_PAGE_STAMP.finditer(transcript))
    numbers = [int(m.group("page")) for m in found]
    kept = [found[i] for i in _increasing(numbers)]
    kept = [m for m in kept if int(m.group("page")) > 0]
    if not kept:
        return None
    warnings = [f"page stamp {m.group().strip()!r} is out of sequence: not used"
                for m in found if m not in kept]
    ends = [m.end() for m in kept]
    form_end = _form_page_end(transcript, kept)
    if form_end is not None:
        ends[0] = form_end
        warnings.append("the OCR put the identification form's values after the stamp of page 1: "
                        "page 1 runs to the end of the form")
    newline = "\r\n" if "\r\n" in transcript else "\n"
    parts: list[str] = []
    unstamped: list[int] = []
    start, previous = 0, 0
    for match, end in zip(kept, ends, strict=True):
        number = int(match.group("page"))
        for missing in range(previous + 1, number):
            unstamped.append(missing)
            parts.append(f"## Page {missing}{newline}")
        parts.append(f"## Page {number}{newline}")
        parts.append(transcript[start:end])
        start, previous = end, number
    tail = transcript[start:]
    if tail.strip():
        warnings.append(f"text after the stamp of the last page ({previous}) is left on that page")
    parts.append(tail)
    stamped = StampedPages("".join(parts), previous, " ".join(kept[0].group().split()), unstamped, warnings)
    if unstamped:
        warnings.append(f"no page stamp read for {stamped.unstamped_note()}: empty page marker")
    return stamped


def _increasing(numbers: list[int]) -> list[int]:
    """The indexes of a longest strictly increasing run (not necessarily contiguous) of `numbers`,
    the earliest such when there are several."""
    if not numbers:
        return []
    length = [1] * len(numbers)
    before = [-1] * len(numbers)
    for i, number in enumerate(numbers):
        for j in range(i):
            if numbers[j] < number and length[j] + 1 > length[i]:
                length[i], before[i] = length[j] + 1, j
    i = length.index(max(length))
    chosen = []
    while i != -1:
        chosen.append(i)
        i = before[i]
    return chosen[::-1]


def _form_page_end(transcript: str, stamps: list[re.Match[str]]) -> int | None:
    """Where page 1 ends when the identification form runs on past the stamp of page 1.

    tesseract reads a two-column form column by column: the labels, the stamp at the foot of the
    page, then the values. The form block (up to two blank lines in a row) then goes on after the
    stamp, with the form's headings; page 1 ends at the end of that block, if before the next stamp.
    """
    if int(stamps[0].group("page")) != 1:
        return None
    lines = transcript.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    end_line = _unmarked_form_end([line.rstrip("\r") for line in lines])
    stamp_line = transcript.count("\n", 0, stamps[0].end() - 1)
    if end_line <= stamp_line + 1:
        return None
    after = lines[stamp_line + 1:end_line]
    if not any(_is_heading(_clean(line)) for line in after):
        return None
    end = min(offsets[end_line], len(transcript))
    if len(stamps) > 1 and end > stamps[1].start():
        return None
    return end


def _form_lines(text: str) -> list[str]:
    """The lines that can hold the form: page 1, or the first block of an unmarked transcript."""
    text = text.replace("\r\n", "\n")
    marks = list(_PAGE_MARK.finditer(text))
    if marks:
        end = marks[1].start() if len(marks) > 1 else len(text)
        return text[marks[0].end():end].split("\n")
    return _unmarked_form_lines(text.split("\n"))


def _unmarked_form_lines(lines: list[str]) -> list[str]:
    """Without page markers the form ends at two blank lines in a row, or, when the form is
    written without blank lines, at the first blank line after COMMENTS."""
    return [line for line in lines[:_unmarked_form_end(lines)] if line.strip()]


def _unmarked_form_end(lines: list[str]) -> int:
    """The index of the line after the last line of the form block of an unmarked transcript."""
    compact = _is_compact(lines)
    end = 0
    blanks = 0
    seen_comments = False
    for index, line in enumerate(lines[:250]):
        if not line.strip():
            blanks += 1
            if blanks >= 2 or (compact and seen_comments):
                break
            continue
        blanks = 0
        seen_comments = seen_comments or line.strip().upper().startswith("COMMENTS")
        end = index + 1
    return end


def _is_compact(lines: list[str]) -> bool:
    """True when no blank line separates the labels between AGENCY and COMMENTS."""
    start = end = None
    for index, line in enumerate(lines[:250]):
        stripped = line.strip().upper()
        if start is None and stripped.startswith("AGENCY"):
            start = index
        if stripped.startswith("COMMENTS"):
            end = index
            break
    return start is not None and end is not None and all(lines[i].strip() for i in range(start, end))


def _merge_split_labels(lines: Iterable[str]) -> list[str]:
    """Join labels the OCR split over two lines ("RECORD" / "NUMBER", "DOCUMENT" / "INFORMATION")."""
    cleaned = [_clean(line) for line in lines]
    cleaned = [line for line in cleaned if line]
    merged: list[str] = []
    index = 0
    while index < len(cleaned):
        line = cleaned[index]
        tails = _SPLIT_LABEL_HEADS.get(line.upper().strip(" :.'\"•"))
        following = cleaned[index + 1] if index + 1 < len(cleaned) else ""
        if tails and following.upper().lstrip(" :.'\"•").startswith(tails):
            merged.append(f"{line.strip(' :')} {following}")
            index += 2
            continue
        merged.append(line)
        index += 1
    return merged


_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _clean(line: str) -> str:
    """A line without invisible characters and with single spaces."""
    return " ".join(_INVISIBLE.sub("", line).split())


# --- what a line is ---------------------------------------------------------------------------------

_HEADINGS = [re.compile(p, re.IGNORECASE) for p in (
    r"^\W*J[FE]K\s+ASSASSINATION\s+SYSTEM", r"IDENTIFICATION\s+FORM", r"^\W*AGENCY\W*INFORMA",
    r"^\W*DOCUMENT\s+INFORMATION", r"RELEASE\s+UNDER\s+THE\s+PRESIDENT", r"^\W*REVIEWED\s+BY",
)]
_STAMPS = [re.compile(p, re.IGNORECASE) for p in (
    # the release stamp: "Released under the John F. Kennedy Assassination Records Collection Act ..."
    r"eleased\s+(?:under|pursuant)", r"Records\s+Collection", r"\b44\s*USC", r"Case\s*(?:#|R:)", r"^\W*[cf]?ase\S*:",
    r"^\d{4,5}\s+Date\s*:", r"Date\s*:\s*\d{1,2}[-.:]\d{1,2}[-.:]20\d\d", r"Executive\s+Order",
    r"\bREV\.?\s+DR\b", r"\bDR\.\s*MLK", r"^\W*R[FE]K,", r"^\W*MLK,?\s*JR\b",
    # page footers "NW 65924 DocId: 32343841 Page 1" and NSA headers "Doc ID: 6878884"
    r"^\W*[A-Z][A-Z0-9#]\s*\d{5}\b", r"^\d{5,}$", r"\bD[o0óọ][cdoe0]?[Il1]d\b", r"\bD[oóọ][ce]\s*(?:Ref\s*)?ID\b",
    # pieces of the "[R] - ITEM IS RESTRICTED" legend and of the FBI "NEW CLASSIFICATION" label
    r"^IS$", r"^RESTRICTED\W*$", r"^N[Ee][Ww]$",
    # the form template's version at its foot ("v9.1")
    r"^v\d+(?:\.\d+)+$",
    # NSA classification banners and declassification blocks
    r"^\W*DRV\s+FM", r"^\W*Dated:", r"^\W*DECL\s+ON", r"UMBRA", r"SECRET\s+(?:SPOKE|MORAY)",
    # review stamps: "CIA HAS NO OBJECTION TO DECLASSIFICATION ...", "NO JOINT STAFF OBJECTION ..."
    r"HAS\s+NO\s+OBJECTION", r"DECLASSIFICATION\s+AND/OR", r"RELEASE\s+OF\s+CIA\s+INFORMATION",
    r"DOCUMENT\s+AS\s+SANITIZED", r"JOINT\s+STAFF\s+OBJECTION", r"^TO\s+DECLASSIFICATION", r"REQUIRES,?\s*\S?ONCURREN",
    r"EXEMPT\s+PER", r"DATE\s+EXEMPTED", r"RE-REVIEW\s+DATE",
)]
# The legend printed at the foot of the form: nothing after it belongs to the form.
_LEGEND = re.compile(r"ITEM\s+IS|^\W*(?:\[?R\]?)?\W*ITEM\b", re.IGNORECASE)
_RESTRICTED_MARK = re.compile(r"^[\[(]?\s*[IE]?[RI][I\]]?\s*[.\])]?$")  # "[R]", "IRI", "ERI", "[R"
# The form's print date and page number: "Date: 11/30/04", "Page: 1", "PAGE:", "/age: 1".
_HEADER = re.compile(r"^\W*(?:Da[tg]e\b|(?:Page|PAGE|/age)(?:\s*[:*.].*|\s*\d*\s*)$)")


_AGENCY_SECTION = frozenset({"agency", "record_number", "record_series", "agency_file_number"})


def _section_of(heading: str) -> str:
    """Which part of the form a heading opens: "AGENCY INFORMATION" or "DOCUMENT INFORMATION"."""
    if re.search(r"AGENCY\W*INFORMA", heading, re.IGNORECASE):
        return "agency"
    return "document" if re.search(r"DOCUMENT\s+INFORMATION", heading, re.IGNORECASE) else ""


def _is_heading(line: str) -> bool:
    return any(p.search(line) for p in _HEADINGS)


def _is_stamp(line: str) -> bool:
    return any(p.search(line) for p in _STAMPS)


def _is_noise(line: str) -> bool:
    """Punctuation, "[R]" markers, rules of dashes or dots, stray one- or two-character scraps."""
    alnum = sum(ch.isalnum() for ch in line)
    if "*" in line and alnum <= 2 and not re.search(r"\d", line):  # a letter of a vertical stamp: "*W*"
        return True
    if alnum == 0 or "---" in line or "...." in line or _RESTRICTED_MARK.match(line):
        return True
    return alnum == 1 and len(line) > 1 and not re.fullmatch(r"\W*[A-Z0-9]\W*", line)


# --- labels -------------------------------------------------------------------------------------------

_LABELS: tuple[tuple[str, str], ...] = (
    ("date_of_last_review", r"(?:DATE\s+)?OF\s+LAST\s+REVIEW|REVIEW\s+DATE"),
    ("agency_file_number", r"AGENCY\s*FILE[\s._]*NUMBER"),
    ("originator", r"(?:AGENCY\s+)?[ÖOD]?RIGINATOR"),
    ("agency", r"AGENCY(?!\W*INFORMA)"),
    ("record_number", r"RECORD[\s_]*NUMBER"),
    ("record_series", r"(?:RECORDS?[\s_]*)?SERIES"),
    ("from", r"FROM"),
    ("to", r"TO"),
    ("title", r"TITLE"),
    (_UPDATE_DATE, r"UPDATE\s+DATE"),
    ("date", r"DA[TI]E"),
    ("pages", r"PAGES"),
    (_UNKNOWN, r"(?:IO|10)(?=\s*:)|[DJ]?A[TI][EIL]|JAnE|[SD]?AGES|DGES"),  # TO, DATE, PAGES garbled
    ("subjects", r"SUBJEC[TI]S?"),
    ("document_type", r"DOCUMENT[\s_]*TYPE"),
    (_NEW_CLASSIFICATION, r"N[Ee][Ww]\s+CLASSIFICATION"),
    ("classification", r"(?:ORIGINAL\s+)?CLASSIFICATION|[CDP]L?ASS[A-Z]{0,2} ?[A-Z]{0,5}?(?:ATION|ATIRE)"),
    ("restrictions", r"RESTRICTIONS?"),
    ("current_status", r"CURRENT\s+S[TI]ATUS|STATUS"),
    ("opening_criteria", r"O?PENING\s+CRITERIA"),
    ("comments", r"COMMENTS?"),
)
_LABEL_RES = tuple(
    (name, re.compile(rf"(?P<label>{pattern})(?![A-Za-z])(?P<sep>[\"'”\s]*[.:;÷*•,]+)?\s*(?P<rest>.*)$"))
    for name, pattern in _LABELS
)
_VARIANTS = frozenset({"SUBJECT", "AGENCY ORIGINATOR"})  # labels that tell the layout of the form
# Labels short or common enough to start an ordinary line ("TO DETER RECOGNITION ..."): without a
# colon they count as labels only in their place in the form's order.
_SHORT_LABELS = frozenset({"agency", "from", "to", "title", "date", "pages", "subjects", "comments", "record_series",
                           "current_status"})


@dataclass(frozen=True)
class _LabelMatch:
    field: str
    rest: str
    colon: bool
    variant: str  # "SUBJECT" (FBI: one comma-separated list), "AGENCY ORIGINATOR" (CIA, no OPENING CRITERIA)


def _match_label(line: str) -> _LabelMatch | None:
    """The label a line starts with, and the text after it."""
    body = re.sub(r"^[^A-Za-z0-9]+", "", line)
    if re.fullmatch(r"ORIGINAL\W*", body):  # "ORIGINAL" above "CLASSIFICATION" in the FBI layout
        return _LabelMatch("classification", "", False, "")
    for name, regex in _LABEL_RES:
        found = regex.match(body)
        if found:
            rest = found.group("rest").strip()
            label = " ".join(found.group("label").split())
            return _LabelMatch(name, rest, bool(found.group("sep")), label if label in _VARIANTS else "")
    return None


# --- values ---------------------------------------------------------------------------------------------

_RESTRICTION = r"(?:\d[A-D]?|REFERRED|CONSULTATION|OPEN\s+IN\s+FULL|JFK\s+ACT\s+6\s*\(\d\)\s*(?:\([A-D]\))?)"
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in (
    ("record_number", r"\d{3}-?\d{5}-\d{4,5}"),
    ("date", r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})"),
    ("int", r"\d{1,4}"),
    ("class", r"(?:TOP\s+)?SECRET|CONFIDENTIAL|UNCLASSIFIED|DECLASSIFIED"),
    ("class_code", r"[USCT]"),
    ("doctype", r"PAPER(?:[.,]?\s*TEXTUAL(?:\s+DOCUMENT)?)?|[A-Z]+[.,]?\s*TEXTUAL\s+DOCUMENT"),
    ("doctype_word", r"REPORT|MEMORANDUM|MEMORANDA|TRANSCRIPT|CABLE|LETTER|NOTES"),
    ("status", r"RELEASED\b.*|REDACT|POSTPONED\b.*|WITHHELD\s+IN\s+FULL|OPEN\s+IN\s+FULL"),
    ("status_code", r"[PX]"),
    ("restriction", rf"{_RESTRICTION}(?:[\s,;]+{_RESTRICTION})*[\s,;-]*"),
))
# Kinds that free text never is: a value of one of these kinds is not a title or a name.
_TYPED = frozenset({"record_number", "date", "int", "class", "doctype", "status", "restriction", "class_code",
                    "status_code"})
# Kinds that are not even the continuation of free text.
_NEVER_FREE = frozenset({"record_number", "date", "class", "doctype", "status"})
# Kinds certain enough to be moved to a field whose label is missing or elsewhere.
_STRONG = ("date", "class", "doctype", "status", "int")


def _value_text(line: str) -> str:
    """A value without the separators and bullets the OCR leaves in front of it."""
    return re.sub(r"^[\s:;.,*•÷=~|_-]+(?=\S)", "", line).strip()


def _kinds(text: str) -> frozenset[str]:
    bare = text.rstrip(" .,;:")
    return frozenset(kind for kind, regex in _KIND_PATTERNS if regex.fullmatch(bare))


@dataclass(frozen=True)
class _Rule:
    """What a field takes: the kinds allowed (None: free text), and how many lines."""

    kinds: frozenset[str] | None
    max_lines: int
    max_chars: int = 400  # short fields hold names and codes, not sentences


_RULES: dict[str, _Rule] = {
    "agency": _Rule(None, 1, 25), "record_number": _Rule(frozenset({"record_number"}), 1),
    "record_series": _Rule(None, 1, 60), "agency_file_number": _Rule(None, 1, 40), "originator": _Rule(None, 1, 25),
    "from": _Rule(None, 1, 45), "to": _Rule(None, 1, 45), "title": _Rule(None, 4),
    "date": _Rule(frozenset({"date"}), 1), "pages": _Rule(frozenset({"int"}), 1), "subjects": _Rule(None, 40),
    "document_type": _Rule(frozenset({"doctype", "doctype_word"}), 1),
    "classification": _Rule(frozenset({"class", "class_code"}), 1),
    "restrictions": _Rule(frozenset({"restriction"}), 6),
    "current_status": _Rule(frozenset({"status", "status_code"}), 1),
    "date_of_last_review": _Rule(frozenset({"date"}), 1), "opening_criteria": _Rule(None, 3),
    "comments": _Rule(None, 12), _NEW_CLASSIFICATION: _Rule(frozenset({"class", "class_code"}), 1),
    _UPDATE_DATE: _Rule(frozenset({"date"}), 1),
}


def _takes(name: str, value: _Value, first: bool, wrapped: bool = False) -> bool:
    """Whether field `name` can take this value as its first or a further line.

    A further line may be a bare number ("COMMENTS : BOX" / "3") only when it continues a
    value that stood on the label's line (`wrapped`): in a column of values it is a page count.
    """
    rule = _RULES[name]
    section = "agency" if name in _AGENCY_SECTION else "document"
    if value.owner is None and value.section and value.section != section:
        return False
    if rule.kinds is not None:
        return bool(value.kinds & rule.kinds)
    if len(value.text) > rule.max_chars:
        return False
    if first:
        return not value.kinds & _TYPED
    return not value.kinds & (_NEVER_FREE if wrapped else _TYPED - {"class_code", "status_code"})


# --- scanning lines into groups ---------------------------------------------------------------------------


@dataclass
class _Label:
    field: str
    colon: bool
    variant: str = ""
    inline: bool = False  # its first value stood on its line


@dataclass
class _Value:
    text: str
    kinds: frozenset[str]
    owner: int | None = None  # the label (index in its group) whose line this value was on
    order: int = 0  # position on the form, to report unplaced text in reading order
    section: str = ""  # "agency" or "document": the form's heading above the value, when known


@dataclass
class _Group:
    labels: list[_Label] = field(default_factory=list)
    values: list[_Value] = field(default_factory=list)
    fed: bool = False  # values came after its labels: the next label starts a new group
    sealed: bool = False  # a heading came after its labels: the next label starts a new group
    closed: bool = False  # every label may have its value and a heading or stamp followed: what comes is not theirs


@dataclass
class _Scanner:
    """Turns the form's lines into groups of labels and values."""

    groups: list[_Group] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    orphans: list[_Value] = field(default_factory=list)
    unplaced: list[_Value] = field(default_factory=list)
    last_canon: int = -1
    in_document_section: bool = False
    header_values: int = 0  # values still owed to a "Date" / "Page" header with its value below it
    section: str = ""
    unconfirmed: list[_Value] = field(default_factory=list)  # under AGENCY INFORMATION, before DOCUMENT ...
    counter: int = 0

    def scan(self, lines: Sequence[str]) -> list[_Group]:
        for index, line in enumerate(lines):
            if _LEGEND.search(line):
                break
            following = lines[index + 1] if index + 1 < len(lines) else ""
            self._line(line, following)
        if self.orphans or self.unplaced:
            self.groups.append(_Group(values=self.orphans + self.unplaced))
        for value in self.unconfirmed:  # no DOCUMENT INFORMATION heading closed the agency part
            value.section = ""
        return self.groups

    def _line(self, line: str, following: str) -> None:
        if _is_heading(line):
            self._interrupt(heading=True)
            self.section = _section_of(line) or self.section
            if self.section == "document":
                self.unconfirmed.clear()
        elif self._is_header(line, following):
            self.header_values += 0 if re.search(r"\d", line) else 1
        elif _is_stamp(line):
            self._interrupt(heading=False)
        elif not _is_noise(line):
            match = _match_label(line)
            if match and match.field == _UNKNOWN:
                self._garbled_label(match.rest)
            elif match and self._accept_label(match):
                self._label(match)
            elif match and match.field in self.seen and (match.colon or not match.rest):
                if match.rest:  # "DATE: MAR" in a stamp: the label is spent, the text is a value
                    self._value(match.rest)
            else:
                self._value(line)

    def _is_header(self, line: str, following: str) -> bool:
        """The print date and page number at the top of the form ("Date: 11/30/04", "PAGE: 1")."""
        if _HEADER.match(line):
            return True
        match = _match_label(line)
        if not match or match.field != "date":
            return False
        return not self.in_document_section or bool(re.match(r"^\W*PAGE\b(?!S)", following))

    def _interrupt(self, heading: bool) -> None:
        if not self.groups and heading:
            self.orphans.clear()  # text above the form's headings is not part of it
        elif self.groups and self._satisfied(self.groups[-1]):
            self.groups[-1].closed = True
        elif self.groups and heading:
            self.groups[-1].sealed = True

    @staticmethod
    def _satisfied(group: _Group) -> bool:
        """Whether every label of the group may already have its value."""
        return bool(group.labels) and (group.labels[-1].inline or len(group.values) >= len(group.labels))

    def _accept_label(self, match: _LabelMatch) -> bool:
        if match.field in self.seen:
            return False
        if match.colon or not match.rest or match.field not in _SHORT_LABELS:
            return True
        return _CANON[match.field] > self.last_canon

    def _label(self, match: _LabelMatch) -> None:
        self.seen.add(match.field)
        self.last_canon = max(self.last_canon, _CANON[match.field])
        self.in_document_section = self.in_document_section or _CANON[match.field] >= _CANON["originator"]
        self.header_values = 0
        group = self.groups[-1] if self.groups else None
        if group is None or group.fed or group.sealed or group.closed:
            group = _Group(values=self.orphans)
            self.orphans = []
            self.groups.append(group)
        label = _Label(match.field, match.colon, match.variant)
        group.labels.append(label)
        text = _value_text(match.rest)
        if text and not _is_noise(text):
            value = _Value(text, _kinds(text))
            label.inline = _takes(match.field, value, first=True)
            value.owner = len(group.labels) - 1 if label.inline else None
            label.colon = label.inline  # "PAGES: 12/04/63" does not say that PAGES is empty
            self._add(group, value)

    def _garbled_label(self, rest: str) -> None:
        """A label too garbled to name ("IO:", "AGES:"): it ends the group before it, and the
        text on its line belongs to no field."""
        if not self.groups:
            return  # above the form
        self.groups[-1].closed = True
        text = _value_text(rest)
        if text and not _is_noise(text):
            self.unplaced.append(_Value(text, _kinds(text), order=self._next()))

    def _value(self, line: str) -> None:
        text = _value_text(line)
        if not text or _is_noise(text):
            return
        value = _Value(text, _kinds(text))
        if not self.groups and self.header_values and value.kinds & {"date", "int"}:
            self.header_values -= 1
            return
        if not self.groups or self.groups[-1].closed:
            value.order = self._next()
            self._place(value)
            self.orphans.append(value)
        else:
            self._add(self.groups[-1], value)

    def _add(self, group: _Group, value: _Value) -> None:
        value.order = self._next()
        self._place(value)
        group.values.append(value)
        group.fed = True

    def _place(self, value: _Value) -> None:
        value.section = self.section
        if self.section == "agency":
            self.unconfirmed.append(value)

    def _next(self) -> int:
        self.counter += 1
        return self.counter


# --- matching values to labels --------------------------------------------------------------------------

_INF = 10**9
Span = tuple[int, ...]


def _spans(labels: list[_Label], index: int, values: list[_Value], start: int) -> Iterator[int]:
    """How many values from `start` on label `index` can take."""
    label = labels[index]
    if label.inline:
        if start >= len(values) or values[start].owner != index:
            return
    else:
        yield 0
    rule = _RULES[label.field]
    for count in range(1, rule.max_lines + 1):
        position = start + count - 1
        if position >= len(values):
            return
        value = values[position]
        if value.owner is not None and (value.owner != index or count > 1):
            return
        if not _takes(label.field, value, first=count == 1, wrapped=label.inline):
            return
        yield count


def _skip_cost(value: _Value) -> int:
    """What leaving a value out costs: more for an unmistakable one than for free text."""
    if value.owner is not None:
        return _INF
    return 3 if value.kinds & _NEVER_FREE else 1


def _align(labels: list[_Label], values: list[_Value]) -> list[set[Span]]:
    """For each label, the spans of values it takes in the cheapest matchings.

    Labels take consecutive values in order; leaving a value out costs `_skip_cost`.
    """
    k, m = len(labels), len(values)
    forward = [[_INF] * (m + 1) for _ in range(k + 1)]
    forward[0][0] = 0
    for i in range(k + 1):
        for j in range(m + 1):
            cost = forward[i][j]
            if cost >= _INF:
                continue
            if j < m:
                forward[i][j + 1] = min(forward[i][j + 1], cost + _skip_cost(values[j]))
            if i < k:
                for count in _spans(labels, i, values, j):
                    forward[i + 1][j + count] = min(forward[i + 1][j + count], cost)
    backward = [[_INF] * (m + 1) for _ in range(k + 1)]
    backward[k][m] = 0
    for i in range(k, -1, -1):
        for j in range(m, -1, -1):
            if i == k and j == m:
                continue
            best = backward[i][j + 1] + _skip_cost(values[j]) if j < m else _INF
            if i < k:
                best = min([best, *(backward[i + 1][j + c] for c in _spans(labels, i, values, j))])
            backward[i][j] = best
    best_total = forward[k][m]
    possible: list[set[Span]] = [set() for _ in labels]
    if best_total >= _INF:
        return possible  # no matching at all: every label is left unread
    for i in range(k):
        for j in range(m + 1):
            if forward[i][j] >= _INF:
                continue
            for count in _spans(labels, i, values, j):
                if forward[i][j] + backward[i + 1][j + count] == best_total:
                    possible[i].add(tuple(range(j, j + count)))
    return possible


# --- from groups to fields --------------------------------------------------------------------------------


@dataclass
class _Reading:
    """The raw reading of a form: each field's lines, and what could not be placed."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    labelled: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    unread_labels: list[tuple[str, int]] = field(default_factory=list)  # bare labels that got nothing, by group
    unreadable: set[str] = field(default_factory=set)  # ... in a group with text left over: perhaps garbled
    variants: set[str] = field(default_factory=set)
    unplaced: list[_Value] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _read_groups(groups: list[_Group]) -> _Reading:
    reading = _Reading()
    pending: list[tuple[_Value, int]] = []  # unplaced values and the index of their group
    for number, group in enumerate(groups):
        placed = _read_group(group, number, reading)
        pending += [(value, number) for i, value in enumerate(group.values) if i not in placed]
    left = _move_typed(pending, groups, reading)
    left = _move_swapped(left, groups, reading)
    reading.unplaced = sorted((value for value, _ in left), key=lambda value: value.order)
    leftover_groups = {number for _, number in left}
    reading.unreadable = {name for name, number in reading.unread_labels
                          if number in leftover_groups and not reading.lines.get(name)}
    return reading


def _read_group(group: _Group, number: int, reading: _Reading) -> set[int]:
    """Give the group's labels their certain values; return the indexes of the values placed."""
    placed: set[int] = set()
    for label, spans in zip(group.labels, _align(group.labels, group.values), strict=True):
        reading.labelled.add(label.field)
        reading.variants.add(label.variant)
        if len(spans) != 1:
            reading.ambiguous.add(label.field)
            continue
        (span,) = spans
        reading.lines[label.field] = [group.values[i].text for i in span]
        placed.update(span)
        if not span and not label.colon:
            reading.unread_labels.append((label.field, number))
    return placed


def _move_typed(pending: list[tuple[_Value, int]], groups: list[_Group],
                reading: _Reading) -> list[tuple[_Value, int]]:
    """Move unmistakable values (a date, "SECRET"...) to the nearest empty field of their kind."""
    left = []
    for value, number in pending:
        target = _typed_target(value, number, groups, reading)
        if target:
            reading.lines[target] = [value.text]
            reading.ambiguous.discard(target)
            reading.warnings.append(f"{target}: {value.text!r} read away from its label")
        else:
            left.append((value, number))
    return left


def _typed_target(value: _Value, number: int, groups: list[_Group], reading: _Reading) -> str | None:
    kinds = value.kinds & frozenset(_STRONG)
    if not kinds:
        return None
    near = {label.field for g in groups[max(0, number - 1):number + 1] for label in g.labels}
    here = [_CANON[label.field] for label in groups[number].labels] or [_CANON["agency"]]
    candidates = [
        name for name in FIELDS
        if not reading.lines.get(name) and (name not in reading.labelled or name in near)
        and _RULES[name].kinds is not None and kinds & _RULES[name].kinds
    ]
    if not candidates:
        return None
    distance = {name: min(abs(_CANON[name] - at) for at in here) for name in candidates}
    nearest = min(distance.values())
    closest = [name for name in candidates if distance[name] == nearest]
    return closest[0] if len(closest) == 1 else None


def _move_swapped(pending: list[tuple[_Value, int]], groups: list[_Group],
                  reading: _Reading) -> list[tuple[_Value, int]]:
    """Two-column layouts read "COMMENTS: / RESTRICTIONS: / JFK Act 6 (1)(B) / REFERRED TO DIA": free
    text left over after a group's typed values goes to the group's one free-text field when that
    field came before the typed one and got nothing."""
    left = []
    by_group: dict[int, list[_Value]] = {}
    for value, number in pending:
        by_group.setdefault(number, []).append(value)
    for number, values in by_group.items():
        target = _swap_target(groups[number], values, reading)
        if target:
            reading.lines[target] = [value.text for value in values]
            reading.warnings.append(f"{target}: read from after the value of the next label")
        else:
            left += [(value, number) for value in values]
    return left


def _swap_target(group: _Group, values: list[_Value], reading: _Reading) -> str | None:
    free = [i for i, label in enumerate(group.labels) if _RULES[label.field].kinds is None]
    if len(free) != 1 or any(value.kinds & _TYPED for value in values):
        return None
    name = group.labels[free[0]].field
    typed_after = [label.field for label in group.labels[free[0] + 1:] if reading.lines.get(label.field)]
    if reading.lines.get(name) or name in reading.ambiguous or not typed_after:
        return None
    first_unplaced = min(group.values.index(value) for value in values)
    typed_positions = [i for i, value in enumerate(group.values) if value.kinds & _TYPED and value not in values]
    return name if typed_positions and max(typed_positions) < first_unplaced else None


# --- normalizing ----------------------------------------------------------------------------------------------


def normalize_date(raw: str, recent: bool = False) -> tuple[str, str | None]:
    """A form date "4/11/1963" as "1963-04-11", to the precision known ("00/00/1963" -> "1963").

    Two-digit years are 19xx, except for review dates (`recent`) below 50, which are 20xx.
    Returns the date ('' when unreadable) and a warning when something was wrong.
    """
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", raw.strip())
    if not found:
        return "", f"unreadable date {raw!r}"
    month, day, year = (int(part) for part in found.groups())
    if len(found.group(3)) == 2:
        year += 2000 if recent and year < 50 else 1900
    if (year, month, day) == (1900, 1, 1):
        return "", f"{raw!r} is the archive's placeholder for an unknown date"
    if not 1900 <= year <= 2030 or month > 12 or (month == 0 and day != 0):
        return "", f"unreadable date {raw!r}"
    if month == 0:
        return f"{year:04d}", None
    if day == 0:
        return f"{year:04d}-{month:02d}", None
    if day > calendar.monthrange(year, month)[1]:
        return "", f"unreadable date {raw!r}"
    return f"{year:04d}-{month:02d}-{day:02d}", None


def _text(lines: list[str]) -> str:
    text = " ".join(lines)
    text = re.sub(r"\s+(?:\[R\]?|IRI|ERI|IR\])$", "", text)  # the NSA forms' restricted-item marks
    return " ".join(text.split())


_NO_LABEL = "no label for it found on the form"
_AMBIGUOUS = "not attributable with certainty"
_GARBLED = "no readable value after its label"
_UNREAD = "nothing read after its label (empty, or lost by the OCR)"


def _miss(result: RifResult, name: str, reason: str) -> None:
    """Report field `name` as unreadable, with the first reason found."""
    result.reasons.setdefault(name, reason)
    if name not in result.missing:
        result.missing.append(name)


def _fields(reading: _Reading, result: RifResult) -> None:
    """Normalize each field's lines into `result.fields`, noting what could not be read."""
    unread = {name for name, _ in reading.unread_labels}
    for name in FIELDS:
        lines = reading.lines.get(name)
        result.fields[name] = _normalize(name, lines or [], reading, result)
        if lines:
            continue
        if name in reading.ambiguous:
            _miss(result, name, _AMBIGUOUS)
        elif name in reading.unreadable:
            _miss(result, name, _GARBLED)
        elif name not in reading.labelled:
            _miss(result, name, _NO_LABEL)
        elif name in unread:
            _miss(result, name, _UNREAD)


def _normalize(name: str, lines: list[str], reading: _Reading, result: RifResult) -> FieldValue:
    if name == "subjects":
        if "SUBJECT" in reading.variants and lines:
            return [_text(lines)]
        return [text for text in (_text([line]) for line in lines) if text]
    if not lines:
        return ""
    text = _text(lines)
    if _RULES[name].kinds is not None:
        text = text.rstrip(" .,;:-")
    if name in ("date", "date_of_last_review"):
        value, problem = normalize_date(text, recent=name == "date_of_last_review")
        if problem:
            result.warnings.append(f"{name}: {problem}")
            _miss(result, name, problem)
        return value
    if name == "pages":
        return int(text)
    if name == "restrictions":
        return "; ".join(_text([line]).rstrip(" .,;:-") for line in lines)
    return text


def _record_number(text: str, form_lines: list[str], result: RifResult) -> None:
    """Check RECORD NUMBER; complete a cut or run-together one from the page's own record stamps."""
    read = str(result.fields.get("record_number", ""))
    if RECORD_NUMBER.fullmatch(read):
        return
    heading = re.match(r"\s*# (\d{3}-\d{5}-\d{5})\s*$", text.split("\n", 1)[0])
    stamps = {m.group() for line in form_lines for m in RECORD_NUMBER.finditer(line)}
    stamps |= {heading.group(1)} if heading else set()
    digits = re.sub(r"\D", "", read)
    fits = sorted(s for s in stamps if digits and s.replace("-", "").startswith(digits)) if digits else []
    if len(fits) == 1:
        result.fields["record_number"] = fits[0]
        result.warnings.append(f"record_number: form reads {read!r}; completed from the record stamp {fits[0]}")
    elif read:
        result.fields["record_number"] = ""
        result.warnings.append(f"record_number: unreadable {read!r}")
        _miss(result, "record_number", f"unreadable {read!r}")


def _without_record_stamps(reading: _Reading, record_number: str) -> list[str]:
    """The unplaced text, less the record number stamped again at the foot of the page."""
    digits = record_number.replace("-", "")
    kept = [value for value in reading.unplaced if not digits or re.sub(r"\D", "", value.text) != digits]
    reading.unplaced = kept
    return [value.text for value in kept]


def _notes(reading: _Reading, result: RifResult) -> None:
    fbi = _UPDATE_DATE in reading.labelled
    if (fbi or "AGENCY ORIGINATOR" in reading.variants) and result.reasons.get("opening_criteria") == _NO_LABEL:
        result.missing.remove("opening_criteria")
        del result.reasons["opening_criteria"]
        result.absent.append("opening_criteria")
    if fbi:
        result.warnings.append("FBI layout: CLASSIFICATION is its ORIGINAL CLASSIFICATION, CURRENT STATUS its "
                               "STATUS, DATE OF LAST REVIEW its REVIEW DATE")
    _summarize(result)


_UNPLACED_NOTE = "text on the form not placed in any field: "
_SUMMARIES = {_AMBIGUOUS: "not attributable with certainty: ", _GARBLED: "no readable value after the labels ",
              _UNREAD: "nothing read after the labels ", _NO_LABEL: "no label found for "}


def _summarize(result: RifResult) -> None:
    """(Re)write the warnings that group the unreadable fields by reason, and list the unplaced text."""
    result.warnings = [w for w in result.warnings if not w.startswith((_UNPLACED_NOTE, *_SUMMARIES.values()))]
    for reason, note in _SUMMARIES.items():
        names = [name for name in result.missing if result.reasons.get(name) == reason]
        if names:
            result.warnings.append(note + ", ".join(names))
    if result.unplaced:
        shown = "; ".join(repr(_short(text)) for text in result.unplaced[:8])
        more = f" and {len(result.unplaced) - 8} more" if len(result.unplaced) > 8 else ""
        result.warnings.append(f"{_UNPLACED_NOTE}{shown}{more}")


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_FORM_TITLE = re.compile(r"IDENTIFICATION\s+FORM|ASSASSINATION\s+SYSTEM", re.IGNORECASE)
_FORM_LABELS = 4  # without the form's title, this many of its labels make a form


def parse_rif(text: str) -> RifResult:
    """Read the identification form at the start of a transcript (its first page when marked).

    A front matter (NARA's catalogue row between ``---`` lines) is not part of the form: it is
    returned in `front_matter`. `form` is False when the first page holds no form.
    """
    front = split_front_matter(text)
    text = front.body
    form_lines = _form_lines(text)
    groups = _Scanner().scan(_merge_split_labels(form_lines))
    reading = _read_groups(groups)
    result = RifResult(fields={}, warnings=list(reading.warnings), front_matter=front.fields)
    result.form = len(reading.labelled) >= _FORM_LABELS or any(_FORM_TITLE.search(line) for line in form_lines)
    _fields(reading, result)
    _record_number(text, form_lines, result)
    result.unplaced = _without_record_stamps(reading, str(result.fields["record_number"]))
    _notes(reading, result)
    result.missing = [name for name in FIELDS if name in result.missing]
    return result


# --- cross-checking with NARA's release table ------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())


def _title_score(candidate: str, listed: str) -> float:
    """How well form text matches a title from NARA's table (a title ending in … is cut short)."""
    stem = listed.rstrip(" …").removesuffix("...")
    a, b = _squash(candidate), _squash(stem)
    if not a or not b:
        return 0.0
    if stem != listed:  # cut short: compare with the best window of the same length
        windows = (a[i:i + len(b)] for i in range(max(1, len(a) - len(b) + 1)))
        return max(SequenceMatcher(None, window, b).ratio() for window in windows) if len(b) >= 12 else 0.0
    return SequenceMatcher(None, a, b).ratio()


def apply_release_listing(result: RifResult, title: str = "", date: str = "") -> RifResult:
    """Cross-check a reading with NARA's release table (its title, and its date as "MM/DD/YYYY").

    The table only ever confirms text the form has: an unplaced run of form lines that matches the
    listed title becomes the title (or completes a title cut short, as "... EMBASSIES" + "(1963)").
    A date that disagrees with the table, or is unreadable, is reported, never replaced.
    Returns `result`, updated.
    """
    if title:
        _confirm_title(result, title)
        _summarize(result)
    listed, _ = normalize_date(date) if date else ("", None)
    read = str(result.fields.get("date", ""))
    if listed and read and listed != read:
        result.warnings.append(f"date: the form reads {read}, NARA's release table {listed}")
    elif listed and not read and "date" in result.missing:
        result.warnings.append(f"date: not readable on the form; NARA's release table gives {listed} (not used)")
    return result


def _confirm_title(result: RifResult, listed: str) -> None:
    current = str(result.fields.get("title", ""))
    if ("title" not in result.missing and not current) or len(_squash(listed)) < 8:
        return  # empty on the form, or a title too short ("Report") to tell one line from another
    lines = result.unplaced
    runs = [(i, j) for i in range(len(lines)) for j in range(i + 1, min(i + 5, len(lines) + 1))]
    prefix = current + " " if current else ""
    scored = [(_title_score(prefix + " ".join(lines[i:j]), listed), i - j, i, j) for i, j in runs]
    needed = 0.95 if current else 0.85
    good = [item for item in scored if item[0] >= needed and (not current or item[0] > _title_score(current, listed))]
    if not good:
        return
    _, _, i, j = max(good)
    result.fields["title"] = _text([prefix + " ".join(lines[i:j])])
    del lines[i:j]
    if "title" in result.missing:
        result.missing.remove("title")
        result.reasons.pop("title", None)
    verb = "completed with" if current else "placed from"
    result.warnings.append(f"title: {verb} form text matching NARA's release table title {listed!r}")


# --- archive addresses --------------------------------------------------------------------------------------


def pdf_url(record_number: str, release: str, docid: str | None = None) -> str | None:
    """The NARA PDF address of a record in a release, from the published patterns.

    2021 PDFs are named by a document id (docid) that the record number does not give: without
    `docid` there is no address. With a `docid`, 2021, 2022 and 2023 use ``docid-<n>.pdf``.
    2022 PDFs are sometimes docid-named too, which only the archive's listing tells.
    """
    if not RECORD_NUMBER.fullmatch(record_number):
        return None
    if docid and release in ("2021", "2022", "2023"):
        return f"{RELEASES_BASE}/{release}/docid-{docid}.pdf"
    paths = {"2025": f"2025/0318/{record_number}", "2023/08": f"2023/08/{record_number}",
             "2023": f"2023/{record_number}", "2022": f"2022/{record_number}"}
    path = paths.get(release)
    return f"{RELEASES_BASE}/{path}.pdf" if path else None


def release_urls(record_number: str, releases: Iterable[str], docid: str | None = None) -> list[tuple[str, str]]:
    """(release, PDF address) for each release whose address the patterns give."""
    found = ((release, pdf_url(record_number, release, docid)) for release in releases)
    return [(release, url) for release, url in found if url]


def parse_release_list(listing: str) -> list[tuple[str, str]]:
    """Read index.csv's ``all_release_pdf_urls``: "2022: https://... ; 2025: https://..."."""
    pairs = []
    for part in listing.split(" ; "):
        release, sep, url = part.strip().partition(": ")
        if sep and url.startswith("https://"):
            pairs.append((release.strip(), url.strip()))
    return pairs


def docid_of(text: str) -> str | None:
    """The document id of a transcript named after it (first line ``# DOCID-32343841``)."""
    body = split_front_matter(text).body
    found = re.match(r"\s*#\s*docid-(\d+)\s*$", body.split("\n", 1)[0], re.IGNORECASE)
    return found.group(1) if found else None


def release_of(text: str) -> str | None:
    """The release a transcript was read from, when its pages say so (banner or release stamp)."""
    banner = re.search(r"\b(20\d\d) RELEASE UNDER THE PRESIDENT", text[:3000])
    if banner:
        return banner.group(1)
    stamp = re.search(r"\d{4}\s+Date\s*:?\s*\d\d?[-.:]\d\d?[-.:](20\d\d)\b", text[:6000])  # "NW 65924 Date: 10-25-2021"
    return stamp.group(1) if stamp else None

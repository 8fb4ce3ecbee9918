"""What a line of the form is (heading, stamp, noise, label, value) and what each field takes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from desclasificado.archives.jfk.form import NEW_CLASSIFICATION, UNKNOWN, UPDATE_DATE

# --- what a line is ---------------------------------------------------------------------------------

_HEADINGS = [re.compile(p, re.IGNORECASE) for p in (
    r"^\W*J[FE]K\s+ASSASSINATION\s+SYSTEM", r"IDENTIFICATION\s+FORM", r"^\W*AGENCY\W*INFORMA",
    r"^\W*DOCUMENT\W*INFOR[MH]A", r"RELEASE\s+UNDER\s+THE\s+PRESIDENT", r"^\W*REVIEWED\s+BY",
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
    # the form's print date with its year's last digit lost at the page's edge ("Date:" / "5/21/201")
    r"^\d{1,2}/\d{1,2}/20\d$",
    # NSA classification banners and declassification blocks
    r"^\W*DRV\s+FM", r"^\W*Dated:", r"^\W*DECL\s+ON", r"UMBRA", r"SECRET\s+(?:SPOKE|MORAY)",
    # review stamps: "CIA HAS NO OBJECTION TO DECLASSIFICATION ...", "NO JOINT STAFF OBJECTION ..."
    r"HAS\s+NO\s+OBJECTION", r"DECLASSIFICATION\s+AND/OR", r"RELEASE\s+OF\s+CIA\s+INFORMATION",
    r"DOCUMENT\s+AS\s+SANITIZED", r"JOINT\s+STAFF\s+OBJECTION", r"^TO\s+DECLASSIFICATION", r"REQUIRES,?\s*\S?ONCURREN",
    r"EXEMPT\s+PER", r"DATE\s+EXEMPTED", r"RE-REVIEW\s+DATE",
    # the release stamp as the OCR garbles it: "Assassination Flecords Colection Act ol", "65994 Diate: 11-01-2021"
    r"ssassination\s+\S{0,2}ecords", r"\S{0,2}ecords\s+\S{0,2}oll?ection", r"\bColl?ection\s+[Aa]ct\b",
    r"^\W*[A-Z]?\d{4,5}\s+D\w{0,2}ate\s*:", r"USC\s*2107",
    # ... its case number and date at the end of a short line, the label garbled ("56000 Dater 11-04-2021",
    # "GEODO Diate: 11-03-20121", "11-04.2021"): the form writes its dates with slashes, none in this century
    r"^\W*(?:\S{1,8}\s+){0,2}\d{1,3}[-.]\d{1,2}[-.]20[12]\d{1,2}\W*$", r"^\W*\d?992\s*\(?\s*\d{2,3}\s*USC",
    r"(?-i:^\W*(?:John\s+F\.\s+)?Kennedy\s+[Aa]ssassination\W*$)",
    r"Best\s+a\S{4,10}\s+(?:image|copy)\W*$",  # "Best available image", "Best avat-abie image", "Best ava--able copy"
    # the header of a form printed from NARA's online database: "Full Results Back to Brief Results Hits 1-1 of 1"
    r"Back\s+to\s+Brief\s+Results", r"\bHits?\s+\d+\s*-\s*\d+\s+of\s+\d+",
)]
# The legend printed at the foot of the form: nothing after it belongs to the form.
# Its pieces as the OCR reads them: "[R] - ITEM IS RESTRICTED", "- ITEM", "ITEM 18 RESTRICTED"; not
# a title that begins with the word (": ITEM PREP FOR WARREN COMMISSION ...").
LEGEND = re.compile(r"ITEM\s+(?:IS|18)\b|^\W*(?:\[?R\]?)?\W*ITEM(?:\s+RESTRICT\w*)?\W*$", re.IGNORECASE)
_RESTRICTED_MARK = re.compile(r"^[\[(]?\s*[IE]?[RI][I\]]?\s*[.\])]?$")  # "[R]", "IRI", "ERI", "[R"
# The form's print date and page number: "Date: 11/30/04", "Page: 1", "PAGE:", "/age: 1".
HEADER = re.compile(r"^\W*(?:Da[tg]e\b|(?:Page|PAGE|/age)(?:\s*[:*.].*|\s*\d*\s*)$)")


_AGENCY_SECTION = frozenset({"agency", "record_number", "record_series", "agency_file_number"})


def section_of(heading: str) -> str:
    """Which part of the form a heading opens: "AGENCY INFORMATION" or "DOCUMENT INFORMATION"."""
    if re.search(r"AGENCY\W*INFORMA", heading, re.IGNORECASE):
        return "agency"
    # "DOCUMENT. INFORMATION", "Document Inforhation": the OCR's dot and M read as H
    return "document" if re.search(r"DOCUMENT\W*INFOR[MH]A", heading, re.IGNORECASE) else ""


def is_heading(line: str) -> bool:
    return any(p.search(line) for p in _HEADINGS)


def is_stamp(line: str) -> bool:
    return any(p.search(line) for p in _STAMPS)


# A value the form itself cut with dots, as NARA's row gives it too: "ONDRUS, WILLIAM T.; CHRYSLER ....".
_CUT_VALUE = re.compile(r"^[A-Z][A-Z.,;' -]*[A-Z]{3}[A-Z.,;' -]*\s\.{3,}$")


def is_noise(line: str) -> bool:
    """Punctuation, "[R]" markers, rules of dashes or dots, stray one- or two-character scraps."""
    alnum = sum(ch.isalnum() for ch in line)
    if "*" in line and alnum <= 2 and not re.search(r"\d", line):  # a letter of a vertical stamp: "*W*"
        return True
    if alnum == 0 or _RESTRICTED_MARK.match(line):
        return True
    if ("---" in line or "...." in line) and not _CUT_VALUE.match(line):  # a rule, or a scrap with one
        return True
    return alnum == 1 and len(line) > 1 and not re.fullmatch(r"\W*[A-Z0-9]\W*", line)


# --- labels -------------------------------------------------------------------------------------------

# A label cut at the edge of its box, which tesseract reads as "!" ("FRO!", "CURRENT STATU!"), is
# matched with its "!" for the colon.
_LABELS: tuple[tuple[str, str], ...] = (
    ("date_of_last_review", r"(?:DATE\s+)?OF\s+LAST\s*REVIEW|REVIEW\s+DATE"),
    ("agency_file_number", r"AGENCY\s*FILE[\s._]*NUMBER"),
    ("originator", r"(?:AGENCY\s+)?[ÖOD]?RIGINATOR"),
    ("agency", r"AGENCY(?!\W*INFORMA)"),
    ("record_number", r"RECORD[\s_]*NUMBER"),
    ("record_series", r"(?:RECORDS?[\s_]*)?SERIES"),
    ("from", r"FROM|FRO(?=!)"),
    ("to", r"TO"),
    ("title", r"TITLE"),
    (UPDATE_DATE, r"UPDATE\s+DATE"),
    ("date", r"DA[TI]E"),
    ("pages", r"PA[GC]ES|PAG(?=!)"),
    (UNKNOWN, r"(?:IO|10|1O|I0)(?=\s*:)|[DJ]?A[TI][EIL]|JAnE|[SD]?AGES|DGES"),  # TO, DATE, PAGES garbled
    ("subjects", r"SUBJEC[TI]S?"),
    ("document_type", r"DOCUMENT[\s_]*TYPE"),
    (NEW_CLASSIFICATION, r"N[Ee][Ww]\s+CLASSIFICATION"),
    ("classification", r"(?:ORIGINAL\s+)?CLASSIFICATIO(?:N|(?=!))|[CDP]L?ASS[A-Z]{0,2} ?[A-Z]{0,5}?(?:ATION|ATIRE)"),
    ("restrictions", r"RESTRICTIONS?"),
    ("current_status", r"CURRENT\s+S[TI]ATUS|STATUS|CURRENT\s+STATU(?=!)"),
    ("opening_criteria", r"O?PENING\s+CRITERIA"),
    ("comments", r"COMMENTS?"),
)
_LABEL_RES = tuple(
    (name, re.compile(rf"(?P<label>{pattern})(?![A-Za-z])(?P<sep>[\"'”\s]*[.:;÷*•,!]+)?\s*(?P<rest>.*)$"))
    for name, pattern in _LABELS
)
_VARIANTS = frozenset({"SUBJECT", "AGENCY ORIGINATOR"})  # labels that tell the layout of the form
# Labels short or common enough to start an ordinary line ("TO DETER RECOGNITION ..."): without a
# colon they count as labels only in their place in the form's order.
SHORT_LABELS = frozenset({"agency", "from", "to", "title", "date", "pages", "subjects", "comments", "record_series",
                           "current_status"})


@dataclass(frozen=True)
class LabelMatch:
    field: str
    rest: str
    colon: bool
    variant: str  # "SUBJECT" (FBI: one comma-separated list), "AGENCY ORIGINATOR" (CIA, no OPENING CRITERIA)


def match_label(line: str) -> LabelMatch | None:
    """The label a line starts with, and the text after it."""
    body = re.sub(r"^[^A-Za-z0-9]+", "", line)
    if re.fullmatch(r"ORIGINAL\W*", body):  # "ORIGINAL" above "CLASSIFICATION" in the FBI layout
        return LabelMatch("classification", "", False, "")
    found = _match(body)
    if found is None:
        scrap = _SCRAP.match(body)  # "k DATE: — 12/18/1963", "fee CURRENT STATUS: | Redact"
        found = _match(body[scrap.end():]) if scrap else None
        if found is None or not found.colon:
            return None
    return found


# What tesseract reads of the form's box rules before a label: a letter, or a few lower-case ones
# ("k DATE:", "Hy FROM:", "i : ‘PAGES:").
_SCRAP = re.compile(r"^(?:[A-Z]?[a-z]{1,3}|[A-Z])\W*\s+[‘’'\"“”]?(?=[A-Z]{2})|"
                    r"^[A-Z](?=(?:DATE|PAGES|TITLE|FROM|TO)\s*[:;])")


def _match(body: str) -> LabelMatch | None:
    for name, regex in _LABEL_RES:
        found = regex.match(body)
        if found:
            rest = found.group("rest").strip()
            label = " ".join(found.group("label").split())
            return LabelMatch(name, rest, bool(found.group("sep")), label if label in _VARIANTS else "")
    return None


# --- values ---------------------------------------------------------------------------------------------

# A restriction's code: the Act's section ("1B", "JFK ACT 6 (1)(B)"), a statute's ("10(a)2", "11(a)"), a word.
_RESTRICTION = (r"(?:\d[A-D]?|1[01]\([A-D]\)\d?|REFERRED|CONSULT(?:ATION|ED)|OPEN\s+IN\s+FULL|"
                r"JFK\s+ACT\s+6\s*\(\d\)\s*(?:\([A-D]\))?)")
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
TYPED = frozenset({"record_number", "date", "int", "class", "doctype", "status", "restriction", "class_code",
                    "status_code"})
# Kinds that are not even the continuation of free text.
NEVER_FREE = frozenset({"record_number", "date", "class", "doctype", "status"})
# Kinds certain enough to be moved to a field whose label is missing or elsewhere.
STRONG = ("date", "class", "doctype", "status", "int")


# A date with what tesseract reads of the box's rules beside it: a mark or a few lower-case letters
# before it ("© 05/10/1976", "+: 09/09/75", "rae 01/01/64"), a quote or bullet, a lone digit or a few lower-case
# letters after it ("09/30/63 awe", "01/29/64 7"); a count with a few lower-case letters or a bracket
# apart after it ("1 os", "2 )": the form's text is upper-case).
_MARKED_VALUE = re.compile(r"(?:[^\w\s]{1,2}|[a-z]{1,3}\s)\s*(?P<a>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\s*|"
                          r"(?P<b>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?:\s+(?:[a-z]{1,4}|\d)|\s*[\"'“”‘’•]+)\s*|"
                          r"(?P<c>\d{1,4})(?:\s+[a-z]{1,3}|\s+[)\]|])\s*")


def value_text(line: str) -> str:
    """A value without the separators and bullets the OCR leaves in front of it, the box's edge read
    as a bar after it, and a date or a count without the OCR's marks beside it."""
    text = re.sub(r"^[\s:;.,*•÷=~|_—–-]+(?=\S)", "", line).strip()
    text = re.sub(r"(?<=\S)\s+\|$", "", text)  # the box's edge after it: "CABLE: PLAN FOR POLYGRAPHING ALVARADO |"
    marked = _MARKED_VALUE.fullmatch(text)
    return (marked.group("a") or marked.group("b") or marked.group("c")) if marked else text


def kinds(text: str) -> frozenset[str]:
    bare = text.rstrip(" .,;:")
    return frozenset(kind for kind, regex in _KIND_PATTERNS if regex.fullmatch(bare))


@dataclass(frozen=True)
class _Rule:
    """What a field takes: the kinds allowed (None: free text), and how many lines."""

    kinds: frozenset[str] | None
    max_lines: int
    max_chars: int = 400  # short fields hold names and codes, not sentences


RULES: dict[str, _Rule] = {
    "agency": _Rule(None, 1, 25), "record_number": _Rule(frozenset({"record_number"}), 1),
    "record_series": _Rule(None, 1, 60), "agency_file_number": _Rule(None, 1, 40), "originator": _Rule(None, 1, 45),
    "from": _Rule(None, 1, 45), "to": _Rule(None, 1, 45), "title": _Rule(None, 4),
    "date": _Rule(frozenset({"date"}), 1), "pages": _Rule(frozenset({"int"}), 1), "subjects": _Rule(None, 40),
    "document_type": _Rule(frozenset({"doctype", "doctype_word"}), 1),
    "classification": _Rule(frozenset({"class", "class_code"}), 1),
    "restrictions": _Rule(frozenset({"restriction"}), 6),
    "current_status": _Rule(frozenset({"status", "status_code"}), 1),
    "date_of_last_review": _Rule(frozenset({"date"}), 1), "opening_criteria": _Rule(None, 3),
    "comments": _Rule(None, 12), NEW_CLASSIFICATION: _Rule(frozenset({"class", "class_code"}), 1),
    UPDATE_DATE: _Rule(frozenset({"date"}), 1),
}


def takes(name: str, value: Value, first: bool, wrapped: bool = False) -> bool:
    """Whether field `name` can take this value as its first or a further line.

    A further line may be a bare number ("COMMENTS : BOX" / "3") only when it continues a
    value that stood on the label's line (`wrapped`): in a column of values it is a page count.
    """
    rule = RULES[name]
    section = "agency" if name in _AGENCY_SECTION else "document"
    if value.owner is None and value.section and value.section != section:
        return False
    if rule.kinds is not None:
        return bool(value.kinds & rule.kinds)
    if len(value.text) > rule.max_chars:
        return False
    if name in ("from", "to") and is_sentence(value.text):
        return False
    if first:
        return not value.kinds & TYPED
    return not value.kinds & (NEVER_FREE if wrapped else TYPED - {"class_code", "status_code"})



@dataclass
class Label:
    field: str
    colon: bool
    variant: str = ""
    inline: bool = False  # its first value stood on its line


@dataclass
class Value:
    text: str
    kinds: frozenset[str]
    owner: int | None = None  # the label (index in its group) whose line this value was on
    order: int = 0  # position on the form, to report unplaced text in reading order
    section: str = ""  # "agency" or "document": the form's heading above the value, when known
    led: bool = False  # its line began with the colon of a label the OCR lost (": DIRECTOR")


@dataclass
class Group:
    labels: list[Label] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    fed: bool = False  # values came after its labels: the next label starts a new group
    sealed: bool = False  # a heading came after its labels: the next label starts a new group
    closed: bool = False  # every label may have its value and a heading or stamp followed: what comes is not theirs


def group_of(groups: list[Group], name: str) -> int | None:
    """The number of the group holding the label of field `name` (None: no such label)."""
    return next((number for number, group in enumerate(groups)
                 if any(label.field == name for label in group.labels)), None)


# A title's line, which no name or office is (NARA's FROM and TO of the development set never have
# these shapes): a document's kind and a colon ("MEMO: ..."), a word of what a document is about
# ("REQUEST", "MEETING", "RE") or of what it is ("LETTER", "CHRONOLOGY", "SCHEDULE", "TRANSCRIPT", "LIST",
# "NOTES", "NOTEBOOK", "DRAFT", "STATEMENT": 29 of NARA's titles have one of these, none of its FROM and TO;
# not "CABLE", "FILE", "MEMORANDUM" nor "INDEX": "CABLE SECRETARIAT", "TO : FILE", "MEMORANDUM FOR THE
# RECORD" are names), or a sentence ending with a word and a period, of four words or more with OF,
# FOR ... among them, or five or more without a comma ("REQUEST FOR COPY OF VARIOUS CABLES.").
_FUNCTION_WORD = re.compile(r"\b(?:OF|FOR|ON|RE|WITH|IN|TO|AND|THE|A|BY|FROM|ABOUT|CONCERNING|REGARDING)\b")
_SENTENCE_END = re.compile(r"\b(?!(?:JR|SR|DIV|INC|CO|ST|ESQ|DEPT|SECT)\.)[A-Z]{3,}\.$")
# One word and a colon before more text: a document's kind ("MEMO: ...", "CABLE: ...") or what it is
# about ("MHCHAOS: ...", "FDB: OPERATION MONGOOSE"): 135 of NARA's titles of the development set open
# so, none of its 1,838 FROM and TO nor its originators. Not a word with digits (the COMMENTS' file codes,
# "JFK35 : F6 : ...") nor one the OCR made of a label ("TTLE:", "FROH:", "AGANCK:", "IO:": `_near_label`).
_KIND_OPENING = re.compile(r"^(?:MEMO|MEMORANDUM|MESSAGE|LETTER|CABLE|DISPATCH|REPORT|TELEGRAM|TRANSCRIPT|FORM)"
                           r"\s*:\s*\S")
_KIND_LEAD = re.compile(r"^(?P<word>[A-Z][A-Z/&.-]{1,11})\s*:\s*\S")
_LABEL_WORDS = ("AGENCY", "ORIGINATOR", "FROM", "TITLE", "DATE", "PAGES", "PAGE", "SUBJECTS", "DOCUMENT", "TYPE",
                "CLASSIFICATION", "RESTRICTIONS", "CURRENT", "STATUS", "REVIEW", "OPENING", "CRITERIA", "COMMENTS",
                "RECORD", "NUMBER", "SERIES", "FILE")


def _near_label(word: str) -> bool:
    """Whether a word is a label's, or one the OCR garbled: most of its letters in a label word's
    order ("TTLE", "CURREN", "ORTEINATOR"), or two letters, one of TO's ("IO", "TG")."""
    if len(word) == 2:
        return word[0] == "T" or word[1] == "O"
    return any(SequenceMatcher(None, word, label).ratio() >= 0.6 for label in _LABEL_WORDS)


def _kind_lead(text: str) -> bool:
    found = _KIND_LEAD.match(text)
    return bool(found) and not _near_label(found.group("word"))


_TITLE_WORD = re.compile(r"\b(?:REQUESTS?|REPORTS?|CONVERSATIONS?|MEETINGS?|TRANSMITTAL|DISCUSSIONS?|INTERVIEWS?|"
                         r"TESTIMONY|ACTIVITIES|REGARDING|CONCERNING|RE|CHRONOLOGY|SUMMARY|SCHEDULE|TRANSCRIPTS?|"
                         r"LETTERS?|OUTLINE|CLIPPINGS?|TELEGRAMS?|DISPATCH(?:ES)?|MEMORANDA|LISTS?|NOTES|NOTEBOOKS?|DRAFTS?|"
                         r"STATEMENTS?)\b")


def is_sentence(text: str) -> bool:
    """Whether a line has the shape of a title's, never of a FROM or TO (see above)."""
    words = text.split()
    if _KIND_OPENING.match(text) or _kind_lead(text) or _TITLE_WORD.search(text):
        return True
    if len(words) < 4 or not _SENTENCE_END.search(text):
        return False
    return bool(_FUNCTION_WORD.search(" ".join(words[1:-1]))) or (len(words) >= 5 and "," not in text)

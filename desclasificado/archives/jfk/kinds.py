"""What kind of document a JFK record is, for its citation ("memorandum", "cable").

The identification form's DOCUMENT TYPE is mostly "PAPER, TEXTUAL DOCUMENT", which says
nothing a citation can use; the title often starts with the kind ("CABLE: ...", "JMWAVE
CABLE - ...", "MEMO: ..."). The kind is read from the start of the title, else from a
DOCUMENT TYPE that names one; otherwise there is none (never guessed).
"""

from __future__ import annotations

import re

from desclasificado.archives.base import N_

# Words of a title's head or of DOCUMENT TYPE -> the kind, a message of the catalogue.
# Longest first: "FIELD INFORMATION REPORT" before "REPORT".
KINDS: tuple[tuple[str, str], ...] = (
    ("FIELD INFORMATION REPORT", N_("field information report")),
    ("INFORMATION REPORT", N_("information report")),
    ("CURRENT INTEL MEMO", N_("current intelligence memorandum")),
    ("INTEL MEMO", N_("intelligence memorandum")),
    ("BOOK MESSAGE", N_("cable")),
    ("MEMORANDUM", N_("memorandum")),
    ("MEMORANDA", N_("memorandum")),
    ("MEMO", N_("memorandum")),
    ("CABLE", N_("cable")),
    ("TELEGRAM", N_("telegram")),
    ("DISPATCH", N_("dispatch")),
    ("MESSAGE", N_("message")),
    ("LETTER", N_("letter")),
    ("TRANSCRIPT", N_("transcript")),
    ("TESTIMONY", N_("testimony")),
    ("MINUTES", N_("minutes")),
    ("REPORT", N_("report")),
)
_HEAD = re.compile(r"^\[?\s*([A-Z][A-Z /]*?)\s*(?::|\s-\s)")


def _kind_of(words: str) -> str | None:
    upper = f" {words.upper()} "
    for key, kind in KINDS:
        if f" {key} " in upper or f"/{key} " in upper or f" {key}/" in upper:
            return kind
    return None


def document_kind(title: str, document_type: str | None) -> tuple[str | None, bool]:
    """The kind, and whether the title states it: ("cable", True) for "CABLE: CONCUR...";
    ("memorandum", False) for a DOCUMENT TYPE "MEMORANDUM"; (None, False) else."""
    head = _HEAD.match(title)
    if head:
        kind = _kind_of(head.group(1))
        if kind:
            return kind, True
    if title.strip().upper() in {k for k, _ in KINDS}:
        return _kind_of(title), True
    return (_kind_of(document_type.replace(",", " ").replace(".", " ")) if document_type
            else None), False

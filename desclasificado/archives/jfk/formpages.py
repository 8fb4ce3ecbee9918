"""The lines of a transcript that hold the form, its pages, and NARA's page stamps."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desclasificado.archives.jfk.lexicon import is_heading

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
    if not any(is_heading(_clean(line)) for line in after):
        return None
    end = min(offsets[end_line], len(transcript))
    if len(stamps) > 1 and end > stamps[1].start():
        return None
    return end


def lines_of_form(text: str) -> list[str]:
    """The lines that can hold the form: page 1, or the first block of an unmarked transcript; page
    2, or the block after it, when the transcript opens with the Review Board's notice instead."""
    text = text.replace("\r\n", "\n")
    marks = list(_PAGE_MARK.finditer(text))
    if marks:
        bounds = [mark.end() for mark in marks[:3]]
        pages = [text[start:(marks[i + 1].start() if i + 1 < len(marks) else len(text))]
                 for i, start in enumerate(bounds)]
        if len(pages) > 1 and _NOTICE.search(pages[0]) and not _FORM_TITLE.search(pages[0]):
            return pages[1].split("\n")
        return pages[0].split("\n")
    return _unmarked_form_lines(_after_notice(text.split("\n")))


# The ARRB's "Final Determination Notification" that some records open with: it names the agency
# and the record number as the form does, but it is not the form, which follows it.
_NOTICE = re.compile(r"Final\s+Determination\s+Notification", re.IGNORECASE)
_FORM_TITLE = re.compile(r"IDENTIFICATION\s+FORM|ASSASSINATION\s+SYSTEM", re.IGNORECASE)


def _after_notice(lines: list[str]) -> list[str]:
    """The lines from the form's title on, when the Review Board's notice comes before it."""
    head = lines[:250]
    notice = next((i for i, line in enumerate(head) if _NOTICE.search(line)), None)
    title = next((i for i in range(notice + 1, len(head)) if _FORM_TITLE.search(head[i])), None) \
        if notice is not None else None
    return lines if title is None else lines[title:]


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


def merge_split_labels(lines: Iterable[str]) -> list[str]:
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

"""Document transcripts: plain text split into PDF pages by `## Page N` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAGE_MARK = re.compile(r"^## Page (\d+)\s*$", re.MULTILINE)
_PAGE_RULE = re.compile(r"\n-{3,}\Z")  # the '---' rule between pages, at a page's end
SUFFIXES = (".md", ".txt")


@dataclass(frozen=True)
class Transcript:
    """The text of a document: `pages` maps PDF page numbers to their text when it has
    `## Page N` lines; otherwise `pages` is empty and `text` holds it all (`text` is empty
    when there are pages, so that no transcript is held twice)."""

    path: str
    text: str
    pages: dict[int, str]

    @property
    def has_pages(self) -> bool:
        return bool(self.pages)

    def page_text(self, page: int) -> str | None:
        """The text of one PDF page, or None when the transcript has no such page."""
        return self.pages.get(page)


def parse_transcript(text: str, path: str) -> Transcript:
    """Split a transcript at its `## Page N` lines (text before the first one is dropped)."""
    text = text.replace("\r\n", "\n")
    marks = list(_PAGE_MARK.finditer(text))
    pages: dict[int, str] = {}
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        body = text[mark.end():end].strip()
        if body.endswith("---"):
            body = _PAGE_RULE.sub("", body).strip()
        number = int(mark.group(1))
        pages[number] = (pages[number] + "\n\n" + body) if number in pages else body
    return Transcript(path, "" if pages else text, pages)

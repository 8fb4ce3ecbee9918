"""`python build.py quote DOCUMENT PAGE "first words" "last words"`: the passage from the first
words to the last, as the transcript has it, printed as a ready YAML source block.

The passage is found as the check finds quotes (`check.placement`), then copied from the
transcript's own text (lines joined, a word broken at a line end mended), and checked like
any quote before it is printed: what it prints passes `check`.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desclasificado.check.placement import Placed, search
from desclasificado.check.quotes import quote_messages
from desclasificado.check.tokens import page_words, parse_quote
from desclasificado.load.transcripts import SUFFIXES, Transcript, parse_transcript

MAX_QUOTE = 1200
_BROKEN = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")
_CLOSING = ".,;:!?)\"'"


class QuoteError(Exception):
    """Why no passage can be given (one line)."""


def add_quote_command(sub: argparse._SubParsersAction) -> None:
    """The `quote` subcommand's arguments."""
    quote = sub.add_parser("quote", help="print the YAML source block for a passage of a "
                           "document's transcript, from its first words to its last")
    quote.add_argument("document", help="the document's id (its file name in documents/)")
    quote.add_argument("page", type=int, help="the page the passage is on")
    quote.add_argument("first", help="the passage's first words, as the transcript has them")
    quote.add_argument("last", help="the passage's last words")


def source_block(root: Path, document: str, page: int, first: str, last: str) -> str:
    """The YAML block (document, pages, quote) of the passage, or QuoteError."""
    transcript = _transcript(root, document)
    if transcript.has_pages and page not in transcript.pages:
        pages = ", ".join(map(str, sorted(transcript.pages)))
        raise QuoteError(f"document {document} has no page {page} in its transcript (pages: "
                         f"{pages})")
    words = page_words(transcript, page if transcript.has_pages else None)
    start = _find(first, words, 0, document, page, "first")
    end = _find(last, words, start.first, document, page, "last")
    text = words.text
    stop = words.end_of(end.last - 1)
    if stop < len(text) and text[stop] in _CLOSING:
        stop += 1
    quote = " ".join(_BROKEN.sub("", text[words.start_of(start.first):stop]).split())
    if len(quote) > MAX_QUOTE:
        raise QuoteError(f"the passage is {len(quote)} characters: a quote is at most "
                         f"{MAX_QUOTE}; give last words nearer the first")
    problems = quote_messages(quote, "en", (page,), document, transcript)
    if problems:
        raise QuoteError(problems[0])
    escaped = quote.replace("\\", "\\\\").replace('"', '\\"')
    return (f'  - document: "{document}"\n    pages: "{page}"\n    quote: "{escaped}"\n')


def _transcript(root: Path, document: str) -> Transcript:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", document):
        raise QuoteError(f"'{document}' is not a document id (letters, digits and hyphens, as "
                         "in 176-10036-10058)")
    for suffix in SUFFIXES:
        path = root / "documents" / f"{document}{suffix}"
        if path.is_file() and not path.is_symlink():
            return parse_transcript(path.read_text(encoding="utf-8"), str(path))
    if not (root / "documents" / f"{document}.yaml").is_file():
        raise QuoteError(f"unknown document '{document}': no file documents/{document}.yaml")
    raise QuoteError(f"document {document} has no transcript (documents/{document}.md): "
                     "copy the quote from the PDF")


def _find(words_text: str, words, after: int, document: str, page: int, which: str) -> Placed:
    parts = parse_quote(words_text)
    if len(parts) != 1 or len(parts[0].words) < 2:
        raise QuoteError(f"give the passage's {which} words as at least two words of the "
                         f"page, with no ... (got \"{words_text}\")")
    found = search(parts[0], words, after, len(words), "en")
    if found.problem is not None or found.differences:
        raise QuoteError(f"\"{words_text}\" is not on page {page} of document {document}"
                         + (" after the first words" if after else "")
                         + ": copy a few words as the transcript has them")
    return found

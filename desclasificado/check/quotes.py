"""Quote verification: every quote must be the cited document's words, on the cited page.

A quote and the cited pages are compared as folded words (`tokens`: case folded, accents
removed, words broken by a hyphen at a line end joined, everything that is not a letter or
digit a space). The quote's parts, split at its ellipses ("..." or "[...]"), must be found
in order on the cited pages, each at least three words and at most `placement.MAX_GAP` words
after the one before (`placement`); a part that is not the page's very words is compared word
by word, and may differ from it only as OCR noise does (`compare`): a misread token corrected
("Peruvian" for "Peruyian"), never another word, a negation or a number. A correction of a
token the OCR made unreadable is written in square brackets ("[is]" for "1s"), and "[sic]"
marks a word kept as the document misspells it. Every difference is reported, each with its
fix.

`locate` says where each part of a quote is in its transcript, for the marks on the
document page: the same search, so that what is marked is what was checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from desclasificado.check.placement import (
    FIND_THRESHOLD,
    MAX_GAP,
    MIN_WORDS,
    Cited,
    Placed,
    cite,
    place,
)
from desclasificado.check.tokens import page_words, parse_quote
from desclasificado.load.transcripts import Transcript
from desclasificado.load.yamlsafe import Positions
from desclasificado.problems import Problem
from desclasificado.records.models import Event
from desclasificado.records.pagelist import PageList

__all__ = ["FIND_THRESHOLD", "MAX_GAP", "MIN_WORDS", "Passage", "check_event_quotes",
           "locate", "normalize", "quote_messages"]

_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")
_HYPHEN_CANDIDATE = re.compile(r"-\s*\n")  # a literal prefix: scanned far faster than the above
_NOT_WORD = re.compile(r"[\W_]+")
# ASCII after case folding: letters and digits stay, every other byte becomes a space.
_ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalize(text: str) -> str:
    """Fold a text to lower-case ASCII-ish words separated by single spaces."""
    if _HYPHEN_CANDIDATE.search(text):
        text = _HYPHEN_BREAK.sub("", text)
    text = text.casefold()
    if text.isascii():  # the common case, several times faster than the regular expression
        return " ".join(text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text).casefold())  # "™": "tm"
    return _NOT_WORD.sub(" ", text).strip()


def check_event_quotes(event: Event, transcripts: dict[str, Transcript],
                       where: Positions) -> list[Problem]:
    """Problems for the quotes of one event whose documents have transcripts."""
    problems = []
    for index, source in enumerate(event.sources):
        transcript = transcripts.get(source.document)
        if transcript is None:
            continue
        for message in quote_messages(source.quote, source.lang or "en", source.pages,
                                      source.document, transcript):
            problems.append(where.problem(("sources", index, "quote"), message))
    return problems


def _placed(quote: str, lang: str, transcript: Transcript,
            pages: tuple[int, ...] | None) -> tuple[list[Placed], Cited]:
    """Where each part of `quote` is on the cited pages, searched once per build: the check
    and the marks of the document page (`locate`) ask the same question, and the answer is
    kept on the transcript (as `page_words` keeps its words)."""
    cache = transcript.__dict__.setdefault("_placed", {})
    key = (quote, lang, pages)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _search(quote, lang, transcript, pages)
    return found


def _search(quote: str, lang: str, transcript: Transcript,
            pages: tuple[int, ...] | None) -> tuple[list[Placed], Cited]:
    numbers = [None] if not transcript.has_pages else [
        p for p in sorted(transcript.pages) if p in (pages or ())]  # never expand `pages`
    cited = cite([(page, page_words(transcript, page)) for page in numbers])
    raw = transcript.text if numbers == [None] else "\n".join(
        transcript.page_text(page) or "" for page in numbers)
    return place(parse_quote(quote, lambda bracket: bracket in raw), cited.words, lang), cited


def quote_messages(quote: str, lang: str, pages: tuple[int, ...], doc_id: str,
                   transcript: Transcript) -> list[str]:
    """What is wrong with a quote of the document (nothing: it is the document's words)."""
    placed, _ = _placed(quote, lang, transcript, pages)
    if _ok(placed):
        return []
    if transcript.has_pages:
        for number in transcript.pages:
            if number not in pages and _ok(_placed(quote, lang, transcript, (number,))[0]):
                cited_text = _pages_shown(pages)
                return [f"the quote is on page {number} of document {doc_id}, not on page "
                        f"{cited_text}: change pages to \"{number}\""]
    page = _pages_shown(pages) if transcript.has_pages else None
    where = f"page {page} of document {doc_id}" if page else f"document {doc_id}"
    several = len(placed) > 1
    messages = []
    for found in placed:
        if found.problem is None:
            messages += [f"the quote differs from {where}: {d.message}" for d in found.differences]
        else:
            messages.append(_misplaced(found, quote if not several else None, doc_id, where,
                                       page))
    return messages


def _pages_shown(pages: Sequence[int]) -> str:
    """ "3, 4": the cited pages as messages show them (a long range as "1-300000000")."""
    return str(pages) if isinstance(pages, PageList) else ", ".join(map(str, pages))


def _ok(placed: list[Placed]) -> bool:
    return all(p.problem is None and not p.differences for p in placed)


def _misplaced(found: Placed, quote: str | None, doc_id: str, where: str,
               page: str | None) -> str:
    """Why a part of a quote is not where it should be."""
    text = _shown(found.part.text)
    if found.problem == "short":
        count = len(found.part.words)
        return (f"the part \"{text}\" of the quote is {count} word{'s' if count != 1 else ''}: "
                f"each part between ellipses must be at least {MIN_WORDS} of the document's "
                "words (a few words are found on almost any page); quote more of the passage "
                "around it, or leave the ... out")
    if found.problem == "order":
        return (f"the part \"{text}\" of the quote comes before \"{_shown(found.passage)}\" in "
                f"{where}, not after it: the parts of a quote are in the document's order; "
                "reorder them, or cite the passages as two sources")
    if found.problem == "gap":
        return (f"the part \"{text}\" of the quote is {found.distance} words after the part "
                f"before it in {where}: an ellipsis skips at most {MAX_GAP} words; cite the "
                "two passages as two sources")
    shown = f"quote \"{_shown(quote)}\"" if quote is not None else f"the part \"{text}\" of the quote"
    at = f" (page {page})" if page is not None else ""
    closest = found.passage if len(found.passage) <= 90 else found.passage[:87] + "..."
    return (f"{shown} is not in the transcript of document {doc_id}: the closest passage{at} "
            f"matches {found.score:.0f}% (needs {FIND_THRESHOLD:.0f}%): \"{closest}\"; copy the "
            "document's words exactly")


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Passage:
    """A marked piece of a quote's passage: characters `start` to `end` of transcript page
    `page` (0: a transcript without pages). `part` is the quote's part (1-based); a part
    running over a page break has a piece on each page, only the first with `first` True."""

    page: int
    start: int
    end: int
    part: int
    first: bool = True


def locate(quote: str, transcript: Transcript, pages: tuple[int, ...],
           lang: str = "en") -> list[Passage]:
    """Where each part of `quote` is in the cited pages of `transcript`, found as the check
    finds it (no passage for a part the check would not find)."""
    placed, cited = _placed(quote, lang, transcript, pages)
    passages = []
    for number, found in enumerate(placed, start=1):
        if found.problem is not None or found.first >= found.last:
            continue
        pieces = [(page, max(found.first, offset) - offset,
                   min(found.last, offset + len(words)) - offset, words)
                  for page, offset, words in cited.pages
                  if offset < found.last and found.first < offset + len(words)]
        for at, (page, first, last, words) in enumerate(pieces):
            start, end = words.start_of(first), words.end_of(last - 1)
            tail = found.part.text.rstrip()[-1:]
            text = words.text
            if at == len(pieces) - 1 and tail and not tail.isalnum() and text[end:end + 1] == tail:
                end += 1
            passages.append(Passage(page or 0, start, end, number, at == 0))
    return passages

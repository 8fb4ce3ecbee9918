"""Quote verification: every quote must be the cited document's words, on the cited page.

Quotes and transcripts are compared after normalization (case folded, accents removed,
words broken by a hyphen at a line end joined, every other character that is not a
letter or digit turned into a space, runs of spaces collapsed), with rapidfuzz's
`partial_ratio`: the similarity (0-100) of the quote to the best-matching passage of
the page. A quote passes at `THRESHOLD` or above: high enough that a changed word in a
short quote fails, low enough to tolerate the OCR noise of the corpus (broken letters,
stray characters) where the quote corrects obvious OCR errors.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from .models import Event
from .problems import Problem
from .transcripts import Transcript
from .yamlsafe import Positions

THRESHOLD = 90.0
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Fold a text to lower-case ASCII-ish words separated by single spaces."""
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    return normalize(text)


def best_match(quote: str, text: str) -> tuple[float, str]:
    """Score (0-100) of `quote` against `text`, and the passage of `text` it matched."""
    needle, haystack = normalize(quote), _normalized(text)
    if not needle or not haystack:
        return 0.0, ""
    found = fuzz.partial_ratio_alignment(needle, haystack)
    if found is None:
        return 0.0, ""
    return found.score, haystack[found.dest_start:found.dest_end]


def check_event_quotes(event: Event, transcripts: dict[str, Transcript],
                       where: Positions) -> list[Problem]:
    """Problems for the quotes of one event whose documents have transcripts."""
    problems = []
    for index, source in enumerate(event.sources):
        transcript = transcripts.get(source.document)
        if transcript is None:
            continue
        message = _quote_message(source.quote, source.pages, source.document, transcript)
        if message:
            problems.append(where.problem(("sources", index, "quote"), message))
    return problems


def _quote_message(quote: str, pages: tuple[int, ...], doc_id: str,
                   transcript: Transcript) -> str | None:
    if not transcript.has_pages:
        score, passage = best_match(quote, transcript.text)
        return None if score >= THRESHOLD else _not_found(quote, doc_id, score, passage, None)
    cited = "\n".join(transcript.pages.get(p, "") for p in pages)
    score, passage = best_match(quote, cited)
    if score >= THRESHOLD:
        return None
    best_page, best_score, best_passage = pages[0], score, passage
    for number, text in transcript.pages.items():
        if number in pages:
            continue
        page_score, page_passage = best_match(quote, text)
        if page_score > best_score:
            best_page, best_score, best_passage = number, page_score, page_passage
    if best_score >= THRESHOLD:
        cited_text = ", ".join(map(str, pages))
        return (f"the quote is on page {best_page} of document {doc_id}, not on page "
                f"{cited_text}: change pages to \"{best_page}\"")
    return _not_found(quote, doc_id, best_score, best_passage, best_page)


def _not_found(quote: str, doc_id: str, score: float, passage: str, page: int | None) -> str:
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    where = f" (page {page})" if page is not None else ""
    closest = passage if len(passage) <= 90 else passage[:87] + "..."
    return (f"quote \"{shown}\" is not in the transcript of document {doc_id}: the closest "
            f"passage{where} matches {score:.0f}% (needs {THRESHOLD:.0f}%): \"{closest}\"; "
            "copy the document's words exactly")


_WORD = re.compile(r"[^\W_]+")
_HYPHEN_GAP = re.compile(r"-[ \t]*\n\s*")


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where in `text` (character offsets) the passage best matching `quote` lies.

    Returns None when nothing matches at `THRESHOLD`. Used to mark a cited passage on a
    transcript page; the match is computed on the same kind of normalized words as the
    check, then mapped back to the original text through the words' offsets.
    """
    words: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        word = _fold(match.group())
        if words and _HYPHEN_GAP.fullmatch(text, words[-1][2], match.start()):
            previous, start, _ = words.pop()
            words.append((previous + word, start, match.end()))
        else:
            words.append((word, match.start(), match.end()))
    if not words:
        return None
    starts, position = [], 0
    for word, _, _ in words:
        starts.append(position)
        position += len(word) + 1
    haystack = " ".join(w for w, _, _ in words)
    found = fuzz.partial_ratio_alignment(normalize(quote), haystack)
    if found is None or found.score < THRESHOLD:
        return None
    first = bisect.bisect_right(starts, found.dest_start) - 1
    last = bisect.bisect_right(starts, max(found.dest_end - 1, found.dest_start)) - 1
    return words[first][1], words[last][2]


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in word if not unicodedata.combining(c))

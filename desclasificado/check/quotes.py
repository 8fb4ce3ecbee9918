"""Quote verification: every quote must be the cited document's words, on the cited page.

Quotes and transcripts are compared after normalization (case folded, accents removed,
words broken by a hyphen at a line end joined, every other character that is not a
letter or digit turned into a space, runs of spaces collapsed), in two steps:

1. Find: rapidfuzz's `partial_ratio_alignment` finds the passage of the page most like
   the quote. It is found when the similarity is at least `FIND_THRESHOLD` (0-100).
2. Compare word by word (a Levenshtein alignment of the two word lists): a quote word
   may differ from the document's word only as OCR noise does, that is with a character
   similarity of at least `WORD_THRESHOLD` ("Peruvian" for the OCR's "Peruyian"), and
   never in a number; a word the document does not have, or a word the quote leaves
   out, is an error (stray one-character OCR debris excepted). A quote may skip words
   with an ellipsis ("..." or "[...]"): each part is checked on its own.

So a quote may correct the OCR, but a changed, added or dropped word fails.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from desclasificado.load.transcripts import Transcript
from desclasificado.load.yamlsafe import Positions
from desclasificado.problems import Problem
from desclasificado.records.models import Event

FIND_THRESHOLD = 85.0
WORD_THRESHOLD = 60.0
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_HYPHEN_CANDIDATE = re.compile(r"-\s*\n")  # a literal prefix: scanned far faster than the above
_NOT_WORD = re.compile(r"[\W_]+")
# ASCII after case folding: letters and digits stay, every other byte becomes a space.
_ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_ELLIPSIS = re.compile(r"\[?(?:\.\.\.|…)\]?")
_DIGIT = re.compile(r"\d")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalize(text: str) -> str:
    """Fold a text to lower-case ASCII-ish words separated by single spaces."""
    if _HYPHEN_CANDIDATE.search(text):
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = text.casefold()
    if text.isascii():  # the common case, several times faster than the regular expression
        return " ".join(text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NOT_WORD.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    return normalize(text)


def forget_normalized_texts() -> None:
    """Let go of the normalized transcript pages kept while checking quotes."""
    _normalized.cache_clear()


@dataclass(frozen=True)
class Match:
    """How a quote compares with a text: the best passage, and the first word-level difference."""

    score: float
    passage: str
    difference: str | None = None

    @property
    def found(self) -> bool:
        return self.score >= FIND_THRESHOLD

    @property
    def ok(self) -> bool:
        return self.found and self.difference is None


def match(quote: str, text: str) -> Match:
    """Compare `quote` (parts separated by ellipses) with `text`."""
    parts = [normalized for part in _ELLIPSIS.split(quote) if (normalized := normalize(part))]
    results = [_match_part(part, _normalized(text)) for part in parts] or [Match(0, "")]
    worst = min(results, key=lambda m: (m.score, m.difference is None))
    difference = next((m.difference for m in results if m.difference), None)
    return Match(worst.score, worst.passage, difference)


def _match_part(needle: str, haystack: str) -> Match:
    if not needle or not haystack:
        return Match(0.0, "")
    if f" {needle} " in f" {haystack} ":  # the very words, whole: the common case, and fast
        return Match(100.0, needle)
    return _fuzzy_match_part(needle, haystack)


def _fuzzy_match_part(needle: str, haystack: str) -> Match:
    """The passage of `haystack` most like `needle`, compared word by word."""
    found = fuzz.partial_ratio_alignment(needle, haystack)
    if found is None:
        return Match(0.0, "")
    start = haystack.rfind(" ", 0, found.dest_start) + 1
    end = haystack.find(" ", max(found.dest_end - 1, start))
    passage = haystack[start:end if end != -1 else len(haystack)]
    return Match(found.score, passage, _word_difference(needle.split(), passage.split()))


def _word_difference(quote: list[str], passage: list[str]) -> str | None:
    """The first difference between the words that is more than OCR noise, in words."""
    blocks = _difference_blocks(Levenshtein.opcodes(quote, passage))
    for q1, q2, p1, p2 in blocks:
        ours, theirs = " ".join(quote[q1:q2]), " ".join(passage[p1:p2])
        edge = (q1 == 0 and p1 == 0) or (q2 == len(quote) and p2 == len(passage))
        if not ours:
            if edge or len(theirs) <= 1:
                continue
            return f"the quote leaves out {theirs!r}"
        if not theirs:
            if len(ours) <= 1:
                continue
            return f"the quote has {ours!r}, which the document does not"
        if not _similar(ours, theirs, edge):
            return f"the quote has {ours!r} where the document has {theirs!r}"
    return None


def _difference_blocks(ops) -> list[tuple[int, int, int, int]]:
    """Runs of consecutive non-equal opcodes, merged: (quote start, end, passage start, end)."""
    blocks: list[list[int]] = []
    previous_equal = True
    for tag, q1, q2, p1, p2 in ops:
        if tag == "equal":
            previous_equal = True
            continue
        if previous_equal:
            blocks.append([q1, q2, p1, p2])
        else:
            blocks[-1][1], blocks[-1][3] = q2, p2
        previous_equal = False
    return [tuple(block) for block in blocks]  # type: ignore[misc]


def _similar(ours: str, theirs: str, edge: bool) -> bool:
    """OCR-like difference: close in characters (inside the passage at its edges), same digits."""
    if _DIGIT.findall(ours) != _DIGIT.findall(theirs) and not edge:
        return False
    if edge:
        return fuzz.partial_ratio(ours, theirs) >= WORD_THRESHOLD
    return fuzz.ratio(ours, theirs) >= WORD_THRESHOLD


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
        found = match(quote, transcript.text)
        return None if found.ok else _mismatch(quote, doc_id, found, None)
    cited = "\n".join(transcript.pages.get(p, "") for p in pages)
    found = match(quote, cited)
    if found.ok:
        return None
    for number, text in transcript.pages.items():
        if number not in pages and match(quote, text).ok:
            cited_text = ", ".join(map(str, pages))
            return (f"the quote is on page {number} of document {doc_id}, not on page "
                    f"{cited_text}: change pages to \"{number}\"")
    return _mismatch(quote, doc_id, found, ", ".join(map(str, pages)))


def _mismatch(quote: str, doc_id: str, found: Match, pages: str | None) -> str:
    where = f"page {pages} of document {doc_id}" if pages else f"document {doc_id}"
    if found.found and found.difference and found.difference.startswith("the quote leaves out"):
        return (f"the quote differs from {where}: {found.difference}; copy those words too, "
                "or write ... in their place to skip them (for a stamp or OCR noise in the "
                "middle of a sentence)")
    if found.found and found.difference:
        return (f"the quote differs from {where}: {found.difference}; copy the document's "
                "words exactly (correcting only obvious OCR errors)")
    return _not_found(quote, doc_id, found.score, found.passage, pages)


def _not_found(quote: str, doc_id: str, score: float, passage: str, page: str | None) -> str:
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    where = f" (page {page})" if page is not None else ""
    closest = passage if len(passage) <= 90 else passage[:87] + "..."
    return (f"quote \"{shown}\" is not in the transcript of document {doc_id}: the closest "
            f"passage{where} matches {score:.0f}% (needs {FIND_THRESHOLD:.0f}%): \"{closest}\"; "
            "copy the document's words exactly")


_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_HYPHEN_GAP = re.compile(r"-[ \t]*\n\s*")


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where in `text` (character offsets) the passage best matching `quote` lies.

    Returns None when nothing matches at `FIND_THRESHOLD`. Used to mark a cited passage on a
    transcript page; the match is computed on the same kind of normalized words as the
    check, then mapped back to the original text through the words' offsets. A quote whose
    words are the page's very words is found by a plain search, the fuzzy one is for the rest.
    """
    needle = normalize(quote)
    if needle and text.isascii() and not _HYPHEN_GAP.search(text):
        span = _exact_ascii_span(needle, text)
        if span is not None:
            return span
    words, spans = _words(text)
    if not words:
        return None
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    haystack = " ".join(words)
    exact = f" {haystack} ".find(f" {needle} ") if needle else -1
    if exact >= 0:
        dest_start, dest_end = exact, exact + len(needle)
    else:
        found = fuzz.partial_ratio_alignment(needle, haystack)
        if found is None or found.score < FIND_THRESHOLD:
            return None
        dest_start, dest_end = found.dest_start, found.dest_end
    first = bisect.bisect_right(starts, dest_start) - 1
    last = bisect.bisect_right(starts, max(dest_end - 1, dest_start)) - 1
    return spans[first][0], spans[last][1]


def _exact_ascii_span(needle: str, text: str) -> tuple[int, int] | None:
    """Where the normalized words `needle` are, word for word, in an ASCII `text` with no word
    broken at a line end. Lower-casing ASCII keeps every offset, so the words are found in the
    folded text with a plain search, then counted off in the page (no Python loop per word)."""
    lowered = text.lower()
    haystack = " ".join(lowered.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
    at = f" {haystack} ".find(f" {needle} ")
    if at < 0:
        return None
    words = _ASCII_WORD.finditer(lowered)
    first = next(itertools.islice(words, haystack.count(" ", 0, at), None))
    count = needle.count(" ") + 1
    last = next(itertools.islice(words, count - 2, None)) if count > 1 else first
    return first.start(), last.end()


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The folded words of `text` (those broken by a hyphen at a line end joined), and where
    each lies in `text`."""
    ascii_text = text.isascii()
    source = text.lower() if ascii_text else text  # ASCII: folding keeps every offset
    gaps = _HYPHEN_GAP.search(text) is not None
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(source):
        start, end = match.span()
        word = match.group() if ascii_text else _fold(match.group())
        if gaps and spans and _HYPHEN_GAP.fullmatch(text, spans[-1][1], start):
            words[-1] += word
            spans[-1] = (spans[-1][0], end)
        else:
            words.append(word)
            spans.append((start, end))
    return words, spans


def _fold(word: str) -> str:
    word = word.casefold()
    return word if word.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", word))

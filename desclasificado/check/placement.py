"""Where the parts of a quote are in the cited text: found, in order, close together.

A quote's parts (split at its ellipses) are looked for one after the other in the words of
the cited pages (`tokens.Words`, pages in the order cited): the first anywhere, each next one
after the one before, at most `MAX_GAP` words after it. Each part is found by its very words
when the page has them; else rapidfuzz's `partial_ratio_alignment` finds the most similar
passage, which must score at least `FIND_THRESHOLD`, and `compare.compare` then judges it word
by word. A part of fewer than `MIN_WORDS` words is refused: three scattered words can be found
on almost any page.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from desclasificado.check.compare import Difference, compare
from desclasificado.check.tokens import QuotePart, Words

FIND_THRESHOLD = 85.0
MIN_WORDS = 3
MAX_GAP = 200  # words an ellipsis may skip: about two thirds of a typed page
_MAX_STARTS = 50  # places of an exact first part tried before giving up on the others


@dataclass(frozen=True)
class Placed:
    """A part of a quote and where it is: words `first` to `last` (exclusive) of the cited
    text, the score of the search, the differences found in it. `found` False: the part is
    not in the text where it should be (`problem` says how: "short", "missing", "order",
    "gap"), and `passage` is the closest passage, for the message."""

    part: QuotePart
    first: int = 0
    last: int = 0
    score: float = 0.0
    differences: tuple[Difference, ...] = ()
    problem: str | None = None
    passage: str = ""
    distance: int = 0


@dataclass
class Cited:
    """The words of the cited pages, one after the other; `pages` says which page each word
    range comes from: (page, its first word, its words)."""

    words: Words
    pages: list[tuple[int | None, int, Words]] = field(default_factory=list)


def cite(pages: list[tuple[int | None, Words]]) -> Cited:
    """The cited pages' words, joined (a single page is used as it is)."""
    if len(pages) == 1:
        return Cited(pages[0][1], [(pages[0][0], 0, pages[0][1])])
    haystack, starts, ranges = [], array("l"), []
    length = count = 0
    for page, words in pages:
        ranges.append((page, count, words))
        if not words.haystack:
            continue
        haystack.append(words.haystack)
        starts.extend(start + length for start in words.starts)
        length += len(words.haystack) + 1
        count += len(words)
    return Cited(Words(" ".join(haystack), starts), ranges)


def place(parts: list[QuotePart], words: Words, lang: str) -> list[Placed]:
    """Every part of the quote, placed in order (or with the reason it could not be)."""
    usable = [p for p in parts if len(p.words) >= MIN_WORDS]
    attempt: list[Placed] = []
    if usable:
        for first in _first_places(usable[0], words, lang):
            attempt = [first, *_place_rest(usable[1:], first, words, lang)]
            if all(p.problem is None for p in attempt):
                break
    placed = iter(attempt)
    return [next(placed) if len(p.words) >= MIN_WORDS else Placed(p, problem="short")
            for p in parts]


def _first_places(part: QuotePart, words: Words, lang: str) -> list[Placed]:
    exact = _exact(part, words, 0, len(words), limit=_MAX_STARTS)
    return exact or [_fuzzy(part, words, 0, len(words), lang)]


def _place_rest(parts: list[QuotePart], previous: Placed, words: Words,
                lang: str) -> list[Placed]:
    out = []
    for part in parts:
        if previous.problem is not None:  # nothing to place it after: search the whole text
            found = search(part, words, 0, len(words), lang)
        else:
            found = _after(part, previous, words, lang)
        out.append(found)
        previous = found
    return out


def _after(part: QuotePart, previous: Placed, words: Words, lang: str) -> Placed:
    """A part placed after the previous one, within `MAX_GAP` words of it."""
    window = min(len(words), previous.last + MAX_GAP + 2 * len(part.words) + 8)
    found = search(part, words, previous.last, window, lang)
    if found.problem is None and found.first - previous.last <= MAX_GAP:
        return found
    anywhere = found if found.problem is None else search(part, words, 0, len(words), lang)
    if anywhere.problem is not None:
        return anywhere
    if anywhere.first < previous.last:
        return Placed(part, score=anywhere.score, problem="order", passage=previous.part.text)
    return Placed(part, score=anywhere.score, problem="gap",
                  distance=anywhere.first - previous.last)


def search(part: QuotePart, words: Words, lo: int, hi: int, lang: str) -> Placed:
    exact = _exact(part, words, lo, hi, limit=1)
    return exact[0] if exact else _fuzzy(part, words, lo, hi, lang)


def _exact(part: QuotePart, words: Words, lo: int, hi: int, limit: int) -> list[Placed]:
    """Where the part's very words are, words `lo` to `hi` (the common case, and fast)."""
    if any(w.corrected for w in part.words) or lo >= len(words):
        return []
    needle, padded = f" {' '.join(part.plain)} ", words.padded
    found, at = [], words.starts[lo]
    end = words.starts[hi] if hi < len(words) else len(padded)
    while len(found) < limit:
        at = padded.find(needle, at, end + 1)
        if at < 0:
            break
        first = words.word_at(at)
        found.append(Placed(part, first, first + len(part.words), 100.0))
        at += 1
    return found


def _fuzzy(part: QuotePart, words: Words, lo: int, hi: int, lang: str) -> Placed:
    """The passage most like the part, words `lo` to `hi`, compared word by word."""
    if lo >= min(hi, len(words)):
        return Placed(part, problem="missing")
    base = words.starts[lo]
    window = words.span(lo, hi)
    # Searched for with its bracketed corrections and without (they stand for garbled
    # tokens, or for nothing the page has): the better of the two.
    uncorrected = [w.word for w in part.words if not w.corrected]
    found = max((fuzz.partial_ratio_alignment(" ".join(needle), window)
                 for needle in {tuple(part.plain), tuple(uncorrected)} if needle),
                key=lambda f: -1 if f is None else f.score)
    if found is None:
        return Placed(part, problem="missing")
    first = words.word_at(base + found.dest_start)
    last = words.word_at(base + max(found.dest_end - 1, found.dest_start)) + 1
    if found.score < FIND_THRESHOLD:
        return Placed(part, score=found.score, problem="missing",
                      passage=words.span(first, last))
    limit = (lo, min(hi, len(words)))
    start, end = _window(" ".join(part.plain), words, first, last, *limit,
                         2 + len(part.words) // 5)
    start, end = _edges(part.plain, words, start, end, limit)
    differences = compare(list(part.words), words.span(start, end).split(" "), lang)
    return Placed(part, start, end, found.score, tuple(differences),
                  passage=words.span(start, end))


def _window(needle: str, words: Words, first: int, last: int, lo: int, hi: int,
            reach: int) -> tuple[int, int]:
    """The run of whole words, starting and ending within `reach` words of the passage found,
    that holds the needle best: a character of the needle left out costs twice a character of
    the document taken in (junk the quote skipped is inside the run, the neighbours it did
    not quote are not)."""

    def cost(start: int, end: int) -> int:
        span = words.span(start, end)
        common = LCSseq.similarity(needle, span)
        return 2 * (len(needle) - common) + len(span) - common

    start, end = first, last
    for _ in range(2):  # the best start for this end, the best end for that start, again
        start = min(range(max(lo, first - reach), min(end, first + reach + 1)),
                    key=lambda at: (cost(at, end), abs(at - first)), default=start)
        end = min(range(max(start + 1, last - reach), min(hi, last + reach) + 1),
                  key=lambda at: (cost(start, at), abs(at - last)), default=end)
    return start, end


def _edges(quote: list[str], words: Words, start: int, end: int,
           limit: tuple[int, int]) -> tuple[int, int]:
    """Take in the document's words next to the run when the quote's first or last words
    have no counterpart in it: a changed word at an edge is compared with the document's
    ("'plot' where the document has 'network'"), not taken for an added one."""
    ops = Levenshtein.opcodes(quote, words.span(start, end).split(" "))
    tag, q1, q2, d1, _ = ops[-1]
    if tag == "delete" and end < limit[1]:
        wider = min(limit[1], end + q2 - q1)
        if Levenshtein.opcodes(quote, words.span(start, wider).split(" "))[-1].tag == "replace":
            end = wider
    tag, q1, q2, d1, _ = ops[0]
    if tag == "delete" and start > limit[0]:
        wider = max(limit[0], start - (q2 - q1))
        if Levenshtein.opcodes(quote, words.span(wider, end).split(" "))[0].tag == "replace":
            start = wider
    return start, end

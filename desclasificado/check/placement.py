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
from rapidfuzz.distance import Levenshtein

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
            found = _search(part, words, 0, len(words), lang)
        else:
            found = _after(part, previous, words, lang)
        out.append(found)
        previous = found
    return out


def _after(part: QuotePart, previous: Placed, words: Words, lang: str) -> Placed:
    """A part placed after the previous one, within `MAX_GAP` words of it."""
    window = min(len(words), previous.last + MAX_GAP + 2 * len(part.words) + 8)
    found = _search(part, words, previous.last, window, lang)
    if found.problem is None and found.first - previous.last <= MAX_GAP:
        return found
    anywhere = found if found.problem is None else _search(part, words, 0, len(words), lang)
    if anywhere.problem is not None:
        return anywhere
    if anywhere.first < previous.last:
        return Placed(part, score=anywhere.score, problem="order", passage=previous.part.text)
    return Placed(part, score=anywhere.score, problem="gap",
                  distance=anywhere.first - previous.last)


def _search(part: QuotePart, words: Words, lo: int, hi: int, lang: str) -> Placed:
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
    # The search leaves out the bracketed corrections: by definition not the page's words.
    uncorrected = [w.word for w in part.words if not w.corrected] or part.plain
    found = fuzz.partial_ratio_alignment(" ".join(uncorrected), window)
    if found is None:
        return Placed(part, problem="missing")
    first = words.word_at(base + found.dest_start)
    last = words.word_at(base + max(found.dest_end - 1, found.dest_start)) + 1
    if found.score < FIND_THRESHOLD:
        return Placed(part, score=found.score, problem="missing",
                      passage=words.span(first, last))
    lo, hi = _window(" ".join(part.plain), words, first, last, lo, min(hi, len(words)),
                     2 + len(part.words) // 5)
    differences = compare(list(part.words), words.span(lo, hi).split(" "), lang)
    return Placed(part, lo, hi, found.score, tuple(differences), passage=words.span(lo, hi))


def _window(needle: str, words: Words, first: int, last: int, lo: int, hi: int,
            reach: int) -> tuple[int, int]:
    """The run of whole words, starting and ending within `reach` words of the passage found,
    closest to the needle in characters, a word more or fewer than the needle's counting 2
    (junk the quote skipped is inside it, the neighbours it did not quote are not, and a
    changed last word is compared with the document's, not taken for an added one)."""
    count = needle.count(" ") + 1

    def cost(start: int, end: int, cutoff: int | None = None) -> int:
        return (Levenshtein.distance(needle, words.span(start, end), score_cutoff=cutoff)
                + 2 * abs(end - start - count))

    best, best_cost = (first, last), (cost(first, last), 0)
    for start in range(max(lo, first - reach), min(last, first + reach + 1)):
        for end in range(max(start + 1, last - reach), min(hi, last + reach) + 1):
            here = (cost(start, end, best_cost[0]), abs(start - first) + abs(end - last))
            if here < best_cost:
                best, best_cost = (start, end), here
    return best

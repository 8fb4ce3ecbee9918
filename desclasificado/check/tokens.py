"""Texts as folded words, with where each word lies in the original text.

The quote check and the marking of cited passages compare words, not characters: a text is
folded (case folded, accents and other combining marks removed, a word broken by a hyphen at
a line end joined, every character that is not a letter or digit a space) and split into
words. `tokenize` does it once per transcript page (`page_words` keeps the result on the
transcript for the rest of the build), and keeps for each word its offsets in the original
text, so that a passage found in the words can be marked in the page.

A quote is read by `parse_quote`: its parts (between ellipses, "..." or "[...]"), each a list
of words, the words inside square brackets flagged as the contributor's corrections
("[is]" for the OCR's "1s"); "[sic]" is the contributor's remark, not the document's word.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from desclasificado.load.transcripts import Transcript

# ASCII after lower-casing: letters and digits stay, every other byte becomes a space.
_ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_ASCII_TABLE = {c: chr(c).lower() if chr(c).isalnum() else " " for c in range(128)}
_HYPHEN_GAP = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")  # letters: "-20-" is no word
_HYPHEN_CANDIDATE = re.compile(r"-\s*\n")  # a literal prefix: scanned far faster than the above
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RUN = re.compile(r"\S+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_APOSTROPHE_LETTERS = "\u02bc\u02bb\u02bd"


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lower case ASCII-ish letters and digits, anything else spaces.
    The modifier-letter apostrophe (U+02BC, "Stateʼs" in FRUS) is an apostrophe like ’ and '."""
    if char in _APOSTROPHE_LETTERS:
        return " "
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", char.casefold()).casefold())
    return "".join(c if c.isalnum() else " " for c in folded)


@dataclass
class Words:
    """A text's folded words: `haystack` is them joined by single spaces, `starts` where each
    starts in `haystack`; `spans()` where each lies in the original text."""

    haystack: str
    starts: Sequence[int]
    _text: str = field(repr=False, default="")
    _pieces: list[tuple[int, int, int, bool]] | None = field(repr=False, default=None)
    _spans: Sequence[int] | None = field(repr=False, default=None)
    _padded: str | None = field(repr=False, default=None)

    @property
    def text(self) -> str:
        """The original text the words were read from."""
        return self._text

    @property
    def padded(self) -> str:
        """The haystack with a space either side, for finding whole words by a plain search."""
        if self._padded is None:
            self._padded = f" {self.haystack} "
        return self._padded

    @property
    def words(self) -> list[str]:
        return self.haystack.split(" ") if self.haystack else []

    def __len__(self) -> int:
        return len(self.starts)

    def word_at(self, offset: int) -> int:
        """The index of the word that the haystack offset `offset` falls in."""
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, first: int, last: int) -> str:
        """Words `first` to `last` (exclusive), joined by spaces."""
        end = self.starts[last] - 1 if last < len(self.starts) else len(self.haystack)
        return self.haystack[self.starts[first]:end] if first < last else ""

    def spans(self) -> list[tuple[int, int]]:
        """Where each word lies in the original text (start, end)."""
        flat = self._flat_spans()
        return list(zip(flat[::2], flat[1::2], strict=True))

    def start_of(self, word: int) -> int:
        """Where word `word` starts in the original text."""
        return self._flat_spans()[2 * word]

    def end_of(self, word: int) -> int:
        """Where word `word` ends in the original text."""
        return self._flat_spans()[2 * word + 1]

    def _flat_spans(self) -> Sequence[int]:
        # Computed once, kept as one array of ints: a tuple per word would cost 7x the memory.
        if self._spans is None:
            self._spans = array("l", (o for span in _original_spans(self._text, self._pieces)
                                      for o in span))
        return self._spans


def tokenize(text: str) -> Words:
    """The folded words of `text`; equal to `normalize(text).split()` word for word."""
    folded, pieces = _fold(text)
    words = folded.split()
    haystack = " ".join(words)
    starts = array("l", accumulate(map((1).__add__, map(len, words[:-1])), initial=0)
                   if words else ())
    return Words(haystack, starts, text, pieces)


def _fold(text: str) -> tuple[str, list[tuple[int, int, int, bool]] | None]:
    """`text` folded, and how its offsets map back: None when they are the same (ASCII with no
    word broken at a line end), else pieces (folded start, original start, original length,
    whether the piece keeps offsets one for one)."""
    gaps = list(_HYPHEN_GAP.finditer(text)) if _HYPHEN_CANDIDATE.search(text) else []
    if not gaps and text.isascii():
        return text.lower().encode("ascii").translate(_ASCII_WORDS).decode("ascii"), None
    if not gaps:  # other characters each folding to one: offsets stay, one translate does it
        table = {ord(c): fold_char(c) for c in set(_NON_ASCII.findall(text))}
        if all(len(folded) == 1 for folded in table.values()):
            return text.translate({**_ASCII_TABLE, **table}), None
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    position = 0
    cuts = [(m.start(), m.end()) for m in gaps] + [(len(text), len(text))]
    start = 0
    for cut_start, cut_end in cuts:
        position = _fold_segment(text, start, cut_start, position, out, pieces)
        start = cut_end
    return "".join(out), pieces


def _fold_segment(text: str, start: int, end: int, position: int, out: list[str],
                  pieces: list[tuple[int, int, int, bool]]) -> int:
    """Fold text[start:end] onto `out` (ASCII runs in one go, other characters one by one)."""
    at = start
    for match in _NON_ASCII.finditer(text, start, end):
        if match.start() > at:
            run = text[at:match.start()].lower().encode("ascii").translate(_ASCII_WORDS)
            out.append(run.decode("ascii"))
            pieces.append((position, at, match.start() - at, True))
            position += match.start() - at
        folded = fold_char(match.group())
        out.append(folded)
        pieces.append((position, match.start(), 1, len(folded) == 1))
        position += len(folded)
        at = match.end()
    if end > at:
        out.append(text[at:end].lower().encode("ascii").translate(_ASCII_WORDS).decode("ascii"))
        pieces.append((position, at, end - at, True))
        position += end - at
    return position


def _original_spans(text: str, pieces: list[tuple[int, int, int, bool]] | None
                    ) -> list[tuple[int, int]]:
    folded = _fold(text)[0]
    runs = [(m.start(), m.end()) for m in _RUN.finditer(folded)]
    if pieces is None:
        return runs
    starts = [p[0] for p in pieces]

    def start_of(offset: int) -> int:  # the original offset of the folded character here
        folded_start, original_start, length, one_for_one = pieces[bisect.bisect_right(
            starts, offset) - 1]
        return original_start + (offset - folded_start if one_for_one else 0)

    def end_of(offset: int) -> int:  # the original offset where a word ending here ends
        if offset >= len(folded):
            return len(text)
        folded_start, original_start, length, one_for_one = pieces[bisect.bisect_right(
            starts, offset) - 1]
        if not one_for_one and offset > folded_start:  # inside one character's folding
            return original_start + length
        return start_of(offset)

    return [(start_of(s), end_of(e)) for s, e in runs]


def page_words(transcript: Transcript, page: int | None) -> Words:
    """The words of one page of a transcript (None: the whole text of one without pages),
    tokenized once and kept on the transcript for the rest of the build."""
    cache = transcript.__dict__.setdefault("_words", {})
    words = cache.get(page)
    if words is None:
        text = transcript.text if page is None else transcript.pages.get(page, "")
        words = cache[page] = tokenize(text)
    return words


@dataclass(frozen=True)
class QuoteWord:
    """A word of a quote; `corrected` when it stands in square brackets."""

    word: str
    corrected: bool = False
    group: int = -1  # the bracket it stands in: words of one bracket share it


@dataclass(frozen=True)
class QuotePart:
    """The words of a quote between two ellipses, and the text they were read from."""

    text: str
    words: tuple[QuoteWord, ...]

    @property
    def plain(self) -> list[str]:
        return [w.word for w in self.words]


_ELLIPSIS = re.compile(r"\[\s*(?:\.{3,}|…)\s*\]|\.{3,}|…")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
SIC = "sic"
# "Com- munist": a word the document breaks at a line end, copied into a quote on one line.
_QUOTE_HYPHEN = re.compile(r"(?<=[^\W\d_])- +(?=[^\W\d_])")


def parse_quote(quote: str, literal: Callable[[str], bool] | None = None) -> list[QuotePart]:
    """The parts of a quote (split at its ellipses), empty parts left out. A bracket that the
    document itself prints (`literal(text)`: an edition's "[dollar amount not declassified]")
    is the document's words, not a correction."""
    parts = []
    quote = _QUOTE_HYPHEN.sub("", quote)
    for text in _ELLIPSIS.split(quote):
        words: list[QuoteWord] = []
        at = 0
        for group, match in enumerate(_BRACKET.finditer(text)):
            words += [QuoteWord(w) for w in tokenize(text[at:match.start()]).words]
            inside = tokenize(match.group(1)).words
            if literal is not None and literal(match.group(0)):
                words += [QuoteWord(w) for w in inside]
            elif inside != [SIC]:
                words += [QuoteWord(w, True, group) for w in inside]
            at = match.end()
        words += [QuoteWord(w) for w in tokenize(text[at:]).words]
        if words:
            parts.append(QuotePart(text.strip(), tuple(words)))
    return parts

"""Word by word: is each difference between a quote and its passage OCR noise, or a change?

`compare` aligns a quote's words with the words of the document around the passage where
the quote was found (a Levenshtein alignment of the two word lists), and judges each run of
differing words. A run is OCR noise, and the quote's words a correction, only when:

- the words are not a negation on either side ("not" for "now" never is), and the numbers
  in them are the same ("1961" for "61" never is);
- one of the two is not a word of the quote's language (`lexicon.is_word`): OCR garbles
  letters, it does not write another word, so "legally" for "illegally" is a changed word;
  nor is one the other with a prefix or suffix that reverses it (`lexicon.flips`);
- they stay close in characters (`WORD_THRESHOLD`, rapidfuzz's ratio).

A word the quote adds, or a word it leaves out, is a change (one stray letter of OCR debris
excepted). A word in square brackets is the contributor's correction of a token the
transcript garbled ("[is]" for "1s", "[the]" for "fre"): it must stand where the document
has a token that is not a word, close to it in letters (at most two, or half the word's,
differ: "[Cuba]" for "fre" is another word, not a reading of it), and a bracketed number or
negation must be that token read right (a letter or two misread, "[1963]" for "l963").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from desclasificado.check.lexicon import flips, is_word, negations
from desclasificado.check.tokens import QuoteWord

WORD_THRESHOLD = 60.0
# Words the OCR joined ("fieldsof" for "fields of"): the run must keep nearly all its letters,
# so that no word slips in beside a corrected one ("Peruvian an" for "Peruyian"); words it
# split into debris ("ihe aci ion" for "the action") a little less.
RUN_THRESHOLD = 85.0
SPLIT_THRESHOLD = 75.0
_DIGITS = re.compile(r"\d+")
_LOOKALIKES = str.maketrans("oilzsbg", "0112589")


@dataclass(frozen=True)
class Difference:
    """One change found in a quote: what it is, in words, with the fix."""

    message: str


def compare(quote: list[QuoteWord], doc: list[str], lang: str) -> list[Difference]:
    """The differences between the quote's words and the document's passage, in order."""
    found: list[tuple[int, Difference]] = []
    ops = list(Levenshtein.opcodes([w.word for w in quote], doc))
    for tag, q1, q2, _, _ in ops:
        if tag == "equal":
            found += [(q, _needless(quote[q].word)) for q in range(q1, q2) if quote[q].corrected]
    for ours, theirs, at in _blocks(quote, doc, ops):
        found += [(at, d) for d in judge(ours, theirs, lang)]
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def _blocks(quote: list[QuoteWord], doc: list[str], ops: list) -> list[tuple]:
    """Runs of consecutive differing opcodes, merged: (quote words, document words, where)."""
    blocks: list[list[int]] = []
    previous_equal = True
    for tag, q1, q2, d1, d2 in ops:
        if tag == "equal":
            previous_equal = True
            continue
        if previous_equal:
            blocks.append([q1, q2, d1, d2])
        else:
            blocks[-1][1], blocks[-1][3] = q2, d2
        previous_equal = False
    return [(quote[q1:q2], doc[d1:d2], q1) for q1, q2, d1, d2 in blocks]


def judge(ours: list[QuoteWord], theirs: list[str], lang: str) -> list[Difference]:
    """The differences in one run of differing words (none when it is OCR noise)."""
    if not ours and not theirs:
        return []
    if not ours:
        return [] if _debris(theirs, lang) else [_left_out(theirs, lang)]
    if not theirs:
        return _added(ours, lang)
    if len(ours) == len(theirs):
        return [d for o, t in zip(ours, theirs, strict=True)
                if (d := _pair(o, t, lang)) is not None]
    return _run(ours, theirs, lang)


def _debris(theirs: list[str], lang: str) -> bool:
    """One stray character of OCR debris, which a quote may leave out or add."""
    return (len(theirs) == 1 and len(theirs[0]) == 1 and not theirs[0].isdigit()
            and theirs[0] not in negations(lang))


def _without_edge_debris(theirs: list[str], lang: str) -> list[str]:
    """The document's run without a stray character of OCR debris at either end."""
    start, end = 0, len(theirs)
    if end > 1 and _debris(theirs[:1], lang):
        start = 1
    if end - start > 1 and _debris(theirs[-1:], lang):
        end -= 1
    return theirs[start:end]


def _left_out(theirs: list[str], lang: str) -> Difference:
    shown = " ".join(theirs)
    if not any(is_word(t, lang) for t in theirs):
        return Difference(f"the quote leaves out {shown!r}, which is unreadable in the "
                          "transcript (OCR noise): write ... in its place, or the word the PDF "
                          "shows in square brackets, [word]")
    return Difference(f"the quote leaves out {shown!r}; copy those words too, or write ... in "
                      "their place to skip them (for a stamp or OCR noise in the middle of a "
                      "sentence)")


def _added(ours: list[QuoteWord], lang: str) -> list[Difference]:
    corrected = [w.word for w in ours if w.corrected]
    if corrected:
        shown = " ".join(corrected)
        return [Difference(f"[{shown}] stands where the document has no word: square brackets "
                           "correct a misread word, they do not add one; remove it")]
    words = [w.word for w in ours]
    if _debris(words, lang):
        return []
    return [Difference(f"the quote has {' '.join(words)!r}, which the document does not; copy "
                       "the document's words exactly (correcting only obvious OCR errors)")]


def _pair(ours: QuoteWord, theirs: str, lang: str) -> Difference | None:
    """One word of the quote against the document's token at its place."""
    word = ours.word
    if ours.corrected:
        return _bracketed(word, theirs, lang)
    if word == theirs:
        return None
    return _change(word, theirs, [word], [theirs], lang)


def _run(ours: list[QuoteWord], theirs: list[str], lang: str) -> list[Difference]:
    """A run of words that the OCR split or joined differently ("fields of" for "fieldsof")."""
    words = [w.word for w in ours]
    if any(w.corrected for w in ours):
        plain = [w for w in ours if not w.corrected]
        corrected = " ".join(w.word for w in ours if w.corrected)
        if any(is_word(t, lang) and t not in words for t in theirs):
            return [_bracket_on_word(corrected, " ".join(theirs))]
        if plain and (problem := _change(" ".join(w.word for w in plain), " ".join(theirs),
                                         [w.word for w in plain], theirs, lang, run=True)):
            return [problem]
        return []
    if "".join(words) == "".join(theirs):
        return []
    if (edge := _without_edge_debris(theirs, lang)) != theirs and len(edge) == len(ours):
        # "cast" for "c last": the stray letter is debris, the word beside it is the
        # document's, and the quote changed it.
        changed = [d for o, t in zip(ours, edge, strict=True) if (d := _pair(o, t, lang))]
        if changed:
            return changed
    change = _change(" ".join(words), " ".join(theirs), words, theirs, lang, run=True)
    return [change] if change else []


def _change(word: str, theirs: str, ours_words: list[str], their_words: list[str], lang: str,
            run: bool = False) -> Difference | None:
    """Why `word` (the quote's) is not an OCR correction of `theirs`, or None when it is."""
    negating = negations(lang)
    if set(ours_words) & negating or set(their_words) & negating:
        fix = (f", or [{word}] if the PDF shows {word!r} there" if not run
               and not is_word(theirs, lang) and Levenshtein.distance(word, theirs) <= 1 else "")
        return Difference(f"the quote has {word!r} where the document has {theirs!r}: a "
                          f"negation is never taken for OCR noise; copy {theirs!r}{fix}")
    if _DIGITS.findall(word) != _DIGITS.findall(theirs):
        fix = (f", or [{word}] if the PDF shows {word!r}" if not run
               and theirs.translate(_LOOKALIKES) == word else "")
        return Difference(f"the quote has {word!r} where the document has {theirs!r}: numbers "
                          f"must be the document's own; copy {theirs!r}{fix}")
    joined, their_joined = word.replace(" ", ""), theirs.replace(" ", "")
    # In a run split or joined by the OCR ("the e" for "these"), a letter alone is debris.
    both_words = (all(is_word(w, lang) and (len(w) > 1 or not run) for w in ours_words)
                  and all(is_word(t, lang) and (len(t) > 1 or not run) for t in their_words))
    if flips(joined, their_joined, lang) or (both_words and fuzz.ratio(joined, their_joined)
                                             >= WORD_THRESHOLD):
        return Difference(f"{word!r} and {theirs!r} are different words, not an OCR misreading: "
                          "copy the document's word")
    threshold = WORD_THRESHOLD if not run else (
        RUN_THRESHOLD if len(ours_words) > len(their_words) else SPLIT_THRESHOLD)
    if fuzz.ratio(joined, their_joined) < threshold:
        fix = ("copy the document's words exactly (correcting only obvious OCR errors)"
               if both_words or any(is_word(t, lang) for t in their_words) else
               f"copy the document's words, or write [{word}] if the PDF shows {word!r} where "
               "the transcript is garbled")
        return Difference(f"the quote has {word!r} where the document has {theirs!r}; {fix}")
    return None


def _bracketed(word: str, theirs: str, lang: str) -> Difference | None:
    """A correction in square brackets: it stands for a token that is not a word."""
    if word == theirs:
        return _needless(word)
    if is_word(theirs, lang):
        return _bracket_on_word(word, theirs)
    if word in negations(lang) and Levenshtein.distance(word, theirs) > 1:
        return Difference(f"[{word}] stands where the document has {theirs!r}: a negation in "
                          "square brackets must be the document's token read right (a letter "
                          "misread); copy the document's words or write ... in their place")
    if _DIGITS.search(word) and theirs.translate(_LOOKALIKES) != word:
        return Difference(f"[{word}] stands where the document has {theirs!r}: a number in "
                          "square brackets must be the document's token read right (l for 1, "
                          "o for 0); copy the document's number or write ... in its place")
    if not _DIGITS.search(word) and Levenshtein.distance(word, theirs) > _bracket_reach(word):
        return Difference(f"[{word}] stands where the document has {theirs!r}, which keeps too "
                          f"few of the letters of {word!r} to be that word misread: square "
                          "brackets correct a misread token (a letter or a few wrong), they do "
                          "not put another word in its place; copy the document's words, or "
                          "write ... in their place")
    return None


def _bracket_reach(word: str) -> int:
    """How many letters a bracketed word may differ from the garbled token it corrects: two,
    or half the word's ("[the]" for "fre", "[Peruvian]" for "Pcruyiau"), never a whole word."""
    return max(2, len(word) // 2)


def _needless(word: str) -> Difference:
    return Difference(f"[{word}] stands where the document reads {word!r}: remove the square "
                      "brackets (they mark a correction of a misread word)")


def _bracket_on_word(word: str, theirs: str) -> Difference:
    return Difference(f"[{word}] stands where the document has the word {theirs!r}, not an "
                      f"unreadable or misread token: copy {theirs!r}")

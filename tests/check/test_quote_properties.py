"""Property-based: meaning-changing edits of the shipped quotes are all refused, and the real
OCR corrections in the shipped quotes all pass.

The edits are made to the real quotes of the repository's events, checked against their real
transcripts through `check_event_quotes` (the check's entry point): a "not" put in, a negation
dropped, a word swapped for another dictionary word a letter away, a number changed, a word
added, ellipsis parts put out of order, and parts picked from far apart on a page.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from desclasificado.check.lexicon import words_of
from desclasificado.check.project import check_project
from desclasificado.check.quotes import check_event_quotes, normalize
from tests.conftest import REPO

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
_ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.|…)\s*")


@lru_cache(maxsize=1)
def _collection():
    return check_project(REPO, verify_quotes=False).collection


def _cited_text(source) -> str:
    transcript = _collection().transcripts[source.document]
    if not transcript.has_pages:
        return transcript.text
    return "\n".join(transcript.pages.get(p, "") for p in source.pages)


@lru_cache(maxsize=1)
def _sources() -> list[tuple[str, int]]:
    """(event id, source index) of every shipped quote whose document has a transcript."""
    collection = _collection()
    return [(eid, i) for eid, event in sorted(collection.events.items())
            for i, source in enumerate(event.sources) if source.document in collection.transcripts]


@lru_cache(maxsize=1)
def _exact_sources() -> list[tuple[str, int]]:
    """Those whose quote, in one part, is the page's very words (no OCR correction in it)."""
    collection = _collection()
    found = []
    for eid, i in _sources():
        source = collection.events[eid].sources[i]
        if (not _ELLIPSIS.search(source.quote) and "[" not in source.quote
                and f" {normalize(source.quote)} " in f" {normalize(_cited_text(source))} "):
            found.append((eid, i))
    return found


def _problems(eid: str, index: int, quote: str) -> list:
    """What the check says of event `eid` with the quote of source `index` replaced."""
    collection = _collection()
    event = collection.events[eid]
    sources = list(event.sources)
    sources[index] = sources[index].model_copy(update={"quote": quote})
    changed = event.model_copy(update={"sources": sources})
    where = collection.positions[("events", eid)]
    return [p for p in check_event_quotes(changed, collection.transcripts, where)
            if p.severity == "error"]


def _words(quote: str) -> list[str]:
    return quote.split()


def test_the_shipped_quotes_pass_and_the_samples_are_not_empty() -> None:
    assert len(_sources()) > 200 and len(_exact_sources()) > 60
    for eid, i in _sources():
        assert _problems(eid, i, _collection().events[eid].sources[i].quote) == [], eid


@given(st.data())
@SETTINGS
def test_putting_in_a_not_is_refused(data) -> None:
    eid, i = data.draw(st.sampled_from(_exact_sources()))
    words = _words(_collection().events[eid].sources[i].quote)
    at = data.draw(st.integers(1, len(words) - 1))
    negation = data.draw(st.sampled_from(["not", "no", "never", "NOT"]))
    assert _problems(eid, i, " ".join(words[:at] + [negation] + words[at:]))


@lru_cache(maxsize=1)
def _with_negation() -> list[tuple[str, int, int]]:
    found = []
    for eid, i in _sources():
        words = _words(_collection().events[eid].sources[i].quote)
        found += [(eid, i, at) for at, w in enumerate(words)
                  if normalize(w) in {"not", "no", "never", "nor"} and 0 < at < len(words) - 1]
    return found


def test_dropping_a_negation_is_refused() -> None:
    assert len(_with_negation()) >= 5
    for eid, i, at in _with_negation():
        words = _words(_collection().events[eid].sources[i].quote)
        assert _problems(eid, i, " ".join(words[:at] + words[at + 1:])), (eid, words[at])


def _neighbours(word: str) -> list[str]:
    """Dictionary words one letter away from `word` (a letter changed, added or dropped)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = {word[:k] + c + word[k + 1:] for k in range(len(word)) for c in letters}
    edits |= {word[:k] + c + word[k:] for k in range(len(word) + 1) for c in letters}
    edits |= {word[:k] + word[k + 1:] for k in range(len(word))}
    english = words_of("en")
    return sorted(w for w in edits if w != word and len(w) > 1 and w in english)


@given(st.data())
@SETTINGS
def test_swapping_a_word_for_another_word_a_letter_away_is_refused(data) -> None:
    eid, i = data.draw(st.sampled_from(_exact_sources()))
    words = _words(_collection().events[eid].sources[i].quote)
    at = data.draw(st.integers(0, len(words) - 1))
    word = words[at].strip(".,;:()\"'").lower()
    # A word for a word: a name the document has ("PRIO") may stand for a misread word.
    assume(word.isalpha() and len(word) > 2 and word in words_of("en"))
    options = _neighbours(word)
    assume(options)
    words[at] = words[at].lower().replace(word, data.draw(st.sampled_from(options)))
    assert _problems(eid, i, " ".join(words))


@lru_cache(maxsize=1)
def _with_numbers() -> list[tuple[str, int]]:
    return [(eid, i) for eid, i in _exact_sources()
            if re.search(r"\d", _collection().events[eid].sources[i].quote)]


@given(st.data())
@SETTINGS
def test_changing_a_number_is_refused(data) -> None:
    eid, i = data.draw(st.sampled_from(_with_numbers()))
    quote = _collection().events[eid].sources[i].quote
    digits = [m.start() for m in re.finditer(r"\d", quote)]
    at = data.draw(st.sampled_from(digits))
    new = str((int(quote[at]) + data.draw(st.integers(1, 9))) % 10)
    assert _problems(eid, i, quote[:at] + new + quote[at + 1:])


@given(st.data())
@SETTINGS
def test_adding_a_word_is_refused(data) -> None:
    eid, i = data.draw(st.sampled_from(_exact_sources()))
    words = _words(_collection().events[eid].sources[i].quote)
    at = data.draw(st.integers(1, len(words) - 1))
    added = data.draw(st.sampled_from(["secretly", "also", "only", "Cuban", "armed", "funded",
                                       "president", "two", "all", "legally", "ever"]))
    assert _problems(eid, i, " ".join(words[:at] + [added] + words[at:]))


@lru_cache(maxsize=1)
def _with_parts() -> list[tuple[str, int]]:
    return [(eid, i) for eid, i in _sources()
            if len([p for p in _ELLIPSIS.split(_collection().events[eid].sources[i].quote)
                    if p.strip()]) > 1]


def test_putting_ellipsis_parts_out_of_order_is_refused() -> None:
    assert len(_with_parts()) >= 10
    for eid, i in _with_parts():
        parts = [p for p in _ELLIPSIS.split(_collection().events[eid].sources[i].quote)
                 if p.strip()]
        assert _problems(eid, i, " ... ".join(reversed(parts))), eid


@given(st.data())
@SETTINGS
def test_parts_scattered_over_a_page_are_refused(data) -> None:
    eid, i = data.draw(st.sampled_from(_exact_sources()))
    source = _collection().events[eid].sources[i]
    words = normalize(_cited_text(source)).split()
    assume(len(words) > 460)
    first = data.draw(st.integers(0, len(words) - 460))
    second = data.draw(st.integers(first + 205, len(words) - 3))
    scattered = " ".join(words[first:first + 3]) + " ... " + " ".join(words[second:second + 3])
    text = f" {' '.join(words)} "
    assume(text.count(f" {' '.join(words[first:first + 3])} ") == 1)
    assume(text.count(f" {' '.join(words[second:second + 3])} ") == 1)
    # Nor anything like the second part near the first (it would be an OCR correction of it).
    near = " ".join(words[first + 3:first + 260])
    assume(fuzz.partial_ratio(" ".join(words[second:second + 3]), near) < 80)
    assert _problems(eid, i, scattered)


@pytest.mark.parametrize("kind", ["one word", "two words"])
def test_a_part_of_fewer_than_three_words_is_refused(kind: str) -> None:
    eid, i = _exact_sources()[0]
    words = _words(_collection().events[eid].sources[i].quote)
    short = words[-1] if kind == "one word" else " ".join(words[-2:])
    assert _problems(eid, i, " ".join(words[:-2]) + " ... " + short)


@lru_cache(maxsize=1)
def _corrected_sources() -> list[tuple[str, int]]:
    """The shipped quotes that correct the OCR: not the page's very words."""
    return [s for s in _sources() if s not in set(_exact_sources()) and s not in set(_with_parts())]


def test_the_real_ocr_corrections_of_the_shipped_quotes_pass() -> None:
    assert len(_corrected_sources()) >= 40
    for eid, i in _corrected_sources():
        quote = _collection().events[eid].sources[i].quote
        assert _problems(eid, i, quote) == [], (eid, quote)

"""The fast paths taken for speed give exactly what the plain code gives.

Each shortcut in the check (see README, "Performance") is compared, on arbitrary input, with
the straightforward code it replaces: quote normalization, the character checks of the YAML
reader, transcript splitting, the exact-quote shortcut of quote matching, the placeholder
pre-check, and the pause of the garbage collector.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desclasificado.check import quotes
from desclasificado.check.project import check_project
from desclasificado.load import transcripts, yamlsafe
from tests.conftest import GOOD_EVENT, Project

TEXT = st.text(st.sampled_from([*"abcXYZ019 -_.,;:'\"\n\r\t*#", "\u00e9", "\u0301", "\u00df",
                                "\ufb01", "\u0130", "\u2013", "\u00a0", "\x00", "\x85", "\u202e"]),
               max_size=120)


def _plain_normalize(text: str) -> str:
    """quotes.normalize as first written: three regular expressions."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text).casefold()
    if not text.isascii():
        text = quotes._COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return re.sub(r"[\W_]+", " ", text).strip()


@given(TEXT)
@settings(max_examples=500)
def test_normalize_equals_the_plain_regular_expressions(text: str) -> None:
    assert quotes.normalize(text) == _plain_normalize(text)


def _plain_character_problems(text: str) -> list[tuple[int, int]]:
    found = [yamlsafe._FORBIDDEN_CHARS.search(text), yamlsafe._TAB_INDENT.search(text)]
    return [(m.start(), m.end()) for m in found if m]


@given(TEXT)
@settings(max_examples=500)
def test_character_checks_find_what_the_regular_expressions_find(text: str) -> None:
    problems = yamlsafe._character_problems(text, "x.yaml")
    assert len(problems) == len(_plain_character_problems(text))


def _plain_pages(text: str) -> dict[int, str]:
    """transcripts.parse_transcript as first written."""
    text = text.replace("\r\n", "\n")
    marks = list(re.finditer(r"^## Page (\d+)\s*$", text, re.MULTILINE))
    pages: dict[int, str] = {}
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        body = re.sub(r"\n-{3,}\s*$", "", text[mark.end():end].strip()).strip()
        number = int(mark.group(1))
        pages[number] = (pages[number] + "\n\n" + body) if number in pages else body
    return pages


@given(st.lists(st.sampled_from(["## Page 1", "## Page 2", "---", "----", "text -", "", " ", "--- x",
                                 "words\r", "-"]), max_size=12))
@settings(max_examples=300)
def test_transcript_pages_equal_the_plain_split(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert transcripts.parse_transcript(text, "x.md").pages == _plain_pages(text)


WORDS = st.lists(st.sampled_from(["the", "agent", "report", "a", "network", "1963", "paris", "in"]),
                 min_size=1, max_size=30)


@given(WORDS, st.integers(0, 29), st.integers(1, 30))
@settings(max_examples=300)
def test_an_exact_quote_matches_as_the_fuzzy_comparison_says(words: list[str], start: int,
                                                              length: int) -> None:
    haystack = " ".join(words)
    needle = " ".join(words[start:start + length])
    if not needle:
        return
    fast, fuzzy = quotes._match_part(needle, haystack), quotes._fuzzy_match_part(needle, haystack)
    assert fast.ok and fuzzy.ok and fast.score == fuzzy.score == 100


def test_a_placeholder_spelled_with_an_escape_is_still_found(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.write("events/todo.yaml", GOOD_EVENT.replace('title: "CIA source names Paris as the hub of '
                                                         'the network"', 'title: "\\u0054ODO: a title"'))
    code, lines = project.check()
    assert code == 1 and "events/todo.yaml:2:8: error: fill in 'title': a title" in lines


def test_the_check_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    assert gc.isenabled()
    check_project(project.root)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        check_project(project.root)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _plain_locate(quote: str, text: str) -> tuple[int, int] | None:
    """quotes.locate as first written: every word folded on its own, then a fuzzy search."""
    words: list[tuple[str, int, int]] = []
    for match in quotes._WORD.finditer(text):
        word = quotes._fold(match.group())
        if words and quotes._HYPHEN_GAP.fullmatch(text, words[-1][2], match.start()):
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
    found = quotes.fuzz.partial_ratio_alignment(quotes.normalize(quote), " ".join(w for w, _, _ in words))
    if found is None or found.score < quotes.FIND_THRESHOLD:
        return None
    first = quotes.bisect.bisect_right(starts, found.dest_start) - 1
    last = quotes.bisect.bisect_right(starts, max(found.dest_end - 1, found.dest_start)) - 1
    return words[first][1], words[last][2]


PAGE_WORDS = st.lists(st.sampled_from(["The", "agent", "re-\n  port", "Net", "work", "\u00c9TAT", "1963",
                                       "ca\u0301fe", "stra\u00dfe", "_", "--", "\n", "Paris,", "in", "(a)"]),
                      min_size=1, max_size=40)
ASCII_PAGE_WORDS = st.lists(st.sampled_from(["The", "agent", "REPORT", "net", "1963", "Paris,", "in", "_",
                                             "(a)", "re-", "\n", "x"]), min_size=1, max_size=40)


def _locates_as_the_plain_search(text: str, quote: str) -> None:
    located, plain = quotes.locate(quote, text), _plain_locate(quote, text)
    needle = quotes.normalize(quote)
    if needle and f" {needle} " in f" {' '.join(quotes._words(text)[0])} ":
        # The quote's very words: found where they stand as words. The fuzzy search finds them
        # too, but may settle on another alignment as good, inside longer words ("a" in "agent").
        assert plain is not None and located is not None
        assert quotes.normalize(text[located[0]:located[1]]) == needle
    else:
        assert located == plain


@given(PAGE_WORDS, st.integers(0, 39), st.integers(1, 12), st.booleans())
@settings(max_examples=500)
def test_locate_finds_what_the_plain_fuzzy_search_finds(words: list[str], start: int, length: int,
                                                        altered: bool) -> None:
    quote = " ".join(words[start:start + length]) + (" zebra" if altered else "")
    _locates_as_the_plain_search(" ".join(words), quote)


@given(ASCII_PAGE_WORDS, st.integers(0, 39), st.integers(1, 12), st.booleans())
@settings(max_examples=500)
def test_locate_on_ascii_pages_finds_what_the_plain_fuzzy_search_finds(words: list[str], start: int,
                                                                      length: int, altered: bool) -> None:
    quote = " ".join(words[start:start + length]) + (" zebra" if altered else "")
    _locates_as_the_plain_search(" ".join(words), quote)

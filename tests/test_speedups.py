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

from desclasificado.check import placement, quotes
from desclasificado.check.compare import compare
from desclasificado.check.project import check_project
from desclasificado.check.tokens import parse_quote, tokenize
from desclasificado.load import transcripts, yamlsafe
from tests.conftest import GOOD_EVENT, Project

TEXT = st.text(st.sampled_from([*"abcXYZ019 -_.,;:'\"\n\r\t*#", "\u00e9", "\u0301", "\u00df",
                                "\ufb01", "\u0130", "\u2013", "\u00a0", "\x00", "\x85", "\u202e"]),
               max_size=120)


def _plain_normalize(text: str) -> str:
    """quotes.normalize as first written: three regular expressions (a word broken at a line
    end is joined when letters stand either side of the hyphen: "-20-" before a line is not)."""
    text = re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])", "", text).casefold()
    if not text.isascii():
        text = quotes._COMBINING.sub("", unicodedata.normalize("NFKD", text).casefold())
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


@given(WORDS, st.integers(0, 29), st.integers(3, 30))
@settings(max_examples=300)
def test_an_exact_quote_is_placed_where_the_comparison_finds_it_equal(words: list[str], start: int,
                                                                 length: int) -> None:
    page = tokenize(" ".join(words))
    parts = parse_quote(" ".join(words[start:start + length]))
    if not parts or len(parts[0].words) < 3:
        return
    part = parts[0]
    exact = placement._exact(part, page, 0, len(page), limit=1)[0]
    assert exact.problem is None and not exact.differences
    # What the shortcut takes for the very words, the word-by-word comparison finds equal.
    assert compare(list(part.words), page.span(exact.first, exact.last).split(" "), "en") == []


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


PAGE_WORDS = st.lists(st.sampled_from(["The", "agent", "re-\n  port", "Net", "work", "\u00c9TAT", "1963",
                                       "ca\u0301fe", "stra\u00dfe", "_", "--", "\n", "Paris,", "in", "(a)",
                                       "\u2122", "\u00bd", "-20-\n", "x\u0301\u0301"]),
                      min_size=1, max_size=40)


@given(PAGE_WORDS)
@settings(max_examples=500)
def test_page_words_are_the_normalized_words_and_lie_where_they_are(words: list[str]) -> None:
    text = " ".join(words)
    page = tokenize(text)
    assert page.words == quotes.normalize(text).split()
    assert len(page.spans()) == len(page)
    for word, (start, end) in zip(page.words, page.spans(), strict=True):
        assert word in quotes.normalize(text[start:end]).split()  # "½" holds two: 1, 2


@given(TEXT)
@settings(max_examples=500)
def test_page_words_of_any_text_are_its_normalized_words(text: str) -> None:
    page = tokenize(text)
    assert page.words == quotes.normalize(text).split()
    assert all(start < end for start, end in page.spans())

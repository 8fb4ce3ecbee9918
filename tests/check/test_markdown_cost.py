"""A summary or body whose brackets would make Python-Markdown stall is refused by the check
(issue 19): Python-Markdown reads a link by scanning from each `[` (and from the `(` after
`]`) to its closing bracket, so thousands of brackets never closed cost time that grows with
the square of their number (`[x][` 10,000 times: 81 seconds). The check bounds that work per
field and names where the first unclosed bracket is; ordinary links are untouched."""

from __future__ import annotations

import pytest

from desclasificado.check.markdowncost import MAX_SCAN, bracket_work
from tests.conftest import GOOD_EVENT, Project

HOSTILE = {"reference": "[x][" * 6000, "inline": "[x](" * 6000, "image": "![x][" * 5000,
           "nested": "[" * 3000 + "]" * 3000}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_body_of_unclosed_brackets_is_refused(project: Project, name: str) -> None:
    body = HOSTILE[name]
    assert len(body.encode()) < 256 * 1024  # under the file size limit: it used to pass
    project.write("events/bad.yaml", GOOD_EVENT + f'body: "{body}"\n')
    code, lines = project.check()
    assert code == 1
    refused = [line for line in lines if line.startswith("events/bad.yaml:11:")
               and "error: the brackets of body would" in line]
    assert refused, "\n".join(lines)
    assert "write \\[ for a bracket that is only text" in refused[0]


def test_a_translated_body_is_bounded_too(project: Project) -> None:
    project.write("events/bad.yaml", GOOD_EVENT + 'body: "Details."\ntranslations:\n  es:\n'
                  '    title: "Una fuente"\n    summary: "Resumen.[^1]"\n'
                  f'    body: "{"[a](" * 6000}"\n')
    code, lines = project.check()
    assert code == 1
    assert any(line.startswith("events/bad.yaml:16:")
               and "error: the brackets of translations.es.body would" in line
               for line in lines), "\n".join(lines)


def test_ordinary_links_and_brackets_cost_little() -> None:
    text = "See [the memo](https://example.org/a(b)) and [^1], [note][n] (in 1963). " * 3000
    assert bracket_work(text)[0] < MAX_SCAN
    assert bracket_work("\\[" * 50000)[0] == 0  # escaped brackets open nothing


def test_unclosed_brackets_cost_only_their_paragraph() -> None:
    paragraphs = "\n\n".join(["[ an unclosed bracket " + "word " * 200] * 400)
    assert bracket_work(paragraphs)[0] < MAX_SCAN

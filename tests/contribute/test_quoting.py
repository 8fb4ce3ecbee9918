"""`python build.py quote DOCUMENT PAGE "first words" "last words"` prints a source block that
passes the check, or one line saying why not."""

from __future__ import annotations

import pytest

from desclasificado.cli import main
from tests.conftest import GOOD_EVENT, Project


def _quote(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["quote", *args], root=project.root)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_block_is_printed_and_passes_the_check(project: Project,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _quote(project, capsys, "176-10036-10058", "3", "Paris has emerged",
                            "the network")
    assert (code, err) == (0, "")
    assert out == ('  - document: "176-10036-10058"\n    pages: "3"\n'
                   '    quote: "Paris has emerged as the center of the network."\n')
    project.write("events/picked.yaml", GOOD_EVENT.split("sources:")[0] + "sources:\n" + out)
    assert project.check()[0] == 0


def test_a_passage_over_lines_is_joined_and_quotes_escaped(project: Project,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _quote(project, capsys, "176-10036-10058", "3", "particularly those used",
                          "Correspondence points")
    assert code == 0
    assert out.endswith('quote: "particularly those used as \\"Co-ordinators\\" or '
                        '\\"Correspondence points\\""\n')


@pytest.mark.parametrize(("args", "error"), [
    (("176-10036-10058", "3", "Paris has emerged", "zebra crossing"),
     'error: "zebra crossing" is not on page 3 of document 176-10036-10058 after the first '
     "words: copy a few words as the transcript has them\n"),
    (("176-10036-10058", "3", "the Kremlin ordered", "the network"),
     'error: "the Kremlin ordered" is not on page 3 of document 176-10036-10058: copy a few '
     "words as the transcript has them\n"),
    (("176-10036-10058", "9", "Paris has", "the network"),
     "error: document 176-10036-10058 has no page 9 in its transcript (pages: 1, 2, 3, 4, 5)\n"),
    (("176-10036-10059", "3", "Paris has", "the network"),
     "error: unknown document '176-10036-10059': no file documents/176-10036-10059.yaml\n"),
    (("176-10036-10058", "3", "Paris", "the network"),
     'error: give the passage\'s first words as at least two words of the page, with no ... '
     '(got "Paris")\n'),
])
def test_a_passage_that_cannot_be_given_is_one_line(project: Project,
                                                    capsys: pytest.CaptureFixture[str],
                                                    args: tuple[str, ...], error: str) -> None:
    code, out, err = _quote(project, capsys, *args)
    assert (code, out, err) == (1, "", error)

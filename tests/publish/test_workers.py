"""publish/workers.py: work shared out among forked processes, and how their failures come
back to the build."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from desclasificado.publish.workers import share_out


def test_each_process_does_its_share_and_reports(tmp_path: Path) -> None:
    done: list[int] = []

    def work(number: int, count: int) -> None:
        done.extend(range(number, 10, count))
        (tmp_path / f"{number}").write_text(str(os.getpid()))

    reports = share_out(work, lambda: list(done), 3)
    assert reports == [[1, 4, 7], [2, 5, 8]]  # the children's, in order
    assert done == [0, 3, 6, 9]  # the parent's own share
    assert len({(tmp_path / f"{n}").read_text() for n in range(3)}) == 3


def test_one_process_forks_nothing() -> None:
    pids: list[int] = []
    assert share_out(lambda number, count: pids.append(os.getpid()), lambda: None, 1) == []
    assert pids == [os.getpid()]


class Stubborn(Exception):
    """An exception that pickles but cannot be unpickled (it needs two arguments)."""

    def __init__(self, first: str, second: str):
        super().__init__(f"{first} {second}")


@pytest.mark.parametrize(("raised", "expected", "words"), [
    (lambda: ValueError("bad value"), ValueError, "bad value"),
    (lambda: Stubborn("stubborn", "failure"), RuntimeError, "Stubborn: stubborn failure"),
], ids=["picklable", "not-unpicklable"])
def test_what_a_child_raises_is_raised_here(raised, expected, words) -> None:
    parent = os.getpid()

    def work(number: int, count: int) -> None:
        if os.getpid() != parent:
            error = raised()
            error.add_note("while rendering the page /events/x/")
            raise error

    with pytest.raises(expected, match=words) as failed:
        share_out(work, lambda: None, 2)
    if expected is ValueError:
        assert failed.value.__notes__ == ["while rendering the page /events/x/"]


def test_a_child_that_dies_without_a_word() -> None:
    parent = os.getpid()

    def work(number: int, count: int) -> None:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(RuntimeError, match=r"stopped \(exit code -9\)"):
        share_out(work, lambda: None, 2)

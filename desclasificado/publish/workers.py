"""Share a build's work out among processes forked from it.

The build's state (the checked collection, its index, the planned sites, the engine's
templates) is inherited by each forked child, so nothing is sent to it; only what it learnt
that the parent needs comes back (its `report`). Each process does the share its number
gives it, from the same state, so the output is the same whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def share_out(work: Callable[[int, int], None], report: Callable[[], T], workers: int) -> list[T]:
    """`work(number, workers)` on `workers` processes: number 0 here, the others in forked
    children, which then send back `report()`; the children's reports, in order. What a
    child raises is raised here (with its notes, which name the page); no child outlives
    the call."""
    if workers <= 1:
        work(0, 1)
        return []
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for number in range(1, workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(work, report, number, workers, send))
            process.start()
            send.close()
            children.append((process, receive))
        work(0, workers)
        return [_outcome(process, receive) for process, receive in children]
    finally:  # after a failure, no child goes on writing into a site being thrown away
        for process, _receive in children:
            if process.is_alive():
                process.terminate()
            process.join()


def _child(work: Callable[[int, int], None], report: Callable[[], Any], number: int,
           workers: int, send: Any) -> None:
    """A forked child: its share of the work, then its report (or its error, as text)."""
    try:
        work(number, workers)
        send.send((True, report()))
    except BaseException as exc:  # reported to the parent, which raises it
        try:  # the exception itself, with its notes (the page), if it survives the trip
            send.send_bytes(pickle.dumps((False, pickle.loads(pickle.dumps(exc)))))
        except Exception:  # one that cannot be pickled and unpickled: its traceback, as text
            send.send((False, traceback.format_exc()))
    finally:
        send.close()
        os._exit(0)


def _outcome(process: Any, receive: Any) -> Any:
    """A child's report; RuntimeError if it failed or died without one."""
    try:
        done, outcome = receive.recv()
    except EOFError:  # it died without a word (killed, out of memory)
        process.join()
        raise RuntimeError(f"a worker of the build stopped (exit code {process.exitcode})") from None
    if done:
        return outcome
    if isinstance(outcome, BaseException):
        raise outcome
    raise RuntimeError(f"a worker of the build failed:\n{outcome}")

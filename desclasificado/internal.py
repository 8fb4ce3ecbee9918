"""Unexpected internal errors: one line and a hint to report them, the traceback on request.

A mistake in the content is a problem with a file, a line and a fix (`problems.py`); an
exception that escapes the program is a bug in it. It is shown as one line naming the
exception, and a hint to report it. With ``DESCLASIFICADO_DEBUG=1`` in the environment the
traceback follows, for whoever fixes the bug.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TextIO

DEBUG_VARIABLE = "DESCLASIFICADO_DEBUG"


def debugging() -> bool:
    """True when the environment asks for tracebacks."""
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def describe(exc: BaseException) -> str:
    """The exception as one line: its type, the first line of its message, and its notes
    (such as the page being rendered)."""
    message = str(exc).strip().splitlines()
    line = f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
    notes = [str(note) for note in getattr(exc, "__notes__", ())]
    return ", ".join([line, *notes])


def report_internal_error(exc: BaseException, outcome: str = "", file: TextIO | None = None) -> None:
    """Print that `exc` is an internal error, what it left behind (`outcome`), and the hint."""
    stream = file or sys.stdout
    print(f"error: internal error ({describe(exc)}){f'; {outcome}' if outcome else ''}", file=stream)
    hint = ("this is a bug in Desclasificado, not a problem in the content: please report it, "
            "with the command you ran and this message")
    if debugging():
        print(f"hint: {hint}; the traceback follows", file=stream)
        traceback.print_exception(exc, file=stream)
    else:
        print(f"hint: {hint} (run it again with {DEBUG_VARIABLE}=1 to see the traceback)", file=stream)

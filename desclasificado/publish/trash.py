"""The old site, deleted by a process of its own once the new one is in place.

Deleting a site file by file is what a build after one edit waited on most (52 s of 131 s
at 10,000 realistic events, 7 December 2026: about 75,000 files and 40,000 folders, on a
disk where removing a folder takes 0.14 ms in a quiet moment and several times that under
load). With the cache, the old site is instead renamed into the cache's `trash/` folder
(one rename: the cache is the project's, git-ignored, and on the same file system as the
site by default) and a detached process deletes everything there while the build returns.
A deletion that could not finish (the computer stopped) is taken up by the next build's.
Where the rename cannot be made (a site on another file system than the cache), the caller
deletes the old site itself, as without a cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TRASH = "trash"  # in the cache's folder
#: The deleting process: it forks at once and its first process exits, so that the build
#: waits for nothing and leaves no child behind; the other deletes, niced.
_DELETE = """\
import os, shutil, sys
if os.fork():
    os._exit(0)
try:
    os.nice(10)
except OSError:
    pass
for path in sys.argv[1:]:
    shutil.rmtree(path, ignore_errors=True)
"""


class Deleting:
    """The detached deletion of the trash, started; `wait()` for its first process to go
    (the deletion itself goes on)."""

    def __init__(self, process: subprocess.Popen[bytes]):
        self.process = process

    def wait(self) -> None:
        self.process.wait()


class Left:
    """The trash left for the next build's deletion (no process could be started)."""

    def wait(self) -> None:
        """Nothing to wait for."""


def throw_away(folder: Path, trash: Path) -> Deleting | Left | None:
    """Move `folder` into `trash` and start deleting whatever `trash` holds, in a process
    of its own; None if `folder` could not be moved there or no such process could be
    started at all (no `fork`): it is where it was, for the caller to delete."""
    if not hasattr(os, "fork"):
        return None
    try:
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(folder, trash / folder.name)
    except OSError:
        return None
    try:
        return start_deleting(trash) or Left()
    except OSError:  # no process now (too many, no memory): the next build's deletes it
        return Left()


def start_deleting(trash: Path) -> Deleting | None:
    """Delete what `trash` holds, in a detached process (None if there is nothing)."""
    with os.scandir(trash) as found:
        entries = sorted(entry.path for entry in found)
    if not entries:
        return None
    return Deleting(subprocess.Popen(
        [sys.executable, "-c", _DELETE, *entries], stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
        start_new_session=True, cwd=trash))


__all__ = ["TRASH", "Deleting", "Left", "start_deleting", "throw_away"]

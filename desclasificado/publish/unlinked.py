"""Read a file that is published, refusing symbolic links at the moment it is read.

A link (the file itself, or a folder on the way to it, `pages/` included) could publish
anything the build can read (`/proc/self/environ`, a key, a file outside the project). The
check refuses the links it sees, but one can be dropped in while the site builds: every
published file of the project is therefore opened here, one path component at a time with
O_NOFOLLOW, and its bytes are what the engine publishes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath

_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)


class LinkRefused(Exception):
    """A published file is (or is reached through) a symbolic link; the message says which."""


def read_unlinked(root: Path, relative: str) -> bytes:
    """The bytes of `root`/`relative`; LinkRefused if it, or any folder between `root` and it,
    is a symbolic link or not a regular file. `root` itself is trusted (the project)."""
    parts = PurePosixPath(relative).parts
    if not parts or ".." in parts or PurePosixPath(relative).is_absolute():
        raise LinkRefused(f"{relative}: not a file inside the project")
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for depth, part in enumerate(parts[:-1]):
            parent, fd = fd, -1  # _step closes the parent
            fd = _step(parent, part, _DIR, "/".join(parts[:depth + 1]))
        parent, fd = fd, -1
        fd = _step(parent, parts[-1], _FILE, relative)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LinkRefused(f"{relative}: not a regular file: only files can be published")
        with os.fdopen(fd, "rb") as stream:
            fd = -1
            return stream.read()
    finally:
        if fd >= 0:
            os.close(fd)


def _step(parent: int, name: str, flags: int, shown: str) -> int:
    """Open `name` in the folder `parent` (closed here) without following a link."""
    try:
        return os.open(name, flags, dir_fd=parent)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and stat.S_ISLNK(
                os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode):
            raise LinkRefused(f"{shown}: a symbolic link cannot be published: replace the "
                              "link with the file itself") from None
        raise
    finally:
        os.close(parent)

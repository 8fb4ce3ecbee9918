"""Files of the site put in place whole: `serve` rebuilds the preview while it serves it.

A file there is never written through (it may be a hard link to a page the cache keeps,
`pagecache.py`), and a reader gets the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_whole(target: Path, data: bytes) -> None:
    """Write a file of the site: a new file, or one put in the place of the file there in
    one rename (never written through: it may be a link to a kept page; and `serve`,
    which rebuilds while it serves, serves the old file or the new one, never half of
    one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as out:  # a fresh site: nothing there, nobody reading
            out.write(data)
        return
    except FileExistsError:
        pass
    partial = beside(target)
    partial.write_bytes(data)
    os.replace(partial, target)


def beside(target: Path) -> Path:
    """A name beside `target` for its next version, this process's and thread's own."""
    return target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")


__all__ = ["beside", "write_whole"]

"""Which files `python build.py check PATH...` reports on.

Paths are taken as the shell gives them: relative to the current folder (which may be a
subfolder such as events/) or absolute. Each must exist inside the project, in one of
the content folders or pages/; a folder stands for every file in it. The whole collection is
still checked, so that references between files are verified; only the report is limited.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desclasificado.load.records import KINDS, PAGES

FOLDERS = (*KINDS, PAGES)


@dataclass(frozen=True)
class Selection:
    """The named files and folders, as paths relative to the project root (posix)."""

    files: frozenset[str]
    folders: tuple[str, ...]

    def __contains__(self, path: str) -> bool:
        return path in self.files or any(path.startswith(f + "/") for f in self.folders)


def select(paths: Iterable[Path], root: Path, cwd: Path | None = None) -> tuple[Selection,
                                                                                list[str]]:
    """The selection named by `paths`, and one message per path that cannot be checked."""
    cwd = cwd or Path.cwd()
    root = root.resolve()
    files: set[str] = set()
    folders: list[str] = []
    errors = []
    for path in paths:
        named = Path(os.path.abspath(cwd / path))  # a link is named, not followed
        absolute = named.parent.resolve() / named.name if named.name else named.resolve()
        if not os.path.lexists(absolute):
            errors.append(f"{path}: error: no such file or folder (from {cwd})")
            continue
        try:
            rel = absolute.relative_to(root).as_posix()
        except ValueError:
            errors.append(f"{path}: error: outside the project folder {root}")
            continue
        if rel == ".":
            folders.extend(FOLDERS)
        elif rel.split("/")[0] not in FOLDERS:
            errors.append(f"{path}: error: not a record: only files in "
                          f"{', '.join(k + '/' for k in FOLDERS)} are checked")
        elif absolute.is_dir() and not absolute.is_symlink():
            folders.append(rel)
        else:
            files.add(rel)
    return Selection(frozenset(files), tuple(folders)), errors

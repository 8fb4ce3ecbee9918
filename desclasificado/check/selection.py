"""Which files `python build.py check PATH...` reports on.

Paths are taken as the shell gives them: relative to the current folder (which may be a
subfolder such as events/) or absolute. Each must exist inside the project, in one of
the content folders; a folder stands for every file in it. The whole collection is
still checked, so that references between files are verified; only the report is limited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desclasificado.load.records import KINDS


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
        absolute = (cwd / path).resolve()
        if not absolute.exists():
            errors.append(f"{path}: error: no such file or folder (from {cwd})")
            continue
        try:
            rel = absolute.relative_to(root).as_posix()
        except ValueError:
            errors.append(f"{path}: error: outside the project folder {root}")
            continue
        if rel == ".":
            folders.extend(KINDS)
        elif rel.split("/")[0] not in KINDS:
            errors.append(f"{path}: error: not a record: only files in "
                          f"{', '.join(k + '/' for k in KINDS)} are checked")
        elif absolute.is_dir():
            folders.append(rel)
        else:
            files.add(rel)
    return Selection(frozenset(files), tuple(folders)), errors

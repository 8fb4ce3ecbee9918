"""Where the shared, read-only data is: ``../shared`` beside the repository.

From a git worktree (``git worktree add``) the folder beside the worktree is usually not there;
then the one beside the main checkout is used. ``DESCLASIFICADO_SHARED`` overrides both.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def find_shared() -> Path:
    """The shared folder (which may not exist: the tests that need it then skip)."""
    if os.environ.get("DESCLASIFICADO_SHARED"):
        return Path(os.environ["DESCLASIFICADO_SHARED"])
    beside = REPO.parent / "shared"
    git = REPO / ".git"
    if beside.is_dir() or not git.is_file():
        return beside
    # A worktree's .git file reads "gitdir: <main checkout>/.git/worktrees/<name>".
    found = re.match(r"gitdir:\s*(.+?)\s*$", git.read_text(encoding="utf-8"))
    if not found:
        return beside
    main = Path(found.group(1)).parents[2]
    return main.parent / "shared" if (main.parent / "shared").is_dir() else beside


SHARED = find_shared()

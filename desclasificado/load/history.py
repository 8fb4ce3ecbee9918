"""When each record last changed, from the project's git history: one `git log` call.

Read only when the build runs in a checkout with its whole history: a shallow clone (CI's
usual `fetch-depth: 1`) would date every file to its one commit, so it gives nothing, as
does a folder that is not a checkout or a machine without git. Keys are paths relative to
the project ("events/x.yaml"), values the day of the latest commit that touched the file
(its committer date, as git records it, so the same commit always gives the same day).
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

FOLDERS = ("events",)


def last_changed(root: Path, folders: tuple[str, ...] = FOLDERS) -> dict[str, datetime.date]:
    """The day each file under `folders` last changed in git ({} without a full history)."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return {}
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative",
               "--", *folders)
    return parse_log(log or "")


def parse_log(log: str) -> dict[str, datetime.date]:
    """The first (newest) day of each path in `git log --format=%x00%cs --name-only`."""
    changed: dict[str, datetime.date] = {}
    day: datetime.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = datetime.date.fromisoformat(line[1:])
        elif line and day is not None:
            changed.setdefault(line, day)
    return changed


def _git(root: Path, *args: str) -> str | None:
    """git's output in `root`, None when git is missing or fails."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None

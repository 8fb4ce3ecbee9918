#!/usr/bin/env python3
"""Build the site of two git revisions and say which files differ.

    python tools/compare_builds.py                 # HEAD against the working tree
    python tools/compare_builds.py main HEAD       # two revisions
    python tools/compare_builds.py main --keep     # keep both sites (printed) to diff by hand

Each revision is checked out into a temporary worktree (the working tree is used as it is
for "."), built with SOURCE_DATE_EPOCH set, so that equal sources give equal bytes, and the
two sites are compared file by file. Exit 0 when they are byte-identical, 1 when not (the
differing, added and removed files are listed), 2 when a build fails. It is how a refactoring
shows that the site did not change (issue 12's "byte-for-byte the same").
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EPOCH = "1700000000"


def checkout(revision: str, into: Path) -> Path:
    """The sources of `revision` ("." = the working tree as it is)."""
    if revision == ".":
        return REPO
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(into),
                    revision], check=True)
    return into


def build(sources: Path, site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    done = subprocess.run([sys.executable, str(sources / "build.py"), "--site-dir", str(site)],
                          cwd=sources, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: the build of {sources} failed:\n{done.stdout}{done.stderr}")


def differences(left: Path, right: Path) -> list[str]:
    """Lines '~ path' (differ), '- path' (only left), '+ path' (only right)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"- {prefix}{name}" for name in sorted(cmp.left_only))
        found.extend(f"+ {prefix}{name}" for name in sorted(cmp.right_only))
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"~ {prefix}{name}" for name in sorted(mismatch + errors))
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def compare(old: str, new: str, keep: bool = False) -> int:
    work = Path(tempfile.mkdtemp(prefix="compare-builds-"))
    trees = []
    try:
        sites = []
        for n, revision in enumerate((old, new)):
            sources = checkout(revision, work / f"src{n}")
            if sources != REPO:
                trees.append(sources)
            sites.append(work / f"site{n}")
            build(sources, sites[-1])
        found = differences(*sites)
        print("\n".join(found) if found else f"identical: {old} and {new} build the same site")
        if keep:
            print(f"sites kept in {sites[0]} and {sites[1]}")
        return 1 if found else 0
    finally:
        for tree in trees:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                           check=False)
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", nargs="?", default="HEAD", help="a revision (default HEAD)")
    parser.add_argument("new", nargs="?", default=".", help='a revision, or "." for the '
                        "working tree (the default)")
    parser.add_argument("--keep", action="store_true", help="keep both sites")
    args = parser.parse_args(argv)
    return compare(args.old, args.new, args.keep)


if __name__ == "__main__":
    sys.exit(main())

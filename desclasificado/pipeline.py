"""The build, top to bottom: load -> check -> index -> plan -> render and write -> search
index -> swap.

`build()` is what `python build.py` runs, and reads like mkdocs' `commands/build.py`: it
reads and validates everything first, and only then writes. Each stage is a package
(`load/`, `check/`, `index.py`, `render/`, `publish/`); state is passed along on objects
(the check result, the index, the `SiteBuild` the engine's hooks use), never kept in
module globals. Nothing here prints: the command line (`cli.py`) reports what `build()`
returns or raises.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desclasificado.check.project import CheckResult, check_project
from desclasificado.index import build_index
from desclasificado.publish.assets import minify_styles
from desclasificado.publish.build import (
    BuildRefused,
    index_site,
    linked_files,
    recover_leftovers,
    run_engine,
    site_target,
    staging,
    swap,
)
from desclasificado.publish.plugin import SiteBuild
from desclasificado.publish.trash import TRASH
from desclasificado.publish.workers import cores


class ContentErrors(Exception):
    """The content has errors: nothing was built. `result` holds every problem."""

    def __init__(self, result: CheckResult):
        super().__init__(result.summary())
        self.result = result


@dataclass
class Built:
    """A site built and moved into place."""

    result: CheckResult
    pages: int
    target: Path
    seconds: float
    reused: int = 0  # generated pages taken from the cache of the last build
    rendered: int = 0  # generated pages rendered (and kept in the cache, if there is one)


def build(root: Path, site_dir: Path | None = None,
          checked: Callable[[CheckResult], None] | None = None,
          site_url: str | None = None, note: Callable[[str], None] | None = None,
          workers: int | None = None, cache: Path | None = None) -> Built:
    """Check the project at `root` and build its site into `site_dir` (default root/site).

    `site_url` overrides the address in mkdocs.yml; `workers` is how many processes write
    the generated pages (default: one per core); `cache`, the folder where the pages of
    the last build are kept and reused where nothing they read changed (None: no cache,
    every page rendered; `publish/pagecache.py`). `checked(result)` is called once the
    content is checked, before anything is written (the command line prints the problems
    then); `note(line)` with what was recovered from builds that were killed. Raises
    BuildRefused (a target that must not be replaced), ContentErrors,
    publish.build.BuildFailed (the engine or the theme), OSError (a file that cannot be
    written); the previous site stays in every case.
    """
    started = time.perf_counter()
    root = root.resolve()
    target = site_target(root, site_dir)                   # where, and may it be replaced?
    for line in recover_leftovers(target):                 # what killed builds left behind
        (note or _ignore)(line)
    result = check_project(root)                           # load + check: every problem at once
    result.problems.extend(linked_files(root))
    if checked is not None:
        checked(result)
    if not result.ok:
        raise ContentErrors(result)
    index = build_index(result.collection)                 # index: cross-references, once
    workers = cores() if workers is None else workers
    site_build = SiteBuild(result, index, workers, cache)  # plan: when the engine lists files
    with staging(target) as fresh:                         # a fresh directory beside the target
        pages = run_engine(root, fresh, site_build, site_url)  # render and write, page by page
        minify_styles(fresh)                               # the theme's CSS, minified
        index_site(fresh, cache)                           # the search index, in shards
        kept = site_build.cache                            # its pages, for the next build,
        swap(fresh, target, kept.save if kept else None,   # saved as the new site replaces the
             cache / TRASH if cache else None)             # old, deleted by a process of its own
    return Built(result, pages, target, time.perf_counter() - started,
                 kept.reused if kept else 0, kept.rendered if kept else 0)


def _ignore(line: str) -> None:
    """A note nobody asked for."""


__all__ = ["BuildRefused", "Built", "ContentErrors", "build"]

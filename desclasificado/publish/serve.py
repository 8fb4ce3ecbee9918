"""`python build.py serve`: the engine's development server with live reload.

It watches the content folders, the contributors' guides, the pages and the theme. Content
errors are printed and the server waits for a change, then tries again. Each rebuild
writes over the site being served rather than into an emptied folder (the engine's "dirty"
build); after an edit of the content, the edited pages are written and served first, the
rest of the site and the search index after (`preview.py`).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desclasificado.publish import engine, preview
from desclasificado.publish.build import CONFIG_FILE, CONTENT_DIRS, SOURCE_PATHS
from desclasificado.publish.plugin import GUIDE_FILES, watched_sources


def serve_site(root: Path, dev_addr: str = "127.0.0.1:8000") -> int:
    """Preview the site with live reload; content errors print and the server waits."""
    root = root.resolve()
    watch = [str(root / name) for name in CONTENT_DIRS if (root / name).is_dir()]
    watch += [str(root / name) for name in GUIDE_FILES.values() if (root / name).is_file()]
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    while True:
        try:
            with preview.active(), _quiet_builds():
                engine.serve(config_file=str(root / CONFIG_FILE), livereload=True,
                             watch_theme=True, watch=watch, dev_addr=dev_addr, strict=True,
                             build_type="dirty")
            return 0
        except engine.Abort as exc:
            print(exc, file=sys.stderr)
            print("waiting for a change to the content, pages or theme...", file=sys.stderr)
            _wait_for_change([root / p for p in SOURCE_PATHS if p != "desclasificado"])


def rebuild(root: Path, site_dir: Path, serve_url: str) -> None:
    """A rebuild of the preview of `root` in `site_dir`, as the engine's server runs it on
    each change (within `preview.active()`, as in `serve_site`: its first pass, the second
    then in a thread, `Preview.wait`): for the tests and the benchmark."""
    def build() -> None:
        config = engine.load_config(config_file=str(root / CONFIG_FILE),
                                    site_dir=str(site_dir), strict=True)
        config.site_url = serve_url
        with _quiet_builds():
            engine.build(config, serve_url=serve_url, dirty=True)

    live = preview.ACTIVE
    if live is None:
        build()
        return
    config = engine.load_config(config_file=str(root / CONFIG_FILE), site_dir=str(site_dir))
    live.rebuild(root, site_dir, build, watched_sources(config))


class _Quiet(logging.Filter):
    """The engine warns at each "dirty" build that its navigation may be inaccurate (a
    warning, so a strict build fails): not so here, every page is written at each build.
    And a second pass stopped while the engine renders a page is no error of the page."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Error building page "):
            return preview.ACTIVE is None or not preview.ACTIVE.cancelling()
        return not message.startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _quiet_builds() -> Iterator[None]:
    logger, quiet = logging.getLogger(f"{engine.LOGGER_NAME}.commands.build"), _Quiet()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


def _wait_for_change(paths: list[Path], interval: float = 1.0) -> None:
    """Block until a file under `paths` is added, removed or modified."""
    def snapshot() -> set[tuple[str, int, int]]:
        found = set()
        for path in paths:
            for file in ([path] if path.is_file() else path.rglob("*") if path.is_dir() else []):
                with contextlib.suppress(OSError):
                    stat = file.stat()
                    found.add((str(file), stat.st_mtime_ns, stat.st_size))
        return found

    before = snapshot()
    while snapshot() == before:
        time.sleep(interval)

"""Stage 5, build: check, render through MkDocs into a temporary directory, swap it in.

`build_site()` is what `python build.py` runs. The content is checked first (problems
print exactly as `python build.py check` prints them); MkDocs then builds, strictly,
into a fresh directory next to the target; only when everything succeeded is the new
site moved into place (the old one renamed aside, then deleted). A failure leaves the
previous site untouched, removes the temporary directory and returns 1 with one message, whatever
the failure: content errors, a broken template, a full disk, an internal error (one line and
a hint to report it, see `internal.py`) or an interrupt (which propagates, after cleaning
up). `serve_site()` runs MkDocs' development server with live reload on the content, the
pages and the theme.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from desclasificado.check.project import CheckResult, check_project
from desclasificado.internal import report_internal_error
from desclasificado.problems import Problem
from desclasificado.publish import engine

CONTENT_DIRS = ("events", "documents", "actors", "themes")
GUIDE_FILE = "CONTRIBUTING.md"  # published as the page below (mkdocs_hooks)
GUIDE_PAGE = "contribute/guide.md"
SOURCE_PATHS = (*CONTENT_DIRS, "pages", "theme", "desclasificado", "mkdocs.yml", GUIDE_FILE)
CONFIG_FILE = "mkdocs.yml"
TEMP_PREFIX = ".build-tmp-"
LINK_FREE = ("theme",)  # MkDocs would follow a link there and publish its target (the check
# refuses links in pages/ and the content folders itself)
# MkDocs logs "Error building page 'x': ..." before re-raising; the build reports the error once.
_ENGINE_ECHO = re.compile(r"Error (?:building|reading) page ")

# A check result handed from build_site() to the MkDocs hooks, so one build checks once.
_PREPARED: dict[Path, CheckResult] = {}


class BuildFailed(Exception):
    """The site could not be built; the message says why."""


def prepared(root: Path) -> CheckResult:
    """The check result `build_site()` just computed for `root`, else a fresh check."""
    return _PREPARED.pop(root.resolve(), None) or check_project(root)


def refusal(root: Path, target: Path) -> str | None:
    """Why `target` must not be (re)placed by a build of `root`, or None if it may."""
    root, target = root.resolve(), target.resolve()
    if target == root or root.is_relative_to(target):
        return f"{target} contains the project's sources: choose another --site-dir"
    for name in SOURCE_PATHS:
        source = root / name
        if target == source or source.is_relative_to(target) or target.is_relative_to(source):
            return (f"{target} overlaps the project's sources ({name}): choose another "
                    "--site-dir")
    if target.exists() and not target.is_dir():
        return f"{target} is a file, not a directory"
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        return (f"{target} is not empty and is not a site built here (no index.html): "
                "refusing to replace it")
    return None


def copy_site_config(repo: Path, root: Path) -> None:
    """Give the project at `root` the mkdocs.yml, pages and contributor guide of the
    checkout `repo`, with the theme and hooks of `repo` (by absolute path): how the tests
    and the benchmarks build projects made elsewhere."""
    text = (repo / CONFIG_FILE).read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {repo / 'theme'}")
    text = text.replace("- desclasificado/publish/hooks.py",
                        f"- {repo / 'desclasificado' / 'publish' / 'hooks.py'}")
    (root / CONFIG_FILE).write_text(text, encoding="utf-8")
    shutil.copytree(repo / "pages", root / "pages", dirs_exist_ok=True)
    shutil.copyfile(repo / GUIDE_FILE, root / GUIDE_FILE)


def build_site(root: Path, site_dir: Path | None = None, style: str = "text") -> int:
    """Check and build the site into `site_dir` (default `root/site`); 0 on success."""
    root = root.resolve()
    target = (site_dir or root / "site").resolve()
    shown = _shown(target, root)
    started = time.perf_counter()
    reason = refusal(root, target)
    if reason:
        print(f"error: {reason}")
        return 1
    failed = f"error: the site was not built: fix the errors above ({shown} is unchanged)"
    try:
        result = check_project(root)
    except Exception as exc:  # a bug, not a content problem
        report_internal_error(exc, f"the site was not built ({shown} is unchanged)")
        return 1
    result.problems.extend(linked_files(root))
    for problem in result.problems:
        print(problem.format(style))
    if not result.ok:
        print(result.summary())
        print(failed)
        return 1
    try:
        pages = _build_and_swap(root, target, result)
    except BuildFailed as exc:
        print(exc)
        print(failed)
        return 1
    except OSError as exc:
        print(_os_message(exc))
        print(failed)
        return 1
    except Exception as exc:  # a bug, not a content problem
        report_internal_error(exc, f"the site was not built ({shown} is unchanged)")
        return 1
    print(f"{result.summary()}\nbuilt {pages:,} pages into {shown} in "
          f"{time.perf_counter() - started:.1f} s")
    return 0


def linked_files(root: Path) -> list[Problem]:
    """Symbolic links in theme/: MkDocs follows them and would publish whatever they point
    at (the loader refuses links in the content folders and pages/ itself)."""
    found = []
    for folder in LINK_FREE:
        for parent, dirs, files in os.walk(root / folder):
            for name in sorted(dirs + files):
                path = Path(parent, name)
                if path.is_symlink():
                    found.append(Problem(path.relative_to(root).as_posix(), 1, 1, "symbolic links "
                                         f"are not allowed in {folder}/: replace the link with the "
                                         "file itself"))
    return found


def _build_and_swap(root: Path, target: Path, result: CheckResult) -> int:
    """Build into a temporary directory next to `target`, then move it into place.

    Raises BuildFailed for what the engine or the theme report, OSError when a file cannot be
    written; the temporary directory is removed in every case, an interrupt included.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=target.parent))
    try:
        _PREPARED[root] = result
        with _engine_messages():
            config = engine.load_config(config_file=str(root / CONFIG_FILE),
                                        site_dir=str(fresh), strict=True)
            engine.build(config)
        pages = sum(1 for _ in fresh.rglob("*.html"))
        _swap(fresh, target)
        return pages
    except engine.Abort as exc:
        raise BuildFailed(str(exc)) from None
    except engine.TemplateError as exc:
        raise BuildFailed(_template_message(exc)) from None
    except OSError:
        raise
    except Exception as exc:
        if exc.__class__.__module__.startswith(engine.ENGINE):
            raise BuildFailed(str(exc)) from None
        raise
    finally:
        _PREPARED.pop(root, None)
        shutil.rmtree(fresh, ignore_errors=True)


def _swap(fresh: Path, target: Path) -> None:
    """Replace `target` by `fresh`: rename the old one aside, move in, delete the old.

    If anything stops it half way (an error, an interrupt), the old site is put back.
    """
    if not target.exists():
        os.replace(fresh, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "old-", dir=target.parent))
    old = aside / "site"
    try:
        os.replace(target, old)
        os.replace(fresh, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _template_message(exc: Exception) -> str:
    """A theme template's error in one line, with the template and line when known."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    where = "the theme's templates"
    if name:
        where = f"the theme's template {Path(name).name}" + (f", line {line}" if line else "")
    message = str(getattr(exc, "message", None) or exc).rstrip(".")
    return f"error: in {where}: {message}: fix the template"


def _os_message(exc: OSError) -> str:
    """A file that could not be read or written, in one line, with what to do about it."""
    where = f" ({exc.filename})" if exc.filename else ""
    advice = {errno.ENOSPC: "free some disk space and build again",
              errno.EDQUOT: "free some disk space and build again",
              errno.EACCES: "check the permissions of the site's directory",
              errno.EROFS: "build into a directory that can be written (--site-dir)"}
    hint = advice.get(exc.errno or 0)
    return (f"error: the build could not write or read a file: {exc.strerror or exc}{where}"
            + (f": {hint}" if hint else ""))


@contextlib.contextmanager
def _engine_messages() -> Iterator[None]:
    """Print the engine's warnings and errors (one line each) while it runs."""
    logger = logging.getLogger(engine.LOGGER_NAME)
    handler = logging.StreamHandler(sys.stdout)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(lambda record: not _ENGINE_ECHO.match(record.getMessage()))
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _shown(target: Path, root: Path) -> str:
    """The target as printed: relative to the project when inside it."""
    try:
        return target.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(target)


def serve_site(root: Path, dev_addr: str = "127.0.0.1:8000") -> int:
    """Preview the site with live reload; content errors print and the server waits."""
    root = root.resolve()
    watch = [str(root / name) for name in CONTENT_DIRS if (root / name).is_dir()]
    watch += [str(root / GUIDE_FILE)] if (root / GUIDE_FILE).is_file() else []
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    while True:
        try:
            engine.serve(config_file=str(root / CONFIG_FILE), livereload=True,
                         watch_theme=True, watch=watch, dev_addr=dev_addr, strict=True)
            return 0
        except engine.Abort as exc:
            print(exc, file=sys.stderr)
            print("waiting for a change to the content, pages or theme...", file=sys.stderr)
            _wait_for_change([root / p for p in SOURCE_PATHS if p != "desclasificado"])


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

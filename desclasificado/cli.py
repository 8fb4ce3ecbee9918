"""The command line: a thin layer over the library that prints one line per problem.

Every content problem becomes a message and exit code 1. An exception that escapes a
command is a bug in this program, never a mistake in the content: it is shown as one line
and a hint to report it (`internal.py`), with the traceback only when DESCLASIFICADO_DEBUG=1.
Ctrl-C and SIGTERM (a cancelled CI job, `kill`) interrupt the same way: temporary files are
removed and nothing is half-written.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from desclasificado.archives.indexcsv import FRUS_INDEX, JFK_INDEX, describe
from desclasificado.check.project import CheckResult, check_project
from desclasificado.check.selection import Selection, select
from desclasificado.check.translations import language_problem, missing_summary, missing_translations
from desclasificado.contribute.quoting import add_quote_command
from desclasificado.contribute.scaffold import add_new_command
from desclasificado.internal import report_internal_error
from desclasificado.publish.pagecache import CACHE_DIR

Command = Callable[[argparse.Namespace, Path], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        _COMMANDS[name] = func
        return func
    return register


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Check the collection and build the Desclasificado site.")
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="build the site into this directory instead of site/")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="the address the site is published at (overrides mkdocs.yml)")
    parser.add_argument("--workers", type=_workers, default=None, metavar="N",
                        help="processes rendering the pages (default: one per core)")
    parser.add_argument("--no-cache", action="store_true",
                        help="render every page, without reusing those of the last build")
    sub = parser.add_subparsers(dest="command")
    _build_options(sub.add_parser("build", help="check, then build the site into site/ "
                                                "(the default)"))
    serve = sub.add_parser("serve", help="preview the site, rebuilt whenever a file changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="address to serve on (default 127.0.0.1:8000)")
    check = sub.add_parser("check", help="validate every record (no site is built)")
    check.add_argument("paths", nargs="*", type=Path,
                       help="report only on these files (checked against the whole collection)")
    check.add_argument("--format", choices=("auto", "text", "github"), default="auto",
                       help="github: GitHub Actions annotations (default when GITHUB_ACTIONS "
                            "is set)")
    check.add_argument("--no-quotes", action="store_true",
                       help="skip verifying quotes against transcripts")
    check.add_argument("--missing-translation", metavar="LANG", default=None,
                       help="also list every event, actor and theme without a translation "
                            "into LANG (e.g. es), with a count; a report, not an error")
    schema = sub.add_parser("schema", help="write the JSON Schemas into schemas/")
    schema.add_argument("--check", action="store_true",
                        help="only report whether schemas/ is up to date")
    imp = sub.add_parser("import-rif", help="register documents from transcripts with a JFK "
                         "identification form", epilog=describe(JFK_INDEX),
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("files", nargs="+", type=Path, help="transcripts, or folders of transcripts")
    imp.add_argument("--force", action="store_true", help="overwrite existing documents")
    imp.add_argument("--index", type=Path, default=None,
                     help="a CSV table of transcripts and their releases, for the PDF addresses "
                          "and the OCR's provenance (its columns: below)")
    imp.add_argument("--catalog", type=Path, default=None,
                     help="NARA's catalogue as CSV: fills what the form leaves empty, reports disagreements")
    imp.add_argument("--no-form", action="store_true",
                     help="for a transcript without an identification form, write a skeleton record")
    imp.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes reading forms")
    imp.add_argument("--details", action="store_true", help="each file's warnings, even on long runs")
    frus = sub.add_parser("import-frus", help="register FRUS documents from the Office of the "
                          "Historian's TEI XML", epilog=describe(FRUS_INDEX),
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    frus.add_argument("files", nargs="+", type=Path,
                      help="TEI files (whole volumes or single documents), or folders of them")
    frus.add_argument("--force", action="store_true", help="overwrite existing documents")
    frus.add_argument("--index", type=Path, default=None,
                      help="a CSV table of documents with their printed pages and commits (its "
                           "columns: below); a folder's own index.csv is used when there is one")
    add_new_command(sub)
    add_quote_command(sub)
    return parser


def main(argv: Sequence[str] | None = None, root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    project_root = (args.root or root or Path.cwd()).resolve()
    name = args.command or "build"
    if name not in _COMMANDS:
        print(f"error: the '{name}' command is not available", file=sys.stderr)
        return 2
    try:
        with _terminate_as_interrupt():
            return _COMMANDS[name](args, project_root)
    except KeyboardInterrupt as exc:  # a message when something was changed (publish.build)
        print(str(exc) or "interrupted: nothing was changed", file=sys.stderr)
        return 130
    except Exception as exc:
        report_internal_error(exc, file=sys.stderr)
        return 1


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While a command runs, SIGTERM unwinds like Ctrl-C, so that `finally` blocks remove
    temporary files (by default SIGTERM ends the process on the spot)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _style(choice: str) -> str:
    if choice == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice


@command("check")
def run_check(args: argparse.Namespace, root: Path) -> int:
    selection, path_errors = select(args.paths, root)
    lang = args.missing_translation
    if lang is not None and language_problem(lang):
        path_errors.append(f"error: {language_problem(lang)}")
    if path_errors:
        print("\n".join(path_errors), file=sys.stderr)
        return 2
    result = check_project(root, verify_quotes=not args.no_quotes)
    problems = result.problems
    if args.paths:
        problems = [p for p in problems if p.path in selection]
    style = _style(args.format)
    for problem in problems:
        print(problem.format(style))
    errors = sum(p.severity == "error" for p in problems)
    if args.paths:
        print(f"checked {len(args.paths)} file(s) against the collection: "
              f"{errors} error{'s' if errors != 1 else ''}")
    else:
        print(result.summary())
    if lang is not None:
        _report_missing(result, lang, selection if args.paths else None)
    return 1 if errors else 0


def _report_missing(result: CheckResult, lang: str, selection: Selection | None) -> None:
    """The --missing-translation report: one line per record, then the count."""
    missing = missing_translations(result.collection, lang)
    if selection is not None:
        missing = [m for m in missing if m.path in selection]
    for item in missing:
        print(item.format())
    print(missing_summary(result.collection, lang, missing, named_files=selection is not None))


@command("build")
def run_build(args: argparse.Namespace, root: Path) -> int:
    site_dir = getattr(args, "site_dir", None)
    return build_and_report(root, site_dir.resolve() if site_dir else None,
                            style=_style(getattr(args, "format", "auto")),
                            site_url=getattr(args, "site_url", None),
                            workers=getattr(args, "workers", None),
                            cache=not getattr(args, "no_cache", False))


def _build_options(build: argparse.ArgumentParser) -> None:
    """The options of `build`."""
    build.add_argument("--site-dir", type=Path, default=argparse.SUPPRESS,
                       help="build into this directory instead of site/")
    build.add_argument("--site-url", default=None, metavar="URL",
                       help="the address the site is published at (overrides site_url in "
                            "mkdocs.yml): the sitemap, oEmbed and the Cite and Embed "
                            "addresses need it")
    build.add_argument("--workers", type=_workers, default=argparse.SUPPRESS, metavar="N",
                       help="processes rendering the pages (default: one per core; the site "
                            "is the same with any number)")
    build.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS,
                       help=f"render every page: do not reuse the pages the last build kept "
                            f"in {CACHE_DIR}/ (the site is the same either way)")


def _workers(text: str) -> int:
    """`--workers N`: a whole number, 1 or more."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes: give 1 or more")
    return int(text)


def build_and_report(root: Path, site_dir: Path | None = None, style: str = "text",
                     site_url: str | None = None, workers: int | None = None,
                     cache: bool = True) -> int:
    """`pipeline.build()`, printed: the problems, then what was built or why not; 0 on success.
    With `cache`, the pages that did not change since the last build are reused from
    root/.build-cache/."""
    from desclasificado import pipeline
    from desclasificado.publish.build import BuildFailed, engine_messages, os_message, shown

    root = root.resolve()
    where = shown((site_dir or root / "site").resolve(), root)
    failed = f"error: the site was not built: fix the errors above ({where} is unchanged)"

    def print_problems(result: CheckResult) -> None:
        for problem in result.problems:
            print(problem.format(style))

    try:
        with engine_messages():
            built = pipeline.build(root, site_dir, checked=print_problems, site_url=site_url,
                                   note=print, workers=workers,
                                   cache=root / CACHE_DIR if cache else None)
    except pipeline.BuildRefused as exc:
        print(f"error: {exc}")
        return 1
    except pipeline.ContentErrors as exc:
        print(f"{exc.result.summary()}\n{failed}")
        return 1
    except BuildFailed as exc:
        print(f"{exc}\n{failed}")
        return 1
    except OSError as exc:
        print(f"{os_message(exc)}\n{failed}")
        return 1
    except Exception as exc:  # a bug, not a content problem
        report_internal_error(exc, f"the site was not built ({where} is unchanged)")
        return 1
    reused = f" ({built.reused:,} unchanged, from {CACHE_DIR}/)" if built.reused else ""
    print(f"{built.result.summary()}\nbuilt {built.pages:,} pages{reused} into {where} in "
          f"{built.seconds:.1f} s")
    return 0


_ADDRESS_ERRORS = (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES)


@command("serve")
def run_serve(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.publish.serve import serve_site

    try:
        return serve_site(root, args.dev_addr)
    except OSError as exc:  # the address is taken (another preview?) or not this computer's
        if exc.errno not in _ADDRESS_ERRORS and not isinstance(exc, socket.gaierror):
            raise
        host, _, port = args.dev_addr.rpartition(":")
        other = f"{host or '127.0.0.1'}:{int(port) + 1 if port.isdigit() else 8001}"
        print(f"error: cannot serve on {args.dev_addr}: {exc.strerror or exc}; stop the other "
              f"preview, or choose another address: python build.py serve --dev-addr {other}",
              file=sys.stderr)
        return 1


@command("schema")
def run_schema(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.records.schema import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(root / "schemas")
        for name in stale:
            print(f"schemas/{name}: error: out of date: run python build.py schema")
        return 1 if stale else 0
    for name in write_schemas(root / "schemas"):
        print(f"wrote schemas/{name}")
    return 0


@command("quote")
def run_quote(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.contribute.quoting import QuoteError, source_block

    try:
        print(source_block(root, args.document, args.page, args.first, args.last), end="")
    except QuoteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


@command("import-frus")
def run_import_frus(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.archives.frus.importer import format_results, import_frus

    results = import_frus(args.files, root / "documents", force=args.force,
                          index_csv=args.index)
    print(format_results(results))
    return 1 if any(item.status == "failed" for item in results) else 0


@command("import-rif")
def run_import(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.archives.indexcsv import IndexFileError
    from desclasificado.archives.jfk.catalog import CatalogError
    from desclasificado.archives.jfk.importer import import_rif
    from desclasificado.archives.jfk.report import format_report, format_summary

    missing = [path for path in args.files if not path.exists()]
    for path in missing:
        print(f"{path}: error: no such file or folder", file=sys.stderr)
    paths = [path for path in args.files if path.exists()]
    try:
        report = import_rif(paths, root / "documents", force=args.force, index_csv=args.index,
                            catalog_csv=args.catalog, no_form=args.no_form, jobs=max(1, args.jobs),
                            progress=_import_progress())
    except (CatalogError, IndexFileError) as exc:
        print(exc, file=sys.stderr)
        return 1
    details = args.details or len(report.files) <= 20  # the warnings say what to compare with the PDF
    print(format_report(report, details=details))
    if len(report.files) > 1:
        print(format_summary(report))
    return 1 if missing or not report.ok else 0


def _import_progress() -> Callable[[int, int, object], None]:
    """A progress line on stderr for long imports: every 100 files and at the end."""
    def show(done: int, total: int, _item: object) -> None:
        if total >= 100 and (done % 100 == 0 or done == total):
            print(f"import-rif: {done}/{total} files", file=sys.stderr, flush=True)
    return show


@command("new")
def run_new(args: argparse.Namespace, root: Path) -> int:
    from desclasificado.contribute.scaffold import run_new as new

    return new(args, root)

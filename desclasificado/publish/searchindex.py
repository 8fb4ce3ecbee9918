"""The search index: Pagefind, run on the built site before it is swapped in.

MkDocs writes the site into the staging directory; `index_search()` then runs Pagefind's
binary (from the PyPI wheel `pagefind_bin`, so nothing is downloaded at build time) on it,
which writes `pagefind/` into the site: an index split into small files, so that a query
downloads the chunks of its own words and the fragments of the results it shows, not an
index of the whole collection. A failure raises `IndexFailed` (`BuildFailed` from `publish.build.index_site`), and the
previous site stays.

What is indexed: every page whose `<main>` carries `data-pagefind-body` (the theme's
`main.html` puts it there, with the result's kind and date as `data-pagefind-meta`; the
search page, 404 and the contributors' pages have none). Inside it, `EXCLUDED` leaves out
what only repeats other pages or would make fragments large (a document's transcript is
about ten times the text of the events citing it): a fragment is the indexed text of one
page, and the search page downloads one for each result it shows. Each language of
`<html lang>` gets an index of its own, with its stemming ("guerrilla" finds
"guerrilleros" in Spanish).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from desclasificado.render.urls import EMBED, SEARCH_BUNDLE

#: Parts of indexed pages left out of the index (CSS selectors, as Pagefind reads them).
EXCLUDED = (
    ".reuse",                                  # the Cite and Embed controls
    ".page-head .kicker", ".page-head .date",  # shown by the result's kind and date
    "figure",                                  # charts and maps: their tables repeat counts
    ".explore", ".jump", ".timeline",          # a list's filters, jump list and entries
    ".year-index", ".facet-list", ".start",    # lists of years, countries, starting points
    ".related", ".prevnext", ".steps",         # an event's related and neighbouring events
    "section[aria-labelledby=cited-by]",       # a document's citing events
    ".identification .gloss", ".identification thead",  # what each field means
    ".identification caption",
    "section[aria-labelledby=transcript]",     # a document's transcript
    ".field-text",                             # the Data page's descriptions of fields
)
#: Files of Pagefind's bundle the site does not use (its ready-made interfaces: the theme's
#: search page has its own, with the catalogue's words).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")
_SKIPPED_DIRS = (EMBED.strip("/"), SEARCH_BUNDLE.strip("/"))


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in one line."""


def _binary() -> str:
    """The Pagefind executable inside the `pagefind_bin` wheel."""
    try:
        import pagefind_bin
        return str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise IndexFailed(f"error: the search index cannot be built: Pagefind is not installed "
                          f"({exc}): install the requirements (pip install -r "
                          "requirements.txt)") from None


def html_globs(site_dir: Path, prefix: str = "") -> Iterator[str]:
    """The HTML files Pagefind should read, as globs relative to the site: every folder but
    the embeddable pages (whole documents of their own, never results) and the bundle; a
    folder with an `embed/` of its own (a language's mirror, `es/`) is walked the same way."""
    for entry in sorted(os.scandir(site_dir / prefix), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".html"):
            yield prefix + entry.name
        elif entry.is_dir() and entry.name not in _SKIPPED_DIRS:
            if (Path(entry.path) / EMBED).is_dir():
                yield from html_globs(site_dir, f"{prefix}{entry.name}/")
            else:
                yield f"{prefix}{entry.name}/**/*.html"


def index_search(site_dir: Path) -> None:
    """Write the search index of the site built in `site_dir` into its `pagefind/`;
    IndexFailed if Pagefind cannot."""
    globs = list(html_globs(site_dir))
    command = [_binary(), "--site", str(site_dir), "--silent", "--glob", "{" + ",".join(globs) + "}"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise IndexFailed(f"error: the search index could not be built: {exc}") from None
    bundle = site_dir / SEARCH_BUNDLE
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        said = " ".join((done.stderr or done.stdout or "").split())[:500]
        raise IndexFailed("error: the search index could not be built: Pagefind "
                          f"{'exited with ' + str(done.returncode) if done.returncode else 'wrote no index'}"
                          f"{': ' + said if said else ''}")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    shutil.rmtree(bundle / "playground", ignore_errors=True)
    _sort_languages(bundle / "pagefind-entry.json")


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in no fixed order: sort them, so that
    two builds of the same sources stay byte-identical once the site has two languages."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                     encoding="utf-8")

"""Extract the messages of the code, templates and scripts, and keep the catalogues in step.

    python -m desclasificado.render.i18n_catalog            # update messages.pot and every .po
    python -m desclasificado.render.i18n_catalog --check    # exit 1 if anything is stale

The same as `pybabel extract -F babel.cfg -k n_:1,2 -k N_ -k t -k tn:1,2 --add-comments=TRANSLATORS:
-o desclasificado/locales/messages.pot .` then `pybabel update -i ... -d desclasificado/locales`,
without the dates that would change every file on every run and without line numbers
(`#: file` only: a line number went stale whenever code above a message moved), plus what the models carry
for readers (their fields' descriptions, labels and meanings, which are data, not calls:
`fieldmessages.py`). `problems(root)` lists what
is missing from each catalogue (the tests and the build refuse an incomplete one).
"""

from __future__ import annotations

import ast
import io
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from desclasificado.render import fieldmessages, i18n
from desclasificado.render.i18n import DOMAIN, LOCALES, SOURCE_LANGUAGE, available, catalogue_path

REPO = LOCALES.parents[1]
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
#: `_` and `N_` (Python, Jinja), `n_(singular, plural, n)` (Python), `ngettext` (Jinja),
#: `t` and `tn(singular, plural, n)` (the scripts, which read the page's translations).
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "n_": (1, 2),
            "p_": ((1, "c"), 2), "t": None, "tn": (1, 2)}
COMMENT_TAGS = ("TRANSLATORS:",)
_WIDTH = 96


def extract_python(fileobj: Any, keywords: Any, comment_tags: Any,
                   options: Any) -> Iterator[tuple[int, str, Any, list[str]]]:
    """A Babel extractor for our Python (`babel.cfg` names it): Babel's own reads no call
    inside an f-string before Python 3.12, and the renderers write HTML in f-strings. It
    walks the syntax tree, so `_("...")` is found wherever it is, with the `# TRANSLATORS:`
    comment on the line above it. Babel picks the arguments each keyword's spec names."""
    source = fileobj.read().decode("utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in keywords):
            continue
        args = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                     else None for a in node.args)
        if not args:
            continue
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        comments = [above.lstrip("# ")] if any(above.lstrip("# ").startswith(tag)
                                                for tag in comment_tags) else []
        yield node.lineno, node.func.id, args[0] if len(args) == 1 else args, comments


def extract(repo: Path = REPO) -> Catalog:
    """Every message of the code, templates and scripts, as `babel.cfg` maps them."""
    with (repo / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="Desclasificado", msgid_bugs_address="", charset="utf-8",
                      fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            repo, method_map, options_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    for title, lineno in nav_titles(repo / "mkdocs.yml"):
        catalog.add(title, None, [("mkdocs.yml", lineno)],
                    auto_comments=["a title of the main navigation"])
    found = site_description(repo / "mkdocs.yml")
    if found:
        catalog.add(found[0], None, [("mkdocs.yml", found[1])],
                    auto_comments=["the site's description, for pages without their own "
                                   "(search engines, link previews)"])
    for message, filename, lineno, comment, context in fieldmessages.messages(repo):
        _add(catalog, message, (filename, lineno), comment, context)
    return catalog


def _add(catalog: Catalog, message: str, location: tuple[str, int], comment: str,
         context: str | None) -> None:
    """Add a message, or one more place and comment to a message already there."""
    found = catalog.get(message, context)
    if found is None:
        catalog.add(message, None, [location], auto_comments=[comment], context=context)
        return
    found.locations.append(location)
    if comment not in found.auto_comments:
        found.auto_comments.append(comment)


def site_description(config: Path) -> tuple[str, int] | None:
    """mkdocs.yml's `site_description`, as MkDocs reads it, and its line (None: none)."""
    import yaml

    lines = config.read_text(encoding="utf-8").splitlines()
    at = next((n for n, line in enumerate(lines, 1) if line.startswith("site_description:")),
              None)
    if at is None:
        return None
    block = [lines[at - 1]] + [line for line in itertools.takewhile(
        lambda line: line.startswith(" ") or not line, lines[at:])]
    value = yaml.safe_load("\n".join(block)).get("site_description")
    return (value, at) if isinstance(value, str) and value else None


def nav_titles(config: Path) -> list[tuple[str, int]]:
    """The titles of mkdocs.yml's nav (`- Title: page.md`), which the theme translates."""
    out, inside = [], False
    for lineno, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("nav:"):
            inside = True
        elif inside and line.startswith("  - ") and ":" in line:
            out.append((line[4:line.rindex(":")].strip(), lineno))
        elif inside and line and not line.startswith((" ", "#")):
            inside = False
    return out


def _text(catalog: Catalog) -> str:
    """A catalogue as .po text without its dates (to compare two of them)."""
    out = io.BytesIO()
    write_po(out, catalog, width=_WIDTH, omit_header=True, sort_output=False,
             include_lineno=False)
    return out.getvalue().decode("utf-8")


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _write(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=_WIDTH, sort_output=False, include_previous=False,
             include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def _merged(template: Catalog, path: Path, code: str) -> Catalog:
    """The catalogue of `code` brought in step with the template (obsolete entries dropped)."""
    catalog = _read(path, code) if path.is_file() else Catalog(locale=code, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def stale(repo: Path = REPO) -> list[str]:
    """The files that an update would change (empty: everything is in step)."""
    template = extract(repo)
    out = []
    if not TEMPLATE.is_file() or _text(_read(TEMPLATE)) != _text(template):
        out.append(str(TEMPLATE))
    for code in available():
        path = catalogue_path(code)
        if _text(_read(path, code)) != _text(_merged(template, path, code)):
            out.append(str(path))
    return out


def update(repo: Path = REPO) -> list[str]:
    """Rewrite messages.pot and every catalogue that is out of step; the files written."""
    changed = stale(repo)
    template = extract(repo)
    if str(TEMPLATE) in changed:
        _write(TEMPLATE, template)
    for code in available():
        path = catalogue_path(code)
        if str(path) in changed:
            _write(path, _merged(template, path, code))
    return changed


def problems(root: Path | None = None, codes: list[str] | None = None) -> list[str]:
    """What each catalogue (or those of `codes`) lacks against messages.pot: msgids missing,
    and msgids without a translation (or only a fuzzy one) in every language but English."""
    root = root or i18n.LOCALES
    template = _read(root / f"{DOMAIN}.pot")
    wanted = [m for m in template if m.id]
    out = []
    for code in available(root) if codes is None else codes:
        path = catalogue_path(code, root)
        catalog = _read(path, code)
        for message in wanted:
            found = catalog.get(message.id, message.context)
            key = message.id if isinstance(message.id, str) else message.id[0]
            if found is None:
                out.append(f"{path}: no entry for {key!r}: run `python -m "
                           "desclasificado.render.i18n_catalog`, then translate it")
            elif code != SOURCE_LANGUAGE and (found.fuzzy or not _translated(found.string)):
                out.append(f"{path}: {key!r} is not translated{' (fuzzy)' if found.fuzzy else ''}")
    return out


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        files = stale()
        for name in files:
            print(f"{name}: out of date: run `python -m desclasificado.render.i18n_catalog`")
        return 1 if files else 0
    for name in update():
        print(f"updated {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

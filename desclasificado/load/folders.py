"""What a content folder may hold: every file in one is either read or reported.

A record saved as `events/x.YAML`, `events/1963/x.yaml`, `x.yaml.txt`, `x.md` or an editor's
backup `x.yaml~` would otherwise be skipped without a word, and a transcript saved as
`documents/<id>.MD` would leave its document "without a transcript" while quotes citing it
went unchecked. Hidden files (a leading dot) and README files are the only ones passed over.
A file name with an invisible character (a line feed, a direction mark) is refused too: its
page's address would not be the one written in links.
"""

from __future__ import annotations

import os
import re

from desclasificado.problems import Problem
from desclasificado.records.models import slugify

# The suffixes each folder reads (exactly, in lower case).
READ = {"events": (".yaml",), "actors": (".yaml",), "themes": (".yaml",),
        "documents": (".yaml", ".md", ".txt")}
# A suffix someone meant, spelled some other way: which suffix to rename it to.
_MEANT = re.compile(r"\.(yaml|yml|json|md|markdown|txt)(?![a-z0-9])", re.IGNORECASE)
_TO = {"yaml": ".yaml", "yml": ".yaml", "json": ".yaml", "md": ".md", "markdown": ".md",
       "txt": ".txt"}
# What MkDocs renders as a page in pages/; a case variant would be copied as a raw file.
_PAGE_SUFFIX = re.compile(r"\.(md|markdown|mdown|mkdn|mkd)$", re.IGNORECASE)
_BACKUP = re.compile(r"(~|\.(bak|orig|swp|swo|tmp|rej))$", re.IGNORECASE)


def skipped(name: str) -> bool:
    """Hidden files and README files are not records (nor published pages)."""
    return name.startswith(".") or name.lower().startswith("readme")


def invisible_character(name: str) -> str | None:
    """The first character of `name` that cannot be seen or typed as written (a control,
    format or direction character, a line or paragraph separator), as U+XXXX, or None."""
    for char in name:
        if not char.isprintable() and char != " ":
            return f"U+{ord(char):04X}"
    return None


def name_problem(rel: str, name: str) -> Problem | None:
    """A file name holding an invisible character: refused before the file is read."""
    found = invisible_character(name)
    if found is None:
        return None
    stem, suffix = os.path.splitext("".join(c if c.isprintable() else " " for c in name))
    suffix = suffix if suffix in (".yaml", ".md", ".txt") else ".yaml"
    return Problem(rel, 1, 1, f"the file name holds the invisible character {found}: rename "
                   f"it to {slugify(stem) or 'a-plain-name'}{suffix}")


def is_read(kind: str, name: str) -> bool:
    """Whether the loader reads `kind/name` as a record or a transcript."""
    stem, suffix = os.path.splitext(name)
    return suffix in READ[kind] and not _MEANT.search(stem)


def stray_problem(kind: str, rel: str, name: str) -> Problem:
    """The error for a file of a content folder that the loader would not read."""
    suffix = os.path.splitext(name)[1]
    if suffix in (".yml", ".json"):
        return Problem(rel, 1, 1, f"records are .yaml files: rename it to "
                       f"{_suggest(name, '.yaml')}")
    if kind == "documents":
        what = "only .yaml records and .md or .txt transcripts (in lower case)"
    else:
        what = "only .yaml records (in lower case)"
    backup = " (it looks like an editor's backup: delete it if it is one)" if _BACKUP.search(
        name) else ""
    default = ".yaml" if kind != "documents" else None
    target = _suggest(name, default, kind)
    return Problem(rel, 1, 1, f"{kind}/ holds {what}, so this file is not read{backup}: "
                   f"rename it to {target}, or move it out of {kind}/")


def nested_problem(kind: str, rel: str, name: str) -> Problem:
    """The error for a file in a subfolder of a content folder (records are read only from
    the folder itself)."""
    target = name if is_read(kind, name) else _suggest(name, ".yaml" if kind != "documents"
                                                       else None, kind)
    return Problem(rel, 1, 1, f"records are not read from subfolders of {kind}/: move it to "
                   f"{kind}/{target}")


def page_problem(rel: str, name: str) -> Problem | None:
    """A file in pages/ that MkDocs would publish other than as meant: a page whose suffix
    is not in lower case (copied as a raw file, not rendered), or an editor's backup."""
    if _BACKUP.search(name):
        return Problem(rel, 1, 1, "pages/ publishes every file, and this one looks like an "
                       "editor's backup: delete it, or move it out of pages/")
    found = _PAGE_SUFFIX.search(name)
    if found and found.group(0) != found.group(0).lower():
        return Problem(rel, 1, 1, f"page suffixes are in lower case (as {found.group(0)}, the "
                       "file would be published as it is, not as a page): rename it to "
                       f"{name[: found.start()]}{found.group(0).lower()}")
    return None


def _suggest(name: str, default: str | None, kind: str = "events") -> str:
    """The name the file was meant to have: its id as an id, with the suffix it meant."""
    meant = _MEANT.search(name)
    base = name[: meant.start()] if meant else os.path.splitext(name)[0]
    base = slugify(base) or "my-record"
    if meant:
        suffix = _TO[meant.group(1).lower()]
        if kind != "documents" and suffix != ".yaml":
            suffix = ".yaml"
        return base + suffix
    return base + default if default else f"{base}.yaml (a record) or {base}.md (its transcript)"

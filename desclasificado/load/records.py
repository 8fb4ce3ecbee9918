"""Stage 1, load: find the content files of a project and read them, keeping positions.

Nothing here knows what an event or a document means; it reads YAML files (through
`yamlsafe`) and transcripts, and reports files that cannot be read at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desclasificado.load import folders
from desclasificado.load.transcripts import Transcript, parse_transcript
from desclasificado.load.yamlsafe import MAX_BYTES, Positions, forbidden_character, read_yaml
from desclasificado.problems import ContentError, Problem

KINDS = ("events", "documents", "actors", "themes")
PAGES = "pages"  # the hand-written pages: not records, but published, so checked too
_LINK = "symbolic links are not allowed in content folders: replace the link with the file"
MAX_TRANSCRIPT_BYTES = 4 * 1024 * 1024


@dataclass
class RawRecord:
    """One YAML file as read: its kind, id (the file name), data and positions."""

    kind: str
    id: str
    path: str
    data: Any
    positions: Positions
    # False when the file cannot hold a TODO placeholder (see placeholders.py), which saves
    # walking its data again: no "TODO" in its bytes, and no escape that could spell one.
    may_have_placeholders: bool = True


@dataclass
class RawProject:
    """Everything read from a project's content folders, before validation."""

    records: list[RawRecord] = field(default_factory=list)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None  # where the files are, to point into a text when a check needs to


def load_project(root: Path) -> RawProject:
    """Read every record and transcript under `root`; problems are collected, not raised.

    Every other file of a content folder is reported (see `folders`), and so are the files
    of pages/ that MkDocs would publish other than as meant.
    """
    project = RawProject(root=root)
    for kind in (*KINDS, PAGES):
        folder = root / kind
        if folder.is_symlink():
            project.problems.append(Problem(kind, 1, 1, "the content folder is a symbolic link: "
                                            "replace it with the folder itself"))
            continue
        if not folder.is_dir():
            continue
        if kind == PAGES:
            project.problems.extend(_page_problems(folder))
            continue
        with os.scandir(folder) as found:  # the entries know their type: no stat per file
            entries = sorted(found, key=lambda entry: entry.name)
        for entry in entries:
            _load_file(kind, entry, project)
    return project


def _load_file(kind: str, entry: os.DirEntry[str], project: RawProject) -> None:
    name = entry.name
    rel = f"{kind}/{name}"
    if folders.skipped(name):
        return
    if entry.is_symlink():
        project.problems.append(Problem(rel, 1, 1, _LINK))
        return
    refused = folders.name_problem(rel, name)
    if refused:
        project.problems.append(refused)
    elif entry.is_dir():
        project.problems.extend(_nested_problems(kind, entry.path, rel))
    elif not entry.is_file():
        return
    elif not folders.is_read(kind, name):
        project.problems.append(folders.stray_problem(kind, rel, name))
    elif name.endswith(".yaml"):
        _load_record(kind, entry.path, name[: -len(".yaml")], rel, project)
    else:
        _load_transcript(entry.path, os.path.splitext(name)[0], rel, project)


def _nested_problems(kind: str, path: str, rel: str) -> list[Problem]:
    """One problem per file in a subfolder of a content folder: none of them is read."""
    problems = []
    for parent, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not folders.skipped(d))
        where = rel + parent[len(path):].replace(os.sep, "/")
        for name in sorted(files):
            if not folders.skipped(name):
                problems.append(folders.name_problem(f"{where}/{name}", name)
                                or folders.nested_problem(kind, f"{where}/{name}", name))
    return problems


def _page_problems(folder: Path) -> list[Problem]:
    """Links, invisible characters in names, and files MkDocs would publish as other than
    meant, anywhere under pages/ (MkDocs publishes every file there that is not hidden)."""
    problems = []
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        where = PAGES + parent[len(str(folder)):].replace(os.sep, "/")
        for name in sorted(dirs + [f for f in files if not f.startswith(".")]):
            rel, path = f"{where}/{name}", os.path.join(parent, name)
            if os.path.islink(path):
                problems.append(Problem(rel, 1, 1, "symbolic links are not allowed in pages/: "
                                        "replace the link with the file itself"))
                continue
            found = folders.name_problem(rel, name) or (
                folders.page_problem(rel, name) if name in files else None)
            if found:
                problems.append(found)
    return problems


def _load_record(kind: str, path: str, stem: str, rel: str, project: RawProject) -> None:
    data = _read_bytes(path, rel, MAX_BYTES, project)
    if data is None:
        return
    try:
        value, positions, problems = read_yaml(data, rel)
    except ContentError as exc:
        project.problems.extend(exc.problems)
        return
    project.problems.extend(problems)
    project.records.append(RawRecord(kind, stem, rel, value, positions,
                                     may_have_placeholders=b"TODO" in data or b"\\" in data))


def _load_transcript(path: str, stem: str, rel: str, project: RawProject) -> None:
    data = _read_bytes(path, rel, MAX_TRANSCRIPT_BYTES, project)
    if data is None:
        return
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is dropped
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", "replace")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        project.problems.append(Problem(rel, line, column, f"byte 0x{data[exc.start]:02x} is not "
                                        "UTF-8: save the transcript as UTF-8"))
        return
    refused = forbidden_character(text, rel)  # the rules of a YAML file
    if refused:
        project.problems.append(refused)
    if stem in project.transcripts:
        project.problems.append(Problem(rel, 1, 1, "a document has one transcript: keep "
                                        "either the .md or the .txt file"))
        return
    project.transcripts[stem] = parse_transcript(text, rel)


def _read_bytes(path: str, rel: str, limit: int, project: RawProject) -> bytes | None:
    """The file's bytes, unless it is over `limit` (then nothing of it is read)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                project.problems.append(Problem(rel, 1, 1, f"file is {size:,} bytes, over the "
                                                f"limit of {limit:,}: split it"))
                return None
            return handle.read(limit + 1)
    except OSError as exc:
        project.problems.append(Problem(rel, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return None

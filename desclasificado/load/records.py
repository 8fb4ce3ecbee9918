"""Stage 1, load: find the content files of a project and read them, keeping positions.

Nothing here knows what an event or a document means; it reads YAML files (through
`yamlsafe`) and transcripts, and reports files that cannot be read at all. With `KeptReads`
(`serve`, from one rebuild to the next), a file whose inode, size and times are those of
its last read is not read again: what it gave then is given again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from desclasificado.load import folders
from desclasificado.load.transcripts import Transcript, parse_transcript
from desclasificado.load.yamlsafe import MAX_BYTES, Positions, forbidden_character, read_yaml
from desclasificado.problems import ContentError, Problem

KINDS = ("events", "documents", "actors", "themes")
PAGES = "pages"  # the hand-written pages: not records, but published, so checked too
_LINK = "symbolic links are not allowed in content folders: replace the link with the file"
MAX_TRANSCRIPT_BYTES = 4 * 1024 * 1024
_T = TypeVar("_T")


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


class KeptReads:
    """What each content file gave when it was last read (its record or transcript, and
    its problems), by its path and its stat: the same objects are given again while the
    file's inode, size and modification and change times stay the same."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, ...], Any]] = {}
        self._seen: set[str] = set()

    def read(self, path: str, rel: str, read: Callable[[], _T]) -> _T:
        """What `read()` gives for the file at `path`, from the last read if unchanged."""
        self._seen.add(rel)
        try:
            stat = os.stat(path)  # before reading: a change meanwhile is seen next time
        except OSError:
            return read()
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        found = self._files.get(rel)
        if found is not None and found[0] == key:
            return found[1]
        value = read()
        self._files[rel] = (key, value)
        return value

    def forget_unseen(self) -> None:
        """Let go of the files not read since the last call (removed)."""
        self._files = {rel: kept for rel, kept in self._files.items() if rel in self._seen}
        self._seen = set()


def load_project(root: Path, kept: KeptReads | None = None) -> RawProject:
    """Read every record and transcript under `root`; problems are collected, not raised.

    Every other file of a content folder is reported (see `folders`), and so are the files
    of pages/ that MkDocs would publish other than as meant. With `kept`, the files that
    did not change since its last reads are not read again.
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
            _load_file(kind, entry, project, kept)
    if kept is not None:
        kept.forget_unseen()
    return project


def _load_file(kind: str, entry: os.DirEntry[str], project: RawProject,
               kept: KeptReads | None = None) -> None:
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
        read = partial(_read_record, kind, entry.path, name[: -len(".yaml")], rel)
        record, problems = kept.read(entry.path, rel, read) if kept else read()
        project.problems.extend(problems)
        if record is not None:
            project.records.append(record)
    else:
        read = partial(_read_transcript, entry.path, rel)
        transcript, problems = kept.read(entry.path, rel, read) if kept else read()
        project.problems.extend(problems)
        if transcript is not None:
            _add_transcript(os.path.splitext(name)[0], rel, transcript, project)


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


def _read_record(kind: str, path: str, stem: str, rel: str
                 ) -> tuple[RawRecord | None, list[Problem]]:
    """The record of a YAML file (None if it cannot be read), and its problems."""
    problems: list[Problem] = []
    data = _read_bytes(path, rel, MAX_BYTES, problems)
    if data is None:
        return None, problems
    try:
        value, positions, found = read_yaml(data, rel)
    except ContentError as exc:
        return None, problems + exc.problems
    return RawRecord(kind, stem, rel, value, positions,
                     may_have_placeholders=b"TODO" in data or b"\\" in data), problems + found


def _read_transcript(path: str, rel: str) -> tuple[Transcript | None, list[Problem]]:
    """The transcript of a text file (None if it cannot be read), and its problems."""
    problems: list[Problem] = []
    data = _read_bytes(path, rel, MAX_TRANSCRIPT_BYTES, problems)
    if data is None:
        return None, problems
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is dropped
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", "replace")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        problems.append(Problem(rel, line, column, f"byte 0x{data[exc.start]:02x} is not "
                                "UTF-8: save the transcript as UTF-8"))
        return None, problems
    refused = forbidden_character(text, rel)  # the rules of a YAML file
    if refused:
        problems.append(refused)
    return parse_transcript(text, rel), problems


def _add_transcript(stem: str, rel: str, transcript: Transcript, project: RawProject) -> None:
    if stem in project.transcripts:
        project.problems.append(Problem(rel, 1, 1, "a document has one transcript: keep "
                                        "either the .md or the .txt file"))
        return
    project.transcripts[stem] = transcript


def _read_bytes(path: str, rel: str, limit: int, problems: list[Problem]) -> bytes | None:
    """The file's bytes, unless it is over `limit` (then nothing of it is read)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                problems.append(Problem(rel, 1, 1, f"file is {size:,} bytes, over the "
                                        f"limit of {limit:,}: split it"))
                return None
            return handle.read(limit + 1)
    except OSError as exc:
        problems.append(Problem(rel, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return None

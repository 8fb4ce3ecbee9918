"""Stage 1, load: find the content files of a project and read them, keeping positions.

Nothing here knows what an event or a document means; it reads YAML files (through
`yamlsafe`) and transcripts, and reports files that cannot be read at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desclasificado.load.transcripts import SUFFIXES, Transcript, parse_transcript
from desclasificado.load.yamlsafe import MAX_BYTES, Positions, read_yaml
from desclasificado.problems import ContentError, Problem

KINDS = ("events", "documents", "actors", "themes")
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


def load_project(root: Path) -> RawProject:
    """Read every record and transcript under `root`; problems are collected, not raised."""
    project = RawProject()
    for kind in KINDS:
        folder = root / kind
        if folder.is_symlink():
            project.problems.append(Problem(kind, 1, 1, "the content folder is a symbolic link: "
                                            "replace it with the folder itself"))
            continue
        if not folder.is_dir():
            continue
        with os.scandir(folder) as found:  # the entries know their type: no stat per file
            entries = sorted(found, key=lambda entry: entry.name)
        for entry in entries:
            _load_file(kind, entry, project)
    return project


def _load_file(kind: str, entry: os.DirEntry[str], project: RawProject) -> None:
    name = entry.name
    rel = f"{kind}/{name}"
    if name.startswith(".") or name.lower().startswith("readme"):
        return
    if entry.is_symlink():
        project.problems.append(Problem(rel, 1, 1, "symbolic links are not allowed in "
                                        "content folders: replace the link with the file"))
        return
    if not entry.is_file():
        return
    stem, suffix = os.path.splitext(name)
    if suffix in (".yml", ".json"):
        project.problems.append(Problem(rel, 1, 1, f"records are .yaml files: rename it to "
                                        f"{stem}.yaml"))
    elif suffix == ".yaml":
        _load_record(kind, entry.path, stem, rel, project)
    elif kind == "documents" and suffix in SUFFIXES:
        _load_transcript(entry.path, stem, rel, project)


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

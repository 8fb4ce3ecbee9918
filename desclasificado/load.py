"""Stage 1, load: find the content files of a project and read them, keeping positions.

Nothing here knows what an event or a document means; it reads YAML files (through
`yamlsafe`) and transcripts, and reports files that cannot be read at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import ContentError, Problem
from .transcripts import SUFFIXES, Transcript, parse_transcript
from .yamlsafe import MAX_BYTES, Positions, read_yaml

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
        if not folder.is_dir():
            continue
        for name in sorted(os.listdir(folder)):
            _load_file(root, kind, folder / name, project)
    return project


def _load_file(root: Path, kind: str, path: Path, project: RawProject) -> None:
    rel = path.relative_to(root).as_posix()
    name = path.name
    if name.startswith(".") or name.lower().startswith("readme"):
        return
    if path.is_symlink():
        project.problems.append(Problem(rel, 1, 1, "symbolic links are not allowed in "
                                        "content folders: replace the link with the file"))
        return
    if not path.is_file():
        return
    if path.suffix in (".yml", ".json"):
        project.problems.append(Problem(rel, 1, 1, f"records are .yaml files: rename it to "
                                        f"{path.stem}.yaml"))
    elif path.suffix == ".yaml":
        _load_record(kind, path, rel, project)
    elif kind == "documents" and path.suffix in SUFFIXES:
        _load_transcript(path, rel, project)


def _load_record(kind: str, path: Path, rel: str, project: RawProject) -> None:
    data = _read_bytes(path, rel, MAX_BYTES, project)
    if data is None:
        return
    try:
        value, positions, problems = read_yaml(data, rel)
    except ContentError as exc:
        project.problems.extend(exc.problems)
        return
    project.problems.extend(problems)
    project.records.append(RawRecord(kind, path.stem, rel, value, positions))


def _load_transcript(path: Path, rel: str, project: RawProject) -> None:
    data = _read_bytes(path, rel, MAX_TRANSCRIPT_BYTES, project)
    if data is None:
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        project.problems.append(Problem(rel, 1, 1, f"byte {exc.start} is not UTF-8: save "
                                        "the transcript as UTF-8"))
        return
    if path.stem in project.transcripts:
        project.problems.append(Problem(rel, 1, 1, "a document has one transcript: keep "
                                        "either the .md or the .txt file"))
        return
    project.transcripts[path.stem] = parse_transcript(text, rel)


def _read_bytes(path: Path, rel: str, limit: int, project: RawProject) -> bytes | None:
    size = path.stat().st_size
    if size > limit:
        project.problems.append(Problem(rel, 1, 1, f"file is {size:,} bytes, over the "
                                        f"limit of {limit:,}: split it"))
        return None
    return path.read_bytes()

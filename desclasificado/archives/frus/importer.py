"""`python build.py import-frus FILE_OR_DIR...`: FRUS TEI in, document records and transcripts out.

Each XML file is a whole volume or one document copied out of one (the corpus layout
`<volume>/d<N>.xml`, with an `index.csv` beside the volume folders giving each document's
printed pages and the commit its text was copied from). Every document found becomes
`documents/<volume>-d<N>.yaml` and `.md`, written atomically; an existing file is never
replaced without `--force`. A file that cannot be read (bad XML, a DTD or entities, no
document number, a layout this reader does not know, an unknown volume) is one line naming
it, and nothing of it is written.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from desclasificado.archives.frus import tei
from desclasificado.archives.frus.convert import (
    document_id,
    number_pages,
    record_of,
    transcript_of,
)
from desclasificado.archives.frus.model import VOLUME_PATTERN, FrusDocument
from desclasificado.archives.frus.tei import FrusError
from desclasificado.archives.frus.volumes import REPOSITORY, VOLUMES
from desclasificado.archives.indexcsv import FRUS_INDEX, header_problem

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/document.schema.json"
MAX_BYTES = 64 * 1024 * 1024
_VOLUME_RE = re.compile(VOLUME_PATTERN)


@dataclass
class Imported:
    """What became of one document (or of a file that could not be read)."""

    source: Path
    status: str  # "written", "skipped" or "failed"
    message: str
    document: str | None = None


def import_frus(paths: list[Path], documents: Path, force: bool = False,
                index_csv: Path | None = None) -> list[Imported]:
    """Import every FRUS document in `paths` (files, or folders searched for *.xml)."""
    results: list[Imported] = []
    for path in paths:
        index = _read_index(index_csv or _index_beside(path), results)
        for source in _xml_files(path, results):
            results += _import_file(source, documents, force, index)
    return results


def _index_beside(path: Path) -> Path | None:
    """A folder laid out as the corpus carries its index.csv."""
    found = path / "index.csv"
    return found if path.is_dir() and found.is_file() else None


def _read_index(path: Path | None, results: list[Imported]) -> dict[tuple[str, int], dict]:
    if path is None:
        return {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            problem = header_problem(reader.fieldnames, FRUS_INDEX, "import-frus")
            if problem:
                results.append(Imported(path, "failed", problem))
                return {}
            rows = list(reader)
        return {(row["volume"], int(row["document"])): row for row in rows}
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
        results.append(Imported(path, "failed", f"cannot read the index: {exc}"))
        return {}


def _xml_files(path: Path, results: list[Imported]) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.xml") if p.is_file())
    if path.is_file():
        return [path]
    results.append(Imported(path, "failed", "no such file or folder"))
    return []


def _import_file(source: Path, documents: Path, force: bool,
                 index: dict[tuple[str, int], dict]) -> list[Imported]:
    """Every document of one file, or one failure for the file."""
    try:
        if source.stat().st_size > MAX_BYTES:
            raise FrusError(f"the file is over {MAX_BYTES:,} bytes")
        root = tei.parse(source.read_bytes())
        volume = tei.volume_id(root) or _volume_of_folder(source)
        divs = tei.document_divs(root)
        if not divs:
            raise FrusError('no <div type="document"> in the file: not a FRUS volume or '
                            "document layout this reader knows")
        built = [_build(div, before, volume, source, index) for div, before in divs]
    except FrusError as exc:
        return [Imported(source, "failed", str(exc))]
    except (OSError, UnicodeDecodeError) as exc:
        return [Imported(source, "failed", f"cannot read the file: {exc}")]
    return [_write(source, documents, doc_id, yaml, md, force) for doc_id, yaml, md in built]


def _volume_of_folder(source: Path) -> str:
    name = source.parent.name
    if _VOLUME_RE.match(name):
        return name
    raise FrusError("cannot tell which volume the document is from: import the whole volume, "
                    "or keep the file in a folder named after the volume (frus1969-76ve16/)")


def _build(div: tei.ET.Element, before: int | None, volume: str, source: Path,
           index: dict[tuple[str, int], dict]) -> tuple[str, str, str]:
    """(id, record YAML, transcript) of one document div."""
    text = tei.read_document(div)
    row = index.get((volume, text.number))
    first = before if before is not None else (int(row["page_first"]) if row else None)
    pages = number_pages(text, first)
    if row and row.get("page_last") and int(row["page_last"]) != pages[-1].number:
        raise FrusError(f"document {text.number}: the index gives its last page as "
                        f"{row['page_last']}, the TEI as {pages[-1].number}")
    record = record_of(text, volume, pages, _provenance(volume, text.number, source, row))
    try:
        FrusDocument.model_validate(record)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise FrusError(f"document {text.number}: {'.'.join(map(str, error['loc']))}: "
                        f"{error['msg']}") from None
    return document_id(volume, text.number), dump_record(record), transcript_of(pages)


def _provenance(volume: str, number: int, source: Path, row: dict | None) -> str:
    how = ("converted by import-frus: the text as printed, a '## Page N' line before each "
           "printed page, the editors' footnotes after the text of their page, the source "
           "note in the record")
    path = VOLUMES[volume].path if volume in VOLUMES else f"volumes/{volume}.xml"
    if row and row.get("repo_commit"):
        return (f"Office of the Historian's TEI: {REPOSITORY}, {path}, commit "
                f"{row['repo_commit']}, document {number}; {how}")
    return f"Office of the Historian's TEI ({source.name}), document {number}; {how}"


def dump_record(record: dict[str, object]) -> str:
    """The record as YAML, every text double-quoted (JSON's escapes are YAML's)."""
    lines = [SCHEMA_LINE]
    for key, value in record.items():
        shown = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {shown}")
    return "\n".join(lines) + "\n"


def _write(source: Path, documents: Path, doc_id: str, yaml: str, md: str,
           force: bool) -> Imported:
    targets = (documents / f"{doc_id}.yaml", documents / f"{doc_id}.md")
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        return Imported(source, "skipped", f"{existing[0]} exists: use --force to replace it",
                        doc_id)
    documents.mkdir(parents=True, exist_ok=True)
    write_atomic(targets[1], md.encode("utf-8"))
    write_atomic(targets[0], yaml.encode("utf-8"))
    return Imported(source, "written", f"documents/{doc_id}.yaml and .md", doc_id)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def format_results(results: list[Imported]) -> str:
    """One line per document or failed file: 'wrote ...', 'skipped ...: ...', 'FILE: error: ...'."""
    lines = []
    for item in results:
        if item.status == "failed":
            lines.append(f"{item.source}: error: {item.message}")
        elif item.status == "skipped":
            lines.append(f"skipped {item.document}: {item.message}")
        else:
            lines.append(f"wrote {item.message} (from {item.source.name})")
    written = sum(item.status == "written" for item in results)
    failed = sum(item.status == "failed" for item in results)
    lines.append(f"imported {written} FRUS documents, {failed} files with errors")
    return "\n".join(lines)

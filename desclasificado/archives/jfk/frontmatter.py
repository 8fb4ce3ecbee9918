"""NARA's catalogue row at the head of a transcript, as a YAML front matter between ``---`` lines.

Newer OCR of the collection opens each file with the record's row of NARA's release spreadsheet:

    ---
    record_number: 104-10069-10376
    document_date: 06/22/1976
    title: POSSIBLE PLANS OF CUBAN EXILE EXTREMISTS ...
    ---
    ## Page 1

It is metadata, never document text: it is not part of page 1, nor of the identification form.
`split_front_matter` separates it from the transcript; its fields are a source like the
catalogue given to ``import-rif --catalog`` (`catalog.row_from_front_matter`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:  # the base loaders construct only text, lists and mappings: "NO" stays "NO", a date stays text
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

# The front matter: "---" on the first line, YAML, "---" on a line of its own.
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_MAX_CHARS = 64 * 1024  # a catalogue row is a few hundred characters


class FrontMatterError(ValueError):
    """A front matter that is not a YAML mapping of catalogue fields (the message says how to fix it)."""


@dataclass(frozen=True)
class FrontMatter:
    """`fields`: the front matter's keys and values as text (empty when there is none);
    `body`: the transcript after it; `lines`: how many lines it took (to keep line numbers right)."""

    body: str
    fields: dict[str, str] = field(default_factory=dict)
    lines: int = 0

    @property
    def present(self) -> bool:
        return self.lines > 0


def split_front_matter(text: str) -> FrontMatter:
    """The front matter of a transcript and the text after it (all of `text` when it has none).

    Raises FrontMatterError when a front matter is opened but is not a mapping of plain values.
    """
    if not text.lstrip("\ufeff").startswith("---"):
        return FrontMatter(text)
    found = _FRONT.match(text[: _MAX_CHARS + 8])
    if not found or found.group("yaml").lstrip().startswith("##"):
        return FrontMatter(text)  # a rule ("---") at the top, not a front matter
    try:
        data = yaml.load(found.group("yaml"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark else ""
        raise FrontMatterError(f"{where}the front matter between the '---' lines is not valid YAML "
                               f"({getattr(exc, 'problem', exc)}); fix it or remove it") from None
    if not isinstance(data, dict):
        raise FrontMatterError("the front matter between the '---' lines is not a list of 'field: value' lines")
    fields = {str(key): _text(value) for key, value in data.items()}
    return FrontMatter(text[found.end():], fields, found.group().count("\n"))


def _text(value: object) -> str:
    """A front matter value as text, as written."""
    if isinstance(value, (list, dict)):
        raise FrontMatterError(f"the front matter value {value!r} is not a single value")
    return str(value).strip()

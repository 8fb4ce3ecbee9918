"""Archives: everything specific to where documents come from, behind one registry.

Each archive kind is an `Archive` (`base.py`) with its document model, registered here by
its `kind` (the value of a document record's `kind` field; "jfk" when the field is absent).
Check and render code call `archive_of(doc)` and `document_model(data)`, never an archive
by name, so that adding a kind is: a package under archives/ and one `register` line.
"""

from __future__ import annotations

from typing import Any

from desclasificado.archives.base import Archive
from desclasificado.records.models import DOCUMENT_KINDS, Document

DEFAULT_KIND = "jfk"
ARCHIVES: dict[str, Archive] = {}


def register(archive: Archive) -> Archive:
    """Make an archive kind known (tests register kinds of their own and `unregister` them)."""
    ARCHIVES[archive.kind] = archive
    DOCUMENT_KINDS[archive.kind] = archive.model
    return archive


def unregister(kind: str) -> None:
    ARCHIVES.pop(kind, None)
    DOCUMENT_KINDS.pop(kind, None)


def archive_of(doc: Document) -> Archive:
    """The archive of a validated document record."""
    return ARCHIVES[doc.kind]  # type: ignore[attr-defined]


class UnknownKind(ValueError):
    """A document record names an archive kind that is not registered."""


def document_model(data: Any) -> type[Document]:
    """The model of a document record's mapping, by its `kind` (default "jfk")."""
    kind = data.get("kind", DEFAULT_KIND) if isinstance(data, dict) else DEFAULT_KIND
    archive = ARCHIVES.get(kind) if isinstance(kind, str) else None
    if archive is None:
        known = ", ".join(repr(k) for k in ARCHIVES)
        raise UnknownKind(f"'kind' must be one of {known} (the archive the document comes "
                          f"from), not {kind!r}")
    return archive.model


def document_models() -> list[type[Document]]:
    return [archive.model for archive in ARCHIVES.values()]


def _register_builtin() -> None:
    from desclasificado.archives.frus.archive import FrusArchive
    from desclasificado.archives.jfk.archive import JfkArchive

    register(JfkArchive())
    register(FrusArchive())


_register_builtin()

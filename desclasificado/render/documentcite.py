"""A document's citation in every style, from the facts its archive gives.

The archive (`archives.base.Archive.citation`) says what kind of thing the document is
for a citation (an archival record, a document printed in an edited volume) and gives its
facts; this module picks the citation form that fits those facts.
"""

from __future__ import annotations

import datetime

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.records.models import Document
from desclasificado.render.citations import ArchivalDocument, _Citable
from desclasificado.render.editions import EditedVolumeDocument


def cited_document(doc: Document, accessed: datetime.date) -> _Citable:
    """The document as a citable thing: `.cite(style)` for each of `citations.STYLES`."""
    facts = archive_of(doc).citation(doc)
    if isinstance(facts, ArchivalCitation):
        return ArchivalDocument.from_facts(facts, accessed)
    if isinstance(facts, EditedVolumeCitation):
        return EditedVolumeDocument(facts, accessed)
    raise TypeError(f"no citation form for {type(facts).__name__}")

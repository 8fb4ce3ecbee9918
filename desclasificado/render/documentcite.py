"""A document's citation in every style, from the facts its archive gives.

The archive (`archives.base.Archive.citation`) says what kind of thing the document is
for a citation (an archival record, a document printed in an edited volume) and gives its
facts; this module picks the citation form that fits those facts, with the casing the
collection's own text teaches (`titlecase.learned`).
"""

from __future__ import annotations

import datetime

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.check.collection import Collection
from desclasificado.records.models import Document
from desclasificado.render.archival import ArchivalDocument
from desclasificado.render.citations import _Citable
from desclasificado.render.editions import EditedVolumeDocument
from desclasificado.render.titlecase import DEFAULT, Casing, Learned, learned


def collection_casing(collection: Collection, memo: Learned | None = None) -> Casing:
    """What the collection's English text (events, actors, themes) teaches of names and
    abbreviations (worked out once per build, by `render.plan_sites`, for every language;
    with `memo`, each text the last build learnt from is not worked out again)."""
    texts: list[str] = []
    for event in collection.events.values():
        texts += [event.title, event.summary, event.body or ""]
    for actor in collection.actors.values():
        texts += [actor.name, actor.description, *actor.other_names]
    for theme in collection.themes.values():
        texts += [getattr(theme, "title", ""), getattr(theme, "description", "") or ""]
    return learned(texts, memo)


def cited_document(doc: Document, accessed: datetime.date,
                   casing: Casing = DEFAULT) -> _Citable:
    """The document as a citable thing: `.cite(style)` for each of `citations.STYLES`."""
    facts = archive_of(doc).citation(doc)
    if isinstance(facts, ArchivalCitation):
        return ArchivalDocument.from_facts(facts, accessed, casing)
    if isinstance(facts, EditedVolumeCitation):
        return EditedVolumeDocument(facts, accessed)
    raise TypeError(f"no citation form for {type(facts).__name__}")

"""What every renderer reads: the collection, its index, the rendered Markdown, names."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from desclasificado.check.collection import Collection
from desclasificado.index import SiteIndex
from desclasificado.render.citations import build_date
from desclasificado.render.i18n import country_name
from desclasificado.render.links import Link
from desclasificado.render.markup import MarkdownRenderer, Rendered, with_marks
from desclasificado.render.texts import event_body, event_summary, quotes_marked
from desclasificado.render.titlecase import DEFAULT, Casing

__all__ = ["Context", "Page", "SiteInfo", "country_name", "every_row"]


def every_row(kind: str, keys: Iterable[Any], make: Callable[[Any], str]) -> list[str]:
    """The row of each key of a data file (`Context.rows`), each made anew."""
    return [make(key) for key in keys]


@dataclass
class Page:
    """One generated page: its address, title and HTML, with what it links to."""

    url: str
    title: str
    html: str
    links: list[Link]
    anchors: set[str]
    source: str | None = None
    description: str = ""
    kind: str = "page"
    search_kind: str | None = ""  # its kind of search result: event, document, actor, country,
    # theme, timeline ("": page; None: not in the search index), labelled by theme/search/
    search_date: str = ""  # the date its search result shows, in the page's language
    scripts: tuple[str, ...] = ()  # theme scripts the page loads (paths in the site)
    oembed: str = ""  # the absolute address of its oEmbed file, when the site has one
    head_tags: list[tuple[str, str, str]] = field(default_factory=list)  # render/pagemeta.py
    json_ld: str = ""  # its schema.org JSON-LD, serialised (render/pagemeta.py)
    colophon: str = ""  # where a printout came from (render/printing.py), escaped HTML


@dataclass(frozen=True)
class SiteInfo:
    """What pages say about the site itself: its name, its address (`site_url` in
    mkdocs.yml, "" when unset), the day it is built (the access date of citations) and
    its language (`theme.locale`, or one of the other languages the site is published in, whose
    pages are under `prefix`)."""

    name: str = "Desclasificado"
    url: str = ""
    built: datetime.date = field(default_factory=build_date)
    lang: str = "en"  # the language of the pages (a catalogue in desclasificado/locales/)
    prefix: str = ""  # the folder of the language's pages: "" for the site's own, "es/"

    def absolute(self, path: str) -> str | None:
        """The full address of a path among the language's pages ("events/x/"), None
        without `url`."""
        return f"{self.url.rstrip('/')}/{self.prefix}{path}" if self.url else None


@dataclass
class Context:
    """The collection and index, with each event's Markdown rendered exactly once."""

    collection: Collection
    index: SiteIndex
    summaries: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    entries: dict[tuple[str, int], tuple[str, tuple[Link, ...]]] = field(default_factory=dict)
    info: SiteInfo = field(default_factory=SiteInfo)
    casing: Casing = DEFAULT  # how citations recase titles (`documentcite.collection_casing`)
    # each document's citations at a page, (document, page, language) -> (styles, HTML),
    # worked out once for every source citing it (`teaching.source_cite`)
    source_citations: dict[tuple[str, int, str], tuple[tuple[str, ...], str]] = field(
        default_factory=dict)
    # `rows(kind, keys, make)`: the row of each key of a data file ("events.json", an event
    # id -> its line), `make(key)` unless the page cache kept the same (`PageCache.rows`)
    rows: Callable[[str, Iterable[Any], Callable[[Any], str]], list[str]] = every_row

    @classmethod
    def prepare(cls, collection: Collection, index: SiteIndex,
                info: SiteInfo | None = None, casing: Casing = DEFAULT,
                rendered: Rendered | None = None) -> Context:
        """Render every summary and body to sanitized HTML (marks still unlinked), in the
        language being rendered (`texts`: the English where it has no translation); with
        `rendered`, the Markdown the last build rendered is taken from it."""
        context = cls(collection, index, info=info or SiteInfo(), casing=casing)
        renderer = MarkdownRenderer(rendered)
        for event_id, event in collection.events.items():
            summary = event_summary(event)
            context.summaries[event_id] = quotes_marked(summary, renderer.inline(
                with_marks(summary.value, len(event.sources))))
            body = event_body(event)
            if body:
                context.bodies[event_id] = quotes_marked(body, renderer.block(body.value))
        return context

    def last_changed(self, kind: str, record_id: str) -> datetime.date | None:
        """The day the record's file last changed in git, if the build knows it."""
        return self.collection.changed.get(self.source_path(kind, record_id) or "")

    def source_path(self, kind: str, record_id: str) -> str | None:
        """The file a record came from, for messages."""
        where = self.collection.positions.get((kind, record_id))
        return where.path if where else None

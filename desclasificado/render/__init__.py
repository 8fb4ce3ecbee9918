"""Stage 4, render: pure functions from a collection to pages and data files.

`render_site(collection)` returns a `Site`: every generated page by its URL path
("events/<id>/", "timeline/", ...) with its title and HTML, the data files by path,
and the generated parts hand-written pages may ask for. Nothing here imports MkDocs:
the adapter (`desclasificado/mkdocs_hooks.py`) hands the pages to the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..index import SiteIndex, build_index
from ..validate import Collection
from .context import Context, Page
from .data import DATA_FILES
from .document import document_page, documents_index
from .event import event_page
from .home import FRAGMENTS
from .links import BrokenLink, PageBuilder, check_links
from .listing import (
    actor_page,
    actors_index,
    countries_index,
    country_page,
    theme_page,
    themes_index,
    timeline_page,
)

__all__ = ["Page", "Site", "render_site"]


@dataclass
class Site:
    """Everything generated: pages by URL path, data files by path, the context."""

    context: Context
    pages: dict[str, Page] = field(default_factory=dict)
    data_files: dict[str, str] = field(default_factory=dict)

    def fragment(self, name: str, url: str) -> tuple[str, PageBuilder]:
        """A generated part for the hand-written page at `url` (KeyError if unknown)."""
        pb = PageBuilder(url)
        return FRAGMENTS[name](self.context, pb), pb

    def broken_links(self, other_pages: set[str]) -> list[BrokenLink]:
        """Links from generated pages and parts to pages or anchors that do not exist."""
        anchors = {url: page.anchors for url, page in self.pages.items()}
        checked = [(url, page.source, page.links) for url, page in self.pages.items()]
        for name in FRAGMENTS:
            _, pb = self.fragment(name, "")
            checked.append((f"<!-- desclasificado:{name} -->", None, pb.links))
        return check_links(checked, anchors, other_pages)


def render_site(collection: Collection, index: SiteIndex | None = None) -> Site:
    """Render every page and data file of the site."""
    index = index or build_index(collection)
    ctx = Context.prepare(collection, index)
    site = Site(ctx)
    pages = [timeline_page(ctx), countries_index(ctx), themes_index(ctx), actors_index(ctx),
             documents_index(ctx)]
    pages += [event_page(ctx, eid) for eid in index.timeline]
    pages += [document_page(ctx, doc_id) for doc_id in sorted(collection.documents)]
    pages += [country_page(ctx, code) for code in sorted(index.by_country)]
    pages += [theme_page(ctx, theme_id) for theme_id in sorted(collection.themes)]
    pages += [actor_page(ctx, actor_id) for actor_id in sorted(collection.actors)]
    site.pages = {page.url: page for page in pages}
    site.data_files = {path: make(ctx) for path, make in DATA_FILES.items()}
    return site

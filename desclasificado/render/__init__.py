"""Stage 4, render: pure functions from a collection to pages and data files.

`render_site(collection)` returns a `Site`: every generated page by its URL path
("events/<id>/", "timeline/", ...) with its title and HTML, the embeddable pages
(`embed/...`, link-checked like the others), the files written as they are (data files,
the embeddable pages' HTML and oEmbed files, citation files) by path, and the generated
parts hand-written pages may ask for. Nothing here imports MkDocs:
the adapter (`desclasificado/mkdocs_hooks.py`) hands the pages to the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..index import SiteIndex, build_index
from ..validate import Collection
from .context import Context, Page, SiteInfo
from .data import DATA_FILES, document_cite_files
from .document import document_page, documents_index
from .embed import embed_files, iter_embed_pages
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
    year_pages,
)
from .teaching import embed_url, oembed_url

__all__ = ["Page", "Site", "SiteInfo", "render_site"]


@dataclass
class Site:
    """Everything generated: pages and embeddable pages by URL path, files by path."""

    context: Context
    pages: dict[str, Page] = field(default_factory=dict)
    data_files: dict[str, str] = field(default_factory=dict)
    embeds: dict[str, Page] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)  # files handed to `write` (render_site)

    def fragment(self, name: str, url: str) -> tuple[str, PageBuilder]:
        """A generated part for the hand-written page at `url` (KeyError if unknown)."""
        pb = PageBuilder(url)
        return FRAGMENTS[name](self.context, pb), pb

    def broken_links(self, other_pages: set[str]) -> list[BrokenLink]:
        """Links from generated pages and parts to pages or anchors that do not exist."""
        generated = {**self.pages, **self.embeds}
        anchors = {url: page.anchors for url, page in generated.items()}
        checked = [(url, page.source, page.links) for url, page in generated.items()]
        for name in FRAGMENTS:
            _, pb = self.fragment(name, "")
            checked.append((f"<!-- desclasificado:{name} -->", None, pb.links))
        return check_links(checked, anchors, other_pages)


def render_site(collection: Collection, index: SiteIndex | None = None,
                info: SiteInfo | None = None,
                write: Callable[[str, str], None] | None = None) -> Site:
    """Render every page and data file of the site (`info`: its name, address, build day).

    With `write(path, text)`, the files written as they are (data files, embeddable pages,
    oEmbed and citation files) are handed to it as soon as each is rendered and not kept:
    `data_files` stays empty, `written` lists their paths, and the embeddable pages keep
    their links and anchors (for the link check) but not their HTML.
    """
    index = index or build_index(collection)
    ctx = Context.prepare(collection, index, info)
    site = Site(ctx)
    pages = [timeline_page(ctx), countries_index(ctx), themes_index(ctx), actors_index(ctx),
             documents_index(ctx)]
    pages += [event_page(ctx, eid) for eid in index.timeline]
    pages += [document_page(ctx, doc_id) for doc_id in sorted(collection.documents)]
    pages += [country_page(ctx, code) for code in sorted(index.by_country)]
    pages += [theme_page(ctx, theme_id) for theme_id in sorted(collection.themes)]
    pages += [actor_page(ctx, actor_id) for actor_id in sorted(collection.actors)]
    pages += year_pages(ctx)
    site.pages = {page.url: page for page in pages}
    def keep(files: dict[str, str]) -> None:
        if write is None:
            site.data_files.update(files)
            return
        for path, text in files.items():
            write(path, text)
            site.written.append(path)

    for path, make in DATA_FILES.items():
        keep({path: make(ctx)})
    for page in iter_embed_pages(ctx):
        site.embeds[page.url] = page
        if write is not None:
            keep(embed_files(ctx, {page.url: page}))
            page.html = ""
    if write is None:
        keep(embed_files(ctx, site.embeds))
    keep(document_cite_files(ctx))
    ctx.entries.clear()  # the list entries, cached while rendering the lists
    for url, page in site.pages.items():  # pages with an embeddable version advertise it
        if embed_url(url) in site.embeds:
            page.oembed = oembed_url(ctx, url)
    return site

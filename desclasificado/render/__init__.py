"""Stage 4, render: pure functions from a collection to pages and data files.

`plan_site(collection, index)` returns a `Site`: every generated page by its URL path
("events/<id>/", "timeline/", ...) as the call that renders it (`Site.render(url)`), the
generated parts hand-written pages may ask for, and the link check, fed as pages are
rendered. `Site.write_files(write)` renders the embeddable pages (`embed/...`) and data
files and hands each to `write` as it is rendered. `render_site(collection, index)` does
all of it in memory (the tests). Nothing here imports MkDocs: the adapter
(`desclasificado/publish/hooks.py`) renders each page when MkDocs writes it, so that the
site is never in memory at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial

from desclasificado.check.collection import Collection
from desclasificado.index import SiteIndex
from desclasificado.render.context import Context, Page, SiteInfo
from desclasificado.render.data import DATA_FILES, document_cite_files
from desclasificado.render.document import cited_by_pages, document_page, transcript_pages
from desclasificado.render.documentcite import collection_casing
from desclasificado.render.documentlist import document_year_pages, documents_index
from desclasificado.render.embed import Embedded, embed_files, iter_embed_pages
from desclasificado.render.event import event_page
from desclasificado.render.home import FRAGMENTS
from desclasificado.render.i18n import Language, activate, language, site_languages
from desclasificado.render.links import BrokenLink, LinkCheck, PageBuilder
from desclasificado.render.listing import (
    actor_page,
    actors_index,
    countries_index,
    country_page,
    theme_page,
    themes_index,
    timeline_page,
    year_pages,
)
from desclasificado.render.markup import Rendered
from desclasificado.render.printing import colophon
from desclasificado.render.redirects import redirect_files
from desclasificado.render.teaching import oembed_url
from desclasificado.render.titlecase import Learned
from desclasificado.render.urls import (
    ACTORS,
    COUNTRIES,
    DOCUMENTS,
    THEMES,
    TIMELINE,
    actor_url,
    country_url,
    document_transcript_url,
    document_url,
    embed_url,
    event_url,
    language_prefix,
    theme_url,
)

__all__ = ["Page", "Site", "SiteInfo", "plan_site", "plan_sites", "render_site"]


@dataclass
class Site:
    """Everything generated: pages by URL path (each rendered on demand by `render`),
    embeddable pages and files, and the link check of what has been rendered so far."""

    context: Context
    links: LinkCheck
    makers: dict[str, Callable[[], Page]] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)  # rendered by render_site
    data_files: dict[str, str] = field(default_factory=dict)
    embeds: dict[str, Page] = field(default_factory=dict)  # without `write` only
    embed_urls: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)  # files handed to `write`
    # renders an embeddable page from its job and writes its files, when the build reuses
    # pages (`publish/pagecache`)
    embed_maker: Callable[[Callable[[], Page]], Embedded] | None = None

    @property
    def prefix(self) -> str:
        """The folder of this language's pages ("" for the site's own language, "es/")."""
        return self.context.info.prefix

    @property
    def language(self) -> Language:
        return language(self.context.info.lang)

    def render(self, url: str) -> Page:
        """Render the page at `url` (within the language's pages) and check its links
        (KeyError if not generated)."""
        try:
            with activate(self.language):
                page = self.makers[url]()
                if embed_url(url) in self.embed_urls:  # pages with an embeddable version say so
                    page.oembed = oembed_url(self.context, url)
                page.colophon = colophon(self.context, page, _document_of(self.context, url))
        except Exception as exc:  # a bug: say which page, for whoever reports it
            exc.add_note(f"while rendering the page /{self.prefix}{url}")
            raise
        self.links.add(self.prefix + url, page.source, page.links, page.anchors)
        return page

    def page_colophon(self, url: str, title: str) -> str:
        """The printed line of a hand-written page at `url` (within the language's pages):
        its address, the day, and its citation as a web page."""
        with activate(self.language):
            return colophon(self.context, Page(url, title, "", [], set()))

    def fragment(self, name: str, url: str) -> tuple[str, PageBuilder]:
        """A generated part for the hand-written page at `url` (within the language's
        pages; KeyError if unknown)."""
        pb = PageBuilder(url, self.prefix)
        with activate(self.language):
            return FRAGMENTS[name](self.context, pb), pb

    def write_files(self, write: Callable[[str, str], None] | None = None,
                    share: tuple[int, int] = (0, 1)) -> None:
        """Render the files that are written as they are: data files, embeddable pages,
        oEmbed and citation files, under the language's folder. With `write(path, text)`
        each is handed to it as soon as it is rendered and not kept (`written` lists their
        paths); without, they are kept in `data_files` and `embeds`. With `share` (number,
        count), only a worker's share: the number-th of every count files or pages."""
        with activate(self.language):
            self._write_files(self.context, write, share)

    def _write_files(self, ctx: Context, write: Callable[[str, str], None] | None,
                     share: tuple[int, int]) -> None:
        """`write_files` in the site's language."""
        def keep(files: dict[str, str]) -> None:
            if write is None:
                self.data_files.update((self.prefix + path, text) for path, text in files.items())
                return
            for path, text in files.items():
                write(self.prefix + path, text)
                self.written.append(self.prefix + path)

        number, count = share
        jobs = [*(partial(_data_file, path, make, ctx) for path, make in DATA_FILES.items()),
                partial(document_cite_files, ctx), partial(redirect_files, ctx)]
        for position, job in enumerate(jobs):
            if position % count == number:
                keep(job())
        for page in iter_embed_pages(ctx, share, self.embed_maker if write else None):
            self.embed_urls.add(page.url)
            self.links.add(self.prefix + page.url, page.source, page.links, page.anchors,
                           shared=isinstance(page, Embedded))  # the cache's links are shared
            if isinstance(page, Embedded):  # its files written by the page cache
                self.written.extend(self.prefix + path for path in page.paths)
                continue
            keep(embed_files(ctx, {page.url: page}))
            if write is None:
                self.embeds[self.prefix + page.url] = page
        if number == 0:
            for name in FRAGMENTS:
                self.links.add(f"<!-- desclasificado:{name} -->", None,
                               self.fragment(name, "")[1].links, None)

    def broken_links(self) -> list[BrokenLink]:
        """Links to pages or anchors that do not exist, once every page is rendered."""
        return self.links.broken()


def _data_file(path: str, make: Callable[[Context], str], ctx: Context) -> dict[str, str]:
    return {path: make(ctx)}


def _document_of(ctx: Context, url: str) -> str | None:
    """The document whose page (or whole transcript's page) is at `url`, if it is one."""
    doc_id = url.removeprefix(DOCUMENTS).rstrip("/").removesuffix("/transcript")
    if doc_id not in ctx.collection.documents:
        return None
    return doc_id if url in (document_url(doc_id), document_transcript_url(doc_id)) else None


def page_makers(ctx: Context) -> dict[str, Callable[[], Page]]:
    """Every generated page by URL, as the call that renders it."""
    index, collection = ctx.index, ctx.collection
    makers: dict[str, Callable[[], Page]] = {
        TIMELINE: partial(timeline_page, ctx), COUNTRIES: partial(countries_index, ctx),
        THEMES: partial(themes_index, ctx), ACTORS: partial(actors_index, ctx),
        DOCUMENTS: partial(documents_index, ctx)}
    makers |= {event_url(eid): partial(event_page, ctx, eid) for eid in index.timeline}
    makers |= {document_url(doc_id): partial(document_page, ctx, doc_id)
               for doc_id in sorted(collection.documents)}
    makers |= {country_url(code): partial(country_page, ctx, code)
               for code in sorted(index.by_country)}
    makers |= {theme_url(theme_id): partial(theme_page, ctx, theme_id)
               for theme_id in sorted(collection.themes)}
    makers |= {actor_url(actor_id): partial(actor_page, ctx, actor_id)
               for actor_id in sorted(collection.actors)}
    return (makers | year_pages(ctx) | document_year_pages(ctx) | cited_by_pages(ctx)
            | transcript_pages(ctx))


def plan_site(collection: Collection, index: SiteIndex, info: SiteInfo | None = None,
              other_pages: Iterable[str] = ()) -> Site:
    """The site in one language (`info.lang`): every generated page as the call that
    renders it, nothing rendered or written yet (`info`: the site's name, address, build
    day and language; `other_pages`: the URLs of the hand-written pages, for the link
    check). `Site.write_files` then renders the files written as they are (data files,
    embeddable pages, oEmbed and citation files)."""
    return plan_sites(collection, index, info, other_pages, languages=[(info or SiteInfo()).lang])[0]


def plan_sites(collection: Collection, index: SiteIndex, info: SiteInfo | None = None,
               other_pages: Iterable[str] = (), languages: list[str] | None = None,
               rendered: Rendered | None = None, casings: Learned | None = None
               ) -> list[Site]:
    """The site in each of `languages` (by default every language it is published in,
    `site_languages(info.lang)`): the first at the root, each other one under its folder
    (`/es/`), its pages linking to each other. One link check covers them all, so that a
    page may link to its version in another language. `rendered`: the Markdown the last
    build rendered (`markup.Rendered`, from the page cache), and this one's; `casings`,
    what each text taught the title casing in the last build (`titlecase.Learned`)."""
    info = info or SiteInfo()
    casing = collection_casing(collection, casings)  # its names, once for every language
    planned = []
    for code in languages or site_languages(info.lang):
        with activate(language(code)):  # the summaries are rendered in the language
            ctx = Context.prepare(collection, index, replace(
                info, lang=code, prefix=language_prefix(code, info.lang)), casing, rendered)
            planned.append((ctx, page_makers(ctx)))
    links = LinkCheck((ctx.info.prefix + url for ctx, makers in planned for url in makers),
                      other_pages)
    return [Site(ctx, links, makers) for ctx, makers in planned]


def render_site(collection: Collection, index: SiteIndex, info: SiteInfo | None = None,
                write: Callable[[str, str], None] | None = None,
                other_pages: Iterable[str] = ()) -> Site:
    """Plan the site in one language (`plan_site`), render its files and every page into
    `pages`."""
    site = plan_site(collection, index, info, other_pages)
    site.write_files(write)
    site.pages = {url: site.render(url) for url in site.makers}
    site.context.entries.clear()  # the list entries, cached while rendering the lists
    return site

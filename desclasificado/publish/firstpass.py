"""The first pass of a `serve` rebuild: the pages of the records that changed, at once.

After an edit, the preview writes first the pages a reader is looking at (the edited
event's, in every language), rendered from the checked collection with the theme, nav and
languages the last complete build left (`Shown`), then lets the whole build run in the
background (`preview.py`), which writes every other page and leaves the site as a clean
build would. Which pages: each changed record's own page (an event's, a document's, an
actor's, a theme's), then the event pages whose recorded reads (the page cache's
manifest, `pagecache.Kept.reads`) include a changed record (its neighbours, its related
events), the nearest in the timeline, at most `MAX_READERS` of those in each language. Lists, year pages, embeddable
pages and data files wait for the second pass: they show the old title meanwhile.

Nothing here goes into the page cache: the second pass renders those pages again, by
what they read, as any build does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from desclasificado.check.collection import Collection
from desclasificado.index import SiteIndex, build_index
from desclasificado.publish.pagecache import Kept
from desclasificado.publish.pagewriter import THEME_PAGE, PageWriter
from desclasificado.publish.sitefiles import write_whole
from desclasificado.render import Site
from desclasificado.render.context import Context, Page, SiteInfo
from desclasificado.render.document import document_page
from desclasificado.render.event import event_page
from desclasificado.render.i18n import activate, language
from desclasificado.render.links import LinkCheck
from desclasificado.render.listing import actor_page, theme_page
from desclasificado.render.markup import Rendered
from desclasificado.render.reads import Read, unwatched
from desclasificado.render.titlecase import Casing
from desclasificado.render.urls import actor_url, document_url, event_url, theme_url

#: The page of each kind of record, and what renders it.
OWN_PAGES: dict[str, tuple[Callable[[str], str], Callable[[Context, str], Page]]] = {
    "events": (event_url, event_page), "documents": (document_url, document_page),
    "actors": (actor_url, actor_page), "themes": (theme_url, theme_page)}
_RECORDS = "collection."  # the tables of records, as reads name them
MAX_READERS = 2  # event pages reading a changed record rendered first, in each language


@dataclass
class Language:
    """What one language's pages were rendered with in the last complete build."""

    info: SiteInfo
    casing: Casing  # what titles' casing learnt from the collection
    embed_urls: set[str]
    summaries: dict[str, str]  # each event's summary and body, rendered (`Context`)
    bodies: dict[str, str]
    readers: dict[Read, list[str]]  # the event pages reading each record, by the event's id

    @classmethod
    def of(cls, site: Site, manifest: dict[str, Kept]) -> Language:
        """The language of `site`, with what its event pages read (`manifest`)."""
        ctx, readers = site.context, {}
        for event_id in unwatched(ctx.collection).events:
            kept = manifest.get(ctx.info.prefix + event_url(event_id))
            for read, _digest in kept.reads if kept is not None else ():
                if read[0].startswith(_RECORDS):
                    readers.setdefault(read, []).append(event_id)
        return cls(ctx.info, unwatched(ctx.casing), site.embed_urls,
                   unwatched(ctx.summaries), unwatched(ctx.bodies), readers)


@dataclass
class Shown:
    """What the last complete build of a preview leaves for the next first pass."""

    collection: Collection
    index: SiteIndex
    languages: list[Language]
    writer: PageWriter  # its theme, nav, hand-written pages and languages (no pages)
    markdown: dict[str, str]  # the Markdown it rendered (`markup.Rendered`)

    @classmethod
    def of(cls, sites: list[Site], writer: PageWriter, manifest: dict[str, Kept],
           markdown: dict[str, str]) -> Shown:
        """What the build of `sites` leaves, the page cache's `manifest` (each page with
        what it read) and the `markdown` it rendered among it."""
        first = sites[0].context
        return cls(unwatched(first.collection), unwatched(first.index),
                   [Language.of(site, manifest) for site in sites],
                   replace(writer, pages={}, cache=None), markdown)


def changed_records(before: Collection, after: Collection) -> set[tuple[str, str]]:
    """The records (kind, id) added, removed or changed, transcripts ("transcripts", id)
    among them. A record whose file did not change keeps its very model
    (`check.project.Rechecks`), so a changed one is a different object."""
    found = set()
    for kind in (*OWN_PAGES, "transcripts"):
        old, new = before.table(kind), after.table(kind)
        found.update((kind, key) for key in old.keys() | new.keys()
                     if old.get(key) is not new.get(key))
    return found


def index_for(shown: Shown, collection: Collection, changed: set[tuple[str, str]]) -> SiteIndex:
    """The index of `collection`: the last build's when nothing it is made of changed
    (only events changed, in none of the fields the index reads), else a new one."""
    if all(kind == "events" and key in shown.collection.events and key in collection.events
           and _indexed(shown.collection.events[key]) == _indexed(collection.events[key])
           for kind, key in changed):
        return shown.index
    return build_index(collection)


def first_pass(shown: Shown, collection: Collection, index: SiteIndex,
               changed: set[tuple[str, str]], site_dir: Path) -> list[str]:
    """Render and write the pages of the changed records (see the module's doc), in
    every language; the files written, relative to the site."""
    collection.changed = shown.collection.changed  # the days of git's history
    rendered = Rendered(known=shown.markdown)
    added = [f"{lang.info.prefix}{url}" for lang in shown.languages
             for url in _own_urls(collection, changed)]
    writer = replace(shown.writer, languages=replace(
        shown.writer.languages, pages=shown.writer.languages.pages | set(added)))
    template, written = writer.env.get_template(THEME_PAGE), []
    events = {key for kind, key in changed if kind == "events"}
    for lang in shown.languages:
        ctx = _context(lang, collection, index, events, rendered)
        makers = dict(_pages(lang, ctx, changed))
        site = Site(ctx, LinkCheck((), ()), makers, embed_urls=lang.embed_urls)
        for url in makers:
            address = lang.info.prefix + url
            html = writer.render(template, address, site.render(url))
            write_whole(site_dir / address / "index.html",
                        html.encode("utf-8", errors="xmlcharrefreplace"))
            written.append(f"{address}index.html")
    return written


def _context(lang: Language, collection: Collection, index: SiteIndex, events: set[str],
             rendered: Rendered) -> Context:
    """The context of a language's pages: the summaries and bodies of the last build,
    those of the changed `events` rendered again."""
    with activate(language(lang.info.lang)):
        some = Context.prepare(replace(collection, events={
            key: collection.events[key] for key in events if key in collection.events}),
            index, lang.info, lang.casing, rendered)
    summaries, bodies = dict(lang.summaries), dict(lang.bodies)
    for key in events:
        for made, table in ((some.summaries, summaries), (some.bodies, bodies)):
            table.pop(key, None)
            if key in made:
                table[key] = made[key]
    return Context(collection, index, summaries, bodies, info=lang.info, casing=lang.casing)


def _pages(lang: Language, ctx: Context, changed: set[tuple[str, str]]
           ) -> Iterator[tuple[str, Callable[[], Page]]]:
    """The pages of one language to render first, as (URL, maker): the changed records'
    own, then event pages that read a changed record."""
    for kind, key in sorted(changed):
        kind = "documents" if kind == "transcripts" else kind
        if key in ctx.collection.table(kind):
            url, render = OWN_PAGES[kind]
            yield url(key), partial(render, ctx, key)
    readers = {event_id for kind, key in changed
               for event_id in lang.readers.get((f"{_RECORDS}{kind}", key), ())
               if event_id in ctx.collection.events and ("events", event_id) not in changed}
    at = [ctx.index.position[key] for kind, key in changed if key in ctx.index.position]

    def distance(event_id: str) -> tuple[int, str]:  # the nearest in the timeline first
        here = ctx.index.position[event_id]
        return min((abs(here - there) for there in at), default=0), event_id

    for event_id in sorted(readers, key=distance)[:MAX_READERS]:
        yield event_url(event_id), partial(event_page, ctx, event_id)


def _own_urls(collection: Collection, changed: set[tuple[str, str]]) -> list[str]:
    """The URLs of the changed records' own pages, within a language."""
    return [OWN_PAGES[kind][0](key) for kind, key in changed
            if kind in OWN_PAGES and key in collection.table(kind)]


def _indexed(event: Any) -> tuple[Any, ...]:
    """What the index reads of an event (`index.build_index`)."""
    return (event.date, event.countries, event.themes, event.actors, event.related,
            [(s.document, s.pages, s.quote, s.lang) for s in event.sources])


__all__ = ["Shown", "changed_records", "first_pass", "index_for"]

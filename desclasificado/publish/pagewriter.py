"""Write the generated pages ourselves, outside the engine's page loop, on every core.

The engine (MkDocs) builds its pages one after another in one process, and each one it
knows of also costs it in the nav and the sitemap. The generated pages (events, documents,
lists: thousands) are therefore not handed to it. Once it has made the theme's templates
(`on_env`) and the nav, `PageWriter.write` renders each generated page (`Site.render`),
puts it through the theme's `main.html` with the context the engine would give it
(`engine.get_context`, our languages and the page's parts), and writes it where the engine
would. The few generated pages the nav lists (the timeline, the indexes) stay the engine's.

With `workers` > 1 the pages are shared out among forked processes (`workers.py`): each
renders its share and sends back its link check's findings, which the parent merges. Every page is rendered from
the same state whatever the number of workers, so the site is byte-identical
(`tests/publish/test_pagewriter.py`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from desclasificado.publish import engine
from desclasificado.publish.languages import PageLanguages
from desclasificado.publish.pagecache import PageCache, given, nav_digest
from desclasificado.publish.sitefiles import write_whole
from desclasificado.publish.workers import share_out
from desclasificado.render import Site
from desclasificado.render.context import Page
from desclasificado.render.links import LinkCheck
from desclasificado.render.reads import Reads, content_digest
from desclasificado.render.urls import embed_url

THEME_PAGE = "main.html"  # the theme's template for a page


@dataclass
class Shell:
    """What the theme reads of a generated page (the engine's `Page` has the same names)."""

    url: str
    title: str
    meta: dict[str, Any]
    content: str
    canonical_url: str | None = None
    update_date: str = ""
    is_homepage: bool = False
    is_link: bool = False
    is_page: bool = True

    @property
    def page(self) -> Shell:
        """The sitemap lists the engine's files by their `file.page`: a shell is its own."""
        return self


def page_meta(generated: Page) -> dict[str, Any]:
    """The parts of a rendered page the theme reads from `page.meta`."""
    return dict(title=generated.title, description=generated.description,
                kind=generated.kind, scripts=list(generated.scripts), oembed=generated.oembed,
                search_kind=None if generated.search_kind is None
                else generated.search_kind or "page",
                search_date=generated.search_date, head_tags=generated.head_tags,
                json_ld=generated.json_ld, colophon=generated.colophon)


def canonical(site_url: str, url: str) -> str | None:
    """The page's full address, as the engine gives it (None without `site_url`)."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


@dataclass
class PageWriter:
    """The generated pages of one build, by address, and what rendering them needs."""

    pages: dict[str, tuple[Site, str]]  # address ("es/events/x/") -> its site, its URL there
    languages: PageLanguages
    config: Any
    env: Any = None
    nav: Any = None
    hand_written: list[Any] = field(default_factory=list)  # the engine's pages, for templates
    cache: PageCache | None = None  # the pages of the last build, to reuse (`pagecache.py`)
    # called before each page: `serve` stops a rebuild there when another starts
    checkpoint: Callable[[], None] = lambda: None
    _nav_digest: bytes | None = None

    def shells(self, built: str) -> list[Shell]:
        """Each page as the sitemap lists it (its address and the build day)."""
        site_url = self.config.site_url or ""
        return [Shell(address, "", {}, "", canonical(site_url, address), built)
                for address in self.pages]

    def write(self, workers: int = 1) -> None:
        """Render and write every page, on `workers` processes; the link check's findings
        of the children join the parent's, and so do the pages they kept in the cache."""
        if not self.pages:
            return
        addresses, links, cache = list(self.pages), self._links(), self.cache
        since = links.mark()

        def work(number: int, count: int) -> None:
            if number and cache is not None:
                cache.start_worker()
            self._write_share(addresses[number::count])

        def report() -> tuple[Any, Any]:
            return links.findings(since), cache.report() if cache else None

        for found, kept in share_out(work, report, workers):
            links.merge(found)
            if cache is not None and kept is not None:
                cache.merge(kept)

    def _links(self) -> LinkCheck:
        site = next(iter(self.pages.values()))[0]
        return site.links

    def _write_share(self, addresses: list[str]) -> None:
        template = self.env.get_template(THEME_PAGE)
        site_dir = os.fspath(self.config.site_dir)
        for address in addresses:
            self.checkpoint()
            site, url = self.pages[address]
            target = os.path.join(site_dir, address, "index.html")  # a string: see `_file`
            around = self._around(address, site, url) if self.cache else b""
            kept = self.cache.lookup(address, site.context, around) if self.cache else None
            if kept is not None and self.cache.place(address, kept, target):
                site.links.add(site.prefix + url, *kept.links, shared=True)
                continue
            generated, reads = Reads.of(site.render, url)  # its errors name the page
            try:
                html = self.render(template, address, generated).encode(
                    "utf-8", errors="xmlcharrefreplace")
            except Exception as exc:  # a bug: say which page, for whoever reports it
                exc.add_note(f"while writing the page /{address}")
                raise
            write_whole(Path(target), html)  # a file left there may be a link to a kept page
            if self.cache is not None:
                self.cache.keep(address, site.context, reads, around, html, (
                    generated.source, tuple(generated.links), frozenset(generated.anchors)))

    def _around(self, address: str, site: Site, url: str) -> bytes:
        """A digest of what the page gets besides what it reads: what its maker was given
        when the site was planned (a list page's events), the page's languages, whether it
        has an embeddable version, the site's name, address, day and language."""
        if self._nav_digest is None:
            self._nav_digest = nav_digest(self.nav)
        return content_digest((
            given(site.makers[url], site.context), self._nav_digest,
            self.languages.address_context(address, self.config.site_url or ""),
            embed_url(url) in site.embed_urls, self.cache.info_digest(site.context.info)))

    def render(self, template: Any, address: str, generated: Page) -> str:
        """The whole HTML of the generated page at `address`."""
        site_url = self.config.site_url or ""
        shell = Shell(address, generated.title, page_meta(generated), generated.html,
                      canonical(site_url, address))
        context = engine.get_context(self.nav, self.hand_written, self.config, shell)
        context.update(self.languages.address_context(address, site_url))
        context["generated_html"] = generated.html
        return template.render(context)


def write_site_files(sites: list[Site], write: Any, workers: int = 1,
                     cache: PageCache | None = None) -> None:
    """The files each site writes as they are (`Site.write_files`: data files, embeddable
    pages...), shared out among `workers` processes; what the children rendered (embeddable
    pages, files written, link findings, embeddable pages kept in `cache`) joins the
    parent's sites."""
    links = sites[0].links
    since = links.mark()

    def work(number: int, count: int) -> None:
        if number and cache is not None:
            cache.start_worker()
        for site in sites:
            site.write_files(write, (number, count))

    def report() -> tuple[Any, list[tuple[set[str], list[str]]], Any]:
        return (links.findings(since), [(site.embed_urls, site.written) for site in sites],
                cache.report() if cache else None)

    for found, learnt, kept in share_out(work, report, workers):
        links.merge(found)
        if cache is not None and kept is not None:
            cache.merge(kept)
        for site, (embed_urls, written) in zip(sites, learnt, strict=True):
            site.embed_urls.update(embed_urls)
            site.written.extend(written)


__all__ = ["PageWriter", "Shell", "canonical", "page_meta", "write_site_files"]

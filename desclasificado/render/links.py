"""Addresses of pages, relative links between them, and the link check.

Every internal link a renderer writes goes through `PageBuilder.href()`, which returns
the link relative to the page (so the site works under any path) and records the
target; every anchor goes through `PageBuilder.anchor()`. `check_links()` then compares
the recorded targets with the pages and anchors generated, without parsing any HTML:
linear in the number of links, whatever the size of the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .markup import esc


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def document_url(document_id: str) -> str:
    return f"documents/{document_id}/"


def country_url(code: str) -> str:
    return f"countries/{code.lower()}/"


def theme_url(theme_id: str) -> str:
    return f"themes/{theme_id}/"


def actor_url(actor_id: str) -> str:
    return f"actors/{actor_id}/"


TIMELINE = "timeline/"
COUNTRIES = "countries/"
THEMES = "themes/"
ACTORS = "actors/"
DOCUMENTS = "documents/"


def depth(url: str) -> int:
    """How many directories deep a page is: 0 for the home page, 2 for 'events/x/'."""
    return url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """The link from the page at `from_url` to `to_url` (directory URLs, '' = home).

    It climbs to the site root and descends again, so it depends only on the depth of
    `from_url`: a list entry rendered once serves every page of the same depth.
    """
    return ("../" * depth(from_url) + to_url) or "./"


@dataclass(frozen=True)
class Link:
    """A link written on a page: its target page and anchor (None: the top)."""

    url: str
    anchor: str | None


@dataclass
class PageBuilder:
    """Collects what one page links to and which anchors it defines."""

    url: str
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._root = "../" * depth(self.url)

    def href(self, url: str, anchor: str | None = None) -> str:
        """An escaped relative link to `url#anchor`, recorded for the link check."""
        self.links.append(Link(url, anchor))
        if url == self.url and anchor:
            return esc(f"#{anchor}")
        target = (self._root + url) or "./"
        return esc(f"{target}#{anchor}" if anchor else target)

    def anchor(self, name: str) -> str:
        """Register an element id on this page; returns it escaped."""
        self.anchors.add(name)
        return esc(name)


@dataclass(frozen=True)
class BrokenLink:
    """A link to a page or anchor that is not generated."""

    page: str
    link: Link
    source: str | None

    def message(self) -> str:
        """One line naming the source file, the page and the missing target."""
        where = f"{self.source}: " if self.source else ""
        target = self.link.url + (f"#{self.link.anchor}" if self.link.anchor else "")
        missing = "anchor" if self.link.anchor else "page"
        return (f"{where}error: the page /{self.page} links to /{target}, but no such "
                f"{missing} is generated")


def check_links(pages: Iterable[tuple[str, str | None, list[Link]]],
                anchors: dict[str, set[str]], other_pages: set[str]) -> list[BrokenLink]:
    """Links to pages not generated, or to anchors their page does not define.

    `pages` yields (url, source file, links) for each generated page; `anchors` maps
    each generated page to its anchors; `other_pages` are pages from elsewhere (the
    hand-written ones), which may be linked to without an anchor.
    """
    broken = []
    for url, source, links in pages:
        for link in links:
            known = anchors.get(link.url)
            if known is None:
                ok = link.url in other_pages and link.anchor is None
            else:
                ok = link.anchor is None or link.anchor in known
            if not ok:
                broken.append(BrokenLink(url, link, source))
    return broken

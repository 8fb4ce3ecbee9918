"""Addresses of pages, relative links between them, and the link check.

Every internal link a renderer writes goes through `PageBuilder.href()`, which returns
the link relative to the page (so the site works under any path) and records the
target; every anchor goes through `PageBuilder.anchor()`. `check_links()` then compares
the recorded targets with the pages and anchors generated, without parsing any HTML:
linear in the number of links, whatever the size of the site.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from desclasificado.render.markup import esc


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
    """Collects what one page links to and which anchors it defines.

    `url` is the page's address within its language's pages; `prefix` the folder of that
    language ("es/"; "" for the site's own language), which every link to a page is given,
    so that the pages of a language link to each other."""

    url: str
    prefix: str = ""
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.root = "../" * depth(self.prefix + self.url)  # the way up to the site's root

    def href(self, url: str, anchor: str | None = None) -> str:
        """An escaped relative link to `url#anchor` in the page's language, recorded for
        the link check."""
        self.links.append(Link(self.prefix + url, anchor))
        if url == self.url and anchor:
            return esc(f"#{anchor}")
        target = self.path(url)
        return esc(f"{target}#{anchor}" if anchor else target)

    def path(self, url: str) -> str:
        """The relative path to `url` in the page's language (not escaped, not recorded:
        a file that is not a page, such as a data download)."""
        return (self.root + self.prefix + url) or "./"

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


@dataclass
class LinkFindings:
    """What a link check learnt from some pages, for another process's check to join
    (`LinkCheck.findings`, `merge`)."""

    anchors: dict[str, str]
    waiting: list[tuple[str, str | None, tuple[Link, ...]]]
    found: list[BrokenLink]


def anchor_names(anchors: Iterable[str]) -> str:
    """A page's anchors as the link check keeps them: one string, each name between NULs
    (a frozenset of strings took 24 MB at 1,000 realistic events, 29 anchors a page on average;
    NUL is in no HTML id)."""
    return "".join(f"\0{name}" for name in sorted(anchors)) + "\0"


class LinkCheck:
    """The link check, fed one page at a time as pages are rendered.

    `expected` are the pages known to be generated (their anchors are known once each is
    added; pages added that were not expected join them), `other_pages` pages from
    elsewhere (the hand-written ones), which may be linked to without an anchor. A link is
    settled as soon as its target is known; only links to pages not yet added wait for
    `broken()`, so the check keeps the anchors of each page (`anchor_names`) but not every
    link of the site; those that wait are kept by page, one tuple a page (one a link took
    18 MB at 1,000 realistic events).
    """

    def __init__(self, expected: Iterable[str], other_pages: Iterable[str]) -> None:
        self.expected = set(expected)
        self.other_pages = set(other_pages)
        self.anchors: dict[str, str] = {}  # a page -> its anchors (`anchor_names`)
        self.waiting: list[tuple[str, str | None, tuple[Link, ...]]] = []
        self.found: list[BrokenLink] = []
        # the shared links found to lead somewhere, by identity (each kept here, so that
        # its id is not another's): once a target and its anchors are known, they stay
        self._good: dict[int, Link] = {}

    def add(self, url: str, source: str | None, links: Iterable[Link],
            anchors: Iterable[str] | None, shared: bool = False) -> None:
        """A rendered page (anchors None: a generated part, not a page of its own).
        `shared`: its links are objects that many pages share (those the page cache
        keeps, one object for each link however many pages have it), so that a link found
        good once is not judged again for each page (3.3 million judgements at 10,000
        events, every page reused)."""
        if anchors is not None:
            self.expected.add(url)
            self.anchors[url] = anchor_names(anchors)
        good = self._good
        if shared:
            links = [link for link in links if good.get(id(link)) is not link]
        waiting = []
        for link in set(links):
            verdict = self._verdict(link)
            if verdict is None:
                waiting.append(link)
            elif not verdict:
                self.found.append(BrokenLink(url, link, source))
            elif shared:
                good[id(link)] = link
        if waiting:
            self.waiting.append((url, source, tuple(waiting)))

    def _verdict(self, link: Link, final: bool = False) -> bool | None:
        """Whether the link's target exists; None while that is not known yet."""
        if link.url in self.other_pages and link.url not in self.expected:
            return link.anchor is None
        if link.url not in self.expected:
            return False if final else None
        if link.anchor is None:
            return True
        known = self.anchors.get(link.url)
        if known is None:
            return False if final else None
        return f"\0{link.anchor}\0" in known

    def mark(self) -> tuple[int, int, int]:
        """Where the check is (before some pages are added; see `findings`)."""
        return len(self.anchors), len(self.waiting), len(self.found)

    def findings(self, since: tuple[int, int, int]) -> LinkFindings:
        """What was added since the `mark()` `since`: pages' anchors, their links."""
        anchors = dict(itertools.islice(self.anchors.items(), since[0], None))
        return LinkFindings(anchors, self.waiting[since[1]:], self.found[since[2]:])

    def merge(self, other: LinkFindings) -> None:
        """Join what another check learnt (a worker's pages): their anchors, their links."""
        self.expected.update(other.anchors)
        self.anchors.update(other.anchors)
        self.waiting.extend(other.waiting)
        self.found.extend(other.found)

    def broken(self) -> list[BrokenLink]:
        """Every broken link, once every page is added (a page expected but never added
        has no anchors)."""
        for url, source, links in self.waiting:
            self.found.extend(BrokenLink(url, link, source) for link in links
                              if not self._verdict(link, final=True))
        self.waiting = []
        return sorted(self.found, key=lambda b: (b.page, b.link.url, b.link.anchor or ""))


def check_links(pages: Iterable[tuple[str, str | None, list[Link]]],
                anchors: dict[str, set[str]], other_pages: set[str]) -> list[BrokenLink]:
    """Links to pages not generated, or to anchors their page does not define.

    `pages` yields (url, source file, links) for each generated page; `anchors` maps
    each generated page to its anchors; `other_pages` are pages from elsewhere (the
    hand-written ones), which may be linked to without an anchor.
    """
    check = LinkCheck(anchors, other_pages)
    check.anchors = {url: anchor_names(names) for url, names in anchors.items()}
    for url, source, links in pages:
        check.add(url, source, links, None)
    return check.broken()

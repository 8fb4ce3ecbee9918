"""Helpers for the site tests: tiny projects that build, and built pages parsed as HTML."""

from __future__ import annotations

import contextlib
import filecmp
import io
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from desclasificado.publish.build import copy_site_config
from tests.conftest import REPO, Project

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class SiteProject(Project):
    """A `Project` that can also be built into a site."""

    def __init__(self, root: Path):
        super().__init__(root)
        copy_site_config(REPO, root)

    def run(self, *argv: str) -> tuple[int, list[str]]:
        """Run `build.py ARGV` in-process; the exit code and the printed lines."""
        from desclasificado.cli import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(list(argv), root=self.root)
        return code, out.getvalue().splitlines()

    def build(self, *argv: str) -> tuple[int, list[str]]:
        return self.run("build", *argv)

    def page(self, url: str, site: str = "site") -> Doc:
        """The built page at `url` ('' for home, 'events/x/'), parsed."""
        return parse((self.root / site / url / "index.html").read_text(encoding="utf-8"))


@dataclass
class Element:
    """An element of a parsed page, with the text of everything inside it."""

    tag: str
    attrs: dict[str, str | None]
    parent: Element | None = field(repr=False)
    text: str = field(default="", repr=False)
    children: list[Element] = field(default_factory=list, repr=False)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with this tag (any when None) and these attribute values
        (`class_` matches one of the element's classes)."""
        found = []
        for child in self.children:
            if _matches(child, tag, attrs):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}> in <{self.tag} {self.attrs}>"
        return found[0]

    def links(self) -> list[str]:
        return [a.get("href") or "" for a in self.find_all("a")]

    def words(self) -> str:
        return " ".join(self.text.split())


def _matches(element: Element, tag: str | None, attrs: dict[str, str]) -> bool:
    if tag is not None and element.tag != tag:
        return False
    for name, value in attrs.items():
        if name == "class_":
            if value not in (element.get("class") or "").split():
                return False
        elif element.get(name) != value:
            return False
    return True


class Doc(Element):
    """A whole parsed page."""

    def by_id(self, element_id: str) -> Element:
        return self.find(id=element_id)

    def ids(self) -> list[str]:
        return [e.get("id") or "" for e in self.find_all() if e.get("id")]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Doc("#document", {}, None)
        self.stack: list[Element] = [self.doc]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(html: str) -> Doc:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.doc


def differing_files(one: Path, other: Path) -> list[str]:
    """The files that differ between two folders, or are in one only (links followed):
    [] when two builds wrote the same site, byte for byte."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only)
        _same, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right,
                                                   compared.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(one, other), "")
    return found


def all_pages(site: Path) -> dict[str, Doc]:
    """Every HTML file of a built site, parsed, by path relative to the site."""
    return {p.relative_to(site).as_posix(): parse(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


def event_yaml(date: str, title: str, *, summary: str = "Something happened.[^1]",
               countries: str = '["PE"]', quote: str = "Paris has emerged as the center of "
               "the network.", pages: str = "3", extra: str = "",
               document: str = "176-10036-10058") -> str:
    """An event citing the seed document (by default its page 3)."""
    return (f'date: "{date}"\ntitle: "{title}"\nsummary: "{summary}"\n'
            f"countries: {countries}\n{extra}"
            f'sources:\n  - document: "{document}"\n    pages: "{pages}"\n'
            f'    quote: "{quote}"\n')


def switch_problems(site: Path, paths: list[str]) -> list[str]:
    """What is wrong with the language switch of each page at `paths` ("timeline/1963/2/",
    in the site's own language) and of the same page in every other language: a page
    without the switch, or a link of it that does not lead to the same page in another
    language (the same path under that language's folder) that exists. [] when right."""
    from urllib.parse import urljoin, urlparse

    problems: list[str] = []
    folders = sorted(p.name + "/" for p in site.iterdir()
                     if (p / "index.html").exists() and len(p.name) == 2)
    for path in paths:
        for folder in ("", *folders):
            page = f"{folder}{path}index.html"
            switches = parse((site / page).read_text(encoding="utf-8")).find_all(
                "nav", class_="language-switch")
            if not switches:
                problems.append(f"{page}: no language switch")
                continue
            switch = switches[0]
            links = [a.get("href") or "" for a in switch.find_all("a")]
            if len(links) != len(folders):
                problems.append(f"{page}: {len(links)} links for {len(folders) + 1} languages")
            for href in links:
                target = urlparse(urljoin(f"https://h/{page}", href)).path.lstrip("/")
                target += "index.html" if target.endswith("/") or not target else ""
                shown = target.removeprefix(next((f for f in folders if
                                                  target.startswith(f)), ""))
                if shown != f"{path}index.html" or not (site / target).exists():
                    problems.append(f"{page}: the switch leads to {target}")
    return problems

"""English of the interface left on a page in another language: the words of a catalogue
message (its English msgid, between its placeholders) shown outside every element marked
`lang="en"`, in text or in an attribute a reader hears or sees (aria-label, title, alt,
placeholder). `english_leftovers(site, code)` lists them for every page of a language's
folder; a message whose English is its translation too (a name, "PDF") is not looked for,
nor the title of a hand-written page not translated yet (its `<h1>`, marked English, which
its printed colophon cites)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

from desclasificado.render.i18n import catalogue_path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
UNSHOWN = ("script", "style", "head", "code", "pre", "textarea", "template")
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)s|<[^>]*>|&\w+;")


def english_pieces(code: str, root: Path | None = None) -> set[str]:
    """The English words of the catalogue of `code` that the translation changes: each piece
    of a msgid between its placeholders, of two words and ten letters at least, that no
    translation of the catalogue contains."""
    with catalogue_path(code, root).open("rb") as handle:
        catalog = read_po(handle)
    translated = " ".join(m.string if isinstance(m.string, str) else " ".join(m.string)
                          for m in catalog if m.id)
    pieces: set[str] = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or set(ids) == set(strings):
            continue
        for msgid in ids:
            for piece in _PLACEHOLDER.split(msgid):
                piece = " ".join(piece.split()).strip(" .,:;()«»\u201c\u201d\"'")
                if len(piece) >= 10 and " " in piece and piece not in translated:
                    pieces.add(piece)
    return pieces


class _Shown(HTMLParser):
    """The texts of a page a reader meets outside `lang="en"` (and outside code)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[str] = []
        self.english_title = ""  # the words of an <h1> in English (an untranslated page)

    def _english_or_unshown(self) -> bool:
        for tag, _lang in self.open:
            if tag in UNSHOWN:
                return True
        langs = [lang for _tag, lang in self.open if lang is not None]
        return bool(langs) and langs[-1] == "en"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in VOID:
            self.open.append((tag, values.get("lang")))
        if not self._english_or_unshown() and values.get("lang") != "en":
            self.texts += [values[a] or "" for a in ATTRIBUTES if values.get(a)]

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self.open) - 1, -1, -1):
            if self.open[at][0] == tag:
                del self.open[at:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._english_or_unshown():
            self.texts.append(data)
        elif self.open and self.open[-1][0] == "h1" and self._english_or_unshown():
            self.english_title += data


def page_leftovers(path: str, html: str, pieces: set[str]) -> list[str]:
    """The catalogue's English found on one page, as 'path: piece (in: text)'."""
    parser = _Shown()
    parser.feed(html)
    title = " ".join(parser.english_title.split())
    found = []
    for text in parser.texts:
        words = " ".join(text.split())
        found += [f"{path}: {piece!r} in {words[:80]!r}" for piece in pieces
                  if piece in words and not (title and piece in title)]
    return found


def english_leftovers(site: Path, code: str, root: Path | None = None) -> tuple[list[str], int]:
    """The leftovers of every page under `site/<code>/`, and how many pages were read."""
    pieces = english_pieces(code, root)
    pages = sorted((site / code).rglob("*.html"))
    found: list[str] = []
    for page in pages:
        found += page_leftovers(page.relative_to(site).as_posix(),
                                page.read_text(encoding="utf-8"), pieces)
    return found, len(pages)

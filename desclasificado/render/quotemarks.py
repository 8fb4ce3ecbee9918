"""Quotes kept in the document's language inside a translated text, marked with it.

A translated title, summary or body quotes the documents between « and »: most quotes are
translated, some are kept as the document has them («Bomb repeat Bomb», «Arbenz is out»).
A kept quote is recognised without any markup from contributors: a «...» segment whose
words (folded as the quote check folds them, `check.quotes.normalize`: case, accents,
spacing and punctuation aside) are words of one of the event's source quotes is in that
quote's language (the source's `lang`, English by default); failing that, words of the
event's English text (title, summary, body) are English. An actor's or a theme's
translation keeps English words of its English name, title or description the same way. A segment in the page's own
language is left as it is; any other gets `<span lang="...">` around its words, so that
screen readers and search engines read it in its language.

Only the text of HTML between tags is marked, never an attribute; `<title>`, meta tags and
JSON-LD take the record's text unmarked (`texts.Text.value`). A citation of the page (the
Cite box, the printed colophon) marks the same words through `kept_spans`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from desclasificado.check.quotes import normalize
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.records.models import Actor, Event, Theme
from desclasificado.render.i18n import current
from desclasificado.render.markup import esc

_TAG = re.compile(r"(<[^>]*>)")
_QUOTE = re.compile(r"«([^«»]+)»")


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    """A text's folded words with a space at each end, so that a segment matches whole words."""
    return f" {normalize(text)} "


def _references(record: Event | Actor | Theme) -> list[tuple[str, str]]:
    """(language, text) of what a kept quote may be: an event's source quotes, then the
    English (an event's title, summary and body; an actor's or a theme's name or title and
    description: "Sus documentos la llaman «the Agency»")."""
    if not isinstance(record, Event):
        texts = (getattr(record, "name", None), getattr(record, "title", None),
                 record.description)
        return [(ORIGINAL_LANGUAGE, text) for text in texts if text]
    found = [(source.lang or ORIGINAL_LANGUAGE, source.quote) for source in record.sources]
    return found + [(ORIGINAL_LANGUAGE, text) for text in
                    (record.title, record.summary, record.body) if text]


def quote_language(segment: str, event: Event | Actor | Theme) -> str | None:
    """The language of a quoted segment (its text, unescaped) when it is the words of one of
    the event's quotes or of its English; None when it is not (a translated quote)."""
    words = normalize(segment)
    if not words:
        return None
    needle = f" {words} "
    return next((lang for lang, text in _references(event) if needle in _folded(text)), None)


def _other_language(segment: str, event: Event | Actor | Theme) -> str | None:
    """`quote_language`, when it is not the page's language."""
    lang = quote_language(segment, event)
    return None if lang == current().code else lang


def kept_spans(text: str, event: Event | Actor | Theme) -> tuple[tuple[int, int, str], ...]:
    """Where a translated text of `event` (plain text) keeps quotes in another language than
    the page's: (start, end, language) of each such quote's words."""
    if "«" not in text:
        return ()
    found = ((m.start(1), m.end(1), _other_language(m.group(1), event))
             for m in _QUOTE.finditer(text))
    return tuple((start, end, lang) for start, end, lang in found if lang)


def mark_quotes(fragment: str, event: Event | Actor | Theme) -> str:
    """`fragment` (escaped HTML of a translated text of `event`) with the words of each «...»
    kept in another language than the page's in a `<span lang>`."""
    if "«" not in fragment:
        return fragment

    def mark(match: re.Match[str]) -> str:
        lang = _other_language(html.unescape(match.group(1)), event)
        if lang is None:
            return match.group(0)
        return f'«<span lang="{esc(lang)}">{match.group(1)}</span>»'

    parts = _TAG.split(fragment)  # odd positions: tags, left alone
    return "".join(part if i % 2 else _QUOTE.sub(mark, part) for i, part in enumerate(parts))

"""The text of a record in the language being rendered, with the original as its fallback.

An event's title, summary and body, an actor's name and description and a theme's title
and description are written in English (`ORIGINAL_LANGUAGE`) and may carry translations
(`translations.es`); a document's title, transcript and notes, and a source's note, are never
translated (`original_lang()` marks their elements on a page in another language). A page
in another language shows the translation; where there is none
it shows the English, marked: `Text.fallback` is true, `Text.html` wraps it in an element
with `lang="en"` and `Text.lang_attr` is the attribute for an element of one's own, so that
screen readers and search engines know the language, and the page adds `untranslated_note()`.
A translated text marks the quotes it keeps in the document's language, or in the English
of an actor's or a theme's description (`quotemarks`): `Text.marked` and `Text.html` for a
title or a description, `quotes_marked` for the rendered summary and body.
The language is the one being rendered (`i18n.current()`), so renderers need no argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.records.models import Actor, Event, Theme
from desclasificado.render.i18n import _, current
from desclasificado.render.markup import esc
from desclasificado.render.quotemarks import kept_spans, mark_quotes


@dataclass(frozen=True)
class Text:
    """A record's text in the page's language, or its original when `fallback`."""

    value: str
    fallback: bool = False
    # the record whose translation this is: its kept quotes are marked (`quotemarks`)
    record: Event | Actor | Theme | None = field(default=None, compare=False, repr=False)

    @property
    def lang_attr(self) -> str:
        """` lang="en"` for an element holding only this text, when it is the original."""
        return f' lang="{ORIGINAL_LANGUAGE}"' if self.fallback else ""

    @property
    def kept(self) -> tuple[tuple[int, int, str], ...]:
        """Where a translation keeps quotes in another language: (start, end, language)."""
        return kept_spans(self.value, self.record) if self.record is not None else ()

    @property
    def marked(self) -> str:
        """The text escaped, for an element of its own (with `lang_attr`): a translation's
        quotes kept in the document's language in a `<span lang>`."""
        return quotes_marked(self, esc(self.value))

    @property
    def html(self) -> str:
        """The text escaped, in a `<span lang="en">` when it is the original (`marked` when
        it is a translation)."""
        if self.fallback:
            return f'<span lang="{ORIGINAL_LANGUAGE}">{esc(self.value)}</span>'
        return self.marked


def quotes_marked(text: Text, fragment: str) -> str:
    """`fragment`, the HTML of `text`, with the quotes it keeps in the document's language
    marked when `text` is a translation (as it is otherwise)."""
    return mark_quotes(fragment, text.record) if text.record is not None else fragment


def translation(record: Event | Actor | Theme) -> Any | None:
    """The record's translation into the language being rendered (None: none, or the
    language is the original)."""
    code = current().code
    if code == ORIGINAL_LANGUAGE:
        return None
    return record.translations.get(code)


def _pick(original: str, translated: str | None) -> Text:
    if current().code == ORIGINAL_LANGUAGE:
        return Text(original)
    return Text(translated) if translated else Text(original, fallback=True)


def _field(record: Event | Actor | Theme, name: str) -> Text:
    """A field of a record in the language, from its translation when it has one."""
    found = translation(record)
    return _pick(getattr(record, name), getattr(found, name) if found else None)


def _kept_field(record: Event | Actor | Theme, name: str) -> Text:
    """A field of a record in the language; a translation knows its record, to mark the
    quotes it keeps in the document's language (or the English's)."""
    text = _field(record, name)
    if text.fallback or current().code == ORIGINAL_LANGUAGE:
        return text
    return replace(text, record=record)


def event_title(event: Event) -> Text:
    return _kept_field(event, "title")


def event_summary(event: Event) -> Text:
    """The summary's Markdown, with its citation marks."""
    return _kept_field(event, "summary")


def event_body(event: Event) -> Text | None:
    """The body's Markdown (None: the event has no body)."""
    return _kept_field(event, "body") if event.body else None


def actor_name(actor: Actor) -> Text:
    """The name in the language: a translation without a name keeps the English one (names
    are usually the same), an actor without a translation shows it as the original."""
    found = translation(actor)
    if current().code == ORIGINAL_LANGUAGE or (found and not found.name):
        return Text(actor.name)
    return Text(found.name) if found else Text(actor.name, fallback=True)


def actor_description(actor: Actor) -> Text:
    return _kept_field(actor, "description")


def theme_title(theme: Theme) -> Text:
    return _kept_field(theme, "title")


def theme_description(theme: Theme) -> Text:
    return _kept_field(theme, "description")


def original_lang() -> str:
    """` lang="en"` for an element holding text that is never translated (a document's title,
    its transcript, its archive's data, a source's note) on a page in another language; ""
    on a page in the original language."""
    return "" if current().code == ORIGINAL_LANGUAGE else f' lang="{ORIGINAL_LANGUAGE}"'


def in_original(text: str) -> str:
    """`text` escaped, in a `<span lang="en">` on a page in another language."""
    attr = original_lang()
    return f"<span{attr}>{esc(text)}</span>" if attr else esc(text)


def untranslated_note(*texts: Text | None) -> str:
    """A short note, in the page's language, when any of `texts` is shown in the original
    ("" when all are translated)."""
    if not any(t is not None and t.fallback for t in texts):
        return ""
    note = _("Not translated yet: the text is shown in its original English.")
    return f'<p class="untranslated">{esc(note)}</p>'

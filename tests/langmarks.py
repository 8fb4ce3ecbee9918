"""What a page in another language must mark as English: every text of the records that has no
translation there (a document's title, its transcript and the notes on it, an event's or a
theme's title without a translation, a source's note) sits in an element whose nearest
`lang` is "en", and every quote carries the language of its document ("en", or the source's
`lang: "es"`). A quote that a translated event text keeps in the document's words, between
« and » (`kept_quotes`: its words, folded as the quote check folds them, are words of one of
the event's quotes or of its English), has those words in an element of the document's
language. `unmarked_english(site, collection, code)` walks the built pages of a language's
folder and lists what is not so marked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from desclasificado.check.quotes import normalize
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from tests.sitekit import Element, parse


def lang_of(element: Element | None) -> str | None:
    """The language an element is in: its own `lang`, or its nearest ancestor's."""
    while element is not None:
        if element.get("lang") is not None:
            return element.get("lang")
        element = element.parent
    return None


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def english_texts(collection: Any, code: str) -> set[str]:
    """The records' texts that a page in `code` shows in English, as their words."""
    found = {doc.title for doc in collection.documents.values()}
    for doc in collection.documents.values():
        found |= {getattr(doc, "transcript_source", None) or "",
                  getattr(doc, "transcript_note", None) or ""}
    for records in (collection.events, collection.themes):
        found |= {r.title for r in records.values() if code not in r.translations}
    found |= {s.note or "" for e in collection.events.values() for s in e.sources}
    return {_words(text) for text in found if len(_words(text)) > 3}


def quote_languages(collection: Any) -> dict[str, set[str]]:
    """Each quote's words -> the languages its sources give it ("en" by default)."""
    found: dict[str, set[str]] = {}
    for event in collection.events.values():
        for source in event.sources:
            found.setdefault(_words(source.quote), set()).add(source.lang or ORIGINAL_LANGUAGE)
    return found


def _folded(text: str) -> str:
    return f" {normalize(text)} "


def kept_quotes(collection: Any, code: str) -> dict[str, str]:
    """The words of each «...» of the events' `code` translations that are the words of one
    of the event's quotes (its language) or else of its English ("en"), when that language
    is not `code`: segment -> language."""
    found: dict[str, str] = {}
    for event in collection.events.values():
        translated = event.translations.get(code)
        if translated is None:
            continue
        sources = [(s.lang or ORIGINAL_LANGUAGE, _folded(s.quote)) for s in event.sources]
        english = [_folded(t) for t in (event.title, event.summary, event.body) if t]
        for name in ("title", "summary", "body"):
            for segment in re.findall(r"«([^«»]+)»", getattr(translated, name, None) or ""):
                words = _folded(segment)
                lang = next((lang for lang, quote in sources if words in quote),
                            ORIGINAL_LANGUAGE if any(words in t for t in english) else None)
                if words.strip() and lang not in (None, code):
                    found[_words(segment)] = lang
    return found


def _kept_problems(path: str, body: Element, kept: dict[str, str]) -> list[str]:
    """Each kept quote shown between « and » must have its words in an element of its
    language."""
    problems = []
    shown = body.words()
    for segment, lang in kept.items():
        if f"«{segment}»" not in shown:
            continue
        for holder in _holders(body, f"«{segment}»"):
            if holder.tag in _UNMARKABLE:
                continue
            for inner in _holders(holder, segment):
                if lang_of(inner) != lang:
                    problems.append(f"{path}: <{inner.tag}> shows a quote kept in {lang!r} with "
                                    f"lang={lang_of(inner)!r}: «{segment[:60]}»")
    return problems


_UNMARKABLE = ("head", "title", "script", "textarea")  # text that cannot carry a lang


def _holders(element: Element, text: str) -> list[Element]:
    """The innermost elements under `element` whose text holds `text`."""
    inside = [child for child in element.children if text in child.words()]
    if not inside:
        return [element]
    return [found for child in inside for found in _holders(child, text)]


def _hand_written(element: Element) -> bool:
    """Whether an element is in the text of a hand-written page (its `div.prose`), where a
    `<pre>` is a code block (the guide for teachers' scripts), in no language, not a
    transcript."""
    while element.parent is not None:
        element = element.parent
        if element.tag == "div" and "prose" in (element.get("class") or "").split():
            return True
    return False


def page_problems(path: str, html: str, english: set[str], quotes: dict[str, set[str]],
                  kept: dict[str, str] | None = None) -> list[str]:
    """What one page shows in English (or a quote in its language) without saying so: each
    English text must be the whole text of an element (or of an element inside it) whose
    language is English, not words in the middle of text in the page's language; each quote
    kept in a translated text (`kept`, from `kept_quotes`) is in its language."""
    doc = parse(html)
    body = doc.find("body")
    problems = _kept_problems(path, body, kept or {})
    for element in body.find_all():
        words = element.words()
        if element.tag == "blockquote" and words in quotes:
            if lang_of(element) not in quotes[words]:
                problems.append(f"{path}: quote in {sorted(quotes[words])} with lang="
                                f"{lang_of(element)!r}: {words[:60]!r}")
        elif (element.tag == "pre" and lang_of(element) != ORIGINAL_LANGUAGE
              and not _hand_written(element)):
            problems.append(f"{path}: transcript text with lang={lang_of(element)!r}")
    shown = body.words()
    for text in (t for t in english if t in shown):
        for holder in _holders(body, text):
            if holder.tag in _UNMARKABLE or (holder.tag == "pre" and
                                             lang_of(holder) == ORIGINAL_LANGUAGE):
                continue
            if lang_of(holder) != ORIGINAL_LANGUAGE:
                problems.append(f"{path}: <{holder.tag}> shows English with lang="
                                f"{lang_of(holder)!r}: {text[:60]!r}")
            elif holder.words() != text and holder.get("lang") is None and not any(
                    child.words() == text for child in holder.children):
                pass  # inside a larger element in English (a citation): marked as a whole
    return problems


def unmarked_english(site: Path, collection: Any, code: str) -> tuple[list[str], int]:
    """The problems of every page under `site/<code>/` (`page_problems`) and how many
    pages were read."""
    problems: list[str] = []
    english, quotes = english_texts(collection, code), quote_languages(collection)
    kept = kept_quotes(collection, code)
    pages = sorted((site / code).rglob("*.html"))
    for page in pages:
        path = page.relative_to(site).as_posix()
        problems += page_problems(path, page.read_text(encoding="utf-8"), english, quotes, kept)
    return problems, len(pages)

"""The language seam: every string a reader sees comes through here.

Catalogues are gettext `.po` files in `desclasificado/locales/<lang>/LC_MESSAGES/`, read
at build time with Babel (`babel.messages.pofile`; no compiled `.mo` is committed). Their
msgids are the English text, so English needs no translation: its catalogue only lists the
msgids. `messages.pot` is extracted from the code, the templates and the scripts
(`python -m desclasificado.render.i18n_catalog`, see README "Languages").

A renderer calls `_("Timeline")`, `n_("{n} event", "{n} events", count)` (the count is
formatted for the language, "1,000" in English), `date_text(date)` and `country_name(code)`.
They read the language being rendered, which `activate(language)` sets for the duration of
a page (a context variable, like Django's or Flask-Babel's `activate`): the page functions
need no extra argument, and a build can render pages of several languages.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from desclasificado.records.languages import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES

LOCALES = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language of the msgids


class UnknownLanguage(ValueError):
    """A language was asked for that has no catalogue."""


def catalogue_path(code: str, root: Path | None = None) -> Path:
    """The `.po` file of a language (`root`: the folder of the catalogues, LOCALES)."""
    return (root or LOCALES) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available(root: Path | None = None) -> list[str]:
    """The languages that have a catalogue, in code order."""
    return sorted(p.parent.parent.name
                  for p in (root or LOCALES).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def site_languages(main: str, root: Path | None = None) -> list[str]:
    """The languages the site is published in: `main` (`theme.locale`), whose pages are at
    the root, then the original language of the records and every language of
    `records/languages.py` that has a catalogue, each under its folder (`/es/`). Adding a
    language is its line there and its catalogue: no code."""
    have = set(available(root))
    others = [code for code in (ORIGINAL_LANGUAGE, *TRANSLATION_LANGUAGES)
              if code != main and code in have]
    return [main, *dict.fromkeys(others)]


@dataclass(frozen=True, eq=False)  # one object per language (`language()`): hashed by identity
class Language:
    """One language: its code, its CLDR locale and its translations."""

    code: str
    locale: Locale
    translations: NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def number(self, value: int) -> str:
        """An integer written for this language: "1,000" in English, "1000" in Spanish."""
        return _number(self.locale, value)

    def country(self, code: str) -> str:
        """The short name of an ISO 3166-1 alpha-2 code in this language (CLDR, then
        pycountry's English name, then the code itself)."""
        name = self.locale.territories.get(code)
        if name:
            return name
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return code
        return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=16384)
def _number(locale: Locale, value: int) -> str:
    """`format_decimal`, once per number and locale (Babel's number formatting is slow)."""
    return format_decimal(value, locale=locale)


def _read_translations(path: Path) -> NullTranslations:
    """A `.po` file as gettext translations, compiled in memory (fuzzy entries left out)."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@cache
def language(code: str, root: Path | None = None) -> Language:
    """The language `code` ("en", "es"), read from its catalogue once per process."""
    path = catalogue_path(code, root)
    if not path.is_file():
        known = ", ".join(available(root)) or "none"
        raise UnknownLanguage(f"there is no catalogue for the language '{code}' ({path}); "
                              f"languages with a catalogue: {known}")
    return Language(code, Locale.parse(code), _read_translations(path))


_ACTIVE: contextvars.ContextVar[Language | None] = contextvars.ContextVar("language",
                                                                           default=None)


def current() -> Language:
    """The language being rendered (English when none was activated)."""
    return _ACTIVE.get() or language(SOURCE_LANGUAGE)


@contextlib.contextmanager
def activate(lang: Language) -> Iterator[Language]:
    """Render in `lang` inside the block."""
    token = _ACTIVE.set(lang)
    try:
        yield lang
    finally:
        _ACTIVE.reset(token)


def _(message: str) -> str:
    """The translation of an English message in the current language."""
    return current().gettext(message)


def p_(context: str, message: str) -> str:
    """The translation of a message in a context (the catalogue's msgctxt): the same
    English words that read differently elsewhere ("From" a sender, "From" a year)."""
    return current().pgettext(context, message)


def n_(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for `count`, with `{n}` replaced by the count
    written for the language: n_("{n} event", "{n} events", 2000) -> "2,000 events"."""
    lang = current()
    return lang.ngettext(singular, plural, count).replace("{n}", lang.number(count))


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (tables built at import)."""
    return message


def country_name(code: str) -> str:
    """A country's short name in the current language."""
    return _country_name(current(), code)


@lru_cache(maxsize=4096)
def _country_name(lang: Language, code: str) -> str:
    return lang.country(code)


def number(value: int) -> str:
    """An integer written for the current language."""
    return current().number(value)


#: The folders of the theme's scripts: their messages (`t("...")`, `tn(...)`) reach them
#: through the page (`script_messages`), since a script reads no catalogue; `js/messages.js`,
#: loaded before them, reads the page's block once and gives them `t` and `tn`.
SCRIPT_FOLDERS = ("theme/js/", "theme/search/")


@cache
def _script_msgids(scripts: tuple[str, ...],
                   root: Path | None = None) -> tuple[str | tuple[str, str], ...]:
    """The msgids of messages.pot used by the scripts (paths or folders) `scripts`."""
    with ((root or LOCALES) / f"{DOMAIN}.pot").open("rb") as handle:
        template = read_po(handle)
    return tuple(m.id for m in template
                 if m.id and any(f.startswith(scripts) for f, _line in m.locations))


def _plural_samples(locale: Locale) -> dict[str, int]:
    """A number for each CLDR plural category of a language: {"one": 1, "other": 2}."""
    samples: dict[str, int] = {}
    for n in (1, 2, 0, *range(3, 201)):  # 1 first: the number a "one" form is written for
        samples.setdefault(locale.plural_form(n), n)
    return samples


@cache
def script_messages(lang: Language, scripts: tuple[str, ...] = SCRIPT_FOLDERS) -> str:
    """The messages of the scripts (`scripts`: their paths or folders) in `lang`, as the JSON of a `<script
    type="application/json" id="messages">` block: {"lang": ..., "messages": {msgid: text,
    singular msgid: {CLDR plural category: text}}} (the scripts pick a category with
    `Intl.PluralRules`). Safe inside `<script>`: every `<` is escaped."""
    messages: dict[str, object] = {}
    samples = _plural_samples(lang.locale)
    for msgid in _script_msgids(scripts):
        if isinstance(msgid, str):
            messages[msgid] = lang.gettext(msgid)
        else:
            messages[msgid[0]] = {category: lang.ngettext(msgid[0], msgid[1], n)
                                  for category, n in sorted(samples.items())}
    text = json.dumps({"lang": lang.code, "messages": messages}, ensure_ascii=False,
                      sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

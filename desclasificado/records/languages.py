"""The languages content may be translated into, besides English, the original.

This is the one configured list: the `translations` field of events, actors and themes
accepts these codes as keys, the JSON Schemas list them, and `check --missing-translation`
reports against them. Adding a language is one line here plus its catalogue and content.
"""

from __future__ import annotations

#: ISO 639-1 code -> the language's English name, as the check's messages say it.
TRANSLATION_LANGUAGES: dict[str, str] = {
    "es": "Spanish",
    "pt": "Portuguese",
}

#: The language of the records' own title, summary, body, name and description.
ORIGINAL_LANGUAGE = "en"


def language_name(code: str) -> str:
    """The English name of a translation language, or the code itself if it has none."""
    return TRANSLATION_LANGUAGES.get(code, code)

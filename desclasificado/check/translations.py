"""Translations: each must carry the same citation marks as the English it translates.

`translation_problems` is part of the check: a translated summary (or body) whose marks
`[^N]` are not the same set as the English one's is an error, since the marks say which
document supports which claim. `missing_translations` is the report behind
`build.py check --missing-translation LANG`: what has no text in that language yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desclasificado.load.yamlsafe import Positions
from desclasificado.problems import Problem
from desclasificado.records.languages import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES, language_name
from desclasificado.records.models import Event

if TYPE_CHECKING:
    from desclasificado.check.collection import Collection

_CITE_MARK = re.compile(r"\[\^(\d+)\]")


def marks(text: str | None) -> set[int]:
    """The citation numbers marked in `text`."""
    return {int(n) for n in _CITE_MARK.findall(text or "")}


def _listed(numbers: set[int]) -> str:
    return ", ".join(f"[^{n}]" for n in sorted(numbers)) if numbers else "no marks"


def translation_problems(event: Event, where: Positions) -> list[Problem]:
    """Citation marks of each translation that differ from the English text's."""
    problems = []
    for lang, text in event.translations.items():
        name = language_name(lang)
        loc = ("translations", lang)
        if text.body and not event.body:
            problems.append(where.problem((*loc, "body"), f"the event has no English body, so "
                            f"the {name} body translates nothing: delete translations.{lang}."
                            "body, or write the English body first"))
        for field in ("summary", "body"):
            english, translated = getattr(event, field), getattr(text, field)
            if translated is None or english is None:
                continue
            if marks(english) != marks(translated):
                problems.append(where.problem((*loc, field), f"the {name} {field} has "
                                f"{_listed(marks(translated))} but the English {field} has "
                                f"{_listed(marks(english))}: put the same citation marks on "
                                "the sentences that make the same claims"))
    return problems


@dataclass(frozen=True, order=True)
class Missing:
    """A record without (all of) its text in one language: where, and what to add."""

    path: str
    line: int
    what: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


#: What a translation of each kind of record holds: required fields, then optional ones.
_FIELDS = {"events": ("title", "summary"), "actors": ("description",),
           "themes": ("title", "description")}
_NOUNS = {"events": "event", "actors": "actor", "themes": "theme"}


def language_problem(lang: str) -> str | None:
    """Why `lang` cannot be reported on, or None when it is a configured language."""
    if lang in TRANSLATION_LANGUAGES:
        return None
    known = ", ".join(TRANSLATION_LANGUAGES)
    if lang == ORIGINAL_LANGUAGE:
        return f"--missing-translation: 'en' is the original language; choose one of {known}"
    return (f"--missing-translation: {lang!r} is not a language the site is translated into; "
            f"choose one of {known} (they are listed in desclasificado/records/languages.py)")


def missing_translations(collection: Collection, lang: str) -> list[Missing]:
    """Every event, actor and theme lacking its text in `lang`, sorted by file."""
    name = language_name(lang)
    found = []
    for kind, fields in _FIELDS.items():
        for record_id, record in collection.table(kind).items():
            where = collection.positions[(kind, record_id)]
            text = record.translations.get(lang)
            if text is None:
                wanted = (*fields, "body") if getattr(record, "body", None) else fields
                found.append(Missing(where.path, 1, f"no {name} translation: add "
                                     f"translations: {lang}: with {_and(wanted)}"))
            elif kind == "events" and record.body and not text.body:
                line, _ = where.of(("translations", lang), key=True)
                found.append(Missing(where.path, line, f"the {name} translation has no body: "
                                     f"add translations.{lang}.body"))
    return sorted(found)


def missing_summary(collection: Collection, lang: str, missing: list[Missing],
                    named_files: bool = False) -> str:
    """The count line of the report: how many records of each kind lack `lang` (of the
    named files only, when `named_files`)."""
    name = language_name(lang)
    if named_files:
        return f"{len(missing)} missing {name} translation(s) in the named file(s)"
    if not missing:
        return (f"every event, actor and theme has a {name} translation ({len(collection.events)} "
                f"events, {len(collection.actors)} actors, {len(collection.themes)} themes)")
    counts = []
    for kind in _FIELDS:
        lacking = sum(m.path.startswith(kind + "/") for m in missing)
        counts.append(f"{lacking} of {len(collection.table(kind))} {kind}")
    return f"{len(missing)} missing {name} translation(s): {', '.join(counts)}"


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def actor_name_problems(collection: Collection) -> list[Problem]:
    """A translated actor name that is the English name again: a warning, since a
    translation gives a name only where the name differs in that language."""
    problems = []
    for actor_id, actor in collection.actors.items():
        where = collection.positions[("actors", actor_id)]
        for lang, text in actor.translations.items():
            if text.name is not None and text.name == actor.name:
                loc = ("translations", lang, "name")
                line, column = where.of(loc)
                problems.append(Problem(where.path, line, column, f"translations.{lang}.name "
                                "is the same as the English name: delete the line (a "
                                "translation gives a name only where it differs)",
                                severity="warning"))
    return problems

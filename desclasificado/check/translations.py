"""Translations: each must carry the same citation marks as the English it translates.

`translation_problems` is part of the check: a translated summary (or body) whose marks
`[^N]` are not the same set as the English one's is an error, since the marks say which
document supports which claim. `missing_translations` is the report behind
`build.py check --missing-translation LANG`: what has no text in that language yet.
"""

from __future__ import annotations

import re

from desclasificado.load.yamlsafe import Positions
from desclasificado.problems import Problem
from desclasificado.records.languages import language_name
from desclasificado.records.models import Event

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

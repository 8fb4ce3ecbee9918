"""The English texts the models carry for readers, as catalogue messages.

A model's docstring and each field's `description` make the field reference
(`contribute/reference.py`); a field marked `shown(...)` also carries its description in
the data downloads and its label and meaning on a document's page (`records/fields.py`).
They are English data on the models, not calls of `_()`, so Babel's extractors cannot see
them: `messages()` lists them, with the place of each, and `python -m
desclasificado.render.i18n_catalog` adds them to `messages.pot`. The pages translate them
when they are rendered, `_(description)` (a label and a meaning in their context, `p_(FIELD_CONTEXT, label)`,
since "From", a sender, is not the "From" of a range of years): the msgid is the English text, so an edit of a
description in a model is a new message, which the catalogue check then asks to translate.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from desclasificado.records.fields import FIELD_CONTEXT

#: (msgid, file relative to the repository, line, comment for translators, msgctxt).
Message = tuple[str, str, int, str, str | None]


def models() -> list[type[BaseModel]]:
    """Every model of the field reference, nested ones included, in its order."""
    from desclasificado.contribute.reference import SECTIONS  # it imports render

    found: list[type[BaseModel]] = []
    for _heading, _where, model, nested in SECTIONS:
        for each in (model, *(n for _field, n in nested)):
            if each not in found:
                found.append(each)
    return found


def messages(repo: Path) -> Iterator[Message]:
    """The docstring of every model of the reference, and every field's description, data
    description, label and meaning, in the order of the models and their fields."""
    from desclasificado.contribute.reference import model_doc
    from desclasificado.records.fields import field_views

    for model in models():
        path, lines, first = _source(model, repo)
        name = model.__name__
        if model_doc(model):
            yield model_doc(model), path, first, f"the field reference: what a {name} is", None
        views = {view.attribute: view for view in field_views(model)}
        for attribute, info in model.model_fields.items():
            key = info.alias or attribute
            line = _line_of(lines, first, attribute)
            where = f"{name}.{key}"
            if info.description:
                yield info.description, path, line, f"the field reference: {where}", None
            view = views[attribute]
            if view.data:
                yield view.data, path, line, f"the data files' description of {where}", None
            if view.label:
                yield view.label, path, line, f"a document page's label of {where}", FIELD_CONTEXT
            if view.meaning:
                yield view.meaning, path, line, f"a document page's gloss of {where}", FIELD_CONTEXT


def _source(model: type, repo: Path) -> tuple[str, list[str], int]:
    """The file of a model's class (relative to `repo`), its lines and its first line."""
    lines, first = inspect.getsourcelines(model)
    path = Path(inspect.getfile(model)).resolve()
    try:
        shown = path.relative_to(repo.resolve()).as_posix()
    except ValueError:
        shown = path.name
    return shown, lines, first


def _line_of(lines: list[str], first: int, attribute: str) -> int:
    """The line where a class declares `attribute` (its own first line if it inherits it)."""
    for offset, line in enumerate(lines):
        if line.startswith(f"    {attribute}:"):
            return first + offset
    return first

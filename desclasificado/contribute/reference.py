"""The field reference for contributors, generated from the models so that it cannot drift.

`field_reference_markdown()` lists every field of every kind of record (name, required or
not, type, description, an example) from the pydantic models the check itself uses, and
every date form with the words the site shows for it, computed by `dates.parse_date`. The
site adds it as a page at build time; it is never committed as a file.
"""

from __future__ import annotations

import json
import re
import types
import typing
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from desclasificado.archives import ARCHIVES
from desclasificado.records.dates import DateError, parse_date
from desclasificado.records.models import (
    Actor,
    ActorTranslation,
    CountryCode,
    EdtfDate,
    Event,
    EventTranslation,
    Pages,
    Quote,
    RecordId,
    Source,
    Theme,
    ThemeTranslation,
)

#: (heading, where the files are, model, nested models as (field, model)).
SECTIONS: tuple[tuple[str, str, type[BaseModel], tuple[tuple[str, type[BaseModel]], ...]], ...] = (
    ("Events", "events/<id>.yaml", Event, (("sources", Source),
                                             ("translations", EventTranslation))),
    *((archive.reference_heading, "documents/<id>.yaml", archive.model, archive.nested)
      for archive in ARCHIVES.values()),
    ("Actors", "actors/<id>.yaml", Actor, (("translations", ActorTranslation),)),
    ("Themes", "themes/<id>.yaml", Theme, (("translations", ThemeTranslation),)),
)

#: Every form of date, as written in a file, with what it means.
DATE_FORMS = (
    ("1963-04-11", "a day"),
    ("1963-04", "a month"),
    ("1963", "a year"),
    ("196X", "a decade"),
    ("1962-06/1962-12", "a period: from / to"),
    ("1963-04-11/1963-04-20", "a period of days"),
    ("1963~", "approximate"),
    ("1963-06?", "uncertain"),
    ("1963-06%", "approximate and uncertain"),
    ("../1963-04", "a period with no known start"),
    ("1961/..", "a period with no known end"),
)

#: Dates written the way people often write them, which the check explains.
DATE_MISTAKES = ("11/4/1963", "April 1963", "c. 1963", "1960s", "1962-1964")

_NAMED_TYPES: tuple[tuple[Any, str], ...] = (
    (EdtfDate, "date (see [Dates](#dates))"),
    (CountryCode, "two-letter country code"),
    (Pages, 'page list: "3", "3-4" or "2, 5"'),
    (RecordId, "id"),
    (Quote, "quote"),
)


def field_reference_markdown() -> str:
    """The whole reference as a Markdown page."""
    parts = [
        "# Field reference",
        "",
        "Every field of every kind of record, generated from the rules `python build.py check` "
        "applies, so it is always current. Write field names exactly as shown. A *required* "
        "field must be in the file; an *optional* one may be left out. Put text, dates and "
        "codes in double quotes. CONTRIBUTING.md, in the repository, walks through a "
        "complete example.",
    ]
    for heading, where, model, nested in SECTIONS:
        parts += ["", f"## {heading}: `{where}`", "", _doc(model), "", *_table(model)]
        for field_name, nested_model in nested:
            entry = ("each language under" if _is_mapping(model, field_name) else "each entry of")
            parts += ["", f"### {nested_model.__name__}: {entry} `{field_name}`", "",
                      _doc(nested_model), "", *_table(nested_model)]
    parts += ["", *_dates_section()]
    return "\n".join(parts) + "\n"


def _is_mapping(model: type[BaseModel], field_name: str) -> bool:
    return get_origin(model.model_fields[field_name].annotation) is dict


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _table(model: type[BaseModel]) -> list[str]:
    rows = ["| field | | type | what to write | example |", "| --- | --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        rows.append("| " + " | ".join(_cell(c) for c in (
            f"`{key}`",
            "required" if info.is_required() else "optional",
            type_words(info),
            _prose(info.description or ""),
            _example(key, info),
        )) + " |")
    return rows


def _prose(text: str) -> str:
    """Text for a Markdown cell: `<id>` is not a tag, and `[^N]` is shown, not a footnote."""
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\[\^\w+\]", lambda m: f"`{m.group()}`", text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(key: str, info: FieldInfo) -> str:
    if not info.examples:
        return ""
    value = info.examples[0]
    shown = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
    return f"`{key}: {shown}`"


def type_words(info: FieldInfo) -> str:
    """The type of a field in words: "text, at most 120 characters", "list of ids"..."""
    return _words(info.annotation, tuple(info.metadata))


def _words(annotation: Any, metadata: tuple[Any, ...]) -> str:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return _words(rest[0], metadata)
    if origin is Annotated:
        return _words(args[0], (*args[1:], *metadata))
    for alias, words in _NAMED_TYPES:
        if all(item in metadata for item in get_args(alias)[1:]):
            return words
    limits = _limits(metadata)
    if origin is list:
        item = args[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            noun = f"{item.__name__.lower()}s (see {item.__name__})"
        else:
            noun = _plural(_words(item, ()))
        return f"list of {noun}" + (", at least one" if limits.get("min_length") else "")
    if origin is dict:
        value = args[1]
        return f"{value.__name__} by language code (see {value.__name__})"
    if origin is Literal:
        return "one of " + ", ".join(f'"{value}"' for value in args)
    if annotation is int:
        low = limits.get("ge")
        return "whole number" + (f", at least {low}" if low is not None else "")
    if str(limits.get("pattern", "")).startswith("^https://"):
        return "https:// address"
    if limits.get("max_length"):
        return f"text, at most {limits['max_length']} characters"
    return "text"


def _limits(metadata: tuple[Any, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in ("min_length", "max_length", "ge", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _plural(words: str) -> str:
    head, sep, tail = words.partition(" (")
    return head + ("" if head.endswith("s") else "s") + sep + tail


def _dates_section() -> list[str]:
    lines = [
        "## Dates",
        "",
        "Dates follow the Library of Congress Extended Date/Time Format (EDTF). Always write "
        "them in double quotes.",
        "",
        "| written | means | shown on the site as |",
        "| --- | --- | --- |",
    ]
    lines += [f'| `"{text}"` | {means} | {parse_date(text).display()} |'
              for text, means in DATE_FORMS]
    lines += ["", "Other ways of writing a date are refused, with a message saying what to "
              "write instead:", "", "| written | the check says |", "| --- | --- |"]
    for text in DATE_MISTAKES:
        try:
            parse_date(text)
        except DateError as exc:
            lines.append(f"| `{text}` | {_cell(str(exc))} |")
    return lines

"""The field reference for contributors, generated from the models so that it cannot drift.

`field_reference_markdown()` lists every field of every kind of record (name, required or
not, type, description, an example) from the pydantic models the check itself uses, and
every date form with the words the site shows for it, computed by `dates.parse_date`. The
site adds it as a page at build time; it is never committed as a file. Every word of it is
a catalogue message, in the language being rendered: the models' descriptions and
docstrings are extracted by `render/fieldmessages.py` (the msgid is the English text), the
rest is marked here. Field names, YAML, types' codes and examples stay as written.
"""

from __future__ import annotations

import json
import re
import types
import typing
from typing import Annotated, Any, Literal, get_args, get_origin

from markdown.extensions.toc import slugify
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
from desclasificado.render.i18n import N_, SOURCE_LANGUAGE, _, current
from desclasificado.render.i18n_dates import date_text

#: (heading, where the files are, model, nested models as (field, model)).
SECTIONS: tuple[tuple[str, str, type[BaseModel], tuple[tuple[str, type[BaseModel]], ...]], ...] = (
    (N_("Events"), "events/<id>.yaml", Event, (("sources", Source),
                                             ("translations", EventTranslation))),
    *((archive.reference_heading, "documents/<id>.yaml", archive.model, archive.nested)
      for archive in ARCHIVES.values()),
    (N_("Actors"), "actors/<id>.yaml", Actor, (("translations", ActorTranslation),)),
    (N_("Themes"), "themes/<id>.yaml", Theme, (("translations", ThemeTranslation),)),
)

#: Every form of date, as written in a file, with what it means.
DATE_FORMS = (
    ("1963-04-11", N_("a day")),
    ("1963-04", N_("a month")),
    ("1963", N_("a year")),
    ("196X", N_("a decade")),
    ("1962-06/1962-12", N_("a period: from / to")),
    ("1963-04-11/1963-04-20", N_("a period of days")),
    ("1963~", N_("approximate")),
    ("1963-06?", N_("uncertain")),
    ("1963-06%", N_("approximate and uncertain")),
    ("../1963-04", N_("a period with no known start")),
    ("1961/..", N_("a period with no known end")),
)

#: Dates written the way people often write them, which the check explains.
DATE_MISTAKES = ("11/4/1963", "April 1963", "c. 1963", "1960s", "1962-1964")

_NAMED_TYPES: tuple[tuple[Any, str], ...] = (
    (EdtfDate, N_("date (see [Dates](#dates))")),
    (CountryCode, N_("two-letter country code")),
    (Pages, N_('page list: "3", "3-4" or "2, 5"')),
    (RecordId, N_("id")),
    (Quote, N_("quote")),
)


def field_reference_markdown() -> str:
    """The whole reference as a Markdown page, in the current language. Headings carry the
    id of their English words (`{#events-eventsidyaml}`, `{#dates}`), the same in every
    language, so that links to a section survive the language switch (attr_list)."""
    parts = [
        "# " + _("Field reference"),
        "",
        _("Every field of every kind of record, generated from the rules `python build.py "
          "check` applies, so it is always current. Write field names exactly as shown. A "
          "*required* field must be in the file; an *optional* one may be left out. Put text, "
          "dates and codes in double quotes. CONTRIBUTING.md, in the repository, walks through "
          "a complete example."),
    ]
    for heading, where, model, nested in SECTIONS:
        parts += ["", _heading(2, f"{heading}: `{where}`", f"{_(heading)}: `{where}`"), "",
                  _doc(model), "", *_table(model)]
        for field_name, nested_model in nested:
            mapping = _is_mapping(model, field_name)
            entry = (N_("{model}: each language under {field}") if mapping
                     else N_("{model}: each entry of {field}"))
            words = {"model": nested_model.__name__, "field": f"`{field_name}`"}
            parts += ["", _heading(3, entry.format(**words), _(entry).format(**words)), "",
                      _doc(nested_model), "", *_table(nested_model)]
    parts += ["", *_dates_section()]
    return "\n".join(parts) + "\n"


def _heading(level: int, english: str, shown: str) -> str:
    """A Markdown heading whose id is that of its English words in every language."""
    return f"{'#' * level} {shown} {{#{slugify(english, '-')}}}"


def _is_mapping(model: type[BaseModel], field_name: str) -> bool:
    return get_origin(model.model_fields[field_name].annotation) is dict


def model_doc(model: type[BaseModel]) -> str:
    """A model's docstring on one line: its msgid in the catalogue."""
    return " ".join((model.__doc__ or "").split())


def _doc(model: type[BaseModel]) -> str:
    return _prose(_(model_doc(model)))


def _table(model: type[BaseModel]) -> list[str]:
    # TRANSLATORS: the head of the field reference's tables (the second column is empty)
    head = _("| field | | type | what to write | example |")
    rows = [head, "| --- | --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        rows.append("| " + " | ".join(_cell(c) for c in (
            f"`{key}`",
            _("required") if info.is_required() else _("optional"),
            type_words(info),
            _prose(_(info.description) if info.description else ""),
            _example(key, info, english=_english_example(model, key)),
        )) + " |")
    return rows


def _prose(text: str) -> str:
    """Text for a Markdown cell: `<id>` is not a tag, and `[^N]` is shown, not a footnote."""
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\[\^\w+\]", lambda m: f"`{m.group()}`", text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(key: str, info: FieldInfo, english: bool) -> str:
    """A field's example as YAML code, as written in a file: marked `lang="en"` on a page in
    another language when its text is English (the records' own language), which is all
    but the translations'."""
    if not info.examples:
        return ""
    value = info.examples[0]
    shown = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
    mark = '{: lang="en" }' if english and current().code != SOURCE_LANGUAGE else ""
    return f"`{key}: {shown}`{mark}"


def _english_example(model: type[BaseModel], key: str) -> bool:
    """Whether a field's example is English text: not a translation's, nor `translations`."""
    return key != "translations" and not model.__name__.endswith("Translation")


def type_words(info: FieldInfo) -> str:
    """The type of a field in words, in the current language: "text, at most 120
    characters", "list of ids"..."""
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
            return _(words)
    limits = _limits(metadata)
    if origin is list:
        return _list_words(args[0], bool(limits.get("min_length")))
    if origin is dict:
        return _("{model} by language code (see {model})").format(model=args[1].__name__)
    if origin is Literal:
        return _("one of {values}").format(values=", ".join(f'"{value}"' for value in args))
    if annotation is int:
        low = limits.get("ge")
        return (_("whole number, at least {low}").format(low=low) if low is not None
                else _("whole number"))
    if str(limits.get("pattern", "")).startswith("^https://"):
        return _("https:// address")
    if limits.get("max_length"):
        return _("text, at most {n} characters").format(n=limits["max_length"])
    return _("text")


#: The list of each named type, in words (any other list is of text).
_LISTS: tuple[tuple[Any, str], ...] = (
    (RecordId, N_("list of ids")),
    (CountryCode, N_("list of two-letter country codes")),
    (Quote, N_("list of quotes")),
    (EdtfDate, N_("list of dates (see [Dates](#dates))")),
    (Pages, N_("list of page lists")),
)


def _list_words(item: Any, at_least_one: bool) -> str:
    if isinstance(item, type) and issubclass(item, BaseModel):
        words = _("list of {model} entries (see {model})").format(model=item.__name__)
    else:
        metadata = get_args(item)[1:] if get_origin(item) is Annotated else ()
        words = next((_(w) for alias, w in _LISTS
                      if metadata and all(m in metadata for m in get_args(alias)[1:])),
                     _("list of texts"))
    return _("{list}, at least one").format(list=words) if at_least_one else words


def _limits(metadata: tuple[Any, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in ("min_length", "max_length", "ge", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _dates_section() -> list[str]:
    lines = [
        _heading(2, "Dates", _("Dates")),
        "",
        _("Dates follow the Library of Congress Extended Date/Time Format (EDTF). Always write "
          "them in double quotes."),
        "",
        _("| written | means | shown on the site as |"),
        "| --- | --- | --- |",
    ]
    lines += [f'| `"{text}"` | {_(means)} | {date_text(parse_date(text))} |'
              for text, means in DATE_FORMS]
    lines += ["", _("Other ways of writing a date are refused, with a message saying what to "
                    "write instead:"), "", _("| written | the check says |"), "| --- | --- |"]
    for text in DATE_MISTAKES:
        try:
            parse_date(text)
        except DateError as exc:
            lines.append(f"| `{text}` | {_check_message(str(exc))} |")
    return lines


def _check_message(message: str) -> str:
    """What the check says, which is English: marked so in a page of another language."""
    if current().code == SOURCE_LANGUAGE:
        return _cell(message)
    return "*" + _cell(message).replace("*", "\\*") + '*{: lang="en" }'

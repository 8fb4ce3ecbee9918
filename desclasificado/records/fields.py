"""The tables of fields, derived from the models: one description of each field.

A field readers see carries what they are told of it on the model itself
(`models.shown(...)`): its label and plain meaning (a document page's identification table)
and its description in the data downloads. Every table reads it from here, so adding a
field to a model is one edit there (plus its test): the document page, the Data page and
the published JSON Schemas follow. The contributors' field reference and the editors'
JSON Schemas read the same models (`contribute/reference.py`, `records/schema.py`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pydantic import BaseModel

#: The catalogue's context of the fields' labels and meanings (msgctxt): "From" on a
#: document's identification table is its sender, not the start of a range of years.
FIELD_CONTEXT = "identification field"


@dataclass(frozen=True)
class FieldView:
    """One field of a model as the site shows and publishes it."""

    attribute: str  # the model's attribute ("from_")
    name: str       # its name in the YAML and the data files ("from")
    label: str | None
    meaning: str | None
    data: str | None
    schema: dict = field(compare=False, hash=False)  # the field's JSON Schema (pydantic's)


def field_views(model: type[BaseModel]) -> list[FieldView]:
    """Every field of `model`, in the model's order."""
    properties = model.model_json_schema(by_alias=True).get("properties", {})
    views = []
    for attribute, info in model.model_fields.items():
        name = info.alias or attribute
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        views.append(FieldView(attribute, name, extra.get("x-label"), extra.get("x-meaning"),
                               extra.get("x-data"), properties.get(name, {})))
    return views


@functools.cache
def shown_fields(model: type[BaseModel]) -> tuple[FieldView, ...]:
    """The fields of `model` a reader sees in its identification table, in order."""
    return tuple(view for view in field_views(model) if view.label)


@functools.cache
def published_fields(model: type[BaseModel]) -> tuple[FieldView, ...]:
    """The fields of `model` the data downloads describe, in order."""
    return tuple(view for view in field_views(model) if view.data)

"""JSON Schemas of the record formats, generated from the models into `schemas/`.

Editors with the YAML language server read them through the first line of each file
(`# yaml-language-server: $schema=../schemas/event.schema.json`) to autocomplete field
names and underline mistakes. A test fails when the committed files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from desclasificado.records.models import MODELS

_SINGULAR = {"events": "event", "documents": "document", "actors": "actor", "themes": "theme"}


def schemas() -> dict[str, str]:
    """File name -> JSON text of each schema, deterministic."""
    result = {}
    for kind, model in MODELS.items():
        name = f"{_SINGULAR[kind]}.schema.json"
        schema = model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": name, **schema}
        result[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return result


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into `folder`; return the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(schemas())


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files missing from `folder` or different from the models."""
    stale = []
    for name, text in schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale

"""JSON Schemas of the record formats, generated from the models into `schemas/`.

Editors with the YAML language server read them through the first line of each file
(`# yaml-language-server: $schema=../schemas/event.schema.json`) to autocomplete field
names and underline mistakes. A test fails when the committed files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import models_json_schema

from desclasificado.records.models import MODELS

_SINGULAR = {"events": "event", "documents": "document", "actors": "actor", "themes": "theme"}


def schemas() -> dict[str, str]:
    """File name -> JSON text of each schema, deterministic."""
    result = {}
    for kind, model in MODELS.items():
        name = f"{_SINGULAR[kind]}.schema.json"
        schema = _documents_schema() if kind == "documents" else model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": name, **schema}
        result[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return result


def _documents_schema() -> dict:
    """One schema for every archive kind: a record matches exactly one kind's model (the
    JFK model's `kind` may be left out; every other kind's is required)."""
    from desclasificado.archives import ARCHIVES

    models = [archive.model for archive in ARCHIVES.values()]
    if len(models) == 1:
        return models[0].model_json_schema(by_alias=True)
    _, top = models_json_schema([(m, "validation") for m in models], by_alias=True)
    refs = [{"$ref": f"#/$defs/{m.__name__}"} for m in models]
    return {"title": "Document", "description": "A document record, of one archive kind "
            "(the 'kind' field).", "oneOf": refs, "$defs": top.get("$defs", {})}


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

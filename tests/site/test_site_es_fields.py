"""The Spanish field reference (/es/reference/) and Data page (/es/data/), and the Spanish
data files' JSON Schemas, describe every field in Spanish, from the catalogue: no English
description is left on them, except what is marked `lang="en"` (the check's own messages,
which are English)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from desclasificado.contribute.reference import DATE_MISTAKES
from desclasificado.render import dataschema, fieldmessages
from desclasificado.render.data import CSV_COLUMNS, column_text
from desclasificado.render.i18n import activate, language
from tests.conftest import REPO
from tests.sitekit import Element, SiteProject

TITLE_ES = ("Un titular de una línea, de 120 caracteres como máximo, que dice quién "
            "informó qué.")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("es-fields") / "project")
    code, lines = project.build()
    assert code == 0, lines
    return project


def _words(text: str) -> str:
    return " ".join(text.split())


def _unmarked(element: Element) -> str:
    """The words of an element outside every descendant marked lang="en"."""
    text = element.text
    for inner in element.find_all():
        if inner.get("lang") == "en":
            text = text.replace(inner.text, " ", 1)
    return _words(text)


def _english_and_spanish(texts: list[str]) -> list[tuple[str, str]]:
    """(English, Spanish) of each text whose Spanish differs (the form's own labels, such as
    "RIF RECORD SERIES.", are the same in both)."""
    english = [_words(dataschema.describe(t)) for t in texts]
    with activate(language("es")):
        spanish = [_words(dataschema.describe(t)) for t in texts]
    return [(en, es) for en, es in zip(english, spanish, strict=True) if en != es]


def _model_texts() -> list[str]:
    return [text for text, _path, _line, comment, _context in fieldmessages.messages(
        REPO) if comment.startswith("the field reference")]


def test_the_spanish_reference_describes_every_field_in_spanish(site: SiteProject) -> None:
    page = site.page("es/reference/")
    reference = page.find("div", class_="reference")
    shown = _unmarked(reference)
    assert TITLE_ES in shown and "obligatorio" in shown and "opcional" in shown
    pairs = _english_and_spanish(_model_texts())
    assert len(pairs) > 60
    pairs = [(en.replace("*", ""), es.replace("*", "")) for en, es in pairs]  # *emphasis*
    left = [en for en, _es in pairs if en in shown]
    assert left == [], left
    missing = [es for _en, es in pairs if es not in shown]
    assert missing == [], missing
    marked = [e.words() for e in reference.find_all("em") if e.get("lang") == "en"]
    assert [text.split("'")[1] for text in marked] == list(DATE_MISTAKES)  # the check's
    examples = {e.get("lang") for e in reference.find_all("code") if ": " in e.words()}
    assert examples == {"en", None}  # English examples marked; the translations' Spanish
    assert page.by_id("dates").words() == "Fechas"
    assert reference.find("td", **{"data-label": "tipo"})  # the phone layout's label


def test_the_spanish_data_page_describes_every_field_and_column_in_spanish(
        site: SiteProject) -> None:
    page = site.page("es/data/")
    shown = _unmarked(page.find("article") if page.find_all("article") else page.find("main"))
    fields = [text for _n, _k, text in dataschema.EVENT_FIELDS + dataschema.SOURCE_FIELDS]
    fields += [text for _n, _k, text in dataschema.DOCUMENT_FIELDS]
    pairs = _english_and_spanish(fields)
    assert [en for en, _es in pairs if en in shown] == []
    assert [es for _en, es in pairs if es not in shown] == []
    with activate(language("es")):
        columns = {name: column_text(name, text) for name, text, _v in CSV_COLUMNS}
    assert columns["title_es"] == "El titular en español; vacío si no está traducido."
    assert all(_words(text) in shown for text in columns.values())
    english = {name: column_text(name, text) for name, text, _v in CSV_COLUMNS}
    assert [t for t in english.values() if _words(t) in shown] == []


def test_the_spanish_schemas_describe_the_fields_in_spanish(site: SiteProject) -> None:
    def read(path: str) -> dict:
        return json.loads((site.root / "site" / path).read_text(encoding="utf-8"))

    english, spanish = read("data/events.schema.json"), read("es/data/events.schema.json")
    en_items = english["properties"]["events"]["items"]["properties"]
    es_items = spanish["properties"]["events"]["items"]["properties"]
    assert en_items["title"]["description"] == "A one-line headline."
    assert es_items["title"]["description"] == "Un titular de una línea."
    assert en_items.keys() == es_items.keys()
    assert all(es_items[k]["description"] != en_items[k]["description"] for k in en_items)
    assert _without_descriptions(english) == _without_descriptions(spanish)
    en_docs, es_docs = read("data/documents.schema.json"), read("es/data/documents.schema.json")
    assert _without_descriptions(en_docs) == _without_descriptions(es_docs)
    assert json.dumps(en_docs) != json.dumps(es_docs)


def test_the_spanish_schemas_have_spanish_titles_and_every_field_described(
        site: SiteProject) -> None:
    """Every title and description of a Spanish schema is the catalogue's Spanish (none is
    the English one), and every property is described, nested ones too (an event's
    translations, a record's releases)."""
    for name in ("events", "documents"):
        english = json.loads((site.root / "site" / f"data/{name}.schema.json").read_text())
        spanish = json.loads((site.root / "site" / f"es/data/{name}.schema.json").read_text())
        en, es = _annotations(english), _annotations(spanish)
        assert en.keys() == es.keys()
        assert [path for path in en if en[path] == es[path]] == [], name
        assert [path for path in _properties(spanish) if f"{path}/description" not in es] == []
        data = json.loads((site.root / "site" / f"es/data/{name}.json").read_text())
        jsonschema.validate(data, spanish)  # the Spanish files against their schema
    spanish = json.loads((site.root / "site" / "es/data/events.schema.json").read_text())
    assert spanish["title"] == "Eventos de Desclasificado"
    assert spanish["$defs"]["translations"]["additionalProperties"]["properties"]["title"][
        "description"] == "Un titular de una línea."
    documents = json.loads((site.root / "site" / "es/data/documents.schema.json").read_text())
    assert documents["title"] == "Documentos de Desclasificado"
    assert [kind["title"] for kind in documents["properties"]["documents"]["items"]["oneOf"]] \
        == ["Registro JFK", "Documento FRUS"]
    assert documents["$defs"]["release"]["properties"]["pdf"]["description"] == \
        "La dirección https:// completa del PDF de esa publicación."


def _annotations(schema: object, path: str = "") -> dict[str, str]:
    """Every title and description of a schema, by its path."""
    found: dict[str, str] = {}
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("title", "description") and isinstance(value, str):
                found[f"{path}/{key}"] = value
            else:
                found |= _annotations(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for n, value in enumerate(schema):
            found |= _annotations(value, f"{path}/{n}")
    return found


def _properties(schema: object, path: str = "") -> list[str]:
    """The path of every property a schema declares, nested ones included."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found += [f"{path}/properties/{name}" for name in value]
            found += _properties(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for n, value in enumerate(schema):
            found += _properties(value, f"{path}/{n}")
    return found


def _without_descriptions(schema: object) -> object:
    """A schema with its titles and descriptions left out: names, types, patterns,
    requirements."""
    if isinstance(schema, dict):
        return {k: _without_descriptions(v) for k, v in schema.items()
                if k not in ("description", "title") or not isinstance(v, str)}
    if isinstance(schema, list):
        return [_without_descriptions(v) for v in schema]
    return schema

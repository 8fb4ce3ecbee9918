"""The JSON Schemas editors use agree with the models on real and broken records."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from desclasificado.records.schema import schemas
from tests.conftest import GOOD_EVENT, REPO


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schemas()[name]))


@pytest.mark.parametrize(("folder", "name"), [("events", "event.schema.json"),
                                              ("documents", "document.schema.json"),
                                              ("actors", "actor.schema.json"),
                                              ("themes", "theme.schema.json")])
def test_repository_records_satisfy_their_schema(folder: str, name: str) -> None:
    validator = _validator(name)
    for path in sorted((REPO / folder).glob("*.yaml")):
        errors = list(validator.iter_errors(yaml.load(path.read_text(), Loader=yaml.BaseLoader)
                                            if folder != "documents" else _document(path)))
        assert errors == [], f"{path.name}: {errors[0].message}"


def _document(path):
    data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
    for name in ("pages", "number", "first_page", "last_page"):  # BaseLoader reads text
        if name in data:
            data[name] = int(data[name])
    return data


def test_schema_rejects_what_the_check_rejects() -> None:
    validator = _validator("event.schema.json")
    good = yaml.load(GOOD_EVENT, Loader=yaml.BaseLoader)
    assert list(validator.iter_errors(good)) == []
    typo = {**good, "titel": good["title"]}
    assert any("titel" in e.message for e in validator.iter_errors(typo))
    no_source = {**good, "sources": []}
    assert list(validator.iter_errors(no_source))
    bad_country = {**good, "countries": ["peru"]}
    assert list(validator.iter_errors(bad_country))


def test_records_point_editors_at_their_schema() -> None:
    for folder, name in (("events", "event"), ("documents", "document")):
        for path in sorted((REPO / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json", path


def test_schema_accepts_configured_translations_and_refuses_others() -> None:
    validator = _validator("event.schema.json")
    good = yaml.load(GOOD_EVENT, Loader=yaml.BaseLoader)
    spanish = {"title": "Un título", "summary": "Un resumen.[^1]"}
    assert list(validator.iter_errors({**good, "translations": {"es": spanish}})) == []
    assert list(validator.iter_errors({**good, "translations": {"de": spanish}}))
    assert list(validator.iter_errors({**good, "translations": {"en": spanish}}))
    assert list(validator.iter_errors({**good, "translations": {"es": {"title": "x"}}}))
    actor = _validator("actor.schema.json")
    base = {"name": "CIA", "kind": "agency", "description": "An agency."}
    assert list(actor.iter_errors({**base, "translations": {"es": {"description": "Una."}}})) == []
    assert list(actor.iter_errors({**base, "translations": {"es": {"name": "CIA"}}}))

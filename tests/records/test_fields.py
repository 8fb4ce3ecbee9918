"""The tables of fields derive from the models: one edit to a model reaches every table."""

from __future__ import annotations

from pydantic import BaseModel, Field

from desclasificado.archives.jfk.model import JfkDocument as Document
from desclasificado.records.fields import published_fields, shown_fields
from desclasificado.records.models import shown
from desclasificado.render.dataschema import DOCUMENT_FIELDS, documents_schema, record_fields


class WithBox(BaseModel):
    """A record model with a field as a contributor of a new document field would write it
    (not a subclass of Document: the field reference lists every subclass of the models)."""

    title: str = Field(json_schema_extra=shown("The title.", "Title", "What it is called."))
    box: str | None = Field(None, description="The archive box.",
                            json_schema_extra=shown("The archive box it is filed in.", "Box",
                                                    "The box of the archive that holds the paper."))


def test_a_new_field_reaches_the_identification_table_and_the_data_files() -> None:
    assert shown_fields(WithBox)[-1].label == "Box"
    assert shown_fields(WithBox)[-1].meaning == "The box of the archive that holds the paper."
    names = [name for name, _, _ in record_fields(WithBox, {})]
    assert names[-1] == "box"
    assert record_fields(WithBox, {})[-1][1] == {"type": ["string", "null"]}


def test_the_document_tables_follow_the_model_order() -> None:
    model_order = [name for name in Document.model_fields]
    shown = [view.attribute for view in shown_fields(Document)]
    assert shown == sorted(shown, key=model_order.index)
    published = [view.name for view in published_fields(Document)]
    data = [name for name, _, _ in DOCUMENT_FIELDS]
    assert [name for name in data if name in published] == published
    assert data[:3] == ["id", "url", "kind"] and data[-1] == "cited_by"


def test_every_field_described_in_the_data_schema_is_required_and_described() -> None:
    item = documents_schema()["properties"]["documents"]["items"]["oneOf"][0]  # a JFK record
    assert item["required"] == [name for name, _, _ in DOCUMENT_FIELDS]
    assert all(prop["description"] for prop in item["properties"].values())
    assert item["properties"]["pages"] == {"type": "integer", "minimum": 1,
                                           "description": "Pages of the cited release's PDF."}

"""The JSON Schemas of the published data files, and the fields they describe.

`data/events.json` and `data/documents.json` are objects with a `schema_version` and a
list of records; their schemas (`data/events.schema.json`, `data/documents.schema.json`)
are built here from one table of fields each, which also gives the Data page its lists
of fields, so the documentation cannot drift from the files. Bump `SCHEMA_VERSION`'s
major number when a field is removed or changes meaning, the minor one when one is added.

The titles and descriptions are catalogue messages (`N_` here, `shown(...)` and the
fields' descriptions on the models, extracted by `fieldmessages.py`), translated when a
file or page is rendered (`describe`): the schemas under `es/data/` are titled and
describe every field in Spanish, nested ones included, like the Spanish Data page. The
names, types and patterns are the same in every language.
"""

from __future__ import annotations

import json
import typing

from pydantic import BaseModel

from desclasificado.archives import ARCHIVES, DEFAULT_KIND
from desclasificado.records.fields import FieldView, published_fields
from desclasificado.records.languages import TRANSLATION_LANGUAGES
from desclasificado.render.i18n import N_, _, current

SCHEMA_VERSION = "1.1"  # 1.1: events gained `translations`
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TEXT = {"type": "string"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_DAY_OR_NULL = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXTS = {"type": "array", "items": {"type": "string"}}
_BOOL = {"type": "boolean"}
_URI = {"type": "string", "format": "uri"}

SOURCE_FIELDS: list[tuple[str, dict, str]] = [
    ("number", {"type": "integer", "minimum": 1},
     N_("The source's number on the event page (the N of citation marks [N]).")),
    ("document", _TEXT, N_("The cited document's id (its page is documents/<id>/).")),
    ("record_number", _TEXT, N_("How the archive identifies the document: a JFK record number "
                                "(176-10036-10058), or a FRUS volume and document number "
                                "(frus1969-76ve16, doc. 19).")),
    ("document_title", _TEXT, N_("The document's title, as the archive gives it.")),
    ("pages", {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1},
     N_("The cited pages: of the cited release's PDF for a JFK record, printed pages of the "
        "volume for a FRUS document.")),
    ("quote", _TEXT, N_("The document's own words that support the event, verified against "
                        "the transcript when there is one.")),
    ("note", _TEXT_OR_NULL, N_("A remark on the source, or null.")),
    ("pdf", {"type": ["string", "null"], "format": "uri"},
     N_("The archive's PDF of the cited release (JFK records; null for FRUS).")),
    ("pdf_page", {"type": ["string", "null"], "format": "uri"},
     N_("The PDF at the first cited page (#page=N; null for FRUS).")),
    ("page_url", {"type": "string", "format": "uri"},
     N_("The archive's address of the first cited page: the PDF at #page=N for a JFK record, "
        "the document's page at history.state.gov for FRUS.")),
]

EVENT_FIELDS: list[tuple[str, dict, str]] = [
    ("id", _TEXT, N_("The event's id: the name of its file in events/, without .yaml.")),
    ("url", _TEXT, N_("Its page, relative to the site's address (events/<id>/; "
                      "es/events/<id>/ in the Spanish files under es/data/).")),
    ("date", _TEXT, N_("The date as written, in EDTF: 1963-04-11, 1963-04, 1963, 196X, "
                       "1962-06/1962-12, 1963~ (approximate), 1963? (uncertain).")),
    ("date_display", _TEXT, N_("The date in words, as the site shows it.")),
    ("start", _DAY_OR_NULL, N_("The earliest day the date can mean (YYYY-MM-DD), or null for "
                               "an open start.")),
    ("end", _DAY_OR_NULL, N_("The latest day the date can mean, or null for an open end.")),
    ("precision", {"enum": ["day", "month", "year", "decade"]},
     N_("How precise the date (its start) is.")),
    ("approximate", _BOOL, N_("Whether the date is approximate (~).")),
    ("uncertain", _BOOL, N_("Whether the date is uncertain (?).")),
    ("interval", _BOOL, N_("Whether the date is a period (start/end).")),
    ("title", _TEXT, N_("A one-line headline.")),
    ("summary", _TEXT, N_("One to three sentences, in Markdown, with citation marks [^N].")),
    ("body", _TEXT_OR_NULL, N_("A longer explanation in Markdown, or null.")),
    ("translations", {"$ref": "#/$defs/translations"},
     N_("The title, summary and body in other languages, by language code ({languages}): "
           "each an object with title, summary (the same citation marks as the English) and "
           "body (null when the event has none); {} when the event is not translated. Quotes "
           "are never translated.")),
    ("countries", _TEXTS, N_("ISO 3166-1 alpha-2 codes of the countries involved.")),
    ("places", _TEXTS, N_("Places the documents name.")),
    ("actors", _TEXTS, N_("Ids of the actors involved (actors/<id>/).")),
    ("themes", _TEXTS, N_("Ids of the themes (themes/<id>/).")),
    ("related", _TEXTS, N_("Ids of related events, as the event lists them.")),
    ("sources", {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/source"}},
     N_("The documents the event rests on, in order: see the fields of a source.")),
]



def _translations() -> dict:
    """An event's `translations`: by language code, its title, summary and body, described
    as the English ones are, in the current language."""
    texts = {name: (kind, text) for name, kind, text in EVENT_FIELDS}
    return {"type": "object", "propertyNames": {"enum": list(TRANSLATION_LANGUAGES)},
            "additionalProperties": _object(
                [(name, *texts[name]) for name in ("title", "summary", "body")])}


def _release_object() -> dict:
    """A release of a JFK record (the items of `releases`), described from its model."""
    for archive in ARCHIVES.values():
        info = archive.model.model_fields.get("releases")
        if info is not None:
            (release,) = typing.get_args(info.annotation)
            return _object([(name, _URI if name == "pdf" else _TEXT, field.description or "")
                            for name, field in release.model_fields.items()])
    return {}


# Fields of documents.json that are not fields of the record, each after the field it follows.
_DOCUMENT_EXTRAS: dict[str | None, list[tuple[str, dict, str]]] = {
    None: [("id", _TEXT, N_("The document's id: the name of its file in documents/.")),
           ("url", _TEXT, N_("Its page, relative to the site's "
                      "address (documents/<id>/; es/documents/<id>/ in the Spanish files).")),
           ("kind", _TEXT, N_("Its archive kind: jfk (the JFK Assassination Records Collection "
                              "at NARA) or frus (Foreign Relations of the United States)."))],
       "date": [("date_display", _TEXT_OR_NULL, N_("The date in words, or null."))],
}
# ... and after the record's fields: what its archive adds, then these.
_DOCUMENT_TAIL = [("transcript", _BOOL, N_("Whether the site has a transcript of it (on its page).")),
                  ("cited_by", _TEXTS, N_("Ids of the events that cite it, in timeline order."))]


def _kind(view: FieldView) -> dict:
    """A record field's type in the data files, from its JSON Schema (dates are EDTF text)."""
    if view.name == "releases":
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/release"}}
    schema = view.schema
    nullable = any(option.get("type") == "null" for option in schema.get("anyOf", []))
    kinds = [option for option in schema.get("anyOf", [schema]) if option.get("type") != "null"]
    kind = kinds[0].get("type", "string") if kinds else "string"
    if kind == "array":
        return _TEXTS
    if kind == "integer":
        return {"type": "integer", "minimum": kinds[0]["minimum"]} if "minimum" in kinds[0] \
            else {"type": "integer"}
    return _TEXT_OR_NULL if nullable else _TEXT


def record_fields(model: type[BaseModel],
                  extras: dict[str | None, list[tuple[str, dict, str]]]) -> list[tuple[str, dict, str]]:
    """The fields of a data file's records: the model's published fields in order, with the
    `extras` computed for the file after the field each follows (None: first)."""
    fields = list(extras.get(None, []))
    for view in published_fields(model):
        fields.append((view.name, _kind(view), view.data or ""))
        fields += extras.get(view.name, [])
    return fields


def document_fields(kind: str) -> list[tuple[str, dict, str]]:
    """The fields of a document of one archive kind in documents.json."""
    archive = ARCHIVES[kind]
    added = list(archive.data_field_schemas)
    return record_fields(archive.model, _DOCUMENT_EXTRAS) + added + _DOCUMENT_TAIL


DOCUMENT_FIELDS = document_fields(DEFAULT_KIND)


def describe(text: str) -> str:
    """A field's description in the current language; `{languages}` names the languages
    of the translations ("es: Spanish, pt: Portuguese"), in that language (CLDR)."""
    if not text:
        return text
    names = current().locale.languages
    listed = ", ".join(f"{code}: {names.get(code, name)}"
                       for code, name in TRANSLATION_LANGUAGES.items())
    return _(text).replace("{languages}", listed)


def _object(fields: list[tuple[str, dict, str]]) -> dict:
    """A closed object schema with every field required, described in the current language."""
    return {"type": "object", "additionalProperties": False,
            "required": [name for name, _kind, _text in fields],
            "properties": {name: {**kind, "description": describe(text)}
                           for name, kind, text in fields}}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _file_schema(title: str, what: str, key: str, item: dict, defs: dict | None = None) -> dict:
    """A data file (`title`, `what` it holds): its version, build day and site address, and
    its list of records."""
    schema: dict = {
        "$schema": DIALECT, "title": _(title), "description": _(what),
        "type": "object", "additionalProperties": False,
        "required": ["schema_version", "built", key],
        "properties": {
            "schema_version": {"type": "string", "pattern": r"^1\.\d+$",
                               "description": _("The version of this format: major.minor.")},
            "built": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                      "description": _("The day the site was built.")},
            "site_url": {"type": ["string", "null"],
                         "description": _("The site's address, when it is configured: urls "
                                          "are relative to it.")},
            key: {"type": "array", "items": item, "description": _(what)},
        },
    }
    if defs:
        schema["$defs"] = defs
    return schema


def events_schema() -> dict:
    """The JSON Schema of data/events.json."""
    # TRANSLATORS: the title of the JSON Schema of data/events.json
    return _file_schema(N_("Desclasificado events"),
                        N_("Every event of the timeline, in timeline order, with its sources."),
                        "events", _object(EVENT_FIELDS),
                        {"source": _object(SOURCE_FIELDS), "translations": _translations()})


def documents_schema() -> dict:
    """The JSON Schema of data/documents.json."""
    kinds = [{"title": _capital(_(archive.short_name)), **_object(document_fields(kind))}
             for kind, archive in ARCHIVES.items()]
    # TRANSLATORS: the title of the JSON Schema of data/documents.json
    return _file_schema(N_("Desclasificado documents"),
                        N_("Every document of the collection, by id: the fields of its record, "
                           "what its archive adds, and the events that cite it."),
                        "documents", kinds[0] if len(kinds) == 1 else {"oneOf": kinds},
                        {"release": _release_object()})


def dump(schema: dict) -> str:
    """A schema as indented JSON."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"

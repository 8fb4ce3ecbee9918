"""The models' texts for readers (descriptions, labels, meanings) are catalogue messages:
extracted by `python -m desclasificado.render.i18n_catalog`, translated in every catalogue
(the build refuses one that lacks them), read in the page's language."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from desclasificado.contribute.reference import field_reference_markdown, model_doc
from desclasificado.records.fields import FIELD_CONTEXT, field_views
from desclasificado.records.models import Event
from desclasificado.render import dataschema, fieldmessages, i18n, i18n_catalog
from desclasificado.render.data import CSV_COLUMNS, column_text
from desclasificado.render.i18n import _, activate, language, p_

TITLE = Event.model_fields["title"].description or ""
TITLE_ES = ("Un titular de una línea, de 120 caracteres como máximo, que dice quién "
            "informó qué.")


@functools.cache  # extraction reads the whole repository
def _template() -> dict[tuple[str | None, str], object]:
    return {(m.context, m.id): m for m in i18n_catalog.extract() if isinstance(m.id, str)}


def test_every_text_the_models_carry_for_readers_is_extracted() -> None:
    template = _template()
    for model in fieldmessages.models():
        assert (None, model_doc(model)) in template, model.__name__
        for view, info in zip(field_views(model), model.model_fields.values(), strict=True):
            assert (None, info.description) in template, (model.__name__, view.name)
            if view.data:
                assert (None, view.data) in template
            if view.label:
                assert (FIELD_CONTEXT, view.label) in template
                assert (FIELD_CONTEXT, view.meaning) in template
    assert any(path == "desclasificado/records/models.py"
               for path, _line in template[(None, TITLE)].locations)


def test_the_data_descriptions_and_reference_words_are_extracted() -> None:
    template = _template()
    wanted = [text for _name, _kind, text in dataschema.EVENT_FIELDS + dataschema.SOURCE_FIELDS]
    wanted += [text for _name, text, _value in CSV_COLUMNS]
    wanted += ["The headline in {language}, empty if not translated.", "required",
               "text, at most {n} characters", "a period: from / to"]
    assert [text for text in wanted if (None, text) not in template] == []


def test_a_catalogue_without_a_models_description_is_refused(tmp_path: Path) -> None:
    """The build's completeness check (`problems`, which the build runs for every language
    it publishes) covers the models' texts like any other message."""
    root = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, root)
    path = i18n.catalogue_path("es", root)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    catalog[TITLE].string = ""
    del catalog["The headline in {language}, empty if not translated."]
    with path.open("wb") as handle:
        write_po(handle, catalog)
    found = i18n_catalog.problems(root, ["es"])
    assert any(f"{TITLE[:30]}" in p and "is not translated" in p for p in found), found
    assert any("no entry for 'The headline in {language}" in p for p in found), found


def test_the_reference_and_the_data_read_in_the_language() -> None:
    with activate(language("es")):
        text = field_reference_markdown()
        assert TITLE_ES in text and TITLE not in text
        assert "| `title` | obligatorio | texto, de 120 caracteres como máximo |" in text
        assert "## Fechas {#dates}" in text  # the same id as the English heading's
        assert dataschema.describe("A one-line headline.") == "Un titular de una línea."
        assert column_text("title_es", "The headline in {language}, empty if not "
                           "translated.") == "El titular en español; vacío si no está traducido."
        assert "(es: español, pt: portugués)" in dataschema.describe(
            dict((n, t) for n, _k, t in dataschema.EVENT_FIELDS)["translations"])
    assert "## Dates {#dates}" in field_reference_markdown()
    assert column_text("title_es", "The headline in {language}, empty if not translated."
                       ) == "The headline in Spanish, empty if not translated."


def test_a_documents_sender_is_not_the_start_of_a_range() -> None:
    """A label is translated in its own context: the field "From" (a sender) reads
    "Remitente", while the "From" of the years' filter stays "Desde"."""
    with activate(language("es")):
        assert p_(FIELD_CONTEXT, "From") == "Remitente" and p_(FIELD_CONTEXT, "To") == "Destinatario"
        assert _("From") == "Desde"
    assert p_(FIELD_CONTEXT, "From") == "From"

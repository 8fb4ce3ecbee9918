"""The Spanish catalogue (desclasificado/locales/es): complete, two plural forms, every
placeholder of each msgid kept, and Spanish dates, plurals and counts."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po

from desclasificado.records.dates import parse_date
from desclasificado.render import i18n, i18n_catalog
from desclasificado.render.i18n import activate, language, n_
from desclasificado.render.i18n_dates import date_text

#: `{name}` (str.format), `%(name)s` (Jinja's trans) and the few HTML tags of the templates.
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)s|<[^>]*>")
#: Babel date patterns, whose letters are not placeholders.
_PATTERNS = {"d MMMM y", "MMMM y"}


def test_spanish_has_a_complete_catalogue() -> None:
    assert "es" in i18n.available()
    assert i18n_catalog.problems(codes=["es"]) == []


def test_spanish_has_two_plural_forms() -> None:
    with i18n.catalogue_path("es").open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


def _placeholder_problems(code: str) -> list[str]:
    with i18n.catalogue_path(code).open("rb") as handle:
        catalog = read_po(handle, locale=code)
    out = []
    for message in catalog:
        if not message.id or message.id in _PATTERNS:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(_PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if sorted(_PLACEHOLDER.findall(string)) != wanted:
                out.append(f"{ids[0]!r}: {string!r}")
    return out


@pytest.mark.parametrize("code", [c for c in i18n.available() if c != i18n.SOURCE_LANGUAGE])
def test_every_translation_keeps_the_placeholders_of_its_msgid(code: str) -> None:
    assert _placeholder_problems(code) == []


@pytest.mark.parametrize(("text", "words"), [
    ("1963-04-11", "11 de abril de 1963"),
    ("1963-04", "abril de 1963"),
    ("196X", "Década de 1960"),
    ("1962-06/1962-12", "junio–diciembre de 1962"),
    ("1963-04-11/1963-04-14", "11–14 de abril de 1963"),
    ("1963-04-11/1963-05-03", "11 de abril – 3 de mayo de 1963"),
    ("1963~", "c. 1963"),
    ("../1963-04", "hasta abril de 1963"),
])
def test_spanish_dates(text: str, words: str) -> None:
    with activate(language("es")):
        assert date_text(parse_date(text)) == words


def test_spanish_plurals_and_labels() -> None:
    with activate(language("es")):
        assert n_("{n} event", "{n} events", 1) == "1 evento"
        assert n_("{n} event", "{n} events", 0) == "0 eventos"
        assert n_("{n} country", "{n} countries", 3) == "3 países"
        assert i18n._("Timeline") == "Cronología"
        assert i18n.country_name("DO") == "República Dominicana"


def test_the_scripts_get_every_spanish_plural_category() -> None:
    data = json.loads(i18n.script_messages(language("es")))
    results = data["messages"]["{n} result"]
    assert results["one"] == "{n} resultado"
    assert set(results) >= {"one", "other"}
    assert all(v == "{n} resultados" for k, v in results.items() if k != "one")


def test_an_actors_other_names_read_whatever_its_gender() -> None:
    """'también llamado' agreed with a man and not with la CIA, la OEA: the line says
    'otros nombres', which fits a person, an agency and a party alike."""
    with activate(language("es")):
        from desclasificado.render.i18n import _
        line = _("also called {names}").format(names="CIA, the Agency")
    assert line == "otros nombres: CIA, the Agency"
    assert not re.search(r"\bllamad[oa]s?\b|\bconocid[oa]s?\b", line)

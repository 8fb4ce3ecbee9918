"""The language seam (desclasificado/render/i18n*.py): catalogues complete and in step with
the code, plurals, dates, numbers and country names per language, the scripts' messages."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desclasificado.records.dates import parse_date
from desclasificado.render import i18n, i18n_catalog
from desclasificado.render.i18n import Language, activate, country_name, language, n_
from desclasificado.render.i18n_dates import date_text
from tests.conftest import REPO

SAMPLE_DATES = ["1963-04-11", "1963-04", "1963", "196X", "1962-06/1962-12", "1963~",
                "1963-06?", "1963-06%", "../1963-04", "1961/..", "196X~", "1963-04-11/1963-04-14",
                "1963-04-11/1963-05-03", "1962-11/1963-02", "1963-04-11~/1963-04-14",
                "1963/1965", "196X/197X", "1963-04-11/1963-04-11"]


def test_every_catalogue_is_complete() -> None:
    assert i18n_catalog.problems() == []


def test_messages_pot_and_catalogues_are_up_to_date() -> None:
    assert i18n_catalog.stale() == [], "run: python -m desclasificado.render.i18n_catalog"


def _copy_locales(tmp_path: Path) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, root)
    return root


def _po(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n' + body,
                    encoding="utf-8")


def test_a_missing_or_untranslated_message_is_reported(tmp_path: Path) -> None:
    root = _copy_locales(tmp_path)
    _po(i18n.catalogue_path("pt", root), 'msgid "Timeline"\nmsgstr ""\n')
    found = i18n_catalog.problems(root)
    assert any("pt/LC_MESSAGES/messages.po: 'Timeline' is not translated" in p for p in found)
    assert any("pt/LC_MESSAGES/messages.po: no entry for 'Sources'" in p for p in found)


def test_a_stale_template_is_reported(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "desclasificado" / "render").mkdir(parents=True)
    for name in ("babel.cfg", "mkdocs.yml"):
        shutil.copy(REPO / name, repo / name)
    (repo / "desclasificado" / "render" / "new.py").write_text('_("A brand new message")\n')
    ids = {m.id for m in i18n_catalog.extract(repo)}
    assert "A brand new message" in ids and "Timeline" in ids  # the nav's titles too
    assert "Sources" not in ids
    assert str(i18n_catalog.TEMPLATE) in i18n_catalog.stale(repo)


def test_the_scripts_and_templates_and_nav_are_extracted() -> None:
    template = {m.id if isinstance(m.id, str) else m.id[0]: m
                for m in i18n_catalog.extract() if m.id}
    assert any(f.startswith("theme/js/") for f, _ in template["Copied"].locations)
    assert any(f.startswith("theme/search/") for f, _ in template["{n} result"].locations)
    assert any(f == "theme/main.html" for f, _ in template["Skip to content"].locations)
    assert any(f == "mkdocs.yml" for f, _ in template["Field reference"].locations)
    description = i18n_catalog.site_description(REPO / "mkdocs.yml")
    assert description and description[0].startswith("A reference timeline of Cold War")
    assert any(f == "mkdocs.yml" for f, _ in template[description[0]].locations)
    # the identification table's labels and meanings, from the archives' `shown(...)` fields
    from desclasificado.records.fields import shown_fields
    from desclasificado.records.models import DOCUMENT_KINDS

    shown = {text for model in DOCUMENT_KINDS.values() for view in shown_fields(model)
             for text in (view.label, view.meaning) if text}
    assert "Originator" in shown and shown <= set(template)
    contexts = {m.context for m in i18n_catalog.extract() if m.id in shown}
    assert "identification field" in contexts  # "From" a sender, apart from "From" a year
    assert language("es").pgettext("identification field", "From") == "Remitente"
    # ... and the fields' descriptions, for the field reference (render/fieldmessages.py)
    assert "RIF AGENCY: the agency holding the record." in template


def _tiny(tmp_path: Path, body: str, code: str = "pt") -> Language:
    root = tmp_path / "locales"
    _po(i18n.catalogue_path(code, root), body)
    return Language(code, i18n.Locale.parse(code), i18n._read_translations(
        i18n.catalogue_path(code, root)))


def test_plurals_in_english_and_in_another_language(tmp_path: Path) -> None:
    assert [n_("{n} event", "{n} events", n) for n in (0, 1, 2, 2000)] == [
        "0 events", "1 event", "2 events", "2,000 events"]
    assert n_("{n} country", "{n} countries", 3) == "3 countries"  # no "countrys"
    pt = _tiny(tmp_path, 'msgid "{n} event"\nmsgid_plural "{n} events"\n'
               'msgstr[0] "{n} acontecimento"\nmsgstr[1] "{n} acontecimentos"\n')
    with activate(pt):
        assert n_("{n} event", "{n} events", 1) == "1 acontecimento"
        assert n_("{n} event", "{n} events", 2000) == "2.000 acontecimentos"
        assert i18n._("Sources") == "Sources"  # missing: the English text, never a blank


def test_a_fuzzy_translation_is_not_used(tmp_path: Path) -> None:
    pt = _tiny(tmp_path, '#, fuzzy\nmsgid "Sources"\nmsgstr "Fontes"\n')
    with activate(pt):
        assert i18n._("Sources") == "Sources"


def test_an_unknown_language_says_which_exist() -> None:
    with pytest.raises(i18n.UnknownLanguage, match="languages with a catalogue: .*en"):
        language("xx")


@pytest.mark.parametrize("text", SAMPLE_DATES)
def test_english_dates_are_the_records_own_wording(text: str) -> None:
    date = parse_date(text)
    assert date_text(date) == date.display()


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
       st.sampled_from(["day", "month", "year"]), st.sampled_from(["", "~", "?", "%"]))
def test_english_dates_match_display_for_any_day(day, precision, qualifier) -> None:
    text = {"day": day.isoformat(), "month": day.isoformat()[:7],
            "year": day.isoformat()[:4]}[precision] + qualifier
    date = parse_date(text)
    assert date_text(date) == date.display()


def test_repository_event_dates_read_as_before() -> None:
    from desclasificado.check.project import check_project

    events = check_project(REPO).collection.events.values()
    assert all(date_text(e.date) == e.date.display() for e in events)


def test_dates_follow_the_language_pattern(tmp_path: Path) -> None:
    es = _tiny(tmp_path, 'msgid "d MMMM y"\nmsgstr "d \'de\' MMMM \'de\' y"\n'
               'msgid "MMMM y"\nmsgstr "MMMM \'de\' y"\n', code="es")
    with activate(es):
        assert date_text(parse_date("1963-04-11")) == "11 de abril de 1963"
        assert date_text(parse_date("1963-04")) == "abril de 1963"


def test_country_names_come_from_cldr_in_the_language(tmp_path: Path) -> None:
    assert country_name("PE") == "Peru"
    es = _tiny(tmp_path, "", code="es")
    with activate(es):
        assert country_name("PE") == "Perú"
        assert country_name("US") == "Estados Unidos"


def test_script_messages_are_json_safe_inside_a_script_element(tmp_path: Path) -> None:
    pt = _tiny(tmp_path, 'msgid "Copied"\nmsgstr "</script><b>copiado"\n'
               'msgid "{n} result"\nmsgid_plural "{n} results"\n'
               'msgstr[0] "{n} resultado"\nmsgstr[1] "{n} resultados"\n')
    text = i18n.script_messages(pt)
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["lang"] == "pt"
    assert data["messages"]["Copied"] == "</script><b>copiado"
    assert data["messages"]["{n} result"] == {"one": "{n} resultado", "other": "{n} resultados"}
    assert "Sources" not in data["messages"]  # only what the scripts use


def test_a_site_in_a_language_without_a_catalogue_is_refused(tmp_path: Path) -> None:
    from tests.sitekit import SiteProject

    project = SiteProject(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("locale: en", "locale: fr"),
                      encoding="utf-8")
    code, lines = project.build()
    assert code == 1
    assert any("mkdocs.yml: theme.locale: there is no catalogue for the language 'fr'" in line
               for line in lines), lines
    assert not (project.root / "site").exists()

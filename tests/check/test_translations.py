"""`translations:` on events, actors and themes: checked like the English, word for word."""

from __future__ import annotations

import pytest

from desclasificado.records.languages import TRANSLATION_LANGUAGES
from tests.conftest import GOOD_EVENT, Project

ES = """\
translations:
  es:
    title: "Una fuente de la CIA señala a París como centro de la red"
    summary: "Según la fuente de la CIA, París se había convertido en el centro de la red.[^1]"
"""

GOOD_ACTOR = """\
name: "Central Intelligence Agency"
kind: "agency"
country: "US"
description: "The United States' foreign intelligence agency."
"""

GOOD_THEME = """\
title: "Exile networks"
description: "Exiles organizing abroad."
"""


def _write_event(project: Project, translations: str, extra: str = "") -> None:
    project.write("events/1963-04-11-paris.yaml", GOOD_EVENT + extra + translations)


def test_translated_event_actor_and_theme_pass(project: Project) -> None:
    _write_event(project, ES)
    project.write("actors/cia.yaml", GOOD_ACTOR + 'translations:\n  es:\n    name: '
                  '"Agencia Central de Inteligencia"\n    description: "El servicio de '
                  'inteligencia exterior de los Estados Unidos."\n')
    project.write("themes/exile-networks.yaml", GOOD_THEME + 'translations:\n  es:\n    title: '
                  '"Redes de exiliados"\n    description: "Exiliados que se organizan fuera."\n')
    assert project.check() == (0, ["checked 1 events, 1 documents, 1 actors, 1 themes: 0 errors"])


E = "events/1963-04-11-paris.yaml"
CASES = [
    ("marks differ", ES.replace(".[^1]\"", ".\""),
     f"{E}:14:14: error: the Spanish summary has no marks but the English summary has [^1]: "
     "put the same citation marks on the sentences that make the same claims"),
    ("extra mark", ES.replace(".[^1]\"", ".[^1][^2]\""),
     f"{E}:14:14: error: the Spanish summary has [^1], [^2] but the English summary has [^1]: "
     "put the same citation marks on the sentences that make the same claims"),
    ("unknown language", ES.replace("  es:", "  de:"),
     f"{E}:12:3: error: translations.de: 'de' is not a language the site is translated into; "
     "the languages are 'es', 'pt'"),
    ("capital code", ES.replace("  es:", "  ES:"),
     f"{E}:12:3: error: translations.ES: 'ES' is not a language the site is translated into: "
     "write it in lower case, 'es'; the languages are 'es', 'pt'"),
    ("english", ES.replace("  es:", "  en:"),
     f"{E}:12:3: error: translations.en: 'en' is the original language: the English goes in "
     "the record's own fields, not under 'translations'"),
    ("missing summary", "translations:\n  es:\n    title: \"Un título\"\n",
     f"{E}:13:5: error: missing required field 'summary': add a line such as summary: "
     '"One to three sentences.[^1]"'),
    ("unknown field", ES.replace("    title:", "    titulo:"),
     f"{E}:13:5: error: unknown field 'titulo' (did you mean 'title'?)"),
    ("title too long", ES.replace("Una fuente de la CIA", "x" * 120),
     f"{E}:13:12: error: 'title' is 157 characters, over the limit of 120: shorten it"),
    ("summary too long", ES.replace("Según", "y" * 700),
     f"{E}:14:14: error: 'summary' is 775 characters, over the limit of 700: shorten it; "
     "move detail into 'body'"),
    ("body without English body", ES + '    body: "Más detalles.[^1]"\n',
     f"{E}:15:11: error: the event has no English body, so the Spanish body translates "
     "nothing: delete translations.es.body, or write the English body first"),
    ("not a mapping", 'translations:\n  es: "Un título"\n',
     f"{E}:12:7: error: translations.es must hold fields indented under it, one "
     "'name: \"...\"' line each, not a single value (see FORMAT.md)"),
    ("translations a text", 'translations: "es"\n',
     f"{E}:11:15: error: translations must hold fields indented under it, one "
     "'name: \"...\"' line each, not a single value (see FORMAT.md)"),
]


@pytest.mark.parametrize(("name", "translations", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_translations_are_reported_with_position_and_fix(
        project: Project, name: str, translations: str, expected: str) -> None:
    _write_event(project, translations)
    code, lines = project.check()
    assert code == 1
    assert lines[:-1] == [expected]


def test_body_marks_must_match_the_english_body(project: Project) -> None:
    body = 'body: "More detail.[^1]"\n'
    _write_event(project, ES + '    body: "Más detalles."\n', extra=body)
    code, lines = project.check()
    assert (code, lines[:-1]) == (1, [
        f"{E}:16:11: error: the Spanish body has no marks but the English body has [^1]: "
        "put the same citation marks on the sentences that make the same claims"])


def test_actor_and_theme_translations_are_checked(project: Project) -> None:
    project.write("actors/cia.yaml", GOOD_ACTOR + 'translations:\n  es:\n    nombre: "CIA"\n')
    project.write("themes/exile-networks.yaml", GOOD_THEME + 'translations:\n  pt:\n    '
                  'title: "Redes de exilados"\n')
    code, lines = project.check()
    assert (code, lines[:-1]) == (1, [
        "actors/cia.yaml:7:5: error: missing required field 'description': add a line such "
        'as description: "One or two sentences."',
        "actors/cia.yaml:7:5: error: unknown field 'nombre' (did you mean 'name'?)",
        "themes/exile-networks.yaml:5:5: error: missing required field 'description': add a "
        'line such as description: "One or two sentences."'])


def test_languages_come_from_the_configured_list(monkeypatch: pytest.MonkeyPatch,
                                                 project: Project) -> None:
    monkeypatch.setitem(TRANSLATION_LANGUAGES, "fr", "French")
    _write_event(project, ES.replace("  es:", "  fr:").replace("Spanish", "French"))
    assert project.check()[0] == 0
    _write_event(project, ES.replace("  es:", "  fr:").replace(".[^1]\"", ".\""))
    assert project.check()[1][0].startswith(f"{E}:14:14: error: the French summary has no marks")


def test_missing_translation_report_lists_what_lacks_spanish(project: Project) -> None:
    _write_event(project, ES, extra='body: "More detail.[^1]"\n')
    project.write("actors/cia.yaml", GOOD_ACTOR)
    project.write("themes/exile-networks.yaml", GOOD_THEME)
    code, lines = project.check("--missing-translation", "es")
    assert code == 0
    assert lines == [
        "checked 1 events, 1 documents, 1 actors, 1 themes: 0 errors",
        "actors/cia.yaml:1: no Spanish translation: add translations: es: with description",
        f"{E}:13: the Spanish translation has no body: add translations.es.body",
        "themes/exile-networks.yaml:1: no Spanish translation: add translations: es: with "
        "title and description",
        "3 missing Spanish translation(s): 1 of 1 events, 1 of 1 actors, 1 of 1 themes"]


def test_missing_translation_report_of_an_untranslated_event(project: Project) -> None:
    code, lines = project.check("--missing-translation", "pt", str(project.root / "events"))
    assert (code, lines[1:]) == (0, [
        f"{E}:1: no Portuguese translation: add translations: pt: with title and summary",
        "1 missing Portuguese translation(s) in the named file(s)"])


def test_missing_translation_report_when_all_is_translated(project: Project) -> None:
    _write_event(project, ES)
    project.write("actors/cia.yaml", GOOD_ACTOR + 'translations:\n  es:\n    description: '
                  '"La agencia de inteligencia exterior de los Estados Unidos."\n')
    project.write("themes/exile-networks.yaml", GOOD_THEME + 'translations:\n  es:\n    title: '
                  '"Redes de exiliados"\n    description: "Exiliados que se organizan fuera."\n')
    assert project.check("--missing-translation", "es") == (0, [
        "checked 1 events, 1 documents, 1 actors, 1 themes: 0 errors",
        "every event, actor and theme has a Spanish translation (1 events, 1 actors, 1 themes)"])


@pytest.mark.parametrize(("lang", "expected"), [
    ("de", "error: --missing-translation: 'de' is not a language the site is translated into; "
           "choose one of es, pt (they are listed in desclasificado/records/languages.py)"),
    ("en", "error: --missing-translation: 'en' is the original language; choose one of es, pt"),
])
def test_missing_translation_of_an_unknown_language(
        project: Project, capsys: pytest.CaptureFixture[str], lang: str, expected: str) -> None:
    code, lines = project.check("--missing-translation", lang)
    assert (code, lines) == (2, [])
    assert capsys.readouterr().err.splitlines() == [expected]


def test_html_in_a_translation_is_a_warning_at_the_tag(project: Project) -> None:
    _write_event(project, ES.replace("se había convertido", "se había <b>convertido</b>"))
    code, lines = project.check()
    assert (code, lines[:-1]) == (0, [
        f"{E}:14:57: warning: HTML such as '<b>' is not allowed in translations.es.summary and "
        "would show as text: write **words** instead (Markdown, see FORMAT.md)"])


def test_a_translated_actor_name_equal_to_the_english_is_a_warning(project: Project) -> None:
    project.write("actors/cia.yaml", GOOD_ACTOR + 'translations:\n  es:\n    name: "Central '
                  'Intelligence Agency"\n    description: "La agencia de inteligencia exterior."\n')
    code, lines = project.check()
    assert (code, lines[:-1]) == (0, [
        "actors/cia.yaml:7:11: warning: translations.es.name is the same as the English name: "
        "delete the line (a translation gives a name only where it differs)"])


def test_straight_quotes_in_a_translation_are_a_warning_at_the_quoted_words(
        project: Project) -> None:
    """Only « » tells the page that a translation keeps the document's words (marked as its
    language, render/quotemarks.py): a straight-quoted one would be read out as Spanish."""
    _write_event(project, ES.replace("como centro de la red", 'como \\"the hub\\"'))
    code, lines = project.check()
    assert (code, lines[:-1]) == (0, [
        f"{E}:13:56: warning: translations.es.title quotes '\"the hub\"' between straight "
        "quotes: write « » instead, so that words kept as the document has them are marked "
        "as its language (FORMAT.md, Translations)"])
    _write_event(project, ES.replace("como centro de la red", "como «the hub»"))
    assert project.check()[1][:-1] == []


#: Calques of the cables' and intelligence officers' English in Spanish, with what Spanish
#: scholarship writes instead ("estación", a CIA station, and "fuente" or "agente" for an
#: asset are the usual Spanish words, and allowed).
CALQUES = {
    r"\bcable(?:ó|aron|aba|aban)\b": "comunicó por cable (cablear: tender cables)",
    r"\bcaso oficial\b|\boficial del caso\b": "oficial a cargo (case officer)",
    r"\bcasa segura\b": "casa de seguridad (safe house)",
    r"\bmanejador": "oficial a cargo (handler)",
    r"\bbasad[oa] en (?:un|una) (?:profesor|empresario|militar|periodista|diplomático)":
        "cuya fuente era un... (a report based on a person)",
}


def test_the_spanish_translations_avoid_calques_of_the_documents_english() -> None:
    import re

    from desclasificado.check.project import check_project
    from tests.conftest import REPO

    collection = check_project(REPO, verify_quotes=False).collection
    found = []
    for kind in ("events", "actors", "themes"):
        for record_id, record in collection.table(kind).items():
            text = record.translations.get("es")
            words = " ".join(str(v) for v in vars(text).values() if isinstance(v, str)) if text else ""
            found += [f"{kind}/{record_id}: {m.group(0)!r}: write {use}"
                      for pattern, use in CALQUES.items() for m in re.finditer(pattern, words)]
    assert found == []

"""A third language needs a catalogue and its line in records/languages.py, and no code: its
hand-written pages and contributors' guide are files found by their names.

Portuguese (`pt`) is listed in `TRANSLATION_LANGUAGES` already; here a test catalogue is
added beside the real ones (the Spanish messages, with a few in Portuguese, stand in for a
translation), and the same build publishes /pt/ beside /es/: every page, in Portuguese,
with the alternates and the switch naming all three languages and the fallback note.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desclasificado.records.languages import TRANSLATION_LANGUAGES
from desclasificado.render import i18n
from desclasificado.render.i18n_catalog import _read, _write
from tests.sitekit import Doc, SiteProject, all_pages, event_yaml

TRANSLATED = "1963-04-12-traduzido"
UNTRANSLATED = "1963-04-11-paris"
TITLE_PT = "Uma fonte da CIA situa em Paris o centro da rede"
GUIDE_PT = "Guia para quem contribui"
PORTUGUESE = {
    "Sources": "Fontes",
    "Timeline": "Linha do tempo",
    "Not translated yet: the text is shown in its original English.":
        "Ainda sem tradução: o texto aparece no original em inglês.",
}


def _test_catalogue(locales: Path) -> None:
    """locales/pt: the Spanish catalogue as a stand-in, a few messages in Portuguese."""
    catalog = _read(i18n.catalogue_path("es", locales), "es")
    catalog.locale = "pt"
    for msgid, text in PORTUGUESE.items():
        catalog.get(msgid).string = text
    _write(i18n.catalogue_path("pt", locales), catalog)


def _clear_caches() -> None:
    i18n.language.cache_clear()
    i18n.script_messages.cache_clear()
    i18n._script_msgids.cache_clear()


@pytest.fixture(scope="module")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("locales")
    shutil.copytree(i18n.LOCALES, root, dirs_exist_ok=True)
    _test_catalogue(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "LOCALES", root)
        _clear_caches()
        yield root
    _clear_caches()


@pytest.fixture(scope="module")
def pages(locales: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Doc]:
    project = SiteProject(tmp_path_factory.mktemp("third") / "project")
    project.write(f"events/{TRANSLATED}.yaml", event_yaml(
        "1963-04-12", "A source places the hub of the network in Paris",
        extra=f'translations:\n  pt:\n    title: "{TITLE_PT}"\n'
              '    summary: "Segundo a fonte, Paris era o centro da rede.[^1]"\n'))
    project.write("CONTRIBUTING.pt.md", f"# {GUIDE_PT}\n\nComo contribuir.\n")
    code, lines = project.build("--site-url", "https://example.org/")
    assert code == 0, lines
    return all_pages(project.root / "site")


def test_portuguese_is_one_line_of_languages_py() -> None:
    assert "pt" in TRANSLATION_LANGUAGES
    assert "pt" not in i18n.available()  # the repository ships no Portuguese catalogue yet
    assert i18n.site_languages("en") == ["en", "es"]


def test_the_catalogue_publishes_the_language(locales: Path, pages: dict[str, Doc]) -> None:
    assert i18n.site_languages("en") == ["en", "es", "pt"]
    english = [p for p in pages if not p.startswith(("es/", "pt/"))]
    assert [p for p in english if f"pt/{p}" not in pages] == []  # the 404 and search too
    for path, doc in pages.items():
        if path.startswith("pt/"):
            assert doc.find("html").get("lang") == "pt", path


def test_portuguese_pages_read_in_portuguese(pages: dict[str, Doc]) -> None:
    doc = pages[f"pt/events/{TRANSLATED}/index.html"]
    assert doc.find("h1").words() == TITLE_PT and doc.find("h1").get("lang") is None
    assert doc.find("h2", id="sources").words() == "Fontes"
    assert doc.find("time").words() == "12 de abril de 1963"  # CLDR's Portuguese months
    fallback = pages[f"pt/events/{UNTRANSLATED}/index.html"]
    assert fallback.find("h1").get("lang") == "en"
    assert fallback.find("p", class_="untranslated").words() == PORTUGUESE[
        "Not translated yet: the text is shown in its original English."]


def test_alternates_and_switch_name_all_three_languages(pages: dict[str, Doc]) -> None:
    for prefix in ("", "es/", "pt/"):
        doc = pages[f"{prefix}events/{TRANSLATED}/index.html"]
        alternates = {link.get("hreflang"): link.get("href")
                      for link in doc.find_all("link", rel="alternate") if link.get("hreflang")}
        assert alternates == {
            "en": f"https://example.org/events/{TRANSLATED}/",
            "es": f"https://example.org/es/events/{TRANSLATED}/",
            "pt": f"https://example.org/pt/events/{TRANSLATED}/",
            "x-default": f"https://example.org/events/{TRANSLATED}/"}
        switch = doc.find("nav", class_="language-switch")
        assert switch.words() == "English Español Português"


def test_the_english_404_carries_a_notice_for_each_other_language(pages: dict[str, Doc]) -> None:
    notices = pages["404.html"].find_all("p", class_="language-hint")
    assert [(n.get("lang"), n.get("data-language-folder")) for n in notices] == [
        ("es", "/es/"), ("pt", "/pt/")]
    assert [n.find("a").get("href") for n in notices] == ["/es/404.html", "/pt/404.html"]
    assert pages["pt/404.html"].find("html").get("lang") == "pt"
    assert pages["pt/search.html"].find("form", id="search-form").get("action") == "../pt/search.html"


def test_a_portuguese_guide_is_its_file_alone(pages: dict[str, Doc]) -> None:
    """CONTRIBUTING.pt.md, beside CONTRIBUTING.md, is /pt/contribute/guide/ (no list of
    guides to edit); /es/ keeps its own."""
    guide = pages["pt/contribute/guide/index.html"]
    assert guide.find("h1").words() == GUIDE_PT and guide.find("h1").get("lang") is None
    assert guide.find_all("p", class_="untranslated") == []
    assert pages["es/contribute/guide/index.html"].find("h1").get("lang") is None

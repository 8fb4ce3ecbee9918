"""No English of the interface is left on a Spanish page: every message of the catalogue
that the Spanish translation changes is looked for, between its placeholders, in the text
and the reader-facing attributes of every page under /es/ outside what is marked
`lang="en"` (`tests/leftovers.py`; the repository's site in tests/browser/test_lang_marks.py).
The document page's archive section ("2021 release, PDF", "cited: page numbers...") was
one such leftover."""

from __future__ import annotations

import pytest

from desclasificado.archives import archive_of
from desclasificado.archives.frus.model import FrusDocument
from desclasificado.load.yamlsafe import read_yaml
from desclasificado.render.i18n import _, activate, language
from tests.conftest import REPO, SEED
from tests.leftovers import english_leftovers, english_pieces, page_leftovers
from tests.sitekit import SiteProject, event_yaml

TRANSLATED = "1963-04-12-translated"
TITLE_ES = "Una fuente sitúa en París el centro de la red"
UNTRANSLATED = "1963-04-11-paris"  # the seed project's event, English only


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("leftovers") / "project")
    project.write(f"events/{TRANSLATED}.yaml", event_yaml(
        "1963-04-12", "A source places the hub of the network in Paris",
        extra=f'translations:\n  es:\n    title: "{TITLE_ES}"\n'
              '    summary: "Según la fuente, París era el centro de la red.[^1]"\n'))
    code, lines = project.build()
    assert code == 0, lines
    return project


def test_no_spanish_page_shows_the_interface_in_english(built: SiteProject) -> None:
    found, pages = english_leftovers(built.root / "site", "es")
    assert pages > 20
    assert found[:20] == [], f"{len(found)} leftovers"


def test_the_check_finds_english_outside_lang_en_and_only_there() -> None:
    pieces = english_pieces("es")
    page = ('<html lang="es"><body><a>2021 release, PDF</a><p lang="en">2021 release, PDF</p>'
            '<script>"2021 release, PDF"</script>'
            '<button aria-label="Cited release">x</button></body></html>')
    assert page_leftovers("p", page, pieces) == [
        "p: 'release, PDF' in '2021 release, PDF'", "p: 'Cited release' in 'Cited release'"]


def test_the_archive_section_of_a_spanish_document_page_is_spanish(built: SiteProject) -> None:
    section = built.page(f"es/documents/{SEED}/").find("section", **{"aria-labelledby": "archive"})
    assert section is not None
    text = " ".join(section.text.split())
    assert "PDF de la publicación de" in text and "release" not in text
    assert "(el que se cita: los números de página de este sitio son los de este PDF)" in text
    holder = section.find("p")
    assert holder is not None and holder.get("lang") == "en"  # the archive's English name


def test_a_frus_document_links_its_page_in_the_page_language() -> None:
    data, _lines, _marks = read_yaml(
        (REPO / "documents" / "frus1969-76ve16-d19.yaml").read_bytes(), "d19")
    doc = FrusDocument.model_validate(data)
    (english,) = archive_of(doc).links(doc)
    assert (english.text, english.note) == ("Document 19 at history.state.gov",
                                            "printed pages 115\u2013117 of the volume")
    with activate(language("es")):
        (spanish,) = archive_of(doc).links(doc, _)
    assert (spanish.text, spanish.note) == ("Documento 19 en history.state.gov",
                                            "páginas 115\u2013117 del volumen impreso")


def test_a_spanish_printout_cites_a_spanish_title_in_sentence_case(built: SiteProject) -> None:
    """The printed colophon cites the page as the Cite control does: a Spanish title as it
    is written (no English headline case), an untranslated one in headline case, marked
    English."""
    colophon = built.page(f"es/events/{TRANSLATED}/").find(class_="print-colophon")
    assert f"\u00ab{TITLE_ES}\u00bb, Desclasificado, consultado el" in colophon.words()
    untranslated = built.page(f"es/events/{UNTRANSLATED}/").find(class_="print-colophon")
    title = untranslated.find("span", lang="en")
    assert title.words() == "CIA Source Names Paris as the Hub of the Network"
    english = built.page(f"events/{TRANSLATED}/").find(class_="print-colophon")
    assert "\u201cA Source Places the Hub of the Network in Paris,\u201d" in english.words()

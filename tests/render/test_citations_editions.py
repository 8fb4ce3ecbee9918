"""Citations of a document printed in a FRUS volume (render/editions.py) in both languages.

The English forms are checked by hand against the Chicago Manual, APA 7 and MLA 9 in
tests/archives/test_frus.py. The Spanish forms follow the Spanish adaptations of the same
guides: the Chicago-Deusto manual (« » with the punctuation outside, "en", "ed. de" in a
note, "editado por" in the bibliography, names joined with "y", no serial comma), the
Spanish APA ("En", "(Eds.)", "y" for "&", "Documento", "s. f.") and MLA ("editado por",
"Consultado el"). The titles, names and numbers are the volume's, unchanged; on a Spanish
page the English titles, and nothing else, are marked `lang="en"`.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable
from typing import TypeVar

from desclasificado.archives.base import EditedVolumeCitation
from desclasificado.records.dates import parse_date
from desclasificado.render.editions import EditedVolumeDocument
from desclasificado.render.i18n import activate, language

T = TypeVar("T")
ACCESSED = datetime.date(2025, 5, 3)
URL = "https://history.state.gov/historicaldocuments/frus1969-76ve16/d145"
TITLE = "Telegram From the Embassy in Chile to the Department of State"
SERIES = "Foreign Relations of the United States, 1969\u20131976"
VOLUME = "Documents on Chile, 1969\u20131973"
FACTS = EditedVolumeCitation(
    title=TITLE, date=parse_date("1973-09-16"), series="Foreign Relations of the United States",
    subseries="1969\u20131976", volume_number="E\u201316", volume_title=VOLUME,
    editors=("James McElveen", "James Siekmeier"), place="Washington", publisher=None,
    year=2015, number="145", first_page=412, last_page=414, url=URL)


def cited(**changes: object) -> EditedVolumeDocument:
    return EditedVolumeDocument(dataclasses.replace(FACTS, **changes), ACCESSED)


def in_spanish(make: Callable[[], T]) -> T:
    """What `make` renders on a Spanish page."""
    with activate(language("es")):
        return make()


def test_a_spanish_chicago_note_and_bibliography_say_en_ed_de_and_editado_por() -> None:
    note = in_spanish(lambda: cited().chicago_note().text())
    bib = in_spanish(lambda: cited().chicago_bib().text())
    assert note == (
        f"\u00ab{TITLE}\u00bb, 16 de septiembre de 1973, en {SERIES}, vol. E\u201316, {VOLUME}, "
        f"ed. de James McElveen y James Siekmeier (Washington, 2015), doc. 145, {URL}.")
    assert bib == (
        f"\u00ab{TITLE}\u00bb. 16 de septiembre de 1973. En {SERIES}, vol. E\u201316, {VOLUME}, "
        f"editado por James McElveen y James Siekmeier, doc. 145. Washington, 2015. {URL}.")


def test_a_spanish_apa_and_mla_entry() -> None:
    apa = in_spanish(lambda: cited().apa().text())
    mla = in_spanish(lambda: cited().mla().text())
    assert apa == (
        f"{TITLE} [1973, 16 de septiembre]. (2015). En J. McElveen y J. Siekmeier (Eds.), "
        f"{SERIES}, vol. E\u201316, {VOLUME} (Documento 145, pp. 412\u2013414). {URL}")
    assert mla == (
        f"\u00ab{TITLE}\u00bb. 16 de septiembre de 1973. {SERIES}, vol. E\u201316, {VOLUME}, "
        "editado por James McElveen y James Siekmeier, 2015, doc. 145, pp. 412\u2013414, "
        "history.state.gov/historicaldocuments/frus1969-76ve16/d145. "
        "Consultado el 3 de mayo de 2025.")


def test_spanish_lists_of_editors_an_undated_document_and_one_editor() -> None:
    four = ("Charles S. Sampson", "Edward C. Keefer", "Harriet Dashiell Schwar",
            "W. Taylor Fain III")
    many = cited(editors=four, date=None, publisher="United States Government Printing Office")
    note = in_spanish(lambda: many.chicago_note().text())
    assert ", s. f., en " in note and "ed. de Charles S. Sampson et al. (Washington: United " \
        "States Government Printing Office, 2015)" in note
    assert "editado por Charles S. Sampson, Edward C. Keefer, Harriet Dashiell Schwar y " \
        "W. Taylor Fain III, doc. 145." in in_spanish(lambda: many.chicago_bib().text())
    assert "\u00bb. S. f. En " in in_spanish(lambda: many.chicago_bib().text())
    assert "En C. S. Sampson, E. C. Keefer, H. D. Schwar y W. T. Fain III (Eds.), " in \
        in_spanish(lambda: many.apa().text())
    assert "editado por Charles S. Sampson et al., United States" in \
        in_spanish(lambda: many.mla().text())
    one = cited(editors=("Susan Holly",), volume_number=None, year=None)
    assert f"(s. f.). En S. Holly (Ed.), {SERIES}, {VOLUME} (Documento 145" in \
        in_spanish(lambda: one.apa().text())


def test_the_spanish_in_text_citations_of_a_printed_page() -> None:
    page = cited().at_page(413, f"{URL}#pg_413")
    assert in_spanish(lambda: page.in_text("apa").text()) == f"(\u00ab{TITLE}\u00bb, 2015, p. 413)"
    assert in_spanish(lambda: page.in_text("mla").text()) == f"(\u00ab{TITLE}\u00bb 413)"
    assert in_spanish(lambda: page.chicago_note().text()).endswith(
        f"doc. 145, p. 413, {URL}#pg_413.")


def _marked(html: str) -> list[str]:
    return re.findall(r'<span lang="en">(.*?)</span>', html)


def test_on_a_spanish_page_only_the_english_titles_are_marked() -> None:
    """The document's title, the series' and the volume's carry `lang="en"`; the words of
    the form ("en", "ed. de", "doc.") are in the page's language, so they are not marked."""
    for style in ("chicago-note", "chicago-bibliography", "apa", "mla"):
        html = in_spanish(lambda style=style: cited().cite(style).html())
        assert _marked(html) == [TITLE, f"<i>{SERIES}</i>", f"<i>{VOLUME}</i>"], style
        outside = re.sub(r'<span lang="en">.*?</span>', "", html)
        assert "edited" not in outside and " in " not in outside and "Accessed" not in outside


def test_on_an_english_page_nothing_is_marked_and_the_access_day_is_the_scripts() -> None:
    for style in ("chicago-note", "chicago-bibliography", "apa", "mla"):
        assert "lang=" not in cited().cite(style).html(), style
    assert cited().mla().html().endswith(
        'Accessed <time class="accessed" datetime="2025-05-03" data-form="mla">3 May 2025'
        "</time>.")
    assert in_spanish(lambda: cited().mla().html()).endswith(
        'Consultado el <time class="accessed" datetime="2025-05-03" data-form="lang">3 de mayo '
        "de 2025</time>.")

"""Two points of punctuation in the citations (render/citations.py), written out in full.

- One full stop: a name or title that ends with its own period (an initial, "Div.") ends
  the sentence; none is added after it ("From Treverton, Gregory F. 2021 release.").
- Quotes within quotes: a quoted title's own quotation marks become the second level of the
  citation's language. English (Chicago, American style): ‘single’ inside “double”, the
  comma or period inside both (“... Sees ‘the First Step,’”). Spanish (the RAE's
  Ortografía): “English” quotes inside «angle» ones («... una “acción”»), ‘single’ ones
  inside those. Titles in italics (APA) are not in quotation marks and keep theirs.
"""

from __future__ import annotations

import datetime

import pytest

from desclasificado.archives.agencies import place
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.render.archival import ArchivalDocument
from desclasificado.render.citations import WebPage
from desclasificado.render.editions import EditedVolumeDocument
from desclasificado.render.i18n import activate, language

ACCESSED = datetime.date(2025, 5, 3)
NARA = "National Archives and Records Administration"
SITE = "https://desclasificado.example/es/events/1976-otero/"
DAY = '<time class="accessed" datetime="2025-05-03" data-form="lang">3 de mayo de 2025</time>'


def memo(**changes: object) -> ArchivalDocument:
    """A memorandum from a person named with an initial, as the JFK record 157-10002-10052
    names its sender; no recipient, no date, so the name ends a sentence in every form."""
    facts = dict(author="Senate Select Committee", recipient=None,
                 title="INTELLIGENCE ACTIVITIES IN LATIN AMERICA", date=None,
                 record_number="157-10002-10052", series="MEMORANDUM", collection=None,
                 archive=NARA, url="https://example.org/docid-2.pdf",
                 sender="Treverton, Gregory F.", kind=None, kind_in_title=False, release="2021",
                 place=place(NARA))
    facts.update(changes)
    return ArchivalDocument(ArchivalCitation(**facts), ACCESSED)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_sender_ending_with_an_initial_gets_one_period_in_every_form(code: str) -> None:
    with activate(language(code)):
        cited = {style: memo().cite(style).text()
                 for style in ("chicago-note", "chicago-bibliography", "apa", "mla")}
    word = "From" if code == "en" else "De"
    assert f"Senate Select Committee. {word} Treverton, Gregory F. " in cited["chicago-bibliography"]
    assert f" {word} Treverton, Gregory F. " in cited["mla"]
    assert f"[{word} Treverton, Gregory F.]." in cited["apa"]
    assert all(".." not in text for text in cited.values()), cited


def test_an_undated_frus_title_ending_with_a_question_mark_gets_no_period_in_apa() -> None:
    facts = EditedVolumeCitation(
        title="Who Lost Cuba?", date=None, series="Foreign Relations of the United States",
        subseries=None, volume_number=None, volume_title="Cuba", editors=(), place=None,
        publisher=None, year=2015, number="7", first_page=None, last_page=None,
        url="https://history.state.gov/d7")
    assert EditedVolumeDocument(facts, ACCESSED).apa().text().startswith(
        "Who Lost Cuba? (2015). In ")


def test_english_quotes_inside_a_quoted_title_are_single() -> None:
    page = WebPage('Ambassador Kalijarvi sees "the first step towards Fidelismo"',
                   "Desclasificado", "https://desclasificado.example/events/1960-lemus/",
                   ACCESSED)
    assert page.chicago_note().text().startswith(
        "\u201cAmbassador Kalijarvi Sees \u2018the First Step towards Fidelismo,\u2019\u201d "
        "Desclasificado, accessed ")
    assert page.mla().text().startswith(
        "\u201cAmbassador Kalijarvi Sees \u2018the First Step towards Fidelismo.\u2019\u201d ")
    assert page.apa().text().startswith(  # in italics, not quoted: as written
        'Ambassador Kalijarvi sees "the first step towards Fidelismo". (n.d.).')
    opening = WebPage('"Arbenz is out": PBSUCCESS orders broadcasts', "Desclasificado",
                      "https://d.example/", ACCESSED)
    assert opening.chicago_bib().text() == (
        "Desclasificado. \u201c\u2018Arbenz Is out\u2019: PBSUCCESS Orders Broadcasts.\u201d "
        "Accessed May 3, 2025. https://d.example/.")


def test_spanish_angle_quotes_inside_a_quoted_title_become_english_ones() -> None:
    title = "Una fuente del FBI dice que Otero fue enviado a Caracas para una «acción»"
    with activate(language("es")):
        page = WebPage(title, "Desclasificado", SITE, ACCESSED, headline_style=False)
        note, bib, apa = page.chicago_note(), page.chicago_bib(), page.apa()
    assert note.html() == (
        "\u00abUna fuente del FBI dice que Otero fue enviado a Caracas para una "
        f"\u201cacci\u00f3n\u201d\u00bb, Desclasificado, consultado el {DAY}, {SITE}.")
    assert bib.text().startswith(
        "Desclasificado. \u00abUna fuente del FBI dice que Otero fue enviado a Caracas para una "
        "\u201cacci\u00f3n\u201d\u00bb. Consultado el ")
    assert apa.text().startswith(f"{title}. (s. f.).")  # in italics: «» kept


def test_a_kept_english_quote_in_a_spanish_title_stays_marked() -> None:
    """The quote kept in English («Arbenz is out», at 1-14) keeps its lang="en" mark, its
    angle quotes now the second level."""
    title = "«Arbenz is out»: el cuartel de PBSUCCESS ordena transmisiones"
    with activate(language("es")):
        page = WebPage(title, "Desclasificado", SITE, ACCESSED, headline_style=False,
                       kept=((1, 14, "en"),))
        mla = page.mla().html()
    assert mla.startswith(
        '\u00ab\u201c<span lang="en">Arbenz is out</span>\u201d: el cuartel de PBSUCCESS '
        "ordena transmisiones\u00bb. <i>Desclasificado</i>, ")


def test_an_english_title_quoted_in_a_spanish_citation() -> None:
    """A document's English title, with a quote of its own, cited on a Spanish page: marked
    lang="en", its straight quotes the Spanish second level; a third level is single."""
    with activate(language("es")):
        cited = memo(title='FIELD INFORMATION REPORT: "ATTEMPTS OF ROLANDO MASFERRER"')
        note = cited.chicago_note().html()
        page = WebPage("El «Plan “Omega”» de un exiliado", "Desclasificado", SITE, ACCESSED,
                       headline_style=False)
        third = page.chicago_note().text()
    assert ('\u00ab<span lang="en">Field Information Report: \u201cAttempts of Rolando '
            'Masferrer\u201d</span>\u00bb, s. f.,') in note
    assert third.startswith("\u00abEl \u201cPlan \u2018Omega\u2019\u201d de un exiliado\u00bb, ")

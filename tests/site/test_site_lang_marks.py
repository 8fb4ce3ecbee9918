"""On the pages of another language, what is not translated says it is English: a document's
title (its page, the list of documents, the citations of events and embeds), its transcript
and the notes on it, its identification data and its citations, a source's note, an event's
title without a translation; a quote carries its document's language (`lang="es"` for a
quote marked so), and so does a quote that a translated title or summary keeps in the
document's words between « and ». `tests/langmarks.py` walks every page under /es/ of a small
build here, and of the repository's site in tests/browser/test_lang_marks.py."""

from __future__ import annotations

import re

import pytest

from desclasificado.check.project import check_project
from tests.conftest import SEED
from tests.langmarks import lang_of, page_problems, unmarked_english
from tests.sitekit import Doc, SiteProject, event_yaml, parse

TRANSLATED = "1963-04-12-spanish-quote"
UNTRANSLATED = "1963-04-11-paris"  # the seed project's event, English only
SPANISH_QUOTE = "Texto de prueba en español: la red tiene su centro en París."
NOTE = "Test note on this source, in English."
TITLE = "Activities of Cuban Trained Peruvian Guerrillas"  # the seed document's
KEPT = "1963-04-13-kept-quotes"  # a Spanish title and summary keeping quotes in English
KEPT_TITLE = "Una fuente de la CIA informa: «Paris has emerged as the center»"
KEPT_SUMMARY = ("La fuente escribió «Paris has emerged as the center of the network» («París "
                "se ha convertido en el centro de la red») y, en español, «la red tiene su "
                "centro en París».[^1][^2]")
KEPT_EVENT = f"""\
date: "1963-04-13"
title: "A CIA source reports: \\"Paris has emerged as the center\\""
summary: "The source wrote that Paris had become the hub, and said so in Spanish too.[^1][^2]"
countries: ["PE"]
translations:
  es:
    title: "{KEPT_TITLE}"
    summary: "{KEPT_SUMMARY}"
sources:
  - document: "{SEED}"
    pages: "3"
    quote: "Paris has emerged as the center of the network."
  - document: "{SEED}"
    pages: "3"
    quote: "{SPANISH_QUOTE}"
    lang: "es"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("langmarks") / "project")
    transcript = project.root / "documents" / f"{SEED}.md"
    text = transcript.read_text(encoding="utf-8")
    transcript.write_text(text.replace("\n## Page 4", f"\n{SPANISH_QUOTE}\n\n## Page 4"),
                          encoding="utf-8")
    project.write(f"events/{TRANSLATED}.yaml", event_yaml(
        "1963-04-12", "A source places the hub of the network in Paris",
        extra='translations:\n  es:\n    title: "Una fuente sitúa en París el centro de la red"\n'
              '    summary: "Según la fuente, París era el centro de la red.[^1][^2]"\n',
        summary="The source said Paris was the hub.[^1][^2]")
        + f'    note: "{NOTE}"\n  - document: "{SEED}"\n    pages: "3"\n'
          f'    quote: "{SPANISH_QUOTE}"\n    lang: "es"\n')
    project.write(f"events/{KEPT}.yaml", KEPT_EVENT)
    code, lines = project.build()
    assert code == 0, lines
    return project


def _page(built: SiteProject, url: str) -> Doc:
    return built.page(url)


def test_no_page_under_es_shows_english_unmarked(built: SiteProject) -> None:
    collection = check_project(built.root).collection
    assert TITLE in {d.title for d in collection.documents.values()}
    problems, pages = unmarked_english(built.root / "site", collection, "es")
    assert pages > 20
    assert problems == []


def test_a_document_page_in_spanish_marks_its_english(built: SiteProject) -> None:
    doc = _page(built, f"es/documents/{SEED}/")
    assert doc.find("h1").get("lang") == "en" and doc.find("h1").words() == TITLE
    assert doc.find("h2", id="transcript").words() == "Transcripción"  # the interface: Spanish
    transcripts = doc.find_all("pre", class_="ocr")
    assert transcripts and all(pre.get("lang") == "en" for pre in transcripts)
    # the citations' words are Spanish; the document's title in them is English
    citations = doc.find_all("p", class_="citation-text")
    assert [lang_of(p) for p in citations] == ["es"] * 4
    assert all(p.find_all("span", lang="en") for p in citations)
    values = doc.find("table", class_="identification").find_all("td")
    title_cell = next(td for td in values if td.words() == TITLE)
    assert title_cell.find("span").get("lang") == "en"
    table = doc.find("table", class_="identification")
    labels = [th.words() for th in table.find("tbody").find_all("th")]
    assert "Archivo" in labels and "Colección" in labels  # the labels are the catalogue's
    assert not {"Archive", "Collection", "Pages", "Originator"} & set(labels)
    assert "Destinatario" in labels and "Hasta" not in labels  # the recipient, not a range
    english = _page(built, f"documents/{SEED}/")
    assert english.find("h1").get("lang") is None
    assert all(pre.get("lang") is None for pre in english.find_all("pre", class_="ocr"))


def test_an_event_in_spanish_marks_citations_notes_and_quotes(built: SiteProject) -> None:
    doc = _page(built, f"es/events/{TRANSLATED}/")
    assert [c.get("lang") for c in doc.find_all("cite")] == ["en", "en"]
    quotes = doc.find_all("blockquote", class_="quote")
    assert [q.get("lang") for q in quotes] == ["en", None]  # the Spanish quote: the page's
    assert lang_of(quotes[1]) == "es" and quotes[1].words() == SPANISH_QUOTE
    note = doc.find("p", class_="source-note")
    assert note.words() == f"Nota: {NOTE}" and note.find("span").get("lang") == "en"
    untranslated = _page(built, f"es/events/{UNTRANSLATED}/")
    assert untranslated.find("h1").get("lang") == "en"
    page_cite = untranslated.find("details", class_="cite-tool").find_all("p", class_="citation-text")
    assert [lang_of(p) for p in page_cite] == ["es"] * 4  # Spanish words, the English title:
    assert all(p.find("span", lang="en").words() for p in page_cite)
    english = _page(built, f"events/{TRANSLATED}/")
    assert [c.get("lang") for c in english.find_all("cite")] == [None, None]
    assert [q.get("lang") for q in english.find_all("blockquote", class_="quote")] == [None, "es"]


def _english_spans(element) -> list[str]:
    return [span.words() for span in element.find_all("span", lang="en")]


def test_quotes_a_translation_keeps_in_english_are_marked(built: SiteProject) -> None:
    doc = _page(built, f"es/events/{KEPT}/")
    h1 = doc.find("h1")
    assert h1.words() == KEPT_TITLE and h1.get("lang") is None
    assert _english_spans(h1) == ["Paris has emerged as the center"]
    summary = doc.find("p", class_="summary")
    # the English quote marked; the translated one and the one of a Spanish quote left alone
    assert _english_spans(summary) == ["Paris has emerged as the center of the network"]
    assert not summary.find_all("span", lang="es")
    for url in ("es/timeline/", f"es/embed/events/{KEPT}/"):
        page = _page(built, url)
        title = next(a for a in page.find_all("a") if a.words() == KEPT_TITLE)
        assert _english_spans(title) == ["Paris has emerged as the center"], url
    english = _page(built, f"events/{KEPT}/")
    assert not english.find("h1").find_all("span")


def test_quote_marks_stay_out_of_titles_attributes_and_metadata(built: SiteProject) -> None:
    for url in (f"es/events/{KEPT}/", f"es/embed/events/{KEPT}/", "es/timeline/"):
        html = (built.root / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "&lt;span" not in html and "\\u003cspan" not in html, url
        for attribute in re.findall(r'="[^"]*"', html):
            assert "<span" not in attribute, (url, attribute)
    html = (built.root / "site" / "es" / "events" / KEPT / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(KEPT_TITLE)


def test_the_checker_finds_english_left_unmarked() -> None:
    """The walker itself: English in a Spanish element, a transcript or a quote in the wrong
    language are each found."""
    html = ('<html lang="es"><body><h1>{title}</h1><p>Nota: {note}</p>'
            '<pre class="ocr">text</pre><blockquote lang="en"><p>{quote}</p></blockquote>'
            '<p><span lang="en">{title}</span></p></body></html>').format(
                title=TITLE, note=NOTE, quote=SPANISH_QUOTE)
    problems = page_problems("x.html", html, {TITLE, NOTE}, {SPANISH_QUOTE: {"es"}})
    assert len(problems) == 4, problems
    kept = '<html lang="es"><body><h1>Dijo: «Bomb repeat Bomb»</h1><p>«{}»</p></body></html>'
    assert len(page_problems("x.html", kept.format("Bomb repeat Bomb"), set(), {},
                             {"Bomb repeat Bomb": "en"})) == 2
    marked = kept.replace("«Bomb repeat Bomb»", '«<span lang="en">Bomb repeat Bomb</span>»')
    assert page_problems("x.html", marked, set(), {}, {"Bomb repeat Bomb": "en"}) == []
    assert parse(html).find("span").get("lang") == "en"

"""Citations, checked by hand against the Chicago Manual of Style (17th edition, notes and
bibliography), the APA Publication Manual (7th edition) and the MLA Handbook (9th edition):
every expected string below is written out in full. Also CSL-JSON and BibTeX."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import bibtexparser
import pytest

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation
from desclasificado.check.project import check_project
from desclasificado.records.dates import parse_date
from desclasificado.records.models import Document
from desclasificado.render.archival import ArchivalDocument
from desclasificado.render.bibliographic import bibtex, bibtex_entry, csl_item, tex
from desclasificado.render.citations import WebPage, bare_url, build_date
from desclasificado.render.citedates import apa_date, mla_date, us_date
from desclasificado.render.documentcite import cited_document
from desclasificado.render.titlecase import headline_case
from tests.conftest import SEED, Project

ACCESSED = datetime.date(2025, 5, 3)
PDF = "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """The seed document's record, as the check reads it."""
    project = Project(tmp_path_factory.mktemp("cite") / "project")
    result = check_project(project.root)
    assert result.ok
    return result.collection.documents[SEED]


def test_an_event_page_as_a_web_page() -> None:
    page = WebPage("CIA source names Paris as the hub of the network", "Desclasificado",
                   "https://desclasificado.example/events/1963-04-11-paris/", ACCESSED)
    assert page.chicago_note().text() == (
        "\u201cCIA Source Names Paris as the Hub of the Network,\u201d Desclasificado, accessed "
        "May 3, 2025, https://desclasificado.example/events/1963-04-11-paris/.")
    assert page.chicago_bib().text() == (
        "Desclasificado. \u201cCIA Source Names Paris as the Hub of the Network.\u201d Accessed "
        "May 3, 2025. https://desclasificado.example/events/1963-04-11-paris/.")
    assert page.apa().html() == (
        "<i>CIA source names Paris as the hub of the network</i>. (n.d.). Desclasificado. "
        "Retrieved <time class=\"accessed\" datetime=\"2025-05-03\" data-form=\"us\">May 3, "
        "2025</time>, from https://desclasificado.example/events/1963-04-11-paris/")
    assert page.mla().html() == (
        "\u201cCIA Source Names Paris as the Hub of the Network.\u201d <i>Desclasificado</i>, "
        "desclasificado.example/events/1963-04-11-paris/. Accessed <time class=\"accessed\" "
        "datetime=\"2025-05-03\" data-form=\"mla\">3 May 2025</time>.")


def test_a_document_with_no_author_no_date_no_series_starts_with_its_title() -> None:
    cited = ArchivalDocument(ArchivalCitation(
        author=None, recipient=None, title="Report on Guatemala?", date=None,
        record_number="104-1", series=None, collection=None,
        archive="National Archives and Records Administration",
        url="https://example.org/a.pdf"), ACCESSED)
    assert cited.chicago_note().text() == (
        "\u201cReport on Guatemala?\u201d n.d., record number 104-1, National Archives and "
        "Records Administration, https://example.org/a.pdf.")
    assert cited.chicago_bib().text() == (
        "\u201cReport on Guatemala?\u201d N.d. Record number 104-1. National Archives and "
        "Records Administration. https://example.org/a.pdf.")
    assert cited.apa().html() == (
        "<i>Report on Guatemala?</i> (n.d.). (Record No. 104-1). National Archives and "
        "Records Administration. https://example.org/a.pdf")
    assert cited.mla().text() == (
        "\u201cReport on Guatemala?\u201d Record no. 104-1, National Archives and Records "
        "Administration, example.org/a.pdf. Accessed 3 May 2025.")


def test_an_author_ending_with_a_period_gets_no_second_one() -> None:
    cited = ArchivalDocument(ArchivalCitation(
        author="Schlesinger, Jr.", recipient=None, title="Memo to President",
        date=parse_date("1961-06"), record_number="1", series=None, collection=None,
        archive="NARA", url="https://e.org/x.pdf"), ACCESSED)
    assert cited.chicago_bib().text().startswith("Schlesinger, Jr. \u201cMemo to President.\u201d "
                                                 "June 1961. ")
    assert cited.apa().text().startswith("Schlesinger, Jr. (1961, June). Memo to President. ")
    assert cited.chicago_note().text().startswith("Schlesinger, Jr., \u201cMemo to President,"
                                                  "\u201d June 1961, ")


@pytest.mark.parametrize(("title", "expected"), [
    ("CIA source names Paris as the hub of the network returning trainees to Peru",
     "CIA Source Names Paris as the Hub of the Network Returning Trainees to Peru"),
    ("Cuba trains more than 70 Peruvians as guerrillas",
     "Cuba Trains More Than 70 Peruvians as Guerrillas"),
    ('FBI: a "Cuban-trained" agent is back in the U.S. in 1963',
     'FBI: A "Cuban-Trained" Agent Is Back in the U.S. in 1963'),
    ("de la Guardia names the men to watch", "De la Guardia Names the Men to Watch"),
    ("Who the plot was for", "Who the Plot Was For"),
    ("OAS Council warns Trujillo against meddling in Haiti",
     "OAS Council Warns Trujillo against Meddling in Haiti"),
    ("iPhone and McNamara's MIR (Peru)", "iPhone and McNamara's MIR (Peru)"),
])
def test_headline_case(title: str, expected: str) -> None:
    assert headline_case(title) == expected


@pytest.mark.parametrize(("edtf", "chicago", "mla", "apa"), [
    ("1963-04-11", "April 11, 1963", "11 Apr. 1963", "(1963, April 11)"),
    ("1963-09", "September 1963", "Sept. 1963", "(1963, September)"),
    ("1963", "1963", "1963", "(1963)"),
    ("196X", "1960s", "1960s", "(1960s)"),
    ("1962-06/1962-12", "June\u2013December 1962", "June\u2013Dec. 1962",
     "(1962, June\u2013December)"),
    ("1963-06-03/1963-06-05", "June 3\u20135, 1963", "3\u20135 June 1963",
     "(1963, June 3\u20135)"),
    ("1963-06-30/1963-07-02", "June 30\u2013July 2, 1963", "30 June\u20132 July 1963",
     "(1963, June 30\u2013July 2)"),
    ("1962/1964", "1962\u20131964", "1962\u20131964", "(1962\u20131964)"),
    ("1963~", "ca. 1963", "ca. 1963", "(ca. 1963)"),
    ("1963-06?", "June 1963?", "June 1963?", "(1963, June?)"),
])
def test_dates_in_each_style(edtf: str, chicago: str, mla: str, apa: str) -> None:
    date = parse_date(edtf)
    assert (us_date(date), mla_date(date), apa_date(date)) == (chicago, mla, apa)


def test_the_access_date_is_the_build_date() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1746273600"}) == ACCESSED
    assert build_date({}) == datetime.datetime.now(tz=datetime.UTC).date()


def test_csl_json_of_a_document(seed: Document) -> None:
    item = csl_item(SEED, seed, ACCESSED)
    assert json.loads(json.dumps(item)) == {
        "id": SEED, "type": "document", "title": "Activities of Cuban Trained Peruvian Guerrillas",
        "author": [{"literal": "Central Intelligence Agency"}],
        "recipient": [{"literal": "Director, Central Intelligence Agency"}],
        "archive-place": "College Park, MD", "note": "2025 release.",
        "issued": {"date-parts": [[1963, 4, 11]]}, "number": SEED, "number-of-pages": "5",
        "archive": "National Archives and Records Administration",
        "archive_collection": "President John F. Kennedy Assassination Records Collection",
        "archive_location": "National Security Files", "URL": PDF,
        "accessed": {"date-parts": [[2025, 5, 3]]}}


def test_bibtex_of_a_document_parses(seed: Document) -> None:
    library = bibtexparser.parse_string(bibtex([bibtex_entry(SEED, seed, ACCESSED)]))
    assert not library.failed_blocks
    [entry] = library.entries
    assert (entry.entry_type, entry.key) == ("misc", SEED)
    fields = {field.key: field.value for field in entry.fields}
    assert fields == {
        "author": "{Central Intelligence Agency}",
        "title": "{Activities of Cuban Trained Peruvian Guerrillas}",
        "year": "1963", "month": "apr",
        "howpublished": "National Archives and Records Administration, President John F. "
                        "Kennedy Assassination Records Collection",
        "number": SEED, "addendum": f"Record number {SEED}, record series National Security Files",
        "address": "College Park, MD",
        "note": "To Director, Central Intelligence Agency. 2025 release.",
        "url": PDF, "urldate": "2025-05-03"}


def test_no_record_text_can_break_out_of_a_bibtex_field(seed: Document) -> None:
    hostile = "}, note = {pwned} @misc{x, title={y} % \\end{document} $#_^~&\n{"
    doc = seed.model_copy(update={"title": hostile, "originator": "A }{ B",
                                  "collection": "{{{", "record_series": "}}}"})
    text = bibtex([bibtex_entry("evil", doc, ACCESSED), bibtex_entry(SEED, seed, ACCESSED)])
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["evil", SEED]
    evil = {field.key: field.value for field in library.entries[0].fields}
    assert "pwned" not in evil.get("note", "") and evil["title"] == "{" + tex(hostile) + "}"
    assert evil["title"].count("{") == evil["title"].count("}")


def test_the_repository_documents_cite_without_gaps() -> None:
    """Every document of the collection gets four citations with its identifier (a JFK record
    number, a FRUS document number) and its archive's address."""
    result = check_project(Path(__file__).resolve().parents[2], verify_quotes=False)
    for doc_id, doc in result.collection.documents.items():
        cited = cited_document(doc, ACCESSED)
        archive = archive_of(doc)
        expected = doc.record_number if archive.kind == "jfk" else str(doc.number)
        for style in ("chicago-note", "chicago-bibliography", "apa", "mla"):
            text = cited.cite(style).text()
            assert expected in text and "  " not in text and ".." not in text, (
                doc_id, style, text)
            assert bare_url(archive.document_url(doc)) in text, (doc_id, style, text)

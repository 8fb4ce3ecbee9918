"""FRUS as an archive kind: reading TEI, import-frus, the records, their citations and links."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from desclasificado.archives import archive_of
from desclasificado.archives.frus.convert import sender_and_recipient
from desclasificado.archives.frus.importer import import_frus
from desclasificado.archives.frus.model import FrusDocument
from desclasificado.load.transcripts import parse_transcript
from desclasificado.load.yamlsafe import read_yaml
from desclasificado.render.bibliographic import bibtex_entry, csl_item
from desclasificado.render.documentcite import cited_document
from tests.conftest import REPO
from tests.sitekit import SiteProject, event_yaml

CORPUS = REPO.parent.parent / "shared" / "corpus" / "frus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/frus")
ACCESSED = datetime.date(2025, 5, 3)
D19 = "https://history.state.gov/historicaldocuments/frus1969-76ve16/d19"


def _record(doc_id: str) -> FrusDocument:
    data, _, _ = read_yaml((REPO / "documents" / f"{doc_id}.yaml").read_bytes(), doc_id)
    return FrusDocument.model_validate(data)


# --- citations, checked by hand against the Chicago Manual's pattern for FRUS ---------------

def test_chicago_cites_the_document_then_the_volume_then_its_number() -> None:
    cited = cited_document(_record("frus1969-76ve16-d19"), ACCESSED)
    assert cited.chicago_note().text() == (
        "\u201cMemorandum Prepared in the Central Intelligence Agency,\u201d September 15\u201319, "
        "1970, in Foreign Relations of the United States, 1969\u20131976, vol. E\u201316, "
        "Documents on Chile, 1969\u20131973, ed. James McElveen and James Siekmeier "
        f"(Washington, 2015), doc. 19, {D19}.")
    assert cited.chicago_note().html().count("<i>") == 2
    assert cited.chicago_bib().text() == (
        "\u201cMemorandum Prepared in the Central Intelligence Agency.\u201d September 15\u201319, "
        "1970. In Foreign Relations of the United States, 1969\u20131976, vol. E\u201316, "
        "Documents on Chile, 1969\u20131973, edited by James McElveen and James Siekmeier, "
        f"doc. 19. Washington, 2015. {D19}.")


def test_four_editors_are_shortened_in_notes_and_a_publisher_is_given_when_the_volume_has_one(
) -> None:
    cited = cited_document(_record("frus1961-63v12-d358"), ACCESSED)
    assert cited.chicago_note().text() == (
        "\u201cMemorandum From President Kennedy to Secretary of Defense McNamara,\u201d October 4, "
        "1963, in Foreign Relations of the United States, 1961\u20131963, vol. XII, American "
        "Republics, ed. Charles S. Sampson et al. (Washington: United States Government "
        "Printing Office, 1996), doc. 358, "
        "https://history.state.gov/historicaldocuments/frus1961-63v12/d358.")
    assert "edited by Charles S. Sampson, Edward C. Keefer, Harriet Dashiell Schwar, and " \
           "W. Taylor Fain III, doc. 358." in cited.chicago_bib().text()


def test_an_undated_document_of_an_unnumbered_volume() -> None:
    cited = cited_document(_record("frus1952-54guat-d281"), ACCESSED)
    assert cited.chicago_note().text() == (
        "\u201cBriefing Paper,\u201d n.d., in Foreign Relations of the United States, "
        "1952\u20131954, Guatemala, ed. Susan Holly (Washington: United States Government "
        "Printing Office, 2003), doc. 281, "
        "https://history.state.gov/historicaldocuments/frus1952-54Guat/d281.")


def test_a_carter_volume_with_one_editor() -> None:
    cited = cited_document(_record("frus1977-80v29-d62"), ACCESSED)
    assert cited.chicago_note().text() == (
        "\u201cLetter From President Carter to Senator Thurmond,\u201d July 20, 1977, in Foreign "
        "Relations of the United States, 1977\u20131980, vol. XXIX, Panama, ed. Laura R. Kolar "
        "(Washington: United States Government Printing Office, 2016), doc. 62, "
        "https://history.state.gov/historicaldocuments/frus1977-80v29/d62.")


def test_apa_and_mla_cite_it_as_a_work_in_an_edited_volume() -> None:
    cited = cited_document(_record("frus1969-76ve16-d19"), ACCESSED)
    assert cited.apa().text() == (
        "Memorandum Prepared in the Central Intelligence Agency [1970, September 15\u201319]. "
        "(2015). In J. McElveen & J. Siekmeier (Eds.), Foreign Relations of the United States, "
        "1969\u20131976, vol. E\u201316, Documents on Chile, 1969\u20131973 (Document 19, pp. "
        f"115\u2013117). {D19}")
    assert cited.mla().text() == (
        "\u201cMemorandum Prepared in the Central Intelligence Agency.\u201d 15\u201319 Sept. 1970. "
        "Foreign Relations of the United States, 1969\u20131976, vol. E\u201316, Documents on "
        "Chile, 1969\u20131973, edited by James McElveen and James Siekmeier, 2015, doc. 19, "
        "pp. 115\u2013117, history.state.gov/historicaldocuments/frus1969-76ve16/d19. "
        "Accessed 3 May 2025.")


def test_reference_managers_get_a_chapter_of_the_volume() -> None:
    doc = _record("frus1969-76ve16-d19")
    item = csl_item("frus1969-76ve16-d19", doc, ACCESSED)
    assert item["type"] == "chapter" and item["chapter-number"] == "19"
    assert item["container-title"] == ("Foreign Relations of the United States, 1969\u20131976, "
                                       "Volume E\u201316, Documents on Chile, 1969\u20131973")
    assert item["editor"] == [{"literal": "James McElveen"}, {"literal": "James Siekmeier"}]
    assert item["issued"] == {"date-parts": [[2015]]} and item["page"] == "115-117"
    assert item["original-date"] == {"date-parts": [[1970, 9, 15], [1970, 9, 19]]}
    assert "publisher" not in item and item["publisher-place"] == "Washington"
    entry = bibtex_entry("frus1969-76ve16-d19", doc, ACCESSED)
    assert entry.startswith("@incollection{frus1969-76ve16-d19,\n")
    assert "  editor = {James McElveen and James Siekmeier},\n" in entry
    assert "  pages = {115--117},\n" in entry and f"  url = {{{D19}}},\n" in entry
    assert entry.count("{") == entry.count("}")


# --- the records -------------------------------------------------------------------------

def test_the_heading_gives_sender_and_recipient() -> None:
    assert sender_and_recipient("Telegram From the Embassy in Chile to the Department of State") \
        == ("Embassy in Chile", "Department of State")
    assert sender_and_recipient("Report From the Representative to the United Nations "
                                "(Stevenson) to President Kennedy") == (
        "Representative to the United Nations (Stevenson)", "President Kennedy")
    assert sender_and_recipient("Memorandum Prepared in the Central Intelligence Agency") == (
        None, None)


def test_dates_come_from_the_dateline_or_the_editors_and_never_from_a_guess() -> None:
    d19 = _record("frus1969-76ve16-d19")
    assert d19.date is not None and d19.date.text == "1970-09-15/1970-09-19"
    assert d19.date_note == "undated; inferred from document content and sibling dates"
    d281 = _record("frus1952-54guat-d281")
    assert d281.date is None and d281.dateline == "Washington, undated."
    assert _record("frus1952-54guat-d201").date.text == "1954-06-17"


def test_pages_are_printed_pages_with_footnotes_at_the_end_of_their_page() -> None:
    doc = _record("frus1952-54guat-d281")
    transcript = parse_transcript((REPO / "documents/frus1952-54guat-d281.md").read_text(), "x")
    assert sorted(transcript.pages) == [437, 438, 439] == list(range(doc.first_page,
                                                                      doc.last_page + 1))
    first = transcript.pages[437]
    assert first.rstrip().endswith("[^2]: Brackets in the source text in sections 1, 3, and 6.")
    assert "Source: Central Intelligence Agency" not in first  # the source note is the record's
    assert doc.source_note.startswith("Source: Central Intelligence Agency, Job 79–01025A, Box 151")
    archive = archive_of(doc)
    assert archive.page_url(doc, 438) == \
        "https://history.state.gov/historicaldocuments/frus1952-54Guat/d281"
    assert archive.page_problem(doc, "frus1952-54guat-d281", 3) == (
        "page 3 is not one of the pages 437–439 of document frus1952-54guat-d281: cite a page "
        "from 437 to 439, as the document numbers them")


# --- import-frus ---------------------------------------------------------------------------

def test_the_corpus_imports_to_exactly_the_records_in_the_repository(tmp_path: Path) -> None:
    results = import_frus([CORPUS], tmp_path)
    assert [r.status for r in results] == ["written"] * 26
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (REPO / "documents" / path.name).read_bytes(), path.name
    again = import_frus([CORPUS], tmp_path)
    assert {r.status for r in again} == {"skipped"}
    assert "exists: use --force to replace it" in again[0].message
    (tmp_path / "frus1969-76ve16-d19.md").write_text("changed")
    assert {r.status for r in import_frus([CORPUS], tmp_path, force=True)} == {"written"}
    assert (tmp_path / "frus1969-76ve16-d19.md").read_bytes() == (
        REPO / "documents/frus1969-76ve16-d19.md").read_bytes()


def _fails(tmp_path: Path, name: str, text: str) -> str:
    source = tmp_path / "frus1969-76ve16" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, encoding="utf-8")
    (out := tmp_path / "out").mkdir(exist_ok=True)
    [result] = import_frus([source], out)
    assert result.status == "failed" and not list(out.iterdir())
    assert "\n" not in result.message
    return result.message


BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<TEI xmlns="http://www.tei-c.org/'
        'ns/1.0"><text><body><div type="document" n="1"><head>1. &lol2;</head></div></body>'
        '</text></TEI>')


def test_bad_xml_a_dtd_a_missing_number_and_an_unknown_layout_are_one_line_errors(
        tmp_path: Path) -> None:
    assert _fails(tmp_path, "d1.xml", '<div type="document" n="1"><head>1. A</head>') \
        .startswith("not well-formed XML at line 1")
    assert "declares a DTD or entities" in _fails(tmp_path, "bomb.xml", BOMB)
    assert "has no document number: its n attribute is None" in _fails(
        tmp_path, "d2.xml", '<div type="document" xml:id="d2"><head>2. A</head><p>x</p></div>')
    assert "no <div type=\"document\"> in the file" in _fails(
        tmp_path, "d3.xml", '<div type="section"><p>Preface</p></div>')
    assert "cannot tell the printed page document 4 starts on" in _fails(
        tmp_path, "d4.xml", '<div type="document" n="4"><head>4. A</head><p>Text.</p></div>')


VOLUME = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"
     xml:id="frus1961-63v12"><text><body><pb n="IX"/>
  <div type="chapter"><pb n="100"/>
    <div type="document" n="7" xml:id="d7"><head>7. Telegram From the Embassy in Peru to the
      Department of State<note n="1" type="source">Source: Central Files. Secret.</note></head>
      <dateline><placeName>Lima</placeName>, <date when="1962-07-18T10:00:00">July 18,
      1962</date>.</dateline><p>The junta took power.<note n="2">Not printed.</note></p></div>
    <div type="document" n="8" xml:id="d8"><head>8. Editorial Note</head>
      <p>First part.</p><pb n="101"/><p>Second <hi rend="italic">part</hi>.</p></div>
  </div></body></text></TEI>"""


def test_a_whole_volume_gives_each_document_its_printed_pages(tmp_path: Path) -> None:
    source = tmp_path / "frus1961-63v12.xml"
    source.write_text(VOLUME)
    results = import_frus([source], tmp_path / "out")
    assert [r.document for r in results] == ["frus1961-63v12-d7", "frus1961-63v12-d8"]
    d7 = (tmp_path / "out/frus1961-63v12-d7.yaml").read_text()
    assert 'from: "Embassy in Peru"\nto: "Department of State"\n' in d7
    assert 'date: "1962-07-18"\n' in d7 and "first_page: 100\nlast_page: 100\n" in d7
    assert 'source_note: "Source: Central Files. Secret."' in d7
    assert (tmp_path / "out/frus1961-63v12-d7.md").read_text() == (
        "## Page 100\n\n7. Telegram From the Embassy in Peru to the Department of State\n\n"
        "Lima, July 18, 1962.\n\nThe junta took power.\n\n[^2]: Not printed.\n")
    assert (tmp_path / "out/frus1961-63v12-d8.md").read_text() == (
        "## Page 100\n\n8. Editorial Note\n\nFirst part.\n\n## Page 101\n\nSecond part.\n")
    assert "date:" not in (tmp_path / "out/frus1961-63v12-d8.yaml").read_text()


def test_an_unknown_volume_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "frus1977-80v15" / "d5.xml"
    source.parent.mkdir()
    source.write_text('<div type="document" n="5"><head>5. A</head><p>a</p><pb n="8"/>'
                      '<p>b</p></div>')
    [result] = import_frus([source], tmp_path / "out")
    assert result.status == "failed"
    assert result.message.startswith("unknown FRUS volume 'frus1977-80v15': add its title")


def test_import_frus_on_the_command_line(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    code, lines = project.run("import-frus", str(CORPUS / "frus1969-76ve16" / "d19.xml"),
                              "--index", str(CORPUS / "index.csv"))
    assert code == 0, lines
    assert lines[0].startswith("wrote documents/frus1969-76ve16-d19.yaml and .md")
    assert project.run("import-frus", str(tmp_path / "missing.xml"))[0] == 1


# --- on the site ---------------------------------------------------------------------------

def test_a_frus_citation_links_to_history_state_gov_and_says_the_printed_page(
        tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    for suffix in (".yaml", ".md"):
        project.write(f"documents/frus1969-76ve16-d19{suffix}",
                      (REPO / "documents" / f"frus1969-76ve16-d19{suffix}").read_text())
    project.write("events/1970-09-cia-track-two.yaml", event_yaml(
        "1970-09-18", "CIA sets up special units", document="frus1969-76ve16-d19",
        pages="115", quote="Two special operating units have been organized at Agency "
                           "Headquarters"))
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    event = project.page("events/1970-09-cia-track-two/")
    links = {a.get("href"): a.words() for a in event.find_all("a")}
    assert links[D19] == "history.state.gov, printed page 115"
    assert "FRUS frus1969-76ve16, doc. 19" in event.find("p", class_="source-meta").words()
    doc = project.page("documents/frus1969-76ve16-d19/")
    assert doc.find("mark").words().startswith("Two special operating units")
    rows = {r.find("th").words(): r.find("td").words()
            for r in doc.find("table", class_="identification").find_all("tr")[1:]}
    assert rows["Source note"].startswith("Source: National Archives, Nixon Presidential")
    assert rows["First page"] == "115" and rows["Dating"].startswith("undated; inferred")
    site = project.root / "site"
    documents = json.loads((site / "data/documents.json").read_text())["documents"]
    frus = next(d for d in documents if d["kind"] == "frus")
    assert frus["document_url"] == D19 and frus["volume"] == "frus1969-76ve16"
    events = json.loads((site / "data/events.json").read_text())["events"]
    source = next(e for e in events if e["id"] == "1970-09-cia-track-two")["sources"][0]
    assert source["page_url"] == D19 and source["pdf"] is None


@pytest.mark.parametrize("kind", ["jfk", "frus"])
def test_the_data_schema_describes_each_kind(kind: str) -> None:
    from desclasificado.render.dataschema import document_fields

    names = [name for name, _, _ in document_fields(kind)]
    assert names[:3] == ["id", "url", "kind"] and names[-1] == "cited_by"
    assert ("cited_pdf" in names) == (kind == "jfk") and ("volume" in names) == (kind == "frus")

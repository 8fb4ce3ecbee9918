"""Citations of archival government documents (render/archival.py), tested as strings.

The reference shapes below are the patterns the style guides give for an unpublished
government document held in an archive, paraphrased (not quoted) from their examples:

- Chicago Manual of Style, 17th ed., notes and bibliography, unpublished material in
  manuscript collections and government archives (the National Archives examples):
  note: Author, kind Sender to Recipient, “Title” (a supplied title without quotation
  marks, in sentence case), date, page, identifier, series, collection, repository,
  place of the repository.
      1. Agency, memorandum, Office A to Office B, “Title in Headline Case,” Month D,
         YYYY, p. N, record number, series, collection, National Archives and Records
         Administration, College Park, MD.
  bibliography: the same parts as sentences: Agency. Memorandum, A to B. “Title.” ...
- APA Publication Manual, 7th ed., archival documents: Author. (Date). *Title in
  sentence case* [Description of the kind, sender, recipient]. Collection (identifier).
  Archive, City, State, Country. URL — and in the text (Author, year, p. N).
- MLA Handbook, 9th ed., archival material (a description element for an untitled or
  unusual source): Author. “Title.” Description, Date. Collection, identifier, Archive,
  City, URL. Accessed Day Mon. Year. — and in the text (Author, locator).

What the site adds to each shape, said once here: the record's number and series, the
cited release ("2021 release": page numbers are pages of that release's PDF, hence "PDF
p. 3"), and the address of the PDF (at the cited page in a per-source note).
"""

from __future__ import annotations

import datetime

import pytest

from desclasificado.archives.agencies import place, spelled_out
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.check.project import check_project
from desclasificado.records.dates import parse_date
from desclasificado.records.models import Document
from desclasificado.render.archival import ArchivalDocument, cited_name
from desclasificado.render.editions import EditedVolumeDocument
from desclasificado.render.i18n import activate, language
from desclasificado.render.titlecase import DEFAULT, Casing, learned
from tests.conftest import SEED, Project

ACCESSED = datetime.date(2025, 5, 3)
PDF = "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf"
NARA = "National Archives and Records Administration"
JFK = "President John F. Kennedy Assassination Records Collection"
CASING = learned(["Rumors about Ernesto Guevara reached the station in Miami from Havana.",
                  "The OAS met; the Cuban exile leader Orlando Bosch was in Venezuela."])


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Document:
    project = Project(tmp_path_factory.mktemp("cite") / "project")
    result = check_project(project.root)
    assert result.ok
    return result.collection.documents[SEED]


def cable(**changes: object) -> ArchivalDocument:
    """A CIA cable from JMWAVE to the Director, as its JFK record gives it."""
    facts = dict(author="Central Intelligence Agency", recipient="DIRECTOR",
                 title="JMWAVE CABLE - RUMORS THAT ERNESTO GUEVARA IS UNDER HOUSE ARREST.",
                 date=parse_date("1963-12-10"), record_number="104-10076-10252", series="JFK",
                 collection=JFK, archive=NARA, url="https://example.org/docid-1.pdf",
                 sender="JMWAVE", kind="cable", kind_in_title=True, release="2021",
                 place=place(NARA))
    facts.update(changes)
    return ArchivalDocument(ArchivalCitation(**facts), ACCESSED, CASING)  # type: ignore[arg-type]


def test_the_seed_in_chicago_notes_and_bibliography(seed: Document) -> None:
    """The agency spelled out, the recipient too; no kind on the record: none given."""
    cited = ArchivalDocument.from_record(seed, ACCESSED)
    assert cited.chicago_note().text() == (
        "Central Intelligence Agency, to Director, Central Intelligence Agency, \u201cActivities "
        "of Cuban Trained Peruvian Guerrillas,\u201d April 11, 1963, record number "
        "176-10036-10058, record series National Security Files, 2025 release, "
        f"{JFK}, {NARA}, College Park, MD, {PDF}.")
    assert cited.chicago_bib().text() == (
        "Central Intelligence Agency. To Director, Central Intelligence Agency. \u201cActivities "
        "of Cuban Trained Peruvian Guerrillas.\u201d April 11, 1963. Record number "
        "176-10036-10058. Record series National Security Files. 2025 release. "
        f"{JFK}. {NARA}, College Park, MD. {PDF}.")


def test_the_seed_in_apa_and_mla(seed: Document) -> None:
    cited = ArchivalDocument.from_record(seed, ACCESSED, learned(
        ["The Cuban and Peruvian men trained guerrillas."]))
    assert cited.apa().html() == (
        "Central Intelligence Agency. (1963, April 11). <i>Activities of Cuban trained "
        "Peruvian guerrillas</i> [To Director, Central Intelligence Agency]. "
        f"{JFK} (Record Series National Security Files, Record No. 176-10036-10058, 2025 "
        f"release). {NARA}, College Park, MD, United States. {PDF}")
    assert cited.mla().text() == (
        "Central Intelligence Agency. \u201cActivities of Cuban Trained Peruvian "
        "Guerrillas.\u201d To Director, Central Intelligence Agency, 11 Apr. 1963. "
        f"{JFK}, record series National Security Files, record no. 176-10036-10058, 2025 "
        f"release, {NARA}, College Park, MD, www.archives.gov/files/research/jfk/releases/"
        "2025/0318/176-10036-10058.pdf. Accessed 3 May 2025.")


def test_a_cable_in_capitals_with_sender_and_recipient() -> None:
    """Title case keeps the cryptonym; the kind the title states is not repeated; the
    title's closing period gives way to the style's punctuation."""
    cited = cable()
    assert cited.chicago_note().text() == (
        "Central Intelligence Agency, JMWAVE to Director, \u201cJMWAVE Cable - Rumors That "
        "Ernesto Guevara Is under House Arrest,\u201d December 10, 1963, record number "
        f"104-10076-10252, record series JFK, 2021 release, {JFK}, {NARA}, College Park, MD, "
        "https://example.org/docid-1.pdf.")
    assert cited.apa().text().startswith(
        "Central Intelligence Agency. (1963, December 10). JMWAVE cable - Rumors that Ernesto "
        "Guevara is under house arrest [JMWAVE to Director]. ")


def test_the_kind_is_named_when_the_title_does_not_say_it() -> None:
    cited = cable(title="INCREASING INDICATION THAT IMBERT WILL NOT RPT NOT ACCEPT OFFER BY OAS",
                  kind="memorandum", kind_in_title=False)
    assert cited.chicago_note().text().startswith(
        "Central Intelligence Agency, memorandum from JMWAVE to Director, \u201cIncreasing "
        "Indication That Imbert Will Not RPT Not Accept Offer by OAS,\u201d ")
    assert cited.chicago_bib().text().startswith(
        "Central Intelligence Agency. Memorandum from JMWAVE to Director. \u201cIncreasing ")
    assert "Increasing indication that Imbert will not RPT not accept offer by OAS" in \
        cited.apa().text()
    assert "[Memorandum from JMWAVE to Director]" in cited.apa().text()
    assert cited.mla().text().startswith(
        "Central Intelligence Agency. \u201cIncreasing Indication That Imbert Will Not RPT Not "
        "Accept Offer by OAS.\u201d Memorandum from JMWAVE to Director, 10 Dec. 1963. ")


def test_a_supplied_title_is_not_quoted_and_is_in_sentence_case() -> None:
    cited = cable(title="[SUBJECT: ACTIVITIES OF CUBAN EXILE LEADER ORLANDO BOSCH IN VENEZUELA]",
                  kind=None, kind_in_title=False)
    supplied = "[Subject: Activities of Cuban exile leader Orlando Bosch in Venezuela]"
    assert f"JMWAVE to Director, {supplied}, December 10, 1963," in cited.chicago_note().text()
    assert f"JMWAVE to Director. {supplied}. December 10, 1963." in cited.chicago_bib().text()
    assert cited.apa().html().startswith(
        f"Central Intelligence Agency. (1963, December 10). {supplied} [JMWAVE to Director]. ")
    assert "\u201c" not in cited.mla().text()


def test_a_source_cites_its_page_and_links_the_pdf_at_it() -> None:
    cited = cable().at_page(3, "https://example.org/docid-1.pdf#page=3")
    note = cited.chicago_note().text()
    assert "December 10, 1963, PDF p. 3, record number 104-10076-10252," in note
    assert note.endswith("College Park, MD, https://example.org/docid-1.pdf#page=3.")
    assert "#page=3" not in cited.chicago_bib().text()  # the entry cites the document
    assert cited.in_text("apa").text() == "(Central Intelligence Agency, 1963, PDF p. 3)"
    assert cited.in_text("mla").text() == "(Central Intelligence Agency, PDF p. 3)"
    assert cable(date=None).at_page(2, "u").in_text("apa").text() == \
        "(Central Intelligence Agency, n.d., PDF p. 2)"


def test_the_access_day_is_marked_for_the_script() -> None:
    """The build's day, in a <time> that teach.js rewrites as the reader's day."""
    html = cable().mla().html()
    assert html.endswith('Accessed <time class="accessed" datetime="2025-05-03" '
                         'data-form="mla">3 May 2025</time>.')


def test_spanish_pages_cite_in_spanish_with_the_title_as_the_archive_has_it() -> None:
    """Chicago in Spanish (the Chicago-Deusto adaptation and the RAE): « » quotes with the
    punctuation outside, '11 de abril de 1963', 's. f.', 'número de registro'; APA in
    Spanish: '(1963, 10 de diciembre)', 'Recuperado el'. Names and titles unchanged."""
    with activate(language("es")):
        note = cable(kind="memorandum", kind_in_title=False).at_page(3, "u#page=3").chicago_note()
        undated = cable(date=None).chicago_bib().text()
        apa = cable().apa().text()
        mla = cable().mla().text()
    assert note.text() == (
        "Central Intelligence Agency, memorando de JMWAVE a Director, \u00abJMWAVE Cable - Rumors "
        "That Ernesto Guevara Is under House Arrest\u00bb, 10 de diciembre de 1963, p. 3 del "
        "PDF, número de registro 104-10076-10252, serie documental JFK, publicación de 2021, "
        f"{JFK}, {NARA}, College Park, MD, u#page=3.")
    assert "\u00bb. S. f. Número de registro 104-10076-10252." in undated
    assert apa.startswith("Central Intelligence Agency. (1963, 10 de diciembre). ")
    assert "(Serie documental JFK, N.º de registro 104-10076-10252, publicación de 2021)" in apa
    assert f"{NARA}, College Park, MD, Estados Unidos. https://" in apa  # CLDR's name
    assert mla.endswith("Consultado el 3 de mayo de 2025.")


def test_agencies_are_spelled_out_from_the_table() -> None:
    assert spelled_out("CIA") == "Central Intelligence Agency"
    assert spelled_out("SSCIA") == spelled_out("SSCSGOWRIA") == (
        "Senate Select Committee to Study Governmental Operations with Respect to "
        "Intelligence Activities")
    assert spelled_out("HSCA") == "House Select Committee on Assassinations"
    assert spelled_out("STAT") == "STAT"  # kept as written
    assert spelled_out("Director, FBI") == "Director, Federal Bureau of Investigation"
    assert spelled_out("SOS, CIA, DIA, USAF") == "SOS, CIA, DIA, USAF"  # a list: as written
    assert cited_name("DIRECTOR, FBI") == "Director, Federal Bureau of Investigation"
    assert cited_name("SAC, MM") == "SAC, MM"


@pytest.mark.parametrize(("title", "chicago", "apa"), [
    ("MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)",
     "Mexico Station Coverage of Soviet and Cuban Embassies (1963)",
     "Mexico station coverage of Soviet and Cuban embassies (1963)"),
    ("CIA OPERATIONS AGAINST CUBA IN THE USSR, 14TH OF JUNE",
     "CIA Operations against Cuba in the USSR, 14th of June",
     "CIA operations against Cuba in the USSR, 14th of June"),
    ("AMLASH AND ZRRIFLE: A PLAN FOR DC-8 FLIGHTS",
     "AMLASH and ZRRIFLE: A Plan for DC-8 Flights",
     "AMLASH and ZRRIFLE: A plan for DC-8 flights"),
    ("MEETING OF DR. BOSCH WITH THE GNR", "Meeting of Dr. Bosch with the GNR",
     "Meeting of Dr. Bosch with the GNR"),
])
def test_titles_in_capitals(title: str, chicago: str, apa: str) -> None:
    casing = learned(["The meeting in Mexico City.", "They saw Soviet and Cuban officials from "
                      "Cuba meet Bosch."])
    assert (casing.title(title), casing.sentence(title)) == (chicago, apa)


def test_without_the_collection_names_stay_capitalized_unless_common() -> None:
    """With no text to learn from, sentence case lowers only words of the word list."""
    assert Casing(DEFAULT.upper).sentence("ZRRIFLE AGENT QJWIN IN PARIS") == \
        "ZRRIFLE agent QJWIN in paris"
    assert learned(["He flew to Paris."]).sentence("ZRRIFLE AGENT QJWIN IN PARIS") == \
        "ZRRIFLE agent QJWIN in Paris"


def test_a_frus_source_cites_its_printed_page() -> None:
    """A document in a FRUS volume: Chicago's note names the printed page after the
    document number; APA and MLA name the document by its title in the text."""
    facts = EditedVolumeCitation(
        title="Telegram From the Embassy in Chile to the Department of State",
        date=parse_date("1973-09-16"), series="Foreign Relations of the United States",
        subseries="1969\u20131976", volume_number="E\u201316",
        volume_title="Documents on Chile, 1969\u20131973", editors=("James McElveen",),
        place="Washington", publisher=None, year=2015, number="145", first_page=None,
        last_page=None, url="https://history.state.gov/d145")
    cited = EditedVolumeDocument(facts, ACCESSED).at_page(412, "https://history.state.gov/d145#p")
    assert cited.chicago_note().text().endswith(
        "(Washington, 2015), doc. 145, p. 412, https://history.state.gov/d145#p.")
    assert cited.in_text("apa").text() == (
        "(\u201cTelegram From the Embassy in Chile to the Department of State,\u201d 2015, p. 412)")
    assert cited.in_text("mla").text() == (
        "(\u201cTelegram From the Embassy in Chile to the Department of State\u201d 412)")

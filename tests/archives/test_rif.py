"""The identification-form parser and the RIF importer, on the real corpus in shared/.

The expected values below were read by eye from the forms in the transcripts (OCR errors such as
"HO" for "HQ" or "COMMITTTEE" are the form's text as transcribed, and stay).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
import yaml

from desclasificado.archives.jfk.importer import (
    KEY_ORDER,
    SCHEMA_LINE,
    ImportReport,
    dump_document,
    format_report,
    import_rif,
)
from desclasificado.archives.jfk.rif import (
    FIELDS,
    RECORD_NUMBER,
    RifResult,
    apply_release_listing,
    docid_of,
    mark_stamped_pages,
    normalize_date,
    page_count,
    parse_release_list,
    parse_rif,
    pdf_url,
    release_of,
    release_urls,
)
from desclasificado.load.transcripts import parse_transcript
from tests.shared import SHARED

CORPUS = SHARED / "corpus"
TRANSCRIPTS = CORPUS / "transcripts"
INDEX = CORPUS / "index.csv"
SEED = SHARED / "seeds" / "176-10036-10058.txt"
SEED_2025 = TRANSCRIPTS / "176-10036-10058.md"
SEED_2022 = TRANSCRIPTS / "176-10036-10058.2022-release.md"

_HAVE_CORPUS = TRANSCRIPTS.is_dir() and INDEX.is_file() and SEED.is_file()
# In CI the corpus is always beside the clone: there, its absence is a failure, not a skip.
assert _HAVE_CORPUS or not os.environ.get("CI"), f"CI=true but the shared corpus is not at {SHARED}"
needs_corpus = pytest.mark.skipif(
    not _HAVE_CORPUS,
    reason=f"the shared corpus is not at {SHARED} (expected beside the repository: ../shared)",
)
CORPUS_FILES = sorted(TRANSCRIPTS.glob("*.md")) + [SEED] if TRANSCRIPTS.is_dir() else []

# Transcripts whose form does not give their file's record number: none. Three forms read a
# garbled number ("124-10280-1005", "144-10001-1008", "20210001-10187") that the parser completes
# from the record stamp on the same page, checked in test_garbled_record_numbers_are_completed.
RECORD_NUMBER_EXCEPTIONS: dict[str, str] = {}
# Transcripts that do not open with an identification form (their PDFs have none): NARA's
# catalogue row at their head (a YAML front matter) names their record.
NO_FORM = frozenset({"104-10069-10376.md", "104-10103-10219.md", "104-10165-10148.md", "104-10179-10088.md",
                     "104-10228-10083.md", "104-10338-10018.md", "104-10338-10021.md"})
# Transcripts that open with NARA's catalogue row as a YAML front matter.
WITH_FRONT_MATTER = NO_FORM | {"124-10213-10375.md", "124-10218-10067.md"}

SEED_FIELDS = {
    "agency": "NARA",
    "record_number": "176-10036-10058",
    "record_series": "National Security Files",
    "agency_file_number": "",
    "originator": "CIA",
    "from": "",
    "to": "Director, CIA",
    "title": "Activities of Cuban Trained Peruvian Guerrillas",
    "date": "1963-04-11",
    "pages": 5,
    "subjects": [],
    "document_type": "",
    "classification": "",
    "restrictions": "",
    "current_status": "",
    "date_of_last_review": "2000-09-10",
    "opening_criteria": "",
    "comments": "National Security Files, Box 51: Cuba, Subjects intelligence material 6/63-7/63. Box 1",
}

# What the forms say, field by field, and what they do not let the parser read (`missing`).
KNOWN_FORMS: dict[str, tuple[dict[str, object], list[str]]] = {
    # 2021, NARA, clean layout
    "176-10036-10066": ({
        "agency": "NARA", "record_series": "National Security Files", "agency_file_number": "",
        "originator": "CIA", "from": "", "to": "", "title": "Rival Forces in Latin American Subversion",
        "date": "1963-02-18", "pages": 11, "subjects": [], "document_type": "", "classification": "",
        "restrictions": "", "current_status": "", "date_of_last_review": "2000-09-10", "opening_criteria": "",
        "comments": "National Security Files, Box 59: Cuba Subjects, Cuban Subversion, 2/18/1963. Box 1",
    }, []),
    # 2021, CIA: values on the line after their labels, a title over two lines, no OPENING CRITERIA
    "104-10076-10252": ({
        "agency": "CIA", "record_series": "JFK", "agency_file_number": "80T01357A", "originator": "CIA",
        "from": "JMWAVE", "to": "DIRECTOR",
        "title": 'JMWAVE CABLE - RUMORS THAT ERNESTO "CHE" (GUEVARA) SERNA IS UNDER HOUSE ARREST.',
        "date": "1963-12-10", "pages": 5, "subjects": ["HOUSE ARREST", "JMWAVE CABLE", "SERNA, ERNESTO"],
        "document_type": "PAPER", "classification": "SECRET", "restrictions": "1B",
        "current_status": "RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS", "date_of_last_review": "1995-08-01",
        "opening_criteria": "", "comments": "JFK17 : F9: 1995.08.01.16:15:26:910028",
    }, []),
    # 2021, CIA: six labels in a column, then their six values
    "104-10100-10427": ({
        "agency": "CIA", "record_series": "JFK", "agency_file_number": "80T01357A", "originator": "CIA",
        "from": "DIRECTOR", "to": "BOOK MESSAGE (MULTIPLE ADDEES)", "title": "LATIN AMERICA BRIEF",
        "date": "1963-12-27", "pages": 6, "subjects": ["FINISHED INTEL"], "document_type": "PAPER",
        "classification": "SECRET", "restrictions": "1B",
        "current_status": "RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS", "date_of_last_review": "1996-10-25",
        "comments": "JFK33 : F9 : 1996.10.25.11:38:55:076092",
    }, []),
    # 2021, Church Committee: OPENING CRITERIA and COMMENTS both bare, three lines after them
    "157-10002-10052": ({
        "agency": "SSCIA", "record_series": "MEMORANDUM", "agency_file_number": "", "originator": "SSCIA",
        "from": "TREVERTON, GREGORY F.", "to": "THE RECORD", "title": "INTELLIGENCE ACTIVITIES IN LATIN AMERICA",
        "date": "1975-05-27", "pages": 6, "subjects": ["CUBA", "CASTRO", "ASSASSINATION", "STATE DEPARTMENT"],
        "document_type": "PAPER, TEXTUAL DOCUMENT", "classification": "U", "restrictions": "REFERRED",
        "current_status": "P", "date_of_last_review": "1993-09-30",
    }, ["opening_criteria", "comments"]),
    # 2022, Army, tesseract, no page markers: every label first, then every value
    "194-10012-10030": ({
        "agency": "INSCOM/CSF", "record_series": "DOD-AFFILIATED PERSONNEL AND INCIDENT INVESTIGATIONS",
        "agency_file_number": "AC643360W - PAGES 15-16", "date": "1963-01-04", "pages": 2,
        "subjects": ["PFUNTNER, JORDAN J.", "UNDIMINISHED PRESTIGE OF FIDEL CASTRO IN LATIN AMERICA"],
        "document_type": "PAPER, TEXTUAL DOCUMENT", "classification": "UNCLASSIFIED", "restrictions": "1c",
        "current_status": "RELEASED WITH DELETIONS", "date_of_last_review": "1997-09-22",
        "originator": "USA",  # the agency's code heading the column of DOCUMENT INFORMATION
    }, ["from", "to", "title", "opening_criteria", "comments"]),
    # 2023, FBI two-column layout
    "124-10291-10026": ({
        "agency": "FBI", "record_series": "HO", "agency_file_number": "CR 97-4691-7", "originator": "FBI",
        "from": "SAC, MM", "to": "DIRECTOR, FBI", "title": "", "date": "1964-12-31", "pages": 8,
        "subjects": ["OBA, ASSOC, MIRR, ANTI-CASTRO ORGANIZATIONS, PLAN, OVERTHROW, HAITIAN GOVERNMENT"],
        "document_type": "PAPER, TEXTUAL DOCUMENT", "classification": "Secret",
        "restrictions": "Consultation; JFK Act 6 (1)(B); JFK Act 6(4)", "current_status": "Redact",
        "date_of_last_review": "1998-07-24", "opening_criteria": "", "comments": "INC LHM, REFERRED TO INS",
    }, []),
    # 2023/08, FBI
    "124-10290-10051": ({
        "agency": "FBI", "agency_file_number": "CR 105-285030-8", "originator": "CIA", "from": "CIA",
        "to": "DIRECTOR. FBI", "title": "", "date": "1976-11-11", "pages": 2,
        "subjects": ["OBA, ASSOC, CORU, TRA, CONSPR, BOMBING"], "document_type": "PAPER. TEXTUAL DOCUMENT",
        "classification": "Secret", "restrictions": "JFK Act 6 (1)(B)", "current_status": "Redact",
        "date_of_last_review": "1998-05-26", "comments": "",
    }, []),
    # 2025, State
    "119-10021-10413": ({
        "agency": "DOS", "record_series": "INR FILES", "agency_file_number": "FBI", "originator": "DOS",
        "from": "CHAIRMAN, SUBCOMMITTEE ON CUBAN SUB", "to": "MEMBERS OF SUBCOMMITTEE ON CASTRO",
        "title": "REPORT FOR JULY - AUGUST ON ACTIONS TAKEN TO COMBAT CASTRO-COMMUNIST S", "date": "1963-09-30",
        "pages": 23, "subjects": ["SUBCOMMITTEE ON CUBAN SUBVERSION"], "document_type": "MEMORANDUM",
        "classification": "S", "restrictions": "REFERRED", "date_of_last_review": "1993-09-09",
        "opening_criteria": "DOD AND CIA REVIEW", "comments": "Draft subcommittee report attached.",
    }, ["current_status"]),
    # 2025, NSA: values above their labels, the title's label lost
    "144-10001-10114": ({
        "agency": "NSA", "originator": "NSA", "from": "NSA", "to": "HCF", "date": "1963-12-19", "pages": 1,
        "document_type": "REPORT", "classification": "T", "restrictions": "1B", "current_status": "X",
        "date_of_last_review": "1993-08-11", "opening_criteria": "ORIGINATING AGENCY'S DETERMINATION REQUIRED",
        "comments": "CONTAINS SENSITIVE COMPARTMENTED INFORMATION",
    }, ["title"]),
    # 2025, Joint Chiefs: "TO MULTIPLE RECIPIENTS" without a colon, comments over six lines
    "202-10002-10124": ({
        "agency": "JCS", "record_series": "JCS CENTRAL FILES", "originator": "OSD", "from": "CYRUS R. VANCE",
        "to": "MULTIPLE RECIPIENTS", "title": "CUBAN AFFAIRS IN THE DEPARTMENT OF DEFENSE", "date": "1965-06-26",
        "pages": 27, "subjects": ["ICCCA, ADMINISTRATION", "PSYCHOLOGICAL PROGRAMS - CUBA",
                                  "SECOND LATIN AMERICAN YOUTH CONGRESS",
                                  "POSSIBLE RETALIATORY ACTIONS BY CUBAN GOVERNMENT"],
        "document_type": "PAPER, TEXTUAL DOCUMENT", "classification": "CONFIDENTIAL", "restrictions": "1A, 1C",
        "current_status": "RELEASED WITH DELETIONS", "date_of_last_review": "1998-05-15",
        "comments": "JCS Central File, Box 3, 4 of 15. Memo Erom Vance to SecArm, SecNav, SecAir, CJCS, and "
                    "ASD(ISA) re: Cuban Affairs in the Dept. of Defense. ICCCA report on Possible Retaliatory "
                    "Actions by the Castro Government.",
    }, ["agency_file_number"]),
    # 2025, Church Committee, newer layout: ORIGINATOR/FROM/TO/TITLE bare, three values below: the
    # agency's code heading them is the originator's, the other two are not attributable
    "157-10014-10100": ({
        "agency": "SSCIA", "originator": "SSCIA", "record_series": "MISCELLANEOUS RECORDS OF THE CHURCH COMMITTTEE",
        "agency_file_number": "07-M-06", "date": "1975-07-04", "pages": 72,
        "subjects": ["ASSASSINATIONS", "CIA", "TRUJILLO", "LUMUMBA, PATRICE", "GRAY, GORDON"],
        "document_type": "REPORT", "classification": "Declassified", "restrictions": "1B; 1C",
        "current_status": "Redact", "date_of_last_review": "2000-05-05", "opening_criteria": "",
        "comments": "CCBOX 450", "title": "NOTES ON GORDON GRAY",
    }, ["from", "to"]),
    # 2025, NARA
    "176-10030-10422": ({
        "agency": "NARA", "record_series": "Sorensen Papers", "agency_file_number": "", "originator": "",
        "from": "Schlesinger, Jr.", "to": "President Kennedy", "title": "Memo to President CIA Reorganization",
        "date": "1961-06-30", "pages": 15, "subjects": ["CIA"], "document_type": "Memoranda",
        "classification": "Unclassified", "restrictions": "1C", "current_status": "",
        "date_of_last_review": "1998-08-21",
        "comments": "Sorensen Papers: Classified Subject Files 1961-64 Box 47, CIA, Document 1a.",
    }, []),
    # 2023, CIA, docid-named PDF: a year-and-month date, the title's label garbled ("IO:"); the
    # agency's code under ORIGINATOR / FROM is the originator's
    "104-10302-10028": ({
        "agency": "CIA", "originator": "CIA", "record_series": "JFK-MISC", "agency_file_number": "CIA-DI FILES",
        "date": "1963-11",
        "pages": 163, "subjects": ["PIC", "UNIT INDEX"], "document_type": "PAPER, TEXTUAL DOCUMENT",
        "classification": "TOP SECRET", "restrictions": "1B", "current_status": "RELEASED WITH DELETIONS",
        "date_of_last_review": "1998-09-23",
    }, ["from", "to", "title"]),
}

FORM = """\
2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992
JFK ASSASSINATION SYSTEM
IDENTIFICATION FORM
AGENCY : NARA
RECORD NUMBER : 176-99999-00001
RECORD SERIES : Test Files
AGENCY FILE NUMBER :
ORIGINATOR : CIA
FROM :
TO : Director, CIA
TITLE : {title}
DATE : {date}
PAGES : 2
SUBJECTS :
DOCUMENT TYPE :
CLASSIFICATION :
RESTRICTIONS :
CURRENT STATUS :
DATE OF LAST REVIEW : 9/10/2000
OPENING CRITERIA :
COMMENTS : Box 1
"""


def synthetic(title: str = "A test memorandum", date: str = "4/11/1963", pages: int = 2) -> str:
    """A clean form in the 2025 layout, with `pages` page markers."""
    body = FORM.format(title=title, date=date)
    return "# 176-99999-00001\n\n" + "\n---\n\n".join(
        f"## Page {n}\n\n{body if n == 1 else 'Text of page ' + str(n)}" for n in range(1, pages + 1)) + "\n"


def record_of(path: Path) -> str:
    return path.name.split(".")[0]


# --- the parser, on every transcript ---------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_transcript_parses_to_its_record_number(path: Path) -> None:
    result = parse_rif(path.read_text(encoding="utf-8"))
    assert list(result.fields) == list(FIELDS)
    assert result.form == (path.name not in NO_FORM)
    assert bool(result.front_matter) == (path.name in WITH_FRONT_MATTER)
    if result.front_matter:
        assert result.front_matter["record_number"] == record_of(path)
    expected = RECORD_NUMBER_EXCEPTIONS.get(path.name, "" if path.name in NO_FORM else record_of(path))
    assert result.fields["record_number"] == expected
    assert isinstance(result.fields["subjects"], list)
    assert isinstance(result.fields["pages"], int) or result.fields["pages"] == ""
    for name in result.missing:  # never a value and a "missing" at once
        assert result.fields[name] in ("", []), name
        assert result.reasons[name]


@needs_corpus
def test_a_transcript_without_a_form_is_refused(tmp_path: Path) -> None:
    report = import_rif(TRANSCRIPTS / "104-10069-10376.md", tmp_path / "documents")
    (item,) = report.files
    assert item.status == "failed" and "no identification form" in item.reason
    assert not (tmp_path / "documents").exists()


@needs_corpus
def test_the_corpus_is_all_there() -> None:
    assert len(CORPUS_FILES) == 69  # 68 transcripts and the seed
    assert {path.name for path in CORPUS_FILES} >= WITH_FRONT_MATTER
    assert RECORD_NUMBER_EXCEPTIONS == {}


@needs_corpus
def test_seed_form_exactly() -> None:
    result = parse_rif(SEED.read_text(encoding="utf-8"))
    assert result.fields == SEED_FIELDS
    assert result.missing == []
    assert result.empty == ["agency_file_number", "from", "subjects", "document_type", "classification",
                            "restrictions", "current_status", "opening_criteria"]


@needs_corpus
def test_both_releases_of_the_seed_read_the_same_form() -> None:
    of_2025 = parse_rif(SEED_2025.read_text(encoding="utf-8"))
    of_2022 = parse_rif(SEED_2022.read_text(encoding="utf-8"))
    assert of_2025.fields == SEED_FIELDS
    assert of_2022.fields == {**SEED_FIELDS, "comments": SEED_FIELDS["comments"].replace("Box 1", "Box1")}


@needs_corpus
@pytest.mark.parametrize("record", sorted(KNOWN_FORMS))
def test_known_forms(record: str) -> None:
    expected, missing = KNOWN_FORMS[record]
    result = parse_rif((TRANSCRIPTS / f"{record}.md").read_text(encoding="utf-8"))
    assert {name: result.fields[name] for name in expected} == expected
    assert result.missing == missing
    for name in missing:
        assert result.fields[name] in ("", [])


@needs_corpus
def test_garbled_record_numbers_are_completed() -> None:
    for record, read in (("124-10280-10057", "124-10280-1005"), ("144-10001-10082", "144-10001-1008"),
                         ("202-10001-10187", "20210001-10187")):
        result = parse_rif((TRANSCRIPTS / f"{record}.md").read_text(encoding="utf-8"))
        assert result.fields["record_number"] == record
        assert any(read in warning and "completed" in warning for warning in result.warnings)


@needs_corpus
def test_text_that_could_belong_to_several_fields_is_not_guessed() -> None:
    # FROM, TO, TITLE, DATE, PAGES in a column, then ": 1", the title and the date.
    result = parse_rif((TRANSCRIPTS / "104-10072-10095.md").read_text(encoding="utf-8"))
    assert result.fields["originator"] == "CIA"  # the agency's code heading the column is the originator's
    assert result.missing == ["from", "to"]
    # the title's sentence ("... RE ... AND PANAMA.") is no name: FROM and TO cannot take it
    assert result.fields["title"] == "MESSAGE: RE WOLMAN, HULBARD AND PANAMA."
    assert (result.fields["date"], result.fields["pages"]) == ("1968-04-23", 1)
    # a line with the shape of a name could be FROM's, TO's or TITLE's: NARA's release table confirms it
    result = parse_rif((TRANSCRIPTS / "104-10072-10095.md").read_text(encoding="utf-8").replace(
        "MESSAGE: RE WOLMAN, HULBARD AND PANAMA.", "WOLMAN, HULBARD AND PANAMA"))
    assert result.missing == ["from", "to", "title"]
    assert result.reasons["title"] == "not attributable with certainty"
    assert "WOLMAN, HULBARD AND PANAMA" in result.unplaced
    apply_release_listing(result, "WOLMAN, HULBARD AND PANAMA", "04/23/1968")
    assert result.fields["title"] == "WOLMAN, HULBARD AND PANAMA"
    assert result.missing == ["from", "to"]
    assert "WOLMAN, HULBARD AND PANAMA" not in result.unplaced


@needs_corpus
def test_a_title_cut_by_the_ocr_is_completed_only_with_the_forms_own_text() -> None:
    # the title's last words in brackets on a line of their own, after the DATE and PAGES labels
    result = parse_rif((TRANSCRIPTS / "104-10054-10060.md").read_text(encoding="utf-8"))
    assert result.fields["title"] == "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)"
    assert "(1963)" not in result.unplaced
    # where the reader left them unplaced, NARA's release table may confirm them
    result = RifResult(fields={"title": "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES"},
                       unplaced=["(1963)", "01/01/1900"])
    apply_release_listing(result, "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)", "01/01/2000")
    assert result.fields["title"] == "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)"
    apply_release_listing(result, "Something else entirely", "")
    assert result.fields["title"] == "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)"


@needs_corpus
def test_placeholder_date_is_unreadable_not_1900() -> None:
    result = parse_rif((TRANSCRIPTS / "104-10054-10060.md").read_text(encoding="utf-8"))
    assert result.fields["date"] == ""
    assert "date" in result.missing
    assert "placeholder" in result.reasons["date"]


@needs_corpus
def test_value_away_from_its_label_is_placed_by_kind_and_reported() -> None:
    # NSA form: the date stands after "PAGES:", the document type after a garbled CLASSIFICATION label.
    result = parse_rif((TRANSCRIPTS / "144-10001-10071.md").read_text(encoding="utf-8"))
    assert result.fields["date"] == "1963-12-04"
    assert result.fields["document_type"] == "REPORT, TEXTUAL DOCUMENT"
    assert "pages" in result.missing and "classification" in result.missing
    assert any(w.startswith("date: '12/04/63' read away from its label") for w in result.warnings)


def test_a_field_that_cannot_be_read_is_reported_missing() -> None:
    result = parse_rif(synthetic(date="13/45/1963"))
    assert result.fields["date"] == ""
    assert result.missing == ["date"]
    assert result.reasons["date"] == "unreadable date '13/45/1963'"
    no_title = parse_rif(synthetic().replace("TITLE : A test memorandum\n", ""))
    assert no_title.missing == ["title"]
    assert no_title.fields["title"] == ""


@pytest.mark.parametrize(("raw", "recent", "expected"), [
    ("4/11/1963", False, "1963-04-11"),
    ("04/11/63", False, "1963-04-11"),
    ("00/00/1963", False, "1963"),
    ("11/00/63", False, "1963-11"),
    ("05/31/04", True, "2004-05-31"),
    ("07/31/93", True, "1993-07-31"),
    ("01/01/1900", False, ""),
    ("13/01/1963", False, ""),
    ("02/30/1963", False, ""),
    ("00/15/1963", False, ""),
    ("12/04/6", False, ""),
])
def test_normalize_date(raw: str, recent: bool, expected: str) -> None:
    value, problem = normalize_date(raw, recent=recent)
    assert value == expected
    assert (problem is None) == bool(expected)


def test_page_count() -> None:
    assert page_count(synthetic(pages=3)) == 3
    assert page_count("no markers here\n") is None


def test_multiline_values_and_labels_without_colons() -> None:
    text = synthetic().replace("TITLE : A test memorandum", "TITLE\n\nA long title that the form\n\nwraps here")
    text = text.replace("CLASSIFICATION :", "CLASSIFICATION SECRET")
    text = text.replace("COMMENTS : Box 1", "COMMENTS : Box 1,\nfolder 2")
    result = parse_rif(text)
    assert result.fields["title"] == "A long title that the form wraps here"
    assert result.fields["classification"] == "SECRET"
    assert result.fields["comments"] == "Box 1, folder 2"
    assert result.missing == []


def test_headings_and_header_dates_are_not_values() -> None:
    text = synthetic().replace("IDENTIFICATION FORM\n", "IDENTIFICATION FORM\nDate: 11/30/04\nPage: 1\n"
                                                       "AGENCY INFORMATION\n")
    text = text.replace("ORIGINATOR : CIA", "DOCUMENT INFORMATION\nORIGINATOR : CIA")
    text = text.replace("FROM :\n", "FROM\nREVIEWED BY\n")
    result = parse_rif(text)
    assert result.fields["agency"] == "NARA"
    assert result.fields["date"] == "1963-04-11"
    assert result.fields["from"] == ""
    assert result.unplaced == []


# --- archive addresses ---------------------------------------------------------------------------


def index_rows() -> list[dict[str, str]]:
    with INDEX.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@needs_corpus
def test_pdf_url_patterns_match_the_index() -> None:
    checked = 0
    for row in index_rows():
        for release, url in parse_release_list(row["all_release_pdf_urls"]):
            name = url.rsplit("/", 1)[1]
            if name == f"{row['record_number']}.pdf":
                assert pdf_url(row["record_number"], release) == url
                checked += 1
            elif name.startswith("docid-"):
                docid = name.removeprefix("docid-").removesuffix(".pdf")
                assert pdf_url(row["record_number"], release, docid) == url
                checked += 1
    assert checked > 60


@needs_corpus
def test_2021_addresses_need_the_docid_of_the_transcript_heading() -> None:
    rows = [row for row in index_rows() if row["ocr_source_release"] == "2021"]
    assert len(rows) == 17
    read_releases = []
    for row in rows:
        assert pdf_url(row["record_number"], "2021") is None
        text = (CORPUS / row["transcript"]).read_text(encoding="utf-8")
        assert pdf_url(row["record_number"], "2021", docid_of(text)) == row["pdf_url"]
        read_releases.append(release_of(text))
    # The release stamp gives the year, where there is one and the OCR did not cut it ("Date: 11-04-202").
    assert read_releases.count("2021") == 14 and read_releases.count(None) == 3


def test_release_urls() -> None:
    assert release_urls("176-10036-10058", ["2025", "2022", "2021"]) == [
        ("2025", "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf"),
        ("2022", "https://www.archives.gov/files/research/jfk/releases/2022/176-10036-10058.pdf"),
    ]
    assert pdf_url("not-a-record", "2025") is None


# --- the importer ------------------------------------------------------------------------------------


def import_seed(documents: Path, force: bool = False) -> ImportReport:
    return import_rif(SEED_2025, documents, force=force, index_csv=INDEX)


@needs_corpus
def test_import_writes_the_record_and_the_transcript(tmp_path: Path) -> None:
    documents = tmp_path / "documents"
    report = import_seed(documents)
    (item,) = report.files
    assert (item.status, item.pages, item.missing) == ("created", 5, [])
    text = (documents / "176-10036-10058.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    data = yaml.safe_load(text)
    assert list(data) == list(KEY_ORDER)
    assert {name: data[name] for name in FIELDS} == SEED_FIELDS
    assert data["archive"] == "National Archives and Records Administration"
    assert data["collection"] == "President John F. Kennedy Assassination Records Collection"
    assert data["releases"] == [
        {"release": "2025", "pdf": "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf"},
        {"release": "2022", "pdf": "https://www.archives.gov/files/research/jfk/releases/2022/176-10036-10058.pdf"},
    ]
    assert data["cited_release"] == "2025"
    assert data["transcript_source"] == (
        "OCR of the 2025 release PDF; noops888/jfk-files-text, extracted_text/releases/2025/0318/176-10036-10058.md, "
        "commit 55840853d0dee344db717994ddaf692edb66211e")
    assert (documents / "176-10036-10058.md").read_bytes() == SEED_2025.read_bytes()
    for line in text.splitlines()[1:]:  # every string double-quoted
        key, _, value = line.partition(": ")
        if value and key.strip() not in ("pages",):
            assert value.startswith('"') or value == "[]", line
    assert format_report(report) == (
        "created documents/176-10036-10058.yaml (5 pages; empty on the form: agency_file_number, from, subjects, "
        "document_type, classification, restrictions, current_status, opening_criteria)")


@needs_corpus
def test_import_is_deterministic(tmp_path: Path) -> None:
    import_seed(tmp_path / "a")
    import_seed(tmp_path / "b")
    import_seed(tmp_path / "b", force=True)
    for name in ("176-10036-10058.yaml", "176-10036-10058.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@needs_corpus
def test_no_overwrite_without_force(tmp_path: Path) -> None:
    documents = tmp_path / "documents"
    import_seed(documents)
    target = documents / "176-10036-10058.yaml"
    target.write_text("hand-edited\n", encoding="utf-8")
    report = import_seed(documents)
    assert [(f.status, f.reason) for f in report.files] == [("skipped", "exists, use --force")]
    assert format_report(report) == "skipped documents/176-10036-10058.yaml: exists, use --force"
    assert target.read_text(encoding="utf-8") == "hand-edited\n"


@needs_corpus
def test_an_existing_transcript_alone_also_blocks_the_import(tmp_path: Path) -> None:
    (tmp_path / "176-10036-10058.md").write_text("hand-made\n", encoding="utf-8")
    assert import_seed(tmp_path).files[0].status == "skipped"
    assert not (tmp_path / "176-10036-10058.yaml").exists()


@needs_corpus
def test_force_overwrites(tmp_path: Path) -> None:
    import_seed(tmp_path)
    fresh = (tmp_path / "176-10036-10058.yaml").read_bytes()
    (tmp_path / "176-10036-10058.yaml").write_text("hand-edited\n", encoding="utf-8")
    report = import_seed(tmp_path, force=True)
    assert report.files[0].status == "overwritten"
    assert (tmp_path / "176-10036-10058.yaml").read_bytes() == fresh


@needs_corpus
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import_seed(tmp_path)
    target = tmp_path / "176-10036-10058.yaml"
    target.write_text("old\n", encoding="utf-8")

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        import_seed(tmp_path, force=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["176-10036-10058.md", "176-10036-10058.yaml"]


def test_an_interrupted_write_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in.md"
    source.write_text(synthetic(), encoding="utf-8")

    def killed(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        import_rif(source, tmp_path / "documents")
    assert list((tmp_path / "documents").iterdir()) == []


def test_an_unreadable_field_is_reported_and_left_empty(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_text(synthetic(date="13/45/1963"), encoding="utf-8")
    report = import_rif(source, tmp_path / "documents")
    (item,) = report.files
    assert item.missing == ["date"]
    text = (tmp_path / "documents" / "176-99999-00001.yaml").read_text(encoding="utf-8")
    assert "# date: unreadable date '13/45/1963': check the PDF" in text.splitlines()
    assert "date" not in yaml.safe_load(text)
    assert "unreadable: date" in format_report(report)


def test_without_an_index_the_addresses_come_from_the_patterns(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_text(synthetic(), encoding="utf-8")
    import_rif(source, tmp_path)
    data = yaml.safe_load((tmp_path / "176-99999-00001.yaml").read_text(encoding="utf-8"))
    assert data["releases"] == [{"release": "2025", "pdf": pdf_url("176-99999-00001", "2025")}]
    assert data["cited_release"] == "2025"
    assert data["transcript_source"] == "Transcript of the 2025 release PDF (in.md)"


@needs_corpus
def test_pages_are_the_pdf_pages_and_the_form_value_is_reported(tmp_path: Path) -> None:
    report = import_rif(TRANSCRIPTS / "104-10054-10060.md", tmp_path, index_csv=INDEX)
    (item,) = report.files
    assert (item.pages, item.form_pages) == (7, 6)  # the PDF is the form and the document's 6 pages
    assert not any(warning.startswith("pages:") for warning in item.warnings)
    written = (tmp_path / "104-10054-10060.yaml").read_text(encoding="utf-8")
    assert "pages: 7  # the transcript's pages; PAGES on the form: 6\n" in written
    data = yaml.safe_load(written)
    assert data["pages"] == 7
    assert data["title"] == "MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)"
    assert data["releases"] == [{"release": "2021", "pdf": "https://www.archives.gov/files/research/jfk/releases/"
                                                           "2021/docid-32343841.pdf"}]


@needs_corpus
def test_a_transcript_without_page_markers_is_copied_with_a_warning(tmp_path: Path) -> None:
    report = import_rif(SEED_2022, tmp_path, index_csv=INDEX)
    (item,) = report.files
    assert item.pages == 5
    assert any("page anchors are unavailable" in warning for warning in item.warnings)
    assert (tmp_path / "176-10036-10058.md").read_bytes() == SEED_2022.read_bytes()
    data = yaml.safe_load((tmp_path / "176-10036-10058.yaml").read_text(encoding="utf-8"))
    assert data["cited_release"] == "2022"
    assert [release["release"] for release in data["releases"]] == ["2022", "2025"]


# --- pages from NARA's page stamps ---------------------------------------------------------------

STAMPED = """\
Page one, first line
NW 64954 Docld:34517486 Page 1


Page two
| NW 64954 Docid:34517486 Page 2 ‘3

Pages three and four: the stamp of page three was not read
NW 64954 DocId:34517486 Page 4
Page five quotes a stamp out of sequence: Doctd:34517486 Page 2
NW 64954
Doctd:34517486 Page 5
"""


def without_markers(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("## Page "))


def test_page_stamps_become_page_markers() -> None:
    stamped = mark_stamped_pages(STAMPED)
    assert stamped is not None
    assert (stamped.pages, stamped.unstamped, stamped.stamp) == (5, [3], "Docld:34517486 Page 1")
    assert without_markers(stamped.text) == STAMPED  # only the markers are added
    pages = parse_transcript(stamped.text, "x").pages
    assert sorted(pages) == [1, 2, 3, 4, 5]
    assert pages[1].startswith("Page one") and pages[1].endswith("Page 1")
    assert pages[2].startswith("Page two") and "Page 2 ‘3" in pages[2]
    assert pages[3] == ""
    assert pages[4].startswith("Pages three and four")
    assert pages[5].startswith("Page five") and pages[5].endswith("Doctd:34517486 Page 5")
    assert any("out of sequence" in warning for warning in stamped.warnings)
    assert any("page 3 (under page 4)" in warning for warning in stamped.warnings)
    assert page_count(stamped.text) == 5


def test_no_stamps_or_markers_already_there_leave_the_transcript_alone() -> None:
    assert mark_stamped_pages("no stamps here\n") is None
    assert mark_stamped_pages(synthetic(pages=2) + "NW 1 Docld:34517486 Page 1\n") is None


def test_page_one_runs_to_the_end_of_a_form_read_column_by_column() -> None:
    # tesseract read the labels, the stamp at the foot of the page, then the values.
    text = ("AGENCY\nRECORD NUMBER\n\nTITLE\n\nNW 64954 Docld:34517486 Page 1\n\nJFK ASSASSINATION SYSTEM\n"
            "IDENTIFICATION FORM\n\nINSCOM/CSF\n194-10012-10030\nA TITLE\n\n\n\nThe document\n"
            "NW 64954 Docld:34517486 Page 2\n")
    stamped = mark_stamped_pages(text)
    assert stamped is not None
    pages = parse_transcript(stamped.text, "x").pages
    assert pages[1].endswith("A TITLE") and pages[2].startswith("The document")
    assert any("runs to the end of the form" in warning for warning in stamped.warnings)


def test_a_stamped_transcript_is_imported_with_page_markers(tmp_path: Path) -> None:
    body = FORM.format(title="A test memorandum", date="4/11/1963")  # the form says PAGES : 2
    text = (body + "NW 64954 Docld:34517486 Page 1\n\n\nText of page 2\nNW 64954 Docld:34517486 Page 2\n\n\n"
            "Text of page 3\nNW 64954 Docld:34517486 Page 3\n")
    source = tmp_path / "in.md"
    source.write_text(text, encoding="utf-8")
    report = import_rif(source, tmp_path / "documents")
    (item,) = report.files
    assert (item.pages, item.form_pages) == (3, 2)
    written = (tmp_path / "documents" / "176-99999-00001.md").read_text(encoding="utf-8")
    assert without_markers(written) == text
    assert parse_transcript(written, "x").pages[3].startswith("Text of page 3")
    data = yaml.safe_load((tmp_path / "documents" / "176-99999-00001.yaml").read_text(encoding="utf-8"))
    assert data["pages"] == 3
    assert data["title"] == "A test memorandum"
    assert data["transcript_source"] == (
        "Transcript of the 2025 release PDF (in.md); the '## Page N' lines were added by Desclasificado at the page "
        "stamps at the foot of each PDF page (\"Docld:34517486 Page 1\" and so on); the text is unchanged")


@pytest.mark.parametrize(("pages", "form_pages", "warning"), [
    (3, 2, None), (2, 2, None),
    (2, 98, "pages: the form gives 98 pages, the transcript holds 2: a partial transcript? citations past page 2 "
            "cannot be verified"),
    (9, 2, "pages: the transcript has 9 pages, 7 more than PAGES on the form (2): check the PDF for attachments "
           "or notices"),
])
def test_the_forms_pages_and_the_transcripts_are_compared(tmp_path: Path, pages: int, form_pages: int,
                                                           warning: str | None) -> None:
    source = tmp_path / "in.md"
    source.write_text(synthetic(pages=pages).replace("PAGES : 2", f"PAGES : {form_pages}"), encoding="utf-8")
    (item,) = import_rif(source, tmp_path / "documents").files
    assert (item.pages, item.form_pages) == (pages, form_pages)
    assert [w for w in item.warnings if w.startswith("pages:")] == ([warning] if warning else [])


# The Army records of the 2022 release (tesseract, no page markers): pages, pages without a stamp,
# and a passage on the page it must be on.
STAMPED_RECORDS = {
    "194-10001-10180": (62, [6], {23: "Naval Base to inventory equipment",
                                 62: "was not entertaining any thoughts"}),
    "194-10001-10186": (5, [], {2: "AMERICAN ADVENTURER", 3: "MAXIMILIEN, WHO HAD AGREED"}),
    "194-10002-10106": (104, [], {1: "COMPLETION OF REVIEW BY FBI", 2: "blank Panamanian",
                                  71: "FUENTES was arrested"}),
    "194-10012-10030": (3, [], {1: "CIA INFORMATION REPORT", 2: "LOST LITTLE PRESTIGE", 3: "CUBAN EXILES IN"}),
}


@needs_corpus
@pytest.mark.parametrize("record", sorted(STAMPED_RECORDS))
def test_the_army_records_are_split_at_their_page_stamps(record: str) -> None:
    pages, unstamped, passages = STAMPED_RECORDS[record]
    text = (TRANSCRIPTS / f"{record}.md").read_text(encoding="utf-8")
    stamped = mark_stamped_pages(text)
    assert stamped is not None
    assert (stamped.pages, stamped.unstamped) == (pages, unstamped)
    assert without_markers(stamped.text) == text
    split = parse_transcript(stamped.text, record).pages
    assert sorted(split) == list(range(1, pages + 1))
    for page, passage in passages.items():
        assert passage in split[page], page
    assert "IDENTIFICATION FORM" in split[1]
    marked, plain = parse_rif(stamped.text), parse_rif(text)  # page 1 holds the whole form
    assert (marked.fields, marked.missing) == (plain.fields, plain.missing)


@needs_corpus
def test_importing_an_army_record_writes_its_pages(tmp_path: Path) -> None:
    report = import_rif(TRANSCRIPTS / "194-10001-10180.md", tmp_path, index_csv=INDEX)
    (item,) = report.files
    assert (item.pages, item.form_pages) == (62, 61)
    assert not any("page anchors are unavailable" in warning for warning in item.warnings)
    written = (tmp_path / "194-10001-10180.md").read_text(encoding="utf-8")
    assert page_count(written) == 62
    data = yaml.safe_load((tmp_path / "194-10001-10180.yaml").read_text(encoding="utf-8"))
    assert data["pages"] == 62
    assert data["transcript_source"].endswith(
        "the '## Page N' lines were added by Desclasificado at the page stamps at the foot of each PDF page "
        "(\"Docld:34517452 Page 1\" and so on); the text is unchanged; no stamp was read for page 6 (under page 7)")


def test_dump_document_round_trips_awkward_text() -> None:
    awkward = ['NO', '0777', '1963-04-11', 'a: b # c', '"quoted" \\ back', '  padded ', 'Bogotá — señor',
               'line\u2028separator', 'bell\x07', 'zero\u200bwidth', '🙂']
    document = {"record_number": "176-99999-00001", "title": awkward[0], "subjects": awkward, "pages": 3,
                "releases": [{"release": "2025", "pdf": "https://example.org/a.pdf"}], "comments": "x"}
    text = dump_document(document, {"comments": "a note"})
    data = yaml.safe_load(text)
    assert data["subjects"] == awkward
    assert data["title"] == "NO" and data["pages"] == 3
    assert "Bogotá — señor" in text and "🙂" in text
    assert "\u2028" not in text and "\x07" not in text and "\u200b" not in text
    assert 'comments: "x"  # a note' in text.splitlines()
    assert yaml.load(text, Loader=yaml.BaseLoader)["subjects"] == awkward  # nothing read as a bool, int or date


@needs_corpus
def test_the_record_numbers_of_the_index_are_well_formed() -> None:
    assert all(RECORD_NUMBER.fullmatch(row["record_number"]) for row in index_rows())


@pytest.mark.parametrize(("agency", "pages", "form_pages", "kept"), [
    ("CIA", 3, 2, 2), ("CIA", 2, 2, None), ("CIA", 4, 17, None), ("NARA", 2, 2, 2), ("FBI", 4, 17, 17),
])
def test_a_cia_forms_pages_not_the_transcripts_less_the_form_is_not_certain(
        tmp_path: Path, agency: str, pages: int, form_pages: int, kept: int | None) -> None:
    source = tmp_path / "in.md"
    text = synthetic(pages=pages).replace("PAGES : 2", f"PAGES : {form_pages}")
    source.write_text(text.replace("AGENCY : NARA", f"AGENCY : {agency}"), encoding="utf-8")
    (item,) = import_rif(source, tmp_path / "documents").files
    assert (item.pages, item.form_pages) == (pages, kept)
    written = (tmp_path / "documents" / "176-99999-00001.yaml").read_text(encoding="utf-8")
    assert ("not certain, check the PDF" in written) == (kept is None)

"""One line under FROM and TO, the other box empty: which it is, from evidence other than its place (`lone`)."""

from __future__ import annotations

from desclasificado.archives.jfk.rif import parse_rif
from tests.archives.test_rif_layout import form

COLUMN = "FROM\nTO\n: CHIEF, SR\nTITLE\nIMPLICATION OF ALINE MOSBY IN THE OPERATION\nDATE\n05/22/1959\nPAGES\n2"


def with_body(text: str, body: str) -> str:
    return text.replace("## Page 2\n\nText.\n", f"## Page 2\n\n{body}\n")


def test_the_documents_header_says_whether_the_one_name_is_to_or_from() -> None:
    assert [parse_rif(form(COLUMN)).fields[name] for name in ("from", "to")] == ["", ""]
    for body in ("MEMORANDUM FOR: Chief, SR\n\nSUBJECT: Mosby", "DISPATCH\n\nTO\n\nChief, SR\n\nFROM\n\nCOS"):
        result = parse_rif(with_body(form(COLUMN), body))
        assert (result.fields["from"], result.fields["to"]) == ("", "CHIEF, SR")
        assert "to" not in result.missing and "from" in result.missing
    result = parse_rif(with_body(form(COLUMN), "FROM: Chief, SR\n\nTO: Director"))
    assert (result.fields["from"], result.fields["to"]) == ("CHIEF, SR", "")


def test_a_cables_precedence_is_not_part_of_its_addressee() -> None:
    text = form(COLUMN.replace("CHIEF, SR", "DIRECTOR"))
    result = parse_rif(with_body(text, "CITE\n\nTO: PRIORITY DIRECTOR INFO LA/MIAMI."))
    assert result.fields["to"] == "DIRECTOR"


def test_a_name_the_header_gives_under_both_or_in_prose_is_left_undecided() -> None:
    for body in ("FROM: Chief, SR\n\nTO: Chief, SR", "We wrote to Chief, SR about it.", "TO THE CHIEF, SR"):
        result = parse_rif(with_body(form(COLUMN), body))
        assert (result.fields["from"], result.fields["to"]) == ("", ""), body


def test_the_forms_own_lines_left_in_the_body_are_no_header() -> None:
    text = form(COLUMN.replace(": CHIEF, SR", "CHIEF, SR"))
    assert parse_rif(with_body(text, "TO\n\nChief, SR")).fields["to"] == "CHIEF, SR"
    result = parse_rif(with_body(text, "TO\n\nCHIEF, SR"))  # the same lines as the form's own: not the memo's
    assert result.fields["to"] == ""


def test_a_copy_of_the_forms_column_in_the_body_is_no_header() -> None:
    # the PDF holds the form twice (an earlier release's): "FROM" / "TO" / "CHIEF, SR" is the same doubt
    result = parse_rif(with_body(form(COLUMN), "ORIGINATOR\n\nCIA\n\nFROM\n\nTO\n\nChief, SR\n\nTITLE : IMPLICATION"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    assert parse_rif(with_body(form(COLUMN), "DISPATCH\n\nTO\n\nChief, SR")).fields["to"] == "CHIEF, SR"


def test_one_persons_or_agencys_name_on_an_hsca_form_is_from() -> None:
    column = "FROM:\nTO :\nMOFITT, GEORGE\nTITLE :\nDATE: 06/15/1978\nPAGES: 2"
    hsca = form("ORIGINATOR : HSCA\n" + column).replace("AGENCY : CIA", "AGENCY : HSCA")
    result = parse_rif(hsca)
    assert (result.fields["from"], result.fields["to"]) == ("MOFITT, GEORGE", "")
    assert parse_rif(form(column)).fields["from"] == ""  # a CIA form: not known
    office = parse_rif(hsca.replace("MOFITT, GEORGE", "SECURITY STAFF"))
    assert office.fields["from"] == ""  # not a person's name
    # an agency's name: who gave the paper, as a person's
    agency = parse_rif(hsca.replace("MOFITT, GEORGE", "CIA"))
    assert (agency.fields["from"], agency.fields["to"]) == ("CIA", "")
    assert parse_rif(form(column.replace("MOFITT, GEORGE", "CIA"))).fields["from"] == ""  # a CIA form: not known


def test_the_best_available_image_stamp_garbled_is_no_line_of_the_column() -> None:
    column = "FROM:\nTO :\nTITLE :\nHSCA\nTODD, JAMES ROBERT\nBest avat-abie image\nDATE: 05/09/1978\nPAGES: 12"
    hsca = form("ORIGINATOR :\n" + column).replace("AGENCY : CIA", "AGENCY : HSCA")
    result = parse_rif(hsca)
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("TODD, JAMES ROBERT", "", "")
    assert result.unplaced == []


def test_a_name_alone_on_an_fbi_form_is_left_undecided() -> None:
    # tesseract loses an FBI form's FROM ("BU") and leaves its TO alone under both
    column = "ORIGINATOR : FBI\nFROM:\nTO:\nDIRECTOR, FBI\nTITLE:\nDATE: 06/28/1963\nPAGES: 1"
    result = parse_rif(form(column).replace("AGENCY : CIA", "AGENCY : FBI"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    hsca = form(column.replace("FBI", "HSCA").replace("DIRECTOR, HSCA", "DAVIS, REX D."))
    assert parse_rif(hsca.replace("AGENCY : CIA", "AGENCY : HSCA")).fields["from"] == "DAVIS, REX D."

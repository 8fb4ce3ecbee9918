"""Rules of the form's layout that the reader follows, each on a small form as the OCR reads it.

The forms below are written the way the Apple Vision OCR of the 2021 release reads the CIA
layout (one line per box, a blank line between), with the slip each test is about.
"""

from __future__ import annotations

from desclasificado.archives.jfk.rif import parse_rif

HEAD = """\
## Page 1

Date: 12/07/04

JFK ASSASSINATION SYSTEM

IDENTIFICATION FORM

AGENCY INFORMATION

AGENCY : CIA

RECORD NUMBER : 104-10066-10187

RECORD SERIES : JFK

AGENCY FILE NUMBER : 80T01357A

DOCUMENT INFORMATION

"""
TAIL = """
SUBJECTS : CIA PERSONNEL

DOCUMENT TYPE : PAPER

CLASSIFICATION : SECRET

RESTRICTIONS : 1B

CURRENT STATUS : RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS

DATE OF LAST REVIEW : 06/20/97

COMMENTS : JFK64-55 : F2 : 1997.06.20.14:52:20:016082 :

[R] - ITEM IS RESTRICTED

## Page 2

Text.
"""

NAMES = "AGENCY ORIGINATOR : CIA\nFROM : SHEPANEK, NORBERT A.\nTO : BRECKINRIDGE, SCOTT\n"


def form(middle: str) -> str:
    if "ORIGINATOR" not in middle:
        middle = "AGENCY ORIGINATOR : CIA\n" + middle
    return HEAD + "\n\n".join(line for line in middle.strip().split("\n")) + "\n" + TAIL


def test_a_title_that_goes_on_after_the_date_is_read_whole() -> None:
    result = parse_rif(form(NAMES + "TITLE : HSCA REQUEST\nDATE\n07/11/1978\n"
                            "RE SR-6 (CIA PERSONNEL) .\nPAGES\n2"))
    assert result.fields["title"] == "HSCA REQUEST RE SR-6 (CIA PERSONNEL) ."
    assert (result.fields["date"], result.fields["pages"]) == ("1978-07-11", 2)


def test_leftover_lines_that_are_not_the_titles_are_not_joined_to_it() -> None:
    # a run of subjects under DATE and PAGES whose label was lost: not the title's
    result = parse_rif(form(NAMES + "TITLE : HSCA REQUEST\nDATE\n07/11/1978\nPAGES\n2\n"
                            "CLASSIFICATIOI\nCURRENT STATU"))
    assert result.fields["title"] == "HSCA REQUEST"


def test_the_release_stamps_case_number_and_date_with_its_label_garbled_are_no_value() -> None:
    # "56000 Dater 11-04-2021" is the stamp's "Case#:NW 66000 Date: 11-04-2021": not more of a title cut short
    result = parse_rif(form(NAMES + "TITLE : HSCA REQUEST ON\n56000 Dater 11-04-2021\nDATE\n07/11/1978\nPAGES\n2"))
    assert result.fields["title"] == "" and "title" in result.missing
    assert not any("2021" in text for text in result.unplaced)
    result = parse_rif(form(NAMES + "TITLE : HSCA REQUEST\nDATE\n07/11/1978\nGEODO Diate: 11-03-20121\nPAGES\n2"))
    assert result.fields["title"] == "HSCA REQUEST" and result.unplaced == []


def test_a_line_of_one_word_and_a_colon_before_more_is_a_titles_never_from_nor_to() -> None:
    # not a CIA form (whose one title under FROM, TO and TITLE is the title): the line's shape says it
    senate = form("ORIGINATOR: SSCIA\nFROM:\nTO :\nTITLE:\nFDB: OPERATION MONGOOSE\nDATE: 00/00/1975\nPAGES: 46")
    result = parse_rif(senate.replace("AGENCY : CIA", "AGENCY : SSCIA"))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", "FDB: OPERATION MONGOOSE"]
    # a name: FROM or TO, which is not known
    result = parse_rif(senate.replace("AGENCY : CIA", "AGENCY : SSCIA").replace("FDB: OPERATION", "SMITH, JOHN"))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", ""]
    # a label the OCR garbled, with its value, is not a title's opening ("TTLE:", "AGANCK:", "TG:" for TO)
    for garbled in ("TTLE: JONES, MARY", "AGANCK: JONES, MARY", "TG: JONES, MARY"):
        result = parse_rif(senate.replace("AGENCY : CIA", "AGENCY : SSCIA").replace("FDB: OPERATION MONGOOSE", garbled))
        assert result.fields["title"] == "" and garbled in result.unplaced, garbled


def test_a_line_naming_a_list_or_a_draft_is_a_titles_never_from_nor_to() -> None:
    column = "ORIGINATOR: HSCA\nFROM:\nTO:\nTITLE:\nDOCUMENTS LIST\nDATE: 00/00/0000\nPAGES: 13"
    result = parse_rif(form(column).replace("AGENCY : CIA", "AGENCY : HSCA"))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", "DOCUMENTS LIST"]
    senate = form(column.replace("DOCUMENTS LIST", "DRAFT STATEMENT")).replace("AGENCY : CIA", "AGENCY : SSCIA")
    result = parse_rif(senate)
    assert result.fields["title"] == "DRAFT STATEMENT"


def test_a_count_read_first_in_a_column_of_bare_labels_is_the_pages() -> None:
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\n1\nDIRECTOR\n"
                            "APPROVAL HAS BEEN GRANTED FOR SABOTAGE OF CUBAN SHIPS.\n04/12/1963"))
    assert (result.fields["title"], result.fields["date"], result.fields["pages"]) == (
        "APPROVAL HAS BEEN GRANTED FOR SABOTAGE OF CUBAN SHIPS.", "1963-04-12", 1)
    assert (result.fields["from"], result.fields["to"]) == ("", "")  # DIRECTOR: FROM or TO, not known
    # two counts: the first may be something else's (the column is not read as if it came after)
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\n1\nDIRECTOR\n"
                            "APPROVAL HAS BEEN GRANTED FOR SABOTAGE OF CUBAN SHIPS.\n04/12/1963\n3"))
    assert result.fields["title"] == ""


def test_a_value_the_form_cut_with_dots_is_a_line_not_a_rule() -> None:
    # "ONDRUS, WILLIAM T.; CHRYSLER ...." (NARA's row gives it so) was dropped as a rule of dots: the
    # boxes above were then read as empty on the form; they are undecided, the line kept
    column = "FROM:\nTO:\nTITLE :\nONDRUS, WILLIAM T.; CHRYSLER ....\nDATE: 05/02/1978\nPAGES: 5"
    result = parse_rif(form("ORIGINATOR: HSCA\n" + column).replace("AGENCY : CIA", "AGENCY : HSCA"))
    assert {"from", "to"} <= set(result.missing) and "ONDRUS, WILLIAM T.; CHRYSLER ...." in result.unplaced
    assert parse_rif(form("FROM : CIA\nTO : HQ\n.......\nTITLE : A MEMO\nDATE: 05/02/1978")).unplaced == []


def test_a_title_with_nothing_after_its_label_read_after_the_date_and_pages() -> None:
    middle = ("FROM\nTO\nTITLE :\nDATE: 12/11/1959\nPAGES :\n4\nFIELD INFORMATION REPORT: CUBAN ACTIVITIES IN MEXICO\n"
              "SUBJECTS : AZCUE")
    result = parse_rif(form(middle).replace("SUBJECTS : CIA PERSONNEL\n", ""))
    assert result.fields["title"] == "FIELD INFORMATION REPORT: CUBAN ACTIVITIES IN MEXICO"
    assert result.fields["pages"] == 4
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    # a line without a title's shape may be another field's (a subject read before its label): not taken
    result = parse_rif(form(middle.replace("FIELD INFORMATION REPORT: CUBAN ACTIVITIES IN MEXICO", "AZCUE, ALDAMA")))
    assert result.fields["title"] == ""


def test_a_value_under_the_documents_labels_before_its_heading_is_read() -> None:
    # the OCR read the DOCUMENT INFORMATION heading after TITLE: the name under FROM is not the agency part's
    fbi = HEAD.replace("DOCUMENT INFORMATION\n", "").replace("AGENCY : CIA", "AGENCY : FBI") + (
        "ORIGINATOR: FBI\n\nFROM:\n\nHALL, WENDELL W. JR.\n\nTO: DIRECTOR, FBI\n\nTITLE:\n\n"
        "Document Information\n\nDATE: 12/31/1964\n\nPAGES:\n\n51\n" + TAIL)
    result = parse_rif(fbi)
    assert (result.fields["from"], result.fields["to"]) == ("HALL, WENDELL W. JR.", "DIRECTOR, FBI")


def test_a_title_column_that_may_begin_with_the_lost_from_and_to_is_left_blank() -> None:
    # the OCR lost the FROM and TO labels: their values head the column under TITLE
    result = parse_rif(form("TITLE\nDATE\nPAGES\nSTEVENS, M. D.\nCHIEF, SECURITY RESEARCH STAFF\n"
                            "AMERICAN DEFECTORS.\n10/01/1960\n3"))
    assert result.fields["title"] == ""
    assert "title" in result.missing
    assert "STEVENS, M. D." in result.unplaced


def test_placeholders_scraps_and_stamps_are_not_values() -> None:
    from desclasificado.archives.jfk.vetting import vet_text

    assert vet_text("from", "I [DELETION]]") == ("", "the form gives no value ('I [DELETION]]')")
    assert vet_text("title", "[No Titlel") == ("", None)
    assert vet_text("title", "H")[0] == ""
    assert vet_text("title", "F5994 Diate: 11-01-2021")[0] == ""
    assert vet_text("to", "A. B. SMITH")[0] == "A. B. SMITH"


def test_short_words_read_with_one_slip_inside_a_phrase_are_corrected() -> None:
    from desclasificado.archives.jfk.ocrfix import correct_text

    assert correct_text("COVERAGE OE SOVIET AND CUBAN EMBASSIES") == "COVERAGE OF SOVIET AND CUBAN EMBASSIES"
    assert correct_text("CLEARANCE EOR JAMES W. MCCORD") == "CLEARANCE FOR JAMES W. MCCORD"
    assert correct_text("SMITH, OE") == "SMITH, OE"  # not inside a phrase: perhaps initials


def test_scraps_junk_marks_and_labels_are_not_names() -> None:
    from desclasificado.archives.jfk.vetting import vet_text

    for name, text in (("from", "FORSYTH, THOMAS G. If"), ("originator", "USN, «"), ("from", "NSA..-** 7"),
                       ("from", "TOs")):
        assert vet_text(name, text)[0] == "", text
    for name, text in (("from", "McCONE, JOHN"), ("to", "SAC, Dallas"), ("title", "Memo for the Record")):
        assert vet_text(name, text)[0] == text


def test_a_name_that_wraps_onto_the_next_line_is_read_whole() -> None:
    result = parse_rif(form("FROM : CHIEF, ALIEN AFFAIRS\nSTAFF\nTO : BRECKINRIDGE,\nSCOTT\nTITLE : HSCA REQUEST\n"
                            "DATE : 07/11/1978\nPAGES : 2"))
    assert (result.fields["from"], result.fields["to"]) == ("CHIEF, ALIEN AFFAIRS STAFF", "BRECKINRIDGE, SCOTT")


def test_a_line_that_begins_with_a_lost_labels_colon_or_ends_cut_is_not_a_names_rest() -> None:
    # ": DIRECTOR" is TO's value (its label lost); "PCS/LOC, CI" ends cut short (CIA)
    result = parse_rif(form("FROM : CURTIS, W.C., MEXICO STATION\n: DIRECTOR\nTITLE : CABLE CONCERNING OSWALD.\n"
                            "DATE : 01/14/1964\nPAGES : 3"))
    assert result.fields["from"] == "CURTIS, W.C., MEXICO STATION"
    result = parse_rif(form("FROM : SMITH, MARVIN L., C/OG, CIA\nTO : GREGG, DONALD P.,\nPCS/LOC, CI\n"
                            "TITLE : HSCA REQUEST\nDATE : 07/11/1978\nPAGES : 2"))
    assert result.fields["to"] == ""


def test_a_zero_in_an_office_code_is_the_letter_o() -> None:
    from desclasificado.archives.jfk.ocrfix import correct_text

    assert correct_text("GREGG, DON, 0/SA/DO/0, CIA") == "GREGG, DON, O/SA/DO/O, CIA"
    assert correct_text("FILE 201-0/1") == "FILE 201-0/1"


def test_names_in_a_column_among_lines_no_label_took_are_not_guessed() -> None:
    # the TITLE label was lost: FROM and TO could be any of the title's lines
    result = parse_rif(form("FROM\nTO\nFROM A REVIEW OF THE AGENCY'S FILE ON LEE\n"
                            "OSWALD, IT BECOMES APPARENT THAT THE AGENCY AND ITS\nDID NOT ACT ALONE.\n"
                            "DATE : 01/01/1978\nPAGES : 73"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    assert {"from", "to"} <= set(result.missing)


def test_a_column_of_values_with_one_line_per_label_is_read_in_order() -> None:
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nCIA-SR/CI/RESEARCH\nWC\n"
                            "MARINA OSWALD'S NOTEBOOK.\n05/08/64\n1"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title", "date", "pages")] == [
        "CIA", "CIA-SR/CI/RESEARCH", "WC", "MARINA OSWALD'S NOTEBOOK.", "1964-05-08", 1]


def test_a_column_of_values_is_read_one_line_per_label_up_to_the_date() -> None:
    # the subjects take two lines after the pages: the lines before the date are still one per label
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nSUBJECTS\nCIA\nCIA-SR/CI/RESEARCH\nWC\n"
                            "MARINA OSWALD'S NOTEBOOK.\n05/08/64\n1\nNOTEBOOK\nOSWALD, MARINA"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title", "date", "pages")] == [
        "CIA", "CIA-SR/CI/RESEARCH", "WC", "MARINA OSWALD'S NOTEBOOK.", "1964-05-08", 1]
    # a line of the title after the pages: one line per label before the date would cut it
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nGOMEZ, DC, WH DIVISION\nTHE RECORD\nMEMO: CUBAN\n"
                            "01/15/1960\n2\nREVOLUTIONARY ACTIVITY IN FLORIDA\nSUBJECTS : ANTICASTRO PLOT"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")


def test_two_names_under_from_to_and_title_are_from_and_to() -> None:
    # the FBI layout: the title empty, FROM and TO each a name "SURNAME, GIVEN" or "OFFICE, AGENCY"
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nFBI\nSAC, TP\nDIRECTOR, FBI\nDATE: 06/20/1964\n"
                            "PAGES:\n10"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title")] == [
        "FBI", "SAC, TP", "DIRECTOR, FBI", ""]
    # one of the two lines is not a name's: which labels hold them is not known
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nFBI\nSAC, TP\nBOOKMAKING IN TAMPA\nDATE: 06/20/1964\n"
                            "PAGES:\n10"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")
    # offices' codes are names too ("NY" / "HQ"); a line of words is not
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI\nNY\nHQ\nDATE: 01/18/1966\nPAGES:\n24"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title")] == ["FBI", "NY", "HQ", ""]
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI\nNY\nTHE HQ\nDATE: 01/18/1966\nPAGES:\n24"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI .\nWANNELL\nSULLIVAN\nDATE: 05/05/1967\nPAGES:\n3"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title")] == [
        "FBI", "WANNELL", "SULLIVAN", ""]
    # a document's kind is a title's word, not a name
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI\nNY\nLETTER\nDATE: 01/18/1966\nPAGES:\n24"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")
    # the comma after one word read as a period is still a name's; after two words it is not
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI\nSAC. SL\nDIRECTOR. FBI\nDATE: 04/07/1958\n"
                            "PAGES:\n2"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("SAC. SL", "DIRECTOR. FBI", "")
    result = parse_rif(form("ORIGINATOR:\nFROM:\nTO :\nTITLE:\nFBI\nLOUISANA MET. CRIME COMMISSION\n"
                            "MEROLA, JOSEPH -NAME FILE.\nDATE: 04/07/1958\nPAGES:\n2"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")


def test_a_value_behind_the_colon_of_a_lost_label_is_the_one_field_between_its_neighbours() -> None:
    result = parse_rif(form("FROM : CURTIS, W.C., MEXICO STATION\n: DIRECTOR\n"
                            "TITLE : CABLE CONCERNING OSWALD AND SYLVIA DURAN.\nDATE : 01/14/1964\nPAGES : 3"))
    assert (result.fields["from"], result.fields["to"]) == ("CURTIS, W.C., MEXICO STATION", "DIRECTOR")
    # without the colon, the line may be the rest of FROM
    result = parse_rif(form("FROM : CURTIS, W.C., MEXICO STATION\nDIRECTOR\n"
                            "TITLE : CABLE CONCERNING OSWALD AND SYLVIA DURAN.\nDATE : 01/14/1964\nPAGES : 3"))
    assert result.fields["to"] == ""


def test_values_behind_the_colons_of_lost_labels_are_read_in_the_forms_order() -> None:
    # FROM, TO and TITLE lost: three beginnings (the first without its colon) for three fields
    result = parse_rif(form("MEXICO CITY\n: DIRECTOR\n: CABLE - 1 OCT 63, AMERICAN MALE WHO SPOKE BROKEN\n"
                            "RUSSIAN\nSAID HIS NAME LEE OSWALD\nDATE : 10/08/1963\nPAGES : 1"))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "MEXICO CITY", "DIRECTOR", "CABLE - 1 OCT 63, AMERICAN MALE WHO SPOKE BROKEN RUSSIAN SAID HIS NAME LEE OSWALD"]
    # two beginnings for three fields: which is empty is not known
    result = parse_rif(form("MEXICO CITY\n: CABLE - 1 OCT 63, AMERICAN MALE WHO SPOKE BROKEN\nRUSSIAN\n"
                            "DATE : 10/08/1963\nPAGES : 1"))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", ""]


def test_a_column_where_a_line_may_be_the_rest_of_another_is_not_guessed() -> None:
    # FROM wraps ("BRECKINRIDGE," / "S. D."), TO is empty: one line per label would be wrong (the
    # name joined, the sentence after it is the title; FROM or TO, its place does not tell)
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nBRECKINRIDGE,\nS. D.\n"
                            "MEETINGS WITH HSCA COMMITTEE AND STAFF MEMBERS.\n08/17/1978\n5"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    assert result.fields["title"] == "MEETINGS WITH HSCA COMMITTEE AND STAFF MEMBERS."
    # four lines for four labels, but the first is not an agency: not the originator's
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nSMITH, JOHN\nCHIEF, WH\nFILE\n"
                            "A MEMORANDUM.\n08/17/1978\n5"))
    assert (result.fields["originator"], result.fields["from"], result.fields["title"]) == ("", "", "")


def test_an_agency_heading_a_column_of_values_is_the_originators() -> None:
    # FROM or TO holds the other line: which one is not known
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nCIA\nSMITH, JOHN\nTITLE : A MEMORANDUM.\nDATE : 08/17/1978\n"
                            "PAGES : 5"))
    assert (result.fields["originator"], result.fields["from"], result.fields["to"]) == ("CIA", "", "")
    assert {"from", "to"} <= set(result.missing)


def test_an_agency_heading_a_column_leaves_the_rest_to_the_labels_that_can_take_it() -> None:
    # FROM and TO empty on the form: the title's two lines, too long for a name, are the title's
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\n"
                            "JOURNAL - OFFICE OF LEGISLATIVE COUNSEL, MONDAY - 6\nDECEMBER 1976.\n12/06/1976\n1"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title")] == [
        "CIA", "", "", "JOURNAL - OFFICE OF LEGISLATIVE COUNSEL, MONDAY - 6 DECEMBER 1976."]
    assert "not attributable" not in result.reasons.get("from", "") + result.reasons.get("to", "")


def test_a_sentence_in_a_column_is_the_titles_not_a_name() -> None:
    # FROM and TO empty: a line with OF, FOR ... ending with a word and a period is no one's name
    result = parse_rif(form("FROM\nTO\nTITLE\nREQUEST FOR COPY OF VARIOUS CABLES.\nDATE : 01/01/1967\nPAGES : 2"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == (
        "", "", "REQUEST FOR COPY OF VARIOUS CABLES.")
    # a name may end with a period, and an office may have four words: still undecided (but on a
    # CIA form, which always has a title, the one line is the title's: see below)
    text = form("FROM\nTO\nTITLE\nLOUISANA METRO. CRIME COMMISSION.\nDATE : 01/01/1967\nPAGES : 2")
    result = parse_rif(text.replace("AGENCY : CIA", "AGENCY : HSCA"))
    assert result.fields["title"] == "" and "title" in result.missing


def test_free_text_after_a_date_no_label_took_is_not_the_columns() -> None:
    # tesseract read the column out of order: the title's line, the date, the pages, the series
    result = parse_rif(form("ORIGINATOR :\nFROM :\nTO:\nTITLE :\nViews...Possible Coup D'Etat\n: 6/15/1962\n2\n"
                            "National Security Files, Box 196: Vietnam, 6/62. Box 2\nSUBJECTS : VIETNAM"))
    assert result.fields["title"] == ""


def test_the_header_of_a_form_printed_from_the_database_is_not_a_value() -> None:
    from desclasificado.archives.jfk.lexicon import is_stamp

    assert is_stamp("&. Kennedy Assassination Collection Full Results Back to Brief Results Hits 1-1 of 1 Hit 1 of 1")
    assert not is_stamp("HITS ON THE CONSULATE")


def test_a_wrapped_title_in_a_column_is_not_split_among_from_and_to() -> None:
    # FROM and TO empty, the title over three lines: "OF ..." goes on from the line above
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nJOURNAL - OFFICE\n"
                            "OF LEGISLATIVE COUNSEL THURSDAY - 29\nSEPTEMBER 1977.\n09/29/1977\n3"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")


def test_one_word_left_over_is_not_a_titles_end_unless_the_title_asks_for_it() -> None:
    # not joined to the title; but it may be its end, so the title is left blank (`rests`)
    result = parse_rif(form("TITLE : COBB, LLOYD J.\nDATE\n07/11/1978\nOGC\nPAGES\n2"))
    assert result.fields["title"] == "" and "OGC" in result.unplaced
    result = parse_rif(form("TITLE : REPORT: LEADS INVESTIGATED BY CIA/DESCRIPTION OF\nDATE\n11/26/1963\n"
                            "DOCUMENTS\nPAGES\n2"))
    assert result.fields["title"] == "REPORT: LEADS INVESTIGATED BY CIA/DESCRIPTION OF DOCUMENTS"


def test_the_agency_heading_the_document_values_is_the_originators_after_the_agency_values() -> None:
    # tesseract read the FBI layout as every label, then the values under each heading
    labels = ("AGENCY :", "RECORD NUMBER :", "RECORD SERIES :", "AGENCY FILE NUMBER :", "ORIGINATOR :", "FROM:",
              "TO:", "TITLE :", "DATE:", "PAGES:", "SUBJECTS :")
    text = ("JFK Assassination System Date:\nIdentification Form\n" + "\n".join(labels) +
            "\nAgency Information\nFBI\n124-10205-10371\nHQ\n97-4073-1ST NR 8, 9\nDocument Information\nFBI\n"
            "DIRECTOR, FBI\nSAC, MM\n06/22/1960\n75\nCUBA LIBRE, BKG INVEST\n")
    result = parse_rif(text)
    assert [result.fields[name] for name in ("agency", "originator", "from", "to", "title", "pages")] == [
        "FBI", "FBI", "DIRECTOR, FBI", "SAC, MM", "", 75]
    # a scrap after a name's initial ("G. HI" for G. III) is garbled: neither name is taken
    result = parse_rif(text.replace("DIRECTOR, FBI\nSAC, MM", "FORSYTH, THOMAS G. HI\nDIRECTOR, FBI"))
    assert (result.fields["originator"], result.fields["from"], result.fields["to"]) == ("FBI", "", "")


def test_a_title_with_a_line_that_opens_as_titles_do_after_other_lines_is_left_blank() -> None:
    # "TITLE : LAURA DENK" / "MEMO: ...": TO's value run onto the TITLE line
    result = parse_rif(form(NAMES + "TITLE : LAURA DENK\nMEMO: NO EVIDENCE OF CONTACT\nDATE : 09/25/1998\nPAGES : 2"))
    assert result.fields["title"] == ""
    assert "title" in result.missing
    result = parse_rif(form(NAMES + "TITLE : OFFICE MEMO: HANDWRITTEN\nLANZ, MARCOS DIAZ\n"
                            "DATE : 09/25/1998\nPAGES : 2"))
    assert result.fields["title"] == "OFFICE MEMO: HANDWRITTEN LANZ, MARCOS DIAZ"


def test_a_value_behind_a_lost_labels_colon_before_a_bare_label_given_its_value() -> None:
    # TITLE without its value on its line, but given it below: TO is still the one field between
    result = parse_rif(form("FROM : WH/C/SP\n: C/WH\nTITLE\nESPINOSA ALLEGATIONS.\nDATE : 01/01/1965\nPAGES : 3"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == (
        "WH/C/SP", "C/WH", "ESPINOSA ALLEGATIONS.")


def test_a_bare_label_split_from_its_colon_takes_the_first_of_the_lines_begun_with_one() -> None:
    result = parse_rif(form("FROM\n: GAYNOR, PAUL, CH/SRS/OS, CIA\n: CH/CI/R&A, CIA\nTITLE :\nBOHNING, DONALD DEAN\n"
                            "DATE : 06/14/1968\nPAGES : 4"))
    assert (result.fields["from"], result.fields["to"]) == ("GAYNOR, PAUL, CH/SRS/OS, CIA", "CH/CI/R&A, CIA")
    # two lines for FROM and TO, one without its colon: which is whose is not known
    result = parse_rif(form("FROM\n: GAYNOR, PAUL, CH/SRS/OS, CIA\nCH/CI/R&A, CIA\nTITLE :\nBOHNING, DONALD DEAN\n"
                            "DATE : 06/14/1968\nPAGES : 4"))
    assert (result.fields["from"], result.fields["to"]) == ("", "")


def test_the_one_line_under_from_to_and_title_of_a_cia_form_is_the_title() -> None:
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nMEXICO CITY CHRONOLOGY\n02/03/1968\n133"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "MEXICO CITY CHRONOLOGY")
    # two lines, the second going on from the first: one title
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nSPECIAL ACCESS AND/OR BILLET APPROVAL\n"
                            "FOR CLARE BOOTHE LUCE\n07/13/1973\n1"))
    assert result.fields["title"] == "SPECIAL ACCESS AND/OR BILLET APPROVAL FOR CLARE BOOTHE LUCE"
    # two lines that may be FROM's and the title's, a name, or another agency's form: not known
    for middle in ("FROM\nTO\nTITLE\nDATE\nPAGES\nDIRECTOR\nPLANS OF THE STATION\n07/13/1973\n1",
                   "FROM\nTO\nTITLE\nDATE\nPAGES\nSTEVENS, M. D.\n07/13/1973\n1"):
        assert parse_rif(form(middle)).fields["title"] == ""
    # (a line naming a kind of document, "... CHRONOLOGY", is a title on any form: a line that does not)
    fbi = form("FROM\nTO\nTITLE\nDATE\nPAGES\nMEXICO CITY STATION\n02/03/1968\n133").replace("AGENCY : CIA",
                                                                                          "AGENCY : HSCA")
    assert parse_rif(fbi).fields["title"] == ""
    assert parse_rif(fbi.replace("AGENCY : HSCA", "AGENCY : CIA")).fields["title"] == "MEXICO CITY STATION"


def test_a_column_of_labels_read_out_of_the_forms_order_is_matched_in_it() -> None:
    # tesseract reads the FBI layout's COMMENTS label above ORIGINATOR; the values keep the form's order
    text = ("JFK Assassination System\nIdentification Form\nAGENCY :\nRECORD NUMBER :\nRECORD SERIES :\n"
            "AGENCY FILE NUMBER :\nAgency Information\nFBI\n124-10350-10099\nHQ\nCR 105-99668-4\n"
            "COMMENTS :\nORIGINATOR :\nFROM:\nTO:\nTITLE:\nDATE:\nPAGES:\nSUBJECTS :\nDOCUMENT TYPE :\n"
            "CLASSIFICATION :\nRESTRICTIONS :\nCURRENT STATUS :\nDATE OF LAST REVIEW:\nOPENING CRITERIA :\n"
            "Document Information\nFBI\nMM\nHQ\n02/28/1962\n2\nGERALD PATRICK HEMMING\nPAPER, TEXTUAL DOCUMENT\n"
            "Secret\n1A; 4\nRedact\n09/10/1998\nINDEFINITE, APPROVAL OF CIA\nMEMO\n")
    result = parse_rif(text)
    assert [result.fields[name] for name in ("originator", "from", "to", "title", "date", "pages")] == [
        "FBI", "MM", "HQ", "", "1962-02-28", 2]


def test_a_label_cut_at_its_box_and_an_agency_named_in_full_are_read() -> None:
    # "FRO!", "PAG!": tesseract reads the box's edge as "!"; the originator may be the agency's name in full
    text = ("JFK Assassination System\nIdentification Form\nAGENCY :\nRECORD NUMBER :\nRECORD SERIES :\n"
            "AGENCY FILE NUMBER :\nAgency Information\nFBI\n124-90158-10053\nHQ\nCR 109-12-210-7113\n"
            "ORIGINATOR :\nFRO!\nTO:\nTITLE:\nDATE:\nPAG!\nSUBJECTS :\nDOCUMENT TYPE :\nCLASSIFICATION :\n"
            "RESTRICTIONS :\nCURRENT STATU!\nDATE OF LAST REVIEW :\nOPENING CRITERIA :\nCOMMENTS :\n"
            "Document Information\nCENTRAL INTELLIGENCE AGENCY\nCIA\nHQ\n11/01/1976\n4\nLUIS POSADA\n"
            "PAPER, TEXTUAL DOCUMENT\nSecret\n1B\nRedact\n12/08/1998\nAPPROVAL OF CIA\nCABLE\n")
    result = parse_rif(text)
    assert [result.fields[name] for name in ("originator", "from", "to", "title", "date", "pages")] == [
        "CENTRAL INTELLIGENCE AGENCY", "CIA", "HQ", "", "1976-11-01", 4]
    assert result.fields["current_status"] == "Redact"


def test_the_document_heading_as_the_ocr_garbles_it_is_a_heading() -> None:
    from desclasificado.archives.jfk.lexicon import is_heading, section_of

    for line in ("DOCUMENT INFORMATION", "DOCUMENT. INFORMATION", "DOCUMENT: INFORMATION", "Document Inforhation"):
        assert is_heading(line) and section_of(line) == "document", line
    assert not is_heading("DOCUMENT TYPE : PAPER")


def test_the_form_after_the_review_boards_notice_is_read() -> None:
    from desclasificado.archives.jfk.formpages import lines_of_form

    notice = ("Assassination Records Review Board\nFinal Determination Notification\nAGENCY : HSCA\n"
              "RECORD NUMBER : 180-10060-10451\nRECORD SERIES : STAFF PAYROLL RECORDS\n\n\n"
              "Board Review Completed: 10/24/95\nNW 68261 Docld:32239459 Page 1\n")
    form_text = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY INFORMATION\nAGENCY : HSCA\n"
                 "RECORD NUMBER : 180-10060-10451\nDOCUMENT INFORMATION\nORIGINATOR : HSCA\nFROM :\nTO :\n"
                 "TITLE :\nDATE : 01/03/77\nPAGES : 7\nCOMMENTS : Box 2.\n")
    for text in (notice + form_text, f"## Page 1\n\n{notice}\n## Page 2\n\n{form_text}\n## Page 3\n\nText.\n"):
        result = parse_rif(text)
        assert (result.form, result.fields["originator"], result.fields["date"], result.fields["pages"]) == (
            True, "HSCA", "1977-01-03", 7)
        assert "Final Determination Notification" not in lines_of_form(text)


def test_a_title_that_begins_with_item_is_not_the_forms_legend() -> None:
    from desclasificado.archives.jfk.lexicon import LEGEND

    for line in ("[R] - ITEM IS RESTRICTED", "- ITEM", "ITEM", "[R] - ITEM RESTRICTED", "“ITEM 18 RESTRICTED"):
        assert LEGEND.search(line), line
    result = parse_rif(form(NAMES + "TITLE\n: ITEM PREP FOR WARREN COMMISSION BY SR/CI/RES ENTITLED\n"
                            "DATE\n: 04/24/1964\nPAGES : 1"))
    assert (result.fields["title"], result.fields["date"]) == (
        "ITEM PREP FOR WARREN COMMISSION BY SR/CI/RES ENTITLED", "1964-04-24")


def test_two_dates_without_their_labels_are_the_documents_and_the_reviews_by_their_era() -> None:
    # DATE and DATE OF LAST REVIEW lost by the OCR; the reviews under the Act are from 1993 on
    middle = NAMES + "TITLE : CABLE: AGREE WITH REF A\n: 03/17/1965\nPAGES\n2"
    result = parse_rif(form(middle).replace("DATE OF LAST REVIEW : 06/20/97", "04/04/94"))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("1965-03-17", "1994-04-04")
    # two dates of one era: which is which is not known
    result = parse_rif(form(middle.replace("03/17/1965", "03/17/1995")).replace("DATE OF LAST REVIEW : 06/20/97",
                                                                                 "04/04/94"))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("", "")
    # one date, the review's label lost too: before the reviews began, the document's; after, either
    result = parse_rif(form(middle).replace("DATE OF LAST REVIEW : 06/20/97", ""))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("1965-03-17", "")
    result = parse_rif(form(middle.replace("03/17/1965", "03/17/1995")).replace("DATE OF LAST REVIEW : 06/20/97", ""))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("", "")


def test_two_names_then_a_titles_line_under_from_to_and_title_are_read_in_order() -> None:
    middle = ("FROM\nTO\nTITLE\nDATE\nPAGES\nDIRECTOR CIA\nBERLIN\nCABLE RE MOROCCAN STUDENT MOHAMED REGGAB CLAIMS\n"
              "OF MARINA OSWALD.\n01/09/1964\n2")
    result = parse_rif(form(middle))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "DIRECTOR CIA", "BERLIN", "CABLE RE MOROCCAN STUDENT MOHAMED REGGAB CLAIMS OF MARINA OSWALD."]
    # the title's first line must have a title's shape (a name's may be TO's rest)
    result = parse_rif(form(middle.replace("CABLE RE MOROCCAN STUDENT MOHAMED REGGAB CLAIMS", "MOROCCAN DESK")))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", ""]


def test_the_word_agency_among_the_documents_values_is_a_word_of_the_title() -> None:
    middle = ("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nROCCA, DEPUTY CHIEF CIS\n"
              "DIRECTOR OF CENTRAL INTELLIGENCE\n"
              "MEMO: RELEASE OF DOCUMENTS FURNISHED TO THE\nPRESIDENT'S COMMISSION BY THE CENTRAL INTELLIGENCE\n"
              "AGENCY\n05/15/1972\n4")
    result = parse_rif(form(middle))
    assert result.fields["title"] == ("MEMO: RELEASE OF DOCUMENTS FURNISHED TO THE PRESIDENT'S COMMISSION BY THE "
                                      "CENTRAL INTELLIGENCE AGENCY")


def test_to_read_as_10_right_after_from_is_to() -> None:
    result = parse_rif(form("ORIGINATOR:\nFBI\nFROM:\nWMFO\n10: HQ\nTITLE:\nDATE: 11/30/1962\nPAGES:\n2"))
    assert (result.fields["from"], result.fields["to"]) == ("WMFO", "HQ")
    # elsewhere, or a time ("10:37 A.M."), it is no label
    result = parse_rif(form("ORIGINATOR:\nFBI\nFROM:\nWMFO\n10:37 A.M.\nTITLE:\nDATE: 11/30/1962\nPAGES:\n2"))
    assert result.fields["to"] == ""


def test_a_stray_line_above_the_agency_information_leaves_the_column_of_names_its_own() -> None:
    # tesseract's reading of the FBI layout: the column of labels, then a stray word ("vol") and the
    # column of values; the stray word is not a line of DOCUMENT INFORMATION, so it does not make
    # ORIGINATOR / FROM / TO uncertain (the title is empty: three lines for four labels).
    labels = ("AGENCY :\nRECORD NUMBER :\n\nRECORD SERIES :\n\nAGENCY FILE NUMBER :\n\nORIGINATOR :\nFROM:\nTO:\n\n"
              "TITLE :\n\nDATE:\nPAGES:\n\nSUBJECTS :\n\nDOCUMENT TYPE:\nCLASSIFICATION :\nRESTRICTIONS :\n"
              "CURRENT STATUS :\nDATE OF LAST REVIEW:\n\nOPENING CRITERIA :\n\nCOMMENTS :\n\n")
    values = ("vol\nAgency Information\nFBI\n124-90080-10017\n\nHQ\nCR 100-286243-NR\n\nDocument Information\n\n"
              "FBI\nROACH\nBELMONT\n\n09/09/1955\n2\n\nHAROLD ISAACS\n\nPAPER, TEXTUAL DOCUMENT\nTop Secret\n\n1B\n\n"
              "Redact\n\n07/07/1998\n\nAPPROVAL OF CIA\n\nMEMO\n")
    text = "JFK Assassination System Date: 5/27/201\nIdentification Form\n\n" + labels + values
    result = parse_rif(text + "\nHW 50953 DocId:32328802 Page 1\n\nText.\n")
    assert (result.fields["originator"], result.fields["from"], result.fields["to"]) == ("FBI", "ROACH", "BELMONT")


def test_a_date_is_read_without_the_marks_the_ocr_leaves_beside_it() -> None:
    # tesseract reads the box's rules as a mark before the date or a scrap after it
    for line, date in (("DATE : 09/30/63 awe", "1963-09-30"), ("DATE +: 09/09/75", "1975-09-09"),
                       ("DATE: © 05/10/1976", "1976-05-10"), ('DATE: 03/22/1962"', "1962-03-22"),
                       ("DATE : 01/29/64 7", "1964-01-29"), ("DATE rae 01/01/64", "1964-01-01"),
                       ("DATE : 05/16/1977•", "1977-05-16")):
        result = parse_rif(form(NAMES + f"TITLE : HSCA REQUEST\n{line}\nPAGES : 2"))
        assert (result.fields["date"], result.fields["pages"]) == (date, 2), line
    assert parse_rif(form(NAMES + "TITLE : HSCA REQUEST\nDATE : 10/10/63 1963\nPAGES : 2")).fields["date"] == ""
    assert parse_rif(form(NAMES + "TITLE : HSCA REQUEST\nDATE : RAE 01/01/64\nPAGES : 2")).fields["date"] == ""
    # and a count, and a label behind a scrap and a quote
    for line in ("PAGES. ; 2 os", "i : ‘PAGES: 2", "PAGES: 2 )"):
        assert parse_rif(form(NAMES + f"TITLE : HSCA REQUEST\nDATE : 09/30/63\n{line}")).fields["pages"] == 2, line


def test_a_line_left_below_the_title_that_may_be_its_end_leaves_it_blank() -> None:
    # "GUILLERMO", the title's wrapped line, read after PAGES' value: the title read without it is not certain
    result = parse_rif(form(NAMES + "TITLE : LETTER: REQUEST FOR FILES ON ORESTES\nPEREZ RUIZ\nDATE\n08/16/1978\n"
                            "PAGES :\n1\nGUILLERMO"))
    assert result.fields["title"] == "" and "title" in result.missing
    assert "GUILLERMO" in result.reasons.get("title", "") + " ".join(result.warnings)
    assert "PEREZ RUIZ" in result.unplaced
    # "(FINAL VER)" between DATE's and PAGES' values, before the subjects' own line
    result = parse_rif(form(NAMES + "TITLE : ITEM ENTITLED\n'NAME LIST WITH TRACES'\nDATE :\nPAGES\nSUBJECTS\n"
                            "03/26/64\n(FINAL VER)\n1\nNAME TRACE"))
    assert result.fields["title"] == "" and "NAME TRACE" in result.fields["subjects"]
    # the subjects' own lines, and lines after a label the OCR garbled, are not the title's
    result = parse_rif(form(NAMES + "TITLE : LTR/ ATTACHMENT\nDATE : 04/29/75\nPAGES : 14\nSUbutlls :\n"
                            "THINK PIECE ON CUBA"))
    assert result.fields["title"] == "LTR/ ATTACHMENT"


def test_a_name_the_documents_text_gives_with_one_slip_less_is_left_blank() -> None:
    body = "\n## Page 2\n\nMEMORANDUM FOR: Director of Security\nFROM: Norbert Shepanek\nSubject: Richard L. Blast\n"
    text = form("FROM : SHEPANER, NORBERT\nTO : BRECKINRIDGE, SCOTT\nTITLE : INFORMATION ON RICHARD I. BLAST.\n"
                "DATE : 07/11/1978\nPAGES : 2").replace("\n## Page 2\n\nText.\n", body)
    result = parse_rif(text)
    assert (result.fields["from"], result.fields["title"]) == ("", "")
    assert "SHEPANEK" in result.reasons["from"] and "RICHARD L. BLAST" in result.reasons["title"]
    assert result.fields["to"] == "BRECKINRIDGE, SCOTT"  # the text does not name him: kept as the form has it
    # the form's own spelling in the text, or a word, is kept
    result = parse_rif(text.replace("Norbert Shepanek", "Norbert Shepaner").replace("Richard L.", "Richard I."))
    assert (result.fields["from"], result.fields["title"]) == ("SHEPANER, NORBERT", "INFORMATION ON RICHARD I. BLAST.")


def test_a_name_cut_at_its_comma_in_a_column_takes_the_line_that_goes_on() -> None:
    result = parse_rif(form("FROM : WITHHELD\nTO\nCHIEF,\nEUROPEAN DIVISION\nTITLE : DISPATCH: PRESS CLIPPINGS\n"
                            "DATE : 02/01/1972\nPAGES : 4"))
    assert result.fields["to"] == "CHIEF, EUROPEAN DIVISION"
    # a first line that is not cut short: which line is TO's is not known
    result = parse_rif(form("FROM : SAG, CIA\nTO\nCIA\nDIG, CIA\nTITLE : CONGRESSIONAL INVESTIGATIONS.\n"
                            "DATE : 10/13/1976\nPAGES : 4"))
    assert result.fields["to"] == "" and "to" in result.missing


def test_a_name_in_a_column_takes_the_lines_that_go_on_from_the_one_above() -> None:
    # a line opening with OF goes on from the line above: no name opens so
    result = parse_rif(form("FROM : CHIEF, WH DIVISION\nTO :\nCHIEF\nOF STATION, MEXICO CITY\n"
                            "TITLE\n: DISPATCH: GALLEY PROOFS\nDATE : 10/05/1964\nPAGES : 5"))
    assert result.fields["to"] == "CHIEF OF STATION, MEXICO CITY"
    # "MEMO" / "FOR THE" (it opens with FOR, and ends with THE, as no name does) / "RECORD"
    result = parse_rif(form("FROM\nENSE, STANTON, DD/OS/PS&I\nTO\nMEMO\nFOR THE\nRECORD\nTITLE\n"
                            ": AGENCY CONTACT WITH THE INS.\nDATE\n03/25/1974\nPAGES : 2"))
    assert result.fields["to"] == "MEMO FOR THE RECORD"
    # two lines of which neither goes on from the other: which is TO's is not known
    result = parse_rif(form("FROM : CHIEF, WH DIVISION\nTO :\nCHIEF\nSTATION, MEXICO CITY\n"
                            "TITLE\n: DISPATCH: GALLEY PROOFS\nDATE : 10/05/1964\nPAGES : 5"))
    assert result.fields["to"] == "" and "to" in result.missing


def test_a_rank_that_qualifies_the_office_after_it_is_no_whole_name() -> None:
    result = parse_rif(form("FROM : GENTILE, G. MARVIN\nTO :\nASST.\nDEPUTY DIRECTOR OF SECURITY\nTITLE :\n"
                            "REQUEST FOR AN EXPEDITE FBI CHECK.\nDATE\n03/21/1962\nPAGES\n1"))
    assert result.fields["to"] == "ASST. DEPUTY DIRECTOR OF SECURITY"
    result = parse_rif(form("FROM : GENTILE, G. MARVIN\nTO : CHIEF, ACTING\nTITLE : REQUEST FOR AN FBI CHECK.\n"
                            "DATE : 03/21/1962\nPAGES : 1"))
    assert result.fields["to"] == "" and "cut short" in result.reasons["to"]


def test_the_forms_placeholder_in_a_column_is_its_boxs_one_line() -> None:
    # "WITHHELD" is the title's box, given as no value: one line per label, the title blank
    result = parse_rif(form("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nPHERSON, JOHN R.\n"
                            "DEPUTY DIRECTOR SECURITY\nWITHHELD\n05/18/1964\n2"))
    assert [result.fields[name] for name in ("originator", "from", "to", "title")] == [
        "CIA", "PHERSON, JOHN R.", "DEPUTY DIRECTOR SECURITY", ""]
    assert "title" in result.missing


def test_a_name_cut_short_takes_its_rest_before_a_bare_label_with_sound_values() -> None:
    result = parse_rif(form("FROM : GENTILE, G. MARVIN\nTO : ASST,\nDEPUTY DIRECTOR OF SECURITY\nTITLE\n"
                            "REQUEST FOR AN EXPEDITE FBI CHECK.\nDATE\n03/21/1962\nPAGES : 1"))
    assert result.fields["to"] == "ASST, DEPUTY DIRECTOR OF SECURITY"
    # the title below garbled: the line may be its, the name stays blank
    result = parse_rif(form("FROM : STEVENS, M. D.\nTO : CHIEF,\nSECURITY RESEARCH\nTITLE\nDATE\n10/31/1960\n"
                            "00: /2980CAN DEFECTORS\nSTAFF\nPAGES : 1"))
    assert result.fields["to"] == ""


def test_a_name_cut_at_its_comma_in_a_column_of_labels_is_joined_to_its_rest() -> None:
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nSOVERN, MAURICE A., O/SA/DO/O\nWELLS,\nWILLIAM W.,\nDDO\n"
                            "LETELIER ASSASSINATION - ROSSELLI TRACES\n06/10/1977\n3"))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "SOVERN, MAURICE A., O/SA/DO/O", "WELLS, WILLIAM W., DDO", "LETELIER ASSASSINATION - ROSSELLI TRACES"]


def test_lines_are_joined_only_short_and_without_a_titles_shape() -> None:
    from desclasificado.archives.jfk.joins import join_cut_names
    from desclasificado.archives.jfk.lexicon import Group, Label, Value, kinds

    def joined(*lines: str) -> list[str]:
        group = Group([Label("from", False), Label("to", False), Label("title", False)],
                      [Value(line, kinds(line)) for line in lines])
        join_cut_names(group)
        return [value.text for value in group.values]

    assert joined("DEPUTY,", "IG", "MEMO ON THE PLAN.") == ["DEPUTY, IG", "MEMO ON THE PLAN."]
    assert joined("CHIEF,", "REQUEST FOR INFORMATION ON CUBA.") == ["CHIEF,", "REQUEST FOR INFORMATION ON CUBA."]
    assert joined("CHIEF,", "06/10/1977") == ["CHIEF,", "06/10/1977"]
    assert joined("STEVENS, M.", "D.", "CIA/CHIEF,", "SRS") == ["STEVENS, M. D.", "CIA/CHIEF, SRS"]
    assert joined("MEMO RE M.", "D.") == ["MEMO RE M.", "D."]  # initials after a name only


def test_two_names_then_a_line_too_long_for_a_name_are_from_to_and_the_title() -> None:
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nDIRECTOR\nMEXICO CITY\n"
                            "CHICOMS PLAN VISIT MEXICO UNDER AUSPICES GENERAL\nLAZARO CARDENAS\n11/08/1963\n2"))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "DIRECTOR", "MEXICO CITY", "CHICOMS PLAN VISIT MEXICO UNDER AUSPICES GENERAL LAZARO CARDENAS"]
    # a line that fits a name may be TO's: not known
    result = parse_rif(form("FROM\nTO\nTITLE\nDATE\nPAGES\nDIRECTOR\nMEXICO CITY\nCHICOMS PLAN VISIT MEXICO\n"
                            "LAZARO CARDENAS\n11/08/1963\n2"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")


def test_a_last_labels_own_value_read_before_the_columns_values_is_read_after_them() -> None:
    column = ("AGENCY ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES : 2\nCIA\nTURNER, STANSFIELD, DCI\nSTOKES,\n"
              "LOUIS, CHAIRMAN\nLETTER RE SUBPOENAS VOTED ON BY THE HSCA.\n08/25/1978")
    result = parse_rif(form(column))
    assert [result.fields[name] for name in ("originator", "from", "to", "title", "date", "pages")] == [
        "CIA", "TURNER, STANSFIELD, DCI", "STOKES, LOUIS, CHAIRMAN", "LETTER RE SUBPOENAS VOTED ON BY THE HSCA.",
        "1978-08-25", 2]
    # a last label of several lines (SUBJECTS) may go on below its line: the column is not read so
    subjects = parse_rif(form(column.replace("PAGES : 2", "PAGES\nSUBJECTS : KING, MARTIN L.")))
    assert (subjects.fields["from"], subjects.fields["to"]) == ("", "")


def test_a_line_naming_a_kind_of_document_is_a_title_never_a_name() -> None:
    def committee_form(line: str) -> str:  # not the CIA's, whose records all have a title
        return form(f"ORIGINATOR : SSCIA\nFROM:\nTO:\nTITLE:\n{line}\nDATE : 00/00/00\nPAGES : 4").replace(
            "AGENCY : CIA", "AGENCY : SSCIA")

    for title in ("CHRONOLOGY OF CASTRO ASSASSINATION PLANS", "WC LETTER", "MONGOOSE SCHEDULE",
                  "SUMMARY: PRE-ASSASSINATION MEXICO"):
        result = parse_rif(committee_form(title))
        assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", title)
    # an office is no such line: FROM, TO or the title, not known
    result = parse_rif(committee_form("MIAMI FILE OFFICE"))
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")


def test_an_office_named_by_its_rank_is_a_name_under_from_to_and_an_empty_title() -> None:
    column = "ORIGINATOR:\nFROM:\nTO:\nTITLE:\nDOS\nMX\n{}\nDATE: 11/25/1963\nPAGES: 2"
    for office in ("SECRETARY OF STATE", "DEPUTY DIRECTOR, PLANS"):
        result = parse_rif(form(column.format(office)))
        assert [result.fields[name] for name in ("originator", "from", "to", "title")] == ["DOS", "MX", office, ""]
    result = parse_rif(form(column.format("CUBAN EXILES IN MIAMI")))  # no name's shape: TO's or the title's
    assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")


def test_a_free_line_below_the_subjects_does_not_stop_the_names_above_from_being_read() -> None:
    # tesseract's reading of a form: one column of labels, then one of values, no headings
    lines = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : SSCIA\nRECORD NUMBER : 157-10011-10090\n"
             "RECORD SERIES : JFK\nAGENCY FILE NUMBER : 92-61-666\nORIGINATOR:\nFROM:\nTO:\nTITLE:\nDATE:\nPAGES:\n"
             "SUBJECTS:\nDOCUMENT TYPE:\nCLASSIFICATION:\nROCKEFELLER COMMISSION\nOLSEN, ROBERT\nFILE\n"
             "MATERIAL FROM ROCKEFELLER COMMISSION RE: E. HOWARD HUNT\n03/06/1975\n54\nBAY OF PIGS\n"
             "PAPER, TEXTUAL DOCUMENT\nUnclassified\nConsulted; Donor Restricted")

    def read(text: str) -> list[object]:
        result = parse_rif("## Page 1\n\n" + "\n\n".join(text.split("\n")) + "\n\n## Page 2\n\nText.\n")
        return [result.fields[name] for name in ("originator", "from", "to", "title")]

    assert read(lines) == ["ROCKEFELLER COMMISSION", "OLSEN, ROBERT", "FILE",
                           "MATERIAL FROM ROCKEFELLER COMMISSION RE: E. HOWARD HUNT"]
    # a free line between the title's lines and the subjects' may be the title's rest: not known
    assert read(lines.replace("54\n", "54\nAND HIS DAUGHTER\n").replace("SUBJECTS:\n", "")
                .replace("BAY OF PIGS\n", ""))[1:] == ["", "", ""]


def test_a_first_line_ending_with_a_colon_goes_on_in_the_lone_title_of_a_cia_form() -> None:
    middle = "FROM\nTO\nTITLE\nDATE\nPAGES\nMHCHAOS:\nBIOGRAPHIC DATA ON HENRY WINSTON.\n10/16/1965\n2"
    result = parse_rif(form(middle))
    assert (result.fields["from"], result.fields["to"]) == ("", "")
    assert result.fields["title"] == "MHCHAOS: BIOGRAPHIC DATA ON HENRY WINSTON."
    # a first line that can be a name: FROM's or TO's and the title, or one title: not known
    assert parse_rif(form(middle.replace("MHCHAOS:", "MHCHAOS"))).fields["title"] == ""


# The 2022 release's tesseract layout (no page markers; NARA's stamp ends the page) with every label in
# one column, the section headings among them, and the values after the column.
TESSERACT_COLUMN = """\
{2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992

JFK ASSASSINATION SYSTEM
IDENTIFICATION FORM

AGENCY INFORMATION

AGENCY
RECORD NUMBER
RECORD SERIES

AGENCY FILE NUMBER

DOCUMENT INFORMATION

AGENCY ORIGINATOR
FROM

TO

TITLE

DATE
PAGES

SUBJECTS

DOCUMENT TYPE :
CLASSIFICATION :

RESTRICTIONS
CURRENT STATUS
DATE OF LAST REVIEW

CIA
104-10101-10102

: JFK

80TO1357A

CIA
DIRECTOR

MEXICO CITY

CABLE: REQUEST ANSWERS REF SOONEST - HIGH LEVEL AGENT
11/30/1963

1

CUBA AGENT
PAPER, TEXTUAL DOCUMENT
SECRET

1B
RELEASED IN PART PUBLIC - RELEASED WITH DELETIONS
06/22/04

[R] - ITEM IS RESTRICTED 104-10101-10102

NW 53244 DocId:32404011 Page 1

Text.
"""
FIRST_FIELDS = ("agency", "record_number", "record_series", "originator", "from", "to", "title", "date", "pages")


def test_headings_among_a_column_of_labels_divide_the_labels_not_the_values() -> None:
    # the agency's values come first after the column: not the document's FROM and TO ("JFK", "80TO1357A")
    result = parse_rif(TESSERACT_COLUMN)
    assert [result.fields[name] for name in FIRST_FIELDS] == [
        "CIA", "104-10101-10102", "JFK", "CIA", "DIRECTOR", "MEXICO CITY",
        "CABLE: REQUEST ANSWERS REF SOONEST - HIGH LEVEL AGENT", "1963-11-30", 1]
    # a line lost among them: which value is whose is not known, and nothing is guessed
    for line, kept in (("80TO1357A\n", ""), ("DIRECTOR\n", ""), ("CIA\nDIRECTOR\n", "DIRECTOR\n")):
        assert TESSERACT_COLUMN.count(line) == 1
        result = parse_rif(TESSERACT_COLUMN.replace(line, kept))
        assert (result.fields["from"], result.fields["to"], result.fields["title"]) == ("", "", "")
        assert {"from", "to", "title"} <= set(result.missing) and result.reasons["from"]


def test_a_name_then_a_titles_line_under_from_to_and_title_give_the_title() -> None:
    # "FROM" / "TO" / "TITLE" then two lines, one of FROM and TO empty on the form: the second, with a
    # title's shape and a box of its own (its label's colon) or after a whole name, is the title
    middle = ("FROM\nTO\nTITLE\nDATE\nPAGES\n: CHIEF, SECURITY ANALYSIS GROUP, OS\n: FORM: TRANSMITTAL SLIP\n"
              "01/01/1976\n1")
    result = parse_rif(form(middle))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", "FORM: TRANSMITTAL SLIP"]
    assert result.reasons["from"] == result.reasons["to"] == "not attributable with certainty"
    middle = "FROM\nTO\nTITLE\nDATE\nPAGES\nSTEVENS, M. D.\nREVIEW OF THE FILES ON AMERICAN DEFECTORS.\n10/31/1960\n2"
    assert parse_rif(form(middle)).fields["title"] == "REVIEW OF THE FILES ON AMERICAN DEFECTORS."
    # a first line of another shape may be the title's own first line: nothing is read
    for first in ("TERMINATION", "MEMORANDUM FOR THE RECORD"):
        result = parse_rif(form(middle.replace("STEVENS, M. D.", first)))
        assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", ""]
    # a title of three lines after an office, or after a name when it opens with a document's kind
    wrapped = ("FROM\nTO\nTITLE\n{name}\nMEMO FOR: COMMENTS CONCERNING SSC DRAFT REPORT (THE\n"
               "PERFORMANCE OF THE INTELLIGENCE AGENCIES WITH RESPECT\nTO THE INVESTIGATION OF KENNEDY)\n"
               "DATE : 06/04/1976\nPAGES : 8")
    title = ("MEMO FOR: COMMENTS CONCERNING SSC DRAFT REPORT (THE PERFORMANCE OF THE INTELLIGENCE AGENCIES WITH "
             "RESPECT TO THE INVESTIGATION OF KENNEDY)")
    for name in ("INSPECTOR GENERAL", "GEORGE GAMBINO"):
        result = parse_rif(form(wrapped.format(name=name)))
        assert [result.fields[field] for field in ("from", "to", "title")] == ["", "", title]
    # a wrapped line that is a name, or a box of its own, is not the title's
    result = parse_rif(form(wrapped.format(name="INSPECTOR GENERAL").replace("\nTO THE INVESTIGATION", "\n: TO THE")))
    assert result.fields["title"] == ""


def test_a_line_above_the_titles_first_is_not_its_rest() -> None:
    # the name undecided between FROM and TO stands above the title: it is not the title's end
    middle = ("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nBROWN, ROBERT\n"
              "POLICE HOLDING 13 AMERICANS WHO SET UP ARMED CAMP.\n10/25/1968\n2")
    result = parse_rif(form(middle))
    assert result.fields["title"] == "POLICE HOLDING 13 AMERICANS WHO SET UP ARMED CAMP."
    assert result.fields["from"] == result.fields["to"] == ""


def test_a_date_read_just_before_its_label_is_the_documents() -> None:
    middle = ("ORIGINATOR\nFROM\nTO\nTITLE\nCIA\nMEMO: SENATE SELECT COMMITTEE REQUESTS FOR WITNESSES\n01/01/1978\n"
              "DATE\nPAGES\n5")
    result = parse_rif(form(middle))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("1978-01-01", "1997-06-20")
    # with the review's date lost too, which of the two a date after 1992 is is not known
    later = form(middle.replace("1978", "1998"))
    result = parse_rif(later.replace("DATE OF LAST REVIEW : 06/20/97", "DATE OF LAST REVIEW"))
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("", "")
    # a count is not moved so: "DATE : 7" / "PAGES" is a garbled date's, not the pages'
    result = parse_rif(form(middle.replace("01/01/1978\nDATE\nPAGES\n5", "DATE : 7\nPAGES")))
    assert result.fields["pages"] in ("", None) and result.fields["date"] == ""


def test_an_abbreviation_the_text_gives_with_one_slip_less_is_left_blank() -> None:
    body = "\n## Page 2\n\nSUBJECT: Vladimir Lahera - Admission to the U.S.\nadmission to the U.S. of his family\n"
    text = form("FROM : WH/C/CO\nTO : DIRECTOR OF SECURITY\nTITLE : ADMISSION TO THE J.S. OF WIFE AND CHILDREN.\n"
                "DATE : 04/12/1965\nPAGES : 2").replace("\n## Page 2\n\nText.\n", body)
    result = parse_rif(text)
    assert result.fields["title"] == "" and "ADMISSION TO THE U.S. OF WIFE" in result.reasons["title"]
    # the form's own letters in the text, or no reading of them with one slip there, are kept
    for other in ("J.S.", "U.K."):
        assert parse_rif(text.replace("U.S.", other)).fields["title"] == "ADMISSION TO THE J.S. OF WIFE AND CHILDREN."


def test_a_title_that_opens_with_a_later_labels_word_is_the_titles() -> None:
    # "TITLE" / "COMMENTS ON ..." / "DATE": a label of a field below PAGES read between TITLE and DATE
    for title in ("COMMENTS ON THE NOSENKO DRAFT.", "SUBJECT: LUISA NELIA RODRIGUEZ TIMONEDA, ET AL."):
        middle = f"FROM\n: ALIEN AFFAIRS STAFF\nTO : FILE\nTITLE\n{title}\nDATE\n: 04/22/1965\nPAGES\n: 1"
        result = parse_rif(form(middle))
        assert (result.fields["title"], result.fields["date"], result.fields["pages"]) == (title, "1965-04-22", 1)
        assert result.fields["subjects"] == ["CIA PERSONNEL"] and "JFK64-55" in result.fields["comments"]
    # a label with its value read there is the label, not the title
    result = parse_rif(form("FROM : ALIEN AFFAIRS STAFF\nTO : FILE\nTITLE\nRESTRICTIONS 1A\nDATE : 04/22/1965\n"
                            "PAGES : 1").replace("RESTRICTIONS : 1B", ""))
    assert (result.fields["title"], result.fields["restrictions"]) == ("", "1A")
    # not after a TITLE that has its value, nor without DATE or PAGES after it: the form's own label
    result = parse_rif(form("FROM : ALIEN AFFAIRS STAFF\nTO : FILE\nTITLE : REQUEST\nCOMMENTS ON THE DRAFT\n"
                            "DATE : 04/22/1965\nPAGES : 1"))
    assert result.fields["title"] == "REQUEST"


def test_a_bare_labels_line_then_a_lost_labels_value_behind_its_colon() -> None:
    # "FROM" / its line / ": MULTIPLE ADDRESSEES" / "TITLE": TO's label lost, its value behind the colon
    middle = "FROM\n{first}\n{second}\nTITLE : HEMMING, GERALD PATRICK\nDATE : 12/15/1977\nPAGES : 4"
    result = parse_rif(form(middle.format(first="SWIFT, GERALD J., OPERATIONS", second=": MULTIPLE ADDRESSEES")))
    assert [result.fields[name] for name in ("from", "to")] == ["SWIFT, GERALD J., OPERATIONS", "MULTIPLE ADDRESSEES"]
    # the form's placeholder behind the colon is TO's box, given as no value: FROM keeps its line
    result = parse_rif(form(middle.format(first=": DIRECTOR", second=": WITHHELD")))
    assert [result.fields[name] for name in ("from", "to")] == ["DIRECTOR", ""]
    assert "the form gives no value" in result.reasons["to"]
    # without the colon, the second line may be the rest of FROM: nothing is read
    result = parse_rif(form(middle.format(first="SWIFT, GERALD J., OPERATIONS", second="MULTIPLE ADDRESSEES")))
    assert [result.fields[name] for name in ("from", "to")] == ["", ""]


def test_the_boxs_edge_read_as_a_bar_after_a_value_is_not_part_of_it() -> None:
    middle = ("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nCIA\nMEXICO CITY\nDIR\n"
              "CABLE: PLAN FOR POLYGRAPHING ALVARADO |\n12/05/1963\n3")
    result = parse_rif(form(middle))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "MEXICO CITY", "DIR", "CABLE: PLAN FOR POLYGRAPHING ALVARADO"]
    # a bar inside a value is still the OCR's garble
    assert parse_rif(form(middle.replace("ALVARADO |", "AL|VARADO"))).fields["title"] == ""


def test_a_date_after_the_document_heading_is_the_forms_not_the_print_date() -> None:
    # tesseract garbled ORIGINATOR, FROM, TO and TITLE: "DATE : 12/09/63" is still below DOCUMENT INFORMATION
    text = HEAD + "ORTEINATOR : Nea\n\nset TITL ae\n\nDATE : 12/09/63\n\nPAGES : 1\n" + TAIL
    assert parse_rif(text).fields["date"] == "1963-12-09"
    # the print date above the form's headings stays the header's
    assert parse_rif(text.replace("Date: 12/07/04", "Date: 12/07/04\n\nPAGE: 1")).fields["date"] == "1963-12-09"


def test_from_with_its_last_letter_lost_after_the_originator_is_from() -> None:
    for line, value in (("FRO HQ", "HQ"), ("FROH : LAO", "LAO")):
        middle = f"ORIGINATOR : FBI\n{line}\nTO : CIA\nTITLE : LIAISON MATERIAL\nDATE : 05/03/1963\nPAGES : 2"
        result = parse_rif(form(middle))
        assert (result.fields["from"], result.fields["to"]) == (value, "CIA")
    # not elsewhere: a word of a value is not taken for the label
    middle = "ORIGINATOR : FBI\nFROM : HQ\nTO : CIA\nTITLE : LIAISON MATERIAL\nFRO HQ\nDATE : 05/03/1963\nPAGES : 2"
    assert parse_rif(form(middle)).fields["from"] == "HQ"


def test_the_one_line_under_to_and_title_of_a_cia_form_is_the_title_when_from_has_its_own() -> None:
    middle = "FROM\n: C, ALIEN AFFAIRS STAFF\nTO\nTITLE\nDATE\nPAGES\n: MEMO ON PEDRO DIAZ LANZ #202923\n10/26/1959\n1"
    result = parse_rif(form(middle))
    assert [result.fields[name] for name in ("from", "to", "title")] == [
        "C, ALIEN AFFAIRS STAFF", "", "MEMO ON PEDRO DIAZ LANZ #202923"]
    # TO's label lost: the one line under FROM and TITLE is the title too
    result = parse_rif(form("FROM\nTITLE\nDATE\nPAGES\nSPECIAL ACCESS AND/OR BILLET APPROVAL\n: 07/13/1973\n: 1"))
    assert (result.fields["from"], result.fields["title"]) == ("", "SPECIAL ACCESS AND/OR BILLET APPROVAL")
    # a name's line, or an office's by its rank, may be TO's; and another agency's form may have no title
    for name in (": LANZ, PEDRO", ": DIRECTOR OF SECURITY"):
        assert parse_rif(form(middle.replace(": MEMO ON PEDRO DIAZ LANZ #202923", name))).fields["title"] == ""
    assert parse_rif(form(middle).replace("AGENCY : CIA", "AGENCY : HSCA")).fields["title"] == ""


def test_a_persons_name_first_under_the_originator_leaves_the_originator_empty() -> None:
    middle = ("ORIGINATOR\nFROM\nTO\nTITLE\nDATE\nPAGES\nSMITH, MARVIN L., C/OG\nGREGG, DONALD P., PCS/LOC\n"
              "REQUEST FROM HOUSE SELECT COMMITTEE ON ASSASSINATIONS.\n08/25/1978\n5")
    result = parse_rif(form(middle))
    assert [result.fields[name] for name in ("originator", "from", "to")] == [
        "", "SMITH, MARVIN L., C/OG", "GREGG, DONALD P., PCS/LOC"]
    assert result.fields["title"] == "REQUEST FROM HOUSE SELECT COMMITTEE ON ASSASSINATIONS."
    # a line too many for the labels after the originator: which is empty is not known
    result = parse_rif(form(middle.replace("GREGG, DONALD P., PCS/LOC\n", "GREGG, DONALD P., PCS/LOC\nFILE\n")))
    assert [result.fields[name] for name in ("from", "to", "title")] == ["", "", ""]

"""Each rule that vets a value read on the form: blank with a reason, never a guess; OCR slips with one reading."""

from __future__ import annotations

import pytest

from desclasificado.archives.jfk.fields import joined, normalize_date
from desclasificado.archives.jfk.lexicon import is_stamp, value_text
from desclasificado.archives.jfk.ocrfix import closest_agency, correct_text
from desclasificado.archives.jfk.rif import parse_rif
from desclasificado.archives.jfk.vetting import vet_text


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("from", "WITHHELD", "the form gives no value"),
    ("title", "WITHHELI", "the form gives no value"),
    ("title", "[Restricted]", "the form gives no value"),
    ("from", "[ RESTRICTED ]", "the form gives no value"),
    ("title", "Assassination Flecords Collection Act of", "not a value"),
    ("title", "65994 Diate: 11-01-2021", "not a value"),
    ("title", "Kennedy Assassination", "not a value"),
    ("title", "1992 144 USC 2107 Motel. Caset Nu", "not a value"),
    ("to", "CHIEF,", "cut short"),
    ("to", "GREGG, DONALD P.,", "cut short"),
    ("from", "MILLER, LYLE:", "cut short"),
    ("to", "MEMO FOR THE", "cut short"),
    ("title", "REPORT: LEADS INVESTIGATED BY CIA/DESCRIPTION OF", "cut short"),
    ("title", "MCDONALD, HUGH C. [DURING DECEMBER 1975, FILE REVIEWS WERE CONDUCTED ...1.", "cut short"),  # "]" lost
    ("title", "REPORT OF PROCEEDINGS/TRANSCRIPT iit DATE : 01/11/76", "another label"),
    ("title", "a ORIGINATOR CENTRAL INTELLIGENCE AGENCY i FROM: CIA if TO:", "another label"),
    ("title", "00: /2980CAN DEFECTORS STAFF", "garbled"),
    ("title", "HOUSE 0o SEC CO0E/18, EF ON ASASIMATIONS (ASCA) REQUEST.", "garbled"),
    ("title", "2x/0/ _|1254-63: [___] pecrees 3-DAY MOURNING PERIOD; FOREIGN", "garbled"),
    ("originator", "A", "not an agency"),
    ("title", "STURGIS, FRANE PACES : 08/26/1977", "another label"),
    ("title", "MEMO: TELEPHONE CONVERSATION W/KENNETH BROOTEN, FORMER ASST. COUNSEL HSCA 05/16/1977•", "date runs"),
    ("to", "HQ i", "garbled"),
    ("title", 'FIELD INFORMATION REPORT: "SUPPORT FOR PROJECTED REVOLUTIONARY MOVEMENTS*', "garbled"),  # the quote
    ("title", "MEMO RE *ORESTES GUILLERMO", "garbled"),
    ("to", "HO", "HQ with its Q read as O"),  # or the form's own HO, as a few of NARA's rows give it
    ("from", "HOS.", "HQ with its Q read as O"),
    ("to", "cscs", "without a capital letter"),  # CJCS in lower case: c, s, o look alike in both cases
    ("from", "FORSYTH, THOMAS G. HI", "a scrap after the initial"),
    ("originator", "HOWARD J. OSBORN", "a person's name"),
])
def test_a_value_not_to_be_trusted_is_left_blank_with_its_reason(name: str, text: str, reason: str) -> None:
    kept, why = vet_text(name, text)
    assert kept == "" and why and reason in why


@pytest.mark.parametrize(("name", "text", "kept"), [
    ("title", "CABLE RE OPERATIONS:", "CABLE RE OPERATIONS"),  # the OCR's period
    ("originator", "FBI -", "FBI"),
    ("title", "THE PRESIDENT'S INTELLIGENCE CHECKLIST/20-30 NOV 1963 (11 REPORTS) :",
     "THE PRESIDENT'S INTELLIGENCE CHECKLIST/20-30 NOV 1963 (11 REPORTS)"),
    ("to", "NONE", "NONE"),  # the form's own word, kept
    ("title", "MEMO RE SR-6 AND 66TH CIC GP, T3767-63", "MEMO RE SR-6 AND 66TH CIC GP, T3767-63"),
    ("from", "SHEPANER, NORBERT, O/SA/DO/O", "SHEPANER, NORBERT, O/SA/DO/O"),  # a name is never changed
    ("title", "[No Title]", ""),  # empty on the form: no reason, the record asks for a title
    ("from", "ROEMER, WILLIAM F. JR", "ROEMER, WILLIAM F. JR"),
    ("to", "HUNT, E. H.", "HUNT, E. H."),
    ("title", "REPORT OF CALL WITH [DELETED] DO/OS.", "REPORT OF CALL WITH [DELETED] DO/OS."),
    ("to", "MEMO FOR HOS", "MEMO FOR HQS"),  # HO among other words: HQ
    ("from", "ROETHE, JAMES, N. *", "ROETHE, JAMES, N. *"),  # an asterisk apart from the words: a mark, not a letter
])
def test_a_sound_value_is_kept(name: str, text: str, kept: str) -> None:
    assert vet_text(name, text) == (kept, None)


@pytest.mark.parametrize(("text", "fixed"), [
    ("CHIEE, FOREIGN DIVISION M", "CHIEF, FOREIGN DIVISION M"),
    ("COTTER. CHIEF, ALIEN AFFAIRS STAFE", "COTTER. CHIEF, ALIEN AFFAIRS STAFF"),
    ("DISPAICH: MONTHLY REPORT FOR PROJECI LIENVOY", "DISPATCH: MONTHLY REPORT FOR PROJECT LIENVOY"),
    ("UMWAVE CABLE RE ENROLLING", "JMWAVE CABLE RE ENROLLING"),
    ("LAD/JEK TASK FORCE", "LAD/JFK TASK FORCE"),
    ("REOUEST FOR ASSISTANCE", "REQUEST FOR ASSISTANCE"),
    ("C/WESTERN REMISPHERE DIV.", "C/WESTERN HEMISPHERE DIV."),
    ("MEMO FOR HOS", "MEMO FOR HQS"),
    ("JAMES EARL GALT.", "JAMES EARL GALT."),  # not GAIT: L is not a slip for I
    ("LA/EICO", "LA/EICO"),  # too short to tell
    ("MEXIICO CITY", "MEXICO CITY"),  # a letter of one stroke read twice
    ("AN ASCA REQUEST", "AN HSCA REQUEST"),  # one letter of a long agency code
    ("CHIEF COUNSEL SCA", "CHIEF COUNSEL HSCA"),  # a letter of a long agency code lost
    ("NASA AND THE USSR", "NASA AND THE USSR"),  # near NARA and USSS, and not them
    ("THE LIRING-3 OPERATION", "THE LIRING-3 OPERATION"),  # a numbered cryptonym, not LIKING
    ("00/CONTACT DIVISION", "OO/CONTACT DIVISION"),
    ("MEMO ÓN HSCA REQUEST", "MEMO ON HSCA REQUEST"),  # no accents on a typed English form
    ("AGENT, (ENU) MORA.", "AGENT, (FNU) MORA."),  # first name unknown
    ("INVOLVEMENT IN THE JOHN E. KENNEDY ASSASSINATION", "INVOLVEMENT IN THE JOHN F. KENNEDY ASSASSINATION"),
    ("LOCATED AT TRE WARRENTON RECORDS CENTER", "LOCATED AT THE WARRENTON RECORDS CENTER"),
    ("JOHN E. SMITH", "JOHN E. SMITH"),
    ("KIILDUFF", "KIILDUFF"),  # not a word with the letter dropped either: a name, kept as read
])
def test_ocr_slips_with_one_reading_are_corrected(text: str, fixed: str) -> None:
    assert correct_text(text) == fixed


@pytest.mark.parametrize(("read", "agency"), [("SCA", "HSCA"), ("CLA", "CIA"), ("FBL", "FBI"), ("ARR", "ARRB"),
                                               ("CIA", "CIA"), ("NOTAPP", None), ("A", None)])
def test_an_originator_one_letter_from_one_agency_is_that_agency(read: str, agency: str | None) -> None:
    assert closest_agency(read) == agency


def test_the_placeholder_date_00_00_00_is_no_date() -> None:
    assert normalize_date("00/00/00")[0] == ""
    assert "placeholder" in (normalize_date("00/00/0000")[1] or "")
    assert normalize_date("00/00/1967") == ("1967", None)


def test_the_print_date_cut_at_the_pages_edge_is_a_stamp() -> None:
    assert is_stamp("5/21/201") and not is_stamp("5/21/2017") and not is_stamp("05/21/64")


def test_garbled_release_stamps_and_dashes() -> None:
    assert is_stamp("Kennedy Assassination Mecords Lollection Act of")
    assert is_stamp("66000 Diate: 11-03-2021")
    assert not is_stamp("KENNEDY ASSASSINATION")  # a title may say it in capitals
    assert value_text("— 12/03/1963") == "12/03/1963"
    assert is_stamp("Best availabie image")
    assert joined(["NSA SIGINT COMMAND CENTER - RECORD OF EVENTS RI"]) == "NSA SIGINT COMMAND CENTER - RECORD OF EVENTS"


def test_a_withheld_value_is_blank_and_says_why_in_the_reading() -> None:
    form = ("## Page 1\n\nJFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY INFORMATION\nAGENCY : CIA\n"
            "RECORD NUMBER : 104-10057-10223\nRECORD SERIES : JFK\nAGENCY FILE NUMBER : 80T01357A\n"
            "DOCUMENT INFORMATION\nAGENCY ORIGINATOR : CIA\nFROM : WITHHELD\nTO : CHIEE, WH DIVISION\n"
            "TITLE : JAMES EARL GALT.\nDATE : 04/25/1968\nPAGES : 1\n")
    result = parse_rif(form)
    assert result.fields["from"] == "" and "from" in result.missing
    assert result.reasons["from"] == "the form gives no value ('WITHHELD')"
    assert result.fields["to"] == "CHIEF, WH DIVISION"
    assert any("'CHIEE, WH DIVISION' read as 'CHIEF, WH DIVISION'" in w for w in result.warnings)
    assert result.fields["title"] == "JAMES EARL GALT."


def test_a_date_away_from_its_label_is_not_taken_while_another_date_of_its_era_is_loose() -> None:
    # tesseract read the labels in a column, then the review date and the document date below them.
    form = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY :\n: 176-10036-10086\nRECORD SERIES :\n"
            "RECORD NUMBER\nAGENCY FILE NUMBER ::\nNARA\nNational Security Files\nDATE\nPAGES :\nSUBJECTS :\n"
            "DOCUMENT TYPE :\nCLASSIFICATION :\nRESTRICTIONS :\nCURRENT STATUS :\n: 9/10/2000\n"
            "OPENING CRITERIA :\nCOMMENTS :\nDATE OF LAST REVIEW\nmote\nORIGINATOR :\nFROM :\nTO:\nTITLE :\n"
            "Views...Possible Coup D'Etat\n: 6/15/1962\n2\n")
    # a document's date before 1992 and a review's after: each is known
    result = parse_rif(form)
    assert (result.fields["date"], result.fields["date_of_last_review"]) == ("1962-06-15", "2000-09-10")
    # two dates of the review's era: which is which is not known
    result = parse_rif(form.replace("6/15/1962", "6/15/1995"))
    assert result.fields["date"] == "" and result.fields["date_of_last_review"] == ""
    assert "date" in result.missing


def test_a_titles_sentence_is_told_from_a_name() -> None:
    from desclasificado.archives.jfk.lexicon import is_sentence

    assert is_sentence("REQUEST FOR COPY OF VARIOUS CABLES.") and is_sentence("MEMO ON WILLIAM DOUGLAS PAWLEY.")
    assert not is_sentence("ROEMER, WILLIAM F. JR.") and not is_sentence("LOUISANA METRO. CRIME COMMISSION.")
    assert not is_sentence("MEMO FOR THE RECORD") and not is_sentence("JOSEPH A. CALIFANO, JR.")
    assert is_sentence("MESSAGE: INFORMATION JAMES EARL RAY.") and is_sentence("NAME CHECK REQUEST - LYDIA DYMITRUK")
    assert is_sentence("POLICE HOLDING 13 AMERICANS WHO SET UP ARMED CAMP.")
    assert is_sentence("FORM: OFFICIAL ROUTING SLIP: ATTACHED IS MATERIAL FOR")  # a form, as NARA titles it
    assert not is_sentence("CHIEF, INFORMATION SYSTEMS ANALYSIS") and not is_sentence("STURBITTS, WILLIAM, LA/EICO")


def test_a_label_behind_a_scrap_of_the_boxes_rules_is_read_when_it_has_its_colon() -> None:
    from desclasificado.archives.jfk.lexicon import match_label

    found = match_label("k DATE: — 12/18/1963")
    assert found and (found.field, found.rest) == ("date", "— 12/18/1963")
    found = match_label("fee CURRENT STATUS: | Redact")
    assert found and found.field == "current_status"
    found = match_label("Hy FROM: SAC, WMFO")
    assert found and (found.field, found.rest) == ("from", "SAC, WMFO")
    found = match_label("H DATE OF LASTREVIEW: 07/30/1998")
    assert found and (found.field, found.rest) == ("date_of_last_review", "07/30/1998")
    assert match_label("in DATE 12/18/1963") is None and match_label("Re DATES OF TRAVEL") is None
    found = match_label('“"* SDATE : 12/31/63')  # a letter glued to the label
    assert found and (found.field, found.rest) == ("date", "12/31/63")
    assert match_label("STORE: X") is None


def test_a_date_after_the_last_review_one_of_them_read_away_from_its_label_leaves_both_blank() -> None:
    from desclasificado.archives.jfk.form import RifResult
    from desclasificado.archives.jfk.vetting import vet_fields

    def vetted(date: str, review: str, moved: bool) -> tuple[object, object]:
        warnings = [f"date: {date!r} read away from its label"] if moved else []
        result = RifResult(fields={"date": date, "date_of_last_review": review}, warnings=warnings)
        vet_fields(result)
        return result.fields["date"], result.fields["date_of_last_review"]

    assert vetted("1998-10-19", "1962-03-27", moved=True) == ("", "")
    assert vetted("1978-05-29", "1909-07-22", moved=False) == ("1978-05-29", "1909-07-22")
    assert vetted("1962-03-27", "1998-10-19", moved=True) == ("1962-03-27", "1998-10-19")


def test_restrictions_include_statutes_codes_and_consulted() -> None:
    from desclasificado.archives.jfk.lexicon import kinds

    for text in ("4; 10(a)2; 11(a)", "Consulted", "Consulted; 1A; 1B; 1C; 2; 4; 11(a)", "1B; 4"):
        assert "restriction" in kinds(text), text
    assert "restriction" not in kinds("3110(b)")

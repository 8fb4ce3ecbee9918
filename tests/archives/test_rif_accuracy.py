"""The accuracy floor of import-rif on the development set, scored against NARA's catalogue.

The floor is what the reader reaches today (benchmarks/rif_accuracy.py prints the figures); a
change that makes it read more wrong values, or fewer right ones, fails here. Issue 13's targets
(2021-like OCR: 95% right, 0.5% wrong; tesseract: 85% right, 1% wrong) are above it.
"""

from __future__ import annotations

import pytest

from benchmarks.rif_accuracy import RELEASES, Tally, measure
from tests.shared import SHARED

FORMS = SHARED / "corpus" / "jfk-forms"
# release: (at least right %, at most wrong %), both parts together
FLOOR = {"2021": (91.2, 0.35), "2022": (85.3, 0.55)}


@pytest.mark.skipif(not (FORMS / "nara-2021.csv").is_file(), reason=f"the development set is not at {FORMS}")
def test_the_reader_keeps_its_accuracy_on_the_development_set() -> None:
    tallies, _, _ = measure(FORMS, jobs=2)
    for release in RELEASES:
        total = Tally()
        for (of, _part), tally in tallies.items():
            if of == release:
                for name, counts in tally.counts.items():
                    total.counts[name] = [a + b for a, b in zip(total.counts[name], counts, strict=True)]
        right, _, wrong = total.rates()
        least_right, most_wrong = FLOOR[release]
        assert right >= least_right and wrong <= most_wrong, (release, f"right {right:.1f}%, wrong {wrong:.2f}%")


def test_the_comparison_takes_the_same_value_written_as_nara_writes_it_and_nothing_else() -> None:
    from desclasificado.archives.jfk.catalog import same

    assert same("title", "REPORT OF CALL WITH [DELETED] DO/OS.", "Report of call with Shirley Stetson DO/OS")
    assert not same("title", "REPORT OF CALL WITH [DELETED] DO/OS.", "Report of call with DO/OS")
    assert not same("title", "REPORT OF CALL WITH [DELETED]", "Report of a meeting with Stetson")
    assert same("title", "REPORT ON EXAMINATION OF MATERIAL RELATED TO OSWALD", "Report on Examination of Material…")
    assert not same("title", "REPORT ON", "Report on Examination of Material…")
    assert same("to", "NONE", "") and same("to", "", "NONE") and not same("title", "NONE", "")
    assert same("date", "1967", "1967-01-01") and same("date", "1967-05", "1967-05-01")
    assert not same("date", "1967", "1967-05-01") and not same("date", "1967-01-01", "1967")
    assert same("pages", 1, "", released=2, pdf_pages=2) and not same("pages", 1, "", released=2, pdf_pages=3)
    assert same("title", "SOVIET DELEGATIONS TO THE UK.", "SOVIET DELEGATIONS TO THE U.K.")
    # NARA's titles of NSA reports leave out the report's number, and may end cut with ". . ."
    assert same("title", "3/0 T3767-63: EGYPTIAN REACTION TO PRESIDENT KENNEDY'S MURDER", "Egyptian Reaction to…")
    assert same("title", "3/0/___13747-63: PRESIDENT KENNEDY'S DEATH NEW BASIS", "President Kennedy's Death New . . .")
    assert not same("title", "3/0 T3767-63: EGYPTIAN REACTION", "Syrian Reaction")
    assert same("from", "ERICKSON, CA JR", "Erickson, C A JR") and not same("from", "ERICKSON, CA", "ERICKSON, C")
    assert same("originator", "ROCKEFELLER COMMISSION", "ROCK") and same("originator", "NSA", "NSA NSA NSA")
    assert not same("originator", "CIA", "FBI") and not same("originator", "NSA", "NSA CIA")
    assert same("pages", 3, 3) and same("pages", 2, 3, released=2) and not same("pages", 4, 3, released=2)


def test_the_catalogues_placeholders_for_no_date_are_no_date() -> None:
    from desclasificado.archives.jfk.catalog import catalog_date

    # the form's placeholder 01/01/1900 is 01/01/2000 in NARA's spreadsheet: no date, as 00/00/0000
    assert catalog_date("01/01/2000") == catalog_date("00/00/0000") == catalog_date("01/01/1900") == ""
    assert catalog_date("01/02/2000") == "2000-01-02" and catalog_date("01/01/1964") == "1964-01-01"


@pytest.mark.skipif(not (FORMS / "nara-2021.csv").is_file(), reason=f"the development set is not at {FORMS}")
def test_an_erratum_must_quote_the_forms_own_line(tmp_path) -> None:
    from benchmarks.rif_accuracy import ERRATA, load_errata

    assert load_errata(FORMS)[("104-10147-10010", "originator")] == "FBI"
    bad = tmp_path / "errata.csv"
    bad.write_text(ERRATA.read_text(encoding="utf-8").splitlines()[0] + "\n"
                   "104-10147-10010,originator,CIA,AGENCY ORIGINATOR : CIA,CIA\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="is not on the form of 104-10147-10010"):
        load_errata(FORMS, bad)


def test_pages_where_nara_gives_none_of_the_documents_are_not_scored_unless_fewer_than_released() -> None:
    from pathlib import Path

    from desclasificado.archives.jfk.catalog import CatalogRow
    from desclasificado.archives.jfk.importer import FileReport

    def scored(read: int, listed: int | str, released: int | None) -> tuple[list[int], int]:
        tally = Tally()
        row = CatalogRow("124-10195-10230", {"title": "A MEMO", "pages": listed}, released)
        tally.add(FileReport(Path("x.md"), "created", fields={"title": "A MEMO"}, form_pages=read, pages=3), row)
        return tally.counts["pages"], len(tally.unverified)

    assert scored(14, "", 2) == ([0, 0, 0], 1)  # an FBI form counts the document's 14 pages, 2 released
    assert scored(1, "", 5) == ([0, 0, 1], 0)  # fewer than the pages released: wrong
    assert scored(14, 2, 2) == ([0, 0, 1], 0)  # NARA gives the document's pages: scored

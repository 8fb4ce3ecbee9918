"""JFK records that correct their catalogue: a date of their own, and how the text was made."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, SEED
from tests.sitekit import SiteProject

DOC = "176-10033-10152"


def _project(tmp_path: Path) -> SiteProject:
    project = SiteProject(tmp_path / "project")
    for suffix in (".yaml", ".md"):
        project.write(f"documents/{DOC}{suffix}", (REPO / "documents" / f"{DOC}{suffix}").read_text())
    return project


def test_a_document_dated_otherwise_than_its_catalogue_shows_both_and_why(tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    page = project.page(f"documents/{DOC}/")
    rows = {r.find("th").words(): r.find("td").words()
            for r in page.find("table", class_="identification").find_all("tr")[1:]}
    assert rows["Date"] == "15 February 1961"
    assert rows["Catalogue date"] == "15 February 1951"
    assert rows["About the date"].startswith("NARA's identification form (page 1 of the PDF) "
                                             "dates it 2/15/1951")
    assert "February 15, 1961" in (REPO / "documents" / f"{DOC}.md").read_text()
    assert "DATE : 2/15/1951" in (REPO / "documents" / f"{DOC}.md").read_text()


def test_a_catalogue_date_needs_a_note_and_must_differ(tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = project.root / "documents" / f"{DOC}.yaml"
    text = path.read_text()
    note = next(line for line in text.splitlines() if line.startswith("date_note:"))
    path.write_text(text.replace(note + "\n", ""))
    code, lines = project.check()
    assert code == 1 and any(f"documents/{DOC}.yaml:5:17: error: a catalogue_date needs a "
                             "date_note" in line for line in lines), lines
    path.write_text(text.replace('catalogue_date: "1951-02-15"', 'catalogue_date: "1961-02-15"'))
    code, lines = project.check()
    assert code == 1 and any("catalogue_date is the same as date" in line for line in lines), lines


def test_the_seed_says_what_was_cleaned_and_where_pages_break(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    note = project.page(f"documents/{SEED}/").find("div", class_="transcript-note").words()
    assert "What was done to the text: The text is the seed's cleaned transcript" in note
    assert "page 3 at 'persons in numerous points of entry'" in note

"""import-rif at scale: folders, bad input refused with one line, NARA's catalogue as a source."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desclasificado.archives.jfk.importer import import_rif
from desclasificado.archives.jfk.report import ImportReport, format_summary
from desclasificado.cli import main
from tests.archives.test_rif import synthetic

CATALOG_HEAD = "record_number,transcript,doc_date,title,originator,from,to,doc_type,record_series,file_number," \
               "num_pages,pages_released,review_date,comments\n"


COLUMNS_FORM = ("JEK ASSASSINATION SYSTEM\n\nIDENTIFICATION\n\nFORM\n\nAGENCY INFORMATION\n\nAGENCY\n\n"
                "RECORD NUMBER\n\nRECORD SERIES\n\nCIA\n\n176-99999-00004\n\nJFK\n")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.md", b"", "empty file"),
    ("blank.md", b"\n\n  \n", "empty file"),
    ("scan.md", b"%PDF-1.4\x00\x01\x02binary", "binary data, not a text transcript"),
    ("latin1.md", "caf\u00e9 ## Page 1".encode("latin-1"), "not UTF-8 text"),
    ("176-99999-00002.md", synthetic(),
     "the form's record number is 176-99999-00001, the file is named 176-99999-00002"),
    ("two.md", synthetic() + "\n## Page 3\n\n" + synthetic().split("## Page 1", 1)[1].split("---")[0].replace(
        "176-99999-00001", "176-99999-00003"), "two identification forms in one file"),
    ("noform.md", "## Page 1\n\nSECRET\nCITE WAVE 1234\nTO DIRECTOR\n", "no identification form"),
    # the second form read in columns (its labels, then its values), right after a one-page first
    ("176-99999-00001.md", synthetic() + "\n## Page 3\n\n" + COLUMNS_FORM,
     "two identification forms in one file (176-99999-00001, 176-99999-00004)"),
])
def test_bad_input_is_refused_with_one_line_naming_the_file(tmp_path: Path, name: str, data: bytes | str,
                                                             reason: str) -> None:
    source = write(tmp_path / name, data)
    (item,) = import_rif(source, tmp_path / "documents").files
    assert item.status == "failed" and item.reason.startswith(reason) and "\n" not in item.reason
    assert not (tmp_path / "documents").exists()


def test_a_sentence_naming_identification_forms_is_not_a_second_form(tmp_path: Path) -> None:
    text = synthetic() + ("\n## Page 3\n\nA list of the records, identified by their unique JFK Record "
                          "Identification Form (RIF)\nnumbers, is available:\n\n111-10001-10090 119-10001-10402\n")
    (item,) = import_rif(write(tmp_path / "176-99999-00001.md", text), tmp_path / "documents").files
    assert item.status == "created", item.reason


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    source = tmp_path / "huge.md"
    with source.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    (item,) = import_rif(source, tmp_path / "documents").files
    assert item.status == "failed" and item.reason.startswith("too large for a transcript (50 MB")


def test_a_folder_is_imported_and_summarized(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    for number in range(1, 4):
        record = f"176-99999-0000{number}"
        write(folder / f"{record}.md", synthetic().replace("176-99999-00001", record))
    write(folder / "broken.md", b"")
    write(folder / "notes.pdf", b"%PDF")  # not a transcript: not looked at
    root = tmp_path / "project"
    assert main(["import-rif", str(folder), "--jobs", "1"], root=root) == 1  # one file refused
    out = capsys.readouterr().out
    assert sorted(p.name for p in (root / "documents").glob("*.yaml")) == [
        "176-99999-00001.yaml", "176-99999-00002.yaml", "176-99999-00003.yaml"]
    assert "4 files: 3 records written (3 new, 0 overwritten), 0 skipped (already there), 1 refused" in out
    assert f"  {folder / 'broken.md'}: empty file" in out
    # again: nothing is overwritten without --force
    assert main(["import-rif", str(folder)], root=root) == 1
    assert "3 skipped (already there)" in capsys.readouterr().out


def test_the_same_record_twice_in_one_import_is_written_once(tmp_path: Path) -> None:
    first, second = write(tmp_path / "a.md", synthetic()), write(tmp_path / "b.md", synthetic(title="Other"))
    report = import_rif([first, second], tmp_path / "documents")
    assert [item.status for item in report.files] == ["created", "failed"]
    assert "another file of this import is also 176-99999-00001" in report.files[1].reason
    assert "A test memorandum" in (tmp_path / "documents" / "176-99999-00001.yaml").read_text(encoding="utf-8")


def test_many_files_in_parallel_give_the_same_records(tmp_path: Path) -> None:
    sources = [write(tmp_path / "in" / f"176-99999-{n:05d}.md", synthetic().replace("176-99999-00001",
                                                                                     f"176-99999-{n:05d}"))
               for n in range(1, 21)]
    one = import_rif(sources, tmp_path / "one", jobs=1)
    two = import_rif(sources, tmp_path / "two", jobs=2)
    assert [item.status for item in two.files] == ["created"] * 20
    for item in one.files:
        name = f"{item.record_number}.yaml"
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_catalogue_fills_empty_fields_and_disagreements_are_reported(tmp_path: Path) -> None:
    text = synthetic().replace("FROM : ", "FROM :\n").replace("DATE : 4/11/1963", "DATE : 4/11/1961")
    source = write(tmp_path / "176-99999-00001.md", text + "\n## Page 3\n\nOn 11 April 1961 the station\n")
    catalog = write(tmp_path / "nara.csv", CATALOG_HEAD + '176-99999-00001,x.md,04/11/1951,A TEST MEMORANDUM,CIA,'
                    '"CHIEF, WH","NOBODY, REALLY",PAPER,JFK,80T01357A,2,2,05/07/2021,\n')
    (item,) = import_rif(source, tmp_path / "documents", catalog_csv=catalog).files
    written = (tmp_path / "documents" / "176-99999-00001.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(written)
    assert data["date"] == "1961-04-11"  # the form's year is kept
    assert any(line.startswith("date: the form reads '1961-04-11', NARA's catalogue '1951-04-11' (the document "
                               "text has 1961, never 1951") for line in item.disagreements)
    assert "NARA's catalogue gives '1951-04-11'; kept the form's" in written
    assert data["title"] == "A test memorandum"  # agrees: the form's text, not reported
    assert not any(line.startswith("title:") for line in item.disagreements)
    summary = format_summary(ImportReport([item]))
    assert f"{len(item.disagreements)} disagreement" in summary


def test_a_transcript_without_a_form_gets_a_skeleton_with_no_form(tmp_path: Path) -> None:
    front = ("---\nrecord_number: 104-10069-10376\ndocument_date: 06/22/1976\ntitle: POSSIBLE PLANS\n"
             "originator: CIA\nnumber_of_pages: '2'\n---\n")
    source = write(tmp_path / "104-10069-10376.md", front + "## Page 1\n\nSECRET\n\n## Page 2\n\nmore\n")
    refused = import_rif(source, tmp_path / "documents").files[0]
    assert refused.status == "failed" and "use --no-form" in refused.reason
    (item,) = import_rif(source, tmp_path / "documents", no_form=True).files
    assert item.status == "created"
    written = (tmp_path / "documents" / "104-10069-10376.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(written)
    assert (data["record_number"], data["title"], data["date"], data["pages"]) == (
        "104-10069-10376", "POSSIBLE PLANS", "1976-06-22", 2)
    assert "from NARA's catalogue (front matter); no form to check it against" in written
    assert (tmp_path / "documents" / "104-10069-10376.md").read_bytes() == source.read_bytes()

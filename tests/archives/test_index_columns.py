"""The --index CSV files: what CONTRIBUTING.md (and its Spanish edition) and --help say of their
columns is what the importers read, and a table without a required column is one line naming it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from desclasificado.archives.frus.importer import import_frus
from desclasificado.archives.indexcsv import FRUS_INDEX, JFK_INDEX, Column, IndexFileError, describe
from desclasificado.archives.jfk.importer import import_rif, load_index
from desclasificado.cli import _parser, main
from tests.conftest import REPO
from tests.shared import SHARED

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
#: Each guide: its text, the heading of its section on the index files, and its word for a
#: required column (the tables' other words are the same).
GUIDES = {"en": (GUIDE, "### The index files", "required"),
          "es": ((REPO / "CONTRIBUTING.es.md").read_text(encoding="utf-8"),
                 "### Los archivos de índice", "obligatoria")}
SOURCES = {  # the modules that read an index row
    "import-rif": ("archives/jfk/importer.py", "archives/jfk/record.py"),
    "import-frus": ("archives/frus/importer.py",),
}


def documented(command: str, lang: str = "en") -> list[tuple[str, bool]]:
    """(column, required) of the table under the guide's paragraph on `command --index`."""
    guide, heading, required = GUIDES[lang]
    section = guide.split(heading, 1)[1]
    start = section.index(f"`{command} --index` (")
    table = re.search(r"\n(\| col.*?)\n\n", section[start:], re.DOTALL)
    assert table, command
    rows = [line.split("|")[1:4] for line in table.group(1).splitlines()[2:]]
    return [(name.strip().strip("`"), need.strip() == required) for name, need, _ in rows]


def spec(columns: tuple[Column, ...]) -> list[tuple[str, bool]]:
    return [(c.name, c.required) for c in columns]


@pytest.mark.parametrize(("command", "columns"), [("import-rif", JFK_INDEX),
                                                  ("import-frus", FRUS_INDEX)])
def test_the_guide_lists_the_columns_the_importer_reads(command: str,
                                                        columns: tuple[Column, ...]) -> None:
    assert documented(command) == spec(columns)
    assert documented(command, "es") == spec(columns)  # the Spanish edition too
    # every column the importer's code names is in the list, and every listed one is read
    code = "\n".join((REPO / "desclasificado" / p).read_text() for p in SOURCES[command])
    named = {c.name for c in columns}
    read = set(re.findall(r"""(?:row|related\[0\]|\(row or \{\}\))(?:\.get\(|\[)["']([a-z_]+)["']""", code))
    read |= set(re.findall(r"""\("(ocr_[a-z]+)",""", code))
    assert read - named == set(), read - named
    assert named - read == set(), named - read


@pytest.mark.parametrize(("command", "columns"), [("import-rif", JFK_INDEX),
                                                  ("import-frus", FRUS_INDEX)])
def test_help_lists_the_columns(command: str, columns: tuple[Column, ...]) -> None:
    parser = _parser()._subparsers._group_actions[0].choices[command]
    shown = parser.format_help()
    assert describe(columns) in shown
    for column in columns:
        assert f"  {column.name} ({'required' if column.required else 'optional'}):" in shown


def test_the_corpus_index_has_every_column_the_guide_lists() -> None:
    header = (SHARED / "corpus/index.csv").read_text().split("\n", 1)[0].split(",")
    assert {c.name for c in JFK_INDEX} <= set(header)
    header = (SHARED / "corpus/frus/index.csv").read_text().split("\n", 1)[0].split(",")
    assert {c.name for c in FRUS_INDEX} <= set(header)


def test_a_jfk_index_without_a_required_column_is_one_line(tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    index.write_text("record_number,transcript\n176-10036-10058,176-10036-10058.md\n")
    with pytest.raises(IndexFileError) as raised:
        load_index(index)
    assert str(raised.value) == (
        f"{index}:1:1: error: the index has no column all_release_pdf_urls: its first line "
        "names the columns; record_number, all_release_pdf_urls are required (python build.py "
        "import-rif --help, or CONTRIBUTING.md, \"The index files\", lists them all)")
    code = main(["import-rif", str(REPO / "documents/176-10036-10058.md"), "--index", str(index)],
                root=tmp_path)
    assert code == 1 and not (tmp_path / "documents").exists()


def test_the_guides_example_row_gives_the_release_addresses_and_provenance(
        tmp_path: Path) -> None:
    example = re.search(r"```csv\n(.*?)```", GUIDE, re.DOTALL)
    assert example
    index = tmp_path / "index.csv"
    index.write_text(example.group(1))
    source = shutil.copy(REPO / "documents/176-10036-10058.md", tmp_path / "176-10036-10058.md")
    report = import_rif([source], tmp_path / "documents", index_csv=index)
    [file] = report.files
    assert [r["release"] for r in file.fields["releases"]] == ["2025", "2022"]
    assert file.fields["cited_release"] == "2025"
    assert file.fields["transcript_source"] == (
        "OCR of the 2025 release PDF; noops888/jfk-files-text, "
        "extracted_text/releases/2025/0318/176-10036-10058.md, commit "
        "55840853d0dee344db717994ddaf692edb66211e")


def test_only_record_number_and_addresses_are_needed(tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    url = "https://www.archives.gov/files/research/jfk/releases/2022/124-10280-10057.pdf"
    index.write_text(f"record_number,all_release_pdf_urls\n124-10280-10057,2022: {url}\n")
    source = shutil.copy(REPO / "documents/124-10280-10057.md", tmp_path / "124-10280-10057.md")
    report = import_rif([source], tmp_path / "documents", index_csv=index)
    [file] = report.files
    assert file.fields["releases"][0]["pdf"] == url
    assert not any("not in the index" in w for w in file.warnings)


def test_a_frus_index_without_a_required_column_is_one_line(tmp_path: Path) -> None:
    index = tmp_path / "index.csv"
    index.write_text("volume,page_first\nfrus1969-76ve16,1\n")
    corpus = SHARED / "corpus/frus"
    results = import_frus([corpus / "frus1969-76ve16" / "d19.xml"], tmp_path / "out",
                          index_csv=index)
    assert results[0].status == "failed" and results[0].source == index
    assert results[0].message.startswith("the index has no column document: ")

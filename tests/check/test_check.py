"""`build.py check`: every kind of bad input gives file:line:column, a fix, and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import GOOD_EVENT, REPO, Project


def test_clean_project_passes_with_summary(project: Project) -> None:
    code, lines = project.check()
    assert code == 0
    assert lines == ["checked 1 events, 1 documents, 1 actors, 1 themes: 0 errors"]


def _event(**changes: str) -> str:
    """GOOD_EVENT with whole lines replaced: key -> new line (or '' to delete)."""
    lines = []
    for line in GOOD_EVENT.splitlines():
        key = line.split(":", 1)[0]
        lines.append(changes.get(key, line)) if key in changes else lines.append(line)
    return "\n".join(line for line in lines if line) + "\n"


CASES = [
    ("duplicate key", GOOD_EVENT + 'title: "again"\n',
     "events/bad.yaml:11:1: error: field 'title' is given twice: keep one (YAML would "
     "silently use the last)"),
    ("anchor and alias", _event(countries='countries: &c ["PE"]', actors="actors: *c"),
     "events/bad.yaml:4:12: error: anchors and aliases ('&name', '*name') are not allowed: "
     "write the value out in full"),
    ("python tag", _event(title="title: !!python/object/apply:os.system [\"ls\"]"),
     "events/bad.yaml:2:8: error: YAML tags such as 'tag:yaml.org,2002:python/object/apply:"
     "os.system' are not allowed: remove the tag; to keep a value as text, put it in double "
     "quotes"),
    ("non-string key", GOOD_EVENT + "1963: x\n",
     "events/bad.yaml:11:1: error: field name '1963' is not text to YAML: field names are "
     "words such as 'title' or 'date'"),
    ("NO read as false", _event(countries="countries: [NO]"),
     "events/bad.yaml:4:13: error: YAML reads NO as false, not as the text 'NO': write it in "
     'double quotes, "NO"'),
    ("octal number", _event(title="title: 0777"),
     'events/bad.yaml:2:8: error: YAML reads 0777 as the number 511: write it in double '
     'quotes, "0777", or as a plain decimal number'),
    ("unquoted date", _event(date="date: 1963-04-11"),
     'events/bad.yaml:1:7: error: YAML reads 1963-04-11 as a date object, not as text: '
     'write it in double quotes, "1963-04-11"'),
    ("unknown field", _event(title='titel: "A title"'),
     "events/bad.yaml:2:1: error: unknown field 'titel' (did you mean 'title'?)"),
    ("impossible date", _event(date='date: "1963-02-30"'),
     "events/bad.yaml:1:7: error: date: 1963-02-30 is not a real date: February 1963 has "
     "28 days"),
    ("unknown document", GOOD_EVENT.replace('document: "176-10036-10058"',
                                            'document: "176-10036-10059"'),
     "events/bad.yaml:8:15: error: unknown document '176-10036-10059' (did you mean "
     "'176-10036-10058'?): no file documents/176-10036-10059.yaml; register it first: "
     "python build.py import-rif TRANSCRIPT, import-frus TEI, or python build.py new document"),
    ("unknown actor", _event(actors='actors: ["cai"]'),
     "events/bad.yaml:5:10: error: unknown actor 'cai' (did you mean 'cia'?): no file "
     "actors/cai.yaml; if the actor is new, add it: a file actors/<id>.yaml with name, kind "
     "and description (see FORMAT.md, Actors)"),
    ("unknown theme", _event(themes='themes: ["exile-network"]'),
     "events/bad.yaml:6:10: error: unknown theme 'exile-network' (did you mean "
     "'exile-networks'?): no file themes/exile-network.yaml; if the theme is new, add it: a file "
     "themes/<id>.yaml with title and description (see FORMAT.md, Themes)"),
    ("a name near another is another person, not a typo", _event(actors='actors: ["fidel-castrol"]'),
     "events/bad.yaml:5:10: error: unknown actor 'fidel-castrol': no file actors/fidel-castrol.yaml; "
     "if the actor is new, add it: a file actors/<id>.yaml with name, kind and description (see "
     "FORMAT.md, Actors)"),
    ("unknown related event", GOOD_EVENT + 'related: ["1963-04-11-pari"]\n',
     "events/bad.yaml:11:11: error: unknown event '1963-04-11-pari' (did you mean "
     "'1963-04-11-paris'?): no file events/1963-04-11-pari.yaml"),
    ("page beyond the document", GOOD_EVENT.replace('pages: "3"', 'pages: "3-7"'),
     "events/bad.yaml:9:12: error: page 6 is beyond the 5 pages of document "
     "176-10036-10058: cite a PDF page from 1 to 5, or, if the PDF has more, correct pages: in "
     "documents/176-10036-10058.yaml"),
    ("a huge range is compared, never expanded",
     GOOD_EVENT.replace('pages: "3"', 'pages: "3, 1-300000000"'),
     "events/bad.yaml:9:12: error: page 6 is beyond the 5 pages of document "
     "176-10036-10058: cite a PDF page from 1 to 5"),
    ("no source", GOOD_EVENT.split("sources:")[0] + "sources: []\n",
     "events/bad.yaml:7:10: error: 'sources' needs at least one source: every event must "
     "cite a document (document, pages and quote)"),
    ("sources missing", GOOD_EVENT.split("sources:")[0],
     "events/bad.yaml:1:1: error: missing required field 'sources': add a line such as "
     "sources: a list of document, pages and quote"),
    ("id field differs from file name", 'id: "other"\n' + GOOD_EVENT,
     "events/bad.yaml:1:5: error: id 'other' does not match the file name: make it 'bad' "
     "or delete the line"),
    ("changed quote", GOOD_EVENT.replace("center of the network", "centre of the plot"),
     "events/bad.yaml:10:12: error: the quote differs from page 3 of document 176-10036-10058: "
     "the quote has 'plot' where the document has 'network'; copy the document's words "
     "exactly (correcting only obvious OCR errors)"),
    ("word added to quote", GOOD_EVENT.replace("Paris has emerged", "Paris has not emerged"),
     "events/bad.yaml:10:12: error: the quote differs from page 3 of document 176-10036-10058: "
     "the quote has 'not', which the document does not; copy the document's words exactly "
     "(correcting only obvious OCR errors)"),
    ("words left out of a quote", GOOD_EVENT.replace(
        "network.", "network. Groups are sent to Paris to be sent on"),
     "events/bad.yaml:10:12: error: the quote differs from page 3 of document 176-10036-10058: "
     "the quote leaves out 'from cuba'; copy those words too, or write ... in their place to "
     "skip them (for a stamp or OCR noise in the middle of a sentence)"),
    ("quote not in the document", GOOD_EVENT.replace(
        "Paris has emerged as the center of the network.",
        "The Soviet embassy in Havana sent weapons by submarine."),
     'events/bad.yaml:10:12: error: quote "The Soviet embassy in Havana sent weapons by '
     'submarine." is not in the transcript of document 176-10036-10058: the closest passage '
     "(page 3) matches "),
    ("quote on another page", GOOD_EVENT.replace('pages: "3"', 'pages: "2"'),
     'events/bad.yaml:10:12: error: the quote is on page 3 of document 176-10036-10058, not '
     'on page 2: change pages to "3"'),
    ("citation mark without source", GOOD_EVENT.replace("[^1]", "[^2]"),
     "events/bad.yaml:3:85: error: citation mark [^2] has no source: this event has 1 "
     "source(s); use [^1], or add source 2 under sources:"),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_with_position_and_fix(
        project: Project, name: str, text: str, expected: str) -> None:
    project.write("events/bad.yaml", text)
    code, lines = project.check()
    assert code == 1
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)
    assert not any("Traceback" in line for line in lines)


def test_all_problems_of_all_files_in_one_sorted_run(project: Project) -> None:
    project.write("events/b.yaml", _event(title='titel: "x"', date='date: "1963-13"'))
    project.write("events/a.yaml", _event(countries="countries: [NO]"))
    code, lines = project.check()
    assert code == 1
    problems = lines[:-1]
    # b.yaml: the unknown 'titel' (its "missing 'title'" echo is dropped) and the date
    assert [line.split(":")[0] for line in problems] == ["events/a.yaml"] + ["events/b.yaml"] * 2
    assert problems == sorted(problems, key=lambda s: (s.split(":")[0], int(s.split(":")[1])))
    assert lines[-1] == "checked 2 events, 1 documents, 1 actors, 1 themes: 3 errors"


def test_oversized_file(project: Project) -> None:
    project.write("events/big.yaml", GOOD_EVENT + "# " + "x" * 300_000 + "\n")
    code, lines = project.check()
    assert code == 1
    assert lines[0].startswith("events/big.yaml:1:1: error: file is 300,")
    assert "over the limit of 262,144" in lines[0]


def test_bytes_that_are_not_utf8(project: Project) -> None:
    project.write("events/latin1.yaml", GOOD_EVENT.replace("CIA's", "CIA\u2019s").encode()
                  .replace("\u2019".encode(), b"\x92"))
    code, lines = project.check()
    assert code == 1
    assert lines[0] == ("events/latin1.yaml:3:18: error: byte 0x92 is not UTF-8: save the file "
                        "as UTF-8 (in most editors: 'Save with encoding' > 'UTF-8')")


def test_ids_differing_only_by_case_or_normalization(project: Project) -> None:
    project.write("events/1963-04-11-Paris.yaml", GOOD_EVENT)
    project.write("events/caf\u00e9.yaml", GOOD_EVENT)
    project.write("events/cafe\u0301.yaml", GOOD_EVENT)
    code, lines = project.check()
    assert code == 1
    assert ("events/1963-04-11-Paris.yaml:1:1: error: file name '1963-04-11-Paris' is not an "
            "id: use lower-case letters, digits and hyphens, e.g. '1963-04-11-paris.yaml'") in lines
    collisions = [line for line in lines if "collides with" in line]
    assert len(collisions) == 2, lines
    assert any("events/1963-04-11-paris.yaml" in line for line in collisions)


def test_record_number_must_match_file_name(project: Project) -> None:
    text = (project.root / "documents/176-10036-10058.yaml").read_text()
    project.write("documents/176-10036-10060.yaml", text)
    code, lines = project.check()
    assert code == 1
    assert any(line.startswith("documents/176-10036-10060.yaml:2:16: error: record number "
                               "'176-10036-10058' does not match the file name") for line in lines)


def test_github_annotations(project: Project) -> None:
    project.write("events/bad.yaml", _event(title='titel: "x"'))
    code, lines = project.check("--format", "github")
    assert code == 1
    assert "::error file=events/bad.yaml,line=2,col=1::unknown field 'titel' (did you mean " \
           "'title'?)" in lines


def test_check_named_paths_only_reports_those(project: Project) -> None:
    project.write("events/bad.yaml", _event(title='titel: "x"'))
    code, lines = project.check(str(project.root / "events/1963-04-11-paris.yaml"))
    assert code == 0
    assert lines == ["checked 1 file(s) against the collection: 0 errors"]
    code, lines = project.check(str(project.root / "events/bad.yaml"))
    assert code == 1


def test_schemas_are_up_to_date() -> None:
    from desclasificado.records.schema import stale_schemas
    from tests.conftest import REPO

    assert stale_schemas(REPO / "schemas") == [], "run: python build.py schema"


def test_repository_content_passes_check() -> None:
    from desclasificado.check.project import check_project
    from tests.conftest import REPO

    result = check_project(REPO)
    assert [p.format() for p in result.problems] == []
    assert len(result.collection.events) >= 5


def test_reference_to_an_invalid_record_is_not_reported_twice(project: Project) -> None:
    path = project.root / "documents/176-10036-10058.yaml"
    path.write_text(path.read_text().replace('title: "Activities', 'titel: "Activities'))
    code, lines = project.check()
    assert code == 1
    assert [line for line in lines if ": error: " in line] == [
        "documents/176-10036-10058.yaml:3:1: error: unknown field 'titel' (did you mean 'title'?)"]


def test_a_name_close_to_another_persons_is_not_suggested(tmp_path: Path) -> None:
    """'orlando-bosch' is not a typo of 'orlando-letelier': no "did you mean" to another person,
    but a slip of a letter in a name still gets one."""
    project = Project(tmp_path)
    for actor in ("orlando-letelier", "fidel-castro"):
        project.write(f"actors/{actor}.yaml", (REPO / "actors" / f"{actor}.yaml").read_text())
    project.write("events/1963-04-11-paris.yaml", _event(actors='actors: ["orlando-bosch", "fidel-castor"]'))
    code, lines = project.check()
    assert code == 1
    assert lines[0] == ("events/1963-04-11-paris.yaml:5:10: error: unknown actor 'orlando-bosch': no file "
                        "actors/orlando-bosch.yaml; if the actor is new, add it: a file actors/<id>.yaml with "
                        "name, kind and description (see FORMAT.md, Actors)")
    assert "(did you mean 'fidel-castro'?)" in lines[1]


def test_a_mark_without_source_is_reported_where_it_stands_in_a_block(tmp_path: Path) -> None:
    project = Project(tmp_path)
    block = ('summary: >-\n  The CIA\'s source reported that Paris had become the center\n'
             '  of the network.[^1] Groups went on from there.[^3]\n')
    project.write("events/1963-04-11-paris.yaml", _event(summary=block.rstrip("\n")))
    code, lines = project.check()
    assert code == 1
    assert lines[0] == ("events/1963-04-11-paris.yaml:5:49: error: citation mark [^3] has no source: "
                        "this event has 1 source(s); use [^1], or add source 3 under sources:")


def test_raw_html_in_a_summary_is_a_warning_with_the_markdown_to_use(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("events/1963-04-11-paris.yaml", GOOD_EVENT.replace(
        "become the center", "become the <i>center</i>"))
    code, lines = project.check()
    assert code == 0
    assert lines[0] == ("events/1963-04-11-paris.yaml:3:63: warning: HTML such as '<i>' is not allowed "
                        "in summary and would show as text: write *words* instead (Markdown, see "
                        "FORMAT.md)")
    project.write("events/1963-04-11-paris.yaml", GOOD_EVENT.replace(
        "become the center", "become the <script>alert(1)</script>center"))
    assert "write" not in project.check()[1][0] and "remove it" in project.check()[1][0]

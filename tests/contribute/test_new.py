"""`build.py new event|document` and templates/: a valid record whose only problems are its TODOs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desclasificado.check.placeholders import placeholder_locations, record_placeholders
from desclasificado.cli import main
from desclasificado.contribute import scaffold
from desclasificado.contribute import templates as record_templates
from desclasificado.load.records import RawRecord
from desclasificado.load.yamlsafe import read_yaml
from desclasificado.records.models import MODELS
from tests.conftest import REPO, Project

EVENT_ARGS = ["new", "event", "--date", "1963-04-11", "--title",
              "CIA source reports a split in the MIR", "--document", "176-10036-10058",
              "--pages", "5", "--countries", "PE, CU"]
EVENT_PATH = "events/1963-04-11-cia-source-reports-a-split-in-the-mir.yaml"
DOCUMENT_ARGS = ["new", "document", "--record-number", "104-10054-10060", "--title",
                 "A memorandum", "--date", "1963-04-11", "--pages", "3", "--pdf",
                 "https://www.archives.gov/files/research/jfk/releases/2025/0318/"
                 "104-10054-10060.pdf"]


def run(project: Project, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), root=project.root)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_event_writes_a_commented_file_and_says_what_next(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, *EVENT_ARGS)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"wrote {EVENT_PATH}",
        f"next: edit {EVENT_PATH}: write the summary and the quote, then run python build.py "
        f"check {EVENT_PATH}",
    ]
    text = (project.root / EVENT_PATH).read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/event.schema.json\n")
    assert 'countries: ["PE", "CU"]\n' in text
    assert '  - document: "176-10036-10058"\n    pages: "5"\n' in text


def test_new_event_fails_check_only_at_its_placeholders_until_filled_in(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys, *EVENT_ARGS)
    code, lines = project.check(str(project.root / EVENT_PATH))
    assert code == 1
    assert lines == [
        f"{EVENT_PATH}:13:10: error: fill in 'summary': one to three sentences that say only "
        "what the quoted pages support, attributed: According to a CIA source, ...[^1]",
        f"{EVENT_PATH}:29:12: error: fill in 'quote': copy the sentence of the document that "
        "supports the event, word for word",
        "checked 1 file(s) against the collection: 2 errors",
    ]
    path = project.root / EVENT_PATH
    text = path.read_text()
    text = text.replace(record_templates.TODO_SUMMARY, "According to the CIA's source, MIR leaders "
                        "discussed the problem with Fidel Castro.[^1]")
    text = text.replace(record_templates.TODO_QUOTE, "they discussed this problem with Fidel Castro.")
    path.write_text(text)
    assert project.check(str(path)) == (0, ["checked 1 file(s) against the collection: 0 errors"])


def test_missing_option_without_a_terminal_is_an_error_naming_it(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, "new", "event", "--date", "1963-04-11", "--title", "x")
    assert (code, out) == (2, "")
    assert err == ("error: missing option --document, the document cited (id of a file in "
                   "documents/, e.g. 176-10036-10058); nothing was written\n")
    assert list((project.root / "events").iterdir()) == [project.root / "events/1963-04-11-paris.yaml"]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--date", "11/4/1963", "--date: '11/4/1963' is ambiguous: write it year first, as "
     '"1963-04-11" (11 April) or "1963-11-04" (4 November)'),
    ("--countries", "Peru, cu", "--countries: write the two-letter code 'PE' for Peru"),
    ("--document", "176-10036-10059", "--document: no document '176-10036-10059' in documents/ "
     "(did you mean '176-10036-10058'?): register it first with python build.py import-rif "
     "TRANSCRIPT, or python build.py new document"),
    ("--pages", "page 3", "--pages: 'page 3' is not a page list: write \"3\", \"3-4\" or \"2, 5\""),
    ("--title", "x" * 121, "--title: the title is 121 characters: shorten it to at most 120"),
])
def test_a_wrong_option_is_refused_with_the_check_s_message(
        project: Project, capsys: pytest.CaptureFixture[str], option: str, value: str,
        message: str) -> None:
    argv = list(EVENT_ARGS)
    argv[argv.index(option) + 1] = value
    code, out, err = run(project, capsys, *argv)
    assert (code, out, err) == (2, "", f"error: {message}; nothing was written\n")


def test_an_existing_file_is_never_overwritten(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys, *EVENT_ARGS)
    path = project.root / EVENT_PATH
    path.write_text("my work")
    code, out, err = run(project, capsys, *EVENT_ARGS)
    assert (code, out) == (2, "")
    assert err == (f"error: {EVENT_PATH} already exists: edit that file, or choose another "
                   "title; nothing was written\n")
    assert path.read_text() == "my work"


def test_in_a_terminal_missing_values_are_asked_and_wrong_answers_asked_again(
        project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["1963-04-11", "CIA source reports a split in the MIR", "176-10036-10058",
                    "5", "Peru", "PE, CU"])
    prompts: list[str] = []
    monkeypatch.setattr(scaffold, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    code, out, err = run(project, capsys, "new", "event")
    assert code == 0
    assert prompts == [
        "Date of the event (1963-04-11, 1963-04 or 1963): ",
        "Title (one line, at most 120 characters): ",
        "Document cited (id of a file in documents/, e.g. 176-10036-10058): ",
        "Page(s) of the PDF where the quote is (e.g. 3 or 3-4): ",
        "Countries (two-letter codes separated by commas, e.g. PE, CU): ",
        "Countries (two-letter codes separated by commas, e.g. PE, CU): ",
    ]
    assert err == "  write the two-letter code 'PE' for Peru; try again (Ctrl-C to stop)\n"
    assert (project.root / EVENT_PATH).read_text() == record_templates.event_text(
        {"date": "1963-04-11", "title": "CIA source reports a split in the MIR",
         "document": "176-10036-10058", "pages": "5", "countries": ["PE", "CU"]}, EVENT_PATH)


def test_end_of_input_while_asking_writes_nothing(
        project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def eof(prompt: str) -> str:
        raise EOFError
    monkeypatch.setattr(scaffold, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", eof)
    code, out, err = run(project, capsys, "new", "document")
    assert (code, out, err) == (1, "", "\nstopped: nothing was written\n")
    assert sorted(p.name for p in (project.root / "documents").iterdir()) == [
        "176-10036-10058.md", "176-10036-10058.yaml"]


def test_new_document_knows_the_jfk_collection_and_leaves_the_transcript_source_to_fill(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, *DOCUMENT_ARGS)
    path = "documents/104-10054-10060.yaml"
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"wrote {path}"
    assert out.splitlines()[1] == (
        f"next: edit {path}: copy the other fields from the archive's record, save the text "
        "of the PDF as documents/104-10054-10060.md (a line '## Page N' before each page) and "
        f"say where it comes from in transcript_source, then run python build.py check {path}")
    text = (project.root / path).read_text()
    for line in ('archive: "National Archives and Records Administration"',
                 'collection: "President John F. Kennedy Assassination Records Collection"',
                 "pages: 3", '  - release: "2025"', 'cited_release: "2025"'):
        assert line + "\n" in text
    code, lines = project.check(str(project.root / path))
    assert lines == [f"{path}:38:20: error: fill in 'transcript_source': where the text comes "
                     "from, e.g. typed from the PDF, or OCR of the 2025 release",
                     "checked 1 file(s) against the collection: 1 error"]
    code, out, err = run(project, capsys, *DOCUMENT_ARGS)
    assert err == (f"error: --record-number: {path} already exists: edit that file instead; "
                   "nothing was written\n")


def test_new_document_from_another_archive_needs_the_archive_and_release(
        project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["new", "document", "--record-number", "frus1961-63v12/d416", "--title", "Memo",
            "--pages", "2", "--pdf", "https://history.state.gov/x.pdf"]
    code, out, err = run(project, capsys, *argv)
    assert (code, err) == (2, "error: missing option --release, the release (the year the "
                              "archive published this PDF, e.g. 2025); nothing was written\n")
    code, out, err = run(project, capsys, *argv, "--release", "1996", "--archive",
                         "Office of the Historian")
    assert code == 0
    text = (project.root / "documents/frus1961-63v12-d416.yaml").read_text()
    assert 'archive: "Office of the Historian"\n' in text
    assert text.count('"TODO: the date of the document') == 1


@pytest.mark.parametrize(("date", "title", "expected"), [
    ("1963-04-11", "CIA source reports a split in the MIR",
     "1963-04-11-cia-source-reports-a-split-in-the-mir"),
    ("1962-06/1962-12", "More than 70 Peruvians train in Cuba",
     "1962-06-more-than-70-peruvians-train-in-cuba"),
    ("../1963-04", "Exiles gather", "1963-04-exiles-gather"),
    ("1963-06?", "Reunión en Lima", "1963-06-reunion-en-lima"),
    ("196X", "A decade of training", "196x-a-decade-of-training"),
    ("1963", "毛泽东", "1963-event"),
    ("1963-04-11", "CIA source describes the MIR's four planned fronts in Peru",
     "1963-04-11-cia-source-describes-the-mirs-four-planned-fronts-in-peru"),
    ("1963", "The memorandum passes on reports from an extremely sensitive source inside the "
     "group", "1963-the-memorandum-passes-on-reports-from-an-extremely"),
])
def test_event_ids_are_the_date_then_the_title(date: str, title: str, expected: str) -> None:
    assert record_templates.event_id(date, title) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_accepted_title_is_written_as_valid_yaml_that_reads_back(title: str) -> None:
    try:
        clean = scaffold._check_title(title, REPO)
    except ValueError:
        return
    text = record_templates.event_text({"date": "1963", "title": clean, "document": "x-1",
                                "pages": "1", "countries": ["PE"]})
    try:
        scaffold._refuse_problems(text, "events/t.yaml", "events")
    except scaffold.UsageError:
        return  # refused (e.g. an invisible control character): never written
    data, _, problems = read_yaml(text.encode(), "events/t.yaml")
    assert problems == []
    assert data["title"] == clean


# --- templates/ --------------------------------------------------------------------------

SAMPLES: dict[str, Any] = {
    "date": "1963-04-11", "title": "A title", "summary": "A summary.[^1]", "countries": "PE",
    "document": "176-10036-10058", "pages": "3", "quote": "three words here",
    "record_number": "176-10036-10058", "archive": "An archive", "release": "2025",
    "pdf": "https://example.org/a.pdf", "cited_release": "2025", "transcript_source": "typed",
}


def test_templates_are_up_to_date() -> None:
    for name, text in record_templates.templates().items():
        assert (REPO / "templates" / name).read_text() == text, "run: python build.py new templates"


@pytest.mark.parametrize(("name", "kind"), [("event.yaml", "events"),
                                            ("document.yaml", "documents")])
def test_templates_are_valid_apart_from_their_placeholders(name: str, kind: str) -> None:
    text = (REPO / "templates" / name).read_text()
    data, positions, problems = read_yaml(text.encode(), f"{kind}/t.yaml")
    assert problems == []
    todo = list(placeholder_locations(data))
    values = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(todo) == sum(line.count('"TODO:') for line in values) > 0
    messages = [p.message for p in record_placeholders(RawRecord(kind, "t", "t", data, positions))]
    assert all(m.startswith("fill in '") for m in messages) and len(messages) == len(todo)
    for loc, _ in todo:
        target = data
        for part in loc[:-1]:
            target = target[part]
        field = next(p for p in reversed(loc) if isinstance(p, str))
        target[loc[-1]] = 5 if (kind, field) == ("documents", "pages") else SAMPLES[field]
    MODELS[kind].model_validate(data)


@pytest.mark.parametrize(("name", "kind"), [("event.yaml", "events"),
                                            ("document.yaml", "documents")])
def test_templates_mention_every_field(name: str, kind: str) -> None:
    text = (REPO / "templates" / name).read_text()
    model = MODELS[kind]
    for field, info in model.model_fields.items():
        key = info.alias or field
        if key == "id":
            continue
        assert f"\n{key}:" in text or f"\n# {key}:" in text, key
    for nested in ("document", "pages", "quote") if kind == "events" else ("release", "pdf"):
        assert f"{nested}:" in text


def test_a_template_copied_by_hand_reports_only_what_to_fill_in(
        project: Project, tmp_path: Path) -> None:
    project.write("events/copied.yaml", (REPO / "templates/event.yaml").read_text())
    code, lines = project.check(str(project.root / "events/copied.yaml"))
    assert code == 1
    assert all(": error: fill in '" in line for line in lines[:-1]), lines
    assert [line.split(": error: ")[1].split(":")[0] for line in lines[:-1]] == [
        "fill in 'date'", "fill in 'title'", "fill in 'summary'", "fill in 'countries'",
        "fill in 'document'", "fill in 'pages'", "fill in 'quote'"]


def test_new_document_in_a_terminal_asks_only_what_it_cannot_tell(
        project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["176-10036-10058", "104-10054-10060", "A memorandum", "",
                    "https://www.archives.gov/files/research/jfk/releases/2023/08/x.pdf", "3"])
    prompts: list[str] = []
    monkeypatch.setattr(scaffold, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    code, out, err = run(project, capsys, "new", "document")
    assert code == 0, err
    assert prompts == [
        "Record number (e.g. 176-10036-10058): ", "Record number (e.g. 176-10036-10058): ",
        "Title, as the archive gives it: ",
        "The document's date (1963-04-11; press Enter if it has none): ",
        "Address of the PDF (https://...): ", "Number of pages of the PDF: "]
    assert err == ("  documents/176-10036-10058.yaml already exists: edit that file instead; "
                   "try again (Ctrl-C to stop)\n")
    text = (project.root / "documents/104-10054-10060.yaml").read_text()
    assert '  - release: "2023/08"\n' in text and "\n# date: " in text and "\ndate:" not in text
    code, lines = project.check(str(project.root / "documents/104-10054-10060.yaml"))
    assert [line.split(": error: ")[1].split(":")[0] for line in lines[:-1]] == [
        "fill in 'transcript_source'"]

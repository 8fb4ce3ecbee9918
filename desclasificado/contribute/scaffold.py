"""`python build.py new event|document`: start a record from a commented template.

Each value comes from an option (`--date`, `--title`...) or, when an option is missing and
standard input is a terminal, from a question; every answer is checked at once with the
rules `check` applies, and asked again when wrong. Without a terminal nothing is asked: a
missing option is an error naming it. What the command cannot know (an event's summary and
quote, a document's transcript source) is left as a `TODO:` placeholder that `check`
reports with what to write. An existing file is never overwritten.

The texts come from `templates`; `templates/event.yaml` and `templates/document.yaml` are
the same with every value a placeholder, for contributors who copy a file by hand
(`python build.py new templates` rewrites them; a test fails when they are stale).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from desclasificado.archives import document_model
from desclasificado.check.placeholders import placeholder_locations
from desclasificado.contribute.templates import JFK_COLLECTION, NARA, document_text, event_id, event_text, templates
from desclasificado.load.yamlsafe import read_yaml
from desclasificado.problems import ContentError
from desclasificado.records.dates import DateError, parse_date
from desclasificado.records.models import MODELS, CountryCode, Pages, Url, slugify

Ask = Callable[[str], str]
_RIF_NUMBER = re.compile(r"^\d{3}-\d{5}-\d{5}$")
_NARA_RELEASE = re.compile(r"archives\.gov/files/research/jfk/releases/(\d{4})(/\d{2}(?=/))?")
MAX_TITLE = 120


class UsageError(Exception):
    """A missing or wrong option: printed as one line, nothing is written."""


@dataclass(frozen=True)
class Question:
    """One value to obtain: its option, what to ask, and how to check the answer."""

    option: str
    prompt: str
    check: Callable[[str, Path], Any]
    required: bool = True


# --- checking answers -------------------------------------------------------------------


def _adapter_check(annotation: Any) -> Callable[[str, Path], Any]:
    adapter = TypeAdapter(annotation)

    def check(text: str, root: Path) -> Any:
        try:
            return adapter.validate_python(text)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise ValueError(message) from None
    return check


def _check_date(text: str, root: Path) -> str:
    try:
        return parse_date(text).text
    except DateError as exc:
        raise ValueError(str(exc)) from None


def _check_title(text: str, root: Path) -> str:
    title = " ".join(text.split())
    if not title:
        raise ValueError("the title is empty")
    if len(title) > MAX_TITLE:
        raise ValueError(f"the title is {len(title)} characters: shorten it to at most "
                         f"{MAX_TITLE}")
    return title


def _check_countries(text: str, root: Path) -> list[str]:
    codes = [code.upper() if len(code) == 2 else code
             for code in re.split(r"[\s,;]+", text.strip()) if code]
    if not codes:
        raise ValueError('give at least one two-letter country code, e.g. "PE" or "PE, CU"')
    check = _adapter_check(CountryCode)
    return list(dict.fromkeys(check(code, root) for code in codes))


def _check_event_pages(text: str, root: Path) -> str:
    _adapter_check(Pages)(text.strip(), root)
    return text.strip()


def _check_document(text: str, root: Path) -> str:
    doc_id = text.strip()
    known = sorted(path.stem for path in (root / "documents").glob("*.yaml"))
    if doc_id in known:
        return doc_id
    guess = difflib.get_close_matches(doc_id, known, n=1, cutoff=0.75)
    hint = f" (did you mean {guess[0]!r}?)" if guess else ""
    raise ValueError(f"no document {doc_id!r} in documents/{hint}: register it first with "
                     "python build.py import-rif TRANSCRIPT, or python build.py new document")


def _check_record_number(text: str, root: Path) -> str:
    number = text.strip()
    if not slugify(number):
        raise ValueError("a record number needs letters or digits, e.g. 176-10036-10058")
    if (root / "documents" / f"{slugify(number)}.yaml").exists():
        raise ValueError(f"documents/{slugify(number)}.yaml already exists: edit that file "
                         "instead")
    return number


def _check_text(text: str, root: Path) -> str:
    if not text.strip():
        raise ValueError("this cannot be empty")
    return text.strip()


def _check_page_count(text: str, root: Path) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise ValueError(f"{text.strip()!r} is not a number of pages: write a whole number, "
                         "e.g. 5")
    return int(text)


def _check_pdf(text: str, root: Path) -> str:
    try:
        return _adapter_check(Url)(text.strip(), root)
    except ValueError:
        raise ValueError("write the full https:// address of the PDF") from None


def _check_optional_date(text: str, root: Path) -> str | None:
    return _check_date(text, root) if text.strip() else None


EVENT_QUESTIONS = (
    Question("date", "Date of the event (1963-04-11, 1963-04 or 1963)", _check_date),
    Question("title", "Title (one line, at most 120 characters)", _check_title),
    Question("document", "Document cited (id of a file in documents/, e.g. "
             "176-10036-10058)", _check_document),
    Question("pages", "Page(s) of the PDF where the quote is (e.g. 3 or 3-4)",
             _check_event_pages),
    Question("countries", "Countries (two-letter codes separated by commas, e.g. PE, CU)",
             _check_countries),
)

DOCUMENT_QUESTIONS = (
    Question("record_number", "Record number (e.g. 176-10036-10058)", _check_record_number),
    Question("title", "Title, as the archive gives it", _check_text),
    Question("date", "The document's date (1963-04-11; press Enter if it has none)",
             _check_optional_date, required=False),
    Question("pdf", "Address of the PDF (https://...)", _check_pdf),
    Question("pages", "Number of pages of the PDF", _check_page_count),
    Question("release", "Release (the year the archive published this PDF, e.g. 2025)",
             _check_text),
    Question("archive", "Archive (e.g. National Archives and Records Administration)",
             _check_text),
)


def gather(questions: tuple[Question, ...], given: dict[str, str | None], root: Path,
           ask: Ask | None) -> dict[str, Any]:
    """Check each given value; ask for the missing ones when `ask` is set (a terminal).

    Raises UsageError for a wrong option, or a missing required one when not asking.
    """
    values: dict[str, Any] = {}
    for question in questions:
        flag = "--" + question.option.replace("_", "-")
        text = given.get(question.option)
        if text is not None:
            try:
                values[question.option] = question.check(text, root)
            except ValueError as exc:
                raise UsageError(f"{flag}: {exc}") from None
        elif ask is not None:
            values[question.option] = _ask_until_valid(question, root, ask)
        elif question.required:
            raise UsageError(f"missing option {flag}, the {question.prompt[0].lower()}"
                             f"{question.prompt[1:]}")
    return values


def _ask_until_valid(question: Question, root: Path, ask: Ask) -> Any:
    while True:
        answer = ask(f"{question.prompt}: ")
        if not answer.strip() and not question.required:
            return ""  # answered "none", unlike None: not asked
        try:
            return question.check(answer, root)
        except ValueError as exc:
            print(f"  {exc}; try again (Ctrl-C to stop)", file=sys.stderr)


# --- the command ------------------------------------------------------------------------


def add_new_command(sub: Any) -> None:
    """Add `new` and its options to the CLI's subparsers."""
    new = sub.add_parser("new", help="start a new event or document from a commented template",
                         description="Write a new record with the values given, asking for "
                         "missing ones when run in a terminal. Nothing is overwritten.")
    new.add_argument("kind", choices=("event", "document", "templates"),
                     help="what to create ('templates' rewrites templates/ from the code)")
    new.add_argument("--date", help="event: when it happened; document: its date")
    new.add_argument("--title", help="the title")
    new.add_argument("--document", help="event: id of the cited document in documents/")
    new.add_argument("--pages", help="event: page(s) where the quote is; document: number "
                     "of pages of the PDF")
    new.add_argument("--countries", help='event: two-letter codes, e.g. "PE, CU"')
    new.add_argument("--record-number", dest="record_number",
                     help="document: the archive's record number")
    new.add_argument("--pdf", help="document: the https:// address of the PDF")
    new.add_argument("--release", help="document: the release of the PDF, e.g. 2025")
    new.add_argument("--archive", help="document: the archive holding it")
    new.add_argument("--collection", help="document: the archive's collection")


def run_new(args: argparse.Namespace, root: Path, ask: Ask | None = None) -> int:
    """Write the new record and print the next step; 2 and a message on a usage error."""
    if args.kind == "templates":
        folder = root / "templates"
        folder.mkdir(exist_ok=True)
        for name, text in templates().items():
            (folder / name).write_text(text, encoding="utf-8")
            print(f"wrote templates/{name}")
        return 0
    if ask is None and _stdin_is_terminal():
        ask = input
    try:
        rel, text, next_step = (_new_event if args.kind == "event" else _new_document)(
            vars(args), root, ask)
        _refuse_problems(text, rel, args.kind + "s")
        _write_new(root / rel, text)
    except UsageError as exc:
        print(f"error: {exc}; nothing was written", file=sys.stderr)
        return 2
    except EOFError:
        print("\nstopped: nothing was written", file=sys.stderr)
        return 1
    print(f"wrote {rel}")
    print(f"next: {next_step}")
    return 0


def _new_event(given: dict[str, Any], root: Path, ask: Ask | None) -> tuple[str, str, str]:
    values = gather(EVENT_QUESTIONS, given, root, ask)
    rel = f"events/{event_id(values['date'], values['title'])}.yaml"
    _refuse_existing(root, rel)
    step = (f"edit {rel}: write the summary and the quote, then run "
            f"python build.py check {rel}")
    return rel, event_text(values, rel), step


def _new_document(given: dict[str, Any], root: Path, ask: Ask | None) -> tuple[str, str, str]:
    questions = {q.option: q for q in DOCUMENT_QUESTIONS}
    values = gather((questions["record_number"],), given, root, ask)
    doc_id = slugify(values["record_number"])
    rel = f"documents/{doc_id}.yaml"
    values |= gather(tuple(questions[o] for o in ("title", "date", "pdf", "pages")), given,
                     root, ask)
    given = {**_document_defaults(values["record_number"], values["pdf"]),
             **{k: v for k, v in given.items() if v is not None}}
    values |= gather((questions["release"], questions["archive"]), given, root, ask)
    values["collection"] = given.get("collection")
    step = (f"edit {rel}: copy the other fields from the archive's record, save the text of "
            f"the PDF as documents/{doc_id}.md (a line '## Page N' before each page) and say "
            f"where it comes from in transcript_source, then run python build.py check {rel}")
    return rel, document_text(values, rel), step


def _document_defaults(record_number: str, pdf: str) -> dict[str, str]:
    """What a JFK-collection record number and a NARA PDF address say: archive, release."""
    defaults = {}
    if _RIF_NUMBER.match(record_number):
        defaults |= {"archive": NARA, "collection": JFK_COLLECTION}
    release = _NARA_RELEASE.search(pdf)
    if release:
        defaults["release"] = release.group(1) + (release.group(2) or "")
    return defaults


def _refuse_existing(root: Path, rel: str) -> None:
    if (root / rel).exists():
        raise UsageError(f"{rel} already exists: edit that file, or choose another title")


def _refuse_problems(text: str, rel: str, kind: str) -> None:
    """Refuse to write a record that would fail `check` other than at its placeholders."""
    try:
        data, positions, problems = read_yaml(text.encode("utf-8"), rel)
    except ContentError as exc:
        raise UsageError(exc.problems[0].message) from None
    if problems:
        raise UsageError(problems[0].message)
    todo = {loc for loc, _ in placeholder_locations(data)}
    try:
        model = document_model(data) if kind == "documents" else MODELS[kind]
        model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            if tuple(error["loc"]) not in todo:
                name = ".".join(str(part) for part in error["loc"])
                raise UsageError(f"{name}: {error['msg']}") from None


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise UsageError(f"{path.name} already exists: nothing was overwritten") from None


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False

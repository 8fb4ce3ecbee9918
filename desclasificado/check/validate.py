"""Stage 2, validate: typed models for each file, then the checks across files.

`validate()` turns a `RawProject` into a `Collection` of models (`collection.py`), and returns every
problem of every file: pydantic's errors are mapped back to the line and column of the
YAML value they concern, and worded as what to change.
"""

from __future__ import annotations

import difflib
import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from rapidfuzz.distance import DamerauLevenshtein

from desclasificado.archives import UnknownKind, archive_of, document_model
from desclasificado.check.collection import Collection
from desclasificado.check.formerids import former_id_problems
from desclasificado.check.markdowncost import bracket_message
from desclasificado.check.translations import actor_name_problems, translation_problems
from desclasificado.load.records import RawProject, RawRecord
from desclasificado.load.yamlsafe import Positions
from desclasificado.problems import Problem, show
from desclasificado.records.models import ID_PATTERN, MODELS, Event, id_key, slugify

_ID_RE = re.compile(ID_PATTERN)
# Names Windows reserves for devices, with any extension: a file events/con.yaml, or a page
# events/con/, cannot exist there.
_RESERVED_IDS = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt")
                                                          for n in range(1, 10))})
_EXAMPLES = {
    "date": '"1963-04-11"', "title": '"A short title"', "summary": '"One to three sentences.[^1]"',
    "countries": '["PE"]', "sources": "a list of document, pages and quote",
    "document": '"176-10036-10058"', "pages": '"3"', "quote": '"the document\'s own words"',
    "record_number": '"176-10036-10058"', "archive": '"National Archives and Records '
    'Administration"', "releases": "a list of release and pdf", "cited_release": '"2025"',
    "name": '"Central Intelligence Agency"', "kind": '"organization"',
    "description": '"One or two sentences."', "release": '"2025"', "pdf": '"https://..."',
}


def validate(raw: RawProject, kept: dict[int, Any] | None = None
             ) -> tuple[Collection, list[Problem]]:
    """Build models for every readable record and run the checks across the collection.
    With `kept` (`serve`), a record that is the very object of the last call keeps its
    model and its problems (a model is a function of the record alone)."""
    collection = Collection(transcripts=dict(raw.transcripts))
    problems = list(raw.problems)
    models: dict[int, Any] = {}
    for record in _unique_records(raw.records, problems):
        found = kept.get(id(record)) if kept is not None else None
        if found is None or found[0] is not record:
            before = len(problems)
            found = (record, _build_model(record, problems), problems[before:])
        else:
            problems += found[2]
        models[id(record)] = found
        model = found[1]
        if model is not None:
            collection.table(record.kind)[record.id] = model
            collection.positions[(record.kind, record.id)] = record.positions
        else:
            collection.invalid.add((record.kind, record.id))
    problems += _document_problems(collection)
    problems += _event_problems(collection, raw.root)
    problems += actor_name_problems(collection)
    problems += former_id_problems(collection)
    documents_read = {r.id for r in raw.records if r.kind == "documents"}
    problems += [Problem(t.path, 1, 1, f"transcript without a document: add "
                         f"documents/{doc_id}.yaml")
                 for doc_id, t in collection.transcripts.items() if doc_id not in documents_read]
    if kept is not None:
        kept.clear()
        kept.update(models)
    return collection, problems


def _unique_records(records: list[RawRecord], problems: list[Problem]) -> list[RawRecord]:
    """Records with a valid id that no other record of the same kind folds onto."""
    seen: dict[tuple[str, str], RawRecord] = {}
    unique = []
    for record in records:
        if not _ID_RE.fullmatch(record.id):
            problems.append(Problem(record.path, 1, 1, f"file name {show(record.id)} is not an "
                                    "id: use lower-case letters, digits and hyphens, e.g. "
                                    f"'{slugify(record.id) or 'my-event'}.yaml'"))
        elif record.id in _RESERVED_IDS:
            problems.append(Problem(record.path, 1, 1, f"file name {show(record.id)} is reserved "
                                    "on Windows, where the file could not be checked out: use a "
                                    f"longer id, e.g. '{record.id}-1963.yaml'"))
        key = (record.kind, id_key(record.id))
        if key in seen:
            problems.append(Problem(record.path, 1, 1, f"id {show(record.id)} collides with "
                                    f"{seen[key].path} (they differ only in case or accents): "
                                    "rename one of them"))
            continue
        seen[key] = record
        unique.append(record)
    return unique


def _build_model(record: RawRecord, problems: list[Problem]) -> BaseModel | None:
    if not isinstance(record.data, dict):
        what = "empty" if record.data is None else f"a {type(record.data).__name__}"
        problems.append(Problem(record.path, 1, 1, f"the file is {what}: a record is a list "
                                "of 'field: value' lines; see FORMAT.md"))
        return None
    model_class: type[BaseModel] = MODELS[record.kind]
    if record.kind == "documents":
        try:
            model_class = document_model(record.data)
        except UnknownKind as exc:
            problems.append(record.positions.problem(("kind",), str(exc)))
            return None
    try:
        model = model_class.model_validate(record.data)
    except ValidationError as exc:
        errors = _without_key_echoes(_without_typo_echoes(exc.errors(), model_class))
        problems.extend(_model_problem(e, record, model_class) for e in errors)
        return None
    if getattr(model, "id", None) not in (None, record.id):
        problems.append(record.positions.problem(("id",), f"id {show(model.id)} does not match "
                                                 f"the file name: make it {show(record.id)} "
                                                 "or delete the line"))
    return model


def _without_typo_echoes(errors: list[Any], model_class: type[BaseModel]) -> list[Any]:
    """Drop "missing field 'summary'" when an unknown field beside it, 'sumary', is its typo."""
    meant = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            known = _fields_at(model_class, loc[:-1])
            guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            meant.update((*loc[:-1], g) for g in guess)
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _without_key_echoes(errors: list[Any]) -> list[Any]:
    """Drop the errors inside a mapping entry whose key is itself wrong (translations.de)."""
    bad_keys = {tuple(e["loc"][:-1]) for e in errors if e["loc"] and e["loc"][-1] == "[key]"}
    return [e for e in errors if e["loc"][-1:] == ("[key]",)
            or not any(tuple(e["loc"][:len(k)]) == k for k in bad_keys)]


def _model_problem(error: Any, record: RawRecord, model_class: type[BaseModel]) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    if loc[-1:] == ("[key]",):
        message = error["msg"].removeprefix("Value error, ")
        return record.positions.problem(loc[:-1], f"{'.'.join(map(str, loc[:-1]))}: {message}",
                                        key=True)
    if kind == "model_type" and loc[-2:-1] == ("translations",) or kind == "dict_type":
        where = ".".join(map(str, loc))
        return record.positions.problem(loc, f"{where} must hold fields indented under it, "
                                        "one 'name: \"...\"' line each, not a single value "
                                        "(see FORMAT.md)")
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    value = error.get("input")
    if kind == "extra_forbidden":
        known = list(_fields_at(model_class, loc[:-1]))
        guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" (did you mean {guess[0]!r}?)" if guess else f"; known fields: {', '.join(known)}"
        return record.positions.problem(loc, f"unknown field {name!r}{hint}", key=True)
    if kind == "missing":
        example = _EXAMPLES.get(name, '"..."')
        return record.positions.problem(loc[:-1], f"missing required field {name!r}: add "
                                        f"a line such as {name}: {example}")
    required = kind == "string_too_short" and _is_required(model_class, loc)
    return record.positions.problem(loc, _type_message(kind, name, value, error, required))


def _is_required(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    """Whether the field at `loc` must be in the file (so "delete the line" is no advice)."""
    fields = [part for part in loc if not isinstance(part, int)]
    owner = _model_at(model, tuple(fields[:-1])) if fields else None
    info = _field_named(owner, fields[-1]) if owner is not None else None
    return info is not None and info.is_required()


def _type_message(kind: str, name: str, value: Any, error: Any, required: bool = False) -> str:
    ctx = error.get("ctx") or {}
    if value is None and name in ("sources", "releases"):
        first = "document" if name == "sources" else "release"
        return (f"{name!r} is empty: list at least one entry under it, each starting with "
                f"'- {first}:' (see FORMAT.md)")
    if value is None:
        return (f"{name!r} is empty: write its value after the colon, e.g. {name}: "
                f"{_EXAMPLES.get(name, chr(34) + '...' + chr(34))}")
    if kind == "list_type" and isinstance(value, str) and ("\n" in value or len(value) > 80):
        return f"{name!r} must be a list: write it as [\"...\", \"...\"], or one '- ' line per entry"
    if kind == "list_type" and isinstance(value, str):
        items = ", ".join(f'"{item.strip()}"' for item in re.split(r"[,;]", value) if item.strip())
        return f"{name!r} must be a list, not a single text: write {name}: [{items}]"
    if kind == "list_type" and isinstance(value, dict):
        return f"{name!r} must be a list: start each entry with '- ' (see FORMAT.md)"
    if kind in ("string_type", "int_type") and isinstance(value, (list, dict)):
        return f"{name!r} must be a single value, not a list"
    if kind == "string_type" and isinstance(value, (int, bool)):
        return f'{name!r} must be text: write it in double quotes, "{value}"'
    if kind == "too_short":
        what = "source" if name == "sources" else "entry"
        return (f"{name!r} needs at least one {what}" + (": every event must cite a document "
                "(document, pages and quote)" if name == "sources" else ""))
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return (f"{name!r} is {len(value)} characters, over the limit of {limit}: shorten it"
                + ("; move detail into 'body'" if name == "summary" else ""))
    if kind == "string_too_short" and required:
        return (f"{name!r} is empty, but it is required: write it between the quotes, "
                f"e.g. {name}: {_EXAMPLES.get(name, chr(34) + '...' + chr(34))}")
    if kind == "string_too_short":
        return f"{name!r} is empty: write something or delete the line"
    if kind == "literal_error":
        return f"{name!r} must be one of {ctx.get('expected')}, not {show(str(value))}"
    if kind == "string_pattern_mismatch" and name == "pdf":
        return "'pdf' must be the full https:// address of the PDF"
    message = error["msg"].removeprefix("Value error, ")
    return f"{name}: {message}"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names (aliases where set) of the model found at `loc` inside `model`."""
    found = _model_at(model, loc)
    if found is None:
        return []
    return [info.alias or name for name, info in found.model_fields.items()]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model found at `loc` inside `model` (list indexes and mapping keys skipped), or
    None where `loc` names no field or a field that holds no model."""
    keyed = False  # the part after a mapping field (translations) is a key, not a field
    for part in loc:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        info = _field_named(model, part)
        nested = _nested_model(info.annotation) if info else None
        if nested is None:
            return None
        keyed = typing.get_origin(info.annotation) is dict
        model = nested
    return model


def _field_named(model: type[BaseModel], part: Any) -> FieldInfo | None:
    """The field of `model` called `part`, by name or by alias."""
    return model.model_fields.get(part) or next(
        (f for f in model.model_fields.values() if f.alias == part), None)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found:
            return found
    return None


def _document_problems(collection: Collection) -> list[Problem]:
    problems = []
    for doc_id, doc in collection.documents.items():
        where = collection.positions[("documents", doc_id)]
        archive = archive_of(doc)
        problems += [where.problem(loc, message) for loc, message in archive.problems(doc, doc_id)]
        transcript = collection.transcripts.get(doc_id)
        message = archive.transcript_problem(doc, sorted(transcript.pages)) if transcript else None
        if message and transcript:
            problems.append(Problem(transcript.path, 1, 1, message))
    return problems


def _event_problems(collection: Collection, root: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for event_id, event in collection.events.items():
        where = collection.positions[("events", event_id)]
        problems += _source_problems(event, where, collection)
        problems += _reference_problems(event_id, event, where, collection)
        problems += translation_problems(event, where)
        problems += _mark_problems(event, where, root)
        problems += _html_problems(event, where, root)
        problems += _straight_quote_problems(event, where, root)
        problems += _markdown_work_problems(event, where, root)
    return problems


def _markdown_texts(event: Event) -> list[tuple[tuple[str, ...], str]]:
    """Every Markdown field of an event: its summary and body, and their translations."""
    texts = [((name,), getattr(event, name)) for name in ("summary", "body")]
    texts += [(("translations", lang, name), getattr(text, name))
              for lang, text in event.translations.items() for name in ("summary", "body")]
    return [(loc, text) for loc, text in texts if text]


def _markdown_work_problems(event: Event, where: Positions, root: Path | None) -> list[Problem]:
    """A field whose brackets would stall Markdown (see `markdowncost`), at the bracket."""
    problems = []
    for loc, text in _markdown_texts(event):
        found = bracket_message(".".join(loc), text)
        if found:
            at, message = found
            line, column = _place_in_text(root, where, loc, text[at:].split("\n", 1)[0][:40])
            problems.append(Problem(where.path, line, column, message))
    return problems


_HTML_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_MARKDOWN_FOR = {"i": "*words*", "em": "*words*", "b": "**words**", "strong": "**words**",
                 "a": "[words](https://...)", "br": "a blank line between paragraphs",
                 "p": "a blank line between paragraphs", "ul": "lines starting with - ",
                 "li": "lines starting with - ", "blockquote": "lines starting with > "}


def _html_problems(event: Event, where: Positions, root: Path | None) -> list[Problem]:
    """Raw HTML in a summary or body is shown as text, never as markup: say so, with the
    Markdown to use instead (a warning: the page is still safe and built)."""
    problems = []
    for loc, text in _markdown_texts(event):
        found = _HTML_TAG.search(text)
        if found is None:
            continue
        tag = found.group(1).lower()
        use = _MARKDOWN_FOR.get(tag)
        fix = f"write {use} instead" if use else "remove it"
        line, column = _place_in_text(root, where, loc, found.group(0))
        problems.append(Problem(where.path, line, column, f"HTML such as {found.group(0)!r} is "
                                f"not allowed in {'.'.join(loc)} and would show as text: {fix} "
                                "(Markdown, see FORMAT.md)", severity="warning"))
    return problems


_STRAIGHT_QUOTED = re.compile(r'"([^"]+)"')


def _straight_quote_problems(event: Event, where: Positions, root: Path | None) -> list[Problem]:
    """A translated title, summary or body that quotes between straight quotes ("..."): a
    warning at the quoted words, since only « » tells the page which quotes keep the
    document's words, to mark them as its language (`render/quotemarks.py`); "Duvalier must
    be removed" in a Spanish title was read aloud as Spanish."""
    problems = []
    for lang, text in event.translations.items():
        for name in ("title", "summary", "body"):
            found = _STRAIGHT_QUOTED.search(getattr(text, name) or "")
            if found is None:
                continue
            loc = ("translations", lang, name)
            line, column = _place_in_text(root, where, loc, found.group(1)[:40].split("\n")[0])
            problems.append(Problem(where.path, line, column, f"{'.'.join(loc)} quotes "
                                    f"{found.group(0)[:40]!r} between straight quotes: write "
                                    "« » instead, so that words kept as the document has them "
                                    "are marked as its language (FORMAT.md, Translations)",
                                    severity="warning"))
    return problems


def _mark_problems(event: Event, where: Positions, root: Path | None) -> list[Problem]:
    """A citation mark [^N] with no N-th source, at the mark itself."""
    problems = []
    count = len(event.sources)
    for number in sorted(event.citation_numbers()):
        if 1 <= number <= count:
            continue
        mark = f"[^{number}]"
        field_name = "summary" if mark in event.summary else "body"
        line, column = _place_in_text(root, where, field_name, mark)
        marks = "[^1]" if count == 1 else f"[^1] to [^{count}]"
        problems.append(Problem(where.path, line, column, f"citation mark {mark} has no source: "
                                f"this event has {count} source(s); use {marks}, or add source "
                                f"{number} under sources:"))
    return problems


def _place_in_text(root: Path | None, where: Positions, field: str | tuple[str, ...],
                   text: str) -> tuple[int, int]:
    """The line and column of `text` inside the value of `field` (a name, or a path such as
    ("translations", "es", "summary"); a block of several lines), read again from the file;
    the value's own place when it cannot be found."""
    line, column = where.of(field if isinstance(field, tuple) else (field,))
    try:
        lines = (root / where.path).read_text(encoding="utf-8").splitlines() if root else []
    except (OSError, UnicodeDecodeError):
        lines = []
    for number in range(line - 1, min(len(lines), line + 500)):
        found = lines[number].find(text, column - 1 if number == line - 1 else 0)
        if found >= 0:
            return number + 1, found + 1
    return line, column


def _source_problems(event: Event, where: Positions, collection: Collection) -> list[Problem]:
    problems = []
    for index, source in enumerate(event.sources):
        doc = collection.documents.get(source.document)
        if doc is None and ("documents", source.document) in collection.invalid:
            continue
        if doc is None:
            message = _unknown("document", source.document, collection.documents)
            problems.append(where.problem(("sources", index, "document"), message + "; "
                            "register it first: python build.py import-rif TRANSCRIPT, import-frus TEI, or "
                            "python build.py new document"))
            continue
        archive = archive_of(doc)
        outside = source.pages.first_outside(*archive.page_range(doc))  # ranges, not pages
        beyond = archive.page_problem(doc, source.document, outside) if outside else None
        if beyond:
            problems.append(where.problem(("sources", index, "pages"), beyond))
    return problems


def _reference_problems(event_id: str, event: Event, where: Positions,
                        collection: Collection) -> list[Problem]:
    problems = []
    for field_name, table in (("actors", collection.actors), ("themes", collection.themes),
                              ("related", collection.events)):
        values = getattr(event, field_name)
        for index, value in enumerate(values):
            if value in values[:index]:
                problems.append(where.problem((field_name, index), f"{value!r} is listed "
                                "twice: delete one"))
            elif field_name == "related" and value == event_id:
                problems.append(where.problem((field_name, index), "an event cannot be "
                                "related to itself: delete this entry"))
            elif value not in table and (field_name if field_name != "related" else "events",
                                         value) not in collection.invalid:
                kind = {"actors": "actor", "themes": "theme", "related": "event"}[field_name]
                problems.append(where.problem((field_name, index),
                                              _unknown(kind, value, table)))
    return problems


def _unknown(kind: str, value: str, table: dict[str, Any]) -> str:
    guess = _near_miss(kind, value, list(table))
    hint = f" (did you mean {guess!r}?)" if guess else ""
    folder = {"actor": "actors", "theme": "themes", "event": "events",
              "document": "documents"}[kind]
    return f"unknown {kind} {value!r}{hint}: no file {folder}/{value}.yaml{_HOW_TO_ADD.get(kind, '')}"


# How to add a record that is missing (documents say it where they are cited).
_HOW_TO_ADD = {
    "actor": "; if the actor is new, add it: a file actors/<id>.yaml with name, kind and "
             "description (see FORMAT.md, Actors)",
    "theme": "; if the theme is new, add it: a file themes/<id>.yaml with title and "
             "description (see FORMAT.md, Themes)",
}


def _near_miss(kind: str, value: str, ids: list[str]) -> str | None:
    """The id `value` was probably meant to be, or None. Actors and themes are names: a name
    close to another is usually another person ("orlando-bosch" is not "orlando-letelier"),
    so only a slip of a letter or two counts; event and document ids share long prefixes
    (dates, agency numbers) and are matched more loosely."""
    if kind in ("actor", "theme"):
        close = [(DamerauLevenshtein.distance(value, other), other) for other in ids]
        close = [pair for pair in close if pair[0] <= 2 and pair[0] < len(value) // 2 + 1]
        return min(close)[1] if close else None
    guess = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    return guess[0] if guess else None

"""Load and validate a whole project: the library entry point behind `build.py check`."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desclasificado.check.collection import Collection
from desclasificado.check.placeholders import placeholder_problems, record_placeholders, supersede
from desclasificado.check.quotes import check_event_quotes
from desclasificado.check.validate import validate
from desclasificado.load.records import KeptReads, RawProject, load_project
from desclasificado.problems import Problem, cap_per_file, sort_problems


@dataclass
class CheckResult:
    """The validated collection and every problem found, sorted by file and line."""

    collection: Collection
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def summary(self) -> str:
        c = self.collection
        errors = sum(p.severity == "error" for p in self.problems)
        return (f"checked {len(c.events)} events, {len(c.documents)} documents, "
                f"{len(c.actors)} actors, {len(c.themes)} themes: "
                f"{errors} error{'s' if errors != 1 else ''}")


@dataclass
class Rechecks:
    """What a check keeps for the next check of the same project (`serve` checks again at
    each change): each file's record or transcript (`KeptReads`), each record's model
    (`validate`), each record's placeholders and each event's quote problems. Each is given
    again only for the very objects it was made of, so the check finds what a check from
    scratch finds."""

    reads: KeptReads = field(default_factory=KeptReads)
    models: dict[int, Any] = field(default_factory=dict)
    quotes: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    placeholders: dict[int, tuple[Any, ...]] = field(default_factory=dict)


def check_project(root: Path, verify_quotes: bool = True,
                  kept: Rechecks | None = None) -> CheckResult:
    """Read every file under `root`, validate it, and verify quotes against transcripts
    (with `kept`, what did not change since its last check is not worked out again).

    A problem at the place of a placeholder or of a YAML problem is dropped as its echo
    (see `placeholders.supersede`).
    """
    with collector_paused():
        raw = load_project(root, kept.reads if kept else None)
        collection, problems = validate(raw, kept.models if kept else None)
        if verify_quotes:
            problems += _quote_problems(collection, kept.quotes if kept else None)
        yaml_level = set(raw.problems)
        later = [p for p in problems if p not in yaml_level]
        problems = supersede(_placeholders(raw, kept.placeholders if kept else None),
                             supersede(raw.problems, later))
        return CheckResult(collection, cap_per_file(sort_problems(problems)))


def _quote_problems(collection: Collection, kept: dict[str, tuple[Any, ...]] | None
                    ) -> list[Problem]:
    """The problems of every event's quotes; with `kept`, an event whose model, positions
    and cited transcripts are the objects of the last check keeps its problems."""
    problems, fresh = [], {}
    for event_id, event in collection.events.items():
        where = collection.positions[("events", event_id)]
        cited = tuple(collection.transcripts.get(s.document) for s in event.sources)
        found = kept.get(event_id) if kept is not None else None
        if found is None or found[0] is not event or found[1] is not where or any(
                a is not b for a, b in zip(found[2], cited, strict=True)):
            found = (event, where, cited, check_event_quotes(event, collection.transcripts,
                                                             where))
        fresh[event_id] = found
        problems += found[3]
    if kept is not None:
        kept.clear()
        kept.update(fresh)
    return problems


def _placeholders(raw: RawProject, kept: dict[int, tuple[Any, ...]] | None) -> list[Problem]:
    """The placeholders of every record (`placeholder_problems`); with `kept`, a record
    that is the object of the last check keeps its own."""
    if kept is None:
        return placeholder_problems(raw)
    fresh = {}
    for record in raw.records:
        found = kept.get(id(record))
        fresh[id(record)] = found if found is not None and found[0] is record else (
            record, record_placeholders(record))
    kept.clear()
    kept.update(fresh)
    return [problem for record in raw.records for problem in fresh[id(record)][1]]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the check builds its collection.

    The check makes millions of small objects that form no cycles and live on, and the
    collector would scan them again and again as they accumulate (a quarter of the check's time
    at 10,000 events). Memory is still freed as usual, by reference counting. At the end they
    are filed with the old objects (`freeze` then `unfreeze` moves every object to the oldest
    generation at once), as if they had survived collections, instead of being scanned as new.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()

"""Load and validate a whole project: the library entry point behind `build.py check`."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desclasificado.check.collection import Collection
from desclasificado.check.placeholders import placeholder_problems, supersede
from desclasificado.check.quotes import check_event_quotes
from desclasificado.check.validate import validate
from desclasificado.load.records import load_project
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


def check_project(root: Path, verify_quotes: bool = True) -> CheckResult:
    """Read every file under `root`, validate it, and verify quotes against transcripts.

    A problem at the place of a placeholder or of a YAML problem is dropped as its echo
    (see `placeholders.supersede`).
    """
    with collector_paused():
        raw = load_project(root)
        collection, problems = validate(raw)
        if verify_quotes:
            for event_id, event in collection.events.items():
                where = collection.positions[("events", event_id)]
                problems += check_event_quotes(event, collection.transcripts, where)
        yaml_level = set(raw.problems)
        later = [p for p in problems if p not in yaml_level]
        problems = supersede(placeholder_problems(raw), supersede(raw.problems, later))
        return CheckResult(collection, cap_per_file(sort_problems(problems)))


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

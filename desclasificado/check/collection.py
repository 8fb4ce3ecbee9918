"""The validated content of a project, as every later stage receives it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from desclasificado.load.transcripts import Transcript
from desclasificado.load.yamlsafe import Positions
from desclasificado.records.models import Actor, Document, Event, Theme


@dataclass
class Collection:
    """The validated content of a project: records by id, transcripts by document id."""

    events: dict[str, Event] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    positions: dict[tuple[str, str], Positions] = field(default_factory=dict)
    # Records that exist but did not validate: their own errors are reported, so
    # references to them are not reported again as unknown.
    invalid: set[tuple[str, str]] = field(default_factory=set)
    # The day each record's file last changed in git, by its path ("events/x.yaml"), where
    # the build runs in a checkout with its history (`load/history.py`; empty otherwise).
    changed: dict[str, datetime.date] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Any]:
        return getattr(self, kind)

    def path(self, kind: str, record_id: str) -> str:
        return self.positions[(kind, record_id)].path

    def drop_value_positions(self) -> None:
        """Keep only the file of each record, not where each of its values is: what a
        checked collection needs to be rendered (a fifth of its memory at 10,000 events)."""
        self.positions = {key: Positions(where.path) for key, where in self.positions.items()}

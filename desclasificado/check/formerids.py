"""Checks of `former_ids`: every old address of an event leads to one event only.

An event whose file was renamed names its old ids in `former_ids`, and the site publishes a
redirect from each old address (`render/redirects.py`). An old id must be free: not the id
of an event (whose page is at that address), not claimed by two events.
"""

from __future__ import annotations

from desclasificado.check.collection import Collection
from desclasificado.problems import Problem


def former_id_problems(collection: Collection) -> list[Problem]:
    """One problem per former id that is an event's id or another event's former id."""
    problems: list[Problem] = []
    claimed: dict[str, str] = {}
    for event_id in sorted(collection.events):
        where = collection.positions[("events", event_id)]
        for index, old in enumerate(collection.events[event_id].former_ids):
            message = _clash(event_id, old, collection, claimed)
            if message:
                problems.append(where.problem(("former_ids", index), message))
            else:
                claimed[old] = event_id
    return problems


def _clash(event_id: str, old: str, collection: Collection, claimed: dict[str, str]) -> str:
    """Why `old` cannot be a former id of `event_id` ("" when it can)."""
    if old == event_id:
        return (f"{old!r} is this event's own id, not a former one: delete this entry")
    if old in collection.events or ("events", old) in collection.invalid:
        return (f"{old!r} is the id of another event (events/{old}.yaml), whose page is at "
                f"that address: delete this entry, or rename that event's file")
    if claimed.get(old) == event_id:
        return f"{old!r} is listed twice: delete one"
    if old in claimed:
        return (f"{old!r} is already a former id of event {claimed[old]!r} "
                f"(events/{claimed[old]}.yaml): an old address can lead to one event only; "
                f"delete it from one of the two")
    return ""

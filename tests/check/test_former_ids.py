"""`former_ids`: an old address leads to one event; clashes are errors at the entry."""

from __future__ import annotations

from tests.conftest import GOOD_EVENT, Project

PARIS = "events/1963-04-11-paris.yaml"
OTHER = "events/1963-05-01-other.yaml"


def _other(former: str) -> str:
    return GOOD_EVENT.replace('title: "', 'title: "Other: ', 1) + f"former_ids: {former}\n"


def test_free_former_ids_pass(project: Project) -> None:
    project.write(PARIS, GOOD_EVENT + 'former_ids: ["1963-04-paris-network"]\n')
    code, lines = project.check()
    assert code == 0, lines


def test_a_former_id_that_is_an_event_is_an_error_at_its_entry(project: Project) -> None:
    project.write(PARIS, GOOD_EVENT)
    project.write(OTHER, _other('["1963-04-11-paris"]'))
    code, lines = project.check()
    assert code == 1
    line = _other("").count("\n")  # the last line: former_ids: ["..."], entry at column 14
    assert lines == [
        f"{OTHER}:{line}:14: error: '1963-04-11-paris' is the id of another event "
        "(events/1963-04-11-paris.yaml), whose page is at that address: delete this entry, "
        "or rename that event's file",
        "checked 2 events, 1 documents, 1 actors, 1 themes: 1 error"]


def test_two_events_claiming_one_old_id_and_own_ids(project: Project) -> None:
    project.write(PARIS, GOOD_EVENT + 'former_ids: ["old-id", "1963-04-11-paris", "old-id"]\n')
    project.write(OTHER, _other('["old-id"]'))
    code, lines = project.check()
    assert code == 1
    text = "\n".join(lines)
    assert "'1963-04-11-paris' is this event's own id, not a former one: delete this entry" in text
    assert "'old-id' is listed twice: delete one" in text
    assert ("'old-id' is already a former id of event '1963-04-11-paris' "
            "(events/1963-04-11-paris.yaml): an old address can lead to one event only") in text
    assert [line.split(": error:")[0] for line in lines[:3]] == [
        f"{PARIS}:11:{column}" for column in (24, 44)] + [f"{OTHER}:11:14"]

"""A check that keeps what it worked out for the next (`check.project.Rechecks`, `serve`):
after each kind of edit it finds what a check from scratch finds."""

from __future__ import annotations

from pathlib import Path

from desclasificado.check.project import Rechecks, check_project
from tests.sitekit import SiteProject, event_yaml

TRANSCRIPT = "documents/176-10036-10058.md"


def _same_as_from_scratch(project: SiteProject, kept: Rechecks) -> list[str]:
    again, fresh = check_project(project.root, kept=kept), check_project(project.root)
    assert again.problems == fresh.problems
    assert again.collection.events == fresh.collection.events
    assert again.collection.transcripts == fresh.collection.transcripts
    return [p.format() for p in again.problems]


def test_a_check_again_finds_what_a_check_from_scratch_finds(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    kept = Rechecks()
    assert _same_as_from_scratch(project, kept) == []
    edits = [  # (file, new text or None to delete it, a problem expected)
        ("events/1962-new.yaml", event_yaml("1962", "A new event"), None),
        ("events/1962-new.yaml", event_yaml("1962", "Its title edited"), None),
        ("events/1962-new.yaml", event_yaml("1962", "A misquote", quote="Not in the "
                                            "document at all, not one of these words."),
         "events/1962-new.yaml:8:"),
        ("events/1962-new.yaml", event_yaml("1962", "TODO: a title"), "fill in 'title'"),
        ("events/1962-new.yaml", 'date: "1962"\ntitle: [unclosed\n', "events/1962-new.yaml:2:"),
        ("events/1962-new.yaml", event_yaml("1962", "Fixed"), None),
        (TRANSCRIPT, "## Page 3\n\nOther words entirely, nothing of the quote.\n",
         "events/1962-new.yaml:8:"),  # the same event, now misquoting the new transcript
        ("events/1962-new.yaml", None, "1963-04-11-paris.yaml"),  # Paris still misquotes
    ]
    for path, text, problem in edits:
        if text is None:
            (project.root / path).unlink()
        else:
            project.write(path, text)
        found = _same_as_from_scratch(project, kept)
        assert (problem is None) == (found == [])
        assert problem is None or any(problem in line for line in found), (path, found)

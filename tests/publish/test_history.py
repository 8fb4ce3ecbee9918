"""'Last changed' on event pages: from one `git log`, only with the whole history."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path

import pytest

from desclasificado.load.history import last_changed, parse_log
from tests.sitekit import SiteProject, event_yaml

EVENT = "events/1963-04-11-paris.yaml"


def _git(root: Path, *args: str, day: str = "2024-02-29T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_the_newest_commit_of_each_path_wins() -> None:
    log = "\0" + "2025-03-01\n\nevents/a.yaml\n\0" + "2024-01-02\n\nevents/a.yaml\nevents/b.yaml\n"
    assert parse_log(log) == {"events/a.yaml": datetime.date(2025, 3, 1),
                              "events/b.yaml": datetime.date(2024, 1, 2)}


def test_no_checkout_no_dates(tmp_path: Path) -> None:
    assert last_changed(tmp_path) == {}


@pytest.fixture
def checkout(tmp_path: Path) -> SiteProject:
    project = SiteProject(tmp_path / "project")
    _git(project.root, "init", "-q")
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-qm", "first", day="2024-02-29T12:00:00")
    project.write("events/1963-05-01-later.yaml", event_yaml("1963-05-01", "Later"))
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-qm", "second", day="2025-07-04T12:00:00")
    return project


def test_an_event_page_says_when_its_file_last_changed(checkout: SiteProject) -> None:
    code, lines = checkout.build()
    assert code == 0, lines
    first = checkout.page("events/1963-04-11-paris/")
    assert first.find("p", class_="changed").words() == "Last changed: 29 February 2024"
    assert first.find("p", class_="changed").find("time").get("datetime") == "2024-02-29"
    later = checkout.page("es/events/1963-05-01-later/")
    assert later.find("p", class_="changed").words() == "Última modificación: 4 de julio de 2025"
    data = [json.loads(s.text) for s in first.find_all("script")
            if s.get("type") == "application/ld+json"][0]
    assert data["dateModified"] == "2024-02-29"


def test_a_shallow_clone_gives_no_dates(checkout: SiteProject, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{checkout.root}", str(clone)],
                   check=True, capture_output=True)
    assert last_changed(checkout.root)[EVENT] == datetime.date(2024, 2, 29)
    assert last_changed(clone) == {}

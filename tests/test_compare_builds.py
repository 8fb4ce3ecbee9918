"""tools/compare_builds.py: the script that shows a refactoring left the site unchanged."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("compare_builds", REPO / "tools" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_builds)


def test_it_lists_changed_added_and_removed_files(tmp_path: Path) -> None:
    left, right = tmp_path / "a", tmp_path / "b"
    for site in (left, right):
        (site / "events" / "x").mkdir(parents=True)
        (site / "index.html").write_text("same")
    (left / "events" / "x" / "index.html").write_text("old")
    (right / "events" / "x" / "index.html").write_text("new")
    (left / "gone.html").write_text("")
    (right / "added.html").write_text("")
    assert compare_builds.differences(left, right) == ["- gone.html", "+ added.html",
                                                       "~ events/x/index.html"]
    assert compare_builds.differences(left, left) == []


def test_the_working_tree_builds_like_itself(capsys) -> None:
    assert compare_builds.compare(".", ".") == 0
    assert "identical" in capsys.readouterr().out

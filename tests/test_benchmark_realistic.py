"""The realistic benchmark: its clones of the real events check cleanly, and it runs on a tiny
size and writes its figures (it times nothing in the tests)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.measure import only_languages
from benchmarks.realistic import clone_event, generate, one_language_project, shift_date
from desclasificado.check.project import check_project
from desclasificado.render import i18n
from tests.conftest import REPO


def test_dates_move_by_whole_years_and_stay_valid() -> None:
    assert shift_date("1963-04-11", 5) == "1968-04-11"
    assert shift_date("1964-02-29", 1) == "1965-02-28"
    assert shift_date("1964-02-29", 4) == "1968-02-29"
    assert shift_date("1962-06/1962-12", -17) == "1945-06/1945-12"
    assert shift_date("1976-09-13~", 2) == "1978-09-13~"
    assert shift_date("1960", 3) == "1963"


def test_related_events_point_into_the_same_copy_or_the_first() -> None:
    text = 'date: "1963-04-11"\ntitle: "x"\nrelated: ["a", "b", "c"]\n'
    ids = {"a-r002", "b-r000", "x-r002"}
    assert clone_event(text, 2, 1, ids) == 'date: "1964-04-11"\ntitle: "x"\nrelated: ["a-r002", "b-r000"]\n'
    assert "related" not in clone_event(text, 2, 1, set())


def test_the_clones_check_without_a_problem(tmp_path: Path) -> None:
    originals = len(list((REPO / "events").glob("*.yaml")))
    root = generate(tmp_path / "project", originals + 7)
    result = check_project(root)
    assert result.problems == []
    assert len(result.collection.events) == originals + 7
    assert len(result.collection.documents) == len(list((REPO / "documents").glob("*.yaml")))
    second = [i for i in result.collection.events if i.endswith("-r001")]
    assert len(second) == 7
    for event_id in second:  # related events of a copy are in that copy or the first
        for related in result.collection.events[event_id].related:
            assert re.search(r"-r00[01]$", related), (event_id, related)


def test_the_realistic_benchmark_runs_and_writes_its_figures(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "realistic.py"), "--sizes", "20,40",
                             "--runs", "1", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "realistic.json").read_text())
    assert [r["events"] for r in report["results"]] == [20, 40]
    forty = report["results"][1]
    assert forty["check_problems"] == 0 and forty["site_files"] > 40 and forty["peak_mb"] > 0
    assert forty["parse_s"] > 0 and forty["check_s"] > 0 and forty["build_s"] > 0
    names = [t["target"] for t in report["targets"]]
    assert names[0] == "full build at 40 at most 15 s" and len(names) == 6
    assert "build time(40)/time(20) at most 1.1 x 2" in names
    assert "build after editing one event of 40 at most 3 s" in names
    assert forty["incremental_s"] > 0 and forty["incremental_reused"] > forty["site_files"] / 4
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["events", "runs", "parse"] and "targets (issue 16):" in lines


def test_the_benchmark_builds_one_language_beside_every_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--languages en`: the benchmark's switch hides the other catalogues from the build's
    process, and the project it builds has the same records and the hand-written pages of
    English only; the report gives both medians and their ratio."""
    monkeypatch.setattr(i18n, "available", i18n.available)  # put back after the test
    assert i18n.site_languages("en") == ["en", "es"]
    only_languages(["en"])
    assert i18n.site_languages("en") == ["en"]
    root = generate(tmp_path / "realistic", 10)
    one = one_language_project(root, ["en"])
    assert sorted(p.name for p in (one / "events").iterdir()) == sorted(
        p.name for p in (root / "events").iterdir())
    assert not (one / "pages" / "es").exists() and (one / "pages" / "teachers.md").is_file()
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "realistic.py"), "--sizes",
                             "20", "--runs", "1", "--languages", "en", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    twenty = json.loads((tmp_path / "realistic.json").read_text())["results"][0]
    assert twenty["languages_only"] == ["en"] and twenty["build_only_s"] > 0
    assert twenty["languages_ratio"] == twenty["build_s"] / twenty["build_only_s"]
    assert twenty["languages_cpu_ratio"] > 0
    assert (tmp_path / "realistic-20" / "site" / "es").is_dir()
    assert not (tmp_path / "realistic-20-en" / "site" / "es").exists()
    assert (tmp_path / "realistic-20-en" / "site" / "events").is_dir()
    assert "build in every language / in en only (medians):" in result.stdout


def test_the_benchmark_measures_serve(tmp_path: Path) -> None:
    """`--serve-size`: edits served one after the other by one `serve`, with its target."""
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "realistic.py"), "--sizes",
                             "0", "--serve-size", "20", "--runs", "1", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "realistic.json").read_text())
    served = report["serve"]
    assert served["events"] == 20 and len(served["serve_runs_s"]) == 2
    assert None not in served["serve_runs_s"]  # both edits were served
    assert served["serve_s"] == served["serve_runs_s"][1]
    assert [t["target"] for t in report["targets"]] == ["serve shows an edit within 1 s at 20"]
    assert "serve s (an edit served, 20 events):" in result.stdout


def test_the_build_after_one_edit_is_measured_phase_by_phase(tmp_path: Path) -> None:
    """`--edit` (benchmarks/oneedit.py): the cache filled, one summary edited, a build with
    the cache, its phases printed; the event is put back (it times nothing here)."""
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "realistic.py"), "--sizes", "20",
                             "--runs", "1", "--edit", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "median of 1: " in result.stdout and "generated pages" in result.stdout
    events = sorted((tmp_path / "realistic-20" / "events").glob("*.yaml"))
    assert "Edited, take" not in events[len(events) // 2].read_text()

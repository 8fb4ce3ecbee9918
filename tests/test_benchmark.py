"""The benchmark runs (on 50 events, so that it is quick): it times nothing in the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_the_benchmark_runs_and_writes_its_figures(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "30,50",
                             "--runs", "1", "--serve-size", "50", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "latest.json").read_text())
    assert [r["events"] for r in report["results"]] == [30, 50]
    fifty = report["results"][1]
    assert fifty["documents"] == 10 and fifty["site_files"] > 50 and fifty["peak_mb"] > 0
    assert fifty["check_s"] > 0 and fifty["parse_s"] > 0 and set(fifty["stages_s"]) == {"check", "index",
                                                                                         "render"}
    assert report["serve_s"] is not None  # the edited event was served
    names = [t["target"] for t in report["targets"]]
    assert any(name.startswith("check at 50 within 2x") for name in names)
    assert "serve shows an edit within 5 s" in names
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["events", "runs", "parse"] and "targets:" in lines

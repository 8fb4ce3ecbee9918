"""Shared fixtures: tiny projects in temporary directories, built from the real seed record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = "176-10036-10058"

GOOD_EVENT = """\
date: "1963-04-11"
title: "CIA source names Paris as the hub of the network"
summary: "The CIA's source reported that Paris had become the center of the network.[^1]"
countries: ["PE", "FR"]
actors: ["cia"]
themes: ["exile-networks"]
sources:
  - document: "176-10036-10058"
    pages: "3"
    quote: "Paris has emerged as the center of the network."
"""


class Project:
    """A minimal content tree: the seed document, one actor, one theme, one event."""

    def __init__(self, root: Path):
        self.root = root
        for kind in ("events", "documents", "actors", "themes"):
            (root / kind).mkdir(parents=True, exist_ok=True)
        for suffix in (".yaml", ".md"):
            shutil.copy(REPO / "documents" / f"{SEED}{suffix}", root / "documents")
        shutil.copy(REPO / "actors" / "cia.yaml", root / "actors")
        shutil.copy(REPO / "themes" / "exile-networks.yaml", root / "themes")
        self.write("events/1963-04-11-paris.yaml", GOOD_EVENT)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def check(self, *args: str) -> tuple[int, list[str]]:
        """Run `build.py check` in-process; return the exit code and the printed lines."""
        import contextlib
        import io

        from desclasificado.cli import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["check", *args], root=self.root)
        return code, out.getvalue().splitlines()


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ `browser`: `pytest -m "not browser"` is the quick run."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)

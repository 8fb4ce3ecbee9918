"""Time the site build on a synthetic collection: `python benchmarks/site_bench.py N`.

Writes the project into benchmarks/out/site-N (git-ignored), with an mkdocs.yml that
points at this repository's theme, pages and hooks, then runs `build_site()` and prints
the time of each stage (check, index, render, whole build).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import generate  # noqa: E402
from desclasificado.check import check_project  # noqa: E402
from desclasificado.index import build_index  # noqa: E402
from desclasificado.render import render_site  # noqa: E402
from desclasificado.sitebuild import build_site  # noqa: E402


def site_config(root: Path) -> None:
    """Give a project the repository's mkdocs.yml, pages and theme (by absolute path)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    text = text.replace("- desclasificado/mkdocs_hooks.py",
                        f"- {REPO / 'desclasificado' / 'mkdocs_hooks.py'}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "pages", root / "pages", dirs_exist_ok=True)


def main(count: int) -> None:
    root = generate(REPO / "benchmarks" / "out" / f"site-{count}", count)
    site_config(root)
    started = time.perf_counter()
    result = check_project(root)
    checked = time.perf_counter()
    index = build_index(result.collection)
    indexed = time.perf_counter()
    render_site(result.collection, index)
    rendered = time.perf_counter()
    print(f"check {checked - started:.1f} s, index {indexed - checked:.1f} s, "
          f"render {rendered - indexed:.1f} s")
    started = time.perf_counter()
    code = build_site(root)
    print(f"build_site: exit {code}, {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

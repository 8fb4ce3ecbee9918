"""One measurement in a fresh process: `python benchmarks/measure.py WHAT ROOT [SITE_DIR]`.

`benchmarks/run.py` starts this script once per measurement, so that no cache of a previous
run is warm and the peak memory (read by the parent with `os.wait4`) is that of this one
measurement. It prints one JSON object: the seconds the measured call took (imports
excluded), and for `stages` the time of each stage of the build.

    parse   read every YAML record and parse it with PyYAML's C loader, nothing else
    check   `check_project(ROOT)`: load, validate, verify quotes
    stages  check, index and render, each timed, without MkDocs
    build   `build_site(ROOT, SITE_DIR)`: the whole `python build.py` (`build ROOT SITE_DIR
            WORKERS`: on that many processes); a last argument `--languages=en` builds
            the site in those languages only (comma-separated codes; `only_languages`);
            `--cache` reuses and keeps pages in ROOT/.build-cache (else every page is
            rendered, as in a clean checkout)
    search  `index_search(ROOT)`, ROOT a built site: Pagefind indexing it again, with the
            peak memory and CPU time of the largest of its Pagefind processes
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

KINDS = ("events", "documents", "actors", "themes")


def parse_only(root: Path) -> dict[str, float]:
    """The floor: parse every record with the C loader, and nothing more."""
    import yaml

    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    for kind in KINDS:
        for path in sorted((root / kind).glob("*.yaml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
            count += 1
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "files": count}


def check(root: Path) -> dict[str, float]:
    from desclasificado.check.project import check_project

    started, cpu = time.perf_counter(), time.process_time()
    result = check_project(root)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
            "problems": len(result.problems)}


def stages(root: Path) -> dict[str, float]:
    """Check, index and render one after the other, as the build does before MkDocs."""
    from desclasificado.check.project import check_project
    from desclasificado.index import build_index
    from desclasificado.render import render_site

    times = {}
    started = time.perf_counter()
    result = check_project(root)
    times["check"] = time.perf_counter() - started
    started = time.perf_counter()
    index = build_index(result.collection)
    times["index"] = time.perf_counter() - started
    started = time.perf_counter()
    render_site(result.collection, index)
    times["render"] = time.perf_counter() - started
    return times


def build(root: Path, site_dir: Path, workers: int | None = None,
          cache: bool = False) -> dict[str, float]:
    """A full build (`cache`: reusing the pages the last build with the cache kept, in
    root/.build-cache/, and keeping this one's)."""
    from desclasificado.cli import build_and_report as build_site

    out = io.StringIO()
    started, cpu, before = time.perf_counter(), time.process_time(), _children_cpu()
    with contextlib.redirect_stdout(out):
        code = build_site(root, site_dir, workers=workers, cache=cache)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if code != 0:
        sys.exit(out.getvalue())
    reused = re.search(r"\(([\d,]+) unchanged", out.getvalue())
    return {"seconds": seconds, "cpu": cpu, "children_cpu": _children_cpu() - before,
            "reused": int(reused.group(1).replace(",", "")) if reused else 0}


def _children_cpu() -> float:
    """CPU seconds of the processes this one has waited for: the build's workers, Pagefind."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def search(site: Path) -> dict[str, float]:
    import resource
    import shutil

    from desclasificado.publish.searchindex import index_search

    shutil.rmtree(site / "pagefind", ignore_errors=True)  # as in a fresh build
    started, cpu = time.perf_counter(), time.process_time()
    index_search(site)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # Pagefind: this process's only
    return {"seconds": seconds, "cpu": time.process_time() - cpu,
            "pagefind_cpu": children.ru_utime + children.ru_stime,
            "pagefind_peak_mb": children.ru_maxrss / 1024}


def only_languages(codes: list[str]) -> None:
    """Publish the site in `codes` only, for this process: the languages of a site are those
    of `records/languages.py` that have a catalogue (`i18n.site_languages`), so the others'
    catalogues are hidden from it. A switch of the benchmark, not of the build."""
    from desclasificado.render import i18n

    every = i18n.available

    def available(root: Path | None = None) -> list[str]:
        return [code for code in every(root) if code in codes]

    i18n.available = available


def main(argv: list[str]) -> None:
    what, root = argv[0], Path(argv[1])
    if what == "build":
        rest = argv[3:]
        cache = "--cache" in rest
        rest = [arg for arg in rest if arg != "--cache"]
        if rest and rest[-1].startswith("--languages="):
            only_languages(rest.pop().removeprefix("--languages=").split(","))
        result = build(root, Path(argv[2]), int(rest[0]) if rest else None, cache)
    else:
        result = {"parse": parse_only, "check": check, "stages": stages,
                  "search": search}[what](root)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])

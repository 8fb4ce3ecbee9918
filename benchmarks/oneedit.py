"""The build after one edit, phase by phase: `python benchmarks/oneedit.py ROOT`.

    python benchmarks/oneedit.py /tmp/realistic-10000 --runs 3
    python benchmarks/oneedit.py /tmp/realistic-10000 --profile /tmp/edit.pstats --workers 1
    python benchmarks/realistic.py --sizes 10000 --edit      # makes the project, then this

ROOT is a project (`realistic.py` makes one of N cloned events: `--edit` there keeps it in
`--out` and runs this on it). Its cache (`ROOT/.build-cache/`) is filled by a build first
unless `--warm` says it is already (the last build of this code with the cache); then, `--runs`
times, the summary of one event is edited (a new text each run) and `python build.py` is
run in a fresh process, as a contributor would after saving the file: the seconds and CPU
seconds of the whole build (the build's process; its children, the other worker and
Pagefind), and of each phase (the functions below, timed where `pipeline.build` calls
them). Before each, it waits until the old site the last build threw away is deleted
(`publish/trash.py`), and says for how long. `--profile FILE` runs the last build under
cProfile and prints the 30 functions of most cumulative time. The event is put back
afterwards and the site left built; the figures are printed and, with `--json`, written.
Nothing here asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

#: (label, module, object, attribute): each timed where the build calls it.
PHASES = (
    ("recover leftovers", "desclasificado.pipeline", None, "recover_leftovers"),
    ("load + check", "desclasificado.pipeline", None, "check_project"),
    ("index", "desclasificado.pipeline", None, "build_index"),
    ("engine (all of MkDocs' build)", "desclasificado.pipeline", None, "run_engine"),
    ("  open the cache", "desclasificado.publish.pagecache", "PageCache", "open"),
    ("  plan the sites", "desclasificado.publish.plugin", None, "plan_sites"),
    ("  embeddable pages + data files", "desclasificado.publish.plugin", None,
     "write_site_files"),
    ("  generated pages", "desclasificado.publish.pagewriter", "PageWriter", "write"),
    ("  link check", "desclasificado.render", "Site", "broken_links"),
    ("minify styles", "desclasificado.pipeline", None, "minify_styles"),
    ("search index (Pagefind)", "desclasificado.pipeline", None, "index_site"),
    ("swap (with the manifest saved)", "desclasificado.pipeline", None, "swap"),
    ("  save the manifest", "desclasificado.publish.pagecache", "PageCache", "save"),
)


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(label: str, function, times: dict):
    def timed(*args, **kwargs):
        wall, cpu, children = time.perf_counter(), time.process_time(), _children()
        try:
            return function(*args, **kwargs)
        finally:
            entry = times.setdefault(label, [0.0, 0.0, 0.0])
            entry[0] += time.perf_counter() - wall
            entry[1] += time.process_time() - cpu
            entry[2] += _children() - children
    return timed


def instrument() -> dict:
    """Wrap each phase's function; the times each run adds up (wall, CPU, children's CPU)."""
    import importlib

    times: dict = {}
    for label, module, owner, name in PHASES:
        target = importlib.import_module(module)
        target = getattr(target, owner) if owner else target
        original = target.__dict__[name]
        if isinstance(original, classmethod):
            wrapped = classmethod(_timed(label, original.__func__, times))
        else:
            wrapped = _timed(label, original, times)
        setattr(target, name, wrapped)
    return times


def build_once(root: Path, workers: int | None) -> dict:
    """`python build.py` on `root` with the cache, in this process, phase by phase."""
    times = instrument()
    from desclasificado.cli import build_and_report

    out = io.StringIO()
    wall, cpu, children = time.perf_counter(), time.process_time(), _children()
    with contextlib.redirect_stdout(out):
        code = build_and_report(root, root / "site", workers=workers, cache=True)
    result = {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
              "children_cpu": _children() - children, "phases": times,
              "output": out.getvalue()[-400:]}
    if code != 0:
        sys.exit(out.getvalue())
    return result


def child(root: Path, workers: int | None, profile: Path | None = None) -> dict:
    """`build_once` in a fresh process (under cProfile with `profile`)."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += [str(Path(__file__).resolve()), str(root), "--child"]
    if workers is not None:
        command += ["--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def settle(root: Path) -> float:
    """Wait until the old site the last build threw away is deleted (`publish/trash.py`),
    so that a build does not share the disk with it; the seconds waited."""
    trash, started = root / ".build-cache" / "trash", time.perf_counter()
    while trash.is_dir() and any(trash.iterdir()) and time.perf_counter() - started < 900:
        time.sleep(0.2)
    return time.perf_counter() - started


def edited_event(root: Path) -> Path:
    events = sorted((root / "events").glob("*.yaml"))
    return events[len(events) // 2]


def edit_summary(text: str, run: int) -> str:
    """The event's text with its summary begun by a new sentence (one per run)."""
    for marker in ('\nsummary: "', "\nsummary: >-\n  ", "\nsummary: >\n  "):
        if marker in text:
            return text.replace(marker, f"{marker}Edited, take {run} at {time.time():.0f}. ", 1)
    raise SystemExit("the event to edit has no summary in a form this edits")


def show(result: dict) -> str:
    lines = [f"  whole build: {result['seconds']:.1f} s, CPU {result['cpu']:.1f} s "
             f"+ children {result['children_cpu']:.1f} s"]
    for label, _module, _owner, _name in PHASES:
        if label in result["phases"]:
            wall, cpu, kids = result["phases"][label]
            lines.append(f"  {label:<34} {wall:7.2f} s  CPU {cpu:6.2f} s + {kids:6.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--warm", action="store_true",
                        help="the cache is warm already: no build to fill it first")
    parser.add_argument("--profile", type=Path, help="profile the last build into this file")
    parser.add_argument("--json", type=Path, help="write the figures there")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.child:
        print(json.dumps(build_once(root, args.workers)))
        return 0
    if not args.warm:
        print("filling the cache...", file=sys.stderr, flush=True)
        filled = child(root, args.workers)
        print(f"  the build filling it: {filled['seconds']:.1f} s", file=sys.stderr)
    path = edited_event(root)
    original = path.read_text(encoding="utf-8")
    runs = []
    try:
        for run in range(args.runs):
            waited = settle(root)
            path.write_text(edit_summary(original, run), encoding="utf-8")
            last = run == args.runs - 1
            runs.append(child(root, args.workers, args.profile if last else None))
            runs[-1]["load"], runs[-1]["deletion_before_s"] = os.getloadavg(), waited
            print(f"run {run + 1} (load {runs[-1]['load'][0]:.2f}; the deletion of the old "
                  f"site before it: {waited:.1f} s more):\n{show(runs[-1])}", flush=True)
    finally:
        path.write_text(original, encoding="utf-8")
    print(f"median of {len(runs)}: {statistics.median(r['seconds'] for r in runs):.1f} s, "
          f"CPU {statistics.median(r['cpu'] for r in runs):.1f} s + "
          f"{statistics.median(r['children_cpu'] for r in runs):.1f} s")
    if args.profile:
        import pstats

        pstats.Stats(str(args.profile)).strip_dirs().sort_stats("cumulative").print_stats(30)
    if args.json:
        args.json.write_text(json.dumps({"event": path.name, "runs": runs}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

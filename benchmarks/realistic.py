"""Benchmark the check and the build on the repository's real events, cloned to N.

    python benchmarks/realistic.py                        # N = 1,000, 3,000 and 10,000
    python benchmarks/realistic.py --sizes 1000,3000 --runs 3
    python benchmarks/realistic.py --sizes 3000 --profile build   # where the time goes
    python benchmarks/realistic.py --sizes 1000,3000 --runs 5 --languages en
                                           # also build in English only, runs alternating

The synthetic benchmark (`run.py`) is kinder than real content: its quotes are exact
substrings of short transcripts and each document is cited a few times. Here every event of
`events/` is copied again and again until there are N, each copy with a new id (`-rNNN`
appended) and its dates moved by a whole number of years, its `related` events pointing into
the same copy. The copies cite the real documents and transcripts, which are copied as they
are with the actors and themes: popular documents are cited by hundreds of events, quotes
carry the OCR corrections contributors made, transcripts have their real length, and the
summaries, bodies and translations are the real ones.

Each figure is measured in a fresh process by `measure.py` (as `run.py` does): parsing the
same YAML files with PyYAML's C loader and nothing more, `check`, and the full build (the
median of `--runs` runs, one run from 10,000 events up); the peak memory of the build's
process; the site's size and its largest page. It prints a table and the targets of issue 16
with their ratios, and writes everything to benchmarks/out/realistic.json. Nothing here
asserts: the figures are for people to read.

Then the incremental build: the build with the page cache (`.build-cache/`, as `python
build.py` runs by default), once to fill it, then after editing the title of one event,
`--runs` times, each with a new title: the "1 edit s" column (the median) and how many pages
it reused (`--no-incremental` leaves these builds out).

`--edit` measures instead the build after one edit phase by phase (`oneedit.py`: the
cache filled, then one event's summary edited before each of `--runs` builds), on the
project of each size kept in `--out` (made if it is not there).

`--serve-size 1000` also measures `serve` on the project of that many events (`run.py`'s
`serve_latencies`): one server, `--runs` + 1 edits of one event's title in turn, each the
seconds from saving the file to the event's page, fetched over HTTP, showing the new title
("serve s"), and to the timeline's page of its year showing it too ("lists s": the preview
writes the edited pages first, the rest after). The first is the server's first
rebuild; the figures are the medians of the others, which find what the rebuild before kept
in memory (as a contributor's second edit does). Each edit waits until the list shows the
one before; with `--serve-unsettled`, only a second after its page is served, while the
rest of the site is still being rebuilt.

`--languages en` (comma-separated codes) adds builds of the site in those languages only
(`measure.py`'s switch: the other catalogues are hidden from the build's process), each run
right after a build in every language, so that both feel the same load of a shared
machine; it reports both medians and their ratio (every language / those only), and the
ratio of their CPU seconds (the build's process and its children), which the load of a
shared machine disturbs less.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import oneedit  # noqa: E402
from benchmarks.run import LARGE, MB, child, machine, profile_project, serve_latencies, site_stats  # noqa: E402
from desclasificado.publish.build import copy_site_config  # noqa: E402

_YEAR = re.compile(r"(?<![\d-])(1[89]\d\d|20\d\d)(-\d\d)?(-\d\d)?")
_SPAN = 41  # copies are moved by -17 to +23 years, so the years stay within 1930-1999


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def shift_date(value: str, years: int) -> str:
    """An EDTF date (or interval) moved by `years` whole years; 29 February becomes the 28th
    in a year that has none."""
    def move(match: re.Match[str]) -> str:
        year = int(match.group(1)) + years
        month, day = match.group(2) or "", match.group(3) or ""
        if month == "-02" and day == "-29" and not _leap(year):
            day = "-28"
        return f"{year}{month}{day}"

    return _YEAR.sub(move, value)


def copy_id(event_id: str, copy: int) -> str:
    return f"{event_id}-r{copy:03d}"


def clone_event(text: str, copy: int, years: int, ids: set[str]) -> str:
    """The YAML text of one event as copy number `copy`: its top-level date moved by `years`,
    its related events the same copy's (or the first copy's, or none if neither exists)."""
    lines = []
    for line in text.splitlines():
        if line.startswith("date:"):
            value = json.loads(line.partition(":")[2])
            line = f"date: {json.dumps(shift_date(value, years))}"
        elif line.startswith("related:"):
            related = [next((c for c in (copy_id(r, copy), copy_id(r, 0)) if c in ids), None)
                       for r in json.loads(line.partition(":")[2])]
            kept = [r for r in related if r is not None]
            if not kept:
                continue
            line = f"related: {json.dumps(kept)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, source: Path = REPO) -> Path:
    """Write a project of `count` events cloned from `source` into `out` (replacing it)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for kind in ("documents", "actors", "themes"):
        shutil.copytree(source / kind, out / kind,
                        ignore=shutil.ignore_patterns(".*", "README*"))
    originals = {p.stem: p.read_text(encoding="utf-8") for p in sorted((source / "events").glob("*.yaml"))}
    names = list(originals)
    plan = [(names[i % len(names)], i // len(names)) for i in range(count)]
    ids = {copy_id(name, copy) for name, copy in plan}
    (out / "events").mkdir()
    for name, copy in plan:
        years = (copy * 17) % _SPAN - 17
        (out / "events" / f"{copy_id(name, copy)}.yaml").write_text(
            clone_event(originals[name], copy, years, ids), encoding="utf-8")
    return out


def project(n: int, out: Path) -> Path:
    root = generate(out / f"realistic-{n}", n)
    copy_site_config(REPO, root)
    return root


def one_language_project(root: Path, languages: list[str]) -> Path:
    """A project beside `root` with the same records (hard links, not copies) whose hand-written
    pages are those of `languages` only (MkDocs refuses a page of a language the site is not
    built in, `pages/es/` linking to pages that are not there): what a site published in
    those languages alone has."""
    one = root.with_name(f"{root.name}-{'-'.join(languages)}")
    if one.exists():
        shutil.rmtree(one)
    one.mkdir()
    for kind in ("events", "documents", "actors", "themes"):
        shutil.copytree(root / kind, one / kind, copy_function=os.link)  # the check refuses symlinks
    copy_site_config(REPO, one)
    for folder in (one / "pages").iterdir():
        if folder.is_dir() and folder.name not in languages and (
                folder / "index.md").is_file():  # a language's folder of pages (pages/es/)
            shutil.rmtree(folder)
    return one


def _cpu(builds: list[tuple[dict, float]]) -> float:
    """The median CPU seconds of builds, the build's process and its children (the workers,
    Pagefind): steadier than the seconds on a machine others load."""
    return statistics.median(b[0]["cpu"] + b[0].get("children_cpu", 0) for b in builds)


def measure_size(n: int, runs: int, out: Path, workers: int | None = None,
                 languages: list[str] | None = None, incremental_too: bool = True) -> dict:
    """Every figure for a realistic collection of `n` events; with `languages`, also the
    build in those languages only."""
    root = project(n, out)
    site = root / "site"
    runs = 1 if n >= LARGE else runs
    parse = [child("parse", str(root))[0]["seconds"] for _ in range(runs)]
    check = [child("check", str(root))[0] for _ in range(runs)]
    processes = [] if workers is None else [str(workers)]
    builds, only = [], []
    one = one_language_project(root, languages) if languages else None
    for _ in range(runs):  # alternating, the site of every language built last
        if one is not None and languages:
            only.append(child("build", str(one), str(one / "site"), *processes,
                              f"--languages={','.join(languages)}"))
        builds.append(child("build", str(root), str(site), *processes))
    stats = site_stats(site)
    edits = incremental(root, runs, processes) if incremental_too else {}
    compared = {}
    if languages:
        one = statistics.median(b[0]["seconds"] for b in only)
        compared = {"languages_only": languages, "build_only_s": one,
                    "build_only_runs_s": [b[0]["seconds"] for b in only],
                    "build_runs_s": [b[0]["seconds"] for b in builds],
                    "languages_ratio": statistics.median(b[0]["seconds"] for b in builds) / one,
                    "languages_cpu_ratio": _cpu(builds) / _cpu(only)}
    return {
        "events": n, "documents": len(list((root / "documents").glob("*.yaml"))), "runs": runs,
        "parse_s": statistics.median(parse), "check_s": statistics.median(c["seconds"] for c in check),
        "check_problems": check[0]["problems"],
        "build_s": statistics.median(b[0]["seconds"] for b in builds),
        "build_cpu_s": statistics.median(b[0]["cpu"] for b in builds),
        "build_children_cpu_s": statistics.median(b[0]["children_cpu"] for b in builds),
        "peak_mb": max(b[1] for b in builds), **{f"site_{k}": v for k, v in vars(stats).items()},
        **compared, **edits,
    }


def incremental(root: Path, runs: int, processes: list[str]) -> dict:
    """The build with the cache (`.build-cache/`): once to fill it, then after editing the
    title of one event, `runs` times (each a new title), as a contributor previewing an
    edit would; the cache is removed afterwards."""
    shutil.rmtree(root / ".build-cache", ignore_errors=True)
    site = root / "site"
    filled = child("build", str(root), str(site), *processes, "--cache")
    path = sorted((root / "events").glob("*.yaml"))[len(list((root / "events").glob("*.yaml"))) // 2]
    original = path.read_text(encoding="utf-8")
    edited = []
    try:
        for run in range(runs):
            path.write_text(original.replace('\ntitle: "', f'\ntitle: "Edited {run} ', 1)
                            if '\ntitle: "' in original else original.replace(
                                'title: "', f'title: "Edited {run} ', 1), encoding="utf-8")
            edited.append(child("build", str(root), str(site), *processes, "--cache"))
    finally:
        path.write_text(original, encoding="utf-8")
        shutil.rmtree(root / ".build-cache", ignore_errors=True)
    return {"cached_fill_s": filled[0]["seconds"],
            "incremental_s": statistics.median(e[0]["seconds"] for e in edited),
            "incremental_runs_s": [e[0]["seconds"] for e in edited],
            # CPU seconds of the build's process, and of its children (workers, Pagefind)
            "incremental_cpu_s": statistics.median(e[0]["cpu"] for e in edited),
            "incremental_children_cpu_s": statistics.median(e[0]["children_cpu"] for e in edited),
            "incremental_reused": edited[-1][0]["reused"],
            "incremental_peak_mb": max(e[1] for e in edited)}


def serve(n: int, runs: int, out: Path, settle: bool = True) -> dict:
    """`serve` on the project of `n` events: `runs` + 1 edits of one event, one server."""
    root = project(n, out)
    shutil.rmtree(root / ".build-cache", ignore_errors=True)
    events = sorted(p.stem for p in (root / "events").glob("*.yaml"))
    lists: list[float | None] = []
    seconds = serve_latencies(root, events[len(events) // 2], runs + 1, lists, settle)
    later = [s for s in seconds[1:] if s is not None]
    listed = [s for s in lists[1:] if s is not None]
    return {"events": n, "serve_runs_s": seconds, "serve_first_s": seconds[0],
            "serve_s": statistics.median(later) if later and None not in seconds else None,
            "serve_lists_runs_s": lists, "settled": settle,
            "serve_lists_s": statistics.median(listed) if listed and None not in lists
            else None}


def targets(results: list[dict], served: dict | None = None) -> list[tuple[str, str, bool]]:
    """The targets of issue 16: what each says, the figure against it, whether it is met."""
    rows = _build_targets(results) if results else []
    if served is not None:
        name = f"serve shows an edit within 1 s at {served['events']:,}"
        rows.append((name, "the edit was never served", False) if served["serve_s"] is None
                    else _row(name, served["serve_s"], 1, " s"))
    return rows


def _row(name: str, value: float, limit: float, unit: str = "") -> tuple[str, str, bool]:
    return (name, f"{value:.2f}{unit} (limit {limit:g}{unit}, ratio {value / limit:.2f})",
            value <= limit)


def _build_targets(results: list[dict]) -> list[tuple[str, str, bool]]:
    small, large = results[0], results[-1]
    n = f"{large['events']:,}"
    rows = [_row(f"full build at {n} at most 15 s", large["build_s"], 15, " s")]
    if len(results) > 1:
        scale = large["events"] / small["events"]
        rows.append(_row(f"build time({n})/time({small['events']:,}) at most 1.1 x {scale:g}",
                         large["build_s"] / small["build_s"], 1.1 * scale))
    if "incremental_s" in large:
        rows.append(_row(f"build after editing one event of {n} at most 3 s",
                         large["incremental_s"], 3, " s"))
    return [*rows, _row(f"peak memory at {n} at most 400 MB", large["peak_mb"], 400, " MB"),
            _row(f"check at {n} within 2x of parse-only", large["check_s"] / large["parse_s"],
                 2, "x"),
            _row("no page over 1 MB", max(r["site_largest_page_bytes"] for r in results) / MB,
                 1, " MB")]


def table(results: list[dict]) -> str:
    columns = [
        ("events", lambda r: f"{r['events']:,}"), ("runs", lambda r: str(r["runs"])),
        ("parse s", lambda r: f"{r['parse_s']:.2f}"), ("check s", lambda r: f"{r['check_s']:.2f}"),
        ("check/parse", lambda r: f"{r['check_s'] / r['parse_s']:.1f}x"),
        ("build s", lambda r: f"{r['build_s']:.1f}"),
        ("CPU s", lambda r: f"{r['build_cpu_s'] + r['build_children_cpu_s']:.0f}"),
        ("build/parse", lambda r: f"{r['build_s'] / r['parse_s']:.0f}x"),
        ("1 edit s", lambda r: f"{r['incremental_s']:.1f}" if "incremental_s" in r else "-"),
        ("1 edit CPU s", lambda r: f"{r['incremental_cpu_s']:.1f} + {r['incremental_children_cpu_s']:.1f}"
         if "incremental_cpu_s" in r else "-"),
        ("reused", lambda r: f"{r['incremental_reused']:,}" if "incremental_s" in r else "-"),
        ("peak MB", lambda r: f"{r['peak_mb']:.0f}"), ("site MB", lambda r: f"{r['site_bytes'] / MB:.0f}"),
        ("files", lambda r: f"{r['site_files']:,}"),
        ("largest page", lambda r: f"{r['site_largest_page_bytes'] / 1024:.0f} KB {r['site_largest_page']}"),
    ]
    cells = [[name for name, _ in columns]] + [[cell(r) for _, cell in columns] for r in results]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(value.rjust(width) for value, width in zip(row, widths, strict=True)) for row in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000",
                        help="numbers of events, comma-separated (default 1000,3000,10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help=f"runs per measurement, the median is kept (1 from {LARGE:,} events up)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes rendering the pages (default: one per core)")
    parser.add_argument("--profile", choices=("check", "build"),
                        help="instead: profile check or the build at the largest size")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--languages", help="also build the site in these languages only "
                                            "(comma-separated codes, e.g. en), runs alternating")
    parser.add_argument("--no-incremental", action="store_true",
                        help="leave out the builds with the cache (after editing one event)")
    parser.add_argument("--edit", action="store_true",
                        help="instead: the build after one edit, phase by phase (oneedit.py), "
                             "on the project of each size in --out, made if missing and kept")
    parser.add_argument("--serve-size", type=int, default=0,
                        help="also measure serve on a project of this many events (0: not)")
    parser.add_argument("--serve-unsettled", action="store_true",
                        help="serve: each edit a second after the one before is served, "
                             "while the rest of the site is rebuilt (not once it is)")
    args = parser.parse_args(argv)
    sizes = sorted(n for n in (int(s.replace("_", "")) for s in args.sizes.split(",")) if n)
    languages = args.languages.split(",") if args.languages else None
    args.out.mkdir(parents=True, exist_ok=True)
    if args.edit:
        for n in sizes:
            root = args.out / f"realistic-{n}"
            fresh = not (root / "events").is_dir()
            if fresh:
                project(n, args.out)
            print(f"one edit at {n:,} realistic events ({root}):", flush=True)
            oneedit.main([str(root), "--runs", str(args.runs),
                          *([] if args.workers is None else ["--workers", str(args.workers)])])
        return 0
    if args.profile:
        profile_project(args.profile, project(sizes[-1], args.out), f"realistic-{sizes[-1]}",
                        args.out, args.top)
        return 0
    results = []
    for n in sizes:
        print(f"measuring {n:,} realistic events...", file=sys.stderr, flush=True)
        results.append(measure_size(n, args.runs, args.out, args.workers, languages,
                                    not args.no_incremental))
    served = None
    if args.serve_size:
        print(f"measuring serve on {args.serve_size:,} realistic events...", file=sys.stderr,
              flush=True)
        served = serve(args.serve_size, args.runs, args.out, not args.serve_unsettled)
    checks = targets(results, served)
    if results:
        print(table(results))
    if served is not None:
        shown = ", ".join("never" if s is None else f"{s:.2f}" for s in served["serve_runs_s"])
        median = "-" if served["serve_s"] is None else f"{served['serve_s']:.2f}"
        print(f"\nserve s (an edit served, {served['events']:,} events): {median} "
              f"(median after the first; each edit: {shown})")
        shown = ", ".join("never" if s is None else f"{s:.2f}"
                          for s in served["serve_lists_runs_s"])
        median = "-" if served["serve_lists_s"] is None else f"{served['serve_lists_s']:.2f}"
        print(f"lists s (the timeline's page of its year shows it too): {median} "
              f"(median after the first; each edit: {shown})")
    if languages:
        print(f"\nbuild in every language / in {','.join(languages)} only (medians):")
        for r in results:
            print(f"  {r['events']:>7,}  {r['build_s']:.1f} s / {r['build_only_s']:.1f} s = "
                  f"{r['languages_ratio']:.2f} (CPU: {r['languages_cpu_ratio']:.2f})")
    print("\ntargets (issue 16):")
    width = max(len(name) for name, _, _ in checks)
    for name, figure, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'}  {name.ljust(width)}  {figure}")
    report = {"machine": machine(), "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "workers": args.workers, "results": results, "serve": served,
              "targets": [{"target": name, "figure": figure, "met": ok} for name, figure, ok in checks]}
    (args.out / "realistic.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwritten to {args.out / 'realistic.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

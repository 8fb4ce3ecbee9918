"""Benchmark the check and the build on synthetic collections, against the project's targets.

    python benchmarks/run.py                          # N = 1,000, 3,000 and 10,000
    python benchmarks/run.py --sizes 1000,3000 --runs 5
    python benchmarks/run.py --sizes 10000 --profile check   # where the time goes

For each N it writes a synthetic project (`synthetic.py`: N events, N/5 documents with
transcripts) into benchmarks/out/project-N (git-ignored) and, each in a fresh process
(`measure.py`), times: parsing the same YAML files with PyYAML's C loader and nothing more,
`check`, the stages before MkDocs (check, index, render), and the full build; the median of
`--runs` runs (one run from 10,000 events up). Peak memory is the maximum resident size of
the build's process. From the built site it reads the output size, the size of event pages,
the largest page and the search index. `serve` latency is measured on the project of
`--serve-size` events: the time from saving an edited event to the edit being served.

It prints a table and each target with its ratio, and writes everything as JSON to
benchmarks/out/. Nothing here asserts: the figures are for people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import generate  # noqa: E402
from desclasificado.publish.build import copy_site_config  # noqa: E402

MEASURE = Path(__file__).with_name("measure.py")
LARGE = 10_000  # from this size on, one run is enough
MB = 1024 * 1024


def child(*args: str) -> tuple[dict, float]:
    """Run `measure.py ARGS` in a fresh process: its JSON result and its peak memory in MB."""
    process = subprocess.Popen([sys.executable, str(MEASURE), *args], stdout=subprocess.PIPE,
                               env={**os.environ, "PYTHONHASHSEED": "0"})
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"measure.py {' '.join(args)} failed with exit code {process.returncode}")
    return json.loads(output), usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


@dataclass
class SiteStats:
    """What the built site weighs."""

    bytes: int
    files: int
    event_page_median: int
    event_page_max: int
    largest_page: str
    largest_page_bytes: int
    search_file_max_bytes: int  # the largest file of the search index (pagefind/)


def site_stats(site: Path) -> SiteStats:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}
    pages = {path: size for path, size in sizes.items() if path.endswith(".html")}
    events = [size for path, size in pages.items() if path.startswith("events/")]
    largest = max(pages, key=pages.__getitem__)
    return SiteStats(sum(sizes.values()), len(sizes), int(statistics.median(events)), max(events),
                     largest, pages[largest],
                     max((s for path, s in sizes.items() if path.startswith("pagefind/")), default=0))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _poll(url: str, text: str, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = _page(url)
        if page is not None and text in page:
            return True
        time.sleep(interval)
    return False


def serve_latency(root: Path, event_id: str) -> float | None:
    """Seconds from saving an edited event to `serve` serving the edit (None: never seen)."""
    return serve_latencies(root, event_id, 1)[0]


def serve_latencies(root: Path, event_id: str, edits: int, lists: list | None = None,
                    settle: bool = True) -> list[float | None]:
    """For each of `edits` edits of the event's title, one after the other on one server,
    the seconds from saving it to `serve` serving it: the event's page, fetched over HTTP,
    shows the new title (None: never seen); the first edit is the server's first rebuild,
    the others find what it kept from the one before. With `lists`, each edit's seconds
    until the timeline's page of the event's year shows it too (the list, which the
    preview rewrites after the event's page) are appended to it. With `settle`, each edit
    waits until then before the next; else it follows the edit before by a second (while
    the rest of the site is rebuilt; `lists` then gets None)."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/events/{event_id}/"
    path = root / "events" / f"{event_id}.yaml"
    original = path.read_text(encoding="utf-8")
    seconds: list[float | None] = []
    try:
        if not _poll(url, "</html>", timeout=300):
            return [None] * edits
        year = _year_page(url, _page(url) or "")
        for edit in range(edits):
            time.sleep(1)  # let the watcher settle after the build before
            marker = f"Edited while serving {time.time_ns()} {edit}"
            edited = "\n".join(f'title: "{marker}"' if line.startswith("title:") else line
                               for line in original.splitlines()) + "\n"
            started = time.monotonic()
            path.write_text(edited, encoding="utf-8")
            seen = _poll(url, marker, timeout=60)
            seconds.append(time.monotonic() - started if seen else None)
            listed = settle and seen and _poll(year, marker, timeout=120, interval=0.25)
            if lists is not None:  # not measured unsettled: the next edit stops the rest
                lists.append(time.monotonic() - started if listed else None)
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)
        path.write_text(original, encoding="utf-8")


def _year_page(url: str, page: str) -> str:
    """The address of the timeline's page of the event's year, which the event's page links
    to (the whole timeline's when it has no pages per year)."""
    found = re.search(r'href="([^"#]*timeline/[0-9]{3,4}s?/)', page)
    return urllib.parse.urljoin(url, found.group(1) if found else "../../timeline/")


def measure_size(n: int, runs: int, out: Path) -> dict:
    """Every figure for a collection of `n` events."""
    root = generate(out / f"project-{n}", n)
    copy_site_config(REPO, root)
    site = root / "site"
    runs = 1 if n >= LARGE else runs
    parse = [child("parse", str(root))[0]["seconds"] for _ in range(runs)]
    check = [child("check", str(root))[0]["seconds"] for _ in range(runs)]
    stages, _ = child("stages", str(root))
    builds = [child("build", str(root), str(site)) for _ in range(runs)]
    stats = site_stats(site)
    return {
        "events": n, "documents": max(1, n // 5), "runs": runs,
        "parse_s": statistics.median(parse), "check_s": statistics.median(check),
        "stages_s": stages, "build_s": statistics.median(b[0]["seconds"] for b in builds),
        "peak_mb": max(b[1] for b in builds), **{f"site_{k}": v for k, v in vars(stats).items()},
    }


def targets(results: list[dict], serve_s: float | None, serve_measured: bool = True
            ) -> list[tuple[str, str, bool]]:
    """Each target: what it says, the measured figure against it, and whether it is met."""
    small, large = results[0], results[-1]
    n = f"{large['events']:,}"
    rows = []

    def add(name: str, value: float, limit: float, unit: str = "") -> None:
        rows.append((name, f"{value:.2f}{unit} (limit {limit:g}{unit}, ratio {value / limit:.2f})",
                     value <= limit))

    add(f"check at {n} within 2x of parse-only", large["check_s"] / large["parse_s"], 2, "x")
    add(f"full build at {n} under 30 s", large["build_s"], 30, " s")
    if len(results) > 1:
        scale = large["events"] / small["events"]
        for what in ("check_s", "build_s"):
            add(f"{what[:-2]} time({n})/time({small['events']:,}) at most 1.1 x {scale:g}",
                large[what] / small[what], 1.1 * scale)
    add(f"peak memory at {n} under 400 MB", large["peak_mb"], 400, " MB")
    medians = [r["site_event_page_median"] for r in results]
    spread = (max(medians) - min(medians)) / min(medians)
    rows.append(("event page size the same at every N (median, within 2%)",
                 " / ".join(f"{m:,} B" for m in medians) + f" (spread {spread:.1%})", spread <= 0.02))
    largest = max(r["site_largest_page_bytes"] for r in results)
    add("no page over 1 MB", largest / MB, 1, " MB")
    add(f"no file of the search index over 1 MB at {n} (a query's bytes: benchmarks/search.py)",
        large["site_search_file_max_bytes"] / MB, 1, " MB")
    if serve_measured and serve_s is None:
        rows.append(("serve shows an edit within 5 s", "the edit was never served", False))
    elif serve_measured and serve_s is not None:
        add("serve shows an edit within 5 s", serve_s, 5, " s")
    return rows


def table(results: list[dict]) -> str:
    columns = [
        ("events", lambda r: f"{r['events']:,}"), ("runs", lambda r: str(r["runs"])),
        ("parse s", lambda r: f"{r['parse_s']:.2f}"), ("check s", lambda r: f"{r['check_s']:.2f}"),
        ("check/parse", lambda r: f"{r['check_s'] / r['parse_s']:.1f}x"),
        ("index s", lambda r: f"{r['stages_s']['index']:.2f}"),
        ("render s", lambda r: f"{r['stages_s']['render']:.2f}"),
        ("build s", lambda r: f"{r['build_s']:.1f}"), ("peak MB", lambda r: f"{r['peak_mb']:.0f}"),
        ("site MB", lambda r: f"{r['site_bytes'] / MB:.0f}"),
        ("event page KB", lambda r: f"{r['site_event_page_median'] / 1024:.1f}"),
        ("largest page", lambda r: f"{r['site_largest_page_bytes'] / 1024:.0f} KB {r['site_largest_page']}"),
        ("largest search file KB", lambda r: f"{r['site_search_file_max_bytes'] / 1024:.0f}"),
    ]
    cells = [[name for name, _ in columns]] + [[cell(r) for _, cell in columns] for r in results]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(value.rjust(width) for value, width in zip(row, widths, strict=True)) for row in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def machine() -> dict:
    return {"cpus": os.cpu_count(), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "system": platform.platform()}


def profile(what: str, n: int, out: Path, top: int) -> None:
    """Profile `check` or the build of the synthetic project of `n` events."""
    root = generate(out / f"project-{n}", n)
    copy_site_config(REPO, root)
    profile_project(what, root, f"{n:,} events", out, top)


def profile_project(what: str, root: Path, label: str, out: Path, top: int) -> None:
    """Print the functions where `check` or the build of `root` spends its time (cProfile,
    by own time and by cumulative time)."""
    import pstats

    stats_file = out / f"profile-{what}-{root.name}.pstats"
    args = ["check", str(root)] if what == "check" else ["build", str(root), str(root / "site")]
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), str(MEASURE), *args],
                   check=True, stdout=subprocess.DEVNULL)
    for order in ("tottime", "cumulative"):
        print(f"\n== {what} of {label}, top {top} by {order} ==")
        pstats.Stats(str(stats_file)).strip_dirs().sort_stats(order).print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000",
                        help="numbers of events, comma-separated (default 1000,3000,10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help=f"runs per measurement, the median is kept (1 from {LARGE:,} events up)")
    parser.add_argument("--serve-size", type=int, default=1000,
                        help="events in the project used for the serve latency (0: skip it)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--profile", choices=("check", "build"),
                        help="instead: profile check or the build at the largest size")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    if args.profile:
        profile(args.profile, sizes[-1], args.out, args.top)
        return 0
    results = []
    for n in sizes:
        print(f"measuring {n:,} events...", file=sys.stderr, flush=True)
        results.append(measure_size(n, args.runs, args.out))
    serve_s = None
    if args.serve_size:
        print(f"measuring serve on {args.serve_size:,} events...", file=sys.stderr, flush=True)
        root = args.out / f"project-{args.serve_size}"
        if not (root / "mkdocs.yml").is_file():
            generate(root, args.serve_size)
            copy_site_config(REPO, root)
        serve_s = serve_latency(root, f"ev-{min(500, args.serve_size - 1):06d}")
    checks = targets(results, serve_s, serve_measured=bool(args.serve_size))
    print(table(results))
    if serve_s is not None:
        print(f"\nserve: an edited event is served {serve_s:.2f} s after it is saved "
              f"({args.serve_size:,} events)")
    print("\ntargets:")
    width = max(len(name) for name, _, _ in checks)
    for name, figure, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'}  {name.ljust(width)}  {figure}")
    report = {"machine": machine(), "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
              "results": results, "serve_s": serve_s,
              "targets": [{"target": name, "figure": figure, "met": ok} for name, figure, ok in checks]}
    text = json.dumps(report, indent=2)
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    (args.out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(text, encoding="utf-8")
    print(f"\nwritten to {args.out / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a search costs a reader: the bytes a query downloads, on the realistic collection.

    python benchmarks/search.py                      # 10,000 events (builds it: a few minutes)
    python benchmarks/search.py --events 1000 --queries "cuba,Paris network"
    python benchmarks/search.py --site benchmarks/out/search-10000/site   # an existing build

It builds the realistic collection of `benchmarks/realistic.py` (the repository's events
cloned to N) with `python build.py`, timing Pagefind's part of the build on its own (with
the peak memory of its largest process); serves
the site on localhost; and, for each query, opens the search page in Chromium (Debian's, as
the browser tests use), types the query, waits for the first ten results and adds up the
bytes of every response from the moment the page is opened: the page, its style sheet and
script, Pagefind's script and WebAssembly, its entry and metadata files, the index chunks of
the query's words and one fragment per result shown. Sizes are those of the files, as
this server sends them (Pagefind's index files are gzipped by Pagefind; the page, CSS and
scripts are not), and, in the last column, as a host that compresses would send them. It also reports the largest file
of the search bundle and of the site outside the data downloads (`data/`). It prints a table
and writes benchmarks/out/search.json; it asserts nothing (targets of issue 16: a query at
10,000 events downloads at most 300 KB; no file a reader loads over 1 MB).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import machine  # noqa: E402

KB = 1024
QUERIES = ("cuba", "guerrilla", "Allende", "Paris network", "176-10036-10058", "embassy coup",
           "Trujillo")
BUDGET = 300 * KB


def build(events: int, out: Path) -> Path:
    """The realistic project of `events` events, built; its site."""
    from benchmarks.realistic import project

    root = project(events, out)
    site = root / "site"
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "measure.py"), "build",
                           str(root), str(site)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    return site


def index_cost(site: Path) -> dict:
    """Pagefind indexing `site` again (its bundle removed and written anew), in a fresh process
    (`measure.py search`): seconds, the build's CPU seconds, and the CPU seconds and peak memory
    of the largest Pagefind process (one runs for each shard, one after the other)."""
    from benchmarks.run import child

    return child("search", str(site))[0]


def query_bytes(site: Path, queries: list[str]) -> list[dict]:
    """For each query, what the search page downloads until it shows its results."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    rows = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()  # nothing cached from the previous query
            page = context.new_page()
            fetched: list[str] = []
            page.on("requestfinished", lambda request, into=fetched: into.append(request.url))
            page.goto(f"{url}/search.html")
            page.locator("#search-query").press_sequentially(query)
            page.wait_for_function("document.getElementById('search-status').textContent !== ''",
                                   timeout=60_000)
            page.wait_for_load_state("networkidle")
            sizes = {u.removeprefix(url): len(_file(site, u.removeprefix(url))) for u in fetched}
            compressed = {u: _gzipped(_file(site, u)) for u in sizes}
            bundle = {u: s for u, s in sizes.items() if u.startswith("/pagefind/")}
            rows.append({
                "query": query, "results": page.locator("#search-status").inner_text(),
                "shown": page.locator("#search-results article").count(),
                "total_bytes": sum(sizes.values()), "bundle_bytes": sum(bundle.values()),
                "total_gzip_bytes": sum(compressed.values()),
                "index_chunks": sum(1 for u in bundle if ".pf_index" in u),
                "index_bytes": sum(s for u, s in bundle.items() if ".pf_index" in u),
                "fragments": sum(1 for u in bundle if ".pf_fragment" in u),
                "fragment_bytes": sum(s for u, s in bundle.items() if ".pf_fragment" in u),
                "fixed_bytes": sum(s for u, s in bundle.items()
                                   if ".pf_index" not in u and ".pf_fragment" not in u),
                "files": sizes,
            })
            context.close()
        browser.close()
    return rows


def _file(site: Path, address: str) -> bytes:
    """The bytes the server sends for `address` (a path of the site): the file as it is."""
    path = site / address.split("?")[0].lstrip("/")
    return (path / "index.html" if path.is_dir() else path).read_bytes()


def _gzipped(body: bytes) -> int:
    """What a host that compresses would send: Pagefind's gzipped files as they are, other
    files gzipped (level 6, as most servers do)."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))


def largest(site: Path, under: str = "") -> tuple[str, int]:
    """The largest file of `site` (under `under`), the data downloads aside."""
    files = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in (site / under).rglob("*")
             if p.is_file()]
    files = [(path, size) for path, size in files if not path.startswith("data/")]
    return max(files, key=lambda f: f[1])


def table(rows: list[dict]) -> str:
    head = ("query", "results", "shown", "index chunks", "fragments", "fixed KB", "index KB",
            "fragments KB", "bundle KB", "with page KB", "compressed KB")
    cells = [head] + [(r["query"], r["results"], str(r["shown"]), str(r["index_chunks"]),
                       str(r["fragments"]), f"{r['fixed_bytes'] / KB:.0f}",
                       f"{r['index_bytes'] / KB:.0f}", f"{r['fragment_bytes'] / KB:.0f}",
                       f"{r['bundle_bytes'] / KB:.0f}", f"{r['total_bytes'] / KB:.0f}",
                       f"{r['total_gzip_bytes'] / KB:.0f}")
                      for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--queries", default=",".join(QUERIES), help="comma-separated")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    site = args.site or build(args.events, args.out / f"search-{args.events}")
    cost = index_cost(site)
    rows = query_bytes(site, [q.strip() for q in args.queries.split(",") if q.strip()])
    pages = sum(1 for _ in site.rglob("*.html"))
    biggest, biggest_bundle = largest(site), largest(site, "pagefind")
    print(f"site: {site} ({pages:,} HTML files); Pagefind indexed it in {cost['seconds']:.1f} s "
          f"(peak {cost['pagefind_peak_mb']:.0f} MB, {cost['pagefind_cpu']:.1f} s of CPU; the "
          f"build's process sending the pages: {cost['cpu']:.1f} s of CPU)")
    print(table(rows))
    worst = max(r["total_bytes"] for r in rows)
    median = statistics.median(r["total_bytes"] for r in rows)
    zipped = max(r["total_gzip_bytes"] for r in rows)
    print(f"a query downloads {median / KB:.0f} KB (median), {worst / KB:.0f} KB at most, page "
          f"included, as sent here (target: at most {BUDGET // KB} KB: "
          f"{'met' if worst <= BUDGET else 'NOT met'}); {zipped / KB:.0f} KB at most from a host "
          "that compresses")
    print(f"largest file of the search bundle: {biggest_bundle[0]} ({biggest_bundle[1] / KB:.0f} KB); "
          f"of the site, data downloads aside: {biggest[0]} ({biggest[1] / KB:.0f} KB)")
    report = {"machine": machine(), "site": str(site), "html_files": pages,
              "pagefind_seconds": cost["seconds"],
              "pagefind_peak_mb": cost["pagefind_peak_mb"], "pagefind_cpu_s": cost["pagefind_cpu"],
              "sender_cpu_s": cost["cpu"], "queries": rows, "median_query_bytes": median,
              "max_query_gzip_bytes": zipped,
              "max_query_bytes": worst, "largest_bundle_file": biggest_bundle,
              "largest_site_file": biggest}
    (args.out / "search.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the per-source Cite boxes cost a phone, on the heaviest event page of a built site.

    python benchmarks/sourcecite.py --site /tmp/site          # an existing build
    python benchmarks/sourcecite.py --site /tmp/site --runs 9

Each source of an event page has its own "Cite this source" box (render/teaching.py,
`source_cite`). This takes the site's largest event page, makes a copy of it without those
boxes (beside it, as `index-no-source-cite.html`, removed after), serves the site on
localhost and opens both in Chromium (Debian's, as the browser tests use) at 360 x 800
with the CPU slowed 4x (`Emulation.setCPUThrottlingRate` through CDP), a fresh context each
run. It reports, for each, the HTML bytes (and gzipped), the DOM nodes, and the medians of
`--runs` runs of the first contentful paint and of the load event. It asserts nothing and
writes benchmarks/out/sourcecite.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import machine  # noqa: E402

BOX = re.compile(r'<details class="tool cite-tool source-cite">.*?</details>', re.DOTALL)
COPY = "index-no-source-cite.html"
TIMES = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return {fcp: paint ? paint.startTime : null, load: nav.loadEventEnd,
          nodes: document.getElementsByTagName("*").length};
}"""


def heaviest(site: Path) -> Path:
    """The largest event page of the site (in its own language)."""
    return max((site / "events").glob("*/index.html"), key=lambda p: p.stat().st_size)


def measure(url: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 360, "height": 800},
                                          device_scale_factor=2, is_mobile=True, has_touch=True)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url, wait_until="load")
            rows.append(page.evaluate(TIMES))
            context.close()
        browser.close()
    return {"nodes": rows[0]["nodes"],
            "fcp_ms": round(statistics.median(r["fcp"] for r in rows if r["fcp"] is not None)),
            "load_ms": round(statistics.median(r["load"] for r in rows))}


def main(argv: list[str] | None = None) -> int:
    from tests.browser.conftest import serve

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site")
    parser.add_argument("--runs", type=int, default=5, help="runs per page, the median is kept")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)
    page = heaviest(args.site)
    html = page.read_text(encoding="utf-8")
    bare = BOX.sub("", html)
    copy = page.with_name(COPY)
    copy.write_text(bare, encoding="utf-8")
    address = page.parent.relative_to(args.site).as_posix()
    results = {"page": address, "sources": len(BOX.findall(html))}
    try:
        with serve(args.site) as url:
            for name, text, path in (("with", html, f"{address}/"), ("without", bare,
                                                                      f"{address}/{COPY}")):
                body = text.encode("utf-8")
                results[name] = {"bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6)),
                                 **measure(f"{url}/{path}", args.runs)}
    finally:
        copy.unlink()
    for name in ("with", "without"):
        row = results[name]
        print(f"{name:8} {row['bytes']:>8,} B  {row['gzip_bytes']:>7,} B gz  {row['nodes']:>5} nodes"
              f"  FCP {row['fcp_ms']:>5} ms  load {row['load_ms']:>5} ms")
    results["machine"] = machine()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sourcecite.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

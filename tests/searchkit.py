"""Reading a built site's Pagefind index in tests: its languages and its fragments.

A fragment (`pagefind/fragment/*.pf_fragment`) is the indexed text of one page with its
address and meta, gzipped JSON after a `pagefind_dcd` signature: what a reader's browser
downloads for each result it shows.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page of `site`, by address ("/events/x/"), as Pagefind stored it."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        fragment = json.loads(raw[len(SIGNATURE):])
        fragment["language"] = path.name.split("_")[0]
        found[fragment["url"]] = fragment
    return found


def languages(site: Path) -> set[str]:
    """The languages the index has one index for (from `pagefind-entry.json`)."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return set(entry["languages"])

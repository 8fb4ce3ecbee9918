"""The theme's style sheets, minified in the built site.

The theme keeps its CSS readable and commented (`theme/css/`); the engine copies it into the
site as it is, and `minify_styles` then rewrites each `.css` file of the built site with
rcssmin (comments and needless whitespace out, the rules as they were), before the swap.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin

STYLES = "css"  # the folder of the site's style sheets


def minify_styles(site_dir: Path) -> tuple[int, int]:
    """Minify every style sheet under `site_dir/css/`: (bytes before, bytes after)."""
    before = after = 0
    for path in sorted((site_dir / STYLES).glob("*.css")):
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text)
        path.write_text(small, encoding="utf-8")
        before, after = before + len(text.encode()), after + len(small.encode())
    return before, after

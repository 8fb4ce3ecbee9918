"""The built site's style sheets are the theme's, minified: same rules, fewer bytes."""

from __future__ import annotations

import re
from pathlib import Path

from desclasificado.publish.assets import minify_styles
from tests.conftest import REPO
from tests.sitekit import SiteProject


def _rules(css: str) -> list[str]:
    """The selectors of a style sheet, whitespace and comments aside."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [re.sub(r"\s*([,>+~:])\s*", r"\1", " ".join(s.split())).strip()
            for s in re.findall(r"([^{}]+)\{", css)]


def test_minify_keeps_the_rules_and_drops_comments(tmp_path: Path) -> None:
    (tmp_path / "css").mkdir()
    source = "/* a comment */\n.a  >  b ,\n.c {\n  color : red ;\n}\n@media print { .a { display: none; } }\n"
    (tmp_path / "css" / "x.css").write_text(source)
    before, after = minify_styles(tmp_path)
    small = (tmp_path / "css" / "x.css").read_text()
    assert "comment" not in small and "\n" not in small.strip()
    assert before == len(source) and after == len(small) < before
    assert _rules(small) == _rules(source)


def test_the_built_site_serves_the_theme_minified(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    code, lines = project.build()
    assert code == 0, lines
    for name in ("site.css", "embed.css"):
        theme = (REPO / "theme" / "css" / name).read_text(encoding="utf-8")
        built = (project.root / "site" / "css" / name).read_text(encoding="utf-8")
        assert "/*" not in built and len(built) < 0.9 * len(theme)
        assert _rules(built) == _rules(theme)

"""What a built page may contain that runs, loads or restyles: the theme's own things only.

`live_markup(site, theme)` parses every HTML file of a built site with html.parser (never a
regular expression over the text) and returns a line for each thing that contributor text
could have put there:

- a `<script>` that is not the theme's: an external script must be a file of the theme
  copied unchanged; an inline one must be one of the theme
  templates' inline scripts, its `{{ ... }}` values being JSON, which cannot hold code, or
  the page's messages for the scripts (`type="application/json"`, JSON with no `<`, never run),
  or its schema.org metadata (`type="application/ld+json"`, the same);
- an event-handler attribute (`on...`), anywhere;
- a `javascript:`, `vbscript:` or `data:` address in any attribute that holds one (the
  theme's empty icon `data:,` excepted), after the entity decoding, case folding and
  whitespace removal a browser does;
- an element that embeds, restyles or redirects: `<object>`, `<embed>`, `<applet>`,
  `<base>`, `<frame>`, `<style>`, `<meta http-equiv>`, SVG `<foreignObject>`, `<animate>`,
  `<set>`; an `<iframe>` other than one of the site's own pages, or with `srcdoc`;
- a `style` attribute other than those written literally in the renderers and the theme;
- a script, style sheet, image or frame loaded from another host.
"""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.searchkit import fragment_files

REPO = Path(__file__).resolve().parents[1]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "cite", "srcset", "ping", "manifest", "codebase", "longdesc", "usemap", "lowsrc",
                  "dynsrc", "icon", "values", "to", "from", "by"}
NEVER = {"object", "embed", "applet", "base", "frame", "frameset", "style", "foreignobject",
         "animate", "set", "portal"}
LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
         ("audio", "src"), ("video", "src"), ("input", "src")}
_BLANK = re.compile(r"[\x00-\x20]+")
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}")
_LITERAL_STYLE = re.compile(r'style="([^"{}]*)"')


class _Allowed:
    """What the theme itself puts on pages."""

    def __init__(self, theme: Path) -> None:
        self.theme = theme
        self.inline = [_inline_pattern(body) for template in sorted(theme.rglob("*.html"))
                       for body in _TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8"))]
        sources = [*REPO.joinpath("desclasificado").rglob("*.py"), *theme.rglob("*.html")]
        self.styles = {style for path in sources
                       for style in _LITERAL_STYLE.findall(path.read_text(encoding="utf-8"))}

    def script_file(self, site: Path, page: str, src: str) -> bool:
        """An external script: a file of the theme, unchanged."""
        if urlsplit(src).scheme or src.startswith("//"):
            return False
        # from the site's root on the error page, served at any address (no `site_url` here)
        target = urljoin(page, src.split("?")[0].split("#")[0]).lstrip("/")
        built = site / target
        if not built.is_file():
            return False
        origin = self.theme / target
        return origin.is_file() and origin.read_bytes() == built.read_bytes()

    def inline_script(self, text: str) -> bool:
        for pattern in self.inline:
            found = pattern.fullmatch(text.strip())
            if found and all(_is_json(value) for value in found.groups()):
                return True
        return False


def _inline_pattern(body: str) -> re.Pattern[str]:
    parts = _TEMPLATE_VALUE.split(body.strip())
    return re.compile("(.+?)".join(re.escape(part) for part in parts), re.DOTALL)


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def _address(value: str) -> str:
    """An address as a browser reads its scheme: control characters and spaces removed."""
    return _BLANK.sub("", value).lower()


def _local(value: str) -> bool:
    """A relative address in this site (or the embed code's placeholder for it), or the empty
    `data:,` that keeps browsers from asking for a favicon."""
    parts = urlsplit(value.strip())
    return (not parts.scheme and not parts.netloc and not value.strip().startswith("//")) or \
        value.startswith("SITE-ADDRESS/") or value == "data:,"


class _PageChecker(HTMLParser):
    def __init__(self, site: Path, page: str, allowed: _Allowed) -> None:
        super().__init__(convert_charrefs=True)
        self.site, self.page, self.allowed = site, page, allowed
        self.found: list[str] = []
        self.script: tuple[str, list[tuple[str, str | None]]] | None = None
        self.script_text: list[str] = []

    def _flag(self, tag: str, attrs: list[tuple[str, str | None]], why: str) -> None:
        shown = " ".join(f'{name}="{value}"' if value is not None else name for name, value in attrs)
        self.found.append(f"{self.page}: <{tag} {shown}>: {why}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in NEVER:
            self._flag(tag, attrs, "an element that embeds, restyles or redirects")
        if tag == "meta" and "http-equiv" in values:
            self._flag(tag, attrs, "a meta http-equiv (refresh) element")
        if tag == "iframe" and ("srcdoc" in values or not _local(values.get("src", ""))):
            self._flag(tag, attrs, "a frame that is not one of the site's own pages")
        for name, value in values.items():
            if name.startswith("on"):
                self._flag(tag, attrs, f"an event handler ({name})")
            if name == "style" and value not in self.allowed.styles:
                self._flag(tag, attrs, "a style attribute the renderers and the theme do not write")
            if name in URL_ATTRIBUTES:
                scheme = _address(value)
                if scheme.startswith(("javascript:", "vbscript:", "data:")) and not (
                        tag == "link" and values.get("rel") == "icon" and value == "data:,"):
                    self._flag(tag, attrs, f"a script or data address in {name}")
            if (tag, name) in LOADS and value and not _local(value) and (
                    tag != "link" or values.get("rel") in ("stylesheet", "import", "preload", "icon")):
                self._flag(tag, attrs, "loads something from another host")
        if tag == "script":
            self.script, self.script_text = (tag, attrs), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self.script is None:
            return
        _, attrs = self.script
        src = dict(attrs).get("src")
        text = "".join(self.script_text)
        if src is not None:
            if text.strip() or not self.allowed.script_file(self.site, self.page, src):
                self._flag("script", attrs, "a script that is not a file of the theme")
        elif dict(attrs).get("type") == "application/json":
            if dict(attrs).get("id") != "messages" or "<" in text or not _is_json(text):
                self._flag("script", attrs, "a data block other than the page's messages (JSON, "
                           "every < escaped)")
        elif dict(attrs).get("type") == "application/ld+json":
            if "<" in text or not _is_json(text):
                self._flag("script", attrs, "a JSON-LD block that is not JSON with every < escaped")
        elif not self.allowed.inline_script(text):
            self._flag("script", attrs, f"an inline script the theme does not write: {text[:80]!r}")
        self.script = None


def live_markup(site: Path, theme: Path = REPO / "theme") -> list[str]:
    """Everything on the site's pages that runs, loads or restyles and is not the theme's."""
    allowed = _Allowed(theme)
    found = []
    for path in sorted(site.rglob("*.html")):
        checker = _PageChecker(site, path.relative_to(site).as_posix(), allowed)
        checker.feed(path.read_text(encoding="utf-8"))
        checker.close()
        found += checker.found
    return found


def unsafe_search_locations(site: Path) -> list[str]:
    """Search results are links built from the `url` of each of Pagefind's fragments (the
    indexed text of a page): each must be a plain path in the site."""
    urls = []
    for path in fragment_files(site):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        urls.append(fragment["url"])
    assert urls, "no search index"
    return [url for url in urls if not re.fullmatch(r"[\w./#-]*", url, re.ASCII)]

"""Contributor text to safe HTML: every string from YAML passes through here.

Text fields are escaped with `esc()`. The Markdown fields (an event's summary and body)
go through `MarkdownRenderer`: Python-Markdown with raw HTML switched off and no
extension that adds attributes, then nh3 with a small allow-list of tags, links limited
to absolute http, https and mailto addresses (so `javascript:` and `data:` links, and
relative links that could break, never survive) and `rel="noopener noreferrer nofollow"`
on every link. No `img`: a page never loads anything from another host.

Citation marks `[^N]` become `<sup class="cite">N</sup>` placeholders, which contributor
text cannot forge (raw HTML is off, and nh3 drops every other class); `link_marks()`
turns them into links to the N-th source once the page they appear on is known.
"""

from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from desclasificado.render.i18n import _

ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
                "a", "sup", "hr"}
ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_MARK = re.compile(r'<sup class="cite">(\d+)</sup>')


def esc(text: object) -> str:
    """Escape any text for HTML content or a double-quoted attribute value."""
    return html.escape(str(text), quote=True)


def esc_text(text: object) -> str:
    """Escape text for HTML content or a double-quoted attribute value, leaving apostrophes
    as they are (the site's own sentences, where "archive's" has always been written so)."""
    return html.escape(str(text), quote=False).replace('"', "&quot;")


class _CiteMark(InlineProcessor):
    """`[^3]` -> `<sup class="cite">3</sup>`, before `[...]` is read as a link."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        element = etree.Element("sup", {"class": "cite"})
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


class _CiteExtension(Extension):
    """Registers `_CiteMark`."""
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_CiteMark(r"\[\^(\d+)\]", md), "cite_mark", 175)


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3 callback: a link target must be an absolute http(s) or mailto address."""
    if tag == "a" and name == "href" and not value.strip().lower().startswith(ALLOWED_SCHEMES):
        return None
    return value


_RULES: dict = {
    "tags": ALLOWED_TAGS,
    "clean_content_tags": {"script", "style"},
    "attributes": {"a": {"href", "title"}},
    "allowed_classes": {"sup": {"cite"}},
    "attribute_filter": _keep_attribute,
    "url_schemes": {"http", "https", "mailto"},
    "link_rel": "noopener noreferrer nofollow",
    "strip_comments": True,
}


def sanitize(fragment: str) -> str:
    """Keep only the allowed tags and attributes of an HTML fragment."""
    return nh3.clean(fragment, **_RULES)


@dataclass
class Rendered:
    """Markdown already rendered, by the digest of its text (`text_digest`): what the last
    build rendered (`known`, which the page cache kept, signed: `publish/pagecache.py`) and
    what this one used (`used`, for the next). The sanitized HTML is a function of the text
    and of the code and libraries that render it, which the build's fingerprint covers."""

    known: dict[str, str] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class MarkdownRenderer:
    """One reusable Python-Markdown instance for contributor Markdown (with `rendered`, each
    text rendered by the last build is taken from it)."""

    def __init__(self, rendered: Rendered | None = None) -> None:
        self._md = markdown.Markdown(extensions=[_CiteExtension()], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._rendered = rendered

    def block(self, text: str) -> str:
        """Markdown paragraphs to sanitized HTML."""
        if self._rendered is None:
            return self._convert(text)
        key, used = text_digest(text), self._rendered.used
        if key not in used:
            known = self._rendered.known.get(key)
            used[key] = self._convert(text) if known is None else known
        return used[key]

    def _convert(self, text: str) -> str:
        self._md.reset()
        return sanitize(self._md.convert(text))

    def inline(self, text: str) -> str:
        """One paragraph of Markdown to sanitized HTML without the enclosing `<p>`."""
        rendered = self.block(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return rendered[3:-4]
        return rendered


def with_marks(summary: str, source_count: int) -> str:
    """A summary with no citation mark gets a mark for every source at its end."""
    if re.search(r"\[\^\d+\]", summary):
        return summary
    return summary + "".join(f"[^{n}]" for n in range(1, source_count + 1))


def link_list(links: Iterable[str]) -> str:
    """Links (HTML) joined by commas, each link with the comma after it in a
    `<span class="link-item">`, an inline block (`site.css`: tall enough to tap, WCAG 2.2,
    2.5.8) that a line breaks between, never before a comma: as bare inline blocks, a long
    Spanish name at phone width left its comma at the start of the next line."""
    items = list(links)
    return " ".join(f'<span class="link-item">{link}{"," if n < len(items) else ""}</span>'
                    for n, link in enumerate(items, 1))


def link_marks(fragment: str, href: Callable[[int], str]) -> str:
    """Turn the `<sup class="cite">N</sup>` placeholders into links; `href(N)` gives each
    link's escaped target (and records it for the link check). A word joiner (U+2060)
    keeps each marker on the line of the word before it."""
    # TRANSLATORS: what a screen reader says of a footnote marker "[1]"
    name = _("source {n}")
    return _MARK.sub(lambda m: (f'&#8288;<sup class="cite" data-pagefind-ignore>'
                                f'<a href="{href(int(m.group(1)))}" '
                                f'aria-label="{esc(name.format(n=m.group(1)))}">[{m.group(1)}]'
                                '</a></sup>'), fragment)


def plain_text(text: str, limit: int = 200) -> str:
    """Markdown as one line of plain text (for a meta description), at most `limit` long."""
    text = re.sub(r"\[\^\d+\]", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = " ".join(re.sub(r"[*_`#>]", "", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fold(summary: str, body: str, css_class: str = "") -> str:
    """`body` (HTML) in a `<details class="fold">` under `summary` (plain text, escaped here):
    closed behind its summary on phones, always open with the summary hidden on wider screens
    and in print (theme/css/site.css, "Folds"); no script needed."""
    classes = f"fold {css_class}".strip()
    return f'<details class="{classes}"><summary>{esc(summary)}</summary>{body}</details>'

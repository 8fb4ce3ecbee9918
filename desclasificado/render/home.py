"""Generated parts of hand-written pages (the home page's counts and starting points,
the field reference).

A hand-written page in `pages/` asks for a part with an HTML comment on a line of its
own, e.g. `<!-- desclasificado:start -->`; the adapter puts the part in its place.
"""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Callable

import markdown
import nh3

from desclasificado.render.context import Context
from desclasificado.render.guides import GUIDE_FRAGMENTS
from desclasificado.render.i18n import _, country_name, n_, number
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import decade_label, events_count, overview, span_text
from desclasificado.render.markup import esc
from desclasificado.render.pictures import country_map
from desclasificado.render.texts import theme_title
from desclasificado.render.urls import (
    ACTORS,
    COUNTRIES,
    DOCUMENTS,
    THEMES,
    TIMELINE,
    country_url,
    decade_anchor,
    theme_url,
)

Fragment = Callable[[Context, PageBuilder], str]


def counts(ctx: Context, pb: PageBuilder) -> str:
    """One sentence with the size of the collection."""
    c, index = ctx.collection, ctx.index
    span = span_text(ctx, index.timeline) if index.timeline else ""
    links = {
        "events": (TIMELINE, events_count(len(c.events))),
        "documents": (DOCUMENTS, n_("{n} declassified document", "{n} declassified documents",
                                    len(c.documents))),
        "countries": (COUNTRIES, n_("{n} country", "{n} countries", len(index.by_country))),
        "actors": (ACTORS, n_("{n} actor", "{n} actors", len(c.actors))),
        "themes": (THEMES, n_("{n} theme", "{n} themes", len(c.themes)))}
    parts = {name: f'<a href="{pb.href(url)}">{esc(text)}</a>' for name, (url, text) in links.items()}
    sentence = (_("{events} from {span}, drawn from {documents}, involving {countries}, {actors} "
                  "and {themes}.") if span else
                _("{events}, drawn from {documents}, involving {countries}, {actors} and "
                  "{themes}."))
    return f'<p class="counts">{esc(sentence).format(span=esc(span), **parts)}</p>'


def start(ctx: Context, pb: PageBuilder) -> str:
    """Where to start: links by country, by theme and by decade, with their counts."""
    index = ctx.index
    countries = sorted(index.by_country, key=country_name)
    themes = sorted(ctx.collection.themes,
                    key=lambda t: theme_title(ctx.collection.themes[t]).value.casefold())
    columns = [
        (_("By country"), [(pb.href(country_url(c)), country_name(c), len(index.by_country[c]))
                        for c in countries]),
        (_("By theme"), [(pb.href(theme_url(t)), theme_title(ctx.collection.themes[t]).value,
                       len(index.by_theme.get(t, []))) for t in themes]),
        (_("By decade"), [(pb.href(TIMELINE, decade_anchor(d)), decade_label(d), len(ids))
                       for d, ids in index.by_decade.items()]),
    ]
    parts = []
    for title, rows in columns:
        items = "".join(f'<li><a href="{href}">{esc(label)}</a> <span class="count">{number(n)}'
                        "</span></li>" for href, label, n in rows)
        parts.append(f'<section class="start-column"><h3>{esc(title)}</h3><ul>{items}</ul></section>')
    return f'<div class="start">{"".join(parts)}</div>'


#: What the field reference may contain once rendered: its headings (with their ids, for
#: the links to `#dates`), tables, code and links within the page, and the `lang` of what
#: stays English on a page in another language (the check's own messages, the examples).
_REFERENCE_RULES: dict = {
    "tags": {"h2", "h3", "p", "code", "em", "strong", "a", "table", "thead", "tbody", "tr",
             "th", "td"},
    "attributes": {"h2": {"id"}, "h3": {"id"}, "a": {"href"}, "em": {"lang"}, "code": {"lang"}},
    "attribute_filter": lambda tag, name, value: (
        value if tag != "a" or value.startswith("#") else None),
    "strip_comments": True,
}


def reference(ctx: Context, pb: PageBuilder) -> str:
    """The field reference (`desclasificado.reference`), generated from the models on every
    build so that it cannot drift from the check. The hand-written page gives the title
    and the introduction, so the reference's own are left out."""
    from desclasificado.contribute.reference import field_reference_markdown  # it imports render

    text = field_reference_markdown()
    text = text[text.index("\n## ") + 1:]
    md = markdown.Markdown(extensions=["tables", "toc", "attr_list"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML is shown as text, never kept
    md.inlinePatterns.deregister("html")
    return f'<div class="reference">{_labelled(nh3.clean(md.convert(text), **_REFERENCE_RULES))}</div>'


_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)


def _labelled(html: str) -> str:
    """Each cell of the reference's tables with its column's heading (`data-label`), which
    the phone layout, where a row is a block, shows before the type and the example
    (site.css): so the words are the catalogue's, in the page's language."""
    def table(match: re.Match[str]) -> str:
        heads = [esc(html_text.unescape(head))
                 for head in re.findall(r"<th>(.*?)</th>", match.group(1), re.DOTALL)]

        def row(found: re.Match[str]) -> str:
            cells = iter(heads)
            return "<tr>" + re.sub("<td>", lambda _m: f'<td data-label="{next(cells, "")}">',
                                   found.group(1)) + "</tr>"
        return "<table>" + _ROW.sub(row, match.group(1)) + "</table>"
    return _TABLE.sub(table, html)


FRAGMENTS: dict[str, Fragment] = {"counts": counts, "start": start, "reference": reference,
                                  "overview": overview, "map": country_map, **GUIDE_FRAGMENTS}

"""The controls teachers use on event, document and timeline pages: "Cite" and "Embed".

Both are `<details>` elements, so they open without JavaScript. `theme/js/teach.js`
adds what needs a script: copy buttons (hidden until it runs), the site's address where
`site_url` is not set (the placeholder `SITE-ADDRESS/` becomes the address the page was
loaded from), and the year range of a timeline's embed code.

The embed code is an `<iframe>` of the page's chrome-less version under `embed/`
(`render/embed.py`), with a title for screen readers, `loading="lazy"` and a height that
suits most pages; the frame reports its real height by `postMessage` (see
pages/teachers.md).
"""

from __future__ import annotations

from desclasificado.archives import archive_of
from desclasificado.index import group_by_period
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.render.archival import ArchivalDocument
from desclasificado.render.citations import STYLES, Styled, WebPage
from desclasificado.render.citedates import us_day
from desclasificado.render.context import Context
from desclasificado.render.documentcite import cited_document
from desclasificado.render.editions import EditedVolumeDocument
from desclasificado.render.i18n import _, current
from desclasificado.render.i18n_dates import day_text
from desclasificado.render.links import PageBuilder
from desclasificado.render.markup import esc, esc_text
from desclasificado.render.ranges import LONGEST, YearRange, fragment, span_years, year_ranges
from desclasificado.render.texts import event_title
from desclasificado.render.urls import (
    DOCUMENTS_BIB,
    DOCUMENTS_CSL,
    DOCUMENTS_RIS,
    TEACHERS,
    cite_file,
    embed_url,
    oembed_file,
)

PLACEHOLDER = "SITE-ADDRESS/"
EVENT_HEIGHT = 520  # px: an event's title, summary and first sources
LIST_HEIGHT = 640   # px: a dozen entries of a timeline
OEMBED_WIDTH = 640
BARE_ADDRESS = {"mla"}  # styles that write addresses without https://




def address(ctx: Context, path: str) -> str:
    """The full address of a path in the site, or `SITE-ADDRESS/path` without `site_url`
    (teach.js puts the real address in; without JavaScript a note explains it)."""
    return ctx.info.absolute(path) or f"{PLACEHOLDER}{ctx.info.prefix}{path}"


def oembed_url(ctx: Context, url: str) -> str:
    """The absolute address of a page's oEmbed file, "" without `site_url`."""
    return ctx.info.absolute(oembed_file(url)) or ""


def iframe(src: str, title: str, height: int, width: str = "100%", style: bool = True) -> str:
    """The embed code: an iframe with a title, lazy loading and (`style`) a border."""
    border = ' style="border:1px solid #d9d4c7;max-width:100%"' if style else ""
    return (f'<iframe src="{esc(src)}" title="{esc(title)}" width="{width}" height="{height}" '
            f'loading="lazy"{border}></iframe>')


def _address_note(ctx: Context) -> str:
    """Without `site_url`, what to do about `SITE-ADDRESS/` when no script replaced it."""
    if ctx.info.url:
        return ""
    text = esc_text(_("Replace {placeholder} with the address of this site: the beginning of the "
                 "address in your browser's address bar, up to and including its last slash "
                 "before {events}, {documents}, {timeline} and so on."))
    return ('<p class="tool-note needs-address">'
            + text.format(**{name: f"<code>{path}</code>" for name, path in (
                ("placeholder", PLACEHOLDER), ("events", "events/"),
                ("documents", "documents/"), ("timeline", "timeline/"))}) + "</p>")


def _copy_button(target: str, what: str) -> str:
    """A copy button for the element `target` (hidden until teach.js runs)."""
    return (f'<button type="button" class="copy" data-copy="{esc(target)}" hidden>'
            f'{esc(_("Copy"))}<span class="visually-hidden"> {esc(what)}</span></button>')


def _citation_items(pb: PageBuilder, citations: dict[str, Styled]) -> str:
    """Each citation with its name and a copy button (ids `cite-{style}`)."""
    return _styled_items(pb, [(style, _(STYLES[style]), c.html())
                              for style, c in citations.items()], "cite")


def _styled_items(pb: PageBuilder, items: list[tuple[str, str, str]], prefix: str) -> str:
    """Each citation (style, its name, its HTML) with a copy button (ids `{prefix}-{style}`)."""
    out = []
    for style, name, shown in items:
        target = f"{prefix}-{style}"
        out.append(f'<div class="citation"><dt>{esc(name)}</dt><dd>'
                   f'<p class="citation-text" id="{pb.anchor(target)}"'
                   f'{" data-bare-address" if style in BARE_ADDRESS else ""}>{shown}</p>'
                   f'{_copy_button(target, _("the {style} citation").format(style=name))}'
                   "</dd></div>")
    return "".join(out)


def _accessed_note(ctx: Context) -> str:
    """Which day the access dates are: the build's, which teach.js makes the reader's."""
    # the day as the citations write it (English), or in the page's language
    accessed = us_day(ctx.info.built) if current().code == "en" else day_text(ctx.info.built)
    note = _("Where a style asks for the date you read the page, the date given is the day "
             "this site was built, {date}: change it to yours.").format(date=accessed)
    return f'<span class="accessed-note">{esc(note)}</span>'


def cite_tool(ctx: Context, pb: PageBuilder, citations: dict[str, Styled], intro: str,
              extra: str = "") -> str:
    """"Cite this": each style's citation with a copy button, then `extra` (downloads)."""
    return (f'<details class="tool cite-tool"><summary>{esc(_("Cite"))}</summary>'
            f'<div class="tool-body"><p class="tool-note">{esc_text(intro)} {_accessed_note(ctx)}</p>'
            f'<dl class="citations">{_citation_items(pb, citations)}</dl>{_address_note(ctx)}{extra}'
            "</div></details>")


_PREFIX = "\x00"  # where a source's own id prefix goes in its citations' HTML


def _page_citations(ctx: Context, pb: PageBuilder, doc_id: str,
                    page: int) -> tuple[tuple[str, ...], str]:
    """The citations of a document at a page, in the page's language: their styles, and
    their HTML with copy buttons, ids `{_PREFIX}-{style}`. Hundreds of events cite the
    same page of a document: this is worked out once a build and language
    (`Context.source_citations`)."""
    key = (doc_id, page, current().code)
    found = ctx.source_citations.get(key)
    if found is not None:
        return found
    doc = ctx.collection.documents[doc_id]
    cited = cited_document(doc, ctx.info.built, ctx.casing)
    if isinstance(cited, ArchivalDocument | EditedVolumeDocument):
        cited = cited.at_page(page, archive_of(doc).page_url(doc, page))
    citations = {style: cited.cite(style) for style in STYLES if style != "chicago-bibliography"}
    names = {style: _(STYLES[style]) for style in citations}
    if isinstance(cited, ArchivalDocument | EditedVolumeDocument):
        for style in ("apa", "mla"):
            in_text = cited.in_text(style)
            if in_text is not None:
                citations[f"{style}-in-text"] = in_text
                names[f"{style}-in-text"] = _("{style}, in the text").format(style=_(STYLES[style]))
    items = [(style, names[style], citation.html()) for style, citation in citations.items()]
    found = (tuple(citations), _styled_items(PageBuilder(pb.url, ctx.info.prefix), items, _PREFIX))
    ctx.source_citations[key] = found
    return found


def source_cite(ctx: Context, pb: PageBuilder, doc_id: str, page: int, n: int) -> str:
    """A source's own Cite: the document at the cited page (Chicago's note names the page
    and links the PDF at it; APA and MLA cite the document, then the page in the text),
    so a worksheet can cite the passage it quotes. Ids `cite-source-{n}-{style}`."""
    prefix = f"cite-source-{n}"
    styles, items = _page_citations(ctx, pb, doc_id, page)
    for style in styles:
        pb.anchor(f"{prefix}-{style}")
    return (f'<details class="tool cite-tool source-cite"><summary>{esc(_("Cite this source"))}'
            f'</summary><div class="tool-body"><p class="tool-note">'
            f'{esc(_("This source: the document, at the page cited."))} {_accessed_note(ctx)}</p>'
            f'<dl class="citations">{items.replace(_PREFIX, prefix)}</dl>'
            f'<p class="tool-links"><a href="{pb.href(pb.url, f"source-{n}")}">'
            f'{esc(_("Link to this source"))}</a></p></div></details>')


def _range_fields(years: tuple[int, int], ranges: list[YearRange], longest: int) -> str:
    """The fields of a timeline's Embed control that show only some years (teach.js turns
    them into the address of the decade's page of `ranges` holding them, or the whole
    list's, plus `?from=&to=` and `#years-FIRST-LAST`: render/ranges.py), and what to do
    without scripts (`longest`: the longest range across decades the list's embeddable
    page applies with no script, 0 for none)."""
    first, last = years
    help_text = esc(_("To show only some years, add {query} (with your years) at the end "
                      "of the address in {src}.")).format(
        query="<code>?from=1959&amp;to=1965</code>", src='<code>src="…"</code>')
    if ranges or longest:
        example = (f"…/{ranges[0].slug()}/#{fragment(ranges[0].first + 1, ranges[0].first + 3)}"
                   if ranges else f"…/#{fragment(first, min(last, first + 2))}")
        help_text += " " + esc(_("Where the frame cannot run scripts, add the years after a # "
                                 "as well, such as {example} (the fields below write it).")).format(
            example=f"<code>{example}</code>")
    slugs = " ".join(r.slug() for r in ranges)
    return (f'<fieldset class="embed-range" data-ranges="{slugs}" data-longest="{longest}" '
            f'hidden><legend>'
            f'{esc(_("Only some years"))}</legend>'
            f'<label>{esc(_("From"))} <input type="number" name="from" min="{first}" '
            f'max="{last}" placeholder="{first}"></label> <label>{esc(_("to"))} <input '
            f'type="number" name="to" min="{first}" max="{last}" placeholder="{last}"></label>'
            '<p class="tool-note range-note" aria-live="polite" hidden></p>'
            f'</fieldset><p class="tool-note range-help">{help_text}</p>')


def embed_tool(ctx: Context, pb: PageBuilder, url: str, title: str, height: int,
               years: tuple[int, int] | None = None, ranges: list[YearRange] | None = None,
               longest: int = 0) -> str:
    """"Embed": the iframe code of the page's embeddable version, with a copy button, a
    preview link and, for timelines, how to show only some years (`ranges`: the year ranges
    with a page of their own; `longest`: see `_range_fields`)."""
    target = embed_url(url)
    code = iframe(address(ctx, target), f"{title} · {ctx.info.name}", height)
    range_help = _range_fields(years, ranges or [], longest) if years else ""
    return (f'<details class="tool embed-tool"><summary>{esc(_("Embed"))}</summary>'
            f'<div class="tool-body"><label for="embed-code">'
            + esc(_("Paste this code into a web page, a blog or a course page (most learning "
                    "platforms accept it in their HTML or embed option):")) + "</label>"
            f'<textarea id="{pb.anchor("embed-code")}" class="snippet" rows="4" readonly '
            f'spellcheck="false" data-embed-code>{esc(code)}</textarea>'
            f'{_copy_button("embed-code", _("the embed code"))}{range_help}{_address_note(ctx)}'
            f'<p class="tool-links"><a href="{pb.href(target)}">'
            f'{esc(_("See the embedded version"))}</a> · <a href="{pb.href(TEACHERS)}">'
            f'{esc(_("Embedding, citing and printing: the guide for teachers"))}</a></p>'
            "</div></details>")


def reuse_panel(pb: PageBuilder, label: str, *tools: str) -> str:
    """The controls of a page side by side (an opened one takes the full width), knowing
    their way back to the site's root (`data-site-root`, for teach.js)."""
    return (f'<div class="reuse" role="group" aria-label="{esc(label)}" data-pagefind-ignore="all" '
            f'data-site-root="{esc(pb.root or "./")}">{"".join(tools)}'
            '<p class="copy-status visually-hidden" role="status" aria-live="polite"></p></div>')


def event_tools(ctx: Context, pb: PageBuilder, event_id: str) -> str:
    """Cite and Embed, for an event page (cited as a web page of the site)."""
    found = event_title(ctx.collection.events[event_id])
    title = found.value
    # an untranslated title is English: headline case, marked lang="en"
    page = WebPage(title, ctx.info.name, address(ctx, pb.url), ctx.info.built,
                   headline_style=current().code == "en" or found.fallback,
                   title_lang=ORIGINAL_LANGUAGE if found.fallback else "", kept=found.kept)
    cite = cite_tool(ctx, pb, {style: page.cite(style) for style in STYLES},
                     _("This page, cited as a web page. To cite what a document says, cite "
                       "the source: each source below has its own Cite, at the page cited."))
    embed = embed_tool(ctx, pb, pb.url, title, EVENT_HEIGHT)
    return reuse_panel(pb, _("Cite or embed this event"), cite, embed)


def document_tools(ctx: Context, pb: PageBuilder, doc_id: str) -> str:
    """Cite, for a document page: the archival document itself, with its downloads."""
    doc = ctx.collection.documents[doc_id]
    cited = cited_document(doc, ctx.info.built, ctx.casing)
    downloads = (f'<p class="tool-links">'
                 f'{esc(_("For reference managers (Zotero, EndNote, Mendeley...):"))} '
                 f'<a href="{cite_file("json")}" download>CSL-JSON</a> · '
                 f'<a href="{cite_file("bib")}" download>BibTeX</a> · '
                 f'<a href="{cite_file("ris")}" download>RIS</a> · {esc(_("all documents:"))} '
                 f'<a href="{esc(pb.path(DOCUMENTS_CSL))}">CSL-JSON</a>, '
                 f'<a href="{esc(pb.path(DOCUMENTS_BIB))}">BibTeX</a>, '
                 f'<a href="{esc(pb.path(DOCUMENTS_RIS))}">RIS</a></p>')
    cite = cite_tool(ctx, pb, {style: cited.cite(style) for style in STYLES},
                     _(archive_of(doc).cite_note), downloads)
    return reuse_panel(pb, _("Cite this document"), cite)


def listing_tools(ctx: Context, pb: PageBuilder, title: str, event_ids: list[str],
                  whole: bool = False) -> str:
    """Embed, for a timeline page, with its range of years (`whole`: its embeddable page
    shows its events, and applies ranges across decades with no script)."""
    span = span_years(ctx.collection, event_ids)
    ranges = year_ranges(group_by_period(event_ids, ctx.collection))
    longest = LONGEST if whole else 0
    return reuse_panel(pb, _("Embed this timeline"),
                       embed_tool(ctx, pb, pb.url, title, LIST_HEIGHT, span, ranges, longest))

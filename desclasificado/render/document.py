"""Document pages: identification, archive links, backlinks, and the marked transcript."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from desclasificado.archives import archive_of
from desclasificado.index import Citation
from desclasificado.records.dates import HistDate
from desclasificado.records.fields import FIELD_CONTEXT, shown_fields
from desclasificado.records.models import Document
from desclasificado.render.context import Context, Page
from desclasificado.render.i18n import _, p_
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import PageBuilder, relative
from desclasificado.render.listing import events_count, time_element
from desclasificado.render.markup import esc
from desclasificado.render.pagemeta import document_meta
from desclasificado.render.teaching import document_tools
from desclasificado.render.texts import event_title, in_original, original_lang
from desclasificado.render.transcript import is_split, transcript_html
from desclasificado.render.urls import (
    DOCUMENTS,
    DOCUMENTS_JSON,
    document_cited_by_url,
    document_transcript_url,
    document_url,
    event_url,
)

#: Select a passage of the transcript: its source block, or a citation (theme/js/passage.js).
PASSAGE_SCRIPT = "js/passage.js"


def _field_value(doc: Document, attribute: str) -> str:
    """A field of the document as escaped HTML, or "" when it is empty."""
    value = getattr(doc, attribute)
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, HistDate):
        return time_element(value)
    if isinstance(value, list):
        return in_original("; ".join(str(v) for v in value))
    return in_original(str(value))


def _identification(doc: Document) -> str:
    """The non-empty identification fields, each with what it means."""
    rows = "".join(f'<tr><th scope="row">{esc(p_(FIELD_CONTEXT, view.label))}</th><td>{value}</td>'
                   f'<td class="gloss">{esc(p_(FIELD_CONTEXT, view.meaning))}</td></tr>'
                   for view in shown_fields(type(doc))
                   if (value := _field_value(doc, view.attribute)))
    return (f'<table class="identification"><caption>{esc(_("As the archive identifies it"))}'
            f'</caption><thead><tr><th scope="col">{esc(_("Field"))}</th><th scope="col">'
            f'{esc(_("Value"))}</th><th scope="col">{esc(_("What it means"))}</th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _archive_links(doc: Document) -> str:
    """Where the archive publishes the document (for JFK records every release's PDF, the
    cited one marked)."""
    items = []
    for link in archive_of(doc).links(doc, _):
        note = f' <span class="cited-release">({esc(link.note)})</span>' if link.note else ""
        items.append(f'<li><a class="external" href="{esc(link.url)}">{esc(link.text)}</a>'
                     f"{note}</li>")
    return f'<ul class="releases">{"".join(items)}</ul>'


#: A document's page lists at most this many of the events citing it; the others are on
#: numbered pages (`document_cited_by_url`: "documents/<id>/cited-by/2/"...) of as many, and
#: all of them in the documents' data download, so that no page grows with the collection
#: (an entry is about 0.9 KB). Tests lower it.
CITED_BY_LIMIT = 100


def citing_events(citations: list[Citation]) -> list[tuple[str, list[Citation]]]:
    """The events citing a document, in timeline order, each with its citations of it."""
    by_event: dict[str, list[Citation]] = {}
    for c in citations:
        by_event.setdefault(c.event_id, []).append(c)
    return list(by_event.items())


def cited_by_parts(citations: list[Citation]) -> int:
    """How many pages the events citing a document take (1 when they fit on its page)."""
    return max(1, -(-len(citing_events(citations)) // CITED_BY_LIMIT))


def _backlinks(ctx: Context, pb: PageBuilder, doc_id: str, citations: list[Citation],
               part: int = 1) -> str:
    """The events citing the document on page `part` of them, each with its citations and
    their passages, and the links to the other pages of them."""
    if not citations:
        return f'<p class="empty">{esc(_("No event cites this document yet."))}</p>'
    events = citing_events(citations)
    shown = events[(part - 1) * CITED_BY_LIMIT:part * CITED_BY_LIMIT]
    marked = _("marked below") if part == 1 else _("marked in the transcript")
    items = []
    for event_id, cited in shown:
        event = ctx.collection.events[event_id]
        where = "; ".join(
            f'<a href="{pb.href(event_url(event_id), f"source-{c.number}")}">'
            f'{esc(_("source {number}").format(number=c.number))}</a>'
            f'{esc(_(", page {page}").format(page=c.page))}'
            + (f' (<a href="{pb.href(document_url(doc_id), c.mark_id)}">{esc(marked)}</a>)'
               if c.span else "")
            for c in cited)
        items.append(f'<li><span class="entry-date">{time_element(event.date)}</span> '
                     f'<a href="{pb.href(event_url(event_id))}">{event_title(event).html}</a> '
                     f'<span class="where">{where}</span></li>')
    return (f'<ul class="backlinks">{"".join(items)}</ul>'
            f'{_cited_by_nav(pb, doc_id, cited_by_parts(citations), part)}')


def _cited_by_nav(pb: PageBuilder, doc_id: str, count: int, current: int) -> str:
    """Links to the pages of the events citing a document ("" when they fit on one)."""
    if count < 2:
        return ""
    links = " ".join(
        f'<span aria-current="page">{n}</span>' if n == current
        else f'<a href="{pb.href(document_cited_by_url(doc_id, n))}">{n}</a>'
        for n in range(1, count + 1))
    said = esc(_("Page {page} of {pages}:").format(page=current, pages=count))
    every = esc(_("Every event citing it is also in the data download:"))
    return (f'<nav class="jump pages" aria-label="{esc(_("Pages of the events citing it"))}">'
            f'<ul><li>{said} {links}</li></ul></nav><p class="note">{every} '
            f'<a href="{esc(relative(pb.url, DOCUMENTS_JSON))}">'
            f'<code>/{esc(DOCUMENTS_JSON)}</code></a></p>')


def document_page(ctx: Context, doc_id: str) -> Page:
    """Identification table, archive links, citing events, transcript page by page."""
    doc = ctx.collection.documents[doc_id]
    archive = archive_of(doc)
    url = document_url(doc_id)
    pb = PageBuilder(url, ctx.info.prefix)
    citations = ctx.index.by_document.get(doc_id, [])
    byline = archive.byline(doc)  # the archive's words: marked English on other pages
    who = " · ".join(x for x in (in_original(byline) if byline else None,
                                 esc(date_text(doc.date)) if doc.date else None) if x)
    for anchor in ("identification", "archive", "cited-by", "transcript"):
        pb.anchor(anchor)
    header = (f'<article class="record document"><header class="page-head"><p class="kicker">'
              f'<a href="{pb.href(DOCUMENTS)}">{esc(_("Documents"))}</a> · '
              f'{esc(archive.identifier(doc))}</p>'
              f'<h1{original_lang()}>{esc(doc.title)}</h1><p class="date">{who}</p>'
              f'{document_tools(ctx, pb, doc_id)}</header>')
    identification = (f'<section aria-labelledby="identification"><h2 id="identification">'
                      f'{esc(_("Identification"))}</h2>{_identification(doc)}</section>'
                      f'<section aria-labelledby="archive"><h2 id="archive">'
                      f'{esc(_("At the archive"))}</h2>'
                      f'<p{original_lang()}>{esc(archive.holder(doc))}.</p>{_archive_links(doc)}'
                      '</section>')
    cited = events_count(len({c.event_id for c in citations}))
    cited_by = (f'<section aria-labelledby="cited-by"><h2 id="cited-by">'
                f'{esc(_("Cited by {count}").format(count=cited))}</h2>'
                f'{_backlinks(ctx, pb, doc_id, citations)}</section>')
    passage = (f' data-passage-document="{esc(doc_id)}" data-passage-title="{esc(doc.title)}" '
               f'data-passage-identifier="{esc(archive.identifier(doc))}"')
    transcript = (f'<section aria-labelledby="transcript"{passage}><h2 id="transcript">'
                  f'{esc(_("Transcript"))}</h2>'
                  f'{transcript_html(ctx, pb, doc_id)}</section>')
    html = f"{header}{identification}{cited_by}{transcript}</article>"
    description = f"{doc.title}: {archive.describe(doc, _)}."
    tags, ld = document_meta(ctx, doc_id, description)
    return Page(url, doc.title, html, pb.links, pb.anchors,
                source=ctx.source_path("documents", doc_id),
                search_kind="document", search_date=date_text(doc.date) if doc.date else "",
                description=description, kind="document", scripts=(PASSAGE_SCRIPT,),
                head_tags=tags, json_ld=ld)


def cited_by_page(ctx: Context, doc_id: str, part: int) -> Page:
    """Page `part` (from 2) of the events citing a document."""
    doc = ctx.collection.documents[doc_id]
    url = document_cited_by_url(doc_id, part)
    pb = PageBuilder(url, ctx.info.prefix)
    citations = ctx.index.by_document.get(doc_id, [])
    parts = cited_by_parts(citations)
    message = _("{title}: cited by, page {page} of {pages}")
    title = message.format(title=doc.title, page=part, pages=parts)
    heading = esc(message).format(title=in_original(doc.title), page=part, pages=parts)
    cited = events_count(len({c.event_id for c in citations}))
    html = (f'<article class="record document"><header class="page-head"><p class="kicker">'
            f'<a href="{pb.href(document_url(doc_id))}"{original_lang()}>{esc(doc.title)}</a></p>'
            f'<h1>{heading}</h1><p class="lede">'
            f'{esc(_("Cited by {count}").format(count=cited))}</p></header>'
            f'{_backlinks(ctx, pb, doc_id, citations, part)}</article>')
    return Page(url, title, html, pb.links, pb.anchors, kind="listing",
                source=ctx.source_path("documents", doc_id),
                description=title)


def full_transcript_page(ctx: Context, doc_id: str) -> Page:
    """The whole transcript of a long document, every page, its cited passages marked."""
    doc = ctx.collection.documents[doc_id]
    url = document_transcript_url(doc_id)
    pb = PageBuilder(url, ctx.info.prefix)
    message = _("Transcript: {title}")
    title = message.format(title=doc.title)
    passage = (f' data-passage-document="{esc(doc_id)}" data-passage-title="{esc(doc.title)}" '
               f'data-passage-identifier="{esc(archive_of(doc).identifier(doc))}"')
    html = (f'<article class="record document"><header class="page-head"><p class="kicker">'
            f'<a href="{pb.href(document_url(doc_id))}"{original_lang()}>{esc(doc.title)}</a></p>'
            f'<h1>{esc(message).format(title=in_original(doc.title))}</h1></header>'
            f'<section aria-labelledby="{pb.anchor("transcript")}"'
            f'{passage}><h2 id="transcript">{esc(_("Transcript"))}</h2>'
            f'{transcript_html(ctx, pb, doc_id, whole=True)}</section></article>')
    return Page(url, title, html, pb.links, pb.anchors, kind="document", search_kind=None,
                source=ctx.source_path("documents", doc_id), description=title,
                scripts=(PASSAGE_SCRIPT,))


def transcript_pages(ctx: Context) -> dict[str, Callable[[], Page]]:
    """The whole-transcript page of each document too long to inline, by URL."""
    return {document_transcript_url(doc_id): partial(full_transcript_page, ctx, doc_id)
            for doc_id in sorted(ctx.collection.documents) if is_split(ctx, doc_id)}


def cited_by_pages(ctx: Context) -> dict[str, Callable[[], Page]]:
    """The numbered pages of the events citing each document cited by more events than its
    page lists, by URL, each as the call that renders it."""
    return {document_cited_by_url(doc_id, part): partial(cited_by_page, ctx, doc_id, part)
            for doc_id, citations in sorted(ctx.index.by_document.items())
            if doc_id in ctx.collection.documents
            for part in range(2, cited_by_parts(citations) + 1)}

"""Document pages: identification, archive links, backlinks, and the marked transcript."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from desclasificado.archives import archive_of
from desclasificado.archives.base import Archive
from desclasificado.check.quotes import Passage
from desclasificado.index import Citation
from desclasificado.records.dates import HistDate
from desclasificado.records.fields import shown_fields
from desclasificado.records.models import Document
from desclasificado.render.context import Context, Page
from desclasificado.render.i18n import _
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import events_count, time_element
from desclasificado.render.markup import esc
from desclasificado.render.pagemeta import document_meta
from desclasificado.render.teaching import document_tools
from desclasificado.render.texts import event_title
from desclasificado.render.urls import DOCUMENTS, document_url, event_url

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
        return "; ".join(esc(v) for v in value)
    return esc(value)


def _identification(doc: Document) -> str:
    """The non-empty identification fields, each with what it means."""
    rows = "".join(f'<tr><th scope="row">{esc(_(view.label))}</th><td>{value}</td>'
                   f'<td class="gloss">{esc(_(view.meaning))}</td></tr>'
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
    for link in archive_of(doc).links(doc):
        note = f' <span class="cited-release">({esc(link.note)})</span>' if link.note else ""
        items.append(f'<li><a class="external" href="{esc(link.url)}">{esc(link.text)}</a>'
                     f"{note}</li>")
    return f'<ul class="releases">{"".join(items)}</ul>'


def _backlinks(ctx: Context, pb: PageBuilder, citations: list[Citation]) -> str:
    """The events citing the document, each with its citations and their passages."""
    if not citations:
        return f'<p class="empty">{esc(_("No event cites this document yet."))}</p>'
    by_event: dict[str, list[Citation]] = {}
    for c in citations:
        by_event.setdefault(c.event_id, []).append(c)
    items = []
    for event_id, cited in by_event.items():
        event = ctx.collection.events[event_id]
        where = "; ".join(
            f'<a href="{pb.href(event_url(event_id), f"source-{c.number}")}">'
            f'{esc(_("source {number}").format(number=c.number))}</a>'
            f'{esc(_(", page {page}").format(page=c.page))}'
            + (f' (<a href="{pb.href(pb.url, c.mark_id)}">{esc(_("marked below"))}</a>)'
               if c.span else "")
            for c in cited)
        items.append(f'<li><span class="entry-date">{time_element(event.date)}</span> '
                     f'<a href="{pb.href(event_url(event_id))}">{event_title(event).html}</a> '
                     f'<span class="where">{where}</span></li>')
    return f'<ul class="backlinks">{"".join(items)}</ul>'


def mark_passages(text: str, marks: list[tuple[Passage, Citation]], pb: PageBuilder,
                  titles: dict[str, str]) -> str:
    """Escape `text`, wrapping each cited passage in `<mark id="q-...">`: one mark per part of
    a quote (`Citation.part_id`), the second piece of a part running over a page break
    without an id.

    Overlapping spans are split the way HTML needs: when a mark must close while a later
    one is still open, the later one is closed and reopened (without an id) after it.
    """
    spans = [(p.start, p.end, c, c.part_id(p.part) if p.first else None)
             for p, c in marks if p.start < p.end]
    starts: dict[int, list[tuple]] = defaultdict(list)
    for span in spans:
        starts[span[0]].append(span)
    points = sorted({0, len(text)} | {p for start, end, _c, _m in spans for p in (start, end)})
    out: list[str] = []
    stack: list[tuple] = []
    for i, point in enumerate(points):
        ending = [k for k, span in enumerate(stack) if span[1] == point]
        if ending:
            reopen = [span for span in stack[ending[0]:] if span[1] != point]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for span in reopen:
                out.append(_mark(span[2], None, titles, pb))
                stack.append(span)
        for span in sorted(starts.get(point, []), key=lambda s: -s[1]):
            out.append(_mark(span[2], span[3], titles, pb))
            stack.append(span)
        if i + 1 < len(points):
            out.append(esc(text[point:points[i + 1]]))
    return "".join(out)


def _mark(citation: Citation, mark_id: str | None, titles: dict[str, str],
          pb: PageBuilder) -> str:
    """An opening `<mark>`: with its id, or a continued one."""
    title = f'title="{esc(_("Cited in: {title}").format(title=titles[citation.event_id]))}"'
    if mark_id is None:
        return f'<mark class="continued" {title}>'
    return f'<mark id="{pb.anchor(mark_id)}" {title}>'


def _transcript(ctx: Context, pb: PageBuilder, doc_id: str, doc: Document) -> str:
    """The transcript page by page (`id="page-N"`), cited passages marked."""
    transcript = ctx.collection.transcripts.get(doc_id)
    archive = archive_of(doc)
    if transcript is None:
        return f'<p class="empty">{esc(_(archive.no_transcript))}</p>'
    marks = ctx.index.marks.get(doc_id, {})
    titles = {c.event_id: event_title(ctx.collection.events[c.event_id]).value
              for found in marks.values() for _part, c in found}
    source = (f"<p><strong>{esc(_('Source of the text:'))}</strong> "
              f"{esc(doc.transcript_source)}</p>" if doc.transcript_source else "")
    worked = getattr(doc, "transcript_note", None)
    if worked:
        source += f"<p><strong>{esc(_('What was done to the text:'))}</strong> {esc(worked)}</p>"
    note = (f'<div class="transcript-note"><p>{esc(_(archive.transcript_note))}</p>{source}</div>')
    if not transcript.has_pages:
        text = mark_passages(transcript.text, marks.get(0, []), pb, titles)
        return f'{note}<pre class="ocr">{text}</pre>'
    pages = []
    for number in sorted(transcript.pages):
        text, notes = _page_parts(archive, transcript.pages[number], marks.get(number, []), pb,
                                  titles)
        anchor = pb.anchor(f"page-{number}")
        page = esc(_("Page {page}").format(page=number))
        pages.append(f'<section class="tpage" id="{anchor}" data-page="{number}" '
                     f'aria-label="{page}">'
                     f'<h3>{page} <a class="external pdf-page" '
                     f'href="{esc(archive.page_url(doc, number))}">'
                     f"{esc(_(archive.transcript_page_label))} {number}</a></h3>"
                     f'<pre class="ocr">{text}</pre>{notes}</section>')
    return note + "".join(pages)


def _page_parts(archive: Archive, page: str, marks: list[tuple[Passage, Citation]],
                pb: PageBuilder, titles: dict[str, str]) -> tuple[str, str]:
    """A page's text and, apart, the footnotes at its end (where its archive has them), each
    with its cited passages marked (a passage belongs to the part it starts in)."""
    split = archive.split_notes(page)
    if split >= len(page):
        return mark_passages(page, marks, pb, titles), ""
    end = len(page[:split].rstrip())
    body = [(replace(p, start=min(p.start, end), end=min(p.end, end)), c)
            for p, c in marks if p.start < split]
    notes = [(replace(p, start=p.start - split, end=p.end - split), c)
             for p, c in marks if p.start >= split]
    text = mark_passages(page[:end], body, pb, titles)
    marked = mark_passages(page[split:], notes, pb, titles)
    return text, (f'<div class="footnotes"><h4>Footnotes</h4><pre class="ocr footnotes">'
                  f"{marked}</pre></div>")


def document_page(ctx: Context, doc_id: str) -> Page:
    """Identification table, archive links, citing events, transcript page by page."""
    doc = ctx.collection.documents[doc_id]
    archive = archive_of(doc)
    url = document_url(doc_id)
    pb = PageBuilder(url, ctx.info.prefix)
    citations = ctx.index.by_document.get(doc_id, [])
    who = " · ".join(esc(x) for x in (archive.byline(doc),
                                      date_text(doc.date) if doc.date else None) if x)
    for anchor in ("identification", "archive", "cited-by", "transcript"):
        pb.anchor(anchor)
    header = (f'<article class="record document"><header class="page-head"><p class="kicker">'
              f'<a href="{pb.href(DOCUMENTS)}">{esc(_("Documents"))}</a> · '
              f'{esc(archive.identifier(doc))}</p>'
              f'<h1>{esc(doc.title)}</h1><p class="date">{who}</p>'
              f'{document_tools(ctx, pb, doc_id)}</header>')
    identification = (f'<section aria-labelledby="identification"><h2 id="identification">'
                      f'{esc(_("Identification"))}</h2>{_identification(doc)}</section>'
                      f'<section aria-labelledby="archive"><h2 id="archive">'
                      f'{esc(_("At the archive"))}</h2>'
                      f'<p>{esc(archive.holder(doc))}.</p>{_archive_links(doc)}</section>')
    cited = events_count(len({c.event_id for c in citations}))
    cited_by = (f'<section aria-labelledby="cited-by"><h2 id="cited-by">'
                f'{esc(_("Cited by {count}").format(count=cited))}</h2>'
                f'{_backlinks(ctx, pb, citations)}</section>')
    passage = (f' data-passage-document="{esc(doc_id)}" data-passage-title="{esc(doc.title)}" '
               f'data-passage-identifier="{esc(archive.identifier(doc))}"')
    transcript = (f'<section aria-labelledby="transcript"{passage}><h2 id="transcript">'
                  f'{esc(_("Transcript"))}</h2>'
                  f'{_transcript(ctx, pb, doc_id, doc)}</section>')
    html = f"{header}{identification}{cited_by}{transcript}</article>"
    description = f"{doc.title}: {archive.describe(doc, _)}."
    tags, ld = document_meta(ctx, doc_id, description)
    return Page(url, doc.title, html, pb.links, pb.anchors,
                source=ctx.source_path("documents", doc_id),
                search_kind="document", search_date=date_text(doc.date) if doc.date else "",
                description=description, kind="document", scripts=(PASSAGE_SCRIPT,),
                head_tags=tags, json_ld=ld)

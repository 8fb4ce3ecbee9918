"""A document's transcript, page by page, its cited passages marked and labelled.

Each cited passage is a `<mark id="q-...">` (one per part of a quote), preceded by a badge
that says, without hovering, which page it is on and which event cites it, and leads back
to that event's source: the way back for a reader who came from a quote, on a phone too.

A long transcript is not inlined whole (a 148-page OCR transcript is about 300 KB of HTML):
above `INLINE_LIMIT` characters the document's page shows only the cited pages, each gap
of uncited pages a link into the full transcript, a page of its own
(`documents/<id>/transcript/`, `transcript_pages`). A shorter one is inlined whole, its
uncited pages marked `uncited`, so that a printout can leave them out (a checkbox, read by
the print style sheet: no script needed).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from desclasificado.archives import archive_of
from desclasificado.archives.base import Archive
from desclasificado.check.quotes import Passage
from desclasificado.index import Citation
from desclasificado.records.models import Document
from desclasificado.render.context import Context
from desclasificado.render.i18n import _, current, n_
from desclasificado.render.links import PageBuilder
from desclasificado.render.markup import esc
from desclasificado.render.texts import event_title, in_original, original_lang
from desclasificado.render.urls import document_transcript_url, event_url, source_anchor

#: Transcripts longer than this (characters of text) show only their cited pages on the
#: document's page, the whole text on a page of its own. Tests lower it.
INLINE_LIMIT = 40_000

Badge = Callable[[Citation], str]


def mark_passages(text: str, marks: list[tuple[Passage, Citation]], pb: PageBuilder,
                  titles: dict[str, str], others: dict[str, int] | None = None,
                  badge: Badge | None = None) -> str:
    """Escape `text`, wrapping each cited passage in `<mark id="q-...">`: one mark per part of
    a quote (`Citation.part_id`), the second piece of a part running over a page break
    without an id; `badge(citation)` is put before the mark of each quote's first part.

    Overlapping spans are split the way HTML needs: when a mark must close while a later
    one is still open, the later one is closed and reopened (without an id) after it.
    `titles` are the events' titles, `others` how many other events share a mark (by its id).
    """
    tip = partial(_tip, titles, others or {})
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
                out.append(_mark(span[2], None, tip, pb))
                stack.append(span)
        for span in sorted(starts.get(point, []), key=lambda s: -s[1]):
            if badge is not None and span[3] is not None and span[3] == span[2].mark_id:
                out.append(badge(span[2]))
            out.append(_mark(span[2], span[3], tip, pb))
            stack.append(span)
        if i + 1 < len(points):
            out.append(esc(text[point:points[i + 1]]))
    return "".join(out)


def _tip(titles: dict[str, str], others: dict[str, int], citation: Citation) -> str:
    """What a mark says when pointed at: the event citing it (and how many others do)."""
    title, more = titles[citation.event_id], others.get(citation.mark_id, 0)
    if not more:
        return _("Cited in: {title}").format(title=title)
    return n_("Cited in: {title} and {n} other event", "Cited in: {title} and {n} other events",
              more).replace("{title}", title)


def _mark(citation: Citation, mark_id: str | None, tip: Callable[[Citation], str],
          pb: PageBuilder) -> str:
    """An opening `<mark>`: with its id, or a continued one."""
    title = f'title="{esc(tip(citation))}"'
    if mark_id is None:
        return f'<mark class="continued" {title}>'
    return f'<mark id="{pb.anchor(mark_id)}" {title}>'


def _badge(pb: PageBuilder, titles: dict[str, str], others: dict[str, int],
           citation: Citation) -> str:
    """The label before a cited passage: its page and the event citing it (`titles`: as
    HTML), linked back to that event's source (how many other events cite the same words).
    In the page's language, though the transcript around it is in the document's."""
    more = others.get(citation.mark_id, 0)
    page = _("Page {page}").format(page=citation.page)
    cited = (n_("and {n} other event", "and {n} other events", more).format(n=more)
             if more else "")
    href = pb.href(event_url(citation.event_id), source_anchor(citation.number))
    lang = f' lang="{esc(current().code)}"' if original_lang() else ""
    return (f'<a class="cite-badge" href="{href}"{lang}><span class="badge-page">{esc(page)}'
            f'</span> <span class="badge-event">{titles[citation.event_id]}</span>'
            + (f' <span class="badge-more">{esc(cited)}</span>' if cited else "") + "</a>")


def _sharing(citations: list[Citation]) -> dict[str, int]:
    """How many other events use each shared mark (by its id): the events whose citations
    are of exactly the passages of an earlier one (`Citation.shares`)."""
    owners = {c.mark_id: c.event_id for c in citations if c.shares is None}
    sharing = {(c.mark_id, c.event_id) for c in citations
               if c.shares is not None and c.event_id != owners.get(c.mark_id)}
    return dict(Counter(mark_id for mark_id, _event in sharing))


def is_split(ctx: Context, doc_id: str) -> bool:
    """Whether the document's transcript is too long to inline whole (and has pages)."""
    transcript = ctx.collection.transcripts.get(doc_id)
    return (transcript is not None and transcript.has_pages
            and sum(len(text) for text in transcript.pages.values()) > INLINE_LIMIT)


def transcript_html(ctx: Context, pb: PageBuilder, doc_id: str, whole: bool = False) -> str:
    """The transcript page by page (`id="page-N"`), cited passages marked: on the document's
    page only the cited pages of a long one (`is_split`), every page when `whole`."""
    doc = ctx.collection.documents[doc_id]
    transcript = ctx.collection.transcripts.get(doc_id)
    archive = archive_of(doc)
    if transcript is None:
        return f'<p class="empty">{esc(_(archive.no_transcript))}</p>'
    marks = ctx.index.marks.get(doc_id, {})
    titles = {c.event_id: event_title(ctx.collection.events[c.event_id]).value
              for found in marks.values() for _part, c in found}
    citations = ctx.index.by_document.get(doc_id, [])
    others = _sharing(citations)
    names = {event_id: event_title(ctx.collection.events[event_id]).html for event_id in titles}
    badge = partial(_badge, pb, names, others)
    note = _note(archive, doc)
    if not transcript.has_pages:
        text = mark_passages(transcript.text, marks.get(0, []), pb, titles, others, badge)
        return f'{note}<pre class="ocr"{original_lang()}>{text}</pre>'
    numbers = sorted(transcript.pages)
    cited = set(marks) | {page for c in citations for page in c.pages}
    split = not whole and is_split(ctx, doc_id)
    out, gap = [], []
    for number in numbers:
        if split and number not in cited:
            gap.append(number)
            continue
        if gap:
            out.append(_gap(pb, doc_id, gap))
            gap = []
        text, notes = _page_parts(archive, transcript.pages[number], marks.get(number, []), pb,
                                  titles, others, badge)
        out.append(_page(pb, archive, doc, number, (text, notes), number not in cited))
    if gap:
        out.append(_gap(pb, doc_id, gap))
    if split:
        intro = _split_note(pb, doc_id, len(numbers), len(cited & set(numbers)))
    elif cited.issuperset(numbers):
        intro = ""
    else:
        intro = (f'<p class="print-choice"><label><input type="checkbox" id="print-cited-only"> '
                 f'{esc(_("When printing, print only the cited pages"))}</label></p>')
    return note + intro + "".join(out)


def _note(archive: Archive, doc: Document) -> str:
    """Where the text comes from and what was done to it."""
    source = (f"<p><strong>{esc(_('Source of the text:'))}</strong> "
              f"{in_original(doc.transcript_source)}</p>" if doc.transcript_source else "")
    worked = getattr(doc, "transcript_note", None)
    if worked:
        source += (f"<p><strong>{esc(_('What was done to the text:'))}</strong> "
                   f"{in_original(worked)}</p>")
    return f'<div class="transcript-note"><p>{esc(_(archive.transcript_note))}</p>{source}</div>'


def _page(pb: PageBuilder, archive: Archive, doc: Document, number: int,
          parts: tuple[str, str], uncited: bool) -> str:
    """One page of the transcript (its text and footnotes, as HTML), with its heading and
    the link to it at the archive."""
    anchor = pb.anchor(f"page-{number}")
    page = esc(_("Page {page}").format(page=number))
    kind = "tpage uncited" if uncited else "tpage"
    return (f'<section class="{kind}" id="{anchor}" data-page="{number}" aria-label="{page}">'
            f'<h3>{page} <a class="external pdf-page" href="{esc(archive.page_url(doc, number))}">'
            f"{esc(_(archive.transcript_page_label))} {number}</a></h3>"
            f'<pre class="ocr"{original_lang()}>{parts[0]}</pre>{parts[1]}</section>')


def _gap(pb: PageBuilder, doc_id: str, pages: list[int]) -> str:
    """A run of uncited pages left out of the document's page: a link to them."""
    span = str(pages[0]) if len(pages) == 1 else f"{pages[0]}–{pages[-1]}"
    words = n_("Page {pages} is not cited: read it in the full transcript",
               "Pages {pages} are not cited: read them in the full transcript",
               len(pages)).format(pages=span)
    href = pb.href(document_transcript_url(doc_id), f"page-{pages[0]}")
    return f'<p class="tgap"><a href="{href}">{esc(words)}</a></p>'


def _split_note(pb: PageBuilder, doc_id: str, pages: int, cited: int) -> str:
    """Why a long transcript shows only some pages here, and where the rest is."""
    said = _("The transcript has {pages} pages. Below: the pages cited by events ({n}).").format(
        pages=pages, n=cited)
    return (f'<p class="split-note">{esc(said)} <a href="{pb.href(document_transcript_url(doc_id))}">'
            f'{esc(_("Read the whole transcript"))}</a></p>')


def _page_parts(archive: Archive, page: str, marks: list[tuple[Passage, Citation]],
                pb: PageBuilder, titles: dict[str, str], others: dict[str, int],
                badge: Badge) -> tuple[str, str]:
    """A page's text and, apart, the footnotes at its end (where its archive has them), each
    with its cited passages marked (a passage belongs to the part it starts in)."""
    split = archive.split_notes(page)
    if split >= len(page):
        return mark_passages(page, marks, pb, titles, others, badge), ""
    end = len(page[:split].rstrip())
    body = [(replace(p, start=min(p.start, end), end=min(p.end, end)), c)
            for p, c in marks if p.start < split]
    notes = [(replace(p, start=p.start - split, end=p.end - split), c)
             for p, c in marks if p.start >= split]
    text = mark_passages(page[:end], body, pb, titles, others, badge)
    marked = mark_passages(page[split:], notes, pb, titles, others, badge)
    return text, (f'<div class="footnotes"><h4>{esc(_("Footnotes"))}</h4>'
                  f'<pre class="ocr footnotes"{original_lang()}>{marked}</pre></div>')

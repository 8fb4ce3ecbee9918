"""Document pages: identification, archive links, backlinks, and the marked transcript."""

from __future__ import annotations

from collections import defaultdict

from desclasificado.index import Citation
from desclasificado.records.models import Document
from desclasificado.render.context import Context, Page
from desclasificado.render.event import pdf_page
from desclasificado.render.i18n import N_, _
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import DOCUMENTS, PageBuilder, document_url, event_url
from desclasificado.render.listing import events_count, time_element
from desclasificado.render.markup import esc
from desclasificado.render.searchtext import label
from desclasificado.render.teaching import document_tools

# (attribute, label, what the field means, in plain words)
FIELDS = (
    ("record_number", N_("Record number"), N_("The archive's identifier for the document: quote it "
     "to find the document in the archive's catalogue.")),
    ("title", N_("Title"), N_("The title on the archive's identification form, often the document's "
     "subject line.")),
    ("date", N_("Date"), N_("When the document was written.")),
    ("originator", N_("Originator"), N_("The agency or office that wrote the document.")),
    ("from_", N_("From"), N_("The person or office that sent it, when the form names one.")),
    ("to", N_("To"), N_("Who it was written for: the person or office it was addressed to.")),
    ("agency", N_("Agency"), N_("The agency that holds the record and released it.")),
    ("archive", N_("Archive"), N_("Where the document is kept today.")),
    ("collection", N_("Collection"), N_("The body of records it was released in.")),
    ("record_series", N_("Record series"), N_("The group of files it belongs to.")),
    ("agency_file_number", N_("Agency file number"), N_("The holding agency's own file reference.")),
    ("pages", N_("Pages"), N_("Pages of the released PDF; page numbers on this site are pages of the "
     "cited release's PDF, not the numbers typed on the paper.")),
    ("subjects", N_("Subjects"), N_("Subject headings given by the archive's reviewers.")),
    ("document_type", N_("Document type"), N_("What kind of document it is: memorandum, cable, "
     "report, letter...")),
    ("classification", N_("Classification"), N_("How secret it was when written (CONFIDENTIAL, "
     "SECRET, TOP SECRET...).")),
    ("restrictions", N_("Restrictions"), N_("The legal grounds on which parts were withheld at "
     "review, if any.")),
    ("current_status", N_("Current status"), N_("Whether it is open in full, released with "
     "redactions, or still withheld in part.")),
    ("date_of_last_review", N_("Date of last review"), N_("When it was last reviewed for release.")),
    ("opening_criteria", N_("Opening criteria"), N_("When withheld parts are to be opened.")),
    ("comments", N_("Comments"), N_("Reviewers' remarks, often where the paper original is filed.")),
    ("cited_release", N_("Cited release"), N_("The release whose PDF the page numbers on this site "
     "refer to.")),
)


def _field_value(doc: Document, attribute: str) -> str:
    """A field of the document as escaped HTML, or "" when it is empty."""
    value = getattr(doc, attribute)
    if value is None or value == "" or value == []:
        return ""
    if attribute in ("date", "date_of_last_review"):
        return time_element(value)
    if isinstance(value, list):
        return "; ".join(esc(v) for v in value)
    return esc(value)


def _identification(doc: Document) -> str:
    """The non-empty identification fields, each with what it means."""
    rows = "".join(f'<tr><th scope="row">{esc(_(label))}</th><td>{value}</td>'
                   f'<td class="gloss">{esc(_(gloss))}</td></tr>'
                   for attribute, label, gloss in FIELDS
                   if (value := _field_value(doc, attribute)))
    return (f'<table class="identification"><caption>{esc(_("As the archive identifies it"))}'
            f'</caption><thead><tr><th scope="col">{esc(_("Field"))}</th><th scope="col">'
            f'{esc(_("Value"))}</th><th scope="col">{esc(_("What it means"))}</th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _releases(doc: Document) -> str:
    """Every release's PDF, the cited one marked."""
    items = []
    for release in doc.releases:
        cited = (' <span class="cited-release">'
                 + esc(_("(cited: page numbers on this site are pages of this PDF)")) + "</span>"
                 if release.release == doc.cited_release else "")
        text = _("{release} release, PDF").format(release=release.release)
        items.append(f'<li><a class="external" href="{esc(release.pdf)}">{esc(text)}</a>'
                     f"{cited}</li>")
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
                     f'<a href="{pb.href(event_url(event_id))}">{esc(event.title)}</a> '
                     f'<span class="where">{where}</span></li>')
    return f'<ul class="backlinks">{"".join(items)}</ul>'


def mark_passages(text: str, citations: list[Citation], pb: PageBuilder,
                  titles: dict[str, str]) -> str:
    """Escape `text`, wrapping each cited span in `<mark id="q-...">`.

    Overlapping spans are split the way HTML needs: when a mark must close while a later
    one is still open, the later one is closed and reopened (without an id) after it.
    """
    spans = [(c.span[0], c.span[1], c) for c in citations if c.span and c.span[0] < c.span[1]]
    starts: dict[int, list[tuple[int, int, Citation]]] = defaultdict(list)
    for span in spans:
        starts[span[0]].append(span)
    points = sorted({0, len(text)} | {p for start, end, _c in spans for p in (start, end)})
    out: list[str] = []
    stack: list[tuple[int, int, Citation]] = []
    for i, point in enumerate(points):
        ending = [k for k, (_s, end, _c) in enumerate(stack) if end == point]
        if ending:
            reopen = [span for span in stack[ending[0]:] if span[1] != point]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for span in reopen:
                out.append(f'<mark class="continued" title="{_cited_in(titles, span[2])}">')
                stack.append(span)
        for span in sorted(starts.get(point, []), key=lambda s: -s[1]):
            out.append(f'<mark id="{pb.anchor(span[2].mark_id)}" '
                       f'title="{_cited_in(titles, span[2])}">')
            stack.append(span)
        if i + 1 < len(points):
            out.append(esc(text[point:points[i + 1]]))
    return "".join(out)


def _cited_in(titles: dict[str, str], citation: Citation) -> str:
    return esc(_("Cited in: {title}").format(title=titles[citation.event_id]))


def _transcript(ctx: Context, pb: PageBuilder, doc_id: str, doc: Document) -> str:
    """The transcript page by page (`id="page-N"`), cited passages marked."""
    transcript = ctx.collection.transcripts.get(doc_id)
    if transcript is None:
        return ('<p class="empty">'
                + esc(_("No transcript of this document yet: read it in the archive PDF above."))
                + "</p>")
    marks = ctx.index.marks.get(doc_id, {})
    titles = {c.event_id: ctx.collection.events[c.event_id].title
              for found in marks.values() for c in found}
    source = (f"<p><strong>{esc(_('Source of the text:'))}</strong> "
              f"{esc(doc.transcript_source)}</p>" if doc.transcript_source else "")
    note = ('<div class="transcript-note"><p>'
            + esc(_("The text below was read from the scanned pages by machine (OCR) and may "
                    "contain errors; the archive PDF is the authority. Passages cited by "
                    "events are highlighted.")) + "</p>" + source + "</div>")
    if not transcript.has_pages:
        text = mark_passages(transcript.text, marks.get(0, []), pb, titles)
        return f'{note}<pre class="ocr">{text}</pre>'
    pdf = doc.cited_pdf()
    pages = []
    for number in sorted(transcript.pages):
        text = mark_passages(transcript.pages[number], marks.get(number, []), pb, titles)
        anchor = pb.anchor(f"page-{number}")
        page = esc(_("Page {page}").format(page=number))
        pdf_text = esc(_("PDF page {page}").format(page=number))
        pages.append(f'<section class="tpage" id="{anchor}" aria-label="{page}">'
                     f'<h3>{page} <a class="external pdf-page" href="{pdf_page(pdf, number)}">'
                     f'{pdf_text}</a></h3><pre class="ocr">{text}</pre></section>')
    return note + "".join(pages)


def _searchable(ctx: Context, doc_id: str, doc: Document) -> str:
    """What the search index gets for a document: its identification and the passages events
    cite. Not the whole transcript: the index would grow with the archive, not with the events
    (a transcript is about ten times the text of the events that cite it)."""
    fields = " · ".join(value for attribute, *_texts in FIELDS if (value := _field_value(doc, attribute)))
    transcript = ctx.collection.transcripts.get(doc_id)
    passages: dict[str, None] = {}
    for page, citations in sorted(ctx.index.marks.get(doc_id, {}).items()):
        text = (transcript.pages.get(page, "") if page else transcript.text) if transcript else ""
        for citation in citations:
            if citation.span:
                passages[esc(" ".join(text[citation.span[0]:citation.span[1]].split()))] = None
    quoted = "".join(f"<blockquote>{passage}</blockquote>" for passage in passages)
    return label("document", date_text(doc.date) if doc.date else "") + f"<p>{fields}</p>{quoted}"


def document_page(ctx: Context, doc_id: str) -> Page:
    """Identification table, archive links, citing events, transcript page by page."""
    doc = ctx.collection.documents[doc_id]
    url = document_url(doc_id)
    pb = PageBuilder(url)
    citations = ctx.index.by_document.get(doc_id, [])
    who = " · ".join(esc(x) for x in (doc.originator, date_text(doc.date) if doc.date else None)
                     if x)
    for anchor in ("identification", "archive", "cited-by", "transcript"):
        pb.anchor(anchor)
    header = (f'<article class="record document"><header class="page-head"><p class="kicker">'
              f'<a href="{pb.href(DOCUMENTS)}">{esc(_("Documents"))}</a> · '
              f'{esc(doc.record_number)}</p>'
              f'<h1>{esc(doc.title)}</h1><p class="date">{who}</p>'
              f'{document_tools(ctx, pb, doc_id)}</header>')
    identification = (f'<section aria-labelledby="identification"><h2 id="identification">'
                      f'{esc(_("Identification"))}</h2>{_identification(doc)}</section>'
                      f'<section aria-labelledby="archive"><h2 id="archive">'
                      f'{esc(_("At the archive"))}</h2>'
                      f'<p>{esc(doc.archive)}.</p>{_releases(doc)}</section>')
    cited = events_count(len({c.event_id for c in citations}))
    cited_by = (f'<section aria-labelledby="cited-by"><h2 id="cited-by">'
                f'{esc(_("Cited by {count}").format(count=cited))}</h2>'
                f'{_backlinks(ctx, pb, citations)}</section>')
    transcript = (f'<section aria-labelledby="transcript"><h2 id="transcript">'
                  f'{esc(_("Transcript"))}</h2>'
                  f'{_transcript(ctx, pb, doc_id, doc)}</section>')
    html = f"{header}{identification}{cited_by}{transcript}</article>"
    return Page(url, doc.title, html, pb.links, pb.anchors,
                source=ctx.source_path("documents", doc_id),
                search_html=_searchable(ctx, doc_id, doc),
                description=_("{title}: a declassified document, record {number}.").format(
                    title=doc.title, number=doc.record_number),
                kind="document")

"""Document pages: identification, archive links, backlinks, and the marked transcript."""

from __future__ import annotations

from collections import defaultdict

from desclasificado.index import Citation
from desclasificado.records.models import Document
from desclasificado.render.context import Context, Page
from desclasificado.render.event import pdf_page
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import plural, time_element
from desclasificado.render.markup import esc
from desclasificado.render.searchtext import label
from desclasificado.render.teaching import document_tools
from desclasificado.render.urls import DOCUMENTS, document_url, event_url

# (attribute, label, what the field means, in plain words)
FIELDS = (
    ("record_number", "Record number", "The archive's identifier for the document: quote it "
     "to find the document in the archive's catalogue."),
    ("title", "Title", "The title on the archive's identification form, often the document's "
     "subject line."),
    ("date", "Date", "When the document was written."),
    ("originator", "Originator", "The agency or office that wrote the document."),
    ("from_", "From", "The person or office that sent it, when the form names one."),
    ("to", "To", "Who it was written for: the person or office it was addressed to."),
    ("agency", "Agency", "The agency that holds the record and released it."),
    ("archive", "Archive", "Where the document is kept today."),
    ("collection", "Collection", "The body of records it was released in."),
    ("record_series", "Record series", "The group of files it belongs to."),
    ("agency_file_number", "Agency file number", "The holding agency's own file reference."),
    ("pages", "Pages", "Pages of the released PDF; page numbers on this site are pages of the "
     "cited release's PDF, not the numbers typed on the paper."),
    ("subjects", "Subjects", "Subject headings given by the archive's reviewers."),
    ("document_type", "Document type", "What kind of document it is: memorandum, cable, "
     "report, letter..."),
    ("classification", "Classification", "How secret it was when written (CONFIDENTIAL, "
     "SECRET, TOP SECRET...)."),
    ("restrictions", "Restrictions", "The legal grounds on which parts were withheld at "
     "review, if any."),
    ("current_status", "Current status", "Whether it is open in full, released with "
     "redactions, or still withheld in part."),
    ("date_of_last_review", "Date of last review", "When it was last reviewed for release."),
    ("opening_criteria", "Opening criteria", "When withheld parts are to be opened."),
    ("comments", "Comments", "Reviewers' remarks, often where the paper original is filed."),
    ("cited_release", "Cited release", "The release whose PDF the page numbers on this site "
     "refer to."),
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
    rows = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td>'
                   f'<td class="gloss">{esc(gloss)}</td></tr>'
                   for attribute, label, gloss in FIELDS
                   if (value := _field_value(doc, attribute)))
    return ('<table class="identification"><caption>As the archive identifies it</caption>'
            '<thead><tr><th scope="col">Field</th><th scope="col">Value</th>'
            f'<th scope="col">What it means</th></tr></thead><tbody>{rows}</tbody></table>')


def _releases(doc: Document) -> str:
    """Every release's PDF, the cited one marked."""
    items = []
    for release in doc.releases:
        cited = (' <span class="cited-release">(cited: page numbers on this site are pages of '
                 "this PDF)</span>" if release.release == doc.cited_release else "")
        items.append(f'<li><a class="external" href="{esc(release.pdf)}">{esc(release.release)} '
                     f"release, PDF</a>{cited}</li>")
    return f'<ul class="releases">{"".join(items)}</ul>'


def _backlinks(ctx: Context, pb: PageBuilder, citations: list[Citation]) -> str:
    """The events citing the document, each with its citations and their passages."""
    if not citations:
        return '<p class="empty">No event cites this document yet.</p>'
    by_event: dict[str, list[Citation]] = {}
    for c in citations:
        by_event.setdefault(c.event_id, []).append(c)
    items = []
    for event_id, cited in by_event.items():
        event = ctx.collection.events[event_id]
        where = "; ".join(
            f'<a href="{pb.href(event_url(event_id), f"source-{c.number}")}">source {c.number}'
            f"</a>, page {c.page}"
            + (f' (<a href="{pb.href(pb.url, c.mark_id)}">marked below</a>)' if c.span else "")
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
    points = sorted({0, len(text)} | {p for start, end, _ in spans for p in (start, end)})
    out: list[str] = []
    stack: list[tuple[int, int, Citation]] = []
    for i, point in enumerate(points):
        ending = [k for k, (_, end, _) in enumerate(stack) if end == point]
        if ending:
            reopen = [span for span in stack[ending[0]:] if span[1] != point]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for span in reopen:
                out.append(f'<mark class="continued" title="Cited in: '
                           f'{esc(titles[span[2].event_id])}">')
                stack.append(span)
        for span in sorted(starts.get(point, []), key=lambda s: -s[1]):
            out.append(f'<mark id="{pb.anchor(span[2].mark_id)}" title="Cited in: '
                       f'{esc(titles[span[2].event_id])}">')
            stack.append(span)
        if i + 1 < len(points):
            out.append(esc(text[point:points[i + 1]]))
    return "".join(out)


def _transcript(ctx: Context, pb: PageBuilder, doc_id: str, doc: Document) -> str:
    """The transcript page by page (`id="page-N"`), cited passages marked."""
    transcript = ctx.collection.transcripts.get(doc_id)
    if transcript is None:
        return ('<p class="empty">No transcript of this document yet: read it in the archive '
                "PDF above.</p>")
    marks = ctx.index.marks.get(doc_id, {})
    titles = {c.event_id: ctx.collection.events[c.event_id].title
              for found in marks.values() for c in found}
    source = (f"<p><strong>Source of the text:</strong> {esc(doc.transcript_source)}</p>"
              if doc.transcript_source else "")
    note = ('<div class="transcript-note"><p>The text below was read from the scanned pages '
            "by machine (OCR) and may contain errors; the archive PDF is the authority. "
            "Passages cited by events are highlighted.</p>" + source + "</div>")
    if not transcript.has_pages:
        text = mark_passages(transcript.text, marks.get(0, []), pb, titles)
        return f'{note}<pre class="ocr">{text}</pre>'
    pdf = doc.cited_pdf()
    pages = []
    for number in sorted(transcript.pages):
        text = mark_passages(transcript.pages[number], marks.get(number, []), pb, titles)
        anchor = pb.anchor(f"page-{number}")
        pages.append(f'<section class="tpage" id="{anchor}" aria-label="Page {number}">'
                     f'<h3>Page {number} <a class="external pdf-page" href="{pdf_page(pdf, number)}">'
                     f"PDF page {number}</a></h3><pre class=\"ocr\">{text}</pre></section>")
    return note + "".join(pages)


def _searchable(ctx: Context, doc_id: str, doc: Document) -> str:
    """What the search index gets for a document: its identification and the passages events
    cite. Not the whole transcript: the index would grow with the archive, not with the events
    (a transcript is about ten times the text of the events that cite it)."""
    fields = " · ".join(value for attribute, _, _ in FIELDS if (value := _field_value(doc, attribute)))
    transcript = ctx.collection.transcripts.get(doc_id)
    passages: dict[str, None] = {}
    for page, citations in sorted(ctx.index.marks.get(doc_id, {}).items()):
        text = (transcript.pages.get(page, "") if page else transcript.text) if transcript else ""
        for citation in citations:
            if citation.span:
                passages[esc(" ".join(text[citation.span[0]:citation.span[1]].split()))] = None
    quoted = "".join(f"<blockquote>{passage}</blockquote>" for passage in passages)
    return label("Document", doc.date.display() if doc.date else "") + f"<p>{fields}</p>{quoted}"


def document_page(ctx: Context, doc_id: str) -> Page:
    """Identification table, archive links, citing events, transcript page by page."""
    doc = ctx.collection.documents[doc_id]
    url = document_url(doc_id)
    pb = PageBuilder(url)
    citations = ctx.index.by_document.get(doc_id, [])
    who = " · ".join(esc(x) for x in (doc.originator, doc.date.display() if doc.date else None)
                     if x)
    for anchor in ("identification", "archive", "cited-by", "transcript"):
        pb.anchor(anchor)
    header = (f'<article class="record document"><header class="page-head"><p class="kicker">'
              f'<a href="{pb.href(DOCUMENTS)}">Documents</a> · {esc(doc.record_number)}</p>'
              f'<h1>{esc(doc.title)}</h1><p class="date">{who}</p>'
              f'{document_tools(ctx, pb, doc_id)}</header>')
    identification = (f'<section aria-labelledby="identification"><h2 id="identification">Identification'
                      f'</h2>{_identification(doc)}</section>'
                      f'<section aria-labelledby="archive"><h2 id="archive">At the archive</h2>'
                      f'<p>{esc(doc.archive)}.</p>{_releases(doc)}</section>')
    cited_by = (f'<section aria-labelledby="cited-by"><h2 id="cited-by">Cited by '
                f'{plural(len({c.event_id for c in citations}), "event")}</h2>'
                f'{_backlinks(ctx, pb, citations)}</section>')
    transcript = (f'<section aria-labelledby="transcript"><h2 id="transcript">Transcript</h2>'
                  f'{_transcript(ctx, pb, doc_id, doc)}</section>')
    html = f"{header}{identification}{cited_by}{transcript}</article>"
    return Page(url, doc.title, html, pb.links, pb.anchors,
                source=ctx.source_path("documents", doc_id),
                search_html=_searchable(ctx, doc_id, doc),
                description=f"{doc.title}: a declassified document, record {doc.record_number}.",
                kind="document")

"""The list of documents, `/documents/`: one table, or past `listing.LIST_PAGE_LIMIT` documents an
index of decades and years, each year with a page of its own (`documents/years/1963/`), so
that no page grows with the whole archive."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import groupby

from desclasificado.archives import archive_of
from desclasificado.index import date_order, date_period
from desclasificado.records.dates import HistDate
from desclasificado.render.context import Context, Page
from desclasificado.render.i18n import _, number
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import (
    decade_label,
    documents_count,
    paginated,
    time_element,
    year_label,
)
from desclasificado.render.markup import esc, esc_text
from desclasificado.render.texts import in_original, original_lang
from desclasificado.render.urls import DOCUMENTS, decade_anchor, document_url, document_year_url

Period = tuple[int | None, int | None]  # (decade, year); None, None: undated


def _lede() -> str:
    return _("Each page gives the archive's identification, links to the archive (the PDFs of "
             "a JFK record, a FRUS document's page at history.state.gov), the events that cite "
             "it and its transcript.")


def _head() -> str:
    cells = "".join(f'<th scope="col">{esc(text)}</th>'
                    for text in (_("Date"), _("Title"), _("From, to"), _("Record number")))
    return (f'<thead><tr>{cells}<th scope="col" class="num">{esc(_("Citations"))}</th></tr>'
            "</thead>")




def _label(period: Period) -> str:
    """"1963", "1960s, year not known", "Undated"."""
    return _("Undated") if period[0] is None else year_label(*period)


def _in_order(ctx: Context) -> list[str]:
    """Every document id: by the year (or decade) of its date, then by date and id;
    undated documents last."""
    documents = ctx.collection.documents
    return sorted(documents, key=lambda doc_id: (*date_order(documents[doc_id].date), doc_id))


def _period(date: HistDate | None) -> Period:
    return date_period(date) if date is not None else (None, None)


def document_years(ctx: Context) -> list[tuple[Period, list[str]]]:
    """The documents in date order, grouped by the year (or decade) of their date."""
    documents = ctx.collection.documents
    return [(period, list(ids)) for period, ids in
            groupby(_in_order(ctx), key=lambda doc_id: _period(documents[doc_id].date))]


def _table(ctx: Context, pb: PageBuilder, doc_ids: list[str]) -> str:
    rows = []
    label = esc(_("Citations"))  # the column's heading, shown in each cell on phones
    for doc_id in doc_ids:
        doc = ctx.collection.documents[doc_id]
        archive = archive_of(doc)
        who = esc(_(" to ")).join(in_original(x) for x in (archive.sender(doc),
                                                           archive.recipient(doc)) if x)
        when = time_element(doc.date) if doc.date else esc(_("Undated"))
        rows.append(f'<tr><td>{when}</td>'
                    f'<td{original_lang()}><a href="{pb.href(document_url(doc_id))}">'
                    f'{esc(doc.title)}</a></td>'
                    f'<td>{who}</td><td class="record-number">{esc(archive.identifier(doc))}</td>'
                    f'<td class="num" data-label="{label}">'
                    f'{len(ctx.index.by_document.get(doc_id, []))}</td></tr>')
    return f'<table class="documents">{_head()}<tbody>{"".join(rows)}</tbody></table>'


def _year_index(pb: PageBuilder, years: list[tuple[Period, list[str]]]) -> str:
    """The decades (with their anchors) and years, with their counts, each year linking to
    its page."""
    parts = []
    for decade, in_decade in groupby(years, key=lambda item: item[0][0]):
        in_decade = list(in_decade)
        links = "".join(f'<li><a href="{pb.href(document_year_url(*period))}">{esc(_label(period))}'
                        f'</a> <span class="count">{documents_count(len(ids))}</span></li>'
                        for period, ids in in_decade)
        anchor = pb.anchor(decade_anchor(decade))
        count = sum(len(ids) for _, ids in in_decade)
        parts.append(f'<section class="decade-index" aria-labelledby="{anchor}">'
                     f'<h2 id="{anchor}">{esc(decade_label(decade))}</h2>'
                     f'<p class="count">{documents_count(count)}</p>'
                     f'<ul class="year-index">{links}</ul></section>')
    return f'<div class="years">{"".join(parts)}</div>'


def documents_index(ctx: Context) -> Page:
    """Every document, in date order, with who wrote it and how often it is cited; past
    `listing.LIST_PAGE_LIMIT` documents, the years, each linking to its page."""
    pb = PageBuilder(DOCUMENTS, ctx.info.prefix)
    count = len(ctx.collection.documents)
    if paginated(list(ctx.collection.documents)):
        lede = _("The declassified documents the events cite ({count}), by the year they "
                 "were written.")
        body = _year_index(pb, document_years(ctx))
    else:
        lede = _("The declassified documents the events cite ({count}), in date order.")
        body = _table(ctx, pb, _in_order(ctx))
    lede = esc(lede.format(count=number(count)))
    html = (f'<header class="page-head"><h1>{esc(_("Documents"))}</h1><p class="lede">{lede} '
            f"{esc_text(_lede())}</p></header>{body}")
    return Page(DOCUMENTS, _("Documents"), html, pb.links, pb.anchors, kind="index",
                description=_("The declassified documents cited, with their transcripts."))


def _year_page(ctx: Context, period: Period, doc_ids: list[str], before: Period | None,
               after: Period | None) -> Page:
    url = document_year_url(*period)
    pb = PageBuilder(url, ctx.info.prefix)
    when = _label(period)
    title = _("{title}, {year}").format(title=_("Documents"), year=when)
    steps = [f'<a rel="prev" href="{pb.href(document_year_url(*before))}">'
             f'{esc(_("Previous: {year}").format(year=_label(before)))}</a>'] if before else []
    steps.append(f'<a href="{pb.href(DOCUMENTS, decade_anchor(period[0]))}">'
                 f'{esc(_("Every year"))}</a>')
    if after:
        steps.append(f'<a rel="next" href="{pb.href(document_year_url(*after))}">'
                     f'{esc(_("Next: {year}").format(year=_label(after)))}</a>')
    lede = _("{count} of {year}, in date order.").format(count=documents_count(len(doc_ids)),
                                                          year=when)
    html = (f'<header class="page-head"><p class="kicker"><a href="{pb.href(DOCUMENTS)}">'
            f'{esc(_("Documents"))}</a></p><h1>{esc(title)}</h1><p class="lede">'
            f'{esc(lede)}</p></header>'
            f'<nav class="jump" aria-label="{esc(_("Other years"))}"><ul><li>{" · ".join(steps)}'
            f"</li></ul></nav>{_table(ctx, pb, doc_ids)}")
    return Page(url, title, html, pb.links, pb.anchors, kind="index", search_kind=None,  # a list
                description=_("The declassified documents of {year} cited by the events.").format(
                    year=when))


def document_year_pages(ctx: Context) -> dict[str, Callable[[], Page]]:
    """The year pages of the list of documents (none up to `listing.LIST_PAGE_LIMIT` documents),
    by URL, each as the call that renders it."""
    if not paginated(list(ctx.collection.documents)):
        return {}
    years = document_years(ctx)
    periods = [period for period, _ in years]
    return {document_year_url(*period): partial(_year_page, ctx, period, ids,
                                      periods[at - 1] if at else None,
                                      periods[at + 1] if at + 1 < len(periods) else None)
            for at, (period, ids) in enumerate(years)}

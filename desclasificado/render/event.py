"""The page of one event: what happened, with numbered citations to the documents."""

from __future__ import annotations

from collections.abc import Callable

from desclasificado.archives import archive_of
from desclasificado.index import Citation
from desclasificado.records.dates import parse_date
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.records.models import Document, Event, Source
from desclasificado.render.context import Context, Page
from desclasificado.render.glossary import Term, link_actors
from desclasificado.render.i18n import _, current, n_
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.links import PageBuilder
from desclasificado.render.listing import (
    country_links,
    event_entry,
    time_element,
    timeline_paginated,
    year_href,
)
from desclasificado.render.markup import esc, esc_text, link_list, link_marks, plain_text
from desclasificado.render.pagemeta import event_meta
from desclasificado.render.teaching import event_tools, source_cite
from desclasificado.render.texts import (
    actor_name,
    event_body,
    event_summary,
    event_title,
    in_original,
    original_lang,
    theme_title,
    untranslated_note,
)
from desclasificado.render.urls import actor_url, document_url, event_url, theme_url


def pages_text(pages: tuple[int, ...]) -> str:
    """(2, 3, 5) -> 'pages 2–3, 5'; (4,) -> 'page 4'."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    # TRANSLATORS: {pages} is a list of page numbers and ranges, "2–3, 5"
    return n_("page {pages}", "pages {pages}", len(pages)).format(pages=text)


def archive_page_link(doc: Document, page: int, external: bool = False) -> str:
    """The link to one cited page at the archive, as the document's archive makes it
    ('Archive PDF, page 3' to the PDF at #page=3)."""
    archive = archive_of(doc)
    attrs = ' class="external"' if external else ""
    return (f'<a{attrs} href="{esc(archive.page_url(doc, page))}">'
            f"{esc(archive.page_link_text(page, _))}</a>")


def page_anchor(ctx: Context, citation: Citation) -> str | None:
    """The anchor of the cited page on the document page (None: no transcript of it)."""
    transcript = ctx.collection.transcripts.get(citation.document_id)
    if transcript is None:
        return None
    if not transcript.has_pages:
        return "transcript"
    return f"page-{citation.page}" if transcript.page_text(citation.page) is not None else None


def _document_line(doc: Document) -> str:
    """'CIA to Director, CIA · 11 April 1963 · record number 176-10036-10058'."""
    archive = archive_of(doc)
    sender, to = archive.author(doc), archive.recipient(doc)
    who = in_original(sender) if sender else ""  # the archive's names: marked English
    if to:
        who = (esc_text(_("{sender} to {recipient}")).format(sender=who, recipient=in_original(to))
               if who else esc_text(_("to {recipient}")).format(recipient=in_original(to)))
    parts = [who] if who else []
    if doc.date:
        parts.append(time_element(doc.date))
    parts.append(f"{esc(_(archive.identifier_label))} {esc(archive.identifier(doc))}")
    return " · ".join(parts)


def _transcript_links(pb: PageBuilder, citation: Citation, anchor: str | None) -> str:
    """Links to the marked passage and to the cited page of our transcript."""
    url = document_url(citation.document_id)
    links = []
    if citation.span is not None:
        links.append(f'<a href="{pb.href(url, citation.mark_id)}">'
                     f'{esc(_("The passage in the transcript"))}</a>')
    if anchor == "transcript":
        links.append(f'<a href="{pb.href(url, anchor)}">{esc(_("Transcript"))}</a>')
    elif anchor:
        text = _("Transcript, page {page}").format(page=citation.page)
        links.append(f'<a href="{pb.href(url, anchor)}">{esc(text)}</a>')
    else:
        links.append(f'<a href="{pb.href(url)}">{esc(_("About the document"))}</a>')
    return "".join(links)


def _source_item(ctx: Context, pb: PageBuilder, source: Source, citation: Citation) -> str:
    """One numbered citation: document, pages, who and when, quote, note and links."""
    doc = ctx.collection.documents[source.document]
    note = (f'<p class="source-note">{esc(_("Note: {note}")).format(note=in_original(source.note))}'
            '</p>' if source.note else "")
    n = citation.number
    return (f'<li id="{pb.anchor(f"source-{n}")}" class="source">'
            f'<span class="source-n" data-pagefind-ignore>[{n}]</span>'
            f'<div class="source-body"><p class="source-title"><cite{original_lang()}>'
            f'<a href="{pb.href(document_url(source.document))}">{esc(doc.title)}</a></cite>, '
            f'{pages_text(source.pages)}</p><p class="source-meta">{_document_line(doc)}</p>'
            f'<blockquote class="quote"{quote_lang(source)}><p>{_quote(pb, source, citation, ctx)}</p>'
            f'</blockquote>{note}'
            f'<p class="source-links">{_transcript_links(pb, citation, page_anchor(ctx, citation))}'
            f'{archive_page_link(doc, citation.page, external=True)}</p>'
            f'<div class="reuse source-reuse" data-pagefind-ignore="all" '
            f'data-site-root="{esc(pb.root or "./")}">'
            f'{source_cite(ctx, pb, source.document, citation.page, n)}</div></div></li>')


def quote_lang(source: Source) -> str:
    """The `lang` attribute of a quote whose language is not the page's ("" if it is): a
    quote is in the document's language, English unless the source says (`lang: "es"`)."""
    lang = source.lang or ORIGINAL_LANGUAGE
    return "" if lang == current().code else f' lang="{esc(lang)}"'


def _quote(pb: PageBuilder, source: Source, citation: Citation, ctx: Context) -> str:
    """The quote, linked to its marked passage (or its page) in the transcript, if any."""
    anchor = citation.mark_id if citation.span is not None else page_anchor(ctx, citation)
    if anchor is None:
        return esc(source.quote)
    return (f'<a class="quote-link" href="{pb.href(document_url(source.document), anchor)}">'
            f"{esc(source.quote)}</a>")


def _glossary(ctx: Context, pb: PageBuilder,
              event: Event) -> tuple[list[Term], Callable[[str], str]]:
    """The event's actors as glossary terms, and the link to each actor's page."""
    actors = ctx.collection.actors
    terms = [Term(a, tuple(dict.fromkeys((actor_name(actors[a]).value, actors[a].name,
                                          *actors[a].other_names))), actor_name(actors[a]).value)
             for a in dict.fromkeys(event.actors) if a in actors]
    return terms, lambda actor_id: pb.href(actor_url(actor_id))


def _facts(ctx: Context, pb: PageBuilder, event: Event) -> str:
    """Countries, places, actors and themes, as a definition list."""
    rows = [(_("Countries"), country_links(ctx, pb, event.countries))]
    if event.places:
        rows.append((_("Places"), "; ".join(esc(p) for p in event.places)))
    if event.actors:
        actors = ctx.collection.actors
        rows.append((_("Actors"), link_list(f'<a href="{pb.href(actor_url(a))}">'
                                           f'{actor_name(actors[a]).html}</a>'
                                           for a in event.actors)))
    if event.themes:
        themes = ctx.collection.themes
        rows.append((_("Themes"), link_list(f'<a href="{pb.href(theme_url(t))}">'
                                           f'{theme_title(themes[t]).html}</a>'
                                           for t in event.themes)))
    items = "".join(f"<div><dt>{esc(name)}</dt><dd>{value}</dd></div>" for name, value in rows)
    return f'<dl class="facts">{items}</dl>'


def _neighbour(ctx: Context, pb: PageBuilder, event_id: str | None, rel: str) -> str:
    """A link to the previous or next event (`rel` "prev" or "next"), or a placeholder."""
    if event_id is None:
        return "<span></span>"
    event = ctx.collection.events[event_id]
    label = _("Previous event") if rel == "prev" else _("Next event")
    return (f'<a rel="{rel}" class="{rel}" href="{pb.href(event_url(event_id))}">'
            f'<span class="label">{esc(label)}</span> <span class="when">'
            f'{esc(date_text(event.date))}</span> <span class="what">{event_title(event).html}</span></a>')


def _steps(ctx: Context, pb: PageBuilder, previous: str | None, following: str | None) -> str:
    """Previous and next at the top of the page, short ("‹ Previous", "Next ›"), each named
    with its event's title for a screen reader; the full links close the page."""
    links = []
    for event_id, rel, text in ((previous, "prev", _("Previous")), (following, "next", _("Next"))):
        if event_id is None:
            continue
        title = event_title(ctx.collection.events[event_id]).html
        links.append(f'<a rel="{rel}" class="{rel}" href="{pb.href(event_url(event_id))}">'
                     f'{esc(text)}<span class="visually-hidden">: {title}</span></a>')
    if not links:
        return ""
    label = _("Previous and next on the timeline")
    return f'<nav class="steps" aria-label="{esc(label)}">{"".join(links)}</nav>'


def _changed(ctx: Context, event_id: str) -> str:
    """When the event's file last changed, from git ("" when the build does not know)."""
    day = ctx.last_changed("events", event_id)
    if day is None:
        return ""
    when = f'<time datetime="{day.isoformat()}">{esc(date_text(parse_date(day.isoformat())))}</time>'
    return f'<p class="changed">{esc(_("Last changed: {date}")).format(date=when)}</p>'


def event_page(ctx: Context, event_id: str) -> Page:
    """The event: header, summary, body, facts, sources, related, previous and next."""
    event = ctx.collection.events[event_id]
    url = event_url(event_id)
    pb = PageBuilder(url, ctx.info.prefix)
    own = lambda n: pb.href(url, f"source-{n}")  # noqa: E731 - a one-line callback
    year = event.date.year()
    kicker = esc(_("Timeline"))
    if year is not None:
        decade = event.date.decade()
        year_group = None if event.date.precision == "decade" else year
        href = year_href(pb, "timeline/", timeline_paginated(ctx), decade, year_group)
        when = year if year_group else _("{decade}s").format(decade=decade)
        kicker = f'<a href="{href}">{esc(_("Timeline"))} · {esc(when)}</a>'
    title, summary_text, body_text = event_title(event), event_summary(event), event_body(event)
    terms, actor_href = _glossary(ctx, pb, event)
    linked: set[str] = set()
    summary = link_actors(ctx.summaries[event_id], terms, actor_href, linked)
    body = ctx.bodies.get(event_id)
    body = link_actors(body, terms, actor_href, linked) if body else body
    sources = "".join(_source_item(ctx, pb, source, citation) for source, citation
                      in zip(event.sources, ctx.index.citations[event_id], strict=True))
    previous, following = ctx.index.previous(event_id), ctx.index.next(event_id)
    parts = [
        f'<article class="record event"><header class="page-head"><div class="head-row">'
        f'<p class="kicker">{kicker}</p>{_steps(ctx, pb, previous, following)}</div>'
        f'<h1{title.lang_attr}>{title.marked}</h1><p class="date">{time_element(event.date)}'
        f'</p>{event_tools(ctx, pb, event_id)}</header>',
        untranslated_note(title, summary_text, body_text),
        f'<p class="lede summary"{summary_text.lang_attr}>{link_marks(summary, own)}</p>',
        f'<div class="body"{body_text.lang_attr}>{link_marks(body, own)}</div>'
        if body and body_text else "",
        _facts(ctx, pb, event),
        f'<section class="sources" aria-labelledby="{pb.anchor("sources")}">'
        f'<h2 id="sources">{esc(_("Sources"))}</h2><ol class="source-list">{sources}</ol></section>',
    ]
    related = ctx.index.related.get(event_id)
    if related:
        entries = "".join(event_entry(ctx, pb, other, level=3) for other in related)
        parts.append(f'<section class="related" aria-labelledby="{pb.anchor("related")}">'
                     f'<h2 id="related">{esc(_("Related events"))}</h2><ol class="entries">{entries}</ol>'
                     "</section>")
    parts.append(_changed(ctx, event_id))
    parts.append(f'<nav class="prevnext" aria-label="{esc(_("Previous and next events"))}">'
                 f'{_neighbour(ctx, pb, previous, "prev")}{_neighbour(ctx, pb, following, "next")}'
                 "</nav></article>")
    description = f"{date_text(event.date)}: {plain_text(summary_text.value)}"
    tags, ld = event_meta(ctx, event_id, url, title.value, description)
    return Page(url, title.value, "".join(parts), pb.links, pb.anchors,
                source=ctx.source_path("events", event_id), description=description,
                kind="event", search_kind="event", search_date=date_text(event.date),
                head_tags=tags, json_ld=ld)

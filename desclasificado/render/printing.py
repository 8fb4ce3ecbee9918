"""What a printout says about where it came from: the page's address, the day the site was
built, and how to cite what it shows (the document itself on a document page, the page of
this site elsewhere, in Chicago's note form). The theme prints it at the foot of every page
(`.print-colophon`, hidden on screen), so a sheet handed out in class still leads back.
"""

from __future__ import annotations

from desclasificado.records.dates import parse_date
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.render.citations import WebPage
from desclasificado.render.context import Context, Page
from desclasificado.render.documentcite import cited_document
from desclasificado.render.i18n import _, current
from desclasificado.render.i18n_dates import date_text
from desclasificado.render.markup import esc
from desclasificado.render.texts import event_title
from desclasificado.render.urls import event_url

STYLE = "chicago-note"
_EVENTS = event_url("").removesuffix("/")  # "events/", the folder of the event pages


def print_address(ctx: Context, url: str) -> str:
    """The page's full address, or its path in the site when the site has no `site_url`."""
    return ctx.info.absolute(url) or f"/{ctx.info.prefix}{url}"


def colophon(ctx: Context, page: Page, document_id: str | None = None) -> str:
    """The printed line of a page, as escaped HTML: where it is, as of when, and its
    citation, in words (a document's English title marked so on a page in another language)."""
    address = print_address(ctx, page.url)
    built = date_text(parse_date(ctx.info.built.isoformat()))
    if document_id is not None:
        cited = cited_document(ctx.collection.documents[document_id], ctx.info.built,
                               ctx.casing)
        citation = cited.cite(STYLE).html()  # its English title marked lang="en"
    else:
        citation = _web_page(ctx, page, address).cite(STYLE).html()
    message = _("Printed from {address}, as the site stood on {date}. Cite as: {citation}")
    return esc(message).format(address=esc(address), date=esc(built), citation=citation)


def _web_page(ctx: Context, page: Page, address: str) -> WebPage:
    """The page cited as a web page: its title in headline case in English only (a Spanish
    or Portuguese title keeps its sentence case), an event's untranslated English title in
    headline case and marked `lang="en"`, as the Cite control has them (a translated title's
    quotes kept in English marked too)."""
    english = current().code == "en"
    event_id = page.url.removeprefix(_EVENTS).removesuffix("/")
    event = ctx.collection.events.get(event_id)
    title = event_title(event) if event is not None and page.url == event_url(event_id) else None
    fallback = title is not None and title.fallback
    kept = title.kept if title is not None and title.value == page.title else ()
    return WebPage(page.title, ctx.info.name, address, ctx.info.built,
                   headline_style=english or fallback,
                   title_lang=ORIGINAL_LANGUAGE if fallback and not english else "", kept=kept)

"""The old addresses of renamed events: `events/<former id>/index.html`, leading on.

An event names the ids its file had before (`former_ids`); each old address gets a small
page that sends the reader to the event at once (`<meta http-equiv="refresh">`, which
needs no script, so it works in a sandboxed frame too), names the event with a link for
whoever has redirects turned off, and tells search engines the event's own address
(`rel="canonical"`, `noindex`). It is written as it is, not through the theme: it is not a
page of the site (no sitemap entry, not indexed for search). A link to a passage
(`#source-2`) lands at the top of the event: the fragment does not survive a refresh.
"""

from __future__ import annotations

from desclasificado.render.context import Context
from desclasificado.render.i18n import _
from desclasificado.render.markup import esc
from desclasificado.render.texts import event_title
from desclasificado.render.urls import event_url


def redirect_files(ctx: Context) -> dict[str, str]:
    """The page of each former id of each published event, by its path in the site."""
    files = {}
    for event_id in ctx.index.timeline:
        for old in ctx.collection.events[event_id].former_ids:
            files[f"{event_url(old)}index.html"] = redirect_page(ctx, event_id)
    return files


def redirect_page(ctx: Context, event_id: str) -> str:
    """The page at a former address of the event (a sibling folder of the event's)."""
    target = f"../{event_id}/"
    canonical = ctx.info.absolute(event_url(event_id)) or target
    title = event_title(ctx.collection.events[event_id])
    moved = _("This event has moved to a new address:")
    return (f'<!DOCTYPE html>\n<html lang="{esc(ctx.info.lang)}">\n<head>\n'
            f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, '
            f'initial-scale=1">\n<title>{esc(title.value)} · {esc(ctx.info.name)}</title>\n'
            f'<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{esc(canonical)}">\n'
            f'<meta http-equiv="refresh" content="0; url={esc(target)}">\n</head>\n<body>\n'
            f'<p>{esc(moved)} <a href="{esc(target)}"{title.lang_attr}>{title.marked}</a></p>\n'
            f'</body>\n</html>\n')

"""The MkDocs adapter (`hooks:` in mkdocs.yml): hands the generated pages to MkDocs.

- `on_files`: check the content (or take the result `build.py` just computed), render
  every page (`desclasificado.render`), writing the embeddable pages and data files into
  the site directory as each is rendered, check every link the generator wrote, and add
  each page as an in-memory file (`File.generated`) with empty Markdown.
- `on_page_markdown`: give a generated page its title; its Markdown stays empty, so
  MkDocs' Markdown pass never sees contributor text.
- `on_page_content`: put the generated HTML in place of the (empty) rendered Markdown
  (for the search plugin, without the lists of events that only repeat other pages),
  and fill the `<!-- desclasificado:NAME -->` markers of hand-written pages.
- `on_page_context`, after the search plugin: the whole generated HTML for the template.
- `on_post_page`: once a generated page is written, its HTML is let go.

MkDocs is reached only through `desclasificado.engine`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, _ROOT)

from desclasificado import engine, sitebuild  # noqa: E402
from desclasificado.citations import build_date  # noqa: E402
from desclasificado.render import Page, Site, SiteInfo, render_site  # noqa: E402
from desclasificado.render.home import FRAGMENTS  # noqa: E402

_MARKER = re.compile(r"<!-- desclasificado:([a-z-]+) -->")
_MAX_SHOWN = 30


class _State:
    """What the current build generated, shared between the hook calls of one build."""

    site: Site | None = None
    pages: dict[str, Page] = {}


def _src_uri(url: str) -> str:
    """The in-memory source file of a generated page: "events/x/" -> "events/x/index.md"."""
    return f"{url}index.md"


def on_files(files: Any, config: Any) -> Any:
    """Render the site and add its pages and data files to MkDocs' files."""
    root = Path(config.config_file_path).resolve().parent
    result = sitebuild.prepared(root)
    if not result.ok:
        lines = [p.format() for p in result.problems] + [result.summary()]
        raise engine.Abort("\n".join(lines))
    info = SiteInfo(name=config.site_name, url=config.site_url or "", built=build_date())
    site = render_site(result.collection, info=info, write=_writer(config.site_dir))
    hand_written = {f.url: f for f in files.documentation_pages()}
    _refuse_conflicts(site, files, hand_written)
    broken = site.broken_links(set(hand_written))
    if broken:
        shown = [b.message() for b in broken[:_MAX_SHOWN]]
        if len(broken) > _MAX_SHOWN:
            shown.append(f"... and {len(broken) - _MAX_SHOWN} more broken links")
        raise engine.Abort("\n".join(shown))
    _State.site = site
    _State.pages = {}
    for url, page in site.pages.items():
        page.links = []  # checked: let them go
        _State.pages[_src_uri(url)] = page
        files.append(engine.File.generated(config, _src_uri(url), content="",
                                           inclusion=engine.InclusionLevel.NOT_IN_NAV))
    site.pages, site.embeds = {}, {}  # each page is let go once written (on_post_page)
    for path, text in site.data_files.items():
        files.append(engine.File.generated(config, path, content=text))
    return files


def _writer(site_dir: str) -> Any:
    """Write a generated file into the site directory (which MkDocs has just emptied), so
    that the embeddable pages and data files are not all held in memory."""
    root = Path(site_dir)

    def write(path: str, text: str) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))

    return write


def _refuse_conflicts(site: Site, files: Any, hand_written: dict[str, Any]) -> None:
    """A hand-written page may not take the address of a generated one."""
    taken = [f"{hand_written[url].src_uri}: a hand-written page cannot be at /{url}, which "
             "is generated: rename it" for url in site.pages if url in hand_written]
    taken += [f"{path}: a file in pages/ cannot be at {path}, which is generated: rename it"
              for path in [*site.data_files, *site.written]
              if files.get_file_from_path(path) is not None]
    if taken:
        raise engine.Abort("\n".join(taken))


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Generated pages: set the title, keep the Markdown empty."""
    generated = _State.pages.get(page.file.src_uri)
    if generated is None:
        return markdown
    page.meta["title"] = generated.title
    page.meta["description"] = generated.description
    page.meta["kind"] = generated.kind
    page.meta["scripts"] = list(generated.scripts)
    page.meta["oembed"] = generated.oembed
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Generated pages get the HTML the search index should see (lists of events that
    repeat other pages are left out); hand-written ones get their generated parts."""
    generated = _State.pages.get(page.file.src_uri)
    if generated is not None:
        return generated.html if generated.search_html is None else generated.search_html
    return _MARKER.sub(lambda m: _fragment(m.group(1), page), html)


@engine.event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Generated pages: the template renders the whole HTML."""
    generated = _State.pages.get(page.file.src_uri)
    if generated is not None:
        page.content = generated.html
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    """A generated page is written: let its HTML go."""
    if _State.pages.pop(page.file.src_uri, None) is not None:
        page.content = None
    return output


def _fragment(name: str, page: Any) -> str:
    """The generated part `name` for a hand-written page."""
    site = _State.site
    if name not in FRAGMENTS or site is None:
        raise engine.Abort(f"{page.file.src_uri}: unknown generated part "
                           f"'<!-- desclasificado:{name} -->'; known parts: "
                           f"{', '.join(FRAGMENTS)}")
    html, _ = site.fragment(name, page.url)
    return html

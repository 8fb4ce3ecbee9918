"""The MkDocs adapter (`hooks:` in mkdocs.yml): hands the generated pages to MkDocs.

- `on_files`: check the content (or take the result `build.py` just computed), publish
  CONTRIBUTING.md as /contribute/guide/, plan the site (`desclasificado.render.plan_site`:
  the embeddable pages and data files are rendered and written into the site directory at
  once), and add each generated page as an in-memory file (`File.generated`) with empty
  Markdown, so that MkDocs' Markdown pass never sees contributor text.
- `on_page_content`: fill the `<!-- desclasificado:NAME -->` markers of hand-written pages.
- `on_page_context`, before the search plugin: render a generated page now, when MkDocs
  is about to write it, so that one page's HTML is in memory at a time. The search index
  gets `page.content` (without the lists of events that only repeat other pages), the
  template the whole HTML as `generated_html`.
- `on_post_page`: the page is written: let its HTML go.
- `on_post_build`: every page is rendered: fail the build on a broken generated link
  (the build is atomic, so the previous site stays).

MkDocs is reached only through `desclasificado.engine`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, _ROOT)

from desclasificado.publish import build as sitebuild  # noqa: E402
from desclasificado.publish import engine  # noqa: E402
from desclasificado.render import Site, SiteInfo, plan_site  # noqa: E402
from desclasificado.render.citations import build_date  # noqa: E402
from desclasificado.render.home import FRAGMENTS  # noqa: E402
from desclasificado.render.i18n import UnknownLanguage, language, script_messages  # noqa: E402
from desclasificado.render.i18n_catalog import problems as catalogue_problems  # noqa: E402

_MARKER = re.compile(r"<!-- desclasificado:([a-z-]+) -->")
_MAX_SHOWN = 30


class _State:
    """What the current build generated, shared between the hook calls of one build."""

    site: Site | None = None
    generated: dict[str, str] = {}  # the source file of each generated page -> its URL


def _src_uri(url: str) -> str:
    """The in-memory source file of a generated page: "events/x/" -> "events/x/index.md"."""
    return f"{url}index.md"


def on_files(files: Any, config: Any) -> Any:
    """Plan the site, write its data files, and add its pages to MkDocs' files."""
    root = Path(config.config_file_path).resolve().parent
    result = sitebuild.prepared(root)
    if not result.ok:
        lines = [p.format() for p in result.problems] + [result.summary()]
        raise engine.Abort("\n".join(lines))
    result.collection.drop_value_positions()  # checked: no more messages to place
    info = SiteInfo(name=config.site_name, url=config.site_url or "", built=build_date(),
                    lang=_language(config).code)
    _add_contributor_guide(root, files, config)
    hand_written = {f.url: f for f in files.documentation_pages()}
    site = plan_site(result.collection, info=info, write=_writer(config.site_dir),
                     other_pages=hand_written)
    _refuse_conflicts(site, files, hand_written)
    _State.site = site
    _State.generated = {_src_uri(url): url for url in site.makers}
    for src_uri in _State.generated:
        files.append(engine.File.generated(config, src_uri, content="",
                                           inclusion=engine.InclusionLevel.NOT_IN_NAV))
    return files


def _language(config: Any) -> Any:
    """The language of the site: `theme.locale` in mkdocs.yml, which needs a catalogue."""
    try:
        lang = language(str(config.theme.locale))
    except UnknownLanguage as exc:
        raise engine.Abort(f"mkdocs.yml: theme.locale: {exc}") from None
    missing = catalogue_problems(codes=[lang.code])
    if missing:  # a page would show English words in another language
        shown = missing[:_MAX_SHOWN] + ([f"... and {len(missing) - _MAX_SHOWN} more"]
                                        if len(missing) > _MAX_SHOWN else [])
        raise engine.Abort("\n".join([*shown, f"error: the catalogue of '{lang.code}' is "
                                       "incomplete: translate the entries above"]))
    return lang


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The theme's templates read our catalogue (`{{ _("...") }}`, `{% trans %}`), not the
    `.mo` files MkDocs looks for in a theme, and the messages the scripts need."""
    lang = _language(config)
    env.install_gettext_translations(lang.translations, newstyle=True)
    env.globals["script_messages"] = lambda *scripts: script_messages(lang, scripts or ("theme/js/",))
    return env


def _add_contributor_guide(root: Path, files: Any, config: Any) -> None:
    """Publish the repository's CONTRIBUTING.md as /contribute/guide/ (a maintainers'
    file, rendered like the hand-written pages), so the site links to it, not to a host."""
    guide = root / sitebuild.GUIDE_FILE
    if guide.is_file():
        files.append(engine.File.generated(config, sitebuild.GUIDE_PAGE,
                                           content=guide.read_text(encoding="utf-8"),
                                           inclusion=engine.InclusionLevel.NOT_IN_NAV))


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
             "is generated: rename it" for url in site.makers if url in hand_written]
    taken += [f"{path}: a file in pages/ cannot be at {path}, which is generated: rename it"
              for path in site.written
              if files.get_file_from_path(path) is not None]
    if taken:
        raise engine.Abort("\n".join(taken))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Hand-written pages get their generated parts."""
    if page.file.src_uri in _State.generated:
        return html
    return _MARKER.sub(lambda m: _fragment(m.group(1), page), html)


@engine.event_priority(100)  # before the search plugin indexes the page
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Render a generated page: its title and description for the template, the text the
    search index should see as `page.content`, the whole HTML as `generated_html`."""
    url = _State.generated.get(page.file.src_uri)
    if url is None or _State.site is None:
        return context
    generated = _State.site.render(url)
    page.meta.update(title=generated.title, description=generated.description,
                     kind=generated.kind, scripts=list(generated.scripts),
                     oembed=generated.oembed)
    page.content = generated.html if generated.search_html is None else generated.search_html
    context["generated_html"] = generated.html
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    """A generated page is written: let its HTML go."""
    if page.file.src_uri in _State.generated:
        page.content = None
    return output


def on_post_build(config: Any) -> None:
    """Every page is rendered: refuse the build if a generated link leads nowhere."""
    site, _State.site, _State.generated = _State.site, None, {}
    broken = site.broken_links() if site is not None else []
    if broken:
        shown = [b.message() for b in broken[:_MAX_SHOWN]]
        if len(broken) > _MAX_SHOWN:
            shown.append(f"... and {len(broken) - _MAX_SHOWN} more broken links")
        raise engine.Abort("\n".join(shown))


def _fragment(name: str, page: Any) -> str:
    """The generated part `name` for a hand-written page."""
    site = _State.site
    if name not in FRAGMENTS or site is None:
        raise engine.Abort(f"{page.file.src_uri}: unknown generated part "
                           f"'<!-- desclasificado:{name} -->'; known parts: "
                           f"{', '.join(FRAGMENTS)}")
    html, _ = site.fragment(name, page.url)
    return html

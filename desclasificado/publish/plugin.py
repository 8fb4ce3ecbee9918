"""What the engine's hooks do in one build, with the build's state on one object.

A `SiteBuild` holds the checked collection, its index and, once the engine has listed the
hand-written pages, the planned `Site`. The hooks file (`hooks.py`) finds the `SiteBuild` of
the build it is called for on the engine's config (`SiteBuild.of(config)`): `pipeline.build()`
puts one there before the engine runs; a build the engine starts by itself (`serve`, or
`mkdocs build`) gets a fresh one that checks the content first.

- `on_files`: publish CONTRIBUTING.md as /contribute/guide/ (and its translation,
  CONTRIBUTING.es.md, as /es/contribute/guide/), plan the site (the embeddable
  pages and data files are rendered and written into the site directory at once) and add
  each generated page as an in-memory file with empty Markdown, so that the engine's
  Markdown pass never sees contributor text, and the engine checks the hand-written pages'
  links to them. Those outside the nav (all but a few) get a `GeneratedPage`, which the
  engine reads without a Markdown parser, and are ours to write (`PageWriter`).
- `on_nav`, `on_env`: the nav and the theme's templates for the `PageWriter`; the pages it
  writes leave the engine's files once the engine has read every page.
- `on_page_content`: fill the `<!-- desclasificado:NAME -->` markers of hand-written pages;
  a translated guide's code blocks and quoted passages, the English guide's own, are marked
  `lang="en"`.
- `on_page_context`: render a generated page of the nav when the engine is about to write
  it; the template gets it as `generated_html`, with the kind and date of its search result
  in `page.meta` (`search_kind`, `search_date`, which `main.html` hands to Pagefind;
  hand-written pages are "page", but for the contributors').
- `on_template_context`: a page of the theme without a source (`static_templates`: 404.html,
  search.html) is rendered in the site's language at the root and, here, in each other
  language under its folder (`/es/404.html`, `/es/search.html`); the root 404, which hosts
  such as GitHub Pages serve for every missing address, carries each other language's notice,
  which `js/notfound.js` shows under that language's folder.
- `on_post_page`: the page is written: let its HTML go.
- `on_template_context` of the sitemap: our pages join the engine's.
- `on_post_build`: the `PageWriter` writes our pages (on every core), then, every page
  rendered: fail the build on a broken generated link (the
  build is atomic, so the previous site stays); in a build the engine started, write the
  search index, which `pipeline.build()` otherwise writes before its swap (`serve`: its
  `Preview` deletes what the last rebuild wrote and this one did not, and refreshes the
  index once the page is served, `preview.py`).
"""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from typing import Any

from desclasificado.check.project import CheckResult, check_project
from desclasificado.index import SiteIndex, build_index
from desclasificado.load.history import last_changed
from desclasificado.publish import engine, preview
from desclasificado.publish.firstpass import Shown
from desclasificado.publish.languages import PageLanguages, gettext_callables
from desclasificado.publish.pagecache import CACHE_DIR, PageCache, build_fingerprint
from desclasificado.publish.pagewriter import PageWriter, page_meta, write_site_files
from desclasificado.publish.searchindex import IndexFailed, index_search
from desclasificado.publish.unlinked import LinkRefused, read_unlinked
from desclasificado.records.languages import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES
from desclasificado.render import Site, SiteInfo, plan_sites
from desclasificado.render.citations import build_date
from desclasificado.render.home import FRAGMENTS
from desclasificado.render.i18n import UnknownLanguage, language, site_languages
from desclasificado.render.i18n_catalog import problems as catalogue_problems
from desclasificado.render.reads import watch

CONFIG_KEY = "desclasificado_build"  # where a build's SiteBuild waits on the engine's config
GUIDE_FILE = "CONTRIBUTING.md"  # published as the page below
GUIDE_PAGE = "contribute/guide.md"
#: The guide in each language, published as GUIDE_PAGE in that language's folder:
#: CONTRIBUTING.<code>.md for each language of `records/languages.py`, by that name alone (a
#: new language's guide needs no code); a language without its file is given the original,
#: marked as untranslated (`PageLanguages`).
GUIDE_FILES = {ORIGINAL_LANGUAGE: GUIDE_FILE,
               **{code: f"CONTRIBUTING.{code}.md" for code in TRANSLATION_LANGUAGES}}
GUIDE_LANGUAGE = "en"  # GUIDE_FILE's; a translation keeps its blocks and quotes in it
#: A line of a guide linking to the guide in another language, for readers of the
#: repository: the site leaves it out (its language switch leads there).
_OTHER_GUIDE = re.compile(r"^.*\]\(CONTRIBUTING(?:\.[a-z]+)?\.md\).*\n", re.MULTILINE)
#: Hand-written pages for contributors, left out of the search index (readers search the
#: collection; the guide and the field reference are one click from /contribute/).
UNSEARCHED_PAGES = (GUIDE_PAGE, "reference.md")
#: The partial each other language's notice on the root 404 page is rendered from.
LANGUAGE_HINT = "partials/language-hint.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
_MARKER = re.compile(r"<!-- desclasificado:([a-z-]+) -->")
_MAX_SHOWN = 30


def _src_uri(url: str) -> str:
    """The in-memory source file of a generated page: "events/x/" -> "events/x/index.md"."""
    return f"{url}index.md"


class GeneratedPage(engine.Page):
    """The engine's page for a generated one, whose Markdown is empty: what the engine's
    reading and rendering would give, without building a Markdown parser for each of
    thousands of pages (about a tenth of the build). The page is rendered in
    `SiteBuild.on_page_context`."""

    def read_source(self, config: Any) -> None:
        self.markdown, self.meta = "", {}

    def render(self, config: Any, files: Any) -> None:
        self.content, self.toc, self._title_from_render = "", engine.get_toc([]), None
        self.present_anchor_ids, self.links_to_anchors = set(), {}


class SiteBuild:
    """One build's checked content, index, planned site and generated pages."""

    def __init__(self, result: CheckResult | None = None, index: SiteIndex | None = None,
                 workers: int = 1, cache_dir: Path | None = None):
        self.result, self.index = result, index
        self.sites: list[Site] = []  # the site in each language, its own first
        # the source file of each generated page -> its language's site and its URL there
        self.generated: dict[str, tuple[Site, str]] = {}
        self.writer: PageWriter | None = None  # those outside the nav, which we write
        self.workers, self.languages = workers, None  # processes writing pages; PageLanguages
        self.env: Any = None  # the theme's templates (`on_env`), for the static pages
        self.standalone = False  # True: no `pipeline.build()` around it to index the site
        self.cache_dir = cache_dir  # where the pages of the last build are kept (None: none)
        self.cache: PageCache | None = None  # this build's, once the site is planned
        self.translated_guides: set[str] = set()  # the source files of the guide's translations
        self.engine_files: list[str] = []  # what the engine writes, relative to the site
        self.produced: set[str] | None = None  # every file written but the theme's own pages

    @classmethod
    def of(cls, config: Any) -> SiteBuild:
        """The SiteBuild of the build `config` belongs to (a fresh one if it has none)."""
        found = config.get(CONFIG_KEY)
        if found is None:  # a build the engine started itself (serve): it indexes its site too
            root = Path(config.config_file_path).resolve().parent
            found = config[CONFIG_KEY] = cls(cache_dir=root / CACHE_DIR)
            found.standalone = True
        return found

    def on_files(self, files: Any, config: Any) -> Any:
        """Plan the site, write its data files, and add its pages to the engine's files."""
        root = Path(config.config_file_path).resolve().parent
        live = self._live()
        if live is not None:  # serve: stop reading the site; check what changed only
            live.begin()
        result, index = (live.check(root) if live is not None and self.result is None
                         else (self.result or check_project(root), self.index))
        if not result.ok:
            lines = [p.format() for p in result.problems] + [result.summary()]
            raise engine.Abort("\n".join(lines))
        index = index or build_index(result.collection)
        result.collection.changed = last_changed(root)  # one git call, for "last changed"
        result.collection.drop_value_positions()  # checked: no more messages to place
        main = site_language(config).code
        info = SiteInfo(name=config.site_name, url=config.site_url or "", built=build_date(),
                        lang=main)
        codes = site_languages(main)
        for code in codes[1:]:
            _complete_catalogue(code)
        self.languages = languages = PageLanguages(codes)
        _read_hand_written(files, config)
        self.translated_guides = _add_contributor_guides(root, files, config, languages)
        for copy in languages.untranslated_copies(files, config):
            files.append(copy)
        hand_written = {f.url: f for f in files.documentation_pages()}
        # pages reused where nothing they read changed; the Markdown and casing kept
        cache = self.cache = self._open_cache(config) if self.cache_dir is not None else None
        self.sites = plan_sites(result.collection, index, info=info, other_pages=hand_written,
                                languages=codes, rendered=cache.markdown if cache else None,
                                casings=cache.casings if cache else None)
        if self.cache is not None:
            self._watch_sites(Path(config.site_dir))
        try:
            write_site_files(self.sites, self._writer(config), self.workers, self.cache)
        finally:
            if live is not None:  # never left behind, even by a rebuild stopped half way
                live.wrote({*(path for site in self.sites for path in site.written),
                            *(f"{site.prefix}{url}index.html" for site in self.sites
                              for url in site.makers)})
        for site in self.sites:
            _refuse_conflicts(site, files, hand_written)
        self.generated = {_src_uri(site.prefix + url): (site, url)
                          for site in self.sites for url in site.makers}
        languages.add_pages([*hand_written, *(site.prefix + url for site in self.sites
                                              for url in site.makers)])
        languages.add_pages(languages.prefix(code) + name for code in codes
                            for name in _static_pages(config))
        in_nav, ours = _nav_sources(config.nav), {}
        for src_uri, (site, url) in self.generated.items():
            file = engine.File.generated(config, src_uri, content="",
                                         inclusion=engine.InclusionLevel.NOT_IN_NAV)
            files.append(file)
            if src_uri not in in_nav:  # the nav's own keep the engine's page, titled by the nav
                GeneratedPage(None, file, config)  # becomes `file.page`
                ours[site.prefix + url] = (site, url)
        self.writer = PageWriter(ours, languages, config, cache=self.cache)
        if live is not None:
            self.writer.checkpoint = live.checkpoint
        return files

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        """The nav, for the pages we write."""
        if self.writer is not None:
            self.writer.nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        """The theme's templates read our catalogues (`{{ _("...") }}`, `{% trans %}`), not the
        `.mo` files MkDocs looks for in a theme, and the messages the scripts need, each in
        the language of the page being rendered. The pages we write leave the engine's
        files: it has read every page (and checked the hand-written pages' links to ours),
        and builds the pages left."""
        self._checkpoint()
        gettext, ngettext, messages = gettext_callables(site_language(config).code)
        env.install_gettext_callables(gettext, ngettext, newstyle=True)
        env.globals["script_messages"] = messages
        self.env = env
        if self.writer is not None:
            for address in self.writer.pages:
                files.remove(files.get_file_from_path(_src_uri(address)))
            self.writer.env, self.writer.hand_written = env, files.documentation_pages()
        self.engine_files = [file.dest_uri for file in files]
        site_url = config.site_url or ""
        env.globals["page_versions"] = lambda url: (  # the sitemap's alternates
            self.languages.sitemap_links(url, site_url) if self.languages else [])
        return env

    def on_template_context(self, context: Any, name: str, config: Any) -> Any:
        """A page of the theme without a source: its languages for the template, and its
        version in each other language rendered and written under that language's folder."""
        languages = self.languages
        if name == SITEMAP and self.writer is not None and self.sites:
            built = self.sites[0].context.info.built.isoformat()
            context["pages"] = [*context["pages"], *self.writer.shells(built)]
        if languages is None or self.env is None or name not in _static_pages(config):
            return context
        site_url, write = config.site_url or "", self._writer(config)
        template = self.env.get_template(name)
        hints = []
        for code in languages.codes[1:]:
            address = languages.prefix(code) + name
            other = {**context, **languages.address_context(address, site_url),
                     "base_url": _base_url(str(context["base_url"]), address)}
            write(address, template.render(other))
            if name == NOT_FOUND:
                hints.append(self.env.get_template(LANGUAGE_HINT).render(other))
        context.update(languages.address_context(name, site_url), language_hints=hints)
        return context

    def on_page_content(self, html: str, page: Any) -> str:
        """Hand-written pages get their generated parts; a translation of the contributors'
        guide says its code blocks and quoted passages are in the original's language."""
        if page.file.src_uri in self.generated:
            return html
        if page.file.src_uri in self.translated_guides:
            html = re.sub(r"<(pre|blockquote)>", rf'<\1 lang="{GUIDE_LANGUAGE}">', html)
        return _MARKER.sub(lambda m: self._fragment(m.group(1), page), html)

    def on_page_context(self, context: Any, page: Any, config: Any) -> Any:
        """Every page: its language, its versions in the other languages and the folder of its
        language, for the template (`PageLanguages.template_context`). A generated page is
        rendered: its title and description for the template, the text the search index
        should see as `page.content`, the whole HTML as `generated_html`."""
        self._checkpoint()
        if self.languages is not None:
            context.update(self.languages.template_context(page, config))
        found = self.generated.get(page.file.src_uri)
        if found is None:
            base = self.languages.split(page.file.src_uri)[1] if self.languages else ""
            unsearched = base in UNSEARCHED_PAGES or page.file.src_uri in UNSEARCHED_PAGES
            page.meta.setdefault("search_kind", None if unsearched else "page")
            page.meta.setdefault("colophon", self._colophon(page))
            return context
        site, url = found
        generated = site.render(url)
        page.meta.update(page_meta(generated))
        page.content = generated.html
        context["generated_html"] = generated.html
        return context

    def on_post_page(self, output: str, page: Any) -> str:
        """A generated page is written: let its HTML go."""
        if page.file.src_uri in self.generated:
            page.content = None
        return output

    def on_post_build(self, config: Any = None) -> None:
        """Every page is rendered: refuse the build if a generated link leads nowhere; index
        the site for search when no `pipeline.build()` will."""
        self._checkpoint()
        writer = self.writer
        if writer is not None:
            writer.write(self.workers)  # the generated pages outside the nav
        produced = preview.produced_files(self.writer.pages if self.writer else (),
                                          (p for site in self.sites for p in site.written),
                                          self.engine_files)
        sites, self.sites, self.generated, self.writer = self.sites, [], {}, None
        self.produced = produced  # what `pipeline.build()` counts the pages of
        if self.standalone and preview.ACTIVE is not None:
            preview.ACTIVE.wrote(produced)
        broken = sites[0].broken_links() if sites else []  # one link check for every language
        if broken:
            shown = [b.message() for b in broken[:_MAX_SHOWN]]
            if len(broken) > _MAX_SHOWN:
                shown.append(f"... and {len(broken) - _MAX_SHOWN} more broken links")
            raise engine.Abort("\n".join(shown))
        if self.standalone and self.cache is not None and preview.ACTIVE is None:
            self.cache.save()  # else once the site is in place (serve: once it is served)
        if self.standalone and config is not None:
            try:
                if preview.ACTIVE is not None:  # serve: indexed once the page is served
                    shown = partial(Shown.of, sites, writer) if sites and writer else None
                    preview.ACTIVE.finish(Path(config.site_dir), produced, self.cache, shown)
                else:
                    index_search(Path(config.site_dir), cache=self.cache_dir
                                 if self.cache is not None else None)
            except IndexFailed as exc:
                raise engine.Abort(str(exc)) from None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """`serve`: the engine's server rebuilds through the preview (`Preview.rebuild`:
        the edited pages first), and reloads the browsers again when the rest is built."""
        live = preview.ACTIVE
        if live is not None:
            root, watched = Path(config.config_file_path).resolve().parent, watched_sources(config)
            live.watch(watched)
            live.reload = engine.take_over_rebuilds(server, partial(
                live.rebuild, root, Path(config.site_dir), builder, watched))
        return server

    def _live(self) -> preview.Preview | None:
        """The preview this build rebuilds (`serve`), if any."""
        return preview.ACTIVE if self.standalone else None

    def _checkpoint(self) -> None:
        """`serve`: stop here if this is a second pass and another rebuild starts."""
        live = self._live()
        if live is not None:
            live.checkpoint()

    def _open_cache(self, config: Any) -> PageCache:
        """The cache of the last build's pages (`serve`: from the rebuild before)."""
        live = preview.ACTIVE if self.standalone else None
        opened = live.open_cache if live is not None else PageCache.open
        return opened(self.cache_dir, build_fingerprint(config))

    def _watch_sites(self, site_dir: Path) -> None:
        """Let the planned sites' pages be reused from the cache of the last build's pages:
        their reads are recorded (`render/reads.py`), and the embeddable pages made
        through it."""
        self.cache.markdown.known, self.cache.casings.known = {}, {}  # planned: in `used`
        for site in self.sites:
            watch(site.context)
            embed = partial(self.cache.embed, site.context, site_dir)
            site.embed_maker = lambda job, embed=embed: (self._checkpoint(), embed(job))[-1]
            site.context.rows = partial(self.cache.rows, site.context)  # the data files' rows

    def _writer(self, config: Any) -> Any:
        """Write a generated file into the site (`serve`: unless the same is there)."""
        return _writer(config.site_dir, preview.ACTIVE if self.standalone else None)

    def _colophon(self, page: Any) -> str:
        """The printed line of a hand-written page, in its language ("" outside a build)."""
        if not self.sites or self.languages is None or page.url is None:
            return ""
        code, url = self.languages.split(page.url)
        site = next((s for s in self.sites if s.context.info.lang == code), None)
        return site.page_colophon(url, page.title or "") if site else ""

    def _fragment(self, name: str, page: Any) -> str:
        """The generated part `name` for a hand-written page."""
        if name not in FRAGMENTS or not self.sites or self.languages is None:
            raise engine.Abort(f"{page.file.src_uri}: unknown generated part "
                               f"'<!-- desclasificado:{name} -->'; known parts: "
                               f"{', '.join(FRAGMENTS)}")
        code, url = self.languages.split(page.url)
        site = next(s for s in self.sites if s.context.info.lang == code)
        html, _ = site.fragment(name, url)
        if page.url in self.languages.untranslated:  # generated in the language, in a copy
            return f'<div lang="{code}">{html}</div>'
        return html


def watched_sources(config: Any) -> list[Path]:
    """What the engine's server watches besides the content (`serve.py`): pages/,
    mkdocs.yml, the theme's folders and the contributors' guides."""
    root = Path(config.config_file_path).resolve().parent
    return [Path(config.docs_dir), Path(config.config_file_path),
            *(Path(folder) for folder in config.theme.dirs),
            *(root / name for name in GUIDE_FILES.values())]


def site_language(config: Any) -> Any:
    """The language of the site: `theme.locale` in mkdocs.yml, which needs a complete
    catalogue (a page would otherwise show English words in another language)."""
    try:
        lang = language(str(config.theme.locale))
    except UnknownLanguage as exc:
        raise engine.Abort(f"mkdocs.yml: theme.locale: {exc}") from None
    _complete_catalogue(lang.code)
    return lang


def _nav_sources(nav: Any) -> set[str]:
    """The source files the nav of mkdocs.yml names ("timeline/index.md", ...)."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return set().union(*map(_nav_sources, items))


def _static_pages(config: Any) -> list[str]:
    """The HTML pages of the theme without a source file (`theme.static_templates`)."""
    return sorted(name for name in config.theme.static_templates if name.endswith(".html"))


def _base_url(base_url: str, address: str) -> str:
    """The `base_url` of a page of the theme at `address` ("es/search.html"): the site's
    root from the page, as the engine gives it to the page at the root ("." for
    search.html, the absolute path of the site for the error pages, which stays)."""
    if base_url.startswith("/"):
        return base_url
    depth = address.count("/")
    return "/".join([".."] * depth) if depth else base_url


def _complete_catalogue(code: str) -> None:
    """Refuse to publish a language whose catalogue lacks a message."""
    missing = catalogue_problems(codes=[code])
    if missing:
        shown = missing[:_MAX_SHOWN] + ([f"... and {len(missing) - _MAX_SHOWN} more"]
                                        if len(missing) > _MAX_SHOWN else [])
        raise engine.Abort("\n".join([*shown, f"error: the catalogue of '{code}' is "
                                       "incomplete: translate the entries above"]))


def _add_contributor_guides(root: Path, files: Any, config: Any,
                            languages: PageLanguages) -> set[str]:
    """Publish the repository's CONTRIBUTING.md as /contribute/guide/, and each translation
    of it (`GUIDE_FILES`) at the same place in its language's folder (maintainers' files,
    rendered like the hand-written pages), so the site links to them, not to a host. The
    source files of the translations published."""
    translated = set()
    for code in languages.codes:
        name = GUIDE_FILES.get(code, "")
        if code == languages.main and not (name and os.path.lexists(root / name)):
            name = GUIDE_FILE  # the site's own language has the original at least
        if name and os.path.lexists(root / name):
            text = _OTHER_GUIDE.sub("", _unlinked(root, name).decode("utf-8"))
            src_uri = languages.prefix(code) + GUIDE_PAGE
            files.append(engine.File.generated(config, src_uri, content=text,
                                               inclusion=engine.InclusionLevel.NOT_IN_NAV))
            if name != GUIDE_FILE:
                translated.add(src_uri)
    return translated


def _read_hand_written(files: Any, config: Any) -> None:
    """Read every file of pages/ now, refusing symbolic links (the file, or pages/ itself), so
    that the engine publishes these bytes and never follows a link put there meanwhile."""
    docs = Path(os.path.abspath(config.docs_dir))
    base = Path(os.path.abspath(config.config_file_path)).parent  # how the engine found docs
    base = base if docs.is_relative_to(base) else docs.parent
    for file in list(files):
        if file.abs_src_path and Path(os.path.abspath(file.abs_src_path)).is_relative_to(docs):
            relative = Path(os.path.abspath(file.abs_src_path)).relative_to(base).as_posix()
            file.content_bytes = _unlinked(base, relative)


def _unlinked(base: Path, relative: str) -> bytes:
    try:
        return read_unlinked(base, relative)
    except LinkRefused as exc:
        raise engine.Abort(f"error: {exc}") from None


def _writer(site_dir: str, live: preview.Preview | None = None) -> Any:
    """Write a generated file into the site directory (which the engine has just emptied), so
    that the embeddable pages and data files are not all held in memory."""
    root = Path(site_dir)

    def write(path: str, text: str) -> None:
        if live is not None:  # serve: a file the last rebuild wrote the same is left
            live.write(root, path, text.encode("utf-8"))
            return
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never written through: it may be a kept file's link
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

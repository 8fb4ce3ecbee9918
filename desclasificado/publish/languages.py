"""The languages of one build: which language each page is in, and its other versions.

The site's own language (`theme.locale`) is at the root; each other language it is
published in (`i18n.site_languages`) mirrors it under its folder: `/es/events/<id>/` is
`/events/<id>/` in Spanish. Generated pages exist in every language. A hand-written page
(`pages/teachers.md`) has its translation at the same place in the language's folder
(`pages/es/teachers.md`); where there is none, the build publishes the original there,
marked as untranslated (`lang="en"` and a note), so that every page has its version in every
language and the language switch never leads nowhere.

`PageLanguages` gives the theme what a page needs (`template_context`): its language, the
folder of its language (for the nav and footer links), its versions in the other languages
(`hreflang` alternates and the language switch) and whether it is an untranslated copy. The
theme's `_()` and `{% trans %}` read the page's language from there (`gettext_callables`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from desclasificado.publish import engine
from desclasificado.render.i18n import Language, language, script_messages


def endonym(code: str) -> str:
    """A language's name in itself, as a switch shows it: "English", "Español" (CLDR)."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


@dataclass
class PageLanguages:
    """The languages of a build: `codes[0]` at the root, the others under `<code>/`."""

    codes: list[str]
    pages: set[str] = field(default_factory=set)  # the address of every page, all languages
    untranslated: set[str] = field(default_factory=set)  # addresses of untranslated copies

    @property
    def main(self) -> str:
        return self.codes[0]

    def prefix(self, code: str) -> str:
        return "" if code == self.main else f"{code}/"

    def split(self, url: str) -> tuple[str, str]:
        """A page's address as its language and its address within that language:
        "es/events/x/" -> ("es", "events/x/"), "events/x/" -> ("en", "events/x/")."""
        head, _sep, rest = url.partition("/")
        if head in self.codes[1:] and _sep:
            return head, rest
        return self.main, url

    def versions(self, url: str) -> list[tuple[str, str]]:
        """The page in every language it exists in, as (code, address), in `codes` order."""
        _code, base = self.split(url)
        found = [(code, self.prefix(code) + base) for code in self.codes]
        return [(code, address) for code, address in found if address in self.pages]

    def untranslated_copies(self, files: Any, config: Any) -> list[Any]:
        """For every hand-written page of the site's own language, in every other language
        without a translation of it, a copy of the original to publish there."""
        copies = []
        known = {f.src_uri for f in files}
        originals = [f for f in files.documentation_pages()
                     if self.split(f.src_uri)[0] == self.main]
        for original in originals:
            for code in self.codes[1:]:
                src_uri = f"{code}/{original.src_uri}"
                if src_uri in known:
                    continue
                copy = engine.File.generated(config, src_uri, content=original.content_string,
                                             inclusion=engine.InclusionLevel.NOT_IN_NAV)
                copies.append(copy)
                self.untranslated.add(copy.url)
        return copies

    def alternates(self, url: str, site_url: str) -> list[dict[str, Any]]:
        """The page's versions (none when it has no other), each with its language's code
        and name, its address in the site (`path`) and its full address (`absolute`, ""
        without `site_url`)."""
        code, _base = self.split(url)
        site_url = site_url.rstrip("/")
        found = [{"code": other, "name": endonym(other), "path": address,
                  "absolute": f"{site_url}/{address}" if site_url else "",
                  "current": other == code}
                 for other, address in self.versions(url)]
        return found if len(found) > 1 else []

    def sitemap_links(self, url: str, site_url: str) -> list[dict[str, str]]:
        """The `xhtml:link` alternates of a page in the sitemap: every version, then
        x-default (the site's own language); none without `site_url`."""
        found = self.alternates(url, site_url) if site_url else []
        links = [{"code": a["code"], "absolute": a["absolute"]} for a in found]
        return links + [{"code": "x-default", "absolute": found[0]["absolute"]}] if found else []

    def template_context(self, page: Any, config: Any) -> dict[str, Any]:
        """What the theme needs to know about the page's languages."""
        return self.address_context(page.url, config.site_url or "")

    def address_context(self, url: str, site_url: str) -> dict[str, Any]:
        """`template_context` of the page at `url`: a page's, or a page of the theme
        without a source file ("es/search.html", `static_templates` in mkdocs.yml)."""
        code, _base = self.split(url)
        alternates = self.alternates(url, site_url)
        return {"page_lang": code, "lang_prefix": self.prefix(code), "alternates": alternates,
                "x_default": alternates[0] if alternates else None,
                "untranslated_page": url in self.untranslated,
                "original_lang": self.main}

    def add_pages(self, urls: Iterable[str]) -> None:
        """Pages by their address: a file's ("./" for the home page) or a page's ("")."""
        self.pages.update("" if url == "./" else url for url in urls)


def _language_of(context: Any, main: str) -> Language:
    return language(context.get("page_lang") or main)


def gettext_callables(main: str) -> tuple[Any, Any, Any]:
    """`gettext`, `ngettext` and `script_messages` for the theme's templates, each in the
    language of the page being rendered (the site's own where there is no page: 404)."""
    @engine.pass_context
    def gettext(context: Any, message: str) -> str:
        return _language_of(context, main).gettext(message)

    @engine.pass_context
    def ngettext(context: Any, singular: str, plural: str, count: int) -> str:
        return _language_of(context, main).ngettext(singular, plural, count)

    @engine.pass_context
    def messages(context: Any, *scripts: str) -> str:
        return script_messages(_language_of(context, main), scripts or ("theme/js/",))

    return gettext, ngettext, messages

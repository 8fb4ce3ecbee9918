"""The site in Spanish as well as English: /es/ mirrors every page, in the same build.

One small project (one event translated, one not) is built once with a `site_url`; the
tests read its pages as HTML (tests/sitekit.py): `<html lang>`, the `hreflang` alternates
(each leading to a page that exists and names this one back), the language switch, the
Spanish text and the fallback to the English, marked, where there is no translation.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from desclasificado.render.i18n import language
from tests.conftest import REPO, SEED
from tests.sitekit import Doc, SiteProject, all_pages, event_yaml

SITE_URL = "https://example.org/base/"
TRANSLATED = "1963-04-12-translated"
UNTRANSLATED = "1963-04-11-paris"  # the seed project's event, English only
TITLE_ES = "Una fuente de la CIA sitúa en París el centro de la red"
SUMMARY_ES = "Según la fuente, París se había convertido en el centro de la red.[^1]"
NOTE_ES = "Aún sin traducir: se muestra el texto original en inglés."
EXTRA = "worksheet"  # a hand-written page of the test project, in English only


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("languages") / "project")
    project.write(f"events/{TRANSLATED}.yaml", event_yaml(
        "1963-04-12", "A source places the hub of the network in Paris",
        extra=f'actors: ["cia"]\nthemes: ["exile-networks"]\ntranslations:\n  es:\n'
              f'    title: "{TITLE_ES}"\n    summary: "{SUMMARY_ES}"\n'))
    project.write(f"pages/{EXTRA}.md", "# A worksheet\n\nRead the [timeline](timeline/index.md).\n")
    code, lines = project.build("--site-url", SITE_URL)
    assert code == 0, lines
    return project


@pytest.fixture(scope="module")
def pages(built: SiteProject) -> dict[str, Doc]:
    return all_pages(built.root / "site")


def _html(doc: Doc) -> dict[str, str | None]:
    return doc.find("html").attrs


def _template_pages(pages: dict[str, Doc]) -> dict[str, Doc]:
    """The pages made with the theme's layout (not the embeds, which are whole documents)."""
    return {path: doc for path, doc in pages.items()
            if "/embed/" not in f"/{path}" and path.endswith("index.html")}


def test_every_page_under_es_is_spanish_and_every_other_english(pages: dict[str, Doc]) -> None:
    spanish = [p for p in pages if p.startswith("es/")]
    assert len(spanish) > 20
    for path, doc in pages.items():
        expected = "es" if path.startswith("es/") else "en"
        assert _html(doc).get("lang") == expected, path


def test_every_generated_page_has_its_spanish_mirror(pages: dict[str, Doc]) -> None:
    english = [p for p in pages if not p.startswith("es/")]
    missing = [p for p in english if f"es/{p}" not in pages]  # the 404 and search too
    assert missing == []


def _alternates(doc: Doc) -> dict[str, str]:
    return {link.get("hreflang") or "": link.get("href") or ""
            for link in doc.find_all("link", rel="alternate") if link.get("hreflang")}


def _path_of(address: str) -> str:
    assert address.startswith(SITE_URL), address
    return address[len(SITE_URL):] + "index.html"


def test_hreflang_alternates_resolve_both_ways(pages: dict[str, Doc]) -> None:
    checked = 0
    for path, doc in _template_pages(pages).items():
        alternates = _alternates(doc)
        assert set(alternates) == {"en", "es", "x-default"}, path
        assert alternates["x-default"] == alternates["en"]
        own = "es" if path.startswith("es/") else "en"
        assert _path_of(alternates[own]) == path
        other = "en" if own == "es" else "es"
        target = _path_of(alternates[other])
        assert target in pages, (path, target)
        assert _alternates(pages[target]) == alternates, (path, target)
        checked += 1
    assert checked > 30


def test_the_switch_leads_to_the_same_page_in_the_other_language(pages: dict[str, Doc]) -> None:
    for path, other in ((f"es/events/{TRANSLATED}/index.html", f"events/{TRANSLATED}/index.html"),
                        ("es/index.html", "index.html"),
                        ("es/teachers/index.html", "teachers/index.html"),
                        ("timeline/index.html", "es/timeline/index.html")):
        switch = pages[path].find("nav", class_="language-switch")
        links = switch.find_all("a")
        assert len(links) == 1
        href = links[0].get("href") or ""
        assert urljoin(f"https://h/{path}", href) == f"https://h/{other.removesuffix('index.html')}"
        current = switch.find("span")
        assert current.get("aria-current") == "true"
        assert current.words() == ("Español" if path.startswith("es/") else "English")
        assert links[0].words() == ("English" if path.startswith("es/") else "Español")


def test_a_translated_event_reads_in_spanish(pages: dict[str, Doc]) -> None:
    doc = pages[f"es/events/{TRANSLATED}/index.html"]
    h1 = doc.find("h1")
    assert h1.words() == TITLE_ES and h1.get("lang") is None
    summary = doc.find("p", class_="summary")
    assert summary.words().startswith("Según la fuente") and summary.get("lang") is None
    assert doc.find_all("p", class_="untranslated") == []
    assert "Agencia Central de Inteligencia" in doc.find("dl", class_="facts").words()
    nav = doc.find("nav", class_="site-nav")
    assert [a.words() for a in nav.find_all("a")][:2] == ["Inicio", "Cronología"]
    assert nav.find("summary").words() == "Menú"  # the phone's menu button
    marks = [a.get("aria-label") for a in summary.find_all("a") if a.words().startswith("[")]
    assert marks and all(m.startswith("fuente ") for m in marks)  # footnote markers, spoken
    assert doc.find("time").words() == "12 de abril de 1963"
    assert doc.find("blockquote").get("lang") == "en"  # quotes stay in the document's words
    assert pages[f"events/{TRANSLATED}/index.html"].find("blockquote").get("lang") is None
    meta = {m.get("property"): m.get("content") for m in doc.find_all("meta") if m.get("property")}
    assert meta["og:title"] == TITLE_ES and meta["og:locale"] == "es"  # link previews too
    assert meta["og:description"].startswith("12 de abril de 1963: Según la fuente")


def test_an_untranslated_event_shows_the_english_marked_with_a_note(pages: dict[str, Doc]) -> None:
    doc = pages[f"es/events/{UNTRANSLATED}/index.html"]
    assert doc.find("h1").get("lang") == "en"
    assert doc.find("p", class_="summary").get("lang") == "en"
    assert doc.find("p", class_="untranslated").words() == NOTE_ES
    with_catalogue = language("es").gettext(
        "Not translated yet: the text is shown in its original English.")
    assert with_catalogue == NOTE_ES
    assert doc.find("h2", id="sources").words() == "Fuentes"  # the interface is Spanish
    english = pages[f"events/{UNTRANSLATED}/index.html"]
    assert english.find_all("p", class_="untranslated") == []
    assert english.find("h1").get("lang") is None


def test_lists_mark_untranslated_titles(pages: dict[str, Doc]) -> None:
    doc = pages["es/timeline/index.html"]
    titles = {h.words(): h for h in doc.find_all("h4", class_="entry-title")}
    assert titles[TITLE_ES].find("a").find_all("span") == []
    english = [h for h in titles.values() if h.find_all("span", lang="en")]
    assert len(english) == 1


def test_spanish_pages_link_to_spanish_pages(pages: dict[str, Doc]) -> None:
    doc = pages[f"es/events/{TRANSLATED}/index.html"]
    base = f"https://h/es/events/{TRANSLATED}/"
    article = doc.find("article")
    targets = [urljoin(base, href) for href in article.links() if not href.startswith("http")]
    internal = [t for t in targets if t.startswith("https://h/")]
    assert internal and all(t.startswith("https://h/es/") for t in internal), internal


def test_hand_written_pages_use_their_translation_or_the_original_marked(
        pages: dict[str, Doc], built: SiteProject) -> None:
    home = pages["es/index.html"]
    assert home.find("h1").words() == "Desclasificado"
    assert "Por dónde empezar" in home.find("main").words()
    assert home.find_all("p", class_="untranslated") == []
    extra = pages[f"es/{EXTRA}/index.html"]  # no pages/es/worksheet.md: the original, marked
    assert extra.find("p", class_="untranslated").words() == NOTE_ES
    assert extra.find("div", class_="prose").get("lang") == "en"
    assert extra.find("h1").words() == "A worksheet"
    assert (built.root / "pages" / "es" / "index.md").is_file()
    assert not (built.root / "pages" / "es" / f"{EXTRA}.md").exists()
    assert pages[f"{EXTRA}/index.html"].find_all("p", class_="untranslated") == []


def test_the_guide_for_teachers_is_in_spanish(pages: dict[str, Doc]) -> None:
    """pages/es/teachers.md replaces the untranslated copy: Spanish throughout, under its
    Spanish title in the nav, its links and its live example leading to Spanish pages."""
    doc = pages["es/teachers/index.html"]
    assert _html(doc).get("lang") == "es"
    assert doc.find_all("p", class_="untranslated") == []
    prose = doc.find("div", class_="prose")
    assert prose.get("lang") is None
    figure = prose.find("figure", class_="embed-example")  # the example event: untranslated
    assert [e.words() for e in prose.find_all(lang="en")] == [
        e.words() for e in figure.find_all("span", lang="en")] == [
        pages[f"events/{UNTRANSLATED}/index.html"].find("h1").words()]
    assert doc.find("h1").words() == "Para docentes"
    assert doc.find("title").words().startswith("Para docentes")
    assert "Insertar un evento o una cronología" in [h.words() for h in doc.find_all("h2")]
    current = doc.find("nav", class_="site-nav").find("a", **{"aria-current": "page"})
    assert current.words() == "Para docentes"
    base = "https://h/es/teachers/"
    internal = [urljoin(base, href) for href in prose.links()]
    assert internal and all(t.startswith("https://h/es/") for t in internal), internal
    frame = figure.find("iframe")
    assert urljoin(base, frame.get("src") or "") == f"https://h/es/embed/events/{UNTRANSLATED}/"
    alternates = _alternates(doc)
    assert alternates == {"en": f"{SITE_URL}teachers/", "es": f"{SITE_URL}es/teachers/",
                          "x-default": f"{SITE_URL}teachers/"}
    assert _alternates(pages["teachers/index.html"]) == alternates  # and back


def _code(markdown: str) -> list[str]:
    """The code of a page: its fenced blocks, then its inline code spans."""
    blocks = re.findall(r"^```\w*\n(.*?)^```$", markdown, flags=re.M | re.S)
    prose = re.sub(r"^```\w*\n.*?^```$", "", markdown, flags=re.M | re.S)
    return blocks + re.findall(r"`([^`]+)`", prose)


def test_the_spanish_guide_keeps_the_code_of_the_english_one() -> None:
    """Every snippet, address, file and field name of the guide for teachers is the same in
    Spanish, but for the embeds' addresses, under es/: what the browser tests run on the
    English guide (its height script) holds for the Spanish one."""
    english = (REPO / "pages" / "teachers.md").read_text(encoding="utf-8")
    spanish = (REPO / "pages" / "es" / "teachers.md").read_text(encoding="utf-8")
    expected = [code.replace("/embed/", "/es/embed/") if code.startswith("{") else
                f"es/{code}" if code.startswith("embed/") else code for code in _code(english)]
    assert _code(spanish) == expected
    assert spanish.startswith("---\nteach: true\n---\n")  # the Cite and Embed script too
    markers = re.findall(r"<!-- desclasificado:[\w-]+ -->", english)
    assert markers and re.findall(r"<!-- desclasificado:[\w-]+ -->", spanish) == markers


def test_spanish_embeds_and_files_are_under_es(built: SiteProject) -> None:
    site = built.root / "site"
    embed = (site / "es" / "embed" / "events" / TRANSLATED / "index.html").read_text("utf-8")
    assert '<html lang="es">' in embed and TITLE_ES in embed
    oembed = (site / "es" / "embed" / "events" / TRANSLATED / "oembed.json").read_text("utf-8")
    assert f"{SITE_URL}es/embed/events/{TRANSLATED}/" in oembed
    import csv
    import io

    for prefix in ("", "es/"):
        text = (site / prefix / "data" / "events.csv").read_text("utf-8-sig")
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
        row = rows[TRANSLATED]
        assert row["url"] == f"{prefix}events/{TRANSLATED}/"
        assert (site / row["url"] / "index.html").is_file()
        assert row["title_es"] == TITLE_ES  # the Spanish fields, in both files
        assert row["date_display"] == ("12 de abril de 1963" if prefix else "12 April 1963")



def test_the_spanish_citation_downloads_have_spanish_notes(built: SiteProject) -> None:
    """The files the Cite box and the data page offer, in each language's folder."""
    site = built.root / "site"
    for prefix, note in (("", "2025 release."), ("es/", "Publicación de 2025.")):
        for path in (f"documents/{SEED}/cite.json", "data/documents.csl.json"):
            (item,) = json.loads((site / prefix / path).read_text("utf-8"))
            assert item["note"] == note, (prefix, path)
        for path in (f"documents/{SEED}/cite.ris", "data/documents.ris"):
            text = (site / prefix / path).read_text("utf-8")
            to = "Para:" if prefix else "To:"
            assert f"N1  - {to} Director, Central Intelligence Agency" in text.splitlines(), path
        bib = (site / prefix / f"documents/{SEED}/cite.bib").read_text("utf-8")
        assert (f"note = {{A Director, Central Intelligence Agency. {note}}}" if prefix
                else f"note = {{To Director, Central Intelligence Agency. {note}}}") in bib


def test_archive_labels_are_in_spanish(pages: dict[str, Doc]) -> None:
    doc = pages[f"es/events/{TRANSLATED}/index.html"]
    links = [a.words() for a in doc.find_all("a", class_="external")]
    assert "PDF del archivo, página 3" in links
    assert "número de registro 176-10036-10058" in doc.find("p", class_="source-meta").words()
    english = pages[f"events/{TRANSLATED}/index.html"]
    assert "Archive PDF, page 3" in [a.words() for a in english.find_all("a", class_="external")]


def test_the_sitemap_lists_both_languages_with_their_alternates(built: SiteProject) -> None:
    import xml.etree.ElementTree as ET

    tree = ET.parse(built.root / "site" / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in tree.getroot().findall("s:url", ns)}
    english, spanish = f"{SITE_URL}events/{TRANSLATED}/", f"{SITE_URL}es/events/{TRANSLATED}/"
    assert english in urls and spanish in urls
    for loc in (english, spanish):
        links = {link.get("hreflang"): link.get("href")
                 for link in urls[loc].findall("x:link", ns) if link.get("rel") == "alternate"}
        assert links == {"en": english, "es": spanish, "x-default": english}
    site = built.root / "site"
    for loc, entry in urls.items():  # every address, and every alternate, is a page
        for address in [loc, *(link.get("href") for link in entry.findall("x:link", ns))]:
            assert (site / _path_of(address or "")).is_file(), address
    assert sum(loc.startswith(f"{SITE_URL}es/") for loc in urls) * 2 == len(urls)


def test_the_cite_control_speaks_spanish_and_keeps_sentence_case(pages: dict[str, Doc]) -> None:
    doc = pages[f"es/events/{TRANSLATED}/index.html"]
    cite = doc.find("details", class_="cite-tool")
    assert [dt.words() for dt in cite.find_all("dt")][:2] == ["Chicago, nota", "Chicago, bibliografía"]
    # no headline case; Spanish quotes, the comma after them (Chicago-Deusto)
    assert f"\u00ab{TITLE_ES}\u00bb," in doc.by_id("cite-chicago-note").words()
    assert "December" not in cite.find("p", class_="tool-note").words()
    english = pages[f"events/{TRANSLATED}/index.html"]
    assert "Source Places the Hub" in english.by_id("cite-chicago-note").words()


def test_the_spanish_404_is_spanish_and_leads_into_the_spanish_site(pages: dict[str, Doc]) -> None:
    doc = pages["es/404.html"]
    assert _html(doc).get("lang") == "es"
    assert doc.find("h1").words() == "Página no encontrada"
    prose = doc.find("div", class_="prose")
    assert prose.words().startswith("No hay ninguna página en esta dirección")
    assert prose.links() == ["/base/es/", "/base/es/timeline/"]  # from any address: absolute
    nav = doc.find("nav", class_="site-nav")
    assert all(href.startswith("/base/es/") for href in nav.links()), nav.links()
    assert doc.find("form", class_="search-form").get("action") == "/base/es/search.html"
    assert doc.find_all("p", class_="language-hint") == []  # served under /es/ only


def test_the_english_404_offers_the_spanish_one_under_es(pages: dict[str, Doc]) -> None:
    doc = pages["404.html"]
    assert doc.find("h1").words() == "Page not found"
    assert doc.find("div", class_="prose").links() == ["/base/", "/base/timeline/"]
    (notice,) = doc.find_all("p", class_="language-hint")
    assert notice.get("lang") == "es" and "hidden" in notice.attrs
    assert notice.get("data-language-folder") == "/base/es/"
    assert notice.links() == ["/base/es/404.html", "/base/es/"]
    assert notice.words().startswith("Esta dirección corresponde a la edición en español")
    (script,) = doc.find_all("script")
    assert script.get("src") == "/base/js/notfound.js"


def test_the_spanish_search_page_searches_in_spanish(pages: dict[str, Doc]) -> None:
    import json

    doc = pages["es/search.html"]
    assert _html(doc).get("lang") == "es"  # Pagefind loads the index of <html lang>
    assert doc.find("h1").words() == "Buscar"
    form = doc.find("form", id="search-form")
    assert form.get("action") == "../es/search.html"
    assert form.get("data-bundle") == "../pagefind/"  # one bundle, an index per language
    assert form.get("data-site-root") == "../"  # results are addresses from the root: /es/...
    notice = doc.find("noscript")
    assert notice.words().startswith("La búsqueda necesita JavaScript")
    assert notice.links() == ["../es/timeline/", "../es/countries/", "../es/themes/",
                              "../es/actors/", "../es/documents/"]
    messages = json.loads(doc.by_id("messages").text)
    assert messages["lang"] == "es" and messages["messages"]["Event"] == "Evento"
    description = next(m for m in doc.find_all("meta") if m.get("name") == "description")
    assert (description.get("content") or "").startswith("Una cronología de referencia")  # mkdocs.yml's
    alternates = {a.get("hreflang"): a.get("href") for a in doc.find_all("link", rel="alternate")}
    assert alternates["en"] == f"{SITE_URL}search.html"
    assert alternates["es"] == f"{SITE_URL}es/search.html"


def test_every_spanish_page_searches_the_spanish_site(pages: dict[str, Doc]) -> None:
    for path, doc in _template_pages(pages).items():
        form = doc.find("form", class_="search-form")
        target = urljoin(f"https://h/{path}", form.get("action") or "")
        expected = "https://h/es/search.html" if path.startswith("es/") else "https://h/search.html"
        assert target == expected, path


def test_the_documents_list_labels_its_cells_in_the_language(pages: dict[str, Doc]) -> None:
    """On phones each cell of the documents' table shows its column's heading (CSS reads it)."""
    for url, label in (("documents/index.html", "Citations"), ("es/documents/index.html", "Citas")):
        cells = pages[url].find_all("td", class_="num")
        assert cells and {cell.get("data-label") for cell in cells} == {label}


def test_the_contributors_guide_is_in_spanish_under_es(pages: dict[str, Doc]) -> None:
    """/es/contribute/guide/ is CONTRIBUTING.es.md, not the English marked untranslated; each
    names the other as its alternate, and neither keeps the repository's link to the other."""
    spanish, english = pages["es/contribute/guide/index.html"], pages["contribute/guide/index.html"]
    assert _html(spanish).get("lang") == "es" and _html(english).get("lang") == "en"
    assert spanish.find("h1").words() == "Cómo contribuir a Desclasificado"
    assert english.find("h1").words() == "Contributing to Desclasificado"
    assert spanish.find_all("p", class_="untranslated") == []
    assert spanish.find("div", class_="prose").get("lang") is None
    assert "python build.py new event" in spanish.find("main").words()
    # its blocks and quoted passages are the English guide's, said to be English
    for tag in ("pre", "blockquote"):
        assert {b.get("lang") for b in spanish.find("main").find_all(tag)} == {"en"}, tag
        assert {b.get("lang") for b in english.find("main").find_all(tag)} == {None}, tag
    # GitHub's buttons, named in English as GitHub shows them ("Create fork"), said to be
    labels = {s.words() for s in english.find("main").find_all("strong")}
    shown = [s for s in spanish.find("main").find_all("strong") if s.words() in labels]
    assert len(shown) > 10
    assert [s.words() for s in shown if "en" not in {s.get("lang"), *(
        c.get("lang") for c in s.children if hasattr(c, "get"))}] == []
    for doc in (spanish, english):
        assert _alternates(doc) == {"en": f"{SITE_URL}contribute/guide/",
                                    "es": f"{SITE_URL}es/contribute/guide/",
                                    "x-default": f"{SITE_URL}contribute/guide/"}
        assert not [href for href in doc.find("main").links() if "CONTRIBUTING" in href]


#: The theme's scripts that speak the page's language, through js/messages.js.
SPEAKING_SCRIPTS = ("js/embed.js", "js/explore.js", "js/passage.js", "js/teach.js",
                    "js/neighbours.js", "search/main.js")


def test_the_scripts_messages_load_before_every_script_that_speaks(
        pages: dict[str, Doc]) -> None:
    """js/messages.js (deferred, so run in order) comes before each script using t() and
    tn(), on every page and embeddable page of both languages, with the messages it reads."""
    seen: set[str] = set()
    for path, doc in pages.items():
        sources = [s.get("src") or "" for s in doc.find_all("script") if s.get("src")]
        speaking = [n for n, src in enumerate(sources) if src.endswith(SPEAKING_SCRIPTS)]
        if not speaking:
            continue
        seen |= {sources[n].rsplit("/", 2)[-2] + "/" + sources[n].rsplit("/", 1)[-1]
                 for n in speaking}
        first = next((n for n, src in enumerate(sources) if src.endswith("js/messages.js")), None)
        assert first is not None and first < min(speaking), (path, sources)
        assert doc.find("script", id="messages"), path
    assert seen == set(SPEAKING_SCRIPTS)


def test_the_scripts_keep_no_copy_of_the_message_helpers() -> None:
    for name in SPEAKING_SCRIPTS:
        text = (REPO / "theme" / name).read_text(encoding="utf-8")
        assert "function t(" not in text and "function tn(" not in text, name
        assert "getElementById(\"messages\")" not in text, name
        assert "window.desclasificadoMessages" in text, name


def test_who_sent_a_document_is_marked_english_as_the_archive_names_them(
        pages: dict[str, Doc]) -> None:
    """The sender and recipient under a source, in the list of documents and under a
    document's title are the archive's words: `lang="en"` around each name on a Spanish
    page, the sentence around them Spanish ("De ... a ..."); the English pages unmarked."""
    def marked(element) -> list[str]:
        return [s.words() for s in element.find_all("span") if s.get("lang") == "en"]

    meta = pages[f"es/events/{TRANSLATED}/index.html"].find("p", class_="source-meta")
    assert meta.words().startswith("De CIA a Director, CIA ·")
    assert marked(meta) == ["CIA", "Director, CIA"]
    row = next(tr for tr in pages["es/documents/index.html"].find_all("tr")
               if SEED in tr.words())
    cell = row.find_all("td")[2]
    assert cell.get("lang") is None and marked(cell) == ["CIA", "Director, CIA"]
    byline = pages[f"es/documents/{SEED}/index.html"].find("p", class_="date")
    assert marked(byline) == ["CIA"]
    for path in (f"events/{TRANSLATED}/index.html", f"documents/{SEED}/index.html"):
        english = pages[path]
        assert not [s for s in english.find_all("span") if s.get("lang")
                    and s.parent and s.parent.get("class") in ("source-meta", "date")], path

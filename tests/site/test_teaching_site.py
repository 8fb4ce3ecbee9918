"""What the site offers teachers, on a small project built with its address set (`site_url`)
and a fixed build date: Cite and Embed controls, embeddable pages and their oEmbed files,
and the data files (JSON with their schemas, CSV, TimelineJS, CSL-JSON, BibTeX)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from desclasificado import render
from desclasificado.check.project import check_project
from desclasificado.index import build_index
from desclasificado.render import SiteInfo, render_site
from desclasificado.render.data import CSV_COLUMNS
from tests.conftest import SEED
from tests.sitekit import Doc, SiteProject, event_yaml, parse

SITE = "https://desclasificado.example/"
EPOCH = "1746273600"  # 3 May 2025
PARIS = "1963-04-11-paris"
EVENTS = {
    "period": event_yaml("1962-06/1962-12", "=HYPERLINK(1) trained in Cuba",
                         countries='["CU", "PE"]', extra='former_ids: ["1962-cuba-training"]\n'),
    "decade": event_yaml("196X", "Sometime in the sixties") + (
        'translations:\n  es:\n    title: "En algún momento de los sesenta"\n'
        '    summary: "Algo **pasó**.[^1]"\n'),
    "until": event_yaml("../1963-04", "Until April 1963", countries='["US", "GT"]'),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    project = SiteProject(tmp_path_factory.mktemp("teach") / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE}\n" + config.read_text(encoding="utf-8"))
    for event_id, text in EVENTS.items():
        project.write(f"events/{event_id}.yaml", text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def site_file(built: SiteProject, path: str) -> str:
    return (built.root / "site" / path).read_text(encoding="utf-8")


def embed_page(built: SiteProject, url: str) -> Doc:
    return parse(site_file(built, f"embed/{url}index.html"))


def test_an_event_page_offers_citations_with_its_address(built: SiteProject) -> None:
    page = built.page(f"events/{PARIS}/")
    tool = page.find("details", class_="cite-tool")
    assert tool.find("summary").words() == "Cite"
    assert tool.find(id="cite-chicago-note").words() == (
        "\u201cCIA Source Names Paris as the Hub of the Network,\u201d Desclasificado, accessed "
        f"May 3, 2025, {SITE}events/{PARIS}/.")
    assert tool.find(id="cite-apa").words() == (
        f"CIA source names Paris as the hub of the network. (n.d.). Desclasificado. Retrieved "
        f"May 3, 2025, from {SITE}events/{PARIS}/")
    assert "the day this site was built, May 3, 2025" in tool.words()
    assert [b.get("data-copy") for b in tool.find_all("button")] == [
        "cite-chicago-note", "cite-chicago-bibliography", "cite-apa", "cite-mla"]
    assert all("hidden" in b.attrs for b in tool.find_all("button"))  # until JS runs
    assert not tool.find_all(class_="needs-address")  # the address is known


def test_an_event_page_offers_its_embed_code(built: SiteProject) -> None:
    page = built.page(f"events/{PARIS}/")
    tool = page.find("details", class_="embed-tool")
    code = parse(tool.find("textarea").text).find("iframe")
    assert code.attrs == {
        "src": f"{SITE}embed/events/{PARIS}/",
        "title": "CIA source names Paris as the hub of the network · Desclasificado",
        "width": "100%", "height": "520", "loading": "lazy",
        "style": "border:1px solid #d9d4c7;max-width:100%"}
    assert f"../../embed/events/{PARIS}/" in tool.links()
    assert "../../teachers/" in tool.links()


def test_a_document_page_cites_the_document_and_offers_downloads(built: SiteProject) -> None:
    tool = built.page(f"documents/{SEED}/").find("details", class_="cite-tool")
    assert tool.find(id="cite-chicago-note").words().startswith(
        "Central Intelligence Agency, to Director, Central Intelligence Agency, \u201cActivities "
        f"of Cuban Trained Peruvian Guerrillas,\u201d April 11, 1963, record number {SEED}, ")
    assert tool.find(id="cite-mla").words().endswith("Accessed 3 May 2025.")
    accessed = tool.find(id="cite-mla").find("time", class_="accessed")
    assert accessed.attrs == {"class": "accessed", "datetime": "2025-05-03", "data-form": "mla"}
    assert {"cite.json", "cite.bib", "../../data/documents.csl.json",
            "../../data/documents.bib"} <= set(tool.links())
    assert not built.page(f"documents/{SEED}/").find_all("details", class_="embed-tool")


def test_each_source_of_an_event_has_its_own_citation_at_its_page(built: SiteProject) -> None:
    """A worksheet quoting source [1] cites the document at the page the event cites."""
    page = built.page(f"events/{PARIS}/")
    source = page.find("li", class_="source")
    assert source.get("id") == "source-1"
    tool = source.find("details", class_="source-cite")
    assert tool.find("summary").words() == "Cite this source"
    note = tool.find(id="cite-source-1-chicago-note").words()
    assert note.startswith("Central Intelligence Agency, to Director, Central Intelligence "
                           "Agency, \u201cActivities of Cuban Trained Peruvian Guerrillas,\u201d "
                           "April 11, 1963, PDF p. 3, record number 176-10036-10058, ")
    assert note.endswith("College Park, MD, https://www.archives.gov/files/research/jfk/"
                         "releases/2025/0318/176-10036-10058.pdf#page=3.")
    assert tool.find(id="cite-source-1-apa-in-text").words() == \
        "(Central Intelligence Agency, 1963, PDF p. 3)"
    assert tool.find(id="cite-source-1-mla-in-text").words() == \
        "(Central Intelligence Agency, PDF p. 3)"
    assert "#source-1" in tool.links()
    assert [b.get("data-copy") for b in tool.find_all("button")] == [
        f"cite-source-1-{s}" for s in ("chicago-note", "apa", "mla", "apa-in-text", "mla-in-text")]


def test_every_event_and_timeline_has_an_embeddable_page(built: SiteProject) -> None:
    embed = built.root / "site" / "embed"
    pages = {p.parent.relative_to(embed).as_posix() + "/" for p in embed.rglob("index.html")}
    assert {f"events/{PARIS}/", "events/period/", "timeline/", "countries/pe/",
            "countries/cu/", "countries/fr/", "themes/exile-networks/", "actors/cia/"} <= pages
    assert len([p for p in pages if p.startswith("events/")]) == 1 + len(EVENTS)


def test_an_embeddable_page_is_small_and_opens_links_outside(built: SiteProject) -> None:
    html = site_file(built, f"embed/events/{PARIS}/index.html")
    page = parse(html)
    assert len(html) < 8000
    assert not page.find_all("nav") and not page.find_all("form")
    assert not page.find_all("header", class_="site-header")
    assert page.find("h1").words() == "CIA source names Paris as the hub of the network"
    assert page.find("link", rel="canonical").get("href") == f"{SITE}events/{PARIS}/"
    assert page.find("meta", name="robots").get("content") == "noindex"
    links = page.find("main").find_all("a") + page.find("footer").find_all("a")
    assert links
    for link in links:
        href = link.get("href") or ""
        assert link.get("target") == ("_self" if href.startswith("#") else "_blank"), href
    # the notices' links open in the frame, the one thing a sandbox without pop-ups allows
    assert {a.get("target") for a in page.find_all("a") if a not in links} == {"_self"}
    assert [(s.get("type"), s.get("src"), "defer" in s.attrs) for s in page.find_all("script")] == [
        (None, "../../../js/messages.js", True), (None, "../../../js/embed.js", True),
        ("application/json", None, False)]
    assert page.find(id="source-1").find("blockquote").words() == (
        "Paris has emerged as the center of the network.")


def test_an_embeddable_timeline_marks_the_years_of_each_section(built: SiteProject) -> None:
    page = embed_page(built, "timeline/")
    sections = [(s.get("data-from"), s.get("data-to"), s.find("h2").words())
                for s in page.find_all("section", class_="year")]
    assert sections == [("1960", "1969", "1960s, year not known"), ("1962", "1962", "1962"),
                        ("1963", "1963", "1963")]
    assert page.find("p", class_="count").words() == "4 events, 1960–1963"
    assert "hidden" in page.find("p", class_="range").attrs


def test_oembed_is_advertised_and_valid(built: SiteProject) -> None:
    for url, height in ((f"events/{PARIS}/", 520), ("countries/pe/", 640), ("timeline/", 640)):
        link = built.page(url).find("link", type="application/json+oembed")
        assert link.get("rel") == "alternate"
        assert link.get("href") == f"{SITE}embed/{url}oembed.json"
        data = json.loads(site_file(built, f"embed/{url}oembed.json"))
        assert data["version"] == "1.0" and data["type"] == "rich"
        assert data["provider_name"] == "Desclasificado" and data["provider_url"] == SITE
        assert (data["width"], data["height"]) == (640, height)
        frame = parse(data["html"]).find("iframe")
        assert frame.get("src") == f"{SITE}embed/{url}" and frame.get("title")
        assert frame.get("loading") == "lazy" and data["title"]


def test_events_json_is_the_full_model_and_valid(built: SiteProject) -> None:
    data = json.loads(site_file(built, "data/events.json"))
    schema = json.loads(site_file(built, "data/events.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert (data["schema_version"], data["built"], data["site_url"]) == ("1.1", "2025-05-03", SITE)
    by_id = {row["id"]: row for row in data["events"]}
    assert by_id["decade"]["translations"] == {"es": {
        "title": "En algún momento de los sesenta", "summary": "Algo **pasó**.[^1]", "body": None}}
    assert by_id["period"]["translations"] == {}
    bad = {**data, "events": [{**by_id["decade"], "translations": {"de": {}}}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert by_id["period"]["start"] == "1962-06-01" and by_id["period"]["end"] == "1962-12-31"
    assert by_id["until"]["start"] is None and by_id["until"]["interval"] is True
    assert by_id[PARIS]["sources"][0] == {
        "number": 1, "document": SEED, "record_number": SEED,
        "document_title": "Activities of Cuban Trained Peruvian Guerrillas", "pages": [3],
        "quote": "Paris has emerged as the center of the network.", "note": None,
        "pdf": by_id[PARIS]["sources"][0]["pdf"],
        "pdf_page": by_id[PARIS]["sources"][0]["pdf"] + "#page=3",
        "page_url": by_id[PARIS]["sources"][0]["pdf"] + "#page=3"}


def test_documents_json_is_valid(built: SiteProject) -> None:
    data = json.loads(site_file(built, "data/documents.json"))
    jsonschema.validate(data, json.loads(site_file(built, "data/documents.schema.json")))
    [doc] = data["documents"]
    assert doc["id"] == SEED and doc["from"] is None and doc["transcript"] is True
    assert sorted(doc["cited_by"]) == sorted([PARIS, *EVENTS])


def test_the_csv_opens_with_the_expected_columns(built: SiteProject) -> None:
    raw = (built.root / "site" / "data" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for spreadsheets
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [name for name, _, _ in CSV_COLUMNS] == [
        "id", "url", "date", "date_display", "start", "end", "title", "summary", "body",
        "countries", "country_names", "places", "actors", "themes", "related", "source_count",
        "sources", "source_pdfs", "title_es", "summary_es", "body_es", "title_pt", "summary_pt",
        "body_pt"]
    by_id = {row["id"]: row for row in rows}
    assert (by_id["decade"]["title_es"], by_id["decade"]["summary_es"]) == (
        "En algún momento de los sesenta", "Algo pasó.")
    assert (by_id["decade"]["body_es"], by_id["period"]["title_es"]) == ("", "")
    assert [row["id"] for row in rows] == ["decade", "period", "until", PARIS]
    assert by_id["period"]["title"] == "'=HYPERLINK(1) trained in Cuba"  # never a formula
    assert by_id["period"]["countries"] == "CU; PE"
    assert by_id["period"]["country_names"] == "Cuba; Peru"
    assert by_id[PARIS]["sources"] == f"{SEED}, page 3"
    assert by_id[PARIS]["source_pdfs"].endswith(f"{SEED}.pdf#page=3")
    assert by_id[PARIS]["summary"] == ("The CIA's source reported that Paris had become the "
                                       "center of the network.")


def test_timelinejs_has_what_timelinejs_requires(built: SiteProject) -> None:
    data = json.loads(site_file(built, "data/timelinejs.json"))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"] == "Desclasificado"
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert len(slides) == 1 + len(EVENTS)
    for slide in data["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["start_date"]) <= {"year", "month", "day"}
        assert slide["text"]["headline"] and slide["text"]["text"].startswith("<p>")
        assert slide["group"] and slide["display_date"]
    assert slides[PARIS]["start_date"] == {"year": 1963, "month": 4, "day": 11}
    assert "end_date" not in slides[PARIS]
    assert slides["period"]["start_date"] == {"year": 1962, "month": 6}
    assert slides["period"]["end_date"] == {"year": 1962, "month": 12}
    assert slides["period"]["group"] == "Cuba"
    assert slides["decade"]["start_date"] == {"year": 1960}
    assert slides["decade"]["end_date"] == {"year": 1969}
    assert slides["until"]["start_date"] == {"year": 1963, "month": 4}
    assert slides["until"]["display_date"] == "until April 1963"
    # one row per region of the chart (first Latin American country), not per country
    assert slides["until"]["group"] == "Mexico and Central America"
    assert {s["group"] for s in data["events"]} <= {
        "Cuba", "Caribbean", "Mexico and Central America", "South America", "Elsewhere"}
    media = slides[PARIS]["media"]
    assert media["url"].startswith('<blockquote lang="en">') and "blockquote" in media["url"]
    credit = parse(media["credit"])
    assert [a.get("href") for a in credit.find_all("a")] == [
        "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf#page=3"]
    assert "National Archives" in credit.words()
    text = parse(slides[PARIS]["text"]["text"])
    assert f"{SITE}events/{PARIS}/" in text.links()
    assert f"{SITE}events/{PARIS}/#source-1" in text.links()


def test_csl_json_and_bibtex_of_all_documents_and_each(built: SiteProject) -> None:
    for path in ("data/documents.csl.json", f"documents/{SEED}/cite.json"):
        items = json.loads(site_file(built, path))
        assert [item["id"] for item in items] == [SEED]
        assert items[0]["type"] == "document" and items[0]["URL"].startswith("https://")
        assert items[0]["accessed"] == {"date-parts": [[2025, 5, 3]]}
        assert items[0]["issued"]["date-parts"][0] == [1963, 4, 11]
    for path in ("data/documents.bib", f"documents/{SEED}/cite.bib"):
        library = bibtexparser.parse_string(site_file(built, path))
        assert not library.failed_blocks and [e.key for e in library.entries] == [SEED]


def test_the_data_page_lists_files_fields_and_columns(built: SiteProject) -> None:
    page = built.page("data/")
    main = page.find("main")
    assert {"../data/events.json", "../data/events.csv", "../data/timelinejs.json",
            "../data/documents.bib"} <= set(main.links())
    names = [c.words() for c in main.find_all("code")]
    assert "schema_version" in main.words() and "source_pdfs" in names and "pdf_page" in names
    assert "desclasificado:" not in site_file(built, "data/index.html")


def test_the_teachers_page_shows_a_live_embed(built: SiteProject) -> None:
    page = built.page("teachers/")
    frame = page.find("figure", class_="embed-example").find("iframe")
    assert frame.get("src").startswith("../embed/events/") and frame.get("title")
    assert (built.root / "site" / frame.get("src")[3:] / "index.html").is_file()
    assert [s.get("src") for s in page.find_all("script") if s.get("src")][:2] == [
        "../js/messages.js", "../js/teach.js"]
    nav = [a.words() for a in page.find("nav", class_="site-nav").find_all("a")]
    assert "For teachers" in nav


def test_without_site_url_the_address_is_left_to_fill(tmp_path: Path) -> None:
    project = SiteProject(tmp_path / "project")
    result = check_project(project.root)
    site = render_site(result.collection, build_index(result.collection))
    html = site.pages[f"events/{PARIS}/"].html
    assert f"SITE-ADDRESS/embed/events/{PARIS}/" in html and "needs-address" in html
    assert site.pages[f"events/{PARIS}/"].oembed == ""
    assert not [path for path in site.data_files if path.endswith("oembed.json")]


def test_the_link_check_covers_the_embeddable_pages(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    project = SiteProject(tmp_path / "project")
    result = check_project(project.root)
    hand_written = {"", "teachers/", "data/", "contribute/", "reference/"}
    site = render_site(result.collection, build_index(result.collection), info=SiteInfo(url=SITE),
                       other_pages=hand_written)
    assert site.broken_links() == []
    every_embed = render.iter_embed_pages
    monkeypatch.setattr(render, "iter_embed_pages", lambda ctx, share, make=None: (
        page for page in every_embed(ctx, share, make) if page.url != f"embed/events/{PARIS}/"))
    site = render_site(result.collection, build_index(result.collection), info=SiteInfo(url=SITE),
                       other_pages=hand_written)
    broken = site.broken_links()
    assert {(b.page, b.link.url) for b in broken} >= {
        (f"events/{PARIS}/", f"embed/events/{PARIS}/")}


def test_the_address_can_be_given_when_building(tmp_path: Path) -> None:
    """`build --site-url` (what the deploy workflow passes from the Pages configuration) fills
    the sitemap, oEmbed and the Cite addresses without editing mkdocs.yml."""
    project = SiteProject(tmp_path / "project")
    code, lines = project.build("--site-url", "https://teach.example/timeline/")
    assert code == 0, lines
    sitemap = (project.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://teach.example/timeline/events/{PARIS}/</loc>" in sitemap
    assert (project.root / "site" / "embed" / "events" / PARIS / "oembed.json").is_file()
    assert "SITE-ADDRESS/" not in (project.root / "site" / "events" / PARIS / "index.html").read_text(
        encoding="utf-8")


def test_every_printout_says_where_it_came_from_and_how_to_cite_it(built: SiteProject) -> None:
    event = built.page(f"events/{PARIS}/").find(class_="print-colophon").words()
    assert f"Printed from {SITE}events/{PARIS}/, as the site stood on 3 May 2025." in event
    assert "Cite as: " in event and "accessed May 3, 2025" in event
    document = built.page(f"documents/{SEED}/").find(class_="print-colophon").words()
    assert f"{SITE}documents/{SEED}/" in document and "176-10036-10058" in document.split(
        "Cite as: ")[1]  # the document itself is cited, not the page of this site
    timeline = built.page("timeline/").find(class_="print-colophon").words()
    assert f"Printed from {SITE}timeline/" in timeline
    teachers = built.page("teachers/").find(class_="print-colophon").words()
    assert teachers.startswith(f"Printed from {SITE}teachers/, as the site stood on 3 May 2025. "
                               "Cite as: ")  # hand-written pages too, cited as web pages
    assert f"accessed May 3, 2025, {SITE}teachers/" in teachers
    spanish = built.page("es/").find(class_="print-colophon").words()
    assert spanish.startswith(f"Impreso desde {SITE}es/, ")


def test_a_former_id_leads_to_the_event_in_both_languages(built: SiteProject) -> None:
    for prefix, lang, words in (("", "en", "This event has moved"),
                                ("es/", "es", "Este evento está ahora")):
        old = parse(site_file(built, f"{prefix}events/1962-cuba-training/index.html"))
        assert old.find("html").get("lang") == lang
        refresh = [m.get("content") for m in old.find_all("meta")
                   if m.get("http-equiv") == "refresh"][0]
        assert refresh == "0; url=../period/"
        assert (built.root / "site" / prefix / "events/period/index.html").is_file()
        assert old.find("link", rel="canonical").get("href") == f"{SITE}{prefix}events/period/"
        assert old.find("meta", name="robots").get("content") == "noindex"
        assert old.find("a").get("href") == "../period/" and words in old.words()
    assert "1962-cuba-training" not in site_file(built, "sitemap.xml")

"""The head metadata reference managers and link previews read, checked with real parsers:
extruct for JSON-LD, OpenGraph and Dublin Core, html.parser for the Highwire `citation_*`
tags Zotero reads, rispy for the RIS files; on the repository's own documents (a JFK
record and a FRUS document) and an event citing both kinds."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import extruct
import pytest
import rispy

from desclasificado.check.project import check_project
from desclasificado.index import build_index
from desclasificado.records.dates import parse_date
from desclasificado.render import SiteInfo, plan_site
from desclasificado.render.pagemeta import highwire_date, json_ld
from desclasificado.render.ris import ris, ris_entry
from desclasificado.render.urls import document_url, event_url
from tests.conftest import REPO, SEED

SITE = "https://desclasificado.example/"
BUILT = datetime.date(2025, 5, 3)
FRUS = "frus1969-76ve16-d145"
EVENT = "1971-01-28-forty-committee-funds-opposition-for-municipal-elections"


@pytest.fixture(scope="module")
def site():
    result = check_project(REPO, verify_quotes=False)
    return plan_site(result.collection, build_index(result.collection),
                     SiteInfo(url=SITE, built=BUILT))


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.tags.append((values["name"] or "", values.get("content") or ""))


def head(page) -> str:
    """The page's head as the theme writes it (the tags and the JSON-LD block)."""
    tags = "".join(f'<meta {a}="{k}" content="{v.replace("&", "&amp;").replace(chr(34), "&quot;")}">'
                   for a, k, v in page.head_tags)
    return (f'<html><head>{tags}<script type="application/ld+json">{page.json_ld}</script>'
            f"</head><body></body></html>")


def highwire(page) -> dict[str, list[str]]:
    parser = _Meta()
    parser.feed(head(page))
    found: dict[str, list[str]] = {}
    for name, value in parser.tags:
        found.setdefault(name, []).append(value)
    return found


def test_a_jfk_record_page_reads_as_a_report_held_by_nara(site) -> None:
    page = site.render(document_url(SEED))
    tags = highwire(page)
    assert tags["citation_title"] == [page.title]
    assert tags["citation_date"] == ["1963/04/11"]
    assert tags["citation_technical_report_number"] == ["176-10036-10058"]
    assert tags["citation_pdf_url"][0].startswith("https://www.archives.gov/files/research/jfk/")
    assert tags["citation_public_url"] == [f"{SITE}documents/{SEED}/"]
    data = extruct.extract(head(page), syntaxes=["json-ld", "dublincore"], uniform=True)
    (ld,) = data["json-ld"]
    assert ld["@type"] == "ArchiveComponent" and ld["identifier"] == "176-10036-10058"
    assert ld["holdingArchive"]["@type"] == "ArchiveOrganization"
    assert ld["dateCreated"] == "1963-04-11" and ld["url"] == f"{SITE}documents/{SEED}/"
    dc = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in data["dublincore"][0]["elements"]}
    assert dc["title"] == page.title and dc["date"] == "1963-04-11"


def test_a_frus_document_page_reads_as_a_section_of_its_volume(site) -> None:
    page = site.render(document_url(FRUS))
    tags = highwire(page)
    assert tags["citation_firstpage"] == ["744"] or int(tags["citation_firstpage"][0]) <= 744
    assert "Documents on Chile, 1969–1973" in tags["citation_inbook_title"][0]
    assert tags["citation_volume"] == ["E–16"] and tags["citation_editor"]
    (ld,) = extruct.extract(head(page), syntaxes=["json-ld"])["json-ld"]
    assert ld["@type"] == "Chapter" and ld["position"] == "145"
    assert ld["isPartOf"]["name"] == "Documents on Chile, 1969–1973"
    assert ld["sameAs"] == "https://history.state.gov/historicaldocuments/frus1969-76ve16/d145"


def test_an_event_page_has_previews_and_its_sources(site) -> None:
    page = site.render(event_url(EVENT))
    data = extruct.extract(head(page), syntaxes=["json-ld", "opengraph"], uniform=True)
    (og,) = data["opengraph"]
    assert og["og:title"] == page.title and og["og:url"] == f"{SITE}events/{EVENT}/"
    assert og["og:description"].startswith("28 January 1971")
    (ld,) = data["json-ld"]
    assert ld["about"]["startDate"] == "1971-01-28"
    assert {c["name"] for c in ld["about"]["location"]} == {"Chile", "United States"}
    assert [c["sameAs"] for c in ld["citation"]] == [
        "https://history.state.gov/historicaldocuments/frus1969-76ve16/d145"]


def test_json_ld_cannot_close_its_script_element() -> None:
    text = json_ld({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert '"\\u003c/script\\u003e' in text


def test_dates_keep_their_precision() -> None:
    assert highwire_date(parse_date("1963-04")) == "1963/04"
    assert highwire_date(parse_date("196X")) == "1960"
    assert highwire_date(parse_date("1962-06/1962-12")) == "1962"


def test_ris_of_both_kinds_parses_and_keeps_the_facts(site) -> None:
    documents = site.context.collection.documents
    text = ris([ris_entry(d, documents[d], BUILT) for d in (SEED, FRUS)])
    jfk, frus = rispy.loads(text)
    assert jfk["type_of_reference"] == "GOVDOC" and jfk["accession_number"] == "176-10036-10058"
    assert jfk["date"] == "1963/04/11/" and jfk["access_date"] == "2025/05/03"
    assert jfk["urls"][0].startswith("https://www.archives.gov/")
    assert frus["type_of_reference"] == "CHAP" and frus["section"] == "Document 145"
    assert frus["secondary_authors"] and frus["volume"] == "E–16"
    assert "Documents on Chile" in frus["secondary_title"]


def test_ris_values_stay_on_one_line(site) -> None:
    doc = site.context.collection.documents[SEED].model_copy(
        update={"title": "A title\nER  - \nTY  - JOUR"})
    (entry,) = rispy.loads(ris_entry(SEED, doc, BUILT))
    assert entry["title"] == "A title ER  -  TY  - JOUR"

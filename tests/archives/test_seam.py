"""The archive seam: a kind defined only here, registered, is checked, built and cited.

The test kind is a web archive whose documents are web pages with printed page numbers
(pages 115-116, say), linked as `<address>#p<N>`. Nothing in check or render names it:
if this test passes, adding an archive kind needs only its package and `register`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from pydantic import Field

from desclasificado import archives
from desclasificado.archives.base import ArchivalCitation, Archive
from desclasificado.records.models import Document, EdtfDate, Text, Url, shown, slugify
from tests.sitekit import SiteProject, event_yaml, parse


class WebDocument(Document):
    """A web page with printed page numbers (a test archive kind)."""

    kind: Literal["webtest"]
    title: Text
    date: EdtfDate | None = None
    address: Url = Field(json_schema_extra=shown("Its address.", "Address",
                                                 "Where the page is published."))
    first_page: int = Field(ge=1, json_schema_extra=shown("Its first printed page.", "First page",
                                                          "Its first printed page."))
    last_page: int = Field(ge=1)
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    transcript_source: str | None = None


class WebArchive(Archive):
    kind = "webtest"
    model = WebDocument
    name = "The Test Web Archive"
    identifier_label = "page"
    page_link_label = "Web page"
    transcript_page_label = "Printed page"

    def identifier(self, doc: Any) -> str:
        return doc.address.rstrip("/").rsplit("/", 1)[-1]

    def expected_id(self, doc: Any) -> str:
        return slugify(self.identifier(doc))

    def page_range(self, doc: Any) -> tuple[int, int]:
        return doc.first_page, doc.last_page

    def page_url(self, doc: Any, page: int) -> str:
        return f"{doc.address}#p{page}"

    def document_url(self, doc: Any) -> str:
        return doc.address

    def citation(self, doc: Any) -> ArchivalCitation:
        return ArchivalCitation(author=doc.from_, recipient=doc.to, title=doc.title,
                                date=doc.date, record_number=self.identifier(doc), series=None,
                                collection=None, archive=self.name, url=doc.address)


WEB_DOC = """\
kind: "webtest"
title: "Memorandum on the fronts"
date: "1963-05-02"
address: "https://papers.example.org/memo-7"
first_page: 115
last_page: 116
from: "Station chief"
"""
WEB_TRANSCRIPT = """\
## Page 115

The first printed page of the memorandum says nothing of interest.

## Page 116

The southern front would be commanded from Cusco by the movement.
"""


@pytest.fixture
def web_kind() -> Iterator[WebArchive]:
    archive = WebArchive()
    archives.register(archive)
    yield archive
    archives.unregister(archive.kind)


@pytest.fixture
def project(tmp_path: Any, web_kind: WebArchive) -> SiteProject:
    project = SiteProject(tmp_path / "project")
    project.write("documents/memo-7.yaml", WEB_DOC)
    project.write("documents/memo-7.md", WEB_TRANSCRIPT)
    project.write("events/1963-05-02-cusco.yaml", event_yaml(
        "1963-05-02", "Memo places the southern front in Cusco", document="memo-7", pages="116",
        quote="The southern front would be commanded from Cusco"))
    return project


def test_a_registered_kind_builds_with_its_own_page_links(project: SiteProject) -> None:
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    event = project.page("events/1963-05-02-cusco/")
    links = {a.get("href"): a.words() for a in event.find_all("a")}
    assert links["https://papers.example.org/memo-7#p116"] == "Web page, page 116"
    assert "page memo-7" in event.find("p", class_="source-meta").words()
    doc = project.page("documents/memo-7/")
    headings = [h.words() for h in doc.find_all("h3")]
    assert "Page 116 Printed page 116" in headings
    assert doc.find("mark").words() == "The southern front would be commanded from Cusco"
    rows = {r.find("th").words(): r.find("td").words()
            for r in doc.find("table", class_="identification").find_all("tr")[1:]}
    assert rows == {"Address": "https://papers.example.org/memo-7", "First page": "115"}
    assert "The Test Web Archive" in doc.find("ul", class_="releases").words()


def test_a_registered_kind_reaches_the_data_and_the_citations(project: SiteProject) -> None:
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    site = project.root / "site"
    events = json.loads((site / "data/events.json").read_text())["events"]
    source = next(e for e in events if e["id"] == "1963-05-02-cusco")["sources"][0]
    assert source["record_number"] == "memo-7"
    documents = {d["id"]: d for d in json.loads((site / "data/documents.json").read_text())[
        "documents"]}
    assert documents["memo-7"]["kind"] == "webtest"
    assert documents["memo-7"]["first_page"] == 115
    assert "https://papers.example.org/memo-7#p116" in (site / "data/events.csv").read_text()
    csl = json.loads((site / "documents/memo-7/cite.json").read_text())[0]
    assert csl["URL"] == "https://papers.example.org/memo-7"
    assert csl["archive"] == "The Test Web Archive"
    assert "number-of-pages" not in csl
    page = parse((site / "documents/memo-7/index.html").read_text())
    assert "Station chief, \u201cMemorandum on the Fronts,\u201d May 2, 1963, record number " \
           "memo-7, The Test Web Archive, https://papers.example.org/memo-7." in page.words()


def test_a_page_outside_the_printed_range_is_an_error(project: SiteProject) -> None:
    project.write("events/1963-05-02-cusco.yaml", event_yaml(
        "1963-05-02", "Memo places the southern front in Cusco", document="memo-7", pages="3",
        quote="The southern front would be commanded from Cusco"))
    project.write("documents/memo-7.md", WEB_TRANSCRIPT + "\n## Page 117\n\nMore.\n")
    code, lines = project.check()
    assert code == 1
    assert any("events/1963-05-02-cusco.yaml" in line and "page 3 is not one of the pages "
               "115–116 of document memo-7" in line for line in lines), lines
    assert any(line.startswith("documents/memo-7.md:1:1: error: the transcript has a page 117 "
                               "but the document's pages are 115–116") for line in lines), lines


def test_a_record_of_the_kind_is_checked_by_its_model(project: SiteProject) -> None:
    project.write("documents/memo-7.yaml", WEB_DOC.replace("first_page: 115\n", ""))
    code, lines = project.check()
    assert code == 1
    assert any("documents/memo-7.yaml" in line and "missing required field 'first_page'" in line
               for line in lines), lines


def test_an_unregistered_kind_is_a_clear_error(tmp_path: Any) -> None:
    project = SiteProject(tmp_path / "project")
    project.write("documents/memo-7.yaml", WEB_DOC)
    code, lines = project.check()
    assert code == 1
    assert any(line.startswith("documents/memo-7.yaml:1:7: error: 'kind' must be one of 'jfk'")
               and "not 'webtest'" in line for line in lines), lines


def test_the_file_name_must_follow_the_kinds_identifier(project: SiteProject) -> None:
    (project.root / "documents/memo-7.yaml").rename(project.root / "documents/memo-8.yaml")
    (project.root / "documents/memo-7.md").rename(project.root / "documents/memo-8.md")
    code, lines = project.check()
    assert code == 1
    assert any("documents/memo-8.yaml" in line and "name the file documents/memo-7.yaml" in line
               for line in lines), lines

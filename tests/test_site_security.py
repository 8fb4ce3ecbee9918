"""Contributor text never reaches a page as markup: XSS payloads go through a whole build.

Every YAML field that is shown carries payloads; the built pages are parsed with
html.parser and must contain nothing live: no script (but the search page's own), no
frame, image, SVG or object, no event-handler or style attribute, no javascript: or
data: address. The payloads must still be readable as text.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.sitekit import Element, SiteProject, all_pages

DOC = "666-00000-00001"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = (SCRIPT, IMG, "[x](javascript:alert(1))", "[y](data:text/html,<script>alert(2)</script>)",
            '{: onclick="alert(3)"}', '<iframe src="https://evil.example/"></iframe>',
            "<svg onload=alert(4)>", '<a href="javascript:alert(5)">raw link</a>',
            "![pixel](https://evil.example/pixel.png)", "<style>body{display:none}</style>")
ALL = " ".join(PAYLOADS)
FORBIDDEN_TAGS = {"iframe", "svg", "img", "object", "embed", "style", "frame", "base", "math",
                  "link_in_body"}
BODY = f'{ALL}\n\n<div onclick=alert(13)>block</div>\n\npara\n{{: onclick="alert(14)"}}'
TRANSCRIPT = f"# {DOC}\n\n## Page 1\n\nThe agent wrote {SCRIPT} and {IMG} on the list of items.\n"


def _theme_script(element: Element) -> bool:
    """A script of the theme (theme/js/), loaded by address, with no inline code, or the
    page's messages for those scripts: a JSON data block, never run, with no `<` in it."""
    if element.get("type") == "application/json" and element.get("id") == "messages":
        json.loads(element.text)
        return "<" not in element.text
    if element.get("type") == "application/ld+json":  # the page's schema.org metadata
        json.loads(element.text)
        return "<" not in element.text and ">" not in element.text
    source = element.get("src") or ""
    # relative, or from the site's root on the error page (served at any address)
    relative = source.startswith(("../", "js/", "/js/")) and "js/" in source
    return relative and not element.text.strip() and (
        REPO / "theme" / "js" / source.rsplit("js/", 1)[-1]).is_file()


def _our_svg(element: Element) -> bool:
    """A chart, map, locator map or legend swatch drawn by render/charts.py and maps.py."""
    classes = set((element.get("class") or "").split())
    parent = element.parent
    return bool(classes & {"chart-svg", "map-svg", "swatch"}) or (
        parent is not None and parent.tag == "figure" and parent.get("class") == "locator")


def _yaml_block(text: str, indent: str = "  ") -> str:
    return "|-\n" + "".join(f"{indent}{line}\n" for line in text.splitlines())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = SiteProject(tmp_path_factory.mktemp("xss") / "project")
    project.write(f"documents/{DOC}.yaml", f"""\
record_number: "{DOC}"
title: {_yaml_block(SCRIPT + " " + IMG)}
archive: "<svg onload=alert(6)>Archive"
originator: {_yaml_block(IMG)}
to: "<iframe src=javascript:alert(7)>"
comments: {_yaml_block(ALL)}
subjects: ["<script>alert(8)</script>"]
pages: 1
releases:
  - release: "<b onmouseover=alert(9)>2025</b>"
    pdf: "https://www.archives.gov/files/{DOC}.pdf"
cited_release: "<b onmouseover=alert(9)>2025</b>"
transcript_source: {_yaml_block(ALL)}
""")
    project.write(f"documents/{DOC}.md", TRANSCRIPT)
    project.write("actors/evil.yaml", f"""\
name: "<b onmouseover=alert(10)>Evil</b>"
kind: "person"
description: {_yaml_block(ALL)}
other_names: ["<script>alert(11)</script>"]
""")
    project.write("themes/evil.yaml", f"""\
title: "<script>alert(12)</script>"
description: {_yaml_block(ALL)}
""")
    project.write("events/1963-evil.yaml", f"""\
date: "1963"
title: {_yaml_block((SCRIPT + IMG)[:120])}
summary: {_yaml_block(ALL + " claim.[^1]")}
body: {_yaml_block(BODY)}
countries: ["PE"]
places: ["{SCRIPT}", "<img src=x onerror=alert(15)>"]
actors: ["evil"]
themes: ["evil"]
sources:
  - document: "{DOC}"
    pages: "1"
    quote: {_yaml_block(f"The agent wrote {SCRIPT} and {IMG} on the list", "      ")}
    note: {_yaml_block(ALL, "      ")}
related: ["1963-04-11-paris"]
""")
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return all_pages(project.root / "site")


def test_no_payload_is_live_on_any_page(pages: dict) -> None:
    assert len(pages) > 10
    for path, page in pages.items():
        for element in page.find_all():
            if element.tag == "iframe" and path == "teachers/index.html":  # the live example
                assert (element.get("src") or "").startswith("../embed/events/"), element
            elif element.tag == "iframe" and path == "es/teachers/index.html":  # in Spanish
                assert (element.get("src") or "").startswith("../../es/embed/events/"), element
            elif element.tag == "svg" and _our_svg(element):
                pass  # the charts and maps drawn at build time (their attributes are checked below)
            else:
                assert element.tag not in FORBIDDEN_TAGS, (path, element)
            if element.tag == "script":
                assert path.endswith("search.html") or _theme_script(element), (path, element)
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (path, element)
                assert name != "style", (path, element)
                address = "".join((value or "").split()).lower()
                if element.tag == "link" and name == "href" and element.get("rel") == "icon":
                    assert address == "data:,"  # the theme's empty icon: no request at all
                elif name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not address.startswith(("javascript:", "data:", "vbscript:")), (
                        path, element)
                    assert "evil.example" not in address, (path, element)


def test_only_the_search_page_has_scripts_and_they_are_ours(pages: dict) -> None:
    scripts = pages["search.html"].find_all("script")
    assert [s.get("src") for s in scripts] == [None, "./js/messages.js", "./search/main.js"]
    assert scripts[0].get("type") == "application/json"  # the messages: data, never run
    spanish = pages["es/search.html"].find_all("script")
    assert [s.get("src") for s in spanish] == [None, "../js/messages.js", "../search/main.js"]


def test_payloads_in_the_metadata_are_data(pages: dict) -> None:
    """A title's markup reaches the JSON-LD and the meta tags as text: escaped, never live."""
    event = pages["events/1963-evil/index.html"]
    (block,) = [s for s in event.find_all("script") if s.get("type") == "application/ld+json"]
    assert SCRIPT in json.loads(block.text)["headline"] and "<" not in block.text
    titles = [m.get("content") for m in event.find_all("meta") if m.get("property") == "og:title"]
    assert titles and SCRIPT in titles[0]


def test_payloads_are_shown_as_text(pages: dict) -> None:
    event = pages["events/1963-evil/index.html"]
    assert SCRIPT + IMG in event.find("h1").words()
    assert SCRIPT in event.find("title").text
    summary = event.find(class_="summary").words()
    for payload in (SCRIPT, IMG, '{: onclick="alert(3)"}', "<svg onload=alert(4)>"):
        assert payload in summary
    body = event.find(class_="body").words()
    assert "<div onclick=alert(13)>block</div>" in body and '{: onclick="alert(14)"}' in body
    source = event.by_id("source-1")
    assert f"The agent wrote {SCRIPT} and {IMG} on the list" in source.words()
    assert "<img src=x onerror=alert(15)>" in event.find("dl", class_="facts").words()
    document = pages[f"documents/{DOC}/index.html"]
    mark = document.by_id("q-1963-evil-1")
    assert mark.tag == "mark" and SCRIPT in mark.words()
    assert "<b onmouseover=alert(10)>Evil</b>" in pages["actors/evil/index.html"].find("h1").words()


def test_markdown_links_keep_only_web_addresses(pages: dict) -> None:
    summary = pages["events/1963-evil/index.html"].find(class_="summary")
    links = summary.find_all("a")
    contributor = [a for a in links if "cite" not in (a.parent.get("class") or "")]
    assert [a.words() for a in contributor] == ["x", "y"]
    assert all(a.get("href") is None for a in contributor)
    assert all(a.get("rel") == "noopener noreferrer nofollow" for a in contributor)

"""Select a passage of a document's transcript: the source block an event takes (on a page
served from one's own computer, as `python build.py serve` does) and a citation with the
page's address (everywhere), from theme/js/passage.js."""

from __future__ import annotations

import json

import pytest

from desclasificado.check.project import check_project
from desclasificado.check.quotes import quote_messages
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import REPO

pytestmark = pytest.mark.browser

DOCUMENT = "176-10036-10058"


def _select(page, first: str, last: str, pages: tuple[int, int]) -> None:
    """Select from `first` on the transcript's page pages[0] to the end of `last` on pages[1]."""
    page.evaluate("""([first, last, a, b]) => {
        const find = (number, text) => {
            const pre = document.querySelector(`section.tpage[data-page="${number}"] pre.ocr`);
            const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.nodeValue.indexOf(text);
                if (at >= 0) { return [node, at]; }
            }
            throw new Error("not found: " + text);
        };
        const [startNode, start] = find(a, first);
        const [endNode, end] = find(b, last);
        const range = document.createRange();
        range.setStart(startNode, start);
        range.setEnd(endNode, end + last.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }""", [first, last, *pages])


def test_a_selected_passage_gives_the_source_block_and_a_citation(page, site_url: str) -> None:
    page.goto(f"{site_url}/documents/{DOCUMENT}/")
    panel = page.locator(".passage-tool")
    assert panel.is_hidden()
    _select(page, "The MIR has planned", "northern Peru.", (5, 5))
    panel.wait_for(state="visible")
    block = page.locator("#passage-yaml").input_value()
    lines = block.splitlines()
    assert lines[0] == f'  - document: "{DOCUMENT}"' and lines[1] == '    pages: "5"'
    quote = json.loads(lines[2].removeprefix("    quote: "))
    assert quote.startswith("The MIR has planned four fronts in Peru") and quote.endswith(
        "northern Peru.")
    assert "\n" not in quote and "  " not in quote
    # the block is what the check accepts: the quote is the page's words
    transcript = check_project(REPO, verify_quotes=False).collection.transcripts[DOCUMENT]
    assert quote_messages(quote, "en", (5,), DOCUMENT, transcript) == []
    cite = page.locator("#passage-cite").input_value()
    assert cite.startswith(f"“{quote}” ") and ", page 5. " in cite
    assert cite.endswith(f"/documents/{DOCUMENT}/#page-5")


def test_a_passage_over_a_page_break_cites_both_pages(page, site_url: str) -> None:
    page.goto(f"{site_url}/documents/{DOCUMENT}/")
    lines = [line for line in page.locator('section.tpage[data-page="4"] pre.ocr')
             .inner_text().splitlines() if len(line.split()) >= 3]
    first = lines[-1].split()[0]
    _select(page, first, "The MIR", (4, 5))
    page.locator(".passage-tool").wait_for(state="visible")
    lines = page.locator("#passage-yaml").input_value().splitlines()
    assert lines[1] == '    pages: "4-5"'
    quote = json.loads(lines[2].removeprefix("    quote: "))
    assert "Page 5" not in quote and quote.endswith("The MIR")
    assert ", pages 4-5. " in page.locator("#passage-cite").input_value()


def test_on_the_published_site_only_the_citation_is_offered(browser, site_url: str) -> None:
    """Readers get "cite this passage"; the source block is for a contributor's own preview."""
    port = site_url.rsplit(":", 1)[1]
    # the same site, under a name that is not the contributor's own computer
    other = browser.browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, "--host-resolver-rules=MAP desclasificado.test 127.0.0.1"])
    try:
        page = other.new_page()
        address = f"http://desclasificado.test:{port}/documents/{DOCUMENT}/"
        page.goto(address)
        _select(page, "The MIR has planned", "northern Peru.", (5, 5))
        page.locator(".passage-tool").wait_for(state="visible")
        assert page.locator("#passage-yaml").count() == 0
        assert page.locator("#passage-cite").input_value().endswith(f"{address}#page-5")
    finally:
        other.close()

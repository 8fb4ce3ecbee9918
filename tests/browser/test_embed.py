"""Embedded pages in Chromium, as another site shows them: in iframes on a host page served
from another origin, without sandbox, sandboxed with scripts and pop-ups allowed, and fully
sandboxed (sandbox=""). Also the Embed and Cite controls (teach.js) and printing."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from desclasificado.check.collection import Collection
from desclasificado.check.project import check_project
from tests.browser.conftest import serve
from tests.conftest import REPO

FRAMES = {"open": None, "scripts": "allow-scripts allow-popups", "sealed": ""}


@lru_cache(maxsize=1)
def collection() -> Collection:
    result = check_project(REPO, verify_quotes=False)
    assert result.ok
    return result.collection


def an_event() -> str:
    """The event with the most sources (as the guide for teachers shows)."""
    events = collection().events
    return max(sorted(events), key=lambda eid: len(events[eid].sources))


def host_page(src: str) -> str:
    """A page of another site: it records the messages it gets, then frames `src` thrice."""
    frames = "".join(
        f'<iframe id="{name}" src="{src}" title="Embedded event" width="600" height="300"'
        + ("" if sandbox is None else f' sandbox="{sandbox}"') + "></iframe>"
        for name, sandbox in FRAMES.items())
    return ("<!doctype html><html><head><meta charset=utf-8><title>Host</title><script>"
            "window.messages = [];"
            "window.addEventListener('message', function (e) {"
            "  var id = null;"
            "  document.querySelectorAll('iframe').forEach(function (f) {"
            "    if (f.contentWindow === e.source) { id = f.id; } });"
            "  window.messages.push({frame: id, data: e.data, origin: e.origin}); });"
            f"</script></head><body>{frames}</body></html>")


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[str]:
    """Another origin (another port) serving host pages that frame the site's embeds."""
    root: Path = tmp_path_factory.mktemp("host")
    event = an_event()
    (root / "event.html").write_text(host_page(f"{site_url}/embed/events/{event}/"))
    (root / "years.html").write_text(host_page(f"{site_url}/embed/timeline/?from=1962&to=1963"))
    with serve(root) as url:
        yield url


def frame(page, name: str):
    """The Playwright frame of the iframe `name` of the host page."""
    handle = page.locator(f"iframe#{name}").element_handle()
    content = handle.content_frame()
    assert content is not None
    content.wait_for_load_state()
    return content


def messages(page, name: str) -> list[dict]:
    return [m for m in page.evaluate("window.messages") if m["frame"] == name]


def test_the_embed_renders_in_every_frame(page, host: str, site_url: str) -> None:
    page.goto(f"{host}/event.html")
    title = collection().events[an_event()].title
    for name in FRAMES:
        content = frame(page, name)
        assert content.locator("h1").inner_text() == title, name
        assert content.locator(".sources li").count() == len(
            collection().events[an_event()].sources)
        assert content.locator("nav, form, input, .site-header").count() == 0
        # styled: the site's stylesheet loaded in every frame
        font = content.locator("h1").evaluate("h => getComputedStyle(h).fontSize")
        assert font == "21.6px", (name, font)


def test_links_open_outside_the_frame(page, host: str, site_url: str) -> None:
    page.goto(f"{host}/event.html")
    for name in FRAMES:
        content = frame(page, name)
        targets = content.locator("main a, footer a").evaluate_all(
            "links => links.map(a => [a.getAttribute('href'), a.getAttribute('target')])")
        assert targets
        for href, target in targets:
            assert target == ("_self" if href.startswith("#") else "_blank"), (name, href)
    # Where pop-ups are allowed, a link opens a new tab and the frame stays where it is.
    content = frame(page, "scripts")
    embed_url = content.url
    with page.expect_popup() as popup:
        content.locator("h1 a").click()
    opened = popup.value
    opened.wait_for_load_state()
    assert opened.url == f"{site_url}/events/{an_event()}/"
    assert frame(page, "scripts").url == embed_url
    # A citation mark stays in the frame: it leads to the source below.
    mark = content.locator("sup.cite a").first
    anchor = mark.get_attribute("href")
    mark.click()
    assert content.url == embed_url + anchor


def test_the_height_is_reported_where_scripts_run(page, host: str) -> None:
    page.goto(f"{host}/event.html")
    page.wait_for_function("window.messages.filter(m => m.frame === 'scripts').length > 0 && "
                           "window.messages.filter(m => m.frame === 'open').length > 0")
    for name in ("open", "scripts"):
        data = messages(page, name)[-1]["data"]
        assert data["type"] == "desclasificado:height"
        height = frame(page, name).evaluate(
            "Math.ceil(document.documentElement.getBoundingClientRect().height)")
        assert data["contentHeight"] == height > 300  # the whole event, taller than the frame
        assert data["height"] == min(height, 900)  # beyond 900 px it scrolls in its frame
        assert data["href"].endswith(f"/embed/events/{an_event()}/")
    assert messages(page, "scripts")[-1]["origin"] == "null"  # sandboxed: an opaque origin
    page.wait_for_timeout(300)
    assert messages(page, "sealed") == []  # no script runs in sandbox=""


@pytest.mark.parametrize("guide_file", ["teachers.md", "es/teachers.md"])
def test_the_documented_parent_snippet_sets_the_height(page, host: str, guide_file: str) -> None:
    """The script of the guide for teachers (English and Spanish), pasted on the host page,
    resizes the frames."""
    guide = (REPO / "pages" / guide_file).read_text(encoding="utf-8")
    snippet = guide.split("```html\n<script>\n", 1)[1].split("</script>\n```", 1)[0]
    page.goto(f"{host}/event.html")
    page.add_script_tag(content=snippet)
    page.evaluate("document.querySelectorAll('iframe').forEach(f => f.src = f.src)")
    page.wait_for_function("document.getElementById('scripts').style.height !== ''")
    reported = frame(page, "scripts").evaluate(
        "Math.ceil(document.documentElement.getBoundingClientRect().height)")
    most = page.evaluate("Math.round(innerHeight * 0.8)")  # at most 80% of the window's
    assert page.locator("#scripts").evaluate("f => f.clientHeight") == min(reported, 900, most)
    assert page.locator("#sealed").evaluate("f => f.style.height") == ""


def test_a_timeline_shows_the_years_asked_for(page, host: str) -> None:
    events = collection().events
    in_range = sum(1 for e in events.values() if e.date.year() in (1962, 1963)
                   and e.date.precision != "decade")
    page.goto(f"{host}/years.html")
    for name in ("open", "scripts"):
        content = frame(page, name)
        content.wait_for_selector(".range:not([hidden])")
        assert content.locator(".entry:visible").count() == in_range
        years = content.locator("section.year:visible h2").all_inner_texts()
        assert years == ["1962", "1963"]
        assert content.locator(".range").inner_text() == f"{in_range} events from 1962 to 1963."
    sealed = frame(page, "sealed")  # no script: every year, the whole timeline
    assert sealed.locator(".entry:visible").count() == len(events)
    assert sealed.locator(".range").is_hidden()


def copied(page) -> None:
    """Wait until teach.js says the copy is done (the clipboard is written asynchronously)."""
    page.wait_for_function("document.querySelector('.copy-status').textContent === "
                           "'Copied to the clipboard.'")


def test_the_embed_control_gives_a_ready_iframe(page, site_url: str) -> None:
    event = an_event()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/events/{event}/")
    tool = page.locator("details.embed-tool")
    assert tool.locator("textarea").is_hidden()  # closed until asked for
    tool.locator("summary").click()
    code = tool.locator("textarea").input_value()
    # the site has no site_url: teach.js filled in the address the page came from
    assert code.startswith(f'<iframe src="{site_url}/embed/events/{event}/" title="')
    assert 'loading="lazy"' in code and 'height="520"' in code and "SITE-ADDRESS" not in code
    assert tool.locator(".needs-address").is_hidden()
    tool.locator("button.copy").click()
    copied(page)
    assert page.evaluate("navigator.clipboard.readText()") == code


def test_a_timeline_embed_control_sets_the_years(page, site_url: str) -> None:
    page.goto(f"{site_url}/countries/pe/")
    tool = page.locator("details.embed-tool")
    tool.locator("summary").click()
    tool.locator("input[name=from]").fill("1962")
    tool.locator("input[name=to]").fill("1963")
    code = tool.locator("textarea").input_value()
    # the page of the decade, narrowed by the script where it runs, or by its #years- without
    assert (f'src="{site_url}/embed/countries/pe/1960-1969/?from=1962&amp;to=1963'
            '#years-1962-1963"') in code
    assert tool.locator(".range-help").is_hidden()


def test_citations_copy_with_the_page_address(page, site_url: str) -> None:
    event = an_event()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/events/{event}/")
    tool = page.locator("details.cite-tool").first  # the page's; each source has its own
    tool.locator("summary").click()
    chicago = tool.locator("#cite-chicago-note").inner_text()
    assert chicago.endswith(f"{site_url}/events/{event}/.")
    mla = tool.locator("#cite-mla").inner_text()
    assert f" {site_url.split('://')[1]}/events/{event}/. Accessed " in mla
    assert tool.locator("#cite-apa i").count() == 1  # the title, in italics
    tool.locator("button.copy").nth(2).click()
    copied(page)
    assert page.evaluate("navigator.clipboard.readText()") == tool.locator(
        "#cite-apa").inner_text()


def test_a_source_cites_its_page_on_the_readers_day(page, site_url: str) -> None:
    """Each source's own Cite names the page and links the PDF at it; the access date
    is the reader's day (teach.js), not the day the site was built."""
    page.clock.set_fixed_time(datetime.datetime(2031, 2, 9, 12, 0))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/events/{an_event()}/")
    source = page.locator("li.source").nth(1)
    tool = source.locator("details.source-cite")
    tool.locator("summary").click()
    note = tool.locator(".citation-text").first.inner_text()
    assert " PDF p. " in note or ", p. " in note
    mla = tool.locator("[id$='-mla']")
    if mla.locator("time.accessed").count():
        assert mla.inner_text().endswith("Accessed 9 Feb. 2031.")
        assert mla.locator("time.accessed").get_attribute("datetime") == "2031-02-09"
    assert "today's" in tool.locator(".accessed-note").inner_text()
    tool.locator("button.copy").first.click()
    copied(page)
    assert page.evaluate("navigator.clipboard.readText()") == note


def test_without_javascript_the_controls_still_open(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/events/{an_event()}/")
    page.locator("details.cite-tool summary").first.click()
    assert page.locator("#cite-mla").is_visible()
    assert page.locator("details.cite-tool button.copy").first.is_hidden()
    page.locator("details.embed-tool summary").click()
    assert "SITE-ADDRESS/embed/events/" in page.locator("textarea").input_value()
    assert page.locator(".needs-address").first.is_visible()
    context.close()


def test_print_leaves_out_the_controls_and_keeps_addresses(page, site_url: str) -> None:
    event = an_event()
    page.goto(f"{site_url}/events/{event}/")
    page.locator("details.embed-tool summary").click()
    page.emulate_media(media="print")
    for selector in (".site-nav", ".search-form", ".site-header", ".reuse", ".prevnext",
                     ".site-footer"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("h1").is_visible() and page.locator(".source").first.is_visible()
    link = page.locator(".source-links a.external").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert json.loads(after) == f" <{link.get_attribute('href')}>"
    assert page.locator(".source").first.evaluate(
        "s => getComputedStyle(s).breakInside") == "avoid"
    page.goto(f"{site_url}/timeline/")
    page.emulate_media(media="print")
    assert page.locator(".entry").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert page.locator(".reuse").is_hidden()


def test_controls_fit_a_phone(phone, site_url: str) -> None:
    phone.goto(f"{site_url}/events/{an_event()}/")
    for summary in phone.locator("details.tool summary").all():
        summary.click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.goto(f"{site_url}/embed/timeline/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

"""Embedded pages framed by another origin under the three sandbox levels learning platforms
use (issue 18): none, `sandbox="allow-scripts"` (scripts, but no new windows) and
`sandbox=""` (no script, no new window). Each says where it comes from; where links
cannot open, a notice says so with the address to copy; a decade's page shows only its
decade with no script, and a range across decades in the address's `#years-` shows only its
years, saying so; and the height the guide's script gives a frame stays bounded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_embed import an_event, collection, frame
from tests.conftest import REPO

LEVELS = {"open": None, "scripts": "allow-scripts", "sealed": ""}
MOST = 900  # px: the most an embedded page reports (theme/js/embed.js)
ACROSS = (1968, 1973)  # a range across two decades


def framing(src: str, snippet: str = "", above: int = 0) -> str:
    """A page of another site framing `src` once per sandbox level (and running `snippet`),
    below `above` pixels of its own text."""
    frames = "".join(
        f'<iframe id="{name}" src="{src}" title="Embedded" width="100%" height="300"'
        + ("" if sandbox is None else f' sandbox="{sandbox}"') + "></iframe>"
        for name, sandbox in LEVELS.items())
    return ("<!doctype html><html><head><meta charset=utf-8><meta name=viewport "
            'content="width=device-width, initial-scale=1"><title>Course</title></head>'
            f'<body><div style="height:{above}px">Course</div>{frames}<script>{snippet}'
            "</script></body></html>")


def guide_snippet() -> str:
    guide = (REPO / "pages" / "teachers.md").read_text(encoding="utf-8")
    return guide.split("```html\n<script>\n", 1)[1].split("</script>\n```", 1)[0]


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[str]:
    from tests.browser.conftest import serve

    root: Path = tmp_path_factory.mktemp("course")
    (root / "event.html").write_text(framing(f"{site_url}/embed/events/{an_event()}/"))
    (root / "event-es.html").write_text(framing(f"{site_url}/es/embed/events/{an_event()}/"))
    (root / "decade.html").write_text(
        framing(f"{site_url}/embed/timeline/1960-1969/?from=1961&to=1963"))
    (root / "across.html").write_text(framing(
        f"{site_url}/embed/timeline/?from={ACROSS[0]}&to={ACROSS[1]}"
        f"#years-{ACROSS[0]}-{ACROSS[1]}", above=1200))
    (root / "grow.html").write_text(
        framing(f"{site_url}/embed/timeline/?from=1961&to=1963", guide_snippet()))
    with serve(root) as url:
        yield url


def test_every_frame_says_where_its_page_comes_from(page, course: str, site_url: str) -> None:
    page.goto(f"{course}/event.html")
    full = f"/events/{an_event()}/"
    for name in LEVELS:
        content = frame(page, name)
        address = content.locator(".origin .address")
        assert address.is_visible(), name
        top = page.locator(f"iframe#{name}").bounding_box()["y"]
        assert address.bounding_box()["y"] - top < 300  # on the frame's first screen
        # made whole by embed.js where it runs; the path without it (no site_url here)
        expected = full if name == "sealed" else f"{site_url}{full}"
        assert address.inner_text() == expected, name
        assert content.locator(".origin").inner_text().startswith("From Desclasificado: ")


def test_where_links_are_dead_a_notice_gives_the_address(page, course: str,
                                                        site_url: str) -> None:
    page.goto(f"{course}/event.html")
    full = f"{site_url}/events/{an_event()}/"
    # no script: the notice is there from the start, and its link opens in the frame
    sealed = frame(page, "sealed")
    notice = sealed.locator(".origin .notice")
    assert notice.is_visible() and "copy the address above" in notice.inner_text()
    assert sealed.locator(".popup-notice").is_hidden()
    # scripts but no pop-ups: a link that cannot open says so, with its address
    scripts = frame(page, "scripts")
    assert scripts.locator(".origin .notice").count() == 0 or not scripts.locator(
        ".origin .notice").is_visible()
    before = scripts.url
    scripts.locator("h1 a").click()
    popup = scripts.locator(".popup-notice")
    popup.wait_for(state="visible")
    assert popup.locator("[data-link]").inner_text() == full
    assert scripts.url == before
    popup.locator("[data-here]").click()  # in the frame: the one way a sandbox allows
    scripts.wait_for_url(full)
    # no sandbox: the link opens a new tab, and no notice shows
    opened = frame(page, "open")
    with page.expect_popup() as new_tab:
        opened.locator("h1 a").click()
    new_tab.value.wait_for_load_state()
    assert new_tab.value.url == full
    assert opened.locator(".popup-notice").is_hidden()
    assert not opened.locator(".origin .notice").is_visible()
    sealed.locator(".origin .notice a").click()
    sealed.wait_for_url(full)


def test_a_spanish_embed_says_it_all_in_spanish_at_every_level(page, course: str,
                                                              site_url: str) -> None:
    """/es/embed/events/<id>/ under the three sandboxes: its origin line, its notice where
    links are dead and the one after a click where no window may open are Spanish, and its
    links lead to the Spanish page."""
    page.goto(f"{course}/event-es.html")
    full = f"{site_url}/es/events/{an_event()}/"
    for name in LEVELS:
        content = frame(page, name)
        assert content.locator("html").get_attribute("lang") == "es", name
        origin = content.locator(".origin")
        assert origin.inner_text().startswith("Publicado en Desclasificado: "), name
        expected = f"/es/events/{an_event()}/" if name == "sealed" else full
        assert origin.locator(".address").inner_text() == expected, name
    sealed = frame(page, "sealed").locator(".origin .notice")
    assert sealed.is_visible() and "Copie entonces la dirección de arriba" in sealed.inner_text()
    scripts = frame(page, "scripts")
    scripts.locator("h1 a").click()
    popup = scripts.locator(".popup-notice")
    popup.wait_for(state="visible")
    assert popup.inner_text().startswith("Este enlace no puede abrir una ventana nueva")
    assert popup.locator("[data-link]").inner_text() == full


def test_a_decade_page_shows_only_its_decade_without_a_script(page, course: str) -> None:
    events = collection().events.values()
    decade = sum(1 for e in events if e.date.year() is not None and 1960 <= e.date.year() <= 1969)
    asked = sum(1 for e in events if e.date.year() in (1961, 1962, 1963)
                and e.date.precision != "decade")
    page.goto(f"{course}/decade.html")
    sealed = frame(page, "sealed")
    years = sealed.locator(".entry:visible").evaluate_all(
        "entries => entries.map(e => Number(e.dataset.year))")
    assert len(years) == decade and all(1960 <= y <= 1969 for y in years)
    assert sealed.locator(".range").inner_text() == "Only the years 1960 to 1969."
    assert sealed.locator(".origin .notice").is_visible()  # says the ?from=&to= is not applied
    for name in ("open", "scripts"):
        content = frame(page, name)
        content.wait_for_selector(".range:has-text('from 1961 to 1963')")
        assert content.locator(".entry:visible").count() == asked


def test_a_range_across_decades_is_shown_without_a_script(page, course: str) -> None:
    """`#years-1968-1973` on the whole timeline: with no script, only those years, and a
    line saying they are the years asked and the only ones shown; with scripts, the same
    years from ?from=&to=. The frame below the page's first screen scrolls nothing."""
    first, last = ACROSS
    events = collection().events.values()
    asked = sum(1 for e in events if e.date.year() is not None and first <= e.date.year() <= last
                and e.date.precision != "decade")
    page.goto(f"{course}/across.html")
    sealed = frame(page, "sealed")
    years = sealed.locator(".entry:visible").evaluate_all(
        "entries => entries.map(e => Number(e.dataset.year))")
    assert len(years) == asked and all(first <= y <= last for y in years)
    assert sealed.locator(".asked-lines").inner_text() == (
        f"The years asked for in this page's address, and the only ones shown: {first}–{last}")
    assert sealed.locator(".origin .address").is_visible()  # the frame stays at its top
    assert sealed.evaluate("scrollY") == 0 and page.evaluate("scrollY") == 0
    for name in ("open", "scripts"):
        content = frame(page, name)
        content.wait_for_selector(f".range:has-text('from {first} to {last}')")
        assert content.locator(".entry:visible").count() == asked
        assert content.locator(".asked-lines").is_hidden()  # the script's own line instead


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_guides_script_keeps_the_height_bounded(request, course: str, device: str) -> None:
    host = request.getfixturevalue(device)
    host.goto(f"{course}/grow.html")
    host.wait_for_function("['open', 'scripts'].every(id => "
                           "document.getElementById(id).style.height !== '')")
    host.wait_for_timeout(300)  # the last reports, once the page has loaded
    most = host.evaluate("Math.max(240, Math.round(innerHeight * 0.8))")
    for name in ("open", "scripts"):
        height = host.locator(f"#{name}").evaluate("f => f.clientHeight")  # inside its border
        assert 80 <= height <= min(most, MOST), (device, name, height)
        content = frame(host, name)
        inside = content.evaluate("[document.documentElement.scrollHeight, innerHeight]")
        assert inside[0] > inside[1]  # the rest scrolls inside the frame
    assert host.locator("#sealed").evaluate("f => f.style.height") == ""


def test_the_reported_height_is_capped(page, course: str) -> None:
    """A host that applies the reported height as it is (the guide's old script) stays bounded."""
    page.goto(f"{course}/grow.html")
    page.evaluate("window.reports = []; addEventListener('message', e => reports.push(e.data))")
    page.evaluate("document.querySelectorAll('iframe').forEach(f => f.src = f.src)")
    page.wait_for_function("reports.length >= 2")
    for data in page.evaluate("reports"):
        assert data["height"] == min(data["contentHeight"], MOST)
        assert data["contentHeight"] > MOST  # three years of the timeline are long


def test_the_embed_control_gives_a_page_that_needs_no_script(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    tool = page.locator("details.embed-tool")
    tool.locator("summary").click()
    for first, last, slug, shown in (
            ("1961", "1963", "1960-1969/", "the years 1961 to 1963"),
            ("1958", "1962", "", "the years 1958 to 1962"),  # across decades: the whole list's
            ("1960", "1969", "1960-1969/", "the years 1960 to 1969"),  # the decade's page itself
            ("1957", "1963", "", "every year"),  # seven years across decades: too long
            ("1947", "1980", "", "every year")):
        tool.locator("input[name=from]").fill(first)
        tool.locator("input[name=to]").fill(last)
        code = tool.locator("textarea").input_value()
        years = "" if shown in ("every year", "the years 1960 to 1969") else f"#years-{first}-{last}"
        assert (f'src="{site_url}/embed/timeline/{slug}?from={first}&amp;to={last}{years}"'
                in code)
        assert tool.locator(".range-note").inner_text() == (
            f"Where the frame cannot run scripts, it shows {shown}.")

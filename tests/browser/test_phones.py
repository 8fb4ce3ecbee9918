"""A 360 x 800 phone: targets big enough to tap (WCAG 2.2, 2.5.8 Target Size (Minimum)), the
timeline's first events on the first screen, the chart's table inside the page's width, and
the results brought on screen after a filter.

What the target test measures, and what it exempts: every visible `a[href]`, `button`,
`input`, `select`, `textarea` and `summary` (SVG links too) of a sample of page kinds, with
every `<details>` opened so that what a reader can open is measured as well. A target passes
when its box is at least 24 x 24 CSS px. A smaller one passes by the success criterion's
exceptions, as follows:

- Spacing: a 24 px circle centred on its box intersects no other target's box, nor the circle
  of another undersized target.
- Inline: an HTML link laid out inline (`display: inline`) in running text, that is, whose block
  holds words (two letters or more) that are not in a target. A list of links separated by
  commas (the countries of an event) has no such words and is measured. Footnote markers
  (`sup.cite`) are never exempt: they are not words of the sentence, and come in rows.
- Equivalent: a bar of the overview chart (`.chart-svg a`: 24 px wide only on a screen of 34
  years times 24 px) or a country of a map (`.map-svg a`: Barbados is 5 px) passes when a link
  to the same address elsewhere on the page passes (the year or the country in the figure's
  table, the jump list, the list of countries).
"""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 800}

PAGES = {
    "home": "",
    "timeline": "timeline/",
    "event": "events/1951-arbenz-takes-over-in-guatemala/",
    "document": "documents/176-10036-10058/",
    "country": "countries/pe/",
    "es event": "es/events/1963-04-11-mir-four-fronts/",
}

#: Every target's measure and verdict, in the page (see the module's docstring).
MEASURE = r"""() => {
  const TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  const MIN = 24;
  const visible = (el) => el.checkVisibility({ visibilityProperty: true })
    && el.getClientRects().length > 0 && !el.closest(".visually-hidden");
  const box = (el) => {
    let r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.right <= 0) { el.focus(); r = el.getBoundingClientRect(); el.blur(); }
    return { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height };
  };
  const blockOf = (el) => {
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    return block;
  };
  const inSentence = (el) => {
    if (el instanceof SVGElement || el.closest("sup.cite")
        || getComputedStyle(el).display !== "inline") { return false; }
    const block = blockOf(el);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(TARGETS) && /\p{L}{2,}/u.test(node.data)) { return true; }
    }
    return false;
  };
  const targets = [...document.querySelectorAll(TARGETS)].filter(visible).map((el) => ({
    el, box: box(el),
    href: el.hasAttribute("href") ? new URL(el.getAttribute("href"), document.baseURI).href : null,
  }));
  const big = (t) => t.box.width >= MIN - 0.01 && t.box.height >= MIN - 0.01;
  const centre = (t) => [t.box.left + t.box.width / 2, t.box.top + t.box.height / 2];
  const hitsBox = ([x, y], b) => {
    const dx = Math.max(b.left - x, 0, x - (b.left + b.width));
    const dy = Math.max(b.top - y, 0, y - (b.top + b.height));
    return dx * dx + dy * dy < (MIN / 2) * (MIN / 2);
  };
  const small = targets.filter((t) => !big(t));
  const spaced = (t) => {
    const c = centre(t);
    return targets.every((o) => o === t || !hitsBox(c, o.box)) && small.every((o) => {
      if (o === t) { return true; }
      const [x, y] = centre(o);
      return (x - c[0]) ** 2 + (y - c[1]) ** 2 >= MIN * MIN;
    });
  };
  const passingHrefs = new Set(targets.filter(big).map((t) => t.href).filter(Boolean));
  const describe = (t) => {
    const el = t.el;
    const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim();
    const cls = el.getAttribute("class") || "";
    return `${el.tagName.toLowerCase()}${cls ? "." + cls.split(" ").join(".") : ""} in `
      + `${el.parentElement.tagName.toLowerCase()}.${blockOf(el).getAttribute("class") || "?"} `
      + `"${name.slice(0, 40)}" ${t.box.width.toFixed(1)}x${t.box.height.toFixed(1)}`;
  };
  const counts = { targets: targets.length, big: 0, spaced: 0, inline: 0, equivalent: 0 };
  const failures = [];
  for (const t of targets) {
    if (big(t)) { counts.big += 1; }
    else if (spaced(t)) { counts.spaced += 1; }
    else if (inSentence(t.el)) { counts.inline += 1; }
    else if (t.el.closest(".chart-svg, .map-svg") && passingHrefs.has(t.href)) {
      counts.equivalent += 1;
    }
    else { failures.push(describe(t)); }
  }
  return { counts, failures };
}"""


def open_everything(page) -> None:
    """Open every disclosure of the page (menus, folds, tools, the chart's table)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.fixture
def phone800(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_target_is_big_enough_to_tap(phone800, site_url: str, name: str) -> None:
    phone800.goto(f"{site_url}/{PAGES[name]}")
    open_everything(phone800)
    found = phone800.evaluate(MEASURE)
    assert found["counts"]["targets"] > 10, found["counts"]
    assert found["failures"] == [], f"{len(found['failures'])} of {found['counts']}"


def test_the_measure_fails_small_crowded_targets(phone800, site_url: str) -> None:
    """The measure itself: two 12 px links side by side, outside any sentence, fail; two
    small links side by side in a sentence are exempt; a lone 12 px button far from the rest
    passes by its spacing."""
    phone800.goto(f"{site_url}/timeline/")
    phone800.evaluate("""() => {
      const box = document.createElement('div');
      box.innerHTML = '<p id="t-row"><a href="#a" style="display:inline-block;width:12px;'
        + 'height:12px">1</a><a href="#b" style="display:inline-block;width:12px;height:12px">'
        + '2</a></p><p id="t-prose">Words around <a href="#c">x</a> <a href="#d">y</a> in a '
        + 'sentence.</p>'
        + '<p style="margin:80px"><button id="t-lone" style="width:12px;height:12px;'
        + 'padding:0;min-height:0"></button></p>';
      document.querySelector('main').prepend(box);
    }""")
    failures = phone800.evaluate(MEASURE)["failures"]
    assert [f for f in failures if '"1"' in f or '"2"' in f], failures
    assert not [f for f in failures if '"x"' in f or '"y"' in f or "button" in f], failures


def test_the_timeline_shows_its_first_events_on_the_first_screen(phone800,
                                                                 site_url: str) -> None:
    for url in ("timeline/", "es/timeline/"):
        phone800.goto(f"{site_url}/{url}")
        header = phone800.locator(".site-header").bounding_box()
        assert header["height"] <= 80, url
        first = phone800.locator(".timeline .entry-title").first.bounding_box()
        assert first["y"] + first["height"] <= PHONE["height"], (url, first)
        # the folds are closed, and their summaries open them
        for fold in (".chart-fold", ".explore-fold", ".jump .fold", ".menu"):
            assert not phone800.locator(fold).evaluate("d => d.open"), fold
        phone800.locator(".menu > summary").click()
        assert phone800.locator(".site-nav a").first.is_visible()
        # search is a link to the search page of the page's language
        search = phone800.locator(".search-link")
        language = "es/" if url.startswith("es/") else ""
        address = search.evaluate("a => a.href")
        assert search.is_visible() and address == f"{site_url}/{language}search.html", address


def test_the_folds_are_open_on_a_wide_screen(page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    for shown in (".chart-svg", ".explore-form", ".jump ul", ".site-nav ul", ".search-form"):
        assert page.locator(shown).first.is_visible(), shown
    for summary in (".chart-fold > summary", ".explore-fold > summary", ".menu > summary"):
        assert not page.locator(summary).is_visible(), summary
    assert not page.locator(".search-link").is_visible()


def test_a_filter_brings_the_results_on_screen(phone800, site_url: str) -> None:
    phone800.goto(f"{site_url}/timeline/")
    phone800.locator(".explore-fold > summary").click()
    phone800.locator("#filter-to").focus()
    phone800.select_option("#filter-to", "1950")
    status = phone800.locator(".explore-status")
    assert status.get_attribute("aria-live") == "polite"
    box = status.bounding_box()
    assert 0 <= box["y"] <= 40, box
    shown = phone800.locator(".timeline .entry:not([hidden]) .entry-title").first.bounding_box()
    assert shown["y"] + shown["height"] <= PHONE["height"], shown
    assert phone800.evaluate("document.activeElement.id") == "filter-to"


def test_the_chart_table_scrolls_inside_its_own_box(phone800, site_url: str) -> None:
    for url in ("timeline/", "es/timeline/", ""):
        phone800.goto(f"{site_url}/{url}")
        open_everything(phone800)
        assert phone800.locator(".chart-data table").first.is_visible()
        width = phone800.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], (url, width)


#: The commas of the lists of links (an event's countries, actors and themes, an entry's
#: countries) that begin a line: a comma belongs at the end of the line of its link.
LEADING_COMMAS = r"""() => {
  const found = [];
  for (const list of document.querySelectorAll(".facts dd, .entry-meta")) {
    const left = list.getBoundingClientRect().left;
    const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(",");
      if (at < 0 || node.parentElement.closest("a")) { continue; }
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.left - left < 2) { found.push(list.textContent.trim()); }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", [360, 390])
def test_no_comma_of_a_list_of_links_begins_a_line(browser, site_url: str, width: int) -> None:
    """A long Spanish name ("Movimiento de Izquierda Revolucionaria (Perú)") fills a line of
    a phone: its comma stays after it, not at the start of the next line."""
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True)
    page = context.new_page()
    try:
        for url in ("es/events/1963-04-11-castro-trotskyite-dispute/", "es/timeline/",
                    "events/1963-04-11-castro-trotskyite-dispute/"):
            page.goto(f"{site_url}/{url}")
            assert page.locator(".facts dd, .entry-meta").count() > 0, url
            assert page.evaluate(LEADING_COMMAS) == [], (width, url)
    finally:
        context.close()

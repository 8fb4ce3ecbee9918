"""The 404 pages in Chromium: a host that serves only /404.html for every missing address (as
GitHub Pages does) shows the English page; under /es/ its script shows the Spanish notice,
in Spanish, leading to /es/404.html, whose words and links are Spanish. Playwright answers
the missing addresses with the built 404 page, as such a host would."""

from __future__ import annotations

from pathlib import Path


def _served_as_missing(page, site: Path, name: str = "404.html") -> None:
    """Every address under /missing/ or /es/missing/ answered with `name`, status 404."""
    body = (site / name).read_bytes()
    page.route("**/missing/**", lambda route: route.fulfill(
        status=404, body=body, content_type="text/html; charset=utf-8"))


def test_the_english_404_shows_the_spanish_notice_under_es(page, site_url: str,
                                                           built_site: Path) -> None:
    _served_as_missing(page, built_site)
    page.goto(f"{site_url}/es/missing/page/")
    notice = page.locator("p.language-hint[lang='es']")
    notice.wait_for(state="visible")
    assert notice.inner_text().startswith("Esta dirección corresponde a la edición en español")
    notice.locator("a").first.click()
    page.wait_for_url(f"{site_url}/es/404.html")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Página no encontrada"
    page.locator("main .prose a").first.click()
    page.wait_for_url(f"{site_url}/es/")


def test_the_notice_stays_hidden_outside_es(page, site_url: str, built_site: Path) -> None:
    _served_as_missing(page, built_site)
    page.goto(f"{site_url}/missing/page/")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("p.language-hint").count() == 1
    assert not page.locator("p.language-hint").is_visible()

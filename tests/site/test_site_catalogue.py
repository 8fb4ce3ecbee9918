"""An incomplete catalogue stops the build: a message without its Spanish (an empty
`msgstr`, a fuzzy one, a msgid of messages.pot missing from the `.po`) would show English
words on Spanish pages, so `build.py` refuses to publish and names each entry to translate
(`publish/plugin.py`, `_complete_catalogue`). The catalogues are copied and spoiled in a
temporary folder; the repository's own are left alone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desclasificado.render import i18n
from desclasificado.render.i18n_catalog import _read, _write
from tests.sitekit import SiteProject


def _clear_caches() -> None:
    i18n.language.cache_clear()
    i18n.script_messages.cache_clear()
    i18n._script_msgids.cache_clear()


@pytest.fixture
def locales(tmp_path: Path) -> Iterator[Path]:
    """A copy of the catalogues that the build reads instead of the repository's."""
    root = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "LOCALES", root)
        _clear_caches()
        yield root
    _clear_caches()


def _spoil(locales: Path, *, empty: str = "", fuzzy: str = "", drop: str = "") -> None:
    path = i18n.catalogue_path("es", locales)
    catalog = _read(path, "es")
    if empty:
        catalog.get(empty).string = ""
    if fuzzy:
        catalog.get(fuzzy).flags.add("fuzzy")
    if drop:
        catalog.delete(drop)
    _write(path, catalog)


def _build(tmp_path: Path) -> tuple[int, list[str], Path]:
    project = SiteProject(tmp_path / "project")
    code, lines = project.build()
    return code, lines, project.root / "site"


def test_a_complete_catalogue_builds(locales: Path, tmp_path: Path) -> None:
    code, lines, site = _build(tmp_path)
    assert code == 0, lines
    assert (site / "es" / "index.html").exists()


@pytest.mark.parametrize(("spoilt", "said"), [
    ({"empty": "Sources"}, "'Sources' is not translated"),
    ({"fuzzy": "Timeline"}, "'Timeline' is not translated (fuzzy)"),
    ({"drop": "Search"}, "no entry for 'Search'"),
])
def test_an_incomplete_catalogue_fails_the_build(locales: Path, tmp_path: Path,
                                                 spoilt: dict[str, str], said: str) -> None:
    _spoil(locales, **spoilt)
    code, lines, site = _build(tmp_path)
    assert code != 0
    printed = "\n".join(lines)
    assert said in printed, printed
    assert "error: the catalogue of 'es' is incomplete" in printed
    assert not (site / "es" / "index.html").exists()

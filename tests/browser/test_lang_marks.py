"""The repository's own site, as built for the browser tests (no browser needed here): on
every page under /es/, the English that is not translated (document titles, transcripts,
identification data, citations, notes, untranslated titles) is marked `lang="en"`, and
every quote carries its document's language (`tests/langmarks.py`; the small build of
tests/site/test_site_lang_marks.py shows a Spanish quote and the checker failing)."""

from __future__ import annotations

from pathlib import Path

from desclasificado.check.project import check_project
from desclasificado.render.i18n import site_languages
from tests.conftest import REPO
from tests.langmarks import unmarked_english
from tests.leftovers import english_leftovers


def test_no_page_of_another_language_shows_english_unmarked(built_site: Path) -> None:
    collection = check_project(REPO, verify_quotes=False).collection
    others = site_languages("en")[1:]
    assert others  # Spanish, today
    for code in others:
        problems, pages = unmarked_english(built_site, collection, code)
        assert pages > len(collection.documents) + len(collection.events)
        assert problems[:20] == [], f"{len(problems)} problems"


def test_no_page_of_another_language_shows_the_interface_in_english(built_site: Path) -> None:
    """No message of the catalogue is left in English on the repository's pages under /es/
    (`tests/leftovers.py`: the words of the English msgids, outside `lang="en"`)."""
    for code in site_languages("en")[1:]:
        found, pages = english_leftovers(built_site, code)
        assert pages > 100
        assert found[:20] == [], f"{len(found)} leftovers"

"""The field reference is generated from the models: every field, type and date form is in it."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from pydantic import BaseModel, Field

from desclasificado.archives.jfk.model import JfkDocument, Release
from desclasificado.contribute import reference
from desclasificado.contribute.reference import (
    DATE_FORMS,
    DATE_MISTAKES,
    SECTIONS,
    field_reference_markdown,
    type_words,
)
from desclasificado.records.dates import parse_date
from desclasificado.records.models import Document, Event, Record, Source
from tests.sitekit import SiteProject


def _all_record_models() -> set[type[BaseModel]]:
    """Every model of the program's records (not the tests' own kinds), except the base of the
    document models of the archive kinds, which has no fields."""
    found, todo = set(), [Record]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("desclasificado.") and sub is not Document:
                found.add(sub)
            todo.append(sub)
    return found


def _section_models() -> list[type[BaseModel]]:
    return [m for _, _, model, nested in SECTIONS for m in (model, *(n for _, n in nested))]


def test_every_record_model_has_a_section() -> None:
    assert _all_record_models() <= set(_section_models())


@pytest.mark.parametrize("model", _section_models(), ids=lambda m: m.__name__)
def test_every_field_is_listed_with_a_description(model: type[BaseModel]) -> None:
    text = field_reference_markdown()
    heading = next(line for line in text.splitlines()
                   if line.startswith("#") and (f" {model.__name__}:" in line or
                                                line.startswith(f"## {_heading(model)}: ")))
    section = text.split(heading, 1)[1].split("\n#", 1)[0]
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert f"| `{key}` | {'required' if info.is_required() else 'optional'} |" in section, key
        assert info.description, f"{model.__name__}.{name} needs Field(description=...)"
        if not type_words(info).startswith("list of ") or "(see" not in type_words(info):
            assert info.examples, f"{model.__name__}.{name} needs Field(examples=[...])"
            assert f"`{key}: " in section


def _heading(model: type[BaseModel]) -> str:
    return next((heading for heading, _, m, _ in SECTIONS if m is model), "")


def test_a_field_added_to_a_model_appears_without_touching_the_reference(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Theme2(Record):
        """A theme with one more field."""

        title: str = Field(description="The title.", examples=["x"])
        colour: str | None = Field(None, description="A colour for the timeline.",
                                   examples=["red"])

    monkeypatch.setattr(reference, "SECTIONS", (("Themes", "themes/<id>.yaml", Theme2, ()),))
    text = field_reference_markdown()
    assert ('| `colour` | optional | text | A colour for the timeline. | `colour: "red"` |'
            in text.splitlines())


@pytest.mark.parametrize(("model", "field", "words"), [
    (Event, "date", "date (see [Dates](#dates))"),
    (Event, "title", "text, at most 120 characters"),
    (Event, "countries", "list of two-letter country codes, at least one"),
    (Event, "sources", "list of Source entries (see Source), at least one"),
    (Event, "actors", "list of ids"),
    (Source, "pages", 'page list: "3", "3-4" or "2, 5"'),
    (JfkDocument, "pages", "whole number, at least 1"),
    (JfkDocument, "date", "date (see [Dates](#dates))"),
    (Release, "pdf", "https:// address"),
])
def test_types_in_words(model: type[BaseModel], field: str, words: str) -> None:
    assert type_words(model.model_fields[field]) == words


def test_date_forms_are_shown_as_the_site_shows_them() -> None:
    lines = field_reference_markdown().splitlines()
    for text, means in DATE_FORMS:
        assert f'| `"{text}"` | {means} | {parse_date(text).display()} |' in lines
    assert "| `11/4/1963` | '11/4/1963' is ambiguous: write it year first, as \"1963-04-11\" " \
           "(11 April) or \"1963-11-04\" (4 November) |" in lines


def test_the_date_forms_of_format_md_are_all_there() -> None:
    from tests.conftest import REPO

    documented = re.findall(r'^\| `"([^`]+)"`', (REPO / "FORMAT.md").read_text(), re.MULTILINE)
    assert documented and set(documented) <= {text for text, _ in DATE_FORMS}


def test_the_reference_renders_as_tables_with_one_row_per_field() -> None:
    html = markdown.markdown(field_reference_markdown(), extensions=["tables"])
    fields = sum(len(m.model_fields) for m in _section_models())
    rows = re.findall(r"<tr>\s*<td><code>.*?</tr>", html, re.DOTALL)
    assert len(rows) == fields + len(DATE_FORMS) + len(DATE_MISTAKES)
    assert all(row.count("<td") == 5 for row in rows[:fields])
    assert "<id>" not in html and "[^N]" not in html.replace("<code>[^N]</code>", "")


# The reference on the site: generated at build time by `<!-- desclasificado:reference -->`.

@pytest.fixture
def site(tmp_path: Path) -> SiteProject:
    return SiteProject(tmp_path / "project")


def _reference_rows(project: SiteProject) -> dict[str, list[list[str]]]:
    """The built reference page: the rows of each table, by the heading above it."""
    page = project.page("reference/")
    assert page.find("h1").words() == "Field reference"
    rows: dict[str, list[list[str]]] = {}
    heading = ""
    for element in page.find("div", class_="reference").children:
        if element.tag in ("h2", "h3"):
            heading = element.words()
        elif element.tag == "table":
            rows.setdefault(heading, []).extend(
                [cell.words() for cell in tr.find_all("td")]
                for tr in element.find_all("tr") if tr.find_all("td"))
    return rows


def test_the_site_lists_every_field_of_every_model(site: SiteProject) -> None:
    assert site.build()[0] == 0
    tables = _reference_rows(site)
    for model in _section_models():
        heading = next(h for h in tables if h.startswith(f"{model.__name__}:")
                       or h.startswith(f"{_heading(model)}: "))
        shown = {row[0]: row for row in tables[heading]}
        for name, info in model.model_fields.items():
            key = info.alias or name
            assert key in shown, (model.__name__, key)
            assert shown[key][1] == ("required" if info.is_required() else "optional")
            assert shown[key][3] == " ".join((info.description or "").split())
    assert [row[0] for row in tables["Dates"]] == [f'"{text}"' for text, _ in DATE_FORMS] + list(
        DATE_MISTAKES)
    page = site.page("reference/")
    assert page.find("a", href="#dates") and page.by_id("dates").tag == "h2"
    nav = page.find("nav", class_="site-nav")
    assert {"Contribute", "Field reference"} <= {a.words() for a in nav.find_all("a")}


def test_the_site_reference_follows_the_models(site: SiteProject,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Change a field's description in the model and the next build shows the new text:
    the page is never written by hand, so it cannot drift."""
    assert site.build()[0] == 0
    old = " ".join((Event.model_fields["title"].description or "").split())
    assert _reference_rows(site)["Events: events/<id>.yaml"][2][3] == old

    monkeypatch.setattr(Event.model_fields["title"], "description",
                        "A changed description, <b>with markup</b> shown as text.")
    monkeypatch.setattr(Source.model_fields["note"], "examples",
                        ["</code><script>alert(1)</script>"])
    assert site.build()[0] == 0
    tables = _reference_rows(site)
    assert tables["Events: events/<id>.yaml"][2][3] == \
        "A changed description, <b>with markup</b> shown as text."
    note = next(row for row in tables["Source: each entry of sources"] if row[0] == "note")
    assert note[4] == 'note: "</code><script>alert(1)</script>"'
    page = site.page("reference/")
    assert not page.find_all("script") and not page.find_all("b")


def test_the_contribute_page_links_to_the_guide_and_the_reference(site: SiteProject) -> None:
    assert site.build()[0] == 0
    links = site.page("contribute/").find("main").links()
    assert "../reference/" in links
    assert "guide/" in links
    guide = site.page("contribute/guide/")
    assert guide.find("h1").text == "Contributing to Desclasificado"
    assert "python build.py new event" in guide.find("main").text

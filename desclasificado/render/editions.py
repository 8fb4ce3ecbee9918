"""Citations of a document printed in a documentary edition: a FRUS volume.

Historians cite a FRUS document by the document, then the volume as a book, then the
document's number, as the Chicago Manual's pattern for a document in a published
collection has it:

    “Title,” September 16, 1973, in *Foreign Relations of the United States, 1969–1976*,
    vol. E–16, *Documents on Chile, 1969–1973*, ed. James McElveen and James Siekmeier
    (Washington, 2015), doc. 145, https://history.state.gov/...

Every part comes from the volume's TEI (`archives/frus/volumes.py`): a volume with no
publisher is cited without one, never with a guessed one. APA 7 cites it as a work in an
edited book (with its printed pages), MLA 9 as a work in a container.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from desclasificado.archives.base import EditedVolumeCitation
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.render.citations import (
    Styled,
    _Citable,
    _italic,
    _period,
    _quoted,
    _styled,
    bare_url,
)
from desclasificado.render.citedates import apa_date, mla_date, mla_day, us_date


def _names(names: tuple[str, ...], short: bool = False) -> str:
    """'A', 'A and B', 'A, B, and C'; `short`: four or more as 'A et al.' (Chicago notes)."""
    if short and len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def _initials(name: str) -> str:
    """'James McElveen' -> 'J. McElveen'; 'W. Taylor Fain III' -> 'W. T. Fain III'."""
    parts = name.split()
    suffix = [parts.pop()] if parts[-1] in ("Jr.", "Sr.", "II", "III", "IV") else []
    *given, family = parts
    return " ".join([*(f"{g[0]}." for g in given), family, *suffix])


def _apa_names(names: tuple[str, ...]) -> str:
    shown = [_initials(n) for n in names]
    if len(shown) <= 2:
        return " & ".join(shown)
    return ", ".join(shown[:-1]) + f", & {shown[-1]}"


@dataclass(frozen=True)
class EditedVolumeDocument(_Citable):
    """A document in an edited volume, with the facts its archive gives."""

    facts: EditedVolumeCitation
    accessed: datetime.date
    page: int | None = None      # the printed page a source cites
    page_url: str | None = None  # its address

    def cite(self, style: str) -> Styled:
        """The citation in a style; its words are English (not in the catalogue yet), so on
        a page in another language all of it is marked `lang="en"`."""
        return super().cite(style).in_language(ORIGINAL_LANGUAGE)

    def at_page(self, page: int, url: str) -> EditedVolumeDocument:
        """The citation of one printed page, linked at `url` (Chicago's note names it)."""
        return dataclasses.replace(self, page=page, page_url=url)

    def in_text(self, style: str) -> Styled | None:
        """The parenthetical citation of the page, naming the document by its title as its
        entry does: APA '(“Title,” 2003, p. 346)', MLA '(“Title” 346)'."""
        f = self.facts
        if self.page is None or style not in ("apa", "mla"):
            return None
        if style == "apa":
            year = str(f.year) if f.year else "n.d."
            text = _styled(f"({_quoted(f.title, ',')} {year}, p. {self.page})")
        else:
            text = _styled(f"({_quoted(f.title, '')} {self.page})")
        return text.in_language(ORIGINAL_LANGUAGE)

    def _book(self) -> list[str | tuple[str, bool]]:
        """*Series, 1969–1976*, vol. E–16, *Documents on Chile, 1969–1973*"""
        f = self.facts
        series = f"{f.series}, {f.subseries}" if f.subseries else f.series
        number = f", vol. {f.volume_number}" if f.volume_number else ""
        return [_italic(series), f"{number}, ", _italic(f.volume_title)]

    def _imprint(self) -> str:
        """'Washington: Publisher, 1996', 'Washington, 2015' or ''."""
        f = self.facts
        place = ": ".join(p for p in (f.place, f.publisher) if p)
        return ", ".join(p for p in (place, str(f.year) if f.year else "") if p)

    def _pages(self) -> str:
        f = self.facts
        if f.first_page is None:
            return ""
        if f.last_page is None or f.last_page == f.first_page:
            return f"p. {f.first_page}"
        return f"pp. {f.first_page}–{f.last_page}"

    def chicago_note(self) -> Styled:
        f = self.facts
        date = us_date(f.date) if f.date else "n.d."
        editors = f", ed. {_names(f.editors, short=True)}" if f.editors else ""
        imprint = f" ({self._imprint()})" if self._imprint() else ""
        page = f", p. {self.page}" if self.page is not None else ""
        return _styled(f"{_quoted(f.title, ',')} {date}, in ", *self._book(),
                       f"{editors}{imprint}, doc. {f.number}{page}, {self.page_url or f.url}.")

    def chicago_bib(self) -> Styled:
        f = self.facts
        date = _period(us_date(f.date)) if f.date else "N.d."
        editors = f", edited by {_names(f.editors)}" if f.editors else ""
        imprint = f" {_period(self._imprint())}" if self._imprint() else ""
        return _styled(f"{_quoted(f.title, '.')} {date} In ", *self._book(),
                       f"{editors}, doc. {f.number}.{imprint} {_period(f.url)}")

    def apa(self) -> Styled:
        f = self.facts
        year = f"({f.year})." if f.year else "(n.d.)."
        editors = (f"In {_apa_names(f.editors)} ({'Ed.' if len(f.editors) == 1 else 'Eds.'}), "
                   if f.editors else "In ")
        where = ", ".join(p for p in (f"Document {f.number}", self._pages()) if p)
        publisher = f" {_period(f.publisher)}" if f.publisher else ""
        dated = f" [{apa_date(f.date).strip('()')}]" if f.date else ""
        return _styled(f"{f.title}{dated}. {year} {editors}", *self._book(),
                       f" ({where}).{publisher} {f.url}")

    def mla(self) -> Styled:
        f = self.facts
        date = f" {_period(mla_date(f.date))}" if f.date else ""
        editors = (f", edited by {f.editors[0]} et al." if len(f.editors) >= 3 else
                   f", edited by {_names(f.editors)}" if f.editors else "")
        tail = ", ".join(p for p in (f.publisher or "", str(f.year) if f.year else "",
                                     f"doc. {f.number}", self._pages(), bare_url(f.url)) if p)
        return _styled(f"{_quoted(f.title, '.')}{date} ", *self._book(),
                       f"{editors}, {tail}. Accessed {mla_day(self.accessed)}.")

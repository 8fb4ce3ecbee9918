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

The words of the forms ("in", "ed.", "edited by", "vol.", "doc.", "Accessed") are messages
of the catalogue and the editors' names are joined as the page's language joins a list
(CLDR, through Babel), so a Spanish page cites as the Chicago-Deusto manual and the Spanish
APA and MLA do: «Título», 16 de septiembre de 1973, en *Foreign Relations...*, ed. de A y
B... The titles, the names and the numbers stay as the volume prints them; the English
titles (the document's, the series', the volume's) are marked `lang="en"` on a page in
another language.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from babel.lists import format_list

from desclasificado.archives.base import EditedVolumeCitation
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.render.citations import (
    Part,
    Styled,
    _capitalized,
    _Citable,
    _ends_sentence,
    _period,
    _styled,
    accessed_day,
    bare_url,
    foreign,
    quoted_parts,
)
from desclasificado.render.citedates import cited_date
from desclasificado.render.i18n import _, current, n_


def fill(pattern: str, **values: Part | list[Part]) -> list[Part]:
    """A message's parts: its words as plain text, each `{name}` replaced by its value (a
    part or a list of parts: italic or foreign runs survive the translation)."""
    parts: list[Part] = []
    for piece in re.split(r"(\{\w+\})", pattern):
        value = values.get(piece[1:-1]) if piece.startswith("{") else None
        if value is None:
            parts.append(piece)
        else:
            parts.extend(value if isinstance(value, list) else [value])
    return parts


def _names(names: tuple[str, ...], short: bool = False) -> str:
    """'A', 'A and B', 'A, B, and C' as the page's language joins them ('A, B y C');
    `short`: four or more as 'A et al.' (Chicago notes)."""
    if short and len(names) >= 4:
        return f"{names[0]} et al."
    return format_list(list(names), locale=current().locale)


def _initials(name: str) -> str:
    """'James McElveen' -> 'J. McElveen'; 'W. Taylor Fain III' -> 'W. T. Fain III'."""
    parts = name.split()
    suffix = [parts.pop()] if parts[-1] in ("Jr.", "Sr.", "II", "III", "IV") else []
    *given, family = parts
    return " ".join([*(f"{g[0]}." for g in given), family, *suffix])


def _apa_names(names: tuple[str, ...]) -> str:
    """APA's editors: 'J. McElveen & J. Siekmeier', 'A, B, & C' (Spanish: 'A, B y C')."""
    shown = [_initials(n) for n in names]
    if len(shown) == 1:
        return shown[0]
    if len(shown) == 2:
        # TRANSLATORS: two editors in an APA citation (Spanish APA: "{first} y {second}")
        return _("{first} & {second}").format(first=shown[0], second=shown[1])
    # TRANSLATORS: three or more editors in an APA citation (Spanish: "{names} y {last}")
    return _("{names}, & {last}").format(names=", ".join(shown[:-1]), last=shown[-1])


@dataclass(frozen=True)
class EditedVolumeDocument(_Citable):
    """A document in an edited volume, with the facts its archive gives."""

    facts: EditedVolumeCitation
    accessed: datetime.date
    page: int | None = None      # the printed page a source cites
    page_url: str | None = None  # its address

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
            year = str(f.year) if f.year else _("n.d.")
            return _styled("(", *self._title(","), f" {year}, {self._page(self.page)})")
        return _styled("(", *self._title(""), f" {self.page})")

    # --- the parts ----------------------------------------------------------------------

    def _title(self, mark: str) -> list[Part]:
        """The document's title in quotation marks, followed by `mark`, in English."""
        return quoted_parts(self.facts.title, mark, ORIGINAL_LANGUAGE)

    def _book(self) -> list[Part]:
        """*Series, 1969–1976*, vol. E–16, *Documents on Chile, 1969–1973*"""
        f = self.facts
        series = f"{f.series}, {f.subseries}" if f.subseries else f.series
        # TRANSLATORS: a volume's number in a citation ("vol. E–16")
        number = _("vol. {number}").format(number=f.volume_number) if f.volume_number else ""
        return [foreign(series, ORIGINAL_LANGUAGE, italic=True),
                f", {number}, " if number else ", ",
                foreign(f.volume_title, ORIGINAL_LANGUAGE, italic=True)]

    def _in_book(self, editors: str = "", capital: bool = False) -> list[Part]:
        """'in *Series*, vol. E–16, *Volume*' ('en' in Spanish), `editors` before the book;
        `capital`: 'In' (a new sentence)."""
        book = [f"{editors}, " if editors else "", *self._book()]
        # TRANSLATORS: the book a document is printed in: "in Foreign Relations..." ("en")
        pattern = _("in {book}")
        return fill(_capitalized(pattern) if capital else pattern, book=book)

    def _edited_by(self, names: str) -> str:
        # TRANSLATORS: a volume's editors in a bibliography or MLA entry ("editado por")
        return _("edited by {names}").format(names=names)

    def _imprint(self) -> str:
        """'Washington: Publisher, 1996', 'Washington, 2015' or ''."""
        f = self.facts
        place = ": ".join(p for p in (f.place, f.publisher) if p)
        return ", ".join(p for p in (place, str(f.year) if f.year else "") if p)

    def _number(self) -> str:
        # TRANSLATORS: a document's number in its volume, in a citation ("doc. 145")
        return _("doc. {number}").format(number=self.facts.number)

    @staticmethod
    def _page(page: int) -> str:
        # TRANSLATORS: a printed page in a citation ("p. 412")
        return _("p. {page}").format(page=page)

    def _pages(self) -> str:
        f = self.facts
        if f.first_page is None:
            return ""
        if f.last_page is None or f.last_page == f.first_page:
            return self._page(f.first_page)
        # TRANSLATORS: printed pages in a citation ("pp. 115–117")
        return _("pp. {first}\u2013{last}").format(first=f.first_page, last=f.last_page)

    # --- the forms ------------------------------------------------------------------------

    def chicago_note(self) -> Styled:
        f = self.facts
        # TRANSLATORS: a volume's editors in a Chicago note ("ed. de {names}")
        editors = (", " + _("ed. {names}").format(names=_names(f.editors, short=True))
                   if f.editors else "")
        imprint = f" ({self._imprint()})" if self._imprint() else ""
        page = f", {self._page(self.page)}" if self.page is not None else ""
        return _styled(*self._title(","), f" {cited_date(f.date, 'chicago')}, ",
                       *self._in_book(),
                       f"{editors}{imprint}, {self._number()}{page}, {self.page_url or f.url}.")

    def chicago_bib(self) -> Styled:
        f = self.facts
        date = _period(_capitalized(cited_date(f.date, "chicago")))
        editors = f", {self._edited_by(_names(f.editors))}" if f.editors else ""
        imprint = f" {_period(self._imprint())}" if self._imprint() else ""
        return _styled(*self._title("."), f" {date} ", *self._in_book(capital=True),
                       f"{editors}, {self._number()}.{imprint} {_period(f.url)}")

    def apa(self) -> Styled:
        f = self.facts
        year = f"({f.year})." if f.year else f"({_('n.d.')})."
        editors = ""
        if f.editors:
            # TRANSLATORS: the editors of a volume in APA: "{names} (Eds.)"
            editors = n_("{names} (Ed.)", "{names} (Eds.)", len(f.editors)).format(
                names=_apa_names(f.editors))
        # TRANSLATORS: a document's number in its volume, in APA ("Documento 19")
        where = ", ".join(p for p in (_("Document {number}").format(number=f.number),
                                      self._pages()) if p)
        publisher = f" {_period(f.publisher)}" if f.publisher else ""
        dated = f" [{cited_date(f.date, 'apa').strip('()')}]" if f.date else ""
        end = "" if not dated and _ends_sentence(f.title) else "."
        return _styled(foreign(f.title, ORIGINAL_LANGUAGE), f"{dated}{end} {year} ",
                       *self._in_book(editors, capital=True),
                       f" ({where}).{publisher} {f.url}")

    def mla(self) -> Styled:
        f = self.facts
        date = f" {_period(cited_date(f.date, 'mla'))}" if f.date else ""
        editors = (f", {self._edited_by(f'{f.editors[0]} et al.')}" if len(f.editors) >= 3
                   else f", {self._edited_by(_names(f.editors))}" if f.editors else "")
        tail = ", ".join(p for p in (f.publisher or "", str(f.year) if f.year else "",
                                     self._number(), self._pages(), bare_url(f.url)) if p)
        head, after = _("Accessed {date}.").split("{date}")
        return _styled(*self._title("."), f"{date} ", *self._book(),
                       f"{editors}, {tail}. {head}", accessed_day(self.accessed, "mla"), after)

"""Citations of an archival government document: a record held by an archive, cited by
its number (a JFK record at NARA), in the four forms of `citations.STYLES`.

The parts, as the style guides order them for unpublished government documents in an
archive (the Chicago Manual's manuscript-collection pattern, APA 7's archival documents,
MLA 9's archival sources): the agency as corporate author, spelled out
(`archives/agencies.yaml`); the kind of document with its sender and recipient; the title
in the style's case (`render/titlecase.py`), a supplied title ("[Subject: ...]") in
sentence case and without quotation marks; the date; the page cited (the cited release's
PDF page, in per-source citations); the record number and series; the release; the
collection; the archive and its place; the address of the PDF (at the page). The words
of the forms are messages of the catalogue, so a Spanish page cites in Spanish
("número de registro", "s. f.", «título»). The reference shapes are in the docstrings of
tests/render/test_citations_archival.py.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from functools import cached_property

from desclasificado.archives import archive_of
from desclasificado.archives.agencies import spelled_out
from desclasificado.archives.base import ArchivalCitation
from desclasificado.records.languages import ORIGINAL_LANGUAGE
from desclasificado.records.models import Document
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
from desclasificado.render.i18n import _, country_name
from desclasificado.render.titlecase import DEFAULT, Casing, is_supplied


def cited_name(name: str | None, casing: Casing = DEFAULT) -> str | None:
    """A sender or recipient as a citation names it: out of capitals, its agency spelled
    out ("DIRECTOR, FBI" -> "Director, Federal Bureau of Investigation")."""
    return spelled_out(casing.name(name)) if name else None


@dataclass(frozen=True)
class ArchivalDocument(_Citable):
    """An archival government document, with the facts its archive gives; `page` and
    `page_url` for the citation of one page of it."""

    facts: ArchivalCitation
    accessed: datetime.date
    casing: Casing = DEFAULT
    page: int | None = None
    page_url: str | None = None

    @classmethod
    def from_facts(cls, facts: ArchivalCitation, accessed: datetime.date,
                   casing: Casing = DEFAULT) -> ArchivalDocument:
        return cls(facts, accessed, casing)

    @classmethod
    def from_record(cls, doc: Document, accessed: datetime.date,
                    casing: Casing = DEFAULT) -> ArchivalDocument:
        """A JFK-style archival record, cited from what its archive says of it."""
        facts = archive_of(doc).citation(doc)
        assert isinstance(facts, ArchivalCitation)
        return cls(facts, accessed, casing)

    def at_page(self, page: int, url: str) -> ArchivalDocument:
        """The citation of one page, linked at `url`."""
        return dataclasses.replace(self, page=page, page_url=url)

    # --- the parts ----------------------------------------------------------------------

    @cached_property
    def supplied(self) -> bool:
        return is_supplied(self.facts.title)

    @cached_property
    def _bare_title(self) -> str:
        """The archive's title without the period that closes many form titles
        ("... UNDER HOUSE ARREST."): the style puts its own punctuation."""
        title = self.facts.title.strip()
        last = title.rsplit(" ", 1)[-1]
        return title[:-1] if title.endswith(".") and len(last) > 4 else title

    @cached_property
    def headline(self) -> str:
        """The title for Chicago and MLA: headline case (a supplied one: sentence case)."""
        title = self._bare_title
        return self.casing.sentence(title) if self.supplied else self.casing.title(title)

    @cached_property
    def sentence(self) -> str:
        return self.casing.sentence(self._bare_title)

    def _title(self, mark: str) -> list[Part]:
        """The title quoted (Chicago, MLA), a supplied one bare, followed by `mark`; in
        English (`lang="en"` on a page in another language)."""
        if self.supplied:
            return [foreign(self.headline, ORIGINAL_LANGUAGE), mark]
        return quoted_parts(self.headline, mark, ORIGINAL_LANGUAGE)

    @cached_property
    def descriptor(self) -> str:
        """'cable from JMWAVE to Director', 'memorandum', 'to Director, FBI' or ''; the
        kind is left out where the title says it."""
        f = self.facts
        kind = _(f.kind) if f.kind and not f.kind_in_title else ""
        sender, recipient = cited_name(f.sender, self.casing), cited_name(f.recipient, self.casing)
        names = {"kind": kind, "sender": sender, "recipient": recipient}
        pattern = {(True, True, True): _("{kind} from {sender} to {recipient}"),
                   (True, False, True): _("{kind} to {recipient}"),
                   (True, True, False): _("{kind} from {sender}"),
                   (True, False, False): "{kind}",
                   (False, True, True): _("{sender} to {recipient}"),
                   (False, False, True): _("to {recipient}"),
                   (False, True, False): _("from {sender}"),
                   (False, False, False): ""}[(bool(kind), bool(sender), bool(recipient))]
        if pattern and not pattern.startswith("{"):  # our own first word: "de JMWAVE a ..."
            pattern = pattern[0].lower() + pattern[1:]
        return pattern.format(**names)

    def _url(self) -> str:
        return self.page_url or self.facts.url

    def _page(self) -> str:
        # TRANSLATORS: the page cited, a page of the archive's PDF: "PDF p. 3"
        return _("PDF p. {page}").format(page=self.page) if self.page is not None else ""

    def _release(self) -> str:
        # TRANSLATORS: the archive's release whose PDF is cited: "2021 release"
        return _("{release} release").format(release=self.facts.release) if self.facts.release else ""

    def _number(self) -> str:
        return _("record number {number}").format(number=self.facts.record_number)

    def _series(self) -> str:
        series = self.casing.title(self.facts.series) if self.facts.series else None
        return _("record series {series}").format(series=series) if series else ""

    def _where(self, full: bool = False) -> str:
        """'National Archives and Records Administration, College Park, MD' (APA: with
        the country)."""
        place = self.facts.place
        if place is None:
            return self.facts.archive
        return f"{self.facts.archive}, {place.full(country_name) if full else place.short()}"

    # --- the forms ------------------------------------------------------------------------

    def chicago_note(self) -> Styled:
        """Author, descriptor, “Title,” date, page, record number, series, release,
        collection, archive, place, URL."""
        f = self.facts
        head = [p for p in (f.author or "", self.descriptor) if p]
        rest = [cited_date(f.date, "chicago"), self._page(), self._number(), self._series(),
                self._release(), f.collection or "", self._where(), self._url()]
        lead = ", ".join(head) + ", " if head else ""
        return _styled(lead, *self._title(","), f" {', '.join(p for p in rest if p)}.")

    def chicago_bib(self) -> Styled:
        """Author. Descriptor. “Title.” Date. Record number. Series. Release. Collection.
        Archive, place. URL."""
        f = self.facts
        head = [_period(f.author) if f.author else "",
                _period(_capitalized(self.descriptor)) if self.descriptor else ""]
        items = [_period(_capitalized(cited_date(f.date, "chicago"))),
                 _period(_capitalized(self._number())),
                 _period(_capitalized(self._series())) if f.series else "",
                 _period(_capitalized(self._release())) if f.release else "",
                 _period(f.collection) if f.collection else "", _period(self._where()),
                 _period(f.url)]
        lead = " ".join(p for p in head if p)
        return _styled(f"{lead} " if lead else "", *self._title("."),
                       " " + " ".join(p for p in items if p))

    def apa(self) -> Styled:
        """Author. (Date). *Title* [Descriptor]. Collection (Series, Record No., release).
        Archive, place. URL"""
        f = self.facts
        series = self.casing.title(f.series) if f.series else ""
        ids = [_("Record Series {series}").format(series=series) if series else "",
               _("Record No. {number}").format(number=f.record_number), self._release()]
        where = ", ".join(p for p in ids if p)
        collection = f"{f.collection} ({where})." if f.collection else f"({where})."
        described = f" [{_capitalized(self.descriptor)}]" if self.descriptor else ""
        title: list[Part] = [foreign(self.sentence, ORIGINAL_LANGUAGE, italic=not self.supplied)]
        title.append(described + ("" if _ends_sentence(self.sentence) and not described else "."))
        date = cited_date(f.date, "apa") + "."
        head: list[Part] = (
            [_period(f.author), " ", date, " ", *title] if f.author else [*title, " ", date])
        return _styled(*head, " ", collection, " ", _period(self._where(full=True)), " ",
                       f.url)

    def mla(self) -> Styled:
        """Author. “Title.” Descriptor, date. Collection, series, record no., release,
        archive, place, URL. Accessed day."""
        f = self.facts
        date = cited_date(f.date, "mla") if f.date else ""
        about = ", ".join(p for p in (_capitalized(self.descriptor), date) if p)
        where = [f.collection or "", self._series(),
                 _("record no. {number}").format(number=f.record_number), self._release(),
                 self._where(), bare_url(f.url)]
        container = _capitalized(", ".join(p for p in where if p)) + "."
        head, tail = _("Accessed {date}.").split("{date}")
        after = " ".join(p for p in (_period(about) if about else "", container) if p)
        return _styled(f"{_period(f.author)} " if f.author else "", *self._title("."),
                       f" {after} {head}", accessed_day(self.accessed, "mla"), tail)

    def in_text(self, style: str) -> Styled | None:
        """The parenthetical citation of the page, for APA and MLA: '(Central
        Intelligence Agency, 1963, PDF p. 3)', '(Central Intelligence Agency, PDF p. 3)'."""
        f = self.facts
        if style == "apa":
            year = str(f.date.year()) if f.date and f.date.year() else _("n.d.")
            parts = [year, self._page()]
        elif style == "mla":
            parts = [self._page()]
        else:
            return None
        who: Part = f.author or foreign(self.sentence, ORIGINAL_LANGUAGE)
        return _styled("(", who, "".join(f", {p}" for p in parts if p) + ")")

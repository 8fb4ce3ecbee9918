"""Ready-made citations of the site's pages and of the archive documents they cite.

Four forms, as teachers ask for them: Chicago notes-bibliography (17th edition: the note
and the bibliography entry), APA 7 and MLA 9. Two kinds of thing are cited:

- an archival government document (`ArchivalDocument`): its originator as author, title,
  date, record number, record series, collection, archive and the address of its PDF;
- a page of this site (`WebPage`): a web page with no author and no publication date,
  so every form carries the access date.

Every value comes from a record; nothing is filled in (no place for the archive, no
expansion of "CIA"). Document titles are kept as the archive gives them; the site's own
titles, written in sentence case, are put in headline case for Chicago and MLA
(`headline_case`). A citation is a `Styled` text: runs of plain and italic text, shown
as HTML or copied as plain text.

citeproc-py 0.11 with the official CSL styles was tried first: it put commas and periods
outside closing quotation marks and printed the title twice for pages without author,
so the forms are written out here and tested against hand-checked strings
(`tests/test_citations.py`). CSL-JSON and BibTeX (`bibliographic.py`) let reference
managers (Zotero, citeproc-js) format the documents in any other style.
"""

from __future__ import annotations

import datetime
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation
from desclasificado.records.dates import HistDate, parse_date
from desclasificado.records.models import Document
from desclasificado.render.i18n import N_

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")

#: The styles by key, with their names as the Cite control shows them (messages of the
#: catalogue, translated where they are shown).
STYLES = {
    "chicago-note": N_("Chicago, note"),
    "chicago-bibliography": N_("Chicago, bibliography"),
    "apa": "APA 7",
    "mla": "MLA 9",
}


def build_date(environ: dict[str, str] | None = None) -> datetime.date:
    """The day the site is built: `SOURCE_DATE_EPOCH` when set (reproducible builds),
    else today, in UTC. Citations give it as the access date."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()


# --- styled text -----------------------------------------------------------------------

@dataclass(frozen=True)
class Styled:
    """A citation: runs of text, each plain or in italics."""

    runs: tuple[tuple[str, bool], ...]

    def text(self) -> str:
        """As plain text (italics lost), for copying."""
        return "".join(text for text, _ in self.runs)

    def html(self) -> str:
        """As escaped HTML, italics in `<i>`."""
        return "".join(f"<i>{html.escape(t)}</i>" if italic else html.escape(t)
                       for t, italic in self.runs)


def _styled(*parts: str | tuple[str, bool]) -> Styled:
    """Join parts; a part is plain text or (text, italic). Adjacent runs merge."""
    runs: list[tuple[str, bool]] = []
    for part in parts:
        text, italic = (part, False) if isinstance(part, str) else part
        if not text:
            continue
        if runs and runs[-1][1] == italic:
            runs[-1] = (runs[-1][0] + text, italic)
        else:
            runs.append((text, italic))
    return Styled(tuple(runs))


def _italic(text: str) -> tuple[str, bool]:
    return (text, True)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!"))


def _period(text: str) -> str:
    """`text` closed with a period, unless it already ends with . ? or !"""
    return text if _ends_sentence(text) else f"{text}."


def _quoted(title: str, mark: str) -> str:
    """A title in curly quotes, American style: the comma or period goes inside, and
    is dropped after a title that ends with ? or ! (or with a period, for a period)."""
    if title.endswith(("?", "!")) or (mark == "." and title.endswith(".")):
        mark = ""
    return f"\u201c{title}{mark}\u201d"


def _capitalized(text: str) -> str:
    """The first letter in upper case, the rest as it is."""
    return text[:1].upper() + text[1:]


# --- headline case -----------------------------------------------------------------------

# Lower-case words of headline-style titles (Chicago 8.159, MLA 9 2.90): articles,
# coordinating conjunctions, prepositions, "to" and "as", and the Spanish particles of
# Latin American names; the list is that of the CSL processors (citeproc-js).
MINOR_WORDS = frozenset("""
a an the and but or nor for so yet as at by down from in into like near of off on onto
out over past per plus till to up upon via vs with within without about above across
after against along among around before behind below beneath beside between beyond during
except inside outside since through toward towards under underneath until unto versus de
del la las los y
""".split())
_WORD = re.compile(r"[^\s]+")
_PART = re.compile(r"^([^\w]*)(\w)(.*)$")
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")


def _cap_word(word: str) -> str:
    """Capitalize a word written all in lower case (each part of a hyphenated one)."""
    return "-".join(_cap_part(part) for part in word.split("-"))


def _cap_part(part: str) -> str:
    match = _PART.match(part)
    if not match:
        return part
    lead, first, rest = match.groups()
    if not first.islower() or any(c.isupper() for c in rest):
        return part  # iPhone, McNamara, 1960s: leave as written
    return f"{lead}{first.upper()}{rest}"


def headline_case(title: str) -> str:
    """A sentence-case title in headline style: 'CIA source names Paris as the hub of the
    network' -> 'CIA Source Names Paris as the Hub of the Network'. Words with a capital
    letter (names, acronyms) are kept; minor words stay in lower case except first, last
    and after a colon."""
    words = list(_WORD.finditer(title))
    out, at = [], 0
    for i, match in enumerate(words):
        word = match.group(0)
        out.append(title[at:match.start()])
        at = match.end()
        bare = _EDGES.sub("", word).lower()
        starts = i == 0 or words[i - 1].group(0).endswith((":", "\u2014", "?", "!"))
        last = i == len(words) - 1
        if bare in MINOR_WORDS and not starts and not last:
            out.append(word)
        else:
            out.append(_cap_word(word))
    out.append(title[at:])
    return "".join(out)


# --- dates --------------------------------------------------------------------------------

def interval_sides(date: HistDate) -> tuple[HistDate | None, HistDate | None]:
    """The two sides of an interval (None: open), or the date twice."""
    if not date.is_interval:
        return date, date
    left, right = date.text.split("/", 1)
    return (None if left in ("", "..") else parse_date(left),
            None if right in ("", "..") else parse_date(right))


def _qualify(date: HistDate, words: str) -> str:
    """Add 'ca.' for an approximate date and '?' for an uncertain one."""
    if date.approximate:
        words = f"ca. {words}"
    return f"{words}?" if date.uncertain else words


def _styled_date(date: HistDate, single: Callable[[HistDate], str],
                 pair: Callable[[HistDate, HistDate], str]) -> str:
    """A date in one style, given the style's single date and closed range; an open
    interval is shown as written."""
    if date.is_interval:
        left, right = interval_sides(date)
        if left is None or right is None:
            return date.display()
        return _qualify(date, pair(left, right))
    return _qualify(date, single(date))


def _day_and_year(date: HistDate) -> tuple[datetime.date, str | None]:
    """The first known day of a date, and its text when the date is only a decade
    ('1960s') or a year ('1963') - written alike in every style; else None."""
    day = date.start or date.end
    assert day is not None
    if date.precision == "decade":
        return day, f"{day.year // 10 * 10}s"
    if date.precision == "year":
        return day, str(day.year)
    return day, None


def us_date(date: HistDate) -> str:
    """Chicago's form: 'April 11, 1963', 'April 1963', '1963', '1960s',
    'June–December 1962', 'ca. 1963'."""
    return _styled_date(date, _us_single, _us_range)


def _us_single(date: HistDate) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    if date.precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _us_range(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if a.year != b.year or "decade" in (left.precision, right.precision) or \
            "year" in (left.precision, right.precision):
        return f"{_us_single(left)}\u2013{_us_single(right)}"
    if left.precision == right.precision == "day":
        if a.month == b.month:
            return f"{MONTHS[a.month - 1]} {a.day}\u2013{b.day}, {a.year}"
        return f"{MONTHS[a.month - 1]} {a.day}\u2013{MONTHS[b.month - 1]} {b.day}, {a.year}"
    return f"{MONTHS[a.month - 1]}\u2013{MONTHS[b.month - 1]} {a.year}"


def mla_date(date: HistDate) -> str:
    """MLA's form: '11 Apr. 1963', 'Apr. 1963', '1963', 'June–Dec. 1962'."""
    return _styled_date(date, _mla_single, _mla_range)


def _mla_single(date: HistDate, year: bool = True) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    tail = f" {day.year}" if year else ""
    if date.precision == "month":
        return f"{MLA_MONTHS[day.month - 1]}{tail}"
    return f"{day.day} {MLA_MONTHS[day.month - 1]}{tail}"


def _mla_range(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if a.year != b.year or {left.precision, right.precision} & {"decade", "year"}:
        return f"{_mla_single(left)}\u2013{_mla_single(right)}"
    if left.precision == right.precision == "day" and a.month == b.month:
        return f"{a.day}\u2013{b.day} {MLA_MONTHS[a.month - 1]} {a.year}"
    return f"{_mla_single(left, year=False)}\u2013{_mla_single(right)}"


def apa_date(date: HistDate | None) -> str:
    """APA's parenthesized date: '(1963, April 11)', '(1963, April)', '(1963)',
    '(1962, June–December)', '(1962–1964)', '(n.d.)'."""
    if date is None:
        return "(n.d.)"
    left, right = interval_sides(date)
    if left is None or right is None:
        return f"({date.display()})"
    if date.is_interval and (left.start and right.end) and left.start.year != right.end.year:
        text = f"{_apa_single(left)}\u2013{_apa_single(right)}"
    elif date.is_interval:
        text = _apa_same_year(left, right)
    else:
        text = _apa_single(date)
    return f"({_qualify(date, text)})"


def _apa_single(date: HistDate) -> str:
    day, coarse = _day_and_year(date)
    if coarse is not None:
        return coarse
    if date.precision == "month":
        return f"{day.year}, {MONTHS[day.month - 1]}"
    return f"{day.year}, {MONTHS[day.month - 1]} {day.day}"


def _apa_same_year(left: HistDate, right: HistDate) -> str:
    a, b = left.start, right.end
    assert a is not None and b is not None
    if {left.precision, right.precision} & {"decade", "year"}:
        return str(a.year)
    if left.precision == right.precision == "day":
        if a.month == b.month:
            return f"{a.year}, {MONTHS[a.month - 1]} {a.day}\u2013{b.day}"
        return f"{a.year}, {MONTHS[a.month - 1]} {a.day}\u2013{MONTHS[b.month - 1]} {b.day}"
    return f"{a.year}, {MONTHS[a.month - 1]}\u2013{MONTHS[b.month - 1]}"


def us_day(day: datetime.date) -> str:
    """'May 3, 2025' (Chicago and APA access dates)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def mla_day(day: datetime.date) -> str:
    """'3 May 2025' (MLA access dates)."""
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


def bare_url(url: str) -> str:
    """An address without its scheme, as MLA 9 recommends: 'www.archives.gov/...'."""
    return re.sub(r"^https?://", "", url)


# --- what is cited --------------------------------------------------------------------

class _Citable:
    """What is cited: one method a form of `STYLES`, and `cite` to pick one by name."""

    def chicago_note(self) -> Styled:
        raise NotImplementedError

    def chicago_bib(self) -> Styled:
        raise NotImplementedError

    def apa(self) -> Styled:
        raise NotImplementedError

    def mla(self) -> Styled:
        raise NotImplementedError

    def cite(self, style: str) -> Styled:
        """The citation in one of `STYLES`."""
        return {"chicago-note": self.chicago_note, "chicago-bibliography": self.chicago_bib,
                "apa": self.apa, "mla": self.mla}[style]()


@dataclass(frozen=True)
class ArchivalDocument(_Citable):
    """An archival government document, with the facts its record gives."""

    author: str | None
    title: str
    date: HistDate | None
    record_number: str
    series: str | None
    collection: str | None
    archive: str
    url: str
    accessed: datetime.date

    @classmethod
    def from_facts(cls, facts: ArchivalCitation, accessed: datetime.date) -> ArchivalDocument:
        """The facts the document's archive gives (`archives.base.ArchivalCitation`)."""
        return cls(author=facts.author, title=facts.title, date=facts.date,
                   record_number=facts.record_number, series=facts.series,
                   collection=facts.collection, archive=facts.archive, url=facts.url,
                   accessed=accessed)

    @classmethod
    def from_record(cls, doc: Document, accessed: datetime.date) -> ArchivalDocument:
        """A JFK-style archival record, cited from what its archive says of it."""
        facts = archive_of(doc).citation(doc)
        assert isinstance(facts, ArchivalCitation)
        return cls.from_facts(facts, accessed)

    def chicago_note(self) -> Styled:
        """Author, “Title,” date, record number, series, collection, archive, URL."""
        author = f"{self.author}, " if self.author else ""
        rest = [us_date(self.date) if self.date else "n.d.",
                f"record number {self.record_number}",
                f"record series {self.series}" if self.series else "",
                self.collection or "", self.archive, self.url]
        return _styled(f"{author}{_quoted(self.title, ',')} "
                       f"{', '.join(p for p in rest if p)}.")

    def chicago_bib(self) -> Styled:
        """Author. “Title.” Date. Record number. Series. Collection. Archive. URL."""
        items = [_period(self.author) if self.author else "", _quoted(self.title, "."),
                 _period(us_date(self.date)) if self.date else "N.d.",
                 f"Record number {self.record_number}.",
                 f"Record series {_period(self.series)}" if self.series else "",
                 _period(self.collection) if self.collection else "",
                 _period(self.archive), _period(self.url)]
        return _styled(" ".join(p for p in items if p))

    def apa(self) -> Styled:
        """Author. (Date). *Title*. Collection (Series, Record No.). Archive. URL"""
        where = ", ".join(p for p in (f"Record Series {self.series}" if self.series else "",
                                      f"Record No. {self.record_number}") if p)
        collection = f"{self.collection} ({where})." if self.collection else f"({where})."
        title = [_italic(self.title), "" if _ends_sentence(self.title) else "."]
        date = apa_date(self.date) + "."
        head: list[str | tuple[str, bool]] = (
            [_period(self.author), " ", date, " ", *title] if self.author
            else [*title, " ", date])
        return _styled(*head, " ", collection, " ", _period(self.archive), " ", self.url)

    def mla(self) -> Styled:
        """Author. “Title.” Date. Collection, series, record no., Archive, URL. Accessed."""
        items = [_period(self.author) if self.author else "", _quoted(self.title, "."),
                 _period(mla_date(self.date)) if self.date else ""]
        where = [self.collection or "", f"record series {self.series}" if self.series else "",
                 f"record no. {self.record_number}", self.archive, bare_url(self.url)]
        container = _capitalized(", ".join(p for p in where if p)) + "."
        accessed = f"Accessed {mla_day(self.accessed)}."
        return _styled(" ".join(p for p in [*items, container, accessed] if p))


@dataclass(frozen=True)
class WebPage(_Citable):
    """A page of this site: no author, no publication date."""

    title: str
    site: str
    url: str
    accessed: datetime.date
    headline_style: bool = True  # False: a title in a language that keeps sentence case

    @cached_property
    def headline(self) -> str:
        """The title in headline case (Chicago, MLA), an English one only: Spanish and
        Portuguese titles keep their sentence case."""
        return headline_case(self.title) if self.headline_style else self.title

    def chicago_note(self) -> Styled:
        """“Title,” Site, accessed Month D, YYYY, URL."""
        return _styled(f"{_quoted(self.headline, ',')} {self.site}, accessed "
                       f"{us_day(self.accessed)}, {self.url}.")

    def chicago_bib(self) -> Styled:
        """Site. “Title.” Accessed Month D, YYYY. URL."""
        return _styled(f"{_period(self.site)} {_quoted(self.headline, '.')} "
                       f"Accessed {us_day(self.accessed)}. {self.url}.")

    def apa(self) -> Styled:
        """*Title*. (n.d.). Site. Retrieved Month D, YYYY, from URL"""
        end = "" if _ends_sentence(self.title) else "."
        return _styled(_italic(self.title), f"{end} (n.d.). {_period(self.site)} Retrieved "
                       f"{us_day(self.accessed)}, from {self.url}")

    def mla(self) -> Styled:
        """“Title.” *Site*, URL. Accessed D Mon. YYYY."""
        return _styled(f"{_quoted(self.headline, '.')} ", _italic(self.site),
                       f", {bare_url(self.url)}. Accessed {mla_day(self.accessed)}.")

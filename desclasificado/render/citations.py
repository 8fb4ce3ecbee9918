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
from dataclasses import dataclass
from functools import cached_property

from desclasificado.render.citedates import cited_day, english
from desclasificado.render.citedates import interval_sides as interval_sides  # re-exported
from desclasificado.render.i18n import N_, _, current
from desclasificado.render.titlecase import headline_case

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
    """A citation: runs of text, each plain or in italics; a run with a `Day` is an
    access day, which theme/js/teach.js rewrites as the reader's day in that form; a run
    with a `lang` is in another language than the page (a document's English title)."""

    runs: tuple[tuple[str, bool, Day | None, str], ...]

    def text(self) -> str:
        """As plain text (italics lost), for copying."""
        return "".join(run[0] for run in self.runs)

    def html(self) -> str:
        """As escaped HTML, italics in `<i>`, an access day in `<time class="accessed">`,
        a foreign run in `<span lang>`."""
        out = []
        for text, italic, day, lang in self.runs:
            shown = f"<i>{html.escape(text)}</i>" if italic else html.escape(text)
            if day:
                shown = (f'<time class="accessed" datetime="{day.iso}" data-form="{day.form}">'
                         f"{shown}</time>")
            out.append(f'<span lang="{lang}">{shown}</span>' if lang else shown)
        return "".join(out)


@dataclass(frozen=True)
class Day:
    """An access day in a citation: its words, and the form teach.js writes today's in
    ("us": May 3, 2025; "mla": 3 May 2025; "lang": the page's language's long form)."""

    text: str
    form: str
    iso: str  # the day as YYYY-MM-DD


@dataclass(frozen=True)
class Foreign:
    """Text in another language than the page's (`lang`), in italics or not."""

    text: str
    lang: str
    italic: bool = False


def accessed_day(day: datetime.date, style: str) -> Day:
    """The access day of a style, in the page's language."""
    form = ("mla" if style == "mla" else "us") if english() else "lang"
    return Day(cited_day(day, style), form, day.isoformat())


def foreign(text: str, lang: str, italic: bool = False) -> str | tuple[str, bool] | Foreign:
    """A part in `lang` ("" or the page's language: a plain or italic part)."""
    if lang and lang != current().code:
        return Foreign(text, lang, italic)
    return (text, True) if italic else text


Part = str | tuple[str, bool] | Day | Foreign


def _styled(*parts: Part) -> Styled:
    """Join parts; a part is plain text, (text, italic), an access `Day` or a `Foreign`
    text. Adjacent plain or italic runs merge."""
    runs: list[tuple[str, bool, Day | None, str]] = []
    for part in parts:
        if isinstance(part, Day):
            runs.append((part.text, False, part, ""))
            continue
        if isinstance(part, Foreign):
            runs.append((part.text, part.italic, None, part.lang))
            continue
        text, italic = (part, False) if isinstance(part, str) else part
        if not text:
            continue
        if runs and runs[-1][1] == italic and runs[-1][2] is None and not runs[-1][3]:
            runs[-1] = (runs[-1][0] + text, italic, None, "")
        else:
            runs.append((text, italic, None, ""))
    return Styled(tuple(runs))


def quoted_parts(title: str, mark: str, lang: str = "",
                 inner: list[Part] | None = None) -> list[Part]:
    """`_quoted(title, mark)` as parts, the title itself in `lang` (or as the parts `inner`,
    whose texts make up the title)."""
    opening, shown, closing = _quoted(title, mark)
    return [opening, *_respelled(inner or [foreign(title, lang)], shown), closing]


def _respelled(parts: list[Part], text: str) -> list[Part]:
    """`parts`, whose texts make up a title, with their texts taken in turn from `text`: the
    title respelled one character for one (`_nested`), perhaps cut short at its end."""
    out: list[Part] = []
    at = 0
    for part in parts:
        if isinstance(part, Day):
            out.append(part)
            continue
        size = len(part.text if isinstance(part, Foreign) else part if isinstance(part, str)
                   else part[0])
        piece, at = text[at:at + size], at + size
        if isinstance(part, Foreign):
            out += [Foreign(piece, part.lang, part.italic)] if piece else []
        else:
            out.append(piece if isinstance(part, str) else (piece, part[1]))
    return out


def _italic(text: str) -> tuple[str, bool]:
    return (text, True)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!"))


def _period(text: str) -> str:
    """`text` closed with a period, unless it already ends with . ? or !"""
    return text if _ends_sentence(text) else f"{text}."


def sentence(message: str, **values: str) -> str:
    """A message that is one sentence ("From {sender}."), filled in and closed by one
    period: none added after a value that ends with its own ("From Treverton, Gregory F.")."""
    return _period(message.removesuffix(".").format(**values))


#: A straight quotation mark after one of these (or at the start) opens a quote.
_OPENS_AFTER = " ([{\u2014\u2013-/"
_SINGLE = {"\u201c": "\u2018", "\u201d": "\u2019"}


def _nested(title: str) -> str:
    """A title's own quotation marks as they are written inside the citation's: English
    (American style) ‘…’ within “…”; Spanish (the RAE) “…” within «…», and ‘…’ within those.
    A straight " opens at the start or after a space, a bracket or a dash, and closes
    elsewhere. One character for one, so a place in the title stays a place."""
    out = []
    depth = 0  # inside the title's own «…» (Spanish)
    for i, char in enumerate(title):
        if char == '"':
            char = "\u201c" if i == 0 or title[i - 1] in _OPENS_AFTER else "\u201d"
        if english():
            char = _SINGLE.get(char, char)
        elif char in "\u00ab\u00bb":
            depth = depth + 1 if char == "\u00ab" else max(depth - 1, 0)
            char = "\u201c" if char == "\u00ab" else "\u201d"
        elif depth:
            char = _SINGLE.get(char, char)
        out.append(char)
    return "".join(out)


def _quoted(title: str, mark: str) -> tuple[str, str, str]:
    """A title in quotation marks, as (opening, the title, closing): its own quotes nested
    (`_nested`). English: curly quotes, American style (the comma or period goes inside,
    inside a closing single quote too, and is dropped after a title that ends with ? or !,
    or with a period, for a period). Other languages (Spanish): angle quotes, the mark
    outside, as the Chicago-Deusto manual and the RAE write them: «Título», ."""
    shown = _nested(title)
    if not english():
        return "\u00ab", shown, f"\u00bb{'' if mark == '.' and title.endswith('.') else mark}"
    inner_end = shown.endswith("\u2019") and title.endswith(('"', "\u201d"))
    body = shown[:-1] if inner_end else shown
    if body.endswith(("?", "!")) or (mark == "." and body.endswith(".")):
        mark = ""
    return "\u201c", body, f"{mark}\u2019\u201d" if inner_end else f"{mark}\u201d"


def _capitalized(text: str) -> str:
    """The first letter in upper case, the rest as it is."""
    return text[:1].upper() + text[1:]


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
class WebPage(_Citable):
    """A page of this site: no author, no publication date."""

    title: str
    site: str
    url: str
    accessed: datetime.date
    headline_style: bool = True  # False: a title in a language that keeps sentence case
    title_lang: str = ""  # the title's language, when it is not the page's (untranslated)
    # quotes a translated title keeps in another language: (start, end, language)
    kept: tuple[tuple[int, int, str], ...] = ()

    @cached_property
    def headline(self) -> str:
        """The title in headline case (Chicago, MLA), an English one only: Spanish and
        Portuguese titles keep their sentence case."""
        return headline_case(self.title) if self.headline_style else self.title

    def _title(self, text: str, italic: bool = False) -> list[Part]:
        """The title (`text`: as a style writes it) as parts: in `title_lang`, or with the
        quotes a translated title keeps in another language (`kept`) marked."""
        if not self.kept or text != self.title:
            return [foreign(text, self.title_lang, italic)]
        parts: list[Part] = []
        at = 0
        for start, end, lang in self.kept:
            parts += [(text[at:start], italic), foreign(text[start:end], lang, italic)]
            at = end
        return [*parts, (text[at:], italic)]

    def _quoted_title(self, mark: str) -> list[Part]:
        return quoted_parts(self.headline, mark, self.title_lang, self._title(self.headline))

    def chicago_note(self) -> Styled:
        """“Title,” Site, accessed Month D, YYYY, URL."""
        day = accessed_day(self.accessed, "chicago")
        head, tail = _("{title} {site}, accessed {date}, {url}.").split("{date}")
        before, after = head.split("{title}")
        return _styled(before, *self._quoted_title(","),
                       after.format(site=self.site), day, tail.format(url=self.url))

    def chicago_bib(self) -> Styled:
        """Site. “Title.” Accessed Month D, YYYY. URL."""
        day = accessed_day(self.accessed, "chicago")
        head, tail = _("Accessed {date}.").split("{date}")
        return _styled(f"{_period(self.site)} ", *self._quoted_title("."),
                       f" {head}", day, f"{tail} {self.url}.")

    def apa(self) -> Styled:
        """*Title*. (n.d.). Site. Retrieved Month D, YYYY, from URL"""
        end = "" if _ends_sentence(self.title) else "."
        day = accessed_day(self.accessed, "apa")
        head, tail = _("Retrieved {date}, from {url}").split("{date}")
        return _styled(*self._title(self.title, italic=True),
                       f"{end} ({_('n.d.')}). {_period(self.site)} {head}", day,
                       tail.format(url=self.url))

    def mla(self) -> Styled:
        """“Title.” *Site*, URL. Accessed D Mon. YYYY."""
        day = accessed_day(self.accessed, "mla")
        head, tail = _("Accessed {date}.").split("{date}")
        return _styled(*self._quoted_title("."), " ", _italic(self.site),
                       f", {bare_url(self.url)}. {head}", day, tail)

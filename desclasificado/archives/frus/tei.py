"""Reading FRUS documents from the Office of the Historian's TEI XML.

The XML is parsed by defusedxml (the standard library's parser, refusing any DTD, entity
declaration or external reference), never by regular expressions. A file is either a whole
volume (`<TEI xml:id="frus...">`) or one `<div type="document">` copied out of a volume (the
project's corpus), which declares no namespaces and is read inside a wrapper that does.

A document becomes its facts (`FrusText`) and its text page by page: `pb` elements are the
printed volume's page breaks, so each page of the text is a printed page; footnotes (`note`)
are kept apart, on the page where they are anchored; the source note and the editors'
summary are kept apart from the text altogether.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"
_WRAP_OPEN = f'<fragment xmlns="{TEI}" xmlns:frus="{FRUS}">'

# Elements whose text runs on inside a paragraph; everything else starts a new paragraph.
_INLINE = {"hi", "persName", "gloss", "placeName", "date", "ref", "seg", "orgName", "name",
           "term", "foreign", "num", "rs", "abbr", "expan", "emph", "title", "time", "measure",
           "sic", "corr", "choice", "unclear", "add", "del", "supplied", "gap", "label", "cell"}


_LINE_BREAK = "\x00"  # an <lb/>, kept while the source's own line breaks are collapsed


class FrusError(ValueError):
    """A file that is not readable as FRUS TEI: the message says what is wrong."""


@dataclass
class Page:
    """One printed page of a document: its paragraphs and the footnotes anchored on it."""

    number: int
    paragraphs: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class FrusText:
    """What a document's TEI says: its facts and its text by printed page."""

    number: int
    heading: str
    dateline: str | None
    when: str | None          # date/@when of the dateline
    not_before: str | None    # date/@notBefore ... @notAfter: the editors' dating
    not_after: str | None
    date_reason: str | None   # date/@ana: why the editors date it so
    datetime_min: str | None  # the div's frus:doc-dateTime-min and -max
    datetime_max: str | None
    source_note: str | None
    summary: str | None
    pages: list[Page]
    starts_mid_page: bool     # text comes before the first page break inside the document


def tag(element: ET.Element) -> str:
    """The element's name without its namespace."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def parse(data: bytes) -> ET.Element:
    """A whole TEI file, or a fragment wrapped in the namespaces it uses."""
    text = data.decode("utf-8-sig")
    whole = not text.lstrip().startswith("<div")
    try:
        if whole:
            return SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True,
                                     forbid_external=True)
        return SafeET.fromstring(_WRAP_OPEN + text + "</fragment>", forbid_dtd=True,
                                 forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FrusError(f"the file declares a DTD or entities ({type(exc).__name__}), which "
                        "are refused: FRUS TEI needs neither") from None
    except ET.ParseError as exc:
        line, column = exc.position
        if not whole:
            column = column - len(_WRAP_OPEN) if line == 1 else column
        raise FrusError(f"not well-formed XML at line {line}, column {column + 1}: "
                        f"{str(exc).split(':')[0]}") from None


def volume_id(root: ET.Element) -> str | None:
    """The volume of a whole TEI file (`TEI/@xml:id`), None for a fragment."""
    return root.get(f"{{{XML}}}id") if tag(root) == "TEI" else None


def document_divs(root: ET.Element) -> list[tuple[ET.Element, int | None]]:
    """Each `div type="document"` with the printed page in effect just before it (the last
    `pb` before it in the file; None when none comes before)."""
    found: list[tuple[ET.Element, int | None]] = []
    page: list[int | None] = [None]

    def walk(element: ET.Element) -> None:
        for child in element:
            name = tag(child)
            if name == "pb":
                page[0] = _page_number(child.get("n"), strict=False)
            elif name == "div" and child.get("type") == "document":
                found.append((child, page[0]))
                last = _last_page(child)
                page[0] = last if last is not None else page[0]
            else:
                walk(child)

    walk(root)
    return found


def _last_page(div: ET.Element) -> int | None:
    numbers = [_page_number(pb.get("n"), strict=False) for pb in div.iter(f"{{{TEI}}}pb")]
    numbers = [n for n in numbers if n is not None]
    return numbers[-1] if numbers else None


def _page_number(value: str | None, strict: bool = True) -> int | None:
    """A printed page number: an Arabic number (front matter's roman numerals are None)."""
    if value is not None and value.isdigit():
        return int(value)
    if strict:
        raise FrusError(f"a page break (pb) has n={value!r}, not a page number")
    return None


def collapse(text: str) -> str:
    return " ".join(text.split())


def read_document(div: ET.Element) -> FrusText:
    """The facts and the text of one `div type="document"`."""
    number = div.get("n")
    if not number or not number.isdigit():
        raise FrusError(f"a document div (xml:id={div.get(f'{{{XML}}}id')!r}) has no document "
                        f"number: its n attribute is {number!r}")
    head = div.find(f"{{{TEI}}}head")
    if head is None:
        raise FrusError(f"document {number} has no head (its heading): not a FRUS document "
                        "layout this reader knows")
    source, summary = _source_and_summary(div)
    dateline = div.find(f"{{{TEI}}}dateline")
    date = dateline.find(f".//{{{TEI}}}date") if dateline is not None else None
    writer = _Writer()
    writer.walk(div)
    pages = writer.finish()
    return FrusText(
        number=int(number), heading=collapse(_text_without_notes(head)),
        dateline=collapse(_text_without_notes(dateline)) if dateline is not None else None,
        when=date.get("when") if date is not None else None,
        not_before=date.get("notBefore") if date is not None else None,
        not_after=date.get("notAfter") if date is not None else None,
        date_reason=date.get("ana") if date is not None else None,
        datetime_min=div.get(f"{{{FRUS}}}doc-dateTime-min"),
        datetime_max=div.get(f"{{{FRUS}}}doc-dateTime-max"),
        source_note=source, summary=summary, pages=pages,
        starts_mid_page=writer.before_first_break)


def _is_source_note(note: ET.Element) -> bool:
    return note.get("type") == "source" or any(
        seg.get("type") == "source" for seg in note.iter(f"{{{TEI}}}seg"))


def _source_and_summary(div: ET.Element) -> tuple[str | None, str | None]:
    """The source note, and the editors' summary (`seg type="summary"`, volume E-16)."""
    for note in div.iter(f"{{{TEI}}}note"):
        if not _is_source_note(note):
            continue
        segs = {seg.get("type"): collapse("".join(seg.itertext()))
                for seg in note.iter(f"{{{TEI}}}seg")}
        if "source" in segs:
            return segs["source"], segs.get("summary")
        return collapse("".join(note.itertext())), None
    return None, None


def _text_without_notes(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if tag(child) != "note":
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Writer:
    """Walks a document div, writing paragraphs onto printed pages."""

    def __init__(self) -> None:
        self.pages: list[Page] = [Page(0)]  # page 0: the text before the first page break
        self.current: list[str] = []
        self.glue = False  # a list label was just written: its item runs on after it
        self.before_first_break = False

    def text(self, value: str | None) -> None:
        if value:
            self.current.append(value)
            self.glue = self.glue and not value.strip()

    def block(self) -> None:
        """End the paragraph being written (a list label stays on its item's line)."""
        if self.glue:  # until the item's first words
            self.current.append(" ")
            return
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        """The text written since the last paragraph, whitespace collapsed except at `lb`."""
        lines = [collapse(line) for line in "".join(self.current).split(_LINE_BREAK)]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.pages[-1].paragraphs.append(paragraph)
        self.current = []

    def page_break(self, value: str | None) -> None:
        self.glue = False
        self._end_paragraph()
        if len(self.pages) == 1 and self.pages[0].paragraphs:
            self.before_first_break = True
        number = _page_number(value)
        assert number is not None
        self.pages.append(Page(number))

    def walk(self, element: ET.Element) -> None:
        for child in element:
            self.child(child)
            self.text(child.tail)

    def child(self, child: ET.Element) -> None:
        name = tag(child)
        if name == "pb":
            self.page_break(child.get("n"))
        elif name == "note":
            if not _is_source_note(child):
                self.pages[-1].notes.append((child.get("n") or "?",
                                             collapse("".join(child.itertext()))))
        elif name == "lb":
            self.current.append(_LINE_BREAK)
        elif name in _INLINE:
            self.text(child.text)
            self.walk(child)
            if name == "label":
                self.glue = True
                self.current.append(" ")
            elif name == "cell":
                self.text(" | ")
        else:
            self.block()
            self.text(child.text)
            self.walk(child)
            self.block()

    def finish(self) -> list[Page]:
        self.glue = False
        self.block()
        if not self.pages[0].paragraphs and not self.pages[0].notes:
            return self.pages[1:]
        self.before_first_break = self.before_first_break or len(self.pages) == 1
        return self.pages

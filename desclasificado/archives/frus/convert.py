"""A FRUS document's TEI facts and text, turned into a document record and its transcript.

The record takes every fact from the TEI: the heading (its number removed) is the title;
the sender and recipient are read from a heading "... From X to Y" (nothing when the
heading names none); the date is the dateline's `@when`, else the editors' dating
(`@notBefore`/`@notAfter`, with their reason), else the div's `frus:doc-dateTime-min/max`,
else nothing: an undated document stays undated. The transcript has a line `## Page N`
before each printed page N, and after each page's text the footnotes anchored on it, one
`[^n]: text` line each.
"""

from __future__ import annotations

from desclasificado.archives.frus.tei import FrusError, FrusText, Page
from desclasificado.archives.frus.volumes import VOLUMES

FOOTNOTE_PREFIX = "[^"


def document_id(volume: str, number: int) -> str:
    """The file name of a FRUS document: frus1969-76ve16-d19."""
    return f"{volume.lower()}-d{number}"


def number_pages(text: FrusText, first_page: int | None) -> list[Page]:
    """The pages with their printed numbers: the text before the first page break inside the
    document is on the page before that break (or on `first_page`, from the volume or the
    corpus index, which must agree)."""
    pages = list(text.pages)
    if pages and pages[0].number == 0:
        inferred = pages[1].number - 1 if len(pages) > 1 else None
        start = first_page if first_page is not None else inferred
        if start is None:
            raise FrusError(f"cannot tell the printed page document {text.number} starts on "
                            "(it has no page break inside): import the whole volume, or give "
                            "--index with the corpus index.csv")
        if inferred is not None and start != inferred:
            raise FrusError(f"document {text.number} starts on page {start} by the volume or "
                            f"the index, but its first page break inside is page "
                            f"{inferred + 1}: the layout is not one this reader knows")
        pages[0] = Page(start, pages[0].paragraphs, pages[0].notes)
    if not pages:
        raise FrusError(f"document {text.number} has no text")
    return pages


def sender_and_recipient(title: str) -> tuple[str | None, str | None]:
    """From a heading "Telegram From the Embassy in Chile to the Department of State":
    ('Embassy in Chile', 'Department of State'). A sender's name in brackets ("(Stevenson)")
    ends the sender; otherwise the first " to " does."""
    for marker in (" From ", " from "):
        if marker in f" {title}":
            rest = f" {title}".split(marker, 1)[1]
            break
    else:
        return None, None
    if ") to " in rest:
        sender, recipient = rest.split(") to ", 1)
        sender += ")"
    elif " to " in rest:
        sender, recipient = rest.split(" to ", 1)
    else:
        return None, None
    return _without_article(sender), _without_article(recipient)


def _without_article(name: str) -> str:
    name = name.strip()
    return name[4:] if name.startswith("the ") else name


def _day(value: str | None) -> str | None:
    """The day of an ISO date-time as written (its own time zone): '1970-10-26T16:30:00Z'."""
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    return value[:10]


def date_of(text: FrusText) -> tuple[str | None, str | None]:
    """The document's date (EDTF) and, when the editors dated it, how they did."""
    if _day(text.when):
        return _day(text.when), None
    low, high = _day(text.not_before), _day(text.not_after)
    reason = _reason(text.date_reason)
    if low and high:
        return (low if low == high else f"{low}/{high}"), reason
    low, high = _day(text.datetime_min), _day(text.datetime_max)
    if low and high:
        return (low if low == high else f"{low}/{high}"), reason or "the volume's dating"
    return None, None


def _reason(ana: str | None) -> str | None:
    """'#date_undated-inferred-from-document-content-and-sibling-dates' -> 'undated;
    inferred from document content and sibling dates'."""
    if not ana:
        return None
    words = ana.lstrip("#").removeprefix("date_").split("-")
    if words[:1] == ["undated"]:
        return "undated; " + " ".join(words[1:])
    return " ".join(words)


def title_of(text: FrusText) -> str:
    prefix = f"{text.number}. "
    return text.heading[len(prefix):] if text.heading.startswith(prefix) else text.heading


def record_of(text: FrusText, volume: str, pages: list[Page], source: str) -> dict[str, object]:
    """The document record, in the order FORMAT.md gives the fields."""
    if volume not in VOLUMES:
        raise FrusError(f"unknown FRUS volume {volume!r}: add its title, editors and year, "
                        "copied from the volume's TEI header, to "
                        "desclasificado/archives/frus/volumes.py")
    title = title_of(text)
    sender, recipient = sender_and_recipient(title)
    date, note = date_of(text)
    record: dict[str, object] = {
        "kind": "frus", "volume": volume, "number": text.number, "title": title,
        "date": date, "date_note": note, "dateline": text.dateline,
        "from": sender, "to": recipient, "source_note": text.source_note,
        "summary": text.summary, "first_page": pages[0].number,
        "last_page": pages[-1].number, "transcript_source": source,
    }
    return {key: value for key, value in record.items() if value is not None}


def transcript_of(pages: list[Page]) -> str:
    """The transcript: `## Page N`, the page's paragraphs, then its footnotes."""
    parts = []
    for page in pages:
        body = "\n\n".join(page.paragraphs)
        notes = "\n".join(f"{FOOTNOTE_PREFIX}{n}]: {note}" for n, note in page.notes)
        parts.append(f"## Page {page.number}\n\n" + "\n\n".join(p for p in (body, notes) if p))
    return "\n\n".join(parts) + "\n"

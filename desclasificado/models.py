"""Typed models of the four kinds of record: events, documents, actors and themes.

The models check each file on its own (types, required and unknown fields, dates,
country codes, page ranges). Checks that need the whole collection (unknown ids,
page numbers beyond a document's length) live in `validate`. The JSON Schemas in
`schemas/` are generated from these classes (`schema.py`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)

from .dates import DateError, HistDate, parse_date

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
_PAGES_RE = re.compile(r"^\s*\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*\s*$")
_CITE_MARK = re.compile(r"\[\^(\d+)\]")


def _date(value: Any) -> HistDate:
    if isinstance(value, HistDate):
        return value
    if isinstance(value, int):
        raise ValueError(f'write the date in double quotes: "{value}"')
    if not isinstance(value, str):
        raise ValueError('a date is text such as "1963-04-11", "1963-04" or "1963"')
    try:
        return parse_date(value)
    except DateError as exc:
        raise ValueError(str(exc)) from None


def _country(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError('a country is a two-letter code in double quotes, e.g. "PE"')
    code = value.strip()
    if pycountry.countries.get(alpha_2=code) and code.isupper():
        return code
    if len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()):
        return _fail(f"write country codes in capital letters: {code.upper()!r}")
    try:
        match = pycountry.countries.lookup(code)
    except LookupError:
        return _fail(f"{code!r} is not an ISO 3166-1 alpha-2 country code; codes are two "
                     "capital letters, e.g. 'PE' for Peru, 'CU' for Cuba")
    return _fail(f"write the two-letter code {match.alpha_2!r} for {match.name}")


def _fail(message: str) -> Any:
    raise ValueError(message)


def parse_pages(value: Any) -> tuple[int, ...]:
    """Read "3", 3, "3-5" or "2, 4-5" into the sorted page numbers they name."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError('pages are a number or text such as "3", "3-4" or "2, 5"')
    text = str(value)
    if not _PAGES_RE.match(text):
        raise ValueError(f'{text!r} is not a page list: write "3", "3-4" or "2, 5"')
    pages: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if low < 1 or high < low:
            raise ValueError(f"{part.strip()!r} is not a page range: pages count from 1, "
                             "and a range goes from the lower page to the higher")
        pages.update(range(low, high + 1))
    return tuple(sorted(pages))


def _quote(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError('a quote is text in double quotes: the document\'s own words')
    quote = " ".join(value.split())
    if len(re.findall(r"\w+", quote)) < 3:
        raise ValueError("a quote of fewer than three words cannot be checked: quote the "
                         "sentence or phrase that supports the event")
    if len(quote) > 1200:
        raise ValueError(f"the quote is {len(quote)} characters: quote at most 1200, the "
                         "passage that supports the event")
    return quote


def _record_id(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError('an id is text in double quotes, e.g. "176-10036-10058"')
    if not _ID_RE.match(value):
        raise ValueError(f"{value!r} is not an id: ids are lower-case letters, digits and "
                         "hyphens, as in the file name without '.yaml'")
    return value


_DATE_SCHEMA = {
    "type": "string",
    "description": "EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, 196X, intervals A/B, "
                   "qualifiers ~ ? %",
    "pattern": r"^[0-9X.~?%/-]+$",
    "examples": ["1963-04-11", "1963-04", "1963", "1962-06/1962-12", "1963~"],
}
EdtfDate = Annotated[HistDate, PlainValidator(_date), WithJsonSchema(_DATE_SCHEMA)]
CountryCode = Annotated[str, PlainValidator(_country), WithJsonSchema(
    {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code"})]
Pages = Annotated[tuple[int, ...], PlainValidator(parse_pages), WithJsonSchema(
    {"type": ["string", "integer"], "pattern": r"^\d+(-\d+)?(, ?\d+(-\d+)?)*$",
     "description": 'PDF page(s): "3", "3-4" or "2, 5"'})]
RecordId = Annotated[str, PlainValidator(_record_id), WithJsonSchema(
    {"type": "string", "pattern": ID_PATTERN})]
Quote = Annotated[str, PlainValidator(_quote), WithJsonSchema(
    {"type": "string", "minLength": 5, "maxLength": 1200,
     "description": "a short verbatim passage of the cited pages"})]
Text = Annotated[str, Field(min_length=1)]
ShortText = Annotated[str, Field(min_length=1, max_length=120)]
Url = Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")]


class Record(BaseModel):
    """Common settings: unknown fields are errors, text is stripped, records are frozen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              populate_by_name=True)


class Source(Record):
    """One citation: a passage of a registered document."""

    document: RecordId = Field(description="id of a file in documents/")
    pages: Pages = Field(description="PDF page(s) of the document's cited release")
    quote: Quote
    note: str | None = Field(None, description="a remark on the source")


class Event(Record):
    """Something that happened, told in a few sentences and backed by sources."""

    id: RecordId | None = Field(None, description="optional; must equal the file name")
    date: EdtfDate
    title: ShortText
    summary: Text = Field(max_length=700, description="1-3 sentences, inline Markdown")
    body: str | None = Field(None, description="Markdown paragraphs")
    countries: list[CountryCode] = Field(min_length=1)
    places: list[Text] = []
    actors: list[RecordId] = []
    themes: list[RecordId] = []
    sources: list[Source] = Field(min_length=1)
    related: list[RecordId] = []

    def citation_numbers(self) -> set[int]:
        """The citation marks `[^N]` used in the summary and body."""
        text = self.summary + "\n" + (self.body or "")
        return {int(n) for n in _CITE_MARK.findall(text)}


class Release(Record):
    """One publication of a document by its archive, with its PDF."""

    release: Text = Field(description='e.g. "2025", "2023/08" or a date')
    pdf: Url


class Document(Record):
    """A declassified document as its archive identifies it."""

    id: RecordId | None = None
    record_number: Text
    title: Text
    date: EdtfDate | None = None
    archive: Text
    collection: str | None = None
    agency: str | None = None
    originator: str | None = None
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    record_series: str | None = None
    agency_file_number: str | None = None
    pages: int = Field(ge=1, description="number of pages of the cited PDF")
    subjects: list[Text] = []
    document_type: str | None = None
    classification: str | None = None
    restrictions: str | None = None
    current_status: str | None = None
    date_of_last_review: EdtfDate | None = None
    opening_criteria: str | None = None
    comments: str | None = None
    releases: list[Release] = Field(min_length=1)
    cited_release: Text
    transcript_source: str | None = None

    def cited_pdf(self) -> str:
        """The PDF whose page numbers citations use."""
        for release in self.releases:
            if release.release == self.cited_release:
                return release.pdf
        return self.releases[0].pdf


class Actor(Record):
    """A person, organization, government or agency named in events."""

    name: ShortText
    kind: Literal["person", "organization", "government", "agency"]
    country: CountryCode | None = None
    description: Text = Field(max_length=600)
    other_names: list[Text] = []


class Theme(Record):
    """A subject that groups events for a lesson."""

    title: ShortText
    description: Text = Field(max_length=600)


MODELS: dict[str, type[Record]] = {
    "events": Event,
    "documents": Document,
    "actors": Actor,
    "themes": Theme,
}


def id_key(record_id: str) -> str:
    """What two ids are compared by: case and Unicode normalization folded away."""
    return unicodedata.normalize("NFKC", record_id).casefold()


def slugify(text: str) -> str:
    """Make a file-name id from an archive's identifier: 'FRUS 1961-63/d4' -> 'frus-1961-63-d4'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")

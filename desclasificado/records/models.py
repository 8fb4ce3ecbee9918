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
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)

from desclasificado.records.dates import DateError, HistDate, parse_date
from desclasificado.records.languages import ORIGINAL_LANGUAGE, TRANSLATION_LANGUAGES
from desclasificado.records.pagelist import PageList

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


def parse_pages(value: Any) -> PageList:
    """Read "3", 3, "3-5" or "2, 4-5" into the sorted page numbers they name, kept as ranges
    (never expanded: see `pagelist`)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError('pages are a number or text such as "3", "3-4" or "2, 5"')
    text = str(value)
    if not _PAGES_RE.match(text):
        raise ValueError(f'{text!r} is not a page list: write "3", "3-4" or "2, 5"')
    ranges: list[tuple[int, int]] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        low, high = int(first), int(last or first)
        if low < 1 or high < low:
            raise ValueError(f"{part.strip()!r} is not a page range: pages count from 1, "
                             "and a range goes from the lower page to the higher")
        ranges.append((low, high))
    return PageList(ranges)


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
    if not _ID_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not an id: ids are lower-case letters, digits and "
                         "hyphens, as in the file name without '.yaml'")
    return value


def _language(value: Any) -> str:
    known = ", ".join(repr(code) for code in TRANSLATION_LANGUAGES)
    if value == ORIGINAL_LANGUAGE:
        raise ValueError(f"{ORIGINAL_LANGUAGE!r} is the original language: the English goes "
                         "in the record's own fields, not under 'translations'")
    if not isinstance(value, str) or value not in TRANSLATION_LANGUAGES:
        shown = repr(value) if isinstance(value, str) else str(value)
        hint = (f": write it in lower case, {value.lower()!r}" if isinstance(value, str)
                and value.lower() in TRANSLATION_LANGUAGES else "")
        raise ValueError(f"{shown} is not a language the site is translated into{hint}; "
                         f"the languages are {known}")
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
     "description": 'page(s): "3", "3-4" or "2, 5" (PDF pages of a JFK record, printed '
                    'pages of a FRUS document)'})]
RecordId = Annotated[str, PlainValidator(_record_id), WithJsonSchema(
    {"type": "string", "pattern": ID_PATTERN})]
Quote = Annotated[str, PlainValidator(_quote), WithJsonSchema(
    {"type": "string", "minLength": 5, "maxLength": 1200,
     "description": "a short verbatim passage of the cited pages"})]
LanguageCode = Annotated[str, PlainValidator(_language), WithJsonSchema(
    {"type": "string", "enum": list(TRANSLATION_LANGUAGES),
     "description": "an ISO 639-1 language code: " + ", ".join(
         f"{code} ({name})" for code, name in TRANSLATION_LANGUAGES.items())})]
Text = Annotated[str, Field(min_length=1)]
_DIRECTION_MARK = re.compile("[\u200e\u200f\u061c]")


def _no_direction_mark(value: str) -> str:
    """Titles and names refuse even the plain direction marks (LRM, RLM, ALM; the YAML check
    refuses overrides and isolates everywhere): shown alone in lists, tabs and search
    results, a mark reorders the text around it, and no title of the site needs one."""
    found = _DIRECTION_MARK.search(value)
    if found:
        raise ValueError(f"the title holds the invisible direction mark U+{ord(found.group()):04X}"
                         f" at character {found.start() + 1}: delete it")
    return value


ShortText = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_no_direction_mark)]
TitleText = Annotated[str, Field(min_length=1), AfterValidator(_no_direction_mark)]
Url = Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")]



def shown(data: str, label: str | None = None, meaning: str | None = None) -> dict[str, str]:
    """What readers are told of a field, kept on the field itself (`json_schema_extra`), so
    that every table of fields derives from the model (`records.fields`): its `label` and its
    `meaning` in plain words (the identification table of a document's page), and its
    description in the data downloads (`data`)."""
    extra = {"x-data": data}
    if label is not None:
        extra |= {"x-label": label, "x-meaning": meaning or ""}
    return extra


class Record(BaseModel):
    """Common settings: unknown fields are errors, text is stripped, records are frozen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              populate_by_name=True)


class Source(Record):
    """One citation: a passage of a registered document."""

    document: RecordId = Field(
        description="The cited document: the name of its file in documents/, without .yaml.",
        examples=["176-10036-10058"])
    pages: Pages = Field(
        description="The page or pages where the quote is: \"3\", \"3-4\" or \"2, 5\"; pages "
                    "of the cited release's PDF for a JFK record, printed pages of the volume "
                    "for a FRUS document.", examples=["5"])
    quote: Quote = Field(
        description="The document's own words, copied exactly (correcting only obvious OCR "
                    "errors; ... skips words), at most 1200 characters. The check finds "
                    "them on the cited page of the transcript.",
        examples=["The MIR has planned four fronts in Peru in its proposed revolution."])
    note: str | None = Field(None, description="A remark on the source.",
                             examples=["OCR errors corrected in the quote"])
    lang: Literal["en", "es", "pt", "fr"] | None = Field(
        None, description="The language of the quote when it is not English: es (Spanish), "
                          "pt (Portuguese) or fr (French), so that screen readers read it "
                          "aloud correctly.", examples=["es"])


_TRANSLATIONS = ("Translations of the text into other languages, by language code: "
                 + ", ".join(f"{c} ({n})" for c, n in TRANSLATION_LANGUAGES.items())
                 + ". Quotes are never translated.")


class EventTranslation(Record):
    """An event's text in another language: the same claims, the same citation marks."""

    title: ShortText = Field(description="The title in this language, at most 120 "
                                         "characters.",
                             examples=["Una fuente de la CIA describe los cuatro frentes "
                                       "que planeaba el MIR en el Perú"])
    summary: Text = Field(
        max_length=700,
        description="The summary in this language, at most 700 characters, saying no more "
                    "than the English, with the same citation marks [^N] on the same claims.",
        examples=["Según la fuente de la CIA, el MIR planeaba cuatro frentes para su "
                  "revolución en el Perú.[^1]"])
    body: str | None = Field(
        None, description="The body in this language, only when the event has a body; "
                          "the same citation marks as the English body.",
        examples=["La fuente señaló el Cusco como sede del frente sur.[^1]"])


class Event(Record):
    """Something that happened, told in a few sentences and backed by sources."""

    id: RecordId | None = Field(
        None, description="Rarely needed: the file name without .yaml, which is the id.",
        examples=["1963-04-11-mir-four-fronts"])
    date: EdtfDate = Field(
        description="When it happened: a day, a month, a year, a decade or a period, "
                    "possibly approximate or uncertain (see Dates).", examples=["1963-04-11"])
    title: ShortText = Field(
        description="A one-line headline, at most 120 characters, that says who reported "
                    "what.", examples=["CIA source describes the MIR's four planned fronts in Peru"])
    summary: Text = Field(
        max_length=700,
        description="One to three sentences (at most 700 characters) saying only what the "
                    "cited pages support, with reported claims attributed. Inline Markdown; "
                    "a citation mark [^N] points at the N-th source.",
        examples=["The CIA's source said the MIR planned four fronts for its revolution in "
                  "Peru.[^1]"])
    body: str | None = Field(
        None, description="A longer explanation: Markdown paragraphs with citation marks.",
        examples=["The source named Cusco as the headquarters of the southern front.[^1]"])
    countries: list[CountryCode] = Field(
        min_length=1,
        description="The countries involved, as ISO 3166-1 two-letter codes: PE Peru, "
                    "CU Cuba, MX Mexico, US United States...", examples=[["PE", "CU"]])
    places: list[Text] = Field([], description="Places the documents name, as free text.",
                               examples=[["Cusco", "Lima"]])
    actors: list[RecordId] = Field(
        [], description="The people, organizations, governments and agencies involved: "
                        "names of files in actors/.", examples=[["mir-peru", "cia"]])
    themes: list[RecordId] = Field([], description="Subjects: names of files in themes/.",
                                   examples=[["guerrilla-training"]])
    sources: list[Source] = Field(
        min_length=1, description="The documents the event rests on, at least one: each a "
                                  "document, its pages and a quote (see Source).")
    related: list[RecordId] = Field(
        [], description="Other events: their file names without .yaml.",
        examples=[["1963-04-11-mir-coup-plan-reported"]])
    former_ids: list[RecordId] = Field(
        [], description="The ids (file names without .yaml) this event had before its file "
                        "was renamed: the site keeps each old address, leading to the event.",
        examples=[["1963-04-mir-coup-plan"]])
    translations: dict[LanguageCode, EventTranslation] = Field(
        {}, description=_TRANSLATIONS + " Each has title, summary and, if the event has "
                                        "one, body (see EventTranslation).",
        examples=[{"es": {"title": "Una fuente de la CIA describe los cuatro frentes del MIR",
                          "summary": "Según la fuente, el MIR planeaba cuatro frentes.[^1]"}}])

    def citation_numbers(self) -> set[int]:
        """The citation marks `[^N]` used in the summary and body."""
        text = self.summary + "\n" + (self.body or "")
        return {int(n) for n in _CITE_MARK.findall(text)}


class Document(Record):
    """A declassified document as its archive identifies it: the common base of the document
    model of every archive kind (`desclasificado.archives`), which declares its fields. Every
    kind has `kind`, `title`, `date` and `transcript_source`; `from_` and `to` where its
    records name a sender and a recipient."""

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Any:
        """`Document.model_validate(data)` validates with the model of the record's kind (the
        kinds registered in `desclasificado.archives`, which fills `DOCUMENT_KINDS`)."""
        if cls is Document:
            kind = obj.get("kind", "jfk") if isinstance(obj, dict) else "jfk"
            if kind not in DOCUMENT_KINDS:
                raise ValueError(f"unknown document kind {kind!r}: one of "
                                 f"{', '.join(DOCUMENT_KINDS) or '(none registered)'}")
            return DOCUMENT_KINDS[kind].model_validate(obj, **kwargs)
        return super().model_validate(obj, **kwargs)


#: The document model of each archive kind, by `kind`: filled by `archives.register`.
DOCUMENT_KINDS: dict[str, type[Document]] = {}


class ActorTranslation(Record):
    """An actor's description, and its name where it differs, in another language."""

    name: ShortText | None = Field(
        None, description="The name in this language, only when it differs from the "
                          "English name.", examples=["Agencia Central de Inteligencia"])
    description: Text = Field(max_length=600,
                              description="The description in this language, at most 600 "
                                          "characters.",
                              examples=["Un movimiento revolucionario peruano de los años "
                                        "sesenta."])


class Actor(Record):
    """A person, organization, government or agency named in events."""

    name: ShortText = Field(description="The name, at most 120 characters.",
                            examples=["Movimiento de Izquierda Revolucionaria (Peru)"])
    kind: Literal["person", "organization", "government", "agency"] = Field(
        description="What it is.", examples=["organization"])
    country: CountryCode | None = Field(None, description="Its country: a two-letter code.",
                                        examples=["PE"])
    description: Text = Field(max_length=600, description="One or two sentences, at most 600 "
                                                          "characters.",
                              examples=["A Peruvian revolutionary movement of the 1960s."])
    other_names: list[Text] = Field([], description="Other names and abbreviations.",
                                    examples=[["MIR"]])
    translations: dict[LanguageCode, ActorTranslation] = Field(
        {}, description=_TRANSLATIONS + " Each has description and, where it differs, name "
                                        "(see ActorTranslation).",
        examples=[{"es": {"description": "Un movimiento revolucionario peruano."}}])


class ThemeTranslation(Record):
    """A theme's title and description in another language."""

    title: ShortText = Field(description="The title in this language, at most 120 "
                                         "characters.",
                             examples=["Entrenamiento guerrillero"])
    description: Text = Field(max_length=600,
                              description="The description in this language, at most 600 "
                                          "characters.",
                              examples=["El entrenamiento de latinoamericanos en la guerra "
                                        "de guerrillas y su regreso para combatir."])


class Theme(Record):
    """A subject that groups events for a lesson."""

    title: ShortText = Field(description="The name of the theme, at most 120 characters.",
                             examples=["Guerrilla training"])
    description: Text = Field(max_length=600, description="One or two sentences, at most 600 "
                                                          "characters.",
                              examples=["Training of Latin Americans in guerrilla warfare, sabotage and "
                                        "clandestine work, and their return home to fight."])
    translations: dict[LanguageCode, ThemeTranslation] = Field(
        {}, description=_TRANSLATIONS + " Each has title and description (see "
                                        "ThemeTranslation).",
        examples=[{"es": {"title": "Entrenamiento guerrillero", "description": "..."}}])


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

"""Stage 3, index: everything the pages need to know about each other, computed once.

`build_index()` reads a validated `Collection` and returns a `SiteIndex`: the timeline
(every event in date order), the events of each year, decade, country, theme and actor,
the citations of each document (backlinks) with the transcript passage each quote was
found at, related events in both directions, and previous/next events. Renderers look
things up here instead of scanning the events, so a page costs the same whatever the
size of the collection. Nothing here knows about HTML or MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import groupby

from desclasificado.check.collection import Collection
from desclasificado.check.quotes import Passage, locate
from desclasificado.load.transcripts import Transcript
from desclasificado.records.dates import HistDate
from desclasificado.records.models import Event


@dataclass(frozen=True)
class Citation:
    """Source number `number` (1-based) of an event, and where its quote was found.

    `page` is the transcript page the quote was located on (else the first cited page);
    `span` the character offsets of its first part in that page's text (the whole transcript
    when it has no page marks), or None when the quote could not be located; `passages` every
    part of it (a quote with ellipses has several), each marked on the document page.
    """

    event_id: str
    number: int
    document_id: str
    pages: tuple[int, ...]
    page: int
    span: tuple[int, int] | None = None
    passages: tuple[Passage, ...] = ()
    shares: tuple[str, int] | None = None  # (event, number) of the citation whose marks it uses

    @property
    def mark_id(self) -> str:
        """The id of the `<mark>` around the quoted passage on the document page: its own, or
        that of the first citation (in timeline order) of exactly the same passages."""
        event_id, number = self.shares or (self.event_id, self.number)
        return f"q-{event_id}-{number}"

    def part_id(self, part: int) -> str:
        """The id of the mark of part `part` (1-based) of the quote: the first is `mark_id`."""
        return self.mark_id if part == 1 else f"{self.mark_id}-part{part}"

    def marks(self) -> tuple[Passage, ...]:
        """The passages to mark: every part, or the one span when built without them."""
        if self.passages or self.span is None:
            return self.passages
        return (Passage(self.page, self.span[0], self.span[1], 1),)


@dataclass(frozen=True)
class YearGroup:
    """The events of one year (`year` None: dated only to the decade), in date order."""

    year: int | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class DecadeGroup:
    """The events of one decade (`decade` None: undated), grouped by year."""

    decade: int | None
    years: tuple[YearGroup, ...]

    def count(self) -> int:
        """How many events the decade has."""
        return sum(len(y.event_ids) for y in self.years)


@dataclass
class SiteIndex:
    """Lookup tables over a collection; every list of event ids is in timeline order."""

    timeline: list[str] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    by_year: dict[int | None, list[str]] = field(default_factory=dict)
    by_decade: dict[int | None, list[str]] = field(default_factory=dict)
    by_country: dict[str, list[str]] = field(default_factory=dict)
    by_theme: dict[str, list[str]] = field(default_factory=dict)
    by_actor: dict[str, list[str]] = field(default_factory=dict)
    by_document: dict[str, list[Citation]] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    marks: dict[str, dict[int, list[tuple[Passage, Citation]]]] = field(default_factory=dict)

    def previous(self, event_id: str) -> str | None:
        """The event before this one in the timeline, if any."""
        at = self.position[event_id]
        return self.timeline[at - 1] if at > 0 else None

    def next(self, event_id: str) -> str | None:
        """The event after this one in the timeline, if any."""
        at = self.position[event_id]
        return self.timeline[at + 1] if at + 1 < len(self.timeline) else None

    def longer_than(self, count: int) -> bool:
        """Whether the timeline holds more than `count` events (what a page that links into
        it needs to know of its length: `render/reads.py` counts it as one read)."""
        return len(self.timeline) > count


def date_period(date: HistDate) -> tuple[int | None, int | None]:
    """(decade, year) a date is filed under; year is None for decade-precision dates."""
    decade = date.decade()
    year = None if date.precision == "decade" else date.year()
    return decade, year


def period(event: Event) -> tuple[int | None, int | None]:
    """(decade, year) an event is filed under; year is None for decade-precision dates."""
    return date_period(event.date)


def date_order(date: HistDate | None) -> tuple:
    """Order by decade and year filed under, then `HistDate.sort_key()`; undated last.

    Grouping first keeps an open-start interval ("until April 1963") inside its year
    instead of before every other date; within a year the order is `sort_key()`.
    """
    decade, year = date_period(date) if date is not None else (None, None)
    return (decade is None, decade or 0, -1 if year is None else year,
            date.sort_key() if date is not None else ())


def timeline_key(event_id: str, event: Event) -> tuple:
    """Order of the timeline: `date_order` of the event's date, then its id."""
    return (*date_order(event.date), event_id)


def build_index(collection: Collection) -> SiteIndex:
    """Compute every lookup table the pages use, in one pass over the events."""
    events = collection.events
    index = SiteIndex()
    index.timeline = sorted(events, key=lambda eid: timeline_key(eid, events[eid]))
    index.position = {eid: at for at, eid in enumerate(index.timeline)}
    facets = {name: defaultdict(list) for name in ("year", "decade", "country", "theme", "actor")}
    related: dict[str, set[str]] = defaultdict(set)
    for eid in index.timeline:
        event = events[eid]
        decade, year = period(event)
        facets["decade"][decade].append(eid)
        facets["year"][year if year is not None else event.date.year()].append(eid)
        for name, values in (("country", event.countries), ("theme", event.themes),
                             ("actor", event.actors)):
            for value in dict.fromkeys(values):
                facets[name][value].append(eid)
        for other in event.related:
            if other in events and other != eid:
                related[eid].add(other)
                related[other].add(eid)
    index.by_year, index.by_decade = dict(facets["year"]), dict(facets["decade"])
    index.by_country, index.by_theme = dict(facets["country"]), dict(facets["theme"])
    index.by_actor = dict(facets["actor"])
    index.related = {eid: sorted(others, key=index.position.__getitem__)
                     for eid, others in related.items()}
    _index_citations(collection, index)
    return index


def _index_citations(collection: Collection, index: SiteIndex) -> None:
    """Locate every quote in its transcript; fill backlinks and the marks of each page.

    Citations of exactly the same passages of a document share the marks of the first of
    them (`Citation.shares`), so that a transcript has one mark per passage cited, however
    many events cite it: its page does not grow with the collection."""
    by_document: dict[str, list[Citation]] = defaultdict(list)
    marks: dict[str, dict[int, list[tuple[Passage, Citation]]]] = defaultdict(
        lambda: defaultdict(list))
    owners: dict[tuple, tuple[str, int]] = {}
    for eid in index.timeline:
        cited = []
        for number, source in enumerate(collection.events[eid].sources, start=1):
            transcript = collection.transcripts.get(source.document)
            citation = _locate(eid, number, source.document, source.pages, source.quote,
                               source.lang or "en", transcript)
            if citation.marks():
                key = (source.document, citation.marks())
                owner = owners.setdefault(key, (eid, number))
                if owner != (eid, number):
                    citation = replace(citation, shares=owner)
            cited.append(citation)
            by_document[source.document].append(citation)
            if citation.shares is not None:
                continue
            for passage in citation.marks():
                marks[source.document][passage.page].append((passage, citation))
        index.citations[eid] = cited
    index.by_document = dict(by_document)
    index.marks = {doc: {page: sorted(found, key=lambda m: (m[0].start, m[0].end))
                         for page, found in pages.items()}
                   for doc, pages in marks.items()}


def _locate(event_id: str, number: int, document_id: str, pages: tuple[int, ...],
            quote: str, lang: str, transcript: Transcript | None) -> Citation:
    """The citation, with the page and offsets of its quote's parts when the transcript has
    them."""
    passages = tuple(locate(quote, transcript, pages, lang)) if transcript is not None else ()
    if not passages:
        return Citation(event_id, number, document_id, pages, pages[0])
    first = passages[0]
    return Citation(event_id, number, document_id, pages, first.page, (first.start, first.end),
                    passages)


def group_by_period(event_ids: list[str], collection: Collection) -> list[DecadeGroup]:
    """Split event ids already in timeline order into decades and years."""
    keyed = [(period(collection.events[eid]), eid) for eid in event_ids]
    decades = []
    for decade, in_decade in groupby(keyed, key=lambda item: item[0][0]):
        years = tuple(YearGroup(year, tuple(eid for _, eid in in_year))
                      for year, in_year in groupby(in_decade, key=lambda item: item[0][1]))
        decades.append(DecadeGroup(decade, years))
    return decades

"""What reference managers and link previews read in a page's head.

Four vocabularies, because each reader reads one: Highwire Press `citation_*` tags (what
Zotero's connector and Google Scholar read), Dublin Core (`DC.*`, library harvesters),
OpenGraph (`og:*`, the previews of chat apps and learning platforms) and a schema.org
JSON-LD block (search engines). A document page describes the document itself (an
archival record as a report held by its archive, a FRUS document as a section of its
volume); an event page describes the page, with the documents it cites.

Every value comes from a record or from the archive's citation facts (`Archive.citation`),
nothing is filled in. The tags are `(attribute, key, value)` triples the template escapes;
the JSON-LD is serialised here with `<`, `>` and `&` escaped as JSON escapes, so that no
text of a record can close its `<script type="application/ld+json">` element.
"""

from __future__ import annotations

import json

from desclasificado.archives import archive_of
from desclasificado.archives.base import ArchivalCitation, EditedVolumeCitation
from desclasificado.records.dates import HistDate
from desclasificado.render.context import Context
from desclasificado.render.i18n import country_name
from desclasificado.render.urls import document_url

Tag = tuple[str, str, str]


def highwire_date(date: HistDate) -> str:
    """Highwire's date form, as precise as the date: "1963/04/11", "1963/04", "1963"."""
    day = date.start or date.end
    if day is None:
        return ""
    if date.is_interval or date.precision not in ("day", "month"):
        return f"{day.year:04d}"
    return f"{day:%Y/%m/%d}" if date.precision == "day" else f"{day:%Y/%m}"


def iso_date(date: HistDate) -> str:
    """ISO 8601, as precise as the date: "1963-04-11", "1963-04", "1963"."""
    return highwire_date(date).replace("/", "-")


def json_ld(data: dict) -> str:
    """A JSON-LD block's text: JSON that cannot end its script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _common(ctx: Context, url: str, title: str, description: str, og_type: str) -> list[Tag]:
    """OpenGraph and the Dublin Core every page has."""
    tags = [("property", "og:title", title), ("property", "og:type", og_type),
            ("property", "og:site_name", ctx.info.name),
            ("property", "og:locale", ctx.info.lang),
            ("name", "DC.title", title), ("name", "DC.language", ctx.info.lang)]
    if description:
        tags.append(("property", "og:description", description))
    if (absolute := ctx.info.absolute(url)) is not None:
        tags.append(("property", "og:url", absolute))
    return tags


def _archival_tags(facts: ArchivalCitation) -> list[Tag]:
    tags = [("name", "citation_technical_report_number", facts.record_number),
            ("name", "citation_technical_report_institution", facts.archive),
            ("name", "citation_pdf_url", facts.url),
            ("name", "DC.identifier", facts.record_number)]
    if facts.collection:
        tags.append(("name", "DC.relation.isPartOf", facts.collection))
    return tags


def _edited_tags(facts: EditedVolumeCitation) -> list[Tag]:
    number = f", Volume {facts.volume_number}" if facts.volume_number else ""
    subseries = f", {facts.subseries}" if facts.subseries else ""
    book = f"{facts.series}{subseries}{number}, {facts.volume_title}"
    tags = [("name", "citation_inbook_title", book), ("name", "citation_book_title", book),
            ("name", "citation_series_title", facts.series),
            ("name", "DC.relation.isPartOf", book), ("name", "DC.identifier", facts.url)]
    tags += [("name", "citation_editor", editor) for editor in facts.editors]
    if facts.volume_number:
        tags.append(("name", "citation_volume", facts.volume_number))
    if facts.first_page is not None:
        tags.append(("name", "citation_firstpage", str(facts.first_page)))
    if facts.last_page is not None:
        tags.append(("name", "citation_lastpage", str(facts.last_page)))
    if facts.publisher:
        tags += [("name", "citation_publisher", facts.publisher),
                 ("name", "DC.publisher", facts.publisher)]
    if facts.year:
        tags.append(("name", "citation_publication_date", str(facts.year)))
    return tags


def _document_ld(facts: ArchivalCitation | EditedVolumeCitation, page: str | None) -> dict:
    data: dict = {"@context": "https://schema.org", "name": facts.title, "sameAs": facts.url}
    if isinstance(facts, ArchivalCitation):
        data |= {"@type": "ArchiveComponent", "identifier": facts.record_number,
                 "holdingArchive": {"@type": "ArchiveOrganization", "name": facts.archive}}
        if facts.collection:
            data["isPartOf"] = {"@type": "Collection", "name": facts.collection}
    else:
        book: dict = {"@type": "Book", "name": facts.volume_title,
                      "isPartOf": {"@type": "BookSeries", "name": facts.series}}
        if facts.editors:
            book["editor"] = [{"@type": "Person", "name": name} for name in facts.editors]
        if facts.publisher:
            book["publisher"] = {"@type": "Organization", "name": facts.publisher}
        if facts.year:
            book["datePublished"] = str(facts.year)
        data |= {"@type": "Chapter", "position": facts.number, "isPartOf": book}
        if facts.first_page is not None:
            data["pageStart"] = str(facts.first_page)
        if facts.last_page is not None:
            data["pageEnd"] = str(facts.last_page)
    if facts.author:
        data["author"] = {"name": facts.author}
    if facts.recipient:
        data["recipient"] = {"name": facts.recipient}
    if facts.date and (when := iso_date(facts.date)):
        data["dateCreated"] = when
    if page:
        data["url"] = page
    return data


def document_meta(ctx: Context, doc_id: str, description: str) -> tuple[list[Tag], str]:
    """The head of a document page: its citation tags and its JSON-LD."""
    doc = ctx.collection.documents[doc_id]
    facts = archive_of(doc).citation(doc)
    url = document_url(doc_id)
    tags = _common(ctx, url, facts.title, description, "article")
    tags.append(("name", "citation_title", facts.title))
    if facts.author:
        tags += [("name", "citation_author", facts.author), ("name", "DC.creator", facts.author)]
    if facts.date and (when := highwire_date(facts.date)):
        tags += [("name", "citation_date", when), ("name", "DC.date", iso_date(facts.date))]
    tags.append(("name", "DC.type", "Text"))
    tags.append(("name", "DC.source", facts.url))
    if (absolute := ctx.info.absolute(url)) is not None:
        tags.append(("name", "citation_public_url", absolute))
    tags += _archival_tags(facts) if isinstance(facts, ArchivalCitation) else _edited_tags(facts)
    return tags, json_ld(_document_ld(facts, ctx.info.absolute(url)))


def event_meta(ctx: Context, event_id: str, url: str, title: str,
               description: str) -> tuple[list[Tag], str]:
    """The head of an event page: the page as an article about the event, its sources
    (`title` and `description` in the page's language)."""
    event = ctx.collection.events[event_id]
    tags = _common(ctx, url, title, description, "article")
    tags += [("name", "DC.type", "Text"), ("name", "DC.publisher", ctx.info.name)]
    tags += [("name", "DC.coverage", country_name(code)) for code in event.countries]
    about: dict = {"@type": "Event", "name": title}
    if (when := iso_date(event.date)):
        tags.append(("name", "DC.coverage", when))
        about["startDate"] = when
    if event.countries:
        about["location"] = [{"@type": "Country", "name": country_name(code)}
                             for code in event.countries]
    cited = dict.fromkeys(source.document for source in event.sources)
    citations = [{"@type": "CreativeWork", "name": ctx.collection.documents[d].title,
                  "sameAs": archive_of(ctx.collection.documents[d]).citation(
                      ctx.collection.documents[d]).url}
                 for d in cited if d in ctx.collection.documents]
    data: dict = {"@context": "https://schema.org", "@type": "Article", "headline": title,
                  "about": about, "citation": citations, "inLanguage": ctx.info.lang,
                  "publisher": {"@type": "Organization", "name": ctx.info.name}}
    if description:
        data["description"] = description
    if (absolute := ctx.info.absolute(url)) is not None:
        data["url"] = absolute
    if (changed := ctx.last_changed("events", event_id)) is not None:
        data["dateModified"] = changed.isoformat()
    return tags, json_ld(data)

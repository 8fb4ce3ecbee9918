"""Every address of the site, in one place (datasette's `url_builder.Urls` is the model).

Addresses are paths from the site's root, in MkDocs' directory style: "events/<id>/",
"" for the home page. Links between pages are made relative by `links.PageBuilder`, which
records each one for the link check; anchors are made here too, so that the page that
defines an anchor and the pages that link to it cannot drift apart. Addresses outside the
site (an archive's PDF page, a FRUS document) belong to the archive's kind
(`desclasificado.archives`), not here.
"""

from __future__ import annotations

HOME = ""
TIMELINE = "timeline/"
COUNTRIES = "countries/"
THEMES = "themes/"
ACTORS = "actors/"
DOCUMENTS = "documents/"
TEACHERS = "teachers/"
EMBED = "embed/"
SEARCH = "search.html"
SEARCH_BUNDLE = "pagefind/"  # the search index and its script, written by Pagefind

#: The data downloads, by name, as paths from the site's root.
EVENTS_JSON = "data/events.json"
EVENTS_SCHEMA = "data/events.schema.json"
EVENTS_CSV = "data/events.csv"
DOCUMENTS_JSON = "data/documents.json"
DOCUMENTS_SCHEMA = "data/documents.schema.json"
TIMELINEJS_JSON = "data/timelinejs.json"
DOCUMENTS_CSL = "data/documents.csl.json"
DOCUMENTS_BIB = "data/documents.bib"
DOCUMENTS_RIS = "data/documents.ris"
DATA_FILES = (EVENTS_JSON, EVENTS_SCHEMA, EVENTS_CSV, DOCUMENTS_JSON, DOCUMENTS_SCHEMA,
              TIMELINEJS_JSON, DOCUMENTS_CSL, DOCUMENTS_BIB, DOCUMENTS_RIS)


def language_prefix(code: str, main: str) -> str:
    """The folder of a language's pages: "" for the site's own language (`main`, at the
    root), "es/" for Spanish; every address above is then found under it ("es/events/x/")."""
    return "" if code == main else f"{code}/"


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def document_url(document_id: str) -> str:
    return f"documents/{document_id}/"


def document_transcript_url(document_id: str) -> str:
    """The page of a long document's whole transcript: "documents/<id>/transcript/"."""
    return f"{document_url(document_id)}transcript/"


def document_cited_by_url(document_id: str, part: int) -> str:
    """Page `part` of the events citing a document: part 1 is the document's own page, the
    others "documents/<id>/cited-by/2/"..."""
    base = document_url(document_id)
    return base if part == 1 else f"{base}cited-by/{part}/"


def country_url(code: str) -> str:
    return f"countries/{code.lower()}/"


def theme_url(theme_id: str) -> str:
    return f"themes/{theme_id}/"


def actor_url(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def cite_file(extension: str) -> str:
    """The name of a document's citation file, beside its page: "cite.json", "cite.bib",
    "cite.ris"."""
    return f"cite.{extension}"


def document_cite_file(document_id: str, extension: str) -> str:
    """A document's citation file: "documents/<id>/cite.json" (or .bib, .ris)."""
    return f"{document_url(document_id)}{cite_file(extension)}"


def embed_url(url: str) -> str:
    """The address of a page's embeddable version: "events/x/" -> "embed/events/x/"."""
    return f"{EMBED}{url}"


def oembed_file(url: str) -> str:
    """The oEmbed file of a page's embeddable version: "embed/events/x/oembed.json"."""
    return f"{embed_url(url)}oembed.json"


def year_slug(decade: int | None, year: int | None) -> str:
    """The last part of a year page's address: "1963", "1960s" (decade precision), "undated"."""
    if year is not None:
        return str(year)
    return "undated" if decade is None else f"{decade}s"


def year_url(list_url: str, decade: int | None, year: int | None) -> str:
    """The page of one year of a paginated list: "timeline/1963/", "countries/pe/1963/"."""
    return f"{list_url}{year_slug(decade, year)}/"


def year_part_url(list_url: str, decade: int | None, year: int | None, part: int) -> str:
    """Page `part` of a year too long for one page: "timeline/1963/2/" (part 1 is the year's
    own page, "timeline/1963/")."""
    base = year_url(list_url, decade, year)
    return base if part == 1 else f"{base}{part}/"


def document_year_url(decade: int | None, year: int | None) -> str:
    """The page of the documents of one year: "documents/years/1963/"."""
    return f"{DOCUMENTS}years/{year_slug(decade, year)}/"


def decade_anchor(decade: int | None) -> str:
    """The anchor of a decade: "d1960", or "undated"."""
    return "undated" if decade is None else f"d{decade}"


def year_anchor(decade: int | None, year: int | None) -> str:
    """The anchor of a year: "y1963", or "d1960-x" (decade precision)."""
    return f"{decade_anchor(decade)}-x" if year is None else f"y{year}"


def source_anchor(number: int) -> str:
    """The anchor of an event's numbered source: "source-2"."""
    return f"source-{number}"


def transcript_page_anchor(page: int | str) -> str:
    """The anchor of one page of a transcript on its document's page: "page-3"."""
    return f"page-{page}"

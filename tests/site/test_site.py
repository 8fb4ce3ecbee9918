"""The built site, read as HTML: citations, backlinks, facet pages, timeline order, data.

One small project is built once for the module; each test reads the pages it needs with
html.parser (see tests/sitekit.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desclasificado.render.links import relative
from tests.searchkit import fragments
from tests.sitekit import Doc, SiteProject, event_yaml, parse

SEED = "176-10036-10058"
BARE = "104-10000-10001"  # a document without transcript
SEED_PDF = "https://www.archives.gov/files/research/jfk/releases/2025/0318/176-10036-10058.pdf"
PARIS = "Paris has emerged as the center of the network."
ROUTES = "Colombia and Brazil have been used extensively as re-entry points."

# id: (date, countries, themes, actors), in the order the timeline must show them
EVENTS = {
    "decade-only": ("196X", ["PE"], [], []),
    "second-half-1962": ("1962-06/1962-12", ["PE", "CU"], ["guerrilla-training"], []),
    "until-april-1963": ("../1963-04", ["CU"], [], []),
    "year-1963": ("1963", ["MX"], [], ["cia"]),
    "about-1963": ("1963~", ["PE"], [], []),
    "april-1963": ("1963-04", ["PE"], [], []),
    "1963-04-11-paris": ("1963-04-11", ["PE", "FR"], ["exile-networks"], ["cia"]),
    "four-days": ("1963-04-11/1963-04-14", ["PE"], [], []),
    "two-sources": ("1963-04-12", ["CO", "BR"], ["exile-networks"], ["cia", "mir-peru"]),
    "no-transcript": ("1965", ["CU"], ["guerrilla-training"], ["mir-peru"]),
}

BARE_DOCUMENT = f"""\
record_number: "{BARE}"
title: "A document nobody has transcribed"
date: "1965-02"
archive: "National Archives and Records Administration"
originator: "FBI"
to: "CIA"
pages: 5
releases:
  - release: "2023"
    pdf: "https://www.archives.gov/files/research/jfk/releases/2023/{BARE}.pdf"
cited_release: "2023"
"""

TWO_SOURCES = f"""\
date: "1963-04-12"
title: "Two sources"
summary: "First claim.[^1] Second claim.[^2]"
body: "A longer account, which rests on the second source.[^2]"
countries: ["CO", "BR"]
places: ["Bogotá"]
actors: ["cia", "mir-peru"]
themes: ["exile-networks"]
related: ["1963-04-11-paris"]
sources:
  - document: "{SEED}"
    pages: "3"
    quote: "{PARIS}"
    note: "The memorandum's paragraph 8."
  - document: "{SEED}"
    pages: "4"
    quote: "{ROUTES}"
"""

NO_TRANSCRIPT = f"""\
date: "1965"
title: "Cited from an untranscribed document"
summary: "A summary without citation marks."
countries: ["CU"]
actors: ["mir-peru"]
themes: ["guerrilla-training"]
sources:
  - document: "{BARE}"
    pages: "2"
    quote: "words of an untranscribed document"
  - document: "{SEED}"
    pages: "4"
    quote: "{ROUTES}"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    from tests.conftest import REPO

    project = SiteProject(tmp_path_factory.mktemp("site") / "project")
    for name in ("mir-peru",):
        project.write(f"actors/{name}.yaml", (REPO / "actors" / f"{name}.yaml").read_text())
    project.write("themes/guerrilla-training.yaml",
                  (REPO / "themes" / "guerrilla-training.yaml").read_text())
    project.write(f"documents/{BARE}.yaml", BARE_DOCUMENT)
    for event_id, (date, countries, themes, actors) in EVENTS.items():
        if event_id in ("1963-04-11-paris", "two-sources", "no-transcript"):
            continue
        extra = f"themes: {json.dumps(themes)}\nactors: {json.dumps(actors)}\n"
        project.write(f"events/{event_id}.yaml",
                      event_yaml(date, f"Event {event_id}", countries=json.dumps(countries),
                                 extra=extra))
    project.write("events/two-sources.yaml", TWO_SOURCES)
    project.write("events/no-transcript.yaml", NO_TRANSCRIPT)
    code, lines = project.build()
    assert code == 0, "\n".join(lines)
    return project


def _entry_ids(page: Doc) -> list[str]:
    """Event ids of the entries of a list page, in order."""
    return [a.get("href").rstrip("/").rsplit("/", 1)[-1]
            for h in page.find_all(class_="entry-title") for a in h.find_all("a")]


def test_relative_links_climb_to_the_root() -> None:
    assert relative("events/x/", "documents/y/") == "../../documents/y/"
    assert relative("timeline/", "events/x/") == "../events/x/"
    assert relative("", "timeline/") == "timeline/"
    assert relative("", "") == "./"


def _marked(built: SiteProject, links: list[str]) -> list[str]:
    """The words of the document page's marks that `links` point to (the passage links)."""
    page = built.page(f"documents/{SEED}/")
    prefix = f"../../documents/{SEED}/#q-"
    return [page.by_id(link.split("#")[1]).words() for link in links if link.startswith(prefix)]


def test_citations_link_to_the_marked_passage_and_the_pdf_page(built: SiteProject) -> None:
    page = built.page("events/two-sources/")
    first, second = page.by_id("source-1"), page.by_id("source-2")
    for text in ("Activities of Cuban Trained Peruvian Guerrillas", "CIA to Director, CIA",
                 "11 April 1963", "record number 176-10036-10058", "page 3", PARIS,
                 "The memorandum's paragraph 8."):
        assert text in first.words()
    assert set(_marked(built, first.links())) == {PARIS}
    assert f"../../documents/{SEED}/#page-3" in first.links()
    assert f"{SEED_PDF}#page=3" in first.links()
    assert set(_marked(built, second.links())) == {ROUTES}
    assert f"../../documents/{SEED}/#page-4" in second.links()
    assert f"{SEED_PDF}#page=4" in second.links()
    assert "page 4" in second.words() and ROUTES in second.words()


def test_the_document_page_marks_each_cited_passage_once_on_its_page(built: SiteProject) -> None:
    """Events quoting exactly the same passage share its one mark, which says how many
    cite it: the transcript does not grow with the events citing it."""
    page = built.page(f"documents/{SEED}/")
    for quote, page_id in ((PARIS, "page-3"), (ROUTES, "page-4")):
        marks = [m for m in page.find_all("mark") if m.get("id") and m.words() == quote]
        assert len(marks) == 1, quote
        parent = marks[0].parent
        while parent is not None and parent.get("id") != page_id:
            parent = parent.parent
        assert parent is not None, f"{quote} is not inside #{page_id}"
    paris = next(m for m in page.find_all("mark") if m.words() == PARIS)
    citing = sum(PARIS in built.page(f"events/{p.stem}/").words()
                 for p in (built.root / "events").glob("*.yaml"))
    assert citing > 2 and paris.get("title").endswith(f" and {citing - 1} other events")
    assert [f"page-{n}" for n in range(1, 6)] == [i for i in page.ids() if i.startswith("page-")]


def test_citation_marks_link_to_the_sources(built: SiteProject) -> None:
    page = built.page("events/two-sources/")
    summary = page.find(class_="summary")
    assert [a.get("href") for a in summary.find_all("a")] == ["#source-1", "#source-2"]
    assert page.find(class_="body").links() == ["#source-2"]
    unmarked = built.page("events/no-transcript/").find(class_="summary")
    assert unmarked.words().startswith("A summary without citation marks.")
    assert [a.get("href") for a in unmarked.find_all("a")] == ["#source-1", "#source-2"]


def test_a_document_without_transcript_is_linked_without_anchor(built: SiteProject) -> None:
    source = built.page("events/no-transcript/").by_id("source-1")
    assert f"../../documents/{BARE}/" in source.links()
    assert (f"https://www.archives.gov/files/research/jfk/releases/2023/{BARE}.pdf#page=2"
            in source.links())
    document = built.page(f"documents/{BARE}/")
    assert "No transcript" in document.by_id("transcript").parent.words()


def test_event_page_lists_facts_related_and_neighbours(built: SiteProject) -> None:
    page = built.page("events/two-sources/")
    facts = page.find("dl", class_="facts")
    assert {"../../countries/co/", "../../countries/br/", "../../actors/cia/",
            "../../actors/mir-peru/", "../../themes/exile-networks/"} <= set(facts.links())
    assert "Colombia" in facts.words() and "Bogotá" in facts.words()
    related = page.find("section", class_="related")
    assert _entry_ids(related) == ["1963-04-11-paris"]
    assert "two-sources" in _entry_ids(built.page("events/1963-04-11-paris/")
                                       .find("section", class_="related"))
    order = list(EVENTS)
    for at, event_id in enumerate(order):
        nav = built.page(f"events/{event_id}/").find("nav", class_="prevnext")
        prev = [a.get("href") for a in nav.find_all("a", rel="prev")]
        following = [a.get("href") for a in nav.find_all("a", rel="next")]
        assert prev == ([f"../../events/{order[at - 1]}/"] if at else [])
        assert following == ([f"../../events/{order[at + 1]}/"] if at + 1 < len(order) else [])
        # the same two near the top of the page, in its header
        steps = built.page(f"events/{event_id}/").find("header", class_="page-head").find(
            "nav", class_="steps")
        assert [a.get("href") for a in steps.find_all("a")] == prev + following


def test_backlinks_list_every_citing_event(built: SiteProject) -> None:
    cited_by = built.page(f"documents/{SEED}/").by_id("cited-by").parent
    citing = [e for e in EVENTS if e != "no-transcript"] + ["no-transcript"]
    titles = {a.get("href") for a in cited_by.find_all("a") if a.get("href").endswith("/")}
    assert titles == {f"../../events/{e}/" for e in citing}
    assert "../../events/two-sources/#source-2" in cited_by.links()
    assert "#q-two-sources-2" in cited_by.links()
    bare = built.page(f"documents/{BARE}/").by_id("cited-by").parent
    assert "../../events/no-transcript/#source-1" in bare.links()


def test_the_document_page_explains_fields_and_links_every_release(built: SiteProject) -> None:
    page = built.page(f"documents/{SEED}/")
    table = page.find("table", class_="identification")
    rows = {row.find("th").words(): row for row in table.find_all("tr")[1:]}
    assert rows["Originator"].find("td").words() == "CIA"
    assert "wrote the document" in rows["Originator"].find("td", class_="gloss").words()
    releases = page.find("ul", class_="releases").links()
    assert releases == [SEED_PDF, f"https://www.archives.gov/files/research/jfk/releases/2022/"
                        f"{SEED}.pdf"]


def test_timeline_is_in_date_order_across_precisions(built: SiteProject) -> None:
    page = built.page("timeline/")
    assert _entry_ids(page) == list(EVENTS)
    headings = [(h.tag, h.get("id"), h.words()) for h in page.find_all()
                if h.tag in ("h2", "h3") and h.get("id")]
    assert headings == [("h2", "d1960", "1960s"), ("h3", "d1960-x", "1960s, year not known"),
                        ("h3", "y1962", "1962"), ("h3", "y1963", "1963"),
                        ("h3", "y1965", "1965")]
    first = page.find("li", class_="entry")
    assert first.find(class_="entry-date").words() == "1960s"
    assert "Peru" in first.find(class_="entry-meta").words()
    assert "../events/decade-only/#source-1" in first.links()


def _expected(position: int, value: str) -> list[str]:
    return [e for e, facts in EVENTS.items() if value in facts[position]]


@pytest.mark.parametrize(("folder", "position", "value"), [
    ("countries/pe", 1, "PE"), ("countries/cu", 1, "CU"), ("countries/br", 1, "BR"),
    ("themes/exile-networks", 2, "exile-networks"),
    ("themes/guerrilla-training", 2, "guerrilla-training"),
    ("actors/cia", 3, "cia"), ("actors/mir-peru", 3, "mir-peru"),
])
def test_facet_pages_list_exactly_their_events(built: SiteProject, folder: str, position: int,
                                               value: str) -> None:
    assert _entry_ids(built.page(f"{folder}/")) == _expected(position, value)


def test_facet_indexes_link_every_facet(built: SiteProject) -> None:
    countries = {c for facts in EVENTS.values() for c in facts[1]}
    assert set(built.page("countries/").find(class_="facet-list").links()) == {
        f"../countries/{c.lower()}/" for c in countries}
    assert "France" in built.page("countries/").words()
    assert set(built.page("themes/").find(class_="facet-list").links()) == {
        "../themes/exile-networks/", "../themes/guerrilla-training/"}
    assert set(built.page("actors/").find(class_="facet-list").links()) == {
        "../actors/cia/", "../actors/mir-peru/"}
    documents = built.page("documents/").find("table", class_="documents").links()
    assert documents == [f"../documents/{SEED}/", f"../documents/{BARE}/"]


def test_home_page_has_prose_counts_and_starting_points(built: SiteProject) -> None:
    home = built.page("")
    main = home.find("main")
    assert "How to read a declassified document" in main.words()
    assert "10 events from 1960–1965" in main.find(class_="counts").words()
    start = main.find(class_="start")
    assert {"countries/pe/", "themes/exile-networks/", "timeline/#d1960"} <= set(start.links())
    assert "desclasificado:" not in (built.root / "site" / "index.html").read_text()


def test_every_page_has_the_landmarks_and_no_outside_request(built: SiteProject) -> None:
    for url in ("", "timeline/", "events/two-sources/", f"documents/{SEED}/"):
        page = built.page(url)
        assert page.find("html").get("lang") == "en"
        assert page.find("a", class_="skip-link").get("href") == "#content"
        assert page.find("main").get("id") == "content"
        assert page.find_all("header") and page.find_all("footer") and page.find_all("nav")
        for element in page.find_all():
            for name in ("src", "href"):
                value = element.get(name) or ""
                if element.tag != "a":
                    assert not value.startswith(("http:", "https:", "//")), (url, value)


def test_events_are_published_as_json(built: SiteProject) -> None:
    rows = json.loads((built.root / "site" / "data" / "events.json").read_text())["events"]
    assert [row["id"] for row in rows] == list(EVENTS)
    assert rows[-1]["sources"][0]["pdf"].endswith(f"{BARE}.pdf")


def test_search_is_wired_in_and_local(built: SiteProject) -> None:
    site: Path = built.root / "site"
    page = parse((site / "search.html").read_text())
    assert page.find("input", id="search-query").get("name") == "q"
    assert page.find("div", id="search-results")
    form = page.find("form", id="search-form")
    assert (form.get("data-bundle"), form.get("data-site-root")) == ("./pagefind/", "./")
    assert [s.get("src") for s in page.find_all("script") if s.get("src")] == [
        "./js/messages.js", "./search/main.js"]  # the scripts' messages first (js/messages.js)
    assert (site / "pagefind" / "shards.json").is_file()  # each language's bundle
    assert (site / "pagefind" / "en" / "pagefind.js").is_file()
    # no lunr index, nor MkDocs' search plugin's files
    assert not (site / "search" / "search_index.json").exists()
    assert not (site / "search" / "worker.js").exists() and not (site / "search" / "lunr.js").exists()
    found = fragments(site)
    assert "/events/two-sources/" in found
    assert "Event decade-only" not in found["/timeline/"]["content"]  # lists are not indexed twice


def test_search_indexes_documents_by_identification_not_transcript(built: SiteProject) -> None:
    document = fragments(built.root / "site")[f"/documents/{SEED}/"]["content"]
    assert "National Security Files" in document  # from the identification
    assert "JFK ASSASSINATION SYSTEM" not in document  # transcript text


def test_the_nav_lists_only_a_handful_of_pages(built: SiteProject) -> None:
    for url in ("", "events/two-sources/", f"documents/{SEED}/", "countries/pe/"):
        nav = built.page(url).find("nav", class_="site-nav")
        assert [a.words() for a in nav.find_all("a")] == [
            "Home", "Timeline", "Countries", "Themes", "Actors", "Documents", "For teachers",
            "Contribute", "Field reference"]


def test_overlapping_passages_nest_into_valid_marks() -> None:
    from desclasificado.index import Citation
    from desclasificado.render.transcript import mark_passages
    from desclasificado.render.links import PageBuilder

    text = "alpha beta <gamma> delta epsilon"
    first = Citation("a", 1, "doc", (1,), 1, (0, 18))    # alpha beta <gamma>
    second = Citation("b", 2, "doc", (1,), 1, (6, 24))   # beta <gamma> delta
    inner = Citation("c", 1, "doc", (1,), 1, (11, 18))   # <gamma>
    pb = PageBuilder("documents/doc/")
    marks = [(m, c) for c in (first, second, inner) for m in c.marks()]
    html = mark_passages(text, marks, pb, {"a": "A", "b": "B", "c": "C"})
    page = parse(f"<pre>{html}</pre>")
    assert page.find("pre").text == text
    assert page.by_id("q-a-1").words() == "alpha beta <gamma>"
    assert page.by_id("q-c-1").words() == "<gamma>"
    assert page.by_id("q-b-2").words() == "beta <gamma>"  # continued after the first closes
    continued = page.find("mark", class_="continued")
    assert continued.words() == "delta" and continued.get("title") == "Cited in: B"
    assert html.count("<mark") == html.count("</mark>") == 4
    assert pb.anchors == {"q-a-1", "q-b-2", "q-c-1"}


def test_each_part_of_an_ellipsis_quote_has_its_own_mark() -> None:
    from desclasificado.check.quotes import Passage
    from desclasificado.index import Citation
    from desclasificado.render.transcript import mark_passages
    from desclasificado.render.links import PageBuilder

    text = "one two three four five six seven eight nine"
    passages = (Passage(1, 0, 13, 1), Passage(1, 24, 33, 2), Passage(2, 0, 4, 2, first=False))
    citation = Citation("e", 2, "doc", (1, 2), 1, (0, 13), passages)
    pb = PageBuilder("documents/doc/")
    html = mark_passages(text, [(m, citation) for m in citation.marks() if m.page == 1], pb,
                         {"e": "E"})
    page = parse(f"<pre>{html}</pre>")
    assert page.by_id("q-e-2").words() == "one two three"
    assert page.by_id("q-e-2-part2").words() == "six seven"
    assert [m.words() for m in page.find_all("mark")] == ["one two three", "six seven"]
    assert pb.anchors == {"q-e-2", "q-e-2-part2"}
    second_page = mark_passages("nine", [(passages[2], citation)], pb, {"e": "E"})
    assert second_page == '<mark class="continued" title="Cited in: E">nine</mark>'

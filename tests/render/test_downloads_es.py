"""The citation downloads of the Spanish site speak Spanish: the notes that RIS, BibTeX and
CSL-JSON add to a record's facts ("From JMWAVE. 2021 release.", "To: Director", "Document
145, dated ...") come from the catalogue, while the facts (titles, names, the archive)
stay as the archive writes them. Parsed with rispy, bibtexparser and json, on the
repository's own documents: a JFK cable with a sender and a FRUS document."""

from __future__ import annotations

import datetime
import json

import bibtexparser
import pytest
import rispy

from desclasificado.check.project import check_project
from desclasificado.records.models import Document
from desclasificado.render.bibliographic import bibtex, bibtex_entry, csl_item, csl_json
from desclasificado.render.i18n import activate, language
from desclasificado.render.ris import ris, ris_entry
from tests.conftest import REPO

BUILT = datetime.date(2025, 5, 3)
JFK = "104-10076-10252"  # a JMWAVE cable to Director, 2021 release
FRUS = "frus1969-76ve16-d145"
INITIAL = "157-10002-10052"  # from "Treverton, Gregory F." to "The Record"
ABBREVIATED = "104-10071-10202"  # from "COS / JMWAVE" to "C/Western Remisphere Div."


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return check_project(REPO, verify_quotes=False).collection.documents


def _downloads(documents: dict[str, Document], code: str,
               ids: tuple[str, ...] = (JFK, FRUS)) -> tuple[list, dict, dict]:
    """The RIS records, the BibTeX fields by key and the CSL items by id of the documents
    `ids` (both by default), rendered in the language `code`."""
    with activate(language(code)):
        ris_text = ris([ris_entry(d, documents[d], BUILT) for d in ids])
        bib_text = bibtex([bibtex_entry(d, documents[d], BUILT) for d in ids])
        csl_text = csl_json([csl_item(d, documents[d], BUILT) for d in ids])
    library = bibtexparser.parse_string(bib_text)
    assert not library.failed_blocks
    fields = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    return rispy.loads(ris_text), fields, {item["id"]: item for item in json.loads(csl_text)}


def test_the_spanish_downloads_of_a_jfk_record_have_spanish_notes(documents) -> None:
    (jfk, _frus), bib, csl = _downloads(documents, "es")
    assert jfk["notes"] == ["De: JMWAVE", "Para: Director"]
    assert jfk["edition"] == "publicación de 2021" and jfk["type_of_work"] == "cable"
    assert bib[JFK]["note"] == "A Director. De JMWAVE. Publicación de 2021."
    assert bib[JFK]["addendum"] == f"Número de registro {JFK}, serie documental JFK"
    assert csl[JFK]["note"] == "De JMWAVE. Publicación de 2021."
    # the facts stay the archive's
    assert csl[JFK]["title"] == documents[JFK].title
    assert csl[JFK]["archive"] == "National Archives and Records Administration"


def test_the_spanish_downloads_of_a_frus_document_have_spanish_notes(documents) -> None:
    (_jfk, frus), bib, _csl = _downloads(documents, "es")
    assert frus["section"] == "Documento 145"
    assert frus["notes"] == ["Para: President’s Assistant for National Security Affairs (Kissinger)"]
    assert bib[FRUS]["note"] == "Documento 145, con fecha 16 de septiembre de 1973"


def test_the_english_downloads_keep_their_english_notes(documents) -> None:
    (jfk, frus), bib, csl = _downloads(documents, "en")
    assert jfk["notes"] == ["From: JMWAVE", "To: Director"] and jfk["edition"] == "2021 release"
    assert bib[JFK]["note"] == "To Director. From JMWAVE. 2021 release."
    assert bib[JFK]["addendum"] == f"Record number {JFK}, record series JFK"
    assert csl[JFK]["note"] == "From JMWAVE. 2021 release."
    assert frus["section"] == "Document 145" and frus["notes"][0].startswith("To: President")
    assert bib[FRUS]["note"] == "Document 145, dated 16 September 1973"


@pytest.mark.parametrize(("code", "sender", "recipient", "release"), [
    ("en", "From", "To", "2021 release."), ("es", "De", "A", "Publicación de 2021.")])
def test_a_name_that_ends_with_a_period_gets_no_second_one(documents, code, sender, recipient,
                                                          release) -> None:
    """A sender ending with an initial, a recipient ending with an abbreviation: the note's
    sentence ends with the name's own period ("From Treverton, Gregory F. 2021 release.")."""
    (initial, abbreviated), bib, csl = _downloads(documents, code, (INITIAL, ABBREVIATED))
    assert csl[INITIAL]["note"] == f"{sender} Treverton, Gregory F. {release}"
    assert bib[INITIAL]["note"] == f"{recipient} The Record. {sender} Treverton, Gregory F. {release}"
    assert bib[ABBREVIATED]["note"] == (
        f"{recipient} C/Western Remisphere Div. {sender} COS / JMWAVE. {release}")
    assert f"{sender}: Treverton, Gregory F." in initial["notes"]  # RIS: no period added
    assert any(note.endswith("C/Western Remisphere Div.") for note in abbreviated["notes"])

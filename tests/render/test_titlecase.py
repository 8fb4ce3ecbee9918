"""Title casing of what OCR read from the archives' forms (render/titlecase.py): the cases
are those of the repository's documents (documents/*.yaml), with their collection's words."""

from __future__ import annotations

import pytest

from desclasificado.render.titlecase import learned

CASING = learned([
    "Sam Papich met the station chief in Miami; cables from Rio spoke of Goulart.",
    "The Department of Defense sent a memorandum on the Alliance for Progress.",
    "Reports of Soviet ships reached the station.",
    "The SAM sites were photographed; the director of the agency read the reports.",
])


@pytest.mark.parametrize(("name", "expected"), [
    # a period OCR read for the comma between a title and its agency's code
    ("DIRECTOR. FBI", "Director, FBI"),
    ("SAC. MM", "SAC, MM"),
    # ... but not after an abbreviation that takes one, nor before a name
    ("GEN. J. SMITH", "Gen. J. Smith"),
    ("CYRUS R. VANCE", "Cyrus R. Vance"),
    ("TREVERTON, GREGORY F.", "Treverton, Gregory F."),
    # office codes joined by a slash, and a unit's code
    ("CHIEF, LA/EICO", "Chief, LA/EICO"),
    ("CHIEF OF STATION, LA/EICO", "Chief of Station, LA/EICO"),
    ("CHIEF, WE DIVISION, CIA", "Chief, WE Division, CIA"),
    ("DEPUTY CHIEF, LA DIVISION", "Deputy Chief, LA Division"),
    ("CHIEF, MIAMI FILE OFFICE", "Chief, Miami File Office"),
    # a person, surname first: a given name is no abbreviation, though the text writes SAM
    ("PAPICH, SAM", "Papich, Sam"),
    ("DIRECTOR, FBI", "Director, FBI"),
    ("SAC, NY", "SAC, NY"),
])
def test_senders_and_recipients(name: str, expected: str) -> None:
    assert CASING.name(name) == expected


@pytest.mark.parametrize(("title", "chicago", "apa"), [
    ("CABLE: CONCUR RIO'S ESTIMATE (REF A) THAT GOULART'S CONTINUED PRESENCE",
     "Cable: Concur Rio's Estimate (Ref A) That Goulart's Continued Presence",
     "Cable: Concur Rio's estimate (ref A) that Goulart's continued presence"),
    ("CUBAN AFFAIRS IN THE DEPARTMENT OF DEFENSE",
     "Cuban Affairs in the Department of Defense",
     "Cuban affairs in the Department of Defense"),
    ("BOLIVIAN AMBASSADOR SUGGESTS ALLIANCE FOR PROGRESS SCULPTURE",
     "Bolivian Ambassador Suggests Alliance for Progress Sculpture",
     "Bolivian ambassador suggests Alliance for Progress sculpture"),
    ("MEMO FROM LA/EICO TO WH DIVISION", "Memo from LA/EICO to WH Division",
     "Memo from LA/EICO to WH division"),
    # words that only look like codes stay words
    ("AND/OR A PLAN", "And/or a Plan", "And/or a plan"),
    ("A PLAN FOR MY STAFF", "A Plan for My Staff", "A plan for my staff"),
    # a name learned at a sentence's start is no name: "Reports of Soviet"
    ("REPORTS OF SOVIET SHIPS", "Reports of Soviet Ships", "Reports of Soviet ships"),
    ("THE STATION HAD REPORTS OF SOVIET SHIPS", "The Station Had Reports of Soviet Ships",
     "The station had reports of Soviet ships"),
])
def test_titles(title: str, chicago: str, apa: str) -> None:
    assert (CASING.title(title), CASING.sentence(title)) == (chicago, apa)

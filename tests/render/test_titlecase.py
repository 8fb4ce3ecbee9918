"""Title casing of what OCR read from the archives' forms (render/titlecase.py): the cases
are those of the repository's documents (documents/*.yaml), with their collection's words."""

from __future__ import annotations

import json

import pytest

from desclasificado.render import titlecase
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


TEXTS = [
    "Sam Papich met the station chief in Miami; cables from Rio spoke of Goulart.",
    "The Department of Defense sent a memorandum on the Alliance for Progress.",
    "Reports of Soviet ships reached the station. The soviet press said nothing.",
    "The SAM sites were photographed; the director of the agency read the reports.",
    "In Miami the Station met Sam Papich again: the station said So.",
]


def test_what_each_text_taught_the_last_build_gives_the_same_casing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The page cache keeps what each text taught (as JSON); a build that takes it learns
    what one that works everything out does, and works out only the texts it has not seen."""
    first = titlecase.Learned()
    whole = learned(TEXTS, first)
    assert whole == learned(TEXTS)
    kept = json.loads(json.dumps(first.used))  # as the cache keeps it
    worked_out: list[str] = []
    real = titlecase.taught
    monkeypatch.setattr(titlecase, "taught", lambda text: (worked_out.append(text), real(text))[1])
    edited = [*TEXTS[:2], "The Cuban Delegation met in Paris.", *TEXTS[2:]]
    again = learned(edited, titlecase.Learned(known=kept))
    assert worked_out == ["The Cuban Delegation met in Paris."]
    monkeypatch.undo()
    assert again == learned(edited)
    assert again.names["paris"] == "Paris" and "soviet" not in again.names  # written lower once

"""OCR slips on the form that have one reading only: "CHIEE" is CHIEF, "UMWAVE" is JMWAVE.

The OCR of a typed form confuses a few letters (F read as E, T as I, J as U, H as R, Q as O,
O as 0) and reads a letter of one stroke twice ("MEXIICO"). A token that is not a word of
English nor a name the collection uses is corrected when changing one letter by one of those
slips (or dropping the doubled letter) makes it a word, or one of the collection's agencies
and cryptonyms, in exactly one way; otherwise it is kept as read (names of people are not words,
and are never changed). The word list is the one the quote check uses (`check.lexicon`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desclasificado.check.lexicon import is_word

# Which letters the OCR puts for which: the letter read -> the letters it may stand for.
SLIPS: dict[str, str] = {"E": "F", "I": "TJL", "U": "J", "R": "HK", "O": "Q", "0": "O", "1": "I",
                         "5": "S", "Q": "O"}
# Agencies of the collection (NARA's agency codes), the cryptonyms and abbreviations its forms use.
AGENCIES = frozenset({
    "ARRB", "CIA", "DEA", "DOD", "DOJ", "DOS", "FBI", "HSCA", "ICC", "INS", "IRS", "JCS", "LBJ", "NARA", "NSA",
    "NSC", "OSD", "PFIAB", "ROCK", "ROCKCOM", "SSCIA", "USSS", "USA", "ARMY", "NAVY", "USN", "USAF", "WC", "WH",
    "STATE", "TREASURY",
})
# Agencies named in full, as some forms give the originator ("CENTRAL INTELLIGENCE AGENCY").
AGENCIES_IN_FULL = frozenset({
    "CENTRAL INTELLIGENCE AGENCY", "FEDERAL BUREAU OF INVESTIGATION", "NATIONAL SECURITY AGENCY",
    "HOUSE SELECT COMMITTEE ON ASSASSINATIONS", "DEPARTMENT OF STATE", "WARREN COMMISSION", "ROCKEFELLER COMMISSION",
    "WHITE HOUSE",
})
_NOT_CODES = frozenset({"NASA", "USSR", "NATO"})  # near a long code (NARA, USSS), and not it
KNOWN = AGENCIES | frozenset({
    "JFK", "HQ", "HQS", "MFR", "DDP", "DCI", "DDCI", "COS", "WAVE", "JMWAVE", "JMATE", "JMBELL", "LIENVOY",
    "LITAMIL", "LIEMPTY", "LIERODE", "LIFEAT", "LIONION", "AMLASH", "AMWORLD", "AMTRUNK", "AMSPELL", "ZRRIFLE",
    "QJWIN", "KUBARK", "ODYOKE", "ODENVY", "ODACID", "PBRUMEN", "PBSUCCESS", "MONGOOSE", "KUDESK",
    "FNU", "LNU", "NMN",  # first name unknown, last name unknown, no middle name
}) | _NOT_CODES
# Short words of the word list that on these forms are abbreviations read wrong.
_ABBREVIATION_SLIPS = {"HO": "HQ", "HOS": "HQS"}
# A token, not one numbered as a code name is ("LIRING-3", "AMMUG/1": a cryptonym, kept as read).
_TOKEN = re.compile(r"(?<![A-Za-z0-9'])[A-Z0-9]{2,}(?![A-Za-z0-9]|[-/]\d)")


def is_known(token: str) -> bool:
    return token in KNOWN or is_word(token.lower(), "en")


@lru_cache(maxsize=4096)
def correct_token(token: str) -> str:
    """The token, or its one reading when it is not a word and one OCR slip makes it one."""
    if token in _ABBREVIATION_SLIPS:
        return _ABBREVIATION_SLIPS[token]
    if token.isdigit() or is_known(token) or not re.search(r"[A-Z]", token):
        return token
    readings = set()
    for index, read in enumerate(token):
        for meant in SLIPS.get(read, ""):
            candidate = token[:index] + meant + token[index + 1:]
            if _is_reading(candidate):
                readings.add(candidate)
    for index in range(1, len(token)):  # a letter the OCR doubled: "MEXIICO"
        single = token[:index] + token[index + 1:]
        if token[index] == token[index - 1] and token[index] in _DOUBLED and _is_reading(single):
            readings.add(single)
    if not readings and len(token) >= 4 and token.isalpha():  # "ASCA REQUEST", "ISCA": one letter of a long code
        readings = {code for code in _LONG_CODES if len(code) == len(token) and _one_apart(token, code)}
    if not readings and len(token) == 3 and token.isalpha():  # "COUNSEL SCA", "W/ARB STAFF": a letter lost
        readings = {code for code in _LONG_CODES if len(code) == 4 and _one_apart(token, code)}
    return readings.pop() if len(readings) == 1 else token


# Agencies' codes long enough that one letter changed still names them, and words they are near.
_LONG_CODES = frozenset({"HSCA", "SSCIA", "ARRB", "NARA", "PFIAB"})

# Letters of one stroke that the OCR reads twice.
_DOUBLED = frozenset("IL1")


def _is_reading(candidate: str) -> bool:
    return candidate in KNOWN or (len(candidate) >= 5 and candidate.isalpha() and is_word(candidate.lower(), "en"))


# Short words of English read with one slip, inside a phrase ("COVERAGE OE SOVIET", "CLEARANCE EOR JAMES"):
# the word list has "OE", and is not asked about words shorter than five letters.
_PHRASE_SLIPS = {"OE": "OF", "EOR": "FOR", "EROM": "FROM", "IHE": "THE", "TRE": "THE"}
_IN_PHRASE = re.compile(rf"(?<=[A-Z,] )(?:{'|'.join(_PHRASE_SLIPS)})(?= [A-Z])")


# A zero among the letters of an office code is the letter O: "SA/DO/0", "0/SA/DO/O", "00/CONTACT".
_OFFICE_ZERO = re.compile(r"(?<=[A-Z]/)0(?![0-9])|(?<![A-Za-z0-9/])00?(?=/[A-Z])")
# The president's name, whose middle initial the OCR reads as E ("JOHN E. KENNEDY"): F is the slip E is for.
_NAME_SLIPS = ((re.compile(r"\bJOHN E\. KENNEDY\b"), "JOHN F. KENNEDY"),)
# Accents an English typed form does not have: "MEMO ÓN HSCA REQUEST" (a word without them).
_ACCENTED = re.compile(r"(?<![A-Za-z])[A-Z]*[ÁÉÍÓÚÀÈÌÒÙ][A-Z]*(?![A-Za-z])")


def correct_text(text: str) -> str:
    """`text` with each upper-case token's OCR slip corrected where it has one reading."""
    text = _IN_PHRASE.sub(lambda found: _PHRASE_SLIPS[found.group()], text)
    text = _OFFICE_ZERO.sub(lambda found: "O" * len(found.group()), text)
    text = _ACCENTED.sub(lambda found: _unaccented(found.group()), text)
    for pattern, meant in _NAME_SLIPS:
        text = pattern.sub(meant, text)
    return _TOKEN.sub(lambda found: correct_token(found.group()), text)


def _unaccented(token: str) -> str:
    plain = unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode()
    return plain if is_known(plain) else token


def names_agency(text: str) -> bool:
    """Whether a line names an agency: its code (one letter off allowed, `closest_agency`) or its name in full."""
    bare = text.strip(" .,;:")
    return closest_agency(bare) is not None or " ".join(bare.upper().split()) in AGENCIES_IN_FULL


def closest_agency(text: str) -> str | None:
    """The agency an originator's text names: itself when known, else the one agency one letter
    away (added, dropped or changed: "SCA" for HSCA, "CLA" for CIA); None when none or several."""
    if text in AGENCIES:
        return text
    if len(text) < 3 or not text.isalpha():
        return None
    near = [agency for agency in AGENCIES if _one_apart(text, agency)]
    return near[0] if len(near) == 1 else None


def _one_apart(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))

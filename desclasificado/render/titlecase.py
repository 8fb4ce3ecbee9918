"""Titles put in the case a citation style asks for: headline case (Chicago, MLA) and
sentence case (APA), from the site's sentence-case titles and the archives' titles, many
of them in capitals ("MEXICO STATION COVERAGE OF SOVIET AND CUBAN EMBASSIES (1963)").

A word of an all-capitals title is kept in capitals when it is an abbreviation or a
cryptonym: listed in `archives/agencies.yaml` (`acronyms`, and every agency code), written
in capitals in the collection's own text (JMWAVE, OAS), without a vowel (RPT, GNR), a roman
numeral, or with a digit (DC-8, record numbers). Sentence case lowers a word only when it
is a common word (in the English word list, or written in lower case in the collection's
text) and not a name: names are the words the collection's text capitalizes inside a
sentence and never writes in lower case (Cuban, Bosch, McNamara), written as it writes them.
A supplied title (the archive's description in square brackets, "[SUBJECT: ...]") is set
in sentence case in every style and is not put in quotation marks (render/citations.py).

What the archives' forms were read with (OCR) and how offices wrote themselves also count:
office codes joined by a slash stay in capitals when each is short and one is no word
(LA/EICO, not "La/Eico"); two letters before a unit's name are its code (WE DIVISION, LA
DIVISION); a letter in parentheses names a reference ("REF A)"); in a sender or recipient
in capitals, a period between a word and a code is the comma OCR misread ("DIRECTOR. FBI"
-> "Director, FBI"); and names of several words with a minor word in them, as the
collection writes them ("Department of Defense", "Alliance for Progress"), keep their
capitals in sentence case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from desclasificado.archives.agencies import table
from desclasificado.check.lexicon import is_word
from desclasificado.render.markup import text_digest

# Lower-case words of headline-style titles (Chicago 8.159, MLA 9 2.90): articles,
# coordinating conjunctions, prepositions, "to" and "as", and the Spanish particles of
# Latin American names; the list is that of the CSL processors (citeproc-js).
MINOR_WORDS = frozenset("""
a an the and but or nor for so yet as at by down from in into like near of off on onto
out over past per plus till to up upon via vs with within without about above across
after against along among around before behind below beneath beside between beyond during
except inside outside since through toward towards under underneath until unto versus de
del la las los y
""".split())
# Abbreviated titles of people, written with a capital and lower case: "DR." -> "Dr."
TITLES = {"DR": "Dr", "MR": "Mr", "MRS": "Mrs", "MS": "Ms", "JR": "Jr", "SR": "Sr", "ST": "St"}
# Capitalized in every style: months and days, and their abbreviations.
CAPITALIZED = frozenset("""
january february march april may june july august september october november december jan
feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday
""".split())
_ORDINAL = re.compile(r"^(\d+)(ST|ND|RD|TH)(\W*)$")
_WORD = re.compile(r"[^\s]+")
_PART = re.compile(r"^([^\w]*)(\w)(.*)$")
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
_CORE = re.compile(r"^([^\w]*)([\w'’.]*?)((?:['’][Ss])?)([^\w]*)$")
_ROMAN = re.compile(r"^[IVX]{2,}$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")
_VOWEL = re.compile(r"[AEIOUYÁÉÍÓÚ]", re.IGNORECASE)
_STARTS = (":", "\u2014", "?", "!", ";", " -", "[", ".")
# Names of units, after which two letters are the unit's code: "WE DIVISION", "LA DIVISION".
UNITS = frozenset({"DIVISION", "DIV", "BRANCH", "STAFF", "DESK", "SECTION", "STATION"})
# Two-letter words that are no unit's code before one ("MY STAFF", "IN DIVISION").
_NOT_CODES = frozenset({"my", "no", "is", "it", "be", "do", "go", "he", "me", "if"}
                       | {w for w in MINOR_WORDS if len(w) == 2 and w not in {"de", "la"}})
# Abbreviations that take a period before a name ("GEN. SMITH"), which is not a comma misread.
_DOTTED = frozenset({"GEN", "COL", "MAJ", "CAPT", "LT", "SGT", "ADM", "CMDR", "AMB", "SEN",
                     "REP", "GOV", "PRES", "SEC", "DEPT", "DIV", "ASST", "DEP", "NO", "VOL"})
# "SURNAME, GIVEN R.": a person, in a sender or recipient ("PAPICH, SAM", not "DIRECTOR, FBI")
_PERSON = re.compile(r"^([A-Z][A-Z'-]+), ([A-Z]{2,})((?: [A-Z]\.?)*)$")
_DOT_COMMA = re.compile(r"\b([A-Z]{2,})\. (?=([A-Z]+)\b)")


def _cap_word(word: str) -> str:
    """Capitalize a word written all in lower case (each part of a hyphenated one)."""
    return "-".join(_cap_part(part) for part in word.split("-"))


def _cap_part(part: str) -> str:
    match = _PART.match(part)
    if not match:
        return part
    lead, first, rest = match.groups()
    if not first.islower() or any(c.isupper() for c in rest):
        return part  # iPhone, McNamara, 1960s: leave as written
    return f"{lead}{first.upper()}{rest}"


def headline_case(title: str) -> str:
    """A sentence-case title in headline style: 'CIA source names Paris as the hub of the
    network' -> 'CIA Source Names Paris as the Hub of the Network'. Words with a capital
    letter (names, acronyms) are kept; minor words stay in lower case except first, last
    and after a colon."""
    words = list(_WORD.finditer(title))
    out, at = [], 0
    for i, match in enumerate(words):
        word = match.group(0)
        out.append(title[at:match.start()])
        at = match.end()
        bare = _EDGES.sub("", word).lower()
        starts = i == 0 or words[i - 1].group(0).endswith((":", "\u2014", "?", "!"))
        last = i == len(words) - 1
        if bare in MINOR_WORDS and not starts and not last:
            out.append(word)
        else:
            out.append(_cap_word(word))
    out.append(title[at:])
    return "".join(out)


def is_supplied(title: str) -> bool:
    """A title the archive supplied (a description in square brackets)."""
    return title.startswith("[") and title.rstrip().endswith("]")


def is_capitals(text: str) -> bool:
    """Written in capitals: no lower-case letter at all."""
    return any(c.isupper() for c in text) and not any(c.islower() for c in text)


@dataclass(frozen=True)
class Casing:
    """What a title's words are: abbreviations kept in capitals (`upper`), names (lower
    case -> as written) and common words seen in lower case (`common`)."""

    upper: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, ...]] = frozenset()  # names of two words (united states) and
    # of three with a minor word in the middle (department of defense)

    def keeps_capitals(self, core: str) -> bool:
        return (core in self.upper or not _VOWEL.search(core) or bool(_ROMAN.match(core))
                or bool(_INITIALS.match(core)) or len(core) == 1)

    def is_common(self, word: str, capitals: bool) -> bool:
        """A common word: seen in lower case in the collection's text, or (for a title in
        capitals, which shows no case at all) in the English word list; never a name."""
        folded = word.lower()
        if _fold(folded) in self.names or folded in CAPITALIZED:
            return False
        return folded in self.common or (capitals and is_word(folded, "en"))

    def _word(self, core: str, starts: bool, last: bool, sentence: bool, capitals: bool) -> str:
        if capitals and core.upper() in TITLES:
            return TITLES[core.upper()]
        if len(core) == 1 and core != "A" and core.isupper():
            return core
        if _fold(core) in self.names and (capitals or sentence):
            known = self.names[_fold(core)]
            return known if known.lower() == core.lower() else _capital(core.lower())
        if capitals and self.keeps_capitals(core) and not (core == "A" and not last):
            return core
        if not capitals and (core.isupper() and len(core) > 1 or any(c.isupper() for c in core[1:])):
            return core  # an abbreviation or a name written so (McNamara) in a mixed title
        if not capitals and core.islower():
            return _capital(core) if starts else core
        lower = core.lower() if capitals or (sentence and self.is_common(core, capitals)) else core
        if sentence:
            common = self.is_common(core, capitals)
            return _capital(lower) if starts or not common else lower
        if lower.lower() in MINOR_WORDS and not starts and not last:
            return lower.lower()
        return _capital(lower)

    def recase(self, title: str, sentence: bool) -> str:
        """The title in sentence case (`sentence`) or headline case."""
        capitals = is_capitals(title)
        if not capitals and not sentence:
            return headline_case(title)
        words = list(_WORD.finditer(title))
        out, at = [], 0
        for i, match in enumerate(words):
            out.append(title[at:match.start()])
            at = match.end()
            before = title[:match.start()].rstrip()
            starts = i == 0 or before.endswith(_STARTS) or before.endswith(("[", "(\u201c"))
            if capitals and _unit_code(match.group(0), words[i + 1:i + 2]):
                out.append(match.group(0))
                continue
            out.append(self._recase_word(match.group(0), starts, i == len(words) - 1, sentence,
                                         capitals))
        out.append(title[at:])
        return self._pairs(out) if sentence else "".join(out)

    def _pairs(self, out: list[str]) -> str:
        """Capitalize the second word of a two-word name ("United states" -> "United
        States"): `out` alternates spaces and words."""
        words = out[1::2]
        bare = [_EDGES.sub("", word).lower() for word in words]
        for i in range(1, len(words)):
            if (bare[i - 1], bare[i]) in self.pairs:
                words[i - 1], words[i] = _cap_word(words[i - 1]), _cap_word(words[i])
            if i > 1 and (bare[i - 2], bare[i - 1], bare[i]) in self.pairs:
                words[i - 2], words[i] = _cap_word(words[i - 2]), _cap_word(words[i])
        out[1::2] = words
        return "".join(out)

    def _recase_word(self, word: str, starts: bool, last: bool, sentence: bool,
                     capitals: bool) -> str:
        ordinal = _ORDINAL.match(word)
        if ordinal:
            return f"{ordinal.group(1)}{ordinal.group(2).lower()}{ordinal.group(3)}"
        if any(c.isdigit() for c in word) or (capitals and self._codes(word)):
            return word
        parts = re.split(r"([-/])", word)
        out = []
        for n, part in enumerate(parts):
            match = _CORE.match(part)
            if part in ("-", "/") or not match or not match.group(2):
                out.append(part)
                continue
            lead, core, possessive, trail = match.groups()
            if capitals and core == "A" and trail.startswith(")"):
                out.append(part)  # a reference's letter: "(REF A)"
                continue
            core_starts = (starts and n == 0) or (lead.startswith(("[", "\u201c", '"', "'"))
                                                  and starts)
            recased = self._word(core.rstrip("."), core_starts, last, sentence, capitals)
            dots = core[len(core.rstrip(".")):]
            out.append(f"{lead}{recased}{dots}{possessive.lower() if capitals else possessive}"
                       f"{trail}")
        return "".join(out)

    def _codes(self, word: str) -> bool:
        """Office codes joined by a slash, each of at most four letters and one of them no
        word: "LA/EICO", "C/WH" (not "AND/OR")."""
        parts = [p for p in _EDGES.sub("", word).split("/") if p]
        return (len(parts) > 1 and all(p.isalpha() and len(p) <= 4 for p in parts)
                and any(p in self.upper or not is_word(p.lower(), "en") for p in parts))

    def title(self, title: str) -> str:
        """Headline case: Chicago and MLA."""
        return self.recase(title, sentence=False)

    def sentence(self, title: str) -> str:
        """Sentence case: APA, and every style for a supplied title."""
        return self.recase(title, sentence=True)

    def name(self, name: str) -> str:
        """A sender or recipient written in capitals, in headline case ("DIRECTOR, FBI" ->
        "Director, FBI"); a name of short codes only ("SAC, MM", "SOS, CIA, DIA, USAF") as
        written."""
        if is_capitals(name):
            name = _DOT_COMMA.sub(self._comma, name)
            person = _PERSON.match(name)
            if person and not is_word(person.group(1).lower(), "en") and not self.keeps_capitals(
                    person.group(1)) and person.group(2) not in default_upper():
                return self.names.get(_fold(person.group(1)), _capital(person.group(1).lower())) \
                    + ", " + _capital(person.group(2).lower()) + person.group(3)
        if not is_capitals(name) or all(len(w) <= 4 for w in re.findall(r"\w+", name)):
            return name
        return self.recase(name, sentence=False)

    def _comma(self, match: re.Match[str]) -> str:
        """A period OCR read for a comma, between a word and a code ("DIRECTOR. FBI")."""
        word, code = match.groups()
        if word in _DOTTED or word in TITLES or not self.keeps_capitals(code):
            return match.group(0)
        return f"{word}, "


def _unit_code(word: str, following: list[re.Match[str]]) -> bool:
    """Two capitals before the name of a unit, its code: "WE" of "WE DIVISION"."""
    return (len(word) == 2 and word.isalpha() and word.isupper() and bool(following)
            and _EDGES.sub("", following[0].group(0)) in UNITS and word.lower() not in _NOT_CODES)


def _fold(word: str) -> str:
    """Lower case without accents: "Ávila" and "AVILA" are one name."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


_CAPS_TOKEN = re.compile(r"\b[A-Z][A-Z]{1,}\b")
_WORD_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w'’]*")


def learned(texts: Iterable[str], memo: Learned | None = None) -> Casing:
    """The casing a collection's own (English) text teaches: the abbreviations it writes in
    capitals, the names it capitalizes inside sentences and never writes in lower case,
    the words it writes in lower case, and its names of two words, or three with a minor
    word in the middle ("Department of Defense", inside a sentence). What each text
    teaches (`taught`) is worked out once per text, and with `memo` (the page cache's)
    taken from the last build where it worked out that very text."""
    upper: set[str] = set(default_upper())
    capitalized: dict[str, str] = {}
    lower: set[str] = set()
    pairs: set[tuple[str, ...]] = set()
    memo = memo if memo is not None else Learned()
    for text in texts:
        caps, names, words, names_of_more = memo.of(text)
        upper.update(caps)
        for folded, word in names:  # the first text to capitalize a name says how
            if folded not in capitalized:
                capitalized[folded] = word
        lower.update(words)
        pairs.update(names_of_more)
    folded_lower = {_fold(w) for w in lower}
    names = {k: v for k, v in capitalized.items() if k not in folded_lower}
    return Casing(frozenset(upper), names, frozenset(lower), frozenset(pairs))


Taught = tuple[list[str], list[list[str]], list[str], list[tuple[str, ...]]]


def taught(text: str) -> Taught:
    """What one text teaches `learned`: the words it writes in capitals (with a vowel), the
    names it capitalizes inside a sentence (each folded, then as written; the first time
    only), the words it writes in lower case, its names of two or three words."""
    upper = {t for t in _CAPS_TOKEN.findall(text) if _VOWEL.search(t)}
    capitalized: dict[str, str] = {}
    lower: set[str] = set()
    pairs: set[tuple[str, ...]] = set()
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        previous, gap = "", ""
        for i, match in enumerate(_WORD_TOKEN.finditer(sentence)):
            word = re.sub(r"['’]s$", "", match.group(0))
            folded = word.lower()
            if word.islower():
                lower.add(word)
            elif word[:1].isupper() and not word.isupper():
                if i > 0:
                    capitalized.setdefault(_fold(word), word)
                if previous and folded not in MINOR_WORDS:
                    pairs.add((previous.lower(), gap, folded) if gap else
                              (previous.lower(), folded))
            if previous and not gap and i > 1 and word.islower() and folded in MINOR_WORDS:
                gap = folded  # "Department of": a third word may follow
                continue
            capital = word[:1].isupper() and folded not in MINOR_WORDS
            previous, gap = (word if capital else ""), ""
    return (sorted(upper), [[k, v] for k, v in capitalized.items()], sorted(lower),
            sorted(pairs))


@dataclass
class Learned:
    """What texts teach (`taught`), by the digest of each text: what the last build worked
    out (`known`, kept by the page cache, signed, as JSON: its pairs are lists) and what
    this one used (`used`, for the next). A function of the text and of this module's
    code, which the build's fingerprint covers."""

    known: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Taught] = field(default_factory=dict)

    def of(self, text: str) -> Taught:
        key = text_digest(text)  # as the Markdown kept is keyed
        found = self.used.get(key)
        if found is None:
            kept = self.known.get(key)
            found = self.used[key] = taught(text) if kept is None else (
                kept[0], kept[1], kept[2], [tuple(pair) for pair in kept[3]])
        return found


@cache
def default_upper() -> frozenset[str]:
    """The abbreviations of `archives/agencies.yaml`: its acronyms and agency codes."""
    data = table()
    codes = (part for code in (*data.agencies, *data.kept) for part in code.split("/"))
    return frozenset(data.acronyms) | frozenset(c for c in codes if not is_word(c.lower(), "en"))


DEFAULT = Casing(upper=default_upper())

"""What a word is, for telling OCR noise from a changed word in a quote.

OCR garbles letters; it seldom turns one real word into another. So a quote's word may stand
for the document's token as a correction of OCR noise only when one of the two is not a word
of the language at all ("Peruvian" for "Peruyian"), and never when the difference is a
negation ("now" for "not", "on" for "no") or an affix that reverses the meaning ("legal" for
"illegal", "careful" for "careless"). The words are pyspellchecker's word lists (English,
Spanish, Portuguese, French: the languages a quote's `lang` may give), folded as the check
folds text (case, accents); the negations and affixes are ours, a short list per language.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

LANGUAGES = ("en", "es", "pt", "fr")

# Folded (lower case, no accents). "t" is the negation of "don't", "can't" once the
# apostrophe is gone; "n" that of French "n'est".
NEGATIONS = {
    "en": {"not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere",
           "cannot", "non", "t", "nt", "dont", "doesnt", "didnt", "wont", "cant", "isnt",
           "wasnt", "arent", "werent", "hasnt", "havent", "hadnt", "wouldnt", "couldnt",
           "shouldnt", "mustnt", "neednt", "aint", "without"},
    "es": {"no", "nunca", "jamas", "ni", "nada", "nadie", "ningun", "ninguno", "ninguna",
           "ningunos", "ningunas", "tampoco", "sin"},
    "pt": {"nao", "nunca", "jamais", "nem", "nada", "ninguem", "nenhum", "nenhuma", "sem"},
    "fr": {"ne", "n", "pas", "non", "jamais", "rien", "aucun", "aucune", "sans", "ni",
           "guere", "nul", "nulle"},
}
# Prefixes that reverse or negate a word: "illegal" is not "legal", "none" not "one".
PREFIXES = {
    "en": ("un", "in", "im", "il", "ir", "non", "dis", "anti", "counter", "mis", "a", "n"),
    "es": ("in", "im", "i", "des", "dis", "anti", "contra", "a", "no"),
    "pt": ("in", "im", "i", "des", "dis", "anti", "contra", "a", "nao"),
    "fr": ("in", "im", "il", "ir", "de", "des", "dis", "anti", "contre", "mal", "a", "non"),
}
SUFFIXES = {"en": (("less", ""), ("less", "ful"))}


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in word if not unicodedata.combining(c))


_KEY = re.compile(r'"([^"\\]*)": ')


@lru_cache(maxsize=len(LANGUAGES))
def words_of(lang: str) -> frozenset[str]:
    """Every word of `lang` in pyspellchecker's list, folded; apostrophe forms left out.

    The list is a JSON object of words and counts: its keys are read with a regular
    expression (four times faster than building the object), unless it has escapes."""
    data = (resources.files("spellchecker") / "resources" / f"{lang}.json.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    entries = json.loads(text) if "\\" in text else _KEY.findall(text)
    return frozenset(folded for word in entries
                     if (folded := word.lower() if word.isascii() else _fold(word)).isalnum())


def is_word(token: str, lang: str) -> bool:
    """Whether a folded token is a word of `lang` (a token with a digit never is)."""
    return token.isalpha() and token in words_of(lang if lang in LANGUAGES else "en")


def negations(lang: str) -> set[str]:
    """The negation words of `lang`, with English's (the documents are mostly English)."""
    return NEGATIONS["en"] | NEGATIONS.get(lang, set())


def flips(ours: str, theirs: str, lang: str) -> bool:
    """Whether one folded word is the other with a prefix or suffix that reverses its meaning
    ("legally" and "illegally"), also when OCR misread a letter of the longer one
    ("illegaly"): the stem then starts the same and stays close."""
    for longer, shorter in ((ours, theirs), (theirs, ours)):
        for prefix in PREFIXES.get(lang, ()) + (PREFIXES["en"] if lang != "en" else ()):
            if not longer.startswith(prefix) or shorter.startswith(prefix):
                continue
            stem = longer[len(prefix):]
            if stem == shorter:
                return True
            if (len(prefix) > 1 and len(stem) >= 4 and stem[:3] == shorter[:3]
                    and fuzz.ratio(stem, shorter) >= 85):
                return True
        for suffix, other in SUFFIXES.get(lang, SUFFIXES["en"]):
            if longer.endswith(suffix) and shorter == longer[:-len(suffix)] + other:
                return True
    return False

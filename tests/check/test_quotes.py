"""Quote verification: a quote that changes its document's meaning is refused, OCR corrections
pass, ellipsis parts are real runs of words in order, and every message names its fix."""

from __future__ import annotations

import pytest

from desclasificado.check.quotes import locate, quote_messages
from desclasificado.load.transcripts import parse_transcript
from tests.conftest import GOOD_EVENT, REPO, SEED, Project

SEED_TRANSCRIPT = parse_transcript((REPO / "documents" / f"{SEED}.md").read_text(), "x.md")
OCR = parse_transcript("""## Page 1

The agent said they are coming back illegally from Paris. He was told not to ask
any questions. No one met them at the port. He 1s the head of the Peruyian network
since l963 and has 200 men. The group fre leader xq7 qq9 piedra angular de la red.

## Page 2

Unrelated words about shipping dates and invoice numbers for the ring in Europe.
""", "ocr.md")
WHERE = f"the quote differs from page 3 of document {SEED}: "


def messages(quote: str, transcript=SEED_TRANSCRIPT, pages=(3,), lang: str = "en") -> list[str]:
    return quote_messages(quote, lang, pages, SEED if transcript is SEED_TRANSCRIPT else "ocr",
                          transcript)


REFUSED = [
    ("legally for illegally", "Although many left Peru openly on valid papers, they are coming "
     "back legally.",
     WHERE + "'legally' and 'illegally' are different words, not an OCR misreading: copy the "
     "document's word"),
    ("the legal entry", "are also connected with the legal entry of Cuban-trained guerrillas",
     WHERE + "'legal' and 'illegal' are different words, not an OCR misreading: copy the "
     "document's word"),
    ("a number changed", "The agent knows of some 300 Peruvians who have received Cuban training",
     WHERE + "the quote has '300' where the document has '200': numbers must be the document's "
     "own; copy '200'"),
    ("a word swapped for another word", "Paris has emerged as the center of the networks.",
     WHERE + "'networks' and 'network' are different words, not an OCR misreading: copy the "
     "document's word"),
    ("a negation added", "Paris has not emerged as the center of the network.",
     WHERE + "the quote has 'not', which the document does not; copy the document's words "
     "exactly (correcting only obvious OCR errors)"),
]


@pytest.mark.parametrize(("name", "quote", "expected"), REFUSED, ids=[c[0] for c in REFUSED])
def test_a_quote_that_changes_the_meaning_is_refused(name: str, quote: str, expected: str) -> None:
    assert messages(quote) == [expected]


def test_now_for_not_is_a_negation_not_noise() -> None:
    assert messages("He was told now to ask any questions.", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: the quote has 'now' where the document "
        "has 'not': a negation is never taken for OCR noise; copy 'not'"]
    assert messages("On one met them at the port.", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: the quote has 'on' where the document "
        "has 'no': a negation is never taken for OCR noise; copy 'no'"]


DEBRIS = parse_transcript("""## Page 1

Report of c last March: troops raided a camp in the mountains, and the se men fled west.
""", "debris.md")


def test_a_word_beside_a_stray_letter_is_still_the_documents_word() -> None:
    """Found by the property test: "cast" for "c last" joined the debris to a changed word."""
    assert messages("cast March: troops raided a camp", DEBRIS, (1,)) == [
        "the quote differs from page 1 of document ocr: 'cast' and 'last' are different words, "
        "not an OCR misreading: copy the document's word"]
    assert messages("last March: troops raided a camp", DEBRIS, (1,)) == []
    assert messages("and these men fled west", DEBRIS, (1,)) == []  # an OCR split, joined


def test_ocr_corrections_and_editorial_brackets_pass() -> None:
    assert messages("the head of the Peruvian network since [1963] and has 200 men", OCR, (1,)) == []
    assert messages("He [is] the head of the Peruyian network", OCR, (1,)) == []
    assert messages("has 200 men. The group [the] leader", OCR, (1,)) == []
    assert messages("He 1s [sic] the head of the Peruyian network", OCR, (1,)) == []
    assert messages("The agent said they are coming [...] from Paris. He was told", OCR, (1,)) == []


def test_brackets_stand_only_where_the_transcript_is_garbled() -> None:
    assert messages("they are coming back [legally] from Paris", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: [legally] stands where the document "
        "has the word 'illegally', not an unreadable or misread token: copy 'illegally'"]
    assert messages("The agent [said] they are coming", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: [said] stands where the document reads "
        "'said': remove the square brackets (they mark a correction of a misread word)"]
    assert messages("the Peruyian network since [1964] and has", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: [1964] stands where the document has "
        "'l963': a number in square brackets must be the document's token read right (l for 1, "
        "o for 0); copy the document's number or write ... in its place"]


def test_a_bracketed_word_must_be_the_garbled_token_read_right() -> None:
    """A bracket corrects one garbled token; a word far from it in letters replaces it."""
    assert messages("has 200 men. The group [Cuban] leader", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: [cuban] stands where the document has "
        "'fre', which keeps too few of the letters of 'cuban' to be that word misread: square "
        "brackets correct a misread token (a letter or a few wrong), they do not put another "
        "word in its place; copy the document's words, or write ... in their place"]
    assert messages("has 200 men. The group [free] leader", OCR, (1,)) == []
    assert messages("[He] [is] the head of the Peruyian network", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: [he] stands where the document reads "
        "'he': remove the square brackets (they mark a correction of a misread word)"]


def test_every_difference_of_a_quote_is_reported_in_one_run() -> None:
    found = messages("Although many left Peru openly on valid papers, they are going back legally.")
    assert found == [
        WHERE + "'going' and 'coming' are different words, not an OCR misreading: copy the "
        "document's word",
        WHERE + "'legally' and 'illegally' are different words, not an OCR misreading: copy the "
        "document's word"]


def test_junk_the_quote_skipped_is_named_as_unreadable() -> None:
    assert messages("since l963 and has 200 men. The group [the] leader piedra angular de la red", OCR, (1,)) == [
        "the quote differs from page 1 of document ocr: the quote leaves out 'xq7 qq9', "
        "which is unreadable in the transcript (OCR noise): write ... in its place, or the word "
        "the PDF shows in square brackets, [word]"]
    assert messages("since l963 and has 200 men. The group [the] leader ... piedra angular de la red", OCR, (1,)) == []


ELLIPSES = [
    ("scattered words", "Paris ... funded ... the MIR",
     ['the part "Paris" of the quote is 1 word: each part between ellipses must be at least 3 of '
      "the document's words (a few words are found on almost any page); quote more of the "
      "passage around it, or leave the ... out",
      'the part "funded" of the quote is 1 word: each part between ellipses must be at least 3 '
      "of the document's words (a few words are found on almost any page); quote more of the "
      "passage around it, or leave the ... out",
      'the part "the MIR" of the quote is 2 words: each part between ellipses must be at least '
      "3 of the document's words (a few words are found on almost any page); quote more of the "
      "passage around it, or leave the ... out"]),
    ("parts out of order", "Groups are sent from Cuba ... Paris has emerged as the center",
     ['the part "Paris has emerged as the center" of the quote comes before "Groups are sent '
      f'from Cuba" in page 3 of document {SEED}, not after it: the parts of a quote are in the '
      "document's order; reorder them, or cite the passages as two sources"]),
    ("parts too far apart", "they are coming back illegally ... with page and word number "
     "references",
     ['the part "with page and word number references" of the quote is 346 words after the '
      f"part before it in page 3 of document {SEED}: an ellipsis skips at most 200 words; "
      "cite the two passages as two sources"]),
]


@pytest.mark.parametrize(("name", "quote", "expected"), ELLIPSES, ids=[c[0] for c in ELLIPSES])
def test_ellipsis_parts_are_runs_of_words_in_order_and_close(name: str, quote: str,
                                                             expected: list[str]) -> None:
    assert messages(quote) == expected


def test_a_good_ellipsis_quote_passes_and_each_part_is_located() -> None:
    quote = "Paris has emerged as the center ... Groups are sent from Cuba to Paris"
    assert messages(quote) == []
    passages = locate(quote, SEED_TRANSCRIPT, (3,))
    text = SEED_TRANSCRIPT.pages[3]
    assert [text[p.start:p.end] for p in passages] == [
        "Paris has emerged as the center", "Groups are sent from Cuba to Paris"]
    assert [(p.page, p.part, p.first) for p in passages] == [(3, 1, True), (3, 2, True)]


def test_a_part_running_over_a_page_break_is_marked_on_both_pages() -> None:
    transcript = parse_transcript("## Page 1\n\nfirst words of the\n\n## Page 2\n\nsecond page "
                                  "goes on here\n", "x.md")
    assert messages("words of the second page goes", transcript, (1, 2)) == []
    passages = locate("words of the second page goes", transcript, (1, 2))
    assert [(p.page, p.part, p.first) for p in passages] == [(1, 1, True), (2, 1, False)]
    assert transcript.pages[1][passages[0].start:passages[0].end] == "words of the"
    assert transcript.pages[2][passages[1].start:passages[1].end] == "second page goes"


def test_the_message_in_check_output(project: Project) -> None:
    project.write("events/bad.yaml", GOOD_EVENT.replace(
        "Paris has emerged as the center of the network.",
        "they are coming back legally. Some have false documentation"))
    code, lines = project.check()
    assert code == 1
    assert lines[0] == ("events/bad.yaml:10:12: error: " + WHERE + "'legally' and 'illegally' "
                        "are different words, not an OCR misreading: copy the document's word")


def test_each_page_is_tokenized_once_and_gives_what_a_fresh_reading_gives(monkeypatch) -> None:
    from desclasificado.check import tokens
    from desclasificado.check.project import check_project

    read: list[str] = []
    plain_tokenize = tokens.tokenize
    monkeypatch.setattr(tokens, "tokenize", lambda text: read.append(text) or plain_tokenize(text))
    collection = check_project(REPO).collection
    sources = [(s, collection.transcripts[s.document]) for e in collection.events.values()
               for s in e.sources if s.document in collection.transcripts]
    pages = {(s.document, p): t.pages.get(p, "") if t.has_pages else t.text
             for s, t in sources for p in (s.pages if t.has_pages else (None,))}
    texts = set(pages.values())
    assert len(sources) > 200
    assert len([text for text in read if text in texts]) <= len(pages)  # once each, not per quote
    for source, transcript in sources:  # the cached pages, against a transcript read afresh
        fresh = parse_transcript(transcript.text or "".join(
            f"## Page {n}\n\n{text}\n\n" for n, text in transcript.pages.items()), "x.md")
        args = (source.quote, source.lang or "en", source.pages, source.document)
        assert quote_messages(*args, transcript) == quote_messages(*args, fresh) == []
        assert locate(source.quote, transcript, source.pages) == locate(source.quote, fresh,
                                                                         source.pages)


def test_brackets_the_document_prints_are_its_own_words() -> None:
    """FRUS prints its editors' brackets ("[dollar amount not declassified]"): a quote that
    copies them is the document's words; the same brackets elsewhere are corrections."""
    edition = parse_transcript("## Page 746\n\nThe Committee approved [dollar amount not "
                               "declassified] for the newspaper in September.\n", "frus.md")
    quote = "The Committee approved [dollar amount not declassified] for the newspaper"
    assert quote_messages(quote, "en", (746,), "frus", edition) == []
    plain = parse_transcript("## Page 746\n\nThe Committee approved the dollar amount for the "
                             "newspaper in September.\n", "frus.md")
    assert quote_messages("The Committee approved the [dollar] amount for the newspaper", "en",
                          (746,), "frus", plain)


def test_an_apostrophe_matches_the_modifier_letter_apostrophe_of_editions() -> None:
    """FRUS prints "havenʼt" with U+02BC; a contributor types ' or ’."""
    edition = parse_transcript("## Page 83\n\nThe President: We havenʼt crossed that bridge yet.\n",
                               "frus.md")
    for typed in ("We haven't crossed that bridge yet", "We haven’t crossed that bridge yet"):
        assert quote_messages(typed, "en", (83,), "frus", edition) == []

"""The mistakes contributors make most, and the exact line `check` prints for each.

Each message must say where the mistake is and what to write instead, in words a historian
who has never seen YAML can act on. The lines are pinned word for word: change one only
for a clearer one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desclasificado.load.yamlhints import syntax_hint
from tests.conftest import GOOD_EVENT, Project

BASE = GOOD_EVENT  # each case is one edit of the event the fixtures use
TITLE = 'title: "CIA source names Paris as the hub of the network"'


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


CASES = [
    # Field names
    ("typo in a field name", edit("summary:", "sumary:"),
     ["events/x.yaml:3:1: error: unknown field 'sumary' (did you mean 'summary'?)"]),
    ("typo in a field of a source", edit("quote:", "qoute:"),
     ["events/x.yaml:10:5: error: unknown field 'qoute' (did you mean 'quote'?)"]),
    ("field missing", edit(TITLE + "\n", ""),
     ["events/x.yaml:1:1: error: missing required field 'title': add a line such as title: "
      '"A short title"']),
    # Ids
    ("typo in an actor id", edit('["cia"]', '["cai"]'),
     ["events/x.yaml:5:10: error: unknown actor 'cai' (did you mean 'cia'?): no file "
      "actors/cai.yaml; if the actor is new, add it: a file actors/<id>.yaml with name, kind "
      "and description (see FORMAT.md, Actors)"]),
    ("typo in a document id", edit('"176-10036-10058"', '"176-10036-10085"'),
     ["events/x.yaml:8:15: error: unknown document '176-10036-10085' (did you mean "
      "'176-10036-10058'?): no file documents/176-10036-10085.yaml; register it first: "
      "python build.py import-rif TRANSCRIPT, import-frus TEI, or python build.py new document"]),
    ("document not yet registered", edit('"176-10036-10058"', '"104-10054-10060"'),
     ["events/x.yaml:8:15: error: unknown document '104-10054-10060': no file "
      "documents/104-10054-10060.yaml; register it first: python build.py import-rif "
      "TRANSCRIPT, import-frus TEI, or python build.py new document"]),
    # Dates
    ("date written day/month/year", edit('"1963-04-11"', '"11/4/1963"'),
     ["events/x.yaml:1:7: error: date: '11/4/1963' is ambiguous: write it year first, as "
      '"1963-04-11" (11 April) or "1963-11-04" (4 November)']),
    ("date with the month in words", edit('"1963-04-11"', '"April 1963"'),
     ["events/x.yaml:1:7: error: date: 'April 1963' spells out the month: write it in "
      'numbers, as "1963-04"']),
    ("date that does not exist", edit('"1963-04-11"', '"1963-02-30"'),
     ["events/x.yaml:1:7: error: date: 1963-02-30 is not a real date: February 1963 has "
      "28 days"]),
    # What YAML reads differently
    ("date without quote marks", edit('"1963-04-11"', "1963-04-11"),
     ['events/x.yaml:1:7: error: YAML reads 1963-04-11 as a date object, not as text: write '
      'it in double quotes, "1963-04-11"']),
    ("country NO without quote marks", edit('["PE", "FR"]', '["PE", NO]'),
     ['events/x.yaml:4:19: error: YAML reads NO as false, not as the text \'NO\': write it in '
      'double quotes, "NO"']),
    ("number with a leading zero", edit('pages: "3"', "pages: 0777"),
     ['events/x.yaml:9:12: error: YAML reads 0777 as the number 511: write it in double '
      'quotes, "0777", or as a plain decimal number',
      'events/x.yaml:10:12: error: the quote is on page 3 of document 176-10036-10058, not on '
      'page 777: change pages to "3"']),
    # Quote marks and punctuation
    ("quote mark not closed", edit(TITLE, TITLE[:-1]),
     ["events/x.yaml:2:8: error: a quote mark is opened here and never closed: add the "
      "closing quote mark"]),
    ("quote mark not closed on the last line",
     edit('center of the network."\n', "center of the network.\n"),
     ["events/x.yaml:10:12: error: a quote mark is opened here and never closed: add the "
      "closing quote mark"]),
    ("apostrophe inside single quote marks", edit(TITLE, "title: 'The CIA's source'"),
     ["events/x.yaml:2:8: error: an apostrophe ends the text opened by the single quote mark "
      "here: put the whole value in double quotes instead, \"The CIA's source\""]),
    ("quote mark not closed inside a list", edit('["PE", "FR"]', '["PE, "FR"]'),
     ["events/x.yaml:4:13: error: the text in quote marks that starts here ends at column 18, "
      "but more text follows: close each quote mark where its text ends, and inside the text "
      "write a quote mark as \\\" or use ' instead"]),
    ("list not closed", edit('["PE", "FR"]', '["PE", "FR"'),
     ["events/x.yaml:4:12: error: a list opened here with '[' is never closed: add ']' at its "
      "end"]),
    ("colon inside an unquoted value", edit(TITLE, "title: Operation Mongoose: the plan"),
     ["events/x.yaml:2:26: error: a ':' followed by a space inside a value: put the whole "
      'value in double quotes, e.g. title: "Operation Mongoose: the plan"']),
    ("no space after the colon", edit(TITLE, 'title:"CIA source"'),
     ["events/x.yaml:2:6: error: put a space after the ':' of 'title:', as in title: "
      '"CIA source"']),
    ("colon missing", edit(TITLE, 'title "CIA source"'),
     ["events/x.yaml:2:6: error: a ':' is missing after the field name 'title': write "
      'title: "CIA source"']),
    # Indentation
    ("tab used to indent", edit("    pages", "\tpages"),
     ["events/x.yaml:9:1: error: a tab is used for indentation: YAML needs spaces; replace the "
      "tab with spaces"]),
    ("field of a source indented too little", edit("    quote", "  quote"),
     ["events/x.yaml:10:3: error: this line is not indented like the lines around it: the "
      "fields of a record, or of one list entry, must start in the same column (indent with "
      "spaces)"]),
    ("no space after the dash", edit("  - document", "  -document"),
     ["events/x.yaml:8:3: error: a list entry needs a space after the '-': write "
      "'- document: \"176-10036-10058\"'"]),
    # Lists
    ("a list written as one text", edit('["PE", "FR"]', "PE"),
     ['events/x.yaml:4:12: error: \'countries\' must be a list, not a single text: write '
      'countries: ["PE"]']),
    ("a list written as one text with commas", edit('["PE", "FR"]', '"PE, FR"'),
     ['events/x.yaml:4:12: error: \'countries\' must be a list, not a single text: write '
      'countries: ["PE", "FR"]']),
    ("sources without dashes", edit('  - document: "176-10036-10058"\n    pages: "3"\n    quote',
                                    '  document: "176-10036-10058"\n  pages: "3"\n  quote'),
     ["events/x.yaml:8:3: error: 'sources' must be a list: start each entry with '- ' (see "
      "FORMAT.md)"]),
    ("a field left empty", edit('"The CIA\'s source reported that Paris had become the center '
                                'of the network.[^1]"', ""),
     ["events/x.yaml:3:9: error: 'summary' is empty: write its value after the colon, e.g. "
      'summary: "One to three sentences.[^1]"']),
    ("a required field left as empty quotes", edit(TITLE, 'title: ""'),
     ["events/x.yaml:2:8: error: 'title' is empty, but it is required: write it between the "
      'quotes, e.g. title: "A short title"']),
    ("an optional entry left as empty quotes", edit('actors: ["cia"]', 'actors: ["cia"]\nplaces: [""]'),
     ["events/x.yaml:6:10: error: 'places' is empty: write something or delete the line"]),
    # Countries
    ("country written as a name", edit('"FR"', '"France"'),
     ["events/x.yaml:4:19: error: countries: write the two-letter code 'FR' for France"]),
    ("country code in lower case", edit('"FR"', '"fr"'),
     ["events/x.yaml:4:19: error: countries: write country codes in capital letters: 'FR'"]),
    # Quotes
    ("a word of the quote changed", edit("emerged as the center of the network", "emerged as the centre of the plot"),
     None),
    ("placeholder left in", edit('"Paris has emerged as the center of the network."',
                                 '"TODO: copy the words of the document"'),
     ["events/x.yaml:10:12: error: fill in 'quote': copy the words of the document"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_message(project: Project, name: str, text: str, expected: list[str] | None) -> None:
    project.write("events/x.yaml", text)
    code, lines = project.check(str(project.root / "events/x.yaml"))
    assert code == 1
    if expected is None:  # the quote messages are pinned in test_check.py
        assert len(lines) == 2 and lines[0].startswith("events/x.yaml:10:12: error: ")
        return
    assert lines[:-1] == expected
    assert lines[-1] == (f"checked 1 file(s) against the collection: {len(expected)} "
                         f"error{'s' if len(expected) > 1 else ''}")


def test_the_base_event_is_valid(project: Project) -> None:
    project.write("events/x.yaml", BASE)
    assert project.check(str(project.root / "events/x.yaml")) == (
        0, ["checked 1 file(s) against the collection: 0 errors"])


@given(st.text(st.sampled_from([*"ab:- #[]{},'\"\\|>\n"]), max_size=120), st.integers(1, 12),
       st.integers(1, 40))
@settings(max_examples=400)
def test_syntax_hints_never_crash_and_point_inside_the_file(text: str, line: int,
                                                            column: int) -> None:
    hint = syntax_hint(text, line, column)
    if hint is not None:
        found_line, found_column, message = hint
        assert 1 <= found_line <= line and found_column >= 1
        assert message and "\n" not in message

"""Matching a group's values to its labels: every cheapest matching, and the rules that choose one
where a column of labels followed by its column of values leaves several equally cheap.

`alignment` gives, for each label of a group, the spans of values it takes in the matchings kept;
`align` (the reader) gives a label its values only when there is one span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desclasificado.archives.jfk.lexicon import NEVER_FREE, RULES, TYPED, Group, Label, Value, is_sentence, takes
from desclasificado.archives.jfk.ocrfix import names_agency
from desclasificado.archives.jfk.vetting import PLACEHOLDER as _PLACEHOLDER
from desclasificado.archives.jfk.vetting import vet_text

_INF = 10**9
Span = tuple[int, ...]


def _spans(labels: list[Label], index: int, values: list[Value], start: int) -> Iterator[int]:
    """How many values from `start` on label `index` can take."""
    label = labels[index]
    if label.inline:
        if start >= len(values) or values[start].owner != index:
            return
    else:
        yield 0
    rule = RULES[label.field]
    for count in range(1, rule.max_lines + 1):
        position = start + count - 1
        if position >= len(values):
            return
        value = values[position]
        if value.owner is not None and (value.owner != index or count > 1):
            return
        if not takes(label.field, value, first=count == 1, wrapped=label.inline):
            return
        yield count


def _skip_cost(value: Value) -> int:
    """What leaving a value out costs: more for an unmistakable one than for free text."""
    if value.owner is not None:
        return _INF
    return 300 if value.kinds & NEVER_FREE else 100


def _align(labels: list[Label], values: list[Value], fill: frozenset[int] = frozenset()) -> list[set[Span]]:
    """For each label, the spans of values it takes in the cheapest matchings.

    Labels take consecutive values in order; leaving a value out costs `_skip_cost`. A label of
    `fill` left without a value costs a little: of the matchings that place every value, those
    that give those labels one are preferred.
    """
    def _take_cost(index: int, count: int) -> int:
        return 1 if count == 0 and index in fill else 0

    k, m = len(labels), len(values)
    forward = [[_INF] * (m + 1) for _ in range(k + 1)]
    forward[0][0] = 0
    for i in range(k + 1):
        for j in range(m + 1):
            cost = forward[i][j]
            if cost >= _INF:
                continue
            if j < m:
                forward[i][j + 1] = min(forward[i][j + 1], cost + _skip_cost(values[j]))
            if i < k:
                for count in _spans(labels, i, values, j):
                    forward[i + 1][j + count] = min(forward[i + 1][j + count], cost + _take_cost(i, count))
    backward = [[_INF] * (m + 1) for _ in range(k + 1)]
    backward[k][m] = 0
    for i in range(k, -1, -1):
        for j in range(m, -1, -1):
            if i == k and j == m:
                continue
            best = backward[i][j + 1] + _skip_cost(values[j]) if j < m else _INF
            if i < k:
                best = min([best, *(backward[i + 1][j + c] + _take_cost(i, c) for c in _spans(labels, i, values, j))])
            backward[i][j] = best
    best_total = forward[k][m]
    possible: list[set[Span]] = [set() for _ in labels]
    if best_total >= _INF:
        return possible  # no matching at all: every label is left unread
    for i in range(k):
        for j in range(m + 1):
            if forward[i][j] >= _INF:
                continue
            for count in _spans(labels, i, values, j):
                if forward[i][j] + _take_cost(i, count) + backward[i + 1][j + count] == best_total:
                    possible[i].add(tuple(range(j, j + count)))
    return possible



# A line that starts with one of these words goes on from the line above it.
CONNECTOR = re.compile(r"^\W*(?:OF|IN|AND|ON|AT|BY|FOR|WITH|TO|FROM|OR|RE)\b\W", re.IGNORECASE)


def _originator_first(group: Group, free: list[int], lines: list[Value],
                      possible: list[set[Span]]) -> list[set[Span]]:
    """"ORIGINATOR" / "FROM" / "TO" then "CIA" ...: the first line of the column is an agency's
    code, and the originator, the first label (after those of AGENCY INFORMATION, which have their
    values), is the field that holds one: it takes it, and the
    other labels take what the matchings with it allow (FROM or TO stays undecided when either
    could hold a line; a title's lines too long for a name are the title's). A first line with a
    name's shape ("SMITH, MARVIN L., C/OG"), no agency's, is not the originator's: its box is empty
    (2 of NARA's 1,296 originators of the development set have a comma, one a person's name)."""
    first = next((i for i in free if group.labels[i].field == "originator"), None)
    if first is None or len(possible[first]) < 2 or any(len(possible[i]) != 1 for i in free if i < first):
        return possible  # the labels above it (AGENCY ... AGENCY FILE NUMBER) must have their values
    taken = {j for i in free if i < first for j in next(iter(possible[i]))}
    lines = [value for value in lines if group.values.index(value) not in taken and value.section != "agency"]
    start = min((min(span) for span in possible[first] if span), default=None)
    if not lines or group.values.index(lines[0]) != start:
        return possible
    if NAME_SHAPE.match(lines[0].text) and not names_agency(lines[0].text) and () in possible[first]:
        # "SMITH, MARVIN L., C/OG" / ...: a person's or an office's name is no originator (an agency):
        # the originator's box is empty, and the labels after it take the column
        return [{()} if i == first else spans for i, spans in enumerate(possible)]
    if not names_agency(lines[0].text):
        return possible
    ranked = _align(group.labels, group.values, fill=frozenset({first}))
    return ranked if ranked[first] == {(group.values.index(lines[0]),)} else possible


def alignment(group: Group) -> list[set[Span]]:
    """The group's matching; for a column of labels ("ORIGINATOR" / "FROM" / "TO" / "TITLE" /
    "DATE" ...) followed by its column of values, where fields left empty make several matchings
    equally cheap, the one that gives each free-text label one line, in each stretch of the
    column between values of a certain kind (the date, the pages: `_stretches`), when the stretch
    holds exactly as many lines of free text as it has free-text labels still undecided and the
    originator's line names an agency; or one line fewer, the last label TITLE and every line a
    name (`NAME_SHAPE`: "SAC, TP" / "DIRECTOR, FBI", or one word: "NY" / "HQ", `_ONE_NAME`, or an
    office by its rank: "SECRETARY OF STATE", `OFFICE`), which
    FROM and TO take, the title empty."""
    possible = _align(group.labels, group.values)
    free = [i for i, label in enumerate(group.labels) if RULES[label.field].kinds is None and not label.inline]
    if all(len(possible[i]) == 1 for i in free) or len(free) < 2:
        return possible
    lines = [value for value in group.values if not value.kinds & TYPED and value.owner is None]
    possible = _originator_first(group, free, lines, possible)
    for labels, stretch in _unwrapped(list(_stretches(group, possible, free))):
        taken = {j for i in labels if len(possible[i]) == 1 for j in next(iter(possible[i]))}
        fill = frozenset(i for i in labels if len(possible[i]) == 1 and possible[i] != {()})  # they keep theirs
        labels = [i for i in labels if len(possible[i]) != 1]
        stretch = [j for j in stretch if j not in taken]
        if labels and group.labels[labels[-1]].field == "title" and len(stretch) == len(labels) - 1 \
                and all(NAME_SHAPE.match(group.values[j].text) or _ONE_NAME.match(_bare(group.values[j].text))
                        or OFFICE.match(_bare(group.values[j].text))
                        for j in stretch):
            labels = labels[:-1]  # "SAC, TP" / "DIRECTOR, FBI": FROM and TO, the title empty
        if _name_then_title(group, labels, stretch):
            possible = _title_last(possible, labels, stretch)
            continue
        if _names_then_title(group, labels, stretch):
            filled = _align(group.labels, group.values, fill=fill | frozenset(labels))
            wanted = [(at,) for at in stretch[:len(labels) - 1]] + [tuple(stretch[len(labels) - 1:])]
            if all(filled[i] == {span} for i, span in zip(labels, wanted, strict=True)):
                possible = [filled[i] if i in labels else possible[i] for i in range(len(possible))]
            continue
        if len(labels) < 2 or len(stretch) != len(labels):
            continue
        if _one_line_each(group, labels, stretch):
            filled = _align(group.labels, group.values, fill=fill | frozenset(labels))
            if all(filled[i] == {(at,)} for i, at in zip(labels, stretch, strict=True)):
                possible = [filled[i] if i in labels else possible[i] for i in range(len(possible))]
    return possible


# A person's or an office's name, "SURNAME, GIVEN" or "OFFICE, AGENCY" ("SAC, TP", "DIRECTOR, FBI"):
# 2% of NARA's titles have this shape, and 40% of its FROM and TO.
# The OCR reads the comma after one word as a period ("SAC. SL", "DIRECTOR. FBI"); not after two ("MET. CRIME").
NAME_SHAPE = re.compile(r"^(?:[A-Z][A-Z'.-]*(?: [A-Z][A-Z'.-]*)?, |[A-Z][A-Z'-]+\. )[A-Z][A-Z .,'/-]{1,30}$")
# An office named by its holder's rank, "SECRETARY OF STATE", "DEPUTY DIRECTOR, PLANS", "CHIEF OF
# STATION": 81 of NARA's FROM and TO of the development set have this shape, none of its titles.
OFFICE = re.compile(r"^(?:SECRETARY|DIRECTOR|CHIEF|DEPUTY|ASSISTANT|ASST\.?|ATTORNEY|AMBASSADOR|CHAIRMAN|COMMANDER|"
                    r"COMMANDING|INSPECTOR|GENERAL\s+COUNSEL|LEGAL\s+ATTACHE)\b(?:,?\s+[A-Z/&.-]+){0,4}$")


def _bare(text: str) -> str:
    """A code without the stray marks the OCR leaves after it: "FBI ." is FBI."""
    return text.rstrip(" .,;:")


# One word, an office's code or a surname ("NY", "HQ", "WMFO", "SULLIVAN"): the FBI's FROM and TO;
# a title of one word is a document's kind ("LETTER", "LHM"), or rare (3 of NARA's 1,296 titles of
# the development set: "HELSINKI", "DIEM", "FBI").
_ONE_NAME = re.compile(r"^(?!(?:MEMO|MEMORANDUM|LETTER|REPORT|CABLE|AIRTEL|TELETYPE|TELEGRAM|MESSAGE|NOTES?|LHM)$)"
                          r"[A-Z][A-Z'-]{1,20}$")


def _names_then_title(group: Group, labels: list[int], stretch: list[int]) -> bool:
    """"FROM" / "TO" / "TITLE" then "STEVENS, M.D." / ": CHIEF, SECURITY RESEARCH STAFF" / "MEMO:
    AMERICAN DEFECTORS.": more lines than labels, FROM and TO undecided before TITLE, one line each
    that is a name's (no sentence, not cut short), then a line with a title's shape (`is_sentence`:
    never a name's) or too long for a name, and the title's other lines, none a date the OCR garbled."""
    fields = [group.labels[i].field for i in labels]
    if fields != ["from", "to", "title"] or len(stretch) <= len(labels):
        return False
    names = [group.values[j].text for j in stretch[:2]]
    title = [group.values[j].text for j in stretch[2:]]
    opens = is_sentence(title[0]) or len(title[0]) > max(RULES["from"].max_chars, RULES["to"].max_chars)
    return len(title) <= RULES["title"].max_lines and opens \
        and not any(is_sentence(name) or _unfit("from", name) for name in names) \
        and not any(re.search(r"\d/\d", line) for line in title)


def _name_then_title(group: Group, labels: list[int], stretch: list[int]) -> bool:
    """"FROM" / "TO" / "TITLE" then ": SCOTT BRECKENRIDGE" / "SPEED LETTER REGARDING HSCA 6 JULY 78
    REQUEST.": a name's line for FROM and TO (one of them empty on the form), then the title's lines.
    The name: no title's shape, not cut short, not too long for a name. The title's first line has
    a title's shape (`is_sentence`: never FROM's nor TO's), does not go on from the name, and
    opens a box of its own (the colon of its label, or a document's kind and a colon: "MEMO: ..."),
    or the name is a whole name ("SURNAME, GIVEN", an office by its rank, the form's placeholder
    "[RESTRICTED]"); its other lines (a title wraps) are no name nor a box of their own. A first
    line of another shape may be the title's own ("TERMINATION" / "UNDERSTANDING FOR DAVID L.
    CHRIST.", "MEMORANDUM FOR THE RECORD" / "MEETING WITH ..."). The title is the last of the three
    labels, so it takes the lines from its first on; the name is FROM or TO, which its place does
    not tell (`lone`)."""
    fields = [group.labels[i].field for i in labels]
    if fields != ["from", "to", "title"] or not 2 <= len(stretch) <= 1 + RULES["title"].max_lines:
        return False
    name, *title = (group.values[j].text.strip(" :;") for j in stretch)
    opening = group.values[stretch[1]]
    whole = opening.led or bool(_KIND_COLON.match(title[0])) \
        or bool(_PLACEHOLDER.match(name) or NAME_SHAPE.match(name) or OFFICE.match(name))
    rest = [group.values[j] for j in stretch[2:]]
    return whole and is_sentence(title[0]) and not CONNECTOR.match(title[0]) and not is_sentence(name) \
        and len(name) <= min(RULES["from"].max_chars, RULES["to"].max_chars) \
        and not any(_unfit(field, name) for field in ("from", "to")) \
        and not any(re.search(r"\d/\d", line) for line in title) \
        and not any(value.led or NAME_SHAPE.match(value.text) or OFFICE.match(value.text) for value in rest)


# A document's kind and a colon, which opens a title ("MEMO: CIA FILES ON ...", "LETTER: ...").
_KIND_COLON = re.compile(r"^(?:MEMO|MEMORANDUM|LETTER|CABLE|DISPATCH|TELEGRAM|REPORT|FORM)(?:\s+FOR)?\s*:\s*\S")


def _title_last(possible: list[set[Span]], labels: list[int], stretch: list[int]) -> list[set[Span]]:
    """The title takes the lines of the stretch after the first, FROM and TO stay undecided over the first."""
    first, *title_lines = stretch
    fro, to, title = labels
    wanted = {fro: {(), (first,)}, to: {(), (first,)}, title: {tuple(title_lines)}}
    if not all(spans <= possible[i] for i, spans in wanted.items()):
        return possible
    return [wanted.get(i, spans) for i, spans in enumerate(possible)]


def _unwrapped(stretches: list[tuple[list[int], list[int]]]) -> list[tuple[list[int], list[int]]]:
    """The stretches that no line below may go on from: free text in a stretch without labels
    ("MEMO: CUBAN" / "01/15/1960" / "2" / "REVOLUTIONARY ACTIVITY ...") may be the rest of a value of
    the stretches above it, up to the first above that has labels and lines of its own (the
    subjects'), which its lines would go on from before they are a title's."""
    kept: list[tuple[list[int], list[int]]] = []
    wrapped = False
    for labels, stretch in reversed(stretches):
        if not labels:
            wrapped = wrapped or bool(stretch)
            continue
        if not wrapped:
            kept.append((labels, stretch))
        wrapped = wrapped and not stretch  # past a stretch with lines of its own, no line goes on from above
    return kept[::-1]


def _stretches(group: Group, possible: list[set[Span]], free: list[int]) -> Iterator[tuple[list[int], list[int]]]:
    """The free-text labels and the free lines (value indexes) between two labels of a certain kind
    whose value is certain ("DATE" and "05/08/64"): the lines of ORIGINATOR, FROM, TO and TITLE lie
    before the date's, those of SUBJECTS after the pages'. The whole group when there is none."""
    anchors = [(i, next(iter(possible[i]))[0]) for i, label in enumerate(group.labels)
               if RULES[label.field].kinds is not None and len(possible[i]) == 1 and next(iter(possible[i]))]
    bounds = [(-1, -1), *anchors, (len(group.labels), len(group.values))]
    for (label_from, value_from), (label_to, value_to) in zip(bounds, bounds[1:], strict=False):
        labels = [i for i in free if label_from < i < label_to]
        stretch = [j for j in range(value_from + 1, value_to)
                   if not group.values[j].kinds & TYPED and group.values[j].owner is None]
        typed = [j for j in range(value_from + 1, value_to) if group.values[j].kinds & TYPED]
        if not typed:
            yield labels, stretch


def _one_line_each(group: Group, labels: list[int], stretch: list[int]) -> bool:
    """Whether these lines read as one value per label: the originator's an agency, none cut short
    nor not a value, none going on from the line above, no FROM or TO with a colon."""
    fields = [group.labels[i].field for i in labels]
    values = [group.values[j] for j in stretch]
    if "originator" in fields and not names_agency(values[fields.index("originator")].text):
        return False
    if any(_unfit(name, value.text) for name, value in zip(fields, values, strict=True)):
        return False  # a line cut short ("BRECKINRIDGE,") or not a value: one label may take two
    return not any(CONNECTOR.match(value.text) or (name in ("from", "to") and ":" in value.text)
                   for name, value in zip(fields, values, strict=True))  # "OF LEGISLATIVE COUNSEL": the line above's


def _unfit(name: str, text: str) -> bool:
    """Whether a line cannot be the whole of a field's value: the vetting would blank it, except for the
    form's placeholder ("WITHHELD", "[Restricted]"), which is a box's whole value, given as no value."""
    return not _PLACEHOLDER.match(text) and vet_text(name, text)[1] is not None

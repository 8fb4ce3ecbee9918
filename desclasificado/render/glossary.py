"""Actor pages as a glossary: the first mention of each actor in an event's text is linked.

`link_actors()` works on the sanitized HTML of a summary or body (from `markup.py`). It
walks the text nodes only, never inside a link, code or citation mark, and wraps the first
mention of each actor's name or other names in a link to the actor's page. Names are
matched as whole words, exactly (a lower-case first letter may also be a capital, for
"the Agency" at the start of a sentence), longest first at a position, in document order:
the same text always gives the same links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from desclasificado.render.markup import esc

SKIP = {"a", "code", "pre", "sup"}


@dataclass(frozen=True)
class Term:
    """An actor to link: its id, its names, and what its link says on hover."""

    actor_id: str
    names: tuple[str, ...]
    title: str


@lru_cache(maxsize=4096)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One actor's names as a whole-word pattern, longest first."""
    variants = set()
    for name in names:
        name = name.strip()
        if name:
            variants.add(name)
            variants.add(name[0].upper() + name[1:])
    ordered = sorted(variants, key=lambda n: (-len(n), n))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


class _Linker(HTMLParser):
    """Copies sanitized HTML, linking names in the text outside links, code and marks."""

    def __init__(self, terms: list[Term], done: set[str], href: Callable[[str], str]):
        super().__init__(convert_charrefs=True)
        self.terms, self.done, self.href = terms, done, href
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in SKIP:
            self.skipping += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag in SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        self.out.append(esc(data) if self.skipping else self._link(data))

    def _link(self, text: str) -> str:
        """The text escaped, with the first mention of each remaining actor linked."""
        out, at = [], 0
        while True:
            best: tuple[int, int, Term] | None = None
            for term in self.terms:
                if term.actor_id in self.done:
                    continue
                found = _pattern(term.names).search(text, at)
                if found and (best is None or (found.start(), -found.end()) < (best[0], -best[1])):
                    best = (found.start(), found.end(), term)
            if best is None:
                out.append(esc(text[at:]))
                return "".join(out)
            start, end, term = best
            self.done.add(term.actor_id)
            out.append(esc(text[at:start]))
            out.append(f'<a class="glossary" href="{self.href(term.actor_id)}" '
                       f'title="{esc(term.title)}">{esc(text[start:end])}</a>')
            at = end


def link_actors(fragment: str, terms: Iterable[Term], href: Callable[[str], str],
                done: set[str] | None = None) -> str:
    """`fragment` with the first mention of each actor linked (`href(actor_id)` gives the
    escaped address). `done` holds actors already linked earlier on the page; it is
    updated, so a summary and then a body link each actor once in all."""
    done = set() if done is None else done
    pending = [t for t in terms if t.actor_id not in done and any(n.strip() for n in t.names)
               and _pattern(t.names).search(fragment)]  # cheap: most names are absent
    if not pending:
        return fragment
    linker = _Linker(pending, done, href)
    linker.feed(fragment)
    linker.close()
    return "".join(linker.out)

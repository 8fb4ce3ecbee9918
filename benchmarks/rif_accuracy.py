"""How well import-rif reads identification forms it was not built on, measured against NARA's catalogue.

    python benchmarks/rif_accuracy.py                   # the development set in ../shared/corpus/jfk-forms
    python benchmarks/rif_accuracy.py --forms DIR --jobs 2 --part held-out --wrong 0

It imports every form of the development set (``2021/`` and ``2022/`` with ``nara-2021.csv`` and
``nara-2022.csv``, see that folder's README) into a temporary folder with ``import_rif`` (without
the catalogue, of course) and compares each record's date, title, originator, from, to and the
form's PAGES with NARA's row, by `catalog.same`: the same value, written as NARA writes it.

- text: without case, spacing and punctuation (the same letters spaced otherwise agree: "U.K.",
  "UK"); an agency's code and its name in full are one value ("ROCK", "ROCKEFELLER COMMISSION"), and
  so is a value NARA's row repeats ("NSA NSA NSA"); "NONE" on the form is no value; a deletion mark
  on the form ("[DELETED]") stands for the words NARA gives in its place; a title NARA cut with "…"
  (or ". . .") agrees with one that begins with it, and an NSA report's number at the head of the
  form's title ("3/0 T3767-63:") is left out, as NARA's titles do;
- dates: equal, or the year (month) alone on the form against NARA's "01/01/YYYY" ("MM/01/YYYY"):
  NARA writes an unknown month or day as 01 in some rows; NARA's "01/01/2000" (the form's
  placeholder "01/01/1900") is no date, as "00/00/0000" is (`catalog.catalog_date`);
- PAGES: the document's pages or the pages released, or the pages released less one when the
  transcript holds just those pages (the count then includes the form itself).

A field is *right* when it agrees, *blank* when the import left it empty (with its review
comment) and the catalogue has a value, *wrong* when it differs. A value read where NARA's row has
none is *unverified*: NARA leaves fields out of its rows (80 rows of the set have no originator),
so it is neither right nor wrong; those are counted apart and listed for a person to check. So is
a PAGES read where the row gives no pages of the document (``num_pages`` empty) and its pages
released, less one (the form), are not more than it: FBI forms count the document's pages, of
which a few may be released.
``--strict`` scores as the first version of this benchmark did: against NARA's row as it is, no
errata, a value where the row has none wrong. A record whose row gives none of date, title,
originator, from and to (NARA did not catalogue it) is not scored and is counted apart. It prints
the table per release and per part, the wrong values, and the time of the whole import.

Errata (``benchmarks/rif_errata.csv``): fields where NARA's row gives another value than the form
does, not an OCR slip but another value ("AGENCY ORIGINATOR : FBI", NARA "CIA"; a title NARA
abbreviated; an originator NARA left out), checked by eye on the transcript. For those the form's
value is the truth (the importer reads the form: see the development set's README); each row
quotes the form's line, and the benchmark refuses to run when that line is not on the form or
does not hold the value. The table says how many fields were scored against the errata.

Parts: *held-out* is the records whose SHA-1 of the record number ends in a digit below 3 in
decimal (about 30%), kept out of sight while the reader was developed; *dev* is the rest. (The
errata were checked on both parts: they correct the truth, not the reader.)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import platform
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desclasificado.archives.jfk.catalog import COMPARED, CatalogRow, load_catalog, same, squash  # noqa: E402
from desclasificado.archives.jfk.formpages import lines_of_form  # noqa: E402
from desclasificado.archives.jfk.importer import FileReport, import_rif  # noqa: E402
from tests.shared import SHARED  # noqa: E402

RELEASES = ("2021", "2022")
ERRATA = Path(__file__).with_name("rif_errata.csv")
Errata = dict[tuple[str, str], str]  # (record number, field) -> the value the form gives


def load_errata(forms: Path, path: Path = ERRATA) -> Errata:
    """The errata, each checked against its transcript: its line is on the form and holds the value."""
    errata: Errata = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            record, name, value, line = row["record_number"], row["field"], row["form"], row["form_line"]
            sources = [forms / release / f"{record}.md" for release in RELEASES]
            source = next((item for item in sources if item.is_file()), None)
            if source is None:
                continue  # a development set without this record
            lines = {" ".join(text.split()) for text in lines_of_form(source.read_text(encoding="utf-8"))}
            shown = squash(line.split(":", 1)[1] if ":" in line else line)
            if line not in lines or not shown or not (shown in squash(value) or _date_shown(value, line)):
                raise SystemExit(f"{path}:{number}: error: the line {line!r} is not on the form of {record} "
                                 f"with the value {value!r}: check the erratum against {source}")
            errata[(record, name)] = int(value) if name == "pages" else value
    return errata


def _date_shown(value: str, line: str) -> bool:
    """Whether an ISO date is the date on a form's line ("DATE: 12/01/76" holds 1976-12-01)."""
    found = re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", line)
    return bool(found) and value == f"{1900 + int(found[3]) % 100:04d}-{int(found[1]):02d}-{int(found[2]):02d}"


def _uncounted(read: object, row: CatalogRow) -> bool:
    """Whether a PAGES read cannot be checked: NARA's row gives no pages of the document, and the
    pages it released (less the form among them) are not more than the form's count."""
    return row.pages_released is None or (isinstance(read, int) and read >= row.pages_released - 1)


def part_of(record: str) -> str:
    """"held-out" or "dev": a fixed split that does not depend on the files' order."""
    return "held-out" if int(hashlib.sha1(record.encode()).hexdigest(), 16) % 10 < 3 else "dev"


@dataclass
class Tally:
    """Right, blank and wrong counts per field, and the wrong values."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0, 0] for name in COMPARED})
    wrong: list[str] = field(default_factory=list)
    unwritten: list[str] = field(default_factory=list)
    uncatalogued: int = 0  # rows where NARA gives none of the date, title, originator, from, to: not scored
    errata: int = 0  # fields scored against the form's value (the errata), not NARA's
    unverified: list[str] = field(default_factory=list)  # a value read where NARA's row gives none
    strict: bool = False  # NARA's row as it is: a value where it has none is wrong

    def add(self, item: FileReport | None, row: CatalogRow, errata: Errata | None = None) -> None:
        if not any(row.fields.get(name) for name in COMPARED if name != "pages"):
            self.uncatalogued += 1
            return
        if item is None or item.status != "created":
            self.unwritten.append(f"{row.record_number}: {item.reason if item else 'not imported'}")
            for name in COMPARED:
                self.counts[name][1] += 1
            return
        for name in COMPARED:
            read = item.form_pages if name == "pages" else item.fields.get(name)
            listed = row.fields.get(name, "")
            if errata and (row.record_number, name) in errata:
                listed = errata[(row.record_number, name)]
                self.errata += 1
            if read in ("", None, []):
                self.counts[name][0 if listed in ("", None) else 1] += 1
            elif same(name, read, listed, row.pages_released, item.pages):
                self.counts[name][0] += 1
            elif listed in ("", None) and not self.strict and (name != "pages" or _uncounted(read, row)):
                self.unverified.append(f"{row.record_number} {name}: read {read!r}")
            else:
                self.counts[name][2] += 1
                self.wrong.append(f"{row.record_number} {name}: read {read!r}, NARA {listed!r}")

    def totals(self) -> tuple[int, int, int]:
        right, blank, wrong = (sum(c[i] for c in self.counts.values()) for i in range(3))
        return right, blank, wrong

    def rates(self) -> tuple[float, float, float]:
        right, blank, wrong = self.totals()
        total = max(1, right + blank + wrong)
        return 100 * right / total, 100 * blank / total, 100 * wrong / total


def measure(forms: Path, jobs: int, strict: bool = False) -> tuple[dict[tuple[str, str], Tally], float, int]:
    """Import the development set; the tallies by (release, part), the seconds taken, the files.
    With `strict` every field is scored against NARA's row as it is (no errata, and a value where
    the row has none is wrong)."""
    corrections = {} if strict else load_errata(forms)
    catalogs = {release: load_catalog(forms / f"nara-{release}.csv") for release in RELEASES}
    sources = [forms / release / f"{record}.md" for release in RELEASES for record in catalogs[release]]
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = import_rif(sources, Path(out) / "documents", jobs=jobs)
        seconds = time.perf_counter() - start
    by_source = {item.source: item for item in report.files}
    tallies: dict[tuple[str, str], Tally] = {}
    for release in RELEASES:
        for record, row in catalogs[release].items():
            item = by_source.get(forms / release / f"{record}.md")
            tallies.setdefault((release, part_of(record)), Tally(strict=strict)).add(item, row, corrections)
    return tallies, seconds, len(sources)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", type=Path, default=SHARED / "corpus" / "jfk-forms")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--part", choices=("dev", "held-out", "all"), default="all")
    parser.add_argument("--wrong", type=int, default=40, help="how many wrong values to list per release")
    parser.add_argument("--strict", action="store_true",
                        help="score against NARA's row as it is: no errata, a value where the row has none is wrong")
    args = parser.parse_args(argv)
    tallies, seconds, files = measure(args.forms, args.jobs, strict=args.strict)
    print(f"{files} forms imported in {seconds:.1f} s with {args.jobs} process(es) "
          f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()})")
    for release in RELEASES:
        for part in ("dev", "held-out"):
            if args.part in (part, "all"):
                _print(release, part, tallies[(release, part)], args.wrong)
    return 0


def _print(release: str, part: str, tally: Tally, limit: int) -> None:
    right, blank, wrong = tally.rates()
    print(f"\n{release} {part}: right {right:.1f}%  blank {blank:.1f}%  wrong {wrong:.2f}%")
    print(f"  {'field':<12}{'right':>7}{'blank':>7}{'wrong':>7}")
    for name, (r, b, w) in tally.counts.items():
        print(f"  {name:<12}{r:>7}{b:>7}{w:>7}")
    if tally.uncatalogued:
        print(f"  not scored: {tally.uncatalogued} records NARA left uncatalogued (no date, title, originator, "
              f"from or to in its row)")
    if tally.errata:
        print(f"  scored against the form, not NARA's row: {tally.errata} fields (benchmarks/rif_errata.csv)")
    if tally.unverified:
        print(f"  not scored: {len(tally.unverified)} values read where NARA's row gives none (check by hand): "
              + "; ".join(tally.unverified[:limit]))
    if tally.unwritten:
        print(f"  not written: {len(tally.unwritten)}: " + "; ".join(tally.unwritten[:10]))
    for line in tally.wrong[:limit]:
        print(f"  wrong: {line}")
    if len(tally.wrong) > limit:
        print(f"  ... and {len(tally.wrong) - limit} more wrong")


if __name__ == "__main__":
    sys.exit(main())

"""The accuracy floor of import-rif on the development set, scored against NARA's catalogue.

The floor is what the reader reaches today (benchmarks/rif_accuracy.py prints the figures); a
change that makes it read more wrong values, or fewer right ones, fails here. Issue 13's targets
(2021-like OCR: 95% right, 0.5% wrong; tesseract: 85% right, 1% wrong) are above it.
"""

from __future__ import annotations

import pytest

from benchmarks.rif_accuracy import RELEASES, Tally, measure
from tests.shared import SHARED

FORMS = SHARED / "corpus" / "jfk-forms"
# release: (at least right %, at most wrong %), both parts together
FLOOR = {"2021": (79.5, 3.0), "2022": (70.5, 3.3)}


@pytest.mark.skipif(not (FORMS / "nara-2021.csv").is_file(), reason=f"the development set is not at {FORMS}")
def test_the_reader_keeps_its_accuracy_on_the_development_set() -> None:
    tallies, _, _ = measure(FORMS, jobs=2)
    for release in RELEASES:
        total = Tally()
        for (of, _part), tally in tallies.items():
            if of == release:
                for name, counts in tally.counts.items():
                    total.counts[name] = [a + b for a, b in zip(total.counts[name], counts, strict=True)]
        right, _, wrong = total.rates()
        least_right, most_wrong = FLOOR[release]
        assert right >= least_right and wrong <= most_wrong, (release, f"right {right:.1f}%, wrong {wrong:.2f}%")

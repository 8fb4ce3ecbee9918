"""Generate a synthetic collection of N events and N/5 documents shaped like real ones.

The text is made of real-looking words but says nothing true: it is for timing only and
is written to a directory outside the repository's content folders.

    python benchmarks/synthetic.py OUT_DIR N
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = ("agent network training group government embassy report source travel funds "
         "revolutionary movement leaders border documents passports money weapons station "
         "officials exile plans contacts meeting information activities operation security "
         "camp front coup elections party students workers army police minister").split()
COUNTRIES = ["CU", "PE", "MX", "VE", "DO", "HT", "BO", "BR", "AR", "CL", "EC", "GT", "PA",
             "SV", "NI", "CO", "US"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _page(rng: random.Random) -> str:
    return "\n\n".join(_sentence(rng, rng.randint(12, 30)) for _ in range(14))


def write_document(folder: Path, index: int, rng: random.Random) -> tuple[str, list[str]]:
    record = f"104-{10000 + index // 100:05d}-{10000 + index % 100:05d}"
    pages = [_page(rng) for _ in range(rng.randint(3, 8))]
    transcript = "".join(f"## Page {n}\n\n{text}\n\n" for n, text in enumerate(pages, 1))
    (folder / f"{record}.md").write_text(f"# {record}\n\n{transcript}", encoding="utf-8")
    (folder / f"{record}.yaml").write_text(f'''record_number: "{record}"
title: "{_sentence(rng, 6)}"
date: "19{rng.randint(55, 79)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
archive: "National Archives and Records Administration"
collection: "President John F. Kennedy Assassination Records Collection"
agency: "CIA"
originator: "CIA"
to: "Director"
record_series: "JFK"
pages: {len(pages)}
releases:
  - release: "2025"
    pdf: "https://www.archives.gov/files/research/jfk/releases/2025/0318/{record}.pdf"
cited_release: "2025"
''', encoding="utf-8")
    return record, pages


def write_event(folder: Path, index: int, documents: list[tuple[str, list[str]]],
                rng: random.Random, count: int) -> None:
    record, pages = rng.choice(documents)
    page = rng.randint(1, len(pages))
    words = pages[page - 1].split()
    start = rng.randint(0, len(words) - 15)
    quote = " ".join(words[start:start + 12])
    related = f'related: ["ev-{(index + 1) % count:06d}"]\n' if count > 1 else ""
    (folder / f"ev-{index:06d}.yaml").write_text(f'''date: "19{rng.randint(55, 79)}-{rng.randint(1, 12):02d}"
title: "{_sentence(rng, 8)}"
summary: "{_sentence(rng, 25)}[^1] {_sentence(rng, 15)}"
body: "{_sentence(rng, 40)} {_sentence(rng, 40)}"
countries: ["{rng.choice(COUNTRIES)}", "{rng.choice(COUNTRIES[:5])}"]
actors: ["cia"]
themes: ["covert-action"]
sources:
  - document: "{record}"
    pages: "{page}"
    quote: "{quote}"
{related}''', encoding="utf-8")


def generate(out: Path, count: int, seed: int = 1963) -> Path:
    """Write a project with `count` events into `out` (replacing it); return `out`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for kind in ("events", "documents", "actors", "themes"):
        (out / kind).mkdir(parents=True)
    shutil.copy(REPO / "actors" / "cia.yaml", out / "actors")
    shutil.copy(REPO / "themes" / "covert-action.yaml", out / "themes")
    documents = [write_document(out / "documents", i, rng) for i in range(max(1, count // 5))]
    for index in range(count):
        write_event(out / "events", index, documents, rng, count)
    return out


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))

"""Agency names spelled out, and archives' places, for citations (`agencies.yaml`).

The JFK identification forms name agencies by NARA's codes ("CIA", "SSCIA"); a citation
names a corporate author in full. `spelled_out` gives the full name of a code, and of a
code after an office ("DIRECTOR, FBI" -> "DIRECTOR, Federal Bureau of Investigation");
anything else is kept as written. `place` gives where an archive is ("College Park, MD").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("agencies.yaml")


@dataclass(frozen=True)
class Place:
    """Where an archive is: city, state (or province), and country as its ISO 3166 code,
    which a citation names in its own language (CLDR: "United States", "Estados Unidos")."""

    city: str
    region: str
    country: str

    def short(self) -> str:
        """'College Park, MD' (Chicago, MLA)."""
        return f"{self.city}, {self.region}"

    def full(self, country_name: Callable[[str], str]) -> str:
        """'College Park, MD, United States' (APA 7), the country named by `country_name`
        (the page's language's)."""
        return f"{self.short()}, {country_name(self.country)}"


@dataclass(frozen=True)
class Table:
    agencies: dict[str, str]
    kept: dict[str, str]
    places: dict[str, Place]
    acronyms: tuple[str, ...] = ()


@cache
def table(path: Path = TABLE) -> Table:
    """The table, read once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Table(agencies={str(k): str(v) for k, v in data["agencies"].items()},
                 kept={str(k): str(v) for k, v in (data.get("kept") or {}).items()},
                 places={str(k): Place(*map(str, v)) for k, v in data["places"].items()},
                 acronyms=tuple(str(a) for a in data.get("acronyms") or ()))


def spelled_out(value: str | None) -> str | None:
    """An agency's full name: a code of the table, or an office and a code
    ("Director, CIA"); any other value as written (None and "" as None)."""
    if not value:
        return None
    names = table().agencies
    key = value.strip()
    if key in names:
        return names[key]
    office, sep, last = key.rpartition(",")
    parts = [p.strip() for p in office.split(",")]
    if sep and last.strip() in names and not any(p in names for p in parts):
        return f"{office}, {names[last.strip()]}"
    return value


def place(archive: str) -> Place | None:
    """Where an archive is, when the table says."""
    return table().places.get(archive)

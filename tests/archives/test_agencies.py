"""The table of agency names (archives/agencies.yaml) and the kinds of JFK records."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desclasificado.archives.agencies import Table, place, spelled_out, table
from desclasificado.archives.jfk.kinds import document_kind

REPO = Path(__file__).resolve().parents[2]


def _values(field: str) -> set[str]:
    """Every value of `field` in the repository's document records."""
    values = set()
    for path in (REPO / "documents").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get(field):
            values.add(str(record[field]))
    return values


@pytest.mark.parametrize("field", ["originator", "agency"])
def test_every_agency_of_the_documents_is_spelled_out_or_kept_on_purpose(field: str) -> None:
    """A new code on a form must be added to archives/agencies.yaml: under `agencies`
    with its full name (as NARA or the document spells it out), or under `kept` with why."""
    names = table()
    unknown = sorted(v for v in _values(field) if v not in names.agencies and v not in names.kept)
    assert not unknown, (f"{field} values not in desclasificado/archives/agencies.yaml: "
                         f"{unknown}: add each under agencies: (its full name) or kept: (why)")


def test_the_table_is_consistent() -> None:
    names: Table = table()
    assert not set(names.agencies) & set(names.kept)
    assert all(full and full != code for code, full in names.agencies.items())
    assert spelled_out("") is None and spelled_out(None) is None
    assert spelled_out("Operation PBSUCCESS Headquarters") == "Operation PBSUCCESS Headquarters"
    nara = place("National Archives and Records Administration")
    assert nara is not None and nara.short() == "College Park, MD"
    assert nara.country == "US"  # named in the citation's language (render/archival.py)
    assert nara.full(str.lower) == "College Park, MD, us"
    assert place("Somewhere else") is None


@pytest.mark.parametrize(("title", "document_type", "kind"), [
    ("CABLE: CONCUR RIO'S ESTIMATE", "PAPER", ("cable", True)),
    ("JMWAVE CABLE - RUMORS THAT ERNESTO GUEVARA IS UNDER HOUSE ARREST.", "", ("cable", True)),
    ("FIELD INFORMATION REPORT: \"ATTEMPTS OF ROLANDO MASFERRER", "",
     ("field information report", True)),
    ("MEMO: STATEMENT CONCERNING ASSIGNMENT BOLIVIA", None, ("memorandum", True)),
    ("CURRENT INTEL MEMO: CUBAN SUBVERSION", None, ("current intelligence memorandum", True)),
    ("MEMORANDUM", "PAPER", ("memorandum", True)),
    ("LATIN AMERICA BRIEF", "MEMORANDUM", ("memorandum", False)),
    ("LATIN AMERICA BRIEF", "PAPER, TEXTUAL DOCUMENT", (None, False)),
    ("CIA OPERATIVE IN EL SALVADOR.", "", (None, False)),
])
def test_the_kind_of_a_record(title: str, document_type: str | None,
                              kind: tuple[str | None, bool]) -> None:
    assert document_kind(title, document_type) == kind

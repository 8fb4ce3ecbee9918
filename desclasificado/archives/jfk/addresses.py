"""NARA's PDF addresses of a record, and what a transcript says of its release and document id."""

from __future__ import annotations

import re
from collections.abc import Iterable

from desclasificado.archives.jfk.form import RECORD_NUMBER, RELEASES_BASE
from desclasificado.archives.jfk.frontmatter import split_front_matter


def pdf_url(record_number: str, release: str, docid: str | None = None) -> str | None:
    """The NARA PDF address of a record in a release, from the published patterns.

    2021 PDFs are named by a document id (docid) that the record number does not give: without
    `docid` there is no address. With a `docid`, 2021, 2022 and 2023 use ``docid-<n>.pdf``.
    2022 PDFs are sometimes docid-named too, which only the archive's listing tells.
    """
    if not RECORD_NUMBER.fullmatch(record_number):
        return None
    if docid and release in ("2021", "2022", "2023"):
        return f"{RELEASES_BASE}/{release}/docid-{docid}.pdf"
    paths = {"2025": f"2025/0318/{record_number}", "2023/08": f"2023/08/{record_number}",
             "2023": f"2023/{record_number}", "2022": f"2022/{record_number}"}
    path = paths.get(release)
    return f"{RELEASES_BASE}/{path}.pdf" if path else None


def release_urls(record_number: str, releases: Iterable[str], docid: str | None = None) -> list[tuple[str, str]]:
    """(release, PDF address) for each release whose address the patterns give."""
    found = ((release, pdf_url(record_number, release, docid)) for release in releases)
    return [(release, url) for release, url in found if url]


def parse_release_list(listing: str) -> list[tuple[str, str]]:
    """Read index.csv's ``all_release_pdf_urls``: "2022: https://... ; 2025: https://..."."""
    pairs = []
    for part in listing.split(" ; "):
        release, sep, url = part.strip().partition(": ")
        if sep and url.startswith("https://"):
            pairs.append((release.strip(), url.strip()))
    return pairs


def docid_of(text: str) -> str | None:
    """The document id of a transcript named after it (first line ``# DOCID-32343841``)."""
    body = split_front_matter(text).body
    found = re.match(r"\s*#\s*docid-(\d+)\s*$", body.split("\n", 1)[0], re.IGNORECASE)
    return found.group(1) if found else None


def release_of(text: str) -> str | None:
    """The release a transcript was read from, when its pages say so (banner or release stamp)."""
    banner = re.search(r"\b(20\d\d) RELEASE UNDER THE PRESIDENT", text[:3000])
    if banner:
        return banner.group(1)
    stamp = re.search(r"\d{4}\s+Date\s*:?\s*\d\d?[-.:]\d\d?[-.:](20\d\d)\b", text[:6000])  # "NW 65924 Date: 10-25-2021"
    return stamp.group(1) if stamp else None

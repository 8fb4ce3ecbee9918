"""Cross-checking a reading with NARA's release table (index.csv): it confirms, never supplies."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from desclasificado.archives.jfk.fields import joined, normalize_date, summarize
from desclasificado.archives.jfk.form import RifResult


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())


def _title_score(candidate: str, listed: str) -> float:
    """How well form text matches a title from NARA's table (a title ending in … is cut short)."""
    stem = listed.rstrip(" …").removesuffix("...")
    a, b = _squash(candidate), _squash(stem)
    if not a or not b:
        return 0.0
    if stem != listed:  # cut short: compare with the best window of the same length
        windows = (a[i:i + len(b)] for i in range(max(1, len(a) - len(b) + 1)))
        return max(SequenceMatcher(None, window, b).ratio() for window in windows) if len(b) >= 12 else 0.0
    return SequenceMatcher(None, a, b).ratio()


def apply_release_listing(result: RifResult, title: str = "", date: str = "") -> RifResult:
    """Cross-check a reading with NARA's release table (its title, and its date as "MM/DD/YYYY").

    The table only ever confirms text the form has: an unplaced run of form lines that matches the
    listed title becomes the title (or completes a title cut short, as "... EMBASSIES" + "(1963)").
    A date that disagrees with the table, or is unreadable, is reported, never replaced.
    Returns `result`, updated.
    """
    if title:
        _confirm_title(result, title)
        summarize(result)
    listed, _ = normalize_date(date) if date else ("", None)
    read = str(result.fields.get("date", ""))
    if listed and read and listed != read:
        result.warnings.append(f"date: the form reads {read}, NARA's release table {listed}")
    elif listed and not read and "date" in result.missing:
        result.warnings.append(f"date: not readable on the form; NARA's release table gives {listed} (not used)")
    return result


def _confirm_title(result: RifResult, listed: str) -> None:
    current = str(result.fields.get("title", ""))
    if ("title" not in result.missing and not current) or len(_squash(listed)) < 8:
        return  # empty on the form, or a title too short ("Report") to tell one line from another
    lines = result.unplaced
    runs = [(i, j) for i in range(len(lines)) for j in range(i + 1, min(i + 5, len(lines) + 1))]
    prefix = current + " " if current else ""
    scored = [(_title_score(prefix + " ".join(lines[i:j]), listed), i - j, i, j) for i, j in runs]
    needed = 0.95 if current else 0.85
    good = [item for item in scored if item[0] >= needed and (not current or item[0] > _title_score(current, listed))]
    if not good:
        return
    _, _, i, j = max(good)
    result.fields["title"] = joined([prefix + " ".join(lines[i:j])])
    del lines[i:j]
    if "title" in result.missing:
        result.missing.remove("title")
        result.reasons.pop("title", None)
    verb = "completed with" if current else "placed from"
    result.warnings.append(f"title: {verb} form text matching NARA's release table title {listed!r}")

"""What a page reads while it is rendered (`render/reads.py`), on which the incremental build
decides which pages to render again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desclasificado.check.project import check_project
from desclasificado.index import build_index
from desclasificado.render import plan_site
from desclasificado.render.reads import (
    WHOLE,
    Memo,
    Reads,
    Watched,
    digest,
    fingerprint,
    value_of,
    watch,
)
from desclasificado.render.urls import event_url
from tests.conftest import REPO, Project
from tests.sitekit import event_yaml


def test_a_watched_table_notes_each_key_and_a_walk_of_it_whole() -> None:
    table = Watched("t", {"a": 1, "b": 2})

    def reader() -> int:
        return table["a"] + table.get("z", 0) + ("b" in table)

    assert Reads.of(reader) == (2, frozenset({("t", "a"), ("t", "z"), ("t", "b")}))
    assert Reads.of(lambda: sorted(table))[1] == {("t", WHOLE)}
    assert Reads.of(lambda: len(table))[1] == {("t", WHOLE)}
    assert table["a"] == 1  # outside a render, nothing is noted and nothing fails


def test_a_memo_gives_its_reads_to_every_page_that_takes_its_value() -> None:
    table, memo = Watched("t", {"a": 1}), Memo()

    def page() -> int:
        found = memo.get("key")
        if found is None:
            found = memo["key"] = table["a"] * 10
        return found

    assert Reads.of(page) == (10, frozenset({("t", "a")}))
    assert Reads.of(page) == (10, frozenset({("t", "a")}))  # found, not worked out


def test_a_memo_value_worked_out_outside_a_render_keeps_its_reads() -> None:
    table, memo = Watched("t", {"a": 1}), Memo()
    assert memo.get("key") is None
    memo["key"] = table["a"]
    assert Reads.of(lambda: memo.get("key")) == (1, frozenset({("t", "a")}))


def _watched_site(tmp_path: Path):
    project = Project(tmp_path / "project")
    for year in (1960, 1961, 1962):
        project.write(f"events/e{year}.yaml", event_yaml(f"{year}-03-01", f"Event of {year}"))
    result = check_project(project.root)
    site = plan_site(result.collection, build_index(result.collection))
    watch(site.context)
    return site


def test_an_event_page_reads_its_neighbours_not_the_whole_timeline(tmp_path: Path) -> None:
    site = _watched_site(tmp_path)
    _page, reads = Reads.of(site.render, event_url("e1961"))
    assert ("index.previous()", ("e1961",)) in reads
    assert ("index.next()", ("e1961",)) in reads
    assert ("index.timeline", WHOLE) not in reads
    assert ("collection.events", "e1961") in reads
    assert value_of(site.context, ("index.next()", ("e1961",))) == "e1962"


def test_a_read_digest_is_the_same_in_another_process(tmp_path: Path) -> None:
    """Models pickle the set of their fields, whose order changes with the hash seed: the
    digests of reads must not."""
    site = _watched_site(tmp_path)
    reads = [("collection.events", "e1961"), ("collection.documents", "176-10036-10058"),
             ("index.citations", "e1961"), ("summaries", "e1961")]
    here = [digest(site.context, read).hex() for read in reads]
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
        "from desclasificado.check.project import check_project\n"
        "from desclasificado.index import build_index\n"
        "from desclasificado.render import plan_site\n"
        "from desclasificado.render.reads import digest, watch\n"
        "r = check_project(Path(sys.argv[2])); s = plan_site(r.collection, "
        "build_index(r.collection)); watch(s.context)\n"
        f"print(' '.join(digest(s.context, read).hex() for read in {reads!r}))\n")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", script, str(REPO), str(tmp_path / "project")],
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
                             capture_output=True, text=True).stdout.split()
        assert out == here


def test_fingerprints_do_not_follow_the_order_of_sets_or_dicts() -> None:
    assert fingerprint({"b": {3, 1, 2}, "a": 1}) == fingerprint({"a": 1, "b": {2, 3, 1}})
    assert fingerprint([1, 2]) != fingerprint([2, 1])
    assert fingerprint("1") != fingerprint(1)

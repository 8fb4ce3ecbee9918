"""The search bundle is written from what Pagefind's service hands back (GetFiles)."""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from desclasificado.publish import searchindex
from desclasificado.publish.pagefind_service import PagefindService
from desclasificado.publish.searchindex import IndexFailed
from desclasificado.publish.searchshards import write_bundle


def _file(path: str, content: bytes) -> dict:
    return {"path": path, "content": base64.b64encode(content).decode("ascii")}


def test_each_file_is_written_whole_and_the_unused_ones_are_not(tmp_path: Path) -> None:
    big = bytes(range(256)) * 4096  # 1 MB: more than one write of the kernel's pages
    write_bundle(tmp_path, searchindex._bundle_files([
        _file("pagefind.js", big), _file("fragment/en_1.pf_fragment", b"f"),
        _file("pagefind-ui.js", b"ui"), _file("playground/index.html", b"p")]))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file())
    assert written == ["fragment/en_1.pf_fragment", "pagefind.js"]
    assert (tmp_path / "pagefind.js").read_bytes() == big


@pytest.mark.parametrize("path", ["../outside.js", "/etc/outside.js", "a/../../outside.js"])
def test_a_file_named_outside_the_bundle_is_refused(tmp_path: Path, path: str) -> None:
    bundle = tmp_path / "bundle"
    with pytest.raises(IndexFailed, match="outside its bundle"):
        write_bundle(bundle, searchindex._bundle_files([_file(path, b"x")]))
    assert not (tmp_path / "outside.js").exists()


class _Chunks:
    """A service's stdout that hands its bytes out in the pieces given."""

    def __init__(self, pieces: list[bytes]):
        self.pieces = pieces

    def read1(self, _size: int) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""


def _answer(number: int, payload: dict) -> bytes:
    message = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
    return base64.b64encode(message) + b","


@pytest.mark.parametrize("size", [1, 7, 100, 1 << 16])
def test_answers_split_anywhere_among_reads_are_each_taken_whole(size: int) -> None:
    """However the pipe cuts the answers (inside one, several in a piece), each is read."""
    big = {"type": "GetFiles", "files": [{"path": "pagefind.js", "content": "QUJD" * 5000}]}
    stream = _answer(1, {"type": "NewIndex", "index_id": 1}) + _answer(2, big) \
        + _answer(3, {"type": "IndexedFile"})
    service = PagefindService.__new__(PagefindService)
    service.process = SimpleNamespace(stdout=_Chunks([stream[i:i + size]
                                                      for i in range(0, len(stream), size)]))
    service.wanted, service.answers, service.errors = {1, 2}, {}, []
    service.received, service.ended, service.changed = 0, False, threading.Condition()
    service._read()
    assert service.errors == [] and service.received == 3 and service.ended
    assert service.answers == {1: {"type": "NewIndex", "index_id": 1}, 2: big}

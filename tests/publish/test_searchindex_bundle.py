"""The search bundle is written from what Pagefind's service hands back (GetFiles)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from desclasificado.publish import searchindex
from desclasificado.publish.searchindex import IndexFailed


def _file(path: str, content: bytes) -> dict:
    return {"path": path, "content": base64.b64encode(content).decode("ascii")}


def test_each_file_is_written_whole_and_the_unused_ones_are_not(tmp_path: Path) -> None:
    big = bytes(range(256)) * 4096  # 1 MB: more than one write of the kernel's pages
    searchindex._write_bundle(tmp_path, [
        _file("pagefind.js", big), _file("fragment/en_1.pf_fragment", b"f"),
        _file("pagefind-ui.js", b"ui"), _file("playground/index.html", b"p")])
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file())
    assert written == ["fragment/en_1.pf_fragment", "pagefind.js"]
    assert (tmp_path / "pagefind.js").read_bytes() == big


@pytest.mark.parametrize("path", ["../outside.js", "/etc/outside.js", "a/../../outside.js"])
def test_a_file_named_outside_the_bundle_is_refused(tmp_path: Path, path: str) -> None:
    bundle = tmp_path / "bundle"
    with pytest.raises(IndexFailed, match="outside its bundle"):
        searchindex._write_bundle(bundle, [_file(path, b"x")])
    assert not (tmp_path / "outside.js").exists()

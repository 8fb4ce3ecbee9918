"""The safety rules every cache of a build shares: what it keeps is signed with a key of this
computer's, its files are stored whole under their content's hash, and a cache folder that
git tracks is not used.

A page cache's manifest is a pickle (unpickling runs code), its Markdown and the search
shards' bundles go into pages as they are: a file put in the cache by anyone else (in a
download, a commit) must not be read. So each is written with an HMAC of this computer's key
(`key_file()`, outside every project, readable by its owner only) and read only if the HMAC
is right (`signed`); and none is read while git tracks a file of the cache folder, since a
checkout could then put any file there (`tracked`). Used by `publish/pagecache.py` and
`publish/searchshards.py`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import subprocess
from pathlib import Path


def write_signed(path: Path, data: bytes) -> None:
    """Write `data` with this computer's signature, whole (beside its place, then renamed)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(signature(data) + data)
    partial.replace(path)


def key_file() -> Path:
    """Where this computer's key for signing manifests is kept: outside every project."""
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "desclasificado" / "cache-key"


def key() -> bytes:
    """This computer's key (made on first use, readable by its owner only). Written whole
    beside its place, then linked in: two builds starting at once read the same key, and
    none reads a key half written."""
    path = key_file()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
        try:
            os.link(partial, path)  # fails if another build linked its key first: that one holds
        except FileExistsError:
            pass
        finally:
            partial.unlink(missing_ok=True)
        return path.read_bytes()


def signature(data: bytes) -> bytes:
    return hmac.new(key(), data, hashlib.sha256).digest()


def signed(data: bytes) -> bytes:
    """`data` without its signature, if it is this computer's (ValueError if not): a
    manifest is a pickle, and unpickling runs code, so none is unpickled that this computer
    did not write."""
    mark, body = data[:32], data[32:]
    if not hmac.compare_digest(mark, signature(body)):
        raise ValueError("not signed here")
    return body


def tracked(folder: Path) -> bool:
    """Whether git tracks files in the cache folder: a commit could then put any file there."""
    try:
        listed = subprocess.run(["git", "-C", str(folder.parent), "ls-files", "--", folder.name],
                                capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return listed.returncode == 0 and bool(listed.stdout.strip())


def store(folder: Path, data: bytes) -> str:
    """Keep a file's content under `folder`, named by its blake2b; the name. Written whole
    even if a file of that name is there (ours, not a planted one)."""
    name = hashlib.blake2b(data, digest_size=20).hexdigest()
    stored = stored_file(folder, name)
    stored.parent.mkdir(parents=True, exist_ok=True)
    partial = stored.with_name(f".{name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(stored)
    return name


def stored_file(folder: Path, name: str) -> Path:
    """Where `store` keeps the content named `name` under `folder`."""
    return folder / name[:2] / name


__all__ = ["key", "key_file", "signed", "store", "stored_file", "tracked", "write_signed"]

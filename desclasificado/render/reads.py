"""What a page read while it was rendered: the ground of the incremental build.

A page is a pure function of what it reads of its `Context`: records of the collection, the
index's tables, the rendered summaries. `watch(ctx)` puts recording views in front of those
(`Watched`: a read-only mapping that notes each key read, and the whole table when it is
walked), and `Reads.of(render)` runs a render and returns what it read, as a set of
*reads*: `(table, key)`, or `(table, WHOLE)` for a table walked or measured whole.

A read names a value, and `digest(ctx, read)` is a digest of that value's content (of its
pickle, models by their fields, so that it is the same in every process; `fingerprint` is
the slower canonical encoding, for what cannot be pickled). If every read of a page has the
same digest in the next build, the page renders the same: the reads decide what it does,
and it reads nothing else. The publish stage's page cache (`publish/pagecache.py`) relies on
exactly that.

What a table of worked-out values shared by pages hides (`Context.entries`, the list
entries; `Context.source_citations`), a `Memo` keeps: each of its values remembers the reads
that made it, and a page that takes the value takes its reads too.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

from pydantic import BaseModel

WHOLE = "*"  # the key of a read of a whole table
#: The tables of rendered Markdown a page reads (`Context` attributes, one per language).
CONTEXT_TABLES = ("summaries", "bodies")
#: Methods of a watched record read as one value each, by their arguments: the event before
#: and after one depend on its neighbours, not on the whole timeline, and whether the
#: timeline has pages per year on its length only.
LOOKUPS = {"index": ("previous", "next", "longer_than")}

Read = tuple[str, Any]

_log: list[Read] | None = None  # the reads of the page being rendered, in order


class Reads:
    """Record the reads of one render."""

    @staticmethod
    def of(render: Callable[..., Any], *args: Any) -> tuple[Any, frozenset[Read]]:
        """What `render(*args)` returns, and every read it made."""
        global _log
        outer, _log = _log, []
        try:
            value = render(*args)
            return value, frozenset(_log)
        finally:
            if outer is not None:
                outer.extend(_log)
            _log = outer


def note(read: Read) -> None:
    """Count `read` among the current render's reads (if one is recorded)."""
    if _log is not None:
        _log.append(read)


class _View:
    """A read-only view of one table (a dict, a set) that notes what is asked of it: a key
    looked up, or the whole table when it is walked or measured."""

    __slots__ = ("_name", "_data")

    def __init__(self, name: str, data: Any):
        self._name, self._data = name, data

    def __contains__(self, key: Any) -> bool:
        if _log is not None:
            _log.append((self._name, key))
        return key in self._data

    def __iter__(self) -> Iterator:
        note((self._name, WHOLE))
        return iter(self._data)

    def __len__(self) -> int:
        note((self._name, WHOLE))
        return len(self._data)


class Watched(_View, Mapping):
    """A read-only view of a dict that notes what is read of it."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        if _log is not None:
            _log.append((self._name, key))
        return self._data[key]

    def get(self, key: Any, default: Any = None) -> Any:
        if _log is not None:
            _log.append((self._name, key))
        return self._data.get(key, default)


class WatchedSet(_View):
    """A read-only view of a set that notes what is asked of it."""

    __slots__ = ()


class _WatchedRecord:
    """A record (the collection, the index) whose tables are watched: a dict attribute is
    seen through `Watched`, any other value read counts as a read of all of it, and the
    record's methods run against the watched view."""

    def __init__(self, name: str, real: Any):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_real", real)

    def __getattr__(self, attribute: str) -> Any:
        real = object.__getattribute__(self, "_real")
        if attribute in LOOKUPS.get(self._name, ()):
            return partial(_lookup, f"{self._name}.{attribute}()", getattr(real, attribute))
        method = getattr(type(real), attribute, None)
        if callable(method):
            return method.__get__(self)
        value, table = getattr(real, attribute), f"{self._name}.{attribute}"
        if isinstance(value, dict | set | frozenset):  # found directly from now on
            view = Watched(table, value) if isinstance(value, dict) else WatchedSet(table, value)
            object.__setattr__(self, attribute, view)
            return view
        note((table, WHOLE))
        return value

    def __setattr__(self, attribute: str, value: Any) -> None:
        raise AttributeError(f"{self._name} is read-only while pages are rendered")


def _lookup(table: str, method: Callable[..., Any], *args: Any) -> Any:
    """A call of one of the `LOOKUPS`, noted as a read of its value for those arguments."""
    note((table, args))
    return method(*args)


class Memo(dict):
    """A table of worked-out values shared by pages (`Context.entries`): each value keeps
    the reads made while it was worked out, and a page that finds it takes those reads.

    Used as the renderers use a dict: `memo.get(key)`, then `memo[key] = value` on a miss;
    the reads between the two are the value's (recorded even when no page is: a value
    worked out outside a recorded render may be found by one)."""

    def __init__(self) -> None:
        super().__init__()
        self._started: dict[Any, tuple[int, bool]] = {}
        self._reads: dict[Any, tuple[Read, ...]] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        global _log
        if key in self:
            return self[key]
        opened = _log is None
        if opened:
            _log = []
        self._started[key] = (len(_log), opened)
        return default

    def __setitem__(self, key: Any, value: Any) -> None:
        global _log
        started, opened = self._started.pop(key, (None, False))
        if started is not None and _log is not None:
            self._reads[key] = tuple(_log[started:])
        if opened:
            _log = None
        dict.__setitem__(self, key, value)

    def __getitem__(self, key: Any) -> Any:
        if _log is not None:
            _log.extend(self._reads.get(key, ()))
        return dict.__getitem__(self, key)


def watch(ctx: Any) -> None:
    """Put watched views in front of what the context's pages read (once)."""
    if isinstance(ctx.collection, _WatchedRecord):
        return
    ctx.collection = _WatchedRecord("collection", ctx.collection)
    ctx.index = _WatchedRecord("index", ctx.index)
    ctx.casing = _WatchedRecord("casing", ctx.casing)  # each word a title's casing looks up
    for name in CONTEXT_TABLES:
        setattr(ctx, name, Watched(name, getattr(ctx, name)))
    ctx.entries, ctx.source_citations = Memo(), Memo()


def unwatched(record: Any) -> Any:
    """The record behind a watched view (the record itself if it is not watched)."""
    if isinstance(record, _WatchedRecord):
        return object.__getattribute__(record, "_real")
    if isinstance(record, _View):
        return record._data
    return record


def value_of(ctx: Any, read: Read) -> Any:
    """The value a read names, in `ctx` (a `KeyError`'s absence is a value too)."""
    table, key = read
    owner, _, attribute = table.partition(".")
    if attribute.endswith("()"):
        return getattr(unwatched(getattr(ctx, owner)), attribute[:-2])(*key)
    data = unwatched(getattr(unwatched(getattr(ctx, owner)), attribute) if attribute
                     else getattr(ctx, owner))
    if key == WHOLE:
        return data
    if isinstance(data, set | frozenset):
        return key in data
    return data[key] if key in data else _Absent


class _Absent:
    """What a read of a missing key saw."""


def digest(ctx: Any, read: Read) -> bytes:
    """A digest of the content of the value `read` names: of its pickle, which holds all of
    its state (two values with the same pickle are the same), or where it has none, of its
    canonical encoding. A set's pickle follows its order, which may differ between two
    processes: the digest then differs too, and the page is rendered again (never the
    other way round)."""
    return content_digest(value_of(ctx, read))


def content_digest(value: Any) -> bytes:
    """A digest of a value's content, as `digest` makes it (of its pickle, quick)."""
    pickled = io.BytesIO()
    try:
        _Pickler(pickled, protocol=5).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError):
        return fingerprint(value)
    return hashlib.blake2b(pickled.getbuffer(), digest_size=16).digest()


class _Pickler(pickle.Pickler):
    """Pickles a model by its type and field values only: pydantic's own pickle holds the set
    of the fields given, whose order differs from one process to the next."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            return _model, (type(obj), tuple(obj.__dict__.items()))
        return NotImplemented


def _model(kind: type, fields: tuple) -> Any:
    """What a model's pickle in `digest` names (never unpickled)."""
    raise NotImplementedError


def fingerprint(value: Any) -> bytes:
    """A digest of any value's content (as `digest`)."""
    hasher = hashlib.blake2b(digest_size=16)
    _encode(value, hasher.update)
    return hasher.digest()


_PLAIN = (str, int, float, bool, bytes, type(None), datetime.date, enum.Enum)


def _encode(value: Any, out: Callable[[bytes], Any]) -> None:
    """Feed `out` a canonical encoding of `value`."""
    if isinstance(value, _PLAIN):
        out(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, dict | Mapping):
        out(b"{")
        for key in sorted(value, key=repr):
            _encode(key, out)
            _encode(value[key], out)
        out(b"}")
    elif isinstance(value, list | tuple):
        out(b"[")
        for item in value:
            _encode(item, out)
        out(b"]")
    elif isinstance(value, set | frozenset):
        out(b"<")
        for item in sorted(value, key=repr):
            _encode(item, out)
        out(b">")
    elif isinstance(value, BaseModel):
        out(f"{type(value).__name__}(".encode())
        for name in type(value).model_fields:
            _encode(getattr(value, name), out)
        out(b")")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out(f"{type(value).__name__}(".encode())
        for item in dataclasses.fields(value):
            _encode(getattr(value, item.name), out)
        out(b")")
    elif value is _Absent:
        out(b"absent;")
    elif hasattr(value, "__dict__") or hasattr(type(value), "__slots__"):  # a plain object
        out(f"{type(value).__name__}(".encode())
        _encode(_attributes(value), out)
        out(b")")
    else:
        raise TypeError(f"no canonical encoding for {type(value).__name__}")


def _attributes(value: Any) -> dict[str, Any]:
    """The attributes of a plain object, from its `__dict__` and its slots."""
    found = dict(getattr(value, "__dict__", {}))
    for klass in type(value).__mro__:
        for name in getattr(klass, "__slots__", ()):
            if hasattr(value, name):
                found[name] = getattr(value, name)
    return found


__all__ = ["WHOLE", "Memo", "Reads", "Watched", "content_digest", "digest", "fingerprint",
           "note", "unwatched", "watch"]

"""The pages a citation names, kept as ranges: "1-300000000" is one pair, not 300 million
numbers. The check compares ranges with a document's pages (`validate`) and never expands
them; once a citation is known to fit its document, iterating it is cheap."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload


class PageList(Sequence[int]):
    """Sorted, distinct page numbers held as disjoint inclusive ranges (`ranges`)."""

    __slots__ = ("_len", "ranges")

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for low, high in sorted(ranges):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        self.ranges: tuple[tuple[int, int], ...] = tuple(merged)
        self._len = sum(high - low + 1 for low, high in merged)

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[int]:
        for low, high in self.ranges:
            yield from range(low, high + 1)

    def __contains__(self, page: object) -> bool:
        return isinstance(page, int) and any(low <= page <= high for low, high in self.ranges)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...
    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        at = index + self._len if index < 0 else index
        if not 0 <= at < self._len:
            raise IndexError("page index out of range")
        for low, high in self.ranges:
            if at <= high - low:
                return low + at
            at -= high - low + 1
        raise IndexError("page index out of range")  # pragma: no cover

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, PageList):
            return self.ranges == other.ranges
        if isinstance(other, tuple | list):
            return len(other) == self._len and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.ranges)

    def __repr__(self) -> str:
        return f"PageList({list(self.ranges)!r})"

    def __str__(self) -> str:
        """"3, 4, 5" for a few pages (as messages always showed them); "1-300000000" for
        a long range."""
        if self._len <= 20:
            return ", ".join(map(str, self))
        return ", ".join(str(low) if low == high else f"{low}-{high}" for low, high in self.ranges)

    def first_outside(self, first: int, last: int) -> int | None:
        """The lowest listed page that is not between `first` and `last` (None: all are)."""
        for low, high in self.ranges:
            if low < first:
                return low
            if high > last:
                return max(low, last + 1)
        return None

"""Plane geometry of outlines, shared by the converter (`convert.py`, degrees) and the
maps drawn at build time (`render/maps.py`, SVG units). Only the standard library."""

from __future__ import annotations

import math

Point = tuple[float, float]


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker (iterative), keeping the first and last points; `points` has two
    or more."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, at = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm else math.hypot(
                px - ax, py - ay)
            if dist > best:
                best, at = dist, i
        if at > 0 and best > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def signed_area(ring: list[Point]) -> float:
    """Signed area (shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2

"""Make `americas.geojson` from Natural Earth's country outlines (run by hand, once).

The outlines come from the npm package `world-atlas` (Natural Earth 1:50m as TopoJSON,
public domain). Fetch it once and run this script on it; nothing is downloaded at build time:

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python -m desclasificado.geo.convert package/countries-50m.json

The script decodes the TopoJSON, keeps the countries of Latin America and the Caribbean
(with the United States cut to the map's frame, for orientation), simplifies every ring
(Douglas-Peucker), drops islets, rounds to 0.01 degree and writes one feature a line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import pycountry

from desclasificado.render.geo.geometry import douglas_peucker, signed_area

Point = tuple[float, float]
Ring = list[Point]

FRAME = (-118.0, -56.0, -33.0, 33.0)  # west, south, east, north, in degrees
CONTEXT = {"US"}  # drawn for orientation, cut to the frame, never shaded
LEFT_OUT = {"BM"}  # in the frame but not in the region
TOLERANCE = 0.03  # degrees, for Douglas-Peucker
MIN_AREA = 0.02  # square degrees: smaller islands go, unless a country has nothing bigger
OUT = Path(__file__).with_name("americas.geojson")


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc as absolute longitude/latitude points (TopoJSON arcs are delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from its arcs (a negative index ~i means arc i reversed)."""
    points: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs: list[Ring]) -> list[list[Ring]]:
    """The polygons of a Polygon or MultiPolygon geometry, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [[ring_points(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_points(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def clip(ring: Ring, frame: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of a ring to a rectangle."""
    west, south, east, north = frame
    edges = [(lambda p: p[0] >= west, 0, west), (lambda p: p[0] <= east, 0, east),
             (lambda p: p[1] >= south, 1, south), (lambda p: p[1] <= north, 1, north)]
    for inside, axis, value in edges:
        if not ring:
            break
        out: Ring = []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(_cross(previous, current, axis, value))
                out.append(current)
            elif inside(previous):
                out.append(_cross(previous, current, axis, value))
        ring = out
    return ring


def _cross(a: Point, b: Point, axis: int, value: float) -> Point:
    """Where segment a-b crosses the line `axis = value`."""
    t = (value - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (value, other) if axis == 0 else (other, value)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative; keeps the first and last points."""
    if len(points) < 3:
        return list(points)
    return douglas_peucker(points, tolerance)


def area(ring: Ring) -> float:
    """Unsigned area (shoelace formula), in square degrees."""
    return abs(signed_area(ring))


def overseas_code(ring: Ring) -> str:
    """France's departments in the frame: French Guiana, Guadeloupe or Martinique."""
    lat = sum(p[1] for p in ring) / len(ring)
    return "GF" if lat < 10 else ("GP" if lat > 15.5 else "MQ")


def features(topology: dict) -> Iterable[dict]:
    """The countries in the frame as GeoJSON features (MultiPolygon), by ISO code."""
    arcs = decode_arcs(topology)
    shapes: dict[str, list[list[Ring]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", ""))
        if country is None or country.alpha_2 in LEFT_OUT:
            continue
        for polygon in polygons(geometry, arcs):
            longitudes = [x for x, _ in polygon[0]]
            if max(longitudes) - min(longitudes) > 180:  # crosses the antimeridian (Fiji)
                continue
            rings = [clip(r, FRAME) for r in polygon]
            if len(rings[0]) < 3:
                continue
            code = overseas_code(rings[0]) if country.alpha_2 == "FR" else country.alpha_2
            shapes.setdefault(code, []).append([r for r in rings if len(r) >= 3])
    for code in sorted(shapes):
        biggest = max(area(p[0]) for p in shapes[code])
        kept = []
        for polygon in shapes[code]:
            if area(polygon[0]) < MIN_AREA and area(polygon[0]) < biggest:
                continue
            rings = [[(round(x, 2), round(y, 2)) for x, y in simplify(r if r[0] == r[-1] else r + r[:1], TOLERANCE)]
                     for r in polygon if area(r) >= MIN_AREA or r is polygon[0]]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                kept.append(rings)
        if kept:
            yield {"type": "Feature", "properties": {"iso": code, "context": code in CONTEXT},
                   "geometry": {"type": "MultiPolygon", "coordinates": kept}}


def main(argv: list[str]) -> int:
    """Convert the TopoJSON file named in argv[0] into `americas.geojson`."""
    if len(argv) != 1:
        print(__doc__)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    lines = [json.dumps(f, separators=(",", ":")) for f in features(topology)]
    OUT.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n",
                   encoding="utf-8")
    print(f"wrote {len(lines)} countries to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

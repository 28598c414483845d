import type { Position } from 'geojson';
import { union, type Geom } from 'polyclip-ts';
import { boxesOverlap } from '../geometry/bbox-math.ts';
import { findRingContact } from '../geometry/ring-contacts.ts';
import { prepareRing, type PreparedRing } from '../geometry/prepared-ring.ts';
import { pointInShape, shapeFromRings } from '../geometry/prepared-shape.ts';

/**
 * Several drawn shapes (a MultiPolygon, or a FeatureCollection) may overlap; their area would be
 * counted twice. Overlapping or touching polygons are merged with polyclip-ts's union, which only
 * runs in that rare case. Each polygon is already valid on its own.
 */
export function mergeOverlappingPolygons(polygons: Position[][][]): { polygons: Position[][][]; merged: number } {
  if (polygons.length < 2) return { polygons, merged: 0 };
  const prepared = polygons.map((p) => p.map((r, i) => prepareRing(r, i === 0)).filter((r): r is PreparedRing => r !== null));
  const shapes = prepared.map((rings) => shapeFromRings(rings));
  let overlapping = false;
  for (let a = 0; a < shapes.length && !overlapping; a++) {
    for (let b = a + 1; b < shapes.length && !overlapping; b++) {
      const sa = shapes[a]!, sb = shapes[b]!;
      if (!boxesOverlap(sa.bbox, sb.bbox)) continue;
      if (findRingContact([...sa.rings, ...sb.rings])) overlapping = true;
      else {
        const ra = sa.rings[0]!, rb = sb.rings[0]!;
        overlapping = pointInShape(sb, ra.xs[0]!, ra.ys[0]!) || pointInShape(sa, rb.xs[0]!, rb.ys[0]!);
      }
    }
  }
  if (!overlapping) return { polygons, merged: 0 };
  const geoms = polygons.map((p) => p.map((r) => r.map((q) => [q[0], q[1]] as [number, number])));
  const [first, ...rest] = geoms as [Geom, ...Geom[]];
  const result = union(first, ...rest) as Position[][][];
  return { polygons: result, merged: polygons.length - result.length };
}

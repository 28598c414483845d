import { area } from '@turf/area';
import { booleanIntersects } from '@turf/boolean-intersects';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { JurisdictionIndex } from '../../../../src/core/jurisdiction/jurisdiction-index.ts';
import type { JurisdictionFeature } from '../../../../src/core/region/region-bundle.ts';

/**
 * Overlap area (km²) of one jurisdiction and a footprint the plain Turf way: booleanIntersects,
 * then intersect and area; 0 when they do not overlap. Also the benchmark's baseline.
 */
export function turfOverlapKm2(j: JurisdictionFeature, footprint: Feature<Polygon | MultiPolygon>): number {
  if (!booleanIntersects(j, footprint)) return 0;
  const x = intersect(featureCollection<Polygon | MultiPolygon>([j, footprint]));
  return x ? area(x) / 1e6 : 0;
}

/**
 * Overlap areas (km²) the plain Turf way, on the jurisdictions whose box meets the footprint's:
 * booleanIntersects, then intersect and area. The reference the fast path must agree with.
 */
export function turfOverlaps(footprint: Feature<Polygon | MultiPolygon>, index: JurisdictionIndex): Map<string, number> {
  const out = new Map<string, number>();
  const [x0, y0, x1, y1] = boxOf(footprint.geometry);
  const seen = new Set<number>();
  for (const p of index.partTree.search(x0, y0, x1, y1)) {
    const f = index.partFeature[p];
    if (f === undefined || seen.has(f)) continue;
    seen.add(f);
    const j = index.features[f]!;
    const km2 = turfOverlapKm2(j, footprint);
    if (km2 > 0) out.set(j.properties.id, km2);
  }
  return out;
}

function boxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys) for (const q of p[0] ?? []) {
    b[0] = Math.min(b[0], q[0]!);
    b[1] = Math.min(b[1], q[1]!);
    b[2] = Math.max(b[2], q[0]!);
    b[3] = Math.max(b[3], q[1]!);
  }
  return b;
}

import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geometryAreaKm2 } from '../geometry/lonlat-area.ts';
import type { Bbox } from '../region/region-bundle.ts';
import { countPositions, validateCoordinateRange } from './coordinate-range.validation.ts';
import {
  DEFAULT_CIRCLE_STEPS,
  DEFAULT_MAX_VERTICES,
  invalid,
  ZERO_AREA_KM2,
  type FootprintOptions,
  type FootprintRepair,
  type FootprintRepairCode,
  type FootprintValidation,
} from './footprint-types.ts';
import { bufferLine } from './line-buffer.conversion.ts';
import { parseFootprintGeoJson } from './parse-geojson.validation.ts';
import { circleAroundPoint } from './point-radius.conversion.ts';
import { mergeOverlappingPolygons } from './polygon-overlap.repair.ts';
import { validateInRegion } from './region-extent.validation.ts';
import { cleanRing } from './ring-cleanup.repair.ts';
import { orientRing } from './ring-orientation.repair.ts';
import { validatePolygonRings } from './self-intersection.validation.ts';
import { validateVertexCount } from './vertex-count.validation.ts';
import { validateNonZeroArea, validateNotCollinear } from './zero-area.validation.ts';

/**
 * Validates and normalises a user footprint. Never throws on bad input: it answers
 * `{ valid: false, reason, detail }`, or `{ valid: true, footprint, repairs }` where the footprint is
 * a Polygon or MultiPolygon Feature with closed, duplicate-free, RFC 7946-wound rings and no
 * overlapping parts, and `repairs` lists every change made (with counts).
 *
 * Order matters: shape of the input, coordinate ranges (and swapped order), vertex limit, then
 * conversions (line buffers, point circles), ring clean-up, per-polygon topology, overlaps between
 * polygons, winding, area and finally the region.
 */
export function validateFootprint(input: unknown, options: FootprintOptions = {}): FootprintValidation {
  const parsed = parseFootprintGeoJson(input);
  if ('valid' in parsed) return parsed;
  const repairs = new Map<FootprintRepairCode, number>();
  const note = (code: FootprintRepairCode, count = 1): void => {
    if (count > 0) repairs.set(code, (repairs.get(code) ?? 0) + count);
  };
  for (const r of parsed.repairs) note(r.code, r.count);

  const range = validateCoordinateRange(parsed.pieces, options.region?.bbox);
  if (range) return range;
  const maxVertices = options.maxVertices ?? DEFAULT_MAX_VERTICES;
  const tooMany = validateVertexCount(countPositions(parsed.pieces), maxVertices);
  if (tooMany) return tooMany;
  if (parsed.featureCount > 1) note('merged-features', parsed.featureCount - 1);

  // Conversions and ring clean-up.
  const polygons: Position[][][] = [];
  const closedFlags: boolean[][] = [];
  for (const piece of parsed.pieces) {
    let raw: Position[][][];
    if (piece.kind === 'polygon') raw = [piece.rings];
    else if (piece.kind === 'line') {
      const b = bufferLine(piece.coordinates, piece.bufferKm ?? options.bufferKm);
      if ('valid' in b) return b;
      note('buffered-line');
      raw = b;
    } else {
      const c = circleAroundPoint(piece.coordinates, piece.radiusKm ?? options.radiusKm, options.circleSteps ?? DEFAULT_CIRCLE_STEPS);
      if ('valid' in c) return c;
      note('circle-from-point');
      raw = [c];
    }
    for (const polygon of raw) {
      const rings: Position[][] = [];
      const closed: boolean[] = [];
      for (const ring of polygon) {
        const clean = cleanRing(ring);
        if ('valid' in clean) return clean;
        note('removed-duplicate-vertices', clean.duplicatesRemoved);
        if (clean.closed) note('closed-ring');
        rings.push(clean.ring);
        closed.push(clean.closed);
      }
      polygons.push(rings);
      closedFlags.push(closed);
    }
  }
  const total = polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  const tooManyAfter = validateVertexCount(total, maxVertices);
  if (tooManyAfter) return tooManyAfter;

  // Topology, one polygon at a time.
  for (let i = 0; i < polygons.length; i++) {
    const rings = polygons[i] as Position[][];
    const collinear = validateNotCollinear(rings[0] as Position[]);
    if (collinear) return collinear;
    const bad = validatePolygonRings(rings, closedFlags[i] as boolean[]);
    if (bad) return bad;
    const zero = validateNonZeroArea(rings[0] as Position[]);
    if (zero) return zero;
  }
  const merged = mergeOverlappingPolygons(polygons);
  note('merged-overlapping-polygons', merged.merged > 0 ? merged.merged : 0);

  // Winding.
  let rewound = 0;
  const oriented = merged.polygons.map((rings) =>
    rings.map((ring, i) => {
      const o = orientRing(ring, i === 0);
      if (o.rewound) rewound++;
      return o.ring;
    }),
  );
  // Rings polyclip-ts rebuilt are not the user's: only count rewinds of the user's own rings.
  if (merged.merged === 0) note('rewound-ring', rewound);

  const geometry: Polygon | MultiPolygon =
    oriented.length === 1 ? { type: 'Polygon', coordinates: oriented[0] as Position[][] } : { type: 'MultiPolygon', coordinates: oriented };
  const areaKm2 = geometryAreaKm2(geometry);
  if (!(areaKm2 >= ZERO_AREA_KM2)) return invalid('zero-area', `area ${areaKm2} km² is below ${ZERO_AREA_KM2} km²`);

  if (options.region) {
    const outside = validateInRegion(geometry, boxOf(oriented), options.region);
    if (outside) return outside;
  }
  return {
    valid: true,
    footprint: { type: 'Feature', geometry, properties: { area_km2: areaKm2, vertices: countVertices(oriented) } },
    repairs: [...repairs].map(([code, count]): FootprintRepair => ({ code, count })),
  };
}

function boxOf(polygons: Position[][][]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygons) {
    for (const q of p[0] ?? []) {
      const x = q[0] as number, y = q[1] as number;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

function countVertices(polygons: Position[][][]): number {
  let n = 0;
  for (const p of polygons) for (const r of p) n += r.length;
  return n;
}

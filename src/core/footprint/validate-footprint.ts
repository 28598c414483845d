import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOfRings } from '../geometry/bbox-math.ts';
import { geometryAreaKm2 } from '../geometry/lonlat-area.ts';
import { countPositions, validateCoordinateRange } from './coordinate-range.validation.ts';
import {
  DEFAULT_CIRCLE_STEPS,
  DEFAULT_MAX_VERTICES,
  invalid,
  LINE_BUFFER_STEPS,
  MAX_FOOTPRINT_KM2,
  MAX_RING_LON_SPAN_DEG,
  ZERO_AREA_KM2,
  type FootprintPiece,
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
 * Order matters: shape of the input, coordinate ranges (and swapped order), vertex limit (as given,
 * then as the conversions would make it), longitude span (antimeridian), then conversions (line
 * buffers, point circles), ring clean-up, per-polygon topology, overlaps between polygons, winding,
 * area (zero, or above MAX_FOOTPRINT_KM2) and finally the region.
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
  // Buffering and circles multiply vertices, and buffering a long line takes seconds: refuse what
  // would come out over the limit before building it.
  const circleSteps = options.circleSteps ?? DEFAULT_CIRCLE_STEPS;
  const tooManyConverted = validateVertexCount(estimateConvertedVertices(parsed.pieces, circleSteps), maxVertices);
  if (tooManyConverted) return { ...tooManyConverted, detail: `${tooManyConverted.detail} (estimated after buffering lines and drawing circles)` };
  for (const piece of parsed.pieces) {
    if (piece.kind !== 'polygon') continue;
    const wide = validateLongitudeSpan(piece.rings);
    if (wide) return wide;
  }
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
      const c = circleAroundPoint(piece.coordinates, piece.radiusKm ?? options.radiusKm, circleSteps);
      if ('valid' in c) return c;
      note('circle-from-point');
      raw = [c];
    }
    // Circles and buffers near ±180° come out with longitudes past it, or the long way round.
    for (const polygon of raw) {
      const wide = validateLongitudeSpan(polygon);
      if (wide) return wide;
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
  if (areaKm2 > MAX_FOOTPRINT_KM2) return invalid('footprint-too-large', `area ${Math.round(areaKm2)} km² is above ${MAX_FOOTPRINT_KM2} km²`);

  if (options.region) {
    const outside = validateInRegion(geometry, bboxOfRings(oriented.map((rings) => rings[0] ?? [])), options.region);
    if (outside) return outside;
  }
  return {
    valid: true,
    footprint: { type: 'Feature', geometry, properties: { area_km2: areaKm2, vertices: countVertices(oriented) } },
    repairs: [...repairs].map(([code, count]): FootprintRepair => ({ code, count })),
  };
}

/**
 * Vertices the conversions will produce: a circle has circleSteps + 1; a buffered line about two
 * per input vertex (one on each side) plus two round caps of 2 × LINE_BUFFER_STEPS (what Turf gives
 * for a line that does not fold over itself; round joins on a zigzag add more, a buffer wider than
 * the line's wiggles fewer).
 */
function estimateConvertedVertices(pieces: readonly FootprintPiece[], circleSteps: number): number {
  let n = 0;
  for (const piece of pieces) {
    if (piece.kind === 'polygon') for (const ring of piece.rings) n += ring.length;
    else if (piece.kind === 'line') n += 2 * piece.coordinates.length + 4 * LINE_BUFFER_STEPS + 1;
    else n += circleSteps + 1;
  }
  return n;
}

/**
 * A ring spanning more than 180° of longitude goes the long way round: [[170, 30], [-170, 30], ...]
 * means 20° across the antimeridian, but read as given it is a 340° band, which winding repair
 * would then accept. A ring around all 360° is not a crossing but the whole world: too large.
 */
function validateLongitudeSpan(rings: readonly Position[][]): ReturnType<typeof invalid> | null {
  for (const ring of rings) {
    const [west, , east] = bboxOfRings([ring]);
    if (west < -180 || east > 180) return invalid('crosses-antimeridian', `longitudes ${west} to ${east} go past ±180°`);
    if (east - west <= MAX_RING_LON_SPAN_DEG) continue;
    if (west <= -180 && east >= 180) return invalid('footprint-too-large', 'a ring around every longitude covers the whole world');
    return invalid('crosses-antimeridian', `a ring spans ${east - west}° of longitude (${west} to ${east}); split it at the antimeridian`);
  }
  return null;
}

function countVertices(polygons: Position[][][]): number {
  let n = 0;
  for (const p of polygons) for (const r of p) n += r.length;
  return n;
}

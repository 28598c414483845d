import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { expandBoxKm } from '../geometry/bbox-math.ts';
import { boundaryDistanceKm } from '../geometry/boundary-distance.ts';
import { KM2_PER_SUM_UNIT } from '../geometry/lonlat-area.ts';
import { measureOverlap, type OverlapCounters } from '../geometry/overlap-area.ts';
import { pointInShape, prepareShape, type PreparedShape } from '../geometry/prepared-shape.ts';
import { jurisdictionAreaKm2, jurisdictionPart, type JurisdictionIndex } from './jurisdiction-index.ts';

export type JurisdictionRole = 'origin' | 'affected' | 'advisory';

export interface JurisdictionMatch {
  id: string;
  name_zh: string;
  name_en: string;
  parent_id: string;
  role: JurisdictionRole;
  /** Area of the footprint inside the jurisdiction, km² (0 when below the sliver tolerance). */
  overlap_km2: number;
  /** overlap_km2 / the jurisdiction's area. */
  share: number;
  /** Shortest distance from the footprint, km: 0 when crossed or touching. */
  distance_km: number;
}

export interface MatchOptions {
  /** Jurisdictions not crossed but within this distance of the footprint are advisory. Default 10. */
  advisoryKm?: number;
  /** The hazard's source: the jurisdiction holding it is the origin. Without it there is no origin. */
  sourcePoint?: Position | Point | Feature<Point>;
  /** Overlaps smaller than this are slivers, not crossings. Default: the index's measured tolerance. */
  sliverKm2?: number;
  counters?: OverlapCounters;
}

export interface MatchResult {
  /** Origin first, then affected by overlap (largest first), then advisory by distance. */
  jurisdictions: JurisdictionMatch[];
  footprint_km2: number;
  /** The sliver tolerance applied to this footprint, km². */
  sliver_km2: number;
}

export type FootprintInput = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

/**
 * A footprint smaller than the sliver tolerance still crosses the jurisdiction it lies in: the
 * tolerance is capped at this fraction of the footprint's own area.
 */
export const SLIVER_MAX_FOOTPRINT_FRACTION = 0.01;

export const DEFAULT_ADVISORY_KM = 10;

/**
 * Every jurisdiction a footprint reaches, with its role.
 *
 * Candidates come from the index's part boxes; exact geometry (overlap-area.ts) runs only on them.
 * A jurisdiction is crossed (affected, or origin) when the footprint covers more than the sliver
 * tolerance of it, so touching a border is not a crossing. Roles:
 * - origin: holds sourcePoint (boundary points go to the jurisdiction with the larger overlap);
 *   without a sourcePoint no jurisdiction is origin, every crossed one is affected;
 * - affected: crossed;
 * - advisory: not crossed, boundary within advisoryKm of the footprint (distance_km says how far).
 */
export function matchJurisdictions(footprint: FootprintInput, index: JurisdictionIndex, options: MatchOptions = {}): MatchResult {
  const geometry = footprint.type === 'Feature' ? footprint.geometry : footprint;
  const shape = prepareShape(geometry, 4);
  const footprintKm2 = shape.total * KM2_PER_SUM_UNIT;
  const advisoryKm = Math.max(0, options.advisoryKm ?? DEFAULT_ADVISORY_KM);
  const sliverKm2 = Math.min(options.sliverKm2 ?? index.resolution.sliverKm2, SLIVER_MAX_FOOTPRINT_FRACTION * Math.abs(footprintKm2));
  if (shape.rings.length === 0) return { jurisdictions: [], footprint_km2: 0, sliver_km2: sliverKm2 };

  const box = shape.bbox;
  const search = advisoryKm > 0 ? expandBoxKm(box, advisoryKm) : box;
  const candidates = index.partTree.search(search[0], search[1], search[2], search[3]);
  const overlapByFeature = new Map<number, number>();
  // Features whose boundary met the footprint's: distance 0, no need to measure it.
  const touching = new Set<number>();
  const pb = index.partBoxes;
  for (const p of candidates) {
    if (p >= index.partCount) continue;
    const f = index.partFeature[p] as number;
    let sum = 0;
    if (!((pb[4 * p + 2] as number) < box[0] || (pb[4 * p] as number) > box[2] || (pb[4 * p + 3] as number) < box[1] || (pb[4 * p + 1] as number) > box[3])) {
      const measured = measureOverlap(jurisdictionPart(index, p), shape, options.counters);
      sum = measured.sum;
      if (measured.contact) touching.add(f);
    }
    overlapByFeature.set(f, (overlapByFeature.get(f) ?? 0) + sum);
  }

  const originFeature = options.sourcePoint ? findOrigin(options.sourcePoint, index, overlapByFeature) : -1;
  const out: JurisdictionMatch[] = [];
  for (const [f, sum] of overlapByFeature) {
    const rawKm2 = sum * KM2_PER_SUM_UNIT;
    const crossed = rawKm2 > 0 && rawKm2 >= sliverKm2;
    let role: JurisdictionRole;
    let distanceKm = 0;
    if (f === originFeature) {
      role = 'origin';
      if (!crossed && rawKm2 <= 0 && !touching.has(f)) distanceKm = featureDistanceKm(index, f, shape, Infinity);
    } else if (crossed) role = 'affected';
    else {
      if (advisoryKm <= 0) continue;
      distanceKm = rawKm2 > 0 || touching.has(f) ? 0 : featureDistanceKm(index, f, shape, advisoryKm);
      if (!(distanceKm <= advisoryKm)) continue;
      role = 'advisory';
    }
    out.push(toMatch(index, f, role, crossed ? rawKm2 : 0, distanceKm));
  }
  if (originFeature >= 0 && !overlapByFeature.has(originFeature)) {
    const d = featureDistanceKm(index, originFeature, shape, Infinity);
    out.push(toMatch(index, originFeature, 'origin', 0, Number.isFinite(d) ? d : 0));
  }
  out.sort(byRoleThenSize);
  return { jurisdictions: out, footprint_km2: footprintKm2, sliver_km2: sliverKm2 };
}

function toMatch(index: JurisdictionIndex, f: number, role: JurisdictionRole, overlapKm2: number, distanceKm: number): JurisdictionMatch {
  const props = (index.features[f] as (typeof index.features)[number]).properties;
  const area = jurisdictionAreaKm2(index, f);
  return {
    id: props.id,
    name_zh: props.name_zh,
    name_en: props.name_en,
    parent_id: props.parent_id,
    role,
    overlap_km2: overlapKm2,
    share: area > 0 ? overlapKm2 / area : 0,
    distance_km: distanceKm,
  };
}

const ROLE_ORDER: Record<JurisdictionRole, number> = { origin: 0, affected: 1, advisory: 2 };

function byRoleThenSize(a: JurisdictionMatch, b: JurisdictionMatch): number {
  return (
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    b.overlap_km2 - a.overlap_km2 ||
    a.distance_km - b.distance_km ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function featureDistanceKm(index: JurisdictionIndex, f: number, shape: PreparedShape, limitKm: number): number {
  let best = Infinity;
  for (let p = index.featurePartStart[f] as number, e = index.featurePartStart[f + 1] as number; p < e; p++) {
    const d = boundaryDistanceKm(jurisdictionPart(index, p), shape, Math.min(best, limitKm));
    if (d < best) best = d;
  }
  return best;
}

function findOrigin(source: Position | Point | Feature<Point>, index: JurisdictionIndex, overlapByFeature: Map<number, number>): number {
  const pos = Array.isArray(source) ? source : source.type === 'Feature' ? source.geometry.coordinates : source.coordinates;
  const x = pos[0] as number, y = pos[1] as number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
  let best = -1;
  let bestOverlap = -Infinity;
  for (const p of index.partTree.search(x, y, x, y)) {
    if (p >= index.partCount || !pointInShape(jurisdictionPart(index, p), x, y)) continue;
    const f = index.partFeature[p] as number;
    const overlap = overlapByFeature.get(f) ?? 0;
    if (overlap > bestOverlap) {
      best = f;
      bestOverlap = overlap;
    }
  }
  return best;
}

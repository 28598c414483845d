import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { JurisdictionFeature } from '../region/region-bundle.ts';
import { capsuleInterval } from './capsule-interval.ts';
import type { JurisdictionEdgeIndex } from './jurisdiction-edges.ts';
import { degreesForKm, KM_PER_DEGREE } from './lonlat-plane.ts';
import { positionAlongReach, type TracedReach } from './trace-downstream.ts';

/**
 * How close a jurisdiction must come to the traced river to be on it, km: both banks of a river
 * that is itself a border. The rivers are Natural Earth 1:10m centerlines, the borders cn-atlas
 * (about 30 m): where the Yellow River is the border in Henan (six stretches of 64-198 km:
 * Zhengzhou/Xinxiang, Kaifeng/Xinxiang, Luoyang/Jiyuan, Jiaozuo/Zhengzhou, Sanmenxia/Yuncheng,
 * Puyang/Heze) the line runs a median 0.8 km from the border, and both banks lie within
 *   1 km of it along 36-83 % of a stretch, 2 km along 67-91 %, 3 km along 85-96 %
 * (the border follows one channel of a braided bed kilometres wide; the 1:10m line generalises it).
 * A jurisdiction enters at its FIRST contact, so 2 km already warns both banks from where the
 * border begins; wider would start to take in prefectures that merely run parallel to a river.
 */
export const DEFAULT_BANK_KM = 2;

/** Stretches of a reach closer together than this are one stretch (float noise at shared vertices). */
const JOIN_KM = 1e-6;

export interface ReachJurisdiction {
  feature: JurisdictionFeature;
  /** Along-reach km from the spill where the river is inside, or within the bank distance of, it. */
  stretchesKm: [number, number][];
  /** First and last km of those stretches. */
  enterKm: number;
  exitKm: number;
}

/**
 * Every jurisdiction on a traced reach, in downstream order (by enter km, then exit km).
 *
 * Exact segment work rather than sampling: for each river segment, the boundary edges near it come
 * from the flatbush, and each gives the exact part of the segment within `bankKm` of it (a capsule
 * cut, capsule-interval.ts) in a local plane scaled at the segment's latitude (segments are at most
 * tens of km, where the plane and the sphere differ by far less than the data's accuracy). The
 * stretches between boundary contacts are wholly inside or wholly outside a jurisdiction, so one
 * point-in-polygon test at each gap's middle decides it. Cost: O(segments × nearby edges), a few
 * milliseconds for a 1,000 km reach on full-resolution prefecture boundaries.
 *
 * The bank distance makes a river that is a border warn both banks, and, as a side effect, starts a
 * jurisdiction's stretch up to `bankKm` before the river actually crosses into it: the safe side.
 * Not handled: reaches crossing the antimeridian (no region does).
 */
export function findReachJurisdictions(reach: TracedReach, index: JurisdictionEdgeIndex, bankKm: number): ReachJurisdiction[] {
  const r = Math.max(0, bankKm);
  const contacts = new Map<number, [number, number][]>();
  const { coordinates, vertexKm, lengthKm } = reach;
  const { edges, edgeFeature, edgeTree } = index;

  for (let i = 0; i + 1 < coordinates.length; i += 1) {
    const s0 = vertexKm[i] as number;
    const segmentKm = (vertexKm[i + 1] as number) - s0;
    if (!(segmentKm > 0)) continue;
    const [ax, ay] = coordinates[i] as [number, number];
    const [bx, by] = coordinates[i + 1] as [number, number];
    const kx = KM_PER_DEGREE * Math.cos((((ay + by) / 2) * Math.PI) / 180);
    const ky = KM_PER_DEGREE;
    // A hair more than r so that an edge exactly r away is still a candidate.
    const grow = degreesForKm(r * 1.01 + 1e-6, Math.max(Math.abs(ay), Math.abs(by)) + degreesForKm(r, 0).dLat);
    const candidates = edgeTree.search(
      Math.min(ax, bx) - grow.dLon,
      Math.min(ay, by) - grow.dLat,
      Math.max(ax, bx) + grow.dLon,
      Math.max(ay, by) + grow.dLat,
    );
    const dx = (bx - ax) * kx;
    const dy = (by - ay) * ky;
    for (const e of candidates) {
      const hit = capsuleInterval(
        dx,
        dy,
        ((edges[4 * e] as number) - ax) * kx,
        ((edges[4 * e + 1] as number) - ay) * ky,
        ((edges[4 * e + 2] as number) - ax) * kx,
        ((edges[4 * e + 3] as number) - ay) * ky,
        r,
      );
      if (!hit) continue;
      const f = edgeFeature[e] as number;
      let list = contacts.get(f);
      if (!list) contacts.set(f, (list = []));
      list.push([s0 + hit[0] * segmentKm, s0 + hit[1] * segmentKm]);
    }
  }

  const out: ReachJurisdiction[] = [];
  for (const [f, list] of contacts) {
    const feature = index.features[f] as JurisdictionFeature;
    const stretches = fillInsideGaps(mergeStretches(list), feature, reach);
    const first = stretches[0];
    const last = stretches[stretches.length - 1];
    if (first && last) out.push({ feature, stretchesKm: stretches, enterKm: first[0], exitKm: last[1] });
  }
  // A reach wholly inside one jurisdiction, never near its boundary, meets none of its edges.
  const start = coordinates[0] as Position;
  index.features.forEach((feature, f) => {
    if (contacts.has(f) || !boxHolds(index.featureBoxes, f, start)) return;
    if (booleanPointInPolygon(start, feature)) out.push({ feature, stretchesKm: [[0, lengthKm]], enterKm: 0, exitKm: lengthKm });
  });
  out.sort((a, b) => a.enterKm - b.enterKm || a.exitKm - b.exitKm);
  return out;
}

function mergeStretches(list: [number, number][]): [number, number][] {
  list.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of list) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + JOIN_KM) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Between two boundary contacts (and before the first, after the last) the river is either wholly
 * inside the jurisdiction or wholly outside: one point-in-polygon test in the middle tells which.
 */
function fillInsideGaps(stretches: [number, number][], feature: JurisdictionFeature, reach: TracedReach): [number, number][] {
  const bounds: [number, number][] = [];
  let previousEnd = 0;
  for (const [from, to] of stretches) {
    if (from - previousEnd > JOIN_KM) bounds.push([previousEnd, from]);
    previousEnd = to;
  }
  if (reach.lengthKm - previousEnd > JOIN_KM) bounds.push([previousEnd, reach.lengthKm]);
  const filled = [...stretches];
  for (const [from, to] of bounds) {
    if (booleanPointInPolygon(positionAlongReach(reach, (from + to) / 2), feature)) filled.push([from, to]);
  }
  return mergeStretches(filled);
}

function boxHolds(boxes: Float64Array, f: number, [x, y]: Position): boolean {
  return (
    (x as number) >= (boxes[4 * f] as number) &&
    (y as number) >= (boxes[4 * f + 1] as number) &&
    (x as number) <= (boxes[4 * f + 2] as number) &&
    (y as number) <= (boxes[4 * f + 3] as number)
  );
}

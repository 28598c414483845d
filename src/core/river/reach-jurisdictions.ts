import { expandBoxKm } from '../geometry/bbox-math.ts';
import { interpolateAtKm } from '../geometry/interpolate-at-km.ts';
import { DEG_TO_RAD, KM_PER_DEGREE } from '../geometry/lonlat-area.ts';
import type { JurisdictionFeature } from '../region/region-bundle.ts';
import { capsuleInterval } from './capsule-interval.ts';
import { jurisdictionHolds, jurisdictionsHolding, type JurisdictionEdgeIndex } from './jurisdiction-edges.ts';
import type { TracedReach } from './trace-downstream.ts';

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
 * point-in-shape test at each gap's middle decides it. Cost: O(segments × nearby edges), a few
 * milliseconds for a 1,000 km reach on full-resolution prefecture boundaries.
 *
 * The bank distance makes a river that is a border warn both banks, and, as a side effect, starts a
 * jurisdiction's stretch up to `bankKm` before the river actually crosses into it: the safe side.
 * It must not reach back upstream (DESIGN.md section 4: a jurisdiction only upstream of the spill is
 * never on the path), so near the spill only boundary ahead of it counts: within the first `bankKm`
 * of the reach, boundary edges are cut to the half-plane in front of the spill (projection ≥ 0 on
 * the first segment), whose nearest point on the reach is not the spill itself. What remains of a
 * border just behind the spill is a stretch [0, ≤ bankKm] of a jurisdiction the river never enters
 * (a little longer where the border leans forward: isBorderBehindSpill); such a jurisdiction is
 * dropped. A river that is the border keeps both banks: there the other bank stays within the bank
 * distance for many times `bankKm`.
 * Not handled: reaches crossing the antimeridian (no region does).
 */
export function findReachJurisdictions(reach: TracedReach, index: JurisdictionEdgeIndex, bankKm: number): ReachJurisdiction[] {
  const r = Math.max(0, bankKm);
  const contacts = new Map<number, [number, number][]>();
  /** Features whose boundary the river line itself crosses or touches downstream of the spill. */
  const crossed = new Set<number>();
  const { coordinates, vertexKm } = reach;
  const { edges, edgeFeature, edgeTree } = index;
  const ahead = spillHalfPlane(reach);

  for (let i = 0; i + 1 < coordinates.length; i += 1) {
    const s0 = vertexKm[i] as number;
    const segmentKm = (vertexKm[i + 1] as number) - s0;
    if (!(segmentKm > 0)) continue;
    const [ax, ay] = coordinates[i] as [number, number];
    const [bx, by] = coordinates[i + 1] as [number, number];
    const kx = KM_PER_DEGREE * Math.cos(((ay + by) / 2) * DEG_TO_RAD);
    const ky = KM_PER_DEGREE;
    // A hair more than r so that an edge exactly r away is still a candidate.
    const box = expandBoxKm([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)], r * 1.01 + 1e-6);
    const candidates = edgeTree.search(box[0], box[1], box[2], box[3]);
    const dx = (bx - ax) * kx;
    const dy = (by - ay) * ky;
    // The spill's half-plane in this segment's frame: n · (p − o) ≥ 0 is ahead of the spill.
    const clip = ahead && s0 < r ? { nx: ahead.nx * kx, ny: ahead.ny * ky, ox: (ahead.x - ax) * kx, oy: (ahead.y - ay) * ky } : null;
    for (const e of candidates) {
      let px = ((edges[4 * e] as number) - ax) * kx;
      let py = ((edges[4 * e + 1] as number) - ay) * ky;
      let qx = ((edges[4 * e + 2] as number) - ax) * kx;
      let qy = ((edges[4 * e + 3] as number) - ay) * ky;
      const f = edgeFeature[e] as number;
      if (!crossed.has(f) && crossesAfterSpill(dx, dy, px, py, qx, qy, s0, segmentKm)) crossed.add(f);
      if (clip) {
        const hp = clip.nx * (px - clip.ox) + clip.ny * (py - clip.oy);
        const hq = clip.nx * (qx - clip.ox) + clip.ny * (qy - clip.oy);
        if (hp < 0 && hq < 0) continue;
        if (hp < 0 || hq < 0) {
          const t = hp / (hp - hq);
          const cx = px + t * (qx - px);
          const cy = py + t * (qy - py);
          if (hp < 0) [px, py] = [cx, cy];
          else [qx, qy] = [cx, cy];
        }
      }
      const hit = capsuleInterval(dx, dy, px, py, qx, qy, r);
      if (!hit) continue;
      let list = contacts.get(f);
      if (!list) contacts.set(f, (list = []));
      list.push([s0 + hit[0] * segmentKm, s0 + hit[1] * segmentKm]);
    }
  }

  const [sx, sy] = coordinates[0] as [number, number];
  const behind = ahead ? pointBehindSpill(ahead, r) : null;
  const holdingStart = new Set(jurisdictionsHolding(index.shapes, sx, sy));
  const out: ReachJurisdiction[] = [];
  for (const [f, list] of contacts) {
    const feature = index.features[f] as JurisdictionFeature;
    const { stretches, insideGap } = fillInsideGaps(mergeStretches(list), f, index, reach);
    const first = stretches[0];
    const last = stretches[stretches.length - 1];
    if (!first || !last) continue;
    const entered = insideGap || crossed.has(f) || holdingStart.has(f);
    if (!entered && stretches.length === 1 && first[0] <= JOIN_KM && isBorderBehindSpill(first[1], r, f, index, behind)) continue;
    out.push({ feature, stretchesKm: stretches, enterKm: first[0], exitKm: last[1] });
  }
  // A reach wholly inside one jurisdiction, never near its boundary, meets none of its edges.
  for (const f of holdingStart) {
    if (!contacts.has(f)) out.push({ feature: index.features[f] as JurisdictionFeature, stretchesKm: [[0, reach.lengthKm]], enterKm: 0, exitKm: reach.lengthKm });
  }
  out.sort((a, b) => a.enterKm - b.enterKm || a.exitKm - b.exitKm);
  return out;
}

/**
 * A border crossed at angle θ a distance δ behind the spill leaves the river within r of it for
 * r / sin θ − δ km past the spill: within r when the border runs square to the river, up to twice
 * that for one leaning forward by 60°. Beyond that the border runs along the river, which is the
 * border-river case that warns both banks.
 */
export const BORDER_BEHIND_SPILL_FACTOR = 2;

/**
 * Whether a jurisdiction the river never enters, beside it only on [0, exitKm], is one the river
 * has just left: it ends within the bank distance of the spill (the border runs square to the
 * river behind it), or within twice that and the river's line continued upstream lies in it.
 */
function isBorderBehindSpill(exitKm: number, r: number, f: number, index: JurisdictionEdgeIndex, behind: [number, number] | null): boolean {
  if (exitKm <= r + JOIN_KM) return true;
  return exitKm <= BORDER_BEHIND_SPILL_FACTOR * r + JOIN_KM && behind !== null && jurisdictionHolds(index.shapes, f, behind[0], behind[1]);
}

/** The point bankKm upstream of the spill on the first segment's line continued backwards. */
function pointBehindSpill(ahead: { x: number; y: number; nx: number; ny: number }, bankKm: number): [number, number] | null {
  const kx = KM_PER_DEGREE * Math.cos(ahead.y * DEG_TO_RAD);
  const lengthKm = Math.hypot(ahead.nx * kx, ahead.ny * KM_PER_DEGREE);
  if (!(lengthKm > 0) || !(bankKm > 0)) return null;
  const t = bankKm / lengthKm;
  return [ahead.x - t * ahead.nx, ahead.y - t * ahead.ny];
}

/**
 * The spill and the direction of the first segment of positive length, in lon/lat degrees: the
 * line through the spill across that direction separates boundary ahead of it from boundary behind.
 */
function spillHalfPlane(reach: TracedReach): { x: number; y: number; nx: number; ny: number } | null {
  const [x, y] = reach.coordinates[0] as [number, number];
  for (let i = 1; i < reach.coordinates.length; i += 1) {
    const [bx, by] = reach.coordinates[i] as [number, number];
    // In degrees; each segment's frame scales it to km, where "across" is a right angle on the ground.
    if (bx !== x || by !== y) return { x, y, nx: bx - x, ny: by - y };
  }
  return null;
}

/**
 * Whether the river segment from the origin to (dx, dy) meets the edge p–q (crossing or touching),
 * other than at the spill itself: the river going into or along a jurisdiction, not just passing
 * within the bank distance of it.
 */
function crossesAfterSpill(dx: number, dy: number, px: number, py: number, qx: number, qy: number, s0: number, segmentKm: number): boolean {
  const d1 = dx * py - dy * px;
  const d2 = dx * qy - dy * qx;
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return false;
  const ex = qx - px;
  const ey = qy - py;
  const d3 = ex * -py - ey * -px;
  const d4 = ex * (dy - py) - ey * (dx - px);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return false;
  // Where along the segment: the edge's line cuts it at t = d3 / (d3 − d4), or, collinear, anywhere.
  const t = d3 === d4 ? 1 : d3 / (d3 - d4);
  return s0 + t * segmentKm > JOIN_KM;
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
 * inside the jurisdiction or wholly outside: one point-in-shape test in the middle tells which.
 */
function fillInsideGaps(
  stretches: [number, number][],
  f: number,
  index: JurisdictionEdgeIndex,
  reach: TracedReach,
): { stretches: [number, number][]; insideGap: boolean } {
  const bounds: [number, number][] = [];
  let previousEnd = 0;
  for (const [from, to] of stretches) {
    if (from - previousEnd > JOIN_KM) bounds.push([previousEnd, from]);
    previousEnd = to;
  }
  if (reach.lengthKm - previousEnd > JOIN_KM) bounds.push([previousEnd, reach.lengthKm]);
  const filled = [...stretches];
  let insideGap = false;
  for (const [from, to] of bounds) {
    const [x, y] = interpolateAtKm(reach.coordinates, reach.vertexKm, (from + to) / 2).position as [number, number];
    if (!jurisdictionHolds(index.shapes, f, x, y)) continue;
    filled.push([from, to]);
    insideGap = true;
  }
  return { stretches: mergeStretches(filled), insideGap };
}

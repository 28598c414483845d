import { DEG_TO_RAD, KM2_PER_SUM_UNIT } from './lonlat-area.ts';
import type { PreparedRing } from './prepared-ring.ts';
import { anyEdgeTouchesBox, pointInShape, type PreparedShape } from './prepared-shape.ts';

/**
 * Area of the intersection of two polygonal shapes, without building the intersection polygon.
 *
 * The boundary of A ∩ B is made of the pieces of A's boundary that lie inside B and the pieces of
 * B's boundary that lie inside A. With every ring oriented interior-on-the-left, the shoelace sum
 * over those pieces is the intersection's area (Green's theorem), and because Turf's area formula
 * is a shoelace sum in (λ, sin φ) (see lonlat-area.ts), the result equals Turf's area of the
 * clipped polygon. Edges are split where they cross the other boundary; crossing points are
 * computed in lon/lat, as polyclip-ts (Turf's clipper) computes them, then projected.
 *
 * Whole runs of edges far from the other boundary are decided at once from the ring hierarchy:
 * one point-in-shape test, then the run's precomputed sum. So a jurisdiction lying wholly inside
 * the footprint costs a few box tests, and only edges near the footprint's boundary are split.
 *
 * Degenerate case: edges that run along each other (shared borders, a footprint that is a
 * jurisdiction's own outline, slivers along a border). Two edges count as collinear when the
 * shorter one lies within COLLINEAR_TOLERANCE_DEG of the longer one's line; the test reads the same
 * from both sides, so the two boundaries classify their common pieces consistently: a common piece
 * counts once (on A's side) when both shapes lie on the same side of it, and not at all when they
 * lie on opposite sides (a touching border, which adds no area).
 */
export const COLLINEAR_TOLERANCE_DEG = 1e-9;

/** Optional counters for benchmarks and diagnostics. */
export interface OverlapCounters {
  /** Edges split against the other boundary (the only per-edge work). */
  clippedEdges: number;
  /** Pairs of edges found running along each other (the degenerate case). */
  collinearPairs: number;
}

/** Intersection area in km² of two prepared shapes. */
export function overlapAreaKm2(a: PreparedShape, b: PreparedShape, counters?: OverlapCounters): number {
  return overlapSum(a, b, counters) * KM2_PER_SUM_UNIT;
}

// The sums are taken about a local origin near the shapes: the Green sum of a closed boundary
// does not depend on the origin, and a nearby one keeps rounding in small overlaps tiny. These
// are per-call scratch values (set at the start of overlapSum, read only during it), kept at
// module level so the recursive walk need not thread them through every call.
let originLam = 0;
let originSin = 0;
let activeCounters: OverlapCounters | undefined;
let contact = false;

export interface OverlapMeasure {
  /** Intersection as a (λ, sin φ) shoelace sum; multiply by KM2_PER_SUM_UNIT for km². */
  sum: number;
  /**
   * Whether the boundaries met (crossed, touched or ran along each other). Lets a caller skip a
   * distance computation it already knows the answer to (zero).
   */
  contact: boolean;
}

/** The intersection sum and whether the boundaries met. */
export function measureOverlap(a: PreparedShape, b: PreparedShape, counters?: OverlapCounters): OverlapMeasure {
  const sum = overlapSum(a, b, counters);
  return { sum, contact };
}

/** Intersection as a (λ, sin φ) shoelace sum; multiply by KM2_PER_SUM_UNIT for km². */
export function overlapSum(a: PreparedShape, b: PreparedShape, counters?: OverlapCounters): number {
  const ab = a.bbox, bb = b.bbox;
  contact = false;
  if (ab[2] < bb[0] || bb[2] < ab[0] || ab[3] < bb[1] || bb[3] < ab[1]) return 0;
  originLam = ((Math.max(ab[0], bb[0]) + Math.min(ab[2], bb[2])) / 2) * DEG_TO_RAD;
  originSin = Math.sin(((Math.max(ab[1], bb[1]) + Math.min(ab[3], bb[3])) / 2) * DEG_TO_RAD);
  activeCounters = counters;
  let total = 0;
  for (const ring of a.rings) total += boundaryInside(ring, 0, b, true);
  for (const ring of b.rings) total += boundaryInside(ring, 0, a, false);
  activeCounters = undefined;
  return total;
}

/** Sum of a node's edges about the local origin (the per-node sums are about (0, 0)). */
function nodeSum(r: PreparedRing, node: number): number {
  const s = r.start[node] as number, e = r.end[node] as number;
  return (
    (r.sum[node] as number) +
    originSin * ((r.lam[e] as number) - (r.lam[s] as number)) -
    originLam * ((r.sin[e] as number) - (r.sin[s] as number))
  );
}

function boundaryInside(r: PreparedRing, node: number, other: PreparedShape, keepShared: boolean): number {
  const ob = other.bbox;
  const x0 = r.minX[node] as number, y0 = r.minY[node] as number, x1 = r.maxX[node] as number, y1 = r.maxY[node] as number;
  if (x1 < ob[0] || x0 > ob[2] || y1 < ob[1] || y0 > ob[3]) return 0;
  if (!anyEdgeTouchesBox(other, x0, y0, x1, y1)) {
    const s = r.start[node] as number;
    return pointInShape(other, r.xs[s] as number, r.ys[s] as number) ? nodeSum(r, node) : 0;
  }
  const right = r.right[node] as number;
  if (right >= 0) return boundaryInside(r, node + 1, other, keepShared) + boundaryInside(r, right, other, keepShared);
  let total = 0;
  for (let i = r.start[node] as number, e = r.end[node] as number; i < e; i++) total += edgeInside(r, i, other, keepShared);
  return total;
}

// Scratch buffers for one edge at a time (the clipper is not re-entrant across edges).
let params = new Float64Array(64);
let paramCount = 0;
let sharedLo = new Float64Array(16);
let sharedHi = new Float64Array(16);
let sharedSame = new Uint8Array(16);
let sharedCount = 0;

let ex0 = 0, ey0 = 0, ex1 = 0, ey1 = 0, edx = 0, edy = 0, elen = 0, elen2 = 0;
let bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;

function pushParam(t: number): void {
  if (paramCount === params.length) {
    const grown = new Float64Array(params.length * 2);
    grown.set(params);
    params = grown;
  }
  params[paramCount++] = t;
}

function pushShared(lo: number, hi: number, same: boolean): void {
  if (sharedCount === sharedLo.length) {
    const n = sharedLo.length * 2;
    const lo2 = new Float64Array(n), hi2 = new Float64Array(n), same2 = new Uint8Array(n);
    lo2.set(sharedLo);
    hi2.set(sharedHi);
    same2.set(sharedSame);
    sharedLo = lo2;
    sharedHi = hi2;
    sharedSame = same2;
  }
  sharedLo[sharedCount] = lo;
  sharedHi[sharedCount] = hi;
  sharedSame[sharedCount] = same ? 1 : 0;
  sharedCount++;
}

/** Contribution of edge i of ring r: its pieces inside `other`. */
function edgeInside(r: PreparedRing, i: number, other: PreparedShape, keepShared: boolean): number {
  ex0 = r.xs[i] as number;
  ey0 = r.ys[i] as number;
  ex1 = r.xs[i + 1] as number;
  ey1 = r.ys[i + 1] as number;
  edx = ex1 - ex0;
  edy = ey1 - ey0;
  elen2 = edx * edx + edy * edy;
  if (elen2 === 0) return 0;
  elen = Math.sqrt(elen2);
  bx0 = Math.min(ex0, ex1);
  bx1 = Math.max(ex0, ex1);
  by0 = Math.min(ey0, ey1);
  by1 = Math.max(ey0, ey1);
  paramCount = 0;
  sharedCount = 0;
  for (const o of other.rings) collectCuts(o, 0);
  if (activeCounters) activeCounters.clippedEdges++;

  const lamA = r.lam[i] as number, sinA = r.sin[i] as number, lamB = r.lam[i + 1] as number, sinB = r.sin[i + 1] as number;
  if (paramCount > 0 || sharedCount > 0) contact = true;
  if (paramCount === 0 && sharedCount === 0) {
    if (!pointInShape(other, (ex0 + ex1) / 2, (ey0 + ey1) / 2)) return 0;
    return (lamA - originLam) * (sinB - originSin) - (lamB - originLam) * (sinA - originSin);
  }
  // Insertion sort: an edge rarely has more than a handful of cuts.
  for (let k = 1; k < paramCount; k++) {
    const v = params[k] as number;
    let j = k - 1;
    while (j >= 0 && (params[j] as number) > v) {
      params[j + 1] = params[j] as number;
      j--;
    }
    params[j + 1] = v;
  }
  let total = 0;
  let tPrev = 0;
  let lamP = lamA, sinP = sinA;
  for (let k = 0; k <= paramCount; k++) {
    const t = k < paramCount ? (params[k] as number) : 1;
    if (t <= tPrev) continue;
    let lamT: number, sinT: number;
    if (t === 1) {
      lamT = lamB;
      sinT = sinB;
    } else {
      lamT = (ex0 + t * edx) * DEG_TO_RAD;
      sinT = Math.sin((ey0 + t * edy) * DEG_TO_RAD);
    }
    if (pieceInside((tPrev + t) / 2, other, keepShared)) {
      total += (lamP - originLam) * (sinT - originSin) - (lamT - originLam) * (sinP - originSin);
    }
    tPrev = t;
    lamP = lamT;
    sinP = sinT;
  }
  return total;
}

function pieceInside(tMid: number, other: PreparedShape, keepShared: boolean): boolean {
  let same = 0, opposite = 0;
  for (let k = 0; k < sharedCount; k++) {
    if ((sharedLo[k] as number) <= tMid && tMid <= (sharedHi[k] as number)) {
      if (sharedSame[k]) same++;
      else opposite++;
    }
  }
  // Along both a same-way and an opposite-way edge: a seam between two parts of `other`, so inside.
  if (same > 0 && opposite > 0) return true;
  if (same > 0) return keepShared;
  if (opposite > 0) return false;
  return pointInShape(other, ex0 + tMid * edx, ey0 + tMid * edy);
}

function collectCuts(o: PreparedRing, node: number): void {
  if (bx1 < (o.minX[node] as number) || bx0 > (o.maxX[node] as number) || by1 < (o.minY[node] as number) || by0 > (o.maxY[node] as number)) {
    return;
  }
  const right = o.right[node] as number;
  if (right >= 0) {
    collectCuts(o, node + 1);
    collectCuts(o, right);
    return;
  }
  const xs = o.xs, ys = o.ys;
  for (let j = o.start[node] as number, e = o.end[node] as number; j < e; j++) {
    const ux = xs[j] as number, uy = ys[j] as number, vx = xs[j + 1] as number, vy = ys[j + 1] as number;
    if (bx1 < (ux < vx ? ux : vx) || bx0 > (ux > vx ? ux : vx) || by1 < (uy < vy ? uy : vy) || by0 > (uy > vy ? uy : vy)) continue;
    const fx = vx - ux, fy = vy - uy;
    const flen2 = fx * fx + fy * fy;
    if (flen2 === 0) continue;
    // Signed distances (scaled by the reference edge's length) of each endpoint from the other
    // edge's line. The same expressions are evaluated, bit for bit, when the roles are swapped.
    const cu = (ux - ex0) * edy - (uy - ey0) * edx;
    const cv = (vx - ex0) * edy - (vy - ey0) * edx;
    const cp = (ex0 - ux) * fy - (ey0 - uy) * fx;
    const cq = (ex1 - ux) * fy - (ey1 - uy) * fx;
    if (isCollinear(cu, cv, cp, cq, flen2)) {
      if (activeCounters) activeCounters.collinearPairs++;
      const tu = ((ux - ex0) * edx + (uy - ey0) * edy) / elen2;
      const tv = ((vx - ex0) * edx + (vy - ey0) * edy) / elen2;
      const lo = Math.max(0, Math.min(tu, tv));
      const hi = Math.min(1, Math.max(tu, tv));
      if (hi > lo) {
        pushShared(lo, hi, edx * fx + edy * fy > 0);
        if (lo > 0) pushParam(lo);
        if (hi < 1) pushParam(hi);
      }
      continue;
    }
    if ((cu > 0 && cv > 0) || (cu < 0 && cv < 0)) continue;
    if ((cp > 0 && cq > 0) || (cp < 0 && cq < 0)) continue;
    const denom = cp - cq;
    if (denom === 0) continue;
    const t = cp / denom;
    if (t > 0 && t < 1) pushParam(t);
  }
}

/**
 * Collinear when the shorter edge lies within the tolerance of the longer edge's line (both
 * endpoints). Deciding by the longer edge keeps the answer identical from either side.
 */
function isCollinear(cu: number, cv: number, cp: number, cq: number, flen2: number): boolean {
  if (elen2 > flen2) {
    const tol = COLLINEAR_TOLERANCE_DEG * elen;
    return Math.abs(cu) <= tol && Math.abs(cv) <= tol;
  }
  const flen = Math.sqrt(flen2);
  if (flen2 > elen2) {
    const tol = COLLINEAR_TOLERANCE_DEG * flen;
    return Math.abs(cp) <= tol && Math.abs(cq) <= tol;
  }
  return (
    Math.abs(cu) <= COLLINEAR_TOLERANCE_DEG * elen &&
    Math.abs(cv) <= COLLINEAR_TOLERANCE_DEG * elen &&
    Math.abs(cp) <= COLLINEAR_TOLERANCE_DEG * flen &&
    Math.abs(cq) <= COLLINEAR_TOLERANCE_DEG * flen
  );
}

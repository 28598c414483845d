import { DEG_TO_RAD, KM_PER_DEGREE } from './lonlat-area.ts';
import type { PreparedRing } from './prepared-ring.ts';
import type { PreparedShape } from './prepared-shape.ts';

/**
 * Shortest distance in km between the boundaries of two shapes, or Infinity when it exceeds
 * limitKm. Distances are measured in a local equirectangular frame (longitude scaled by the cosine
 * of the pair's mean latitude), which is within 0.1 % of the geodesic distance at the tens of km an
 * advisory buffer spans. Box distances use the cosine at the box's latitude farthest from the
 * equator, so pruning never drops a pair that is actually within reach.
 */
export function boundaryDistanceKm(a: PreparedShape, b: PreparedShape, limitKm: number): number {
  best = limitKm;
  found = false;
  if (boxDistanceKm(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3], b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3]) > best) return Infinity;
  target = b;
  for (const ring of a.rings) walkA(ring, 0);
  return found ? best : Infinity;
}

let best = 0;
let found = false;
let target: PreparedShape | null = null;
let sx0 = 0, sy0 = 0, sx1 = 0, sy1 = 0;

function boxDistanceKm(ax0: number, ay0: number, ax1: number, ay1: number, bx0: number, by0: number, bx1: number, by1: number): number {
  const dx = Math.max(0, bx0 - ax1, ax0 - bx1);
  const dy = Math.max(0, by0 - ay1, ay0 - by1);
  if (dx === 0 && dy === 0) return 0;
  const maxAbsLat = Math.max(Math.abs(ay0), Math.abs(ay1), Math.abs(by0), Math.abs(by1));
  const kx = Math.cos(Math.min(90, maxAbsLat) * DEG_TO_RAD);
  return KM_PER_DEGREE * Math.hypot(dx * kx, dy);
}

function walkA(r: PreparedRing, node: number): void {
  if (found && best === 0) return;
  const t = target as PreparedShape;
  const bb = t.bbox;
  if (boxDistanceKm(r.minX[node] as number, r.minY[node] as number, r.maxX[node] as number, r.maxY[node] as number, bb[0], bb[1], bb[2], bb[3]) > best) return;
  const right = r.right[node] as number;
  if (right >= 0) {
    walkA(r, node + 1);
    walkA(r, right);
    return;
  }
  for (let i = r.start[node] as number, e = r.end[node] as number; i < e; i++) {
    sx0 = r.xs[i] as number;
    sy0 = r.ys[i] as number;
    sx1 = r.xs[i + 1] as number;
    sy1 = r.ys[i + 1] as number;
    for (const o of t.rings) walkB(o, 0);
  }
}

function walkB(o: PreparedRing, node: number): void {
  if (found && best === 0) return;
  const d = boxDistanceKm(
    Math.min(sx0, sx1), Math.min(sy0, sy1), Math.max(sx0, sx1), Math.max(sy0, sy1),
    o.minX[node] as number, o.minY[node] as number, o.maxX[node] as number, o.maxY[node] as number,
  );
  if (d > best) return;
  const right = o.right[node] as number;
  if (right >= 0) {
    walkB(o, node + 1);
    walkB(o, right);
    return;
  }
  for (let j = o.start[node] as number, e = o.end[node] as number; j < e; j++) {
    const dist = segmentDistanceKm(sx0, sy0, sx1, sy1, o.xs[j] as number, o.ys[j] as number, o.xs[j + 1] as number, o.ys[j + 1] as number);
    if (dist <= best) {
      best = dist;
      found = true;
    }
  }
}

/** Distance in km between two lon/lat segments in a local equirectangular frame. */
export function segmentDistanceKm(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const kx = Math.cos(((ay + by + cy + dy) / 4) * DEG_TO_RAD);
  // Frame centred on a, x scaled to equal-length degrees.
  const p1x = 0, p1y = 0, p2x = (bx - ax) * kx, p2y = by - ay;
  const q1x = (cx - ax) * kx, q1y = cy - ay, q2x = (dx - ax) * kx, q2y = dy - ay;
  const d1 = cross(p1x, p1y, p2x, p2y, q1x, q1y);
  const d2 = cross(p1x, p1y, p2x, p2y, q2x, q2y);
  const d3 = cross(q1x, q1y, q2x, q2y, p1x, p1y);
  const d4 = cross(q1x, q1y, q2x, q2y, p2x, p2y);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  const m = Math.min(
    pointSegment(q1x, q1y, p1x, p1y, p2x, p2y),
    pointSegment(q2x, q2y, p1x, p1y, p2x, p2y),
    pointSegment(p1x, p1y, q1x, q1y, q2x, q2y),
    pointSegment(p2x, p2y, q1x, q1y, q2x, q2y),
  );
  return m * KM_PER_DEGREE;
}

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function pointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax, vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 === 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

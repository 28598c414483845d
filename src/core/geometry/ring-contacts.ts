import type { PreparedRing } from './prepared-ring.ts';

/** Where two edges of a set of rings meet when they should not. */
export interface RingContact {
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
  /** A point of contact, lon/lat. */
  at: [number, number];
}

/**
 * First contact between edges of the given rings that a valid polygon may not have: any touch or
 * crossing between non-adjacent edges of one ring, any touch between edges of different rings,
 * and an adjacent pair that doubles back on itself (a spike). Candidate pairs come from the ring
 * hierarchies, so this is about n log n rather than Turf kinks' n².
 */
export function findRingContact(rings: readonly PreparedRing[]): RingContact | null {
  for (let a = 0; a < rings.length; a++) {
    const ra = rings[a] as PreparedRing;
    for (let i = 0; i < ra.edgeCount; i++) {
      const ax = ra.xs[i] as number, ay = ra.ys[i] as number, bx = ra.xs[i + 1] as number, by = ra.ys[i + 1] as number;
      for (let b = a; b < rings.length; b++) {
        const hit = scan(rings[b] as PreparedRing, 0, a === b ? i : -1, ra.edgeCount, ax, ay, bx, by);
        if (hit) return { ringA: a, edgeA: i, ringB: b, edgeB: hit.edge, at: hit.at };
      }
    }
  }
  return null;
}

interface Hit {
  edge: number;
  at: [number, number];
}

function scan(r: PreparedRing, node: number, self: number, n: number, ax: number, ay: number, bx: number, by: number): Hit | null {
  if (Math.max(ax, bx) < (r.minX[node] as number) || Math.min(ax, bx) > (r.maxX[node] as number)) return null;
  if (Math.max(ay, by) < (r.minY[node] as number) || Math.min(ay, by) > (r.maxY[node] as number)) return null;
  const right = r.right[node] as number;
  if (right >= 0) return scan(r, node + 1, self, n, ax, ay, bx, by) ?? scan(r, right, self, n, ax, ay, bx, by);
  for (let j = r.start[node] as number, e = r.end[node] as number; j < e; j++) {
    if (self >= 0 && j <= self) continue;
    const cx = r.xs[j] as number, cy = r.ys[j] as number, dx = r.xs[j + 1] as number, dy = r.ys[j + 1] as number;
    const adjacent = self >= 0 && (j === self + 1 || (self === 0 && j === n - 1));
    if (adjacent) {
      // Shares one vertex by construction; invalid only if the two edges fold onto each other.
      const v = j === self + 1 ? [bx, by, ax, ay, dx, dy] : [ax, ay, bx, by, cx, cy];
      const [px, py, qx, qy, sx, sy] = v as [number, number, number, number, number, number];
      const cross = (qx - px) * (sy - py) - (qy - py) * (sx - px);
      const dot = (qx - px) * (sx - px) + (qy - py) * (sy - py);
      if (cross === 0 && dot > 0) return { edge: j, at: [px, py] };
      continue;
    }
    const at = segmentContact(ax, ay, bx, by, cx, cy, dx, dy);
    if (at) return { edge: j, at };
  }
  return null;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** A point where segments ab and cd touch or cross, or null. */
export function segmentContact(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] | null {
  const d1 = orient(ax, ay, bx, by, cx, cy);
  const d2 = orient(ax, ay, bx, by, dx, dy);
  const d3 = orient(cx, cy, dx, dy, ax, ay);
  const d4 = orient(cx, cy, dx, dy, bx, by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d3 / (d3 - d4);
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (d1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return [cx, cy];
  if (d2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return [dx, dy];
  if (d3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return [ax, ay];
  if (d4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return [bx, by];
  return null;
}

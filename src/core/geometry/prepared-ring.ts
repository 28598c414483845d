import type { Position } from 'geojson';
import { DEG_TO_RAD } from './lonlat-area.ts';

/**
 * A closed ring prepared for repeated geometric queries.
 *
 * Vertices live in flat typed arrays (degrees, plus λ in radians and sin φ for the area terms).
 * Edges are grouped into a static binary hierarchy over consecutive edge ranges: every node stores
 * the box of its edges and the sum of their area terms. A query that finds a whole node on one side
 * of another boundary takes its precomputed sum in O(1) instead of visiting its edges; that is
 * what makes clipping against jurisdictions with thousands of vertices cheap.
 */
export interface PreparedRing {
  /** Number of edges; the vertex arrays hold edgeCount + 1 entries (closed). */
  edgeCount: number;
  xs: Float64Array;
  ys: Float64Array;
  lam: Float64Array;
  sin: Float64Array;
  /** Per node: box, term sum, edge range [start, end), index of the right child (−1 for a leaf). */
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
  sum: Float64Array;
  start: Int32Array;
  end: Int32Array;
  right: Int32Array;
  /** Signed term sum of the whole ring, positive when counter-clockwise. */
  total: number;
}

/**
 * Builds a prepared ring from GeoJSON positions, dropping the closing position if present and
 * consecutive duplicates and zero-width spikes (unless keepSpikes, for validators that must see
 * them), and orienting it counter-clockwise (ccw = true) or clockwise.
 * Returns null when fewer than 3 distinct vertices remain.
 */
export function prepareRing(ring: readonly Position[], ccw: boolean, leafSize = 8, keepSpikes = false): PreparedRing | null {
  const raw: number[] = [];
  for (const p of ring) {
    const x = p[0] as number;
    const y = p[1] as number;
    const k = raw.length;
    if (k >= 2 && raw[k - 2] === x && raw[k - 1] === y) continue;
    raw.push(x, y);
  }
  while (raw.length >= 4 && raw[0] === raw[raw.length - 2] && raw[1] === raw[raw.length - 1]) raw.length -= 2;
  if (!keepSpikes) removeSpikes(raw);
  const n = raw.length / 2;
  if (n < 3) return null;
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    xs[i] = raw[2 * i] as number;
    ys[i] = raw[2 * i + 1] as number;
  }
  xs[n] = xs[0] as number;
  ys[n] = ys[0] as number;
  const lam = new Float64Array(n + 1);
  const sin = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    lam[i] = (xs[i] as number) * DEG_TO_RAD;
    sin[i] = Math.sin((ys[i] as number) * DEG_TO_RAD);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += (lam[i] as number) * (sin[i + 1] as number) - (lam[i + 1] as number) * (sin[i] as number);
  if (total > 0 !== ccw && total !== 0) {
    xs.reverse();
    ys.reverse();
    lam.reverse();
    sin.reverse();
    total = -total;
  }
  return buildTree(n, xs, ys, lam, sin, total, Math.max(2, leafSize));
}

function buildTree(
  n: number,
  xs: Float64Array,
  ys: Float64Array,
  lam: Float64Array,
  sin: Float64Array,
  total: number,
  leafSize: number,
): PreparedRing {
  const cap = 2 * Math.ceil(n / leafSize) + 1;
  const minX = new Float64Array(cap);
  const minY = new Float64Array(cap);
  const maxX = new Float64Array(cap);
  const maxY = new Float64Array(cap);
  const sum = new Float64Array(cap);
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const right = new Int32Array(cap);
  let count = 0;

  const build = (s: number, e: number): number => {
    const node = count++;
    start[node] = s;
    end[node] = e;
    if (e - s <= leafSize) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, acc = 0;
      for (let i = s; i <= e; i++) {
        const x = xs[i] as number, y = ys[i] as number;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      for (let i = s; i < e; i++) acc += (lam[i] as number) * (sin[i + 1] as number) - (lam[i + 1] as number) * (sin[i] as number);
      minX[node] = x0; minY[node] = y0; maxX[node] = x1; maxY[node] = y1; sum[node] = acc;
      right[node] = -1;
      return node;
    }
    const mid = s + Math.ceil((e - s) / 2 / leafSize) * leafSize;
    const l = build(s, mid);
    const r = build(mid, e);
    right[node] = r;
    minX[node] = Math.min(minX[l] as number, minX[r] as number);
    minY[node] = Math.min(minY[l] as number, minY[r] as number);
    maxX[node] = Math.max(maxX[l] as number, maxX[r] as number);
    maxY[node] = Math.max(maxY[l] as number, maxY[r] as number);
    sum[node] = (sum[l] as number) + (sum[r] as number);
    return node;
  };
  build(0, n);
  return { edgeCount: n, xs, ys, lam, sin, minX, minY, maxX, maxY, sum, start, end, right, total };
}

/** Same tolerance as the clipper's collinearity test (overlap-area.ts), in degrees. */
const SPIKE_TOLERANCE_DEG = 1e-9;

/** True when the path a → b → c turns straight back at b (c runs back along ab). */
function foldsBack(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  const ux = bx - ax, uy = by - ay, vx = cx - bx, vy = cy - by;
  if (ux * vx + uy * vy >= 0) return false;
  const cross = ux * vy - uy * vx;
  return Math.abs(cross) <= SPIKE_TOLERANCE_DEG * Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy));
}

/**
 * Removes zero-width spikes (a vertex where the ring turns straight back on itself), in place, on
 * an open ring of x, y pairs. A spike adds no area but puts two opposite edges on the same line,
 * which no clipper can classify against a third coincident edge; Turf's clipper drops it too.
 * Some boundary data has them (us-atlas 72083, Las Marías). Valid rings are left unchanged.
 */
function removeSpikes(raw: number[]): void {
  const out: number[] = [];
  const push = (x: number, y: number): void => {
    let k = out.length;
    if (k >= 2 && out[k - 2] === x && out[k - 1] === y) return;
    while (k >= 4 && foldsBack(out[k - 4] as number, out[k - 3] as number, out[k - 2] as number, out[k - 1] as number, x, y)) {
      out.length = k - 2;
      k -= 2;
      if (out[k - 2] === x && out[k - 1] === y) return;
    }
    out.push(x, y);
  };
  for (let i = 0; i < raw.length; i += 2) push(raw[i] as number, raw[i + 1] as number);
  // The seam between the last and first vertex: fold-backs there are removed from either end.
  let changed = true;
  while (changed && out.length >= 6) {
    changed = false;
    const k = out.length;
    if (out[0] === out[k - 2] && out[1] === out[k - 1]) {
      out.length = k - 2;
      changed = true;
      continue;
    }
    if (foldsBack(out[k - 2] as number, out[k - 1] as number, out[0] as number, out[1] as number, out[2] as number, out[3] as number)) {
      out.splice(0, 2);
      changed = true;
    } else if (foldsBack(out[k - 4] as number, out[k - 3] as number, out[k - 2] as number, out[k - 1] as number, out[0] as number, out[1] as number)) {
      out.length = k - 2;
      changed = true;
    }
  }
  if (out.length < raw.length) {
    raw.length = 0;
    for (const v of out) raw.push(v);
  }
}

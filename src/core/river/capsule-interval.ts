/**
 * Where a moving point P(t) = t·d, t in [0, 1], lies within r of the segment p–q, all in a local
 * plane (km). The distance from P(t) to a segment is convex in t, so the answer is one interval
 * (or none): the segment's capsule (a rectangle and two end disks) cut by the line. Each piece
 * gives an interval; being pieces of one convex set, their union is that interval.
 *
 * Returns [tFrom, tTo] within [0, 1], or null.
 */
export function capsuleInterval(
  dx: number,
  dy: number,
  px: number,
  py: number,
  qx: number,
  qy: number,
  r: number,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (a: number, b: number): void => {
    const from = Math.max(a, 0);
    const to = Math.min(b, 1);
    if (from <= to) {
      lo = Math.min(lo, from);
      hi = Math.max(hi, to);
    }
  };

  const dd = dx * dx + dy * dy;
  if (dd === 0) return null;
  const r2 = r * r;
  for (const [cx, cy] of [
    [px, py],
    [qx, qy],
  ] as const) {
    // |t·d − c|² ≤ r²  ⇔  dd·t² − 2(d·c)·t + (c·c − r²) ≤ 0
    const dc = dx * cx + dy * cy;
    const disc = dc * dc - dd * (cx * cx + cy * cy - r2);
    if (disc < 0) continue;
    const root = Math.sqrt(disc);
    take((dc - root) / dd, (dc + root) / dd);
  }

  const ex = qx - px;
  const ey = qy - py;
  const length = Math.hypot(ex, ey);
  if (length > 0) {
    const ux = ex / length;
    const uy = ey / length;
    // Along the edge: 0 ≤ (t·d − p)·u ≤ length; across it: |(t·d − p)·n| ≤ r, n = u turned 90°.
    const along = linearInterval(dx * ux + dy * uy, -(px * ux + py * uy), 0, length);
    const across = linearInterval(-dx * uy + dy * ux, px * uy - py * ux, -r, r);
    if (along && across) take(Math.max(along[0], across[0]), Math.min(along[1], across[1]));
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The t with lower ≤ a·t + b ≤ upper, as an interval (possibly unbounded), or null. */
function linearInterval(a: number, b: number, lower: number, upper: number): [number, number] | null {
  if (a === 0) return b >= lower && b <= upper ? [-Infinity, Infinity] : null;
  const t0 = (lower - b) / a;
  const t1 = (upper - b) / a;
  return t0 <= t1 ? [t0, t1] : [t1, t0];
}

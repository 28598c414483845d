import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capsuleInterval } from '../../../../src/core/river/capsule-interval.ts';

/** Distance from (x, y) to the segment p–q, by projection: the definition the capsule cut must match. */
function distanceToSegment(x: number, y: number, px: number, py: number, qx: number, qy: number): number {
  const ex = qx - px;
  const ey = qy - py;
  const ee = ex * ex + ey * ey;
  const t = ee === 0 ? 0 : Math.min(1, Math.max(0, ((x - px) * ex + (y - py) * ey) / ee));
  return Math.hypot(x - (px + t * ex), y - (py + t * ey));
}

describe('capsuleInterval', () => {
  it('a river crossing a border edge at right angles is near it for r either side of the crossing', () => {
    // River from (0,0) to (10,0); border edge x = 4 from y = -5 to 5; r = 1 → x in [3, 5].
    const hit = capsuleInterval(10, 0, 4, -5, 4, 5, 1);
    expect(hit?.[0]).toBeCloseTo(0.3, 12);
    expect(hit?.[1]).toBeCloseTo(0.5, 12);
  });

  it('a river running parallel to a border edge 1.5 km away is near it only where the edge is', () => {
    const hit = capsuleInterval(10, 0, 2, 1.5, 6, 1.5, 2);
    // Within 2 of the edge's end disks: |x − 2| ≤ sqrt(4 − 2.25) before it and after x = 6.
    const reach = Math.sqrt(4 - 2.25);
    expect(hit?.[0]).toBeCloseTo((2 - reach) / 10, 12);
    expect(hit?.[1]).toBeCloseTo((6 + reach) / 10, 12);
    expect(capsuleInterval(10, 0, 2, 2.5, 6, 2.5, 2)).toBeNull();
  });

  it('r = 0 finds the exact crossing', () => {
    const hit = capsuleInterval(10, 0, 7, -1, 7, 1, 0);
    expect(hit?.[0]).toBeCloseTo(0.7, 12);
    expect(hit?.[1]).toBeCloseTo(0.7, 12);
  });

  it('agrees with sampling the distance along the segment', () => {
    const coordinate = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, fc.double({ min: 0.01, max: 5, noNaN: true }), (dx, dy, px, py, qx, qy, r) => {
        fc.pre(Math.hypot(dx, dy) > 0.1);
        const hit = capsuleInterval(dx, dy, px, py, qx, qy, r);
        for (let k = 0; k <= 200; k += 1) {
          const t = k / 200;
          const d = distanceToSegment(t * dx, t * dy, px, py, qx, qy);
          // Away from the interval's ends by a sample's width, inside and outside must agree.
          if (d < r - 1e-6) expect(hit !== null && t >= hit[0] - 1e-9 && t <= hit[1] + 1e-9).toBe(true);
          if (d > r + 1e-6) expect(hit === null || t < hit[0] || t > hit[1]).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { area } from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { overlapAreaKm2 } from '../../../../src/core/geometry/overlap-area.ts';
import { prepareShape } from '../../../../src/core/geometry/prepared-shape.ts';

/** Turf's answer: polyclip-ts intersection, then Turf's area. */
function turfOverlapKm2(a: Position[][], b: Position[][]): number {
  const x = intersect(featureCollection([polygon(a), polygon(b)]));
  return x ? area(x) / 1e6 : 0;
}

function oursKm2(a: Position[][], b: Position[][]): number {
  return overlapAreaKm2(prepareShape({ type: 'Polygon', coordinates: a }), prepareShape({ type: 'Polygon', coordinates: b }));
}

const STEP = 0.1;

/**
 * A histogram polygon on a 0.1° grid: bars of integer heights standing on y = 0. Two of them share
 * their base, many vertical edges and every top edge of equal height: a dense mix of coincident
 * edges running the same and opposite ways, touching corners and plain crossings.
 */
const histogram = fc
  .record({ shift: fc.integer({ min: -3, max: 3 }), heights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), flip: fc.boolean() })
  .map(({ shift, heights, flip }): Position[][] => {
    const x0 = 113 + shift * STEP, y0 = 34;
    const s = flip ? -1 : 1;
    const ring: Position[] = [[x0, y0]];
    heights.forEach((h, i) => {
      ring.push([x0 + i * STEP, y0 + s * h * STEP], [x0 + (i + 1) * STEP, y0 + s * h * STEP]);
    });
    ring.push([x0 + heights.length * STEP, y0], [x0, y0]);
    // Drop the vertices of straight runs so the ring stays free of zero-length and collinear joints.
    const clean = ring.filter((p, i) => i === 0 || i === ring.length - 1 || !(p[0] === ring[i - 1]![0] && p[1] === ring[i - 1]![1]));
    return [clean];
  });

const star = fc
  .record({
    cx: fc.double({ min: 112.5, max: 113.5, noNaN: true }),
    cy: fc.double({ min: 33.5, max: 34.5, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.05, max: 0.8, noNaN: true }), { minLength: 3, maxLength: 30 }),
  })
  .map(({ cx, cy, radii }): Position[][] => {
    const ring = radii.map((r, i): Position => [cx + r * Math.cos((2 * Math.PI * i) / radii.length), cy + r * Math.sin((2 * Math.PI * i) / radii.length)]);
    return [[...ring, ring[0]!]];
  });

describe('overlapAreaKm2 (the float clipper) against polyclip-ts + Turf area', () => {
  test('random non-convex polygons', () => {
    fc.assert(
      fc.property(star, star, (a, b) => {
        const ref = turfOverlapKm2(a, b);
        const ours = oursKm2(a, b);
        expect(Math.abs(ours - ref)).toBeLessThanOrEqual(Math.max(1e-4 * ref, 1e-6));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  test('polygons sharing, touching and overlapping edges on a common grid', () => {
    fc.assert(
      fc.property(histogram, histogram, (a, b) => {
        const ref = turfOverlapKm2(a, b);
        const ours = oursKm2(a, b);
        expect(Math.abs(ours - ref)).toBeLessThanOrEqual(Math.max(1e-4 * ref, 1e-6));
        // Symmetric, whichever side keeps the shared edges.
        expect(Math.abs(oursKm2(b, a) - ours)).toBeLessThanOrEqual(1e-6 * Math.max(1, ours));
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  test('a polygon with itself, and with its mirror image across a shared edge', () => {
    fc.assert(
      fc.property(histogram, (a) => {
        expect(oursKm2(a, a) / (area(polygon(a)) / 1e6)).toBeCloseTo(1, 9);
        const mirror = [a[0]!.map(([x, y]) => [x!, 68 - y!])];
        expect(oursKm2(a, mirror)).toBe(0);
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});

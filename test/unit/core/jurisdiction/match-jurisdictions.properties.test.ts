import { buffer } from '@turf/buffer';
import { circle } from '@turf/circle';
import { lineString } from '@turf/helpers';
import { sector } from '@turf/sector';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import { realIndex, type Dataset } from './real-regions.ts';
import { turfOverlaps } from './turf-reference.ts';

// Land boxes well inside each dataset, so random footprints mostly cross several jurisdictions.
const LAND: Record<Dataset, [number, number, number, number]> = { cn: [104, 24, 121, 41], us: [-112, 32, -82, 45] };

const centre = (d: Dataset) => fc.tuple(fc.double({ min: LAND[d][0], max: LAND[d][2], noNaN: true }), fc.double({ min: LAND[d][1], max: LAND[d][3], noNaN: true }));

type Shape = Feature<Polygon | MultiPolygon>;

const footprintArb = (d: Dataset): fc.Arbitrary<Shape> =>
  fc.oneof(
    fc.record({ c: centre(d), r: fc.double({ min: 2, max: 80, noNaN: true }) }).map(({ c, r }) => circle(c, r, { steps: 64, units: 'kilometers' }) as Shape),
    fc
      .record({ c: centre(d), r: fc.double({ min: 5, max: 150, noNaN: true }), axis: fc.double({ min: 0, max: 359, noNaN: true }), half: fc.double({ min: 5, max: 60, noNaN: true }) })
      .map(({ c, r, axis, half }) => sector(c, r, axis - half, axis + half, { steps: 32, units: 'kilometers' }) as Shape),
    fc
      .record({ c: centre(d), legs: fc.array(fc.tuple(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.double({ min: -0.6, max: 0.6, noNaN: true })), { minLength: 1, maxLength: 4 }), w: fc.double({ min: 0.5, max: 8, noNaN: true }) })
      .map(({ c, legs, w }) => {
        const pts = [c];
        for (const [dx, dy] of legs) {
          const last = pts[pts.length - 1]!;
          pts.push([last[0] + dx + 0.01, last[1] + dy]);
        }
        return buffer(lineString(pts), w, { units: 'kilometers' }) as Shape;
      }),
  );

describe.each(['cn', 'us'] as const)('matchJurisdictions properties (%s)', (dataset) => {
  test('equals Turf (intersect + area) within 0.01 % on random footprints', () => {
    const index = realIndex(dataset);
    fc.assert(
      fc.property(footprintArb(dataset), (footprint) => {
        const ours = matchJurisdictions(footprint, index, { advisoryKm: 0, sliverKm2: 0 }).jurisdictions;
        const reference = turfOverlaps(footprint, index);
        for (const [id, km2] of reference) if (km2 < 1e-6) reference.delete(id);
        const crossed = ours.filter((j) => j.overlap_km2 >= 1e-6);
        expect(crossed.map((j) => j.id).sort()).toEqual([...reference.keys()].sort());
        for (const j of crossed) expect(Math.abs(j.overlap_km2 - reference.get(j.id)!) / reference.get(j.id)!).toBeLessThan(1e-4);
      }),
      { numRuns: dataset === 'cn' ? 12 : 20, seed: 3 },
    );
  });

  test('growing a footprint never removes a jurisdiction', () => {
    const index = realIndex(dataset);
    fc.assert(
      fc.property(centre(dataset), fc.double({ min: 5, max: 60, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }), (c, r, grow) => {
        const small = matchJurisdictions(circle(c, r, { steps: 64, units: 'kilometers' }), index);
        const large = matchJurisdictions(circle(c, r * grow, { steps: 64, units: 'kilometers' }), index);
        const crossed = (m: typeof small) => new Set(m.jurisdictions.filter((j) => j.role !== 'advisory').map((j) => j.id));
        const reached = (m: typeof small) => new Set(m.jurisdictions.map((j) => j.id));
        for (const id of crossed(small)) expect(crossed(large).has(id)).toBe(true);
        for (const id of reached(small)) expect(reached(large).has(id)).toBe(true);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test('overlaps of all jurisdictions add up to the footprint inside the region', () => {
    const index = realIndex(dataset);
    fc.assert(
      fc.property(centre(dataset), fc.double({ min: 5, max: 60, noNaN: true }), (c, r) => {
        const m = matchJurisdictions(circle(c, r, { steps: 64, units: 'kilometers' }), index, { advisoryKm: 0, sliverKm2: 0 });
        const sum = m.jurisdictions.reduce((s, j) => s + j.overlap_km2, 0);
        // Never more than the footprint; less only where it leaves the land (coast, border).
        expect(sum).toBeLessThanOrEqual(m.footprint_km2 * (1 + 1e-6));
        for (const j of m.jurisdictions) expect(j.share).toBeGreaterThan(0);
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeLeadArrivalHours,
  computeReachKm,
  findReachJurisdictions,
  traceRiverSpill,
  traceDownstream,
  type ReachJurisdiction,
  type RiverSpillRegion,
} from '../../../../src/core/river/index.ts';
import { interpolateAtKm } from '../../../../src/core/geometry/interpolate-at-km.ts';
import { computeTravelHours } from '../../../../src/core/hazard/wind.ts';
import { preparedRegion } from './prepared-regions.ts';

const REGIONS = ['henan', 'us-four-corners', 'changbaishan'] as const;

/** A spill anywhere on any river of a region, as a fraction of the river's length. */
const spillArbitrary = fc.record({
  regionId: fc.constantFrom(...REGIONS),
  riverPick: fc.nat(),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
});

function onPath(region: RiverSpillRegion, spill: { riverPick: number; fraction: number }, maxKm: number | undefined, bankKm: number): Map<string, ReachJurisdiction> {
  const rivers = [...region.network.rivers.values()];
  const river = rivers[spill.riverPick % rivers.length];
  if (!river) throw new Error('no rivers');
  const riverKm = spill.fraction * river.lengthKm;
  const snap = { riverId: river.feature.properties.id, riverKm, position: interpolateAtKm(river.coordinates, river.vertexKm, riverKm).position, offsetKm: 0 };
  const reach = traceDownstream(region.network, snap, maxKm === undefined ? {} : { maxKm });
  return new Map(findReachJurisdictions(reach, region.edges, bankKm).map((hit) => [hit.feature.properties.id, hit]));
}

describe('river spill properties', () => {
  it('more hours never removes a jurisdiction, nor moves where one is entered', () => {
    fc.assert(
      fc.property(
        spillArbitrary,
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (spill, velocityMps, hours, extraHours) => {
          const region = preparedRegion(spill.regionId);
          const shorter = onPath(region, spill, computeReachKm(hours, velocityMps), 2);
          const longer = onPath(region, spill, computeReachKm(hours + extraHours, velocityMps), 2);
          for (const [id, hit] of shorter) {
            const again = longer.get(id);
            expect(again, id).toBeDefined();
            // The cut end is interpolated in lon/lat; the enter km agrees to well under a metre.
            expect(Math.abs((again?.enterKm ?? NaN) - hit.enterKm)).toBeLessThan(1e-3);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('end to end: more --hours never removes a jurisdiction from the answer', () => {
    const region = preparedRegion('henan');
    const sha = region.network.rivers.get('sha-ying');
    if (!sha) throw new Error('no sha-ying');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 1, max: 150, noNaN: true }), fc.double({ min: 1, max: 300, noNaN: true }), (fraction, hours, extra) => {
        const spill = interpolateAtKm(sha.coordinates, sha.vertexKm, fraction * sha.lengthKm).position;
        const idsFor = (h: number) => {
          const result = traceRiverSpill(region, { spill, velocityMps: 0.5, hours: h });
          if (!result.valid) throw new Error(result.reason);
          return result.value.jurisdictions.map((j) => j.id);
        };
        const longer = idsFor(hours + extra);
        for (const id of idsFor(hours)) expect(longer).toContain(id);
      }),
      // Each case buffers and matches two footprints (~0.2 s): a handful of runs, the cheap property above does the volume.
      { numRuns: 6 },
    );
  });

  it('a wider bank never removes a jurisdiction, and never enters it later', () => {
    fc.assert(
      fc.property(spillArbitrary, fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (spill, bankKm, extraKm) => {
        const region = preparedRegion(spill.regionId);
        const narrow = onPath(region, spill, 300, bankKm);
        const wide = onPath(region, spill, 300, bankKm + extraKm);
        for (const [id, hit] of narrow) {
          expect(wide.get(id), id).toBeDefined();
          expect(wide.get(id)?.enterKm ?? NaN).toBeLessThanOrEqual(hit.enterKm + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a spill δ below a border (δ < bankKm) never lists the jurisdiction that is only upstream of it', () => {
    const region = preparedRegion('henan');
    const sha = region.network.rivers.get('sha-ying');
    if (!sha) throw new Error('no sha-ying');
    // Where the Sha-Ying line crosses from each city into the next one downstream.
    const whole = traceDownstream(region.network, { riverId: 'sha-ying', riverKm: 0, position: sha.coordinates[0] ?? [], offsetKm: 0 });
    const lineOnly = findReachJurisdictions(whole, region.edges, 0);
    const borders = [
      ['410400', '411100'],
      ['411600', '341200'],
    ].map(([upstream, downstream]) => {
      const enterKm = lineOnly.find((hit) => hit.feature.properties.id === downstream)?.enterKm;
      if (enterKm === undefined) throw new Error(`the Sha-Ying never enters ${downstream}`);
      return { upstream: upstream as string, downstream: downstream as string, enterKm };
    });
    fc.assert(
      fc.property(fc.constantFrom(...borders), fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 0.999, noNaN: true }), (border, bankKm, fraction) => {
        const deltaKm = fraction * bankKm;
        const spill = interpolateAtKm(whole.coordinates, whole.vertexKm, border.enterKm + deltaKm).position;
        const result = traceRiverSpill(region, { spill, velocityMps: 0.5, hours: 10, bankKm });
        if (!result.valid) throw new Error(result.reason);
        const listed = result.value.jurisdictions.map((j) => j.id);
        expect(listed, `${border.upstream} at δ = ${deltaKm} km, bank ${bankKm} km`).not.toContain(border.upstream);
        expect(result.value.jurisdictions[0]).toMatchObject({ id: border.downstream, role: 'origin', enter_km: 0 });
      }),
      { numRuns: 40 },
    );
  });

  it('the leading edge arrives at 0.89 of the peak, and later entries arrive later', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), (a, b, v) => {
        const peakA = computeTravelHours(a, v);
        expect(computeLeadArrivalHours(peakA)).toBeCloseTo(0.89 * peakA, 9);
        if (a <= b) expect(peakA).toBeLessThanOrEqual(computeTravelHours(b, v));
        expect(computeReachKm(peakA, v)).toBeCloseTo(a, 6);
      }),
    );
  });
});

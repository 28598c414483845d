import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { describe, expect, it } from 'vitest';
import { interpolateAtKm } from '../../../../src/core/geometry/interpolate-at-km.ts';
import { findReachJurisdictions, snapToRiver, traceDownstream } from '../../../../src/core/river/index.ts';
import { preparedRegion, SPILLS } from './prepared-regions.ts';

const STEP_KM = 0.25;

/**
 * The slow, obvious way: walk the reach in 0.25 km steps and ask Turf how far each jurisdiction
 * is. The exact segment work must find the same jurisdictions, entering each at most one step
 * before the sampled walk first sees it (and never after).
 */
function sampledEnterKm(regionId: string, spill: readonly number[], maxKm: number, bankKm: number) {
  const region = preparedRegion(regionId);
  const snap = snapToRiver(region.network, spill);
  if (!snap.valid) throw new Error(snap.reason);
  const reach = traceDownstream(region.network, snap.value, { maxKm });
  const exact = new Map(findReachJurisdictions(reach, region.edges, bankKm).map((hit) => [hit.feature.properties.id, hit]));
  const sampled = new Map<string, number>();
  const boxes = region.edges.featureBoxes;
  // 0.05° is over 4 km at these latitudes: a generous box test only to spare Turf the far polygons.
  const margin = 0.05;
  for (let km = 0; km <= reach.lengthKm; km += STEP_KM) {
    const [x, y] = interpolateAtKm(reach.coordinates, reach.vertexKm, km).position as [number, number];
    region.edges.features.forEach((feature, f) => {
      const id = feature.properties.id;
      if (sampled.has(id)) return;
      const [w, s, e, n] = [boxes[4 * f], boxes[4 * f + 1], boxes[4 * f + 2], boxes[4 * f + 3]] as [number, number, number, number];
      if (x < w - margin || x > e + margin || y < s - margin || y > n + margin) return;
      if (pointToPolygonDistance([x, y], feature, { units: 'kilometers' }) <= bankKm) sampled.set(id, km);
    });
  }
  return { exact, sampled };
}

describe('findReachJurisdictions against a sampled Turf reference', () => {
  it.each([
    ['henan', 'yellowZhengzhouXinxiang', 15, 2],
    ['henan', 'yellowZhengzhouXinxiang', 15, 0],
    ['henan', 'shaYingPingdingshan', 90, 2],
    ['us-four-corners', 'animasDurango', 120, 2],
  ] as const)('%s %s, %s km, bank %s km', (regionId, spillName, maxKm, bankKm) => {
    const { exact, sampled } = sampledEnterKm(regionId, SPILLS[spillName], maxKm, bankKm);
    for (const [id, km] of sampled) {
      const enter = exact.get(id)?.enterKm;
      expect(enter, id).toBeDefined();
      expect(enter ?? NaN).toBeLessThanOrEqual(km + 1e-3);
      expect(km - (enter ?? NaN)).toBeLessThanOrEqual(STEP_KM + 1e-3);
    }
    // Anything the exact work adds was touched only between two samples.
    for (const [id, hit] of exact) {
      if (sampled.has(id)) continue;
      const longest = Math.max(...hit.stretchesKm.map(([from, to]) => to - from));
      expect(longest, id).toBeLessThan(STEP_KM);
    }
  });
});

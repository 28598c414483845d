import { along } from '@turf/along';
import { distance } from '@turf/distance';
import { lineString } from '@turf/helpers';
import { length } from '@turf/length';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAP_TOLERANCE_KM, snapToRiver, traceDownstream, validateSpillPoint } from '../../../../src/core/river/index.ts';
import { interpolateAtKm } from '../../../../src/core/geometry/interpolate-at-km.ts';
import { bundleOf, preparedRegion, SPILLS } from './prepared-regions.ts';

/** Farthest a river's mouth may lie from the receiving river's point at at_km, km. */
const MOUTH_GAP_KM = 10;

function snapOrThrow(regionId: string, point: readonly number[]) {
  const snap = snapToRiver(preparedRegion(regionId).network, point);
  if (!snap.valid) throw new Error(snap.reason);
  return snap.value;
}

describe('snapToRiver', () => {
  it('snaps a point beside the Sha River to the Sha-Ying, with its along-river km', () => {
    const snap = snapOrThrow('henan', SPILLS.shaYingPingdingshan);
    expect(snap.riverId).toBe('sha-ying');
    expect(snap.offsetKm).toBeGreaterThan(0.1);
    expect(snap.offsetKm).toBeLessThan(1);
    const river = bundleOf('henan').rivers.features.find((f) => f.properties.id === 'sha-ying');
    if (!river) throw new Error('no sha-ying');
    // The snapped position is where the river is at that km.
    const there = along(river, snap.riverKm, { units: 'kilometers' }).geometry.coordinates;
    expect(distance(there, snap.position, { units: 'kilometers' })).toBeLessThan(0.05);
  });

  it(`refuses a point farther than the tolerance (default ${DEFAULT_SNAP_TOLERANCE_KM} km) from every river`, () => {
    const network = preparedRegion('henan').network;
    // Zhengzhou's western hills, about 20 km from the Yellow River.
    expect(snapToRiver(network, [113.3, 34.6])).toEqual({ valid: false, reason: 'no-river-within-tolerance' });
    expect(snapToRiver(network, [113.3, 34.6], 50).valid).toBe(true);
    expect(snapToRiver(network, [113.0, 33.74], 0.1)).toEqual({ valid: false, reason: 'no-river-within-tolerance' });
    expect(snapToRiver(network, [113.0, 33.74], 0)).toEqual({ valid: false, reason: 'snap-tolerance-not-positive' });
  });

  it('refuses points that are not lon/lat', () => {
    expect(validateSpillPoint([Number.NaN, 34])).toEqual({ valid: false, reason: 'spill-point-not-finite' });
    expect(validateSpillPoint([113])).toEqual({ valid: false, reason: 'spill-point-not-finite' });
    // Swapped coordinates: a latitude of 113.
    expect(validateSpillPoint([33.74, 113.0])).toEqual({ valid: false, reason: 'spill-point-out-of-range' });
    expect(validateSpillPoint([113.0, 33.74])).toEqual({ valid: true, value: [113.0, 33.74] });
  });
});

describe('traceDownstream', () => {
  it('every river of every bundle runs downstream into its outlet: the trace from its source reaches the receiving river at at_km', () => {
    for (const regionId of ['henan', 'jingjinji', 'yangtze-delta', 'changbaishan', 'us-four-corners']) {
      const { network } = preparedRegion(regionId);
      for (const river of network.rivers.values()) {
        const outlet = river.feature.properties.outlet;
        if (!outlet) continue;
        const reach = traceDownstream(network, { riverId: river.feature.properties.id, riverKm: 0, position: river.coordinates[0] ?? [], offsetKm: 0 });
        const second = reach.legs[1];
        expect(second?.riverId, `${regionId}/${river.feature.properties.id}`).toBe(outlet.river_id);
        expect(second?.riverFromKm).toBeCloseTo(outlet.at_km, 6);
      }
    }
  });

  it('every river with an outlet runs downstream: its last vertex meets the receiving river at at_km, its first does not', () => {
    for (const regionId of ['henan', 'jingjinji', 'yangtze-delta', 'changbaishan', 'us-four-corners']) {
      const { network } = preparedRegion(regionId);
      for (const river of network.rivers.values()) {
        const outlet = river.feature.properties.outlet;
        if (!outlet) continue;
        const receiving = network.rivers.get(outlet.river_id);
        if (!receiving) throw new Error(`${regionId}/${river.feature.properties.id}: no river ${outlet.river_id}`);
        const mouth = interpolateAtKm(receiving.coordinates, receiving.vertexKm, outlet.at_km).position;
        const label = `${regionId}/${river.feature.properties.id} into ${outlet.river_id}`;
        const first = river.coordinates[0] as number[];
        const last = river.coordinates[river.coordinates.length - 1] as number[];
        // Up to 7 km where the Huai reaches the Yangtze through the Grand Canal; a river drawn the
        // wrong way round would start there instead and end its whole length away.
        expect(distance(last, mouth, { units: 'kilometers' }), label).toBeLessThan(MOUTH_GAP_KM);
        expect(distance(first, mouth, { units: 'kilometers' }), label).toBeGreaterThan(MOUTH_GAP_KM);
      }
    }
  });

  it('the running km is the geodesic length of the emitted line, rising at every vertex', () => {
    const { network } = preparedRegion('henan');
    const reach = traceDownstream(network, snapOrThrow('henan', SPILLS.shaYingPingdingshan));
    expect(length(lineString(reach.coordinates), { units: 'kilometers' })).toBeCloseTo(reach.lengthKm, 6);
    for (let i = 1; i < reach.vertexKm.length; i += 1) expect(reach.vertexKm[i]).toBeGreaterThan(reach.vertexKm[i - 1] as number);
    expect(reach.legs.map((leg) => leg.riverId)).toEqual(['sha-ying', 'huai']);
    expect(reach.end).toBe('river-end');
  });

  it('the Animas continues down the San Juan from the confluence at Farmington', () => {
    const { network } = preparedRegion('us-four-corners');
    const reach = traceDownstream(network, snapOrThrow('us-four-corners', SPILLS.animasDurango));
    expect(reach.legs.map((leg) => leg.riverId).slice(0, 2)).toEqual(['animas', 'san-juan']);
    expect(reach.legs[1]?.riverFromKm).toBeCloseTo(170.92, 2);
  });

  it('a distance limit cuts the reach exactly there', () => {
    const { network } = preparedRegion('henan');
    const reach = traceDownstream(network, snapOrThrow('henan', SPILLS.shaYingPingdingshan), { maxKm: 123.4 });
    expect(reach.lengthKm).toBeCloseTo(123.4, 9);
    expect(reach.end).toBe('distance-limit');
    expect(length(lineString(reach.coordinates), { units: 'kilometers' })).toBeCloseTo(123.4, 3);
    expect(reach.legs.map((leg) => leg.riverId)).toEqual(['sha-ying']);
  });

  it('a spill at the mouth of a river that flows nowhere else is a zero-length reach, not an error', () => {
    const { network } = preparedRegion('henan');
    const yellow = network.rivers.get('yellow');
    if (!yellow) throw new Error('no yellow');
    const mouth = yellow.coordinates[yellow.coordinates.length - 1] ?? [];
    const reach = traceDownstream(network, { riverId: 'yellow', riverKm: yellow.lengthKm, position: mouth, offsetKm: 0 });
    expect(reach.lengthKm).toBe(0);
    expect(reach.coordinates).toHaveLength(2);
  });
});

import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanValid } from '@turf/boolean-valid';
import { describe, expect, it } from 'vitest';
import { interpolateAtKm } from '../../../../src/core/geometry/interpolate-at-km.ts';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import {
  computeReachKm,
  DEFAULT_BANK_KM,
  findReachJurisdictions,
  traceDownstream,
  LEADING_EDGE_FRACTION,
  traceRiverSpill,
  type RiverSpillInput,
  type RiverSpillResult,
} from '../../../../src/core/river/index.ts';
import { preparedRegion, SPILLS } from './prepared-regions.ts';

function spillOrThrow(regionId: string, input: RiverSpillInput): RiverSpillResult {
  const result = traceRiverSpill(preparedRegion(regionId), input);
  if (!result.valid) throw new Error(result.reason);
  return result.value;
}

const ids = (result: RiverSpillResult): string[] => result.jurisdictions.map((j) => j.id);
const byId = (result: RiverSpillResult, id: string) => result.jurisdictions.find((j) => j.id === id);

describe('traceRiverSpill on the real bundles', () => {
  it('Sha-Ying in Pingdingshan: Luohe, Zhoukou, Fuyang in that order (the 2004 slug), then on into the Huai', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.5 });
    expect(result.river.id).toBe('sha-ying');
    expect(result.rivers.map((r) => r.id)).toEqual(['sha-ying', 'huai']);
    expect(result.jurisdictions[0]).toMatchObject({ id: '410400', role: 'origin', enter_km: 0, arrival_h: 0 });
    const route = ids(result).filter((id) => ['411100', '411600', '341200'].includes(id));
    expect(route).toEqual(['411100', '411600', '341200']);
    for (const j of result.jurisdictions.slice(1)) expect(j.role).toBe('affected');
    // Downstream order, and each jurisdiction's stretch starts where the previous one's could end.
    const enters = result.jurisdictions.map((j) => j.enter_km);
    expect(enters).toEqual([...enters].sort((a, b) => a - b));
    const luohe = byId(result, '411100');
    expect(luohe?.enter_km).toBeGreaterThan(40);
    expect(luohe?.enter_km).toBeLessThan(80);
    // The Huai leg begins downstream of Fuyang's entry: the trace went on past the confluence.
    expect(result.rivers[1]?.from_km).toBeGreaterThan(byId(result, '341200')?.enter_km ?? Infinity);
  });

  it('arrival hours: peak = enter_km / velocity, lead = 0.89 × peak, arrival_h = peak, 0 for the origin', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.8 });
    for (const j of result.jurisdictions) {
      expect(j.arrival_h_peak).toBeCloseTo((j.enter_km * 1000) / 0.8 / 3600, 9);
      expect(j.arrival_h_lead).toBeCloseTo(LEADING_EDGE_FRACTION * j.arrival_h_peak, 12);
      expect(j.arrival_h).toBe(j.arrival_h_peak);
      expect(j.exit_km).toBeGreaterThanOrEqual(j.enter_km);
    }
    expect(LEADING_EDGE_FRACTION).toBe(0.89);
    expect(result.jurisdictions.find((j) => j.role === 'origin')?.arrival_h).toBe(0);
  });

  it('Yellow River on the Zhengzhou / Xinxiang border warns both banks from the spill on', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.yellowZhengzhouXinxiang, velocityMps: 0.5, hours: 10 });
    expect(result.river.id).toBe('yellow');
    expect(ids(result).sort()).toEqual(['410100', '410700']);
    for (const j of result.jurisdictions) expect(j.enter_km).toBe(0);
  });

  it('Yellow River on the Kaifeng / Xinxiang border warns both banks', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.yellowKaifengXinxiang, velocityMps: 0.5, hours: 10 });
    expect(ids(result).sort()).toEqual(['410200', '410700']);
    for (const j of result.jurisdictions) expect(j.enter_km).toBe(0);
  });

  it('a Yellow River spill upstream (Qin confluence, Jiaozuo) warns both Zhengzhou and Xinxiang downstream', () => {
    const result = spillOrThrow('henan', { spill: [112.75, 35.1267], velocityMps: 0.5 });
    expect(result.rivers.map((r) => r.id)).toEqual(['qin', 'yellow']);
    const zhengzhou = byId(result, '410100');
    const xinxiang = byId(result, '410700');
    expect(zhengzhou?.role).toBe('affected');
    expect(xinxiang?.role).toBe('affected');
    // Both banks of one stretch: the river is the border for tens of km, warned on each side.
    const sharedKm = Math.min(zhengzhou?.exit_km ?? 0, xinxiang?.exit_km ?? 0) - Math.max(zhengzhou?.enter_km ?? 0, xinxiang?.enter_km ?? 0);
    expect(sharedKm).toBeGreaterThan(30);
    expect(xinxiang?.reenters).toBe(true);
    expect(xinxiang?.stretches_km.length).toBeGreaterThan(1);
  });

  it('with no bank distance a border river warns one bank at a time', () => {
    const withBanks = spillOrThrow('henan', { spill: SPILLS.yellowZhengzhouXinxiang, velocityMps: 0.5, hours: 10 });
    const lineOnly = spillOrThrow('henan', { spill: SPILLS.yellowZhengzhouXinxiang, velocityMps: 0.5, hours: 10, bankKm: 0 });
    expect(withBanks.bank_km).toBe(DEFAULT_BANK_KM);
    const enters = lineOnly.jurisdictions.map((j) => j.enter_km);
    expect(enters[0]).toBe(0);
    // The centerline wanders across the border: the other bank is reached only where it does.
    expect(enters[1]).toBeGreaterThan(0);
  });

  it('Animas at Durango continues into the San Juan: San Juan County NM, then San Juan County UT', () => {
    const result = spillOrThrow('us-four-corners', { spill: SPILLS.animasDurango, velocityMps: 0.5 });
    expect(result.river.id).toBe('animas');
    expect(result.rivers.map((r) => r.id).slice(0, 2)).toEqual(['animas', 'san-juan']);
    expect(result.jurisdictions[0]).toMatchObject({ id: '08067', role: 'origin' });
    const order = ids(result);
    expect(order.indexOf('35045')).toBeGreaterThan(0);
    expect(order.indexOf('49037')).toBeGreaterThan(order.indexOf('35045'));
    // The San Juan leg starts at the confluence, after the Animas reaches New Mexico.
    const sanJuanLeg = result.rivers[1];
    expect(byId(result, '35045')?.enter_km).toBeLessThan(sanJuanLeg?.from_km ?? 0);
    expect(byId(result, '49037')?.enter_km).toBeGreaterThan(sanJuanLeg?.from_km ?? Infinity);
  });

  it('the Dan continues into the Han (and the Han into the Yangtze)', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.danShangluo, velocityMps: 0.5 });
    expect(result.rivers.map((r) => r.id)).toEqual(['dan', 'han', 'yangtze']);
    expect(ids(result)).toContain('420600');
    expect(byId(result, '420600')?.enter_km).toBeGreaterThan(result.rivers[1]?.from_km ?? Infinity);
  });

  it('--hours limits the reach to hours × velocity and keeps only what it reaches', () => {
    const full = spillOrThrow('henan', { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.5 });
    const day = spillOrThrow('henan', { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.5, hours: 48 });
    expect(day.reach_km).toBeCloseTo(computeReachKm(48, 0.5), 9);
    expect(day.reach_km).toBeCloseTo(86.4, 9);
    expect(day.reach_end).toBe('distance-limit');
    expect(ids(day)).toContain('411100');
    expect(ids(day)).not.toContain('411600');
    expect(ids(day)).not.toContain('341200');
    for (const j of day.jurisdictions) {
      expect(j.enter_km).toBeLessThanOrEqual(day.reach_km);
      expect(j.enter_km).toBeCloseTo(byId(full, j.id)?.enter_km ?? NaN, 6);
    }
  });

  it('jurisdictions only upstream of the spill are never on the path', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.shaYingZhoukou, velocityMps: 0.5 });
    expect(result.jurisdictions[0]?.id).toBe('411600');
    expect(ids(result)).not.toContain('410400');
    expect(ids(result)).not.toContain('411100');
    expect(ids(result)).toContain('341200');
  });

  it('a spill just below a border does not warn the city upstream of it (issue 3)', () => {
    // 0.5 km below the Pingdingshan / Luohe border, and 1.5 km into Fuyang below Zhoukou: both
    // upstream cities lie within the 2 km bank distance of the spill, behind it.
    const luohe = spillOrThrow('henan', { spill: [113.580473, 33.688739], velocityMps: 0.5, hours: 24 });
    expect(luohe.jurisdictions[0]).toMatchObject({ id: '411100', role: 'origin', enter_km: 0 });
    expect(ids(luohe)).not.toContain('410400');
    const fuyang = spillOrThrow('henan', { spill: [115.345173, 33.251477], velocityMps: 0.5, hours: 24 });
    expect(fuyang.jurisdictions[0]).toMatchObject({ id: '341200', role: 'origin', enter_km: 0 });
    expect(ids(fuyang)).not.toContain('411600');
  });

  it('the footprint is the reach buffered width km each side, around the snapped point', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.5, hours: 48, footprintWidthKm: 1.5 });
    const { footprint } = result;
    expect(footprint.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(footprint.geometry.type);
    expect(booleanPointInPolygon(result.snapped, footprint)).toBe(true);
    expect(booleanValid(footprint)).toBe(true);
    // A 86.4 km reach, 3 km wide: close to 259 km² (plus the end caps, minus the inside of bends).
    const km2 = area(footprint) / 1e6;
    expect(km2).toBeGreaterThan(86.4 * 3 * 0.85);
    expect(km2).toBeLessThan(86.4 * 3 + Math.PI * 1.5 ** 2 + 5);
    // Overlaps come from the shared matcher and add up to the footprint.
    const total = result.jurisdictions.reduce((sum, j) => sum + j.overlap_km2, 0);
    expect(total).toBeCloseTo(km2, 0);
  });

  it('the origin is the jurisdiction holding the spill as reported', () => {
    const result = spillOrThrow('henan', { spill: SPILLS.yellowZhengzhouXinxiang, velocityMps: 0.5, hours: 10 });
    expect(result.jurisdictions.filter((j) => j.role === 'origin')).toHaveLength(1);
    expect(result.jurisdictions[0]?.role).toBe('origin');
  });

  it('a spill on a border gets the origin matchJurisdictions gives the same footprint and point', () => {
    const region = preparedRegion('henan');
    const sha = region.network.rivers.get('sha-ying');
    if (!sha) throw new Error('no sha-ying');
    const whole = traceDownstream(region.network, { riverId: 'sha-ying', riverKm: 0, position: sha.coordinates[0] ?? [], offsetKm: 0 });
    // Where the river line crosses each border (bank 0), and a few metres either side of it.
    const crossings = findReachJurisdictions(whole, region.edges, 0)
      .filter((hit) => hit.enterKm > 0)
      .map((hit) => hit.enterKm);
    expect(crossings.length).toBeGreaterThan(2);
    let compared = 0;
    for (const km of crossings) {
      for (const offsetKm of [-0.003, 0, 0.003]) {
        const spill = interpolateAtKm(whole.coordinates, whole.vertexKm, km + offsetKm).position;
        const result = spillOrThrow('henan', { spill, velocityMps: 0.5, hours: 5 });
        const matched = matchJurisdictions(result.footprint, region.jurisdictions, { advisoryKm: 0, sourcePoint: spill });
        const matchOrigin = matched.jurisdictions.find((j) => j.role === 'origin')?.id;
        if (matchOrigin === undefined) continue;
        expect(result.jurisdictions.find((j) => j.role === 'origin')?.id, `${km + offsetKm} km`).toBe(matchOrigin);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(crossings.length);
  });

  it('bad input returns a reason instead of throwing', () => {
    const region = preparedRegion('henan');
    const base = { spill: SPILLS.shaYingPingdingshan, velocityMps: 0.5 };
    const reasonOf = (input: RiverSpillInput) => {
      const result = traceRiverSpill(region, input);
      return result.valid ? 'valid' : result.reason;
    };
    expect(reasonOf({ ...base, spill: [Number.NaN, 33] })).toBe('spill-point-not-finite');
    expect(reasonOf({ ...base, spill: [33.74, 113] })).toBe('spill-point-out-of-range');
    expect(reasonOf({ ...base, spill: [113.3, 34.6] })).toBe('no-river-within-tolerance');
    expect(reasonOf({ ...base, velocityMps: 0 })).toBe('velocity-not-positive');
    expect(reasonOf({ ...base, velocityMps: -1 })).toBe('velocity-not-positive');
    expect(reasonOf({ ...base, velocityMps: Number.NaN })).toBe('velocity-not-positive');
    expect(reasonOf({ ...base, velocityMps: 50 })).toBe('velocity-out-of-range');
    expect(reasonOf({ ...base, hours: 0 })).toBe('hours-not-positive');
    expect(reasonOf({ ...base, bankKm: -1 })).toBe('bank-km-negative');
    expect(reasonOf({ ...base, footprintWidthKm: 0 })).toBe('footprint-width-not-positive');
    expect(reasonOf({ ...base, snapToleranceKm: -2 })).toBe('snap-tolerance-not-positive');
  });
});

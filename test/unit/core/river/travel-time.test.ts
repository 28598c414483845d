import { describe, expect, it } from 'vitest';
import {
  computeLeadArrivalHours,
  computePeakArrivalHoursAlong,
  computeReachKm,
  computeReachKmAlong,
  traceRiverSpill,
  type VelocityLeg,
} from '../../../../src/core/river/index.ts';
import { computeTravelHours } from '../../../../src/core/hazard/wind.ts';
import { preparedRegion, SPILLS } from './prepared-regions.ts';

describe('travel time', () => {
  it('km → m and s → h: 90 km at 0.5 m/s is 50 h; the leading edge 44.5 h', () => {
    expect(computeTravelHours(90, 0.5)).toBeCloseTo(50, 12);
    expect(computeLeadArrivalHours(50)).toBeCloseTo(44.5, 12);
    expect(computeReachKm(50, 0.5)).toBeCloseTo(90, 12);
  });

  it('with a velocity per leg, hours add up leg by leg and the reach inverts them', () => {
    const legs: VelocityLeg[] = [
      { startKm: 0, endKm: 36, velocityMps: 0.5 },
      { startKm: 36, endKm: 108, velocityMps: 1 },
    ];
    expect(computePeakArrivalHoursAlong(legs, 36)).toBeCloseTo(20, 12);
    expect(computePeakArrivalHoursAlong(legs, 72)).toBeCloseTo(30, 12);
    // Past the last leg's end the last velocity holds.
    expect(computePeakArrivalHoursAlong(legs, 144)).toBeCloseTo(50, 12);
    expect(computeReachKmAlong(legs, 30)).toBeCloseTo(72, 12);
    expect(computeReachKmAlong(legs, 10)).toBeCloseTo(18, 12);
  });

  it('a faster Han: the Dan at 0.5 m/s, then the Han at 1 m/s', () => {
    const input = { spill: SPILLS.danShangluo, velocityMps: 0.5, velocityByRiverMps: { han: 1 }, hours: 150 };
    const result = traceRiverSpill(preparedRegion('henan'), input);
    if (!result.valid) throw new Error(result.reason);
    const [dan, han] = result.value.rivers;
    expect(dan).toMatchObject({ id: 'dan', velocity_mps: 0.5 });
    expect(han).toMatchObject({ id: 'han', velocity_mps: 1 });
    const danKm = dan?.to_km ?? NaN;
    const danHours = computeTravelHours(danKm, 0.5);
    expect(result.value.reach_km).toBeCloseTo(danKm + computeReachKm(150 - danHours, 1), 6);
    const xiangyang = result.value.jurisdictions.find((j) => j.id === '420600');
    expect(xiangyang?.arrival_h_peak).toBeCloseTo(danHours + computeTravelHours((xiangyang?.enter_km ?? NaN) - danKm, 1), 9);
    expect(traceRiverSpill(preparedRegion('henan'), { ...input, velocityByRiverMps: { han: 0 } })).toEqual({ valid: false, reason: 'velocity-not-positive' });
  });
});

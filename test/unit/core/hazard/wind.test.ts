import { describe, expect, it } from 'vitest';
import { computeTravelDistanceKm, computeTravelHours, normaliseBearing, toDownwindBearing, validateWind } from '../../../../src/core/hazard/wind.ts';

describe('toDownwindBearing', () => {
  it.each([
    [0, 180],
    [360, 180],
    [90, 270],
    [180, 0],
    [270, 90],
    [45, 225],
    [359.5, 179.5],
    [200, 20],
  ])('wind from %d° travels towards %d°', (fromDeg, expected) => {
    expect(toDownwindBearing(fromDeg)).toBeCloseTo(expected, 12);
  });

  it('never answers -0 or 360', () => {
    expect(Object.is(toDownwindBearing(180), 0)).toBe(true);
    expect(normaliseBearing(-360)).toBe(0);
    expect(normaliseBearing(720)).toBe(0);
    expect(normaliseBearing(-90)).toBe(270);
  });

  it('throws on a non-finite direction: callers validate first', () => {
    expect(() => toDownwindBearing(Number.NaN)).toThrow(RangeError);
  });
});

describe('validateWind', () => {
  it('accepts 0 and 360 as north and a light breeze', () => {
    expect(validateWind(0, 0.5)).toEqual({ valid: true, value: { fromDeg: 0, speedMps: 0.5 } });
    expect(validateWind(360, 3).valid).toBe(true);
  });

  it.each([
    [Number.NaN, 3, 'wind-from-not-finite'],
    [-1, 3, 'wind-from-out-of-range'],
    [360.5, 3, 'wind-from-out-of-range'],
    [90, Number.POSITIVE_INFINITY, 'wind-speed-not-finite'],
    [90, 0, 'wind-speed-not-positive'],
    [90, -2, 'wind-speed-not-positive'],
  ])('from %d° at %d m/s → %s', (fromDeg, speedMps, reason) => {
    expect(validateWind(fromDeg, speedMps)).toEqual({ valid: false, reason });
  });
});

describe('travel distance and time', () => {
  it('5 m/s for 2 h is 36 km (3.6 · u · T), and 36 km at 5 m/s takes 2 h', () => {
    expect(computeTravelDistanceKm(5, 2)).toBeCloseTo(36, 12);
    expect(computeTravelHours(36, 5)).toBeCloseTo(2, 12);
    expect(computeTravelHours(9, 5)).toBeCloseTo(0.5, 12);
  });

  it('refuses to divide by a calm', () => {
    expect(() => computeTravelHours(10, 0)).toThrow(RangeError);
  });
});

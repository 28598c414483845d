import { describe, expect, it } from 'vitest';
import {
  computeCentrelineConcentration,
  computeGroundConcentration,
  computeHalfWidthM,
  validatePlumeRelease,
  validateReceptor,
  type PlumeRelease,
} from '../../../../src/core/hazard/gaussian-plume.ts';

describe('computeGroundConcentration', () => {
  it('a ground release on the centreline, worked by hand', () => {
    /*
     * Q = 100 g/s, u = 5 m/s, H = 0, class C, x = 1 km, y = 0.
     * σy = 465.116 · 1 · tan(12.5° − 1.0857 · ln 1) = 465.116 · tan 12.5° = 465.116 · 0.221695 = 103.114 m
     * σz = 61.141 · 1^0.91465 = 61.141 m
     * C  = Q / (π u σy σz) = 100 / (3.141593 · 5 · 103.114 · 61.141) = 100 / 99 030.5 = 1.00979e-3 g/m³
     */
    const release: PlumeRelease = { emissionGPerS: 100, speedMps: 5, releaseHeightM: 0, stability: 'C' };
    const result = computeGroundConcentration(release, 1);
    expect(result.sigmaYM).toBeCloseTo(103.114, 3);
    expect(result.sigmaZM).toBeCloseTo(61.141, 9);
    expect(result.concentrationGM3 / 1.00979e-3).toBeCloseTo(1, 5);
  });

  it('the same release 50 m up: the centreline value falls by exp(−H² / 2σz²)', () => {
    // exp(−2500 / (2 · 61.141²)) = exp(−0.334382) = 0.715779, so C = 1.00979e-3 · 0.715779 = 7.22787e-4 g/m³.
    const release: PlumeRelease = { emissionGPerS: 100, speedMps: 5, releaseHeightM: 50, stability: 'C' };
    expect(computeCentrelineConcentration(release, 1) / 7.22787e-4).toBeCloseTo(1, 5);
  });

  it('one σy off the axis the value is exp(−1/2) of the centreline', () => {
    const release: PlumeRelease = { emissionGPerS: 100, speedMps: 5, releaseHeightM: 0, stability: 'C' };
    const { sigmaYM, concentrationGM3: centreline } = computeGroundConcentration(release, 1);
    expect(computeGroundConcentration(release, 1, sigmaYM).concentrationGM3 / centreline).toBeCloseTo(Math.exp(-0.5), 12);
    expect(computeGroundConcentration(release, 1, -sigmaYM).concentrationGM3 / centreline).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it("reproduces Boubel et al.'s worked example (Fundamentals of Air Pollution, 3rd ed., §19.III.D)", () => {
    // 0.37 g/s at an effective height of 40 m, wind 2 m/s, class B; the book prints χ at three distances.
    const release: PlumeRelease = { emissionGPerS: 0.37, speedMps: 2, releaseHeightM: 40, stability: 'B' };
    for (const [distanceKm, printed] of [
      [0.26, 1.53e-5],
      [0.28, 1.56e-5],
      [0.3, 1.55e-5],
    ] as const) {
      expect(computeGroundConcentration(release, distanceKm).concentrationGM3).toBeCloseTo(printed, 7);
    }
  });

  it('a two-letter cell uses averaged σ values, not an averaged concentration', () => {
    const release: PlumeRelease = { emissionGPerS: 10, speedMps: 3, releaseHeightM: 0, stability: 'B-C' };
    const { sigmaYM, sigmaZM, concentrationGM3 } = computeGroundConcentration(release, 2);
    expect(concentrationGM3).toBeCloseTo(10 / (Math.PI * 3 * sigmaYM * sigmaZM), 15);
  });
});

describe('computeHalfWidthM', () => {
  const release: PlumeRelease = { emissionGPerS: 100, speedMps: 5, releaseHeightM: 0, stability: 'D' };

  it('at the half-width the concentration equals the level', () => {
    const level = 1e-4;
    const halfWidthM = computeHalfWidthM(release, 2, level);
    expect(halfWidthM).toBeGreaterThan(0);
    expect(computeGroundConcentration(release, 2, halfWidthM).concentrationGM3 / level).toBeCloseTo(1, 9);
  });

  it('is 0 where the centreline is below the level', () => {
    const centreline = computeCentrelineConcentration(release, 2);
    expect(computeHalfWidthM(release, 2, centreline * 1.01)).toBe(0);
  });

  it('throws on a level that skipped validation', () => {
    expect(() => computeHalfWidthM(release, 2, 0)).toThrow(RangeError);
  });
});

describe('validation', () => {
  const good: PlumeRelease = { emissionGPerS: 1, speedMps: 2, releaseHeightM: 0, stability: 'D' };
  it.each([
    [{ emissionGPerS: Number.NaN }, 'emission-not-finite'],
    [{ emissionGPerS: 0 }, 'emission-not-positive'],
    [{ speedMps: Number.NaN }, 'wind-speed-not-finite'],
    [{ speedMps: 0 }, 'wind-speed-not-positive'],
    [{ releaseHeightM: Number.POSITIVE_INFINITY }, 'release-height-not-finite'],
    [{ releaseHeightM: -1 }, 'release-height-negative'],
  ] as [Partial<PlumeRelease>, string][])('%j → %s', (change, reason) => {
    expect(validatePlumeRelease({ ...good, ...change })).toEqual({ valid: false, reason });
  });

  it('accepts a good release and receptor', () => {
    expect(validatePlumeRelease(good)).toEqual({ valid: true, value: good });
    expect(validateReceptor(1, -20)).toEqual({ valid: true, value: { downwindKm: 1, crosswindM: -20 } });
  });

  it.each([
    [0, 0, 'distance-not-positive'],
    [101, 0, 'distance-beyond-model-range'],
    [1, Number.NaN, 'crosswind-not-finite'],
  ])('receptor at %d km, %d m → %s', (downwindKm, crosswindM, reason) => {
    expect(validateReceptor(downwindKm, crosswindM)).toEqual({ valid: false, reason });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDispersion,
  computeSigmaYM,
  computeSigmaZM,
  MAX_DOWNWIND_KM,
  SIGMA_Z_CEILING_M,
  validateDownwindKm,
} from '../../../../src/core/hazard/dispersion.ts';
import { parseStabilityCell, STABILITY_CLASSES, type StabilityClass } from '../../../../src/core/hazard/stability-class.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';

describe('σz against the values printed in Boubel et al., Fundamentals of Air Pollution, 3rd ed.', () => {
  // Table 19-5's last column: σz (m, to 0.1 m) at the far end of each distance segment.
  it.each([
    ['A', 0.1, 14.0],
    ['A', 0.15, 21.4],
    ['A', 0.2, 29.3],
    ['A', 0.25, 37.7],
    ['A', 0.3, 47.4],
    ['A', 0.4, 71.2],
    ['A', 0.5, 104.7],
    ['B', 0.2, 20.2],
    ['B', 0.4, 40.0],
    ['D', 0.3, 12.1],
    ['D', 1, 32.1],
    ['D', 3, 65.1],
    ['D', 10, 134.9],
    ['D', 30, 251.2],
    ['E', 20, 109.3],
    ['E', 40, 141.9],
  ] as [StabilityClass, number, number][])('class %s at %d km: σz = %d m', (stabilityClass, distanceKm, printedM) => {
    // Half the printed rounding step, plus the 0.05 % by which neighbouring fits differ at a join.
    expect(Math.abs(computeSigmaZM(stabilityClass, distanceKm) - printedM)).toBeLessThanOrEqual(0.05 + printedM * 0.0005);
  });

  // The book's worked example (§19.III.D, its table after Table 19-6): class B at 0.26, 0.28, 0.30 km.
  it.each([
    [0.26, 45.9, 26.2],
    [0.28, 49.0, 28.2],
    [0.3, 52.2, 30.1],
  ])('class B at %d km: σy = %d m, σz = %d m', (distanceKm, sigmaYM, sigmaZM) => {
    const result = computeDispersion('B', distanceKm);
    expect(result.sigmaYM).toBeCloseTo(sigmaYM, 1);
    expect(result.sigmaZM).toBeCloseTo(sigmaZM, 1);
  });
});

describe('σy and σz at 1 km and 10 km for every class', () => {
  /**
   * US EPA, User's Guide for the Industrial Source Complex (ISC3) Dispersion Models, vol. II
   * (EPA-454/B-95-003b, 1995), eqs. 1-34 and 1-35 with tables 1-1 and 1-2: the analytic form of
   * the Pasquill-Gifford curves of Turner's Workbook of Atmospheric Dispersion Estimates (1970).
   * At 1 km, ln x = 0, so σy = 465.116 · tan(c) and σz = a of the segment holding 1 km: the table's
   * own numbers. At 10 km, by hand: θ = c − 2.302585 · d, σy = 4651.16 · tan θ, σz = a · 10^b
   * (A is past 3.11 km, hence the 5000 m ceiling).
   */
  it.each([
    ['A', 1, 208.71, 453.85],
    ['B', 1, 154.12, 109.3],
    ['C', 1, 103.11, 61.141],
    ['D', 1, 68.13, 32.093],
    ['E', 1, 50.94, 21.628],
    ['F', 1, 33.88, 13.953],
    ['A', 10, 1541.25, 5000],
    ['B', 10, 1174.01, 1366.85],
    ['C', 10, 820.13, 502.32],
    ['D', 10, 543.64, 134.89],
    ['E', 10, 406.92, 79.07],
    ['F', 10, 270.9, 46.38],
  ] as [StabilityClass, number, number, number][])('class %s at %d km: σy ≈ %d m, σz ≈ %d m', (stabilityClass, distanceKm, sigmaYM, sigmaZM) => {
    const result = computeDispersion(stabilityClass, distanceKm);
    expect(result.sigmaYM).toBeCloseTo(sigmaYM, 1);
    expect(result.sigmaZM).toBeCloseTo(sigmaZM, 1);
  });
});

describe('two-letter cells average the two classes (the table rule)', () => {
  it.each([
    ['A-B', 'A', 'B'],
    ['B-C', 'B', 'C'],
    ['C-D', 'C', 'D'],
  ] as const)('%s is the mean of %s and %s', (cell, first, second) => {
    for (const distanceKm of [0.05, 0.3, 1, 5, 20]) {
      expect(computeSigmaYM(cell, distanceKm)).toBeCloseTo((computeSigmaYM(first, distanceKm) + computeSigmaYM(second, distanceKm)) / 2, 9);
      expect(computeSigmaZM(cell, distanceKm)).toBeCloseTo((computeSigmaZM(first, distanceKm) + computeSigmaZM(second, distanceKm)) / 2, 9);
    }
  });

  it('A-B at 1 km: (453.85 + 109.30) / 2 = 281.575 m for σz', () => {
    expect(computeSigmaZM('A-B', 1)).toBeCloseTo(281.575, 9);
  });
});

describe('σz segments join up (the cross-check of the E and F rows)', () => {
  // Every breakpoint of DESIGN.md's σz table; the fits describe one curve, so they must meet.
  const BREAKPOINTS_KM: Record<StabilityClass, number[]> = {
    A: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5],
    B: [0.2, 0.4],
    C: [],
    D: [0.3, 1, 3, 10, 30],
    E: [0.1, 0.3, 1, 2, 4, 10, 20, 40],
    F: [0.2, 0.7, 1, 2, 3, 7, 15, 30, 60],
  };
  for (const stabilityClass of STABILITY_CLASSES) {
    for (const breakKm of BREAKPOINTS_KM[stabilityClass]) {
      it(`class ${stabilityClass} at ${breakKm} km: no step above 0.05 %`, () => {
        const before = computeSigmaZM(stabilityClass, breakKm * (1 - 1e-12));
        const after = computeSigmaZM(stabilityClass, breakKm);
        expect(Math.abs(after - before) / before).toBeLessThan(0.0005);
      });
    }
  }
});

describe('the 5000 m ceiling', () => {
  it('holds for A beyond 3.11 km and B beyond 35 km, and is reached without a step down', () => {
    expect(computeSigmaZM('A', 3.2)).toBe(SIGMA_Z_CEILING_M);
    expect(computeSigmaZM('A', 3.11)).toBe(SIGMA_Z_CEILING_M);
    expect(computeSigmaZM('B', 36)).toBe(SIGMA_Z_CEILING_M);
    // B's fit passes 5000 m near 32.6 km, before its 35 km breakpoint.
    expect(computeSigmaZM('B', 34)).toBe(SIGMA_Z_CEILING_M);
    expect(computeSigmaZM('B', 32)).toBeLessThan(SIGMA_Z_CEILING_M);
  });

  it('σy and σz never shrink downwind, for any class, between 10 m and 100 km', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STABILITY_CLASSES, 'A-B' as const, 'B-C' as const, 'C-D' as const),
        fc.double({ min: 0.01, max: MAX_DOWNWIND_KM, noNaN: true }),
        fc.double({ min: 1.001, max: 10, noNaN: true }),
        (cell, nearKm, factor) => {
          const farKm = Math.min(nearKm * factor, MAX_DOWNWIND_KM);
          // σz gets 0.05 % of slack for the tiny steps at segment joins; σy is smooth (rounding only).
          expect(computeSigmaYM(cell, farKm)).toBeGreaterThanOrEqual(computeSigmaYM(cell, nearKm) * (1 - 1e-12));
          expect(computeSigmaZM(cell, farKm)).toBeGreaterThanOrEqual(computeSigmaZM(cell, nearKm) * (1 - 0.0005));
        },
      ),
    );
  });
});

describe('distances', () => {
  it.each([
    [Number.NaN, 'distance-not-finite'],
    [Number.POSITIVE_INFINITY, 'distance-not-finite'],
    [0, 'distance-not-positive'],
    [-1, 'distance-not-positive'],
    [100.001, 'distance-beyond-model-range'],
  ])('%d km → %s', (distanceKm, reason) => {
    expect(validateDownwindKm(distanceKm)).toEqual({ valid: false, reason });
  });

  it('accepts up to 100 km', () => {
    expect(validateDownwindKm(100)).toEqual({ valid: true, value: 100 });
  });

  it('throws on a distance that skipped validation: a broken invariant', () => {
    expect(() => computeSigmaYM('D', 0)).toThrow(RangeError);
    expect(() => computeSigmaZM('D', -1)).toThrow(RangeError);
    expect(() => computeSigmaZM('D', Number.NaN)).toThrow(RangeError);
  });
});

describe('computeDispersion: golden fixtures (test/fixtures/compute-dispersion)', () => {
  for (const fixture of listFixtureCases('compute-dispersion')) {
    it(fixture.name, () => {
      const input = fixture.input as { cells: string[]; distances_km: number[] };
      const rows = input.cells.flatMap((text) => {
        const cell = parseStabilityCell(text);
        if (!cell.valid) throw new Error(`bad fixture class ${text}`);
        return input.distances_km.map((distanceKm) => {
          const { sigmaYM, sigmaZM } = computeDispersion(cell.value, distanceKm);
          return { class: cell.value, x_km: distanceKm, sigma_y_m: sigmaYM, sigma_z_m: sigmaZM };
        });
      });
      const actual = roundNumbers({ input, rows });
      expect(actual).toEqual(readExpected(fixture, actual));
    });
  }
});

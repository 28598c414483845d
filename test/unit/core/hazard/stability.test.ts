import { describe, expect, it } from 'vitest';
import { classifyStability, type SkyCondition } from '../../../../src/core/hazard/stability.ts';

/**
 * Pasquill's table as printed in Boubel et al., Fundamentals of Air Pollution, 3rd ed., Table 19-3
 * (DESIGN.md §4). Each row is checked at several speeds inside its bin, including both ends:
 * bins are half-open [lower, upper), so a speed exactly on a boundary belongs to the windier row.
 */
const STRONG: SkyCondition = { period: 'day', insolation: 'strong' };
const MODERATE: SkyCondition = { period: 'day', insolation: 'moderate' };
const SLIGHT: SkyCondition = { period: 'day', insolation: 'slight' };
const NIGHT_CLOUDY: SkyCondition = { period: 'night', cloudEighths: 4 };
const NIGHT_CLEAR: SkyCondition = { period: 'night', cloudEighths: 3 };

const ROWS: { bin: string; speedsMps: number[]; cells: [string, string, string, string | null, string | null] }[] = [
  { bin: '< 2', speedsMps: [0, 0.5, 1.99, 1.999999], cells: ['A', 'A-B', 'B', null, null] },
  { bin: '2–3', speedsMps: [2, 2.5, 2.99], cells: ['A-B', 'B', 'C', 'E', 'F'] },
  { bin: '3–5', speedsMps: [3, 4, 4.99], cells: ['B', 'B-C', 'C', 'D', 'E'] },
  { bin: '5–6', speedsMps: [5, 5.5, 5.99], cells: ['C', 'C-D', 'D', 'D', 'D'] },
  { bin: '> 6', speedsMps: [6, 6.01, 12, 40], cells: ['C', 'D', 'D', 'D', 'D'] },
];
const COLUMNS: [string, SkyCondition][] = [
  ['strong sun', STRONG],
  ['moderate sun', MODERATE],
  ['slight sun', SLIGHT],
  ['night, ≥ 4/8 low cloud', NIGHT_CLOUDY],
  ['night, ≤ 3/8 cloud', NIGHT_CLEAR],
];

describe('classifyStability: the table cell by cell', () => {
  for (const row of ROWS) {
    COLUMNS.forEach(([columnName, sky], column) => {
      const expected = row.cells[column] ?? null;
      for (const speedMps of row.speedsMps) {
        const label = expected ?? 'the empty cell';
        it(`${row.bin} m/s (${speedMps}), ${columnName} → ${label}`, () => {
          const result = classifyStability(speedMps, sky);
          if (expected === null) expect(result).toEqual({ valid: false, reason: 'night-calm-undefined' });
          else expect(result).toEqual({ valid: true, value: expected });
        });
      }
    });
  }
});

describe('classifyStability: boundaries', () => {
  it.each([
    [2, 'A-B', 'F'],
    [3, 'B', 'E'],
    [5, 'C', 'D'],
  ])('exactly %d m/s is read as the windier row (strong sun %s, clear night %s)', (speedMps, strong, clearNight) => {
    expect(classifyStability(speedMps, STRONG)).toEqual({ valid: true, value: strong });
    expect(classifyStability(speedMps, NIGHT_CLEAR)).toEqual({ valid: true, value: clearNight });
  });

  it('exactly 6 m/s is "> 6": moderate sun gives D, not the 5–6 row\'s C-D', () => {
    expect(classifyStability(5.999, MODERATE)).toEqual({ valid: true, value: 'C-D' });
    expect(classifyStability(6, MODERATE)).toEqual({ valid: true, value: 'D' });
  });

  it('the empty night cell is never guessed, however close to 2 m/s', () => {
    for (const cloudEighths of [0, 1, 2, 3, 4, 5, 6, 7]) {
      expect(classifyStability(1.9999, { period: 'night', cloudEighths })).toEqual({ valid: false, reason: 'night-calm-undefined' });
      expect(classifyStability(0, { period: 'night', cloudEighths })).toEqual({ valid: false, reason: 'night-calm-undefined' });
    }
  });
});

describe('classifyStability: cloud amounts and overcast', () => {
  it.each([
    [0, 'F'],
    [3, 'F'],
    [4, 'E'],
    [7, 'E'],
  ])('night at 2.5 m/s with %d/8 cloud → %s', (cloudEighths, expected) => {
    expect(classifyStability(2.5, { period: 'night', cloudEighths })).toEqual({ valid: true, value: expected });
  });

  it('overcast is D whatever the wind, day or night, even in a calm', () => {
    for (const speedMps of [0, 1, 2, 2.5, 4, 5.5, 10]) {
      expect(classifyStability(speedMps, { period: 'overcast' })).toEqual({ valid: true, value: 'D' });
    }
  });

  it('8/8 cloud at night is an overcast sky, so D, also below 2 m/s', () => {
    expect(classifyStability(1, { period: 'night', cloudEighths: 8 })).toEqual({ valid: true, value: 'D' });
    expect(classifyStability(2.5, { period: 'night', cloudEighths: 8 })).toEqual({ valid: true, value: 'D' });
  });
});

describe('classifyStability: bad input', () => {
  it.each([
    [Number.NaN, STRONG, 'wind-speed-not-finite'],
    [Number.POSITIVE_INFINITY, STRONG, 'wind-speed-not-finite'],
    [-0.1, STRONG, 'wind-speed-negative'],
    [3, { period: 'night', cloudEighths: 9 }, 'night-cloud-out-of-range'],
    [3, { period: 'night', cloudEighths: -1 }, 'night-cloud-out-of-range'],
    [3, { period: 'night', cloudEighths: 2.5 }, 'night-cloud-not-integer'],
    [3, { period: 'day', insolation: 'blazing' } as unknown as SkyCondition, 'insolation-unknown'],
  ] as [number, SkyCondition, string][])('%d m/s with %j → %s', (speedMps, sky, reason) => {
    expect(classifyStability(speedMps, sky)).toEqual({ valid: false, reason });
  });
});

import { area } from '@turf/area';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import fc from 'fast-check';
import type { Feature, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildGaussianFootprint,
  type GaussianFootprintInput,
  type GaussianFootprintProps,
} from '../../../../src/core/hazard/gaussian-footprint.ts';
import { computeGroundConcentration } from '../../../../src/core/hazard/gaussian-plume.ts';
import { parseStabilityCell, STABILITY_CLASSES } from '../../../../src/core/hazard/stability-class.ts';
import { computeTravelDistanceKm } from '../../../../src/core/hazard/wind.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';

interface FootprintFixtureProps {
  wind_from_deg: number;
  wind_speed_mps: number;
  stability_class: string;
  emission_g_s: number;
  release_height_m: number;
  level_of_concern_g_m3: number;
  hours?: number;
}

function inputFromFixture(feature: Feature<Point, FootprintFixtureProps>): GaussianFootprintInput {
  const props = feature.properties;
  const cell = parseStabilityCell(props.stability_class);
  if (!cell.valid) throw new Error(`bad fixture class ${props.stability_class}`);
  const [lon, lat] = feature.geometry.coordinates as [number, number];
  return {
    source: [lon, lat],
    windFromDeg: props.wind_from_deg,
    speedMps: props.wind_speed_mps,
    stability: cell.value,
    emissionGPerS: props.emission_g_s,
    releaseHeightM: props.release_height_m,
    levelOfConcernGM3: props.level_of_concern_g_m3,
    ...(props.hours === undefined ? {} : { maxDistanceKm: computeTravelDistanceKm(props.wind_speed_mps, props.hours) }),
  };
}

function footprintOf(input: GaussianFootprintInput): Feature<Polygon, GaussianFootprintProps> | null {
  const result = buildGaussianFootprint(input);
  if (!result.valid) throw new Error(`unexpected rejection: ${result.reason}`);
  return result.value;
}

/** Twice the signed area in lon/lat: positive for a counter-clockwise ring. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

describe('buildGaussianFootprint: golden fixtures (test/fixtures/build-gaussian-footprint)', () => {
  for (const fixture of listFixtureCases('build-gaussian-footprint')) {
    it(fixture.name, () => {
      const input = fixture.input as Feature<Point, FootprintFixtureProps>;
      const footprint = footprintOf(inputFromFixture(input));
      const actual = roundNumbers({ type: 'FeatureCollection', features: footprint ? [input, footprint] : [input] });
      expect(actual).toEqual(readExpected(fixture, actual));
      // Still a valid polygon after rounding: no tip collapses onto a repeated vertex.
      for (const feature of actual.features.slice(1)) expect(booleanValid(feature)).toBe(true);
    });
  }
});

const BASE: GaussianFootprintInput = {
  source: [113.65, 34.76],
  windFromDeg: 0,
  speedMps: 3,
  stability: 'D',
  emissionGPerS: 1000,
  releaseHeightM: 0,
  levelOfConcernGM3: 0.001,
};

describe('buildGaussianFootprint: shape', () => {
  it('wind from the north lays the footprint south of the source, starting at it for a ground release', () => {
    const footprint = footprintOf(BASE);
    expect(footprint).not.toBeNull();
    const ring = footprint?.geometry.coordinates[0] ?? [];
    expect(ring[0]).toEqual([113.65, 34.76]);
    for (const [, lat] of ring as [number, number][]) expect(lat).toBeLessThanOrEqual(34.76 + 1e-9);
    expect(footprint?.properties.downwind_bearing_deg).toBe(180);
    expect(footprint?.properties.start_km).toBe(0);
    expect(footprint?.properties.end_limited_by).toBe('level');
  });

  it('is a simple counter-clockwise ring (RFC 7946)', () => {
    for (const windFromDeg of [0, 45, 135, 270]) {
      const footprint = footprintOf({ ...BASE, windFromDeg, releaseHeightM: 20, stability: 'C-D' });
      const ring = footprint?.geometry.coordinates[0] ?? [];
      expect(ring.at(0)).toEqual(ring.at(-1));
      expect(signedArea(ring)).toBeGreaterThan(0);
      expect(kinks(footprint as Feature<Polygon>).features).toHaveLength(0);
    }
  });

  it('its far tip is where the centreline value falls to the level', () => {
    const footprint = footprintOf(BASE);
    const endKm = footprint?.properties.end_km ?? 0;
    const atEnd = computeGroundConcentration(BASE, endKm).concentrationGM3;
    expect(atEnd / BASE.levelOfConcernGM3).toBeCloseTo(1, 6);
  });

  it('an elevated release starts downwind, where the plume first reaches the ground at the level', () => {
    const footprint = footprintOf({ ...BASE, releaseHeightM: 50 });
    const startKm = footprint?.properties.start_km ?? 0;
    expect(startKm).toBeGreaterThan(0.1);
    expect(computeGroundConcentration({ ...BASE, releaseHeightM: 50 }, startKm).concentrationGM3 / BASE.levelOfConcernGM3).toBeCloseTo(1, 6);
  });

  it('is cut at the distance the air has travelled, and says so', () => {
    const footprint = footprintOf({ ...BASE, maxDistanceKm: 2 });
    expect(footprint?.properties.end_km).toBe(2);
    expect(footprint?.properties.end_limited_by).toBe('travel');
  });

  it('is cut at the 100 km model range, and says so', () => {
    const footprint = footprintOf({ ...BASE, stability: 'F', levelOfConcernGM3: 1e-7 });
    expect(footprint?.properties.end_km).toBe(100);
    expect(footprint?.properties.end_limited_by).toBe('model-range');
  });

  it('is empty (null) when nothing reaches the level', () => {
    expect(buildGaussianFootprint({ ...BASE, emissionGPerS: 1, releaseHeightM: 100, levelOfConcernGM3: 1 })).toEqual({ valid: true, value: null });
    expect(buildGaussianFootprint({ ...BASE, maxDistanceKm: 0.005, releaseHeightM: 100 })).toEqual({ valid: true, value: null });
  });
});

describe('buildGaussianFootprint: the level of concern', () => {
  it('a higher level never gives a larger footprint (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STABILITY_CLASSES, 'A-B' as const, 'B-C' as const, 'C-D' as const),
        fc.double({ min: 1, max: 10_000, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: -7, max: -1, noNaN: true }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        (stability, emissionGPerS, speedMps, releaseHeightM, logLevel, factor) => {
          const lower = { ...BASE, stability, emissionGPerS, speedMps, releaseHeightM, levelOfConcernGM3: 10 ** logLevel };
          const higher = { ...lower, levelOfConcernGM3: lower.levelOfConcernGM3 * factor };
          const wide = footprintOf(lower);
          const narrow = footprintOf(higher);
          if (wide === null) {
            expect(narrow).toBeNull();
            return;
          }
          if (narrow === null) return;
          expect(narrow.properties.end_km).toBeLessThanOrEqual(wide.properties.end_km * (1 + 1e-9));
          expect(narrow.properties.start_km).toBeGreaterThanOrEqual(wide.properties.start_km * (1 - 1e-9));
          // The outline is sampled, so allow a hair of sampling difference.
          expect(area(narrow)).toBeLessThanOrEqual(area(wide) * (1 + 1e-3));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('buildGaussianFootprint: bad input', () => {
  it.each([
    [{ source: [200, 10] }, 'source-out-of-range'],
    [{ source: [Number.NaN, 10] }, 'source-not-finite'],
    [{ windFromDeg: 400 }, 'wind-from-out-of-range'],
    [{ speedMps: 0 }, 'wind-speed-not-positive'],
    [{ emissionGPerS: -5 }, 'emission-not-positive'],
    [{ releaseHeightM: -1 }, 'release-height-negative'],
    [{ levelOfConcernGM3: 0 }, 'level-not-positive'],
    [{ levelOfConcernGM3: Number.NaN }, 'level-not-finite'],
    [{ maxDistanceKm: 0 }, 'max-distance-not-positive'],
  ] as [Partial<GaussianFootprintInput>, string][])('%j → %s', (change, reason) => {
    expect(buildGaussianFootprint({ ...BASE, ...change })).toEqual({ valid: false, reason });
  });
});

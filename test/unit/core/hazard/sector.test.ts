import { bearing } from '@turf/bearing';
import { booleanValid } from '@turf/boolean-valid';
import { distance } from '@turf/distance';
import { kinks } from '@turf/kinks';
import type { Feature, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildWindSector, type WindSectorInput, type WindSectorProps } from '../../../../src/core/hazard/sector.ts';
import { parseStabilityCell } from '../../../../src/core/hazard/stability-class.ts';
import { computeTravelHours } from '../../../../src/core/hazard/wind.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';

interface SectorFixtureProps {
  wind_from_deg: number;
  wind_speed_mps: number;
  hours: number;
  half_angle_deg?: number;
  stability_class?: string;
}

function inputFromFixture(feature: Feature<Point, SectorFixtureProps>): WindSectorInput {
  const props = feature.properties;
  const [lon, lat] = feature.geometry.coordinates as [number, number];
  const input: WindSectorInput = { source: [lon, lat], windFromDeg: props.wind_from_deg, speedMps: props.wind_speed_mps, hours: props.hours };
  if (props.half_angle_deg !== undefined) input.halfAngleDeg = props.half_angle_deg;
  if (props.stability_class !== undefined) {
    const cell = parseStabilityCell(props.stability_class);
    if (!cell.valid) throw new Error(`bad fixture class ${props.stability_class}`);
    input.stability = cell.value;
  }
  return input;
}

function sectorOf(input: WindSectorInput): Feature<Polygon, WindSectorProps> {
  const result = buildWindSector(input);
  if (!result.valid) throw new Error(`unexpected rejection: ${result.reason}`);
  return result.value;
}

/** Signed angle from `axisDeg` to `bearingDeg`, in (−180, 180]. */
function offAxisDeg(bearingDeg: number, axisDeg: number): number {
  const delta = (((bearingDeg - axisDeg) % 360) + 540) % 360 - 180;
  return delta === -180 ? 180 : delta;
}

function arcOf(sector: Feature<Polygon>): Position[] {
  // The ring is apex, arc…, apex.
  return sector.geometry.coordinates[0]?.slice(1, -1) ?? [];
}

describe('buildWindSector: golden fixtures (test/fixtures/build-wind-sector)', () => {
  for (const fixture of listFixtureCases('build-wind-sector')) {
    it(fixture.name, () => {
      const input = fixture.input as Feature<Point, SectorFixtureProps>;
      const actual = roundNumbers({ type: 'FeatureCollection', features: [input, sectorOf(inputFromFixture(input))] });
      expect(actual).toEqual(readExpected(fixture, actual));
      expect(booleanValid(actual.features[1] as Feature<Polygon>)).toBe(true);
    });
  }
});

const SOURCE: [number, number] = [113.65, 34.76];

describe('buildWindSector: geometry', () => {
  it('wind FROM the north points the sector south, with R = 3.6 · u · T and σθ of D (10°)', () => {
    const sector = sectorOf({ source: SOURCE, windFromDeg: 0, speedMps: 5, hours: 2, stability: 'D' });
    expect(sector.properties).toEqual({
      model: 'sector',
      wind_from_deg: 0,
      downwind_bearing_deg: 180,
      wind_speed_mps: 5,
      hours: 2,
      radius_km: 36,
      half_angle_deg: 10,
      half_angle_source: 'sigma-theta',
      stability_class: 'D',
    });
    const ring = sector.geometry.coordinates[0] ?? [];
    expect(ring.at(0)).toEqual(SOURCE);
    expect(ring.at(-1)).toEqual(SOURCE);
    for (const [, lat] of ring as [number, number][]) expect(lat).toBeLessThanOrEqual(SOURCE[1]);
  });

  it('every arc vertex is R from the apex, within the half-angle of the axis, the edges exactly on it', () => {
    for (const windFromDeg of [0, 90, 170, 200, 350]) {
      const sector = sectorOf({ source: SOURCE, windFromDeg, speedMps: 4, hours: 3, halfAngleDeg: 30 });
      const axisDeg = (windFromDeg + 180) % 360;
      const arc = arcOf(sector);
      const offsets = arc.map((vertex) => offAxisDeg(bearing(SOURCE, vertex), axisDeg));
      for (const vertex of arc) expect(distance(SOURCE, vertex)).toBeCloseTo(43.2, 6);
      for (const offset of offsets) expect(Math.abs(offset)).toBeLessThanOrEqual(30 + 1e-6);
      // Counter-clockwise: the arc runs from the right edge (+30°) to the left edge (−30°).
      expect(offsets.at(0)).toBeCloseTo(30, 6);
      expect(offsets.at(-1)).toBeCloseTo(-30, 6);
      expect(kinks(sector).features).toHaveLength(0);
    }
  });

  it.each([
    ['A', 25],
    ['B', 20],
    ['C', 15],
    ['D', 10],
    ['E', 5],
    ['F', 2.5],
    ['A-B', 22.5],
    ['C-D', 12.5],
  ] as const)('class %s gives a half-angle of %d° (σθ, NOAA READY)', (stability, halfAngleDeg) => {
    const sector = sectorOf({ source: SOURCE, windFromDeg: 270, speedMps: 3, hours: 1, stability });
    expect(sector.properties.half_angle_deg).toBe(halfAngleDeg);
    expect(sector.properties.half_angle_source).toBe('sigma-theta');
    // Even the narrow F sector keeps a smooth arc.
    expect(arcOf(sector).length).toBeGreaterThanOrEqual(9);
  });

  it("the user's half-angle wins over the class, and the properties say so", () => {
    const sector = sectorOf({ source: SOURCE, windFromDeg: 315, speedMps: 8, hours: 1.5, halfAngleDeg: 12, stability: 'F' });
    expect(sector.properties.half_angle_deg).toBe(12);
    expect(sector.properties.half_angle_source).toBe('user');
    expect(sector.properties.stability_class).toBe('F');
  });
});

describe('buildWindSector: arrival times along the sector', () => {
  it('air reaches the far edge after T hours and half way after T / 2', () => {
    const sector = sectorOf({ source: SOURCE, windFromDeg: 0, speedMps: 5, hours: 2, stability: 'D' });
    const farEdge = arcOf(sector)[5] as Position;
    expect(computeTravelHours(distance(SOURCE, farEdge), 5)).toBeCloseTo(2, 6);
    expect(computeTravelHours(sector.properties.radius_km / 2, 5)).toBeCloseTo(1, 12);
  });
});

describe('buildWindSector: bad input', () => {
  const good: WindSectorInput = { source: SOURCE, windFromDeg: 0, speedMps: 5, hours: 2, stability: 'D' };
  it.each([
    [{ source: [10, 95] }, 'source-out-of-range'],
    [{ windFromDeg: -10 }, 'wind-from-out-of-range'],
    [{ speedMps: 0 }, 'wind-speed-not-positive'],
    [{ hours: 0 }, 'hours-not-positive'],
    [{ hours: Number.NaN }, 'hours-not-finite'],
    [{ stability: undefined }, 'half-angle-or-class-required'],
    [{ halfAngleDeg: 0 }, 'half-angle-out-of-range'],
    [{ halfAngleDeg: 180 }, 'half-angle-out-of-range'],
    [{ halfAngleDeg: Number.NaN }, 'half-angle-out-of-range'],
    [{ speedMps: 30, hours: 24 }, 'sector-radius-too-large'],
  ] as [Partial<WindSectorInput>, string][])('%j → %s', (change, reason) => {
    expect(buildWindSector({ ...good, ...change })).toEqual({ valid: false, reason });
  });
});

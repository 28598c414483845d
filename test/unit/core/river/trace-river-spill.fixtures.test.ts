import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { traceRiverSpill } from '../../../../src/core/river/index.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';
import { preparedRegion } from './prepared-regions.ts';

interface SpillFixtureProps {
  region: string;
  velocity_mps: number;
  velocity_by_river_mps?: Record<string, number>;
  hours?: number;
  bank_km?: number;
  width_km?: number;
}

/**
 * Golden cases on the real bundles (test/fixtures/trace-river-spill): the input spill point, the
 * snapped point carrying the table of jurisdictions, the traced reach and the footprint, as one
 * FeatureCollection a GeoJSON viewer shows. Numbers are rounded as Turf's fixtures are (6 decimals;
 * km to the millimetre, hours to 4 ms), and REGEN=1 rewrites exactly this object.
 */
describe('traceRiverSpill: golden fixtures (test/fixtures/trace-river-spill)', () => {
  for (const fixture of listFixtureCases('trace-river-spill')) {
    it(fixture.name, () => {
      const input = fixture.input as Feature<Point, SpillFixtureProps>;
      const props = input.properties;
      const result = traceRiverSpill(preparedRegion(props.region), {
        spill: input.geometry.coordinates,
        velocityMps: props.velocity_mps,
        ...(props.velocity_by_river_mps === undefined ? {} : { velocityByRiverMps: props.velocity_by_river_mps }),
        ...(props.hours === undefined ? {} : { hours: props.hours }),
        ...(props.bank_km === undefined ? {} : { bankKm: props.bank_km }),
        ...(props.width_km === undefined ? {} : { footprintWidthKm: props.width_km }),
      });
      if (!result.valid) throw new Error(`unexpected rejection: ${result.reason}`);
      const { snapped, reach, footprint, ...table } = result.value;
      const actual = roundNumbers({
        type: 'FeatureCollection',
        features: [input, { type: 'Feature', properties: table, geometry: { type: 'Point', coordinates: snapped } }, reach, footprint],
      });
      expect(actual).toEqual(readExpected(fixture, actual));
    });
  }
});

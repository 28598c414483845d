import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../../helpers/golden.ts';
import { realIndex, type Dataset } from './real-regions.ts';
import { turfOverlaps } from './turf-reference.ts';

/**
 * in/<case>.geojson: the footprint Feature; properties.dataset ('cn' = cn-atlas prefectures,
 * 'us' = us-atlas counties), optional advisory_km and source ([lon, lat]).
 * out/<case>.geojson: the footprint, the source point and the match result (foreign member).
 */
type CaseFeature = Feature<Polygon | MultiPolygon, { dataset: Dataset; advisory_km?: number; source?: Position }>;

describe('matchJurisdictions golden fixtures on real boundaries', () => {
  for (const c of listFixtureCases('match-jurisdictions')) {
    test(c.name, () => {
      const footprint = c.input as CaseFeature;
      const { dataset, advisory_km: advisoryKm, source } = footprint.properties;
      const result = matchJurisdictions(footprint, realIndex(dataset), { advisoryKm, sourcePoint: source });
      const features: Feature[] = [{ ...footprint, properties: { ...footprint.properties, role: 'footprint' } }];
      if (source) features.push({ type: 'Feature', properties: { role: 'source' }, geometry: { type: 'Point', coordinates: source } });
      const actual = roundNumbers({ type: 'FeatureCollection', result, features });
      expect(actual).toEqual(readExpected(c, actual));
    });
  }
});

describe('matchJurisdictions agrees with Turf on every fixture', () => {
  for (const c of listFixtureCases('match-jurisdictions')) {
    test(c.name, () => {
      const footprint = c.input as CaseFeature;
      const index = realIndex(footprint.properties.dataset);
      const result = matchJurisdictions(footprint, index, { advisoryKm: 0, sliverKm2: 0 });
      const reference = turfOverlaps(footprint, index);
      const ours = new Map(result.jurisdictions.filter((j) => j.overlap_km2 > 0).map((j) => [j.id, j.overlap_km2]));
      // Pieces Turf keeps that are mere rounding (under 1 m²) are not crossings for either side.
      for (const [id, km2] of reference) if (km2 < 1e-6 && !ours.has(id)) reference.delete(id);
      expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [id, km2] of reference) expect(Math.abs((ours.get(id) ?? 0) - km2) / km2).toBeLessThan(1e-4);
    });
  }
});

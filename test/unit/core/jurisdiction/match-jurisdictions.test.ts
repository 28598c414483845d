import { area } from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { createJurisdictionIndex, jurisdictionAreaKm2 } from '../../../../src/core/jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import type { JurisdictionFeature } from '../../../../src/core/region/region-bundle.ts';
import { realIndex } from './real-regions.ts';

const square = (x: number, y: number, d: number): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

function jurisdiction(id: string, geometry: Polygon | MultiPolygon): JurisdictionFeature {
  return { type: 'Feature', geometry, properties: { id, name_zh: id, name_en: id, parent_id: 'p', parent_zh: 'p', parent_en: 'p', core: true, label_point: [0.5, 0.5] } };
}

/** A 2 × 1 grid of 1° cells sharing the edge x = 1, plus a cell at x = 3 (2° away from the grid). */
function grid() {
  return createJurisdictionIndex([
    jurisdiction('west', { type: 'Polygon', coordinates: [square(0, 0, 1)] }),
    jurisdiction('east', { type: 'Polygon', coordinates: [square(1, 0, 1)] }),
    jurisdiction('far', { type: 'Polygon', coordinates: [square(3, 0, 1)] }),
  ]);
}

describe('matchJurisdictions on a synthetic grid', () => {
  test('a footprint touching a shared edge from one side crosses only that side', () => {
    const m = matchJurisdictions({ type: 'Polygon', coordinates: [square(0.5, 0.25, 0.5)] }, grid(), { advisoryKm: 10 });
    expect(m.jurisdictions.map((j) => [j.id, j.role, j.distance_km])).toEqual([['west', 'affected', 0], ['east', 'advisory', 0]]);
  });

  test('a jurisdiction wholly inside the footprint counts with its whole area', () => {
    const index = grid();
    const m = matchJurisdictions({ type: 'Polygon', coordinates: [square(-0.5, -0.5, 3)] }, index, { advisoryKm: 0 });
    const west = m.jurisdictions.find((j) => j.id === 'west')!;
    expect(west.share).toBeCloseTo(1, 12);
    expect(west.overlap_km2).toBeCloseTo(area(index.features[0]!) / 1e6, 6);
  });

  test('a footprint wholly inside one jurisdiction overlaps it by its own area', () => {
    const fp: Polygon = { type: 'Polygon', coordinates: [square(0.2, 0.2, 0.3)] };
    const m = matchJurisdictions(fp, grid(), { advisoryKm: 0 });
    expect(m.jurisdictions).toHaveLength(1);
    expect(m.jurisdictions[0]!.overlap_km2).toBeCloseTo(area(fp) / 1e6, 6);
    expect(m.footprint_km2).toBeCloseTo(area(fp) / 1e6, 6);
  });

  test('a hole in the footprint is not covered', () => {
    const fp: Polygon = { type: 'Polygon', coordinates: [square(0.1, 0.1, 0.8), [...square(0.3, 0.3, 0.4)].reverse()] };
    const m = matchJurisdictions(fp, grid(), { advisoryKm: 0 });
    expect(m.jurisdictions[0]!.overlap_km2).toBeCloseTo(area(fp) / 1e6, 6);
  });

  test('overlaps under the sliver tolerance are not crossings but stay advisory', () => {
    const fp: Polygon = { type: 'Polygon', coordinates: [square(0.5, 0.25, 0.5001)] };
    const loose = matchJurisdictions(fp, grid(), { sliverKm2: 5 });
    expect(loose.jurisdictions.find((j) => j.id === 'east')).toMatchObject({ role: 'advisory', overlap_km2: 0, distance_km: 0 });
    const strict = matchJurisdictions(fp, grid(), { sliverKm2: 0 });
    expect(strict.jurisdictions.find((j) => j.id === 'east')!.role).toBe('affected');
  });

  test('advisory reaches exactly as far as advisoryKm', () => {
    // 'far' starts 1° east of 'east', about 111 km at the equator.
    const fp: Polygon = { type: 'Polygon', coordinates: [square(1.2, 0.2, 0.5)] };
    const near = matchJurisdictions(fp, grid(), { advisoryKm: 150 });
    const far = near.jurisdictions.find((j) => j.id === 'far')!;
    expect(far.role).toBe('advisory');
    expect(far.distance_km).toBeCloseTo(1.3 * 111.195, 0);
    expect(matchJurisdictions(fp, grid(), { advisoryKm: 100 }).jurisdictions.some((j) => j.id === 'far')).toBe(false);
  });

  test('the source point picks the origin; without it there is none', () => {
    const fp: Polygon = { type: 'Polygon', coordinates: [square(0.5, 0.25, 1)] };
    expect(matchJurisdictions(fp, grid()).jurisdictions.map((j) => j.role)).toEqual(['affected', 'affected']);
    const m = matchJurisdictions(fp, grid(), { sourcePoint: [1.6, 0.5] });
    expect(m.jurisdictions.map((j) => [j.id, j.role])).toEqual([['east', 'origin'], ['west', 'affected']]);
    const feature = matchJurisdictions(fp, grid(), { sourcePoint: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0.7, 0.5] } } });
    expect(feature.jurisdictions[0]!.id).toBe('west');
  });

  test('a multi-part jurisdiction sums its parts', () => {
    const index = createJurisdictionIndex([jurisdiction('islands', { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(2, 0, 1)]] })]);
    const fp: Polygon = { type: 'Polygon', coordinates: [square(0.5, 0, 2)] };
    const m = matchJurisdictions(fp, index, { advisoryKm: 0 });
    expect(m.jurisdictions[0]!.share).toBeCloseTo(0.5, 3);
  });

  test('a zero-width spike in a jurisdiction adds nothing, even along a footprint edge', () => {
    // Las Marías (us-atlas 72083) has such a spike; Turf's clipper ignores it, so must we.
    const spiky: Position[] = [[0, 0], [1, 0], [1, 0.5], [1.5, 0.5], [1, 0.5], [1, 1], [0, 1], [0, 0]];
    const index = createJurisdictionIndex([jurisdiction('spiky', { type: 'Polygon', coordinates: [spiky] })]);
    for (const fp of [square(1, 0.5, 1), square(1, -0.5, 1)]) {
      expect(matchJurisdictions({ type: 'Polygon', coordinates: [fp] }, index, { advisoryKm: 0, sliverKm2: 0 }).jurisdictions).toEqual([]);
    }
    const across = matchJurisdictions({ type: 'Polygon', coordinates: [square(0.5, 0.25, 1)] }, index, { advisoryKm: 0, sliverKm2: 0 });
    expect(across.jurisdictions[0]!.overlap_km2).toBeCloseTo(area({ type: 'Polygon', coordinates: [square(0.5, 0.25, 0.5).map((p, i) => (i === 3 || i === 2 ? [p[0]!, 1] : p))] }) / 1e6, 0);
  });

  test('an empty index matches nothing', () => {
    const m = matchJurisdictions({ type: 'Polygon', coordinates: [square(0, 0, 1)] }, createJurisdictionIndex([]));
    expect(m.jurisdictions).toEqual([]);
  });
});

describe('createJurisdictionIndex on real data', () => {
  test('indexes all 372 prefectures with Turf areas and a sliver tolerance from the data', () => {
    const index = realIndex('cn');
    expect(index.features).toHaveLength(372);
    for (let f = 0; f < index.features.length; f += 37) {
      expect(jurisdictionAreaKm2(index, f) / (area(index.features[f]!) / 1e6)).toBeCloseTo(1, 9);
    }
    // cn-atlas: a ~28 m grid and ~3.2 km long segments at the 90th percentile.
    expect(index.resolution.quantumKm).toBeGreaterThan(0.02);
    expect(index.resolution.quantumKm).toBeLessThan(0.035);
    expect(index.resolution.sliverKm2).toBeGreaterThan(0.02);
    expect(index.resolution.sliverKm2).toBeLessThan(0.08);
  });

  test('indexes all 3,231 counties', () => {
    expect(realIndex('us').features).toHaveLength(3231);
  });
});

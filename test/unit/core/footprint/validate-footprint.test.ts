import { area } from '@turf/area';
import { circle } from '@turf/circle';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ringSum } from '../../../../src/core/geometry/lonlat-area.ts';
import { readRegionBundle } from '../../../../geodata/read-bundle.ts';
import { createJurisdictionIndex } from '../../../../src/core/jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import { MAX_FOOTPRINT_KM2 } from '../../../../src/core/footprint/footprint-types.ts';
import { validateFootprint } from '../../../../src/core/footprint/validate-footprint.ts';

const ZHENGZHOU: Position = [113.625, 34.747];

describe('validateFootprint', () => {
  test('refuses more than 50,000 vertices and accepts exactly 50,000', () => {
    const over = circle(ZHENGZHOU, 20, { steps: 50_000, units: 'kilometers' });
    expect(over.geometry.coordinates[0]).toHaveLength(50_001);
    expect(validateFootprint(over)).toMatchObject({ valid: false, reason: 'too-many-vertices' });
    const limit = circle(ZHENGZHOU, 20, { steps: 49_999, units: 'kilometers' });
    expect(validateFootprint(limit).valid).toBe(true);
  });

  test('the vertex limit is an option', () => {
    expect(validateFootprint(circle(ZHENGZHOU, 5, { steps: 64 }), { maxVertices: 10 })).toMatchObject({ reason: 'too-many-vertices' });
  });

  test('a point becomes a circle of the given radius', () => {
    const r = validateFootprint({ type: 'Point', coordinates: ZHENGZHOU }, { radiusKm: 10 });
    if (!r.valid) throw new Error(r.reason);
    expect(r.footprint.properties.area_km2).toBeCloseTo(Math.PI * 100, -0.5);
    expect(r.repairs).toEqual([{ code: 'circle-from-point', count: 1 }]);
  });

  test('a feature property width wins over the option', () => {
    const line = { type: 'Feature', properties: { buffer_km: 1 }, geometry: { type: 'LineString', coordinates: [ZHENGZHOU, [113.9, 34.747]] } };
    const narrow = validateFootprint(line, { bufferKm: 5 });
    const wide = validateFootprint({ ...line, properties: {} }, { bufferKm: 5 });
    if (!narrow.valid || !wide.valid) throw new Error('expected valid');
    expect(wide.footprint.properties.area_km2).toBeGreaterThan(4 * narrow.footprint.properties.area_km2);
  });

  test('accepts GeoJSON text', () => {
    expect(validateFootprint(JSON.stringify(circle(ZHENGZHOU, 5))).valid).toBe(true);
  });

  test('a ring spanning more than 180° of longitude crosses the antimeridian: refused, not rewound into a 340° band', () => {
    const band: Polygon = { type: 'Polygon', coordinates: [[[170, 30], [-170, 30], [-170, 40], [170, 40], [170, 30]]] };
    expect(validateFootprint(band)).toMatchObject({ valid: false, reason: 'crosses-antimeridian' });
    // The same ring without its closing position, and the other way round, too.
    expect(validateFootprint({ type: 'Polygon', coordinates: [[[170, 40], [-170, 40], [-170, 30], [170, 30]]] })).toMatchObject({ reason: 'crosses-antimeridian' });
    // A circle around a point beside the antimeridian comes out past it.
    expect(validateFootprint({ type: 'Point', coordinates: [179.9, 50] }, { radiusKm: 50 })).toMatchObject({ reason: 'crosses-antimeridian' });
    // 179° wide is allowed by this rule (and refused for its area).
    expect(validateFootprint({ type: 'Polygon', coordinates: [[[0, 0], [179, 0], [179, 1], [0, 1], [0, 0]]] })).toMatchObject({ reason: 'footprint-too-large' });
  });

  test(`a footprint above ${MAX_FOOTPRINT_KM2.toLocaleString('en')} km², or the whole world, is too large`, () => {
    const world: Polygon = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] };
    expect(validateFootprint(world)).toMatchObject({ valid: false, reason: 'footprint-too-large' });
    const radiusKm = Math.sqrt(MAX_FOOTPRINT_KM2 / Math.PI);
    expect(validateFootprint({ type: 'Point', coordinates: ZHENGZHOU }, { radiusKm: radiusKm * 1.02 })).toMatchObject({ reason: 'footprint-too-large' });
    expect(validateFootprint({ type: 'Point', coordinates: ZHENGZHOU }, { radiusKm: radiusKm * 0.98 }).valid).toBe(true);
    // A whole region with its neighbours (Henan's bundle: about 414,000 km²) is well inside the cap.
    expect(MAX_FOOTPRINT_KM2).toBeGreaterThan(4 * 414_000);
  });

  test('the vertex limit is checked on what buffering and circles would make, before making it', () => {
    const points = {
      type: 'FeatureCollection',
      features: Array.from({ length: 20_000 }, (_, i) => ({
        type: 'Feature',
        properties: { radius_km: 1 },
        geometry: { type: 'Point', coordinates: [100 + (i % 200) * 0.1, 30 + Math.floor(i / 200) * 0.1] },
      })),
    };
    const refused = validateFootprint(points);
    expect(refused).toMatchObject({ valid: false, reason: 'too-many-vertices' });
    expect(refused.valid ? '' : refused.detail).toMatch(/estimated/);
    // A zigzag line: about two vertices per input vertex once buffered, plus the two round ends.
    const zigzag = Array.from({ length: 600 }, (_, i): Position => [113 + i * 0.01, 34 + (i % 2) * 0.01]);
    const line = validateFootprint({ type: 'LineString', coordinates: zigzag }, { bufferKm: 0.2, maxVertices: 1_000 });
    expect(line).toMatchObject({ valid: false, reason: 'too-many-vertices' });
    expect(line.valid ? '' : line.detail).toMatch(/estimated/);
    expect(validateFootprint({ type: 'LineString', coordinates: zigzag.slice(0, 30) }, { bufferKm: 0.2, maxVertices: 1_000 }).valid).toBe(true);
  });

  test('a region index refuses footprints that only touch or miss its jurisdictions', async () => {
    const { createJurisdictionIndex } = await import('../../../../src/core/jurisdiction/jurisdiction-index.ts');
    const square: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const index = createJurisdictionIndex([
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] }, properties: { id: 'a', name_zh: 'a', name_en: 'a', parent_id: 'p', parent_zh: 'p', parent_en: 'p', core: true, label_point: [0.5, 0.5] } },
    ]);
    const region = { bbox: [-1, -1, 3, 3] as [number, number, number, number], index };
    const touching: Polygon = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
    expect(validateFootprint(touching, { region })).toMatchObject({ valid: false, reason: 'outside-region' });
    const crossing: Polygon = { type: 'Polygon', coordinates: [[[0.5, 0], [2, 0], [2, 1], [0.5, 1], [0.5, 0]]] };
    expect(validateFootprint(crossing, { region }).valid).toBe(true);
  });
});

describe('validateFootprint region check', () => {
  test('stops at the first overlap yet answers as a full match would: inside exactly when some jurisdiction is overlapped', () => {
    const bundle = readRegionBundle('henan');
    const index = createJurisdictionIndex(bundle.jurisdictions.features);
    const region = { bbox: index.bbox, index };
    const [w, s, e, n] = index.bbox;
    fc.assert(
      fc.property(
        fc.double({ min: w - 1, max: e + 1, noNaN: true }),
        fc.double({ min: s - 1, max: n + 1, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        (x, y, radiusKm) => {
          const footprint = circle([x, y], radiusKm, { steps: 32, units: 'kilometers' });
          const full = matchJurisdictions(footprint, index, { advisoryKm: 0, sliverKm2: 0 }).jurisdictions.some((j) => j.overlap_km2 > 0);
          const result = validateFootprint(footprint, { region });
          expect(result.valid ? 'inside' : result.reason).toBe(full ? 'inside' : 'outside-region');
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});

/** Star-shaped rings (sorted angles, random radii) are simple by construction. */
const starRing = fc
  .record({
    cx: fc.double({ min: -170, max: 170, noNaN: true }),
    cy: fc.double({ min: -70, max: 70, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }),
  })
  .map(({ cx, cy, radii }) =>
    radii.map((r, i): Position => {
      const a = (2 * Math.PI * i) / radii.length;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    }),
  );

describe('validateFootprint properties', () => {
  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.string()), (input) => {
        const r = validateFootprint(input);
        expect(typeof r.valid).toBe('boolean');
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  test('repairs winding, closure and duplicates without changing the area', () => {
    fc.assert(
      fc.property(starRing, fc.boolean(), fc.boolean(), fc.nat(50), (ring, reverse, close, dupAt) => {
        const input = reverse ? [...ring].reverse() : [...ring];
        const k = dupAt % input.length;
        input.splice(k, 0, input[k]!);
        if (close) input.push(input[0]!);
        const r = validateFootprint({ type: 'Polygon', coordinates: [input] });
        if (!r.valid) throw new Error(`${r.reason}: ${r.detail}`);
        const out = (r.footprint.geometry as Polygon).coordinates[0]!;
        expect(out[0]).toEqual(out[out.length - 1]);
        expect(ringSum(out)).toBeGreaterThan(0);
        for (let i = 1; i < out.length; i++) expect(out[i]).not.toEqual(out[i - 1]);
        const codes = r.repairs.map((x) => x.code);
        expect(codes.includes('closed-ring')).toBe(!close);
        expect(codes).toContain('removed-duplicate-vertices');
        const closedInput = [...ring, ring[0]!];
        expect(r.footprint.properties.area_km2).toBeCloseTo(area({ type: 'Polygon', coordinates: [closedInput] }) / 1e6, 6);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  test('a ring through the same position twice is a self-intersection', () => {
    fc.assert(
      fc.property(starRing, (ring) => {
        fc.pre(ring.length >= 4);
        // Bring one vertex onto a non-adjacent one: the ring now touches itself.
        const bad = [...ring];
        bad[2] = bad[0]!;
        const r = validateFootprint({ type: 'Polygon', coordinates: [[...bad, bad[0]!]] });
        expect(r.valid).toBe(false);
      }),
      { numRuns: 100, seed: 4 },
    );
  });
});

import type { Position } from 'geojson';
import { invalid, type FootprintPiece, type FootprintRepair, type Invalid } from './footprint-types.ts';

/**
 * Reads user input (a GeoJSON object or its text) into drawable pieces. Accepts Polygon,
 * MultiPolygon, LineString, MultiLineString and Point, bare or as Features, and FeatureCollections
 * of them. Widths come from the feature's `buffer_km` / `radius_km` property when present.
 */
export function parseFootprintGeoJson(input: unknown): { pieces: FootprintPiece[]; repairs: FootprintRepair[]; featureCount: number } | Invalid {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return invalid('not-geojson', 'text is not JSON');
    }
  }
  if (!isObject(value) || typeof value.type !== 'string') return invalid('not-geojson', 'expected an object with a GeoJSON "type"');
  const pieces: FootprintPiece[] = [];
  const state = { altitudes: 0 };
  let featureCount = 1;
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return invalid('not-geojson', 'FeatureCollection without a "features" array');
    featureCount = 0;
    for (const f of value.features) {
      const before = pieces.length;
      const r = readFeature(f, pieces, state);
      if (r) return r;
      if (pieces.length > before) featureCount++;
    }
  } else if (value.type === 'Feature') {
    const r = readFeature(value, pieces, state);
    if (r) return r;
  } else {
    const r = readGeometry(value, {}, pieces, state);
    if (r) return r;
  }
  if (pieces.length === 0) return invalid('empty-geometry', 'no coordinates');
  const repairs: FootprintRepair[] = [];
  if (state.altitudes > 0) repairs.push({ code: 'dropped-altitude', count: state.altitudes });
  return { pieces, repairs, featureCount };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readFeature(f: unknown, pieces: FootprintPiece[], state: { altitudes: number }): Invalid | null {
  if (!isObject(f) || f.type !== 'Feature') return invalid('not-geojson', 'expected a Feature');
  if (f.geometry === null) return null;
  const props = isObject(f.properties) ? f.properties : {};
  return readGeometry(f.geometry, props, pieces, state);
}

const KNOWN = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function readGeometry(g: unknown, props: Record<string, unknown>, pieces: FootprintPiece[], state: { altitudes: number }): Invalid | null {
  if (!isObject(g) || typeof g.type !== 'string' || !KNOWN.has(g.type)) return invalid('not-geojson', 'expected a GeoJSON geometry');
  if (g.type === 'GeometryCollection' || g.type === 'MultiPoint') return invalid('unsupported-type', `${g.type} has no area`);
  const c = g.coordinates;
  const width = (key: string): number | undefined => (typeof props[key] === 'number' ? (props[key] as number) : undefined);
  switch (g.type) {
    case 'Point': {
      const p = position(c, state);
      if (!p) return invalid('not-geojson', 'Point coordinates are not a position');
      pieces.push({ kind: 'point', coordinates: p, radiusKm: width('radius_km') });
      return null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = g.type === 'LineString' ? [c] : c;
      if (!Array.isArray(lines)) return invalid('not-geojson', `${g.type} coordinates are not an array`);
      for (const line of lines) {
        const ps = positions(line, state);
        if (!ps) return invalid('not-geojson', 'line coordinates are not positions');
        if (ps.length === 0) continue;
        pieces.push({ kind: 'line', coordinates: ps, bufferKm: width('buffer_km') });
      }
      return null;
    }
    default: {
      const polygons = g.type === 'Polygon' ? [c] : c;
      if (!Array.isArray(polygons)) return invalid('not-geojson', `${g.type} coordinates are not an array`);
      for (const polygon of polygons) {
        if (!Array.isArray(polygon)) return invalid('not-geojson', 'polygon coordinates are not an array of rings');
        const rings: Position[][] = [];
        for (const ring of polygon) {
          const ps = positions(ring, state);
          if (!ps) return invalid('not-geojson', 'ring coordinates are not positions');
          rings.push(ps);
        }
        if (rings.length === 0 || (rings[0] as Position[]).length === 0) continue;
        pieces.push({ kind: 'polygon', rings });
      }
      return null;
    }
  }
}

function positions(v: unknown, state: { altitudes: number }): Position[] | null {
  if (!Array.isArray(v)) return null;
  const out: Position[] = [];
  for (const p of v) {
    const q = position(p, state);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

function position(v: unknown, state: { altitudes: number }): Position | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const x = v[0] as unknown, y = v[1] as unknown;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (v.length > 2) state.altitudes++;
  return [x, y];
}

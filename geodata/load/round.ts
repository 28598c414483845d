import type { Geometry, Position } from 'geojson';

/**
 * Rounds every coordinate to `digits` decimals. Rounding is per vertex and deterministic, so
 * vertices shared by neighbouring jurisdictions stay identical and borders stay shared.
 */
export function roundGeometry<G extends Geometry>(geometry: G, digits: number): G {
  const f = 10 ** digits;
  const r = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? r(c as Position) : (c as unknown[]).map(walk));
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => roundGeometry(g, digits)) };
  }
  return { ...geometry, coordinates: walk((geometry as { coordinates: unknown }).coordinates) } as G;
}

import { buffer } from '@turf/buffer';
import { lineString } from '@turf/helpers';
import type { Polygon, Position } from 'geojson';
import { invalid, MAX_WIDTH_KM, type Invalid } from './footprint-types.ts';

/** A line widened by bufferKm on each side (Turf's geodesic buffer), as polygons. */
export function bufferLine(coordinates: Position[], bufferKm: number | undefined): Position[][][] | Invalid {
  if (bufferKm === undefined) return invalid('missing-width', 'a line needs a buffer width in km');
  if (!Number.isFinite(bufferKm) || bufferKm <= 0 || bufferKm > MAX_WIDTH_KM) {
    return invalid('invalid-width', `buffer width ${bufferKm} km is not in (0, ${MAX_WIDTH_KM}]`);
  }
  const distinct = coordinates.filter((p, i) => i === 0 || p[0] !== coordinates[i - 1]?.[0] || p[1] !== coordinates[i - 1]?.[1]);
  // A single position is a point: Turf buffers it to a circle too.
  const line = distinct.length === 1 ? [distinct[0] as Position, distinct[0] as Position] : distinct;
  const out = buffer(lineString(line), bufferKm, { units: 'kilometers' });
  const g = out?.geometry as Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] } | undefined;
  if (!g) return invalid('zero-area', 'the buffered line is empty');
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

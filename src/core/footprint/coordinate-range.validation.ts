import type { Position } from 'geojson';
import type { Bbox } from '../region/region-bundle.ts';
import { invalid, type FootprintPiece, type Invalid } from './footprint-types.ts';

function eachPosition(pieces: readonly FootprintPiece[], fn: (p: Position) => void): void {
  for (const piece of pieces) {
    if (piece.kind === 'point') fn(piece.coordinates);
    else if (piece.kind === 'line') piece.coordinates.forEach(fn);
    else for (const ring of piece.rings) ring.forEach(fn);
  }
}

function boxOf(pieces: readonly FootprintPiece[], swap: boolean): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(pieces, (p) => {
    const x = (swap ? p[1] : p[0]) as number, y = (swap ? p[0] : p[1]) as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  });
  return b;
}

const inRange = (b: Bbox): boolean => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
const overlaps = (a: Bbox, b: Bbox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * Checks WGS84 ranges. Swapped [lat, lon] order is detectable when the positions are out of range
 * as given but in range swapped, or, with a region, when only the swapped positions reach it.
 */
export function validateCoordinateRange(pieces: readonly FootprintPiece[], regionBbox?: Bbox): Invalid | null {
  const asGiven = boxOf(pieces, false);
  if (!inRange(asGiven)) {
    const swapped = boxOf(pieces, true);
    if (inRange(swapped) && (!regionBbox || overlaps(swapped, regionBbox))) {
      return invalid('lat-lon-swapped', 'positions look like [lat, lon]; GeoJSON wants [lon, lat]');
    }
    return invalid('coordinate-out-of-range', `box ${asGiven.join(', ')} is outside [-180, -90, 180, 90]`);
  }
  if (regionBbox && !overlaps(asGiven, regionBbox)) {
    const swapped = boxOf(pieces, true);
    if (overlaps(swapped, regionBbox)) return invalid('lat-lon-swapped', 'only the swapped [lat, lon] positions reach the region');
  }
  return null;
}

export function countPositions(pieces: readonly FootprintPiece[]): number {
  let n = 0;
  eachPosition(pieces, () => n++);
  return n;
}

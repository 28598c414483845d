import type { Position } from 'geojson';
import { bboxOfRings, boxesOverlap } from '../geometry/bbox-math.ts';
import type { Bbox } from '../region/region-bundle.ts';
import { invalid, type FootprintPiece, type Invalid } from './footprint-types.ts';

/** Every position list of the pieces: a point's one position, a line, each ring. */
function* positionLists(pieces: readonly FootprintPiece[]): Generator<readonly Position[]> {
  for (const piece of pieces) {
    if (piece.kind === 'point') yield [piece.coordinates];
    else if (piece.kind === 'line') yield piece.coordinates;
    else yield* piece.rings;
  }
}

const boxOf = (pieces: readonly FootprintPiece[], swap: boolean): Bbox => bboxOfRings(positionLists(pieces), swap);
const inRange = (b: Bbox): boolean => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;

/**
 * Checks WGS84 ranges. Swapped [lat, lon] order is detectable when the positions are out of range
 * as given but in range swapped, or, with a region, when only the swapped positions reach it.
 */
export function validateCoordinateRange(pieces: readonly FootprintPiece[], regionBbox?: Bbox): Invalid | null {
  const asGiven = boxOf(pieces, false);
  if (!inRange(asGiven)) {
    const swapped = boxOf(pieces, true);
    if (inRange(swapped) && (!regionBbox || boxesOverlap(swapped, regionBbox))) {
      return invalid('lat-lon-swapped', 'positions look like [lat, lon]; GeoJSON wants [lon, lat]');
    }
    return invalid('coordinate-out-of-range', `box ${asGiven.join(', ')} is outside [-180, -90, 180, 90]`);
  }
  if (regionBbox && !boxesOverlap(asGiven, regionBbox)) {
    const swapped = boxOf(pieces, true);
    if (boxesOverlap(swapped, regionBbox)) return invalid('lat-lon-swapped', 'only the swapped [lat, lon] positions reach the region');
  }
  return null;
}

export function countPositions(pieces: readonly FootprintPiece[]): number {
  let n = 0;
  for (const list of positionLists(pieces)) n += list.length;
  return n;
}

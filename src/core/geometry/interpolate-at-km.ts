import type { Position } from 'geojson';

/**
 * The position `km` along a line whose running km at each vertex is `vertexKm` (non-decreasing,
 * starting at 0), clamped to the line's ends, and the index of the first vertex strictly beyond it.
 * Within a segment the point is interpolated linearly in lon/lat: the segments of the river data
 * are at most ~45 km, where the great-circle arc and the straight lon/lat chord differ by metres,
 * far below the data's accuracy.
 */
export function interpolateAtKm(coordinates: readonly Position[], vertexKm: ArrayLike<number>, km: number): { position: Position; nextVertex: number } {
  const last = coordinates.length - 1;
  if (!(km > 0)) return { position: [...(coordinates[0] as Position)], nextVertex: 1 };
  if (km >= (vertexKm[last] as number)) return { position: [...(coordinates[last] as Position)], nextVertex: last + 1 };
  // Binary search for the segment holding km: rivers and reaches have hundreds of vertices.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((vertexKm[mid] as number) <= km) lo = mid;
    else hi = mid;
  }
  const k0 = vertexKm[lo] as number;
  const k1 = vertexKm[hi] as number;
  const t = k1 > k0 ? (km - k0) / (k1 - k0) : 0;
  const [x0, y0] = coordinates[lo] as [number, number];
  const [x1, y1] = coordinates[hi] as [number, number];
  return { position: [x0 + t * (x1 - x0), y0 + t * (y1 - y0)], nextVertex: hi };
}

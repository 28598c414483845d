import type { Position } from 'geojson';
import type { Bbox } from '../region/region-bundle.ts';
import { DEG_TO_RAD, KM_PER_DEGREE } from './lonlat-area.ts';

/** True when two boxes share at least one point (touching counts). */
export function boxesOverlap(a: Readonly<Bbox>, b: Readonly<Bbox>): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Box of every position in a list of rings (or lines), [west, south, east, north]; with `swap`,
 * of the positions read as [lat, lon]. An empty input gives an inverted (empty) box.
 */
export function bboxOfRings(rings: Iterable<readonly Position[]>, swap = false): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const ix = swap ? 1 : 0;
  const iy = swap ? 0 : 1;
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[ix] as number, y = p[iy] as number;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/**
 * Grows a lon/lat box by a distance in km on every side. The longitude margin uses the latitude
 * farthest from the equator inside the grown box, so the result always contains every point
 * within that distance (up to the poles, where it clamps).
 */
export function expandBoxKm(box: Readonly<Bbox>, km: number): Bbox {
  if (km <= 0) return [box[0], box[1], box[2], box[3]];
  const dLat = km / KM_PER_DEGREE;
  const south = Math.max(-90, box[1] - dLat);
  const north = Math.min(90, box[3] + dLat);
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north));
  const cos = Math.cos(maxAbsLat * DEG_TO_RAD);
  const dLon = cos < 1e-6 ? 360 : km / (KM_PER_DEGREE * cos);
  return [Math.max(-180, box[0] - dLon), south, Math.min(180, box[2] + dLon), north];
}

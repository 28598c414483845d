import { accept, reject, type Validated } from './validation.ts';

/** A release point, WGS84 [longitude, latitude] in degrees: GeoJSON's order. */
export type LonLat = [lon: number, lat: number];

export type SourcePointReason = 'source-not-finite' | 'source-out-of-range';

/**
 * Checks a release point. Swapped coordinates are the common mistake; they are only caught when
 * the latitude comes out beyond ±90, so a region check further up still matters.
 */
export function validateSourcePoint(lon: number, lat: number): Validated<LonLat, SourcePointReason> {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return reject('source-not-finite');
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return reject('source-out-of-range');
  return accept([lon, lat]);
}

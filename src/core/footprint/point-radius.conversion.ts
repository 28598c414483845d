import { circle } from '@turf/circle';
import type { Position } from 'geojson';
import { invalid, MAX_WIDTH_KM, type Invalid } from './footprint-types.ts';

/** A geodesic circle of radiusKm around a point (Turf's circle), as one polygon. */
export function circleAroundPoint(center: Position, radiusKm: number | undefined, steps: number): Position[][] | Invalid {
  if (radiusKm === undefined) return invalid('missing-width', 'a point needs a radius in km');
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_WIDTH_KM) {
    return invalid('invalid-width', `radius ${radiusKm} km is not in (0, ${MAX_WIDTH_KM}]`);
  }
  return circle(center, radiusKm, { steps, units: 'kilometers' }).geometry.coordinates;
}

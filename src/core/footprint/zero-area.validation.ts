import type { Position } from 'geojson';
import { ringAreaKm2 } from '../geometry/lonlat-area.ts';
import { invalid, ZERO_AREA_KM2, type Invalid } from './footprint-types.ts';

/** Same threshold in squared degrees (1 m² is about 1e-10 deg² at the equator). */
const ZERO_AREA_DEG2 = 1e-10;

/**
 * An outer ring with no area: collinear positions (as a planar clipper sees them, in lon/lat), or
 * enclosing less than 1 m². Checked before self-intersection, because a ring folded onto a line
 * also touches itself and "zero area" is the more useful reason there.
 */
export function validateNotCollinear(outer: readonly Position[]): Invalid | null {
  return isCollinear(outer) ? invalid('zero-area', 'all positions lie on one line') : null;
}

/** Checked after self-intersection: a symmetric figure eight has a signed area of zero too. */
export function validateNonZeroArea(outer: readonly Position[]): Invalid | null {
  const km2 = Math.abs(ringAreaKm2(outer));
  if (km2 < ZERO_AREA_KM2) return invalid('zero-area', `area ${km2} km² is below ${ZERO_AREA_KM2} km²`);
  return null;
}

function isCollinear(ring: readonly Position[]): boolean {
  const p0 = ring[0];
  if (!p0) return true;
  const x0 = p0[0] as number, y0 = p0[1] as number;
  let far = p0, farD = 0;
  for (const p of ring) {
    const d = Math.hypot((p[0] as number) - x0, (p[1] as number) - y0);
    if (d > farD) {
      farD = d;
      far = p;
    }
  }
  if (farD === 0) return true;
  const dx = ((far[0] as number) - x0) / farD, dy = ((far[1] as number) - y0) / farD;
  let maxOff = 0;
  for (const p of ring) maxOff = Math.max(maxOff, Math.abs(((p[0] as number) - x0) * dy - ((p[1] as number) - y0) * dx));
  return maxOff * farD < ZERO_AREA_DEG2;
}

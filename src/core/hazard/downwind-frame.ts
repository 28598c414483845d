import { bearing } from '@turf/bearing';
import { destination } from '@turf/destination';
import type { Position } from 'geojson';
import type { LonLat } from './source-point.ts';

/**
 * Places a point given in the plume's own frame (km along the downwind axis, m to its right) on
 * the globe. The axis is the great circle leaving the source on `downwindBearingDeg`; the cross
 * offset is taken perpendicular to the axis where it is, not to the initial bearing, because a
 * great circle's heading drifts with distance and a long plume would otherwise lean.
 */
export function placeInDownwindFrame(source: LonLat, downwindBearingDeg: number, alongKm: number, rightM: number): Position {
  const onAxis = alongKm > 0 ? destination(source, alongKm, downwindBearingDeg).geometry.coordinates : [...source];
  if (rightM === 0) return onAxis;
  const localHeadingDeg = alongKm > 0 ? bearing(onAxis, source) + 180 : downwindBearingDeg;
  const sideBearingDeg = rightM > 0 ? localHeadingDeg + 90 : localHeadingDeg - 90;
  return destination(onAxis, Math.abs(rightM) / 1000, sideBearingDeg).geometry.coordinates;
}

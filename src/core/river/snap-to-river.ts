import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { Position } from 'geojson';
import { accept, reject, type Validated } from '../hazard/validation.ts';
import { degreesForKm } from './lonlat-plane.ts';
import type { RiverNetwork } from './river-network.ts';

/**
 * How far a spill may lie from the river line and still be snapped to it, km. The rivers are
 * Natural Earth 1:10m centerlines: a few hundred metres off the real channel in general, 1-3 km on
 * the braided lower Yellow River; a spill reported at a plant or a bridge a few km from the water
 * still reaches it (outfalls, canals, ditches). 5 km covers that without jumping to a neighbouring
 * basin (the bundle's rivers are tens of km apart, except near confluences, where either river
 * leads downstream to the same place).
 */
export const DEFAULT_SNAP_TOLERANCE_KM = 5;

export interface RiverSnap {
  riverId: string;
  /** Along the snapped river from its upstream start, km. */
  riverKm: number;
  /** The snapped position on the river line. */
  position: Position;
  /** From the spill point to the snapped position, km. */
  offsetKm: number;
}

export type SpillPointReason = 'spill-point-not-finite' | 'spill-point-out-of-range';
export type SnapReason = SpillPointReason | 'snap-tolerance-not-positive' | 'no-river-within-tolerance';

/** A spill point as WGS84 [lon, lat]; swapped coordinates show up here only past ±90° latitude. */
export function validateSpillPoint(point: readonly number[]): Validated<[number, number], SpillPointReason> {
  const [lon, lat] = point;
  if (point.length < 2 || !Number.isFinite(lon) || !Number.isFinite(lat)) return reject('spill-point-not-finite');
  const x = lon as number;
  const y = lat as number;
  if (x < -180 || x > 180 || y < -90 || y > 90) return reject('spill-point-out-of-range');
  return accept([x, y]);
}

/**
 * The nearest position on any river of the network within `toleranceKm` of the spill.
 * Only rivers whose box, grown by the tolerance, holds the point are measured; a region has a
 * dozen rivers, so no index is needed. Ties (a spill right on a confluence) keep the river listed
 * first: either way the trace continues down the receiving river from the same point.
 */
export function snapToRiver(
  network: RiverNetwork,
  point: readonly number[],
  toleranceKm: number = DEFAULT_SNAP_TOLERANCE_KM,
): Validated<RiverSnap, SnapReason> {
  const checked = validateSpillPoint(point);
  if (!checked.valid) return checked;
  if (!(toleranceKm > 0) || !Number.isFinite(toleranceKm)) return reject('snap-tolerance-not-positive');
  const spill = checked.value;
  const { dLon, dLat } = degreesForKm(toleranceKm, Math.abs(spill[1]) + degreesForKm(toleranceKm, 0).dLat);

  let best: RiverSnap | undefined;
  for (const [riverId, river] of network.rivers) {
    const [w, s, e, n] = river.bbox;
    if (spill[0] < w - dLon || spill[0] > e + dLon || spill[1] < s - dLat || spill[1] > n + dLat) continue;
    const nearest = nearestPointOnLine(river.feature, spill, { units: 'kilometers' });
    const offsetKm = nearest.properties.pointDistance;
    if (offsetKm <= toleranceKm && (best === undefined || offsetKm < best.offsetKm)) {
      const position = nearest.geometry.coordinates;
      best = { riverId, riverKm: Math.min(nearest.properties.totalDistance, river.lengthKm), position, offsetKm };
    }
  }
  return best ? accept(best) : reject('no-river-within-tolerance');
}

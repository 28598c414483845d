import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { Position } from 'geojson';
import { accept, reject, type Validated } from '../hazard/validation.ts';
import { boxesOverlap, expandBoxKm } from '../geometry/bbox-math.ts';
import { validateSourcePoint } from '../hazard/source-point.ts';
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
  // The hazard core's check for any release point; the codes stay the river command's own.
  const checked = validateSourcePoint(point[0] as number, point[1] as number);
  if (checked.valid) return accept(checked.value);
  return reject(checked.reason === 'source-not-finite' ? 'spill-point-not-finite' : 'spill-point-out-of-range');
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
  const searchBox = expandBoxKm([spill[0], spill[1], spill[0], spill[1]], toleranceKm);

  let best: RiverSnap | undefined;
  for (const [riverId, river] of network.rivers) {
    if (!boxesOverlap(searchBox, river.bbox)) continue;
    const nearest = nearestPointOnLine(river.feature, spill, { units: 'kilometers' });
    const offsetKm = nearest.properties.pointDistance;
    if (offsetKm <= toleranceKm && (best === undefined || offsetKm < best.offsetKm)) {
      const position = nearest.geometry.coordinates;
      best = { riverId, riverKm: Math.min(nearest.properties.totalDistance, river.lengthKm), position, offsetKm };
    }
  }
  return best ? accept(best) : reject('no-river-within-tolerance');
}

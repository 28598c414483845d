import { accept, reject, type Validated } from './validation.ts';

/** Metres per second to kilometres per hour: the 3.6 in R = 3.6 · u · T. */
const KMH_PER_MPS = 3.6;

export interface Wind {
  /** Meteorological direction: where the wind comes FROM, degrees clockwise from north. */
  fromDeg: number;
  speedMps: number;
}

export type WindReason =
  | 'wind-from-not-finite'
  | 'wind-from-out-of-range'
  | 'wind-speed-not-finite'
  | 'wind-speed-not-positive';

/**
 * Checks a wind for the transport models. Direction 360 is accepted because stations report a
 * north wind as 360 (0 is often reserved for calm); a calm (speed 0) is rejected because every
 * model here divides by the wind speed.
 */
export function validateWind(fromDeg: number, speedMps: number): Validated<Wind, WindReason> {
  if (!Number.isFinite(fromDeg)) return reject('wind-from-not-finite');
  if (fromDeg < 0 || fromDeg > 360) return reject('wind-from-out-of-range');
  if (!Number.isFinite(speedMps)) return reject('wind-speed-not-finite');
  if (speedMps <= 0) return reject('wind-speed-not-positive');
  return accept({ fromDeg, speedMps });
}

/** The bearing the plume travels along: the opposite of where the wind comes from, in [0, 360). */
export function toDownwindBearing(fromDeg: number): number {
  if (!Number.isFinite(fromDeg)) throw new RangeError(`wind direction must be finite, got ${fromDeg}`);
  return normaliseBearing(fromDeg + 180);
}

/** Any bearing folded into [0, 360). */
export function normaliseBearing(bearingDeg: number): number {
  const folded = bearingDeg % 360;
  // `+ 0` turns -0 into 0 so a north bearing never prints as "-0".
  return (folded < 0 ? folded + 360 : folded) + 0;
}

/** How far air moving at `speedMps` travels in `hours`, km. */
export function computeTravelDistanceKm(speedMps: number, hours: number): number {
  return KMH_PER_MPS * speedMps * hours;
}

/** How long air moving at `speedMps` takes to cover `distanceKm`, hours. */
export function computeTravelHours(distanceKm: number, speedMps: number): number {
  if (!(speedMps > 0)) throw new RangeError(`wind speed must be positive, got ${speedMps}`);
  return distanceKm / (KMH_PER_MPS * speedMps);
}

import { computeTravelHours } from '../hazard/wind.ts';

/**
 * The leading edge of a spill cloud arrives, on average, at 89 % of the time its peak takes
 * (Jobson 1997, USGS, from dye-tracer studies on many rivers; DESIGN.md section 4).
 */
export const LEADING_EDGE_FRACTION = 0.89;

/** Hours for the leading edge: 0.89 × the peak's. */
export function computeLeadArrivalHours(peakHours: number): number {
  return LEADING_EDGE_FRACTION * peakHours;
}

/** How far the peak travels in `hours` at `velocityMps`, km. */
export function computeReachKm(hours: number, velocityMps: number): number {
  return (hours * 3600 * velocityMps) / 1000;
}

/** A stretch of a traced path that flows at one velocity (one river's leg). */
export interface VelocityLeg {
  startKm: number;
  endKm: number;
  velocityMps: number;
}

/**
 * Peak travel hours to `km` along a path whose rivers flow at different velocities: the sum over
 * the legs before it of their length / their velocity. Beyond the last leg the last velocity holds.
 */
export function computePeakArrivalHoursAlong(legs: readonly VelocityLeg[], km: number): number {
  let hours = 0;
  for (const [i, leg] of legs.entries()) {
    const end = i === legs.length - 1 ? Infinity : leg.endKm;
    const covered = Math.min(km, end) - leg.startKm;
    if (covered <= 0) break;
    hours += computeTravelHours(covered, leg.velocityMps);
  }
  return hours;
}

/** How far the peak travels along such a path in `hours`, km (the inverse of the above). */
export function computeReachKmAlong(legs: readonly VelocityLeg[], hours: number): number {
  let left = hours;
  for (const [i, leg] of legs.entries()) {
    const legKm = i === legs.length - 1 ? Infinity : leg.endKm - leg.startKm;
    const legHours = computeTravelHours(legKm, leg.velocityMps);
    if (legHours >= left) return leg.startKm + computeReachKm(left, leg.velocityMps);
    left -= legHours;
  }
  return legs.length === 0 ? 0 : (legs[legs.length - 1] as VelocityLeg).endKm;
}

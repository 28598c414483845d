import { averageOverCell, type StabilityCell, type StabilityClass } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';

/**
 * Pasquill-Gifford dispersion coefficients σy and σz (metres) at a downwind distance (km), in the
 * analytic form used by the US EPA ISC3 model (User's Guide vol. II, 1995, eqs. 1-33 to 1-35 and
 * tables 1-1, 1-2), which is what DESIGN.md §4 gives from Boubel et al. Table 19-5.
 *
 * Cross-check of the E and F σz rows (the ones DESIGN.md took from ISC3 rather than the book):
 * 1. Against an independent public implementation of the ISC3 tables: every E and F (a, b) pair
 *    agrees, except F 7–15 km where it has b = 0.41500 against 0.41507 here. It also has
 *    b = 0.64030 for D 1–3 km against 0.64403 here.
 * 2. The segments are fits to one continuous curve, so neighbouring segments must meet at their
 *    breakpoint. With the values below every breakpoint of every class joins within 0.05 % (E and
 *    F within 0.02 %). With 0.41500 the F joins at 7 and 15 km are 2 to 5 times worse (0.009 % and
 *    0.016 % against 0.005 % and 0.003 %), and D's 0.64030 would leave a 0.4 % step at 3 km where
 *    0.64403 joins to 0.001 %. So the values below are kept; the test checks the joins.
 * The book's own check values (σz at the end of each segment, its Table 19-5 last column, and its
 * worked example for class B near 0.28 km) are reproduced in the same test.
 */

/** Distances are km; the fit is σz = a · x^b for x below `belowKm`. */
interface SigmaZSegment {
  belowKm: number;
  a: number;
  b: number;
}

const SIGMA_Z_SEGMENTS: Record<StabilityClass, readonly SigmaZSegment[]> = {
  A: [
    { belowKm: 0.1, a: 122.8, b: 0.9447 },
    { belowKm: 0.15, a: 158.08, b: 1.0542 },
    { belowKm: 0.2, a: 170.22, b: 1.0932 },
    { belowKm: 0.25, a: 179.52, b: 1.1262 },
    { belowKm: 0.3, a: 217.41, b: 1.2644 },
    { belowKm: 0.4, a: 258.89, b: 1.4094 },
    { belowKm: 0.5, a: 346.75, b: 1.7283 },
    { belowKm: 3.11, a: 453.85, b: 2.1166 },
  ],
  B: [
    { belowKm: 0.2, a: 90.673, b: 0.93198 },
    { belowKm: 0.4, a: 98.483, b: 0.98332 },
    { belowKm: 35, a: 109.3, b: 1.0971 },
  ],
  C: [{ belowKm: Infinity, a: 61.141, b: 0.91465 }],
  D: [
    { belowKm: 0.3, a: 34.459, b: 0.86974 },
    { belowKm: 1, a: 32.093, b: 0.81066 },
    { belowKm: 3, a: 32.093, b: 0.64403 },
    { belowKm: 10, a: 33.504, b: 0.60486 },
    { belowKm: 30, a: 36.65, b: 0.56589 },
    { belowKm: Infinity, a: 44.053, b: 0.51179 },
  ],
  E: [
    { belowKm: 0.1, a: 24.26, b: 0.8366 },
    { belowKm: 0.3, a: 23.331, b: 0.81956 },
    { belowKm: 1, a: 21.628, b: 0.7566 },
    { belowKm: 2, a: 21.628, b: 0.63077 },
    { belowKm: 4, a: 22.534, b: 0.57154 },
    { belowKm: 10, a: 24.703, b: 0.50527 },
    { belowKm: 20, a: 26.97, b: 0.46713 },
    { belowKm: 40, a: 35.42, b: 0.37615 },
    { belowKm: Infinity, a: 47.618, b: 0.29592 },
  ],
  F: [
    { belowKm: 0.2, a: 15.209, b: 0.81558 },
    { belowKm: 0.7, a: 14.457, b: 0.78407 },
    { belowKm: 1, a: 13.953, b: 0.68465 },
    { belowKm: 2, a: 13.953, b: 0.63227 },
    { belowKm: 3, a: 14.823, b: 0.54503 },
    { belowKm: 7, a: 16.187, b: 0.4649 },
    { belowKm: 15, a: 17.836, b: 0.41507 },
    { belowKm: 30, a: 22.651, b: 0.32681 },
    { belowKm: 60, a: 27.074, b: 0.27436 },
    { belowKm: Infinity, a: 34.219, b: 0.21716 },
  ],
};

/**
 * The table's ceiling: beyond A's last segment (3.11 km) and B's (35 km) σz is 5000 m, and ISC3
 * applies the same ceiling to any computed value above it. Applying it everywhere keeps σz from
 * stepping down at B's 35 km breakpoint (the fit reaches 5000 m near 32.6 km) and A's at 3.11 km.
 */
export const SIGMA_Z_CEILING_M = 5000;

/** σy angle θ = c − d · ln(x), degrees (x in km). DESIGN.md gives D's c as 8.3333 (ISC3 prints 8.3330). */
const SIGMA_Y_THETA: Record<StabilityClass, { c: number; d: number }> = {
  A: { c: 24.167, d: 2.5334 },
  B: { c: 18.333, d: 1.8096 },
  C: { c: 12.5, d: 1.0857 },
  D: { c: 8.3333, d: 0.72382 },
  E: { c: 6.25, d: 0.54287 },
  F: { c: 4.1667, d: 0.36191 },
};

/**
 * θ is the half-angle at which the concentration falls to a tenth of the centreline value, which
 * happens 2.15 σy off the axis; with x in km and σy in m this gives 1000 / 2.15 = 465.116.
 */
const METRES_PER_KM_OVER_2_15 = 1000 / 2.15;
const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Outside this range the Pasquill-Gifford curves are extrapolations: they were drawn from 100 m
 * to 100 km (Turner's workbook, figs. 3-2 and 3-3). Shorter distances are still computed (the
 * footprint needs them near the source); longer ones are refused as input.
 */
export const MAX_DOWNWIND_KM = 100;

export type DistanceReason = 'distance-not-finite' | 'distance-not-positive' | 'distance-beyond-model-range';

export function validateDownwindKm(distanceKm: number): Validated<number, DistanceReason> {
  if (!Number.isFinite(distanceKm)) return reject('distance-not-finite');
  if (distanceKm <= 0) return reject('distance-not-positive');
  if (distanceKm > MAX_DOWNWIND_KM) return reject('distance-beyond-model-range');
  return accept(distanceKm);
}

export interface Dispersion {
  sigmaYM: number;
  sigmaZM: number;
}

/** σy and σz for a class or two-letter cell at `distanceKm` downwind. */
export function computeDispersion(cell: StabilityCell, distanceKm: number): Dispersion {
  return { sigmaYM: computeSigmaYM(cell, distanceKm), sigmaZM: computeSigmaZM(cell, distanceKm) };
}

/** Horizontal (crosswind) spread, m. A two-letter cell averages its two classes. */
export function computeSigmaYM(cell: StabilityCell, distanceKm: number): number {
  assertPositiveDistance(distanceKm);
  return averageOverCell(cell, (stabilityClass) => sigmaYForClass(stabilityClass, distanceKm));
}

/** Vertical spread, m. A two-letter cell averages its two classes. */
export function computeSigmaZM(cell: StabilityCell, distanceKm: number): number {
  assertPositiveDistance(distanceKm);
  return averageOverCell(cell, (stabilityClass) => sigmaZForClass(stabilityClass, distanceKm));
}

function sigmaYForClass(stabilityClass: StabilityClass, distanceKm: number): number {
  const { c, d } = SIGMA_Y_THETA[stabilityClass];
  const thetaDeg = c - d * Math.log(distanceKm);
  return METRES_PER_KM_OVER_2_15 * distanceKm * Math.tan(thetaDeg * RADIANS_PER_DEGREE);
}

function sigmaZForClass(stabilityClass: StabilityClass, distanceKm: number): number {
  const segment = SIGMA_Z_SEGMENTS[stabilityClass].find((candidate) => distanceKm < candidate.belowKm);
  // A and B end at a finite distance: beyond it the table gives the ceiling itself.
  if (!segment) return SIGMA_Z_CEILING_M;
  return Math.min(segment.a * distanceKm ** segment.b, SIGMA_Z_CEILING_M);
}

function assertPositiveDistance(distanceKm: number): void {
  if (!(distanceKm > 0) || !Number.isFinite(distanceKm)) {
    throw new RangeError(`downwind distance must be a positive finite number of km, got ${distanceKm}`);
  }
}

import { computeDispersion, validateDownwindKm, type DistanceReason } from './dispersion.ts';
import type { StabilityCell } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';

/** A continuous point release, as the Gaussian plume sees it. */
export interface PlumeRelease {
  /** Q, grams per second. */
  emissionGPerS: number;
  /** u, wind speed at release height, m/s. */
  speedMps: number;
  /** H, effective release height (stack plus plume rise), m. */
  releaseHeightM: number;
  stability: StabilityCell;
}

export type PlumeReleaseReason =
  | 'emission-not-finite'
  | 'emission-not-positive'
  | 'wind-speed-not-finite'
  | 'wind-speed-not-positive'
  | 'release-height-not-finite'
  | 'release-height-negative';

export type ReceptorReason = DistanceReason | 'crosswind-not-finite';

export function validatePlumeRelease(release: PlumeRelease): Validated<PlumeRelease, PlumeReleaseReason> {
  if (!Number.isFinite(release.emissionGPerS)) return reject('emission-not-finite');
  if (release.emissionGPerS <= 0) return reject('emission-not-positive');
  if (!Number.isFinite(release.speedMps)) return reject('wind-speed-not-finite');
  // The plume equation divides by u; a calm has no plume to speak of.
  if (release.speedMps <= 0) return reject('wind-speed-not-positive');
  if (!Number.isFinite(release.releaseHeightM)) return reject('release-height-not-finite');
  if (release.releaseHeightM < 0) return reject('release-height-negative');
  return accept(release);
}

/** Checks a receptor position: `downwindKm` along the plume axis, `crosswindM` off it. */
export function validateReceptor(downwindKm: number, crosswindM: number): Validated<{ downwindKm: number; crosswindM: number }, ReceptorReason> {
  const distance = validateDownwindKm(downwindKm);
  if (!distance.valid) return distance;
  if (!Number.isFinite(crosswindM)) return reject('crosswind-not-finite');
  return accept({ downwindKm, crosswindM });
}

export interface GroundConcentration {
  concentrationGM3: number;
  sigmaYM: number;
  sigmaZM: number;
}

/**
 * Ground-level concentration of a continuous point release with full reflection at the ground:
 * C(x, y) = Q / (π u σy σz) · exp(−y² / 2σy²) · exp(−H² / 2σz²).
 * The reflected image source doubles the direct term at z = 0, which is why the factor is 1/π and
 * not 1/(2π). Inputs are expected to have passed `validatePlumeRelease` and `validateReceptor`.
 */
export function computeGroundConcentration(release: PlumeRelease, downwindKm: number, crosswindM = 0): GroundConcentration {
  const { sigmaYM, sigmaZM } = computeDispersion(release.stability, downwindKm);
  const centreline = centrelineFromSigmas(release, sigmaYM, sigmaZM);
  const crosswindFactor = Math.exp(-(crosswindM * crosswindM) / (2 * sigmaYM * sigmaYM));
  return { concentrationGM3: centreline * crosswindFactor, sigmaYM, sigmaZM };
}

/** C0(x): the ground-level concentration under the plume axis. */
export function computeCentrelineConcentration(release: PlumeRelease, downwindKm: number): number {
  const { sigmaYM, sigmaZM } = computeDispersion(release.stability, downwindKm);
  return centrelineFromSigmas(release, sigmaYM, sigmaZM);
}

/**
 * Half-width (m) of the ground area where C ≥ `levelGM3` at `downwindKm`:
 * y = σy · sqrt(2 ln(C0 / level)); 0 where even the centreline is below the level.
 */
export function computeHalfWidthM(release: PlumeRelease, downwindKm: number, levelGM3: number): number {
  if (!(levelGM3 > 0)) throw new RangeError(`level of concern must be positive, got ${levelGM3}`);
  const { sigmaYM, sigmaZM } = computeDispersion(release.stability, downwindKm);
  const centreline = centrelineFromSigmas(release, sigmaYM, sigmaZM);
  if (!(centreline > levelGM3)) return 0;
  return sigmaYM * Math.sqrt(2 * Math.log(centreline / levelGM3));
}

function centrelineFromSigmas(release: PlumeRelease, sigmaYM: number, sigmaZM: number): number {
  const heightM = release.releaseHeightM;
  const verticalFactor = Math.exp(-(heightM * heightM) / (2 * sigmaZM * sigmaZM));
  return (release.emissionGPerS / (Math.PI * release.speedMps * sigmaYM * sigmaZM)) * verticalFactor;
}

import type { Feature, Polygon, Position } from 'geojson';
import { MAX_DOWNWIND_KM } from './dispersion.ts';
import { placeInDownwindFrame } from './downwind-frame.ts';
import {
  computeCentrelineConcentration,
  computeHalfWidthM,
  validatePlumeRelease,
  type PlumeRelease,
  type PlumeReleaseReason,
} from './gaussian-plume.ts';
import { validateSourcePoint, type LonLat, type SourcePointReason } from './source-point.ts';
import type { StabilityCell } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';
import { toDownwindBearing, validateWind, type WindReason } from './wind.ts';

export interface GaussianFootprintInput extends PlumeRelease {
  source: LonLat;
  /** Meteorological direction the wind comes FROM, degrees. */
  windFromDeg: number;
  /** C_LOC: the footprint is where the ground-level concentration is at least this, g/m³. */
  levelOfConcernGM3: number;
  /**
   * How far the plume can have travelled, km (3.6 · u · T for a release lasting T hours). The
   * steady plume equation knows no time, so without this a short release would be drawn as if it
   * had blown for ever.
   */
  maxDistanceKm?: number;
}

export interface GaussianFootprintProps {
  model: 'gaussian';
  wind_from_deg: number;
  downwind_bearing_deg: number;
  wind_speed_mps: number;
  stability_class: StabilityCell;
  emission_g_s: number;
  release_height_m: number;
  level_of_concern_g_m3: number;
  /** Where along the axis the area above the level starts and ends, km from the source. */
  start_km: number;
  end_km: number;
  max_half_width_m: number;
  /** What ends the footprint: the level itself, the travel distance, or the 100 km model range. */
  end_limited_by: 'level' | 'travel' | 'model-range';
}

export type GaussianFootprintReason =
  | PlumeReleaseReason
  | WindReason
  | SourcePointReason
  | 'level-not-finite'
  | 'level-not-positive'
  | 'max-distance-not-positive';

/**
 * The nearest distance searched, km. Pasquill-Gifford curves start at 100 m; 10 m is close enough
 * to the source that an area above the level starting earlier is drawn from the source itself.
 */
const NEAREST_KM = 0.01;
/** Log-spaced scan that finds where C0 crosses the level; 40 steps per decade. */
const SCAN_STEPS = 160;
/** Bisection steps refining each crossing: 2^-40 of a scan step is far below a metre. */
const BISECTION_STEPS = 40;
/** Points along each side of the polygon; cosine spacing puts them where the width changes fastest. */
const OUTLINE_SAMPLES = 64;
/**
 * Narrower than this, a cross-section is drawn as the single axis point. The tips found by
 * bisection are a hair inside the footprint, so they have a width of a fraction of a millimetre;
 * drawn as two points they would coincide once coordinates are rounded (6 decimals ≈ 0.1 m) and
 * make the ring invalid. A metre is far below what the model can resolve.
 */
const MIN_DRAWN_HALF_WIDTH_M = 1;

/**
 * The ground area where the Gaussian plume's concentration reaches the level of concern, as a
 * lon/lat polygon (counter-clockwise, RFC 7946) laid along the downwind bearing with geodesic
 * offsets. `value` is null when no point of the plume reaches the level.
 */
export function buildGaussianFootprint(
  input: GaussianFootprintInput,
): Validated<Feature<Polygon, GaussianFootprintProps> | null, GaussianFootprintReason> {
  const checked = validateFootprintInput(input);
  if (!checked.valid) return checked;

  const release: PlumeRelease = input;
  const level = input.levelOfConcernGM3;
  const travelKm = input.maxDistanceKm ?? Infinity;
  const farthestKm = Math.min(travelKm, MAX_DOWNWIND_KM);
  const span = findSpanAboveLevel(release, level, farthestKm);
  if (!span) return accept(null);

  const bearingDeg = toDownwindBearing(input.windFromDeg);
  const halfWidthsM: { alongKm: number; halfWidthM: number }[] = [];
  for (let i = 0; i <= OUTLINE_SAMPLES; i += 1) {
    const t = (1 - Math.cos((Math.PI * i) / OUTLINE_SAMPLES)) / 2;
    const alongKm = span.startKm + (span.endKm - span.startKm) * t;
    const computedM = alongKm > 0 ? computeHalfWidthM(release, alongKm, level) : 0;
    halfWidthsM.push({ alongKm, halfWidthM: computedM < MIN_DRAWN_HALF_WIDTH_M ? 0 : computedM });
  }

  const ring = traceOutline(input.source, bearingDeg, halfWidthsM);
  // A span so thin that no sample has width leaves a line, not an area.
  if (ring.length < 4) return accept(null);

  const endLimitedBy = span.reachesFarthest ? (travelKm <= MAX_DOWNWIND_KM ? 'travel' : 'model-range') : 'level';
  return accept({
    type: 'Feature',
    properties: {
      model: 'gaussian',
      wind_from_deg: input.windFromDeg,
      downwind_bearing_deg: bearingDeg,
      wind_speed_mps: input.speedMps,
      stability_class: input.stability,
      emission_g_s: input.emissionGPerS,
      release_height_m: input.releaseHeightM,
      level_of_concern_g_m3: level,
      start_km: span.startKm,
      end_km: span.endKm,
      max_half_width_m: Math.max(...halfWidthsM.map((sample) => sample.halfWidthM)),
      end_limited_by: endLimitedBy,
    },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
}

function validateFootprintInput(input: GaussianFootprintInput): Validated<GaussianFootprintInput, GaussianFootprintReason> {
  const source = validateSourcePoint(input.source[0], input.source[1]);
  if (!source.valid) return source;
  const wind = validateWind(input.windFromDeg, input.speedMps);
  if (!wind.valid) return wind;
  const release = validatePlumeRelease(input);
  if (!release.valid) return release;
  if (!Number.isFinite(input.levelOfConcernGM3)) return reject('level-not-finite');
  if (input.levelOfConcernGM3 <= 0) return reject('level-not-positive');
  if (input.maxDistanceKm !== undefined && !(input.maxDistanceKm > 0)) return reject('max-distance-not-positive');
  return accept(input);
}

interface Span {
  startKm: number;
  endKm: number;
  /** True when the level is still exceeded at the farthest distance considered. */
  reachesFarthest: boolean;
}

/**
 * Where C0(x) ≥ level along the axis. C0 falls monotonically for a ground release and rises then
 * falls for an elevated one, so the area above a level is one stretch; should the piecewise σz fit
 * ever split it, the stretch from the first crossing to the last is kept (a footprint errs large).
 */
function findSpanAboveLevel(release: PlumeRelease, level: number, farthestKm: number): Span | null {
  if (farthestKm <= NEAREST_KM) return null;
  const isAbove = (alongKm: number) => computeCentrelineConcentration(release, alongKm) >= level;
  const ratio = Math.log(farthestKm / NEAREST_KM) / SCAN_STEPS;
  const scanKm = Array.from({ length: SCAN_STEPS + 1 }, (_, i) => (i === SCAN_STEPS ? farthestKm : NEAREST_KM * Math.exp(ratio * i)));

  const firstAbove = scanKm.findIndex(isAbove);
  if (firstAbove < 0) return null;
  let lastAbove = firstAbove;
  for (let i = scanKm.length - 1; i > firstAbove; i -= 1) {
    if (isAbove(scanKm[i] as number)) {
      lastAbove = i;
      break;
    }
  }

  const startKm = firstAbove === 0 ? 0 : bisect(scanKm[firstAbove - 1] as number, scanKm[firstAbove] as number, isAbove, true);
  const reachesFarthest = lastAbove === scanKm.length - 1;
  const endKm = reachesFarthest ? farthestKm : bisect(scanKm[lastAbove] as number, scanKm[lastAbove + 1] as number, isAbove, false);
  return { startKm, endKm, reachesFarthest };
}

/**
 * Narrows [lowKm, highKm] onto the crossing. `risingEdge` says which end is above the level; the
 * end kept is always the one above it, so the returned distance is inside the footprint.
 */
function bisect(lowKm: number, highKm: number, isAbove: (alongKm: number) => boolean, risingEdge: boolean): number {
  let below = risingEdge ? lowKm : highKm;
  let above = risingEdge ? highKm : lowKm;
  for (let i = 0; i < BISECTION_STEPS; i += 1) {
    const middle = (below + above) / 2;
    if (isAbove(middle)) above = middle;
    else below = middle;
  }
  return above;
}

/**
 * Out along the right-hand side, back along the left: counter-clockwise seen from above. Where
 * the width is zero (the tips) one axis point stands for both sides, so no vertex repeats.
 */
function traceOutline(source: LonLat, bearingDeg: number, samples: { alongKm: number; halfWidthM: number }[]): Position[] {
  const ring: Position[] = [];
  for (const { alongKm, halfWidthM } of samples) {
    ring.push(placeInDownwindFrame(source, bearingDeg, alongKm, halfWidthM));
  }
  for (let i = samples.length - 1; i >= 0; i -= 1) {
    const { alongKm, halfWidthM } = samples[i] as { alongKm: number; halfWidthM: number };
    if (halfWidthM > 0) ring.push(placeInDownwindFrame(source, bearingDeg, alongKm, -halfWidthM));
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return ring;
}

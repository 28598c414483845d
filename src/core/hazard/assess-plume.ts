import type { Feature, Polygon } from 'geojson';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions, type JurisdictionMatch } from '../jurisdiction/match-jurisdictions.ts';
import type { JurisdictionFeature } from '../region/region-bundle.ts';
import { buildGaussianFootprint, type GaussianFootprintProps, type GaussianFootprintReason } from './gaussian-footprint.ts';
import { computeArrivalDistanceKm } from './plume-arrival.ts';
import { buildWindSector, type WindSectorProps, type WindSectorReason } from './sector.ts';
import type { LonLat } from './source-point.ts';
import type { StabilityCell } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';
import { computeTravelDistanceKm, computeTravelHours } from './wind.ts';

interface PlumeCommon {
  source: LonLat;
  /** Meteorological direction the wind comes FROM, degrees. */
  windFromDeg: number;
  speedMps: number;
  /** Release duration (or time since release), h: bounds how far the plume can have drifted. */
  hours: number;
  stability?: StabilityCell;
  /** Jurisdictions within this distance of the footprint but not in it are advisory. Default 10. */
  advisoryKm?: number;
}
export type PlumeModelInput =
  | (PlumeCommon & { model: 'sector'; halfAngleDeg?: number })
  | (PlumeCommon & { model: 'gaussian'; emissionGPerS: number; releaseHeightM: number; levelOfConcernGM3: number });

export interface PlumeJurisdiction extends JurisdictionMatch {
  /** Distance from the source to the nearest point of this jurisdiction inside the footprint, km. */
  arrival_km: number | null;
  /** arrival_km / wind speed, h; null for advisory jurisdictions, which the plume does not reach. */
  arrival_h: number | null;
}

export interface PlumeAssessment {
  footprint: Feature<Polygon, WindSectorProps | GaussianFootprintProps> | null;
  footprint_km2: number;
  jurisdictions: PlumeJurisdiction[];
}

export type PlumeReason = WindSectorReason | GaussianFootprintReason | 'stability-required' | 'outside-region';

/**
 * From a gas or ash release to the jurisdictions its plume reaches, each with its role and arrival
 * time: the same answer in the browser preview, the CLI and the seed. A Gaussian plume whose
 * concentration never reaches the level of concern answers an empty footprint, not an error.
 */
export function assessPlume(
  input: PlumeModelInput,
  index: JurisdictionIndex,
  jurisdictionsById: ReadonlyMap<string, JurisdictionFeature>,
): Validated<PlumeAssessment, PlumeReason> {
  const built = buildFootprint(input);
  if (!built.valid) return built;
  const footprint = built.value;
  if (!footprint) return accept({ footprint: null, footprint_km2: 0, jurisdictions: [] });

  const match = matchJurisdictions(footprint, index, {
    sourcePoint: input.source,
    ...(input.advisoryKm === undefined ? {} : { advisoryKm: input.advisoryKm }),
  });
  // A source just outside the region (an eruption across the border) still warns the region; a
  // footprint that reaches none of it is bad input.
  if (!match.jurisdictions.some((j) => j.role !== 'advisory')) return reject('outside-region');

  const jurisdictions = match.jurisdictions.map((j): PlumeJurisdiction => {
    const feature = jurisdictionsById.get(j.id);
    const km = j.role === 'advisory' || !feature ? null : computeArrivalDistanceKm(input.source, footprint, feature);
    return { ...j, arrival_km: km, arrival_h: km === null ? null : computeTravelHours(km, input.speedMps) };
  });
  return accept({ footprint, footprint_km2: match.footprint_km2, jurisdictions });
}

function buildFootprint(input: PlumeModelInput) {
  const common = { source: input.source, windFromDeg: input.windFromDeg, speedMps: input.speedMps };
  if (input.model === 'sector') {
    return buildWindSector({
      ...common,
      hours: input.hours,
      ...(input.halfAngleDeg === undefined ? {} : { halfAngleDeg: input.halfAngleDeg }),
      ...(input.stability === undefined ? {} : { stability: input.stability }),
    });
  }
  if (input.stability === undefined) return reject('stability-required' as const);
  if (!(input.hours > 0)) return reject('hours-not-positive' as const);
  return buildGaussianFootprint({
    ...common,
    emissionGPerS: input.emissionGPerS,
    releaseHeightM: input.releaseHeightM,
    stability: input.stability,
    levelOfConcernGM3: input.levelOfConcernGM3,
    maxDistanceKm: computeTravelDistanceKm(input.speedMps, input.hours),
  });
}

import { destination } from '@turf/destination';
import type { Feature, Polygon, Position } from 'geojson';
import { validateSourcePoint, type LonLat, type SourcePointReason } from './source-point.ts';
import { getSigmaThetaDeg, type StabilityCell } from './stability-class.ts';
import { accept, reject, type Validated } from './validation.ts';
import { computeTravelDistanceKm, normaliseBearing, toDownwindBearing, validateWind, type WindReason } from './wind.ts';

export interface WindSectorInput {
  source: LonLat;
  /** Meteorological direction the wind comes FROM, degrees. */
  windFromDeg: number;
  speedMps: number;
  /** How long the release lasts or how far ahead the warning looks, hours. */
  hours: number;
  /** The user's half-angle, degrees; takes precedence over the class. */
  halfAngleDeg?: number;
  /** Used for σθ when no half-angle is given. */
  stability?: StabilityCell;
}

export interface WindSectorProps {
  model: 'sector';
  wind_from_deg: number;
  downwind_bearing_deg: number;
  wind_speed_mps: number;
  hours: number;
  radius_km: number;
  half_angle_deg: number;
  /** Whether the half-angle was the user's or the class's σθ: the UI must say which. */
  half_angle_source: 'user' | 'sigma-theta';
  stability_class: StabilityCell | null;
}

export type WindSectorReason =
  | WindReason
  | SourcePointReason
  | 'hours-not-finite'
  | 'hours-not-positive'
  | 'half-angle-or-class-required'
  | 'half-angle-out-of-range'
  | 'sector-radius-too-large';

/**
 * Beyond this a straight drift under one constant wind says nothing useful, and the polygon would
 * cover a good part of a hemisphere; the caller should split the forecast instead.
 */
export const MAX_SECTOR_RADIUS_KM = 2000;

/** One arc vertex per degree keeps the arc within 0.02 % of the true circle (1 − cos 0.5°). */
const ARC_STEP_DEG = 1;
const MIN_ARC_SEGMENTS = 8;

/**
 * The screening footprint for a gas or ash release: a circular sector with its apex at the source,
 * its axis on the downwind bearing, radius R = 3.6 · u · T km, and a half-angle that is either the
 * user's or the class's σθ. The ring is counter-clockwise (RFC 7946); the arc is built here from
 * geodesic destination points rather than with @turf/sector, whose ring runs clockwise and whose
 * arc resolution is set for a whole circle, leaving a narrow F-class sector with few vertices.
 */
export function buildWindSector(input: WindSectorInput): Validated<Feature<Polygon, WindSectorProps>, WindSectorReason> {
  const source = validateSourcePoint(input.source[0], input.source[1]);
  if (!source.valid) return source;
  const wind = validateWind(input.windFromDeg, input.speedMps);
  if (!wind.valid) return wind;
  if (!Number.isFinite(input.hours)) return reject('hours-not-finite');
  if (input.hours <= 0) return reject('hours-not-positive');

  const halfAngle = chooseHalfAngle(input);
  if (!halfAngle.valid) return halfAngle;
  const radiusKm = computeTravelDistanceKm(input.speedMps, input.hours);
  if (radiusKm > MAX_SECTOR_RADIUS_KM) return reject('sector-radius-too-large');

  const axisDeg = toDownwindBearing(input.windFromDeg);
  const { halfAngleDeg, source: halfAngleSource } = halfAngle.value;
  return accept({
    type: 'Feature',
    properties: {
      model: 'sector',
      wind_from_deg: input.windFromDeg,
      downwind_bearing_deg: axisDeg,
      wind_speed_mps: input.speedMps,
      hours: input.hours,
      radius_km: radiusKm,
      half_angle_deg: halfAngleDeg,
      half_angle_source: halfAngleSource,
      stability_class: input.stability ?? null,
    },
    geometry: { type: 'Polygon', coordinates: [traceSector(input.source, axisDeg, halfAngleDeg, radiusKm)] },
  });
}

function chooseHalfAngle(
  input: WindSectorInput,
): Validated<{ halfAngleDeg: number; source: 'user' | 'sigma-theta' }, WindSectorReason> {
  if (input.halfAngleDeg !== undefined) {
    // A half-angle of 180° or more is a circle, which is a different footprint (and a different tool).
    if (!Number.isFinite(input.halfAngleDeg) || input.halfAngleDeg <= 0 || input.halfAngleDeg >= 180) {
      return reject('half-angle-out-of-range');
    }
    return accept({ halfAngleDeg: input.halfAngleDeg, source: 'user' });
  }
  if (input.stability === undefined) return reject('half-angle-or-class-required');
  return accept({ halfAngleDeg: getSigmaThetaDeg(input.stability), source: 'sigma-theta' });
}

/** Apex, then the arc from the right edge (axis + half) to the left edge (axis − half), then apex. */
function traceSector(source: LonLat, axisDeg: number, halfAngleDeg: number, radiusKm: number): Position[] {
  const segments = Math.max(MIN_ARC_SEGMENTS, Math.ceil((2 * halfAngleDeg) / ARC_STEP_DEG));
  const ring: Position[] = [[...source]];
  for (let i = 0; i <= segments; i += 1) {
    const bearingDeg = normaliseBearing(axisDeg + halfAngleDeg - (2 * halfAngleDeg * i) / segments);
    ring.push(destination(source, radiusKm, bearingDeg).geometry.coordinates);
  }
  ring.push([...source]);
  return ring;
}

import { earthRadius } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Turf's area formula (@turf/area), rewritten as a shoelace sum.
 *
 * Turf sums (λ[i+1] − λ[i−1]) · sin φ[i] around a ring. Re-indexing that sum gives
 * Σ (λ[i+1] · sin φ[i] − λ[i] · sin φ[i+1]): the planar shoelace formula in the coordinates
 * (λ, sin φ), i.e. Lambert's cylindrical equal-area projection. Because that sum splits into one
 * term per edge, the area of an intersection can be summed edge piece by edge piece (see
 * overlap-area.ts) and still equal, to rounding, what Turf's area gives for the clipped polygon.
 */
export const DEG_TO_RAD = Math.PI / 180;

/** km² per unit of the (λ, sin φ) shoelace sum: R² / 2, with Turf's mean earth radius in metres. */
export const KM2_PER_SUM_UNIT = (earthRadius * earthRadius) / 2 / 1e6;

/** Kilometres per degree of latitude on Turf's sphere. */
export const KM_PER_DEGREE = (earthRadius * DEG_TO_RAD) / 1000;

/** Signed sum of a closed ring (first position repeated last), positive when counter-clockwise. */
export function ringSum(ring: readonly Position[]): number {
  let total = 0;
  const n = ring.length;
  if (n < 4) return 0;
  let prev = ring[0] as Position;
  let lamA = (prev[0] as number) * DEG_TO_RAD;
  let sinA = Math.sin((prev[1] as number) * DEG_TO_RAD);
  for (let i = 1; i < n; i++) {
    prev = ring[i] as Position;
    const lamB = (prev[0] as number) * DEG_TO_RAD;
    const sinB = Math.sin((prev[1] as number) * DEG_TO_RAD);
    total += lamA * sinB - lamB * sinA;
    lamA = lamB;
    sinA = sinB;
  }
  return total;
}

/** Signed ring area in km², positive when counter-clockwise (as RFC 7946 wants outer rings). */
export function ringAreaKm2(ring: readonly Position[]): number {
  return ringSum(ring) * KM2_PER_SUM_UNIT;
}

/** Polygon area in km² the way Turf counts it: |outer| − Σ |holes|. */
export function polygonAreaKm2(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(ringAreaKm2(ring));
    total += i === 0 ? a : -a;
  });
  return total;
}

/** Area in km² of a Polygon or MultiPolygon, equal to @turf/area / 1e6 up to rounding. */
export function geometryAreaKm2(geometry: Polygon | MultiPolygon): number {
  if (geometry.type === 'Polygon') return polygonAreaKm2(geometry.coordinates);
  let total = 0;
  for (const polygon of geometry.coordinates) total += polygonAreaKm2(polygon);
  return total;
}

/**
 * Kilometres per degree of latitude on Turf's sphere (radius 6371.0088 km), so local planar
 * distances agree with @turf/distance.
 */
export const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/**
 * Half-size, in degrees, of a box that holds every point within `km` of a point at `latDeg`.
 * Longitude degrees shrink with cos(latitude); the widest latitude of the query is the caller's.
 */
export function degreesForKm(km: number, latDeg: number): { dLon: number; dLat: number } {
  const cos = Math.max(Math.cos((Math.min(Math.abs(latDeg), 89) * Math.PI) / 180), 1e-6);
  return { dLon: km / (KM_PER_DEGREE * cos), dLat: km / KM_PER_DEGREE };
}

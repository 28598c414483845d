import { distance } from '@turf/distance';
import type { Position } from 'geojson';
import type { Bbox, RiverFeature } from '../region/region-bundle.ts';

/** One river of a bundle, prepared for snapping and tracing. */
export interface PreparedRiver {
  feature: RiverFeature;
  coordinates: readonly Position[];
  /** Geodesic km from the river's upstream start to each vertex (Turf's haversine, as @turf/length). */
  vertexKm: Float64Array;
  lengthKm: number;
  bbox: Bbox;
}

/** The rivers of one region by id; built once per region. */
export interface RiverNetwork {
  rivers: ReadonlyMap<string, PreparedRiver>;
}

/**
 * Prepares a region's rivers. The running km is measured here once, with the same formula as
 * @turf/nearest-point-on-line and @turf/length, so a snapped position and the vertices after it
 * agree to the metre.
 */
export function createRiverNetwork(features: readonly RiverFeature[]): RiverNetwork {
  const rivers = new Map<string, PreparedRiver>();
  for (const feature of features) {
    const coordinates = feature.geometry.coordinates;
    if (coordinates.length < 2) continue;
    const vertexKm = new Float64Array(coordinates.length);
    const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    coordinates.forEach((position, i) => {
      const [lon, lat] = position as [number, number];
      if (i > 0) vertexKm[i] = (vertexKm[i - 1] as number) + distance(coordinates[i - 1] as Position, position, { units: 'kilometers' });
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    });
    rivers.set(feature.properties.id, { feature, coordinates, vertexKm, lengthKm: vertexKm[coordinates.length - 1] as number, bbox });
  }
  return { rivers };
}

/**
 * The position `km` along a prepared river, and the index of the first vertex strictly beyond it.
 * Within a segment the point is interpolated linearly in lon/lat: segments are at most ~45 km, where
 * the great-circle arc and the straight lon/lat chord differ by metres, far below the data's accuracy.
 */
export function positionAlongRiver(river: PreparedRiver, km: number): { position: Position; nextVertex: number } {
  const { coordinates, vertexKm } = river;
  const last = coordinates.length - 1;
  if (km <= 0) return { position: [...(coordinates[0] as Position)], nextVertex: 1 };
  if (km >= river.lengthKm) return { position: [...(coordinates[last] as Position)], nextVertex: last + 1 };
  // Binary search for the segment holding km: rivers have hundreds of vertices.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((vertexKm[mid] as number) <= km) lo = mid;
    else hi = mid;
  }
  const k0 = vertexKm[lo] as number;
  const k1 = vertexKm[hi] as number;
  const t = k1 > k0 ? (km - k0) / (k1 - k0) : 0;
  const [x0, y0] = coordinates[lo] as [number, number];
  const [x1, y1] = coordinates[hi] as [number, number];
  return { position: [x0 + t * (x1 - x0), y0 + t * (y1 - y0)], nextVertex: hi };
}

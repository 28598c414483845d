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

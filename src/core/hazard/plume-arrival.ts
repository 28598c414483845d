import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon;
const asFeature = (a: Area): Feature<Polygon | MultiPolygon> => (a.type === 'Feature' ? a : { type: 'Feature', properties: {}, geometry: a });

/**
 * Distance from the source to the nearest point of the jurisdiction that lies inside the
 * footprint (DESIGN.md §4: arrival = that distance / wind speed), km; 0 when that part holds the
 * source, null when the footprint does not reach the jurisdiction.
 *
 * The exact intersection runs only for the few jurisdictions the matcher found crossed, so the
 * cost of Turf's robust clipper is paid a handful of times per plume, not per candidate.
 */
export function computeArrivalDistanceKm(source: Position, footprint: Area, jurisdiction: Area): number | null {
  const inside = intersect(featureCollection([asFeature(footprint), asFeature(jurisdiction)]));
  if (!inside) return null;
  return Math.max(0, pointToPolygonDistance(source, inside, { units: 'kilometers' }));
}

import { buffer } from '@turf/buffer';
import { lineString, point } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { TracedReach } from './trace-downstream.ts';

/**
 * Half-width of a river spill's footprint, km each side of the centerline. The channels traced here
 * are 100 m to 2 km wide, and the 1:10m centerline sits a median 0.8 km off the mapped channel
 * (see DEFAULT_BANK_KM): 1 km each side holds the water, the banks and the intakes along them.
 */
export const DEFAULT_FOOTPRINT_WIDTH_KM = 1;

export interface RiverFootprintProps {
  kind: 'river-spill';
  river_ids: string[];
  length_km: number;
  width_km: number;
}

/**
 * The traced reach buffered `widthKm` each side (Turf's buffer, geodesic through a local azimuthal
 * projection). A zero-length reach (a spill at a river mouth with nowhere to go) becomes a disc.
 */
export function buildRiverFootprint(reach: TracedReach, widthKm: number): Feature<Polygon | MultiPolygon, RiverFootprintProps> {
  const source = reach.lengthKm > 0 ? lineString(reach.coordinates) : point(reach.coordinates[0] as number[]);
  const buffered = buffer(source, widthKm, { units: 'kilometers', steps: 8 });
  if (!buffered) throw new Error('buffer of a traced reach came back empty');
  return {
    type: 'Feature',
    properties: {
      kind: 'river-spill',
      river_ids: reach.legs.map((leg) => leg.riverId),
      length_km: reach.lengthKm,
      width_km: widthKm,
    },
    geometry: buffered.geometry,
  };
}

import type { MultiPolygon, Polygon } from 'geojson';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions } from '../jurisdiction/match-jurisdictions.ts';
import type { Bbox } from '../region/region-bundle.ts';
import { invalid, type Invalid } from './footprint-types.ts';

/**
 * A footprint must reach the region: its box must meet the region's box and, when the region's
 * jurisdictions are given, it must overlap at least one of them by some area (touching is not enough).
 */
export function validateInRegion(geometry: Polygon | MultiPolygon, box: Bbox, region: { bbox: Bbox; index?: JurisdictionIndex }): Invalid | null {
  const r = region.bbox;
  if (box[2] < r[0] || r[2] < box[0] || box[3] < r[1] || r[3] < box[1]) return invalid('outside-region', 'the footprint is outside the region box');
  if (!region.index) return null;
  const { jurisdictions } = matchJurisdictions(geometry, region.index, { advisoryKm: 0, sliverKm2: 0 });
  return jurisdictions.some((j) => j.overlap_km2 > 0) ? null : invalid('outside-region', 'the footprint overlaps none of the region\u2019s jurisdictions');
}

import type { MultiPolygon, Polygon } from 'geojson';
import { boxesOverlap } from '../geometry/bbox-math.ts';
import { overlapSum } from '../geometry/overlap-area.ts';
import { prepareShape } from '../geometry/prepared-shape.ts';
import { jurisdictionPart, type JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';
import type { Bbox } from '../region/region-bundle.ts';
import { invalid, type Invalid } from './footprint-types.ts';

/**
 * A footprint must reach the region: its box must meet the region's box and, when the region's
 * jurisdictions are given, it must overlap at least one of them by some area (touching is not enough).
 *
 * Only the question "any overlap at all?" is asked, so this stops at the first jurisdiction part
 * that overlaps: part boxes first, then one exact overlap test on each candidate (the matcher's own
 * area sum, so "overlaps" means what matching means by it). A drawing preview validates and then
 * matches; the matching is not done twice.
 */
export function validateInRegion(geometry: Polygon | MultiPolygon, box: Bbox, region: { bbox: Bbox; index?: JurisdictionIndex }): Invalid | null {
  if (!boxesOverlap(box, region.bbox)) return invalid('outside-region', 'the footprint is outside the region box');
  const index = region.index;
  if (!index) return null;
  const candidates = index.partTree.search(box[0], box[1], box[2], box[3]);
  if (candidates.every((p) => p >= index.partCount)) return invalid('outside-region', 'the footprint overlaps none of the region\u2019s jurisdictions');
  const shape = prepareShape(geometry);
  for (const p of candidates) {
    if (p < index.partCount && overlapSum(jurisdictionPart(index, p), shape) > 0) return null;
  }
  return invalid('outside-region', 'the footprint overlaps none of the region\u2019s jurisdictions');
}

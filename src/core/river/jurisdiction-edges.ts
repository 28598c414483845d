import Flatbush from 'flatbush';
import { pointInShape } from '../geometry/prepared-shape.ts';
import { createJurisdictionIndex, jurisdictionPart, type JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';
import type { Bbox, JurisdictionFeature } from '../region/region-bundle.ts';

/**
 * Every boundary edge of a region's jurisdictions in one flatbush, built once per region.
 *
 * River tracing asks "which boundaries come within the bank distance of this stretch of river",
 * segment by segment; with edges indexed one by one, each river segment meets only the few dozen
 * boundary edges near it, instead of whole polygons (thousands of vertices each).
 */
export interface JurisdictionEdgeIndex {
  features: readonly JurisdictionFeature[];
  /** Edge e runs from (x0, y0) to (x1, y1), lon/lat degrees, at edges[4e .. 4e + 3]. */
  edges: Float64Array;
  /** Feature index of each edge. */
  edgeFeature: Int32Array;
  edgeTree: Flatbush;
  /** Box of each feature: [w, s, e, n] at featureBoxes[4f .. 4f + 3]. */
  featureBoxes: Float64Array;
  /**
   * The same features as prepared shapes (feature f here is feature f there): inside/outside is
   * decided by the matcher's own point-in-shape, so tracing and matching agree on every point.
   */
  shapes: JurisdictionIndex;
}

export function createJurisdictionEdgeIndex(
  features: readonly JurisdictionFeature[],
  shapes: JurisdictionIndex = createJurisdictionIndex(features),
): JurisdictionEdgeIndex {
  if (shapes.features.length !== features.length) throw new Error('edge index and jurisdiction index must hold the same features');
  const coords: number[] = [];
  const owners: number[] = [];
  const featureBoxes = new Float64Array(features.length * 4);
  features.forEach((feature, f) => {
    const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i += 1) {
          const [x, y] = ring[i] as [number, number];
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
          if (i === 0) continue;
          const [px, py] = ring[i - 1] as [number, number];
          if (px === x && py === y) continue;
          coords.push(px, py, x, y);
          owners.push(f);
        }
      }
    }
    featureBoxes.set(box, f * 4);
  });
  const edges = Float64Array.from(coords);
  const count = owners.length;
  const edgeTree = new Flatbush(Math.max(1, count));
  for (let e = 0; e < count; e += 1) {
    const x0 = edges[4 * e] as number;
    const y0 = edges[4 * e + 1] as number;
    const x1 = edges[4 * e + 2] as number;
    const y1 = edges[4 * e + 3] as number;
    edgeTree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  if (count === 0) edgeTree.add(0, 0, 0, 0);
  edgeTree.finish();
  return { features, edges, edgeFeature: Int32Array.from(owners), edgeTree, featureBoxes, shapes };
}

/** Whether feature f holds the point (any of its parts, by the prepared shapes' even-odd test). */
export function jurisdictionHolds(shapes: JurisdictionIndex, f: number, x: number, y: number): boolean {
  const boxes = shapes.partBoxes;
  for (let p = shapes.featurePartStart[f] as number, end = shapes.featurePartStart[f + 1] as number; p < end; p += 1) {
    if (x < (boxes[4 * p] as number) || y < (boxes[4 * p + 1] as number) || x > (boxes[4 * p + 2] as number) || y > (boxes[4 * p + 3] as number)) continue;
    if (pointInShape(jurisdictionPart(shapes, p), x, y)) return true;
  }
  return false;
}

/** Every feature holding the point, in feature order (more than one only on a shared border). */
export function jurisdictionsHolding(shapes: JurisdictionIndex, x: number, y: number): number[] {
  const found = new Set<number>();
  for (const p of shapes.partTree.search(x, y, x, y)) {
    if (p >= shapes.partCount) continue;
    if (pointInShape(jurisdictionPart(shapes, p), x, y)) found.add(shapes.partFeature[p] as number);
  }
  return [...found].sort((a, b) => a - b);
}

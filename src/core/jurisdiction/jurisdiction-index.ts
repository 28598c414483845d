import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { polygonAreaKm2 } from '../geometry/lonlat-area.ts';
import { prepareShape, type PreparedShape } from '../geometry/prepared-shape.ts';
import type { Bbox, JurisdictionFeature } from '../region/region-bundle.ts';
import { measureBoundaryResolution, type BoundaryResolution } from './sliver-tolerance.ts';

/**
 * Everything matching needs about a region's jurisdictions, built once per region.
 *
 * Each polygon part is indexed on its own (flatbush over part boxes) so a multi-part jurisdiction
 * with far-flung islands, or one crossing the antimeridian, is not a candidate for every query.
 * Building the index only scans the coordinates (boxes, a sample for the data resolution); areas and rings
 * are computed, and the rings of a part prepared for exact geometry (typed arrays, edge hierarchy
 * with boxes and area sums; see prepared-ring.ts), the first time a query needs them, so start-up stays short and
 * the cost lands on the few parts a first query touches.
 */
export interface JurisdictionIndex {
  features: readonly JurisdictionFeature[];
  /** Area per feature, km², by Turf's formula (@turf/area / 1e6); NaN until first asked for. */
  areaKm2: Float64Array;
  partCount: number;
  /** Box of part p at [4p, 4p + 4): west, south, east, north. */
  partBoxes: Float64Array;
  /** Feature index of each part. */
  partFeature: Int32Array;
  /** Parts of feature f are featurePartStart[f] .. featurePartStart[f + 1] − 1. */
  featurePartStart: Int32Array;
  partTree: Flatbush;
  bbox: Bbox;
  resolution: BoundaryResolution;
  /** Rings of each part as given; prepared lazily into `prepared`. */
  partRings: readonly Position[][][];
  prepared: (PreparedShape | undefined)[];
}

export function createJurisdictionIndex(features: readonly JurisdictionFeature[]): JurisdictionIndex {
  const partRings: Position[][][] = [];
  const partFeature: number[] = [];
  const boxes: number[] = [];
  const areaKm2 = new Float64Array(features.length).fill(Number.NaN);
  const featurePartStart = new Int32Array(features.length + 1);
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  // Plain indexed loops: this runs once, cold, at start-up, before the JIT has warmed up.
  for (let f = 0; f < features.length; f++) {
    featurePartStart[f] = partRings.length;
    const g = (features[f] as JurisdictionFeature).geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (let q = 0; q < polygons.length; q++) {
      const rings = polygons[q] as Position[][];
      const outer = rings[0];
      if (!outer || outer.length < 4) continue;
      // Holes lie inside the outer ring, so its box is the part's box.
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let i = 0; i < outer.length; i++) {
        const p = outer[i] as Position;
        const x = p[0] as number, y = p[1] as number;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      boxes.push(x0, y0, x1, y1);
      if (x0 < bbox[0]) bbox[0] = x0;
      if (y0 < bbox[1]) bbox[1] = y0;
      if (x1 > bbox[2]) bbox[2] = x1;
      if (y1 > bbox[3]) bbox[3] = y1;
      partRings.push(rings);
      partFeature.push(f);
    }
  }
  featurePartStart[features.length] = partRings.length;
  const partCount = partRings.length;
  const partTree = new Flatbush(Math.max(1, partCount));
  for (let p = 0; p < partCount; p++) partTree.add(boxes[4 * p] as number, boxes[4 * p + 1] as number, boxes[4 * p + 2] as number, boxes[4 * p + 3] as number);
  if (partCount === 0) partTree.add(0, 0, 0, 0);
  partTree.finish();
  return {
    features,
    areaKm2,
    partCount,
    partBoxes: Float64Array.from(boxes),
    partFeature: Int32Array.from(partFeature),
    featurePartStart,
    partTree,
    bbox,
    resolution: measureBoundaryResolution(partRings),
    partRings,
    prepared: new Array<PreparedShape | undefined>(partCount),
  };
}

/** Area of feature f in km², by Turf's formula (computed on first use). */
export function jurisdictionAreaKm2(index: JurisdictionIndex, f: number): number {
  let area = index.areaKm2[f] as number;
  if (Number.isNaN(area)) {
    const g = (index.features[f] as JurisdictionFeature).geometry;
    area = 0;
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) area += polygonAreaKm2(rings);
    index.areaKm2[f] = area;
  }
  return area;
}

/** Part p of the index, prepared for exact geometry (on first use). */
export function jurisdictionPart(index: JurisdictionIndex, p: number): PreparedShape {
  let shape = index.prepared[p];
  if (!shape) {
    shape = prepareShape({ type: 'Polygon', coordinates: index.partRings[p] as Position[][] });
    index.prepared[p] = shape;
  }
  return shape;
}

/** Prepares every part now (for servers that prefer paying at start-up over the first queries). */
export function prepareAllParts(index: JurisdictionIndex): void {
  for (let p = 0; p < index.partCount; p++) jurisdictionPart(index, p);
}

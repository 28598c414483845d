import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from '../region/region-bundle.ts';
import { prepareRing, type PreparedRing } from './prepared-ring.ts';

/**
 * A polygonal area prepared for queries: all rings of one Polygon or MultiPolygon, outer rings
 * counter-clockwise and holes clockwise (interior on the left of every edge), so the area terms
 * of all rings add up to the area and inside/outside is decided by the even-odd rule.
 */
export interface PreparedShape {
  rings: PreparedRing[];
  bbox: Bbox;
  /** Signed term sum of all rings (area / KM2_PER_SUM_UNIT for valid input). */
  total: number;
}

export function prepareShape(geometry: Polygon | MultiPolygon, leafSize = 8): PreparedShape {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: PreparedRing[] = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const prepared = prepareRing(ring, i === 0, leafSize);
      if (prepared) rings.push(prepared);
    });
  }
  return shapeFromRings(rings);
}

export function shapeFromRings(rings: PreparedRing[]): PreparedShape {
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  let total = 0;
  for (const r of rings) {
    bbox[0] = Math.min(bbox[0], r.minX[0] as number);
    bbox[1] = Math.min(bbox[1], r.minY[0] as number);
    bbox[2] = Math.max(bbox[2], r.maxX[0] as number);
    bbox[3] = Math.max(bbox[3], r.maxY[0] as number);
    total += r.total;
  }
  return { rings, bbox, total };
}

/**
 * Even-odd point-in-shape test (crossings of a ray towards +x). A point exactly on the boundary
 * may go either way; callers only ask about points they know to be off the boundary.
 */
export function pointInShape(shape: PreparedShape, x: number, y: number): boolean {
  const b = shape.bbox;
  if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
  let inside = false;
  for (const ring of shape.rings) {
    if (ringCrossings(ring, 0, x, y) & 1) inside = !inside;
  }
  return inside;
}

function ringCrossings(r: PreparedRing, node: number, x: number, y: number): number {
  if ((r.maxY[node] as number) <= y || (r.minY[node] as number) > y || (r.maxX[node] as number) < x) return 0;
  const right = r.right[node] as number;
  if (right >= 0) return ringCrossings(r, node + 1, x, y) + ringCrossings(r, right, x, y);
  const xs = r.xs, ys = r.ys;
  let count = 0;
  for (let i = r.start[node] as number, e = r.end[node] as number; i < e; i++) {
    const ya = ys[i] as number, yb = ys[i + 1] as number;
    if (ya > y !== yb > y) {
      const xa = xs[i] as number, xb = xs[i + 1] as number;
      if (x < xa + ((y - ya) * (xb - xa)) / (yb - ya)) count++;
    }
  }
  return count;
}

/** True when the box of at least one edge of the shape touches the given box. */
export function anyEdgeTouchesBox(shape: PreparedShape, x0: number, y0: number, x1: number, y1: number): boolean {
  const b = shape.bbox;
  if (x1 < b[0] || x0 > b[2] || y1 < b[1] || y0 > b[3]) return false;
  for (const ring of shape.rings) if (ringEdgeTouchesBox(ring, 0, x0, y0, x1, y1)) return true;
  return false;
}

function ringEdgeTouchesBox(r: PreparedRing, node: number, x0: number, y0: number, x1: number, y1: number): boolean {
  if (x1 < (r.minX[node] as number) || x0 > (r.maxX[node] as number) || y1 < (r.minY[node] as number) || y0 > (r.maxY[node] as number)) {
    return false;
  }
  const right = r.right[node] as number;
  if (right >= 0) return ringEdgeTouchesBox(r, node + 1, x0, y0, x1, y1) || ringEdgeTouchesBox(r, right, x0, y0, x1, y1);
  const xs = r.xs, ys = r.ys;
  for (let i = r.start[node] as number, e = r.end[node] as number; i < e; i++) {
    const xa = xs[i] as number, xb = xs[i + 1] as number, ya = ys[i] as number, yb = ys[i + 1] as number;
    if (x1 < (xa < xb ? xa : xb) || x0 > (xa > xb ? xa : xb) || y1 < (ya < yb ? ya : yb) || y0 > (ya > yb ? ya : yb)) continue;
    return true;
  }
  return false;
}

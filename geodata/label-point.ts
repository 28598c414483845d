import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A label anchor deep inside the polygon's largest part, the pole of inaccessibility (the point
 * farthest from every edge): centroids of crescent-shaped prefectures fall outside them or on a
 * border. Branch-and-bound over square cells, as in Garcia-Castellanos & Lombardo (2007) and
 * Mapbox's polylabel: a cell is split only while it could still hold a better point than the best
 * found. Distances are planar with longitude scaled by cos(latitude), which is all a label needs.
 */
export function findLabelPoint(geometry: Polygon | MultiPolygon, precisionDeg = 0.005): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0]!)) > Math.abs(ringArea(a[0]!)) ? b : a));
  const [minX, minY, maxX, maxY] = ringBounds(largest[0]!);
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  // Work in a plane where one unit is the same ground distance in x and y.
  const rings = largest.map((ring) => ring.map((p) => [p[0]! * kx, p[1]!] as [number, number]));
  const cellSize = Math.min((maxX - minX) * kx, maxY - minY);
  if (cellSize === 0) return [minX, minY];

  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  const h = cellSize / 2;
  for (let x = minX * kx; x < maxX * kx; x += cellSize) for (let y = minY; y < maxY; y += cellSize) queue.push(cell(x + h, y + h, h));
  let best = cell(((minX + maxX) / 2) * kx, (minY + maxY) / 2, 0);
  while (queue.length > 0) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precisionDeg) continue;
    const q = c.h / 2;
    queue.push(cell(c.x - q, c.y - q, q), cell(c.x + q, c.y - q, q), cell(c.x - q, c.y + q, q), cell(c.x + q, c.y + q, q));
  }
  return [Math.round((best.x / kx) * 1e5) / 1e5, Math.round(best.y * 1e5) / 1e5];
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Signed distance from the centre to the polygon's edges, positive inside. */
  d: number;
  /** The best distance any point of the cell could have. */
  max: number;
}

function ringBounds(ring: Position[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    minX = Math.min(minX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxX = Math.max(maxX, p[0]!);
    maxY = Math.max(maxY, p[1]!);
  }
  return [minX, minY, maxX, maxY];
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

function signedDistance(x: number, y: number, rings: [number, number][][]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[j]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      min = Math.min(min, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

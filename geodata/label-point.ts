import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A label anchor deep inside the polygon's largest part (an approximate pole of inaccessibility):
 * centroids of crescent-shaped prefectures fall outside them or on a border. Grid search refined
 * three times; distances are planar with longitude scaled by cos(latitude), which is all a label
 * needs.
 */
export function findLabelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0]!)) > Math.abs(ringArea(a[0]!)) ? b : a));
  const outer = largest[0]!;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer as [number, number][]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  let best: [number, number] = [(minX + maxX) / 2, (minY + maxY) / 2];
  let bestScore = -Infinity;
  let [cx, cy, w, h] = [(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY];
  for (let round = 0; round < 4; round++) {
    const n = 16;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const p: [number, number] = [cx - w / 2 + (w * i) / n, cy - h / 2 + (h * j) / n];
        if (!insidePolygon(p, largest)) continue;
        const score = distanceToRings(p, largest, kx);
        if (score > bestScore) {
          bestScore = score;
          best = p;
        }
      }
    }
    [cx, cy, w, h] = [best[0], best[1], w / 4, h / 4];
  }
  return [Math.round(best[0] * 1e5) / 1e5, Math.round(best[1] * 1e5) / 1e5];
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

function insidePolygon(p: [number, number], rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToRings(p: [number, number], rings: Position[][], kx: number): number {
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i]![0]! * kx;
      const ay = ring[i]![1]!;
      const dx = ring[i + 1]![0]! * kx - ax;
      const dy = ring[i + 1]![1]! - ay;
      const px = p[0] * kx;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)));
      min = Math.min(min, Math.hypot(px - ax - t * dx, p[1] - ay - t * dy));
    }
  }
  return min;
}

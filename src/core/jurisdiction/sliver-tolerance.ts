import { DEG_TO_RAD, KM_PER_DEGREE } from '../geometry/lonlat-area.ts';
import type { Position } from 'geojson';

/**
 * How fine the boundary data is, measured once per region when the index is built.
 *
 * Shared borders in cn-atlas are exact shared arcs, but quantised to a grid of 0.00029° × 0.00023°
 * (about 28 m × 26 m), with segments 1.7 km long at the median and 3.3 km at the 90th percentile.
 * A footprint edge that follows a border to within one grid step cannot be told apart from the
 * border, yet leaves a thin sliver on the far side: at most half a segment length times one step
 * per segment, ½ × 3.3 km × 0.027 km ≈ 0.044 km² there (measured: 0.044 km²). That is the default
 * sliver tolerance: overlaps smaller than it are noise of the data, not crossings. Being measured
 * rather than hard-coded, it scales with coarser data (us-atlas counties-10m: a 0.0036° × 0.00086°
 * grid, about 300 m × 95 m, and 28 km segments at p90 give 4.2 km²) and is 0 for unquantised data.
 * Callers can always pass their own (MatchOptions.sliverKm2).
 *
 * Coarse data must not hide real incursions, so the measured value is capped at MAX_SLIVER_KM2:
 * on us-atlas the raw formula (4-6 km²) would have dismissed a 2 km × 2.7 km tab of a footprint
 * into a county, which is a crossing a duty officer must see.
 */
export const MAX_SLIVER_KM2 = 1;

export interface BoundaryResolution {
  /** Smallest non-zero coordinate step along an edge, in km (the larger of the x and y steps). */
  quantumKm: number;
  /** 90th percentile of edge lengths, km. */
  segmentP90Km: number;
  /** Default sliver tolerance derived from the two: ½ · segmentP90Km · quantumKm, at most MAX_SLIVER_KM2. */
  sliverKm2: number;
}

export function measureBoundaryResolution(parts: readonly Position[][][]): BoundaryResolution {
  let edgeCount = 0;
  for (const rings of parts) for (const ring of rings) edgeCount += Math.max(0, ring.length - 1);
  if (edgeCount === 0) return { quantumKm: 0, segmentP90Km: 0, sliverKm2: 0 };
  // A regular sample of about 20,000 edges: enough for the percentile, and among that many edges
  // some always advance by a single grid step in x and in y (checked on both datasets against a
  // scan of every edge), while indexing stays a few milliseconds.
  const stride = Math.max(1, Math.floor(edgeCount / 20_000));
  const lengths = new Float64Array(Math.ceil(edgeCount / stride) + 1);
  let sampled = 0;
  let qx = Infinity, qy = Infinity, latSum = 0;
  let k = 0;
  for (const rings of parts) {
    for (const ring of rings) {
      const edges = ring.length - 1;
      // Visit only the sampled edges: every stride-th edge of the whole data set.
      for (let i = (stride - (k % stride)) % stride; i < edges; i += stride) {
        const a = ring[i] as Position, b = ring[i + 1] as Position;
        const ay = a[1] as number;
        const dx = Math.abs((b[0] as number) - (a[0] as number)), dy = Math.abs((b[1] as number) - ay);
        if (dx === 0 && dy === 0) continue;
        if (dx > 1e-12 && dx < qx) qx = dx;
        if (dy > 1e-12 && dy < qy) qy = dy;
        const cx = dx * Math.cos(ay * DEG_TO_RAD);
        latSum += ay;
        lengths[sampled++] = KM_PER_DEGREE * Math.sqrt(cx * cx + dy * dy);
      }
      k += Math.max(0, edges);
    }
  }
  if (sampled === 0) return { quantumKm: 0, segmentP90Km: 0, sliverKm2: 0 };
  const meanLat = latSum / sampled;
  const quantumKm = Math.max(
    Number.isFinite(qx) ? qx * KM_PER_DEGREE * Math.cos(meanLat * DEG_TO_RAD) : 0,
    Number.isFinite(qy) ? qy * KM_PER_DEGREE : 0,
  );
  const sorted = lengths.subarray(0, sampled).sort();
  const segmentP90Km = sorted[Math.min(sampled - 1, Math.floor(sampled * 0.9))] as number;
  return { quantumKm, segmentP90Km, sliverKm2: Math.min(MAX_SLIVER_KM2, 0.5 * segmentP90Km * quantumKm) };
}

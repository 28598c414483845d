import { describe, expect, it } from 'vitest';
import { createJurisdictionIndex } from '../../../../src/core/jurisdiction/jurisdiction-index.ts';
import { matchJurisdictions } from '../../../../src/core/jurisdiction/match-jurisdictions.ts';
import { MAX_SLIVER_KM2, measureBoundaryResolution } from '../../../../src/core/jurisdiction/sliver-tolerance.ts';
import type { JurisdictionFeature } from '../../../../src/core/region/region-bundle.ts';

/** Two 0.5° squares side by side on a coarse 0.01° grid with 0.5° edges: raw tolerance ≈ 31 km². */
function coarsePair(): JurisdictionFeature[] {
  const square = (id: string, x0: number): JurisdictionFeature => ({
    type: 'Feature',
    properties: { id, name_zh: id, name_en: id, parent_id: '00', parent_zh: '', parent_en: '', core: true, label_point: [x0 + 0.25, 40.25] },
    geometry: { type: 'Polygon', coordinates: [[[x0, 40], [x0 + 0.5, 40], [x0 + 0.5, 40.5], [x0, 40.5], [x0, 40]]] },
  });
  return [square('a', 0), square('b', 0.5)];
}

describe('sliver tolerance', () => {
  it('is capped so coarse data cannot hide a real incursion', () => {
    const resolution = measureBoundaryResolution(coarsePair().map((f) => (f.geometry as { coordinates: number[][][] }).coordinates));
    expect(resolution.sliverKm2).toBe(MAX_SLIVER_KM2);
  });

  it('counts a 2 km × 2.7 km tab across the border of a large footprint as a crossing', () => {
    const index = createJurisdictionIndex(coarsePair());
    // Most of square a, plus a tab about 2.7 km wide and 2 km deep into b.
    const tab = 0.024; // degrees of longitude ≈ 2 km at 40° N
    const footprint = {
      type: 'Polygon' as const,
      coordinates: [[[0.05, 40.05], [0.5, 40.05], [0.5, 40.2], [0.5 + tab, 40.2], [0.5 + tab, 40.2243], [0.5, 40.2243], [0.5, 40.45], [0.05, 40.45], [0.05, 40.05]]],
    };
    const b = matchJurisdictions(footprint, index).jurisdictions.find((j) => j.id === 'b')!;
    expect(b.overlap_km2).toBeGreaterThan(4);
    expect(b.role).toBe('affected');
  });
});

import type { Bbox } from '../src/core/region/region-bundle.ts';

/** Which Natural Earth features a river is assembled from. */
export interface RiverPartSource {
  file: 'centerlines' | 'northAmerica';
  rivernum: number;
}

/**
 * One river of a region, oriented and named by hand because Natural Earth's line direction and
 * some of its names are unreliable (the Sha-Ying is labelled "Quan" and runs upstream).
 */
export interface RiverRecipe {
  id: string;
  name_zh: string;
  name_en: string;
  parts: RiverPartSource[];
  /**
   * A point near the upstream end of the Natural Earth parts (before any `extendUpstream`). The parts are chained from here, each reversed where
   * needed, so the assembled line runs downstream whatever the data's own direction.
   */
  upstream: [number, number];
  /** Extra vertices prepended at the upstream end where the data starts short (say why in `note`). */
  extendUpstream?: [number, number][];
  /** Extra vertices appended at the downstream end where the data stops short (say why in `note`). */
  extendDownstream?: [number, number][];
  note?: string;
}

export interface ExcludedRiver {
  rivernum: number;
  why: string;
}

interface RecipeBase {
  id: string;
  name_zh: string;
  name_en: string;
  timezone: string;
  rivers: RiverRecipe[];
  /** Named Natural Earth rivers that cross the region but are deliberately left out. */
  excludedRivers?: ExcludedRiver[];
  /** Volcanoes within this distance of the region are kept (an eruption just across a border matters). */
  volcanoMarginKm: number;
}

export interface ChinaRegionRecipe extends RecipeBase {
  country: 'CN';
  /** Two-digit adcode prefixes of the region's own provinces. */
  provinces: string[];
  /** Take in every prefecture bordering the region's own (they must be warned too). */
  includeNeighbours: boolean;
}

export interface UsRegionRecipe extends RecipeBase {
  country: 'US';
  /** Counties crossed by these rivers are the region's own; their neighbours are taken in too. */
  coreRivers: string[];
  /** Two-digit state FIPS codes the counties may come from. */
  states: string[];
}

export type RegionRecipe = ChinaRegionRecipe | UsRegionRecipe;

/** Margin around the jurisdictions' bbox within which rivers are kept, degrees. */
export const RIVER_CLIP_MARGIN_DEG = 0.3;

export function expandBbox(b: Bbox, deg: number): Bbox {
  return [b[0] - deg, b[1] - deg, b[2] + deg, b[3] + deg];
}

import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * A region bundle: everything the app, the hazard core and the database seed know about one
 * shared region. Built by geodata/build-regions.ts from the raw public data; never edited by hand.
 *
 * Resolution: jurisdictions keep the source's full resolution (cn-atlas is quantised to about
 * 30 m; us-atlas counties-10m to about 1:10M) because matching areas and border crossings depend
 * on it; MapLibre simplifies per zoom level for display. Context layers (provinces, countries)
 * are only drawn, so they are simplified.
 */
export const REGION_BUNDLE_FORMAT = 'crossrisk-region@1' as const;

export type Bbox = [west: number, south: number, east: number, north: number];

export interface RegionInfo {
  id: string;
  name_zh: string;
  name_en: string;
  /** ISO 3166-1 alpha-2 of the country whose jurisdictions these are. */
  country: 'CN' | 'US';
  /** IANA zone in which user-facing times of this region are shown. */
  timezone: string;
  bbox: Bbox;
}

export interface JurisdictionProps {
  /** Official code: 6-digit adcode (China) or 5-digit FIPS (US). */
  id: string;
  name_zh: string;
  name_en: string;
  /** Province (China, 6-digit adcode ending 0000) or state (US, 2-digit FIPS). */
  parent_id: string;
  parent_zh: string;
  parent_en: string;
  /** True for the region's own jurisdictions, false for bordering ones taken in as neighbours. */
  core: boolean;
  /** Where the name label goes: a point well inside the largest part, not the centroid. */
  label_point: [number, number];
}
export type JurisdictionFeature = Feature<Polygon | MultiPolygon, JurisdictionProps>;

/** Where a river's downstream end flows into another river of the bundle. */
export interface RiverOutlet {
  river_id: string;
  /** Along-river distance on the receiving river, km from its upstream start. */
  at_km: number;
}

export interface RiverProps {
  /** Recipe id, e.g. "sha-ying". */
  id: string;
  name_zh: string;
  name_en: string;
  /** Natural Earth rivernum values the line was assembled from, upstream first. */
  source_rivernums: number[];
  /** Geodesic length of the line, km. The line always runs downstream. */
  length_km: number;
  outlet: RiverOutlet | null;
}
export type RiverFeature = Feature<LineString, RiverProps>;

export interface LakeProps {
  id: string;
  name_zh: string | null;
  name_en: string | null;
  kind: 'lake' | 'reservoir';
}
export type LakeFeature = Feature<Polygon | MultiPolygon, LakeProps>;

export type HazardSourceKind = 'power_plant' | 'volcano';
export interface HazardSourceProps {
  id: string;
  kind: HazardSourceKind;
  name_en: string;
  name_zh: string | null;
  /** Jurisdiction whose polygon holds the source, or null when it lies just outside all of them. */
  jurisdiction_id: string | null;
  /** Power plants: installed capacity, MW, and primary fuel as WRI records them. */
  capacity_mw?: number;
  fuel?: string;
  /** Volcanoes: type and last known status as NOAA records them. */
  volcano_type?: string;
  status?: string;
}
export type HazardSourceFeature = Feature<Point, HazardSourceProps>;

export interface ContextProps {
  id: string;
  name_zh: string;
  name_en: string;
}

export interface RegionBundle {
  format: typeof REGION_BUNDLE_FORMAT;
  region: RegionInfo;
  jurisdictions: FeatureCollection<Polygon | MultiPolygon, JurisdictionProps>;
  /** Jurisdiction id → ids sharing a border with it (a shared arc in the source topology). */
  neighbours: Record<string, string[]>;
  rivers: FeatureCollection<LineString, RiverProps>;
  lakes: FeatureCollection<Polygon | MultiPolygon, LakeProps>;
  sources: FeatureCollection<Point, HazardSourceProps>;
  context: {
    provinces: FeatureCollection<Polygon | MultiPolygon, ContextProps>;
    countries: FeatureCollection<Polygon | MultiPolygon, ContextProps>;
  };
  /** Attribution lines for every dataset the bundle was built from. */
  attribution: string[];
}

/** The regions index written beside the bundles (regions.json). */
export interface RegionIndexEntry {
  id: string;
  name_zh: string;
  name_en: string;
  jurisdictions: number;
  bbox: Bbox;
}

import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from '../region/region-bundle.ts';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction-index.ts';

/** Why a footprint was refused. Codes, not sentences: the UI words them in Chinese and English. */
export type FootprintReason =
  /** Not parseable, not an object with a GeoJSON type, or positions that are not number pairs. */
  | 'not-geojson'
  /** Valid GeoJSON of a kind that has no area and no width to give it one (MultiPoint, GeometryCollection, ...). */
  | 'unsupported-type'
  /** No coordinates at all (empty geometry or FeatureCollection without features). */
  | 'empty-geometry'
  /** A LineString without a buffer width, or a Point without a radius. */
  | 'missing-width'
  /** A buffer width or radius that is not a positive finite number of km (or absurdly large). */
  | 'invalid-width'
  /** Longitude outside [-180, 180] or latitude outside [-90, 90]. */
  | 'coordinate-out-of-range'
  /** The positions read as [lat, lon]: swapping them gives valid (or in-region) coordinates. */
  | 'lat-lon-swapped'
  /** More than the vertex limit (50,000 by default). */
  | 'too-many-vertices'
  /** A ring with fewer than 3 distinct positions. */
  | 'ring-too-short'
  /** A ring whose first and last positions differ and that closing would not repair. */
  | 'ring-not-closed'
  /** Edges that cross or touch (a figure eight, a spike, a hole touching its shell). */
  | 'self-intersection'
  /** A hole that does not lie inside its outer ring. */
  | 'hole-outside-shell'
  /** An area under 1 m² (a line drawn as a polygon, or collinear points). */
  | 'zero-area'
  /**
   * A ring spanning more than 180° of longitude: drawn across the antimeridian (179° to −179° is
   * 2° wide on the ground, 358° in the numbers), which GeoJSON wants split (RFC 7946 §3.1.9).
   */
  | 'crosses-antimeridian'
  /** An area above MAX_FOOTPRINT_KM2, or a ring around every longitude (the whole world). */
  | 'footprint-too-large'
  /** Nowhere inside the region (no overlap with its box or with any of its jurisdictions). */
  | 'outside-region';

/** What was repaired or converted, and how many times. */
export type FootprintRepairCode =
  /** Third (altitude) coordinates dropped: count of positions. */
  | 'dropped-altitude'
  /** Consecutive duplicate positions removed. */
  | 'removed-duplicate-vertices'
  /** Open rings closed by repeating their first position. */
  | 'closed-ring'
  /** Rings reversed to RFC 7946 winding (outer counter-clockwise, holes clockwise). */
  | 'rewound-ring'
  /** Features of a FeatureCollection combined into one footprint: count of extra features. */
  | 'merged-features'
  /** Overlapping or touching polygons unioned (polyclip-ts): count of polygons absorbed. */
  | 'merged-overlapping-polygons'
  /** Lines widened by their buffer width. */
  | 'buffered-line'
  /** Points turned into circles of their radius. */
  | 'circle-from-point';

export interface FootprintRepair {
  code: FootprintRepairCode;
  count: number;
}

export interface FootprintProps {
  /** Area by Turf's formula, km². */
  area_km2: number;
  vertices: number;
}

/** A normalised footprint: RFC 7946 winding, closed rings, no duplicate vertices, no overlaps. */
export type Footprint = Feature<Polygon | MultiPolygon, FootprintProps>;

export type FootprintValidation =
  | { valid: true; footprint: Footprint; repairs: FootprintRepair[] }
  | { valid: false; reason: FootprintReason; detail: string };

export interface FootprintOptions {
  /** Buffer distance (each side of the line), km, for LineString input without `buffer_km`. */
  bufferKm?: number;
  /** Radius, km, for Point input without `radius_km`. */
  radiusKm?: number;
  /** Vertices of a circle built from a point. Default 64. */
  circleSteps?: number;
  /** Vertex limit. Default 50,000. */
  maxVertices?: number;
  /** The region the footprint must reach: its box, and optionally its jurisdictions. */
  region?: { bbox: Bbox; index?: JurisdictionIndex };
}

/** Parsed input, one entry per drawable piece, before repairs. */
export type FootprintPiece =
  | { kind: 'polygon'; rings: Position[][] }
  | { kind: 'line'; coordinates: Position[]; bufferKm: number | undefined }
  | { kind: 'point'; coordinates: Position; radiusKm: number | undefined };

export type Invalid = { valid: false; reason: FootprintReason; detail: string };

export function invalid(reason: FootprintReason, detail: string): Invalid {
  return { valid: false, reason, detail };
}

export const DEFAULT_MAX_VERTICES = 50_000;
export const DEFAULT_CIRCLE_STEPS = 64;
/** Largest buffer or radius accepted, km: beyond it the footprint is no longer regional. */
export const MAX_WIDTH_KM = 5_000;
/**
 * Largest footprint accepted, km²: larger than any regional hazard. The region bundles, each a
 * whole region with its neighbouring cities, cover 330,000 (us-four-corners) to 700,000 km²
 * (jingjinji); Henan's is about 414,000 km². Twice the largest still leaves room for a plume or ash
 * advisory over several regions, while a hemisphere drawn by mistake is refused.
 */
export const MAX_FOOTPRINT_KM2 = 2_000_000;
/** Widest longitude span of one ring, degrees: beyond it the ring goes the long way round. */
export const MAX_RING_LON_SPAN_DEG = 180;
/** Turf's buffer default: segments per quarter circle at each end of a buffered line. */
export const LINE_BUFFER_STEPS = 8;
/** Areas under this are zero (1 m²). */
export const ZERO_AREA_KM2 = 1e-6;

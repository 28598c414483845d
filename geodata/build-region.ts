import turfBbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import length from '@turf/length';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import turfSimplify from '@turf/simplify';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  REGION_BUNDLE_FORMAT,
  type Bbox,
  type ContextProps,
  type HazardSourceFeature,
  type JurisdictionFeature,
  type LakeFeature,
  type RegionBundle,
  type RiverFeature,
} from '../src/core/region/region-bundle.ts';
import { assembleRiver, clipRiverToBbox } from './assemble-river.ts';
import { loadChinaPrefectures } from './load/china-prefectures.ts';
import { parseCsv } from './load/csv.ts';
import type { JurisdictionSource } from './load/jurisdiction-source.ts';
import { loadNaturalEarthRivers } from './load/natural-earth-rivers.ts';
import { readRawJson, readRawText } from './load/read-raw.ts';
import { roundGeometry } from './load/round.ts';
import { loadUsCounties } from './load/us-counties.ts';
import { LAKE_NAMES_ZH } from './names/lakes-zh.ts';
import { COUNTRY_NAMES_ZH, VOLCANO_NAMES_ZH } from './names/places-zh.ts';
import { expandBbox, RIVER_CLIP_MARGIN_DEG, type RegionRecipe, type RiverRecipe } from './recipe.ts';
import { RIVERS } from './rivers-catalogue.ts';
import { countRingCrossings } from './ring-crossings.ts';
import { findLabelPoint } from './label-point.ts';

/** A river whose mouth lies this close to another river's line flows into it. */
const CONFLUENCE_TOLERANCE_KM = 10;
/** Context layers reach this far beyond the region so the map is not cut off at its edge. */
const CONTEXT_MARGIN_DEG = 3;

export const ATTRIBUTION = {
  CN: 'Boundaries: CTAmap 2023 (shengshixian.com) via cn-atlas 0.1.2 (ISC)',
  US: 'Counties: US Census Bureau via us-atlas 3 (ISC)',
  naturalEarth: 'Rivers, lakes, countries: Natural Earth (public domain)',
  wri: 'Power plants: Global Power Plant Database, World Resources Institute (CC BY 4.0)',
  noaa: 'Volcanoes: NOAA NCEI / Smithsonian Global Volcanism Program',
} as const;

export interface BuildOutput {
  bundle: RegionBundle;
  log: string[];
}

const bboxOf = (g: Parameters<typeof turfBbox>[0]) => turfBbox(g) as Bbox;
const bboxesOverlap = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function unionBbox(boxes: Bbox[]): Bbox {
  return boxes.reduce<Bbox>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

function lineFeature(coordinates: Position[]): Feature<LineString> {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
}

/** Indices of the region's own jurisdictions in the source. */
function selectCore(recipe: RegionRecipe, source: JurisdictionSource): number[] {
  if (recipe.country === 'CN') {
    return source.features.flatMap((f, i) => (recipe.provinces.includes(f.properties.id.slice(0, 2)) ? [i] : []));
  }
  const lines = recipe.coreRivers.map((id) => lineFeature(assembleRiver(RIVERS[id as keyof typeof RIVERS]).coordinates));
  const lineBoxes = lines.map(bboxOf);
  return source.features.flatMap((f, i) => {
    if (!recipe.states.includes(f.properties.parent_id)) return [];
    const fb = bboxOf(f);
    const crossed = lines.some((l, k) => bboxesOverlap(fb, lineBoxes[k]!) && booleanIntersects(l, f));
    return crossed ? [i] : [];
  });
}

function selectJurisdictions(recipe: RegionRecipe, source: JurisdictionSource) {
  const core = new Set(selectCore(recipe, source));
  const chosen = new Set(core);
  const takeNeighbours = recipe.country === 'US' || recipe.includeNeighbours;
  if (takeNeighbours) for (const i of core) for (const j of source.neighbourIndices[i] ?? []) chosen.add(j);
  const indices = [...chosen].sort((a, b) => source.features[a]!.properties.id.localeCompare(source.features[b]!.properties.id));
  const features: JurisdictionFeature[] = indices.map((i) => {
    const f = source.features[i]!;
    return {
      type: 'Feature',
      id: f.properties.id,
      properties: { ...f.properties, core: core.has(i), label_point: findLabelPoint(f.geometry) },
      geometry: f.geometry,
    };
  });
  const neighbours: Record<string, string[]> = {};
  for (const i of indices) {
    neighbours[source.features[i]!.properties.id] = (source.neighbourIndices[i] ?? [])
      .filter((j) => chosen.has(j))
      .map((j) => source.features[j]!.properties.id)
      .sort();
  }
  return { features, neighbours };
}

function assertValid(features: JurisdictionFeature[]): void {
  const invalid = features.filter((f) => countRingCrossings(f.geometry) > 0).map((f) => `${f.properties.id} ${f.properties.name_en}`);
  if (invalid.length > 0) throw new Error(`invalid jurisdiction geometry (self-crossing rings): ${invalid.join(', ')}`);
}

/** Index over jurisdictions for the many "is this inside the region" questions of one build. */
function makeRegionQueries(features: JurisdictionFeature[]) {
  const boxes = features.map(bboxOf);
  return {
    intersectsAny(g: Feature): boolean {
      const gb = bboxOf(g);
      return features.some((f, i) => bboxesOverlap(gb, boxes[i]!) && booleanIntersects(g, f));
    },
    containing(p: Position): JurisdictionFeature | undefined {
      return features.find((f, i) => {
        const b = boxes[i]!;
        return p[0]! >= b[0] && p[0]! <= b[2] && p[1]! >= b[1] && p[1]! <= b[3] && booleanPointInPolygon(p, f);
      });
    },
    distanceKm(p: Position): number {
      return Math.min(...features.map((f) => Math.max(0, pointToPolygonDistance(p, f, { units: 'kilometers' }))));
    },
  };
}
type RegionQueries = ReturnType<typeof makeRegionQueries>;

function buildRivers(recipe: RegionRecipe, bbox: Bbox, region: RegionQueries, log: string[]): RiverFeature[] {
  const clipBox = expandBbox(bbox, RIVER_CLIP_MARGIN_DEG);
  const clipped = recipe.rivers.map((r) => {
    const assembled = assembleRiver(r);
    if (assembled.unusedParts > 0) log.push(`river ${r.id}: ${assembled.unusedParts} stray part(s) not on the main line, left out`);
    const c = clipRiverToBbox(assembled.coordinates, clipBox);
    if (!c || !region.intersectsAny(lineFeature(c.coordinates))) {
      throw new Error(`region ${recipe.id}: river ${r.id} does not cross the region; remove it from the recipe`);
    }
    return { recipe: r, ...c, feature: lineFeature(c.coordinates.map((p) => [round6(p[0]!), round6(p[1]!)])) };
  });
  return clipped.map(({ recipe: r, cutDownstream, feature }) => {
    const mouth = feature.geometry.coordinates[feature.geometry.coordinates.length - 1]!;
    let outlet: RiverFeature['properties']['outlet'] = null;
    if (!cutDownstream) {
      let bestKm = CONFLUENCE_TOLERANCE_KM;
      for (const other of clipped) {
        if (other.recipe.id === r.id) continue;
        const near = nearestPointOnLine(other.feature, mouth, { units: 'kilometers' });
        const d = near.properties.dist ?? Infinity;
        const atKm = near.properties.location ?? 0;
        // Two rivers whose mouths meet (the Nen and the Second Songhua) both flow into the river
        // that starts there, not into each other.
        const intoOthersMouth = atKm > length(other.feature, { units: 'kilometers' }) - CONFLUENCE_TOLERANCE_KM;
        if (d <= bestKm && !intoOthersMouth) {
          bestKm = d;
          outlet = { river_id: other.recipe.id, at_km: round3(atKm) };
        }
      }
    }
    return {
      type: 'Feature',
      id: r.id,
      properties: {
        id: r.id,
        name_zh: r.name_zh,
        name_en: r.name_en,
        source_rivernums: r.parts.map((p) => p.rivernum),
        length_km: round3(length(feature, { units: 'kilometers' })),
        outlet,
      },
      geometry: feature.geometry,
    } satisfies RiverFeature;
  });
}

/** Named rivers crossing the region that the recipe neither uses nor excludes: recipes stay complete. */
function findUnlistedRivers(recipe: RegionRecipe, bbox: Bbox, region: RegionQueries): string[] {
  const listed = new Set(recipe.rivers.flatMap((r: RiverRecipe) => r.parts.map((p) => `${p.file}:${p.rivernum}`)));
  for (const e of recipe.excludedRivers ?? []) listed.add(`centerlines:${e.rivernum}`).add(`northAmerica:${e.rivernum}`);
  const unlisted = new Set<string>();
  for (const r of loadNaturalEarthRivers()) {
    if (!r.name || listed.has(`${r.file}:${r.rivernum}`)) continue;
    const hit = r.lines.some((l) => l.length >= 2 && bboxesOverlap(bboxOf(lineFeature(l)), bbox) && region.intersectsAny(lineFeature(l)));
    if (hit) unlisted.add(`${r.name} (${r.file} rivernum ${r.rivernum})`);
  }
  return [...unlisted];
}

interface NaturalEarthLakeProps {
  name: string | null;
  featurecla: string;
}

function buildLakes(bbox: Bbox, region: RegionQueries): LakeFeature[] {
  const lakes = readRawJson<FeatureCollection<Polygon | MultiPolygon | null, NaturalEarthLakeProps>>('lakes');
  const out: LakeFeature[] = [];
  lakes.features.forEach((f, i) => {
    if (!f.geometry || !bboxesOverlap(bboxOf(f as Feature), bbox) || !region.intersectsAny(f as Feature)) return;
    const name = f.properties.name;
    out.push({
      type: 'Feature',
      properties: {
        id: `ne-lake-${i}`,
        name_en: name,
        name_zh: name ? (LAKE_NAMES_ZH[name] ?? null) : null,
        kind: f.properties.featurecla === 'Reservoir' ? 'reservoir' : 'lake',
      },
      geometry: roundGeometry(f.geometry, 5),
    });
  });
  return out;
}

function buildPowerPlants(region: RegionQueries, bbox: Bbox): HazardSourceFeature[] {
  return parseCsv(readRawText('powerPlants')).flatMap((row) => {
    const lon = Number(row['Longitude']);
    const lat = Number(row['Latitude']);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) return [];
    const j = region.containing([lon, lat]);
    if (!j) return [];
    const capacity = Number(row['Capacity (MW)']);
    return [{
      type: 'Feature',
      properties: {
        id: `wri-${row['Power Plant ID']}`,
        kind: 'power_plant',
        name_en: row['Name'] ?? '',
        name_zh: null,
        jurisdiction_id: j.properties.id,
        ...(Number.isFinite(capacity) ? { capacity_mw: capacity } : {}),
        fuel: row['Fuel'] ?? '',
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    } satisfies HazardSourceFeature];
  });
}

interface VolcanoProps {
  id: number | null;
  name: string;
  type: string;
  status: string;
}

function buildVolcanoes(recipe: RegionRecipe, region: RegionQueries, bbox: Bbox): HazardSourceFeature[] {
  const volcanoes = readRawJson<FeatureCollection<Point, VolcanoProps>>('volcanoes');
  const near = expandBbox(bbox, recipe.volcanoMarginKm / 80);
  return volcanoes.features.flatMap((v, i) => {
    const p = v.geometry.coordinates;
    if (p[0]! < near[0] || p[0]! > near[2] || p[1]! < near[1] || p[1]! > near[3]) return [];
    const j = region.containing(p);
    if (!j && region.distanceKm(p) > recipe.volcanoMarginKm) return [];
    return [{
      type: 'Feature',
      properties: {
        id: `noaa-volcano-${v.properties.id ?? `row${i}`}`,
        kind: 'volcano',
        name_en: v.properties.name,
        name_zh: VOLCANO_NAMES_ZH[v.properties.name] ?? null,
        jurisdiction_id: j?.properties.id ?? null,
        volcano_type: v.properties.type,
        status: v.properties.status,
      },
      geometry: { type: 'Point', coordinates: [p[0]!, p[1]!] },
    } satisfies HazardSourceFeature];
  });
}

interface CountryProps {
  ISO_A2: string;
  ISO_A2_EH?: string;
  NAME: string;
}

function buildCountries(bbox: Bbox): FeatureCollection<Polygon | MultiPolygon, ContextProps> {
  const countries = readRawJson<FeatureCollection<Polygon | MultiPolygon, CountryProps>>('countries');
  const features = countries.features
    .filter((f) => bboxesOverlap(bboxOf(f), bbox))
    .map((f) => {
      const iso = f.properties.ISO_A2 === '-99' ? (f.properties.ISO_A2_EH ?? '-99') : f.properties.ISO_A2;
      const simple = turfSimplify(f, { tolerance: 0.02, highQuality: false });
      return {
        type: 'Feature' as const,
        properties: { id: iso, name_en: f.properties.NAME, name_zh: COUNTRY_NAMES_ZH[iso] ?? f.properties.NAME },
        geometry: roundGeometry(simple.geometry, 3),
      };
    });
  return { type: 'FeatureCollection', features };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round3 = (v: number) => Math.round(v * 1e3) / 1e3;

export function buildRegion(recipe: RegionRecipe): BuildOutput {
  const log: string[] = [];
  const source = recipe.country === 'CN' ? loadChinaPrefectures() : loadUsCounties();
  const { features, neighbours } = selectJurisdictions(recipe, source);
  if (features.length === 0) throw new Error(`region ${recipe.id}: the recipe selects no jurisdiction`);
  assertValid(features);
  const bbox = unionBbox(features.map(bboxOf)).map(round6) as Bbox;
  const region = makeRegionQueries(features);

  const rivers = buildRivers(recipe, bbox, region, log);
  const unlisted = findUnlistedRivers(recipe, bbox, region);
  if (unlisted.length > 0) {
    throw new Error(`region ${recipe.id}: named rivers cross the region but are not in its recipe (add or exclude them): ${unlisted.join('; ')}`);
  }
  const contextBox = expandBbox(bbox, CONTEXT_MARGIN_DEG);
  const sources = [...(recipe.country === 'CN' ? buildPowerPlants(region, bbox) : []), ...buildVolcanoes(recipe, region, bbox)];

  const bundle: RegionBundle = {
    format: REGION_BUNDLE_FORMAT,
    region: { id: recipe.id, name_zh: recipe.name_zh, name_en: recipe.name_en, country: recipe.country, timezone: recipe.timezone, bbox },
    jurisdictions: { type: 'FeatureCollection', features },
    neighbours,
    rivers: { type: 'FeatureCollection', features: rivers },
    lakes: { type: 'FeatureCollection', features: buildLakes(bbox, region) },
    sources: { type: 'FeatureCollection', features: sources },
    context: {
      provinces: { type: 'FeatureCollection', features: source.parents.features.filter((f) => bboxesOverlap(bboxOf(f), contextBox)) },
      countries: buildCountries(contextBox),
    },
    attribution: [
      ATTRIBUTION[recipe.country],
      ATTRIBUTION.naturalEarth,
      ...(recipe.country === 'CN' ? [ATTRIBUTION.wri] : []),
      ATTRIBUTION.noaa,
    ],
  };
  return { bundle, log };
}

import type { MultiPolygon, Polygon } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ContextProps } from '../../src/core/region/region-bundle.ts';
import { readRawJson } from './read-raw.ts';
import type { CandidateJurisdiction, JurisdictionSource } from './jurisdiction-source.ts';
import { roundGeometry } from './round.ts';

interface CnAtlasProps {
  id: string;
  name: string;
  地名: string;
}
type CnAtlas = Topology<{
  prefectures: GeometryCollection<CnAtlasProps>;
  provinces: GeometryCollection<CnAtlasProps>;
  nation: GeometryCollection<CnAtlasProps>;
}>;

/** Visvalingam weight (square degrees) below which context-layer vertices are dropped. */
const CONTEXT_MIN_WEIGHT = 2e-4;

let cached: JurisdictionSource | undefined;

export function loadChinaPrefectures(): JurisdictionSource {
  if (cached) return cached;
  const topology = readRawJson<CnAtlas>('cnAtlas');
  const provinceGeoms = topology.objects.provinces.geometries;
  const propsOf = (g: { properties?: unknown }) => g.properties as CnAtlasProps;
  const provinceByPrefix = new Map(provinceGeoms.map((g) => [propsOf(g).id.slice(0, 2), propsOf(g)]));

  const prefectureGeoms = topology.objects.prefectures.geometries;
  const features: CandidateJurisdiction[] = prefectureGeoms.map((g) => {
    const p = propsOf(g);
    const province = provinceByPrefix.get(p.id.slice(0, 2));
    if (!province) throw new Error(`cn-atlas: prefecture ${p.id} has no province`);
    const f = feature(topology, g) as unknown as { geometry: Polygon | MultiPolygon };
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        name_zh: p.地名,
        name_en: p.name,
        parent_id: province.id,
        parent_zh: province.地名,
        parent_en: province.name,
      },
      geometry: roundGeometry(f.geometry, 6),
    };
  });

  const simplified = simplify(presimplify(topology as never), CONTEXT_MIN_WEIGHT) as unknown as CnAtlas;
  const provinces = feature(simplified, simplified.objects.provinces);
  cached = {
    features,
    neighbourIndices: neighbors(prefectureGeoms as never),
    parents: {
      type: 'FeatureCollection',
      features: provinces.features.map((f) => ({
        type: 'Feature',
        properties: { id: f.properties.id, name_zh: f.properties.地名, name_en: f.properties.name } satisfies ContextProps,
        geometry: roundGeometry(f.geometry as Polygon | MultiPolygon, 4),
      })),
    },
  };
  return cached;
}

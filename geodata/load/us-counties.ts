import type { MultiPolygon, Polygon } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ContextProps } from '../../src/core/region/region-bundle.ts';
import { readUsAtlas } from './read-raw.ts';
import type { CandidateJurisdiction, JurisdictionSource } from './jurisdiction-source.ts';
import { roundGeometry } from './round.ts';

type UsAtlas = Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
}>;

/** The census data has no Chinese names; these are the standard renderings of the state names. */
const STATE_NAMES_ZH: Record<string, string> = {
  '04': '亚利桑那州',
  '08': '科罗拉多州',
  '35': '新墨西哥州',
  '49': '犹他州',
  '32': '内华达州',
  '56': '怀俄明州',
  '20': '堪萨斯州',
  '31': '内布拉斯加州',
  '40': '俄克拉何马州',
  '48': '得克萨斯州',
  '06': '加利福尼亚州',
  '16': '爱达荷州',
};

let cached: JurisdictionSource | undefined;

export function loadUsCounties(): JurisdictionSource {
  if (cached) return cached;
  const topology = readUsAtlas<UsAtlas>();
  const nameOf = (g: { properties?: unknown }) => (g.properties as { name: string }).name;
  const stateNames = new Map(topology.objects.states.geometries.map((g) => [String(g.id), nameOf(g)]));
  const countyGeoms = topology.objects.counties.geometries.filter((g) => g.type !== null);
  const features: CandidateJurisdiction[] = countyGeoms.map((g) => {
    const fips = String(g.id);
    const stateId = fips.slice(0, 2);
    const stateEn = stateNames.get(stateId) ?? stateId;
    const f = feature(topology, g) as unknown as { geometry: Polygon | MultiPolygon };
    const name = nameOf(g);
    return {
      type: 'Feature',
      id: fips,
      properties: {
        id: fips,
        // The source has English names only; the UI shows them in both languages.
        name_zh: name,
        name_en: name,
        parent_id: stateId,
        parent_zh: STATE_NAMES_ZH[stateId] ?? stateEn,
        parent_en: stateEn,
      },
      geometry: roundGeometry(f.geometry, 6),
    };
  });
  const states = feature(topology, topology.objects.states);
  cached = {
    features,
    neighbourIndices: neighbors(countyGeoms as never),
    parents: {
      type: 'FeatureCollection',
      features: states.features.map((f) => {
        const id = String(f.id);
        return {
          type: 'Feature',
          properties: { id, name_zh: STATE_NAMES_ZH[id] ?? f.properties.name, name_en: f.properties.name } satisfies ContextProps,
          geometry: roundGeometry(f.geometry as Polygon | MultiPolygon, 4),
        };
      }),
    },
  };
  return cached;
}

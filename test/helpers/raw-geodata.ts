import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { JurisdictionFeature } from '../../src/core/region/region-bundle.ts';

/**
 * Loads real jurisdiction boundaries straight from the raw public data, for tests and benchmarks:
 * cn-atlas prefectures (TopoJSON in the shared raw folder) and us-atlas counties (npm package).
 * The raw folder is ../shared/geodata/raw beside the repository, or CROSSRISK_RAW_DIR.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function rawGeodataDir(): string {
  return process.env.CROSSRISK_RAW_DIR ? resolve(process.env.CROSSRISK_RAW_DIR) : resolve(repoRoot, '..', 'shared', 'geodata', 'raw');
}

type NamedProps = { name?: string; id?: string; '地名'?: string };
type Named = GeometryCollection<NamedProps>;

function readTopology(path: string): Topology {
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

function polygonal(t: Topology, object: Named): { id: string; props: NamedProps; geometry: Polygon | MultiPolygon }[] {
  const fc = feature(t, object);
  const out: { id: string; props: NamedProps; geometry: Polygon | MultiPolygon }[] = [];
  for (const f of fc.features) {
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const props = (f.properties ?? {}) as NamedProps;
    out.push({ id: String(props.id ?? f.id ?? ''), props, geometry: g });
  }
  return out;
}

/**
 * A label point inside the largest part: the middle of the widest inside stretch of the
 * horizontal line through the middle of that part's box (good enough for tests; the region
 * pipeline computes the real one).
 */
function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let outer: number[][] = [];
  for (const p of polygons) if ((p[0]?.length ?? 0) > outer.length) outer = p[0] ?? [];
  let south = Infinity, north = -Infinity;
  for (const q of outer) {
    south = Math.min(south, q[1] as number);
    north = Math.max(north, q[1] as number);
  }
  const y = (south + north) / 2;
  const xs: number[] = [];
  for (let i = 1; i < outer.length; i++) {
    const [ax, ay] = outer[i - 1] as [number, number];
    const [bx, by] = outer[i] as [number, number];
    if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [(outer[0]?.[0] as number) ?? 0, (outer[0]?.[1] as number) ?? 0];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) {
      width = w;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return best;
}

let chinaCache: JurisdictionFeature[] | undefined;

/** The 372 prefecture-level divisions of cn-atlas, as region-bundle jurisdiction features. */
export function loadChinaPrefectures(): JurisdictionFeature[] {
  if (chinaCache) return chinaCache;
  const t = readTopology(resolve(rawGeodataDir(), 'cn-atlas.json'));
  const objects = t.objects as Record<string, Named>;
  const provinces = new Map<string, NamedProps>();
  for (const g of (objects.provinces as Named).geometries) {
    const props = (g.properties ?? {}) as NamedProps;
    if (props.id) provinces.set(props.id, props);
  }
  chinaCache = polygonal(t, objects.prefectures as Named).map(({ id, props, geometry }) => {
    const parentId = `${id.slice(0, 2)}0000`;
    const parent = provinces.get(parentId);
    return {
      type: 'Feature',
      id,
      geometry,
      properties: {
        id,
        name_zh: props['地名'] ?? '',
        name_en: props.name ?? '',
        parent_id: parentId,
        parent_zh: parent?.['地名'] ?? '',
        parent_en: parent?.name ?? '',
        core: true,
        label_point: labelPoint(geometry),
      },
    };
  });
  return chinaCache;
}

let usCache: JurisdictionFeature[] | undefined;

/** The 3,231 counties of us-atlas counties-10m (5-digit FIPS ids). */
export function loadUsCounties(): JurisdictionFeature[] {
  if (usCache) return usCache;
  const require = createRequire(import.meta.url);
  const t = readTopology(require.resolve('us-atlas/counties-10m.json'));
  const objects = t.objects as Record<string, Named>;
  const states = new Map<string, string>();
  for (const g of (objects.states as Named).geometries) states.set(String(g.id), ((g.properties ?? {}) as NamedProps).name ?? '');
  usCache = polygonal(t, objects.counties as Named).map(({ id, props, geometry }) => {
    const parentId = id.slice(0, 2);
    const name = props.name ?? '';
    const parentName = states.get(parentId) ?? '';
    return {
      type: 'Feature',
      id,
      geometry,
      properties: { id, name_zh: name, name_en: name, parent_id: parentId, parent_zh: parentName, parent_en: parentName, core: true, label_point: labelPoint(geometry) },
    };
  });
  return usCache;
}

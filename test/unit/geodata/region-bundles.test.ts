import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegion } from '../../../geodata/build-region.ts';
import { countRingCrossings } from '../../../geodata/ring-crossings.ts';
import { findRecipe, REGION_RECIPES } from '../../../geodata/regions/index.ts';
import type { RegionBundle } from '../../../src/core/region/region-bundle.ts';

const bundles = new Map<string, RegionBundle>();
const bundle = (id: string) => bundles.get(id)!;

beforeAll(() => {
  for (const recipe of REGION_RECIPES) bundles.set(recipe.id, buildRegion(recipe).bundle);
});

const jurisdiction = (b: RegionBundle, id: string) => {
  const j = b.jurisdictions.features.find((f) => f.properties.id === id);
  if (!j) throw new Error(`${b.region.id} has no jurisdiction ${id}`);
  return j;
};
const river = (b: RegionBundle, id: string) => {
  const r = b.rivers.features.find((f) => f.properties.id === id);
  if (!r) throw new Error(`${b.region.id} has no river ${id}`);
  return r;
};

/** Index of the first vertex of the river inside the jurisdiction: the order in which it is reached. */
function firstVertexInside(b: RegionBundle, riverId: string, jurisdictionId: string): number {
  const j = jurisdiction(b, jurisdictionId);
  const i = river(b, riverId).geometry.coordinates.findIndex((p) => booleanPointInPolygon(p, j));
  if (i < 0) throw new Error(`river ${riverId} never enters ${jurisdictionId}`);
  return i;
}

function expectFlowOrder(b: RegionBundle, riverId: string, jurisdictionIds: string[]) {
  const order = jurisdictionIds.map((id) => firstVertexInside(b, riverId, id));
  expect(order, `${riverId} through ${jurisdictionIds.join(' → ')}`).toEqual([...order].sort((x, y) => x - y));
  expect(new Set(order).size).toBe(order.length);
}

describe('every region bundle', () => {
  it.each(REGION_RECIPES.map((r) => r.id))('%s: codes, names, valid geometry, symmetric neighbours', (id) => {
    const b = bundle(id);
    const codePattern = b.region.country === 'CN' ? /^\d{6}$/ : /^\d{5}$/;
    const ids = b.jurisdictions.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of b.jurisdictions.features) {
      const p = f.properties;
      expect(p.id).toMatch(codePattern);
      expect(p.name_zh.length).toBeGreaterThan(0);
      expect(p.name_en).toMatch(/^[A-Za-z]/);
      expect(p.id.startsWith(p.parent_id.slice(0, 2))).toBe(true);
      expect(countRingCrossings(f.geometry), `${p.id} self-crossings`).toBe(0);
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
      expect(booleanPointInPolygon(p.label_point, f), `${p.id} label inside`).toBe(true);
      for (const n of b.neighbours[p.id]!) expect(b.neighbours[n], `${n} lists ${p.id} back`).toContain(p.id);
    }
    const [w, s, e, n] = b.region.bbox;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(b.attribution.length).toBeGreaterThanOrEqual(3);
  });

  it.each(REGION_RECIPES.map((r) => r.id))('%s: neighbours share border vertices exactly (shared arcs kept)', (id) => {
    const b = bundle(id);
    const edgeKeys = new Map<string, Set<string>>();
    for (const f of b.jurisdictions.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      const keys = new Set<string>();
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, c] = [ring[i]!.join(','), ring[i + 1]!.join(',')].sort();
          keys.add(`${a}|${c}`);
        }
      }
      edgeKeys.set(f.properties.id, keys);
    }
    for (const [a, ns] of Object.entries(b.neighbours)) {
      for (const n of ns) {
        const shared = [...edgeKeys.get(a)!].filter((k) => edgeKeys.get(n)!.has(k)).length;
        expect(shared, `${a}–${n} shared edges`).toBeGreaterThan(0);
      }
    }
  });

  it.each(REGION_RECIPES.map((r) => r.id))('%s: rivers run downstream into rivers of the bundle', (id) => {
    const b = bundle(id);
    for (const r of b.rivers.features) {
      expect(r.properties.length_km).toBeGreaterThan(10);
      if (r.properties.outlet) {
        const into = river(b, r.properties.outlet.river_id);
        expect(r.properties.outlet.at_km).toBeGreaterThanOrEqual(0);
        expect(r.properties.outlet.at_km).toBeLessThanOrEqual(into.properties.length_km);
      }
    }
    for (const s of b.sources.features) {
      if (s.properties.jurisdiction_id) expect(booleanPointInPolygon(s.geometry.coordinates, jurisdiction(b, s.properties.jurisdiction_id))).toBe(true);
    }
  });
});

describe('henan', () => {
  it('holds Henan’s 18 prefecture-level divisions and every bordering prefecture', () => {
    const b = bundle('henan');
    const core = b.jurisdictions.features.filter((f) => f.properties.core).map((f) => f.properties.id);
    expect(core).toHaveLength(18);
    expect(core.every((id) => id.startsWith('41'))).toBe(true);
    expect(core).toContain('419001'); // Jiyuan, a sub-provincial-level city directly under the province
    const bordering = b.jurisdictions.features.filter((f) => !f.properties.core).map((f) => f.properties.id);
    // Handan, Changzhi, Jincheng, Yuncheng, Fuyang, Bozhou, Heze, Liaocheng, Shiyan, Xiangyang, Weinan, Shangluo…
    expect(bordering).toEqual(expect.arrayContaining(['130400', '140400', '140500', '140800', '341200', '341600', '371700', '371500', '420300', '420600', '610500', '611000']));
    expect(bordering).toHaveLength(20);
    expect(b.neighbours['410100']!.sort()).toEqual(['410200', '410300', '410400', '410700', '410800', '411000']);
  });

  it('names Zhengzhou from the data in both languages', () => {
    const p = jurisdiction(bundle('henan'), '410100').properties;
    expect([p.name_zh, p.name_en, p.parent_zh, p.parent_en]).toEqual(['郑州市', 'Zhengzhou', '河南省', 'Henan']);
  });

  it('has the Yellow River, the Huai, the Sha-Ying and every other named river crossing it', () => {
    const ids = bundle('henan').rivers.features.map((r) => r.properties.id);
    expect(ids).toEqual(expect.arrayContaining(['yellow', 'huai', 'sha-ying', 'han', 'dan', 'wei', 'fen', 'qin', 'zhang', 'yangtze']));
    expect(river(bundle('henan'), 'sha-ying').properties).toMatchObject({ name_zh: '沙颍河', name_en: 'Sha-Ying River', source_rivernums: [1118, 1143] });
  });

  it('orients the Sha-Ying from Pingdingshan through Luohe and Zhoukou to Fuyang, into the Huai', () => {
    const b = bundle('henan');
    expectFlowOrder(b, 'sha-ying', ['410400', '411100', '411600', '341200']);
    expect(river(b, 'sha-ying').properties.outlet?.river_id).toBe('huai');
  });

  it('orients the Yellow River from Sanmenxia past Luoyang and Zhengzhou to Kaifeng and Puyang', () => {
    expectFlowOrder(bundle('henan'), 'yellow', ['140800', '411200', '410300', '410100', '410200', '410900']);
  });

  it('orients the Huai from Xinyang to Fuyang and Lu’an, the Han from Shiyan to Xiangyang, and joins tributaries', () => {
    const b = bundle('henan');
    expectFlowOrder(b, 'huai', ['411500', '341200']);
    expectFlowOrder(b, 'han', ['420300', '420600']);
    expect(river(b, 'wei').properties.outlet?.river_id).toBe('yellow');
    expect(river(b, 'qin').properties.outlet?.river_id).toBe('yellow');
    expect(river(b, 'dan').properties.outlet?.river_id).toBe('han');
  });

  it('has Danjiangkou Reservoir and WRI power plants inside its jurisdictions', () => {
    const b = bundle('henan');
    expect(b.lakes.features.map((l) => l.properties.name_zh)).toContain('丹江口水库');
    const plants = b.sources.features.filter((s) => s.properties.kind === 'power_plant');
    expect(plants.length).toBeGreaterThan(100);
    expect(plants.every((p) => p.properties.jurisdiction_id !== null && p.properties.id.startsWith('wri-'))).toBe(true);
  });
});

describe('jingjinji', () => {
  it('holds Beijing, Tianjin and Hebei’s 11 prefectures with their neighbours', () => {
    const b = bundle('jingjinji');
    const core = b.jurisdictions.features.filter((f) => f.properties.core).map((f) => f.properties.id);
    expect(core).toHaveLength(13);
    expect(core).toEqual(expect.arrayContaining(['110000', '120000', '130100']));
  });

  it('runs the Yongding from Zhangjiakou through Beijing and Langfang to Tianjin, into the Hai', () => {
    const b = bundle('jingjinji');
    expect(river(b, 'yongding').properties.name_zh).toBe('永定河');
    expectFlowOrder(b, 'yongding', ['130700', '110000', '131000', '120000']);
    expect(river(b, 'yongding').properties.outlet?.river_id).toBe('hai');
    expect(b.lakes.features.map((l) => l.properties.name_zh)).toContain('官厅水库');
  });
});

describe('yangtze-delta', () => {
  it('holds exactly the prefectures of Shanghai, Jiangsu, Zhejiang and Anhui', () => {
    const ids = bundle('yangtze-delta').jurisdictions.features.map((f) => f.properties.id);
    expect(ids).toHaveLength(41);
    expect(ids.every((id) => /^(31|32|33|34)/.test(id))).toBe(true);
  });

  it('carries the Yangtze past Zhenjiang, where the data stops, to Nantong and Shanghai', () => {
    const b = bundle('yangtze-delta');
    expectFlowOrder(b, 'yangtze', ['340800', '340200', '320100', '321100', '320600', '310000']);
    expect(river(b, 'huai').properties.outlet?.river_id).toBe('yangtze');
    expect(b.lakes.features.map((l) => l.properties.name_zh)).toContain('太湖');
  });
});

describe('changbaishan', () => {
  it('has Jilin’s prefectures, the Changbaishan volcano and the rivers rising on it', () => {
    const b = bundle('changbaishan');
    expect(b.jurisdictions.features.filter((f) => f.properties.core)).toHaveLength(9);
    const volcano = b.sources.features.find((s) => s.properties.kind === 'volcano' && s.properties.name_en === 'Changbaishan');
    expect(volcano?.properties.name_zh).toBe('长白山');
    expectFlowOrder(b, 'second-songhua', ['220200', '220100', '220700']);
    expect(river(b, 'erdao').properties.outlet?.river_id).toBe('second-songhua');
    expect(river(b, 'second-songhua').properties.outlet?.river_id).toBe('songhua');
    expect(river(b, 'nen').properties.outlet?.river_id).toBe('songhua');
  });
});

describe('us-four-corners', () => {
  it('joins the Animas (North America file) to the San Juan (main file) at Farmington', () => {
    const b = bundle('us-four-corners');
    const animas = river(b, 'animas');
    expect(animas.properties.outlet?.river_id).toBe('san-juan');
    const mouth = animas.geometry.coordinates.at(-1) as Position;
    expect(mouth[0]).toBeCloseTo(-108.2, 1);
    expect(mouth[1]).toBeCloseTo(36.74, 1);
    // From the Gold King Mine in San Juan County, CO, through La Plata County to San Juan County, NM.
    expectFlowOrder(b, 'animas', ['08111', '08067', '35045']);
    expectFlowOrder(b, 'san-juan', ['08007', '35045', '49037']);
  });

  it('uses 5-digit FIPS codes and English census names', () => {
    const laPlata = jurisdiction(bundle('us-four-corners'), '08067').properties;
    expect([laPlata.name_en, laPlata.parent_en, laPlata.parent_zh, laPlata.core]).toEqual(['La Plata', 'Colorado', '科罗拉多州', true]);
  });
});

describe('recipe checks', () => {
  it('refuses a recipe that leaves out a named river crossing the region', () => {
    const henan = findRecipe('henan')!;
    const withoutFen = { ...henan, rivers: henan.rivers.filter((r) => r.id !== 'fen') };
    expect(() => buildRegion(withoutFen)).toThrow(/Fen \(centerlines rivernum 1070\)/);
  });

  it('refuses a recipe river that does not cross the region', () => {
    const henan = findRecipe('henan')!;
    const withTumen = { ...henan, rivers: [...henan.rivers, findRecipe('changbaishan')!.rivers.find((r) => r.id === 'tumen')!] };
    expect(() => buildRegion(withTumen)).toThrow(/river tumen does not cross the region/);
  });
});

import type { RiverRecipe } from './recipe.ts';

/**
 * Every river the regions use, named and oriented once. `upstream` is a point near the upstream
 * end of the assembled line; Natural Earth's own direction is checked by the orientation tests.
 * Directions noted below were read off the data (first → last vertex of each part).
 */
const c = (rivernum: number) => ({ file: 'centerlines' as const, rivernum });
const na = (rivernum: number) => ({ file: 'northAmerica' as const, rivernum });

export const RIVERS = {
  yellow: {
    id: 'yellow', name_zh: '黄河', name_en: 'Yellow River',
    // "Huang" 66 runs downstream to Tongguan, "Huang" 95 from Tongguan to the sea (its two parts
    // stored out of order).
    parts: [c(66), c(95)], upstream: [96.16, 35.13],
  },
  huai: {
    id: 'huai', name_zh: '淮河', name_en: 'Huai River',
    // "Huai" 458 ends at Zhengyangguan; below it Natural Earth calls the main stem "Hudi" 419
    // (through Hongze Lake to the Yangtze at Yangzhou), with lake centrelines stored upstream.
    parts: [c(458), c(419)], upstream: [113.72, 32.42],
    extendDownstream: [[119.7, 32.29]],
    note: 'Natural Earth stops about 8 km short of the Yangtze; one vertex carries it to Sanjiangying.',
  },
  'sha-ying': {
    id: 'sha-ying', name_zh: '沙颍河', name_en: 'Sha-Ying River',
    // Natural Earth labels the Sha "Quan" (1118) and the Ying 1143; both run upstream.
    parts: [c(1118), c(1143)], upstream: [112.33, 33.78],
  },
  yangtze: {
    id: 'yangtze', name_zh: '长江', name_en: 'Yangtze River',
    // "Yangtze" 1: Yueyang → Wuhan runs downstream, Zhenjiang → Wuhan runs upstream, and the
    // data stops at Zhenjiang. The estuary is appended from the vertices below (Yangzhong,
    // Jiangyin, Zhangjiagang, Nantong, the South Branch past Wusong to the mouth), drawn by hand
    // to about ±3 km so that a spill reaches Taizhou, Wuxi, Suzhou, Nantong and Shanghai.
    parts: [c(1)], upstream: [113.13, 29.46],
    extendDownstream: [
      [119.83, 32.26], [120.05, 32.02], [120.28, 31.96], [120.55, 32.0], [120.85, 31.95],
      [121.05, 31.8], [121.3, 31.6], [121.5, 31.42], [121.75, 31.3], [121.95, 31.2],
    ],
    note: 'Natural Earth lacks the reach below Zhenjiang; the estuary is a hand-drawn approximation (about ±3 km).',
  },
  fen: { id: 'fen', name_zh: '汾河', name_en: 'Fen River', parts: [c(1070)], upstream: [112.08, 38.86] },
  han: {
    id: 'han', name_zh: '汉江', name_en: 'Han River',
    // Its Danjiangkou lake centreline is stored upstream.
    parts: [c(270)], upstream: [106.4, 33.07],
  },
  wei: { id: 'wei', name_zh: '渭河', name_en: 'Wei River', parts: [c(873)], upstream: [104.06, 34.99] },
  qin: { id: 'qin', name_zh: '沁河', name_en: 'Qin River', parts: [c(885)], upstream: [112.37, 36.58] },
  zhang: { id: 'zhang', name_zh: '漳河', name_en: 'Zhang River', parts: [c(893)], upstream: [112.95, 37.07] },
  dan: { id: 'dan', name_zh: '丹江', name_en: 'Dan River', parts: [c(999)], upstream: [109.87, 33.88] },
  yongding: {
    id: 'yongding', name_zh: '永定河', name_en: 'Yongding River',
    // The Sanggan (422) is the Yongding's upper course; it runs through Guanting Reservoir.
    parts: [c(422), c(609)], upstream: [112.34, 39.17],
  },
  hai: { id: 'hai', name_zh: '海河', name_en: 'Hai River', parts: [c(631)], upstream: [117.03, 39.33] },
  luan: {
    id: 'luan', name_zh: '滦河', name_en: 'Luan River',
    // The Shandian (737) is the Luan's upper course.
    parts: [c(737), c(908)], upstream: [116.0, 41.51],
  },
  daling: { id: 'daling', name_zh: '大凌河', name_en: 'Daling River', parts: [c(781)], upstream: [118.98, 41.13] },
  'xar-moron': { id: 'xar-moron', name_zh: '西拉木伦河', name_en: 'Xar Moron River', parts: [c(310)], upstream: [117.21, 42.59] },
  xiliao: { id: 'xiliao', name_zh: '西辽河', name_en: 'West Liao River', parts: [c(360)], upstream: [120.76, 43.42] },
  liao: { id: 'liao', name_zh: '辽河', name_en: 'Liao River', parts: [c(246)], upstream: [123.55, 43.48] },
  fuchun: {
    id: 'fuchun', name_zh: '新安江—富春江', name_en: 'Xin’an–Fuchun River',
    // Through Qiandao Lake, whose centreline is stored upstream.
    parts: [c(385)], upstream: [117.79, 29.71],
  },
  ou: { id: 'ou', name_zh: '瓯江', name_en: 'Ou River', parts: [c(886)], upstream: [119.04, 27.79] },
  yi: { id: 'yi', name_zh: '沂河', name_en: 'Yi River', parts: [c(1071)], upstream: [118.5, 36.1] },
  tumen: { id: 'tumen', name_zh: '图们江', name_en: 'Tumen River', parts: [c(1108)], upstream: [128.19, 41.96] },
  yalu: {
    id: 'yalu', name_zh: '鸭绿江', name_en: 'Yalu River',
    // Its Supung Reservoir centreline is stored upstream.
    parts: [c(680)], upstream: [128.09, 41.92],
  },
  erdao: { id: 'erdao', name_zh: '二道江', name_en: 'Erdao River', parts: [c(839)], upstream: [128.11, 42.17] },
  'second-songhua': {
    id: 'second-songhua', name_zh: '第二松花江', name_en: 'Second Songhua River',
    parts: [c(646)], upstream: [127.38, 42.57],
  },
  nen: {
    id: 'nen', name_zh: '嫩江', name_en: 'Nen River',
    // Natural Earth labels the Nen's lowest reach (967) "Di’er Songhua"; it is the Nen down to Sanchahe.
    parts: [c(940), c(967)], upstream: [126.04, 51.02],
  },
  songhua: {
    id: 'songhua', name_zh: '松花江', name_en: 'Songhua River',
    // Its lower part (Jiamusi → Tongjiang) is stored upstream.
    parts: [c(366)], upstream: [124.67, 45.45],
  },
  taoer: { id: 'taoer', name_zh: '洮儿河', name_en: 'Tao’er River', parts: [c(692)], upstream: [120.17, 47.0] },
  chaor: { id: 'chaor', name_zh: '绰尔河', name_en: 'Chaor River', parts: [c(846)], upstream: [121.83, 48.78] },
  nemor: { id: 'nemor', name_zh: '讷谟尔河', name_en: 'Nemor River', parts: [c(1116)], upstream: [127.74, 47.73] },
  muling: { id: 'muling', name_zh: '穆棱河', name_en: 'Muling River', parts: [c(1119)], upstream: [130.08, 43.9] },
  animas: {
    id: 'animas', name_zh: '阿尼马斯河', name_en: 'Animas River',
    // Only in the North America supplement; ends at its confluence with the San Juan at Farmington.
    parts: [na(22627)], upstream: [-107.78, 37.62],
    // Natural Earth starts the Animas below the canyon; the spill began at the Gold King Mine on
    // Cement Creek above Silverton, so the line is carried up to it (hand-drawn, about ±2 km).
    extendUpstream: [[-107.638, 37.894], [-107.665, 37.812], [-107.69, 37.73], [-107.72, 37.66]],
    note: 'Upper Animas from the Gold King Mine to the canyon is a hand-drawn approximation.',
  },
  'san-juan': {
    id: 'san-juan', name_zh: '圣胡安河', name_en: 'San Juan River',
    // The Colorado Plateau San Juan is 651 in the main file (other rivers share the name).
    parts: [c(651)], upstream: [-106.8, 37.43],
  },
  dolores: { id: 'dolores', name_zh: '多洛雷斯河', name_en: 'Dolores River', parts: [na(22662)], upstream: [-107.94, 37.79] },
  chama: { id: 'chama', name_zh: '查马河', name_en: 'Chama River', parts: [na(22586)], upstream: [-106.74, 36.61] },
  'rio-grande': { id: 'rio-grande', name_zh: '格兰德河', name_en: 'Rio Grande', parts: [c(110)], upstream: [-107.43, 37.78] },
  colorado: { id: 'colorado', name_zh: '科罗拉多河', name_en: 'Colorado River', parts: [c(163)], upstream: [-105.85, 40.4] },
  chaco: { id: 'chaco', name_zh: '查科河', name_en: 'Chaco River', parts: [na(22584)], upstream: [-107.92, 36.04] },
  'chinle-wash': { id: 'chinle-wash', name_zh: '钦利沃什河', name_en: 'Chinle Wash', parts: [na(22596)], upstream: [-109.6, 36.13] },
} satisfies Record<string, RiverRecipe>;

export type RiverId = keyof typeof RIVERS;

export function pickRivers(...ids: RiverId[]): RiverRecipe[] {
  return ids.map((id) => RIVERS[id]);
}

import type { ChinaRegionRecipe } from '../recipe.ts';
import { pickRivers } from '../rivers-catalogue.ts';

export const yangtzeDelta: ChinaRegionRecipe = {
  id: 'yangtze-delta',
  name_zh: '长三角',
  name_en: 'Yangtze River Delta',
  country: 'CN',
  timezone: 'Asia/Shanghai',
  provinces: ['31', '32', '33', '34'],
  includeNeighbours: false,
  // The Yangtze below Zhenjiang is missing from Natural Earth: see its catalogue entry.
  rivers: pickRivers('yangtze', 'huai', 'sha-ying', 'fuchun', 'ou', 'yi'),
  volcanoMarginKm: 25,
};

import type { ChinaRegionRecipe } from '../recipe.ts';
import { pickRivers } from '../rivers-catalogue.ts';

export const henan: ChinaRegionRecipe = {
  id: 'henan',
  name_zh: '河南及周边',
  name_en: 'Henan and neighbours',
  country: 'CN',
  timezone: 'Asia/Shanghai',
  provinces: ['41'],
  includeNeighbours: true,
  rivers: pickRivers('yellow', 'huai', 'sha-ying', 'yangtze', 'han', 'dan', 'wei', 'fen', 'qin', 'zhang'),
  volcanoMarginKm: 25,
};

import type { ChinaRegionRecipe } from '../recipe.ts';
import { pickRivers } from '../rivers-catalogue.ts';

export const changbaishan: ChinaRegionRecipe = {
  id: 'changbaishan',
  name_zh: '长白山（吉林及周边）',
  name_en: 'Changbaishan (Jilin and neighbours)',
  country: 'CN',
  timezone: 'Asia/Shanghai',
  provinces: ['22'],
  includeNeighbours: true,
  rivers: pickRivers(
    'erdao', 'second-songhua', 'nen', 'songhua', 'taoer', 'chaor', 'nemor',
    'tumen', 'yalu', 'muling', 'xar-moron', 'xiliao', 'liao',
  ),
  // NOAA places Changbaishan's summit on the North Korean side of the border: keep volcanoes
  // up to 25 km outside the region, since their ash is the case this region exists for.
  volcanoMarginKm: 25,
};

import type { ChinaRegionRecipe } from '../recipe.ts';
import { pickRivers } from '../rivers-catalogue.ts';

export const jingjinji: ChinaRegionRecipe = {
  id: 'jingjinji',
  name_zh: '京津冀及周边',
  name_en: 'Beijing–Tianjin–Hebei and neighbours',
  country: 'CN',
  timezone: 'Asia/Shanghai',
  provinces: ['11', '12', '13'],
  includeNeighbours: true,
  rivers: pickRivers('yongding', 'hai', 'luan', 'daling', 'xar-moron', 'xiliao', 'yellow', 'fen', 'qin', 'zhang'),
  volcanoMarginKm: 25,
};

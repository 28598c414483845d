import type { UsRegionRecipe } from '../recipe.ts';
import { pickRivers } from '../rivers-catalogue.ts';

/** The 2015 Gold King Mine spill route: Animas River (Colorado) into the San Juan at Farmington. */
export const usFourCorners: UsRegionRecipe = {
  id: 'us-four-corners',
  name_zh: '美国四角地区（阿尼马斯河—圣胡安河）',
  name_en: 'US Four Corners (Animas–San Juan)',
  country: 'US',
  timezone: 'America/Denver',
  coreRivers: ['animas', 'san-juan'],
  states: ['04', '08', '35', '49'],
  rivers: pickRivers('animas', 'san-juan', 'dolores', 'chama', 'rio-grande', 'colorado', 'chaco', 'chinle-wash'),
  // The other named rivers of these large western counties are not part of the spill route.
  excludedRivers: [413, 415, 659, 22478, 22547, 22549, 22675, 22691, 22615, 22507, 22520, 22524, 22525, 22533,
    22534, 22540, 22548, 22550, 22681, 22700, 22704, 22614].map((rivernum) => ({
    rivernum,
    why: 'not on the Animas–San Juan route; the region models that spill',
  })),
  volcanoMarginKm: 25,
};

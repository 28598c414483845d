import type { RegionRecipe } from '../recipe.ts';
import { changbaishan } from './changbaishan.ts';
import { henan } from './henan.ts';
import { jingjinji } from './jingjinji.ts';
import { usFourCorners } from './us-four-corners.ts';
import { yangtzeDelta } from './yangtze-delta.ts';

/** All regions, the default first. */
export const REGION_RECIPES: readonly RegionRecipe[] = [henan, jingjinji, yangtzeDelta, changbaishan, usFourCorners];

export const DEFAULT_REGION_ID = henan.id;

export function findRecipe(id: string): RegionRecipe | undefined {
  return REGION_RECIPES.find((r) => r.id === id);
}

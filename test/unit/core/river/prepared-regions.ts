import { readRegionBundle } from '../../../../geodata/read-bundle.ts';
import type { RegionBundle } from '../../../../src/core/region/region-bundle.ts';
import { prepareRiverSpillRegion, type RiverSpillRegion } from '../../../../src/core/river/index.ts';

const prepared = new Map<string, RiverSpillRegion>();

/** A real region bundle prepared for tracing; bundles are read-only, so one preparation per file. */
export function preparedRegion(regionId: string): RiverSpillRegion {
  let region = prepared.get(regionId);
  if (!region) prepared.set(regionId, (region = prepareRiverSpillRegion(readRegionBundle(regionId))));
  return region;
}

export function bundleOf(regionId: string): RegionBundle {
  return readRegionBundle(regionId);
}

/** Spill points used across the river tests, each a few hundred metres or less from its river. */
export const SPILLS = {
  /** Sha River below Pingdingshan city: the 2004 Sha-Ying slug started upstream of Luohe. */
  shaYingPingdingshan: [113.0, 33.74],
  /** Sha-Ying in Zhoukou, well downstream of Pingdingshan and Luohe. */
  shaYingZhoukou: [114.7153, 33.5803],
  /** Yellow River where it is the Zhengzhou (south bank) / Xinxiang (north bank) border. */
  yellowZhengzhouXinxiang: [113.9274, 34.8913],
  /** Yellow River on the Kaifeng / Xinxiang border. */
  yellowKaifengXinxiang: [114.5716, 34.9176],
  /** Animas River at Durango, Colorado (La Plata County), upstream of its confluence with the San Juan. */
  animasDurango: [-107.88, 37.27],
  /** Dan River in Shaanxi (Shangluo), upstream of the Danjiangkou reservoir and the Han. */
  danShangluo: [110.7327, 33.4462],
} as const satisfies Record<string, [number, number]>;

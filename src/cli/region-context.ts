import { readRegionBundle, UnknownRegionError } from '../../geodata/read-bundle.ts';
import { createJurisdictionIndex, type JurisdictionIndex } from '../core/jurisdiction/jurisdiction-index.ts';
import type { RegionBundle } from '../core/region/region-bundle.ts';
import { fail, type CommandResult } from './command.ts';

export interface RegionContext {
  bundle: RegionBundle;
  index: JurisdictionIndex;
}

/** The region's bundle, or the bad-input result for an unknown id. */
export function loadRegionBundle(regionId: string): RegionBundle | CommandResult {
  try {
    return readRegionBundle(regionId);
  } catch (e) {
    if (e instanceof UnknownRegionError) return fail('unknown-region', e.message);
    throw e;
  }
}

export function isRegionBundle(v: RegionBundle | CommandResult): v is RegionBundle {
  return 'format' in v;
}

/** The region's bundle with its jurisdiction index, built once per call of a command. */
export function loadRegionContext(regionId: string): RegionContext | CommandResult {
  const bundle = loadRegionBundle(regionId);
  return isRegionBundle(bundle) ? { bundle, index: createJurisdictionIndex(bundle.jurisdictions.features) } : bundle;
}

export function isRegionContext(v: RegionContext | CommandResult): v is RegionContext {
  return 'bundle' in v;
}

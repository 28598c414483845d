import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_BUNDLE_FORMAT, type RegionBundle } from '../src/core/region/region-bundle.ts';
import { buildRegion } from './build-region.ts';
import { computeGeodataFingerprint } from './fingerprint.ts';
import { buildDir } from './raw-files.ts';
import { findRecipe, REGION_RECIPES } from './regions/index.ts';

export class UnknownRegionError extends Error {
  constructor(readonly regionId: string) {
    super(`unknown region "${regionId}"; known: ${REGION_RECIPES.map((r) => r.id).join(', ')}`);
    this.name = 'UnknownRegionError';
  }
}

const cache = new Map<string, RegionBundle>();

/**
 * A region bundle for Node-side code (CLI, seed, tests, benchmarks): the built file when it is
 * up to date, else built in memory from the recipe (a second or so), so a fresh clone or an edited
 * recipe never serves stale data.
 */
export function readRegionBundle(regionId: string): RegionBundle {
  const hit = cache.get(regionId);
  if (hit) return hit;
  const recipe = findRecipe(regionId);
  if (!recipe) throw new UnknownRegionError(regionId);
  const file = join(buildDir, `${regionId}.json`);
  let bundle: RegionBundle | undefined;
  if (existsSync(file) && builtWithCurrentSources()) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as RegionBundle;
    if (parsed.format === REGION_BUNDLE_FORMAT) bundle = parsed;
  }
  bundle ??= buildRegion(recipe).bundle;
  cache.set(regionId, bundle);
  return bundle;
}

let upToDate: boolean | undefined;

/** Whether geodata/build was made from the current raw files, recipes and pipeline code. */
function builtWithCurrentSources(): boolean {
  if (upToDate === undefined) {
    const manifest = join(buildDir, 'manifest.json');
    upToDate = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).fingerprint === computeGeodataFingerprint();
  }
  return upToDate;
}

export function listRegionIds(): string[] {
  return REGION_RECIPES.map((r) => r.id);
}

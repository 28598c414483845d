/**
 * Builds one bundle per region recipe into geodata/build/ (git-ignored).
 *   npm run geodata                 build what is out of date
 *   npm run geodata -- --force      rebuild everything
 *   npm run geodata -- henan        only these regions (always rebuilt)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RegionIndexEntry } from '../src/core/region/region-bundle.ts';
import { buildRegion } from './build-region.ts';
import { computeGeodataFingerprint } from './fingerprint.ts';
import { assertRawFilesPresent, buildDir, MissingRawDataError, RAW_FILES, type RawFileKey } from './raw-files.ts';
import { REGION_RECIPES } from './regions/index.ts';

const RAW_KEYS = Object.keys(RAW_FILES) as RawFileKey[];

function main(args: string[]): void {
  const force = args.includes('--force');
  const only = args.filter((a) => !a.startsWith('--'));
  const unknown = only.filter((id) => !REGION_RECIPES.some((r) => r.id === id));
  if (unknown.length > 0) throw new Error(`unknown region(s): ${unknown.join(', ')}; known: ${REGION_RECIPES.map((r) => r.id).join(', ')}`);

  assertRawFilesPresent(RAW_KEYS);
  mkdirSync(buildDir, { recursive: true });
  const manifestPath = join(buildDir, 'manifest.json');
  const print = computeGeodataFingerprint();
  const recipes = only.length > 0 ? REGION_RECIPES.filter((r) => only.includes(r.id)) : REGION_RECIPES;
  const upToDate =
    !force && only.length === 0 && existsSync(manifestPath) &&
    JSON.parse(readFileSync(manifestPath, 'utf8')).fingerprint === print &&
    recipes.every((r) => existsSync(join(buildDir, `${r.id}.json`)));
  if (upToDate) {
    console.log(`geodata: bundles up to date in ${relative(process.cwd(), buildDir) || '.'}`);
    return;
  }

  const index: RegionIndexEntry[] = [];
  for (const recipe of REGION_RECIPES) {
    const out = join(buildDir, `${recipe.id}.json`);
    if (!recipes.includes(recipe)) {
      if (existsSync(out)) index.push(indexEntry(JSON.parse(readFileSync(out, 'utf8'))));
      continue;
    }
    const t0 = performance.now();
    const { bundle, log } = buildRegion(recipe);
    const json = JSON.stringify(bundle);
    writeFileSync(out, json);
    const ms = performance.now() - t0;
    for (const line of log) console.log(`  ${recipe.id}: ${line}`);
    console.log(
      `geodata: ${recipe.id.padEnd(16)} ${String(bundle.jurisdictions.features.length).padStart(3)} jurisdictions, ` +
        `${String(bundle.rivers.features.length).padStart(2)} rivers, ${String(bundle.lakes.features.length).padStart(3)} lakes, ` +
        `${String(bundle.sources.features.length).padStart(4)} sources  ${(json.length / 1024).toFixed(0)} KiB ` +
        `(${(gzipSync(json).length / 1024).toFixed(0)} KiB gz) in ${ms.toFixed(0)} ms`,
    );
    index.push(indexEntry(bundle));
  }
  writeFileSync(join(buildDir, 'regions.json'), JSON.stringify({ regions: index }));
  writeFileSync(manifestPath, JSON.stringify({ fingerprint: print, built: new Date().toISOString() }));
}

function indexEntry(bundle: ReturnType<typeof buildRegion>['bundle']): RegionIndexEntry {
  const { id, name_zh, name_en, bbox } = bundle.region;
  return { id, name_zh, name_en, bbox, jurisdictions: bundle.jurisdictions.features.length };
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof MissingRawDataError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(`geodata: ${(e as Error).message}`);
  process.exit(1);
}

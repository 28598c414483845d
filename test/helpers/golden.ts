import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/, found from this file so the tests run from any working directory. */
const FIXTURES_ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const shouldRegenerate = process.env.REGEN === '1';

export interface FixtureCase {
  name: string;
  input: unknown;
  outPath: string;
}

/** Every `in/*.json` or `in/*.geojson` case of a function's fixture folder. */
export function listFixtureCases(functionName: string): FixtureCase[] {
  const inDir = join(FIXTURES_ROOT, functionName, 'in');
  const outDir = join(FIXTURES_ROOT, functionName, 'out');
  return readdirSync(inDir)
    .filter((file) => file.endsWith('.json') || file.endsWith('.geojson'))
    .sort()
    .map((file) => ({
      name: basename(file).replace(/\.(geo)?json$/, ''),
      input: JSON.parse(readFileSync(join(inDir, file), 'utf8')) as unknown,
      outPath: join(outDir, file),
    }));
}

/**
 * Returns the expected output of a case; with REGEN=1 it first writes `actual` (already rounded:
 * the very object the test compares) as the new expectation.
 */
export function readExpected(fixture: FixtureCase, actual: unknown): unknown {
  if (shouldRegenerate || !existsSync(fixture.outPath)) {
    if (!shouldRegenerate) throw new Error(`missing ${fixture.outPath}: run the tests with REGEN=1 to create it`);
    mkdirSync(join(fixture.outPath, '..'), { recursive: true });
    writeFileSync(fixture.outPath, `${JSON.stringify(actual, null, 2)}\n`);
  }
  return JSON.parse(readFileSync(fixture.outPath, 'utf8')) as unknown;
}

/**
 * Rounds every number in a JSON value: 6 decimals (Turf's rule, about 0.1 m in coordinates), but
 * 6 significant digits below 1, where concentrations of 1e-7 g/m³ would otherwise round to zero.
 */
export function roundNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => {
    if (typeof item !== 'number' || item === 0) return item;
    const rounded = Math.abs(item) >= 1 ? Number(item.toFixed(6)) : Number(item.toPrecision(6));
    // JSON has no negative zero; keep the fixture text stable.
    return rounded === 0 ? 0 : rounded;
  }) as T;
}

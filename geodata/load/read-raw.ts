import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rawPath, type RawFileKey } from '../raw-files.ts';

const cache = new Map<string, unknown>();

/** Parses each raw JSON file once per process: several regions read the same 12 MB files. */
export function readRawJson<T>(key: RawFileKey): T {
  const path = rawPath(key);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

export function readRawText(key: RawFileKey): string {
  return readFileSync(rawPath(key), 'utf8');
}

const require = createRequire(import.meta.url);

/** us-atlas ships its TopoJSON in the npm package, so it needs no raw copy. */
export function readUsAtlas<T>(): T {
  const path = require.resolve('us-atlas/counties-10m.json');
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RAW_FILES, rawPath, repoRoot, type RawFileKey } from './raw-files.ts';

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'build' ? [] : listSources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Changes when a raw file, a recipe or the pipeline's own code changes: built bundles carrying
 * another fingerprint are stale. Raw files are identified by size and mtime (hashing 70 MB on
 * every start would cost more than it saves); code by content.
 */
export function computeGeodataFingerprint(): string {
  const h = createHash('sha256');
  for (const k of Object.keys(RAW_FILES) as RawFileKey[]) {
    const s = statSync(rawPath(k));
    h.update(`${k}:${s.size}:${s.mtimeMs}\n`);
  }
  const code = [...listSources(join(repoRoot, 'geodata')), join(repoRoot, 'src/core/region/region-bundle.ts'), join(repoRoot, 'package-lock.json')];
  for (const f of code.sort()) h.update(relative(repoRoot, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

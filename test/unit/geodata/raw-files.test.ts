import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertRawFilesPresent, MissingRawDataError, RAW_FILES, repoRoot } from '../../../geodata/raw-files.ts';

describe('missing raw data', () => {
  it('names every missing file with where to download it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'crossrisk-raw-'));
    const keys = Object.keys(RAW_FILES) as (keyof typeof RAW_FILES)[];
    let error: unknown;
    try {
      assertRawFilesPresent(keys, empty);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingRawDataError);
    const message = (error as Error).message;
    for (const f of Object.values(RAW_FILES)) {
      expect(message).toContain(f.name);
      expect(message).toContain(f.url);
    }
  });

  it('stops the pipeline with that message and writes nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'crossrisk-raw-'));
    const out = mkdtempSync(join(tmpdir(), 'crossrisk-build-'));
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['geodata/build-regions.ts'], {
      cwd: repoRoot,
      env: { ...process.env, CROSSRISK_RAW_DIR: empty, CROSSRISK_GEODATA_BUILD: out },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cn-atlas.json');
    expect(run.stderr).toContain('ne_10m_rivers_lake_centerlines.json');
    expect(run.stderr).toContain('CROSSRISK_RAW_DIR');
    expect(spawnSync('ls', ['-A', out], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('rejects an unknown region id', () => {
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['geodata/build-regions.ts', 'atlantis'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown region\(s\): atlantis/);
  });
});

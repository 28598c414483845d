import { describe, expect, it } from 'vitest';
import { listRegionIds, readRegionBundle } from '../../../geodata/read-bundle.ts';
import { spawnCli } from './spawn-cli.ts';

describe('crossrisk regions', () => {
  it('lists every region with its names and number of jurisdictions', async () => {
    const run = await spawnCli(['regions']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const output = JSON.parse(run.stdout) as { regions: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['regions']);
    expect(output.regions.map((r) => r.id)).toEqual(listRegionIds());
    for (const entry of output.regions) {
      expect(Object.keys(entry).sort()).toEqual(['id', 'jurisdictions', 'name_en', 'name_zh']);
      const bundle = readRegionBundle(String(entry.id));
      expect(entry).toEqual({
        id: bundle.region.id,
        name_zh: bundle.region.name_zh,
        name_en: bundle.region.name_en,
        jurisdictions: bundle.jurisdictions.features.length,
      });
    }
    expect(output.regions.find((r) => r.id === 'henan')).toMatchObject({ name_zh: '河南及周边', jurisdictions: 38 });
  });

  it('takes no flags', async () => {
    const run = await spawnCli(['regions', '--region', 'henan']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('unknown-flag: --region');
  });
});

import { describe, expect, it } from 'vitest';
import { expectBadInput, spawnCli, type CliRun } from './spawn-cli.ts';


/** Success: exit code 0 and one JSON document on stdout. */
function parseSuccess(run: CliRun): unknown {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout);
}

describe.concurrent('crossrisk stability', () => {
  it('2 m/s in strong sun is the two-letter cell A-B', async () => {
    expect(parseSuccess(await spawnCli(['stability', '--wind-speed', '2', '--insolation', 'strong']))).toEqual({ class: 'A-B' });
  });

  it('a clear night at 2.5 m/s is F; 4/8 cloud makes it E', async () => {
    expect(parseSuccess(await spawnCli(['stability', '--wind-speed', '2.5', '--night-cloud-eighths', '2']))).toEqual({ class: 'F' });
    expect(parseSuccess(await spawnCli(['stability', '--wind-speed=2.5', '--night-cloud-eighths=4']))).toEqual({ class: 'E' });
  });

  it('overcast is D', async () => {
    expect(parseSuccess(await spawnCli(['stability', '--wind-speed', '1', '--overcast']))).toEqual({ class: 'D' });
  });

  it('the empty night cell exits 2 with its reason', async () => {
    expectBadInput(await spawnCli(['stability', '--wind-speed', '1.5', '--night-cloud-eighths', '1']), 'night-calm-undefined');
  });

  it('no sky, two skies, a bad insolation, a missing speed: exit 2', async () => {
    expectBadInput(await spawnCli(['stability', '--wind-speed', '3']), 'sky-condition-required');
    expectBadInput(await spawnCli(['stability', '--wind-speed', '3', '--overcast', '--insolation', 'slight']), 'sky-conditions-conflict');
    expectBadInput(await spawnCli(['stability', '--wind-speed', '3', '--insolation', 'blazing']), 'insolation-unknown');
    expectBadInput(await spawnCli(['stability', '--insolation', 'slight']), 'missing-flag: --wind-speed');
    expectBadInput(await spawnCli(['stability', '--wind-speed', 'fast', '--overcast']), 'not-a-number');
  });
});

describe.concurrent('crossrisk dispersion', () => {
  it('class D at 1 km', async () => {
    const output = parseSuccess(await spawnCli(['dispersion', '--class', 'D', '--x-km', '1'])) as Record<string, number>;
    expect(Object.keys(output).sort()).toEqual(['sigma_y_m', 'sigma_z_m']);
    expect(output.sigma_y_m).toBeCloseTo(68.129, 3);
    expect(output.sigma_z_m).toBeCloseTo(32.093, 9);
  });

  it('accepts a two-letter cell as printed by `stability`', async () => {
    const output = parseSuccess(await spawnCli(['dispersion', '--class', 'A-B', '--x-km', '1'])) as Record<string, number>;
    expect(output.sigma_z_m).toBeCloseTo(281.575, 9);
  });

  it('bad class, bad distance, unknown flag: exit 2', async () => {
    expectBadInput(await spawnCli(['dispersion', '--class', 'G', '--x-km', '1']), 'stability-class-unknown');
    expectBadInput(await spawnCli(['dispersion', '--class', 'D', '--x-km', '0']), 'distance-not-positive');
    expectBadInput(await spawnCli(['dispersion', '--class', 'D', '--x-km', '250']), 'distance-beyond-model-range');
    expectBadInput(await spawnCli(['dispersion', '--class', 'D', '--x-km', '1', '--y-m', '3']), 'unknown-flag: --y-m');
  });
});

describe.concurrent('crossrisk gaussian', () => {
  it("Boubel's worked example: 0.37 g/s, 2 m/s, 40 m, class B, 0.28 km → 1.56e-5 g/m³", async () => {
    const run = await spawnCli(['gaussian', '--q', '0.37', '--u', '2', '--h', '40', '--class', 'B', '--x-km', '0.28']);
    const output = parseSuccess(run) as Record<string, number>;
    expect(Object.keys(output).sort()).toEqual(['concentration_g_m3', 'sigma_y_m', 'sigma_z_m']);
    expect(output.concentration_g_m3).toBeCloseTo(1.56e-5, 7);
    expect(output.sigma_y_m).toBeCloseTo(49.0, 1);
    expect(output.sigma_z_m).toBeCloseTo(28.2, 1);
  });

  it('off the axis (a negative --y-m is a value, not a flag)', async () => {
    const onAxis = parseSuccess(await spawnCli(['gaussian', '--q', '100', '--u', '5', '--h', '0', '--class', 'C', '--x-km', '1'])) as Record<string, number>;
    const offAxis = parseSuccess(
      await spawnCli(['gaussian', '--q', '100', '--u', '5', '--h', '0', '--class', 'C', '--x-km', '1', '--y-m', String(-(onAxis.sigma_y_m ?? 0))]),
    ) as Record<string, number>;
    expect(onAxis.concentration_g_m3).toBeCloseTo(1.00979e-3, 8);
    expect((offAxis.concentration_g_m3 ?? 0) / (onAxis.concentration_g_m3 ?? 1)).toBeCloseTo(Math.exp(-0.5), 9);
  });

  it('calm wind, negative emission, missing flag: exit 2', async () => {
    expectBadInput(await spawnCli(['gaussian', '--q', '1', '--u', '0', '--h', '0', '--class', 'D', '--x-km', '1']), 'wind-speed-not-positive');
    expectBadInput(await spawnCli(['gaussian', '--q', '-1', '--u', '2', '--h', '0', '--class', 'D', '--x-km', '1']), 'emission-not-positive');
    expectBadInput(await spawnCli(['gaussian', '--q', '1', '--u', '2', '--class', 'D', '--x-km', '1']), 'missing-flag: --h');
  });
});

describe.concurrent('crossrisk itself', () => {
  it('an unknown command exits 2 and names the known ones', async () => {
    const run = await spawnCli(['plumes']);
    expectBadInput(run, 'unknown-command: plumes');
    expect(run.stderr).toContain('stability');
  });

  it('no command exits 2', async () => {
    expectBadInput(await spawnCli([]), 'missing-command');
  });

  it('--help lists the commands on stdout', async () => {
    const run = await spawnCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dispersion');
    expect(run.stdout).toContain('gaussian');
  });

  it('the bin launcher runs the same CLI', async () => {
    const run = await spawnCli(['stability', '--wind-speed', '4', '--insolation', 'moderate'], ['node', 'bin/crossrisk.mjs']);
    expect(parseSuccess(run)).toEqual({ class: 'B-C' });
    expectBadInput(await spawnCli(['stability', '--wind-speed', '0.5', '--night-cloud-eighths', '0'], ['node', 'bin/crossrisk.mjs']), 'night-calm-undefined');
  });
});

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { destination } from '@turf/destination';
import { describe, expect, it } from 'vitest';
import { matchCommand } from '../../../src/cli/commands/match.command.ts';
import { plumeCommand } from '../../../src/cli/commands/plume.command.ts';
import { riverSpillCommand } from '../../../src/cli/commands/river-spill.command.ts';
import { readRegionBundle } from '../../../geodata/read-bundle.ts';
import { createRegistry } from '../../../src/cli/registry.ts';
import { runCli } from '../../../src/cli/run-cli.ts';
import { listFixtureCases, readExpected, roundNumbers } from '../../helpers/golden.ts';
import { spawnCli } from './spawn-cli.ts';

interface Jurisdiction {
  id: string;
  role: 'origin' | 'affected' | 'advisory';
  overlap_km2: number;
  arrival_h: number | null;
  arrival_km?: number | null;
}
interface PlumeOutput {
  region: string;
  footprint: { geometry: { coordinates: number[][][] }; properties: Record<string, unknown> };
  jurisdictions: Jurisdiction[];
}

/** Runs the commands in-process (the CLI's own entry is spawned once below): JSON out, or the stderr line. */
async function run(args: string[], stdin = ''): Promise<{ code: number; json: unknown; stderr: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, createRegistry([plumeCommand, matchCommand, riverSpillCommand]), {
    writeStdout: (s) => void (out += s),
    writeStderr: (s) => void (err += s),
    readStdin: async () => stdin,
  });
  return { code, json: out ? JSON.parse(out) : null, stderr: err };
}

describe('plume', () => {
  it.each(listFixtureCases('plume-command').map((c) => [c.name, c] as const))('%s matches its golden output', async (_name, fixture) => {
    const { args } = fixture.input as { args: string[] };
    const { code, json, stderr } = await run(['plume', ...args]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const actual = roundNumbers({ input: fixture.input, output: json });
    expect(actual).toEqual(readExpected(fixture, actual));
  });

  it('sector: the origin is reached at once, the rest at distance / wind speed, all downwind', async () => {
    const { json } = await run(['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '270', '--wind-speed', '5', '--hours', '3', '--class', 'D']);
    const out = json as PlumeOutput;
    expect(out.footprint.properties).toMatchObject({ model: 'sector', radius_km: 54, half_angle_deg: 10, half_angle_source: 'sigma-theta' });
    // Wind from the west: the footprint lies east of the source.
    for (const [lon] of out.footprint.geometry.coordinates[0]!) expect(lon).toBeGreaterThanOrEqual(113.65 - 1e-9);
    const origin = out.jurisdictions.find((j) => j.role === 'origin')!;
    expect([origin.id, origin.arrival_h]).toEqual(['410100', 0]);
    const kaifeng = out.jurisdictions.find((j) => j.id === '410200')!;
    expect(kaifeng.role).toBe('affected');
    expect(kaifeng.arrival_km!).toBeGreaterThan(0);
    expect(kaifeng.arrival_km!).toBeLessThan(54);
    expect(kaifeng.arrival_h!).toBeCloseTo(kaifeng.arrival_km! / (3.6 * 5), 9);
    // Independently: walk rays across the sector from the source and find where Kaifeng begins.
    const kaifengShape = readRegionBundle('henan').jurisdictions.features.find((f) => f.properties.id === '410200')!;
    let nearestKm = Infinity;
    for (let bearingDeg = 80; bearingDeg <= 100; bearingDeg += 0.5) {
      for (let km = 0; km <= 54; km += 0.1) {
        if (booleanPointInPolygon(destination([113.65, 34.76], km, bearingDeg, { units: 'kilometers' }), kaifengShape)) {
          nearestKm = Math.min(nearestKm, km);
          break;
        }
      }
    }
    expect(Math.abs(kaifeng.arrival_km! - nearestKm)).toBeLessThan(0.3);
    for (const j of out.jurisdictions.filter((x) => x.role === 'advisory')) expect(j.arrival_h).toBeNull();
  });

  it('an elevated Gaussian release reaches even its origin only where the ground level exceeds the level of concern', async () => {
    const { json } = await run(['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '270', '--wind-speed', '5', '--hours', '6', '--model', 'gaussian', '--q', '50000', '--h', '200', '--loc', '0.0001', '--class', 'D']);
    const out = json as PlumeOutput;
    const startKm = out.footprint.properties['start_km'] as number;
    expect(startKm).toBeGreaterThan(1);
    const origin = out.jurisdictions.find((j) => j.role === 'origin')!;
    expect(origin.arrival_km).toBeCloseTo(startKm, 1);
    expect(origin.arrival_h).toBeCloseTo(startKm / (3.6 * 5), 2);
  });

  it('a longer release never reaches fewer jurisdictions', async () => {
    const base = ['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '300', '--wind-speed', '6', '--class', 'C'];
    const reached = async (hours: number) =>
      new Set(((await run([...base, '--hours', String(hours)])).json as PlumeOutput).jurisdictions.filter((j) => j.role !== 'advisory').map((j) => j.id));
    const short = await reached(1);
    const long = await reached(5);
    for (const id of short) expect(long.has(id)).toBe(true);
    expect(long.size).toBeGreaterThan(short.size);
  });

  it('refuses what it cannot model, with a one-line reason and exit 2', async () => {
    const base = ['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '270', '--wind-speed', '3', '--hours', '2'];
    const cases: [string[], RegExp][] = [
      [[...base, '--model', 'gaussian', '--q', '10', '--h', '5', '--loc', '0.001'], /stability-required/],
      [[...base, '--model', 'gaussian', '--q', '10', '--loc', '0.001', '--class', 'D'], /gaussian-needs-q-h-loc/],
      [[...base, '--model', 'puff'], /model-unknown/],
      // Pasquill's table has no class for a calm night: no silent guess.
      [['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '270', '--wind-speed', '1', '--hours', '2', '--model', 'gaussian', '--q', '10', '--h', '5', '--loc', '0.001', '--night-cloud-eighths', '2'], /night-calm-undefined/],
      [[...base, '--class', 'D', '--overcast'], /class-and-sky-conflict/],
      [['plume', '--region', 'atlantis', '--lon', '1', '--lat', '1', '--wind-from', '0', '--wind-speed', '1', '--hours', '1', '--class', 'D'], /unknown-region/],
      // Beijing is far outside the Henan region: a short plume reaches none of it.
      [['plume', '--region', 'henan', '--lon', '116.4', '--lat', '39.9', '--wind-from', '180', '--wind-speed', '2', '--hours', '1', '--class', 'D'], /outside-region/],
    ];
    for (const [args, reason] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.json).toBeNull();
    }
  });
});

describe('match', () => {
  it.each(listFixtureCases('match-command').map((c) => [c.name, c] as const))('%s matches its golden output', async (_name, fixture) => {
    const { code, json, stderr } = await run(['match', '--region', 'henan', '--footprint', '-'], JSON.stringify(fixture.input));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const actual = roundNumbers({ input: fixture.input, output: json });
    expect(actual).toEqual(readExpected(fixture, actual));
  });

  it('names the crossed jurisdictions of a box over the Yellow River, with no arrival time', async () => {
    const box = { type: 'Polygon', coordinates: [[[113.5, 34.6], [114.6, 34.6], [114.6, 35.0], [113.5, 35.0], [113.5, 34.6]]] };
    const { json } = await run(['match', '--region', 'henan', '--footprint', '-'], JSON.stringify(box));
    const js = (json as PlumeOutput).jurisdictions;
    expect(js.filter((j) => j.role === 'affected').map((j) => j.id).sort()).toEqual(['410100', '410200', '410700', '410800']);
    expect(js.every((j) => j.arrival_h === null)).toBe(true);
  });

  it('refuses bad input with exit 2 and changes nothing', async () => {
    const cases: [string, RegExp][] = [
      ['not json', /not-geojson/],
      [JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }), /self-intersection|outside-region/],
      [JSON.stringify({ type: 'Polygon', coordinates: [[[-74, 40.7], [-73.9, 40.7], [-73.9, 40.8], [-74, 40.7]]] }), /outside-region/],
      [JSON.stringify({ type: 'Point', coordinates: [113.6, 34.7] }), /missing-width/],
    ];
    for (const [stdin, reason] of cases) {
      const r = await run(['match', '--region', 'henan', '--footprint', '-'], stdin);
      expect(r.code, stdin).toBe(2);
      expect(r.stderr).toMatch(reason);
    }
    const missing = await run(['match', '--region', 'henan', '--footprint', 'no/such/file.json']);
    expect([missing.code, /footprint-unreadable/.test(missing.stderr)]).toEqual([2, true]);
  });
});

describe('the real CLI process', () => {
  it('answers plume with one JSON document on stdout', async () => {
    const r = await spawnCli(['plume', '--region', 'henan', '--lon', '113.65', '--lat', '34.76', '--wind-from', '270', '--wind-speed', '5', '--hours', '3', '--class', 'D']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as PlumeOutput;
    expect(out.region).toBe('henan');
    expect(out.jurisdictions[0]!.role).toBe('origin');
  });
});

describe('every region answers the contract', () => {
  const regionIds = ['henan', 'jingjinji', 'yangtze-delta', 'changbaishan', 'us-four-corners'];

  it.each(regionIds)('%s: match, plume and river-spill from a point inside it', async (id) => {
    const bundle = readRegionBundle(id);
    const [lon, lat] = bundle.jurisdictions.features.find((f) => f.properties.core)!.properties.label_point;
    const circle = { type: 'Feature', properties: { radius_km: 15 }, geometry: { type: 'Point', coordinates: [lon, lat] } };
    const match = await run(['match', '--region', id, '--footprint', '-'], JSON.stringify(circle));
    expect(match.code, match.stderr).toBe(0);
    expect((match.json as PlumeOutput).jurisdictions.some((j) => j.role === 'affected')).toBe(true);

    const plume = await run(['plume', '--region', id, '--lon', String(lon), '--lat', String(lat), '--wind-from', '45', '--wind-speed', '4', '--hours', '2', '--class', 'D']);
    expect(plume.code, plume.stderr).toBe(0);
    const plumeOut = plume.json as PlumeOutput;
    expect(plumeOut.region).toBe(id);
    expect(plumeOut.jurisdictions[0]).toMatchObject({ role: 'origin', arrival_h: 0 });

    const river = bundle.rivers.features.find((r) => r.properties.outlet !== null) ?? bundle.rivers.features[0]!;
    const [rlon, rlat] = river.geometry.coordinates[Math.floor(river.geometry.coordinates.length / 3)]!;
    const spill = await run(['river-spill', '--region', id, '--lon', String(rlon), '--lat', String(rlat), '--velocity-mps', '1']);
    expect(spill.code, spill.stderr).toBe(0);
    const spillOut = spill.json as { river: { id: string }; snapped: number[]; jurisdictions: { enter_km: number; arrival_h_peak: number; arrival_h_lead: number }[] };
    expect(spillOut.river.id).toBe(river.properties.id);
    expect(spillOut.jurisdictions.length).toBeGreaterThan(0);
    const enters = spillOut.jurisdictions.map((j) => j.enter_km);
    expect(enters).toEqual([...enters].sort((a, b) => a - b));
    for (const j of spillOut.jurisdictions) expect(j.arrival_h_lead).toBeCloseTo(0.89 * j.arrival_h_peak, 9);
  });
});


import { describe, expect, it } from 'vitest';
import { expectBadInput, spawnCli, type CliRun } from './spawn-cli.ts';


interface SpillJurisdiction {
  id: string;
  role: string;
  enter_km: number;
  exit_km: number;
  arrival_h: number;
  arrival_h_peak: number;
  arrival_h_lead: number;
  overlap_km2: number;
}

interface SpillOutput {
  region: string;
  river: { id: string; name_zh: string; name_en: string };
  rivers: { id: string; from_km: number; to_km: number; velocity_mps: number }[];
  snapped: [number, number];
  footprint: { type: string; geometry: { type: string } };
  jurisdictions: SpillJurisdiction[];
}

function parseSpill(run: CliRun): SpillOutput {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as SpillOutput;
}

const spill = (...args: string[]) => spawnCli(['river-spill', ...args]);

describe.concurrent('crossrisk river-spill', () => {
  it('Sha-Ying in Pingdingshan at 0.5 m/s: Luohe, Zhoukou, Fuyang in downstream order, with arrival hours', async () => {
    const output = parseSpill(await spill('--region', 'henan', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0.5'));
    expect(output.region).toBe('henan');
    expect(output.river).toEqual({ id: 'sha-ying', name_zh: '沙颍河', name_en: 'Sha-Ying River' });
    expect(output.rivers.map((r) => r.id)).toEqual(['sha-ying', 'huai']);
    expect(output.snapped).toHaveLength(2);
    expect(output.footprint.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(output.footprint.geometry.type);
    const [origin, ...rest] = output.jurisdictions;
    expect(origin).toMatchObject({ id: '410400', role: 'origin', arrival_h: 0, enter_km: 0 });
    expect(rest.map((j) => j.id).filter((id) => ['411100', '411600', '341200'].includes(id))).toEqual(['411100', '411600', '341200']);
    for (const j of output.jurisdictions) {
      for (const field of ['id', 'name_zh', 'name_en', 'role', 'overlap_km2', 'arrival_h', 'enter_km', 'exit_km', 'arrival_h_peak', 'arrival_h_lead']) {
        expect(j).toHaveProperty(field);
      }
      expect(j.arrival_h).toBe(j.arrival_h_peak);
      expect(j.arrival_h_peak).toBeCloseTo((j.enter_km * 1000) / 0.5 / 3600, 9);
      expect(j.arrival_h_lead).toBeCloseTo(0.89 * j.arrival_h_peak, 9);
    }
    const enters = output.jurisdictions.map((j) => j.enter_km);
    expect(enters).toEqual([...enters].sort((a, b) => a - b));
  });

  it('the Yellow River on the Zhengzhou / Xinxiang border warns both banks', async () => {
    const output = parseSpill(await spill('--region', 'henan', '--lon', '113.9274', '--lat', '34.8913', '--velocity-mps', '0.5', '--hours', '10'));
    expect(output.jurisdictions.map((j) => j.id).sort()).toEqual(['410100', '410700']);
    expect(output.jurisdictions.every((j) => j.enter_km === 0)).toBe(true);
  });

  it('the Animas at Durango continues down the San Juan into New Mexico and Utah', async () => {
    const output = parseSpill(await spill('--region', 'us-four-corners', '--lon', '-107.88', '--lat', '37.27', '--velocity-mps', '1', '--hours', '100'));
    expect(output.rivers.map((r) => r.id).slice(0, 2)).toEqual(['animas', 'san-juan']);
    const order = output.jurisdictions.map((j) => j.id);
    expect(order[0]).toBe('08067');
    expect(order.indexOf('49037')).toBeGreaterThan(order.indexOf('35045'));
    expect(order.indexOf('35045')).toBeGreaterThan(0);
  });

  it('--hours limits the reach; --width-km widens the footprint', async () => {
    const [short, wide] = await Promise.all([
      spill('--region', 'henan', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0.5', '--hours', '48'),
      spill('--region', 'henan', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0.5', '--hours', '48', '--width-km', '2'),
    ]);
    const a = parseSpill(short);
    const b = parseSpill(wide);
    expect(a.jurisdictions.map((j) => j.id)).not.toContain('411600');
    expect(a.jurisdictions.every((j) => j.enter_km <= 86.4)).toBe(true);
    const total = (o: SpillOutput) => o.jurisdictions.reduce((sum, j) => sum + j.overlap_km2, 0);
    expect(total(b)).toBeGreaterThan(1.8 * total(a));
  });

  it('--river-velocities sets a velocity per river: the Dan at 0.5 m/s, the Han at 1 m/s', async () => {
    const run = await spill('--region', 'henan', '--lon', '110.7327', '--lat', '33.4462', '--velocity-mps', '0.5', '--river-velocities', 'han=1', '--hours', '150');
    const output = parseSpill(run);
    expect(output.rivers.map((r) => [r.id, r.velocity_mps])).toEqual([
      ['dan', 0.5],
      ['han', 1],
    ]);
    const danKm = output.rivers[0]?.to_km ?? NaN;
    const xiangyang = output.jurisdictions.find((j) => j.id === '420600');
    expect(xiangyang?.arrival_h_peak).toBeCloseTo((danKm * 1000) / 0.5 / 3600 + (((xiangyang?.enter_km ?? NaN) - danKm) * 1000) / 1 / 3600, 9);
  });

  // The remaining reasons (swapped coordinates, a negative bank, a zero width) are covered in the core tests.
  it('bad input exits 2 with a one-line reason', async () => {
    const base = ['--region', 'henan', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0.5'];
    const runs = await Promise.all([
      spill('--region', 'atlantis', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0.5'),
      spill('--region', 'henan', '--lon', '113.0', '--lat', '33.74'),
      spill('--region', 'henan', '--lon', 'east', '--lat', '33.74', '--velocity-mps', '0.5'),
      spill('--region', 'henan', '--lon', '113.0', '--lat', '33.74', '--velocity-mps', '0'),
      spill('--region', 'henan', '--lon', '113.3', '--lat', '34.6', '--velocity-mps', '0.5'),
      spill(...base, '--hours', '0'),
      spill(...base, '--river-velocities', 'nile=1'),
    ]);
    const reasons = [
      'unknown-region',
      'missing-flag: --velocity-mps',
      'not-a-number',
      'velocity-not-positive',
      'no-river-within-tolerance',
      'hours-not-positive',
      'river-unknown',
    ];
    runs.forEach((run, i) => expectBadInput(run, reasons[i] as string));
  });
});

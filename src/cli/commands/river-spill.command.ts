import type { RegionBundle } from '../../core/region/region-bundle.ts';
import { DEFAULT_BANK_KM, DEFAULT_FOOTPRINT_WIDTH_KM, DEFAULT_SNAP_TOLERANCE_KM, MAX_VELOCITY_MPS, prepareRiverSpillRegion, traceRiverSpill } from '../../core/river/index.ts';
import { defineCommand, fail, succeed } from '../command.ts';
import { isRegionBundle, loadRegionBundle } from '../region-context.ts';

export const riverSpillCommand = defineCommand({
  name: 'river-spill',
  summary: 'a spill into a river: the jurisdictions downstream, with arrival times',
  flags: {
    region: { type: 'string', required: true, help: 'region id (see `crossrisk regions`)' },
    lon: { type: 'number', required: true, help: 'spill longitude, degrees (WGS84)' },
    lat: { type: 'number', required: true, help: 'spill latitude, degrees (WGS84)' },
    'velocity-mps': { type: 'number', required: true, help: `mean flow velocity, m/s (0 < v <= ${MAX_VELOCITY_MPS})` },
    'river-velocities': { type: 'string', help: 'other velocities for particular rivers, m/s: e.g. han=1.1,yangtze=1.4' },
    hours: { type: 'number', help: 'follow the river only as far as the peak travels in this many hours (default: to the end of the network)' },
    'bank-km': { type: 'number', help: `a jurisdiction within this distance of the river is on it: both banks of a border river (default ${DEFAULT_BANK_KM})` },
    'width-km': { type: 'number', help: `footprint half-width, km each side of the river (default ${DEFAULT_FOOTPRINT_WIDTH_KM})` },
    'snap-km': { type: 'number', help: `the farthest a spill may lie from a river and be snapped to it, km (default ${DEFAULT_SNAP_TOLERANCE_KM})` },
  },
  run(flags) {
    const bundle = loadRegionBundle(flags.region);
    if (!isRegionBundle(bundle)) return bundle;
    const perRiver = parseRiverVelocities(flags['river-velocities'] ?? '', bundle);
    if (!perRiver.ok) return fail(perRiver.reason, `--river-velocities ${flags['river-velocities'] ?? ''}`);
    const result = traceRiverSpill(prepareRiverSpillRegion(bundle), {
      spill: [flags.lon, flags.lat],
      velocityMps: flags['velocity-mps'],
      velocityByRiverMps: perRiver.value,
      ...(flags.hours === undefined ? {} : { hours: flags.hours }),
      ...(flags['bank-km'] === undefined ? {} : { bankKm: flags['bank-km'] }),
      ...(flags['width-km'] === undefined ? {} : { footprintWidthKm: flags['width-km'] }),
      ...(flags['snap-km'] === undefined ? {} : { snapToleranceKm: flags['snap-km'] }),
    });
    if (!result.valid) return fail(result.reason, culpritOf(result.reason, flags));
    return succeed({ region: bundle.region.id, ...result.value });
  },
});

/** `han=1.1,yangtze=1.4` → { han: 1.1, yangtze: 1.4 }, naming only rivers of the region. */
function parseRiverVelocities(text: string, bundle: RegionBundle): { ok: true; value: Record<string, number> } | { ok: false; reason: string } {
  const value: Record<string, number> = {};
  const known = new Set(bundle.rivers.features.map((river) => river.properties.id));
  for (const item of text.split(',').filter((part) => part.trim() !== '')) {
    const match = /^\s*([a-z0-9-]+)\s*=\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*$/.exec(item);
    if (!match) return { ok: false, reason: 'river-velocities-malformed' };
    const [, id, speed] = match as unknown as [string, string, string];
    if (!known.has(id)) return { ok: false, reason: 'river-unknown' };
    value[id] = Number(speed);
  }
  return { ok: true, value };
}

/** The flag a reason is about, echoed so a user sees which value to fix. */
function culpritOf(reason: string, flags: Record<string, unknown>): string {
  const echo = (name: string): string => `--${name} ${String(flags[name])}`;
  if (reason.startsWith('velocity')) return flags['river-velocities'] === undefined ? echo('velocity-mps') : `${echo('velocity-mps')} ${echo('river-velocities')}`;
  if (reason.startsWith('hours')) return echo('hours');
  if (reason.startsWith('bank-km')) return echo('bank-km');
  if (reason.startsWith('footprint-width')) return echo('width-km');
  if (reason.startsWith('snap-tolerance')) return echo('snap-km');
  return `${echo('lon')} ${echo('lat')} in ${String(flags.region)}`;
}

import { readFile } from 'node:fs/promises';
import { validateFootprint } from '../../core/footprint/validate-footprint.ts';
import { matchJurisdictions } from '../../core/jurisdiction/match-jurisdictions.ts';
import { defineCommand, fail, succeed } from '../command.ts';
import { isRegionContext, loadRegionContext } from '../region-context.ts';

export const matchCommand = defineCommand({
  name: 'match',
  summary: 'Jurisdictions a drawn footprint (GeoJSON file, or - for stdin) crosses, with roles',
  flags: {
    region: { type: 'string', required: true, help: 'region id (see `regions`)' },
    footprint: { type: 'string', required: true, help: 'GeoJSON file, or - to read standard input' },
    'advisory-km': { type: 'number', help: 'advisory buffer around the footprint, km (default 10)' },
    'source-lon': { type: 'number', help: 'hazard source longitude: its jurisdiction is the origin' },
    'source-lat': { type: 'number', help: 'hazard source latitude' },
  },
  async run(flags, context) {
    const region = loadRegionContext(flags.region);
    if (!isRegionContext(region)) return region;
    if ((flags['advisory-km'] ?? 0) < 0) return fail('invalid-advisory-km', 'must be 0 or more');
    if ((flags['source-lon'] === undefined) !== (flags['source-lat'] === undefined)) {
      return fail('incomplete-source', 'give both --source-lon and --source-lat, or neither');
    }
    let text: string;
    try {
      text = flags.footprint === '-' ? await context.readStdin() : await readFile(flags.footprint, 'utf8');
    } catch (e) {
      return fail('footprint-unreadable', (e as Error).message);
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return fail('not-geojson', 'the footprint file is not JSON');
    }
    const checked = validateFootprint(input, { region: { bbox: region.bundle.region.bbox, index: region.index } });
    if (!checked.valid) return fail(checked.reason, checked.detail);
    const source = flags['source-lon'] === undefined ? undefined : [flags['source-lon'], flags['source-lat']!];
    const match = matchJurisdictions(checked.footprint, region.index, {
      ...(flags['advisory-km'] === undefined ? {} : { advisoryKm: flags['advisory-km'] }),
      ...(source ? { sourcePoint: source } : {}),
    });
    return succeed({
      region: region.bundle.region.id,
      footprint: checked.footprint,
      repairs: checked.repairs,
      footprint_km2: match.footprint_km2,
      // A drawn footprint carries no travel model, so nothing here has an arrival time.
      jurisdictions: match.jurisdictions.map((j) => ({ ...j, arrival_h: null })),
    });
  },
});
